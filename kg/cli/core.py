"""``kg ingest``, ``kg export``, ``kg query``, ``kg stats``."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg import formats
from kg.errors import KGError
from kg.query_guard import syntax_message
from kg.vocab import ID_BASE

err_console = Console(stderr=True)
console = Console()


def store_target(ctx: typer.Context) -> str:
    """The store the user chose with ``--store`` / ``KG_STORE``."""
    return str(ctx.obj["store"])


def open_store(ctx: typer.Context, read_only: bool = False) -> Any:
    """Open the chosen store (folder or endpoint)."""
    import kg

    return kg.open(store_target(ctx), read_only=read_only)


def is_store_write_error(err: OSError) -> bool:
    """Whether ``err`` is the store's disk refusing a write (not, say, a missing model)."""
    import errno

    return str(err).startswith("IO error") or err.errno in (
        errno.ENOSPC,
        errno.EROFS,
        errno.EFBIG,
        errno.EDQUOT,
        errno.EACCES,
    )


def store_write_error(path: str, err: OSError) -> KGError:
    """A clear message for a write the store's disk refused (full, read-only, too large).

    >>> str(store_write_error("s", OSError("IO error: No space left on device"))).split(". ")[0]
    'cannot write to the store s: the disk is full (IO error: No space left on device)'
    """
    msg = str(err)
    low = msg.lower()
    if "no space" in low or "disk quota" in low:
        why = "the disk is full"
    elif "read-only file system" in low or "permission denied" in low:
        why = "the store's folder is not writable"
    elif "file too large" in low:
        why = "a file size limit was reached"
    else:
        why = "the disk refused a write"
    return KGError(
        f"cannot write to the store {path}: {why} ({msg}). Documents stored before the "
        "failure are kept intact: free some space, then run `kg ingest --resume` with the "
        "same inputs to add the rest"
    )


def print_rows(rows: list[dict[str, Any]], fmt: str, title: str | None = None) -> None:
    """Print rows as a rich table, JSON or CSV on stdout."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2, default=str, ensure_ascii=False) + "\n")
        return
    cols = list(rows[0]) if rows else []
    if fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else str(v) for k, v in r.items()})
        return
    if fmt != "table":
        raise KGError(f"unknown format {fmt!r}: choose table, json or csv")
    table, note = rich_table(rows, cols, title, console.width)
    console.print(table)
    console.print(f"{len(rows)} row(s){note}")


#: The longest word a table column keeps whole (longer ones, such as IRIs, fold).
WHOLE_WORD = 24


def rich_table(
    rows: list[dict[str, Any]], cols: list[str], title: str | None, width: int
) -> tuple[Table, str]:
    """A rich table of ``rows`` that breaks no word shorter than :data:`WHOLE_WORD` at this
    terminal ``width``: headers wrap at spaces (``degree_centrality`` is shown as "degree
    centrality"), each column is at least as wide as its longest word, and when that does
    not fit, the ``iri`` column is left out (say so: ``--format csv`` or ``json`` has it).

    Returns the table and a note for the line under it ("" or why a column is missing).

    >>> t, note = rich_table([{"actor": "Afghanistan", "iri": "https://x/y" * 9}], ["actor", "iri"],
    ...                      None, 30)
    >>> [c.header for c in t.columns], note
    (['actor'], '; IRIs left out at this width: --format csv or json lists them')
    """

    def longest_word(c: str) -> int:
        words = [w for r in rows for w in str("" if r[c] is None else r[c]).split()]
        words += c.replace("_", " ").split()
        return min(WHOLE_WORD, max((len(w) for w in words), default=1))

    mins: dict[str, int | None] = {c: longest_word(c) for c in cols}
    note = ""

    def needed() -> int:
        return sum(m or 4 for c, m in mins.items() if c in cols) + 3 * len(cols) + 1

    if "iri" in cols and needed() > width:
        cols = [c for c in cols if c != "iri"]
        note = "; IRIs left out at this width: --format csv or json lists them"
    # still too wide: the columns of running text (the most text first) may break words
    by_text = sorted(cols, key=lambda c: -sum(len(str(r[c] or "")) for r in rows))
    for c in by_text:
        if needed() <= width:
            break
        mins[c] = None
    natural = {
        c: max([len(c), *(len(str("" if r[c] is None else r[c])) for r in rows)]) for c in cols
    }
    widths: dict[str, int | None] = dict.fromkeys(cols)
    if sum(natural.values()) + 3 * len(cols) + 1 > width:
        # fixed widths: every column its longest word (4 for running text), the rest of the
        # line shared by the columns with more to show, in proportion to what they have
        fixed = {c: mins[c] or 4 for c in cols}
        room = width - sum(fixed.values()) - 3 * len(cols) - 1
        want = {c: max(0, natural[c] - fixed[c]) for c in cols}
        total = sum(want.values()) or 1
        for c in cols:
            widths[c] = fixed[c] + min(want[c], room * want[c] // total)
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(c.replace("_", " "), overflow="fold", width=widths[c])
    for r in rows:
        table.add_row(*("" if r[c] is None else str(r[c]) for c in cols))
    return table, note


def result_rows(result: Any) -> list[dict[str, Any]]:
    """Rows of any query result: SELECT solutions, ASK as one ``result`` row, and
    CONSTRUCT/DESCRIBE as ``subject``/``predicate``/``object`` rows.

    Takes what a local store (pyoxigraph results) or a remote one (lists, bool, rdflib graph)
    answers.

    >>> result_rows(True)
    [{'result': 'true'}]
    """
    import pyoxigraph as ox

    from kg.store import from_ox

    if isinstance(result, bool | ox.QueryBoolean):
        return [{"result": "true" if result else "false"}]
    if isinstance(result, list):  # a remote store's SELECT rows
        return result
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return [{n: from_ox(sol[n]) for n in names} for sol in result]
    rows = []
    for t in result:  # pyoxigraph triples, or the triples of an rdflib graph
        if isinstance(t, ox.Triple):
            t = (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
        rows.append(dict(zip(("subject", "predicate", "object"), t, strict=True)))
    return rows


def register(app: typer.Typer) -> None:
    """Add the core commands to ``app``."""

    @app.command()
    def ingest(
        ctx: typer.Context,
        paths: list[Path] = typer.Argument(..., help=".txt, .jsonl, .html files or folders"),
        id: str = typer.Option(None, "--id", help="Document id (single .txt/.html file)"),
        title: str = typer.Option(None, "--title"),
        published: str = typer.Option(None, "--published", help="YYYY-MM-DD"),
        source: str = typer.Option(None, "--source", help="The outlet, e.g. Reuters"),
        url: str = typer.Option(None, "--url"),
        lang: str = typer.Option(None, "--lang"),
        resume: bool = typer.Option(False, "--resume", help="Skip ids already in the store"),
        batch_size: int = typer.Option(32, "--batch-size", help="Articles per spaCy batch"),
        processes: int = typer.Option(1, "--processes", "-j", help="spaCy worker processes"),
        write_batch: int = typer.Option(
            256, "--write-batch", help="Documents written per transaction"
        ),
        cluster: str = typer.Option(
            None,
            "--cluster",
            help="Extract on a Dask cluster: its scheduler, e.g. tcp://HOST:8786",
        ),
        gsp: str = typer.Option(
            None,
            "--gsp",
            help="Write into a triple store server through this Graph Store Protocol URL "
            "(e.g. http://127.0.0.1:7878/store); --store is then its SPARQL query URL",
        ),
        update: str = typer.Option(
            None, "--update-url", help="With --gsp: the server's SPARQL update URL (optional)"
        ),
        resolve: bool = typer.Option(
            False, "--resolve", help="Then resolve events across documents (as `kg resolve`)"
        ),
    ) -> None:
        """Read articles, extract events and actors, and store one graph per document."""
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from kg.ingestion.run import ingest as run_ingest

        if id is not None and (len(paths) != 1 or paths[0].is_dir()):
            raise KGError("--id names one document: give exactly one .txt or .html file with it")
        if published is not None:
            from kg.ingestion.readers import iso_date

            try:
                iso_date(published)
            except ValueError as err:
                raise KGError(f"--published {err}") from None
        target = store_target(ctx)
        if gsp is not None:
            from kg.gsp import open_graph_store

            store = open_graph_store(target, gsp, update)
        elif target.startswith(("http://", "https://")):
            raise KGError(
                f"--store {target} is a SPARQL endpoint, read-only to kg unless you also give "
                "its Graph Store Protocol URL with --gsp (Oxigraph: http://HOST:7878/store, "
                "Fuseki: http://HOST:3030/DATASET/data; see the README, External triple stores)"
            )
        else:
            store = open_store(ctx)
        started = time.perf_counter()
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.completed} docs"),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TimeElapsedColumn(),
            console=err_console,
            transient=False,
        ) as progress:
            task = progress.add_task("ingest", total=None, rate=0.0)

            def tick(_x: Any) -> None:
                n = progress.tasks[0].completed + 1
                rate = n / max(time.perf_counter() - started, 1e-9)
                progress.update(task, completed=n, rate=rate)

            def warn(p: Any) -> None:
                progress.console.print(
                    f"[red]error[/red] {escape(str(p))}", markup=True, highlight=False
                )

            def caution(w: Any) -> None:
                progress.console.print(
                    f"[yellow]warning[/yellow] {escape(str(w))}", markup=True, highlight=False
                )

            try:
                report = run_ingest(
                    store,
                    paths,
                    id=id,
                    title=title,
                    published=published,
                    source=source,
                    url=url,
                    lang=lang,
                    resume=resume,
                    batch_size=batch_size,
                    n_process=processes,
                    write_batch=write_batch,
                    cluster=cluster,
                    on_document=tick,
                    on_problem=warn,
                    on_warning=caution,
                )
            except OSError as err:  # the disk refused a write: say so, keep what is stored
                if not is_store_write_error(err):
                    raise
                with contextlib.suppress(OSError):
                    store.close()
                raise store_write_error(store_target(ctx), err) from err
        if resolve and report.documents and gsp is None:
            from kg.resolution import resolve as run_resolve

            res = run_resolve(store)
            err_console.print(
                f"resolved events {res.resolved} (created {res.created}, changed {res.changed}, "
                f"retired {res.retired}, for review {res.uncertain})"
            )
        try:
            store.close()
        except OSError as err:
            raise store_write_error(store_target(ctx), err) from err
        secs = time.perf_counter() - started
        summary = report.as_dict()
        err_console.print(
            f"documents {summary['documents']}  event reports {summary['events']}  "
            f"actors mentioned {summary['actors']}  places mentioned {summary['places']}  "
            f"skipped {summary['skipped']}  errors {len(summary['errors'])}  "
            f"({secs:.1f} s, {summary['documents'] / max(secs, 1e-9):.1f} docs/s)"
        )
        if not report.ok:
            err_console.print(
                f"[red]{len(report.problems)} input(s) could not be read[/red]; "
                "everything else was stored. Fix them and run again (re-ingesting replaces, "
                "never duplicates)."
            )
            raise typer.Exit(1)

    @app.command()
    def delete(
        ctx: typer.Context,
        doc_ids: list[str] = typer.Argument(..., help="Ids of the documents to delete"),
    ) -> None:
        """Delete documents and what rested only on them (authority entries, runs); resolved
        events are resolved again when the store has been resolved."""
        store = open_store(ctx)
        try:
            missing = [d for d in doc_ids if not store.remove_document(d)]
            graph = f"<{ID_BASE}graph/resolution>"
            resolved = bool(store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))
            if resolved and len(missing) < len(doc_ids):
                from kg.resolution import resolve

                rep = resolve(store)
                err_console.print(f"resolved again: retired {rep.retired}, changed {rep.changed}")
        finally:
            store.close()
        err_console.print(f"deleted {len(doc_ids) - len(missing)} document(s)")
        if missing:
            raise KGError(f"no document with id {', '.join(map(repr, missing))} in the store")

    @app.command()
    def export(
        ctx: typer.Context,
        format: str = typer.Option(
            None,
            "--format",
            "-f",
            help=f"{formats.names(formats.EXPORT, '|')} (default: from the extension of -o, "
            "else nquads)",
        ),
        output: Path = typer.Option(
            None, "-o", "--output", help="File (default: stdout); its extension names the format"
        ),
        with_ontology: bool = typer.Option(False, "--with-ontology"),
    ) -> None:
        """Write the whole dataset (optionally with the ontology).

        The format comes from --format, or from the extension of the -o file (.nq, .trig,
        .ttl, .nt, .jsonld); a --format that contradicts the extension is refused.
        """
        fmt = formats.export_format_for(output, format).name
        store = open_store(ctx, read_only=True)
        if output is None:
            store.export(sys.stdout.buffer, fmt, with_ontology=with_ontology)
            sys.stdout.flush()
        else:
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
                store.export(output, fmt, with_ontology=with_ontology)
            except OSError as err:
                raise KGError(
                    f"cannot write {output}: {err.strerror or err}; choose a writable place"
                ) from err
            err_console.print(f"wrote {output} ({formats.get(fmt).title})")

    @app.command()
    def query(
        ctx: typer.Context,
        sparql: str = typer.Argument(
            ..., help="A SPARQL query: SELECT, ASK, CONSTRUCT or DESCRIBE ('-' reads stdin)"
        ),
        format: str = typer.Option("table", "--format", "-f", help="table|json|csv"),
    ) -> None:
        """Run a SPARQL query (prefixes ckg:, rdfs:, skos:, ... are predeclared)."""
        if sparql == "-":
            sparql = sys.stdin.read()
        store = open_store(ctx, read_only=True)
        try:
            result = store.query(sparql)
            rows = result_rows(result)
        except SyntaxError as err:
            raise KGError(f"the query does not parse: {syntax_message(err, sparql)}") from err
        print_rows(
            [{k: (None if v is None else str(v)) for k, v in r.items()} for r in rows], format
        )

    @app.command()
    def stats(
        ctx: typer.Context,
        format: str = typer.Option("table", "--format", "-f", help="table|json|csv"),
    ) -> None:
        """Counts of documents, triples, events, actors and places."""
        store = open_store(ctx, read_only=True)
        from kg.store import STATS

        s = store.stats()
        print_rows(
            [{"what": k, "count": v, "counts": STATS.get(k, "")} for k, v in s.items()], format
        )
