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

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.extract.dates import find_dateline, valid_iso_date
from kg.records import Article

EXTENSIONS = {".txt", ".text", ".jsonl", ".html", ".htm"}
MAX_ARTICLE_CHARS = 5_000_000


@dataclass(frozen=True)
class InputProblem:
    """One input that could not be read, with where it is and what to do."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, where: str = "input") -> str:
    """Text from bytes: UTF-8 (with or without BOM), else a detected legacy encoding.

    Windows-1256 (Persian, Arabic) and Latin-1 are common in this field and are detected;
    binary data is refused with the reason.

    >>> decode_bytes("Kabul".encode("utf-8"))
    'Kabul'
    >>> decode_bytes("کابل در افغانستان است و مردم آن".encode("cp1256"))
    'کابل در افغانستان است و مردم آن'
    >>> decode_bytes(b"\\x00\\x01\\x02binary")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: input: looks like a binary file (it holds NUL bytes), not text: give ...
    """
    if data.startswith(b"\xef\xbb\xbf"):
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
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "cp1252", "latin_1", "utf_16", "cp1251"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise KGError(
            f"{where}: is neither UTF-8 nor a text encoding that could be detected: "
            "convert it to UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8`)"
        )
    text = str(best)
    if _control_share(text) > 0.05:
        raise KGError(f"{where}: decodes to control characters, so it is not text: check the file")
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
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td")


def html_to_article_fields(html: str) -> dict[str, Any]:
    """Main text, title, date and URL of an HTML page; boilerplate and scripts dropped.

    >>> page = ("<html><head><title>Blast in Kabul</title><script>alert(1)</script></head>"
    ...         "<body><nav>Home | World</nav><article><h1>Blast in Kabul</h1>"
    ...         "<p>A bomb exploded on Monday.</p></article>"
    ...         "<footer>(c) Outlet</footer></body></html>")
    >>> f = html_to_article_fields(page)
    >>> f["title"], f["text"]
    ('Blast in Kabul', 'Blast in Kabul\\n\\nA bomb exploded on Monday.')
    """
    from selectolax.parser import HTMLParser

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
        fields["published"] = fields["published"][:10]
        if not valid_iso_date(fields["published"]):
            del fields["published"]
    if fields.get("lang"):
        fields["lang"] = fields["lang"].split("-")[0].lower()
    tree.strip_tags(list(_DROP_TAGS))
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    blocks = []
    if root is not None:
        # in document order (a CSS selector list would group the matches by selector)
        for node in (n for n in root.traverse() if n.tag in _BLOCK_TAGS):
            # nested blocks (a <p> inside an <li>) are taken once, at the innermost level
            if any(node.css_first(t) is not None for t in _BLOCK_TAGS if t != node.tag):
                continue
            txt = " ".join(node.text(separator=" ").split())
            if txt:
                blocks.append(txt)
        if not blocks:
            blocks = [" ".join(root.text(separator=" ").split())]
    fields["text"] = "\n\n".join(b for b in blocks if b)
    return fields


# ---------------------------------------------------------------- articles


def make_article(fields: dict[str, Any], where: str) -> Article:
    """An Article from a dict of fields, checked; raises KGError naming the problem.

    A missing ``published`` date is taken from the dateline the text carries, if any.
    """
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise KGError(f'{where}: has no "text" (a non-empty string is required)')
    if len(text) > MAX_ARTICLE_CHARS:
        raise KGError(
            f"{where}: the text has {len(text):,} characters, more than the limit of "
            f"{MAX_ARTICLE_CHARS:,}: split it into articles"
        )
    doc_id = fields.get("id")
    if not isinstance(doc_id, str | int) or not str(doc_id).strip():
        raise KGError(f'{where}: has no "id" (give each article a unique id)')
    published = fields.get("published")
    if published:
        published = str(published)[:10]
        if not valid_iso_date(published):
            raise KGError(
                f"{where}: published date {fields.get('published')!r} is not YYYY-MM-DD: fix it "
                "or leave it out (the dateline is used then)"
            )
    else:
        found = find_dateline(text)
        published = found.iso if found else None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(
        id=str(doc_id).strip(),
        text=text,
        title=_opt(fields.get("title")),
        published=published,
        source=_opt(fields.get("source")),
        url=_opt(fields.get("url")),
        lang=_opt(fields.get("lang")) or "en",
        origin=where,
    )


def _opt(v: Any) -> str | None:
    return str(v).strip() or None if v is not None else None


def _stem_id(path: Path) -> str:
    return re.sub(r"\s+", "-", path.stem.strip())


def read_text_file(path: Path, **meta: Any) -> Article:
    """One article from a ``.txt`` file; metadata from ``meta`` or a sidecar ``.json``."""
    data = path.read_bytes()
    if not data.strip():
        raise KGError(f"{path}: is empty: nothing to ingest")
    fields: dict[str, Any] = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            fields.update(json.loads(sidecar.read_text(encoding="utf-8")))
        except (ValueError, UnicodeDecodeError) as err:
            raise KGError(f"{sidecar}: is not valid JSON ({err}): fix or remove it") from err
        fields.pop("text_file", None)
    fields.update({k: v for k, v in meta.items() if v is not None})
    fields.setdefault("id", _stem_id(path))
    fields["text"] = decode_bytes(data, str(path))
    return make_article(fields, str(path))


def read_html_file(path: Path, **meta: Any) -> Article:
    """One article from an HTML page: its main text, title and date."""
    data = path.read_bytes()
    if not data.strip():
        raise KGError(f"{path}: is empty: nothing to ingest")
    fields = html_to_article_fields(decode_bytes(data, str(path)))
    if not fields.get("text"):
        raise KGError(f"{path}: holds no readable text (only markup or scripts)")
    fields.update({k: v for k, v in meta.items() if v is not None})
    fields.setdefault("id", _stem_id(path))
    return make_article(fields, str(path))


def read_jsonl(path: Path, **meta: Any) -> Iterator[Article | InputProblem]:
    """Articles from a JSONL file, one a line, streamed; bad lines become problems."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, where)
                obj = json.loads(line)
            except KGError as err:
                yield InputProblem(where, str(err).removeprefix(where + ": "))
                continue
            except ValueError as err:
                yield InputProblem(
                    where, f"is not valid JSON ({err.args[0] if err.args else err}): fix the line"
                )
                continue
            if not isinstance(obj, dict):
                yield InputProblem(where, "is not a JSON object: each line must be {...}")
                continue
            fields = {k: v for k, v in meta.items() if v is not None and k not in ("id",)}
            fields.update(obj)
            try:
                yield make_article(fields, where)
            except KGError as err:
                yield InputProblem(where, str(err).removeprefix(where + ": "))


def read_path(path: str | Path, **meta: Any) -> Iterator[Article | InputProblem]:
    """Every article under ``path`` (a file or a folder, recursively, in name order)."""
    p = Path(path)
    if not p.exists():
        yield InputProblem(str(p), "does not exist: check the path")
        return
    if p.is_dir():
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            if f.suffix.lower() in EXTENSIONS:
                yield from read_path(f, **{k: v for k, v in meta.items() if k != "id"})
        return
    ext = p.suffix.lower()
    try:
        if ext == ".jsonl":
            yield from read_jsonl(p, **meta)
        elif ext in (".txt", ".text"):
            yield read_text_file(p, **meta)
        elif ext in (".html", ".htm"):
            yield read_html_file(p, **meta)
        else:
            yield InputProblem(
                str(p),
                f"has an unknown extension {ext or '(none)'!r}: "
                "give .txt (one article), .jsonl (one article a line) or .html",
            )
    except KGError as err:
        yield InputProblem(str(p), str(err).removeprefix(f"{p}: "))
    except OSError as err:
        yield InputProblem(str(p), f"cannot be read ({err.strerror or err})")
