"""Sentence boundaries at line breaks: headlines, datelines and paragraphs never run together.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("ckg_line_breaks")
>>> doc = nlp("Blast in Kabul\\nA bomb exploded on Monday.")
>>> [t.text for t in doc if t.is_sent_start]
['Blast', 'A']
>>> doc = nlp("KHARTOUM, March 18 (Reuters) - At least 15 people were killed.")
>>> [t.text for t in doc if t.is_sent_start]
['KHARTOUM', 'At']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.dates import DATELINE_RX


@Language.component("ckg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds or ends with a line break."""
    prev_break = True
    # a dateline ("KUNDUZ, Afghanistan - ") is not part of the first sentence's grammar
    text = doc.text
    after_dateline = set()
    for m in DATELINE_RX.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1  # "(Reuters) - At least ...": the sentence starts at its first word
        after_dateline.add(end)
    for tok in doc:
        if prev_break or tok.idx in after_dateline:
            tok.is_sent_start = True
        ws = tok.whitespace_
        prev_break = bool(_BREAKS & set(ws)) or (tok.is_space and bool(_BREAKS & set(tok.text)))
    return doc


_BREAKS = {"\n", "\u2028", "\u2029"}
