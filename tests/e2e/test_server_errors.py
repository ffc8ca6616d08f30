"""Errors of ``kg serve`` are one line of plain text (as SECURITY.md promises), and bad
options or a busy port are one ``error:`` line and exit code 2, not a traceback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.server.settings import Settings
from tests.servers import make_store, running_server
from tests.support import run_kg


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = make_store(tmp_path_factory.mktemp("errors") / "s")
    with running_server(path, Settings(workers=1)) as url:
        yield url


def one_plain_line(r: httpx.Response) -> str:
    assert r.headers["content-type"].startswith("text/plain"), r.headers["content-type"]
    assert r.text.endswith("\n") and r.text.count("\n") == 1, r.text
    assert "{" not in r.text and "detail" not in r.text
    return r.text


def test_404_and_405_outside_sparql_are_plain_text(base: str) -> None:
    r = httpx.get(base + "/no/such/page")
    assert r.status_code == 404
    assert "/sparql" in one_plain_line(r)
    r = httpx.put(base + "/ontology", content=b"x")
    assert r.status_code == 405
    assert "PUT is not allowed on /ontology" in one_plain_line(r)
    assert "GET" in r.headers["allow"]
    r = httpx.delete(base + "/dump.nq")
    assert r.status_code == 405
    one_plain_line(r)


def test_a_parameter_of_the_wrong_type_is_a_400_naming_it(base: str) -> None:
    r = httpx.get(base + "/actor", params={"iri": "http://x/a", "radius": "many"})
    if r.status_code == 404 and "nothing at" in r.text:
        pytest.skip("the analysts' pages are not mounted")
    assert r.status_code == 400
    assert "radius='many'" in one_plain_line(r)


def test_file_graph_in_the_protocol_dataset_is_refused_like_from(base: str) -> None:
    for param in ("named-graph-uri", "default-graph-uri"):
        r = httpx.get(
            base + "/sparql",
            params={"query": "ASK { ?s ?p ?o }", param: "file:///etc/passwd"},
        )
        assert r.status_code == 403, (param, r.text)
        assert f"{param} <file:///etc/passwd> refused" in one_plain_line(r)
    r = httpx.get(base + "/sparql", params={"query": "ASK FROM NAMED <file:///etc/passwd> {}"})
    assert r.status_code == 403


def error_line(proc: object) -> str:
    import subprocess

    assert isinstance(proc, subprocess.CompletedProcess)
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-1000:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr[-1000:]
    return str(lines[0])


@pytest.mark.slow
def test_a_port_out_of_range_is_one_error_line(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s")
    line = error_line(run_kg("--store", path, "serve", "--port", "99999", timeout=60))
    assert "--port 99999 is not a TCP port" in line


@pytest.mark.slow
def test_a_port_in_use_is_one_error_line(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s")
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        line = error_line(run_kg("--store", path, "serve", "--port", str(port), timeout=60))
    finally:
        busy.close()
    assert f"port {port} on 127.0.0.1 is in use" in line
