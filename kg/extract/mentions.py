"""Event mentions: what the sentence-level rules find, before document-level merging.

A :class:`Mention` is one trigger with its class, roles (entity keys), counts, the date
expressions attached to it and the mentions it is about (for statements). A
:class:`Reading` holds what every rule of one sentence needs: the document, the sentence, the
entity spans by token, the mentions found so far and the language pack.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract import classes
from kg.extract.doctext import doc_tokens
from kg.extract.gazetteer import PLACE_TYPES
from kg.extract.lang import LanguagePack
from kg.records import Quantity

# places that are only places (a country also acts, as a state)
PLACE_ONLY = frozenset(PLACE_TYPES - {"Country"})
PERSONS_KEY = "ckg_persons"  # doc.user_data: where each named person ends, once per document
ENTITY_TYPES_KEY = "ckg_entity_types"  # doc.user_data: entity key -> linked type, once per doc
PRONOUN_REACH = 80  # tokens: how far back "he said" looks for the person it names


@dataclass
class Mention:
    """One mention of an event in a sentence (before document-level merging)."""

    id: int
    cls: str
    trigger: Token
    sent: Span
    roles: dict[str, list[str]] = field(default_factory=dict)
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    dates: list[str] = field(default_factory=list)  # date expressions attached to it
    year: str | None = None
    about: list[int] = field(default_factory=list)  # ids of mentions it is about
    definite: bool = False
    plural: bool = False
    same_as: int | None = None  # merged into another mention of the same sentence
    part_count: int | None = None  # "twin bombings": 2 parts
    reported_by: list[str] = field(default_factory=list)
    extra_types: set[str] = field(default_factory=set)
    additional: bool = False  # "another", "one additional": a new event, not an elaboration
    more_victims: bool = False  # "six militants were also killed": more of the same event's
    precedent: bool = False  # an earlier event named in passing ("since 2016, when ...")
    asserted: bool = False  # a noun event that a verb says happened ("conducted an air strike")
    pp_dates: list[str] = field(default_factory=list)  # dates from a trailing "on Friday"
    dropped: bool = False  # read, then found not to be an event
    cues: set[str] = field(default_factory=set)  # class cues in its clause ("drone")
    self_counted: bool = False  # its count names the attacker ("killing himself and two")
    item: int = 0  # a roundup's item ("three attacks: A; B; C"): items are distinct events
    bare: bool = False  # its trigger word alone ("there was an explosion"): tells no new event
    # the counts it gives whole ("the toll rose to 16", "8 fatalities."): "fatalities", "injured"
    tolls: set[str] = field(default_factory=set)
    partisan: bool = False  # told by its doers ("JNIM said it had killed 300"): their count
    other_act: bool = False  # an accusation of an act that is no event ("of spying")
    found_on: str | None = None  # the day its dead were found ("found on Sunday"): no later
    other_time: bool = False  # told as at another time ("had entered", "later arrived")
    launched_from: list[str] = field(default_factory=list)  # "fired from Gaza": not where it hit
    weapon_again: bool = False  # "The device exploded": the weapon told before, by its word
    doers_died: bool = False  # "... before he was shot dead by police": the doers' own death

    def add(self, role: str, key: str) -> None:
        """Add ``key`` under ``role`` once."""
        lst = self.roles.setdefault(role, [])
        if key not in lst:
            lst.append(key)

    @property
    def violent(self) -> bool:
        """Whether it is a violent event (as opposed to a statement or an arrest)."""
        return classes.is_violent(self.cls)

    @property
    def speech(self) -> bool:
        """Whether it is a communicative act."""
        return classes.is_speech(self.cls)


@dataclass
class Reading:
    """The state of reading one sentence: shared by the rules of that sentence."""

    pack: LanguagePack
    doc: Doc
    sent: Span
    ent_of: dict[int, Span]
    found: list[Mention] = field(default_factory=list)
    by_tok: dict[int, Mention] = field(default_factory=dict)
    _places: frozenset[int] | None = field(default=None, repr=False)
    _tokens: list[Token] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens, made once (:func:`kg.extract.doctext.doc_tokens`): the
        rules read a sentence's tokens dozens of times."""
        if self._tokens is None:
            self._tokens = doc_tokens(self.doc)[self.sent.start : self.sent.end]
        return self._tokens

    @property
    def outlets(self) -> frozenset[str]:
        """The keys of the media outlets the document names."""
        found = self.doc.user_data.get("ckg_outlets")
        if found is None:
            found = frozenset(s.kb_id_ for s in self.ent_of.values() if s.label_ == "MediaOutlet")
            self.doc.user_data["ckg_outlets"] = found
        return found

    @property
    def entity_types(self) -> dict[str, str]:
        """Entity key -> the type its mentions were linked as, for the whole document (built
        once per document)."""
        found = self.doc.user_data.get(ENTITY_TYPES_KEY)
        if found is None:
            found = {s.kb_id_: s.label_ for s in self.ent_of.values()}
            self.doc.user_data[ENTITY_TYPES_KEY] = found
        return found

    @property
    def place_tokens(self) -> frozenset[int]:
        """The indices of the sentence's tokens inside place names (countries left out)."""
        if self._places is None:
            self._places = frozenset(
                i
                for i in range(self.sent.start, self.sent.end)
                if i in self.ent_of and self.ent_of[i].label_ in PLACE_ONLY
            )
        return self._places

    def _persons(self) -> tuple[list[int], list[str]]:
        """Where each person named in the document ends and their keys, in text order
        (built once per document, in ``doc.user_data``)."""
        cached = self.doc.user_data.get(PERSONS_KEY)
        if cached is None:
            people = sorted(
                {(s.end, s.kb_id_) for s in self.ent_of.values() if s.label_ == "Person"}
            )
            cached = ([e for e, _k in people], [k for _e, k in people])
            self.doc.user_data[PERSONS_KEY] = cached
        return cached

    def person_before(self, i: int, within: int = PRONOUN_REACH) -> str | None:
        """The key of the last person named before token ``i`` (at most ``within`` tokens
        back): what "he" or "she" most likely refers to in news prose."""
        ends, keys = self._persons()
        k = bisect.bisect_right(ends, i) - 1
        if k < 0 or i - ends[k] > within:
            return None
        # someone named by what they are since ("A provincial official, who asked not to be
        # named, disputed this. He said ..."): "he" is that one, no one the text names
        since = self.doc[ends[k] : i]
        unnamed = self.pack.optional_words("official_titles", "single_person_nouns")
        if any(
            t.dep_ == "nsubj" and t.tag_ == "NN" and t.lower_ in unnamed and not t.ent_type_
            for t in since
        ):
            return None
        return keys[k]

    def person_named_at(self, i: int, key: str) -> None:
        """Record that token ``i`` (a pronoun resolved by :meth:`person_before`) names the
        person ``key``: a later "he said" may refer to it, so a speaker told of by pronouns
        sentence after sentence stays in reach."""
        ends, keys = self._persons()
        k = bisect.bisect_right(ends, i + 1)
        ends.insert(k, i + 1)
        keys.insert(k, key)

    def words(self, name: str, *more: str) -> frozenset[str]:
        """A word list of the language pack (the union of several, with ``more``)."""
        return self.pack.words(name, *more)

    def add(self, m: Mention, at: int | None = None) -> None:
        """Record a mention found in this sentence (by its trigger token, or at ``at``)."""
        self.found.append(m)
        self.by_tok.setdefault(m.trigger.i if at is None else at, m)

    def mention(self, mention_id: int) -> Mention | None:
        """The mention of this sentence with id ``mention_id``."""
        return next((x for x in self.found if x.id == mention_id), None)
