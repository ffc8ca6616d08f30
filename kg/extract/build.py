"""From an annotated spaCy ``Doc`` to extraction records, one node per real-world thing.

The ``ckg_records`` component runs last: it merges the mentions of one event
(:mod:`~kg.extract.coref`), resolves dates against the article's date, carries the
narrative's time and place to events told without them (:mod:`~kg.extract.narrative`), links
statements to the events they are about, and describes the entities with what the gazetteer
knows. Its output is plain data (:class:`kg.records.Extraction`).
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import classes
from kg.extract.classify import Features, actor_kinds, decide, doer_kinds, is_nonstate_armed
from kg.extract.coref import Event, absorb, corefer, same_statement
from kg.extract.counts import add_counts, count_on, labelled_figure, zero_tolls
from kg.extract.dates import find_dateline, from_anchor, resolve
from kg.extract.doctext import TEXT_KEY, TOKENS_KEY
from kg.extract.entities import (
    ARMED_GROUP_KEY,
    DATELINE_KEY,
    FORCE_KINDS,
    GROUP_PREFIX,
    GROUP_TYPES,
    METONYMS_KEY,
    SITE_PREFIX,
    SPAN_KEY,
    group_kind,
    spokespersons,
)
from kg.extract.gazetteer import PLACE_TYPES, Gazetteer
from kg.extract.groups import Groups, document_country, is_placeholder
from kg.extract.lang import LanguagePack, language_pack
from kg.extract.mentions import ENTITY_TYPES_KEY, PERSONS_KEY, Mention
from kg.extract.narrative import DATE_ENTS_KEY, headline_end, read_narrative, sentence_day
from kg.geo.precision import geo_precision, locate_places
from kg.records import Article, DateValue, EntityRecord, EventRecord, Extraction, Quantity
from kg.records import Span as TextSpan

log = logging.getLogger("kg.extract")

_DESCRIPTIVE_CUES = "descriptive_name_cues"


def _adjectival(span: Span) -> bool:
    """Whether a place is named as whose something is, not where: by its adjective ("an
    American citizen", "Afghan forces") or as a participle's modifier ("Iran-backed
    militants")."""
    root = span.root
    return (
        root.tag_ == "JJ"
        or root.ent_type_ == "NORP"
        or (root.dep_ in ("npadvmod", "compound") and root.head.tag_ == "VBN")
    )


def build_extraction(
    doc: Doc, article: Article, gaz: Gazetteer | None = None, pack: LanguagePack | None = None
) -> Extraction:
    """Turn an annotated Doc into an :class:`Extraction` for ``article``."""
    gaz = gaz or Gazetteer.load()
    pack = pack or language_pack(doc.lang_)
    x = Extraction(article)
    x.warnings.extend(doc.user_data.get("ckg_warnings", []))
    for w in x.warnings:
        log.warning("%s: %s", article.id, w)
    text = article.text
    dl = find_dateline(text, ref=article.published)
    ref = article.published or (dl.iso if dl else None)
    heading = dl if dl is not None and dl.heading else None
    # a figure opening the text: an incident database's date ("09/09/2025: ..."), not a
    # dispatch's dateline ("KABUL, Sept 11 (Reuters) -"), the day it was filed
    summary_date = heading is not None and text[heading.start : heading.start + 1].isdigit()
    day_ref = None if summary_date else ref  # what a day word ("overnight") counts from
    head_end = max(headline_end(text), heading.end if heading else 0)

    groups = Groups(gaz)
    spans = _entities(doc, x, gaz, pack, groups)
    groups.located = {}
    kin: dict[str, list[str]] = {}  # a unit -> the group the text puts it in
    for subj, prop, obj in doc._.ckg_relations or []:
        if prop == "locatedIn":
            groups.located.setdefault(subj, []).append(obj)
        elif prop == "partOf":
            kin.setdefault(subj, []).append(obj)
    # where the text says things happened: the places it names, a country's adjective only
    # when it names none ("an American citizen abducted in X, Tahoua, Niger" is in Niger)
    # (in text order, the dateline first: where it was filed wins a tie)
    places = sorted((s for s in spans if s.label_ in PLACE_TYPES), key=lambda s: s.start)
    groups.country = document_country(
        [s.kb_id_ for s in places if not _adjectival(s)], gaz, groups.located
    ) or document_country([s.kb_id_ for s in places], gaz, groups.located)
    place_spans = {
        (s.start_char, s.end_char): s.kb_id_
        for s in spans
        if s.kb_id_ in x.entities and x.entities[s.kb_id_].is_place and s.start_char >= head_end
    }
    story = read_narrative(
        doc,
        text,
        day_ref,
        heading.iso if heading else None,
        head_end,
        place_spans,
        x.entities,
        gaz,
        pack,
        groups.located,
    )

    # ---------------------------------------------------------------- events
    mentions: list[Mention] = [m for m in (doc._.ckg_events or []) if m.trigger.idx >= head_end]
    armed = frozenset(
        k for k, e in x.entities.items() if any(is_nonstate_armed(t) for t in e.types)
    )
    by_id = {m.id: m for m in mentions}
    events: list[Event] = []
    of_mention: dict[int, Event] = {}

    def new_event(cls: str) -> Event:
        ev = Event(key=f"e{len(events) + 1}", cls=cls)
        events.append(ev)
        return ev

    def told_first(m: Mention) -> Mention:
        """The mention a chain of ``same_as`` links ends at ("shells fired ... hit a market"
        -> hit -> "were killed"): one event for the whole chain."""
        seen = {m.id}
        while m.same_as is not None and m.same_as in by_id and m.same_as not in seen:
            m = by_id[m.same_as]
            seen.add(m.id)
        return m

    def narrative_date(ev: Event, m: Mention, k: int) -> None:
        """A verb's event happens in the narrative's time (its sentence's date, else the
        story's), a statement when it was made; with neither, the publication date, marked
        as such."""
        if ev.date is not None or not (m.trigger.pos_ in ("VERB", "AUX", "ADJ") or m.asserted):
            return
        if m.precedent:
            return  # an earlier event named in passing happened at no time the story tells
        # (an incident summary's opening date, "09/09/2025: ... were hacked to death
        # overnight", is the day of its incident: no day word moves it)
        own = sentence_day(m.sent, day_ref, pack, head_end, m.trigger)
        told = story.dates[k] if not m.speech else None
        if own:
            # (the day a source told of it, when nothing else dates it: "reported")
            ev.date, ev.date_basis = own[0], "reported" if own[1] and not m.speech else "text"
        elif told:
            ev.date, ev.date_basis = told
        elif article.published and not m.speech:
            ev.date, ev.date_basis = article.published, "publication"

    told_with_map: dict[int, list[Mention]] = {}  # mention -> the mentions told with it
    for x_m in mentions:
        if x_m.same_as is not None:
            told_with_map.setdefault(x_m.same_as, []).append(x_m)
    # events before statements, so that a statement can point to the events it is about
    for m in sorted(mentions, key=lambda m: (m.speech, _told_at(m, mentions, pack), m.id)):
        k = story.index.get(m.sent.start)
        explicit = next((d for d in (resolve(e, day_ref) for e in m.dates) if d), None)
        body_found = m.trigger.head.lemma_.lower() in pack.optional_words("discovery_verbs")
        verb = m.trigger.pos_ in ("VERB", "AUX")
        if explicit is None and m.dates and verb and not body_found:
            # "said on Thursday that gunmen had killed four farmers the previous day": a day
            # counted from the one the sentence tells (not when a body was found: "found shot
            # dead the next morning" is the captive's death, of the abduction told before; nor
            # an event's noun lent the day of the verb it is told with: "claimed
            # responsibility for the attack the following day" is when it was claimed)
            own = sentence_day(m.sent, day_ref, pack, head_end, m.trigger)
            told_day = story.dates[k] if k is not None else None
            anchor = own[0] if own else (told_day[0] if told_day else None)
            explicit = next(
                (d for d in (from_anchor(e, anchor, pack.code) for e in m.dates) if d), None
            )
        if explicit is None and m.year:
            explicit = m.year
        if m.same_as is not None and m.same_as in by_id:
            root = told_first(m)
            target = of_mention.get(root.id)
            # (or a toll and the bare word of how it was done: "One police officer was
            # wounded by gunfire", after an operation)
            counted = [x for x in (m, root) if x.fatalities is not None or x.injured is not None]
            tolls_only = (
                not any(x.roles.get(r) for x in (m, root) for r in _DOER_ROLES)
                and bool(counted)
                and all(x in counted or x.bare for x in (m, root))
            )
            if target is None and tolls_only and root.trigger.i > m.trigger.i:
                # a line of tolls whose chain is told before its end ("4 civilians killed,
                # 6 injured." after the attack): the tolls of an event told before
                head = root if root in counted else m
                lemma = head.trigger.lemma_.lower()
                target = corefer(
                    events,
                    head,
                    None,
                    gaz,
                    consequence=lemma in pack.words("consequence_verbs", "injury_nouns"),
                    located=groups.located,
                    kin=kin,
                )
            if target is None and m.bare and root.bare:
                continue  # words of the aftermath told together, of no event told before
            if target is None:
                target = new_event(root.cls)
            of_mention.setdefault(root.id, target)
            absorb(target, m, _before_it_was_told(target, m, explicit, pack), armed)
            of_mention[m.id] = target
            if k is not None:
                narrative_date(target, m, k)  # "air strikes killed 12": the verb dates it
            continue
        ev: Event | None
        if m.id in of_mention:  # created above as the target of a relative clause
            ev = of_mention[m.id]
        elif m.same_as is not None and m.same_as in of_mention:
            # told with a word read and then dropped ("fired live rounds to disperse them,
            # killing one and injuring five"): with the others told with it
            ev = of_mention[m.same_as]
        elif not m.speech:
            told_with = told_with_map.get(m.id, [])
            lemma = m.trigger.lemma_.lower()
            ev = corefer(
                events,
                m,
                explicit,
                gaz,
                definite=any(x.definite for x in told_with),
                # "three were killed", "six fatalities were reported"
                consequence=lemma in pack.words("consequence_verbs", "injury_nouns", "death_nouns")
                or _bare_toll(m),
                located=groups.located,
                kin=kin,
                # "bodies were found on Saturday", "another died on Tuesday"
                later=lemma in pack.words("death_nouns")
                or (
                    m.more_victims and "dying_verbs" in pack and lemma in pack.words("dying_verbs")
                ),
            )
        else:
            ev = same_statement(events, m, of_mention)
        if ev is None and m.bare:
            continue  # "there was an explosion" with no explosion told before
        if ev is None:
            ev = new_event(m.cls)
        absorb(ev, m, _before_it_was_told(ev, m, explicit, pack), armed)
        _found_before(ev, m, ref)
        of_mention[m.id] = ev
        if m.same_as is not None and m.same_as not in by_id:
            of_mention.setdefault(m.same_as, ev)
        if k is None:
            continue
        narrative_date(ev, m, k)
        place = story.places[k]
        told = story.dates[k]
        # a past event named by its own date ("a 2020 drone strike") is not where the story is
        elsewhen = bool(ev.date_explicit and ev.date and told and not told[0].startswith(ev.date))
        if (m.violent or classes.behaviour(m.cls, "never_empty")) and place and not elsewhen:
            if "location" not in ev.roles:
                ev.add("location", place)
                ev.inherited_place = True

    events = _without_summaries(events)
    _zero_tolls(events, doc, pack, head_end)
    _dateline_place(events, doc, x, gaz)
    _link_statements(mentions, of_mention)
    kept = {e.key for e in events}
    for ev in events:
        ev.about = [k for k in ev.about if k in kept]  # not the summaries left out
    events = _merge_relayed(events)
    events = _without_idle_talk(events, doc, x, pack)
    events = _protests_met_with_arrests(events)
    _about_the_story(events, pack)
    _own_group_blamed(events, doc._.ckg_relations or [])
    _arrested_suspects(events, x, pack)
    _stances(events)
    _speaking_for(events, doc._.ckg_relations or [])
    _state_doers(events, x)
    _stable_keys(events, text)
    for ev in events:
        _attackers_own_losses(ev, x)
        groups.resolve(ev.roles, [(m.sent.start_char, m.sent.end_char) for m in ev.mentions], x)
    _no_claim_by_the_side_hit(events)
    for ev in events:
        if not ev.speech:
            _classify(ev, x, groups.site_kinds, pack)
            _participants_do_it(ev, x)
            _not_its_own_opponent(ev)
            _the_other_side_killed_them(ev, x)
        x.events.extend(_records(ev, gaz, x, text))
    locate_places(x)  # and for places the records added
    return x


def _entities(
    doc: Doc, x: Extraction, gaz: Gazetteer, pack: LanguagePack, groups: Groups
) -> list[Span]:
    """Every mentioned entity as a record, with the entities they belong to or lie in
    (described, not mentioned); returns the mention spans. Groups of people are kept apart
    (``groups``): they become nodes of their event's country when the records are built."""
    spans: list[Span] = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    spans += list(doc.spans[DATELINE_KEY]) if DATELINE_KEY in doc.spans else []
    new = doc._.ckg_new or {}
    cues = sorted(pack.words(_DESCRIPTIVE_CUES))
    descriptive = re.compile(
        r"[():]|"
        + "|".join((r"\b" if w[:1].isalnum() else "") + re.escape(w) + r"\b" for w in cues),
        re.I,
    )
    relations = doc._.ckg_relations or []
    for s in spans:
        if is_placeholder(s.kb_id_):
            groups.mentions.setdefault(s.kb_id_, []).append(
                TextSpan(s.start_char, s.end_char, s.text)
            )
            continue
        ent = _entity(x, gaz, new, s.kb_id_)
        ent.mentions.append(TextSpan(s.start_char, s.end_char, s.text))
        # a name, not "its Afghanistan-based branch", nor a capital standing for its state
        metonym = [s.start_char, s.end_char] in doc.user_data.get(METONYMS_KEY, [])
        if not descriptive.search(s.text) and not metonym:
            _add_alias(ent, s.text)
    for subj, prop, obj in relations:
        if is_placeholder(subj) or is_placeholder(obj):
            continue  # "the cafe in Sousse": its node is made with its event (site_node)
        e = _entity(x, gaz, new, subj)
        _entity(x, gaz, new, obj)
        if (prop, obj) not in e.relations:
            e.relations.append((prop, obj))
    todo = list(x.entities)
    while todo:
        e = x.entities[todo.pop()]
        for _prop, obj in e.relations:
            if obj not in x.entities:
                _entity(x, gaz, new, obj)
                todo.append(obj)
    locate_places(x)  # coordinates for every place (kg.geo.precision)
    return spans


def _add_alias(ent: EntityRecord, text: str) -> None:
    """Keep a name seen once: white space collapsed ("Kerman\\n\\n" is "Kerman"), and a name
    that differs from the label or a known alias only in case is that name ("the Taliban",
    "The Taliban").

    >>> e = EntityRecord("t", "Taliban", ("ArmedGroup",), aliases={"the Taliban"})
    >>> _add_alias(e, "The  Taliban\\n"); _add_alias(e, "TALIBAN"); sorted(e.aliases)
    ['the Taliban']
    """
    name = " ".join(text.split())
    if not name:
        return
    known = {a.casefold() for a in ent.aliases} | {ent.label.casefold()}
    if name.casefold() not in known:
        ent.aliases.add(name)


def _link_statements(mentions: list[Mention], of_mention: dict[int, Event]) -> None:
    """Statements point to the events they are about; outlets that report them are kept."""
    for m in mentions:
        stmt = of_mention.get(m.id)
        if stmt is None:
            continue
        for other in m.about:
            about = of_mention.get(other)
            if about is not None and about is not stmt and about.key not in stmt.about:
                stmt.about.append(about.key)
        for outlet in m.reported_by:
            if outlet not in stmt.reported_by and outlet not in stmt.roles.get("speaker", []):
                stmt.reported_by.append(outlet)


def _without_summaries(events: list[Event]) -> list[Event]:
    """ "Attacks were reported in three towns ...", then each attack told: the plural noun
    sums up the events the report tells one by one; it is not an event of its own."""
    violent = [e for e in events if not e.speech and _violent(e)]
    out = []
    for ev in events:
        summary = (
            ev in violent
            and len(violent) >= 3
            and all(m.plural and m.trigger.pos_ in ("NOUN", "PROPN") for m in ev.mentions)
            and not any(ev.roles.get(r) for r in ("victim", "target", *_DOER_ROLES))
            and ev.fatalities is None
            and ev.injured is None
        )
        if not summary:
            out.append(ev)
    return out


def _zero_tolls(events: list[Event], doc: Doc, pack: LanguagePack, head_end: int) -> None:
    """``There were no casualties.``, ``No one was hurt``: the event a sentence of no toll
    is about (one told in it, else the last told before it) has a toll of zero
    (:func:`~kg.extract.counts.zero_tolls`) where it has none, and whatever it has when the
    monitors' labelled field says so ("Fatalities: 0"); a statement has no toll."""
    told = sorted(
        (
            (m.sent.start, ev)
            for ev in events
            if not ev.speech and not all(_in_passing(x) for x in ev.mentions)
            for m in ev.mentions
        ),
        key=lambda t: t[0],
    )
    # an arrest told before a note's zero is not what had no dead ("arrested 19. 0
    # fatalities"); one told in the sentence of the zero is what it is about
    harmful = [(s, ev) for s, ev in told if classes.behaviour(ev.cls, "victims_count") is None]
    for sent in doc.sents:
        if sent.start_char < head_end:
            continue
        fields = zero_tolls(sent, pack)
        if not fields:
            continue
        here = [ev for start, ev in told if start == sent.start]
        before = [ev for start, ev in harmful or told if start < sent.start]
        about = here[:1] or before[-1:]
        # the monitors' labelled field ("Fatalities: 0") is the note's toll, whatever was
        # told before it (a claimant's boast of many killed)
        field = labelled_figure(sent[0]) is not None
        for ev in about:
            if "fatalities" in fields and (ev.fatalities is None or field):
                ev.fatalities = Quantity(0, 0, 0)
            if "injured" in fields and (ev.injured is None or field):
                ev.injured = Quantity(0, 0, 0)


def _bare_toll(m: Mention) -> bool:
    """Whether ``m`` only tells what befell people, by a passive verb that names no one who
    did it ("A member of the vigilance committee who tried to stop them was shot dead."):
    the toll of an event told before, like "three were killed"."""
    tok = m.trigger
    # (or the participle of a passive that holds it: "was found shot dead")
    voice = tok.head if tok.dep_ in ("xcomp", "oprd") and tok.tag_ == "VBN" else tok
    return (
        tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "auxpass" for c in voice.children)
        and not any(c.dep_ == "agent" for c in (*tok.children, *voice.children))
        and (m.fatalities is not None or m.injured is not None)
        and not any(m.roles.get(r) for r in _DOER_ROLES)
    )


def _in_passing(m: Mention) -> bool:
    """A noun event named in a phrase of another clause ("unrest following the fatal police
    shooting of a teenager"): told in passing, not the story's event."""
    return m.trigger.pos_ in ("NOUN", "PROPN") and m.trigger.dep_ == "pobj"


def _dateline_place(events: list[Event], doc: Doc, x: Extraction, gaz: Gazetteer) -> None:
    """Where a dispatch was filed (``ASADABAD, Afghanistan —``) is where its events happened
    when the text puts none of them anywhere more precise than a country (a capital that
    only speaks, "Moscow did not comment", puts nothing anywhere)."""

    def country(k: str) -> bool:
        return k in x.entities and "Country" in x.entities[k].types

    filed = [
        s.kb_id_
        for s in doc.spans.get(DATELINE_KEY, [])
        if s.kb_id_ in x.entities and x.entities[s.kb_id_].is_place
    ]
    placed = [k for ev in events for k in ev.roles.get("location", []) if not country(k)]
    if not filed or placed:
        return  # no dateline, or the text puts its events somewhere of its own
    place = max(filed, key=lambda k: gaz.depth(k) if k in gaz else 1)
    for ev in events:
        if ev.speech or ev.roles.get("location"):
            continue
        if _violent(ev) or classes.behaviour(ev.cls, "never_empty"):
            ev.add("location", place)
            ev.inherited_place = True


def _stable_keys(events: list[Event], text: str) -> None:
    """Give each event a key that depends on what it is, not on where it comes in the
    document: its trigger word and a hash of the sentence it was first told in and the
    trigger's place there (``bombing-5c1f0e9a2b``). A rerun that finds one more event, or a
    document with one more sentence, leaves the other events' keys (and IRIs) as they were."""
    new: dict[str, str] = {}
    taken: set[str] = set()
    for ev in sorted(events, key=_position):
        m = min(ev.mentions, key=lambda x: (x.trigger.idx, x.id))
        sentence = " ".join(m.sent.text.split())
        where = m.trigger.idx - m.sent.start_char
        digest = hashlib.sha1(f"{sentence}|{where}|{m.trigger.text}".encode()).hexdigest()
        word = re.sub(r"[^a-z0-9]+", "-", m.trigger.text.lower()).strip("-") or "event"
        key, n = f"{word}-{digest[:10]}", 1
        while key in taken:  # two statements told by one verb
            n += 1
            key = f"{word}-{digest[:10]}-{n}"
        taken.add(key)
        new[ev.key] = key
    for ev in events:
        ev.key = new[ev.key]
        ev.about = [new.get(k, k) for k in ev.about]
        ev.part_of = new.get(ev.part_of, ev.part_of) if ev.part_of else None


def _before_it_was_told(
    ev: Event, m: Mention, explicit: str | None, pack: LanguagePack
) -> str | None:
    """A weekday told for an event a source told of on a day before it ("..., the army said
    on Monday. The blast occurred on Friday"): the Friday before that Monday, not the one
    before the publication (:func:`kg.extract.dates.resolve` counts from the publication)."""
    if ev.date_basis != "reported" or not explicit or len(explicit) != 10 or not ev.date:
        return explicit
    weekdays = pack.table("weekdays")
    if explicit <= ev.date or not any(w.lower() in weekdays for d in m.dates for w in d.split()):
        return explicit
    earlier = (date.fromisoformat(explicit) - timedelta(days=7)).isoformat()
    return earlier if earlier <= ev.date else explicit


def _found_before(ev: Event, m: Mention, ref: str | None) -> None:
    """The dead found on a day before the one the event is dated by ("killed ..., police
    said on Tuesday. The bodies were found on Sunday"): that day was when it was told, the
    event happened by the day they were found. A date the text gives the event stands; a
    killing only (an abduction whose captives were found dead happened before)."""
    found = resolve(m.found_on, ref) if m.found_on else None
    if ev.fatalities is None or classes.behaviour(ev.cls, "victims_count") == "arrested":
        return  # (an abduction's captives found dead were taken before)
    if found and len(found) == 10 and not ev.date_explicit and ev.date and found < ev.date:
        ev.date, ev.date_basis = found, "text"


def _merge_relayed(events: list[Event]) -> list[Event]:
    """An attribution by unnamed sources that says what a named teller's attribution says
    (the same accused, the same events) relays it: one statement, told twice."""
    out = []
    for st in events:
        if st.speech and not st.roles.get("speaker") and st.roles.get("attributedTo"):
            accused, about = set(st.roles["attributedTo"]), set(st.about)
            same = next(
                (
                    o
                    for o in events
                    if o is not st
                    and o.speech
                    and o.roles.get("speaker")
                    and accused <= set(o.roles.get("attributedTo", []))
                    and about <= set(o.about)
                ),
                None,
            )
            if same is not None:
                same.mentions.extend(st.mentions)
                continue
        out.append(st)
    return out


# the actor type of civilians named by a kind (groups.json): no actor of a statement's
# content, no side of a fight
_CIVILIAN_TYPE = GROUP_TYPES["civilians"]


def _protests_met_with_arrests(events: list[Event]) -> list[Event]:
    """Protesters arrested at a protest told in the same report (on no other day): the
    protest was met with arrests, ACLED's "protest with intervention", one event with its
    arrested count, not an arrest of its own (as the monitors' notes are read)."""
    protest = classes.named("protest")
    protests = sorted(
        (e for e in events if not e.speech and classes.family(e.cls) == protest), key=_position
    )
    if not protests:
        return events
    out: list[Event] = []
    merged: dict[str, str] = {}
    for ev in events:
        aimed = ev.roles.get("target", []) + ev.roles.get("victim", [])
        if (
            ev.cls == classes.named("arrest")
            and ev.arrested is not None
            and aimed
            and all(k.startswith(f"{GROUP_PREFIX}protesters") for k in aimed)
        ):
            # the protest told last before it, else first after, on the same day and in
            # the same place (an arrest in another town is another event)
            here = set() if ev.inherited_place else set(ev.roles.get("location", []))
            fits = [
                p
                for p in protests
                if not (p.date and ev.date and p.date != ev.date)
                and here <= set(p.roles.get("location", []))
            ]
            before = [p for p in fits if _position(p) <= _position(ev)]
            p = before[-1] if before else (fits[0] if fits else None)
            if p is not None:
                p.cues.add("intervention")
                p.arrested = add_counts(p.arrested, ev.arrested) if p.arrested else ev.arrested
                p.mentions.extend(ev.mentions)
                for k in ev.roles.get("agent", []):
                    p.add("participant", k)  # the force that intervened
                merged[ev.key] = p.key
                continue
        out.append(ev)
    for ev in out:
        ev.about = [merged.get(k, k) for k in ev.about]
    return out


def _institution(key: str, x: Extraction) -> bool:
    """Whether ``key`` is an organisation, a state, a force or a group: no person, and no
    civilians named by a kind."""
    if key.startswith(GROUP_PREFIX):
        return GROUP_TYPES.get(group_kind(key) or "") != _CIVILIAN_TYPE
    return key in x.entities and "Person" not in x.entities[key].types


def _titled(s: Span, titles: frozenset[str]) -> bool:
    """Whether a person's mention carries a title of office: in the name or beside it
    ("President William Ruto", "Ahmed Ali, a police spokesman")."""
    root = s.root
    words = {t.lower_ for t in s}
    words |= {t.lower_ for c in root.children if c.dep_ in _TITLE_DEPS for t in c.subtree}
    if root.dep_ in ("appos", "compound"):
        words |= {t.lower_ for t in root.head.subtree if t.i < s.start or t.i >= s.end}
    return bool(words & titles)


# where a title stands beside a name: "Police commissioner X", "X, the governor"
_TITLE_DEPS = ("compound", "appos", "amod", "nmod")


def _without_idle_talk(
    events: list[Event], doc: Doc, x: Extraction, pack: LanguagePack
) -> list[Event]:
    """A plain statement by a private person that tells of no event and names no actor but
    its speaker ("'It was scary,' said a shop owner") is left out: as in CAMEO, a verbal
    event is coded between actors or about an event, not for every quotation. Places,
    buildings and civilians named by a kind are no actors; institutions' and officials'
    statements (one of the pack's ``official_titles`` with the name), claims, threats,
    appeals and the other kinds of statement are kept."""
    plain = classes.named("statement")
    spans = doc.spans.get(SPAN_KEY, [])
    titles = pack.optional_words("official_titles")
    out = []
    for ev in events:
        if ev.cls == plain and not ev.about and set(ev.roles) <= {"speaker", "location"}:
            speakers = ev.roles.get("speaker", [])
            told = [s for m in ev.mentions for s in spans if m.sent.start <= s.start < m.sent.end]
            if any(_institution(k, x) for k in speakers) or any(
                _titled(s, titles) for s in told if s.kb_id_ in speakers
            ):
                out.append(ev)  # an institution's, an official's ("President X said")
                continue
            named = {
                s.kb_id_
                for s in told
                if s.label_ not in PLACE_TYPES
                and s.label_ != _CIVILIAN_TYPE
                and not s.kb_id_.startswith(SITE_PREFIX)
            }
            if not named - set(speakers):
                continue
        out.append(ev)
    return out


def _position(ev: Event) -> int:
    return min(m.trigger.idx for m in ev.mentions)


def _about_the_story(events: list[Event], pack: LanguagePack) -> None:
    """A claim, attribution or denial that names no event ("claimed responsibility for the
    incident", "police blamed al-Shabaab", "the group denied any involvement") is about the
    violent event told last before it, else the first told after it; never an earlier event
    named in passing ("since January, when 22 soldiers died in an ambush"). A denial by
    those accused before it, with no violence told in between, is about what they were
    accused of."""
    # events with a perpetrator to claim or blame: violence, and property destroyed or
    # looted ("sources suspected separatists" of setting fire to a school), not a protest,
    # an agreement or an arrest
    violent = sorted(
        (
            e
            for e in events
            if not e.speech
            and (_violent(e) or classes.behaviour(e.cls, "site_targets"))
            and not all(m.precedent for m in e.mentions)
        ),
        key=_position,
    )
    by_key = {e.key: e for e in events}

    def kind_of(e: Event) -> str | None:
        return classes.behaviour(e.cls, "speech_kind") if e.speech else None

    # denials after the attributions whose events they may take (an attribution is linked
    # here too, wherever it stands in the list)
    for st in sorted(events, key=lambda e: kind_of(e) == "denial"):
        kind = kind_of(st)
        if kind not in ("claim", "attribution", "denial"):
            continue
        # no one is held responsible for what was aimed at them ("police concluded that ETA
        # were responsible and launched an operation against ETA")
        accused = set(st.roles.get("attributedTo", [])) if kind == "attribution" else set()
        st.about = [k for k in st.about if k not in by_key or not _aimed_at(by_key[k], accused)]
        if st.about:
            continue
        if kind == "denial":
            accusation = _what_they_were_accused_of(st, events, violent)
            if accusation is not None:
                # (an accusation of something else, "accuses Pakistan of harbouring the
                # group, a charge Islamabad denies": no event's denial)
                st.about = accusation
                continue
        if all(m.other_act for m in st.mentions):
            # "accusing the workers of spying": blamed for something else, no event's doer
            if st.cls == classes.named("attribution"):
                st.cls = classes.named("accusation")
            continue
        # (nor for the forces' answer to an attack on them, when those held responsible are
        # no forces: "... killing two soldiers. Security forces launched an operation ...
        # The governor said the explosives had been planted by the PKK" is about the bombing)
        held = accused or (set(st.roles.get("speaker", [])) if kind == "claim" else set())
        could = [
            e
            for e in violent
            if not _aimed_at(e, accused)
            and not (held and not _forces(held) and _forces_answer(e, violent))
            and not _told_beside(st, e, pack)
        ]
        if not could:
            continue
        k = bisect.bisect_left([_position(e) for e in could], _position(st))
        st.about.append(_outermost(could[k - 1] if k else could[0], could).key)


def _outermost(ev: Event, events: list[Event]) -> Event:
    """The event whose clause holds ``ev``'s in their sentence, if any ("a pilot was taken
    hostage by rebels after they set fire to his plane": the hostage taking, which a later
    "claimed responsibility" is about, not the step told in its clause)."""
    first = min(ev.mentions, key=lambda m: m.trigger.idx).trigger
    above = {t.i for t in first.ancestors}
    for other in events:
        if other is ev:
            continue
        if any(m.trigger.doc is first.doc and m.trigger.i in above for m in other.mentions):
            return other
    return ev


def _told_beside(st: Event, ev: Event, pack: LanguagePack) -> bool:
    """Whether ``ev`` was first told by the verb of a clause set beside ``st``'s ("the Kremlin
    denied any involvement as Ukrainian drones hit a refinery": a deed told with the
    denial, which denies something else; arguments.json's ``while_marks``)."""
    marks = pack.optional_words("while_marks")
    said = {m.trigger.i for m in st.mentions}
    first = min(ev.mentions, key=lambda m: m.trigger.idx).trigger
    # (a deed whose doer the text names, not the one denying; "X denied responsibility as
    # drones struck Y" may deny the drones)
    others = set(ev.roles.get("perpetrator", [])) - set(st.roles.get("speaker", []))
    return (
        bool(others)
        and first.dep_ == "advcl"
        and first.head.i in said
        and first.doc is st.mentions[0].trigger.doc
        and any(c.dep_ == "mark" and c.lower_ in marks for c in first.children)
    )


def _what_they_were_accused_of(
    st: Event, events: list[Event], violent: list[Event]
) -> list[str] | None:
    """What the latest accusation of a denial's speakers told before it is about ("police
    blamed X for the attack, but X denied involvement"): no event when it accused them of
    something else ("accuses Pakistan of harbouring the group, a charge Islamabad denies");
    ``None`` when there is none, or other violence was told in between (a denial then is
    about that)."""
    speakers = set(st.roles.get("speaker", []))
    for a in sorted(events, key=_position, reverse=True):
        if _position(a) > _position(st):
            continue
        other_act = all(m.other_act for m in a.mentions)
        if not a.about and not other_act:
            continue
        if classes.behaviour(a.cls, "speech_kind") != "attribution" or not (
            speakers & set(a.roles.get("attributedTo", []))
        ):
            continue
        if any(_position(a) < _position(e) < _position(st) for e in violent):
            return None
        return list(a.about)
    return None


def _forces(keys: set[str] | list[str]) -> bool:
    """Whether all ``keys`` are a state's forces named by their kind (group placeholders)."""
    return bool(keys) and all(group_kind(k) in FORCE_KINDS for k in keys)


def _forces_answer(ev: Event, violent: list[Event]) -> bool:
    """Whether an event is a state's forces answering an attack on them told before it: its
    doers are all forces that an earlier event hit."""
    doers = [k for r in ("perpetrator", "agent") for k in ev.roles.get(r, [])]
    if not _forces(doers):
        return False
    return any(
        _position(o) < _position(ev)
        and set(doers) & set(o.roles.get("victim", []) + o.roles.get("target", []))
        for o in violent
    )


def _aimed_at(ev: Event, actors: set[str]) -> bool:
    """Whether an event that is no fight was aimed at one of ``actors`` (its target): the
    other side of a clash is its target too (ACLED's actor 2), and the attackers' own dead
    its victims, and both may be blamed for it."""
    if not actors or classes.subsumes(classes.named("battle"), ev.cls):
        return False
    return bool(actors & set(ev.roles.get("target", [])))


def _violent(ev: Event) -> bool:
    return classes.is_violent(ev.cls) or classes.subsumes(classes.named("attack"), ev.cls)


# the event's link to an actor, by what the statement about it says
_STANCE = {"claim": "claimedBy", "attribution": "allegedPerpetrator", "denial": "deniedBy"}


def _stances(events: list[Event]) -> None:
    """Each statement about an event puts its actors on the event with their stance: a claim's
    speaker ``claimedBy``, an attribution's accused ``allegedPerpetrator`` (a suspicion's
    ``suspectedPerpetrator``), a denial's speaker ``deniedBy``."""
    by_key = {e.key: e for e in events}
    suspicion = classes.named("suspicion")
    for st in events:
        kind = classes.behaviour(st.cls, "speech_kind") if st.speech else None
        if kind not in _STANCE:
            continue
        role = _STANCE[kind]
        if role == "allegedPerpetrator" and classes.subsumes(suspicion, st.cls):
            role = "suspectedPerpetrator"
        actors = st.roles.get("attributedTo" if kind == "attribution" else "speaker", [])
        told = [by_key[k] for k in st.about if k in by_key and not by_key[k].speech]
        # (not an earlier event named in passing beside the one it is about, with doers of
        # its own: "settlers went on a rampage, a day after a gunman killed two, officials
        # said" holds the settlers responsible for the rampage only)
        current = [e for e in told if not all(m.precedent for m in e.mentions)]
        for ev in told:
            passing = current and all(m.precedent for m in ev.mentions)
            if passing and any(ev.roles.get(r) for r in ("perpetrator", "agent")):
                continue
            for a in actors:
                ev.add(role, a)


def _no_claim_by_the_side_hit(events: list[Event]) -> None:
    """Forces that were hit and say what they did back ("Militants attacked a checkpoint,
    killing four soldiers. The army said it had killed three gunmen.") tell their side of the
    fight, not a claim of responsibility for the attack on them: they are no claimant of an
    event whose victims or targets they are and that others did, and their words are a
    plain statement about it."""
    by_key = {e.key: e for e in events}
    claim = classes.named("claim")
    for ev in events:
        hit = set(ev.roles.get("victim", [])) | set(ev.roles.get("target", []))
        claimants = [k for k in ev.roles.get("claimedBy", []) if k in hit]
        others = [k for r in ("perpetrator", "agent") for k in ev.roles.get(r, [])]
        if ev.speech or not claimants or not [k for k in others if k not in claimants]:
            continue
        ev.roles["claimedBy"] = [k for k in ev.roles["claimedBy"] if k not in claimants]
        if not ev.roles["claimedBy"]:
            del ev.roles["claimedBy"]
        for st in events:
            speakers = st.roles.get("speaker", [])
            told = [by_key[k] for k in st.about if k in by_key]
            if (
                classes.subsumes(claim, st.cls)
                and ev in told
                and speakers
                and set(speakers) <= set(claimants)
            ):
                st.cls = classes.named("statement")


def _own_group_blamed(events: list[Event], relations: list[tuple[str, str, str]]) -> None:
    """A spokesperson saying the group they speak for did it ("X, a spokesman for the TPNPB,
    told Reuters the group was responsible") claims it for the group: the attribution is a
    claim of responsibility."""
    speaks_for = spokespersons(relations)
    claim = classes.named("claim")
    for st in events:
        if not st.speech or classes.behaviour(st.cls, "speech_kind") != "attribution":
            continue
        speakers, accused = st.roles.get("speaker", []), st.roles.get("attributedTo", [])
        groups = {speaks_for.get(k) for k in speakers}
        if speakers and accused and set(accused) <= groups:
            st.cls = claim
            st.roles.pop("attributedTo")


def _arrested_suspects(events: list[Event], x: Extraction, pack: LanguagePack) -> None:
    """Members of a named armed group arrested as suspects right after an attack by people
    the text does not name ("Gunmen shot dead five ... Police arrested two suspected members
    of the Los Choneros gang", "two suspects, whom they identified as members of X") are
    the suspects of that attack: their group is its suspected perpetrator, never a stated
    one; so is a person named as arrested "in connection with the attack" (the event told
    again with the arrest). An arrest told with no word of suspicion and no link to the
    attack ("arrested 20 members of X on drug charges") suspects no one of it."""
    arrest = classes.named("arrest")
    suspecting = pack.optional_words("suspicion_adjectives")
    # ("14 people accused of links to X": a participle of suspicion on those held)
    suspecting |= pack.optional_words("membership_suspicion_verbs")
    told: list[Event] = []
    for ev in sorted(events, key=_position):
        if ev.speech:
            continue
        if classes.subsumes(arrest, ev.cls):
            if not told:
                continue
            last = told[-1]
            # (or arrested "in connection with the attack", "charged with the arson": the
            # event told again in the arrest's sentence)
            linked = any(
                a.trigger.pos_ in ("VERB", "AUX")
                and b.trigger.i in {t.i for t in a.trigger.subtree}
                for a in ev.mentions
                for b in last.mentions
                if a.sent.start == b.sent.start
            )
            if not linked and not any(
                {t.lower_, t.lemma_.lower()} & suspecting for m in ev.mentions for t in m.sent
            ):
                continue
            if any(m.additional for m in ev.mentions) or (
                ev.date and last.date and ev.date < last.date
            ):
                continue  # "in an unrelated operation", "arrested ... last year": other arrests
            kinds = ("ArmedGroup", "Person") if linked else ("ArmedGroup",)
            groups = [
                k
                for k in ev.roles.get("target", [])
                if k in x.entities
                and any(classes.is_a(t, kind) for t in x.entities[k].types for kind in kinds)
            ]
            doers = [k for r in _DOER_ROLES for k in last.roles.get(r, [])]
            if groups and all(is_placeholder(k) for k in doers):
                for k in groups:
                    last.add("suspectedPerpetrator", k)
        elif (
            _violent(ev) or classes.behaviour(ev.cls, "subject") == "perpetrator"
        ) and classes.behaviour(ev.cls, "state_speaker_role") is None:
            told.append(ev)  # an attack (or arson), not a security operation


def _speaking_for(events: list[Event], relations: list[tuple[str, str, str]]) -> None:
    """A spokesperson claims or denies for the group they speak for ("Y, the spokesperson for
    the Taliban, claimed ..."): the event is ``claimedBy`` the group; the statement keeps Y
    as its speaker."""
    speaks_for = spokespersons(relations)
    for ev in events:
        if ev.speech:
            continue
        for role in ("claimedBy", "deniedBy"):
            keys = ev.roles.get(role, [])
            if any(k in speaks_for for k in keys):
                ev.roles[role] = list(dict.fromkeys(speaks_for.get(k, k) for k in keys))


def _state_doers(events: list[Event], x: Extraction) -> None:
    """A state or government that reports arrests or raids by unnamed forces did them (its
    forces arrest or raid; an attack it reports is not its own)."""
    by_key = {e.key: e for e in events}
    for ev in events:
        if not ev.speech:
            continue
        speakers = [w for w in ev.roles.get("speaker", []) if _is_state(x.entities.get(w))]
        for key in ev.about:
            told = by_key.get(key)
            role = classes.behaviour(told.cls, "state_speaker_role") if told else None
            if told is None or role is None or not speakers:
                continue
            doers = told.roles.get(role, []) + told.roles.get("agent", [])
            if all(is_placeholder(d) for d in doers):  # none, or unnamed "security forces"
                for who in speakers:
                    told.add(role, who)


_DOER_ROLES = ("perpetrator", "agent", "claimedBy", "allegedPerpetrator", "suspectedPerpetrator")


def _classify(ev: Event, x: Extraction, sites: dict[str, str], pack: LanguagePack) -> None:
    """The event's most specific class from its triggers, cues, victims and doers."""
    harm = set()
    if ev.fatalities and (ev.fatalities.best or 0) > 0:
        harm |= {"killed", "hurt"}
    if ev.injured and (ev.injured.best or 0) > 0:
        harm.add("hurt")
    f = Features(
        base={ev.cls, *ev.extra},
        cues=set(ev.cues),
        victims=actor_kinds(
            ev.roles.get("victim", []) + ev.roles.get("target", []), x.entities, sites
        ),
        doers=doer_kinds(
            [k for r in _DOER_ROLES for k in ev.roles.get(r, [])],
            x.entities,
            ev.date or x.article.published,
        ),
        harm=harm,
    )
    cls, added = decide(f)
    if cls is not None and cls != ev.cls:
        ev.extra.add(ev.cls)
        ev.cls = cls
    ev.extra |= set(added)
    _count_the_bomber(ev, pack)


_CROWD_TYPES = frozenset({"Protesters", "Rioters"})  # ontology types of a crowd's people


def _participants_do_it(ev: Event, x: Extraction) -> None:
    """Police who broke up a protest with live fire did the excessive force, and the
    protesters suffered it (``participants_do_it``)."""
    if not classes.behaviour(ev.cls, "participants_do_it"):
        return
    # (those a source holds responsible keep that stance: "..., according to X")
    held = {
        k for role in ("allegedPerpetrator", "suspectedPerpetrator") for k in ev.roles.get(role, [])
    }
    parts = ev.roles.pop("participant", [])
    doers = ev.roles.pop("perpetrator", [])
    # the doers are the crowd when a force took part; else only the crowd's people are
    crowd = (
        doers
        if parts
        else [k for k in doers if k in x.entities and _CROWD_TYPES & set(x.entities[k].types)]
    )
    if not parts and not (held and crowd):
        if doers:
            ev.roles["perpetrator"] = doers
        return
    doers = [k for k in doers if k not in crowd] + [k for k in parts if k not in held]
    if doers:
        ev.roles["perpetrator"] = doers
    victims = ev.roles.setdefault("victim", [])
    victims.extend(k for k in crowd if k not in victims)


def _attackers_own_losses(ev: Event, x: Extraction) -> None:
    """``JNIM militants ambushed a convoy ... 6 militants were also killed``: armed men of
    no name told as more dead of a one-sided attack by armed men (a mention of
    ``more_victims``, or one whose dead are all its doers: "40 of the assailants were
    killed") are the attackers' own dead: counted in the toll (when mentions are merged), as
    ACLED counts all fatalities, but not its victims. Armed men killed in the telling of the
    attack itself ("killing 10 militiamen") stay its victims. Runs on the group
    placeholders, before they become nodes."""
    if classes.behaviour(ev.cls, "opponent_role") or "victim" not in ev.roles:
        return

    def nonstate(k: str) -> bool:
        e = x.entities.get(k)
        # ontology actor class (ckg:NonStateArmedGroup)
        named = e is not None and any(classes.is_a(t, "NonStateArmedGroup") for t in e.types)
        return named or k.startswith(ARMED_GROUP_KEY)

    if not any(nonstate(k) for k in ev.roles.get("perpetrator", [])):
        return
    doers = ev.roles["perpetrator"]
    told_more = {
        k
        for m in ev.mentions
        if m.more_victims or set(m.roles.get("victim", [])) <= set(doers)
        for k in m.roles.get("victim", [])
    }
    own = {k for k in told_more if k.startswith(ARMED_GROUP_KEY)}
    ev.roles["victim"] = [k for k in ev.roles["victim"] if k not in own]
    if not ev.roles["victim"]:
        del ev.roles["victim"]


def _not_its_own_opponent(ev: Event) -> None:
    """In a fight (a class with an ``opponent_role``) a side is never its own other side:
    ``M23: March 23 Movement clashed with ...`` names M23 twice, not two sides."""
    role = classes.behaviour(ev.cls, "opponent_role")
    doers = set(ev.roles.get(classes.behaviour(ev.cls, "subject"), []))
    if not role or not doers or role not in ev.roles:
        return
    ev.roles[role] = [k for k in ev.roles[role] if k not in doers]
    if not ev.roles[role]:
        del ev.roles[role]


def _the_other_side_killed_them(ev: Event, x: Extraction) -> None:
    """``Three soldiers were killed in clashes with Islamic State militants``: a fight that
    names no doer but its other side and the people it killed was fought by that other side
    against theirs; the other side is the doer (ACLED's actor 1), the victims' side, when
    it is no civilians, the other (actor 2)."""
    role = classes.behaviour(ev.cls, "opponent_role")
    if not role or any(ev.roles.get(r) for r in _DOER_ROLES) or "victim" not in ev.roles:
        return
    victims = ev.roles["victim"]
    others = [k for k in ev.roles.get(role, []) if k not in victims]
    if not others:
        return
    ev.roles[classes.behaviour(ev.cls, "subject")] = others
    sides = [k for k in victims if k in x.entities and _CIVILIAN_TYPE not in x.entities[k].types]
    if sides:
        ev.roles[role] = sides
    else:
        del ev.roles[role]


def _count_the_bomber(ev: Event, pack: LanguagePack) -> None:
    """Fatalities count everyone killed, the attackers too (GTD's and ACLED's convention): a
    suicide bomber who "blew himself up, killing four" makes five, "two suicide bombers blew
    themselves up, killing three" five."""
    if (
        not classes.subsumes(classes.named("suicide_bombing"), ev.cls)
        or "bomber_died" not in ev.cues
    ):
        return
    q = ev.fatalities
    if q is None or q.best is None or any(m.self_counted for m in ev.mentions):
        return
    n = max((_bombers(m, pack) for m in ev.mentions), default=1)
    ev.fatalities = Quantity(
        q.best + n,
        (q.min if q.min is not None else q.best) + n,
        None if q.max is None else q.max + n,
    )


def _bombers(m: Mention, pack: LanguagePack) -> int:
    """How many bombers blew themselves up, by the subject of the verb told with a
    reflexive pronoun ("two suicide bombers blew themselves up": 2; "two of them blew
    themselves up": 2); one when no such verb counts them."""
    tok = m.trigger
    if not any(c.lower_ in pack.words("reflexive_pronouns") for c in tok.children):
        return 1
    for c in tok.children:
        if c.dep_ == "nsubj":
            q = count_on(c, pack)
            if q is not None and q.best and q.min == q.max:
                return q.best
    return 1


def _is_state(e: EntityRecord | None) -> bool:
    return e is not None and bool({"State", "Government"} & set(e.types))


def _entity(x: Extraction, gaz: Gazetteer, new: dict, key: str) -> EntityRecord:
    if key in x.entities:
        return x.entities[key]
    if key in gaz:
        g = gaz[key]
        rels = [(p, o) for p, targets in g.relations.items() for o in targets]
        rec = EntityRecord(
            key=key,
            label=g.label,
            types=g.types,
            qid=g.qid,
            relations=rels,
            is_place=g.is_place,
            from_gazetteer=True,
            lat=g.lat,
            lon=g.lon,
            geonameid=g.geonameid,
            feature=g.kind,
        )
        for alias in g.aliases:
            _add_alias(rec, alias)
    else:
        label, types = new.get(key, (key.split("/")[-1].replace("-", " "), ("Actor",)))
        rec = EntityRecord(
            key=key,
            label=label,
            types=tuple(types),
            is_place=bool(PLACE_TYPES & set(types)),
            from_gazetteer=False,
        )
    x.entities[key] = rec
    return rec


def _told_at(m: Mention, mentions: list[Mention], pack: LanguagePack) -> float:
    """Where ``m`` is read in the document: at its trigger, but a toll with no doer before a
    crowd's event in its sentence after it ("Several residents were injured as youths clashed
    with police") is read after that event, whose toll it may be (event coreference)."""
    lemma = m.trigger.lemma_.lower()
    toll = (
        lemma in pack.words("consequence_verbs", "injury_nouns", "death_nouns")
        and not any(m.roles.get(r) for r in _DOER_ROLES)
        and (m.fatalities is not None or m.injured is not None)
    )
    if not toll:
        return float(m.trigger.i)
    crowds = [
        x.trigger.i
        for x in mentions
        if x.sent.start == m.sent.start
        and x.trigger.i > m.trigger.i
        and x.same_as is None
        and classes.behaviour(x.cls, "civilian_doers_as")
    ]
    return max(crowds) + 0.5 if crowds else float(m.trigger.i)


def _label(ev: Event, x: Extraction) -> str:
    """``Suicide bombing by ISIS-K in Kerman 2024-01-03``: class, doers, place, date."""

    def name(k: str) -> str:
        return x.entities[k].label if k in x.entities else k

    cls_label = classes.label(ev.cls)
    parts = [cls_label[:1].lower() + cls_label[1:]]
    agents = ev.roles.get("perpetrator") or ev.roles.get("agent") or ev.roles.get("speaker") or []
    if agents:
        parts.append("by " + ", ".join(name(k) for k in agents[:2]))
    locs = ev.roles.get("location") or []
    if locs:
        parts.append("in " + name(locs[0]))
    if ev.date:
        parts.append(ev.date)
    label = " ".join(parts)
    return label[0].upper() + label[1:]


def _evidence(ev: Event, text: str) -> list[TextSpan]:
    """Each sentence the event was told in, once, trimmed of surrounding white space."""
    evidence = []
    seen = set()
    for m in ev.mentions:
        a, b = m.sent.start_char, m.sent.end_char
        if (a, b) in seen:
            continue
        seen.add((a, b))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        evidence.append(TextSpan(a, b, text[a:b]))
    return evidence


def _records(ev: Event, gaz: Gazetteer, x: Extraction, text: str) -> list[EventRecord]:
    locs = ev.roles.get("location", [])
    if len(locs) > 1:
        keep = [
            k
            for k in locs
            if not any(k in (gaz.ancestors(o) if o in gaz else []) for o in locs if o != k)
        ]
        ev.roles["location"] = keep or locs
    for role in (*_DOER_ROLES, "target", "victim", "speaker", "attributedTo", "deniedBy"):
        if role in ev.roles:
            ev.roles[role] = [k for k in ev.roles[role] if k in x.entities]
            if not ev.roles[role]:
                del ev.roles[role]
    if ev.speech:
        ev.roles.pop("perpetrator", None)
        for k in ev.roles.pop("agent", []):
            ev.add("speaker", k)
    else:
        ev.roles.pop("speaker", None)
    if not classes.behaviour(ev.cls, "keeps_attributed_to"):
        ev.roles.pop("attributedTo", None)
    evidence = _evidence(ev, text)
    # the event's class, and the other classes its mentions gave that are not its ancestors
    redundant = {ev.cls, *classes.ancestors(ev.cls)}
    types = (ev.cls,) if ev.speech else (ev.cls, *sorted(ev.extra - redundant))
    confidence = 0.5 + 0.1 * min(len(ev.roles), 3) + (0.1 if ev.date_explicit else 0.0)
    if ev.inherited_place:
        confidence -= 0.1
    rec = EventRecord(
        key=ev.key,
        types=types,
        label=_label(ev, x),
        trigger=ev.mentions[0].trigger.text,
        roles={k: list(v) for k, v in ev.roles.items()},
        date=DateValue(ev.date, ev.date_basis) if ev.date else None,
        fatalities=ev.fatalities,
        injured=ev.injured,
        arrested=ev.arrested,
        about=list(ev.about),
        evidence=evidence,
        confidence=round(min(confidence, 0.95), 2),
    )
    rec.geo_precision = geo_precision(rec, x, text)
    if ev.reported_by:
        rec.roles["reportedBy"] = list(dict.fromkeys(ev.reported_by))
    out = [rec]
    if ev.part_count and ev.part_count > 1 and classes.behaviour(ev.cls, "parts"):
        for i in range(1, ev.part_count + 1):
            out.append(
                EventRecord(
                    key=f"{ev.key}-{i}",
                    types=(ev.cls,),
                    label=f"{rec.label} (part {i} of {ev.part_count})",
                    trigger=rec.trigger,
                    roles={
                        k: list(v) for k, v in rec.roles.items() if k in ("location", "perpetrator")
                    },
                    date=rec.date,
                    part_of=ev.key,
                    evidence=evidence[:1],
                    confidence=rec.confidence,
                    geo_precision=rec.geo_precision,
                )
            )
    return out


RECORDS_KEY = "ckg_extraction"


@Language.component("ckg_records")
def records_component(doc: Doc) -> Doc:
    """Build the article's records inside the pipeline and keep them as plain data.

    ``nlp.pipe(..., as_tuples=True)`` with an :class:`Article` as context gets its
    :class:`Extraction` (as JSON) in ``doc.user_data["ckg_extraction"]``; the Python objects the
    other components left on the doc are cleared, so docs can cross process boundaries
    (``n_process > 1``). Without an Article context the doc is left as it is.
    """
    article = getattr(doc, "_context", None)
    if isinstance(article, Article):
        doc.user_data[RECORDS_KEY] = build_extraction(doc, article).to_json()
        doc._.ckg_events = None
        doc._.ckg_new = None
        doc._.ckg_relations = None
        doc.user_data.pop("ckg_warnings", None)
        doc.user_data.pop("ckg_outlets", None)
        doc.user_data.pop(DATE_ENTS_KEY, None)
        doc.user_data.pop(PERSONS_KEY, None)
        doc.user_data.pop(TEXT_KEY, None)
        doc.user_data.pop(TOKENS_KEY, None)
        doc.user_data.pop(ENTITY_TYPES_KEY, None)
    return doc
