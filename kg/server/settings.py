"""What an operator can set on ``kg serve``; users read the limits in error messages.

>>> s = Settings(timeout=5)
>>> s.timeout, s.max_body_bytes, s.cors_origins
(5.0, 1048576, ())
>>> parse_size("100MB"), parse_size("64k"), parse_size("1000")
(104857600, 65536, 1000)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import KGError

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3}
_UNITS["gb"] = 1024**3


def parse_size(text: str | int) -> int:
    """Bytes from ``1000``, ``64k``, ``100MB``, ``1GB`` (binary multiples)."""
    if isinstance(text, int):
        return text
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?[bB]?)\s*", text)
    if not m:
        raise KGError(f"cannot read the size {text!r}: write e.g. 1000, 64k, 100MB or 1GB")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


@dataclass(frozen=True)
class Settings:
    """Limits and options of the endpoint (defaults are the safe ones).

    Attributes
    ----------
    timeout:
        Seconds one query may run before its worker process is killed (answer 503).
    max_result_bytes:
        Largest serialised result; a bigger one is stopped and answered 422.
    max_body_bytes:
        Largest request body (form or direct POST).
    max_query_chars:
        Longest query text.
    cors_origins:
        Origins allowed by CORS; empty means no CORS headers at all, ``("*",)`` any origin.
    workers:
        Query worker processes (each opens the store read-only).
    queue_timeout:
        Seconds a query may wait for a free worker when all are busy (answer 503 after).
    refresh:
        Seconds between looks at the store for documents written by ``kg ingest`` since the
        server started; ``0`` (the default) serves the store as it was at start and keeps
        writers out while serving (see :mod:`kg.server.snapshot`).
    query_memory:
        Bytes of memory one query may use: each worker process's address space is capped
        at its size after start-up plus this (``RLIMIT_AS``); a query past it is stopped and
        answered 503.
    results_memory:
        Bytes of results the server may hold at once while sending them (a result waits for
        room, up to ``queue_timeout``, then 503); at least ``max_result_bytes``.
    short_workers:
        Worker processes of the short lane, which answers queries in ``short_seconds`` or
        less while the general workers are busy with slow ones (0: no short lane).
    short_seconds:
        How long a query may run in the short lane before it waits for a general worker.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 30.0
    max_result_bytes: int = 100 * 1024 * 1024
    max_body_bytes: int = 1024 * 1024
    max_query_chars: int = 100_000
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    workers: int = 2
    queue_timeout: float = 120.0
    refresh: float = 0.0
    query_memory: int = 2 * 1024**3
    results_memory: int = 512 * 1024**2
    short_workers: int = 2
    short_seconds: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "timeout", float(self.timeout))
        object.__setattr__(self, "cors_origins", tuple(self.cors_origins))
        if self.timeout <= 0:
            raise KGError("--timeout must be a positive number of seconds")
        if self.refresh < 0:
            raise KGError("--refresh must be 0 (off) or a positive number of seconds")
        if self.workers < 1:
            raise KGError("--workers must be at least 1")
        for name in ("max_result_bytes", "max_body_bytes", "max_query_chars", "query_memory"):
            if getattr(self, name) <= 0:
                raise KGError(f"{name.replace('_', '-')} must be positive")
        if self.results_memory < self.max_result_bytes:
            raise KGError(
                f"--results-memory ({self.results_memory} bytes) must be at least --max-results "
                f"({self.max_result_bytes} bytes): a result that size could never be sent"
            )
        if self.short_workers < 0 or self.short_seconds <= 0:
            raise KGError("--short-workers must be 0 or more and --short-seconds positive")
