"""The query guard: linear time, no way past it to SERVICE, nesting refused before parsing.

* every query shape is checked in time linear in its length: a 100,000-character query in
  under 50 ms of CPU time, whatever it holds (the previous guard's regular expressions
  backtracked quadratically: ``a-`` repeated 49,980 times took 110 s);
* a fuzzer builds queries that hide ``SERVICE`` behind quotes, escapes, comments and
  glued names; a real Oxigraph store evaluates them against a loopback listener, and every
  one that makes Oxigraph send a request must have been refused by the guard;
* queries nested past the limits are refused (400, naming the limit) before any parser
  runs (``tests/e2e/test_guard_limits.py`` shows Oxigraph takes queries at the limits).
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kg.query_guard import (
    MAX_DEPTH,
    MAX_OPERATORS,
    QueryRefused,
    check_query,
    check_safe,
    syntax_message,
)

N = 100_000
HEAD = "SELECT * { ?s ?p ?o } LIMIT 1 "


def filled(unit: str, head: str = HEAD) -> str:
    return (head + unit * N)[:N]


# shapes that made the previous guard (or a naive tokenizer) quadratic
ADVERSARIAL = {
    "glued names (the issue's repro)": filled("a-"),
    "prefixed names": filled("ex:a- "),
    "name then bracket": filled("a)"),
    "unclosed long strings": filled("'''\n\\"),
    "escaped long quotes": filled('"""\n\\"""'),
    "escaped short quotes": filled('"\\"'),
    "short strings to line ends": filled("'\\'\n"),
    "unclosed IRIs": filled("<a "),
    "IRIs": filled("<a>"),
    "variables": filled("?a"),
    "question marks": filled("? "),
    "operators": filled(") "),
    "comments": filled("#\n"),
    "quotes": filled('"'),
    "codepoint escapes": filled("\\u0041"),
    "percent signs": filled("%2"),
    "escaped local names": filled("a\\."),
    "SERVICE in local names": filled("ex:servicex "),
    "non-ASCII names": filled("é-"),
    "language tags": filled('"a"@en '),
    "strings": filled("'a' "),
    "numbers": "ASK { FILTER(" + "1 " * 49_000 + ") }",
}


def cpu_seconds(text: str) -> float:
    """Best of three CPU times of one check (CPU time: other work on the machine does not
    count)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        with contextlib.suppress(QueryRefused):
            check_query(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_a_100000_character_query_is_checked_in_under_50_ms(shape: str) -> None:
    text = ADVERSARIAL[shape]
    assert len(text) >= 98_000
    assert cpu_seconds(text) < 0.050


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_the_syntax_error_message_of_a_100000_character_query_takes_under_50_ms(
    shape: str,
) -> None:
    """The one-line message a query that does not parse gets (kg query, /sparql) reads the
    query too: as linear as the check."""
    text = ADVERSARIAL[shape]
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        syntax_message(SyntaxError("error at 1:1: expected one of\n..."), text)
        best = min(best, time.process_time() - t0)
    assert best < 0.050


def test_time_grows_linearly_with_the_query() -> None:
    """Ten times the text, at most about ten times the time (quadratic would be 100x)."""
    small = sum(cpu_seconds(filled(u)[: N // 10]) for u in ("a-", '"\\"', "'''\n\\", "a)"))
    large = sum(cpu_seconds(filled(u)) for u in ("a-", '"\\"', "'''\n\\", "a)"))
    assert large < 25 * max(small, 1e-4)


# --------------------------------------------------------------------------- SERVICE
class Listener:
    """A loopback port that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lis = Listener()
    yield lis
    lis.close()


def fetches(store: ox.Store, query: str, listener: Listener) -> bool:
    """Whether Oxigraph, evaluating ``query``, connects to the listener."""
    before = listener.hits
    try:
        res = store.query(query)
        if isinstance(res, ox.QuerySolutions):
            list(res)
    except Exception:
        pass
    # the listener counts a connection before closing it, and Oxigraph waits for an answer
    return listener.hits > before


def refused(query: str) -> bool:
    try:
        check_query(query)
    except QueryRefused:
        return True
    return False


def test_queries_the_previous_guard_let_through_to_service_are_refused(
    listener: Listener,
) -> None:
    """Each of these made Oxigraph send a request, and the previous guard passed it: a
    keyword before a prefixed name's colon, and strings whose escapes Oxigraph does not
    accept (so it reads the rest as code) hidden in a long string the guard read whole."""
    u = f"<http://127.0.0.1:{listener.port}/>"
    store = ox.Store()
    for q in (
        f"PREFIX : {u} SELECT * {{ SERVICE:x {{ ?s ?p ?o }} }}",
        f'SELECT * {{ VALUES ?x {{ """ " }} SERVICE {u} {{ ?a ?b ?c }} }} #\\q""" }} }}',
        f"SELECT * {{ VALUES ?x {{ ''' ' }} SERVICE {u} {{ ?a ?b ?c }} }} #\\q''' }} }}",
    ):
        assert fetches(store, q, listener), q  # Oxigraph alone would send the request
        assert refused(q), q


FRAGMENTS = [
    '"', "'", '"""', "'''", "\\", "\\'", '\\"', "\\\\", "\\q", "#", "\n", " ", "\\u0022",
    "\\u0027", "\\n", "x", "1", "true", ".", ":", "ex:", "ex:a", "?x", "@en", "<", ">",
    "<a>", "}", "{", ",", "\\#", "%", "%20", "-", "_:b", "a", ";", "(", ")", "SERVICE",
    "\\u0053ERVICE", "SILENT", "''", '""',
]  # fmt: skip
KEYWORDS = [
    "SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "SERVICE:x", "ex:SERVICE",
    "trueSERVICE", "1SERVICE", "SERVICE ",
]  # fmt: skip


def fuzzed(rnd: random.Random, u: str) -> list[str]:
    def frag() -> str:
        return "".join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(0, 3)))

    a, b, c, kw = frag(), frag(), frag(), rnd.choice(KEYWORDS)
    pro = f"PREFIX : {u} PREFIX ex: {u} SELECT *"
    return [
        f"{pro} {{ VALUES ?x {{ {a} }} {b} {kw} {u} {{ ?a ?b ?c }} {c} }}",
        f"{pro} {{ ?s ?p ?o {a}{kw}{b}{u}{{ ?a ?b ?c }} {c} }}",
        f"{pro} {{ VALUES ?x {{ {a} {b} }} {kw} {u} {{ ?a ?b ?c }} }} #{c}",
        f"{pro} {{ BIND({a}{b} AS ?y) {kw}{c} {u} {{ ?a ?b ?c }} }}",
        f"{pro} {{ {a} {kw}{b}{{ ?a ?b ?c }} {c} }}",
    ]


def test_no_query_that_makes_oxigraph_fetch_gets_past_the_guard(listener: Listener) -> None:
    u = f"<http://127.0.0.1:{listener.port}/>"
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o")))
    rnd = random.Random(19)
    fetched = 0
    missed = []
    for _ in range(10_000):
        for q in fuzzed(rnd, u):
            if fetches(store, q, listener):
                fetched += 1
                if not refused(q):
                    missed.append(q)
    assert fetched > 300  # the fuzzer does reach SERVICE in many disguises
    assert missed == []


def test_the_word_service_as_data_is_allowed() -> None:
    for q in (
        "PREFIX schema: <https://schema.org/> SELECT ?t { ?s schema:serviceType ?t }",
        'SELECT ?service { ?service <http://x/SERVICE> "SERVICE <http://a/> {}" } # SERVICE',
        "SELECT ?x { ?x <http://x/p> 'it''s a service' }",
        'SELECT ?x { ?x <http://x/p> """a "service" \\u0041""" }',
    ):
        assert check_query(q).form == "SELECT", q


# --------------------------------------------------------------------------- nesting
DEEP = {
    "parentheses": "ASK { FILTER(" + "(" * 5_000 + "true" + ")" * 5_000 + ") }",
    "groups": "ASK " + "{" * 3_000 + "}" * 3_000,
    "EXISTS": "ASK { " + "FILTER EXISTS { " * 900 + "}" * 900 + " }",
    "BIND chain": "SELECT * { " + "".join(f"BIND(1 AS ?v{i})" for i in range(3_000)) + "}",
    "negations": "ASK { FILTER(" + "!" * 10_000 + "true) }",
    "sums": "ASK { FILTER(" + "1+" * 8_000 + "1) }",
    "UNION chain": "ASK { " + "{}UNION" * 7_000 + "{} }",
}


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_nesting_past_the_limits_is_refused_before_parsing(shape: str) -> None:
    with pytest.raises(QueryRefused) as err:
        check_query(DEEP[shape])
    assert err.value.status == 400
    assert f"{MAX_DEPTH}" in err.value.message or f"{MAX_OPERATORS:,}" in err.value.message
    with pytest.raises(QueryRefused):  # the local store's check too
        check_safe(DEEP[shape])
