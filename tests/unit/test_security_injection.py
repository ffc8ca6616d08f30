"""Injection: names that look like RDF or SPARQL syntax stay data, in the library.

An entity or document named ``Foo> <http://x/p> <http://x/o> . <http://x/b`` yields one
percent-encoded IRI and exactly the triples the mapping meant, through the store and every
export; search strings reach SPARQL only as bound values or encoded IRIs (through the
running endpoint and pages: tests/e2e/test_security_injection.py).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDFS, XSD, Dataset, Literal, URIRef

from kg.rdf.iri import doc_iri, entity_iri, event_iri
from kg.rdf.mapping import RunInfo, document_triples
from kg.store import Store
from tests.security import PAYLOAD, SPARQL_PAYLOAD, canonical, injected_extraction

FORBIDDEN = set(' <>"{}|\\^`')


def assert_clean_iri(iri: str) -> None:
    assert not (set(iri) & FORBIDDEN), iri
    assert all(ord(c) > 0x20 for c in iri), iri
    ox.NamedNode(iri)  # Oxigraph's IRI parser accepts it
    assert URIRef(iri).n3().count("<") == 1


def test_injected_name_mints_one_encoded_iri() -> None:
    iri = str(entity_iri(PAYLOAD))
    assert_clean_iri(iri)
    assert iri.startswith("https://w3id.org/conflict-kg/id/") and "%3E%20%3C" in iri
    for minted in (doc_iri(PAYLOAD), event_iri(PAYLOAD, PAYLOAD), entity_iri(SPARQL_PAYLOAD)):
        assert_clean_iri(str(minted))


def test_injected_names_yield_exactly_the_intended_triples(tmp_path) -> None:
    x = injected_extraction()
    intended = canonical(document_triples(x, RunInfo("run-1")))
    # nothing of the payload became a term of its own
    terms = {str(t) for tr in intended for t in tr if isinstance(t, URIRef)}
    assert not any(t.startswith("http://x/") for t in terms)
    assert (entity_iri(PAYLOAD), RDFS.label, Literal(PAYLOAD, datatype=XSD.string)) in intended

    with Store(tmp_path / "s") as st:
        st.replace_document(PAYLOAD, intended)
        assert st.document_ids() == [PAYLOAD]
        stored = {(s, p, o) for s, p, o, _g in st.quads()}
        graphs = {g for *_x, g in st.quads()}
        nq = st.export_bytes("nquads")
    assert stored == intended
    assert graphs == {doc_iri(PAYLOAD)}
    subjects_named = {s for s, _p, _o in stored if PAYLOAD.split(">")[0] in str(s)}
    assert entity_iri(PAYLOAD) in subjects_named
    # each N-Quads line is one quad: the payload never split a line or closed an IRI early
    assert len(nq.decode().strip().splitlines()) == len(intended)
    from kg.store import from_ox

    back = {
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        for q in ox.parse(nq, ox.RdfFormat.N_QUADS)
    }
    assert back == intended
    ds = Dataset()  # rdflib reads the same number of quads, in the same graph
    ds.parse(data=nq, format="nquads")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(intended)


def test_label_search_treats_the_payload_as_a_name() -> None:
    """Name lookup (kg.analysis.resolve, used by the CLI and pages) matches literally only.

    It runs over an in-memory snapshot, never builds SPARQL; the payload finds nothing,
    and a label that *is* the payload is found as exactly that entity.
    """
    from kg.analysis.data import load
    from kg.analysis.resolve import NameNotFound, resolve_actor
    from kg.analysis.testing import toy_store

    snap = load(toy_store())
    with pytest.raises(NameNotFound):
        resolve_actor(snap, SPARQL_PAYLOAD)


def test_label_search_finds_a_payload_label_literally(tmp_path) -> None:
    from kg.analysis.data import load
    from kg.analysis.resolve import NameNotFound, resolve_actor

    path = tmp_path / "s"
    with Store(path) as st:
        st.install_ontology()
        st.replace_document(PAYLOAD, document_triples(injected_extraction()))
    with Store(path, read_only=True) as st:
        snap = load(st)
        assert resolve_actor(snap, PAYLOAD) == str(entity_iri(PAYLOAD))
        assert resolve_actor(snap, SPARQL_PAYLOAD) == str(entity_iri(PAYLOAD))  # its alias
        with pytest.raises(NameNotFound):
            resolve_actor(snap, 'x" } UNION {?s ?p ?o} # extra')


def test_store_lookups_bind_ids_as_iris(tmp_path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_document("a", [(URIRef("http://example.org/a"), RDFS.label, Literal("a"))])
        for probe in (SPARQL_PAYLOAD, PAYLOAD, "a> ?p ?o } #", "a"):
            assert st.has_document(probe) is (probe == "a")
        assert not st.remove_document(SPARQL_PAYLOAD)
        assert st.document_ids() == ["a"]
