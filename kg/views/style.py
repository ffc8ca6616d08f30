"""How nodes look: one shape and one colour per ontology class, and the legend.

Classes are tried most specific first; a node takes the style of the first class it is
(asserted or by ``rdfs:subClassOf``). Shapes are ones vis-network scales with ``size``.

>>> style_for(["https://w3id.org/conflict-kg/ontology#SuicideBombing"]).name
'SuicideBombing'
>>> style_for([], kind="place").shape
'triangleDown'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kg.analysis.data import CKG_NS, local_name


@dataclass(frozen=True)
class NodeStyle:
    """The look of one class: ``name`` (the class's local name), ``shape``, ``color``."""

    name: str
    shape: str
    color: str
    kind: str


_STYLES: tuple[NodeStyle, ...] = (
    # actors
    NodeStyle("Person", "dot", "#f28e2b", "actor"),
    NodeStyle("ArmedGroup", "triangle", "#d62728", "actor"),
    NodeStyle("IntelligenceAgency", "square", "#9467bd", "actor"),
    NodeStyle("Government", "square", "#1f77b4", "actor"),
    NodeStyle("MediaOutlet", "hexagon", "#7f7f7f", "actor"),
    NodeStyle("Organization", "square", "#17becf", "actor"),
    NodeStyle("State", "hexagon", "#3b4cc0", "actor"),
    NodeStyle("SocialGroup", "dot", "#2ca02c", "actor"),
    NodeStyle("Actor", "dot", "#9aa0a6", "actor"),
    # events
    NodeStyle("SuicideBombing", "diamond", "#8b0000", "event"),
    NodeStyle("Bombing", "diamond", "#c0392b", "event"),
    NodeStyle("AirStrike", "diamond", "#e67e22", "event"),
    NodeStyle("Assassination", "diamond", "#6d214f", "event"),
    NodeStyle("Attack", "diamond", "#e74c3c", "event"),
    NodeStyle("ArmedClash", "diamond", "#d35400", "event"),
    NodeStyle("Arrest", "diamond", "#f1c40f", "event"),
    NodeStyle("SecurityOperation", "diamond", "#16a085", "event"),
    NodeStyle("ClaimOfResponsibility", "star", "#8e44ad", "event"),
    NodeStyle("Attribution", "star", "#2980b9", "event"),
    NodeStyle("Denial", "star", "#95a5a6", "event"),
    NodeStyle("Accusation", "star", "#c2185b", "event"),
    NodeStyle("Statement", "star", "#5e35b1", "event"),
    NodeStyle("Event", "diamond", "#b0763b", "event"),
    # places
    NodeStyle("Country", "triangleDown", "#6d4c41", "place"),
    NodeStyle("AdminRegion", "triangleDown", "#8d6e63", "place"),
    NodeStyle("Settlement", "triangleDown", "#a1887f", "place"),
    NodeStyle("Site", "triangleDown", "#bcaaa4", "place"),
    NodeStyle("Place", "triangleDown", "#a1887f", "place"),
)
STYLES: dict[str, NodeStyle] = {s.name: s for s in _STYLES}
FALLBACK = {"actor": STYLES["Actor"], "event": STYLES["Event"], "place": STYLES["Place"]}
#: Community super-nodes and anything unclassified.
OTHER = NodeStyle("Other", "dot", "#bdbdbd", "other")


def style_for(types: Iterable[str], kind: str = "actor", hierarchy: Any = None) -> NodeStyle:
    """The style of a node with these class IRIs (or local names).

    With ``hierarchy`` (a :class:`kg.analysis.data.Hierarchy`) a class outside the table
    takes the style of its nearest styled super-class.
    """
    types = list(types)
    names = {local_name(t) for t in types}
    # an actor that is also a place (a State that is a Country) is drawn as what it is here
    for s in _STYLES:
        if s.kind == kind and s.name in names:
            return s
    if hierarchy is not None and types:
        iris = [t if "://" in t else CKG_NS + t for t in types]
        for s in _STYLES:
            if s.kind == kind and hierarchy.is_a(iris, CKG_NS + s.name):
                return s
    for s in _STYLES:
        if s.name in names:
            return s
    return FALLBACK.get(kind, OTHER)


def legend(used: Iterable[NodeStyle]) -> list[dict[str, str]]:
    """Legend entries (``name``, ``shape``, ``color``, ``kind``) for the styles in use,
    in table order."""
    seen = {s.name for s in used}
    return [
        {"name": s.name, "shape": s.shape, "color": s.color, "kind": s.kind}
        for s in (*_STYLES, OTHER)
        if s.name in seen
    ]


def svg_points(shape: str, cx: float = 8, cy: float = 8, r: float = 6) -> str:
    """The SVG ``points`` of a legend marker for shapes drawn as polygons ('' for circles).

    >>> svg_points("triangle")
    '8.0,2.0 13.2,11.0 2.8,11.0'
    """
    import math

    def poly(n: int, rot: float, rad: float = r) -> list[tuple[float, float]]:
        return [
            (
                cx + rad * math.cos(rot + 2 * math.pi * i / n),
                cy + rad * math.sin(rot + 2 * math.pi * i / n),
            )
            for i in range(n)
        ]

    if shape == "triangle":
        pts = poly(3, -math.pi / 2)
    elif shape == "triangleDown":
        pts = poly(3, math.pi / 2)
    elif shape == "square":
        pts = poly(4, math.pi / 4)
    elif shape == "diamond":
        pts = poly(4, 0)
    elif shape == "hexagon":
        pts = poly(6, 0)
    elif shape == "star":
        pts = []
        for i in range(10):
            rad = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + math.pi * i / 5
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    else:
        return ""
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
