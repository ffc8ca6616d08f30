"""Bad input costs only itself, and every message names the file, the line and the fix.

* a lone surrogate escape (``"\\ud800"`` in JSON) in a line's text, id or title is a problem
  of that line (``file:LINE``); every other line is read;
* one stray byte in a UTF-8 file is replaced by U+FFFD with a warning naming its offset
  (it was read as a Japanese code page, silently); UTF-16 files are read;
* HTML: a block inside a block (table in a table, list in a list, quotation in a
  quotation) is read once, and deep nesting is not expanded;
* fields of the wrong type or an impossible date are refused with what was expected.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingestion.readers import InputProblem, InputWarning, read_path
from kg.records import Article

GOOD = "Police said a bomb killed three people in Kabul on Monday."


def read(path: Path) -> list[Article | InputProblem | InputWarning]:
    return list(read_path(path))


def problems(items: list) -> dict[str, str]:
    return {p.where: p.message for p in items if isinstance(p, InputProblem)}


def articles(items: list) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


# --------------------------------------------------------------------------- surrogates
def test_a_lone_surrogate_costs_only_its_line(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"ok{i}", "text": GOOD}) for i in range(34)]
    lines[6] = '{"id": "bad-text", "text": "A bomb went off \\ud800 in Kabul."}'
    lines[12] = '{"id": "bad\\udfff", "text": "ok"}'
    lines[20] = '{"id": "bad-title", "title": "\\ud83d", "text": "ok"}'
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(f)
    assert len(articles(items)) == 31
    found = problems(items)
    assert set(found) == {f"{f}:7", f"{f}:13", f"{f}:21"}
    assert '"text" holds an unpaired surrogate \\ud800 at character 16' in found[f"{f}:7"]
    assert '"id" holds an unpaired surrogate \\udfff' in found[f"{f}:13"]
    assert '"title" holds an unpaired surrogate \\ud83d' in found[f"{f}:21"]
    # a proper pair is a character, not a problem
    f.write_text(json.dumps({"id": "pair", "text": "A \ud83d\ude00 B"}, ensure_ascii=True))
    assert articles(read(f))[0].text == "A \U0001f600 B"


# --------------------------------------------------------------------------- encodings
def test_one_stray_byte_in_utf8_is_replaced_with_a_warning_naming_its_offset(
    tmp_path: Path,
) -> None:
    text = "El Señor García dijo que la explosión en Bogotá mató a tres personas."
    data = text.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    f = tmp_path / "es.txt"
    f.write_bytes(data)
    items = read(f)
    assert [type(x) for x in items] == [InputWarning, Article]
    assert items[0].where == str(f)
    assert items[0].message.startswith("not valid UTF-8 at byte 40 (0xff)")
    a = items[1]
    assert isinstance(a, Article)
    at = len(text.encode()[:40].decode())  # byte 40 is character 37 (three 2-byte letters)
    assert a.text == text[:at] + "\ufffd" + text[at:]
    assert "García" in a.text and "Bogotá" in a.text


def test_a_stray_byte_in_a_jsonl_line_is_reported_with_its_line(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    good = json.dumps({"id": "a", "text": "Señor García habló."}, ensure_ascii=False)
    f.write_bytes(good.encode() + b"\n" + good.replace('"a"', '"b"').encode()[:30] + b"\xfe"
                  + good.encode()[30:] + b"\n")  # fmt: skip
    items = read(f)
    warnings = [w for w in items if isinstance(w, InputWarning)]
    assert [w.where for w in warnings] == [f"{f}:2"]
    assert "at byte 30 (0xfe)" in warnings[0].message
    assert [a.id for a in articles(items)] == ["a", "b"]


def test_utf16_files_are_read(tmp_path: Path) -> None:
    for name, data in (
        ("bom.txt", GOOD.encode("utf-16")),
        ("le.txt", GOOD.encode("utf-16-le")),
        ("be.txt", GOOD.encode("utf-16-be")),
    ):
        f = tmp_path / name
        f.write_bytes(data)
        items = read(f)
        assert [a.text for a in articles(items)] == [GOOD], (name, items)
    f = tmp_path / "b.jsonl"
    f.write_bytes((json.dumps({"id": "x", "text": GOOD}) + "\n").encode("utf-16"))
    assert [a.id for a in articles(read(f))] == ["x"]


# --------------------------------------------------------------------------- HTML
NESTED = """<html><body><article>
<table><tr><td>Outer cell.<table><tr><td>A bomb killed three people in Kabul.</td></tr>
</table>After the inner table.</td></tr></table>
<ul><li>First item.<ul><li>Gunmen attacked a checkpoint in Herat.</li></ul></li></ul>
<blockquote>He said:<blockquote>A rocket hit the airport in Kandahar.</blockquote>
</blockquote></article></body></html>"""


def test_nested_blocks_are_read_once(tmp_path: Path) -> None:
    f = tmp_path / "nested.html"
    f.write_text(NESTED, encoding="utf-8")
    (a,) = articles(read(f))
    for sentence in (
        "A bomb killed three people in Kabul.",
        "Gunmen attacked a checkpoint in Herat.",
        "A rocket hit the airport in Kandahar.",
        "Outer cell.",
        "After the inner table.",
        "First item.",
    ):
        assert a.text.count(sentence) == 1, (sentence, a.text)
    order = [a.text.index(s) for s in ("Outer cell.", "Kabul", "After the inner", "Herat")]
    assert order == sorted(order)


def test_deep_nesting_is_not_expanded(tmp_path: Path) -> None:
    depth = 3_000
    page = "<html><body>" + "<blockquote>level " * depth + "</blockquote>" * depth
    f = tmp_path / "deep.html"
    f.write_text(page + "</body></html>", encoding="utf-8")
    (a,) = articles(read(f))  # not refused as "more than 5,000,000 characters"
    assert len(a.text) < len(page)
    assert a.text.count("level") == depth


# --------------------------------------------------------------------------- fields
def one_line_problem(tmp_path: Path, record: dict) -> str:
    f = tmp_path / "one.jsonl"
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    items = read(f)
    assert [type(x) for x in items] == [InputProblem], items
    assert items[0].where == f"{f}:1"
    return items[0].message


def test_fields_of_the_wrong_type_or_value_are_refused_saying_what_is_expected(
    tmp_path: Path,
) -> None:
    cases = {
        "'2024-02-30' is not a calendar date (February 2024 has 29 days)": {
            "published": "2024-02-30"
        },
        "'2024-01-01garbage' is not a date: give YYYY-MM-DD": {"published": "2024-01-01garbage"},
        '"published" must be a date as text (YYYY-MM-DD), got a number': {"published": 20240101},
        '"id" must be a string or a whole number, got an object': {"id": {"a": 1}},
        '"id" must be a string or a whole number, got true or false': {"id": True},
        '"id" must be a string or a whole number, got a number: 1.5': {"id": 1.5},
        '"text" must be a string, got a number: 12345': {"text": 12345},
        '"title" must be a string, got an object': {"title": {"en": "Blast"}},
        '"source" must be a string, got an array': {"source": ["Reuters"]},
        "\"lang\" 'xx-invalid tag!' is not a language tag": {"lang": "xx-invalid tag!"},
    }
    for expected, change in cases.items():
        record = {"id": "x", "text": GOOD, **change}
        assert expected in one_line_problem(tmp_path, record), (expected, change)


def test_good_fields_are_read(tmp_path: Path) -> None:
    f = tmp_path / "good.jsonl"
    records = [
        {"id": 7, "text": GOOD, "published": "2024-02-29", "lang": "fa-AF"},
        {"id": "t", "text": GOOD, "published": "2019-03-01T08:00:00Z", "title": " Blast "},
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    a, b = articles(read(f))
    assert (a.id, a.published, a.lang) == ("7", "2024-02-29", "fa-AF")
    assert (b.published, b.title) == ("2019-03-01", "Blast")


def test_an_impossible_date_in_html_metadata_is_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        '<html lang="not a tag"><head><meta name="date" content="2024-02-30"></head><body>'
        "<p>KABUL, Jan. 5, 2024 - A bomb killed three people.</p></body></html>",
        encoding="utf-8",
    )
    items = read(f)
    warnings = [w.message for w in items if isinstance(w, InputWarning)]
    assert any("'2024-02-30' is not a calendar date" in w for w in warnings), warnings
    assert any("'not a tag' is not a language tag" in w for w in warnings), warnings
    (a,) = articles(items)
    assert a.published == "2024-01-05"  # from the dateline


def test_files_that_are_not_articles_in_a_folder_are_one_warning_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.json").write_text('{"id": "aa"}', encoding="utf-8")  # a's metadata
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    items = read(tmp_path)
    warnings = {w.where: w.message for w in items if isinstance(w, InputWarning)}
    assert set(warnings) == {str(tmp_path / "notes.md"), str(tmp_path / "photo.jpg")}
    assert "skipped: .md is not an article format" in warnings[str(tmp_path / "notes.md")]
    assert [a.id for a in articles(items)] == ["aa"]
    assert not problems(items)
