"""Modality: whether a trigger tells an event that happened.

Planned, threatened, prevented, denied, negated, hypothetical, habitual ("he plans attacks"),
purpose ("an operation to capture a leader"), tallies over a past period ("have arrested 40
smugglers in the past month") and background of a described person ("a leader who conducted
attacks") are not events. The cue words come from the language pack (``modality.json``); the
grammar is the parser's (dependency labels and tags of spaCy's English models).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import classes
from kg.extract.counts import YEAR
from kg.extract.lang import LanguagePack

_PRESENT = ("VBZ", "VBP")
_VERB = ("VERB", "AUX")


def governor_verb(tok: Token) -> Token | None:
    """The verb a noun is the object of, through prepositions and conjunctions."""
    node = tok
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "conj", "nsubjpass", "compound"):
            return None
        node = node.head
        if node.pos_ in _VERB:
            return node
    return None


def _has_aux(verb: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def _has_perfect_aux(verb: Token, pack: LanguagePack) -> bool:
    """Whether ``verb`` is told in a perfect of any tense ("have been killed", "had been
    killed", "may have been killed")."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in pack.words("perfect_aux")
        for c in verb.children
    )


def _estimated_toll(verb: Token, pack: LanguagePack) -> bool:
    """``Between 200 and 300 people may have been killed``: a modal perfect on a verb of
    harm whose people are counted estimates a toll of the past, it tells no possibility."""
    perfect = _has_perfect_aux(verb, pack)
    if not _has_aux(verb, pack.optional_words("epistemic_modals")):
        return False  # "could have been killed had it gone off": a counterfactual
    counted = any(
        c.dep_ in ("nsubjpass", "nsubj")
        and any(g.like_num or g.dep_ == "nummod" for g in c.subtree)
        for c in verb.children
    )
    return perfect and counted and verb.lemma_.lower() in pack.words("consequence_verbs")


def _perfect(verb: Token, pack: LanguagePack) -> bool:
    """``have attacked``: a present perfect tells what happened."""
    return any(
        c.dep_ in ("aux", "auxpass")
        and c.tag_ in _PRESENT
        and c.lemma_ in pack.words("perfect_aux")
        for c in verb.children
    )


def _in_past_clause(verb: Token) -> bool:
    """A present-looking verb joined to a past one is past: "were killed when shells
    hit a market" (``hit``, ``put``, ``set`` look the same in both tenses and the tagger
    may read them as present)."""
    return verb.dep_ in ("advcl", "conj") and verb.head.tag_ in ("VBD", "VBN")


def _unchanged_past(verb: Token, pack: LanguagePack) -> bool:
    """``Assailants set fire to a church``: a verb of ``unchanged_past_verbs`` tagged present
    is read as past, as reports tell what happened; but ``militants often set up
    checkpoints`` (one of the ``habitual_adverbs``) is a habit."""
    return (
        verb.tag_ == "VBP"
        and verb.lower_ in pack.words("unchanged_past_verbs")
        and not any(c.lower_ in pack.words("habitual_adverbs") for c in verb.children)
    )


def _purpose(verb: Token, pack: LanguagePack) -> bool:
    """``an operation to capture a leader``: an infinitive of purpose (but ``began to
    explode`` and the perfect ``claimed to have killed`` tell what happened)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in pack.words("aspectual_verbs"):
        return False
    lemma = verb.lemma_.lower()
    particles = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    if {lemma, *particles} & pack.words("done_purpose_verbs"):
        # "fired tear gas to disperse the protesters", "to break up a protest": done
        return False
    if lemma not in pack.words("perfect_aux") and any(
        c.dep_ == "aux" and c.lemma_ in pack.words("perfect_aux") for c in verb.children
    ):
        # "claimed to have killed 10 soldiers": a perfect infinitive tells a deed (not
        # "claimed to have had no role in", where "have" is the verb)
        return False
    return verb.dep_ in ("advcl", "xcomp", "acl", "relcl") and _has_aux(
        verb, pack.words("infinitive_markers")
    )


def verb_irrealis(verb: Token, pack: LanguagePack) -> bool:
    """A verb that is habitual (present tense), a purpose (``to ...``) or modal."""
    if _has_aux(verb, pack.words("modal_aux")):
        return True
    if verb.tag_ in _PRESENT and not _unchanged_past(verb, pack):
        return True
    return _purpose(verb, pack)


def over_a_period(tok: Token, pack: LanguagePack) -> bool:
    """Whether the trigger (or the verb it depends on) is counted over a past period:
    ``in the last month``, ``over the past two weeks``, ``during the previous year``, or
    one still running (``this month``).

    Such a sentence totals many events; it is not one event.
    """
    verb: Token | None = tok if tok.pos_ in _VERB else governor_verb(tok)
    first_verb = verb.i if verb is not None else -1
    for _ in range(2):  # "conducted operations over the past month, detaining scores"
        if verb is None:
            return False
        # "have been killed since September 2021", "Since the junta seized power, dozens
        # have been killed": a tally from a time on
        since = pack.optional_words("since_words")
        if (
            verb.i == first_verb
            and _perfect(verb, pack)
            and any(
                # (from a year on, not "since Monday": the days of one fight)
                (
                    c.dep_ == "prep"
                    and c.lower_ in since
                    and any(YEAR.match(t.text) for t in c.subtree)
                )
                or (
                    c.dep_ == "advcl"
                    and any(g.dep_ == "mark" and g.lower_ in since for g in c.children)
                    and tok not in c.subtree  # (not the event told in the "since" clause itself)
                    and any(YEAR.match(t.text) for t in c.subtree)  # (not "since Saturday")
                )
                for c in verb.children
            )
        ):
            return True
        # "captured or killed this month": what qualifies one verb of a pair, both
        told_with = [c for v in verb.conjuncts for c in v.children if c.dep_ == "npadvmod"]
        for c in [*verb.children, *told_with]:
            if (
                c.dep_ == "npadvmod"
                and c.lemma_.lower() in pack.words("periods")
                and any(d.lower_ in pack.words("current_span") for d in c.children)
                and (_perfect(verb, pack) or verb.dep_ == "pcomp" or verb.head.dep_ == "pcomp")
            ):
                # "have captured 15 this month", "led to 20 being captured or killed this
                # month": the month's tally (but "killed five soldiers this week": one event)
                return True
            if (
                verb.i == first_verb
                and c.dep_ == "advmod"
                and c.lower_ in pack.optional_words("lead_up_adverbs")
                and any(g.dep_ == "prep" for g in c.children)
                and _has_perfect_aux(verb, pack)
            ):
                return True  # "have been killed ahead of the election": a tally
            if c.dep_ != "prep" or c.lower_ not in pack.words("period_preps"):
                continue
            for period in c.children:
                if (
                    period.dep_ == "pobj"
                    and period.lemma_.lower() in pack.words("periods")
                    and any(m.lower_ in pack.words("past_span") for m in period.children)
                ):
                    return True
                # ("run-up", which the tokenizer splits at its hyphen)
                parts = [t for t in period.children if t.dep_ in ("compound", "punct")]
                word = "".join(t.lower_ for t in sorted([*parts, period], key=lambda t: t.i))
                if (
                    verb.i == first_verb
                    and period.dep_ == "pobj"
                    and word in pack.optional_words("lead_up_nouns")
                    and _has_perfect_aux(verb, pack)
                ):
                    return True  # "had been killed in the run-up to the elections": a tally
        verb = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else None
    return False


def other_events(tok: Token, pack: LanguagePack) -> bool:
    """``similar attacks``, ``previous bombings``: other events, named in passing."""
    return any(
        c.dep_ == "amod" and c.lower_ in pack.words("other_event_adjectives") for c in tok.children
    )


def speech_reports(tok: Token, pack: LanguagePack) -> bool:
    """A verb of saying counts when it reports something (a clause, an object, a quote)."""
    if tok.lemma_.lower() in pack.words("speech_needs_complement"):
        return (
            any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in tok.children)
            or tok.dep_ in ("parataxis", "ROOT")
            or misread_as_modifier(tok)
        )
    return True


def misread_as_modifier(verb: Token) -> bool:
    """``Police suspected members of X``, which the parser reads as a noun phrase ("police"
    a modifier, "suspected members" the phrase): a verb taken for the adjective of the
    sentence's root noun, with the subject before it."""
    head = verb.head
    return (
        verb.dep_ == "amod"
        and verb.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.pos_ == "NOUN"
        and any(
            c.dep_ in ("npadvmod", "compound", "nsubj") and c.i < verb.i
            for c in (*verb.children, *head.children)
        )
    )


def negated(tok: Token, pack: LanguagePack) -> bool:
    """A ``neg`` dependent ("did not claim"), a phrase of the pack's ``absence_preps``
    ("without a shot being fired") or a subject that names no one ("no group claimed",
    "nobody was hurt", "none of the groups claimed")."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    # "without firing", "without a fight", "without a shot being fired": told as not happening
    absent = pack.optional_words("absence_preps")
    held = tok.head if tok.dep_ in ("acl", "relcl") and tok.head.dep_ == "pobj" else tok
    if held.dep_ in ("pcomp", "pobj") and held.head.lower_ in absent:
        return True
    none = pack.words("negative_determiners")
    if any(c.dep_ == "det" and c.lower_ in none for c in tok.children):
        return True  # "no arrests were made": a noun the text says there was none of
    for c in tok.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in pack.words("negative_subjects"):
            return True
        if any(d.dep_ == "det" and d.lower_ in none for d in c.children):
            return True
    return False


def prevented_before(tok: Token, pack: LanguagePack) -> bool:
    """An explosion or attack told as what a prevention stopped: "defused the device before
    it detonated", "disarmed him before he could fire"."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in pack.words("prevented_before_marks") for c in tok.children
    ):
        return False
    head = tok.head.lemma_.lower()
    return head in pack.words("prevention_verbs")


def natural_cause(tok: Token, pack: LanguagePack) -> bool:
    """A death or injury from illness or accident, not from violence: "died of the
    disease", "the deaths were the result of complications from the virus", "the virus
    killed eight". Only for words of dying, killing and injury; the cause is one of the
    pack's ``natural_causes`` in a chain of ``cause_preps`` phrases on the trigger (or on
    the predicate it is the subject of), or the subject of a killing verb. A wound, weapon
    or event word on the way makes it violence ("died of complications from gunshot
    wounds")."""
    lemma = tok.lemma_.lower()
    harm = ("dying_verbs", "killing_verbs", "death_nouns", "injuring_verbs", "injury_nouns")
    if not any(lemma in pack.words(name) for name in harm):
        return False
    causes = pack.words("natural_causes")
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in causes for c in tok.children):
        return True  # "the virus killed eight"
    heads = [tok]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in _VERB:
        heads.append(tok.head)  # "the deaths were the result of ..."
        heads += [c for c in tok.head.children if c.dep_ in ("attr", "acomp")]
    violent = (
        pack.words("injury_nouns")
        | (pack.words("weapon_nouns") - pack.words("vehicle_nouns"))
        | pack.words("nouns")
    )
    return any(_cause_chain(h, pack, violent, 3) for h in heads)


def _cause_chain(head: Token, pack: LanguagePack, violent: frozenset[str], depth: int) -> bool:
    """Whether a ``cause_preps`` phrase on ``head`` (or on its object, and so on, ``depth``
    phrases deep) names a natural cause, with no word of ``violent`` on the way."""
    if depth == 0:
        return False
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ not in pack.words("cause_preps"):
            continue
        for obj in p.children:
            if obj.dep_ != "pobj":
                continue
            if _injured_by_accident(obj, pack, violent):
                return True  # "died of injuries sustained during the crash"
            if obj.lemma_.lower() in violent:
                continue
            # (through a word that is none: "died as a result of injuries ...")
            if _cause_chain(obj, pack, violent, depth - 1):
                return True
            if any(t.lemma_.lower() in violent for t in obj.subtree):
                continue
            if obj.lemma_.lower() in pack.words("natural_causes"):
                return True
    return False


def _injured_by_accident(obj: Token, pack: LanguagePack, violent: frozenset[str]) -> bool:
    """Whether ``obj`` is a word of injury its own phrase puts down to a natural cause and to
    nothing violent ("injuries sustained during the crash"; not "injuries sustained in the
    attack", nor "during the crash of a helicopter shot down by rebels")."""
    if obj.lemma_.lower() not in pack.words("injury_nouns"):
        return False
    rest = [t for t in obj.subtree if t.i != obj.i]
    # (nor a verb of violence: "the crash of a helicopter shot down by rebels")
    deeds = pack.table("verbs")
    return any(t.lemma_.lower() in pack.words("natural_causes") for t in rest) and not any(
        t.lemma_.lower() in violent or (t.pos_ in _VERB and t.lemma_.lower() in deeds) for t in rest
    )


def held_for_care(tok: Token, cls: str, pack: LanguagePack) -> bool:
    """``Ninety people were detained in hospital``: one of the pack's ``care_custody_verbs``
    that names no doer and keeps people of no side (``care_patients``, or a bare number) in
    a bare one of its ``care_places`` keeps them for treatment; no one was arrested ("police
    detained 12 protesters at a hospital", "three wounded militants were arrested in
    hospital" were arrests)."""
    if not classes.subsumes(classes.named("arrest"), cls):
        return False
    if tok.lemma_.lower() not in pack.words("care_custody_verbs"):
        return False
    if any(c.dep_ in ("nsubj", "agent") for c in tok.children):
        return False
    held = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if not held or not all(
        c.like_num or c.lemma_.lower() in pack.words("care_patients") for c in held
    ):
        return False
    return any(
        g.dep_ == "pobj"
        and g.lemma_.lower() in pack.words("care_places")
        and not any(d.dep_ in ("det", "poss") for d in g.children)
        for c in tok.children
        if c.dep_ == "prep"
        for g in c.children
    )


def arms_taken(tok: Token, cls: str, pack: LanguagePack) -> bool:
    """``Police captured two drones``: a word of arrest whose objects, and all they are
    joined to, are arms (the pack's ``arms_nouns``, as common nouns) took no people."""
    if not classes.subsumes(classes.named("arrest"), cls) or tok.pos_ not in _VERB:
        return False
    taken = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    taken += [g for c in taken for g in c.conjuncts]
    return bool(taken) and all(
        c.pos_ == "NOUN" and c.lemma_.lower() in pack.words("arms_nouns") for c in taken
    )


def generic_act(tok: Token, pack: LanguagePack) -> bool:
    """``Attacking civilians is a war crime``, ``Torturing detainees is banned``: a gerund
    with an object that is the subject of one of the pack's ``kind_of_act_verbs`` or of a
    passive names a kind of act, not one that happened (but a headline's "Shelling kills
    five" and "Killing of X sparks protests" tell events)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "nsubj", "csubjpass", "nsubjpass"):
        return False
    if not any(c.dep_ == "dobj" for c in tok.children):
        return False
    head = tok.head
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return passive or head.lemma_.lower() in pack.words("kind_of_act_verbs")


def not_an_event(tok: Token, cls: str, pack: LanguagePack) -> bool:
    """Planned, threatened, prevented, denied, negated or hypothetical: not an event; a
    trigger naming a scene noun's event is read by that noun's phrase ("the bombing attempt
    was foiled": prevented)."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in pack.words("event_scene_nouns"):
        if not_an_event(tok.head, cls, pack):
            return True
    negated_ = negated(tok, pack)
    if classes.is_speech(cls):
        return negated_ and not classes.behaviour(cls, "negation_is_the_event")
    if negated_ or prevented_before(tok, pack) or natural_cause(tok, pack):
        return True
    if held_for_care(tok, cls, pack) or arms_taken(tok, cls, pack) or generic_act(tok, pack):
        return True
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in pack.words(
        "prevention_verbs", "planning_verbs"
    ):
        return True  # "the attack was foiled", "the bombing was planned for weeks"
    if _has_aux(tok, pack.words("modal_aux")) and not _estimated_toll(tok, pack):
        return True
    if any(
        # (and "a cell planning attacks", read as the compound "planning attacks")
        (c.dep_ in ("amod", "compound") and c.lower_ in pack.words("irrealis_adjectives"))
        for c in tok.children
    ):
        return True  # "a possible attack", "a planned bombing", "future operations"
    if tok.pos_ in _VERB and any(
        c.dep_ == "prep" and c.lower_ in pack.words("tally_preps") for c in tok.children
    ):
        return True  # "50 insurgents killed since the beginning of the year": a tally
    if over_a_period(tok, pack):
        return True  # "have captured 17 leaders in the last month": a tally
    if tok.pos_ in _VERB:
        if (
            tok.tag_ in _PRESENT
            and not _perfect(tok, pack)
            and not _in_past_clause(tok)
            and not _unchanged_past(tok, pack)
        ):
            return True  # "he plans attacks", "the leader manages fighters": habitual
        used = (
            tok.dep_ in ("xcomp", "advcl")
            and tok.head.lemma_.lower() in pack.optional_words("instrument_verbs")
            and tok.head.tag_ == "VBD"
            and classes.is_violent(cls)
        )  # "used a drone to strike a school", "used machetes to kill": the use was the deed
        if _purpose(tok, pack) and not used:
            return True  # "an operation to capture a leader": a purpose, not a result
        if _characterization(tok, pack):
            return True  # "al-Shabaab, which is fighting to topple the government"
    else:
        gov = governor_verb(tok)
        reporting = pack.words("perpetration_verbs") | pack.words("reporting_verbs")
        if gov is not None and gov.lemma_.lower() not in reporting:
            if verb_irrealis(gov, pack):
                return True  # "plans attacks", "to conduct their attacks"
        elif gov is not None and verb_irrealis(gov, pack) and gov.tag_ in (*_PRESENT, "VB"):
            if not any(
                c.dep_ == "aux" and c.lemma_ in pack.words("perfect_aux") for c in gov.children
            ):
                return True
        if (
            gov is not None
            and (gov.dep_ == "relcl" or (gov.dep_ == "conj" and gov.head.dep_ == "relcl"))
            and tok.tag_ == "NNS"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
        ):
            return True  # "a leader who conducted attacks against ...": background
    return _under_a_modal_governor(tok, pack)


def _characterization(tok: Token, pack: LanguagePack) -> bool:
    """A relative clause in the present progressive that tells what a group does all along,
    not an event: with a purpose ("which is fighting to topple the government"), a
    period it has gone on ("which is fighting the state since 2006"), or a struggle in the
    perfect ("which has been fighting rivals") or over something (``contest_preps``: "which
    is fighting rivals for control of the routes"), and a struggle a group is described by
    ("X, a gang fighting the rival Y"); "rebels, who are shelling the town" and "forces who
    have been shelling the city" tell an event going on."""
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.lemma_.lower() in pack.optional_words("struggle_verbs")
        and tok.head.lemma_.lower()
        in pack.optional_words("organisation_nouns", "criminal_group_nouns")
    ):
        return True  # "Los Lobos, a gang fighting the rival Los Choneros": what it does
    if tok.dep_ != "relcl" or tok.tag_ not in ("VBG", "VBN"):
        return False
    if not any(c.dep_ == "aux" and c.tag_ in (*_PRESENT, "VBN") for c in tok.children):
        return False
    if tok.tag_ == "VBN" and not (
        # ("which has fought the CJNG for control of the region": the present perfect of a
        # struggle over something or over a period; not "which has killed 12 since Monday")
        tok.lemma_.lower() in pack.optional_words("struggle_verbs")
        and not any(c.dep_ == "auxpass" for c in tok.children)
    ):
        return False
    purpose = any(
        c.dep_ in ("xcomp", "advcl") and _has_aux(c, pack.words("infinitive_markers"))
        for c in tok.children
    )
    period = any(
        c.dep_ == "prep" and c.lower_ in pack.words("tally_preps", "period_preps")
        for c in tok.children
    )
    # (over something the parser may hang on the rival: "fighting a rival group for control")
    held = [*tok.children, *(g for o in tok.children if o.dep_ == "dobj" for g in o.children)]
    contested = any(
        c.dep_ == "prep" and c.lower_ in pack.optional_words("contest_preps") for c in held
    )
    struggle = (_perfect(tok, pack) or contested) and tok.lemma_.lower() in pack.optional_words(
        "struggle_verbs"
    )
    if tok.tag_ == "VBN":
        return period or contested
    return purpose or period or struggle


def _under_a_modal_governor(tok: Token, pack: LanguagePack) -> bool:
    """``were planning attacks``, ``the plan to attack``: a governing verb or noun of
    planning, threatening, preventing or denying; a verb of taking part
    (``taking_part_verbs``) over an event the text names as one it tells ("helping in the
    attack": a definite event) leaves it an event that happened."""
    # the determiner of the phrase the trigger heads, or names ("the assassination attempt")
    phrase = tok.head if tok.dep_ == "compound" else tok
    told = tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in pack.optional_words("told_event_determiners")
        for c in phrase.children
    )
    triggers = pack.table("nouns")
    node = tok
    hops = 0
    while node.head is not node and hops < 4:
        dep = node.dep_
        # "clashes continued in X, killing 12": a participle of what the clause did, after
        # a comma, is no purpose the verb governs
        result = dep == "advcl" and node.tag_ == "VBG" and node.i > 0 and node.nbor(-1).text == ","
        # "TTP denied involvement, while X claimed the attack": a clause told beside the
        # verb with a subject of its own, not governed by it (but "could have killed dozens
        # if it had exploded" is)
        result = result or (
            dep == "advcl"
            and any(c.dep_ == "nsubj" for c in node.children)
            and any(
                c.dep_ == "mark" and c.lower_ in pack.optional_words("while_marks")
                for c in node.children
            )
        )
        node = node.head
        hops += 1
        lemma = node.lemma_.lower()
        if result:
            break
        if dep in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acl", "advcl"):
            if node.pos_ in _VERB and lemma in pack.words("modal_verbs"):
                if lemma in pack.words("perpetration_verbs") and lemma not in pack.words(
                    "planning_verbs"
                ):
                    continue
                if told and lemma in pack.optional_words("taking_part_verbs"):
                    continue  # "helped in the attack": the attack happened
                return True
            if node.pos_ == "NOUN" and lemma in pack.words("modal_nouns"):
                return True
            if node.pos_ == "NOUN" and lemma not in triggers:
                # "denied involvement in the blast": the blast itself is not denied
                break
            if node.pos_ in _VERB and _has_aux(node, pack.words("modal_aux")):
                return True
        if node.pos_ in _VERB and dep not in ("xcomp", "prep", "pobj", "pcomp", "dobj"):
            break
    return False


def precedent_time(tok: Token, pack: LanguagePack) -> Token | None:
    """The time a relative clause holding ``tok`` is about, when it tells an earlier event:
    "since 2016, when militants killed 12 soldiers" (2016), "a flare-up in September 2022
    in which 300 soldiers were killed" (September 2022); else ``None``."""
    for t in (tok, *tok.ancestors):
        if t.dep_ == "relcl" and _a_time(t.head):
            return t.head
        for p in t.children:
            if p.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lower_ in pack.words("relative_words") for g in p.children
            ):
                before = p.i - 1
                while before >= 0 and p.doc[before].is_punct:
                    before -= 1
                if before >= 0 and _a_time(p.doc[before]):
                    return p.doc[before]
        if t.dep_ in ("ROOT",):
            break
    return None


def _a_time(tok: Token) -> bool:
    return tok.ent_type_ == "DATE" or (
        tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20")
    )
