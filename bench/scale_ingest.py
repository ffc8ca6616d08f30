"""Ingest throughput against bare spaCy, with 1 and 2 processes, in one interleaved run.

For each round and each process count, the same generated articles (bench/corpus_gen.py)
go through

* bare: ``spacy.load(model).pipe(texts, batch_size, n_process)``, the model alone;
* ours: ``kg.ingest`` end to end into a fresh on-disk store (reading the JSONL, the
  pipeline with conflict-kg's components, records, RDF mapping, batched writes);

bare and ours alternate, so load from other programs hits both alike. The ratio printed is
ours / bare in words per second (target: >= 0.70).

``--writers`` instead compares the ways to write a batch of documents (one SPARQL update
per document, one per batch, ``Store.extend`` per batch) on precomputed graphs.

Run:  .venv/bin/python bench/scale_ingest.py [--docs 400] [--rounds 2] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus_gen  # noqa: E402

# generated corpora are kept here between runs (never commit them)
DATA = Path(os.environ.get("KG_BENCH_DATA") or ROOT / "bench" / ".data")


def corpus_file(n: int, seed: int) -> Path:
    path = DATA / f"corpus-{seed}-{n}.jsonl"
    if not path.exists():
        corpus_gen.write_jsonl(path, n, seed)
    return path


def slice_file(src: Path, start: int, n: int, dst: Path) -> Path:
    with src.open() as fh, dst.open("w") as out:
        out.writelines(islice(fh, start, start + n))
    return dst


def bare_run(nlp, path: Path, n_process: int, batch_size: int) -> tuple[float, int]:
    t = time.perf_counter()
    texts = (json.loads(line)["text"] for line in path.open())
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        words += len(doc)
    return time.perf_counter() - t, words


def ours_run(path: Path, n_process: int, batch_size: int, write_batch: int) -> tuple[float, dict]:
    import kg
    from kg.extract import Extractor
    from kg.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        ex = Extractor()
        ex.nlp  # noqa: B018  loading the model is not ingest time (bare loads it before too)
        t = time.perf_counter()
        with Store(tmp / "store") as st:
            rep = kg.ingest(
                st, [path], extractor=ex, batch_size=batch_size, n_process=n_process,
                write_batch=write_batch,
            )  # fmt: skip
        return time.perf_counter() - t, rep.as_dict()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def throughput(args: argparse.Namespace) -> None:
    import spacy

    from kg.extract import model_name

    src = corpus_file(args.docs * args.rounds, args.seed)
    nlp = spacy.load(model_name())
    words_per_doc = None
    res: dict[int, dict[str, list[float]]] = {p: {"bare": [], "ours": []} for p in args.processes}
    tmpdir = Path(tempfile.mkdtemp(prefix="kg-scale-in-"))
    for r in range(args.rounds):
        part = slice_file(src, r * args.docs, args.docs, tmpdir / f"part{r}.jsonl")
        n_words = sum(len(json.loads(x)["text"].split()) for x in part.open())
        for p in args.processes:
            tb, _ = bare_run(nlp, part, p, args.batch_size)
            to, rep = ours_run(part, p, args.batch_size, args.write_batch)
            assert rep["documents"] == args.docs, rep
            res[p]["bare"].append(n_words / tb)
            res[p]["ours"].append(n_words / to)
            words_per_doc = n_words / args.docs
            print(
                f"round {r + 1} processes {p}: bare {n_words / tb:,.0f} words/s "
                f"({args.docs / tb:.1f} docs/s), ours {n_words / to:,.0f} words/s "
                f"({args.docs / to:.1f} docs/s, {rep['triples']:,} triples): "
                f"ratio {tb / to:.2f}",
                flush=True,
            )
    shutil.rmtree(tmpdir, ignore_errors=True)
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; "
        f"{args.docs} articles x {args.rounds} rounds, {words_per_doc:.0f} words/article, "
        f"batch_size {args.batch_size}, write_batch {args.write_batch}\n"
    )
    print("| processes | bare spaCy words/s | ours words/s | ours docs/s | ours / bare |")
    print("|---:|---:|---:|---:|---:|")
    out = {}
    for p, d in res.items():
        b, o = sum(d["bare"]), sum(d["ours"])
        ratio = statistics.mean(x / y for x, y in zip(d["ours"], d["bare"], strict=True))
        out[p] = {"bare": b / len(d["bare"]), "ours": o / len(d["ours"]), "ratio": ratio}
        print(
            f"| {p} | {out[p]['bare']:,.0f} | {out[p]['ours']:,.0f} | "
            f"{out[p]['ours'] / (words_per_doc or 1):.1f} | {ratio:.2f} |"
        )
    if len(res) == 2:
        p1, p2 = sorted(res)
        print(f"\nspeed-up {p2} vs {p1} processes: ours {out[p2]['ours'] / out[p1]['ours']:.2f}x, "
              f"bare {out[p2]['bare'] / out[p1]['bare']:.2f}x")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


def writers(args: argparse.Namespace) -> None:
    """Ways to write batches of documents, on the graphs of real extractions."""
    import dataclasses

    from kg.extract import Extractor
    from kg.ingestion.readers import read_path
    from kg.rdf.mapping import RunInfo, document_triples
    from kg.store import Store, quad_terms

    src = corpus_file(max(args.docs, 60), args.seed)
    arts = list(islice(read_path(src), 60))
    xs = list(Extractor().pipe(arts))
    run = RunInfo("bench")
    data = []
    for i in range(args.docs):
        x = xs[i % len(xs)]
        x = dataclasses.replace(x, article=dataclasses.replace(x.article, id=f"d{i}"))
        data.append((x.article.id, [quad_terms(t) for t in document_triples(x, run)]))
    n_triples = sum(len(set(t)) for _, t in data)
    print(f"{args.docs} documents, {n_triples:,} triples, batches of {args.write_batch}")
    rows = []
    import pyoxigraph as ox

    from kg.rdf.iri import doc_iri

    nquads = []  # what worker processes send: each document's N-Quads
    for d, tr in data:
        g = ox.NamedNode(str(doc_iri(d)))
        nquads.append((d, "".join(f"{ox.Quad(*t, g)} .\n" for t in set(tr)).encode()))
    for name in ("per-document update", "batch update", "batch extend", "batch load (N-Quads)",
                 "batch update, replacing", "auto, replacing"):  # fmt: skip
        tmp = Path(tempfile.mkdtemp(prefix="kg-writers-"))
        st = Store(tmp / "s")
        if "replacing" in name:
            st.replace_documents(data, method="extend")
        t = time.perf_counter()
        if name == "per-document update":
            for d, tr in data:
                st.replace_document(d, tr)
        elif name.startswith("batch load"):
            for i in range(0, len(data), args.write_batch):
                st.replace_documents(nquads[i : i + args.write_batch])
        else:
            method = name.split(",")[0].split()[-1]
            for i in range(0, len(data), args.write_batch):
                st.replace_documents(data[i : i + args.write_batch], method=method)
        st.flush()
        dt = time.perf_counter() - t
        assert len(st) == n_triples, (name, len(st))
        st.close()
        shutil.rmtree(tmp, ignore_errors=True)
        rows.append((name, dt))
        print(f"{name}: {dt:.1f} s, {args.docs / dt:.0f} docs/s, {n_triples / dt:,.0f} triples/s",
              flush=True)  # fmt: skip
    base = rows[0][1]
    print("\n| writer | seconds | docs/s | triples/s | vs per-document |")
    print("|---|---:|---:|---:|---:|")
    for name, dt in rows:
        print(f"| {name} | {dt:.1f} | {args.docs / dt:.0f} | {n_triples / dt:,.0f} | "
              f"{base / dt:.2f}x |")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400, help="articles per round")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--write-batch", type=int, default=256)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--writers", action="store_true", help="compare batch writers instead")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    writers(args) if args.writers else throughput(args)


if __name__ == "__main__":
    main()
