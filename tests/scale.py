"""Helpers of the ingest-at-scale tests (integration and e2e): a fixed run, whole datasets as
N-Quads lines, and the benchmark's article generator."""

from __future__ import annotations

import importlib.util
from typing import Any

from kg.rdf.mapping import RunInfo
from tests.support import ROOT

RUN = RunInfo(
    run_id="test-run",
    version="0.1.0",
    model="en_core_web_sm 3.8.0",
    started="2026-01-01T00:00:00+00:00",
)


ACTIVITY = "https://w3id.org/conflict-kg/id/activity/"


def dataset(store: Any, drop_runs: bool = False) -> set[str]:
    """Every quad of the store but the ontology's, as N-Quads lines."""
    data = store.export_bytes("nquads").decode("utf-8")
    lines = {ln for ln in data.splitlines() if ln.strip()}
    if drop_runs:
        lines = {ln for ln in lines if ACTIVITY not in ln}
    return lines


def corpus_gen() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "bench" / "corpus_gen.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod
