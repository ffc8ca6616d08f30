"""What extraction knows about each event class, read from the class description generated
from the ontology (never a list of class names in code).

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

from kg.errors import KGError

_FILE = Path(__file__).parent / "data" / "event_classes.json"


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, Any]]:
    return dict(json.loads(_FILE.read_text(encoding="utf-8"))["classes"])


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    return {k: v for k, v in _all().items() if v.get("event")}


def known(cls: str) -> bool:
    """Whether ``cls`` is an event class of the ontology (a local name)."""
    return cls in _table()


def is_a(cls: str, general: str) -> bool:
    """Whether ``cls`` (any class of the ontology: actors, places, events) is ``general``
    or lies under it; unknown classes lie under nothing.

    >>> is_a("StateForce", "Organization"), is_a("Person", "Organization")
    (True, False)
    """
    row = _all().get(cls)
    return cls == general or (row is not None and general in row["ancestors"])


def _row(cls: str) -> dict[str, Any]:
    try:
        return _table()[cls]
    except KeyError:
        raise KGError(
            f"{cls!r} is not an event class of the ontology: use one of "
            f"{', '.join(sorted(_table()))} (ontology/conflict.ttl)"
        ) from None


def depth(cls: str) -> int:
    """How deep the class sits under ``ckg:Event`` (its top classes are 1): specificity."""
    return int(_row(cls)["depth"])


def ancestors(cls: str) -> list[str]:
    """The classes above ``cls``, nearest first, up to (not including) ``ckg:Event``."""
    return list(_row(cls)["ancestors"])


def family(cls: str) -> str:
    """The class right under ``ckg:Event`` that ``cls`` lies under (ACLED's event type)."""
    return str(_row(cls)["family"])


def subsumes(general: str, specific: str) -> bool:
    """Whether ``specific`` is ``general`` or one of its sub-classes."""
    return general == specific or general in ancestors(specific)


def is_violent(cls: str) -> bool:
    """Attacks, battles and security operations (not statements, protests, arrests)."""
    return _row(cls)["kind"] == "violent"


def is_speech(cls: str) -> bool:
    """Communicative acts: ``ckg:Statement`` and its sub-classes."""
    return _row(cls)["kind"] == "speech"


def label(cls: str) -> str:
    """The class's English label from the ontology."""
    return str(_row(cls)["label"])


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


def coref_compatible(a: str, b: str) -> bool:
    """Whether mentions of classes ``a`` and ``b`` may tell one event (their families agree,
    or one is generic and the other not kept apart)."""
    fa, fb = behaviour(a, "coref_family"), behaviour(b, "coref_family")
    if fa == fb:
        return True
    rules = _roles()["coref"]
    generic, apart = set(rules["generic"]), set(rules["apart"])
    return bool({fa, fb} & generic) and not ({fa, fb} & apart)


def coref_close(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same kind of event, or a pair told as one incident."""
    fa, fb = behaviour(a, "coref_family"), behaviour(b, "coref_family")
    return fa == fb or any({fa, fb} == set(p) for p in _roles()["coref"]["close"])
