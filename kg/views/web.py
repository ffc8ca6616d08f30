"""The analyst's pages of ``kg serve``: search, actor and event pages, graph views, SPARQL.

:func:`router` is mounted by :func:`kg.server.app.create_app` (this module is listed in
``ROUTER_MODULES``). Pages:

``/``                 search box, corpus figures, the most active actors, the documents
``/search?q=``        actors, places and events by label or alias (SPARQL, ``q`` bound as a
                      value, never spliced into the query text)
``/actor?iri=``       profile, timeline chart (inline SVG), ego network, events and sources
``/event?iri=``       arguments, claims and attributions, evidence highlighted in the source
                      passages (``oa:start``/``oa:end`` of the evidence selectors)
``/place?iri=``       the events at a place
``/document?iri=``    a document: title, source, date, link out, the passages events were
                      read from with every event, actor and place highlighted and linked, and
                      the events read from it (RDF clients asking for Turtle & co. are sent
                      to ``/graphs?graph=``)
``/documents``        every document, latest first
``/resource?iri=``    redirects to the page of whatever the IRI names
``/graph``            the whole network (``graph``, ``metric``, ``start``, ``end``, ``type``)
``/graph/ego``, ``/graph/path``, ``/graph/community``, ``/graph/event``: the other views
``/communities``      the Louvain communities, each linked to its view
``/query``            the SPARQL page (its own small script; results from ``/sparql``)
``/static/...``       our stylesheet and scripts, and vis-network from the pyvis package

Everything is rendered by Jinja2 with autoescape on; scripts are files under ``/static``
(the app's Content-Security-Policy allows nothing inline) and read their data from
``<script type="application/json">`` blocks. The graph is read once (``kg.analysis.load``)
and kept for the snapshot being served; with ``kg serve --refresh`` a new snapshot makes the
pages read it again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from kg.analysis import Snapshot, load
from kg.analysis.data import local_name
from kg.errors import KGError
from kg.store import PREFIXES, Store
from kg.views import graphs
from kg.views.render import render, static_files

if TYPE_CHECKING:
    from kg.server.context import ServerContext

MAX_QUERY = 200
SEARCH_LIMIT = 60
CKG = PREFIXES["ckg"]
OA = PREFIXES["oa"]

SEARCH_SPARQL = """
SELECT ?q ?x (SAMPLE(?lab) AS ?label) (GROUP_CONCAT(DISTINCT ?name; separator="\\u001f") AS ?names)
WHERE {
  ?x rdfs:label|skos:altLabel ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?q))))
  OPTIONAL { ?x rdfs:label ?lab }
}
GROUP BY ?q ?x
LIMIT 500
"""

SELECTORS_SPARQL = """
SELECT ?doc ?ev ?start ?end ?exact WHERE {
  ?ev ckg:evidenceSelector ?sel .
  ?sel ckg:inDocument ?doc ; oa:start ?start ; oa:end ?end ; oa:exact ?exact .
}
"""

EVENT_FACTS_SPARQL = "SELECT ?e ?p ?o WHERE { ?e ?p ?o }"
DATE_BASIS_SPARQL = "SELECT ?e ?b WHERE { ?e ckg:dateBasis ?b }"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"

#: How the event page names each role of an actor in an event.
_ROLE_WORDS = {
    "perpetrator": "perpetrator",
    "claimed": "claimed by",
    "alleged": "alleged perpetrator",
    "suspected": "suspected perpetrator",
    "denied": "denied by",
    "arresting force": "arresting force",
    "attributed to": "holds responsible",
    "reporter": "reported by",
}

DOCUMENT_SPARQL = """
SELECT ?doc ?url ?lang ?chars WHERE {
  OPTIONAL { ?doc schema:url ?url } OPTIONAL { ?doc dcterms:language ?lang }
  OPTIONAL { ?doc ckg:characterCount ?chars }
}
"""

MENTIONS_SPARQL = "SELECT ?doc ?x WHERE { ?doc ckg:mentions ?x }"

#: Media types of RDF that a client may ask ``/document`` for instead of the page.
RDF_MEDIA_TYPES = (
    "text/turtle",
    "application/n-quads",
    "application/trig",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
)

DEFAULT_QUERY = """SELECT ?actor ?label (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event ckg:agent|ckg:perpetrator|ckg:speaker ?actor .
  ?actor rdfs:label ?label .
}
GROUP BY ?actor ?label
ORDER BY DESC(?events)
LIMIT 20"""

_HIDDEN_FACTS = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#label",
    CKG + "evidence",
    CKG + "evidenceSelector",
    "http://www.w3.org/ns/prov#wasGeneratedBy",
}


class _SharedStore(Store):
    """A :class:`kg.store.Store` over the server's own read-only Oxigraph handle."""

    def __init__(self, oxstore: ox.Store, path: Path) -> None:
        self.path = path
        self.read_only = True
        self._ox = oxstore


class _State:
    """The snapshot and the actor network, read once and shared by every request."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._G: Any = None
        self._generation = ctx.generation

    def _current(self) -> None:
        """Forget what was read from an older snapshot (``kg serve --refresh``)."""
        if self._generation != self.ctx.generation:
            self._snap, self._G = None, None
            self._generation = self.ctx.generation

    @property
    def store(self) -> Store:
        if self.ctx.store is None:
            raise KGError("the store is closed")
        return _SharedStore(self.ctx.store, self.ctx.store_path)

    def snapshot(self) -> Snapshot:
        with self._lock:
            self._current()
            if self._snap is None:
                self._snap = load(self.store)
            return self._snap

    def network(self) -> Any:
        from kg.analysis import interaction_graph

        snap = self.snapshot()
        with self._lock:
            self._current()
            if self._G is None:
                self._G = interaction_graph(snap)
            return self._G

    def select(self, sparql: str, **bind: ox.NamedNode | ox.Literal) -> list[dict[str, Any]]:
        """Rows of a SELECT, with ``bind`` substituted as values (never as query text).

        Oxigraph substitutes only variables of the projection: queries list them there.
        """
        res = self.ctx.store.query(
            sparql,
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
            substitutions={ox.Variable(k): v for k, v in bind.items()},
        )
        names = [v.value for v in res.variables]  # type: ignore[union-attr]
        return [{n: sol[n] for n in names} for sol in res]  # type: ignore[union-attr]


# ---------------------------------------------------------------- helpers


def _page(template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **ctx), status_code=status)


def _message(title: str, message: str, status: int = 404, q: str = "") -> HTMLResponse:
    return _page("message.html", status, title=title, message=message, q=q)


def _kind(snap: Snapshot, iri: str) -> str | None:
    if iri in snap.events:
        return "event"
    ent = snap.entities.get(iri)
    if ent is None:
        return "document" if iri in snap.docs else None
    return "actor" if ent.is_actor else "place"


def page_url(kind: str | None, iri: str) -> str | None:
    """The page of a resource of this kind."""
    if kind in ("actor", "event", "place"):
        return f"/{kind}?{urlencode({'iri': iri})}"
    if kind == "document":
        return f"/document?{urlencode({'iri': iri})}"
    return None


def _doc_info(snap: Snapshot, doc_iri: str | None) -> dict[str, Any]:
    """The snapshot's description of a document, with a title (its id, else its IRI's last
    segment) and a source ("" when unknown) for the pages."""
    info = snap.doc_info(doc_iri)
    info["title"] = info["title"] or info["id"] or (local_name(doc_iri) if doc_iri else "")
    info["source"] = info["source"] or ""
    return info


def _most_specific(snap: Snapshot, types: set[str]) -> list[str]:
    h = snap.hierarchy
    return sorted(local_name(t) for t in types if not any(o != t and h.is_a([o], t) for o in types))


def timeline_chart(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars of an inline SVG chart for :func:`kg.analysis.timeline` rows (one actor).

    Months fill the gaps between the first and the last; past 48 months (or with dates
    known only to the year) the bars are years.

    >>> c = timeline_chart([{"period": "2024-01", "events": 2}, {"period": "2024-03", "events": 1}])
    >>> [(b["period"], b["events"]) for b in c["bars"]]
    [('2024-01', 2), ('2024-02', 0), ('2024-03', 1)]
    """
    if not rows:
        return None
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["period"]] = counts.get(r["period"], 0) + int(r["events"])
    periods = sorted(counts)
    yearly = any(len(p) == 4 for p in periods)
    if not yearly:
        y0, m0 = map(int, periods[0].split("-"))
        y1, m1 = map(int, periods[-1].split("-"))
        if (y1 - y0) * 12 + (m1 - m0) > 48:
            yearly = True
    if yearly:
        by_year: dict[str, int] = {}
        for p, n in counts.items():
            by_year[p[:4]] = by_year.get(p[:4], 0) + n
        a, b = int(min(by_year)), int(max(by_year))
        seq = [str(y) for y in range(a, b + 1)]
        counts = by_year
    else:
        seq = []
        y, m = y0, m0
        while (y, m) <= (y1, m1):
            seq.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    top = max(counts.values()) or 1
    width, height, left, bottom, top_pad = 720, 180, 30, 34, 10
    slot = (width - left - 10) / len(seq)
    bar_w = max(2.0, slot * 0.7)
    plot_h = height - bottom - top_pad
    label_every = max(1, round(len(seq) / 12))
    bars = []
    for i, p in enumerate(seq):
        n = counts.get(p, 0)
        h = plot_h * n / top
        bars.append(
            {
                "period": p,
                "events": n,
                "x": round(left + i * slot + (slot - bar_w) / 2, 1),
                "y": round(top_pad + plot_h - h, 1),
                "w": round(bar_w, 1),
                "h": round(h, 1),
                "cx": round(left + i * slot + slot / 2, 1),
                "label": p if i % label_every == 0 else "",
            }
        )
    return {
        "bars": bars,
        "width": width,
        "height": height,
        "top": top,
        "base": height - bottom + 0.5,
        "left": left,
        "freq": "year" if yearly else "month",
        "total": sum(counts.values()),
    }


def evidence_passages(
    selectors: list[tuple[str, int, int, str]], mine: set[str]
) -> list[dict[str, Any]]:
    """Source passages rebuilt from a document's evidence selectors, ours highlighted.

    ``selectors`` are ``(event IRI, oa:start, oa:end, oa:exact)``. Overlapping spans join
    into one passage; each passage is a list of ``(text, highlighted)`` segments, where the
    highlighted ones are the spans of the events in ``mine``.

    >>> sel = [("e1", 0, 5, "Hello"), ("e2", 3, 11, "lo world"), ("e1", 20, 23, "Bye")]
    >>> [(p["start"], p["segments"]) for p in evidence_passages(sel, {"e1"})]
    [(0, [('Hello', True), (' world', False)]), (20, [('Bye', True)])]
    """
    spans = sorted((s, e, x, ev) for ev, s, e, x in selectors if e - s == len(x) and s >= 0)
    passages: list[dict[str, Any]] = []
    for s, e, x, ev in spans:
        cur = passages[-1] if passages else None
        if cur is not None and s <= cur["end"]:
            if e > cur["end"]:
                cur["text"] += x[cur["end"] - s :]
                cur["end"] = e
        else:
            cur = {"start": s, "end": e, "text": x, "marks": []}
            passages.append(cur)
        if ev in mine:
            cur["marks"].append((s, e))
    for p in passages:
        cuts = sorted({p["start"], p["end"], *(c for m in p["marks"] for c in m)})
        segs: list[tuple[str, bool]] = []
        for a, b in pairwise(cuts):
            text = p["text"][a - p["start"] : b - p["start"]]
            marked = any(ms <= a and b <= me for ms, me in p["marks"])
            if segs and segs[-1][1] == marked:
                segs[-1] = (segs[-1][0] + text, marked)
            elif text:
                segs.append((text, marked))
        p["segments"] = segs
        p["marked"] = bool(p["marks"])
    # unmatched offsets (a selector whose exact text does not fit its offsets): shown as is
    return passages


def document_passages(
    selectors: list[tuple[str, int, int, str]],
    events: dict[str, int],
    names: dict[str, tuple[str, str, str]],
) -> list[dict[str, Any]]:
    """The passages of a document that events were read from, cut into marked segments.

    ``selectors`` are ``(event IRI, oa:start, oa:end, oa:exact)``; ``events`` numbers the
    events to mark (IRI -> number); ``names`` maps a name (an actor's or place's label or
    alias) to ``(IRI, kind, label)``. Each passage is ``start``, ``end`` and ``segments``:
    dicts with ``text``, ``events`` (the numbers of the events whose evidence covers it),
    ``entity`` (``(url, kind, label)`` when it is a name, matched whole-word, longest first)
    and ``ends`` (the numbers of the events whose evidence ends there, for the link marks).

    >>> sel = [("e1", 0, 15, "ISIS-K hit Kabul"[:15]), ("e2", 17, 25, "It said.")]
    >>> ps = document_passages(sel, {"e1": 1}, {"isis-k": ("x", "actor", "ISIS-K")})
    >>> [(g["text"], g["events"], g["entity"] is not None, g["ends"]) for g in ps[0]["segments"]]
    [('ISIS-K', [1], True, []), (' hit Kabu', [1], False, [1])]
    >>> [g["text"] for g in ps[1]["segments"]]
    ['It said.']
    """
    import re

    base = evidence_passages(selectors, set())
    spans = [(s, e, events[ev]) for ev, s, e, x in selectors if ev in events and e - s == len(x)]
    pattern = None
    if names:
        alts = sorted(names, key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(n) for n in alts) + r")(?!\w)", re.IGNORECASE
        )
    out = []
    for p in base:
        text, p0 = p["text"], p["start"]
        cuts = {0, len(text)}
        for s, e, _n in spans:
            if p0 <= s and e <= p["end"]:
                cuts |= {s - p0, e - p0}
        ents: list[tuple[int, int, tuple[str, str, str]]] = []
        if pattern is not None:
            for m in pattern.finditer(text):
                iri, kind, label = names[m.group(1).casefold()]
                ents.append((m.start(), m.end(), (page_url(kind, iri) or "", kind, label)))
                cuts |= {m.start(), m.end()}
        segs = []
        for a, b in pairwise(sorted(cuts)):
            covering = sorted({n for s, e, n in spans if s - p0 <= a and b <= e - p0})
            ent = next((x for s, e, x in ents if s <= a and b <= e), None)
            ends = sorted({n for s, e, n in spans if e - p0 == b})
            segs.append({"text": text[a:b], "events": covering, "entity": ent, "ends": ends})
        out.append({"start": p["start"], "end": p["end"], "segments": segs})
    return out


@lru_cache(maxsize=1)
def ontology_terms() -> dict[str, tuple[str, str]]:
    """IRI -> (``rdfs:label``, ``rdfs:comment``) of every term of the packaged ontology, in
    English, for pages that name properties and classes the way the ontology does.

    >>> ontology_terms()[CKG + "fatalitiesMax"][0]
    'fatalities (maximum)'
    """
    from rdflib import RDFS, Literal

    from kg.ontology import ontology_graph

    g = ontology_graph()

    def pick(subject: Any, p: Any) -> str:
        vals = [o for o in g.objects(subject, p) if isinstance(o, Literal)]
        en = [o for o in vals if o.language in (None, "en")]
        return str((en or vals)[0]) if vals else ""

    return {
        str(x): (pick(x, RDFS.label), pick(x, RDFS.comment))
        for x in set(g.subjects(RDFS.label, None))
    }


def term_label(iri: str) -> str:
    """The ontology's label of a term, else its local name split into words.

    >>> term_label(CKG + "wasNotInTheOntology"), term_label(CKG + "trigger")
    ('was not in the ontology', 'trigger')
    """
    import re

    got = ontology_terms().get(iri)
    if got and got[0]:
        return got[0]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local_name(iri)).lower()


DATE_PRECISION = {4: "year", 7: "month", 10: "day"}


def count_text(best: Any, low: Any, high: Any) -> str:
    """A count as coders write it: the best estimate, then the bounds when they differ.

    >>> count_text(95, 85, 105), count_text(None, 11, None), count_text(3, None, None)
    ('95 (85-105)', 'at least 11', '3')
    >>> count_text(None, 24, 48), count_text(None, None, 10), count_text(23, 23, None)
    ('24-48', 'at most 10', 'at least 23')
    """
    if best is not None:
        if low is not None and high is not None and (low, high) != (best, best):
            return f"{best} ({low}-{high})"
        if low is not None and high is None:
            # "at least 23": the best estimate is the lower bound, the upper one is open
            return f"at least {low}" if low == best else f"{best} (at least {low})"
        if low is not None and low != best:
            return f"{best} (at least {low})"
        if high is not None and high != best:
            return f"{best} (at most {high})"
        return f"{best}"
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    return f"at most {high}"


def says(row: dict[str, Any]) -> str:
    """What a statement says, in words, for the claims table of an event page.

    ``row`` is a row of :func:`kg.analysis.statements_about`.

    >>> says({"stance": "claim", "speaker": "ISIS-K", "attributed_to": "ISIS-K"})
    'claims responsibility'
    >>> says({"stance": "claim", "speaker": "Islamic State", "attributed_to": "ISIS-K"})
    'claims it on behalf of ISIS-K'
    >>> says({"stance": "attribution", "speaker": "United States", "attributed_to": "ISIS-K"})
    'holds ISIS-K responsible'
    >>> says({"stance": "denial", "speaker": "Taliban", "attributed_to": ""})
    'denies involvement'
    """
    stance, who = row.get("stance", ""), row.get("attributed_to") or ""
    speaker = row.get("speaker") or ""
    if stance == "claim":
        others = [w for w in who.split(", ") if w and w != speaker]
        return f"claims it on behalf of {', '.join(others)}" if others else "claims responsibility"
    if stance in ("attribution", "accusation"):
        verb = "accuses" if stance == "accusation" else "holds"
        if not who:
            return "blames someone it does not name"
        return f"{verb} {who}" + (" responsible" if stance == "attribution" else "")
    if stance == "denial":
        return "denies involvement"
    if stance == "declined to comment":
        return "declines to comment"
    return {"condemnation": "condemns it", "threat": "threatens over it"}.get(
        stance, f"makes a statement about it{f' (naming {who})' if who else ''}"
    )


def _int(term: Any) -> int:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return -1


# ---------------------------------------------------------------- the router


def router(ctx: ServerContext) -> APIRouter:
    """The pages, over ``ctx.store`` (read-only)."""
    state = _State(ctx)
    r = APIRouter()
    files = static_files()

    def route(path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
            r.add_api_route(path, fn, methods=["GET", "HEAD"], include_in_schema=False)
            return fn

        return deco

    async def run(fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        return await run_in_threadpool(fn, *a, **kw)

    # ------------------------------------------------------------ static
    @route("/static/{name}")
    async def static(name: str) -> Response:
        path = files.get(name)
        if path is None:
            return Response("not found", status_code=404, media_type="text/plain")
        media = {
            ".js": "text/javascript; charset=utf-8",
            ".css": "text/css; charset=utf-8",
            ".ico": "image/x-icon",
            ".woff2": "font/woff2",
        }.get(path.suffix, "application/octet-stream")
        return Response(
            path.read_bytes(), media_type=media, headers={"Cache-Control": "max-age=3600"}
        )

    @route("/favicon.ico")
    async def favicon() -> Response:
        return Response(
            files["favicon.ico"].read_bytes(),
            media_type="image/x-icon",
            headers={"Cache-Control": "max-age=86400"},
        )

    # ------------------------------------------------------------ home and search
    @route("/")
    async def home() -> HTMLResponse:
        def build() -> dict[str, Any]:
            from kg.analysis import top_actors
            from kg.store import STATS, stats_query

            snap = state.snapshot()
            row = state.select(stats_query())[0]
            # the same counts, under the same definitions, as `kg stats` and `kg ingest`
            stats = {k: int(row[k.replace(" ", "_")].value) for k in STATS}
            docs = sorted(snap.docs.values(), key=lambda d: (d.issued or "", d.id), reverse=True)
            return {
                "stats": stats,
                "top": top_actors(snap, n=12),
                "docs": docs[:30],
                "ndocs": len(docs),
            }

        return _page("home.html", title="conflict-kg", **await run(build))

    @route("/search")
    async def search(q: str = "") -> HTMLResponse:
        q = q.strip()[:MAX_QUERY]
        if not q:
            return _page("search.html", title="Search", q="", results=[], total=0)

        def build() -> dict[str, Any]:
            snap = state.snapshot()
            rows = state.select(SEARCH_SPARQL, q=ox.Literal(q))
            key = q.casefold()
            located = CKG + "locatedIn"
            within: dict[str, list[str]] = {}
            for s_, p_, o_ in snap.relations:
                if p_ == located and snap.is_place(o_):
                    within.setdefault(s_, []).append(o_)
            out = []
            for row in rows:
                iri = row["x"].value if row["x"] is not None else ""
                kind = _kind(snap, iri)
                if kind not in ("actor", "place", "event"):
                    continue
                names = (row["names"].value if row["names"] is not None else "").split("\x1f")
                label = snap.label(iri)
                exact = any(n.casefold() == key for n in names)
                prefix = any(n.casefold().startswith(key) for n in names)
                seen = {label.strip().casefold()}
                matched = []
                for n in names:
                    k = " ".join(n.split()).casefold()
                    if n and k not in seen:
                        seen.add(k)
                        matched.append(" ".join(n.split()))
                matched = matched[:4]
                types = snap.events[iri].types if kind == "event" else snap.entities[iri].types
                rec: dict[str, Any] = {
                    "iri": iri,
                    "label": label,
                    "kind": kind,
                    "types": [term_label(CKG + t) for t in _most_specific(snap, types)],
                    "matched": matched,
                    "url": page_url(kind, iri),
                    "rank": (0 if exact else 1 if prefix else 2, label.casefold()),
                    "date": "",
                    "place": "",
                    "doc": None,
                    "about": "",
                }
                if kind == "place":
                    # two places of one name (a city and its district) told apart
                    rec["place"] = ", ".join(
                        sorted({f"in {snap.label(o)}" for o in within.get(iri, [])})
                    )
                if kind == "event":
                    ev = snap.events[iri]
                    rec["date"] = ev.when(snap.docs) or ""
                    rec["place"] = ", ".join(
                        dict.fromkeys(
                            snap.label(x)
                            for p, x in ev.roles
                            if p == CKG + "location" and snap.is_place(x)
                        )
                    )
                    rec["doc"] = {
                        **_doc_info(snap, ev.doc),
                        "url": page_url("document", ev.doc or ""),
                    }
                    rec["about"] = "; ".join(snap.label(x) for x in ev.about if x in snap.events)
                out.append(rec)
            order = {"actor": 0, "place": 1, "event": 2}
            out.sort(key=lambda x: (x["rank"], order[str(x["kind"])]))
            return {"results": out[:SEARCH_LIMIT], "total": len(out)}

        return _page("search.html", title=f"Search: {q}", q=q, **await run(build))

    @route("/resource")
    async def resource(iri: str = "") -> Response:
        snap = await run(state.snapshot)
        url = page_url(_kind(snap, iri), iri)
        if url is None:
            return _message("Not found", f"Nothing in this graph is called <{iri}>.")
        return RedirectResponse(url, status_code=303)

    # ------------------------------------------------------------ actor
    @route("/actor")
    async def actor(iri: str = "", radius: int = 1) -> HTMLResponse:
        radius = min(max(radius, 1), 3)

        def build() -> dict[str, Any] | None:
            from kg.analysis import actor_profile, timeline

            snap = state.snapshot()
            if not snap.is_actor(iri):
                return None
            prof = actor_profile(snap, iri)
            chart = timeline_chart(timeline(snap, actor=iri))
            rows = []
            for e in prof["events"]:
                ev = snap.events[e["iri"]]
                rows.append(
                    {
                        **e,
                        "types": _most_specific(snap, ev.types),
                        "doc": _doc_info(snap, ev.doc),
                        "quote": ev.evidence[0] if ev.evidence else "",
                        "url": page_url("event", e["iri"]),
                    }
                )
            for rel in (*prof["affiliations"], *prof["affiliates"]):
                rel["url"] = page_url(_kind(snap, rel["iri"]), rel["iri"])
            for p in prof["places"]:
                p["url"] = page_url("place", p["iri"])
            try:
                view = graphs.ego_view(snap, iri, radius=radius, G=state.network())
                ego_error = ""
            except KGError as err:
                view, ego_error = None, str(err)
            return {
                "p": prof,
                "chart": chart,
                "events": rows,
                "view": view,
                "data": view.payload(links=True) if view else None,
                "ego_error": ego_error,
                "radius": radius,
                "iri": iri,
            }

        got = await run(build)
        if got is None:
            return _message("No such actor", f"No actor in this graph has the IRI <{iri}>.")
        return _page("actor.html", title=got["p"]["label"], **got)

    # ------------------------------------------------------------ event
    @route("/event")
    async def event(iri: str = "") -> HTMLResponse:
        def build() -> dict[str, Any] | None:
            from kg.analysis import statements_about
            from kg.analysis.projections import event_links

            snap = state.snapshot()
            ev = snap.events.get(iri)
            if ev is None:
                return None
            node = ox.NamedNode(iri)
            raw: dict[str, list[Any]] = {}
            for row in state.select(EVENT_FACTS_SPARQL, e=node):
                raw.setdefault(row["p"].value, []).append(row["o"])
            facts = []
            counts = []
            for base in ("fatalities", "injured", "arrested"):
                vals = {k: raw.pop(CKG + base + k, [None])[0] for k in ("", "Min", "Max")}
                nums = {k: (v.value if v is not None else None) for k, v in vals.items()}
                if any(v is not None for v in nums.values()):
                    counts.append(
                        {
                            "label": term_label(CKG + base),
                            "value": count_text(nums[""], nums["Min"], nums["Max"]),
                            "anchor": base,
                            "note": ontology_terms().get(CKG + base, ("", ""))[1],
                        }
                    )
            raw_trigger = raw.pop(CKG + "trigger", [])
            for name in ("date", "dateBasis", "confidence"):
                raw.pop(CKG + name, None)
            conf = ev.confidence
            for p, objs in raw.items():
                if p in _HIDDEN_FACTS or p == PROV_DERIVED:
                    continue
                for o in objs:
                    value = o.value
                    kind = _kind(snap, value) if isinstance(o, ox.NamedNode) else None
                    if kind == "actor":
                        continue  # in the arguments, with the stance
                    facts.append(
                        {
                            "prop": term_label(p),
                            "value": snap.label(value)
                            if kind
                            else term_label(value)
                            if isinstance(o, ox.NamedNode)
                            else value,
                            "url": page_url(kind, value),
                            "kind": kind or "",
                            "note": ontology_terms().get(p, ("", ""))[1],
                        }
                    )
            facts.sort(key=lambda f: (f["prop"], f["value"]))
            date = ev.when(snap.docs)
            basis = raw_basis = None
            for row in state.select(DATE_BASIS_SPARQL, e=node):
                raw_basis = row["b"].value
            if raw_basis:
                basis = term_label(raw_basis)
            elif date and not ev.date:
                basis = term_label(CKG + "PublicationDate")
            date_info = {
                "value": date,
                "precision": DATE_PRECISION.get(len((date or "")[:10])),
                "basis": basis,
                "note": ontology_terms().get(raw_basis or "", ("", ""))[1],
            }
            quotes = list(ev.evidence)

            def evidence_for(actor: str) -> str:
                ent = snap.entities.get(actor)
                names = [n.casefold() for n in ([ent.label, *ent.aliases] if ent else []) if n]
                hit = [q for q in quotes if any(n in q.casefold() for n in names)]
                return (hit or quotes or [""])[0]

            roles = [
                {
                    "role": _ROLE_WORDS.get(x.role, x.role),
                    "stance": x.stance,
                    "by": [snap.label(b) for b in x.by if b != x.actor],
                    "label": snap.label(x.actor),
                    "url": page_url("actor", x.actor),
                    "evidence": evidence_for(x.actor),
                }
                for x in event_links(snap, ev)
            ]
            statements = []
            for row in statements_about(snap, iri):
                if row["statement"] == iri:
                    continue
                statements.append(
                    {**row, "says": says(row), "url": page_url("event", row["statement"])}
                )
            about = [
                {"label": snap.label(x), "url": page_url("event", x)}
                for x in ev.about
                if x in snap.events
            ]
            doc = _doc_info(snap, ev.doc)
            passages: list[dict[str, Any]] = []
            if ev.doc:
                sels = [
                    (row["ev"].value, _int(row["start"]), _int(row["end"]), row["exact"].value)
                    for row in state.select(SELECTORS_SPARQL, doc=ox.NamedNode(ev.doc))
                ]
                passages = evidence_passages(sels, {iri})
            view = graphs.event_view(snap, iri)
            return {
                "ev": ev,
                "types": _most_specific(snap, ev.types),
                "type_labels": [term_label(CKG + t) for t in _most_specific(snap, ev.types)],
                "date": date_info,
                "counts": counts,
                "confidence": conf,
                "confidence_note": ontology_terms().get(CKG + "confidence", ("", ""))[1],
                "trigger": [o.value for o in raw_trigger],
                "facts": facts,
                "roles": roles,
                "statements": statements,
                "about": about,
                "doc": doc,
                "passages": passages,
                "view": view,
                "data": view.payload(links=True),
            }

        got = await run(build)
        if got is None:
            return _message("No such event", f"No event in this graph has the IRI <{iri}>.")
        return _page("event.html", title=got["ev"].label or "Event", **got)

    # ------------------------------------------------------------ documents
    @route("/document")
    async def document(request: Request, iri: str = "") -> Response:
        accept = request.headers.get("accept", "")
        if accept and "text/html" not in accept and any(t in accept for t in RDF_MEDIA_TYPES):
            return RedirectResponse(f"/graphs?{urlencode({'graph': iri})}", status_code=303)

        def build() -> dict[str, Any] | None:
            snap = state.snapshot()
            if iri not in snap.docs:
                return None
            doc = _doc_info(snap, iri)
            node = ox.NamedNode(iri)
            meta = state.select(DOCUMENT_SPARQL, doc=node)
            row: dict[str, Any] = meta[0] if meta else {}
            evs = sorted(
                (e for e in snap.events.values() if e.doc == iri),
                key=lambda e: (e.when(snap.docs) or "", e.label),
            )
            sels = [
                (r["ev"].value, _int(r["start"]), _int(r["end"]), r["exact"].value)
                for r in state.select(SELECTORS_SPARQL, doc=node)
            ]
            first: dict[str, int] = {}
            for ev_iri, start, _e, _x in sorted(sels, key=lambda t: t[1]):
                first.setdefault(ev_iri, start)
            evs.sort(key=lambda e: (first.get(e.iri, 1 << 30), e.label))
            numbers = {e.iri: i for i, e in enumerate(evs, 1)}
            ents = {x.value for r in state.select(MENTIONS_SPARQL, doc=node) if (x := r["x"])}
            ents |= {x for e in evs for _p, x in e.roles if x in snap.entities}
            names: dict[str, tuple[str, str, str]] = {}
            for x in sorted(ents, key=lambda i: snap.label(i)):
                ent = snap.entities.get(x)
                if ent is None:
                    continue
                kind = "actor" if ent.is_actor else "place"
                own = [ent.label] + ([] if snap.is_generic(x) else sorted(ent.aliases))
                for n in own:
                    if n and len(n.strip()) >= 2:
                        names.setdefault(n.strip().casefold(), (x, kind, ent.label))
            rows = [
                {
                    "n": numbers[e.iri],
                    "label": e.label,
                    "url": page_url("event", e.iri),
                    "date": e.when(snap.docs),
                    "types": _most_specific(snap, e.types),
                    "has_text": e.iri in first,
                }
                for e in evs
            ]
            labels = {numbers[e.iri]: e.label for e in evs}
            return {
                "doc": doc,
                "url": row["url"].value if row.get("url") is not None else None,
                "lang": row["lang"].value if row.get("lang") is not None else None,
                "chars": _int(row.get("chars")) if row.get("chars") is not None else None,
                "events": rows,
                "labels": labels,
                "urls": {r["n"]: r["url"] for r in rows},
                "passages": document_passages(sels, numbers, names),
                "turtle": f"/graphs?{urlencode({'graph': iri})}",
            }

        got = await run(build)
        if got is None:
            return _message("No such document", f"No document in this graph has the IRI <{iri}>.")
        return _page("document.html", title=got["doc"]["title"], **got)

    @route("/documents")
    async def documents() -> HTMLResponse:
        def build() -> list[dict[str, Any]]:
            snap = state.snapshot()
            counts: dict[str, int] = {}
            for e in snap.events.values():
                counts[e.doc or ""] = counts.get(e.doc or "", 0) + 1
            docs = sorted(snap.docs.values(), key=lambda d: (d.issued or "", d.id), reverse=True)
            return [
                {
                    **_doc_info(snap, d.iri),
                    "url": page_url("document", d.iri),
                    "events": counts.get(d.iri, 0),
                }
                for d in docs
            ]

        return _page("documents.html", title="Documents", docs=await run(build))

    # ------------------------------------------------------------ place
    @route("/place")
    async def place(iri: str = "") -> HTMLResponse:
        def build() -> dict[str, Any] | None:
            snap = state.snapshot()
            ent = snap.entities.get(iri)
            if ent is None or not ent.is_place:
                return None
            rows = []
            for ev in snap.events.values():
                if any(x == iri for _p, x in ev.roles):
                    rows.append(
                        {
                            "label": ev.label,
                            "url": page_url("event", ev.iri),
                            "date": ev.when(snap.docs),
                            "types": _most_specific(snap, ev.types),
                            "doc": _doc_info(snap, ev.doc),
                        }
                    )
            rows.sort(key=lambda r: (r["date"] or "", r["label"]))
            within = [
                {"label": snap.label(p), "url": page_url("place", p)}
                for p in snap.place_ancestors(iri)[1:]
            ]
            return {
                "ent": ent,
                "types": _most_specific(snap, ent.types),
                "events": rows,
                "within": within,
            }

        got = await run(build)
        if got is None:
            return _message("No such place", f"No place in this graph has the IRI <{iri}>.")
        return _page("place.html", title=got["ent"].label, **got)

    # ------------------------------------------------------------ graph views
    def _graph_page(view: graphs.View, form: dict[str, Any] | None = None) -> HTMLResponse:
        return _page(
            "graph.html",
            title=view.title,
            view=view,
            data=view.payload(links=True),
            form=form,
            metrics=graphs.METRICS,
        )

    async def _view(fn: Callable[[], graphs.View], form: dict[str, Any] | None) -> HTMLResponse:
        try:
            view = await run(fn)
        except KGError as err:
            return _message("Cannot draw this view", str(err), 400)
        return _graph_page(view, form)

    @route("/graph")
    async def graph(
        graph: str = "actors",
        metric: str = "pagerank",
        start: str | None = None,
        end: str | None = None,
        type: str | None = None,
    ) -> HTMLResponse:
        def fn() -> graphs.View:
            snap = state.snapshot()
            return graphs.whole_graph_view(
                snap,
                graph=graph,
                metric=metric,
                start=start or None,
                end=end or None,
                event_types=type or None,
            )

        return await _view(fn, {"action": "/graph", "hidden": [], "graph": graph, "radius": None})

    @route("/graph/ego")
    async def graph_ego(iri: str = "", radius: int = 1, metric: str = "pagerank") -> HTMLResponse:
        def fn() -> graphs.View:
            return graphs.ego_view(
                state.snapshot(), iri, radius=radius, metric=metric, G=state.network()
            )

        form = {"action": "/graph/ego", "hidden": [("iri", iri)], "graph": None, "radius": radius}
        return await _view(fn, form)

    @route("/graph/path")
    async def graph_path(
        a: str = "", b: str = "", all: bool = False, metric: str = "pagerank"
    ) -> HTMLResponse:
        def fn() -> graphs.View:
            return graphs.path_view(
                state.snapshot(), a, b, all_paths=all, metric=metric, G=state.network()
            )

        hidden = [("a", a), ("b", b)] + ([("all", "true")] if all else [])
        return await _view(
            fn, {"action": "/graph/path", "hidden": hidden, "graph": None, "radius": None}
        )

    @route("/graph/community")
    async def graph_community(id: str = "0", metric: str = "pagerank") -> HTMLResponse:
        def fn() -> graphs.View:
            return graphs.community_view(state.snapshot(), id, metric=metric, G=state.network())

        form = {"action": "/graph/community", "hidden": [("id", id)], "graph": None, "radius": None}
        return await _view(fn, form)

    @route("/graph/event")
    async def graph_event(iri: str = "") -> HTMLResponse:
        return await _view(lambda: graphs.event_view(state.snapshot(), iri), None)

    @route("/communities")
    async def communities_page() -> HTMLResponse:
        def build() -> list[dict[str, Any]]:
            from kg.analysis import communities

            snap = state.snapshot()
            G = state.network()
            out = []
            for c in communities(G, seed=42):
                out.append(
                    {
                        "id": c["id"],
                        "label": c["label"],
                        "size": c["size"],
                        "members": [
                            {"label": snap.label(m), "url": page_url("actor", m)}
                            for m in c["members"][:12]
                        ],
                    }
                )
            return out

        return _page("communities.html", title="Communities", comms=await run(build))

    # ------------------------------------------------------------ SPARQL
    @route("/query")
    async def query_page(query: str = "") -> HTMLResponse:
        return _page(
            "query.html",
            title="SPARQL",
            query=query[: ctx.settings.max_query_chars] or DEFAULT_QUERY,
            prefixes=PREFIXES,
        )

    return r
