"""``kg ingest -j 2`` under faults: bad lines cost only themselves, and ``kill -9`` of the
ingest takes its worker processes with it (they ran on, 210 MB each, with the resource
tracker)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from kg.store import Store
from tests.serve_process import alive, descendants
from tests.support import KG_BIN, run_kg

TEXT = "Police said a bomb killed three people in {} on Monday."


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_kill_9_of_a_parallel_ingest_takes_its_workers_with_it(tmp_path: Path) -> None:
    f = write_jsonl(
        tmp_path / "many.jsonl",
        [{"id": f"d{i}", "text": TEXT.format("Kabul") * 20} for i in range(2_000)],
    )
    proc = subprocess.Popen(
        [str(KG_BIN), "--store", str(tmp_path / "s"), "ingest", "-j", "2", str(f)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # wait until both workers have started
            workers = descendants(proc.pid)
            if len(workers) >= 3 and (tmp_path / "s" / "CURRENT").exists():
                break
            time.sleep(0.5)
        assert len(workers) >= 2, workers
        time.sleep(3)  # the workers are extracting
        workers = descendants(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        deadline = time.monotonic() + 20
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert alive(workers) == set(), "worker processes outlived the killed ingest"
    finally:  # never leave a process behind, even when the test fails
        for p in alive(workers | descendants(proc.pid)):
            os.kill(p, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


@pytest.mark.slow
def test_a_parallel_ingest_stores_every_valid_line(tmp_path: Path) -> None:
    records: list[Any] = [{"id": f"ok{i}", "text": TEXT.format("Herat")} for i in range(10)]
    records[3] = '{"id": "bad\\ud800", "text": "x"}'
    f = write_jsonl(tmp_path / "b.jsonl", records)
    r = run_kg("--store", tmp_path / "s", "ingest", "-j", "2", f, timeout=600)
    assert r.returncode == 1, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    assert f"{f}:4" in r.stderr and "unpaired surrogate" in r.stderr
    with Store(tmp_path / "s", read_only=True) as st:
        assert len(st.document_ids()) == 9
