"""The bundled sample corpus (``make demo``'s input) holds every kind of input the readers
take."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingestion.readers import read_path
from kg.records import Article
from tests.support import SAMPLE_CORPUS

pytestmark = pytest.mark.slow


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
