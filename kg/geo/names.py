"""Toponym name keys and the alternate-name filter.

A *key* is what a name is looked up by: NFKC, case-folded, accents dropped, quotes and
dashes unified, punctuation dropped, a leading ``the`` dropped; in Arabic script the letters
Unicode encodes twice (Arabic and Farsi yeh and kaf, heh and ae) are folded and zero-width
non-joiners, kashida and vowel marks dropped, so a Dari or Pashto spelling typed on another
keyboard finds the same entry.

>>> key("Kābul") == key("KABUL") == key("the Kabul")
True
>>> key("Mazār-e Sharīf")
'mazar e sharif'
>>> key("كابل") == key("کابل")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh
        "\u0649": "\u06cc",  # alef maksura -> Farsi yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u06c0": "\u0647",  # heh with yeh above -> heh
        "\u06d5": "\u0647",  # ae -> heh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0640": None,  # kashida
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\-_/]")
_PUNCT = re.compile(r"[^\w' ]+")
_SPACES = re.compile(r"\s+")
# "Southwest" and "South-West" are one name (Cameroon's regions are written both ways)
_COMPASS = re.compile(r"\b(north|south)(east|west)\b")


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """The lookup key of a name (see the module docstring).

    >>> key("ISIS-K") == key("isis k")
    True
    >>> key("Côte d’Ivoire")
    "cote d'ivoire"
    >>> key("Southwest") == key("South-West")
    True
    """
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = unicodedata.normalize("NFKC", t).translate(_ARABIC_FOLD).casefold()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    t = _DASHES.sub(" ", t)
    t = _PUNCT.sub(" ", t)
    t = _SPACES.sub(" ", t).strip()
    t = _COMPASS.sub(r"\1 \2", t)
    if t.startswith("the "):
        t = t[4:]
    return t


def script(name: str) -> str:
    """``latin``, ``arabic`` (Arabic, Persian, Pashto, Urdu letters) or ``other``.

    Modifier letters (an ayn or a hamza written "ʻ", "ʼ") belong to no script.

    >>> script("Kabul"), script("کابل"), script("Кабул"), script("Tāʻizz")
    ('latin', 'arabic', 'other', 'latin')
    """
    letters = [c for c in name if c.isalpha() and unicodedata.category(c) != "Lm"]
    if not letters:
        return "other"
    if all(_is_arabic(c) for c in letters):
        return "arabic"
    if all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        return "latin"
    return "other"


def _is_arabic(c: str) -> bool:
    o = ord(c)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def usable(name: str, primary: bool = False) -> bool:
    """Whether an alternate name is kept for lookup.

    Kept: Latin-script names written as proper names (capitalised, at least three letters,
    not an all-capitals code of up to four letters such as an airport code) and Arabic-script
    names of at least two letters. Dropped: lower-case transliterations (``kabl``), codes
    (``KBL``), names with digits and other scripts, which the reports we read do not use.
    ``primary`` names (the source's own name) are kept when Latin and at least three letters.

    >>> [n for n in ["Kabul", "kabl", "KBL", "Kabul 2", "کابل", "Кабул", "Ka"] if usable(n)]
    ['Kabul', 'کابل']
    """
    if not name or any(c.isdigit() for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    s = script(name)
    if s == "arabic":
        return len(letters) >= 2
    if s != "latin" or len(letters) < 3:
        return False
    if primary:
        return True
    first = next(c for c in name if c.isalpha())
    if not first.isupper():
        return False
    return not (all(c.isupper() for c in letters) and len(letters) <= 4)
