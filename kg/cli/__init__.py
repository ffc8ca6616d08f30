"""The ``kg`` command: a thin layer over the library functions.

Each command group lives in its own module under ``kg/cli/`` and exposes
``register(app)``; :data:`COMMAND_MODULES` lists them.
"""

from __future__ import annotations

import os
import sys

import typer

from kg.errors import KGError

COMMAND_MODULES = ("core", "extract", "serve", "analyze", "viz", "resolve", "datasets")

app = typer.Typer(
    name="kg",
    help="conflict-kg: turn news reports about political violence into an RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from kg._version import __version__

        typer.echo(f"conflict-kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    store: str = typer.Option(
        None,
        "--store",
        envvar="KG_STORE",
        help="The store: a folder (default ./kg-store) or a SPARQL endpoint URL.",
    ),
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print the version of conflict-kg and exit.",
    ),
) -> None:
    """Global options."""
    ctx.obj = {"store": store or os.environ.get("KG_STORE") or "./kg-store"}


def _register_all() -> None:
    from kg.cli import analyze, core, datasets, extract, resolve, serve, viz

    modules = {
        "core": core,
        "extract": extract,
        "serve": serve,
        "analyze": analyze,
        "viz": viz,
        "resolve": resolve,
        "datasets": datasets,
    }
    for name in COMMAND_MODULES:
        modules[name].register(app)


_register_all()


def main() -> None:
    """Entry point: run the app, turning KGError into one clear line and exit code 2."""
    try:
        app()
    except KGError as err:
        typer.secho(f"error: {err}", err=True, fg="red")
        sys.exit(2)
