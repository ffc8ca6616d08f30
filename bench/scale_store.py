"""Store at scale: loading ~1M triples and the five analyst queries, embedded Oxigraph vs
the Oxigraph server (Graph Store Protocol), each against rdflib's in-memory engine.

The event graph and the five queries are bench/endpoint_bench.py's (one named graph per
document, as ``kg ingest`` writes it). Loads timed, each into an empty store:

* embedded, bulk: ``Store.bulk_load_nquads`` (Oxigraph's bulk loader, not transactional);
* embedded, ingest writer: ``Store.replace_documents`` in batches of ``--write-batch``
  graphs, one transaction each (what ``kg ingest`` does);
* server, bulk: one ``POST`` of the N-Quads to ``/store`` (``GraphStore.load_nquads``);
* server, ingest writer: ``GraphStore.replace_documents``: one ``PUT ?graph=`` per document
  (and, with ``--update``, one SPARQL update per batch);
* rdflib: ``Dataset.parse(format="ox-nquads")`` into rdflib's memory store.

Queries: embedded (pyoxigraph, results serialised to JSON) and server (HTTP, keep-alive)
alternate run by run; rdflib's engine runs ``--rdflib-runs`` times. Ratios printed:
server / embedded and rdflib / embedded.

Run:  .venv/bin/python bench/scale_store.py [--events 123000] [--runs 10] [--no-rdflib]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from endpoint_bench import QUERIES, generate_nquads  # noqa: E402
from serving import free_port  # noqa: E402

from kg.gsp import GraphStore  # noqa: E402
from kg.rdf.iri import doc_id_of  # noqa: E402
from kg.store import PREFIXES, SPARQL_PREFIXES, Store  # noqa: E402


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    exe = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen(
        [str(exe if exe.exists() else "oxigraph"), "serve", "--location", str(location),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("oxigraph serve did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(30)


def by_document(data: bytes) -> list[tuple[str, list]]:
    """The quads grouped per named graph: (document id or graph IRI, triples)."""
    groups: dict[str, list] = defaultdict(list)
    for q in ox.parse(data, ox.RdfFormat.N_QUADS):
        groups[q.graph_name.value].append((q.subject, q.predicate, q.object))
    # the writer names graphs by document id; the generator's graphs are doc/... IRIs
    return [(doc_id_of(g) or g, ts) for g, ts in groups.items()]


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=123_000)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--rdflib-runs", type=int, default=2)
    ap.add_argument("--write-batch", type=int, default=256)
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--update", action="store_true", help="also time SPARQL-update batches")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    data = generate_nquads(args.events)
    docs = by_document(data)
    n = sum(len(t) for _, t in docs)
    print(f"{n:,} triples in {len(docs):,} graphs ({len(data) / 2**20:.0f} MiB of N-Quads)")
    tmp = Path(tempfile.mkdtemp(prefix="kg-scale-store-"))
    loads: dict[str, float] = {}
    try:
        # ------------------------------------------------ loads
        st = Store(tmp / "bulk")
        loads["embedded, bulk loader"] = timed(lambda: (st.bulk_load_nquads(data), st.flush()))
        assert len(st) == n
        st.close()

        st = Store(tmp / "emb")

        def writer() -> None:
            for i in range(0, len(docs), args.write_batch):
                st.replace_documents(docs[i : i + args.write_batch])
            st.flush()

        loads["embedded, ingest writer (batch transactions)"] = timed(writer)
        assert len(st) == n
        t = time.perf_counter()
        st.optimize()
        print(f"optimize: {time.perf_counter() - t:.1f} s")
        st.close()

        proc, base = start_oxigraph(tmp / "srv-bulk")
        try:
            with GraphStore.for_server(base) as gs:
                loads["server, bulk POST of N-Quads"] = timed(lambda: gs.load_nquads(data))
                assert len(gs) == n
        finally:
            stop(proc)
        proc, base = start_oxigraph(tmp / "srv")
        try:
            with GraphStore.for_server(base) as gs:

                def put() -> None:
                    for i in range(0, len(docs), args.write_batch):
                        gs.replace_documents(docs[i : i + args.write_batch])

                loads["server, ingest writer (PUT per document)"] = timed(put)
                assert len(gs) == n
                if args.update:

                    def upd() -> None:
                        for i in range(0, len(docs), args.write_batch):
                            gs.replace_documents(docs[i : i + args.write_batch], method="update")

                    loads["server, ingest writer (SPARQL update per batch, replacing)"] = timed(upd)
                    assert len(gs) == n
        finally:
            stop(proc)
        for k, v in loads.items():
            print(f"load {k}: {v:.1f} s ({n / v:,.0f} triples/s)", flush=True)

        # ------------------------------------------------ queries
        emb = ox.Store.read_only(str(tmp / "emb"))
        proc, base = start_oxigraph(tmp / "srv")
        results: dict[str, dict[str, float]] = {}
        try:
            with httpx.Client(timeout=600) as c:
                for name, q in QUERIES.items():

                    def direct(q: str = q) -> bytes:
                        res = emb.query(q, use_default_graph_as_union=True, prefixes=PREFIXES)
                        return res.serialize(format=ox.QueryResultsFormat.JSON)

                    def http(q: str = q) -> bytes:
                        r = c.post(
                            base + "/query",
                            content=(SPARQL_PREFIXES + q).encode(),
                            headers={"Content-Type": "application/sparql-query",
                                     "Accept": "application/sparql-results+json"},
                        )  # fmt: skip
                        r.raise_for_status()
                        return r.content

                    a, b = direct(), http()  # warm up, and check both agree
                    rows_a = json.loads(a)["results"]["bindings"]
                    rows_b = json.loads(b)["results"]["bindings"]
                    assert len(rows_a) == len(rows_b), name
                    td, th = [], []
                    for _ in range(args.runs):
                        td.append(timed(direct))
                        th.append(timed(http))
                    results[name] = {
                        "rows": len(rows_a),
                        "embedded": statistics.median(td),
                        "server": statistics.median(th),
                    }
                    print(f"{name}: embedded {results[name]['embedded'] * 1000:.1f} ms, "
                          f"server {results[name]['server'] * 1000:.1f} ms",
                          flush=True)  # fmt: skip
        finally:
            stop(proc)

        if not args.no_rdflib:
            from rdflib import Dataset

            ds = Dataset(default_union=True)
            loads["rdflib in memory, parse"] = timed(
                lambda: ds.parse(data=data, format="ox-nquads")
            )
            print(f"load rdflib: {loads['rdflib in memory, parse']:.1f} s", flush=True)
            for name, q in QUERIES.items():
                ts = [timed(lambda q=q: list(ds.query(q, initNs=PREFIXES)))
                      for _ in range(args.rdflib_runs)]  # fmt: skip
                results[name]["rdflib"] = statistics.median(ts)
                print(f"{name}: rdflib {results[name]['rdflib']:.2f} s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, pyoxigraph {ox.__version__}, load average "
        f"{os.getloadavg()[0]:.1f}; {n:,} triples in {len(docs):,} graphs\n"
    )
    emb_bulk = loads["embedded, bulk loader"]
    print("| load | seconds | triples/s | vs embedded bulk |")
    print("|---|---:|---:|---:|")
    for k, v in loads.items():
        print(f"| {k} | {v:.1f} | {n / v:,.0f} | {v / emb_bulk:.1f}x |")
    print("\n| query | rows | embedded p50 | server p50 | server / embedded | rdflib p50 | "
          "rdflib / embedded |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        rd = r.get("rdflib")
        print(f"| {name} | {r['rows']} | {r['embedded'] * 1000:.1f} ms | "
              f"{r['server'] * 1000:.1f} ms | {r['server'] / r['embedded']:.2f}x | "
              + (f"{rd:.2f} s | {rd / r['embedded']:.0f}x |" if rd else "- | - |"))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({"loads": loads, "queries": results}, indent=2))


if __name__ == "__main__":
    main()
