"""Minting IRIs for documents, entities and events.

Every IRI lives under ``https://w3id.org/conflict-kg/id/``. Keys and document ids are
percent-encoded, so no input can break out of the IRI or inject triples.

>>> doc_iri("isaf-test-0527")
rdflib.term.URIRef('https://w3id.org/conflict-kg/id/doc/isaf-test-0527')
>>> entity_iri("isis-k")
rdflib.term.URIRef('https://w3id.org/conflict-kg/id/isis-k')
>>> str(entity_iri("Foo> <http://x/p> <http://x/o> . <http://x/b"))
'https://w3id.org/conflict-kg/id/Foo%3E%20%3Chttp%3A/x/p%3E%20%3Chttp%3A/x/o%3E%20.%20%3Chttp%3A/x/b'
>>> event_iri("doc 1", "e3")
rdflib.term.URIRef('https://w3id.org/conflict-kg/id/event/doc%201/e3')
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.vocab import ID_BASE

_SAFE = "-._~/"


def _enc(part: str, keep_slash: bool = True) -> str:
    """Percent-encode ``part`` (NFC-normalised); slashes stay unless ``keep_slash`` is false."""
    part = unicodedata.normalize("NFC", part)
    part = re.sub(r"/{2,}", "/", part).strip("/") if keep_slash else part
    return quote(part, safe=_SAFE if keep_slash else "-._~") or "_"


AUTHORITY_GRAPH = URIRef(f"{ID_BASE}graph/authority")
"""The named graph holding the one shared description of each actor and place: types,
labels, aliases, relations, points (what documents say about them is supported by
``prov:wasDerivedFrom`` links from statement nodes in each document's graph)."""
PROVENANCE_GRAPH = URIRef(f"{ID_BASE}graph/provenance")
"""The named graph describing ingest runs (``prov:Activity``) and the software."""


def statement_iri(triple_nt: str) -> URIRef:
    """The IRI of the statement node of an authority triple (given as N-Triples), the same
    whichever document supports it.

    >>> str(statement_iri("<a> <b> <c>")).startswith("https://w3id.org/conflict-kg/id/statement/")
    True
    """
    import hashlib

    return URIRef(f"{ID_BASE}statement/{hashlib.sha1(triple_nt.encode()).hexdigest()[:20]}")


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a document, which is also the name of its graph."""
    return URIRef(f"{ID_BASE}doc/{_enc(doc_id, keep_slash=False)}")


def entity_iri(key: str) -> URIRef:
    """The IRI of an actor or place, from its canonical key."""
    return URIRef(f"{ID_BASE}{_enc(key)}")


def event_iri(doc_id: str, key: str) -> URIRef:
    """The IRI of an event read from document ``doc_id``."""
    return URIRef(f"{ID_BASE}event/{_enc(doc_id, keep_slash=False)}/{_enc(key)}")


def activity_iri(run_id: str) -> URIRef:
    """The IRI of one ingest run (a ``prov:Activity``)."""
    return URIRef(f"{ID_BASE}activity/{_enc(run_id, keep_slash=False)}")


def agent_iri(name: str) -> URIRef:
    """The IRI of a software agent (``conflict-kg/0.1.0``)."""
    return URIRef(f"{ID_BASE}software/{_enc(name)}")


def analysis_graph_iri(name: str) -> URIRef:
    """The IRI of a named graph holding analysis results (``pagerank``, ...)."""
    return URIRef(f"{ID_BASE}analysis/{_enc(name)}")


def doc_id_of(iri: str) -> str | None:
    """The document id back from a document IRI, or ``None`` for other IRIs.

    >>> doc_id_of(str(doc_iri("a b/c")))
    'a b/c'
    """
    from urllib.parse import unquote

    prefix = f"{ID_BASE}doc/"
    return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None
