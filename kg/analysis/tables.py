"""Views for analysts: timelines, top actors, who claims what, actor profiles, change.

Each takes a store or a :class:`~kg.analysis.data.Snapshot` (and the usual filters) and
returns rows (lists of dicts) or one dict of plain values.

>>> from kg.analysis.testing import toy_store
>>> [(r["label"], r["period"], r["events"]) for r in timeline(toy_store(), by="place")]
[('Province', '2024-02', 1), ('Town', '2024-01', 1), ('Town', '2024-02', 1)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rdflib import URIRef

from kg import event_classes
from kg.analysis.data import Filters, Snapshot, local_name, make_filters, period_of, snapshot
from kg.analysis.metrics import pagerank
from kg.analysis.projections import event_roles, interaction_graph
from kg.analysis.resolve import resolve_actor, resolve_event
from kg.vocab import CKG

__all__ = [
    "STANCES",
    "actor_profile",
    "compare_windows",
    "statements_about",
    "timeline",
    "top_actors",
]

_BY = ("actor", "place", "province", "type")


def _keys(snap: Snapshot, ev: Any, by: str) -> list[str]:
    if by == "actor":
        return sorted({a for a, _r in event_roles(snap, ev)})
    places = [x for p, x in ev.roles if p == str(CKG.location) and snap.is_place(x)]
    if by == "place":
        return sorted(set(places))
    if by == "province":
        return sorted({r for p in places if (r := snap.region_of(p)) is not None})
    # by type: the most specific types
    h = snap.hierarchy
    return sorted(t for t in ev.types if not any(o != t and h.is_a([o], t) for o in ev.types))


def timeline(
    data: Any,
    *,
    by: str = "actor",
    freq: str = "month",
    actor: str | None = None,
    filters: Filters | None = None,
    **kw: Any,
) -> list[dict[str, Any]]:
    """Events per actor (or place, province, event type) per month (or year).

    Parameters
    ----------
    by:
        ``actor`` (every actor taking part), ``place`` (the event's location),
        ``province`` (the administrative region holding the location, via
        ``ckg:locatedIn``) or ``type``.
    freq:
        ``month`` (``YYYY-MM``; an event dated only by year counts in period ``YYYY``)
        or ``year``.
    actor:
        Only this actor (a name or alias, with ``by="actor"``).

    Returns
    -------
    list of dict
        ``key`` (IRI), ``label``, ``period``, ``events``, sorted by label then period.
        Parts of an event (``ckg:partOf``) count once, with the whole.
        Events without any date (nor document date) are left out.

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> [(r["label"], r["period"], r["events"]) for r in timeline(toy_store(), actor="Police")]
    [('Police', '2024-01', 1), ('Police', '2024-02', 2)]
    """
    if by not in _BY:
        raise ValueError(f"unknown grouping {by!r}: choose from {', '.join(_BY)}")
    snap = snapshot(data, evidence=False)
    only = resolve_actor(snap, actor) if actor else None
    counts: Counter[tuple[str, str]] = Counter()
    for ev in snap.distinct_events(make_filters(filters, **kw)):
        period = period_of(ev.when(snap.docs), freq)
        if period is None:
            continue
        for k in _keys(snap, ev, by):
            if only is None or k == only:
                counts[(k, period)] += 1
    rows = [
        {"key": k, "label": snap.label(k), "period": p, "events": n} for (k, p), n in counts.items()
    ]
    rows.sort(key=lambda r: (r["label"], r["period"]))
    return rows


def top_actors(
    data: Any, *, n: int = 10, role: str | None = None, filters: Filters | None = None, **kw: Any
) -> list[dict[str, Any]]:
    """The actors taking part in the most events (optionally in one role).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> [(r["label"], r["events"]) for r in top_actors(toy_store(), n=2)]
    [('Group B', 3), ('Police', 3)]
    """
    snap = snapshot(data, evidence=False)
    counts: Counter[str] = Counter()
    for ev in snap.distinct_events(make_filters(filters, **kw)):
        for a in {a for a, r in event_roles(snap, ev) if role is None or r == role}:
            counts[a] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], snap.label(kv[0])))
    return [{"actor": a, "label": snap.label(a), "events": c} for a, c in ranked[:n]]


#: The order statements are listed in, by stance.
STANCE_ORDER = (
    "claim",
    "attribution",
    "accusation",
    "denial",
    "declined to comment",
    "condemnation",
    "threat",
    "statement",
)
#: Statement classes and the stance they express (the class's short name in the ontology:
#: its ``skos:altLabel``, else its label), most specific first.
STANCES = tuple((URIRef(c.iri), c.short) for c in event_classes.of_kind("speech"))


def statements_about(data: Any, event: str) -> list[dict[str, Any]]:
    """Who claims, who attributes, who denies: every statement about an event.

    Statements about the event, about a part of it (``ckg:partOf``) or about the event it
    is part of all count.

    Parameters
    ----------
    event:
        The event's IRI, or words of its label or place (see
        :func:`~kg.analysis.resolve.resolve_event`).

    Returns
    -------
    list of dict
        ``stance`` (claim, attribution, accusation, denial, declined to comment,
        statement, ...), ``speaker``, ``attributed_to`` (the actors it holds responsible:
        its ``ckg:attributedTo``, or else, for claims, attributions and accusations, the
        perpetrators of the event, with ``inferred`` true),
        ``reported_by``, ``date``, ``evidence`` (the quotes), ``statement`` (its IRI) and
        ``about`` (the event's IRI). Claims first, then attributions, accusations, denials.

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> rows = statements_about(toy_store(), "bombing town")
    >>> [(r["stance"], r["speaker"], r["attributed_to"]) for r in rows]
    [('claim', 'Group A', 'Group B'), ('attribution', 'Ministry', 'Group B')]
    """
    snap = snapshot(data)
    target = resolve_event(snap, event)
    h = snap.hierarchy
    related = {target}
    ev0 = snap.events[target]
    if ev0.part_of:
        related.add(ev0.part_of)
    related |= {i for i, e in snap.events.items() if e.part_of == target}
    doers = [
        snap.label(a)
        for i in sorted(related)
        for a, r in event_roles(snap, snap.events[i])
        if r in ("perpetrator", "agent")
    ]
    order = {name: i for i, name in enumerate(STANCE_ORDER)}
    rows: list[dict[str, Any]] = []
    for ev in snap.events.values():
        if not (set(ev.about) & related) or "speech" not in event_classes.kinds(ev.types):
            continue
        stance = next((name for cls, name in STANCES if h.is_a(ev.types, str(cls))), None)
        if stance is None:
            continue
        roles = event_roles(snap, ev)
        named = [snap.label(a) for a, r in roles if r == "attributed to"]
        inferred = not named and stance in ("attribution", "accusation", "claim")
        if inferred:
            named = list(dict.fromkeys(doers))
        rows.append(
            {
                "stance": stance,
                "speaker": ", ".join(snap.label(a) for a, r in roles if r == "speaker"),
                "attributed_to": ", ".join(named),
                "inferred": inferred and bool(named),
                "reported_by": ", ".join(snap.label(a) for a, r in roles if r == "reporter"),
                "date": ev.when(snap.docs),
                "evidence": list(ev.evidence),
                "statement": ev.iri,
                "about": target,
            }
        )
    rows.sort(key=lambda r: (order.get(r["stance"], len(order)), r["date"] or "", r["speaker"]))
    return rows


def actor_profile(
    data: Any, actor: str, *, filters: Filters | None = None, **kw: Any
) -> dict[str, Any]:
    """Everything about one actor: names, affiliations, events by type and role, places.

    Returns
    -------
    dict
        ``iri``, ``label``, ``aliases``, ``types``, ``affiliations`` (outgoing standing
        relations: ``relation``, ``iri``, ``label``), ``affiliates`` (incoming ones),
        ``events_by_type``, ``events_by_role``, ``first_seen``, ``last_seen`` (dates of
        its events, falling back to publication dates), ``places`` (``label``, ``events``)
        and ``events`` (``iri``, ``label``, ``types``, ``roles``, ``date``).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> p = actor_profile(toy_store(), "Group B")
    >>> p["affiliations"][0]["relation"], p["affiliations"][0]["label"]
    ('affiliateOf', 'Group A')
    >>> p["events_by_role"], p["first_seen"], p["last_seen"]
    ({'perpetrator': 1, 'attributed to': 1, 'target': 1}, '2024-01-05', '2024-02-10')
    """
    snap = snapshot(data, evidence=False)
    iri = resolve_actor(snap, actor)
    ent = snap.entities[iri]
    by_type: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    places: Counter[str] = Counter()
    events = []
    dates = []
    for ev in snap.events_matching(make_filters(filters, **kw)):
        roles = [r for a, r in event_roles(snap, ev) if a == iri]
        if not roles:
            continue
        for t in ev.types:
            by_type[local_name(t)] += 1
        for r in dict.fromkeys(roles):
            by_role[r] += 1
        for p, x in ev.roles:
            if p == str(CKG.location) and snap.is_place(x):
                places[x] += 1
        when = ev.when(snap.docs)
        if when:
            dates.append(when)
        events.append(
            {
                "iri": ev.iri,
                "label": ev.label,
                "types": sorted(local_name(t) for t in ev.types),
                "roles": list(dict.fromkeys(roles)),
                "date": when,
                "part_of": ev.part_of,
            }
        )
    events.sort(key=lambda e: (e["date"] or "", e["iri"]))
    rel_out = sorted(
        {(local_name(p), o) for s, p, o in snap.relations if s == iri},
        key=lambda t: (t[0], snap.label(t[1])),
    )
    rel_in = sorted(
        {(local_name(p), s) for s, p, o in snap.relations if o == iri},
        key=lambda t: (t[0], snap.label(t[1])),
    )
    return {
        "iri": iri,
        "label": ent.label,
        "aliases": sorted(ent.aliases),
        "types": sorted(local_name(t) for t in ent.types),
        "affiliations": [{"relation": r, "iri": o, "label": snap.label(o)} for r, o in rel_out],
        "affiliates": [{"relation": r, "iri": s, "label": snap.label(s)} for r, s in rel_in],
        "events_by_type": dict(by_type.most_common()),
        "events_by_role": dict(by_role.most_common()),
        "first_seen": min((d[:10] for d in dates), default=None),
        "last_seen": max((d[:10] for d in dates), default=None),
        "places": [
            {"iri": p, "label": snap.label(p), "events": n}
            for p, n in sorted(places.items(), key=lambda kv: (-kv[1], snap.label(kv[0])))
        ],
        "events": events,
    }


def _window(w: tuple[str | None, str | None] | str) -> tuple[str | None, str | None]:
    if isinstance(w, str):
        a, _, b = w.partition(":")
        return (a or None, (b or None) if _ else a or None)
    return w


def compare_windows(
    data: Any,
    window_a: tuple[str | None, str | None] | str,
    window_b: tuple[str | None, str | None] | str,
    *,
    top: int | None = 10,
    filters: Filters | None = None,
    **kw: Any,
) -> list[dict[str, Any]]:
    """Who rose and who fell between two time windows.

    Parameters
    ----------
    window_a, window_b:
        ``(start, end)`` or ``"start:end"`` (``"2023"`` alone is the whole year; either
        side may be empty).
    top:
        Keep the ``top`` biggest rises and the ``top`` biggest falls (``None``: all).

    Returns
    -------
    list of dict
        ``actor``, ``label``, ``events_a``, ``events_b``, ``delta`` (events), ``pagerank_a``,
        ``pagerank_b`` (in each window's interaction network) and ``change`` (``new``,
        ``gone``, ``rose``, ``fell``, ``same``); rises first, then falls (the biggest change first
        in each).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> rows = compare_windows(toy_store(), "2024-01", "2024-02")
    >>> [(r["label"], r["events_a"], r["events_b"], r["change"]) for r in rows]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Police', 1, 2, 'rose'), ('Group A', 1, 1, 'same'),
     ('Ministry', 1, 0, 'gone'), ('Group B', 2, 1, 'fell')]
    """
    snap = snapshot(data)
    base = make_filters(filters, **kw)
    stats: dict[str, dict[str, float]] = defaultdict(dict)
    for tag, w in (("a", _window(window_a)), ("b", _window(window_b))):
        f = make_filters(base, start=w[0], end=w[1])
        counts: Counter[str] = Counter()
        for ev in snap.distinct_events(f):
            for a in {a for a, _r in event_roles(snap, ev)}:
                counts[a] += 1
        pr = pagerank(interaction_graph(snap, filters=f, relations=False))
        for a in set(counts) | set(pr):
            stats[a][f"events_{tag}"] = counts.get(a, 0)
            stats[a][f"pagerank_{tag}"] = round(pr.get(a, 0.0), 6)
    rows: list[dict[str, Any]] = []
    for a, s in stats.items():
        ea, eb = int(s.get("events_a", 0)), int(s.get("events_b", 0))
        change = (
            "new"
            if ea == 0
            else "gone"
            if eb == 0
            else "rose"
            if eb > ea
            else "fell"
            if eb < ea
            else "same"
        )
        rows.append(
            {
                "actor": a,
                "label": snap.label(a),
                "events_a": ea,
                "events_b": eb,
                "delta": eb - ea,
                "pagerank_a": s.get("pagerank_a", 0.0),
                "pagerank_b": s.get("pagerank_b", 0.0),
                "change": change,
            }
        )
    rows.sort(key=lambda r: (-r["delta"], -(r["pagerank_b"] - r["pagerank_a"]), r["label"]))
    if top is not None:
        rises = [r for r in rows if r["delta"] >= 0][:top]
        falls = [r for r in reversed(rows) if r["delta"] < 0][:top]
        rows = rises + falls
    return rows
