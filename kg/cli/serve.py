"""``kg serve``: the read-only SPARQL endpoint (and the analysts' pages) over the store."""

from __future__ import annotations

import ipaddress

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
        )
        app_ = create_app(target, settings)
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
        uvicorn.run(app_, host=host, port=port, log_level="info", access_log=False)
