"""Reliability under load: ``kg serve --refresh`` answering many clients while `kg ingest`
writes to the same store.

1. ingests ``--initial`` synthetic reports (made up, no third-party text) with `kg ingest`;
2. starts ``kg serve --refresh 1`` on that store (a subprocess, like an operator would);
3. runs ``--clients`` concurrent keep-alive clients for ``--seconds`` (SPARQL SELECT/ASK,
   a label search, one document's graph, ``/healthz``);
4. a few seconds in, runs `kg ingest` of ``--more`` reports into the same store;
5. checks: no error responses, the ingest succeeded, and once it finished every document
   is served (none lost); reports throughput, latency percentiles and how long after the
   ingest the new documents were visible.

Run:  .venv/bin/python bench/reliability_load.py [--clients 50] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from serving import KG, free_port, start_kg_serve  # noqa: E402

PLACES = ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Ghazni", "Khost"]
GROUPS = ["the Taliban", "ISIS-K", "unidentified gunmen", "a suicide bomber"]
PREFIX = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
COUNT_DOCS = PREFIX + "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a ckg:Document }"


def write_corpus(path: Path, ids: range) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            place, group = PLACES[i % len(PLACES)], GROUPS[i % len(GROUPS)]
            text = (
                f"{place} (2023-04-{1 + i % 28:02d}) -- {group.capitalize()} attacked a market "
                f"in {place} on Tuesday, killing {i % 9 + 1} people, police said. Officers "
                f"arrested {i % 3 + 1} suspects. Synthetic report {i}."
            )
            fh.write(json.dumps({"id": f"load-{i:05d}", "text": text}) + "\n")
    return path


def kg(*args: str | Path, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    return subprocess.run(
        [str(KG), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def start_server(store: Path, port: int, refresh: float) -> tuple[subprocess.Popen[bytes], str]:
    return start_kg_serve(store, ["--refresh", str(refresh)], store.parent / "serve.log", port)


def requests_mix(i: int, docs: int = 10) -> tuple[str, str, dict[str, str], dict[str, str]]:
    """(kind, path, params, headers) for the i-th request (``docs``: ids that exist)."""
    k = i % 5
    if k == 0:
        return "count", "/sparql", {"query": COUNT_DOCS}, {}
    if k == 1:
        place = PLACES[i % len(PLACES)]
        q = (
            "SELECT ?x ?l { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l "
            f'FILTER(CONTAINS(LCASE(STR(?l)), "{place.lower()}")) }} LIMIT 20'
        )
        return "search", "/sparql", {"query": q}, {}
    if k == 2:
        return "ask", "/sparql", {"query": PREFIX + "ASK { ?e a ckg:Attack }"}, {}
    if k == 3:
        return (
            "graph",
            "/graphs",
            {"doc": f"load-{i % docs:05d}"},
            {"Accept": "application/n-triples"},
        )
    return "health", "/healthz", {}, {}


async def client(
    i: int,
    base: str,
    stop: float,
    lat: dict[str, list[float]],
    errors: Counter[str],
    docs: int,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as c:
        n = i
        while time.monotonic() < stop:
            kind, path, params, headers = requests_mix(n, docs)
            n += 7
            t0 = time.perf_counter()
            try:
                r = await c.get(path, params=params, headers=headers)
                if r.status_code != 200:
                    errors[f"{kind} {r.status_code}: {r.text[:120]}"] += 1
            except httpx.HTTPError as err:
                errors[f"{kind} {type(err).__name__}"] += 1
            lat[kind].append(time.perf_counter() - t0)


def served_docs(base: str) -> int:
    r = httpx.get(base + "/sparql", params={"query": COUNT_DOCS}, timeout=60)
    r.raise_for_status()
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))] if xs else 0.0


def run(
    clients: int = 50,
    seconds: float = 60,
    initial: int = 10,
    more: int = 60,
    ingest_after: float = 3.0,
    refresh: float = 1.0,
    workdir: Path | None = None,
) -> dict[str, object]:
    """Run the scenario; returns the figures (``ok`` says whether every check passed)."""
    tmp = Path(workdir or tempfile.mkdtemp(prefix="kg-reliability-"))
    store = tmp / "store"
    first = write_corpus(tmp / "initial.jsonl", range(initial))
    second = write_corpus(tmp / "more.jsonl", range(initial, initial + more))
    r = kg("--store", store, "ingest", first)
    if r.returncode != 0:
        raise RuntimeError(f"initial ingest failed: {r.stderr[-2000:]}")
    proc, base = start_server(store, free_port(), refresh)
    lat: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    ingest: dict[str, object] = {}
    try:
        before = served_docs(base)

        async def main() -> None:
            stop = time.monotonic() + seconds
            load = [
                asyncio.ensure_future(client(i, base, stop, lat, errors, initial))
                for i in range(clients)
            ]
            await asyncio.sleep(ingest_after)
            t0 = time.monotonic()
            res = await asyncio.to_thread(kg, "--store", store, "ingest", second)
            ingest.update(
                returncode=res.returncode,
                seconds=round(time.monotonic() - t0, 1),
                stderr_tail=res.stderr.strip().splitlines()[-1:] if res.stderr else [],
            )
            finished = time.monotonic()
            # how long until the new documents are served (polled while the load goes on)
            async with httpx.AsyncClient(base_url=base, timeout=120) as c:
                while time.monotonic() < finished + 120:
                    r = await c.get("/sparql", params={"query": COUNT_DOCS})
                    n = int(r.json()["results"]["bindings"][0]["n"]["value"])
                    if n == initial + more:
                        ingest["visible_after_s"] = round(time.monotonic() - finished, 2)
                        ingest["visible_under_load"] = time.monotonic() < stop
                        break
                    await asyncio.sleep(0.1)
            await asyncio.gather(*load)

        started = time.monotonic()
        asyncio.run(main())
        elapsed = time.monotonic() - started
        # no lost documents: everything written is served once the writer is done
        after = served_docs(base)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    total = sum(len(v) for v in lat.values())
    every = [x for v in lat.values() for x in v]
    result: dict[str, object] = {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_s": round(total / max(elapsed, 1e-9), 1),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(10)),
        "latency_ms": {
            kind: {
                "n": len(xs),
                "p50": round(pct(xs, 50) * 1000, 1),
                "p95": round(pct(xs, 95) * 1000, 1),
                "p99": round(pct(xs, 99) * 1000, 1),
                "max": round(max(xs) * 1000, 1),
            }
            for kind, xs in [*sorted(lat.items()), ("all", every)]
            if xs
        },
        "documents_before": before,
        "documents_after": after,
        "documents_expected": initial + more,
        "ingest": {k: v for k, v in ingest.items() if not k.startswith("visible")},
        "new_documents_visible_after_s": ingest.get("visible_after_s"),
        "new_documents_visible_under_load": ingest.get("visible_under_load"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
    }
    result["ok"] = (
        result["errors"] == 0 and ingest.get("returncode") == 0 and after == initial + more
    )
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--initial", type=int, default=10, help="documents before the load")
    ap.add_argument("--more", type=int, default=60, help="documents ingested under load")
    ap.add_argument("--refresh", type=float, default=1.0, help="kg serve --refresh SECONDS")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    res = run(args.clients, args.seconds, args.initial, args.more, refresh=args.refresh)
    lat = res["latency_ms"]["all"]  # type: ignore[index]
    print(
        f"{res['clients']} clients x {res['seconds']} s while `kg ingest` wrote "
        f"{args.more} documents: {res['requests']} requests ({res['requests_per_s']}/s), "
        f"{res['errors']} errors; latency p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
        f"p99 {lat['p99']} ms, max {lat['max']} ms; documents {res['documents_before']} -> "
        f"{res['documents_after']} of {res['documents_expected']} (ingest "
        f"{res['ingest']['seconds']} s, visible {res['new_documents_visible_after_s']} s "  # type: ignore[index]
        f"after it finished); {'OK' if res['ok'] else 'FAILED'}"
    )
    print(json.dumps(res, indent=2))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    sys.exit(0 if res["ok"] else 1)


if __name__ == "__main__":
    main()
