"""Graph views for the browser: pyvis networks built from the analysis projections.

Every view (:func:`whole_graph_view`, :func:`ego_view`, :func:`event_view`,
:func:`path_view`, :func:`community_view`) reads a :class:`~kg.analysis.data.Snapshot`,
calls :mod:`kg.analysis` for the graph, and returns a :class:`View`: a
:class:`pyvis.network.Network` whose ``nodes``/``edges`` lists are filled directly (pyvis'
``add_node``/``add_edge`` are quadratic), plus a table of the events behind the edges
(quotes, source document, dates) that tooltips and the type/date filters use.

Nodes are styled by ontology class (:mod:`kg.views.style`) and sized by a centrality
computed with :func:`kg.analysis.centrality`; edges are directed and labelled by relation.
Above :data:`LAYOUT_THRESHOLD` nodes the layout is computed here (communities packed on a
spiral, each laid out by networkx) and physics is off, so the browser only draws.

>>> from kg.analysis.testing import toy_store
>>> from kg.analysis import load
>>> v = whole_graph_view(load(toy_store()))
>>> len(v.net.nodes), sorted(e["label"] for e in v.net.edges)[:2]
(5, ['affiliated with', 'arrested'])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.analysis import (
    Filters,
    Snapshot,
    actor_event_graph,
    all_short_paths,
    centrality,
    communities,
    ego_network,
    interaction_graph,
    make_filters,
    resolve_actor,
    resolve_event,
    shortest_path,
    statements_about,
)
from kg.analysis.data import CKG_NS, date_bounds, local_name
from kg.analysis.projections import DOER_ROLES, RESPONSIBLE_ROLES, STANCES, event_links
from kg.errors import KGError
from kg.views.style import EDGE_STYLES, NodeStyle, edge_style, legend, style_for

__all__ = [
    "LAYOUT_THRESHOLD",
    "METRICS",
    "View",
    "community_view",
    "ego_view",
    "event_view",
    "layout_positions",
    "path_view",
    "view_from_graph",
    "whole_graph_view",
]

#: Above this many nodes positions come from Python and physics is off.
LAYOUT_THRESHOLD = 300
#: The centralities nodes can be sized by.
METRICS = ("pagerank", "degree", "betweenness", "eigenvector")
MAX_QUOTES = 3  # per event, in the page
MAX_QUOTE_CHARS = 600
MAX_NODE_EVENTS = 12  # events kept per node for its tooltip
_STANCE_VERB = {
    "claim": "claims",
    "attribution": "attributes",
    "accusation": "accuses over",
    "denial": "denies",
    "declined to comment": "declines comment on",
    "condemnation": "condemns",
    "threat": "threatens over",
    "statement": "about",
}


@dataclass
class View:
    """A graph ready to draw: the pyvis network and what the page needs around it."""

    kind: str
    title: str
    net: Network
    events: list[dict[str, Any]]
    legend: list[dict[str, str]]
    event_types: list[str]
    physics: bool
    metric: str
    focus: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stances: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n_nodes(self) -> int:
        return len(self.net.nodes)

    @property
    def n_edges(self) -> int:
        return len(self.net.edges)

    def payload(self, *, links: bool = False) -> dict[str, Any]:
        """Everything the page script reads (JSON-ready)."""
        return {
            "kind": self.kind,
            "title": self.title,
            "nodes": self.net.nodes,
            "edges": self.net.edges,
            "events": self.events,
            "options": self.net.options,
            "physics": self.physics,
            "metric": self.metric,
            "focus": self.focus,
            "stances": [x["stance"] for x in self.stances],
            "links": links,
        }


# ---------------------------------------------------------------- building


class _Builder:
    """Collects nodes, merged directed edges and the events behind them."""

    def __init__(self, snap: Snapshot | None, info: dict[str, dict[str, Any]] | None = None):
        self.snap = snap
        self.info = info or {}
        self.index: dict[str, int] = {}
        self.nodes: list[dict[str, Any]] = []
        self.edges: dict[tuple[int, int, str], dict[str, Any]] = {}
        self.ev_index: dict[str, int] = {}
        self.events: list[dict[str, Any]] = []
        self.styles: set[NodeStyle] = set()
        self._names: dict[frozenset[str], tuple[list[str], list[str]]] = {}

    # events ------------------------------------------------------------
    def _type_names(self, types: Iterable[str]) -> tuple[list[str], list[str]]:
        """(most specific class names, every class name up the hierarchy)."""
        key = frozenset(types)
        got = self._names.get(key)
        if got is None:
            h = self.snap.hierarchy if self.snap else None
            if h is None:
                names = sorted({local_name(t) for t in key})
                got = (names, names)
            else:
                specific = sorted(
                    local_name(t) for t in key if not any(o != t and h.is_a([o], t) for o in key)
                )
                up = {
                    local_name(c)
                    for t in key
                    for c in (h.class_up.get(t) or {t})
                    if c.startswith(CKG_NS)
                }
                got = (specific, sorted(up | {local_name(t) for t in key}))
            self._names[key] = got
        return got

    def event(self, iri: str) -> int:
        i = self.ev_index.get(iri)
        if i is not None:
            return i
        info = self.info.get(iri, {})
        snap = self.snap
        ev = snap.events.get(iri) if snap else None
        if ev is not None and snap is not None:
            label = ev.label or info.get("label") or local_name(iri)
            date = ev.when(snap.docs)
            types: Iterable[str] = ev.types
            quotes = list(ev.evidence) or list(info.get("evidence", []))
            doc = snap.docs.get(ev.doc or "")
            doc_title = (doc.title or doc.id) if doc else local_name(ev.doc or "")
            source = doc.source if doc else ""
            issued = doc.issued if doc else None
        else:
            label = info.get("label") or local_name(iri)
            date = info.get("date")
            types = info.get("types", ())
            quotes = list(info.get("evidence", []))
            doc_title = info.get("doc", "")
            source = info.get("source", "")
            issued = info.get("issued")
        specific, every = self._type_names(types)
        lo, hi = date_bounds(date) if date else (None, None)
        rec = {
            "iri": iri,
            "label": label,
            "date": date,
            "a": lo,
            "b": hi,
            "t": specific,
            "m": every,
            "doc": doc_title,
            "src": source,
            "issued": issued,
            "q": [_clip(q) for q in quotes[:MAX_QUOTES]],
            "nq": len(quotes),
        }
        i = self.ev_index[iri] = len(self.events)
        self.events.append(rec)
        return i

    # nodes and edges ---------------------------------------------------
    def node(
        self,
        iri: str,
        *,
        kind: str | None = None,
        label: str | None = None,
        types: Iterable[str] | None = None,
    ) -> int:
        i = self.index.get(iri)
        if i is not None:
            return i
        snap = self.snap
        ent = snap.entities.get(iri) if snap else None
        sev = snap.events.get(iri) if snap else None
        if kind is None:
            kind = "event" if sev is not None else "place" if ent and not ent.is_actor else "actor"
        if types is None:
            types = (ent.types if ent else sev.types if sev else ()) or ()
        if label is None:
            label = snap.label(iri) if snap else local_name(iri)
        st = style_for(types, kind, snap.hierarchy if snap else None)
        self.styles.add(st)
        rec: dict[str, Any] = {
            "id": len(self.nodes),
            "iri": iri,
            "label": label,
            "kind": kind,
            "cls": st.name,
            "shape": st.shape,
            "color": st.color,
            "ev": [],
        }
        if ent is not None and ent.aliases:
            rec["aliases"] = sorted(ent.aliases)[:6]
        if kind == "event":
            rec["ev"] = [self.event(iri)]
        self.index[iri] = rec["id"]
        self.nodes.append(rec)
        return int(rec["id"])

    def edge(
        self, u: str, v: str, rel: str, events: Iterable[str] = (), stance: str = "stated"
    ) -> None:
        """An edge from ``u`` to ``v``; edges of different stances are drawn apart."""
        a, b = self.node(u), self.node(v)
        if a == b:
            return
        e = self.edges.get((a, b, stance))
        if e is None:
            e = self.edges[(a, b, stance)] = {
                "from": a,
                "to": b,
                "rel": [],
                "ev": [],
                "stance": stance,
                **edge_style(stance).vis(),
            }
            if stance != "stated":
                e["sl"] = edge_style(stance).label
            if stance != "stated":  # apart from a stated edge between the same nodes
                turn = 0.15 + 0.12 * STANCES.index(stance) if stance in STANCES else 0.3
                e["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(turn, 2)}
        if rel not in e["rel"]:
            e["rel"].append(rel)
        for x in events:
            j = self.event(x)
            if j not in e["ev"]:
                e["ev"].append(j)

    # the result ----------------------------------------------------------
    def finish(
        self,
        kind: str,
        title: str,
        *,
        metric: str = "pagerank",
        values: dict[str, float] | None = None,
        focus: Sequence[str] = (),
        notes: Sequence[str] = (),
        seed: int = 42,
    ) -> View:
        nodes, edges = self.nodes, list(self.edges.values())
        for k, e in enumerate(edges):
            e["id"] = k
            e["label"] = " / ".join(e["rel"])
            e["arrows"] = "to"
        # a node's events: its own, then those of its edges (latest first, bounded)
        per_node: dict[int, set[int]] = {}
        for e in edges:
            for end in (e["from"], e["to"]):
                per_node.setdefault(end, set()).update(e["ev"])
        for n in nodes:
            own = list(n["ev"])
            more = sorted(
                per_node.get(n["id"], set()) - set(own),
                key=lambda j: (self.events[j]["date"] or "", j),
                reverse=True,
            )
            n["ev"] = (own + more)[:MAX_NODE_EVENTS]
            n["nev"] = len(set(own) | per_node.get(n["id"], set()))
        if values is None:
            values = _view_centrality(nodes, edges, metric)
        _size(nodes, values, metric)
        physics = len(nodes) <= LAYOUT_THRESHOLD
        if not physics:
            pos = layout_positions(len(nodes), [(e["from"], e["to"]) for e in edges], seed=seed)
            for n, (x, y) in zip(nodes, pos, strict=True):
                n["x"], n["y"] = round(x, 1), round(y, 1)
        net = Network(directed=True, height="100%", width="100%")
        net.nodes, net.edges = nodes, edges
        net.options = _options(physics, len(nodes))
        types = sorted({t for ev in self.events for t in ev["m"]} - {"Event"})
        used = {e["stance"] for e in edges}
        stances = [
            {"stance": st.stance, "label": st.label, "color": st.color, "dash": st.dasharray}
            for st in EDGE_STYLES.values()
            if st.stance in used
        ]
        focus_ids = [self.index[f] for f in focus if f in self.index]
        for i in focus_ids:
            nodes[i]["borderWidth"] = 4
            nodes[i]["font"] = {"size": 18, "bold": True}
        return View(
            kind=kind,
            title=title,
            net=net,
            events=self.events,
            legend=legend(self.styles),
            event_types=types,
            physics=physics,
            metric=metric,
            focus=focus_ids,
            notes=list(notes),
            stances=stances,
        )


def _clip(q: str) -> str:
    return q if len(q) <= MAX_QUOTE_CHARS else q[: MAX_QUOTE_CHARS - 1] + "…"


def _view_centrality(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], metric: str
) -> dict[str, float]:
    G = nx.DiGraph()
    G.add_nodes_from(n["iri"] for n in nodes)
    G.add_edges_from(
        (nodes[e["from"]]["iri"], nodes[e["to"]]["iri"], {"weight": max(1, len(e["ev"]))})
        for e in edges
    )
    return _metric(G, metric)


def _metric(G: nx.Graph, metric: str, nodes: Iterable[str] | None = None) -> dict[str, float]:
    if metric not in METRICS:
        raise KGError(f"unknown centrality {metric!r}: choose {', '.join(METRICS)}")
    k = 200 if metric == "betweenness" and G.number_of_nodes() > 1000 else None
    vals = centrality(G, [metric], betweenness_k=k, nodes=list(nodes) if nodes else None)
    return {n: float(v[metric]) for n, v in vals.items()}


def _size(nodes: list[dict[str, Any]], values: dict[str, float], metric: str) -> None:
    top = max((values.get(n["iri"], 0.0) for n in nodes), default=0.0) or 1.0
    small = len(nodes) > LAYOUT_THRESHOLD
    lo, span = (6.0, 24.0) if small else (10.0, 30.0)
    for n in nodes:
        v = values.get(n["iri"], 0.0)
        n["m"] = round(v, 6)
        n["size"] = round(lo + span * math.sqrt(max(v, 0.0) / top), 1)


def _options(physics: bool, n: int) -> dict[str, Any]:
    opts: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
            # long event labels wrap instead of spreading over their neighbours
            "widthConstraint": {"maximum": 130},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa0a6", "highlight": "#202124", "hover": "#202124"},
            "font": {
                "size": 10,
                "align": "middle",
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": False,
            "multiselect": False,
        },
    }
    if physics:
        opts["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000 if n <= 40 else -12000,
                "springLength": 150 if n <= 40 else 220,
                "springConstant": 0.03,
                "avoidOverlap": 0.3,
            },
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        }
        opts["edges"]["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15}
    else:
        opts["physics"] = {"enabled": False}
        opts["edges"]["smooth"] = {"enabled": False}
        opts["edges"]["font"]["size"] = 8
        opts["nodes"]["font"]["size"] = 12
        opts["interaction"].update(hideEdgesOnDrag=n > 1000, hideEdgesOnZoom=n > 1000)
    return opts


# ---------------------------------------------------------------- layout


def layout_positions(
    n: int, pairs: Sequence[tuple[int, int]], *, seed: int = 42, spacing: float = 38.0
) -> list[tuple[float, float]]:
    """Positions (in vis pixels) for ``n`` nodes joined by ``pairs``, without the browser.

    Louvain communities (:func:`kg.analysis.communities`) are packed on a spiral, largest
    in the middle, each a disc whose area grows with its size; inside a disc, networkx's
    spring layout (up to 250 members) or a sunflower with the best connected in the
    middle. Nodes in tiny components share one sunflower at the edge. Cost grows about
    linearly: no O(n²) step over the whole graph.

    >>> pos = layout_positions(4, [(0, 1), (1, 2)])
    >>> len(pos), all(isinstance(x, float) for p in pos for x in p)
    (4, True)
    """
    import numpy as np

    if n == 0:
        return []
    U = nx.Graph()
    U.add_nodes_from(range(n))
    U.add_edges_from((a, b) for a, b in pairs if a != b)
    groups: list[list[int]] = []
    loose: list[int] = []
    for c in communities(U, seed=seed, label_kind=None):
        if c["size"] >= 4:
            groups.append(list(c["members"]))
        else:
            loose.extend(c["members"])
    if loose:
        loose.sort(key=lambda v: (-U.degree(v), v))
        groups.append(loose)
    out = np.zeros((n, 2))
    placed_xy: list[tuple[float, float]] = []
    placed_r: list[float] = []
    golden = math.pi * (3 - math.sqrt(5))
    for members in sorted(groups, key=len, reverse=True):
        r = spacing * math.sqrt(len(members)) * 0.75 + spacing
        cx, cy = _pack(placed_xy, placed_r, r, spacing)
        placed_xy.append((cx, cy))
        placed_r.append(r)
        inner = r - spacing * 0.5
        if 8 <= len(members) <= 250 and members is not loose:
            sub = U.subgraph(members)
            p = nx.spring_layout(sub, seed=seed, iterations=40)
            arr = np.array([p[m] for m in members], dtype=float)
            arr -= arr.mean(axis=0)
            norm = np.abs(arr).max() or 1.0
            out[members] = arr / norm * inner + (cx, cy)
        else:
            ordered = sorted(members, key=lambda v: (-U.degree(v), v))
            k = np.arange(len(ordered), dtype=float)
            rad = inner * np.sqrt((k + 0.5) / len(ordered))
            ang = k * golden
            out[ordered, 0] = cx + rad * np.cos(ang)
            out[ordered, 1] = cy + rad * np.sin(ang)
    return [(float(x), float(y)) for x, y in out]


def _pack(
    xy: list[tuple[float, float]], radii: list[float], r: float, gap: float
) -> tuple[float, float]:
    """The first point on a growing spiral where a disc of radius ``r`` overlaps none."""
    import numpy as np

    if not xy:
        return 0.0, 0.0
    P = np.array(xy)
    R = np.array(radii)
    rad = radii[0] + r + gap
    theta = 0.0
    while True:
        x, y = rad * math.cos(theta), rad * math.sin(theta)
        if np.all(np.hypot(P[:, 0] - x, P[:, 1] - y) >= R + r + gap):
            return x, y
        step = (r + gap) / rad
        theta += step
        rad += (r + gap) * step / (2 * math.pi)


# ---------------------------------------------------------------- views


def view_from_graph(
    G: nx.Graph,
    *,
    snap: Snapshot | None = None,
    title: str = "conflict-kg graph",
    kind: str = "graph",
    metric: str = "pagerank",
    values: dict[str, float] | None = None,
    focus: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> View:
    """A :class:`View` of a projection: :func:`~kg.analysis.interaction_graph` (or a
    subgraph of it) or :func:`~kg.analysis.actor_event_graph`.

    Without ``snap``, event details come from ``G.graph["events"]`` (``label``, ``date``,
    ``evidence``, and optionally ``types``, ``doc``, ``source``, ``issued``).
    """
    b = _Builder(snap, G.graph.get("events", {}))
    for n, d in G.nodes(data=True):
        b.node(n, kind=d.get("kind"), label=d.get("label"), types=_type_iris(d.get("types")))
    if G.graph.get("projection") == "actor-event":
        for u, v, d in G.edges(data=True):
            actor, ev = (u, v) if G.nodes[v].get("kind") == "event" else (v, u)
            roles = d.get("roles") or [d.get("role", "linked")]
            stances = d.get("stances") or ["stated"] * len(roles)
            for role, stance in zip(roles, stances, strict=False):
                if role in DOER_ROLES or role in RESPONSIBLE_ROLES:
                    b.edge(actor, ev, role, [ev], stance)
                else:
                    b.edge(ev, actor, role, [ev], stance)
    else:
        for u, v, k, d in _edges_with_keys(G):
            b.edge(u, v, str(k), d.get("events", []), d.get("stance", "stated"))
    if values is None and G.number_of_nodes():
        values = _metric(G, metric)
    return b.finish(kind, title, metric=metric, values=values, focus=focus, notes=notes)


def _edges_with_keys(G: nx.Graph) -> Iterable[tuple[Any, Any, Any, dict[str, Any]]]:
    """Every edge with its label: the multigraph key, or else its ``type``."""
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            yield u, v, (k if isinstance(k, str) else d.get("type", "linked")), d
    else:
        for u, v, d in G.edges(data=True):
            yield u, v, d.get("type", "linked"), d


def _type_iris(types: Iterable[str] | None) -> list[str] | None:
    if types is None:
        return None
    return [t if "://" in t else CKG_NS + t for t in types]


def _filters(filters: Filters | None, kw: dict[str, Any]) -> Filters:
    return make_filters(filters, **{k: v for k, v in kw.items() if v is not None})


def whole_graph_view(
    snap: Snapshot,
    *,
    graph: str = "actors",
    metric: str = "pagerank",
    filters: Filters | None = None,
    **kw: Any,
) -> View:
    """The whole graph: the actor–actor interaction network (``graph="actors"``) or the
    actor–event graph (``graph="actor-event"``), within the filters."""
    f = _filters(filters, kw)
    if graph == "actors":
        G = interaction_graph(snap, filters=f)
        title = "Actor network"
    elif graph == "actor-event":
        G = actor_event_graph(snap, filters=f)
        title = "Actors and events"
    else:
        raise KGError(f"unknown graph {graph!r}: choose actors or actor-event")
    return view_from_graph(G, snap=snap, title=title, kind="graph", metric=metric)


def ego_view(
    snap: Snapshot,
    actor: str,
    *,
    radius: int = 1,
    metric: str = "pagerank",
    filters: Filters | None = None,
    G: nx.MultiDiGraph | None = None,
    **kw: Any,
) -> View:
    """The actors within ``radius`` (1-3) hops of ``actor`` and every edge among them."""
    if not 1 <= radius <= 3:
        raise KGError(f"radius {radius} is out of range: choose 1, 2 or 3")
    center = resolve_actor(snap, actor)
    if G is None:
        G = interaction_graph(snap, filters=_filters(filters, kw))
    ego = ego_network(G, center, radius=radius)
    ids = [x["id"] for x in ego["nodes"] if x["id"] in G]
    sub = G.subgraph(ids)
    values = _metric(G, metric, ids) if ids else {}
    if center not in G:  # held responsible only for events that joined it to no one
        sub = nx.MultiDiGraph(sub)
        sub.add_node(center, **G.graph.get("lone", {}).get(center, {}))
        values[center] = 0.0
    return view_from_graph(
        sub,
        snap=snap,
        title=f"Ego network of {snap.label(center)} (radius {radius})",
        kind="ego",
        metric=metric,
        values=values,
        focus=[center],
    )


def path_view(
    snap: Snapshot,
    a: str,
    b: str,
    *,
    all_paths: bool = False,
    cutoff: int = 3,
    limit: int = 5,
    metric: str = "pagerank",
    filters: Filters | None = None,
    G: nx.MultiDiGraph | None = None,
    **kw: Any,
) -> View:
    """The shortest path (or every short path) between two actors, hop by hop."""
    u, v = resolve_actor(snap, a), resolve_actor(snap, b)
    if G is None:
        G = interaction_graph(snap, filters=_filters(filters, kw))
    if all_paths:
        paths = all_short_paths(G, u, v, cutoff=cutoff, limit=limit)
    else:
        one = shortest_path(G, u, v)
        paths = [one] if one else []
    if not paths:
        raise KGError(f"no path joins {snap.label(u)} and {snap.label(v)} within the filters")
    bld = _Builder(snap, G.graph.get("events", {}))
    bld.node(u)
    for path in paths:
        for h in path:
            for r in h["relations"]:
                s, t = (
                    (h["source"], h["target"])
                    if r["direction"] == "forward"
                    else (h["target"], h["source"])
                )
                bld.edge(
                    s,
                    t,
                    r.get("relation", r["type"]),
                    [e["iri"] for e in r["events"]],
                    r.get("stance", "stated"),
                )
    shown = list(bld.index)
    hops = min(len(p) for p in paths)
    return bld.finish(
        "path",
        f"{snap.label(u)} → {snap.label(v)} ({hops} hop{'s' if hops != 1 else ''})",
        metric=metric,
        values=_metric(G, metric, shown),
        focus=[u, v],
    )


def community_view(
    snap: Snapshot,
    community: str | int,
    *,
    metric: str = "pagerank",
    seed: int = 42,
    resolution: float = 1.0,
    filters: Filters | None = None,
    G: nx.MultiDiGraph | None = None,
    **kw: Any,
) -> View:
    """One Louvain community of the actor network: by its id (0 = the largest) or by the
    name of one of its members."""
    if G is None:
        G = interaction_graph(snap, filters=_filters(filters, kw))
    comms = communities(G, seed=seed, resolution=resolution)
    if not comms:
        raise KGError("the actor network is empty within the filters: no communities")
    key = str(community).strip()
    if key.isdigit():
        cid = int(key)
        if cid >= len(comms):
            raise KGError(f"no community {cid}: there are {len(comms)} (0 to {len(comms) - 1})")
        c = comms[cid]
    else:
        who = resolve_actor(snap, key)
        found = [c for c in comms if who in c["members"]]
        if not found:
            raise KGError(f"{snap.label(who)} takes part in no interaction within the filters")
        c = found[0]
    members = list(c["members"])
    return view_from_graph(
        G.subgraph(members),
        snap=snap,
        title=f"Community {c['id']}: {c['label']} ({c['size']} actors)",
        kind="community",
        metric=metric,
        values=_metric(G, metric, members),
        focus=list(c["top"][:1]),
    )


def event_view(snap: Snapshot, event: str, *, metric: str = "degree") -> View:
    """An event, its actors and places, its parts, and the statements about it (claims,
    attributions, denials) with their speakers."""
    iri = resolve_event(snap, event, statements=True)
    ev = snap.events[iri]
    b = _Builder(snap)
    b.node(iri)
    for link in event_links(snap, ev):
        if link.role in DOER_ROLES or link.role in RESPONSIBLE_ROLES:
            b.edge(link.actor, iri, link.role, [iri], link.stance)
        else:
            b.edge(iri, link.actor, link.role, [iri], link.stance)
    for p, x in ev.roles:
        if snap.is_place(x) and not snap.is_actor(x):
            b.edge(iri, x, local_name(p), [iri])
    if ev.part_of and ev.part_of in snap.events:
        b.edge(iri, ev.part_of, "part of", [iri])
    for other in snap.events.values():
        if other.part_of == iri:
            b.edge(other.iri, iri, "part of", [other.iri])
    doers = [x.actor for x in event_links(snap, ev) if x.role in ("perpetrator", "agent")]
    for row in statements_about(snap, iri):
        st = row["statement"]
        if st == iri:
            continue
        b.edge(st, iri, _STANCE_VERB.get(row["stance"], "about"), [st])
        sev = snap.events[st]
        named = []
        for a, r, _st, _by in event_links(snap, sev):
            if r == "speaker":
                b.edge(a, st, "speaker", [st])
            elif r == "reporter":
                b.edge(st, a, "reported by", [st])
            elif r == "attributed to":
                named.append(a)
                b.edge(st, a, "attributed to", [st])
        if row["inferred"] and not named:
            for a in doers:
                b.edge(st, a, "attributed to (inferred)", [st])
    return b.finish("event", f"Event: {ev.label or local_name(iri)}", metric=metric, focus=[iri])
