"""The narrative's time and place: what a reader carries from sentence to sentence.

Each sentence has its own date (a calendar date or weekday first, then "yesterday", then
"today") and its places used as locations; a reader carries forward the lead's day-precise
date (from the dateline on) and the latest precise place of the paragraph, so that an event
told without a date or place happens when and where the story is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import is_loc_use
from kg.extract.dates import resolve
from kg.extract.gazetteer import Gazetteer
from kg.extract.lang import LanguagePack
from kg.records import EntityRecord

_BREAKS = ("\n", "\u2028", "\u2029")
DATE_ENTS_KEY = "ckg_date_ents"  # doc.user_data: the date entities, once per document


def headline_end(text: str) -> int:
    """Where a headline (a first line without final punctuation) ends, else 0.

    >>> headline_end("Blast in Kabul\\nA bomb exploded."), headline_end("A bomb exploded.\\nMore.")
    (14, 0)
    """
    m = re.search(r"[\n\u2028\u2029]", text)
    if m is None:
        return 0
    first = text[: m.start()]
    if first.strip() and not first.rstrip().endswith((".", "!", "?", "\u201d", '"')):
        return len(first)
    return 0


def _breaks(text: str) -> list[int]:
    """The offsets of every line break, in order: a paragraph runs from one to the next.

    >>> _breaks("One.\\nTwo.\\u2029Three.")
    [4, 9]
    """
    return [m.start() for m in re.finditer("|".join(_BREAKS), text)]


def _date_ents(doc: Doc) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The document's DATE and TIME entities as ``(start_char, end_char, text)`` and their
    start offsets, computed once per document (``Span.ents`` scans every entity of the
    document on each call); plain data, so that the doc can still cross processes."""
    cached = doc.user_data.get(DATE_ENTS_KEY)
    if cached is None:
        ents = [
            (e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("DATE", "TIME")
        ]
        cached = ([a for a, _b, _t in ents], ents)
        doc.user_data[DATE_ENTS_KEY] = cached
    return cached


@cache
def _words_rx(words: frozenset[str]) -> re.Pattern[str]:
    """One expression for a word list (built once per list), whole words, any case."""
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alts})\b", re.I)


def sentence_date(
    sent: Span, ref: str | None, pack: LanguagePack, after: int = 0, trigger: Token | None = None
) -> str | None:
    """The day a sentence is about ("Iran on Friday said ..."): a calendar date or weekday
    first, then "yesterday"/"last night", then "today"/"overnight". For a ``trigger``, not a
    date told in a relative clause about something else ("arrested three men suspected of
    planting a device that damaged a canal on 29 November": not the arrest's day)."""
    found = sentence_day(sent, ref, pack, after, trigger)
    return found[0] if found else None


def sentence_day(
    sent: Span, ref: str | None, pack: LanguagePack, after: int = 0, trigger: Token | None = None
) -> tuple[str, bool] | None:
    """:func:`sentence_date`'s day (ISO) and whether it is only the day the ``trigger``'s
    event was told of ("..., police said on Sunday"), or ``None``."""
    found: list[tuple[int, str]] = []
    days = (
        pack.words("relative_day_words", "narrative_day_words")
        if "narrative_day_words" in pack
        else pack.words("relative_day_words")
    )
    starts, ents = _date_ents(sent.doc)
    lo = bisect.bisect_left(starts, max(sent.start_char, after))
    hi = bisect.bisect_left(starts, sent.end_char)
    exprs = [
        t
        for a, b, t in ents[lo:hi]
        if b <= sent.end_char and not (trigger is not None and _elsewhere(sent.doc, a, b, trigger))
    ]
    exprs += [t.text for t in sent if t.lower_ in days and t.idx >= after and t.dep_ != "amod"]
    vague, previous = (
        _words_rx(pack.words("vague_day_words")),
        _words_rx(pack.words("previous_day_words")),
    )
    told = _telling_dates(sent, trigger, pack) if trigger is not None else set()
    for expr in exprs:
        r = resolve(expr, ref)
        if not r or len(r) != 10:
            continue
        rank = 2 if vague.search(expr) else (1 if previous.search(expr) else 0)
        if expr in told:
            rank += _TOLD  # "..., police said Sunday": the day it was told, failing any other
        found.append((rank, r))
    if not found:
        return None
    rank, day = min(found)
    return day, rank >= _TOLD


_TOLD = 3  # the rank a day told on a verb of saying adds (:func:`sentence_date`)


def _telling_dates(sent: Span, trigger: Token, pack: LanguagePack) -> set[str]:
    """The date expressions told on a verb of saying whose clause tells the ``trigger``'s
    event ("..., police said Sunday", "officials said on Monday"), as written."""
    if "saying_verbs" not in pack:
        return set()  # a language read without a parse
    saying = pack.words("saying_verbs")
    out = set()
    for verb in trigger.ancestors:
        if verb.lemma_.lower() not in saying:
            continue
        for c in verb.children:
            if c.dep_ in ("npadvmod", "prep", "tmod") and not (
                c.left_edge.i <= trigger.i <= c.right_edge.i
            ):
                out |= {
                    e.text
                    for e in sent.ents
                    if e.label_ == "DATE"
                    and c.left_edge.i <= e.start
                    and e.end <= c.right_edge.i + 1
                }
    return out


def _elsewhere(doc: Doc, start: int, end: int, trigger: Token) -> bool:
    """Whether the date at ``start:end`` is told in a relative clause that neither holds
    ``trigger`` nor qualifies it, or as the day of something else ("Wednesday's election")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.dep_ == "poss" and span.root.head.i != trigger.i:
        return True  # "the outcome of Wednesday's election": the day of something else
    for t in span.root.ancestors:
        # a relative clause or a participle of what was done ("suspected of planting a device
        # that damaged a canal on 29 November"), not of a scene ("a crowd watching a game late
        # Saturday")
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ != "VBG"):
            inside = t.left_edge.i <= trigger.i <= t.right_edge.i
            # (a participle on the event's own object closes the lead with its day, as the
            # parser may hang it: "defused a device planted near a checkpoint ... on Tuesday")
            on_object = t.dep_ == "acl" and t.head.dep_ == "dobj" and t.head.head.i == trigger.i
            return not inside and t.head.i != trigger.i and not on_object
    return False


def most_precise(
    keys: list[str],
    gaz: Gazetteer,
    located: Mapping[str, list[str]] | None = None,
    sites: frozenset[str] = frozenset(),
) -> str:
    """The deepest place (a district before its province before its country); a town or
    district the gazetteer lacks lies one deeper than where the text puts it (``located``:
    "Kotahena, Colombo" is inside Colombo), a street or site no deeper than its town."""

    def depth(k: str, seen: frozenset[str] = frozenset()) -> int:
        if k in gaz:
            return gaz.depth(k)
        if k in sites:
            return 1
        inside = [c for c in (located or {}).get(k, []) if c not in seen]
        return 1 + max((depth(c, seen | {k}) for c in inside), default=0)

    return sorted(keys, key=lambda k: (-depth(k), keys.index(k)))[0]


def _loc_use_at(doc: Doc, start: int, end: int, pack: LanguagePack) -> bool:
    """Whether the place mention at ``start:end`` is used as a location."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and is_loc_use(span.root, pack)


@dataclass
class Narrative:
    """Per sentence (after the headline and dateline): its index, and the date and place a
    reader holds there."""

    sentences: list[Span]
    index: dict[int, int]  # sentence start token -> position in ``sentences``
    dates: list[tuple[str, str] | None]  # (ISO date, basis: "text" or "dateline")
    places: list[str | None]


def read_narrative(
    doc: Doc,
    text: str,
    ref: str | None,
    dateline_date: str | None,
    head_end: int,
    place_spans: dict[tuple[int, int], str],
    entities: dict[str, EntityRecord],
    gaz: Gazetteer,
    pack: LanguagePack,
    located: Mapping[str, list[str]] | None = None,
) -> Narrative:
    """Follow the story sentence by sentence: the latest day-precise date (the lead's day is
    the story's day; later dates belong to their own sentences) and the latest precise place
    of the paragraph (countries excluded)."""
    sents = [s for s in doc.sents if s.end_char > head_end]
    sites = frozenset(k for k, e in entities.items() if "Site" in e.types)
    out = Narrative(sents, {s.start: i for i, s in enumerate(sents)}, [], [])
    spans = sorted(place_spans.items())
    starts = [a for (a, _b), _k in spans]
    cur_date = (dateline_date, "dateline") if dateline_date else None
    lead_dated = False
    cur_place: str | None = None
    cur_para = -1
    breaks = _breaks(text)
    for sent in sents:
        i = bisect.bisect_left(breaks, sent.start_char)
        para = breaks[i - 1] if i else -1  # the break before the sentence
        if para != cur_para:
            cur_para, cur_place = para, None
        d = sentence_date(sent, ref, pack, head_end)
        if d and len(d) == 10 and not lead_dated:
            cur_date, lead_dated = (d, "text"), True
        lo = bisect.bisect_left(starts, sent.start_char)
        hi = bisect.bisect_left(starts, sent.end_char)
        locs = [
            k
            for (a, b), k in spans[lo:hi]
            if b <= sent.end_char
            and entities[k].types[0] != "Country"
            and _loc_use_at(doc, a, b, pack)
        ]
        if locs:
            cur_place = most_precise(locs, gaz, located, sites)
        out.dates.append(cur_date)
        out.places.append(cur_place)
    return out
