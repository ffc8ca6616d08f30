"""Reading articles from files: ``.txt``, ``.jsonl``, ``.html`` and folders of them.

Readers stream: a JSONL file is read line by line and never sits in memory whole. A bad
line or file does not stop the others: it is yielded as an :class:`InputProblem` naming the
file, the line and the fix, and the caller reports it and goes on.

>>> import tempfile, pathlib, json
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "batch.jsonl").write_text(json.dumps({"id": "a", "text": "Hello."}) + "\\n{oops\\n")
>>> [type(x).__name__ for x in read_path(d / "batch.jsonl")]
['Article', 'InputProblem']
"""

from __future__ import annotations

import calendar
import codecs
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.extract.dates import find_dateline, valid_iso_date
from kg.records import Article

EXTENSIONS = {".txt", ".text", ".jsonl", ".html", ".htm"}
MAX_ARTICLE_CHARS = 5_000_000
LEGACY_ENCODINGS = ["cp1256", "cp1252", "latin_1", "cp1251"]
"""Single-byte code pages detected when a file is not UTF-8 (Persian/Arabic, Western
European, Cyrillic): the ones this field's sources use."""

Warn = Callable[[str], None]


@dataclass(frozen=True)
class InputProblem:
    """One input that could not be read, with where it is and what to do."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class InputWarning:
    """Something about an input that was read anyway (a guessed encoding, a skipped file, an
    ignored date), with where it is; the article, if any, follows it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# ---------------------------------------------------------------- decoding


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is in, from its byte-order mark or, without one, from NUL
    bytes falling on every other byte (ASCII-range text in UTF-16), else ``None``."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:8192]
    if len(head) >= 4 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _bad_utf8(data: bytes) -> tuple[list[int], int]:
    """Byte offsets of the invalid UTF-8 sequences in ``data`` (up to 1,000) and how many
    valid multi-byte characters it holds (up to the last offset returned)."""
    view = memoryview(data)
    bad: list[int] = []
    good = pos = 0
    while pos < len(data) and len(bad) < 1000:
        try:
            good += _non_ascii(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as err:
            good += _non_ascii(codecs.utf_8_decode(view[pos : pos + err.start], "strict", True)[0])
            bad.append(pos + err.start)
            pos += err.end
    return bad, good


def decode_bytes(data: bytes, where: str = "input", warn: Warn | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM, or plainly so), else
    a detected single-byte code page (:data:`LEGACY_ENCODINGS`).

    A UTF-8 text with a few bad bytes stays UTF-8: each bad byte becomes U+FFFD and
    ``warn`` is told the byte offset (one stray byte never turns a file into mojibake).
    A text in a code page is decoded as such, and ``warn`` is told which one and why.
    Binary data is refused with the reason.

    >>> decode_bytes("Kabul".encode("utf-8"))
    'Kabul'
    >>> decode_bytes("کابل در افغانستان است و مردم آن".encode("cp1256"))
    'کابل در افغانستان است و مردم آن'
    >>> seen = []
    >>> decode_bytes("Señor García".encode() + b"\\xff!", "f.txt", seen.append)
    'Señor García\\ufffd!'
    >>> seen[0].split(":")[0]
    'not valid UTF-8 at byte 14 (0xff)'
    >>> decode_bytes("Kabul".encode("utf-16"))
    'Kabul'
    >>> decode_bytes(b"\\x00\\x01\\x02binary")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: input: looks like a binary file (it holds NUL bytes), not text: give ...
    """
    say = warn or (lambda _msg: None)
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as err:
            raise KGError(
                f"{where}: looks like {utf16.upper()} but is not valid at byte {err.start}: "
                "convert it to UTF-8"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise KGError(
            f"{where}: looks like a binary file (it holds NUL bytes), not text: "
            "give a .txt, .jsonl or .html file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad, good = _bad_utf8(data)
    first = f"byte {bad[0]} (0x{data[bad[0]]:02x})"
    if good >= len(bad):  # mostly UTF-8: keep it so, and say where it is broken
        more = f" and {len(bad) - 1:,} more" if len(bad) > 1 else ""
        say(
            f"not valid UTF-8 at {first}{more}: read as UTF-8 with "
            f"{'those bytes' if more else 'that byte'} replaced by U+FFFD; fix the file if "
            "text is missing there"
        )
        return data.decode("utf-8", "replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise KGError(
            f"{where}: is neither UTF-8 (see {first}) nor one of the code pages "
            f"{', '.join(LEGACY_ENCODINGS)}: convert it to UTF-8 "
            "(e.g. `iconv -f WINDOWS-1256 -t UTF-8`)"
        )
    text = str(best)
    if _control_share(text) > 0.05:
        raise KGError(f"{where}: decodes to control characters, so it is not text: check the file")
    say(
        f"not UTF-8 ({first} is not valid UTF-8): read as {best.encoding}; convert the file "
        "to UTF-8 if that is wrong"
    )
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text[:10000] if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / min(len(text), 10000)


# ---------------------------------------------------------------- HTML


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
    "figure",
)
_BLOCK_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td", "th"))
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def block_texts(root: Any) -> list[str]:
    """The text of every block (paragraph, heading, list item, table cell, quotation) under
    ``root``, once each, in document order; text outside any block only when there is no
    block at all.

    A block inside another (a table in a table cell, a list in a list item, a quotation in
    a quotation) is its own block: the outer one keeps only its own text, before and after
    it. One walk over the tree (no recursion, so any depth), so the text is never longer than
    the page's.

    >>> from selectolax.parser import HTMLParser
    >>> page = HTMLParser("<blockquote>A<blockquote>B</blockquote>C</blockquote>"
    ...                   "<ul><li>one<ul><li>two</li></ul></li></ul>")
    >>> block_texts(page.body)
    ['A', 'B', 'C', 'one', 'two']
    """
    blocks: list[str] = []
    loose: list[str] = []
    open_blocks: list[list[str]] = []  # the text read so far in each open block

    def flush(parts: list[str]) -> None:
        text = " ".join(" ".join(parts).split())
        parts.clear()
        if text:
            blocks.append(text)

    parents: list[Any] = []
    node = root.child if root is not None else None
    while True:
        if node is None:
            if not parents:
                break
            parent = parents.pop()
            if parent.tag in _BLOCK_TAGS:
                flush(open_blocks.pop())
            node = parent.next
            continue
        tag = node.tag
        if tag == "-text":
            (open_blocks[-1] if open_blocks else loose).append(node.text_content or "")
        elif tag != "_comment":
            if tag in _BLOCK_TAGS:
                if open_blocks:
                    flush(open_blocks[-1])  # the outer block's text so far, in order
                open_blocks.append([])
            if node.child is not None:
                parents.append(node)
                node = node.child
                continue
            if tag in _BLOCK_TAGS:
                open_blocks.pop()
        node = node.next
    if not blocks:
        text = " ".join(" ".join(loose).split())
        return [text] if text else []
    return blocks


def html_to_article_fields(html: str, warn: Warn | None = None) -> dict[str, Any]:
    """Main text, title, date and URL of an HTML page; boilerplate and scripts dropped.

    A date or language in the page's metadata that is not one is left out, and ``warn``
    is told.

    >>> page = ("<html><head><title>Blast in Kabul</title><script>alert(1)</script></head>"
    ...         "<body><nav>Home | World</nav><article><h1>Blast in Kabul</h1>"
    ...         "<p>A bomb exploded on Monday.</p></article>"
    ...         "<footer>(c) Outlet</footer></body></html>")
    >>> f = html_to_article_fields(page)
    >>> f["title"], f["text"]
    ('Blast in Kabul', 'Blast in Kabul\\n\\nA bomb exploded on Monday.')
    """
    from selectolax.parser import HTMLParser

    say = warn or (lambda _msg: None)
    tree = HTMLParser(html)
    fields: dict[str, Any] = {}
    for sel, attr, key in (
        ('meta[property="og:title"]', "content", "title"),
        ('meta[property="article:published_time"]', "content", "published"),
        ('meta[name="date"]', "content", "published"),
        ('link[rel="canonical"]', "href", "url"),
        ('meta[property="og:url"]', "content", "url"),
        ('meta[property="og:site_name"]', "content", "source"),
        ("html", "lang", "lang"),
    ):
        node = tree.css_first(sel)
        if node is not None and node.attributes.get(attr) and key not in fields:
            fields[key] = (node.attributes.get(attr) or "").strip()
    title = tree.css_first("title")
    if "title" not in fields and title is not None:
        fields["title"] = title.text(strip=True)
    if "published" not in fields:
        t = tree.css_first("time[datetime]")
        if t is not None:
            fields["published"] = t.attributes.get("datetime") or ""
    if fields.get("published"):
        try:
            fields["published"] = iso_date(fields["published"])
        except ValueError as err:
            say(f"the page's publication date {err}: left out (the dateline is used)")
            del fields["published"]
    if fields.get("lang"):
        if _LANG_TAG.fullmatch(fields["lang"]):
            fields["lang"] = fields["lang"].split("-")[0].lower()
        else:
            say(f"the page's language {fields['lang']!r} is not a language tag: left out")
            del fields["lang"]
    tree.strip_tags(list(_DROP_TAGS))
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    fields["text"] = "\n\n".join(block_texts(root))
    return fields


# ---------------------------------------------------------------- articles


def iso_date(value: str) -> str:
    """``YYYY-MM-DD`` of a date or an ISO 8601 date-time, or ``ValueError`` saying what is
    wrong with it.

    >>> iso_date("2024-01-31"), iso_date("2019-03-01T08:00:00Z")
    ('2024-01-31', '2019-03-01')
    >>> iso_date("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2024-02-30' is not a calendar date (February 2024 has 29 days)
    >>> iso_date("2024-01-01garbage")
    Traceback (most recent call last):
    ...
    ValueError: '2024-01-01garbage' is not a date: give YYYY-MM-DD (or an ISO 8601 date-time)
    """
    m = _ISO_DAY.match(value)
    if m is not None:
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12 and not 1 <= day <= calendar.monthrange(max(year, 1), month)[1]:
            days = calendar.monthrange(max(year, 1), month)[1]
            name = calendar.month_name[month]
            raise ValueError(f"{value!r} is not a calendar date ({name} {year} has {days} days)")
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date: give YYYY-MM-DD (or an ISO 8601 date-time)"
        ) from None
    day_ = when.date().isoformat()
    if m is None or not valid_iso_date(day_):
        raise ValueError(f"{value!r} is not a date: give YYYY-MM-DD (or an ISO 8601 date-time)")
    return day_


_JSON_KIND = {dict: "an object", list: "an array", bool: "true or false", float: "a number",
              int: "a number", type(None): "null"}  # fmt: skip


def _kind(value: Any) -> str:
    return _JSON_KIND.get(type(value), type(value).__name__)


def _no_surrogates(name: str, value: str, where: str) -> str:
    """``value``, or a KGError naming the first unpaired surrogate (a broken ``\\uD800``
    escape in JSON): it cannot be written as UTF-8, so nothing could store it."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(value[err.start])
        raise KGError(
            f'{where}: "{name}" holds an unpaired surrogate \\u{code:04x} at character '
            f"{err.start:,} (a broken \\uXXXX escape): fix or remove it"
        ) from None
    return value


def _text_field(fields: dict[str, Any], name: str, where: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise KGError(f'{where}: "{name}" must be a string, got {_kind(value)}: {value!r:.60}')
    return _no_surrogates(name, value, where).strip() or None


def document_id(value: Any, where: str) -> str:
    """The document id given as ``value``: a non-empty string (Unicode NFC-normalised, as
    the document's IRI is: ``"café"`` typed either way is one id) or a whole number (``7``
    is the id ``"7"``); anything else is a KGError.

    >>> document_id("cafe\\u0301", "x") == document_id("café", "x"), document_id(7, "x")
    (True, '7')
    >>> document_id(True, "b.jsonl:3")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: b.jsonl:3: "id" must be a string or a whole number, got true or false: True
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise KGError(f'{where}: has no "id" (give each article a unique id)')
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise KGError(
            f'{where}: "id" must be a string or a whole number, got {_kind(value)}: {value!r:.60}'
        )
    text = _no_surrogates("id", str(value), where).strip()
    return unicodedata.normalize("NFC", text)


def make_article(fields: dict[str, Any], where: str) -> Article:
    """An Article from a dict of fields, checked; raises KGError naming the problem.

    ``text`` must be a non-empty string, ``id`` a string or whole number
    (:func:`document_id`), ``title``, ``source``, ``url`` and ``lang`` strings (``lang`` a
    language tag such as ``en`` or ``fa-AF``; left empty when not given, and the extractor
    identifies it), ``published`` a date (:func:`iso_date`). A missing ``published`` date is
    taken from the dateline the text carries, if any.
    """
    text = fields.get("text")
    if text is None:
        raise KGError(f'{where}: has no "text" (a non-empty string is required)')
    if not isinstance(text, str):
        raise KGError(f'{where}: "text" must be a string, got {_kind(text)}: {text!r:.60}')
    if not text.strip():
        raise KGError(f'{where}: has no "text" (it is empty; a non-empty string is required)')
    if len(text) > MAX_ARTICLE_CHARS:
        raise KGError(
            f"{where}: the text has {len(text):,} characters, more than the limit of "
            f"{MAX_ARTICLE_CHARS:,}: split it into articles"
        )
    _no_surrogates("text", text, where)
    doc_id = document_id(fields.get("id"), where)
    published = fields.get("published")
    if published is not None and published != "":
        if not isinstance(published, str):
            raise KGError(
                f'{where}: "published" must be a date as text (YYYY-MM-DD), got '
                f"{_kind(published)}: {published!r:.60}"
            )
        try:
            published = iso_date(published.strip())
        except ValueError as err:
            raise KGError(
                f"{where}: published date {err}: fix it or leave it out (the dateline is used then)"
            ) from None
    else:
        found = find_dateline(text)
        published = found.iso if found else None
    lang = _text_field(fields, "lang", where)
    if lang is not None and not _LANG_TAG.fullmatch(lang):
        raise KGError(
            f'{where}: "lang" {lang!r} is not a language tag: give one such as en, fa or '
            "ps-AF (BCP 47), or leave it out"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(
        id=doc_id,
        text=text,
        title=_text_field(fields, "title", where),
        published=published,
        source=_text_field(fields, "source", where),
        url=_text_field(fields, "url", where),
        lang=lang or "",  # not given: identified when read (kg.extract.languages)
        origin=where,
    )


def _stem_id(path: Path) -> str:
    return re.sub(r"\s+", "-", path.stem.strip())


def read_text_file(path: Path, warn: Warn | None = None, **meta: Any) -> Article:
    """One article from a ``.txt`` file; metadata from ``meta`` or a sidecar ``.json``."""
    data = path.read_bytes()
    if not data.strip():
        raise KGError(f"{path}: is empty: nothing to ingest")
    fields: dict[str, Any] = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            side = json.loads(sidecar.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            raise KGError(f"{sidecar}: is not valid JSON ({err}): fix or remove it") from err
        if not isinstance(side, dict):
            raise KGError(f"{sidecar}: is not a JSON object: give the metadata as {{...}}")
        fields.update(side)
        fields.pop("text_file", None)
    fields.update({k: v for k, v in meta.items() if v is not None})
    fields.setdefault("id", _stem_id(path))
    fields["text"] = decode_bytes(data, str(path), warn)
    return make_article(fields, str(path))


def read_html_file(path: Path, warn: Warn | None = None, **meta: Any) -> Article:
    """One article from an HTML page: its main text, title and date."""
    data = path.read_bytes()
    if not data.strip():
        raise KGError(f"{path}: is empty: nothing to ingest")
    fields = html_to_article_fields(decode_bytes(data, str(path), warn), warn)
    if not fields.get("text"):
        raise KGError(f"{path}: holds no readable text (only markup or scripts)")
    fields.update({k: v for k, v in meta.items() if v is not None})
    fields.setdefault("id", _stem_id(path))
    return make_article(fields, str(path))


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes | str]]:
    """``(line number, line)``: bytes, decoded line by line by the caller, or text when the
    file is UTF-16 (whose lines cannot be split as bytes)."""
    with path.open("rb") as fh:
        head = fh.read(8192)
        encoding = _utf16(head)
        fh.seek(0)
        if encoding is None:
            yield from enumerate(fh, start=1)
            return
        text = io.TextIOWrapper(fh, encoding=encoding, errors="strict", newline=None)
        n = 0
        try:
            for n, line in enumerate(text, start=1):
                yield n, line
        except UnicodeDecodeError:
            raise KGError(
                f"{path}:{n + 1}: is not valid {encoding.upper()}: convert the file to UTF-8"
            ) from None


def read_jsonl(path: Path, **meta: Any) -> Iterator[Article | InputProblem | InputWarning]:
    """Articles from a JSONL file, one a line, streamed; bad lines become problems.

    Each line is decoded, checked and reported on its own (``file:LINE``): a line in another
    encoding, with a broken escape or a field of the wrong type costs that line only.
    """
    seen: list[InputWarning] = []
    try:
        for n, raw in _jsonl_lines(path):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line = (
                    raw if isinstance(raw, str) else decode_bytes(raw, where, _collect(seen, where))
                )
                obj = json.loads(line.rstrip("\r\n"))
            except KGError as err:
                yield InputProblem(where, str(err).removeprefix(where + ": "))
                continue
            except ValueError as err:
                why = (
                    f"{err.msg} at column {err.colno}"
                    if isinstance(err, json.JSONDecodeError)
                    else (err.args[0] if err.args else str(err))
                )
                yield InputProblem(where, f"is not valid JSON ({why}): fix the line")
                continue
            if not isinstance(obj, dict):
                yield InputProblem(where, "is not a JSON object: each line must be {...}")
                continue
            yield from seen
            seen.clear()
            fields = {k: v for k, v in meta.items() if v is not None and k not in ("id",)}
            fields.update(obj)
            try:
                yield make_article(fields, where)
            except KGError as err:
                yield InputProblem(where, str(err).removeprefix(where + ": "))
    except KGError as err:
        where, _, message = str(err).partition(": ")
        yield InputProblem(where, message)


def _collect(into: list[InputWarning], where: str) -> Warn:
    return lambda message: into.append(InputWarning(where, message))


def read_path(path: str | Path, **meta: Any) -> Iterator[Article | InputProblem | InputWarning]:
    """Every article under ``path`` (a file or a folder, recursively, in name order).

    In a folder, files that are not articles (other extensions) are skipped with a warning
    each, except a ``.json`` beside a ``.txt`` of the same name (its metadata).
    """
    p = Path(path)
    if not p.exists():
        yield InputProblem(str(p), "does not exist: check the path")
        return
    if p.is_dir():
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            if f.suffix.lower() in EXTENSIONS:
                yield from read_path(f, **{k: v for k, v in meta.items() if k != "id"})
            elif not (f.suffix.lower() == ".json" and f.with_suffix(".txt").is_file()):
                yield InputWarning(
                    str(f),
                    f"skipped: {f.suffix or 'no extension'} is not an article format "
                    "(.txt, .jsonl, .html)",
                )
        return
    ext = p.suffix.lower()
    warnings: list[InputWarning] = []
    try:
        if ext == ".jsonl":
            yield from read_jsonl(p, **meta)
        elif ext in (".txt", ".text"):
            article = read_text_file(p, _collect(warnings, str(p)), **meta)
            yield from warnings
            yield article
        elif ext in (".html", ".htm"):
            article = read_html_file(p, _collect(warnings, str(p)), **meta)
            yield from warnings
            yield article
        else:
            yield InputProblem(
                str(p),
                f"has an unknown extension {ext or '(none)'!r}: "
                "give .txt (one article), .jsonl (one article a line) or .html",
            )
    except KGError as err:
        yield from warnings
        yield InputProblem(str(p), str(err).removeprefix(f"{p}: "))
    except OSError as err:
        yield InputProblem(str(p), f"cannot be read ({err.strerror or err})")
