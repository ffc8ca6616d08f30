"""Extraction speed against the bare spaCy pipeline on the same texts (issue: >= 70%).

Runs the bare ``en_core_web_sm`` pipeline and conflict-kg's extractor (the same pipeline plus
our components and record building) on the same articles, interleaved round by round so that
a noisy machine slows both alike, with 1 and 2 processes. Prints words/s and the ratio.

    .venv/bin/python bench/extraction_bench.py [--rounds 3] [--copies 5] [--corpus FILE.jsonl]

By default it reads ../shared/corpus/isaf-dev.jsonl (200 releases) repeated ``--copies`` times;
with no shared folder it uses the bundled sample corpus.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import Extractor, model_name  # noqa: E402
from kg.ingestion.readers import read_path  # noqa: E402
from kg.records import Article  # noqa: E402


def load_articles(corpus: Path | None) -> list[Article]:
    """The benchmark's articles: a JSONL corpus, else the bundled sample corpus."""
    default = ROOT.parent / "shared" / "corpus" / "isaf-dev.jsonl"
    src = corpus or (default if default.exists() else ROOT / "examples" / "sample-corpus")
    return [a for a in read_path(src) if isinstance(a, Article)]


def run(texts_or_articles: list, fn, n_process: int) -> float:  # type: ignore[no-untyped-def]
    """Seconds to consume ``fn`` over the inputs."""
    t = time.perf_counter()
    for _ in fn(texts_or_articles, batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table with the ratio."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--processes", default="1,2")
    a = ap.parse_args(argv)

    articles = load_articles(a.corpus) * a.copies
    texts = [x.text for x in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(model_name())
    ex = Extractor()
    _ = ex.nlp
    print(f"machine: {platform.machine()} {platform.python_version()}, cores: 2")
    print(f"corpus: {len(articles)} articles, {words:,} words; model {ex.model_description}")
    print(f"{'processes':>9} {'bare w/s':>10} {'ours w/s':>10} {'ratio':>6}")
    for n in (int(x) for x in a.processes.split(",")):
        b_times, o_times = [], []
        for _ in range(a.rounds):
            b_times.append(run(texts, bare.pipe, n))
            o_times.append(run(articles, ex.pipe, n))
        b, o = statistics.median(b_times), statistics.median(o_times)
        print(f"{n:>9} {words / b:>10,.0f} {words / o:>10,.0f} {b / o:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
