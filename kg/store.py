"""The embedded store: an on-disk Oxigraph dataset, one named graph per document.

Queries are evaluated by Oxigraph, never by rdflib's engine; the union of the named graphs
is the default graph. rdflib stays available as a view (:meth:`Store.rdflib`) through
oxrdflib, for code that wants rdflib's API.

>>> import tempfile, pathlib
>>> tmp = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> with Store(tmp) as st:
...     _ = st.replace_document("d1", [(URIRef("http://x/s"), URIRef("http://x/p"), Literal(1))])
...     st.document_ids(), len(st)
(['d1'], 1)
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg import formats
from kg.errors import KGError
from kg.ontology import ontology_files
from kg.rdf.iri import AUTHORITY_GRAPH, PROVENANCE_GRAPH, doc_id_of, doc_iri
from kg.vocab import ID_BASE, ONTOLOGY_IRI

DEFAULT_STORE = "./kg-store"

PREFIXES = {
    "ckg": "https://w3id.org/conflict-kg/ontology#",
    "kgid": "https://w3id.org/conflict-kg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
    "owl": "http://www.w3.org/2002/07/owl#",
    # OGC GeoSPARQL and W3C Basic Geo: two vocabularies both often written "geo:"
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wgs84": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}
SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

# the export formats by name (their descriptions: kg.formats, the one registry)
EXPORT_FORMATS = {f.name: f.oxigraph for f in formats.EXPORT}


SERVICE_REFUSED = (
    "SERVICE (federated query) is refused: conflict-kg never sends requests to addresses "
    "named in queries or data. Query the other endpoint yourself and join the results."
)


def write_export(
    quads: Iterable[ox.Quad],
    output: IO[bytes] | str | Path,
    fmt: str = "nquads",
    *,
    with_ontology: bool = False,
) -> None:
    """Serialise a dataset's ``quads`` to ``output`` (a path or a binary file) as ``fmt``.

    The one export writer behind :meth:`Store.export` and
    :meth:`kg.remote.RemoteStore.export`: ``fmt`` is checked before anything is written;
    the ontology's graph is left out unless ``with_ontology``; triples-only formats get the
    union of the graphs, each triple once.

    >>> import io
    >>> q = ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"),
    ...             ox.NamedNode("http://x/g"))
    >>> buf = io.BytesIO(); write_export([q, q], buf, "ntriples")
    >>> buf.getvalue().decode().strip()
    '<http://x/s> <http://x/p> "o" .'
    """
    rdf_format = formats.export_format(fmt)
    if not with_ontology:
        onto = ox.NamedNode(str(ONTOLOGY_IRI))
        quads = (q for q in quads if q.graph_name != onto)
    close = False
    if isinstance(output, str | Path):
        output = open(output, "wb")  # noqa: SIM115
        close = True
    try:
        if rdf_format.quads:
            ox.serialize(quads, output, rdf_format.oxigraph, prefixes=PREFIXES)
        else:
            seen: set[ox.Triple] = set()
            triples = (q.triple for q in quads)
            ox.serialize(
                (t for t in triples if not (t in seen or seen.add(t))),  # type: ignore[func-returns-value]
                output,
                rdf_format.oxigraph,
                prefixes=PREFIXES,
            )
    finally:
        if close:
            output.close()


def orphaned_support_update(doc_graphs: list[str]) -> str:
    """A SPARQL update removing the authority triples (and their statement nodes) that only
    the documents ``doc_graphs`` support, ending with ``;`` (run it before dropping them).

    >>> "NOT EXISTS" in orphaned_support_update(["https://w3id.org/conflict-kg/id/doc/a"])
    True
    """
    docs = " ".join(f"<{d}>" for d in doc_graphs)
    listed = ", ".join(f"<{d}>" for d in doc_graphs)
    a = f"<{AUTHORITY_GRAPH}>"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    stmt = f"?st <{rdf}subject> ?s ; <{rdf}predicate> ?p ; <{rdf}object> ?o"
    derived = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    return (
        f"DELETE {{ GRAPH {a} {{ ?s ?p ?o . {stmt} }} }}\n"
        f"WHERE {{ VALUES ?d {{ {docs} }}\n"
        f"  GRAPH ?d {{ ?st {derived} ?d }}\n"
        f"  GRAPH {a} {{ {stmt} }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?st {derived} ?other }} "
        f"FILTER(?g NOT IN ({listed})) }}\n}} ;"
    )


ORPHANED_RUNS_UPDATE = f"""DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?act ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?act a <http://www.w3.org/ns/prov#Activity> ; ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x <http://www.w3.org/ns/prov#wasGeneratedBy> ?act }} }} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?sw ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?sw a <http://www.w3.org/ns/prov#SoftwareAgent> ; ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?act <http://www.w3.org/ns/prov#wasAssociatedWith> ?sw }} }}
}}"""
"""A SPARQL update removing the runs no document came from any more, and then the software
that ran none of the remaining runs."""


STATS = {
    "documents": "documents (ingested articles and dataset rows)",
    "events": "event reports: events read from a document, one per document that tells it",
    "resolved events": "real-world events after cross-document resolution (kg resolve)",
    "actors": "distinct actors some document mentions",
    "places": "distinct places some document mentions",
    "triples": "triples of the data, each once (the ontology's graph left out)",
}
"""What ``kg stats``, ``kg ingest`` and the home page count, under one definition each."""


def stats_query() -> str:
    """One SPARQL SELECT answering every count of :data:`STATS` (variables named after its
    keys, spaces as underscores), over named graphs only, so it means the same on any store
    whatever its default graph."""
    onto = f"<{ONTOLOGY_IRI}>"
    ckg = "https://w3id.org/conflict-kg/ontology#"
    sub = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
    a = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    doc = f"GRAPH ?d {{ ?d {a} <{ckg}Document> }}"

    def mentioned(cls: str) -> str:
        return (
            f"{{ SELECT (COUNT(DISTINCT ?x) AS ?{cls.lower()}s) WHERE {{ "
            f"GRAPH ?d {{ ?d <{ckg}mentions> ?x }} GRAPH ?g {{ ?x {a} ?c }} "
            f"GRAPH {onto} {{ ?c {sub} <{ckg}{cls}> }} }} }}"
        )

    return f"""SELECT ?documents ?events ?resolved_events ?actors ?places ?triples WHERE {{
  {{ SELECT (COUNT(DISTINCT ?d) AS ?documents) WHERE {{ {doc} }} }}
  {{ SELECT (COUNT(DISTINCT ?e) AS ?events) WHERE {{
      GRAPH ?d {{ ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?d ; {a} ?c }}
      GRAPH {onto} {{ ?c {sub} <{ckg}Event> }} }} }}
  {{ SELECT (COUNT(DISTINCT ?r) AS ?resolved_events) WHERE {{
      GRAPH <{ID_BASE}graph/resolution> {{ ?r {a} <{ckg}ResolvedEvent>
        FILTER NOT EXISTS {{ ?r <{ckg}retired> ?t }} }} }} }}
  {mentioned("Actor")}
  {mentioned("Place")}
  {{ SELECT (COUNT(*) AS ?triples) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {onto}) }} }}
}}"""


class StoreError(KGError):
    """The store could not be opened or written."""


def check_query_text(sparql: object, *, update: bool = False) -> str:
    """``sparql`` if this process may evaluate it, else :class:`StoreError`.

    Oxigraph would send a request to any ``SERVICE`` address (and ``LOAD`` fetches), and
    a query nested thousands of levels deep crashes the process that parses it: both are
    refused before Oxigraph sees the text (:func:`kg.query_guard.check_safe`), as is
    anything but text (rdflib's prepared queries would be evaluated by rdflib's engine,
    which follows ``SERVICE`` too).

    >>> check_query_text("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.store.StoreError: SERVICE (federated query) is refused: conflict-kg never sends ...
    """
    from kg.query_guard import QueryRefused, check_safe, code

    if not isinstance(sparql, str):
        raise StoreError(
            f"give the query as text, not a {type(sparql).__name__}: prepared rdflib queries "
            "would be evaluated by rdflib's engine, which follows SERVICE"
        )
    try:  # Oxigraph would send a request to any SERVICE address: never from here
        check_safe(sparql, SERVICE_REFUSED)
    except QueryRefused as err:
        raise StoreError(err.message) from None
    if update and re.search(r"(?<![\w:?$@.\-])LOAD(?![\w:.\-])", code(sparql, iris=False), re.I):
        raise StoreError(
            "LOAD is refused: conflict-kg never fetches data named in a query; download "
            "the file yourself and `kg ingest` or parse it"
        )
    return sparql


def default_store_path() -> str:
    """``$KG_STORE`` if set, else ``./kg-store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def to_ox(node: Node) -> Any:
    """An rdflib term as a pyoxigraph term.

    >>> lit = to_ox(Literal("5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    >>> lit.value, lit.datatype.value
    ('5', 'http://www.w3.org/2001/XMLSchema#integer')
    """
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"cannot store {node!r}: expected a URIRef, BNode or Literal")


def from_ox(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term (``None`` stays ``None``).

    A simple literal comes back typed ``xsd:string``, as RDF 1.1 has it (and as
    :class:`kg.remote.RemoteStore` answers).
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


_OX_CACHE: dict[Any, Any] = {}
_OX_CACHE_MAX = 200_000


def quad_terms(triple: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
    """A triple of rdflib (or pyoxigraph) terms as pyoxigraph terms, IRIs cached.

    Documents share most of their IRIs (classes, properties, actors, places), so a bounded
    cache saves most conversions; it is cleared when full, so memory stays flat.

    >>> s, p, o = quad_terms((URIRef("http://x/s"), URIRef("http://x/p"), Literal("v")))
    >>> s.value, o.value
    ('http://x/s', 'v')
    """
    out = []
    for t in triple:
        if type(t) is URIRef:
            n = _OX_CACHE.get(t)
            if n is None:
                if len(_OX_CACHE) >= _OX_CACHE_MAX:
                    _OX_CACHE.clear()
                n = _OX_CACHE[t] = ox.NamedNode(str(t))
            out.append(n)
        elif isinstance(t, ox.NamedNode | ox.BlankNode | ox.Literal):
            out.append(t)
        else:
            out.append(to_ox(t))
    return out[0], out[1], out[2]


def open_read_only(path: str | Path) -> ox.Store:
    """The Oxigraph store at ``path``, read-only, or a :class:`StoreError` that says what is
    wrong and what to do: no store there, or one whose creation was cut short (the process
    creating it was killed before it made its tables; it holds nothing yet).

    >>> import tempfile
    >>> open_read_only(tempfile.mkdtemp())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.store.StoreError: no store at /...: run `kg --store /... ingest ...` first
    """
    path = Path(path)
    if not (path / "CURRENT").exists():
        raise StoreError(f"no store at {path}: run `kg --store {path} ingest ...` first")
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as err:
        msg = str(err)
        if "column family not found" in msg.lower():
            raise StoreError(
                f"the store {path} was not completely created (the process creating it was "
                "stopped before it made its tables; it holds nothing yet): run "
                f"`kg --store {path} ingest --resume ...` with your inputs to finish it, or "
                "delete the folder"
            ) from None
        raise StoreError(f"cannot open the store {path} read-only: {msg}") from None


LOCK_WAIT = 1.0
"""Seconds a writer waits for the store's lock before refusing (``kg serve --refresh``
holds it for the few milliseconds of a snapshot)."""


def _open_writer(path: Path) -> ox.Store:
    """``ox.Store(path)``, retrying for :data:`LOCK_WAIT` seconds while another process
    holds the lock; then the lock error is raised."""
    import time

    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            return ox.Store(str(path))
        except OSError as err:
            if "lock" not in str(err).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class Store:
    """An on-disk Oxigraph dataset holding one named graph per document.

    Parameters
    ----------
    path:
        The store's folder (created if missing). Defaults to ``$KG_STORE`` or ``./kg-store``.
    read_only:
        Open without taking the writer's lock (several readers may share a store).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path or default_store_path())
        self.read_only = read_only
        self._ox: ox.Store | None = None
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(
                f"the store path {self.path} is a file, not a folder: "
                "give --store a folder (it is created if missing) or set KG_STORE"
            )
        if read_only:
            self._ox = open_read_only(self.path)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._ox = _open_writer(self.path)
        except RuntimeError as err:  # RocksDB's own errors (a damaged store)
            raise StoreError(f"cannot open the store {self.path}: {err}") from None
        except OSError as err:
            msg = str(err)
            if "lock" in msg.lower():
                raise StoreError(
                    f"the store {self.path} is in use by another writer (another `kg ingest` or "
                    "`kg serve`?): wait for it to finish, or use another --store"
                ) from err
            if "permission" in msg.lower() or "read-only" in msg.lower():
                raise StoreError(
                    f"cannot write to the store {self.path} ({msg}): choose a writable --store"
                ) from err
            raise StoreError(f"cannot open the store {self.path}: {msg}") from err

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (its lock goes with the last reference)."""
        if self._ox is not None:
            if not self.read_only:
                self._ox.flush()
            self._ox = None  # the last reference: Oxigraph releases the lock

    def reopen(self) -> None:
        """Flush, close and open the store again (a writer does this every so often on long
        ingests: Oxigraph's caches grow while a store stays open and are freed on close)."""
        if self._ox is None:
            raise StoreError("the store is closed")
        if self.read_only:
            return
        self._ox.flush()
        self._ox = None
        self._ox = _open_writer(self.path)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for hot paths)."""
        if self._ox is None:
            raise StoreError("the store is closed")
        return self._ox

    def __len__(self) -> int:
        return len(self.oxigraph)

    # ------------------------------------------------------------ writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")

    def replace_document(self, doc_id: str, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace the named graph of ``doc_id`` with ``triples``, atomically.

        Returns the number of triples written. Re-ingesting a document never duplicates it.
        """
        return self.replace_graph(doc_iri(doc_id), triples)

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace any named graph (a document's, analysis results) atomically."""
        self._check_writable()
        g = ox.NamedNode(str(graph))
        quads = {ox.Quad(*quad_terms(t), g) for t in triples}
        body = "\n".join(str(q.triple) + " ." for q in quads)
        # one SPARQL update is one transaction: the old graph never coexists with the new
        self.oxigraph.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        return len(quads)

    def replace_documents(
        self,
        docs: Iterable[tuple[str, Iterable[tuple[Node, Node, Node]] | bytes]],
        *,
        method: str = "auto",
    ) -> int:
        """Replace the graphs of many documents in **one** transaction; the triple count.

        ``docs`` yields ``(doc_id, triples)``; triples may be rdflib terms or pyoxigraph
        terms, or ``bytes``: the document's N-Quads (every quad in its graph, no duplicates,
        one a line), loaded by Oxigraph without the GIL. A document id given twice keeps its
        last triples (as two :meth:`replace_document` calls would). Either every graph of the
        batch is written or none is, and re-writing a batch never duplicates anything.

        ``method``: ``"update"`` (one SPARQL update: ``DROP SILENT GRAPH`` for each document
        and one ``INSERT DATA``), ``"extend"`` (``pyoxigraph.Store.extend``, one transaction,
        but it can only add: used when none of the graphs exists yet) or ``"auto"``
        (``extend`` for new documents, ``update`` as soon as one of them is already stored).
        ``bench/scale_ingest.py --writers`` measures them.

        >>> import tempfile
        >>> x, p = URIRef("http://x/s"), URIRef("http://x/p")
        >>> with Store(tempfile.mkdtemp() + "/s") as st:
        ...     st.replace_documents([("a", [(x, p, Literal(1))]), ("b", [(x, p, Literal(2))])])
        ...     st.replace_documents([("a", [(x, p, Literal(3))]), ("a", [(x, p, Literal(4))])])
        ...     sorted(int(r["o"]) for r in st.select("SELECT ?o { ?s ?p ?o }"))
        2
        1
        [2, 4]
        """
        self._check_writable()
        if method not in ("auto", "update", "extend"):
            raise ValueError(f"unknown method {method!r}: choose auto, update or extend")
        graphs: dict[str, Any] = {}
        for doc_id, triples in docs:
            g = ox.NamedNode(str(doc_iri(doc_id)))
            if isinstance(triples, bytes):  # N-Quads of this graph, unique (from workers)
                graphs[g.value] = triples
            else:  # triples go to the document's graph; quads keep theirs (the authority)
                graphs[g.value] = {
                    t if isinstance(t, ox.Quad) else ox.Quad(*quad_terms(t), g) for t in triples
                }
        if not graphs:
            return 0
        store = self.oxigraph
        fresh = method == "extend" or (
            method == "auto"
            and not any(store.contains_named_graph(ox.NamedNode(g)) for g in graphs)
        )
        n = 0
        if fresh and all(isinstance(v, bytes) for v in graphs.values()):
            data = b"".join(graphs.values())
            store.load(data, ox.RdfFormat.N_QUADS)  # one transaction, without the GIL
            return data.count(b"\n")
        for iri, v in graphs.items():
            if isinstance(v, bytes):
                graphs[iri] = set(ox.parse(v, ox.RdfFormat.N_QUADS))
        if fresh:
            quads: set[Any] = set()  # the authority's triples, said by many, written once
            for qs in graphs.values():
                n += len(qs)
                quads.update(qs)
            store.extend(quads)  # one transaction
            return n
        parts = [orphaned_support_update(list(graphs))]
        parts.extend(f"DROP SILENT GRAPH <{iri}> ;" for iri in graphs)
        by_graph: dict[str, set[Any]] = {}
        for qs in graphs.values():
            n += len(qs)
            for q in qs:
                by_graph.setdefault(q.graph_name.value, set()).add(q)
        parts.append("INSERT DATA {")
        for iri, qs in by_graph.items():
            parts.append(f"GRAPH <{iri}> {{")
            parts.extend(f"{q.triple} ." for q in qs)
            parts.append("}")
        parts.append("} ;")
        parts.append(ORPHANED_RUNS_UPDATE)
        store.update("\n".join(parts))  # one SPARQL update is one transaction
        return n

    def bulk_load_nquads(self, data: bytes | IO[bytes] | str | Path) -> None:
        """Load N-Quads with Oxigraph's bulk loader (fast, **not** transactional).

        For a fresh store or an offline load only: a crash midway leaves part of the data,
        and nothing may read or write the store meanwhile. Ingest uses
        :meth:`replace_documents` instead.
        """
        self._check_writable()
        if isinstance(data, str | Path):
            self.oxigraph.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        else:
            self.oxigraph.bulk_load(data, ox.RdfFormat.N_QUADS)

    def optimize(self) -> None:
        """Compact the store's files (after a large load: queries get faster)."""
        self._check_writable()
        self.oxigraph.optimize()

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document's graph and what rested only on it: the authority triples no
        other document supports, the run no other document came from. One transaction;
        ``False`` if the document was not there."""
        self._check_writable()
        g = ox.NamedNode(str(doc_iri(doc_id)))
        if not self.oxigraph.contains_named_graph(g):
            return False
        self.oxigraph.update(
            f"{orphaned_support_update([g.value])}\nDROP GRAPH {g} ;\n{ORPHANED_RUNS_UPDATE}"
        )
        return True

    def flush(self) -> None:
        """Write everything to disk."""
        self.oxigraph.flush()

    # ------------------------------------------------------------ reading

    def has_document(self, doc_id: str) -> bool:
        """Whether the store holds a graph for ``doc_id``."""
        return self.oxigraph.contains_named_graph(ox.NamedNode(str(doc_iri(doc_id))))

    def existing_documents(self, doc_ids: Iterable[str]) -> list[str]:
        """Those of ``doc_ids`` the store holds (``kg ingest --resume`` asks in chunks)."""
        store = self.oxigraph
        return [i for i in doc_ids if store.contains_named_graph(ox.NamedNode(str(doc_iri(i))))]

    def document_ids(self) -> list[str]:
        """The ids of every document in the store, sorted."""
        ids = (doc_id_of(g.value) for g in self.oxigraph.named_graphs())
        return sorted(i for i in ids if i is not None)

    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Evaluate SPARQL with Oxigraph; the default graph is the union of all graphs.

        The usual prefixes (``ckg:``, ``rdfs:``, ``skos:``, ...) are predeclared. ``SERVICE``
        and queries nested deeper than the parser can take are refused (:class:`StoreError`;
        see :func:`check_query_text`).
        """
        check_query_text(sparql)
        kwargs.setdefault("use_default_graph_as_union", True)
        kwargs.setdefault("prefixes", PREFIXES)
        return self.oxigraph.query(sparql, **kwargs)

    def select(self, sparql: str, **kwargs: Any) -> list[dict[str, Node | None]]:
        """Run a SELECT query and return its rows as dicts of rdflib terms.

        >>> import tempfile
        >>> with Store(tempfile.mkdtemp() + "/s") as st:
        ...     st.select("SELECT (1 AS ?one) {}")
        [{'one': rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))}]
        """
        res = self.query(sparql, **kwargs)
        names = [v.value for v in res.variables]
        return [{n: from_ox(sol[n]) for n in names} for sol in res]

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple[Node, Node, Node, Node]]:
        """Every quad (of one graph if given) as rdflib terms."""
        g = ox.NamedNode(str(graph)) if graph is not None else None
        for q in self.oxigraph.quads_for_pattern(None, None, None, g):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)  # type: ignore[misc]

    def stats(self) -> dict[str, int]:
        """Counts a user wants at a glance, each saying what it counts (:data:`STATS`)."""
        rows = self.select(stats_query())
        row = rows[0] if rows else {}
        return {name: int(row.get(name.replace(" ", "_")) or 0) for name in STATS}  # type: ignore[arg-type]

    def install_ontology(self) -> int:
        """Load the ontology (and its SKOS schemes, shapes excluded) into its own graph.

        SPARQL clients then see the class hierarchy and the ACLED/CAMEO/PLOVER mappings.
        Replacing the graph each time keeps the store free of duplicates.
        """
        from rdflib import Graph

        g = Graph()
        for f in ontology_files(include_shapes=False):
            g.parse(f, format="turtle")
        return self.replace_graph(ONTOLOGY_IRI, g)

    # ------------------------------------------------------------ export

    def export(
        self, output: IO[bytes] | str | Path, fmt: str = "nquads", *, with_ontology: bool = False
    ) -> None:
        """Write the whole dataset to ``output`` (a path or a binary file), streaming.

        ``fmt`` is the name of one of :data:`kg.formats.EXPORT` (``nquads``, ``trig``,
        ``turtle``, ``ntriples``, ``jsonld``). Turtle and N-Triples hold no graph names: they
        get the union of all graphs. With ``with_ontology`` the ontology goes in too (in its
        own graph where the format allows). An unknown ``fmt`` raises
        :class:`kg.formats.UnknownFormat` (a :class:`KGError`) naming the choices.
        """
        write_export(
            self.oxigraph.quads_for_pattern(None, None, None, None),
            output,
            fmt,
            with_ontology=with_ontology,
        )

    def export_bytes(self, fmt: str = "nquads", *, with_ontology: bool = False) -> bytes:
        """The export as bytes (small stores, tests)."""
        buf = io.BytesIO()
        self.export(buf, fmt, with_ontology=with_ontology)
        return buf.getvalue()

    # ------------------------------------------------------------ rdflib view

    def rdflib(self) -> Any:
        """An ``rdflib.Dataset`` over this store (oxrdflib), sharing its data.

        Use it for rdflib's API; its ``query`` and ``update`` are evaluated by Oxigraph,
        never by rdflib's own engine, with the checks of :meth:`query` (``SERVICE``,
        ``LOAD`` and queries nested too deep are refused with :class:`StoreError`).
        """
        from kg.rdflib_view import guarded_dataset

        return guarded_dataset(self.oxigraph, read_only=self.read_only)
