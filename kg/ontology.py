"""Where the ontology's Turtle files are, and the ontology as an rdflib graph.

The Turtle files under ``ontology/`` are the source of truth; code reaches their terms
through :mod:`kg.vocab` (generated from them).

>>> any(f.name == "conflict.ttl" for f in ontology_files())
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KGError

SHAPES = "shapes.ttl"


def ontology_dir() -> Path:
    """The ``ontology/`` folder: ``$KG_ONTOLOGY_DIR`` or the one beside the package."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    d = Path(env) if env else Path(__file__).resolve().parents[1] / "ontology"
    if not (d / "conflict.ttl").is_file():
        raise KGError(
            f"the ontology is not at {d}: install conflict-kg from its source folder "
            "(pip install -e .) or set KG_ONTOLOGY_DIR to the folder holding conflict.ttl"
        )
    return d


def ontology_files(include_shapes: bool = True) -> list[Path]:
    """The ontology's Turtle files, ``conflict.ttl`` first."""
    d = ontology_dir()
    files = sorted(d.glob("*.ttl"), key=lambda f: (f.name != "conflict.ttl", f.name))
    return [f for f in files if include_shapes or f.name != SHAPES]


@lru_cache(maxsize=1)
def ontology_graph() -> Any:
    """The ontology (without SHACL shapes) as an rdflib ``Graph``, parsed once."""
    from rdflib import Graph

    g = Graph()
    for f in ontology_files(include_shapes=False):
        g.parse(f, format="turtle")
    return g
