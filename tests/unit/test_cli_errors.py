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


def test_export_takes_the_format_from_the_extension(tmp_path: Path) -> None:
    from kg.analysis.testing import toy_triples

    with Store(tmp_path / "s") as st:
        for doc, triples in toy_triples().items():
            st.replace_document(doc, triples)
    for name, first in (("out.ttl", "@prefix"), ("out.jsonld", "["), ("out.trig", "@prefix")):
        out = tmp_path / name
        assert kg("--store", tmp_path / "s", "export", "-o", out).exit_code == 0
        assert out.read_text().lstrip().startswith(first), name
    nq = tmp_path / "new" / "folder" / "out.nq"  # folders are made
    assert kg("--store", tmp_path / "s", "export", "-o", nq).exit_code == 0
    assert nq.read_text().startswith("<https://")


def test_export_refuses_a_format_the_extension_contradicts(tmp_path: Path) -> None:
    Store(tmp_path / "s").close()
    msg = kg_error("--store", tmp_path / "s", "export", "-f", "turtle", "-o", tmp_path / "x.nq")
    assert "--format turtle writes .ttl files" in msg and "x.nq" in msg
    msg = kg_error("--store", tmp_path / "s", "export", "-o", tmp_path / "x.rdf")
    assert "cannot tell the format" in msg and "--format" in msg
    assert not (tmp_path / "x.nq").exists() and not (tmp_path / "x.rdf").exists()


def test_version() -> None:
    from kg import __version__

    result = kg("--version")
    assert result.exit_code == 0 and result.output.strip() == f"conflict-kg {__version__}"


def test_tables_break_no_word_at_80_columns() -> None:
    import io

    from rich.console import Console

    from kg.cli.core import rich_table

    rows = [
        {
            "actor": "Afghanistan",
            "degree": 6,
            "degree_centrality": 0.222222,
            "betweenness": 0.099844,
            "pagerank": 0.069436,
            "eigenvector": 0.304716,
            "iri": "https://w3id.org/conflict-kg/id/afghanistan",
        },
        {
            "actor": "Islamic State",
            "degree": 8,
            "degree_centrality": 0.296296,
            "betweenness": 0.3469,
            "pagerank": 0.059555,
            "eigenvector": 0.322764,
            "iri": "https://w3id.org/conflict-kg/id/isis",
        },
    ]
    table, note = rich_table(rows, list(rows[0]), "centrality", 80)
    out = io.StringIO()
    Console(file=out, width=80).print(table)
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80
    words = {"Afghanistan", "degree", "centrality", "betweenness", "eigenvector", "0.222222"}
    assert all(w in text for w in words), text
    assert "IRIs left out" in note  # the one column that cannot fit is left out, and said so
