"""The ontology: it parses, defines every term the code uses, documents every term, keeps a
clean hierarchy, aligns to other vocabularies the agreed way, and reasons without
contradiction under OWL 2 RL (while a contradictory graph is caught)."""

from __future__ import annotations

import json
import re
import time

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS, VANN

from kg.ontology import ontology_dir, ontology_files
from tests.support import ROOT

NS = "https://w3id.org/conflict-kg/ontology#"
CKG = Namespace(NS)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # where owlrl writes errors
ID = Namespace("https://w3id.org/conflict-kg/id/")

CONTRACT_CLASSES = {
    "Document": None,
    "Actor": None,
    "Person": "Actor",
    "Organization": "Actor",
    "ArmedGroup": "Organization",
    "Government": "Organization",
    "IntelligenceAgency": "Organization",
    "MediaOutlet": "Organization",
    "State": "Actor",
    "SocialGroup": "Actor",
    "Place": None,
    "Country": "Place",
    "AdminRegion": "Place",
    "Settlement": "Place",
    "Site": "Place",
    "Event": None,
    "Attack": "Event",
    "Bombing": "Attack",
    "SuicideBombing": "Bombing",
    "AirStrike": "Attack",
    "Assassination": "Attack",
    "ArmedClash": "Event",
    "Arrest": "Event",
    "SecurityOperation": "Event",
    "Statement": "Event",
    "ClaimOfResponsibility": "Statement",
    "Attribution": "Statement",
    "Denial": "Statement",
    "Accusation": "Statement",
}
CONTRACT_PROPERTIES = {
    "agent": None,
    "perpetrator": "agent",
    "speaker": "agent",
    "target": None,
    "victim": None,
    "location": None,
    "date": None,
    "fatalities": None,
    "fatalitiesMin": None,
    "fatalitiesMax": None,
    "injured": None,
    "arrested": None,
    "about": None,
    "reportedBy": None,
    "partOf": None,
    "evidence": None,
    "mentions": None,
    "affiliateOf": None,
    "memberOf": None,
    "spokespersonOf": None,
    "basedIn": None,
    "locatedIn": None,
}
# Terms of the first version that the RDF mapping already writes
FIRST_VERSION = [
    "ExtractionActivity",
    "model",
    "softwareVersion",
    "confidence",
    "trigger",
    "evidenceSelector",
    "inDocument",
    "characterCount",
]
EXTRACTION_CLASSES = [
    *("Attack", "Bombing", "SuicideBombing", "AirStrike", "Assassination", "ArmedClash"),
    *("Arrest", "SecurityOperation", "Statement", "ClaimOfResponsibility", "Attribution"),
    *("Denial", "Accusation", "DeclinedToComment", "Protest", "Riot"),
]
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def core() -> Graph:
    return Graph().parse(ontology_dir() / "conflict.ttl", format="turtle")


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    for f in ontology_files(include_shapes=False):
        g.parse(f, format="turtle")
    return g


def ours(node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(NS)


def defined(g: Graph) -> set[URIRef]:
    """Terms the ontology declares: classes, properties and named individuals."""
    kinds = (OWL.Class, OWL.NamedIndividual, *PROPERTY_TYPES)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if ours(s)}


def local(term: URIRef) -> str:
    return str(term)[len(NS) :]


# ---------------------------------------------------------------- parsing and metadata


@pytest.mark.parametrize("name", [f.name for f in ontology_files()])
def test_every_file_parses(name: str) -> None:
    g = Graph().parse(ontology_dir() / name, format="turtle")
    assert len(g) > 100


def test_ontology_metadata(core: Graph) -> None:
    ont = URIRef("https://w3id.org/conflict-kg/ontology")
    assert (ont, RDF.type, OWL.Ontology) in core
    version = core.value(ont, OWL.versionInfo)
    assert version is not None
    assert str(core.value(ont, OWL.versionIRI)).endswith(f"/{version}")
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator):
        assert core.value(ont, p) is not None, p
    assert str(core.value(ont, VANN.preferredNamespacePrefix)) == "ckg"
    assert str(core.value(ont, VANN.preferredNamespaceUri)) == NS


# ---------------------------------------------------------------- the contract and the code


def test_contract_classes_keep_their_iris_and_hierarchy(core: Graph) -> None:
    for name, parent in CONTRACT_CLASSES.items():
        assert (CKG[name], RDF.type, OWL.Class) in core, name
        if parent:
            ancestors = set(core.transitive_objects(CKG[name], RDFS.subClassOf))
            assert CKG[parent] in ancestors, f"{name} must stay below {parent}"


def test_contract_properties_keep_their_iris_and_hierarchy(core: Graph) -> None:
    for name, parent in CONTRACT_PROPERTIES.items():
        assert any((CKG[name], RDF.type, t) in core for t in PROPERTY_TYPES), name
        if parent:
            assert CKG[parent] in set(core.transitive_objects(CKG[name], RDFS.subPropertyOf))


def test_first_version_and_extraction_terms_are_kept(core: Graph) -> None:
    missing = [n for n in FIRST_VERSION + EXTRACTION_CLASSES if CKG[n] not in defined(core)]
    assert not missing


def test_every_ckg_term_in_the_ontology_files_is_defined(core: Graph) -> None:
    known = defined(core)
    used = set()
    for f in ontology_files():
        g = Graph().parse(f, format="turtle")
        used |= {t for triple in g for t in triple if ours(t)}
    assert sorted(local(t) for t in used - known) == []


def code_terms() -> set[str]:
    """Local names the code reaches as ``CKG.<name>`` (but ``_NS`` and a doctest's NoSuchTerm)."""
    names = set()
    for path in (ROOT / "kg").rglob("*.py"):
        if path.name == "vocab.py":
            continue
        names |= set(re.findall(r"\bCKG\.([A-Za-z_]\w*)", path.read_text(encoding="utf-8")))
    return {n for n in names if not n.startswith("_")} - {"NoSuchTerm"}


def data_terms() -> set[str]:
    """Class and relation names used in the extraction's data: the gazetteers' ``types`` and
    ``relations``, the classes every language pack's triggers map words to, and the classes the
    extraction's behaviour table names."""
    names: set[str] = set()
    extract = ROOT / "kg" / "extract"
    roles = json.loads((extract / "data" / "event_roles.json").read_text(encoding="utf-8"))
    names |= {v for k, v in roles["named"].items() if not k.startswith("_")}
    names |= {k for k in roles["behaviour"] if not k.startswith("_")}
    files = sorted((extract / "data").glob("*.json")) + sorted(extract.glob("lang/*/triggers.json"))
    assert any(f.name == "triggers.json" for f in files), "no language pack found"
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data if isinstance(data, list) else []:
            names |= set(row.get("types", []))
            rel = row.get("relations") or {}
            names |= set(rel) if isinstance(rel, dict) else {r[0] for r in rel}
        for key in ("verbs", "nouns", "phrases"):
            value = data.get(key) if isinstance(data, dict) else None
            values = value.values() if isinstance(value, dict) else value or []
            for v in values:
                names |= set(v) if isinstance(v, list) else {v}
    return names


def test_every_term_the_code_uses_is_defined(core: Graph) -> None:
    known = {local(t) for t in defined(core)}
    assert code_terms(), "expected kg/ to use CKG terms"
    assert sorted(code_terms() - known) == []


def test_every_term_the_extraction_data_uses_is_defined(core: Graph) -> None:
    known = {local(t) for t in defined(core)}
    assert sorted(data_terms() - known) == []


# ---------------------------------------------------------------- documentation of terms


def test_every_term_has_an_english_label_and_comment(core: Graph) -> None:
    bad = []
    for term in defined(core):
        for p in (RDFS.label, RDFS.comment):
            values = [o for o in core.objects(term, p) if isinstance(o, Literal)]
            if not any(o.language == "en" and str(o).strip() for o in values):
                bad.append(f"{local(term)} {p.n3(core.namespace_manager)}")
    assert sorted(bad) == []


def test_properties_have_domain_and_range_or_say_why(core: Graph) -> None:
    bad = []
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for p in core.subjects(RDF.type, kind):
            if not ours(p) or core.value(p, CKG.domainRangeNote) is not None:
                continue
            if core.value(p, RDFS.domain) is None or core.value(p, RDFS.range) is None:
                bad.append(local(p))
    assert sorted(bad) == []


@pytest.mark.parametrize("relation", [RDFS.subClassOf, RDFS.subPropertyOf])
def test_no_cycle_in_the_hierarchy(onto: Graph, relation: URIRef) -> None:
    parents: dict = {}
    for s, o in onto.subject_objects(relation):
        parents.setdefault(s, set()).add(o)
    state: dict = {}

    def visit(node, path) -> None:
        if state.get(node) == "done":
            return
        if state.get(node) == "open":
            raise AssertionError("cycle: " + " -> ".join(str(n) for n in [*path, node]))
        state[node] = "open"
        for parent in parents.get(node, ()):
            visit(parent, [*path, node])
        state[node] = "done"

    for node in list(parents):
        visit(node, [])


def test_no_equivalence_to_external_vocabularies(onto: Graph) -> None:
    for p in (OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs):
        for s, o in onto.subject_objects(p):
            assert ours(s) and ours(o), f"{s} {p} {o}: align with sub-class/sub-property instead"


def test_every_class_but_the_roots_has_a_super_class(core: Graph) -> None:
    roots = {
        CKG.Actor,
        CKG.Place,
        CKG.Event,
        CKG.LocationPrecision,
        CKG.DateBasis,
        CKG.Modality,
        CKG.Community,
    }
    orphans = [
        local(cls)
        for cls in defined(core)
        if (cls, RDF.type, OWL.Class) in core
        and cls not in roots
        and core.value(cls, RDFS.subClassOf) is None
    ]
    assert sorted(orphans) == []


# ---------------------------------------------------------------- alignments


@pytest.mark.parametrize(
    ("term", "relation", "external"),
    [
        (CKG.Event, RDFS.subClassOf, SEM.Event),
        (CKG.Actor, RDFS.subClassOf, SEM.Actor),
        (CKG.Place, RDFS.subClassOf, SEM.Place),
        (CKG.participant, RDFS.subPropertyOf, SEM.hasActor),
        (CKG.location, RDFS.subPropertyOf, SEM.hasPlace),
        (CKG.Document, RDFS.subClassOf, PROV.Entity),
        (CKG.ExtractionActivity, RDFS.subClassOf, PROV.Activity),
        (CKG.Actor, RDFS.subClassOf, PROV.Agent),
        (CKG.Event, RDFS.subClassOf, CRM.E5_Event),
        (CKG.Attack, RDFS.subClassOf, CRM.E7_Activity),
        (CKG.Statement, RDFS.subClassOf, CRM.E7_Activity),
        (CKG.ClaimOfResponsibility, RDFS.subClassOf, CRM.E13_Attribute_Assignment),
        (CKG.Attribution, RDFS.subClassOf, CRM.E13_Attribute_Assignment),
        (CKG.Event, RDFS.subClassOf, SCHEMA.Event),
        (CKG.NewsArticle, RDFS.subClassOf, SCHEMA.NewsArticle),
        (CKG.participant, SKOS.closeMatch, WDT.P710),
        (CKG.fatalities, SKOS.closeMatch, WDT.P1120),
        (CKG.date, SKOS.closeMatch, WDT.P585),
        (CKG.location, SKOS.closeMatch, WDT.P276),
    ],
)
def test_alignment(core: Graph, term: URIRef, relation: URIRef, external: URIRef) -> None:
    assert (term, relation, external) in core


def test_agent_reaches_sem_has_actor(core: Graph) -> None:
    assert SEM.hasActor in set(core.transitive_objects(CKG.speaker, RDFS.subPropertyOf))


# ---------------------------------------------------------------- concept schemes

ACLED = Namespace("https://w3id.org/conflict-kg/scheme/acled/")


def mapped(g: Graph, concept) -> set:
    return set(g.objects(concept, SKOS.exactMatch)) | set(g.objects(concept, SKOS.closeMatch))


def test_acled_scheme_has_6_types_and_25_sub_types_all_mapped(onto: Graph, core: Graph) -> None:
    tops = set(onto.objects(ACLED[""], SKOS.hasTopConcept))
    subs = {c for c in onto.subjects(SKOS.inScheme, ACLED[""])} - tops
    assert len(tops) == 6
    assert len(subs) == 25
    classes = set(core.subjects(RDF.type, OWL.Class))
    for c in tops | subs:
        targets = mapped(onto, c)
        assert targets and targets <= classes, c
    for c in subs:
        assert onto.value(c, SKOS.broader) in tops


@pytest.mark.parametrize(
    ("scheme", "tops"),
    [("plover", 16), ("cameo", 20), ("acled-actor", 8)],
)
def test_other_schemes(onto: Graph, core: Graph, scheme: str, tops: int) -> None:
    iri = URIRef(f"https://w3id.org/conflict-kg/scheme/{scheme}/")
    assert len(set(onto.objects(iri, SKOS.hasTopConcept))) == tops
    classes = set(core.subjects(RDF.type, OWL.Class))
    concepts = set(onto.subjects(SKOS.inScheme, iri))
    assert any(mapped(onto, c) for c in concepts)
    for c in concepts:
        assert mapped(onto, c) <= classes, c
        assert onto.value(c, SKOS.prefLabel) is not None


DATA = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix id: <https://w3id.org/conflict-kg/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .

id:doc\\/d1 a ckg:Document , schema:NewsArticle ; dcterms:identifier "d1" ;
    dcterms:issued "2024-01-06"^^xsd:date ; ckg:characterCount 400 ;
    ckg:mentions id:isis , id:isis-k , id:kerman , id:united-states , id:reuters .
id:iran a ckg:Country , ckg:State ; rdfs:label "Iran" ; skos:altLabel "Islamic Republic of Iran" .
id:kerman a ckg:Settlement ; rdfs:label "Kerman" ; ckg:locatedIn id:iran .
id:isis a ckg:NonStateArmedGroup ; rdfs:label "Islamic State" ; skos:altLabel "ISIS" , "Daesh" .
id:isis-k a ckg:NonStateArmedGroup ; rdfs:label "ISIS-K" ; ckg:affiliateOf id:isis .
id:united-states a ckg:Country , ckg:State ; rdfs:label "United States" .
id:reuters a ckg:MediaOutlet ; rdfs:label "Reuters" .
id:ie a ckg:DeFactoGovernment , ckg:ArmedGroup ; rdfs:label "Islamic Emirate" ;
    ckg:governs id:afghanistan .
id:afghanistan a ckg:Country , ckg:State ; rdfs:label "Afghanistan" .
id:mujahid a ckg:Person ; rdfs:label "Zabihullah Mujahid" ; ckg:spokespersonOf id:ie .
id:irgc a ckg:StateForce ; rdfs:label "IRGC" ; ckg:partOf id:iran .
id:soleimani a ckg:Person ; rdfs:label "Qassem Soleimani" ; ckg:memberOf id:irgc .

id:event\\/d1\\/e1 a ckg:SuicideBombing ; rdfs:label "Kerman bombings" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "Two blasts killed nearly 100 people." ;
    ckg:evidenceSelector id:event\\/d1\\/e1\\/evidence\\/0 ;
    ckg:date "2024-01-03"^^xsd:date ; ckg:location id:kerman ;
    ckg:locationPrecision ckg:ExactLocation ; ckg:modality ckg:Asserted ;
    ckg:fatalities 95 ; ckg:fatalitiesMin 90 ; ckg:fatalitiesMax 100 ; ckg:injured 280 ;
    ckg:perpetrator id:isis-k ; ckg:victim id:kerman ; ckg:confidence 0.9 .
id:event\\/d1\\/e1\\/evidence\\/0 a oa:TextPositionSelector ; oa:start 10 ; oa:end 46 ;
    oa:exact "Two blasts killed nearly 100 people." ; ckg:inDocument id:doc\\/d1 .
id:event\\/d1\\/e1a a ckg:SuicideBombing ; rdfs:label "first blast" ;
    ckg:partOf id:event\\/d1\\/e1 ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "Two blasts killed nearly 100 people." .
id:event\\/d1\\/e2 a ckg:ClaimOfResponsibility ; rdfs:label "IS claims the bombings" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "Islamic State claimed responsibility." ;
    ckg:speaker id:isis ; ckg:about id:event\\/d1\\/e1 ; ckg:date "2024-01-04"^^xsd:date .
id:event\\/d1\\/e3 a ckg:Attribution ; rdfs:label "US attributes the bombings to ISIS-K" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "US officials said ISIS-K was behind it." ;
    ckg:speaker id:united-states ; ckg:attributedTo id:isis-k ; ckg:about id:event\\/d1\\/e1 ;
    ckg:reportedBy id:reuters .
id:event\\/d1\\/e4 a ckg:AirStrike , ckg:Assassination ; rdfs:label "Soleimani strike" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "A US strike killed Soleimani in 2020." ;
    ckg:date "2020"^^xsd:gYear ; ckg:perpetrator id:united-states ; ckg:victim id:soleimani ;
    ckg:fatalitiesUnknown false .
id:event\\/d1\\/e5 a ckg:Arrest , ckg:SecurityOperation ; rdfs:label "arrests in Iran" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "Iran arrested 11 people." ;
    ckg:date "2024-01"^^xsd:gYearMonth ; ckg:agent id:iran ; ckg:arrested 11 ;
    ckg:fatalities 0 ; ckg:inResponseTo id:event\\/d1\\/e1 .
id:event\\/d1\\/e6 a ckg:DeclinedToComment ; rdfs:label "IE declines to comment" ;
    prov:wasDerivedFrom id:doc\\/d1 ; ckg:evidence "The spokesman declined to comment." ;
    ckg:speaker id:mujahid .
"""


def test_acled_label_query_finds_suicide_bombings(onto: Graph) -> None:
    g = Graph()
    g += onto
    g.parse(data=DATA, format="turtle")
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?event WHERE {
            ?concept skos:prefLabel "Suicide bomb"@en ; skos:exactMatch|skos:closeMatch ?cls .
            ?cls ^rdfs:subClassOf*/^rdf:type ?event .
        }"""
    found = {row.event for row in g.query(query)}
    assert found == {ID["event/d1/e1"], ID["event/d1/e1a"]}
    # and an ACLED event type reaches its sub-types' events
    query = query.replace('"Suicide bomb"@en', '"Explosions/Remote violence"@en')
    found = {row.event for row in g.query(query)}
    assert {ID["event/d1/e1"], ID["event/d1/e4"]} <= found


# ---------------------------------------------------------------- OWL 2 RL reasoning


def closure(g: Graph) -> tuple[Graph, list[str]]:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g, sorted(str(m) for m in g.objects(None, ERR.error))


def test_owl_rl_closure_of_ontology_and_data_is_consistent(onto: Graph) -> None:
    g = Graph()
    g += onto
    g.parse(data=DATA, format="turtle")
    start = time.monotonic()
    g, errors = closure(g)
    assert time.monotonic() - start < 20
    assert errors == []
    assert not set(g.subjects(RDF.type, OWL.Nothing))
    # what the reasoner should infer
    bombing = ID["event/d1/e1"]
    for cls in (CKG.Bombing, CKG.Attack, CKG.Event, SEM.Event, CRM.E5_Event, SCHEMA.Event):
        assert (bombing, RDF.type, cls) in g, cls
    assert (bombing, CKG.agent, ID["isis-k"]) in g
    assert (bombing, SEM.hasActor, ID["isis-k"]) in g
    assert (ID.mujahid, CKG.memberOf, ID.ie) in g
    assert (ID.kerman, RDF.type, CKG.Place) in g


def test_owl_rl_closure_catches_a_contradiction(onto: Graph) -> None:
    assert (CKG.Person, OWL.disjointWith, CKG.Organization) in onto
    g = Graph()
    g += onto
    g.parse(data=DATA, format="turtle")
    # the spokesperson wrongly typed as an organisation too (through a sub-class)
    g.add((ID.mujahid, RDF.type, CKG.MediaOutlet))
    _, errors = closure(g)
    assert any("Disjoint classes" in e and str(ID.mujahid) in e for e in errors), errors


def test_owl_rl_closure_catches_an_event_typed_as_an_actor(onto: Graph) -> None:
    g = Graph()
    g += onto
    g.parse(data=DATA, format="turtle")
    g.add((ID["event/d1/e2"], RDF.type, CKG.Person))
    _, errors = closure(g)
    assert any(str(ID["event/d1/e2"]) in e for e in errors), errors
