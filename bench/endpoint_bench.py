"""SPARQL endpoint benchmark: five analyst queries, HTTP vs direct pyoxigraph vs rdflib.

Generates a synthetic event graph of about 1M triples (one named graph per document, as
``kg ingest`` writes it), serves it with ``kg serve`` in a subprocess and times each query:

* direct: ``pyoxigraph.Store.read_only(...).query(...)`` + Oxigraph's JSON serialiser
* HTTP: the same query through ``/sparql`` (httpx, keep-alive, one request at a time)
* rdflib: rdflib's own engine over an in-memory ``Dataset`` (fewer runs: it is slow)

Run:  .venv/bin/python bench/endpoint_bench.py [--events 120000] [--runs 30]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from serving import free_port, start_kg_serve  # noqa: E402

from kg.store import PREFIXES  # noqa: E402

CKG = "https://w3id.org/conflict-kg/ontology#"
ID = "https://w3id.org/conflict-kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = [
    "Attack",
    "Bombing",
    "AirStrike",
    "ArmedClash",
    "Assassination",
    "Arrest",
    "SuicideBombing",
    "SecurityOperation",
]
WORDS = [
    "Kabul",
    "Mosul",
    "Aleppo",
    "Sanaa",
    "Mogadishu",
    "Kandahar",
    "Raqqa",
    "Tripoli",
    "Benghazi",
    "Maiduguri",
    "Gao",
    "Idlib",
    "Herat",
    "Jalalabad",
    "Basra",
    "Homs",
]

QUERIES = {
    "count by type": """
        SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type ; ckg:date ?d }
        GROUP BY ?type ORDER BY DESC(?n)""",
    "perpetrator in date range": """
        SELECT ?e ?date ?label WHERE {
          ?e ckg:perpetrator kgid:actor-7 ; ckg:date ?date ; rdfs:label ?label .
          FILTER(?date >= "2020-01-01"^^xsd:date && ?date < "2021-01-01"^^xsd:date)
        } ORDER BY ?date""",
    "actor-event-place join": """
        SELECT ?actorName ?placeName (COUNT(?e) AS ?n) WHERE {
          ?e ckg:perpetrator ?a ; ckg:location ?p .
          ?a rdfs:label ?actorName . ?p rdfs:label ?placeName ; ckg:locatedIn kgid:country-3 .
        } GROUP BY ?actorName ?placeName ORDER BY DESC(?n) LIMIT 50""",
    "top actors by fatalities": """
        SELECT ?a ?name (SUM(?f) AS ?total) WHERE {
          ?e ckg:perpetrator ?a ; ckg:fatalities ?f . ?a rdfs:label ?name
        } GROUP BY ?a ?name ORDER BY DESC(?total) LIMIT 10""",
    "label search": """
        SELECT ?x ?label WHERE {
          ?x rdfs:label ?label . FILTER(REGEX(?label, "kandahar district 1[0-9]+$", "i"))
        }""",
}


def generate_nquads(events: int, seed: int = 7) -> bytes:
    """A synthetic event graph: ~8 triples per event, 10 events per document graph."""
    rnd = random.Random(seed)
    n_actors, n_places, n_countries = 2000, 5000, 40
    out = io.StringIO()
    w = out.write
    for a in range(n_actors):
        g = f"<{ID}doc/actors-{a // 500}>"
        w(f"<{ID}actor-{a}> <{RDF_TYPE}> <{CKG}ArmedGroup> {g} .\n")
        w(f'<{ID}actor-{a}> <{LABEL}> "Armed group {a} of {rnd.choice(WORDS)}"@en {g} .\n')
    for p in range(n_places):
        g = f"<{ID}doc/places-{p // 500}>"
        w(f"<{ID}place-{p}> <{RDF_TYPE}> <{CKG}Settlement> {g} .\n")
        w(f'<{ID}place-{p}> <{LABEL}> "{rnd.choice(WORDS)} district {p}"@en {g} .\n')
        w(f"<{ID}place-{p}> <{CKG}locatedIn> <{ID}country-{p % n_countries}> {g} .\n")
    for e in range(events):
        g = f"<{ID}doc/article-{e // 10}>"
        ev = f"<{ID}event/article-{e // 10}/e{e % 10}>"
        typ = rnd.choice(EVENT_TYPES)
        where = rnd.randrange(n_places)
        date = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        w(f"{ev} <{RDF_TYPE}> <{CKG}{typ}> {g} .\n")
        w(f"{ev} <{CKG}perpetrator> <{ID}actor-{int(rnd.paretovariate(1.2)) % n_actors}> {g} .\n")
        w(f"{ev} <{CKG}location> <{ID}place-{where}> {g} .\n")
        w(f'{ev} <{CKG}date> "{date}"^^<{XSD}date> {g} .\n')
        w(f'{ev} <{CKG}fatalities> "{rnd.randint(0, 40)}"^^<{XSD}integer> {g} .\n')
        w(f'{ev} <{LABEL}> "{typ} in {rnd.choice(WORDS)}"@en {g} .\n')
        w(f"{ev} <{CKG}inDocument> <{ID}doc/article-{e // 10}> {g} .\n")
        w(f'{ev} <{CKG}trigger> "{rnd.choice(["attacked", "bombed", "killed", "struck"])}" {g} .\n')
    return out.getvalue().encode()


def ensure_store(path: Path, events: int) -> tuple[Path, bytes | None]:
    """Build the store once (returns the N-Quads too when freshly generated)."""
    marker = path / f".events-{events}"
    if marker.exists():
        return path, None
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    data = generate_nquads(events)
    st = ox.Store(str(path))
    st.bulk_load(data, ox.RdfFormat.N_QUADS)
    st.optimize()
    st.flush()
    del st
    marker.touch()
    return path, data


def start_server(store: Path, port: int, workers: int = 2, extra: list[str] | None = None):
    args = ["--workers", str(workers), *(extra or [])]
    return start_kg_serve(store, args, store.parent / "serve.log", port)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=123_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--rdflib-runs", type=int, default=3)
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--store", type=Path, default=ROOT / "bench" / ".data" / "endpoint-store")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    store, data = ensure_store(args.store, args.events)
    direct = ox.Store.read_only(str(store))
    n_triples = len(direct)
    print(f"store: {n_triples:,} triples ({time.perf_counter() - t0:.1f} s to prepare)")

    def run_direct(q: str) -> bytes:
        res = direct.query(q, use_default_graph_as_union=True, prefixes=PREFIXES)
        return res.serialize(format=ox.QueryResultsFormat.JSON)

    # Direct and HTTP runs alternate, so that load from other programs on the machine
    # affects both alike.
    results: dict[str, dict[str, float]] = {}
    port = free_port()
    proc, base = start_server(store, port)
    try:
        with httpx.Client(base_url=base, timeout=120) as c:

            def run_http(q: str) -> bytes:
                r = c.get(
                    "/sparql",
                    params={"query": q},
                    headers={"Accept": "application/sparql-results+json"},
                )
                r.raise_for_status()
                return r.content

            for name, q in QUERIES.items():
                run_direct(q)  # warm the caches (and every worker)
                for _ in range(4):
                    run_http(q)
                td, th = [], []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    expected = run_direct(q)
                    td.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    body = run_http(q)
                    th.append(time.perf_counter() - t)
                assert json.loads(body)["head"] == json.loads(expected)["head"]
                results[name] = {
                    "direct_p50": pct(td, 50),
                    "direct_p99": pct(td, 99),
                    "http_p50": pct(th, 50),
                    "http_p99": pct(th, 99),
                    "rows": len(json.loads(body)["results"]["bindings"]),
                }
                print(
                    f"{name}: direct {results[name]['direct_p50'] * 1000:.1f} ms, "
                    f"HTTP {results[name]['http_p50'] * 1000:.1f} ms",
                    flush=True,
                )
    finally:
        proc.terminate()
        proc.wait(30)

    if not args.no_rdflib:
        from rdflib import Dataset

        if data is None:
            data = generate_nquads(args.events)
        t = time.perf_counter()
        ds = Dataset(default_union=True)
        try:
            ds.parse(data=data, format="ox-nquads")
        except Exception:
            ds.parse(data=data, format="nquads")
        print(f"rdflib in-memory load: {time.perf_counter() - t:.1f} s")
        ns = {k: v for k, v in PREFIXES.items()}
        for name, q in QUERIES.items():
            ts = []
            for _ in range(args.rdflib_runs):
                t = time.perf_counter()
                list(ds.query(q, initNs=ns))
                ts.append(time.perf_counter() - t)
            results[name]["rdflib_p50"] = statistics.median(ts)

    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, pyoxigraph {ox.__version__}; {n_triples:,} triples; "
        f"{args.runs} runs per query\n"
    )
    print(
        "| query | rows | direct p50 | direct p99 | HTTP p50 | HTTP p99 | HTTP/direct (p50) "
        "| rdflib p50 | rdflib/HTTP |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        rd = r.get("rdflib_p50")
        print(
            f"| {name} | {r['rows']} | {r['direct_p50'] * 1000:.1f} ms | "
            f"{r['direct_p99'] * 1000:.1f} ms | {r['http_p50'] * 1000:.1f} ms | "
            f"{r['http_p99'] * 1000:.1f} ms | {r['http_p50'] / r['direct_p50']:.2f}x | "
            + (f"{rd:.2f} s | {rd / r['http_p50']:.0f}x |" if rd else "- | - |")
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
