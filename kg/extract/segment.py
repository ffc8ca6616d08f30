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
>>> doc = nlp("Police fired, injuring 6. 2 fatalities.")
>>> [t.text for t in doc if t.is_sent_start]
['Police', '2']
>>> doc = nlp("Teachers protested. [size=about 200] Fatalities: 0.")
>>> [t.text for t in doc if t.is_sent_start]
['Teachers', 'Fatalities']
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.dates import DATELINE_RX, leading_date_end
from kg.extract.doctext import doc_text, doc_tokens


@Language.component("ckg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds or ends with a line break."""
    prev_break = True
    # a dateline ("KUNDUZ, Afghanistan - ") is not part of the first sentence's grammar
    text = doc_text(doc)
    after_dateline = set()
    for m in DATELINE_RX.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1  # "(Reuters) - At least ...": the sentence starts at its first word
        after_dateline.add(end)
    # nor an incident summary's leading date ("08/10/2025: At least 27 civilians ...")
    lead = leading_date_end(text)
    if lead is not None:
        after_dateline.add(lead)
    # a time's abbreviation ends a sentence with its own stop ("at 9 p.m. A waitress ...")
    clock = _clock_abbreviations(doc.lang_)
    number_opens = False
    prev = ""  # the text of the token before, and whether a space followed it
    prev_space = False
    heading = False  # inside a wiki section heading ("==Background==")
    prev_rule = False
    opened = False  # the token before opened the sentence after a dateline
    for tok in doc_tokens(doc):
        text = tok.text
        rule = text[:2] == "==" and _HEADING_RULE.fullmatch(text) is not None
        if opened and not prev_break and tok.is_alpha:
            # "KINSHASA, May 8 - Gunmen attacked ...": the capital of the word opening the
            # sentence after a dateline makes no one-word sentence of it
            tok.is_sent_start = False
            opened = False
            ws = tok.whitespace_
            prev_break = bool(ws) and _breaks(ws)
            prev, prev_space, prev_rule = text, bool(ws), rule
            continue
        opened = tok.idx in after_dateline and tok.is_alpha
        if (
            prev_break
            or tok.idx in after_dateline
            or (prev == "." and _after_stop(tok))
            or (prev_space and tok.is_title and prev.lower() in clock)
            # a bracketed tag ends its line ("[size=about 200] Fatalities: 0": the monitors'
            # fields, no stop between)
            or (prev == "]" and prev_space and tok.is_title)
            or ((rule or prev_rule) and not heading)
        ):
            tok.is_sent_start = True
            number_opens = tok.is_digit
        elif number_opens:
            tok.is_sent_start = False  # "2 fatalities.": a number opens a sentence, not all of it
            number_opens = False
        ws = tok.whitespace_
        prev_break = (bool(ws) and _breaks(ws)) or (tok.is_space and _breaks(text))
        prev, prev_space, prev_rule = text, bool(ws), rule
        heading ^= rule
    return doc


def is_heading(sent: Span) -> bool:
    """Whether a sentence is a wiki section heading ("==Reactions=="): a label of the page's
    structure, which tells no event.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> split_glued_stops(nlp)
    >>> _ = nlp.add_pipe("ckg_line_breaks")
    >>> [is_heading(s) for s in nlp("Two died.==Attack==A bomb went off.").sents]
    [False, True, False]
    """
    return _HEADING_RULE.fullmatch(sent[0].text) is not None


# the rule that opens and closes a section heading in wiki markup, which pages copied as text
# keep glued to the sentences around it ("... group ETA.==Background==The Rolando Cafe ...")
HEADING_RULE = r"={2,}"
_HEADING_RULE = re.compile(HEADING_RULE)


def _breaks(text: str) -> bool:
    """Whether ``text`` holds a line break."""
    return "\n" in text or "\u2028" in text or "\u2029" in text


@cache
def _clock_abbreviations(lang: str) -> frozenset[str]:
    """The language pack's ``clock_abbreviations`` ("p.m."), none where it has none."""
    from kg.extract.lang import language_pack

    pack = language_pack(lang)
    return pack.optional_words("clock_abbreviations")


# a full stop with no space after it, between a word of two or more letters or digits and a
# capitalised word: sentences run together where a page's markup was stripped
# ("in Helmand.They killed 23 soldiers")
GLUED_STOP = r"(?<=\w\w)\.(?=[A-Z][a-z])"
_GLUED = re.compile(GLUED_STOP)
# a closing quotation mark glued between a sentence's full stop and the next sentence's first
# word ('... with any pleasure."Shootings in Belfast had continued'): its own token, so that
# the word is read as itself
GLUED_QUOTE = r"(?<=\.)[\"\u201d](?=[A-Z][a-z])"


def split_glued_stops(nlp: Any) -> None:
    """Make the tokenizer split a full stop glued between two sentences (:data:`GLUED_STOP`)
    and the rules of a wiki section heading (:data:`HEADING_RULE`), so that
    :func:`line_breaks` can start a sentence after them.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> split_glued_stops(nlp)
    >>> _ = nlp.add_pipe("ckg_line_breaks")
    >>> doc = nlp("Gunmen attacked a camp in Helmand.They killed 23 soldiers, U.S. officials said.")
    >>> [t.text for t in doc if t.is_sent_start]
    ['Gunmen', 'They']
    >>> doc = nlp("It was claimed by ETA.==Background==The cafe was busy.")
    >>> [t.text for t in doc if t.is_sent_start]
    ['It', '==', 'The']
    >>> [t.text for t in doc][4:7]
    ['ETA', '.', '==']
    >>> [t.text for t in nlp('"Never," he said."Shootings went on.')][6:9]
    ['.', '"', 'Shootings']
    """
    from spacy.util import compile_infix_regex

    # the heading's rule, and a full stop glued before it
    infixes = [
        *nlp.Defaults.infixes,
        GLUED_STOP,
        GLUED_QUOTE,
        HEADING_RULE,
        r"(?<=\w)\.(?=={2})",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _after_stop(tok: Any) -> bool:
    """A sentence's first word after a full stop of its own: glued to the word before it
    ("in Helmand.They"), or, after a stop and a space, which the parser sometimes reads on,
    a number or a capitalised word after a word that is no short capitalised abbreviation
    ("injuring 6. 2 fatalities.", "a ban. 0 fatalities."; "Maj. Gen. Khan" and "Rs. 5 lakh"
    stay whole)."""
    if tok.i < 2:
        return False
    stop, before = tok.nbor(-1), tok.nbor(-2)
    if stop.text != "." or before.whitespace_:
        return False
    if stop.whitespace_:
        abbreviation = before.is_title and len(before.text) <= 4
        if tok.is_digit:
            return before.is_digit or (before.is_lower and not abbreviation)
        return tok.is_title and not abbreviation
    return _GLUED.search(before.text[-2:] + "." + tok.text[:2]) is not None
