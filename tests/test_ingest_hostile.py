"""Ingest under bad input: no document lost, none silently merged, no worker left behind.

* ids are compared after NFC normalisation; an id used twice in one run (``"café"`` typed
  two ways, ``"dup"`` twice, ``1`` and ``"1"``) is a problem naming both places, and the
  first article is the one stored (the summary used to say ``documents 4, errors 0``);
* a line with a lone surrogate is one error; every valid line is stored, also with
  ``-j 2`` (nothing at all was stored);
* ``kill -9`` of ``kg ingest -j 2`` takes its worker processes with it (they ran on,
  210 MB each, with the resource tracker).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import KG_BIN, run_kg

import kg
from kg.rdf.iri import doc_iri
from kg.store import Store

TEXT = "Police said a bomb killed three people in {} on Monday."


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def test_ids_used_twice_in_a_run_are_reported_and_none_is_merged(
    tmp_path: Path, extractor: Any
) -> None:
    f = write_jsonl(
        tmp_path / "ids.jsonl",
        [
            {"id": "café", "text": TEXT.format("Kabul")},
            {"id": "cafe\u0301", "text": TEXT.format("Herat")},
            {"id": "dup", "text": TEXT.format("Kandahar")},
            {"id": "dup", "text": TEXT.format("Kunduz")},
            {"id": 1, "text": TEXT.format("Ghazni")},
            {"id": "1", "text": TEXT.format("Jalalabad")},
            {"id": "unique", "text": TEXT.format("Bamyan")},
        ],
    )
    with Store(tmp_path / "s") as st:
        report = kg.ingest(st, [f], extractor=extractor)
        assert report.documents == 4
        where = {p.where: p.message for p in report.problems}
        assert set(where) == {f"{f}:2", f"{f}:4", f"{f}:6"}
        assert f"the id 'café' was already used in this run (at {f}:1" in where[f"{f}:2"]
        assert f"the id 'dup' was already used in this run (at {f}:3" in where[f"{f}:4"]
        assert f"the id '1' was already used in this run (at {f}:5" in where[f"{f}:6"]
        assert sorted(st.document_ids()) == ["1", "café", "dup", "unique"]
        # the first article of each id is the one stored: its words are in its graph
        for doc, first, second in (("dup", "Kandahar", "Kunduz"), ("café", "Kabul", "Herat")):
            words = " ".join(str(q[2]) for q in st.quads(doc_iri(doc)))
            assert first in words and second not in words, (doc, words[:300])


def test_a_lone_surrogate_costs_only_its_line_in_an_ingest(tmp_path: Path, extractor: Any) -> None:
    records: list[Any] = [{"id": f"ok{i}", "text": TEXT.format("Kabul")} for i in range(12)]
    records[6] = '{"id": "bad", "text": "A bomb \\ud800 in Kabul."}'
    f = write_jsonl(tmp_path / "b.jsonl", records)
    with Store(tmp_path / "s") as st:
        report = kg.ingest(st, [f], extractor=extractor)
        assert [str(p) for p in report.problems] == [
            f'{f}:7: "text" holds an unpaired surrogate \\ud800 at character 7 (a broken '
            "\\uXXXX escape): fix or remove it"
        ]
        assert len(st.document_ids()) == 11


def children_of(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    kids: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            out.add(k)
            todo.append(k)
    return out


def alive(pids: set[int]) -> set[int]:
    live = set()
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            live.add(p)
    return live


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
            workers = children_of(proc.pid)
            if len(workers) >= 3 and (tmp_path / "s" / "CURRENT").exists():
                break
            time.sleep(0.5)
        assert len(workers) >= 2, workers
        time.sleep(3)  # the workers are extracting
        workers = children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        deadline = time.monotonic() + 20
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert alive(workers) == set(), "worker processes outlived the killed ingest"
    finally:  # never leave a process behind, even when the test fails
        for p in alive(workers | children_of(proc.pid)):
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
