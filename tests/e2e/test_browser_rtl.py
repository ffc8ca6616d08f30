"""A Dari report in a real browser (Debian's Chromium via Playwright): its passages run right
to left, the bundled Arabic-script font is served from 127.0.0.1 and used, and what is
highlighted is exactly the text at the stored character offsets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.e2e.test_browser import Watch, browser, require_chromium  # noqa: F401 (fixture)
from tests.servers import running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# written for this test: a roadside bomb in a district of Kabul, no claim
DARI = (
    "روز دوشنبه یک بمب کنار جاده‌ای در ولسوالی چهارآسیاب ولایت کابل منفجر شد و سه غیرنظامی را "
    "کشت. هیچ گروهی مسئولیت این حمله را به عهده نگرفته است."
)
DOC_ID = "dari-rtl-1"


@pytest.fixture(scope="module")
def dari_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    import kg
    from kg.store import Store

    folder = tmp_path_factory.mktemp("rtl")
    batch = folder / "dari.jsonl"
    record = {"id": DOC_ID, "lang": "fa", "published": "2024-05-07", "text": DARI}
    batch.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(folder / "store") as st:
        report = kg.ingest(st, [batch])
    assert report.ok and report.events, report
    with running_server(folder / "store") as url:
        yield url


def test_a_dari_document_reads_right_to_left_in_its_font_with_true_offsets(
    dari_server: str,
    browser: Any,  # noqa: F811 (the fixture imported above)
) -> None:
    from kg.rdf.iri import doc_iri

    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    page = Watch(ctx.new_page())
    fonts: list[tuple[str, int]] = []
    page.page.on("response", lambda r: r.url.endswith(".woff2") and fonts.append((r.url, r.status)))
    try:
        p = page.page
        p.goto(f"{dari_server}/document?iri={quote(str(doc_iri(DOC_ID)), safe='')}")
        passage = p.locator("p.passage").first
        assert passage.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # the passage's text (event numbers left out) is the text at its stored offsets
        start = int(passage.get_attribute("data-start") or "-1")
        end = int(passage.get_attribute("data-end") or "-1")
        shown = passage.evaluate(
            "e => { const c = e.cloneNode(true); c.querySelectorAll('sup').forEach(s => s.remove());"
            " return c.textContent; }"
        )
        assert shown == DARI[start:end], (shown, DARI[start:end])
        assert p.locator("p.passage mark.ev").count() >= 1
        # the two sentences follow each other and make the whole text: no "..." cut shown
        assert p.locator("#doc-text p.passage").count() == 2
        assert p.locator("#doc-text .gap").count() == 0
        # the bundled font, from this server, is what the page draws Arabic script with
        assert p.evaluate(
            "document.fonts.ready.then(() => document.fonts.check('16px \"Noto Naskh Arabic\"', 'کابل'))"
        )
        assert fonts and all(u.startswith(dari_server) and s == 200 for u, s in fonts), fonts
        # the event page: its label isolates the Dari place name (the date after it keeps
        # its order), and its evidence runs right to left too
        p.locator("#doc-text sup.ev-ref a").first.click()
        p.wait_for_load_state()
        assert p.locator("h1 bdi").count() >= 1
        assert p.locator("p.passage").first.evaluate("e => getComputedStyle(e).direction") == (
            "rtl"
        )
        page.check(dari_server)
    finally:
        ctx.close()


def test_the_font_is_a_served_asset() -> None:
    from kg.views.maps import VENDOR_FILES, vendor_files

    assert "noto-naskh-arabic.woff2" in VENDOR_FILES
    path = vendor_files().get("noto-naskh-arabic.woff2")
    assert path is not None and Path(path).read_bytes()[:4] == b"wOF2", (
        "run `make setup` (npm ci in kg/views/vendor) to install the font"
    )
