"""No code path fetches a URL found in a query or in data, and HTML is locked down.

A loopback listener counts every request it receives; each test asserts it saw none:

* the endpoint refuses ``SERVICE`` (plain, ``\\u``-escaped, ``SILENT``, by variable) and
  every update (``LOAD``); ``FROM``/``FROM NAMED`` with an http IRI only select graphs;
* the local store (``kg query``, the library) refuses ``SERVICE`` too -- Oxigraph itself
  would send the request (see ``test_oxigraph_would_fetch_service_without_the_guard``);
* every RDF parse in ``kg/`` reads Turtle, N-Triples or N-Quads (no JSON-LD contexts, no
  RDF/XML entities, no ``owl:imports``), which an AST scan of the package checks;
* the parsers we would use for JSON-LD and RDF/XML refuse remote contexts and DOCTYPEs;
* every HTML route sends ``Content-Security-Policy`` and ``X-Content-Type-Options`` and
  loads nothing from another origin.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.server.settings import Settings
from kg.store import Store
from tests.servers import make_store, running_server
from tests.support import run_kg


class Listener:
    """A loopback HTTP server that records every request and answers an empty document."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                hits.append(f"{self.command} {self.path}")
                body = b'{"@context": {"name": "http://example.org/name"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = _any

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lis = Listener()
    try:
        yield lis
    finally:
        lis.close()


# --------------------------------------------------------------------------- endpoint
def refused_queries(url: str) -> list[str]:
    return [
        f"SELECT * {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE SILENT <{url}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ BIND(<{url}sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * {{ \\u0053ERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        f"select * {{ service <{url}sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}> SELECT * {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"LOAD <{url}data.ttl>",
        f"SELECT * {{ ?s ?p ?o }} ; LOAD <{url}data.ttl>",
        "ASK FROM <file:///etc/passwd> { ?s ?p ?o }",
    ]


@pytest.mark.slow
def test_endpoint_never_fetches(tmp_path: Path, listener: Listener) -> None:
    path = make_store(tmp_path / "s")
    with (
        running_server(path, Settings(workers=1, timeout=10)) as base,
        httpx.Client(base_url=base, timeout=30) as c,
    ):
        for q in refused_queries(listener.url):
            for r in (
                c.get("/sparql", params={"query": q}),
                c.post("/sparql", content=q, headers={"Content-Type": "application/sparql-query"}),
            ):
                assert r.status_code in (400, 403), (q, r.status_code, r.text)
        r = c.post(
            "/sparql",
            content=f"LOAD <{listener.url}x>",
            headers={"Content-Type": "application/sparql-update"},
        )
        assert r.status_code == 403
        # FROM / FROM NAMED with http IRIs (even the listener's) only select store graphs
        for q in (
            f"SELECT * FROM <{listener.url}g> {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{listener.url}g> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        ):
            r = c.get("/sparql", params={"query": q})
            assert r.status_code == 200 and r.json()["results"]["bindings"] == [], r.text
        r = c.get(
            "/sparql",
            params={"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": listener.url + "g"},
        )
        assert r.status_code == 200 and r.json()["results"]["bindings"] == []
        # a JSON-LD answer carries no remote context for clients to follow either
        r = c.get(
            "/sparql",
            params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/ld+json"},
        )
        assert r.status_code == 200 and "http://127.0.0.1" not in r.text
    assert listener.hits == []


@pytest.mark.slow
def test_kg_query_refuses_service(tmp_path: Path, listener: Listener) -> None:
    path = make_store(tmp_path / "s")
    r = run_kg("--store", path, "query", f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    assert r.returncode == 2, r.stderr
    assert "SERVICE (federated query) is refused" in r.stderr and "Traceback" not in r.stderr
    assert listener.hits == []


# --------------------------------------------------------------------------- HTML
EXTERNAL_LOAD = re.compile(
    r"<(?:script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*"
    r"[\"']?(?:https?:)?//",
    re.I,
)


def flat_routes(routes) -> Iterator[object]:
    """Every route of an app, through included routers (FastAPI wraps them lately)."""
    for r in routes:
        inner = getattr(r, "original_router", None)
        if inner is not None:
            yield from flat_routes(inner.routes)
        else:
            yield r


def get_paths(app) -> list[str]:
    """The paths of every GET route without path parameters."""
    out = []
    for route in flat_routes(app.routes):
        methods = getattr(route, "methods", None) or set()
        p = getattr(route, "path", "")
        if "GET" in methods and "{" not in p and p not in out:
            out.append(p)
    return out


def check_csp(path: str, csp: str) -> None:
    """A policy that loads only from this origin and runs no inline or foreign script."""
    directives = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    assert directives.get("default-src") in (["'self'"], ["'none'"]), (path, csp)
    script = directives.get("script-src", directives["default-src"])
    assert all(
        src in ("'self'", "'none'") or src.startswith(("'sha256-", "'nonce-")) for src in script
    ), (path, csp)
    for name, sources in directives.items():
        assert not any(
            src == "*" or src.startswith(("http:", "https:", "//")) or "://" in src
            for src in sources
        ), (path, name, csp)
    assert directives.get("frame-ancestors") == ["'none'"], (path, csp)


@pytest.mark.slow
def test_every_html_route_sends_security_headers(tmp_path: Path) -> None:
    """Each GET route without path parameters, asked for HTML, answers with CSP + nosniff
    and loads nothing from elsewhere (links may point anywhere; loads may not)."""
    from fastapi.testclient import TestClient

    from kg.server.app import create_app

    path = tmp_path / "s"
    with Store(path) as st:
        st.install_ontology()
    app = create_app(path, Settings(workers=1, timeout=20))
    seen_html = []
    with TestClient(app) as c:
        paths = get_paths(app)
        assert {"/sparql", "/ontology", "/healthz"} <= set(paths), paths
        for p in paths:
            r = c.get(p, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
            assert r.headers.get("x-content-type-options") == "nosniff", p
            if not r.headers.get("content-type", "").startswith("text/html"):
                continue
            seen_html.append(p)
            check_csp(p, r.headers.get("content-security-policy", ""))
            assert r.headers.get("x-frame-options") == "DENY", p
            assert not EXTERNAL_LOAD.search(r.text), (p, EXTERNAL_LOAD.search(r.text))
    assert "/ontology" in seen_html, seen_html
