"""Dates in news text: datelines, and expressions resolved against a reference date.

One convention throughout: a date keeps its precision (``"2024-01-03"`` a day,
``"2024-01"`` a month, ``"2022"`` a year); a relative expression is resolved against the
article's date (publication or dateline): ``yesterday`` and ``last night`` are the day before,
a weekday is the latest such day on or before it, ``today``/``this morning`` the day itself.

>>> find_dateline("KABUL, Afghanistan (Jan. 25, 2013) - Forces detained ...").iso
'2013-01-25'
>>> resolve("yesterday", "2013-01-25")
'2013-01-24'
>>> resolve("Sunday", "2013-01-22")
'2013-01-20'
>>> resolve("a 2022 attack", "2024-01-06")
'2022'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MDY = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_DMY = re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_CODE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-[A-Z]{1,4}[-\u2013]\d+\b")
_PAREN = re.compile(r"\(\s*" + _MDY.pattern + r"\s*\)")


@dataclass(frozen=True)
class Dateline:
    """A date found at the head of an article, with where it was found."""

    iso: str
    start: int
    end: int


def valid_iso_date(s: str) -> bool:
    """Whether ``s`` is a real calendar date ``YYYY-MM-DD``.

    >>> valid_iso_date("2024-02-30"), valid_iso_date("2024-02-29")
    (False, True)
    """
    try:
        date.fromisoformat(s)
    except (TypeError, ValueError):
        return False
    return len(s) == 10


def _mk(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower()[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def find_dateline(text: str, head: int = 600) -> Dateline | None:
    """The article's own date from its head: a dateline ``(Jan. 25, 2013)``, a date in the
    headline, or a month and day completed by the year of a release number (``2010-12-S-097``).

    >>> find_dateline("2010-12-S-097\\nKABUL, Afghanistan (Dec. 9) - Coalition forces ...").iso
    '2010-12-09'
    >>> find_dateline("No date in this text.") is None
    True
    """
    top = text[:head]
    code = _CODE.search(top)
    code_year, code_month = (int(code["year"]), int(code["m"])) if code else (None, None)
    candidates = []
    for rx in (_PAREN, _MDY, _DMY):
        for m in rx.finditer(top):
            mon = _month(m["mon"])
            year = int(m["year"]) if m["year"] else None
            if year is None and code_year is not None:
                # a release number dated December and a dateline in January: next year
                year = code_year + 1 if (code_month == 12 and mon == 1) else code_year
            if year is None:
                continue
            iso = _mk(year, mon, int(m["day"]))
            if iso:
                candidates.append(Dateline(iso, m.start(), m.end()))
        if candidates:
            break
    if not candidates:
        iso_m = _ISO.search(top)
        if iso_m and not _CODE.match(top, iso_m.start()):
            iso = _mk(int(iso_m["year"]), int(iso_m["m"]), int(iso_m["d"]))
            if iso:
                return Dateline(iso, iso_m.start(), iso_m.end())
        return None
    return candidates[0]


# "KABUL, Afghanistan (Aug. 9) -" at the start of a line: where a dispatch was filed
DATELINE_RX = re.compile(
    r"(?m)^[\s\u00a0\u2028]*[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+)*"
    r"(?:, [A-Z][A-Za-z .]+)?\s*"
    r"(?:\([^)\n]{3,20}\d[^)\n]{0,12}\)\s*[-\u2013\u2014]?|[-\u2013\u2014] )"
)

_REL_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "yesterday": -1,
    "last night": -1,
    "overnight": -1,
    "yesterday morning": -1,
    "yesterday evening": -1,
    "the day before yesterday": -2,
}
_YEAR_ONLY = re.compile(r"\b(?:in\s+|a\s+|the\s+|of\s+)?((?:19|20)\d\d)\b")


def resolve(expr: str, ref: str | None) -> str | None:
    """An ISO date (of the precision the text gives) for a date expression, or ``None``.

    >>> resolve("Wednesday's", "2024-01-06")
    '2024-01-03'
    >>> resolve("on Friday", "2024-01-06")
    '2024-01-05'
    >>> resolve("Jan. 3", "2024-01-06")
    '2024-01-03'
    >>> resolve("March 2011", None)
    '2011-03'
    >>> resolve("yesterday", None) is None
    True
    """
    e = " ".join(expr.lower().replace("\u2019", "'").split())
    e = re.sub(r"'s$", "", e)
    e = (
        re.sub(r"^(on|in|during|since|early|late|last|this)\s+(?=\w)", "", e)
        if not any(
            e.startswith(k)
            for k in ("last night", "this morning", "this afternoon", "this evening")
        )
        else e
    )
    ref_d = date.fromisoformat(ref) if ref and valid_iso_date(ref) else None
    for k, delta in _REL_DAYS.items():
        if e == k or e.endswith(" " + k) or e.startswith(k + " "):
            return (ref_d + timedelta(days=delta)).isoformat() if ref_d else None
    for wd, idx in WEEKDAYS.items():
        if re.search(rf"\b{wd}\b", e):
            if ref_d is None:
                return None
            back = (ref_d.weekday() - idx) % 7
            return (ref_d - timedelta(days=back)).isoformat()
    m = _ISO.search(expr)
    if m:
        return _mk(int(m["year"]), int(m["m"]), int(m["d"]))
    m = _MDY.search(expr) or _DMY.search(expr)
    if m:
        mon, day = _month(m["mon"]), int(m["day"])
        if m["year"]:
            return _mk(int(m["year"]), mon, day)
        if ref_d is None:
            return None
        cand = _mk(ref_d.year, mon, day)
        if cand and cand > ref_d.isoformat():  # "Dec. 30" read in January is last year
            cand = _mk(ref_d.year - 1, mon, day)
        return cand
    m = re.search(_MONTH + r",?\s+((?:19|20)\d\d)\b", expr, flags=re.I)
    if m:
        return f"{m.group(2)}-{_month(m['mon']):02d}"
    m = _YEAR_ONLY.search(e)
    if m:
        return m.group(1)
    return None
