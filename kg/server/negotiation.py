"""HTTP content negotiation (``Accept`` with q-values) for SPARQL results and RDF.

>>> choose("application/sparql-results+xml;q=0.9, text/csv", TABULAR).mime
'text/csv'
>>> choose(None, GRAPH).mime
'text/turtle'
>>> choose("text/html,application/xhtml+xml,*/*;q=0.8", BOOLEAN).mime
'application/sparql-results+json'
>>> choose("image/png", TABULAR) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from kg import formats


@dataclass(frozen=True)
class Offer:
    """A media type the server can produce and the serialiser behind it."""

    mime: str
    fmt: str  # the name of a format in kg.formats, or "html"

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value."""
        if self.mime.startswith("text/") or self.mime in ("application/n-triples",):
            return f"{self.mime}; charset=utf-8"
        return self.mime


def offers(fmts: tuple[formats.Format, ...], *, aliases: bool = True) -> tuple[Offer, ...]:
    """The offers for ``fmts``: each format's preferred media type in registry order, then
    (with ``aliases``) the other media types, so that a tie goes to a preferred type.

    >>> [o.mime for o in offers(formats.CONSTRUCT, aliases=False)]
    ['text/turtle', 'application/n-triples', 'application/ld+json', 'application/rdf+xml']
    """
    preferred = tuple(Offer(f.media_type, f.name) for f in fmts)
    if not aliases:
        return preferred
    return preferred + tuple(Offer(m, f.name) for f in fmts for m in f.media_types[1:])


TABULAR = offers(formats.SELECT)
BOOLEAN = offers(formats.ASK)
GRAPH = offers(formats.CONSTRUCT)


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media range, q)]`` from an ``Accept`` header (parameters other than q dropped).

    >>> parse_accept("text/turtle;q=0.5, */*;q=0.1, application/ld+json")
    [('text/turtle', 0.5), ('*/*', 0.1), ('application/ld+json', 1.0)]
    """
    out: list[tuple[str, float]] = []
    for part in (header or "").split(","):
        bits = [b.strip() for b in part.split(";")]
        rng = bits[0].lower()
        if not rng:
            continue
        q = 1.0
        for b in bits[1:]:
            k, _, v = b.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(v)))
                except ValueError:
                    q = 0.0
        out.append((rng, q))
    return out


def _quality(mime: str, accepted: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``mime`` (0 if none)."""
    best, best_spec = 0.0, -1
    major = mime.split("/")[0]
    for rng, q in accepted:
        if rng == mime:
            spec = 2
        elif rng == f"{major}/*":
            spec = 1
        elif rng in ("*/*", "*"):
            spec = 0
        else:
            continue
        if spec > best_spec:
            best, best_spec = q, spec
    return best


def choose(header: str | None, offers: tuple[Offer, ...]) -> Offer | None:
    """The best offer for ``header`` (server order breaks ties); ``None`` means 406."""
    accepted = parse_accept(header)
    if not accepted:
        return offers[0]
    best: Offer | None = None
    best_q = 0.0
    for offer in offers:
        q = _quality(offer.mime, accepted)
        if q > best_q:
            best, best_q = offer, q
    return best


def listing(offers: tuple[Offer, ...]) -> str:
    """The media types of ``offers``, for a 406 message."""
    seen: list[str] = []
    for o in offers:
        if o.mime not in seen:
            seen.append(o.mime)
    return ", ".join(seen)
