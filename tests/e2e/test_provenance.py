"""Provenance: every event traced to its document, quoted verbatim, and the run recorded.

Checked on every store the session builds: the seed article, the ISAF releases and the
bundled sample corpus.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

import kg
from kg.ingestion.readers import read_path
from kg.rdf.iri import doc_iri
from kg.records import Article
from kg.vocab import ONTOLOGY_IRI
from tests.support import ISAF_JSONL, SAMPLE_CORPUS, SEED_TXT

STORES = {
    "seed_store": SEED_TXT,
    "isaf_store": ISAF_JSONL,
    "sample_store": SAMPLE_CORPUS,
}

pytestmark = pytest.mark.slow


@pytest.fixture(params=sorted(STORES))
def built(request: pytest.FixtureRequest, open_read_only: Any) -> tuple[Any, dict[str, str]]:
    """An ingested store (read-only) and the texts of its documents by id."""
    ingested = request.getfixturevalue(request.param)
    texts = {a.id: a.text for a in read_path(STORES[request.param]) if isinstance(a, Article)}
    return open_read_only(ingested.path), texts


def rows(st: Any, sparql: str) -> list[dict[str, str | None]]:
    return [{k: None if v is None else str(v) for k, v in r.items()} for r in st.select(sparql)]


EVENTS = f"""
  GRAPH ?g {{ ?e a ?c }} FILTER(?g != <{ONTOLOGY_IRI}>)
  GRAPH <{ONTOLOGY_IRI}> {{ ?c rdfs:subClassOf* ckg:Event }}
"""


def test_every_document_is_described(built: tuple[Any, dict[str, str]]) -> None:
    st, texts = built
    docs = rows(
        st,
        """SELECT ?g ?d ?id ?chars {
             GRAPH ?g { ?d a ckg:Document ; dcterms:identifier ?id ; ckg:characterCount ?chars }
           }""",
    )
    assert sorted(r["id"] for r in docs) == sorted(texts) == st.document_ids()
    for r in docs:
        assert r["g"] == r["d"]  # each document's graph is named after it
        assert int(r["chars"]) == len(texts[r["id"]])


def test_every_event_derives_from_its_document(built: tuple[Any, dict[str, str]]) -> None:
    st, _ = built
    events = rows(st, f"SELECT DISTINCT ?g ?e {{ {EVENTS} }}")
    assert events
    derived = rows(
        st,
        f"""SELECT DISTINCT ?g ?e ?d {{ {EVENTS}
              GRAPH ?g {{ ?e prov:wasDerivedFrom ?d . ?d a ckg:Document }} }}""",
    )
    by_event = defaultdict(set)
    for r in derived:
        by_event[r["e"]].add(r["d"])
    for ev in events:
        assert by_event[ev["e"]] == {ev["g"]}, ev


def test_evidence_is_verbatim_with_matching_offsets(built: tuple[Any, dict[str, str]]) -> None:
    st, texts = built
    evidence = rows(
        st,
        f"""SELECT DISTINCT ?e ?id ?quote {{ {EVENTS}
              GRAPH ?g {{ ?e ckg:evidence ?quote ; prov:wasDerivedFrom ?d .
                          ?d dcterms:identifier ?id }} }}""",
    )
    selectors = rows(
        st,
        f"""SELECT DISTINCT ?e ?id ?sel ?start ?end ?exact ?indoc {{ {EVENTS}
              GRAPH ?g {{ ?e ckg:evidenceSelector ?sel ; prov:wasDerivedFrom ?d .
                          ?d dcterms:identifier ?id .
                          ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ;
                               oa:exact ?exact ; ckg:inDocument ?indoc }} }}""",
    )
    events = {r["e"] for r in rows(st, f"SELECT DISTINCT ?e {{ {EVENTS} }}")}
    quoted: dict[str, set[str | None]] = defaultdict(set)
    for r in evidence:
        assert r["quote"] and r["quote"] in texts[r["id"]], r
        quoted[r["e"]].add(r["quote"])
    assert set(quoted) == events  # at least one quote for every event
    selected: dict[str, set[str | None]] = defaultdict(set)
    for r in selectors:
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(texts[r["id"]])
        assert texts[r["id"]][start:end] == r["exact"], r
        assert r["indoc"] == str(doc_iri(r["id"]))
        selected[r["e"]].add(r["exact"])
    assert selected == quoted  # one selector per quote, at the quote's offsets


def test_run_is_a_prov_activity_naming_version_and_model(
    built: tuple[Any, dict[str, str]], extractor: Any
) -> None:
    st, texts = built
    runs = rows(
        st,
        """SELECT DISTINCT ?id ?a ?started ?version ?model ?label {
             GRAPH ?g { ?d dcterms:identifier ?id ; prov:wasGeneratedBy ?a }
             GRAPH <https://w3id.org/conflict-kg/id/graph/provenance> {
                        ?a a prov:Activity ; prov:startedAtTime ?started ; ckg:model ?model ;
                           prov:wasAssociatedWith ?sw .
                        ?sw a prov:SoftwareAgent ; ckg:softwareVersion ?version ;
                            rdfs:label ?label } }""",
    )
    assert sorted(r["id"] for r in runs) == sorted(texts)  # one run per document, no more
    for r in runs:
        assert r["version"] == kg.__version__
        assert r["label"] == f"conflict-kg {kg.__version__}"
        assert r["model"] == extractor.model_description
        assert r["started"] and r["started"][:2] == "20"
    # the events a document holds were generated by the run that wrote it
    stray = rows(
        st,
        f"""SELECT ?e {{ {EVENTS}
              GRAPH ?g {{ ?d a ckg:Document ; prov:wasGeneratedBy ?a }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?e prov:wasGeneratedBy ?a }} }} }}""",
    )
    assert stray == []


def test_mentions_point_at_described_actors_and_places(built: tuple[Any, dict[str, str]]) -> None:
    st, _ = built
    unlabelled = rows(
        st,
        """SELECT ?x { GRAPH ?g { ?d a ckg:Document ; ckg:mentions ?x }
                       FILTER NOT EXISTS { GRAPH <https://w3id.org/conflict-kg/id/graph/authority> {
                           ?x rdfs:label ?l ; a ?t } } }""",
    )
    assert unlabelled == []


def test_seed_document_metadata(seed_store: Any, open_read_only: Any) -> None:
    st = open_read_only(seed_store.path)
    (doc,) = rows(
        st,
        """SELECT ?id ?title ?source ?date ?lang { ?d a ckg:Document ; dcterms:identifier ?id ;
             dcterms:title ?title ; dcterms:publisher ?source ; dcterms:issued ?date ;
             dcterms:language ?lang }""",
    )
    assert doc == {
        "id": "tolonews-daesh-suppressed",
        "title": "Islamic Emirate: Daesh Suppressed in Afghanistan",
        "source": "TOLOnews",
        "date": "2024-01-06",
        "lang": "en",
    }


def test_sample_documents_carry_their_metadata(sample_store: Any, open_read_only: Any) -> None:
    st = open_read_only(sample_store.path)
    docs = {
        r["id"]: r
        for r in rows(
            st,
            """SELECT ?id ?title ?source ?date ?url { ?d a ckg:Document ; dcterms:identifier ?id ;
                 dcterms:title ?title ; dcterms:publisher ?source .
                 OPTIONAL { ?d dcterms:issued ?date } OPTIONAL { ?d schema:url ?url } }""",
        )
    }
    expected = {a.id: a for a in read_path(SAMPLE_CORPUS) if isinstance(a, Article)}
    assert set(docs) == set(expected)
    for doc_id, a in expected.items():
        got = docs[doc_id]
        assert (got["title"], got["source"], got["date"], got["url"]) == (
            a.title,
            a.source,
            a.published,
            a.url,
        )
