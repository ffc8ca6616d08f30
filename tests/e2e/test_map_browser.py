"""The map page in a real browser (Debian's headless Chromium via Playwright) over the
bundled sample corpus: events at the right places by the map's own projection, the time
slider filtering map and list, popups linking to event pages, nothing loaded from elsewhere.
Also the notebook map (a standalone file) opened from disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from kg.geo.toponyms import km
from tests.e2e.test_browser import browser  # noqa: F401 - the headless Chromium fixture
from tests.servers import running_server
from tests.support import ROOT, SAMPLE_CORPUS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# two events of the sample corpus and where they happened (WGS84, from public knowledge)
KERMAN = ("kerman-2024", (30.283, 57.079))  # the Kerman bombings, 3 January 2024
KUNDUZ = ("kunduz-airstrike-2009", (36.729, 68.857))  # the Kunduz air strike, 4 September 2009


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    import kg
    from kg.views.maps import missing_assets

    assert not missing_assets(), f"map assets missing {missing_assets()}: run `make setup` (npm ci)"
    from kg.store import Store

    path = tmp_path_factory.mktemp("map") / "store"
    with Store(path) as st:
        report = kg.ingest(st, [SAMPLE_CORPUS], extractor=extractor)
    assert report.ok, report.problems
    return path


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:  # noqa: F811 - the fixture imported above
    ctx = browser.new_context(viewport={"width": 1300, "height": 860})
    p = ctx.new_page()
    p.errors, p.requests = [], []
    p.on("console", lambda m: m.type == "error" and p.errors.append(m.text))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    ctx.close()


def event_of(p: Any, doc: str, where: tuple[float, float]) -> dict[str, Any]:
    """The report's event nearest to where it happened (a report also tells older events)."""
    evs = p.evaluate("Object.values(kgMap.markers).map(m => m.kgEvent)")
    mine = [e for e in evs if f"{doc}/" in e["iri"]]
    assert mine, f"no located event of {doc}"
    return min(mine, key=lambda e: km((e["lat"], e["lon"]), where))


def marker_centre(p: Any, iri: str) -> tuple[float, float]:
    """Where the event is drawn (its point, or the cluster holding it), relative to the map's
    container, in pixels."""
    return tuple(
        p.evaluate(
            """iri => { const m = kgMap.cluster.getVisibleParent(kgMap.markers[iri]);
                       const r = m._icon.getBoundingClientRect();
                       const c = kgMap.map.getContainer().getBoundingClientRect();
                       return [r.left + r.width / 2 - c.left, r.top + r.height / 2 - c.top]; }""",
            iri,
        )
    )


def test_the_map_shows_events_at_their_places_and_the_slider_filters_them(
    sample_store: Path, page: Any
) -> None:
    with running_server(sample_store) as base:
        page.goto(base + "/map")
        page.wait_for_selector("body[data-map-ready]", state="attached", timeout=30_000)
        # a function, not an expression: polling an expression needs eval, which the page's
        # Content-Security-Policy forbids (the wait fails whenever the map is not yet drawn)
        page.wait_for_function(
            "() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100",
            timeout=30_000,
        )

        for doc, where in (KERMAN, KUNDUZ):
            e = event_of(page, doc, where)
            assert km((e["lat"], e["lon"]), where) < 25, (doc, e)
            # at zoom 7 (about 1 km a pixel) what is drawn for it sits where the map projects
            # the true place
            page.evaluate(
                "([lat, lon]) => kgMap.map.setView([lat, lon], 7, {animate: false})",
                [e["lat"], e["lon"]],
            )
            page.wait_for_function(
                "iri => (kgMap.cluster.getVisibleParent(kgMap.markers[iri]) || {})._icon",
                arg=e["iri"],
                timeout=10_000,
            )
            x, y = marker_centre(page, e["iri"])
            px, py = page.evaluate("([lat, lon]) => kgMap.project(lat, lon)", list(where))
            assert abs(x - px) < 20 and abs(y - py) < 20, (doc, (x, y), (px, py))

        # the slider: only the days of 2024 keep Kerman and drop Kunduz 2009, map and list alike
        kerman, kunduz = event_of(page, *KERMAN), event_of(page, *KUNDUZ)
        days = page.evaluate("kgMap.days")
        first_2024 = next(i for i, d in enumerate(days) if d * 86400 >= 1704067200)
        page.evaluate("([a, b]) => kgMap.setRange(a, b)", [first_2024, len(days) - 1])
        shown = page.evaluate("kgMap.visible()")
        assert kerman["iri"] in shown and kunduz["iri"] not in shown
        listed = page.eval_on_selector_all("#map-list li", "els => els.map(e => e.dataset.iri)")
        assert listed == shown
        assert "2024-01-03 to" in page.inner_text("#map-caption")
        assert (
            page.evaluate("iri => kgMap.cluster.hasLayer(kgMap.markers[iri])", kunduz["iri"])
            is False
        )

        # a click on Kerman's point opens a popup linking to its event page
        page.evaluate("iri => kgMap.cluster.zoomToShowLayer(kgMap.markers[iri])", kerman["iri"])
        page.wait_for_function("iri => kgMap.markers[iri]._icon", arg=kerman["iri"], timeout=10_000)
        page.click(f'.kg-ev[data-iri="{kerman["iri"]}"]')
        link = page.get_attribute(".kg-popup a", "href")
        page.goto(base + link)
        assert "Kerman" in page.inner_text("main")

        page.goto(base + "/map")
        page.wait_for_selector("body[data-map-ready]", state="attached", timeout=30_000)
        page.wait_for_timeout(500)
        shots = ROOT / "out" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "map.png"))
        assert not page.errors, page.errors
        outside = [u for u in page.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert not outside, outside


def test_the_notebook_map_is_one_offline_file(
    sample_store: Path, page: Any, tmp_path: Path
) -> None:
    import kg

    with kg.open(sample_store, read_only=True) as st:
        view = kg.event_map(st)
    f = view.save(tmp_path / "map.html")
    page.goto(f.as_uri())
    page.wait_for_selector("body[data-map-ready]", state="attached", timeout=30_000)
    n = page.evaluate("Object.keys(kgMap.markers).length")
    assert n >= 8
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the country boundaries
    assert not page.errors, page.errors
    assert all(u.startswith(("file:", "data:")) for u in page.requests), page.requests
