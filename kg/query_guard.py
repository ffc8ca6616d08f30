"""Refuse dangerous queries before anything is evaluated.

Oxigraph follows ``SERVICE`` to any address (loopback included), so a public endpoint
that evaluates ``SERVICE <http://127.0.0.1:.../>`` is a server-side request forgery hole.
:func:`check_query` tokenises the query with the SPARQL 1.1 grammar's terminals (strings,
IRIs, comments, variables, prefixed names, blank nodes, language tags and numbers are
recognised as whole tokens, so nothing inside them can trigger or hide a keyword) and then
walks the tokens:

* any ``SERVICE`` keyword (``SERVICE <iri>``, ``SERVICE ?var``, ``SERVICE SILENT``) is
  refused, as is any bare word containing it (a PEG parser may split ``trueSERVICE``);
* an update (``LOAD``, ``CLEAR``, ``INSERT``, ``DROP``, ...) is refused: the endpoint is
  read-only;
* ``FROM`` / ``FROM NAMED`` may only name ``http``, ``https`` or ``urn`` graphs (after
  resolving prefixes and ``BASE``): ``FROM <file:///etc/passwd>`` is refused.

The scan runs on the text both as sent and after SPARQL's ``\\uXXXX`` escape processing,
and refuses if either view is dangerous.

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'SELECT'
>>> check_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
>>> check_query('SELECT ?service { ?service <http://x/p> "SERVICE <http://a/> {}" } # SERVICE').form
'SELECT'
>>> check_query("SELECT * { \\\\u0053ERVICE ?x { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
>>> check_query("PREFIX f: <file:///etc/> ASK FROM f:passwd {}")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: FROM <file:///etc/passwd> refused: ...
>>> check_query("LOAD <http://example.org/x>")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: this endpoint is read-only: ...
>>> info = check_query("ASK FROM <http://x/g> { ?s ?p ?o }")
>>> info.form, info.has_dataset
('ASK', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    ("LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "INSERT", "DELETE", "WITH")
)
ALLOWED_FROM_SCHEMES = frozenset(("http", "https", "urn"))

READ_ONLY_MESSAGE = (
    "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, "
    "ADD, MOVE, COPY) is refused. To change the data, run `kg ingest` against the store "
    "folder, then restart `kg serve`."
)
SERVICE_MESSAGE = (
    "SERVICE (federated query) is disabled on this endpoint: it would make the server "
    "send requests to other addresses. Query the other endpoint yourself and join the "
    "results on your side."
)


class QueryRefused(Exception):
    """A query this endpoint will not evaluate; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class QueryInfo:
    """What the guard learnt: the query form and whether it names its own dataset."""

    form: str | None
    has_dataset: bool


# --------------------------------------------------------------------------- terminals
_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE + "_"
_CH = _U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_BASE}](?:[{_CH}.]*[{_CH}])?"
_PN_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CH}.:]|{_PLX})*(?:[{_CH}:]|{_PLX}))?"
_VARNAME = f"[{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"

_TOKENS = [
    ("WS", r"\s+"),
    ("COMMENT", r"#[^\r\n]*"),
    ("STRING", r"'''(?:(?:'|'')?(?:[^'\\]|\\[\s\S]))*'''"),
    ("STRING", r'"""(?:(?:"|"")?(?:[^"\\]|\\[\s\S]))*"""'),
    ("STRING", r"'(?:[^'\\\n\r]|\\[^\n\r])*'"),
    ("STRING", r'"(?:[^"\\\n\r]|\\[^\n\r])*"'),
    ("IRI", r"<[^<>\"{}|^`\\\x00-\x20]*>"),
    ("VAR", f"[?$]{_VARNAME}"),
    ("BNODE", f"_:[{_U}0-9](?:[{_CH}.]*[{_CH}])?"),
    ("PNAME", f"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
    ("LANGTAG", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("NUMBER", r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"),
    ("WORD", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("OTHER", r"[\s\S]"),
]
_MASTER = re.compile("|".join(f"(?P<{k}{i}>{p})" for i, (k, p) in enumerate(_TOKENS)))
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` for every significant token (whitespace and comments dropped).

    >>> [k for k, _ in tokens('SELECT ?x { ?x ex:p "a#b"@en } # c')]
    ['WORD', 'VAR', 'OTHER', 'VAR', 'PNAME', 'STRING', 'LANGTAG', 'OTHER']
    """
    for m in _MASTER.finditer(text):
        kind = (m.lastgroup or "OTHER").rstrip("0123456789")
        if kind not in ("WS", "COMMENT"):
            yield kind, m.group()


def unescape_codepoints(text: str) -> str:
    r"""Apply SPARQL's ``\uXXXX`` / ``\UXXXXXXXX`` escapes, as a parser does before parsing.

    >>> unescape_codepoints("\\u0053ERVICE")
    'SERVICE'
    """

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group()

    return _UNICODE_ESCAPE.sub(repl, text)


def _resolve(kind: str, tok: str, prefixes: Mapping[str, str], base: str | None) -> str | None:
    if kind == "IRI":
        iri = tok[1:-1]
        return urljoin(base, iri) if base else iri
    if kind == "PNAME":
        pfx, _, local = tok.partition(":")
        ns = prefixes.get(pfx)
        if ns is None:
            return None
        local = re.sub(r"\\(.)", r"\1", local)
        return ns + local
    return None


def _scan(text: str, prefixes: Mapping[str, str], base_iri: str | None) -> QueryInfo:
    toks = list(tokens(text))
    # SERVICE anywhere, in any case, even glued to another word
    for kind, tok in toks:
        if kind == "WORD" and "SERVICE" in tok.upper():
            raise QueryRefused(SERVICE_MESSAGE)
    pfx = dict(prefixes)
    base = base_iri
    form: str | None = None
    has_dataset = False
    i = 0
    n = len(toks)
    # the prologue: BASE and PREFIX declarations
    while i < n and toks[i][0] == "WORD" and toks[i][1].upper() in ("BASE", "PREFIX"):
        word = toks[i][1].upper()
        if word == "BASE" and i + 1 < n and toks[i + 1][0] == "IRI":
            base = _resolve("IRI", toks[i + 1][1], pfx, base)
            i += 2
        elif word == "PREFIX" and i + 2 < n and toks[i + 1][0] == "PNAME":
            if toks[i + 2][0] == "IRI":
                pfx[toks[i + 1][1].rstrip(":")] = _resolve("IRI", toks[i + 2][1], pfx, base) or ""
            i += 3
        else:
            break
    if i < n and toks[i][0] == "WORD":
        first = toks[i][1].upper()
        if first in UPDATE_KEYWORDS:
            raise QueryRefused(READ_ONLY_MESSAGE)
        if first in QUERY_FORMS:
            form = first
    for j in range(i, n):
        kind, tok = toks[j]
        if kind == "WORD" and tok.upper() in ("LOAD", "CLEAR", "DROP"):
            # never valid inside a query: an update smuggled after a query
            raise QueryRefused(READ_ONLY_MESSAGE)
        if kind != "WORD" or tok.upper() != "FROM":
            continue
        has_dataset = True
        k = j + 1
        if k < n and toks[k][0] == "WORD" and toks[k][1].upper() == "NAMED":
            k += 1
        if k >= n:
            continue
        iri = _resolve(toks[k][0], toks[k][1], pfx, base)
        if iri is None:
            if toks[k][0] == "PNAME":
                raise QueryRefused(
                    f"FROM {toks[k][1]}: unknown prefix; declare it with PREFIX", status=400
                )
            continue
        scheme = urlsplit(iri).scheme.lower()
        if scheme not in ALLOWED_FROM_SCHEMES:
            raise QueryRefused(
                f"FROM <{iri}> refused: FROM and FROM NAMED only select graphs of this store "
                "by http(s) or urn IRIs; this endpoint never fetches anything."
            )
    return QueryInfo(form=form, has_dataset=has_dataset)


def check_query(
    text: str, *, prefixes: Mapping[str, str] | None = None, base_iri: str | None = None
) -> QueryInfo:
    """Refuse (:class:`QueryRefused`) or describe a query before evaluation.

    ``prefixes`` are those the evaluator predeclares; ``base_iri`` the one it resolves
    relative IRIs against.
    """
    prefixes = prefixes or {}
    raw = _scan(text, prefixes, base_iri)
    unescaped = unescape_codepoints(text)
    if unescaped != text:
        return _scan(unescaped, prefixes, base_iri)
    return raw


def check_no_service(text: str, message: str = SERVICE_MESSAGE) -> None:
    """Refuse (:class:`QueryRefused`) any query that uses ``SERVICE``, escaped or not.

    Oxigraph evaluates ``SERVICE <iri>`` by sending a request to ``iri``; the local store
    (:meth:`kg.store.Store.query`) calls this so that no query makes conflict-kg fetch
    anything.

    >>> check_no_service('SELECT ?s { ?s ?p "SERVICE" }')
    >>> check_no_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
    """
    for view in {text, unescape_codepoints(text)}:
        for kind, tok in tokens(view):
            if kind == "WORD" and "SERVICE" in tok.upper():
                raise QueryRefused(message)


def check_update_text(text: str) -> None:
    """Every update is refused: the endpoint is read-only.

    >>> check_update_text("CLEAR ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query_guard.QueryRefused: this endpoint is read-only: ...
    """
    raise QueryRefused(READ_ONLY_MESSAGE)
