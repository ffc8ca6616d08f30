"""Arabic-script text for matching: letters Unicode encodes twice folded, marks dropped, digits
read, with offsets kept in the original text.

Dari and Pashto are typed on keyboards that differ in which code point they give a letter:
Arabic yeh (U+064A) or Farsi yeh (U+06CC), Arabic kaf (U+0643) or keheh (U+06A9), Pashto
gaf (U+06AB) or Persian gaf (U+06AF); vowel marks and the kashida (U+0640) are optional;
a zero-width non-joiner (U+200C) may or may not separate the parts of one word (``سه‌شنبه``,
``سه شنبه``); digits come in Persian (U+06F0-U+06F9), Arabic-Indic (U+0660-U+0669) or Latin
form. The rules match the *folded* form, never the text: the text, and so the evidence and its
offsets, stay verbatim. The folding follows the letters the shared scorer folds
(``ARABIC_SCRIPT_FOLD`` in ``eval/kgscore.py``) and Unicode's decomposition of the vowel marks.

>>> fold("سه‌شنبه ۱۴۰۲/۰۹/۲۰ كابل")
'سه شنبه 1402/09/20 کابل'
>>> token_norm("جیش‌العدل"), token_norm("ګڼې")
('جیشالعدل', 'گڼی')
>>> f = Folded("بِه تاریخ")
>>> f.text, f.original(3), f.original(len(f.text))
('به تاریخ', 4, 9)
"""

from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

ZWNJ = "\u200c"

# letters encoded twice, and the Pashto letters that keyboards without them replace
_LETTERS = {
    "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh
    "\u0649": "\u06cc",  # alef maksura -> Farsi yeh
    "\u06d0": "\u06cc",  # Pashto yeh (ې) -> Farsi yeh
    "\u06cd": "\u06cc",  # yeh with tail (ۍ) -> Farsi yeh
    "\u0626": "\u06cc",  # yeh with hamza above -> Farsi yeh
    "\u0643": "\u06a9",  # Arabic kaf -> keheh
    "\u06ab": "\u06af",  # Pashto gaf (ګ) -> Persian gaf
    "\u06d5": "\u0647",  # ae -> heh
    "\u06c0": "\u0647",  # heh with yeh above -> heh
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u0623": "\u0627",  # alef with hamza above -> alef
    "\u0625": "\u0627",  # alef with hamza below -> alef
    "\u0622": "\u0627",  # alef with madda -> alef
}
_DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)} | {
    chr(0x0660 + i): str(i) for i in range(10)
}
_DROP = {"\u0640", "\u200d", "\u200e", "\u200f", "\u061c"}  # kashida, joiner, direction marks


def _char(c: str) -> str:
    """What one character folds to: itself, a letter, a digit, a space, or nothing."""
    if c in _LETTERS:
        return _LETTERS[c]
    if c in _DIGITS:
        return _DIGITS[c]
    if c == ZWNJ:
        return " "
    if c in _DROP or unicodedata.combining(c):
        return ""
    return c


_TABLE = {ord(c): _char(c) for c in [*_LETTERS, *_DIGITS, ZWNJ, *_DROP]}


def fold(text: str) -> str:
    """``text`` folded for matching (a zero-width non-joiner becomes a space)."""
    out = text.translate(_TABLE)
    if any(unicodedata.combining(c) for c in out):
        out = "".join(c for c in out if not unicodedata.combining(c))
    return out


def token_norm(text: str) -> str:
    """A token's matching form: folded, without the non-joiners inside it, lower-cased."""
    return fold(text).replace(" ", "").lower()


class Folded:
    """A folded copy of a text with the map back to the original's offsets.

    ``text`` is what the patterns search; ``original(i)`` is the offset in the original
    text of the folded text's offset ``i`` (``original(len(text))`` is the original length).
    """

    def __init__(self, original: str) -> None:
        parts: list[str] = []
        where: list[int] = []
        for i, c in enumerate(original):
            f = _char(c)
            for ch in f:
                parts.append(ch)
                where.append(i)
        where.append(len(original))
        self.text = "".join(parts)
        self._where = where

    def original(self, i: int) -> int:
        """The original offset of folded offset ``i``."""
        return self._where[i]


@Language.component("ckg_script_norm")
def script_norm(doc: Doc) -> Doc:
    """Set each token's ``norm_`` to its folded form (:func:`token_norm`), for the matchers."""
    for tok in doc:
        tok.norm_ = token_norm(tok.text)
    return doc
