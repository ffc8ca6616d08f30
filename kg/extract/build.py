"""From an annotated spaCy ``Doc`` to extraction records, one node per real-world thing.

Document-level work happens here: merging the mentions of one event ("twin bombings",
"Wednesday's bombings", "the attack"), resolving dates against the article's date, choosing
the most precise location, inheriting the narrative's time and place where a sentence gives
none, and describing the entities with what the gazetteer knows.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.dates import find_dateline, resolve
from kg.extract.entities import DATELINE_KEY, SPAN_KEY
from kg.extract.events import SPEECH, Mention
from kg.extract.gazetteer import Gazetteer
from kg.geo.precision import geo_precision, locate_places
from kg.records import (
    Article,
    DateValue,
    EntityRecord,
    EventRecord,
    Extraction,
    Quantity,
)
from kg.records import (
    Span as TextSpan,
)

log = logging.getLogger("kg.extract")

CLASS_LABELS = {
    "Attack": "attack",
    "Bombing": "bombing",
    "SuicideBombing": "suicide bombing",
    "AirStrike": "air strike",
    "Assassination": "assassination",
    "ArmedClash": "armed clash",
    "Arrest": "arrest",
    "SecurityOperation": "security operation",
    "Statement": "statement",
    "ClaimOfResponsibility": "claim of responsibility",
    "Attribution": "attribution",
    "Denial": "denial",
    "Accusation": "accusation",
    "DeclinedToComment": "declined to comment",
    "Abduction": "abduction",
}
# the more specific class wins when mentions of one event disagree
SPECIFICITY = {
    "Attack": 0,
    "SecurityOperation": 0,
    "ArmedClash": 1,
    "Bombing": 2,
    "AirStrike": 2,
    "Assassination": 2,
    "SuicideBombing": 3,
    "Abduction": 1,
    "Arrest": 1,
}
_FAMILY = {
    "Attack": "violence",
    "Bombing": "explosive",
    "SuicideBombing": "explosive",
    "AirStrike": "air",
    "Assassination": "violence",
    "ArmedClash": "battle",
    "SecurityOperation": "operation",
    "Arrest": "arrest",
    "Abduction": "abduction",
}


@dataclass
class _Event:
    key: str
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    extra: set[str] = field(default_factory=set)
    roles: dict[str, list[str]] = field(default_factory=dict)
    date: str | None = None
    date_explicit: bool = False
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    about: list[str] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    part_of: str | None = None
    part_count: int | None = None
    inherited_place: bool = False

    def add(self, role: str, key: str) -> None:
        lst = self.roles.setdefault(role, [])
        if key not in lst:
            lst.append(key)


def _headline_end(text: str) -> int:
    """Where a headline (a first line without final punctuation) ends, else 0."""
    m = re.search(r"[\n\u2028\u2029]", text)
    if m is None:
        return 0
    first = text[: m.start()]
    if first.strip() and not first.rstrip().endswith((".", "!", "?", "\u201d", '"')):
        return len(first)
    return 0


def build_extraction(doc: Doc, article: Article, gaz: Gazetteer | None = None) -> Extraction:
    """Turn an annotated Doc into an :class:`Extraction` for ``article``."""
    gaz = gaz or Gazetteer.load()
    x = Extraction(article)
    x.warnings.extend(doc.user_data.get("ckg_warnings", []))
    for w in x.warnings:
        log.warning("%s: %s", article.id, w)
    text = article.text
    dl = find_dateline(text)
    ref = article.published or (dl.iso if dl else None)
    head_end = max(_headline_end(text), dl.end if dl else 0)

    # ---------------------------------------------------------------- entities
    spans: list[Span] = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    spans += list(doc.spans[DATELINE_KEY]) if DATELINE_KEY in doc.spans else []
    new = doc._.ckg_new or {}
    for s in spans:
        ent = _entity(x, gaz, new, s.kb_id_)
        ent.mentions.append(TextSpan(s.start_char, s.end_char, s.text))
        if not _DESCRIPTIVE.search(s.text):  # a name, not "its Afghanistan-based branch"
            ent.aliases.add(s.text)
    for subj, prop, obj in doc._.ckg_relations or []:
        e = _entity(x, gaz, new, subj)
        _entity(x, gaz, new, obj)
        if (prop, obj) not in e.relations:
            e.relations.append((prop, obj))
    # describe what mentioned entities belong to or lie in (not "mentioned" themselves)
    todo = list(x.entities)
    while todo:
        e = x.entities[todo.pop()]
        for _prop, obj in e.relations:
            if obj not in x.entities:
                _entity(x, gaz, new, obj)
                todo.append(obj)
    locate_places(x)  # coordinates for every place (kg.geo.precision)
    place_spans = {
        (s.start_char, s.end_char): s.kb_id_
        for s in spans
        if x.entities[s.kb_id_].is_place and s.start_char >= head_end
    }

    # ---------------------------------------------------------------- narrative
    # Each sentence's own date and place, then what a reader carries forward: the latest
    # day-precise date (from the dateline on) and the latest precise place of the paragraph.
    sents = [s for s in doc.sents if s.end_char > head_end]
    sent_index = {s.start: i for i, s in enumerate(sents)}
    narr_date: list[str | None] = []
    narr_place: list[str | None] = []
    cur_date = dl.iso if dl else None
    lead_dated = False
    cur_place: str | None = None
    cur_para = -1
    for sent in sents:
        para = _paragraph_start(text, sent.start_char)
        if para != cur_para:
            cur_para, cur_place = para, None
        d = _sentence_date(sent, ref, head_end)
        if d and len(d) == 10 and not lead_dated:
            # the lead's date is the story's day; later dates belong to their own sentences
            cur_date, lead_dated = d, True
        locs = [
            k
            for (a, b), k in place_spans.items()
            if sent.start_char <= a
            and b <= sent.end_char
            and x.entities[k].types[0] != "Country"
            and _loc_use_at(doc, a, b)
        ]
        if locs:
            cur_place = _most_precise(locs, gaz)
        narr_date.append(cur_date)
        narr_place.append(cur_place)

    # ---------------------------------------------------------------- events
    mentions: list[Mention] = [m for m in (doc._.ckg_events or []) if m.trigger.idx >= head_end]
    by_id = {m.id: m for m in mentions}
    events: list[_Event] = []
    of_mention: dict[int, _Event] = {}
    counter = 0
    # events before statements, so that a statement can point to the events it is about
    for m in sorted(mentions, key=lambda m: (m.speech, m.trigger.i, m.id)):
        k = sent_index.get(m.sent.start)
        explicit = None
        for expr in m.dates:
            explicit = resolve(expr, ref)
            if explicit:
                break
        if explicit is None and m.year:
            explicit = m.year
        if m.same_as is not None and m.same_as in by_id:
            target = of_mention.get(m.same_as)
            if target is None:
                counter += 1
                target = _Event(key=f"e{counter}", cls=by_id[m.same_as].cls)
                events.append(target)
                of_mention[m.same_as] = target
            _absorb(target, m, explicit, gaz)
            of_mention[m.id] = target
            continue
        ev: _Event | None
        if m.id in of_mention:  # created above as the target of a relative clause
            ev = of_mention[m.id]
        elif not m.speech:
            ev = _corefer(events, m, explicit, gaz)
        else:
            ev = _same_statement(events, m, of_mention)
        if ev is None:
            counter += 1
            ev = _Event(key=f"e{counter}", cls=m.cls)
            events.append(ev)
        _absorb(ev, m, explicit, gaz)
        of_mention[m.id] = ev
        if k is None:
            continue
        if ev.date is None and (m.trigger.pos_ in ("VERB", "AUX") or m.asserted):
            # a verb's event happens in the narrative's time; a statement when it was made
            own = _sentence_date(m.sent, ref, head_end)
            ev.date = own or (narr_date[k] if not m.speech else None)
        place = narr_place[k]
        if (m.violent or m.cls == "Arrest") and "location" not in ev.roles and place:
            ev.add("location", place)
            ev.inherited_place = True

    # statements: about which events; outlets that report
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
    # a state or government that reports arrests or strikes by unnamed "security forces"
    for ev in events:
        if ev.cls not in SPEECH:
            continue
        speakers = [w for w in ev.roles.get("speaker", []) if _is_state(x.entities.get(w))]
        for key in ev.about:
            told = next((e for e in events if e.key == key), None)
            # the state's own forces arrest or raid; an attack it reports is not its own
            if told is not None and told.cls in ("Arrest", "SecurityOperation"):
                role = "agent" if told.cls == "Arrest" else "perpetrator"
                if not told.roles.get(role) and not told.roles.get("agent") and speakers:
                    for who in speakers:
                        told.add(role, who)

    for ev in events:
        x.events.extend(_records(ev, gaz, x, text))
    return x


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph (a run of text between line breaks) holding ``pos`` starts."""
    return max(text.rfind(c, 0, pos) for c in ("\n", "\u2028", "\u2029"))


def _loc_use_at(doc: Doc, start: int, end: int) -> bool:
    """Whether the place mention at ``start:end`` is used as a location."""
    from kg.extract.events import EventReader

    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and EventReader._is_loc_use(span.root)


_VAGUE_DAY = re.compile(
    r"\b(today|tonight|overnight|this (morning|afternoon|evening)|earlier)\b", re.I
)


def _sentence_date(sent: Span, ref: str | None, after: int = 0) -> str | None:
    """The day a sentence is about ("Iran on Friday said ..."): a calendar date or weekday
    first, then "yesterday"/"last night", then "today"/"overnight"."""
    found: list[tuple[int, str]] = []
    exprs = [e.text for e in sent.ents if e.label_ in ("DATE", "TIME") and e.start_char >= after]
    exprs += [
        t.text for t in sent if t.lower_ in ("yesterday", "today", "tonight") and t.idx >= after
    ]
    for expr in exprs:
        r = resolve(expr, ref)
        if not r or len(r) != 10:
            continue
        rank = (
            2
            if _VAGUE_DAY.search(expr)
            else (1 if re.search(r"yesterday|last night", expr, re.I) else 0)
        )
        found.append((rank, r))
    return min(found)[1] if found else None


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
            aliases=set(g.aliases),
            qid=g.qid,
            relations=rels,
            is_place=g.is_place,
            from_gazetteer=True,
            lat=g.lat,
            lon=g.lon,
            geonameid=g.geonameid,
            feature=g.kind,
        )
    else:
        label, types = new.get(key, (key.split("/")[-1].replace("-", " "), ("Actor",)))
        is_place = bool({"Place", "Site", "Settlement", "AdminRegion", "Country"} & set(types))
        rec = EntityRecord(
            key=key, label=label, types=tuple(types), is_place=is_place, from_gazetteer=False
        )
    x.entities[key] = rec
    return rec


def _most_precise(keys: list[str], gaz: Gazetteer) -> str:
    """The deepest place (a district before its province before its country)."""

    def depth(k: str) -> int:
        return gaz.depth(k) if k in gaz else 1

    return sorted(keys, key=lambda k: (-depth(k), keys.index(k)))[0]


def _related(a: str, b: str, gaz: Gazetteer) -> bool:
    """Same actor, or one an affiliate/part/member of the other (ISIS-K and Islamic State)."""
    if a == b:
        return True
    for s, o in ((a, b), (b, a)):
        if s in gaz:
            rel = gaz[s].relations
            if any(o in rel.get(p, []) for p in ("affiliateOf", "partOf", "memberOf")):
                return True
    return False


def _place_compatible(a: list[str], b: list[str], gaz: Gazetteer) -> bool:
    if not a or not b:
        return True
    for p in a:
        for q in b:
            if p == q:
                return True
            if p in gaz and q in gaz.ancestors(p) if p in gaz else False:
                return True
            if q in gaz and p in gaz.ancestors(q) if q in gaz else False:
                return True
    return False


def _corefer(
    events: list[_Event], m: Mention, explicit: str | None, gaz: Gazetteer
) -> _Event | None:
    """An earlier event this mention refers to, or ``None`` for a new event.

    A definite mention ("the bombings", "Wednesday's attack") or one on the same day refers to
    the most salient compatible event: same trigger word first, then same kind of violence,
    then the most mentioned, then the most recent. Compatible means no conflict of date,
    perpetrator (affiliates agree) or place.
    """
    fam = _FAMILY.get(m.cls)
    best: tuple[tuple[int, ...], _Event] | None = None
    for idx, ev in enumerate(events):
        if ev.cls in SPEECH:
            continue
        efam = _FAMILY.get(ev.cls)
        if m.cls == "Arrest" or ev.cls == "Arrest":
            if m.cls != ev.cls or m.additional:
                continue
        elif not (fam == efam or "violence" in (fam, efam)) or (
            "operation" in (fam, efam) and fam != efam
        ):
            continue
        if (
            explicit
            and ev.date_explicit
            and ev.date
            and not (explicit.startswith(ev.date) or ev.date.startswith(explicit))
        ):
            continue
        if m.year and not (ev.date and ev.date.startswith(m.year)):
            continue
        if ev.date_explicit and ev.date and len(ev.date) == 4 and not explicit:
            continue  # a past event named by its year is not "the attack" of the story
        mp = m.roles.get("perpetrator", []) + m.roles.get("agent", [])
        ep = ev.roles.get("perpetrator", []) + ev.roles.get("agent", [])
        if mp and ep and not any(_related(a, b, gaz) for a in mp for b in ep):
            continue
        eloc = [] if ev.inherited_place else ev.roles.get("location", [])
        if not _place_compatible(m.roles.get("location", []), eloc, gaz):
            continue
        same_day = bool(explicit and ev.date and explicit == ev.date)
        # a report leads with an event and then tells it again in detail: a later mention of
        # the same kind, with nothing that conflicts and no "another"/"additional", is the same
        same_kind = fam == efam or {fam, efam} == {"violence", "battle"}
        elaboration = same_kind and not m.additional and m.trigger.pos_ in ("VERB", "AUX")
        if not (m.definite or same_day or elaboration):
            continue
        lemmas = {x.trigger.lemma_.lower() for x in ev.mentions}
        # a bare "the attack" names no kind: it refers to the story's main event, the one
        # its lead tells first; a specific word ("the bombing") prefers its own kind, then
        # the most told
        generic = m.cls == "Attack" and m.trigger.pos_ in ("NOUN", "PROPN")
        score = (
            int(same_day),
            0 if generic else int(fam == efam),
            0 if generic else len(ev.mentions),
            0 if generic else int(m.trigger.lemma_.lower() in lemmas),
            -idx if generic else idx,
        )
        if best is None or score > best[0]:
            best = (score, ev)
    return best[1] if best else None


def _same_statement(
    events: list[_Event], m: Mention, of_mention: dict[int, _Event] | None = None
) -> _Event | None:
    """One node per statement: the same speaker saying the same kind of thing about the same
    events (a claim about another event is another claim)."""
    of_mention = of_mention or {}

    def about(ms: list[Mention]) -> set[str]:
        return {of_mention[a].key for x in ms for a in x.about if a in of_mention}

    speakers = set(m.roles.get("speaker", []))
    for ev in events:
        if ev.cls != m.cls or not speakers:
            continue
        if set(ev.roles.get("speaker", [])) != speakers:
            continue
        if (
            m.cls in ("ClaimOfResponsibility", "Attribution", "Denial", "Accusation")
            and ev.mentions
        ):
            mine, theirs = about([m]), about(ev.mentions)
            if mine and theirs and not mine & theirs:
                continue
        return ev
    return None


def _absorb(ev: _Event, m: Mention, explicit: str | None, gaz: Gazetteer) -> None:
    ev.mentions.append(m)
    if m.cls != ev.cls:
        if m.cls in SPEECH and ev.cls in SPEECH:
            if ev.cls == "Statement":
                ev.cls = m.cls
        elif SPECIFICITY.get(m.cls, 0) > SPECIFICITY.get(ev.cls, 0):
            ev.extra.add(ev.cls)
            ev.cls = m.cls
        else:
            ev.extra.add(m.cls)
    ev.extra |= m.extra_types
    if "SuicideBombing" in ev.extra and ev.cls in ("Attack", "Bombing"):
        ev.extra.discard("SuicideBombing")
        ev.cls = "SuicideBombing"
    for role, keys in m.roles.items():
        for k in keys:
            ev.add(role, k)
    if explicit and (not ev.date_explicit or (len(explicit) > len(ev.date or ""))):
        ev.date, ev.date_explicit = explicit, True
    for q in ("fatalities", "injured", "arrested"):
        # an elaboration that counts more people is the fuller account
        v, cur = getattr(m, q), getattr(ev, q)
        if v is not None and (cur is None or (v.best or 0) > (cur.best or 0)):
            setattr(ev, q, v)
    if m.part_count and not ev.part_count:
        ev.part_count = m.part_count
    if "location" in m.roles and ev.inherited_place:
        ev.roles["location"] = list(m.roles["location"])
        ev.inherited_place = False


def _label(ev: _Event, cls: str, gaz: Gazetteer, x: Extraction) -> str:
    def name(k: str) -> str:
        return x.entities[k].label if k in x.entities else k

    parts = [CLASS_LABELS.get(cls, cls)]
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


def _records(ev: _Event, gaz: Gazetteer, x: Extraction, text: str) -> list[EventRecord]:
    locs = ev.roles.get("location", [])
    if len(locs) > 1:
        keep = [
            k
            for k in locs
            if not any(k in (gaz.ancestors(o) if o in gaz else []) for o in locs if o != k)
        ]
        ev.roles["location"] = keep or locs
    for role in ("perpetrator", "agent", "target", "victim", "speaker", "attributedTo"):
        if role in ev.roles:
            ev.roles[role] = [k for k in ev.roles[role] if k in x.entities]
            if not ev.roles[role]:
                del ev.roles[role]
    if ev.cls in SPEECH and "perpetrator" in ev.roles:
        del ev.roles["perpetrator"]
    if ev.cls in SPEECH and "agent" in ev.roles:
        for k in ev.roles.pop("agent"):
            ev.add("speaker", k)
    if ev.cls not in SPEECH and "speaker" in ev.roles:
        del ev.roles["speaker"]
    if ev.cls not in ("Attribution", "Accusation") and "attributedTo" in ev.roles:
        del ev.roles["attributedTo"]
    evidence = []
    seen = set()
    for m in ev.mentions:
        s = m.sent
        key = (s.start_char, s.end_char)
        if key in seen:
            continue
        seen.add(key)
        a, b = s.start_char, s.end_char
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        evidence.append(TextSpan(a, b, text[a:b]))
    types = (
        ev.cls,
        *sorted(ev.extra - {ev.cls} - {"Attack"} if ev.cls != "Attack" else ev.extra - {ev.cls}),
    )
    if ev.cls in SPEECH:
        types = (ev.cls,)
    confidence = 0.5 + 0.1 * min(len(ev.roles), 3) + (0.1 if ev.date_explicit else 0.0)
    if ev.inherited_place:
        confidence -= 0.1
    rec = EventRecord(
        key=ev.key,
        types=types,
        label=_label(ev, ev.cls, gaz, x),
        trigger=ev.mentions[0].trigger.text,
        roles={k: list(v) for k, v in ev.roles.items()},
        date=DateValue(ev.date) if ev.date else None,
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
    if (
        ev.part_count
        and ev.part_count > 1
        and ev.cls in ("Bombing", "SuicideBombing", "AirStrike", "Attack")
    ):
        for i in range(1, ev.part_count + 1):
            sub = EventRecord(
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
            out.append(sub)
    return out


_WS = re.compile(r"\s+")
_DESCRIPTIVE = re.compile(r"[()]|-based\b|\bbranch\b|\baffiliate\b", re.I)


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
    return doc
