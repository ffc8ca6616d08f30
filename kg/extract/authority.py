"""The actor authority: ``data/authority.tsv`` and the state actors every country has.

``data/authority.tsv`` lists armed groups, state forces, agencies, governments, parties,
militias and outlets, one a line (its header says the columns). A line whose id is a
hand-curated actor's (``data/actors.json``) adds to that actor: aliases, country, active
years and relations; the curated label and types stay. Every country of
``kg/geo/data/countries.tsv`` also gets, by rule, its ``Military Forces of <Country>``,
``Police Forces of <Country>`` and ``Government of <Country>`` (ACLED's names), with the
surface forms reports use built from its demonyms ("Nigerian troops", "the Somali police",
"the Kenyan government"); when the file already holds that country's forces under another
name (``Tatmadaw``, ``Israel Defense Forces``) the rule adds its forms to that actor instead
(the file lists ``Military Forces of <Country>`` among its aliases).

The loader checks everything and raises one :class:`kg.errors.KGError` naming the entry:
an alias two actors share, an unknown kind, country or related actor, a malformed Wikidata
id or year range.

>>> from kg.extract.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> [gaz[i].label for i in sorted(gaz.lookup("Nigerian troops"))]
['Military Forces of Nigeria']
>>> gaz["iswap"].relations["affiliateOf"], gaz["iswap"].country, gaz["iswap"].active
(['isis'], 'nigeria', (2016, None))
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kg.errors import KGError
from kg.geo.names import key

DATA = Path(__file__).parent / "data"
COUNTRIES = Path(__file__).resolve().parents[1] / "geo" / "data" / "countries.tsv"
KINDS: dict[str, tuple[str, ...]] = {
    "rebel": ("ArmedGroup", "RebelGroup"),
    "militia": ("ArmedGroup", "PoliticalMilitia"),
    "identity-militia": ("ArmedGroup", "IdentityMilitia"),
    "criminal": ("ArmedGroup", "CriminalGroup"),
    "armed": ("ArmedGroup", "NonStateArmedGroup"),
    "state-force": ("StateForce",),
    "police": ("StateForce",),
    "external": ("ArmedGroup", "ExternalForce"),
    "intelligence": ("IntelligenceAgency",),
    "agency": ("GovernmentAgency",),
    "government": ("Government",),
    "de-facto-government": ("Government", "DeFactoGovernment"),
    "party": ("PoliticalParty",),
    "outlet": ("MediaOutlet",),
    "international": ("InternationalOrganization",),
}
RELATIONS = {"affiliateOf", "memberOf", "partOf"}
# types too general to keep when the authority gives an actor's kind
_GENERAL_TYPES = frozenset({"Actor", "Organization"})
_STATE_KINDS = ("state-force", "police", "intelligence", "agency", "government")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_YEARS = re.compile(r"^(\d{4})?-(\d{4})?$")

MILITARY_FORMS = (
    "{d} army",
    "{d} military",
    "{d} troops",
    "{d} soldiers",
    "{d} armed forces",
    "{d} forces",
    "{d} security forces",
    "{d} military forces",
    "{d} air force",
    "{d} warplanes",
    "{d} navy",
    "{c} army",
    "{c}'s army",
    "{c}'s military",
    "{c} armed forces",
    "armed forces of {c}",
    "army of {c}",
)
POLICE_FORMS = (
    "{d} police",
    "{d} police forces",
    "{d} police officers",
    "{d} policemen",
    "{d} gendarmerie",
    "{d} gendarmes",
    "{c} police",
    "{c}'s police",
    "police of {c}",
)
GOVERNMENT_FORMS = (
    "{d} government",
    "{d} authorities",
    "{c} government",
    "{c}'s government",
    "government of {c}",
)


def read_rows(path: Path) -> list[dict[str, str]]:
    """The lines of a tab-separated file with a header line, comments (``#``) skipped."""
    rows, header = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise KGError(
                f"{path.name}:{n}: {len(cells)} columns, expected {len(header)}: {line!r}"
            )
        row = dict(zip(header, [*cells, *[""] * (len(header) - len(cells))], strict=True))
        row["_where"] = f"{path.name}:{n} ({row.get(header[0], '?')})"
        rows.append(row)
    return rows


def authority_entries(
    curated: dict, countries: dict[str, tuple[str, str]], path: Path = DATA / "authority.tsv"
) -> list:
    """Entries of the authority file and the rule-made state actors.

    ``curated``: the hand-curated entries by id (completed in place); ``countries``: ISO
    alpha-2 code -> (country entry id, label). Returns the new entries.
    """
    from kg.extract.gazetteer import Entry

    new: dict[str, Entry] = {}
    pending_rel: list[tuple[str, str, str, str]] = []
    for row in read_rows(path):
        where = row["_where"]
        ident, label, kind = row["id"].strip(), row["label"].strip(), row["kind"].strip()
        if not ident or not label:
            raise KGError(f"authority {where}: id and label are required")
        if kind not in KINDS:
            raise KGError(f"authority {where}: unknown kind {kind!r}; use one of {sorted(KINDS)}")
        cc = row["country"].strip()
        if cc and cc not in countries:
            raise KGError(f"authority {where}: unknown country code {cc!r} (ISO 3166-1 alpha-2)")
        qid = row["qid"].strip() or None
        if qid and not _QID.match(qid):
            raise KGError(
                f"authority {where}: malformed Wikidata id {qid!r} (Q followed by digits)"
            )
        active = _years(row["active"].strip(), where)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        rels: dict[str, list[str]] = {}
        for item in row["relations"].split("|"):
            item = item.strip()
            if not item:
                continue
            rel, _, target = item.partition(":")
            if rel not in RELATIONS or not target:
                raise KGError(
                    f"authority {where}: relation {item!r} is not rel:id "
                    f"with rel in {sorted(RELATIONS)}"
                )
            rels.setdefault(rel, []).append(target)
            pending_rel.append((where, ident, rel, target))
        country = countries[cc][0] if cc else None
        if country and kind in _STATE_KINDS:
            rels.setdefault("partOf", []).append(country)
        elif country:
            rels.setdefault("basedIn", []).append(country)
        if ident in new:
            raise KGError(f"authority {where}: id {ident!r} appears twice")
        if ident in curated:
            e = curated[ident]
            e.aliases = tuple(dict.fromkeys([*e.aliases, label, *aliases]))
            for rel, targets in rels.items():
                have = e.relations.setdefault(rel, [])
                have.extend(t for t in targets if t not in have)
            e.qid = e.qid or qid
            e.active, e.country = active, country
            e.kind = kind
            if set(e.types) <= _GENERAL_TYPES and kind in _STATE_KINDS:
                # "Pakistan Army": an Organization the authority calls a state force
                e.types = KINDS[kind]
            continue
        new[ident] = Entry(
            id=ident,
            label=label,
            types=KINDS[kind],
            aliases=aliases,
            qid=qid,
            relations=rels,
            active=active,
            country=country,
            kind=kind,
        )
    known = set(curated) | set(new)
    for where, _ident, rel, target in pending_rel:
        if target not in known:
            raise KGError(f"authority {where}: {rel} {target!r}, but there is no actor {target!r}")
    _check_aliases(list(curated.values()) + list(new.values()))
    for e in _state_actors(curated, new, countries):
        new[e.id] = e
    return list(new.values())


def _years(text: str, where: str) -> tuple[int | None, int | None] | None:
    if not text:
        return None
    m = _YEARS.match(text)
    if not m:
        raise KGError(f"authority {where}: active years {text!r} are not FIRST-LAST (2015-, -2021)")
    a, b = (int(x) if x else None for x in m.groups())
    if a and b and a > b:
        raise KGError(f"authority {where}: active years {text!r} end before they start")
    return a, b


def _check_aliases(entries: list) -> None:
    """Two actors must not share a name: which one a report means could not be decided."""
    owner: dict[str, str] = {}
    clashes = []
    for e in entries:
        if e.is_place:
            continue
        for n in e.names:
            k = key(n)
            if k in owner and owner[k] != e.id:
                clashes.append(f"{n!r} belongs to both {owner[k]!r} and {e.id!r}")
            owner.setdefault(k, e.id)
    if clashes:
        raise KGError(
            f"authority: {len(clashes)} name(s) shared by two actors (keep each on one of them): "
            + "; ".join(clashes)
        )


def _state_actors(curated: dict, new: dict, countries: dict[str, tuple[str, str]]) -> list:
    """Military, police and government of every country, by rule (see the module docstring)."""
    from kg.extract.gazetteer import Entry

    taken: dict[str, str] = {}
    for e in [*curated.values(), *new.values()]:
        if not e.is_place:
            for n in e.names:
                taken.setdefault(key(n), e.id)
    demonyms = _demonyms()
    # a demonym two countries share ("Congolese") names no one's forces by itself: which
    # country's it is, the text around it says (a group of that country, resolved there)
    seen = Counter(d for dems in demonyms.values() for d in set(dems))
    out = []
    for cc, (cid, clabel) in sorted(countries.items()):
        dems = demonyms.get(cc)
        if dems is None:
            continue
        names = [clabel]
        adjectives = [d for d in dems if not (d.endswith("s") and d[:-1] in dems) and seen[d] == 1]
        for what, forms, types, canonical in (
            ("military", MILITARY_FORMS, ("StateForce",), "Military Forces of {c}"),
            ("police", POLICE_FORMS, ("StateForce",), "Police Forces of {c}"),
            ("government", GOVERNMENT_FORMS, ("Government",), "Government of {c}"),
        ):
            label = canonical.format(c=clabel)
            surface = [f.format(d=d, c=c) for f in forms for d in adjectives[:2] for c in names]
            surface = list(dict.fromkeys(surface))
            owner = taken.get(key(label))
            if owner is not None:  # the file names this country's forces: add the forms there
                target = curated.get(owner) or new.get(owner)
                if target is not None:
                    free = [s for s in surface if key(s) not in taken]
                    target.aliases = tuple(dict.fromkeys([*target.aliases, *free]))
                    for s in free:
                        taken[key(s)] = owner
                continue
            ident = f"{cid}-{what}"
            free = [s for s in surface if key(s) not in taken]
            e = Entry(
                id=ident,
                label=label,
                types=types,
                aliases=tuple(free),
                relations={"partOf": [cid]},
                country=cid,
                kind="government"
                if what == "government"
                else ("police" if what == "police" else "state-force"),
            )
            for n in e.names:
                taken.setdefault(key(n), ident)
            out.append(e)
    return out


def _demonyms() -> dict[str, list[str]]:
    out = {}
    for row in read_rows(COUNTRIES):
        dems = [d for d in row["demonyms"].split("|") if d]
        if dems:
            out[row["cc"]] = dems
    return out
