"""The pages and graph views in a real browser: Debian's headless Chromium via Playwright.

A real ``kg serve`` app runs on 127.0.0.1 (free port) over a store holding the shared seed
article and the bundled sample corpus; every page must load with no console error and no
request leaving 127.0.0.1. A second store holds a hand-made graph whose actor is called
``<img src=x onerror=alert(1)>``: it must show as text and nothing may run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from tests.servers import running_server
from tests.support import ROOT, SAMPLE_CORPUS, SEED_TXT, require_shared
from tests.unit.test_views import PAYLOAD, make_xss_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ISISK = "https://w3id.org/conflict-kg/id/isis-k"
SHOTS = ROOT / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    """The seed article and the sample corpus in one store."""
    import kg
    from kg.store import Store

    require_shared(SEED_TXT)
    path = tmp_path_factory.mktemp("browser") / "store"
    with Store(path) as st:
        report = kg.ingest(st, [SEED_TXT, SAMPLE_CORPUS], extractor=extractor)
    assert report.ok, report.problems
    return path


@pytest.fixture(scope="module")
def server(corpus_store: Path) -> Iterator[str]:
    with running_server(corpus_store) as url:
        yield url


@pytest.fixture(scope="module")
def snap(corpus_store: Path) -> Any:
    from kg.analysis import load
    from kg.store import Store

    with Store(corpus_store, read_only=True) as st:
        return load(st)


class Watch:
    """A page with its console errors, failed scripts, requests and dialogs recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def outside(self, base: str) -> list[str]:
        host = urlsplit(base).hostname
        return [u for u in self.requests if urlsplit(u).hostname not in (host,)]

    def check(self, base: str) -> None:
        assert not self.errors, self.errors
        assert not self.outside(base), self.outside(base)
        assert not self.dialogs, self.dialogs


@pytest.fixture
def page(browser: Any) -> Iterator[Watch]:
    ctx = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    p = ctx.new_page()
    yield Watch(p)
    ctx.close()


def wait_graph(p: Any) -> None:
    p.wait_for_selector("body[data-graph-ready]", state="attached", timeout=60_000)


def node_count(p: Any) -> int:
    return int(p.evaluate("network.body.data.nodes.length"))


def iri_q(iri: str) -> str:
    return quote(iri, safe="")


def test_pages_load_offline_with_the_expected_graphs(server: str, page: Watch, snap: Any) -> None:
    from kg.analysis import interaction_graph
    from kg.views import graphs

    G = interaction_graph(snap)
    kabul = next(e for e in sorted(snap.events) if "kabul-airport" in e and "/e1" in e)
    expected = {
        "/graph": graphs.whole_graph_view(snap).n_nodes,
        "/graph?graph=actor-event": graphs.whole_graph_view(snap, graph="actor-event").n_nodes,
        f"/graph/ego?iri={iri_q(ISISK)}&radius=2": graphs.ego_view(
            snap, ISISK, radius=2, G=G
        ).n_nodes,
        f"/actor?iri={iri_q(ISISK)}": graphs.ego_view(snap, ISISK, G=G).n_nodes,
        f"/event?iri={iri_q(kabul)}": graphs.event_view(snap, kabul).n_nodes,
        "/graph/path?a=ISIS-K&b=Iran": graphs.path_view(snap, "ISIS-K", "Iran", G=G).n_nodes,
        "/graph/community?id=0": graphs.community_view(snap, 0, G=G).n_nodes,
    }
    p = page.page
    for url in ("/", "/search?q=kabul", "/communities", "/query"):
        assert p.goto(server + url).ok, url
        assert p.locator("a[href='/ontology']").count() >= 1  # every page links the docs
    for url, n in expected.items():
        assert p.goto(server + url).ok, url
        wait_graph(p)
        assert node_count(p) == n, url
        assert p.locator("ul.legend li").count() >= 1
    page.check(server)


def test_ontology_docs_load_offline(server: str, page: Watch) -> None:
    """``/ontology`` (kg.ontology_docs) loads nothing from elsewhere and, with its own CSP that allows
    its inline stylesheet and no script, shows no console error."""
    assert page.page.goto(server + "/ontology").ok
    assert not page.outside(server), page.outside(server)
    page.check(server)


def test_hovering_a_node_shows_its_evidence(server: str, page: Watch, snap: Any) -> None:
    p = page.page
    p.goto(f"{server}/graph/ego?iri={iri_q(ISISK)}")
    wait_graph(p)
    x, y = p.evaluate(
        """(iri) => {
          const n = kgView.data.nodes.find(n => n.iri === iri);
          const d = network.canvasToDOM(network.getPosition(n.id));
          const r = document.getElementById('graph').getBoundingClientRect();
          return [r.left + d.x, r.top + d.y];
        }""",
        ISISK,
    )
    p.mouse.move(x, y)
    tip = p.locator("#graph-tip")
    tip.wait_for(state="visible", timeout=5000)
    text = tip.inner_text()
    quotes = [q for ev in snap.events.values() for q in ev.evidence]
    assert "ISIS-K" in text and "Source:" in text and "published" in text
    assert any(q[:40] in text for q in quotes), text
    page.check(server)


def test_filters_hide_what_is_outside(server: str, page: Watch) -> None:
    p = page.page
    p.goto(f"{server}/graph?graph=actor-event")
    wait_graph(p)
    total = node_count(p)
    shown = p.evaluate("kgView.filter({type: 'Bombing'})")
    assert 0 < shown < total
    assert p.evaluate("kgView.filter({from: '2030'})") == 0
    assert p.evaluate("kgView.filter({})") == total
    p.select_option("#f-type", "Bombing")
    p.click("#f-apply")
    assert f"of {total} nodes" in p.inner_text("#graph-count")
    page.check(server)


def test_search_finds_isis_k_by_iskp(server: str, page: Watch) -> None:
    p = page.page
    p.goto(server + "/")
    p.fill("form.search-big input[name=q]", "ISKP")
    p.press("form.search-big input[name=q]", "Enter")
    p.wait_for_url("**/search?q=ISKP")
    link = p.locator("#results a", has_text="ISIS-K").first
    assert link.get_attribute("href") == f"/actor?iri={iri_q(ISISK)}"
    link.click()
    p.wait_for_url("**/actor?**")
    assert p.locator("h1").inner_text().startswith("ISIS-K")
    assert p.locator("svg#timeline rect.bar").count() >= 1
    assert p.locator("#events tbody tr").count() >= 3
    page.check(server)


def test_sparql_page_returns_rows_and_downloads(server: str, page: Watch) -> None:
    p = page.page
    p.goto(server + "/query")
    p.click("#sparql-run")
    p.wait_for_selector("#sparql-results tbody tr", timeout=30_000)
    assert p.locator("#sparql-results tbody tr").count() > 3
    assert "row(s)" in p.inner_text("#sparql-status")
    with p.expect_download() as dl:
        p.click("#sparql-csv")
    body = Path(dl.value.path()).read_text()
    assert body.startswith("actor,label,events")
    page.check(server)


def test_event_page_highlights_the_evidence(server: str, page: Watch, snap: Any) -> None:
    ev = next(e for e in snap.events.values() if e.evidence and "kabul-airport" in e.iri)
    p = page.page
    p.goto(f"{server}/event?iri={iri_q(ev.iri)}")
    wait_graph(p)
    marked = " ".join(p.locator("#evidence mark").all_inner_texts())
    assert ev.evidence[0][:60] in marked
    page.check(server)


def test_screenshots_of_isis_k(server: str, page: Watch) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    p = page.page
    p.goto(f"{server}/actor?iri={iri_q(ISISK)}")
    wait_graph(p)
    p.screenshot(path=str(SHOTS / "actor-isis-k.png"), full_page=True)
    p.goto(f"{server}/graph/ego?iri={iri_q(ISISK)}&radius=2")
    wait_graph(p)
    p.screenshot(path=str(SHOTS / "ego-isis-k.png"))
    page.check(server)


def test_standalone_file_draws_offline(
    corpus_store: Path, tmp_path: Path, page: Watch, snap: Any
) -> None:
    from kg.views import graphs
    from kg.views.render import write_html

    view = graphs.ego_view(snap, "ISKP", radius=2)
    path = write_html(view, tmp_path / "ego.html")
    p = page.page
    p.goto(path.as_uri())
    wait_graph(p)
    assert node_count(p) == view.n_nodes
    assert not page.errors, page.errors
    assert all(u.startswith("file:") for u in page.requests), page.requests


# ---------------------------------------------------------------- XSS


@pytest.fixture(scope="module")
def xss_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_xss_store(tmp_path_factory.mktemp("xss-browser") / "store")


@pytest.fixture(scope="module")
def xss_server(xss_path: Path) -> Iterator[str]:
    with running_server(xss_path) as url:
        yield url


EVIL = "https://w3id.org/conflict-kg/id/evil-group"


def hover_evil(p: Any) -> str:
    x, y = p.evaluate(
        """(iri) => {
          const n = kgView.data.nodes.find(n => n.iri === iri);
          const d = network.canvasToDOM(network.getPosition(n.id));
          const r = document.getElementById('graph').getBoundingClientRect();
          return [r.left + d.x, r.top + d.y];
        }""",
        EVIL,
    )
    p.mouse.move(x, y)
    p.locator("#graph-tip").wait_for(state="visible", timeout=5000)
    return str(p.inner_text("#graph-tip"))


def test_a_script_in_a_name_stays_text(xss_server: str, page: Watch) -> None:
    p = page.page
    p.goto(f"{xss_server}/search?q={quote('<img')}")
    assert p.locator("#results a", has_text=PAYLOAD).count() == 2  # the actor and its attack
    for url in (f"/actor?iri={iri_q(EVIL)}", f"/graph/ego?iri={iri_q(EVIL)}", "/graph"):
        p.goto(xss_server + url)
        wait_graph(p)
        if url != "/graph":
            assert p.get_by_text(PAYLOAD, exact=False).count() >= 1
        assert PAYLOAD in hover_evil(p)
        assert p.locator("img").count() == 0
    p.goto(f"{xss_server}/event?iri={iri_q('https://w3id.org/conflict-kg/id/event/xss-doc/e1')}")
    assert PAYLOAD in p.locator("#evidence mark").inner_text()
    assert p.locator("img").count() == 0
    page.check(xss_server)


def test_a_script_in_a_name_stays_text_in_a_file(
    xss_path: Path, page: Watch, tmp_path: Path
) -> None:
    from kg.analysis import load
    from kg.store import Store
    from kg.views import graphs
    from kg.views.render import write_html

    with Store(xss_path, read_only=True) as st:
        snap = load(st)
    path = write_html(graphs.whole_graph_view(snap), tmp_path / "xss.html")
    p = page.page
    p.goto(path.as_uri())
    wait_graph(p)
    assert PAYLOAD in hover_evil(p)
    assert p.locator("img").count() == 0
    assert not page.dialogs and not page.errors, (page.dialogs, page.errors)
