"""Benchmark of the graph views in headless Chromium: 500, 2,000 and 5,000 nodes.

Builds synthetic actor–actor interaction graphs (the shape
:func:`kg.analysis.interaction_graph` returns: typed directed edges, each with one to three
events carrying a quote, a date and a source document; heavy-tailed degrees), turns each
into a :class:`kg.views.graphs.View`, writes the self-contained HTML file (``kg viz``) and
opens it in Debian's headless Chromium through Playwright. Measures:

- build: the view in Python (centrality, the precomputed layout above 300 nodes);
- HTML: the file's size (vis-network and the data inlined);
- first render: navigation start to vis-network's first ``afterDrawing``;
- stable view: navigation start to a view that no longer moves (physics stabilised and
  switched off, or the first drawing when the layout came from Python);
- filter: one event-type filter applied to every node and edge (the page stays usable).

Run: ``.venv/bin/python bench/browser_bench.py [--sizes 500,2000,5000] [--repeat 3]
[--json FILE]``. Needs ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ID = "https://w3id.org/conflict-kg/id/"
ACTOR_TYPES = ["ArmedGroup", "State", "Government", "Person", "Organization", "SocialGroup"]
EVENT_TYPES = ["Attack", "Bombing", "SuicideBombing", "ArmedClash", "Arrest", "AirStrike"]
RELATIONS = ["attacked", "arrested", "claimed on behalf of", "attributed to", "allied with"]
WORDS = [
    "the",
    "armed",
    "group",
    "said",
    "its",
    "fighters",
    "attacked",
    "a",
    "checkpoint",
    "near",
    "the",
    "provincial",
    "capital",
    "killing",
    "several",
    "police",
    "officers",
    "according",
    "to",
    "officials",
    "who",
    "spoke",
    "to",
    "reporters",
]


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """An interaction-graph-shaped MultiDiGraph of ``n`` actors (about 2 edges per node)."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    G = nx.MultiDiGraph(projection="interaction")
    for i in range(n):
        G.add_node(
            f"{ID}actor-{i}",
            kind="actor",
            label=f"Actor {i}",
            types=[rnd.choice(ACTOR_TYPES)],
        )
    events: dict[str, dict[str, Any]] = {}
    k = 0
    for u, v in base.edges():
        if rnd.random() < 0.5:
            u, v = v, u
        evs = []
        for _ in range(rnd.randint(1, 3)):
            k += 1
            iri = f"{ID}event/doc{k // 5}/e{k}"
            year = rnd.randint(2015, 2024)
            events[iri] = {
                "label": f"Event {k}",
                "date": f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                "evidence": [" ".join(rnd.choice(WORDS) for _ in range(25)).capitalize() + "."],
                "types": [f"https://w3id.org/conflict-kg/ontology#{rnd.choice(EVENT_TYPES)}"],
                "doc": f"Report {k // 5}",
                "source": "Synthetic Wire",
                "issued": f"{year}-12-31",
            }
            evs.append(iri)
        rel = rnd.choice(RELATIONS)
        G.add_edge(
            f"{ID}actor-{u}", f"{ID}actor-{v}", key=rel, type=rel, weight=len(evs), events=evs
        )
    G.graph["events"] = events
    return G


def measure(browser: Any, path: Path, timeout_ms: int) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []

    def console(m: Any) -> None:
        if m.type == "error":
            errors.append(m.text)

    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", console)
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_selector("body[data-graph-ready]", state="attached", timeout=timeout_ms)
    wall = time.perf_counter() - started
    t = page.evaluate("({...kgTiming, nodes: network.body.data.nodes.length})")
    f0 = time.perf_counter()
    shown = page.evaluate("kgView.filter({type: 'Bombing'})")
    page.evaluate("kgView.filter({})")
    filt = (time.perf_counter() - f0) / 2
    # responsiveness once stable: one full redraw of the fitted view, then zoomed in 4x
    zoom = page.evaluate(
        """() => { const t = []; for (const s of [null, 4]) {
             if (s) network.moveTo({scale: network.getScale() * s});
             const t0 = performance.now(); network.redraw(); t.push(performance.now() - t0);
           } return t; }"""
    )
    page.close()
    if errors:
        raise RuntimeError(f"{path.name}: {errors}")
    return {
        "first_render_s": (t["start"] + t["firstDraw"]) / 1000,
        "stable_s": (t["start"] + t["stable"]) / 1000,
        "wall_s": wall,
        "filter_s": filt,
        "redraw_s": zoom[0] / 1000,
        "redraw_zoomed_s": zoom[1] / 1000,
        "nodes_drawn": t["nodes"],
        "filter_shown": shown,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="250,500,2000,5000", help="node counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="page loads per size (median kept)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds a page may take")
    ap.add_argument("--keep", type=Path, help="write the HTML files to this folder")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from kg.views.graphs import view_from_graph
    from kg.views.render import write_html

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is absent", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="browser-bench-"))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in (int(x) for x in args.sizes.split(",")):
            G = synthetic_graph(n)
            b0 = time.perf_counter()
            view = view_from_graph(G, title=f"synthetic {n}", metric="pagerank")
            build = time.perf_counter() - b0
            path = write_html(view, folder / f"graph-{n}.html")
            runs = [measure(browser, path, int(args.timeout * 1000)) for _ in range(args.repeat)]
            row = {
                "nodes": view.n_nodes,
                "edges": view.n_edges,
                "events": len(view.events),
                "physics": view.physics,
                "build_s": build,
                "html_mb": path.stat().st_size / 1e6,
                **{k: statistics.median(r[k] for r in runs) for k in runs[0]},
            }
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        browser.close()
    print(
        "| nodes | edges | layout | build (s) | HTML (MB) | first render (s) | stable view (s) "
        "| filter (s) | redraw, fitted (s) | redraw, zoomed 4x (s) |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['nodes']:,} | {r['edges']:,} | {'physics' if r['physics'] else 'Python'} "
            f"| {r['build_s']:.2f} | {r['html_mb']:.2f} | {r['first_render_s']:.2f} "
            f"| {r['stable_s']:.2f} | {r['filter_s']:.3f} | {r['redraw_s']:.3f} "
            f"| {r['redraw_zoomed_s']:.3f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
