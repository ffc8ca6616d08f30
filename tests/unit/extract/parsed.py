"""Sentences we wrote, with their parse and entity mentions frozen as data, so the extraction
rules can be tested without a trained model (the way spaCy's own tests build ``Doc`` objects
from words, heads and dependency labels).

``parses.json`` holds, per case, the text, its tokens (word, trailing space, lemma, POS, tag,
dependency, head, sentence start), the named entities the model found (dates, numbers) and
the linker's actor and place mentions. :func:`read` rebuilds the ``Doc`` on a blank English
pipeline, runs the event component and builds the records, exactly as the full pipeline does
after the model. To add a case, add its text to :data:`CASES` in ``make_parses.py`` and run
``python -m tests.unit.extract.make_parses`` (it loads the model once).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.build import build_extraction
from kg.extract.entities import DATELINE_KEY, SPAN_KEY
from kg.extract.events import EventReader
from kg.records import Article, Extraction

PARSES = Path(__file__).with_name("parses.json")


@cache
def _parses() -> dict[str, dict[str, Any]]:
    return dict(json.loads(PARSES.read_text(encoding="utf-8")))


@cache
def _pipeline() -> tuple[Language, EventReader]:
    nlp = spacy.blank("en")
    return nlp, EventReader(nlp)


def doc(case: str) -> Doc:
    """The ``Doc`` of a frozen case, with its parse, entities and linked mentions."""
    data = _parses()[case]
    nlp, _ = _pipeline()
    cols = list(zip(*data["tokens"], strict=True))
    words, spaces, lemmas, pos, tags, deps, heads, starts = cols
    d = Doc(
        nlp.vocab,
        words=list(words),
        spaces=list(spaces),
        lemmas=list(lemmas),
        pos=list(pos),
        tags=list(tags),
        deps=list(deps),
        heads=list(heads),
        sent_starts=list(starts),
    )
    d.ents = [Span(d, a, b, label=lab) for a, b, lab in data["ents"]]
    for key in (SPAN_KEY, DATELINE_KEY):
        d.spans[key] = [Span(d, a, b, label=lab, kb_id=kb) for a, b, lab, kb in data[key]]
    d._.ckg_new = {k: (v[0], tuple(v[1])) for k, v in data["new"].items()}
    d._.ckg_relations = [tuple(r) for r in data["relations"]]
    return d


def text(case: str) -> str:
    """The text of a frozen case."""
    return str(_parses()[case]["text"])


def read(case: str, published: str | None = None) -> Extraction:
    """What extraction reads from a frozen case (published on its recorded date)."""
    data = _parses()[case]
    _, events = _pipeline()
    d = events(doc(case))
    art = Article(id=case, text=data["text"], published=published or data["published"])
    return build_extraction(d, art)
