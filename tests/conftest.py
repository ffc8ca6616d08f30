"""Session fixtures: the spaCy model loaded once, and stores ingested once and shared.

The shared material (``../shared``: the seed article, the ISAF releases, the scorer) sits
beside every checkout and in CI; tests that need it skip, saying why, only when it is absent.
Stores are real on-disk Oxigraph stores under pytest's temporary folder; fixtures hand out
their paths with the store closed, so any test (or ``kg`` subprocess) may open them.
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
SHARED = Path(os.environ.get("KG_SHARED_DIR") or ROOT.parent / "shared").resolve()
SEED_TXT = SHARED / "corpus" / "tolonews-daesh-suppressed.txt"
SEED_GOLD = SHARED / "gold" / "tolonews-daesh-suppressed.gold.json"
ISAF_JSONL = SHARED / "corpus" / "isaf-dev.jsonl"
ISAF_GOLD = SHARED / "gold" / "isaf-dev.gold.jsonl"
KGSCORE = SHARED / "eval" / "kgscore.py"
SAMPLE_CORPUS = ROOT / "examples" / "sample-corpus"
ONTOLOGY_DIR = ROOT / "ontology"
# the `kg` command of the environment running the tests (.venv/bin/kg under `make test`)
KG_BIN = Path(sys.executable).parent / "kg"


def require_shared(*paths: Path) -> None:
    """Skip the calling test or fixture when ``../shared`` (or one of ``paths``) is absent."""
    for p in (SHARED, *paths):
        if not p.exists():
            pytest.skip(
                f"{p} is absent: the shared corpus, gold and scorer live in ../shared beside "
                "the checkout (set KG_SHARED_DIR to use another folder)"
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


@pytest.fixture(scope="session")
def extractor() -> Any:
    """One :class:`kg.extract.Extractor` for the session, its spaCy model loaded."""
    from kg.extract import Extractor

    ex = Extractor()
    ex.nlp  # noqa: B018  (load the model now, once)
    return ex


def _ingest_once(path: Path, inputs: list[Path], extractor: Any) -> Ingested:
    import kg
    from kg.store import Store

    with Store(path) as st:
        report = kg.ingest(st, inputs, extractor=extractor)
    assert report.ok, report.problems
    return Ingested(path, report)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Ingested:
    """The seed article (with its ``.json`` metadata) ingested once."""
    require_shared(SEED_TXT)
    return _ingest_once(tmp_path_factory.mktemp("seed") / "store", [SEED_TXT], extractor)


@pytest.fixture(scope="session")
def isaf_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Ingested:
    """The 200 ISAF press releases ingested once."""
    require_shared(ISAF_JSONL)
    return _ingest_once(tmp_path_factory.mktemp("isaf") / "store", [ISAF_JSONL], extractor)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """The bundled sample corpus ingested once by the real ``kg`` command, as `make demo` does."""
    path = tmp_path_factory.mktemp("sample") / "store"
    proc = run_kg("--store", path, "ingest", SAMPLE_CORPUS)
    return Ingested(path, proc)


@pytest.fixture
def open_read_only() -> Iterator[Any]:
    """Open stores read-only for one test and close them afterwards."""
    from kg.store import Store

    opened: list[Store] = []

    def _open(path: Path) -> Store:
        st = Store(path, read_only=True)
        opened.append(st)
        return st

    yield _open
    for st in opened:
        st.close()
