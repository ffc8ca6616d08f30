"""The narrative's time and place: what a reader carries from sentence to sentence.

Each sentence has its own date (a calendar date or weekday first, then "yesterday", then
"today") and its places used as locations; a reader carries forward the lead's day-precise
date (from the dateline on) and the latest precise place of the paragraph, so that an event
told without a date or place happens when and where the story is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.arguments import is_loc_use
from kg.extract.dates import resolve
from kg.extract.gazetteer import Gazetteer
from kg.extract.lang import LanguagePack
from kg.records import EntityRecord

_BREAKS = ("\n", "\u2028", "\u2029")


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


def paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph (a run of text between line breaks) holding ``pos`` starts."""
    return max(text.rfind(c, 0, pos) for c in _BREAKS)


def _words_rx(words: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alts})\b", re.I)


def sentence_date(sent: Span, ref: str | None, pack: LanguagePack, after: int = 0) -> str | None:
    """The day a sentence is about ("Iran on Friday said ..."): a calendar date or weekday
    first, then "yesterday"/"last night", then "today"/"overnight"."""
    found: list[tuple[int, str]] = []
    days = pack.words("relative_day_words")
    exprs = [e.text for e in sent.ents if e.label_ in ("DATE", "TIME") and e.start_char >= after]
    exprs += [t.text for t in sent if t.lower_ in days and t.idx >= after]
    vague, previous = (
        _words_rx(pack.words("vague_day_words")),
        _words_rx(pack.words("previous_day_words")),
    )
    for expr in exprs:
        r = resolve(expr, ref)
        if not r or len(r) != 10:
            continue
        rank = 2 if vague.search(expr) else (1 if previous.search(expr) else 0)
        found.append((rank, r))
    return min(found)[1] if found else None


def most_precise(keys: list[str], gaz: Gazetteer) -> str:
    """The deepest place (a district before its province before its country)."""

    def depth(k: str) -> int:
        return gaz.depth(k) if k in gaz else 1

    return sorted(keys, key=lambda k: (-depth(k), keys.index(k)))[0]


def _loc_use_at(doc: Doc, start: int, end: int, pack: LanguagePack) -> bool:
    """Whether the place mention at ``start:end`` is used as a location."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and is_loc_use(span.root, pack.words("location_preps"))


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
) -> Narrative:
    """Follow the story sentence by sentence: the latest day-precise date (the lead's day is
    the story's day; later dates belong to their own sentences) and the latest precise place
    of the paragraph (countries excluded)."""
    sents = [s for s in doc.sents if s.end_char > head_end]
    out = Narrative(sents, {s.start: i for i, s in enumerate(sents)}, [], [])
    cur_date = (dateline_date, "dateline") if dateline_date else None
    lead_dated = False
    cur_place: str | None = None
    cur_para = -1
    for sent in sents:
        para = paragraph_start(text, sent.start_char)
        if para != cur_para:
            cur_para, cur_place = para, None
        d = sentence_date(sent, ref, pack, head_end)
        if d and len(d) == 10 and not lead_dated:
            cur_date, lead_dated = (d, "text"), True
        locs = [
            k
            for (a, b), k in place_spans.items()
            if sent.start_char <= a
            and b <= sent.end_char
            and entities[k].types[0] != "Country"
            and _loc_use_at(doc, a, b, pack)
        ]
        if locs:
            cur_place = most_precise(locs, gaz)
        out.dates.append(cur_date)
        out.places.append(cur_place)
    return out
