"""The endpoint under concurrent load while `kg ingest` writes (a short run of
``bench/reliability_load.py``; the full one is 50 clients for 60 s, see BENCHMARKS.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.support import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location(
        "reliability_load", ROOT / "bench" / "reliability_load.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_ten_clients_for_ten_seconds_while_an_ingest_writes(tmp_path: Path) -> None:
    bench = load_bench()
    res = bench.run(
        clients=10, seconds=10, initial=5, more=10, ingest_after=1.0, refresh=0.5, workdir=tmp_path
    )
    assert res["errors"] == 0, res["error_kinds"]
    assert res["ingest"]["returncode"] == 0, res["ingest"]
    assert res["documents_before"] == 5
    assert res["documents_after"] == res["documents_expected"] == 15  # none lost
    assert res["requests"] > 50
    assert res["ok"]
