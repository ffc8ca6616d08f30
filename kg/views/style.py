"""How nodes look: one shape and one colour per ontology class, and the legend.

The table is data (``kg/views/styles.json``), the one style of every graph drawing
(``kg viz``, ``kg serve``, the notebook). Classes are tried most specific first; a node
takes the style of the first class it is (asserted, by ``rdfs:subClassOf`` in the given
hierarchy, or, for events, by the ancestors in :mod:`kg.event_classes`). Shapes are ones
vis-network scales with ``size``.

>>> style_for(["https://w3id.org/conflict-kg/ontology#SuicideBombing"]).name
'SuicideBombing'
>>> style_for([], kind="place").shape
'triangleDown'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import event_classes
from kg.analysis.data import CKG_NS, local_name


@dataclass(frozen=True)
class NodeStyle:
    """The look of one class: ``name`` (the class's local name), ``shape``, ``color``."""

    name: str
    shape: str
    color: str
    kind: str


STYLE_FILE = Path(__file__).resolve().parent / "styles.json"


def _load_styles() -> tuple[tuple[NodeStyle, ...], NodeStyle]:
    """The styles of :data:`STYLE_FILE`: the class styles in table order, and ``Other``."""
    data = json.loads(STYLE_FILE.read_text(encoding="utf-8"))
    rows = [
        NodeStyle(r["class"], r["shape"], r["color"], kind)
        for kind in ("actor", "event", "place", "other")
        for r in data[kind]
    ]
    return tuple(r for r in rows if r.kind != "other"), next(r for r in rows if r.kind == "other")


_STYLES, OTHER = _load_styles()
STYLES: dict[str, NodeStyle] = {s.name: s for s in _STYLES}
#: The root class of each kind (the last, most general, row of its table) styles the rest.
FALLBACK = {
    k: next(s for s in reversed(_STYLES) if s.kind == k) for k in ("actor", "event", "place")
}


def style_for(types: Iterable[str], kind: str = "actor", hierarchy: Any = None) -> NodeStyle:
    """The style of a node with these class IRIs (or local names).

    With ``hierarchy`` (a :class:`kg.analysis.data.Hierarchy`) a class outside the table
    takes the style of its nearest styled super-class.
    """
    types = list(types)
    names = {local_name(t) for t in types}
    names |= {
        a for t in names if event_classes.is_event_class(t) for a in event_classes.get(t).lineage
    }
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
