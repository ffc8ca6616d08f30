"""Scored pairs to clusters of reports, analysts' judgements first; stable ids for clusters.

Clustering is greedy, strongest pair first (as nomenklatura's resolver and Splink's
connected components at a threshold do), with two rules a chain of pairs cannot break:

- an analyst's judgement wins: "same" joins two reports whatever the model says,
  "different" keeps their clusters apart whatever pairs would join them;
- one incident is told within a few days: two clusters whose dated reports would span
  more than :data:`MAX_SPAN_DAYS` days are not joined;
- an arrest is not the attack it follows: reports of different kinds of event (violent,
  speech, other: :mod:`kg.event_classes`) are not joined by the model.

Resolved events keep their IRI when more reports arrive (:func:`assign_ids`): a cluster
takes the IRI of the earlier resolved event it shares most reports with; a resolved event
whose reports went into another cluster is retired with a pointer to it (a merge), one
whose reports are gone is retired without (a deletion).

>>> from kg.resolution.model import Pair
>>> p = lambda a, b, w: Pair(a, b, w, 1 - 2 ** -w, ())
>>> clusters(["a", "b", "c", "d"], [p("a", "b", 20), p("b", "c", 15)], {},
...          different={("a", "c")})
[['a', 'b'], ['c'], ['d']]
>>> clusters(["a", "b", "c"], [], {}, same={("a", "c")})
[['a', 'c'], ['b']]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.resolution.model import Pair

LINK_PROBABILITY = 0.5
"""A pair at or above this match probability joins its reports' clusters: the model finds
it more likely one event than two (the Bayes decision)."""
REVIEW_PROBABILITY = 0.2
REVIEW_MAX_PROBABILITY = 0.8
"""Pairs with a probability between :data:`REVIEW_PROBABILITY` and this are listed for
review (``kg resolve review``), joined or not: the model was unsure of them."""
MAX_SPAN_DAYS = 7


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def clusters(
    items: Iterable[str],
    pairs: Iterable[Pair],
    days: Mapping[str, int | None],
    *,
    same: Iterable[tuple[str, str]] = (),
    different: Iterable[tuple[str, str]] = (),
    link_probability: float = LINK_PROBABILITY,
    max_span: int = MAX_SPAN_DAYS,
    kinds: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Clusters of ``items`` (report IRIs), each sorted, sorted by their first member.

    ``pairs`` are scored pairs; ``days`` the day of each dated report (for the span
    rule); ``same``/``different`` the analysts' judgements (pairs of report IRIs);
    ``kinds`` the kind of each report's class (reports of two kinds are kept apart).
    """
    kinds = kinds or {}
    kind: dict[str, set[str]] = {}
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    span: dict[str, tuple[int, int] | None] = {}
    for i in items:
        parent[i] = i
        members[i] = {i}
        d = days.get(i)
        span[i] = None if d is None else (d, d)
        kind[i] = {kinds[i]} if i in kinds else set()
    forbid: dict[str, set[str]] = {}
    for a, b in different:
        if a in parent and b in parent:
            forbid.setdefault(a, set()).add(b)
            forbid.setdefault(b, set()).add(a)

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def joined_span(a: str, b: str) -> tuple[int, int] | None:
        sa, sb = span[a], span[b]
        if sa is None or sb is None:
            return sa or sb
        return (min(sa[0], sb[0]), max(sa[1], sb[1]))

    def allowed(a: str, b: str, judged: bool) -> bool:
        small, large = (a, b) if len(members[a]) <= len(members[b]) else (b, a)
        for m in members[small]:
            if forbid.get(m, set()) & members[large]:
                return False
        if judged:
            return True
        if len(kind[a] | kind[b]) > 1:
            return False
        s = joined_span(a, b)
        return s is None or s[1] - s[0] <= max_span

    def union(a: str, b: str, judged: bool = False) -> None:
        ra, rb = find(a), find(b)
        if ra == rb or not allowed(ra, rb, judged):
            return
        if len(members[ra]) < len(members[rb]) or (
            len(members[ra]) == len(members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] |= members.pop(rb)
        span[ra] = joined_span(ra, rb)
        kind[ra] |= kind.pop(rb)

    for a, b in sorted(_key(a, b) for a, b in same):
        if a in parent and b in parent:
            union(a, b, judged=True)
    for p in sorted(pairs, key=lambda p: (-p.weight, p.left, p.right)):
        if p.probability >= link_probability and p.left in parent and p.right in parent:
            union(p.left, p.right)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def mint(members: list[str], base: str) -> str:
    """A new resolved event's IRI: ``base`` + a hash of its first report's IRI.

    >>> mint(["https://x/e2", "https://x/e1"], "https://x/incident/")
    'https://x/incident/e89946ff75b2'
    """
    return base + hashlib.sha1(min(members).encode("utf-8")).hexdigest()[:12]


@dataclass
class Assignment:
    """Resolved-event IRIs for the clusters of a run, and what became of the earlier ones:
    ``kept`` (IRI -> cluster index), ``new`` (cluster indexes with a new IRI), ``merged``
    (retired IRI -> the IRI that took its reports), ``deleted`` (retired, nothing left)."""

    iris: list[str]
    kept: dict[str, int] = field(default_factory=dict)
    new: list[int] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)


def assign_ids(
    groups: list[list[str]], previous: Mapping[str, str], base: str, taken: Iterable[str] = ()
) -> Assignment:
    """IRIs for ``groups`` (clusters of report IRIs) given ``previous`` (report IRI -> the
    resolved IRI it had). A cluster keeps the earlier IRI it shares most reports with
    (ties: the earlier IRI that had more reports, then the smaller IRI); every other
    cluster gets a new IRI (:func:`mint`), never one in ``taken`` (retired IRIs).

    >>> a = assign_ids([["e1", "e2", "e3"]], {"e1": "X", "e2": "X", "e3": "Y"}, "n/")
    >>> a.iris, a.merged
    (['X'], {'Y': 'X'})
    >>> assign_ids([["e1"], ["e2"]], {"e1": "X", "e2": "X"}, "n/").iris[1].startswith("n/")
    True
    """
    size: dict[str, int] = {}
    for r in previous.values():
        size[r] = size.get(r, 0) + 1
    overlaps: list[tuple[int, int, str, int]] = []
    for i, g in enumerate(groups):
        counts: dict[str, int] = {}
        for m in g:
            if m in previous:
                counts[previous[m]] = counts.get(previous[m], 0) + 1
        for iri, n in counts.items():
            overlaps.append((-n, -size[iri], iri, i))
    overlaps.sort()
    out = Assignment(iris=[""] * len(groups))
    for _n, _s, iri, i in overlaps:
        if iri not in out.kept and not out.iris[i]:
            out.iris[i] = iri
            out.kept[iri] = i
    used = set(out.kept) | set(taken)
    for i, g in enumerate(groups):
        if not out.iris[i]:
            iri = mint(g, base)
            k = 2
            while iri in used:
                iri = f"{mint(g, base)}-{k}"
                k += 1
            out.iris[i] = iri
            out.new.append(i)
            used.add(iri)
    where = {m: out.iris[i] for i, g in enumerate(groups) for m in g}
    went: dict[str, dict[str, int]] = {}
    for m, r in previous.items():
        if r not in out.kept and m in where:
            went.setdefault(r, {})
            went[r][where[m]] = went[r].get(where[m], 0) + 1
    for iri in sorted(set(previous.values()) - set(out.kept)):
        heirs = went.get(iri)
        if heirs:
            out.merged[iri] = min(heirs, key=lambda h: (-heirs[h], h))
        else:
            out.deleted.append(iri)
    return out
