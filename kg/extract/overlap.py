"""Choosing among overlapping matches: the greedy rule every matcher here follows.

Matches are taken in priority order (by default the longest first, then the earlier rule or
position), each kept only if it overlaps none kept before; what is kept comes back in text
order. spaCy's ``filter_spans`` does the same for ``Span`` objects; this works on any
match with ``start`` and ``end`` token indices (end exclusive).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar


class Stretch(Protocol):
    """Anything with token offsets: ``start`` (inclusive) and ``end`` (exclusive)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Stretch)


def non_overlapping(items: Iterable[T], priority: Callable[[int, T], Any] | None = None) -> list[T]:
    """The matches that win, in text order: in ``priority`` order (a function of the match's
    position in ``items`` and the match; default: the longest, then the first given), each
    match that overlaps none already kept.

    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end name")
    >>> [m.name for m in non_overlapping([M(0, 2, "a"), M(1, 4, "b"), M(4, 5, "c")])]
    ['b', 'c']
    >>> [m.name for m in non_overlapping([M(0, 2, "a"), M(1, 3, "b")])]  # a tie: the first
    ['a']
    """
    rank = priority or (lambda i, m: (-(m.end - m.start), i))
    order = sorted(enumerate(items), key=lambda x: rank(*x))
    taken: set[int] = set()
    out: list[T] = []
    for _i, m in order:
        if any(k in taken for k in range(m.start, m.end)):
            continue
        out.append(m)
        taken.update(range(m.start, m.end))
    return sorted(out, key=lambda m: m.start)
