"""``kg import acled|ucdp|gtd FILE``: coded event datasets as reports of the graph."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.core import err_console, open_store


def register(app: typer.Typer) -> None:
    """Add ``kg import`` to ``app``."""

    @app.command("import")
    def import_(
        ctx: typer.Context,
        kind: str = typer.Argument(..., help="acled, ucdp (GED) or gtd"),
        path: Path = typer.Argument(..., help="The dataset file: CSV (GTD: CSV or XLSX)"),
    ) -> None:
        """Import an ACLED, UCDP GED or GTD file: one document and event per row, actors
        linked to the authority, places with their points; then run `kg resolve`."""
        from kg.ingestion.datasets import import_dataset

        store = open_store(ctx)
        try:
            rep = import_dataset(store, kind, path)
        finally:
            store.close()
        for p in rep.problems:
            err_console.print(f"[red]error[/red] {p}")
        err_console.print(f"rows imported {rep.rows}  errors {len(rep.problems)}")
        if rep.problems:
            raise typer.Exit(1)
