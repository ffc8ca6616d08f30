"""The on-disk store: one named graph per document, atomic replacement, export, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.store import Store, StoreError
from tests.support import writer_lock_held

EX = "http://example.org/"


def triples(n: int, tag: str = "") -> list[tuple[URIRef, URIRef, Literal]]:
    return [(URIRef(f"{EX}s{i}"), URIRef(f"{EX}p{tag}"), Literal(i)) for i in range(n)]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store") as st:
        yield st


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store(path) as st:
        st.replace_document("d1", triples(3))
    with writer_lock_held(path):
        with pytest.raises(StoreError, match="in use by another writer"):
            Store(path)
        with Store(path, read_only=True) as ro:  # readers are still welcome
            assert ro.document_ids() == ["d1"] and len(ro) == 3
    with Store(path) as st:
        assert len(st) == 3
