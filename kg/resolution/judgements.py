"""Analysts' judgements: "these two reports tell the same event" (or different events).

Judgements live in their own named graph (:data:`JUDGEMENTS_GRAPH`), which ingest and
resolution never rewrite, so they survive both; clustering applies them before the model's
pairs, so they always win (nomenklatura's judgement model). A newer judgement of the same
pair replaces the older one: the judgement's IRI is the pair's.

>>> judgement_iri("urn:b", "urn:a") == judgement_iri("urn:a", "urn:b")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.errors import KGError
from kg.vocab import CKG, ID_BASE

JUDGEMENTS_GRAPH = URIRef(f"{ID_BASE}graph/judgements")
VERDICTS = {"same": CKG.SameEvent, "different": CKG.DifferentEvents}


class JudgementError(KGError):
    """A judgement that cannot be recorded (unknown verdict or report)."""


@dataclass(frozen=True)
class Judgement:
    """One analyst's decision about a pair of reports (``verdict``: ``same``/``different``)."""

    left: str
    right: str
    verdict: str
    author: str
    created: str
    why: str = ""


def judgement_iri(a: str, b: str) -> URIRef:
    """The IRI of the judgement of a pair (the same whichever report comes first)."""
    a, b = sorted((a, b))
    h = hashlib.sha1(f"{a} {b}".encode()).hexdigest()[:16]
    return URIRef(f"{ID_BASE}judgement/{h}")


def judgement_triples(j: Judgement) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of one judgement."""
    s = judgement_iri(j.left, j.right)
    yield s, RDF.type, CKG.Judgement
    yield s, CKG.comparedReport, URIRef(j.left)
    yield s, CKG.comparedReport, URIRef(j.right)
    yield s, CKG.verdict, VERDICTS[j.verdict]
    yield s, DCTERMS.creator, Literal(j.author)
    yield s, DCTERMS.created, Literal(j.created, datatype=XSD.dateTime)
    if j.why:
        yield s, RDFS.comment, Literal(j.why)


def load_judgements(source: Any) -> list[Judgement]:
    """Every judgement in ``source`` (a store), sorted by pair."""
    rows = source.select(
        f"""SELECT ?j ?r ?v ?who ?when ?why WHERE {{ GRAPH <{JUDGEMENTS_GRAPH}> {{
            ?j a ckg:Judgement ; ckg:comparedReport ?r ; ckg:verdict ?v ;
               dcterms:creator ?who ; dcterms:created ?when .
            OPTIONAL {{ ?j rdfs:comment ?why }} }} }}"""
    )
    by: dict[str, dict[str, Any]] = {}
    for row in rows:
        d = by.setdefault(str(row["j"]), {"reports": set()})
        d["reports"].add(str(row["r"]))
        d.update(
            verdict="same" if row["v"] == CKG.SameEvent else "different",
            author=str(row["who"]),
            created=str(row["when"]),
            why=str(row["why"] or ""),
        )
    out = []
    for d in by.values():
        reps = sorted(d["reports"])
        if len(reps) == 2:
            out.append(
                Judgement(reps[0], reps[1], d["verdict"], d["author"], d["created"], d["why"])
            )
    return sorted(out, key=lambda j: (j.left, j.right))


def record_judgement(
    store: Any, left: str, right: str, verdict: str, author: str, why: str = ""
) -> Judgement:
    """Store an analyst's judgement of two reports (replacing an earlier one of the pair).

    ``verdict`` is ``same`` or ``different``; both reports must be events in ``store``.
    Raises :class:`JudgementError` otherwise. Run :func:`kg.resolution.resolve` afterwards
    to apply it (``kg resolve judge`` does both).
    """
    if verdict not in VERDICTS:
        raise JudgementError(f"unknown verdict {verdict!r}: use 'same' or 'different'")
    if left == right:
        raise JudgementError("a judgement compares two different reports: give two event IRIs")
    if not author.strip():
        raise JudgementError("a judgement needs its author (--by NAME)")
    for iri in (left, right):
        if not store.query(f"ASK {{ <{iri}> prov:wasDerivedFrom ?d . ?d a ckg:Document }}"):
            raise JudgementError(
                f"{iri} is not a report in this store: give the IRIs of two events "
                "(`kg resolve review` lists pairs with their IRIs)"
            )
    first, second = sorted((left, right))
    j = Judgement(
        first,
        second,
        verdict,
        author.strip(),
        datetime.now(UTC).isoformat(timespec="seconds"),
        why.strip(),
    )
    s = judgement_iri(left, right)
    g = f"<{JUDGEMENTS_GRAPH}>"
    from kg.store import quad_terms

    body = "\n".join("{} {} {} .".format(*quad_terms(t)) for t in judgement_triples(j))
    store.oxigraph.update(
        f"DELETE WHERE {{ GRAPH {g} {{ <{s}> ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
    )
    return j
