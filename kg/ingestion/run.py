"""Ingest: articles in, one named graph per document out, with a summary.

:func:`ingest` is the library function behind ``kg ingest``; it streams its inputs, extracts
in batches (spaCy's ``nlp.pipe`` with ``n_process``, or Dask workers with ``cluster``), and
writes the documents' graphs in batches of ``write_batch`` documents, one transaction per
batch, on a writer thread that overlaps with extraction. It reports bad input without
stopping.

Crash safety: a batch is written whole or not at all, and a document's graph is replaced,
never added to. So an interrupted run (Ctrl-C, a killed process, a power cut) leaves only
complete documents; ``resume=True`` skips them and extracts the rest, and re-running without
``resume`` rewrites everything without duplicating anything. On Ctrl-C (or any error) the
documents already extracted are written before the run stops.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg._version import __version__
from kg.ingestion.readers import InputProblem, InputWarning, read_path
from kg.rdf.iri import doc_iri
from kg.rdf.mapping import RunInfo
from kg.records import Article, Extraction
from kg.scale.document import DocumentGraph
from kg.store import Store

MAX_WARNINGS = 10_000  # warnings kept in the report (all are counted)
WRITE_BATCH = 256  # documents per transaction (about 80,000 triples of news reports)
WRITE_EVERY = 10.0  # seconds: a batch is written at least this often, even if not full
REOPEN_EVERY = 500_000  # triples written between two reopenings of the store
RESUME_CHUNK = 512  # ids checked against the store at once with resume


@dataclass
class IngestReport:
    """What an ingest did: counts and every problem, each naming its file and line."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    triples: int = 0
    actor_keys: set[str] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    warnings_total: int = 0

    @property
    def actors(self) -> int:
        """Distinct actors the run's documents mention (as ``kg stats`` counts them)."""
        return len(self.actor_keys)

    @property
    def places(self) -> int:
        """Distinct places the run's documents mention (as ``kg stats`` counts them)."""
        return len(self.place_keys)

    def note_warnings(self, warnings: list[str]) -> None:
        """Keep the first :data:`MAX_WARNINGS` warnings and count them all (flat memory)."""
        self.warnings_total += len(warnings)
        room = MAX_WARNINGS - len(self.warnings)
        if room > 0:
            self.warnings.extend(warnings[:room])

    @property
    def ok(self) -> bool:
        """``True`` when every input was read."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        """The counts and problems as plain data."""
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "events": self.events,
            "actors": self.actors,
            "places": self.places,
            "triples": self.triples,
            "errors": [str(p) for p in self.problems],
            "warnings": list(self.warnings),
        }


def iter_inputs(
    paths: Iterable[str | Path], **meta: Any
) -> Iterator[Article | InputProblem | InputWarning]:
    """Articles and problems from every path, in order, streamed."""
    for p in paths:
        yield from read_path(p, **meta)


class BatchWriter:
    """Writes batches of documents on a thread, one transaction per batch.

    At most ``depth`` batches wait in line (the extractor blocks when the writer falls
    behind), so memory stays flat however long the input. Oxigraph releases the GIL while it
    writes, so writing overlaps with extraction.
    """

    def __init__(self, store: Any, depth: int = 2) -> None:
        self.store = store
        self.triples = 0
        self.written = 0
        self.error: BaseException | None = None
        self._since_reopen = 0
        self._shared: set[int] = set()  # shared triples already counted
        self._q: queue.Queue[list[DocumentGraph] | None] = queue.Queue(maxsize=depth)
        self._thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._q.get()
            if batch is None:
                return
            if self.error is not None:
                continue  # drain: nothing more is written after a failure
            try:
                n = write_documents(self.store, batch, self._shared)
                self.triples += n
                self.written += len(batch)
                self._since_reopen += n
                reopen = getattr(self.store, "reopen", None)
                if reopen is not None and self._since_reopen >= REOPEN_EVERY:
                    reopen()  # keeps the writer's memory flat on long ingests
                    self._since_reopen = 0
            except BaseException as err:
                self.error = err

    def put(self, batch: list[DocumentGraph]) -> None:
        """Queue a batch (blocks while ``depth`` batches wait); raises a writer error."""
        if self.error is not None:
            raise self.error
        if batch:
            self._q.put(batch)

    def close(self) -> None:
        """Wait for every queued batch to be written; raise the writer's error, if any."""
        self._q.put(None)
        self._thread.join()
        if self.error is not None:
            raise self.error


def write_documents(store: Any, batch: list[DocumentGraph], seen: set[int] | None = None) -> int:
    """Write ``batch`` to ``store`` (one transaction where the store has batches); the
    number of triples it holds, each counted once: a shared triple (the authority's, the
    run's) counts the first time ``seen`` (hashes of those already counted) meets it."""
    many = getattr(store, "replace_documents", None)
    if many is not None:
        many([(d.doc_id, d.triples) for d in batch])
    else:
        for d in batch:
            store.replace_document(d.doc_id, d.triples)
    seen = set() if seen is None else seen
    n = 0
    for d in batch:
        own = str(doc_iri(d.doc_id))
        quads: Any = d.triples
        if isinstance(quads, bytes):
            quads = ox.parse(quads, ox.RdfFormat.N_QUADS)
        for q in set(quads):  # a graph is a set: a triple said twice is stored once
            if isinstance(q, ox.Quad) and str(getattr(q.graph_name, "value", own)) != own:
                h = hash(q)
                if h in seen:
                    continue
                seen.add(h)
            n += 1
    return n


def existing_ids(store: Any, ids: list[str]) -> set[str]:
    """Which of ``ids`` the store already holds (one query where the store allows it)."""
    many = getattr(store, "existing_documents", None)
    if many is not None:
        return set(many(ids))
    return {i for i in ids if store.has_document(i)}


def ingest(
    store: Store | Any,
    paths: Iterable[str | Path],
    *,
    extractor: Any = None,
    resume: bool = False,
    batch_size: int = 32,
    n_process: int = 1,
    write_batch: int = WRITE_BATCH,
    cluster: Any = None,
    run: RunInfo | None = None,
    on_document: Callable[[Extraction], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
    **meta: Any,
) -> IngestReport:
    """Read, extract and store every article under ``paths``; return a report.

    ``meta`` (``id``, ``title``, ``published``, ``source``, ``url``, ``lang``) applies to
    single ``.txt``/``.html`` files and fills gaps in JSONL records. With ``resume``, documents
    already in the store are skipped. Re-ingesting a document replaces its graph.

    ``batch_size`` goes to spaCy's ``nlp.pipe``; with ``n_process`` > 1, that many worker
    processes each run the whole extraction on chunks of ``batch_size`` articles
    (:mod:`kg.scale.pool`; ``extractor`` then only names the model). ``write_batch``
    documents are written per transaction. ``cluster`` (a ``dask.distributed`` scheduler
    address such as ``tcp://HOST:8786``, or a ``Client``) runs the extraction on the
    cluster's workers while this process writes. ``run`` fixes the ``prov:Activity`` of
    the run (a fresh one by default). ``on_document`` is called for each document as soon
    as it is extracted; it is written with its batch (at the latest ``WRITE_EVERY``
    seconds later).
    """
    report = IngestReport()
    if cluster is not None:
        from kg.scale.distributed import DaskExtraction

        source: Any = DaskExtraction(cluster, batch_size=batch_size)
        model = source.model_description()
    elif n_process > 1:
        from kg.scale.pool import ProcessExtraction

        source = ProcessExtraction(
            n_process, batch_size=batch_size, model=getattr(extractor, "model", None)
        )
        model = source.model_description()
    else:
        from kg.extract import Extractor

        source = extractor or Extractor()
        model = source.model_description
    run = run or RunInfo(run_id=uuid.uuid4().hex, version=__version__, model=model)
    store.install_ontology()

    def problem(p: InputProblem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    def warning(w: InputWarning) -> None:
        report.note_warnings([str(w)])
        if on_warning:
            on_warning(w)

    first_seen: dict[str, str] = {}  # id -> where it was first read in this run

    def unique(a: Article) -> bool:
        first = first_seen.setdefault(a.id, a.origin or a.id)
        if first == (a.origin or a.id):
            return True
        problem(
            InputProblem(
                a.origin or a.id,
                f"the id {a.id!r} was already used in this run (at {first}; ids are compared "
                "after Unicode NFC normalisation): the first article is kept and this one is "
                "not stored; give each article its own id",
            )
        )
        return False

    def articles() -> Iterator[Article]:
        items = iter_inputs(paths, **meta)
        while True:
            chunk = list(itertools.islice(items, RESUME_CHUNK if resume else 1))
            if not chunk:
                return
            good = [a for a in chunk if isinstance(a, Article) and unique(a)]
            have = existing_ids(store, [a.id for a in good]) if resume and good else set()
            keep = {id(a) for a in good}
            for item in chunk:
                if isinstance(item, InputProblem):
                    problem(item)
                elif isinstance(item, InputWarning):
                    warning(item)
                elif id(item) not in keep:
                    continue  # a duplicate id, reported
                elif item.id in have:
                    report.skipped += 1
                else:
                    yield item

    if cluster is not None or n_process > 1:
        graphs: Iterator[DocumentGraph] = source.graphs(
            articles(), run, keep_records=on_document is not None
        )
    else:
        graphs = (
            DocumentGraph.from_extraction(x, run, keep=on_document is not None)
            for x in source.pipe(articles(), batch_size=batch_size, n_process=n_process)
        )

    writer = BatchWriter(store)
    pending: list[DocumentGraph] = []
    since = time.monotonic()
    try:
        for d in graphs:
            if not pending:
                since = time.monotonic()
            pending.append(d)
            report.documents += 1
            report.events += d.events
            report.actor_keys.update(d.actors)
            report.place_keys.update(d.places)
            report.note_warnings(d.warnings)
            if on_document:
                on_document(d.extraction)  # type: ignore[arg-type]
                d.extraction = None
            if len(pending) >= max(1, write_batch) or time.monotonic() - since > WRITE_EVERY:
                writer.put(pending)
                pending = []
    finally:
        # normal end, Ctrl-C or an error: what was extracted is written before we stop
        try:
            close = getattr(graphs, "close", None)
            if close is not None:
                close()  # stops worker processes / the Dask client now, not at collection
            writer.put(pending)
        finally:
            writer.close()
            report.triples = writer.triples
            store.flush()
    return report
