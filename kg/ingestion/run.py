"""Ingest: articles in, one named graph per document out, with a summary.

:func:`ingest` is the library function behind ``kg ingest``; it streams its inputs, extracts
in batches, writes each document's graph atomically and reports bad input without stopping.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.ingestion.readers import InputProblem, read_path
from kg.rdf.mapping import RunInfo, document_triples
from kg.records import Article, Extraction
from kg.store import Store


@dataclass
class IngestReport:
    """What an ingest did: counts and every problem, each naming its file and line."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    actors: int = 0
    places: int = 0
    triples: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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


def iter_inputs(paths: Iterable[str | Path], **meta: Any) -> Iterator[Article | InputProblem]:
    """Articles and problems from every path, in order, streamed."""
    for p in paths:
        yield from read_path(p, **meta)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    extractor: Any = None,
    resume: bool = False,
    batch_size: int = 32,
    n_process: int = 1,
    on_document: Callable[[Extraction], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    **meta: Any,
) -> IngestReport:
    """Read, extract and store every article under ``paths``; return a report.

    ``meta`` (``id``, ``title``, ``published``, ``source``, ``url``, ``lang``) applies to
    single ``.txt``/``.html`` files and fills gaps in JSONL records. With ``resume``, documents
    already in the store are skipped. Re-ingesting a document replaces its graph.
    """
    from kg.extract import Extractor

    ex = extractor or Extractor()
    run = RunInfo(run_id=uuid.uuid4().hex, version=__version__, model=ex.model_description)
    report = IngestReport()
    store.install_ontology()

    def problem(p: InputProblem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    def articles() -> Iterator[Article]:
        for item in iter_inputs(paths, **meta):
            if isinstance(item, InputProblem):
                problem(item)
            elif resume and store.has_document(item.id):
                report.skipped += 1
            else:
                yield item

    for x in ex.pipe(articles(), batch_size=batch_size, n_process=n_process):
        report.triples += store.replace_document(x.article.id, document_triples(x, run))
        report.documents += 1
        report.events += len(x.events)
        mentioned = [e for e in x.entities.values() if e.mentions]
        report.places += sum(1 for e in mentioned if e.is_place)
        report.actors += sum(1 for e in mentioned if not e.is_place)
        report.warnings.extend(f"{x.article.origin or x.article.id}: {w}" for w in x.warnings)
        if on_document:
            on_document(x)
    store.flush()
    return report
