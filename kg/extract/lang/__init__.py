"""Language packs: everything the extraction rules know about one language, as data.

A pack is a folder ``kg/extract/lang/<code>/`` of JSON files, the same file names in every
language (the way spaCy keeps ``spacy/lang/<code>/``): ``triggers.json`` (words and phrases
that name events), ``modality.json`` (what makes an event not happen), ``arguments.json``
(prepositions and nouns that place arguments), ``counts.json`` (number words and the vague
count convention), ``dates.json`` (months, weekdays, relative days), ``statements.json``
(claims, attributions, denials), ``names.json`` (how actors and places are named). Each file
maps section names to a list of words, a table or a value; a ``_doc`` entry explains it.
Section names are unique across a pack's files, so code asks the pack for a section by name:

>>> en = language_pack("en")
>>> "kill" in en.table("verbs"), "forces" in en.words("force_nouns")
(True, True)
>>> en.words("no_such_section")
Traceback (most recent call last):
...
kg.errors.KGError: language pack 'en' has no section 'no_such_section': ...

Code outside ``lang/`` holds no words of any language: what differs between languages is a
file here, never a branch in code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kg.errors import KGError

LANG_DIR = Path(__file__).parent
FILES = (
    "triggers.json",
    "modality.json",
    "arguments.json",
    "counts.json",
    "dates.json",
    "statements.json",
    "names.json",
)


class LanguagePack:
    """The sections of one language's data files, by name.

    Parameters
    ----------
    code:
        The language code (``"en"``).
    sections:
        Section name to its value (a list of words, a table or a scalar), from every file.
    """

    def __init__(self, code: str, sections: Mapping[str, Any]) -> None:
        self.code = code
        self._sections = dict(sections)
        self._words: dict[str, frozenset[str]] = {}
        self._unions: dict[tuple[str, ...], frozenset[str]] = {}  # words(a, b, ...)
        self._optional: dict[tuple[str, ...], frozenset[str]] = {}  # optional_words(...)
        self._tables: dict[str, Mapping[str, Any]] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._sections

    def _get(self, name: str) -> Any:
        try:
            return self._sections[name]
        except KeyError:
            raise KGError(
                f"language pack {self.code!r} has no section {name!r}: "
                f"add it to a file in kg/extract/lang/{self.code}/ "
                f"(sections: {', '.join(sorted(self._sections))})"
            ) from None

    def words(self, name: str, *more: str) -> frozenset[str]:
        """A word list as a set (lists and the keys of tables both work); with ``more``
        names, the union of the lists (built once, like each list).

        >>> pack = LanguagePack("xx", {"a": ["x"], "b": {"y": 1, "_doc": ""}})
        >>> sorted(pack.words("a", "b"))
        ['x', 'y']
        """
        if not more:
            # the rules ask for their lists thousands of times a document: one look-up
            found = self._words.get(name)
            if found is not None:
                return found
        else:
            names = (name, *more)
            union = self._unions.get(names)
            if union is None:
                union = self._unions[names] = frozenset().union(*(self.words(n) for n in names))
            return union
        if name not in self._words:
            value = self._get(name)
            if isinstance(value, Mapping):
                value = [k for k in value if not k.startswith("_")]
            if not isinstance(value, list):
                raise KGError(f"language pack {self.code!r}: section {name!r} is not a word list")
            self._words[name] = frozenset(value)
        return self._words[name]

    def table(self, name: str) -> Mapping[str, Any]:
        """A table (a JSON object), without its ``_doc`` entries; built once, read-only at
        its top level (do not change the lists it holds)."""
        if name not in self._tables:
            value = self._get(name)
            if not isinstance(value, Mapping):
                raise KGError(f"language pack {self.code!r}: section {name!r} is not a table")
            self._tables[name] = MappingProxyType(
                {k: v for k, v in value.items() if not k.startswith("_")}
            )
        return self._tables[name]

    def optional_table(self, name: str) -> Mapping[str, Any]:
        """:meth:`table`, or an empty table when the pack has no such section (a language
        read without a parse lacks the sections of rules that need one).

        >>> language_pack("en").optional_table("no_such_section")
        {}
        """
        return self.table(name) if name in self else {}

    def optional_words(self, *names: str) -> frozenset[str]:
        """The words of those of ``names`` the pack has (:meth:`words`); none for the others.

        >>> "from" in language_pack("en").optional_words("origin_preps", "no_such_section")
        True
        """
        found = self._optional.get(names)
        if found is None:
            present = [n for n in names if n in self]
            found = self._optional[names] = self.words(*present) if present else frozenset()
        return found

    def value(self, name: str) -> Any:
        """Any section as it is in the file."""
        return self._get(name)

    # ------------------------------------------------------------ files

    @classmethod
    def from_disk(cls, path: Path, code: str | None = None) -> LanguagePack:
        """Read a pack folder. Raises :class:`KGError` naming the file and the problem."""
        code = code or path.name
        if not path.is_dir():
            available = sorted(p.name for p in LANG_DIR.iterdir() if (p / FILES[0]).exists())
            raise KGError(
                f"no language pack {code!r} at {path}: available packs are "
                f"{', '.join(available)}; add kg/extract/lang/{code}/ with the files {FILES}"
            )
        sections: dict[str, Any] = {}
        where: dict[str, str] = {}
        for name in FILES:
            f = path / name
            if not f.exists():
                continue
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise KGError(f"language pack file {f} cannot be read: {err}") from err
            if not isinstance(data, dict):
                raise KGError(f"language pack file {f}: expected a JSON object of sections")
            for key, value in data.items():
                if key.startswith("_"):
                    continue
                if key in sections:
                    raise KGError(
                        f"language pack {code!r}: section {key!r} is in both {where[key]} and "
                        f"{name}: keep one"
                    )
                sections[key], where[key] = value, name
        return cls(code, sections)

    def to_disk(self, path: Path) -> None:
        """Write the pack as one file of sections (``pack.json``) into ``path``."""
        path.mkdir(parents=True, exist_ok=True)
        (path / "pack.json").write_text(
            json.dumps({"code": self.code, "sections": self._sections}, ensure_ascii=False),
            encoding="utf-8",
        )

    @classmethod
    def from_saved(cls, path: Path) -> LanguagePack:
        """Read what :meth:`to_disk` wrote."""
        data = json.loads((path / "pack.json").read_text(encoding="utf-8"))
        return cls(data["code"], data["sections"])


@lru_cache(maxsize=8)
def language_pack(code: str = "en") -> LanguagePack:
    """The packaged pack for ``code`` (read once per process)."""
    return LanguagePack.from_disk(LANG_DIR / code, code)
