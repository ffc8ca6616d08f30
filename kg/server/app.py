"""The ASGI application behind ``kg serve``: SPARQL endpoint, graph store reads, ontology.

Routes
------
``/sparql``          SPARQL 1.1 Protocol, read-only (:mod:`kg.server.sparql`)
``/graphs?graph=``   one document's graph (Graph Store Protocol, read side); ``?doc=<id>``
                     is a shortcut for the document's graph IRI
``/dump.nq``         the whole dataset as N-Quads, streamed
``/ontology``        the ontology: Turtle for RDF clients, HTML for browsers
``/healthz``         ``{"status": "ok"}`` once the query workers run

The store is never read while ``kg ingest`` writes it (:mod:`kg.server.snapshot`): by
default the server holds a shared lock that keeps writers out; with ``Settings.refresh``
(``kg serve --refresh``) it serves private snapshots and moves to a new one after each
writer finishes. Routes must therefore read ``ctx.store`` (or ``ctx.reading()``) on each
request, never keep the handle from when the router was built.

Other parts of conflict-kg add pages through router factories: a callable taking the
:class:`ServerContext` and returning a FastAPI ``APIRouter``. Pass them to
:func:`create_app` (``routers=``) or expose ``router(ctx)`` in a module listed in
:data:`ROUTER_MODULES`.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg import formats, ontology_docs
from kg.server import sparql
from kg.server.context import ServerContext
from kg.server.dump import first_then_rest, stream_quads
from kg.server.negotiation import GRAPH, Offer, choose, listing, offers
from kg.server.settings import Settings
from kg.server.snapshot import (
    ReaderLock,
    StoreSnapshot,
    WriterActive,
    fingerprint,
    remove_stale_snapshots,
    take_snapshot,
)
from kg.server.workers import WorkerPool

log = logging.getLogger("kg.server")

ROUTER_MODULES: tuple[str, ...] = ("kg.views.web", "kg.views.maps", "kg.views.review")
"""Modules whose ``router(ctx)`` is mounted (each must import and define it)."""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
ONTOLOGY_DOCS_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)
DUMP_BATCH = 20_000


def make_pool(path: Path, settings: Settings) -> WorkerPool:
    """The query workers over the store at ``path``, with the settings' lanes and limits."""
    return WorkerPool(
        str(path),
        size=settings.workers,
        short=settings.short_workers,
        short_seconds=settings.short_seconds,
        memory=settings.query_memory,
        results_memory=settings.results_memory,
    )


async def refresh_once(ctx: ServerContext) -> bool:
    """Move to a new snapshot if the store changed and no writer holds it; ``True`` if so.

    New requests go to the new workers at once; requests in flight on the old ones finish
    (up to the query and queue limits) before those stop and the old snapshot is deleted.
    """
    old_snap, old_pool = ctx.snapshot, ctx.pool
    if old_snap is None or old_pool is None:
        return False
    if fingerprint(ctx.store_path) == old_snap.fingerprint:
        return False
    loop = asyncio.get_running_loop()
    taking = loop.run_in_executor(None, take_snapshot, ctx.store_path)
    try:
        snap = await asyncio.shield(taking)
    except WriterActive:
        return False  # a writer is busy: look again next time
    except asyncio.CancelledError:  # the server is stopping: leave no snapshot behind
        with contextlib.suppress(Exception):
            (await taking).retire()
        raise
    if snap.fingerprint == old_snap.fingerprint:
        snap.retire()
        return False
    pool = make_pool(snap.path, ctx.settings)
    try:
        await pool.start()
    except BaseException:
        await pool.close()
        snap.retire()
        raise
    ctx.snapshot, ctx.store, ctx.pool = snap, snap.store, pool
    ctx.generation += 1
    log.info("serving a new snapshot of %s (refresh %d)", ctx.store_path, ctx.generation)
    try:
        await old_pool.drain(ctx.settings.timeout + ctx.settings.queue_timeout)
    finally:
        await old_pool.close()
        old_snap.retire()
    return True


async def _refresher(ctx: ServerContext) -> None:
    while True:
        await asyncio.sleep(ctx.settings.refresh)
        try:
            await refresh_once(ctx)
        except asyncio.CancelledError:
            raise
        except Exception as err:  # keep serving the current snapshot
            log.error("could not refresh the served store: %s", err)


RouterFactory = Callable[[ServerContext], APIRouter]


async def _http_error(request: Request, exc: Exception) -> Response:
    """404, 405 and the like outside ``/sparql``: one line of plain text, as everywhere."""
    assert isinstance(exc, StarletteHTTPException)
    path = request.url.path
    if exc.status_code == 404:
        message = (
            f"nothing at {path}: the SPARQL endpoint is /sparql, the dataset /dump.nq, "
            "the ontology /ontology and the pages start at /"
        )
    elif exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "GET")
        message = (
            f"{request.method} is not allowed on {path}: use {allow} (the server is read-only)"
        )
    else:
        message = str(exc.detail)
    return sparql.error_response(exc.status_code, message, dict(exc.headers or {}))


async def _bad_parameter(request: Request, exc: Exception) -> Response:
    """A query parameter of the wrong type (``/actor?radius=x``): 400, naming it."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for e in exc.errors():
        name = str(e.get("loc", ("", "?"))[-1])
        problems.append(f"{name}={e.get('input')!r}: {str(e.get('msg', 'invalid')).lower()}")
    return sparql.error_response(400, "bad parameter " + "; ".join(problems))


class SecurityHeaders:
    """Pure ASGI middleware: ``nosniff`` on every response, a strict CSP on HTML."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                ctype = dict(headers).get(b"content-type", b"")
                if ctype.startswith(b"text/html"):
                    if b"content-security-policy" not in names:
                        headers.append(
                            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode())
                        )
                    headers.append((b"x-frame-options", b"DENY"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _open_read_only(path: Path) -> ox.Store:
    from kg.store import open_read_only

    return open_read_only(path)


# --------------------------------------------------------------------------- ontology
@lru_cache(maxsize=1)
def _ontology_turtle() -> bytes:
    return str(ontology_docs.ontology_turtle()).encode()


#: The way back from the ontology docs to the analyst's pages (the docs' own CSP allows
#: inline styles and no script).
ONTOLOGY_NAV = (
    '<nav style="font:14px sans-serif;padding:.5rem 1rem;background:#f8f9fa;'
    'border-bottom:1px solid #ddd"><a href="/"><b>conflict-kg</b></a> &middot; '
    '<a href="/documents">Documents</a> &middot; <a href="/graph">Graph</a> &middot; '
    '<a href="/query">SPARQL</a></nav>'
)


def _ontology_html() -> str:
    page = str(ontology_docs.render_ontology_html())
    head, sep, rest = page.partition("<body")
    if not sep:
        return page
    tag_end = rest.index(">") + 1
    return head + sep + rest[:tag_end] + ONTOLOGY_NAV + rest[tag_end:]


def ontology_router(ctx: ServerContext) -> APIRouter:
    """``/ontology``: Turtle (or another RDF syntax) by ``Accept``, HTML for browsers."""
    r = APIRouter()
    html = Offer("text/html", "html")
    choices = (*offers(formats.CONSTRUCT, aliases=False), html)

    async def ontology(request: Request) -> Response:
        accept = request.headers.get("accept")
        offer = choose(accept, choices) if accept else GRAPH[0]
        if offer is None:
            return sparql.error_response(
                406, f"cannot produce {accept!r}: accept one of {listing(choices)}"
            )
        if offer.fmt == "html":
            page = await run_in_threadpool(_ontology_html)
            # the generated docs carry their stylesheet inline and no script at all
            return Response(
                page,
                media_type="text/html; charset=utf-8",
                headers={"Vary": "Accept", "Content-Security-Policy": ONTOLOGY_DOCS_CSP},
            )
        ttl = await run_in_threadpool(_ontology_turtle)
        body = ttl
        if offer.fmt != "turtle":
            body = (
                ox.serialize(
                    (q.triple for q in ox.parse(ttl, ox.RdfFormat.TURTLE)),
                    None,
                    formats.get(offer.fmt).oxigraph,
                )
                or b""
            )
        return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})

    for path in ("/ontology", "/ontology/"):
        r.add_api_route(path, ontology, methods=["GET", "HEAD"], include_in_schema=False)
    return r


# --------------------------------------------------------------------------- graph store
def graphs_router(ctx: ServerContext) -> APIRouter:
    """``/graphs?graph=IRI`` (or ``?doc=id``) and ``/dump.nq``."""
    r = APIRouter()

    async def get_graph(request: Request) -> Response:
        params = request.query_params
        iri = params.get("graph")
        if iri is None and params.get("doc") is not None:
            from kg.rdf.iri import doc_iri

            iri = str(doc_iri(params["doc"]))
        accept = request.headers.get("accept") or ""
        if not iri and accept.lstrip().startswith("text/html"):
            # a browser asking for the list of graphs: the page of the documents
            return RedirectResponse("/documents", status_code=303)
        if not iri:
            return sparql.error_response(
                400,
                "name the graph: /graphs?graph=<graph IRI> or /graphs?doc=<document id>; "
                "the whole dataset is at /dump.nq",
            )
        offer = choose(accept or None, GRAPH)
        if offer is None:
            return sparql.error_response(
                406, f"cannot produce {accept!r}: accept one of {listing(GRAPH)}"
            )
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            return sparql.error_response(400, f"graph={iri!r} is not a valid IRI")

        def render() -> bytes | None:
            with ctx.reading() as store:
                if not store.contains_named_graph(node):
                    return None
                triples = (q.triple for q in store.quads_for_pattern(None, None, None, node))
                rdf_format = formats.get(offer.fmt).oxigraph
                return ox.serialize(triples, None, rdf_format, prefixes=ctx.prefixes)

        body = await run_in_threadpool(render)
        if body is None:
            return sparql.error_response(404, f"no graph <{iri}> in this store")
        return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})

    async def dump(request: Request) -> Response:
        headers = {"Content-Disposition": 'attachment; filename="dump.nq"'}
        media_type = formats.get("nquads").media_type
        if request.method == "HEAD":
            return Response(media_type=media_type, headers=headers)
        try:  # a failure before the first batch is a 500; later ones cut the download off
            _, chunks = await first_then_rest(stream_quads(ctx.reading, batch=DUMP_BATCH))
        except Exception:  # logged by the producing thread
            return sparql.error_response(
                500, "the dump could not be read; the operator can find details in the log"
            )
        return StreamingResponse(chunks, media_type=media_type, headers=headers)

    r.add_api_route("/graphs", get_graph, methods=["GET", "HEAD"], include_in_schema=False)
    r.add_api_route("/dump.nq", dump, methods=["GET", "HEAD"], include_in_schema=False)
    return r


def health_router(ctx: ServerContext) -> APIRouter:
    """``/healthz``."""
    r = APIRouter()

    async def health() -> JSONResponse:
        ok = ctx.pool is not None
        return JSONResponse({"status": "ok" if ok else "starting"}, status_code=200 if ok else 503)

    r.add_api_route("/healthz", health, methods=["GET"], include_in_schema=False)
    return r


BUILTIN_ROUTERS: tuple[RouterFactory, ...] = (
    sparql.router,
    graphs_router,
    ontology_router,
    health_router,
)


def create_app(
    store_path: str | Path,
    settings: Settings | None = None,
    *,
    routers: Sequence[RouterFactory] = (),
    router_modules: Sequence[str] = ROUTER_MODULES,
) -> FastAPI:
    """The application over the store at ``store_path`` (opened read-only).

    ``routers`` are extra router factories (the analysts' pages); so are the ``router``
    functions of the ``router_modules`` (a plugin list, imported by name: each must import
    and define ``router``). Query workers start with the app's
    lifespan and stop with it.
    """
    from kg.store import PREFIXES

    settings = settings or Settings()
    path = Path(store_path)
    snapshot: StoreSnapshot | None = None
    reader_lock: ReaderLock | None = None
    if settings.refresh:
        remove_stale_snapshots(path)
        try:
            snapshot = take_snapshot(path)
        except WriterActive:
            from kg.store import StoreError

            raise StoreError(
                f"the store {path} is being written (a `kg ingest` is running): start "
                "`kg serve` once it has finished"
            ) from None
        store = snapshot.store
    else:
        reader_lock = ReaderLock(path)
        try:
            store = _open_read_only(path)
        except BaseException:
            reader_lock.release()
            raise
    ctx = ServerContext(
        store_path=path,
        settings=settings,
        store=store,
        prefixes=dict(PREFIXES),
        snapshot=snapshot,
        reader_lock=reader_lock,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        served = ctx.snapshot.path if ctx.snapshot is not None else path
        pool = make_pool(served, settings)
        await pool.start()
        ctx.pool = pool
        refresher = asyncio.ensure_future(_refresher(ctx)) if settings.refresh else None
        try:
            yield
        finally:
            if refresher is not None:
                refresher.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await refresher
            current, ctx.pool = ctx.pool, None
            if current is not None:
                await current.close()
            ctx.release()

    app = FastAPI(
        title="conflict-kg",
        docs_url=None,  # the interactive docs would load scripts from a CDN
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.kg = ctx
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_parameter)
    factories: list[RouterFactory] = [*BUILTIN_ROUTERS, *routers]
    for name in router_modules:
        # a listed module that does not import is an error, never a page that silently vanishes
        mod = importlib.import_module(name)
        factory = getattr(mod, "router", None)
        if factory is None:
            raise TypeError(f"{name} has no router(ctx) function: it cannot add pages")
        factories.append(factory)
    for factory in factories:
        app.include_router(factory(ctx))

    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(SecurityHeaders)
    return app
