"""``kg viz``: graph views written as self-contained HTML files (no network needed).

A thin layer over :mod:`kg.views`: each command builds a view from :mod:`kg.analysis`
and writes one HTML file with vis-network, the data and our script inlined. Open it in
any browser, offline; ``kg serve`` shows the same views with links between pages.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import typer

from kg.cli.analyze import _load
from kg.cli.core import err_console
from kg.cli.options import with_filters

OUT = typer.Option(None, "--out", "-o", help="The HTML file to write (default: out/<view>.html)")
METRIC = typer.Option(
    "pagerank", "--size-by", "-s", help="Size nodes by: pagerank, degree, betweenness, eigenvector"
)


def _write(view: Any, out: Path | None, default: str) -> None:
    from kg.views.render import write_html

    started = time.perf_counter()
    path = write_html(view, out or Path("out") / f"{default}.html")
    size = path.stat().st_size
    err_console.print(
        f"wrote {path} ({view.n_nodes} nodes, {view.n_edges} edges, {size / 1e6:.1f} MB, "
        f"{'physics' if view.physics else 'precomputed layout'}) "
        f"in {time.perf_counter() - started:.1f} s"
    )


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "view"


def register(app: typer.Typer) -> None:
    """Add the ``viz`` command group to ``app``."""
    viz = typer.Typer(
        help="Graph views as self-contained HTML files (whole graph, ego, event, path, community).",
        no_args_is_help=True,
    )
    app.add_typer(viz, name="viz")

    @viz.command()
    @with_filters
    def graph(
        ctx: typer.Context,
        kind: str = typer.Option(
            "actors", "--graph", "-g", help="actors (actor-actor network) or actor-event"
        ),
        out: Path = OUT,
        size_by: str = METRIC,
        filters: Any = None,
    ) -> None:
        """The whole graph (large graphs get a precomputed layout, physics off)."""
        from kg.views.graphs import whole_graph_view

        view = whole_graph_view(_load(ctx), graph=kind, metric=size_by, filters=filters)
        _write(view, out, f"graph-{kind}")

    @viz.command()
    @with_filters
    def ego(
        ctx: typer.Context,
        actor: str = typer.Argument(..., help="The actor at the centre (label or alias)"),
        radius: int = typer.Option(1, "--radius", "-r", min=1, max=3, help="Hops: 1 to 3"),
        out: Path = OUT,
        size_by: str = METRIC,
        filters: Any = None,
    ) -> None:
        """The ego network of an actor."""
        from kg.views.graphs import ego_view

        view = ego_view(_load(ctx), actor, radius=radius, metric=size_by, filters=filters)
        _write(view, out, f"ego-{_slug(actor)}")

    @viz.command()
    def event(
        ctx: typer.Context,
        event: str = typer.Argument(..., help="The event: its IRI, or words of its label/place"),
        out: Path = OUT,
    ) -> None:
        """An event, its actors and places, and the claims and attributions about it."""
        from kg.views.graphs import event_view

        view = event_view(_load(ctx), event)
        _write(view, out, f"event-{_slug(view.title.removeprefix('Event: '))}")

    @viz.command()
    @with_filters
    def path(
        ctx: typer.Context,
        a: str = typer.Argument(..., help="From this actor"),
        b: str = typer.Argument(..., help="To this actor"),
        all: bool = typer.Option(False, "--all", help="Every short path, not just one"),
        cutoff: int = typer.Option(3, "--cutoff", help="Longest path, in hops (with --all)"),
        out: Path = OUT,
        size_by: str = METRIC,
        filters: Any = None,
    ) -> None:
        """The path(s) between two actors, with the events behind each hop."""
        from kg.views.graphs import path_view

        view = path_view(
            _load(ctx), a, b, all_paths=all, cutoff=cutoff, metric=size_by, filters=filters
        )
        _write(view, out, f"path-{_slug(a)}-{_slug(b)}")

    @viz.command()
    @with_filters
    def community(
        ctx: typer.Context,
        which: str = typer.Argument(
            "0", help="The community: its number (0 = largest) or the name of a member"
        ),
        seed: int = typer.Option(42, "--seed"),
        resolution: float = typer.Option(1.0, "--resolution"),
        out: Path = OUT,
        size_by: str = METRIC,
        filters: Any = None,
    ) -> None:
        """One Louvain community of the actor network (see `kg analyze communities`)."""
        from kg.views.graphs import community_view

        view = community_view(
            _load(ctx), which, metric=size_by, seed=seed, resolution=resolution, filters=filters
        )
        _write(view, out, f"community-{_slug(which)}")
