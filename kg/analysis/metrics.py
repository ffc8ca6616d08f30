"""Graph in, plain data out: centrality, communities, brokers.

The functions take any networkx graph (a projection from :mod:`kg.analysis.projections`
or one built by hand) and return dicts and lists of plain values. They call networkx's
public, dispatchable API, so a backend (graphblas, nx-parallel, nx-cugraph) can run them
unchanged: see :mod:`kg.analysis`.

>>> G = nx.path_graph(["a", "b", "c", "d", "e"])
>>> c = centrality(G)
>>> c["c"]["degree"], round(c["c"]["betweenness"], 3)
(2, 0.667)
>>> round(sum(v["pagerank"] for v in c.values()), 6)
1.0
"""

from __future__ import annotations

import warnings
from typing import Any

import networkx as nx

__all__ = [
    "METRICS",
    "brokers",
    "centrality",
    "communities",
    "pagerank",
    "pagerank_numpy",
    "simple_graph",
]

METRICS = ("degree", "degree_centrality", "betweenness", "pagerank", "eigenvector")


def simple_graph(G: nx.Graph, *, directed: bool | None = None, weight: str = "weight") -> nx.Graph:
    """``G`` without parallel edges (and, if asked, without direction), weights summed.

    Parameters
    ----------
    G:
        Any graph; multigraph edges between the same nodes are merged.
    directed:
        ``False`` merges ``u→v`` and ``v→u`` into one undirected edge; ``None`` keeps
        ``G``'s directedness.

    Examples
    --------
    >>> M = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "a")])
    >>> simple_graph(M, directed=False).edges(data=True)
    EdgeDataView([('a', 'b', {'weight': 3})])
    """
    to_directed = G.is_directed() if directed is None else directed
    if not G.is_multigraph() and G.is_directed() == to_directed:
        return G
    H: nx.Graph = nx.DiGraph() if to_directed else nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    acc: dict[tuple[Any, Any], float] = {}
    for u, v, d in G.edges(data=True):
        key = (u, v) if to_directed or (v, u) not in acc else (v, u)
        acc[key] = acc.get(key, 0) + d.get(weight, 1)
    H.add_edges_from((u, v, {weight: w}) for (u, v), w in acc.items())
    return H


def pagerank(
    G: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight"
) -> dict[Any, float]:
    """PageRank (``networkx.pagerank``, SciPy's sparse matrices) of every node; the values
    sum to 1.

    Multigraphs are merged first (parallel edges add their weights). networkx backends
    (graphblas, ...) run it unchanged.

    Examples
    --------
    >>> pr = pagerank(nx.DiGraph([("a", "b"), ("c", "b")]))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('b', 1.0)
    """
    H = simple_graph(G)
    if H.number_of_nodes() == 0:
        return {}
    return dict(nx.pagerank(H, alpha=alpha, weight=weight))


def pagerank_numpy(G: nx.Graph, **kwargs: Any) -> dict[Any, float]:
    """Deprecated: :func:`pagerank` (networkx's, now that SciPy is a dependency); goes in
    the next release."""
    warnings.warn(
        "pagerank_numpy is deprecated: use kg.analysis.pagerank (networkx's PageRank)",
        DeprecationWarning,
        stacklevel=2,
    )
    kwargs.pop("max_iter", None)
    kwargs.pop("tol", None)
    return pagerank(G, **kwargs)


def centrality(
    G: nx.Graph,
    metrics: tuple[str, ...] | list[str] = METRICS,
    *,
    weight: str | None = "weight",
    betweenness_k: int | None = None,
    seed: int = 42,
    nodes: Any = None,
) -> dict[Any, dict[str, float]]:
    """Degree, betweenness, PageRank and eigenvector centrality of every node.

    Parameters
    ----------
    G:
        Any graph. Degree, betweenness and eigenvector centrality look at ``G`` without
        direction and without parallel edges; PageRank keeps direction and sums weights.
    metrics:
        Any of ``degree`` (number of neighbours), ``degree_centrality`` (the same divided
        by n-1), ``betweenness`` (normalised, unweighted shortest paths), ``pagerank``
        and ``eigenvector``.
    weight:
        The edge attribute PageRank and eigenvector centrality weigh by (``None``: 1).
    betweenness_k:
        Estimate betweenness from this many sampled sources (``seed`` makes it
        reproducible); ``None`` computes it exactly (cost grows with nodes x edges).
    nodes:
        Only report these nodes (the metrics still see the whole graph).

    Returns
    -------
    dict
        ``{node: {metric: value}}``.

    Examples
    --------
    >>> G = nx.star_graph(3)  # 0 in the middle
    >>> c = centrality(G, ["degree", "degree_centrality", "betweenness"])
    >>> c[0]
    {'degree': 3, 'degree_centrality': 1.0, 'betweenness': 1.0}
    >>> c[1]["degree"], round(c[1]["degree_centrality"], 3), c[1]["betweenness"]
    (1, 0.333, 0.0)
    """
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metric(s) {unknown}: choose from {', '.join(METRICS)}")
    U = simple_graph(G, directed=False)
    keep = list(G.nodes) if nodes is None else [n for n in nodes if n in G]
    out: dict[Any, dict[str, float]] = {n: {} for n in keep}
    n = U.number_of_nodes()
    for m in metrics:
        if m == "degree":
            vals: dict[Any, float] = dict(U.degree())
        elif m == "degree_centrality":
            vals = nx.degree_centrality(U) if n > 1 else dict.fromkeys(U, 0.0)
        elif m == "betweenness":
            k = betweenness_k if betweenness_k is not None and betweenness_k < n else None
            vals = nx.betweenness_centrality(U, k=k, normalized=True, seed=seed if k else None)
        elif m == "pagerank":
            vals = pagerank(G, weight=weight)
        else:
            vals = _eigenvector(U, weight)
        for node in keep:
            out[node][m] = vals.get(node, 0.0)
    return out


def _eigenvector(U: nx.Graph, weight: str | None) -> dict[Any, float]:
    if U.number_of_edges() == 0:
        return dict.fromkeys(U, 0.0)
    try:
        return dict(nx.eigenvector_centrality(U, max_iter=1000, tol=1e-6, weight=weight))
    except nx.PowerIterationFailedConvergence:
        warnings.warn(
            "eigenvector centrality did not converge in 1000 iterations: reported as 0",
            RuntimeWarning,
            stacklevel=3,
        )
        return dict.fromkeys(U, 0.0)


def communities(
    G: nx.Graph,
    *,
    seed: int = 42,
    resolution: float = 1.0,
    weight: str | None = "weight",
    label_size: int = 3,
    label_kind: str | None = "actor",
) -> list[dict[str, Any]]:
    """Louvain communities (``networkx.community.louvain_communities``), seeded, labelled.

    Parameters
    ----------
    G:
        Any graph; it is taken without direction, parallel edges merged (weights summed).
    seed:
        The random seed: the same seed on the same graph gives the same communities.
    resolution:
        Above 1 favours smaller communities, below 1 larger ones.
    label_size:
        How many of the most central members name the community.
    label_kind:
        Name communities only after nodes of this ``kind`` (actors in a bipartite graph),
        when it has any.

    Returns
    -------
    list of dict
        Largest first: ``id`` (0, 1, ...), ``label`` ("A / B / C": its members of highest
        weighted degree), ``size``, ``members`` (most central first) and ``top``.

    Examples
    --------
    Two triangles joined by one edge are two communities:

    >>> G = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> [c["members"] for c in communities(G)]
    [[3, 1, 2], [4, 5, 6]]
    """
    U = simple_graph(G, directed=False, weight=weight or "weight")
    if U.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(U, weight=weight, resolution=resolution, seed=seed)
    strength = dict(U.degree(weight=weight))

    def key(node: Any) -> tuple[float, str]:
        return (-strength.get(node, 0), str(U.nodes[node].get("label", node)))

    rows: list[dict[str, Any]] = []
    for part in parts:
        members = sorted(part, key=key)
        named = [m for m in members if label_kind and U.nodes[m].get("kind") == label_kind]
        top = (named or members)[:label_size]
        rows.append(
            {
                "label": " / ".join(str(U.nodes[m].get("label", m)) for m in top),
                "size": len(members),
                "members": members,
                "top": top,
            }
        )
    rows.sort(key=lambda r: (-len(r["members"]), r["label"]))
    return [{"id": i, **r} for i, r in enumerate(rows)]


def brokers(
    G: nx.Graph,
    *,
    top: int = 10,
    betweenness_k: int | None = None,
    seed: int = 42,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Brokers: nodes with high betweenness for their (low) degree.

    The score is the node's betweenness percentile minus its degree percentile (both
    among the nodes considered, ties averaged): a node on many shortest paths with few
    direct ties scores near 1. Nodes with no betweenness are not brokers.

    Returns
    -------
    list of dict
        Best first: ``node``, ``label``, ``betweenness``, ``degree``, ``score``.

    Examples
    --------
    The bridge between two cliques has few ties but carries every path across:

    >>> G = nx.barbell_graph(4, 1)  # two 4-cliques, node 4 between them
    >>> [b["node"] for b in brokers(G, top=1)]
    [4]
    """
    c = centrality(G, ["degree", "betweenness"], betweenness_k=betweenness_k, seed=seed)
    nodes = [n for n in c if kind is None or G.nodes[n].get("kind") == kind]
    if not nodes:
        return []

    def pct(metric: str) -> dict[Any, float]:
        vals = sorted(c[n][metric] for n in nodes)
        pos: dict[float, list[int]] = {}
        for i, v in enumerate(vals):
            pos.setdefault(v, []).append(i)
        denom = max(len(vals) - 1, 1)
        return {n: sum(pos[c[n][metric]]) / len(pos[c[n][metric]]) / denom for n in nodes}

    pb, pd = pct("betweenness"), pct("degree")
    rows = [
        {
            "node": n,
            "label": G.nodes[n].get("label", n),
            "betweenness": c[n]["betweenness"],
            "degree": c[n]["degree"],
            "score": round(pb[n] - pd[n], 6),
        }
        for n in nodes
        if c[n]["betweenness"] > 0
    ]
    rows.sort(key=lambda r: (-r["score"], -r["betweenness"], str(r["label"])))
    return rows[:top]
