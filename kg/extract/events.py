"""The ``ckg_events`` component: event and statement mentions, sentence by sentence.

It writes :class:`~kg.extract.mentions.Mention` objects to ``doc._.ckg_events``;
:mod:`kg.extract.build` then merges the mentions of one real-world event and resolves dates.
Each step is a module of its own: :mod:`~kg.extract.triggers` (which words name events),
:mod:`~kg.extract.modality` (which did not happen), :mod:`~kg.extract.arguments` (who, whom,
where, when, how many), :mod:`~kg.extract.statements` (the same event told twice, who did it,
what a statement is about). The words all come from the language pack of the pipeline's
language (:mod:`kg.extract.lang`), so the component is the same for every language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract import classes, statements
from kg.extract.arguments import (
    DOER_ROLES,
    actors,
    affiliation_targets,
    clause_scope,
    clause_year,
    crowd_damage,
    date_text,
    fights_before,
    for_another_cause,
    head_entities,
    instrument_doers,
    locations,
    noun_args,
    perceived,
    places,
    prep_objects,
    raised_passive_subject,
    residents_homes,
    set_count,
    span_before,
    territory_losers,
    tolls,
    verb_args,
)
from kg.extract.classify import is_nonstate_armed
from kg.extract.counts import add_counts
from kg.extract.entities import (
    ARMED_GROUP_KEY,
    CIVILIAN_KIND,
    FORCE_KINDS,
    GROUP_PREFIX,
    SPAN_KEY,
    group_kind,
)
from kg.extract.lang import LanguagePack, language_pack
from kg.extract.mentions import Mention, Reading
from kg.extract.modality import (
    governor_verb,
    negated,
    not_an_event,
    other_events,
    precedent_time,
    speech_reports,
)
from kg.extract.segment import is_heading
from kg.extract.triggers import TriggerFinder, date_word, under_verb, verb_phrases

if not Doc.has_extension("ckg_events"):
    Doc.set_extension("ckg_events", default=None)

_NOUN = ("NOUN", "PROPN")
_VERB = ("VERB", "AUX")


# the dependents that name whom a verb befalls ("two were hurt", "hurt three")
_PATIENT_DEPS = ("nsubjpass", "dobj")


def as_kind(key: str, kind: str) -> str:
    """A group placeholder given another kind, its country kept (groups.json's kinds).

    >>> as_kind("group:civilians@kenya", "protesters")
    'group:protesters@kenya'
    """
    _, _, country = key.partition("@")
    return f"{GROUP_PREFIX}{kind}" + (f"@{country}" if country else "")


class EventReader:
    """Find event mentions and their arguments, sentence by sentence.

    Parameters
    ----------
    nlp:
        The pipeline; its vocabulary tokenises the phrase triggers.
    name:
        The component's name.
    lang:
        The language pack to read with (default: the pipeline's language).
    max_sentence_tokens:
        Longer "sentences" (a table, a list run together) are skipped with a warning: the rules
        walk the parse per trigger, so they would cost the square of the length.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "ckg_events",
        lang: str | None = None,
        max_sentence_tokens: int = 400,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.max_sentence_tokens = max_sentence_tokens
        self._use(language_pack(lang or nlp.lang))

    def _use(self, pack: LanguagePack) -> None:
        self.pack = pack
        self.triggers = TriggerFinder(self.nlp, pack)
        self.cue_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for cue, phrases in pack.table("class_cues").items():
            self.cue_matcher.add(cue, [self.nlp.make_doc(p) for p in phrases])
        self._suicide = re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(pack.words("suicide_words")))) + r")\b", re.I
        )

    # ------------------------------------------------------------ spaCy's serialisation

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the language pack the component reads with."""
        self.pack.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EventReader:
        """Read with the language pack saved at ``path``."""
        self._use(LanguagePack.from_saved(Path(path)))
        return self

    # ------------------------------------------------------------ component

    def __call__(self, doc: Doc) -> Doc:
        ent_of: dict[int, Span] = {}
        for s in doc.spans.get(SPAN_KEY, []):
            for i in range(s.start, s.end):
                ent_of[i] = s
        phrase_heads = self.triggers.phrase_heads(doc)
        self._body = self.triggers.phrase_body(phrase_heads)
        self._last_crowd: Mention | None = None  # the crowd's event told last
        cues: dict[int, set[str]] = {}  # token -> the cues that cover it
        # a word inside the name of the state's forces names them, not what they did ("riot
        # police": no riot)
        state = self.pack.words("state_doer_kinds")
        forces = {
            i
            for s in doc.spans.get(SPAN_KEY, [])
            if group_kind(s.kb_id_) in state
            for i in range(s.start, s.end - 1)
        }
        matches = [
            Span(doc, a, b, label=m)
            for m, a, b in self.cue_matcher(doc)
            if not any(date_word(t) for t in doc[a:b])
            and not forces.issuperset(range(a, b))
            and not self._kind_of_person(doc[b - 1])
        ]
        # the longest: "rocket-propelled grenade", not "rocket"; every cue of a kept stretch
        kept = {(s.start, s.end) for s in filter_spans(matches)}
        for span in matches:
            if (span.start, span.end) in kept:
                for i in range(span.start, span.end):
                    cues.setdefault(i, set()).add(span.label_)
        mentions: list[Mention] = []
        families = self.pack.words("crowd_families")  # the crowd's events, told last kept
        for sent in doc.sents:
            if is_heading(sent):
                continue  # "==Attack==": a section's label, no event
            if len(sent) > self.max_sentence_tokens:
                warnings = doc.user_data.setdefault("ckg_warnings", [])
                warnings.append(
                    f"sentence at {sent.start_char} skipped: {len(sent)} tokens, more than "
                    f"{self.max_sentence_tokens}"
                )
                continue
            r = Reading(self.pack, doc, sent, ent_of)
            told = self._sentence(r, phrase_heads, cues)
            if any(classes.family(m.cls) in families for m in told):
                self._last_crowd = next(m for m in told if classes.family(m.cls) in families)
            elif any(m.violent for m in told if not m.bare):
                self._last_crowd = None  # another event told between
            mentions.extend(told)
        doc._.ckg_events = mentions
        return doc

    def _sentence(
        self, r: Reading, phrase_heads: dict[int, tuple[str, int, int]], cues: dict[int, set[str]]
    ) -> list[Mention]:
        body = self._body
        pack = self.pack
        for tok in r.tokens:
            if tok.i in body:
                continue
            cls = self.triggers.trigger_class(tok, phrase_heads, r.place_tokens)
            if cls is None or self.triggers.inside_a_name(tok, r.ent_of):
                continue
            if not_an_event(tok, cls, pack):
                continue
            if cls == classes.named("statement") and not speech_reports(tok, pack):
                continue
            m = Mention(id=tok.i, cls=cls, trigger=tok, sent=r.sent)
            cue = self.triggers.territory_cue(tok, cls)
            if cue is not None:
                m.cues.add(cue)  # "took the town": a takeover, whoever took it
            r.add(m)
        for m in r.found:
            if m.trigger.pos_ in _NOUN and not m.speech:
                noun_args(r, m)
            else:
                verb_args(r, m)
        perceived(r)
        self._found_dead(r)
        self._lost_in_action(r)
        self._taken_for_care(r)
        self._arrested_over(r)
        self._one_incident_in_two_verbs(r)
        fights_before(r)  # "captured X after heavy fighting with Y": one incident
        statements.perpetration(r)  # "teachers staged a protest": doers before their kind
        _nonstate_readings(r)
        _civilian_doers(r)
        triggers = set(r.by_tok)
        speech = frozenset(m.trigger.i for m in r.found if m.speech)
        weapons = pack.words("weapon_cues")
        moments = pack.words("simultaneity_marks")
        # (what attacks struck, read only where an aircraft's cue is in the sentence)
        crafts = pack.optional_words("craft_cues")
        craft_told = any(cues.get(t.i, set()) & crafts for t in r.tokens)
        struck = self._struck(r) if craft_told else set()
        for m in r.found:
            scope = clause_scope(m.trigger, triggers, speech)
            for i in scope:
                m.cues |= cues.get(i, set())
            # the weapon of the moment it happened ("were killed when their vehicle ran over
            # an explosive device"), not what else was then ("as a depot was on fire")
            # (a vehicle that ran over a device: not "as he tried to detonate a vest")
            # (or one whose subject is a weapon: "when a mortar landed on their position")
            hitting = {
                t.i
                for c in m.trigger.children
                if c.dep_ == "advcl"
                and (
                    c.lemma_.lower() in pack.words("device_hitting_verbs")
                    or any(
                        g.dep_ == "nsubj" and g.lemma_.lower() in pack.words("weapon_nouns")
                        for g in c.children
                    )
                )
                for t in c.subtree
            }
            for i in (clause_scope(m.trigger, triggers, speech, moments) - scope) & hitting:
                m.cues |= cues.get(i, set()) & weapons
            # "rebels shot down his helicopter": an aircraft struck is no air strike
            for cue in crafts if craft_told else ():
                craft = [i for i in scope if cue in cues.get(i, ())]
                if craft and struck.issuperset(craft):
                    m.cues.discard(cue)
        _purpose_of_use(r, cues)
        _assault_arms(r, cues)
        _weapons_disabled(r, cues)
        territory_losers(r)
        crowd_damage(r, cues)
        _armed_civilians(r, pack.words("weapon_cues"))
        _unarmed_readings(r, pack.words("weapon_cues"))
        self._additional(r)
        self._hit_a_device(r, cues)
        tolls(r)
        self._shared_location(r)
        instrument_doers(r)
        affiliation_targets(r)
        statements.same_event_links(r)
        residents_homes(r)
        statements.attributions(r)
        statements.hallmarks(r)
        statements.doers_belonging(r)
        statements.named_suspects(r)
        statements.weapon_placed_by(r)
        statements.doer_stance(r)
        statements.statement_links(r)
        statements.claims_by_saying(r)
        statements.signed_messages(r)
        statements.suspected_links(r)
        statements.responsibility_by_saying(r)
        _nonstate_readings(r, ("claimedBy",))  # "its fighters carried out the operation"
        crowd_control = pack.words("crowd_control_cues")
        crowd = pack.words("crowd_families")
        # how a crowd was handled, and by whom: read only where the sentence tells a crowd
        sentence_cues: set[str] = set()
        handlers: list[str] = []
        if any(classes.family(m.cls) in crowd for m in r.found):
            # (not a clause of another time: "a week after soldiers shot dead three")
            apart = self._other_time_clauses(r)
            sentence_cues = set().union(
                *(cues.get(t.i, set()) for t in r.tokens if t.i not in apart)
            )
            handlers = self._crowd_handlers(r, cues, crowd_control)
        elif self._last_crowd is not None and self._handling_told_on(r, cues, crowd_control):
            # "Protesters marched in X. Police intervened with tear gas.": forces handling a
            # crowd in the sentence after its event, and nothing else, handled that crowd
            handled = set().union(*(cues.get(t.i, set()) for t in r.tokens)) & crowd_control
            for k in self._crowd_handlers(r, cues, crowd_control):
                self._last_crowd.cues |= handled
                if not any(k in keys for keys in self._last_crowd.roles.values()):
                    self._last_crowd.add("participant", k)
            for m in r.found:
                if m.cues & crowd_control and m.same_as is None and not m.speech:
                    # "Security forces fired tear gas and live rounds, killing three": the
                    # firing, and its toll, are the crowd's event's
                    m.same_as = self._last_crowd.id
                    m.roles.pop("perpetrator", None)
        for m in r.found:
            if m.violent and m.plural and not (m.dates or m.year):
                if other_events(m.trigger, pack) or self._summary(m):
                    m.dropped = True  # "has carried out similar (several) attacks in X"
            # (but not one a dated deed is told with: "have repeatedly attacked the town, and
            # on Tuesday they killed four soldiers there")
            if (
                m.violent
                and self._habit(m)
                and not any(
                    x is not m
                    and x.violent
                    and x.trigger.dep_ in ("conj", "parataxis")
                    and m.trigger in (x.trigger.head, *x.trigger.head.children)
                    for x in r.found
                )
            ):
                m.dropped = True  # "Iran has repeatedly struck Kurdish groups in Iraq"
            lemma = m.trigger.lemma_.lower()
            particles = [c.lower_ for c in m.trigger.children if c.dep_ == "prt"]
            phrasal = {f"{lemma} {p}" for p in particles} & pack.words("weapon_verbs")
            if phrasal and m.trigger.pos_ in _VERB:
                # "set off a bomb", not "set off panic": the weapon is what it set off
                held = {x for c in m.trigger.children if c.dep_ == "dobj" for x in c.subtree}
                if not any(cues.get(t.i, set()) & weapons for t in held):
                    m.dropped = True
            elif lemma in pack.words("weapon_verbs") and m.trigger.pos_ in _VERB:
                if not (m.cues & weapons or m.same_as is not None):
                    m.dropped = True  # "the fighters went off to Raqqa"
            if lemma in pack.words("people_harm_verbs") and not (
                m.roles.get("victim")
                or any(
                    c.like_num
                    or (
                        any(g.dep_ == "nummod" for g in c.children)
                        and (
                            c.i in r.ent_of
                            or c.lower_ in pack.words("other_victims_cues")
                            or self._named_as_people(r, c)  # "Eleven officers were hurt"
                        )
                    )
                    for c in m.trigger.children
                    if c.dep_ in _PATIENT_DEPS
                )
            ):
                # "the economy was hurt"; "48 people", "two were hurt", "20 others were hurt"
                m.dropped = True
            elif lemma in pack.words("people_harm_verbs") and any(
                c.dep_ == "nsubj" for c in m.trigger.children
            ):
                # what hurts people is a doer, a weapon or an event ("the blast hurt 12"),
                # not "high prices"
                doers = [k for role in DOER_ROLES for k in m.roles.get(role, [])]
                if not (doers or m.cues & weapons or m.same_as is not None):
                    m.dropped = True
            if (
                lemma in pack.optional_words("people_only_verbs")
                and self._named_by_verb(m)
                and (not self._done_to_people(r, m) or self._judicial(r, m))
            ):
                m.dropped = True  # "executed a search warrant", "executed the attack"
            if lemma in pack.words("agentive_verbs") and not self._destroyed_by_someone(r, m):
                m.dropped = True  # "two cars were destroyed", "police destroyed seized drugs"
            if lemma in pack.words("crowd_only_verbs") and not self._crowd_doers(r, m, crowd):
                m.dropped = True  # "residents gathered at the scene": no protest
            if (
                lemma in pack.words("weak_verbs")
                and not m.violent
                and m.trigger.dep_ == "relcl"
                and m.trigger.head.dep_ == "nsubj"
                # (a clause set off by a comma tells a step of its own: "M23 rebels, who
                # entered Goma on Monday, killed ...")
                and m.trigger.doc[m.trigger.left_edge.i - 1].text != ","
                and any(x.violent and x.trigger.i == m.trigger.head.head.i for x in r.found)
            ):
                m.dropped = True  # "a gunman who entered a shrine opened fire": who, not what
                continue
            if lemma in pack.words("weak_verbs") and m.trigger.pos_ in _VERB:
                # a doer the text or a teller names ("suspected Boko Haram insurgents burned
                # a church"); not one that says it did what the story told already
                stances = ("perpetrator", "agent", "suspectedPerpetrator", "allegedPerpetrator")
                doers = [k for role in stances for k in m.roles.get(role, [])]
                # (or people it harmed to death: "a man was beaten to death")
                harmed = bool(m.roles.get("victim") and m.fatalities)
                # (or the firing joined to it: "rockets fired from X slammed into Y")
                fired = pack.optional_words("projectile_verbs")
                joined = any(
                    x.same_as == m.id and x.violent and x.trigger.lemma_.lower() in fired
                    for x in r.found
                )
                if not (doers or m.cues & weapons or m.same_as is not None or harmed or joined):
                    m.dropped = True  # "an earthquake struck", "prices hit a record"
                elif m.cues & crowd_control and not m.cues & weapons and not _aimed_at_arms(r, m):
                    # (people killed when the forces fired on a crowd: the firing tells how,
                    # whoever the text calls the dead: "17 people were killed when security
                    # forces fired on protesters", excessive force, not the crowd's event)
                    at_crowd = self._aimed_at_crowd(m, crowd)
                    told_how = [
                        x
                        for x in r.found
                        if (x.fatalities or x.injured) and m.same_as == x.id and at_crowd
                    ]
                    if not sentence_cues and not told_how and self._crowd_fired_upon(m, crowd):
                        continue  # "police fired live rounds at protesters": the crowd's event
                    if not any(classes.family(x.cls) in crowd for x in r.found) and (
                        told_how
                        or any(
                            (x.fatalities or x.injured)
                            and (
                                x.same_as == m.id
                                # (the crowd's people killed when the forces fired)
                                or (m.same_as == x.id and self._crowd_people(x))
                            )
                            for x in r.found
                        )
                    ):
                        # "police fired live ammunition at the crowd, killing 3", "two
                        # protesters were killed when police fired tear gas and buckshot"
                        continue
                    m.dropped = True  # "police fired tear gas": how a protest was handled
                    # and what the firing did befell the protest it was aimed at ("soldiers
                    # fired on demonstrators protesting ..., killing eight": excessive force)
                    protest = self._protest_fired_upon(r, m, crowd)
                    for x in r.found:
                        told = x.trigger.tag_ == "VBG" and x.trigger.head.i == m.trigger.i
                        if protest is not None and x.same_as == m.id and told:
                            x.same_as = protest.id
            if classes.family(m.cls) in crowd and m.trigger.pos_ in _VERB:
                # "to disperse a protest": the dispersal is the protest's, one event
                for c in m.trigger.children:
                    gathering = r.by_tok.get(c.i) if c.dep_ == "dobj" else None
                    if gathering is not None and classes.family(gathering.cls) in crowd:
                        if gathering.same_as != m.id:
                            m.same_as = gathering.id
            if classes.family(m.cls) in crowd:
                # a protest is handled in the sentence that tells it ("police fired tear gas
                # to disperse students protesting ...")
                m.cues |= sentence_cues & crowd_control
                for k in handlers:
                    if not any(k in keys for keys in m.roles.values()):
                        m.add("participant", k)  # the police who fired the tear gas
            if m.speech and self._grievance(r, m):
                m.dropped = True  # "staged a protest demanding unpaid salaries": its cause
            if self._bare_demand(m):
                m.dropped = True  # "Ransom demanded.": a note's thing demanded, no speaker
        self._crowd_attacked(r, crowd)
        speech_at = frozenset(m.trigger.i for m in r.found if m.speech)
        for m in r.found:
            clause_year(r, m, speech_at)
        self._precedents(r)
        attribution = classes.named("attribution")
        for m in r.found:
            if m.speech and not m.roles.get("speaker") and m.roles.get("attributedTo"):
                if not classes.subsumes(attribution, m.cls):
                    m.cls = attribution  # "X was blamed for the attack": by unnamed sources
        kept = []
        for m in r.found:
            if m.dropped:
                continue
            if m.trigger.lemma_.lower() in pack.optional_words("aftermath_verbs"):
                if for_another_cause(m.trigger, pack) or not _counted_people(m.trigger):
                    continue  # "hospitalised for a heart condition", "he was hospitalised"
                m.bare = True  # "two other officers were hospitalised": the event told before
            if (
                m.trigger.lower_ in pack.optional_words("wounded_people_words")
                and m.trigger.dep_ == "pobj"
                and m.trigger.head.lower_ in pack.words("of_preps")
                and (m.trigger.head.head.like_num or m.trigger.head.head.pos_ == "NUM")
            ):
                continue  # "two of the wounded were flown to hospital": people, no event
            if m.trigger.lemma_.lower() in pack.optional_table("told_again_nouns"):
                m.bare = True  # "The incident took place near X": the event told before
            if self._weapon_described(r, m):
                continue  # "downed 13 of the 15 drones launched": which drones, no event
            if self._empty(m):
                # one event told by its word alone ("there was an explosion") may be the
                # story's event told again: kept to join it (event coreference), never alone
                if m.speech or m.plural:
                    continue
                m.bare = True
            kept.append(m)
        # the forces' claim of a deed that is another event than the story's, or a deed read
        # and found to be none ("'We have deployed a team,' a police spokesperson said"):
        # about no event told
        gone = {
            m.id for m in r.found if (m.additional and m.violent) or (m.dropped and not m.violent)
        }
        forces = {k for k, t in r.entity_types.items() if classes.is_a(t or "Actor", "StateForce")}
        for m in kept:
            speakers = m.roles.get("speaker", [])
            # (the forces' words of what they did next: a group's "our fighters entered the
            # base" still claims its attack)
            told_by_forces = bool(speakers) and all(
                k in forces or group_kind(k) in FORCE_KINDS for k in speakers
            )
            if m.speech and m.about and all(a in gone for a in m.about) and told_by_forces:
                m.other_act = True
        return kept

    def _avenged(self, m: Mention) -> bool:
        """Whether an event is what another avenged ("the attack was revenge for the
        killing of a clan leader last month": ``reprisal_nouns`` and their phrase): an
        earlier event named in passing."""
        tok = m.trigger
        prep = tok.head if tok.dep_ == "pobj" else None
        return (
            prep is not None
            and prep.dep_ == "prep"
            and prep.head.lemma_.lower() in self.pack.optional_words("reprisal_nouns")
        )

    def _cause(self, m: Mention) -> bool:
        """Whether a noun event is what the one told came after or out of ("the violence
        followed the alleged rape of a schoolgirl", "the clashes were sparked by the killing
        of a youth": ``sequel_verbs``, ``cause_verbs``): an earlier event named in passing."""
        tok = m.trigger
        if tok.pos_ not in _NOUN:
            return False
        if tok.dep_ == "dobj":
            return tok.head.lemma_.lower() in self.pack.optional_words("sequel_verbs")
        by = tok.head
        return (
            tok.dep_ == "pobj"
            and by.dep_ == "agent"
            and by.head.lemma_.lower() in self.pack.optional_words("cause_verbs")
        )

    def _habit(self, m: Mention) -> bool:
        """Whether a verb tells a habit, in the present or the perfect, with one of the
        ``habitual_adverbs`` and no day ("Iran has repeatedly struck Kurdish groups across
        the border"): no event."""
        verb = m.trigger
        if verb.pos_ not in _VERB or m.dates or m.year:
            return False
        if not any(c.lower_ in self.pack.words("habitual_adverbs") for c in verb.children):
            return False
        perfect = any(
            c.dep_ == "aux" and c.lemma_ in self.pack.words("perfect_aux") and c.tag_ != "VBD"
            for c in verb.children
        )
        return perfect or verb.tag_ in ("VBZ", "VBP")

    def _summary(self, m: Mention) -> bool:
        """``have carried out several attacks in the region``: many events counted by a
        verb of the present or the perfect, a summary ("several explosions rocked Kabul"
        tells events)."""
        tok = m.trigger
        many = any(
            c.dep_ == "amod" and c.lower_ in self.pack.words("many_event_words")
            for c in tok.children
        )
        # ("JNIM, which has expanded its operations into Benin": the group's events of no
        # number, no day and no article, told in the perfect)
        theirs = (
            tok.tag_ == "NNS"
            and tok.dep_ == "dobj"
            and any(c.dep_ == "poss" for c in tok.children)
            # (not "carried out their attacks on two mosques": deeds done, at a target)
            and tok.head.lemma_.lower() not in self.pack.words("perpetration_verbs")
            and not any(c.dep_ in ("det", "nummod") for c in tok.children)
            and not m.dates
            # (not the events a harm told with them is one of: "have stepped up their
            # attacks, killing 12 soldiers in Marte on Monday")
            and not any(t.tag_ == "VBG" and t.dep_ == "advcl" for t in tok.head.children)
        )
        if not (many or theirs):
            return False
        verb = governor_verb(tok)
        if verb is None:
            return False
        perfect = any(
            c.dep_ == "aux" and c.lemma_ in self.pack.words("perfect_aux") for c in verb.children
        )
        return perfect or verb.tag_ in ("VBZ", "VBP")

    def _long_before(self, m: Mention) -> bool:
        """An event named a span of time before the one told ("came three years to the day
        after a shooting killed seven", "days after clashes with X"): a ``prelude_preps``
        phrase measured by a time, another, earlier event."""
        prep = m.trigger.head
        if m.trigger.dep_ != "pobj" or prep.lower_ not in self.pack.optional_words("prelude_preps"):
            return False
        definite = self.pack.words("definite_determiners", "demonstrative_determiners")
        if any(c.dep_ in ("det", "poss") and c.lower_ in definite for c in m.trigger.children):
            return False  # "two days after the attack": the story's, told again
        return span_before(prep)

    def _precedents(self, r: Reading) -> None:
        """Events told in a relative clause about an earlier time ("since 2016, when
        militants killed 12 soldiers") are earlier events of that time: dated by it, new
        (never the story's event), and joined to nothing outside their clause."""
        by_id = {m.id: m for m in r.found}
        for m in r.found:
            if m.speech:
                continue
            if other_events(m.trigger, self.pack):
                m.precedent = True  # "a similar bombing in Van": another, earlier event
            if self._avenged(m) or self._long_before(m) or self._cause(m):
                m.additional = m.precedent = True  # "revenge for the killing of X last month"
            interval = self._interval_mark(r, m.trigger)
            if interval is not None:
                # "torched houses, a day after a gunman killed two brothers": another event
                # (an earlier one, told in passing, for "after")
                m.additional = True
                m.precedent = m.precedent or interval in self.pack.optional_words("earlier_marks")
            when = precedent_time(m.trigger, self.pack)
            if when is None:
                continue
            m.additional = m.precedent = True
            if not (m.dates or m.year):
                if when.ent_type_ == "DATE":
                    m.dates.append(date_text(when))
                else:
                    m.year = when.text
            other = by_id.get(m.same_as) if m.same_as is not None else None
            if other is not None:
                theirs = precedent_time(other.trigger, self.pack)
                if theirs is None or theirs.i != when.i:
                    m.same_as = None
        for m in r.found:  # "a similar bombing in Van that killed two soldiers": both earlier
            other = by_id.get(m.same_as) if m.same_as is not None else None
            if other is not None and other.precedent:
                m.precedent = True

    @staticmethod
    def _other_time_clauses(r: Reading) -> frozenset[int]:
        """The tokens of the sentence's clauses set an interval apart ("a week after soldiers
        shot dead three demonstrators"): another event's, never the crowd's handling."""
        return frozenset(
            t.i for v in r.tokens if EventReader._interval_mark(r, v) is not None for t in v.subtree
        )

    @staticmethod
    def _interval_mark(r: Reading, verb: Token) -> str | None:
        """The mark of a clause set an interval apart from the one it hangs on ("a day after
        a gunman killed two brothers", "hours before the vote"): ``interval_nouns`` before
        one of ``sequence_preps``; ``None`` for any other clause."""
        if verb.dep_ != "advcl":
            return None
        if verb.head.lemma_.lower() in r.pack.optional_words("discovery_verbs"):
            return None  # "found eight bodies, a day after gunmen attacked it": its dead
        intervals = r.pack.optional_words("interval_nouns")
        marks = [
            c.lower_
            for c in verb.children
            if c.dep_ == "mark" and c.lower_ in r.words("sequence_preps")
        ]
        spans = any(c.dep_ == "npadvmod" and c.lower_ in intervals for c in verb.children)
        return marks[0] if marks and spans else None

    @staticmethod
    def _crowd_doers(r: Reading, m: Mention, crowd: frozenset[str]) -> bool:
        """Whether the verb's subject names a crowd: a word of a group of the kind crowd
        events are staged by (``civilian_doers_as``: protesters, rioters), as the text
        wrote it ("thousands of demonstrators", not "residents")."""
        kinds = set(classes.crowd_kinds(crowd))
        words = r.pack.table("group_nouns")
        # the subject's head and its conjuncts, or the people of a quantity ("thousands of
        # demonstrators"), not anyone its modifiers name ("relatives of the protesters")
        tok = m.trigger
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ in ("acl", "relcl") and (
            tok.dep_ == "acl" or any(c.tag_ in ("WP", "WDT") for c in subjects)
        ):
            subjects = [tok.head]  # "protesters blocking a highway", "protesters who blocked"
        heads = [h for c in subjects for h in [c, *c.conjuncts]]
        heads += [
            g
            for h in heads
            if h.like_num
            or h.lower_ in r.pack.table("vague_quantities")
            or h.lower_ in r.pack.table("multiples")
            for p in h.children
            if p.dep_ == "prep" and p.lower_ in r.words("of_preps")
            for g in p.children
        ]
        if any(words.get(t.lower_) in kinds for t in heads):
            return True
        # (or people who did it to protest: "students who had blocked a bridge to protest
        # against corruption")
        verbs = r.pack.table("verbs")
        return any(
            c.dep_ in ("xcomp", "advcl")
            and c.lemma_.lower() in verbs
            and classes.family(str(verbs[c.lemma_.lower()])) in crowd
            for c in tok.children
        )

    @staticmethod
    def _protest_fired_upon(r: Reading, m: Mention, crowd: frozenset[str]) -> Mention | None:
        """The crowd's event told by a participle on the people a firing was aimed at
        ("fired on demonstrators protesting the coup": the protest), or ``None``."""
        for x in r.found:
            if classes.family(x.cls) not in crowd or x.dropped:
                continue
            people = x.trigger.head  # "demonstrators" of "demonstrators protesting"
            if (
                x.trigger.dep_ in ("acl", "relcl")
                and people.dep_ == "pobj"
                and people.head.head.i == m.trigger.i
            ):
                return x
        return None

    def _kind_of_person(self, tok: Token) -> bool:
        """Whether a cue word only says what kind of person its head is ("a helicopter
        pilot", "a tank commander": roles, ranks and people of the pack's lists), no weapon
        used; the people who use a weapon are the attackers ("a suicide bomber")."""
        if tok.dep_ not in ("compound", "nmod") or tok.head.i <= tok.i:
            return False
        head = tok.head.lemma_.lower()
        people = self.pack.optional_words("role_nouns", "rank_nouns", "person_nouns")
        armed = self.pack.table("group_nouns").get(tok.head.lower_) == group_kind(ARMED_GROUP_KEY)
        return head in people and not armed

    @staticmethod
    def _crowd_attacked(r: Reading, crowd: frozenset[str]) -> None:
        """``soldiers opened fire on opposition supporters protesting over the results``: the
        people a violent event was aimed at, told by a crowd's participle on them, were that
        crowd (protesters, the kind of its class); its event is the one they were met with
        (excessive force against protesters, ACLED's one event), no crowd event of its own."""
        by_class = {c: k for k, c in classes.crowd_kinds(crowd).items()}
        for x in r.found:
            family = classes.family(x.cls)
            people = x.trigger.head
            if family not in crowd or x.dropped or x.trigger.dep_ not in ("acl", "relcl"):
                continue
            span = r.ent_of.get(people.i)
            key = span.kb_id_ if span is not None else ""
            if group_kind(key) != CIVILIAN_KIND or family not in by_class:
                continue
            # (the people the violence was aimed at, its object or an ``aimed_preps`` phrase's:
            # not "traders were injured as youths clashed with police")
            aimed_by = people.head.head if people.dep_ == "pobj" else people.head
            if people.dep_ == "pobj" and people.head.lower_ not in r.words("aimed_preps"):
                continue
            if people.dep_ not in ("pobj", "dobj"):
                continue
            if aimed_by.dep_ == "dobj":
                aimed_by = aimed_by.head  # "opened fire on ...": the verb of the phrase
            for m in r.found:
                roles = [role for role in ("target", "victim") if key in m.roles.get(role, [])]
                if m is x or m.dropped or not m.violent or not roles:
                    continue
                if m.trigger.i != aimed_by.i:
                    continue
                crowd_key = as_kind(key, by_class[family])
                for role in roles:
                    m.roles[role] = [crowd_key if k == key else k for k in m.roles[role]]
                x.dropped = True
                break

    @staticmethod
    def _aimed_at_crowd(m: Mention, crowd: frozenset[str]) -> bool:
        """Whether a firing was aimed at a crowd's people ("fired on protesters")."""
        kinds = classes.crowd_kinds(crowd)
        return any(
            group_kind(k) in kinds for role in ("target", "victim") for k in m.roles.get(role, [])
        )

    def _crowd_fired_upon(self, m: Mention, crowd: frozenset[str]) -> bool:
        """``Police fired live rounds at protesters``, told with no protest: the crowd's own
        event (a protest or a riot, by the kind of group: ``civilian_doers_as``), its people
        the doers and the force that fired a participant, so that it is read as a protest
        with intervention or excessive force against protesters (ACLED's sub-event types).
        Returns whether the mention was made so."""
        kinds = classes.crowd_kinds(crowd)
        aimed = [
            k
            for role in ("target", "victim")
            for k in m.roles.get(role, [])
            if group_kind(k) in kinds
        ]
        renamed: dict[str, str] = {}
        gathered = self.pack.optional_words("gathered_people_nouns")
        if (
            not aimed
            and m.cues & self.pack.optional_words("crowd_dispersal_cues")
            and not any(t.lower_ in gathered for t in m.trigger.subtree)
        ):
            # "police fired tear gas at youths": people met with the means of crowd control
            # (no weapon of war) were a crowd, the first crowd kind's (protesters)
            first = next(iter(kinds), "")
            civilians = [
                k
                for role in ("target", "victim")
                for k in m.roles.get(role, [])
                if group_kind(k) == CIVILIAN_KIND
            ]
            renamed = {k: as_kind(k, first) for k in civilians}
            aimed = civilians
        if not aimed:
            return False
        kind = group_kind(renamed.get(aimed[0], aimed[0])) or ""
        handlers = m.roles.pop("perpetrator", []) + m.roles.pop("agent", [])
        for role in ("target", "victim"):
            m.roles[role] = [k for k in m.roles.get(role, []) if k not in aimed]
            if not m.roles[role]:
                del m.roles[role]
        m.cls = kinds[kind]
        for k in aimed:
            m.add("perpetrator", renamed.get(k, k))
        for k in handlers:
            m.add("participant", k)
        return True

    def _crowd_handlers(
        self, r: Reading, cues: dict[int, set[str]], crowd_control: frozenset[str]
    ) -> list[str]:
        """Who handled a crowd: the subject of the verb whose words say how ("police fired
        tear gas", "security forces used water cannon": ``crowd_control_cues``)."""
        out: list[str] = []
        apart = self._other_time_clauses(r)
        for t in r.tokens:
            if not cues.get(t.i, set()) & crowd_control or t.i in apart:
                continue
            verb = _verb_of(t) or t.head
            for c in verb.children:
                if c.dep_ == "nsubj":
                    for s in actors(head_entities(r, c)):
                        if s.kb_id_ not in out:
                            out.append(s.kb_id_)
        return out

    def _handling_told_on(
        self, r: Reading, cues: dict[int, set[str]], crowd_control: frozenset[str]
    ) -> bool:
        """Whether a sentence with no crowd of its own tells only how forces handled the crowd
        told before ("Police intervened with tear gas and rubber bullets; 2 killed"): the
        means of crowd control on a verb in the past, with no purpose, target or aim of its
        own, no place, no other incident and no event but its toll ("police fired tear gas
        during a raid in Kano", "to free hostages", "at inmates", "would use tear gas" and
        "Separately, ..." handled no crowd told before)."""
        if self._opens_as_other(r) or any(
            t.lower_ in r.words("other_incident_cues", "separately_words", "other_event_openers")
            for t in r.tokens
        ):
            return False
        if any(places([s]) for s in {r.ent_of[t.i] for t in r.tokens if t.i in r.ent_of}):
            return False
        toll = r.words("consequence_verbs")
        # the people a crowd is made of, and those in it (ACLED's protesters, rioters, civilians)
        crowd_people = {CIVILIAN_KIND, *classes.crowd_kinds(self.pack.words("crowd_families"))}

        # (and its own named people, and the forces that handled it, may be hurt in it)
        own = set(self._last_crowd.roles.get("perpetrator", [])) if self._last_crowd else set()
        forces = self.pack.words("state_doer_kinds")

        def own_event(m: Mention) -> bool:
            """An event of the sentence's own: not its toll, nor the firing of the means of
            crowd control at no one named ("fired tear gas at them")."""
            if m.speech or classes.subsumes(classes.named("arrest"), m.cls):
                return False  # (and the arrests of the crowd: "moved in and detained 20")
            if m.cues & crowd_control:
                return bool(m.roles.get("target") or m.roles.get("victim"))
            if any(
                group_kind(k) not in crowd_people and group_kind(k) not in forces and k not in own
                for k in m.roles.get("victim", [])
            ):
                return True  # "killing three cultists": armed men, no crowd's toll
            return m.trigger.lemma_.lower() not in toll or bool(m.roles.get("perpetrator"))

        if any(own_event(m) for m in r.found):
            return False
        verbs = {_verb_of(t) for t in r.tokens if cues.get(t.i, set()) & crowd_control}
        if not verbs or None in verbs:
            return False
        aims = r.words("aimed_preps")
        during = r.words("during_preps") - r.words("location_preps")  # "during a raid"
        for v in verbs:
            assert v is not None
            if v.tag_ != "VBD" or any(c.tag_ == "MD" for c in v.children):
                return False  # "would use tear gas if needed"
            for c in v.children:
                if c.lemma_.lower() in toll and c.tag_ == "VBG":
                    continue  # "fired tear gas and live rounds, killing three": its toll
                if c.dep_ in ("xcomp", "advcl", "ccomp", "dobj") and c.pos_ in _VERB:
                    return False  # "to free hostages", "to stop a fight"
                if c.dep_ == "prep" and c.lower_ in aims | during:
                    aimed = [g for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON"]
                    if any(
                        g.i not in r.ent_of or group_kind(r.ent_of[g.i].kb_id_) not in crowd_people
                        for g in aimed
                    ):
                        return False  # "at inmates", "during a raid", "into a garment factory"
        return True

    def _grievance(self, r: Reading, m: Mention) -> bool:
        """A participle of saying that tells what a crowd's event is about ("a protest
        demanding X", "staged a protest demanding X"): the crowd's cause, not a statement."""
        tok = m.trigger
        if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl"):
            return False
        crowd = self.pack.words("crowd_families")
        near = [tok.head, *(c for c in tok.head.children if c.dep_ in ("dobj", "nsubj"))]
        if any(t.i in r.by_tok and classes.family(r.by_tok[t.i].cls) in crowd for t in near):
            return True
        # "fired at protesters demanding water": the crowd's people, not an event word
        kinds = {f"{GROUP_PREFIX}{kind}" for kind in classes.crowd_kinds(crowd)}
        group = r.ent_of.get(tok.head.i)
        return group is not None and group.kb_id_.split("@")[0] in kinds

    @staticmethod
    def _opens_as_other(r: Reading) -> bool:
        """Whether the sentence opens with a phrase that makes what it tells other events
        (``other_incident_cues``): "In other operations, ...", "In a separate incident, ..."."""
        words = r.words("other_incident_cues")
        # an event or an incident ("In other news, ..." opens another topic, not an event)
        events = r.pack.table("nouns")
        incidents = r.words("incident_nouns")
        for tok in r.sent[:2]:
            # (of the sentence's clause, or of the clause said before "..., X said")
            head = tok.head
            told = head.dep_ == "ccomp" and head.head.dep_ == "ROOT" and head.head.i > head.i
            if tok.dep_ != "prep" or not (head.dep_ == "ROOT" or told):
                continue
            for g in tok.children:
                if (
                    g.dep_ == "pobj"
                    and (g.lemma_.lower() in events or g.lemma_.lower() in incidents)
                    and any(c.dep_ in ("amod", "det") and c.lower_ in words for c in g.children)
                ):
                    return True
        return False

    @staticmethod
    def _opens_with_another(r: Reading) -> bool:
        """Whether the sentence opens with one of ``other_event_openers`` ("Separately,
        bandits attacked X"): another piece of news, whose acts are other events; its tolls
        may still be an event's told before ("Separately, officials said two more victims
        died")."""
        first = next((t for t in r.tokens if not t.is_punct), None)
        if first is None:
            return False
        # ("In retaliation, ...", "In reprisal": another side's answer, another event)
        answer = first.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.lemma_.lower() in r.pack.optional_words("reprisal_nouns")
            for c in first.children
        )
        return answer or (
            first.lower_ in r.pack.optional_words("other_event_openers") and first.dep_ == "advmod"
        )

    @staticmethod
    def _opens_earlier(r: Reading) -> bool:
        """Whether the sentence opens with a time before the story's (``past_openers`` the
        model tags as a date: "Earlier in the week, four people were killed in X"): what it
        tells, its tolls too, are earlier events."""
        first = next((t for t in r.tokens if not t.is_punct), None)
        return (
            first is not None
            and first.lower_ in r.pack.optional_words("past_openers")
            and first.ent_type_ == "DATE"
        )

    @staticmethod
    def _other_time(r: Reading, verb: Token) -> bool:
        """Whether a verb (or a verb it is coordinated with) tells its event as at a time of
        its own: the past perfect, one of ``sequence_adverbs``, a date, or an interval before
        its mark ("Two days earlier, militiamen had entered X and opened fire", "Troops later
        arrived in X", "a day after a gunman killed two brothers": ``interval_nouns``)."""
        heads = [verb]
        while heads[-1].dep_ == "conj" and heads[-1].head.pos_ in _VERB and len(heads) < 4:
            heads.append(heads[-1].head)
        later = r.pack.optional_words("sequence_adverbs")
        return any(
            (c.dep_ == "aux" and c.lower_ == "had" and h.tag_ == "VBN")
            or (c.dep_ == "advmod" and c.lower_ in later)
            or (c.dep_ in ("npadvmod", "prep") and any(t.ent_type_ == "DATE" for t in c.subtree))
            for h in heads
            for c in h.children
        ) or any(EventReader._interval_mark(r, h) is not None for h in heads)

    def _harm_kind(self, tok: Token) -> str | None:
        """The count a word of harm tells: ``"injured"`` for an injury, ``"fatalities"`` for
        a death (``outcome_states`` and the pack's words of dying and injury), else
        ``None``."""
        lemma = tok.lemma_.lower()
        state = self.pack.table("outcome_states").get(tok.lower_)
        if state is not None:
            return str(state)
        if lemma in self.pack.words("injuring_verbs", "injury_nouns"):
            return "injured"
        if lemma in self.pack.words("killing_verbs", "dying_verbs", "death_nouns"):
            return "fatalities"
        return None

    def _additional(self, r: Reading) -> None:
        """``another attack``, ``two additional insurgents``: a new event, not the one told
        (but "eleven other people were wounded" tells more victims of the same event)."""
        elsewhere = self._opens_as_other(r) or self._opens_earlier(r)
        another = self._opens_with_another(r)
        tolls = r.words("consequence_verbs", "death_nouns", "injury_nouns")
        for m in r.found:
            m.other_time = self._other_time(r, m.trigger)
            # a toll told with no doer of its own ("two more victims died"), not "gunmen
            # killed 4 people in the same village on Monday"
            toll = m.trigger.lemma_.lower() in tolls and not (
                m.roles.get("perpetrator") or m.roles.get("agent")
            )
            if (
                (elsewhere or (another and not toll))
                and not m.speech
                and not (m.definite and m.trigger.pos_ in _NOUN)
            ):
                m.additional = True  # (but "the arrests" it tells of are those told)
            cues = r.words("additional_cues")
            if m.trigger.lemma_.lower() in r.words(
                "consequence_verbs", "death_nouns", "injury_nouns"
            ):  # and "four more bodies were found"
                cues = cues - r.words("other_victims_cues")
                # "six militants were also killed", "eleven other people were wounded"
                # (on the verb itself or on its own subject, not on a verb joined to it)
                # people, not an event or a weapon ("another attack killed 6", "another bomb")
                subjects = [
                    c
                    for c in m.trigger.children
                    if c.dep_ in ("nsubj", "nsubjpass") and self._people_word(r, c)
                ]
                head = m.trigger.head
                if m.trigger.dep_ == "conj" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in m.trigger.children
                ):
                    # "a passer-by was also shot and injured": the subject and the adverb
                    # the joined verbs share
                    subjects += [
                        c
                        for c in head.children
                        if c.dep_ in ("nsubj", "nsubjpass") and self._people_word(r, c)
                    ]
                    shared = [c for c in head.children if c.dep_ == "advmod"]
                else:
                    shared = []
                near = [*m.trigger.children, *(g for c in subjects for g in c.children), *shared]
                near += [g for c in near if c.dep_ == "nummod" for g in c.children]  # "four more"
                # "a boy died at the scene and a man died of his wounds": other people, by the
                # subject of their own of a verb of harm coordinated with another
                # (not a count of another harm an outcome left: "leaving five dead and 12
                # wounded")
                left = m.trigger.head.head.lemma_.lower() in r.words("outcome_verbs")
                coordinated = (
                    m.trigger.dep_ == "conj"
                    and bool(subjects)
                    and m.trigger.head.lemma_.lower() in r.words("consequence_verbs")
                    and not (left and self._harm_kind(m.trigger.head) != self._harm_kind(m.trigger))
                )
                m.more_victims = (
                    coordinated
                    or any(
                        t.lower_ in r.words("other_victims_cues")
                        and t.dep_ in ("advmod", "amod", "det")
                        # (not a bound on the count: "more than 50 injured")
                        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].dep_ == "quantmod")
                        for t in near
                    )
                    # "..., killing two more", "wounding three others": the counted people
                    # (a participle's; "another strike killed three more" is the strike's)
                    or any(
                        m.trigger.tag_ == "VBG"
                        and c.lower_ in r.words("other_victims_cues")
                        and c.dep_ in ("dobj", "nsubjpass")
                        and any(g.dep_ == "nummod" for g in c.children)
                        for c in m.trigger.children
                    )
                    or any(self._one_more(r, t) for t in [*subjects, *near])
                    or self._wounded_who_died(r, m.trigger)
                )
            tok = m.trigger
            if tok.pos_ in _NOUN:
                scope = list(tok.subtree)
            else:
                scope = []
                # a crowd's object is its cause ("protesting new taxes"), not more victims
                crowd = bool(classes.behaviour(m.cls, "civilian_doers_as"))
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass") and not crowd:
                        # the object itself, not its later conjuncts ("the planner and one
                        # additional insurgent" tells the same arrest again, with one more)
                        skip = {t.i for x in c.children if x.dep_ == "conj" for t in x.subtree}
                        scope += [t for t in c.subtree if t.i not in skip]
                scope += [c for c in tok.children if c.dep_ == "advmod"]
            heads = {tok.i} | {c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
            # "a second officer was injured": one more victim, not another event (told with
            # no place or circumstance of its own: not "... when his car crashed in Lahj")
            harm = (
                tok.lemma_.lower() in r.words("consequence_verbs")
                and "location" not in m.roles
                and not any(c.dep_ == "advcl" for c in tok.children)
            )
            for t in scope:
                if harm and t.head.i != tok.i and self._one_more(r, t):
                    continue
                # the cue qualifies the people or the act themselves ("further questioning" no)
                if t.head.i not in heads and tok.pos_ not in _NOUN:
                    continue
                if t.lower_ in cues and t.dep_ in ("amod", "advmod", "det", "nummod", "compound"):
                    # "the other occupants" points back; "two additional insurgents" does not
                    if not any(
                        c.dep_ == "det" and c.lower_ in r.words("definite_determiners")
                        for c in t.head.children
                    ):
                        m.additional = True

    @staticmethod
    def _one_incident_in_two_verbs(r: Reading) -> None:
        """``a convoy struck an IED and came under fire near X``: two kinds of violence told
        by verbs joined with no subject of their own for the second are one incident (its
        parts, ACLED's one event), not two."""
        for b in r.found:
            if b.speech or not b.violent or b.same_as is not None:
                continue
            verb = under_verb(b.trigger, r.pack) if b.trigger.pos_ in _NOUN else b.trigger
            if verb is None or verb.dep_ != "conj" or verb.pos_ not in _VERB:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue  # "gunmen attacked X and police arrested Y": two doers, two events
            a = r.by_tok.get(verb.head.i)
            if a is None or a is b or not a.violent or a.speech or a.same_as == b.id:
                continue
            here, there = b.roles.get("location", []), a.roles.get("location", [])
            if (here and there and set(here) != set(there)) or (b.dates and b.dates != a.dates):
                continue  # "attacked X in Khost and shelled Y in Paktia": a roundup
            hit_b = set(b.roles.get("victim", [])) | set(b.roles.get("target", []))
            hit_a = set(a.roles.get("victim", [])) | set(a.roles.get("target", []))
            if hit_a and hit_b and not hit_a & hit_b:
                continue  # "killed 11 VDP near Djibo, shot dead six civilians ...": others hit
            b.same_as = a.id

    @staticmethod
    def _found_dead(r: Reading) -> None:
        """``Two soldiers were found dead``, ``the army reported two soldiers dead``: people
        a verb of finding or telling (``death_state_verbs``) puts in a state of death
        (``dead_words``) are dead of the story's event; their count is its toll."""
        dead = r.words("dead_words")
        for tok in r.tokens:
            if tok.lower_ not in dead:
                continue
            if EventReader._counted_dead(r, tok):
                continue
            verb = tok.head
            subject = verb.head if verb.dep_ in ("relcl", "advcl", "xcomp", "conj") else None
            subject = subject or next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # "the ensuing confrontation left six militants dead": violence of no event's word
            # (not "the flood left six dead", nor "a battle that left 1,100 dead", that event's
            # own toll)
            # (or "the attack on a base in Borno on Sunday that left 9 soldiers dead", the
            # relative clause the parser hung on a noun of the event's phrase)
            held_by = next(
                (
                    a
                    for a in list(verb.ancestors)[:6]
                    if (a.i in r.by_tok and r.by_tok[a.i].violent)
                    # (a violence noun it hangs on, or whose sides it hangs on: "the
                    # confrontation between herders and farmers, which left two dead"; not
                    # "the confrontation over a stampede, which left 56 dead")
                    or (
                        a.lemma_.lower() in r.pack.optional_words("violence_nouns")
                        and (a is verb.head or verb.head.head.lower_ in r.words("between_preps"))
                    )
                )
                if verb.dep_ == "relcl"
                else iter(()),
                None,
            )
            left = (
                verb.lemma_.lower() in r.words("outcome_verbs")
                and subject is not None
                and subject.i not in r.by_tok
                and (
                    subject.lemma_.lower() in r.pack.optional_words("violence_nouns")
                    or held_by is not None
                )
            )
            if (
                tok.dep_ not in ("oprd", "acomp", "xcomp", "ccomp", "advmod")
                or (verb.lemma_.lower() not in r.words("death_state_verbs") and not left)
                or tok.i in r.by_tok
                or (verb.i in r.by_tok and not r.by_tok[verb.i].speech)
            ):
                continue
            people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            # "Thirteen guards working for X ... were found dead": the parser may make the
            # participle the subject, and the people its own
            people += [
                g
                for c in verb.children
                if c.dep_ == "csubjpass" and c.tag_ == "VBG"
                for g in c.children
                if g.dep_ == "nsubj"
            ]
            if not people:
                continue
            m = EventReader._harm_of(r, tok, people[0], "fatalities")
            if m is not None:
                r.add(m)

    def _wounded_who_died(self, r: Reading, tok: Token) -> bool:
        """``Two of the injured later died``, ``23 were wounded, two of whom later
        succumbed``: a death among the wounded (``wounded_people_words``, or a relative
        clause on people counted) is more dead of the event, not its toll told again."""
        if self._harm_kind(tok) != "fatalities":
            return False
        wounded = r.pack.optional_words("wounded_people_words")
        for c in tok.children:
            if c.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for g in prep_objects(c, r.words("of_preps")):
                if g.lower_ in wounded or g.lemma_.lower() in wounded:
                    return True
                if g.lower_ in r.words("relative_words") and tok.dep_ in ("relcl", "advcl"):
                    return True  # (the people counted before: "31 were wounded, three of whom")
        return False

    @staticmethod
    def _arrested_over(r: Reading) -> None:
        """``arrested X in connection with the attack on Tuesday``: the day a phrase after
        the event the arrest is over gives is the arrest's, as a claim's is ("claimed the
        attack on Saturday"); the attack is the one told before."""
        arrest = classes.named("arrest")
        for m in r.found:
            if not classes.subsumes(arrest, m.cls) or m.trigger.pos_ not in _VERB:
                continue
            for x in r.found:
                if (
                    x.violent
                    and x.pp_dates
                    and x.trigger.pos_ in _NOUN
                    and x.definite
                    and x.trigger.i in {t.i for t in m.trigger.subtree}
                ):
                    for d in x.pp_dates:
                        x.dates.remove(d)
                        m.dates.append(d)
                    x.pp_dates.clear()

    def _named_by_verb(self, m: Mention) -> bool:
        """Whether ``m`` has the class its verb names alone (or that class's reading for
        non-state doers), not one a place or a thing it takes gave it ("seized the town":
        a takeover; "seized weapons": weapons seized)."""
        named = self.triggers.verbs.get(m.trigger.lemma_.lower())
        if named is None:
            return False
        own = {str(named), str(classes.behaviour(str(named), "nonstate_reading") or named)}
        return any(classes.is_a(m.cls, c) or classes.is_a(c, m.cls) for c in own)

    def _struck(self, r: Reading) -> set[int]:
        """The tokens of the sentence that name what an attack struck: the object (or passive
        subject) of a verb of harm (arguments.json's ``harm_verbs``), of an attack's verb or
        of an interception verb ("shot down a helicopter", "a helicopter was downed"; not
        what a weapon is fired or launched as, ``projectile_verbs``: "launched a drone at
        X"), or the object of an ``aimed_preps`` phrase on one ("fired at a jet"), with the words
        that qualify it. A weapon word there names the target, not the means (the pack's
        ``craft_cues``: no air strike)."""
        pack = self.pack
        intercepting = pack.optional_words("interception_verbs")
        harm = pack.words("harm_verbs") | intercepting
        # (what a weapon is fired or launched as is the means: "launched a drone at X")
        firing = pack.optional_words("projectile_verbs")
        attack = classes.named("attack")
        aimed = pack.words("aimed_preps")
        out: set[int] = set()
        for t in r.tokens:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            named = self.triggers.verbs.get(t.lemma_.lower())
            hits = bool(verb_phrases(t) & harm) or (
                named is not None and classes.subsumes(attack, str(named))
            )
            if not hits:
                continue
            fired = t.lemma_.lower() in firing and not verb_phrases(t) & intercepting
            objects = [] if fired else [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            objects += [
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in aimed
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for o in objects:
                out.add(o.i)
                out.update(c.i for c in o.children if c.dep_ in ("compound", "amod"))
        return out

    @staticmethod
    def _taken_for_care(r: Reading) -> None:
        """``23 were taken to hospital``, ``two soldiers were airlifted to a military
        hospital``: people a passive of the pack's ``conveyed_to_care_verbs`` took to one of
        its ``care_places`` were hurt in the story's event; their count is its injured (a
        mention of its own, joined to it, as "hospitalised" is)."""
        care = r.pack.optional_words("care_places")
        for tok in r.tokens:
            if tok.lemma_.lower() not in r.pack.optional_words("conveyed_to_care_verbs"):
                continue
            if tok.i in r.by_tok or not any(c.dep_ == "auxpass" for c in tok.children):
                continue
            if any(c.dep_ == "agent" for c in tok.children) or for_another_cause(tok, r.pack):
                # ("were taken to hospital by the kidnappers": a taking; "with heatstroke")
                continue
            to_care = any(
                g.dep_ == "pobj" and g.lemma_.lower() in care
                for c in tok.children
                if c.dep_ == "prep"
                for g in c.children
            )
            people = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not to_care or not people:
                continue
            m = EventReader._harm_of(r, tok, people[0], "injured")
            if m is not None:
                EventReader._toll_of_the_sentence(r, m, "injured", people[0])

    @staticmethod
    def _harm_of(r: Reading, tok: Token, people: Token, kind: str) -> Mention | None:
        """A mention of what befell ``people`` (its victims and their count, as ``kind``:
        "fatalities" or "injured"), told by ``tok``, a word of no event's own ("two
        soldiers were found dead", "23 were taken to hospital"); ``None`` when no count."""
        m = Mention(id=tok.i, cls=classes.named("attack"), trigger=tok, sent=r.sent)
        for s in actors(head_entities(r, people)):
            m.add("victim", s.kb_id_)
        set_count(r, m, people, kind=kind)
        return m if getattr(m, kind) is not None else None

    @staticmethod
    def _counted_dead(r: Reading, tok: Token) -> bool:
        """``Local sources reported 6 dead``, ``reported between 6 and 10 dead``: a figure of
        the dead (``dead_words``) a verb of telling (``death_state_verbs``) gives with no
        people named is the toll of the story's event (a mention of its own, joined to it);
        whether it read one."""
        figure: Token | None = None
        verb = tok.head
        if tok.dep_ in ("dobj", "advmod", "npadvmod") and any(
            c.dep_ == "nummod" for c in tok.children
        ):
            figure = tok  # "reported 6 dead" (however the parser hangs "dead")
        elif tok.dep_ == "dobj":
            # "reported between 6 and 10 dead", the range hung on the verb
            figure = next(
                (
                    g
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in r.words("range_words")
                    for g in c.children
                    if g.dep_ == "pobj" and g.like_num
                ),
                None,
            )
        elif (
            tok.dep_ == "conj"
            and tok.head.like_num
            and tok.head.dep_ == "pobj"
            and tok.head.head.lower_ in r.words("range_words")
        ):
            figure, verb = tok.head, tok.head.head.head  # "between 6 and 10 dead"
        if figure is None or verb.lemma_.lower() not in r.words("death_state_verbs"):
            return False
        if verb.i in r.by_tok and not r.by_tok[verb.i].speech:
            return False
        m = Mention(id=tok.i, cls=classes.named("attack"), trigger=tok, sent=r.sent)
        set_count(r, m, figure, kind="fatalities")
        if m.fatalities is None:
            return False
        EventReader._toll_of_the_sentence(r, m, "fatalities", figure)
        return True

    @staticmethod
    def _lost_in_action(r: Reading) -> None:
        """``killed 48 militants and lost seven soldiers``: people counted as the object of
        one of the pack's ``losing_verbs`` (a word for people, with a figure) died on the
        side that lost them: more dead of the sentence's one event (added to its toll), else
        the toll of the story's event."""
        kinds = r.pack.table("group_nouns")
        persons = r.pack.optional_words("person_nouns")
        for tok in r.tokens:
            if tok.lemma_.lower() not in r.pack.optional_words("losing_verbs"):
                continue
            if tok.i in r.by_tok or tok.pos_ not in _VERB or negated(tok, r.pack):
                continue
            people = [
                c
                for c in tok.children
                if c.dep_ == "dobj"
                and (c.lower_ in kinds or c.lemma_.lower() in persons)
                and any(g.dep_ == "nummod" for g in c.children)
            ]
            if not people:
                continue
            m = EventReader._harm_of(r, tok, people[0], "fatalities")
            if m is None or m.fatalities is None:
                continue
            told = [
                x for x in r.found if x.violent and not x.speech and not x.dropped and not x.bare
            ]
            # (the killing it is joined to, else the sentence's one toll)
            joined = r.by_tok.get(tok.head.i) if tok.dep_ == "conj" else None
            counted = [x for x in told if x.fatalities is not None]
            into = joined if joined in counted else (counted[0] if len(counted) == 1 else None)
            if into is not None and into.fatalities is not None:
                into.fatalities = add_counts(into.fatalities, m.fatalities)
                for k in m.roles.get("victim", []):
                    into.add("victim", k)
            elif not counted:
                EventReader._toll_of_the_sentence(r, m, "fatalities", people[0])

    @staticmethod
    def _toll_of_the_sentence(r: Reading, m: Mention, kind: str, people: Token) -> None:
        """Put a toll told with no event word of its own on the sentence's one event
        ("reported 9 dead after gunmen attacked a wedding"), else keep it as a mention of
        its own, the toll of the story's event, joined to it (not a word of its own
        ``people``: "two of the wounded were flown to a hospital")."""
        counted = {t.i for t in people.subtree}
        told = [
            x
            for x in r.found
            if (x.violent or classes.behaviour(x.cls, "civilian_doers_as"))  # (or a crowd's)
            and not x.speech
            and not x.dropped
            and not x.bare
            and x.trigger.i not in counted
        ]
        if len(told) == 1 and getattr(told[0], kind) is None:
            setattr(told[0], kind, getattr(m, kind))
            return
        m.definite = True  # the toll of the story's event
        m.bare = True  # never an event of its own
        r.add(m)

    @staticmethod
    def _hit_a_device(r: Reading, cues: dict[int, set[str]]) -> None:
        """``A minibus struck a landmine on the road between X and Y``: what hits a planted
        device is what it befell (its people the victims), not the attacker, and where the
        device lay is where it happened."""
        planted = r.words("planted_device_cues")
        for m in r.found:
            tok = m.trigger
            if tok.lemma_.lower() not in r.words("device_hitting_verbs"):
                continue
            devices = [
                g
                for c in tok.children
                if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in r.words("device_preps"))
                for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])
                if any(cues.get(t.i, set()) & planted for t in g.subtree)
            ]
            if not devices:
                continue
            for k in m.roles.pop("perpetrator", []):
                m.add("victim", k)
            if "location" not in m.roles:
                for g in devices:  # "a device on the road between X and Y"
                    locations(r, m, g)

    @staticmethod
    def _judicial(r: Reading, m: Mention) -> bool:
        """Whether an execution is a court's: a state or a government did it ("Iran executed
        a man"), or, done by no armed group, its sentence has one of the pack's
        ``judicial_words`` ("two men convicted of drug trafficking were executed")."""
        doers = [k for role in DOER_ROLES for k in m.roles.get(role, [])]
        types = [r.entity_types.get(k, "") for k in doers]
        if any(is_nonstate_armed(t) for t in types):
            return False  # ("al-Shabaab executed a man its court found guilty": its violence)
        if types and all(t in ("Country", "State", "Government") for t in types):
            return True
        words = r.pack.optional_words("judicial_words")
        return any(t.lemma_.lower() in words for t in m.sent)

    @staticmethod
    def _named_as_people(r: Reading, tok: Token) -> bool:
        """Whether ``tok`` names people by what they are: one of the pack's ``person_nouns``
        or its words for roles, ranks and people."""
        people = r.pack.optional_words("person_nouns", "rank_nouns") | r.words("role_nouns")
        people |= r.pack.optional_words("unspecific_people_nouns", "single_person_nouns")
        return tok.lemma_.lower() in people or tok.lower_ in people

    @staticmethod
    def _done_to_people(r: Reading, m: Mention) -> bool:
        """Whether what a verb was done to is people: its object or passive subject (or the
        noun its participle hangs on: "two men presumed to be informants were executed",
        however parsed) is an actor the entity layer read (no place), has a count, or is one
        of the pack's ``person_nouns`` or words for roles and people."""
        tok = m.trigger
        patients = [c for c in tok.children if c.dep_ in _PATIENT_DEPS]
        if tok.dep_ in ("acl", "relcl") and not patients:
            patients = [tok.head]
        if tok.dep_ == "conj" and not patients:
            # "were suspected of spying and were executed": the passive subject they share
            patients = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        # ("two men believed to be informants were executed", however parsed)
        patients = patients or raised_passive_subject(r, tok)
        for c in patients:
            for g in (c, *c.conjuncts):
                if g.i in r.ent_of and not places([r.ent_of[g.i]]):
                    return True
                if g.like_num or any(d.dep_ == "nummod" for d in g.children):
                    return True
                if EventReader._named_as_people(r, g):
                    return True
        return False

    @staticmethod
    def _destroyed_by_someone(r: Reading, m: Mention) -> bool:
        """Whether a verb of damage (``agentive_verbs``) tells an attack: someone (or a "by"
        phrase) destroyed something ("militants destroyed a telecom mast", "M23 destroyed two
        army trucks", "the station was wrecked by a bomb"); not what an event told elsewhere
        did ("two cars were destroyed"), nor goods seized and destroyed ("police destroyed
        two tonnes of seized cannabis": ``seized_goods_words``)."""
        children = list(m.trigger.children)
        if not any(c.dep_ in ("nsubj", "agent") for c in children):
            return False
        goods = r.words("seized_goods_words")
        return not any(
            g.lower_ in goods or g.lemma_.lower() in goods
            for c in children
            if c.dep_ in ("dobj", "nsubjpass")
            for g in c.subtree
        )

    @staticmethod
    def _people_word(r: Reading, t: Token) -> bool:
        """Whether ``t`` may name people ("another laborer", "two more", "others"): never an
        event's word nor a weapon's ("another attack killed 6", "another bomb")."""
        return t.i not in r.by_tok and t.lemma_.lower() not in r.words("weapon_nouns")

    @staticmethod
    def _one_more(r: Reading, t: Token) -> bool:
        """ "a fourth (worker) died": an ordinal with an indefinite article counts one more."""
        return t.ent_type_ == "ORDINAL" and any(
            c.dep_ == "det" and c.lower_ in r.words("indefinite_articles")
            for c in (t.children if t.dep_ != "amod" else t.head.children)
        )

    @staticmethod
    def _shared_location(r: Reading) -> None:
        """``detained two men during an operation in Chak district``: the operation's place (and
        ``torched an office in X during protests``: the protests' place is X);
        ``looted shops and kidnapped three people in X``, ``attacked a village in X and
        burned houses``: verbs coordinated with no place of their own share the place of
        the verb they are coordinated with."""
        for m in r.found:
            if "location" in m.roles or m.speech:
                continue
            for c in m.trigger.children:
                if c.dep_ == "prep" and c.lower_ in r.words("during_preps"):
                    for g in c.children:
                        other = r.by_tok.get(g.i)
                        if other is not None and other is not m and "location" in other.roles:
                            for k in other.roles["location"]:
                                m.add("location", k)
            during = m.trigger.head
            crowd = classes.family(m.cls) in r.words("crowd_families")
            if crowd and m.trigger.dep_ == "pobj" and during.lower_ in r.words("during_preps"):
                # "demonstrators in X torched an office during protests": the protests' place
                other = r.by_tok.get(during.head.i)
                if other is None or other is m or other.speech:
                    continue
                for k in other.roles.get("location", []):
                    m.add("location", k)
        for m in r.found:
            tok = m.trigger
            if "location" in m.roles or m.speech or tok.pos_ not in ("VERB", "AUX"):
                continue
            joined = [c for c in tok.children if c.dep_ == "conj"]
            if tok.dep_ == "conj":
                joined.append(tok.head)
            for t in joined:
                other = r.by_tok.get(t.i)
                if other is not None and not other.speech and "location" in other.roles:
                    for k in other.roles["location"]:
                        m.add("location", k)
                    break

    @staticmethod
    def _crowd_people(m: Mention) -> bool:
        """Whether the people ``m`` harmed are a crowd's (protesters, rioters)."""
        return any(group_kind(k) in ("protesters", "rioters") for k in m.roles.get("victim", []))

    @staticmethod
    def _bare_demand(m: Mention) -> bool:
        """A verb of demanding with nothing demanded but its subject ("Ransom demanded.", a
        note's terse passive): the subject is what was demanded, no one spoke."""
        if not classes.subsumes(classes.named("appeal"), m.cls) or m.trigger.pos_ not in _VERB:
            return False
        return all(c.dep_ in ("nsubj", "nsubjpass", "punct") for c in m.trigger.children)

    @staticmethod
    def _weapon_described(r: Reading, m: Mention) -> bool:
        """A participle with nothing of its own on a weapon it says was used ("the drones
        launched", "the rockets fired"): it describes the weapon, it tells no event."""
        tok = m.trigger
        if m.roles or m.fatalities or m.injured or m.arrested or m.dates:
            return False
        weapons = r.words("weapon_nouns")
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD"):
            # (a weapon in another verb's phrase, "downed 13 of the 15 drones launched"; not
            # one that did something, "the rockets fired hit a school", nor a note's "Two
            # missiles fired.")
            return tok.head.lemma_.lower() in weapons and tok.head.dep_ in ("pobj", "dobj")
        # "shot down 20 of the 24 drones launched", parsed with the drones as the subject of
        # a clause hung on the verb of shooting down
        subjects = [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
        return (
            tok.dep_ == "advcl"
            and tok.lemma_.lower() in r.pack.optional_words("projectile_verbs")
            and any(t.lemma_.lower() in weapons for t in subjects)
        )

    @staticmethod
    def _empty(m: Mention) -> bool:
        """Mentions with nothing but a trigger word are dropped unless they are clearly events."""
        if m.speech:
            # a statement needs a teller, but an attribution by unnamed sources needs whom
            # it holds responsible
            return not (
                m.roles.get("speaker") or m.roles.get("agent") or m.roles.get("attributedTo")
            )
        if m.same_as is not None or classes.behaviour(m.cls, "never_empty"):
            return False
        has_args = bool(m.roles) or m.fatalities or m.injured or m.arrested or m.dates or m.year
        return m.trigger.pos_ in _NOUN and not has_args and not m.definite


def _verb_of(tok: Token) -> Token | None:
    """The verb a word belongs to: itself, or the nearest verb above it ("intervened with
    tear gas": intervened), or ``None``."""
    return next((a for a in (tok, *tok.ancestors) if a.pos_ in _VERB), None)


def _aimed_at_arms(r: Reading, m: Mention) -> bool:
    """``Azerbaijani forces fired at Armenian positions``: firing aimed at a state, its
    forces or an armed group is an attack, not how a crowd was handled."""
    arms = ("StateForce", "ArmedGroup", "Country", "State")
    return any(
        classes.is_a(r.entity_types.get(k, "") or "Actor", general)
        for role in ("target", "victim")
        for k in m.roles.get(role, [])
        for general in arms
    )


def _counted_people(verb: Token) -> bool:
    """Whether a verb's passive subject is people told by their number ("two other
    officers were hospitalised"; a person who "was hospitalised in stable condition" is
    told of by whatever hurt them)."""
    return any(
        c.dep_ in ("nsubjpass", "nsubj")
        and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children
    )


def _civilian_doers(r: Reading) -> None:
    """Civilians who do an event of a crowd's class are of its ``civilian_doers_as`` kind:
    "students protested" makes the students protesters (ACLED's actor type)."""
    for m in r.found:
        kind = classes.behaviour(m.cls, "civilian_doers_as")
        if kind:
            _doers_as(r, m, str(kind))


def _doers_as(r: Reading, m: Mention, kind: str) -> None:
    """The civilians among ``m``'s doers made of the group ``kind`` (groups.json), their
    country kept ("group:civilians@kenya" -> "group:protesters@kenya")."""
    types = r.entity_types
    group = f"{GROUP_PREFIX}{CIVILIAN_KIND}"
    for role in ("perpetrator", "agent"):
        if role not in m.roles:
            continue
        keys = []
        for k in m.roles[role]:
            if k.startswith(group):  # "group:civilians@kenya" keeps its country
                k = as_kind(k, kind)
            elif classes.is_a(types.get(k, "") or "Actor", "Civilians"):
                k = f"{GROUP_PREFIX}{kind}"
            if k not in keys:
                keys.append(k)
        m.roles[role] = keys


def _armed_civilians(r: Reading, weapons: frozenset[str]) -> None:
    """People of no kind who attack with a weapon ("two men on a motorbike shot dead a
    journalist", "a woman blew herself up") are unnamed armed men (ACLED's convention for
    unidentified perpetrators), not civilians."""
    civilians = f"{GROUP_PREFIX}{CIVILIAN_KIND}"
    unspecific = r.words("unspecific_people_nouns")
    for m in r.found:
        if not m.violent or not m.cues & weapons or "perpetrator" not in m.roles:
            continue
        doers = [c for c in m.trigger.children if c.dep_ == "nsubj"]
        doers += [g for c in m.trigger.children if c.dep_ == "agent" for g in c.children]
        if not any(d.lemma_.lower() in unspecific for d in doers):
            continue  # "villagers hacked two thieves to death": they are who they are
        keys: list[str] = []
        for k in m.roles["perpetrator"]:
            if k.startswith(civilians):
                k = ARMED_GROUP_KEY + k[len(civilians) :]
            if k not in keys:
                keys.append(k)
        m.roles["perpetrator"] = keys


def _purpose_of_use(r: Reading, cues: dict[int, set[str]]) -> None:
    """``X used a drone to strike a school``: the verb of the purpose infinitive of one of
    the ``instrument_verbs`` is done by that verb's subject with its object (its doer and
    its weapon's cues), as the parser hangs neither in the infinitive's clause."""
    for m in r.found:
        tok = m.trigger
        use = tok.head
        if tok.dep_ not in ("xcomp", "advcl") or use.lemma_.lower() not in r.words(
            "instrument_verbs"
        ):
            continue
        if not m.violent or not any(c.dep_ == "aux" for c in tok.children):
            continue  # ("used ..., killing": no purpose; "used a phone to demand": no violence)
        used = {
            c
            for o in use.children
            if o.dep_ == "dobj"
            for t in o.subtree
            for c in cues.get(t.i, set())
        }
        m.cues |= used & r.words("weapon_cues")  # (a weapon, not "used the night to attack")
        if not any(m.roles.get(role) for role in DOER_ROLES):
            role = classes.behaviour(m.cls, "subject")
            for s in use.children:
                if s.dep_ == "nsubj" and role:
                    for a in actors(head_entities(r, s)):
                        m.add(role, a.kb_id_)


def _weapons_disabled(r: Reading, cues: dict[int, set[str]]) -> None:
    """``Soldiers destroyed four home-made bombs``, ``recovered two IEDs``: a verb of the
    pack's ``disabling_verbs`` whose object is itself an explosive (its own word carries
    the ``explosive``, ``planted_explosive`` or ``grenade`` cue; not "destroyed a police car
    with a bomb") tells weapons put out of use, not used: the cue ``defused`` (ACLED's
    disrupted weapons use)."""
    verbs = r.pack.optional_words("disabling_verbs")
    explosives = {"explosive", "planted_explosive", "grenade"}
    for m in r.found:
        t = m.trigger
        if t.lemma_.lower() in verbs and any(
            c.dep_ == "dobj" and cues.get(c.i, set()) & explosives for c in t.children
        ):
            m.cues.add("defused")


def _assault_arms(r: Reading, cues: dict[int, set[str]]) -> None:
    """``attacked a patrol with explosives and firearms``, ``armed with rifles and
    explosives, stormed``: explosives listed with firearms are the arms of an assault, not
    a bombing (GTD codes such an attack an armed assault): the cue ``assault_arms``."""
    doc = r.sent.doc
    listed_arms = set()
    for i in range(r.sent.start, r.sent.end):
        if "explosive" not in cues.get(i, set()):
            continue
        t = doc[i]
        beside = [t.head] if t.dep_ == "conj" else []
        beside += [c for c in t.children if c.dep_ == "conj"]
        if any("firearm" in cues.get(x.i, set()) for x in beside):
            listed_arms.add(i)
    for m in r.found:
        if listed_arms - {m.trigger.i} and {"explosive", "firearm"} <= m.cues:
            m.cues.add("assault_arms")


def _unarmed_readings(r: Reading, weapons: frozenset[str]) -> None:
    """A mention whose doers are all civilians, with no weapon in its clause, and whose other
    side is a state's forces takes its class's ``unarmed_reading``, its doers of that class's
    kind: "youths clashed with riot police" is a riot by rioters (ACLED's violent
    demonstration), not a battle that civilians fought."""
    types = r.entity_types
    civilians = f"{GROUP_PREFIX}{CIVILIAN_KIND}"

    def civilian(k: str) -> bool:
        return k.startswith(civilians) or classes.is_a(types.get(k, "") or "Actor", "Civilians")

    def force(k: str) -> bool:
        return classes.is_a(types.get(k, "") or "Actor", "StateForce")

    for m in r.found:
        alt = classes.behaviour(m.cls, "unarmed_reading")
        doers = [k for role in ("perpetrator", "agent") for k in m.roles.get(role, [])]
        others = [k for role in ("target", "victim") for k in m.roles.get(role, [])]
        if not alt or not doers or m.cues & weapons:
            continue
        if all(civilian(k) for k in doers) and others and all(force(k) for k in others):
            m.cls = str(alt)
            kind = classes.behaviour(m.cls, "civilian_doers_as")
            if kind:
                _doers_as(r, m, str(kind))


def _nonstate_readings(r: Reading, roles: tuple[str, ...] = ("perpetrator", "agent")) -> None:
    """A mention whose doers are all non-state armed groups takes its class's
    ``nonstate_reading``: "assailants raided a camp" is an attack, so the toll told next
    ("nine civilians were killed") is its toll (ACLED keeps security operations for state
    forces); with ``roles`` ("claimedBy"), so does one such groups claim ("its fighters had
    carried out the martyrdom operation")."""
    kinds = r.entity_types
    for m in r.found:
        alt = classes.behaviour(m.cls, "nonstate_reading")
        if any(m.roles.get(role) for role in ("perpetrator", "agent") if role not in roles):
            continue
        doers = [k for role in roles for k in m.roles.get(role, [])]
        if "claimedBy" in roles:
            # (or the object of a claim told in the sentence: "JNIM claimed the raid")
            doers += [
                k
                for x in r.found
                if m.id in x.about and classes.subsumes(classes.named("claim"), x.cls)
                for k in x.roles.get("speaker", [])
            ]
        if "claimedBy" in roles and any(
            c.dep_ in ("amod", "compound")
            and c.lower_ not in r.pack.optional_words("combat_modifiers")
            for c in m.trigger.children
        ):
            continue  # "a rescue operation", "a search operation": no attack claimed
        if not alt or not doers:
            continue
        types = [kinds.get(k, "") for k in doers]
        if all(is_nonstate_armed(t) for t in types):
            old_cls, m.cls = m.cls, str(alt)
            # "rebels captured eight soldiers": the arrest's agents are the abductors and the
            # people it took its victims; "a raid by al-Shabaab militants": the noun's agents
            # its perpetrators
            for slot in ("subject", "object", "noun_agent"):
                before, after = (classes.behaviour(c, slot) for c in (old_cls, m.cls))
                if before and after and before != after and before in m.roles:
                    for k in m.roles.pop(before):
                        m.add(after, k)


@Language.factory(
    "ckg_events",
    requires=["doc.spans"],
    default_config={"lang": None, "max_sentence_tokens": 400},
)
def make_event_reader(nlp: Language, name: str, lang: str | None, max_sentence_tokens: int) -> Any:
    """The spaCy factory for :class:`EventReader`."""
    return EventReader(nlp, name, lang=lang, max_sentence_tokens=max_sentence_tokens)
