"""Paths, the shared folder and helpers every test layer imports (``from tests.support import``).

Fixtures live in ``tests/conftest.py``; this module holds plain functions and constants so
that any test, fixture or helper script can import them without pytest's conftest magic.

The shared material (``../shared``: the seed article, the ISAF releases, the scorer, the W3C
manifests) sits beside every checkout and in CI. It is found, in this order, in the folder
named by ``$KG_SHARED``, by ``$KG_SHARED_DIR`` (the older name, still honoured by the
notebooks), or in ``../shared`` relative to the checkout. Tests that need it skip, saying
why, only when it is absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder: ``$KG_SHARED``, else ``$KG_SHARED_DIR``, else ``<checkout>/../shared``."""
    named = os.environ.get("KG_SHARED") or os.environ.get("KG_SHARED_DIR")
    return Path(named or ROOT.parent / "shared").resolve()


SHARED = shared_dir()
SEED_TXT = SHARED / "corpus" / "tolonews-daesh-suppressed.txt"
SEED_GOLD = SHARED / "gold" / "tolonews-daesh-suppressed.gold.json"
ISAF_JSONL = SHARED / "corpus" / "isaf-dev.jsonl"
ISAF_GOLD = SHARED / "gold" / "isaf-dev.gold.jsonl"
KGSCORE = SHARED / "eval" / "kgscore.py"
W3C_PROTOCOL = SHARED / "w3c" / "sparql11-protocol"
SAMPLE_CORPUS = ROOT / "examples" / "sample-corpus"
ONTOLOGY_DIR = ROOT / "ontology"
# the `kg` command of the environment running the tests (.venv/bin/kg under `make test`)
KG_BIN = Path(sys.executable).parent / "kg"


def require_shared(*paths: Path) -> None:
    """Skip the calling test or fixture when the shared folder (or one of ``paths``) is absent."""
    for p in (SHARED, *paths):
        if not p.exists():
            pytest.skip(
                f"{p} is absent: the shared corpus, gold and scorer live in ../shared beside "
                "the checkout (set KG_SHARED to use another folder)"
            )


def run_kg(*args: str | Path, timeout: float = 300, **kw: Any) -> subprocess.CompletedProcess[str]:
    """Run the real ``kg`` command in a subprocess (no stdin), capturing its output."""
    if not KG_BIN.exists():
        pytest.fail(f"{KG_BIN} not found: install the project with `make setup`")
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [str(KG_BIN), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=env,
        **kw,
    )


@contextmanager
def writer_lock_held(store: Path) -> Iterator[None]:
    """Another process holds ``store`` open for writing while the block runs."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); "
            "print('ready', flush=True); sys.stdin.read()",
            str(store),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.communicate(timeout=30)  # closing its stdin ends it


@dataclass(frozen=True)
class Ingested:
    """A store built once for the session: its folder and what the ingest reported."""

    path: Path
    report: Any  # kg.ingestion.run.IngestReport, or the CompletedProcess of `kg ingest`
