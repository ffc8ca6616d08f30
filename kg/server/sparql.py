"""The SPARQL 1.1 Protocol at ``/sparql``: query by GET, form POST and direct POST.

* ``default-graph-uri`` / ``named-graph-uri`` set the dataset (and override the query's
  ``FROM``); without either, and without ``FROM`` in the query, the default graph is the
  union of every named graph.
* Results are negotiated from ``Accept``: SELECT/ASK as SPARQL JSON, XML (and CSV, TSV for
  SELECT), CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML; anything else 406.
  Extra parameters clients add (``format``, ``output``, ...) are ignored.
* A GET without a query returns the service description.
* Updates are refused with 403: the endpoint is read-only.
* Limits (time, result size, body size, query length) are named in every error message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from kg import formats
from kg.query_guard import READ_ONLY_MESSAGE, QueryRefused, check_graph_iri, check_query
from kg.server.negotiation import BOOLEAN, GRAPH, TABULAR, Offer, choose, listing
from kg.server.workers import (
    Job,
    QueryOutOfMemory,
    QueryTimeout,
    ServerBusy,
    WorkerCrashed,
)

if TYPE_CHECKING:
    from kg.server.context import ServerContext

log = logging.getLogger("kg.server")

INLINE_CHECK_CHARS = 4096
_GUARD_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-guard")

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
ALLOW = "GET, POST"


class ProtocolError(Exception):
    """A request this endpoint answers with an error status and a plain-text message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A plain-text error: one clear message, never a path or a stack trace."""
    return PlainTextResponse(
        message.rstrip() + "\n",
        status_code=status,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB"


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) more than ``limit`` bytes without reading it all."""
    too_big = ProtocolError(
        413,
        f"the request body is larger than this endpoint's limit of {limit} bytes "
        "(--max-body): send a shorter query",
    )
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise too_big
        except ValueError:
            raise ProtocolError(400, "the Content-Length header is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(header: str | None) -> tuple[str, str | None]:
    """``(mime, charset)`` of a Content-Type header."""
    if not header:
        return "", None
    bits = [b.strip() for b in header.split(";")]
    charset = None
    for b in bits[1:]:
        k, _, v = b.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return bits[0].lower(), charset


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {what} is not valid UTF-8: send UTF-8 text") from None


def _check_iri(iri: str, param: str) -> str:
    parts = urlsplit(iri)
    if not parts.scheme or any(c in iri for c in ' <>"{}|\\^`\n\r\t'):
        raise ProtocolError(400, f"{param}={iri!r} is not an absolute IRI")
    check_graph_iri(iri, param)  # the same rule as FROM <...>
    return iri


def service_description(ctx: ServerContext, endpoint: str) -> str:
    """The service description (Turtle) served on a GET without a query."""
    s = ctx.settings
    served = ", ".join(f"<{f.iri}>" for f in (*formats.SELECT, *formats.CONSTRUCT))
    comment = (
        "conflict-kg SPARQL endpoint, read-only; the default graph is the union of the named "
        f"graphs (one per document). Limits: {s.timeout:g} s per query, results up to "
        f"{_mib(s.max_result_bytes)}, request bodies up to {s.max_body_bytes} bytes, "
        f"queries up to {s.max_query_chars} characters. SERVICE and updates are refused."
    )
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:resultFormat {served} ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] ;
    rdfs:comment "{comment}" .
"""


def _service_description_response(ctx: ServerContext, request: Request, endpoint: str) -> Response:
    offer = choose(request.headers.get("accept"), GRAPH)
    if offer is None:
        # browsers and unknown clients still get something readable
        offer = GRAPH[0]
    ttl = service_description(ctx, endpoint)
    if offer.fmt == "turtle":
        body = ttl.encode()
    else:
        triples = (q.triple for q in ox.parse(ttl.encode(), ox.RdfFormat.TURTLE))
        body = ox.serialize(triples, None, formats.get(offer.fmt).oxigraph) or b""
    return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})


def _getall(pairs: list[tuple[str, str]], key: str) -> list[str]:
    return [v for k, v in pairs if k == key]


async def handle(ctx: ServerContext, request: Request) -> Response:
    """Answer one request to ``/sparql``."""
    try:
        return await _handle(ctx, request)
    except ProtocolError as err:
        return error_response(err.status, err.message, err.headers)
    except QueryRefused as err:
        return error_response(err.status, err.message)


async def _handle(ctx: ServerContext, request: Request) -> Response:
    settings = ctx.settings
    method = request.method
    if method not in ("GET", "HEAD", "POST"):
        raise ProtocolError(
            405,
            f"{method} is not a SPARQL Protocol operation: send queries by GET or POST "
            "(this endpoint is read-only)",
            {"Allow": ALLOW},
        )
    url_params = parse_qsl(request.url.query, keep_blank_values=True)
    endpoint = str(request.url.replace(query="", fragment=""))
    params = list(url_params)
    queries = _getall(url_params, "query")
    if "update" in {k for k, _ in url_params}:
        raise ProtocolError(403, READ_ONLY_MESSAGE)
    if method == "POST":
        mime, charset = _media_type(request.headers.get("content-type"))
        if charset is not None and charset not in ("utf-8", "utf8"):
            raise ProtocolError(415, f"charset={charset} is not supported: send the query as UTF-8")
        if mime == UPDATE:
            raise ProtocolError(403, READ_ONLY_MESSAGE)
        if mime not in (FORM, QUERY):
            raise ProtocolError(
                415,
                f"POST a query as {QUERY} (the query as the body) or as {FORM} "
                f"(query=...); got {mime or 'no Content-Type'}",
            )
        body = await read_body(request, settings.max_body_bytes)
        if mime == FORM:
            form = parse_qsl(_utf8(body, "form body"), keep_blank_values=True)
            if any(k == "update" for k, _ in form):
                raise ProtocolError(403, READ_ONLY_MESSAGE)
            queries += _getall(form, "query")
            params += form
        else:
            queries.append(_utf8(body, "query"))
    elif not queries:
        return _service_description_response(ctx, request, endpoint)

    if len(queries) != 1:
        raise ProtocolError(400, f"send exactly one query; this request has {len(queries)}")
    query = queries[0]
    if len(query) > settings.max_query_chars:
        raise ProtocolError(
            413,
            f"the query has {len(query)} characters; this endpoint's limit is "
            f"{settings.max_query_chars} (--max-query-chars)",
        )
    default_graphs = [
        _check_iri(g, "default-graph-uri") for g in _getall(params, "default-graph-uri")
    ]
    named_graphs = [_check_iri(g, "named-graph-uri") for g in _getall(params, "named-graph-uri")]

    # linear in the query's length: short queries (microseconds) on the event loop, long
    # ones (up to ~50 ms) on the guard's own thread, never queued behind page rendering
    if len(query) <= INLINE_CHECK_CHARS:
        info = check_query(query, prefixes=ctx.prefixes, base_iri=endpoint)
    else:
        loop = asyncio.get_running_loop()
        info = await loop.run_in_executor(
            _GUARD_THREAD, partial(check_query, query, prefixes=ctx.prefixes, base_iri=endpoint)
        )

    accept = request.headers.get("accept")
    offers: tuple[Offer, ...]
    if info.form == "SELECT":
        offers = TABULAR
    elif info.form == "ASK":
        offers = BOOLEAN
    elif info.form in ("CONSTRUCT", "DESCRIBE"):
        offers = GRAPH
    else:  # not a query Oxigraph will accept: let it say why (400)
        offers = ()
    tabular = graph = None
    if offers:
        chosen = choose(accept, offers)
        if chosen is None:
            raise ProtocolError(
                406,
                f"cannot produce {accept!r} for a {info.form} query: accept one of "
                f"{listing(offers)}",
            )
        tabular = chosen if offers is not GRAPH else None
        graph = chosen if offers is GRAPH else None

    protocol_dataset = bool(default_graphs or named_graphs)
    job = Job(
        query=query,
        union=not protocol_dataset and not info.has_dataset,
        default_graph=default_graphs if protocol_dataset else None,
        named_graphs=named_graphs if protocol_dataset else None,
        base_iri=endpoint,
        prefixes=ctx.prefixes,
        tabular_format=tabular.fmt if tabular else "json",
        graph_format=graph.fmt if graph else "turtle",
        max_bytes=settings.max_result_bytes,
    )
    pool = ctx.pool
    if pool is None:
        raise ProtocolError(503, "the query workers are not running")
    try:
        reply = await pool.run(job, settings.timeout, settings.queue_timeout)
    except QueryTimeout:
        raise ProtocolError(
            503,
            f"the query ran longer than this endpoint's limit of {settings.timeout:g} s "
            "(--timeout) and was stopped: narrow it (more specific patterns, LIMIT) "
            "or ask the operator for a longer timeout",
        ) from None
    except ServerBusy as err:
        raise ProtocolError(
            503, f"the endpoint is busy: {err}; try again shortly", {"Retry-After": "5"}
        ) from None
    except QueryOutOfMemory:
        raise ProtocolError(503, out_of_memory_message(settings)) from None
    except WorkerCrashed:
        raise ProtocolError(
            500, "the query stopped unexpectedly (its worker crashed): narrow it or add LIMIT"
        ) from None
    try:
        if reply.kind == "memory":
            return error_response(503, out_of_memory_message(settings))
        if reply.status != 200:
            return error_response(reply.status, reply.payload.decode("utf-8", "replace"))
        offer = graph or GRAPH[0] if reply.kind == "graph" else tabular or TABULAR[0]
        headers = {"Vary": "Accept", "Cache-Control": "no-store"}
        if len(reply.payload) <= STREAM_FROM:
            return Response(reply.payload, media_type=offer.content_type, headers=headers)
        response = SentThenReleased(
            reply, offer.content_type, headers, stall=SEND_STALL
        )  # releases the result's memory once sent
        reply = None  # type: ignore[assignment]
        return response
    finally:
        if reply is not None:
            reply.release()


def out_of_memory_message(settings: Any) -> str:
    """The 503 message for a query stopped at the memory limit of its worker."""
    return (
        "the query needed more memory than this endpoint allows one query "
        f"({_mib(settings.query_memory)}, --query-memory) and was stopped: narrow it (more "
        "specific patterns, LIMIT, fewer variables in ORDER BY)"
    )


STREAM_FROM = 256 * 1024  # results larger than this are sent in chunks
SEND_STALL = 60.0  # seconds a client may read nothing of a large answer before it is cut off
CHUNK = 256 * 1024


class SentThenReleased(Response):
    """A large result sent in chunks (so the connection's flow control applies and no copy
    is made), giving its memory back to the pool's budget once sent or abandoned.

    A client that reads nothing for ``stall`` seconds is cut off: a slow reader cannot hold
    the server's result memory for ever.
    """

    def __init__(
        self, reply: Any, media_type: str, headers: dict[str, str], *, stall: float
    ) -> None:
        super().__init__(content=b"", media_type=media_type, headers=headers)
        self.reply = reply
        self.stall = stall
        self.headers["content-length"] = str(len(reply.payload))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        reply, self.reply = self.reply, None
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status_code,
                    "headers": self.raw_headers,
                }
            )
            if scope.get("method") == "HEAD":
                await send({"type": "http.response.body", "body": b""})
                return
            view = memoryview(reply.payload)
            for start in range(0, len(view), CHUNK):
                chunk = bytes(view[start : start + CHUNK])
                more = start + CHUNK < len(view)
                message = {"type": "http.response.body", "body": chunk, "more_body": more}
                try:
                    await asyncio.wait_for(send(message), self.stall)
                except TimeoutError:
                    log.warning(
                        "a client read nothing for %g s: its answer was cut off", self.stall
                    )
                    raise
        finally:
            reply.release()


def router(ctx: ServerContext) -> APIRouter:
    """The ``/sparql`` routes (with and without a trailing slash)."""
    r = APIRouter()

    async def endpoint(request: Request) -> Response:
        return await handle(ctx, request)

    methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    for path in ("/sparql", "/sparql/"):
        r.add_api_route(path, endpoint, methods=methods, include_in_schema=False)
    return r


RouterFactory = Callable[["ServerContext"], Any]
