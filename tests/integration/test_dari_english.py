"""A Dari report and an English report of one bombing (both written for this test) read into
one store: the same actor, place and event-class nodes, and one resolved event
(kg/extract/lang/fa, kg/resolution, through extraction and a real on-disk store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import kg
from kg.resolution import resolve

REPORTS = [
    {
        "id": "wire-en",
        "source": "Kabul Wire",
        "published": "2024-05-13",
        "lang": "en",
        "text": "PUL-E-KHUMRI, Afghanistan: A roadside bomb struck a police vehicle in "
        "Pul-e-Khumri, the capital of Baghlan province, on Sunday, killing three policemen "
        "and wounding two others, local officials said. Islamic State Khorasan Province "
        "claimed responsibility for the attack.",
    },
    {
        "id": "wire-fa",
        "source": "Baghlan Radio",
        "published": "2024-05-13",
        "lang": "fa",
        "text": "روز یکشنبه در اثر انفجار یک ماین کنار جاده‌ای بر سر راه موتر پولیس در شهر "
        "پلخمری، مرکز ولایت بغلان، سه پولیس کشته و دو پولیس دیگر زخمی شدند. گروه داعش "
        "خراسان مسئولیت این انفجار را به عهده گرفت.",
    },
]

NODES = """SELECT ?doc ?cls ?actor ?place WHERE {
  ?e a ?cls ; prov:wasDerivedFrom ?d ; ckg:location ?place .
  ?d dcterms:identifier ?doc .
  ?cls rdfs:subClassOf* ckg:Attack .
  { ?e ckg:claimedBy ?actor } UNION { ?c ckg:about ?e ; ckg:speaker ?actor }
}"""


def _by_doc(store: Any) -> dict[str, set[tuple[str, str, str]]]:
    out: dict[str, set[tuple[str, str, str]]] = {}
    for r in store.select(NODES):
        out.setdefault(str(r["doc"]), set()).add((str(r["cls"]), str(r["actor"]), str(r["place"])))
    return out


def test_a_dari_and_an_english_report_of_one_bombing_are_one_event(
    tmp_path: Path, extractor: Any
) -> None:
    src = tmp_path / "reports.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), "utf-8")
    store = kg.open(tmp_path / "store")
    kg.ingest(store, [src], extractor=extractor)
    got = _by_doc(store)
    assert set(got) == {"wire-en", "wire-fa"}, got
    # the same class, claimant and place nodes, whatever the script
    assert got["wire-en"] & got["wire-fa"], got
    shared = next(iter(got["wire-en"] & got["wire-fa"]))
    assert shared[0].endswith("RemoteExplosiveAttack") and shared[1].endswith("/isis-k")
    # each document says its language
    langs = store.select("SELECT ?id ?l WHERE { ?d dcterms:identifier ?id ; dcterms:language ?l }")
    assert {(str(r["id"]), str(r["l"])) for r in langs} >= {("wire-en", "en"), ("wire-fa", "fa")}
    resolve(store)
    groups = store.select(
        """SELECT ?r (GROUP_CONCAT(?id; separator=" ") AS ?docs) WHERE {
             ?r a ckg:ResolvedEvent ; ckg:report ?e . FILTER NOT EXISTS { ?r ckg:retired ?t }
             ?e prov:wasDerivedFrom ?d . ?d dcterms:identifier ?id } GROUP BY ?r"""
    )
    together = [sorted(set(str(g["docs"]).split())) for g in groups]
    assert ["wire-en", "wire-fa"] in together, together
    store.close()


def test_kg_extract_sets_a_dari_report_flush_right(tmp_path: Path, extractor: Any) -> None:
    from tests.cli import kg as run_kg

    src = tmp_path / "report.txt"
    src.write_text(REPORTS[1]["text"], encoding="utf-8")
    result: Any = run_kg("extract", src)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "پلخمری" in line or "روز" in line]
    assert rows, result.output
    # the first cell of a row holding Dari is padded on the left, not on the right (rich
    # keeps one space of padding on each side)
    cells = [line.split("│")[1] for line in rows if line.count("│") >= 3]
    assert cells and all(len(c) - len(c.rstrip()) == 1 for c in cells), cells
    assert any(len(c) - len(c.lstrip()) > 1 for c in cells), cells
    assert "RemoteExplosiveAttack" in result.output
