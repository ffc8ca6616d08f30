"""The pages and graph views in a real browser: Debian's headless Chromium via Playwright.

A real ``kg serve`` app runs on 127.0.0.1 (free port) over a store holding the shared seed
article and the bundled sample corpus; every page must load with no console error and no
request leaving 127.0.0.1. A second store holds a hand-made graph whose actor is called
``<img src=x onerror=alert(1)>``: it must show as text and nothing may run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

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
# KG_SCREENSHOTS=docs/img writes the screenshots of every view where the README shows them
VIEW_SHOTS = Path(os.environ.get("KG_SCREENSHOTS") or SHOTS)
SEED_DOC = "https://w3id.org/conflict-kg/id/doc/tolonews-daesh-suppressed"


def require_chromium() -> None:
    """Skip when Debian's Chromium is absent, but fail under CI (``CI=true``): a machine that
    is meant to test everything must not silently test less."""
    if CHROMIUM.exists():
        return
    why = f"{CHROMIUM} is absent: install Debian's chromium (sudo apt-get install -y chromium)"
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"{why}; CI=true, so the page tests fail rather than skip", pytrace=False)
    pytest.skip(why)


def test_a_missing_chromium_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(f"{__name__}.CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        require_chromium()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
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
    kabul = next(  # the bombing ISIS-K claimed
        e.iri
        for e in sorted(snap.events.values(), key=lambda e: e.iri)
        if "kabul-airport" in e.iri and any(p.endswith("#claimedBy") for p, _x in e.roles)
    )
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
    # the actor and its attack (and the document it was read from, a link of its own)
    assert p.locator("#results td:first-child a", has_text=PAYLOAD).count() == 2
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


# ---------------------------------------------------------------- reading like a report


def test_document_page_highlights_the_seeds_events(server: str, page: Watch, snap: Any) -> None:
    doc = next(d for d in snap.docs if "tolonews" in d)
    evs = [e for e in snap.events.values() if e.doc == doc]
    p = page.page
    # every title links to the document page; RDF clients still get Turtle there
    p.goto(server + "/")
    link = p.locator("a", has_text=snap.docs[doc].title).first
    assert unquote(link.get_attribute("href") or "") == f"/document?iri={doc}"
    link.click()
    p.wait_for_url("**/document?**")
    assert p.locator("h1").inner_text() == snap.docs[doc].title
    assert p.locator("#doc-events tbody tr").count() == len(evs)
    # each event read from the text is highlighted there, numbered and linked to its page
    marked = {
        int(n)
        for m in p.locator("#doc-text mark.ev").all()
        for n in (m.get_attribute("data-events") or "").split()
    }
    with_text = [e for e in evs if e.evidence]
    assert len(marked) == len(with_text) and len(with_text) >= 5
    refs = p.locator("#doc-text sup.ev-ref a")
    assert {unquote(r.get_attribute("href") or "") for r in refs.all()} == {
        f"/event?iri={e.iri}" for e in with_text
    }
    # actors and places named in it are links to their pages
    names = {
        a.inner_text(): unquote(a.get_attribute("href") or "")
        for a in p.locator("#doc-text a.ent").all()
    }
    assert names.get("ISIS-K") == f"/actor?iri={ISISK}", names
    assert any(h and h.startswith("/place?") for h in names.values()), names
    refs.first.click()
    p.wait_for_url("**/event?**")
    resp = p.request.get(f"{server}/document?iri={iri_q(doc)}", headers={"Accept": "text/turtle"})
    assert resp.ok and resp.headers["content-type"].startswith("text/turtle")
    assert "@prefix" in resp.text()
    page.check(server)


def test_event_page_reads_like_a_coders_sheet(server: str, page: Watch, snap: Any) -> None:
    import re

    kerman = next(  # the Kerman bombings, which the Islamic State claimed
        e
        for e in snap.events.values()
        if "sample-kerman-2024" in e.iri and any(p.endswith("#claimedBy") for p, _x in e.roles)
    )
    p = page.page
    p.goto(f"{server}/event?iri={iri_q(kerman.iri)}")
    wait_graph(p)
    terms = p.locator("#arguments dt").all_inner_texts()
    camel = [t for t in terms if re.search(r"[a-z][A-Z]", t)]
    assert not camel, terms
    assert [t for t in terms if t.lower() == "date"] == ["Date"]  # one date
    date = p.locator("#arguments dt:text-is('Date') + dd").inner_text()
    assert "2024-01-03" in date and "(day; stated in the text)" in date
    # the officials' revised toll ("later revised it to 95"); "more than 280" wounded
    killed = p.locator("#arguments dt:text-is('Fatalities') + dd")
    assert killed.inner_text().startswith("95")
    injured = p.locator("#arguments dt:text-is('Injured') + dd")
    assert injured.inner_text().startswith("281")
    assert killed.locator("a").get_attribute("href") == "/ontology#fatalities"
    conf = p.locator("#arguments dt:text-is('Extraction confidence') + dd").inner_text()
    assert "How sure the extractor is" in conf
    # an argument's evidence shows on hover (its title), and the claim reads as a claim
    claimed = p.locator("#arguments dt:text-is('Claimed by') + dd a.argument")
    assert claimed.inner_text() == "Islamic State"
    assert "claimed responsibility" in (claimed.get_attribute("title") or "")
    says = p.locator("#statements tbody tr td:nth-child(2)").all_inner_texts()
    assert "claims responsibility" in says and not any("—" in s for s in says), says
    page.check(server)


def test_search_tells_look_alikes_apart(server: str, page: Watch) -> None:
    p = page.page
    p.goto(f"{server}/search?q=ISIS-K")
    rows = [
        " | ".join(r.all_inner_texts())
        for r in [
            p.locator("#results tbody tr").nth(i).locator("td")
            for i in range(p.locator("#results tbody tr").count())
        ]
    ]
    assert len(rows) >= 4
    assert len(set(rows)) == len(rows), rows
    claims = [r for r in rows if r.startswith("Claim of responsibility by ISIS-K")]
    assert len(claims) == 2 and all("2021-" in r for r in claims), claims
    # a place row says what it lies in (a city and a district of one name told apart)
    p.goto(f"{server}/search?q=Kerman")
    places = [
        p.locator("#results tbody tr").nth(i).locator("td").all_inner_texts()
        for i in range(p.locator("#results tbody tr").count())
    ]
    places = [r for r in places if r[1] == "place"]
    within = {r[0]: r[4] for r in places}
    assert within.get("Kerman") == "in Kerman Province", places
    assert within.get("Kerman Province") == "in Iran", places
    page.check(server)


def test_graph_views_label_their_nodes_at_the_first_zoom(server: str, page: Watch) -> None:
    VIEW_SHOTS.mkdir(parents=True, exist_ok=True)
    p = page.page
    views = {
        "graph-actor-event": "/graph?graph=actor-event",
        "graph-actors": "/graph",
        "ego-isis-k": f"/graph/ego?iri={iri_q(ISISK)}&radius=2",
        "path-iskp-iran": "/graph/path?a=ISKP&b=Iran",
        "community-0": "/graph/community?id=0",
        "event-kabul-airport": None,
    }
    for name, url in views.items():
        if url is None:
            p.goto(f"{server}/search?q=Hamid%20Karzai")
            url = p.locator("#results a[href^='/event']").first.get_attribute("href")
            url = "/graph/event?" + url.split("?", 1)[1]
        p.goto(server + url)
        wait_graph(p)
        stats = p.evaluate("kgView.labels()")
        # every view labels its nodes (the 40 most central in a big one) at a readable size
        assert stats["shown"] >= min(stats["total"], 40), (name, stats)
        assert stats["smallestPx"] >= 11, (name, stats)
        p.screenshot(path=str(VIEW_SHOTS / f"{name}.png"))
    # a big view offers every label
    p.goto(server + "/graph?graph=actor-event")
    wait_graph(p)
    total = p.evaluate("kgView.labels().total")
    if total > 60:
        p.check("#f-labels")
        p.wait_for_timeout(300)
        assert p.evaluate("kgView.labels().shown") == total
    page.check(server)


def test_small_things(server: str, page: Watch) -> None:
    p = page.page
    resp = p.goto(server + "/favicon.ico")
    assert resp is not None and resp.ok and resp.headers["content-type"] == "image/x-icon"
    p.goto(server + "/ontology")
    p.locator("nav a", has_text="conflict-kg").first.click()
    p.wait_for_url(server + "/")
    p.goto(server + "/graphs")  # a browser naming no graph gets the documents
    p.wait_for_url("**/documents")
    assert p.locator("#documents tbody tr").count() >= 2
    # published dates stay on one line at 1366 px
    p.set_viewport_size({"width": 1366, "height": 900})
    p.goto(server + "/")
    lines = p.evaluate(
        """[...document.querySelectorAll('td.date')].filter(td => td.textContent.trim())
             .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                          return r.getClientRects().length; })"""
    )
    assert lines and set(lines) == {1}, lines  # each date on one line
    page.check(server)
