"""``kg/vocab.py`` and ``kg/event_classes.json`` are generated from the ontology and must not
go stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from kg import vocab  # the module, not its names: pytest probes module attributes
from kg.tools import genvocab

NS = "https://w3id.org/conflict-kg/ontology#"


def test_vocab_module_is_up_to_date() -> None:
    expected = genvocab.render()
    actual = Path(genvocab.TARGET).read_text(encoding="utf-8")
    assert actual == expected, (
        "kg/vocab.py is stale: run `python -m kg.tools.genvocab` after editing the ontology"
    )


def test_event_classes_file_is_up_to_date() -> None:
    expected = genvocab.render_event_classes()
    actual = genvocab.EVENT_CLASSES_TARGET.read_text(encoding="utf-8")
    assert actual == expected, (
        "kg/event_classes.json is stale: run `python -m kg.tools.genvocab` after editing the "
        "ontology"
    )


def test_check_mode_reports_stale_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert genvocab.main(["--check"]) == 0
    stale = tmp_path / "event_classes.json"
    stale.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(genvocab, "EVENT_CLASSES_TARGET", stale)
    monkeypatch.setattr(genvocab, "ROOT", tmp_path)
    assert genvocab.main(["--check"]) == 1
    assert stale.read_text(encoding="utf-8") == "{}"  # --check writes nothing


def test_every_class_and_property_is_an_attribute() -> None:
    g = Graph().parse(genvocab.ONTOLOGY_FILE, format="turtle")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}
    assert terms
    for term in terms:
        assert getattr(vocab.CKG, str(term)[len(NS) :]) == term


def test_unknown_terms_fail_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = vocab.CKG.SuicideBomb


def test_ontology_iri_is_the_declared_ontology() -> None:
    g = Graph().parse(genvocab.ONTOLOGY_FILE, format="turtle")
    assert (URIRef(vocab.ONTOLOGY_IRI), RDF.type, OWL.Ontology) in g
