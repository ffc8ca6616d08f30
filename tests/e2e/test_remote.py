"""``kg.open("http://.../sparql")``: the store's read API over a real running endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

import kg
from kg.remote import RemoteStore
from kg.store import Store, StoreError
from tests.servers import DOC, EX, make_store, running_server


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("remote") / "store"
    make_store(path)
    with Store(path) as st:
        st.install_ontology()
    return path


@pytest.fixture(scope="module")
def remote(store_path: Path) -> Iterator[RemoteStore]:
    from kg.server.settings import Settings

    with running_server(store_path, Settings(workers=1)) as base:
        st = kg.open(base + "/sparql")
        assert isinstance(st, RemoteStore)
        yield st
        st.close()


def test_same_answers_as_local(remote: RemoteStore, store_path: Path) -> None:
    q = "SELECT ?e ?l WHERE { ?e rdfs:label ?l } ORDER BY ?e"
    with Store(store_path, read_only=True) as local:
        assert remote.select(q) == local.select(q)
        assert remote.document_ids() == local.document_ids() == ["d1", "d2"]
        assert remote.stats() == local.stats()
        assert len(remote) == len(local)
        assert remote.export_bytes("nquads") == local.export_bytes("nquads") or sorted(
            remote.export_bytes("nquads").splitlines()
        ) == sorted(local.export_bytes("nquads").splitlines())
    assert remote.has_document("d1") and not remote.has_document("nope")


def test_query_forms(remote: RemoteStore) -> None:
    assert remote.query("ASK { ?e a <http://example.org/Attack> }") is True
    g = remote.query(f"CONSTRUCT {{ ?e ?p ?o }} WHERE {{ GRAPH <{DOC}d2> {{ ?e ?p ?o }} }}")
    assert isinstance(g, Graph) and len(g) == 3
    assert (
        URIRef(f"{EX}e2"),
        URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Bombing in Mosul", lang="en"),
    ) in g
    rows = remote.query("SELECT ?x WHERE { OPTIONAL { ?x <http://nothing/> ?y } }")
    assert rows == [{"x": None}]


def test_export_formats(remote: RemoteStore, tmp_path: Path) -> None:
    out = tmp_path / "x.ttl"
    remote.export(out, "turtle")
    assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == 6
    with_onto = remote.export_bytes("nquads", with_ontology=True)
    assert len(with_onto.splitlines()) > 6
    with pytest.raises(StoreError):
        remote.export(tmp_path / "y", "bogus")


def test_rdflib_view(remote: RemoteStore) -> None:
    ds = remote.rdflib()
    rows = list(ds.query("SELECT ?e WHERE { ?e a <http://example.org/Attack> } ORDER BY ?e"))
    assert [str(r[0]) for r in rows] == [f"{EX}e1", f"{EX}e2"]


def test_writes_refused(remote: RemoteStore) -> None:
    for call in (
        lambda: remote.replace_document("d9", []),
        lambda: remote.remove_document("d1"),
        lambda: remote.install_ontology(),
        lambda: remote.flush(),
    ):
        with pytest.raises(StoreError, match=r"read-only.*kg --store <folder> ingest"):
            call()
    assert remote.document_ids() == ["d1", "d2"]


def test_errors_are_store_errors(remote: RemoteStore) -> None:
    with pytest.raises(StoreError, match="400"):
        remote.select("SELECT * WHERE {")
    with pytest.raises(StoreError, match=r"403.*SERVICE"):
        remote.select("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    dead = RemoteStore("http://127.0.0.1:9/sparql", timeout=2)
    with pytest.raises(StoreError, match="cannot reach"):
        dead.select("ASK {}")
    dead.close()
