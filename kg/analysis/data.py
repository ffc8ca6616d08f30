"""Reading the graph for analysis: a few bulk SPARQL queries into a :class:`Snapshot`.

Analysis only reads. :func:`load` runs a handful of bulk SELECT queries against any object
with ``.select(sparql)`` (:class:`kg.store.Store`, :class:`kg.remote.RemoteStore`) and keeps
plain Python records: events with their types, date, confidence, source document, roles and
quotes; actors and places with labels, aliases and relations. Every projection and view is
computed from a snapshot, and :meth:`Snapshot.events_matching` applies the common filters
(time window, event type, document source, minimum confidence).

Class and property hierarchies come from the store's ontology graph (so sub-classes and
sub-properties defined there count), or from the packaged ontology when the store has none.

>>> from kg.analysis.testing import toy_store
>>> snap = load(toy_store())
>>> sorted(e.label for e in snap.events_matching(Filters(start="2024-02")))
['Arrest by Police', 'Bombing by Group A']
>>> date_bounds("2024-02")
('2024-02-01', '2024-02-31')
"""

from __future__ import annotations

import contextlib
import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from kg.errors import KGError
from kg.vocab import CKG, ONTOLOGY_IRI

CKG_NS = str(CKG._NS)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


class Source(Protocol):
    """Anything analysis can read from: it answers SPARQL SELECT queries."""

    def select(self, sparql: str, **kwargs: Any) -> list[dict[str, Any]]: ...


# ---------------------------------------------------------------- small helpers


def local_name(iri: str) -> str:
    """The part of an IRI after ``#`` (or the last ``/``).

    >>> local_name("https://w3id.org/conflict-kg/ontology#SuicideBombing")
    'SuicideBombing'
    """
    for sep in ("#", "/"):
        if sep in iri:
            return iri.rsplit(sep, 1)[1]
    return iri


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day a (possibly partial) ISO date covers, as ``YYYY-MM-DD``.

    Comparing these strings is comparing dates; a month always ends on day 31, which is
    after every real day of that month.

    >>> date_bounds("2022"), date_bounds("2024-01-03")
    (('2022-01-01', '2022-12-31'), ('2024-01-03', '2024-01-03'))
    """
    v = value.strip()[:10]
    if len(v) == 4:
        return f"{v}-01-01", f"{v}-12-31"
    if len(v) == 7:
        return f"{v}-01", f"{v}-31"
    return v, v


def period_of(value: str | None, freq: str = "month") -> str | None:
    """The period (``YYYY-MM`` or ``YYYY``) a date falls in; a year-only date stays ``YYYY``.

    >>> period_of("2024-01-03"), period_of("2022"), period_of("2024-01-03", "year")
    ('2024-01', '2022', '2024')
    """
    if not value:
        return None
    v = value.strip()
    if freq == "year":
        return v[:4]
    if freq != "month":
        raise KGError(f"unknown period {freq!r}: choose month or year")
    return v[:7] if len(v) >= 7 else v[:4]


@dataclass(frozen=True)
class Filters:
    """What part of the graph an analysis looks at; ``None`` means no limit.

    Parameters
    ----------
    start, end:
        The time window, as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (inclusive). An event
        is inside when the whole period its date covers is: "2022" is not inside a window
        of March 2022. Events without a date take their document's publication date.
    event_types:
        Class names (``Bombing``, ``ckg:Arrest``) or IRIs; sub-classes count.
    sources:
        Document publishers (``dcterms:publisher``, e.g. ``TOLOnews``) or document ids,
        case-insensitive.
    min_confidence:
        Keep events whose ``ckg:confidence`` is at least this (events without one pass).
    """

    start: str | None = None
    end: str | None = None
    event_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_confidence: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The filters that are set (for result provenance)."""
        out: dict[str, Any] = {}
        for k in ("start", "end", "min_confidence"):
            if getattr(self, k) is not None:
                out[k] = getattr(self, k)
        if self.event_types:
            out["event_types"] = list(self.event_types)
        if self.sources:
            out["sources"] = list(self.sources)
        return out


def make_filters(
    filters: Filters | None = None,
    *,
    start: str | None = None,
    end: str | None = None,
    event_types: Iterable[str] | str | None = None,
    sources: Iterable[str] | str | None = None,
    min_confidence: float | None = None,
) -> Filters:
    """A :class:`Filters` from keyword arguments (strings may list several values, comma-separated).

    >>> make_filters(event_types="Bombing, Arrest", min_confidence=0.5).event_types
    ('Bombing', 'Arrest')
    """

    def _many(v: Iterable[str] | str | None) -> tuple[str, ...]:
        if v is None:
            return ()
        items = v.split(",") if isinstance(v, str) else list(v)
        return tuple(s.strip() for s in items if s and s.strip())

    base = filters or Filters()
    return Filters(
        start=start if start is not None else base.start,
        end=end if end is not None else base.end,
        event_types=_many(event_types) or base.event_types,
        sources=_many(sources) or base.sources,
        min_confidence=min_confidence if min_confidence is not None else base.min_confidence,
    )


# ---------------------------------------------------------------- records


@dataclass(slots=True)
class Event:
    """One event as analysis sees it (IRIs as strings)."""

    iri: str
    types: set[str] = field(default_factory=set)
    label: str = ""
    date: str | None = None
    confidence: float | None = None
    doc: str | None = None
    roles: list[tuple[str, str]] = field(default_factory=list)  # (property IRI, entity IRI)
    about: list[str] = field(default_factory=list)
    part_of: str | None = None
    evidence: list[str] = field(default_factory=list)

    def when(self, docs: dict[str, Document]) -> str | None:
        """The event's date, or its document's publication date."""
        if self.date:
            return self.date
        d = docs.get(self.doc or "")
        return d.issued if d else None


@dataclass(slots=True)
class Entity:
    """An actor or a place."""

    iri: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    is_actor: bool = False
    is_place: bool = False


@dataclass(slots=True)
class Document:
    """A document: id, source (publisher), title and publication date."""

    iri: str
    id: str = ""
    source: str = ""
    title: str = ""
    issued: str | None = None


#: Deprecated name of :class:`Document` (it read like spaCy's ``Doc``); goes in the next
#: release.
Doc = Document


class Hierarchy:
    """Class and property hierarchies (``rdfs:subClassOf*``, ``rdfs:subPropertyOf*``)."""

    def __init__(self, sub_class: Iterable[tuple[str, str]], sub_prop: Iterable[tuple[str, str]]):
        self.class_up: dict[str, set[str]] = defaultdict(set)
        for c, sup in sub_class:
            self.class_up[c].add(sup)
        self.prop_up: dict[str, set[str]] = defaultdict(set)
        for p, sup in sub_prop:
            self.prop_up[p].add(sup)
        for c in list(self.class_up):
            self.class_up[c].add(c)
        for p in list(self.prop_up):
            self.prop_up[p].add(p)

    def subclasses(self, cls: str) -> set[str]:
        """Every class below ``cls`` (and ``cls`` itself)."""
        return {c for c, ups in self.class_up.items() if cls in ups} | {cls}

    def subproperties(self, prop: str) -> set[str]:
        """Every property below ``prop`` (and ``prop`` itself)."""
        return {p for p, ups in self.prop_up.items() if prop in ups} | {prop}

    def is_a(self, types: Iterable[str], cls: str) -> bool:
        """Whether any of ``types`` is ``cls`` or below it."""
        return any(t == cls or cls in self.class_up.get(t, ()) for t in types)

    def prop_is(self, prop: str, sup: str) -> bool:
        """Whether ``prop`` is ``sup`` or below it."""
        return prop == sup or sup in self.prop_up.get(prop, ())

    def class_names(self) -> dict[str, str]:
        """Local name (case-folded) to class IRI, for the ontology's own classes."""
        return {local_name(c).casefold(): c for c in self.class_up if c.startswith(CKG_NS)}


def _rows(source: Any, sparql: str) -> list[tuple[str | None, ...]]:
    """Rows of a SELECT as tuples of lexical values (IRIs and literals as plain strings).

    On an embedded :class:`kg.store.Store` the query goes straight to Oxigraph (no rdflib
    terms are built: much faster on large results); anything else goes through ``.select``.
    """
    from kg.store import Store

    if isinstance(source, Store):
        res = source.query(sparql)
        return [tuple(None if t is None else t.value for t in sol) for sol in res]
    rows = source.select(sparql)
    if not rows:
        return []
    names = list(rows[0])
    return [tuple(None if r.get(n) is None else str(r[n]) for n in names) for r in rows]


def _closure(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """The transitive closure of direct ``(sub, super)`` pairs.

    >>> sorted(_closure([("a", "b"), ("b", "c")]))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    up: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        up[a].add(b)
    out: list[tuple[str, str | None]] = []
    for a in list(up):
        seen: set[str] = set()
        todo = list(up[a])
        while todo:
            b = todo.pop()
            if b not in seen:
                seen.add(b)
                todo.extend(up.get(b, ()))
        out += [(a, b) for b in seen]
    return out


def load_hierarchy(source: Any) -> Hierarchy:
    """The class and property hierarchy from the store's ontology graph (or the package's)."""
    q = "SELECT ?a ?b {{ GRAPH <{g}> {{ ?a rdfs:{p}+ ?b }} FILTER(isIRI(?a) && isIRI(?b)) }}"
    sub_c: Sequence[tuple[str | None, ...]]
    sub_p: Sequence[tuple[str | None, ...]]
    sub_c = _rows(source, q.format(g=ONTOLOGY_IRI, p="subClassOf"))
    sub_p = _rows(source, q.format(g=ONTOLOGY_IRI, p="subPropertyOf"))
    if not sub_c:  # no ontology graph in this store: use the packaged ontology
        from rdflib import RDFS

        from kg.ontology import ontology_graph

        g = ontology_graph()
        sub_c = _closure((str(a), str(b)) for a, b in g.subject_objects(RDFS.subClassOf))
        sub_p = _closure((str(a), str(b)) for a, b in g.subject_objects(RDFS.subPropertyOf))
    return Hierarchy(
        ((a, b) for a, b, *_ in sub_c if a and b), ((a, b) for a, b, *_ in sub_p if a and b)
    )


# ---------------------------------------------------------------- the snapshot

ROLE_BASES = (CKG.participant, CKG.target, CKG.victim, CKG.reportedBy, CKG.attributedTo)
PLACE_ROLES = (CKG.location, CKG.target, CKG.victim)
ENTITY_RELATIONS = (
    CKG.affiliateOf,
    CKG.memberOf,
    CKG.spokespersonOf,
    CKG.leaderOf,
    CKG.alliedWith,
    CKG.opposedTo,
    CKG.backedBy,
    CKG.basedIn,
    CKG.locatedIn,
    CKG.partOf,
    CKG.governs,
)


class Snapshot:
    """What analysis needs of the graph, read once with a few bulk queries.

    Attributes
    ----------
    events, entities, docs:
        Records keyed by IRI.
    relations:
        ``(subject, property, object)`` between actors and places (affiliations, locations).
    hierarchy:
        The ontology's class and property hierarchy.
    """

    def __init__(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = hierarchy
        self.events: dict[str, Event] = {}
        self.entities: dict[str, Entity] = {}
        self.docs: dict[str, Document] = {}
        self.relations: list[tuple[str, str, str]] = []
        self.has_evidence = False

    def __repr__(self) -> str:
        return (
            f"<Snapshot {len(self.events)} events, {len(self.entities)} actors and places, "
            f"{len(self.docs)} documents>"
        )

    # ------------------------------------------------------------ labels
    def doc_info(self, iri: str | None) -> dict[str, Any]:
        """The document ``iri`` as a dict: ``iri``, ``id``, ``title``, ``source`` (publisher)
        and ``issued`` (its date); ``None`` values for a document the snapshot lacks.

        >>> from kg.analysis.testing import toy_store
        >>> info = load(toy_store()).doc_info("https://w3id.org/conflict-kg/id/doc/d1")
        >>> sorted(info)
        ['id', 'iri', 'issued', 'source', 'title']
        """
        d = self.docs.get(iri or "")
        if d is None:
            return {"iri": iri, "id": None, "title": None, "source": None, "issued": None}
        return {"iri": d.iri, "id": d.id, "title": d.title, "source": d.source, "issued": d.issued}

    def label(self, iri: str) -> str:
        """The label of an entity, event or document (the IRI's last part if none)."""
        e = self.entities.get(iri)
        if e is not None and e.label:
            return e.label
        ev = self.events.get(iri)
        if ev is not None and ev.label:
            return ev.label
        return local_name(iri)

    def is_actor(self, iri: str) -> bool:
        """Whether ``iri`` is an actor."""
        e = self.entities.get(iri)
        return bool(e and e.is_actor)

    def is_place(self, iri: str) -> bool:
        """Whether ``iri`` is a place."""
        e = self.entities.get(iri)
        return bool(e and e.is_place)

    # ------------------------------------------------------------ filtering
    def resolve_classes(self, names: Sequence[str]) -> set[str]:
        """Class IRIs (with every sub-class) for class names; unknown names raise KGError."""
        known = self.hierarchy.class_names()
        out: set[str] = set()
        for n in names:
            key = n.strip()
            if key.startswith("ckg:"):
                key = key[4:]
            if key.startswith(("http://", "https://")):
                iri = key
            elif key.casefold() in known:
                iri = known[key.casefold()]
            else:
                close = difflib.get_close_matches(key.casefold(), list(known), n=5, cutoff=0.6)
                hint = (
                    f"did you mean {', '.join(local_name(known[c]) for c in close)}?"
                    if close
                    else "event types are ontology classes such as Attack, Bombing, Arrest"
                )
                raise KGError(f"unknown event type {n!r}: {hint}")
            out |= self.hierarchy.subclasses(iri)
        return out

    def events_matching(self, filters: Filters | None = None) -> list[Event]:
        """The events inside ``filters``, in IRI order."""
        f = filters or Filters()
        classes = self.resolve_classes(f.event_types) if f.event_types else None
        lo = date_bounds(f.start)[0] if f.start else None
        hi = date_bounds(f.end)[1] if f.end else None
        srcs = {s.casefold() for s in f.sources}
        out = []
        for iri in sorted(self.events):
            ev = self.events[iri]
            if classes is not None and not (ev.types & classes):
                continue
            if f.min_confidence is not None and (
                ev.confidence is not None and ev.confidence < f.min_confidence
            ):
                continue
            if srcs:
                d = self.docs.get(ev.doc or "")
                names = {(ev.doc or "").casefold()}
                if d is not None:
                    names |= {d.source.casefold(), d.id.casefold()}
                if not names & srcs:
                    continue
            if lo or hi:
                when = ev.when(self.docs)
                if not when:
                    continue
                a, b = date_bounds(when)
                if (lo and a < lo) or (hi and b > hi):
                    continue
            out.append(ev)
        return out

    def distinct_events(self, filters: Filters | None = None) -> list[Event]:
        """:meth:`events_matching` without sub-events whose whole event also matches.

        Twin bombings reported as one event and two parts count once.
        """
        evs = self.events_matching(filters)
        keep = {e.iri for e in evs}
        return [e for e in evs if e.part_of is None or e.part_of not in keep]

    # ------------------------------------------------------------ places
    def place_ancestors(self, iri: str) -> list[str]:
        """The place and every place it lies in, nearest first (``locatedIn``/``partOf``)."""
        up: dict[str, list[str]] = getattr(self, "_place_up", None) or {}
        if not up:
            for s, p, o in self.relations:
                if p in (str(CKG.locatedIn), str(CKG.partOf)) and self.is_place(o):
                    up.setdefault(s, []).append(o)
            self._place_up = up
        seen, order, todo = {iri}, [iri], [iri]
        while todo:
            nxt = []
            for x in todo:
                for o in sorted(up.get(x, ())):
                    if o not in seen:
                        seen.add(o)
                        order.append(o)
                        nxt.append(o)
            todo = nxt
        return order

    def region_of(self, iri: str, cls: str = str(CKG.AdminRegion)) -> str | None:
        """The nearest place of class ``cls`` (default: province) containing ``iri``."""
        for p in self.place_ancestors(iri):
            e = self.entities.get(p)
            if e is not None and self.hierarchy.is_a(e.types, cls):
                return p
        return None


def load(source: Any, *, evidence: bool = True) -> Snapshot:
    """Read what analysis needs from ``source`` with a few bulk SPARQL queries.

    Parameters
    ----------
    source:
        A :class:`kg.store.Store`, :class:`kg.remote.RemoteStore` or anything with
        ``.select(sparql)``.
    evidence:
        Also read the quotes (``ckg:evidence``) of every event (paths and edges cite them).

    Returns
    -------
    Snapshot

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> load(toy_store())
    <Snapshot 5 events, 6 actors and places, 2 documents>
    """
    h = load_hierarchy(source)
    snap = Snapshot(h)
    event_classes = h.subclasses(str(CKG.Event))
    actor_classes = h.subclasses(str(CKG.Actor))
    place_classes = h.subclasses(str(CKG.Place))

    # One scan per predicate, no joins: on large stores the cost is the number of rows
    # (each decoded term costs), so nothing is fetched twice and ?p is never returned.
    def scan(prop: str, distinct: bool = False) -> list[tuple[str | None, ...]]:
        d = "DISTINCT " if distinct else ""
        return _rows(source, f"SELECT {d}?s ?o {{ ?s <{prop}> ?o }}")

    # types of everything: events, actors, places
    for x, t in scan(RDF_TYPE, distinct=True):
        if x is None or t is None:
            continue
        if t in event_classes:
            ev = snap.events.get(x)
            if ev is None:
                ev = snap.events[x] = Event(x)
            ev.types.add(t)
        elif t in actor_classes or t in place_classes:
            ent = snap.entities.get(x)
            if ent is None:
                ent = snap.entities[x] = Entity(x)
            ent.types.add(t)
            ent.is_actor |= t in actor_classes
            ent.is_place |= t in place_classes
    events = snap.events

    for e, doc in scan(PROV_DERIVED):
        ev = events.get(e or "")
        if ev is not None and doc and not ev.doc:
            ev.doc = doc
    for e, date in scan(str(CKG.date)):
        ev = events.get(e or "")
        if ev is not None and date and (not ev.date or len(date) > len(ev.date)):
            ev.date = date
    for e, conf in scan(str(CKG.confidence)):
        ev = events.get(e or "")
        if ev is not None and conf and ev.confidence is None:
            with contextlib.suppress(ValueError):
                ev.confidence = float(conf)
    for e, x in scan(str(CKG.about)):
        ev = events.get(e or "")
        if ev is not None and x and x not in ev.about:
            ev.about.append(x)
    for e, x in scan(str(CKG.partOf)):
        ev = events.get(e or "")
        if ev is not None and x:
            ev.part_of = x

    # roles, by property (sub-properties included)
    role_props: set[str] = set()
    for base in (*ROLE_BASES, *PLACE_ROLES):
        role_props |= h.subproperties(str(base))
    for p in sorted(role_props):
        for e, x in scan(p):
            ev = events.get(e or "")
            if ev is not None and x and (p, x) not in ev.roles:
                ev.roles.append((p, x))

    if evidence:
        for e, q in scan(str(CKG.evidence)):
            ev = events.get(e or "")
            if ev is not None and q and q not in ev.evidence:
                ev.evidence.append(q)
        snap.has_evidence = True

    # labels of everything (events, actors, places), then aliases
    for x, lab in scan(RDFS_LABEL, distinct=True):
        if not x or not lab:
            continue
        ev = events.get(x)
        if ev is not None:
            if not ev.label:
                ev.label = lab
            continue
        ent = snap.entities.get(x)
        if ent is None:
            continue
        if not ent.label or lab < ent.label:
            if ent.label:
                ent.aliases.add(ent.label)
            ent.label = lab
        else:
            ent.aliases.add(lab)
    for x, lab in scan(SKOS_ALT, distinct=True):
        ent = snap.entities.get(x or "")
        if ent is not None and lab:
            ent.aliases.add(lab)
    for ent in snap.entities.values():
        ent.aliases.discard(ent.label)

    rel_props: set[str] = set()
    for base in ENTITY_RELATIONS:
        rel_props |= h.subproperties(str(base))
    for p in sorted(rel_props):
        for x, o in scan(p, distinct=True):
            if x and o and x in snap.entities and o in snap.entities:
                snap.relations.append((x, p, o))

    for d, ident, src, title, issued in _rows(
        source,
        """SELECT ?d ?id ?src ?title ?issued { ?d a ckg:Document
          OPTIONAL { ?d dcterms:identifier ?id } OPTIONAL { ?d dcterms:publisher ?src }
          OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:issued ?issued } }""",
    ):
        if d and d not in snap.docs:
            snap.docs[d] = Document(d, ident or "", src or "", title or "", issued)
    return snap


def snapshot(data: Any, *, evidence: bool = True) -> Snapshot:
    """``data`` itself if it is a :class:`Snapshot`, else :func:`load` it."""
    if isinstance(data, Snapshot):
        return data
    if not hasattr(data, "select"):
        raise KGError(
            f"cannot analyse {type(data).__name__}: give a Store, a RemoteStore or a Snapshot"
        )
    return load(data, evidence=evidence)
