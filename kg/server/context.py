"""What the server's routes get: :class:`ServerContext` (the store, settings, query pool).

Its own module so that route modules (:mod:`kg.server.sparql`, :mod:`kg.views.web`) and
the application (:mod:`kg.server.app`) import it without importing each other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.server.settings import Settings
from kg.server.snapshot import ReaderLock, StoreSnapshot
from kg.server.workers import WorkerPool


@dataclass
class ServerContext:
    """What route factories get: the store (read-only), the settings and the query pool.

    ``store`` and ``pool`` change when the server moves to a newer snapshot (``--refresh``):
    read them on each request. :meth:`reading` keeps the current snapshot on disk while a
    long read (a streamed dump) uses it.
    """

    store_path: Path
    settings: Settings
    store: ox.Store
    prefixes: dict[str, str]
    pool: WorkerPool | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    snapshot: StoreSnapshot | None = None
    reader_lock: ReaderLock | None = None
    generation: int = 0  # how many times the served data was refreshed

    @contextlib.contextmanager
    def reading(self) -> Iterator[ox.Store]:
        """The store being served, kept available until the block ends."""
        snap = self.snapshot
        if snap is None:
            yield self.store
            return
        with snap.lease() as store:
            yield store

    def release(self) -> None:
        """Drop the store handle, the reader lock and the snapshot (server shutdown)."""
        if self.reader_lock is not None:
            self.reader_lock.release()
        if self.snapshot is not None:
            self.snapshot.retire()
