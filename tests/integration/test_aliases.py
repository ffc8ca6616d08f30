"""Names are stored clean: an alias is kept once per actor or place, its white space
collapsed, and names that differ only by case are one (issue 18, finding 6: the search
page listed "The Taliban" and "the Taliban", and "Kerman\\n\\n")."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from kg.store import Store
from tests.support import SAMPLE_CORPUS, SEED_TXT, Ingested

pytestmark = pytest.mark.slow


def test_names_are_stored_clean(seed_store: Ingested, extractor: Any, tmp_path: Path) -> None:
    import kg

    with Store(tmp_path / "store") as st:  # the seed article and the sample corpus together
        assert kg.ingest(st, [SEED_TXT, SAMPLE_CORPUS], extractor=extractor).ok
        rows = st.select(
            "SELECT DISTINCT ?x ?name WHERE { GRAPH ?g { ?x rdfs:label|skos:altLabel ?name } "
            "FILTER(?g != <https://w3id.org/conflict-kg/ontology>) }"
        )
    names: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        names[str(r["x"])].append(str(r["name"]))
    assert names, "the seed article names nothing"
    unclean = [(x, n) for x, ns in names.items() for n in ns if n != " ".join(n.split())]
    assert not unclean, unclean
    twins = {
        x: sorted(set(ns))
        for x, ns in names.items()
        if len({n.casefold() for n in ns}) < len(set(ns))
    }
    assert not twins, twins
