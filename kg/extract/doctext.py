"""A doc's text, joined once: spaCy's ``Doc.text`` joins every token's text each time it is
read, and the rules of one document read it many times.

>>> import spacy
>>> doc = spacy.blank("en")("Gunmen attacked a bus.")
>>> doc_text(doc) == doc.text
True
>>> TEXT_KEY in doc.user_data
True
>>> [t.text for t in doc_tokens(doc)][:2], doc_tokens(doc) is doc_tokens(doc)
(['Gunmen', 'attacked'], True)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

TEXT_KEY = "ckg_text"  # doc.user_data: the text, once joined (dropped with the records)
TOKENS_KEY = "ckg_tokens"  # doc.user_data: the tokens, made once (dropped with the records)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call and kept in ``doc.user_data`` (a doc's tokens
    never change once it is made)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens, made once and kept in ``doc.user_data``: spaCy makes a new
    ``Token`` each time a doc is read (``for t in doc``, ``doc[i]``), and the rules read a
    document's tokens dozens of times. The tokens see every change to their annotations (a
    tag fixed, a sentence start set); the doc's tokens themselves never change once it is
    made."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if not isinstance(tokens, list) or len(tokens) != len(doc):
        tokens = doc.user_data[TOKENS_KEY] = list(doc)
    return tokens
