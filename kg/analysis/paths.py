"""Paths between actors and ego networks, with the events and quotes behind each hop.

Paths are searched in the interaction network taken without direction (an actor that was
attacked is as close to its attacker as the attacker is to it); each hop then lists every
typed edge between its two actors, in either direction, with the events and their quotes.

>>> from kg.analysis.testing import toy_store, iri
>>> from kg.analysis.projections import interaction_graph
>>> G = interaction_graph(toy_store())
>>> path = shortest_path(G, str(iri("ministry")), str(iri("police")))
>>> [(h["target_label"], sorted(r["relation"] for r in h["relations"])) for h in path]
... # doctest: +NORMALIZE_WHITESPACE
[('Group B', ['attributed to']),
 ('Police', ['arrested', 'attacked', 'attacked (denied)', 'attacked (suspected)'])]

Each relation says how firmly it is known (``stance``) and who says so (``by``):

>>> r = next(r for r in path[1]["relations"] if r["stance"] == "suspected")
>>> r["direction"], r["by"], r["events"][0]["evidence"]
('forward', [], ['Group A bombed a police convoy in the province.'])
"""

from __future__ import annotations

from itertools import islice, pairwise
from typing import Any

import networkx as nx

from kg.analysis.metrics import simple_graph
from kg.errors import KGError

__all__ = ["all_short_paths", "ego_network", "hop", "shortest_path"]


def _label(G: nx.Graph, n: Any) -> str:
    if n in G:
        return str(G.nodes[n].get("label", n))
    return str(G.graph.get("lone", {}).get(n, {}).get("label", n))


def _edges_between(G: nx.Graph, u: Any, v: Any) -> list[tuple[Any, Any, dict[str, Any]]]:
    out = []
    for a, b in ((u, v), (v, u)):
        if not G.has_edge(a, b):
            continue
        if G.is_multigraph():
            out += [(a, b, d) for d in G.get_edge_data(a, b).values()]
        else:
            out.append((a, b, G.get_edge_data(a, b)))
        if not G.is_directed():
            break
    return out


def hop(G: nx.Graph, u: Any, v: Any) -> dict[str, Any]:
    """One step of a path: every edge between ``u`` and ``v``, with events and quotes.

    Returns
    -------
    dict
        ``source``, ``target``, their labels, and ``relations``: one dict per edge with
        ``type``, ``stance`` (``stated``, ``claimed``, ``alleged``, ``suspected``,
        ``denied``: :data:`kg.analysis.projections.STANCES`), ``relation`` (the type with
        the stance, as a table shows it: ``attacked (claimed)``), ``by`` (who says so, for
        claims, allegations and denials), ``direction`` (``forward`` when the edge goes
        from ``source`` to ``target``), ``weight``, and ``events`` (each with ``iri``,
        ``label``, ``date`` and ``evidence``, the quotes).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="attacked", type="attacked", weight=1, events=["e1"])
    'attacked'
    >>> G.graph["events"] = {"e1": {"label": "Attack", "date": None, "evidence": ["A hit B."]}}
    >>> hop(G, "b", "a")["relations"][0]["direction"]
    'backward'
    >>> hop(G, "a", "b")["relations"][0]["events"][0]["evidence"]
    ['A hit B.']
    """
    info = G.graph.get("events", {})
    rels = []
    for a, b, d in _edges_between(G, u, v):
        said = d.get("said", {})
        evs = []
        for e in d.get("events", []):
            row = {"iri": e, **info.get(e, {"label": "", "date": None, "evidence": []})}
            if said.get(e):  # a claimed, alleged or denied link: who says so, first
                row["evidence"] = list(dict.fromkeys([*said[e], *row["evidence"]]))
            evs.append(row)
        kind, stance = d.get("type", "linked"), d.get("stance", "stated")
        rels.append(
            {
                "type": kind,
                "stance": stance,
                "relation": kind if stance == "stated" else f"{kind} ({stance})",
                "by": list(d.get("by", [])),
                "direction": "forward" if (a, b) == (u, v) else "backward",
                "weight": d.get("weight", 1),
                "predicates": d.get("predicates", []),
                "events": evs,
            }
        )
    rels.sort(key=lambda r: (-len(r["events"]), r["relation"]))
    return {
        "source": u,
        "source_label": _label(G, u),
        "target": v,
        "target_label": _label(G, v),
        "relations": rels,
    }


def _check(G: nx.Graph, *nodes: Any) -> None:
    for n in nodes:
        if n not in G:
            raise KGError(
                f"{n} is not in the graph (it takes part in no interaction within the filters): "
                "widen the filters, or check the name with `kg analyze profile`"
            )


def shortest_path(G: nx.Graph, source: Any, target: Any) -> list[dict[str, Any]] | None:
    """The shortest path from ``source`` to ``target`` (fewest hops), hop by hop.

    Returns
    -------
    list of dict or None
        One :func:`hop` per step; ``None`` when no path joins them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="x", type="x", events=[])
    'x'
    >>> G.add_edge("c", "b", key="y", type="y", events=[])
    'y'
    >>> path = shortest_path(G, "a", "c")
    >>> [(h["source"], h["target"], h["relations"][0]["direction"]) for h in path]
    [('a', 'b', 'forward'), ('b', 'c', 'backward')]
    """
    _check(G, source, target)
    U = simple_graph(G, directed=False)
    try:
        nodes = nx.shortest_path(U, source, target)
    except nx.NetworkXNoPath:
        return None
    return [hop(G, u, v) for u, v in pairwise(nodes)]


def all_short_paths(
    G: nx.Graph, source: Any, target: Any, *, cutoff: int = 3, limit: int = 10
) -> list[list[dict[str, Any]]]:
    """Every simple path of at most ``cutoff`` hops, shortest first (at most ``limit``).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("a", "d")])
    >>> [[h["target"] for h in p] for p in all_short_paths(G, "a", "d", cutoff=2)]
    [['d'], ['b', 'd'], ['c', 'd']]
    """
    _check(G, source, target)
    U = simple_graph(G, directed=False)
    if not nx.has_path(U, source, target):
        return []
    found = []
    for nodes in islice(nx.shortest_simple_paths(U, source, target), limit):
        if len(nodes) - 1 > cutoff:
            break
        found.append(nodes)
    found.sort(key=lambda ns: (len(ns), [_label(G, n) for n in ns]))
    return [[hop(G, u, v) for u, v in pairwise(ns)] for ns in found]


def ego_network(G: nx.Graph, center: Any, *, radius: int = 1) -> dict[str, Any]:
    """The actors within ``radius`` hops of ``center``, the edges among them, and the
    events behind the center's own edges, each with its stance.

    Returns
    -------
    dict
        ``center``, ``nodes`` (``id``, ``label``, ``distance``), ``edges`` (``source``,
        ``target``, ``type``, ``stance``, ``relation``, ``by``, ``weight`` and ``events``:
        ``iri``, ``label``, ``date``) and ``events``: the events of the center's edges,
        each with ``iri``, ``label``, ``date`` and ``relations`` (how the center is linked
        through it: ``relation``, ``stance``, ``with``, the other actor's label).

    Examples
    --------
    >>> ego = ego_network(nx.path_graph(["a", "b", "c", "d"]), "b")
    >>> [(n["id"], n["distance"]) for n in ego["nodes"]], len(ego["edges"])
    ([('b', 0), ('a', 1), ('c', 1)], 2)
    >>> from kg.analysis.testing import toy_store
    >>> from kg.analysis.projections import interaction_graph
    >>> from kg.analysis import resolve_actor, load
    >>> snap = load(toy_store())
    >>> ego = ego_network(interaction_graph(snap), resolve_actor(snap, "Group A"))
    >>> [(e["label"], sorted({r["stance"] for r in e["relations"]})) for e in ego["events"]]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Bombing by Group B', ['claimed']), ('Claim by Group A', ['stated']),
     ('Bombing by Group A', ['stated'])]
    """
    if center in G:
        U = simple_graph(G, directed=False)
        dist = nx.single_source_shortest_path_length(U, center, cutoff=radius)
    elif center in G.graph.get("responsible", {}):
        dist = {center: 0}  # held responsible for events that joined it to no one
    else:
        _check(G, center)
    sub = G.subgraph(dist)
    nodes = sorted(dist, key=lambda n: (dist[n], _label(G, n)))
    info = G.graph.get("events", {})

    def evs(d: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {
                "iri": e,
                "label": info.get(e, {}).get("label", ""),
                "date": info.get(e, {}).get("date"),
            }
            for e in d.get("events", [])
        ]

    edges = []
    mine: dict[str, dict[str, Any]] = {}
    for u, v, d in sub.edges(data=True):
        kind, stance = d.get("type", "linked"), d.get("stance", "stated")
        relation = kind if stance == "stated" else f"{kind} ({stance})"
        edge = {
            "source": u,
            "target": v,
            "type": kind,
            "stance": stance,
            "relation": relation,
            "by": list(d.get("by", [])),
            "weight": d.get("weight", 1),
            "events": evs(d),
        }
        edges.append(edge)
        if center in (u, v):
            other = _label(G, v if u == center else u)
            for e in edge["events"]:
                row = mine.setdefault(e["iri"], {**e, "relations": []})
                row["relations"].append(
                    {
                        "relation": relation if u == center else f"{relation} by",
                        "stance": stance,
                        "with": other,
                    }
                )
    # events the center is responsible for that joined it to no one (no victim named)
    for iri, links in G.graph.get("responsible", {}).get(center, {}).items():
        if iri in mine:
            continue
        ev = info.get(iri, {})
        mine[iri] = {
            "iri": iri,
            "label": ev.get("label", ""),
            "date": ev.get("date"),
            "relations": [
                {
                    "relation": role if stance == "stated" else f"{role} ({stance})",
                    "stance": stance,
                    "with": "",
                }
                for role, stance in links
            ],
        }
    return {
        "center": center,
        "nodes": [{"id": n, "label": _label(G, n), "distance": dist[n]} for n in nodes],
        "edges": edges,
        "events": sorted(mine.values(), key=lambda e: (e["date"] or "", e["label"])),
    }
