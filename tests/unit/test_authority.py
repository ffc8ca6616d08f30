"""One shared description per actor and place (the authority graph), documents holding
only what they say, each triple in one graph; deletion and re-ingest keep it exact
(kg/rdf/mapping.py document_quads, kg/store.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import URIRef

from kg.rdf.iri import AUTHORITY_GRAPH, PROVENANCE_GRAPH, entity_iri
from kg.rdf.mapping import RunInfo
from kg.records import Article, EntityRecord, EventRecord, Extraction, Span
from kg.scale.document import DocumentGraph
from kg.store import Store

ACTOR = entity_iri("isis-k")


def report(n: int, alias: str = "ISKP", run: str = "run-1") -> DocumentGraph:
    text = f"{alias} attacked a checkpoint in Kabul ({n})."
    x = Extraction(Article(id=f"doc-{n}", text=text, source=f"Outlet {n}"))
    x.entities["isis-k"] = EntityRecord(
        "isis-k",
        "ISIS-K",
        ("ArmedGroup",),
        aliases={alias},
        relations=[("affiliateOf", "islamic-state")],
        mentions=[Span(0, len(alias), alias)],
    )
    x.entities["islamic-state"] = EntityRecord("islamic-state", "Islamic State", ("ArmedGroup",))
    x.events.append(
        EventRecord(
            "attacked-1",
            ("Attack",),
            "Attack by ISIS-K",
            trigger="attacked",
            roles={"perpetrator": ["isis-k"]},
            evidence=[Span(0, len(text), text)],
        )
    )
    return DocumentGraph.from_extraction(x, RunInfo(run))


def labels(st: Store) -> list[str]:
    return [str(r["l"]) for r in st.select(f"SELECT ?l WHERE {{ <{ACTOR}> rdfs:label ?l }}")]


def aliases(st: Store) -> set[str]:
    return {str(r["a"]) for r in st.select(f"SELECT ?a WHERE {{ <{ACTOR}> skos:altLabel ?a }}")}


def test_five_documents_one_label_and_no_triple_in_two_graphs(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        st.replace_documents([(d.doc_id, d.triples) for d in (report(i) for i in range(5))])
        assert labels(st) == ["ISIS-K"]
        rows = st.rdflib().query(f"SELECT ?l WHERE {{ <{ACTOR}> rdfs:label ?l }}")
        assert [str(r[0]) for r in rows] == ["ISIS-K"]
        per_triple = Counter(q[:3] for q in st.quads())
        assert max(per_triple.values()) == 1  # the default graph is a set
        # the document's graph holds what it says, the authority what is shared
        g = URIRef("https://w3id.org/conflict-kg/id/doc/doc-0")
        assert st.query(f'ASK {{ GRAPH <{AUTHORITY_GRAPH}> {{ <{ACTOR}> rdfs:label "ISIS-K" }} }}')
        assert st.query(f"ASK {{ GRAPH <{g}> {{ <{g}> ckg:mentions <{ACTOR}> }} }}")
        assert not st.query(f"ASK {{ GRAPH <{g}> {{ <{ACTOR}> ?p ?o }} }}")
        assert st.query(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?a a prov:Activity }} }}")


def test_deletion_and_reingest_keep_the_authority_exact(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as st:
        docs = [report(0, "ISKP"), report(1, "Daesh Khorasan"), report(2, "ISKP")]
        st.replace_documents([(d.doc_id, d.triples) for d in docs])
        assert aliases(st) == {"ISKP", "Daesh Khorasan"}
        before = sorted(map(str, st.quads(AUTHORITY_GRAPH)))
        # re-ingesting the same documents changes nothing
        st.replace_documents([(d.doc_id, d.triples) for d in docs])
        assert sorted(map(str, st.quads(AUTHORITY_GRAPH))) == before
        # an alias only one document gave goes with it; what others say stays
        assert st.remove_document("doc-1")
        assert aliases(st) == {"ISKP"} and labels(st) == ["ISIS-K"]
        # a re-ingest that no longer says something drops it
        st.replace_documents([("doc-0", report(0, "IS-K").triples)])
        assert aliases(st) == {"ISKP", "IS-K"}
        assert st.remove_document("doc-0") and st.remove_document("doc-2")
        assert labels(st) == [] and list(st.quads(AUTHORITY_GRAPH)) == []
        assert list(st.quads(PROVENANCE_GRAPH)) == []
        assert st.stats()["triples"] == 0
