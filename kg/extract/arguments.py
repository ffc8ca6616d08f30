"""Event arguments from the dependency parse: who did it, to whom, where, when, how many.

The grammar is the parser's (spaCy's English dependency labels); the words that decide a
role (prepositions of place and target, verbs of harm, nouns of forces) come from the
language pack; which role a subject or an object plays depends on the event class
(:func:`kg.extract.classes.behaviour`: an arrest's subject is its agent, an attack's its
perpetrator).

- agent: the subject (active), the ``by`` phrase (passive or noun), an actor modifying a
  noun trigger (``Taliban crackdowns``, ``U.S. drone strike``);
- target/victim: the object, ``on`` and ``against`` phrases, the passive subject;
- location: places in ``in/at/near`` phrases or elsewhere in the clause;
- counts: numbers on the victims (:func:`kg.extract.counts.count_on`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from kg.extract import classes
from kg.extract.classify import is_nonstate_armed
from kg.extract.counts import (
    YEAR,
    add_counts,
    count_on,
    count_word,
    labelled_figure,
    number_word,
    opens_a_range,
    quantity,
    told_state,
    unknown_count,
)
from kg.extract.dates import numeric_date
from kg.extract.entities import (
    ARMED_GROUP_KEY,
    DATELINE_KEY,
    GROUP_PREFIX,
    NER_SOCIAL_GROUP,
    SITE_LOCATION,
    SITE_PREFIX,
    group_kind,
    site_name_kind,
)
from kg.extract.gazetteer import Gazetteer
from kg.extract.lang import LanguagePack
from kg.extract.mentions import PLACE_ONLY, Mention, Reading
from kg.extract.modality import governor_verb
from kg.extract.triggers import date_word, to_death, under_verb, verb_phrases
from kg.records import Quantity

_VERB = ("VERB", "AUX")
_NOUN = ("NOUN", "PROPN")
_FINITE = ("VBD", "VBZ", "VBP")  # Penn tags of a finite verb


# ---------------------------------------------------------------- entities in phrases


def entities_in(
    tok: Token,
    ent_of: dict[int, Span],
    stop_at_clauses: bool = True,
    skip: frozenset[str] = frozenset(),
) -> list[Span]:
    """Entities in the phrase headed by ``tok`` (its head entity first); not below the
    prepositions in ``skip`` (``in`` of "officials in Kunduz": where they are, not who)."""
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
            if c.dep_ == "prep" and c.lower_ in skip:
                continue
            if c.dep_ in ("conj", "appos") and c.i in ent_of and places([ent_of[c.i]]):
                continue
            visit(c, depth + 1)

    visit(tok, 0)
    return out


def _name_tokens(tok: Token) -> list[Token]:
    """A noun and the words that may name it beside it (compounds, possessors, appositions,
    conjuncts), not what its phrases are about ("tied to the abduction of the Chibok
    girls": no one named)."""
    return [tok, *(c for c in tok.children if c.dep_ in ("compound", "poss", "appos", "conj"))]


@cache
def _loyalty(pack: LanguagePack) -> dict[str, frozenset[str]]:
    """The pack's ``loyalty_adjectives`` ("loyal to", "affiliated with"), each with the
    preposition its group follows (read once a pack)."""
    return {adj: frozenset({p}) for adj, p in pack.optional_table("loyalty_adjectives").items()}


def head_entities(r: Reading, tok: Token) -> list[Span]:
    """The entities a noun phrase names itself: its head, compounds, conjuncts, appositions
    and ``known as`` names; possessors and adjectives (``Yemen's``, ``Tehran-aligned``) only
    when nothing else names it."""
    ent_of = r.ent_of
    core: list[Span] = []
    mods: list[Span] = []
    seen: set[tuple[int, int]] = set()

    def add(s: Span, bucket: list[Span]) -> None:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            bucket.append(s)

    loyal = _loyalty(r.pack)

    identifying = r.pack.optional_table("identifying_verbs")
    divisions = r.pack.optional_words("division_words")
    unnamed_bodies = r.words("organisation_nouns", "branch_nouns", "force_nouns")

    def based_modifier(t: Token) -> bool:
        # "Afghanistan-based": a place that qualifies, not an actor
        return t.head.lower_ in r.words("qualifying_participles") and t.head.i == t.i + 2

    def named_by(t: Token) -> bool:
        # "Taliban militants", "members of the Viv Ansanm gang": the name, not the group word
        for c in t.children:
            # (a name the parser took for a number: "the MS-13 gang", nummod)
            deps = ("compound", "amod", "nmod", "poss", "nummod")
            if c.dep_ in deps and _names(ent_of.get(t.i), c):
                return True
            if c.dep_ in ("nmod", "compound") and c.lower_ in r.words("organisation_nouns"):
                # "a group of 3R rebels", the parser's "group" a modifier of the rebels
                of = prep_objects(c, r.words("of_preps"))
                if any(_named_actor(ent_of.get(x.i)) for g in of for x in _name_tokens(g)):
                    return True
            if c.dep_ == "prep" and c.lower_ in r.words("membership_preps"):
                if _from_home(r, t, c):
                    continue  # "six labourers from Punjab": where they come from
                # "members of X", "rebels of the RED-Tabara group"
                if any(_named_actor(ent_of.get(x.i)) for g in c.children for x in _name_tokens(g)):
                    return True
            if c.dep_ in ("amod", "acl") and c.lower_ in loyal:  # "fighters loyal to X"
                for g in prep_objects(c, loyal[c.lower_]):
                    if any(_named_actor(ent_of.get(x.i)) for x in _name_tokens(g)):
                        return True
            if belonging_to(c):  # "inmates belonging to the MS-13 gang"
                return True
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in identifying:  # "identified as X"
                for g in prep_objects(c, frozenset({identifying[c.lemma_.lower()]})):
                    if any(_named_actor(ent_of.get(x.i)) for x in g.subtree):
                        return True
        return False

    belonging = r.pack.optional_table("belonging_verbs")

    def belonging_to(c: Token) -> list[Token]:
        # "inmates belonging to the MS-13 gang": the named group the people belong to (a
        # participle of the pack's ``belonging_verbs`` and its preposition)
        if c.dep_ != "acl" or c.tag_ != "VBG" or c.lemma_.lower() not in belonging:
            return []
        return [
            g
            for g in prep_objects(c, frozenset(belonging[c.lemma_.lower()]))
            # (an armed group's: "aid workers working for MSF" are civilians)
            if any(_named_actor(x) and is_nonstate_armed(x.label_) for x in head_entities(r, g))
        ]

    def _names(group: Span | None, c: Token) -> bool:
        # a faith or people qualifies civilians, it does not name them ("a Catholic priest":
        # a civilian; "Hazara worshippers"): ACLED's Civilians (Country)
        mod = ent_of.get(c.i)
        if not _named_actor(mod):
            return False
        civilians = group is not None and group.kb_id_.startswith(f"{GROUP_PREFIX}civilians")
        return not (civilians and mod is not None and mod.label_ == NER_SOCIAL_GROUP)

    def visit(t: Token, depth: int, bucket: list[Span]) -> None:
        span = ent_of.get(t.i)
        if span is not None and not based_modifier(t):
            if is_group(span):
                if not named_by(span.root):
                    add(span, bucket)
            elif not (_is_state(span) and _qualifies_group(t, ent_of)):
                add(span, bucket)
        if depth > 4:
            return
        own = any(g.dep_ == "poss" and g.lower_ in r.words("self_possessives") for g in t.children)
        for c in t.children:
            dep = c.dep_
            if dep in ("conj", "appos") and places([ent_of[c.i]] if c.i in ent_of else []):
                continue  # "an official in Kunduz city, Kunduz province, Afghanistan": a place
            if (
                dep in ("compound", "amod")
                and t.lower_ in r.words("branch_nouns")
                and c.i in ent_of
                and (
                    places([ent_of[c.i]])
                    or (
                        ent_of[c.i].label_ == "Person" and any(g.dep_ == "poss" for g in t.children)
                    )
                )
            ):
                # "al-Qaeda's Yemen affiliate": where the branch is, not who (and a region the
                # model took for a person between the group and its branch: "al-Qaida's Sahel
                # branch"; "the Kony faction" is named by its leader)
                continue
            if (
                dep in ("compound", "poss")
                and t.dep_ == "appos"
                and (
                    t.lower_ in r.words("branch_nouns")
                    # "Los Lobos, Ecuador's largest gang": where it is, not who
                    or (dep == "poss" and places([ent_of[c.i]] if c.i in ent_of else []))
                )
            ) or (dep == "compound" and own):
                # "JNIM, an al Qaeda affiliate": whose affiliate it is, not who; "its Ilaga
                # command": which of its own, not someone else
                visit(c, depth + 1, mods if bucket is core else bucket)
            elif (
                dep in ("appos", "conj")
                and c.lemma_.lower() in divisions
                and c.i not in ent_of
                and t.lemma_.lower() not in divisions
                and not places([ent_of[t.i]] if t.i in ent_of else [])
                and any(
                    g.dep_ == "compound" and places([ent_of[g.i]] if g.i in ent_of else [])
                    for g in c.children
                )
            ):
                # "X cadres ... in Y village, Bijapur district", "shells landed in Z town, W
                # district, ...": a place the parser hung on the people or the things; its
                # places only, not the people the parser hung on it in turn
                held: list[Span] = []
                visit(c, depth + 1, held)
                bucket += [s for s in places(held) if s not in bucket]
            elif dep == "appos" and _describes(ent_of.get(t.i), ent_of.get(c.i)):
                # "the Ambazonia Restoration Forces, a separatist militia": one actor (but the
                # names the parser joined to the description: "X, an armed group, and Y")
                for g in c.children:
                    if g.dep_ == "conj":
                        visit(g, depth + 1, bucket)
            elif dep in ("compound", "conj", "appos", "cc"):
                visit(c, depth + 1, bucket)
            elif (
                dep in ("amod", "acl")  # "fighters linked to X": a participle
                and c.lower_ in loyal
                and (
                    (t.i in ent_of and ent_of[t.i].kb_id_.startswith(ARMED_GROUP_KEY))
                    # "a cell loyal to the Islamic State group": a body of no name
                    # (not one that describes a named group: "JeFM, a group affiliated with
                    # the X faction", whose ally X is)
                    or (
                        t.i not in ent_of
                        and t.lemma_.lower() in unnamed_bodies
                        and not _describes_a_name(t, ent_of)
                    )
                )
            ):
                # "fighters loyal to the Bouzriba family": armed men named by whom they serve
                for g in prep_objects(c, loyal[c.lower_]):
                    visit(g, depth + 1, bucket)
            elif belongs := belonging_to(c):
                for g in belongs:
                    visit(g, depth + 1, bucket)
            elif dep in ("amod", "nmod", "nummod") and is_group(span) and _names(span, c):
                visit(c, depth + 1, bucket)  # "the army and al-Shabaab fighters": the name
            elif dep in ("amod", "nmod", "poss", "npadvmod"):
                visit(c, depth + 1, mods if bucket is core else bucket)
            elif (
                dep == "nummod"
                and _named_actor(ent_of.get(c.i))
                and span is None
                and not c.like_num
            ):
                visit(c, depth + 1, bucket)  # "the MS-13 gang": a name read as a number
            elif (
                dep == "acl"
                and c.lemma_.lower() in r.words("leader_verbs")
                and t.i in ent_of
                and ent_of[t.i].kb_id_.startswith(ARMED_GROUP_KEY)
            ):
                # "a bandit faction led by Dogo Gide": a group of no name, named by its leader
                for p in c.children:
                    if p.dep_ == "agent":
                        for g in p.children:
                            visit(g, depth + 1, bucket)
            elif dep in ("relcl", "acl") and c.lemma_.lower() in identifying:
                # "two suspects, whom they identified as members of X": who they are (and
                # "an assailant, identified as Tobias Rathjen, opened fire")
                for g in prep_objects(c, frozenset({identifying[c.lemma_.lower()]})):
                    visit(g, depth + 1, bucket)
            elif dep == "acl" and c.lemma_.lower() in r.words("naming_verbs"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in r.words("naming_preps"):
                        for g in p.children:
                            visit(g, depth + 1, bucket)
                    elif p.dep_ in ("oprd", "attr", "xcomp"):
                        visit(p, depth + 1, bucket)  # "a group calling itself X"
            elif (dep == "prep" and c.lower_ in r.words("inclusion_preps")) or (
                dep == "prep"
                and c.lower_ in r.words("membership_preps")
                and not _from_home(r, t, c)
                and (
                    t.lower_ in r.words("force_nouns")
                    or t.lower_ in r.words("member_nouns", "supporter_nouns")
                    or t.lower_ in r.words("role_nouns")
                    # "a group of 3R rebels", the parser's "group" a modifier of the rebels
                    or (
                        t.lower_ in r.words("organisation_nouns")
                        and t.dep_ in ("nmod", "compound")
                        and is_group(ent_of.get(t.head.i))
                    )
                    or t.lower_ in r.words("vehicle_nouns")
                    or t.lower_ in r.pack.optional_words("holding_nouns")
                    or is_group(ent_of.get(t.i))
                )
            ):
                for g in c.children:
                    person = ent_of.get(g.i)
                    if (
                        t.lower_ in r.words("supporter_nouns")
                        and person is not None
                        and person.label_ == "Person"
                    ):
                        continue  # "supporters of former President X": the people, not X
                    visit(g, depth + 1, bucket)

    visit(tok, 0, core)
    # "Islamic State (Mozambique)": a country in brackets after a group's name, the monitors'
    # form, says where the group is; the group is what the phrase names
    bracketed = [
        s for s in core if s.label_ == "Country" and s.start > 0 and s.doc[s.start - 1].text == "("
    ]
    named = [a for a in actors(mods) if any(a.end == b.start - 1 for b in bracketed)]
    if bracketed and named:
        return named + [s for s in core if s not in bracketed]
    towns_only = places(core) == core and not any(s.label_ == "Country" for s in core)
    if core and not towns_only:
        return core + [m for m in mods if m.label_ in ("Person",)]
    if core and actors(mods):
        # "X cadres ... in Y village, Z district": places the parser hung on the people, who
        # are named by their modifier
        return actors(mods) + core
    if core:
        return core
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if mods and tok.lower_ in r.words("organisation_nouns") and nxt is not None:
        # "the Sunni militant group Jaish al-Adl": a faith or a people describes the group
        # its name names (but "an Arab tribal faction clashed": the only name of a side)
        if nxt.i in ent_of and actors([ent_of[nxt.i]]):
            mods = [m for m in mods if m.label_ != NER_SOCIAL_GROUP]
    if mods:
        return mods
    before = ent_of.get(tok.left_edge.i - 1)
    if (
        tok.dep_ in ("nsubj", "nsubjpass")
        and before is not None
        and before.end == tok.left_edge.i
        and tok.doc[before.end - 1].text == ")"
        and actors([before])
    ):
        # "Military Forces of Saudi Arabia (2015-) Coalition conducted": the parser cut the
        # actor's name off the word after it that it made the subject
        return [before]
    heads = r.words("generic_actor_heads") | r.words("force_nouns")
    if tok.lemma_.lower() in heads or tok.lower_ in r.words("generic_actor_heads"):
        # "intercepts collected by the United States" (not where they are: "officials in
        # Kunduz city, Kunduz province, Afghanistan")
        return entities_in(tok, ent_of, skip=r.words("location_preps"))
    return []


def _done_by_a_thing(r: Reading, verb: Token) -> bool:
    """``a boy was struck by a car and killed``: a passive, or the one it is joined to,
    whose "by" phrase names no one but one of the pack's ``accident_agents`` (a vehicle
    no force drives, a falling branch, lightning): an accident, not violence ("struck by a
    stray bullet", "by a rocket", "run over by an army vehicle" are violence)."""
    things = r.pack.optional_words("accident_agents") | r.words("vehicle_nouns")
    for v in (verb, verb.head):
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if (
                        g.dep_ == "pobj"
                        and g.lemma_.lower() in things
                        and not actors(head_entities(r, g))
                    ):
                        return True
    return False


def _from_home(r: Reading, noun: Token, prep: Token) -> bool:
    """``six labourers from Punjab``: an ``origin_preps`` phrase on people of no armed side
    (ACLED's civilians) tells where they come from, not whose they are ("fighters from
    al-Shabaab" are its members)."""
    group = r.ent_of.get(noun.i)
    # (not a people's community: "women from the Yazidi community" are Yazidis)
    peoples = r.words("organisation_nouns") | r.pack.optional_words("of_division_words")
    return (
        prep.lower_ in r.words("origin_preps")
        and group is not None
        and group.kb_id_.startswith(f"{GROUP_PREFIX}civilians")
        and not any(g.lemma_.lower() in peoples for g in prep.children if g.dep_ == "pobj")
    )


def is_group_key(key: str) -> bool:
    """Whether an entity key is a group placeholder (``group:civilians``)."""
    return key.startswith(GROUP_PREFIX)


def is_group(span: Span | None) -> bool:
    """A group of people named by what they are (``civilians``, ``gunmen``), not by a name."""
    return span is not None and span.kb_id_.startswith(GROUP_PREFIX)


def _named_actor(span: Span | None) -> bool:
    return (
        span is not None
        and not is_group(span)
        and span.label_ not in PLACE_ONLY
        and span.label_ not in ("Country", "State")
    )


def _describes_a_name(t: Token, ent_of: dict[int, Span]) -> bool:
    """Whether the phrase ``t`` heads is set beside a name it describes: an apposition, or
    a phrase right after a name and a comma however the parser hung it ("blamed ... the
    ADF, a group linked to the Islamic State")."""
    start = t.left_edge.i
    named = ent_of.get(start - 2) if start >= 2 and t.doc[start - 1].text == "," else None
    # (an actor's name: "In Borno, a faction loyal to ISWAP ambushed" describes no place)
    return t.dep_ == "appos" or (named is not None and not places([named]))


def _describes(named: Span | None, appos: Span | None) -> bool:
    """Whether an apposition of armed men of no name only describes the named organisation
    before it ("the Mbuh Warriors, a separatist militia"): one actor, not two (not a
    person's: "Ali Musa, a police officer" says what he is)."""
    return (
        _named_actor(named)
        and named is not None
        and named.label_ != "Person"
        and appos is not None
        and appos.kb_id_.startswith(ARMED_GROUP_KEY)
    )


def _is_state(span: Span) -> bool:
    return span.label_ in ("Country", "State")


def _qualifies_group(t: Token, ent_of: dict[int, Span]) -> bool:
    """``Afghan`` in ``Afghan soldiers``: a nationality that says whose group it is."""
    return t.dep_ in ("amod", "compound", "nmod", "poss") and is_group(ent_of.get(t.head.i))


def actors(spans: list[Span]) -> list[Span]:
    """The spans that name actors (a country acts as a state)."""
    return [s for s in spans if s.label_ not in PLACE_ONLY]


def places(spans: list[Span]) -> list[Span]:
    """The spans that name places (countries included; a building an attack is aimed at is
    its target, not its place)."""
    return [
        s
        for s in spans
        if (s.label_ in PLACE_ONLY or s.label_ == "Country")
        and not s.kb_id_.startswith(SITE_PREFIX)
    ]


def _effective_dep(c: Token, verb: Token, passive: bool) -> str:
    """``c``'s relation to ``verb``, with one misparse of small models undone: in an active
    clause that already has its subject, a second ``nsubj`` after the verb is its object
    ("troops recaptured Moqokori town", parsed with "town" as a subject)."""
    if c.dep_ != "nsubj" or passive or c.i < verb.i:
        return c.dep_
    if any(o.dep_ == "nsubj" and o.i < verb.i for o in verb.children):
        return "dobj"
    return c.dep_


def prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions that are among ``preps`` ("the town *of*
    Moqokori": Moqokori).

    >>> import spacy
    >>> doc = spacy.blank("en")("the town of Moqokori")
    >>> prep_objects(doc[1], frozenset({"of"}))  # a blank pipeline parses nothing
    []
    """
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _carried_people(r: Reading, m: Mention, tok: Token, role: str | None) -> None:
    """``struck a pickup truck carrying soldiers``: the people a vehicle an event aimed at
    carried (a participle of the pack's ``conveying_verbs``) are what it aimed at."""
    if not role or tok.lemma_.lower() not in r.pack.optional_words("vehicle_nouns"):
        return
    for a in tok.children:
        if a.dep_ == "acl" and a.lemma_.lower() in r.pack.optional_words("conveying_verbs"):
            for g in a.children:
                if g.dep_ == "dobj":
                    _add_actors(r, m, role, g)


def _members_held(r: Reading, m: Mention, tok: Token, role: str | None) -> None:
    """``arrested two men suspected of belonging to X``, ``14 people accused of links to
    X``: the named armed group the people an arrest took are said to belong to (a
    participle of the pack's ``membership_suspicion_verbs``) is what it was aimed at."""
    if not role or classes.behaviour(m.cls, "victims_count") != "arrested":
        return
    verbs = r.pack.optional_words("membership_suspicion_verbs")
    said = [a for a in tok.children if a.dep_ in ("acl", "relcl") and a.lemma_.lower() in verbs]
    # "arrested 14 people on suspicion of belonging to X", "... over links to X": the
    # suspicion told in a phrase on the arrest (``membership_suspicion_nouns``, ``bond_nouns``)
    nouns = r.pack.optional_words("membership_suspicion_nouns", "bond_nouns")
    belonging = r.pack.optional_words("bond_nouns", "member_nouns") | set(
        r.pack.optional_table("belonging_verbs")
    )
    if tok.dep_ == "dobj":
        said += [
            g
            for p in tok.head.children
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() in nouns
            # (of belonging to it, not of attacking its offices)
            and any(t.lemma_.lower() in belonging for t in g.subtree)
        ]
    for a in said:
        for t in a.subtree:
            s = r.ent_of.get(t.i)
            if (
                s is not None
                and not is_group_key(s.kb_id_)  # (a group of no name: "gang members")
                and _held_against(r.entity_types.get(s.kb_id_, ""))
            ):
                m.add(role, s.kb_id_)


def _held_against(actor_type: str) -> bool:
    """Whether people may be held for belonging to an actor of this class: an armed group
    no state's, or a party or movement (ACLED codes the arrest of a banned party's members
    with the party as its second actor); not a state, a people or an outlet."""
    return is_nonstate_armed(actor_type) or classes.is_a(actor_type, "PoliticalParty")


def _object_places(r: Reading, m: Mention, tok: Token) -> None:
    """A place that is what the event acted on (``entered Hola Prystan``, ``recaptured the
    town of X``, ``shelled Kharkiv``) is where it happened (countries act as states); not
    where the people it befell hold office ("the district governor of X was shot dead in Y":
    :func:`_people_of_a_place` places it there only when nothing else does)."""
    if _one_person(r, tok):
        return
    named = r.ent_of.get(tok.i)
    if named is not None and named.label_ == "Person":
        # the monitors' "killed Chief X (Kauru, Kaduna)": the places bracketed after the
        # person are where it happened
        if named.end < len(tok.doc) and tok.doc[named.end].text == "(":
            for k in _listed_after(r, tok.doc[named.end], from_head=True):
                m.add("location", k)
        return
    for s in places(head_entities(r, tok)):
        if s.label_ != "Country":
            m.add("location", s.kb_id_)
    areas = r.words("territory_nouns", "control_nouns") | r.pack.optional_words("of_division_words")
    if tok.lemma_.lower() in areas or tok.lower_ in r.words("surroundings_nouns"):
        # "the town of Moqokori", "took control of Kalabo district", "shelled the outskirts
        # of Aitaroun"
        of = prep_objects(tok, r.words("of_preps"))
        if not of and tok.dep_ == "dobj":
            # "took control of Manbij", the parser's "of" on the verb, right after the noun
            of = [
                g
                for c in tok.head.children
                if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in r.words("of_preps")
                for g in c.children
                if g.dep_ == "pobj"
            ]
        for g in of:
            _object_places(r, m, g)


def _sites_of_part(r: Reading, m: Mention, tok: Token) -> None:
    """``in front of a bakery``, ``at the gate of a base``: the site a part belongs to; ``at
    the entrance to Baksan``, ``at the gates of Kidal``: the town, where it happened."""
    if tok.lower_ not in r.words("site_part_nouns"):
        return
    for h in prep_objects(tok, r.words("site_part_preps")):
        _add_sites(r, m, h)
        if h.i in r.ent_of:
            for s in places([r.ent_of[h.i]]):
                if s.label_ != "Country":
                    m.add("location", s.kb_id_)


def _add_sites(r: Reading, m: Mention, tok: Token) -> None:
    """The buildings and sites a phrase names are the event's target (``stormed a hotel``,
    ``attacked the Serena Hotel``; a named street is where it happened, not its target),
    and where the phrase puts them is where it happened (``targeted a bakery on the
    central street Rue Victor Hugo``)."""
    sites = [
        s
        for s in head_entities(r, tok)
        if s.kb_id_.startswith(SITE_PREFIX) or _named_site(r, s) == "facility"
    ]
    for s in sites:
        m.add("target", s.kb_id_)
    things = r.pack.optional_words("property_nouns", "vehicle_nouns")
    if sites or tok.lemma_.lower() in things or tok.lower_ in things:
        _site_owners(r, m, tok)
    if not sites:
        return
    # "a bakery in X", "on Rue Y", "the police station of Gressier": the town it is in
    loc_preps = r.words("location_preps", "of_preps")
    for g in prep_objects(tok, r.words("location_preps", "street_preps", "of_preps")):
        named = [r.ent_of[a.i] for a in g.children if a.dep_ == "appos" and a.i in r.ent_of]
        for s in places(entities_in(g, r.ent_of) + named):
            if s.label_ != "Country" and (
                g.head.lower_ in loc_preps
                or _named_site(r, s) == "way"
                or g.lower_ in r.pack.optional_words("surface_place_nouns")
                or g.lemma_.lower() in r.words("surroundings_nouns")  # "on the outskirts of X"
            ):
                m.add("location", s.kb_id_)
    # the monitors' bracket after the site: "shelled the X camp (Goma, North Kivu)"
    doc = tok.doc
    for a in tok.children:
        if a.dep_ == "appos" and a.i > 0 and doc[a.left_edge.i - 1].text == "(":
            for s in places(entities_in(a, r.ent_of)):
                if s.label_ != "Country":
                    m.add("location", s.kb_id_)


def _site_owners(r: Reading, m: Mention, tok: Token) -> None:
    """Whose a building, a site or property struck is, its target too (ACLED's actor 2, GTD's
    target): the actors of its ``of`` phrase or its possessor ("the offices of the New
    Democracy party", "the MDC's office"), or of the phrase of a participle of the pack's
    ``ownership_participles`` on it ("shops owned by foreign nationals", "lorries belonging
    to traders"); places are where it is, never whose (nor a name after "of" with no
    article: "the police station of Gressier" is the town's)."""
    # (a possessor only of a known kind: "Comer Children's Hospital" is a name)
    owners = [
        s
        for c in tok.children
        if c.dep_ == "poss"
        for s in phrase_actors(r, c)
        if s.label_ not in ("Person", "Organization", "Actor")
    ]
    # (a name after "of" with no article is the town's: "the police station of Gressier")
    phrases = [
        g
        for g in prep_objects(tok, r.words("of_preps"))
        if g.pos_ != "PROPN" or any(c.dep_ == "det" for c in g.children)
    ]
    owning = r.pack.optional_table("ownership_participles")
    for a in tok.children:
        preps = owning.get(a.lemma_.lower()) if a.dep_ == "acl" else None
        if preps:
            phrases += [g for c in a.children if c.dep_ == "agent" for g in c.children]
            phrases += prep_objects(a, frozenset(preps))
    owners += [s for g in phrases for s in phrase_actors(r, g)]
    for s in owners:
        if s.label_ not in ("Country", "State") and not s.kb_id_.startswith(SITE_PREFIX):
            m.add("target", s.kb_id_)


def _site_where(r: Reading, m: Mention, prep: Token, phrase: Token) -> None:
    """The building or site a place phrase puts the event at or in (``site_location_preps``:
    "exploded at a market", "an attack at the Rolando cafe", "killed in a mosque") is where
    it happened, the most precise place the text gives (``SITE_LOCATION``: it becomes the
    event's location, inside the town, when the records are built)."""
    if prep.lower_ not in r.pack.optional_words("site_location_preps"):
        return
    if m.trigger.lemma_.lower() in r.pack.optional_words("dying_verbs", "aftermath_verbs"):
        return  # "later died in a hospital": where they died, not where it happened
    # a vehicle moves and a village is a place of its own: neither is a site it was in
    not_sites = r.pack.optional_words("vehicle_nouns", "division_words", "plural_division_words")
    for s in head_entities(r, phrase):
        if s[-1].lower_ in not_sites or s.root.lower_ in not_sites:
            continue
        if s.kb_id_.startswith(SITE_PREFIX) or _named_site(r, s) == "facility":
            m.add(SITE_LOCATION, s.kb_id_)


# ---------------------------------------------------------------- counts


def _killing_particle(r: Reading, verb: Token) -> bool:
    """``shot dead``, ``beaten to death``: a particle of killing on the verb (or in its
    prepositional phrase), or right after it (the parser may hang "dead" on the victims:
    "shot dead six civilians")."""
    words = r.words("killing_particles")
    if any(c.lower_ in words for c in verb.children):
        return True
    if any(
        g.lower_ in words and not list(g.children)
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
    ):
        return True  # "stabbed to death", not "attacked shops after the death of a boy"
    nxt = verb.i + 1
    return nxt < len(verb.doc) and verb.doc[nxt].lower_ in words


def set_count(
    r: Reading, m: Mention, noun: Token, kind: str | None = None, more: list[Token] | None = None
) -> None:
    """Put the count on ``noun`` (and on the ``more`` nouns told with it: "the commander and
    his daughter were killed") on the mention: as arrested, injured or killed, by the event's
    class or its verb."""
    q = count_on(noun, r.pack)
    for other in more or []:
        q2 = count_on(other, r.pack)
        if q2 is None and unknown_count(other, r.pack):
            # "twelve soldiers and an unknown number of assailants": at least twelve
            q = Quantity(q.best, q.min, None) if q is not None else None
            continue
        if q2 is None and other.tag_ in ("NN", "NNP"):
            q2 = Quantity(1, 1, 1)
        if q is not None and q2 is not None and q.best is not None and q2.best is not None:
            q = add_counts(q, q2)
    if q is None:
        return
    reflexive = any(
        t.lower_ in r.words("reflexive_pronouns") for o in [noun, *(more or [])] for t in o.subtree
    ) or _attackers_included(r, noun)
    if kind is None:
        kind = classes.behaviour(m.cls, "victims_count")
    if kind is None:
        lemma = m.trigger.lemma_.lower()
        if lemma in r.words("injuring_verbs"):
            kind = "injured"
        elif lemma in r.words("killing_verbs") or _killing_particle(r, m.trigger):
            kind = "fatalities"  # "killed", "shot dead"
        elif _struck_not_killed(r, m.trigger):
            kind = "injured"  # "shot in the leg", "hit by a stray bullet"
        else:
            return
    setattr(m, kind, q)
    if kind == "fatalities" and reflexive:
        m.self_counted = True  # "killing himself and two others": the attacker is counted


def _address_tail(r: Reading, tok: Token) -> bool:
    """Whether a place the parser made a subject ends an address set after another place
    with a comma ("Fighting in Paro, Bhutan killed two"): where, not who."""
    span = r.ent_of.get(tok.i)
    # (a country: the one place that is also an actor)
    if span is None or span.root.i != tok.i or span.label_ != "Country" or span.start < 2:
        return False
    before = r.ent_of.get(span.start - 2)
    return tok.doc[span.start - 1].text == "," and before is not None and bool(places([before]))


def _attackers_included(r: Reading, noun: Token) -> bool:
    """Whether a count says it includes the attackers ("killing three people including the
    bombers", "five dead, including the attacker"; not "not including the assailant"): the
    attackers are counted, as "killing himself and two others" counts the bomber."""
    kinds = r.pack.table("group_nouns")
    return any(
        p.dep_ == "prep"
        and p.lower_ in r.words("inclusion_preps")
        and not any(c.dep_ == "neg" for c in p.children)
        and any(g.dep_ == "pobj" and kinds.get(g.lower_) == "armed" for g in p.children)
        for p in noun.children
    )


def _struck_not_killed(r: Reading, verb: Token) -> bool:
    """Whether a verb of harm that names no killing nor injury tells a wound: where on the
    body it struck (``wounded_body_parts``: "was shot in the leg"), or struck by one of the
    ``wounding_projectiles`` ("was hit by a stray bullet")."""
    parts = r.pack.optional_words("wounded_body_parts")
    projectiles = r.pack.optional_words("wounding_projectiles")
    for c in verb.children:
        for g in c.children if c.dep_ in ("prep", "agent") else ():
            if g.dep_ != "pobj":
                continue
            if c.dep_ == "prep" and g.lower_ in parts:
                return True
            if c.dep_ == "agent" and (g.lower_ in projectiles or g.lemma_.lower() in projectiles):
                return True
    return False


def tolls(r: Reading) -> None:
    """A toll told as a figure of its own ("the death toll from the bombing has risen to
    31", "the toll stands at 23", "officials later put the death toll at 30", "bringing the
    toll to 16"): the count of the event it is the toll of (named in its ``from``/``of``/
    ``in`` phrase), else of the sentence's one violent event, else (none or several) of a
    mention of its own (the toll's word), which event coreference joins to the story's
    event. A toll is the newest figure, so it replaces a count read before in the sentence;
    an injury toll ("the injury toll") counts the injured."""
    counted_of = r.pack.table("toll_count_of")
    toll_nouns, count_nouns = r.words("toll_nouns"), r.words("toll_count_nouns")
    for t in r.tokens:
        lemma = t.lemma_.lower()
        if lemma not in toll_nouns and lemma not in count_nouns:
            continue
        kind = "injured" if _injury_toll(r, t) else "fatalities"
        if lemma in count_nouns:
            # "the number of dead": a toll of what its "of" phrase counts
            of = prep_objects(t, r.words("of_preps"))
            words = [w for g in of for w in (g.lemma_.lower(), g.lower_)]
            named = [counted_of[w] for w in words if w in counted_of]
            if not named:
                continue
            kind = named[0]
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        # the newest figure: the last of the toll's own verbs ("put at 12, rose to 31"; "the
        # toll, initially put at 12, was later raised to 21", however parsed), not one with
        # a count of its own ("put the number of wounded at 140"), nor a guess ("could rise
        # to 50")
        later = [t.head.head] if t.head.dep_ == "ccomp" else []
        verbs = [t.head] + [
            v
            for v in (*t.head.conjuncts, *later)
            if v.pos_ in _VERB
            # (its own object, but the toll's pronoun: "later raised it to 19")
            and not any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ != "PRON" for c in v.children
            )
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
        ]
        told = [(v, _toll_figure(r, v, t)) for v in sorted(verbs, key=lambda v: v.i)]
        newest = next(((v, f) for v, f in reversed(told) if f is not None), None)
        if newest is None:
            continue
        last, q = newest
        superseded = r.pack.optional_words("superseded_adverbs")
        if any(c.dep_ == "advmod" and c.lower_ in superseded for c in last.children) and any(
            getattr(x, kind) is not None for x in r.found if x.violent
        ):
            # "At least 19 people were killed; officials initially put the death toll at
            # three": an older figure than the count told with it
            continue
        target: Mention | None = None
        # what the toll is of ("the toll from the bombing"; a count noun's "of" phrase is what
        # it counts: "the number of dead")
        phrases = [
            p
            for p in t.children
            if p.dep_ == "prep"
            and p.lower_ in r.words("toll_preps")
            and not (lemma in count_nouns and p.lower_ in r.words("of_preps"))
        ]
        for p in phrases:
            target = next(
                (r.by_tok[g.i] for g in p.subtree if g.i in r.by_tok and r.by_tok[g.i].violent),
                None,
            )
        period = _toll_of_a_span(r, t)
        if (target is None and (phrases or period)) or (period and target and target.plural):
            continue  # "the overall toll in Gaza", "the toll from attacks this year"
        if target is None:
            violent = [m for m in r.found if m.violent and not m.dropped]
            target = violent[0] if len(violent) == 1 else None
            if target is not None and target.trigger.i > t.i and getattr(target, kind):
                target = None  # "put the toll at 100; ... 130 bodies had been recovered"
            if target is None:  # none, or several ("rose to 13 when a wounded man died")
                target = Mention(id=t.i, cls=classes.named("attack"), trigger=t, sent=r.sent)
                target.definite = True  # the toll of the story's event
                target.bare = True  # never an event of its own
                r.add(target)
        if target is not None:
            setattr(target, kind, q)
            target.more_victims = False  # a toll is the whole count ("bringing the toll to 16")
            target.tolls.add(kind)
            # ("claimed the attack and put the toll at more than 20": the claimant's figure)
            target.partisan = target.partisan or _claimants_toll(r, last)
            for x in r.found:
                found_dead = x.trigger.lemma_.lower() in r.words("death_nouns")
                if x is not target and x.more_victims and found_dead and getattr(x, kind):
                    # "rose to 11 after rescuers pulled four more bodies": counted in it
                    setattr(x, kind, None)


def _claimants_toll(r: Reading, verb: Token) -> bool:
    """Whether the verb that gives a toll is told by those who claim the event: it, or a
    verb it is coordinated with, is a claim of responsibility ("X claimed the attack and put
    the toll at more than 20"); the doers' own count, which any other replaces."""
    claim = classes.named("claim")
    return any(
        v.i in r.by_tok and classes.subsumes(claim, r.by_tok[v.i].cls)
        for v in (verb, *verb.conjuncts)
    )


def _toll_of_a_span(r: Reading, toll: Token) -> bool:
    """A toll of many events or of a period ("the overall toll", "this year's toll"): its
    words include one of the ``toll_scope_words`` or a date."""
    return any(
        w.lower_ in r.words("toll_scope_words") or w.ent_type_ == "DATE" for w in toll.subtree
    )


def _injury_toll(r: Reading, toll: Token) -> bool:
    """ "the injury toll", "the toll of the wounded"."""
    return any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in r.words("injury_toll_words")
        for c in toll.children
    )


def _toll_figure(r: Reading, verb: Token, toll: Token) -> Quantity | None:
    """The figure a toll's verb gives: ``rose to 31``, ``stands at 23``, ``is now 31``,
    ``reached 40``, ``put the toll at 30``."""
    # "revised the toll down to 84": the figure may hang on the verb's particle, or on the
    # phrase of the figure before ("rose from nine to 14")
    holders = [c for c in verb.children if c.dep_ in ("prt", "prep")]
    for c in [*verb.children, *(g for h in holders for g in h.children)]:
        heads: list[Token] = []
        if c.i == toll.i:
            continue
        if c.dep_ in ("attr", "dobj") and (c.like_num or c.pos_ == "NUM"):
            heads = [c]
        elif c.dep_ == "prep" and c.lower_ in r.words("toll_figure_preps"):
            heads = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in r.words("toll_origin_preps"):
            # "rose from six to 17", parsed as a range: the figure it rose to
            for g in c.children:
                if g.dep_ == "pobj" and any(
                    q.lower_ in r.words("toll_figure_preps") for q in g.children
                ):
                    q = quantity(g.text, r.pack)
                    if q is not None and q.best is not None:
                        return q
        for h in heads:
            q = quantity(" ".join(w.text for w in h.subtree), r.pack) or count_on(h, r.pack)
            if q is not None and q.best is not None:
                return q
    return None


# ---------------------------------------------------------------- places and dates


def _towns(r: Reading, m: Mention, phrase: Token) -> None:
    """The places more precise than a country that ``phrase`` names are where ``m``
    happened ("15 km east of Inates", "travelling between Boni and Hombori")."""
    for s in places(entities_in(phrase, r.ent_of)):
        if s.label_ != "Country":
            m.add("location", s.kb_id_)


def _origin(prep: Token, pack: LanguagePack) -> bool:
    """Whether ``prep`` tells where people come from: an ``origin_preps`` phrase on a noun
    ("youths from Unity state"), on the verb right after its people ("shot dead seven men
    from Punjab") or after one of the ``origin_quantifiers`` ("seven laborers, all from
    Punjab")."""
    if prep.lower_ not in pack.optional_words("origin_preps"):
        return False
    quantifiers = pack.optional_words("origin_quantifiers")
    # (or on the verb, right after its people: "shot dead seven men from Punjab province",
    # however parsed)
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    # (of a verb that harms them where they are, not one that takes them from it:
    # "abducted 20 students from Kuriga", "evacuated residents from Kupiansk")
    harming = pack.optional_words("killing_verbs", "harm_verbs", "injuring_verbs")
    particles = pack.optional_words("killing_particles")
    verb = prep.head
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb
    people = (
        verb.pos_ in _VERB
        and (
            verb.lemma_.lower() in harming
            # ("shot dead", however the parser hangs "dead")
            or any(c.lower_ in particles for c in verb.children)
            or after.lower_ in particles
        )
        and before.dep_ in ("dobj", "nsubjpass")
        and before.head.i == prep.head.i
        and before.lower_ in pack.table("group_nouns")
    )
    return (
        prep.head.pos_ in _NOUN
        or people
        or any(c.dep_ == "advmod" and c.lower_ in quantifiers for c in prep.children)
    )


def is_loc_use(t: Token, pack: LanguagePack) -> bool:
    """A place used as a location: in one of the pack's ``location_preps`` (not as the
    origin of people: :func:`_origin`), in a ``position_preps`` phrase on a vehicle
    ("exploded under a military vehicle on Mount X"), a settlement in a ``surface_preps``
    phrase ("fired on Numbi village": struck there), or as an adverbial; not as a
    modifier."""
    loc_preps = pack.optional_words("location_preps")
    position = pack.optional_words("position_preps")
    vehicles = pack.optional_words("vehicle_nouns")
    node = t
    for _ in range(4):
        around = node.head.head if node.dep_ == "pobj" else node
        if (
            node.dep_ == "pobj"
            and node.head.lower_ in pack.words("of_preps")
            and around.lemma_.lower() in pack.optional_words("surroundings_nouns")
            and around.dep_ == "pobj"
            and around.head.lower_ in loc_preps | pack.words("surface_preps")
        ):
            return True  # "guarding a tower on the outskirts of Ituango": around it is at it
        if node.dep_ == "pobj" and node.head.lower_ in loc_preps:
            return not _origin(node.head, pack) and not _at_venue(node.head, pack)
        if node.dep_ == "pobj" and node.head.lower_ in position:
            return node.lemma_.lower() in vehicles or node.lower_ in vehicles
        if (
            node.dep_ == "pobj"
            and node.head.lower_ in pack.words("surface_preps")
            and node.lower_ in pack.words("division_words")
            # (its name, not a word that qualifies it: "on the Mediterranean island of X")
            and (
                node.i == t.i
                or t.dep_ == "pobj"
                or (t.dep_ == "compound" and not prep_objects(node, pack.words("of_preps")))
            )
            # (not the aim of an event that did not happen: "planning an attack on Kabul
            # city")
            and not (
                node.head.head.lemma_.lower() in pack.table("nouns")
                and node.head.head.head.lemma_.lower() in pack.words("modal_verbs")
            )
        ):
            return True  # "shells fired on Numbi village", "bombs on the town of X": struck
        if (
            node.dep_ == "conj"
            and node.head.lower_ in loc_preps
            and not any(c.dep_ == "pobj" for c in node.head.children)
        ):
            return not _origin(node.head, pack)  # "in and around Merawi": the two share it
        if node.dep_ in ("npadvmod", "appos", "conj", "compound"):
            node = node.head
            continue
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            return False
        node = node.head
    return t.dep_ in ("npadvmod", "appos")


def _at_venue(prep: Token, pack: LanguagePack) -> bool:
    """Whether a place phrase tells where people met to speak (``venue_nouns`` on a word of
    saying or speaking): "told a news conference in Islamabad", "speaking at a briefing
    in X", "a statement after a meeting at the palace in Kabul"; not a gathering that was
    itself attacked ("gunmen opened fire on a wedding ceremony in Kano", "a bomb exploded
    during a graduation ceremony in X")."""
    venues = pack.optional_words("venue_nouns")
    node = prep.head
    for _ in range(4):
        if node.lemma_.lower() in venues or node.lower_ in venues:
            return _said_there(node, pack)
        if node.dep_ not in ("pobj", "prep", "compound") or node.head is node:
            return False
        node = node.head
    return False


def _said_there(venue: Token, pack: LanguagePack) -> bool:
    """Whether a gathering is where something was said: it hangs (through its phrases) on a
    verb or noun of saying or on one of the ``speaking_verbs``."""
    saying = pack.optional_words("saying_verbs", "saying_nouns", "speaking_verbs")
    node = venue
    for _ in range(4):
        if node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() in saying:
            return True
        if node.dep_ not in ("pobj", "prep", "dobj", "advcl", "acl", "nsubj"):
            return False
    return False


def clause_of(tok: Token) -> Token | None:
    """The verb heading the clause ``tok`` is in."""
    node = tok
    for _ in range(6):
        if node.pos_ in _VERB and node.dep_ in (
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


def clause_scope(
    tok: Token,
    triggers: set[int],
    speech: frozenset[int] = frozenset(),
    moments: frozenset[str] = frozenset(),
) -> set[int]:
    """The tokens of the clause a trigger is told in: its verb's subtree, without the
    clauses coordinated with it that tell other events (``killed 11 soldiers near Djibo,
    shot dead six civilians ... and detonated explosives under a bridge``) or that have a
    subject of their own, unless it opens with one of ``moments`` and tells no event ("were
    killed when their vehicle ran over an explosive device": how); with the clauses of the
    same statement that tell no other event."""
    head = clause_of(tok) or tok
    if tok.pos_ in _NOUN and (head.i in speech or head.i in triggers - {tok.i}):
        head = tok  # "claimed responsibility for the bombings": the noun's own phrase
    elif (
        head.i == tok.i
        and tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "acl", "xcomp")
        and tok.head.i not in triggers
    ):
        # "a suicide bomber rammed a truck, killing himself and two policemen": the
        # participle tells what the clause it hangs on did
        head = clause_of(tok.head) or tok.head
    own = {tok.i} | {t.i for t in tok.ancestors}  # the path from the clause down to it
    out: set[int] = set()
    todo = [head]
    while todo:
        t = todo.pop()
        out.add(t.i)
        for c in t.children:
            if c.i in own:
                todo.append(c)
                continue
            if c.i in triggers:
                continue  # another event's own words ("in a 2020 U.S. drone strike")
            if c.dep_ in ("conj", "parataxis", "ccomp", "advcl", "relcl", "acl"):
                sub = {x.i for x in c.subtree}
                separate = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                moment = c.dep_ == "advcl" and any(
                    g.dep_ in ("mark", "advmod") and g.lower_ in moments for g in c.children
                )
                if c.pos_ in _VERB and ((separate and not moment) or sub & (triggers - {tok.i})):
                    continue
            todo.append(c)
    if head.dep_ in ("ccomp", "parataxis") and head.head.i in speech:
        # what one statement says, split by the parser into sibling clauses ("saying two
        # operatives wearing suicide belts staged the attack"): the clauses that tell no
        # other event describe this one
        for c in head.head.children:
            if c.i != head.i and c.dep_ in ("ccomp", "parataxis") and c.pos_ in _VERB:
                sub = {x.i for x in c.subtree}
                if not sub & (triggers | speech):
                    out |= sub
    return out


_DATE_DEPS = ("prep", "npadvmod")


def _set_fire(r: Reading, verb: Token) -> bool:
    """Whether ``verb`` tells a fire set off (``effect_verbs`` with one of the
    ``effect_objects`` or a ``property_complements`` word: "sparked a fire", "set a depot
    ablaze", "set buildings on fire"), not what else it caused ("sparked outrage")."""
    if verb.lemma_.lower() not in r.pack.optional_words("effect_verbs"):
        return False
    fires = r.pack.optional_words("effect_objects")
    complements = r.pack.optional_words("property_complements")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in [*verb.children, *(g for o in objects for g in o.children)]:
        if c.dep_ == "dobj" and c.lemma_.lower() in fires:
            return True
        if c.lower_ in complements or (
            c.dep_ == "prep" and any(g.lemma_.lower() in fires for g in c.children)
        ):
            return True  # (or on its object, the parser's: "set buildings on fire")
    return False


def _occurrence(r: Reading, tok: Token) -> list[Token]:
    """The words that lend the event ``tok`` their place and date: the verb that says it
    happened ("fighting broke out in X", "the attack took place on Monday", "the attack,
    which happened on Thursday":
    ``occurrence_verbs``, a lemma or a lemma with its particle or object; "the blast left
    nine dead on Monday": ``outcome_verbs``), and the noun that
    gathers it ("a wave of shooting broke out in X")."""
    lent: list[Token] = []
    holder = collective(r, tok)
    if holder is not None:
        lent.append(holder)  # "a wave of shootings in X": the wave's place is theirs
        tok = holder
    happened = r.words("occurrence_verbs", "impact_verbs", "outcome_verbs")
    own = any(
        (c.dep_ == "prep" and c.lower_ in r.words("location_preps", "date_preps"))
        or (c.dep_ == "poss" and c.ent_type_ == "DATE")
        for c in tok.children
    )

    def occurs(verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        said = verb_phrases(verb)
        # "the attack targeted a convoy on the highway": a verb of harm read as no event of
        # its own tells what its subject event did, and where
        # (told in the simple past: not "similar strikes have killed hundreds", "may kill")
        harm = lemma in r.words("harm_verbs") and verb.i not in r.by_tok and verb.tag_ == "VBD"
        return bool(said & happened) or harm or (not own and _set_fire(r, verb))

    # "the attack, which happened on Thursday": a relative clause that says it happened (or
    # says that someone said so: "the attack, which it said took place on Sunday")
    for c in tok.children:
        if c.dep_ != "relcl" or c.pos_ not in _VERB:
            continue
        if occurs(c):
            lent.append(c)
        elif c.lemma_.lower() in r.words("saying_verbs"):
            lent += [g for g in c.children if g.dep_ == "ccomp" and g.pos_ in _VERB and occurs(g)]
    verb = tok.head
    # "went on a rampage in X on Sunday": the verb that says its subject undertook it (the
    # pack's ``undertaking_verbs``, with its preposition)
    undertaking = r.pack.optional_table("undertaking_verbs")
    if tok.dep_ == "pobj" and tok.head.lower_ in undertaking.get(verb.head.lemma_.lower(), ()):
        return [*lent, verb.head]
    if tok.dep_ != "nsubj" or verb.pos_ not in _VERB:
        return lent
    return [*lent, verb] if occurs(verb) else lent


def _aimed_at(r: Reading, m: Mention, prep: Token) -> None:
    """What an event noun's ``on``/``against`` phrase (``noun_target_preps``) names: its
    target (people, a site), and a place struck is where it happened (a country only
    ``on`` it: "strikes on Yemen", not "a war against Russia")."""
    for g in prep.children:
        ents = entities_in(g, r.ent_of)
        _add_actors(r, m, "target", g)
        _add_sites(r, m, g)
        for s in places(ents):
            if _across_border(r, s.root, g):
                continue  # "on a post near the border with Burkina Faso": the other side
            if s.label_ != "Country" or prep.lower_ in r.words("surface_preps"):
                m.add("location", s.kb_id_)


def _across_border(r: Reading, tok: Token, top: Token) -> bool:
    """Whether ``tok`` is named, below ``top``, in the phrase of one of the pack's
    ``border_nouns`` ("a post near the border with Mali": Mali is the other side; not the
    owner of "Niger's border")."""
    below = tok
    for a in tok.ancestors:
        if a.i == top.i:
            return False
        if a.lemma_.lower() in r.words("border_nouns"):
            # (not whose border it is: "near Niger's border with Mali" is in Niger)
            return below.dep_ != "poss"
        below = a
    return False


def _under(r: Reading, m: Mention, verb: Token) -> None:
    """What "came under fire/attack" befell: the verb's subject is the event's target (its
    people, its site; a place is where it was: "the town came under shelling"); doers in a
    ``from`` phrase did it ("came under fire from militants")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            _add_actors(r, m, "target", c)
            _add_sites(r, m, c)
            _object_places(r, m, c)
    agent_role = classes.behaviour(m.cls, "noun_agent")
    for t in (verb, m.trigger):
        for g in prep_objects(t, r.words("origin_preps")):
            _add_actors(r, m, agent_role, g)


def _series_ranked_in(r: Reading, tok: Token) -> bool:
    """Whether an event noun names a series an event is ranked in ("the latest in a string
    of strikes", "the deadliest in a wave of attacks", "the third in a series of
    bombings"): a superlative or an ordinal in the series, not an event told."""
    holder = collective(r, tok)
    if holder is None or holder.dep_ != "pobj":
        return False
    ranked = holder.head.head
    return ranked.tag_ == "JJS" or ranked.ent_type_ == "ORDINAL"


def collective(r: Reading, tok: Token) -> Token | None:
    """The noun that gathers events told in its ``of`` phrase ("a wave of shooting", "a
    series of explosions": ``collective_nouns``), or before it ("a shooting spree"), or
    ``None``."""
    if tok.dep_ in ("amod", "compound", "nmod"):
        gathering = tok.head.lemma_.lower() in r.words("collective_nouns")
        return tok.head if gathering else None
    if tok.dep_ != "pobj" or tok.head.lower_ not in r.words("of_preps"):
        return None
    holder = tok.head.head
    return holder if holder.lemma_.lower() in r.words("collective_nouns") else None


def locations(r: Reading, m: Mention, tok: Token, triggers: set[int] | None = None) -> None:
    """Places in the trigger's ``in/at/near`` phrases; for a noun trigger also those of the
    verb it is the object of (``carried out bombings in Iran``); for a verb trigger, failing
    that, places used as locations elsewhere in its clause. A place on a road the event was
    on is listed before the road (:func:`_spots_on_routes`); where a weapon was fired from
    is kept apart (:func:`_launch_sites`)."""
    _read_locations(r, m, tok, triggers)
    _spots_on_routes(r, m)
    _launch_sites(r, m)


def _launch_sites(r: Reading, m: Mention) -> None:
    """Where a weapon was fired from is listed after where it struck ("a rocket fired from
    Gaza hit a house in Sderot": Sderot, then Gaza; ACLED codes remote violence where it
    landed): a place in an ``origin_preps`` phrase on one of the ``projectile_verbs``, kept
    as ``launched_from``; the event orders its places when it takes the mention
    (:func:`kg.extract.coref.absorb`)."""
    locs = m.roles.get("location", [])
    fired = r.pack.optional_words("projectile_verbs")
    launch = {
        s.kb_id_
        for t in m.sent
        if t.dep_ == "prep"
        and t.lower_ in r.pack.optional_words("origin_preps")
        and t.head.lemma_.lower() in fired
        for g in t.children
        if g.dep_ == "pobj"
        for s in entities_in(g, r.ent_of)
    }
    m.launched_from = [k for k in locs if k in launch]


def residents_homes(r: Reading) -> None:
    """``opened fire on residents of Thanamandi village, Rajouri district``: the place whose
    people (the pack's ``resident_nouns``) a verb's object or target names is where it
    happened; for an event nothing else, nor what is told with it, places (read once the
    mentions told together are joined)."""
    for m in r.found:
        if m.violent and not m.speech and m.same_as is None and m.trigger.pos_ in _VERB:
            _residents_home(r, m, m.trigger)


def _listed_after(r: Reading, tok: Token, from_head: bool = False) -> list[str]:
    """The places listed right after the phrase of ``tok`` ("residents of X village,
    Y district, Z state"), or with ``from_head`` right after ``tok`` itself ("near Boni
    (Douentza, Mopti)"): names, commas, brackets and words for divisions, to the first
    other word, in text order."""
    doc = tok.doc
    divisions = r.pack.optional_words("container_words") | r.words("admin_division_words")
    out: list[str] = []
    i = (tok.i if from_head else tok.right_edge.i) + 1
    while i < len(doc) and (
        i in r.ent_of or doc[i].text in (",", "(", ")") or doc[i].lower_ in divisions
    ):
        if i in r.ent_of and places([r.ent_of[i]]) and r.ent_of[i].kb_id_ not in out:
            out.append(r.ent_of[i].kb_id_)
        i += 1
    return out


def _residents_home(r: Reading, m: Mention, verb: Token) -> None:
    people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    people += prep_objects(verb, r.words("target_preps"))
    told = m.roles.get("location", [])
    for g in people:
        if g.lemma_.lower() not in r.pack.optional_words("resident_nouns"):
            continue
        if any(t.dep_ in ("relcl", "acl") for t in g.subtree if t.i > g.i):
            continue  # "residents of X who were attending a funeral in Y": they were in Y
        homes = [
            s.kb_id_
            for p in prep_objects(g, r.words("of_preps"))
            for s in places(entities_in(p, r.ent_of))
            if s.label_ != "Country"
        ]
        # (before the district the text puts their village in: "Kandi village, Kupwara
        # district", when that is all that placed it)
        # (or before the places the phrase itself puts their village in, all that placed
        # it: "residents of Tourou village (Mayo-Tsanaga, Far North)")
        phrase = {r.ent_of[t.i].kb_id_ for t in g.subtree if t.i in r.ent_of}
        phrase |= set(_listed_after(r, g))
        if not told or set(told) <= phrase:
            m.roles["location"] = list(dict.fromkeys([*homes, *told]))


def _read_locations(r: Reading, m: Mention, tok: Token, triggers: set[int] | None) -> None:
    loc_preps = r.words("location_preps")
    holders = [tok]
    if tok.pos_ in _NOUN and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        holders.append(tok.head)
    under = under_verb(tok, r.pack) if tok.pos_ in _NOUN else None
    if under is not None:
        # "a convoy came under fire near Gao", "posts in Anderstown came under fire"
        holders += [under, *(c for c in under.children if c.dep_ in ("nsubj", "nsubjpass"))]
    objects = []
    aimed: list[Token] = []
    if tok.pos_ in _VERB:
        # "struck a vehicle on the road between X and Y": a place phrase the parser hung on
        # the object (a town or a road in it, not a country: "a market in Ukraine's third
        # city")
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.i not in (triggers or ())]
        holders += objects
        # "opened fire on a minibus in the KwaMashu township", "clashed with coca growers
        # near Villa Tunari": a place phrase the parser hung on whom it was aimed at
        aimed = [
            g
            for g in prep_objects(tok, r.words("target_preps", "opponent_preps"))
            if g.i not in (triggers or ())
        ]
        holders += aimed
        if classes.behaviour(m.cls, "civilian_doers_as"):
            # "dispersed supporters who were blocking a highway near X": where the crowd was
            holders += [a for o in objects for a in o.subtree if a.dep_ == "relcl"]
        # "attacked a bus travelling between Boni and Hombori": the towns its route joins
        for o in objects:
            for a in o.children:
                if a.dep_ == "acl" and a.lemma_.lower() in r.words("travel_verbs"):
                    for g in prep_objects(a, r.words("between_preps")):
                        _towns(r, m, g)
    lenders = _copula(r, tok) + _occurrence(r, tok)
    holders += lenders
    # "shot dead an official as he left a mosque in X district": the clause of the moment it
    # happened (no event of its own), read after the rest (see below)
    moments = [
        c
        for c in (tok.children if tok.pos_ in _VERB else [])
        if c.dep_ == "advcl"
        and c.i not in (triggers or ())
        and any(g.dep_ == "mark" and g.lower_ in r.words("simultaneity_marks") for g in c.children)
    ]
    if tok.pos_ in _NOUN:
        # "the attack targeted a convoy on the highway between X and Y": the place phrase
        # the parser hung on the object of the verb that tells what the event did
        lent = [
            c
            for v in lenders
            if v.pos_ in _VERB and v.lemma_.lower() in r.words("harm_verbs")
            for c in v.children
            if c.dep_ == "dobj" and c.i not in (triggers or ())
        ]
        objects += lent
        holders += lent
    # "a device planted on a road near X blew up": where the thing that did it was put
    holders += [
        a
        for c in tok.children
        if c.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("VERB", "AUX")
        for a in c.children
        if a.dep_ == "acl" and a.tag_ == "VBN"
    ]
    # "attacks by the Taliban in Kunduz": a town the parser hung on the doers, when no other
    # phrase says where ("rockets fired by Hezbollah in Lebanon hit X": not Lebanon)
    doers = [
        g
        for c in tok.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in r.words("agent_preps"))
        for g in c.children
        if g.dep_ == "pobj"
    ]
    place_preps = r.words("location_preps", "street_preps")  # "exploded on Oxford Street"
    carried = (  # ("the hostages were taken across the river": people moved, not marching)
        tok.pos_ in _VERB
        and tok.lemma_.lower() in r.pack.optional_words("transfer_verbs")
        and any(c.dep_ == "auxpass" for c in tok.children)
    )

    def read(holders: list[Token], moved: bool = False) -> None:
        for h in holders:
            if h in doers and "location" in m.roles:
                break
            if h.lower_ in r.words("direction_words") and h is not tok:
                # "attacked a checkpoint west of El-Arish", the parser's object the direction
                for g in prep_objects(h, r.words("of_preps")):
                    _towns(r, m, g)
            for c in h.children:
                if c.lower_ in r.words("direction_words") and c.dep_ in (
                    "advmod",
                    "npadvmod",
                    "prep",
                ):
                    # "20 km south of Bir al-Abd": near the place the direction is taken from
                    # (listed after a place the text names there: "in the X township north
                    # of Durban")
                    before = set(m.roles.get("location", []))
                    for g in prep_objects(c, r.words("of_preps")):
                        _towns(r, m, g)
                    reference.extend(k for k in m.roles.get("location", []) if k not in before)
                if c.dep_ == "prep" and c.lower_ in r.words("between_preps"):
                    # "attacked a convoy between Boni and Hombori": the towns it was between
                    # (people there are a fight's sides: "fighting between troops and rebels")
                    for g in c.children:
                        if g.dep_ == "pobj" and places(entities_in(g, r.ent_of)):
                            _towns(r, m, g)
                went = moved and c.lower_ in r.pack.optional_words(
                    "destination_preps", "arrival_preps"
                )
                if h is tok and carried and c.lower_ in r.pack.optional_words("path_preps"):
                    continue  # "the hostages were taken across the river": the way they went
                if c.dep_ == "prep" and (c.lower_ in place_preps or went):
                    if _origin(c, r.pack) or (moved and c.lower_ in r.words("origin_preps")):
                        continue  # "laborers from Punjab", "crossed from Sudan": whence
                    if h is under and c.lower_ in r.words("origin_preps"):
                        continue  # "came under fire from Israeli tanks": who fired
                    for g in c.children:
                        if g.dep_ == "pobj" and m.violent:
                            # "exploded at a market", "the worst blast was at a bus station"
                            _site_where(r, m, c, g)
                        if g.dep_ == "pobj" and not (triggers and g.i in triggers):
                            # "on the outskirts of Kirandul": around a place is at it, and so is
                            # a street of it ("on the main Kandahar street")
                            around = g.lemma_.lower() in r.words("surroundings_nouns") or (
                                g.lower_ in r.words("name_street_words")
                            )
                            # "on the road between Mandera and Rhamu": the towns it joins
                            route = g.lemma_.lower() in r.words("route_nouns")
                            for a in g.children if route else []:
                                # "on the road linking Koupela and Pouytenga": so too
                                if a.dep_ == "acl" and a.lemma_.lower() in r.pack.optional_words(
                                    "linking_verbs"
                                ):
                                    for o in a.children:
                                        for x in [o, *o.conjuncts] if o.dep_ == "dobj" else []:
                                            _towns(r, m, x)
                            # "near the border with Mali": on this side of it, not in Mali
                            border = g.lemma_.lower() in r.words("border_nouns")
                            found = _named_places(r, g) + entities_in(g, r.ent_of)
                            # ("into this northern Israeli town": the town filed from, not
                            # the country its people's word names)
                            found = _filed_here(r, g) or found
                            for s in places(found + _coordinated_places(r, g)):
                                if _across_border(r, s.root, g):
                                    continue  # "in a village near the border with X"
                                if (route or border or h in objects or h in doers) and (
                                    s.label_ == "Country"
                                ):
                                    if h in objects and c.lower_ in loc_preps and s.root == g:
                                        # "in Nigeria", not "in Ukraine's third city"
                                        wider.append(s.kb_id_)
                                    continue
                                # "on Kaiga island": a place one is on
                                surface = g.lower_ in r.pack.optional_words("surface_place_nouns")
                                # "dropped guided bombs (KAB) on X city": where they struck
                                struck = (
                                    h in objects
                                    and h.lemma_.lower() in r.words("weapon_nouns")
                                    and c.lower_ in r.words("surface_preps")
                                )
                                if (
                                    struck
                                    or c.lower_ in loc_preps
                                    or went
                                    or around
                                    or route
                                    or surface
                                    or _named_site(r, s) == "way"
                                ):
                                    m.add("location", s.kb_id_)
                            if h in aimed and c.lower_ in loc_preps:
                                # (and the divisions the monitors list after it: "clashed
                                # with the army near Boni (Douentza, Mopti)")
                                for k in _listed_after(r, g, from_head=True):
                                    if k in r.entity_types and r.entity_types[k] != "Country":
                                        m.add("location", k)

    wider: list[str] = []  # countries named in the objects' place phrases
    reference: list[str] = []  # the places a direction is taken from
    read(holders + doers)
    locs = m.roles.get("location", [])
    if reference and set(locs) - set(reference):
        m.roles["location"] = [k for k in locs if k not in reference] + [
            k for k in locs if k in reference
        ]
    if moments and not any(
        s.label_ not in ("AdminRegion", "Country")
        for s in r.ent_of.values()
        if s.kb_id_ in m.roles.get("location", [])
    ):
        # where the moment's clause puts it, when the rest names no town ("... as they left
        # a mosque in X district, Y province": not "shot dead a cleric in Peshawar as he
        # returned from Quetta")
        read(moments)
    if "location" not in m.roles and tok.pos_ in _VERB:
        # "arrived in the village of X and opened fire": the place of the verb it is
        # coordinated with, when that verb tells no event of its own
        went = _motion_head(tok, triggers or set())
        read(went, moved=True)
        for c in (c for h in went for c in h.children if c.dep_ == "dobj"):
            if "location" not in m.roles:
                _object_places(r, m, c)  # "reached the village of X and attacked a base"
    # "killed five people in Nigeria": no closer place said (but not for forces named by no
    # state when the sentence names another state, whose forces they may be: "Egypt's
    # ministry said soldiers killed smugglers in Libya")
    if wider and "location" not in m.roles and m.violent:
        bare_forces = any(
            group_kind(k) in r.words("state_doer_kinds") and "@" not in k
            for k in m.roles.get("perpetrator", []) + m.roles.get("agent", [])
        )
        states = {
            r.ent_of[t.i].kb_id_
            for t in m.sent
            if t.i in r.ent_of and r.ent_of[t.i].label_ == "Country"
        }
        if not (bare_forces and states - set(wider)):
            for k in wider:
                m.add("location", k)
    _bracket_owner(r, m)
    _closer_place(r, m)
    _parts_first(r, m)
    if "location" in m.roles or tok.pos_ in _NOUN:
        return
    # its own clause: not the clauses coordinated with it that tell other events (a roundup:
    # "killed 11 near Djibo, shot dead six outside Arbinda and detonated ... near Dori")
    # (not where people were taken to: "the hostages were taken to a camp in X")
    transfers = r.pack.optional_words("transfer_verbs")
    moved = tok.lemma_.lower() in transfers
    whither = r.pack.optional_words("destination_preps") if moved else frozenset()
    if moved and any(c.dep_ == "auxpass" for c in tok.children):
        whither |= r.pack.optional_words("path_preps")
    for i in sorted(clause_scope(tok, triggers or set())):
        t = tok.doc[i]
        if t.i not in r.ent_of and m.sent.start <= t.i < m.sent.end and is_loc_use(t, r.pack):
            for s in places(_filed_here(r, t)):
                m.add("location", s.kb_id_)  # "... at supporters in this central town"
        if t.i not in r.ent_of or not m.sent.start <= t.i < m.sent.end:
            continue
        if any(a.dep_ == "prep" and a.lower_ in whither and a.head.i == tok.i for a in t.ancestors):
            continue
        verb = next((a for a in t.ancestors if a.pos_ in _VERB), None)
        if verb is not None and verb.i != tok.i and verb.lemma_.lower() in transfers:
            continue  # "were wounded and taken to hospital in X": where they were taken
        s = r.ent_of[t.i]
        if places([s]) and s.label_ != "Country" and is_loc_use(t, r.pack):
            m.add("location", s.kb_id_)
    if "location" in m.roles:
        return
    # "detonated a bomb as a convoy passed through X": a clause of circumstance that tells
    # no event of its own says where
    for c in tok.children:
        if c.dep_ != "advcl" or (triggers and c.i in triggers):
            continue
        if not any(g.dep_ == "mark" and g.lower_ in r.words("while_marks") for g in c.children):
            continue
        for t in c.subtree:
            held = r.ent_of.get(t.i)
            if held is None or not places([held]) or held.label_ == "Country":
                continue
            if is_loc_use(t, r.pack):
                m.add("location", held.kb_id_)
    # (violence, or a crowd's deed: "residents of Umlazi looted shops")
    crowd = bool(classes.behaviour(m.cls, "civilian_doers_as"))
    if "location" in m.roles or not (m.violent or crowd):
        return
    # "The mayor of X was shot dead outside his home": where the people it befell (or who
    # did it) are of, when nothing else says where
    for c in tok.children:
        # (or where those who did it are of: "hundreds of residents of the city of Gabes
        # clashed with police")
        if c.dep_ == "nsubj" and not _people_of_a_place(r, c):
            c = next((g for g in prep_objects(c, r.words("of_preps"))), c)
        if c.dep_ not in ("nsubjpass", "dobj", "nsubj", "pobj") or not _people_of_a_place(r, c):
            continue
        for g in prep_objects(c, r.words("of_preps")):
            for s in places(entities_in(g, r.ent_of)):
                if s.label_ != "Country":
                    m.add("location", s.kb_id_)


def _filed_here(r: Reading, noun: Token) -> list[Span]:
    """``in this central town`` after the dateline ``MASAKA, Uganda,``: the places the
    dispatch was filed from (countries left out), when ``noun`` is a word for a town its
    determiner points at (``proximal_determiners``); none otherwise."""
    if noun.lower_ not in r.words("division_words") or not any(
        c.dep_ == "det" and c.lower_ in r.words("proximal_determiners") for c in noun.children
    ):
        return []
    return [s for s in r.doc.spans.get(DATELINE_KEY, []) if s.label_ != "Country"]


def _one_person(r: Reading, noun: Token) -> bool:
    """Whether ``noun`` names one person by what they are ("the mayor", "a witness": the
    pack's ``official_titles`` and ``single_person_nouns``)."""
    return noun.lower_ in r.pack.optional_words("official_titles", "single_person_nouns")


def _people_of_a_place(r: Reading, noun: Token) -> bool:
    """Whether ``noun`` names people by a place they hold office in or live in ("the mayor
    of X", "residents of X": :func:`_one_person`, or a word of the pack's ``group_nouns``)."""
    return _one_person(r, noun) or noun.lower_ in r.pack.table("group_nouns")


def _spots_on_routes(r: Reading, m: Mention) -> None:
    """:func:`_spot_on_route` for each road of the sentence whose name is among the event's
    places."""
    locs = set(m.roles.get("location", []))
    if not locs:
        return
    routes = r.words("route_nouns")
    for t in m.sent:
        if t.lemma_.lower() not in routes:
            continue
        named = {r.ent_of[c.i].kb_id_ for c in t.subtree if c.i < t.i and c.i in r.ent_of}
        if named & locs:
            _spot_on_route(r, m, t)


def _spot_on_route(r: Reading, m: Mention, route: Token) -> None:
    """``on the Kaduna-Abuja highway near Katari``: the place a phrase on the road puts the
    event near or at is closer than the road and the towns it joins, and is listed first."""
    spots = [
        s.kb_id_
        for c in route.children
        if c.dep_ == "prep"
        and c.lower_ in r.words("location_preps")
        and c.lower_ not in r.words("origin_preps")
        for g in c.children
        if g.dep_ == "pobj"
        for s in places(entities_in(g, r.ent_of))
        if s.label_ not in ("Country", "AdminRegion")  # (not "in Kunduz province": wider)
    ]
    if spots:
        rest = [k for k in m.roles.get("location", []) if k not in spots]
        m.roles["location"] = [*dict.fromkeys(spots), *rest]


def _closer_place(r: Reading, m: Mention) -> None:
    """The one place the sentence (or the gazetteer) puts inside the event's place, in a
    place phrase the parser hung elsewhere ("ambushed by rebels near Tekalguda village in
    Sukma district": Tekalguda, inside Sukma), is where it happened, listed first."""
    locs = m.roles.get("location", [])
    if not locs:
        return
    relations = r.doc._.ckg_relations or []
    inside = {a for a, prop, b in relations if prop == "locatedIn" and b in locs}
    # (or where the gazetteer puts it: "damaged homes under construction in Lecci,
    # Corse-du-Sud department", the department parsed as the object)
    gaz = Gazetteer.load()
    named = {s.kb_id_ for s in r.ent_of.values()} - set(locs)
    inside |= {k for k in named if k in gaz and set(gaz.ancestors(k)) & set(locs)}
    found = {
        r.ent_of[t.i].kb_id_
        for t in m.sent
        if t.i in r.ent_of
        and r.ent_of[t.i].kb_id_ in inside - set(locs)
        and r.ent_of[t.i].label_ == "Settlement"  # a town, not a site nor a guessed name
        and is_loc_use(t, r.pack)
    }
    if len(found) == 1:
        m.roles["location"] = [*found, *locs]
    # a place listed first that another of the event's places lies in gives way to the
    # first of those that lies in none of them ("a mine at La Rinconada in the district of
    # Ananea": La Rinconada, then Ananea)
    locs = m.roles["location"]
    containers = {b for a, prop, b in relations if prop == "locatedIn" and a in locs}
    containers |= {a for k in locs if k in gaz for a in gaz.ancestors(k)}
    inner = [k for k in locs if k not in containers]
    if locs[0] in containers and inner:
        m.roles["location"] = [inner[0], *(k for k in locs if k != inner[0])]


def _bracket_owner(r: Reading, m: Mention) -> None:
    """A place read from the monitors' bracket, "X (Y, Z)", stands for X, the place the
    bracket holds: X is put first ("attacked Pont-Sonde (Saint-Marc, Artibonite)", parsed
    with Saint-Marc as the object)."""
    doc = m.sent.doc
    for k in list(m.roles.get("location", [])):
        for t in m.sent:
            s = r.ent_of.get(t.i)
            if s is None or s.kb_id_ != k or t.i != s.start or s.start < 2:
                continue
            if doc[s.start - 1].text != "(":
                continue
            owner = r.ent_of.get(s.start - 2)
            if owner is None and doc[s.start - 2].lemma_.lower() in r.pack.optional_words(
                "division_words"
            ):
                owner = r.ent_of.get(s.start - 3)  # "Kostiantynivka city (Kramatorsk, ...)"
            if owner is not None and places([owner]) and owner.label_ != "Country":
                locs = m.roles["location"]
                if owner.kb_id_ in locs:
                    locs.remove(owner.kb_id_)
                locs.insert(0, owner.kb_id_)
            break


def _parts_first(r: Reading, m: Mention) -> None:
    """The places named after one of ``named_part_nouns`` and ``of`` first among the
    event's ("the Paris suburb of Nanterre": Nanterre, then Paris): the part named is where
    it happened, the place before the word says what it is by."""
    locs = m.roles.get("location", [])
    if len(locs) < 2:
        return
    words = r.pack.optional_words("named_part_nouns")
    parts = set()
    for t in m.sent:
        s = r.ent_of.get(t.i)
        if s is None or t.i != s.root.i or s.kb_id_ not in locs:
            continue
        of = t.head
        if (
            t.dep_ == "pobj"
            and of.lower_ in r.words("of_preps")
            and of.head.lemma_.lower() in words
        ):
            parts.add(s.kb_id_)
    m.roles["location"] = sorted(locs, key=lambda k: k not in parts)


def _motion_head(tok: Token, triggers: set[int]) -> list[Token]:
    """The verb a verb trigger is coordinated with and shares its subject with, when that
    verb is no trigger ("the attackers arrived in X and opened fire"): ``[verb]`` or ``[]``."""
    head = tok.head
    if tok.dep_ != "conj" or head.pos_ not in _VERB or head.i in triggers:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return []  # a subject of its own: another clause
    return [head]


def _named_places(r: Reading, phrase: Token) -> list[Span]:
    """The places a word for a place names in apposition ("Burundi's largest city,
    Bujumbura", "the capital, Mogadishu"): the place itself, where ``entities_in`` keeps
    only the places that qualify it."""
    words = r.words("territory_nouns", "capital_nouns")
    return [
        r.ent_of[a.i]
        for t in phrase.subtree
        if t.lemma_.lower() in words
        and t.i not in r.ent_of
        # (not a word its own name qualifies, the monitors' bracket after it: "Kostiantynivka
        # city (Kramatorsk, Donetsk)" is Kostiantynivka)
        and not any(c.dep_ == "compound" and c.i in r.ent_of for c in t.children)
        for a in t.children
        if a.dep_ == "appos" and a.i in r.ent_of
    ]


def _coordinated_places(r: Reading, phrase: Token) -> list[Span]:
    """The places coordinated with the place a place phrase names ("in Kunduz and
    Baghlan", "in Zamfara and Katsina states"): the event happened in each, where
    ``entities_in`` leaves coordinated places out (they are not the people of a phrase)."""
    heads = [phrase, *(c for c in phrase.children if c.dep_ in ("compound", "nmod"))]
    return [
        r.ent_of[c.i]
        for h in heads
        if h.i in r.ent_of and places([r.ent_of[h.i]])
        for c in h.conjuncts
        # a town, a division or a street, not a name only guessed to be a place ("detained
        # Fatima in Kano and Aisha in Zaria")
        if c.i in r.ent_of
        and (
            r.ent_of[c.i].label_ in ("Settlement", "AdminRegion")
            or _named_site(r, r.ent_of[c.i]) == "way"
            # a name read as a place for being listed with one, with no place phrase of its
            # own after it ("in Kano and Aisha in Zaria": Aisha is one of the people)
            or (r.ent_of[c.i].label_ == "Place" and not _placed_after(r, r.ent_of[c.i]))
        )
    ]


def _placed_after(r: Reading, s: Span) -> bool:
    """Whether a preposition of place follows the name ``s`` ("Aisha *in* Zaria")."""
    doc = s.doc
    return s.end < len(doc) and doc[s.end].lower_ in r.words("location_preps")


def _named_site(r: Reading, s: Span) -> str | None:
    """What a named site is (:func:`~kg.extract.entities.site_name_kind`): ``"way"`` for a
    street or square ("Oxford Street"), ``"facility"`` for a building ("the Serena Hotel")."""
    return site_name_kind([t.lower_ for t in s], r.pack) if s.label_ == "Site" else None


def _only_a_count(tok: Token, r: Reading) -> bool:
    """Whether the date entity ``tok`` is in is made of count words only ("between 10 and
    15"), no day, month or year."""
    words = _entity_around(tok)
    return all(count_word(w, r.pack) for w in words) and not any(YEAR.match(w.text) for w in words)


def _entity_around(tok: Token) -> Span:
    """The model's entity ``tok`` is in (``tok`` alone when it begins one)."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def date_text(tok: Token) -> str:
    """The date expression ``tok`` is part of (its entity, else its phrase); a time of day
    with the day the model tagged apart before it is the two ("Friday morning")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        span = _entity_around(tok)
        before = span.start - 1
        if (
            tok.ent_type_ == "TIME"
            and before >= 0
            and tok.doc[before].ent_type_ == "DATE"
            and tok.doc[before].head.i in range(span.start, span.end)
        ):
            return _entity_around(tok.doc[before]).text + " " + span.text
        return span.text
    return " ".join(t.text for t in tok.subtree)


def clause_year(r: Reading, m: Mention, speech: frozenset[int] = frozenset()) -> None:
    """An event told with no date of its own that a date with a year in its own clause (or
    a noun's own phrase) dates, however the parser hung it ("The ADF killed 42 people, most
    of them students, at a school in June 2023", the date parsed under "students"): that
    date, so that an earlier event told in the background is never the story's."""
    tok = m.trigger
    if m.dates or m.year or m.speech:
        return
    preps = r.words("date_preps")
    # (a noun's own phrase: "blamed for the killing of 42 people at a school in June 2023")
    scope = (
        {t.i for t in tok.subtree}
        if tok.pos_ in _NOUN
        else clause_scope(tok, set(r.by_tok), speech)
    )
    for i in sorted(scope):
        t = tok.doc[i]
        if t.ent_type_ != "DATE" or not YEAR.match(t.text) or not m.sent.start <= i < m.sent.end:
            continue
        # the date of a phrase of time ("in June 2023"), hung on nouns only on its way up
        # to the verb: not a year that qualifies a thing ("a bank opened in 2019", "the 2018
        # drive", "since 2021", the monitors' "(2015-2023)")
        phrase = _entity_around(t).root
        prep = phrase.head
        if phrase.dep_ != "pobj" or prep.lower_ not in preps:
            continue
        # (up to the verb, or the clause a participle tells what it did: "In December
        # 2016, a man drove a truck into a market, killing 12")
        anchors = [tok]
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.head.i not in r.by_tok:
            anchors.append(tok.head)
        ups = list(prep.ancestors)
        for anchor in anchors:
            if anchor in ups and all(
                a.pos_ in ("NOUN", "PROPN", "ADP", "NUM") for a in ups[: ups.index(anchor)]
            ):
                m.dates.append(date_text(t))
                return


def _copula(r: Reading, tok: Token) -> list[Token]:
    """The copula a noun trigger is the subject or complement of (``the attack was at a
    cafe on Friday``: the phrases hang on "was"), else nothing."""
    if tok.pos_ in _NOUN and tok.dep_ in ("nsubj", "attr"):
        if tok.head.lemma_.lower() in r.words("copula_lemmas"):
            return [tok.head]
    return []


def _said_on(r: Reading, verb: Token, phrase: Token) -> bool:
    """Whether a phrase the parser hung on a clause said is the saying's, written between
    the verb of saying and the clause's subject ("rebels said on Monday they had attacked
    a post": the day they said it)."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i < phrase.i < verb.i
        and bool(subjects)
        and phrase.i < min(subjects)
        and head.lemma_.lower() in r.words("saying_verbs")
    )


def dates(r: Reading, m: Mention, tok: Token) -> None:
    """Date expressions attached to the trigger: ``on Friday``, ``Wednesday's``, ``in 2017``;
    for a noun that a copula equates, also those of the copula; for the dead, the day they
    were found (``discovery_verbs``: ``found_on``, a day no later than their death's)."""
    days = r.words("relative_day_words")
    lenders = _copula(r, tok) + _occurrence(r, tok)
    under = under_verb(tok, r.pack) if tok.pos_ in _NOUN else None
    if under is not None:
        lenders.append(under)  # "a convoy came under fire on Monday"
    if (
        tok.pos_ in _NOUN
        and tok.dep_ in ("nsubjpass", "dobj")
        and tok.lemma_.lower() in r.words("death_nouns")
        and tok.head.lemma_.lower() in r.pack.optional_words("discovery_verbs")
    ):
        # "The bodies were found on Sunday": they died that day or before (and a note's
        # leading date, "03/07/2025: The body of X was found", dates it)
        start, doc = tok.sent.start, tok.doc
        sent = tok.sent

        # (a day written in figures, "03/07/2025:", not a year alone)
        def figured(t: Token) -> bool:
            dated = t.ent_type_ == "DATE" or numeric_date(t.text)  # (the model may miss it)
            return dated and not YEAR.fullmatch(t.text)

        led = (start >= 2 and doc[start - 1].text == ":" and figured(doc[start - 2])) or (
            len(sent) > 2 and figured(sent[0]) and sent[1].text == ":"
        )
        m.asserted = m.asserted or led
        found = [
            g
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ in r.words("date_preps")
            for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ == "DATE"
        ] + [c for c in tok.head.children if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"]
        if found:
            m.found_on = date_text(found[0])
    near = [*tok.children, *(c for h in lenders for c in h.children if c.dep_ in _DATE_DEPS)]
    # "overran the position on Sunday": a day the parser hung on the verb's object, after it
    # (or on the place it happened at: "killed five at their home ... late on Saturday")
    held = [
        g
        for p in (tok.children if tok.pos_ in _VERB else [])
        if p.dep_ == "prep" and p.lower_ in r.words("location_preps")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # (and the object of a verb joined to it that has no subject of its own: "looted and
    # torched shops ... on Tuesday night")
    shared = [
        g
        for v in (tok.children if tok.pos_ in _VERB else [])
        if v.dep_ == "conj" and v.pos_ in _VERB and not any(d.dep_ == "nsubj" for d in v.children)
        for g in v.children
        if g.dep_ == "dobj" and not any(o.dep_ == "dobj" for o in tok.children)
    ]
    near += [
        c
        for o in [*(tok.children if tok.pos_ in _VERB else []), *held, *shared]
        if o.dep_ == "dobj" or o in held
        # ("... at their home late on Saturday": the day on the adverb the parser hung there)
        for c in [
            *o.children,
            *(g for a in o.children if a.dep_ == "advmod" and o in held for g in a.children),
            # ("torched shops owned by foreigners on Tuesday night": the day the parser hung
            # on the participle that says whose they were, no event of its own; a named day,
            # not a year: "a school built in 2015")
            # (or on a relative clause about them: "protesters who tried to storm the office
            # in Janakpur on Friday")
            *(
                g
                for a in [
                    *o.children,
                    *(x for p in prep_objects(o, r.words("of_preps")) for x in p.children),
                ]
                if (a.dep_ == "acl" and a.tag_ == "VBN") or a.dep_ == "relcl"
                if a.i not in r.by_tok
                for g in [
                    *a.children,
                    *(d for x in a.children if x.dep_ == "xcomp" for d in x.children),
                ]
                if any(date_word(w) for w in g.subtree)
            ),
        ]
        if c.dep_ == "prep"
        and c.i > o.i
        and c.lower_ in r.words("date_preps")
        # (a day, or a day's time the model calls a time: "on Tuesday night")
        and any(
            g.dep_ == "pobj" and (g.ent_type_ == "DATE" or any(date_word(w) for w in g.subtree))
            for g in c.children
        )
    ]
    # "early on Sunday", "late on Monday": the day phrase on an adverb of the time of day
    near += [
        g
        for h in (tok, *lenders)
        for c in h.children
        if c.dep_ == "advmod"
        for g in c.children
        if g.dep_ == "prep" and g.lower_ in r.words("date_preps")
    ]
    for c in near:
        if c.ent_type_ == "DATE" and _only_a_count(c, r):
            continue  # "Between 10 and 15 soldiers were killed": the tagger's DATE is a count
        if _said_on(r, tok, c):
            continue  # "rebels said on Monday they had attacked": when they said it
        if (
            c.dep_ == "npadvmod"
            and c.head.i == tok.i
            and (phrase := " ".join(t.lower_ for t in c.subtree))
            in r.pack.optional_table("anaphoric_days")
        ):
            # "retook the town the following day", "killed 12 militants the day before" (of
            # which the model tags "the day" at most), on the event's own verb ("was found
            # shot dead the next morning": when the body was found)
            m.dates.append(phrase)
        elif c.ent_type_ == "DATE" or c.lower_ in days:
            m.dates.append(date_text(c))
        elif c.dep_ == "prep" and c.lower_ in r.words("date_preps"):
            for g in c.children:
                # (or a time of a named day: "on Monday night", "on Saturday evening", whose
                # day the model may tag apart from its time)
                day = [t for t in g.subtree if t.ent_type_ == "DATE" and t.pos_ == "PROPN"]
                dayly = g.ent_type_ == "TIME" and (
                    bool(day) or any(t.pos_ == "PROPN" for t in _entity_around(g))
                )
                if g.dep_ == "pobj" and (g.ent_type_ == "DATE" or dayly or YEAR.match(g.text)):
                    m.dates.append(date_text(day[0]) if dayly and day else date_text(g))
                    if tok.pos_ in _NOUN and c.head.i == tok.i:
                        # (the noun's own "on Friday", not a clause's that says it happened)
                        m.pp_dates.append(m.dates[-1])
        elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            m.dates.append(date_text(c))
        elif c.dep_ == "nummod" and YEAR.match(c.text):
            m.year = c.text
        elif c.dep_ == "poss" and c.ent_type_ == "DATE":
            m.dates.append(c.text)
            m.definite = True


# ---------------------------------------------------------------- verbs


#: Roles that say who did it: a news outlet never takes them ("MANILA (Reuters) - Suspected
#: Abu Sayyaf gunmen abducted ...": Reuters reports, it is no suspect).
DOER_ROLES = frozenset(
    {"perpetrator", "agent", "suspectedPerpetrator", "allegedPerpetrator", "claimedBy"}
)


def phrase_actors(r: Reading, tok: Token) -> list[Span]:
    """The actors the phrase ``tok`` heads, or the people it counts ("thousands of
    protesters marched", "two of the attackers were killed": the people counted)."""
    found = actors(head_entities(r, tok))
    if not found and (
        tok.lower_ in r.words("count_nouns", "collective_people_nouns") or tok.pos_ == "NUM"
    ):
        of = prep_objects(tok, r.words("of_preps"))
        found = [s for g in of for s in actors(head_entities(r, g))]
    return found


def _add_actors(r: Reading, m: Mention, role: str | None, tok: Token) -> None:
    """The actors the phrase ``tok`` heads, in ``role`` (none when the class gives the
    phrase no role: ``behaviour`` null)."""
    if not role:
        return
    for s in phrase_actors(r, tok):
        if s.label_ == "MediaOutlet" and role in DOER_ROLES:
            continue
        m.add(role, s.kb_id_)


def _sum_accompanied(r: Reading, m: Mention, tok: Token) -> None:
    """``detained the facilitator along with several of his associates``: both counted."""
    kind = "arrested" if classes.behaviour(m.cls, "victims_count") == "arrested" else "fatalities"
    for c in tok.children:
        if not (
            c.dep_ == "prep"
            and c.lower_ in r.words("accompaniment_verb_preps")
            and getattr(m, kind) is not None
        ):
            continue
        for g in c.subtree:
            if g.dep_ == "pobj" and g.head.lower_ in r.words("accompaniment_heads"):
                q2 = count_on(g, r.pack)
                q1 = getattr(m, kind)
                if q2 and q2.best and q1 is not None and q1.best is not None:
                    setattr(m, kind, add_counts(q1, q2))
                    # ("killing four soldiers along with himself": the bomber, counted here)
                    m.self_counted = m.self_counted or g.lower_ in r.words("reflexive_pronouns")
                break


def _blamed_on(r: Reading, tok: Token, prep: Token) -> bool:
    """Whether ``prep`` on an event noun names whom the verb it is the object of holds
    responsible ("blamed the attack on X": X did it, no target; in "blamed the attack on a
    checkpoint on X" the last one)."""
    if any(
        c.dep_ == "prep" and c.lower_ == prep.lower_ and c.i > prep.i
        for c in [*tok.subtree, *tok.head.children]
    ):
        return False
    return any(g.dep_ == "pobj" and _held_responsible(r, g) for g in prep.children)


def _nationality_only(r: Reading, tok: Token) -> str | None:
    """The country a person of no kind the pack names is told to be of ("a French
    instructor", "two Chinese engineers"): its key, or ``None``."""
    own = r.ent_of.get(tok.i)
    if own is not None and own.root.i == tok.i and own.label_ in ("Country", "State"):
        # "a 17-year-old Palestinian was shot", "two Afghans were killed": people of that
        # country, a demonym counted or set after an article (not "Israel struck")
        counted = any(
            (c.dep_ == "det" and c.lower_ in r.words("indefinite_articles")) or c.dep_ == "nummod"
            for c in tok.children
        )
        return own.kb_id_ if counted and tok.ent_type_ == "NORP" else None
    if tok.pos_ != "NOUN":
        return None
    country = _demonym_only(r, tok)
    return country if country is not None and _no_kind(r, tok) else None


def _drop_role(m: Mention, roles: tuple[str, ...], key: str) -> None:
    """Take ``key`` out of ``roles`` of ``m`` (a role left empty goes)."""
    for role in roles:
        if key in m.roles.get(role, []):
            m.roles[role].remove(key)
            if not m.roles[role]:
                del m.roles[role]


def _demonym_only(r: Reading, tok: Token) -> str | None:
    """The country whose people's word (or name) qualifies a common noun and is all that
    names it ("a French instructor", "a New Zealand pilot"): its key, or ``None``."""
    if tok.i in r.ent_of:
        return None
    named = head_entities(r, tok)
    if len(named) != 1 or named[0].label_ not in ("Country", "State"):
        return None
    # (the parser may take the demonym for a name's part: "a Ugandan guide", compound)
    root = named[0].root
    return named[0].kb_id_ if root.dep_ in ("amod", "compound") and root.head.i == tok.i else None


def _unnamed_person(r: Reading, tok: Token) -> bool:
    """Whether the object of a verb that takes people ("abducted a school principal") is a
    person of no kind the pack names: a common noun no entity covers, no role, force, vehicle
    or word of harm."""
    if tok.pos_ != "NOUN" or tok.i in r.ent_of or head_entities(r, tok):
        return False
    return _no_kind(r, tok)


def _no_kind(r: Reading, tok: Token) -> bool:
    """Whether a noun names people of no kind the pack knows: no role, member, force,
    actor head, rank, animal, vehicle or word of harm, and no force names it ("a police
    inspector")."""
    kinds = r.pack.table("group_nouns")
    if any(
        c.dep_ in ("compound", "amod") and kinds.get(c.lower_) in ("police", "military", "armed")
        for c in tok.children
    ):
        return False
    words = r.words(
        "role_nouns", "member_nouns", "force_nouns", "generic_actor_heads", "vehicle_nouns"
    ) | r.words("death_nouns", "injury_nouns", "rank_nouns", "animal_nouns")
    return tok.lemma_.lower() not in words and tok.lower_ not in words


def _absolute_noun(r: Reading, tok: Token) -> Token | None:
    """The noun of an absolute phrase a participle with no subject of its own ends, which
    the parser hung on the clause's verb ("six were killed with two others injured": the
    others), or ``None``."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.dep_ == "conj":
        # "with two civilians and a driver injured": the parser hung it on the last one;
        # a participle with words of its own is the last one's ("with his wife and two
        # children kidnapped last year")
        if tok.n_lefts or tok.n_rights:
            return None
        first = tok.head
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ in r.words("absolute_preps"):
            return first
        return None
    if tok.tag_ != "VBN" or tok.dep_ not in ("advcl", "conj") or tok.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return None
    for g in [tok.doc[tok.i - 1], *tok.doc[tok.i - 1].ancestors]:
        if g.right_edge.i != tok.i - 1 or g.i == tok.head.i:
            return None
        if (
            g.dep_ == "pobj"
            and g.head.lower_ in r.words("absolute_preps")
            and not g.head.is_ancestor(tok)
            and tok.head.is_ancestor(g)
        ):
            return g
    return None


def _trailing_list(obj: Token, pack: LanguagePack) -> list[Token]:
    """``killing himself, two policemen and a child``: the nouns listed right after an
    object that the parser hung elsewhere (coordinated, before the next verb)."""
    out = []
    doc = obj.doc
    end = max(t.i for t in obj.subtree)
    for t in doc[end + 1 : obj.sent.end]:
        if t.pos_ in _VERB:
            break
        if t.dep_ in ("nsubj", "nsubjpass"):
            break  # "..., police sources said": the teller, not a victim
        counted = any(c.dep_ in ("det", "nummod") for c in t.children)
        if t.dep_ == "conj" and t.pos_ in _NOUN and counted:
            out.append(t)
        # "abducted the chief of X village, Y region, together with his two sons", the
        # parser's "with" hung on a place: the people it adds
        # (not one on the verb, counted with its harm: "killing X along with four soldiers")
        if (
            t.lower_ in pack.words("accompaniment_preps")
            and doc[t.i - 1].lower_ in pack.words("accompaniment_verb_preps")
            and not any(w.head.pos_ in _VERB for w in (t, doc[t.i - 1]))
        ):
            out += [g for g in t.children if g.dep_ == "pobj" and g.pos_ in _NOUN]
    return out


def _headline_passive(r: Reading, tok: Token) -> bool:
    """``5 soldiers killed.``, ``Two civilians wounded in Gao``: a verb of harm with a subject
    but no auxiliary and no object, as notes and headlines write a passive
    (``headline_passive_verbs``); its subject is the victim, not the doer."""
    if tok.lemma_.lower() not in r.words("headline_passive_verbs") or tok.tag_ not in (
        "VBD",
        "VBN",
    ):
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    objectish = ("dobj", "aux", "auxpass", "ccomp", "xcomp", "attr", "dative", "agent")
    # (a clause before a semicolon or a comma the parser hangs on it is none of its objects:
    # "two were killed; 6 others injured", "2 children killed, 4 civilians injured")
    stops = [
        c.i for c in tok.children if c.dep_ == "punct" and c.text in (";", ",") and c.i < tok.i
    ]

    def apart(c: Token) -> bool:
        """A clause set off by a comma or a semicolon: no object ("1 woman killed, 2
        children injured")."""
        if c.i < tok.i:
            # (the comma may hang on the clause before: "2 soldiers killed, 3 injured")
            between = tok.doc[c.i + 1 : tok.i]
            return (bool(stops) and c.i < stops[-1]) or (
                c.dep_ == "ccomp" and any(t.text in (";", ",") for t in between)
            )
        return c.dep_ == "ccomp" and any(t.text in (";", ",") for t in tok.doc[tok.i + 1 : c.i])

    if any(c.dep_ in objectish and not apart(c) for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in r.words("aimed_preps") for c in tok.children):
        return False  # "soldiers shot at protesters": the soldiers shot
    if _range_object(r, tok):
        return False  # "armed men abducted between 12 and 15 traders": its object a range
    if any(
        c.lower_ in r.words("dead_words") and any(g.dep_ == "pobj" for g in c.children)
        for c in tok.children
    ):
        return False  # "sicarios shot dead a councillor", the parser's "dead" a preposition
    # "gunmen killed and wounded ten people": the object is the coordinated verb's
    return not any(
        c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children
    )


def _noted_passive(r: Reading, tok: Token) -> bool:
    """``1 child killed, 4 civilians injured``: a verb of harm in the past tense on the noun
    it follows, with no object (``headline_passive_verbs``): a note's passive, its noun the
    victim."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBD"
        and tok.lemma_.lower() in r.words("headline_passive_verbs")
        and not any(c.dep_ in ("dobj", "nsubj") for c in tok.children)
        # ("X cadres abducted and later killed a former sarpanch": the object they share)
        and not any(
            c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children
        )
        # (nor "armed men abducted between 20 and 25 passengers": a range for its object)
        and not _range_object(r, tok)
    )


def _range_object(r: Reading, tok: Token) -> bool:
    """Whether ``tok``'s object is told as a range the parser hung on it as a preposition
    ("abducted between 20 and 25 passengers", the pack's ``range_words``)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in r.words("range_words")
        and any(g.dep_ == "pobj" and count_on(g, r.pack) for g in c.children)
        for c in tok.children
    )


def shared_subjects(tok: Token) -> list[Token]:
    """The subject a verb shares with the verb it is coordinated with ("gunmen stormed the
    village and burned houses": the gunmen burned them), through a chain of conjuncts; a
    passive one's subject only for a verb with an object of its own ("the group was taken
    aback by the outcry and issued a statement"; "two were arrested and charged" share none);
    through an infinitive, the subject of the verb it completes ("rioters tried to storm the
    airport and clashed with police").
    A finite verb the parser left as a bare ``dep`` after the verb, with no subject of its
    own, is read as such a conjunct ("... by the outcry and on Monday, issued a statement")."""
    verb = tok
    active = any(c.dep_ == "dobj" for c in tok.children)
    for _ in range(4):
        # (or a verb the tagger took for a noun, with a subject: "members of X shot and
        # killed ...")
        if not _coordinated(verb) or (
            verb.head.pos_ not in _VERB
            and not (
                verb.head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.head.children)
            )
        ):
            return []
        verb = verb.head
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        if found:
            return found
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive if active else []
        if verb.dep_ == "xcomp" and verb.head.pos_ in _VERB:
            # "rioters attempted to storm the airport and clashed with police": the
            # subject of the verb the infinitive completes
            return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return []


def _coordinated(verb: Token) -> bool:
    """Whether ``verb`` is coordinated with the word it hangs on: a ``conj``, or a finite
    verb with no subject that the parser set after it, after a comma or a conjunction, as a
    bare ``dep``."""
    if verb.dep_ == "conj":
        return True
    # set off from what it follows by a comma or a conjunction ("Fighters linked to X
    # attacked ...": a participle the parser took for the verb, no coordination)
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return (
        verb.dep_ == "dep"
        and verb.tag_ in _FINITE
        and verb.i > verb.head.i
        and before is not None
        and (before.is_punct or before.dep_ == "cc")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _raised_subjects(r: Reading, tok: Token) -> list[Token]:
    """The passive subject of a verb of reporting that ``tok`` completes (``30 militants were
    reported killed``: ``raising_verbs``), or the object of an outcome it completes
    (``leaving 18 people injured``: ``outcome_verbs``)."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_.lower() in r.words("outcome_verbs"):
        # "leaving 18 people injured": the people the outcome left so
        return [c for c in head.children if c.dep_ == "dobj"]
    if tok.dep_ != "xcomp" or head.lemma_.lower() not in r.words("raising_verbs"):
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"] or _range_subject(r, head)


def _range_subject(r: Reading, verb: Token) -> list[Token]:
    """``Between 10 and 15 VDP were reported killed``, parsed as a phrase of "between": the
    counted noun of a range that opens the clause is the subject the passive lacks."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.i < verb.i and c.lower_ in r.words("range_words")
        for g in c.children
        if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
    ]


def _an_outlet(r: Reading, tok: Token) -> bool:
    """Whether ``tok`` names a news outlet (a dateline's "(Reuters) -")."""
    s = r.ent_of.get(tok.i)
    return s is not None and s.label_ == "MediaOutlet"


def raised_clause(r: Reading, verb: Token) -> Token | None:
    """The raising verb of belief whose subject did ``verb``, in the two ways the parser
    misreads "armed men believed to be members of X shot dead four men": the raising verb at
    the root with ``verb`` hung on it after its infinitive ("believed" the root, "shot" its
    clause), or the raising verb hung before ``verb`` as a clause of its own ("armed men
    presumed to be MPC (Patriotic Movement ...) combatants looted": the gloss's last noun
    read as the subject); ``None`` when ``verb`` is told otherwise (the pack's
    ``raised_stances``)."""
    stances = r.pack.table("raised_stances")
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "xcomp", "conj")
        # (not a passive: "two civilians believed to be X were killed by Y", harmed)
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "cc" for c in head.children if c.i < verb.i)
        and head.dep_ == "ROOT"
        and head.lemma_.lower() in stances
        and any(c.dep_ == "xcomp" and c.i < verb.i for c in head.children)
        and any(c.dep_ == "nsubj" for c in head.children)
    ):
        return head
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.i < verb.i
            and c.lemma_.lower() in stances
            and any(g.dep_ == "xcomp" for g in c.children)
            and any(g.dep_ == "nsubj" for g in c.children)
        ),
        None,
    )


def _riders_misread(r: Reading, verb: Token) -> list[Token]:
    """``Two men on a motorcycle fired at him``, which the parser reads as "two men on [a
    motorcycle fired at him]": the people a vehicle carried (``vehicle_nouns``) did what
    the verb hung on the vehicle tells; no vehicle fires."""
    vehicle = verb.head
    if not (
        verb.dep_ == "acl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)
        and vehicle.lemma_.lower() in r.pack.optional_words("vehicle_nouns")
        and vehicle.dep_ == "pobj"
        and vehicle.head.dep_ == "prep"
    ):
        return []
    people = vehicle.head.head
    return [people] if people.pos_ in _NOUN and people.i < vehicle.i else []


def _found_state_subject(r: Reading, verb: Token) -> list[Token]:
    """``One of the catechists was found shot dead``: the people a passive verb of finding
    (``death_state_verbs``) puts in the state its participle tells are whom it befell."""
    head = verb.head
    if not (
        verb.dep_ in ("xcomp", "oprd")
        and verb.tag_ == "VBN"
        and head.lemma_.lower() in r.words("death_state_verbs")
        # (not a perfect infinitive's doers: "are reported to have killed four farmers")
        and not any(c.dep_ in ("aux", "mark") for c in verb.children)
    ):
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"]


def raised_passive_subject(r: Reading, verb: Token) -> list[Token]:
    """``Two men believed to be informants were killed``, which the parser reads as "two men
    believed [to be informants [were killed]]": the passive hung on the raised clause's
    noun, whose people are the raising verb's subject (the pack's ``raised_stances``)."""
    stances = r.pack.table("raised_stances")
    if (
        verb.dep_ in ("ccomp", "conj")
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.head.lemma_.lower() in stances
        and any(c.dep_ == "xcomp" and c.i < verb.i for c in verb.head.children)
    ):
        # (or the passive hung on the raising verb after its infinitive, or joined to it:
        # "three men presumed to be spies [and] were executed")
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    noun = verb.head
    be = noun.head
    raising = be.head
    if not (
        verb.dep_ in ("acl", "relcl")
        and any(c.dep_ == "auxpass" for c in verb.children)
        and noun.dep_ == "attr"
        and be.dep_ == "xcomp"
        and raising.lemma_.lower() in stances
    ):
        return []
    return [c for c in raising.children if c.dep_ == "nsubj"]


def raised_subject_misread(r: Reading, raising: Token) -> bool:
    """Whether ``raising`` is the raising verb :func:`raised_clause` finds for the verb it
    hangs on or one hung on it: its subject are the doers, not tellers."""
    return any(
        (found := raised_clause(r, v)) is not None and found.i == raising.i
        for v in [*raising.children, raising.head]
    )


def _armed_holder(tok: Token) -> Token:
    """The noun a participle hangs on, through the participles with a preposition the parser
    put between ("fighters armed with rifles killed 26 people", read as "rifles killed":
    the fighters); else the participle's head."""
    h = tok.head
    if tok.dep_ != "acl":
        return h
    for _ in range(3):
        if not (h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.dep_ == "acl"):
            break
        h = h.head.head.head
    return h


def verb_args(r: Reading, m: Mention) -> None:
    """Arguments of a verb trigger: subject, ``by`` phrase, object, ``on/against`` phrases,
    counts on the victims, places and dates; and the event a verb elaborates (``a car bombing
    killed five``, ``bombings that killed 100``)."""
    tok = m.trigger
    # "200 teachers protested in X", misparsed as a reduced relative: people are never
    # protested (but "a man lynched by a mob" is a passive)
    # (nor "youths clashed with police": clashes are never passive)
    crowd = (
        bool(classes.behaviour(m.cls, "civilian_doers_as"))
        or tok.lemma_.lower() in r.words("never_passive_verbs")
    ) and not any(c.dep_ == "agent" for c in tok.children)
    riders = _riders_misread(r, tok)
    holder = _armed_holder(tok)
    passive = (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        or (
            tok.dep_ == "acl"
            and tok.tag_ == "VBN"
            and not crowd
            and not riders
            # ("bandits abducted 40 villagers", the noun the parser's root: no passive; nor
            # "rebels killed between 14 and 17 villagers", the count a range)
            and not (
                holder.dep_ == "ROOT"
                and (any(c.dep_ == "dobj" for c in tok.children) or _range_object(r, tok))
            )
        )
        # "two were killed and several others detained": a participle with a bare subject
        or (
            tok.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "dobj") for c in tok.children)
            and tok.dep_ == "conj"
        )
        # "a soldier was hit by a rocket and killed", the second tagged as a past tense
        or (
            tok.tag_ == "VBD"
            and tok.dep_ == "conj"
            and any(c.dep_ == "auxpass" for c in tok.head.children)
            and not any(c.dep_ in ("aux", "dobj", "nsubj", "nsubjpass") for c in tok.children)
        )
        or _headline_passive(r, tok)
        or bool(_found_state_subject(r, tok))
    )
    subj_role = classes.behaviour(m.cls, "subject")
    obj_role = classes.behaviour(m.cls, "object")
    opponent = classes.behaviour(m.cls, "opponent_role")
    # ("two residents burned to death": no object, the subject died)
    dying = tok.lemma_.lower() in r.words("dying_verbs") or (
        to_death(tok, r.pack) and not any(c.dep_ == "dobj" for c in tok.children)
    )
    # nouns told as further victims: a second passive subject ("the commander ... and his
    # daughter were killed"), a noun the parser hangs on the verb ("killing himself, two
    # policemen and a child")
    deps = {c.i: _effective_dep(c, tok, passive) for c in tok.children}
    if not passive and not any(d in ("nsubj", "nsubjpass") for d in deps.values()):
        loyal = r.pack.optional_table("loyalty_adjectives")
        part = tok.head
        served: list[Span] = []
        if (
            tok.dep_ in ("dep", "advcl", "conj")
            and part.dep_ == "ROOT"
            and part.lower_ in loyal
            # (not "police linked the bombing to X and arrested two")
            and not any(c.dep_ == "dobj" for c in part.children)
        ):
            # "Fighters linked to IS attacked ...", which the parser reads as "fighters
            # linked to IS" with the verb hung on it (a bare dep, a clause of circumstance
            # or a conjunct): the men, named by whom they serve
            served = [
                s
                for g in prep_objects(part, frozenset({loyal[part.lower_]}))
                for s in actors(head_entities(r, g))
            ]
        for s in served:
            m.add(subj_role, s.kb_id_)
        for p in riders:
            _add_actors(r, m, subj_role, p)  # "two men on a motorcycle fired at him"
        raising = raised_clause(r, tok)
        if raising is not None:
            # "armed men believed to be members of X shot dead four men", which the parser
            # reads as "armed men believed [to be members] [shot dead ...]": the men (armed
            # men only: "men believed to be X looted" are not read as a crowd)
            for c in raising.children:
                armed = r.ent_of.get(c.i)
                if c.dep_ == "nsubj" and armed and armed.kb_id_.startswith(ARMED_GROUP_KEY):
                    _add_actors(r, m, subj_role, c)
        for c in shared_subjects(tok) if not served else []:
            _add_actors(r, m, subj_role, c)  # "the assailants arrived ... and set fire to ..."
        if holder.i != tok.head.i and any(c.dep_ == "dobj" for c in tok.children):
            # "fighters armed with rifles killed 26 people", parsed as the rifles killing:
            # the people armed
            _add_actors(r, m, subj_role, holder)
        if not served and tok.dep_ in ("dep", "advcl") and part.lower_ in loyal:
            for c in part.children:
                if c.dep_ == "nsubj":
                    _add_actors(r, m, subj_role, c)
    if passive and subj_role == "agent" and not any(d == "agent" for d in deps.values()):
        # "police dispersed them and 30 protesters were arrested": who arrested is the
        # subject of the clause it is told with
        head = tok.head if tok.dep_ == "conj" and tok.head.pos_ in _VERB else None
        for c in head.children if head is not None else []:
            if c.dep_ == "nsubj":  # a state's forces, not the crowd they arrested
                for a in actors(head_entities(r, c)):
                    if a.label_ == "StateForce":
                        m.add(subj_role, a.kb_id_)
    objects = [
        c
        for c in tok.children
        if deps[c.i] in ("dobj", "nsubjpass") or (deps[c.i] == "nsubj" and passive)
    ]
    # "Between 10 and 15 VDP were killed", parsed as a phrase of "between"; "a teacher was
    # shot and killed": the passive subject of the verb it is joined to
    ranged = _range_subject(r, tok) if passive and not objects else []
    told = r.by_tok.get(tok.head.i) if tok.dep_ == "conj" else None
    if passive and not objects and not ranged and told is not None and not _done_by_a_thing(r, tok):
        ranged = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        if ranged and told.same_as is None and m.same_as is None and not told.speech:
            # one deed told in two verbs ("were suspected of spying and were executed": a
            # suspicion and a deed)
            m.same_as = told.id
    if passive and not ranged:
        raised = raised_passive_subject(r, tok)
        if raised:
            objects, ranged = [], raised  # (the raised noun is a gloss of the people)
        elif not objects:
            ranged = _found_state_subject(r, tok)
    objects = objects or ranged
    # "4 civilians killed, 6 injured": people the parser hung here with a harm of their own
    own_toll = [c for c in objects if any(g.dep_ == "acl" and g.i in r.by_tok for g in c.children)]
    figures = [c for c in tok.children if c.like_num and c.dep_ in ("nsubj", "npadvmod")]
    if own_toll and (len(own_toll) < len(objects) or figures):
        objects = [c for c in objects if c not in own_toll] or figures
    # a count of other harm the parser hung on the verb is not what it counts ("10
    # fatalities, 5 injured": the 5)
    harm = r.words("death_nouns", "injury_nouns")
    unharmed = [c for c in objects if c.lemma_.lower() not in harm]
    objects = unharmed or objects
    # a second object only when the text coordinates them ("sub - commander" is one noun)
    # (or a number of people "of" someone: "a commander of the PMF and two of his men",
    # parsed as two subjects)
    objects = objects[:1] + [
        c
        for prev, c in itertools.pairwise(objects)
        if (c.pos_ in _NOUN or (c.like_num and prep_objects(c, r.words("of_preps"))))
        and any(t.dep_ == "cc" for t in tok.doc[prev.i + 1 : c.i])
    ]
    # "killed a police chief and two of his bodyguards": a number with its "of" is listed
    listed = [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and (c.pos_ in _NOUN or (c.pos_ == "NUM" and prep_objects(c, r.words("of_preps"))))
        and c.lemma_.lower() not in r.words("vehicle_nouns")  # "and four vehicles set on fire"
        # "six soldiers were killed and two others injured": people of a toll of their own
        and not any(g.dep_ in ("acl", "relcl") and g.i in r.by_tok for g in c.children)
    ]
    if objects and not listed:
        listed = _trailing_list(objects[-1], r.pack)
    # "Between 10 and 15 were killed": the range's other end is no more people
    listed = [c for c in listed if not (c.like_num and opens_a_range(c.head, r.pack))]
    # places the parser coordinated with the victims ("a district official in Kunduz city,
    # Kunduz province, Afghanistan") are not victims
    listed = [
        c
        for c in listed
        if not places([r.ent_of[c.i]] if c.i in r.ent_of else []) and c.lemma_.lower() not in harm
    ]
    if listed and objects:
        for c in listed:
            _add_actors(r, m, obj_role, c)
    counted = False
    for c in ranged:
        _add_actors(r, m, obj_role, c)
        if not counted:
            set_count(r, m, c)
            counted = True
    # violence, and looting or destruction: what buildings they name are hit
    hits_sites = m.violent or bool(classes.behaviour(m.cls, "site_targets"))
    table = r.pack.optional_table("object_target_preps")
    aimed_by_object = {
        p for c in tok.children if c.dep_ == "dobj" for p in table.get(c.lemma_.lower(), [])
    }
    divisions = r.pack.optional_words("division_words")
    for c in tok.children:
        if c in figures and c in objects and not counted:
            set_count(r, m, c)  # "4 civilians killed, 6 injured": the 6
            counted = True
        elif deps[c.i] in ("nsubj",) and not passive and dying:
            _add_actors(r, m, "victim", c)
            set_count(r, m, c)
        elif deps[c.i] in ("nsubj",) and not passive:
            if _address_tail(r, c):
                continue  # "Fighting in Paro, Bhutan killed two": the address, no doer
            if m.speech and raised_subject_misread(r, tok):
                continue  # "armed men believed to be X shot ...": the doers, no tellers
            subj = c
            if (
                m.speech
                and c.lower_ in r.words("relative_words")
                and any(g.dep_ == "nsubj" and g.i != c.i for g in tok.children)
            ):
                continue  # "armed men who residents said belonged to X": the residents say
            if tok.dep_ == "relcl" and c.lower_ in r.words("relative_words"):
                subj = tok.head  # "the coalition, which denied involvement": the coalition
                if subj.dep_ == "appos" and _describes(
                    r.ent_of.get(subj.head.i), r.ent_of.get(subj.i)
                ):
                    subj = subj.head  # "Los Pulpos, a criminal gang that ...": Los Pulpos
            if opponent and not prep_objects(tok, r.words("opponent_preps")):
                _two_sides(r, m, subj, subj_role, opponent)  # "X and Y clashed"
            else:
                _add_actors(r, m, subj_role, subj)
                if m.speech and subj_role and not m.roles.get(subj_role):
                    # "Azerbaijan's defence ministry denied ...": an office the text names
                    # by whose it is speaks for them
                    for g in subj.children:
                        if g.dep_ == "poss":
                            _add_actors(r, m, subj_role, g)
            if m.speech and c.lower_ in r.words("person_pronouns"):
                who = r.person_before(c.i)  # '"...," he said': the person named last
                if who is not None:
                    m.add(subj_role, who)
                    r.person_named_at(c.i, who)
        elif (deps[c.i] in ("nsubjpass",) or (deps[c.i] == "nsubj" and passive)) and (
            c.lemma_.lower() not in harm or not unharmed
        ):
            if c in own_toll and c not in objects:
                continue  # "4 civilians killed, 6 injured": the civilians are the killed
            _add_actors(r, m, obj_role, c)
            _object_places(r, m, c)
            if hits_sites:
                _add_sites(r, m, c)
            other_state = _other_state_figure(r, c, tok)
            if other_state is not None and not counted:
                set_count(r, m, other_state)  # "five people dead and 12 injured": the 12
                counted = True
            if not counted:
                set_count(r, m, c, more=[o for o in objects if o.i != c.i] + listed)
                counted = True
        elif deps[c.i] == "agent":
            for g in c.children:
                _add_actors(r, m, subj_role, g)
        elif deps[c.i] in ("dobj", "attr") and not m.speech:
            _add_actors(r, m, obj_role, c)
            _object_places(r, m, c)
            _carried_people(r, m, c, obj_role)
            _members_held(r, m, c, obj_role)
            if hits_sites:
                _add_sites(r, m, c)
                # "damaged the door and windows of a mosque": the site the parts are of
                for part in (c, *c.conjuncts):
                    _sites_of_part(r, m, part)
            if not counted:
                set_count(r, m, c, more=[o for o in objects if o.i != c.i] + listed)
                counted = True
        elif deps[c.i] == "dobj" and m.speech and tok.lemma_.lower() in r.words("telling_verbs"):
            for s in actors(head_entities(r, c)):
                if s.label_ == "MediaOutlet":
                    m.reported_by.append(s.kb_id_)
        elif deps[c.i] == "prep" and (
            (c.lower_ in r.words("target_preps") and m.violent)
            or (c.lower_ in aimed_by_object and hits_sites)  # "set fire to a school"
        ):
            for g in c.children:
                if g.dep_ == "pobj":
                    _add_actors(r, m, "target", g)
                    _add_sites(r, m, g)
                    _sites_of_part(r, m, g)  # "set fire to the roof of a church"
                    # "dropped bombs on Bilopillia", "fired on Kharkiv": a town struck is where
                    # it happened (a country is no place struck: "fired on Israel")
                    # (and "on Kostiantynivka city": the word for the town its name qualifies)
                    struck_places = [
                        r.ent_of[x.i]
                        for x in (g, *(a for a in g.children if a.dep_ == "compound"))
                        if x.i in r.ent_of and (x is g or g.lemma_.lower() in divisions)
                    ]
                    if c.lower_ in r.words("surface_preps") and struck_places:
                        s = struck_places[0]
                        if places([s]) and s.label_ != "Country":
                            m.add("location", s.kb_id_)
        elif deps[c.i] == "prep" and m.violent and c.lower_ in r.words("site_target_preps"):
            for g in c.children:
                if g.dep_ == "pobj":
                    _add_sites(r, m, g)
                    _sites_of_part(r, m, g)
                    if c.lower_ in r.words("aimed_preps"):
                        _add_actors(r, m, "target", g)  # "shot at protesters"
        elif deps[c.i] == "prep" and m.violent and c.lower_ in r.words("location_preps"):
            for g in c.children:
                if g.dep_ == "pobj":
                    _sites_of_part(r, m, g)
        elif (
            deps[c.i] == "prep"
            and m.violent
            and tok.tag_ == "VBG"
            and c.lower_ in r.words("of_preps")
        ):
            for g in c.children:  # "the shelling of the city of Belgorod": a gerund's object
                if g.dep_ == "pobj":
                    _object_places(r, m, g)
        elif deps[c.i] == "prep" and c.lower_ in r.words("recipient_preps") and m.speech:
            for g in c.children:
                for s in actors(head_entities(r, g)):
                    if s.label_ == "MediaOutlet":
                        m.reported_by.append(s.kb_id_)
    # verbs whose object is people, and any verb told with a particle of killing ("shot
    # dead a judge": people, where "shot" alone may hit tyres)
    held = r.pack.optional_words("people_complements")
    # (or people the parser made a modifier of the word saying they were held: "took a
    # Filipino engineer hostage")
    hostages = [g for o in objects if o.lower_ in held for g in o.children if g.dep_ == "compound"]
    if obj_role and (
        tok.lemma_.lower() in r.pack.optional_words("person_object_verbs")
        or _killing_particle(r, tok)
        or hostages
    ):
        for c in [
            *objects,
            *(g for o in objects for g in o.conjuncts if g not in objects),
            *hostages,
        ]:
            country = _nationality_only(r, c)
            if country is not None:
                # "a French instructor was killed": a civilian of that country, not the state
                _drop_role(m, (obj_role, "target"), country)
                m.add(obj_role, f"{GROUP_PREFIX}civilians@{country}")
            elif _unnamed_person(r, c):
                m.add(obj_role, f"{GROUP_PREFIX}civilians")  # "abducted a school principal"
            elif c.lemma_.lower() in r.words("rank_nouns"):
                # "abducted a New Zealand pilot": where a person of a rank or calling is
                # from, not the state as victim (which side they serve the word does not
                # tell)
                country = _demonym_only(r, c)
                if country is not None:
                    _drop_role(m, (obj_role, "target"), country)
    if not objects and m.violent and not counted:
        # "injuring at least 11", the number the parser took for an adverbial
        for c in tok.children:
            if c.dep_ in ("npadvmod", "prep", "dep") and c.like_num and not YEAR.match(c.text):
                set_count(r, m, c)
                counted = True
                break
    if not objects and m.violent:  # "killing between 10 and 15 civilians"
        for g in prep_objects(tok, r.words("between_preps")):
            # (a figure, not the named sides of a fight: "fighting between X and Y" counts
            # no one)
            named = g.i in r.ent_of and not is_group_key(r.ent_of[g.i].kb_id_)
            if not named and count_on(g, r.pack) is not None:
                _add_actors(r, m, obj_role, g)
                if not counted:
                    set_count(r, m, g)
                    counted = True
    _opponents(r, m, tok, opponent)  # "clashed with rebels"
    if (
        opponent
        and tok.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        _sides(r, m, tok, subj_role)  # "fighting between X and Y ...", the gerund a verb
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in r.words("outcome_verbs"):
        _outcome(r, m, tok.head)  # "fighting in Jilib left nine dead" (a gerund)
    if m.violent:
        for c in tok.children:  # "a bomb exploded in Kano, leaving five people dead"
            if (
                c.dep_ in ("advcl", "xcomp", "conj")
                and c.lemma_.lower() in r.words("outcome_verbs")
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                _outcome(r, m, c)
    # "demonstrators protesting fuel prices"; "rioters (PTI) stormed and set fire to ...",
    # a finite verb the parser made a reduced relative
    acl = tok if tok.dep_ == "acl" else tok.head if tok.dep_ == "conj" else None
    # ("1 child killed, ...": a note's passive with no object, tagged as a past tense)
    noted = _noted_passive(r, tok)
    # ("bandits abducted 40 villagers" as the sentence's root noun: a participle with an
    # object of its own is no passive)
    finite = acl is not None and (
        acl.tag_ == "VBD" or (acl.tag_ == "VBN" and any(c.dep_ == "dobj" for c in acl.children))
    )
    if (
        acl is not None
        and acl.dep_ == "acl"
        and not noted
        and (
            acl.tag_ == "VBG"
            or (finite and acl.head.dep_ in ("ROOT", "nsubj"))
            # "(Reuters) - Rebels killed ...": the noun set beside the dateline's outlet
            or (finite and acl.head.dep_ == "appos" and _an_outlet(r, acl.head.head))
        )
        and (is_group(r.ent_of.get(acl.head.i)) or _armed_named(r, acl.head))
        and not any(d == "nsubj" for d in deps.values())
    ):
        _add_actors(r, m, subj_role, acl.head)
    # "ISWAP fighters are reported to have killed four farmers": an active perfect
    # infinitive's raised subject did it
    perfect = not passive and any(
        c.dep_ == "aux" and c.lemma_ in r.words("perfect_aux") for c in tok.children
    )
    for c in _raised_subjects(r, tok):  # "30 militants were reported killed"
        if perfect:
            _add_actors(r, m, subj_role, c)
            continue
        _add_actors(r, m, obj_role, c)
        if not counted:
            set_count(r, m, c)
            counted = True
    _sum_accompanied(r, m, tok)
    # "Police cleared a highway blockade near X, arresting 50 people": an arrest told by a
    # participle with no subject of its own is made by the subject of the active verb it is
    # hung on (a violent participle is the same event as its verb's, read with it)
    if (
        tok.tag_ == "VBG"
        and tok.dep_ == "advcl"
        and subj_role
        and classes.subsumes(classes.named("arrest"), m.cls)
        and not any(m.roles.get(role) for role in DOER_ROLES)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
    ):
        for doer in tok.head.children:
            if doer.dep_ == "nsubj":
                _add_actors(r, m, subj_role, doer)
    # "The device exploded": a weapon told again by a definite word for it
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl" and any(c.lower_ in r.words("relative_words") for c in subjects):
        subjects.append(tok.head)  # "the bomb, which was detonated by mobile phone"
    m.weapon_again = any(
        c.lemma_.lower() in r.words("weapon_nouns")
        and any(d.dep_ == "det" and d.lower_ in r.words("definite_determiners") for d in c.children)
        for c in [*subjects, *shared_subjects(tok)]
    )
    for c in tok.children:
        # "killing all three", "detained them", "the two men were killed": told again
        if c.dep_ in ("dobj", "nsubjpass") and (
            c.lower_ in r.words("anaphoric_objects")
            or any(
                d.dep_ in ("det", "predet") and d.lower_ in r.words("definite_determiners")
                for d in c.children
            )
        ):
            m.definite = True
    absolute = _absolute_noun(r, tok) if not objects else None
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD", "VBG") and crowd:
        # "200 teachers protested": they protest; "demonstrators protesting a law" too
        _add_actors(r, m, subj_role, tok.head)
    elif absolute is not None:
        # "six were killed, with two others injured": the two, counted as this harm's
        _add_actors(r, m, obj_role, absolute)
        set_count(r, m, absolute)
    elif tok.dep_ == "acl" and (tok.tag_ == "VBN" or noted) and (passive or noted):
        # "a commander assassinated in Iraq", "resulted in 14 insurgents killed": the noun
        # modified is the victim, and its number the count (not "bandits abducted 40
        # villagers", the parser's root noun: the doers)
        head = tok.head
        _add_actors(r, m, obj_role, head)
        # ("9 fatalities, among them 7 children, and around 30 injured", the participle hung
        # on the dead: the figure of its own)
        set_count(r, m, _other_state_figure(r, head, tok) or head)
        if head.dep_ == "appos" and head.head.i in r.ent_of:
            m.add(obj_role, r.ent_of[head.head.i].kb_id_)
    for c in tok.children:
        # "a car bombing killed five people", "two were killed by an explosion": the
        # killing is what the bombing did
        by = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "agent" else [c]
        for g in by if c.dep_ in ("nsubj", "agent") else []:
            if g.i in r.by_tok and r.by_tok[g.i].violent and m.violent:
                m.same_as = r.by_tok[g.i].id
            # "rockets fired from Lebanon slammed into the town" (or "a barrage of rockets
            # fired ..."): the firing the participle tells is the deed that struck
            for part in g.children if m.violent else []:
                fired = r.by_tok.get(part.i) if part.dep_ == "acl" else None
                if fired is None or not fired.violent or fired is m or fired.same_as is not None:
                    continue
                fired.same_as = r.by_tok[g.i].id if g.i in r.by_tok else m.id
    launched = r.by_tok.get(tok.head.i) if tok.dep_ in ("conj", "dep") else None
    weapons = r.words("weapon_nouns")
    if (
        launched is not None
        and m.violent
        and launched.violent
        and m.same_as is None
        and tok.head.lemma_.lower() in r.pack.optional_words("projectile_verbs")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        # (the weapon its subject: not "shot dead six civilians ... and detonated explosives")
        and any(
            c.dep_ == "nsubj"
            # (or a capitalised plural the lemmatizer left alone: "Rockets fired from ...")
            and (c.lemma_.lower() in weapons or c.lower_ in weapons)
            for c in tok.head.children
        )
    ):
        # "rockets fired from Lebanon slammed into Kiryat Shmona", read as two verbs of one
        # subject: the firing and the striking are one deed
        m.same_as = launched.id
    if tok.dep_ == "relcl" and not m.speech:
        # "bombings that killed 100", "an attack on a shrine ... that killed 15"
        node = tok.head
        for _ in range(4):
            if node.i in r.by_tok and r.by_tok[node.i] is not m and r.by_tok[node.i].violent:
                m.same_as = r.by_tok[node.i].id
                break
            if node.dep_ not in ("pobj", "prep", "conj", "appos", "compound"):
                break
            node = node.head
    for g in prep_objects(tok, r.pack.optional_words("contest_preps")):
        if g.lemma_.lower() in r.words("control_nouns"):
            # "fought for control of the town of Debark": the place fought over, first
            before = m.roles.pop("location", [])
            _object_places(r, m, g)
            for k in before:
                m.add("location", k)
    if not passive and obj_role and not objects and not m.roles.get(obj_role):
        # "attacked farmers harvesting crops", parsed as "attacked [farmers harvesting
        # crops]": the people the participle's clause opens with are what it aimed at
        for c in tok.children:
            if (
                c.dep_ in ("ccomp", "advcl")
                and c.tag_ == "VBG"
                and c.i > tok.i
                and not any(g.dep_ == "mark" for g in c.children)  # ("as farmers were ...")
            ):
                for g in c.children:
                    if g.dep_ == "nsubj" and g.i > tok.i:
                        _add_actors(r, m, obj_role, g)
    if passive and subj_role and not m.roles.get(subj_role):
        # "were hacked to death with machetes by X militiamen": the "by" phrase the parser
        # hung on the instrument names the doers
        for g in prep_objects(tok, r.pack.optional_words("instrument_preps")):
            for agent in prep_objects(g, r.words("agent_preps")):
                _add_actors(r, m, subj_role, agent)
    sought(r, m, tok, ("advcl", "xcomp", "prep"))  # "targeting X"
    if passive and obj_role and m.violent and not m.roles.get(obj_role):
        _doer_killed(r, m, tok, obj_role)
    elif obj_role and m.violent and not m.roles.get(obj_role):
        _doer_killed_self(r, m, tok, obj_role)
    if m.violent:
        for c in tok.children:  # "detonated a device targeting a Frontier Corps vehicle"
            if c.dep_ == "dobj" and c.lemma_.lower() in r.words("weapon_nouns"):
                sought(r, m, c, ("acl",))  # (not "a police team searching for the students")
    locations(r, m, tok, set(r.by_tok))
    dates(r, m, tok)


def _armed_named(r: Reading, noun: Token) -> bool:
    """Whether a noun of no entity of its own names a non-state armed group's men ("CPI
    (Maoist) cadres", "ADF fighters")."""
    return noun.i not in r.ent_of and any(
        c.dep_ in ("nmod", "compound", "amod")
        and c.i in r.ent_of
        and is_nonstate_armed(r.entity_types.get(r.ent_of[c.i].kb_id_, ""))
        for c in noun.children
    )


def _doer_killed_self(r: Reading, m: Mention, tok: Token, obj_role: str) -> None:
    """``before the assailant returned home and killed himself``, ``then shot himself dead``:
    a killing whose object is its subject itself (``reflexive_pronouns``), an armed doer,
    is that doer's own death, counted with the event it did (GTD counts the attackers'
    dead)."""
    if tok.lemma_.lower() not in r.words("killing_verbs") and not _killing_particle(r, tok):
        return
    reflexive = r.words("reflexive_pronouns")
    if not any(c.dep_ == "dobj" and c.lower_ in reflexive for c in tok.children):
        return
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    node = tok
    # (no subject, or a pronoun: the doers of the clause it hangs on, "killed five before he
    # shot himself")
    while (not doers or doers[0].lower_ in r.words("subject_pronouns")) and node.dep_ in (
        "advcl",
        "pcomp",
        "prep",
        "conj",
    ):
        node = node.head
        doers = [c for c in node.children if c.dep_ == "nsubj"] or doers
    armed = [
        s
        for d in doers[:1]
        for s in actors(head_entities(r, d))
        if s.kb_id_.startswith(ARMED_GROUP_KEY)
        or is_nonstate_armed(r.entity_types.get(s.kb_id_, ""))
    ]
    for s in armed:
        m.add(obj_role, s.kb_id_)
    m.doers_died = m.doers_died or bool(armed)


def _doer_killed(r: Reading, m: Mention, tok: Token, obj_role: str) -> None:
    """``A gunman opened fire on worshippers, killing four before he was shot dead by police``
    (or "before being shot dead"): a passive killing with a pronoun for its subject
    (``subject_pronouns``) or none, in a clause of another violent event's verb, befell
    that event's armed doers; their own dead are counted with it (ACLED's fatalities count
    both sides)."""
    if tok.lemma_.lower() not in r.words("killing_verbs") and not _killing_particle(r, tok):
        return
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if any(c.lower_ not in r.words("subject_pronouns") for c in subjects):
        return
    node = tok
    for _ in range(4):
        dep, node = node.dep_, node.head
        if dep not in ("advcl", "pcomp", "prep", "conj"):
            return
        doers = [c for c in node.children if c.dep_ == "nsubj"]
        other = r.by_tok.get(node.i)
        if doers and other is not None and other is not m and other.violent:
            armed = [
                s
                for s in actors(head_entities(r, doers[0]))
                if s.kb_id_.startswith(ARMED_GROUP_KEY)
                or is_nonstate_armed(r.entity_types.get(s.kb_id_, ""))
            ]
            for s in armed:
                m.add(obj_role, s.kb_id_)
            m.doers_died = bool(armed)
            if armed:  # (as many as the doers, where a pronoun gives no number)
                for who in [*subjects, doers[0]]:
                    set_count(r, m, who, kind="fatalities")
                    if m.fatalities is not None:
                        break
            return
        if node.head is node:
            return


def sought(r: Reading, m: Mention, tok: Token, deps: tuple[str, ...]) -> None:
    """Actors an event went after: ``targeting X``, ``searching for X``, ``in pursuit of X``."""
    for c in tok.children:
        if c.dep_ in deps and c.lemma_.lower() in r.words("seeking_verbs"):
            # what it went after, not where that was ("a vehicle in Turbat, Pakistan")
            skip = r.words("location_preps") if deps == ("acl",) else frozenset()
            for s in entities_in(c, r.ent_of, stop_at_clauses=False, skip=skip):
                if s.root.i != c.i and s.label_ not in PLACE_ONLY:
                    m.add("target", s.kb_id_)


# ---------------------------------------------------------------- nouns


def perceived(r: Reading) -> None:
    """``Gunfire and explosions were heard in X``: an event noun that the pack's
    ``perception_verbs`` say was perceived tells no event of its own: it is the event its
    sentence tells ("gunfire was heard in X, where militiamen attacked a checkpoint"), else
    the one told before, when one was (a toll alone is no event it tells: "gunfire was
    heard, and two officers were killed")."""
    tolls = r.words("consequence_verbs")
    for m in r.found:
        tok = m.trigger
        if tok.dep_ not in ("nsubj", "nsubjpass") or m.speech:
            continue
        if tok.head.lemma_.lower() not in r.pack.optional_words("perception_verbs"):
            continue
        own = [
            x
            for x in r.found
            if x is not m
            and x.violent
            and not x.speech
            and x.trigger not in tok.conjuncts
            and (x.trigger.lemma_.lower() not in tolls or any(x.roles.get(k) for k in DOER_ROLES))
        ]
        if own:
            m.same_as = own[0].id
        else:
            m.definite = True  # (an event of its own only when none was told before)


def noun_args(r: Reading, m: Mention) -> None:
    """Arguments of a noun trigger: determiners and possessors (who, which day), compounds
    (``U.S. drone strike``, ``twin bombings``), ``by``/``on``/``against``/``of`` phrases, a
    relative clause of harm (``bombings that killed 100``) and the verb it is the subject or
    object of."""
    tok = m.trigger
    m.plural = tok.tag_ in ("NNS", "NNPS")
    if _series_ranked_in(r, tok) and any(
        x is not m and x.violent and not x.speech for x in r.found
    ):
        # "the latest in a string of strikes": the series the event told is ranked in, no
        # event of it (told alone, it stands for the event: "a drone slammed into X, the
        # latest in a wave of Russian strikes")
        m.dropped = True
        # (whose strikes they are is who struck: "a drone slammed into X, the latest in a
        # wave of Russian strikes")
        role = classes.behaviour(m.cls, "noun_agent")
        doers = [
            r.ent_of[c.i]
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in r.ent_of
        ]
        for x in r.found:
            if x is m or x.speech or not x.violent or not role:
                continue
            if not any(x.roles.get(k) for k in DOER_ROLES):
                for s in actors(doers):
                    if not places([s]) or s.label_ == "Country":
                        x.add(role, s.kb_id_)
        return
    agent_role = classes.behaviour(m.cls, "noun_agent")
    harm_nouns = r.words("death_nouns") | r.words("injury_nouns")
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in r.words("event_scene_nouns"):
        # "the explosion area", "the bombing victims", "the assassination attempt": the event
        # the story tells
        m.definite = m.definite or any(
            d.dep_ == "det" and d.lower_ in r.words("definite_determiners")
            for d in tok.head.children
        )
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in r.words("demonstrative_determiners"):
            m.definite = True
        elif c.dep_ == "poss":
            if c.ent_type_ == "DATE":
                m.dates.append(c.text)
                m.definite = True
            elif c.lower_ in r.words("possessive_pronouns"):
                m.definite = True
            else:
                _add_actors(r, m, agent_role, c)
                m.definite = True
        elif c.dep_ in ("compound", "amod", "nmod"):
            if c.i in r.ent_of:
                s = r.ent_of[c.i]
                if places([s]) and s.label_ != "Country":
                    m.add("location", s.kb_id_)
                elif s.kb_id_.startswith(SITE_PREFIX):
                    pass  # "a market bombing": the market is the target (below)
                else:
                    # "a U.S. drone strike": the state acts; "Taliban crackdowns"
                    m.add(agent_role, s.kb_id_)
            elif c.lower_ in r.words("twin_words"):
                m.part_count = 2
            elif c.dep_ == "amod" and c.lower_ in r.words("suicide_words"):
                m.extra_types.add(classes.named("suicide_bombing"))
        elif c.dep_ == "nummod":
            if YEAR.match(c.text):
                m.year = c.text
            else:
                n = number_word(c.text, r.pack)
                # "nine deaths" counts victims (read by counts.py), "three bombings" parts
                if n and n <= 10 and m.trigger.lemma_.lower() not in harm_nouns:
                    m.part_count = n
        elif c.dep_ == "prep" and c.lower_ in r.words("agent_preps"):
            for g in c.children:
                _add_actors(r, m, agent_role, g)
        elif (
            c.dep_ == "prep"
            and c.lower_ in r.words("noun_target_preps")
            and not _blamed_on(r, tok, c)
        ):
            _aimed_at(r, m, c)
            # "the attack on the checkpoint by Taliban fighters": the "by" phrase the parser
            # hung on what it was aimed at names who did it
            for g in c.children:
                for agent in prep_objects(g, r.words("agent_preps")):
                    _add_actors(r, m, agent_role, agent)
        elif c.dep_ == "prep" and m.violent and c.lower_ in r.words("site_target_preps"):
            for g in c.children:
                if g.dep_ == "pobj":
                    _add_sites(r, m, g)  # "an attack at the Rolando cafe"
                    _sites_of_part(r, m, g)
        elif c.dep_ == "prep" and c.lower_ in r.words("of_preps"):
            of_role = classes.behaviour(m.cls, "of_role")
            if of_role:
                for g in c.children:
                    _add_actors(r, m, of_role, g)
            else:
                _harmed_people(r, m, tok, c)
            if m.violent:
                # "the bombing of the city of X": the place bombed is where it was; "the
                # bombing of the federal building": the building its target
                for g in c.children:
                    if g.dep_ == "pobj":
                        _object_places(r, m, g)
                        _add_sites(r, m, g)
        elif c.dep_ == "relcl":
            lemma = c.lemma_.lower()
            if lemma in r.words("harm_verbs"):
                for g in c.children:
                    if g.dep_ == "dobj":
                        if lemma in r.words("killing_verbs"):
                            q = count_on(g, r.pack)
                            if q:
                                m.fatalities = q
                        _add_actors(r, m, "victim", g)
                        for s in places(entities_in(g, r.ent_of)):
                            m.add("location", s.kb_id_)
    verb = under_verb(tok, r.pack)
    if verb is not None:
        _under(r, m, verb)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in r.words("perpetration_verbs"):
        # "conducted an airstrike on X village": the phrase the parser hung on the verb
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ in r.words("noun_target_preps"):
                _aimed_at(r, m, c)
    if tok.lemma_.lower() in r.words("death_nouns"):
        _death_noun(r, m, tok)
    elif tok.lemma_.lower() in r.words("injury_nouns"):
        _injury_noun(r, m, tok)
    sought(r, m, tok, ("acl", "relcl"))  # "an operation targeting a leader"
    # "crackdowns have weakened ISIS-K": the verb the event noun is the subject of
    subject = collective(r, tok) or tok  # "a series of explosions rocked X"
    verb = subject.head
    if subject.dep_ == "nsubj" and verb.lemma_.lower() in r.words("harm_verbs", "damage_verbs"):
        for g in verb.children:
            if g.dep_ in ("dobj",):
                _add_actors(r, m, "target", g)
                _add_sites(r, m, g)  # "the explosion targeted a bakery"
                if verb.lemma_.lower() in r.words("damage_verbs"):
                    # "shattered the glass of a refrigerator in the bakery": the building
                    # whose things it damaged
                    # (not a building it was across the street from)
                    inner = r.words("of_preps") | r.pack.optional_words("site_location_preps")
                    for t in g.subtree:
                        if t.dep_ == "pobj" and t.head.lower_ in inner:
                            _add_sites(r, m, t)
                if verb.lemma_.lower() in r.words("killing_verbs"):
                    q = count_on(g, r.pack)
                    if q:
                        m.fatalities = q
    by = subject.head
    if (
        subject.dep_ == "pobj"
        and by.dep_ == "agent"
        and by.head.lemma_.lower() in r.words("harm_verbs", "damage_verbs")
    ):
        # "the building was shattered by an explosion": the site the event harmed (the
        # people it harmed are its victims, read with the verb)
        for g in by.head.children:
            if g.dep_ == "nsubjpass":
                _add_sites(r, m, g)
    if subject.dep_ == "nsubj" and verb.lemma_.lower() in r.words("impact_verbs"):
        for g in verb.children:
            if g.dep_ == "dobj":  # "an explosion rocked Mogadishu": where it happened
                for s in places(entities_in(g, r.ent_of)):
                    m.add("location", s.kb_id_)
    if subject.dep_ == "nsubj" and verb.lemma_.lower() in r.words("outcome_verbs"):
        _outcome(r, m, verb)  # "the blast left nine people dead"
    opponent = classes.behaviour(m.cls, "opponent_role")
    against = (
        r.pack.table("sides_verbs").get(verb.lemma_.lower()) if "sides_verbs" in r.pack else None
    )
    if subject.dep_ == "nsubj" and against and agent_role and opponent:
        # "the fighting pitted the X militia against fighters loyal to Y": its two sides
        for g in verb.children:
            if g.dep_ == "dobj":
                _add_actors(r, m, agent_role, g)
        for g in prep_objects(verb, frozenset({against})):
            _add_actors(r, m, opponent, g)
    lenders = _occurrence(r, tok)
    # ("the fighting was between X and Y": the sides the copula's phrase names)
    sided = [c for c in _copula(r, tok) if tok.dep_ == "nsubj"]
    for holder in (tok, *lenders, *sided):
        _sides(r, m, holder, agent_role)  # "fighting (broke out) between troops and rebels"
        _opponents(r, m, holder, opponent)  # "clashes with the army"
    locations(r, m, tok, set(r.by_tok))
    dates(r, m, tok)
    if any(t.pos_ in _VERB for t in lenders):
        m.asserted = True  # "fighting broke out": it happened, in the narrative's time
    gov = tok.head
    asserting = r.words("perpetration_verbs") | r.words("confirming_verbs")
    if tok.dep_ == "dobj" and gov.lemma_.lower() in asserting:
        m.asserted = True
        # "claimed the ambush on Wednesday": an event told before, confirmed or claimed
        # later; "claimed a drone strike on 7 January": one told with its day
        told_before = m.definite or any(
            d.dep_ == "det" and d.lower_ in r.words("definite_determiners") for d in tok.children
        )
        if not (told_before and gov.lemma_.lower() in r.words("confirming_verbs")):
            dates(r, m, gov)
    # "used water cannon to break up a rally of demonstrators late on Sunday": a crowd's
    # gathering that others acted on was held, in the narrative's time
    handled = gov.lemma_.lower() in r.pack.optional_words("crowd_handling_verbs")
    if tok.dep_ == "dobj" and handled and classes.behaviour(m.cls, "civilian_doers_as"):
        m.asserted = m.asserted or not any(c.dep_ == "neg" for c in gov.children)
    for c in tok.children:  # "an operation to arrest an al-Qaida associated insurgent"
        if (
            c.dep_ == "acl"
            and c.lemma_.lower() in r.pack.table("verbs")
            and any(
                g.dep_ == "aux" and g.lower_ in r.words("infinitive_markers") for g in c.children
            )
        ):
            for g in c.children:
                if g.dep_ == "dobj":
                    _add_actors(r, m, "target", g)


def _harmed_people(r: Reading, m: Mention, tok: Token, of: Token) -> None:
    """``the killing of seven demonstrators``: the people (a group of people the text names
    by a kind) a harm noun of ``victim_of_nouns`` befell are its victims, and their count
    the toll the table names; a year, a place or a thing is none ("the massacre of 1994",
    "the massacre of Srebrenica", "the execution of the agreement")."""
    harmed = r.pack.optional_table("victim_of_nouns")
    toll = harmed.get(tok.lemma_.lower())
    if toll is None:
        return
    for g in of.children:
        if g.dep_ != "pobj" or not is_group(r.ent_of.get(g.i)):
            continue
        _add_actors(r, m, "victim", g)
        q = count_on(g, r.pack)
        if toll == "fatalities" and q is not None and q.best is not None:
            m.fatalities = q
        elif toll == "injured" and q is not None and q.best is not None:
            m.injured = q


def _outcome(r: Reading, m: Mention, verb: Token) -> None:
    """The toll an event leaves (``outcome_verbs``, ``outcome_states``): ``left nine people
    dead`` (the people counted are the victims), ``left 12 dead``, ``left 20 wounded``."""
    states = r.pack.table("outcome_states")
    if _two_outcomes(r, m, verb, states):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # ("leaving four people dead and more than 50 injured": the second state the parser
    # joined to the first)
    joined = [g for c in verb.children if c.lower_ in states for g in c.conjuncts]
    for c in dict.fromkeys((*verb.children, *(g for o in objects for g in o.children), *joined)):
        kind = states.get(c.lower_)
        if kind is None or c.dep_ == "nsubj":
            continue
        # "left nine people dead": the people; "left 12 dead" ("dead" its object): its number;
        # "left 19 dead and seven wounded": a state with a subject of its own counts it
        own = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if not own and c.dep_ == "conj":
            # "leaving four people dead and more than 50 injured", the figure the parser
            # joined to the first state before the second
            own = [g for g in c.head.children if g.dep_ == "conj" and g.like_num and g.i < c.i][-1:]
        counted = own[0] if own else next((o for o in objects if o.i != c.i), None)
        q = count_on(counted if counted is not None else c, r.pack)
        if counted is not None:
            _add_actors(r, m, "victim", counted)
        # "left six suspects and a bystander dead", the state hung on the first people (or
        # on the verb) with the last its subject: both are the dead
        cut = (
            [
                o
                for o in objects
                if o.lower_ not in states
                and o.lemma_.lower() not in r.words("death_nouns", "injury_nouns")
                and o.i < own[0].i
                and any(g.dep_ == "cc" for g in o.children)
                and not any(g.dep_ == "conj" and g.lower_ not in states for g in o.children)
            ]
            if own
            else []
        )
        if cut:
            first = count_on(cut[0], r.pack)
            _add_actors(r, m, "victim", cut[0])
            if first is not None and first.best is not None and q is not None:
                q = add_counts(first, q) if q.best is not None else first
        if q is not None and q.best is not None:
            setattr(m, kind, q)
            _told_once(r, m, [c])


def _other_state_figure(r: Reading, subject: Token, verb: Token) -> Token | None:
    """The figure coordinated with a subject that carries a state of its own ("five people
    dead and 12" injured, as the parser reads "five people dead and 12 injured"; "9
    fatalities and 17" injured): the verb's own count, or ``None``."""
    states = r.pack.table("outcome_states")
    mine = states.get(verb.lower_)
    theirs = [states[a.lower_] for a in subject.children if a.lower_ in states and a != verb]
    theirs += told_state(subject, r.pack)  # "9 fatalities and 17 injured"
    if verb.head == subject and verb.dep_ == "acl" and mine in theirs:
        theirs.remove(mine)  # the participle hung on the dead is not their state
    # (or set beside it: "7 fatalities, 20+ injured", parsed as an apposition)
    others = [g for g in subject.children if g.dep_ == "conj" or (g.dep_ == "appos" and g.like_num)]
    if not others:
        # "9 fatalities, including 7 children, and around 30 injured", "..., among them 6
        # women, and 11 injured": the last figure after the last "and" before the verb,
        # however the parser hung it
        between = subject.doc[subject.i + 1 : verb.i]
        ands = [t.i for t in between if t.dep_ == "cc"]
        others = [t for t in between if ands and t.i > ands[-1] and t.like_num][-1:]
    if mine is None or not theirs or mine in theirs or len(others) != 1:
        return None
    return others[0]


def _two_outcomes(r: Reading, m: Mention, verb: Token, states: Mapping[str, Any]) -> bool:
    """``left at least five people dead and 12 injured``, which the parser reads as "five
    people dead and 12" injured: the first state is the first figure's, the second the
    second's (never their sum)."""
    pairs = []  # (the first figure's noun, the second state, the second figure)
    for c in verb.children:
        second = states.get(c.lower_)
        if second is not None and c.dep_ in ("ccomp", "conj", "xcomp"):
            for n in (g for g in c.children if g.dep_ == "nsubj"):
                others = [g for g in n.children if g.dep_ == "conj"]
                if len(others) == 1:
                    pairs.append((n, second, others[0]))
        elif c.dep_ == "dobj":
            # "left five people dead and 12 injured" read as "five people dead and 12
            # [injured]": the second figure carries its state
            for o in (g for g in c.children if g.dep_ == "conj"):
                own = [states[a.lower_] for a in o.children if a.lower_ in states]
                # ("leaving 1 person dead and over 25 injured", the second state hung on
                # the verb after the second figure)
                own += [
                    states[a.lower_]
                    for a in verb.children
                    if a.lower_ in states and a.i > o.i and a.dep_ in ("oprd", "xcomp", "ccomp")
                ]
                if own:
                    pairs.append((c, own[0], o))
    for n, second, other in pairs:
        first = next((states[a.lower_] for a in n.children if a.lower_ in states), None)
        if first is None or first == second:
            continue
        words = [w for w in n.subtree if w.i < n.i and count_word(w, r.pack)]
        q1 = quantity(" ".join(w.text for w in words), r.pack) if words else None
        q2 = count_on(other, r.pack)
        if q1 is None or q2 is None:
            continue
        setattr(m, first, q1)
        setattr(m, second, q2)
        _add_actors(r, m, "victim", n)
        _told_once(r, m, [a for a in verb.subtree if a.lower_ in states])
        return True
    return False


def _told_once(r: Reading, m: Mention, states: list[Token]) -> None:
    """The words of the states an outcome left people in ("leaving five dead and 12
    wounded"), read as triggers of their own, tell ``m``'s toll once: one deed with it."""
    for a in states:
        told = r.by_tok.get(a.i)
        if told is not None and told is not m and told.same_as is None:
            told.same_as = m.id


def _sides(r: Reading, m: Mention, tok: Token, agent_role: str | None) -> None:
    """``fighting between troops and rebels``: the first side (``between_preps``) is the
    doer, the others its target (ACLED's actor 1 and actor 2)."""
    for g in prep_objects(tok, r.words("between_preps")):
        if agent_role:
            _two_sides(r, m, g, agent_role, "target")


def _opponents(r: Reading, m: Mention, tok: Token, role: str | None) -> None:
    """The other side of a fight named in ``tok``'s ``opponent_preps`` phrase ("clashed
    with rebels"), in the class's ``opponent_role`` (none when it has none)."""
    if role:
        for g in prep_objects(tok, r.words("opponent_preps")):
            _add_actors(r, m, role, g)


def crowd_damage(r: Reading, cues: dict[int, set[str]]) -> None:
    """``rioted in Sorong, burning the election commission office``: what a crowd's
    participle of damage or fire (a verb the pack's ``verbs`` give the class of looting or
    property destruction, or a clause of the ``property`` or ``incendiary`` cue; with no
    subject of its own) acted on is the crowd event's target."""
    crowd = r.words("crowd_families")
    damage = classes.named("looting")
    verbs = r.pack.table("verbs")
    for m in r.found:
        if classes.family(m.cls) not in crowd or m.speech:
            continue
        for c in m.trigger.children:
            if c.dep_ not in ("advcl", "xcomp", "conj") or c.tag_ != "VBG":
                continue
            if verbs.get(c.lemma_.lower()) != damage and not cues.get(c.i, set()) & {
                "property",
                "incendiary",
            }:
                continue
            if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue
            for o in c.children:
                if o.dep_ == "dobj":
                    for part in (o, *o.conjuncts):
                        _add_sites(r, m, part)


def territory_losers(r: Reading) -> None:
    """``retook Kidal from CSP rebels``, ``regained control of X from Fano militias``: the
    side a place was taken from (the pack's ``loss_preps`` on a verb of territory change,
    or on its ``control_nouns`` object; or the armed subject of a clause of one of the
    ``withdrawal_verbs`` on it) is the other side of the battle, in the class's
    ``opponent_role`` (ACLED's actor 2). Read once the clauses' cues are known: a change of
    hands is told by its ``regain`` or ``takeover`` cue."""
    losing = r.pack.optional_words("loss_preps")
    control = r.pack.optional_words("control_nouns")
    for m in r.found:
        role = classes.behaviour(m.cls, "opponent_role")
        if not role or not losing or not m.cues & {"regain", "takeover"}:
            continue
        tok = m.trigger
        # (or on the place taken, where the parser hangs it: "control of Debre Tabor (Farta,
        # South Gondar) from Fano militias")
        taken = [c for c in tok.children if c.dep_ == "dobj"]
        taken += [
            g for c in taken if c.lower_ in control for g in prep_objects(c, r.words("of_preps"))
        ]
        for h in [tok, *taken]:
            for g in prep_objects(h, losing):
                # (a side, not a place, nor a distance: "captured the town 20 km from Gao")
                measure = g.doc[g.head.i - 1]
                if measure.like_num or any(c.dep_ == "nummod" for c in measure.children):
                    continue
                for a in actors(head_entities(r, g)):
                    if not places([a]):
                        m.add(role, a.kb_id_)
        # "took control of Wad Madani after SAF forces withdrew from the town": those who
        # left it (a clause of one of the ``withdrawal_verbs`` on the change of hands)
        for c in tok.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in r.pack.optional_words("withdrawal_verbs"):
                # (from the town, not from the country: "after French forces withdrew from
                # Mali" is no battle for it)
                left = [
                    e for g in prep_objects(c, losing) for e in places(entities_in(g, r.ent_of))
                ]
                if any(e.label_ == "Country" for e in left):
                    continue
                for s in c.children:
                    if s.dep_ != "nsubj":
                        continue
                    for a in actors(head_entities(r, s)):
                        # (armed men, not residents fleeing the fighting)
                        if classes.is_a(r.entity_types.get(a.kb_id_, ""), "ArmedGroup"):
                            m.add(role, a.kb_id_)


def _two_sides(r: Reading, m: Mention, g: Token, first: str, other: str) -> None:
    """The actors of a coordination ``g`` (``troops and rebels``): the first conjunct's in
    role ``first``, the others' in role ``other``."""
    second = next((c for c in g.children if c.dep_ == "conj"), None)
    border = second.left_edge.i if second is not None else len(g.doc)
    for s in actors(head_entities(r, g)):
        m.add(first if s.start < border else other, s.kb_id_)


def _death_noun(r: Reading, m: Mention, tok: Token) -> None:
    """``resulted in ten insurgent deaths``, ``confirmed the death of the insurgent``; a death
    merely named (``the anniversary of the death of X``) is no event here."""
    gov = governor_verb(tok)
    labelled = _labelled_figure(r, tok)
    if not (
        any(c.dep_ == "nummod" for c in tok.children)
        or (gov is not None and gov.lemma_.lower() in r.words("death_reporting_verbs"))
        or labelled is not None
    ):
        if _harm_told_again(r, m, tok):
            m.bare = True  # "the deaths shocked the town": of the event told before
        else:
            m.dropped = True
    q = count_on(tok, r.pack) or labelled
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in r.words("of_preps"):
            for g in c.children:
                q = q or count_on(g, r.pack) or Quantity(1, 1, 1)
                _add_actors(r, m, "victim", g)
    if q is not None and q.max == 0:
        m.dropped = True  # "0 fatalities": no death, no event (a toll of zero: zero_tolls)
    elif q is not None:
        m.fatalities = q
        if tok.dep_ == "ROOT" or labelled is not None:
            # a note's closing count ("8 fatalities.", "Fatalities: 8"): the whole toll
            m.tolls.add("fatalities")


def _labelled_figure(r: Reading, tok: Token) -> Quantity | None:
    """``Fatalities: 6 (4 soldiers and 2 militiamen)``: the figure after a colon that a
    note's line opens with its word for the dead (the monitors' labelled field), however
    the parser hung it; ``None`` otherwise."""
    figure = labelled_figure(tok)
    if figure is None:
        return None
    # (not "Fatalities: 6 in total since January", "Fatalities: 25 in 2024": a tally)
    tally = r.pack.optional_words("tally_preps", "tally_words")
    if any(
        t.lower_ in tally or t.ent_type_ == "DATE" for t in tok.doc[figure.i + 1 : tok.sent.end]
    ):
        return None
    return quantity(figure.text, r.pack)


def _harm_told_again(r: Reading, m: Mention, tok: Token) -> bool:
    """Whether a plural noun of harm with a definite determiner and no ``of`` phrase ("the
    injuries", "these deaths") tells again the harm of an event told before (never an event
    of its own; "the deaths of two brothers" names whose)."""
    return (
        m.definite
        and m.plural
        and not any(c.dep_ == "prep" and c.lower_ in r.words("of_preps") for c in tok.children)
    )


def for_another_cause(verb: Token, pack: LanguagePack) -> bool:
    """Whether a verb of the aftermath names its cause, and the cause is no injury or
    violence ("hospitalised with heatstroke", "for a heart condition")."""
    harm = pack.words("injury_nouns", "death_nouns")
    triggers = pack.table("nouns")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in pack.optional_words("aftermath_cause_preps"):
            for g in c.children:
                lemma = g.lemma_.lower()
                if g.dep_ == "pobj" and lemma not in harm and lemma not in triggers:
                    return True
    return False


def _injury_noun(r: Reading, m: Mention, tok: Token) -> None:
    """``13 people suffered minor injuries``, ``sustained wounds``, ``were treated for
    injuries``: the people who suffered them are the injured (counted); injuries merely
    named ("a hospital for war injuries") are no event here."""
    preps = r.pack.optional_words("injury_recipient_preps")
    recipients = prep_objects(tok, preps)
    verb = next((a for a in tok.ancestors if a.pos_ in _VERB), None)
    if not recipients and verb is not None:
        # (the phrase the parser hung on the verb of the noun's clause, right after it:
        # "causing the deaths of 15 civilians and injuries to around 20 others")
        recipients = [g for g in prep_objects(verb, preps) if g.i > tok.i]
    for g in recipients:
        q = count_on(g, r.pack)
        if q is not None:
            # "injuries to around 20 others": the people counted, the event's injured
            _add_actors(r, m, "victim", g)
            m.injured = q
            m.bare = True
            return
    gov = tok.head if tok.dep_ == "dobj" else None
    reporting = r.words("injury_reporting_verbs")
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        gov = tok.head.head  # "five pupils were treated for injuries"
        if tok.head.lower_ in r.words("accompaniment_heads"):
            reporting = reporting | r.pack.optional_words("injury_with_verbs")  # "escaped with"
    if gov is None or gov.lemma_.lower() not in reporting:
        if _harm_told_again(r, m, tok):
            m.bare = True  # "glass caused the injuries": of the event told before
        else:
            m.dropped = True
        return
    if gov.lemma_.lower() in r.pack.optional_words("injury_with_verbs"):
        if for_another_cause(gov, r.pack):
            m.dropped = True  # "taken to hospital with injuries after a road accident"
            return
        m.bare = True  # "a third worker escaped with wounds": of the event told before
    people = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not people and gov.dep_ == "acl" and gov.head.pos_ in _NOUN:
        people = [gov.head]  # "A girl survived with gunshot wounds", the verb the noun's
    for c in people:
        _add_actors(r, m, "victim", c)
        q = count_on(c, r.pack)
        if q is not None:
            m.injured = q


# ---------------------------------------------------------------- groups as targets


def _doer_phrase(tok: Token, r: Reading | None = None) -> bool:
    """Whether a noun is (inside) a subject or a ``by`` phrase: someone who acts (with a
    reading, also the ``agent_preps`` phrase of an event noun: "in an attack by X militants
    on an outpost")."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("nsubj", "agent") or (node.dep_ == "pobj" and node.head.dep_ == "agent"):
            return True
        if (
            r is not None
            and node.dep_ == "pobj"
            and node.head.lower_ in r.words("agent_preps")
            and node.head.head.i in r.by_tok
        ):
            return True
        if node.dep_ not in ("conj", "appos", "compound", "pobj", "prep"):
            return False
        node = node.head
    return False


def placers(r: Reading, trigger: Token) -> list[Token]:
    """The subjects of the verb that placed the weapon an event trigger tells of: ``militants
    planted an IED that struck a police vehicle`` (the weapon the trigger's relative clause
    hangs on), ``insurgents planted a bomb, killing four`` (the verb the trigger's clause
    hangs on); ``placing_verbs`` with one of the ``weapon_nouns`` as their object."""
    placing, weapons = r.words("placing_verbs"), r.words("weapon_nouns")
    head = trigger.head
    if trigger.dep_ == "relcl" and head.dep_ == "dobj":
        weapon, verb = head, head.head
    elif trigger.dep_ in ("advcl", "conj"):
        verb = head
        weapon = next((c for c in head.children if c.dep_ == "dobj"), trigger)
    else:
        return []
    if verb.lemma_.lower() not in placing or weapon.lemma_.lower() not in weapons:
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def instrument_doers(r: Reading) -> None:
    """``a roadside bomb planted by Taliban insurgents``, ``a mortar shell fired from Houthi
    positions``, ``a drone of the Turkish army``: who placed, fired or owned the weapon did
    the event the weapon is the means of."""
    weapons = r.words("weapon_nouns")
    for m in r.found:
        if not m.violent or m.roles.get("perpetrator") or m.roles.get("agent"):
            continue
        scope = {t.i for t in m.trigger.subtree} | {m.trigger.head.i}
        for c in placers(r, m.trigger):
            _add_actors(r, m, classes.behaviour(m.cls, "subject"), c)
        for t in r.tokens:
            if t.i not in scope or t.lemma_.lower() not in weapons:
                continue
            if t.dep_ == "nsubj" and t.lower_ not in r.words("vehicle_nouns"):
                # "Hezbollah drones struck a base": whose weapons they were
                for c in t.children:
                    if c.dep_ == "compound" and c.i in r.ent_of:
                        for s in actors([r.ent_of[c.i]]):
                            if not places([s]):
                                m.add(classes.behaviour(m.cls, "subject"), s.kb_id_)
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in r.words("of_preps"):
                    # "a drone of the Military Forces of Turkey struck": its owner's (the
                    # weapon that struck, not a vehicle it struck: "a vehicle of the army")
                    if t.dep_ != "nsubj" or t.lower_ in r.words("vehicle_nouns"):
                        continue
                    for x in c.children:
                        if x.dep_ == "pobj":
                            for s in actors(head_entities(r, x)):
                                m.add(classes.behaviour(m.cls, "subject"), s.kb_id_)
                    continue
                operated = c.lemma_.lower() in r.pack.optional_words("operating_verbs")
                if operated and t.lemma_.lower() in r.pack.optional_words("vehicle_nouns"):
                    continue  # "vehicles operated by MSF were hit": no weapon of theirs
                if c.dep_ != "acl" or not (
                    c.lemma_.lower() in r.words("placing_verbs") or operated
                ):
                    continue
                for g in c.children:
                    phrase = []
                    whence = g.dep_ == "prep" and g.lower_ in r.words("origin_preps")
                    if g.dep_ == "agent" or whence:
                        phrase = [x for x in g.children if x.dep_ == "pobj"]
                    for x in phrase:
                        for s in actors(head_entities(r, x)):
                            if whence and places([s]):
                                continue  # "a drone launched from Lebanon": whence, not who
                            m.add(classes.behaviour(m.cls, "subject"), s.kb_id_)


def span_before(prep: Token) -> bool:
    """Whether a ``prelude_preps`` phrase is measured by a span of time ("a week after
    clashes", "three years to the day after a shooting"): what it names is another, earlier
    event, not the step before the one told."""
    return any(c.dep_ == "npadvmod" for c in prep.children) or prep.head.ent_type_ == "DATE"


def fights_before(r: Reading) -> None:
    """``captured Debre Birhan after heavy fighting with the ENDF``: a fight told in a
    ``prelude_preps`` phrase on a battle of the same family (ACLED's battles: a clash, a
    takeover) is the fight the battle came out of: one incident, whose opponent (the fight's
    target) is the battle's."""
    preludes = r.pack.optional_words("prelude_preps")
    for m in r.found:
        if m.speech or not m.violent:
            continue
        for c in m.trigger.subtree:
            if c.dep_ != "prep" or c.lower_ not in preludes:
                continue
            if span_before(c):
                continue  # "a week after clashes with X": another incident, before it
            # (its own phrase, or one the parser hung on its object: "took control of X town
            # following clashes with Y"; not a clause's of its own)
            verb = next((a for a in c.ancestors if a.pos_ in _VERB), None)
            if verb is None or verb.i != m.trigger.i:
                continue
            for g in c.children:
                fight = r.by_tok.get(g.i)
                if (
                    fight is None
                    or fight is m
                    or fight.same_as is not None
                    or classes.family(fight.cls) != classes.family(m.cls)
                    # (a fight of its own sides: "after clashes between rival factions")
                    or fight.roles.get("perpetrator")
                ):
                    continue
                fight.same_as = m.id
                for k in fight.roles.get("target", []):
                    if k not in m.roles.get("perpetrator", []):
                        m.add("target", k)


def _held_responsible(r: Reading, tok: Token) -> bool:
    """Whether a phrase is whom a verb of attribution holds responsible, in the preposition
    its pattern gives the accused ("blamed the attack on BRN insurgents", "attributed it to
    JNIM fighters"; ``attribution_patterns``), whose marks or work an event is said to be
    ("bore the hallmarks of BRN insurgents": ``signature_nouns``, ``authorship_nouns``), or
    whom a raising verb says the doers are ("gunmen presumed to be X fighters")."""
    table = r.pack.table("attribution_patterns")
    be = tok.head
    if (
        tok.dep_ == "attr"
        and be.lemma_.lower() in r.words("copula_lemmas")
        and be.dep_ == "xcomp"
        and be.head.lemma_.lower() in r.pack.table("raised_stances")
        and (be.head.dep_ != "acl" or _doer_phrase(be.head.head))
    ):
        # "assailants presumed to be ADF fighters": who the doers are said to be (not
        # "arrested three men believed to be ADF fighters": whom it went after)
        return True
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    prep = tok.head
    verb = prep.head
    signs = r.words("signature_nouns") | r.pack.optional_words("authorship_nouns")
    if prep.lower_ in r.words("of_preps") and verb.lemma_.lower() in signs:
        return True  # "bore the hallmarks of BRN insurgents", "the work of X fighters"
    if verb.pos_ in _NOUN and verb.dep_ == "dobj":
        verb = verb.head  # the preposition on the verb's object
    patterns = table.get(verb.lemma_.lower(), [])
    return any(p.get("actor") == prep.lower_ for p in patterns)


def _accused_of(r: Reading, tok: Token) -> set[int]:
    """The events (trigger token indices) a phrase is held responsible for as the subject or
    object of a verb of attribution, in the phrase its pattern gives the event ("X militants
    were blamed for the attack", "suspected X fighters of carrying out the attack";
    ``attribution_patterns``); none when the pattern names no event ("X commanders were
    believed killed in a strike": no one is blamed)."""
    if tok.dep_ not in ("nsubjpass", "dobj"):
        return set()
    verb = tok.head
    out: set[int] = set()
    for p in r.pack.table("attribution_patterns").get(verb.lemma_.lower(), []):
        if p.get("actor") != tok.dep_ or p.get("event") in (None, "dobj", "nsubjpass"):
            continue
        # (on the verb, or on the accused as the parser may hang it: "suspected X of E")
        for c in [*verb.children, *tok.children]:
            if c.dep_ == "prep" and c.lower_ == p["event"]:
                out |= {t.i for t in c.subtree if t.i in r.by_tok}
    return out


def affiliation_targets(r: Reading) -> None:
    """``detained two men while in search of a Taliban facilitator``: an armed group that
    qualifies the people an arrest or attack went after is its target."""
    roles = r.words("role_nouns")
    groups = []
    spared: dict[str, set[int]] = {}  # the events a group is held responsible for
    for t in r.tokens:
        if (
            t.i in r.ent_of
            and r.ent_of[t.i].label_ in ("ArmedGroup", "Government")
            and r.ent_of[t.i].start == t.i
        ):
            span = r.ent_of[t.i]
            head = span.root.head
            hops = 0
            while head.dep_ in ("compound", "amod", "nmod") and hops < 3 and head.head is not head:
                if head.lower_ in roles:
                    break
                head, hops = head.head, hops + 1
            if (
                span.root.dep_ in ("compound", "amod", "nmod", "poss")
                and head.lower_ in roles
                and not _doer_phrase(head, r)
                and not _held_responsible(r, head)
            ):
                groups.append(span)
                spared.setdefault(span.kb_id_, set()).update(_accused_of(r, head))
    if not groups:
        return
    arrest = classes.named("arrest")
    for m in r.found:
        if not (classes.subsumes(arrest, m.cls) or m.violent):
            continue
        if any(not is_group_key(k) for k in m.roles.get("target", []) + m.roles.get("victim", [])):
            continue  # a named target already; unnamed "insurgents" say less than the group
        doers = set(m.roles.get("agent", []) + m.roles.get("perpetrator", []))
        for span in groups:
            if span.kb_id_ not in doers and m.trigger.i not in spared.get(span.kb_id_, ()):
                m.add("target", span.kb_id_)
