"""Injection through a running server: names that look like RDF or SPARQL syntax stay data
at the endpoint, and the pages' search binds the string as a value (the library:
tests/unit/test_security_injection.py)."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from rdflib import RDFS, Literal, URIRef

from kg.rdf.mapping import document_triples
from kg.server.settings import Settings
from kg.store import Store
from tests.security import PAYLOAD, SPARQL_PAYLOAD, XSS, canonical, injected_extraction
from tests.servers import running_server


@pytest.mark.slow
def test_injected_names_through_the_endpoint(tmp_path) -> None:
    """The endpoint's graph route and a remote store's lookups treat the payload as data."""
    from kg.remote import RemoteStore

    path = tmp_path / "s"
    x = injected_extraction()
    with Store(path) as st:
        st.replace_document(PAYLOAD, document_triples(x))
        st.replace_document("other", [(URIRef("http://example.org/o"), RDFS.label, Literal("o"))])
    with running_server(path, Settings(workers=1, timeout=20)) as base:
        with httpx.Client(base_url=base, timeout=30) as c:
            r = c.get(
                "/graphs", params={"doc": PAYLOAD}, headers={"Accept": "application/n-triples"}
            )
            assert r.status_code == 200
            assert {line for line in r.text.splitlines() if line.strip()} == {
                line for line in _ntriples(document_triples(x)).splitlines() if line.strip()
            }
            # an id crafted to close the IRI and add a pattern only names a missing graph
            r = c.get("/graphs", params={"doc": SPARQL_PAYLOAD})
            assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")
            r = c.get("/graphs", params={"graph": XSS})
            assert r.status_code == 400
            assert r.headers["content-type"].startswith("text/plain")
            assert r.headers["x-content-type-options"] == "nosniff"
        remote = RemoteStore(base + "/sparql", timeout=30)
        try:
            assert remote.has_document(PAYLOAD)
            assert not remote.has_document(SPARQL_PAYLOAD)
            assert not remote.has_document("x> ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } #")
            assert sorted(remote.document_ids()) == sorted([PAYLOAD, "other"])
        finally:
            remote.close()


def _ntriples(triples) -> str:
    from kg.store import to_ox

    return (
        ox.serialize(
            [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in canonical(triples)],
            None,
            ox.RdfFormat.N_TRIPLES,
        )
        or b""
    ).decode()


def test_web_search_binds_the_search_string(tmp_path) -> None:
    """The analysts' pages (kg.views.web), when present: the payloads stay text everywhere."""
    pytest.importorskip(
        "kg.views.web", reason="kg/views/web.py (the analysts' pages) is not built yet"
    )
    from fastapi.testclient import TestClient

    from kg.server.app import create_app

    path = tmp_path / "s"
    with Store(path) as st:
        st.install_ontology()
        st.replace_document("d1", document_triples(injected_extraction(XSS, "d1")))
    app = create_app(path, Settings(workers=1, timeout=20))
    with TestClient(app) as c:
        for route in app.routes:
            methods = getattr(route, "methods", set()) or set()
            p = getattr(route, "path", "")
            if "GET" not in methods or "{" in p or p in ("/dump.nq",):
                continue
            for q in (SPARQL_PAYLOAD, XSS):
                r = c.get(p, params={"q": q, "search": q, "name": q})
                assert r.status_code < 500, (p, r.status_code, r.text[:300])
                if r.headers.get("content-type", "").startswith("text/html"):
                    assert XSS not in r.text, p
