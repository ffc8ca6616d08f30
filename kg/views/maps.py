"""The map of events: ``/map`` in ``kg serve`` and :func:`event_map` in notebooks.

Events are points at their place's WGS84 coordinates (``wgs84:lat``/``wgs84:long``),
coloured by class (the same styles as the graph views), sized by fatalities and clustered
where dense; a time slider (a range over the events' dates) filters the map and the list,
and each point opens its event page. Everything is local: Leaflet, its marker clustering,
TopoJSON decoding and Natural Earth's country boundaries (``world-atlas``, 1:50m) come from
npm packages that ``make setup`` installs into ``kg/views/vendor`` (``npm ci``); no tile
server, no CDN. Natural Earth is public domain; Leaflet and the others are BSD/ISC-licensed.

>>> rows = [{"e": "urn:e1", "label": "Attack in Kerman", "types": "https://w3id.org/conflict-kg/ontology#SuicideBombing",
...          "lat": "30.28321", "long": "57.07879", "place": "urn:kerman", "plabel": "Kerman",
...          "date": "2024-01-03", "issued": None, "fat": "95", "prec": "1"}]
>>> ev = events_from_rows(rows)[0]
>>> ev["cls"], ev["lat"], ev["date"], ev["fatalities"], ev["precision"]
('SuicideBombing', 30.28321, '2024-01-03', 95, 1)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from kg.analysis.data import local_name
from kg.views.render import csp_hash, render
from kg.views.style import style_for

if TYPE_CHECKING:
    from kg.server.app import ServerContext

VENDOR = Path(__file__).resolve().parent / "vendor" / "node_modules"
#: name served under /static -> file inside the npm packages
VENDOR_FILES = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    # Arabic script (Dari, Pashto): the pages' font for it, loaded only where such text is
    "noto-naskh-arabic.woff2": (
        "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2"
    ),
}
SCRIPTS = ("leaflet.js", "leaflet.markercluster.js", "topojson-client.min.js", "map.js")
STYLES = ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css", "app.css", "map.css")

MAP_SPARQL = """
PREFIX wgs84: <http://www.w3.org/2003/01/geo/wgs84_pos#>
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?pl) AS ?plabel) ?place ?lat ?long
       (SAMPLE(?d) AS ?date) (SAMPLE(?i) AS ?issued) (MAX(?f) AS ?fat) (SAMPLE(?pn) AS ?prec)
       (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
WHERE {
  ?e ckg:location ?place ; a ?t .
  ?place wgs84:lat ?lat ; wgs84:long ?long .
  FILTER NOT EXISTS { ?e a/rdfs:subClassOf* ckg:Statement }
  OPTIONAL { ?e rdfs:label ?l }
  OPTIONAL { ?place rdfs:label ?pl }
  OPTIONAL { ?e ckg:date ?d }
  OPTIONAL { ?e prov:wasDerivedFrom ?doc . ?doc dcterms:issued ?i }
  OPTIONAL { ?e ckg:fatalities ?f }
  OPTIONAL { ?e ckg:locationPrecision ?p . ?p skos:notation ?pn }
}
GROUP BY ?e ?place ?lat ?long
"""


def vendor_files() -> dict[str, Path]:
    """The map's npm assets that are installed (name -> path)."""
    out = {}
    for name, rel in VENDOR_FILES.items():
        p = VENDOR / rel
        if p.is_file():
            out[name] = p
    return out


def missing_assets() -> list[str]:
    """Names of map assets that are not installed (``make setup`` installs them)."""
    have = vendor_files()
    return [n for n in VENDOR_FILES if n not in have]


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def events_from_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Map points from :data:`MAP_SPARQL` rows: one per event (its first located place)."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        iri = str(r["e"])
        if iri in out or r.get("lat") is None or r.get("long") is None:
            continue
        types = (_str(r.get("types")) or "").split()
        style = style_for(types, kind="event")
        date = _str(r.get("date")) or _str(r.get("issued"))
        fat = _str(r.get("fat"))
        prec = _str(r.get("prec"))
        out[iri] = {
            "iri": iri,
            "label": _str(r.get("label")) or local_name(iri),
            "cls": _most_specific(types) or style.name,
            "style": style.name,
            "color": style.color,
            "lat": float(str(r["lat"])),
            "lon": float(str(r["long"])),
            "place": _str(r.get("plabel")) or local_name(str(r["place"])),
            "place_iri": str(r["place"]),
            "date": date[:10] if date else None,
            "fatalities": int(float(fat)) if fat else None,
            "precision": int(prec) if prec and prec.isdigit() else None,
        }
    return sorted(out.values(), key=lambda e: (e["date"] or "", e["label"]))


def _most_specific(types: list[str]) -> str | None:
    """The deepest event class among an event's types (:mod:`kg.event_classes`)."""
    from kg.event_classes import is_event_class, most_specific

    best = most_specific(t for t in types if is_event_class(t))
    return best.name if best is not None else None


def map_events(store: Any) -> list[dict[str, Any]]:
    """The located events of a store (a :class:`kg.store.Store`, a remote one, or anything
    with ``select``), as map points: ``iri``, ``label``, ``cls``, ``color``, ``lat``,
    ``lon`` (WGS84 degrees), ``place``, ``date`` (ISO), ``fatalities`` (deaths),
    ``precision`` (ACLED geo-precision)."""
    return events_from_rows(store.select(MAP_SPARQL))


def payload(events: list[dict[str, Any]], link: str = "/event?iri=") -> dict[str, Any]:
    """What the map script reads: the points, the legend and the date range."""
    legend: dict[str, dict[str, Any]] = {}
    for e in events:
        item = legend.setdefault(e["style"], {"name": e["style"], "color": e["color"], "count": 0})
        item["count"] += 1
    dates = sorted(e["date"] for e in events if e["date"])
    return {
        "events": events,
        "legend": sorted(legend.values(), key=lambda x: -x["count"]),
        "dates": [dates[0], dates[-1]] if dates else None,
        "link": link,
    }


def standalone_map_html(events: list[dict[str, Any]], title: str = "Events on the map") -> str:
    """A self-contained page (every script, style and the basemap inline; a CSP that allows
    no network access) showing ``events``: for notebooks and files."""
    missing = missing_assets()
    if missing:
        from kg.errors import KGError

        raise KGError(
            f"the map's assets are not installed ({', '.join(missing)}): run `make setup` "
            "(it runs `npm ci` in kg/views/vendor)"
        )
    from kg.views.render import asset

    files = vendor_files()
    scripts = [files[n].read_text(encoding="utf-8") if n in files else asset(n) for n in SCRIPTS]
    styles = [files[n].read_text(encoding="utf-8") if n in files else asset(n) for n in STYLES]
    csp = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src {' '.join(csp_hash(s) for s in scripts)}; "
        f"style-src {' '.join(csp_hash(s) for s in styles)}"
    )
    world = json.loads(files["countries-50m.json"].read_text(encoding="utf-8"))
    return render(
        "map_file.html",
        title=title,
        csp=csp,
        data=payload(events, link=""),
        world=world,
        scripts=[Markup(s) for s in scripts],
        styles=[Markup(s) for s in styles],
    )


def router(ctx: ServerContext) -> Any:
    """``/map``: the map page of ``kg serve`` (mounted by :mod:`kg.server.app`)."""
    from fastapi import APIRouter
    from fastapi.responses import HTMLResponse
    from starlette.concurrency import run_in_threadpool

    from kg.store import PREFIXES

    r = APIRouter()
    cache: dict[int, list[dict[str, Any]]] = {}

    def select(sparql: str) -> list[dict[str, Any]]:
        res = ctx.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [v.value for v in res.variables]  # type: ignore[union-attr]
        return [
            {n: (sol[n].value if sol[n] is not None else None) for n in names}
            for sol in res  # type: ignore[union-attr]
        ]

    def located() -> list[dict[str, Any]]:
        gen = ctx.generation
        if gen not in cache:
            cache.clear()
            cache[gen] = events_from_rows(select(MAP_SPARQL))
        return cache[gen]

    def page() -> str:
        missing = missing_assets()
        if missing:
            return render(
                "message.html",
                title="The map is not installed",
                message="The map's scripts are missing ("
                + ", ".join(missing)
                + "): run `make setup` (it runs `npm ci` in kg/views/vendor) and restart.",
                q="",
            )
        return render("map.html", title="Map", data=payload(located()))

    async def map_page() -> HTMLResponse:
        return HTMLResponse(await run_in_threadpool(page))

    handler: Callable[[], Any] = map_page
    r.add_api_route("/map", handler, methods=["GET", "HEAD"], include_in_schema=False)
    return r


def event_map_html(store: Any, title: str = "Events on the map") -> str:
    """:func:`standalone_map_html` of every located event in ``store``."""
    return standalone_map_html(map_events(store), title)
