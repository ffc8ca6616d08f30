"""Graph views and pages without a browser: builders, escaping, offline HTML, layout, app."""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.vocab import CKG, ID_BASE

PAYLOAD = "<img src=x onerror=alert(1)>"
OA = "http://www.w3.org/ns/oa#"


def xss_triples() -> list[tuple[Any, Any, Any]]:
    """A hand-made document graph whose actor, event and document carry the payload."""
    doc = URIRef(ID_BASE + "doc/xss-doc")
    evil = URIRef(ID_BASE + "evil-group")
    police = URIRef(ID_BASE + "police")
    ev = URIRef(ID_BASE + "event/xss-doc/e1")
    sel = URIRef(str(ev) + "/evidence/0")
    quote = f"{PAYLOAD} attacked the police in Town."
    return [
        (doc, RDF.type, CKG.Document),
        (doc, DCTERMS.identifier, Literal("xss-doc")),
        (doc, DCTERMS.title, Literal(f"Report {PAYLOAD}")),
        (doc, DCTERMS.publisher, Literal(f"Wire {PAYLOAD}")),
        (doc, DCTERMS.issued, Literal("2024-01-02", datatype=XSD.date)),
        (evil, RDF.type, CKG.ArmedGroup),
        (evil, RDFS.label, Literal(PAYLOAD)),
        (police, RDF.type, CKG.Government),
        (police, RDFS.label, Literal("Police")),
        (doc, CKG.mentions, evil),
        (doc, CKG.mentions, police),
        (ev, RDF.type, CKG.Attack),
        (ev, RDFS.label, Literal(f"Attack by {PAYLOAD}")),
        (ev, PROV.wasDerivedFrom, doc),
        (ev, CKG.perpetrator, evil),
        (ev, CKG.target, police),
        (ev, CKG.date, Literal("2024-01-01", datatype=XSD.date)),
        (ev, CKG.evidence, Literal(quote)),
        (ev, CKG.evidenceSelector, sel),
        (sel, URIRef(OA + "start"), Literal(0)),
        (sel, URIRef(OA + "end"), Literal(len(quote))),
        (sel, URIRef(OA + "exact"), Literal(quote)),
        (sel, CKG.inDocument, doc),
    ]


def make_xss_store(path: Path) -> Path:
    from kg.store import Store

    with Store(path) as st:
        st.replace_document("xss-doc", xss_triples())
        st.install_ontology()
    return path


@pytest.fixture(scope="module")
def toy_snap() -> Any:
    from kg.analysis import load
    from kg.analysis.testing import toy_store

    return load(toy_store())


@pytest.fixture(scope="module")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_xss_store(tmp_path_factory.mktemp("xss") / "store")


def test_views_on_the_toy_graph(toy_snap: Any) -> None:
    from kg.views import graphs

    whole = graphs.whole_graph_view(toy_snap)
    assert whole.n_nodes == 4 and whole.physics
    assert all(e["arrows"] == "to" and e["label"] for e in whole.net.edges)
    # every evented edge cites events whose quotes, document and date are in the table
    ev = whole.events[whole.net.edges[1]["ev"][0]]
    assert ev["q"] and ev["doc"] and ev["issued"] and ev["date"]
    ego = graphs.ego_view(toy_snap, "Group B", radius=1)
    assert ego.focus and ego.net.nodes[ego.focus[0]]["label"] == "Group B"
    path = graphs.path_view(toy_snap, "Ministry", "Police")
    assert path.net.nodes[0]["label"] == "Ministry"
    comm = graphs.community_view(toy_snap, 0)
    assert comm.n_nodes == 4
    event = graphs.event_view(toy_snap, "bombing town")
    labels = {e["label"] for e in event.net.edges}
    assert {"claims", "attributes", "perpetrator"} <= labels
    bip = graphs.whole_graph_view(toy_snap, graph="actor-event", event_types="Bombing")
    assert {n["kind"] for n in bip.net.nodes} == {"actor", "event"}
    assert "Bombing" in bip.event_types
    with pytest.raises(Exception, match="radius"):
        graphs.ego_view(toy_snap, "Group B", radius=4)


def test_sizes_follow_the_chosen_centrality(toy_snap: Any) -> None:
    from kg.views import graphs

    v = graphs.whole_graph_view(toy_snap, metric="degree")
    by_label = {n["label"]: n for n in v.net.nodes}
    assert by_label["Group B"]["m"] == 3 and by_label["Group B"]["size"] == 40.0
    assert by_label["Ministry"]["size"] < by_label["Group B"]["size"]


def test_standalone_html_is_offline_and_escaped(xss_store: Path, tmp_path: Path) -> None:
    from kg.analysis import load
    from kg.store import Store
    from kg.views import graphs
    from kg.views.render import write_html

    with Store(xss_store, read_only=True) as st:
        snap = load(st)
    view = graphs.ego_view(snap, PAYLOAD)
    html = write_html(view, tmp_path / "v.html").read_text()
    assert PAYLOAD not in html  # the JSON escapes < and >; headings are entity-escaped
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"""url\(\s*["']?(https?:)?//""", html)  # nor in stylesheets
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    policy = unescape(csp.group(1)) if csp else ""
    assert "default-src 'none'" in policy and "'sha256-" in policy


def test_evidence_passages_highlight_by_offsets() -> None:
    from kg.views.web import evidence_passages

    text = "Police said. A bomb hit Town. Nobody claimed it."
    spans = [("e1", 13, 29, text[13:29]), ("e2", 0, 12, text[:12]), ("e1", 30, 48, text[30:48])]
    ps = evidence_passages(spans, {"e1"})
    assert [p["segments"] for p in ps] == [
        [("Police said.", False)],
        [("A bomb hit Town.", True)],
        [("Nobody claimed it.", True)],
    ]


def test_layout_of_a_large_graph_is_fast_and_spread() -> None:
    from kg.views.graphs import layout_positions

    G = nx.barabasi_albert_graph(2000, 2, seed=1)
    started = time.perf_counter()
    pos = layout_positions(2000, list(G.edges()))
    assert time.perf_counter() - started < 20
    assert len({(round(x), round(y)) for x, y in pos}) > 1900  # nodes do not pile up


@pytest.fixture(scope="module")
def client(xss_store: Path) -> Any:
    from fastapi.testclient import TestClient

    from kg.server.app import create_app

    app = create_app(xss_store)
    yield TestClient(app)  # no lifespan: the pages do not need the query workers
    app.state.kg.store = None


def test_pages_escape_and_send_security_headers(client: Any) -> None:
    iri = ID_BASE + "evil-group"
    for url in ("/", "/search?q=img", f"/actor?iri={iri}", "/graph", "/query"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert PAYLOAD not in r.text, url
        assert "<script>" not in r.text  # no inline script: the CSP would block it
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get("/search?q=img").text


def test_search_binds_the_string_as_a_value(client: Any) -> None:
    for q in ('"} UNION { ?x ?p ?o }', "\\", "' OR 1=1", "a" * 500):
        r = client.get("/search", params={"q": q})
        assert r.status_code == 200 and "0 results" in r.text
    assert "evil-group" in client.get("/search", params={"q": "ONERROR"}).text


def test_unknown_resources_are_404(client: Any) -> None:
    assert client.get("/actor?iri=http://nope/x").status_code == 404
    assert client.get("/event?iri=http://nope/x").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/graph/ego?iri=nobody").status_code == 400


def test_kg_viz_writes_self_contained_files(xss_store: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    for args in (
        ["graph", "-g", "actor-event", "--size-by", "degree"],
        ["ego", "Police", "--radius", "2"],
        ["event", "attack"],
        ["path", "Police", PAYLOAD],
        ["community", "0"],
    ):
        out = tmp_path / f"{args[0]}.html"
        res = runner.invoke(app, ["--store", str(xss_store), "viz", *args, "-o", str(out)])
        assert res.exit_code == 0, (args, res.output)
        html = out.read_text()
        assert "vis.Network" in html and PAYLOAD not in html
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    res = runner.invoke(app, ["--store", str(xss_store), "viz", "ego", "Police", "-r", "4"])
    assert res.exit_code != 0
