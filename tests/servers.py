"""Helpers for tests that run a real ``kg serve`` app on 127.0.0.1 (free port, bounded).

Plain helpers, not fixtures: the e2e tests import them (``from tests.servers import ...``)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import uvicorn

from kg.server.app import create_app
from kg.server.settings import Settings

EX = "http://example.org/"
DOC = "https://w3id.org/conflict-kg/id/doc/"

SAMPLE_NQ = f"""
<{EX}e1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EX}Attack> <{DOC}d1> .
<{EX}e1> <http://www.w3.org/2000/01/rdf-schema#label> "Attack on Kabul" <{DOC}d1> .
<{EX}e1> <{EX}fatalities> "12"^^<http://www.w3.org/2001/XMLSchema#integer> <{DOC}d1> .
<{EX}e2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EX}Attack> <{DOC}d2> .
<{EX}e2> <http://www.w3.org/2000/01/rdf-schema#label> "Bombing in Mosul"@en <{DOC}d2> .
<{EX}e2> <{EX}place> <{EX}mosul> <{DOC}d2> .
"""


def make_store(path: Path, nquads: str = SAMPLE_NQ, filler: int = 0) -> Path:
    """A store at ``path`` holding ``nquads`` (plus ``filler`` extra triples in graph d3)."""
    st = ox.Store(str(path))
    st.load(nquads.encode(), ox.RdfFormat.N_QUADS)
    if filler:
        g = ox.NamedNode(f"{DOC}d3")
        p = ox.NamedNode(f"{EX}n")
        st.extend(
            ox.Quad(ox.NamedNode(f"{EX}x{i}"), p, ox.Literal(str(i)), g) for i in range(filler)
        )
    st.flush()
    del st
    return path


def free_socket() -> socket.socket:
    """A socket bound to a free loopback port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def running_server(store: Path, settings: Settings | None = None, **kw: Any) -> Iterator[str]:
    """Serve ``store`` in a thread; yields the base URL; always shuts down."""
    app = create_app(store, settings or Settings(workers=2), **kw)
    sock = free_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()
        app.state.kg.store = None
