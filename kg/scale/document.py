"""One document's graph: the unit every extraction backend produces and the writer stores.

:func:`kg.ingestion.run.ingest` extracts in this process, in worker processes
(:mod:`kg.scale.pool`) or on a Dask cluster (:mod:`kg.scale.distributed`); each yields
:class:`DocumentGraph` objects that the batch writer puts into the store. It lives here,
below both, so that neither imports the other's module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.rdf.mapping import RunInfo, document_triples
from kg.records import Extraction
from kg.store import quad_terms


@dataclass
class DocumentGraph:
    """One document ready to write: its id, its triples and what the report counts.

    Built from an :class:`~kg.records.Extraction` in this process, or returned by a Dask
    worker (:mod:`kg.scale.distributed`). ``triples`` are pyoxigraph terms, or (from
    workers) the document's N-Quads as bytes.
    """

    doc_id: str
    triples: list[Any] | bytes
    events: int = 0
    actors: int = 0
    places: int = 0
    warnings: list[str] = field(default_factory=list)
    extraction: Extraction | None = None

    @classmethod
    def from_extraction(
        cls, x: Extraction, run: RunInfo | None, keep: bool = False
    ) -> DocumentGraph:
        """The graph of ``x`` (the mapping of :mod:`kg.rdf.mapping`) and its counts."""
        mentioned = [e for e in x.entities.values() if e.mentions]
        return cls(
            doc_id=x.article.id,
            triples=[quad_terms(t) for t in document_triples(x, run)],
            events=len(x.events),
            places=sum(1 for e in mentioned if e.is_place),
            actors=sum(1 for e in mentioned if not e.is_place),
            warnings=[f"{x.article.origin or x.article.id}: {w}" for w in x.warnings],
            extraction=x if keep else None,
        )
