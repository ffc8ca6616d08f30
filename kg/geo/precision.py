"""Coordinates for every place of an extraction, and the geo-precision of each event.

Geo-precision follows the code conflict monitors publish with each event (ACLED codebook,
"geo_precision"; UCDP GED's ``where_prec`` is finer but similar): **1** the event happened in
the town (or a site or neighbourhood of it) whose coordinates are given; **2** near a town, or
somewhere in a small area such as a district; **3** only the province (first-level division)
or the country is known, and the coordinates are its representative point.

>>> from kg.records import Article, EntityRecord, EventRecord, Extraction
>>> x = Extraction(Article(id="d", text="Shelling near Turbat."))
>>> x.entities["t"] = EntityRecord("t", "Turbat", ("Settlement",), is_place=True, lat=26.0,
...     lon=63.05, feature="place", mentions=[Span(14, 20, "Turbat")])
>>> ev = EventRecord("e1", ("Attack",), "shelling", roles={"location": ["t"]})
>>> geo_precision(ev, x, x.article.text)
2
"""

from __future__ import annotations

import re
from collections import Counter

from kg.event_classes import place_classes
from kg.records import EntityRecord, EventRecord, Extraction, Span

_PRECISION = {"place": 1, "site": 1, "admin2": 2, "admin1": 3, "country": 3}
_NEAR = re.compile(
    r"\b(near|outside|close to|on the outskirts of|outskirts of|north of|south of|east of|"
    r"west of|km from|kilometres from|kilometers from|miles from|road to|road from|between)"
    r"\s+(the\s+)?(\w+\s+){0,2}$",
    re.I,
)
_SENT_END = re.compile(r"[.!?]\s+|\n")


def geo_precision(ev: EventRecord, x: Extraction, text: str) -> int | None:
    """ACLED's geo-precision code (1, 2 or 3) of an event's location; None without one."""
    locs = ev.roles.get("location") or []
    if not locs or locs[0] not in x.entities:
        return None
    e = x.entities[locs[0]]
    code = _code(e, x)
    if code is None:
        return None
    if code == 1 and any(_NEAR.search(text[max(0, m.start - 40) : m.start]) for m in _in(e, ev)):
        code = 2
    return code


def _in(e: EntityRecord, ev: EventRecord) -> list[Span]:
    """The mentions of ``e`` inside the event's evidence (all its mentions if none are)."""
    inside = [m for m in e.mentions if any(s.start <= m.start < s.end for s in ev.evidence)]
    return inside or e.mentions


def _code(e: EntityRecord, x: Extraction, depth: int = 0) -> int | None:
    if e.feature in _PRECISION:
        return _PRECISION[e.feature]
    if e.lat is None or depth > 4:
        return None
    # a place the gazetteer lacks: as precise as the place it lies in, a district at best
    for prop, other in e.relations:
        if prop == "locatedIn" and other in x.entities:
            inner = _code(x.entities[other], x, depth + 1)
            if inner is not None:
                return max(inner, 2) if "district" in e.label.lower() else inner
    return 3


def locate_places(x: Extraction) -> None:
    """Give every place of ``x`` WGS84 coordinates.

    Gazetteer places already carry theirs. A place the gazetteer lacks takes the point of
    the place it lies in (``ckg:locatedIn``, from "X district, Y province" and the like);
    failing that, of the most precise division named in the same sentence, or of the country
    the report is about (:func:`_main_country`), and is recorded as lying there.
    """
    text = x.article.text
    known = [e for e in x.entities.values() if is_place(e) and e.lat is not None]
    only_country = _main_country(x, known)
    for e in list(x.entities.values()):
        if not is_place(e) or e.lat is not None:
            continue
        container = _container(e, x, set())
        if container is None:
            container = _same_sentence_division(e, known, text)
            if container is None and only_country is not None:
                container = x.entities[only_country]
            if container is not None and container.key != e.key:
                e.relations.append(("locatedIn", container.key))
        if container is not None:
            e.lat, e.lon = container.lat, container.lon


def _main_country(x: Extraction, known: list[EntityRecord]) -> str | None:
    """The country the report is about: the one most of its place mentions lie in (more than
    all the others together); with no known place, the one country whose forces, government
    or groups it names."""
    places: Counter[str] = Counter()
    for e in known:
        for c in _countries(e, x):
            places[c] += len(e.mentions)
    if places:
        (top, n), *rest = places.most_common()
        return top if n > sum(m for _c, m in rest) else None
    actors = {
        o
        for e in x.entities.values()
        if e.mentions and not is_place(e)
        for p, o in e.relations
        if p in ("partOf", "basedIn") and o in x.entities and x.entities[o].feature == "country"
    }
    return next(iter(actors)) if len(actors) == 1 else None


def is_place(e: EntityRecord) -> bool:
    """A place: flagged so, or typed with a place class (a site such as "a checkpoint in
    Kabul" that the record builder made).

    >>> is_place(EntityRecord("s", "checkpoint in Kabul", ("Site",)))
    True
    """
    return e.is_place or bool(place_classes() & set(e.types))


def _countries(e: EntityRecord, x: Extraction) -> set[str]:
    out, todo, seen = set(), [e], {e.key}
    while todo:
        n = todo.pop()
        if n.feature == "country":
            out.add(n.key)
        for prop, other in n.relations:
            if prop in ("locatedIn", "partOf") and other in x.entities and other not in seen:
                seen.add(other)
                todo.append(x.entities[other])
    return out


def _container(e: EntityRecord, x: Extraction, seen: set[str]) -> EntityRecord | None:
    for prop, other in e.relations:
        if prop == "locatedIn" and other in x.entities and other not in seen:
            o = x.entities[other]
            if o.lat is not None:
                return o
            seen.add(other)
            found = _container(o, x, seen)
            if found is not None:
                return found
    return None


def _same_sentence_division(
    e: EntityRecord, known: list[EntityRecord], text: str
) -> EntityRecord | None:
    best: tuple[int, EntityRecord] | None = None
    for m in e.mentions:
        a = max((s.end() for s in _SENT_END.finditer(text, 0, m.start)), default=0)
        nxt = _SENT_END.search(text, m.end)
        b = nxt.start() if nxt else len(text)
        for k in known:
            if k.feature not in ("admin1", "admin2", "country"):
                continue
            if any(a <= km.start < b for km in k.mentions):
                rank = {"admin2": 0, "admin1": 1, "country": 2}[k.feature]
                if best is None or rank < best[0]:
                    best = (rank, k)
    return best[1] if best else None
