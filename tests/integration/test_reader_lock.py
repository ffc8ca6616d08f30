"""Faults: a killed ingest, a full disk, a read-only store, two writers, a reader during a
write. Each ends with a clear message (never a traceback) and a store that opens, passes
the SHACL shapes and holds every document exactly once.

Tests run as root in CI, where permission bits do not stop writes: a read-only store is a
read-only tmpfs mount when ``mount`` works (else the permission bits, when not root), and a
full disk is a small tmpfs or, everywhere, a file-size limit (``RLIMIT_FSIZE``).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import Store, StoreError
from tests.support import writer_lock_held


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


def test_reader_lock_keeps_writers_out_and_is_refused_during_a_write(tmp_path: Path) -> None:
    from kg.server.snapshot import ReaderLock

    path = tmp_path / "s"
    with Store(path):
        pass
    lock = ReaderLock(path)
    try:
        r = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from kg.store import Store; Store(sys.argv[1])",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode != 0 and "in use by another writer" in r.stderr, r.stderr
    finally:
        lock.release()
    with writer_lock_held(path), pytest.raises(StoreError, match="being written"):
        ReaderLock(path)
