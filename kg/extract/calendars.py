"""Date expressions of a language pack's ``date_patterns``, in the Gregorian and the Solar
Hijri calendars, resolved to ISO days.

Afghanistan and Iran date in the Solar Hijri calendar (Afghan month names حمل ... حوت, Iranian
فروردین ... اسفند); Afghan outlets also write Gregorian months their own way (جنوری ... دسمبر).
The conversion is jdatetime's (a well-kept implementation of the calendar Iran's and
Afghanistan's official calendars use). A year below 1700 is a Solar Hijri year whatever the
month is called. A weekday is the latest such day on or before the reference date (the
convention of ACLED's and GTD's coders, as in :mod:`kg.extract.dates`).

>>> to_iso("solar_hijri", 1399, 6, 24), to_iso("gregorian", 2021, 6, 22)
('2020-09-14', '2021-06-22')
>>> to_iso("solar_hijri", 1402, 13, 1) is None
True
>>> from kg.extract.lang import language_pack
>>> r = DateReader(language_pack("fa"))
>>> [(d.iso, d.kind) for d in r.find("به تاریخ ۲۵ حوت ۱۴۰۰، روز سه‌شنبه", "2022-03-19")]
[('2022-03-16', 'day'), ('2022-03-15', 'weekday')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import jdatetime

from kg.errors import KGError
from kg.extract.lang import LanguagePack
from kg.extract.script import Folded, fold

SOLAR_HIJRI_BELOW = 1700  # a year below it is a Solar Hijri year (1399 is 2020)


def to_iso(calendar: str, year: int, month: int, day: int) -> str | None:
    """The Gregorian ISO day of a day in ``calendar`` (``gregorian`` or ``solar_hijri``),
    ``None`` when there is no such day."""
    try:
        if calendar == "solar_hijri":
            return jdatetime.date(year, month, day).togregorian().isoformat()
        return date(year, month, day).isoformat()
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``start:end`` of the original text, resolved to ``iso``;
    ``kind`` is ``day`` (a calendar date), ``weekday`` or ``relative`` ("yesterday")."""

    start: int
    end: int
    iso: str
    kind: str


class DateReader:
    """The date expressions of one language (built once per pack)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.months = {fold(k): (v[0], int(v[1])) for k, v in pack.table("months").items()}
        self.weekdays = {fold(k): int(v) for k, v in pack.table("weekdays").items()}
        self.relative = {fold(k): int(v) for k, v in pack.table("relative_days").items()}

        def alts(names: Mapping[str, object]) -> str:
            return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))

        self.patterns = []
        for p in pack.value("date_patterns"):
            p = p.replace("{month}", alts(self.months)).replace("{weekday}", alts(self.weekdays))
            try:
                self.patterns.append(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)"))
            except re.error as err:
                raise KGError(f"language pack {pack.code!r}: date pattern {p!r}: {err}") from err
        self.relative_rx = (
            re.compile(r"(?<!\w)(?:" + alts(self.relative) + r")(?!\w)") if self.relative else None
        )

    def _day(self, m: re.Match[str]) -> str | None:
        year = int(m["year"]) if m.groupdict().get("year") else None
        raw = m["month"]
        if raw.isdigit():
            cal, month = "gregorian", int(raw)
        else:
            cal, month = self.months[raw]
        if year is None:
            return None
        if year < SOLAR_HIJRI_BELOW:
            cal = "solar_hijri"
        elif cal == "solar_hijri":
            return None
        return to_iso(cal, year, month, int(m["day"]))

    def find(self, text: str, ref: str | None, unresolved: bool = False) -> list[DateMention]:
        """Every date expression of ``text`` that resolves, in text order, without overlaps
        (the longest first); ``ref`` is the ISO day weekdays and relative days count from.
        With ``unresolved``, expressions that do not resolve are kept too (``iso`` empty)."""
        f = Folded(text)
        ref_d = date.fromisoformat(ref) if ref else None
        found: list[tuple[int, int, str, str]] = []
        for rx in self.patterns:
            for m in rx.finditer(f.text):
                gd = m.groupdict()
                if gd.get("weekday"):
                    if ref_d is None:
                        if unresolved:
                            found.append((m.start(), m.end(), "", "weekday"))
                        continue
                    back = (ref_d.weekday() - self.weekdays[m["weekday"]]) % 7
                    iso, kind = (ref_d - timedelta(days=back)).isoformat(), "weekday"
                elif gd.get("day") and gd.get("month"):
                    got = self._day(m)
                    if got is None:
                        if unresolved:
                            found.append((m.start(), m.end(), "", "day"))
                        continue
                    iso, kind = got, "day"
                else:
                    continue
                found.append((m.start(), m.end(), iso, kind))
        if self.relative_rx is not None and ref_d is not None:
            for m in self.relative_rx.finditer(f.text):
                iso = (ref_d + timedelta(days=self.relative[m.group()])).isoformat()
                found.append((m.start(), m.end(), iso, "relative"))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[DateMention] = []
        end = -1
        for a, b, iso, kind in found:
            if a < end:
                continue
            out.append(DateMention(f.original(a), f.original(b), iso, kind))
            end = b
        return out


@lru_cache(maxsize=8)
def date_reader(pack: LanguagePack) -> DateReader:
    """The :class:`DateReader` of ``pack`` (cached)."""
    return DateReader(pack)
