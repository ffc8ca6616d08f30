"""Faults: a killed ingest, a full disk, a read-only store, two writers, a reader during a
write. Each ends with a clear message (never a traceback) and a store that opens, passes
the SHACL shapes and holds every document exactly once.

Tests run as root in CI, where permission bits do not stop writes: a read-only store is a
read-only tmpfs mount when ``mount`` works (else the permission bits, when not root), and a
full disk is a small tmpfs or, everywhere, a file-size limit (``RLIMIT_FSIZE``).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.ontology import ontology_dir, ontology_graph
from kg.store import Store, StoreError
from tests.support import KG_BIN, run_kg

PLACES = ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Mazar-i-Sharif", "Ghazni"]


GROUPS = ["the Taliban", "ISIS-K", "unidentified gunmen", "a suicide bomber"]


def synthetic_article(i: int) -> dict[str, str]:
    """A short made-up report (no third-party text), different for each ``i``."""
    place, group = PLACES[i % len(PLACES)], GROUPS[i % len(GROUPS)]
    day = 1 + i % 28
    text = (
        f"{place}, Afghanistan (2023-03-{day:02d}) -- {group.capitalize()} attacked a police "
        f"checkpoint in {place} on Monday, killing {i % 9 + 1} officers and wounding "
        f"{i % 5 + 2} others, officials said. Police arrested {i % 3 + 1} suspects after the "
        f"attack. Report number {i}."
    )
    return {"id": f"synthetic-{i:04d}", "text": text, "title": f"Attack in {place} ({i})"}


def write_corpus(path: Path, ids: range) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            fh.write(json.dumps(synthetic_article(i)) + "\n")
    return path


def ids_of(ids: range) -> set[str]:
    return {f"synthetic-{i:04d}" for i in ids}


def check_store(path: Path, expected: set[str]) -> None:
    """The store opens, holds exactly ``expected`` once each, and passes the shapes."""
    from pyshacl import validate

    with Store(path, read_only=True) as st:
        assert set(st.document_ids()) == expected
        rows = st.select(
            """SELECT ?g (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?id) AS ?ids)
                      (COUNT(DISTINCT ?run) AS ?runs) (COUNT(DISTINCT ?n) AS ?counts) {
                 GRAPH ?g { ?d a ckg:Document ; dcterms:identifier ?id ; ckg:characterCount ?n ;
                               prov:wasGeneratedBy ?run } } GROUP BY ?g"""
        )
        assert len(rows) == len(expected)
        for r in rows:  # one complete document per graph, written by one run
            assert (int(r["docs"]), int(r["ids"]), int(r["runs"]), int(r["counts"])) == (
                1,
                1,
                1,
                1,
            ), r
        data = Graph().parse(data=st.export_bytes("ntriples"), format="nt")
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, _g, text = validate(data, shacl_graph=shapes, ont_graph=ontology_graph())
    assert conforms, text[:3000]


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]


# --------------------------------------------------------------------------- kill -9
@pytest.mark.slow
def test_kill_9_mid_batch_then_resume(tmp_path: Path) -> None:
    n = 300
    src = write_corpus(tmp_path / "batch.jsonl", range(n))
    store = tmp_path / "store"
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.Popen(
        [str(KG_BIN), "--store", str(store), "ingest", str(src), "--batch-size", "4"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    seen = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            # peek (this test only): count document graphs through a throwaway read handle
            with contextlib.suppress(Exception):  # a half-created store, mid-write
                if (store / "CURRENT").exists():
                    seen = sum(
                        1
                        for g in ox.Store.read_only(str(store)).named_graphs()
                        if "/id/doc/" in g.value
                    )
            if seen >= 5:
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        if proc.poll() is None and seen < 5:
            proc.kill()
        proc.wait(30)
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 5 <= seen < n

    r = run_kg("--store", store, "ingest", src, "--resume", "--batch-size", "16", timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    no_traceback(r)
    assert "skipped" in r.stderr
    check_store(store, ids_of(range(n)))


# --------------------------------------------------------------------------- full disk
def _fsize_limit(limit: int):  # runs in the child before exec
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
def test_file_size_limit_mid_ingest_is_a_clear_error_and_the_store_survives(
    tmp_path: Path,
) -> None:
    """A write the disk refuses (here: EFBIG from a file-size limit, works unprivileged)."""
    store = tmp_path / "store"
    first = write_corpus(tmp_path / "first.jsonl", range(5))
    second = write_corpus(tmp_path / "second.jsonl", range(5, 400))
    r = run_kg("--store", store, "ingest", first)
    assert r.returncode == 0, r.stderr
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    r = subprocess.run(
        [str(KG_BIN), "--store", str(store), "ingest", str(second)],
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
        env=env,
        preexec_fn=_fsize_limit(512 * 1024),
    )
    assert r.returncode == 2, r.stderr[-3000:]
    no_traceback(r)
    assert "cannot write to the store" in r.stderr and "kg ingest --resume" in r.stderr
    with Store(store, read_only=True) as st:
        kept = set(st.document_ids())
    assert ids_of(range(5)) <= kept < ids_of(range(400))
    check_store(store, kept)
    r = run_kg("--store", store, "ingest", second, "--resume", timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    check_store(store, ids_of(range(400)))


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (the RLIMIT_FSIZE test covers ENOSPC)")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip()}): covered by RLIMIT_FSIZE")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.mark.slow
def test_full_disk_is_a_clear_error_and_the_store_survives(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "first.jsonl", range(5))
    second = write_corpus(tmp_path / "second.jsonl", range(5, 400))
    with tmpfs(tmp_path / "fs", "64m") as fs:
        store = fs / "store"
        r = run_kg("--store", store, "ingest", first)
        assert r.returncode == 0, r.stderr
        filler = fs / "filler"
        with filler.open("wb") as fh:  # leave about 600 kB free
            free = os.statvfs(fs).f_bavail * os.statvfs(fs).f_frsize
            fh.write(b"\0" * max(0, free - 600 * 1024))
        r = run_kg("--store", store, "ingest", second, timeout=600)
        assert r.returncode == 2, r.stderr[-3000:]
        no_traceback(r)
        assert "No space left on device" in r.stderr or "disk is full" in r.stderr, r.stderr
        filler.unlink()
        with Store(store, read_only=True) as st:
            kept = set(st.document_ids())
        assert ids_of(range(5)) <= kept
        check_store(store, kept)
        r = run_kg("--store", store, "ingest", second, "--resume", timeout=600)
        assert r.returncode == 0, r.stderr[-3000:]
        check_store(store, ids_of(range(400)))


@pytest.mark.slow
def test_ingest_into_an_uncreatable_store_path_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    src = write_corpus(tmp_path / "in.jsonl", range(1))
    r = run_kg("--store", blocker / "store", "ingest", src)
    assert r.returncode == 2 and r.stderr.startswith("error: "), r.stderr
    no_traceback(r)


@pytest.mark.slow
def test_read_only_store_is_a_clear_error_and_stays_intact(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "in.jsonl", range(3))
    more = write_corpus(tmp_path / "more.jsonl", range(3, 6))
    if os.geteuid() == 0:
        with tmpfs(tmp_path / "fs", "32m") as fs:
            store = fs / "store"
            r = run_kg("--store", store, "ingest", src)
            assert r.returncode == 0, r.stderr
            ro = subprocess.run(["mount", "-o", "remount,ro", str(fs)], capture_output=True)
            if ro.returncode != 0:
                pytest.skip("cannot remount the tmpfs read-only")
            try:
                r = run_kg("--store", store, "ingest", more)
                assert r.returncode == 2, r.stderr[-3000:]
                no_traceback(r)
                assert "read-only" in r.stderr.lower() or "not writable" in r.stderr, r.stderr
                # readers still work on a read-only filesystem
                s = run_kg("--store", store, "stats", "--format", "json")
                assert s.returncode == 0, s.stderr
            finally:
                subprocess.run(["mount", "-o", "remount,rw", str(fs)], capture_output=True)
            check_store(store, ids_of(range(3)))
    else:
        store = tmp_path / "store"
        r = run_kg("--store", store, "ingest", src)
        assert r.returncode == 0, r.stderr
        os.chmod(store, 0o555)
        try:
            r = run_kg("--store", store, "ingest", more)
            assert r.returncode == 2, r.stderr
            no_traceback(r)
        finally:
            os.chmod(store, 0o755)
        check_store(store, ids_of(range(3)))


# --------------------------------------------------------------------------- writers
@pytest.mark.slow
def test_two_writers_at_once(tmp_path: Path) -> None:
    """Two `kg ingest` into one store at the same moment: the second refuses clearly (or
    waits its turn); nothing is lost or doubled."""
    store = tmp_path / "store"
    a = write_corpus(tmp_path / "a.jsonl", range(0, 20))
    b = write_corpus(tmp_path / "b.jsonl", range(20, 40))
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    procs = [
        subprocess.Popen(
            [str(KG_BIN), "--store", str(store), "ingest", str(src)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for src in (a, b)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    codes = [p.returncode for p in procs]
    assert sorted(codes) in ([0, 0], [0, 2]), (codes, [e[-2000:] for _o, e in outs])
    expected: set[str] = set()
    for code, (_out, err), ids in zip(codes, outs, (range(0, 20), range(20, 40)), strict=True):
        assert "Traceback" not in err, err[-3000:]
        if code == 0:
            expected |= ids_of(ids)
        else:
            assert "in use by another writer" in err, err
    check_store(store, expected)


# --------------------------------------------------------------------------- half-created
CREATE = "import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]); time.sleep(60)"


def half_created_store(where: Path) -> Path:
    """A store whose creating process was killed (kill -9) the moment ``CURRENT`` appeared,
    before Oxigraph made its tables (reproduced on the first attempt in practice)."""
    for attempt in range(30):
        path = where / f"s{attempt}"
        proc = subprocess.Popen([sys.executable, "-c", CREATE, str(path)])
        while not (path / "CURRENT").exists() and proc.poll() is None:
            time.sleep(0.0005)
        proc.kill()
        proc.wait()
        try:
            ox.Store.read_only(str(path))
        except Exception as err:
            if "Column family not found" in str(err):
                return path
    pytest.fail("could not reproduce a half-created store")


@pytest.mark.slow
def test_a_half_created_store_is_one_error_line_and_a_writer_finishes_it(tmp_path: Path) -> None:
    from tests.serve_process import free_port

    path = half_created_store(tmp_path)
    serve = ("serve", "--port", str(free_port()))
    for args in (("stats",), ("export",), ("query", "ASK {}"), serve):
        r = run_kg("--store", path, *args, timeout=120)
        assert r.returncode == 2, (args, r.returncode, r.stderr[-2000:])
        no_traceback(r)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (args, r.stderr)
        assert "was not completely created" in lines[0] and "ingest --resume" in lines[0]
    import kg

    with pytest.raises(StoreError, match="was not completely created"):
        kg.open(path, read_only=True)
    Store(path).close()  # a writer (what `kg ingest --resume` opens) finishes it
    with Store(path, read_only=True) as st:
        assert len(st) == 0
