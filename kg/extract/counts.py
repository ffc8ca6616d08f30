"""Counts of people: number words, vague quantities and the one convention for them.

An exact number is its own best, minimum and maximum; ``nearly N`` is best N between
ceil(0.9N) and N; ``more than N`` at least N+1; ``at least N`` N with no upper bound; ``up to
N`` at most N; ``about N`` between floor(0.9N) and ceil(1.1N); vague words take the values of
the language pack's ``vague_quantities`` table (``several`` and ``a few`` = at least 3,
``numerous`` = at least 4, ``dozens`` = at least 24); ``between N and M`` is best N between
N and M; counts of coordinated groups add up (``seven soldiers and three attackers`` = 10,
with no upper bound). The convention follows event-coding
practice (ACLED's and GTD's codebooks code the lowest certain figure as the minimum).

>>> quantity("nearly 100")
Quantity(best=100, min=90, max=100)
>>> quantity("more than 10")
Quantity(best=11, min=11, max=None)
>>> quantity("two")
Quantity(best=2, min=2, max=2)
>>> quantity("several")
Quantity(best=3, min=3, max=None)
>>> quantity("almost three dozen")
Quantity(best=36, min=33, max=36)
>>> quantity("1,200")
Quantity(best=1200, min=1200, max=1200)
>>> quantity("no") is None, quantity("no one")
(True, Quantity(best=0, min=0, max=0))
>>> quantity("between 10 and 15"), quantity("two dozen")
(Quantity(best=10, min=10, max=15), Quantity(best=24, min=24, max=24))
>>> quantity("between a dozen and 20")
Quantity(best=12, min=12, max=20)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Span, Token

from kg.extract.dates import numeric_date
from kg.extract.lang import LanguagePack, language_pack
from kg.records import Quantity


def number_word(text: str, pack: LanguagePack | None = None) -> int | None:
    """The integer a number word or numeral stands for.

    >>> number_word("fifteen"), number_word("11"), number_word("twenty-two")
    (15, 11, 22)
    """
    pack = pack or language_pack("en")
    t = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d{1,7}", t):
        return int(t)
    words = pack.table("quantities")
    if t in words:
        return int(words[t])
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        a, b = int(words[parts[0]]), int(words[parts[1]])
        if a >= 20 and b < 10:
            return a + b
        if b in (100, 1000):
            return a * b
    return None


def _range_ends(t: str, pack: LanguagePack) -> tuple[int, int] | None:
    """The two exact counts of a range whose ends are count expressions ("between a dozen
    and 20"), the lower first; ``None`` when ``t`` is no such range."""
    words = pack.words("range_words")
    parts = t.split(" ")
    body = parts[1:] if parts and parts[0] in words else parts
    for i, w in enumerate(body):
        if w not in words or not 0 < i < len(body) - 1:
            continue
        lo, hi = quantity(" ".join(body[:i]), pack), quantity(" ".join(body[i + 1 :]), pack)
        exact = lo is not None and hi is not None and lo.min == lo.max and hi.min == hi.max
        if exact and lo is not None and hi is not None and (lo.best or 0) < (hi.best or 0):
            return lo.best or 0, hi.best or 0
    return None


def quantity(text: str, pack: LanguagePack | None = None) -> Quantity | None:
    """Best/min/max for a count expression, by the module's convention; ``None`` if none."""
    pack = pack or language_pack("en")
    t = " ".join(text.lower().replace("\u2019", "'").split())
    zero = pack.words("zero_words")
    if t in zero:
        return Quantity(0, 0, 0)
    vague = pack.table("vague_quantities")
    if t in vague:
        b, lo, hi = vague[t]
        return Quantity(b, lo, hi)
    rng = re.fullmatch(r"(?:(\S+) )?(\S+) (\S+) (\S+)", t)
    if rng and (rng.group(1) in pack.words("range_words") or rng.group(1) is None):
        lo_w, joiner, hi_w = rng.group(2), rng.group(3), rng.group(4)
        lo, hi = number_word(lo_w, pack), number_word(hi_w, pack)
        if joiner in pack.words("range_words") and lo is not None and hi is not None and lo < hi:
            return Quantity(lo, lo, hi)  # "between 10 and 15", "10 to 15": at least the lower
    ends = _range_ends(t, pack)  # "between a dozen and 20": ends of more than one word
    if ends is not None:
        return Quantity(ends[0], ends[0], ends[1])
    mods = pack.table("quantity_modifiers")
    mod = None
    for m in sorted(mods, key=len, reverse=True):
        if t.startswith(m + " "):
            mod, t = mods[m], t[len(m) + 1 :]
            break
    n = number_word(t, pack)
    if n is None:
        pair = re.fullmatch(r"(\S+) (\S+)", t)  # "three dozen"
        mult = pack.table("multiples").get(pair.group(2)) if pair else None
        k = number_word(pair.group(1), pack) if pair and mult else None
        n = k * int(mult) if k is not None and mult else None
    if n is None:
        return None
    if mod is None:
        return Quantity(n, n, n)
    if mod == "nearly":
        return Quantity(n, math.ceil(0.9 * n), n)
    if mod == "more":
        return Quantity(n + 1, n + 1, None)
    if mod == "atleast":
        return Quantity(n, n, None)
    if mod == "upto":
        return Quantity(n, None, n)
    if mod == "less":
        return Quantity(max(n - 1, 0), None, max(n - 1, 0))
    return Quantity(n, math.floor(0.9 * n), math.ceil(1.1 * n))  # about


_COUNT_DEPS = {"nummod", "quantmod", "amod", "det", "compound", "advmod"}
YEAR = re.compile(r"^(19|20)\d\d$")  # a year written in figures


def add_counts(a: Quantity, b: Quantity) -> Quantity:
    """Two counts of different people: their sum, bounded above only when both are.

    >>> add_counts(Quantity(7, 7, 7), Quantity(3, 3, None))
    Quantity(best=10, min=10, max=None)
    >>> add_counts(Quantity(7, 7, 7), Quantity(3, 3, 3))
    Quantity(best=10, min=10, max=10)
    """
    assert a.best is not None and b.best is not None
    top = a.max + b.max if a.max is not None and b.max is not None else None
    return Quantity(a.best + b.best, (a.min or a.best) + (b.min or b.best), top)


def _an_age(mod: Token) -> bool:
    """Whether a modifier is someone's age ("their eight-year-old son", which the model
    tags as a date): its number counts years, not people."""
    return mod.dep_ in ("amod", "compound", "nmod") and any(
        w.ent_type_ == "DATE" for w in mod.subtree
    )


def count_on(tok: Token, pack: LanguagePack) -> Quantity | None:
    """The count on a noun: ``nearly 100 people``, ``several insurgents``, ``a leader``."""
    best: Quantity | None = None
    many = pack.words("collective_people_nouns", "collective_nouns_of_kin")
    if unknown_count(tok, pack):
        return None  # "an unknown number of soldiers": no number, not one
    if _arms(tok, pack):
        # "captured the weapons cache and five militants": the people, not the arms
        people = [c for c in tok.conjuncts if c.i > tok.i and not _arms(c, pack)]
        return count_on(people[0], pack) if people else None
    if tok.lower_ in pack.words("multiples") and not any(c.dep_ == "prep" for c in tok.children):
        # "more than a dozen were injured": the multiple is the people, its words the count
        q = quantity(" ".join(w.text for w in tok.subtree if count_word(w, pack)), pack)
        if q is not None:
            return q
    for c in tok.children:
        if c.dep_ not in _COUNT_DEPS or _an_age(c):
            continue
        if tok.like_num and c.dep_ in ("amod", "det"):
            continue  # "wounding the other two": the number is the count (read below)
        # the count's own words: "at least 12", "between 10 and 15", "two dozen"
        words = [w for w in c.subtree if w.i < tok.i and count_word(w, pack)]
        if words and tok.dep_ == "pobj" and tok.head.lower_ in pack.words("range_words"):
            words.insert(0, tok.head)  # "killing between 10 and 15 civilians"
        q = quantity(" ".join(w.text for w in words), pack) if words else None
        if q is None:
            words = [
                c,
                *(g for g in c.children if g.dep_ in ("advmod", "quantmod", "compound", "amod")),
            ]
            q = quantity(" ".join(w.text for w in sorted(words, key=lambda t: t.i)), pack)
        if q is None and c.dep_ == "nummod":
            q = quantity(c.text, pack)
        if q is None and c.dep_ == "amod" and c.lower_ in pack.words("count_adjectives"):
            q = quantity(c.lower_, pack)
        if q is None and c.dep_ == "det" and c.lower_ in pack.words("count_determiners"):
            q = quantity(c.lower_, pack)
        if q is not None and (best is None or c.dep_ == "nummod"):
            if c.dep_ == "nummod" and YEAR.match(c.text) and int(c.text) > 1900:
                continue
            best = q
    if best is None:  # "three dozen suspected insurgents": the number hangs off the adjective
        # or off a name before the noun, first in it (not an incident summary's leading date
        # the parser hung there: "01/06/2025: Six CRPF commandos"):
        first = min(
            (t.i for t in tok.subtree if not t.is_punct and not numeric_date(t.text)),
            default=tok.i,
        )
        for c in tok.children:  # "Two Central Reserve Police Force (CRPF) personnel"
            if c.dep_ not in ("amod", "nmod", "compound") or c.i > tok.i or _an_age(c):
                continue
            for g in c.children:
                if c.dep_ != "amod" and (g.i != first or YEAR.match(g.text)):
                    continue
                if g.dep_ in ("npadvmod", "nummod") and (g.like_num or g.ent_type_ == "CARDINAL"):
                    words = [g, *(w for w in g.children if w.dep_ in ("advmod", "quantmod"))]
                    best = quantity(
                        " ".join(w.text for w in sorted(words, key=lambda t: t.i)), pack
                    )
                    break
    if best is None and (tok.like_num or tok.lower_ in pack.words("count_nouns")):
        # "wounding more than 280": the number is the object, its bound hangs on it (and a
        # number word the tagger took for a noun: "wounded another four")
        words = [w for w in tok.subtree if w.i <= tok.i and count_word(w, pack)]
        ranged = tok.dep_ == "pobj" and tok.head.lower_ in pack.words("range_words")
        if opens_a_range(tok, pack):
            # "Between 10 and 15 were killed" (however parsed): the range's other end is no
            # more people
            words = [
                *([tok.head] if ranged else []),
                *(w for w in tok.subtree if count_word(w, pack)),
            ]
            return quantity(" ".join(w.text for w in words), pack) or quantity(tok.text, pack)
        best = quantity(" ".join(w.text for w in words), pack) or quantity(tok.text, pack)
        if best is not None and best.best is not None and _plus_after(tok):
            best = Quantity(best.best, best.best, None)  # "20+ injured": at least 20
    for c in tok.children:  # "the facilitator along with several of his associates"
        if c.dep_ == "prep" and c.lower_ in pack.words("accompaniment_preps") and best is not None:
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ in pack.words("accompaniment_heads"):
                    q2 = count_on(g, pack)
                    if q2 and q2.best and best.best is not None:
                        best = add_counts(best, q2)
                    break
    if (
        best is None
        and (tok.tag_ in ("NN", "NNP") or tok.ent_type_ == "ORDINAL")  # "a fourth died"
        and (
            tok.ent_type_ == "PERSON"
            or any(
                (c.dep_ == "det" and c.lower_ in pack.words("singular_determiners"))
                # "his driver", not "his family"
                or (c.dep_ == "poss" and c.tag_ == "PRP$" and tok.lower_ not in many)
                for c in tok.children
            )
            or tok.lower_ in pack.words("singular_role_nouns")
            # a name set beside one person ("Victoria, a municipal councillor, was shot")
            or (
                tok.tag_ == "NNP"
                and any(
                    c.dep_ == "appos"
                    and c.tag_ == "NN"
                    and any(
                        d.dep_ == "det" and d.lower_ in pack.words("singular_determiners")
                        for d in c.children
                    )
                    for c in tok.children
                )
            )
        )
    ):
        best = Quantity(1, 1, 1)  # "a Taliban leader", "the insurgent", "Fayez Jan"
    if best is None and tok.lower_ in pack.words("singular_pronouns"):
        best = Quantity(1, 1, 1)
    # coordinated people, not places the parser coordinated ("an official in Kunduz city,
    # Kunduz province")
    # nor another toll ("4 fatalities and more than 200 injured")
    conjuncts = [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and c.ent_type_ not in ("GPE", "LOC", "FAC")
        and c.lemma_.lower() not in pack.table("zero_toll_words")
        # nor things ("12 officers were injured and four police vehicles set on fire")
        and not ("vehicle_nouns" in pack and c.lemma_.lower() in pack.words("vehicle_nouns"))
        # nor arms ("captured three suspects and two rifles")
        and not _arms(c, pack)
        and not ("outcome_states" in pack and _another_states_figure(tok, c, pack))
        # nor people a participle before them tells another fate of ("killed dozens and
        # displaced thousands", the participle read as the figure's modifier)
        and not _other_fate(c, pack)
    ]
    if conjuncts and _tellers_misread(conjuncts[-1], pack):
        conjuncts = []  # "killing 12 passengers, two residents and an official told Reuters"
    if conjuncts and best is None and tok.tag_ in ("NN", "NNP", "PRP"):
        best = Quantity(1, 1, 1)  # "the commander and his daughter": one, and one more
    lead = best
    rest: Quantity | None = None
    prev = tok
    for (
        c
    ) in conjuncts:  # "seven soldiers and three attackers", "himself, two policemen and a child"
        if best is None:
            break
        if unknown_count(c, pack):
            # "twelve soldiers and an unknown number of assailants": at least twelve
            best = Quantity(best.best, best.min, None)
            continue
        q2 = count_on(c, pack)
        # (a bare word for people in the singular after a plural counted is a whole body of
        # them, no one more: "34 patients and staff", "students and faculty")
        body = (
            c.tag_ == "NN"
            and tok.tag_ == "NNS"
            and not any(g.dep_ in ("det", "poss") for g in c.children)
        )
        if q2 is None and c.tag_ in ("NN", "NNP") and _joined(tok, prev, c) and not body:
            q2 = Quantity(1, 1, 1)
        prev = c
        if q2 and q2.best is not None and best.best is not None:
            best = add_counts(best, q2)
            rest = q2 if rest is None else add_counts(rest, q2)
    if (
        lead is not None
        and rest is not None
        and lead.best == rest.best
        and tok.lemma_.lower() in pack.words("unspecific_people_nouns")
        and _who_they_were(tok, conjuncts)
    ):
        return lead  # "Three people, two Indian nationals and a Pakistani, were killed"
    return best


def _joined(tok: Token, prev: Token, c: Token) -> bool:
    """Whether a conjunct is joined to the one before it by a conjunction or a comma ("four
    soldiers and a child"), not a word the parser made one after a bracket ("a Volunteer
    for the Defence of the Homeland (VDP) auxiliary": one person)."""
    return any(
        t.head.i in (tok.i, prev.i, c.i) and (t.dep_ == "cc" or t.text == ",")
        for t in tok.doc[prev.i + 1 : c.i]
    )


def _who_they_were(tok: Token, conjuncts: list[Token]) -> bool:
    """Whether the people coordinated after ``tok`` are set off by commas on both sides, as
    an apposition that says who they were ("Three people, two nationals and a Pakistani,")."""
    doc = tok.doc
    end = max(t.i for c in conjuncts for t in c.subtree) + 1
    return doc[tok.i + 1].text == "," and end < len(doc) and doc[end].text == ","


def opens_a_range(figure: Token, pack: LanguagePack) -> bool:
    """Whether ``figure`` is the first end of a range ("Between 10 and 15 were killed"),
    however parsed: under a word of range (``range_words``) or with one before it.

    >>> import spacy
    >>> from kg.extract.lang import language_pack
    >>> doc = spacy.blank("en")("between 10 and 15")
    >>> doc[1].head, doc[0].dep_ = doc[0], "prep"
    >>> doc[1].dep_ = "pobj"
    >>> opens_a_range(doc[1], language_pack("en"))
    True
    """
    ranges = pack.words("range_words")
    under = figure.dep_ == "pobj" and figure.head.lower_ in ranges
    return under or any(w.lower_ in ranges for w in figure.lefts)


def _plus_after(tok: Token) -> bool:
    """Whether a figure is written with a plus after it ("20+"): at least that many."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text == "+" and not tok.whitespace_


def _arms(tok: Token, pack: LanguagePack) -> bool:
    """Whether ``tok`` is a common noun of arms (the pack's ``arms_nouns``), not people."""
    return (
        "arms_nouns" in pack
        and tok.pos_ == "NOUN"
        and tok.lemma_.lower() in pack.words("arms_nouns")
    )


def told_state(noun: Token, pack: LanguagePack) -> list[str]:
    """The outcome a toll noun is a count of (``fatalities`` of "9 fatalities": the
    ``outcome_states`` value its kind of harm goes by), or none.

    >>> from kg.extract.lang import language_pack
    >>> import spacy
    >>> doc = spacy.blank("en")("9 fatalities")
    >>> doc[1].lemma_ = "fatality"
    >>> told_state(doc[1], language_pack("en"))
    ['fatalities']
    """
    lemma = noun.lemma_.lower()
    if lemma in pack.words("death_nouns"):
        return ["fatalities"]
    if lemma in pack.words("injury_nouns"):
        return ["injured"]
    if "killing_verbs" not in pack:
        return []
    for c in noun.children:  # "12 civilians killed and over 30 injured": the participle's
        if c.dep_ == "acl" and c.tag_ == "VBN":
            if c.lemma_.lower() in pack.words("killing_verbs"):
                return ["fatalities"]
            if c.lemma_.lower() in pack.words("injuring_verbs"):
                return ["injured"]
    return []


def _another_states_figure(noun: Token, figure: Token, pack: LanguagePack) -> bool:
    """``9 fatalities, including children, and 17 injured``, parsed as "9 fatalities ... and
    17" injured (or "1 fatality and 3" with "injured" hung on the noun): the figure is the
    count of another outcome, not more fatalities."""
    if not figure.like_num:
        return False
    mine = told_state(noun, pack)
    if not mine:
        return False
    states = pack.table("outcome_states")
    after = figure.doc[figure.i + 1].lower_ if figure.i + 1 < len(figure.doc) else ""
    theirs = states.get(after)
    if theirs is None and noun.dep_ == "nsubj":
        theirs = states.get(noun.head.lower_)
    return theirs is not None and theirs not in mine


def _tellers_misread(last: Token, pack: LanguagePack) -> bool:
    """Whether the people listed after a count are who told it, the parser having read
    them as more of the counted ("killing 12 passengers, two residents and a local health
    official told Reuters"): the word after the list is a verb of saying (the pack's
    ``saying_verbs``) with no subject of its own."""
    end = last.right_edge.i + 1
    if end >= len(last.doc):
        return False
    verb = last.doc[end]
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in pack.optional_words("saying_verbs")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _other_fate(noun: Token, pack: LanguagePack) -> bool:
    """Whether a participle the parser hung before a coordinated figure tells what befell
    those people other than the first's fate ("and displaced thousands", "and two wounded
    civilians"): not a word for armed people nor a hedge (the pack's ``armed_modifiers``,
    ``suspicion_adjectives``: "and one suspected insurgent")."""
    kept = pack.optional_words("armed_modifiers", "suspicion_adjectives")  # "one suspected"
    return any(
        a.dep_ == "amod" and a.tag_ in ("VBN", "VBD") and a.i < noun.i and a.lower_ not in kept
        for a in noun.children
    )


def unknown_count(tok: Token, pack: LanguagePack) -> bool:
    """``an unknown number of assailants``: a count the text says it does not know (one of
    the pack's ``unknown_count_nouns`` with one of its ``unknown_count_words``).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["an", "unknown", "number"],
    ...           lemmas=["an", "unknown", "number"], heads=[2, 2, 2], deps=["det", "amod", "ROOT"])
    >>> unknown_count(doc[2], language_pack("en")), unknown_count(doc[1], language_pack("en"))
    (True, False)
    """
    lemma = tok.lemma_.lower()
    words = pack.words("unknown_count_words")
    if lemma in pack.optional_words("indefinite_count_nouns"):
        words = words | pack.words("indefinite_articles")
    return lemma in pack.words("unknown_count_nouns") and any(
        c.lower_ in words for c in tok.children
    )


def count_word(tok: Token, pack: LanguagePack) -> bool:
    """A word of a count expression: a number, a number word, a word of a vague count or of
    a bound ("at least", "between ... and ...")."""
    t = tok.lower_
    return (
        tok.like_num
        or t in pack.table("quantities")
        or t in pack.table("multiples")
        or any(t in phrase.split() for phrase in pack.table("vague_quantities"))
        or any(t in phrase.split() for phrase in pack.table("quantity_modifiers"))
        or t in pack.words("range_words")
    )


def zero_tolls(sent: Span, pack: LanguagePack) -> frozenset[str]:
    """The tolls (``"fatalities"``, ``"injured"``) a sentence says were zero: a word of the
    pack's ``zero_toll_words`` with a negative determiner or the figure 0 ("There were no
    casualties", "No fatalities or injuries were reported", "0 fatalities"), or a verb of
    them whose subject names no one ("Nobody was hurt", "No one was killed"), or people
    said to be ``unharmed_words`` ("were released unharmed"). Words
    qualified otherwise than by ``zero_toll_qualifiers`` are not all ("no civilian
    casualties": others may have died). GTD codes such an incident's killed and wounded
    as 0.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Nobody", "was", "hurt", "."], lemmas=["nobody", "be",
    ...           "hurt", "."], heads=[2, 2, 2, 2], deps=["nsubjpass", "auxpass", "ROOT", "punct"])
    >>> sorted(zero_tolls(doc[:], language_pack("en")))
    ['fatalities', 'injured']
    """
    if "zero_toll_words" not in pack:
        return frozenset()  # a language read without a parse (its own "zero_patterns")
    table = pack.table("zero_toll_words")
    none = pack.words("negative_determiners")
    nobody = pack.words("zero_words", "negative_subjects")
    whole = pack.words("zero_toll_qualifiers")
    out: set[str] = set()
    unharmed = pack.words("unharmed_words")
    for t in sent:
        if t.text.lower() in unharmed and t.dep_ in ("acomp", "oprd", "advmod"):
            if _all_unharmed(t, sent, table):
                out.update(("fatalities", "injured"))  # "the hostages were released unharmed"
        fields = table.get(t.lemma_.lower())
        if not fields:
            continue
        qualified = any(
            c.dep_ in ("amod", "compound", "nmod") and c.text.lower() not in whole
            for c in t.children
        )
        # "no casualties", "no reported casualties", "No fatalities or injuries", "0 fatalities"
        first = t if t.dep_ != "conj" else t.head
        zero = any(
            (c.dep_ == "det" and c.text.lower() in none) or (c.dep_ == "nummod" and c.text == "0")
            for c in [*t.children, *first.children]  # "heavy damage but no casualties"
        )
        # "Fatalities: 0", a note's labelled field
        figure = labelled_figure(t)
        zero = zero or (figure is not None and figure.text == "0")
        if zero and not qualified:
            out.update(fields)
        # "No one was killed or injured": the subject of the first verb is the second's too
        for c in [*t.children, *(first.children if first.pos_ == t.pos_ == "VERB" else [])]:
            if c.dep_ not in ("nsubj", "nsubjpass"):
                continue
            words = " ".join(w.text.lower() for w in c.subtree)
            if words in nobody:  # "nobody", "no one", "none"
                out.update(fields)
    return frozenset(out)


def labelled_figure(tok: Token) -> Token | None:
    """The figure after a colon that a note's line opens with (the monitors' labelled field,
    "Fatalities: 6"), however the parser hung it; ``None`` when ``tok`` opens no such line.

    >>> import spacy
    >>> doc = spacy.blank("en")("Fatalities: 6.")
    >>> for t in doc:
    ...     t.is_sent_start = t.i == 0
    >>> labelled_figure(doc[0]).text
    '6'
    """
    doc = tok.doc
    if tok.i != tok.sent.start or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":":
        return None
    figure = doc[tok.i + 2]
    return figure if figure.like_num else None


def _all_unharmed(word: Token, sent: Span, harm: Mapping[str, Any]) -> bool:
    """Whether ``word`` ("unharmed") is said of all the people ("the hostages were released
    unharmed"), not of one of them ("one of the farmers", "the driver escaped unhurt"), in
    a sentence that tells no harm besides ("... but two passengers died")."""
    subjects = [c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(
        s.tag_ != "NNS" or any(c.dep_ == "prep" for c in s.children) for s in subjects
    ):
        return False
    return not any(t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in harm for t in sent)
