"""Naming actors and events the way people do: by label or alias, with suggestions.

>>> from kg.analysis.testing import toy_store
>>> from kg.analysis.data import load
>>> snap = load(toy_store())
>>> resolve_actor(snap, "the a front")
'https://w3id.org/conflict-kg/id/group-a'
>>> resolve_actor(snap, "Group C")
Traceback (most recent call last):
...
kg.analysis.resolve.NameNotFound: no actor is called 'Group C'; did you mean: Group B, Group A?
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from kg import event_classes
from kg.analysis.data import Snapshot, local_name
from kg.errors import KGError

__all__ = ["AmbiguousName", "NameNotFound", "resolve_actor", "resolve_event"]


class NameNotFound(KGError):
    """No node has this name; the message lists close names."""


class AmbiguousName(KGError):
    """Several nodes have this name; the message lists them with their IRIs."""


def _names(snap: Snapshot, kind: str) -> dict[str, set[str]]:
    """Case-folded name -> IRIs, for actors (``kind="actor"``) or places."""
    out: dict[str, set[str]] = {}
    for ent in snap.entities.values():
        if (kind == "actor" and not ent.is_actor) or (kind == "place" and not ent.is_place):
            continue
        for n in {ent.label, *ent.aliases, local_name(ent.iri)}:
            if n:
                out.setdefault(n.casefold().strip(), set()).add(ent.iri)
    return out


def resolve_actor(snap: Snapshot, name: str, *, kind: str = "actor") -> str:
    """The IRI of the actor called ``name`` (its label, an alias, or its IRI).

    Matching ignores case. When nothing matches, :class:`NameNotFound` suggests close
    names (difflib); when several actors share the name, :class:`AmbiguousName` lists them.

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> from kg.analysis.data import load
    >>> resolve_actor(load(toy_store()), "GA").rsplit("/", 1)[1]
    'group-a'
    """
    key = name.strip()
    if key in snap.entities:
        return key
    names = _names(snap, kind)
    hits = names.get(key.casefold())
    if hits and len(hits) == 1:
        return next(iter(hits))
    if hits:
        listed = "; ".join(f"{snap.label(i)} <{i}>" for i in sorted(hits))
        raise AmbiguousName(f"{name!r} names {len(hits)} {kind}s: {listed}. Give the IRI.")
    close = difflib.get_close_matches(key.casefold(), list(names), n=8, cutoff=0.6)
    labels: list[str] = []
    for c in close:
        for i in sorted(names[c]):
            lab = snap.label(i)
            if lab not in labels:
                labels.append(lab)
    hint = f"; did you mean: {', '.join(labels[:5])}?" if labels else ""
    raise NameNotFound(f"no {kind} is called {name!r}{hint}")


_WORD = re.compile(r"\w+")


def _event_text(snap: Snapshot, iri: str) -> str:
    ev = snap.events[iri]
    places = [snap.label(x) for _p, x in ev.roles if snap.is_place(x)]
    types = [local_name(t) for t in ev.types]
    return " ".join([ev.label, *places, *types, ev.date or ""]).casefold()


def resolve_event(snap: Snapshot, text: str, *, statements: bool = False) -> str:
    """The IRI of the event described by ``text`` (its IRI, label, or words of it).

    Every word of ``text`` must occur in the event's label, place names, types or date
    (a trailing "s" is forgiven). Sub-events (``ckg:partOf``) give way to the event they
    are part of, and statements are skipped unless ``statements`` is true.

    Examples
    --------
    >>> from kg.analysis.testing import toy_store
    >>> from kg.analysis.data import load
    >>> resolve_event(load(toy_store()), "bombing town").rsplit("/", 2)[1:]
    ['d1', 'e1']
    """
    key = text.strip()
    if key in snap.events:
        return key
    words = [w.casefold().rstrip("s") for w in _WORD.findall(key)]
    if not words:
        raise NameNotFound("name the event: words of its label, place, type or date")
    hits = []
    for iri, ev in snap.events.items():
        if not statements and "speech" in event_classes.kinds(ev.types):
            continue
        hay = _event_text(snap, iri)
        if all(w in hay for w in words):
            hits.append(iri)
    top = [i for i in hits if snap.events[i].part_of not in hits]
    if len(top) == 1:
        return top[0]
    if not top:
        labels = sorted({snap.events[i].label for i in snap.events})
        close = difflib.get_close_matches(key, labels, n=5, cutoff=0.4)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise NameNotFound(f"no event matches {text!r}{hint}")
    listed = "; ".join(f"{snap.events[i].label} <{i}>" for i in sorted(top)[:10])
    raise AmbiguousName(
        f"{text!r} matches {len(top)} events: {listed}. Add words (place, date) or give the IRI."
    )


def describe(snap: Snapshot, iri: str) -> dict[str, Any]:
    """Label and IRI of a node, for tables."""
    return {"label": snap.label(iri), "iri": iri}
