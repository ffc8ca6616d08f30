"""Network analysis of the knowledge graph: projections to networkx, metrics, views.

The package only reads the graph (from a :class:`kg.store.Store`, a
:class:`kg.remote.RemoteStore` or anything with ``.select(sparql)``), with a few bulk
SPARQL queries (:func:`load`), and writes nothing but its own results graph
(:func:`write_results`).

- Projections (:mod:`kg.analysis.projections`): :func:`actor_event_graph` (bipartite,
  role on each edge), :func:`interaction_graph` (directed, typed actor–actor edges with
  their events and quotes), :func:`actor_place_graph`, :func:`event_place_graph`; each
  takes the filters ``start``, ``end``, ``event_types``, ``sources``, ``min_confidence``.
- Metrics, graph in and plain data out (:mod:`kg.analysis.metrics`): :func:`centrality`
  (degree, betweenness, PageRank, eigenvector), :func:`communities` (Louvain, seeded,
  labelled), :func:`brokers`; paths (:mod:`kg.analysis.paths`): :func:`shortest_path`,
  :func:`all_short_paths`, :func:`ego_network`.
- Tables (:mod:`kg.analysis.tables`): :func:`timeline`, :func:`top_actors`,
  :func:`statements_about` (who claims, who attributes, who denies), :func:`actor_profile`,
  :func:`compare_windows`.

>>> import kg.analysis as ka
>>> from kg.analysis.testing import toy_store
>>> snap = ka.load(toy_store())              # read once, analyse many times
>>> G = ka.interaction_graph(snap, start="2024-01", end="2024-01")
>>> [(c["label"], c["size"]) for c in ka.communities(G, seed=1)]
[('Group B / Group A / Ministry', 4)]

Faster backends
---------------
Every algorithm is called through networkx's public, dispatchable API
(``nx.pagerank``, ``nx.betweenness_centrality``, ``nx.community.louvain_communities``,
...), so an installed networkx backend can run it unchanged. Install one
(``graphblas-algorithms``, ``nx-parallel``, or ``nx-cugraph`` on a machine with an NVIDIA
GPU) and either set the priority for the whole process::

    NETWORKX_BACKEND_PRIORITY=graphblas kg analyze centrality      # or: parallel, cugraph

(``NETWORKX_BACKEND_PRIORITY_ALGOS`` for algorithms only; networkx >= 3.4), or in code
``nx.config.backend_priority.algos = ["parallel"]``. A single call can also name one,
e.g. ``nx.pagerank(G, backend="graphblas")``. Algorithms a backend lacks fall back to
networkx's own implementation (betweenness and Louvain are not in graphblas-algorithms).
Converting a graph to a backend's format has its own cost (about 3 s for 100k nodes with
graphblas), so it pays on repeated or expensive calls. PageRank's default implementation
needs SciPy; without it :func:`pagerank` falls back to networkx's pure-Python one.
"""

from __future__ import annotations

from kg.analysis.data import Filters, Snapshot, load, make_filters, snapshot
from kg.analysis.metrics import brokers, centrality, communities, pagerank, simple_graph
from kg.analysis.paths import all_short_paths, ego_network, hop, shortest_path
from kg.analysis.projections import (
    actor_event_graph,
    actor_place_graph,
    event_place_graph,
    interaction_graph,
)
from kg.analysis.resolve import AmbiguousName, NameNotFound, resolve_actor, resolve_event
from kg.analysis.results import result_triples, write_results
from kg.analysis.tables import (
    actor_profile,
    compare_windows,
    statements_about,
    timeline,
    top_actors,
)

__all__ = [
    "AmbiguousName",
    "Filters",
    "NameNotFound",
    "Snapshot",
    "actor_event_graph",
    "actor_place_graph",
    "actor_profile",
    "all_short_paths",
    "brokers",
    "centrality",
    "communities",
    "compare_windows",
    "ego_network",
    "event_place_graph",
    "hop",
    "interaction_graph",
    "load",
    "make_filters",
    "pagerank",
    "resolve_actor",
    "resolve_event",
    "result_triples",
    "shortest_path",
    "simple_graph",
    "snapshot",
    "statements_about",
    "timeline",
    "top_actors",
    "write_results",
]
