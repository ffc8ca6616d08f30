"""Projections of the RDF graph onto networkx graphs.

Every projection takes a store (anything with ``.select``) or a :class:`~kg.analysis.data.Snapshot`
and the common filters (``start``, ``end``, ``event_types``, ``sources``, ``min_confidence``,
or a ready :class:`~kg.analysis.data.Filters` as ``filters=``). Nodes are IRIs (strings) with
``kind`` (``actor``, ``event``, ``place``), ``label`` and ``types`` attributes; graphs are
built with ``add_edges_from`` in one pass.

>>> from kg.analysis.testing import toy_store
>>> G = interaction_graph(toy_store(), stances="stated")
>>> sorted((G.nodes[u]["label"], G.nodes[v]["label"], k) for u, v, k in G.edges(keys=True))
... # doctest: +NORMALIZE_WHITESPACE
[('Group A', 'Group B', 'claimed on behalf of'), ('Group A', 'Police', 'attacked'),
 ('Group B', 'Civilians (Country)', 'attacked'), ('Group B', 'Group A', 'affiliated with'),
 ('Group B', 'Police', 'attacked'), ('Ministry', 'Group B', 'attributed to'),
 ('Police', 'Group B', 'arrested')]

Links between actors and events carry their stance (:data:`STANCES`): the source states
that Group B bombed the police post, Group A claimed it, Group B is suspected of another
bombing and denies it. Every stance is kept unless the filters say otherwise:

>>> sorted(k for u, v, k in interaction_graph(toy_store()).edges(keys=True)
...        if G.nodes[u]["label"] == "Group B" and G.nodes[v]["label"] == "Police")
['attacked', 'attacked (denied)', 'attacked (suspected)']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import networkx as nx
from rdflib import URIRef

from kg import event_classes
from kg.analysis.data import Event, Filters, Snapshot, local_name, make_filters, snapshot
from kg.errors import KGError
from kg.vocab import CKG

__all__ = [
    "DOER_ROLES",
    "HOSTILE_CLASSES",
    "RELATION_TYPES",
    "RESPONSIBLE_ROLES",
    "STANCES",
    "Link",
    "actor_event_graph",
    "actor_place_graph",
    "check_stances",
    "event_links",
    "event_place_graph",
    "event_roles",
    "interaction_graph",
    "named_actors",
    "prop_roles",
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
        "generic": snap.is_generic(iri),
    }


def named_actors(G: nx.Graph, *, generic: bool = False) -> list[Any]:
    """The actor nodes of a projection that rankings of who matters list: every actor but
    the group nodes sources describe without naming (civilians, unidentified armed groups:
    :data:`kg.analysis.data.GENERIC_ACTOR_CLASSES`), unless ``generic`` is true.

    >>> from kg.analysis.testing import toy_store
    >>> G = actor_event_graph(toy_store())
    >>> sorted(G.nodes[n]["label"] for n in named_actors(G))
    ['Group A', 'Group B', 'Ministry', 'Police']
    >>> len(named_actors(G, generic=True))
    5
    """
    return [
        n
        for n, d in G.nodes(data=True)
        if d.get("kind", "actor") == "actor" and (generic or not d.get("generic"))
    ]


#: The stances of a link of responsibility between an actor and an event, from the
#: firmest: ``stated`` (the source says, in its own voice, that the actor did it:
#: ``ckg:perpetrator``, ``ckg:agent``), ``claimed`` (the actor says it did it:
#: ``ckg:claimedBy``), ``alleged`` (someone else says so: ``ckg:allegedPerpetrator``, from
#: an attribution or accusation), ``suspected`` (``ckg:suspectedPerpetrator``) and
#: ``denied`` (the actor says it did not: ``ckg:deniedBy``).
STANCES = ("stated", "claimed", "alleged", "suspected", "denied")

#: The roles of links of responsibility and their stance; every other role (target,
#: victim, speaker, reporter, ...) is the source's own statement, ``stated``.
_ROLE_STANCE = {
    "claimed": "claimed",
    "alleged": "alleged",
    "suspected": "suspected",
    "denied": "denied",
}

#: The roles that say who did an event, whatever the stance.
RESPONSIBLE_ROLES = ("perpetrator", "agent", "arresting force", *_ROLE_STANCE)
_ROLE_ORDER = {
    r: i
    for i, r in enumerate(
        (*RESPONSIBLE_ROLES, "speaker", "participant", "target", "victim", "reporter")
    )
}


class Link(NamedTuple):
    """One link between an actor and an event.

    ``role`` is as :func:`event_roles` names it; ``stance`` one of :data:`STANCES` for the
    roles of :data:`RESPONSIBLE_ROLES` (``stated`` for every other role); ``by`` the IRIs of
    who says so, when someone other than the source does: the claimant for a claim, the
    denier for a denial, the speakers of the attributions about the event that name the
    actor for an alleged or suspected doer.
    """

    actor: str
    role: str
    stance: str
    by: tuple[str, ...] = ()


def check_stances(stances: Iterable[str] | None) -> frozenset[str] | None:
    """The stances to keep as a set (``None``: all), refusing unknown names.

    >>> sorted(check_stances(["claimed", "Stated"]))
    ['claimed', 'stated']
    >>> check_stances(["rumoured"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: unknown stance 'rumoured': choose from stated, claimed, alleged, ...
    """
    if stances is None:
        return None
    out = set()
    for s in stances:
        key = s.strip().casefold()
        if key not in STANCES:
            raise KGError(f"unknown stance {s!r}: choose from {', '.join(STANCES)}")
        out.add(key)
    return frozenset(out) if out else None


def event_links(snap: Snapshot, ev: Event, *, stances: Iterable[str] | None = None) -> list[Link]:
    """The actors of an event, each with its role, the stance of the link and who says so.

    ``stances`` keeps only the links of responsibility with these stances (see
    :data:`STANCES`); links to targets, victims, speakers and reporters are always kept.

    Examples
    --------
    >>> from kg.analysis.data import load
    >>> from kg.analysis.testing import toy_store, iri
    >>> snap = load(toy_store())
    >>> e4 = snap.events[str(iri("event/d2/e4"))]
    >>> sorted((snap.label(a), r, s) for a, r, s, _by in event_links(snap, e4))
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Group A', 'perpetrator', 'stated'), ('Group B', 'denied', 'denied'),
     ('Group B', 'suspected', 'suspected'), ('Police', 'target', 'stated')]
    >>> e1 = snap.events[str(iri("event/d1/e1"))]
    >>> [(snap.label(a), r) for a, r, _s, _by in event_links(snap, e1, stances=["claimed"])]
    [('Group A', 'claimed'), ('Police', 'target'), ('Civilians (Country)', 'victim')]
    """
    keep = check_stances(stances)
    kinds = _kinds(snap, ev)
    arrest, statement = "arrest" in kinds, "statement" in kinds
    roles_of = prop_roles(snap)
    out: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for p, x in ev.roles:
        base = roles_of.get(p)
        if base is None or not snap.is_actor(x):
            continue
        if base == "perpetrator":
            role = "arresting force" if arrest else "perpetrator"
        elif base == "agent":
            role = "arresting force" if arrest else "speaker" if statement else "agent"
        else:
            role = base
        if (x, role) in seen:
            continue
        seen.add((x, role))
        stance = _ROLE_STANCE.get(role, "stated")
        if keep is not None and role in RESPONSIBLE_ROLES and stance not in keep:
            continue
        by: tuple[str, ...] = ()
        if stance in ("claimed", "denied"):
            by = (x,)
        elif stance in ("alleged", "suspected"):
            by = _alleged_by(snap, ev, x)
        out.append(Link(x, role, stance, by))
    out.sort(key=lambda x: _ROLE_ORDER.get(x.role, len(_ROLE_ORDER)))  # stable: source order
    return out


def _alleged_by(snap: Snapshot, ev: Event, actor: str) -> tuple[str, ...]:
    """The speakers of the statements about ``ev`` that hold ``actor`` responsible."""
    roles_of = prop_roles(snap)
    speakers: dict[str, None] = {}
    for st in snap.statements_on(ev.iri):
        named = {x for p, x in st.roles if roles_of.get(p) == "attributed to"}
        if actor in named:
            for p, x in st.roles:
                if roles_of.get(p) in ("speaker", "agent") and x != actor:
                    speakers[x] = None
    return tuple(speakers)


def event_roles(
    snap: Snapshot, ev: Event, *, stances: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """The actors of an event with their role: ``(actor IRI, role)``.

    Roles are ``perpetrator`` (the source says it did it), ``arresting force`` (the agent
    of an arrest), ``speaker``, ``agent`` (any other agent), ``participant``, ``claimed``
    (it claims it did it), ``alleged`` and ``suspected`` (someone holds it responsible),
    ``denied`` (it denies it), ``target``, ``victim``, ``reporter`` (``ckg:reportedBy``) and
    ``attributed to``. Sub-properties map to the nearest of these. Targets and victims that
    are places and not actors are left out. :func:`event_links` gives the stance and who
    says so too.

    Examples
    --------
    >>> from kg.analysis.data import load
    >>> from kg.analysis.testing import toy_store, iri
    >>> snap = load(toy_store())
    >>> sorted(r for _a, r in event_roles(snap, snap.events[str(iri("event/d2/e3"))]))
    ['arresting force', 'target']
    """
    return [(x.actor, x.role) for x in event_links(snap, ev, stances=stances)]


_BASE_ROLES = (
    (CKG.perpetrator, "perpetrator"),
    (CKG.claimedBy, "claimed"),
    (CKG.suspectedPerpetrator, "suspected"),
    (CKG.allegedPerpetrator, "alleged"),
    (CKG.deniedBy, "denied"),
    (CKG.speaker, "speaker"),
    (CKG.agent, "agent"),
    (CKG.participant, "participant"),
    (CKG.target, "target"),
    (CKG.victim, "victim"),
    (CKG.reportedBy, "reporter"),
    (CKG.attributedTo, "attributed to"),
)


def prop_roles(snap: Snapshot) -> dict[str, str]:
    """Role property IRI -> the nearest role :func:`event_roles` names (cached on the
    snapshot)."""
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


#: The roles of actors who act in an event, as the source states it (the others are acted
#: upon, or linked with another stance: :data:`RESPONSIBLE_ROLES`).
DOER_ROLES = ("perpetrator", "agent", "arresting force", "speaker", "participant")


def _edge_key(kind: str, stance: str) -> str:
    """The key of an edge: its type, with the stance when it is not the source's own.

    >>> _edge_key("attacked", "stated"), _edge_key("attacked", "claimed")
    ('attacked', 'attacked (claimed)')
    """
    return kind if stance == "stated" else f"{kind} ({stance})"


def actor_event_graph(data: Any, *, filters: Filters | None = None, **kw: Any) -> nx.Graph:
    """The bipartite actor–event graph, with the actor's role and its stance on each edge.

    Parameters
    ----------
    data:
        A store (anything with ``.select``) or a :class:`~kg.analysis.data.Snapshot`.
    filters, **kw:
        Which events and links to keep (``start``, ``end``, ``event_types``, ``sources``,
        ``min_confidence``, ``stances``); see :class:`~kg.analysis.data.Filters`.

    Returns
    -------
    networkx.Graph
        Actors (``bipartite=0``; ``generic`` marks civilians and unidentified groups) and
        events (``bipartite=1``). Each edge has ``role`` (the first of its roles:
        ``perpetrator``, ``claimed``, ``alleged``, ``suspected``, ``denied``,
        ``arresting force``, ``speaker``, ``target``, ``victim``, ...), ``roles`` (all of
        them), ``stance`` (of the first role: :data:`STANCES`) and ``by`` (who says so,
        IRIs, for claimed, alleged, suspected and denied links).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = actor_event_graph(toy_store(), event_types="Arrest")
    >>> ev = next(n for n, kind in G.nodes(data="kind") if kind == "event")
    >>> sorted((G.nodes[a]["label"], d["role"]) for a, d in G[ev].items())
    [('Group B', 'target'), ('Police', 'arresting force')]
    >>> G.number_of_nodes(), nx.is_bipartite(G)
    (3, True)
    >>> G = actor_event_graph(toy_store(), event_types="Bombing")
    >>> sorted((G.nodes[a]["label"], G.nodes[e]["label"], d["stances"])
    ...        for u, v, d in G.edges(data=True) if d["role"] in RESPONSIBLE_ROLES
    ...        for a, e in [(u, v) if G.nodes[u]["kind"] == "actor" else (v, u)])
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Group A', 'Bombing by Group A', ['stated']),
     ('Group A', 'Bombing by Group B', ['claimed']),
     ('Group B', 'Bombing by Group A', ['suspected', 'denied']),
     ('Group B', 'Bombing by Group B', ['stated'])]
    """
    snap = snapshot(data, evidence=False)
    f = _filters(filters, kw)
    edges: dict[tuple[str, str], list[Link]] = {}
    for ev in snap.events_matching(f):
        for link in event_links(snap, ev, stances=f.stances or None):
            links = edges.setdefault((link.actor, ev.iri), [])
            if all(x.role != link.role for x in links):
                links.append(link)
    G = nx.Graph(projection="actor-event", filters=f.as_dict())
    nodes = {a for a, _ in edges} | {e for _, e in edges}
    G.add_nodes_from(
        (n, _node_attrs(snap, n, "event" if n in snap.events else "actor")) for n in sorted(nodes)
    )
    G.add_edges_from(
        (
            a,
            e,
            {
                "role": ls[0].role,
                "roles": [x.role for x in ls],
                "stance": ls[0].stance,
                "stances": [x.stance for x in ls],
                "by": sorted({b for x in ls for b in x.by}),
            },
        )
        for (a, e), ls in edges.items()
    )
    return G


class _EdgeAcc:
    __slots__ = ("by", "events", "evidence", "said")

    def __init__(self) -> None:
        self.events: dict[str, None] = {}  # ordered sets
        self.evidence: dict[str, None] = {}
        self.by: dict[str, None] = {}
        self.said: dict[str, list[str]] = {}  # event -> the quotes of who says so


def _said_by(snap: Snapshot, ev: Event, by: Iterable[str]) -> list[str]:
    """The quotes of the statements about ``ev`` made by ``by`` (a claim, an attribution,
    a denial): what a claimed, alleged or denied link rests on."""
    who = set(by)
    out: dict[str, None] = {}
    for st in snap.statements_on(ev.iri):
        if any(x in who for _p, x in st.roles):
            out.update(dict.fromkeys(st.evidence))
    return list(out)


def interaction_graph(
    data: Any,
    *,
    filters: Filters | None = None,
    relations: bool = True,
    **kw: Any,
) -> nx.MultiDiGraph:
    """The directed actor–actor interaction network, one edge per (source, target, type,
    stance).

    Edge types (the ``type`` attribute):

    - ``attacked``: the doer of a hostile event (attack, battle, security operation, riot)
      → each actor it targeted or victimised, once per stance of the doer's link
      (:data:`STANCES`): the source says it did it (``stated``), it ``claimed`` it, someone
      ``alleged`` it or ``suspected`` it, or it ``denied`` it;
    - ``arrested``: the arresting force → the actors arrested (targets, victims);
    - ``claimed on behalf of``: the speaker of a claim of responsibility → the named
      perpetrator the source states for the claimed event, when they differ (ISIS claims
      what ISIS-K did; an unidentified armed group is no one's behalf);
    - ``attributed to`` / ``accused``: the speaker of an attribution / accusation → the
      actor it names (``ckg:attributedTo``; failing that, the stated perpetrators of the
      event it is about);
    - ``allied with``: two stated perpetrators of the same event, and ``ckg:alliedWith``,
      both ways;
    - ``affiliated with``: ``ckg:affiliateOf``, ``memberOf``, ``spokespersonOf``,
      ``leaderOf`` and ``partOf`` between actors (only with ``relations=True``).

    The edge key is the type, followed by the stance in brackets when it is not
    ``stated`` (``"attacked (claimed)"``).

    Parameters
    ----------
    data:
        A store or a :class:`~kg.analysis.data.Snapshot`.
    filters, **kw:
        Which events count, and which stances (see :class:`~kg.analysis.data.Filters`).
    relations:
        Add the standing relations (affiliations, alliances) that come with no event.

    Returns
    -------
    networkx.MultiDiGraph
        Edge data: ``type``, ``stance``, ``by`` (the labels of who says so, for claimed,
        alleged, suspected and denied edges), ``weight`` (the number of events, 1 for a
        standing relation), ``events`` (event IRIs), ``evidence`` (their quotes; for a
        claimed, alleged, suspected or denied edge the statements' quotes first),
        ``said`` (event IRI -> the quotes of who says so, for those edges) and
        ``predicates`` (for standing relations). Nodes have ``generic`` (civilians,
        unidentified armed groups). ``G.graph["events"]`` maps each cited event IRI to its
        ``label``, ``date`` and ``evidence``; ``G.graph["responsible"]`` maps each actor
        to the events it is held responsible for (``{event: [(role, stance), ...]}``),
        with or without an edge, and ``G.graph["lone"]`` the node attributes of those that
        have no edge (they are no nodes: rankings and communities leave them out).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = interaction_graph(toy_store(), relations=False, min_confidence=0.5)
    >>> for row in sorted(
    ...     f'{G.nodes[u]["label"]} - {k} -> {G.nodes[v]["label"]} {d["weight"]}'
    ...     for u, v, k, d in G.edges(keys=True, data=True)
    ... ):
    ...     print(row)
    Group A - attacked (claimed) -> Civilians (Country) 1
    Group A - attacked (claimed) -> Police 1
    Group A - claimed on behalf of -> Group B 1
    Group B - attacked -> Civilians (Country) 1
    Group B - attacked -> Police 1
    Ministry - attributed to -> Group B 1
    Police - arrested -> Group B 1
    >>> G = interaction_graph(toy_store(), relations=False, stances="stated")
    >>> sorted({d["stance"] for _u, _v, d in G.edges(data=True)})
    ['stated']
    """
    snap = snapshot(data)
    f = _filters(filters, kw)
    keep = check_stances(f.stances) if f.stances else None
    h = snap.hierarchy
    acc: dict[tuple[str, str, str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    cited: dict[str, Event] = {}
    events = snap.events_matching(f)

    def add(u: str, v: str, kind: str, ev: Event, stance: str = "stated", by: Any = ()) -> None:
        if u == v:
            return
        a = acc[(u, v, kind, stance)]
        for b in by:
            a.by[snap.label(b)] = None
        if ev.iri not in a.events:
            a.events[ev.iri] = None
            said = _said_by(snap, ev, by) if stance != "stated" and by else []
            if said:
                a.said[ev.iri] = said
            for q in [*said, *ev.evidence]:
                a.evidence[q] = None
        cited[ev.iri] = ev

    def stated_doers(ev: Event) -> list[str]:
        return [a for a, r, s, _b in event_links(snap, ev) if r in ("perpetrator", "agent")]

    linked: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    for ev in events:
        kinds = _kinds(snap, ev)
        links = event_links(snap, ev, stances=keep)
        for x in links:
            if x.role in RESPONSIBLE_ROLES:
                linked[x.actor].setdefault(ev.iri, []).append((x.role, x.stance))
        by_role: dict[str, list[str]] = defaultdict(list)
        for x in links:
            by_role[x.role].append(x.actor)
        done_to = by_role["target"] + by_role["victim"]
        if "arrest" in kinds:
            for u in by_role["arresting force"]:
                for v in done_to:
                    add(u, v, "arrested", ev)
        elif "hostile" in kinds:
            for x in links:
                if x.role in RESPONSIBLE_ROLES:
                    for v in done_to:
                        add(x.actor, v, "attacked", ev, x.stance, x.by)
            perps = by_role["perpetrator"] + by_role["agent"]
            for u in perps:
                for v in perps:
                    add(u, v, "allied with", ev)
        if "statement" in kinds:
            speakers = by_role["speaker"]
            named = by_role["attributed to"]
            if not named:
                named = [
                    a for e in ev.about if e in snap.events for a in stated_doers(snap.events[e])
                ]
            if "claim" in kinds:
                for e in ev.about:
                    if e in snap.events:
                        for v in stated_doers(snap.events[e]):
                            if snap.is_generic(v):
                                continue
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

    static: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    if relations:
        for s, p, o in snap.relations:
            if not (snap.is_actor(s) and snap.is_actor(o)) or s == o:
                continue
            if any(h.prop_is(p, str(b)) for b in _AFFILIATION):
                static[(s, o, "affiliated with", "stated")].append(local_name(p))
            elif h.prop_is(p, str(CKG.alliedWith)):
                static[(s, o, "allied with", "stated")].append(local_name(p))
                static[(o, s, "allied with", "stated")].append(local_name(p))

    G = nx.MultiDiGraph(projection="interaction", filters=f.as_dict())
    keys = set(acc) | set(static)
    nodes = sorted({k[0] for k in keys} | {k[1] for k in keys})
    G.add_nodes_from((n, _node_attrs(snap, n, "actor")) for n in nodes)
    empty = _EdgeAcc()
    G.add_edges_from(
        (
            u,
            v,
            _edge_key(k, st),
            {
                "type": k,
                "stance": st,
                "by": list(a.by),
                "weight": max(1, len(a.events)),
                "events": list(a.events),
                "evidence": list(a.evidence),
                "said": dict(a.said),
                "predicates": sorted(set(static.get((u, v, k, st), []))),
            },
        )
        for u, v, k, st in sorted(keys)
        for a in (acc.get((u, v, k, st), empty),)
    )
    # what each actor of the graph is held responsible for, with or without an edge (a
    # bombing claimed by a group that names no victim makes no edge): ego networks list them
    G.graph["responsible"] = dict(linked)
    G.graph["lone"] = {a: _node_attrs(snap, a, "actor") for a in linked if a not in G}
    for evs in G.graph["responsible"].values():
        for iri in evs:
            cited.setdefault(iri, snap.events[iri])
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
    place, in any role and stance but a denial (``weight`` = the number of such events,
    ``events`` = their IRIs) or, with ``relations``, when the actor is ``ckg:basedIn`` the
    place (``based_in=True``).

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> G = actor_place_graph(toy_store())
    >>> sorted((G.nodes[u]["label"], G.nodes[v]["label"], d["weight"])
    ...        for u, v, d in G.edges(data=True) if G.nodes[u]["kind"] == "actor")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Civilians (Country)', 'Town', 1), ('Group A', 'Province', 1), ('Group A', 'Town', 1),
     ('Group B', 'Province', 1), ('Group B', 'Town', 2), ('Police', 'Province', 1),
     ('Police', 'Town', 2)]
    """
    snap = snapshot(data, evidence=False)
    f = _filters(filters, kw)
    acc: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ev in snap.events_matching(f):
        places = [x for p, x in ev.roles if p == str(CKG.location) and snap.is_place(x)]
        if not places:
            continue
        for a, role in event_roles(snap, ev, stances=f.stances or None):
            if role == "denied":
                continue
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
