"""What the rule tests ask of an extraction, shared by the English (frozen parses) and the
Dari/Pashto (parse-free) tests: the incidents read, the statements of a class, the one
incident of a text, the labels in a role, class membership."""

from __future__ import annotations

from kg.extract import classes
from kg.records import EventRecord, Extraction


def incidents(x: Extraction) -> list[EventRecord]:
    """The events read (not statements, not the parts of an event)."""
    return [e for e in x.events if not classes.is_speech(e.types[0]) and e.part_of is None]


def statements(x: Extraction, cls: str) -> list[EventRecord]:
    """The statements of class ``cls`` or below it."""
    return [
        e for e in x.events if classes.is_speech(e.types[0]) and classes.subsumes(cls, e.types[0])
    ]


def only(x: Extraction) -> EventRecord:
    """The one incident read (fails, listing every event, when there are more or none)."""
    found = incidents(x)
    assert len(found) == 1, [(e.types, e.roles) for e in x.events]
    return found[0]


def labels(x: Extraction, e: EventRecord, role: str) -> set[str]:
    """The labels of the entities in ``role`` of ``e``."""
    return {x.entities[k].label for k in e.roles.get(role, [])}


def towns(x: Extraction, e: EventRecord) -> set[str]:
    """Where ``e`` happened, named places as they are and a building or site of no name
    ("market in Tikrit", node ``site/...``) told as the places it is ``locatedIn``."""
    out = set()
    for k in e.roles.get("location", []):
        place = x.entities[k]
        inside = [o for p, o in place.relations if p == "locatedIn"]
        if k.startswith("site/") and inside:
            out |= {x.entities[o].label for o in inside}
        else:
            out.add(place.label)
    return out


def is_a(e: EventRecord, cls: str) -> bool:
    """Whether ``e`` is of class ``cls`` or below it, by any of its types."""
    return any(classes.subsumes(cls, t) for t in e.types)


def kinds(x: Extraction, e: EventRecord, role: str) -> list[tuple[str, ...]]:
    """The types of the entities in ``role`` of ``e``, in order."""
    return [x.entities[k].types for k in e.roles.get(role, [])]
