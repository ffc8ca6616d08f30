"""Links between mentions of one sentence: the same event told twice, who did an event, and
what a statement is about.

- a noun trigger inside a violent verb's ``in``/``with``/``during`` phrase, a participle
  (``..., killing seven``) or a relative clause on a noun trigger is the same event;
- ``X carried out/conducted/staged E`` and ``X was responsible for E`` make X E's perpetrator;
  under a verb of saying whose subject is not X it is an *attribution* by that subject;
- ``X claimed responsibility for E`` is a claim about E; a statement is about the events
  reported in its clause; an outlet that reports a sentence is the reporter of what is in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Span, Token

from kg.extract import classes
from kg.extract.arguments import (
    actors,
    collective,
    head_entities,
    is_group_key,
    phrase_actors,
    placers,
    places,
    prep_objects,
    raised_subject_misread,
    shared_subjects,
)
from kg.extract.classify import is_nonstate_armed
from kg.extract.entities import ARMED_GROUP_KEY, belonging_phrases, spokespersons
from kg.extract.mentions import Mention, Reading
from kg.extract.modality import misread_as_modifier, negated, other_events

_VERB = ("VERB", "AUX")
_NOUN = ("NOUN", "PROPN")


def _fold_into(
    m: Mention, into: Mention, *, agent_as: str = "agent", and_when: bool = True
) -> None:
    """Tell ``m`` as part of ``into`` (the same event told twice in one sentence): its
    arguments (an agent under ``agent_as``), with ``and_when`` its class as a further type and
    its year and dates; ``m`` refers to ``into`` from now on."""
    for role, keys in m.roles.items():
        for k in keys:
            into.add(agent_as if role == "agent" else role, k)
    # "were killed in a similar attack": another event, as its noun says
    into.additional = into.additional or m.additional
    if and_when:
        into.extra_types.add(m.cls)
        if m.year and not into.year:
            into.year = m.year
        into.dates.extend(m.dates)
    m.same_as = into.id


def same_event_links(r: Reading) -> None:
    """Mentions of a sentence that tell one event.

    - ``assassinated ... in a drone strike``: the noun's event is the verb's event;
    - ``detonated ..., killing seven and wounding 20`` (also when the parser hangs the
      participle on a noun): the participle tells what the event did;
    - ``killed ... when an explosion tore through a station``, ``were killed when shells
      hit a market``, ``attacked a camp, sparking hours of fighting``: the event told in
      the clause of circumstance is the same;
    - ``the bombing was an attack on a cafe``: a copula equates two event nouns;
    - ``a grenade thrown at a police station injured two officers``: the participle on the
      subject tells how the verb's event was done;
    - ``Military Forces of Sudan (2019-) air strike hit a market``: an event noun set beside
      the verb's subject (the monitors' actor name before its event) is the verb's event;
    - ``detonated a landmine before opening fire``: a step told by a participle with no
      subject of its own (``sequence_preps``) is the same incident;
    - ``killed two insurgents and wounded three``: coordinated verbs tell one event, unless
      they happen in different places (a roundup: ``killed 11 near Djibo, shot dead six
      outside Arbinda``)."""
    found, by_tok = r.found, r.by_tok

    def head_event(m: Mention) -> Mention | None:
        if m.same_as is None:
            return m
        return r.mention(m.same_as)

    def join(m: Mention, target: Mention | None) -> None:
        target = head_event(target) if target is not None else None
        if target is not None and target is not m and target.violent and m.same_as is None:
            m.same_as = target.id

    for m in found:  # nouns in the verb's "in"/"with"/"during" phrase, "agreed to a truce"
        tok = m.trigger
        if tok.pos_ not in _NOUN:
            continue
        if (
            tok.dep_ == "pobj"
            and tok.head.dep_ == "prep"
            and tok.head.lower_ in r.words("same_event_preps")
        ):
            gov = tok.head.head
            if gov.i not in by_tok and gov.dep_ in ("dobj", "nsubjpass") and gov.pos_ in _NOUN:
                gov = gov.head  # "beheaded a dozen people in an attack": the parser's object
            other = by_tok.get(gov.i)
            same_kind = other is not None and (
                other.violent or classes.family(other.cls) == classes.family(m.cls)
            )
            if other is not None and same_kind and other is not m:
                _fold_into(m, other, agent_as="perpetrator")
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ in r.words("sequence_preps")
            and tok.head.head.lemma_.lower() in r.words("death_reporting_verbs")
            and m.violent
            and m.same_as is None
        ):
            # "bodies were found after an attack by X": the dead the attack left
            gov = tok.head.head
            for c in gov.children:
                dead = by_tok.get(c.i)
                if c.dep_ in ("nsubjpass", "dobj") and dead is not None and dead is not m:
                    if dead.same_as is None and dead.trigger.lemma_.lower() in r.words(
                        "death_nouns"
                    ):
                        _fold_into(dead, m)
    generic = classes.named("attack")
    for m in found:  # "an arson attack": the kind of attack, one event
        tok, head = m.trigger, by_tok.get(m.trigger.head.i)
        if (
            tok.pos_ in _NOUN
            and tok.dep_ == "compound"
            and head is not None
            and head is not m
            and head.cls == generic
            # an event's word, not its harm's ("war injuries" tell no war)
            and head.trigger.lemma_.lower() not in r.words("death_nouns", "injury_nouns")
            and m.same_as is None
            and head.same_as is None
        ):
            _fold_into(m, head)
            head.cls = m.cls
    for m in found:  # "the bombing was an attack on 13 September at a cafe": one event
        tok = m.trigger
        if (
            tok.pos_ in _NOUN
            and tok.dep_ == "attr"
            and tok.head.lemma_.lower() in r.words("copula_lemmas")
            and m.same_as is None
        ):
            subj = next(
                (by_tok[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in by_tok),
                None,
            )
            if subj is not None and subj is not m and subj.violent and m.violent:
                _fold_into(m, subj)
    for m in found:  # "The attack triggered a gunfight": the fight it set off, one incident
        tok, reaction = m.trigger, m.trigger.head
        if (
            tok.dep_ == "dobj"
            and m.same_as is None
            and reaction.lemma_.lower() in r.words("reaction_verbs")
            and classes.subsumes(classes.named("battle"), m.cls)
        ):
            subj = next(
                (by_tok[c.i] for c in reaction.children if c.dep_ == "nsubj" and c.i in by_tok),
                None,
            )
            if subj is not None and subj is not m and subj.violent:
                _fold_into(m, subj)
    for m in found:  # "Military Forces of Sudan (2019-) air strike hit a market": one event
        tok, beside = m.trigger, m.trigger.head
        if (
            tok.pos_ in _NOUN
            and tok.dep_ == "appos"
            and beside.dep_ == "nsubj"
            and beside.head.i in by_tok
            and m.same_as is None
            and m.violent
        ):
            verb = by_tok[beside.head.i]
            if verb is not m and verb.violent and verb.same_as is None:
                _fold_into(m, verb)
                verb.cues |= m.cues
    for m in found:  # "a grenade thrown at a police station injured two officers": one event
        tok = m.trigger
        noun = tok.head
        if (
            m.violent
            and m.same_as is None
            and tok.tag_ == "VBN"
            and tok.dep_ == "acl"
            and noun.dep_ in ("nsubj", "nsubjpass")
            and noun.head.i in by_tok
        ):
            verb = by_tok[noun.head.i]
            if verb is not m and verb.violent and verb.same_as is None:
                _fold_into(m, verb, and_when=False)
                verb.cues |= m.cues
    for m in found:
        tok = m.trigger
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and m.same_as is None:
            # "youths went on a rampage, torching shops": what the rampage did, one event
            undertaken = [x for x in _undertaken(r, tok.head) if x is not m]
            told = head_event(undertaken[0]) if undertaken else None
            if told is not None:
                m.same_as = told.id
                continue
        if not m.violent:
            continue
        if (
            tok.tag_ == "VBG"
            and tok.dep_ == "pcomp"
            and tok.head.lower_ in r.words("sequence_preps")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            join(m, by_tok.get(tok.head.head.i))  # "detonated a mine before opening fire"
        elif tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl"):
            target = _violent_ancestor(r, tok)
            if target is None and tok.lemma_.lower() in r.words("consequence_verbs"):
                # the parser hung "..., killing X" on a noun: the event told just before
                before = [x for x in found if x.violent and x.trigger.i < tok.i and x is not m]
                target = max(before, key=lambda x: x.trigger.i) if before else None
            join(m, target)  # "..., killing seven"
        elif tok.pos_ == "VERB" and tok.dep_ == "conj":
            head = by_tok.get(tok.head.i)
            if head is not None and not _apart(m, head_event(head) or head):
                join(m, head)
            elif head is None and tok.tag_ == "VBG" and tok.head.dep_ in ("advcl", "xcomp"):
                # "stormed the college, separating Christians and taking hundreds hostage": a
                # participle joined to one that tells no event of its own
                join(m, _violent_ancestor(r, tok.head))
        elif tok.pos_ in _VERB and tok.dep_ in ("advcl", "xcomp"):
            head = by_tok.get(tok.head.i)
            if head is None and tok.head.lemma_.lower() in r.words("perpetration_verbs"):
                head = next(
                    (by_tok[c.i] for c in tok.head.children if c.dep_ == "dobj" and c.i in by_tok),
                    None,
                )
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
            # (and the attack a fight broke out over: "clashed with 3R combatants after the
            # rebels attacked a checkpoint", one incident)
            onset = (
                head is not None
                and classes.subsumes(classes.named("battle"), head.cls)
                and bool(marks & r.pack.optional_words("onset_marks"))
                # (not an attack of another day: "after they attacked Lamu on Friday")
                and not (m.dates or m.year)
            )
            if head is not None and (
                tok.tag_ == "VBG" or marks & r.words("simultaneity_marks") or onset
            ):
                join(m, head)  # "..., killing", "were killed when shells hit a market"
        elif tok.pos_ in _NOUN and m.same_as is None:
            clause = _circumstance(tok, r.words("simultaneity_marks"))
            if clause is not None and clause.head.i in by_tok:
                head = by_tok[clause.head.i]
                if not _set_off(r, m, clause, head_event(head) or head):
                    join(m, head)  # "killed ... when an explosion tore ..."


def _set_off(r: Reading, m: Mention, clause: Token, head: Mention) -> bool:
    """Whether ``m`` is another event that ``head`` set off: told by the object of a
    participle of reaction (``reaction_verbs``) and done by doers of its own that take no
    part in ``head`` ("a car bomb killed five officers, prompting government airstrikes").
    A fight it set off is the same incident ("attacked a camp, sparking hours of fighting",
    "triggering a gunbattle between soldiers and the militants"), and so is what the other
    side did in it ("clashed with police, prompting police gunfire")."""
    if clause.lemma_.lower() not in r.words("reaction_verbs") or m.trigger.dep_ != "dobj":
        return False
    if classes.subsumes(classes.named("battle"), m.cls):
        return False
    own = {k for role in ("perpetrator", "agent") for k in m.roles.get(role, [])}
    involved = {k for keys in head.roles.values() for k in keys}
    return bool(own) and not own & involved


def _apart(a: Mention, b: Mention) -> bool:
    """Whether two mentions name different places (neither inside the other is known here)."""
    pa, pb = set(a.roles.get("location", [])), set(b.roles.get("location", []))
    return bool(pa and pb and not pa & pb)


def _violent_ancestor(r: Reading, tok: Token) -> Mention | None:
    """The nearest violent event that a participle hangs from (through nouns the parser put
    between: "detonated in Berdiansk city, Ukraine, killing ...")."""
    for node in tok.ancestors:
        m = r.by_tok.get(node.i)
        if m is not None and m.violent:
            return m
        if node.pos_ in _VERB and node.i not in r.by_tok:
            return None  # another verb's clause
    return None


def _circumstance(tok: Token, r_words_simultaneous: frozenset[str]) -> Token | None:
    """The clause of circumstance a noun is the subject or object of: ``when an explosion
    tore through ...``, ``sparking hours of fighting``; ``None`` otherwise."""
    node = tok
    for _ in range(3):
        if node.dep_ in ("nsubj", "dobj", "pobj", "prep"):
            node = node.head
            continue
        break
    if node.pos_ in _VERB and node.dep_ == "advcl" and node is not tok:
        marks = {c.lower_ for c in node.children if c.dep_ in ("mark", "advmod")}
        if node.tag_ == "VBG" or marks & r_words_simultaneous:
            return node
    return None


def _undertaken(r: Reading, tok: Token) -> list[Mention]:
    """The events a verb of ``undertaking_verbs`` says its subject went on ("settlers went on
    a rampage", "embarked on a killing spree": the events the phrase names or gathers)."""
    undertaking = r.pack.optional_table("undertaking_verbs").get(tok.lemma_.lower())
    if tok.pos_ not in _VERB or not undertaking:
        return []
    events: list[Mention] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in undertaking:
            continue
        for g in c.children:
            gathered = [
                x.trigger for x in r.found if (h := collective(r, x.trigger)) and h.i == g.i
            ]
            events += [r.by_tok[e.i] for e in (g, *gathered) if e.i in r.by_tok]
    return events


def _perpetrated(r: Reading, tok: Token) -> tuple[list[Mention], list[Token]]:
    """The events ``tok`` says someone did, and that someone's phrase: ``X carried out E``,
    ``E was carried out by X``, ``X was responsible for E``, ``X was behind E``, ``X went on
    a rampage`` (``undertaking_verbs``)."""
    by_tok = r.by_tok
    events: list[Mention] = []
    if tok.pos_ in _VERB and tok.lemma_.lower() in r.words("perpetration_verbs"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        obj_deps = ("nsubjpass",) if passive else ("dobj",)
        done = [c for c in tok.children if c.dep_ in obj_deps]
        if passive and not done and tok.dep_ == "xcomp":
            # "the attack is believed to have been carried out by X": the raising verb's
            # subject is what was done
            done = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        for c in done:
            # "X launched a series of attacks": the events the collective noun gathers
            gathered = [
                x.trigger for x in r.found if (h := collective(r, x.trigger)) and h.i == c.i
            ]
            for e in (c, *gathered):
                if e.i in by_tok:
                    events.append(by_tok[e.i])
                    events += [by_tok[x.i] for x in e.conjuncts if x.i in by_tok]
        if passive:  # "the attack had been carried out by the Islamic State"
            return events, [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        return events, [c for c in tok.children if c.dep_ == "nsubj"]
    undertaken = _undertaken(r, tok)
    if undertaken:
        return undertaken, [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.lower_ in r.words("responsibility_words") and tok.dep_ in (
        "acomp",
        "prep",
        "attr",
        "advmod",
    ):
        behind = tok.lower_ in r.words("behind_words")
        for c in [tok] if behind else tok.children:
            if c.dep_ == "prep" or behind:
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in by_tok:
                        events.append(by_tok[g.i])
        return events, [c for c in tok.head.children if c.dep_ in ("nsubj",)]
    return [], []


def _raised_stance(r: Reading, tok: Token) -> str | None:
    """The stance a raising verb gives a doer named below it ("is believed to have been
    carried out by X": suspected; "is said to have ...": alleged; ``raised_stances``), or
    ``None`` when ``tok`` is not told through one."""
    if tok.dep_ != "xcomp":
        return None
    return r.pack.table("raised_stances").get(tok.head.lemma_.lower())


def perpetration(r: Reading) -> None:
    """``X carried out E`` / ``X was responsible for E``: X is E's doer (who says so is
    decided by :func:`doer_stance`)."""
    for tok in r.tokens:
        events, subj = _perpetrated(r, tok)
        if not events or not subj:
            continue
        if _denied(r, tok) or (subj[0].head is not tok and _denied(r, subj[0].head)):
            # "X was not responsible for the shooting", "X did not carry it out"; said of
            # itself ("X said it was not responsible for the shooting"), X denies it
            if _teller_itself(r, subj[0]):
                _claimed_by_teller(r, tok, events, denied=True)
            continue
        doers = actors(head_entities(r, subj[0]))
        if tok.pos_ in _VERB:
            # (or the people counted: "hundreds of settlers went on a rampage", "hundreds
            # of teachers staged a sit-in"; not those one of whom was responsible for
            # attacks, a record rather than an event)
            doers = phrase_actors(r, subj[0])
        # the teller's own unnamed people ("its fighters") are the teller, an armed group's
        # or a state's forces ("survivors said their attackers ..." tells no one's own)
        itself = _teller_itself(r, subj[0])
        tellers = _spoken_for(r, _tellers(r, tok)) if itself else []
        own = bool(doers) and all(is_group_key(a.kb_id_) for a in doers) and itself
        own = own and _armed(r, tellers, states=True)
        if own and not _armed(r, tellers):
            # "the army said its soldiers carried out a raid": the forces' own report
            for ev in events:
                for k in tellers:
                    ev.add(classes.behaviour(ev.cls, "subject"), k)
            continue
        # ("one of its fighters carried out E", said by an armed group: no one named)
        unnamed_own = not doers and itself and _armed(r, tellers)
        if (not doers and subj[0].lower_ in r.words("self_pronouns")) or own or unnamed_own:
            # "X claimed they were responsible for E", "X said its fighters carried out E"
            _claimed_by_teller(r, tok, events)
            continue
        if not doers:
            continue
        events = [e for e in events if not other_events(e.trigger, r.pack)]
        raised = _raised_stance(r, tok)
        for ev in events:
            if ev.speech:
                continue
            role = classes.behaviour(ev.cls, "subject")
            if raised and role == "perpetrator":
                role = raised  # "believed to have been carried out by X": suspected
            for a in doers:
                ev.add(role, a.kb_id_)
            ev.definite = ev.definite or any(
                c.dep_ in ("det", "poss") and c.lower_ not in r.words("indefinite_articles")
                for c in ev.trigger.children
            )


def _denied(r: Reading, tok: Token) -> bool:
    """Whether a clause says its doer did not do it: negated (:func:`negated`), but not
    "not only" (``emphatic_after_negation``: "was not only responsible for the attack but
    would carry out more")."""
    emphatic = r.pack.optional_words("emphatic_after_negation")
    for c in tok.children:
        if c.dep_ == "neg" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in emphatic:
            return False
    return negated(tok, r.pack)


def _tellers(r: Reading, tok: Token) -> list[str]:
    """The actors that tell the clause ``tok`` is told in (none in the text's own voice)."""
    told = reporting_clause(r, tok)
    return told[1] if told is not None else []


def _spoken_for(r: Reading, keys: list[str]) -> list[str]:
    """``keys`` with each spokesperson replaced by the body they speak for ("A spokesman for
    the TPNPB, Sebby Sambom, said its fighters ...": the TPNPB tells; the entity layer's
    ``spokespersonOf`` relations), and without the persons told beside a body (the body
    tells)."""
    speaks_for = spokespersons(r.doc._.ckg_relations or [])
    keys = [speaks_for.get(k, k) for k in keys]
    # (a person told beside the body they speak for: "a spokesman for X, Y, said")
    types = r.entity_types
    return [k for k in keys if types.get(k) != "Person"] or keys


def _armed(r: Reading, tellers: list[str], states: bool = False) -> bool:
    """Whether ``tellers`` are some, all armed groups of no state (whose saying they did it
    is a claim; a state's forces report their operations), or, with ``states``, also a
    state's forces."""
    types = r.entity_types

    def armed(k: str) -> bool:
        t = types.get(k, "")
        return is_nonstate_armed(t) or (states and classes.is_a(t or "Actor", "StateForce"))

    return bool(tellers) and all(armed(k) for k in tellers)


def _claimed_by_teller(r: Reading, tok: Token, events: list[Mention], denied: bool = False) -> None:
    """``The group said it was behind the attack``, ``X claimed they carried out E``: the
    teller claims the events ``tok`` says "it" did (or, ``denied``, denies them: "X said it
    was not responsible for the shooting")."""
    told = reporting_clause(r, tok)
    if told is None or not told[1]:
        return
    verb, speakers = told
    if all(_is_outlet(r, k) for k in speakers):
        return
    done = [e for e in events if not e.speech and not other_events(e.trigger, r.pack)]
    if done:
        kind, role = ("denial", "deniedBy") if denied else ("claim", "claimedBy")
        _statement(r, verb, classes.named(kind), speakers, [], [e.id for e in done])
        for e in done:
            for k in _spoken_for(r, speakers):
                e.add(role, k)


def doer_stance(r: Reading) -> None:
    """Who says who did an attack. The text's own voice states the perpetrator; a doer named
    only inside someone else's reported words (``planted by the Taliban, a spokesman
    said``) is alleged, and the teller's words are an Attribution; an actor that says it did
    it (``the military said it had struck``) claims it; ``suspected X fighters`` are
    suspected."""
    for m in list(r.found):
        role = classes.behaviour(m.cls, "subject")
        if m.speech or m.dropped or role != "perpetrator":
            continue  # what someone perpetrated (an attack, arson), not an arrest
        hedged = _hedge(r, m.trigger)
        if hedged and m.roles.get(role):
            # "X, possibly JNIM, abducted": only the doers the hedge is on
            named = _hedged_alternative(r, m.trigger)
            hedged_doers = [k for k in m.roles[role] if k in named] if named else m.roles[role]
            _move(m, role, hedged, list(hedged_doers))  # "soldiers reportedly killed 12"
            continue
        doers = [k for k in m.roles.get(role, []) if not is_group_key(k)]
        if doers and _suspected(r, m):
            _move(m, role, "suspectedPerpetrator", doers)
            continue
        told = reporting_clause(r, m.trigger)
        if told is None:
            continue
        verb, speakers = told
        # "claimed the attack, which it said had killed 40": the claimant's count
        m.partisan = m.partisan or _claimant_tells(r, verb)
        if speakers and all(_is_outlet(r, k) for k in speakers):
            continue  # an outlet relaying the news ("Reuters reported") reports, not alleges
        if doers and _own_forces(r, verb, speakers, doers):
            continue  # "troops killed six militants, the military said": the forces' report
        # (a spokesman's "the group carried out the attack": the body spoken for claims it)
        if doers and set([*speakers, *_spoken_for(r, speakers)]) & set(doers):
            _statement(r, verb, classes.named("claim"), speakers, [], [m.id])
            _move(m, role, "claimedBy", doers)
            m.partisan = True
        elif doers:
            kind = (
                "suspicion" if verb.lemma_.lower() in r.words("suspecting_verbs") else "attribution"
            )
            _statement(r, verb, classes.named(kind), speakers, doers, [m.id])
            stance = "suspectedPerpetrator" if kind == "suspicion" else "allegedPerpetrator"
            _move(m, role, stance, doers)
        elif speakers and _said_it_did(r, m.trigger) and (m.violent or not _claims(r, verb)):
            # (what a claim says was taken, "saying it had seized weapons", is the claimed
            # attack's spoils, not the event claimed)
            _statement(r, verb, classes.named("claim"), speakers, [], [m.id])
            for k in speakers:
                m.add("claimedBy", k)
            m.partisan = True
        elif speakers and _said_it_did(r, m.trigger):
            m.dropped = True  # "claimed the attack, saying it had seized weapons"


def _claimant_tells(r: Reading, verb: Token) -> bool:
    """Whether ``verb`` reports the words of a claimant: a verb of claiming ("a statement,
    which also claimed that 10 soldiers had been killed"), or one whose subject is the
    claimant itself (one of ``self_pronouns``) inside a claim ("claimed the attack, which it
    said had killed 40 soldiers")."""
    claim = classes.named("claim")
    told = r.pack.table("verbs").get(verb.lemma_.lower())
    if told is not None and classes.subsumes(claim, str(told)):
        return True
    if not any(c.dep_ == "nsubj" and c.lower_ in r.words("self_pronouns") for c in verb.children):
        return False
    return any(
        a.i in r.by_tok and classes.subsumes(claim, r.by_tok[a.i].cls) for a in verb.ancestors
    )


def claims_by_saying(r: Reading) -> None:
    """``Al-Shabaab said it had targeted soldiers``: a named teller saying it did one of the
    ``claimed_action_verbs`` (no event word of its own) claims the story's event (linked when
    the records are built, as "X claimed it" is); another teller saying a named armed group
    did it ("police said the TTP had targeted the van") attributes the event to that group.
    """
    acts = r.words("claimed_action_verbs")
    claim = classes.named("claim")
    types = r.entity_types
    for m in r.found:
        if not m.speech or m.dropped or m.cls == claim or not m.roles.get("speaker"):
            continue
        if m.cls != classes.named("statement"):
            continue  # "the TTP denied it had planted the device": a denial stays one
        # armed groups claim (or their spokesmen for them); a state's forces saying they
        # struck someone tell an operation of theirs ("the army said it had targeted
        # militant hideouts in retaliation")
        speakers = _spoken_for(r, m.roles["speaker"])
        armed = all(is_nonstate_armed(types.get(k, "")) for k in speakers)
        for c in said_contents(r, m.trigger):
            if c.i in r.by_tok or any(g.dep_ == "neg" for g in c.children):
                continue  # ("said it had not planted the device": no claim)
            if c.lemma_.lower() not in acts and not _used_the_weapon(r, c):
                continue
            # (what was targeted is no event claimed: "had targeted the rally", the rally
            # the bombing struck)
            aimed = {r.by_tok[o.i].id for o in c.children if o.dep_ == "dobj" and o.i in r.by_tok}
            m.about = [a for a in m.about if a not in aimed]
            if _said_it_did(r, c, speakers):
                if armed:
                    m.cls = claim
                continue
            doers = _armed_doers(r, c)
            if doers:
                suspects = m.trigger.lemma_.lower() in r.words("suspecting_verbs")
                m.cls = classes.named("suspicion" if suspects else "attribution")
                for k in doers:
                    m.add("attributedTo", k)


def _armed_doers(r: Reading, verb: Token) -> list[str]:
    """The keys of the armed groups of no state ``verb``'s subject names ("the TTP had
    targeted the van"), or none when it names any other actor or none."""
    types = r.entity_types
    doers = [
        a.kb_id_ for s in verb.children if s.dep_ == "nsubj" for a in actors(head_entities(r, s))
    ]
    return doers if all(is_nonstate_armed(types.get(k, "")) for k in doers) else []


def signed_messages(r: Reading) -> None:
    """``A note left beside the body, signed by X``, ``pamphlets signed by X were found at
    the scene``: a message (the pack's ``message_nouns``) a named group signed
    (``signing_verbs`` in the passive, its "by" phrase) is the group's claim of the story's
    event (linked when the records are built, as "X claimed it" is)."""
    messages = r.pack.optional_words("message_nouns")
    for tok in r.tokens:
        if tok.lemma_.lower() not in r.pack.optional_words("signing_verbs"):
            continue
        if tok.tag_ != "VBN" or tok.i in r.by_tok:
            continue
        held = tok.head if tok.dep_ == "acl" else None
        held = held or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if held is None and tok.dep_ == "ccomp":
            # ("Pamphlets found at the site were signed by X", parsed as "found [...]")
            held = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if held is None or held.lower_ not in messages:
            continue
        signers = [
            a.kb_id_
            for c in tok.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
            for a in actors(head_entities(r, g))
            if not is_group_key(a.kb_id_) and a.label_ != "Person"
        ]
        if signers:
            _statement(r, tok, classes.named("claim"), signers, [], [])


def suspected_links(r: Reading) -> None:
    """``Investigators are examining a possible link to the FLNC``, ``police are probing
    ties to X``: a bond (the pack's ``bond_nouns``) to a named group that an inquiry (one of
    the ``inquiry_verbs``) looks into is the inquirers' suspicion of the group, about the
    story's event (linked when the records are built, as "police suspect X" is)."""
    inquiring = r.pack.optional_words("inquiry_verbs")
    bonds = r.pack.optional_words("bond_nouns")
    types = r.entity_types
    for tok in r.tokens:
        if tok.lemma_.lower() not in inquiring or tok.i in r.by_tok:
            continue
        held = [c for c in tok.children if c.dep_ == "dobj"]
        # ("looking into a possible link to X": the object of the verb's particle phrase)
        held += [
            g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        # (the bond's complement the parser hung on the verb: "examining a link to X")
        suspects = [
            a.kb_id_
            for o in held
            if o.lemma_.lower() in bonds
            for p in [*o.children, *(tok.children if o.head.i == tok.i else [])]
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj"
            for a in actors(head_entities(r, g))
            if not is_group_key(a.kb_id_) and is_nonstate_armed(types.get(a.kb_id_, ""))
        ]
        if suspects:
            tellers = [
                a.kb_id_
                for c in tok.children
                if c.dep_ == "nsubj"
                for a in actors(head_entities(r, c))
                if a.kb_id_ not in suspects
            ]
            _statement(r, tok, classes.named("suspicion"), tellers, suspects, [])


def _used_the_weapon(r: Reading, verb: Token) -> bool:
    """``planted the device``, ``detonated the bomb``: one of the ``device_use_verbs`` with
    the weapon told before (a definite weapon noun) as its object; a claim ("said it had
    planted the device") and an accusation ("of planting the device") read it alike."""
    if verb.lemma_.lower() not in r.pack.optional_words("device_use_verbs"):
        return False
    definite = r.words("definite_determiners", "demonstrative_determiners")
    return any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in r.words("weapon_nouns")
        and any(d.dep_ == "det" and d.lower_ in definite for d in o.children)
        # (not one its own phrase tells apart, "the bomb found in Kaduna"; "the bomb used
        # in the attack" names the event told)
        and not any(
            d.dep_ in ("acl", "prep") and not any(t.i in r.by_tok for t in d.subtree)
            for d in o.children
        )
        for o in verb.children
    )


def responsibility_by_saying(r: Reading) -> None:
    """``Police said the ELN was responsible``, ``officials said the killing bore the
    hallmarks of X``: a teller saying that someone, with no event of the sentence named, did
    it is an attribution (a suspicion when the teller suspects: "authorities suspected that X
    were behind it") about the story's event, linked when the records are built; a teller
    saying it did it ("the TPNPB said it was responsible") claims it. A belief that names no
    one who did it (the pack's ``belief_verbs``: "residents believe the army will return")
    is no statement."""
    claim = classes.named("claim")
    beliefs = r.pack.optional_words("belief_verbs")
    for m in r.found:
        if not m.speech or m.dropped:
            continue
        contents = said_contents(r, m.trigger)
        for clause in [*_said_clauses(m.trigger), *(c for c in contents if c.dep_ != "ccomp")]:
            # the clause said (a finite verb the parser may take for an object)
            finite = clause.dep_ == "dobj" and clause.tag_ in ("VBD", "VBZ", "VBP")
            # (or one the parser joined to the saying with no subject of its own: "said they
            # believed members of X, ..., were responsible")
            bare = clause.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in clause.children)
            said = clause.dep_ == "ccomp" or finite or bare or clause in contents
            if not said or clause.i in r.by_tok:
                continue
            subject = _responsible_one(r, clause)
            if subject is None:
                continue
            told = {t.i for t in subject.subtree}
            if told & {x.trigger.i for x in r.found if not x.speech}:
                continue  # "said X was responsible for the attack": read with the attack
            speakers = m.roles.get("speaker", [])
            doers = [a.kb_id_ for a in actors(head_entities(r, subject))]
            # (or its own men: "X said on social media that its fighters were responsible")
            itself = subject.lower_ in r.words("self_pronouns") or (
                any(
                    c.dep_ == "poss" and c.lower_ in r.words("self_possessives")
                    for c in subject.children
                )
                and all(is_group_key(k) for k in doers)
                and _armed(r, m.roles.get("speaker", []))
            )
            # "JNIM said it was not responsible": a denial; "police said X was not behind
            # it" blames no one
            denied = negated(subject.head, r.pack) or any(
                negated(c, r.pack) for c in subject.head.children if c.dep_ in ("acomp", "prep")
            )
            if itself or (doers and set(doers) <= set(speakers)):
                # ("the TTP denied it had planted the device": a denial stays one)
                if speakers and not classes.subsumes(classes.named("denial"), m.cls):
                    m.cls = classes.named("denial") if denied else claim
                continue
            if denied or not doers:
                continue
            # (or the belief it was the object of: "they believed members of X were ...")
            suspects = m.trigger.lemma_.lower() in r.words("suspecting_verbs") or (
                subject.dep_ == "dobj"
                and subject.head.lemma_.lower() in r.words("suspecting_verbs")
            )
            # "police said X was likely responsible": a suspicion
            suspects = suspects or any(
                _hedge(r, w) == "suspectedPerpetrator"
                for w in (subject.head, *subject.head.children)
                if w.dep_ != "nsubj"
            )
            m.cls = classes.named("suspicion" if suspects else "attribution")
            for k in doers:
                m.add("attributedTo", k)
    for m in r.found:
        if m.trigger.lemma_.lower() in beliefs and not m.roles.get("attributedTo"):
            m.dropped = True  # "residents believe the army will return": no suspicion


def _said_clauses(verb: Token) -> Iterator[Token]:
    """The words under a verb of saying, and a clause the parser hung on one of them from
    before a semicolon ("said X were responsible; no group claimed it": both are said)."""
    for clause in verb.children:
        yield clause
        for c in clause.children:
            if c.dep_ == "ccomp" and c.i < clause.i:
                if any(t.text == ";" for t in verb.doc[c.right_edge.i + 1 : clause.i]):
                    yield c


def said_contents(r: Reading, verb: Token) -> list[Token]:
    """The clauses a verb of saying tells: its clausal complements, and the clause the
    parser hung on a word of saying in its phrase ("said in a statement carried by Amaq that
    its fighters had planted the device": the statement's "that" clause)."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    for p in verb.children:
        if p.dep_ != "prep":
            continue
        for g in p.children:
            if g.dep_ == "pobj" and g.lemma_.lower() in r.words("saying_nouns"):
                out += [
                    a
                    for a in g.children
                    if a.dep_ in ("acl", "ccomp")
                    and a.i > verb.i
                    and any(c.dep_ == "mark" for c in a.children)
                ]
    return out


def _responsible_one(r: Reading, clause: Token) -> Token | None:
    """The phrase that names who is said to have done it in a clause of saying: the subject
    of "X was responsible", "X was behind it", "X planted the bomb" (the weapon told before:
    :func:`_used_the_weapon`), or the "of" phrase of "bore the hallmarks of X"
    (``signature_nouns``); ``None`` when the clause says no such thing."""
    definite = r.words("definite_determiners", "demonstrative_determiners")
    for c in clause.children:
        if c.lower_ in r.words("responsibility_words") and c.dep_ in ("acomp", "prep", "advmod"):
            # "X was responsible", "X was behind it", "X was behind the incident" (what
            # happened, told again by a word that tells no event of its own); not
            # "responsible for the rise in crime" (an event named is read with it), nor
            # "behind a series of bombings last year" (other deeds)
            objects = [g for g in c.children if g.dep_ in ("prep", "pobj")]
            if all(
                g.lower_ in r.words("claimed_pronouns")
                or (
                    g.dep_ == "pobj"
                    and g.i not in r.by_tok
                    and any(d.lower_ in definite for d in g.children)
                )
                for g in objects
            ):
                subject = next((g for g in clause.children if g.dep_ == "nsubj"), None)
                return subject or _believed_object(r, clause)
    if _used_the_weapon(r, clause) and not negated(clause, r.pack):
        # "police suspect BRN insurgents planted the bomb": who used the weapon told before
        return next((g for g in clause.children if g.dep_ == "nsubj"), None)
    named = _named_as_suspects(r, clause)
    if named is not None:
        return named  # "police said fighters of X were the main suspects"
    marker = _marked_by(r, clause)
    authored = marker is not None and marker.head.head.lemma_.lower() in (
        r.pack.optional_words("authorship_nouns")
    )
    if authored and not _of_an_event(r, clause):
        return None  # "the murals were the work of X": no deed of violence
    return marker


def _of_an_event(r: Reading, clause: Token) -> bool:
    """Whether a clause that says whose work or marks something bears is about an event: its
    subject is one the sentence tells, or a word that points back at one ("it", "the
    incident")."""
    for c in clause.children:
        # (the subject, or the word the parser took for one's modifier: "the killing bore")
        if c.dep_ not in ("nsubj", "nsubjpass", "compound") or c.i > clause.i:
            continue
        if c.i in r.by_tok or c.lower_ in r.words("claimed_pronouns"):
            return True
        if c.lemma_.lower() in r.words("weapon_nouns"):
            return True  # "the car bomb that killed six was the work of X"
        if any(x.trigger.i == c.i for x in r.found) or c.lemma_.lower() in r.pack.optional_table(
            "nouns"
        ):
            return True  # "the killing", "the blast": a word for an event
        if c.lemma_.lower() in r.pack.optional_table("told_again_nouns"):
            return True
    return False


def _believed_object(r: Reading, clause: Token) -> Token | None:
    """``they believed members of X were responsible``, the parser's object of the belief
    the subject of the clause it left beside it (``suspecting_verbs``)."""
    for v in clause.head.children:
        if v.i < clause.i and v.dep_ == "ccomp" and v.lemma_.lower() in r.words("suspecting_verbs"):
            return next((c for c in v.children if c.dep_ == "dobj"), None)
    return None


def _marked_by(r: Reading, verb: Token) -> Token | None:
    """Whose marks ``verb`` says something bore: the "of" phrase of "bore the hallmarks of
    X" (the pack's ``signature_nouns``) or of "was the work of X" (``authorship_nouns``),
    or ``None``; none when the marks are denied ("bore no marks of X", "did not bear the
    hallmarks of X", "was not the work of X")."""
    if negated(verb, r.pack):
        return None
    if any(
        c.dep_ == "mark" and c.lower_ in r.pack.optional_words("open_question_marks")
        for c in verb.children
    ):
        return None  # "unclear whether the attack was the work of X or of Y"
    # ("the attack was the work of X": the deed of whoever the "of" phrase names)
    authorship = r.pack.optional_words("authorship_nouns")
    for c in verb.children:
        if (c.dep_ == "dobj" and c.lemma_.lower() in r.words("signature_nouns")) or (
            c.dep_ == "attr" and c.lemma_.lower() in authorship
        ):
            if any(
                d.dep_ == "det" and d.lower_ in r.words("negative_determiners") for d in c.children
            ):
                return None
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in r.words("of_preps"):
                    return next((g for g in p.children if g.dep_ == "pobj"), None)
    return None


def _claims(r: Reading, verb: Token) -> bool:
    """Whether the verb of saying ``verb`` is told within a claim of responsibility ("claimed
    responsibility ..., saying ..."): it, or the verb it hangs on, is one."""
    claim = classes.named("claim")
    for v in (verb, verb.head):
        told = r.by_tok.get(v.i)
        if told is not None and classes.subsumes(claim, told.cls):
            return True
    return False


def _said_it_did(r: Reading, verb: Token, tellers: list[str] | None = None) -> bool:
    """Whether ``verb``'s subject is the teller itself ("it", "they", "we"): ``The Israeli
    military said it had struck a commander``; or, given the ``tellers`` (the bodies spoken
    for), names only them ("a spokesman for the TTP said the group had targeted the
    police", the group read as the TTP)."""
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if _teller_itself(r, c):
            return True
        named = {a.kb_id_ for a in actors(head_entities(r, c))}
        if tellers and named and named <= set(tellers):
            return True
    return False


def _teller_itself(r: Reading, subject: Token) -> bool:
    """Whether a subject names the teller: "it", "they", "we", or its own people ("its
    fighters", "our men", "one of its fighters")."""
    # (or one of them: "one of its fighters carried out the attack")
    of = [g for p in subject.children if p.lower_ in r.words("of_preps") for g in p.children]
    if subject.lower_ in r.words("self_pronouns") and _antecedent_before(r, subject):
        return False  # "taken hostage by rebels after they set fire to his plane, police said"
    return subject.lower_ in r.words("self_pronouns") or any(
        c.dep_ == "poss" and c.lower_ in r.words("self_possessives")
        for c in (*subject.children, *(c for g in of for c in g.children))
    )


def _antecedent_before(r: Reading, pronoun: Token) -> bool:
    """Whether an actor named earlier in the pronoun's sentence, outside the subjects of its
    verbs of saying, is what the pronoun stands for ("a pilot was taken hostage by rebels
    after they set fire to his plane, police said": the rebels), not the teller ("the
    military said it had struck", "a spokesman for X said they had")."""
    saying = r.words("saying_verbs")
    tellers = {
        t.i
        for v in pronoun.sent
        if v.lemma_.lower() in saying
        for c in v.children
        if c.dep_ == "nsubj"
        for t in c.subtree
    }
    return any(
        s.end <= pronoun.i and s.root.i not in tellers
        for s in actors(
            list(
                {
                    id(x): x for i, x in r.ent_of.items() if pronoun.sent.start <= i < pronoun.i
                }.values()
            )
        )
    )


def _own_forces(r: Reading, verb: Token, speakers: list[str], doers: list[str]) -> bool:
    """Whether forces tell what they did: "troops killed six militants, the military said"
    (a bare "the military" or "the army" after a state's forces did it; ACLED codes such a
    report as the forces' own act). "Palestinian police said" names other forces."""
    types = r.entity_types
    force = "StateForce"  # ontology actor class (ckg:StateForce)
    if not speakers or not all(is_group_key(k) for k in speakers):
        return False
    if not all(classes.is_a(types.get(k, "") or "Actor", force) for k in [*speakers, *doers]):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    qualifiers = ("amod", "compound", "nmod", "poss")
    return bool(subjects) and not any(g.dep_ in qualifiers for c in subjects for g in c.children)


def _move(m: Mention, role: str, stance: str, keys: list[str]) -> None:
    for k in keys:
        m.roles[role].remove(k)
        m.add(stance, k)
    if not m.roles[role]:
        del m.roles[role]


def _hedged_alternative(r: Reading, verb: Token) -> set[str]:
    """The actors of a hedged apposition to the verb's subject ("Unidentified Armed Group
    (Niger), possibly JNIM, abducted": JNIM), or none: the hedge is on them alone."""
    stances = r.pack.table("hedge_stances")
    return {
        s.kb_id_
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for c in subject.children
        if c.dep_ == "appos" and any(a.dep_ == "advmod" and a.lower_ in stances for a in c.children)
        for s in actors(head_entities(r, c))
    }


def _hedge(r: Reading, verb: Token) -> str | None:
    """The stance a hedging adverb on ``verb``, or right under its subject, gives its doers
    ("soldiers reportedly killed", "fighters, reportedly of the ADF, killed": alleged; "was
    likely responsible": suspected; ``hedge_stances``), or ``None``; not one in a clause of
    the subject's own ("gunmen, who reportedly arrived on motorbikes, killed")."""
    stances = r.pack.table("hedge_stances")
    near = [c for c in verb.children if c.dep_ == "advmod"]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for c in subject.children:
            if c.dep_ == "advmod":
                near.append(c)
            elif c.dep_ in ("prep", "appos"):
                near += [a for a in c.children if a.dep_ == "advmod"]
    return next((str(stances[a.lower_]) for a in near if a.lower_ in stances), None)


def subjects_of(verb: Token) -> list[Token]:
    """The subjects of ``verb`` (active or passive)."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _suspected(r: Reading, m: Mention) -> bool:
    """``Suspected Boko Haram fighters killed ...``: the doers are qualified as suspected."""
    for c in m.trigger.children:
        # the subject, or the "by" phrase of a passive or a noun ("an attack by suspected X")
        by = c.dep_ == "agent" or (
            c.dep_ == "prep" and m.trigger.pos_ in _NOUN and c.lower_ in r.words("agent_preps")
        )
        subjects = [c] if c.dep_ == "nsubj" else list(c.children) if by else []
        for s in subjects:
            if any(a.lower_ in r.words("suspicion_adjectives") for a in s.subtree):
                return True
    # "suspected X militants planted an IED that struck ...": who placed the weapon
    for s in placers(r, m.trigger):
        if any(a.lower_ in r.words("suspicion_adjectives") for a in s.subtree):
            return True
    if not any(c.dep_ == "nsubj" for c in m.trigger.children):
        # "suspected X fighters shot and killed ...": the subject it shares
        for s in shared_subjects(m.trigger):
            if any(a.lower_ in r.words("suspicion_adjectives") for a in s.subtree):
                return True
    gov = m.trigger.head
    if m.trigger.dep_ == "acl" and m.trigger.pos_ in _VERB and not subjects_of(m.trigger):
        # "Suspected X rebels hacked ...", the verb hung on its subject as a reduced relative
        # (the children of the verb are not the noun's)
        head_words = [t for t in gov.subtree if t.i < m.trigger.i]
        if any(a.lower_ in r.words("suspicion_adjectives") for a in head_words):
            return True
    # "On 7 June, suspected X militants beheaded ...", the adjective read as a verb with no
    # subject of its own whose clause the event is
    if (
        m.trigger.dep_ == "ccomp"
        and gov.lower_ in r.words("suspicion_adjectives")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children)
    ):
        return any(c.dep_ == "nsubj" and c.left_edge.i == gov.i + 1 for c in m.trigger.children)
    return _suspected_where_named(r, m)


def _suspected_where_named(r: Reading, m: Mention) -> bool:
    """``Two soldiers were killed when suspected X guerrillas ambushed a patrol``: the doers
    read from another clause of the sentence, qualified as suspected where they are named
    (an adjective before the name, on the noun the name qualifies)."""
    doers = set(m.roles.get("perpetrator", []))
    suspicion = r.words("suspicion_adjectives")
    for t in m.sent:
        s = r.ent_of.get(t.i)
        if s is None or t.i != s.start or s.kb_id_ not in doers:
            continue
        head = s.root
        while head.dep_ in ("compound", "amod") and head.head.i > head.i:
            head = head.head  # "suspected X guerrillas": the people the name qualifies
        if any(a.i < s.start and a.lower_ in suspicion for a in head.children):
            return True
        # (the adjective the parser read as a verb of its own: "when suspected X remnants
        # ambushed", the word right before the phrase)
        edge = min(head.left_edge.i, s.start)
        if edge > 0 and m.sent.start < edge and t.doc[edge - 1].lower_ in suspicion:
            return True
    return False


def _statement(
    r: Reading,
    verb: Token,
    cls: str,
    speakers: list[str],
    attributed: list[str],
    about: list[int],
) -> Mention:
    """The statement told by ``verb``: its existing mention (a plain statement takes the more
    specific class), or a new one."""
    stmt = r.by_tok.get(verb.i)
    if (
        stmt is not None
        and attributed
        and set(stmt.roles.get("attributedTo", [])) - set(attributed)
    ):
        # the same teller names other doers of other events: a statement of its own
        stmt = next(
            (
                x
                for x in r.found
                if x.trigger.i == verb.i and set(x.roles.get("attributedTo", [])) == set(attributed)
            ),
            None,
        )
        if stmt is None:
            stmt = Mention(id=2_000_000 + len(r.found), cls=cls, trigger=verb, sent=r.sent)
            r.found.append(stmt)
    if stmt is None or not stmt.speech:
        stmt = Mention(id=1_000_000 + verb.i, cls=cls, trigger=verb, sent=r.sent)
        r.add(stmt, at=verb.i)
    elif classes.depth(cls) > classes.depth(stmt.cls):
        stmt.cls = cls
    stmt.about += [a for a in about if a not in stmt.about]
    for k in speakers:
        stmt.add("speaker", k)
    for k in attributed:
        stmt.add("attributedTo", k)
    return stmt


def reporting_clause(r: Reading, tok: Token) -> tuple[Token, list[str]] | None:
    """The nearest verb of saying or believing (or a noun like "intel") that ``tok`` is told
    under, and the actors that say it (none when the teller is unnamed: "sources said").
    ``None`` when the text tells it in its own voice, or under a negation ("did not specify
    that ...": nobody says it)."""
    node = tok
    relative = False  # (a source's phrase tells the clause, not one a noun of it opens)
    for _ in range(7):
        source = None if relative else _according_to(r, node)
        if source is not None:
            return source
        if node.head is node:
            break
        dep, below = node.dep_, node
        # ("in Khartoum, where the RSF shelled a market": a place's clause; the doers' own,
        # "RSF fighters who stormed the village killed 30", is told with them)
        relative = relative or (
            dep == "relcl" and node.head.i in r.ent_of and bool(places([r.ent_of[node.head.i]]))
        )
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
            # ("said Monday the abductors belonged to X": the clause the parser hung on the
            # day told with the verb)
            "npadvmod",
        ):
            continue
        holder = node
        if node.pos_ == "NOUN" and node.lemma_.lower() in r.words("saying_nouns"):
            holder = node.head if node.dep_ in ("dobj", "attr") else node
        elif node.pos_ not in _VERB or node.lemma_.lower() not in r.words("saying_verbs"):
            continue
        if any(c.dep_ == "neg" for c in holder.children):
            return None
        if raised_subject_misread(r, holder):
            return holder, []  # "armed men believed to be X looted": the men did it
        if _raised_patient(r, holder, below):
            return None  # "two civilians believed to be X were killed by Y": who they were
        subjects = [c for c in holder.children if c.dep_ == "nsubj"]
        if not subjects:
            continue  # "..., saying that ...": the teller is the subject further up
        return holder, _teller_keys(head_entities(r, subjects[0]))
    return None


def _teller_keys(named: list[Span]) -> list[str]:
    """The keys of the actors among ``named`` that can tell something: no people of a faith
    or of no side ("Civilians"), and an outlet only when no one else is named."""
    tellers = [a for a in actors(named) if a.label_ not in ("SocialGroup", "Civilians")]
    return [a.kb_id_ for a in [a for a in tellers if a.label_ != "MediaOutlet"] or tellers]


def _raised_patient(r: Reading, raising: Token, verb: Token) -> bool:
    """Whether ``raising``, a raising verb of belief with its infinitive ("two civilians
    believed to be M23 collaborators were killed by Y"), only says who the people a passive
    ``verb`` joined to it harmed are: the parser's root, the passive its conjunct (or its
    clause) sharing its subject. It tells nothing of who did it."""
    return (
        verb.dep_ in ("conj", "ccomp")
        and verb.head.i == raising.i
        and verb.i > raising.i
        and raising.lemma_.lower() in r.pack.table("raised_stances")
        and any(c.dep_ == "xcomp" for c in raising.children)
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "nsubj" for c in verb.children)
        # (its own passive subject only what the infinitive says they were, the parser's:
        # "believed to be [government collaborators] were killed")
        and all(
            any(b.dep_ == "xcomp" and c.left_edge.i == b.i + 1 for b in raising.children)
            for c in verb.children
            if c.dep_ == "nsubjpass"
        )
    )


def _according_to(r: Reading, node: Token) -> tuple[Token, list[str]] | None:
    """``Gunmen killed five, according to police``: the source phrase (``source_preps``) on
    a verb, and the actors it names (the police), or ``None``."""
    if node.pos_ not in _VERB:
        return None
    table = r.pack.optional_table("source_preps")
    # (or on the participle that ends its clause: "police fired on protesters, killing
    # three, according to X")
    near = [
        *node.children,
        *(g for c in node.children if c.dep_ == "advcl" and c.tag_ == "VBG" for g in c.children),
    ]
    for c in near:
        if c.dep_ != "prep" or c.lower_ not in table:
            continue
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ == table[c.lower_]:
                sources = [g for g in p.children if g.dep_ == "pobj"]
                # "according to a statement from the group": whose words they are
                sources += [
                    x
                    for g in sources
                    if g.lemma_.lower() in r.words("saying_nouns")
                    for q in g.children
                    if q.dep_ == "prep"
                    for x in q.children
                    if x.dep_ == "pobj"
                ]
                return c, _teller_keys([a for g in sources for a in head_entities(r, g)])
    return None


def governing_speaker(r: Reading, tok: Token) -> tuple[Token, list[str]] | None:
    """The nearest verb of saying whose teller is a named actor (see :func:`reporting_clause`)."""
    told = reporting_clause(r, tok)
    return told if told is not None and told[1] else None


def attributions(r: Reading) -> None:
    """``Sources attributed the attack to X``, ``police blamed X``, ``accused X of E``: whom
    an attribution holds responsible and for what, by the language pack's patterns."""
    patterns = r.pack.table("attribution_patterns")
    for m in r.found:
        if classes.behaviour(m.cls, "speech_kind") != "attribution":
            continue
        tok = m.trigger
        for pat in patterns.get(tok.lemma_.lower(), []):
            named = [s for t in _slot(tok, pat["actor"]) for s in _named_in(r, t)]
            # ("blamed the police, not criminal gangs": not those said not to be)
            named = [s for s in named if not (s.start and s.doc[s.start - 1].dep_ == "neg")]
            # (armed men of no name beside a group named: "the attackers were believed to be
            # members of X" suspects X, not the attackers; "blamed bandits" blames them)
            if any(not is_group_key(s.kb_id_) for s in named):
                named = [s for s in named if not is_group_key(s.kb_id_)]
            elif any(s.kb_id_.startswith(ARMED_GROUP_KEY) for s in named):
                # "blamed a criminal gang of illegal miners": the armed men, not the people
                named = [s for s in named if s.kb_id_.startswith(ARMED_GROUP_KEY)]
            if not named:
                continue  # "which the army blamed on X": the pronoun is the event
            said_to_be = any(
                c.dep_ == "xcomp" and any(a.dep_ == "attr" for a in c.children)
                for c in tok.children
            )
            if (
                pat["actor"] == "nsubjpass"
                and said_to_be
                and all(is_group_key(s.kb_id_) for s in named)
            ):
                continue  # "the attackers were believed to be members of X": who they are
            for s in named:
                m.add("attributedTo", s.kb_id_)
            event_toks = _slot(tok, pat.get("event", ""))
            for t in event_toks:
                if any(
                    c.dep_ == "amod" and c.lower_ in r.words("other_event_adjectives")
                    for c in t.children
                ):
                    # "authorities have blamed previous attacks on JNIM": other events than
                    # the story's, no doer of it
                    m.other_act = True
                    continue
                if t.dep_ == "pcomp" or t.tag_ == "VBG":
                    # "accused X of carrying out the bombing", "of taking part in the attack",
                    # "of being behind the blast": the gerund's own violence, its object's or
                    # its phrase's, not what it was told before or after ("of ignoring
                    # warnings before the killing"); an act that is no violence ("accusing the
                    # workers of spying") is what the accusation is about, no event told
                    parts = [
                        g
                        for c in t.children
                        if c.dep_ == "prep" and c.lower_ not in r.words("sequence_preps")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                    found = [
                        ev
                        for x in [t, *(c for c in t.children if c.dep_ == "dobj"), *parts]
                        if (ev := r.by_tok.get(x.i)) is not None and ev.violent
                    ]
                    m.about += [ev.id for ev in found if ev.id not in m.about]
                    m.other_act = m.other_act or (not found and _another_act(r, t))
                    continue
                for x in t.subtree:
                    ev = r.by_tok.get(x.i)
                    if ev is not None and ev is not m and not ev.speech and ev.id not in m.about:
                        m.about.append(ev.id)
            on = _clause_on_event(r, tok, event_toks)  # "the attack, which police blamed on X"
            if on is not None and on.id not in m.about:
                m.about.append(on.id)
            break
        misread = raised_subject_misread(r, tok)
        if not m.roles.get("speaker") and not misread:  # (the doers of "men believed to be X")
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            subj = [c for c in tok.children if c.dep_ == ("agent" if passive else "nsubj")]
            for c in subj:
                for g in [c, *c.children] if passive else [c]:
                    for s in actors(head_entities(r, g)):
                        if s.kb_id_ not in m.roles.get("attributedTo", []):
                            m.add("speaker", s.kb_id_)
                if c.lower_ in r.words("self_pronouns"):
                    told = reporting_clause(r, tok)  # "the army said it suspected X"
                    for k in told[1] if told else []:
                        m.add("speaker", k)
            if not subj and tok.dep_ in ("advcl", "xcomp", "conj"):
                told = reporting_clause(r, tok)  # "police said, blaming al-Shabaab"
                for k in told[1] if told else []:
                    m.add("speaker", k)


def hallmarks(r: Reading) -> None:
    """``the attack bore the hallmarks of JNIM``: an event whose marks (the pack's
    ``signature_nouns``) are a named armed group's was done, the text suspects, by it (the
    conflict monitors' suspected perpetrator); one the text calls the deed of a named actor
    (``authorship_nouns``: "the attack was the work of X") was done by it."""
    authorship = r.pack.optional_words("authorship_nouns")
    for m in r.found:
        if m.speech or not m.violent or m.trigger.dep_ != "nsubj":
            continue
        marker = _marked_by(r, m.trigger.head)
        if marker is None:
            continue
        if marker.head.head.lemma_.lower() in authorship:
            # (a named actor, or armed men: not "the work of herdsmen", people of no arms;
            # "could have been the work of X": a suspicion)
            modal = any(
                c.dep_ == "aux" and c.lower_ in r.words("modal_aux")
                for c in m.trigger.head.children
            )
            for a in actors(head_entities(r, marker)):
                if not is_group_key(a.kb_id_) or _armed(r, [a.kb_id_], states=True):
                    m.add("suspectedPerpetrator" if modal else "perpetrator", a.kb_id_)
            continue
        for a in actors(head_entities(r, marker)):
            if is_nonstate_armed(r.entity_types.get(a.kb_id_, "")):
                m.add("suspectedPerpetrator", a.kb_id_)


def named_suspects(r: Reading) -> None:
    """``Fighters of X were the main suspects``, ``the prime suspect is X``: a named actor
    the text's own voice calls the suspects (:func:`_named_as_suspects`) is suspected of the
    story's event (a Suspicion with no teller, linked when the records are built; ACLED's
    and GTD's suspected perpetrator). A teller saying so ("police said X were the main
    suspects") is read by :func:`responsibility_by_saying`; "X was not a suspect" suspects
    no one."""
    for verb in r.tokens:
        if verb.dep_ not in ("ROOT", "conj") or verb.i in r.by_tok or negated(verb, r.pack):
            continue
        named = _named_as_suspects(r, verb)
        groups = _named_doers(r, [named]) if named is not None else []
        if groups:
            _statement(r, verb, classes.named("suspicion"), [], groups, [])


def _named_as_suspects(r: Reading, clause: Token) -> Token | None:
    """The phrase a copula calls the suspects (the pack's ``suspect_nouns``): its subject
    ("fighters of X were the main suspects") or, after "the main suspect(s)", its attribute
    ("the prime suspect is X"; not "the suspects were members of X", said of men held);
    ``None`` for none, or for the suspects of another time ("the main suspects in last
    year's hotel siege"; "in Saturday's shooting" is this story's)."""
    nouns = r.pack.optional_words("suspect_nouns")
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in clause.children if c.dep_ == "attr"), None)
    if subject is None or attr is None:
        return None
    noun = attr if attr.lemma_.lower() in nouns else subject
    dated = [t for p in noun.children if p.dep_ == "prep" for t in p.subtree]
    dated = [t for t in dated if t.ent_type_ == "DATE"]
    if dated and not any(t.lower_ in r.pack.optional_words("weekdays") for t in dated):
        return None
    if attr.lemma_.lower() in nouns:
        return subject
    if (
        subject.lemma_.lower() in nouns
        and subject.i not in r.ent_of
        and any(c.dep_ == "amod" for c in subject.children)
    ):
        return attr
    return None


def doers_belonging(r: Reading) -> None:
    """``The ministry said the attackers belonged to X``, ``the gunmen were members of X``,
    ``witnesses identified the attackers as members of X``: armed men of no name (the doers
    of the story's event) said to belong to a named group
    make that group the one the teller holds responsible: an Attribution (linked to its
    event when the records are built), or a claim when the group tells it itself."""
    verbs = r.pack.optional_table("belonging_verbs")
    members = r.words("member_nouns", "supporter_nouns")
    for tok in r.tokens:
        armed = tok.i in r.ent_of and r.ent_of[tok.i].kb_id_.startswith(ARMED_GROUP_KEY)
        # ("by armed men who residents said belonged to X": the men the pronoun stands for)
        ante = _antecedent(r, tok)
        armed = armed or (
            ante is not None
            and ante.i in r.ent_of
            and r.ent_of[ante.i].kb_id_.startswith(ARMED_GROUP_KEY)
        )
        # ("the suspects were believed to be members of X": the doers the police seek, told
        # as a clause's subject; not "arrested three suspects")
        suspects = (
            tok.i not in r.ent_of
            and tok.lemma_.lower() in r.pack.optional_words("suspect_nouns")
            and tok.dep_ in ("nsubj", "nsubjpass")
        )
        if not (armed or suspects):
            continue  # "the attackers", "the gunmen": armed men of no name, no one else
        if _harmed(r, tok):
            continue  # "identified the slain militants as X": those killed, not the doers
        if ante is not None:
            _relative_belonging(r, tok, ante, verbs)
            continue
        _believed_to_belong(r, tok, verbs)
        verb = tok.head
        identified = r.pack.optional_table("identifying_verbs").get(verb.lemma_.lower(), [])
        if tok.dep_ not in ("nsubj", "nsubjpass") and not (tok.dep_ == "dobj" and identified):
            continue
        # "the abductors belonged to X"; "witnesses identified the attackers as members of X";
        # "the attackers were identified as X fighters"
        named_as = bool(identified) and tok.dep_ in ("dobj", "nsubjpass")
        phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in identified]
        phrases = phrases if named_as else []
        phrases += belonging_phrases(verb, r.pack, members)  # "were members of X", ...
        doers = _named_doers(r, [g for p in phrases for g in p.children if g.dep_ == "pobj"])
        told = reporting_clause(r, verb)
        if told is None and named_as:
            told = _identifier(r, verb)  # "the army identified the attackers as X": it tells
        if not doers or told is None:
            continue
        teller, speakers = told
        kind = "claim" if set(speakers) & set(doers) else "attribution"
        _statement(r, teller, classes.named(kind), speakers, doers if kind != "claim" else [], [])


def _relative_belonging(
    r: Reading, pronoun: Token, men: Token, verbs: Mapping[str, list[str]]
) -> None:
    """``by armed men who belonged to X``: the text names the men's group, the doers of the
    event they did; ``by armed men who residents said belonged to X`` (however the parser
    hangs the saying): the tellers attribute the event to it."""
    clause = pronoun.head
    teller: Token | None = None
    if clause.lemma_.lower() in r.words("saying_verbs"):
        # ("who residents said belonged to X", read as "who said [belonged to X]")
        teller = clause
        clause = next(
            (
                c
                for c in teller.children
                if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in verbs
            ),
            teller,
        )
    elif clause.dep_ == "ccomp" and clause.head.lemma_.lower() in r.words("saying_verbs"):
        teller = clause.head
    if teller is not None and clause is teller:
        # ("who police said were members of X", read as "who said [were members of X]")
        clause = next((c for c in teller.children if c.dep_ in ("xcomp", "ccomp")), teller)
    phrases = belonging_phrases(clause, r.pack, r.words("member_nouns", "supporter_nouns"))
    doers = _named_doers(r, [g for p in phrases for g in p.children if g.dep_ == "pobj"])
    if not doers:
        return
    if teller is None:
        # the men of no name are the group's: its name takes their place
        key = r.ent_of[men.i].kb_id_
        for m in r.found:
            if not m.speech and key in m.roles.get("perpetrator", []):
                m.roles["perpetrator"].remove(key)
                for k in doers:
                    m.add("perpetrator", k)
        return
    speakers = [
        s.kb_id_
        for c in teller.children
        if c.dep_ == "nsubj" and c.i != pronoun.i
        for s in actors(head_entities(r, c))
    ]
    _statement(r, teller, classes.named("attribution"), speakers, doers, [])


def _antecedent(r: Reading, tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("armed men who belonged to X", "armed men who
    residents said belonged to X": the men), or ``None``."""
    if tok.lower_ not in r.words("relative_words") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    while clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # (the saying the clause is told in)
    return clause.head if clause.dep_ == "relcl" else None


def _harmed(r: Reading, tok: Token) -> bool:
    """Whether people are told as harmed themselves: by a word for their state ("the slain
    militants": ``fallen_adjectives``) or by an event's participle on them ("the two
    suspects killed in a raid")."""
    if tok.lemma_.lower() in r.words("doer_nouns"):
        return False  # "the dead attackers", "the arrested gunman, who opened fire": doers
    return any(
        (c.dep_ == "amod" and c.lower_ in r.pack.optional_words("fallen_adjectives"))
        or (c.dep_ in ("acl", "relcl") and c.i in r.by_tok and r.by_tok[c.i].violent)
        for c in tok.children
    )


def _identifier(r: Reading, verb: Token) -> tuple[Token, list[str]]:
    """Who a verb of identifying says it in its own clause: its subject ("police identified
    the gunmen as X"), the agent of its passive ("were identified by the army as X"), or no
    one named ("the attackers were identified as X": an attribution with no teller)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive:
        subj = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    else:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
    speakers = [a for g in subj for a in actors(head_entities(r, g))]
    return verb, [a.kb_id_ for a in speakers if a.label_ not in ("SocialGroup", "Civilians")]


def _named_doers(r: Reading, phrases: list[Token]) -> list[str]:
    """The keys of the named actors ``phrases`` name (:func:`_named_in`), once each, in text
    order: not a place ("came from Mali") nor a group of people of no name."""
    keys = [
        s.kb_id_
        for g in phrases
        for s in _named_in(r, g)
        if not is_group_key(s.kb_id_) and not places([s])
    ]
    return list(dict.fromkeys(keys))


def weapon_placed_by(r: Reading) -> None:
    """``The governor's office said the explosives had been planted by members of X``: a
    weapon said to have been placed by a named group, with no event of its own in the
    sentence, names the group the teller holds responsible for the event it was the means
    of (an Attribution, linked to its event when the records are built)."""
    weapons = r.words("weapon_nouns")
    placing = r.words("placing_verbs")
    for tok in r.tokens:
        if tok.lemma_.lower() not in placing or tok.i in r.by_tok:
            continue
        if not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in weapons for c in tok.children):
            continue
        doers = _named_doers(
            r,
            [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"],
        )
        told = reporting_clause(r, tok)
        if doers and told is not None and not any(m.violent for m in r.found):
            teller, speakers = told
            _statement(r, teller, classes.named("attribution"), speakers, doers, [])


def _believed_to_belong(r: Reading, tok: Token, verbs: Mapping[str, list[str]]) -> None:
    """``gunmen believed to belong to X``, ``an armed group said to be from X``, ``believed by
    police to be members of X``: armed men of
    no name that the text's own voice puts in a named group through a raising verb; the
    group is suspected (``believed``) or alleged (``said``) to have done the story's event
    (a Suspicion or an Attribution with no teller, linked when the records are built)."""
    stances = r.pack.table("raised_stances")
    raised = [c for c in tok.children if c.dep_ == "acl"]
    if tok.dep_ == "nsubj" and raised_subject_misread(r, tok.head):
        raised.append(tok.head)  # "armed men believed to be X shot dead ...", misparsed
    if tok.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in tok.head.children):
        raised.append(tok.head)  # "the attackers were believed to be members of X"
    for raising in raised:
        stance = stances.get(raising.lemma_.lower())
        if stance not in ("suspectedPerpetrator", "allegedPerpetrator"):
            continue
        members = r.words("member_nouns", "supporter_nouns")
        phrases = [
            p
            for belong in raising.children
            if belong.dep_ == "xcomp"
            for p in belong.children
            if p.dep_ == "prep" and p.lower_ in verbs.get(belong.lemma_.lower(), [])
        ] + [  # "believed by police to be members of X"
            p
            for be in raising.children
            if be.dep_ == "xcomp"
            for a in be.children
            if a.dep_ == "attr" and a.lower_ in members
            for p in a.children
            if p.lower_ in r.words("of_preps")
        ]
        heads = [g for p in phrases for g in p.children if g.dep_ == "pobj"]
        heads += [  # "an armed group presumed to be M23", "... to be ADF fighters"
            a
            for be in raising.children
            if be.dep_ == "xcomp"
            for a in be.children
            if a.dep_ == "attr"
        ]
        groups = _named_doers(r, heads)
        if groups:
            kind = "suspicion" if stance == "suspectedPerpetrator" else "attribution"
            _statement(r, raising, classes.named(kind), [], groups, [])


def _clause_on_event(r: Reading, verb: Token, objects: list[Token]) -> Mention | None:
    """The violent event a relative clause is on, when its object is the relative pronoun
    ("the attack, which JNIM later claimed": the attack)."""
    if verb.dep_ != "relcl" or not any(o.lower_ in r.words("relative_words") for o in objects):
        return None
    ev = r.by_tok.get(verb.head.i)
    return ev if ev is not None and ev.violent else None


def _named_in(r: Reading, tok: Token) -> list[Span]:
    """The actors a pattern's actor slot names: the actor itself (``blamed al-Shabaab``) or
    the people of one (``members of the cartel``, ``the group's fighters``, ``supporters of
    the party``); not a thing an actor qualifies (``Islamic Movement of Uzbekistan activity
    was suspected``)."""
    # people of an actor, or the word a group is called by ("the Los Lobos gang")
    callers = r.words(
        "member_nouns",
        "supporter_nouns",
        "role_nouns",
        "force_nouns",
        "armed_group_name_cues",
        "organisation_nouns",
        "branch_nouns",  # "the Islamic State's regional affiliate, known as X"
    )
    # (and the words for armed men: "Wagner mercenaries were accused of killing civilians")
    callers |= {w for w, kind in r.pack.table("group_nouns").items() if kind == "armed"}
    split = r.pack.optional_words("split_adjectives")
    if (
        tok.lower_ in r.words("branch_nouns")
        and any(c.lower_ in split for c in tok.children)
        and any(c.dep_ == "poss" for c in tok.children)
    ):
        # "Boko Haram's splinter wing": a group of its own, named or not
        return [
            s
            for s in actors(head_entities(r, tok))
            if not (s.root.head.i == tok.i and s.root.dep_ in ("poss", "compound", "nmod"))
        ]
    if tok.lower_ in r.words("supporter_nouns"):
        # "supporters of the BNP": the party; "supporters of Imran Khan" name no one
        return [s for s in actors(head_entities(r, tok)) if s.label_ != "Person"]
    if tok.i in r.ent_of or tok.lower_ in callers or tok.lemma_.lower() in callers:
        # (a plural of a word listed singular: "IS sleeper cells")
        found = actors(head_entities(r, tok))
        if tok.i not in r.ent_of:
            # ("Russian mercenaries": people of a country named by its people's word, not
            # the state)
            found = [s for s in found if not (s.label_ == "Country" and s.root.dep_ == "amod")]
        of_group = r.words("organisation_nouns", "member_nouns", "branch_nouns")
        if not found and (tok.lower_ in of_group or tok.lemma_.lower() in of_group):
            # "a faction of the Abu Sayyaf Group", "Turkish-backed factions of the SNA": the
            # group its "of" phrase names
            found = [
                s
                for g in prep_objects(tok, r.words("of_preps"))
                for s in actors(head_entities(r, g))
                if s.label_ != "Person"
            ]
        return found
    return []


def _slot(tok: Token, slot: str) -> list[Token]:
    """The tokens filling a pattern slot: a dependency (``dobj``) or a preposition's object
    (``to``: the object of ``to``), or the gerund clause it takes ("accused X of carrying
    out the attack")."""
    if not slot:
        return []
    if slot in ("dobj", "nsubjpass", "nsubj", "ccomp", "xcomp", "attr"):
        found = [c for c in tok.children if c.dep_ == slot]
        if not found and slot == "dobj" and misread_as_modifier(tok):
            found = [tok.head]  # "Police suspected members of X": the root noun
        if not found and slot == "dobj":
            # "suspected the Communist Party of X led by Y": the parser made the object the
            # subject of the participle that describes it
            found = [
                g
                for c in tok.children
                if c.dep_ == "ccomp" and c.tag_ == "VBN"
                for g in c.children
                if g.dep_ == "nsubj"
            ]
        return found
    # the preposition on the verb, or on its object ("attributed [the attack to X]")
    holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    found = [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == slot
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    if found:
        return found
    # (or the last phrase of the object, however deep the parser hung it: "blamed the
    # killing of three teachers on X")
    deep = [
        c
        for o in tok.children
        if o.dep_ in ("dobj", "nsubjpass")
        for c in o.subtree
        if c.dep_ == "prep"
        and c.lower_ == slot
        and c.i
        == max((x.i for x in o.subtree if x.dep_ == "prep" and x.lower_ == slot), default=-1)
        and c.right_edge.i == o.right_edge.i
    ]
    return [g for c in deep for g in c.children if g.dep_ in ("pobj", "pcomp")]


def _another_act(r: Reading, gerund: Token) -> bool:
    """Whether a gerund an accusation names is an act of its own ("of spying"), not the
    doing of the event told ("of being behind it", "of being involved", "of carrying it
    out", "of orchestrating it", "of planting the device": a verb of using a weapon, the
    weapon told named again with a definite determiner)."""
    lemma = gerund.lemma_.lower()
    definite = r.words("definite_determiners", "demonstrative_determiners")
    if lemma in r.pack.optional_words("taking_part_verbs"):
        # "of helping in the attack", "of instigating the violence"; "of inciting hatred",
        # "of funding terrorism": something else, never told as an event
        return any(
            c.dep_ == "dobj"
            and c.pos_ != "PRON"
            and not any(
                (d.dep_ == "det" and d.lower_ in definite) or d.dep_ == "poss" for d in c.children
            )
            for c in gerund.children
        )
    if lemma in r.words("copula_lemmas"):
        # "of being spies", "of being informants": what they are said to be, no deed;
        # "of being behind it", "of being the attackers": the doing
        kinds = r.pack.table("group_nouns")
        doers = r.words("responsibility_words") | r.pack.optional_words("doer_nouns")
        return any(
            c.dep_ == "attr"
            and c.lemma_.lower() not in doers
            and c.lower_ not in doers
            and kinds.get(c.lower_) != "armed"
            for c in gerund.children
        )
    if lemma in r.words("perpetration_verbs"):
        return False
    if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in gerund.children):
        return False  # "of carrying it out"
    if any(c.dep_ == "dobj" and _the_doers(r, c) for c in gerund.children):
        return False  # "of sending the attackers", "of hiring the gunmen": the event's doers
    return not _used_the_weapon(r, gerund)  # "of planting the device", not "of stealing"


def _the_doers(r: Reading, noun: Token) -> bool:
    """Whether ``noun`` names the doers told before: a word for armed men or doers (the
    pack's ``group_nouns`` of the armed kind, ``doer_nouns``) with a definite or
    demonstrative determiner ("the attackers", "those gunmen")."""
    armed = r.pack.table("group_nouns").get(noun.lower_) == "armed"
    if not (armed or noun.lemma_.lower() in r.pack.optional_words("doer_nouns")):
        return False
    definite = r.words("definite_determiners", "demonstrative_determiners")
    return any(d.dep_ == "det" and d.lower_ in definite for d in noun.children)


def _subject_speakers(r: Reading, m: Mention) -> None:
    for c in m.trigger.children:
        if c.dep_ == "nsubj":
            for s in actors(head_entities(r, c)):
                m.add("speaker", s.kb_id_)


def _participle_speakers(r: Reading, m: Mention) -> None:
    """``X issued a statement denying ...``, ``X responded, stating ...``: a participle of
    saying with no subject of its own says what the subject of its clause says."""
    tok = m.trigger
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl", "xcomp"):
        return
    holder = tok.head
    if holder.pos_ in _NOUN and holder.dep_ in ("dobj", "attr"):
        holder = holder.head  # "issued a statement denying": the statement's issuer
    if holder.pos_ not in _VERB:
        return
    teller = r.by_tok.get(holder.i)
    if teller is not None and teller.speech:
        if teller.cls == classes.named("statement") and m.cls != teller.cls:
            # "the army said on Monday, blaming Boko Haram": the blame is what was said
            for k in teller.roles.get("speaker", []):
                m.add("speaker", k)
            teller.dropped = True
            return
        m.dropped = True  # "claimed responsibility, saying ...": one statement, told once
        return
    # the subject, or the one its verb shares ("was taken aback ... and issued a statement")
    for c in [c for c in holder.children if c.dep_ == "nsubj"] or shared_subjects(holder):
        for s in actors(head_entities(r, c)):
            m.add("speaker", s.kb_id_)


def _claim_links(r: Reading, m: Mention) -> None:
    """``X claimed responsibility for E and F``: the claim is about E and F; a verb that
    claims only in an armed group's mouth (``armed_claim_verbs``: "the NPA acknowledged the
    ambush") tells of E in anyone else's ("the Pentagon acknowledged the attack")."""
    _subject_speakers(r, m)
    if m.trigger.lemma_.lower() in r.pack.optional_words("armed_claim_verbs") and not _armed(
        r, m.roles.get("speaker", [])
    ):
        m.cls = classes.named("statement")
    by_tok = r.by_tok
    resp = [c for c in m.trigger.children if c.lower_ in r.words("responsibility_nouns")]
    # "claimed responsibility in a statement released on Monday": the parser made the
    # noun right after the verb the subject of the participle
    resp += [
        g
        for c in m.trigger.children
        if c.dep_ == "ccomp"
        for g in c.children
        if g.dep_ == "nsubj"
        and g.i == m.trigger.i + 1
        and g.lower_ in r.words("responsibility_nouns")
    ]
    if not resp:
        # "JNIM claimed the Djibo ambush": the event is the object; "claimed that ...": a
        # plain statement; "the attack, which JNIM claimed": the event the clause is on
        # "the attack was claimed by JNIM": the passive subject
        claimed = [c for c in m.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        on = _clause_on_event(r, m.trigger, claimed)
        if on is not None and on.id not in m.about:
            m.about.append(on.id)
        # (a verb that claims only in an armed group's mouth claims its object itself: "JNIM
        # acknowledged the loss of two commanders in an air strike" claims no strike)
        narrow = m.trigger.lemma_.lower() in r.pack.optional_words("armed_claim_verbs")
        harm = r.words("death_nouns", "injury_nouns")
        for c in claimed:
            for t in [c, *c.conjuncts] if narrow else c.subtree:
                if narrow and t.lemma_.lower() in harm:
                    continue  # "acknowledged the deaths of four members": its own losses
                ev = by_tok.get(t.i)
                # (any deed, the destruction of property too: "the RMM claimed the arson")
                if ev is not None and not ev.speech and ev.id not in m.about:
                    m.about.append(ev.id)
        if any(
            c.dep_ == "dobj" and c.lower_ in r.words("claimed_pronouns") for c in m.trigger.children
        ):
            return  # "Islamic State claimed it": the event told before (linked when built)
        if not m.about and any(c.dep_ in ("ccomp", "dobj") for c in m.trigger.children):
            if m.id < 1_000_000:
                m.cls = classes.named("statement")
            return
    for rn in resp:
        for p in rn.children:
            if p.dep_ == "prep" and p.lower_ in r.words("claim_preps"):
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
        ev = r.mention(ev_id)
        if ev is None:
            continue
        ev.definite = ev.definite or ev.trigger.lower_ in r.words("claimed_event_nouns")
        if ev.definite and ev.pp_dates:
            # "claimed responsibility for the attack on Saturday": the claim's day
            for d in ev.pp_dates:
                ev.dates.remove(d)
                m.dates.append(d)
            ev.pp_dates.clear()


def _declined_links(r: Reading, m: Mention) -> None:
    """``X declined to comment to Reuters``: X the speaker, Reuters the reporter."""
    for c in m.trigger.children:
        if c.dep_ == "nsubj":
            for s in actors(head_entities(r, c)):
                m.add("speaker", s.kb_id_)
        if c.dep_ == "xcomp":
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in r.words("recipient_preps"):
                    for h in g.children:
                        for s in actors(head_entities(r, h)):
                            if s.label_ == "MediaOutlet":
                                m.reported_by.append(s.kb_id_)


def _conjoined_speakers(r: Reading, m: Mention) -> None:
    """``X condemned the attack and urged ...``: a verb of saying conjoined to a verb with a
    subject, and with none of its own, says what that subject says."""
    tok = m.trigger
    if tok.dep_ != "conj" or tok.pos_ not in _VERB or tok.head.pos_ not in _VERB:
        return
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return
    for c in tok.head.children:
        if c.dep_ == "nsubj":
            # "Azerbaijan's defence ministry denied ... and accused ...": whose office it is
            named = actors(head_entities(r, c)) or [
                s for g in c.children if g.dep_ == "poss" for s in actors(head_entities(r, g))
            ]
            for s in named:
                m.add("speaker", s.kb_id_)


def statement_links(r: Reading) -> None:
    """Claims are about the events they name; statements about the events they report."""
    for m in r.found:
        if m.speech and not m.roles.get("speaker"):
            _participle_speakers(r, m)
        if m.speech and not m.roles.get("speaker"):
            _conjoined_speakers(r, m)
    for m in r.found:
        if not m.speech:
            continue
        kind = classes.behaviour(m.cls, "speech_kind")
        if kind == "claim":
            _claim_links(r, m)
            continue
        if kind == "declined":
            _declined_links(r, m)
            continue
        # events reported in the statement's clause
        for c in m.trigger.children:
            if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis"):
                for t in c.subtree:
                    other = r.by_tok.get(t.i)
                    if other is not None and other is not m and not other.speech:
                        if other.id not in m.about:
                            m.about.append(other.id)
    # outlets reporting a whole sentence: "..., Reuters reported."
    outlets = [
        m for m in r.found if m.speech and any(_is_outlet(r, k) for k in m.roles.get("speaker", []))
    ]
    for m in r.found:
        if m in outlets:
            continue
        for o in outlets:
            for k in o.roles.get("speaker", []):
                if k not in m.reported_by and k not in m.roles.get("speaker", []):
                    m.reported_by.append(k)


def _is_outlet(r: Reading, key: str) -> bool:
    return key in r.outlets
