"""The bundled sample corpus (``make demo``'s input) and the README's Python API."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLE_CORPUS, Ingested

from kg.ingestion.readers import read_path
from kg.records import Article

pytestmark = pytest.mark.slow


def test_sample_corpus_ingests_with_zero_errors(sample_store: Ingested) -> None:
    proc = sample_store.report
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"documents (\d+) +events (\d+) .* errors (\d+)", proc.stderr)
    assert m, proc.stderr
    docs, events, errors = map(int, m.groups())
    assert 6 <= docs <= 10 and errors == 0
    assert events >= docs


def test_every_sample_article_yields_an_event(sample_store: Ingested, open_read_only: Any) -> None:
    st = open_read_only(sample_store.path)
    rows = st.select(
        """SELECT ?id (COUNT(DISTINCT ?e) AS ?n) {
             ?d a ckg:Document ; dcterms:identifier ?id .
             OPTIONAL { ?e prov:wasDerivedFrom ?d ; ckg:evidence ?q } } GROUP BY ?id"""
    )
    counts = {str(r["id"]): int(r["n"]) for r in rows}
    assert len(counts) >= 6
    assert all(n > 0 for n in counts.values()), counts


def test_sample_corpus_has_every_input_kind() -> None:
    files = sorted(p.name for p in SAMPLE_CORPUS.iterdir())
    exts = {Path(f).suffix for f in files}
    assert {".txt", ".json", ".jsonl", ".html"} <= exts, files
    for txt in SAMPLE_CORPUS.glob("*.txt"):  # every text has its metadata beside it
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        assert meta["id"] and meta["title"] and meta["source"], txt
    articles = [a for a in read_path(SAMPLE_CORPUS) if isinstance(a, Article)]
    assert 6 <= len(articles) <= 10
    assert len({a.id for a in articles}) == len(articles)
    # one article has no publication date in its metadata: its dateline dates it
    dated_by_dateline = [a for a in articles if a.id == "sample-intercontinental-2011"]
    assert dated_by_dateline[0].published == "2011-06-29"


def test_readme_python_api(tmp_path: Path, extractor: Any) -> None:
    """The five lines in the README (and kg/__init__.py), run twice: re-ingesting replaces."""
    import kg

    store = kg.open(str(tmp_path / "kg-store"))
    for _ in range(2):
        report = kg.ingest(store, [str(ROOT / "examples" / "sample-corpus")], extractor=extractor)
        assert report.ok and report.documents >= 6
        n = len(store)
    rows = store.select("SELECT ?e WHERE { ?e a ckg:Attack }")
    assert rows and len(store) == n
    store.close()
