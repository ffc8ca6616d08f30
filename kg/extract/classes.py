"""What extraction knows about each event class: the class description generated from the
ontology (:mod:`kg.event_classes`) and how extraction treats each class
(``data/event_roles.json``); never a list of class names in code.

>>> depth("SuicideBombing") > depth("Bombing") > depth("Attack")
True
>>> is_violent("AirStrike"), is_speech("ClaimOfResponsibility"), is_speech("Arrest")
(True, True, False)
>>> subsumes("Attack", "DroneStrike"), subsumes("DroneStrike", "Attack")
(True, False)
>>> label("ShellingOrMissileAttack")
'Shelling, artillery or missile attack'
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import event_classes
from kg.errors import KGError


def known(cls: str) -> bool:
    """Whether ``cls`` is an event class of the ontology (a local name)."""
    return cls != event_classes.root().name and event_classes.is_event_class(cls)


def is_a(cls: str, general: str) -> bool:
    """Whether ``cls`` (an actor, place or event class) is ``general`` or lies under it;
    unknown classes lie under nothing.

    >>> is_a("StateForce", "Organization"), is_a("Person", "Organization")
    (True, False)
    """
    if event_classes.is_event_class(cls):
        return event_classes.get(cls).is_a(general)
    return event_classes.actor_is_a(cls, general)


def _get(cls: str) -> event_classes.EventClass:
    try:
        return event_classes.get(cls)
    except event_classes.UnknownEventClass as err:
        raise KGError(f"{err}: use a class of ontology/conflict.ttl") from None


def depth(cls: str) -> int:
    """How deep the class sits under ``ckg:Event`` (its top classes are 1): specificity."""
    return _get(cls).depth


def ancestors(cls: str) -> list[str]:
    """The classes above ``cls``, nearest first, up to ``ckg:Event``."""
    return list(_get(cls).ancestors)


def family(cls: str) -> str:
    """The class right under ``ckg:Event`` that ``cls`` lies under (ACLED's event type)."""
    return _get(cls).family


def subsumes(general: str, specific: str) -> bool:
    """Whether ``specific`` is ``general`` or one of its sub-classes."""
    return _get(specific).is_a(general)


def is_violent(cls: str) -> bool:
    """Violent events: attacks, battles, riots, security operations (the class description's
    kind, after ACLED's political violence)."""
    return _get(cls).kind == "violent"


def is_speech(cls: str) -> bool:
    """Communicative acts: ``ckg:Statement`` and its sub-classes."""
    return _get(cls).kind == "speech"


def label(cls: str) -> str:
    """The class's English label from the ontology."""
    return _get(cls).label


# ---------------------------------------------------------------- behaviour in extraction

_ROLES_FILE = Path(__file__).parent / "data" / "event_roles.json"


@lru_cache(maxsize=1)
def _roles() -> dict[str, Any]:
    data = json.loads(_ROLES_FILE.read_text(encoding="utf-8"))
    for part, cls in data["named"].items():
        if cls != "Event" and not part.startswith("_") and not known(cls):
            raise KGError(f"{_ROLES_FILE.name}: named {part!r} is {cls!r}, not an event class")
    for cls in data["behaviour"]:
        if cls not in ("Event", "_doc") and not known(cls):
            raise KGError(f"{_ROLES_FILE.name}: behaviour of {cls!r}, not an event class")
    return dict(data)


def named(part: str) -> str:
    """The class that plays ``part`` in the rules (``"attribution"`` -> ``"Attribution"``).

    >>> named("claim")
    'ClaimOfResponsibility'
    """
    table = _roles()["named"]
    if part not in table:
        raise KGError(f"no class named {part!r} in {_ROLES_FILE.name}: use {sorted(table)}")
    return str(table[part])


@lru_cache(maxsize=4096)
def behaviour(cls: str, key: str) -> Any:
    """A setting of ``cls`` from its nearest ancestor that sets it (``ckg:Event`` last).

    >>> behaviour("Arrest", "subject"), behaviour("DroneStrike", "subject")
    ('agent', 'perpetrator')
    >>> behaviour("DroneStrike", "coref_family")
    'air'
    """
    table = _roles()["behaviour"]
    chain = [cls, *ancestors(cls), "Event"] if cls != "Event" else ["Event"]
    for c in chain:
        row = table.get(c, {})
        if key in row:
            return row[key]
    raise KGError(f"no behaviour {key!r} in {_ROLES_FILE.name}: add it under 'Event'")


def crowd_kinds(crowd: frozenset[str]) -> dict[str, str]:
    """The kinds of group (kg/extract/data/groups.json) that stage the ``crowd`` classes'
    events, each to its class (``civilian_doers_as``: protesters to Protest).

    >>> crowd_kinds(frozenset({"Protest"}))
    {'protesters': 'Protest'}
    """
    return {str(behaviour(c, "civilian_doers_as")): c for c in sorted(crowd)}


def coref_compatible(a: str, b: str) -> bool:
    """Whether mentions of classes ``a`` and ``b`` may tell one event (their families agree,
    or one is generic and the other not kept apart)."""
    fa, fb = behaviour(a, "coref_family"), behaviour(b, "coref_family")
    if fa == fb:
        return True
    rules = _roles()["coref"]
    generic, apart = set(rules["generic"]), set(rules["apart"])
    return bool({fa, fb} & generic) and not ({fa, fb} & apart)


def told_as(a: str, b: str) -> bool:
    """Whether a definite noun of class ``a`` may name an event of class ``b`` told before
    (the ``told_as`` pairs: "the operation" of arrests in raids).

    >>> told_as("SecurityOperation", "Arrest"), told_as("Arrest", "Protest")
    (True, False)
    """
    fa, fb = behaviour(a, "coref_family"), behaviour(b, "coref_family")
    return any({fa, fb} == set(p) for p in _roles()["coref"].get("told_as", []))


def coref_close(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same kind of event, or a pair told as one incident."""
    fa, fb = behaviour(a, "coref_family"), behaviour(b, "coref_family")
    return fa == fb or any({fa, fb} == set(p) for p in _roles()["coref"]["close"])
