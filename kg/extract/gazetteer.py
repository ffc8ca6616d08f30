"""The gazetteer: actors and places as data, and the world's places from GeoNames.

The hand-curated entries (``data/actors.json``, ``data/places.json``) are held in memory;
every other place (all countries, first- and second-level divisions, populated places of at
least 1,000 inhabitants) is read on demand from the world index (:mod:`kg.geo.index`), in
which each curated place is merged with the GeoNames entry it stands for. Each entry has an
``id`` (the canonical key, stable across documents), a ``label``, ontology ``types``,
``aliases`` (acronyms, demonyms, other scripts), an optional Wikidata ``qid``, ``relations``
(``affiliateOf``, ``basedIn``, ``locatedIn``, ``partOf``, ...) and, for places, WGS84
coordinates (``lat``, ``lon``, decimal degrees), population, GeoNames id and feature code.
The loader checks the data and raises one error naming the entry and the problem.

>>> gaz = Gazetteer.load()
>>> gaz["isis-k"].label, gaz["isis-k"].relations["affiliateOf"]
('ISIS-K', ['isis'])
>>> sorted(gaz.lookup("Daesh"))
['isis']
>>> gaz.ancestors("kerman")
['iran-kerman-province', 'iran']
>>> t = gaz["pk-turbat-1163054"]
>>> t.label, t.types, round(t.lat, 2), round(t.lon, 2), t.geonameid
('Turbat', ('Settlement',), 26.0, 63.05, 1163054)
>>> gaz.ancestors("pk-turbat-1163054")
['pk-balochistan-kech', 'pakistan-balochistan', 'pakistan']
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.geo.index import GeoIndex
from kg.geo.names import key as name_key

DATA = Path(__file__).parent / "data"
PLACE_TYPES = {"Place", "Country", "AdminRegion", "Settlement", "Site"}
ACTOR_TYPES = {
    "Actor",
    "Person",
    "Organization",
    "ArmedGroup",
    "StateForce",
    "NonStateArmedGroup",
    "RebelGroup",
    "PoliticalMilitia",
    "IdentityMilitia",
    "CriminalGroup",
    "ExternalForce",
    "Government",
    "DeFactoGovernment",
    "GovernmentAgency",
    "IntelligenceAgency",
    "InternationalOrganization",
    "PoliticalParty",
    "MediaOutlet",
    "State",
    "SocialGroup",
    "Civilians",
}
RELATIONS = {"affiliateOf", "memberOf", "spokespersonOf", "basedIn", "locatedIn", "partOf"}


def norm(text: str) -> str:
    """A matching key for a name: NFKC, case-folded, quotes unified, ``the`` dropped.

    >>> norm("The Islamic Emirate’s")
    "islamic emirate's"
    >>> norm("ISIS-K") == norm("isis k")
    True
    """
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u200c", "")
    t = re.sub(r"[\u2010-\u2015\-_/]", " ", t)
    t = re.sub(r"[^\w' ]+", " ", t)
    t = re.sub(r"^the\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


_KIND_TYPES = {
    "country": ("Country", "State"),
    "admin1": ("AdminRegion",),
    "admin2": ("Settlement",),
    "place": ("Settlement",),
    "site": ("Site",),
}


@dataclass
class Entry:
    """One gazetteer entry.

    Places also carry what GeoNames knows: ``lat``/``lon`` (WGS84 decimal degrees; for a
    country or division a representative point, see ``point``), ``population`` (inhabitants,
    0 when unknown), ``geonameid``, ``feature_code`` (GeoNames: ``PCLI`` country, ``ADM1``,
    ``ADM2``, ``PPL`` populated place, ``PPLC`` capital), ``kind`` (``country``, ``admin1``,
    ``admin2``, ``place``, ``site``), ``country_code`` (ISO 3166-1 alpha-2), ``country`` and
    ``admin1`` (ids of the entries it lies in) and ``point`` (how the coordinates were
    obtained: ``geonames``, ``seat``, ``medoid``, ``curated``, ``container``).
    """

    id: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    feature_code: str = ""
    kind: str = ""
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    point: str = ""
    active: tuple[int | None, int | None] | None = None
    # an armed group that became a state authority on this ISO date (the Taliban's Islamic
    # Emirate: 2021-08-15); before it, its doings are a non-state actor's
    state_since: str | None = None

    @classmethod
    def from_row(cls, row: dict, curated: Entry | None = None) -> Entry:
        """An entry from a world-index row, or a curated entry completed by it."""
        geo = {
            "lat": row["lat"],
            "lon": row["lon"],
            "population": row["population"] or 0,
            "geonameid": row["geonameid"],
            "feature_code": row["fcode"] or "",
            "kind": row["kind"],
            "country_code": row["cc"],
            "country": row["country"],
            "admin1": row["admin1"],
            "point": row["point"] or "",
        }
        if curated is not None:
            for k, v in geo.items():
                setattr(curated, k, v)
            return curated
        return cls(
            id=row["id"],
            label=row["label"],
            types=_KIND_TYPES.get(row["kind"], ("Place",)),
            aliases=tuple(json.loads(row["aliases"] or "[]")),
            relations={"locatedIn": [row["parent"]]} if row["parent"] else {},
            **geo,
        )

    @property
    def is_place(self) -> bool:
        """Places are located somewhere; a country that acts is a place too."""
        return bool(PLACE_TYPES & set(self.types))

    @property
    def names(self) -> tuple[str, ...]:
        """The label and every alias."""
        return (self.label, *self.aliases)


class Gazetteer:
    """Entries by id, and an alias index from name keys to ids.

    ``entries`` holds the curated entries (actors and hand-curated places); the world's other
    places come from ``world`` (a :class:`kg.geo.index.GeoIndex`) when one is given.
    """

    def __init__(self, entries: list[Entry], world: GeoIndex | None = None) -> None:
        self.entries: dict[str, Entry] = {}
        self.world = world
        self._world_cache: dict[str, Entry | None] = {}
        self._capitals: dict[str, str] | None = None  # country code -> curated capital
        for e in entries:
            if e.id in self.entries:
                raise KGError(f"gazetteer: id {e.id!r} appears twice: make ids unique")
            self.entries[e.id] = e
        self.index: dict[str, set[str]] = {}
        for e in entries:
            for name in e.names:
                self.index.setdefault(name_key(name), set()).add(e.id)
        if world is not None:
            for e in entries:
                if e.is_place:
                    row = world.row(e.id)
                    if row is not None:
                        Entry.from_row(row, curated=e)
        for e in entries:
            for rel, targets in e.relations.items():
                for t in targets:
                    if t not in self:
                        raise KGError(
                            f"gazetteer: {e.id} {rel} {t!r}, but there is no entry {t!r}: "
                            "add it or fix the reference"
                        )

    def _world(self, key: str) -> Entry | None:
        if self.world is None:
            return None
        if key not in self._world_cache:
            if len(self._world_cache) > 50_000:
                self._world_cache.clear()
            row = self.world.row(key)
            self._world_cache[key] = Entry.from_row(row) if row is not None else None
        return self._world_cache[key]

    def __getitem__(self, key: str) -> Entry:
        e = self.entries.get(key)
        if e is None:
            e = self._world(key)
            if e is None:
                raise KeyError(key)
        return e

    def get(self, key: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.entries.get(key) or self._world(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.entries or self._world(key) is not None)

    def __len__(self) -> int:
        return len(self.entries) + (self.world.count() if self.world is not None else 0)

    def capital(self, country: str) -> str | None:
        """The id of the capital (GeoNames ``PPLC``) of the country entry ``country``: a
        curated entry first, else the world index's; None when neither knows it."""
        e = self.get(country)
        if e is None or e.kind != "country" or not e.country_code:
            return None
        if self._capitals is None:  # the curated capitals, by country code, read once
            self._capitals = {}
            for c in self.entries.values():
                if c.feature_code == "PPLC" and c.country_code:
                    self._capitals.setdefault(c.country_code, c.id)
        if e.country_code in self._capitals:
            return self._capitals[e.country_code]
        return self.world.capital(e.country_code) if self.world is not None else None

    def lookup(self, name: str) -> set[str]:
        """The ids a name may refer to (empty if unknown, several if ambiguous)."""
        return self.lookup_keys([name_key(name)]).get(name_key(name), set())

    def lookup_keys(self, keys: list[str]) -> dict[str, set[str]]:
        """Name key (:func:`kg.geo.names.key`) -> ids, for many keys at once (one query)."""
        out: dict[str, set[str]] = {}
        for k in keys:
            if k in self.index:
                out[k] = set(self.index[k])
        if self.world is not None:
            for k, ids in self.world.lookup_keys(keys).items():
                out.setdefault(k, set()).update(ids)
        return out

    def ancestors(self, key: str) -> list[str]:
        """Places (or parent bodies) ``key`` lies in, nearest first.

        >>> Gazetteer.load().ancestors("af-wardak-chak")
        ['af-wardak', 'afghanistan']
        """
        out: list[str] = []
        todo = [key]
        while todo:
            e = self.get(todo.pop(0))
            if e is None:
                continue
            for rel in ("locatedIn", "partOf"):
                for t in e.relations.get(rel, []):
                    if t not in out and t != key:
                        out.append(t)
                        todo.append(t)
        return out

    def depth(self, key: str) -> int:
        """How deep a place sits (a country 0, a province 1, a district 2)."""
        return len(self.ancestors(key))

    @classmethod
    def from_files(cls, *files: Path, world: GeoIndex | None = None) -> Gazetteer:
        """Load and check entries from JSON files (lists of objects)."""
        return cls(read_entries(*files), world=world)

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer (cached)."""
        return _packaged()


def country_of(key: str, gaz: Gazetteer, located: dict[str, list[str]] | None = None) -> str | None:
    """The country a place (or a country itself) lies in: through the gazetteer, and for
    places the gazetteer lacks through ``located`` (key -> keys it lies in, from the text).

    >>> gaz = Gazetteer.load()
    >>> country_of("af-wardak-chak", gaz), country_of("place/x", gaz, {"place/x": ["kabul-city"]})
    ('afghanistan', 'afghanistan')
    """
    located = located or {}
    todo, seen = [key], set()
    while todo:
        k = todo.pop(0)
        if k in seen:
            continue
        seen.add(k)
        if k in gaz and "Country" in gaz[k].types:
            return k
        todo += located.get(k, [])
        if k in gaz:
            todo += gaz.ancestors(k)
    return None


def read_entries(*files: Path) -> list[Entry]:
    """Read and check entries from JSON files (lists of objects); errors name the entry."""
    entries = []
    for f in files:
        try:
            rows = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise KGError(f"gazetteer file {f} cannot be read: {err}") from err
        for i, row in enumerate(rows):
            where = f"{f.name}[{i}] ({row.get('id', '?')})"
            missing = {"id", "label", "types"} - set(row)
            if missing:
                raise KGError(f"gazetteer {where}: missing {sorted(missing)}")
            bad = set(row["types"]) - PLACE_TYPES - ACTOR_TYPES
            if bad:
                raise KGError(
                    f"gazetteer {where}: unknown types {sorted(bad)}; "
                    f"use {sorted(PLACE_TYPES | ACTOR_TYPES)}"
                )
            rels = row.get("relations", {})
            if set(rels) - RELATIONS:
                raise KGError(
                    f"gazetteer {where}: unknown relations {sorted(set(rels) - RELATIONS)}; "
                    f"use {sorted(RELATIONS)}"
                )
            entries.append(
                Entry(
                    id=row["id"],
                    label=row["label"],
                    types=tuple(row["types"]),
                    aliases=tuple(a for a in row.get("aliases", []) if a.strip()),
                    qid=row.get("qid"),
                    relations={k: list(v) for k, v in rels.items()},
                    state_since=row.get("state_since"),
                )
            )
    return entries


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    from kg.extract.authority import authority_entries

    world = GeoIndex.open()
    entries = read_entries(DATA / "actors.json", DATA / "places.json")
    extra = authority_entries({e.id: e for e in entries}, world.countries())
    return Gazetteer(entries + extra, world=world)
