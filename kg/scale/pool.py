"""Extraction in local worker processes, each running the whole pipeline on chunks.

``kg ingest -j N`` (``kg.ingest(..., n_process=N)``, N > 1) uses this instead of spaCy's own
``nlp.pipe(n_process=N)``: each worker process loads the model once, extracts a chunk of
``batch_size`` articles, maps the records to RDF and sends back N-Triples per document
(the task of :func:`kg.scale.distributed.extract_chunk`), so the parent only reads the
input and writes. spaCy's multiprocessing instead ships every annotated ``Doc`` back to
the parent (serialising it) and builds the records there, and it cannot serialise the
pipeline's event mentions (``Doc._.ckg_events``: error E871).

Results come back in input order; at most ``3 * n_process`` chunks of at most 16
articles are in flight, so memory stays flat. Workers are spawned (not forked): safe
with the writer's thread; they die with the parent, even a killed one
(:mod:`kg.lifeline`).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from kg.rdf.mapping import RunInfo
from kg.records import Article
from kg.scale.document import DocumentGraph


def _warm(model: str | None, parent_pid: int | None = None) -> None:
    """Worker initialiser: die with the parent (:mod:`kg.lifeline`), then load the
    pipeline before the first chunk arrives."""
    import os

    if parent_pid is not None:
        from kg.lifeline import die_with_parent

        die_with_parent(parent_pid)
    if model:
        os.environ["KG_SPACY_MODEL"] = model
    from kg.scale.distributed import _extractor

    _extractor()


CHUNK = 16  # articles per task at most
RECYCLE = 100  # tasks (up to 1,600 articles) before a worker is replaced: spaCy's memory
# grows slowly with every new string it sees; a fresh worker costs a model load (~2 s)


def _ready() -> bool:
    """A no-op task: returns once a worker has started (and loaded the model)."""
    return True


class ProcessExtraction:
    """Extraction on ``n_process`` local worker processes (see the module)."""

    def __init__(self, n_process: int, *, batch_size: int = 32, model: str | None = None) -> None:
        self.n_process = max(1, n_process)
        # small chunks keep every worker busy to the end (a chunk is extracted as one
        # nlp.pipe batch); the window keeps each worker two chunks ahead
        self.batch_size = max(1, min(batch_size, CHUNK))
        self.window = 3 * self.n_process
        self.pool = ProcessPoolExecutor(
            self.n_process,
            mp_context=mp.get_context("spawn"),
            initializer=_warm,
            initargs=(model, os.getpid()),
            max_tasks_per_child=RECYCLE,
        )
        # start every worker now, in parallel (the pool would start them one by one)
        for f in [self.pool.submit(_ready) for _ in range(self.n_process)]:
            f.result()

    def model_description(self) -> str:
        """The model name and version the workers run."""
        from kg.scale.distributed import worker_model_description

        return str(self.pool.submit(worker_model_description).result())

    def graphs(
        self, articles: Iterable[Article], run: RunInfo, *, keep_records: bool = False
    ) -> Iterator[DocumentGraph]:
        """The graphs of ``articles``, in input order."""
        from kg.scale.distributed import extract_chunk, in_order

        def submit(chunk: list[dict[str, Any]]) -> Future[Any]:
            return self.pool.submit(extract_chunk, chunk, run, self.batch_size, keep_records)

        try:
            yield from in_order(
                articles, submit, lambda fut: fut.result(), self.batch_size, self.window
            )
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
