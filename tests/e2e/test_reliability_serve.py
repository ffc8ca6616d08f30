"""``kg serve`` and ``kg ingest`` on one store: never a read during a write.

* default: the server keeps writers out while it runs (they refuse with a clear message)
  and refuses to start while a writer runs;
* ``--refresh``: the server serves private snapshots, keeps answering (200) while a writer
  holds the store, and serves the new documents once the writer has finished; old
  snapshots are deleted, stale ones from a killed server too.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kg.server.app import create_app
from kg.server.settings import Settings
from kg.store import StoreError
from tests.servers import DOC, make_store, running_server

COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"


WRITER = """
import sys, time
from rdflib import Literal, URIRef
from kg.store import Store
with Store(sys.argv[1]) as st:
    print("locked", flush=True)
    for i in range(int(sys.argv[2])):
        st.replace_document(f"new{i}", [(URIRef(f"http://example.org/n{i}"),
                                         URIRef("http://example.org/p"), Literal(i))])
        time.sleep(float(sys.argv[3]))
print("done", flush=True)
"""


def start_writer(path: Path, docs: int, pause: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(docs), str(pause)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "locked", proc.stderr.read() if proc.stderr else line
    return proc


def graphs(c: httpx.Client) -> int:
    r = c.get("/sparql", params={"query": COUNT})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_default_serve_keeps_writers_out(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s")
    code = "import sys; from kg.store import Store; Store(sys.argv[1]).close(); print('ok')"
    with running_server(path, Settings(workers=1)) as base:
        r = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
        )
        assert r.returncode != 0
        assert "in use by another writer (another `kg ingest` or `kg serve`?)" in r.stderr
        assert httpx.get(base + "/healthz").status_code == 200
    r = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_serve_refuses_to_start_while_a_writer_runs(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s")
    writer = start_writer(path, 1, 30)
    try:
        with pytest.raises(StoreError, match="being written"):
            create_app(path, Settings(workers=1))
        with pytest.raises(StoreError, match="being written"):
            create_app(path, Settings(workers=1, refresh=1))
    finally:
        writer.kill()
        writer.communicate(timeout=30)


@pytest.mark.slow
def test_refresh_serves_new_documents_after_the_writer_finishes(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s")
    stale = tmp_path / ".s.serve-999999999-old"  # left by a server killed long ago
    (stale / "store").mkdir(parents=True)
    with (
        running_server(path, Settings(workers=1, refresh=0.2, timeout=20)) as base,
        httpx.Client(base_url=base, timeout=60) as c,
    ):
        assert not stale.exists()
        snaps = sorted(p.name for p in tmp_path.glob(".s.serve-*"))
        assert len(snaps) == 1
        assert graphs(c) == 2
        writer = start_writer(path, 5, 0.3)  # holds the store ~1.5 s
        try:
            while writer.poll() is None:  # the server keeps answering from its snapshot
                assert graphs(c) == 2
                r = c.get("/graphs", params={"graph": f"{DOC}d1"})
                assert r.status_code == 200
                time.sleep(0.05)
        finally:
            out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0 and out.strip() == "done", err
        deadline = time.monotonic() + 30
        while graphs(c) != 7 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert graphs(c) == 7
        assert c.get("/graphs", params={"doc": "new4"}).status_code == 200
        assert c.get("/dump.nq").text.count("http://example.org/n") == 5
        # the old snapshot is gone once its requests finished; one snapshot remains
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob(".s.serve-*"))) != 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        now = sorted(p.name for p in tmp_path.glob(".s.serve-*"))
        assert len(now) == 1 and now != snaps
        # a second writer after the first: published too
        writer = start_writer(path, 1, 0)
        writer.communicate(timeout=60)
        deadline = time.monotonic() + 30
        while graphs(c) != 7 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert graphs(c) == 7  # new0 replaced: still seven graphs
    assert list(tmp_path.glob(".s.serve-*")) == []  # the server cleans up on the way out
