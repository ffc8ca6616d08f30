"""The on-disk store: one named graph per document, atomic replacement, export, errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.rdf.iri import doc_iri
from kg.store import EXPORT_FORMATS, Store, StoreError, from_ox, to_ox
from kg.vocab import ONTOLOGY_IRI

EX = "http://example.org/"


def triples(n: int, tag: str = "") -> list[tuple[URIRef, URIRef, Literal]]:
    return [(URIRef(f"{EX}s{i}"), URIRef(f"{EX}p{tag}"), Literal(i)) for i in range(n)]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store") as st:
        yield st


def test_new_store_is_empty_and_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "store"
    with Store(path) as st:
        assert st.document_ids() == []
        assert len(st) == 0
    assert path.is_dir()


def test_replace_document_never_duplicates(store: Store) -> None:
    assert store.replace_document("d1", triples(5)) == 5
    assert store.replace_document("d1", triples(5)) == 5
    assert len(store) == 5
    assert store.document_ids() == ["d1"]


def test_replace_document_replaces_the_whole_graph(store: Store) -> None:
    store.replace_document("d1", triples(5, "old"))
    store.replace_document("d2", triples(2))
    store.replace_document("d1", triples(3, "new"))
    rows = store.select(f"SELECT DISTINCT ?p {{ GRAPH <{doc_iri('d1')}> {{ ?s ?p ?o }} }}")
    assert [str(r["p"]) for r in rows] == [f"{EX}pnew"]
    assert len(store) == 5  # 3 in d1, 2 in d2 untouched


def test_duplicate_triples_in_input_are_stored_once(store: Store) -> None:
    assert store.replace_document("d1", triples(3) + triples(3)) == 3
    assert len(store) == 3


def test_remove_and_has_document(store: Store) -> None:
    store.replace_document("d1", triples(2))
    assert store.has_document("d1")
    assert store.remove_document("d1") is True
    assert store.remove_document("d1") is False
    assert not store.has_document("d1")
    assert len(store) == 0


def test_odd_document_ids_cannot_break_out_of_their_graph(store: Store) -> None:
    nasty = 'x> <http://evil/p> "o" . <http://evil/g'
    store.replace_document(nasty, triples(1))
    assert store.document_ids() == [nasty]
    assert len(store) == 1
    assert not store.select("SELECT * { ?s <http://evil/p> ?o }")


def test_union_default_graph_and_prefixes(store: Store) -> None:
    store.replace_document("a", triples(2))
    store.replace_document("b", triples(2))  # same triples in another graph
    rows = store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")
    assert int(rows[0]["n"]) == 2
    assert store.select("SELECT ?x { BIND(ckg:Event AS ?x) }")[0]["x"] == URIRef(
        "https://w3id.org/conflict-kg/ontology#Event"
    )


def test_persists_across_reopen(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_document("d1", triples(4))
    with Store(tmp_path / "s", read_only=True) as st:
        assert st.document_ids() == ["d1"]
        assert len(st) == 4


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_document("d1", triples(1))
    with Store(tmp_path / "s", read_only=True) as st, pytest.raises(StoreError, match="read-only"):
        st.replace_document("d2", triples(1))


def test_read_only_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*kg --store .* ingest"):
        Store(tmp_path / "missing", read_only=True)


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "not-a-folder"
    f.write_text("hello")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        Store(f)
    assert f.read_text() == "hello"  # left alone


def test_export_formats_round_trip(store: Store) -> None:
    store.replace_document("d1", triples(3))
    store.replace_document("d2", triples(2, "x"))
    graphs = {}
    for fmt in EXPORT_FORMATS:
        data = store.export_bytes(fmt)
        ds = Dataset(default_union=True)
        ds.parse(
            data=data,
            format={
                "nquads": "nquads",
                "trig": "trig",
                "turtle": "turtle",
                "ntriples": "nt",
                "jsonld": "json-ld",
            }[fmt],
        )
        graphs[fmt] = ds
        assert len(set(ds.triples((None, None, None)))) == 5, fmt
    names = {str(c.identifier) for c in graphs["nquads"].contexts() if len(c)}
    assert names == {str(doc_iri("d1")), str(doc_iri("d2"))}


def test_export_to_file_and_unknown_format(store: Store, tmp_path: Path) -> None:
    store.replace_document("d1", triples(2))
    out = tmp_path / "out.nq"
    store.export(out, "nquads")
    assert out.read_bytes() == store.export_bytes("nquads")
    with pytest.raises(KGError, match="unknown export format 'rdfxml'"):
        store.export(tmp_path / "x", "rdfxml")


def test_ontology_graph_installed_once_and_exported_on_request(store: Store) -> None:
    n = store.install_ontology()
    assert n > 100
    assert store.install_ontology() == n
    assert len(store) == n
    store.replace_document("d1", triples(1))
    assert store.document_ids() == ["d1"]  # the ontology graph is not a document
    plain, full = store.export_bytes("nquads"), store.export_bytes("nquads", with_ontology=True)
    assert str(ONTOLOGY_IRI).encode() not in plain
    assert len(full.splitlines()) == len(plain.splitlines()) + n


def test_stats_counts_instances_of_subclasses(store: Store) -> None:
    """Event reports (derived from a document), actors and places some document mentions,
    triples without the ontology: what `kg stats`, `kg ingest` and the home page count."""
    store.install_ontology()
    ckg = "https://w3id.org/conflict-kg/ontology#"
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    mentions = URIRef(f"{ckg}mentions")
    d1 = URIRef("https://w3id.org/conflict-kg/id/doc/d1")
    triples = [
        (d1, rdf_type, URIRef(f"{ckg}Document")),
        (URIRef(f"{EX}e1"), rdf_type, URIRef(f"{ckg}SuicideBombing")),
        (URIRef(f"{EX}e1"), derived, d1),
        (URIRef(f"{EX}e2"), rdf_type, URIRef(f"{ckg}Arrest")),
        (URIRef(f"{EX}e2"), derived, d1),
        (URIRef(f"{EX}a1"), rdf_type, URIRef(f"{ckg}ArmedGroup")),
        (URIRef(f"{EX}a2"), rdf_type, URIRef(f"{ckg}ArmedGroup")),  # not mentioned
        (URIRef(f"{EX}p1"), rdf_type, URIRef(f"{ckg}Settlement")),
        (d1, mentions, URIRef(f"{EX}a1")),
        (d1, mentions, URIRef(f"{EX}p1")),
    ]
    store.replace_document("d1", triples)
    s = store.stats()
    assert (s["documents"], s["events"], s["actors"], s["places"]) == (1, 2, 1, 1)
    assert s["triples"] == len(triples) and s["resolved events"] == 0


def test_quads_and_rdflib_view(store: Store) -> None:
    store.replace_document("d1", triples(2))
    quads = list(store.quads())
    assert len(quads) == 2 and all(q[3] == doc_iri("d1") for q in quads)
    ds = store.rdflib()
    assert len(set(ds.triples((None, None, None)))) == 2


@pytest.mark.parametrize(
    "term",
    [
        URIRef("http://example.org/x"),
        Literal("plain"),
        Literal("hallo", lang="de"),
        Literal(5),
        Literal("2022", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
    ],
)
def test_terms_round_trip(term) -> None:
    back = from_ox(to_ox(term))
    if term.__class__ is Literal and not term.language and term.datatype is None:
        # RDF 1.1: a simple literal is an xsd:string, and comes back typed so
        assert back == Literal(str(term), datatype=XSD.string)
    else:
        assert back == term
    assert isinstance(to_ox(term), ox.NamedNode | ox.Literal)


def test_exports_are_isomorphic_between_nquads_and_trig(store: Store) -> None:
    store.replace_document("d1", triples(3))
    a, b = Dataset(), Dataset()
    a.parse(data=store.export_bytes("nquads"), format="nquads")
    b.parse(data=store.export_bytes("trig"), format="trig")
    for ctx in a.contexts():
        assert isomorphic(ctx, b.graph(ctx.identifier))


def test_reopen_keeps_everything_and_stays_writable(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    from kg.store import Store

    with Store(tmp_path / "s") as st:
        st.replace_document("a", [(URIRef("http://x/s"), URIRef("http://x/p"), Literal(1))])
        before = len(st)
        st.reopen()
        assert len(st) == before and st.document_ids() == ["a"]
        st.replace_document("b", [(URIRef("http://x/s"), URIRef("http://x/p"), Literal(2))])
        assert st.document_ids() == ["a", "b"]


def test_store_path_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for bad in (blocker / "store", Path("/proc/kg-store-test"), Path("/proc/self/kg-store")):
        with pytest.raises(StoreError, match=r"cannot|not writable|read-only|file"):
            Store(bad)
    assert blocker.read_text() == "not a folder"
