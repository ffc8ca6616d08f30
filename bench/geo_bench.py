"""The world gazetteer's cost: load time, resident memory and index size (issue #16).

Each measure runs in a fresh process, alternating the two cases round by round:

- ``bare``: ``spacy.load`` of the packaged model alone;
- ``kg``:   ``kg.extract.load_nlp()`` (the model plus conflict-kg's components, which load
  the curated gazetteer, the actor authority and open the world index).

For each it prints the wall time from interpreter start to ready (imports included), the
resident memory (VmRSS) when ready and after extracting ``--docs`` reports, and the extra
memory of ``kg`` over ``bare``. With ``--build`` it also times building the index from the
installed packages into a temporary cache folder. Throughput is measured by
``extraction_bench.py``.

    .venv/bin/python bench/geo_bench.py [--rounds 3] [--docs 200] [--build] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
mode, ndocs, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
import spacy
if mode == "bare":
    from kg.extract import model_name
    nlp = spacy.load(model_name())
else:
    from kg.extract import load_nlp
    nlp = load_nlp()
ready = time.perf_counter() - t0
mem_ready = rss()
texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8") if l.strip()][:ndocs]
for _ in nlp.pipe(texts, batch_size=32):
    pass
out = {"ready_s": ready, "rss_ready": mem_ready, "rss_after": rss(), "docs": len(texts)}
print(json.dumps(out))
"""


def child(mode: str, docs: int, corpus: Path, interp_start: bool = True) -> dict:
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(docs), str(corpus)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    got["process_s"] = time.perf_counter() - t
    return got


def default_corpus() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "isaf-dev.jsonl"
    if shared.exists():
        return shared
    tmp = Path(tempfile.mkdtemp()) / "sample.jsonl"
    from kg.ingestion.readers import read_path
    from kg.records import Article

    arts = [a for a in read_path(ROOT / "examples" / "sample-corpus") if isinstance(a, Article)]
    tmp.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in arts) + "\n")
    return tmp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--build", action="store_true", help="also time an index build")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from kg.geo.index import GeoIndex

    corpus = a.corpus or default_corpus()
    idx = GeoIndex.open()  # built here if missing, so that no round pays for it
    res: dict = {"bare": [], "kg": []}
    for _ in range(a.rounds):
        for mode in ("bare", "kg"):
            res[mode].append(child(mode, a.docs, corpus))

    def med(mode: str, k: str) -> float:
        return statistics.median(r[k] for r in res[mode])

    summary = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load_avg": os.getloadavg()[0],
        "places": idx.count(),
        "index_mib": idx.path.stat().st_size / 2**20,
        "docs": res["kg"][0]["docs"],
    }
    for mode in ("bare", "kg"):
        for k in ("process_s", "ready_s", "rss_ready", "rss_after"):
            summary[f"{mode}_{k}"] = med(mode, k)
    summary["extra_rss_ready"] = summary["kg_rss_ready"] - summary["bare_rss_ready"]
    summary["extra_rss_after"] = summary["kg_rss_after"] - summary["bare_rss_after"]
    if a.build:
        from kg.geo import build

        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            build.build(Path(d) / "world.sqlite", {"fingerprint": "bench"})
            summary["build_s"] = time.perf_counter() - t

    print(f"world index: {summary['places']:,} places, {summary['index_mib']:.0f} MiB on disk")
    head = ("ready (s)", "process (s)", "RSS ready (MiB)", "RSS after (MiB)")
    print(f"{'':6} {head[0]:>10} {head[1]:>12} {head[2]:>16} {head[3]:>16}")
    for mode in ("bare", "kg"):
        print(
            f"{mode:6} {summary[mode + '_ready_s']:10.2f} {summary[mode + '_process_s']:12.2f} "
            f"{summary[mode + '_rss_ready']:16.0f} {summary[mode + '_rss_after']:16.0f}"
        )
    print(
        f"extra memory of kg over bare: {summary['extra_rss_ready']:.0f} MiB ready, "
        f"{summary['extra_rss_after']:.0f} MiB after {summary['docs']} reports"
    )
    if "build_s" in summary:
        print(f"index build from the installed packages: {summary['build_s']:.0f} s")
    print(f"load average at the end: {summary['load_avg']:.2f} (median of {a.rounds} rounds)")
    if a.json:
        a.json.write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
