"""The SHACL shapes: a good graph conforms, each kind of bad graph is reported by the shape
meant for it, and the shapes' class lists follow the ontology."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg.ontology import ontology_dir, ontology_graph

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
CKGSH = Namespace("https://w3id.org/conflict-kg/shapes#")
ID = Namespace("https://w3id.org/conflict-kg/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
# plain namespaces: pytest probes module attributes, which rdflib's closed namespaces warn about
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

GOOD = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .

id:doc a ckg:Document , schema:NewsArticle ; dcterms:identifier "d1" ; dcterms:title "Blasts" ;
    dcterms:issued "2024-01-06"^^xsd:date ; dcterms:publisher "TOLOnews" ;
    dcterms:language "en" ; ckg:characterCount 400 ;
    prov:wasGeneratedBy id:run ;
    ckg:mentions id:isis , id:isis-k , id:kerman , id:united-states , id:reuters .
id:run a prov:Activity , ckg:ExtractionActivity ;
    prov:startedAtTime "2024-02-01T10:00:00+00:00"^^xsd:dateTime ; ckg:model "" ;
    prov:wasAssociatedWith id:software .
id:software a prov:SoftwareAgent ; rdfs:label "conflict-kg 0.1.0" ; ckg:softwareVersion "0.1.0" .

id:iran a ckg:Country , ckg:State ; rdfs:label "Iran" ; skos:altLabel "ایران" ;
    skos:exactMatch wd:Q794 .
id:kerman a ckg:Settlement ; rdfs:label "Kerman" ; ckg:locatedIn id:iran .
id:isis a ckg:ArmedGroup ; rdfs:label "Islamic State" ; skos:altLabel "ISIS" , "Daesh" .
id:isis-k a ckg:ArmedGroup ; rdfs:label "ISIS-K" ; ckg:affiliateOf id:isis .
id:united-states a ckg:Country , ckg:State ; rdfs:label "United States" .
id:reuters a ckg:MediaOutlet ; rdfs:label "Reuters" .
id:mujahid a ckg:Person ; rdfs:label "Zabihullah Mujahid" .

id:e1 a ckg:SuicideBombing ; rdfs:label "Kerman bombings" ; prov:wasDerivedFrom id:doc ;
    prov:wasGeneratedBy id:run ; ckg:confidence 0.9 ; ckg:trigger "blasts" ;
    ckg:evidence "Two blasts killed nearly 100 people." ; ckg:evidenceSelector id:e1-sel ;
    ckg:date "2024-01-03"^^xsd:date ; ckg:location id:kerman ;
    ckg:locationPrecision ckg:ExactLocation ; ckg:modality ckg:Asserted ;
    ckg:fatalities 95 ; ckg:fatalitiesMin 90 ; ckg:fatalitiesMax 100 ; ckg:injured 0 ;
    ckg:perpetrator id:isis-k , id:isis .
id:e1-sel a oa:TextPositionSelector ; oa:start 10 ; oa:end 46 ;
    oa:exact "Two blasts killed nearly 100 people." ; ckg:inDocument id:doc .
id:e2 a ckg:ClaimOfResponsibility ; rdfs:label "IS claims the bombings" ;
    prov:wasDerivedFrom id:doc ; ckg:evidence "Islamic State claimed responsibility." ;
    ckg:speaker id:isis ; ckg:about id:e1 ; ckg:date "2024-01"^^xsd:gYearMonth .
id:e3 a ckg:Attribution ; rdfs:label "US blames ISIS-K" ; prov:wasDerivedFrom id:doc ;
    ckg:evidence "US officials said ISIS-K was behind it." ; ckg:agent id:united-states ;
    ckg:attributedTo id:isis-k ; ckg:about id:e1 ; ckg:reportedBy id:reuters .
id:e4 a ckg:Attack ; rdfs:label "2022 shrine attack" ; prov:wasDerivedFrom id:doc ;
    ckg:evidence "A 2022 attack on a shrine killed 15." ; ckg:date "2022"^^xsd:gYear ;
    ckg:fatalities 15 ; ckg:location id:iran ; ckg:locationPrecision ckg:RegionalLocation .
id:e5 a ckg:Attack ; rdfs:label "unknown toll" ; prov:wasDerivedFrom id:doc ;
    ckg:evidence "Casualties were reported." ; ckg:fatalitiesUnknown true ; ckg:fatalitiesMin 1 .
id:e6 a ckg:DeclinedToComment ; rdfs:label "no comment" ; prov:wasDerivedFrom id:doc ;
    ckg:evidence "He declined to comment." ; ckg:speaker id:mujahid .
"""


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def good() -> Graph:
    return Graph().parse(data=GOOD, format="turtle")


def report(data: Graph, shapes: Graph, **kw) -> tuple[bool, set[URIRef], str]:
    conforms, results, text = validate(data, shacl_graph=shapes, **kw)
    sources = set(results.objects(None, SH.sourceShape))
    return conforms, sources, text


def test_good_graph_conforms(shapes: Graph) -> None:
    conforms, _, text = report(good(), shapes)
    assert conforms, text


def test_good_graph_conforms_with_the_ontology_and_rdfs_inference(shapes: Graph) -> None:
    conforms, _, text = report(good(), shapes, ont_graph=ontology_graph(), inference="rdfs")
    assert conforms, text


def test_graph_written_by_the_rdf_mapping_conforms(shapes: Graph) -> None:
    from kg.rdf.mapping import RunInfo, document_triples
    from kg.records import Article, DateValue, EntityRecord, EventRecord, Extraction, Quantity, Span

    text = "Two blasts killed nearly 100 people in Kerman. Islamic State claimed responsibility."
    art = Article(id="d 1", text=text, title="Blasts", published="2024-01-06", source="X")
    x = Extraction(art)
    x.entities["kerman"] = EntityRecord(
        "kerman", "Kerman", ("Settlement",), is_place=True, mentions=[Span(39, 45, "Kerman")]
    )
    x.entities["isis"] = EntityRecord(
        "isis", "Islamic State", ("ArmedGroup",), aliases={"ISIS"}, qid="Q2429253",
        mentions=[Span(47, 60, "Islamic State")],
    )  # fmt: skip
    x.events.append(
        EventRecord(
            "e1", ("SuicideBombing",), "Kerman bombings", trigger="blasts",
            roles={"location": ["kerman"]}, date=DateValue("2024-01"),
            fatalities=Quantity(best=95, min=90, max=100), evidence=[Span(0, 46, text[:46])],
        )
    )  # fmt: skip
    x.events.append(
        EventRecord(
            "e2", ("ClaimOfResponsibility",), "IS claim", roles={"speaker": ["isis"]},
            about=["e1"], evidence=[Span(47, len(text), text[47:])],
        )
    )  # fmt: skip
    g = Graph()
    for triple in document_triples(x, RunInfo("run-1", model="test")):
        g.add(triple)
    conforms, _, report_text = report(g, shapes)
    assert conforms, report_text


# ---------------------------------------------------------------- bad graphs


def without(g: Graph, s, p) -> Graph:
    g.remove((s, p, None))
    return g


def put(g: Graph, s, p, o) -> Graph:
    g.set((s, p, o))
    return g


def plus(g: Graph, *triples) -> Graph:
    for t in triples:
        g.add(t)
    return g


INT = XSD.integer
BAD = {
    "negative count": (
        lambda g: put(g, ID.e4, CKG.fatalities, Literal(-3, datatype=INT)),
        {CKGSH["Event-fatalities"]},
    ),
    "negative injured": (
        lambda g: put(g, ID.e1, CKG.injured, Literal(-1, datatype=INT)),
        {CKGSH["Event-injured"]},
    ),
    "count not an integer": (
        lambda g: put(g, ID.e4, CKG.fatalities, Literal("15")),
        {CKGSH["Event-fatalities"]},
    ),
    "event without source": (
        lambda g: without(g, ID.e2, PROV.wasDerivedFrom),
        {CKGSH["Event-source"]},
    ),
    "event derived from a non-document": (
        lambda g: put(g, ID.e3, PROV.wasDerivedFrom, ID.reuters),
        {CKGSH["Event-source"]},
    ),
    "event without evidence": (
        lambda g: without(g, ID.e4, CKG.evidence),
        {CKGSH["Event-evidence"]},
    ),
    "two best fatality counts": (
        lambda g: plus(g, (ID.e4, CKG.fatalities, Literal(16, datatype=INT))),
        {CKGSH["Event-fatalities"]},
    ),
    "minimum above best": (
        lambda g: put(g, ID.e1, CKG.fatalitiesMin, Literal(99, datatype=INT)),
        {CKGSH["Event-minNotAboveBest"]},
    ),
    "best above maximum": (
        lambda g: put(g, ID.e1, CKG.fatalitiesMax, Literal(94, datatype=INT)),
        {CKGSH["Event-bestNotAboveMax"]},
    ),
    "unknown toll with a number": (
        lambda g: plus(g, (ID.e5, CKG.fatalities, Literal(3, datatype=INT))),
        {CKGSH.FatalitiesUnknownShape},
    ),
    "statement without speaker": (
        lambda g: without(g, ID.e2, CKG.speaker),
        {CKGSH.StatementShape},
    ),
    "attribution naming no one": (
        lambda g: put(
            without(put(g, ID.e2, RDF.type, CKG.Attribution), ID.e2, CKG.speaker),
            ID.e2,
            CKG.about,
            ID.e1,
        ),
        {CKGSH["Attribution-attributedTo"]},
    ),
    "empty label": (
        lambda g: put(g, ID.e4, RDFS.label, Literal("")),
        {CKGSH["Label-nonEmpty"]},
    ),
    "blank alias": (
        lambda g: plus(g, (ID.isis, SKOS.altLabel, Literal("  "))),
        {CKGSH["Label-nonEmpty"]},
    ),
    "actor without label": (
        lambda g: without(g, ID.reuters, RDFS.label),
        {CKGSH["Entity-label"]},
    ),
    "date as a plain string": (
        lambda g: put(g, ID.e1, CKG.date, Literal("2024-01-03")),
        {CKGSH["Event-date"]},
    ),
    "date with a datetime datatype": (
        lambda g: put(g, ID.e1, CKG.date, Literal("2024-01-03T00:00:00", datatype=XSD.dateTime)),
        {CKGSH["Event-date"]},
    ),
    "ill-formed date": (
        lambda g: put(g, ID.e1, CKG.date, Literal("2024-13-45", datatype=XSD.date)),
        {CKGSH["Event-date"]},
    ),
    "event typed outside the ontology": (
        lambda g: plus(
            without(g, ID.e4, RDF.type), (ID.e4, RDF.type, URIRef("https://schema.org/Event"))
        ),
        {CKGSH["Event-type"]},
    ),
    "actor used as an event": (
        lambda g: plus(g, (ID.reuters, CKG.evidence, Literal("Reuters reported it."))),
        {CKGSH["Event-type"], CKGSH["Event-source"]},
    ),
    "confidence out of range": (
        lambda g: put(g, ID.e1, CKG.confidence, Literal("1.5", datatype=XSD.decimal)),
        {CKGSH["Event-confidence"]},
    ),
    "confidence as a string": (
        lambda g: put(g, ID.e1, CKG.confidence, Literal("0.5")),
        {CKGSH["Event-confidence"]},
    ),
    "role pointing to a literal": (
        lambda g: plus(g, (ID.e1, CKG.perpetrator, Literal("ISIS"))),
        {CKGSH["Event-roles"]},
    ),
    "unknown location precision": (
        lambda g: put(g, ID.e4, CKG.locationPrecision, CKG.Somewhere),
        {CKGSH["Event-locationPrecision"]},
    ),
    "selector start after end": (
        lambda g: put(g, ID["e1-sel"], OA.start, Literal(50, datatype=INT)),
        {CKGSH["Selector-order"]},
    ),
    "selector without document": (
        lambda g: without(g, ID["e1-sel"], CKG.inDocument),
        {CKGSH["Selector-document"]},
    ),
    "document without identifier": (
        lambda g: without(g, ID.doc, URIRef("http://purl.org/dc/terms/identifier")),
        {CKGSH["Document-identifier"]},
    ),
    "document issued with a bad date": (
        lambda g: put(g, ID.doc, URIRef("http://purl.org/dc/terms/issued"), Literal("6 Jan")),
        {CKGSH["Document-issued"]},
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_graph_is_reported_by_the_right_shape(shapes: Graph, case: str) -> None:
    mutate, expected = BAD[case]
    conforms, sources, text = report(mutate(good()), shapes)
    assert not conforms
    assert sources == expected, text


@pytest.mark.parametrize("case", ["statement without speaker", "two best fatality counts"])
def test_bad_graph_is_reported_with_the_ontology_too(shapes: Graph, case: str) -> None:
    mutate, expected = BAD[case]
    conforms, sources, text = report(mutate(good()), shapes, ont_graph=ontology_graph())
    assert not conforms
    assert expected <= sources, text


# ---------------------------------------------------------------- the shapes follow the ontology


def below(cls: URIRef) -> set:
    return set(ontology_graph().transitive_subjects(RDFS.subClassOf, cls))


def sub_properties(prop: URIRef) -> set:
    return set(ontology_graph().transitive_subjects(RDFS.subPropertyOf, prop))


def path_list(shapes: Graph, shape: URIRef) -> set:
    path = shapes.value(shape, SH.path)
    return set(Collection(shapes, shapes.value(path, SH.alternativePath)))


def test_event_shape_targets_every_event_class(shapes: Graph) -> None:
    assert set(shapes.objects(CKGSH.EventShape, SH.targetClass)) == below(CKG.Event)


def test_event_type_constraint_lists_every_event_class(shapes: Graph) -> None:
    qualified = shapes.value(CKGSH["Event-type"], SH.qualifiedValueShape)
    listed = set(Collection(shapes, shapes.value(qualified, SH["in"])))
    assert listed == below(CKG.Event)


def test_statement_shape_targets_every_statement_class(shapes: Graph) -> None:
    """Every statement needs a speaker, but attributions, which may come from unnamed
    sources: they need whom they hold responsible."""
    assert set(shapes.objects(CKGSH.StatementShape, SH.targetClass)) == below(CKG.Statement)
    attributions = set(shapes.objects(CKGSH.AttributionShape, SH.targetClass))
    assert attributions == below(CKG.Attribution)


def test_document_shape_targets_every_document_class(shapes: Graph) -> None:
    assert set(shapes.objects(CKGSH.DocumentShape, SH.targetClass)) == below(CKG.Document)


def test_entity_shape_targets_every_actor_and_place_class(shapes: Graph) -> None:
    expected = below(CKG.Actor) | below(CKG.Place)
    assert set(shapes.objects(CKGSH.EntityShape, SH.targetClass)) == expected


def test_speaker_is_ckg_agent_or_any_sub_property(shapes: Graph) -> None:
    assert path_list(shapes, CKGSH["Statement-speaker"]) == sub_properties(CKG.agent)


def test_date_constraint_covers_every_date_property(shapes: Graph) -> None:
    assert path_list(shapes, CKGSH["Event-date"]) == sub_properties(CKG.date)


def test_every_event_only_property_makes_its_subject_an_event(shapes: Graph) -> None:
    onto = ontology_graph()
    events = below(CKG.Event)
    event_only = {
        p
        for p, d in onto.subject_objects(RDFS.domain)
        if d in events and str(p).startswith(str(CKG))
    }
    targets = set(shapes.objects(CKGSH.EventShape, SH.targetSubjectsOf))
    assert sorted(event_only - targets) == []


def test_value_lists_match_the_individuals(shapes: Graph) -> None:
    onto = ontology_graph()
    for prop_shape, cls in (
        (CKGSH["Event-locationPrecision"], CKG.LocationPrecision),
        (CKGSH["Event-modality"], CKG.Modality),
        (CKGSH["Event-dateBasis"], CKG.DateBasis),
    ):
        listed = set(Collection(shapes, shapes.value(prop_shape, SH["in"])))
        assert listed == set(onto.subjects(RDF.type, cls))
