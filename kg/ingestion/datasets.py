"""Coded event datasets in: ACLED, UCDP GED and GTD rows as reports of the graph.

Each row becomes one document (id ``acled-<event_id_cnty>``, ``ucdp-<id>``,
``gtd-<eventid>``: the dataset's own id) holding one event, mapped through the SKOS schemes
of ``ontology/schemes.ttl`` (ACLED sub-event types and actor types, UCDP types of violence,
GTD attack types) onto ontology classes; its actors are linked to the authority when a
label or alias matches, its place carries the row's WGS84 point and ACLED/UCDP
geo-precision, its fatalities their best/low/high. The rows are then resolved against
news-extracted reports like any other report (``kg resolve``).

Column layouts follow the public codebooks: ACLED (2023 codebook), UCDP GED (version 23.1
codebook), GTD (2021 codebook). A file that lacks a required column is refused with the
names of the columns it lacks; a row that cannot be read (no date, no id) is reported with
its line and skipped.

>>> sorted(LAYOUTS)
['acled', 'gtd', 'ucdp']
>>> slug("Kabul City / Dist. 9")
'kabul-city-dist-9'
"""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg import event_classes
from kg.errors import KGError
from kg.ontology import ontology_files
from kg.rdf.iri import AUTHORITY_GRAPH, doc_iri, entity_iri, event_iri, statement_iri
from kg.rdf.mapping import RunInfo
from kg.records import Article, DateValue, EntityRecord, EventRecord, Extraction, Quantity, Span
from kg.scale.document import DocumentGraph
from kg.store import quad_terms
from kg.vocab import CKG, ID_BASE

WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
SCHEME = "https://w3id.org/conflict-kg/scheme/"
REQUIRED = {
    "acled": (
        "event_id_cnty",
        "event_date",
        "sub_event_type",
        "actor1",
        "country",
        "location",
        "latitude",
        "longitude",
        "fatalities",
    ),
    "ucdp": (
        "id",
        "type_of_violence",
        "side_a",
        "side_b",
        "country",
        "latitude",
        "longitude",
        "date_start",
        "best",
        "low",
        "high",
    ),
    "gtd": (
        "eventid",
        "iyear",
        "imonth",
        "iday",
        "country_txt",
        "city",
        "latitude",
        "longitude",
        "attacktype1",
        "gname",
        "nkill",
    ),
}
LAYOUTS = {"acled": "ACLED", "ucdp": "UCDP GED", "gtd": "GTD"}
GENERIC_ACTORS = frozenset({"Civilians", "Protesters", "Rioters", "UnidentifiedArmedGroup"})
"""Actor classes that describe a group rather than name one (ACLED's inter codes 5-7)."""
_GENERIC_NAME = re.compile(r"(unidentified|unknown)\b", re.I)
_ROOT = event_classes.root().name  # rows whose type maps to no class
_PRECISION = {"1": CKG.ExactLocation, "2": CKG.ApproximateLocation, "3": CKG.RegionalLocation}


class DatasetError(KGError):
    """A dataset file that cannot be imported (unknown kind, missing columns, unreadable)."""


def slug(text: str) -> str:
    """A key-safe form of a name (ASCII letters and digits, dashes)."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "unnamed"


@cache
def _schemes() -> dict[tuple[str, str], str]:
    """(scheme, notation or case-folded label) -> ontology class local name."""
    from rdflib import Graph

    g = Graph()
    for f in ontology_files(include_shapes=False):
        g.parse(f, format="turtle")
    out: dict[tuple[str, str], str] = {}
    ns = str(CKG)
    for concept, _, cls in [
        *g.triples((None, SKOS.exactMatch, None)),
        *g.triples((None, SKOS.closeMatch, None)),
    ]:
        c, k = str(concept), str(cls)
        if not (c.startswith(SCHEME) and k.startswith(ns)):
            continue
        scheme = c[len(SCHEME) :].split("/", 1)[0]
        for key in (*g.objects(concept, SKOS.notation), *g.objects(concept, SKOS.prefLabel)):
            out.setdefault((scheme, str(key).casefold()), k[len(ns) :])
    return out


def scheme_class(scheme: str, value: str) -> str | None:
    """The ontology class a dataset's code or label maps to, ``None`` if none.

    >>> scheme_class("acled", "Suicide bomb"), scheme_class("gtd", "2")
    ('SuicideBombing', 'ArmedAssault')
    """
    return _schemes().get((scheme, value.strip().casefold()))


@dataclass
class Authority:
    """The actors and places already in a store, by case-folded label and alias."""

    names: dict[str, set[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # key -> its rdfs:label

    @classmethod
    def of(cls, store: Any) -> Authority:
        """Read the labels and aliases of every actor and place of ``store``."""
        a = cls()
        for row in store.select(
            f"""SELECT ?x ?n ?pref WHERE {{ GRAPH ?g {{ ?x ?prop ?n }}
                VALUES ?prop {{ rdfs:label skos:altLabel }}
                BIND(?prop = rdfs:label AS ?pref)
                FILTER(?g = <{AUTHORITY_GRAPH}> || STRSTARTS(STR(?g), "{ID_BASE}doc/"))
                FILTER(STRSTARTS(STR(?x), "{ID_BASE}") && !STRSTARTS(STR(?x), "{ID_BASE}event/")
                       && !STRSTARTS(STR(?x), "{ID_BASE}doc/")) }}"""
        ):
            a.names.setdefault(str(row["n"]).casefold().strip(), set()).add(str(row["x"]))
            if str(row["pref"]) == "true":
                a.labels[str(row["x"])[len(ID_BASE) :]] = str(row["n"])
        return a

    def entity(self, name: str, fallback: str, types: tuple[str, ...], **kw: Any) -> EntityRecord:
        """The record of the actor or place ``name``: the authority's own (its label, the
        dataset's name as an alias, no new type) when a name matches, else a new one."""
        key = self.key(name, fallback)
        generic = bool(_GENERIC_NAME.match(name)) or any(t in GENERIC_ACTORS for t in types)
        kw.setdefault("named", not generic)  # "Unidentified Armed Group (X)" names no one
        span = [Span(0, 0, name)]
        if key in self.labels:
            return EntityRecord(key, self.labels[key], (), aliases={name}, mentions=span, **kw)
        return EntityRecord(key, name, types, mentions=span, **kw)

    def key(self, name: str, fallback: str) -> str:
        """The key of the one actor or place called ``name`` (or one of its variants:
        without a bracketed part, the bracketed acronym, either side of a colon, as ACLED
        and GTD write names), else ``fallback``.

        >>> a = Authority({"islamic state": {ID_BASE + "islamic-state"}})
        >>> a.key("Islamic State (IS)", "x"), a.key("IS: Islamic State", "x"), a.key("ISKP", "x")
        ('islamic-state', 'islamic-state', 'x')
        """
        for variant in name_variants(name):
            hits = self.names.get(variant.casefold(), set())
            if len(hits) == 1:
                return next(iter(hits))[len(ID_BASE) :]
        return fallback


def name_variants(name: str) -> list[str]:
    """A dataset's actor name and the forms it may have in the authority.

    >>> name_variants("TTP: Tehrik-i-Taliban Pakistan")
    ['TTP: Tehrik-i-Taliban Pakistan', 'Tehrik-i-Taliban Pakistan', 'TTP']
    >>> name_variants("Military Forces of Pakistan (2018-)")
    ['Military Forces of Pakistan (2018-)', 'Military Forces of Pakistan']
    """
    name = " ".join(name.split())
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\(([^()]*)\)", name)
    if m:
        out.append(m[1])
        if re.search(r"[A-Za-z]", m[2]):
            out.append(m[2])
    if ": " in name:
        left, right = name.split(": ", 1)
        out += [right, left]
    return [v for i, v in enumerate(out) if v and v not in out[:i]]


@dataclass
class Row:
    """One dataset row, read: what the mapping needs, whatever the layout."""

    source_id: str
    day: str
    cls: str
    perpetrators: list[tuple[str, str | None]]  # (name, actor class or None)
    targets: list[tuple[str, str | None]]
    country: str
    admin1: str
    location: str
    lat: float | None
    lon: float | None
    precision: str
    fatalities: Quantity | None
    text: str


def _num(v: str | None) -> int | None:
    try:
        return int(float(v)) if v not in (None, "") else None
    except ValueError:
        return None


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _iso(v: str) -> str:
    v = v.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(v, fmt).date().isoformat()
        except ValueError:
            pass
    raise ValueError(f"unreadable date {v!r}")


def _acled(r: dict[str, str]) -> Row:
    inter = {k: scheme_class("acled-actor", r.get(k, "") or "") for k in ("inter1", "inter2")}
    return Row(
        source_id=r["event_id_cnty"],
        day=_iso(r["event_date"]),
        cls=scheme_class("acled", r["sub_event_type"]) or _ROOT,
        perpetrators=[(r["actor1"], inter["inter1"])] if r.get("actor1") else [],
        targets=[(r["actor2"], inter["inter2"])] if r.get("actor2") else [],
        country=r["country"],
        admin1=r.get("admin1", ""),
        location=r["location"],
        lat=_float(r["latitude"]),
        lon=_float(r["longitude"]),
        precision=r.get("geo_precision", ""),
        fatalities=Quantity(best=_num(r["fatalities"])) if r["fatalities"] != "" else None,
        text=r.get("notes") or f"{r['sub_event_type']}: {r['actor1']} in {r['location']}.",
    )


_ADMIN_WORD = re.compile(r"\s+(province|state|region|governorate)$", re.I)


def _ucdp(r: dict[str, str]) -> Row:
    one_sided = r["type_of_violence"].strip() == "3"
    return Row(
        source_id=r["id"],
        day=_iso(r["date_start"][:10]),
        cls=scheme_class("ucdp", r["type_of_violence"]) or _ROOT,
        perpetrators=[(r["side_a"], None)],
        targets=[] if one_sided else [(r["side_b"], None)],
        country=r["country"],
        admin1=re.sub(
            r"\s+(province|state|region|governorate)$", "", r.get("adm_1", ""), flags=re.I
        ),
        location=(r.get("where_coordinates") or r.get("adm_2") or r["country"]).split(",")[0],
        lat=_float(r["latitude"]),
        lon=_float(r["longitude"]),
        precision={"1": "1", "2": "2"}.get(r.get("where_prec", ""), "3"),
        fatalities=Quantity(best=_num(r["best"]), min=_num(r["low"]), max=_num(r["high"])),
        text=r.get("source_headline") or f"{r.get('dyad_name') or r['side_a']} in {r['country']}.",
    )


def _gtd(r: dict[str, str]) -> Row:
    day = date(int(r["iyear"]), max(1, int(r["imonth"] or 1)), max(1, int(r["iday"] or 1)))
    gname = r["gname"].strip()
    perp: list[tuple[str, str | None]] = (
        [] if gname.casefold() in ("", "unknown") else [(gname, None)]
    )
    return Row(
        source_id=r["eventid"],
        day=day.isoformat(),
        cls=scheme_class("gtd", r["attacktype1"]) or _ROOT,
        perpetrators=perp,
        targets=[(r["target1"], None)] if r.get("target1") else [],
        country=r["country_txt"],
        admin1=r.get("provstate", ""),
        location=r["city"] or r.get("provstate") or r["country_txt"],
        lat=_float(r["latitude"]),
        lon=_float(r["longitude"]),
        precision={"1": "1", "2": "2", "3": "2"}.get(r.get("specificity", ""), "3"),
        fatalities=Quantity(best=_num(r["nkill"])) if r["nkill"] != "" else None,
        text=r.get("summary") or f"{r.get('attacktype1_txt') or 'Incident'} in {r['city']}.",
    )


READERS = {"acled": _acled, "ucdp": _ucdp, "gtd": _gtd}


def read_rows(kind: str, path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, row)`` of a dataset file (CSV, or XLSX for GTD); raises
    :class:`DatasetError` when required columns are missing."""
    if kind not in READERS:
        raise DatasetError(f"unknown dataset {kind!r}: choose {', '.join(sorted(READERS))}")
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"no file {path}: give the dataset's CSV (or GTD's XLSX)")
    if path.suffix.lower() in (".xlsx", ".xls"):
        import pandas as pd

        try:
            frame = pd.read_excel(path, dtype=str).fillna("")
        except ImportError as err:
            raise DatasetError("reading .xlsx needs openpyxl: pip install openpyxl") from err
        header = list(frame.columns)
        rows: Any = (
            (i + 2, dict(zip(header, vals, strict=True)))
            for i, vals in enumerate(frame.itertuples(index=False, name=None))
        )
    else:
        f = path.open(encoding="utf-8-sig", newline="")
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = ((reader.line_num, r) for r in reader)
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise DatasetError(
            f"{path} is not a {LAYOUTS[kind]} file: it lacks the column(s) {', '.join(missing)} "
            f"(the codebook's layout is expected; found: {', '.join(header[:12])}...)"
        )
    yield from rows


def row_graph(kind: str, row: Row, authority: Authority, run: RunInfo | None) -> DocumentGraph:
    """The document graph of one row: the row as an article, its event, actors and place."""
    doc_id = f"{kind}-{row.source_id}"
    art = Article(id=doc_id, text=row.text, published=row.day, source=LAYOUTS[kind])
    x = Extraction(art)
    country = authority.entity(
        row.country, f"place/{slug(row.country)}", ("Country",), is_place=True
    )
    x.entities[country.key] = country
    parent = country.key
    if row.admin1 and row.admin1 != row.location:
        e = authority.entity(
            row.admin1,
            f"place/{slug(row.country)}/{slug(row.admin1)}",
            ("AdminRegion",),
            is_place=True,
            relations=[("locatedIn", parent)],
        )
        x.entities[e.key] = e
        parent = e.key
    place = parent
    if row.location and row.location != row.country:
        e = authority.entity(
            row.location,
            f"place/{slug(row.country)}/{slug(row.admin1)}/{slug(row.location)}",
            ("Settlement",),
            is_place=True,
            relations=[("locatedIn", parent)],
        )
        x.entities[e.key] = e
        place = e.key
    roles: dict[str, list[str]] = {"location": [place]}
    for role, actors in (("perpetrator", row.perpetrators), ("target", row.targets)):
        for name, cls in actors:
            e = authority.entity(name, f"actor/{slug(name)}", (cls or "Organization",))
            x.entities.setdefault(e.key, e)
            roles.setdefault(role, []).append(e.key)
    label = f"{row.cls} in {row.location or row.country} {row.day}"
    x.events.append(
        EventRecord(
            "row",
            (row.cls,),
            label,
            roles=roles,
            date=DateValue(row.day, "text"),
            fatalities=row.fatalities,
            evidence=[Span(0, len(row.text), row.text)],
            confidence=1.0,
        )
    )
    g = DocumentGraph.from_extraction(x, run)
    extra: list[Any] = []
    doc = doc_iri(doc_id)
    if row.lat is not None and row.lon is not None:
        s = entity_iri(place)
        for p, v in ((URIRef(WGS84 + "lat"), row.lat), (URIRef(WGS84 + "long"), row.lon)):
            t = (s, p, Literal(f"{v:.5f}", datatype=XSD.decimal))
            st = statement_iri(" ".join(n.n3() for n in t))
            extra += [
                (*t, AUTHORITY_GRAPH),
                (st, RDF.subject, s, AUTHORITY_GRAPH),
                (st, RDF.predicate, p, AUTHORITY_GRAPH),
                (st, RDF.object, t[2], AUTHORITY_GRAPH),
                (st, PROV.wasDerivedFrom, doc, doc),
            ]
    if row.precision in _PRECISION:
        extra.append(
            (event_iri(doc_id, "row"), CKG.locationPrecision, _PRECISION[row.precision], doc)
        )
    assert isinstance(g.triples, list)
    g.triples.extend(ox.Quad(*quad_terms(q[:3]), ox.NamedNode(str(q[3]))) for q in extra)
    return g


@dataclass
class ImportReport:
    """What an import did: rows stored, rows refused (each with its line and why)."""

    rows: int = 0
    problems: list[str] = field(default_factory=list)


def import_dataset(
    store: Any, kind: str, path: str | Path, *, write_batch: int = 512
) -> ImportReport:
    """Import a coded dataset file (``kind``: ``acled``, ``ucdp`` or ``gtd``) into ``store``.

    Rows become documents with one event each (re-importing replaces them); run
    :func:`kg.resolution.resolve` afterwards to join them with news reports. Raises
    :class:`DatasetError` for an unknown kind, a missing file or missing columns.
    """
    from kg._version import __version__
    from kg.ingestion.run import write_documents

    if kind not in READERS:
        raise DatasetError(f"unknown dataset {kind!r}: choose {', '.join(sorted(READERS))}")
    rows = read_rows(kind, Path(path))
    first = next(rows, None)  # checks the file and its columns before anything is written
    store.install_ontology()
    authority = Authority.of(store)
    run = RunInfo(
        run_id=f"import-{kind}-{slug(Path(path).name)}",
        version=__version__,
        model=f"{LAYOUTS[kind]} import",
    )
    rep = ImportReport()
    batch: list[DocumentGraph] = []
    for line, raw in itertools.chain([first] if first else [], rows):
        try:
            row = READERS[kind]({k: (v or "").strip() for k, v in raw.items() if k})
        except (ValueError, KeyError) as err:
            rep.problems.append(f"{path}:{line}: {err}")
            continue
        batch.append(row_graph(kind, row, authority, run))
        rep.rows += 1
        if len(batch) >= write_batch:
            write_documents(store, batch)
            batch = []
    if batch:
        write_documents(store, batch)
    store.flush()
    return rep
