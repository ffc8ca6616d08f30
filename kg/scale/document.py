"""One document's graph: the unit every extraction backend produces and the writer stores.

:func:`kg.ingestion.run.ingest` extracts in this process, in worker processes
(:mod:`kg.scale.pool`) or on a Dask cluster (:mod:`kg.scale.distributed`); each yields
:class:`DocumentGraph` objects that the batch writer puts into the store. It lives here,
below both, so that neither imports the other's module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import event_classes
from kg.rdf.mapping import RunInfo, document_quads
from kg.records import Extraction
from kg.store import quad_terms


@dataclass
class DocumentGraph:
    """One document ready to write: its id, its triples and what the report counts.

    Built from an :class:`~kg.records.Extraction` in this process, or returned by a Dask
    worker (:mod:`kg.scale.distributed`). ``triples`` are pyoxigraph quads (the document's
    graph, the authority and provenance graphs: :func:`kg.rdf.mapping.document_quads`), or
    (from workers) the same as N-Quads bytes.
    """

    doc_id: str
    triples: list[Any] | bytes
    events: int = 0
    actors: list[str] = field(default_factory=list)  # keys of the actors it mentions
    places: list[str] = field(default_factory=list)  # keys of the places it mentions
    warnings: list[str] = field(default_factory=list)
    extraction: Extraction | None = None

    @classmethod
    def from_extraction(
        cls, x: Extraction, run: RunInfo | None, keep: bool = False
    ) -> DocumentGraph:
        """The graph of ``x`` (the mapping of :mod:`kg.rdf.mapping`) and its counts."""
        mentioned = [e for e in x.entities.values() if e.mentions and e.named]
        place_types = event_classes.place_classes()

        def is_actor(t: str) -> bool:
            return event_classes.actor_is_a(t, "Actor")

        return cls(
            doc_id=x.article.id,
            triples=[
                ox.Quad(*quad_terms((s, p, o)), ox.NamedNode(str(g)))
                for s, p, o, g in document_quads(x, run)
            ],
            events=len(x.events),
            places=[e.key for e in mentioned if e.is_place or place_types & set(e.types)],
            actors=[
                e.key
                for e in mentioned
                if any(event_classes.actor_is_a(t, "Actor") for t in e.types)
            ],
            warnings=[f"{x.article.origin or x.article.id}: {w}" for w in x.warnings],
            extraction=x if keep else None,
        )
