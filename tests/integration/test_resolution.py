"""Cross-document resolution on reports we wrote: one suicide bombing told by three outlets
with different tolls and wording, and a shooting in the same city on the same day
(kg/resolution, through extraction and the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import kg
from kg.resolution import resolve
from kg.resolution.judgements import record_judgement
from kg.resolution.run import changes

REPORTS = [
    {
        "id": "wire-a",
        "source": "Frontier Post",
        "published": "2024-03-12",
        "text": "QUETTA: A suicide bomber blew himself up at the main bus station in Quetta on "
        "Tuesday morning, killing 14 people and wounding 30 others, police said. Most of "
        "the dead were passengers waiting for buses to Karachi.",
    },
    {
        "id": "wire-b",
        "source": "Balochistan Daily",
        "published": "2024-03-12",
        "text": "At least 16 people were killed when a suicide bomber detonated his explosives "
        "among passengers at the Quetta bus station on Tuesday, a hospital official said. "
        "Dozens were wounded in the blast.",
    },
    {
        "id": "wire-c",
        "source": "Asia Wire",
        "published": "2024-03-13",
        "text": "Nineteen people were killed in the suicide bombing at the bus station in Quetta "
        "on Tuesday, officials said on Wednesday, as rescuers searched the wreckage of the "
        "waiting hall.",
    },
    {
        "id": "wire-d",
        "source": "Frontier Post",
        "published": "2024-03-12",
        "text": "QUETTA: Two shopkeepers were shot dead by gunmen in the main market of Quetta on "
        "Tuesday evening, police said. The attackers fled on a motorcycle.",
    },
]

FOLLOW_UP = {
    "id": "wire-e",
    "source": "Quetta Times",
    "published": "2024-03-14",
    "text": "Twenty people were killed in the suicide bombing at the Quetta bus station on "
    "Tuesday, the provincial health department said on Thursday. Most of the victims "
    "were passengers.",
}

RESOLVED = """SELECT ?r ?n ?sources ?status ?best ?low ?high WHERE {
  ?r a ckg:ResolvedEvent ; ckg:reportCount ?n ; ckg:sourceCount ?sources ;
     ckg:resolutionStatus ?status .
  FILTER NOT EXISTS { ?r ckg:retired ?t }
  OPTIONAL { ?r ckg:fatalitiesBest ?best ; ckg:fatalitiesLow ?low ; ckg:fatalitiesHigh ?high }
} ORDER BY DESC(?n)"""


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _resolved(store: Any) -> list[dict[str, Any]]:
    return [
        {k: (str(v) if v is not None else None) for k, v in r.items()}
        for r in store.select(RESOLVED)
    ]


def test_three_outlets_one_bombing_and_a_shooting_the_same_day(
    tmp_path: Path, extractor: Any
) -> None:
    store = kg.open(tmp_path / "store")
    kg.ingest(store, [_write(tmp_path / "r.jsonl", REPORTS)], extractor=extractor)
    resolve(store)
    rows = _resolved(store)
    assert [r["n"] for r in rows] == ["3", "1"]
    bombing = rows[0]
    assert bombing["status"].endswith("#Corroborated") and bombing["sources"] == "3"
    # best/low/high over the reports' own figures, each still on its report
    tolls = store.select(
        f"""SELECT ?f WHERE {{ <{bombing["r"]}> ckg:report ?e . ?e ckg:fatalities ?f }}"""
    )
    figures = sorted(int(t["f"]) for t in tolls)
    assert len(figures) == 3
    assert (int(bombing["low"]), int(bombing["high"])) == (figures[0], figures[-1])
    assert int(bombing["best"]) == figures[1]
    # each report is owl:sameAs its resolved event, and the decision says why
    assert store.query(f"ASK {{ ?e owl:sameAs <{bombing['r']}> ; prov:wasDerivedFrom ?d }}")
    assert store.query(
        f"""ASK {{ <{bombing["r"]}> ckg:matchDecision ?m . ?m ckg:featureComparison ?f .
              ?f ckg:feature "date" ; ckg:level "same day" }}"""
    )
    store.close()


def test_ids_stay_judgements_win_and_survive_reingest(tmp_path: Path, extractor: Any) -> None:
    store = kg.open(tmp_path / "store")
    kg.ingest(store, [_write(tmp_path / "a.jsonl", REPORTS)], extractor=extractor)
    first = resolve(store, now="2024-03-12T12:00:00+00:00")
    assert first.created == 2
    before = {r["r"] for r in _resolved(store)}
    # a fourth outlet's report arrives: the bombing keeps its IRI and changes
    kg.ingest(store, [_write(tmp_path / "b.jsonl", [FOLLOW_UP])], extractor=extractor)
    second = resolve(store, now="2024-03-13T12:00:00+00:00")
    after = _resolved(store)
    assert {r["r"] for r in after} == before and (second.created, second.changed) == (0, 1)
    feed = changes(store, "2024-03-13")
    assert [c["change"] for c in feed] == ["changed"]
    # an analyst says the shooting and the bombing are one event: the judgement wins
    bombing, shooting = after[0]["r"], after[1]["r"]
    b_report = str(store.select(f"SELECT ?e {{ <{bombing}> ckg:report ?e }} LIMIT 1")[0]["e"])
    s_report = str(store.select(f"SELECT ?e {{ <{shooting}> ckg:report ?e }}")[0]["e"])
    record_judgement(store, b_report, s_report, "same", "analyst-1", "one attack, two phases")
    resolve(store, now="2024-03-14T12:00:00+00:00")
    assert [r["n"] for r in _resolved(store)] == ["5"]
    merged = changes(store, "2024-03-14")
    assert {c["change"] for c in merged} == {"merged", "changed"}
    # re-ingesting every document keeps the judgement, and so the merge
    kg.ingest(store, [tmp_path / "a.jsonl", tmp_path / "b.jsonl"], extractor=extractor)
    resolve(store, now="2024-03-15T12:00:00+00:00")
    assert [r["n"] for r in _resolved(store)] == ["5"]
    store.close()


def test_an_acled_row_and_the_news_reports_of_it_resolve_to_one_event(
    tmp_path: Path, extractor: Any
) -> None:
    from kg.ingestion.datasets import import_dataset

    store = kg.open(tmp_path / "store")
    kg.ingest(store, [_write(tmp_path / "r.jsonl", REPORTS)], extractor=extractor)
    data = Path(__file__).parent.parent / "data" / "datasets" / "acled.csv"
    import_dataset(store, "acled", data)
    resolve(store)
    groups = store.select(
        """SELECT ?r (GROUP_CONCAT(?id; separator=" ") AS ?docs) WHERE {
             ?r a ckg:ResolvedEvent ; ckg:report ?e . FILTER NOT EXISTS { ?r ckg:retired ?t }
             ?e prov:wasDerivedFrom ?d . ?d dcterms:identifier ?id } GROUP BY ?r"""
    )
    together = sorted(sorted(str(g["docs"]).split()) for g in groups)
    assert ["acled-XYZ1001", "wire-a", "wire-b", "wire-c"] in together
    assert ["acled-XYZ1002", "wire-d"] in together
    assert ["acled-XYZ1003"] in together
    store.close()


def test_reruns_keep_every_report_and_resolved_iri(tmp_path: Path, extractor: Any) -> None:
    store = kg.open(tmp_path / "store")
    src = _write(tmp_path / "r.jsonl", REPORTS)
    kg.ingest(store, [src], extractor=extractor)
    resolve(store)
    reports = "SELECT ?e WHERE { ?e prov:wasDerivedFrom ?d . ?d a ckg:Document }"
    before = {str(r["e"]) for r in store.select(reports)}
    resolved = {r["r"] for r in _resolved(store)}
    kg.ingest(store, [src], extractor=extractor)  # the same input again
    resolve(store)
    assert {str(r["e"]) for r in store.select(reports)} == before
    assert {r["r"] for r in _resolved(store)} == resolved
    # one more sentence in a report: every event read before keeps its IRI
    longer = dict(REPORTS[1])
    longer["text"] = (
        "Police sealed off the area. " + longer["text"] + " A second device was defused later."
    )
    kg.ingest(store, [_write(tmp_path / "b.jsonl", [longer])], extractor=extractor)
    resolve(store)
    assert before <= {str(r["e"]) for r in store.select(reports)}
    assert {r["r"] for r in _resolved(store)} >= resolved
    store.close()
