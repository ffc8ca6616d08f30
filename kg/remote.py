"""A SPARQL endpoint (``kg serve``, or any SPARQL 1.1 endpoint) with the store's read API.

``kg.open("http://127.0.0.1:8000/sparql")`` returns a :class:`RemoteStore`: ``select``,
``query``, ``document_ids``, ``has_document``, ``stats``, ``export`` and ``rdflib`` behave
as on :class:`kg.store.Store`; the write methods raise :class:`kg.store.StoreError` (the
endpoint is read-only: ingest into a store folder with ``kg ingest``).

>>> RemoteStore("http://127.0.0.1:9/sparql").replace_document("d", [])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.store.StoreError: http://127.0.0.1:9/sparql is a read-only SPARQL endpoint: ...
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

import httpx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import formats
from kg.rdf.iri import doc_id_of, doc_iri
from kg.store import SPARQL_PREFIXES, Store, StoreError, from_ox, write_export

JSON_RESULTS = formats.get("json").media_type
NQUADS = formats.get("nquads").media_type
NTRIPLES = formats.get("ntriples").media_type
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _term(b: dict[str, Any]) -> Node:
    """An rdflib term from a SPARQL JSON results binding.

    >>> _term({"type": "literal", "value": "5", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    rdflib.term.Literal('5', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    t = b["type"]
    if t == "uri":
        return URIRef(b["value"])
    if t == "bnode":
        return BNode(b["value"])
    if t in ("literal", "typed-literal"):
        if "xml:lang" in b:
            return Literal(b["value"], lang=b["xml:lang"])
        if "datatype" in b:
            return Literal(b["value"], datatype=URIRef(b["datatype"]))
        return Literal(b["value"], datatype=XSD_STRING)  # as kg.store.from_ox (RDF 1.1)
    raise StoreError(f"the endpoint sent a term of unknown type {t!r}")


class Refused(StoreError):
    """The server answered a download with an error status (``status``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


# answers meaning "this server has no such download": try another way
NOT_OFFERED = frozenset({400, 404, 405, 406, 415, 501})


def spool_get(
    client: httpx.Client, url: str, *, refused: str, headers: dict[str, str] | None = None
) -> IO[bytes]:
    """The body of ``GET url`` in a temporary file (streamed, spilled to disk past 64 MiB).

    Any answer but 200 raises :class:`Refused` (a :class:`StoreError`) with ``refused``
    as the explanation.
    """
    out = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)  # noqa: SIM115
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code != 200:
                out.close()
                raise Refused(f"GET {url} answered {resp.status_code}: {refused}", resp.status_code)
            for chunk in resp.iter_bytes():
                out.write(chunk)
    except httpx.HTTPError as err:
        out.close()
        raise StoreError(f"cannot download {url} ({err})") from err
    out.seek(0)
    return cast(IO[bytes], out)


class RemoteStore:
    """The read side of :class:`kg.store.Store`, over HTTP.

    Parameters
    ----------
    url:
        The SPARQL endpoint, e.g. ``http://127.0.0.1:8000/sparql``.
    timeout:
        Seconds to wait for an answer (the server has its own query limit).
    """

    read_only = True

    def __init__(self, url: str, *, timeout: float = 120.0) -> None:
        self.url = url
        self.path = url
        self._client = httpx.Client(timeout=timeout, headers={"User-Agent": "conflict-kg"})

    # ------------------------------------------------------------ lifecycle
    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def _base(self) -> str:
        """The server root (the endpoint URL without its last ``/sparql`` segment)."""
        u = self.url.rstrip("/")
        return u[: -len("/sparql")] if u.endswith("/sparql") else u

    # ------------------------------------------------------------ HTTP
    def _post(self, sparql: str, accept: str) -> httpx.Response:
        try:
            resp = self._client.post(
                self.url,
                content=(SPARQL_PREFIXES + sparql).encode("utf-8"),
                headers={"Content-Type": "application/sparql-query", "Accept": accept},
            )
        except httpx.HTTPError as err:
            raise StoreError(
                f"cannot reach the SPARQL endpoint {self.url} ({err}): is `kg serve` running?"
            ) from err
        if resp.status_code != 200:
            msg = resp.text.strip()[:2000] or resp.reason_phrase
            raise StoreError(f"the endpoint {self.url} answered {resp.status_code}: {msg}")
        return resp

    # ------------------------------------------------------------ writing: refused
    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise StoreError(
            f"{self.url} is a read-only SPARQL endpoint: to add or change documents, run "
            "`kg --store <folder> ingest ...` against a store folder"
        )

    replace_document = replace_graph = remove_document = flush = install_ontology = _read_only

    @property
    def oxigraph(self) -> Any:
        """Not available: the store lives in the server's process."""
        raise StoreError(f"{self.url} is a remote endpoint: it has no local Oxigraph store")

    # ------------------------------------------------------------ reading
    def select(self, sparql: str, **kwargs: Any) -> list[dict[str, Node | None]]:
        """Run a SELECT query; rows as dicts of rdflib terms (``None`` when unbound)."""
        data = self._post(sparql, JSON_RESULTS).json()
        names = data.get("head", {}).get("vars", [])
        rows = data.get("results", {}).get("bindings", [])
        return [{n: (_term(r[n]) if n in r else None) for n in names} for r in rows]

    def query(self, sparql: str, **kwargs: Any) -> Any:
        """ASK -> bool, SELECT -> list of rows (as :meth:`select`), CONSTRUCT/DESCRIBE -> an
        rdflib ``Graph``."""
        accept = f"{JSON_RESULTS}, {NTRIPLES};q=0.9"
        resp = self._post(sparql, accept)
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        if ctype in formats.get("json").media_types:
            data = resp.json()
            if "boolean" in data:
                return bool(data["boolean"])
            names = data.get("head", {}).get("vars", [])
            return [
                {n: (_term(r[n]) if n in r else None) for n in names}
                for r in data.get("results", {}).get("bindings", [])
            ]
        g = Graph()
        for q in ox.parse(resp.content, ox.RdfFormat.N_TRIPLES):
            g.add(
                cast(
                    tuple[Node, Node, Node],
                    (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)),
                )
            )
        return g

    def ask(self, sparql: str) -> bool:
        """Run an ASK query."""
        return bool(self.query(sparql))

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        return int(str(rows[0]["n"] or 0))

    def document_ids(self) -> list[str]:
        """The ids of every document in the store, sorted."""
        rows = self.select("SELECT DISTINCT ?g { GRAPH ?g { } }")
        ids = (doc_id_of(str(r["g"])) for r in rows if r["g"] is not None)
        return sorted(i for i in ids if i is not None)

    def has_document(self, doc_id: str) -> bool:
        """Whether the store holds a graph for ``doc_id``."""
        return bool(self.query(f"ASK {{ GRAPH <{doc_iri(doc_id)}> {{ ?s ?p ?o }} }}"))

    def stats(self) -> dict[str, int]:
        """Documents, triples, events, actors, places (the same queries as the local store)."""
        return Store.stats(cast(Store, self))

    def _dump_url(self) -> str | None:
        """Where the server offers the whole dataset as N-Quads (``kg serve``'s dump)."""
        return self._base() + "/dump.nq"

    def _dump(self) -> IO[bytes]:
        """The whole dataset as N-Quads in a temporary file (streamed, not held in memory).

        One download where the server offers one (``kg serve``'s ``/dump.nq``, the Graph
        Store endpoint of an Oxigraph server); from any other SPARQL 1.1 endpoint, graph by
        graph (:meth:`_dump_by_graph`).
        """
        url = self._dump_url()
        if url is not None:
            try:
                return spool_get(
                    self._client, url, headers={"Accept": NQUADS}, refused="no dataset download"
                )
            except Refused as err:
                if err.status not in NOT_OFFERED:
                    raise
        return self._dump_by_graph()

    def _dump_by_graph(self) -> IO[bytes]:
        """The dataset as N-Quads from standard queries: the named graphs' IRIs, then one
        ``CONSTRUCT`` per graph, in IRI order (works on any SPARQL 1.1 endpoint)."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        graphs = sorted(str(r["g"]) for r in rows if isinstance(r["g"], URIRef))
        out = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)  # noqa: SIM115
        try:
            for g in graphs:
                name = ox.NamedNode(g)  # validated: the IRI cannot break out of <...>
                resp = self._post(
                    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}", NTRIPLES
                )
                kind = resp.headers.get("content-type", NTRIPLES).split(";")[0].strip()
                fmt = next((f.name for f in formats.FORMATS if kind in f.media_types), None)
                # each parse names its format: never JSON-LD or RDF/XML (see test_security_remote)
                if fmt == "ntriples":
                    triples = ox.parse(resp.content, ox.RdfFormat.N_TRIPLES)
                elif fmt == "turtle":
                    triples = ox.parse(resp.content, ox.RdfFormat.TURTLE)
                else:
                    raise StoreError(
                        f"the endpoint {self.url} answered a CONSTRUCT with {kind!r}: expected "
                        "N-Triples or Turtle"
                    )
                ox.serialize(
                    (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples),
                    out,
                    ox.RdfFormat.N_QUADS,
                )
        except BaseException:
            out.close()
            raise
        out.seek(0)
        return cast(IO[bytes], out)

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple[Node, Node, Node, Node]]:
        """Every quad (of one graph if given) as rdflib terms."""
        src = self._dump()
        with src:
            for q in ox.parse(src, ox.RdfFormat.N_QUADS):
                g = from_ox(q.graph_name) if not isinstance(q.graph_name, ox.DefaultGraph) else None
                if graph is not None and g != graph:
                    continue
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g  # type: ignore[misc]

    def export(
        self, output: IO[bytes] | str | Path, fmt: str = "nquads", *, with_ontology: bool = False
    ) -> None:
        """Write the whole dataset to ``output`` like :meth:`kg.store.Store.export`."""
        try:
            formats.export_format(fmt)  # an unknown format fails before the download
        except formats.UnknownFormat as err:
            raise StoreError(str(err)) from None
        with self._dump() as src:
            write_export(
                ox.parse(src, ox.RdfFormat.N_QUADS),
                output,
                fmt,
                with_ontology=with_ontology,
            )

    def export_bytes(self, fmt: str = "nquads", *, with_ontology: bool = False) -> bytes:
        """The export as bytes (small stores, tests)."""
        buf = io.BytesIO()
        self.export(buf, fmt, with_ontology=with_ontology)
        return buf.getvalue()

    def rdflib(self) -> Any:
        """An ``rdflib.Dataset`` over the endpoint (rdflib's ``SPARQLStore``), read-only.

        The default graph is the union of the named graphs, as on the server.
        """
        from rdflib import Dataset
        from rdflib.plugins.stores.sparqlstore import SPARQLStore

        store = SPARQLStore(self.url, returnFormat="json", method="POST_FORM")
        return Dataset(store=store, default_union=True)
