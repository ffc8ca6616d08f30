"""Projections of the RDF graph onto networkx graphs.

Every projection takes a store (anything with ``.select``) or a :class:`~kg.analysis.data.Snapshot`
and the common filters (``start``, ``end``, ``event_types``, ``sources``, ``min_confidence``,
or a ready :class:`~kg.analysis.data.Filters` as ``filters=``). Nodes are IRIs (strings) with
``kind`` (``actor``, ``event``, ``place``), ``label`` and ``types`` attributes; graphs are
built with ``add_edges_from`` in one pass.

>>> from kg.analysis.testing import toy_store
>>> G = interaction_graph(toy_store())
>>> sorted((G.nodes[u]["label"], G.nodes[v]["label"], k) for u, v, k in G.edges(keys=True))
... # doctest: +NORMALIZE_WHITESPACE
[('Group A', 'Group B', 'claimed on behalf of'), ('Group A', 'Police', 'attacked'),
 ('Group B', 'Group A', 'affiliated with'), ('Group B', 'Police', 'attacked'),
 ('Ministry', 'Group B', 'attributed to'), ('Police', 'Group B', 'arrested')]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import URIRef

from kg import event_classes
from kg.analysis.data import Event, Filters, Snapshot, local_name, make_filters, snapshot
from kg.vocab import CKG

__all__ = [
    "DOER_ROLES",
    "HOSTILE_CLASSES",
    "RELATION_TYPES",
    "actor_event_graph",
    "actor_place_graph",
    "event_place_graph",
    "event_roles",
    "interaction_graph",
]

#: Event classes whose agent acts *against* its targets (an "attacked" edge): the violent
#: ones (:mod:`kg.event_classes`), most specific first.
HOSTILE_CLASSES = tuple(URIRef(c.iri) for c in event_classes.of_kind("violent"))

#: The edge types of the actor-actor network, in the order they are documented.
RELATION_TYPES = (
    "attacked",
    "claimed on behalf of",
    "accused",
    "attributed to",
    "arrested",
    "affiliated with",
    "allied with",
)

_AFFILIATION = (CKG.affiliateOf, CKG.memberOf, CKG.spokespersonOf, CKG.leaderOf, CKG.partOf)


def _filters(filters: Filters | None, kw: dict[str, Any]) -> Filters:
    return make_filters(filters, **kw)


def _node_attrs(snap: Snapshot, iri: str, kind: str) -> dict[str, Any]:
    if kind == "event":
        ev = snap.events[iri]
        return {
            "kind": "event",
            "bipartite": 1,
            "label": ev.label or local_name(iri),
            "types": sorted(local_name(t) for t in ev.types),
            "date": ev.when(snap.docs),
            "confidence": ev.confidence,
        }
    ent = snap.entities.get(iri)
    return {
        "kind": kind,
        "bipartite": 0,
        "label": snap.label(iri),
        "types": sorted(local_name(t) for t in ent.types) if ent else [],
    }


def event_roles(snap: Snapshot, ev: Event) -> list[tuple[str, str]]:
    """The actors of an event with their role: ``(actor IRI, role)``.

    Roles are ``perpetrator``, ``arresting force`` (the agent of an arrest), ``speaker``,
    ``agent`` (any other agent), ``participant``, ``target``, ``victim``, ``reporter``
    (``ckg:reportedBy``) and ``attributed to``. Sub-properties map to the nearest of these.
    Targets and victims that are places and not actors are left out.

    Examples
    --------
    >>> from kg.analysis.data import load
    >>> from kg.analysis.testing import toy_store, iri
    >>> snap = load(toy_store())
    >>> sorted(r for _a, r in event_roles(snap, snap.events[str(iri("event/d2/e3"))]))
    ['arresting force', 'target']
    """
    kinds = _kinds(snap, ev)
    arrest, statement = "arrest" in kinds, "statement" in kinds
    prop_roles = _prop_roles(snap)
    out: list[tuple[str, str]] = []
    for p, x in ev.roles:
        base = prop_roles.get(p)
        if base is None or not snap.is_actor(x):
            continue
        if base == "perpetrator":
            role = "arresting force" if arrest else "perpetrator"
        elif base == "agent":
            role = "arresting force" if arrest else "speaker" if statement else "agent"
        else:
            role = base
        out.append((x, role))
    return out


_BASE_ROLES = (
    (CKG.perpetrator, "perpetrator"),
    (CKG.speaker, "speaker"),
    (CKG.agent, "agent"),
    (CKG.participant, "participant"),
    (CKG.target, "target"),
    (CKG.victim, "victim"),
    (CKG.reportedBy, "reporter"),
    (CKG.attributedTo, "attributed to"),
)


def _prop_roles(snap: Snapshot) -> dict[str, str]:
    """Role property -> the nearest base role (cached on the snapshot)."""
    cache: dict[str, str] | None = getattr(snap, "_prop_roles", None)
    if cache is None:
        cache = {}
        for base, name in reversed(_BASE_ROLES):  # most specific wins
            for p in snap.hierarchy.subproperties(str(base)):
                cache[p] = name
        snap._prop_roles = cache  # type: ignore[attr-defined]
    return cache


def _kinds(snap: Snapshot, ev: Event) -> frozenset[str]:
    """What an event is, for the projections (cached per set of types): the short names of
    its classes and their ancestors (``arrest``, ``statement``, ``claim``, ...) and
    ``hostile`` for violent events (:mod:`kg.event_classes`)."""
    cache: dict[frozenset[str], frozenset[str]] | None = getattr(snap, "_kinds", None)
    if cache is None:
        cache = snap._kinds = {}  # type: ignore[attr-defined]
    key = frozenset(ev.types)
    got = cache.get(key)
    if got is None:
        hostile = {"hostile"} if "violent" in event_classes.kinds(key) else set()
        got = cache[key] = event_classes.short_names(key) | hostile
    return got


#: The roles of actors who act in an event (the others are acted upon).
DOER_ROLES = ("perpetrator", "agent", "arresting force", "speaker", "participant")


def actor_event_graph(data: Any, *, filters: Filters | None = None, **kw: Any) -> nx.Graph:
    """The bipartite actor–event graph, with the actor's role on each edge.

    Parameters
    ----------
    data:
        A store (anything with ``.select``) or a :class:`~kg.analysis.data.Snapshot`.
    filters, **kw:
        Which events to keep (``start``, ``end``, ``event_types``, ``sources``,
        ``min_confidence``); see :class:`~kg.analysis.data.Filters`.

    Returns
    -------
    networkx.Graph
        Actors (``bipartite=0``) and events (``bipartite=1``). Each edge has ``role`` (the
        first of its roles: ``perpetrator``, ``arresting force``, ``speaker``, ``target``,
        ``victim``, ...) and ``roles`` (all of them).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = actor_event_graph(toy_store(), event_types="Arrest")
    >>> ev = next(n for n, kind in G.nodes(data="kind") if kind == "event")
    >>> sorted((G.nodes[a]["label"], d["role"]) for a, d in G[ev].items())
    [('Group B', 'target'), ('Police', 'arresting force')]
    >>> G.number_of_nodes(), nx.is_bipartite(G)
    (3, True)
    """
    snap = snapshot(data, evidence=False)
    f = _filters(filters, kw)
    edges: dict[tuple[str, str], list[str]] = {}
    for ev in snap.events_matching(f):
        for actor, role in event_roles(snap, ev):
            roles = edges.setdefault((actor, ev.iri), [])
            if role not in roles:
                roles.append(role)
    G = nx.Graph(projection="actor-event", filters=f.as_dict())
    nodes = {a for a, _ in edges} | {e for _, e in edges}
    G.add_nodes_from(
        (n, _node_attrs(snap, n, "event" if n in snap.events else "actor")) for n in sorted(nodes)
    )
    G.add_edges_from((a, e, {"role": r[0], "roles": r}) for (a, e), r in edges.items())
    return G


class _EdgeAcc:
    __slots__ = ("events", "evidence")

    def __init__(self) -> None:
        self.events: dict[str, None] = {}  # ordered sets
        self.evidence: dict[str, None] = {}


def interaction_graph(
    data: Any,
    *,
    filters: Filters | None = None,
    relations: bool = True,
    **kw: Any,
) -> nx.MultiDiGraph:
    """The directed actor–actor interaction network, one edge per (source, target, type).

    Edge types (the edge key and its ``type`` attribute):

    - ``attacked``: the perpetrator or agent of a hostile event (attack, battle, security
      operation, riot) → each actor it targeted or victimised;
    - ``arrested``: the arresting force → the actors arrested (targets, victims);
    - ``claimed on behalf of``: the speaker of a claim of responsibility → the perpetrator
      of the claimed event, when they differ (ISIS claims what ISIS-K did);
    - ``attributed to`` / ``accused``: the speaker of an attribution / accusation → the
      actor it names (``ckg:attributedTo``; failing that, the perpetrators of the event it
      is about);
    - ``allied with``: two perpetrators of the same event, and ``ckg:alliedWith``, both ways;
    - ``affiliated with``: ``ckg:affiliateOf``, ``memberOf``, ``spokespersonOf``,
      ``leaderOf`` and ``partOf`` between actors (only with ``relations=True``).

    Parameters
    ----------
    data:
        A store or a :class:`~kg.analysis.data.Snapshot`.
    filters, **kw:
        Which events count (see :class:`~kg.analysis.data.Filters`).
    relations:
        Add the standing relations (affiliations, alliances) that come with no event.

    Returns
    -------
    networkx.MultiDiGraph
        Edge data: ``type``, ``weight`` (the number of events, 1 for a standing relation),
        ``events`` (event IRIs), ``evidence`` (their quotes) and ``predicates`` (for
        standing relations). ``G.graph["events"]`` maps each cited event IRI to its
        ``label``, ``date`` and ``evidence``.

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = interaction_graph(toy_store(), relations=False, min_confidence=0.5)
    >>> for u, v, d in sorted(G.edges(data=True)):
    ...     print(G.nodes[u]["label"], "-", d["type"], "->", G.nodes[v]["label"], d["weight"])
    Group A - claimed on behalf of -> Group B 1
    Group B - attacked -> Police 1
    Ministry - attributed to -> Group B 1
    Police - arrested -> Group B 1
    """
    snap = snapshot(data)
    f = _filters(filters, kw)
    h = snap.hierarchy
    acc: dict[tuple[str, str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    cited: dict[str, Event] = {}
    events = snap.events_matching(f)

    def add(u: str, v: str, kind: str, ev: Event) -> None:
        if u == v:
            return
        a = acc[(u, v, kind)]
        if ev.iri not in a.events:
            a.events[ev.iri] = None
            for q in ev.evidence:
                a.evidence[q] = None
        cited[ev.iri] = ev

    def doers(ev: Event) -> list[str]:
        return [a for a, r in event_roles(snap, ev) if r in ("perpetrator", "agent")]

    for ev in events:
        kinds = _kinds(snap, ev)
        by_role: dict[str, list[str]] = defaultdict(list)
        for a, r in event_roles(snap, ev):
            by_role[r].append(a)
        done_to = by_role["target"] + by_role["victim"]
        if "arrest" in kinds:
            for u in by_role["arresting force"]:
                for v in done_to:
                    add(u, v, "arrested", ev)
        elif "hostile" in kinds:
            perps = by_role["perpetrator"] + by_role["agent"]
            for u in perps:
                for v in done_to:
                    add(u, v, "attacked", ev)
                for v in perps:
                    add(u, v, "allied with", ev)
        if "statement" in kinds:
            speakers = by_role["speaker"]
            named = by_role["attributed to"]
            if not named:
                named = [a for x in ev.about if x in snap.events for a in doers(snap.events[x])]
            if "claim" in kinds:
                for x in ev.about:
                    if x in snap.events:
                        for v in doers(snap.events[x]):
                            for u in speakers:
                                add(u, v, "claimed on behalf of", ev)
            elif "accusation" in kinds:
                for u in speakers:
                    for v in named:
                        add(u, v, "accused", ev)
            elif "attribution" in kinds:
                for u in speakers:
                    for v in named:
                        add(u, v, "attributed to", ev)

    static: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    if relations:
        for s, p, o in snap.relations:
            if not (snap.is_actor(s) and snap.is_actor(o)) or s == o:
                continue
            if any(h.prop_is(p, str(b)) for b in _AFFILIATION):
                static[(s, o, "affiliated with")].append(local_name(p))
            elif h.prop_is(p, str(CKG.alliedWith)):
                static[(s, o, "allied with")].append(local_name(p))
                static[(o, s, "allied with")].append(local_name(p))

    G = nx.MultiDiGraph(projection="interaction", filters=f.as_dict())
    keys = set(acc) | set(static)
    nodes = sorted({u for u, _, _ in keys} | {v for _, v, _ in keys})
    G.add_nodes_from((n, _node_attrs(snap, n, "actor")) for n in nodes)
    empty = _EdgeAcc()
    G.add_edges_from(
        (
            u,
            v,
            k,
            {
                "type": k,
                "weight": max(1, len(a.events)),
                "events": list(a.events),
                "evidence": list(a.evidence),
                "predicates": sorted(set(static.get((u, v, k), []))),
            },
        )
        for u, v, k in sorted(keys)
        for a in (acc.get((u, v, k), empty),)
    )
    G.graph["events"] = {
        iri: {"label": ev.label, "date": ev.when(snap.docs), "evidence": ev.evidence}
        for iri, ev in cited.items()
    }
    return G


def actor_place_graph(
    data: Any, *, filters: Filters | None = None, relations: bool = True, **kw: Any
) -> nx.Graph:
    """The bipartite actor–place graph: where actors act (and are based).

    An actor and a place are joined when the actor takes part in an event located at the
    place (``weight`` = the number of such events, ``events`` = their IRIs) or, with
    ``relations``, when the actor is ``ckg:basedIn`` the place (``based_in=True``).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = actor_place_graph(toy_store())
    >>> sorted((G.nodes[u]["label"], G.nodes[v]["label"], d["weight"])
    ...        for u, v, d in G.edges(data=True) if G.nodes[u]["kind"] == "actor")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Group A', 'Province', 1), ('Group B', 'Town', 2),
     ('Police', 'Province', 1), ('Police', 'Town', 2)]
    """
    snap = snapshot(data, evidence=False)
    f = _filters(filters, kw)
    acc: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ev in snap.events_matching(f):
        places = [x for p, x in ev.roles if p == str(CKG.location) and snap.is_place(x)]
        if not places:
            continue
        for a, _role in event_roles(snap, ev):
            for pl in places:
                if a != pl and ev.iri not in acc[(a, pl)]:
                    acc[(a, pl)].append(ev.iri)
    based: set[tuple[str, str]] = set()
    if relations:
        based = {
            (s, o)
            for s, p, o in snap.relations
            if snap.hierarchy.prop_is(p, str(CKG.basedIn)) and snap.is_actor(s) and snap.is_place(o)
        }
    G = nx.Graph(projection="actor-place", filters=f.as_dict())
    pairs = set(acc) | based
    G.add_nodes_from((a, _node_attrs(snap, a, "actor")) for a in sorted({a for a, _ in pairs}))
    G.add_nodes_from(
        (p, {**_node_attrs(snap, p, "place"), "bipartite": 1})
        for p in sorted({p for _, p in pairs})
        if p not in G
    )
    G.add_edges_from(
        (
            a,
            p,
            {
                "weight": max(1, len(acc.get((a, p), []))),
                "events": acc.get((a, p), []),
                "based_in": (a, p) in based,
            },
        )
        for a, p in sorted(pairs)
    )
    return G


def event_place_graph(data: Any, *, filters: Filters | None = None, **kw: Any) -> nx.Graph:
    """The bipartite event–place graph: each event joined to its location(s).

    Edges carry ``role``: ``location``, or ``target``/``victim`` for a place that was
    attacked. Place nodes have ``region`` (their province, if known).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = event_place_graph(toy_store())
    >>> sorted((G.nodes[e]["label"], G.nodes[p]["label"], G.nodes[p]["region"])
    ...        for e, p in G.edges() if G.nodes[e]["kind"] == "event")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Arrest by Police', 'Town', 'Province'), ('Bombing by Group A', 'Province', 'Province'),
     ('Bombing by Group B', 'Town', 'Province')]
    """
    snap = snapshot(data, evidence=False)
    f = _filters(filters, kw)
    edges: dict[tuple[str, str], str] = {}
    h = snap.hierarchy
    for ev in snap.events_matching(f):
        for p, x in ev.roles:
            if not snap.is_place(x):
                continue
            if p == str(CKG.location) or h.prop_is(p, str(CKG.location)):
                edges.setdefault((ev.iri, x), "location")
            elif h.prop_is(p, str(CKG.target)):
                edges.setdefault((ev.iri, x), "target")
            elif h.prop_is(p, str(CKG.victim)):
                edges.setdefault((ev.iri, x), "victim")
    G = nx.Graph(projection="event-place", filters=f.as_dict())
    G.add_nodes_from((e, _node_attrs(snap, e, "event")) for e in sorted({e for e, _ in edges}))
    for pl in sorted({p for _, p in edges}):
        region = snap.region_of(pl)
        G.add_node(
            pl,
            **{**_node_attrs(snap, pl, "place"), "bipartite": 0},
            region=snap.label(region) if region else None,
        )
    G.add_edges_from((e, p, {"role": r}) for (e, p), r in edges.items())
    return G
