"""Extraction records: what the extraction layer hands to the RDF layer.

Plain dataclasses, no RDF. Types and roles are named by the ontology's *local names*
(``"SuicideBombing"``, ``"perpetrator"``); the RDF layer turns them into IRIs and a test
checks that every name used in extraction data exists in the ontology.

>>> art = Article(id="demo-1", text="Police arrested two men.")
>>> art.id, art.published is None
('demo-1', True)
>>> Quantity(best=100, min=90, max=100).as_dict()
{'best': 100, 'min': 90, 'max': 100}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One input document, before extraction.

    ``published`` is an ISO date (``YYYY-MM-DD``) or ``None`` when the article is undated.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "en"
    origin: str | None = None  # where it was read from: "file.jsonl:12"


@dataclass(frozen=True)
class Span:
    """A stretch of the document's text, by character offsets (``text[start:end]``)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quantity:
    """A count with its uncertainty: ``best`` estimate and bounds (``None`` = not given).

    ``Quantity(best=0)`` means the text says none; ``None`` instead of a Quantity means the
    text says nothing.
    """

    best: int | None = None
    min: int | None = None
    max: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        """The three numbers as a dict."""
        return {"best": self.best, "min": self.min, "max": self.max}


@dataclass(frozen=True)
class DateValue:
    """A date with its precision: ``"2024-01-03"`` (day), ``"2024-01"`` (month), ``"2024"``,
    and where it comes from: ``"text"`` (the text states it), ``"dateline"`` (the report's
    dateline or leading date dates the story), ``"reported"`` (only the day a source told
    of it: "..., police said on Sunday") or ``"publication"`` (the text gives none: the
    publication date stands in, as event coders do).

    >>> DateValue("2024-01").precision, DateValue("2024-01-03", "publication").basis
    ('month', 'publication')
    """

    value: str
    basis: str = "text"

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``, read off the value's length."""
        return {10: "day", 7: "month"}.get(len(self.value), "year")


@dataclass
class EntityRecord:
    """A real-world actor or place, linked to one canonical key.

    ``key`` is stable across documents (``"isis-k"``, ``"place/kerman"``); ``types`` are
    ontology class local names; ``relations`` are ``(property local name, other key)``. A
    document ``ckg:mentions`` the entities it names; a group it only describes (``named`` is
    false: "eight civilians", "gunmen") takes part in its events without being mentioned.
    Places carry WGS84 ``lat``/``lon`` (decimal degrees), their GeoNames id where known and
    ``feature``, the gazetteer's kind of place (``country``, ``admin1``, ``admin2``,
    ``place``, ``site``; empty for a place the gazetteer lacks).
    """

    key: str
    label: str
    types: tuple[str, ...]
    aliases: set[str] = field(default_factory=set)
    qid: str | None = None
    relations: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    is_place: bool = False
    from_gazetteer: bool = True
    named: bool = True  # False: a group the text describes ("eight civilians"), not names
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str = ""


@dataclass
class EventRecord:
    """One real-world event (or statement) read from a document.

    ``roles`` maps a role (``perpetrator``, ``agent``, ``speaker``, ``target``, ``victim``,
    ``location``, ``reportedBy``) to entity keys. ``about`` and ``part_of`` hold keys of other
    events in the same document.
    """

    key: str
    types: tuple[str, ...]
    label: str
    trigger: str = ""
    roles: dict[str, list[str]] = field(default_factory=dict)
    date: DateValue | None = None
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    about: list[str] = field(default_factory=list)
    part_of: str | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.7
    modality: str = "asserted"
    geo_precision: int | None = (
        None  # ACLED geo-precision of the location: 1 town, 2 near, 3 region
    )


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    entities: dict[str, EntityRecord] = field(default_factory=dict)
    events: list[EventRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for ``kg extract --format json`` and for workers)."""
        return {
            "article": asdict(self.article),
            "entities": [
                {**asdict(e), "aliases": sorted(e.aliases)} for e in self.entities.values()
            ],
            "events": [asdict(e) for e in self.events],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an Extraction from :meth:`to_json` output.

        >>> x = Extraction(Article(id="a", text="t"))
        >>> Extraction.from_json(x.to_json()).article.id
        'a'
        """
        ents = {}
        for e in data["entities"]:
            e = dict(e)
            e["aliases"] = set(e["aliases"])
            e["types"] = tuple(e["types"])
            e["relations"] = [tuple(r) for r in e["relations"]]
            e["mentions"] = [Span(**m) for m in e["mentions"]]
            ents[e["key"]] = EntityRecord(**e)
        events = []
        for v in data["events"]:
            v = dict(v)
            v["types"] = tuple(v["types"])
            v["evidence"] = [Span(**m) for m in v["evidence"]]
            v["date"] = DateValue(**v["date"]) if v["date"] else None
            for q in ("fatalities", "injured", "arrested"):
                v[q] = Quantity(**v[q]) if v[q] else None
            events.append(EventRecord(**v))
        return cls(
            article=Article(**data["article"]),
            entities=ents,
            events=events,
            warnings=list(data.get("warnings", [])),
        )
