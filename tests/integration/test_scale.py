"""Ingest at scale: batched transactions, resume after an interruption, Dask, GSP servers.

Every comparison is between whole datasets (N-Quads of every graph but the ontology), with
the run's ``prov:Activity`` fixed so that two runs give identical data.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef

from kg.ingestion.run import ingest
from kg.rdf.mapping import RunInfo
from kg.store import Store
from tests.support import ROOT, SAMPLE_CORPUS

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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample corpus (8 documents) and 16 generated articles."""
    path = tmp_path_factory.mktemp("gen") / "gen.jsonl"
    corpus_gen().write_jsonl(path, 16, seed=3)
    return [SAMPLE_CORPUS, path]


@pytest.fixture(scope="module")
def reference(
    tmp_path_factory: pytest.TempPathFactory, corpus: list[Path], extractor: Any
) -> set[str]:
    """The corpus ingested in one process, one document per transaction."""
    with Store(tmp_path_factory.mktemp("ref") / "store") as st:
        report = ingest(st, corpus, extractor=extractor, run=RUN, write_batch=1)
        assert report.ok and report.documents == 24
        return dataset(st)


def triples(n: int, tag: str = "") -> list[tuple[URIRef, URIRef, Literal]]:
    return [
        (URIRef(f"http://x/s{i}"), URIRef("http://x/p"), Literal(f"{tag}{i}")) for i in range(n)
    ]


@pytest.mark.slow
def test_batched_ingest_equals_one_document_per_transaction(
    tmp_path: Path, corpus: list[Path], reference: set[str], extractor: Any
) -> None:
    with Store(tmp_path / "s") as st:
        report = ingest(st, corpus, extractor=extractor, run=RUN, write_batch=7)
        assert report.documents == 24 and report.triples == len(reference)
        assert dataset(st) == reference
        # again: replaces, never duplicates
        ingest(st, corpus, extractor=extractor, run=RUN, write_batch=50)
        assert dataset(st) == reference


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_dataset(
    tmp_path: Path, corpus: list[Path], reference: set[str]
) -> None:
    with Store(tmp_path / "s") as st:
        report = ingest(st, corpus, run=RUN, n_process=2, batch_size=4, write_batch=5)
        assert report.ok and report.documents == 24
        assert dataset(st) == reference


@pytest.mark.slow
def test_an_interrupted_run_resumes_without_loss_or_duplicates(
    tmp_path: Path, corpus: list[Path], reference: set[str], extractor: Any
) -> None:
    seen: list[str] = []

    def stop_after_ten(x: Any) -> None:
        seen.append(x.article.id)
        if len(seen) == 10:
            raise KeyboardInterrupt

    with Store(tmp_path / "s") as st:
        with pytest.raises(KeyboardInterrupt):
            ingest(
                st, corpus, extractor=extractor, run=RUN, write_batch=4, on_document=stop_after_ten
            )
        # what was extracted before the interruption is stored, whole
        assert sorted(st.document_ids()) == sorted(seen)
        report = ingest(st, corpus, extractor=extractor, run=RUN, resume=True, write_batch=4)
        assert report.skipped == 10 and report.documents == 14
        assert dataset(st) == reference


@pytest.mark.slow
def test_dask_cluster_gives_the_single_process_dataset(
    tmp_path: Path, corpus: list[Path], reference: set[str]
) -> None:
    from distributed import Client, LocalCluster

    # two single-threaded worker processes, each loading the model once
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
            memory_limit="1.5GiB",
        ) as cluster,
        Client(cluster) as client,
        Store(tmp_path / "s") as st,
    ):  # fmt: skip
        report = ingest(st, corpus, cluster=client, run=RUN, batch_size=5, write_batch=6)
        assert report.ok and report.documents == 24
        assert dataset(st) == reference
        assert len({w for w in client.nthreads()}) == 2
