"""The bundled sample corpus ingested by the real ``kg`` command, as ``make demo`` does: no
errors, an event from every article."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support import Ingested

pytestmark = pytest.mark.slow


def test_sample_corpus_ingests_with_zero_errors(sample_store: Ingested) -> None:
    proc = sample_store.report
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"documents (\d+) +event reports (\d+) .* errors (\d+)", proc.stderr)
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
