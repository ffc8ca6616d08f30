"""A doc's text, joined once: spaCy's ``Doc.text`` joins every token's text each time it is
read, and the rules of one document read it many times.

>>> import spacy
>>> doc = spacy.blank("en")("Gunmen attacked a bus.")
>>> doc_text(doc) == doc.text
True
>>> TEXT_KEY in doc.user_data
True
"""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "ckg_text"  # doc.user_data: the text, once joined (dropped with the records)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call and kept in ``doc.user_data`` (a doc's tokens
    never change once it is made)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
