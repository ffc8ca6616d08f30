"""``kg serve``: the read-only SPARQL endpoint (and the analysts' pages) over the store."""

from __future__ import annotations

import errno
import ipaddress
import socket

import typer

from kg.errors import KGError

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_listener(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (for uvicorn to serve on), or a :class:`KGError`
    saying why it cannot be: a port out of range, in use, reserved, or a host that is not
    an address of this machine.

    >>> bind_listener("127.0.0.1", 99999)
    Traceback (most recent call last):
    ...
    kg.errors.KGError: --port 99999 is not a TCP port: choose one from 1 to 65535 (e.g. 8000)
    """
    if not 1 <= port <= 65535:
        raise KGError(f"--port {port} is not a TCP port: choose one from 1 to 65535 (e.g. 8000)")
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as err:
        raise KGError(f"--host {host} is not an address of this machine ({err.strerror})") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            why = "is in use (another `kg serve`?): stop that server or choose another --port"
        elif err.errno == errno.EACCES:
            why = "needs administrator rights: choose a port above 1023"
        elif err.errno == errno.EADDRNOTAVAIL:
            why = "cannot be listened on: --host is not an address of this machine"
        else:
            why = f"cannot be listened on ({err.strerror})"
        raise KGError(f"port {port} on {host} {why}") from None
    return sock


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""

    @app.command()
    def serve(
        ctx: typer.Context,
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Address to listen on (loopback unless you say so)"
        ),
        port: int = typer.Option(8000, "--port"),
        timeout: float = typer.Option(
            30.0, "--timeout", help="Seconds a query may run before it is stopped (answer 503)"
        ),
        max_results: str = typer.Option(
            "100MB",
            "--max-results",
            "--max-result-size",
            help="Largest serialised query result, e.g. 100MB (bigger answers 422)",
        ),
        max_body: str = typer.Option("1MB", "--max-body", help="Largest request body"),
        max_query_chars: int = typer.Option(
            100_000, "--max-query-chars", help="Longest query text, in characters"
        ),
        cors_origin: list[str] | None = typer.Option(
            None,
            "--cors-origin",
            help="Allow this origin by CORS (repeatable); '*' allows any. Default: no CORS",
        ),
        workers: int = typer.Option(2, "--workers", help="Query worker processes"),
        queue_timeout: float = typer.Option(
            120.0, "--queue-timeout", help="Seconds a query may wait for a free worker"
        ),
        query_memory: str = typer.Option(
            "2GB",
            "--query-memory",
            help="Memory one query may use (each worker process is capped at its start-up "
            "size plus this); a query past it is stopped and answered 503",
        ),
        results_memory: str = typer.Option(
            "512MB",
            "--results-memory",
            help="Memory all results being sent may use at once (at least --max-results)",
        ),
        short_workers: int = typer.Option(
            2,
            "--short-workers",
            help="Workers of the short lane, which answers quick queries while the other "
            "workers run slow ones (0: none)",
        ),
        short_seconds: float = typer.Option(
            1.0, "--short-seconds", help="How long a query may run in the short lane"
        ),
        refresh: float = typer.Option(
            0.0,
            "--refresh",
            help="Publish what `kg ingest` writes while serving: look for new data every "
            "SECONDS and switch to it once the writer finishes (0: serve the store as at "
            "start and keep writers out)",
        ),
    ) -> None:
        """Serve the store read-only: SPARQL 1.1 at /sparql, /graphs, /dump.nq, /ontology."""
        import uvicorn

        from kg.server.app import create_app
        from kg.server.settings import Settings, parse_size

        target = str(ctx.obj["store"])
        if target.startswith(("http://", "https://")):
            raise KGError(
                f"--store {target} is an endpoint: `kg serve` serves a store folder; "
                "give --store the folder (default ./kg-store)"
            )
        settings = Settings(
            host=host,
            port=port,
            timeout=timeout,
            max_result_bytes=parse_size(max_results),
            max_body_bytes=parse_size(max_body),
            max_query_chars=max_query_chars,
            cors_origins=tuple(cors_origin or ()),
            workers=workers,
            queue_timeout=queue_timeout,
            refresh=refresh,
            query_memory=parse_size(query_memory),
            results_memory=parse_size(results_memory),
            short_workers=short_workers,
            short_seconds=short_seconds,
        )
        sock = bind_listener(host, port)  # fail now, with one clear line, if it cannot
        try:
            app_ = create_app(target, settings)
        except BaseException:
            sock.close()
            raise
        if not is_loopback(host):
            typer.secho(
                f"warning: listening on {host}, reachable from other machines; see SECURITY.md "
                "for running behind a reverse proxy",
                err=True,
                fg="yellow",
            )
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"SPARQL endpoint: http://{shown}:{port}/sparql (read-only; Ctrl-C stops)")
        if not refresh:
            typer.echo(
                "The store is served as it is now; `kg ingest` into it is refused while this "
                "server runs (use --refresh SECONDS to publish new documents while serving)."
            )
        config = uvicorn.Config(
            app_,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
            timeout_graceful_shutdown=5,  # Ctrl-C stops within 5 s, even with queries queued
        )
        try:
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            sock.close()
