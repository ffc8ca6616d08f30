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

from spacy.tokens import Token

from kg.extract import classes
from kg.extract.arguments import actors, head_entities
from kg.extract.mentions import Mention, Reading
from kg.extract.modality import other_events

_VERB = ("VERB", "AUX")
_NOUN = ("NOUN", "PROPN")


def same_event_links(r: Reading) -> None:
    """``assassinated ... in a drone strike``: the noun's event is the verb's event;
    ``conducted an air strike ..., killing several insurgents``: the participle tells what
    the strike did."""
    found, by_tok = r.found, r.by_tok
    for m in found:
        tok = m.trigger
        if tok.pos_ != "VERB" or not m.violent or tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        if tok.tag_ != "VBG" and tok.dep_ != "conj":
            continue
        head = tok.head
        target = by_tok.get(head.i)
        if target is None and head.lemma_.lower() in r.words("perpetration_verbs"):
            for c in head.children:
                if c.dep_ == "dobj" and c.i in by_tok:
                    target = by_tok[c.i]
        if target is not None and target.same_as is not None:
            # "exploded ..., killing seven and wounding 20": follow the chain to the event
            target = r.mention(target.same_as) or target
        if target is not None and target is not m and target.violent and target.same_as is None:
            m.same_as = target.id
    for m in found:
        tok = m.trigger
        if tok.pos_ not in _NOUN or not m.violent:
            continue
        if (
            tok.dep_ == "pobj"
            and tok.head.dep_ == "prep"
            and tok.head.lower_ in r.words("same_event_preps")
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


def _perpetrated(r: Reading, tok: Token) -> tuple[list[Mention], list[Token]]:
    """The events ``tok`` says someone did, and that someone's phrase: ``X carried out E``,
    ``E was carried out by X``, ``X was responsible for E``, ``X was behind E``."""
    by_tok = r.by_tok
    events: list[Mention] = []
    if tok.pos_ in _VERB and tok.lemma_.lower() in r.words("perpetration_verbs"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        obj_deps = ("nsubjpass",) if passive else ("dobj",)
        for c in tok.children:
            if c.dep_ in obj_deps and c.i in by_tok:
                events.append(by_tok[c.i])
                events += [by_tok[x.i] for x in c.conjuncts if x.i in by_tok]
        if passive:  # "the attack had been carried out by the Islamic State"
            return events, [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        return events, [c for c in tok.children if c.dep_ == "nsubj"]
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


def perpetration(r: Reading) -> None:
    """``X carried out E`` / ``X was responsible for E``: X is E's perpetrator; under a
    verb of saying by someone else, that someone attributes E to X."""
    for tok in r.sent:
        events, subj = _perpetrated(r, tok)
        if not events or not subj:
            continue
        doers = actors(head_entities(r, subj[0]))
        if not doers:
            continue
        events = [e for e in events if not other_events(e.trigger, r.pack)]
        for ev in events:
            if ev.speech:
                continue
            for a in doers:
                ev.add(classes.behaviour(ev.cls, "subject"), a.kb_id_)
            ev.definite = ev.definite or any(
                c.dep_ in ("det", "poss") and c.lower_ not in r.words("indefinite_articles")
                for c in ev.trigger.children
            )
        # who says so?
        speaker = governing_speaker(r, tok)
        perps = {a.kb_id_ for a in doers}
        if speaker and not (set(speaker[1]) & perps):
            _attribute(r, speaker, perps, [e.id for e in events])


def _attribute(
    r: Reading, speaker: tuple[Token, list[str]], perps: set[str], about: list[int]
) -> None:
    """Someone (``speaker``) says ``perps`` did the events ``about``: an attribution, made
    from the statement mention of the verb of saying when there is one."""
    trigger_tok, keys = speaker
    attribution = classes.named("attribution")
    gov = r.by_tok.get(trigger_tok.i)
    if gov is not None and gov.cls == classes.named("statement"):
        target = gov
        target.cls = attribution
        target.about += about
    else:
        target = Mention(
            id=1_000_000 + trigger_tok.i, cls=attribution, trigger=trigger_tok, sent=r.sent
        )
        target.about = about
        r.add(target)
    for k in keys:
        target.add("speaker", k)
    for k in perps:
        target.add("attributedTo", k)


def governing_speaker(r: Reading, tok: Token) -> tuple[Token, list[str]] | None:
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
                speakers = actors(head_entities(r, c))
                speakers = [a for a in speakers if a.label_ != "SocialGroup"]
                speakers = [a for a in speakers if a.label_ != "MediaOutlet"] or speakers
                if speakers:
                    return holder, [a.kb_id_ for a in speakers]
    return None


def _subject_speakers(r: Reading, m: Mention) -> None:
    for c in m.trigger.children:
        if c.dep_ == "nsubj":
            for s in actors(head_entities(r, c)):
                m.add("speaker", s.kb_id_)


def _claim_links(r: Reading, m: Mention) -> None:
    """``X claimed responsibility for E and F``: the claim is about E and F."""
    _subject_speakers(r, m)
    by_tok = r.by_tok
    resp = [c for c in m.trigger.children if c.lower_ in r.words("responsibility_nouns")]
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


def statement_links(r: Reading) -> None:
    """Claims are about the events they name; statements about the events they report."""
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
    return any(s.kb_id_ == key and s.label_ == "MediaOutlet" for s in r.ent_of.values())
