"""``kg serve`` under hostile load: many clients, concurrent dumps, and slow queries.

1. ingests ``--docs`` synthetic reports (``corpus_gen.py``, made up) with ``kg ingest``
   (once; the store is kept under ``bench/.data/``) and exports it with ``kg export
   --with-ontology`` (the reference every dump must equal, byte for byte);
2. starts ``kg serve`` (a subprocess, default settings but ``--timeout``);
3. phase 1, ``--seconds``: ``--clients`` keep-alive clients mix SPARQL queries (counts,
   label searches, ASK, one document's graph) and the analysts' pages (home, search, actor,
   event, place), while 2 clients download ``/dump.nq`` over and over and one sends
   ``ASK {}`` every 0.2 s;
4. phase 2, ``--seconds``: ``--slow`` clients each send a different cross-product COUNT
   that runs until the time limit, over and over, and one client sends ``ASK {}`` every
   0.2 s, whose latency is the measure of fairness (``--clients2`` mixed clients and the 2
   dumps may run beside them; default none, so that the figure is not the machine's CPU);
5. checks: no 5xx answer to the mixed clients (the slow queries' own 503s, time limits,
   are counted apart), every dump complete (equal to the export), p99 of ``ASK {}`` under
   2 s in phase 2, the server alive. Prints throughput, latency percentiles, the load
   average of the machine during each phase and the busiest other processes at the start
   (the machine may be shared: say so when quoting figures).

Run:  .venv/bin/python bench/attack_load.py [--clients 50] [--seconds 60] [--slow 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus_gen import write_jsonl  # noqa: E402
from serving import KG, start_kg_serve  # noqa: E402

DATA = ROOT / "bench" / ".data"
PREFIX = (
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def kg(*args: str | Path, timeout: float = 3600) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    return subprocess.run(
        [str(KG), *map(str, args)], capture_output=True, timeout=timeout, env=env, check=False
    )


def ensure_store(docs: int) -> Path:
    """A store of ``docs`` synthetic reports, ingested once."""
    store = DATA / f"attack-store-{docs}"
    marker = store / ".complete"
    if marker.exists():
        return store
    DATA.mkdir(parents=True, exist_ok=True)
    corpus = write_jsonl(DATA / f"attack-corpus-{docs}.jsonl", docs)
    r = kg("--store", store, "ingest", corpus)
    if r.returncode != 0:
        raise SystemExit(f"kg ingest failed: {r.stderr.decode()[-2000:]}")
    marker.write_text("ok")
    return store


def start_server(store: Path, args: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    return start_kg_serve(store, args, DATA / "attack-serve.log")


def sample_iris(base: str) -> dict[str, list[str]]:
    """A few actors, events and places of the store, for the pages."""
    out: dict[str, list[str]] = {}
    for kind, cls in (("actor", "Actor"), ("event", "Event"), ("place", "Place")):
        q = PREFIX + (f"SELECT DISTINCT ?x {{ ?x a ?c . ?c rdfs:subClassOf* ckg:{cls} }} LIMIT 30")
        r = httpx.get(base + "/sparql", params={"query": q}, timeout=120)
        r.raise_for_status()
        out[kind] = [b["x"]["value"] for b in r.json()["results"]["bindings"]]
    docs = httpx.get(
        base + "/sparql",
        params={"query": "SELECT DISTINCT ?g { GRAPH ?g { } } LIMIT 50"},
        timeout=120,
    ).json()["results"]["bindings"]
    out["graph"] = [b["g"]["value"] for b in docs]
    return out


def mixed_request(rnd: random.Random, iris: dict[str, list[str]]) -> tuple[str, str, dict]:
    """(kind, path, params) of one request of the mix."""
    k = rnd.randrange(10)
    words = ["Kabul", "bomb", "police", "Taliban", "Herat", "attack", "killed", "army"]
    if k == 0:
        q = PREFIX + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a ?c . ?c rdfs:subClassOf* ckg:Event }"
        return "query count", "/sparql", {"query": q}
    if k == 1:
        w = rnd.choice(words).lower()
        q = f'SELECT ?x ?l {{ ?x rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "{w}")) }} LIMIT 20'
        return "query search", "/sparql", {"query": PREFIX + q}
    if k == 2:
        return "query ask", "/sparql", {"query": PREFIX + "ASK { ?e a ckg:Attack }"}
    if k == 3 and iris["graph"]:
        return "graph", "/graphs", {"graph": rnd.choice(iris["graph"])}
    if k == 4:
        return "page home", "/", {}
    if k == 5:
        return "page search", "/search", {"q": rnd.choice(words)}
    for kind in ("actor", "event", "place"):
        if k == 6 + ("actor", "event", "place").index(kind) and iris[kind]:
            return f"page {kind}", f"/{kind}", {"iri": rnd.choice(iris[kind])}
    return "health", "/healthz", {}


class Tally:
    def __init__(self) -> None:
        self.lat: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.codes: Counter[int] = Counter()
        self.dumps = 0
        self.bad_dumps: list[str] = []
        self.slow: Counter[str] = Counter()


async def mixed_client(
    i: int, base: str, stop: float, t: Tally, iris: dict[str, list[str]]
) -> None:
    rnd = random.Random(i)
    async with httpx.AsyncClient(base_url=base, timeout=300) as c:
        while time.monotonic() < stop:
            kind, path, params = mixed_request(rnd, iris)
            t0 = time.perf_counter()
            try:
                r = await c.get(path, params=params)
                t.codes[r.status_code] += 1
                if r.status_code >= 500:
                    t.errors[f"{kind} {r.status_code}: {r.text[:100]}"] += 1
            except httpx.HTTPError as err:
                t.errors[f"{kind} {type(err).__name__}"] += 1
            t.lat[kind].append(time.perf_counter() - t0)


async def dump_client(base: str, stop: float, t: Tally, expected: bytes) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=600) as c:
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                async with c.stream("GET", "/dump.nq") as r:
                    body = b"".join([chunk async for chunk in r.aiter_bytes()])
                    code = r.status_code
            except httpx.HTTPError as err:
                t.bad_dumps.append(type(err).__name__)
                continue
            t.lat["dump"].append(time.perf_counter() - t0)
            t.dumps += 1
            if code != 200 or body != expected:
                t.bad_dumps.append(f"status {code}, {len(body):,} bytes of {len(expected):,}")


async def slow_client(i: int, base: str, stop: float, t: Tally) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=600) as c:
        n = 0
        while time.monotonic() < stop:
            n += 1
            query = f"{SLOW} # slow client {i}, query {n}"
            try:
                r = await c.post(
                    "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
                )
                t.slow[f"{r.status_code}"] += 1
            except httpx.HTTPError as err:
                t.slow[type(err).__name__] += 1


async def ask_probe(base: str, stop: float, t: Tally) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=300) as c:
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                r = await c.get("/sparql", params={"query": "ASK {}"})
                if r.status_code != 200:
                    t.errors[f"ASK {r.status_code}: {r.text[:100]}"] += 1
            except httpx.HTTPError as err:
                t.errors[f"ASK {type(err).__name__}"] += 1
            t.lat["ASK {}"].append(time.perf_counter() - t0)
            await asyncio.sleep(0.2)


async def phase(
    base: str,
    seconds: float,
    clients: int,
    slow: int,
    iris: dict[str, list[str]],
    expected: bytes,
    dumps: int = 2,
) -> tuple[Tally, list[float]]:
    t = Tally()
    stop = time.monotonic() + seconds
    loads: list[float] = []

    async def watch_load() -> None:
        while time.monotonic() < stop:
            loads.append(os.getloadavg()[0])
            await asyncio.sleep(5)

    jobs = [mixed_client(i, base, stop, t, iris) for i in range(clients)]
    jobs += [dump_client(base, stop, t, expected) for _ in range(dumps)]
    jobs += [slow_client(i, base, stop, t) for i in range(slow)]
    jobs += [ask_probe(base, stop, t), watch_load()]
    await asyncio.gather(*jobs)
    return t, loads


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))] if xs else 0.0


def busiest_processes(n: int = 6) -> list[str]:
    """The processes using the most CPU right now (``ps``), this benchmark's excluded."""
    r = subprocess.run(
        ["ps", "-eo", "pcpu,rss,args", "--sort=-pcpu"], capture_output=True, text=True, check=False
    )
    lines = [ln.strip()[:110] for ln in r.stdout.splitlines()[1:] if "attack_load" not in ln]
    return lines[:n]


def report(name: str, seconds: float, t: Tally, loads: list[float]) -> dict[str, object]:
    total = sum(len(v) for k, v in t.lat.items() if k not in ("dump", "ASK {}"))
    print(f"\n== {name}")
    print(f"load average (1 min) during the phase: {min(loads):.1f} to {max(loads):.1f}")
    print(f"mixed requests: {total:,} ({total / seconds:.0f}/s); answers by status {dict(t.codes)}")
    print(f"{'kind':<14} {'n':>6} {'p50 s':>7} {'p99 s':>7} {'max s':>7}")
    for kind in sorted(t.lat):
        xs = t.lat[kind]
        print(f"{kind:<14} {len(xs):>6} {pct(xs, 50):>7.3f} {pct(xs, 99):>7.3f} {max(xs):>7.3f}")
    print(f"dumps complete: {t.dumps - len([b for b in t.bad_dumps if 'status' in b])}"
          f" of {t.dumps}; failed downloads: {t.bad_dumps or 'none'}")  # fmt: skip
    if t.slow:
        print(f"slow queries' answers: {dict(t.slow)} (503 = stopped at --timeout, expected)")
    print(f"server errors (5xx or broken connections) to the mix: {sum(t.errors.values())}")
    for err, n in t.errors.most_common(8):
        print(f"  {n} x {err}")
    return {
        "requests": total,
        "errors": dict(t.errors),
        "dumps": t.dumps,
        "bad_dumps": t.bad_dumps,
        "ask_p99": pct(t.lat["ASK {}"], 99),
        "ask_max": max(t.lat["ASK {}"] or [0.0]),
        "slow": dict(t.slow),
        "load": [min(loads), max(loads)],
        "latency": {k: [pct(v, 50), pct(v, 99)] for k, v in t.lat.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=400, help="synthetic reports in the store")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60, help="length of each phase")
    ap.add_argument("--slow", type=int, default=10, help="slow-query clients in phase 2")
    ap.add_argument("--clients2", type=int, default=0, help="mixed clients in phase 2")
    ap.add_argument("--dumps2", type=int, default=0, help="dump clients in phase 2")
    ap.add_argument("--timeout", type=float, default=30, help="kg serve --timeout")
    ap.add_argument("--phase", type=int, choices=(1, 2), help="run only this phase")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args(argv)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("busiest processes at start:")
    for line in busiest_processes():
        print("  " + line)
    store = ensure_store(a.docs)
    expected = kg("--store", store, "export", "--with-ontology").stdout
    print(f"store: {a.docs} reports, export {len(expected):,} bytes")
    proc, base = start_server(store, ["--timeout", str(a.timeout)])
    results: dict[str, object] = {}
    try:
        iris = sample_iris(base)
        empty = {"errors": {}, "bad_dumps": [], "dumps": 1, "ask_p99": 0.0}
        results["phase 1"] = results["phase 2"] = empty
        if a.phase in (None, 1):
            t1, l1 = asyncio.run(phase(base, a.seconds, a.clients, 0, iris, expected))
            title = f"phase 1: {a.clients} clients + 2 dumps + ASK {{}} probe"
            results["phase 1"] = report(title, a.seconds, t1, l1)
        if a.phase in (None, 2):
            t2, l2 = asyncio.run(
                phase(base, a.seconds, a.clients2, a.slow, iris, expected, dumps=a.dumps2)
            )
            title = (
                f"phase 2: {a.slow} slow queries + ASK {{}} probe"
                f" (+ {a.clients2} mixed clients, {a.dumps2} dumps)"
            )
            results["phase 2"] = report(title, a.seconds, t2, l2)
        alive = proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    p1, p2 = results["phase 1"], results["phase 2"]
    assert isinstance(p1, dict) and isinstance(p2, dict)
    checks = {
        "server alive": alive,
        "0 server errors to the mix": not p1["errors"] and not p2["errors"],
        "every dump complete": not p1["bad_dumps"] and not p2["bad_dumps"] and p1["dumps"] > 0,
        "p99 of ASK {} under 2 s while slow queries run": float(p2["ask_p99"]) < 2.0,
    }
    print("\nchecks:")
    for what, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
    if a.json:
        a.json.write_text(json.dumps({"checks": checks, **results}, indent=2, default=str))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
