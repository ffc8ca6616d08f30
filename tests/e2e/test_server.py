"""The SPARQL endpoint over a real server: protocol, negotiation, limits, security, clients."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.server.settings import Settings
from tests.servers import DOC, EX, free_socket, make_store, running_server

TIMEOUT_S = 3.0


CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 1,500 filler triples: a triple cross product is 3.4e9 rows, far beyond any timeout
    return make_store(tmp_path_factory.mktemp("srv") / "store", filler=1500)


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    settings = Settings(timeout=TIMEOUT_S, workers=2, cors_origins=("https://allowed.example",))
    with running_server(store_path, settings) as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


def sel(client: httpx.Client, q: str, accept: str = "application/sparql-results+json"):
    return client.get("/sparql", params={"query": q}, headers={"Accept": accept})


# --------------------------------------------------------------------------- protocol
def test_get_form_post_direct_post_agree(client: httpx.Client) -> None:
    q = "SELECT ?e WHERE { ?e a <http://example.org/Attack> } ORDER BY ?e"
    a = client.get("/sparql", params={"query": q})
    b = client.post("/sparql", data={"query": q})
    c = client.post("/sparql", content=q, headers={"Content-Type": "application/sparql-query"})
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.content == b.content == c.content
    rows = a.json()["results"]["bindings"]
    assert [r["e"]["value"] for r in rows] == [f"{EX}e1", f"{EX}e2"]  # union default graph


def test_negotiation_select(client: httpx.Client) -> None:
    q = "SELECT ?l WHERE { <http://example.org/e1> rdfs:label ?l }"
    for accept, ctype, needle in [
        ("application/sparql-results+json", "application/sparql-results+json", b'"Attack'),
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
        ("text/csv", "text/csv", b"l\r\nAttack on Kabul"),
        ("text/tab-separated-values", "text/tab-separated-values", b'?l\n"Attack on Kabul"'),
        (
            "text/csv;q=0.2, application/sparql-results+xml;q=0.9",
            "application/sparql-results+xml",
            b"<sparql",
        ),
    ]:
        r = sel(client, q, accept)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(ctype)
        assert needle in r.content
        assert r.headers["x-content-type-options"] == "nosniff"


def test_negotiation_graph_and_406(client: httpx.Client) -> None:
    q = f"CONSTRUCT {{ ?e ?p ?o }} WHERE {{ GRAPH <{DOC}d1> {{ ?e ?p ?o }} }}"
    fmts = {
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/ld+json": ox.RdfFormat.JSON_LD,
        "application/rdf+xml": ox.RdfFormat.RDF_XML,
    }
    for accept, fmt in fmts.items():
        r = sel(client, q, accept)
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        assert len(list(ox.parse(r.content, fmt))) == 3
    assert sel(client, "DESCRIBE <http://example.org/e2>", "text/turtle").status_code == 200
    r = sel(client, q, "application/sparql-results+json")
    assert r.status_code == 406 and "text/turtle" in r.text
    r = sel(client, "ASK {}", "text/csv")
    assert r.status_code == 406
    r = sel(client, "SELECT * {}", "image/png")
    assert r.status_code == 406 and "text/csv" in r.text


def test_extra_parameters_ignored(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}", "format": "json", "output": "xml"})
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_dataset_parameters_and_from(client: httpx.Client) -> None:
    q = "SELECT ?e WHERE { ?e a <http://example.org/Attack> }"
    r = client.get("/sparql", params={"query": q, "default-graph-uri": f"{DOC}d2"})
    assert [b["e"]["value"] for b in r.json()["results"]["bindings"]] == [f"{EX}e2"]
    r = sel(client, f"SELECT ?e FROM <{DOC}d1> WHERE {{ ?e a <http://example.org/Attack> }}")
    assert [b["e"]["value"] for b in r.json()["results"]["bindings"]] == [f"{EX}e1"]
    r = client.get(
        "/sparql",
        params={"query": "SELECT ?g { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": f"{DOC}d1"},
    )
    assert {b["g"]["value"] for b in r.json()["results"]["bindings"]} == {f"{DOC}d1"}
    r = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400


def test_service_description(client: httpx.Client) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(r.content, ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(t.object == ox.NamedNode(sd + "UnionDefaultGraph") for t in triples)
    r = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.json()


def test_bad_requests(client: httpx.Client) -> None:
    assert client.put("/sparql", params={"query": "ASK {}"}).status_code == 405
    assert sel(client, "ASK {").status_code == 400
    r = client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post(
        "/sparql",
        content="ASK {}".encode("utf-16"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    assert r.status_code == 415
    r = client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
    assert r.status_code == 400


# --------------------------------------------------------------------------- read-only
@pytest.mark.parametrize(
    "req",
    [
        {"method": "POST", "content": "CLEAR ALL", "ctype": "application/sparql-update"},
        {
            "method": "POST",
            "content": "update=CLEAR+ALL",
            "ctype": "application/x-www-form-urlencoded",
        },
        {"method": "GET", "url": "/sparql?update=CLEAR%20ALL"},
        {"method": "GET", "url": "/sparql?query=LOAD%20%3Cfile%3A%2F%2F%2Fetc%2Fpasswd%3E"},
        {"method": "GET", "url": "/sparql?query=INSERT%20DATA%20%7B%3Ca%3E%20%3Cb%3E%20%3Cc%3E%7D"},
    ],
)
def test_updates_refused_with_403(client: httpx.Client, req: dict[str, str]) -> None:
    headers = {"Content-Type": req["ctype"]} if "ctype" in req else {}
    r = client.request(
        req["method"], req.get("url", "/sparql"), content=req.get("content"), headers=headers
    )
    assert r.status_code == 403
    assert "read-only" in r.text and "kg ingest" in r.text
    assert sel(client, "ASK { ?s ?p ?o }").json()["boolean"] is True  # nothing was cleared


# --------------------------------------------------------------------------- security
@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A loopback listener that records every connection it receives."""
    sock = free_socket()
    sock.listen(8)
    sock.settimeout(0.1)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    seen.append(conn.recv(4096) or b"<connected>")
                except OSError:
                    seen.append(b"<connected>")

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield sock.getsockname()[1], seen
    stop.set()
    t.join(5)
    sock.close()


def test_service_refused_before_evaluation(
    client: httpx.Client, listener: tuple[int, list[bytes]], store_path: Path
) -> None:
    port, seen = listener
    target = f"http://127.0.0.1:{port}/"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{target}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX x: <http://127.0.0.1:{port}/> SELECT * {{ ?a ?b 1 SERVICE x: {{ ?s ?p ?o }} }}",
    ]
    for q in queries:
        for r in (sel(client, q), client.post("/sparql", data={"query": q})):
            assert r.status_code == 403, (q, r.text)
            assert "SERVICE" in r.text
            assert str(store_path) not in r.text and "Traceback" not in r.text
    time.sleep(0.5)
    assert seen == []
    # the word inside strings, IRIs, comments, variables and prefixed names is fine
    ok = (
        'SELECT ?service WHERE { ?service <http://x/SERVICE> "SERVICE <http://a/> {}" } '
        "# SERVICE <http://a/> {}"
    )
    assert sel(client, ok).status_code == 200


def test_from_file_and_errors_reveal_nothing(client: httpx.Client, store_path: Path) -> None:
    for q in [
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }",
    ]:
        r = sel(client, q)
        assert r.status_code == 403 and "FROM" in r.text, r.text
        assert "root:" not in r.text
    for r in (sel(client, "SELECT * WHERE { ?s ?p }"), client.get("/nope"), sel(client, "ASK {")):
        assert str(store_path) not in r.text and "Traceback" not in r.text
        assert "site-packages" not in r.text and "/kg/" not in r.text


@pytest.mark.slow
def test_timeout_stops_the_work_and_others_still_answer(server: str, client: httpx.Client) -> None:
    from kg.server.app import ServerContext  # noqa: F401  (the app's context type)

    cross = CROSS
    result: dict[str, object] = {}

    def slow() -> None:
        t0 = time.monotonic()
        with httpx.Client(timeout=30) as c:
            r = c.get(server + "/sparql", params={"query": cross})
        result.update(status=r.status_code, text=r.text, seconds=time.monotonic() - t0)

    with ThreadPoolExecutor(1) as ex:
        fut = ex.submit(slow)
        time.sleep(0.5)
        t0 = time.monotonic()
        r = client.get("/sparql", params={"query": "ASK {}"})
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert time.monotonic() - t0 < 1.0
        fut.result(timeout=30)
    assert result["status"] == 503
    assert f"{TIMEOUT_S:g} s" in str(result["text"]) and "--timeout" in str(result["text"])
    assert TIMEOUT_S <= float(result["seconds"]) < TIMEOUT_S + 2  # type: ignore[arg-type]
    # the worker was killed (nothing keeps burning CPU) and replaced
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        r = client.get("/sparql", params={"query": "ASK {}"})
        if r.status_code == 200:
            break
    assert r.status_code == 200


# --------------------------------------------------------------------------- limits
def test_limits_are_named_in_errors(store_path: Path) -> None:
    settings = Settings(workers=1, max_result_bytes=2000, max_body_bytes=1000, max_query_chars=300)
    with running_server(store_path, settings) as base, httpx.Client(base_url=base) as c:
        r = c.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
        assert r.status_code == 422 and "--max-results" in r.text
        r = c.post(
            "/sparql", content="#" * 2000, headers={"Content-Type": "application/sparql-query"}
        )
        assert r.status_code == 413 and "--max-body" in r.text
        r = c.get("/sparql", params={"query": "ASK {}" + " " * 400})
        assert r.status_code == 413 and "--max-query-chars" in r.text
        r = c.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"})
        assert r.status_code == 200


# --------------------------------------------------------------------------- CORS, headers
def test_cors_allow_list(client: httpx.Client, store_path: Path) -> None:
    r = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://allowed.example"}
    )
    assert r.headers["access-control-allow-origin"] == "https://allowed.example"
    r = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in r.headers
    with running_server(store_path, Settings(workers=1)) as base:
        r = httpx.get(
            base + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://a.example"}
        )
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


# --------------------------------------------------------------------------- graph store
def test_graphs_and_dump(client: httpx.Client) -> None:
    r = client.get(
        "/graphs", params={"graph": f"{DOC}d2"}, headers={"Accept": "application/n-triples"}
    )
    assert r.status_code == 200
    assert len(list(ox.parse(r.content, ox.RdfFormat.N_TRIPLES))) == 3
    r = client.get("/graphs", params={"doc": "d1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert client.get("/graphs", params={"graph": f"{DOC}missing"}).status_code == 404
    assert client.get("/graphs").status_code == 400
    with client.stream("GET", "/dump.nq") as r:
        assert r.headers["content-type"].startswith("application/n-quads")
        data = b"".join(r.iter_bytes())
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    assert len(quads) == 6 + 1500
    assert {q.graph_name.value for q in quads} == {f"{DOC}d1", f"{DOC}d2", f"{DOC}d3"}


def test_ontology_negotiated(client: httpx.Client) -> None:
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(list(ox.parse(r.content, ox.RdfFormat.TURTLE))) > 50
    r = client.get("/ontology/", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    r = client.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    # the docs page runs no script and loads nothing; only its inline stylesheet is allowed
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_extra_routers_and_html_headers(store_path: Path) -> None:
    from fastapi import APIRouter
    from fastapi.responses import HTMLResponse

    def pages(ctx: object) -> APIRouter:
        r = APIRouter()
        r.add_api_route("/hello", lambda: HTMLResponse("<p>hi</p>"), methods=["GET"])
        return r

    with running_server(store_path, Settings(workers=1), routers=[pages]) as base:
        r = httpx.get(base + "/hello")
        assert r.status_code == 200
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert httpx.get(base + "/docs").status_code == 404  # no CDN-loading API docs


# --------------------------------------------------------------------------- real clients
def test_sparqlwrapper(server: str) -> None:
    from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

    w = SPARQLWrapper(server + "/sparql")
    w.setQuery("SELECT ?e WHERE { ?e a <http://example.org/Attack> } ORDER BY ?e")
    w.setReturnFormat(JSON)
    rows = w.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert [r["e"]["value"] for r in rows] == [f"{EX}e1", f"{EX}e2"]
    w.setReturnFormat(XML)
    doc = w.query().convert()
    assert len(doc.getElementsByTagName("result")) == 2  # type: ignore[union-attr]
    w.setReturnFormat(CSV)
    assert w.query().convert().splitlines()[1:] == [f"{EX}e1".encode(), f"{EX}e2".encode()]  # type: ignore[union-attr]
    w.setMethod("POST")
    w.setQuery("CONSTRUCT { ?e ?p ?o } WHERE { ?e ?p ?o FILTER(?e = <http://example.org/e2>) }")
    w.setReturnFormat(TURTLE)
    ttl = w.query().convert()
    assert len(list(ox.parse(ttl, ox.RdfFormat.TURTLE))) == 3  # type: ignore[arg-type]


def test_rdflib_sparqlstore(server: str) -> None:
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(server + "/sparql"))
    rows = list(g.query("SELECT ?l WHERE { <http://example.org/e2> ?p ?l FILTER(isLiteral(?l)) }"))
    assert [str(r[0]) for r in rows] == ["Bombing in Mosul"]
    assert (URIRef(f"{EX}e2"), None, None) in g
    assert g.query("ASK { ?s ?p ?o }").askAnswer is True


def test_curl(server: str) -> None:
    curl = shutil.which("curl")
    if curl is None:
        pytest.fail("curl is not installed")
    out = subprocess.run(
        [
            curl,
            "-sS",
            "--max-time",
            "20",
            "-H",
            "Accept: application/sparql-results+json",
            "--data-urlencode",
            "query=SELECT (COUNT(*) AS ?n) WHERE { ?e a <http://example.org/Attack> }",
            server + "/sparql",
        ],
        capture_output=True,
        check=True,
        timeout=30,
    )
    assert json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"] == "2"
    out = subprocess.run(
        [
            curl,
            "-sS",
            "--max-time",
            "20",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-H",
            "Content-Type: application/sparql-update",
            "--data",
            "CLEAR ALL",
            server + "/sparql",
        ],
        capture_output=True,
        check=True,
        timeout=30,
    )
    assert out.stdout == b"403"


# --------------------------------------------------------------------------- load (small)
@pytest.mark.slow
def test_small_load_zero_errors(server: str) -> None:
    import asyncio

    queries = [
        "SELECT ?e WHERE { ?e a <http://example.org/Attack> }",
        "ASK { ?s ?p ?o }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), '12')) } LIMIT 10",
    ]

    # at least 5 s and at least 100 answers (a busy machine answers fewer per second)
    def going(stop: float, count: list[int]) -> bool:
        now = time.monotonic()
        return now < stop + 115 and (now < stop or count[0] < 100)

    async def client_loop(i: int, stop: float, errors: list[str], count: list[int]) -> None:
        async with httpx.AsyncClient(base_url=server, timeout=30) as c:
            k = i
            while going(stop, count):
                q = queries[k % len(queries)]
                k += 1
                r = await c.get("/sparql", params={"query": q})
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:100]}")
                count[0] += 1

    async def main() -> tuple[list[str], int]:
        errors: list[str] = []
        count = [0]
        stop = time.monotonic() + 5
        await asyncio.gather(*(client_loop(i, stop, errors, count) for i in range(20)))
        return errors, count[0]

    errors, n = asyncio.run(main())
    assert errors == [] and n >= 100


def test_port_is_loopback(server: str) -> None:
    host = server.split("//")[1].split(":")[0]
    assert host == "127.0.0.1"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", int(server.rsplit(":", 1)[1])), timeout=0.5).close()
