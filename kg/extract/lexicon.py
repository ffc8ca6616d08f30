"""The extraction lexicon (``data/lexicon.json``): triggers, cues and quantity words.

Quantities follow one documented convention (:func:`quantity`): an exact number is its own
best, minimum and maximum; ``nearly N`` is best N, between 0.9N and N; ``more than N`` is at
least N+1; ``about N`` is between 0.9N and 1.1N; vague words take the values in the lexicon
(``several`` and ``a few`` = at least 3, ``numerous`` = at least 4, ``dozens`` = at least 24).

>>> quantity("nearly 100")
Quantity(best=100, min=90, max=100)
>>> quantity("more than 10")
Quantity(best=11, min=11, max=None)
>>> quantity("two")
Quantity(best=2, min=2, max=2)
>>> quantity("several")
Quantity(best=3, min=3, max=None)
>>> quantity("almost three dozen")
Quantity(best=36, min=33, max=36)
>>> quantity("1,200")
Quantity(best=1200, min=1200, max=1200)
>>> quantity("no") is None, quantity("no one")
(True, Quantity(best=0, min=0, max=0))
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.records import Quantity

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The lexicon as a dict (parsed once)."""
    return json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))


def number_word(text: str) -> int | None:
    """The integer a number word or numeral stands for.

    >>> number_word("fifteen"), number_word("11"), number_word("twenty-two")
    (15, 11, 22)
    """
    t = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d{1,7}", t):
        return int(t)
    words = lexicon()["quantities"]
    if t in words:
        return int(words[t])
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        a, b = int(words[parts[0]]), int(words[parts[1]])
        if a >= 20 and b < 10:
            return a + b
        if b in (100, 1000):
            return a * b
    return None


def quantity(text: str) -> Quantity | None:
    """Best/min/max for a count expression, by the module's convention; ``None`` if none."""
    t = " ".join(text.lower().replace("\u2019", "'").split())
    if t in ("no", "none", "nobody", "no one", "zero", "not a single"):
        return Quantity(0, 0, 0) if t != "no" else None
    lex = lexicon()
    vague = lex["vague_quantities"]
    if t in vague:
        b, lo, hi = vague[t]
        return Quantity(b, lo, hi)
    mods = lex["quantity_modifiers"]
    mod = None
    for m in sorted((k for k in mods if not k.startswith("_")), key=len, reverse=True):
        if t.startswith(m + " "):
            mod, t = mods[m], t[len(m) + 1 :]
            break
    n = number_word(t)
    if n is None:
        m = re.fullmatch(r"(\S+) dozens?", t)  # "three dozen"
        k = number_word(m.group(1)) if m else None
        n = k * 12 if k is not None else None
    if n is None:
        return None
    if mod is None:
        return Quantity(n, n, n)
    if mod == "nearly":
        return Quantity(n, math.ceil(0.9 * n), n)
    if mod == "more":
        return Quantity(n + 1, n + 1, None)
    if mod == "atleast":
        return Quantity(n, n, None)
    if mod == "upto":
        return Quantity(n, None, n)
    if mod == "less":
        return Quantity(max(n - 1, 0), None, max(n - 1, 0))
    return Quantity(n, math.floor(0.9 * n), math.ceil(1.1 * n))  # about
