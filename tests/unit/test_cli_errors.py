"""The ``kg`` command refuses bad options and missing stores with one clear message, before
anything is read or written (in-process; the command's work: tests/integration/test_cli.py)."""

from __future__ import annotations

from pathlib import Path

from kg.store import Store
from tests.cli import kg, kg_error, runner, wide_console  # noqa: F401  (the fixture applies here)
from tests.support import SAMPLE_CORPUS

ARTICLE = SAMPLE_CORPUS / "kerman-2024.txt"


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
