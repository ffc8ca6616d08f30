"""A writable external triple store: SPARQL 1.1 query endpoint + Graph Store Protocol.

:class:`GraphStore` reads like :class:`kg.remote.RemoteStore` (queries go to the query
endpoint) and writes one named graph per document with the Graph Store Protocol: ``PUT
{gsp}?graph=<document IRI>`` replaces the graph whole, so writing a document twice never
duplicates it, and an interrupted ingest leaves only whole documents (each PUT is atomic
on the servers below). With an ``update`` endpoint, :meth:`GraphStore.replace_documents`
can instead send a batch as one SPARQL update (``DROP SILENT GRAPH`` + ``INSERT DATA``):
one transaction per batch on servers that run updates in transactions.

URL shapes (:meth:`GraphStore.for_server` builds them from the server's base URL;
``DATASET`` is Fuseki's dataset, ``REPO`` GraphDB's repository):

* oxigraph: query ``BASE/query``, update ``BASE/update``, Graph Store ``BASE/store``
* fuseki: ``BASE/DATASET/query``, ``BASE/DATASET/update``, ``BASE/DATASET/data``
* graphdb: ``BASE/repositories/REPO``, ``BASE/repositories/REPO/statements``,
  ``BASE/repositories/REPO/rdf-graphs/service``
* virtuoso: ``BASE/sparql``, ``BASE/sparql-auth``, ``BASE/sparql-graph-crud-auth``

>>> st = GraphStore.for_server("http://127.0.0.1:7878")
>>> st.url, st.gsp_url, st.update_url
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store', 'http://127.0.0.1:7878/update')
>>> GraphStore.for_server("http://h:3030", kind="fuseki", dataset="kg").gsp_url
'http://h:3030/kg/data'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, cast

import httpx
import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.rdf.iri import doc_iri
from kg.remote import NQUADS, NTRIPLES, RemoteStore
from kg.store import Store, StoreError, quad_terms


def _ntriples(triples: Iterable[Any] | bytes) -> tuple[bytes, int]:
    """N-Triples bytes of ``triples`` (rdflib or pyoxigraph terms, or the N-Quads of one
    graph as bytes), duplicates dropped."""
    if isinstance(triples, bytes):
        triples = [
            (q.subject, q.predicate, q.object) for q in ox.parse(triples, ox.RdfFormat.N_QUADS)
        ]
    unique = {ox.Triple(*quad_terms(t)) for t in cast(Iterable[Any], triples)}
    return "".join(f"{t} .\n" for t in unique).encode("utf-8"), len(unique)


def _by_graph(doc_id: str, triples: Iterable[Any] | bytes) -> dict[str, list[Any]]:
    """A document's triples grouped by the graph they go to: its own graph's IRI first,
    then the shared graphs (the authority, the runs) its quads name."""
    own = str(doc_iri(doc_id))
    out: dict[str, list[Any]] = {own: []}
    if isinstance(triples, bytes):
        triples = list(ox.parse(triples, ox.RdfFormat.N_QUADS))
    for t in cast(Iterable[Any], triples):
        if isinstance(t, ox.Quad):
            g = t.graph_name.value if isinstance(t.graph_name, ox.NamedNode) else own
            out.setdefault(g, []).append((t.subject, t.predicate, t.object))
        else:
            out[own].append(t)
    return out


class GraphStore(RemoteStore):
    """A SPARQL 1.1 server written through the Graph Store Protocol, one graph a document.

    Parameters
    ----------
    query_url:
        The SPARQL query endpoint (reads: ``select``, ``stats``, ``--resume``'s id check).
    gsp:
        The Graph Store Protocol endpoint (writes: ``PUT``/``DELETE ?graph=IRI``; export:
        ``GET`` of the whole dataset as N-Quads where the server allows it).
    update:
        The SPARQL update endpoint, optional: with it, ``replace_documents(...,
        method="update")`` writes a batch in one update.
    dump:
        A URL whose ``GET`` (``Accept: application/n-quads``) answers the whole dataset,
        optional (Oxigraph: its Graph Store endpoint). Without it, or when the server
        refuses it, export reads graph by graph with standard queries.
    auth:
        ``(user, password)`` (HTTP Basic) or an ``httpx.Auth`` (Virtuoso's ``-auth``
        endpoints want ``httpx.DigestAuth``) for servers that protect writes.
    timeout:
        Seconds to wait for an answer.
    """

    read_only = False

    def __init__(
        self,
        query_url: str,
        *,
        gsp: str,
        update: str | None = None,
        dump: str | None = None,
        auth: tuple[str, str] | httpx.Auth | None = None,
        timeout: float = 300.0,
    ) -> None:
        super().__init__(query_url, timeout=timeout)
        self.gsp_url = gsp
        self.update_url = update
        self.dump_url = dump
        if isinstance(auth, tuple):
            auth = httpx.BasicAuth(*auth)
        if auth is not None:
            self._client.auth = auth

    @classmethod
    def for_server(
        cls,
        base: str,
        kind: str = "oxigraph",
        *,
        dataset: str = "kg",
        **kwargs: Any,
    ) -> GraphStore:
        """The endpoints of a ``kind`` of server at ``base`` (see the module's table).

        ``dataset`` is Fuseki's dataset or GraphDB's repository.
        """
        b = base.rstrip("/")
        shapes = {
            "oxigraph": (f"{b}/query", f"{b}/update", f"{b}/store"),
            "fuseki": (f"{b}/{dataset}/query", f"{b}/{dataset}/update", f"{b}/{dataset}/data"),
            "graphdb": (
                f"{b}/repositories/{dataset}",
                f"{b}/repositories/{dataset}/statements",
                f"{b}/repositories/{dataset}/rdf-graphs/service",
            ),
            "virtuoso": (f"{b}/sparql", f"{b}/sparql-auth", f"{b}/sparql-graph-crud-auth"),
        }
        if kind not in shapes:
            raise StoreError(f"unknown server kind {kind!r}: choose one of {', '.join(shapes)}")
        q, u, g = shapes[kind]
        if kind == "virtuoso" and isinstance(kwargs.get("auth"), tuple):
            kwargs["auth"] = httpx.DigestAuth(*kwargs["auth"])
        if kind == "oxigraph":
            kwargs.setdefault("dump", g)  # GET /store with a dataset format: everything
        return cls(q, gsp=g, update=u, **kwargs)

    def __repr__(self) -> str:
        return f"GraphStore({self.url!r}, gsp={self.gsp_url!r})"

    def _base(self) -> str:
        return self.gsp_url

    # ------------------------------------------------------------ HTTP
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            resp = self._client.request(method, url, **kwargs)
        except httpx.HTTPError as err:
            raise StoreError(f"cannot reach the triple store at {url} ({err})") from err
        if resp.status_code >= 400 and not (method == "DELETE" and resp.status_code == 404):
            msg = resp.text.strip()[:2000] or resp.reason_phrase
            raise StoreError(f"{method} {url} answered {resp.status_code}: {msg}")
        return resp

    # ------------------------------------------------------------ writing
    def replace_graph(self, graph: URIRef | str, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace a named graph with ``triples`` (one ``PUT``: atomic, idempotent)."""
        body, n = _ntriples(triples)
        self._send(
            "PUT",
            self.gsp_url,
            params={"graph": str(graph)},
            content=body,
            headers={"Content-Type": NTRIPLES},
        )
        return n

    def replace_document(self, doc_id: str, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace the graph of ``doc_id`` (one ``PUT``); the shared triples it carries (the
        authority's, the run's) are added to their graphs (one ``POST`` each: a merge, so
        each triple stays once). Deleting a document from a server leaves the authority as
        it is (the local store prunes it)."""
        groups = _by_graph(doc_id, triples)
        own = str(doc_iri(doc_id))
        n = self.replace_graph(own, groups.pop(own))
        for graph, ts in groups.items():
            body, k = _ntriples(ts)
            self._send(
                "POST",
                self.gsp_url,
                params={"graph": graph},
                content=body,
                headers={"Content-Type": NTRIPLES},
            )
            n += k
        return n

    def replace_documents(
        self, docs: Iterable[tuple[str, Iterable[Any]]], *, method: str = "auto"
    ) -> int:
        """Replace the graphs of many documents; the number of triples written.

        ``method``: ``"put"`` (one ``PUT`` per document, each atomic), ``"update"`` (the
        batch in one SPARQL update: atomic per batch where the server runs updates in a
        transaction; needs ``update``) or ``"auto"`` (``put``). A document id given twice
        keeps its last triples.
        """
        batch = dict(docs)
        if method == "update":
            if not self.update_url:
                raise StoreError("method='update' needs the server's update endpoint (update=)")
            parts = [f"DROP SILENT GRAPH <{doc_iri(d)}> ;" for d in batch]
            parts.append("INSERT DATA {")
            n = 0
            for d, triples in batch.items():
                for graph, ts in _by_graph(d, triples).items():
                    body, k = _ntriples(ts)
                    n += k
                    parts.append(f"GRAPH <{graph}> {{\n{body.decode('utf-8')}}}")
            parts.append("}")
            self._send(
                "POST",
                self.update_url,
                content="\n".join(parts).encode("utf-8"),
                headers={"Content-Type": "application/sparql-update"},
            )
            return n
        if method not in ("auto", "put"):
            raise ValueError(f"unknown method {method!r}: choose auto, put or update")
        return sum(self.replace_document(d, t) for d, t in batch.items())

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document's graph (``DELETE``); ``False`` if it was not there."""
        resp = self._send("DELETE", self.gsp_url, params={"graph": str(doc_iri(doc_id))})
        return resp.status_code != 404

    def install_ontology(self) -> int:
        """Put the ontology in its own graph (as :meth:`kg.store.Store.install_ontology`)."""
        return Store.install_ontology(cast(Store, self))

    def flush(self) -> None:
        """Nothing to do: every request is committed when it is answered."""

    def existing_documents(self, doc_ids: Iterable[str]) -> list[str]:
        """Those of ``doc_ids`` the server holds (one query for all)."""
        ids = list(doc_ids)
        if not ids:
            return []
        iris = {str(doc_iri(i)): i for i in ids}
        values = " ".join(f"<{g}>" for g in iris)
        rows = self.select(
            f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        return [iris[str(r["g"])] for r in rows if r["g"] is not None and str(r["g"]) in iris]

    # ------------------------------------------------------------ export
    def _dump_url(self) -> str | None:
        """The server's whole-dataset download (``GET`` on ``dump``), if it has one."""
        return self.dump_url

    def load_nquads(self, data: bytes | str | Path | IO[bytes]) -> None:
        """Add N-Quads to the dataset in one request (``POST`` of the whole dataset).

        Adds, never replaces: for a first load into an empty store.
        """
        if isinstance(data, str | Path):
            data = Path(data).read_bytes()
        elif not isinstance(data, bytes):
            data = data.read()
        self._send("POST", self.gsp_url, content=data, headers={"Content-Type": NQUADS})


def open_graph_store(target: str, gsp: str, update: str | None = None) -> GraphStore:
    """The store of ``kg --store QUERY_URL ingest --gsp GSP_URL``."""
    if not target.startswith(("http://", "https://")):
        raise StoreError(
            f"--gsp writes to a triple store server, but --store {target!r} is a folder: give "
            "the server's SPARQL query URL with --store (e.g. http://127.0.0.1:7878/query)"
        )
    return GraphStore(target, gsp=gsp, update=update)


__all__ = ["GraphStore", "open_graph_store"]
