"""The most specific class of an event, decided the way event coders decide it.

A trigger names a class (``exploded``: Bombing, ``attacked``: Attack, ``protested``:
Protest); what the event's clauses say refines it: the weapon (``a roadside bomb``, ``a
drone``, ``mortar shells``), how it went (``without a fight``, ``tear gas``), who suffered it
(civilians, a state's forces, a named person) and who did it (a state, an armed group). The
rules are data (``kg/extract/data/class_rules.json``), the same for every language: the
language pack only says which words are which cues.

>>> f = Features(base={"Attack"}, cues={"planted_explosive", "explosive"}, victims={"state_force"})
>>> decide(f)
('RemoteExplosiveAttack', [])
>>> decide(Features(base={"Attack"}, victims={"civilians"}))
('AttackOnCivilians', [])
>>> decide(Features(base={"Protest"}, cues={"intervention"}))
('ProtestWithIntervention', [])
>>> decide(Features(base={"Attack"}, cues={"drone"}, victims={"person"}, harm={"killed"}))
('DroneStrike', ['Assassination'])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract import classes
from kg.extract.groups import is_placeholder
from kg.records import EntityRecord

_RULES = Path(__file__).parent / "data" / "class_rules.json"

# ontology types of actors -> the kinds the rules speak of (most specific first)
_VICTIM_KINDS = (
    ("Civilians", "civilians"),
    ("Protesters", "protesters"),
    ("Person", "person"),
    ("StateForce", "state_force"),
    ("GovernmentAgency", "state_force"),
    ("ArmedGroup", "armed"),
    ("Site", "facility"),
)
_STATE = ("StateForce", "State", "Government", "GovernmentAgency", "IntelligenceAgency")


def is_state_type(actor_type: str) -> bool:
    """Whether an actor class is a state's: the state, its government, forces or agencies.

    >>> is_state_type("StateForce"), is_state_type("RebelGroup")
    (True, False)
    """
    return any(classes.is_a(actor_type, s) for s in _STATE)


def is_nonstate_armed(actor_type: str) -> bool:
    """Whether an actor class is an armed group no state's (ACLED's non-state actors).

    >>> is_nonstate_armed("RebelGroup"), is_nonstate_armed("StateForce"), is_nonstate_armed("")
    (True, False, False)
    """
    # ontology actor class (ckg:ArmedGroup)
    return (
        bool(actor_type)
        and classes.is_a(actor_type, "ArmedGroup")
        and not is_state_type(actor_type)
    )


@dataclass
class Features:
    """What an event's class is decided by."""

    base: set[str]  # the classes its triggers named
    cues: set[str] = field(default_factory=set)
    victims: set[str] = field(default_factory=set)
    doers: set[str] = field(default_factory=set)
    harm: set[str] = field(default_factory=set)  # "killed", "hurt"


@lru_cache(maxsize=1)
def _rules() -> list[dict[str, Any]]:
    rules = json.loads(_RULES.read_text(encoding="utf-8"))["rules"]
    for i, rule in enumerate(rules):
        for cls in [rule["class"], *rule.get("from", [])]:
            if not classes.known(cls):
                raise ValueError(f"{_RULES.name} rule {i}: {cls!r} is not an event class")
    return list(rules)


def _holds(rule: dict[str, Any], f: Features) -> bool:
    if not any(classes.subsumes(top, b) for top in rule.get("from", []) for b in f.base):
        return False
    if "cues_any" in rule and not f.cues & set(rule["cues_any"]):
        return False
    if f.cues & set(rule.get("cues_none", [])):
        return False
    if "victims_any" in rule and not f.victims & set(rule["victims_any"]):
        return False
    if f.victims & set(rule.get("victims_none", [])):
        return False
    if "doers_any" in rule and not f.doers & set(rule["doers_any"]):
        return False
    if f.doers & set(rule.get("doers_none", [])):
        return False
    if f.harm & set(rule.get("harm_none", [])):
        return False
    harm = rule.get("harm")
    if harm == "none":
        return not f.harm
    return harm is None or harm in f.harm


def decide(f: Features) -> tuple[str | None, list[str]]:
    """The event's class (``None``: no rule holds, keep the trigger's) and the further
    classes rules add (an assassination by a drone strike is both)."""
    added: list[str] = []
    for rule in _rules():
        if _holds(rule, f):
            if rule.get("add"):
                if rule["class"] not in added:
                    added.append(rule["class"])
                continue
            return rule["class"], [c for c in added if c != rule["class"]]
    if added:
        return added[0], added[1:]
    return None, []


def _is_state_part(e: EntityRecord, entities: dict[str, EntityRecord]) -> bool:
    """An organisation that is part of a state (``Afghan National Police``)."""
    for prop, other in e.relations:
        o = entities.get(other)
        if prop == "partOf" and o is not None and any(classes.is_a(t, "State") for t in o.types):
            return True
    return False


def actor_kinds(
    keys: list[str], entities: dict[str, EntityRecord], sites: dict[str, str] | None = None
) -> set[str]:
    """The kinds of the actors and sites ``keys`` name (civilians, state_force, armed,
    person, facility); ``sites`` says which sites are civilian (a market, a camp for
    displaced people: attacking one is attacking civilians)."""
    out: set[str] = set()
    for k in keys:
        e = entities.get(k)
        if e is None:
            continue
        if sites and sites.get(k) == "civilian":
            out.add("civilians")
            continue
        for general, kind in _VICTIM_KINDS:
            if any(classes.is_a(t, general) for t in e.types):
                out.add(kind)
                break
        else:
            if _is_state_part(e, entities):
                out.add("state_force")
    return out


def doer_kinds(
    keys: list[str], entities: dict[str, EntityRecord], on: str | None = None
) -> set[str]:
    """``state`` for a state, its government, forces or agencies; ``nonstate`` for armed
    groups (named or not), and for a group that became a state authority after the event's
    date ``on`` (ISO, any precision; the Taliban before 15 August 2021); ``crowd`` for
    protesters and rioters; ``party`` for political parties."""
    from kg.extract.gazetteer import Gazetteer

    out: set[str] = set()
    gaz = Gazetteer.load()
    for k in keys:
        e = entities.get(k)
        if e is None:
            out.add("nonstate") if is_placeholder(k) else None
            continue
        since = gaz[k].state_since if on and k in gaz else None
        if since and on and on[: len(since)] < since[: len(on)]:
            out.add("nonstate")
            continue
        if any(is_state_type(t) for t in e.types) or _is_state_part(e, entities):
            out.add("state")
        elif any(classes.is_a(t, "ArmedGroup") for t in e.types):
            out.add("nonstate")
        elif set(e.types) & _CROWDS:
            out.add("crowd")
        elif set(e.types) & _PARTIES:
            out.add("party")
    return out


# the actor types of a crowd (ACLED's Protesters and Rioters), and of parties, whose
# supporters' brawls ACLED codes as mob violence
_CROWDS = frozenset({"Protesters", "Rioters"})
_PARTIES = frozenset({"PoliticalParty"})
