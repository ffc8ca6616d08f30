"""Checks of minted IRIs and terms shared by the fuzz tests (unit and integration)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kg.store import to_ox

FORBIDDEN = set(' <>"{}|\\^`')


def check_iri(iri: str) -> None:
    assert not (set(iri) & FORBIDDEN), iri
    assert all(ord(c) > 0x20 and not 0x7F <= ord(c) <= 0x9F for c in iri), repr(iri)
    assert iri.startswith("https://w3id.org/conflict-kg/") or iri.startswith("http"), iri
    ox.NamedNode(iri)
    URIRef(iri).n3()


def check_triples(triples: list[tuple[Any, Any, Any]]) -> None:
    for t in triples:
        for term in t:
            if isinstance(term, URIRef):
                check_iri(str(term))
            to_ox(term)  # pyoxigraph accepts every term
