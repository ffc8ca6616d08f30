"""Writing analysis results back as RDF, into a named graph of their own.

One analysis run is one named graph, ``https://w3id.org/conflict-kg/id/analysis/<name>``
(:func:`kg.rdf.iri.analysis_graph_iri`), replaced whole each time. It holds the run (a
``ckg:AnalysisRun`` with ``prov:startedAtTime``, ``ckg:algorithm`` and ``ckg:parameters``
as JSON) and the values: ``ckg:pageRank``, ``ckg:betweenness``, ``ckg:degreeCentrality``,
``ckg:eigenvectorCentrality``, ``ckg:eventCount`` on each actor, and ``ckg:community``
linking actors to ``ckg:Community`` nodes labelled after their most central members.
SPARQL sees them like any other triples::

    SELECT ?actor ?pr { GRAPH ?g { ?actor ckg:pageRank ?pr } } ORDER BY DESC(?pr)

>>> import tempfile
>>> from kg.store import Store
>>> st = Store(tempfile.mkdtemp() + "/s")
>>> g = write_results(st, "demo", {"https://w3id.org/conflict-kg/id/x": {"pagerank": 1.0}},
...                   algorithm="pagerank", parameters={"alpha": 0.85})
>>> st.select(f"SELECT ?pr {{ GRAPH <{g}> {{ ?x ckg:pageRank ?pr }} }}")[0]["pr"].toPython()
1.0
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV

from kg.errors import KGError
from kg.rdf.iri import analysis_graph_iri
from kg.vocab import CKG

__all__ = ["METRIC_PROPERTIES", "result_triples", "write_results"]

#: Result keys and the ontology property each is written as.
METRIC_PROPERTIES = {
    "pagerank": CKG.pageRank,
    "betweenness": CKG.betweenness,
    "degree_centrality": CKG.degreeCentrality,
    "eigenvector": CKG.eigenvectorCentrality,
    "events": CKG.eventCount,
}


def result_triples(
    name: str,
    values: Mapping[str, Mapping[str, float]],
    *,
    algorithm: str,
    parameters: Mapping[str, Any] | None = None,
    communities: Sequence[Mapping[str, Any]] | None = None,
    started: str | None = None,
) -> Iterator[tuple[URIRef, URIRef, Any]]:
    """The triples of one run's results (a pure generator; see :func:`write_results`).

    Only nodes that are IRIs get values; metrics without a property are skipped.

    Examples
    --------
    >>> ts = list(result_triples("t", {"http://x/a": {"pagerank": 0.5, "degree": 2}},
    ...                          algorithm="pagerank"))
    >>> (URIRef("http://x/a"), CKG.pageRank, Literal(0.5)) in ts
    True
    >>> any(p == CKG.degreeCentrality for _s, p, _o in ts)
    False
    """
    graph = analysis_graph_iri(name)
    run = URIRef(f"{graph}/run")
    yield run, RDF.type, CKG.AnalysisRun
    yield run, RDFS.label, Literal(f"{algorithm} ({name})")
    yield run, CKG.algorithm, Literal(algorithm)
    yield run, CKG.parameters, Literal(json.dumps(dict(parameters or {}), sort_keys=True))
    when = started or datetime.now(UTC).isoformat(timespec="seconds")
    yield run, PROV.startedAtTime, Literal(when, datatype=XSD.dateTime)
    for node, metrics in values.items():
        if not str(node).startswith(("http://", "https://")):
            continue
        s = URIRef(str(node))
        for key, value in metrics.items():
            prop = METRIC_PROPERTIES.get(key)
            if prop is None:
                continue
            if prop == CKG.eventCount:
                yield s, prop, Literal(int(value), datatype=XSD.integer)
            else:
                yield s, prop, Literal(float(value), datatype=XSD.double)
    for c in communities or ():
        cnode = URIRef(f"{graph}/community/{int(c['id'])}")
        yield cnode, RDF.type, CKG.Community
        yield cnode, RDFS.label, Literal(str(c["label"]))
        yield cnode, CKG.communitySize, Literal(int(c["size"]), datatype=XSD.integer)
        yield cnode, PROV.wasGeneratedBy, run
        for m in c["members"]:
            if str(m).startswith(("http://", "https://")):
                yield URIRef(str(m)), CKG.community, cnode


def write_results(
    store: Any,
    name: str,
    values: Mapping[str, Mapping[str, float]],
    *,
    algorithm: str,
    parameters: Mapping[str, Any] | None = None,
    communities: Sequence[Mapping[str, Any]] | None = None,
) -> URIRef:
    """Replace the named graph of run ``name`` with these results; returns the graph's IRI.

    Parameters
    ----------
    store:
        A writable :class:`kg.store.Store` (analysis writes nothing else).
    values:
        ``{node IRI: {metric: value}}`` as :func:`kg.analysis.metrics.centrality` returns.
    algorithm, parameters:
        Recorded on the run, with the time.
    communities:
        As :func:`kg.analysis.metrics.communities` returns.
    """
    if getattr(store, "read_only", False):
        raise KGError(
            f"cannot write analysis results to {getattr(store, 'path', store)}: it is read-only "
            "(a SPARQL endpoint, or opened read-only); write to a store folder"
        )
    graph = analysis_graph_iri(name)
    store.replace_graph(
        graph,
        result_triples(
            name, values, algorithm=algorithm, parameters=parameters, communities=communities
        ),
    )
    return graph
