"""Extraction on a Dask cluster; one writer (the calling process) commits the graphs.

``kg ingest --cluster tcp://HOST:8786 corpus/`` (or ``kg.ingest(store, paths,
cluster="tcp://HOST:8786")``) sends the articles in chunks of ``batch_size`` to the
cluster's workers. Each worker loads the spaCy pipeline once, extracts, maps the records to
RDF (with the run's ``prov:Activity``, fixed by the client) and sends back N-Quads per
document; the client writes them in batches, one transaction each, like a local ingest.
Results are committed in input order, so a document id given twice keeps its last
version, as in a local run. At most ``window`` chunks are in flight: memory stays flat.

Every worker needs conflict-kg and the spaCy model installed (the same versions as the
client). Start a cluster with ``dask scheduler`` and, on each machine, ``dask worker
tcp://HOST:8786 --nworkers N --nthreads 1`` (one single-threaded worker per core).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from typing import Any, cast

from kg.errors import KGError
from kg.rdf.mapping import RunInfo
from kg.records import Article, Extraction
from kg.scale.document import DocumentGraph

_local = threading.local()


def _extractor() -> Any:
    """The worker's Extractor, loaded once per worker thread (spaCy is not thread-safe)."""
    ex = getattr(_local, "extractor", None)
    if ex is None:
        from kg.extract import Extractor

        ex = _local.extractor = Extractor()
        ex.nlp  # noqa: B018  (load now)
    return ex


def worker_model_description() -> str:
    """The model a worker runs, for the run's provenance (a task)."""
    return str(_extractor().model_description)


def extract_chunk(
    articles: list[dict[str, Any]], run: RunInfo, batch_size: int, keep_records: bool
) -> list[dict[str, Any]]:
    """A task: extract ``articles`` (as dicts) and return each document's graph.

    Each result holds the document id, its graph as N-Quads bytes, the report's counts,
    the warnings and, with ``keep_records``, the extraction record (``Extraction.to_json``).
    """
    out = []
    for x in _extractor().pipe((Article(**a) for a in articles), batch_size=batch_size):
        g = DocumentGraph.from_extraction(x, run)
        quads = set(cast(list[Any], g.triples))
        out.append(
            {
                "doc_id": g.doc_id,
                "nquads": "".join(f"{q} .\n" for q in quads).encode("utf-8"),
                "events": g.events,
                "actors": g.actors,
                "places": g.places,
                "warnings": g.warnings,
                "record": x.to_json() if keep_records else None,
            }
        )
    return out


def _graph(res: dict[str, Any]) -> DocumentGraph:
    rec = res.get("record")
    return DocumentGraph(
        doc_id=res["doc_id"],
        triples=res["nquads"],  # bytes: loaded as they are by the writer's thread
        events=res["events"],
        actors=res["actors"],
        places=res["places"],
        warnings=list(res["warnings"]),
        extraction=Extraction.from_json(rec) if rec else None,
    )


def in_order(
    articles: Iterable[Article],
    submit: Callable[[list[dict[str, Any]]], Any],
    collect: Callable[[Any], list[dict[str, Any]]],
    batch_size: int,
    window: int,
) -> Iterator[DocumentGraph]:
    """Chunks of ``batch_size`` articles handed to ``submit`` (at most ``window`` in flight),
    their results read back with ``collect`` in input order; unfinished work is cancelled when
    the caller stops early."""
    inflight: deque[Any] = deque()
    it = iter(articles)
    try:
        while True:
            while len(inflight) < window:
                chunk = [asdict(a) for _, a in zip(range(batch_size), it, strict=False)]
                if not chunk:
                    break
                inflight.append(submit(chunk))
            if not inflight:
                return
            for res in collect(inflight.popleft()):
                yield _graph(res)
    finally:
        for fut in inflight:
            fut.cancel()


class DaskExtraction:
    """Extraction on a ``dask.distributed`` cluster, streamed back in input order.

    Parameters
    ----------
    cluster:
        A scheduler address (``tcp://HOST:8786``) or a ``distributed.Client``.
    batch_size:
        Articles per task (and spaCy's ``nlp.pipe`` batch on the worker).
    window:
        Tasks in flight at most; default twice the number of worker threads, at least 4.
    """

    def __init__(self, cluster: Any, *, batch_size: int = 32, window: int | None = None) -> None:
        from distributed import Client

        if isinstance(cluster, Client):
            self.client, self._own = cluster, False
        else:
            try:
                self.client, self._own = Client(str(cluster), timeout="30s"), True
            except (OSError, TimeoutError) as err:
                raise KGError(
                    f"cannot reach the Dask scheduler at {cluster} ({err}): start it with "
                    "`dask scheduler` and its workers with `dask worker ADDRESS`"
                ) from err
        self.batch_size = max(1, batch_size)
        threads = sum(self.client.nthreads().values()) or 1
        self.window = window or max(4, 2 * threads)

    def model_description(self) -> str:
        """The model name and version the workers run."""
        return str(self.client.submit(worker_model_description, pure=False).result())

    def graphs(
        self, articles: Iterable[Article], run: RunInfo, *, keep_records: bool = False
    ) -> Iterator[DocumentGraph]:
        """The graphs of ``articles``, in input order, extracted by the workers."""

        def submit(chunk: list[dict[str, Any]]) -> Any:
            return self.client.submit(
                extract_chunk, chunk, run, self.batch_size, keep_records, pure=False
            )

        def collect(fut: Any) -> list[dict[str, Any]]:
            results = cast(list[dict[str, Any]], fut.result())
            fut.release()
            return results

        try:
            yield from in_order(articles, submit, collect, self.batch_size, self.window)
        finally:
            if self._own:
                self.client.close()


__all__ = ["DaskExtraction", "extract_chunk"]
