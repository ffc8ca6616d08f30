"""Groups of people named by what they are: the node each becomes, in its country.

``Three police officers``, ``eight civilians``, ``gunmen``: the linker marks such phrases as
groups of a kind (``group:police``, ``group:civilians``, ``group:armed``; with the country of
a nationality that qualifies them, ``group:military@pakistan``). Here each becomes one node
per kind and country, named as conflict monitors name them (ACLED's actor names:
``Police Forces of Afghanistan``, ``Civilians (Nigeria)``, ``Unidentified Armed Group
(Mexico)``; ``kg/extract/data/groups.json``). The country is the nationality's, else the
country the document's places lie in. A state force is ``ckg:partOf`` its state.

>>> from kg.extract.gazetteer import Gazetteer, country_of
>>> node = group_node("group:police@afghanistan", None, Gazetteer.load())
>>> node.key, node.label, node.types  # the actor authority's node
('afghanistan-police', 'Police Forces of Afghanistan', ('StateForce',))
>>> Gazetteer.load()[node.key].relations["partOf"]
['afghanistan']
>>> group_node("group:civilians", "iran", Gazetteer.load()).label
'Civilians (Iran)'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.entities import GROUP_KINDS, GROUP_PREFIX, SITE_LOCATION, SITE_PREFIX
from kg.extract.gazetteer import Gazetteer, country_of
from kg.records import EntityRecord, Extraction
from kg.records import Span as TextSpan


@dataclass
class GroupNode:
    """The node a group becomes: key, label, ontology types and relations."""

    key: str
    label: str
    types: tuple[str, ...]
    relations: list[tuple[str, str]] = field(default_factory=list)


def is_placeholder(key: str) -> bool:
    """Whether ``key`` is a group or a site the linker marked, not yet a node."""
    return key.startswith((GROUP_PREFIX, SITE_PREFIX))


def site_node(
    placeholder: str,
    place: str | None,
    country: str | None,
    gaz: Gazetteer,
    entities: dict[str, EntityRecord],
) -> tuple[GroupNode, str]:
    """The node for a building or site (``site:<kind>:<name>``) in its event's ``place``
    (else its country), and its kind (``hard``: forces, state or business; ``civilian``).

    >>> node, kind = site_node("site:hard:hotel", "kabul-city", None, Gazetteer.load(), {})
    >>> node.key, node.label, node.relations, kind
    ('site/hotel-in-kabul', 'hotel in Kabul', [('locatedIn', 'kabul-city')], 'hard')
    """
    _, kind, name = placeholder.split(":", 2)
    for where in (place, country):
        if where is None:
            continue
        if where in entities:
            label = entities[where].label
        else:
            label = gaz[where].label if where in gaz else where
        full = f"{name} in {label}"
        return GroupNode(f"site/{_slug(full)}", full, ("Site",), [("locatedIn", where)]), kind
    return GroupNode(f"site/{_slug(name)}", name, ("Site",)), kind


def group_node(placeholder: str, country: str | None, gaz: Gazetteer) -> GroupNode:
    """The node for a group of ``placeholder``'s kind in ``country`` (a gazetteer key; its
    own nationality wins). Raises ``KeyError`` for a kind ``groups.json`` lacks."""
    kind, _, own = placeholder[len(GROUP_PREFIX) :].partition("@")
    row = GROUP_KINDS[kind]
    country = own or country
    if country is None or country not in gaz:
        return GroupNode(f"group/{_slug(row['alone'])}", row["alone"], (row["type"],))
    name = gaz[country].label
    label = row["label"].format(country=name)
    known = [k for k in gaz.lookup(label) if row["type"] in gaz[k].types]
    if known:  # the actor authority has it
        return GroupNode(sorted(known)[0], label, (row["type"],))
    rels = [("partOf", country)] if row["type"] == "StateForce" else []
    return GroupNode(f"group/{_slug(label)}", label, (row["type"],), rels)


def _slug(text: str) -> str:
    """A key's last part, readable and unique per name: ``Civilians (Iran)`` ->
    ``civilians-iran``."""
    return "-".join(re.findall(r"[^\W_]+", text.casefold()))


def document_country(
    places: Iterable[str], gaz: Gazetteer, located: dict[str, list[str]] | None = None
) -> str | None:
    """The country most of the document's places lie in (the first named on a tie), or
    ``None``; ``places`` are keys in text order."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, key in enumerate(places):
        c = country_of(key, gaz, located)
        if c is not None:
            votes[c] += 1
            first.setdefault(c, i)
    if not votes:
        return None
    return min(votes, key=lambda k: (-votes[k], first[k]))


class Groups:
    """The groups of one document: their mentions, and the nodes they become per event."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.mentions: dict[str, list[TextSpan]] = {}  # placeholder -> where the text says it
        self.located: dict[str, list[str]] = {}  # places the gazetteer lacks -> containers
        self.country: str | None = None  # the document's country
        self.site_kinds: dict[str, str] = {}  # site node -> "hard" or "civilian"

    def event_country(self, roles: dict[str, list[str]]) -> str | None:
        """The country of an event's location, else of the state that is its agent (a state
        that reports an arrest by its forces), else the document's."""
        for loc in roles.get("location", []):
            c = country_of(loc, self.gaz, self.located)
            if c is not None:
                return c
        for k in roles.get("agent", []):
            if k in self.gaz and "State" in self.gaz[k].types:
                return country_of(k, self.gaz) or self.country
        return self.country

    def resolve(
        self, roles: dict[str, list[str]], sentences: list[tuple[int, int]], x: Extraction
    ) -> None:
        """Replace the group placeholders of an event's ``roles`` by nodes of the event's
        country, adding them to ``x`` (with the mentions inside the event's ``sentences``)."""
        country = self.event_country(roles)
        if "location" in roles:
            roles["location"] = most_precise_first(roles["location"], self.gaz, x.entities)
        place = next(iter(roles.get("location", [])), None)
        for role, keys in roles.items():
            out = []
            for k in keys:
                if k.startswith(SITE_PREFIX):
                    node, kind = site_node(k, place, country, self.gaz, x.entities)
                    self.site_kinds[node.key] = kind
                    k = self._record(node, k, sentences, x)
                elif is_placeholder(k):
                    k = self._node(k, country, sentences, x)
                if k not in out:
                    out.append(k)
            roles[role] = out
        _at_site(roles, x)

    def _node(
        self, placeholder: str, country: str | None, sentences: list[tuple[int, int]], x: Extraction
    ) -> str:
        return self._record(group_node(placeholder, country, self.gaz), placeholder, sentences, x)

    def _record(
        self, node: GroupNode, placeholder: str, sentences: list[tuple[int, int]], x: Extraction
    ) -> str:
        """Add ``node`` to ``x`` once, with the placeholder's mentions inside ``sentences``."""
        rec = x.entities.get(node.key)
        if rec is None:
            if node.key in self.gaz:
                g = self.gaz[node.key]
                rels = [(p, o) for p, ts in g.relations.items() for o in ts]
                rec = EntityRecord(node.key, g.label, g.types, set(g.aliases), g.qid, rels)
            else:
                rec = EntityRecord(
                    node.key,
                    node.label,
                    node.types,
                    relations=list(node.relations),
                    from_gazetteer=False,
                )
            rec.named = False
            x.entities[node.key] = rec
        for m in self.mentions.get(placeholder, []):
            if any(a <= m.start < b for a, b in sentences) and m not in rec.mentions:
                rec.mentions.append(m)
                # what the text called them ("gunmen", "police officers"): a name seen
                words = " ".join(m.text.split()).lower()
                if words != rec.label.lower():
                    rec.aliases.add(words)
        return node.key


#: the gazetteer's kinds of place, most precise first (GeoNames: populated places, then
#: second- and first-order divisions, then countries); a place it lacks counts as a town
_PRECISION = {"site": 0, "place": 1, "": 1, "admin2": 2, "admin1": 3, "country": 4}


def most_precise_first(
    places: list[str], gaz: Gazetteer, found: dict[str, EntityRecord] | None = None
) -> list[str]:
    """An event's places, the most precise first (a town before its region: "outside his
    home in Afgooye, Lower Shabelle region"); among places of one kind, the one inside more
    of the others first ("Milimani village in Lamu East sub-county"), then in text order; a
    place the gazetteer lacks ranks by the type the text gave it (``found``: a region named
    as one, no wider than a town the text puts it in).

    >>> most_precise_first(["somalia", "so-afgooye-65785"], Gazetteer.load())
    ['so-afgooye-65785', 'somalia']
    """

    def rank(key: str, seen: frozenset[str] = frozenset()) -> int:
        if key.startswith(SITE_PREFIX):
            return 0
        e = gaz.get(key)
        if e is not None:
            return _PRECISION.get(e.kind, 1)
        rec = (found or {}).get(key)
        if rec is None or "AdminRegion" not in rec.types:
            return 1
        # a region the text puts inside a town ("Barangay Kapatagan, Digos City") is no
        # wider than the town
        inside = [o for p, o in rec.relations if p == "locatedIn" and o not in seen | {key}]
        return min([_PRECISION["admin1"], *(rank(o, seen | {key}) for o in inside)])

    listed = set(places)

    def inside(key: str, seen: frozenset[str] = frozenset()) -> set[str]:
        """The places listed that the text or the gazetteer puts ``key`` in ("Dakar's
        Colobane district": in Dakar; "Milimani village in Lamu East sub-county, Lamu
        county": in both)."""
        rec = (found or {}).get(key)
        around = {o for p, o in rec.relations if p == "locatedIn"} if rec is not None else set()
        around |= set(gaz.ancestors(key)) if key in gaz else set()
        out = around & listed
        for o in around - seen - {key}:
            out |= inside(o, seen | {key})
        return out

    return sorted(places, key=lambda k: (rank(k), -len(inside(k))))


def _at_site(roles: dict[str, list[str]], x: Extraction) -> None:
    """The site an event happened at (``SITE_LOCATION``) becomes its location, the most
    precise place the text gives (ckg:location), in place of the town it lies in ("a market
    in Kandahar", not Kandahar); the town stays what the site is ``locatedIn``. A site put
    nowhere, or in a place the event is not at, is left a target only."""
    sites = roles.pop(SITE_LOCATION, [])
    places = roles.get("location", [])
    for site in sites:
        rec = x.entities.get(site)
        if rec is None or "Site" not in rec.types:
            continue
        inside = [o for p, o in rec.relations if p == "locatedIn"]
        if not inside or not (set(inside) & set(places) or not places):
            continue
        roles["location"] = [site, *(p for p in places if p not in inside and p != site)]
        return
