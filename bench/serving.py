"""Starting ``kg serve`` for a benchmark: a free port, the server in its own process with its
log in a file (a full pipe would block it), and a wait until ``/healthz`` answers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

KG = Path(sys.executable).parent / "kg"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_kg_serve(
    store: Path, args: list[str], log: Path, port: int | None = None, wait: float = 120
) -> tuple[subprocess.Popen[bytes], str]:
    """``kg --store STORE serve --port PORT ARGS...``, its stderr in ``log``; returns the
    process and its base URL once ``/healthz`` answers 200. Raises ``RuntimeError`` with the
    log's end when it dies or does not answer within ``wait`` seconds."""
    port = port or free_port()
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [str(KG), "--store", str(store), "serve", "--port", str(port), *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    tail = log.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"kg serve did not start (log: {log}): {tail}")
