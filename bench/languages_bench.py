"""Extraction speed in Dari and Pashto beside English, on reports in the same three styles.

Reads the written incident suites (``../shared/corpus/written-incidents.jsonl`` in English,
``written-incidents-fa-ps.jsonl`` split by its ``lang``: Dari ``fa``, Pashto ``ps``) through
the same :class:`kg.extract.Extractor` (``pipe``, one process), each set ``--copies`` times,
the three languages interleaved round by round so that a busy machine slows them alike.
Prints words/s, characters/s and ms per report (median of the rounds), and the load average
before and after (the machine is shared: quote the load with the figures).

    .venv/bin/python bench/languages_bench.py [--rounds 5] [--copies 10]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import Extractor  # noqa: E402
from kg.ingestion.readers import read_path  # noqa: E402
from kg.records import Article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def sets() -> dict[str, list[Article]]:
    """The reports of each language: ``en``, ``fa``, ``ps``."""
    en = [a for a in read_path(CORPUS / "written-incidents.jsonl") if isinstance(a, Article)]
    other = [
        a for a in read_path(CORPUS / "written-incidents-fa-ps.jsonl") if isinstance(a, Article)
    ]
    return {
        "en": en,
        "fa": [a for a in other if a.lang == "fa"],
        "ps": [a for a in other if a.lang == "ps"],
    }


def seconds(ex: Extractor, articles: list[Article]) -> float:
    """Seconds to extract every article once."""
    t = time.perf_counter()
    for _ in ex.pipe(articles, batch_size=64, n_process=1):
        pass
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one row per language."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=10)
    a = ap.parse_args(argv)
    data = {k: v * a.copies for k, v in sets().items()}
    ex = Extractor()
    for arts in data.values():  # load every pipeline and warm its caches
        seconds(ex, arts[:5])
    load_before = os.getloadavg()[0]
    times: dict[str, list[float]] = {k: [] for k in data}
    for _ in range(a.rounds):
        for k, arts in data.items():
            times[k].append(seconds(ex, arts))
    load_after = os.getloadavg()[0]
    print(
        f"machine: {platform.machine()} Python {platform.python_version()}, {os.cpu_count()} cores"
    )
    print(f"load average (1 min) before {load_before:.1f}, after {load_after:.1f}")
    print(f"{'lang':>4} {'reports':>7} {'words':>7} {'words/s':>8} {'chars/s':>8} {'ms/report':>9}")
    en_wps = None
    for k, arts in data.items():
        s = statistics.median(times[k])
        words = sum(len(x.text.split()) for x in arts)
        chars = sum(len(x.text) for x in arts)
        wps = words / s
        en_wps = en_wps or wps
        print(
            f"{k:>4} {len(arts):>7} {words:>7} {wps:>8,.0f} {chars / s:>8,.0f} "
            f"{1000 * s / len(arts):>9.1f}   ({wps / en_wps:.2f} of English words/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
