"""One description of each event class (``kg/event_classes.json``, generated from the
ontology), and no event class named anywhere else in the package's Python."""

from __future__ import annotations

import ast
import difflib
import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg import event_classes
from kg.tools import genvocab
from kg.views.style import STYLE_FILE
from tests.support import ONTOLOGY_DIR, ROOT

NS = "https://w3id.org/conflict-kg/ontology#"

# Files where naming classes is their job: the generated namespace, the generator's rules
# (checked against the ontology when it runs) and the toy graphs the doctests build.
NAMING_CLASSES_IS_THEIR_JOB = ("kg/vocab.py", "kg/tools/genvocab.py", "kg/analysis/testing.py")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "conflict.ttl", format="turtle")


def ontology_event_classes(g: Graph) -> set[str]:
    out, todo = set(), [URIRef(NS + "Event")]
    while todo:
        c = todo.pop()
        out.add(str(c)[len(NS) :])
        todo.extend(s for s in g.subjects(RDFS.subClassOf, c) if str(s).startswith(NS))
    return out


def test_every_event_class_of_the_ontology_is_described(ontology: Graph) -> None:
    described = event_classes.event_classes()
    assert set(described) == ontology_event_classes(ontology)
    for c in described.values():
        assert (URIRef(c.iri), RDF.type, OWL.Class) in ontology
        assert c.depth == len(c.ancestors) and (c.parent is None) == (c.name == "Event")
        if c.parent is not None:
            assert (URIRef(c.iri), RDFS.subClassOf, URIRef(NS + c.parent)) in ontology
            assert c.ancestors[0] == c.parent and c.ancestors[-1] == "Event"
            assert c.family == (c.lineage[-2])
            parent = described[c.parent]
            # a class keeps its parent's kind unless it roots a kind of its own
            assert c.kind == parent.kind or c.name in genvocab.KIND_ROOTS[c.kind]


def test_kinds_follow_the_hierarchy() -> None:
    get = event_classes.get
    assert get("SuicideBombing").kind == get("ArmedClash").kind == "violent"
    assert get("ClaimOfResponsibility").kind == "speech" and get("Arrest").kind == "other"
    assert get("ExcessiveForceAgainstProtesters").kind == "violent"  # ACLED: political violence
    assert get("PeacefulProtest").kind == "other"
    assert [c.name for c in event_classes.of_kind("speech")][-1] == "Statement"
    assert get("ClaimOfResponsibility").short == "claim"  # its skos:altLabel
    with pytest.raises(KeyError, match="did you mean SuicideBombing"):
        get("SuicideBomb")


def test_the_description_loads_without_rdflib() -> None:
    """Extraction reads it and never imports the RDF layer: stdlib and kg.errors only."""
    for module in ("event_classes.py", "errors.py"):
        tree = ast.parse((ROOT / "kg" / module).read_text(encoding="utf-8"))
        imported = {
            (n.module or "") if isinstance(n, ast.ImportFrom) else a.name
            for n in ast.walk(tree)
            if isinstance(n, ast.Import | ast.ImportFrom)
            for a in n.names
        }
        third_party = {m for m in imported if m.split(".")[0] not in _STDLIB | {"kg", "__future__"}}
        assert not third_party, f"kg/{module} imports {third_party}"


_STDLIB = {
    "collections", "dataclasses", "difflib", "functools", "importlib", "json", "typing",
}  # fmt: skip


def _python_files() -> list[Path]:
    return [
        p
        for p in sorted((ROOT / "kg").rglob("*.py"))
        if str(p.relative_to(ROOT)) not in NAMING_CLASSES_IS_THEIR_JOB
    ]


def test_no_event_class_is_named_in_python_outside_the_generated_data() -> None:
    """A class named in code (a string, or ``CKG.X``) drifts from the ontology: read
    :mod:`kg.event_classes` instead. A name the ontology lacks (a typo, a removed class)
    fails too. The root ``Event`` is not a particular class and may be named."""
    classes = set(event_classes.event_classes()) - {"Event"}
    problems = []
    for path in _python_files():
        rel = path.relative_to(ROOT)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                name = node.value
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "CKG"
            ):
                name = node.attr
            else:
                continue
            if name in classes:
                problems.append(f"{rel}:{node.lineno}: names the event class {name!r}")
            elif name.isidentifier() and name[:1].isupper():
                close = difflib.get_close_matches(name, classes, n=1, cutoff=0.85)
                if close:
                    problems.append(
                        f"{rel}:{node.lineno}: {name!r} is no event class of the ontology "
                        f"(did you mean {close[0]!r}?)"
                    )
    assert not problems, "\n".join(problems)


def test_the_style_table_names_only_classes_of_the_ontology(ontology: Graph) -> None:
    classes = {str(s)[len(NS) :] for s in ontology.subjects(RDF.type, OWL.Class)}
    data = json.loads(STYLE_FILE.read_text(encoding="utf-8"))
    named = [r["class"] for kind in ("actor", "event", "place") for r in data[kind]]
    assert named and not set(named) - classes, set(named) - classes
    for r in data["event"]:
        assert event_classes.is_event_class(r["class"]), r


def test_class_settings_of_the_rules_name_known_classes_and_group_kinds() -> None:
    """``nonstate_reading``, ``civilian_doers_as`` (kg/extract/data/event_roles.json) and the
    classes of ``verb_objects`` (lang/en/triggers.json) name what exists: a typo would only
    show as a wrong reading of some report."""
    from kg.extract import classes
    from kg.extract.entities import GROUP_KINDS

    roles = json.loads((ROOT / "kg/extract/data/event_roles.json").read_text(encoding="utf-8"))
    for cls, row in roles["behaviour"].items():
        if cls.startswith("_"):
            continue
        reading = row.get("nonstate_reading")
        assert reading is None or classes.known(reading), (cls, reading)
        kind = row.get("civilian_doers_as")
        assert kind is None or kind in GROUP_KINDS, (cls, kind, sorted(GROUP_KINDS))
    triggers = json.loads((ROOT / "kg/extract/lang/en/triggers.json").read_text(encoding="utf-8"))
    for noun, (cls, verbs) in triggers["verb_objects"].items():
        assert not noun.startswith("_") and classes.known(cls) and verbs, (noun, cls)
