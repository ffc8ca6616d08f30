"""``kg extract FILE``: what was read from a report, sentence by sentence (nothing stored)."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KGError
from kg.records import Extraction


def right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strongly directional letter is (Unicode
    bidirectional class R or AL, as in Dari, Pashto, Arabic, Hebrew).

    >>> right_to_left("۱۴۰۲/۰۹/۲۰: طالبان ..."), right_to_left("2024: Kabul"), right_to_left("12")
    (True, False, False)
    """
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def extraction_rows(x: Extraction) -> list[dict[str, Any]]:
    """One row per event: the sentence it was read from, its class and its arguments.

    >>> from kg.records import Article, EventRecord, Span
    >>> x = Extraction(Article(id="a", text="Police detained two men."))
    >>> sp = Span(0, 24, "Police detained two men.")
    >>> x.events.append(EventRecord("e1", ("Arrest",), "Arrest", evidence=[sp]))
    >>> extraction_rows(x)[0]["event"]
    'Arrest'
    """
    names = {k: e.label for k, e in x.entities.items()}
    rows = []
    for ev in sorted(x.events, key=lambda e: e.evidence[0].start if e.evidence else 0):
        args = []
        for role, keys in ev.roles.items():
            args.append(f"{role}: " + ", ".join(names.get(k, k) for k in keys))
        if ev.date:
            args.append(f"date: {ev.date.value}")
        for q in ("fatalities", "injured", "arrested"):
            v = getattr(ev, q)
            if v is not None:
                rng = f" ({v.min}-{v.max if v.max is not None else ''})" if v.min != v.max else ""
                args.append(f"{q}: {v.best}{rng}")
        if ev.about:
            args.append("about: " + ", ".join(ev.about))
        if ev.part_of:
            args.append(f"part of: {ev.part_of}")
        rows.append(
            {
                "sentence": ev.evidence[0].text if ev.evidence else "",
                "offset": ev.evidence[0].start if ev.evidence else None,
                "key": ev.key,
                "event": "/".join(ev.types),
                "arguments": "; ".join(args),
            }
        )
    return rows


def register(app: typer.Typer) -> None:
    """Add ``kg extract`` to ``app``."""

    @app.command()
    def extract(
        path: Path = typer.Argument(..., help="A .txt, .html or .jsonl file"),
        format: str = typer.Option("table", "--format", "-f", help="table|json"),
        published: str = typer.Option(None, "--published", help="YYYY-MM-DD, for relative dates"),
    ) -> None:
        """Show what extraction reads from a report, sentence by sentence (stores nothing)."""
        from kg.extract import Extractor
        from kg.ingestion.readers import InputProblem, InputWarning, read_path
        from kg.records import Article

        if format not in ("table", "json"):
            raise KGError(f"unknown format {format!r}: choose table or json")
        items = list(read_path(path, published=published))
        problems = [i for i in items if isinstance(i, InputProblem)]
        for p in problems:
            typer.secho(f"error: {p}", err=True, fg="red")
        for w in (i for i in items if isinstance(i, InputWarning)):
            typer.secho(f"warning: {w}", err=True, fg="yellow")
        articles = [i for i in items if isinstance(i, Article)]
        if not articles:
            raise typer.Exit(1)
        ex = Extractor()
        out = []
        console = Console()
        for x in ex.pipe(articles):
            if format == "json":
                out.append(x.to_json())
                continue
            table = Table(
                title=f"{x.article.id} ({x.article.published or 'undated'})", show_lines=True
            )
            # a right-to-left report's sentences are set flush right, as it is read
            rtl = right_to_left(x.article.text)
            table.add_column("sentence", overflow="fold", justify="right" if rtl else "left")
            for col in ("event", "arguments"):
                table.add_column(col, overflow="fold")
            for r in extraction_rows(x):
                table.add_row(r["sentence"], r["event"], r["arguments"])
            console.print(table)
            mentioned = sorted(e.label for e in x.entities.values() if e.mentions)
            console.print("actors and places: " + ", ".join(mentioned))
        if format == "json":
            sys.stdout.write(
                json.dumps(out if len(out) != 1 else out[0], indent=2, ensure_ascii=False) + "\n"
            )
        if problems:
            raise typer.Exit(1)
