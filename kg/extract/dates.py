"""Dates in news text: datelines, and date expressions resolved against a reference date.

One convention throughout: a date keeps its precision (``"2024-01-03"`` a day, ``"2024-01"`` a
month, ``"2022"`` a year); a relative expression is resolved against the article's date
(publication or dateline): ``yesterday`` and ``last night`` are the day before, a weekday is
the latest such day on or before it (the convention of ACLED's and GTD's coders: "on Tuesday"
in a report published on Wednesday is the day before), ``today``/``this morning`` the day
itself. A numeric date is read month first (``03/14/2020``, the incident databases' form),
day first when only that is a date (``14/03/2020``), and year first (``2020/03/14``,
``2020-03-14``); when both orders give a date, the one nearest before the reference wins.
Month and weekday names and relative words come from the language pack (``dates.json``).

>>> find_dateline("KABUL, Afghanistan (Jan. 25, 2013) - Forces detained ...").iso
'2013-01-25'
>>> find_dateline("03/14/2020: An explosive device detonated ...").iso
'2020-03-14'
>>> resolve("yesterday", "2013-01-25")
'2013-01-24'
>>> resolve("Sunday", "2013-01-22")
'2013-01-20'
>>> resolve("a 2022 attack", "2024-01-06")
'2022'
>>> resolve("05/04/2021", "2021-05-09"), resolve("05/04/2021", "2021-04-09")
('2021-05-04', '2021-04-05')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.doctext import doc_text
from kg.extract.lang import LanguagePack, language_pack

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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


@dataclass(frozen=True)
class Dateline:
    """A date found at the head of an article, with where it was found.

    ``heading`` tells whether the date stands apart from the story's sentences (a leading
    ``03/14/2020:``, ``KABUL (Dec. 9) -``, a date line, a date in the headline): the text up
    to ``end`` is then the article's heading. A date inside the lead sentence ("Gunmen
    killed five men on 9 May 2020 in ...") dates the article but heads nothing.
    """

    iso: str
    start: int
    end: int
    heading: bool = True


class _Patterns:
    """The regular expressions of one language's date expressions (built once per pack)."""

    def __init__(self, pack: LanguagePack) -> None:
        months = pack.table("months")
        self.months = {k.lower(): int(v) for k, v in months.items()}
        self.weekdays = {k.lower(): int(v) for k, v in pack.table("weekdays").items()}
        self.relative = {k.lower(): int(v) for k, v in pack.table("relative_days").items()}
        periods = pack.optional_table("relative_periods")
        self.periods = {k.lower(): (str(u), int(n)) for k, (u, n) in periods.items()}
        ago = pack.optional_table("ago_words")
        units = "|".join(re.escape(k) for k in sorted(ago, key=len, reverse=True))
        self.ago = re.compile(rf"(?P<n>\S+)\s+(?P<unit>{units})") if ago else None
        numbers = pack.optional_table("ago_numbers")
        self.ago_numbers = {k.lower(): int(v) for k, v in numbers.items()}
        self.ago_units = {k.lower(): str(v) for k, v in ago.items()}
        self.prefixes = sorted(pack.words("date_prefixes"), key=len, reverse=True)
        self.previous_words = sorted(pack.words("previous_weekday_words"))
        self.kept_prefixes = sorted(pack.words("relative_days_with_prefix"), key=len, reverse=True)
        names = sorted(self.months, key=len, reverse=True)
        mon = r"(?P<mon>" + "|".join(re.escape(n) for n in names) + r")\.?"
        year = r"(?P<year>(?:19|20)\d\d)"
        self.mdy = re.compile(
            mon + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + year + r")?\b", re.I
        )
        self.dmy = re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + mon + r"(?:,?\s+" + year + r")?\b",
            re.I,
        )
        self.month_year = re.compile(mon + r",?\s+" + year + r"\b", re.I)
        self.month_only = re.compile(mon, re.I)
        self.paren = re.compile(r"\(\s*" + self.mdy.pattern + r"\s*\)", re.I)
        self.year_only = re.compile(r"\b((?:19|20)\d\d)\b")

    def month(self, name: str) -> int:
        return self.months[name.lower().rstrip(".")]


@lru_cache(maxsize=8)
def _patterns(code: str) -> _Patterns:
    return _Patterns(language_pack(code))


# how long before the publication a date may be and still be "lately" (days)
RECENT_DAYS = 62
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_CODE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-[A-Z]{1,4}[-\u2013]\d+\b")
# 03/14/2020, 14.03.2020, 2020/03/14 (the separator repeated)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)(?P<s2>[/.-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\d/.-])"
)
# a numeric date that opens a report, before a colon or a dash: the incident databases' form
_LEADING_NUMERIC = re.compile(r"\A\s*(?P<date>" + _NUMERIC.pattern + r")\s*[:\u2013\u2014-]\s")


def _numeric(m: re.Match[str], ref: str | None, month_first: bool = False) -> str | None:
    """A numeric date: year first, else month first, else day first. If both orders are
    dates: the only one before ``ref``; the one nearest before it when that is recent (a
    report tells what happened lately, :data:`RECENT_DAYS`); else month first, the
    incident databases' order (GTD writes MM/DD/YYYY). With ``month_first`` (the date that
    heads an incident summary, "02/05/2025: ..."), month first whenever that is no later
    than ``ref``.

    >>> import re
    >>> [_numeric(_NUMERIC.search(t), ref) for t, ref in (("05/12/2019", "2019-12-09"),
    ...  ("05/12/2019", "2024-01-09"), ("05/12/2019", "2019-06-01"))]
    ['2019-12-05', '2019-05-12', '2019-05-12']
    """
    if m["y2"]:
        return _mk(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    mdy, dmy = _mk(y, a, b), _mk(y, b, a)
    if month_first and mdy and (not ref or not valid_iso_date(ref) or mdy <= ref):
        return mdy
    if mdy and dmy and mdy != dmy and ref and valid_iso_date(ref):
        before = [d for d in (mdy, dmy) if d <= ref]
        if len(before) == 1:
            return before[0]
        latest = max(before) if before else None
        if latest and (date.fromisoformat(ref) - date.fromisoformat(latest)).days <= RECENT_DAYS:
            return latest
    return mdy or dmy


def find_dateline(
    text: str, head: int = 600, lang: str = "en", ref: str | None = None
) -> Dateline | None:
    """The article's own date from its head: a leading numeric date (``03/14/2020:``; month
    first when both orders are dates and that is no later than ``ref``, the incident
    databases' order, GTD's MM/DD/YYYY), a dateline ``(Jan. 25,
    2013)``, a date in the headline, or a month and day completed by the year of a release
    number (``2010-12-S-097``).

    >>> find_dateline("2010-12-S-097\\nKABUL, Afghanistan (Dec. 9) - Coalition forces ...").iso
    '2010-12-09'
    >>> find_dateline("No date in this text.") is None
    True
    >>> find_dateline("Gunmen killed five men on 9 May 2020 in Kawlin.").heading
    False
    """
    lead = _LEADING_NUMERIC.match(text)
    if lead:
        iso = _numeric(_NUMERIC.match(lead["date"]) or lead, ref, month_first=True)
        if iso:
            return Dateline(iso, lead.start("date"), lead.end())
    p = _patterns(lang)
    top = text[:head]
    code = _CODE.search(top)
    code_year, code_month = (int(code["year"]), int(code["m"])) if code else (None, None)
    candidates = []
    for rx in (p.paren, p.mdy, p.dmy):
        for m in rx.finditer(top):
            mon = p.month(m["mon"])
            year = int(m["year"]) if m["year"] else None
            if year is None and code_year is not None:
                # a release number dated December and a dateline in January: next year
                year = code_year + 1 if (code_month == 12 and mon == 1) else code_year
            if year is None:
                continue
            iso = _mk(year, mon, int(m["day"]))
            if iso:
                candidates.append(Dateline(iso, m.start(), m.end(), _heads(text, m)))
        if candidates:
            break
    if not candidates:
        iso_m = _ISO.search(top)
        if iso_m and not _CODE.match(top, iso_m.start()):
            iso = _mk(int(iso_m["year"]), int(iso_m["m"]), int(iso_m["d"]))
            if iso:
                return Dateline(iso, iso_m.start(), iso_m.end(), _heads(text, iso_m))
        return None
    return candidates[0]


# after a date that heads the article: a closing bracket, a credit "(Reuters)", then a dash, a
# colon or the end of the line
_HEADING_END = re.compile(
    r"[ \t]*\)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[-:\u2013\u2014\u2028\u2029]|$)", re.M
)


def _heads(text: str, m: re.Match[str]) -> bool:
    """Whether the date ``m`` found stands apart from the sentences (see :class:`Dateline`):
    followed by a dash, a colon or a line end, or inside a headline (a first line without
    final punctuation)."""
    if _HEADING_END.match(text, m.end()):
        return True
    line_end = text.find("\n")
    if line_end < 0 or m.end() > line_end:
        return False
    return not text[:line_end].rstrip().endswith((".", "!", "?", '"', "\u201d"))


# "KABUL, Afghanistan (Aug. 9) -" or "ASADABAD, Afghanistan — " at the start of a line:
# where a dispatch was filed
DATELINE_RX = re.compile(
    r"(?m)^[\s\u00a0\u2028]*[A-Z][A-Z./'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+)*"
    r"(?:, [A-Z][A-Za-z0-9 .]+){0,2}\s*"
    r"(?:\([^)\n]{3,20}\d[^)\n]{0,12}\)\s*[-\u2013\u2014]?|\([^)\n]{2,30}\)\s*[-\u2013\u2014]"
    r"|[-\u2013\u2014] )"
)


def resolve(expr: str, ref: str | None, lang: str = "en") -> str | None:
    """An ISO date (of the precision the text gives) for a date expression, or ``None``.

    >>> resolve("Wednesday's", "2024-01-06")
    '2024-01-03'
    >>> resolve("on Friday", "2024-01-06")
    '2024-01-05'
    >>> resolve("Jan. 3", "2024-01-06")
    '2024-01-03'
    >>> resolve("March 2011", None)
    '2011-03'
    >>> resolve("On 9 July 2021", None)
    '2021-07-09'
    >>> resolve("yesterday", None) is None
    True
    >>> resolve("on Tuesday", "2024-01-09"), resolve("last Tuesday", "2024-01-09")
    ('2024-01-09', '2024-01-02')
    >>> resolve("January", "2024-03-18"), resolve("in November", "2024-03-18")
    ('2024-01', '2023-11')
    >>> resolve("last year", "2024-03-18"), resolve("two years ago", "2024-03-18")
    ('2023', '2022')
    >>> resolve("last month", "2024-01-18"), resolve("earlier this month", "2024-01-18")
    ('2023-12', '2024-01')
    >>> resolve("the weekend", "2024-01-08")  # a Monday: the Saturday before
    '2024-01-06'
    >>> resolve("last weekend", "2024-01-07"), resolve("last weekend", "2024-01-08")
    ('2023-12-30', '2024-01-06')
    """
    p = _patterns(lang)
    e = " ".join(expr.lower().replace("\u2019", "'").split())
    e = re.sub(r"'s$", "", e)
    ref_d = date.fromisoformat(ref) if ref and valid_iso_date(ref) else None
    period = _period_back(p, e, ref_d)
    if period is not None:
        return period
    if not any(e.startswith(k) for k in p.kept_prefixes):
        for pre in p.prefixes:
            if e.startswith(pre + " "):
                e = e[len(pre) + 1 :]
                break
        period = _period_back(p, e, ref_d)  # "over the weekend"
        if period is not None:
            return period
    for k, delta in p.relative.items():
        if e == k or e.endswith(" " + k) or e.startswith(k + " "):
            return (ref_d + timedelta(days=delta)).isoformat() if ref_d else None
    for wd, idx in p.weekdays.items():
        if re.search(rf"\b{re.escape(wd)}\b", e):
            if ref_d is None:
                return None
            back = (ref_d.weekday() - idx) % 7
            if back == 0 and any(
                re.search(rf"\b{re.escape(w)}\s+{re.escape(wd)}\b", expr.lower())
                for w in p.previous_words
            ):
                back = 7  # "last Tuesday" said on a Tuesday: the week before
            return (ref_d - timedelta(days=back)).isoformat()
    m = _ISO.search(expr)
    if m:
        return _mk(int(m["year"]), int(m["m"]), int(m["d"]))
    n = _NUMERIC.search(expr)
    if n:
        return _numeric(n, ref)
    m = p.dmy.search(expr) or p.mdy.search(expr)
    if m:
        mon, day = p.month(m["mon"]), int(m["day"])
        if m["year"]:
            return _mk(int(m["year"]), mon, day)
        if ref_d is None:
            return None
        cand = _mk(ref_d.year, mon, day)
        if cand and cand > ref_d.isoformat():  # "Dec. 30" read in January is last year
            cand = _mk(ref_d.year - 1, mon, day)
        return cand
    m = p.month_year.search(expr)
    if m:
        return f"{m['year']}-{p.month(m['mon']):02d}"
    m = p.month_only.fullmatch(e)
    if m and ref_d is not None:  # "since January": the last January by the time of writing
        mon = p.month(m["mon"])
        return f"{ref_d.year if mon <= ref_d.month else ref_d.year - 1}-{mon:02d}"
    y = p.year_only.search(e)
    if y:
        return y.group(1)
    return None


def from_anchor(expr: str, anchor: str | None, lang: str = "en") -> str | None:
    """The day a day counted from another names (the pack's ``anaphoric_days``: "the
    previous day", "a day later"), counted from ``anchor``, the day the sentence tells (ISO
    ``YYYY-MM-DD``); ``None`` when ``expr`` is no such phrase or there is no anchor.

    >>> from_anchor("the previous day", "2025-03-13"), from_anchor("a day later", "2025-03-13")
    ('2025-03-12', '2025-03-14')
    >>> from_anchor("on Friday", "2025-03-13") is None, from_anchor("the day before", None)
    (True, None)
    """
    if anchor is None or not valid_iso_date(anchor):
        return None
    table = language_pack(lang).optional_table("anaphoric_days")
    e = " ".join(expr.lower().split())
    for pre in _patterns(lang).prefixes:
        if e.startswith(pre + " ") and e not in table:
            e = e[len(pre) + 1 :]
            break
    if e not in table:
        return None
    return (date.fromisoformat(anchor) + timedelta(days=int(table[e]))).isoformat()


def _period_back(p: _Patterns, e: str, ref: date | None) -> str | None:
    """The month or year a period counted back from the publication names ("last year",
    "earlier this month", "two years ago"; ``relative_periods``, ``ago_words``), or the
    first day of a weekend ("over the weekend": its Saturday, the earliest day the text
    allows, as event coders date a span), or ``None``."""
    if ref is None:
        return None
    # the whole expression only: "on 12 December last year" is a day of that year, read by
    # the parser of days
    found = p.periods.get(e)
    m = p.ago.fullmatch(e) if p.ago is not None and found is None else None
    if m is not None:
        n = m["n"]
        count = int(n) if n.isdigit() else p.ago_numbers.get(n)
        if count is None:
            return None
        found = (p.ago_units[m["unit"]], count)
    if found is None:
        return None
    unit, back = found
    if unit == "year":
        return str(ref.year - back)
    if unit == "weekend":
        # its first day, the Saturday on or before the publication; "last weekend" told on
        # a weekend is the one before
        weeks = back if ref.weekday() >= 5 else 0
        return (ref - timedelta(days=(ref.weekday() - 5) % 7 + 7 * weeks)).isoformat()
    months = ref.year * 12 + ref.month - 1 - back
    return f"{months // 12}-{months % 12 + 1:02d}"


def shift(iso: str, days: int) -> str:
    """The day ``days`` after ``iso`` (before, if negative).

    >>> shift("2024-03-01", -1)
    '2024-02-29'
    """
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def leading_date_end(text: str) -> int | None:
    """Where an incident summary's leading numeric date and its mark end ("03/14/2020: "),
    so that the summary's first sentence starts after it; ``None`` when the text opens with
    none.

    >>> leading_date_end("03/14/2020: Gunmen attacked a bus.")
    12
    >>> leading_date_end("Gunmen attacked a bus.") is None
    True
    """
    lead = _LEADING_NUMERIC.match(text)
    return lead.end() if lead else None


def numeric_date(text: str) -> bool:
    """Whether ``text`` is a numeric or ISO date and nothing else ("23/08/2023",
    "2022-10-02"): spaCy's small model tags some as places.

    >>> numeric_date("23/08/2023"), numeric_date("2022-10-02"), numeric_date("Kabul")
    (True, True, False)
    """
    t = text.strip()
    return bool(_NUMERIC.fullmatch(t) or _ISO.fullmatch(t))


def numeric_date_offsets(text: str) -> list[tuple[int, int]]:
    """Character offsets of the numeric and ISO dates in ``text`` (:func:`numeric_date`).

    >>> numeric_date_offsets("On 23/08/2023 and 2022-10-02, in Kabul.")
    [(3, 13), (18, 28)]
    """
    found = {(m.start(), m.end()) for rx in (_NUMERIC, _ISO) for m in rx.finditer(text)}
    return sorted(found)


def not_a_date(ent: Span, pack: LanguagePack) -> bool:
    """A ``DATE`` entity of proper names with no calendar word in it: spaCy's small model
    tags some place names so ("a bomb exploded in Turbat", "in Xai-Xai"); months, weekdays,
    relative days and the pack's ``holidays`` ("Eid", "Ramadan") stay dates."""
    # (a hyphened name too, "Xai-Xai": a mark glued inside the name)
    glued = {t.i for t in ent[1:-1] if t.is_punct and not t.whitespace_}
    if ent.label_ != "DATE" or not all(t.pos_ == "PROPN" or t.i in glued for t in ent):
        return False
    words = ("weekdays", "months", "relative_day_words", "holidays")
    return not any(
        t.like_num or any(t.lower_.rstrip(".") in pack.words(w) for w in words) for t in ent
    )


def date_in_a_name(ent: Span, pack: LanguagePack) -> bool:
    """A weekday or month named alone that begins a name, not a date: "the crowded Monday
    Market", "the Friday Mosque" (a capitalised word that is no date word follows, and no
    word that opens a date, such as "on" or "last", comes before). spaCy's NER labels such a
    weekday ``DATE``; reading it as the event's day would date the event wrongly."""
    if ent.label_ != "DATE" or len(ent) != 1:
        return False
    tok = ent[0]
    doc = tok.doc

    def calendar(word: str) -> bool:
        return word in pack.words("weekdays") or word in pack.words("months")

    if not calendar(tok.lower_.rstrip(".")) or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if not nxt.is_title or calendar(nxt.lower_) or nxt.lower_ in pack.words("day_parts"):
        return False
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return before not in pack.words("date_prefixes") | pack.words("date_openers")


_DAY_THEN_WORD = re.compile(r"(?<!\d)(\d{1,2})\s+[^\W\d_]")


def day_before_month(doc: Doc, pack: LanguagePack) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of "<day> <month> [<year>]" dates ("1 March 2019",
    "12 May"): spaCy's small model often leaves the day number out of the DATE entity ("March
    2019") or tags no date at all ("12" CARDINAL, "May" nothing), losing the day.

    >>> import spacy
    >>> from kg.extract.lang import language_pack
    >>> doc = spacy.blank("en")("On the night of 12 May 2019 and on 31 June, 40 may come.")
    >>> [doc[a:b].text for a, b in day_before_month(doc, language_pack("en"))]
    ['12 May 2019']
    >>> day_before_month(spacy.blank("en")("Police said 3 may have died."), language_pack("en"))
    []
    """
    months = pack.words("months")
    out: list[tuple[int, int]] = []
    # the numbers before a word, found in the text (not by a pass over every token)
    for m in _DAY_THEN_WORD.finditer(doc_text(doc)):
        day = doc.char_span(m.start(1), m.end(1))
        if day is None or day.end >= len(doc):
            continue
        t = day[0]
        nxt = doc[t.i + 1]
        if not (t.is_digit and len(t.text) <= 2 and nxt.lower_.rstrip(".") in months):
            continue
        if not nxt.text[:1].isupper():
            continue  # "3 may have died": the verb, not the month
        end = nxt.i + 1
        if end < len(doc) and doc[end].is_digit and len(doc[end].text) == 4:
            end += 1
        year = int(doc[end - 1].text) if end - nxt.i == 2 else 2000  # a leap year
        if _mk(year, int(pack.table("months")[nxt.lower_.rstrip(".")]), int(t.text)):
            out.append((t.i, end))
    return out


_WORD_THEN_DAY = re.compile(r"\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})\b")


def month_before_day(doc: Doc, pack: LanguagePack) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of "<Month> <day>" dates ("Nov 14", "March 3"), which
    the model may leave untagged in a wire dateline ("KAMPALA, Nov 14 (Reuters) -"), where
    the month's abbreviation would be read as a town of that name.

    >>> import spacy
    >>> from kg.extract.lang import language_pack
    >>> doc = spacy.blank("en")("KAMPALA, Nov 14 (Reuters) - On March 40, a May 2 rally.")
    >>> [doc[a:b].text for a, b in month_before_day(doc, language_pack("en"))]
    ['Nov 14', 'May 2']
    """
    months = pack.table("months")
    out: list[tuple[int, int]] = []
    # the numbers after a word, found in the text (not by a pass over every token)
    for m in _WORD_THEN_DAY.finditer(doc_text(doc)):
        day = doc.char_span(m.start(2), m.end(2))
        if day is None or day.start == 0:
            continue
        nxt = day[0]
        t = doc[nxt.i - 1]
        month = months.get(t.lower_.rstrip("."))
        if month is None or not t.text[:1].isupper() or not nxt.is_digit or len(nxt.text) > 2:
            continue
        if _mk(2000, int(month), int(nxt.text)):  # a leap year: any day a month may have
            out.append((t.i, t.i + 2))
    return out
