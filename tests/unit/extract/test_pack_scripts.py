"""Each language pack holds only its own language: no Arabic-script word in the English
pack, no Latin word where the Dari and Pashto packs hold words of their language (their
glosses, role and cue names are the project's identifiers, in English by design; see the
``_doc`` of kg/extract/lang/fa/names.json)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LANG = Path(__file__).resolve().parents[3] / "kg" / "extract" / "lang"
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN = re.compile(r"[A-Za-z]")
# regular-expression syntax in date patterns: classes, named groups, placeholders
REGEX_SYNTAX = re.compile(r"\\[a-zA-Z]|\(\?P<\w+>|\(\?P=\w+\)|\{\w+\}|\(\?[:=!]")
# sections whose keys are identifiers (their values are patterns of the language)
KEYED_BY_NAME = {"casualty_rules", "class_cues"}
# sections that list identifiers (cue names of kg/extract/data/class_rules.json)
NAME_LISTS = {"weapon_cues", "crowd_control_cues", "crowd_families"}
# fields of a rule (event_rules, statement_rules) that hold words of the language
RULE_WORDS = {"patterns", "context_any", "context_none", "accused_before", "accused_after"}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("_"):
                yield k
                yield from _strings(v)


def words(section: str, value: Any) -> Iterator[str]:
    """The strings of one section that are words of the pack's language."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for rule in value:
            for field in RULE_WORDS & set(rule):
                yield from _strings(rule[field])
    elif isinstance(value, list) and section not in NAME_LISTS:
        yield from _strings(value)
    elif isinstance(value, dict) and section in KEYED_BY_NAME:
        for k, v in value.items():
            if not k.startswith("_"):
                yield from _strings(v)
    elif isinstance(value, dict):
        yield from (k for k in value if not k.startswith("_"))


def sections(lang: str) -> Iterator[tuple[str, str, Any]]:
    for path in sorted((LANG / lang).glob("*.json")):
        for name, value in json.loads(path.read_text(encoding="utf-8")).items():
            if not name.startswith("_"):
                yield path.name, name, value


def test_the_english_pack_holds_no_arabic_script() -> None:
    found = [
        (f, name, s)
        for f, name, value in sections("en")
        for s in _strings(value)
        if ARABIC.search(s)
    ]
    assert not found, found


@pytest.mark.parametrize("lang", ["fa", "ps"])
def test_the_dari_and_pashto_packs_hold_no_latin_words(lang: str) -> None:
    found = [
        (f, name, s)
        for f, name, value in sections(lang)
        for s in words(name, value)
        if LATIN.search(REGEX_SYNTAX.sub("", s))
    ]
    assert not found, found


@pytest.mark.parametrize("lang", ["fa", "ps"])
def test_the_words_checked_are_the_packs_words(lang: str) -> None:
    """The check reads the words of the language (it would see a Latin one)."""
    checked = [s for _, name, value in sections(lang) for s in words(name, value)]
    assert len(checked) > 500 and all(ARABIC.search(s) or s.isascii() for s in checked)
    assert list(words("death_nouns", ["جسد", "body"]))[-1] == "body"
