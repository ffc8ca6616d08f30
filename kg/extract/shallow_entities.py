"""Actors, places, groups and sites in text read without a parser or an NER model (Dari and
Pashto): the ``ckg_shallow_entities`` component.

It writes what :mod:`kg.extract.entities` writes for English (``doc.spans["ckg"]`` with each
span's canonical key in ``kb_id_`` and ontology class in ``label_``; ``doc._.ckg_new`` for
minted entities; ``doc._.ckg_relations`` for ``locatedIn``), so that the record builder
(:mod:`kg.extract.build`) and everything after it are the same for every language. Names come
from the gazetteer and the actor authority (their Arabic-script names), never from code; what
a language says around a name comes from its pack (``names.json``, ``arguments.json``):

1. the longest name the gazetteer knows wins; a place of the world gazetteer (not curated)
   counts only where the text uses it as one: after a word for a kind of place (``شهر``,
   ``ولایت``) or before one (Pashto ``ښار``, ``ولایت``), after a locative (``در``), in
   brackets, or next to another place;
2. a name after a word for a kind of place that the gazetteer lacks is a new place of that
   kind, lying in the place the text names next to it (``شهر خار، ... ایالت خیبرپختونخوا``);
3. among several places of one name, the one inside a place the document also names wins,
   then the kind the text asks for, then the most populous;
4. a word for people (``سرباز``, ``غیرنظامیان``) is a group of that kind (``group:military``),
   of the country a demonym or a country name right after it gives (``مرزبان ایرانی``); a
   member word before a named actor (``جنگجویان طالبان``) is that actor;
5. a person's name is what follows a title (``ډاکټر``), or starts with a common given name,
   or stands before a comma and a word that describes a person (``X، خبرنگار ...``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.calendars import date_reader
from kg.extract.entities import GROUP_PREFIX, GROUP_TYPES, SITE_PREFIX, SPAN_KEY
from kg.extract.gazetteer import Gazetteer
from kg.extract.lang import LanguagePack, language_pack
from kg.extract.overlap import non_overlapping
from kg.extract.script import fold, token_norm
from kg.geo.names import key as name_key

MAX_NAME = 6
_KIND_TYPE = {"place": "Settlement", "admin2": "Settlement", "admin1": "AdminRegion"}
_KIND_RANK = {"site": 0, "place": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass
class Found:
    """A mention before it becomes a span: tokens ``start:end``, candidate keys, what it is."""

    start: int
    end: int
    ids: list[str]
    what: str  # "gaz", "newplace", "group", "site", "person", "state"
    kind: str = ""  # the place kind the text asks for ("place", "admin1", ...)
    label: str = ""


def _phrases(table: Mapping[str, Any]) -> dict[tuple[str, ...], Any]:
    """Phrases of a pack table by their normalised token tuple (a non-joiner inside a word
    is also matched as a space between two words)."""
    out: dict[tuple[str, ...], Any] = {}
    for phrase, value in table.items():
        for variant in {phrase, phrase.replace("\u200c", " ")}:
            toks = tuple(token_norm(w) for w in variant.split())
            out.setdefault(toks, value)
    return out


class ShallowLinker:
    """Find actor, place, group, site and person mentions and link each to one key."""

    def __init__(self, nlp: Language, name: str = "ckg_shallow_entities") -> None:
        self.name = name
        self.gaz = Gazetteer.load()
        self.pack: LanguagePack = language_pack(nlp.lang)
        p = self.pack
        self.groups = _phrases(p.table("group_nouns"))
        self.sites = _phrases(p.table("facility_nouns"))
        self.members = {token_norm(w) for w in p.words("member_nouns")}
        self.demonyms = {token_norm(k): v for k, v in p.table("demonyms").items()}
        self.state_words = {token_norm(w) for w in p.table("state_words")}
        self.state_weapons = {token_norm(w) for w in p.words("state_weapons")}
        self.titles = {token_norm(w) for w in p.words("person_titles")}
        self.given = {token_norm(w) for w in p.words("given_names")}
        # number words ("درې", "سه") are never names, as digits are not
        self.letter_variants = str.maketrans(
            {fold(k): fold(v) for k, v in p.table("letter_variants").items()}
        )
        self.not_names = {token_norm(w) for w in p.words("not_names")} | {
            token_norm(w) for w in p.table("quantities")
        }
        self.describers = {token_norm(w) for w in p.words("description_words")}
        self.before = {token_norm(k): v for k, v in p.table("location_words").items()}
        self.after = {token_norm(k): v for k, v in p.table("location_words_after").items()}
        self.loc_preps = {token_norm(w) for w in p.words("location_preps")}
        self.preps = {token_norm(w) for w in p.table("role_preps")} | {
            token_norm(w) for w in p.table("role_postps")
        }
        self.number_words = {token_norm(w) for w in p.table("quantities")}
        self.vehicles = {token_norm(w) for w in p.words("vehicle_nouns")}
        self.demonstratives = {token_norm(w) for w in p.words("demonstratives")}
        self.connectors = {fold(k): fold(v) for k, v in p.table("name_connectors").items()}
        self.not_names |= self.demonstratives
        # the words of the pack's triggers, as words and as stems
        self.verb_words: set[str] = set()
        self.verb_stems: set[str] = set()
        for rule in [*p.value("event_rules"), *p.value("statement_rules")]:
            self._pattern_words(rule["patterns"])
        self._pattern_words([q for qs in p.table("casualty_rules").values() for q in qs])
        # words of the pack's vocabulary are never part of a person's name
        self.vocabulary = (
            {w for k in self.groups for w in k}
            | {w for k in self.sites for w in k}
            | {token_norm(w) for w in p.words("death_nouns")}
            | self.members
            | self.describers
            | set(self.before)
            | set(self.after)
        )
        self.affiliates: dict[tuple[str, str], str] = {}
        for e in self.gaz.entries.values():
            for parent in e.relations.get("affiliateOf", []):
                for base in e.relations.get("basedIn", []):
                    self.affiliates.setdefault((parent, base), e.id)
        self.gloss: dict[str, str] = {}
        self._dated: set[int] = set()
        self.endings = sorted(
            ((fold(k), fold(v)) for k, v in p.table("oblique_endings").items()),
            key=lambda kv: -len(kv[0]),
        )

    # ------------------------------------------------------------ names in the gazetteer

    def _lookup(self, surfaces: list[str], respell: bool = False) -> dict[str, set[str]]:
        """Surface -> ids, trying the text as written and folded (Pashto letters, yeh, kaf);
        ``respell``: only with the pack's letter variants ("کونړ" as "کونر")."""
        keys: dict[str, list[str]] = {}
        for s in surfaces:
            joined = " ".join(self.connectors.get(w, w) for w in fold(s).split())
            variants: tuple[str, ...] = (
                s,
                fold(s),
                joined,
                s.replace("\u200c", " "),
                s.replace("\u200c", ""),
            )
            if respell:
                variants = tuple(v.translate(self.letter_variants) for v in variants[1:3])
            for v in variants:
                keys.setdefault(name_key(v), []).append(s)
        found = self.gaz.lookup_keys(list(keys))
        out: dict[str, set[str]] = {}
        for k, ids in found.items():
            for s in keys[k]:
                out.setdefault(s, set()).update(ids)
        return out

    def _gazetteer(self, doc: Doc, dated: set[int]) -> list[Found]:
        toks = list(doc)
        grams: list[tuple[int, int, str]] = []
        for i, t in enumerate(toks):
            if t.is_punct or t.is_space or t.like_num or t.norm_ in self.not_names or i in dated:
                continue
            surface = ""
            for j in range(i, min(len(toks), i + MAX_NAME)):
                u = toks[j]
                if u.is_punct or u.is_space or u.like_num or (j > i and u.is_sent_start):
                    break
                if j in dated:
                    break
                surface += (toks[j - 1].whitespace_ if j > i else "") + u.text
                if u.norm_ not in self.not_names:
                    grams.append((i, j + 1, surface))
        ids_of = self._lookup([g[2] for g in grams])
        bases: dict[str, list[str]] = {}
        for g in grams:
            base = self._direct_case(g[2]) if g[2] not in ids_of else ""
            if base:
                bases.setdefault(base, []).append(g[2])
        for b, ids in self._lookup(list(bases)).items():
            for surface in bases[b]:
                ids_of.setdefault(surface, set()).update(ids)
        if self.letter_variants:
            # last: a Pashto letter where other spellings of the name have a Persian one
            rest = [g[2] for g in grams if g[2] not in ids_of]
            rest += [b for b in bases if not any(s in ids_of for s in bases[b])]
            for surface, ids in self._lookup(rest, respell=True).items():
                for s in bases.get(surface, [surface]):
                    ids_of.setdefault(s, set()).update(ids)
        out = []
        for i, j, surface in grams:
            ids = ids_of.get(surface) or set()
            if not ids:
                continue
            curated = [x for x in ids if x in self.gaz.entries]
            if curated:
                out.append(Found(i, j, sorted(curated), "gaz"))
            elif self._reads_as_place(doc, i, j):
                out.append(Found(i, j, sorted(ids), "gaz", kind=self._asked_kind(doc, i, j)))
        return out

    def _pattern_words(self, patterns: list[str]) -> None:
        for pattern in patterns:
            for word in pattern.split():
                for alt in word.lstrip("?").split("|"):
                    if alt.endswith("*") and len(alt) > 3:
                        self.verb_stems.add(token_norm(alt[:-1]))
                    elif alt != "…":
                        self.verb_words.add(token_norm(alt))

    def _direct_case(self, surface: str) -> str:
        """A name with the oblique ending of its last word replaced (Pashto "طالبانو" ->
        "طالبان"); "" when none applies or too little would be left."""
        f = fold(surface)
        for ending, direct in self.endings:
            if f.endswith(ending) and len(f.split()[-1]) - len(ending) >= 3:
                return f[: len(f) - len(ending)] + direct
        return ""

    def _asked_kind(self, doc: Doc, i: int, j: int) -> str:
        """The kind of place the words around a name ask for ("" when none); a name in
        brackets is the province of the place before it ("هرات (هرات)")."""
        if i > 0 and doc[i - 1].text == "(":
            return "admin1"
        if i > 0 and doc[i - 1].norm_ in self.before:
            return str(self.before[doc[i - 1].norm_])
        if j < len(doc) and doc[j].norm_ in self.after:
            return str(self.after[doc[j].norm_])
        return ""

    def _reads_as_place(self, doc: Doc, i: int, j: int) -> bool:
        prev = doc[i - 1].norm_ if i > 0 else ""
        nxt = doc[j].norm_ if j < len(doc) else ""
        if self._asked_kind(doc, i, j) or prev in self.loc_preps or nxt == "(":
            return True
        return prev == "(" and nxt in (")", "،", ",")

    # ------------------------------------------------------------ other mentions

    def _phrase_spans(self, doc: Doc, table: dict[tuple[str, ...], Any], what: str) -> list[Found]:
        out = []
        norms = [t.norm_ for t in doc]
        longest = max((len(k) for k in table), default=0)
        for i in range(len(doc)):
            for n in range(min(longest, len(doc) - i), 0, -1):
                value = table.get(tuple(norms[i : i + n]))
                if value is not None:
                    out.append(Found(i, i + n, [], what, label=str(value[0])))
                    self.gloss[f"{i}:{i + n}"] = str(value[1])
                    break
        return out

    def _new_places(self, doc: Doc, taken: set[int]) -> list[Found]:
        """Rule 2: a name after (or, in Pashto, before) a word for a kind of place."""
        out = []
        for t in doc:
            kind = self.before.get(t.norm_)
            if t.i > 0 and doc[t.i - 1].norm_ in self.demonstratives:
                continue  # "این شهر": this town, named before
            if kind and kind != "country":
                j = t.i + 1
                while (
                    j < len(doc)
                    and j - t.i <= 3
                    and self._name_word(doc[j])
                    and j not in taken
                    and doc[j].norm_ not in self.before
                ):
                    j += 1
                if j > t.i + 1:
                    out.append(Found(t.i + 1, j, [], "newplace", kind=str(kind)))
            kind = self.after.get(t.norm_)
            if kind and kind != "country":
                i = t.i
                while (
                    i > 0
                    and t.i - i < 3
                    and self._name_word(doc[i - 1])
                    and (i - 1) not in taken
                    and doc[i - 1].norm_ not in self.after
                ):
                    i -= 1
                if i < t.i:
                    out.append(Found(i, t.i, [], "newplace", kind=str(kind)))
        for t in doc:
            if t.text != "(" or t.i < 2:
                continue
            # "در میرعلی (وزیرستان شمالی، خیبرپختونخوا)": a place, then where it lies
            i = t.i
            while i > 0 and t.i - i < 3 and self._name_word(doc[i - 1]) and (i - 1) not in taken:
                i -= 1
            if i < t.i and i > 0 and doc[i - 1].norm_ in self.loc_preps:
                out.append(Found(i, t.i, [], "newplace", kind="place"))
        return out

    def _respelled(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Rule 2b: a place name the gazetteer holds in another spacing. Persian script writes
        a compound name solid, with a non-joiner or with a space ("پلخمری", "پل‌خمری",
        "پل خمری"): a name not found as written is looked up split once at every letter
        (each part two letters or more) and, when it has several words, joined."""
        out: list[Found] = []
        for f in found:
            if f.what != "newplace":
                out.append(f)
                continue
            name = fold(doc[f.start : f.end].text).replace(" ", "")
            variants = [name] + [
                name[:k] + " " + name[k:] for k in range(2, len(name) - 1) if len(name) >= 5
            ]
            ids = {i for v in self._lookup(variants).values() for i in v}
            if not ids and self.letter_variants:
                ids = {i for v in self._lookup(variants, respell=True).values() for i in v}
            places = sorted(i for i in ids if (e := self.gaz.get(i)) is not None and e.is_place)
            out.append(Found(f.start, f.end, places, "gaz", kind=f.kind) if places else f)
        return out

    def _name_word(self, t: Any) -> bool:
        n = t.norm_
        return not (
            n in self.vocabulary
            or n in self.verb_words
            or any(n.startswith(stem) for stem in self.verb_stems)
            or t.i in self._dated
            or t.is_punct
            or t.is_space
            or t.like_num
            or n in self.not_names
            or n in self.preps
            or n in self.number_words
            or n in self.before
            or n in self.after
            or n in self.describers
            or n in self.titles
            or not t.text[:1].isalpha()
        )

    def _persons(self, doc: Doc, taken: set[int]) -> list[Found]:
        """Rule 5: names after a title, from a given name, or before ``، <describer>``."""
        out = []
        i = 0
        while i < len(doc):
            t = doc[i]
            start = None
            if t.norm_ in self.titles and i + 1 < len(doc) and self._name_word(doc[i + 1]):
                start = i + 1
            elif t.norm_ in self.given and i not in taken and self._name_word(t):
                start = i
            if start is not None:
                j = start
                while j < len(doc) and j - start < 4 and self._name_word(doc[j]) and j not in taken:
                    j += 1
                if j - start >= (1 if start > i else 2):
                    out.append(Found(start, j, [], "person"))
                    i = j
                    continue
            i += 1
        # X، <describer>: the name before the comma
        for t in doc:
            if (
                t.text in ("،", ",")
                and t.i + 1 < len(doc)
                and doc[t.i + 1].norm_ in self.describers
            ):
                j = t.i
                i = j
                while i > 0 and j - i < 3 and self._name_word(doc[i - 1]) and (i - 1) not in taken:
                    i -= 1
                if i < j and not any(f.start <= i < f.end for f in out):
                    out.append(Found(i, j, [], "person"))
        return out

    # ------------------------------------------------------------ choosing and linking

    def _choose(self, f: Found, doc_places: set[str]) -> str:
        """Rule 3: one id among a name's candidates."""
        gaz = self.gaz

        def score(i: str) -> tuple[int, int, int, int, str]:
            e = gaz[i]
            inside = len(set(gaz.ancestors(i)) & doc_places)
            kind_ok = int(
                not f.kind or e.kind == f.kind or (f.kind == "place" and e.kind == "admin2")
            )
            return (inside, kind_ok, int(i in gaz.entries), e.population, i)

        return max(f.ids, key=score)

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        self.gloss = {}
        dated: set[int] = set()
        for d in date_reader(self.pack).find(doc.text, None, unresolved=True):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                dated.update(range(span.start, span.end))
        self._dated = dated
        # words for people and sites first: a world place that is also such a word is not one
        cands = self._phrase_spans(doc, self.groups, "group")
        cands += self._phrase_spans(doc, self.sites, "site")
        cands += self._gazetteer(doc, dated)
        chosen = _longest(cands)
        taken = {k for f in chosen for k in range(f.start, f.end)}
        chosen = _longest(chosen + self._respelled(doc, self._new_places(doc, taken)))
        taken = {k for f in chosen for k in range(f.start, f.end)}
        chosen = _longest(chosen + self._persons(doc, taken))
        # places the document names for sure (one candidate, or curated)
        # the places the document names for sure: curated ones, and what all the candidates
        # of an ambiguous name lie in
        doc_places: set[str] = set()
        for f in chosen:
            if f.what != "gaz" or not any(gaz[i].is_place for i in f.ids):
                continue
            curated = [i for i in f.ids if i in gaz.entries]
            if len(curated) == 1 and gaz[curated[0]].kind in ("admin1", "country"):
                doc_places |= {curated[0], *gaz.ancestors(curated[0])}
            elif len(curated) == 1:
                doc_places |= set(gaz.ancestors(curated[0]))
            elif len(f.ids) > 1:
                doc_places |= set.intersection(*(set(gaz.ancestors(i)) for i in f.ids))
        new: dict[str, tuple[str, tuple[str, ...]]] = {}
        spans: list[Span] = []
        for f in chosen:
            k, label = self._link(doc, f, doc_places, new)
            if k:
                spans.append(Span(doc, f.start, f.end, label=label, kb_id=k))
        spans = self._members(doc, spans)
        spans = self._countries(doc, spans)
        doc.spans[SPAN_KEY] = spans
        doc._.ckg_new = new
        doc._.ckg_relations = self._located(doc, spans, doc_places)
        doc.user_data["ckg_glosses"] = {
            (s.start_char, s.end_char): self.gloss[f"{s.start}:{s.end}"]
            for s in spans
            if f"{s.start}:{s.end}" in self.gloss
        }
        return doc

    def _link(
        self, doc: Doc, f: Found, doc_places: set[str], new: dict[str, tuple[str, tuple[str, ...]]]
    ) -> tuple[str | None, str]:
        text = doc[f.start : f.end].text
        if f.what == "gaz":
            k = self._choose(f, doc_places)
            e = self.gaz[k]
            if e.is_place and not self._fits(f, k, doc_places):
                # a district named like its province, a town the world gazetteer has only
                # elsewhere: a place of its own, in what the text names around it
                return self._link(
                    doc, Found(f.start, f.end, [], "newplace", f.kind or "place"), doc_places, new
                )
            if not e.is_place and doc_places:
                k = self._affiliate(k, doc_places)
            return k, self.gaz[k].types[0]
        if f.what == "group":
            return f"{GROUP_PREFIX}{f.label}", GROUP_TYPES[f.label]
        if f.what == "site":
            return f"{SITE_PREFIX}{f.label}:{self.gloss[f'{f.start}:{f.end}']}", "Site"
        slug = "-".join(fold(text).split())
        if f.what == "newplace":
            types = (_KIND_TYPE.get(f.kind, "Settlement"),)
            k = f"place/{slug}"
            new.setdefault(k, (text, types))
            return k, types[0]
        k = f"person/{slug}"
        new.setdefault(k, (text, ("Person",)))
        return k, "Person"

    def _fits(self, f: Found, k: str, doc_places: set[str]) -> bool:
        """Whether a world place fits where the text puts it: not of a larger kind than the
        text asks for, and inside the places the document names for sure (if any)."""
        e = self.gaz[k]
        if e.kind == "country":
            return True
        if f.kind and _KIND_RANK.get(e.kind, 1) > _KIND_RANK.get(f.kind, 1):
            return False
        # the most precise level the document names for sure, above this place's own
        rank = _KIND_RANK.get(e.kind, 1)
        above = [p for p in doc_places if _KIND_RANK.get(self.gaz[p].kind, 1) > rank]
        if not above or k in doc_places:
            return True
        top = min(_KIND_RANK.get(self.gaz[p].kind, 1) for p in above)
        frame = {p for p in above if _KIND_RANK.get(self.gaz[p].kind, 1) == top}
        return bool(set(self.gaz.ancestors(k)) & frame)

    def _affiliate(self, k: str, doc_places: set[str]) -> str:
        """A group named by its parent's name in a report on the country where one of the
        parent's affiliates is based is that affiliate (Afghan outlets call ISKP "داعش")."""
        e = self.gaz[k]
        if "ArmedGroup" not in e.types or "Government" in e.types:
            return k
        own = set(e.relations.get("basedIn", []))
        hits = [
            a
            for (parent, base), a in self.affiliates.items()
            if parent == k and base in doc_places and base not in own
        ]
        return hits[0] if len(hits) == 1 else k

    def _members(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Rule 4: a member word right before a named actor is that actor (its mention
        starts at the member word: "جنگجویان طالبان" are the Taliban)."""
        out: list[Span] = []
        for s in spans:
            if out and s.kb_id_ and not s.kb_id_.startswith((GROUP_PREFIX, SITE_PREFIX)):
                prev = out[-1]
                e = self.gaz.get(s.kb_id_)
                actor = e is not None and not e.is_place
                member = doc[prev.start : prev.end][-1].norm_ in self.members or (
                    prev.kb_id_.startswith(GROUP_PREFIX)
                    and prev.kb_id_ != f"{GROUP_PREFIX}civilians"
                )
                if actor and member and prev.end == s.start:
                    out[-1] = Span(doc, prev.start, s.end, label=s.label_, kb_id=s.kb_id_)
                    continue
            out.append(s)
        return out

    def _countries(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Rule 4: ``مرزبان ایرانی``, ``ارتش پاکستان``: a group of that country; ``مقام‌های
        پاکستانی``: the state itself."""
        by_start = {s.start: s for s in spans}
        out: list[Span] = []
        skip: set[int] = set()
        for s in spans:
            if s.start in skip:
                continue
            if s.kb_id_.startswith(GROUP_PREFIX) and "@" not in s.kb_id_:
                country, end = self._country_after(doc, s.end, by_start)
                if country:
                    if end in by_start or any(x.start < end and x.start >= s.end for x in spans):
                        skip |= {x.start for x in spans if s.end <= x.start < end}
                    out.append(
                        Span(doc, s.start, end, label=s.label_, kb_id=f"{s.kb_id_}@{country}")
                    )
                    continue
            out.append(s)
        # "officials of Pakistan", "وزارت خارجه پاکستان": the state (a word between: the
        # ministry's or the officials' kind)
        for t in doc:
            if t.norm_ not in self.state_words:
                continue
            # a ministry is a building only when no state owns it in the text
            cover = [x for x in out if x.start <= t.i < x.end]
            if any(not x.kb_id_.startswith(SITE_PREFIX) for x in cover):
                continue
            for k in range(t.i + 1, min(len(doc), t.i + 3)):
                d = self.demonyms.get(doc[k].norm_)
                c = next((x for x in out if x.start == k and x not in cover), None)
                e = self.gaz.get(c.kb_id_) if c is not None else None
                if d and d in self.gaz:
                    found = Span(doc, t.i, k + 1, label="State", kb_id=d)
                elif c is not None and e is not None and "Country" in e.types:
                    found = Span(doc, t.i, c.end, label="State", kb_id=c.kb_id_)
                    cover.append(c)
                elif c is None and not (doc[k].is_punct or doc[k].norm_ in self.preps):
                    continue
                else:
                    break
                out = [x for x in out if x not in cover] + [found]
                break
        # "پهپاد پاکستانی", "د ایران الوتکې": a weapon only a state's forces use, with the
        # state's name, stands for its armed forces
        military = GROUP_TYPES.get("military", "StateForce")
        for t in doc:
            if t.norm_ not in self.state_weapons or any(x.start <= t.i < x.end for x in out):
                continue
            start = t.i
            country, end = self._country_after(doc, t.i + 1, {x.start: x for x in out})
            before = next((x for x in out if x.end == t.i), None)
            if country is None and t.i > 0 and doc[t.i - 1].norm_ in self.demonyms:
                country, start, end = self.demonyms[doc[t.i - 1].norm_], t.i - 1, t.i + 1
            elif country is None and before is not None:
                e = self.gaz.get(before.kb_id_)
                if e is not None and "Country" in e.types:
                    country, start, end = before.kb_id_, before.start, t.i + 1
            if country:
                out = [x for x in out if not (start <= x.start < end)]
                out.append(
                    Span(doc, start, end, label=military, kb_id=f"{GROUP_PREFIX}military@{country}")
                )
        return sorted(out, key=lambda x: x.start)

    def _country_after(self, doc: Doc, j: int, by_start: dict[int, Span]) -> tuple[str | None, int]:
        for k in range(j, min(len(doc), j + 3)):
            t = doc[k]
            if t.norm_ in self.demonyms:
                return self.demonyms[t.norm_], k + 1
            s = by_start.get(k)
            if s is not None:
                e = self.gaz.get(s.kb_id_)
                if e is not None and "Country" in e.types:
                    return s.kb_id_, s.end
                return None, j
            if t.is_punct or t.norm_ in self.preps:
                break
        return None, j

    def _located(
        self, doc: Doc, spans: list[Span], doc_places: set[str]
    ) -> list[tuple[str, str, str]]:
        """Rule 2: a place the gazetteer lacks lies in the larger place named next to it
        (after it in Dari's "town, province, country", before it in Pashto's "of the
        province, in the town"), with only punctuation, kind words or "of" between."""
        places = [s for s in spans if s.label_ in ("Settlement", "AdminRegion", "Country", "Site")]
        rels = []
        for a, b in itertools.pairwise(places):
            between = doc[a.end : b.start]
            if len(between) > 3 or any(
                not (t.is_punct or t.norm_ in self.before or t.norm_ in self.after or len(t) <= 2)
                for t in between
            ):
                continue
            ra, rb = self._rank(a), self._rank(b)
            small, big = (a, b) if ra < rb else (b, a) if rb < ra else (None, None)
            if small is None or big is None or small.kb_id_ in self.gaz:
                continue
            rels.append((small.kb_id_, "locatedIn", big.kb_id_))
        # a new place nothing holds lies in the one province the document names, else in
        # its one country (as the English builder places unknown places)
        held = {r[0] for r in rels}
        for level in ("admin1", "country"):
            frame = [p for p in doc_places if self.gaz[p].kind == level]
            if len(frame) == 1:
                for s in places:
                    if s.kb_id_ not in self.gaz and s.kb_id_ not in held:
                        rels.append((s.kb_id_, "locatedIn", frame[0]))
                        held.add(s.kb_id_)
        return rels

    def _rank(self, s: Span) -> int:
        e = self.gaz.get(s.kb_id_)
        if e is not None:
            return _KIND_RANK.get(e.kind, 1)
        return {"AdminRegion": 3, "Country": 4}.get(s.label_, 1)


def _longest(found: list[Found]) -> list[Found]:
    """The longest mentions that do not overlap, in text order (earlier rules first on ties)."""
    return non_overlapping(found)


@Language.factory("ckg_shallow_entities")
def make_shallow_linker(nlp: Language, name: str) -> ShallowLinker:
    """The spaCy factory for :class:`ShallowLinker`."""
    return ShallowLinker(nlp, name)
