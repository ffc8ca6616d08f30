"""Which language a document is in, and which pipeline reads it.

English is read with the parsing model (:func:`kg.extract.load_nlp`); a language that has a
pack but no parsing model here (Dari ``fa``, Pashto ``ps``) is read with the parse-free
pipeline (:func:`load_shallow_nlp`): spaCy's tokeniser for the language (Persian's for both:
Pashto has no spaCy language class, so one is registered here with Persian's punctuation
rules), the script normaliser (:mod:`kg.extract.script`), the shallow linker and reader
(:mod:`kg.extract.shallow_entities`, :mod:`kg.extract.shallow`) and the same record builder
as English. Nothing is downloaded.

A document that says its language is read in it (``fa-AF`` and Dari's ISO 639-3 code ``prs``
are ``fa``; ``pbt``, ``pbu`` and ``pus`` are ``ps``); one that does not is identified with
py3langid (a maintained fork of langid.py, whose model covers Dari/Persian and Pashto and
ships inside the package), among the languages that have a pack.

>>> language_code("fa-AF"), language_code("prs"), language_code("PBT"), language_code("")
('fa', 'fa', 'ps', '')
>>> identify("Police arrested two men in Kabul on Monday.")
'en'
>>> identify("وسله والو د غزني ولایت په غزني ښار کې برید وکړ.")
'ps'
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy
from spacy.lang.fa import PersianDefaults
from spacy.language import Language
from spacy.util import registry

from kg.extract.lang import LANG_DIR
from kg.records import Article

# language codes that name a pack's language
_ALIASES = {
    "prs": "fa",
    "pes": "fa",
    "fas": "fa",
    "per": "fa",
    "pbt": "ps",
    "pbu": "ps",
    "pus": "ps",
}
SHALLOW = ("fa", "ps")  # packs read without a parsing model


class PashtoDefaults(PersianDefaults):
    """Pashto's tokeniser settings: Persian's punctuation and suffix rules (the same script
    and the same marks), without Persian's stop words and number words."""

    stop_words: set[str] = set()  # noqa: RUF012
    lex_attr_getters = {}  # noqa: RUF012


class Pashto(Language):
    """spaCy's language class for Pashto (``ps``), which spaCy itself lacks."""

    lang = "ps"
    Defaults = PashtoDefaults


registry.languages.register("ps", func=Pashto)


def language_code(tag: str | None) -> str:
    """The pack code for a BCP 47 language tag or an ISO 639 code (``""`` when not given)."""
    if not tag:
        return ""
    primary = tag.split("-")[0].split("_")[0].lower()
    return _ALIASES.get(primary, primary)


def packs() -> tuple[str, ...]:
    """The languages that have a pack."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "triggers.json").exists()))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    ident = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    ident.set_languages(list(packs()))
    return ident


def identify(text: str) -> str:
    """The language of ``text`` among those that have a pack (py3langid; first 2,000
    characters)."""
    lang, _p = _identifier().classify(text[:2000])
    return str(lang)


def in_language(article: Article) -> Article:
    """``article`` with its language as a pack code: the one it gives, else the one
    :func:`identify` finds (the document's own ``lang`` always wins).

    >>> in_language(Article(id="a", text="طالبان ولسوالی را تصرف کردند.", lang="")).lang
    'fa'
    """
    code = language_code(article.lang)
    if not code:
        code = identify(article.text)
    return article if code == article.lang else replace(article, lang=code)


def is_shallow(lang: str) -> bool:
    """Whether ``lang`` is read with the parse-free pipeline."""
    return language_code(lang) in SHALLOW


def load_shallow_nlp(lang: str) -> Language:
    """The parse-free pipeline for ``lang`` (``fa`` or ``ps``)."""
    import kg.extract.build
    import kg.extract.script
    import kg.extract.shallow
    import kg.extract.shallow_entities  # noqa: F401

    nlp = spacy.blank(language_code(lang))
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "؟", "\n"]})
    nlp.add_pipe("ckg_script_norm")
    nlp.add_pipe("ckg_shallow_entities")
    nlp.add_pipe("ckg_shallow_events")
    nlp.add_pipe("ckg_records")
    nlp.add_pipe("ckg_glosses")
    return nlp


GLOSSES_KEY = "ckg_glosses"


@Language.component("ckg_glosses")
def add_glosses(doc: Any) -> Any:
    """Give the groups and sites of the records the English name their pack glosses their
    words with (``دکاندار``: shopkeeper), beside the words themselves, so that a node reads
    the same whatever language told of it."""
    from kg.extract.build import RECORDS_KEY

    glosses = doc.user_data.pop(GLOSSES_KEY, None) or {}
    data = doc.user_data.get(RECORDS_KEY)
    if not glosses or not data:
        return doc
    for ent in data["entities"]:
        if ent.get("named", True) and ent["types"][0] != "Site":
            continue
        for m in ent["mentions"]:
            gloss = glosses.get((m["start"], m["end"]))
            if gloss and gloss not in ent["aliases"] and gloss.lower() != ent["label"].lower():
                ent["aliases"] = sorted({*ent["aliases"], gloss})
    return doc
