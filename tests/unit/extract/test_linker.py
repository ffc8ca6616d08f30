"""The entity linker on a blank pipeline (no model): gazetteer names, group words, sites."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import kg.extract.entities  # noqa: F401  (registers ckg_entities)


@pytest.fixture(scope="module")
def nlp() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("ckg_entities")
    return blank


def linked(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans["ckg"]]


def test_a_definite_group_word_is_the_armed_group_last_called_so(nlp: Language) -> None:
    got = linked(
        nlp,
        "Boko Haram militants raided Dikwa. The militants burned houses. "
        "Ambazonian separatists attacked Kumbo. The separatists denied it.",
    )
    assert [k for t, k in got if t in ("militants", "separatists")] == [
        "group:armed",  # "Boko Haram militants": the name says who
        "boko-haram",
        "ambazonia-separatists",
    ]


def test_an_indefinite_group_word_is_not_a_named_group(nlp: Language) -> None:
    got = linked(nlp, "Boko Haram militants raided Dikwa. Other militants attacked Bama.")
    assert ("militants", "group:armed") in got[-2:]


def test_a_code_with_a_capital_inside_is_no_common_word(nlp: Language) -> None:
    assert linked(nlp, "We will not let these criminals win.") == []
    assert linked(nlp, "LeT claimed the attack.") == [("LeT", "let")]


def test_the_group_is_the_armed_group_named_last(nlp: Language) -> None:
    got = linked(nlp, "Boko Haram fighters attacked Dikwa. The group claimed it. A group left.")
    assert [k for t, k in got if t.lower() == "group"] == ["boko-haram"]
