"""Event coreference within a document: the mentions that tell one real-world event.

A later mention ("the bombings", "Wednesday's attack", a follow-up sentence telling the same
arrest) joins an earlier event unless something conflicts (date, perpetrator, place) or the
text says "another"/"additional". Statements join when the same speaker says the same kind
of thing about the same events. Which classes may tell one event comes from
:func:`kg.extract.classes.coref_compatible`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.extract import classes
from kg.extract.arguments import DOER_ROLES
from kg.extract.classify import Features, decide
from kg.extract.counts import add_counts
from kg.extract.entities import ARMED_GROUP_KEY, CIVILIAN_KIND, FORCE_KINDS, group_kind
from kg.extract.gazetteer import Gazetteer
from kg.extract.groups import is_placeholder as unnamed
from kg.extract.mentions import Mention
from kg.records import Quantity


@dataclass
class Event:
    """One real-world event of the document, as its mentions are merged."""

    key: str
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    extra: set[str] = field(default_factory=set)
    roles: dict[str, list[str]] = field(default_factory=dict)
    date: str | None = None
    date_basis: str = "text"
    date_explicit: bool = False
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    about: list[str] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    part_of: str | None = None
    part_count: int | None = None
    inherited_place: bool = False
    cues: set[str] = field(default_factory=set)
    # the counts told so far only by the event's doers ("claimed the attack and put the
    # toll at more than 20"): any count told by others replaces them
    partisan: set[str] = field(default_factory=set)

    def add(self, role: str, key: str) -> None:
        """Add ``key`` under ``role`` once."""
        lst = self.roles.setdefault(role, [])
        if key not in lst:
            lst.append(key)

    @property
    def speech(self) -> bool:
        """Whether it is a statement."""
        return classes.is_speech(self.cls)


def related(a: str, b: str, gaz: Gazetteer, kin: Mapping[str, list[str]] | None = None) -> bool:
    """Same actor, or one an affiliate/part/member of the other (ISIS-K and Islamic State),
    by the gazetteer or by the text (``kin``: key -> the groups it is said to be part of,
    "the IRA's Belfast brigade")."""
    if a == b:
        return True
    for s, o in ((a, b), (b, a)):
        if kin and o in kin.get(s, []):
            return True
        if s in gaz:
            rel = gaz[s].relations
            if any(o in rel.get(p, []) for p in ("affiliateOf", "partOf", "memberOf")):
                return True
    return False


def _ancestors(place: str, gaz: Gazetteer, located: Mapping[str, list[str]]) -> set[str]:
    """The places ``place`` lies in: the gazetteer's, and for places it lacks those the text
    puts it in (``located``: key -> keys, "Moi Avenue" in Mombasa), and theirs."""
    out: set[str] = set()
    todo = [place]
    while todo:
        p = todo.pop()
        up = set(gaz.ancestors(p)) if p in gaz else set(located.get(p, []))
        for a in up - out:
            out.add(a)
            todo.append(a)
    out.discard(place)
    return out


def _leaves(places: list[str], gaz: Gazetteer, located: Mapping[str, list[str]]) -> list[str]:
    """The most precise of ``places``: those no other of them lies in."""
    inside = {a for p in places for a in _ancestors(p, gaz, located)}
    return [p for p in places if p not in inside]


def place_compatible(
    a: list[str],
    b: list[str],
    gaz: Gazetteer,
    located: Mapping[str, list[str]] | None = None,
    unknown_fits: bool = False,
) -> bool:
    """Whether two sets of places can be one event's: a shared place, or one inside another,
    among the most precise of each ("in Borno, near Konduga" and "outside Bama, Borno" are
    two places of one province, not one place). ``located`` puts places the gazetteer lacks
    where the text does (key -> keys: a street in its town). With ``unknown_fits``, a place
    of ``a`` that neither the gazetteer nor the text puts anywhere may lie in any of ``b``
    ("The attack took place in X", X a village no gazetteer knows).

    >>> gaz = Gazetteer.load()
    >>> place_compatible(["place/moi-avenue"], ["ke-mombasa-186301"], gaz)
    False
    >>> place_compatible(["place/moi-avenue"], ["ke-mombasa-186301"], gaz,
    ...                  {"place/moi-avenue": ["ke-mombasa-186301"]})
    True
    >>> place_compatible(["place/moi-avenue"], ["ke-mombasa-186301"], gaz, unknown_fits=True)
    True
    """
    if not a or not b:
        return True
    located = located or {}
    if unknown_fits and all(p not in gaz and p not in located for p in a):
        return True
    for p in _leaves(a, gaz, located):
        for q in _leaves(b, gaz, located):
            if p == q or q in _ancestors(p, gaz, located) or p in _ancestors(q, gaz, located):
                return True
    return False


def _one_country(a: list[str], b: list[str], gaz: Gazetteer) -> bool:
    """Whether all places of ``a`` and ``b`` the gazetteer knows lie in one country, and
    some do."""
    countries = {gaz[p].country or p for p in [*a, *b] if p in gaz}
    return len(countries) == 1


def _dates_conflict(
    m: Mention, explicit: str | None, ev: Event, later: bool = False, history: bool = False
) -> bool:
    """Whether the mention's date, ``explicit``, rules out the event's. The dead found or
    dying ``later`` may be dated days after the event. In a ``history`` (every event told
    so far is dated by its year alone) a bare "the attack" is one of them."""
    if ev.date_explicit and _other_day(explicit, ev.date, later):
        return True
    if (
        not ev.date_explicit
        and ev.date_basis in _STAND_IN_DAYS
        and explicit
        and ev.date
        and len(explicit) <= 7
        and not ev.date.startswith(explicit)
    ):
        return True  # "In June, militants killed 20": not the month a source told of one
    if m.year and not (ev.date and ev.date.startswith(m.year)):
        return True
    # a past event named by its year is not "the attack" of the story
    return _year_dated(ev) and not explicit and not history


def _year_dated(ev: Event) -> bool:
    """Whether the text dates the event by its year alone ("a 2017 attack")."""
    return bool(ev.date_explicit and ev.date and len(ev.date) == 4)


# date bases that only stand in for the event's own day (ckg:ReportedDate, PublicationDate)
_STAND_IN_DAYS = ("reported", "publication")

# how many days after an event its dead may be found, or die, and still be its dead
_LATER_DAYS = 7


def _other_day(told: str | None, known: str | None, later: bool) -> bool:
    """Whether a mention's date ``told`` differs from an event's ``known`` one (neither
    holds the other: "2024-01" holds "2024-01-03"), a few days ``later`` allowed.

    >>> _other_day("2024-01-05", "2024-01-03", False), _other_day("2024-01", "2024-01-03", False)
    (True, False)
    >>> _other_day("2024-01-05", "2024-01-03", True), _other_day(None, "2024-01-03", False)
    (False, False)
    """
    if not told or not known or told.startswith(known) or known.startswith(told):
        return False
    return not (later and _days_later(known, told))


def _days_later(first: str, then: str) -> bool:
    """Whether ``then`` is a day up to ``_LATER_DAYS`` after ``first`` (ISO days).

    >>> _days_later("2024-02-27", "2024-03-01"), _days_later("2024-02", "2024-03-01")
    (True, False)
    """
    if len(first) != 10 or len(then) != 10:
        return False
    return first < then <= (date.fromisoformat(first) + timedelta(days=_LATER_DAYS)).isoformat()


# how many of the latest events a mention may refer back to (besides the lead)
_WINDOW = 60


def _closing_count(m: Mention) -> bool:
    """A note's closing count ("4 fatalities.") naming no one: the toll of whatever harmful
    event the note told (a raid's too), not an event of its own, and of no kind."""
    return bool(m.tolls) and not any(m.roles.get(r) for r in ("victim", "target", *DOER_ROLES))


def _cued(cls: str, cues: set[str]) -> str:
    """The class the weapons told with an event make it ("a pipe bomb was thrown": a
    bombing, the kind "the device exploded" tells again), by the class rules' cues alone."""
    return decide(Features(base={cls}, cues=set(cues)))[0] or cls


def _reading(cls: str) -> str:
    """The class a mention of ``cls`` is read as when non-state groups do it."""
    return str(classes.behaviour(cls, "nonstate_reading") or cls)


def _same_word_read_apart(m: Mention, ev: Event) -> bool:
    """ "the raid" and "gunmen raided": one word that only the doers' reading
    (``nonstate_reading``) put in different classes."""
    if m.trigger.lemma_.lower() not in {x.trigger.lemma_.lower() for x in ev.mentions}:
        return False
    return classes.coref_compatible(_reading(m.cls), _reading(ev.cls))


def _crowd_named(m: Mention, ev: Event) -> bool:
    """Whether a toll names the people hurt as of the crowd's own kind or as its doers ("2
    rioters were killed" after a riot: ``civilian_doers_as``); people of no side hurt where
    a crowd was are not named so."""
    kind = classes.behaviour(ev.cls, "civilian_doers_as")
    victims = m.roles.get("victim", [])
    own = set(ev.roles.get("perpetrator", []))  # (the crowd named as its doers)
    return bool(kind and victims) and all(group_kind(k) == kind or k in own for k in victims)


def _crowd_toll(m: Mention, ev: Event) -> bool:
    """A toll of a crowd's event told on its own ("three protesters were killed" after a
    protest was dispersed): people of the crowd's kind (``civilian_doers_as``) hurt by no
    one named, with the state's forces when forces handled the crowd ("several protesters
    and 10 police officers were injured"), or a toll of no one named at all ("1
    fatality.", "injuring 4")."""
    kind = classes.behaviour(ev.cls, "civilian_doers_as")
    victims = m.roles.get("victim", [])
    if not kind or _caused_otherwise(m):
        return False  # (doers of its own, or "injured by a car bomb": another cause)
    if not victims:
        return not m.roles and (m.fatalities is not None or m.injured is not None)
    # (forces that handled the crowd, or that it fought: "youths clashed with police")
    handled = bool(ev.roles.get("participant")) or any(
        group_kind(k) in FORCE_KINDS for k in ev.roles.get("target", [])
    )
    # people of no kind hurt where forces broke up a crowd ("used tear gas to break up a
    # protest, leaving 18 people injured") were of the crowd
    crowd = {kind, CIVILIAN_KIND} if handled else {kind}
    # (and the crowd's own people, named: "BNP supporters protested ... 1 BNP activist killed")
    own = set(ev.roles.get("perpetrator", []))

    def of_crowd(k: str) -> bool:
        return group_kind(k) in crowd or k in own

    # (forces hurt alone where they broke up a crowd: "10 police officers were injured")
    return (handled or any(of_crowd(k) for k in victims)) and all(
        of_crowd(k) or (handled and group_kind(k) in FORCE_KINDS) for k in victims
    )


def _operation_toll(m: Mention, ev: Event) -> bool:
    """``Soldiers raided X. 3 militants killed.``: a toll told with no doer and no cause of its
    own after an operation is the operation's dead (ACLED counts them in its event)."""
    if classes.behaviour(ev.cls, "coref_family") != "operation" or _caused_otherwise(m):
        return False
    return m.fatalities is not None or m.injured is not None


def _caused_otherwise(m: Mention) -> bool:
    """Whether a toll names what caused it: a doer, or a "by" phrase ("injured by a car
    bomb"), so that it is no other event's toll told on its own."""
    # (but gunfire, the operation's own: "one officer was wounded by gunfire")
    gunfire = bool(m.cues) and m.cues <= {"firearm"}
    return any(m.roles.get(r) for r in DOER_ROLES) or (
        any(c.dep_ == "agent" for c in m.trigger.children) and not gunfire
    )


def _doers(roles: Mapping[str, list[str]]) -> set[str]:
    """Everyone ``roles`` names as doing it, whatever the stance (``DOER_ROLES``)."""
    return {k for r in DOER_ROLES for k in roles.get(r, [])}


def _others_did_it(m: Mention, ev: Event) -> bool:
    """Looting and violence told as one incident ("looted livestock, killing three") are
    one only when the same people did both: police who fired on rioters who looted did
    another thing (any doers, named or not, told on both and none shared)."""
    if classes.behaviour(m.cls, "coref_family") == classes.behaviour(ev.cls, "coref_family"):
        return False
    if not (classes.behaviour(m.cls, "site_targets") or classes.behaviour(ev.cls, "site_targets")):
        return False
    mine, theirs = _doers(m.roles), _doers(ev.roles)
    if not (mine and theirs) or mine & theirs:
        return False
    # armed men of no name told later are the men told before ("ISWAP fighters raided a
    # base ... The assailants looted weapons"); those told before may be the men of a group
    # that says it later ("gunmen shot dead two teachers and set fire to their school ...
    # X said its fighters carried out the killings"), not of one said to act on its own
    # ("UPC elements burned houses"); never a state's forces
    stated = set(m.roles.get("perpetrator", [])) | set(m.roles.get("agent", []))
    for nameless, named in ((mine, theirs), (theirs, mine)):
        if nameless != {ARMED_GROUP_KEY} or any(group_kind(k) in FORCE_KINDS for k in named):
            continue
        if nameless is mine or not named & stated:
            return False
    return True


def _forces_later(m: Mention, ev: Event) -> bool:
    """Whether a state's forces did, at a later time (``other_time``: "later", a date of
    its own), what an event of other doers set off: "gunmen killed two officers ... Security
    forces later tracked down and killed three suspects" tells the forces' operation, not
    more dead of the attack."""
    mine, theirs = _doers(m.roles), _doers(ev.roles)
    # (not a past perfect alone: "the army said it had killed three gunmen" answers the
    # attack in the same fight)
    verb = m.trigger
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    return (
        m.other_time
        and not perfect
        and bool(mine and theirs)
        and all(group_kind(k) in FORCE_KINDS for k in mine)
        and not any(group_kind(k) in FORCE_KINDS for k in theirs)
    )


def _same_doers(m: Mention, ev: Event) -> bool:
    """Whether the doers ``m`` names (named or not) are among the event's, or it names
    none: "The attackers ... opened fire" tells the gunmen's attack again, "Troops ... opened
    fire" does not."""
    mine = set(m.roles.get("perpetrator", []) + m.roles.get("agent", []))
    theirs = set(ev.roles.get("perpetrator", []) + ev.roles.get("agent", []))
    return not mine or not theirs or bool(mine & theirs)


def _bare_noun(m: Mention) -> bool:
    """``The operation was centred on Istanbul``, ``The operation, which began at dawn, left
    two dead``: an event noun with only its article (and a relative clause), and no doer,
    target, place or date of its own (not "the army's operation against al-Shabaab in Lamu",
    "the operation, named Shujaa, ...")."""
    tok = m.trigger
    return (
        tok.pos_ == "NOUN"
        and all(c.dep_ in ("det", "punct", "relcl") for c in tok.children)
        and not m.roles
        and not m.dates
    )


def corefer(
    events: list[Event],
    m: Mention,
    explicit: str | None,
    gaz: Gazetteer,
    definite: bool = False,
    consequence: bool = False,
    located: Mapping[str, list[str]] | None = None,
    later: bool = False,
    kin: Mapping[str, list[str]] | None = None,
) -> Event | None:
    """An earlier event this mention refers to, or ``None`` for a new event.

    A definite mention ("the bombings", "Wednesday's attack", or a verb told with one:
    ``definite``) or one on the same day refers to the most salient compatible event: same
    trigger word first, then same kind of violence, then the most mentioned, then the most
    recent. A verb of the same kind of event, or telling what an event did to people
    (``consequence``: "three officers were killed", "13 people suffered injuries"),
    elaborates the event before it.
    Compatible means no conflict of date, perpetrator (affiliates agree) or place (the
    gazetteer's, and ``located``: where the text puts places the gazetteer lacks; ``kin``:
    the groups the text puts units in); the dead
    found or dying ``later`` ("bodies were found on Saturday", "another died on Tuesday")
    may be dated a few days after the event.
    """
    generic_cls = classes.named("attack")
    best: tuple[tuple[int, ...], Event] | None = None
    # the story's lead and the events told lately: a long document costs no more per mention
    window = range(len(events))
    if len(events) > _WINDOW:
        window = range(len(events) - _WINDOW, len(events))
        window = [0, *window] if 0 not in window else window  # type: ignore[assignment]
    closing = _closing_count(m)
    # a bare "the attack" in a history (not "the attack on a school in X": a new one)
    history = not m.roles and all(_year_dated(e) for e in events if not e.speech)
    for idx in window:
        ev = events[idx]
        if ev.speech:
            continue
        if not (
            classes.coref_compatible(m.cls, ev.cls)
            or (m.definite and _bare_noun(m) and classes.told_as(m.cls, ev.cls))
            or _same_word_read_apart(m, ev)
            or (consequence and _crowd_toll(m, ev))
            or (consequence and _operation_toll(m, ev))
            or (closing and classes.behaviour(ev.cls, "victims_count") is None)
        ):
            continue
        if m.additional and (
            classes.behaviour(m.cls, "never_empty")
            or m.trigger.pos_ in ("VERB", "AUX")
            or m.precedent  # (an earlier event named in passing, a noun too)
        ):
            # "one additional suspect was detained": another arrest; "In a separate
            # incident, bandits attacked the village": another attack
            continue
        if m.item and any(x.item != m.item for x in ev.mentions):
            continue  # another item of a roundup, or the roundup's summary
        if (
            consequence
            and not (m.dates or m.year)
            and all(x.precedent and x.trigger.dep_ == "advcl" for x in ev.mentions)
        ):
            # a toll told next is the story's, not of an earlier event told in a clause of
            # time ("..., a day after a gunman killed two brothers. One man was killed.")
            continue
        if _dates_conflict(m, explicit, ev, later, history):
            continue
        # who did it: named doers only ("gunmen" conflicts with no one)
        mp = [
            k for k in m.roles.get("perpetrator", []) + m.roles.get("agent", []) if not unnamed(k)
        ]
        ep = [
            k for k in ev.roles.get("perpetrator", []) + ev.roles.get("agent", []) if not unnamed(k)
        ]
        if mp and ep and not any(related(a, b, gaz, kin) for a in mp for b in ep):
            continue
        if _others_did_it(m, ev) or _forces_later(m, ev):
            continue
        eloc = [] if ev.inherited_place else ev.roles.get("location", [])
        # "the attack took place in X", X a place no one knows the whereabouts of: the
        # story's event told closer (a verb saying it happened, on no other day)
        told_back = (
            (m.definite or definite)
            and m.asserted
            and m.trigger.pos_ in ("NOUN", "PROPN")
            and not (ev.date_explicit and _other_day(explicit, ev.date, later))
        )
        here = m.roles.get("location", [])
        # "killed six in eastern Burkina Faso ... The attackers arrived in the village of X
        # and opened fire": a place no one knows, inside the country the event was put in
        # (or in the region it was put in, on the day before the one a source told of it:
        # "shot dead three workers in X province, police said on Thursday. The workers were
        # attacked on Wednesday in Dekai")
        stand_in = ev.date_basis in _STAND_IN_DAYS and not ev.date_explicit
        earlier = bool(stand_in and explicit and ev.date and explicit[:10] <= ev.date)
        within_country = (
            m.trigger.pos_ in ("VERB", "AUX")
            and not m.additional
            and (not (m.other_time or m.dates or m.year) or earlier)
            and _same_doers(m, ev)
            and bool(eloc)
            and all(
                p in gaz and (gaz[p].kind == "country" or (earlier and gaz[p].kind == "admin1"))
                for p in eloc
            )
            and not (ev.date_explicit and _other_day(explicit, ev.date, later))
        )
        if not place_compatible(here, eloc, gaz, located, told_back or within_country) and not (
            # "The attack took place near X": the story's only event told closer, in its
            # country (the text may name its region by a wider or older name)
            told_back and sum(not e.speech for e in events) == 1 and _one_country(here, eloc, gaz)
        ):
            continue
        same_day = bool(explicit and ev.date and explicit == ev.date)
        # a report leads with an event and then tells it again in detail: a later mention of
        # the same kind, with nothing that conflicts and no "another"/"additional", is the same
        # (the weapon told again, "The device exploded", is of the kind its event was told as)
        same_kind = classes.coref_close(m.cls, ev.cls) or (
            m.weapon_again and classes.coref_close(_cued(m.cls, m.cues), _cued(ev.cls, ev.cues))
        )
        elaboration = (
            (same_kind or consequence)
            and not m.additional
            and (m.trigger.pos_ in ("VERB", "AUX") or consequence)
        )
        # a word alone ("there was an explosion") tells again an event of its kind
        told_again = m.bare and same_kind and not m.additional
        if not (m.definite or definite or same_day or elaboration or told_again):
            continue
        if not (m.definite or definite or same_day):
            # an elaboration names nothing that differs: not the story's day or place either
            # ("... was killed in a U.S. drone strike in Baghdad in January 2020"), but the
            # day a source told of it, or the publication's, is no day of the event's own
            if _other_day(explicit, ev.date, later) and ev.date_basis not in _STAND_IN_DAYS:
                continue
            here, there = m.roles.get("location", []), ev.roles.get("location", [])
            if not place_compatible(here, there, gaz, located, within_country):
                continue
        lemmas = {x.trigger.lemma_.lower() for x in ev.mentions}
        # a bare "the attack" names no kind: it refers to the story's main event, the one
        # its lead tells first; a specific word ("the bombing") prefers its own kind, then
        # the most told
        generic = m.cls == generic_cls and m.trigger.pos_ in ("NOUN", "PROPN")
        fam = classes.behaviour(m.cls, "coref_family") == classes.behaviour(ev.cls, "coref_family")
        # a note's closing count is the toll of the event told with dead, if one is
        counted = int(any(getattr(ev, q) is not None for q in m.tolls))
        score = (
            counted,
            # (the crowd's own dead are its event's: "2 rioters were killed" after a riot
            # told with the beating that set it off)
            int(consequence and _crowd_named(m, ev)),
            int(same_day),
            0 if generic else int(fam),
            # (the same means: "Two residents burned to death" after houses set on fire)
            0 if generic else int(bool(m.cues & ev.cues)),
            0 if generic else len(ev.mentions),
            0 if generic else int(m.trigger.lemma_.lower() in lemmas),
            -idx if generic else idx,
        )
        if best is None or score > best[0]:
            best = (score, ev)
    return best[1] if best else None


def same_statement(events: list[Event], m: Mention, of_mention: dict[int, Event]) -> Event | None:
    """One node per statement: the same speaker saying the same kind of thing about the same
    events (a claim about another event is another claim)."""

    def about(ms: list[Mention]) -> set[str]:
        return {of_mention[a].key for x in ms for a in x.about if a in of_mention}

    speakers = set(m.roles.get("speaker", []))
    for ev in events[-_WINDOW:]:
        if ev.cls != m.cls or not speakers:
            continue
        if set(ev.roles.get("speaker", [])) != speakers:
            continue
        if classes.behaviour(m.cls, "one_per_event") and ev.mentions:
            mine, theirs = about([m]), about(ev.mentions)
            if mine and theirs and not mine & theirs:
                continue
        return ev
    return None


def _attackers_dead(told: set[str], doers: set[str], victims: set[str]) -> bool:
    """Whether the people a mention counts are armed men of no name, killed in an event
    whose doers are no state's forces and whose victims so far are forces: the attackers'
    own dead, more dead of the same event (ACLED's fatalities count both sides)."""
    return (
        bool(told and doers and victims)
        and all(group_kind(k) == "armed" for k in told)
        and not any(group_kind(k) in FORCE_KINDS for k in doers)
        and all(group_kind(k) in FORCE_KINDS for k in victims)
    )


def absorb(
    ev: Event, m: Mention, explicit: str | None, armed: frozenset[str] = frozenset()
) -> None:
    """Merge mention ``m`` into ``ev``: the more specific class, the roles, the explicit date,
    the fuller counts (``armed``: the keys of the document's named non-state armed groups,
    whose men of no name a count may be)."""
    victims_before = set(ev.roles.get("victim", []))
    doers = set(ev.roles.get("perpetrator", []) + ev.roles.get("agent", []))
    any_doers = _doers(ev.roles)  # (alleged ones too)
    before = list(ev.mentions)
    ev.mentions.append(m)
    ev.cues |= m.cues
    if m.cls != ev.cls and not classes.coref_compatible(m.cls, ev.cls):
        # joined by one word read apart: the doers' reading stands ("the raid" told before
        # "gunmen raided" becomes the attack); a note's closing count names no kind
        if (
            not _closing_count(m)
            and _reading(ev.cls) != ev.cls
            and _reading(ev.cls) == _reading(m.cls)
        ):
            ev.cls = m.cls
    elif m.cls != ev.cls:
        if m.speech and ev.speech:
            if classes.depth(m.cls) > classes.depth(ev.cls):
                ev.cls = m.cls  # "said" then "claimed": the claim
        elif classes.depth(m.cls) > classes.depth(ev.cls):
            ev.extra.add(ev.cls)
            ev.cls = m.cls
        else:
            ev.extra.add(m.cls)
    ev.extra |= m.extra_types
    for extra in sorted(ev.extra):
        # "a suicide attack": the suicide bombing is the more specific reading of an attack
        if classes.subsumes(ev.cls, extra) and classes.depth(extra) > classes.depth(ev.cls):
            ev.extra.discard(extra)
            ev.extra.add(ev.cls)
            ev.cls = extra
    # the attackers' own death at the hands of those who stopped them ("... before he was
    # shot dead by a police officer"): their dead count, the police are no doers of the attack
    told_dead = set(m.roles.get("victim", []))
    # (or armed men of no name, where the doers are named armed groups, stated or not: the
    # attackers "suspected Islamic State-linked militants" that police shot dead)
    theirs = doers or any_doers
    stopped = not m.more_victims and (
        (told_dead == doers and bool(doers))
        or (told_dead == {ARMED_GROUP_KEY} and bool(theirs) and theirs <= armed)
    )
    responders = {k for k in m.roles.get("perpetrator", []) if k not in doers}
    for role, keys in m.roles.items():
        for k in keys:
            if not (stopped and role == "perpetrator" and k in responders):
                ev.add(role, k)
    launched = {k for x in ev.mentions for k in x.launched_from}
    locs = ev.roles.get("location", [])
    if launched and set(locs) - launched:
        # where it was fired from, after where it struck ("a rocket fired from Gaza hit X")
        ev.roles["location"] = [k for k in locs if k not in launched] + [
            k for k in locs if k in launched
        ]
    if explicit and (not ev.date_explicit or (len(explicit) > len(ev.date or ""))):
        ev.date, ev.date_explicit, ev.date_basis = explicit, True, "text"
    for q in ("fatalities", "injured", "arrested"):
        # an elaboration that counts more people is the fuller account; other people of
        # the same event ("six militants were also killed") add to it
        v, cur = getattr(m, q), getattr(ev, q)
        # and the attackers' own dead ("100 of the assailants were killed as they withdrew"),
        # but not a suicide bomber counted again ("the bomber was also killed": counted with
        # the bombing's dead when the records are built)
        told = set(m.roles.get("victim", []))
        # (the doers all, not one side of a fight, nor people among the event's victims:
        # "forces killed one insurgent ... resulting in one insurgent being killed" tells
        # that death again)
        own = (
            bool(doers or any_doers) and told == (doers or any_doers) and not told & victims_before
        )
        # (or armed men of no name killed in an attack on forces: "militants attacked a
        # base, killing 11 soldiers ... 25 militants were killed": the attackers' dead, as
        # the monitors count them)
        own = own or _attackers_dead(told, any_doers, victims_before)
        # (or armed men of no name, where a named armed group did it: "X gang members
        # attacked Ennery ... 2 gang members were killed", its men)
        own = own or (
            told == {ARMED_GROUP_KEY}
            and bool(doers or any_doers)
            and (doers or any_doers) <= armed
            and not told & victims_before
        )
        bomber = own and "bomber_died" in ev.cues
        # the same figure the sentence already gave the event is that toll, not more dead
        # ("clashes between herders ... killed between 20 and 30 people")
        if (
            v is not None
            and v == cur
            and not m.more_victims
            # (but the doers' own death: "killed his wife before he was shot dead by police")
            # (or those who stopped them killed them: "before police shot dead both attackers")
            and not (
                own
                and (m.doers_died or bool(m.roles.get("perpetrator")))
                and not told & victims_before
            )
            and any(x.sent.start == m.sent.start and getattr(x, q) == v for x in before)
        ):
            continue
        if v is not None and cur is not None and m.partisan:
            continue  # the doers' own count ("saying it had killed around 300") is theirs
        if v is not None and q in ev.partisan:
            # a count told by others replaces the doers' own, told before it
            ev.partisan.discard(q)
            if not m.partisan:
                setattr(ev, q, v)
                continue
        if v is not None and cur is None and m.partisan:
            ev.partisan.add(q)
        if v is not None and q in m.tolls:
            setattr(ev, q, v)  # a toll is the whole count, the latest told
        elif (
            v is not None
            and cur is not None
            and v.best is not None
            and cur.best is not None
            and (m.more_victims or own)
            and q != "arrested"
            and not bomber
        ):
            setattr(ev, q, add_counts(cur, v))
        elif v is not None and (cur is None or (v.best or 0) > (cur.best or 0)):
            setattr(ev, q, v)
    if m.part_count and not ev.part_count:
        ev.part_count = m.part_count
    if "location" in m.roles and ev.inherited_place:
        ev.roles["location"] = list(m.roles["location"])
        ev.inherited_place = False
