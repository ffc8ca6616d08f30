"""The RDF and SPARQL results formats conflict-kg writes: one registry.

Every format is described once (short name, media types, file extensions, Oxigraph's
writer, whether it keeps named graphs) and found by name, media type or file extension,
as in rdflib's plugin registry (``rdflib/plugin.py``). The store's and remote stores'
export, ``kg export --help``, the endpoint's content negotiation and its service
description all read this table; nothing else lists formats.

Media types and the format IRIs are the W3C's (https://www.w3.org/ns/formats/); the
endpoint's negotiation puts every format's first media type before its aliases.

This module imports only the standard library and pyoxigraph (the server's query workers
import it).

>>> get("nquads").media_type, get("nquads").quads
('application/n-quads', True)
>>> by_media_type("text/plain").name
'ntriples'
>>> by_extension("graph.trig").name
'trig'
>>> "|".join(f.name for f in EXPORT)
'nquads|trig|turtle|ntriples|jsonld'
>>> get("xml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.formats.UnknownFormat: unknown format 'xml': choose one of nquads, trig, turtle, ...
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal

import pyoxigraph as ox

from kg.errors import KGError

W3C_FORMATS = "http://www.w3.org/ns/formats/"


class UnknownFormat(KGError, ValueError):
    """A format name, media type or extension that the registry does not know."""


@dataclass(frozen=True)
class Format:
    """One serialisation: how to name it, recognise it and write it.

    ``kind`` is ``"rdf"`` (graphs and datasets) or ``"results"`` (SPARQL SELECT/ASK
    results). ``quads`` says whether it keeps named graphs (N-Quads, TriG, JSON-LD); a
    triples-only format gets the union of the graphs. ``export`` marks the formats of
    ``kg export``; ``construct`` those the endpoint offers for CONSTRUCT/DESCRIBE;
    ``boolean`` the results formats it offers for ASK.
    """

    name: str
    title: str
    kind: Literal["rdf", "results"]
    media_types: tuple[str, ...]
    extensions: tuple[str, ...]
    oxigraph: Any  # ox.RdfFormat or ox.QueryResultsFormat
    w3c: str  # the local name of the format's IRI under http://www.w3.org/ns/formats/
    quads: bool = False
    export: bool = False
    construct: bool = False
    boolean: bool = False

    @property
    def media_type(self) -> str:
        """The preferred media type (the first)."""
        return self.media_types[0]

    @property
    def iri(self) -> str:
        """The W3C IRI naming the format (used in the service description)."""
        return W3C_FORMATS + self.w3c


FORMATS: tuple[Format, ...] = (
    # RDF: the order is the order of `kg export --help` and of the endpoint's preferences
    Format(
        "nquads", "N-Quads", "rdf", ("application/n-quads",), (".nq",),
        ox.RdfFormat.N_QUADS, "N-Quads", quads=True, export=True,
    ),
    Format(
        "trig", "TriG", "rdf", ("application/trig",), (".trig",),
        ox.RdfFormat.TRIG, "TriG", quads=True, export=True,
    ),
    Format(
        "turtle", "Turtle", "rdf", ("text/turtle", "application/x-turtle"), (".ttl",),
        ox.RdfFormat.TURTLE, "Turtle", export=True, construct=True,
    ),
    Format(
        "ntriples", "N-Triples", "rdf", ("application/n-triples", "text/plain"), (".nt",),
        ox.RdfFormat.N_TRIPLES, "N-Triples", export=True, construct=True,
    ),
    Format(
        "jsonld", "JSON-LD", "rdf", ("application/ld+json",), (".jsonld",),
        ox.RdfFormat.JSON_LD, "JSON-LD", quads=True, export=True, construct=True,
    ),
    Format(
        "rdfxml", "RDF/XML", "rdf", ("application/rdf+xml",), (".rdf",),
        ox.RdfFormat.RDF_XML, "RDF_XML", construct=True,
    ),
    # SPARQL results
    Format(
        "json", "SPARQL Results JSON", "results",
        ("application/sparql-results+json", "application/json"), (".srj",),
        ox.QueryResultsFormat.JSON, "SPARQL_Results_JSON", boolean=True,
    ),
    Format(
        "xml-results", "SPARQL Results XML", "results",
        ("application/sparql-results+xml", "application/xml", "text/xml"), (".srx",),
        ox.QueryResultsFormat.XML, "SPARQL_Results_XML", boolean=True,
    ),
    Format(
        "csv", "SPARQL Results CSV", "results", ("text/csv",), (".csv",),
        ox.QueryResultsFormat.CSV, "SPARQL_Results_CSV",
    ),
    Format(
        "tsv", "SPARQL Results TSV", "results", ("text/tab-separated-values",), (".tsv",),
        ox.QueryResultsFormat.TSV, "SPARQL_Results_TSV",
    ),
)  # fmt: skip

_BY_NAME = {f.name: f for f in FORMATS}
_BY_MEDIA_TYPE = {m: f for f in FORMATS for m in f.media_types}
_BY_EXTENSION = {e: f for f in FORMATS for e in f.extensions}

EXPORT: tuple[Format, ...] = tuple(f for f in FORMATS if f.export)
"""The formats of ``kg export`` and ``Store.export``, in the order help lists them."""
CONSTRUCT: tuple[Format, ...] = tuple(f for f in FORMATS if f.construct)
"""The formats the endpoint offers for CONSTRUCT and DESCRIBE results and for ``/graphs``."""
SELECT: tuple[Format, ...] = tuple(f for f in FORMATS if f.kind == "results")
"""The formats the endpoint offers for SELECT results."""
ASK: tuple[Format, ...] = tuple(f for f in SELECT if f.boolean)
"""The formats the endpoint offers for ASK results."""


def get(name: str) -> Format:
    """The format called ``name``; :class:`UnknownFormat` lists the names otherwise."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownFormat(
            f"unknown format {name!r}: choose one of {', '.join(_BY_NAME)}"
        ) from None


def export_format(name: str) -> Format:
    """The export format called ``name`` (one of :data:`EXPORT`), else :class:`UnknownFormat`.

    >>> export_format("turtle").quads
    False
    """
    f = _BY_NAME.get(name)
    if f is None or not f.export:
        raise UnknownFormat(f"unknown export format {name!r}: choose one of {names(EXPORT)}")
    return f


def by_media_type(media_type: str) -> Format:
    """The format a media type names (parameters such as ``charset`` are ignored)."""
    key = media_type.split(";")[0].strip().lower()
    try:
        return _BY_MEDIA_TYPE[key]
    except KeyError:
        raise UnknownFormat(
            f"unknown media type {media_type!r}: choose one of {', '.join(_BY_MEDIA_TYPE)}"
        ) from None


def by_extension(path: str | PurePath) -> Format:
    """The format a file name's extension names (``.nq``, ``.ttl``, ...)."""
    suffix = PurePath(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        raise UnknownFormat(
            f"unknown file extension {suffix!r} in {str(path)!r}: "
            f"use one of {', '.join(_BY_EXTENSION)}"
        ) from None


def names(formats: Iterable[Format], sep: str = ", ") -> str:
    """The formats' names joined by ``sep`` (for messages and ``--help``).

    >>> names(EXPORT, "|")
    'nquads|trig|turtle|ntriples|jsonld'
    """
    return sep.join(f.name for f in formats)
