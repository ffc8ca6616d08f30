"""Benchmark of kg.analysis on a synthetic graph of about 1M triples (100k events).

Generates an event graph with a realistic mix straight into a pyoxigraph store (one named
graph per document, a gazetteer graph for actors and places, the ontology graph), then
times: reading it with the bulk SPARQL queries (``kg.analysis.load``), the actor-actor and
actor-event projections, PageRank and Louvain. Prints a Markdown table (time per step, RSS
after each step, peak RSS) for BENCHMARKS.md.

Run: ``.venv/bin/python bench/analysis_bench.py [--events 100000] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ID = "https://w3id.org/conflict-kg/id/"
CKG = "https://w3id.org/conflict-kg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

HOSTILE = [
    "Attack",
    "Bombing",
    "SuicideBombing",
    "AirStrike",
    "ArmedClash",
    "SecurityOperation",
    "Abduction",
    "ShellingOrMissileAttack",
]
STATEMENTS = ["ClaimOfResponsibility", "Attribution", "Denial", "Statement", "Accusation"]
ACTOR_TYPES = ["ArmedGroup", "Government", "State", "Person", "SocialGroup", "MediaOutlet"]


def c(local: str) -> ox.NamedNode:
    return ox.NamedNode(CKG + local)


def rss_mib() -> float:
    """Resident memory now, MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mib() -> float:
    """Peak resident memory of the process so far, MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, n_events: int, seed: int = 1) -> int:
    """Write the synthetic graph; return the number of triples (ontology excluded)."""
    from kg.store import Store

    rnd = random.Random(seed)
    n_actors, n_places, n_prov, per_doc = n_events // 30, n_events // 50, 34, 5
    actors = [ox.NamedNode(f"{ID}actor-{i}") for i in range(n_actors)]
    places = [ox.NamedNode(f"{ID}place-{i}") for i in range(n_places)]
    provinces = [ox.NamedNode(f"{ID}province-{i}") for i in range(n_prov)]
    # a few hundred actors do most of the violence (heavy-tailed), grouped in regional blocs
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_actors)]
    gaz = ox.NamedNode(f"{ID}gazetteer")
    quads: list[ox.Quad] = []
    for i, a in enumerate(actors):
        quads += [
            ox.Quad(a, RDF_TYPE, c(ACTOR_TYPES[i % len(ACTOR_TYPES)]), gaz),
            ox.Quad(a, LABEL, ox.Literal(f"Actor {i}"), gaz),
            ox.Quad(a, ALT, ox.Literal(f"A{i}"), gaz),
        ]
        if i >= 50 and i % 10 == 0:
            quads.append(ox.Quad(a, c("affiliateOf"), actors[i % 50], gaz))
    for i, p in enumerate(provinces):
        quads += [
            ox.Quad(p, RDF_TYPE, c("AdminRegion"), gaz),
            ox.Quad(p, LABEL, ox.Literal(f"Province {i}"), gaz),
        ]
    for i, p in enumerate(places):
        quads += [
            ox.Quad(p, RDF_TYPE, c("Settlement"), gaz),
            ox.Quad(p, LABEL, ox.Literal(f"Town {i}"), gaz),
            ox.Quad(p, c("locatedIn"), provinces[i % n_prov], gaz),
        ]
    st = Store(path)
    total = len(quads)
    st.oxigraph.bulk_extend(quads)
    dec = ox.NamedNode(XSD + "decimal")
    xdate = ox.NamedNode(XSD + "date")
    batch: list[ox.Quad] = []
    for d in range(0, n_events, per_doc):
        doc = ox.NamedNode(f"{ID}doc/d{d // per_doc}")
        year, month = 2015 + (d * 10) // n_events, 1 + rnd.randrange(12)
        batch += [
            ox.Quad(doc, RDF_TYPE, c("Document"), doc),
            ox.Quad(doc, ox.NamedNode(DCT + "identifier"), ox.Literal(f"d{d // per_doc}"), doc),
            ox.Quad(
                doc,
                ox.NamedNode(DCT + "publisher"),
                ox.Literal(rnd.choice(["Reuters", "AP", "TOLOnews", "AFP"])),
                doc,
            ),
            ox.Quad(
                doc,
                ox.NamedNode(DCT + "issued"),
                ox.Literal(f"{year}-{month:02d}-28", datatype=xdate),
                doc,
            ),
        ]
        bloc = rnd.randrange(20)  # events of one document involve one regional bloc
        for k in range(d, min(d + per_doc, n_events)):
            e = ox.NamedNode(f"{ID}event/d{d // per_doc}/e{k}")
            is_stmt = rnd.random() < 0.12
            etype = rnd.choice(STATEMENTS) if is_stmt else rnd.choice([*HOSTILE, "Arrest"])
            pick = rnd.choices(range(n_actors), weights)[0]
            agent = actors[(pick + bloc * 7) % n_actors]
            q = [
                ox.Quad(e, RDF_TYPE, c(etype), doc),
                ox.Quad(e, LABEL, ox.Literal(f"{etype} {k}"), doc),
                ox.Quad(e, DERIVED, doc, doc),
                ox.Quad(
                    e, c("confidence"), ox.Literal(f"0.{rnd.randrange(4, 10)}", datatype=dec), doc
                ),
                ox.Quad(
                    e,
                    c("date"),
                    ox.Literal(f"{year}-{month:02d}-{1 + rnd.randrange(28):02d}", datatype=xdate),
                    doc,
                ),
                ox.Quad(
                    e, c("evidence"), ox.Literal(f"Sentence {k} of the report, verbatim."), doc
                ),
            ]
            if is_stmt:
                q.append(ox.Quad(e, c("speaker"), agent, doc))
                if k > d:
                    q.append(
                        ox.Quad(e, c("about"), ox.NamedNode(f"{ID}event/d{d // per_doc}/e{d}"), doc)
                    )
            else:
                q.append(ox.Quad(e, c("perpetrator" if etype != "Arrest" else "agent"), agent, doc))
                q.append(ox.Quad(e, c("location"), places[rnd.randrange(n_places)], doc))
                if rnd.random() < 0.7:
                    other = actors[(rnd.choices(range(n_actors), weights)[0] + bloc * 7) % n_actors]
                    q.append(ox.Quad(e, c("target"), other, doc))
            batch += q
        if len(batch) > 200_000:
            st.oxigraph.bulk_extend(batch)
            total += len(batch)
            batch = []
    st.oxigraph.bulk_extend(batch)
    total += len(batch)
    st.install_ontology()
    # compact the bulk-loaded files, as RocksDB does in the background of a long-lived
    # store: uncompacted, every term lookup probes dozens of files (reads ~2x slower)
    st.oxigraph.optimize()
    st.close()
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, default=None, help="Keep (or reuse) the store here")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    import networkx as nx

    import kg.analysis as ka
    from kg.store import Store

    path = args.keep or Path(tempfile.mkdtemp(prefix="kg-analysis-bench-")) / "store"
    steps: list[tuple[str, float, str]] = []
    t0 = time.perf_counter()
    if not (path / "CURRENT").exists():
        n = generate(path, args.events)
        gen = time.perf_counter() - t0
        print(f"generated {n:,} triples in {gen:.1f} s", file=sys.stderr)
    store = Store(path, read_only=True)
    triples = len(store)
    base_rss = rss_mib()

    def step(name: str, fn: Any, detail: Any = lambda r: "") -> Any:
        t = time.perf_counter()
        r = fn()
        dt = time.perf_counter() - t
        steps.append((name, dt, detail(r)))
        print(f"{name:40s} {dt:7.2f} s  rss {rss_mib():7.0f} MiB  {detail(r)}", file=sys.stderr)
        return r

    start = time.perf_counter()
    snap = step("read (bulk SPARQL -> Snapshot)", lambda: ka.load(store), repr)
    G = step(
        "project actor-actor (interaction)",
        lambda: ka.interaction_graph(snap),
        lambda g: f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges",
    )
    B = step(
        "project actor-event (bipartite)",
        lambda: ka.actor_event_graph(snap),
        lambda g: f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges",
    )
    step("PageRank, actor-actor", lambda: ka.pagerank(G), lambda r: f"sum {sum(r.values()):.6f}")
    step(
        "Louvain, actor-actor (seeded)",
        lambda: ka.communities(G, seed=args.seed),
        lambda r: f"{len(r)} communities, largest {r[0]['size']}: {r[0]['label']}",
    )
    core = time.perf_counter() - start
    step("PageRank, actor-event", lambda: ka.pagerank(B), lambda r: f"{len(r):,} nodes")
    step(
        "Louvain, actor-event (seeded)",
        lambda: ka.communities(B, seed=args.seed),
        lambda r: f"{len(r)} communities",
    )
    total = time.perf_counter() - start

    print(f"\nstore: {triples:,} triples; RSS with the store open {base_rss:.0f} MiB")
    print(
        f"networkx {nx.__version__}, Python {sys.version.split()[0]}, "
        f"{len(__import__('os').sched_getaffinity(0))} cores\n"
    )
    print("| step | time (s) | result |\n|---|---:|---|")
    for name, dt, detail in steps:
        print(f"| {name} | {dt:.2f} | {detail} |")
    print(f"| **read + both projections + PageRank + Louvain (actor-actor)** | **{core:.2f}** | |")
    print(f"| all steps | {total:.2f} | |")
    print(f"\npeak RSS {peak_mib():.0f} MiB (whole process, store included)")
    store.close()
    if args.keep is None:
        shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
