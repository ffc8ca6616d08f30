"""Events and statements: triggers, arguments from the dependency parse, modality.

The ``ckg_events`` component reads each sentence and writes *event mentions* to
``doc._.ckg_events``; :mod:`kg.extract.build` then merges mentions of one real-world event and
resolves dates. A mention records its trigger, class, roles (entity keys), counts, the date
expressions attached to it and the mentions it is about (for statements).

Rules (all from the lexicon, none for a particular text):

- a verb or noun whose lemma is in the lexicon, or a phrase (``air strike``, ``claimed
  responsibility``) triggers a mention; a noun that only modifies another noun (``IED
  facilitator``) does not;
- a trigger under a modal, a negation, or a verb of planning, threatening, preventing or
  denying (``was planning attacks``) is not an event that happened and is dropped;
- agent: the subject (active), the ``by`` phrase (passive or noun), an actor modifying a noun
  trigger (``Taliban crackdowns``, ``U.S. drone strike``); target/victim: the object, ``on``
  and ``against`` phrases, the passive subject; location: places in ``in/at/near`` phrases or
  elsewhere in the clause, the most precise one; counts: numbers on the victims;
- a noun trigger inside a violent verb's ``in``/``with``/``during`` phrase, or a relative
  clause on a noun trigger (``bombings that killed 100``), is the same event;
- ``X carried out/conducted/staged E`` makes X E's perpetrator; under a verb of saying whose
  subject is not X it is an *attribution* by that subject; ``X claimed responsibility for E``
  is a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract.entities import SPAN_KEY
from kg.extract.lexicon import lexicon, number_word, quantity
from kg.records import Quantity

if not Doc.has_extension("ckg_events"):
    Doc.set_extension("ckg_events", default=None)

VIOLENT = {
    "Attack",
    "Bombing",
    "SuicideBombing",
    "AirStrike",
    "Assassination",
    "ArmedClash",
    "SecurityOperation",
    "Abduction",
}
SPEECH = {
    "Statement",
    "Denial",
    "Accusation",
    "Attribution",
    "ClaimOfResponsibility",
    "DeclinedToComment",
}
_LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "from"}
_TARGET_PREPS = {"on", "against", "at", "targeting"}
_HARM_VERBS = {"kill", "hit", "target", "weaken", "destroy", "damage", "wound", "injure", "strike"}
_SAME_EVENT_PREPS = {"in", "with", "during", "by", "through", "via"}
# a past span of time a report totals events over: "in the last month", "over the past year"
_PERIODS = {"week", "month", "year", "weeks", "months", "years"}
_PAST_SPAN = {"last", "past", "previous", "recent"}
_COUNT_DEPS = {"nummod", "quantmod", "amod", "det", "compound", "advmod"}
_SUICIDE = re.compile(r"\bsuicide\b", re.I)
_YEAR = re.compile(r"^(19|20)\d\d$")
MAX_SENTENCE_TOKENS = 400
_IRREALIS_ADJ = {
    "possible",
    "potential",
    "planned",
    "future",
    "imminent",
    "hypothetical",
    "threatened",
    "would-be",
    "foiled",
    "thwarted",
    "prevented",
    "averted",
    "feared",
    "expected",
    "likely",
}
_DEATH_VERBS = {"result", "cause", "confirm", "report", "lead", "leave", "mourn", "announce"}
_OTHER_EVENT = {"similar", "previous", "past", "earlier", "prior", "such", "former", "recent"}
_PLACE_LABELS = {"AdminRegion", "Settlement", "Site", "Place", "Country"}
_DEFINITE = {"the", "these", "those", "all", "both"}
_SEEK = {"target", "targeting", "aim", "seek", "search", "pursue", "hunt", "look", "chase", "track"}


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
    asserted: bool = False  # a noun event that a verb says happened ("conducted an air strike")
    pp_dates: list[str] = field(default_factory=list)  # dates from a trailing "on Friday"
    dropped: bool = False  # read, then found not to be an event

    def add(self, role: str, key: str) -> None:
        """Add ``key`` under ``role`` once."""
        lst = self.roles.setdefault(role, [])
        if key not in lst:
            lst.append(key)

    @property
    def violent(self) -> bool:
        """Whether it is a violent event (as opposed to a statement or an arrest)."""
        return self.cls in VIOLENT

    @property
    def speech(self) -> bool:
        """Whether it is a communicative act."""
        return self.cls in SPEECH


class EventReader:
    """Find event mentions and their arguments, sentence by sentence."""

    def __init__(self, nlp: Language, name: str = "ckg_events") -> None:
        self.name = name
        lex = lexicon()
        self.verbs: dict[str, str] = lex["verbs"]
        self.nouns: dict[str, str] = lex["nouns"]
        self.phrases: dict[str, str] = lex["phrases"]
        self.modal_verbs = set(lex["modality"]["verbs"])
        self.modal_aux = set(lex["modality"]["aux"])
        self.modal_nouns = set(lex["modality"]["nouns"])
        self.perp_verbs = set(lex["perpetration_verbs"])
        self.generic_heads = set(lex["generic_actor_heads"])
        self.force_nouns = set(lex["force_nouns"])
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for p, cls in self.phrases.items():
            self.phrase_matcher.add(cls, [nlp.tokenizer(p)])

    # ------------------------------------------------------------ component

    def __call__(self, doc: Doc) -> Doc:
        ent_of: dict[int, Span] = {}
        for s in doc.spans.get(SPAN_KEY, []):
            for i in range(s.start, s.end):
                ent_of[i] = s
        phrase_heads: dict[int, tuple[str, int]] = {}
        for match_id, start, end in self.phrase_matcher(doc):
            cls = doc.vocab.strings[match_id]
            head = self._phrase_head(doc, start, end, cls)
            phrase_heads[head] = (cls, start)
        mentions: list[Mention] = []
        for sent in doc.sents:
            if len(sent) > MAX_SENTENCE_TOKENS:
                # no real sentence is this long (a table, a list run together, junk): the
                # rules walk the parse per trigger, so they would cost its length squared
                warnings = doc.user_data.setdefault("ckg_warnings", [])
                warnings.append(
                    f"sentence at {sent.start_char} skipped: {len(sent)} tokens, more than "
                    f"{MAX_SENTENCE_TOKENS}"
                )
                continue
            try:
                mentions.extend(self._sentence(doc, sent, ent_of, phrase_heads, len(mentions)))
            except Exception as err:  # a sentence the rules cannot handle is skipped, logged
                warnings = doc.user_data.setdefault("ckg_warnings", [])
                warnings.append(f"sentence at {sent.start_char} skipped: {type(err).__name__}")
        doc._.ckg_events = mentions
        return doc

    @staticmethod
    def _phrase_head(doc: Doc, start: int, end: int, cls: str) -> int:
        if cls in ("ClaimOfResponsibility", "DeclinedToComment"):
            # "claimed responsibility", "declined to comment", "did not comment": the verb
            return doc[start:end].root.i
        return end - 1

    # ------------------------------------------------------------ triggers

    def _trigger_class(self, tok: Token, phrase_heads: dict[int, tuple[str, int]]) -> str | None:
        if tok.i in phrase_heads:
            return phrase_heads[tok.i][0]
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            return self.verbs.get(lemma)
        if tok.pos_ in ("NOUN", "PROPN"):
            cls = self.nouns.get(lemma) or self.nouns.get(tok.lower_)
            if cls is None:
                return None
            # a noun that only modifies another noun names no event ("IED facilitator")
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
                if self.nouns.get(tok.head.lemma_.lower()) is None:
                    return None
            return cls
        return None

    def _modal(self, tok: Token, cls: str) -> bool:
        """Planned, threatened, prevented, denied, negated or hypothetical: not an event."""
        if cls in SPEECH:
            return any(c.dep_ == "neg" for c in tok.children) and cls != "DeclinedToComment"
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in self.modal_aux for c in tok.children):
            return True
        if any(c.dep_ == "amod" and c.lower_ in _IRREALIS_ADJ for c in tok.children):
            return True  # "a possible attack", "a planned bombing", "future operations"
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "prep" and c.lower_ in ("since", "throughout") for c in tok.children
        ):
            return True  # "50 insurgents killed since the beginning of the year": a tally
        if self._over_a_period(tok):
            return True  # "have captured 17 leaders in the last month": a tally
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ in ("VBZ", "VBP") and not any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
                for c in tok.children
            ):
                return True  # "he plans attacks", "the leader manages fighters": habitual
            if tok.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
            ):
                return True  # "an operation to capture a leader": a purpose, not a result
        else:
            gov = self._governor_verb(tok)
            if gov is not None and gov.lemma_.lower() not in self.perp_verbs | {
                "claim",
                "say",
                "report",
            }:
                if self._verb_irrealis(gov):
                    return True  # "plans attacks", "to conduct their attacks"
            elif gov is not None and self._verb_irrealis(gov) and gov.tag_ in ("VBZ", "VBP", "VB"):
                if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in gov.children):
                    return True
            if (
                gov is not None
                and (gov.dep_ == "relcl" or (gov.dep_ == "conj" and gov.head.dep_ == "relcl"))
                and tok.tag_ == "NNS"
                and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
            ):
                return True  # "a leader who conducted attacks against ...": background
        node = tok
        hops = 0
        while node.head is not node and hops < 4:
            dep = node.dep_
            node = node.head
            hops += 1
            lemma = node.lemma_.lower()
            if dep in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acl", "advcl"):
                if node.pos_ in ("VERB", "AUX") and lemma in self.modal_verbs:
                    if lemma in self.perp_verbs and lemma not in ("plan",):
                        continue
                    return True
                if node.pos_ == "NOUN" and lemma in self.modal_nouns:
                    return True
                if node.pos_ == "NOUN" and lemma not in self.nouns:
                    # "denied involvement in the blast": the blast itself is not denied
                    break
                if any(c.dep_ == "aux" and c.lower_ in self.modal_aux for c in node.children):
                    if node.pos_ in ("VERB", "AUX"):
                        return True
            if node.pos_ in ("VERB", "AUX") and dep not in (
                "xcomp",
                "prep",
                "pobj",
                "pcomp",
                "dobj",
            ):
                break
        return False

    def _over_a_period(self, tok: Token) -> bool:
        """Whether the trigger (or the verb it depends on) is counted over a past period:
        ``in the last month``, ``over the past two weeks``, ``during the previous year``.

        Such a sentence totals many events; it is not one event.
        """
        verb: Token | None = tok if tok.pos_ in ("VERB", "AUX") else self._governor_verb(tok)
        for _ in range(2):  # "conducted operations over the past month, detaining scores"
            if verb is None:
                return False
            for c in verb.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "over", "during", "within"):
                    continue
                for period in c.children:
                    if (
                        period.dep_ == "pobj"
                        and period.lemma_.lower() in _PERIODS
                        and any(m.lower_ in _PAST_SPAN for m in period.children)
                    ):
                        return True
            verb = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else None
        return False

    @staticmethod
    def _governor_verb(tok: Token) -> Token | None:
        """The verb a noun is the object of, through prepositions and conjunctions."""
        node = tok
        for _ in range(4):
            if node.dep_ not in ("dobj", "pobj", "prep", "conj", "nsubjpass", "compound"):
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        return None

    def _verb_irrealis(self, verb: Token) -> bool:
        """A verb that is habitual (present tense), a purpose (``to ...``) or modal."""
        if any(c.dep_ == "aux" and c.lower_ in self.modal_aux for c in verb.children):
            return True
        if verb.tag_ in ("VBZ", "VBP"):
            return True
        if verb.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            return True
        return False

    # ------------------------------------------------------------ sentence

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        ent_of: dict[int, Span],
        phrase_heads: dict[int, tuple[str, int]],
        offset: int,
    ) -> list[Mention]:
        found: list[Mention] = []
        by_tok: dict[int, Mention] = {}
        # the other words of a matched phrase ("air" of "air strike") trigger nothing
        phrase_body = {
            i
            for head, (_cls, start) in phrase_heads.items()
            if start <= head
            for i in range(start, max(head, start) + 1)
            if i != head
        }
        for tok in sent:
            if tok.i in phrase_body:
                continue
            cls = self._trigger_class(tok, phrase_heads)
            if cls is None:
                continue
            if tok.i in ent_of or tok.ent_type_ in ("EVENT", "WORK_OF_ART", "LAW"):
                continue  # a trigger word inside a name ("the Second World War")
            if self._modal(tok, cls):
                continue
            if cls == "Statement" and not self._speech_ok(tok):
                continue
            m = Mention(id=tok.i, cls=cls, trigger=tok, sent=sent)
            found.append(m)
            by_tok[tok.i] = m
        for m in found:
            if m.trigger.pos_ in ("NOUN", "PROPN") and m.cls not in ("ClaimOfResponsibility",):
                self._noun_args(doc, m, ent_of, by_tok)
            else:
                self._verb_args(doc, m, ent_of, by_tok)
        cues = set(lexicon()["additional_cues"])
        for m in found:
            tok = m.trigger
            if tok.pos_ in ("NOUN", "PROPN"):
                scope = list(tok.subtree)
            else:
                scope = []
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        # the object itself, not its later conjuncts ("the planner and one
                        # additional insurgent" tells the same arrest again, with one more)
                        skip = {t.i for x in c.children if x.dep_ == "conj" for t in x.subtree}
                        scope += [t for t in c.subtree if t.i not in skip]
                scope += [c for c in tok.children if c.dep_ == "advmod"]
            heads = {tok.i} | {c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            for t in scope:
                # the cue qualifies the people or the act themselves ("further questioning" no)
                if t.head.i not in heads and tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                if t.lower_ in cues and t.dep_ in ("amod", "advmod", "det", "nummod", "compound"):
                    # "the other occupants" points back; "two additional insurgents" does not
                    if not any(
                        c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                        for c in t.head.children
                    ):
                        m.additional = True
        for m in found:  # "detained two men during an operation in Chak district"
            if "location" in m.roles or m.speech:
                continue
            for c in m.trigger.children:
                if c.dep_ == "prep" and c.lower_ in ("during", "in", "as"):
                    for g in c.children:
                        other = by_tok.get(g.i)
                        if other is not None and other is not m and "location" in other.roles:
                            for k in other.roles["location"]:
                                m.add("location", k)
        self._affiliation_targets(sent, found, ent_of)
        self._same_event_links(found, by_tok)
        self._perpetration(doc, sent, found, ent_of, by_tok)
        self._statement_links(doc, found, by_tok, ent_of)
        for m in found:
            if m.violent and _SUICIDE.search(m.sent.text) and m.cls in ("Attack", "Bombing"):
                if any(
                    t.lower_
                    in (
                        "belt",
                        "belts",
                        "vest",
                        "vests",
                        "bomber",
                        "bombers",
                        "attack",
                        "bombing",
                        "bombings",
                    )
                    for t in m.sent
                    if t.i > 0 and doc[t.i - 1].lower_ == "suicide"
                ):
                    m.cls = "SuicideBombing"
        for m in found:
            if m.violent and m.plural and self._other_events(m) and not (m.dates or m.year):
                m.dropped = True  # "has carried out similar attacks in the province"
        kept = [m for m in found if not m.dropped and not self._empty(m)]
        return kept

    def _affiliation_targets(
        self, sent: Span, found: list[Mention], ent_of: dict[int, Span]
    ) -> None:
        """``detained two men while in search of a Taliban facilitator``: an armed group that
        qualifies the people an arrest or attack went after is its target."""
        roles = set(lexicon()["role_nouns"])
        groups = []
        for t in sent:
            if (
                t.i in ent_of
                and ent_of[t.i].label_ in ("ArmedGroup", "Government")
                and ent_of[t.i].start == t.i
            ):
                span = ent_of[t.i]
                head = span.root.head
                hops = 0
                while (
                    head.dep_ in ("compound", "amod", "nmod") and hops < 3 and head.head is not head
                ):
                    if head.lower_ in roles:
                        break
                    head, hops = head.head, hops + 1
                if span.root.dep_ in ("compound", "amod", "nmod", "poss") and head.lower_ in roles:
                    groups.append((span, head))
        if not groups:
            return
        for m in found:
            if (
                not (m.cls == "Arrest" or m.violent)
                or m.roles.get("target")
                or m.roles.get("victim")
            ):
                continue
            agents = set(m.roles.get("agent", []) + m.roles.get("perpetrator", []))
            for span, _head in groups:
                if span.kb_id_ not in agents:
                    m.add("target", span.kb_id_)

    @staticmethod
    def _other_events(m: Mention) -> bool:
        """``similar attacks``, ``previous bombings``: other events, named in passing."""
        return any(c.dep_ == "amod" and c.lower_ in _OTHER_EVENT for c in m.trigger.children)

    def _speech_ok(self, tok: Token) -> bool:
        """A verb of saying counts when it reports something (a clause, an object, a quote)."""
        if tok.lemma_.lower() in ("add", "state", "report", "confirm", "tell"):
            return any(
                c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in tok.children
            ) or tok.dep_ in ("parataxis", "ROOT")
        return True

    def _empty(self, m: Mention) -> bool:
        """Mentions with nothing but a trigger word are dropped unless they are clearly events."""
        if m.speech:
            return not (m.roles.get("speaker") or m.roles.get("agent"))
        if m.same_as is not None:
            return False
        if m.cls in ("Arrest",):
            return False
        has_args = bool(m.roles) or m.fatalities or m.injured or m.arrested or m.dates or m.year
        if m.trigger.pos_ in ("NOUN", "PROPN") and not has_args and not m.definite:
            return True
        return False

    # ------------------------------------------------------------ arguments

    def _entities_in(
        self, tok: Token, ent_of: dict[int, Span], stop_at_clauses: bool = True
    ) -> list[Span]:
        """Entities in the phrase headed by ``tok`` (its head entity first)."""
        out: list[Span] = []
        seen: set[tuple[int, int]] = set()

        def visit(t: Token, depth: int) -> None:
            if t.i in ent_of:
                s = ent_of[t.i]
                if (s.start, s.end) not in seen:
                    seen.add((s.start, s.end))
                    out.append(s)
            if depth > 6:
                return
            for c in t.children:
                if stop_at_clauses and c.dep_ in ("relcl", "ccomp", "advcl", "parataxis"):
                    continue
                visit(c, depth + 1)

        visit(tok, 0)
        return out

    def _head_entities(self, tok: Token, ent_of: dict[int, Span]) -> list[Span]:
        """The entities a noun phrase names itself: its head, compounds, conjuncts, appositions
        and ``known as`` names; possessors and adjectives (``Yemen's``, ``Tehran-aligned``) only
        when nothing else names it."""
        core: list[Span] = []
        mods: list[Span] = []
        seen: set[tuple[int, int]] = set()

        def add(s: Span, bucket: list[Span]) -> None:
            if (s.start, s.end) not in seen:
                seen.add((s.start, s.end))
                bucket.append(s)

        def based_modifier(t: Token) -> bool:
            # "Afghanistan-based": a place that qualifies, not an actor
            return t.head.lower_ in ("based", "aligned", "backed", "led") and t.head.i == t.i + 2

        def visit(t: Token, depth: int, bucket: list[Span]) -> None:
            if t.i in ent_of and not based_modifier(t):
                add(ent_of[t.i], bucket)
            if depth > 4:
                return
            for c in t.children:
                dep = c.dep_
                if dep in ("compound", "conj", "appos", "cc"):
                    visit(c, depth + 1, bucket)
                elif dep in ("amod", "nmod", "poss", "npadvmod"):
                    visit(c, depth + 1, mods if bucket is core else bucket)
                elif dep == "acl" and c.lemma_.lower() in ("know", "call", "name", "dub"):
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "as":
                            for g in p.children:
                                visit(g, depth + 1, bucket)
                elif (dep == "prep" and c.lower_ in ("including", "like")) or (
                    dep == "prep"
                    and c.lower_ == "of"
                    and (
                        t.lower_ in self.force_nouns
                        or t.lower_ in ("members", "member", "fighters")
                    )
                ):
                    for g in c.children:
                        visit(g, depth + 1, bucket)

        visit(tok, 0, core)
        if core:
            return core + [m for m in mods if m.label_ in ("Person",)]
        if mods:
            return mods
        if (
            tok.lemma_.lower() in self.generic_heads | self.force_nouns
            or tok.lower_ in self.generic_heads
        ):
            # "intercepts collected by the United States", "sources in Washington"
            return self._entities_in(tok, ent_of)
        return []

    def _actors(self, spans: list[Span]) -> list[Span]:
        return [s for s in spans if s.label_ not in ("Place", "AdminRegion", "Settlement", "Site")]

    def _places(self, spans: list[Span]) -> list[Span]:
        return [
            s
            for s in spans
            if s.label_ in ("Place", "AdminRegion", "Settlement", "Site", "Country")
        ]

    def _count(self, tok: Token) -> Quantity | None:
        """The count on a noun: ``nearly 100 people``, ``several insurgents``, ``a leader``."""
        best: Quantity | None = None
        for c in tok.children:
            if c.dep_ not in _COUNT_DEPS:
                continue
            words = [c]
            words += [g for g in c.children if g.dep_ in ("advmod", "quantmod", "compound", "amod")]
            words.sort(key=lambda t: t.i)
            text = " ".join(w.text for w in words)
            q = quantity(text)
            if q is None and c.dep_ == "nummod":
                q = quantity(c.text)
            if (
                q is None
                and c.dep_ == "amod"
                and c.lower_ in ("several", "numerous", "multiple", "additional")
            ):
                q = quantity(c.lower_)
            if q is None and c.dep_ == "det" and c.lower_ in ("a", "an", "several", "some", "both"):
                q = quantity(c.lower_)
            if q is not None and (best is None or c.dep_ == "nummod"):
                if c.dep_ == "nummod" and _YEAR.match(c.text) and int(c.text) > 1900:
                    continue
                best = q
        if best is None:  # "three dozen suspected insurgents": the number hangs off the adjective
            for c in tok.children:
                if c.dep_ != "amod" or c.i > tok.i:
                    continue
                for g in c.children:
                    if g.dep_ in ("npadvmod", "nummod") and (
                        g.like_num or g.ent_type_ == "CARDINAL"
                    ):
                        words = [g, *(w for w in g.children if w.dep_ in ("advmod", "quantmod"))]
                        best = quantity(" ".join(w.text for w in sorted(words, key=lambda t: t.i)))
                        break
        if best is None and (
            tok.pos_ == "NUM"
            or tok.lower_ in ("several", "numerous", "multiple", "dozens", "many", "scores")
            or tok.lower_ in ("hundreds", "thousands")
        ):
            best = quantity(tok.text)
        for c in tok.children:  # "the facilitator along with several of his associates"
            if c.dep_ == "prep" and c.lower_ in ("with", "along") and best is not None:
                for g in c.subtree:
                    if g.dep_ == "pobj" and g.head.lower_ == "with":
                        q2 = self._count(g)
                        if q2 and q2.best and best.best is not None:
                            best = Quantity(
                                best.best + q2.best,
                                (best.min or best.best) + (q2.min or q2.best),
                                None,
                            )
                        break
        if (
            best is None
            and tok.tag_ in ("NN", "NNP")
            and (
                tok.ent_type_ == "PERSON"
                or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that")
                    for c in tok.children
                )
                or tok.lower_
                in (
                    "insurgent",
                    "militant",
                    "leader",
                    "facilitator",
                    "commander",
                    "fighter",
                    "civilian",
                    "soldier",
                    "suspect",
                    "bomber",
                    "individual",
                )
            )
        ):
            best = Quantity(1, 1, 1)  # "a Taliban leader", "the insurgent", "Fayez Jan"
        if best is None and tok.lower_ in ("he", "she", "him", "her"):
            best = Quantity(1, 1, 1)
        if best is None and tok.lower_ in (
            "insurgents",
            "militants",
            "suspects",
            "fighters",
            "individuals",
            "people",
        ):
            if not any(
                c.dep_ in ("det",) and c.lower_ in ("the", "these", "those") for c in tok.children
            ):
                best = None
        for c in tok.children:  # "one additional suspected insurgent"
            if c.dep_ == "conj" and best is not None:
                q2 = self._count(c)
                if q2 and q2.best is not None and best.best is not None:
                    best = Quantity(
                        best.best + q2.best, (best.min or best.best) + (q2.min or q2.best), None
                    )
        return best

    def _set_count(self, m: Mention, noun: Token, kind: str | None = None) -> None:
        q = self._count(noun)
        if q is None:
            return
        lemma = m.trigger.lemma_.lower()
        if kind is None:
            if m.cls == "Arrest" or m.cls == "Abduction":
                kind = "arrested"
            elif lemma in ("wound", "injure"):
                kind = "injured"
            elif lemma in ("kill", "murder", "slay", "execute", "massacre", "assassinate", "die"):
                kind = "fatalities"
            else:
                return
        setattr(m, kind, q)

    def _locations(
        self, m: Mention, tok: Token, ent_of: dict[int, Span], triggers: set[int] | None = None
    ) -> None:
        """Places in the trigger's ``in/at/near`` phrases; for a noun trigger also those of the
        verb it is the object of (``carried out bombings in Iran``); for a verb trigger, failing
        that, places used as locations elsewhere in its clause."""
        holders = [tok]
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ in ("dobj", "nsubjpass")
            and tok.head.pos_ == "VERB"
        ):
            holders.append(tok.head)
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in _LOC_PREPS:
                    for g in c.children:
                        if g.dep_ == "pobj" and not (triggers and g.i in triggers):
                            for s in self._places(self._entities_in(g, ent_of)):
                                m.add("location", s.kb_id_)
        if "location" in m.roles or tok.pos_ in ("NOUN", "PROPN"):
            return
        clause = self._clause(tok)
        if clause is None:
            return
        skip: set[int] = set()
        for t in clause.subtree:
            if triggers and t.i in triggers and t.i != tok.i and t.pos_ in ("NOUN", "PROPN"):
                skip.update(x.i for x in t.subtree)
        for t in clause.subtree:
            if t.i in skip or t.i not in ent_of or t.sent != m.sent:
                continue
            s = ent_of[t.i]
            if s.label_ in ("AdminRegion", "Settlement", "Site", "Place") and self._is_loc_use(t):
                m.add("location", s.kb_id_)

    @staticmethod
    def _is_loc_use(t: Token) -> bool:
        """A place used as a location (in a preposition or an adverbial), not as a modifier."""
        node = t
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.lower_ in _LOC_PREPS:
                return True
            if node.dep_ in ("npadvmod", "appos", "conj", "compound"):
                node = node.head
                continue
            if node.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
                return False
            node = node.head
        return t.dep_ in ("npadvmod", "appos")

    @staticmethod
    def _clause(tok: Token) -> Token | None:
        node = tok
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX") and node.dep_ in (
                "ROOT",
                "ccomp",
                "advcl",
                "conj",
                "relcl",
                "parataxis",
                "xcomp",
            ):
                return node
            if node.head is node:
                return node
            node = node.head
        return node

    def _dates(self, m: Mention, tok: Token, doc: Doc) -> None:
        for c in tok.children:
            if c.ent_type_ == "DATE" or c.lower_ in ("yesterday", "today", "tonight"):
                m.dates.append(self._date_text(c))
            elif c.dep_ == "prep" and c.lower_ in ("on", "in", "during", "since", "at"):
                for g in c.children:
                    if g.dep_ == "pobj" and (g.ent_type_ == "DATE" or _YEAR.match(g.text)):
                        m.dates.append(self._date_text(g))
                        if tok.pos_ in ("NOUN", "PROPN"):
                            m.pp_dates.append(m.dates[-1])
            elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                m.dates.append(self._date_text(c))
            elif c.dep_ == "nummod" and _YEAR.match(c.text):
                m.year = c.text
            elif c.dep_ == "poss" and c.ent_type_ == "DATE":
                m.dates.append(c.text)
                m.definite = True

    @staticmethod
    def _date_text(tok: Token) -> str:
        ent = None
        for e in tok.doc.ents:
            if e.start <= tok.i < e.end:
                ent = e
                break
        if ent is not None and ent.label_ in ("DATE", "TIME"):
            return ent.text
        return " ".join(t.text for t in tok.subtree)

    def _verb_args(
        self, doc: Doc, m: Mention, ent_of: dict[int, Span], by_tok: dict[int, Mention]
    ) -> None:
        tok = m.trigger
        passive = (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            or (tok.dep_ == "acl" and tok.tag_ == "VBN")
            # "two were killed and several others detained": a participle with a bare subject
            or (
                tok.tag_ == "VBN"
                and not any(c.dep_ == "aux" for c in tok.children)
                and tok.dep_ == "conj"
            )
        )
        subj_role = "speaker" if m.speech else ("agent" if m.cls == "Arrest" else "perpetrator")
        obj_role = "victim" if m.cls not in ("Arrest", "SecurityOperation") else "target"
        for c in tok.children:
            if c.dep_ in ("nsubj",) and not passive and tok.lemma_.lower() == "die":
                for s in self._actors(self._head_entities(c, ent_of)):
                    m.add("victim", s.kb_id_)
                self._set_count(m, c)
            elif c.dep_ in ("nsubj",) and not passive:
                for s in self._actors(self._head_entities(c, ent_of)):
                    m.add(subj_role, s.kb_id_)
            elif c.dep_ in ("nsubjpass",) or (c.dep_ == "nsubj" and passive):
                for s in self._actors(self._head_entities(c, ent_of)):
                    m.add(obj_role, s.kb_id_)
                self._set_count(m, c)
            elif c.dep_ == "agent":
                for g in c.children:
                    for s in self._actors(self._head_entities(g, ent_of)):
                        m.add(subj_role, s.kb_id_)
            elif c.dep_ in ("dobj", "attr") and not m.speech:
                for s in self._actors(self._head_entities(c, ent_of)):
                    m.add(obj_role, s.kb_id_)
                self._set_count(m, c)
            elif c.dep_ == "dobj" and m.speech and tok.lemma_.lower() == "tell":
                for s in self._actors(self._head_entities(c, ent_of)):
                    if s.label_ == "MediaOutlet":
                        m.reported_by.append(s.kb_id_)
            elif c.dep_ == "prep" and c.lower_ in ("against", "on") and m.violent:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for s in self._actors(self._head_entities(g, ent_of)):
                            m.add("target", s.kb_id_)
            elif c.dep_ == "prep" and c.lower_ == "to" and m.speech:
                for g in c.children:
                    for s in self._actors(self._head_entities(g, ent_of)):
                        if s.label_ == "MediaOutlet":
                            m.reported_by.append(s.kb_id_)
        for c in tok.children:  # "detained the facilitator along with several of his associates"
            if (
                c.dep_ == "prep"
                and c.lower_ in ("along", "together")
                and getattr(m, "arrested" if m.cls == "Arrest" else "fatalities") is not None
            ):
                for g in c.subtree:
                    if g.dep_ == "pobj" and g.head.lower_ == "with":
                        q2 = self._count(g)
                        kind = "arrested" if m.cls == "Arrest" else "fatalities"
                        q1 = getattr(m, kind)
                        if q2 and q2.best and q1 is not None and q1.best is not None:
                            setattr(
                                m,
                                kind,
                                Quantity(
                                    q1.best + q2.best,
                                    (q1.min or q1.best) + (q2.min or q2.best),
                                    None,
                                ),
                            )
                        break
        for c in tok.children:
            # "killing all three", "detained them", "the two men were killed": told again
            if c.dep_ in ("dobj", "nsubjpass") and (
                c.lower_ in ("him", "them", "her", "all", "both")
                or any(d.dep_ in ("det", "predet") and d.lower_ in _DEFINITE for d in c.children)
            ):
                m.definite = True
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            # "a commander assassinated in Iraq", "resulted in 14 insurgents killed": the noun
            # modified is the victim, and its number the count
            head = tok.head
            for s in self._actors(self._head_entities(head, ent_of)):
                m.add(obj_role, s.kb_id_)
            self._set_count(m, head)
            if head.dep_ == "appos" and head.head.i in ent_of:
                m.add(obj_role, ent_of[head.head.i].kb_id_)
        for c in tok.children:
            # "a car bombing killed five people": the killing is what the bombing did
            if c.dep_ == "nsubj" and c.i in by_tok and by_tok[c.i].violent and m.violent:
                m.same_as = by_tok[c.i].id
        if tok.dep_ == "relcl":
            # "bombings that killed 100", "an attack on a shrine ... that killed 15"
            node = tok.head
            for _ in range(4):
                if node.i in by_tok and by_tok[node.i] is not m and by_tok[node.i].violent:
                    m.same_as = by_tok[node.i].id
                    break
                if node.dep_ not in ("pobj", "prep", "conj", "appos", "compound"):
                    break
                node = node.head
        self._sought(m, tok, ent_of, ("advcl", "xcomp", "prep"))  # "targeting X"
        self._locations(m, tok, ent_of, set(by_tok))
        self._dates(m, tok, doc)

    def _sought(
        self, m: Mention, tok: Token, ent_of: dict[int, Span], deps: tuple[str, ...]
    ) -> None:
        """Actors an event went after: ``targeting X``, ``searching for X``, ``in pursuit of X``."""
        for c in tok.children:
            if c.dep_ in deps and c.lemma_.lower() in _SEEK:
                for g in c.subtree:
                    if g.i in ent_of and g.i != c.i and ent_of[g.i].label_ not in _PLACE_LABELS:
                        m.add("target", ent_of[g.i].kb_id_)

    def _noun_args(
        self, doc: Doc, m: Mention, ent_of: dict[int, Span], by_tok: dict[int, Mention]
    ) -> None:
        tok = m.trigger
        m.plural = tok.tag_ in ("NNS", "NNPS")
        agent_role = "agent" if m.cls in ("Arrest", "SecurityOperation") else "perpetrator"
        for c in tok.children:
            if c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"):
                m.definite = True
            elif c.dep_ == "poss":
                if c.ent_type_ == "DATE":
                    m.dates.append(c.text)
                    m.definite = True
                elif c.lower_ in ("its", "their", "his", "her"):
                    m.definite = True
                else:
                    for s in self._actors(self._head_entities(c, ent_of)):
                        m.add(agent_role, s.kb_id_)
                    m.definite = True
            elif c.dep_ in ("compound", "amod", "nmod"):
                if c.i in ent_of:
                    s = ent_of[c.i]
                    if s.label_ in ("Settlement", "AdminRegion", "Site", "Place"):
                        m.add("location", s.kb_id_)
                    elif s.label_ == "Country" or (s.label_ == "State" and c.dep_ == "amod"):
                        # "a U.S. drone strike": the state acts; "Iranian city": a place
                        m.add(agent_role, s.kb_id_)
                    else:
                        m.add(agent_role, s.kb_id_)
                elif c.lower_ in ("twin", "double"):
                    m.part_count = 2
                elif c.dep_ == "amod" and c.lower_ in ("suicide",):
                    m.extra_types.add("SuicideBombing")
            elif c.dep_ == "nummod":
                if _YEAR.match(c.text):
                    m.year = c.text
                else:
                    n = number_word(c.text)
                    if n and n <= 10:
                        m.part_count = n
            elif c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    for s in self._actors(self._head_entities(g, ent_of)):
                        m.add(agent_role, s.kb_id_)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
                for g in c.children:
                    ents = self._entities_in(g, ent_of)
                    for s in self._actors(self._head_entities(g, ent_of)):
                        m.add("target", s.kb_id_)
                    for s in self._places(ents):
                        if s.label_ != "Country" or c.lower_ == "on":
                            m.add("location", s.kb_id_)
            elif c.dep_ == "prep" and c.lower_ == "of" and m.cls in ("Arrest", "Assassination"):
                for g in c.children:
                    for s in self._actors(self._head_entities(g, ent_of)):
                        m.add("victim" if m.cls == "Assassination" else "target", s.kb_id_)
            elif c.dep_ == "relcl":
                lemma = c.lemma_.lower()
                if lemma in _HARM_VERBS:
                    for g in c.children:
                        if g.dep_ == "dobj":
                            if lemma in ("kill",):
                                q = self._count(g)
                                if q:
                                    m.fatalities = q
                            for s in self._actors(self._head_entities(g, ent_of)):
                                m.add("victim", s.kb_id_)
                            for s in self._places(self._entities_in(g, ent_of)):
                                m.add("location", s.kb_id_)
        if tok.lemma_.lower() in ("death", "fatality"):
            # "resulted in ten insurgent deaths", "confirmed the death of the insurgent"; a
            # death merely named ("the anniversary of the death of X") is no event here
            gov = self._governor_verb(tok)
            if not (
                any(c.dep_ == "nummod" for c in tok.children)
                or (gov is not None and gov.lemma_.lower() in _DEATH_VERBS)
            ):
                m.dropped = True
            q = self._count(tok)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        q = q or self._count(g) or Quantity(1, 1, 1)
                        for s in self._actors(self._head_entities(g, ent_of)):
                            m.add("victim", s.kb_id_)
            if q is not None:
                m.fatalities = q
        self._sought(m, tok, ent_of, ("acl", "relcl"))  # "an operation targeting a leader"
        # "crackdowns have weakened ISIS-K": the verb the event noun is the subject of
        if tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in _HARM_VERBS:
            for g in tok.head.children:
                if g.dep_ in ("dobj",):
                    for s in self._actors(self._head_entities(g, ent_of)):
                        m.add("target", s.kb_id_)
                    if tok.head.lemma_.lower() == "kill":
                        q = self._count(g)
                        if q:
                            m.fatalities = q
        self._locations(m, tok, ent_of, set(by_tok))
        self._dates(m, tok, doc)
        gov = tok.head
        if tok.dep_ == "dobj" and gov.lemma_.lower() in self.perp_verbs | {"confirm", "report"}:
            m.asserted = True
            self._dates(m, gov, doc)
        for c in tok.children:  # "an operation to arrest an al-Qaida associated insurgent"
            if (
                c.dep_ == "acl"
                and c.lemma_.lower() in self.verbs
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ):
                for g in c.children:
                    if g.dep_ == "dobj":
                        for s in self._actors(self._head_entities(g, ent_of)):
                            m.add("target", s.kb_id_)

    # ------------------------------------------------------------ linking mentions

    def _same_event_links(self, found: list[Mention], by_tok: dict[int, Mention]) -> None:
        """``assassinated ... in a drone strike``: the noun's event is the verb's event;
        ``conducted an air strike ..., killing several insurgents``: the participle tells what
        the strike did."""
        for m in found:
            tok = m.trigger
            if tok.pos_ != "VERB" or not m.violent or tok.dep_ not in ("advcl", "conj", "xcomp"):
                continue
            if tok.tag_ != "VBG" and tok.dep_ != "conj":
                continue
            head = tok.head
            target = by_tok.get(head.i)
            if target is None and head.lemma_.lower() in self.perp_verbs:
                for c in head.children:
                    if c.dep_ == "dobj" and c.i in by_tok:
                        target = by_tok[c.i]
            if target is not None and target.same_as is not None:
                # "exploded ..., killing seven and wounding 20": follow the chain to the event
                target = next((x for x in found if x.id == target.same_as), target)
            if target is not None and target is not m and target.violent and target.same_as is None:
                m.same_as = target.id
        for m in found:
            tok = m.trigger
            if tok.pos_ not in ("NOUN", "PROPN") or not m.violent:
                continue
            if (
                tok.dep_ == "pobj"
                and tok.head.dep_ == "prep"
                and tok.head.lower_ in _SAME_EVENT_PREPS
            ):
                verb = tok.head.head
                other = by_tok.get(verb.i)
                if other is not None and other.violent and other is not m:
                    other.extra_types.add(m.cls)
                    for role, keys in m.roles.items():
                        for k in keys:
                            other.add("perpetrator" if role == "agent" else role, k)
                    if m.year and not other.year:
                        other.year = m.year
                    other.dates.extend(m.dates)
                    m.same_as = other.id

    def _perpetration(
        self,
        doc: Doc,
        sent: Span,
        found: list[Mention],
        ent_of: dict[int, Span],
        by_tok: dict[int, Mention],
    ) -> None:
        """``X carried out E`` / ``X was responsible for E``: X is E's perpetrator; under a
        verb of saying by someone else, that someone attributes E to X."""
        for tok in sent:
            lemma = tok.lemma_.lower()
            events: list[Mention] = []
            if tok.pos_ in ("VERB", "AUX") and lemma in self.perp_verbs:
                passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                obj_deps = ("nsubjpass",) if passive else ("dobj",)
                for c in tok.children:
                    if c.dep_ in obj_deps and c.i in by_tok:
                        events.append(by_tok[c.i])
                        events += [by_tok[x.i] for x in c.conjuncts if x.i in by_tok]
                if passive:  # "the attack had been carried out by the Islamic State"
                    subj = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
                else:
                    subj = [c for c in tok.children if c.dep_ == "nsubj"]
            elif tok.lower_ in ("responsible", "behind") and tok.dep_ in (
                "acomp",
                "prep",
                "attr",
                "advmod",
            ):
                for c in tok.children if tok.lower_ == "responsible" else [tok]:
                    if c.dep_ == "prep" or c.lower_ == "behind":
                        for g in c.children:
                            if g.dep_ == "pobj" and g.i in by_tok:
                                events.append(by_tok[g.i])
                head = tok.head
                subj = [c for c in head.children if c.dep_ in ("nsubj",)]
            else:
                continue
            if not events or not subj:
                continue
            actors = self._actors(self._head_entities(subj[0], ent_of))
            if not actors:
                continue
            events = [e for e in events if not self._other_events(e)]
            for ev in events:
                if ev.speech:
                    continue
                for a in actors:
                    ev.add("perpetrator" if ev.cls != "Arrest" else "agent", a.kb_id_)
                ev.definite = ev.definite or any(
                    c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                    for c in ev.trigger.children
                )
            # who says so?
            speaker = self._governing_speaker(tok, ent_of, by_tok)
            perps = {a.kb_id_ for a in actors}
            if speaker and not (set(speaker[1]) & perps):
                trigger_tok, keys = speaker
                att = Mention(
                    id=-1,
                    cls="Attribution",
                    trigger=trigger_tok,
                    sent=sent,
                )
                for k in keys:
                    att.add("speaker", k)
                for k in perps:
                    att.add("attributedTo", k)
                att.about = [e.id for e in events]
                gov = by_tok.get(trigger_tok.i)
                if gov is not None and gov.cls in ("Statement",):
                    gov.cls = "Attribution"
                    gov.about += att.about
                    for k in keys:
                        gov.add("speaker", k)
                    for k in perps:
                        gov.add("attributedTo", k)
                else:
                    att.id = 1_000_000 + trigger_tok.i
                    found.append(att)
                    by_tok.setdefault(trigger_tok.i, att)

    def _governing_speaker(
        self, tok: Token, ent_of: dict[int, Span], by_tok: dict[int, Mention]
    ) -> tuple[Token, list[str]] | None:
        """The nearest governing verb (or noun like "intel") whose subject is an actor."""
        node = tok
        for _ in range(6):
            if node.head is node:
                break
            dep = node.dep_
            node = node.head
            if dep not in (
                "ccomp",
                "acl",
                "xcomp",
                "advcl",
                "relcl",
                "conj",
                "parataxis",
                "dobj",
                "pobj",
                "prep",
            ):
                continue
            holder = node
            if node.pos_ == "NOUN" and node.dep_ in ("dobj", "attr"):
                holder = node.head  # "The U.S. has pretty clear intel that ..."
            if any(c.dep_ == "neg" for c in holder.children):
                return None  # "did not specify that ...": nobody attributes
            for c in holder.children:
                if c.dep_ == "nsubj":
                    actors = self._actors(self._head_entities(c, ent_of))
                    actors = [a for a in actors if a.label_ != "SocialGroup"]
                    actors = [a for a in actors if a.label_ != "MediaOutlet"] or actors
                    if actors:
                        return holder, [a.kb_id_ for a in actors]
        return None

    def _statement_links(
        self, doc: Doc, found: list[Mention], by_tok: dict[int, Mention], ent_of: dict[int, Span]
    ) -> None:
        """Claims are about the events they name; statements about the events they report."""
        for m in found:
            if not m.speech:
                continue
            tok = m.trigger
            if m.cls == "ClaimOfResponsibility":
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        for s in self._actors(self._head_entities(c, ent_of)):
                            m.add("speaker", s.kb_id_)
                # "claimed responsibility for X and Y"
                resp = [c for c in tok.children if c.lower_ == "responsibility"]
                for r in resp:
                    for p in r.children:
                        if p.dep_ == "prep" and p.lower_ == "for":
                            for g in p.children:
                                for t in [g, *g.conjuncts]:
                                    if t.i in by_tok:
                                        m.about.append(by_tok[t.i].id)
                                # "for a 2022 attack ... that killed 15 people and 2017 bombings"
                                for t in g.subtree:
                                    if (
                                        t.i in by_tok
                                        and by_tok[t.i].id not in m.about
                                        and by_tok[t.i].violent
                                        and t.dep_ == "conj"
                                    ):
                                        m.about.append(by_tok[t.i].id)
                for ev_id in m.about:
                    ev = next((x for x in found if x.id == ev_id), None)
                    if ev is None:
                        continue
                    ev.definite = ev.definite or ev.trigger.lower_ in (
                        "attack",
                        "bombings",
                        "bombing",
                    )
                    if ev.definite and ev.pp_dates:
                        # "claimed responsibility for the attack on Saturday": the claim's day
                        for d in ev.pp_dates:
                            ev.dates.remove(d)
                            m.dates.append(d)
                        ev.pp_dates.clear()
                continue
            if m.cls == "DeclinedToComment":
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        for s in self._actors(self._head_entities(c, ent_of)):
                            m.add("speaker", s.kb_id_)
                    if c.dep_ == "xcomp":
                        for g in c.children:
                            if g.dep_ == "prep" and g.lower_ == "to":
                                for h in g.children:
                                    for s in self._actors(self._head_entities(h, ent_of)):
                                        if s.label_ == "MediaOutlet":
                                            m.reported_by.append(s.kb_id_)
                continue
            # events reported in the statement's clause
            for c in tok.children:
                if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis"):
                    for t in c.subtree:
                        if t.i in by_tok and by_tok[t.i] is not m and not by_tok[t.i].speech:
                            ev = by_tok[t.i]
                            if ev.id not in m.about:
                                m.about.append(ev.id)
            # a media outlet that says or reports is the reporter of what is inside
        for m in found:
            if m.speech and not m.roles.get("speaker"):
                continue
        # outlets reporting a whole sentence: "..., Reuters reported."
        outlets = [
            m
            for m in found
            if m.speech and any(self._is_outlet(k, ent_of) for k in m.roles.get("speaker", []))
        ]
        for m in found:
            if m in outlets:
                continue
            for o in outlets:
                for k in o.roles.get("speaker", []):
                    if k not in m.reported_by and k not in m.roles.get("speaker", []):
                        m.reported_by.append(k)

    @staticmethod
    def _is_outlet(key: str, ent_of: dict[int, Span]) -> bool:
        return any(s.kb_id_ == key and s.label_ == "MediaOutlet" for s in ent_of.values())


@Language.factory("ckg_events", requires=["doc.spans"], default_config={})
def make_event_reader(nlp: Language, name: str) -> Any:
    """The spaCy factory for :class:`EventReader`."""
    return EventReader(nlp, name)
