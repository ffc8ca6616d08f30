"""Extraction records to RDF: a pure generator of triples, kept apart from the store.

Each document becomes one named graph (its IRI is the document's IRI) that holds the
document, the run that produced it, every event read from it, and the actors and places it
mentions together with what the gazetteer knows about them (labels, aliases, affiliations,
the places they lie in). Re-ingesting a document replaces that graph whole.

>>> from kg.records import Article, Extraction, EntityRecord, EventRecord, Span
>>> art = Article(id="d1", text="Police arrested two men in Kabul.", published="2024-01-02")
>>> x = Extraction(art)
>>> x.entities["kabul"] = EntityRecord("kabul", "Kabul", ("Settlement",), is_place=True,
...     mentions=[Span(26, 31, "Kabul")])
>>> x.events.append(EventRecord("e1", ("Arrest",), "arrest", roles={"location": ["kabul"]},
...     evidence=[Span(0, 33, art.text)]))
>>> triples = list(document_triples(x))
>>> (entity_iri("kabul"), RDF.type, CKG.Settlement) in triples
True
>>> (doc_iri("d1"), CKG.mentions, entity_iri("kabul")) in triples
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.event_classes import place_classes
from kg.rdf.iri import (
    AUTHORITY_GRAPH,
    PROVENANCE_GRAPH,
    activity_iri,
    agent_iri,
    doc_iri,
    entity_iri,
    event_iri,
    statement_iri,
)
from kg.records import DateValue, EntityRecord, EventRecord, Extraction, Quantity
from kg.vocab import CKG

OA = Namespace("http://www.w3.org/ns/oa#")
# two namespaces people both call "geo:": OGC GeoSPARQL (geometries as WKT) and the W3C Basic
# Geo vocabulary (plain lat/long); we write them geo: and wgs84: to keep them apart
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SF = Namespace("http://www.opengis.net/ont/sf#")
GEONAMES = "https://sws.geonames.org/"
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_DATE_BASIS = {
    "text": CKG.StatedDate,
    "dateline": CKG.DatelineDate,
    "reported": CKG.ReportedDate,
    "publication": CKG.PublicationDate,
}
_ROLE_PROPERTY = {
    "perpetrator": CKG.perpetrator,
    "agent": CKG.agent,
    "speaker": CKG.speaker,
    "target": CKG.target,
    "victim": CKG.victim,
    "location": CKG.location,
    "reportedBy": CKG.reportedBy,
    "attributedTo": CKG.attributedTo,
    "participant": CKG.participant,
    "claimedBy": CKG.claimedBy,
    "allegedPerpetrator": CKG.allegedPerpetrator,
    "suspectedPerpetrator": CKG.suspectedPerpetrator,
    "deniedBy": CKG.deniedBy,
}
_PRECISION = {1: CKG.ExactLocation, 2: CKG.ApproximateLocation, 3: CKG.RegionalLocation}
_LATIN = re.compile(r"[A-Za-z]")

_RELATION_PROPERTY = {
    "affiliateOf": CKG.affiliateOf,
    "memberOf": CKG.memberOf,
    "spokespersonOf": CKG.spokespersonOf,
    "basedIn": CKG.basedIn,
    "locatedIn": CKG.locatedIn,
    "partOf": CKG.partOf,
}


@dataclass(frozen=True)
class RunInfo:
    """The ingest run that produced a graph: a ``prov:Activity``."""

    run_id: str
    software: str = "conflict-kg"
    version: str = "0.0.0"
    model: str = ""
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


def term(local: str) -> URIRef:
    """The ontology term with local name ``local``; raises ``AttributeError`` if unknown.

    >>> term("SuicideBombing")
    rdflib.term.URIRef('https://w3id.org/conflict-kg/ontology#SuicideBombing')
    """
    return getattr(CKG, local)


def date_literal(date: DateValue) -> Literal:
    """The literal for a date, typed by its precision.

    >>> date_literal(DateValue("2022")).datatype == XSD.gYear
    True
    """
    return Literal(date.value, datatype=_DATATYPE[date.precision])


def _int(n: int) -> Literal:
    return Literal(int(n), datatype=XSD.integer)


def _quantity(s: URIRef, q: Quantity | None, best: URIRef, lo: URIRef | None, hi: URIRef | None):
    if q is None:
        return
    if q.best is not None:
        yield s, best, _int(q.best)
    if lo is not None and q.min is not None:
        yield s, lo, _int(q.min)
    if hi is not None and q.max is not None:
        yield s, hi, _int(q.max)


def text_literal(text: str, lang: str | None = None) -> Literal:
    """A label read from a document in ``lang`` (BCP 47): tagged with it when the document
    is not in English and the label holds no Latin letter (``"کابل"@fa``, an RDF 1.1
    language-tagged string); else plain, as English labels have always been.

    >>> text_literal("کابل", "fa").n3(), text_literal("Kabul", "fa").n3()
    ('"کابل"@fa', '"Kabul"')
    >>> text_literal("Kabul", "en").n3()
    '"Kabul"'
    """
    if lang and lang != "en" and not _LATIN.search(text):
        return Literal(text, lang=lang)
    return Literal(text)


def entity_triples(
    e: EntityRecord, known: dict[str, EntityRecord], lang: str | None = None
) -> Iterator[Triple]:
    """Type, labels, aliases, Wikidata link and relations of one entity; a label that the
    document named (not the gazetteer) is tagged with the document's language ``lang``."""
    s = entity_iri(e.key)
    for t in e.types:
        yield s, RDF.type, term(t)
    yield s, RDFS.label, text_literal(e.label, None if e.from_gazetteer else lang)
    for alias in sorted(e.aliases - {e.label}):
        if alias.strip():
            yield s, SKOS.altLabel, text_literal(alias, None if e.from_gazetteer else lang)
    if e.qid:
        yield s, SKOS.exactMatch, WD[e.qid]
    if e.is_place or place_classes() & set(e.types):
        yield from place_geometry(s, e)
    for prop, other in e.relations:
        if other in known:
            yield s, _RELATION_PROPERTY[prop], entity_iri(other)


def place_geometry(s: URIRef, e: EntityRecord) -> Iterator[Triple]:
    """A place's point twice: GeoSPARQL (``geo:hasGeometry``/``geo:asWKT``, WKT's
    longitude-latitude order, WGS84) and W3C Basic Geo ``wgs84:lat``/``wgs84:long`` (decimal
    degrees) for simple clients; its GeoNames id as ``skos:exactMatch``.

    >>> from kg.records import EntityRecord
    >>> e = EntityRecord("t", "Turbat", ("Settlement",), is_place=True, lat=26.00122,
    ...     lon=63.04849, geonameid=1163054)
    >>> sorted(str(o) for _s, _p, o in place_geometry(URIRef("urn:t"), e))[:3]
    ['26.00122', '63.04849', 'POINT(63.04849 26.00122)']
    """
    if e.geonameid:
        yield s, SKOS.exactMatch, URIRef(f"{GEONAMES}{e.geonameid}/")
    if e.lat is None or e.lon is None:
        return
    lat, lon = f"{e.lat:.5f}".rstrip("0").rstrip("."), f"{e.lon:.5f}".rstrip("0").rstrip(".")
    geom = URIRef(f"{s}/geometry")
    yield s, WGS84.lat, Literal(lat, datatype=XSD.decimal)
    yield s, WGS84.long, Literal(lon, datatype=XSD.decimal)
    yield s, GEO.hasGeometry, geom
    yield geom, RDF.type, SF.Point
    yield geom, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)


def event_triples(doc_id: str, doc: URIRef, ev: EventRecord, text_len: int) -> Iterator[Triple]:
    """Everything said about one event, with its evidence and provenance (the trigger and
    evidence stay plain ``xsd:string``, the range the ontology gives them)."""
    s = event_iri(doc_id, ev.key)
    for t in ev.types:
        yield s, RDF.type, term(t)
    yield s, RDFS.label, Literal(ev.label)
    yield s, PROV.wasDerivedFrom, doc
    yield s, CKG.confidence, Literal(f"{ev.confidence:.2f}", datatype=XSD.decimal)
    if ev.trigger:
        yield s, CKG.trigger, Literal(ev.trigger)
    for role, keys in ev.roles.items():
        for key in keys:
            yield s, _ROLE_PROPERTY[role], entity_iri(key)
    if ev.date is not None:
        yield s, CKG.date, date_literal(ev.date)
        yield s, CKG.dateBasis, _DATE_BASIS[ev.date.basis]
    if ev.geo_precision in _PRECISION and ev.roles.get("location"):
        yield s, CKG.locationPrecision, _PRECISION[ev.geo_precision]
    yield from _quantity(s, ev.fatalities, CKG.fatalities, CKG.fatalitiesMin, CKG.fatalitiesMax)
    yield from _quantity(s, ev.injured, CKG.injured, None, None)
    yield from _quantity(s, ev.arrested, CKG.arrested, None, None)
    for other in ev.about:
        yield s, CKG.about, event_iri(doc_id, other)
    if ev.part_of:
        yield s, CKG.partOf, event_iri(doc_id, ev.part_of)
    for i, span in enumerate(ev.evidence):
        yield s, CKG.evidence, Literal(span.text)
        sel = URIRef(f"{s}/evidence/{i}")
        yield s, CKG.evidenceSelector, sel
        yield sel, RDF.type, OA.TextPositionSelector
        yield sel, OA.start, _int(span.start)
        yield sel, OA.end, _int(span.end)
        yield sel, OA.exact, Literal(span.text)
        yield sel, CKG.inDocument, doc


def document_triples(x: Extraction, run: RunInfo | None = None) -> Iterator[Triple]:
    """All triples of one document's named graph.

    Entities the document mentions get ``ckg:mentions``; places and organisations they lie in
    or belong to are described (label and type) but not mentioned.
    """
    art = x.article
    doc = doc_iri(art.id)
    yield doc, RDF.type, CKG.Document
    yield doc, RDF.type, SCHEMA.NewsArticle
    yield doc, DCTERMS.identifier, Literal(art.id)
    if art.title:
        yield doc, DCTERMS.title, Literal(art.title)
    if art.source:
        yield doc, DCTERMS.publisher, Literal(art.source)
    if art.published:
        yield doc, DCTERMS.issued, date_literal(DateValue(art.published))
    if art.url:
        yield doc, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)
    if art.lang:
        yield doc, DCTERMS.language, Literal(art.lang)
    yield doc, CKG.characterCount, _int(len(art.text))
    if run is not None:
        yield from run_triples(doc, run)
    for e in x.entities.values():
        yield from entity_triples(e, x.entities, art.lang)
        if e.mentions and e.named:
            yield doc, CKG.mentions, entity_iri(e.key)
    for ev in x.events:
        yield from event_triples(art.id, doc, ev, len(art.text))
        if run is not None:
            yield event_iri(art.id, ev.key), PROV.wasGeneratedBy, activity_iri(run.run_id)


Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]


def _nt(t: Triple) -> str:
    return " ".join(x.n3() for x in t)


def document_quads(x: Extraction, run: RunInfo | None = None) -> Iterator[Quad]:
    """The document's triples split over the graphs they belong in, each triple in one:

    - the document's own graph: the document, what it mentions, its events and their
      evidence, the run that read it, and one ``<statement> prov:wasDerivedFrom <doc>``
      for each authority triple it supports;
    - :data:`~kg.rdf.iri.AUTHORITY_GRAPH`: the shared description of actors and places
      (each triple once, whichever documents say it, with its statement node:
      ``rdf:subject``/``rdf:predicate``/``rdf:object``);
    - :data:`~kg.rdf.iri.PROVENANCE_GRAPH`: the run (``prov:Activity``) and the software.

    Deleting a document removes the authority triples no other document supports
    (:meth:`kg.store.Store.remove_document`).

    >>> from kg.records import Article, EntityRecord, Span
    >>> x = Extraction(Article(id="d1", text="Kabul."))
    >>> x.entities["kabul"] = EntityRecord("kabul", "Kabul", ("Settlement",), is_place=True,
    ...     mentions=[Span(0, 5, "Kabul")])
    >>> quads = list(document_quads(x, RunInfo("r1")))
    >>> (entity_iri("kabul"), RDFS.label, Literal("Kabul"), AUTHORITY_GRAPH) in quads
    True
    >>> sum(1 for q in quads if q[:3] == (entity_iri("kabul"), RDFS.label, Literal("Kabul")))
    1
    """
    doc = doc_iri(x.article.id)
    shared: list[Triple] = []
    for e in x.entities.values():
        shared.extend(entity_triples(e, x.entities, x.article.lang))
    seen: set[Triple] = set()
    for t in shared:
        if t in seen:
            continue
        seen.add(t)
        st = statement_iri(_nt(t))
        yield t[0], t[1], t[2], AUTHORITY_GRAPH
        yield st, RDF.subject, t[0], AUTHORITY_GRAPH
        yield st, RDF.predicate, t[1], AUTHORITY_GRAPH
        yield st, RDF.object, t[2], AUTHORITY_GRAPH
        yield st, PROV.wasDerivedFrom, doc, doc
    if run is not None:
        for t in run_triples(doc, run):
            yield t[0], t[1], t[2], (doc if t[0] == doc else PROVENANCE_GRAPH)
    bare = Extraction(x.article, {}, x.events, x.warnings)
    for t in document_triples(bare, None):
        yield t[0], t[1], t[2], doc
    for e in x.entities.values():
        if e.mentions and e.named:
            yield doc, CKG.mentions, entity_iri(e.key), doc
    if run is not None:
        for ev in x.events:
            act = activity_iri(run.run_id)
            yield event_iri(x.article.id, ev.key), PROV.wasGeneratedBy, act, doc


def run_triples(doc: URIRef, run: RunInfo) -> Iterator[Triple]:
    """The ingest run as a ``prov:Activity`` naming the software version and the model."""
    act = activity_iri(run.run_id)
    soft = agent_iri(f"{run.software}/{run.version}")
    yield doc, PROV.wasGeneratedBy, act
    yield act, RDF.type, PROV.Activity
    yield act, RDF.type, CKG.ExtractionActivity
    yield act, PROV.startedAtTime, Literal(run.started, datatype=XSD.dateTime)
    yield act, PROV.wasAssociatedWith, soft
    yield act, CKG.model, Literal(run.model)
    yield soft, RDF.type, PROV.SoftwareAgent
    yield soft, RDFS.label, Literal(f"{run.software} {run.version}")
    yield soft, CKG.softwareVersion, Literal(run.version)
