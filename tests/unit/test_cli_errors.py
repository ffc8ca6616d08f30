"""The ``kg`` command: ingest, export, query, stats, idempotency and bad input.

In-process through typer's CliRunner (``kg.cli.app``) and, where a second process or the
user's exact view matters, through the installed ``kg`` in a subprocess. Stores are real and
on disk; the one built by the module fixture is only read by the tests that share it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.cli import core as cli_core
from kg.errors import KGError
from kg.store import Store
from tests.support import SAMPLE_CORPUS

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


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep rich from wrapping messages (paths, file:line) across lines in captured output."""
    monkeypatch.setattr(cli_core.err_console, "width", 1000)
    monkeypatch.setattr(cli_core.console, "width", 1000)


def kg(*args: str | Path) -> object:
    """Invoke ``kg`` in-process; returns click's Result."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=True)


def kg_error(*args: str | Path) -> str:
    """Invoke ``kg`` expecting the user-facing error (``KGError``); return its message."""
    result = kg(*args)
    assert isinstance(result.exception, KGError), (result.exception, result.output)
    return str(result.exception)


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


def test_id_needs_exactly_one_file(tmp_path: Path) -> None:
    msg = kg_error("--store", tmp_path / "s", "ingest", SAMPLE_CORPUS, "--id", "x")
    assert "--id names one document" in msg


def test_bad_published_flag(tmp_path: Path) -> None:
    msg = kg_error("--store", tmp_path / "s", "ingest", ARTICLE, "--published", "2024-13-01")
    assert "--published '2024-13-01' is not a date" in msg


def test_export_unknown_format(tmp_path: Path) -> None:
    Store(tmp_path / "s").close()
    assert "unknown export format 'xml'" in kg_error(
        "--store", tmp_path / "s", "export", "-f", "xml"
    )


def test_export_without_a_store(tmp_path: Path) -> None:
    msg = kg_error("--store", tmp_path / "none", "export")
    assert "no store at" in msg and "ingest" in msg
    assert not (tmp_path / "none").exists()  # reading never creates a store
