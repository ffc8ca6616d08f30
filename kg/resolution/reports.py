"""Report events read from a store, as records for record linkage.

A *report* is one event as one document tells it (an event node with
``prov:wasDerivedFrom`` a document). Statements (claims, attributions, denials) are not
reports of incidents: they are resolved through the events they are ``ckg:about``.

:func:`load_reports` reads every report with a handful of bulk SELECT queries (one scan per
property, no joins, so the cost is the number of rows), and :func:`linkage_frame` turns
reports into the table the Splink model compares: one row per report with its class
lineage, day, places (the place, the settlement, region and country it lies in, its WGS84
point), named actors and victims, fatalities and the rare words of its evidence.

>>> r = Report("urn:e1", "d1", "Attack", day=days("2024-01-03"), fatalities=3)
>>> r.family, r.kind, r.day_iso
('Attack', 'violent', '2024-01-03')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg import event_classes
from kg.vocab import CKG

PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
_EPOCH = date(1970, 1, 1).toordinal()

# the roles that name who did it (any stance) and whom it hit
DOER_ROLES = ("perpetrator", "agent", "claimedBy", "allegedPerpetrator", "suspectedPerpetrator")
STATED_DOER_ROLES = ("perpetrator", "agent", "claimedBy")
VICTIM_ROLES = ("victim", "target")

RARE_TOKENS = 12  # words of the evidence kept per report: its rarest in the corpus
_WORD = re.compile(r"[^\W_][\w'-]*[^\W_]|\d+", re.UNICODE)
_STOP = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i in into is it
    its of on or our she that the their them they this those to was were which while who
    whom will with would said says say after before about over than then there these when
    where also not no more most other some such only own same so too very can just police
    people man woman men women one two three four five six seven eight nine ten
    """.split()  # noqa: SIM905
)


def days(iso: str) -> int:
    """Days since 1970-01-01 of an ISO date (``YYYY-MM-DD``).

    >>> days("1970-01-02")
    1
    """
    return date.fromisoformat(iso[:10]).toordinal() - _EPOCH


def iso_day(n: int) -> str:
    """The ISO date of ``n`` days since 1970-01-01.

    >>> iso_day(days("2024-02-29"))
    '2024-02-29'
    """
    return date.fromordinal(n + _EPOCH).isoformat()


_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday today yesterday""".split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    """The content words of ``text``, case-folded: stop words, numbers and the words of
    dates left out (the date and toll features already weigh those).

    >>> words("Gunmen killed 3 people in Kerman on Friday, 5 January")
    ['gunmen', 'killed', 'kerman']
    """
    out = []
    for m in _WORD.finditer(text):
        w = m.group().casefold()
        if w not in _STOP and w not in _DATE_WORDS and not w.isdigit():
            out.append(w)
    return out


@dataclass
class Report:
    """One event as one document reports it (the unit of record linkage).

    ``day`` counts days since 1970-01-01: the event's own day when the report states one
    (``date_precision`` ``day``), else ``None``; ``published`` is its document's publication
    day, which event coders use for an undated report; ``lat``/``lon`` are WGS84 degrees of the
    most precise place with a point; ``actors`` and ``victims`` are IRIs of *named* actors
    (those the document mentions), so that generic groups ("gunmen", "civilians") do not
    make two reports look alike; ``doc_places`` and ``doc_people`` are the places and people
    its whole document names (a report often names the victim or the town in another
    sentence than the one its event was read from).
    """

    iri: str
    doc: str
    cls: str
    source: str = ""
    published: int | None = None
    day: int | None = None
    date_precision: str = ""
    place: str | None = None
    settlement: str | None = None
    region: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    actors: set[str] = field(default_factory=set)
    stated_actors: set[str] = field(default_factory=set)
    victims: set[str] = field(default_factory=set)
    doc_places: set[str] = field(default_factory=set)
    doc_people: set[str] = field(default_factory=set)
    fatalities: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    injured: int | None = None
    evidence: list[str] = field(default_factory=list)
    label: str = ""
    tokens: list[str] = field(default_factory=list)

    @property
    def family(self) -> str:
        """The class right under ``ckg:Event`` (``Attack``, ``Battle``, ...)."""
        return event_classes.get(self.cls).family

    @property
    def kind(self) -> str:
        """``violent``, ``speech`` or ``other``."""
        return event_classes.get(self.cls).kind

    @property
    def lineage(self) -> tuple[str, ...]:
        """The class and its ancestors below ``ckg:Event``, most specific first."""
        return tuple(c for c in event_classes.get(self.cls).lineage if c != "Event")

    @property
    def day_iso(self) -> str | None:
        """``day`` as an ISO date."""
        return None if self.day is None else iso_day(self.day)

    def fatality_bounds(self) -> tuple[int, int] | None:
        """``(low, high)`` of the deaths this report gives, ``None`` if it gives none."""
        vals = [
            v for v in (self.fatalities, self.fatalities_min, self.fatalities_max) if v is not None
        ]
        return (min(vals), max(vals)) if vals else None


def _rows(source: Any, sparql: str) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT as tuples of lexical values, from a local or a remote store."""
    ox_query = getattr(source, "query", None)
    oxstore = getattr(source, "oxigraph", None)
    if oxstore is not None and ox_query is not None:
        res = ox_query(sparql)
        names = [v.value for v in res.variables]
        for sol in res:
            yield tuple(None if sol[n] is None else sol[n].value for n in names)
        return
    for row in source.select(sparql):
        yield tuple(None if v is None else str(v) for v in row.values())


def _scan(source: Any, prop: str) -> Iterator[tuple[str, str]]:
    for s, o in _rows(source, f"SELECT DISTINCT ?s ?o {{ ?s <{prop}> ?o }}"):
        if s is not None and o is not None:
            yield s, o


def _int(v: str) -> int | None:
    try:
        return int(float(v))
    except ValueError:
        return None


def load_reports(source: Any) -> list[Report]:
    """Every report event of ``source`` (a store, local or remote), statements left out.

    Returns reports sorted by IRI. Empty when the store holds no events.
    """
    classes = event_classes.event_classes()
    ns = event_classes.NS
    derived: dict[str, str] = dict(_scan(source, PROV_DERIVED))
    types: dict[str, list[str]] = {}
    for s, t in _scan(source, RDF_TYPE):
        if s in derived and t.startswith(ns) and t[len(ns) :] in classes:
            types.setdefault(s, []).append(t[len(ns) :])
    docs_meta: dict[str, dict[str, str]] = {}
    for prop, key in (
        ("http://purl.org/dc/terms/publisher", "source"),
        ("http://purl.org/dc/terms/issued", "issued"),
    ):
        for d, v in _scan(source, prop):
            docs_meta.setdefault(d, {})[key] = v
    reports: dict[str, Report] = {}
    for e, names in types.items():
        cls = event_classes.most_specific(names)
        if cls is None or cls.kind == "speech":
            continue
        doc = derived[e]
        meta = docs_meta.get(doc, {})
        issued = meta.get("issued", "")
        reports[e] = Report(
            e,
            doc,
            cls.name,
            source=meta.get("source") or doc,
            published=days(issued) if len(issued) >= 10 else None,
        )
    if not reports:
        return []
    by_publication = {
        e for e, b in _scan(source, str(CKG.dateBasis)) if b == str(CKG.PublicationDate)
    }
    for e, v in _scan(source, str(CKG.date)):
        r = reports.get(e)
        if r is None or e in by_publication:
            continue  # a date that only repeats the publication day says nothing more
        if len(v) >= 10 and r.day is None:
            r.day, r.date_precision = days(v), "day"
        elif not r.date_precision:
            r.date_precision = "month" if len(v) == 7 else "year"
    for prop, attr in (
        (CKG.fatalities, "fatalities"),
        (CKG.fatalitiesMin, "fatalities_min"),
        (CKG.fatalitiesMax, "fatalities_max"),
        (CKG.injured, "injured"),
    ):
        for e, v in _scan(source, str(prop)):
            r = reports.get(e)
            if r is not None:
                setattr(r, attr, _int(v))
    for e, v in _scan(source, str(CKG.evidence)):
        r = reports.get(e)
        if r is not None:
            r.evidence.append(v)
    for e, v in _scan(source, "http://www.w3.org/2000/01/rdf-schema#label"):
        r = reports.get(e)
        if r is not None:
            r.label = v
    mentioned = {(d, x) for d, x in _scan(source, str(CKG.mentions))}
    sites = {x for x, t in _scan(source, RDF_TYPE) if t == str(CKG.Site)}
    person = str(CKG.Person)
    people = {x for x, t in _scan(source, RDF_TYPE) if t == person}
    place_classes = {event_classes.NS + c for c in event_classes.place_classes()}
    places = {x for x, t in _scan(source, RDF_TYPE) if t in place_classes}
    by_doc: dict[str, list[Report]] = {}
    for r in reports.values():
        by_doc.setdefault(r.doc, []).append(r)
    for d, x in mentioned:
        for r in by_doc.get(d, ()):
            if x in people:
                r.doc_people.add(x)
            elif x in places:
                r.doc_places.add(x)
    for role in (*DOER_ROLES, *VICTIM_ROLES):
        for e, x in _scan(source, str(getattr(CKG, role))):
            r = reports.get(e)
            if r is None or ((r.doc, x) not in mentioned and x not in sites):
                continue  # a site is specific even when not named ("the bus station")
            if role in VICTIM_ROLES:
                r.victims.add(x)
            else:
                r.actors.add(x)
                if role in STATED_DOER_ROLES:
                    r.stated_actors.add(x)
    _places(source, reports)
    _rare_tokens(reports.values())
    _rare_names(by_doc)
    return [reports[k] for k in sorted(reports)]


def _places(source: Any, reports: dict[str, Report]) -> None:
    """The place of each report, with the settlement, region and country it lies in and the
    WGS84 point of the most precise of them that has one."""
    located: dict[str, list[str]] = {}
    for e, p in _scan(source, str(CKG.location)):
        if e in reports:
            located.setdefault(e, []).append(p)
    if not located:
        return
    parent: dict[str, str] = {}
    for a, b in _scan(source, str(CKG.locatedIn)):
        parent.setdefault(a, b)
    kind: dict[str, str] = {}
    for x, t in _scan(source, RDF_TYPE):
        for name in ("Country", "AdminRegion", "Settlement", "Site"):
            if t == str(getattr(CKG, name)):
                kind[x] = name
    lat = {x: float(v) for x, v in _scan(source, WGS84 + "lat")}
    lon = {x: float(v) for x, v in _scan(source, WGS84 + "long")}

    def chain(p: str) -> list[str]:
        out = [p]
        while out[-1] in parent and parent[out[-1]] not in out and len(out) < 12:
            out.append(parent[out[-1]])
        return out

    for e, places in located.items():
        r = reports[e]
        # the most precise place: the one with the longest chain up to its country
        best = max(sorted(places), key=lambda p: len(chain(p)))
        up = chain(best)
        # (a building or site is one report's own node: reports meet at the place it is in)
        r.place = next((p for p in up if kind.get(p) != "Site"), best)
        for p in up:
            k = kind.get(p)
            if k == "Settlement" and r.settlement is None:
                r.settlement = p
            elif k == "AdminRegion" and r.region is None:
                r.region = p
            elif k == "Country" and r.country is None:
                r.country = p
            if r.lat is None and p in lat and p in lon:
                r.lat, r.lon = lat[p], lon[p]
        if r.settlement is None and kind.get(best) not in ("AdminRegion", "Country"):
            r.settlement = up[1] if len(up) > 1 and kind.get(up[1]) == "Settlement" else best


def _rare_names(by_doc: dict[str, list[Report]]) -> None:
    """Keep in ``doc_places``/``doc_people`` only names that few documents use (at most 5%
    of them, at least 2): a country or a president named everywhere links nothing."""
    n = len(by_doc)
    limit = max(2, math.ceil(0.05 * n))
    for attr in ("doc_places", "doc_people"):
        df: Counter[str] = Counter()
        for rs in by_doc.values():
            df.update(getattr(rs[0], attr))
        for rs in by_doc.values():
            keep = {x for x in getattr(rs[0], attr) if df[x] <= limit}
            for r in rs:
                setattr(r, attr, keep)


def _rare_tokens(reports: Iterable[Report], keep: int = RARE_TOKENS) -> None:
    """Keep in ``tokens`` each report's ``keep`` rarest evidence words (by document
    frequency over all reports, ties by the word): names, streets and numbers that tell
    one incident from another; words every report uses carry no such signal."""
    reports = list(reports)
    bags = [set(words(" ".join(r.evidence))) for r in reports]
    df = Counter(w for bag in bags for w in bag)
    n = len(reports)
    # common: a word in more than 5% of the reports, or in more than 10 (or in every one)
    limit = max(math.ceil(0.05 * n), min(n - 1, 10))
    for r, bag in zip(reports, bags, strict=True):
        # a word no other report uses links nothing; one most reports use tells nothing
        rare = sorted((w for w in bag if 2 <= df[w] <= limit), key=lambda w: (df[w], w))
        r.tokens = sorted(rare[:keep])
