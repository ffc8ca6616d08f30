"""The ontology's HTML documentation and its Turtle, as the server will serve them."""

from __future__ import annotations

import html
import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace
from rdflib.compare import isomorphic

from kg.ontology import ontology_dir, ontology_graph
from kg.ontology_docs import external_resources, ontology_turtle, render_ontology_html

NS = "https://w3id.org/conflict-kg/ontology#"
SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def page() -> str:
    return render_ontology_html()


@pytest.fixture(scope="module")
def core() -> Graph:
    return Graph().parse(ontology_dir() / "conflict.ttl", format="turtle")


def english_label(g: Graph, node) -> str:
    labels = [o for o in g.objects(node, RDFS.label) if isinstance(o, Literal)]
    return str(next((o for o in labels if o.language == "en"), labels[0]))


def test_page_is_html_with_the_ontology_title(page: str) -> None:
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<title>conflict-kg ontology</title>" in page


def test_page_has_every_class_label(page: str, core: Graph) -> None:
    text = html.unescape(page)
    classes = [c for c in core.subjects(RDF.type, OWL.Class) if str(c).startswith(NS)]
    assert len(classes) > 60
    missing = [english_label(core, c) for c in classes if english_label(core, c) not in text]
    assert missing == []


def test_page_has_every_property_label(page: str, core: Graph) -> None:
    text = html.unescape(page)
    props = [
        p
        for k in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in core.subjects(RDF.type, k)
        if str(p).startswith(NS)
    ]
    assert [english_label(core, p) for p in props if english_label(core, p) not in text] == []


def test_page_has_the_concept_schemes_and_alignments(page: str) -> None:
    onto = ontology_graph()
    text = html.unescape(page)
    for label in onto.objects(None, SKOS.prefLabel):
        assert str(label) in text, label
    assert 'id="schemes"' in page and 'id="alignments"' in page and 'id="individuals"' in page
    assert "wdt:P1120" in page and "sem:Event" in page


def test_page_loads_nothing_from_another_host(page: str) -> None:
    assert external_resources(page) == []
    assert not re.search(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(https?:)?//", page, re.I)


def test_stylesheet_is_inline(page: str) -> None:
    assert "<style>" in page


def test_page_is_cached() -> None:
    assert render_ontology_html() is render_ontology_html()


def test_external_resources_are_stripped() -> None:
    from kg.ontology_docs import _strip_external

    dirty = (
        '<head><link rel="stylesheet" href="https://cdn.example/x.css">'
        "<style>@import url('https://fonts.example/a.css');"
        " p { background: url(//x.example/i.png) }"
        '</style><script src="http://cdn.example/x.js"></script></head>'
        '<body><img src="https://img.example/a.png"><a href="https://ok.example">link</a></body>'
    )
    clean = _strip_external(dirty)
    assert external_resources(clean) == []
    assert '<a href="https://ok.example">link</a>' in clean


def test_turtle_is_the_ontology_without_the_shapes() -> None:
    text = ontology_turtle()
    g = Graph().parse(data=text, format="turtle")
    assert isomorphic(g, ontology_graph())
    assert not set(g.subjects(RDF.type, SH.NodeShape))
    assert ontology_turtle() is text
