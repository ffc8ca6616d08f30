"""Load test: many concurrent clients sending mixed analyst queries to ``kg serve``.

Uses the ~1M-triple synthetic store of ``bench/endpoint_bench.py`` (built on first use),
starts ``kg serve`` in a subprocess, runs ``--clients`` concurrent keep-alive clients for
``--seconds`` and reports errors, throughput and latency percentiles.

Run:  .venv/bin/python bench/endpoint_load.py [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from endpoint_bench import QUERIES, ROOT, ensure_store, free_port, pct, start_server

MIX = [
    *QUERIES.values(),
    "ASK { ?e ckg:perpetrator kgid:actor-3 }",
    "SELECT ?label WHERE { kgid:place-42 rdfs:label ?label }",
    "SELECT ?e WHERE { ?e ckg:location kgid:place-17 } LIMIT 20",
    "DESCRIBE kgid:actor-12",
]


async def client(i: int, base: str, stop: float, lat: list[float], errors: Counter[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        k = i
        while time.monotonic() < stop:
            q = MIX[k % len(MIX)]
            k += 1
            t = time.perf_counter()
            try:
                r = await c.get("/sparql", params={"query": q})
                if r.status_code != 200:
                    errors[f"HTTP {r.status_code}: {r.text[:80]}"] += 1
                    continue
            except httpx.HTTPError as err:
                errors[type(err).__name__] += 1
                continue
            lat.append(time.perf_counter() - t)


async def run(base: str, clients: int, seconds: float) -> tuple[list[float], Counter[str]]:
    lat: list[float] = []
    errors: Counter[str] = Counter()
    stop = time.monotonic() + seconds
    await asyncio.gather(*(client(i, base, stop, lat, errors) for i in range(clients)))
    return lat, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--events", type=int, default=123_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--store", type=Path, default=ROOT / "bench" / ".data" / "endpoint-store")
    args = ap.parse_args()
    store, _ = ensure_store(args.store, args.events)
    proc, base = start_server(store, free_port(), workers=args.workers)
    try:
        t0 = time.monotonic()
        lat, errors = asyncio.run(run(base, args.clients, args.seconds))
        wall = time.monotonic() - t0
    finally:
        proc.terminate()
        proc.wait(30)
    n = len(lat)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.clients} clients x {args.seconds:g} s, "
        f"{args.workers} query workers, {len(MIX)} queries in the mix"
    )
    print(f"requests: {n + sum(errors.values())}, ok: {n}, errors: {sum(errors.values())}")
    for e, c in errors.most_common():
        print(f"  {c} x {e}")
    if n:
        print(
            f"throughput: {n / wall:.1f} req/s; latency p50 {pct(lat, 50) * 1000:.0f} ms, "
            f"p90 {pct(lat, 90) * 1000:.0f} ms, p99 {pct(lat, 99) * 1000:.0f} ms, "
            f"max {max(lat) * 1000:.0f} ms"
        )
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
