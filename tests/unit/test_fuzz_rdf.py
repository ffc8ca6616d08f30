"""Bad input, fuzzed, without the model: every minted IRI is valid, a 1 MB line goes through
the reader, the mapping and IRI minting, and blank nodes round-trip (through extraction:
tests/integration/test_fuzz_extraction.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic

from kg.ingestion.readers import read_path
from kg.rdf.iri import doc_iri, entity_iri, event_iri
from kg.rdf.mapping import RunInfo, document_triples
from kg.records import Article
from kg.store import Store, from_ox
from tests.rdf_checks import check_iri, check_triples


@given(key=st.text(max_size=200), doc=st.text(min_size=1, max_size=100))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_iri_minting_is_always_valid(key: str, doc: str) -> None:
    for iri in (entity_iri(key), doc_iri(doc), event_iri(doc, key)):
        check_iri(str(iri))
    from kg.rdf.iri import doc_id_of

    assert doc_id_of(str(doc_iri(doc))) is not None


def test_one_megabyte_line_through_reader_mapping_and_minting(tmp_path: Path) -> None:
    """A 1 MB line with every nasty piece: read as one article, ids and IRIs stay valid."""
    from kg.records import EntityRecord, EventRecord, Extraction, Span

    piece = "Kabul \"unbalanced ' \x01 \u202e طالبان " + "9" * 50 + " <x> {y} | ^ ` \\ "
    line = (piece * (1_048_576 // len(piece) + 1))[:1_048_576]
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": line[:5000], "text": line, "title": line}) + "\n")
    items = list(read_path(src))
    assert len(items) == 1 and isinstance(items[0], Article), items
    art = items[0]
    assert len(art.text) == len(line)
    x = Extraction(art)
    x.entities[line[:3000]] = EntityRecord(
        line[:3000], line[:3000], ("ArmedGroup",), mentions=[Span(0, 10, line[:10])]
    )
    x.events.append(
        EventRecord(
            line[:2000],
            ("Attack",),
            line[:100],
            roles={"perpetrator": [line[:3000]]},
            evidence=[Span(0, 1000, line[:1000])],
        )
    )
    triples = list(document_triples(x, RunInfo("r")))
    check_triples(triples)
    with Store(tmp_path / "s") as st_:
        st_.replace_document(art.id, triples)
        assert st_.document_ids() == [art.id]
        nq = st_.export_bytes("nquads")
    assert len(set(ox.parse(nq, ox.RdfFormat.N_QUADS))) == len(set(triples))


def test_blank_nodes_round_trip_isomorphic() -> None:
    """Our exports hold no blank nodes today; if one appears, rdflib's isomorphism holds."""
    g = Graph()
    b = BNode()
    g.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), b))
    g.add((b, URIRef("http://example.org/q"), URIRef("http://example.org/o")))
    data = g.serialize(format="nt")
    mem = ox.Store()
    mem.load(data.encode(), ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    out = io.BytesIO()
    ox.serialize([q.triple for q in mem], out, ox.RdfFormat.TURTLE)
    back = Graph().parse(data=out.getvalue(), format="turtle")
    assert isomorphic(g, back)
    assert {from_ox(q.subject) for q in mem}  # terms convert back
