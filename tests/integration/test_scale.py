"""Ingest at scale in this process, in worker processes and on a Dask cluster: the same
dataset as one document per transaction, and an interrupted run resumes without loss.

Every comparison is between whole datasets (N-Quads of every graph but the ontology), with
the run's ``prov:Activity`` fixed so that two runs give identical data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.ingestion.run import ingest
from kg.store import Store
from tests.scale import RUN, dataset


@pytest.mark.slow
def test_batched_ingest_equals_one_document_per_transaction(
    tmp_path: Path, scale_corpus: list[Path], scale_reference: set[str], extractor: Any
) -> None:
    with Store(tmp_path / "s") as st:
        report = ingest(st, scale_corpus, extractor=extractor, run=RUN, write_batch=7)
        assert report.documents == 24 and report.triples == len(scale_reference)
        assert dataset(st) == scale_reference
        # again: replaces, never duplicates
        ingest(st, scale_corpus, extractor=extractor, run=RUN, write_batch=50)
        assert dataset(st) == scale_reference


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_dataset(
    tmp_path: Path, scale_corpus: list[Path], scale_reference: set[str]
) -> None:
    with Store(tmp_path / "s") as st:
        report = ingest(st, scale_corpus, run=RUN, n_process=2, batch_size=4, write_batch=5)
        assert report.ok and report.documents == 24
        assert dataset(st) == scale_reference


@pytest.mark.slow
def test_an_interrupted_run_resumes_without_loss_or_duplicates(
    tmp_path: Path, scale_corpus: list[Path], scale_reference: set[str], extractor: Any
) -> None:
    seen: list[str] = []

    def stop_after_ten(x: Any) -> None:
        seen.append(x.article.id)
        if len(seen) == 10:
            raise KeyboardInterrupt

    with Store(tmp_path / "s") as st:
        with pytest.raises(KeyboardInterrupt):
            ingest(
                st,
                scale_corpus,
                extractor=extractor,
                run=RUN,
                write_batch=4,
                on_document=stop_after_ten,
            )
        # what was extracted before the interruption is stored, whole
        assert sorted(st.document_ids()) == sorted(seen)
        report = ingest(st, scale_corpus, extractor=extractor, run=RUN, resume=True, write_batch=4)
        assert report.skipped == 10 and report.documents == 14
        assert dataset(st) == scale_reference


@pytest.mark.slow
def test_dask_cluster_gives_the_single_process_dataset(
    tmp_path: Path, scale_corpus: list[Path], scale_reference: set[str]
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
        report = ingest(st, scale_corpus, cluster=client, run=RUN, batch_size=5, write_batch=6)
        assert report.ok and report.documents == 24
        assert dataset(st) == scale_reference
        assert len({w for w in client.nthreads()}) == 2
