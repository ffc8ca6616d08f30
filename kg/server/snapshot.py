"""Serving a store that ``kg ingest`` may write to, without ever reading it mid-write.

Oxigraph (RocksDB) allows one writer per store folder, which holds the folder's ``LOCK``.
A read-only handle takes no lock, and its documentation says that reading while another
process writes is undefined behaviour. It is: a writer compacting the store deletes files
that a read-only handle opened earlier still expects, and the reader's next query fails
with ``No such file or directory`` (``tests/integration/test_store_concurrency.py`` shows it). So
``kg serve`` does one of two things:

* **default** -- it serves the store as it is at start and holds a *shared* lock on the
  store's ``LOCK`` file while it runs. A writer (``kg ingest``) then refuses at once with
  "in use by another writer (another `kg ingest` or `kg serve`?)", and ``kg serve`` refuses
  to start while a writer runs. Nothing is ever read mid-write. (:class:`ReaderLock`)
* ``--refresh SECONDS`` -- it serves a private **snapshot** (a RocksDB checkpoint: hard
  links to the store's immutable files, taken while briefly holding the writer's lock, so
  it is consistent and includes everything a crashed writer left in its log). No writer
  ever touches a snapshot. Every ``SECONDS`` the server looks at the store's files; when
  they changed and no writer holds the lock, it takes a new snapshot, starts query workers
  on it, sends new requests there, lets requests in flight on the old workers finish, then
  deletes the old snapshot. Writers are never blocked for longer than the checkpoint (a
  few milliseconds; :class:`kg.store.Store` waits up to a second for a lock for that
  reason). (:class:`StoreSnapshot`, :func:`take_snapshot`)

Snapshots live beside the store (``.<store name>.serve-<pid>-*``) so that hard links work;
when that folder is not writable they go to the system's temporary folder (copied then).

>>> import tempfile, pyoxigraph as ox
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> st = ox.Store(str(path)); st.add(ox.Quad(ox.NamedNode("http://x/s"),
...     ox.NamedNode("http://x/p"), ox.Literal("o"), ox.NamedNode("http://x/g"))); del st
>>> snap = take_snapshot(path)
>>> len(snap.store), snap.root.name.startswith(".store.serve-")
(1, True)
>>> snap.retire(); snap.root.exists()
False
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

log = logging.getLogger("kg.server")

_VOLATILE = ("LOCK", "LOG")  # files that change when a store is merely opened or closed


class WriterActive(Exception):
    """A writer holds the store's lock right now."""


def _store_error(msg: str) -> Exception:
    from kg.store import StoreError

    return StoreError(msg)


def _is_lock_error(err: BaseException) -> bool:
    msg = str(err).lower()
    return "lock" in msg and ("unavailable" in msg or "hold" in msg or "busy" in msg)


def fingerprint(path: Path) -> tuple[tuple[str, int], ...]:
    """Names and sizes of the store's data files: they change whenever a writer writes.

    Opening and closing a store without writing changes only ``LOG*``, ``LOCK`` and the
    modification time of the manifest, which are left out.
    """
    out = []
    with contextlib.suppress(FileNotFoundError):
        for e in os.scandir(path):
            if e.name.startswith(_VOLATILE):
                continue
            with contextlib.suppress(FileNotFoundError):
                out.append((e.name, e.stat().st_size))
    return tuple(sorted(out))


class ReaderLock:
    """A shared (read) lock on the store's ``LOCK`` file, held while ``kg serve`` runs.

    Writers take an exclusive lock on that file, so a writer cannot start while it is held,
    and it cannot be taken while a writer runs (:class:`kg.store.StoreError` says so).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        lock_file = self.path / "LOCK"
        if not lock_file.exists():  # a store written by another tool: nothing to respect
            return
        fd = os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC)
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            raise _store_error(
                f"the store {self.path} is being written (a `kg ingest` is running): wait for "
                "it to finish, or serve with --refresh SECONDS to publish new documents as "
                "writers finish"
            ) from err
        self._fd = fd

    def release(self) -> None:
        """Let writers in again."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None


class StoreSnapshot:
    """A private checkpoint of the store, opened read-only, deleted when retired and unused.

    :meth:`lease` marks a reader (a streamed dump, a graph being serialised); the folder is
    removed only once the snapshot is retired and every lease is returned.
    """

    def __init__(self, root: Path, fp: tuple[tuple[str, int], ...]) -> None:
        self.root = root  # the private folder; the store is root/store
        self.path = root / "store"
        self.fingerprint = fp
        self.store: Any = ox.Store.read_only(str(self.path))
        self._leases = 0
        self._retired = False
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def lease(self) -> Iterator[Any]:
        """The snapshot's store, kept on disk until the block ends."""
        with self._lock:
            self._leases += 1
            store = self.store
        try:
            yield store
        finally:
            with self._lock:
                self._leases -= 1
            self._maybe_remove()

    def retire(self) -> None:
        """No new readers; remove the folder once the last lease is returned."""
        with self._lock:
            self._retired = True
        self._maybe_remove()

    def _maybe_remove(self) -> None:
        with self._lock:
            if not self._retired or self._leases or self.store is None:
                return
            self.store = None  # the handle goes first, then its files
        shutil.rmtree(self.root, ignore_errors=True)


def _snapshot_parent(path: Path) -> Path:
    parent = path.resolve().parent
    return parent if os.access(parent, os.W_OK | os.X_OK) else Path(tempfile.gettempdir())


def remove_stale_snapshots(path: Path) -> None:
    """Delete snapshots left by a ``kg serve`` that was killed (its process is gone)."""
    for parent in {_snapshot_parent(path), Path(tempfile.gettempdir())}:
        for d in parent.glob(f".{path.name}.serve-*"):
            try:
                pid = int(d.name.split(".serve-", 1)[1].split("-", 1)[0])
            except (IndexError, ValueError):
                continue
            if pid == os.getpid():
                continue
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                shutil.rmtree(d, ignore_errors=True)
            except PermissionError:
                pass  # another user's live server


#: Deprecated name of :class:`StoreSnapshot` (``kg.analysis.Snapshot`` is the analysis data);
#: goes in the next release.
Snapshot = StoreSnapshot


def take_snapshot(path: Path) -> StoreSnapshot:
    """A consistent snapshot of the store at ``path``.

    Raises :class:`WriterActive` when a writer holds the store (try again later) and
    :class:`kg.store.StoreError` when the store cannot be read or the snapshot written.
    """
    path = Path(path)
    if not (path / "CURRENT").exists():
        raise _store_error(f"no store at {path}: run `kg --store {path} ingest ...` first")
    tmp = Path(
        tempfile.mkdtemp(prefix=f".{path.name}.serve-{os.getpid()}-", dir=_snapshot_parent(path))
    )
    dest = tmp / "store"
    try:
        try:
            primary = ox.Store(str(path))  # the writer's lock, for the few ms of the checkpoint
        except OSError as err:
            if _is_lock_error(err):
                raise WriterActive(str(err)) from None
            raise _store_error(
                f"cannot snapshot the store {path} ({err}): --refresh needs write access to "
                "the store folder (serve without --refresh to only read it)"
            ) from err
        try:
            primary.backup(str(dest))
            fp = fingerprint(path)  # taken under the lock: exactly what the snapshot holds
        finally:
            del primary  # releases the lock
        return StoreSnapshot(tmp, fp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
