"""``kg analyze``: centrality, communities, brokers, paths, profiles, timelines, change.

A thin layer over :mod:`kg.analysis`. Actors are named by label or alias (any case).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import typer

from kg.cli.core import err_console, open_store, print_rows
from kg.cli.options import (
    FORMAT,
    GENERIC,
    MINCONF,
    SOURCES,
    STANCE,
    TYPES,
    make_filters,
    with_filters,
)
from kg.errors import KGError

GRAPH = typer.Option(
    "actors", "--graph", "-g", help="actors (actor-actor network) or actor-event (bipartite)"
)


def _load(ctx: typer.Context) -> Any:
    from kg.analysis import load

    started = time.perf_counter()
    snap = load(open_store(ctx, read_only=True))
    err_console.print(f"[dim]read {snap!r} in {time.perf_counter() - started:.1f} s[/dim]")
    return snap


def _graph(snap: Any, kind: str, f: Any) -> Any:
    from kg.analysis import actor_event_graph, interaction_graph

    if kind == "actors":
        return interaction_graph(snap, filters=f)
    if kind == "actor-event":
        return actor_event_graph(snap, filters=f)
    raise KGError(f"unknown --graph {kind!r}: choose actors or actor-event")


def _short(quotes: list[str], width: int = 160) -> str:
    """The first quote, shortened for a table (``--format json`` gives them all)."""
    if not quotes:
        return ""
    q = quotes[0] if len(quotes[0]) <= width else quotes[0][: width - 1] + "…"
    return q + (f" (+{len(quotes) - 1} more)" if len(quotes) > 1 else "")


def _json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, default=str, ensure_ascii=False) + "\n")


def _write(ctx: typer.Context, name: str, values: Any, **kw: Any) -> None:
    from kg.analysis import write_results

    store = open_store(ctx, read_only=False)
    try:
        g = write_results(store, name, values, **kw)
    finally:
        store.close()
    err_console.print(f"wrote results to graph <{g}>")


def register(app: typer.Typer) -> None:
    """Add the ``analyze`` command group to ``app``."""
    an = typer.Typer(
        help="Network analysis: centrality, communities, paths, profiles.", no_args_is_help=True
    )
    app.add_typer(an, name="analyze")

    @an.command()
    @with_filters
    def centrality(
        ctx: typer.Context,
        graph: str = GRAPH,
        top: int = typer.Option(20, "--top", "-n"),
        sort: str = typer.Option("pagerank", "--sort", help="Metric to sort by"),
        k: int = typer.Option(
            None, "--betweenness-k", help="Estimate betweenness from k sampled nodes (big graphs)"
        ),
        write: str = typer.Option(None, "--write", help="Also store the results as graph NAME"),
        generic: bool = GENERIC,
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """Degree, betweenness, PageRank and eigenvector centrality of actors.

        Computed over the whole network (civilians and unidentified armed groups included,
        as the victims and doers they are); the ranking lists named actors unless --generic.
        """
        from kg.analysis import centrality as cent
        from kg.analysis.projections import named_actors

        snap = _load(ctx)
        G = _graph(snap, graph, filters)
        if k is None and G.number_of_nodes() > 5000:
            k = 500
        actors = named_actors(G, generic=generic)
        values = cent(G, betweenness_k=k, nodes=actors)
        if not values:
            raise KGError("no actor in the network within the filters: widen them")
        if sort not in next(iter(values.values()), {sort: 0}):
            raise KGError(f"cannot sort by {sort!r}: choose degree, betweenness, pagerank, ...")
        ranked = sorted(values, key=lambda n: (-values[n][sort], G.nodes[n]["label"]))
        if write:
            _write(
                ctx,
                write,
                values,
                algorithm="centrality",
                parameters={"graph": graph, "betweenness_k": k, **filters.as_dict()},
            )
        rows = [
            {
                "actor": G.nodes[n]["label"],
                **{m: round(v, 6) for m, v in values[n].items()},
                "iri": n,
            }
            for n in ranked[:top]
        ]
        print_rows(rows, format, title="centrality")

    @an.command()
    @with_filters
    def communities(
        ctx: typer.Context,
        graph: str = GRAPH,
        seed: int = typer.Option(42, "--seed"),
        resolution: float = typer.Option(1.0, "--resolution"),
        members: int = typer.Option(8, "--members", help="Members to list per community"),
        write: str = typer.Option(None, "--write", help="Also store the results as graph NAME"),
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """Louvain communities (seeded), named after their most central actors."""
        from kg.analysis import communities as comms

        snap = _load(ctx)
        G = _graph(snap, graph, filters)
        cs = comms(G, seed=seed, resolution=resolution)
        if write:
            _write(
                ctx,
                write,
                {},
                algorithm="louvain",
                communities=cs,
                parameters={
                    "graph": graph,
                    "seed": seed,
                    "resolution": resolution,
                    **filters.as_dict(),
                },
            )
        rows = []
        for c in cs:
            names = [G.nodes[m]["label"] for m in c["members"] if G.nodes[m]["kind"] == "actor"]
            more = " ..." if len(names) > members else ""
            rows.append(
                {
                    "id": c["id"],
                    "label": c["label"],
                    "size": c["size"],
                    "members": ", ".join(names[:members]) + more,
                }
            )
        print_rows(rows, format, title="communities")

    @an.command()
    @with_filters
    def brokers(
        ctx: typer.Context,
        top: int = typer.Option(10, "--top", "-n"),
        generic: bool = GENERIC,
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """Actors with high betweenness for their low degree."""
        from kg.analysis import brokers as brk

        G = _graph(_load(ctx), "actors", filters)
        rows = brk(
            G,
            top=top,
            betweenness_k=500 if G.number_of_nodes() > 5000 else None,
            generic=generic,
        )
        print_rows(
            [
                {
                    "actor": r["label"],
                    "betweenness": round(r["betweenness"], 6),
                    "degree": r["degree"],
                    "score": r["score"],
                    "iri": r["node"],
                }
                for r in rows
            ],
            format,
            title="brokers",
        )

    @an.command()
    @with_filters
    def path(
        ctx: typer.Context,
        a: str = typer.Argument(..., help="From this actor (label or alias)"),
        b: str = typer.Argument(..., help="To this actor"),
        all: bool = typer.Option(False, "--all", help="Every short path, not just one"),
        cutoff: int = typer.Option(3, "--cutoff", help="Longest path, in hops (with --all)"),
        limit: int = typer.Option(10, "--limit", help="Most paths to list (with --all)"),
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """The shortest path(s) between two actors, with the events and quotes of each hop."""
        from kg.analysis import all_short_paths, resolve_actor, shortest_path

        snap = _load(ctx)
        u, v = resolve_actor(snap, a), resolve_actor(snap, b)
        G = _graph(snap, "actors", filters)
        if all:
            paths = all_short_paths(G, u, v, cutoff=cutoff, limit=limit)
        else:
            one = shortest_path(G, u, v)
            paths = [one] if one is not None else []
        if not paths:
            raise KGError(f"no path joins {snap.label(u)} and {snap.label(v)} within the filters")
        if format == "json":
            _json(paths)
            return
        rows = []
        for i, p in enumerate(paths, 1):
            for j, h in enumerate(p, 1):
                for r in h["relations"]:
                    src, dst = (
                        (h["source_label"], h["target_label"])
                        if r["direction"] == "forward"
                        else (h["target_label"], h["source_label"])
                    )
                    quotes = [q for e in r["events"] for q in e["evidence"]]
                    by = (
                        f" (by {', '.join(r['by'])})"
                        if r["by"] and r["stance"] == "alleged"
                        else ""
                    )
                    rows.append(
                        {
                            "path": i,
                            "hop": j,
                            "from": src,
                            "relation": r["relation"] + by,
                            "to": dst,
                            "events": "; ".join(e["label"] for e in r["events"]),
                            "evidence": _short(quotes) or ", ".join(r["predicates"]),
                        }
                    )
        print_rows(rows, format, title=f"{snap.label(u)} → {snap.label(v)}")

    @an.command()
    @with_filters
    def profile(
        ctx: typer.Context,
        actor: str = typer.Argument(..., help="The actor (label or alias)"),
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """An actor's names, affiliations, events by type and role, places, first/last seen."""
        from kg.analysis import actor_profile

        p = actor_profile(_load(ctx), actor, filters=filters)
        if format == "json":
            _json(p)
            return
        rows = [
            {"field": "actor", "value": f"{p['label']} <{p['iri']}>"},
            {"field": "types", "value": ", ".join(p["types"])},
            {"field": "aliases", "value": ", ".join(p["aliases"])},
            {
                "field": "affiliations",
                "value": ", ".join(f"{a['relation']} {a['label']}" for a in p["affiliations"]),
            },
            {
                "field": "affiliates",
                "value": ", ".join(f"{a['label']} ({a['relation']})" for a in p["affiliates"]),
            },
            {
                "field": "events by type",
                "value": ", ".join(f"{k} {v}" for k, v in p["events_by_type"].items()),
            },
            {
                "field": "events by role",
                "value": ", ".join(f"{k} {v}" for k, v in p["events_by_role"].items()),
            },
            {
                "field": "events by stance",
                "value": ", ".join(f"{k} {v}" for k, v in p["events_by_stance"].items()),
            },
            {"field": "first seen", "value": p["first_seen"]},
            {"field": "last seen", "value": p["last_seen"]},
            {
                "field": "places",
                "value": ", ".join(f"{x['label']} ({x['events']})" for x in p["places"]),
            },
        ]
        rows += [
            {
                "field": f"event {e['date'] or ''}",
                "value": f"{e['label']} [{', '.join(e['roles'])}]"
                + (f" (by {', '.join(e['by'])})" if e["by"] else ""),
            }
            for e in p["events"]
        ]
        print_rows(rows, format, title=p["label"])

    @an.command()
    @with_filters
    def timeline(
        ctx: typer.Context,
        by: str = typer.Option("actor", "--by", help="actor|place|province|type"),
        actor: str = typer.Option(None, "--actor", "-a", help="Only this actor"),
        freq: str = typer.Option("month", "--freq", help="month|year"),
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """Events per actor (or place, province, type) per month."""
        from kg.analysis import timeline as tl

        rows = tl(_load(ctx), by=by, freq=freq, actor=actor, filters=filters)
        print_rows(
            [{by: r["label"], "period": r["period"], "events": r["events"]} for r in rows],
            format,
            title=f"events per {by} per {freq}",
        )

    @an.command()
    @with_filters
    def top(
        ctx: typer.Context,
        n: int = typer.Option(20, "--top", "-n"),
        role: str = typer.Option(
            None, "--role", help="perpetrator, claimed, alleged, suspected, denied, target, ..."
        ),
        generic: bool = GENERIC,
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """The actors in the most events."""
        from kg.analysis import top_actors

        rows = top_actors(_load(ctx), n=n, role=role, generic=generic, filters=filters)
        print_rows(
            [{"actor": r["label"], "events": r["events"], "iri": r["actor"]} for r in rows],
            format,
            title="top actors",
        )

    @an.command()
    def claims(
        ctx: typer.Context,
        event: str = typer.Argument(..., help="The event: its IRI, or words of its label/place"),
        format: str = FORMAT,
    ) -> None:
        """Who claims, who attributes, who denies an event."""
        from kg.analysis import statements_about

        rows = statements_about(_load(ctx), event)
        if format == "json":
            _json(rows)
            return
        # the table leaves out IRIs (in --format json and csv) and columns empty in every row
        empty = {k for k in (rows[0] if rows else {}) if not any(r.get(k) for r in rows)}
        print_rows(
            [
                {
                    k: (_short(v) if isinstance(v, list) else v)
                    for k, v in r.items()
                    if k not in ("about", "statement", *empty)
                }
                for r in rows
            ]
            if format == "table"
            else [
                {k: (" | ".join(v) if isinstance(v, list) else v) for k, v in r.items()}
                for r in rows
            ],
            format,
            title="statements about the event",
        )

    @an.command()
    @with_filters
    def ego(
        ctx: typer.Context,
        actor: str = typer.Argument(..., help="The actor at the centre"),
        radius: int = typer.Option(1, "--radius", "-r"),
        format: str = FORMAT,
        filters: Any = None,
    ) -> None:
        """The actors within RADIUS hops of an actor, and how they are linked."""
        from kg.analysis import ego_network, resolve_actor

        snap = _load(ctx)
        G = _graph(snap, "actors", filters)
        ego = ego_network(G, resolve_actor(snap, actor), radius=radius)
        if format == "json":
            _json(ego)
            return
        name = snap.label(ego["center"])
        print_rows(
            [
                {
                    "date": e["date"] or "",
                    "event": e["label"],
                    "how": "; ".join(f"{r['relation']} {r['with']}" for r in e["relations"]),
                }
                for e in ego["events"]
            ],
            format,
            title=f"events of {name} (stance: stated, claimed, alleged, suspected, denied)",
        )
        print_rows(
            [
                {
                    "from": G.nodes[e["source"]]["label"],
                    "relation": e["relation"],
                    "to": G.nodes[e["target"]]["label"],
                    "events": e["weight"],
                }
                for e in ego["edges"]
            ],
            format,
            title=f"ego network of {name}",
        )

    @an.command()
    def compare(
        ctx: typer.Context,
        a: str = typer.Argument(..., help="First window, START:END (e.g. 2023-01:2023-06)"),
        b: str = typer.Argument(..., help="Second window, START:END"),
        top: int = typer.Option(10, "--top", "-n", help="Rises and falls to list"),
        generic: bool = GENERIC,
        format: str = FORMAT,
        type: list[str] = TYPES,
        source: list[str] = SOURCES,
        min_confidence: float = MINCONF,
        stance: list[str] = STANCE,
    ) -> None:
        """Who rose and who fell between two time windows (events and PageRank)."""
        from kg.analysis import compare_windows

        f = make_filters(types=type, sources=source, min_conf=min_confidence, stances=stance)
        rows = compare_windows(_load(ctx), a, b, top=top, generic=generic, filters=f)
        print_rows(
            [{k: v for k, v in r.items() if k != "actor"} for r in rows], format, title=f"{a} → {b}"
        )
