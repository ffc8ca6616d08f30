"""Refuse dangerous queries before anything is evaluated, in time linear in the query.

Oxigraph follows ``SERVICE`` to any address (loopback included), so a public endpoint
that evaluates ``SERVICE <http://127.0.0.1:.../>`` is a server-side request forgery hole;
and its recursive-descent parser overflows the stack (the process dies) on queries nested a
few thousand levels deep. :func:`check_query` tokenises the query with the SPARQL 1.1
grammar's terminals (section 19.8 of the W3C recommendation: strings with exactly the
escapes the grammar allows, IRIs, comments, variables, language tags; names are read as
whole runs of name characters) and then walks the tokens:

* ``SERVICE`` is refused wherever a parser could read it as a keyword: as a word, glued to
  another word (``trueSERVICE``: Oxigraph matches keywords without a word boundary), or
  before the colon of a prefixed name (``SERVICE:x`` is ``SERVICE`` followed by the
  prefixed name ``:x``). Inside strings, IRIs, comments, variables and the local part of
  a prefixed name (``schema:serviceType``) it is only text;
* an update (``LOAD``, ``CLEAR``, ``INSERT``, ``DROP``, ...) is refused: the endpoint is
  read-only;
* ``FROM`` / ``FROM NAMED`` may only name ``http``, ``https`` or ``urn`` graphs (after
  resolving prefixes and ``BASE``): ``FROM <file:///etc/passwd>`` is refused;
* brackets may nest at most :data:`MAX_DEPTH` deep and a query may hold at most
  :data:`MAX_OPERATORS` operators and group keywords (``UNION``, ``OPTIONAL``, ``MINUS``,
  ``BIND``, ...), well below what overflows the parser's or evaluator's stack: a deeper
  query is refused (400) naming the limit, before any parser sees it.

Every step is linear in the length of the query (no regular expression here backtracks
over what it has read; an unterminated string is scanned once, see :func:`tokens`), so a
100,000-character query is checked in milliseconds whatever it holds. The scan runs on the
text both as sent and after SPARQL's ``\\uXXXX`` escape processing, and refuses if either
view is dangerous.

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'SELECT'
>>> check_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
>>> check_query('SELECT ?service { ?service <http://x/p> "SERVICE <http://a/> {}" } # SERVICE').form
'SELECT'
>>> check_query("PREFIX : <http://127.0.0.1:9/> ASK { SERVICE:x {} }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
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
>>> check_query("ASK { FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.query_guard.QueryRefused: the query nests brackets more than 128 deep ...
>>> info = check_query("ASK FROM <http://x/g> { ?s ?p ?o }")
>>> info.form, info.has_dataset
('ASK', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate
from urllib.parse import urljoin, urlsplit

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    ("LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "INSERT", "DELETE", "WITH")
)
ALLOWED_FROM_SCHEMES = frozenset(("http", "https", "urn"))

MAX_DEPTH = 128
"""Deepest nesting of ``(``, ``[`` and ``{`` a query may have. Oxigraph 0.5 overflows its
stack (the process dies) at about 800 nested ``FILTER EXISTS { ... }`` and 2,000 nested
groups; real queries nest a few levels."""
MAX_OPERATORS = 1_000
"""Most operators (``|| && ! = < > + * / ^``) and group keywords (``UNION OPTIONAL MINUS
BIND FILTER GRAPH EXISTS``) in one query: each can add a level to the query's tree, and
Oxigraph overflows its stack at about 2,500 ``BIND``s in a row. ``VALUES`` rows, ``IN``
lists and triple patterns are not counted."""
GROUP_KEYWORDS = frozenset(("UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "EXISTS"))

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
_U = _BASE + "_"  # PN_CHARS_U
_EXTRA = "\u00b7\u0300-\u036f\u203f-\u2040"
_CH = _U + "\\-0-9" + _EXTRA  # PN_CHARS
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

# The SPARQL terminals the guard needs, tried in order as a parser tries them. A long string
# that does not close falls back to the empty string '' followed by a short one, as in
# SPARQL parsers. A backslash outside strings pairs with the next character (there it is a
# syntax error unless it escapes a local name), so every scan agrees on which quotes are
# escaped: an unterminated string's scan holds no other opening quote of its kind, no text
# is scanned twice, and the whole is linear. The checks read the query in a few passes of
# these expressions (C code): strings and comments are dropped; IRIs and "blobs" (everything
# else, up to the next string, comment or IRI) are kept.
_WS = r"[ \t\r\n]"  # SPARQL's whitespace (U+00A0 is not)


def _strings(q: str) -> str:
    """STRING_LITERAL_LONG and STRING_LITERAL for the quote ``q`` (plain characters are
    read in runs: the same language, read faster)."""
    esc = f"\\\\[tbnrf\\\\\"']|{_UCHAR}"  # ECHAR, and UCHAR (Oxigraph reads it in strings)
    long_body = f"(?:[^{q}\\\\]++|{esc}|{q}{q}?(?=[^{q}\\\\]|{esc}))*+"
    short_body = f"(?:[^{q}\\\\\\n\\r]++|{esc})*+"
    return f"{q * 3}{long_body}{q * 3}|{q}{short_body}{q}"


_STRING = f"{_strings(chr(39))}|{_strings(chr(34))}"
_IRI_REST = '(?:[^<>"{}|^`\\\\\\x00-\\x20]++|' + _UCHAR + ")*+>"
_IRI = "<" + _IRI_REST
_VAR = f"[?$][{_U}0-9][{_U}0-9{_EXTRA}]*+"
_LANGTAG = r"@[a-zA-Z]++"
_RUN = f"(?:[{_CH}.:]|{_PLX})++"  # names, keywords, numbers, prefixed names, glued
_PUNCT = r"[(){}\[\],;*/+!=|&^<>]++"
_OTHER = r"\\[\s\S]|[\s\S]"
_DROPPED = f"(?:{_STRING}|#[^\\r\\n]*+|{_WS}++)++"
_BLOB = f"(?:[^'\"#<\\\\]++|\\\\[\\s\\S]|<(?!{_IRI_REST})|(?!{_STRING})['\"])++"
_CODE = re.compile(f"{_DROPPED}|({_IRI}|{_BLOB})")  # IRIs and blobs (the rest gives '')
_BLOBS = re.compile(f"{_DROPPED}|{_IRI}|({_BLOB})")  # blobs only
_RUNS = re.compile(f"(?:{_VAR}|{_LANGTAG}|{_PUNCT})|({_RUN})|{_OTHER}")  # in a blob
_KINDS = re.compile(
    f"(?P<WS>{_WS}++)|(?P<COMMENT>#[^\\r\\n]*+)|(?P<STRING>{_STRING})|(?P<IRI>{_IRI})"
    f"|(?P<VAR>{_VAR})|(?P<LANGTAG>{_LANGTAG})|(?P<RUN>{_RUN})|(?P<PUNCT>{_PUNCT})"
    f"|(?P<OTHER>{_OTHER})"
)
_LOCAL_START = re.compile(f"[{_U}:0-9]|{_PLX}")
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_\-]*")
_SUSPECT = re.compile(r"(?<!\S)\S*?SERVICE\S*+", re.IGNORECASE)
_NOT_BRACKET = re.compile(r"[^()\[\]{}]++")
_DEPTH = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_OPERATOR_CHARS = "|&!=<>+*/^"
_WORD_BEFORE = r"(?<![A-Za-z0-9_?$@:.\-%\\])"  # not inside a name, variable or tag
_WORD_AFTER = r"(?![A-Za-z0-9_:.\-%\\])"
_GROUP_WORDS = re.compile(
    f"{_WORD_BEFORE}(?:UNION|OPTIONAL|MINUS|BIND|FILTER|GRAPH|EXISTS){_WORD_AFTER}",
    re.IGNORECASE,
)
_UPDATE_INSIDE = re.compile(f"{_WORD_BEFORE}(?:LOAD|CLEAR|DROP){_WORD_AFTER}", re.IGNORECASE)
_FROM = re.compile(
    f"(?<!\\S)(?:[^\\s<]\\S*?)?{_WORD_BEFORE}FROM{_WORD_AFTER}"
    f"(?:\\s++(NAMED){_WORD_AFTER})?(?:\\s++(\\S++))?",
    re.IGNORECASE,
)
_SKIP = f"(?:{_WS}|#[^\\r\\n]*+)*+"
_PROLOGUE = re.compile(
    f"{_SKIP}(?:(?i:BASE){_SKIP}({_IRI})"
    f"|(?i:PREFIX){_SKIP}((?:[{_BASE}](?:[{_CH}.]*+(?<!\\.))?)?:){_SKIP}({_IRI}))"
)
_FIRST = re.compile(f"{_SKIP}([A-Za-z]++)")
_LEADING_RUN = re.compile(_RUN)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` for every significant token (whitespace and comments dropped).

    Kinds: ``STRING``, ``IRI``, ``VAR``, ``LANGTAG``, ``RUN`` (a run of name characters: a
    keyword, a number, a prefixed name, or several glued together), ``PUNCT`` (a run of
    operators and brackets) and ``OTHER``. For reading the guard's view of a query; the
    checks work on whole texts (:func:`code`).

    >>> [k for k, _ in tokens('SELECT ?x { ?x ex:p "a#b"@en } # c')]
    ['RUN', 'VAR', 'PUNCT', 'VAR', 'RUN', 'STRING', 'LANGTAG', 'PUNCT']
    >>> [t for _, t in tokens("VALUES ?x { \'\'\' \' }")]  # an unclosed long string
    ['VALUES', '?x', '{', "''", "' '", '}']
    """
    for m in _KINDS.finditer(text):
        kind = m.lastgroup or "OTHER"
        if kind not in ("WS", "COMMENT"):
            yield kind, m.group()


def code(text: str, *, iris: bool = True) -> str:
    """The query without its strings and comments: IRIs (unless ``iris`` is false) and the
    rest, separated by spaces.

    >>> code('SELECT ?x{ ?x ex:p "a } SERVICE"@en, <http://x/> } # SERVICE', iris=False).split()
    ['SELECT', '?x{', '?x', 'ex:p', '@en,', '}']
    """
    return " ".join((_CODE if iris else _BLOBS).findall(text))


def unescape_codepoints(text: str) -> str:
    r"""Apply SPARQL's ``\uXXXX`` / ``\UXXXXXXXX`` escapes, as the grammar says to before parsing.

    >>> unescape_codepoints("\\u0053ERVICE")
    'SERVICE'
    """

    def repl(m: re.Match[str]) -> str:
        cp = int(m.group(1) or m.group(2), 16)
        return chr(cp) if cp <= 0x10FFFF else m.group()

    return _UNICODE_ESCAPE.sub(repl, text)


def _hides_service(run: str) -> bool:
    """Whether a parser could read ``SERVICE`` as a keyword somewhere in this run of name
    characters: anywhere but in the local part of a prefixed name made of plain letters,
    digits, ``_`` and ``-`` (Oxigraph reads a local part whole).

    >>> _hides_service("SERVICE"), _hides_service("trueSERVICE"), _hides_service("SERVICE:x")
    (True, True, True)
    >>> _hides_service("schema:serviceType"), _hides_service("ex:a.SERVICE")
    (False, True)
    """
    up = run.upper()
    if "SERVICE" not in up:
        return False
    i = 0
    while True:
        colon = up.find(":", i)
        if "SERVICE" in (up[i:] if colon < 0 else up[i:colon]):
            return True
        if colon < 0:
            return False
        i = colon + 1
        if _LOCAL_START.match(run, i):  # a local name: to the end of the run
            local = run[i:]
            return "SERVICE" in local.upper() and _PLAIN_LOCAL.fullmatch(local) is None
        # no local name here (``ex:-x``): the rest is read as new tokens


def _depth_message() -> str:
    return (
        f"the query nests brackets more than {MAX_DEPTH} deep (the limit, which keeps the "
        "SPARQL parser from running out of stack): flatten it"
    )


def _operators_message() -> str:
    return (
        f"the query holds more than {MAX_OPERATORS:,} operators and group keywords "
        "(UNION, OPTIONAL, MINUS, BIND, FILTER, ...; the limit, which keeps the SPARQL parser "
        "from running out of stack): split it, or use VALUES or IN (...) for long lists"
    )


def _check_code(text: str) -> str:
    """The code without IRIs (:func:`code`), once ``SERVICE`` (403) and the nesting limits
    (400) are checked; raises :class:`QueryRefused`."""
    blobs = code(text, iris=False)
    upper = blobs.upper()
    if "SERVICE" in upper:
        for suspect in _SUSPECT.findall(blobs):
            runs = " ".join(_RUNS.findall(suspect))
            if any(_hides_service(run) for run in _SUSPECT.findall(runs)):
                raise QueryRefused(SERVICE_MESSAGE)
    operators = sum(blobs.count(c) for c in _OPERATOR_CHARS) - 2 * blobs.count("^^")
    operators += len(_GROUP_WORDS.findall(blobs))
    if operators > MAX_OPERATORS:
        raise QueryRefused(_operators_message(), status=400)
    brackets = _NOT_BRACKET.sub("", blobs)
    if len(brackets) > MAX_DEPTH and max(accumulate(map(_DEPTH.__getitem__, brackets))) > MAX_DEPTH:
        raise QueryRefused(_depth_message(), status=400)
    return upper


def _resolve(tok: str, prefixes: Mapping[str, str], base: str | None) -> str | None:
    """The IRI an IRI or prefixed-name token stands for (``None``: not one, or an unknown
    prefix)."""
    if tok.startswith("<") and tok.endswith(">"):
        iri = tok[1:-1]
        return urljoin(base, iri) if base else iri
    pfx, colon, local = tok.rstrip(".").partition(":")
    if not colon:
        return None
    ns = prefixes.get(pfx)
    if ns is None:
        return None
    return ns + re.sub(r"\\(.)", r"\1", local)


def _dataset(text: str, upper: str, prefixes: Mapping[str, str], base_iri: str | None) -> QueryInfo:
    """The query form, updates refused, and the ``FROM`` graphs checked; ``upper`` is the
    code without IRIs, upper-cased (from :func:`_check_code`)."""
    pfx = dict(prefixes)
    base = base_iri
    pos = 0
    # the prologue: BASE and PREFIX declarations
    while (m := _PROLOGUE.match(text, pos)) is not None:
        if m.group(1):
            base = _resolve(m.group(1), pfx, base)
        else:
            pfx[m.group(2)[:-1]] = _resolve(m.group(3), pfx, base) or ""
        pos = m.end()
    form: str | None = None
    first = _FIRST.match(text, pos)
    if first is not None:
        word = first.group(1).upper()
        if word in UPDATE_KEYWORDS:
            raise QueryRefused(READ_ONLY_MESSAGE)
        if word in QUERY_FORMS:
            form = word
    if any(w in upper for w in ("LOAD", "CLEAR", "DROP")) and _UPDATE_INSIDE.search(upper):
        # never valid inside a query: an update smuggled after a query
        raise QueryRefused(READ_ONLY_MESSAGE)
    has_dataset = False
    for m in _FROM.finditer(code(text)) if "FROM" in upper else ():
        has_dataset = True
        target = m.group(2)
        if target is None:
            continue
        if not target.startswith("<"):
            run = _LEADING_RUN.match(target)
            target = run.group() if run else target
        iri = _resolve(target, pfx, base)
        if iri is None:
            if ":" in target and not target.startswith("<"):
                raise QueryRefused(
                    f"FROM {target}: unknown prefix; declare it with PREFIX", status=400
                )
            continue
        check_graph_iri(iri, "FROM")
    return QueryInfo(form=form, has_dataset=has_dataset)


def check_graph_iri(iri: str, where: str = "FROM") -> None:
    """Refuse a dataset graph that is not an ``http``, ``https`` or ``urn`` IRI.

    >>> check_graph_iri("http://x/g")
    >>> check_graph_iri("file:///etc/passwd", "named-graph-uri")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query_guard.QueryRefused: named-graph-uri <file:///etc/passwd> refused: ...
    """
    scheme = urlsplit(iri).scheme.lower()
    if scheme not in ALLOWED_FROM_SCHEMES:
        raise QueryRefused(
            f"{where} <{iri}> refused: FROM, FROM NAMED, default-graph-uri and "
            "named-graph-uri only select graphs of this store by http(s) or urn IRIs; "
            "this endpoint never fetches anything."
        )


def _views(text: str) -> list[str]:
    unescaped = unescape_codepoints(text)
    return [text] if unescaped == text else [text, unescaped]


def check_query(
    text: str, *, prefixes: Mapping[str, str] | None = None, base_iri: str | None = None
) -> QueryInfo:
    """Refuse (:class:`QueryRefused`) or describe a query before evaluation.

    ``prefixes`` are those the evaluator predeclares; ``base_iri`` the one it resolves
    relative IRIs against. Linear in ``len(text)``.
    """
    prefixes = prefixes or {}
    infos = []
    for view in _views(text):
        infos.append(_dataset(view, _check_code(view), prefixes, base_iri))
    return infos[0]


def check_safe(text: str, message: str = SERVICE_MESSAGE) -> None:
    """Refuse (:class:`QueryRefused`) ``SERVICE`` (escaped or not) and queries nested past
    :data:`MAX_DEPTH` or :data:`MAX_OPERATORS`; updates and ``FROM`` are not looked at.

    Oxigraph evaluates ``SERVICE <iri>`` by sending a request to ``iri``, and a deeply
    nested query crashes the process that parses it: the local store
    (:meth:`kg.store.Store.query`, its rdflib view) calls this before every query.

    >>> check_safe('SELECT ?s { ?s ?p "SERVICE" }')
    >>> check_safe("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query_guard.QueryRefused: SERVICE (federated query) is disabled on this endpoint: ...
    """
    for view in _views(text):
        try:
            _check_code(view)
        except QueryRefused as err:
            if err.message == SERVICE_MESSAGE:
                raise QueryRefused(message) from None
            raise


check_no_service = check_safe  # the name earlier releases used


def check_update_text(text: str) -> None:
    """Every update is refused: the endpoint is read-only.

    >>> check_update_text("CLEAR ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query_guard.QueryRefused: this endpoint is read-only: ...
    """
    raise QueryRefused(READ_ONLY_MESSAGE)


_SLASHED_NAME = re.compile(r"(?<![<\w])([A-Za-z][\w-]*):([\w-]+/[\w/-]*)")


def syntax_message(err: BaseException, query: str = "") -> str:
    """One line saying why a query does not parse and what to do: the parser's first line
    (Oxigraph lists every character it expected, cut here), and a hint for the usual
    mistake of a prefixed name with a slash (``kgid:graph/resolution``: write the full IRI;
    SPARQL 1.1 section 19.8 allows ``/`` in a local name only escaped, ``\\/``).

    >>> syntax_message(SyntaxError("error at 1:9: expected one of\\n  'a'..'z'"), "")
    'error at 1:9: expected one of ...'
    >>> q = "SELECT * { GRAPH kgid:graph/x {}}"
    >>> m = syntax_message(SyntaxError("error at 1:30: expected"), q)
    >>> m.endswith("write it as a full IRI <...> or escape the slash (kgid:graph\\\\/x)")
    True
    """
    first = (str(err).strip().splitlines() or ["the parser gave no reason"])[0]
    if len(first) > 160 or first.rstrip().endswith("expected one of"):
        first = first[:160].rstrip() + " ..."
    slashed = _SLASHED_NAME.search(code(query, iris=False)) if query else None
    if slashed is not None:
        name = slashed.group(0)
        first += (
            f"; '{name}' is not a prefixed name (a slash cannot appear in one): write it as "
            f"a full IRI <...> or escape the slash ({name.replace('/', chr(92) + '/')})"
        )
    return first
