"""The README's Python API in five lines runs as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.slow


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
