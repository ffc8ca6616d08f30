"""Event mentions read without a dependency parse: the ``ckg_shallow_events`` component, for
languages that have no parsing model here (Dari, Pashto).

It produces what :mod:`kg.extract.events` produces for English, :class:`Mention` objects in
``doc._.ckg_events``, so that the record builder (:mod:`kg.extract.build`: event coreference,
classes, claims and attributions as stances, groups, dates, places) is the same for every
language. Everything a language says is in its pack (token patterns, see
:func:`compile_pattern`); the reading is positional, in the order of a verb-final language:

- a clause runs between clause breaks (``؛``, ``:``, a subordinator such as ``که``/``چې``);
- a trigger (``event_rules``) opens a mention; a clause's ``class_cues`` refine its class;
  ``irrealis_patterns`` in its clause drop it;
- the actors before a verb: the first with no preposition is its subject (its doer, or the
  victims of a passive); one marked by a target preposition (``بر``, ``پر``) or the object
  marker (``را``) is its target; one after ``با`` or around ``ترمنځ`` the other side; after a
  noun trigger, an actor right after it (Dari ezafe) or right before it after ``د`` (Pashto)
  is its doer;
- a casualty phrase (``casualty_rules``: killed, injured, arrested) counts the people named
  since the previous one (numbers before a word for people, ``خود مهاجم`` the attacker
  himself) and gives them to the trigger before it, else to the one after it, else tells the
  previous event's toll;
- dates (:mod:`kg.extract.calendars`) go to the next trigger, statements keeping their own;
  an event without one happens when the story does;
- places: those of its clause, else the last named before it in the sentence, else where the
  story is;
- statements (``statement_rules``): the speaker opens the clause; an attribution's accused is
  the actor nearest its cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from kg.errors import KGError
from kg.extract import classes
from kg.extract.calendars import DateMention, date_reader
from kg.extract.entities import ARMED_GROUP_KEY, GROUP_PREFIX, SITE_PREFIX, SPAN_KEY
from kg.extract.gazetteer import PLACE_TYPES, Gazetteer
from kg.extract.lang import LanguagePack, language_pack
from kg.extract.mentions import Mention
from kg.extract.overlap import non_overlapping
from kg.extract.script import token_norm
from kg.records import Article, Quantity

if not Doc.has_extension("ckg_events"):
    Doc.set_extension("ckg_events", default=None)

GAP = "…"
PUBLISHED_KEY = "ckg_published"  # doc.user_data: the article's date, for a doc read without one


# what a gap ("…") of a pattern never crosses: the marks that end a clause or a sentence
GAP_STOPS = [".", "،", ",", "؛", ";", ":", "!", "?", "؟", "\n", "-", "–", "—"]


def compile_pattern(pattern: str) -> list[dict[str, Any]]:
    """A pack's token pattern as a spaCy :class:`Matcher` pattern on normalised tokens.

    Words are separated by spaces; ``a|b`` is either word; ``stem*`` a word that starts with
    ``stem``; ``…`` up to six words that do not end a clause (brackets and quotes may be
    among them: "را به ارتش آزادی‌بخش بلوچ (BLA) نسبت دادند"); ``?w`` an optional word. A word
    written with a zero-width non-joiner also matches the two words.

    >>> compile_pattern("حمله کرد*")
    [{'NORM': 'حمله'}, {'NORM': {'REGEX': '^(?:کرد)'}}]
    >>> compile_pattern("?روز … گفت|گفتند")[0], compile_pattern("… x")[0]["OP"]
    ({'NORM': 'روز', 'OP': '?'}, '{0,6}')
    >>> "(" in compile_pattern("… x")[0]["NORM"]["NOT_IN"], "،" in GAP_STOPS
    (False, True)
    """
    out: list[dict[str, Any]] = []
    for word in pattern.split():
        if word in (GAP, "..."):
            out.append({"NORM": {"NOT_IN": GAP_STOPS}, "OP": "{0,6}"})
            continue
        optional = word.startswith("?")
        word = word.lstrip("?")
        alts = [token_norm(a) for a in word.split("|")]
        prefixes = [a[:-1] for a in alts if a.endswith("*")]
        exact = [a for a in alts if not a.endswith("*")]
        if prefixes:
            rx = "^(?:" + "|".join(re.escape(p) for p in prefixes) + ")"
            if exact:
                rx += "|^(?:" + "|".join(re.escape(e) for e in exact) + ")$"
            spec: dict[str, Any] = {"NORM": {"REGEX": rx}}
        elif len(exact) == 1:
            spec = {"NORM": exact[0]}
        else:
            spec = {"NORM": {"IN": exact}}
        if optional:
            spec["OP"] = "?"
        out.append(spec)
    return out


def _variants(pattern: str) -> list[str]:
    """The pattern, and with each word written with a non-joiner split in two."""
    if "\u200c" not in pattern:
        return [pattern]
    split = " ".join(
        w.replace("\u200c", " ") if "|" not in w and "*" not in w else w for w in pattern.split()
    )
    return [pattern, split]


class Rules:
    """One pack's token patterns, compiled into one matcher (built once per pack)."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        self.pack = pack
        self.matcher = Matcher(nlp.vocab)
        self.info: dict[str, dict[str, Any]] = {}
        n = 0

        def add(kind: str, patterns: list[str], **info: Any) -> None:
            nonlocal n
            name = f"{kind}#{n}"
            n += 1
            compiled = [compile_pattern(v) for p in patterns for v in _variants(p)]
            try:
                self.matcher.add(name, compiled)
            except ValueError as err:
                raise KGError(f"language pack {pack.code!r}: a {kind} pattern: {err}") from err
            self.info[name] = {"kind": kind, **info}

        for rule in pack.value("event_rules"):
            add("event", rule["patterns"], **{k: v for k, v in rule.items() if k != "patterns"})
        for what, pats in pack.table("casualty_rules").items():
            add("casualty", pats, what=what)
        for rule in pack.value("statement_rules"):
            add("statement", rule["patterns"], **{k: v for k, v in rule.items() if k != "patterns"})
        add("no_claim", list(pack.value("no_claim_patterns")))
        for cue, pats in pack.table("class_cues").items():
            add("cue", pats, cue=cue)
        add("irrealis", list(pack.value("irrealis_patterns")))
        add("zero", list(pack.value("zero_patterns")))
        self.context = {
            name: (
                [compile_pattern(p)[0] for p in info.get("context_any", [])],
                [compile_pattern(p)[0] for p in info.get("context_none", [])],
            )
            for name, info in self.info.items()
            if info.get("context_any") or info.get("context_none")
        }


@lru_cache(maxsize=8)
def _rules(nlp: Language, pack: LanguagePack) -> Rules:
    return Rules(nlp, pack)


def _spec_ok(spec: dict[str, Any], tok: Token) -> bool:
    want = spec.get("NORM")
    if isinstance(want, str):
        return tok.norm_ == want
    if isinstance(want, dict) and "REGEX" in want:
        return re.search(want["REGEX"], tok.norm_) is not None
    if isinstance(want, dict) and "IN" in want:
        return tok.norm_ in want["IN"]
    return False


@dataclass
class Hit:
    """One pattern match: tokens ``start:end`` and what its rule says."""

    start: int
    end: int
    info: dict[str, Any]


@dataclass
class Clause:
    """Tokens ``start:end`` of a sentence between two clause breaks."""

    start: int
    end: int
    head: int = -1  # where its actors start: before a relative clause it encloses
    skip: tuple[int, int] = (0, 0)  # the relative clause it encloses
    triggers: list[Hit] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)
    irrealis: bool = False


class ShallowReader:
    """Find event and statement mentions with a pack's token patterns (see module doc)."""

    def __init__(self, nlp: Language, name: str = "ckg_shallow_events") -> None:
        self.name = name
        self.nlp = nlp
        self.pack = language_pack(nlp.lang)
        self.rules = _rules(nlp, self.pack)
        self.gaz = Gazetteer.load()
        p = self.pack
        self.breaks = {token_norm(w) for w in p.words("clause_breaks")}
        self.roundup_open = {token_norm(w) for w in p.words("roundup_openers")}
        self.finite_verbs = {token_norm(w) for w in p.words("finite_verbs")}
        self.items = {token_norm(w) for w in p.words("item_separators")}
        self.incident_nouns = {token_norm(w) for w in p.words("incident_nouns")}
        self.relative = {token_norm(w) for w in p.words("relative_markers")}
        self.count_adjectives = {token_norm(w) for w in p.words("count_adjectives")}
        self.preps = {
            tuple(token_norm(w) for w in k.split()): v for k, v in p.table("role_preps").items()
        }
        self.postps = {
            tuple(token_norm(w) for w in k.split()): v for k, v in p.table("role_postps").items()
        }
        self.demonstratives = {token_norm(w) for w in p.words("demonstratives")}
        self.self_words = {token_norm(w) for w in p.words("self_words")}
        self.numbers = {token_norm(k): int(v) for k, v in p.table("quantities").items()}
        self.vague = {token_norm(k): v for k, v in p.table("vague_quantities").items()}
        self.modifiers = {
            tuple(token_norm(w) for w in k.split()): v
            for k, v in p.table("quantity_modifiers").items()
        }
        self.classifiers = {token_norm(w) for w in p.words("classifiers")}
        self.death_nouns = {token_norm(w) for w in p.words("death_nouns")}
        self.people = {token_norm(w) for w in p.table("group_nouns")} | {
            token_norm(w) for w in p.words("member_nouns")
        }
        self.people |= {token_norm(w).split()[-1] for w in p.table("group_nouns")}
        self.things = {token_norm(w) for w in p.table("facility_nouns")} | {
            token_norm(w) for w in p.words("vehicle_nouns")
        }
        self.passive = {token_norm(w) for w in p.words("passive_markers")}
        self.genitive = {token_norm(w) for w in p.words("genitive_markers")}
        self.pronoun_doers = {token_norm(w) for w in p.words("subject_pronouns")}
        self.consequence = {token_norm(w) for w in p.words("consequence_verbs")}

    # ------------------------------------------------------------ spaCy's serialisation

    def to_disk(self, path: Any, *, exclude: tuple[str, ...] = ()) -> None:
        """Nothing to save: the pack is read from the package."""

    def from_disk(self, path: Any, *, exclude: tuple[str, ...] = ()) -> ShallowReader:
        """Nothing to load: the pack is read from the package."""
        return self

    # ------------------------------------------------------------ component

    def __call__(self, doc: Doc) -> Doc:
        article = getattr(doc, "_context", None)
        ref = article.published if isinstance(article, Article) else None
        ref = ref or doc.user_data.get(PUBLISHED_KEY)
        hits = self._hits(doc)
        ents = sorted(doc.spans.get(SPAN_KEY, []), key=lambda s: s.start)
        ent_at = {i: s for s in ents for i in range(s.start, s.end)}
        dates = date_reader(self.pack).find(doc.text, ref)
        mentions: list[Mention] = []
        story: dict[str, Any] = {"date": None, "place": None}
        for sent in doc.sents:
            mentions += self._sentence(doc, sent, hits, ents, ent_at, dates, story, ref)
        doc._.ckg_events = mentions
        return doc

    def _hits(self, doc: Doc) -> list[Hit]:
        out = []
        for match_id, a, b in self.rules.matcher(doc):
            name = self.nlp.vocab.strings[match_id]
            out.append(Hit(a, b, self.rules.info[name] | {"name": name}))
        return out

    # ------------------------------------------------------------ one sentence

    def _clauses(self, sent: Span) -> list[Clause]:
        """The sentence's clauses. A relative clause closed by a comma ("X، که ... بود، ...")
        is one of its own, and the clause around it goes on after the comma."""
        out: list[Clause] = []
        start, head = sent.start, sent.start
        skip = (0, 0)
        toks = list(sent)
        k = 0
        while k < len(toks):
            t = toks[k]
            if t.norm_ in self.breaks:
                close = None
                if t.norm_ in self.relative:
                    close = next((u for u in toks[k + 1 :] if u.text in ("،", ",")), None)
                    if close is not None and sent.end - close.i < 3:
                        close = None
                if t.i > start:
                    out.append(Clause(start, t.i, head, skip))
                if close is not None:
                    out.append(Clause(t.i + 1, close.i, t.i + 1))
                    skip = (t.i, close.i + 1)
                    start = close.i + 1
                    k = close.i + 1 - sent.start
                    continue
                start = head = t.i + 1
                skip = (0, 0)
            k += 1
        if sent.end > start:
            out.append(Clause(start, sent.end, head, skip))
        for c in out:
            c.head = c.start if c.head < 0 else c.head
        return out

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        hits: list[Hit],
        ents: list[Span],
        ent_at: dict[int, Span],
        dates: list[DateMention],
        story: dict[str, Any],
        ref: str | None,
    ) -> list[Mention]:
        mine = [h for h in hits if sent.start <= h.start and h.end <= sent.end]
        clauses = self._clauses(sent)

        def clause_of(i: int) -> Clause | None:
            return next((c for c in clauses if c.start <= i < c.end), None)

        vetoes = [h for h in mine if h.info["kind"] == "no_claim"]
        # a cue inside a longer one is none of its own ("without fighting": no fight), as the
        # parsed reader keeps only the longest stretches of cues
        stretches = {
            (h.start, h.end) for h in _longest([h for h in mine if h.info["kind"] == "cue"])
        }
        for h in mine:
            kind = h.info["kind"]
            if kind == "cue" and (h.start, h.end) not in stretches:
                continue
            for c in clauses:
                if not (c.head <= h.start < c.end) or c.skip[0] <= h.start < c.skip[1]:
                    continue
                if kind == "cue":
                    c.cues.add(h.info["cue"])
                elif kind == "irrealis" and c.start <= h.start:
                    c.irrealis = True
        triggers = self._triggers(doc, mine, ent_at, vetoes, clause_of)
        casualties = _longest([h for h in mine if h.info["kind"] == "casualty"])
        # "... برید وکړ؛ په دې برید کې درې پولیس ووژل شول": a killing verb after another event
        # of its sentence tells that event's toll, not an event of its own
        triggers = [
            t
            for t in triggers
            if not (
                t.info["kind"] == "event"
                and t.info.get("lemma") in self.consequence
                and any(q.start <= t.start < q.end for q in casualties)
                and any(
                    u.start < t.start and u.info["kind"] == "event" and u is not t for u in triggers
                )
            )
        ]
        zero = any(h.info["kind"] == "zero" for h in mine)
        out: list[Mention] = []
        for h in triggers:
            hc = clause_of(h.start)
            if hc is None or hc.irrealis:
                continue
            hc.triggers.append(h)
        # casualty phrases with no trigger of their own tell a toll (of the previous event)
        for q in casualties:
            if q.info["what"] == "arrested":
                continue
            if not any(t.start <= q.start < t.end or q.start <= t.start < q.end for t in triggers):
                qc = clause_of(q.start)
                if qc is not None and not qc.triggers and not qc.irrealis:
                    # a toll told on its own: it elaborates the event before it, or is one
                    lemma = min(self.consequence) if self.consequence else "_toll"
                    info = {"kind": "event", "class": classes.named("attack"), "pos": "VERB"}
                    info["lemma"] = lemma
                    qc.triggers.append(Hit(q.start, q.end, info | {"toll": True}))
        all_triggers = sorted((t for c in clauses for t in c.triggers), key=lambda t: t.start)
        for h in all_triggers:
            tc = clause_of(h.start)
            assert tc is not None
            m = self._mention(doc, sent, tc, h, ents, len(out) + h.start * 1000)
            if m is None:
                continue
            out.append(m)
            h.info = h.info | {"mention": m}
        self._counts(doc, sent, casualties, all_triggers, ents, clause_of, zero)
        self._dates(sent, all_triggers, dates, story, ref)
        self._places(sent, clauses, all_triggers, ents, story)
        self._protest_arrests(out)
        self._roundup_items(doc, sent, out)
        return [m for m in out if not m.dropped]

    def _roundup_items(self, doc: Doc, sent: Span, out: list[Mention]) -> None:
        """ "سه حمله جداگانه رخ داد: A؛ B؛ و C": after a plural event noun and the mark that
        opens its list, each item (up to the next item separator) tells an event of its own."""
        summary = next((m.trigger.i for m in out if m.plural and m.trigger.pos_ == "NOUN"), None)
        if summary is None:
            # "سه رویداد جداگانه", "درې بېلې پېښې": a count of incidents
            summary = next(
                (
                    t.i
                    for t in sent
                    if t.norm_ in self.incident_nouns
                    and any(self._number(doc[k]) > 1 for k in range(max(sent.start, t.i - 2), t.i))
                ),
                None,
            )
        if summary is None:
            return
        opener = next((t.i for t in sent if t.i > summary and t.norm_ in self.roundup_open), None)
        if opener is None:
            return
        starts = [opener + 1] + [t.i + 1 for t in sent if t.i > opener and t.norm_ in self.items]
        if len(starts) < 2:
            return
        for m in out:
            if m.trigger.i > opener:
                m.item = 1 + max(s for s in starts if s <= m.trigger.i)

    def _number(self, t: Token) -> int:
        """The number a token writes (a digit or a number word), else 0."""
        if t.like_num and t.norm_.isdigit():
            return int(t.norm_)
        return self.numbers.get(t.norm_, 0)

    def _triggers(
        self,
        doc: Doc,
        hits: list[Hit],
        ent_at: dict[int, Span],
        vetoes: list[Hit],
        clause_of: Any,
    ) -> list[Hit]:
        cands = []
        for h in hits:
            kind = h.info["kind"]
            if kind not in ("event", "statement"):
                continue
            if kind == "event" and any(i in ent_at for i in range(h.start, h.end)):
                continue  # "معترضان" inside a group's name, "جنگ" inside a place
            if h.info.get("class") == classes.named("claim") and any(
                v.start < h.end and h.start < v.end for v in vetoes
            ):
                continue  # nobody claimed it
            ctx = self.rules.context.get(h.info["name"])
            if ctx is not None:
                c = clause_of(h.start)
                toks = list(doc[c.start : c.end]) if c is not None else []
                want, avoid = ctx
                if want and not any(_spec_ok(s, t) for s in want for t in toks):
                    continue
                if avoid and any(_spec_ok(s, t) for s in avoid for t in toks):
                    continue
            cands.append(h)
        # the longest wins; on a tie, the first rule that matches the stretch
        return non_overlapping(
            cands, lambda _i, h: (-(h.end - h.start), int(h.info["name"].split("#")[1]))
        )

    # ------------------------------------------------------------ one mention

    def _mark(self, doc: Doc, s: Span, lo: int) -> str:
        """The role a preposition before ``s`` or a marker after it gives it ("" none)."""
        owner = self._possessor(doc, s) if s.start - 1 >= lo else ""
        if owner:
            return owner
        for n in (2, 1):
            if s.start - n >= lo:
                key = tuple(t.norm_ for t in doc[s.start - n : s.start])
                if key in self.preps:
                    return str(self.preps[key])
        for n in (2, 1):
            if s.end + n <= len(doc):
                key = tuple(t.norm_ for t in doc[s.end : s.end + n])
                if key in self.postps:
                    return str(self.postps[key])
        return ""

    def _possessor(self, doc: Doc, s: Span) -> str:
        """ "د X د یوه دفتر", "د X د غزني ولایت": an actor in the genitive before a site or a
        place owns it: the site's owner is what the event is aimed at ("target"); a country
        before its province is where ("location"); else ""."""
        if not self.genitive or s.start == 0 or doc[s.start - 1].norm_ not in self.genitive:
            return ""
        links = self.genitive | {k[0] for k, v in self.preps.items() if v == "target"}
        j = s.end
        if j + 1 < len(doc) and doc[j + 1].norm_ in links and not doc[j].is_punct:
            j += 1  # "د ملي امنیت ریاست د ...", "د X د ځواکونو پر ...": the name's head noun
        start = j
        while j < min(len(doc), s.end + 4) and (
            doc[j].norm_ in links or self.numbers.get(doc[j].norm_) == 1
        ):
            j += 1
        if j == start or j >= len(doc):
            return ""
        if doc[j].norm_ in self.things:
            return "target"  # "د X د یوه موټر": X's vehicle
        nxt = next((e for e in doc.spans.get(SPAN_KEY, []) if e.start == j), None)
        if nxt is None:
            return ""
        if nxt.kb_id_.startswith(SITE_PREFIX):
            return "target"
        return "location" if nxt.label_ in PLACE_TYPES else ""

    def _place_like(self, doc: Doc, s: Span, ents: list[Span]) -> bool:
        """A place, or a country named as where something is ("... ولایت بلخ، افغانستان",
        "در ایران"), not as a state that acts; sites are not places here (they are what
        an attack is aimed at)."""
        if s.kb_id_.startswith(SITE_PREFIX):
            return False
        if s.label_ in PLACE_ONLY:
            return True
        if s.label_ != "Country":
            return False
        if self._mark(doc, s, 0) == "location" or (s.start > 0 and doc[s.start - 1].text in "،,("):
            return True
        prev = [e for e in ents if e.end <= s.start and s.start - e.end <= 2]
        return any(e.label_ in PLACE_TYPES and not e.kb_id_.startswith(SITE_PREFIX) for e in prev)

    def _mention(
        self, doc: Doc, sent: Span, c: Clause, h: Hit, ents: list[Span], mid: int
    ) -> Mention | None:
        info = h.info
        cls = info["class"]
        if not classes.known(cls):
            raise KGError(f"language pack {self.pack.code!r}: {cls!r} is not an event class")
        tok = doc[h.start]
        tok.pos_ = info.get("pos", "VERB")
        tok.lemma_ = info.get("lemma", tok.norm_)
        m = Mention(id=mid, cls=cls, trigger=tok, sent=sent)
        m.cues = set(c.cues)
        m.definite = h.start > 0 and doc[h.start - 1].norm_ in self.demonstratives
        if (
            h.start > 0
            and doc[h.start - 1].norm_ in self.numbers
            and self.numbers[doc[h.start - 1].norm_] > 1
        ):
            m.plural = True  # "سه حمله جداگانه": a roundup's summary
        seg_lo = max([c.head] + [t.end for t in c.triggers if t.end <= h.start])
        before = [
            s
            for s in ents
            if c.head <= s.start and s.end <= h.start and not c.skip[0] <= s.start < c.skip[1]
        ]
        after = [s for s in ents if h.end <= s.start and s.end <= c.end]
        actors = [s for s in before if not self._place_like(doc, s, ents)]
        # "ریاست عمومی استخبارات امارت اسلامی": an actor right after another is its possessor
        actors = [
            s
            for k, s in enumerate(actors)
            if not (k and actors[k - 1].end == s.start and not s.kb_id_.startswith(GROUP_PREFIX))
        ]
        if info["kind"] == "statement":
            self._statement(doc, m, h, c, actors, after, info)
            return m if (m.roles or info.get("class") == classes.named("claim")) else None
        passive = any(t.norm_ in self.passive for t in doc[h.start : h.end + 1]) or bool(
            info.get("toll")
        )
        subject_role = classes.behaviour(cls, "subject") or "perpetrator"
        object_role = classes.behaviour(cls, "object") or "victim"
        noun_role = classes.behaviour(cls, "noun_agent") or "perpetrator"
        subject_done = False
        marks = {s.start: self._mark(doc, s, c.start) for s in actors}
        for k, s in enumerate(actors):
            # "د X او د Y ترمنځ": every side before "between" is one of the sides
            if not marks[s.start] and any(
                marks[o.start] == "between" and o.start - s.end <= 6 for o in actors[k + 1 :]
            ):
                marks[s.start] = "between"
        for s in actors:
            mark = marks[s.start]
            role = {"target": "target", "object": object_role, "with": "target", "to": ""}.get(
                mark, ""
            )
            if mark == "from" and (
                classes.family(cls) == classes.named("battle")
                or cls == classes.named("strategic_development")
            ):
                role = "target"  # "retook the centre from the Taliban"
            if mark == "between":
                role = "target" if subject_done else subject_role
                subject_done = True
            if mark == "agent":
                role = subject_role
            if mark == "location":
                role = "target" if s.kb_id_.startswith(SITE_PREFIX) else ""
            if mark in ("", "between") and not role:
                if tok.pos_ == "NOUN" and s.start < seg_lo:
                    continue
                if passive or tok.pos_ == "NOUN":
                    role = "" if tok.pos_ == "NOUN" else object_role
                elif not subject_done and not s.kb_id_.startswith(SITE_PREFIX):
                    role, subject_done = subject_role, True
                elif s.start >= seg_lo:
                    role = object_role
            if mark in ("target", "object", "with") and s.start < seg_lo and tok.pos_ == "VERB":
                continue  # an earlier verb's object
            if mark == "with" and s.kb_id_.startswith(SITE_PREFIX):
                continue  # "با موتر": the means, not what the event is aimed at
            if role:
                m.add(_people_role(role, s), s.kb_id_)
        if tok.pos_ == "NOUN":
            # Dari ezafe: "حمله طالبان"; Pashto: "د طالبانو ... برید"
            nxt = next((s for s in after if s.start == h.end), None)
            if nxt is not None and nxt.label_ not in PLACE_ONLY and not self._mark(doc, nxt, h.end):
                m.add(noun_role, nxt.kb_id_)
            prev = next((s for s in reversed(before) if s.end == h.start), None)
            if (
                prev is not None
                and prev.label_ not in PLACE_ONLY
                and prev.start > 0
                and doc[prev.start - 1].norm_ in self.genitive
            ):
                m.add(noun_role, prev.kb_id_)
            for s in after:
                mark = self._mark(doc, s, h.end)
                if s.label_ in PLACE_ONLY:
                    continue
                if mark == "target" or mark == "with":
                    m.add("target", s.kb_id_)
        if (
            tok.pos_ == "VERB"
            and not passive
            and not any(r in m.roles for r in (subject_role, "perpetrator"))
        ):
            # "X ... یې ووژل": a pronoun doer is the sentence's first actor
            if any(t.norm_ in self.pronoun_doers for t in doc[seg_lo : h.end]):
                first = next(
                    (
                        s
                        for s in ents
                        if sent.start <= s.start < h.start
                        and s.label_ not in PLACE_ONLY
                        and not self._place_like(doc, s, ents)
                    ),
                    None,
                )
                if first is not None:
                    m.add(subject_role, first.kb_id_)
        return m

    def _statement(
        self,
        doc: Doc,
        m: Mention,
        h: Hit,
        c: Clause,
        actors: list[Span],
        after: list[Span],
        info: dict[str, Any],
    ) -> None:
        accused: Span | None = None
        cue_before = {token_norm(w) for w in info.get("accused_before", [])}
        cue_after = {token_norm(w) for w in info.get("accused_after", [])}
        inside = [s for s in m.sent.doc.spans[SPAN_KEY] if h.start <= s.start and s.end <= h.end]
        if cue_after or cue_before:
            cands = inside + actors
            for s in sorted(cands, key=lambda s: -s.start):
                nxt = doc[s.end].norm_ if s.end < len(doc) else ""
                prv = doc[s.start - 1].norm_ if s.start > 0 else ""
                if (cue_before and nxt in cue_before) or (cue_after and prv in cue_after):
                    accused = s
                    break
            if accused is None and inside:
                accused = inside[0]
            if accused is not None and accused.label_ not in PLACE_TYPES:
                m.add("attributedTo", accused.kb_id_)
        speakers = [s for s in actors if s is not accused and s.label_ not in PLACE_TYPES]
        if not speakers and after and doc[h.start].norm_ != doc[h.end - 1].norm_:
            # "به گفته X": according to X
            speakers = [s for s in after[:1] if s.label_ not in PLACE_TYPES]
        elif not speakers and after and h.end - h.start <= 2:
            speakers = [s for s in after[:1] if s.start == h.end and s.label_ not in PLACE_TYPES]
        if speakers:
            m.add("speaker", speakers[0].kb_id_)
        for s in after:
            if s.label_ == "MediaOutlet" or "outlet" in s.kb_id_:
                m.reported_by.append(s.kb_id_)

    # ------------------------------------------------------------ counts, dates, places

    def _count(
        self, doc: Doc, lo: int, hi: int, ents: list[Span], skip: tuple[int, int] = (0, 0)
    ) -> tuple[Quantity | None, bool]:
        """The people counted in ``doc[lo:hi]``: numbers before a word for people (a named
        group counts its members), summed; the attacker himself (``خود مهاجم``) is one."""
        total, open_max, found, self_counted = 0, False, False, False
        named_people = 0
        ent_at = {i: s for s in ents for i in range(s.start, s.end)}
        i = lo
        while i < hi:
            if skip[0] <= i < skip[1]:
                i = skip[1]
                continue
            t = doc[i]
            n: int | None = None
            vague: list[Any] | None = None
            if t.like_num and t.norm_.isdigit():
                n = int(t.norm_)
            elif t.norm_ in self.numbers:
                n = self.numbers[t.norm_]
            elif t.norm_ in self.vague:
                vague = self.vague[t.norm_]
            if t.norm_ in self.self_words and i + 1 < hi and self._person_at(doc, i + 1, ent_at):
                total, found, self_counted = total + 1, True, True
                i += 2
                continue
            if (n is not None or vague is not None) and self._people_follow(doc, i + 1, hi, ent_at):
                if vague is not None:
                    total += int(vague[0])
                    open_max = open_max or vague[2] is None
                else:
                    assert n is not None
                    total += n
                found = True
            s = ent_at.get(i)
            if s is not None and s.label_ == "Person" and s.start == i:
                named_people += 1
            i += 1
        if not found and named_people:
            total, found = named_people, True
        if not found:
            return None, False
        return Quantity(total, total, None if open_max else total), self_counted

    @staticmethod
    def _victim(e: Span) -> bool:
        """People an attack harmed: not attackers ("۳ مهاجم"), not places or sites."""
        return not (e.kb_id_.startswith((SITE_PREFIX, ARMED_GROUP_KEY)) or e.label_ in PLACE_TYPES)

    def _person_at(self, doc: Doc, i: int, ent_at: dict[int, Span]) -> bool:
        s = ent_at.get(i)
        if s is not None and s.label_ not in PLACE_TYPES and not s.kb_id_.startswith(SITE_PREFIX):
            return True
        return doc[i].norm_ in self.people or doc[i].norm_ in self.classifiers

    def _people_follow(self, doc: Doc, j: int, hi: int, ent_at: dict[int, Span]) -> bool:
        """Whether a word for people follows a number at ``j``, past words that qualify it
        (``څلور امنیتي کارکوونکي``)."""
        for k in range(j, min(hi, j + 3)):
            t = doc[k]
            if self._person_at(doc, k, ent_at):
                return True
            if t.norm_ not in self.count_adjectives:
                return False
        return False

    def _counts(
        self,
        doc: Doc,
        sent: Span,
        casualties: list[Hit],
        triggers: list[Hit],
        ents: list[Span],
        clause_of: Any,
        zero: bool,
    ) -> None:
        prev_end = sent.start
        for q in casualties:
            c = clause_of(q.start)
            lo = max(prev_end, c.head if c is not None else sent.start)
            prev_end = q.end
            skip = c.skip if c else (0, 0)
            # "... را پراگنده کردند و ۴ معترض را بازداشت کردند": a verb before the phrase closes
            # its own predicate; when people are counted after it, the ones before are not
            # this phrase's ("یو سړی ... وواهه او ووژه": a shared object is counted once)
            ends = [t.end for t in triggers if t.info.get("pos") == "VERB"] + [
                i + 1 for i in range(lo, q.start) if doc[i].norm_ in self.finite_verbs
            ]
            for b in sorted((b for b in ends if lo < b <= q.start), reverse=True):
                if self._count(doc, b, q.start, ents, skip)[0] is not None:
                    lo = b
                    break
            qty, self_counted = self._count(doc, lo, q.start, ents, skip)
            if qty is None:
                continue
            owner = self._owner(q, triggers, clause_of)
            if owner is None:
                continue
            what = q.info["what"]
            if what == "arrested" and not classes.behaviour(owner.cls, "victims_count"):
                continue
            if what != "arrested" and classes.subsumes(classes.named("attack"), owner.cls):
                doers = {k for r in ("perpetrator", "agent") for k in owner.roles.get(r, [])}
                for e in ents:
                    if lo <= e.start < q.start and e.kb_id_ not in doers and self._victim(e):
                        owner.add("victim", e.kb_id_)
            cur = getattr(owner, what)
            if cur is None or (cur.best or 0) < (qty.best or 0):
                setattr(owner, what, qty)
            owner.self_counted = owner.self_counted or self_counted
        mentions = [t.info["mention"] for t in triggers if "mention" in t.info]
        violent = [m for m in mentions if m.violent or not m.speech]
        if any(t.norm_ in self.death_nouns for t in sent) and violent:
            m = violent[0]
            if m.fatalities is None:
                m.fatalities = Quantity(1, 1, 1)  # "the body of X was found"
        if zero:
            for m in violent:
                if m.fatalities is None:
                    m.fatalities = Quantity(0, 0, 0)

    @staticmethod
    def _owner(q: Hit, triggers: list[Hit], clause_of: Any) -> Mention | None:
        """The mention a casualty phrase counts for: itself (a toll), the trigger before it
        in its clause or sentence, else the one after it."""
        with_m = [t for t in triggers if "mention" in t.info and not t.info["mention"].speech]
        own = next((t for t in with_m if t.start <= q.start < t.end), None)
        if own is None:
            c = clause_of(q.start)
            before = [t for t in with_m if t.start < q.start]
            same = [t for t in before if c is not None and c.start <= t.start]
            later = [t for t in with_m if t.start > q.start]
            own = (same or before)[-1] if (same or before) else (later[0] if later else None)
        if own is None:
            return None
        mention: Mention = own.info["mention"]
        return mention

    def _dates(
        self,
        sent: Span,
        triggers: list[Hit],
        dates: list[DateMention],
        story: dict[str, Any],
        ref: str | None,
    ) -> None:
        mine = [d for d in dates if sent.start_char <= d.start < sent.end_char]
        used = -1
        for t in triggers:
            m = t.info.get("mention")
            start = sent.doc[t.start].idx
            pending = [d for d in mine if used < d.start < start]
            if m is None:
                continue
            if pending:
                used = pending[-1].start
            if m.speech:
                if pending:
                    m.dates.append(pending[-1].iso)
                continue
            if pending:
                story["date"] = pending[-1].iso
            if story["date"]:
                m.dates.append(story["date"])
            elif ref:
                m.dates.append(ref)
        if story["date"] is None:
            days = [d for d in mine if d.kind == "day"]
            if days:
                story["date"] = days[0].iso

    def _places(
        self,
        sent: Span,
        clauses: list[Clause],
        triggers: list[Hit],
        ents: list[Span],
        story: dict[str, Any],
    ) -> None:
        places = [
            s
            for s in ents
            if sent.start <= s.start < sent.end
            and s.label_ in PLACE_TYPES
            and not s.kb_id_.startswith(SITE_PREFIX)
        ]
        for t in triggers:
            m = t.info.get("mention")
            if m is None or m.speech:
                continue
            c = next(c for c in clauses if c.start <= t.start < c.end)
            inside = [
                s
                for s in places
                if c.head <= s.start < c.end and not c.skip[0] <= s.start < c.skip[1]
            ]
            own = [s for s in inside if s.label_ != "Country"] or inside
            if not own:
                earlier = [s for s in places if s.start < t.start]
                own = earlier[-1:] if earlier else []
            if not own and story["place"]:
                m.add("location", story["place"])
                continue
            for s in own:
                m.add("location", s.kb_id_)
            if own:
                story["place"] = own[0].kb_id_

    @staticmethod
    def _protest_arrests(mentions: list[Mention]) -> None:
        """Protesters arrested at a protest: the protest was met with arrests (ACLED's
        "protest with intervention"), not an arrest of its own."""
        protests = [
            m
            for m in mentions
            if classes.family(m.cls) == classes.named("protest") and not m.speech
        ]
        if not protests:
            return
        for m in mentions:
            if m.cls != classes.named("arrest") or m.arrested is None:
                continue
            victims = m.roles.get("target", []) + m.roles.get("victim", [])
            if any(v.startswith(f"{GROUP_PREFIX}protesters") for v in victims):
                p = protests[0]
                p.arrested = m.arrested
                p.cues.add("intervention")
                m.dropped = True


PLACE_ONLY = frozenset(PLACE_TYPES - {"Country"})


def _people_role(role: str, s: Span) -> str:
    """A site is a target, people are victims."""
    if role == "victim" and (s.kb_id_.startswith(SITE_PREFIX) or s.label_ == "Site"):
        return "target"
    return role


def _longest(hits: list[Hit]) -> list[Hit]:
    """The longest hits that do not overlap (the earlier on a tie), in text order."""
    return non_overlapping(hits, lambda _i, h: (-(h.end - h.start), h.start))


@Language.factory("ckg_shallow_events")
def make_shallow_reader(nlp: Language, name: str) -> ShallowReader:
    """The spaCy factory for :class:`ShallowReader`."""
    return ShallowReader(nlp, name)
