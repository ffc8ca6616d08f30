"""Sentence boundaries at line breaks: headlines, datelines and paragraphs never run together.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("ckg_line_breaks")
>>> doc = nlp("Blast in Kabul\\nA bomb exploded on Monday.")
>>> [t.is_sent_start for t in doc][:4]
[True, False, False, True]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def c_in_ws(tok: "object") -> bool:
    """Whether a token's trailing whitespace holds a line break."""
    return any(c in tok.whitespace_ for c in "\n\u2028\u2029")  # type: ignore[attr-defined]


@Language.component("ckg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds or ends with a line break."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if any(c in prev.whitespace_ or c in prev.text for c in "\n\u2028\u2029") and (
            prev.is_space or c_in_ws(prev)
        ):
            tok.is_sent_start = True
    return doc
