"""A tiny hand-made store for the doctests and unit tests of :mod:`kg.analysis`.

Two documents, three actors and a ministry, a town in a province, five events::

    e1  2024-01-05  Bombing      Group B -> Police and civilians, in Town (doc d1, Wire)
                                 claimed by Group A
    e2  2024-01-06  Claim        Group A claims e1                     (doc d1)
    e5  2024-01-07  Attribution  Ministry attributes e1 to Group B     (doc d1)
    e3  2024-02-10  Arrest       Police arrest Group B, in Town        (doc d2, Daily)
    e4  (2024-02-15) Bombing     Group A -> Police, in Province        (doc d2, no date)
                                 Group B suspected, and denies it

Group B is an affiliate of Group A. "Civilians (Country)" is a group node (ckg:Civilians).

>>> st = toy_store()
>>> st.stats()["events"]
5
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.vocab import CKG, ID_BASE


def iri(key: str) -> URIRef:
    """An IRI under the project's id base."""
    return URIRef(ID_BASE + key)


def event(
    key: str,
    doc: str,
    types: tuple[URIRef, ...],
    label: str,
    *,
    date: str | None = None,
    confidence: float = 0.8,
    roles: tuple[tuple[URIRef, str], ...] = (),
    about: tuple[str, ...] = (),
    evidence: tuple[str, ...] = (),
) -> list[tuple[Any, Any, Any]]:
    """The triples of one event, as the mapping writes them."""
    s = iri(f"event/{doc}/{key}")
    out: list[tuple[Any, Any, Any]] = [(s, RDF.type, t) for t in types]
    out += [
        (s, RDFS.label, Literal(label)),
        (s, PROV.wasDerivedFrom, iri(f"doc/{doc}")),
        (s, CKG.confidence, Literal(str(confidence), datatype=XSD.decimal)),
    ]
    if date:
        dt = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(date), XSD.date)
        out.append((s, CKG.date, Literal(date, datatype=dt)))
    out += [(s, p, iri(x)) for p, x in roles]
    out += [(s, CKG.about, iri(f"event/{doc}/{a}")) for a in about]
    out += [(s, CKG.evidence, Literal(q)) for q in evidence]
    return out


def entity(key: str, label: str, *types: URIRef, aliases: tuple[str, ...] = ()) -> list[Any]:
    """The triples of an actor or place."""
    s = iri(key)
    return (
        [(s, RDF.type, t) for t in types]
        + [(s, RDFS.label, Literal(label))]
        + [(s, SKOS.altLabel, Literal(a)) for a in aliases]
    )


def document(doc: str, source: str, issued: str) -> list[Any]:
    """The triples of a document."""
    d = iri(f"doc/{doc}")
    return [
        (d, RDF.type, CKG.Document),
        (d, DCTERMS.identifier, Literal(doc)),
        (d, DCTERMS.publisher, Literal(source)),
        (d, DCTERMS.issued, Literal(issued, datatype=XSD.date)),
    ]


def toy_triples() -> dict[str, list[Any]]:
    """The toy data, one list of triples per document."""
    places = (
        entity("town", "Town", CKG.Settlement)
        + entity("province", "Province", CKG.AdminRegion)
        + [(iri("town"), CKG.locatedIn, iri("province"))]
    )
    actors = (
        entity("group-a", "Group A", CKG.ArmedGroup, aliases=("GA", "The A Front"))
        + entity("group-b", "Group B", CKG.ArmedGroup)
        + entity("police", "Police", CKG.Government)
        + [(iri("group-b"), CKG.affiliateOf, iri("group-a"))]
    )
    d1 = (
        document("d1", "Wire", "2024-01-10")
        + places
        + actors
        + entity("ministry", "Ministry", CKG.Government)
        + entity("civilians-country", "Civilians (Country)", CKG.Civilians)
        + event(
            "e1",
            "d1",
            (CKG.Bombing,),
            "Bombing by Group B",
            date="2024-01-05",
            roles=(
                (CKG.perpetrator, "group-b"),
                (CKG.claimedBy, "group-a"),
                (CKG.target, "police"),
                (CKG.victim, "civilians-country"),
                (CKG.location, "town"),
            ),
            evidence=("Group B bombed the police post in Town.",),
        )
        + event(
            "e2",
            "d1",
            (CKG.ClaimOfResponsibility,),
            "Claim by Group A",
            date="2024-01-06",
            confidence=0.6,
            roles=((CKG.speaker, "group-a"),),
            about=("e1",),
            evidence=("Group A claimed the bombing.",),
        )
        + event(
            "e5",
            "d1",
            (CKG.Attribution,),
            "Attribution by Ministry",
            date="2024-01-07",
            confidence=0.6,
            roles=((CKG.speaker, "ministry"), (CKG.attributedTo, "group-b")),
            about=("e1",),
            evidence=("The ministry blamed Group B.",),
        )
    )
    d2 = (
        document("d2", "Daily", "2024-02-15")
        + places
        + actors
        + event(
            "e3",
            "d2",
            (CKG.Arrest,),
            "Arrest by Police",
            date="2024-02-10",
            confidence=0.7,
            roles=((CKG.agent, "police"), (CKG.target, "group-b"), (CKG.location, "town")),
            evidence=("Police arrested members of Group B in Town.",),
        )
        + event(
            "e4",
            "d2",
            (CKG.Bombing,),
            "Bombing by Group A",
            confidence=0.4,
            roles=(
                (CKG.perpetrator, "group-a"),
                (CKG.suspectedPerpetrator, "group-b"),
                (CKG.deniedBy, "group-b"),
                (CKG.target, "police"),
                (CKG.location, "province"),
            ),
            evidence=("Group A bombed a police convoy in the province.",),
        )
    )
    return {"d1": d1, "d2": d2}


@lru_cache(maxsize=1)
def toy_store() -> Any:
    """A store (in a temporary folder, made once per process) holding the toy data."""
    from kg.store import Store

    st = Store(tempfile.mkdtemp(prefix="kg-analysis-toy-") + "/store")
    for doc, triples in toy_triples().items():
        st.replace_document(doc, triples)
    st.install_ontology()
    return st
