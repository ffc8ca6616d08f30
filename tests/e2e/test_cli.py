"""The ``kg`` command: ingest, export, query, stats, idempotency and bad input.

In-process through typer's CliRunner (``kg.cli.app``) and, where a second process or the
user's exact view matters, through the installed ``kg`` in a subprocess. Stores are real and
on disk; the one built by the module fixture is only read by the tests that share it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import Store
from tests.support import SAMPLE_CORPUS, run_kg, writer_lock_held

runner = CliRunner()


ARTICLE = SAMPLE_CORPUS / "kerman-2024.txt"


DOC_ID = "cli-kerman"


FLAGS = {
    "--id": DOC_ID,
    "--title": "Twin blasts in Kerman",
    "--published": "2024-01-04",
    "--source": "Test Wire",
    "--url": "https://example.org/kerman",
    "--lang": "en",
}


def kg(*args: str | Path) -> object:
    """Invoke ``kg`` in-process; returns click's Result."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=True)


@dataclass
class Twice:
    """A store that got the same article ingested twice through the CLI."""

    path: Path
    first: object
    second: object
    count_after_first: int
    count_after_second: int
    export_after_first: bytes
    export_after_second: bytes


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> Twice:
    path = tmp_path_factory.mktemp("cli") / "store"
    src = tmp_path_factory.mktemp("cli-in") / "article.txt"  # no sidecar: the flags say it all
    shutil.copyfile(ARTICLE, src)
    args = ["--store", str(path), "ingest", str(src), *(x for kv in FLAGS.items() for x in kv)]
    counts, exports, results = [], [], []
    for _ in range(2):
        results.append(runner.invoke(app, args))
        with Store(path, read_only=True) as st:
            counts.append(len(st))
            exports.append(st.export_bytes("nquads"))
    return Twice(path, *results, *counts, *exports)


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
def locked_store(twice: Twice, tmp_path: Path) -> Iterator[Path]:
    """A copy of the CLI store held open for writing by a second process."""
    store = tmp_path / "store"
    shutil.copytree(twice.path, store)
    with writer_lock_held(store):
        yield store


@pytest.mark.slow
def test_store_locked_by_another_writer(locked_store: Path, twice: Twice) -> None:
    r = run_kg("--store", locked_store, "ingest", ARTICLE)
    assert r.returncode == 2, r
    assert r.stderr.strip() == (
        f"error: the store {locked_store} is in use by another writer (another `kg ingest` or "
        "`kg serve`?): wait for it to finish, or use another --store"
    )
    # readers still work while the writer holds it, and nothing was touched
    r = run_kg("--store", locked_store, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    counts = {row["what"]: row["count"] for row in json.loads(r.stdout)}
    assert counts["triples"] == twice.count_after_second
