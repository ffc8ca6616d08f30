"""Readers: .txt (+ .json sidecar), .jsonl, .html, folders; encodings; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.ingestion.readers import InputProblem, InputWarning, decode_bytes, read_path
from kg.records import Article

TEXT = "KABUL, Afghanistan (Jan. 25, 2013) - Afghan forces detained two insurgents in Kabul."
# Persian, in Windows-1256 (Arabic yeh and kaf, as that code page has them)
PERSIAN = (
    "کابل - روز دوشنبه يک انفجار در شهر کابل رخ داد و چند نفر کشته شدند. "
    "پوليس گفت که تحقيقات ادامه دارد و مسئولیت این حمله را هیچ گروهی به عهده نگرفته است."
).replace("ی", "ي")
LATIN1 = (
    "PARIS (Nov. 14, 2015) - Les attaques ont visé le Bataclan et des cafés du 10e "
    "arrondissement; la police a arrêté plusieurs suspects à Saint-Denis."
)


def read_all(path: Path, **meta) -> list[Article | InputProblem | InputWarning]:
    return list(read_path(path, **meta))


def only_article(path: Path, **meta) -> Article:
    items = read_all(path, **meta)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def article_with_warning(path: Path, **meta) -> tuple[Article, str]:
    """The one article read from ``path``, and the one warning that came before it."""
    items = read_all(path, **meta)
    assert [type(x) for x in items] == [InputWarning, Article], items
    return items[1], items[0].message  # type: ignore[return-value]


def only_problem(path: Path) -> InputProblem:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], InputProblem), items
    return items[0]


# ------------------------------------------------------------------ .txt


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT, encoding="utf-8")
    meta = {
        "id": "r1",
        "title": "Two detained",
        "source": "Outlet",
        "published": "2013-01-26",
        "url": "https://example.org/r1",
        "lang": "en",
        "text_file": "report.txt",
    }
    f.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    a = only_article(f)
    assert (a.id, a.title, a.source, a.published, a.url, a.lang) == (
        "r1",
        "Two detained",
        "Outlet",
        "2013-01-26",
        "https://example.org/r1",
        "en",
    )
    assert a.text == TEXT and a.origin == str(f)


def test_txt_command_line_metadata_wins_over_sidecar(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.with_suffix(".json").write_text('{"id": "sidecar", "title": "old"}', encoding="utf-8")
    a = only_article(f, id="cli", title="new", published="2013-02-01", lang="fa")
    assert (a.id, a.title, a.published, a.lang) == ("cli", "new", "2013-02-01", "fa")


def test_txt_id_defaults_to_file_stem(tmp_path: Path) -> None:
    f = tmp_path / "my report.txt"
    f.write_text("Police arrested two men.", encoding="utf-8")
    assert only_article(f).id == "my-report"


def test_dateline_fallback_when_published_is_missing(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert only_article(f).published == "2013-01-25"


def test_published_wins_over_dateline(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    assert only_article(f, published="2013-01-27").published == "2013-01-27"


def test_undated_article_stays_undated(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Police arrested two men in Kabul on Monday.", encoding="utf-8")
    assert only_article(f).published is None


def test_bad_published_date_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    p = read_all(f, published="2013-02-30")[0]
    assert isinstance(p, InputProblem)
    assert "'2013-02-30' is not a calendar date (February 2013 has 28 days)" in p.message


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    assert only_article(f).text == "Line one.\nLine two.\n"


def test_broken_sidecar_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.with_suffix(".json").write_text("{not json", encoding="utf-8")
    assert "is not valid JSON" in only_problem(f).message


# ------------------------------------------------------------------ encodings


def test_windows_1256_persian_is_detected_and_decoded(tmp_path: Path) -> None:
    f = tmp_path / "fa.txt"
    f.write_bytes(PERSIAN.encode("cp1256"))
    a, warning = article_with_warning(f)
    assert a.text == PERSIAN
    assert "not UTF-8 (byte 0 (0x98) is not valid UTF-8): read as cp1256" in warning


def test_latin1_is_detected_and_decoded(tmp_path: Path) -> None:
    f = tmp_path / "fr.txt"
    f.write_bytes(LATIN1.encode("latin-1"))
    a, warning = article_with_warning(f)
    assert a.text == LATIN1
    assert "not UTF-8 (byte 44 (0xe9) is not valid UTF-8): read as " in warning
    assert a.published == "2015-11-14"


def test_latin1_line_in_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_bytes(json.dumps({"id": "x", "text": LATIN1}, ensure_ascii=False).encode("latin-1"))
    a, warning = article_with_warning(f)
    assert a.text == LATIN1 and "is not valid UTF-8): read as " in warning
    assert read_all(f)[0].where == f"{f}:1"


def test_decode_bytes_refuses_binary() -> None:
    with pytest.raises(KGError, match="binary file"):
        decode_bytes(bytes(range(256)) * 4, "blob")


# ------------------------------------------------------------------ bad files


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    p = only_problem(f)
    assert p.where == str(f) and p.message == "is empty: nothing to ingest"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_text("  \n\n \t\n")
    assert "is empty" in only_problem(f).message


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    p = only_problem(f)
    assert p.where == str(f) and "binary file" in p.message


def test_binary_html(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(b"\x00\x01\x02" * 100)
    assert "binary file" in only_problem(f).message


def test_unknown_extension(tmp_path: Path) -> None:
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4")
    p = only_problem(f)
    assert "unknown extension '.pdf'" in p.message and ".jsonl" in p.message


def test_missing_path(tmp_path: Path) -> None:
    assert "does not exist" in only_problem(tmp_path / "nope.txt").message


# ------------------------------------------------------------------ .jsonl


def test_jsonl_bad_lines_name_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Police arrested two men in Kabul."}),
        "{this is not json",
        json.dumps({"id": "a3", "title": "no text"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a6", "text": "   "}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "a8", "text": "A bomb killed three people in Herat."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(f)
    assert [a.id for a in items if isinstance(a, Article)] == ["a1", "a8"]
    problems = {p.where: p.message for p in items if isinstance(p, InputProblem)}
    assert set(problems) == {f"{f}:2", f"{f}:3", f"{f}:5", f"{f}:6", f"{f}:7"}
    assert "is not valid JSON" in problems[f"{f}:2"]
    assert 'has no "text"' in problems[f"{f}:3"]
    assert "is not a JSON object" in problems[f"{f}:5"]
    assert 'has no "text"' in problems[f"{f}:6"]
    assert 'has no "id"' in problems[f"{f}:7"]
    assert [a.origin for a in items if isinstance(a, Article)] == [f"{f}:1", f"{f}:8"]


def test_jsonl_meta_fills_gaps_only(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "Text.", "source": "Own"})
        + "\n"
        + json.dumps({"id": "b", "text": "Text."})
        + "\n",
        encoding="utf-8",
    )
    a, b = read_all(f, source="Default", id="ignored")
    assert (a.id, a.source, b.id, b.source) == ("a", "Own", "b", "Default")


def test_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "One."}) + "\n", encoding="utf-8")
    it = read_path(f)
    assert next(it).id == "a"  # type: ignore[union-attr]
    with f.open("a", encoding="utf-8") as fh:  # a reader that slurped the file would miss this
        fh.write(json.dumps({"id": "b", "text": "Two."}) + "\n")
    assert [a.id for a in it] == ["b"]  # type: ignore[union-attr]


def test_jsonl_dateline_fallback(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    assert only_article(f).published == "2013-01-25"


def test_jsonl_binary_line(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_bytes(b'{"id": "a", "text": "ok"}\n\x00\x01\x02\n')
    items = read_all(f)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputProblem) and items[1].where == f"{f}:2"
    assert "binary" in items[1].message


# ------------------------------------------------------------------ .html


PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Site | Blast in Herat</title>
<meta property="og:title" content="Blast in Herat">
<meta property="article:published_time" content="2019-03-01T08:00:00Z">
<link rel="canonical" href="https://example.org/blast">
<meta property="og:site_name" content="Example News">
<script>var tracking = "Taliban attack";</script><style>p {color: red}</style>
</head><body><nav>Home | World</nav>
<article><h1>Blast in Herat</h1><p>A bomb exploded in Herat on Friday.</p>
<p>Police said two people were killed.</p></article>
<aside>Most read: something else</aside><footer>(c) Example</footer></body></html>"""


def test_html_main_text_in_order_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "blast.html"
    f.write_text(PAGE, encoding="utf-8")
    a = only_article(f)
    assert a.text.split("\n\n") == [
        "Blast in Herat",
        "A bomb exploded in Herat on Friday.",
        "Police said two people were killed.",
    ]
    assert (a.id, a.title, a.published, a.url, a.source, a.lang) == (
        "blast",
        "Blast in Herat",
        "2019-03-01",
        "https://example.org/blast",
        "Example News",
        "en",
    )


def test_html_without_text(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><head><script>x()</script></head><body></body></html>")
    assert "no readable text" in only_problem(f).message


# ------------------------------------------------------------------ folders


def test_folder_recursive_in_name_order_sidecars_not_read_as_articles(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"id": "bee"}', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j1", "text": "First."}) + "\n")
    (tmp_path / "sub" / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article")
    items = read_all(tmp_path, id="ignored-for-folders")
    assert [a.id for a in items if isinstance(a, Article)] == ["j1", "bee", "c"]
    assert not [p for p in items if isinstance(p, InputProblem)]


def test_folder_with_a_bad_file_reports_it_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Good one.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Good two.", encoding="utf-8")
    items = read_all(tmp_path)
    assert [type(x).__name__ for x in items] == ["Article", "InputProblem", "Article"]
