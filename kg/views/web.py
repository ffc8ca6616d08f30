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
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter
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
        return f"/graphs?{urlencode({'graph': iri})}"
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
        }.get(path.suffix, "application/octet-stream")
        return Response(
            path.read_bytes(), media_type=media, headers={"Cache-Control": "max-age=3600"}
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
                matched = [n for n in names if n and n != label][:4]
                types = snap.events[iri].types if kind == "event" else snap.entities[iri].types
                out.append(
                    {
                        "iri": iri,
                        "label": label,
                        "kind": kind,
                        "types": _most_specific(snap, types),
                        "matched": matched,
                        "url": page_url(kind, iri),
                        "rank": (0 if exact else 1 if prefix else 2, label.casefold()),
                    }
                )
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
            from kg.analysis.projections import event_roles

            snap = state.snapshot()
            ev = snap.events.get(iri)
            if ev is None:
                return None
            node = ox.NamedNode(iri)
            facts = []
            for row in state.select(EVENT_FACTS_SPARQL, e=node):
                p, o = row["p"].value, row["o"]
                if p in _HIDDEN_FACTS:
                    continue
                value = o.value
                kind = _kind(snap, value) if isinstance(o, ox.NamedNode) else None
                facts.append(
                    {
                        "prop": local_name(p),
                        "value": snap.label(value) if kind else value,
                        "url": page_url(kind, value),
                        "kind": kind or "",
                    }
                )
            facts.sort(key=lambda f: (f["prop"], f["value"]))
            roles = [
                {"role": r, "label": snap.label(a), "url": page_url("actor", a)}
                for a, r in event_roles(snap, ev)
            ]
            statements = []
            for row in statements_about(snap, iri):
                if row["statement"] == iri:
                    continue
                statements.append({**row, "url": page_url("event", row["statement"])})
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
                "date": ev.when(snap.docs),
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
