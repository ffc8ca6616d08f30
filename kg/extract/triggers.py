"""Event triggers: the words and phrases that name an event, and the class each names.

A verb or noun whose lemma is in the language pack's ``verbs``/``nouns`` tables, or a phrase
of its ``phrases`` table (``air strike``, ``opened fire``; headed by its root),
triggers a mention. A
noun that only modifies another noun (``IED facilitator``) names no event unless that noun is
the event's scene or people (``the blast site``); nor does a trigger
word inside a name (``the Second World War``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract import classes
from kg.extract.lang import LanguagePack


def verb_phrases(verb: Token) -> set[str]:
    """How the pack's verb lists name ``verb``: its lemma, and its lemma with each particle
    or object ("took place": ``{"take", "take place"}``; "broke out": ``{"break", "break
    out"}``).

    >>> from spacy.lang.en import English
    >>> from spacy.tokens import Doc
    >>> doc = Doc(English().vocab, words=["took", "place"], heads=[0, 0],
    ...           deps=["ROOT", "dobj"], lemmas=["take", "place"])
    >>> sorted(verb_phrases(doc[0]))
    ['take', 'take place']
    """
    lemma = verb.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "dobj")}


class TriggerFinder:
    """Find trigger tokens and their classes in a document, by the language pack's tables."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        self.pack = pack
        self.verbs = pack.table("verbs")
        self.nouns = pack.table("nouns")
        self.scene_nouns = pack.words("event_scene_nouns")
        self.people_only = pack.optional_words("people_only_verbs")
        self.territory_verbs = pack.table("territory_verbs")
        self.territory_nouns = pack.words("territory_nouns")
        # the classes of territory changing hands (the taken and the regained)
        self.territory_classes = frozenset(
            {classes.named("territory_takeover"), classes.named("territory_regained")}
        )
        self.verb_objects = pack.optional_table("verb_objects")
        self.verb_subjects = pack.optional_table("verb_subjects")
        self.under_nouns = pack.optional_table("under_nouns")
        self.told_again_nouns = pack.optional_table("told_again_nouns")
        self.setting_nouns = pack.optional_table("setting_nouns")
        self.occurrence_verbs = pack.optional_words("occurrence_verbs")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, cls in pack.table("phrases").items():
            self.matcher.add(cls, [nlp.make_doc(phrase)])

    def phrase_heads(self, doc: Doc) -> dict[int, tuple[str, int, int]]:
        """Token index of each matched phrase's head -> (class, index of its first token,
        index after its last)."""
        out: dict[int, tuple[str, int, int]] = {}
        for match_id, start, end in self.matcher(doc):
            cls = doc.vocab.strings[match_id]
            # the phrase's root: "air strike" -> strike, "opened fire" -> opened
            head = doc[start:end].root.i
            out[head] = (cls, start, end)
        return out

    @staticmethod
    def phrase_body(phrase_heads: dict[int, tuple[str, int, int]]) -> set[int]:
        """The other words of matched phrases (``air`` of ``air strike``, ``gunfire`` of
        ``exchanged gunfire``): they trigger nothing."""
        return {
            i
            for head, (_cls, start, end) in phrase_heads.items()
            for i in range(start, end)
            if i != head
        }

    def trigger_class(
        self,
        tok: Token,
        phrase_heads: dict[int, tuple[str, int, int]],
        place_tokens: frozenset[int] | set[int] = frozenset(),
    ) -> str | None:
        """The class ``tok`` names as a trigger, or ``None``. ``place_tokens``: the indices of
        tokens inside place names, for the verbs whose class depends on taking a place
        (``captured the town of X`` is a territory change, ``captured a commander`` an
        arrest)."""
        if tok.i in phrase_heads:
            if self._instance_of(tok) is not None:
                return None  # "acts of sexual violence": the acts name it
            named = phrase_heads[tok.i][0]
            if named in self.territory_classes and self.control_of_nothing(tok, place_tokens):
                return None  # "took control of the situation"
            return named
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            if to_death(tok, self.pack):
                return classes.named("attack")  # "burned to death", "beaten to death"
            if lemma in self.territory_verbs and self.takes_territory(tok, place_tokens):
                return str(self.territory_verbs[lemma][0])
            if self.intercepts(tok) or self.made_safe(tok):
                return classes.named("disrupted_weapons")
            fight = self.verbs.get(lemma)
            if (
                fight is not None
                and classes.family(str(fight)) == classes.named("battle")
                and any(
                    c.dep_ == "dobj"
                    and c.lemma_.lower() in self.pack.optional_words("struggle_objects")
                    for c in tok.children
                )
            ):
                return None  # "fighting a blaze", "fighting corruption": no fight
            if lemma in self.pack.optional_words("transitive_only_verbs") and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children
            ):
                return None  # "the gathering dispersed peacefully": the crowd left
            # (a verb that names its class only of people, ``people_only_verbs``, names
            # another first through a thing it takes, where ``verb_objects`` gives one)
            first = self.by_object(tok) if lemma in self.people_only else None
            found = first or self.verbs.get(lemma) or self.by_object(tok) or self.by_subject(tok)
            if found in self.territory_classes and self.control_of_nothing(tok, place_tokens):
                return None  # "before police regained control": of no place, no territory
            return found or self.hits_a_device(tok)
        if tok.pos_ in ("NOUN", "PROPN") or self._gathered_by_modifier(tok):
            if lemma in self.pack.optional_words("instance_nouns"):
                # "committed acts of sexual violence": what the acts were of
                inner = next(
                    (
                        g
                        for p in tok.children
                        if p.dep_ == "prep" and p.lower_ in self.pack.words("of_preps")
                        for g in p.children
                        if g.dep_ == "pobj"
                    ),
                    None,
                )
                if inner is None:
                    return None
                if inner.i in phrase_heads:
                    return phrase_heads[inner.i][0]
                return self.nouns.get(inner.lemma_.lower())
            if self._instance_of(tok) is not None:
                return None
            cls = self.nouns.get(lemma) or self.nouns.get(tok.lower_)
            verb = under_verb(tok, self.pack)
            if verb is not None and reproached(verb, tok, self.pack):
                return None  # "the minister came under fire for his remarks": blame
            if cls is None and verb is not None:
                cls = self.under_nouns.get(lemma)  # "a convoy came under fire"
            if cls is None and self.told_again(tok):
                cls = self.told_again_nouns[lemma]  # "The incident took place near X"
            if cls is None and lemma in self.setting_nouns and self.sets_harm(tok):
                cls = self.setting_nouns[lemma]  # "killed in an encounter with police"
            if cls is None:
                return None
            if tok.dep_ in ("dobj", "nsubjpass") and self.by_object(tok.head) == cls:
                return None  # "signed a truce": the verb names the event through it
            # a noun that only modifies another noun names no event ("IED facilitator"),
            # unless that noun is the event's scene or people ("the blast site", "the
            # bombing victims": the event referred to)
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
                head = tok.head.lemma_.lower()
                if (
                    self.nouns.get(head) is None
                    and head not in self.scene_nouns
                    and not self._gathered_by_modifier(tok)
                ):
                    return None
            return cls
        return None

    def _gathered_by_modifier(self, tok: Token) -> bool:
        """Whether ``tok`` qualifies a noun of ``collective_nouns`` (arguments.json) as the
        events it gathers ("a shooting spree", "a killing spree", the tagger's adjective or
        noun): the word names them, as the ``of`` phrase does ("a spree of killings")."""
        return (
            tok.dep_ in ("compound", "amod", "nmod")
            and tok.pos_ in ("NOUN", "PROPN", "ADJ")
            and tok.head.pos_ == "NOUN"
            and tok.head.lemma_.lower() in self.pack.words("collective_nouns")
            and (tok.lemma_.lower() in self.nouns or tok.lower_ in self.nouns)
        )

    def hits_a_device(self, verb: Token) -> str | None:
        """The class of a blast a verb of ``device_hitting_verbs`` tells with a planted
        device after one of ``device_preps`` ("ran over a landmine", "stepped on a mine":
        ``device_hit_class``), else ``None``."""
        pack = self.pack
        if verb.lemma_.lower() not in pack.optional_words("device_hitting_verbs"):
            return None
        words = pack.optional_words("device_hit_words")
        for c in verb.children:
            if c.dep_ not in ("prep", "prt") or c.lower_ not in pack.words("device_preps"):
                continue
            objects = [g for g in c.children if g.dep_ == "pobj"]
            objects += [g for g in verb.children if c.dep_ == "prt" and g.dep_ == "dobj"]
            if any(g.lemma_.lower() in words or g.lower_ in words for g in objects):
                return str(pack.value("device_hit_class"))
        return None

    def _instance_of(self, noun: Token) -> Token | None:
        """The instance noun ``noun`` names the event of ("acts" of "acts of sexual
        violence": the pack's ``instance_nouns``), or ``None``."""
        of = noun.head
        if noun.dep_ != "pobj" or of.lower_ not in self.pack.words("of_preps"):
            return None
        holder = of.head
        if holder.lemma_.lower() in self.pack.optional_words("instance_nouns"):
            return holder
        return None

    def sets_harm(self, noun: Token) -> bool:
        """Whether ``noun`` (one of ``setting_nouns``, a word that names fighting only where
        harm is told of it: "encounter", "confrontation") is where a trigger verb's harm
        took place ("were killed in an encounter with police") or what left people dead
        ("the confrontation left six dead": ``dead_words``); not "warned of a confrontation
        with the government"."""
        animals = self.pack.optional_words("animal_nouns")
        holders = [noun, noun.head.head] if noun.dep_ == "pobj" else [noun]
        if any(
            g.lemma_.lower() in animals and g.is_lower and not g.ent_type_
            for h in holders
            for p in h.children
            for g in p.children
        ):
            return False  # "killed in an encounter with a bear" (however the parser hung it)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
            cls = self.verbs.get(verb.lemma_.lower()) if verb.pos_ in ("VERB", "AUX") else None
            return cls is not None and classes.is_violent(str(cls))
        if noun.dep_ != "nsubj":
            return False
        dead = self.pack.words("dead_words")
        return any(c.lower_ in dead for c in noun.head.children)

    def told_again(self, noun: Token) -> bool:
        """Whether ``noun`` is one of ``told_again_nouns`` as the subject of one of
        ``occurrence_verbs`` (a lemma, or a lemma and its particle or object: "The incident
        took place near X"): an event told before, told again with where and when."""
        if (
            noun.lemma_.lower() not in self.told_again_nouns
            and noun.lower_ not in self.told_again_nouns
        ):
            return False
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return False
        return bool(verb_phrases(verb) & self.occurrence_verbs)

    def intercepts(self, verb: Token) -> bool:
        """Whether ``verb`` tells air defence stopping weapons in flight
        (``interception_verbs`` with ``intercepted_weapons``: "intercepted 12 missiles",
        "shot down 20 of the 24 drones"), not an attack ("shot down a helicopter")."""
        lemma = verb.lemma_.lower()
        said = {lemma} | {
            f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod")
        }
        if not said & self.pack.optional_words("interception_verbs"):
            return False
        weapons = self.pack.optional_words("intercepted_weapons")
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" for g in p.children]
        # (and the words after the verb up to the next verb, comma or preposition, however
        # the parser hung them: "shot down 20 of the 24 drones launched"; not what it was
        # done with, "with a missile")
        for t in verb.doc[verb.i + 1 : verb.sent.end]:
            if t.pos_ in ("VERB", "AUX") or t.is_punct or (t.pos_ == "ADP" and t.lower_ != "of"):
                break
            objects.append(t)
        # a word that qualifies another names what was intercepted only before a volley ("a
        # drone swarm", "a missile attack"), not before anything else ("a drone operator")
        volleys = self.pack.optional_words("volley_nouns")
        objects += [c for o in objects if o.lemma_.lower() in volleys for c in o.children]
        return any(
            (o.lower_ in weapons or o.lemma_.lower() in weapons)
            and (o.dep_ not in ("compound", "amod", "nmod") or o.head.lemma_.lower() in volleys)
            for o in objects
        )

    def made_safe(self, verb: Token) -> bool:
        """Whether ``verb`` tells a weapon made safe (``safing_verbs`` with one of
        ``safe_words`` beside its object, the object one of ``safed_weapons``: "engineers
        rendered safe an IED", "police made the device safe"; not "made the area safe"):
        a weapon put out of use, ACLED's disrupted weapons use.

        However the parser hangs the complement (an object predicate, an adjective of the
        object, a clause whose subject is the object), the object is the noun next to it.
        """
        pack = self.pack
        if verb.lemma_.lower() not in pack.optional_words("safing_verbs"):
            return False
        safe = pack.optional_words("safe_words")
        weapons = pack.optional_words("safed_weapons")
        said = [
            c
            for c in verb.subtree
            if c.lower_ in safe
            and c.head.i
            in (verb.i, *[o.i for o in verb.children if o.dep_ in ("dobj", "nsubj", "nsubjpass")])
        ]
        if not said:
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # ("made the bomb safe": the parser's clause "the bomb safe", its subject the object)
        objects += [g for s in said for g in s.children if g.dep_ == "nsubj"]
        return any(o.lower_ in weapons or o.lemma_.lower() in weapons for o in objects)

    def by_object(self, verb: Token) -> str | None:
        """The class a verb names through its object (``verb_objects``): "accepted full
        responsibility", "responsibility was taken" (a passive subject), "took 31 guards
        hostage" (a complement after the object, which the parser may read as anything from
        an object predicate to a verb joined to it; then the object must name people: "took
        the economy hostage" is no abduction)."""
        lemma = verb.lemma_.lower()
        objectish = ("dobj", "dative", "npadvmod")
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "a fire deliberately set at a hotel": the noun the participle qualifies
            entry = self.pack.optional_table("participle_nouns").get(verb.head.lemma_.lower())
            # (set by people, if by anyone: "a fire set by arsonists", not "by a candle")
            people = self.pack.table("group_nouns")
            by = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            set_by_people = all(g.pos_ == "PROPN" or g.lower_ in people for g in by)
            if (
                entry is not None
                and lemma in entry[1]
                and verb.head.pos_ in ("NOUN", "PROPN")
                and set_by_people
            ):
                return str(entry[0])
        complements = self.pack.optional_words("people_complements")
        counted = self.pack.optional_words("count_nouns", "collective_people_nouns")
        for o in verb.children:
            # "took dozens of foreign workers hostage", parsed as "dozens of (workers) hostage"
            if o.dep_ != "dobj" or o.lower_ not in counted:
                continue
            for g in (g for p in o.children if p.dep_ == "prep" for g in p.children):
                entry = self.verb_objects.get(g.lemma_.lower())
                held = [x for x in g.children if x.dep_ == "compound"]
                if (
                    g.lemma_.lower() in complements
                    and entry is not None
                    and lemma in entry[1]
                    and any(self._people(x) for x in held)
                ):
                    return str(entry[0])
        for c in verb.children:
            before = [o for o in verb.children if o.dep_ in objectish and o.i < c.i]
            complement = c.dep_ in ("oprd", "xcomp", "conj", "npadvmod", "advmod", "ccomp", "dobj")
            if c.dep_ not in ("dobj", "nsubjpass") and not (complement and before):
                continue
            entry = self.verb_objects.get(c.lemma_.lower())
            if entry is None or lemma not in entry[1]:
                continue
            if c.lower_ in self.pack.optional_words("property_complements"):
                # (the object the parser made a modifier of it: "set a mosque alight")
                burnt = before or [g for g in c.children if g.dep_ == "compound"]
                if not self._property_burnt(verb, burnt):
                    continue
            if c.lemma_.lower() in self.pack.optional_words("people_complements"):
                # (the object the parser made a modifier of it: "took the city hostage")
                before += [g for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN"]
                # (and a people's adjective the parser hung on it: "a Brazilian engineer")
                peoples = any(g.dep_ == "amod" and g.ent_type_ == "NORP" for g in c.children)
                if before and not peoples and not any(self._people(o) for o in before):
                    continue
            return str(entry[0])
        # "set three cars on fire", "set the home of a chief on fire", "set houses ablaze": a
        # phrase after the object, on the verb or anywhere in the object's phrase
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        inside = [g for o in objects for g in o.subtree if g is not o]
        complements = self.pack.optional_words("property_complements")
        # (a complement word the parser made the object of the verb's own preposition: "set
        # the office in X alight", "alight" read as the object of "in")
        inside += [
            g
            for p in verb.children
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj" and g.lower_ in complements
        ]
        for c in [*verb.children, *inside]:
            if c.i < min((o.i for o in objects), default=len(verb.doc)):
                continue
            # (a complement word however the parser hung it: "set the station in X alight",
            # "alight" read as the object of "in")
            told = c.dep_ in ("amod", "advmod", "acomp", "oprd") or c.lower_ in complements
            words = [c.lemma_.lower()] if told else []
            if c.dep_ == "prep":
                words = [f"{c.lower_} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"]
            for w in words:
                entry = self.verb_objects.get(w)
                if (
                    entry is not None
                    and lemma in entry[1]
                    and (
                        w not in self.pack.optional_words("property_complements")
                        or self._property_burnt(verb, objects)
                    )
                ):
                    return str(entry[0])
        return None

    def _property_burnt(self, verb: Token, objects: list[Token]) -> bool:
        """Whether ``verb`` sets property on fire (``property_complements``): its object a
        thing that burns (``property_nouns``, the facility and vehicle words), its subject
        people (a word of ``group_nouns``, a name or a pronoun), not a strike or a candle."""
        things = self.pack.optional_words("property_nouns", "vehicle_nouns") | self.pack.words(
            "facility_nouns"
        )
        burnt = bool(objects) and all(
            o.lower_ in things or o.lemma_.lower() in things for o in objects
        )
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("conj", "xcomp") and not doers:
            doers = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "... and set"
        people = bool(doers) and all(
            d.lower_ in self.pack.table("group_nouns")
            or d.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
            or d.pos_ in ("PROPN", "PRON")
            for d in doers
        )
        return burnt and people

    def _people(self, noun: Token) -> bool:
        """Whether a noun names people: counted ("31 guards"), a word for a group of people
        (the pack's ``group_nouns``), a person by what they are (its ``person_nouns``,
        ``rank_nouns``, ``role_nouns``: "a pilot"), or a person or people by the model's
        names ("took the economy hostage" names none)."""
        people = self.pack.optional_words(
            "person_nouns", "rank_nouns", "role_nouns", "single_person_nouns"
        )
        counted = self.pack.optional_words("count_nouns", "collective_people_nouns")
        if noun.lower_ in counted:  # "dozens of foreign workers": the people counted
            of = self.pack.words("of_preps")
            return any(
                g.dep_ == "pobj" and self._people(g)
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in of
                for g in p.children
            )
        return (
            any(c.dep_ == "nummod" for c in noun.children)
            or noun.lower_ in self.pack.table("group_nouns")
            or noun.lemma_.lower() in people  # ("took a pilot hostage")
            # (a person of a people: "took a Brazilian engineer hostage")
            or any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in noun.children)
            or noun.ent_type_ in ("PERSON", "NORP")
        )

    def by_subject(self, verb: Token) -> str | None:
        """The class a verb names through its subject (``verb_subjects``): "a suicide bomber
        crashed into a patrol" (a plane that crashed is no attack), or the ``by`` phrase of
        the verb made passive ("a patrol was targeted by a roadside bomb")."""
        lemma = verb.lemma_.lower()
        # the subject, or the "by" phrase of the verb made passive ("was targeted by an IED")
        doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        for c in doers:
            entry = self.verb_subjects.get(c.lemma_.lower())
            if entry is not None and lemma in entry[1]:
                return str(entry[0])
        return None

    def territory_cue(self, tok: Token, cls: str) -> str | None:
        """The class cue a verb of ``territory_verbs`` adds when it names its territory class
        (``took the town``: a takeover, whoever the doer)."""
        entry = self.territory_verbs.get(tok.lemma_.lower())
        if entry is None or entry[0] != cls or tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        return str(entry[1])

    def control_of_nothing(self, verb: Token, place_tokens: frozenset[int] | set[int]) -> bool:
        """Whether a verb takes ``control_nouns`` of no place: "regained control" (of the
        studio gunmen stormed), "took control of the situation"; not "regained control of the
        town", "took control in Kidal" (a place, a name or a word for territory, in a phrase of
        the noun or of the verb)."""
        control = self.pack.optional_words("control_nouns")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or not all(o.lemma_.lower() in control for o in objects):
            return False
        # (the noun's "of" phrase, the verb's phrases of place: not "after clashes in X")
        where = self.pack.words("location_preps", "of_preps")
        phrases = [
            g
            for x in (verb, *objects)
            for p in x.children
            if p.dep_ == "prep" and p.lower_ in where
            for g in p.subtree
        ]
        # (a name the model read as no place is one: "took control of Wad Madani", "of Sake")
        return not any(
            g.i in place_tokens
            or g.pos_ == "PROPN"
            or (g.is_title and g.i > g.sent.start)
            or g.lemma_.lower() in self.territory_nouns
            for g in phrases
        )

    def takes_territory(self, verb: Token, place_tokens: frozenset[int] | set[int]) -> bool:
        """The verb's object (or passive subject) is a place: a place name, or a word for
        territory (``town``, ``base``) heading it or named by ``of`` (``the town of X``)."""
        subject_before = any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        for c in verb.children:
            # a second subject after the verb is a misparsed object ("recaptured X town")
            misparsed = c.dep_ == "nsubj" and c.i > verb.i and subject_before
            if c.dep_ not in ("dobj", "nsubjpass") and not misparsed:
                continue
            if c.i in place_tokens or c.lemma_.lower() in self.territory_nouns:
                return True
            if any(g.dep_ == "compound" and g.i in place_tokens for g in c.children):
                return True
        return False

    @staticmethod
    def inside_a_name(tok: Token, ent_of: dict[int, Span]) -> bool:
        """A trigger word inside a name (``the Second World War``, an actor's name) or a
        date's proper noun (``4 March 2022``: the month, not a march)."""
        return date_word(tok) or tok.i in ent_of or tok.ent_type_ in ("EVENT", "WORK_OF_ART", "LAW")


def to_death(verb: Token, pack: LanguagePack) -> bool:
    """Whether a verb is told with a complement of death (``death_complements``: "burned to
    death", "were beaten to death"): a killing, whatever the verb."""
    table = pack.optional_table("death_complements")
    lemma = verb.lemma_.lower()
    agented = lemma in pack.optional_words("agented_manner_verbs") and any(
        c.dep_ == "agent" for c in verb.children
    )
    if lemma not in pack.optional_words("killing_manner_verbs") and not agented:
        return False  # "froze to death", "sentenced to death": no one killed them so
    return any(
        c.dep_ == "prep" and g.dep_ == "pobj" and g.lemma_.lower() in table.get(c.lower_, [])
        for c in verb.children
        for g in c.children
    )


def under_verb(tok: Token, pack: LanguagePack) -> Token | None:
    """The verb whose subject an event noun befalls through ``under`` ("a convoy *came*
    under fire", "the town fell under shelling": the pack's ``under_verbs`` and
    ``under_preps``), or ``None``."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in pack.optional_words("under_preps"):
        return None
    verb = tok.head.head
    return verb if verb.lemma_.lower() in pack.optional_words("under_verbs") else None


def reproached(verb: Token, noun: Token, pack: LanguagePack) -> bool:
    """Whether "came under fire/attack" is told with what it is blamed for (a phrase of the
    pack's ``reproach_preps``: "came under fire *for* its handling of the protests", "*over*
    the budget") or by whom, critics (``critic_nouns`` in an ``origin_preps`` phrase: "from
    rights groups"): criticism, not violence."""
    preps = pack.optional_words("reproach_preps")
    origin = pack.optional_words("origin_preps")
    critics = pack.optional_words("critic_nouns")
    for c in (c for t in (verb, noun) for c in t.children if c.dep_ == "prep"):
        if c.lower_ in preps:
            return True
        if c.lower_ in origin and any(g.lower_ in critics for g in c.children):
            return True
    return False


def date_word(tok: Token) -> bool:
    """A proper noun inside a date or time (``4 March 2022``: a month, not a march; spaCy's
    ``DATE``/``TIME`` entity labels, OntoNotes)."""
    return tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN"
