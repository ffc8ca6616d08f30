"""No code path of the library fetches a URL found in a query or in data (the endpoint and
``kg query``: tests/e2e/test_security_remote.py).

A loopback listener counts every request it receives; each test asserts it saw none: the
local store refuses ``SERVICE`` (Oxigraph itself would send the request); every RDF parse
in ``kg/`` reads Turtle, N-Triples or N-Quads (an AST scan of the package checks it); the
parsers we would use for JSON-LD and RDF/XML refuse remote contexts and DOCTYPEs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Store, StoreError
from tests.security import Listener, refused_queries
from tests.servers import make_store
from tests.support import ROOT


def test_oxigraph_would_fetch_service_without_the_guard(listener: Listener) -> None:
    """Why the guards exist: a bare pyoxigraph store sends SERVICE requests (and LOAD)."""
    mem = ox.Store()
    with pytest.raises(Exception):  # noqa: B017 - the listener's answer is not SPARQL results
        list(mem.query(f"SELECT * {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}"))
    assert listener.hits, "pyoxigraph no longer follows SERVICE: the guards may be relaxed"


# --------------------------------------------------------------------------- local store
def test_local_store_refuses_service(tmp_path: Path, listener: Listener) -> None:
    with Store(tmp_path / "s") as st:
        for q in refused_queries(listener.url)[:6]:
            with pytest.raises(StoreError, match="SERVICE"):
                st.query(q)
        with pytest.raises(StoreError, match="SERVICE"):
            st.select(f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
        # the word inside strings, IRIs and variables is data, not a keyword
        assert st.select('SELECT ?service { BIND("SERVICE <http://x/>" AS ?service) }')
        assert st.select(f"SELECT * FROM <{listener.url}g> {{ ?s ?p ?o }}") == []
    assert listener.hits == []


def test_rdflib_view_refuses_service_and_never_falls_back_to_rdflib(
    tmp_path: Path, listener: Listener
) -> None:
    """``Store.rdflib()`` is a documented read path: Oxigraph (and rdflib's own engine, which
    rdflib falls back to when the store declines a query) would follow SERVICE from it."""
    from rdflib import Graph
    from rdflib.plugins.sparql import prepareQuery

    import kg

    path = make_store(tmp_path / "s")
    service = f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    st = kg.open(path, read_only=True)
    try:
        ds = st.rdflib()
        for call in (
            lambda: ds.query(service),
            lambda: ds.query(service, use_store_provided=False),  # would pick rdflib's engine
            lambda: ds.query(prepareQuery(service)),  # oxrdflib declines: rdflib's engine
            lambda: Graph(store=ds.store).query(service),  # a plain Graph over the store
            lambda: ds.update(f"LOAD <{listener.url}data.ttl>"),
        ):
            with pytest.raises(StoreError):
                call()
        assert len(list(ds.query("SELECT ?s { ?s ?p ?o }"))) == 6  # ordinary queries work
    finally:
        st.close()
    with Store(tmp_path / "w") as writable:
        with pytest.raises(StoreError, match="LOAD is refused"):
            writable.rdflib().update(f"LOAD <{listener.url}data.ttl>")
        with pytest.raises(StoreError, match="SERVICE"):
            writable.rdflib().update(
                f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
            )
    assert listener.hits == []


# --------------------------------------------------------------------------- parsers
RDF_PARSE_FORMATS = {"turtle", "ttl", "nt", "ntriples", "nquads", "TURTLE", "N_TRIPLES", "N_QUADS"}


def _parse_calls() -> list[tuple[str, int, str]]:
    """Every ``*.parse(...)`` call in ``kg/`` that reads RDF, with its format."""
    found = []
    for f in sorted((ROOT / "kg").rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in ("parse", "load", "bulk_load"):
                continue
            owner = ast.unparse(node.func.value)
            if owner in ("json", "ast", "urllib.parse", "yaml") or owner.endswith("Parser"):
                continue
            fmt_nodes = [kw.value for kw in node.keywords if kw.arg == "format"] + node.args[1:2]
            fmts = [ast.unparse(n) for n in fmt_nodes]
            if node.func.attr in ("load",) and not fmts:
                continue  # json.load-like calls on other objects
            found.append((str(f.relative_to(ROOT)), node.lineno, " ".join(fmts) or "(none)"))
    return found


def test_every_rdf_parse_in_the_package_reads_a_format_without_remote_references() -> None:
    calls = _parse_calls()
    assert calls, "the scan found no parse calls: it is broken"
    bad = []
    for where, line, fmt in calls:
        names = set(re.findall(r"[A-Za-z_]+", fmt.replace("ox.RdfFormat.", "")))
        if not names or not names <= RDF_PARSE_FORMATS | {"format", "fmt", "rdf_format"}:
            bad.append(f"{where}:{line} parses {fmt}")
        if names & {"format", "fmt", "rdf_format"}:
            bad.append(f"{where}:{line} parses a format chosen at run time ({fmt})")
    assert not bad, (
        "a parse of JSON-LD, RDF/XML or a run-time format was added: JSON-LD can name remote "
        "@context URLs and RDF/XML DOCTYPE entities; refuse both before parsing: " + "; ".join(bad)
    )


def test_no_owl_imports_or_shacl_imports_are_followed() -> None:
    for f in sorted((ROOT / "kg").rglob("*.py")):
        text = f.read_text(encoding="utf-8")
        assert "do_owl_imports=True" not in text, f
        assert "owl:imports" not in text or "never" in text, f


def test_jsonld_remote_context_is_not_fetched(listener: Listener) -> None:
    doc = (
        '{"@context": "' + listener.url + 'ctx.jsonld", "@id": "http://example.org/a", "name": "n"}'
    ).encode()
    with pytest.raises(SyntaxError):
        list(ox.parse(doc, ox.RdfFormat.JSON_LD))
    assert listener.hits == []


RDF_XML_HEAD = '<?xml version="1.0"?>'


RDF_XML_BODY = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:x="http://example.org/"><rdf:Description rdf:about="http://example.org/s">'
    "<x:p>{}</x:p></rdf:Description></rdf:RDF>"
)


def test_rdfxml_external_entity_is_not_fetched(listener: Listener) -> None:
    doctype = f'<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "{listener.url}ent">]>'
    data = (RDF_XML_HEAD + doctype + RDF_XML_BODY.format("&e;")).encode()
    with pytest.raises(SyntaxError):
        list(ox.parse(data, ox.RdfFormat.RDF_XML))
    assert listener.hits == []


def test_rdfxml_is_never_parsed_because_internal_entities_expand() -> None:
    """pyoxigraph's RDF/XML parser expands internal DOCTYPE entities (a "billion laughs"
    document grows exponentially), so conflict-kg must not parse RDF/XML it is sent: the
    AST scan above allows no RDF/XML parse in ``kg/``. This pins the library behaviour
    that makes the rule necessary."""
    levels = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abc", "bcd", strict=True)
    ]
    data = (
        RDF_XML_HEAD + f"<!DOCTYPE rdf:RDF [{''.join(levels)}]>" + RDF_XML_BODY.format("&d;")
    ).encode()
    assert len(data) < 600
    try:
        quads = list(ox.parse(data, ox.RdfFormat.RDF_XML))
    except SyntaxError:
        return  # refused: even better
    assert len(quads[0].object.value) == 10_000  # 20x amplification from 4 levels
    assert not any("RDF_XML" in fmt or "xml" in fmt for _w, _l, fmt in _parse_calls())
