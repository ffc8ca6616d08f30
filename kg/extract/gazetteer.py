"""The gazetteer: actors and places as data (``data/actors.json``, ``data/places.json``).

Each entry has an ``id`` (the canonical key, stable across documents), a ``label``, ontology
``types``, ``aliases`` (acronyms, demonyms, other scripts), an optional Wikidata ``qid`` and
``relations`` (``affiliateOf``, ``basedIn``, ``locatedIn``, ``partOf``, ...). The loader checks
the data and raises one error naming the entry and the problem.

>>> gaz = Gazetteer.load()
>>> gaz["isis-k"].label, gaz["isis-k"].relations["affiliateOf"]
('ISIS-K', ['isis'])
>>> sorted(gaz.lookup("Daesh"))
['isis']
>>> gaz.ancestors("kerman")
['iran-kerman-province', 'iran']
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError

DATA = Path(__file__).parent / "data"
PLACE_TYPES = {"Place", "Country", "AdminRegion", "Settlement", "Site"}
ACTOR_TYPES = {
    "Actor",
    "Person",
    "Organization",
    "ArmedGroup",
    "Government",
    "IntelligenceAgency",
    "MediaOutlet",
    "State",
    "SocialGroup",
}
RELATIONS = {"affiliateOf", "memberOf", "spokespersonOf", "basedIn", "locatedIn", "partOf"}


def norm(text: str) -> str:
    """A matching key for a name: NFKC, case-folded, quotes unified, ``the`` dropped.

    >>> norm("The Islamic Emirate’s")
    "islamic emirate's"
    >>> norm("ISIS-K") == norm("isis k")
    True
    """
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u200c", "")
    t = re.sub(r"[\u2010-\u2015\-_/]", " ", t)
    t = re.sub(r"[^\w' ]+", " ", t)
    t = re.sub(r"^the\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


@dataclass
class Entry:
    """One gazetteer entry."""

    id: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    relations: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_place(self) -> bool:
        """Places are located somewhere; a country that acts is a place too."""
        return bool(PLACE_TYPES & set(self.types))

    @property
    def names(self) -> tuple[str, ...]:
        """The label and every alias."""
        return (self.label, *self.aliases)


class Gazetteer:
    """Entries by id, and an alias index from normalised names to ids."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            if e.id in self.entries:
                raise KGError(f"gazetteer: id {e.id!r} appears twice: make ids unique")
            self.entries[e.id] = e
        self.index: dict[str, set[str]] = {}
        for e in entries:
            for name in e.names:
                self.index.setdefault(norm(name), set()).add(e.id)
        for e in entries:
            for rel, targets in e.relations.items():
                for t in targets:
                    if t not in self.entries:
                        raise KGError(
                            f"gazetteer: {e.id} {rel} {t!r}, but there is no entry {t!r}: "
                            "add it or fix the reference"
                        )

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> set[str]:
        """The ids a name may refer to (empty if unknown, several if ambiguous)."""
        return set(self.index.get(norm(name), ()))

    def ancestors(self, key: str) -> list[str]:
        """Places (or parent bodies) ``key`` lies in, nearest first.

        >>> Gazetteer.load().ancestors("af-wardak-chak")
        ['af-wardak', 'afghanistan']
        """
        out: list[str] = []
        todo = [key]
        while todo:
            e = self.entries.get(todo.pop(0))
            if e is None:
                continue
            for rel in ("locatedIn", "partOf"):
                for t in e.relations.get(rel, []):
                    if t not in out and t != key:
                        out.append(t)
                        todo.append(t)
        return out

    def depth(self, key: str) -> int:
        """How deep a place sits (a country 0, a province 1, a district 2)."""
        return len(self.ancestors(key))

    @classmethod
    def from_files(cls, *files: Path) -> Gazetteer:
        """Load and check entries from JSON files (lists of objects)."""
        entries = []
        for f in files:
            try:
                rows = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise KGError(f"gazetteer file {f} cannot be read: {err}") from err
            for i, row in enumerate(rows):
                where = f"{f.name}[{i}] ({row.get('id', '?')})"
                missing = {"id", "label", "types"} - set(row)
                if missing:
                    raise KGError(f"gazetteer {where}: missing {sorted(missing)}")
                bad = set(row["types"]) - PLACE_TYPES - ACTOR_TYPES
                if bad:
                    raise KGError(
                        f"gazetteer {where}: unknown types {sorted(bad)}; "
                        f"use {sorted(PLACE_TYPES | ACTOR_TYPES)}"
                    )
                rels = row.get("relations", {})
                if set(rels) - RELATIONS:
                    raise KGError(
                        f"gazetteer {where}: unknown relations {sorted(set(rels) - RELATIONS)}; "
                        f"use {sorted(RELATIONS)}"
                    )
                entries.append(
                    Entry(
                        id=row["id"],
                        label=row["label"],
                        types=tuple(row["types"]),
                        aliases=tuple(a for a in row.get("aliases", []) if a.strip()),
                        qid=row.get("qid"),
                        relations={k: list(v) for k, v in rels.items()},
                    )
                )
        return cls(entries)

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer (cached)."""
        return _packaged()


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    return Gazetteer.from_files(DATA / "actors.json", DATA / "places.json")
