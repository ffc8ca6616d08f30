"""The store's batched writer (one transaction per batch, all or nothing) and the Graph Store
Protocol URLs of each server kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.store import Store


def triples(n: int, tag: str = "") -> list[tuple[URIRef, URIRef, Literal]]:
    return [
        (URIRef(f"http://x/s{i}"), URIRef("http://x/p"), Literal(f"{tag}{i}")) for i in range(n)
    ]


@pytest.mark.parametrize("method", ["auto", "update", "extend"])
def test_replace_documents_is_one_idempotent_batch(tmp_path: Path, method: str) -> None:
    with Store(tmp_path / "s") as st:
        assert st.replace_documents([("a", triples(3)), ("b", triples(2))], method=method) == 5
        if method != "extend":  # extend only adds: for new documents
            st.replace_documents([("a", triples(2, "new")), ("b", triples(2))], method=method)
            assert len(st) == 4
            assert {str(r["o"]) for r in st.select("SELECT ?o { GRAPH ?g { ?s ?p ?o } }")} == {
                "new0", "new1", "0", "1",
            }  # fmt: skip
        assert st.document_ids() == ["a", "b"]
        assert st.existing_documents(["b", "zz", "a"]) == ["b", "a"]


def test_a_failing_batch_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_documents([("a", triples(2))])
        with pytest.raises(TypeError):
            st.replace_documents([("b", triples(2)), ("c", [("not a term", 1, 2)])])  # type: ignore[list-item]
        assert st.document_ids() == ["a"]


def test_gsp_url_shapes() -> None:
    from kg.gsp import GraphStore

    g = GraphStore.for_server("http://h:7200/", "graphdb", dataset="kg")
    assert (g.url, g.update_url, g.gsp_url) == (
        "http://h:7200/repositories/kg",
        "http://h:7200/repositories/kg/statements",
        "http://h:7200/repositories/kg/rdf-graphs/service",
    )
    assert GraphStore.for_server("http://h:8890", "virtuoso").gsp_url.endswith(
        "/sparql-graph-crud-auth"
    )
