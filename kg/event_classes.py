"""What the code knows about each event class, generated from the ontology.

One description per class under ``ckg:Event``: label, parent, ancestors, depth, family
(its class directly under ``ckg:Event``: Attack, Battle, Protest, Riot, Statement, ...) and
kind (``violent``, ``speech`` or ``other``). ``python -m kg.tools.genvocab`` writes it to
``kg/event_classes.json`` from ``ontology/conflict.ttl``; ``tests/unit/test_vocab.py`` fails
when it is stale. Analysis, views, the notebook API and extraction read it here instead of
listing class names.

This module imports only the standard library (no rdflib): the extraction layer, which
never imports the RDF layer, reads it too. Names are the classes' local names
(``"SuicideBombing"``); :func:`get` also takes full IRIs. The same file lists the place
classes (:func:`place_classes`), which extraction needs as one set too.

>>> get("SuicideBombing").family, get("SuicideBombing").kind, get("SuicideBombing").depth
('Attack', 'violent', 4)
>>> get("https://w3id.org/conflict-kg/ontology#Denial").ancestors
('Statement', 'Event')
>>> sorted(c.name for c in of_kind("speech"))[:3]
['Accusation', 'Appeal', 'Attribution']
>>> get("SuicideBomb")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.event_classes.UnknownEventClass: no event class 'SuicideBomb' in the ontology (did you mean ...?)
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from kg.errors import KGError

NS = "https://w3id.org/conflict-kg/ontology#"
DATA_FILE = "event_classes.json"  # in the kg package, written by kg.tools.genvocab

Kind = Literal["violent", "speech", "other"]


class UnknownEventClass(KGError, KeyError):
    """A name that is not an event class of the ontology."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True)
class EventClass:
    """One event class of the ontology (see the module docstring for the fields)."""

    name: str
    iri: str
    label: str
    short: str  # the class's short name in lower case ("claim", "air strike")
    parent: str | None
    ancestors: tuple[str, ...]  # nearest first, ending with the root "Event"
    depth: int  # the root is 0; more specific classes are deeper
    family: str
    kind: Kind

    @property
    def lineage(self) -> tuple[str, ...]:
        """The class and its ancestors, most specific first."""
        return (self.name, *self.ancestors)

    def is_a(self, other: str) -> bool:
        """Whether this class is ``other`` or one of its subclasses."""
        return _local(other) in self.lineage


def _local(name: str) -> str:
    return name[len(NS) :] if name.startswith(NS) else name


@cache
def _data() -> dict[str, object]:
    text = resources.files("kg").joinpath(DATA_FILE).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def event_classes() -> Mapping[str, EventClass]:
    """Every event class by local name (the root ``Event`` included)."""
    raw = _data()["classes"]
    assert isinstance(raw, dict)
    return {
        name: EventClass(
            name=name,
            iri=d["iri"],
            label=d["label"],
            short=d["short"],
            parent=d["parent"],
            ancestors=tuple(d["ancestors"]),
            depth=d["depth"],
            family=d["family"],
            kind=d["kind"],
        )
        for name, d in raw.items()
    }


def root() -> EventClass:
    """The root class, ``ckg:Event``."""
    return get(str(_data()["root"]))


def get(name: str) -> EventClass:
    """The class called ``name`` (local name or IRI); :class:`UnknownEventClass` otherwise."""
    classes = event_classes()
    found = classes.get(_local(name))
    if found is None:
        close = difflib.get_close_matches(_local(name), list(classes), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UnknownEventClass(f"no event class {name!r} in the ontology{hint}")
    return found


def is_event_class(name: str) -> bool:
    """Whether ``name`` (local name or IRI) is an event class of the ontology."""
    return _local(name) in event_classes()


def of_kind(kind: Kind) -> tuple[EventClass, ...]:
    """The classes of one kind, most specific first (then by name)."""
    return tuple(
        sorted(
            (c for c in event_classes().values() if c.kind == kind),
            key=lambda c: (-c.depth, c.name),
        )
    )


def most_specific(names: Iterable[str]) -> EventClass | None:
    """The deepest event class among ``names`` (ties by name); ``None`` if there is none.

    >>> most_specific(["Attack", "Bombing", "http://x/NotAClass"]).name
    'Bombing'
    """
    known = [event_classes()[n] for n in map(_local, names) if n in event_classes()]
    return min(known, key=lambda c: (-c.depth, c.name), default=None)


@cache
def place_classes() -> frozenset[str]:
    """The local names of ``ckg:Place`` and its subclasses (Country, AdminRegion, ...).

    >>> {"Place", "Country", "Settlement"} <= place_classes()
    True
    """
    raw = _data()["place_classes"]
    assert isinstance(raw, list)
    return frozenset(raw)


@cache
def _actor_lineages() -> Mapping[str, tuple[str, ...]]:
    raw = _data()["actor_classes"]
    assert isinstance(raw, dict)
    return {name: tuple(above) for name, above in raw.items()}


def actor_is_a(name: str, general: str) -> bool:
    """Whether the actor class ``name`` (local name) is ``general`` or lies under it; names
    that are not actor classes lie under nothing.

    >>> actor_is_a("StateForce", "Organization"), actor_is_a("Person", "Organization")
    (True, False)
    """
    name, general = _local(name), _local(general)
    return name == general or general in _actor_lineages().get(name, ())


def kinds(names: Iterable[str]) -> frozenset[str]:
    """The kinds of the event classes among ``names`` (others are ignored).

    >>> sorted(kinds(["Bombing", "https://w3id.org/conflict-kg/ontology#Denial", "Person"]))
    ['speech', 'violent']
    """
    classes = event_classes()
    return frozenset(classes[n].kind for n in map(_local, names) if n in classes)


def short_names(names: Iterable[str]) -> frozenset[str]:
    """The short names of the event classes among ``names`` and of all their ancestors.

    >>> sorted(short_names(["ClaimOfResponsibility"]))
    ['claim', 'event', 'statement']
    """
    classes = event_classes()
    return frozenset(
        classes[c].short for n in map(_local, names) if n in classes for c in classes[n].lineage
    )
