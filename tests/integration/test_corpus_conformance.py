"""The graphs we build from the real corpus satisfy the shapes and the ontology's axioms, and
a user of ACLED's vocabulary finds the Kerman bombing in their own terms."""

from __future__ import annotations

from typing import Any

import owlrl
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, Graph, Namespace

from kg.ontology import ontology_dir, ontology_graph
from kg.store import Store

OWLRL_ERROR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


def union_of(path: Any) -> Graph:
    with Store(path, read_only=True) as st:
        g = Graph()
        for s, p, o, _g in st.quads():
            g.add((s, p, o))
    return g


@pytest.mark.slow
@pytest.mark.parametrize("which", ["seed_store", "isaf_store"])
def test_corpus_graphs_conform_to_the_shapes(which: str, request: pytest.FixtureRequest) -> None:
    data = union_of(request.getfixturevalue(which).path)
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _report, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


@pytest.mark.slow
def test_owl_rl_closure_over_the_corpus_finds_no_inconsistency(
    seed_store: Any, isaf_store: Any
) -> None:
    g = union_of(seed_store.path) + union_of(isaf_store.path) + ontology_graph()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert not list(g.subjects(RDF.type, OWL.Nothing))
    # owlrl writes what it finds inconsistent (disjoint classes, bad literals) as error triples
    errors = sorted(str(m) for m in g.objects(None, OWLRL_ERROR.error))
    assert errors == []


def test_acled_suicide_bomb_finds_the_kerman_bombing(seed_store: Any) -> None:
    with Store(seed_store.path, read_only=True) as st:
        rows = st.select(
            """SELECT DISTINCT ?event ?label WHERE {
                 ?concept skos:prefLabel "Suicide bomb"@en ;
                          skos:exactMatch|skos:closeMatch ?cls .
                 ?sub rdfs:subClassOf* ?cls .
                 ?event a ?sub ; rdfs:label ?label ; ckg:location ?place .
                 ?place rdfs:label "Kerman" .
               }"""
        )
    assert rows, "the ACLED concept 'Suicide bomb' reaches the Kerman bombing"
