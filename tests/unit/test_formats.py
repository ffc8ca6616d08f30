"""kg.formats, the one registry of formats: consistent with Oxigraph, and the only one."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg import formats
from kg.server.negotiation import BOOLEAN, GRAPH, TABULAR
from kg.store import EXPORT_FORMATS, Store
from tests.support import ROOT


@pytest.mark.parametrize("fmt", formats.FORMATS, ids=lambda f: f.name)
def test_each_format_agrees_with_oxigraph(fmt: formats.Format) -> None:
    ox_fmt = fmt.oxigraph
    assert fmt.media_type == ox_fmt.media_type.split(";")[0]
    assert f".{ox_fmt.file_extension}" in fmt.extensions
    assert fmt.quads == bool(getattr(ox_fmt, "supports_datasets", False))
    assert fmt.kind == ("rdf" if isinstance(ox_fmt, ox.RdfFormat) else "results")
    for mime in fmt.media_types:
        assert formats.by_media_type(f"{mime}; charset=utf-8") is fmt
    for ext in fmt.extensions:
        assert formats.by_extension(f"out/data{ext.upper()}") is fmt


def test_unknown_names_list_the_choices() -> None:
    with pytest.raises(formats.UnknownFormat, match=r"unknown export format 'rdfxml'.*nquads"):
        formats.export_format("rdfxml")  # known, but not an export format
    with pytest.raises(formats.UnknownFormat, match="unknown media type 'image/png'"):
        formats.by_media_type("image/png")
    with pytest.raises(formats.UnknownFormat, match=r"unknown file extension '\.xlsx'"):
        formats.by_extension("a.xlsx")


def test_store_export_negotiation_and_help_read_the_registry() -> None:
    assert list(EXPORT_FORMATS) == [f.name for f in formats.EXPORT]
    assert {o.fmt for o in GRAPH} == {f.name for f in formats.CONSTRUCT}
    assert {o.fmt for o in TABULAR} == {f.name for f in formats.SELECT}
    assert {o.fmt for o in BOOLEAN} == {f.name for f in formats.ASK}
    assert {o.mime for o in GRAPH} == {m for f in formats.CONSTRUCT for m in f.media_types}
    from typer.testing import CliRunner

    from kg.cli import app

    out = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).output
    assert formats.names(formats.EXPORT, "|") in out and "ntriples" in out


def test_every_export_format_writes_what_it_says(tmp_path) -> None:
    with Store(tmp_path / "s") as st:
        st.oxigraph.add(
            ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"),
                    ox.NamedNode("http://x/g"))
        )  # fmt: skip
        for fmt in formats.EXPORT:
            data = st.export_bytes(fmt.name)
            quads = list(ox.parse(data, fmt.oxigraph))
            assert len(quads) == 1
            named = quads[0].graph_name == ox.NamedNode("http://x/g")
            assert named == fmt.quads, fmt.name


def test_no_other_module_lists_formats() -> None:
    """Format tables live in kg/formats.py: no other module maps names to Oxigraph formats."""
    table = re.compile(r"[\"']\w+[\"']\s*:\s*ox\.(RdfFormat|QueryResultsFormat)\.")
    offenders = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "kg").rglob("*.py"))
        if p.name != "formats.py" and table.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"format tables outside kg/formats.py: {offenders}"
