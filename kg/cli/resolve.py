"""``kg resolve`` (cross-document event resolution, review, judgements) and ``kg changes``."""

from __future__ import annotations

import typer

from kg.cli.core import err_console, open_store, print_rows


def register(app: typer.Typer) -> None:
    """Add ``kg resolve`` and ``kg changes`` to ``app``."""
    res = typer.Typer(
        help="Join the reports of one real-world event across documents (Splink).",
        invoke_without_command=True,
        no_args_is_help=False,
    )
    app.add_typer(res, name="resolve")

    @res.callback()
    def resolve(
        ctx: typer.Context,
        backend: str = typer.Option("duckdb", "--backend", help="duckdb (in-process) or spark"),
    ) -> None:
        """Resolve every report in the store into resolved events (rerun after each ingest)."""
        if ctx.invoked_subcommand is not None:
            return
        from kg.resolution import resolve as run

        spark = None
        if backend == "spark":
            from kg.resolution.spark import local_session

            spark = local_session()
        store = open_store(ctx)
        try:
            rep = run(store, backend=backend, spark=spark)
        finally:
            store.close()
        err_console.print(
            f"reports {rep.reports}  pairs scored {rep.pairs}  resolved events {rep.resolved} "
            f"({rep.multi_report} with several reports)  created {rep.created}  changed "
            f"{rep.changed}  retired {rep.retired}  for review {rep.uncertain}  judgements "
            f"{rep.judgements}  ({sum(rep.seconds.values()):.1f} s)"
        )

    @res.command()
    def review(
        ctx: typer.Context,
        limit: int = typer.Option(20, "--limit", "-n", help="How many pairs"),
        format: str = typer.Option("table", "--format", "-f", help="table|json"),
    ) -> None:
        """List the pairs of reports the model was unsure of, side by side."""
        import json
        import sys

        from rich.markup import escape

        from kg.resolution.run import review_pairs

        pairs = review_pairs(open_store(ctx, read_only=True), limit)
        if format == "json":
            sys.stdout.write(json.dumps(pairs, indent=2, ensure_ascii=False) + "\n")
            return
        for i, p in enumerate(pairs, 1):
            joined = "joined" if p["joined"] else "kept apart"
            err_console.print(
                f"[bold]{i}. probability {p['probability']:.2f} (weight {p['weight']:+.1f} "
                f"bits), {joined}"
            )
            for side in ("left", "right"):
                s = p[side]
                err_console.print(
                    escape(f"  {s['label']}  [{s['document']}, {s['source']}]"), highlight=False
                )
                err_console.print(f"    {s['report']}", highlight=False)
                err_console.print(escape(f"    “{s['evidence'][:300]}”"), highlight=False)
            err_console.print(
                "  " + "; ".join(f"{f}: {lv} ({w:+.1f})" for f, lv, w in p["features"])
            )
            err_console.print(
                f"  kg resolve judge {p['left']['report']} {p['right']['report']} "
                "same|different --by NAME --why '...'"
            )
        if not pairs:
            err_console.print("no pair is waiting for review")

    @res.command()
    def judge(
        ctx: typer.Context,
        left: str = typer.Argument(..., help="A report's IRI"),
        right: str = typer.Argument(..., help="The other report's IRI"),
        verdict: str = typer.Argument(..., help="same or different"),
        by: str = typer.Option(..., "--by", help="Who judges (your name)"),
        why: str = typer.Option("", "--why", help="Why"),
    ) -> None:
        """Record an analyst's judgement of two reports; it always wins over the model."""
        from kg.resolution import resolve as run
        from kg.resolution.judgements import record_judgement

        store = open_store(ctx)
        try:
            record_judgement(store, left, right, verdict, by, why)
            rep = run(store)
        finally:
            store.close()
        err_console.print(
            f"judged {verdict}; resolved events {rep.resolved} (changed {rep.changed}, "
            f"created {rep.created}, retired {rep.retired})"
        )

    @app.command()
    def changes(
        ctx: typer.Context,
        since: str = typer.Option(..., "--since", help="ISO date or timestamp (UTC)"),
        format: str = typer.Option("table", "--format", "-f", help="table|json|csv"),
    ) -> None:
        """Resolved events created, changed, merged or deleted since a time."""
        from kg.resolution.run import changes as feed

        print_rows(feed(open_store(ctx, read_only=True), since), format)
