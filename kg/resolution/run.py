"""One resolution pass over a store: reports in, the resolution graph out.

:func:`resolve` reads every report (:mod:`kg.resolution.reports`), scores the blocked pairs
(:mod:`kg.resolution.model`), clusters them with the analysts' judgements
(:mod:`kg.resolution.cluster`), gives each cluster the IRI it had before where it can, and
replaces the resolution graph in one transaction. Run it after each ingest: the ids of
resolved events stay, so a rerun that finds nothing new changes nothing (not even the
modification times), and :func:`changes` lists what a run created, changed or retired.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import PROV

from kg.resolution.cluster import (
    LINK_PROBABILITY,
    REVIEW_MAX_PROBABILITY,
    REVIEW_PROBABILITY,
    assign_ids,
    clusters,
)
from kg.resolution.graph import (
    RESOLUTION_GRAPH,
    RESOLVED_BASE,
    consolidate,
    decision_triples,
    resolved_triples,
    retired_triples,
)
from kg.resolution.judgements import JUDGEMENTS_GRAPH, load_judgements
from kg.resolution.model import Pair, score_pairs
from kg.resolution.reports import load_reports
from kg.vocab import CKG, ID_BASE


@dataclass
class ResolutionReport:
    """What a pass did: reports read, pairs scored, resolved events (created, changed,
    kept, retired), pairs left for review, and the seconds each step took."""

    reports: int = 0
    pairs: int = 0
    resolved: int = 0
    multi_report: int = 0
    created: int = 0
    changed: int = 0
    retired: int = 0
    uncertain: int = 0
    judgements: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain data."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class _Previous:
    members: dict[str, str] = field(default_factory=dict)  # report -> resolved IRI
    created: dict[str, str] = field(default_factory=dict)
    modified: dict[str, str] = field(default_factory=dict)
    digest: dict[str, str] = field(default_factory=dict)
    retired: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)


def _previous(store: Any) -> _Previous:
    prev = _Previous()
    g = f"<{RESOLUTION_GRAPH}>"
    for row in store.select(
        f"""SELECT ?r ?created ?modified ?digest ?retired ?next WHERE {{ GRAPH {g} {{
            ?r a ckg:ResolvedEvent ; dcterms:created ?created .
            OPTIONAL {{ ?r dcterms:modified ?modified }} OPTIONAL {{ ?r ckg:digest ?digest }}
            OPTIONAL {{ ?r ckg:retired ?retired }} OPTIONAL {{ ?r dcterms:isReplacedBy ?next }}
        }} }}"""
    ):
        r = str(row["r"])
        if row["retired"] is not None:
            nxt = str(row["next"]) if row["next"] is not None else None
            prev.retired[r] = (str(row["created"]), str(row["retired"]), nxt)
            continue
        prev.created[r] = str(row["created"])
        prev.modified[r] = str(row["modified"] or row["created"])
        prev.digest[r] = str(row["digest"] or "")
    for row in store.select(f"SELECT ?r ?e WHERE {{ GRAPH {g} {{ ?r ckg:report ?e }} }}"):
        if str(row["r"]) in prev.created:
            prev.members[str(row["e"])] = str(row["r"])
    return prev


def resolve(
    store: Any,
    *,
    backend: str = "duckdb",
    spark: Any = None,
    link_probability: float = LINK_PROBABILITY,
    review_probability: float = REVIEW_PROBABILITY,
    now: str | None = None,
) -> ResolutionReport:
    """Resolve every report of ``store`` into resolved events; write the resolution graph.

    ``backend``/``spark`` choose where the Splink model runs (:func:`score_pairs`); pairs
    at or above ``link_probability`` join, pairs from ``review_probability`` up that did
    not are kept as uncertain decisions for review. ``now`` (an ISO timestamp) stamps what
    changed. Returns a :class:`ResolutionReport`.
    """
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    rep = ResolutionReport()
    t0 = time.perf_counter()
    reports = load_reports(store)
    judged = load_judgements(store)
    prev = _previous(store)
    rep.reports, rep.judgements = len(reports), len(judged)
    rep.seconds["read"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    pairs = score_pairs(reports, backend=backend, spark=spark, threshold=review_probability)
    rep.pairs = len(pairs)
    rep.seconds["score"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    groups = clusters(
        [r.iri for r in reports],
        pairs,
        {r.iri: r.day for r in reports},
        same=[(j.left, j.right) for j in judged if j.verdict == "same"],
        different=[(j.left, j.right) for j in judged if j.verdict == "different"],
        link_probability=link_probability,
        kinds={r.iri: r.kind for r in reports},
    )
    ids = assign_ids(groups, prev.members, RESOLVED_BASE, taken=prev.retired)
    by_iri = {r.iri: r for r in reports}
    where = {m: ids.iris[i] for i, g in enumerate(groups) for m in g}
    links: dict[str, list[Pair]] = {}
    uncertain: list[Pair] = []
    judged_pairs = {(j.left, j.right) for j in judged}
    for p in pairs:
        same = where.get(p.left) == where.get(p.right)
        if same and p.probability >= link_probability:
            links.setdefault(where[p.left], []).append(p)
        elif (
            not same
            and (p.left, p.right) not in judged_pairs
            and by_iri[p.left].kind == by_iri[p.right].kind  # other kinds: apart by rule
        ):
            uncertain.append(p)
    triples: list[Any] = []
    for i, g in enumerate(groups):
        iri = ids.iris[i]
        res = consolidate(iri, [by_iri[m] for m in g])
        created = prev.created.get(iri, now)
        if iri in prev.created and prev.digest.get(iri) == res.digest():
            modified = prev.modified[iri]
        else:
            modified = now
            if iri in prev.created:
                rep.changed += 1
            else:
                rep.created += 1
        rep.multi_report += len(g) > 1
        triples.extend(resolved_triples(res, created, modified, links.get(iri, [])))
    for p in uncertain:
        triples.extend(decision_triples(p, CKG.Uncertain))
    retired = dict(prev.retired)
    for old, successor in ids.merged.items():
        retired[old] = (prev.created[old], now, successor)
    for old in ids.deleted:
        retired[old] = (prev.created[old], now, None)
    rep.retired = len(ids.merged) + len(ids.deleted)
    for old, (created, when, next_) in sorted(retired.items()):
        heir: str | None = next_
        # a chain of merges points at the event that holds the reports today
        seen = {old}
        while heir is not None and heir in retired and heir not in seen:
            seen.add(heir)
            heir = retired[heir][2]
        triples.extend(retired_triples(old, created, when, heir))
    run = URIRef(f"{ID_BASE}activity/resolution")
    triples += [
        (run, RDF.type, CKG.ResolutionActivity),
        (run, PROV.startedAtTime, Literal(now, datatype=XSD.dateTime)),
        (run, CKG.model, Literal(f"splink Fellegi-Sunter ({backend})")),
        (
            run,
            CKG.parameters,
            Literal(f'{{"link": {link_probability}, "review": {review_probability}}}'),
        ),
    ]
    rep.resolved, rep.uncertain = len(groups), len(uncertain)
    rep.seconds["cluster"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    store.replace_graph(RESOLUTION_GRAPH, triples)
    rep.seconds["write"] = round(time.perf_counter() - t0, 3)
    return rep


def changes(store: Any, since: str) -> list[dict[str, str | None]]:
    """Resolved events created, changed, merged or deleted at or after ``since`` (an ISO
    date or timestamp, UTC), oldest first: ``{"event", "change", "when", "into"}``.

    ``change`` is ``created``, ``changed``, ``merged`` (``into`` names the event that took
    its reports) or ``deleted``.
    """
    since = since if "T" in since else f"{since}T00:00:00"
    if not since.endswith("Z") and "+" not in since[10:]:
        since += "+00:00"
    g = f"<{RESOLUTION_GRAPH}>"
    rows = store.select(
        f"""SELECT ?r ?created ?modified ?retired ?next WHERE {{ GRAPH {g} {{
            ?r a ckg:ResolvedEvent ; dcterms:created ?created .
            OPTIONAL {{ ?r dcterms:modified ?modified }} OPTIONAL {{ ?r ckg:retired ?retired }}
            OPTIONAL {{ ?r dcterms:isReplacedBy ?next }} }} }}"""
    )
    out: list[dict[str, str | None]] = []
    cut = datetime.fromisoformat(since)

    def after(v: Any) -> bool:
        return v is not None and datetime.fromisoformat(str(v).replace("Z", "+00:00")) >= cut

    for row in rows:
        r = str(row["r"])
        if row["retired"] is not None:
            if after(row["retired"]):
                nxt = str(row["next"]) if row["next"] is not None else None
                out.append(
                    {
                        "event": r,
                        "change": "merged" if nxt else "deleted",
                        "when": str(row["retired"]),
                        "into": nxt,
                    }
                )
            continue
        if after(row["created"]):
            out.append({"event": r, "change": "created", "when": str(row["created"]), "into": None})
        elif after(row["modified"]):
            out.append(
                {"event": r, "change": "changed", "when": str(row["modified"]), "into": None}
            )
    return sorted(out, key=lambda c: (c["when"] or "", c["event"] or ""))


def review_pairs(store: Any, limit: int = 50) -> list[dict[str, Any]]:
    """The pairs the model was least sure of (a probability between
    :data:`REVIEW_PROBABILITY` and :data:`REVIEW_MAX_PROBABILITY`, joined or not), closest to
    even odds first, each with both reports side by side: label, document, evidence, the
    features compared, and whether they were joined. Judged pairs are left out (a
    judgement settles a pair)."""
    g = f"<{RESOLUTION_GRAPH}>"
    rows = store.select(
        f"""SELECT ?m ?w ?p ?e ?o WHERE {{ GRAPH {g} {{
            ?m ckg:outcome ?o ; ckg:matchWeight ?w ; ckg:matchProbability ?p ;
               ckg:comparedReport ?e }}
            FILTER(?p >= {REVIEW_PROBABILITY} && ?p <= {REVIEW_MAX_PROBABILITY})
            FILTER NOT EXISTS {{
              GRAPH <{JUDGEMENTS_GRAPH}> {{ ?j ckg:comparedReport ?e , ?e2 }}
              ?m ckg:comparedReport ?e2 . FILTER(?e2 != ?e) }} }}"""
    )
    pairs: dict[str, dict[str, Any]] = {}
    for row in rows:
        d = pairs.setdefault(
            str(row["m"]),
            {
                "decision": str(row["m"]),
                "weight": float(row["w"]),
                "probability": float(row["p"]),
                "reports": [],
                "joined": row["o"] == CKG.Linked,
            },
        )
        d["reports"].append(str(row["e"]))
    best = sorted(pairs.values(), key=lambda d: (abs(d["weight"]), d["decision"]))[:limit]
    out = []
    for d in best:
        sides = []
        for e in sorted(d["reports"]):
            info = store.select(
                f"""SELECT ?label ?doc ?id ?src (GROUP_CONCAT(?ev; separator=" ") AS ?evidence)
                WHERE {{ <{e}> rdfs:label ?label ; prov:wasDerivedFrom ?doc .
                  ?doc dcterms:identifier ?id . OPTIONAL {{ ?doc dcterms:publisher ?src }}
                  OPTIONAL {{ <{e}> ckg:evidence ?ev }} }} GROUP BY ?label ?doc ?id ?src"""
            )
            i = info[0] if info else {}
            sides.append(
                {
                    "report": e,
                    "label": str(i.get("label") or ""),
                    "document": str(i.get("id") or ""),
                    "source": str(i.get("src") or ""),
                    "evidence": str(i.get("evidence") or ""),
                }
            )
        feats = store.select(
            f"""SELECT ?f ?level ?w WHERE {{ GRAPH {g} {{
                <{d["decision"]}> ckg:featureComparison ?x .
                ?x ckg:feature ?f ; ckg:level ?level ; ckg:matchWeight ?w }} }} ORDER BY ?f"""
        )
        out.append(
            {
                **d,
                "left": sides[0],
                "right": sides[-1],
                "features": [(str(f["f"]), str(f["level"]), float(f["w"])) for f in feats],
            }
        )
    return out
