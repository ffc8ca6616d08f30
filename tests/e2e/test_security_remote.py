"""No request leaves through the running endpoint or ``kg query``, and HTML is locked down.

A loopback listener counts every request it receives; each test asserts it saw none: the
endpoint refuses ``SERVICE`` (plain, ``\\u``-escaped, ``SILENT``, by variable) and every
update (``LOAD``); ``FROM``/``FROM NAMED`` with an http IRI only select graphs; ``kg query``
refuses ``SERVICE``; every HTML route sends ``Content-Security-Policy`` and
``X-Content-Type-Options`` and loads nothing from another origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.server.settings import Settings
from kg.store import Store
from tests.security import Listener, refused_queries
from tests.servers import make_store, running_server
from tests.support import run_kg


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
