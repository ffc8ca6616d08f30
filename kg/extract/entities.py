"""Actor and place mentions: a gazetteer matcher that corrects and extends spaCy's NER.

The ``ckg_entities`` component writes every mention to ``doc.spans["ckg"]``; each span's
``kb_id_`` is the canonical key of the thing it names (a gazetteer id, or a key minted for an
unknown actor from its normalised name, never merged with a different known one) and its
``label_`` the ontology class. Rules as data: names come from the gazetteer, not code.

Linking rules, in order:

1. the longest gazetteer name wins (``Daesh Khorasan`` over ``Daesh``); short all-caps names
   (``US``, ``IS``, ``AP``) match only in capitals;
2. ``X's <Place>-based branch`` / ``X <Place>-based affiliate`` names the affiliate of X based
   in Place: the gazetteer entry with those relations, or a new node affiliated to X;
3. an ambiguous name (a district name used in two provinces) goes to the candidate that lies
   in a place the document also names;
4. a demonym that modifies a force noun (``Afghan and coalition forces``) names that country's
   forces when the gazetteer has them (``Afghan forces``);
5. spaCy's PERSON/ORG/GPE/LOC/FAC/NORP entities that the gazetteer does not know become new
   nodes (a person's surname alone links to the person named in full earlier).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("ckg_entities")
>>> doc = nlp("Daesh and ISIS-K attacked Kabul, the U.S. said.")
>>> [(s.text, s.kb_id_) for s in doc.spans["ckg"]]
[('Daesh', 'isis'), ('ISIS-K', 'isis-k'), ('Kabul', 'kabul-city'), ('U.S.', 'united-states')]
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract import classes
from kg.extract.dates import (
    DATELINE_RX,
    date_in_a_name,
    day_before_month,
    find_dateline,
    month_before_day,
    not_a_date,
    numeric_date,
    numeric_date_offsets,
)
from kg.extract.doctext import doc_text, doc_tokens
from kg.extract.gazetteer import PLACE_TYPES, Gazetteer, country_of, norm
from kg.extract.lang import LanguagePack, language_pack
from kg.extract.triggers import verb_phrases
from kg.geo.toponyms import (
    ARABIC_ARTICLES,
    DIVISION_KIND,
    NO_ENTRY,
    OWNER_RX,
    PLACE_OBJECT_VERBS,
    Choice,
    article_name,
    gazetteer_spans,
    resolve,
)

SPAN_KEY = "ckg"
DATELINE_KEY = "ckg_dateline"
METONYMS_KEY = "ckg_metonyms"  # doc.user_data: (start, end) characters of "Baku said"
# doc.user_data: "start:end" tokens of a group's named unit -> the token its group's name ends at
UNITS_KEY = "ckg_units"
GROUP_PREFIX = "group:"
SITE_PREFIX = "site:"
# a mention's role: the site it happened at, made the event's location (inside its town)
# when the records are built (kg.extract.groups)
SITE_LOCATION = "site_location"
ARMED_GROUP_KEY = f"{GROUP_PREFIX}armed"  # unnamed armed men (kg/extract/data/groups.json)
GROUPS_FILE = Path(__file__).parent / "data" / "groups.json"
# kind of group -> {"type", "label", "alone"}: the node a group of people becomes
GROUP_KINDS: dict[str, dict[str, str]] = json.loads(GROUPS_FILE.read_text(encoding="utf-8"))[
    "kinds"
]
GROUP_TYPES = {kind: row["type"] for kind, row in GROUP_KINDS.items()}
#: the kinds of group that are a state's forces
FORCE_KINDS = frozenset(k for k, t in GROUP_TYPES.items() if t == "StateForce")
# the model's labels of names that are no place's (OntoNotes): dates, times, named events
_NOT_PLACE_NAMES = ("DATE", "TIME", "EVENT", "PERSON")
#: the kind of group of people named by a kind and taking no side (kg/extract/data/groups.json)
CIVILIAN_KIND = "civilians"
NER_TYPES = {
    "PERSON": ("Person",),
    "ORG": ("Organization",),
    "GPE": ("Place",),
    "LOC": ("Place",),
    "FAC": ("Site",),
    "NORP": ("SocialGroup",),
}
NER_SOCIAL_GROUP = NER_TYPES["NORP"][0]  # a people, faith or party named by the model
_KEY_PREFIX = {
    "Person": "person",
    "Organization": "org",
    "SocialGroup": "group",
    "Place": "place",
    "Site": "place",
    "Settlement": "place",
    "AdminRegion": "place",
    "ArmedGroup": "org",
}

if not Doc.has_extension("ckg_new"):
    Doc.set_extension("ckg_new", default=None)  # key -> (label, types) of minted entities
if not Doc.has_extension("ckg_relations"):
    Doc.set_extension("ckg_relations", default=None)  # [(subject key, property, object key)]


def belonging_phrases(verb: Token, pack: LanguagePack, members: frozenset[str]) -> list[Token]:
    """The phrases that name the group ``verb``'s subject is said to belong to: the
    preposition the pack's ``belonging_verbs`` give the verb ("belonged to X", "were from
    X"), "of" after one of ``members`` as its attribute ("were members of X"), or one of
    ``bond_preps`` on one of ``bond_nouns`` as its object ("had sworn allegiance to X", "had
    links to X"). The entity layer reads a group's name from them, the statement layer who
    tells it.

    >>> import spacy
    >>> belonging_phrases(spacy.blank("en")("belonged")[0], language_pack("en"), frozenset())
    []
    """
    preps = pack.optional_table("belonging_verbs").get(verb.lemma_.lower(), [])
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps]
    of = pack.words("of_preps")
    bonds, bond_preps = pack.optional_words("bond_nouns"), pack.optional_words("bond_preps")
    for c in verb.children:
        if c.dep_ == "attr" and c.lower_ in members:
            phrases += [p for p in c.children if p.lower_ in of]
        if c.dep_ == "dobj" and c.lemma_.lower() in bonds:
            phrases += [p for p in c.children if p.dep_ == "prep" and p.lower_ in bond_preps]
    return phrases


def spokespersons(relations: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Each spokesperson's key -> the key of the body they speak for, from the entity
    layer's ``spokespersonOf`` relations.

    >>> spokespersons([("person/y", "spokespersonOf", "org/x"), ("a", "locatedIn", "b")])
    {'person/y': 'org/x'}
    """
    return {s: o for s, p, o in relations if p == "spokespersonOf"}


def group_kind(key: str) -> str | None:
    """The kind of a group placeholder (``group:<kind>[@<country>]``), ``None`` for any
    other key.

    >>> group_kind("group:police@kenya"), group_kind("group:armed"), group_kind("kenya")
    ('police', 'armed', None)
    """
    if not key.startswith(GROUP_PREFIX):
        return None
    return key[len(GROUP_PREFIX) :].split("@")[0]


def site_name_kind(words: list[str], pack: LanguagePack) -> str | None:
    """What a name made of ``words`` (lower case) calls a place: ``"way"`` for a street or
    square (where an event happened), ``"facility"`` for a building or site (also what an
    attack is aimed at), else ``None``. The head is the last word, or the first in names
    written head first (``site_name_words``, ``site_name_leads`` of the language pack).

    >>> pack = language_pack("en")
    >>> [site_name_kind(n.lower().split(), pack) for n in ("Oxford Street", "Rue Victor Hugo",
    ...  "Serena Hotel", "Camp Bastion", "Islamic State")]
    ['way', 'way', 'facility', 'facility', None]
    """
    if len(words) < 2 or "site_name_words" not in pack:
        return None
    heads = pack.table("site_name_words")
    if words[-1] in heads:
        return str(heads[words[-1]])
    if words[0] in pack.words("site_name_leads"):
        return str(heads.get(words[0], "way"))
    return None


class EntityLinker:
    """Find actor and place mentions and link each to one canonical key."""

    def __init__(self, nlp: Language, name: str = "ckg_entities", use_ner: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        # the pipeline's rule lemmatizer, to lemmatize a word re-tagged as a verb
        self._lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.gaz = Gazetteer.load()
        self._picks: dict[tuple[int, int], Choice] = {}
        self.pack = pack = language_pack(nlp.lang)
        self.divisions = pack.words("division_words", "plural_division_words")
        # a figure, up to three capitalised words and a unit's word ("the 444 Brigade")
        cues = "|".join(re.escape(w) for w in sorted(pack.words("armed_group_name_cues")))
        self._unit_rx = re.compile(rf"\d\w*(?:\s+[A-Z][\w-]*){{0,3}}?\s+(?P<cue>(?i:{cues}))\b")
        self.force_heads = pack.words("force_heads")
        # the kinds of group crowds are (protesters, rioters)
        self._crowd_kinds = frozenset(classes.crowd_kinds(pack.optional_words("crowd_families")))
        # the words for armed men ("militants", "rebels"): what names an armed group's men
        self.armed_words = frozenset(
            w for w, k in pack.table("group_nouns").items() if k == "armed"
        )
        # "Daesh (ISIS) Afghanistan-based branch": the nouns that name a group's branch
        self.branch_nouns = pack.words("branch_nouns")
        # what armed groups do (:meth:`_doer`): attack ("verbs" of the Attack family, not of
        # dying nor weak), and claim ("verb_objects" of a claim: "accepted responsibility")
        verbs = pack.optional_table("verbs")
        self.attack_verbs = frozenset(
            v
            for v, cls in verbs.items()
            if classes.family(cls) == classes.named("attack")
            and v not in pack.words("dying_verbs") | pack.words("weak_verbs")
        )
        # the words for the members a group's name is told with ("Members of X")
        self.member_people = pack.words("member_nouns") | self.armed_words
        # the verbs of fighting, weak ones too: what people who are a militia do
        self.fight_verbs = frozenset(
            v
            for v, cls in verbs.items()
            if classes.family(cls) in (classes.named("attack"), classes.named("battle"))
            and v not in pack.words("dying_verbs")
        )
        # the nouns of fighting ("clashes between X and Y": the sides fight)
        nouns = pack.optional_table("nouns")
        self.fight_nouns = frozenset(
            n for n, cls in nouns.items() if classes.family(cls) == classes.named("battle")
        )
        # and the weak ones, which members of a group named as such do ("beat", "hit")
        self.member_attack_verbs = self.attack_verbs | frozenset(
            v
            for v, cls in verbs.items()
            if classes.family(cls) == classes.named("attack") and v in pack.words("weak_verbs")
        )
        # who a sentence holds responsible for an event (:meth:`_held_responsible`)
        self.event_nouns = frozenset(pack.optional_table("nouns"))
        self.perpetration_verbs = frozenset(
            w.split()[0] for w in pack.optional_words("perpetration_verbs")
        )
        objects = pack.optional_table("verb_objects")
        self.claiming_objects = {
            noun: frozenset(row[1])
            for noun, row in objects.items()
            if classes.is_a(row[0], classes.named("claim"))
        }
        # "Dand district, Kandahar province", "Kupwara (Jammu and Kashmir)": what may come
        # between a place and the place it lies in
        # (or a division's kind: "Garu block, Latehar district", "Hatiya upazila, Noakhali")
        words = "|".join(
            map(re.escape, sorted(pack.words("container_words", "admin_division_words")))
        )
        preps = "|".join(map(re.escape, sorted(pack.words("container_preps"))))
        articles = "|".join(map(re.escape, sorted(pack.words("articles"))))
        # ("Varage in the northern municipality of Zubin Potok": a division named by "of")
        kinds = "|".join(map(re.escape, sorted(pack.words("division_words"))))
        of = "|".join(map(re.escape, sorted(pack.words("of_preps"))))
        self.between_places = re.compile(
            rf"\s*({words})?\s*(,\s*(?:{preps})?|\(|{preps})\s*((?:{articles})\s+)?"
            rf"((?:[a-z]+\s+)?(?:{kinds})\s+(?:{of})\s+)?",
            re.I,
        )
        self.groups = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, kind in self.pack.table("group_nouns").items():
            self.groups.add(f"{GROUP_PREFIX}{kind}", [nlp.make_doc(phrase)])
        self.sites = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, kind in self.pack.table("facility_nouns").items():
            self.sites.add(f"{SITE_PREFIX}{kind}", [nlp.make_doc(phrase)])

    # ------------------------------------------------------------ matching

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        """Curated and GeoNames names in the text (:func:`kg.geo.toponyms.gazetteer_spans`),
        with the regions a compass word names in a country (:meth:`_compass_regions`)."""
        spans = self._compass_regions(doc, gazetteer_spans(doc, self.gaz))
        return [s for s in spans if not self._saints_site(doc, s.start, s.end)]

    def _saints_site(self, doc: Doc, start: int, end: int) -> bool:
        """``St. Joseph's Catholic Church``, ``St. Anthony's Shrine``: a saint's name (the
        pack's ``saint_words``) in the possessive before a word for a site (``facility_nouns``)
        names the site dedicated to the saint, never a town of that name (Saint Joseph,
        Missouri)."""
        saints = self.pack.optional_words("saint_words")
        # (or the saint's name alone, the saint's word before it: "St. | Mary's Church")
        if doc[start].lower_ not in saints and not (start and doc[start - 1].lower_ in saints):
            return False
        owner = end if doc[end - 1].tag_ == "POS" else end + 1
        if owner > len(doc) or doc[owner - 1].tag_ != "POS":
            return False
        # (of a site: "St. Petersburg's outskirts" are the city's)
        sites = self.pack.table("facility_nouns")
        return any(t.lemma_.lower() in sites for t in doc[owner : owner + 3])

    def _compass_regions(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``(Bint Jbeil, South Lebanon)``, ``Southern Lebanon``: a compass word (the pack's
        ``direction_words``, ``direction_adjectives``) written as a name before a country's
        own name (its label, not an alias: "South America" is no part of the United States)
        names a region of that country: the division the compass word names alone in that
        country (GeoNames' "South" governorate of Lebanon), else the country itself where the
        gazetteer knows the name only abroad ("South Lebanon", a village in Ohio), else a
        region of its own as before ("Northern Afghanistan"). A name the gazetteer knows as a
        country or a division ("South Sudan", "Northern Ireland") stays what it is."""
        compass = self.pack.optional_words("direction_words", "direction_adjectives")
        gaz = self.gaz
        at: dict[tuple[int, int], Span] = {(s.start, s.end): s for s in spans if s.label_ == "GAZ"}

        def ids(s: Span | None) -> list[str]:
            return [i for i in (s.kb_id_.split("|") if s is not None else []) if i in gaz]

        out = list(spans)
        for (start, end), s in at.items():
            word = doc[start - 1] if start > 0 else None
            if word is None or word.lower_ not in compass or not word.is_title:
                continue
            countries = [
                c
                for c in ids(s)
                if gaz[c].kind == "country" and gaz[c].label.lower() == s.text.lower()
            ]
            whole = at.get((start - 1, end))
            if len(countries) != 1 or any(
                gaz[c].kind in ("country", "admin1", "admin2") for c in ids(whole)
            ):
                continue
            country = countries[0]
            own = [
                c
                for c in ids(at.get((start - 1, start)))
                if gaz[c].kind in ("admin1", "admin2") and gaz[c].country == country
            ]
            if len(own) != 1 and whole is None:
                continue  # ("Northern Afghanistan": a region of its own, placed in the country)
            if whole is not None:
                out.remove(whole)
            out.append(Span(doc, start - 1, end, label="GAZ", kb_id=own[0] if own else country))
        return out

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        model_ents = doc.ents  # (the doc makes its spans anew each time they are read)
        wrong = [e for e in model_ents if date_in_a_name(e, self.pack) or not_a_date(e, self.pack)]
        dated = [e for e in model_ents if e.label_ != "DATE" and numeric_date(e.text)]
        in_ents = {i for e in model_ents for i in range(e.start, e.end)}
        # not the date that heads the article ("09/01/2021: Assailants ..."): the dateline's
        text = doc_text(doc)
        dl = find_dateline(text)
        cut = dl.end if dl is not None and dl.heading else 0
        spans = [doc.char_span(a, b) for a, b in numeric_date_offsets(text) if a >= cut]
        missed = [
            sp[0] for sp in spans if sp is not None and len(sp) == 1 and sp.start not in in_ents
        ]
        # "1 March 2019" tagged "March 2019", "12 May" untagged: the day kept
        days = [
            Span(doc, a, b, label="DATE")
            for a, b in [*day_before_month(doc, self.pack), *month_before_day(doc, self.pack)]
            # (or one the model took for an event's name: "On 9 September 2025, Gen Z ...")
            if all(doc[i].ent_type_ in ("", "DATE", "CARDINAL", "EVENT") for i in range(a, b))
            and not any(e.start <= a and b <= e.end and e.label_ == "DATE" for e in model_ents)
        ]
        if wrong or dated or missed or days:  # "On 23/08/2023,": a date taken for a place
            inside = {i for s in days for i in range(s.start, s.end)}
            doc.ents = sorted(
                [
                    Span(doc, e.start, e.end, label="DATE") if e in dated else e
                    for e in doc.ents
                    if e not in wrong and not inside & set(range(e.start, e.end))
                ]
                + [Span(doc, t.i, t.i + 1, label="DATE") for t in missed]  # or missed
                + days,
                key=lambda e: e.start,
            )
        cands = self._gazetteer_spans(doc)
        # rule 2: "<Place>-based branch" phrases are one mention of an affiliate
        cands.extend(self._branch_spans(doc))
        cands.extend(self._named_branch_spans(doc, cands))
        cands.extend(self._bracketed_branch_spans(doc, cands))
        cands.extend(self._named_division_spans(doc))
        cands.extend(self._listed_before_division_spans(doc, cands))
        cands.extend(self._group_spans(doc))
        cands.extend(self._site_spans(doc, cands))
        cands.extend(self._doer_spans(doc))
        cands.extend(self._armed_men_name_spans(doc, cands))
        cands.extend(self._numbered_unit_spans(doc))
        cands.extend(self._listed_group_spans(doc))
        cands.extend(self._street_spans(doc, cands))
        cands.extend(self._monitor_force_spans(doc, cands))
        cands.extend(self._regional_force_spans(doc))
        cands.extend(self._identity_militia_spans(doc, cands))
        cands.extend(self._people_militia_spans(doc, cands))
        cands.extend(self._criminal_group_spans(doc, cands))
        cands.extend(self._acronym_group_spans(doc, cands))
        cands.extend(self._introduced_group_spans(doc, cands))
        cands.extend(self._bracketed_place_spans(doc, cands))
        cands.extend(self._spelt_out_actor_spans(doc, cands))
        if self.use_ner:
            known_spans = [c for c in cands if c.label_ in ("GAZ", "GROUP")]
            for ent in doc.ents:
                if ent.label_ in NER_TYPES:
                    start, end = ent.start, ent.end
                    # 'the "Islamic State': a name starts after its article and quote marks
                    # (and after a hedge the model took in: "Suspected Allied Democratic
                    # Forces rebels")
                    while start < end and (
                        doc[start].lower_ in self.pack.words("articles", "suspicion_adjectives")
                        or doc[start].is_quote
                    ):
                        start += 1
                    # "Oxford Street and", "the Lotus Hotel in": a name ends before a
                    # conjunction, a preposition or a comma
                    while end > start and (
                        doc[end - 1].tag_ in ("POS", "CC", "IN") or doc[end - 1].text in (",", ";")
                    ):
                        end -= 1
                    # "Port-au-Prince (Ouest": the name ends at the bracket; "Parotani in
                    # Cochabamba department": at a preposition of place written lower-case
                    end = next((k for k in range(start + 1, end) if doc[k].text == "("), end)
                    end = next(
                        (
                            k
                            for k in range(start + 1, end)
                            if doc[k].is_lower
                            and doc[k].lower_ in self.pack.words("location_preps")
                        ),
                        end,
                    )
                    # "Wagner Group and Military Forces of Mali": two names the model ran
                    # together, one of them known
                    end = next(
                        (
                            k
                            for k in range(start + 1, end - 1)
                            if doc[k].tag_ == "CC"
                            and any(c.start == k + 1 or c.end == k for c in known_spans)
                        ),
                        end,
                    )
                    # "the Tren de Aragua gang hours later": a group's known name and
                    # lower-case words the model ran on with it end at the known name (a
                    # place's keeps its words: "Shabwa province", "Lido beach")
                    end = next(
                        (
                            c.end
                            for c in known_spans
                            if c.start == start
                            and start < c.end < end
                            and all(w.is_lower or not w.is_alpha for w in doc[c.end : end])
                            and not any(
                                k in self.gaz and self.gaz[k].is_place for k in c.kb_id_.split("|")
                            )
                        ),
                        end,
                    )
                    # "Chatroo, Kishtwar district": two names the model ran together over
                    # a comma, the second a place the gazetteer knows
                    end = next(
                        (
                            k
                            for k in range(start + 1, end - 1)
                            if doc[k].text == ","
                            and any(c.start == k + 1 and c.label_ == "GAZ" for c in known_spans)
                        ),
                        end,
                    )
                    if ent.label_ == "LOC" and end < len(doc) and self._named_after(doc[end]):
                        continue  # "the Black Sea city of Batumi": what the city is by
                    if self._weapons_abbreviation(doc, start, end) or self._weapons_model(
                        doc, start, end
                    ):
                        continue  # "guided aerial bombs (KAB)", "Katyusha rockets": a weapon's
                    if self._saints_site(doc, start, end):
                        continue  # "St. Joseph's Catholic Church": no town
                    if self._portfolio(doc, ent.label_, start, end):
                        continue  # "Interior Minister Enrique Riera": the office's portfolio
                    if self._town_word_after_known(doc, start, end, known_spans):
                        end -= 1  # "Hama city": the town the gazetteer knows as "Hama"
                    if end > start and not self._listed_places(doc, start, end, cands):
                        label = ent.label_
                        last = doc[end - 1]
                        if (
                            ent.label_ != "PERSON"
                            and end - start > 1
                            and last.text[:1].isupper()
                            and last.lower_ in self.pack.words("natural_place_heads")
                        ):
                            label = "LOC"  # "Semuliki National Park": a place, not a body
                        if label in ("PERSON", "ORG") and self._named_after_place_word(doc, start):
                            label = "GPE"  # "the Caribbean port of Tela": the port's name
                        cands.append(Span(doc, start, end, label="NER:" + label))
        defined = _acronym_definitions(doc, cands)
        if defined:
            covered = {i for c in cands for i in range(c.start, c.end)}
            cands.extend(
                Span(doc, t.i, t.i + 1, label="NER:ORG")
                for t in doc
                if t.text in defined and t.i not in covered
            )
        # "Suspected Allied Democratic Forces rebels": a hedge opening a sentence is no part
        # of the name a rule read back to it
        hedges = self.pack.words("suspicion_adjectives")
        cands = [
            Span(doc, c.start + 1, c.end, label=c.label_, kb_id=c.kb_id_)
            if c.end - c.start > 1 and doc[c.start].lower_ in hedges
            else c
            for c in cands
        ]
        # a people's word the model reads as one ("Arab herders") names no town of that
        # name (Arab, Alabama): the gazetteer's places for it give way
        peoples = _peoples_words(doc)
        cands = [
            c for c in cands if not (c.label_ == "GAZ" and self._peoples_word_as_town(c, peoples))
        ]
        known = {i for c in cands if c.label_ == "GAZ" for i in range(c.start, c.end)}
        cands = [_glued_name(c, known) for c in cands]
        chosen = _longest_non_overlapping(cands)
        # where the dispatch was filed ("DUBLIN (Reuters) -") is known first: the places
        # of the story are read in its light (Dundalk in Ireland, not in Maryland)
        headings = [(m.start(), m.end()) for m in DATELINE_RX.finditer(text)]
        filed = resolve(
            doc,
            [
                c
                for c in chosen
                # (the filing place, written in capitals: "DUBLIN (Reuters) -")
                if c.end_char <= cut
                or (c.text.isupper() and any(a <= c.start_char < b for a, b in headings))
            ],
            gaz,
            text=text,
        )
        self._picks = resolve(
            doc,
            chosen,
            gaz,
            context=[p.id for p in filed.values() if p.id != NO_ENTRY],
            text=text,
            town_parts=self.pack.words("inner_division_words"),
        )
        doc_places = set()
        for s in chosen:
            if s.label_ == "GAZ" and "|" not in s.kb_id_ and gaz[s.kb_id_].is_place:
                doc_places.add(s.kb_id_)
                doc_places.update(gaz.ancestors(s.kb_id_))
        out: list[Span] = []
        new: dict[str, tuple[str, tuple[str, ...]]] = {}
        relations: list[tuple[str, str, str]] = []
        persons: dict[str, str] = {}
        linked: dict[tuple[int, int], tuple[str, str]] = {}
        acronyms = [s for s in chosen if s.text in defined]
        sites = [
            s
            for s in chosen
            if s.label_ == "SITE"
            or (s.label_.startswith("NER:") and site_name_kind([t.lower_ for t in s], self.pack))
        ]
        for s in chosen:
            if s.text in defined:
                continue
            # a name only the model found, naming no site itself, before a noun ("the
            # Rolando bombing"): never a gazetteer's ("Kabul" is no short name of "Kabul
            # Serena Hotel"), nor "Oxford Street", nor a company ("Marriott said")
            ner = s.label_.startswith("NER:") and s.root.dep_ == "compound"
            site = _short_site(s, sites) if ner and s not in sites else None
            key, label = self._link(doc, site or s, doc_places, new, persons, relations)
            if key is None:
                continue
            linked[(s.start, s.end)] = (key, label)
            out.append(Span(doc, s.start, s.end, label=label, kb_id=key))
        # an acronym the text defines ("the Movement of X (MFDC)") names what it abbreviates
        for s in acronyms:
            named = defined[s.text]
            if (named.start, named.end) in linked:
                key, label = linked[(named.start, named.end)]
                out.append(Span(doc, s.start, s.end, label=label, kb_id=key))
        out.sort(key=lambda s: s.start)
        # (a town's and a capital's words are apart: neither pass sees the other's spans)
        out = sorted(
            out + self._the_town(doc, out) + self._the_capital(doc, out), key=lambda s: s.start
        )
        # the dateline ("KABUL, Afghanistan (Jan. 25, 2013) -") names where the report was
        # filed, not where anything happened: its mentions are kept apart from the sentence
        lines = [(m.start(), m.end()) for m in DATELINE_RX.finditer(text)]
        line_starts = [a for a, _b in lines]

        def in_dateline(s: Span) -> bool:
            k = bisect.bisect_right(line_starts, s.start_char) - 1
            return s.start_char < cut or (k >= 0 and s.start_char < lines[k][1])

        out = self._speaking_capitals([s for s in out if not in_dateline(s)]) + [
            s for s in out if in_dateline(s)
        ]
        out.sort(key=lambda s: s.start)
        out = self._definite_groups(self._group_countries(self._named_armed_men(out, new)))
        out = self._without_describing_places(out)
        self._verbs_after_brackets(out)
        doc.spans[SPAN_KEY] = [s for s in out if not in_dateline(s)]
        doc.spans[DATELINE_KEY] = [s for s in out if in_dateline(s)]
        doc._.ckg_new = new
        doc._.ckg_relations = (
            relations
            + self._appositive_relations(doc, out)
            + self._place_in_place(text, doc.spans[SPAN_KEY])
        )
        doc._.ckg_relations += self._of_the_town(doc, out, doc._.ckg_relations)
        doc._.ckg_relations += self._described_as_part(out, doc._.ckg_relations)
        doc._.ckg_relations += self._sites_in_city(out, doc._.ckg_relations)
        doc._.ckg_relations += self._nation_of_the_place(doc, out, doc._.ckg_relations)
        doc._.ckg_relations += self._units_of_groups(doc, out)
        return doc

    def _town_word_after_known(self, doc: Doc, start: int, end: int, known: list[Span]) -> bool:
        """Whether a name the model read ends in a word for a town written in lower case
        (the pack's ``town_nouns``) after a name the gazetteer knows, and the gazetteer does
        not know the whole ("Hama city": Hama; not "Kuwait city", a name of its own)."""
        last = doc[end - 1]
        return (
            end - start > 1
            and last.is_lower
            and last.lower_ in self.pack.optional_words("town_nouns")
            and any(c.label_ == "GAZ" and (c.start, c.end) == (start, end - 1) for c in known)
            and not self.gaz.lookup(doc[start:end].text)
        )

    def _named_after_place_word(self, doc: Doc, start: int) -> bool:
        """Whether the name at ``start`` follows a word for a town and "of" ("the port of
        Tela", "the town of X": ``qualified_place_nouns``, ``town_nouns``): a town's name,
        whatever the model took it for."""
        return (
            start >= 2
            and doc[start - 1].lower_ in self.pack.words("of_preps")
            and doc[start - 2].lower_
            in self.pack.optional_words("qualified_place_nouns", "town_nouns")
        )

    def _named_after(self, word: Token, nouns: str = "qualified_place_nouns") -> bool:
        """Whether ``word`` is one of the pack's ``nouns`` with its name after "of": with
        ``qualified_place_nouns`` ("the Black Sea city of Batumi") the words before it say
        what the town is by, they name no place of their own; with ``named_part_nouns``
        ("the Lagos suburb of Ikorodu") they name the place it is part of, by its own name."""
        doc = word.doc
        return (
            word.lower_ in self.pack.optional_words(nouns)
            and word.i + 2 < len(doc)
            and doc[word.i + 1].lower_ in self.pack.words("of_preps")
            and doc[word.i + 2].text[:1].isupper()
        )

    def _the_town(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``the mayor of Portovelo, outside his home in the town``: "the town" or "the city"
        (the pack's ``town_nouns``) with nothing but its article, where a preposition of
        place puts something, is the one town its sentence and the sentence before name
        before it (a mention of that town); not "the town of X", which names its own."""
        towns = [s for s in spans if s.label_ == "Settlement"]
        covered = {i for s in spans for i in range(s.start, s.end)}
        places = self.pack.words("location_preps")
        out = []
        towns_words = self.pack.optional_words("town_nouns")
        for t in doc_tokens(doc):
            if t.lower_ not in towns_words or t.i in covered:
                continue
            if t.head.lower_ not in places or t.dep_ != "pobj":
                continue
            # its article, and at most where it lies ("in the town in El Oro province")
            own = [c for c in t.children if c.dep_ != "prep" or c.lower_ not in places]
            if [c.lower_ for c in own] != ["the"] or (
                t.i + 1 < len(doc) and doc[t.i + 1].lower_ in self.pack.words("of_preps")
            ):
                continue
            # the one town of its sentence and the one before ("days after a raid in Kano ...
            # in the city" after Kaduna: which one is not told)
            sent = t.sent
            start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            before = {s.kb_id_ for s in towns if start <= s.start and s.end <= t.i}
            if len(before) == 1:
                out.append(Span(doc, t.i, t.i + 1, label="Settlement", kb_id=before.pop()))
        return out

    def _the_capital(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """``in the Somali capital``, ``the capital of Somalia``, ``Somalia's capital``: the word
        for a capital (the pack's ``capital_nouns``) with a country's word right before it
        (or its possessive), or its name after
        "of", names that country's capital (GeoNames ``PPLC``); not "the Somali capital
        Mogadishu", which names it."""
        countries = {
            (s.start, s.end): s.kb_id_
            for s in spans
            if s.label_ == "Country" and s.kb_id_ in self.gaz
        }
        ends = {b: k for (_a, b), k in countries.items()}
        starts = {a: k for (a, _b), k in countries.items()}
        covered = {i for s in spans for i in range(s.start, s.end)}
        out = []
        capitals = self.pack.optional_words("capital_nouns")
        for t in doc_tokens(doc):
            if t.lower_ not in capitals or t.i in covered:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            country = ends.get(t.i)
            if country is None and t.i > 0 and doc[t.i - 1].tag_ == "POS":
                country = ends.get(t.i - 1)  # "Madagascar's capital"
            own = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i not in covered]
            if own:
                continue  # "the former capital", "the economic capital of Ivory Coast"
            if nxt is not None and nxt.lower_ in self.pack.words("of_preps"):
                after = next(((a, b) for a, b in countries if a == t.i + 2), None)
                whose = after is not None and after[1] < len(doc) and doc[after[1]].tag_ == "POS"
                if not whose:  # (not "the capital of Nigeria's Borno state")
                    country = country or starts.get(t.i + 2)
            elif nxt is not None and nxt.pos_ == "PROPN":
                continue  # "the Somali capital Mogadishu": named
            capital = self.gaz.capital(country) if country else None
            if capital is not None:
                out.append(Span(doc, t.i, t.i + 1, label="Settlement", kb_id=capital))
        return out

    def _of_the_town(
        self, doc: Doc, spans: list[Span], relations: list[tuple[str, str, str]]
    ) -> list[tuple[str, str, str]]:
        """``Belfast ... in the Old Park district of the city``: a place the gazetteer lacks,
        said to be "of the city" (the pack's ``town_nouns``) and no other named, lies in the
        town or city named last before it ("of the capital" may be another town's)."""
        held = {a for a, prop, _b in relations if prop == "locatedIn"}
        of = self.pack.words("of_preps")
        town_words = self.pack.optional_words("town_nouns")
        articles = self.pack.words("definite_determiners")
        rels: list[tuple[str, str, str]] = []
        towns = [s for s in spans if s.label_ == "Settlement" and s.kb_id_ in self.gaz]
        for s in spans:
            key = s.kb_id_
            if s.label_ not in ("Settlement", "Site", "Place") or not key or key in held:
                continue
            end = s.end  # past its own kind ("the Old Park district of the city")
            while end < len(doc) and doc[end].lower_ in self.pack.words("container_words"):
                end += 1
            if key in self.gaz or end + 2 >= len(doc):
                continue
            after = doc[end : end + 4]
            if not (
                after[0].lower_ in of
                and after[1].lower_ in articles
                and after[2].lower_ in town_words
            ) or (len(after) > 3 and after[3].lower_ in of):
                continue  # (not "of the city of Nairobi", which names its city)
            before = [t for t in towns if t.end <= s.start]
            if before:
                rels.append((key, "locatedIn", before[-1].kb_id_))
                held.add(key)
        return rels

    def _described_as_part(
        self, spans: list[Span], relations: list[tuple[str, str, str]]
    ) -> list[tuple[str, str, str]]:
        """``Janzour, a western suburb of the Libyan capital``: a place the gazetteer lacks,
        set beside a word for a division or a part of a town (the pack's
        ``division_words``, ``part_of_town_words``) of a named town, lies in that town."""
        held = {a for a, prop, _b in relations if prop == "locatedIn"}
        of = self.pack.words("of_preps")
        parts = self.divisions | self.pack.words("part_of_town_words")
        at = {i: sp for sp in spans for i in range(sp.start, sp.end)}
        rels: list[tuple[str, str, str]] = []
        for sp in spans:
            key = sp.kb_id_
            if sp.label_ not in ("Settlement", "Place") or key in held or key in self.gaz:
                continue
            for c in sp.root.children:
                if c.dep_ != "appos" or c.lemma_.lower() not in parts:
                    continue
                towns = [
                    at[g.i]
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ in of
                    for g in p.children
                    if g.dep_ == "pobj" and g.i in at and at[g.i].label_ == "Settlement"
                ]
                if towns and towns[0].kb_id_ != key:
                    rels.append((key, "locatedIn", towns[0].kb_id_))
                    held.add(key)
                    break
        return rels

    def _without_describing_places(self, spans: list[Span]) -> list[Span]:
        """Without a place name that only describes another place named with it, neither
        holding it nor lying in it: "the Red Sea port town of Mokha" is Mokha, in Yemen (the
        sea tells what kind of town; the gazetteer's Red Sea province is in Sudan). "The
        Kabul neighbourhood of X" keeps Kabul, "Zhari district of Kandahar province" Zhari."""
        of = self.pack.words("of_preps")
        at = {i: s for s in spans if s.label_ in PLACE_TYPES for i in range(s.start, s.end)}
        out = []
        for s in spans:
            head = s.root
            while head.dep_ in ("compound", "amod", "nmod") and head.head is not head:
                head = head.head
            # "the X port town of Y": a word for a kind of place, told with its name (not a
            # part of Y: "the Ettadhamen district of Tunis" is in Tunis)
            kind = head.lower_ in self.pack.words("container_words") and (
                head.lower_ not in self.pack.optional_words("inner_division_words")
            )
            described = [
                at[g.i]
                for c in head.children
                if kind and head is not s.root and c.dep_ == "prep" and c.lower_ in of
                for g in c.children
                if g.i in at
            ]
            if s.label_ in PLACE_TYPES and any(
                d.kb_id_ in self.gaz
                and (
                    # (a sea or a coast the gazetteer lacks: "the Black Sea port city of X";
                    # not a name of its own: "the Old City of Jerusalem")
                    (s.kb_id_ not in self.gaz and head.is_lower)
                    or (
                        s.kb_id_ in self.gaz
                        and s.kb_id_ not in self.gaz.ancestors(d.kb_id_)
                        and d.kb_id_ not in self.gaz.ancestors(s.kb_id_)  # "X district of Y"
                    )
                )
                for d in described
            ):
                continue
            out.append(s)
        return out

    def _verbs_after_brackets(self, spans: list[Span]) -> None:
        """``Police Forces of Kenya (2013-) shot and killed ...``: the tagger takes the word
        after a name's closing bracket for a noun ("a shot"); one with a subject of its own
        is the name's verb, re-tagged and lemmatized as one."""
        for s in spans:
            if s.end >= len(s.doc) or s.doc[s.end - 1].text != ")":
                continue
            tok = s.doc[s.end]
            if tok.pos_ != "NOUN" or not any(c.dep_ == "nsubj" for c in tok.children):
                continue
            tok.pos_, tok.tag_ = "VERB", "VBD"
            if self._lemmatizer is not None and hasattr(self._lemmatizer, "rule_lemmatize"):
                lemmas = self._lemmatizer.rule_lemmatize(tok)
                if lemmas:
                    tok.lemma_ = lemmas[0]

    def _speaking_capitals(self, spans: list[Span]) -> list[Span]:
        """``Baku denied the accusation``, ``Yerevan said``: a capital (GeoNames ``PPLC``)
        that speaks is its country's state, the metonymy news writes (a verb of saying, or
        of a statement class in the pack's ``verbs``)."""
        verbs = self.pack.optional_table("verbs")
        saying = self.pack.words("saying_verbs")
        out = []
        # [start, end] character offsets (a list: the doc may be sent to another process)
        metonyms: list[list[int]] = (
            spans[0].doc.user_data.setdefault(METONYMS_KEY, []) if spans else []
        )
        for s in spans:
            e = self.gaz.get(s.kb_id_) if s.label_ == "Settlement" else None
            verb = s.root.head
            lemma = verb.lemma_.lower()
            if (
                e is not None
                and e.feature_code == "PPLC"
                and e.country is not None
                and e.country in self.gaz
                and s.root.dep_ == "nsubj"
                and (lemma in saying or classes.is_speech(str(verbs.get(lemma, "Event"))))
            ):
                country = self.gaz[e.country]
                s = Span(s.doc, s.start, s.end, label=country.types[0], kb_id=country.id)
                metonyms.append([s.start_char, s.end_char])  # "Baku": no alias of the state
            out.append(s)
        return out

    def _sites_in_city(
        self, spans: list[Span], relations: list[tuple[str, str, str]]
    ) -> list[tuple[str, str, str]]:
        """``Belfast ... a bomb exploded in Oxford Street``: a named street or building no
        phrase puts anywhere lies in the town or city named last before it (the dateline's
        included), else in the first one named after it in its sentence: a report names the
        town it is about before the streets in it. Gazetteer places and sites already placed
        are left as they are."""
        held = {a for a, prop, _b in relations if prop == "locatedIn"}
        rels: list[tuple[str, str, str]] = []
        towns = [s for s in spans if s.label_ == "Settlement" and s.kb_id_]
        for s in spans:
            key = s.kb_id_
            if s.label_ != "Site" or not key or key in held or key in self.gaz:
                continue
            if key.startswith((SITE_PREFIX, GROUP_PREFIX)):
                continue  # "the hotel": put in its event's place when the records are built
            if self._names_a_route(s):
                continue  # "the Kabul-Kandahar highway near X": a road joins towns, in none
            before = [t for t in towns if t.end <= s.start]
            after = [t for t in towns if t.start >= s.end and t.sent.start == s.sent.start]
            town = before[-1] if before else after[0] if after else None
            if town is not None:
                rels.append((key, "locatedIn", town.kb_id_))
                held.add(key)
        return rels

    def _nation_of_the_place(
        self, doc: Doc, spans: list[Span], relations: list[tuple[str, str, str]]
    ) -> list[tuple[str, str, str]]:
        """``the southern Lebanese village of Jouaiya``: a place the gazetteer lacks, named
        after a country's adjective, a word for its kind (``division_words``) and "of", lies
        in that country (not in the country of the strike told before it: "an Israeli air
        strike on ...")."""
        held = {a for a, prop, _b in relations if prop == "locatedIn"}
        by_tok = {i: s for s in spans for i in range(s.start, s.end)}
        rels: list[tuple[str, str, str]] = []
        for s in spans:
            key = s.kb_id_
            if s.label_ not in ("Settlement", "Place") or not key or key in held or key in self.gaz:
                continue
            if s.start < 3 or doc[s.start - 1].lower_ not in self.pack.words("of_preps"):
                continue
            kind = doc[s.start - 2]
            if kind.lemma_.lower() not in self.divisions:
                continue
            nation = by_tok.get(kind.i - 1)
            if nation is not None and nation.label_ == "Country" and nation.end == kind.i:
                rels.append((key, "locatedIn", nation.kb_id_))
        return rels

    def _weapons_abbreviation(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name ``doc[start:end]`` is in brackets right after a word for a weapon
        (the pack's ``weapon_nouns``): "guided aerial bombs (KAB)", "a man-portable air
        defence system (MANPADS)" name the weapon, no actor."""
        return (
            start >= 2
            and end < len(doc)
            and doc[start - 1].text == "("
            and doc[end].text == ")"
            and doc[start - 2].lemma_.lower() in self.pack.optional_words("weapon_nouns")
        )

    def _weapons_model(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name ``doc[start:end]`` the model found qualifies a word for a weapon
        (the pack's ``weapon_nouns``) right after it: "Katyusha rockets", "Grad missiles",
        "Qassam rockets" name the weapon's model, no actor."""
        if end >= len(doc) or doc[end - 1].dep_ not in ("compound", "nmod"):
            return False
        head = doc[end - 1].head
        return head.i == end and head.lemma_.lower() in self.pack.optional_words("weapon_nouns")

    def _names_a_route(self, s: Span) -> bool:
        """Whether a name is a road's (its last word, or the word after it, one of the pack's
        ``route_nouns``: "the Kaduna-Abuja highway", "Route 7")."""
        routes = self.pack.words("route_nouns")
        after = s.doc[s.end] if s.end < len(s.doc) else None
        return s[-1].lemma_.lower() in routes or (
            after is not None and after.lemma_.lower() in routes
        )

    def _place_in_place(self, text: str, spans: Iterable[Span]) -> list[tuple[str, str, str]]:
        """``Chak district, Wardak province`` and ``Kerman, Iran``: the first lies in the second
        (recorded for places the gazetteer does not already put there)."""
        rels = []
        kinds = self.pack.words("container_words")
        # "Milimani village in X": the word for its kind is no place between the two
        listed = list(spans)
        spans = [
            s
            for i, s in enumerate(listed)
            if not (
                i
                and s.kb_id_.startswith(SITE_PREFIX)
                and s.text.lower() in kinds
                and not text[listed[i - 1].end_char : s.start_char].strip()
            )
        ]
        preps = self.pack.words("container_preps")
        for a, b in itertools.pairwise(spans):
            between = text[a.end_char : b.start_char]
            if OWNER_RX.fullmatch(between):
                a, b = b, a  # "Dhaka's Mirpur neighbourhood": the second lies in the first
            elif not self.between_places.fullmatch(between):
                continue
            if not a.kb_id_ or not b.kb_id_:
                continue
            # a town in an area the gazetteer lacks, told by a preposition ("Mandori in Lower
            # Kurram"): a bare comma may join two places side by side
            area = b.label_ == "Place" and a.label_ in ("Settlement", "Site", "Place")
            # (or the division the monitors' bracket opens with: "Kariobangi (Embakasi, ...")
            area = area and (bool(set(between.lower().split()) & preps) or between.strip() == "(")
            if (
                b.label_ not in ("AdminRegion", "Country", "Settlement") and not area
            ) or a.label_ not in (
                "Settlement",
                "Site",
                "Place",
                "AdminRegion",
            ):
                continue
            if a.kb_id_ == b.kb_id_:
                continue
            if a.kb_id_ in self.gaz:
                continue  # the gazetteer knows where it lies
            rels.append((a.kb_id_, "locatedIn", b.kb_id_))
        return rels

    def _group_spans(self, doc: Doc) -> list[Span]:
        """``Three police officers``, ``civilians``, ``gunmen``: a group of people named by
        what they are, not by a name. Its key (``group:<kind>``) becomes a node of that kind
        in the country of the document's events when the records are built. A group word
        before a vehicle, a rank or a formation is the group ("an army convoy", "a police
        commander", "police lines")."""
        out = []
        for match_id, start, end in self.groups(doc):
            kind = doc.vocab.strings[match_id]
            if any(c.dep_ == "nsubj" for c in doc[start].children) and end - start > 1:
                continue  # "sources suspected militants of X": a verb, then the group
            # the head of a noun phrase, not a modifier ("civilian casualties"), but for the
            # people in a vehicle ("a police vehicle", "an army convoy": the police, the army)
            last = doc[end - 1]
            vehicles = self.pack.words("vehicle_nouns")
            if f"{last.lower_} {last.head.lower_}" in vehicles and last.head.i == end:
                continue  # "a fighter jet": a vehicle's name, no people
            if last.dep_ in ("compound", "amod") and last.head.i > end - 1:
                # but the people in a vehicle, or of a rank ("a police commander"), or the
                # state's forces that do an event ("government airstrikes", "police gunfire")
                held = self.pack.words("vehicle_nouns", "role_nouns")
                if last.head.lower_ not in held | self.pack.optional_words(
                    "formation_nouns"
                ) and not (
                    end - start == 1
                    and (self._forces_event(last, kind) or self._forces_voice(last, kind))
                ):
                    continue
            # "a police chief", "an army commander": one of the forces the modifier names
            for c in last.children:
                force = self.pack.table("group_nouns").get(c.lower_)
                if c.dep_ == "compound" and c.i < start and force in ("police", "military"):
                    kind = f"{GROUP_PREFIX}{force}"
                # "armed herders", "armed youths", "herders armed with rifles": people who
                # bear arms are armed men (and the people of armed men: "militia supporters");
                # not the state's forces ("the armed forces", "armed police")
                unknown = self.pack.optional_words("unknown_modifiers")
                if (
                    c.dep_ in ("amod", "acl")
                    and c.lower_ in self.pack.words("armed_modifiers")
                    # ("masked protesters" are still a crowd, no armed men)
                    and group_kind(kind) not in self._crowd_kinds
                    and (
                        group_kind(kind) not in self.pack.words("state_doer_kinds")
                        # ("unidentified armed forces": no state's)
                        or any(g.lower_ in unknown for g in last.children if g.dep_ == "amod")
                    )
                ):
                    kind = ARMED_GROUP_KEY
                armed = self.pack.table("group_nouns").get(c.lower_) == group_kind(ARMED_GROUP_KEY)
                if c.dep_ == "compound" and c.i < start and armed:
                    kind = ARMED_GROUP_KEY
            out.append(Span(doc, start, end, label="GROUP", kb_id=kind))
        return out

    def _forces_voice(self, tok: Token, kind: str) -> bool:
        """Whether ``tok`` is a word for the state's forces (``state_doer_kinds``) right
        before a word for one who speaks for them: "a police spokesman said", "an army
        spokesperson" (the forces speak)."""
        speaker = tok.head
        return (
            group_kind(kind) in self.pack.words("state_doer_kinds")
            and speaker.i == tok.i + 1
            and speaker.lemma_.lower() in self.pack.words("spokesperson_nouns")
            # (not a spokesman's kin, "a police spokesman's brother", nor one of another
            # body: "an army spokesman for the SLA", "a TPLF army spokesman", "a Kurdish
            # police spokesman")
            and speaker.dep_ != "poss"
            # (but "a police spokesman for Lagos state": the police of a place)
            and not any(
                c.dep_ == "prep"
                and c.lower_ in self.pack.words("belonging_preps")
                and not any(
                    g.dep_ == "pobj"
                    and (
                        g.ent_type_ in ("GPE", "LOC")
                        or g.lower_ in self.divisions | self.pack.words("admin_division_words")
                        or any(
                            x.dep_ == "compound" and x.ent_type_ in ("GPE", "LOC")
                            for x in g.children
                        )
                    )
                    for g in c.children
                )
                for c in speaker.children
            )
            and not any(
                c.ent_type_ or c.pos_ == "PROPN"
                for c in (*tok.children, *speaker.children)
                if c.i < tok.i
            )
        )

    def _forces_event(self, tok: Token, kind: str) -> bool:
        """Whether ``tok`` is a word for the state's forces (``state_doer_kinds``) that
        qualifies an event noun other than a toll: "government airstrikes", "a police raid"
        (the forces act), not "police deaths"."""
        head = tok.head.lemma_.lower()
        return (
            group_kind(kind) in self.pack.words("state_doer_kinds")
            and tok.head.i == tok.i + 1  # right before it ("a military hospital bombing": no)
            and head in self.pack.table("nouns")
            and head not in self.pack.words("death_nouns", "injury_nouns")
        )

    def _acronym_group_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``OLF fighters``, ``KNPB spokesman``: an acronym no one knows (written in
        capitals, not in the gazetteer) that qualifies armed men names an armed group, one
        that qualifies a spokesperson or a leader an organisation (``NEWGROUP``: its own
        node, either way one that can claim)."""
        heads = (
            self.pack.words("spokesperson_nouns") | self.pack.words("leader_nouns")
        ) | self.armed_words
        known = {i for s in found for i in range(s.start, s.end)}
        out = []
        for t in doc_tokens(doc):
            if (
                t.i in known
                or len(t.text) < 2
                or not t.text.isupper()
                or not t.is_alpha
                or t.lower_ in self.pack.words("not_names")
                or t.dep_ != "compound"
                or t.head.lower_ not in heads
            ):
                continue
            # armed men name an armed group; a spokesman or a leader an organisation, that
            # may claim ("KNPB spokesman"), or not ("UNICEF spokesman")
            kind = "ArmedGroup" if t.head.lower_ in self.armed_words else "Organization"
            out.append(Span(doc, t.i, t.i + 1, label=f"NEWGROUP:{kind}"))
        known |= {s.start for s in out}
        out += [s for t in doc if t.i not in known and (s := self._members_of_a_name(t))]
        return out

    def _members_of_a_name(self, t: Token) -> Span | None:
        """``Imbonerakure members beat and abducted ...``: a capitalised word no one knows
        (the model read no name in it), right before a word for members that attack,
        names their group, an armed group (``NEWGROUP``); ``None`` otherwise."""
        holder = t.head
        if (
            t.dep_ != "compound"
            or holder.i != t.i + 1
            or holder.lower_ not in self.pack.words("member_nouns")
            or t.is_sent_start
            or not t.is_title
            or not t.is_alpha
            or t.ent_type_
            or t.lower_ in self.pack.words("not_names")
            or t.lower_ in self.pack.table("group_nouns")
        ):
            return None
        if holder.dep_ != "nsubj" or holder.head.lemma_.lower() not in self.member_attack_verbs:
            return None
        return Span(t.doc, t.i, t.i + 1, label="NEWGROUP:ArmedGroup")

    def _introduced_group_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``The group Revolutionary Class Self-Defense claimed ...``, ``the militant group
        FLNC``, ``a group calling itself X``: a name no one knows, in capitals (or an
        acronym) right after a word for an organisation with its article (the pack's
        ``organisation_nouns``), or after the group's word for itself (``naming_verbs`` with
        ``self_naming_objects``), is that organisation's name (``NEWGROUP``: its own node,
        one that can claim; an armed group's when a word of it is one of the pack's
        ``armed_group_name_cues``, or when it names itself)."""
        orgs = self.pack.words("organisation_nouns")
        articles = self.pack.words("articles")
        connectors = self.pack.words("name_connectors")
        cues = self.pack.words("armed_group_name_cues")
        naming = self.pack.words("naming_verbs")
        selves = self.pack.words("self_naming_objects")
        known = {i for s in found for i in range(s.start, s.end)}

        def named(w: Token) -> bool:
            acronym = len(w) > 1 and w.is_alpha and w.text.isupper()
            timely = w.ent_type_ in ("DATE", "TIME")
            return w.pos_ == "PROPN" and (w.is_title or acronym) and not timely

        def run(first: int) -> int:
            end = first
            while end < len(doc) and end not in known:
                w = doc[end]
                nxt = doc[end + 1] if end + 1 < len(doc) else None
                joins = w.text == "-" or w.lower_ in connectors
                if not (named(w) or (joins and end > first and nxt is not None and nxt.is_title)):
                    break
                end += 1
            return end

        out = []
        for t in doc_tokens(doc):
            if t.lower_ not in orgs or not any(c.lower_ in articles for c in t.children):
                continue
            # "a group calling itself X": after the word it calls itself by
            itself = next(
                (
                    o
                    for a in t.children
                    if a.dep_ == "acl" and a.lemma_.lower() in naming
                    for o in a.children
                    if o.lower_ in selves
                ),
                None,
            )
            first = itself.i + 1 if itself is not None else t.i + 1
            end = run(first)
            if end == first or doc[end - 1].pos_ != "PROPN" or end in known:
                continue
            name = doc[first:end]
            # (the name hung on the group's word, or beside it on one head: "the militant
            # group FLNC claimed", however parsed; not "the group Sunday")
            beside = first == t.i + 1 and name.root.head.i == t.head.i != t.i
            hung = name.root.head.i == t.i or t.head.i == name.root.i
            if itself is None and not (hung or beside):
                continue
            if any(w.lower_ in self.pack.words("not_names") for w in name):
                continue
            armed = itself is not None or any(w.lower_ in cues for w in name)
            kind = "ArmedGroup" if armed else "Organization"
            out.append(Span(doc, first, end, label=f"NEWGROUP:{kind}"))
        return out

    def _identity_militia_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Kombet tribal militia``, ``Meitei ethnic militia``, ``the Hawiye clan militia``:
        a name before a word for a militia (the pack's ``militia_nouns``, after one of its
        ``identity_militia_words`` or not) names an identity militia (``NEWGROUP``: its own
        node, ACLED's actor type); a name before a word for a guerrilla's unit
        (``unit_nouns``: "the Jaime Martinez front") names an armed group. Not a militia of
        a place or state the gazetteer knows ("Iraqi militias"), nor one the gazetteer has
        (found among its spans)."""
        militia = self.pack.words("militia_nouns")
        units = self.pack.optional_words("unit_nouns")
        identity = self.pack.words("identity_militia_words")
        modifiers = self.pack.optional_words("unit_modifiers")
        known = {i for s in found if s.label_ == "GAZ" for i in range(s.start, s.end)}
        out = []
        for t in doc_tokens(doc):
            unit = t.lower_ in units and t.text.islower()
            if not (t.lower_ in militia or unit) or t.i in known:
                continue
            first = t.i
            if first > 0 and doc[first - 1].lower_ in identity and not unit:
                first -= 1
            # "the Dagoberto Ramos mobile column": a word only a unit has, before its noun
            mobile = unit and first > 1 and doc[first - 1].lower_ in modifiers
            first -= mobile
            # "the Jaime Martinez front": a guerrilla unit named after a person (a name the
            # model calls a person's, or nothing; or one of two words or more the gazetteer
            # does not know, whatever the model calls it: "the Dagoberto Ramos front"; not
            # "the Robotyne front", a place's, nor "a Guardian column", an organisation's)
            other = unit and not mobile and doc[t.i - 1].ent_type_ not in ("", "PERSON")
            name_pos = ("PROPN",) if unit else ("PROPN", "ADJ")
            # (a known word inside a longer name the model read up to the unit's word:
            # "Ramos" of "the Dagoberto Ramos front")
            whole = (
                next((e for e in doc.ents if e.end == first and len(e) > 1), None) if unit else None
            )
            start = first
            while (
                start > 0
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].pos_ in name_pos
                and (
                    doc[start - 1].i not in known
                    or mobile
                    or (whole is not None and whole.start < start - 1)
                )
                and doc[start - 1].head.i in range(start - 1, t.i + 1)
            ):
                start -= 1
            if other and (
                first - start < 2
                or (start > 0 and doc[start - 1].i in known)
                or any(w.ent_type_ in ("DATE", "TIME", "NORP") for w in doc[start:first])
            ):
                continue
            if start < first:
                kind = "ArmedGroup" if unit else "IdentityMilitia"
                out.append(Span(doc, start, t.i + 1, label=f"NEWGROUP:{kind}"))
        return out

    def _criminal_group_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``the Los Ardillos cartel``, ``the Sinaloa cartel``: capitalised names right
        before one of the pack's ``criminal_group_nouns`` written in lower case name a
        criminal group (``NEWGROUP``: its own node, ACLED's actor type), whatever the model
        calls the name; not a group the gazetteer knows by the name ("the MS-13 gang")."""
        nouns = self.pack.optional_words("criminal_group_nouns")
        groups = {
            i
            for s in found
            if s.label_ == "GAZ" and not self.gaz[s.kb_id_.split("|")[0]].is_place
            for i in range(s.start, s.end)
        }
        articles = self.pack.words("indefinite_articles")
        place_words = {
            i
            for s in found
            if s.label_ == "GAZ" and self.gaz[s.kb_id_.split("|")[0]].is_place
            for i in range(s.start, s.end)
        }
        out = []
        members = self.pack.optional_words("member_nouns")
        for t in doc_tokens(doc):
            if t.lower_ not in nouns or not t.text.islower() or t.i == 0:
                continue
            if t.dep_ == "compound" and t.head.lower_ not in members:
                continue  # (not "the Monday gang attack": a kind of attack; but "X gang members")
            start = t.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            name = doc[start : t.i]
            if not name or any(i in groups for i in range(start, t.i)):
                continue
            if any(w.ent_type_ in ("DATE", "TIME") for w in name):
                continue  # "the Tuesday gang": a day, no name
            if name[0].lower_ in self.pack.words("armed_modifiers"):
                continue  # "An Armed gang"
            if start > 0 and doc[start - 1].lower_ in articles:
                continue  # "a Cape Flats gang": which kind, not which one
            # the name alone, as the group is called elsewhere ("the Los Tlacos"), but with
            # its word when the name is a place's ("the Kingston gang")
            placed = any(i in place_words for i in range(start, t.i))
            if t.dep_ == "compound" and all(i in place_words for i in range(start, t.i)):
                continue  # "Mexico City gang members": gangs of a town, no name
            end = t.i + 1 if placed else t.i
            out.append(Span(doc, start, end, label="NEWGROUP:CriminalGroup"))
        return out

    def _people_militia_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Fulani herdsmen attacked ...``, ``Arab herders and Sara farmers clashed``:
        civilians named by a people (a name the gazetteer knows as no place or state) who
        attack or fight are that people's identity militia (ACLED's communal militia, named
        by the pack's ``people_militia_label``): ``MILITIA`` spans, keyed by the people's
        name. The same people harmed stay civilians ("attacked Tiv farmers")."""
        if "people_militia_label" not in self.pack:
            return []
        peoples = _peoples_words(doc)
        known = {
            i
            for s in found
            if s.label_ == "GAZ" and not self._peoples_word_as_town(s, peoples)
            for i in range(s.start, s.end)
        }
        communities = self.pack.optional_words("of_division_words")
        out = []
        for s in found:
            kind = group_kind(s.kb_id_) if s.label_ == "GROUP" else None
            head = doc[s.end - 1]
            if not (
                kind == group_kind(ARMED_GROUP_KEY) or (kind == "civilians" and self._fights(head))
            ):
                continue

            def name(c: Token) -> bool:
                # a name by its tag or the model's reading, or by its capital mid-sentence
                return (
                    c.i not in known
                    and c.text[:1].isupper()
                    and (
                        c.pos_ == "PROPN"
                        or c.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
                        or (c.is_title and not c.is_sent_start)
                    )
                )

            creeds = self.pack.optional_words("creed_words")
            names = [
                c
                for c in head.children
                if c.dep_ in ("compound", "amod")
                and c.i < s.start
                and name(c)
                and c.lower_ not in creeds
            ]
            if kind != "civilians":
                # armed men only by the community they come from ("Maoist rebels", "Kurdish
                # militants", "Misrata militiamen" are no people's militia)
                # "armed youths from the Murle community": the community's name
                # (right after the men, wherever the parser hung it)
                after = [p for p in (*head.children, *head.head.children) if p.i == head.i + 1]
                names = [
                    n
                    for p in after
                    if p.dep_ == "prep" and p.lower_ in self.pack.words("origin_preps")
                    for g in p.children
                    if g.dep_ == "pobj" and g.lower_ in communities
                    for n in g.children
                    if n.dep_ in ("compound", "amod") and name(n)
                ]
                if len(names) == 1:
                    end = names[0].head.i + 1
                    out.append(Span(doc, s.start, end, label="MILITIA", kb_id=names[0].text))
                continue
            if names:
                # "Lou Nuer youths": the people's name in one or more words
                first = min(n.left_edge.i for n in names)
                people = doc[first : s.start]
                if all(name(t) and t.lower_ not in creeds for t in people):
                    out.append(Span(doc, first, s.end, label="MILITIA", kb_id=people.text))
        return out

    def _qualifies_people(self, s: Span) -> bool:
        """Whether a name stands before a word for people, as a people's word does ("Arab
        herders", "Sara farmers"; not "Iloilo city")."""
        head = s.root.head
        return (
            s.root.dep_ in ("amod", "compound", "nmod")
            and head.i >= s.end
            and head.lower_ in self.pack.table("group_nouns")
        )

    def _peoples_word_as_town(self, s: Span, peoples: set[tuple[int, int]]) -> bool:
        """Whether a gazetteer span is a word the model reads as a people's ("Arab
        herders": NORP, its start and end among ``peoples``) that the gazetteer knows only
        as towns or divisions, no country."""
        if (s.start, s.end) not in peoples:
            return False
        # (a word for people only where it qualifies people: not a town the model took for
        # a people's name, "shot dead in Esmeraldas", "in Iloilo city")
        if not self._qualifies_people(s):
            return False
        ids = [k for k in s.kb_id_.split("|") if k in self.gaz]
        return bool(ids) and all(
            self.gaz[k].is_place and "Country" not in self.gaz[k].types for k in ids
        )

    def _fights(self, tok: Token) -> bool:
        """Whether people ``tok`` names attack or fight: the subject (or a subject's
        conjunct: "Arab herders and Sara farmers clashed", or the people of a quantity:
        "Hundreds of Fulani herders attacked"), the ``by`` phrase of the passive ("were
        attacked by Fulani herders") or the other side ("clashed with Pokot herders") of a
        verb of the Attack or Battle families, weak ones included."""
        if tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "pobj"):
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in self.pack.words("of_preps"):
            tok = tok.head.head  # "Hundreds of Fulani herders attacked"
        if tok.dep_ == "nsubj":
            return tok.head.lemma_.lower() in self.fight_verbs
        if self._blamed(tok):
            return True  # "officials attributed the attack to Fulani herders"
        # "were attacked by Fulani herders", "clashed with Pokot herders"
        prep = tok.head if tok.dep_ == "pobj" else None
        if (
            prep is not None
            and prep.lower_ in self.pack.words("between_preps")
            and prep.head.lemma_.lower() in self.fight_nouns
        ):
            return True  # "clashes between Arab herders and Sara farmers": the sides
        by = prep is not None and prep.dep_ == "agent"
        with_ = prep is not None and prep.lower_ in self.pack.words("opponent_preps")
        verb = prep.head if prep is not None else None
        return verb is not None and (by or with_) and verb.lemma_.lower() in self.fight_verbs

    def _blamed(self, tok: Token) -> bool:
        """Whether people ``tok`` names are whom a verb of blame holds responsible (its
        ``attribution_patterns`` actor slot: "blamed Fulani herders", "attributed the
        attack to Fulani herders"; the parser may hang the phrase on the event, however
        deep: "blamed [the killing of three teachers on X]")."""
        patterns = self.pack.optional_table("attribution_patterns")
        if tok.dep_ == "pobj":
            slot, heads = tok.head.lower_, [tok.head.head]
            while heads[-1].pos_ not in ("VERB", "AUX") and heads[-1].head is not heads[-1]:
                if len(heads) > 5:
                    break
                heads.append(heads[-1].head)
        else:
            slot, heads = tok.dep_, [tok.head]
        return any(
            isinstance(rows, list) and any(row.get("actor") == slot for row in rows)
            for rows in (patterns.get(h.lemma_.lower(), []) for h in heads)
        )

    def _monitor_force_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Military Forces of Turkey (2016-)``, ``Police Forces of Guinea (2010-2021)``:
        ACLED's name for a state's forces (the pack's ``monitor_force_names``, ``of``, a
        country the gazetteer knows, the regime's years in brackets) is that country's group
        of the kind named (``group:military@turkey``)."""
        names = self.pack.optional_table("monitor_force_names")
        of = self.pack.words("belonging_preps")
        out = []
        for s in found:
            if s.label_ != "GAZ":
                continue
            countries = [
                c for c in s.kb_id_.split("|") if c in self.gaz and "Country" in self.gaz[c].types
            ]
            bracketed = self._bracketed_monitor_group(doc, s, countries)
            if bracketed is not None:
                out.append(bracketed)
                continue
            if s.kb_id_ not in self.gaz or "Country" not in self.gaz[s.kb_id_].types:
                continue
            k = s.start - 1
            if k >= 0 and doc[k].lower_ in self.pack.words("articles"):
                k -= 1  # "of the Democratic Republic of Congo"
            if k < 2 or doc[k].lower_ not in of:
                continue
            kind = names.get(doc[k - 2 : k].text.lower())
            if kind is None:
                continue
            end = s.end
            m = re.match(r"\s*\(\s*\d{4}\s*[-\u2013]\s*(\d{4})?\s*\)", doc_text(doc)[s.end_char :])
            if m is not None:  # "(2016-)": the regime's years are part of the name
                span = doc.char_span(s.end_char, s.end_char + m.end(), alignment_mode="expand")
                end = span.end if span is not None else end
            key = f"{GROUP_PREFIX}{kind}@{s.kb_id_}"
            out.append(Span(doc, k - 2, end, label="GROUP", kb_id=key))
        return out

    def _regional_force_spans(self, doc: Doc) -> list[Span]:
        """``the Military Police of Pará``: one of the pack's ``regional_force_names``, "of"
        and the name of a division the gazetteer knows (however the model read it) name
        that country's forces of the kind given (``group:police@brazil``): the country most
        places of the name lie in ("Pará": a state of Brazil, a town of it, a district of
        Suriname)."""
        names = self.pack.optional_table("regional_force_names")
        of = self.pack.words("belonging_preps")
        connectors = self.pack.optional_words("place_name_particles")
        firsts = {name.split()[0] for name in names}
        out = []
        for t in doc[:-3]:
            if t.lower_ not in firsts:
                continue
            kind = names.get(doc[t.i : t.i + 2].text.lower())
            if kind is None or doc[t.i + 2].lower_ not in of:
                continue
            end = t.i + 3
            while (
                end < len(doc)
                and end - t.i < 9
                and (doc[end].is_title or (doc[end].lower_ in connectors and end + 1 < len(doc)))
            ):
                end += 1
            while end > t.i + 3 and not doc[end - 1].is_title:
                end -= 1  # (a name ends with a word of its own, not "de")
            name = doc[t.i + 3 : end].text
            ids = [i for i in self.gaz.lookup(name) if i in self.gaz and self.gaz[i].is_place]
            counts = Counter(c for i in ids if (c := country_of(i, self.gaz)) is not None)
            ranked = counts.most_common(2)
            if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
                continue
            key = f"{GROUP_PREFIX}{kind}@{ranked[0][0]}"
            out.append(Span(doc, t.i, end, label="GROUP", kb_id=key))
        return out

    def _bracketed_monitor_group(
        self, doc: Doc, country: Span, countries: list[str]
    ) -> Span | None:
        """``Unidentified Armed Group (Burkina Faso)``: a name of the pack's
        ``monitor_group_names`` with a country in brackets after it (ACLED's actor names) is
        that country's group of the kind named (``group:armed@burkina-faso``)."""
        names = self.pack.optional_table("monitor_group_names")
        k = country.start - 1
        if len(countries) != 1 or k < 1 or doc[k].text != "(":
            return None
        if country.end >= len(doc) or doc[country.end].text != ")":
            return None
        for n in range(1, min(k, 4) + 1):  # the name's words before the bracket
            kind = names.get(doc[k - n : k].text.lower())
            if kind is not None:
                key = f"{GROUP_PREFIX}{kind}@{countries[0]}"
                return Span(doc, k - n, country.end + 1, label="GROUP", kb_id=key)
        return None

    def _site_own_name(self, span: Span | None, placed: bool) -> bool:
        """Whether a name before a site noun may be the site's own: one the gazetteer does
        not know, or a place's (not a country's) when the phrase puts the site elsewhere
        (``placed``: "the Marriott hotel in Islamabad")."""
        if span is None:
            return True
        keys = [k for k in span.kb_id_.split("|") if k in self.gaz]
        return placed and not self._a_country(span) and all(self.gaz[k].is_place for k in keys)

    def _a_country(self, span: Span | None) -> bool:
        """Whether a gazetteer span names a country (one of its readings)."""
        if span is None:
            return False
        return any("Country" in self.gaz[k].types for k in span.kb_id_.split("|") if k in self.gaz)

    def _spelt_out_actor_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``JNIM: Group for Support of Islam and Muslims``: a known actor's short name, a
        colon and its name written out (the monitors' actor names) are one mention of that
        actor, not the things the long name names ("Islam", "Muslims")."""
        inner = self.pack.words("name_inner_words")
        # where another actor's name begins ("M23: March 23 Movement and Military Forces of
        # ..."): the long name ends before it
        others = {c.start for c in found if c.label_ == "GROUP"}
        out = []
        for s in found:
            if s.label_ != "GAZ" or s.end + 2 >= len(doc) or doc[s.end].text != ":":
                continue
            if doc[s.start].is_sent_start:
                continue  # "Boko Haram: Insurgents Kill 30 In Borno": a headline's topic
            ids = [k for k in s.kb_id_.split("|") if k in self.gaz]
            if not ids or any(self.gaz[k].is_place for k in ids):
                continue
            end = s.end + 1
            while (
                end < len(doc)
                and end not in others
                and (
                    (doc[end].is_title and doc[end].pos_ != "VERB")
                    or doc[end].is_digit
                    or doc[end].lower_ in inner
                )
            ):
                end += 1
            while end > s.end + 1 and doc[end - 1].lower_ in inner:
                end -= 1
            if end - (s.end + 1) >= 2:
                out.append(Span(doc, s.start, end, label="GAZ", kb_id=s.kb_id_))
        return out

    def _bracketed_place_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``in Rukubi (Doma, Nasarawa)``: capitalised words right before a bracket that opens
        with a place the gazetteer knows, the monitors' "Place (District, Province)" form,
        are a place's name (``NER:GPE``) whatever the model made of them (it may tag
        "Rukubi (Doma," as a work of art). Words another candidate covers are left alone."""
        places = [
            s
            for s in found
            if s.label_ == "GAZ"
            and s.start > 0
            and any(k in self.gaz and self.gaz[k].is_place for k in s.kb_id_.split("|"))
        ]
        # the bracket opens with the known place, or with a name before it ("(Duk, Jonglei)")
        known = {s.start for s in places if doc[s.start - 1].text == "("}
        for s in places:
            first = self._name_before(doc, s.start - 1, set())
            if doc[s.start - 1].text == "," and first is not None and doc[first - 1].text == "(":
                # (not a people's home named in passing: "Lou Nuer (Akobo, Jonglei) youths")
                close = s.end
                if not (close + 1 < len(doc) and doc[close + 1].pos_ == "NOUN"):
                    known.add(first)
        # the monitors' "in Likuangole (Pibor, Greater Pibor)" whose names the gazetteer
        # lacks: a bracket of capitalised names between commas after a name after a
        # preposition of place
        preps = self.pack.words("location_preps")
        for t in doc_tokens(doc):
            if t.text != "(":
                continue
            shut = next(
                (k for k in range(t.i + 1, min(t.i + 10, len(doc))) if doc[k].text == ")"), None
            )
            if shut is None:
                continue
            inside = doc[t.i + 1 : shut]
            commas = [w for w in inside if w.text == ","]
            if not commas or not all(
                w.text == "," or (w.is_alpha and w.text[:1].isupper()) for w in inside
            ):
                continue
            first = self._name_before(doc, t.i, set())
            after_noun = shut + 1 < len(doc) and doc[shut + 1].pos_ == "NOUN"
            if (
                first is not None
                and first > 0
                and doc[first - 1].lower_ in preps
                and not after_noun
            ):
                known.add(t.i + 1)
        # "killed three civilians in Mucojo, Macomia district": a name after a preposition of
        # place and before a comma and a place the gazetteer knows
        # (not a possessor after the comma: "in March, Mali's army said")
        chained = {
            s.start
            for s in places
            if doc[s.start - 1].text == "," and not (s.end < len(doc) and doc[s.end].tag_ == "POS")
        }
        if not known and not chained:
            return []  # (none of either form)
        covered = {i for s in found for i in range(s.start, s.end)}
        out = []
        for t in (doc[i - 1] for i in sorted(known | chained)):
            if t.i - 1 in covered:
                continue
            first = self._name_before(doc, t.i, covered)
            while (
                first is not None
                and first > 1
                and doc[first - 1].text == "-"
                and not doc[first - 1].whitespace_
                and not doc[first - 2].whitespace_
                and doc[first - 2].is_alpha
                and doc[first - 2].text[:1].isupper()
            ):
                first -= 2  # "Pont-Sonde (Saint-Marc, Artibonite)": one name, hyphened
            if first is None or self._whose_people(doc[first : t.i]):
                continue  # "supporters of PASTEF (Senegal)": a party, with its country
            if self._addressed(doc, first):
                # "abducted Pastor Emeka Obi (Kajuru, Kaduna)": a person, named after the title
                own = first + 1 if self._addressed(doc, first + 1) else first
                if own < t.i and not any(w.ent_type_ for w in doc[own : t.i]):
                    out.append(Span(doc, own, t.i, label="NER:PERSON"))
                continue
            # (or opening the monitors' bracket: "(Kolofata, Mayo-Sava, Far North)")
            opens = doc[first - 1].text == "("
            if t.text == "," and doc[first - 1].lower_ not in self.pack.words("location_preps"):
                if not opens:
                    continue
            # (a name the model calls a person's after a preposition of place is a place's:
            # "near Elwak (Mandera South, Mandera)")
            located = t.text == "(" and doc[first - 1].lower_ in self.pack.words("location_preps")
            # (or before the monitors' bracket of two names or more, "raided Kerawa (Kolofata,
            # Mayo-Sava, Far North)", or inside it, "(Kolofata, ...")
            monitors = t.text == "(" and "," in doc[t.i : t.i + 8].text.split(")")[0]
            struck = doc[t.i - 1].dep_ == "dobj" and doc[t.i - 1].head.lemma_.lower() in (
                PLACE_OBJECT_VERBS
            )  # ("raided Kerawa (...)"; not "killed chief Yusuf Abdi (Wajir North, Wajir)")
            located = located or (monitors and struck) or opens
            not_names = _NOT_PLACE_NAMES if not located else ("DATE", "TIME", "EVENT")
            if any(w.ent_type_ in not_names for w in doc[first : t.i]):
                continue  # "in March, ...", "in Operation Sanity, ...": no place's name
            if not doc[first].is_sent_start:
                out.append(Span(doc, first, t.i, label="NER:GPE"))
        return out

    def _addressed(self, doc: Doc, start: int, end: int | None = None) -> bool:
        """Whether the name starting at ``start`` is told with a form of address or a title
        before it or as its first word (the pack's ``forms_of_address``, ``official_titles``:
        "Chief Usman Danladi", "Pastor Emeka Obi"): a person's name."""
        titles = self.pack.optional_words("forms_of_address", "official_titles")
        words = [doc[start - 1]] if start > 0 else []
        if end is None or end - start > 1:
            words.append(doc[start])
        if not any(t.is_title and t.lower_ in titles for t in words):
            return False
        # (not a town's name that opens with one, "in Sheikh Zuweid (North Sinai)": after a
        # preposition of place, or known to the gazetteer)
        first = start - 1 if start > 0 and doc[start - 1].lower_ in titles else start
        if first > 0 and doc[first - 1].lower_ in self.pack.words("location_preps"):
            return False
        last = end if end is not None else start + 1
        while last < len(doc) and doc[last].is_title and doc[last].is_alpha:
            last += 1
        named = doc[first:last].text
        return not any(i in self.gaz and self.gaz[i].is_place for i in self.gaz.lookup(named))

    @staticmethod
    def _name_before(doc: Doc, end: int, covered: set[int]) -> int | None:
        """Where the capitalised words right before ``doc[end]`` start (at most four, none
        that another candidate covers), or ``None`` when there are none."""
        first = end
        while (
            first > 0
            and end - first < 4
            and doc[first - 1].text[:1].isupper()
            and doc[first - 1].is_alpha
            and doc[first - 1].i not in covered
        ):
            first -= 1
        return first if first < end else None

    def _listed_places(self, doc: Doc, start: int, end: int, found: list[Span]) -> bool:
        """Whether ``doc[start:end]`` lists places the gazetteer knows, one between each
        two commas (the monitors' "(Ariha, Idleb)" that the model reads as one name)."""
        commas = [i for i in range(start, end) if doc[i].text == ","]
        if not commas:
            return False
        places = {
            (s.start, s.end)
            for s in found
            if s.label_ == "GAZ"
            and any(k in self.gaz and self.gaz[k].is_place for k in s.kb_id_.split("|"))
        }
        bounds = [start, *commas, end]
        parts = [(a + (a != start), b) for a, b in itertools.pairwise(bounds)]
        # (a part the gazetteer's spans left to the model's name: looked up by its words)
        return all(
            p in places or any(self.gaz[k].is_place for k in self.gaz.lookup(doc[p[0] : p[1]].text))
            for p in parts
        )

    def _street_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Victor Hugo street``, ``Haifa street in Baghdad``, ``Rue Victor Hugo``: a name
        and a word for a street or square are one street's name (``NER:FAC``), never a
        person or the town the street is named after (but "the main Kabul street", a town's
        name among ``found`` before a determined street word, is a street of the town). The
        word is the language pack's ``name_street_words`` written lower case after the name,
        or any head word of a site name (:func:`site_name_kind`) in a name the model tagged
        as something else."""
        out = []
        ways = self.pack.words("name_street_words")
        towns = {i for s in found if s.label_ == "GAZ" for i in range(s.start, s.end)}
        for t in doc_tokens(doc):
            if (
                t.text not in ways
                or t.dep_ in ("compound", "amod")
                or any(
                    c.dep_ == "det" and c.lower_ in self.pack.words("indefinite_articles")
                    for c in t.children
                )
            ):
                continue  # "a Baghdad street", "Nairobi street vendors"
            first = t.i
            while first > 0 and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text == "-"):
                first -= 1
            # a town's name before a street word with a determiner is the town's street
            # ("the main Kabul street"); with none it names the street ("Haifa street in
            # Baghdad", "Tahrir square")
            determined = any(c.dep_ in ("det", "amod", "poss") for c in t.children)
            if any(i in towns for i in range(first, t.i)) and determined:
                continue
            if first < t.i and doc[first].pos_ == "PROPN":
                out.append(Span(doc, first, t.i + 1, label="NER:FAC"))
        articles = self.pack.words("articles")
        for ent in doc.ents:
            if ent.label_ not in NER_TYPES and site_name_kind([w.lower_ for w in ent], self.pack):
                # "Rue X", "the Toussaint Louverture International Airport" as EVENT
                start = ent.start + (ent[0].lower_ in articles)
                out.append(Span(doc, start, ent.end, label="NER:FAC"))
        return out

    def _site_spans(self, doc: Doc, gazetteer: list[Span]) -> list[Span]:
        """``a checkpoint``, ``the hotel``, ``a market``: a building or site an attack may be
        aimed at (``site:<kind>:<name>``; a camp or site "for displaced people" is a civilian
        one). It becomes a node in its event's place when the records are built. A name
        written before the noun is the site's own (``the Rolando cafe``) unless it is one of
        the ``gazetteer`` spans: ``a Taliban checkpoint``, ``the Kabul airport`` name an
        owner or a place, kept as such; but a place name cannot be where a site is when
        the phrase puts the site in another place (``the Marriott hotel in Islamabad``)."""
        known = {t: s for s in gazetteer for t in range(s.start, s.end)}
        out = []
        for match_id, start, end in self.sites(doc):
            kind = doc.vocab.strings[match_id]
            head = doc[end - 1]
            if head.dep_ in ("compound", "amod") and head.head.i > end - 1:
                continue
            if head.lower_ in self.divisions and (
                (
                    start > 0
                    and doc[start - 1].pos_ == "PROPN"
                    and doc[start - 1].ent_type_ != "NORP"
                )
                or (
                    end + 1 < len(doc)
                    and doc[end].lower_ in self.pack.words("of_preps")
                    and _name_end(doc, end + 1) > end + 1
                )
            ):
                continue  # "Kuriga village", "the village of Tamou": a place named so
            # "the hotel in Islamabad", "attacked the hotel in Islamabad": placed elsewhere
            holders = [head, head.head] if head.dep_ in ("dobj", "nsubjpass") else [head]
            placed = any(
                c.dep_ == "prep"
                and c.lower_ in self.pack.words("container_preps")
                and any(
                    o.dep_ == "pobj" and o.pos_ == "PROPN" and not self._a_country(known.get(o.i))
                    for o in c.children
                )  # "the Mogadishu airport in Somalia" is Mogadishu's
                for h in holders
                for c in h.children
            )
            first = start
            while (
                first > 0
                and self._site_own_name(known.get(first - 1), placed)
                and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text == "-")
                and doc[first - 1].dep_ in ("compound", "punct")
                and doc[first - 1].head.i in range(first, end)
            ):
                first -= 1
            named = first < start and doc[first].pos_ == "PROPN"
            if any(
                c.dep_ in ("amod", "compound") and c.lower_ in self.armed_words
                for c in head.children
            ):
                kind = f"{SITE_PREFIX}hard"  # "a militant camp", "a rebel base": no civilians
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in self.pack.words("site_of_preps"):
                    words = {t.lower_ for t in c.subtree}
                    groups = self.pack.table("group_nouns")
                    if any(groups.get(w) == "civilians" for w in words):
                        kind = f"{SITE_PREFIX}civilian"
            if named:
                start = first
            name = doc[start:end].text if named else " ".join(t.lower_ for t in doc[start:end])
            out.append(Span(doc, start, end, label="SITE", kb_id=f"{kind}:{name}"))
        return out

    def _named_armed_men(
        self, spans: list[Span], new: dict[str, tuple[str, tuple[str, ...]]]
    ) -> list[Span]:
        """``Malay Muslim separatists``, ``Islamist insurgents``: a people or creed right
        before a word for armed men names an armed group (its own node, as the monitors name
        such groups), not the people or creed."""
        social = NER_SOCIAL_GROUP
        out: list[Span] = []
        for s in spans:
            before = out[-1] if out else None
            if (
                before is not None
                # the model may call "Jihadi" a person, and "Murle" a place no one knows
                and (
                    before.label_ in (social, "Person")
                    or (before.label_ == "Place" and before.kb_id_.startswith("place/"))
                )
                and before.end == s.start
                and before.root.head.i == s.root.i
                and s.kb_id_.startswith(ARMED_GROUP_KEY)
            ):
                start = before.start  # not "Suspected" of "Suspected Maoist rebels"
                while start < before.end and s.doc[start].lower_ in self.pack.words(
                    "suspicion_adjectives"
                ):
                    start += 1
                text = s.doc[start : s.end].text
                key = f"org/{norm(text).replace(' ', '-')}"
                new.setdefault(key, (text, ("ArmedGroup",)))
                out[-1] = Span(s.doc, start, s.end, label="ArmedGroup", kb_id=key)
                continue
            out.append(s)
        return out

    def _definite_groups(self, spans: list[Span]) -> list[Span]:
        """``Ambazonian separatists attacked ... The separatists denied it``: a definite group
        of armed men refers to the named armed group last called by the same noun; then
        "the group" (:meth:`_the_group`)."""
        named: dict[str, tuple[str, str]] = {}  # group noun -> (key, label) of the last named
        armed = self.armed_words
        articles = self.pack.words("definite_determiners")
        out: list[Span] = []
        for s in spans:
            head = s[-1].lower_
            before = out[-1] if out else None
            if s.label_ == "ArmedGroup" and head in armed and len(s) > 1:
                named[head] = (s.kb_id_, s.label_)  # "Ambazonian separatists"
            elif (
                before is not None
                and before.label_ == "ArmedGroup"
                and before.end == s.start
                and s.kb_id_.startswith(ARMED_GROUP_KEY)
            ):
                named[head] = (before.kb_id_, before.label_)  # "Boko Haram militants"
            elif (
                s.kb_id_.startswith(ARMED_GROUP_KEY)
                and len(s) == 1
                and head in named
                and s.start > 0
                and s.doc[s.start - 1].lower_ in articles
            ):
                key, label = named[head]
                s = Span(s.doc, s.start, s.end, label=label, kb_id=key)
            out.append(s)
        return self._the_group(out)

    def _the_group(self, spans: list[Span]) -> list[Span]:
        """``Al-Shabaab militants stormed a hotel ... The group claimed responsibility``: a
        definite ``group_anaphors`` word ("the group", "the organisation") is the armed group
        (or the organisation the gazetteer does not know) named last before it."""
        if not spans or "group_anaphors" not in self.pack:
            return spans
        doc = spans[0].doc
        words = self.pack.words("group_anaphors")
        found = [t for t in doc if t.lower_ in words]
        if not found:
            return spans
        articles = self.pack.words("definite_determiners")
        covered = {i for s in spans for i in range(s.start, s.end)}
        # an armed group, or an organisation named here for the first time ("KNPB
        # spokesman ... said the group had carried out the shooting")
        armed = [
            s
            for s in spans
            if s.label_ == "ArmedGroup"
            or (
                s.label_ == "Organization"
                and s.kb_id_.startswith(f"{_KEY_PREFIX['Organization']}/")
            )
        ]
        starts = [s.start for s in armed]
        added = []
        for t in found:
            k = bisect.bisect_left(starts, t.i)
            if (
                k == 0
                or t.i in covered
                or t.i == 0
                or doc[t.i - 1].lower_ not in articles
                or any(c.dep_ in ("compound", "amod", "prep") for c in t.children)
                or t.i + 1 in covered  # "the group Revolutionary Struggle": named there
            ):
                continue
            last = armed[k - 1]
            added.append(Span(doc, t.i, t.i + 1, label=last.label_, kb_id=last.kb_id_))
        return sorted([*spans, *added], key=lambda s: s.start) if added else spans

    def _group_countries(self, spans: list[Span]) -> list[Span]:
        """``Afghan soldiers``, ``a Pakistani army vehicle``, ``Kenyan police``: a state that
        qualifies a group of people is the group's country (``group:military@pakistan``)."""
        by_tok = {i: s for s in spans for i in range(s.start, s.end)}
        out = []
        for s in spans:
            if s.label_ in GROUP_TYPES.values() and s.kb_id_.startswith(GROUP_PREFIX):
                for c in s.root.children:
                    other = by_tok.get(c.i)
                    if (
                        c.dep_ in ("amod", "compound", "nmod", "poss")
                        and other is not None
                        and other.label_ in ("Country", "State")
                    ):
                        s = Span(
                            s.doc,
                            s.start,
                            s.end,
                            label=s.label_,
                            kb_id=f"{s.kb_id_}@{other.kb_id_}",
                        )
                        break
            else:
                country = self._people_of(s)
                if country is not None:
                    # "killed at least 170 Afghans": the country's people, not the state
                    s = Span(
                        s.doc,
                        s.start,
                        s.end,
                        label=GROUP_TYPES["civilians"],
                        kb_id=f"{GROUP_PREFIX}civilians@{country}",
                    )
            out.append(s)
        return out

    def _people_of(self, s: Span) -> str | None:
        """The country whose people a one-word plural names, heading its phrase ("170
        Afghans were killed", "four Kenyans"), not qualifying a noun ("Afghan forces"): the
        country's key, or ``None``."""
        tok = s.root
        # (the tagger may call a plural people's name a singular proper noun: "Georgians")
        plural = tok.tag_ in ("NNPS", "NNS") or (tok.tag_ == "NNP" and tok.lower_.endswith("s"))
        if len(s) != 1 or not plural:
            return None
        if tok.dep_ in ("compound", "amod", "nmod", "poss"):
            return None
        if s.label_ in ("Country", "State") and s.kb_id_ in self.gaz:
            return s.kb_id_ if self.gaz[s.kb_id_].label.lower() != tok.lower_ else None
        if s.label_ == NER_TYPES["NORP"][0]:
            found = [k for k in self.gaz.lookup(s.text) if "Country" in self.gaz[k].types]
            return found[0] if len(found) == 1 else None
        return None

    def _named_division_spans(self, doc: Doc) -> list[Span]:
        """``Tarnek wa Jaldak district``, ``Sayad district``: a capitalised name before a
        division word is a place, even when the gazetteer spells it otherwise."""
        out = []
        connectors = self.pack.words("name_connectors") | {"-", "'"}
        not_starts = self.pack.words("not_name_starts")
        admin = self.pack.words("admin_division_words")
        parts = self.pack.words("part_of_town_words")
        of = self.pack.words("of_preps")
        for tok in doc_tokens(doc):
            if tok.i == 0:
                continue
            # "the Ghattekulo area of Kathmandu", "the Markets area" (a name the gazetteer
            # lacks), not "the Kabul area" (around Kabul)
            part = tok.lower_ in parts and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in of
            unknown_part = tok.lower_ in parts and not part
            if tok.lower_ not in self.divisions and not part and not unknown_part:
                continue
            if self._named_after(tok):
                continue  # "the Black Sea city of Batumi": what the city is by, its name after
            if self._named_after(tok, "named_part_nouns"):
                continue  # "the Lagos suburb of Ikorodu": the city the part is of, as it is
            j = tok.i - 1
            while j >= 0 and (
                (doc[j].text[:1].isupper() and doc[j].is_alpha)
                or (doc[j].lower_ in connectors and j > 0 and j < tok.i - 1)
                or doc[j].text in ("-", "’", "'")
            ):
                j -= 1
            start = j + 1
            while start < tok.i and not doc[start].text[:1].isupper():
                start += 1
            if start >= tok.i or doc[start].lower_ in not_starts:
                continue
            name = doc[start : tok.i]
            if name[0].is_sent_start and len(name) == 1 and name[0].lower_ in not_starts:
                continue
            articles = self.pack.words("indefinite_articles")
            if start > 0 and doc[start - 1].lower_ in articles:
                continue  # "a Pashtun village": whose, not which (no name takes "a")
            if unknown_part and (
                start == 0
                or doc[start - 1].lower_ not in self.pack.words("articles")
                or self.gaz.lookup(name.text)
            ):
                continue
            plural = tok.lower_ in self.pack.words("plural_division_words")
            if self._whose(name, singular=not plural):
                continue  # "the Jewish settlement", "Yazidi villages": whose, not which
            label = "NEWPLACE:" + ("AdminRegion" if tok.lower_ in admin else "Settlement")
            out.append(Span(doc, start, tok.i, label=label))
            if plural:
                # "Mapobu and Kalongo villages": each name before a plural is one of them
                out += [
                    Span(doc, a, b, label=label)
                    for a, b in _listed_names(doc, start)
                    if not self._whose(doc[a:b], singular=False)
                ]
        out.extend(self._division_of_spans(doc))
        return out

    def _whose(self, name: Span, singular: bool) -> bool:
        """Whether a name before a division word says whose place it is, not which: an
        adjective ("the Syrian town"), or a people's name ("Yazidi villages"); before a
        singular word a name the model calls a people may still be the place's own, unless
        the gazetteer knows it as a people ("Juhudi village", but "the Pashtun village")."""
        if not all(t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in name):
            return self._a_people(name.text)  # "Yazidi villages", tagged as a name
        if singular and len(name) == 1 and not name[0].ent_type_ and not name[0].is_sent_start:
            # "in Muaguide village": a word of no language the tagger guessed an adjective,
            # no entity of the model's, is the village's name (a people's would be tagged)
            return self._a_people(name.text)
        if any(t.pos_ == "ADJ" for t in name) or not singular:
            return True
        return self._a_people(name.text)

    def _a_people(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` as a people or a country's (a name the model
        calls a nationality may be a village's: "Juhudi village")."""
        return any(
            not self.gaz[i].is_place or self.gaz[i].kind == "country" for i in self.gaz.lookup(name)
        )

    def _division_of_spans(self, doc: Doc) -> list[Span]:
        """``the village of Tongomayel``, ``the district of Wazi Khwa``: a capitalised name
        after a division word and ``of`` is a place of that division's rank."""
        out = []
        admin = self.pack.words("admin_division_words")
        of = self.pack.words("container_preps") - self.pack.words("location_preps")
        # and words that name a place only before its name ("the farming community of X")
        divisions = self.divisions | self.pack.optional_words("of_division_words")
        for tok in doc[:-2]:
            # "the towns of X and Y": a plural's lemma, read only for plurals
            word = tok.lower_ if tok.lower_ in divisions else ""
            if not word and tok.tag_ == "NNS":
                word = tok.lemma_.lower()
            if word not in divisions or doc[tok.i + 1].lower_ not in of:
                continue
            label = "NEWPLACE:" + ("AdminRegion" if word in admin else "Settlement")
            start = tok.i + 2
            # "the towns of Tame and Fortul": each name coordinated after the first too
            while start < len(doc) and not doc[start].is_sent_start:
                end = _name_end(doc, start)
                if end == start:
                    break
                out.append(Span(doc, start, end, label=label))
                plural = word != tok.lower_
                if not (plural and end + 1 < len(doc) and doc[end].dep_ == "cc"):
                    break
                start = end + 1
        return out

    def _branch_spans(self, doc: Doc) -> list[Span]:
        """``Daesh (ISIS) Afghanistan-based branch``: one span from the group to the noun."""
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.branch_nouns or tok.i < 3:
                continue
            # "<Place> - based <noun>"
            based = doc[tok.i - 1].lower_ in self.pack.words("based_words")
            if not (based and doc[tok.i - 2].text in "-\u2010\u2011"):
                continue
            place_tok = doc[tok.i - 3]
            place_ids = {i for i in self.gaz.lookup(place_tok.text) if self.gaz[i].is_place}
            if not place_ids:
                continue
            # the parent group: before the place, allowing "(ISIS)" and "'s"/"its"
            j = tok.i - 4
            while (j >= 0 and doc[j].text in ("(", ")", "'s", "\u2019s", ",")) or (
                j >= 0 and doc[j].text in ("(", ")")
            ):
                j -= 1
            start = j
            parent = None
            for k in range(max(0, j - 5), j + 1):
                ids = self.gaz.lookup(doc[k : j + 1].text)
                if ids:
                    parent, start = ids, k
                    break
            if parent is None:
                # "its Afghanistan-based affiliate" names an affiliate; leave "its" to coref
                continue
            p = sorted(parent)[0]
            place = sorted(place_ids)[0]
            out.append(Span(doc, start, tok.i + 1, label="BRANCH", kb_id=f"branch|{p}|{place}"))
        return out

    def _bracketed_branch_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Islamic State (Mozambique)``, ``Islamic State (West Africa)``: the conflict
        monitors' name of a group's branch, the group's name and the region in brackets,
        is the affiliate the gazetteer knows by the two (``branch_name_patterns``), one
        span from the group to the closing bracket."""
        out = []
        for g in found:
            if g.label_ != "GAZ" or g.end + 2 >= len(doc) or doc[g.end].text != "(":
                continue
            shut = next(
                (k for k in range(g.end + 1, min(g.end + 6, len(doc))) if doc[k].text == ")"),
                None,
            )
            if shut is None or shut == g.end + 1:
                continue
            region = doc[g.end + 1 : shut]
            if not all(t.text[:1].isupper() for t in region if t.is_alpha):
                continue
            key = self._known_branch(g.text, region.text)
            if key is not None:
                out.append(Span(doc, g.start, shut + 1, label="GAZ", kb_id=key))
        return out

    def _named_branch_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Islamic State's Khorasan branch``, ``al-Qaeda's Yemen affiliate``: a group's
        branch named by a region is the affiliate the gazetteer knows as the group's name
        and the region's ("Islamic State Khorasan", with "Province" or not, or "in" the
        region), one span from the group to the branch noun. A named unit of a group the
        gazetteer lacks ("the IRA's Belfast brigade", ``group_unit_nouns``) is an armed
        group of its own, part of the group (``UNITS_KEY``: its span -> the
        group, related once the names are linked)."""
        groups = {s.end: s for s in found if s.label_ == "GAZ"}
        orgs = {e.end: e for e in doc.ents if e.label_ == "ORG"}  # (a unit's owner)
        owner = self.pack.words("possessive_markers")
        military = self.pack.optional_words("military_unit_nouns")  # any organisation's
        units = self.pack.optional_words("group_unit_nouns") | military  # an armed group's
        parts = doc.user_data.setdefault(UNITS_KEY, {})
        out = []
        for tok in doc_tokens(doc):
            if (tok.lower_ not in self.branch_nouns and tok.lower_ not in units) or tok.i < 3:
                continue
            k = tok.i - 1
            while k > 0 and doc[k].text[:1].isupper() and doc[k].lower_ not in owner:
                k -= 1
            if doc[k].lower_ not in owner or k + 1 == tok.i:
                continue
            # "the Islamic State group's Sinai affiliate": the word a group is called by
            # may stand between its name and the possessive
            called = k - 1 if doc[k - 1].lower_ in self.pack.words("organisation_nouns") else k
            # a military unit of any organisation, the model's names too ("the IRA's
            # Belfast brigade"), any unit of an armed group ("al-Shabaab's Amniyat wing";
            # not "the APC's Kano wing"); a branch the gazetteer lacks is named elsewhere
            # ("al-Qaeda's Sahel branch, JNIM")
            owned = tok.lower_ in military and called in orgs
            if called in groups:
                group = groups[called]
                region = doc[k + 1 : tok.i].text
                key = self._known_branch(group.text, region)
                if key is not None:
                    out.append(Span(doc, group.start, tok.i + 1, label="GAZ", kb_id=key))
                    continue
                kinds = {"ArmedGroup", "Organization"} if tok.lower_ in military else {"ArmedGroup"}
                owned = group.kb_id_ in self.gaz and bool(kinds & set(self.gaz[group.kb_id_].types))
            if tok.lower_ in units and owned and all(t.is_alpha for t in doc[k + 1 : tok.i]):
                out.append(Span(doc, k + 1, tok.i + 1, label="NEWGROUP:ArmedGroup"))
                parts[f"{k + 1}:{tok.i + 1}"] = called
        return out

    def _known_branch(self, group: str, region: str) -> str | None:
        """The gazetteer's one entry named by a group's name and a region in one of the
        pack's ``branch_name_patterns`` ("Islamic State Khorasan"), or ``None``."""
        for pattern in self.pack.value("branch_name_patterns"):
            ids = self.gaz.lookup(pattern.format(group=group, region=region))
            if len(ids) == 1:
                return next(iter(ids))
        return None

    @staticmethod
    def _units_of_groups(doc: Doc, spans: list[Span]) -> list[tuple[str, str, str]]:
        """``partOf`` relations of the named units found by :meth:`_named_branch_spans` (its
        span -> where its group's name ends), as linked."""
        parts = doc.user_data.get(UNITS_KEY, {})
        by_end = {s.end: s.kb_id_ for s in spans}
        out = []
        for s in spans:
            end = parts.get(f"{s.start}:{s.end}")
            group = by_end.get(end) if end is not None else None
            if group and group != s.kb_id_:
                out.append((s.kb_id_, "partOf", group))
        return out

    def _link(
        self,
        doc: Doc,
        s: Span,
        doc_places: set[str],
        new: dict[str, tuple[str, tuple[str, ...]]],
        persons: dict[str, str],
        relations: list[tuple[str, str, str]],
    ) -> tuple[str | None, str]:
        gaz = self.gaz
        if s.label_ == "GROUP":
            return s.kb_id_, GROUP_TYPES[group_kind(s.kb_id_) or ""]
        if s.label_ == "SITE":
            return s.kb_id_, "Site"
        if s.label_ == "BRANCH":
            _, parent, place = s.kb_id_.split("|")
            for e in gaz.entries.values():
                if parent in e.relations.get("affiliateOf", []) and place in e.relations.get(
                    "basedIn", []
                ):
                    return e.id, e.types[0]
            key = f"org/{parent}-{place}-branch"
            new[key] = (f"{gaz[parent].label} ({gaz[place].label} branch)", ("ArmedGroup",))
            relations += [(key, "affiliateOf", parent), (key, "basedIn", place)]
            return key, "ArmedGroup"
        pick = self._picks.get((s.start, s.end))
        if s.label_ == "GAZ" and pick is not None and pick.id == NO_ENTRY:
            # a place inside the place named as its container that the gazetteer lacks
            # ("the Stari Grad neighbourhood of Sarajevo"): its own node, not a namesake
            key = f"place/{norm(s.text).replace(' ', '-')}"
            new.setdefault(key, (s.text.strip(), ("Place",)))
            return key, "Place"
        if (
            s.label_ == "GAZ"
            and all(gaz[i].is_place for i in s.kb_id_.split("|") if i in gaz)
            and self._described_person(s)
        ):
            # "Victoria, a municipal councillor, was shot dead": a person, not the state
            text = s.text.strip()
            key = f"person/{norm(text).replace(' ', '-')}"
            new.setdefault(key, (text, ("Person",)))
            return key, "Person"
        if s.label_ == "GAZ":
            ids = set(s.kb_id_.split("|"))
            key = self._disambiguate(ids, doc_places, s)
            key = self._force_demonym(doc, s, key)
            e = gaz[key]
            if "Person" in e.types:
                for part in e.label.split():
                    persons.setdefault(part, key)
            return key, e.types[0]
        text = s.text.strip()
        if s.label_ == "MILITIA":  # "Fulani herdsmen attacked": the people's militia
            label = str(self.pack.value("people_militia_label")).format(people=s.kb_id_)
            curated = [i for i in gaz.lookup(label) if i in gaz.entries and not gaz[i].is_place]
            if len(curated) == 1:
                return curated[0], gaz[curated[0]].types[0]  # the gazetteer's own node
            key = f"org/{norm(label).replace(' ', '-')}"
            new.setdefault(key, (label, ("IdentityMilitia",)))
            return key, "IdentityMilitia"
        if s.label_.startswith("NEWGROUP:"):
            kind_type = s.label_.split(":", 1)[1]
            key = f"org/{norm(text).replace(' ', '-')}"
            new.setdefault(key, (text, (kind_type,)))
            return key, kind_type
        if s.label_.startswith("NEWPLACE:"):
            known = self._known(s, text)
            if known:
                key = self._disambiguate(known, doc_places, s)
                if gaz[key].is_place:
                    return key, gaz[key].types[0]
            kind_type = s.label_.split(":", 1)[1]
            key = f"place/{norm(text).replace(' ', '-')}"
            nxt = doc[s.end].lower_ if s.end < len(doc) else ""
            label = text
            if nxt in ("district", "province"):
                label += " province" if kind_type == "AdminRegion" else " district"
            elif nxt in self.pack.words("part_of_town_words") and not (
                s.end + 1 < len(doc) and doc[s.end + 1].lower_ in self.pack.words("of_preps")
            ):
                label += f" {nxt}"  # "the Markets area" (not "the Lalbagh area of Dhaka")
            new.setdefault(key, (label, (kind_type,)))
            return key, kind_type
        # NER entity: the gazetteer may know it by a name spelled differently
        not_names = self.pack.words("not_names") | self.pack.words("holidays")
        prefixes = self.pack.optional_words("name_article_prefixes")
        # ("al-Shaddadi": a name may open with an article in lower case)
        bare = next((text[len(a) :] for a in prefixes if text.startswith(a)), text)
        if not text or text.lower() in not_names or not any(c.isupper() for c in bare[:1]):
            return None, ""  # nor a feast ("an Ashura procession")
        if any(c.isdigit() for c in text) or len(text) < 2:
            return None, ""
        kind = s.label_.split(":", 1)[1] if ":" in s.label_ else s.label_
        if kind == "PERSON" and len(s) == 1 and text in persons:
            return persons[text], "Person"
        known = self._known(s, text)
        if kind == "NORP" and self._qualifies_people(s):
            # (a people's word names no town: "Arab herders", not Arab, Alabama)
            known = {k for k in known if not gaz[k].is_place or "Country" in gaz[k].types}
        if known:
            key = self._disambiguate(known, doc_places, s)
            return key, gaz[key].types[0]
        types = NER_TYPES.get(kind, ("Actor",))
        nxt = doc[s.end].lower_ if s.end < len(doc) else ""
        if s.end + 2 < len(doc) and doc[s.end + 1].text == "-":
            # "Nakapelimoru sub-county": a division word the tokenizer split at its hyphen
            joined = f"{nxt}-{doc[s.end + 2].lower_}"
            nxt = joined if joined in self.divisions else nxt
        if kind in ("ORG", "PERSON") and nxt in self.pack.optional_words("route_nouns"):
            return None, ""  # "the Bodhei-Basuba road": the name of a road, no one's
        armed_name = self._armed_group(s)
        # "near President X", "near Colonel X": a person named by a title or rank
        titled = s.start > 0 and doc[s.start - 1].lower_ in self.pack.optional_words(
            "official_titles", "rank_nouns"
        )
        if (
            (kind == "PERSON" and not titled and self._toponym_use(s, "toponym_preps"))
            or (kind in ("PERSON", "ORG") and not armed_name and self._before_its_division(s))
            or (kind in ("ORG", "NORP") and not armed_name and self._toponym_use(s, "near_preps"))
        ):
            # "killed near Markoye": no one is killed near a person, a people or a company
            types = ("Place",)
        elif (
            (kind == "ORG" or (kind == "PERSON" and not titled))
            and not armed_name
            and self._part_of_a_town(s)
        ):
            types = ("Place",)  # "a rally at Shahbagh in Dhaka": a part of the town
        elif kind == "FAC" and self._holds_a_place(s):
            types = ("Place",)  # "the village of Mandori in Lower Kurram": an area
        elif kind in ("ORG", "PERSON", "NORP") and not armed_name and self._residents_of(s):
            types = ("Place",)  # "residents of Umlazi looted shops": where they live
        elif kind in ("FAC", "GPE", "LOC") and self._held_responsible(s.root):
            # "the attack had been ordered by La Nueva Familia Michoacana": no place is held
            # responsible; an unknown name that is, is an armed group's (as a doer's is)
            types = ("ArmedGroup",)
        described = self._described_place(s, doc_places)
        if described is not None:
            types = (described,)  # "Sake, a town west of Goma", "the village of Sobane Da"
        if self._described_armed(s):
            types = ("ArmedGroup",)  # "Lakurawa, an armed group linked to ISSP"
        elif self._described_armed(s, "criminal_group_nouns"):
            types = ("CriminalGroup",)  # "Los Pulpos, a criminal gang that ..."
        if (kind == "ORG" or (kind == "PERSON" and text.isupper())) and self._whose_people(s):
            # "supporters of PASTEF (Senegal)": an organisation ("supporters of Imran Khan"
            # are a person's)
            types = NER_TYPES["ORG"]
        last = s[-1].lower_ if len(s) > 1 else ""
        if (nxt in self.divisions or last in self.divisions) and kind != "NORP":
            # "Galgaduud region", not "a Jewish settlement"
            admin = {nxt, last} & self.pack.words("admin_division_words")
            types = ("AdminRegion",) if admin else ("Settlement",)
        if (
            kind in ("PERSON", "NORP")
            and s.root.dep_ in ("compound", "amod")
            and s.root.head.tag_ == "NNS"  # (not "the Dabbashi family": a surname's)
            and self.pack.table("group_nouns").get(s.root.head.lower_) == "civilians"
            and not self._fights(s.root.head)  # (those who fight keep the people's name)
        ):
            return None, ""  # "Tiv farmers": the people the civilians are of, no one's name
        if kind in ("PERSON", "ORG") and not any(t.pos_ == "PROPN" for t in s):
            # (but a name in capitals that members who attack are of: "Members of the
            # Imbonerakure beat ...")
            # (or one the tagger read as an adjective of those who attacked: "Pakaro
            # clansmen armed with rifles attacked ...")
            members = (
                all(t.is_title for t in s)
                and s.start > s.sent.start
                and (
                    self._armed_group(s)
                    or (s.root.dep_ in ("amod", "compound") and self._doer(s.root.head))
                )
            )
            if not (text.isupper() and self._whose_people(s)) and not members:
                return None, ""  # "Intelligence reports led ...": a common noun, not a name
        if site_name_kind([t.lower_ for t in s], self.pack):
            types = ("Site",)  # "Oxford Street", "the Army Public School", "Camp Bastion"
        elif kind == "ORG" and self._party_name(s):
            types = ("PoliticalParty",)  # "the Socialist Party", whatever its members did
        elif armed_name or (kind == "ORG" and self._doer(s.root)):
            types = ("ArmedGroup",)
        if self._self_named(s):
            types = ("ArmedGroup",)  # "a group calling itself Najd Province"
        # the kind is part of the key: a person and an organisation that share a name are
        # two nodes, never one node with two disjoint types
        prefix = _KEY_PREFIX.get(types[0], "actor")
        key = f"{prefix}/{norm(text).replace(' ', '-')}"
        if kind == "PERSON":
            for part in text.split():
                persons.setdefault(part, key)
        new.setdefault(key, (text, types))
        return key, types[0]

    def _listed_before_division_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Gunmen raided Amchide, Mayo-Sava department, ...``: capitalised words the model
        names nothing, set before the division they lie in (:meth:`_before_its_division`),
        are a town's name (``NEWPLACE``)."""
        covered = {i for c in found for i in range(c.start, c.end)}
        not_starts = self.pack.words("not_name_starts", "not_names")
        out = []
        i = 1
        while i < len(doc):
            t = doc[i]
            if t.i in covered or t.pos_ != "PROPN" or not t.is_title or t.ent_type_:
                i += 1
                continue
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].i not in covered:
                end += 1
            span = Span(doc, i, end)
            if t.lower_ not in not_starts and self._before_its_division(span):
                out.append(Span(doc, i, end, label="NEWPLACE:Settlement"))
            i = end
        return out

    def _before_its_division(self, s: Span) -> bool:
        """Whether a name is set before the division it lies in, as places are listed
        ("raided Kolofata, Mayo-Sava department, Far North region": a comma, then a name
        ending in a division word written in lower case, the pack's ``division_words`` or
        the geocoder's, and a comma or the end of the clause), not before a title ("Ahmed
        Ali, Helmand province governor")."""
        doc = s.doc
        if s.end + 2 >= len(doc) or doc[s.end].text != ",":
            return False
        end = s.end + 1
        while end < len(doc) and doc[end].text not in (",", ".", ";", "(", ")"):
            end += 1
        words = doc[s.end + 1 : end]
        last = words[-1] if len(words) else None
        return (
            last is not None
            and 1 < len(words) <= 5
            and words[0].text[:1].isupper()
            and last.is_lower  # (not "the Police Department")
            and (last.lower_ in self.divisions or last.lower_ in DIVISION_KIND)
        )

    def _holds_a_place(self, s: Span) -> bool:
        """Whether a name the model calls a building is where a place named before it lies
        ("the village of Mandori in Lower Kurram", "Milimani village in X", "Bakara in X"):
        no town lies in a building, so the name is an area's."""
        prep = s.root.head
        if s.root.dep_ != "pobj" or prep.lower_ not in self.pack.words("container_preps"):
            return False
        held = prep.head
        of = self.pack.words("of_preps")
        return (
            held.lower_ in self.divisions
            or held.ent_type_ in ("GPE", "LOC")
            or (held.head.lower_ in of and held.head.head.lower_ in self.divisions)
        )

    def _whose_people(self, s: Span) -> bool:
        """Whether a name is what people are members or supporters of ("supporters of
        PASTEF", "members of CJNG"): a group's, never a place's or a person's."""
        doc = s.doc
        i = s.start - 1
        if i >= 0 and doc[i].lower_ in self.pack.words("articles"):
            i -= 1  # "supporters of the UFDG"
        return (
            i >= 1
            and doc[i].lower_ in self.pack.words("membership_preps")
            and doc[i - 1].lower_ in self.pack.words("member_nouns", "supporter_nouns")
        )

    def _self_named(self, s: Span) -> bool:
        """Whether a name is the one a group gives itself ("a group calling itself X")."""
        verb = s.root.head
        return (
            s.root.dep_ in ("oprd", "attr", "xcomp", "dobj", "ccomp")
            and verb.lemma_.lower() in self.pack.words("naming_verbs")
            and any(
                c.dep_ == "dobj" and c.lower_ in self.pack.words("self_naming_objects")
                for c in verb.children
            )
        )

    def _described_armed(self, s: Span, nouns: str = "organisation_nouns") -> bool:
        """Whether a name is in apposition to a word for an organisation or a branch of one
        that the pack's ``armed_group_descriptors`` qualify ("Lakurawa, an armed group that
        ...", "X, a jihadist group active in ...", "X, the armed wing of Y"); with
        ``criminal_group_nouns``, to a word for a criminal group, qualified or not ("Los
        Pulpos, a criminal gang", "X, a gang that")."""
        qualified = nouns == "organisation_nouns"
        # ("the armed wing of the Free Papua Movement": a branch word, qualified too; "a
        # rebel movement"; "X, a separatist militia": a word armed by itself)
        orgs = self.pack.optional_words(nouns, "branch_nouns" if qualified else nouns)
        if qualified:
            orgs = orgs | self.pack.optional_words("movement_nouns")
        armed_itself = self.pack.optional_words("armed_organisation_nouns") if qualified else set()
        armed = self.pack.optional_words("armed_group_descriptors")
        return any(
            c.dep_ == "appos"
            and (
                c.lemma_.lower() in armed_itself
                or (
                    c.lemma_.lower() in orgs
                    and (
                        not qualified
                        or any(
                            a.dep_ in ("amod", "compound") and a.lower_ in armed for a in c.children
                        )
                    )
                )
            )
            for c in s.root.children
        )

    def _described_person(self, s: Span) -> bool:
        """Whether a one-word name the gazetteer knows as a place is a person's by the words
        set beside it: in apposition, after a comma, to a word for a person (the pack's
        ``person_descriptor_nouns``, ``official_titles``, ``single_person_nouns``, and
        ``person_nouns``, ``role_nouns``, ``rank_nouns``): "Victoria, a municipal councillor,
        was shot dead" (not Victoria, Australia)."""
        doc = s.doc
        if len(s) != 1 or s.end >= len(doc) or doc[s.end].text != ",":
            return False
        people = self.pack.optional_words(
            "person_descriptor_nouns",
            "official_titles",
            "single_person_nouns",
            "person_nouns",
            "role_nouns",
            "rank_nouns",
        )
        return any(
            c.dep_ == "appos" and c.i > s.end and c.lemma_.lower() in people
            for c in s.root.children
        )

    def _described_place(self, s: Span, doc_places: set[str]) -> str | None:
        """The place type of a name the text calls a place: in apposition to a division word
        ("Sake, a town west of Goma", "Rwanda's second city, Huye") or to the seat of one
        ("Namapa, the headquarters of Erati district": ``seat_nouns``), after one and ``of``
        ("the village of Sobane Da"), or
        followed by a known place in brackets, the monitors' "Place (Province)" form
        ("Kishishe (Rutshuru, Nord-Kivu)", "Lalibela (Lasta, North Wollo)"); else ``None``."""
        admin = self.pack.words("admin_division_words")

        def kind(word: str) -> str:
            return "AdminRegion" if word in admin else "Settlement"

        root = s.root
        for c in root.children:
            if c.dep_ != "appos":
                continue
            # "a town west of Goma" (the parser may make "town" a compound of "west"; not
            # "a city councilwoman": a person of the city)
            directions = self.pack.optional_words("direction_words")
            heads = [g for g in c.children if g.dep_ == "compound" and c.lower_ in directions]
            for w in (c, *heads):
                if w.lemma_.lower() in self.divisions:
                    return kind(w.lemma_.lower())
            # "Namapa, the headquarters of Erati district": the seat of a division
            seat = c.lemma_.lower() in self.pack.optional_words("seat_nouns")
            of = [
                g for p in c.children if p.lower_ in self.pack.words("of_preps") for g in p.subtree
            ]
            if seat and any(g.lemma_.lower() in self.divisions for g in of):
                return "Settlement"
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in self.pack.words("of_preps"):
            if head.head.lemma_.lower() in self.divisions:
                return kind(head.head.lemma_.lower())
        capitals = self.pack.optional_words("capital_nouns")
        if root.dep_ == "appos" and (
            head.lemma_.lower() in self.divisions or head.lemma_.lower() in capitals
        ):
            return kind(head.lemma_.lower())  # "Rwanda's second city, Huye"
        doc = s.doc
        addressed = self._addressed(doc, s.start, s.end)
        if s.end + 1 < len(doc) and doc[s.end].text == "(" and not addressed:
            # (not a person's name: "killed Chief Usman Danladi (Kauru, Kaduna)")
            # (any of the bracket's places, the first one the gazetteer may lack: "Lalibela
            # (Lasta, North Wollo)"; a bracket of names and commas only)
            close = next((t.i for t in doc[s.end + 1 : s.end + 12] if t.text == ")"), None)
            listed = close is not None and all(
                t.text == "," or t.text[:1].isupper() for t in doc[s.end + 1 : close]
            )
            gaz = self.gaz
            for (a, _b), p in self._picks.items():
                if p.id not in gaz or not gaz[p.id].is_place:
                    continue
                if a == s.end + 1:
                    return "Settlement"
                # (a place further in the bracket: the name a place the gazetteer knows in
                # its country, not a person's: "Musa (Lasta, North Wollo)")
                home = country_of(p.id, gaz)
                if (
                    listed
                    and close is not None
                    and s.end + 1 < a < close
                    and any(
                        gaz[i].is_place and country_of(i, gaz) == home
                        for i in gaz.lookup(s.text)
                        if i in gaz
                    )
                ):
                    return "Settlement"
        return None

    def _toponym_use(self, s: Span, preps: str) -> bool:
        """Whether a name is the object of a preposition of place (the pack's ``preps``), the
        place a direction is taken from ("20 km south of Bir al-Abd"), the place fought over or
        taken ("control of Wad Madani": ``control_nouns``) or a town a route joins
        ("the road between X and Y"); also a name coordinated with such an object ("in Badia
        al-Sukhnah and Badia al-Sham")."""
        root = s.root
        hops = 0
        doc = s.doc
        # "in Kidal and Mohamed Traore, the army spokesman, confirmed": a person who opens a
        # clause of his own (a verb right after the name, or an apposition on it)
        acts = s.end < len(doc) and doc[s.end].pos_ in ("VERB", "AUX")
        acts = acts or (
            s.end + 1 < len(doc)
            and doc[s.end].text == ","
            and doc[s.end + 1].lower_ in self.pack.words("articles")
        )
        while (
            root.dep_ == "conj"
            and root.head.pos_ == "PROPN"
            and hops < 4
            and not acts
            # "Fatima in Kano and Aisha in Zaria": a name with a place of its own is none
            and not any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in root.children)
        ):
            root, hops = root.head, hops + 1
        if (
            root.dep_ == "dobj"
            and root.head.lemma_.lower() in self.pack.optional_words("linking_verbs")
            and root.head.head.lemma_.lower() in self.pack.words("route_nouns")
        ):
            return True  # "the road linking Koupela and Pouytenga"
        if root.dep_ != "pobj":
            return False
        prep = root.head
        return (
            prep.lower_ in self.pack.words(preps)
            or (
                prep.lower_ in self.pack.words("of_preps")
                # "20 km south of X", "on the outskirts of X"
                and prep.head.lower_ in self.pack.words("direction_words", "surroundings_nouns")
            )
            or (
                # "took control of X", a name the model calls a person's, or an organisation's
                # the gazetteer knows as a place ("control of Birao"; not a post taken:
                # "control of the Border Guard Police Command")
                prep.lower_ in self.pack.words("of_preps")
                and prep.head.lower_ in self.pack.optional_words("control_nouns")
                and (
                    preps == "toponym_preps"
                    or any(self.gaz[i].is_place for i in self.gaz.lookup(s.text) if i in self.gaz)
                )
            )
            or (
                # "the road between Majdal Selm and Shaqra": the towns a route joins
                prep.lower_ in self.pack.words("between_preps")
                and prep.head.lemma_.lower() in self.pack.words("route_nouns")
            )
        )

    def _part_of_a_town(self, s: Span) -> bool:
        """Whether a name the model calls an organisation is put at a spot in a town ("at
        Shahbagh in Dhaka", "at Tahrir in Cairo"): the object of ``at`` (the pack's
        ``site_location_preps``) right before ``in`` and a place name."""
        doc = s.doc
        root = s.root
        at = self.pack.optional_words("site_location_preps") - self.pack.words("container_preps")
        if root.dep_ != "pobj" or root.head.lower_ not in at or s.end + 1 >= len(doc):
            return False
        if doc[s.end].lower_ not in self.pack.words("container_preps"):
            return False
        if doc[s.end + 1].ent_type_ in ("GPE", "LOC"):
            return True
        # "the attack took place at Kpinkankandi in the Kpendjal prefecture": where a verb
        # that says it happened puts it (not "a bomb exploded at Ecobank in the Kara
        # prefecture", a company's building)
        after = s.end + 1
        if doc[after].lower_ in self.pack.words("articles") and after + 1 < len(doc):
            after += 1
        told = verb_phrases(root.head.head)
        return bool(told & self.pack.words("occurrence_verbs")) and (
            doc[after].ent_type_ in ("GPE", "LOC")
            or (
                doc[after].pos_ == "PROPN"
                and any(self.gaz[k].is_place for k in self.gaz.lookup(doc[after].text))
            )
        )

    def _doer(self, tok: Token) -> bool:
        """Whether ``tok`` is the subject of a verb of attack or of claiming responsibility
        (``attack_verbs``, ``claiming_objects``): what armed groups do (ACLED's convention for
        unknown perpetrators). Not a weak verb's or a disease ("Storm Daniel hit Derna",
        "Ebola killed 40 people")."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return False
        if "natural_causes" in self.pack and tok.lemma_.lower() in self.pack.words(
            "natural_causes"
        ):
            return False
        lemma = verb.lemma_.lower()
        if lemma in self.attack_verbs:
            return True
        return any(
            c.dep_ == "dobj" and lemma in self.claiming_objects.get(c.lemma_.lower(), ())
            for c in verb.children
        )

    def _held_responsible(self, tok: Token) -> bool:
        """Whether ``tok`` is who a sentence holds responsible for an event, a role only
        actors have: the subject of "was responsible", "was behind the attack"
        (``responsibility_words``) or of a verb of perpetration with an event as its object
        ("carried out the attack"), the "by" phrase of such a verb in the passive ("the
        attack had been ordered by X"), or the actor slot of an attribution verb ("blamed
        the attack on X", "attributed the blast to X": ``attribution_patterns``)."""
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            tok = tok.head  # "attributed the attack to the criminal group Los Pulpos"
        verb = tok.head
        events = self.event_nouns

        def done(v: Token, dep: str) -> bool:
            return v.lemma_.lower() in self.perpetration_verbs and any(
                c.dep_ == dep and c.lemma_.lower() in events for c in v.children
            )

        if tok.dep_ == "nsubj":
            responsible = self.pack.optional_words("responsibility_words")
            if any(
                c.dep_ in ("acomp", "prep", "advmod") and c.lower_ in responsible
                for c in verb.children
            ):
                return True
            if done(verb, "dobj"):
                return True
        if tok.dep_ == "pobj" and verb.dep_ == "agent" and done(verb.head, "nsubjpass"):
            return True
        return self._blamed(tok) or self._belonged_to(tok)

    def _residents_of(self, s: Span) -> bool:
        """Whether a name is what people live in: the ``of`` phrase of one of the pack's
        ``resident_nouns`` ("hundreds of residents of Umlazi", "villagers of X")."""
        root = s.root
        of = root.head
        if root.dep_ != "pobj" or of.lower_ not in self.pack.words("of_preps"):
            return False
        return of.head.lemma_.lower() in self.pack.optional_words("resident_nouns")

    def _portfolio(self, doc: Doc, label: str, start: int, end: int) -> bool:
        """Whether an organisation's name the model read is a portfolio told before an
        official's title (the pack's ``portfolio_titles``: "Interior Minister Enrique Riera",
        "Defence Secretary"), not a name the gazetteer knows."""
        if label != "ORG" or end >= len(doc) or end - start != 1:
            return False
        if doc[end].lower_ not in self.pack.optional_words("portfolio_titles"):
            return False
        return not self.gaz.lookup(doc[start:end].text)

    def _belonged_to(self, tok: Token) -> bool:
        """Whether ``tok`` is the group armed men of no name are said to belong to ("the
        abductors belonged to X", "the gunmen were from X", "the attackers were members of
        X": the pack's ``belonging_verbs`` and their prepositions, or ``member_nouns`` and
        ``of``): a group the text holds responsible, a role only actors have."""
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        members = self.pack.words("member_nouns")
        # (on the verb, or on its attribute or object: "were members of X", "had links to X")
        verb = next(
            (
                v
                for v in (prep.head, prep.head.head)
                if prep in belonging_phrases(v, self.pack, members)
            ),
            None,
        )
        return verb is not None and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.armed_words for c in verb.children
        )

    def _numbered_unit_spans(self, doc: Doc) -> list[Span]:
        """``the 444 Brigade``, ``between 301st Battalion and ...``: a unit named by its number
        and one of the ``armed_group_name_cues`` ("Brigade", "Battalion"), which
        the model misses or cuts at the number: an armed group of its own. Not a unit the
        text gives a state's name or people anywhere ("Ukraine's 47th Mechanized Brigade",
        "the Nigerian 7th Division", and then "the 47th Mechanized Brigade"), nor a date's
        number ("On 2 March Army troops")."""
        ordinal = self.pack.words("ordinal_suffixes")
        found: list[tuple[int, int]] = []
        states: set[str] = set()  # the units' names a state's name or people qualify
        for m in self._unit_rx.finditer(doc_text(doc)):
            cue = doc.char_span(m.start("cue"), m.end("cue"))
            if cue is None:
                continue
            tok = cue[0]
            if not tok.text[:1].isupper():
                continue  # "the 5 battalion soldiers": no name
            start = tok.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ != "NUM":
                start -= 1  # "Mechanized"
            number = doc[start - 1] if start > 0 else None
            if number is None or number.ent_type_ == "DATE":
                continue
            digits = "".join(c for c in number.text if c.isdigit())
            suffix = number.text[len(digits) :]
            if not (
                digits and number.text.startswith(digits) and (not suffix or suffix in ordinal)
            ):
                continue
            before = doc[start - 2] if start > 1 else None
            name = doc[start - 1 : tok.i + 1].text.lower()
            if before is not None and (before.tag_ == "POS" or before.ent_type_ in ("GPE", "NORP")):
                states.add(name)  # "Ukraine's 72nd Mechanized Brigade": a state's
            elif (
                before is None
                or before.lower_ in self.pack.words("articles")
                or before.pos_
                in (
                    "ADP",
                    "CCONJ",
                    "PUNCT",
                )
            ):
                found.append((start - 1, tok.i + 1))  # "between 444 Brigade and Radaa"
        return [
            Span(doc, a, b, label="NEWGROUP:ArmedGroup")
            for a, b in found
            if doc[a:b].text.lower() not in states
        ]

    def _listed_group_spans(self, doc: Doc) -> list[Span]:
        """``the Los Lobos and Los Tiguerones gangs``: the names listed before a plural word
        for armed groups (``plural_group_nouns``) are each one of them, whatever the model
        made of them (a gazetteer's name still wins, being longer or ranked first)."""
        out = []
        plural = self.pack.words("plural_group_nouns")
        for tok in doc_tokens(doc):
            if tok.lower_ not in plural:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].is_title:
                start -= 1
            if start == tok.i:
                continue
            names = [(start, tok.i), *_listed_names(doc, start)]
            out += [Span(doc, a, b, label="NEWGROUP:ArmedGroup") for a, b in names]
        return out

    def _doer_spans(self, doc: Doc) -> list[Span]:
        """Names the model missed that act as armed groups act: the plural or definite
        proper-noun subject of a verb of attack or of claiming ("The Kivu Patriots attacked
        ...", "the Zarbat Front accepted responsibility"); :meth:`_doer` types them when they
        are linked."""
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        single = {e.start for e in doc.ents if e.end == e.start + 1}
        out = []
        hyphened = {
            span.start
            for m in _HYPHENED.finditer(doc_text(doc))
            if (span := doc.char_span(m.start(), m.end(), alignment_mode="expand")) is not None
        }
        for tok in doc_tokens(doc):
            # "Hizb-ul-Ahrar claimed responsibility": a name hyphened in the way of Urdu,
            # Persian and Arabic names, whose words the parser takes one by one
            # (longer than a part of it the model found: "Tehreek" of "Tehreek-e-Jihad")
            end = _hyphened_name_end(doc, tok.i) if tok.i in hyphened else None
            longer = end is not None and any(e.start <= tok.i and e.end > end for e in doc.ents)
            if end is not None and not longer:
                if any(self._doer(t) for t in doc[tok.i : end]):
                    out.append(Span(doc, tok.i, end, label="NER:ORG"))
                    covered |= set(range(tok.i, end))
                    continue
            named = self._members_named(tok, covered)
            if named is not None:
                out.append(named)  # "Members of the Imbonerakure beat ..."
                covered |= set(range(named.start, named.end))
                continue
            if tok.pos_ != "PROPN":
                continue
            if tok.i in covered and not (
                # ("the Real IRA": a name the model found only the last word of, one word)
                tok.i in single
                and tok.i > 0
                and tok.i - 1 not in covered
                and _name_word(doc[tok.i - 1])
                and doc[tok.i - 1].head.i == tok.i
            ):
                continue
            if not (self._doer(tok) or self._held_responsible(tok)):
                continue
            # a group's name: plural ("Patriots") or with an article ("the Kivu Front"),
            # never a bare name like a person's ("Musa stabbed his wife")
            start = tok.i
            while start > 0 and start - 1 not in covered:
                if _name_word(doc[start - 1]) and start <= doc[start - 1].head.i <= tok.i:
                    start -= 1
                elif (  # "the Paraguayan People's Army": a possessive inside the name
                    start > 1
                    and doc[start - 1].tag_ == "POS"
                    and doc[start - 2].pos_ == "PROPN"
                    and doc[start - 2].head.i == tok.i
                ):
                    start -= 2
                else:
                    break
            articles = self.pack.words("articles")
            if tok.tag_ != "NNPS" and not any(
                c.dep_ == "det" and c.lower_ in articles
                for t in doc[start : tok.i + 1]
                for c in t.children
            ):
                continue
            out.append(Span(doc, start, tok.i + 1, label="NER:ORG"))
        return out

    def _members_named(self, tok: Token, covered: set[int]) -> Span | None:
        """The name in capitals that members who attack or claim are of ("Members of the
        Imbonerakure beat ...", "fighters of Zarbat attacked ..."), which the tagger took for
        a common noun: a group's name, typed by :meth:`_armed_group`; else ``None``."""
        if tok.dep_ != "nsubj" or tok.lower_ not in self.member_people:
            return None
        if not (self._doer(tok) or tok.head.lemma_.lower() in self.member_attack_verbs):
            return None
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in self.pack.words("membership_preps"):
                continue
            for g in prep.children:
                if g.dep_ != "pobj" or g.i in covered or not g.is_title or g.pos_ == "PRON":
                    continue
                start = g.i
                while start - 1 > prep.i and tok.doc[start - 1].is_title:
                    start -= 1
                if any(i in covered for i in range(start, g.i + 1)):
                    continue
                return Span(tok.doc, start, g.i + 1, label="NER:ORG")
        return None

    def _armed_men_name_spans(self, doc: Doc, found: list[Span]) -> list[Span]:
        """``Kata Kalu Sunna militants``, ``Mai Mai Yakutumba fighters``: a name of two or more
        capitalised words right before a word for armed men, that the model does not call a
        people or a place, is an armed group's, whatever else the model calls it (a
        facility, a work of art); a part of it known as something else ("Mai Mai") only
        when the model reads the whole as one name."""
        known = {i for s in found for i in range(s.start, s.end)}
        ents = {(e.start, e.end) for e in doc.ents}
        # "Cabo Delgado insurgents", "Tana River militants": where the men are from or fight
        places = {
            (s.start, s.end)
            for s in found
            if s.label_ == "GAZ"
            and any(self.gaz[i].is_place for i in s.kb_id_.split("|") if i in self.gaz)
        }
        not_groups = ("NORP", "GPE", "LOC", "DATE", "TIME")
        out = []
        for tok in doc_tokens(doc):
            if tok.lower_ not in self.armed_words or tok.pos_ != "NOUN":
                continue
            start = tok.i
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].head.i in range(start, tok.i + 1)
            ):
                start -= 1
            run = range(start, tok.i)
            if len(run) < 2 or any(doc[i].ent_type_ in not_groups for i in run):
                continue
            name_ids = self.gaz.lookup(doc[start : tok.i].text)
            if (start, tok.i) in places or any(self.gaz[i].is_place for i in name_ids):
                continue
            if any(i in known for i in run) and (start, tok.i) not in ents:
                continue
            out.append(Span(doc, start, tok.i, label="NEWGROUP:ArmedGroup"))
        return out

    def _armed_group(self, s: Span) -> bool:
        """An unknown name that is an armed group by how it is written ("Lashkar-e-Zarbat",
        "the Northern Liberation Front") or by what it is said to have ("fighters from X",
        "members of X")."""
        words = {w for t in s for w in re.split(r"[-\s]+", t.lower_) if w} | {t.lower_ for t in s}
        if words & self.pack.words("armed_group_name_cues"):
            return True
        if self._party_name(s):
            return False  # "members of the Socialist Party": a party's
        root = s.root
        if root.dep_ == "pobj" and root.head.lower_ in self.pack.words("membership_preps"):
            holder = root.head.head
            people = self.pack.words("member_nouns") | self.pack.words("role_nouns")
            if holder.lower_ in self.armed_words:
                return True
            # members harmed name no armed group ("Members of Parliament were attacked")
            harmed = holder.dep_ in ("nsubjpass", "dobj") and holder.head.lemma_.lower() in (
                self.member_attack_verbs
            )
            return holder.lower_ in people and not harmed
        return False

    def _party_name(self, s: Span) -> bool:
        """Whether an unknown name is a political party's by its last word (the pack's
        ``party_name_words``: "the Socialist Party"), with no word of an armed group's in it
        (``armed_group_name_cues``): members or supporters who act are the party's (ACLED's
        political party, never an armed group for that)."""
        words = {w for t in s for w in re.split(r"[-\s]+", t.lower_) if w}
        return (
            len(s) > 1
            and s[-1].lower_ in self.pack.optional_words("party_name_words")
            and not words & self.pack.words("armed_group_name_cues")
        )

    def _known(self, s: Span, text: str) -> set[str]:
        """The entry resolution chose for a mention, else the curated entries of its name."""
        pick = self._picks.get((s.start, s.end))
        if pick is not None:
            return {pick.id} if pick.id != NO_ENTRY else set()
        found = {i for i in self.gaz.lookup(text) if i in self.gaz.entries}
        articles = self.pack.words("articles")
        if len(s) == 1 and not (s.start > 0 and s.doc[s.start - 1].lower_ in articles):
            found = {i for i in found if not article_name(self.gaz, i)}  # "Hindu rioters"
        return found

    def _disambiguate(self, ids: set[str], doc_places: set[str], s: Span | None = None) -> str:
        """Toponym resolution in context (:func:`kg.geo.toponyms.resolve`) where it ran."""
        pick = self._picks.get((s.start, s.end)) if s is not None else None
        if pick is not None and pick.id in ids:
            return pick.id
        if len(ids) == 1:
            return next(iter(ids))
        gaz = self.gaz
        scored = []
        for i in sorted(ids):
            anc = set(gaz.ancestors(i))
            # the places of the document the candidate holds, itself included ("the Kosovo
            # town of Leposavic": the country Leposavic lies in, not a town called Kosovo)
            scored.append((len((anc | {i}) & doc_places), not gaz[i].is_place, -gaz.depth(i), i))
        scored.sort(reverse=True)
        return scored[0][3]

    def _force_demonym(self, doc: Doc, s: Span, key: str) -> str:
        """``Afghan and coalition security force``: the demonym names the national forces."""
        e = self.gaz[key]
        if "State" not in e.types or len(s) != 1:
            return key
        tok = s[0]
        if tok.lower_ != s.text.lower() or tok.text.lower() == norm(e.label):
            return key
        head = tok.head
        hops = 0
        while (
            head.dep_ in ("amod", "compound", "conj", "cc", "nmod")
            and head.head != head
            and hops < 3
        ):
            head = head.head
            hops += 1
        following = doc[tok.i + 1 : min(len(doc), tok.i + 6)]
        forces = self.force_heads
        word = head.lower_ if head.lower_ in forces else ""
        word = word or next((t.lower_ for t in following[:4] if t.lower_ in forces), "")
        if word:
            aliases = [p.format(tok.text) for p in self.pack.value("force_alias_patterns")]
            if "force_head_pattern" in self.pack:
                # "Georgian riot police": the force its own word names first
                pattern = self.pack.value("force_head_pattern")
                aliases.insert(0, pattern.format(demonym=tok.text, head=word))
            for alias in aliases:
                # the state's own forces, not a party or group named so ("Lebanese Forces")
                ids = [i for i in self.gaz.lookup(alias) if "StateForce" in self.gaz[i].types]
                if len(ids) == 1:
                    return ids[0]
        return key

    def _appositive_relations(self, doc: Doc, spans: Iterable[Span]) -> list[tuple[str, str, str]]:
        """``X's spokesperson, Y`` and ``Y, the spokesman of X`` (``for X``): Y spokespersonOf
        X; a leader or commander of X is a member of X (the words: the language pack)."""
        rels = []
        by_start = {s.start: s for s in spans}
        by_tok: dict[int, Span] = {}
        for s in spans:
            for i in range(s.start, s.end):
                by_tok[i] = s
        speakers = self.pack.words("spokesperson_nouns")
        roles = speakers | self.pack.words("leader_nouns")
        of_preps = self.pack.words("belonging_preps")
        for tok in doc_tokens(doc):
            lemma = tok.lemma_.lower()
            if lemma not in roles:
                continue
            prop = "spokespersonOf" if lemma in speakers else "memberOf"
            org = person = None
            # X's spokesperson / spokesman of X / spokesperson for X / X spokesman
            for child in tok.children:
                if child.dep_ in ("poss", "compound") and child.i in by_tok:
                    org = by_tok[child.i]
                if child.dep_ == "prep" and child.lower_ in of_preps:
                    for g in child.children:
                        if g.i in by_tok:
                            org = by_tok[g.i]
                        # "a spokesman for al-Shabaab, Abdiaziz Abu Musab, said": the
                        # parser's apposition to the body names the spokesman
                        for a in g.children:
                            if a.dep_ == "appos" and a.i in by_tok and person is None:
                                person = by_tok[a.i]
                if child.dep_ == "appos" and child.i in by_tok:
                    person = by_tok[child.i]
            if tok.dep_ == "appos" and tok.head.i in by_tok:
                person = by_tok[tok.head.i]
            if person is None and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
                person = by_start.get(tok.i + 2)
            if org is not None and person is not None and person.label_ == "Person":
                if org.kb_id_ != person.kb_id_:
                    rels.append((person.kb_id_, prop, org.kb_id_))
        return rels


# an acronym in brackets ("(MFDC)"): two to eight capitals
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def _name_end(doc: Doc, start: int) -> int:
    """The end of the proper name that starts at token ``start`` (``start`` when none does):
    capitalised words, with the Arabic article hyphened inside or before them ("Aita
    al-Shaab", "al-Sukhnah").

    >>> import spacy
    >>> doc = spacy.blank("en")("near al-Sukhnah and Aita al-Shaab town")
    >>> doc[1:_name_end(doc, 1)].text, doc[5:_name_end(doc, 5)].text
    ('al-Sukhnah', 'Aita al-Shaab')
    """
    end = start
    while end < len(doc):
        t = doc[end]
        hyphened_article = (
            t.lower_ in ARABIC_ARTICLES
            and end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and doc[end + 2].text[:1].isupper()
        )
        if hyphened_article:
            end += 2
        elif t.text[:1].isupper() and t.is_alpha:
            end += 1
        else:
            break
    return end


def _listed_names(doc: Doc, start: int) -> list[tuple[int, int]]:
    """The capitalised names listed before the one at ``start`` ("Mapobu, Kiringa and
    Kalongo villages": Mapobu and Kiringa), as (start, end) token offsets.

    >>> import spacy
    >>> doc = spacy.blank("en")("raided Mapobu, Kiringa and Kalongo villages")
    >>> _listed_names(doc, 5)
    [(3, 4), (1, 2)]
    """
    out = []
    i = start
    while i >= 2 and doc[i - 1].text in (",", "and", "or") and doc[i - 2].is_title:
        j = i - 2
        while j > 0 and doc[j - 1].is_title:
            j -= 1
        out.append((j, i - 1))
        i = j
    return out


# where a hyphened name may begin (:func:`_hyphened_name_end` reads it)
_HYPHENED = re.compile(r"\b[A-Z]\w*-[a-z]{1,3}-[A-Z]")


def _name_word(tok: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised adjective that names no people
    ("the Real IRA"; not "the Somali al-Shabaab")."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "ADJ" and tok.is_title and tok.ent_type_ not in ("NORP", "GPE")
    )


def _hyphened_name_end(doc: Doc, i: int) -> int | None:
    """The end of a name hyphened from ``i`` with short connectors in lower case between its
    capitalised words ("Hizb-ul-Ahrar", "Lashkar-e-Zarbat", "Ahl-e-Sunnat-wal-Jamaat"), or
    ``None``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Then Hizb-ul-Ahrar and Ahl-e-Sunnat-wal-Jamaat claimed it")
    >>> _hyphened_name_end(doc, 1), _hyphened_name_end(doc, 7), _hyphened_name_end(doc, 0)
    (6, 16, None)
    """
    end = None
    j = i
    while j + 4 < len(doc) and doc[j].is_title and doc[j + 4].is_title:
        link = doc[j + 2].text
        hyphens = doc[j + 1].text == "-" and doc[j + 3].text == "-"
        if not (hyphens and link.islower() and len(link) <= 3):
            break
        j += 4  # the next link starts at this one's last word
        end = j + 1
    return end


def _short_site(s: Span, sites: list[Span]) -> Span | None:
    """The site named in the document whose name begins with the name ``s`` ("the Rolando
    bombing", "the Rolando Cafe"): the site told short, as a person is by a surname;
    ``None`` when there is none.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Rolando bombing at the Rolando Cafe")
    >>> _short_site(doc[1:2], [doc[5:7]])
    Rolando Cafe
    >>> _short_site(doc[1:2], [doc[1:2]]) is None
    True
    """
    text = s.text.strip()
    return next((x for x in sites if x.text.strip().startswith(text + " ")), None)


def _glued_name(c: Span, known: Collection[int] = ()) -> Span:
    """An organisation's name the tokenizer cut at a hyphen written with no space
    ("FLEC-FAC", "the Signed-in-Blood Battalion"), as a whole: the model reads the last
    piece only. A piece the gazetteer knows (the token indices ``known``: "FDLR-FOCA", the
    FDLR's armed wing) stays a name of its own, and a slash joins no name ("MNLA/CMA" names
    two). Other spans are left as they are.

    >>> import spacy
    >>> doc = spacy.blank("en")("FLEC-FAC militants attacked")
    >>> _glued_name(Span(doc, 2, 3, label="NER:ORG")).text
    'FLEC-FAC'
    >>> doc = spacy.blank("en")("The Signed-in-Blood Battalion claimed it")
    >>> _glued_name(Span(doc, 6, 7, label="NER:ORG")).text
    'Signed-in-Blood Battalion'
    """
    if not (c.label_ in ("NER:ORG", "NER:NORP") or c.label_.startswith("NEWGROUP")):
        return c
    doc, start = c.doc, c.start

    def glued(i: int) -> bool:  # a hyphen at i joins the words around it
        return (
            i >= 1
            and doc[i].text == "-"
            and not doc[i].whitespace_
            and not doc[i - 1].whitespace_
            and doc[i - 1].is_alpha
            and i - 1 not in known
        )

    while start >= 2:
        if glued(start - 1):
            start -= 2
        elif doc[start - 1].is_title and glued(start - 2):
            start -= 1  # "Signed-in-Blood Battalion": the model's name began at "Battalion"
        else:
            break
    if start == c.start or not doc[start].text[:1].isupper():
        return c
    return Span(doc, start, c.end, label=c.label_)


def _acronym_definitions(doc: Doc, cands: list[Span]) -> dict[str, Span]:
    """Acronyms the text defines, each with the name it abbreviates: a candidate name, then
    the acronym in brackets whose letters are the initials of the name's words in any order
    ("Movement of Democratic Forces of Casamance (MFDC)"). Returns ``{acronym: name span}``;
    the acronym's mentions elsewhere are then mentions of that name."""
    ends = {s.end: s for s in cands}
    out: dict[str, Span] = {}
    for found in _BRACKETED_ACRONYM.finditer(doc_text(doc)):
        acr = doc.char_span(found.start(1), found.end(1))
        if acr is None or len(acr) != 1 or acr.start - 1 not in ends:
            continue
        name = ends[acr.start - 1]
        initials = "".join(w.text[0] for w in name if w.text[:1].isupper())
        if _initials_of(acr.text, initials):
            out[acr.text] = name
    return out


def _initials_of(letters: str, initials: str) -> bool:
    """Whether an acronym's ``letters`` are the initials of a name's capitalised words, in
    any order (a name translated from the acronym's language reorders its words: "Movement
    of Democratic Forces of Casamance (MFDC)", "Democratic Forces for the Liberation of
    Rwanda (FDLR)"), one word translated otherwise allowed in a name of three or more
    ("National Liberation Army (ELN)": Ejército; "Free Papua Movement (OPM)": Organisasi).

    >>> _initials_of("MFDC", "MDFC"), _initials_of("FDLR", "DFLR"), _initials_of("LRA", "LRA")
    (True, True, True)
    >>> _initials_of("ELN", "NLA"), _initials_of("OPM", "FPM")
    (True, True)
    >>> _initials_of("MDC", "MDFC"), _initials_of("XY", "MDFC"), _initials_of("", "")
    (False, False, False)
    >>> _initials_of("AB", "CB"), _initials_of("XYZ", "NLA")
    (False, False)
    """
    if not letters or len(letters) != len(initials):
        return False
    shared = sum((Counter(letters) & Counter(initials)).values())
    return shared == len(letters) or (len(letters) >= 3 and shared == len(letters) - 1)


def _peoples_words(doc: Doc) -> set[tuple[int, int]]:
    """Where the model reads a people's word (NORP): (start, end) token offsets."""
    return {(e.start, e.end) for e in doc.ents if e.label_ == "NORP"}


def _longest_non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the longest spans, gazetteer before NER on ties, and a name a division word
    makes a place ("Mapobu village") before the model's reading of it, in text order."""
    rank = {
        "BRANCH": 0,
        "GAZ": 1,
        "NEWPLACE:AdminRegion": 1.5,
        "NEWPLACE:Settlement": 1.5,
        "NEWGROUP:ArmedGroup": 1.5,
        "NEWGROUP:CriminalGroup": 1.5,
        "GROUP": 1,
        "SITE": 3,
    }
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), rank.get(s.label_, 2), s.start))
    taken: set[int] = set()
    out = []
    for s in spans:
        if any(i in taken for i in range(s.start, s.end)):
            continue
        out.append(s)
        taken.update(range(s.start, s.end))
    return sorted(out, key=lambda s: s.start)


@Language.factory("ckg_entities", default_config={"use_ner": True})
def make_entity_linker(nlp: Language, name: str, use_ner: bool) -> Any:
    """The spaCy factory for :class:`EntityLinker`."""
    return EntityLinker(nlp, name, use_ner=use_ner)
