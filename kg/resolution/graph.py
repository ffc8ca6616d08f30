"""Clusters of reports to the triples of the resolution graph.

One :class:`Resolved` per cluster: consolidated values computed from its reports
(:func:`consolidate`), and :func:`resolved_triples` writes it with ``owl:sameAs`` from each
report, the match decisions that joined it, and its history (created, modified, retired).

>>> from kg.resolution.reports import Report, days
>>> a = Report("urn:a", "urn:d1", "SuicideBombing", source="Outlet A", day=days("2024-01-03"),
...            fatalities=12)
>>> b = Report("urn:b", "urn:d2", "Bombing", source="Outlet B", day=days("2024-01-03"),
...            fatalities=15, fatalities_min=14)
>>> r = consolidate("urn:x", [a, b])
>>> r.fatalities, r.status, r.sources, r.cls
((12, 12, 15), 'corroborated', 2, 'SuicideBombing')
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg import event_classes
from kg.resolution.model import Pair
from kg.resolution.reports import Report, iso_day
from kg.vocab import CKG, ID_BASE

RESOLUTION_GRAPH = URIRef(f"{ID_BASE}graph/resolution")
RESOLVED_BASE = f"{ID_BASE}incident/"
STATUS = {
    "single source": CKG.SingleSource,
    "corroborated": CKG.Corroborated,
    "contested": CKG.Contested,
}


@dataclass
class Resolved:
    """One resolved event: its IRI, reports and consolidated values.

    ``fatalities`` is ``(best, low, high)`` in deaths or ``None``; ``status`` is ``single
    source``, ``corroborated`` or ``contested`` (``contested_on`` says why).
    """

    iri: str
    reports: list[Report]
    cls: str
    day: str | None
    place: str | None
    fatalities: tuple[int, int, int] | None
    injured: int | None
    sources: int
    status: str
    contested_on: list[str] = field(default_factory=list)
    label: str = ""

    def digest(self) -> str:
        """A fingerprint of what the resolved event says (its reports and values): it
        changes exactly when the event changes (the change feed reads it)."""
        data = [
            sorted(r.iri for r in self.reports),
            self.cls,
            self.day,
            self.place,
            self.fatalities,
            self.injured,
            self.sources,
            self.status,
        ]
        return hashlib.sha1(json.dumps(data).encode()).hexdigest()[:16]


def _lower_median(values: list[int]) -> int:
    v = sorted(values)
    return v[(len(v) - 1) // 2]


def _contested_perpetrators(reports: list[Report]) -> bool:
    named = [r.stated_actors for r in reports if r.stated_actors]
    return any(not (a & b) for i, a in enumerate(named) for b in named[i + 1 :])


def consolidate(iri: str, reports: list[Report]) -> Resolved:
    """The resolved event of ``reports`` (one cluster), with consolidated values."""
    classes = Counter(r.cls for r in reports)
    cls = max(classes, key=lambda c: (classes[c], event_classes.get(c).depth, c))
    stated = Counter(r.day for r in reports if r.day is not None)
    if stated:
        day_n: int | None = max(stated, key=lambda d: (stated[d], -d))
    else:
        pubs = [r.published for r in reports if r.published is not None]
        day_n = min(pubs) if pubs else None
    places = Counter(r.place for r in reports if r.place)
    place = max(places, key=lambda p: (places[p], p)) if places else None
    bests = [r.fatalities for r in reports if r.fatalities is not None]
    bounds = [b for r in reports if (b := r.fatality_bounds()) is not None]
    fat = None
    if bounds:
        best = _lower_median(bests) if bests else min(lo for lo, _ in bounds)
        fat = (best, min(lo for lo, _ in bounds), max(hi for _, hi in bounds))
    inj = [r.injured for r in reports if r.injured is not None]
    sources = len({r.source or r.doc for r in reports})
    contested = []
    if _contested_perpetrators(reports):
        contested.append("perpetrator")
    if len(bounds) > 1:
        low_high = min(hi for _, hi in bounds)
        high_low = max(lo for lo, _ in bounds)
        if high_low > 2 * low_high and high_low - low_high >= 3:
            contested.append("fatalities")
    status = "contested" if contested else ("corroborated" if sources > 1 else "single source")
    day = iso_day(day_n) if day_n is not None else None
    label = event_classes.get(cls).label
    return Resolved(
        iri,
        sorted(reports, key=lambda r: r.iri),
        cls,
        day,
        place,
        fat,
        _lower_median(inj) if inj else None,
        sources,
        status,
        contested,
        f"{label} {day or ''} ({len(reports)} report{'s' if len(reports) > 1 else ''})".replace(
            "  ", " "
        ),
    )


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _double(x: float) -> Literal:
    return Literal(f"{x:.6g}", datatype=XSD.double)


def decision_iri(p: Pair) -> URIRef:
    """The IRI of the match decision of a pair of reports."""
    h = hashlib.sha1(f"{p.left} {p.right}".encode()).hexdigest()[:16]
    return URIRef(f"{ID_BASE}match/{h}")


def decision_triples(p: Pair, outcome: URIRef) -> Iterator[tuple[Any, Any, Any]]:
    """A match decision with its features (each a node of its own)."""
    s = decision_iri(p)
    yield s, RDF.type, CKG.MatchDecision
    yield s, CKG.comparedReport, URIRef(p.left)
    yield s, CKG.comparedReport, URIRef(p.right)
    yield s, CKG.matchWeight, _double(p.weight)
    yield s, CKG.matchProbability, _double(p.probability)
    yield s, CKG.outcome, outcome
    for name, level, bits in p.features:
        f = URIRef(f"{s}/{name}")
        yield s, CKG.featureComparison, f
        yield f, RDF.type, CKG.FeatureComparison
        yield f, CKG.feature, Literal(name)
        yield f, CKG.level, Literal(level)
        yield f, CKG.matchWeight, _double(bits)


def resolved_triples(
    r: Resolved, created: str, modified: str, links: list[Pair]
) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of one resolved event: values, reports, history and decisions."""
    s = URIRef(r.iri)
    yield s, RDF.type, CKG.ResolvedEvent
    yield s, RDFS.label, Literal(r.label)
    yield s, CKG.eventClass, URIRef(event_classes.get(r.cls).iri)
    if r.day:
        yield s, CKG.resolvedDate, Literal(r.day, datatype=XSD.date)
    if r.place:
        yield s, CKG.resolvedLocation, URIRef(r.place)
    if r.fatalities is not None:
        best, low, high = r.fatalities
        yield s, CKG.fatalitiesBest, _int(best)
        yield s, CKG.fatalitiesLow, _int(low)
        yield s, CKG.fatalitiesHigh, _int(high)
    yield s, CKG.reportCount, _int(len(r.reports))
    yield s, CKG.sourceCount, _int(r.sources)
    yield s, CKG.resolutionStatus, STATUS[r.status]
    for why in r.contested_on:
        yield s, CKG.contestedOn, Literal(why)
    yield s, DCTERMS.created, Literal(created, datatype=XSD.dateTime)
    yield s, DCTERMS.modified, Literal(modified, datatype=XSD.dateTime)
    yield s, CKG.digest, Literal(r.digest())
    for rep in r.reports:
        e = URIRef(rep.iri)
        yield s, CKG.report, e
        yield s, PROV.wasDerivedFrom, e
        yield e, OWL.sameAs, s
    for p in links:
        yield s, CKG.matchDecision, decision_iri(p)
        yield from decision_triples(p, CKG.Linked)


def retired_triples(
    iri: str, created: str, retired: str, successor: str | None
) -> Iterator[tuple[Any, Any, Any]]:
    """A retired resolved event: when, and the event that took its reports (a merge)."""
    s = URIRef(iri)
    yield s, RDF.type, CKG.ResolvedEvent
    yield s, DCTERMS.created, Literal(created, datatype=XSD.dateTime)
    yield s, CKG.retired, Literal(retired, datatype=XSD.dateTime)
    if successor is not None:
        yield s, DCTERMS.isReplacedBy, URIRef(successor)
        yield s, OWL.sameAs, URIRef(successor)
