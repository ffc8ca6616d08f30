"""Extraction time per 10,000 characters as documents grow from 10k to 1M characters.

A linear extractor spends the same time per 10k characters on a 10k and on a 1M document
(the issue's target: within 1.5x). Each document is the concatenation of this folder's
synthetic reports (``corpus_gen.py``, deterministic for ``--seed``), cut at a paragraph end
near the target size; ``--repetitive`` repeats one report's lead paragraphs instead (the
shape of the red-team finding: 50k characters took 27 s, 400k 293 s). Every size is extracted with
``kg.extract.Extractor`` (the model loaded once, before timing), ``--rounds`` times, and the
median is reported.

    .venv/bin/python bench/long_documents.py            # 10k, 30k, 100k, 300k, 1M
    .venv/bin/python bench/long_documents.py --quick    # 10k, 30k, 100k, one round
    .venv/bin/python bench/long_documents.py --profile 100000 [--repetitive]

``--profile N`` runs cProfile on one document of N characters and prints where the time
goes (by own time and by cumulative time) instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import platform
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_gen import generate  # noqa: E402

from kg.extract import Extractor  # noqa: E402
from kg.records import Article  # noqa: E402

SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
QUICK = (10_000, 30_000, 100_000)


def document(chars: int, *, seed: int = 42, repetitive: bool = False) -> str:
    """About ``chars`` characters of reports, ending at a paragraph; deterministic.

    ``repetitive``: the lead paragraph of one report (a dateline, an event with its date,
    place and casualties, a claim) over and over, as in the red-team finding.
    """
    reports = generate(10**9, seed=seed)
    unit = ""
    if repetitive:
        lead = next(reports)["text"].split("\n\n")
        unit = "\n\n".join(lead[1:3])
    parts: list[str] = []
    size = 0
    while size < chars:
        text = unit or next(reports)["text"]
        parts.append(text)
        size += len(text) + 2
    text = "\n\n".join(parts)
    cut = text.rfind("\n\n", 0, chars)
    return text[: cut if cut > chars // 2 else chars]


def extract_seconds(ex: Extractor, text: str) -> float:
    """Wall-clock seconds to extract one article with ``text``."""
    art = Article(id="long", text=text, published="2024-01-15")
    t0 = time.perf_counter()
    ex.extract(art)
    return time.perf_counter() - t0


def profile(ex: Extractor, text: str, top: int) -> None:
    """Print cProfile's view of one extraction."""
    art = Article(id="long", text=text, published="2024-01-15")
    prof = cProfile.Profile()
    prof.enable()
    ex.extract(art)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.strip_dirs()
    print(f"--- by own time ({len(text):,} characters)")
    stats.sort_stats("tottime").print_stats(top)
    print("--- by cumulative time")
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (or the profile)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", help="comma-separated character counts (default 10k..1M)")
    ap.add_argument("--quick", action="store_true", help="10k, 30k and 100k, one round")
    ap.add_argument("--rounds", type=int, default=1, help="extractions per size (median)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repetitive", action="store_true", help="repeat one report's lead")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one N-character document")
    ap.add_argument("--top", type=int, default=30, help="rows of the profile")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args(argv)

    ex = Extractor()
    ex.extract(Article(id="warm", text="A bomb killed two people in Kabul on Monday."))
    if a.profile:
        profile(ex, document(a.profile, seed=a.seed, repetitive=a.repetitive), a.top)
        return 0
    sizes = [int(x) for x in a.sizes.split(",")] if a.sizes else list(QUICK if a.quick else SIZES)
    rounds = 1 if a.quick else a.rounds
    print(
        f"machine: {platform.machine()} Python {platform.python_version()}; "
        f"model {ex.model_description}"
    )
    kind = "one report's lead repeated" if a.repetitive else "distinct reports"
    print(f"documents: {kind}, seed {a.seed}")
    print(f"{'chars':>10} {'seconds':>9} {'s/10k chars':>12} {'vs first':>9}")
    rows = []
    base = None
    for n in sizes:
        text = document(n, seed=a.seed, repetitive=a.repetitive)
        secs = statistics.median(extract_seconds(ex, text) for _ in range(rounds))
        per = secs / (len(text) / 10_000)
        base = base or per
        rows.append({"chars": len(text), "seconds": secs, "per_10k": per, "ratio": per / base})
        print(f"{len(text):>10,} {secs:>9.2f} {per:>12.3f} {per / base:>9.2f}", flush=True)
    worst = max(r["ratio"] for r in rows)
    print(
        f"largest ratio of time per 10k characters to the first size: {worst:.2f} (target <= 1.5)"
    )
    if a.json:
        a.json.write_text(json.dumps({"repetitive": a.repetitive, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
