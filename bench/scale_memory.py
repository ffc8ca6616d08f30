"""Peak memory of a long ingest: resident memory sampled every N documents.

Streams a JSONL file of generated articles (bench/corpus_gen.py, written once under
bench/.data) into a fresh on-disk store with ``kg.ingest`` and samples the resident set
size (RSS) of this
process plus its spaCy worker processes every ``--every`` documents. Flat means: the RSS
in the last quarter of the run is within a few per cent of the RSS after the first
quarter. The ratio printed is last-quarter max / first-quarter max.

Run:  .venv/bin/python bench/scale_memory.py [--docs 10000] [--every 500] [--processes 1]
      (``--minutes 10`` stops earlier; the curve is printed either way)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus_gen  # noqa: E402

# generated corpora are kept here between runs (never commit them)
DATA = Path(os.environ.get("KG_BENCH_DATA") or ROOT / "bench" / ".data")


class Enough(Exception):
    """The time limit was reached."""


def rss_parts() -> tuple[float, float]:
    """RSS of this process (reader + writer + store) and of its worker processes, MiB."""
    me = psutil.Process()
    main = me.memory_info().rss
    workers = 0
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            workers += child.memory_info().rss
    return main / 2**20, workers / 2**20


def rss_mib() -> float:
    return sum(rss_parts())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="100000 for the full curve")
    ap.add_argument("--every", type=int, default=500)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--minutes", type=float, default=None, help="stop after this long")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    import kg
    from kg.store import Store

    src = DATA / f"corpus-7-{args.docs}.jsonl"
    if not src.exists():
        corpus_gen.write_jsonl(src, args.docs, seed=7)  # streamed: constant memory

    tmp = Path(tempfile.mkdtemp(prefix="kg-mem-"))
    samples: list[tuple[int, float, float]] = []
    t0 = time.perf_counter()
    n = 0

    def tick(_x: object) -> None:
        nonlocal n
        n += 1
        if n % args.every == 0:
            main, workers = rss_parts()
            samples.append((n, time.perf_counter() - t0, main + workers))
            print(f"{n:>7} docs  {samples[-1][1]:7.0f} s  RSS {main + workers:7.0f} MiB "
                  f"(this process {main:5.0f}, workers {workers:5.0f})", flush=True)  # fmt: skip
        if args.minutes and time.perf_counter() - t0 > args.minutes * 60:
            raise Enough

    samples.append((0, 0.0, rss_mib()))
    try:
        with Store(tmp / "store") as st:
            with contextlib.suppress(Enough):
                kg.ingest(st, [src], batch_size=args.batch_size, n_process=args.processes,
                          on_document=tick)  # fmt: skip
            triples = len(st)
            size = sum(f.stat().st_size for f in (tmp / "store").rglob("*") if f.is_file())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    secs = time.perf_counter() - t0
    pts = samples[1:]
    q = max(1, len(pts) // 4)
    first, last = max(r for _, _, r in pts[:q]), max(r for _, _, r in pts[-q:])
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {n:,} documents in {secs:.0f} s "
        f"({n / secs:.1f} docs/s), {triples:,} triples, store {size / 2**20:,.0f} MiB on disk, "
        f"{args.processes} process(es)"
    )
    print(f"RSS max first quarter {first:.0f} MiB, last quarter {last:.0f} MiB: "
          f"ratio {last / first:.3f}; peak {max(r for _, _, r in pts):.0f} MiB")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({"samples": samples, "docs": n, "triples": triples}))


if __name__ == "__main__":
    main()
