"""``kg serve`` under hostile load, as a real subprocess (a crash fails the test).

* two concurrent ``/dump.nq`` downloads of a store larger than one batch, with page and
  query clients beside them, with and without ``--refresh``: the server stays up and every
  download is complete (byte for byte the store's export);
* a 100,000-character query built to make a regular-expression guard backtrack is answered
  at once, and ``/healthz`` with it;
* queries nested past the limits get a 400 naming the limit (before: 500, "may have needed
  too much memory"), and ``kg query -`` an ``error:`` line (before: a segfault, exit 139).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from kg.server.guard import MAX_DEPTH
from kg.store import Store
from tests.serve_process import kg_serve
from tests.servers import DOC, make_store
from tests.support import KG_BIN

pytestmark = pytest.mark.slow

FILLER = 100_000  # five dump batches


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    path = make_store(tmp_path_factory.mktemp("big") / "s", filler=FILLER)
    with Store(path, read_only=True) as st:
        expected = st.export_bytes("nquads", with_ontology=True)
    return path, expected


def download(base: str, out: list[bytes | BaseException]) -> None:
    try:
        with httpx.stream("GET", base + "/dump.nq", timeout=120) as r:
            assert r.status_code == 200
            out.append(b"".join(r.iter_bytes()))
    except BaseException as err:
        out.append(err)


def busy_client(base: str, stop: threading.Event, errors: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=60) as c:
        while not stop.is_set():
            for r in (
                c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}),
                c.get("/graphs", params={"graph": f"{DOC}d1"}),
                c.get("/healthz"),
            ):
                if r.status_code != 200:
                    errors.append(f"{r.request.url}: {r.status_code}")


@pytest.mark.parametrize("refresh", [(), ("--refresh", "1")], ids=["default", "refresh"])
def test_two_concurrent_dumps_with_clients_are_complete(
    big_store: tuple[Path, bytes], refresh: tuple[str, ...]
) -> None:
    path, expected = big_store
    with kg_serve(path, "--workers", "1", *refresh) as (base, proc):
        for _round in range(2):
            got: list[bytes | BaseException] = []
            errors: list[str] = []
            stop = threading.Event()
            clients = [
                threading.Thread(target=busy_client, args=(base, stop, errors)) for _ in range(5)
            ]
            dumps = [threading.Thread(target=download, args=(base, got)) for _ in range(2)]
            for t in clients + dumps:
                t.start()
            for t in dumps:
                t.join(300)
            stop.set()
            for t in clients:
                t.join(60)
            assert proc.poll() is None, "the server died"
            assert errors == []
            assert len(got) == 2
            for body in got:
                assert isinstance(body, bytes), body
                assert len(body) == len(expected) and body == expected


def test_a_query_made_to_backtrack_is_answered_at_once(big_store: tuple[Path, bytes]) -> None:
    path, _ = big_store
    query = ("SELECT * { ?s ?p ?o } LIMIT 1 " + "a-" * 49_990)[:99_999]
    with kg_serve(path, "--workers", "1") as (base, _proc):
        result: list[httpx.Response] = []
        t = threading.Thread(
            target=lambda: result.append(
                httpx.post(
                    base + "/sparql",
                    content=query,
                    headers={"Content-Type": "application/sparql-query"},
                    timeout=300,
                )
            )
        )
        t0 = time.monotonic()
        t.start()
        time.sleep(0.05)
        assert httpx.get(base + "/healthz", timeout=300).status_code == 200
        t.join(300)
        assert time.monotonic() - t0 < 10  # the old guard took 110 s, /healthz waited too
        assert result and result[0].status_code == 400  # not a query Oxigraph accepts


DEEP = "ASK { FILTER(" + "(" * 5_000 + "true" + ")" * 5_000 + ") }"


def test_deep_nesting_is_a_400_naming_the_limit(big_store: tuple[Path, bytes]) -> None:
    path, _ = big_store
    with kg_serve(path, "--workers", "1") as (base, _proc):
        r = httpx.post(
            base + "/sparql",
            content=DEEP,
            headers={"Content-Type": "application/sparql-query"},
            timeout=60,
        )
        assert r.status_code == 400, r.text
        assert f"more than {MAX_DEPTH} deep" in r.text


def test_kg_query_of_a_deep_query_is_an_error_line(big_store: tuple[Path, bytes]) -> None:
    path, _ = big_store
    r = subprocess.run(
        [str(KG_BIN), "--store", str(path), "query", "-"],
        input=DEEP,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "TERM": "dumb"},
    )
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert f"more than {MAX_DEPTH} deep" in lines[0]
