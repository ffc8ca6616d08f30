"""The installed ``kg`` command in a subprocess, where a second process or the user's exact
view matters: a store path that is a file, a store another process writes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import Store
from tests.support import SAMPLE_CORPUS, Ingested, run_kg, writer_lock_held

ARTICLE = SAMPLE_CORPUS / "kerman-2024.txt"


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "store.nq"
    f.write_text("keep me")
    for args in (["ingest", ARTICLE], ["export"]):
        r = run_kg("--store", f, *args)
        assert r.returncode == 2, r
        assert r.stderr.strip() == (
            f"error: the store path {f} is a file, not a folder: give --store a folder "
            "(it is created if missing) or set KG_STORE"
        )
    assert f.read_text() == "keep me"


@pytest.fixture
def locked_store(sample_store: Ingested, tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A copy of the sample store (and its triple count) held open for writing by a second
    process."""
    store = tmp_path / "store"
    shutil.copytree(sample_store.path, store)
    with Store(store, read_only=True) as st:
        triples = len(st.export_bytes("nquads").splitlines())  # the data, as kg stats counts it
    assert triples > 0
    with writer_lock_held(store):
        yield store, triples


@pytest.mark.slow
def test_store_locked_by_another_writer(locked_store: tuple[Path, int]) -> None:
    store, triples = locked_store
    r = run_kg("--store", store, "ingest", ARTICLE)
    assert r.returncode == 2, r
    assert r.stderr.strip() == (
        f"error: the store {store} is in use by another writer (another `kg ingest` or "
        "`kg serve`?): wait for it to finish, or use another --store"
    )
    # readers still work while the writer holds it, and nothing was touched
    r = run_kg("--store", store, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    counts = {row["what"]: row["count"] for row in json.loads(r.stdout)}
    assert counts["triples"] == triples
