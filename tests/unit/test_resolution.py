"""Cross-document resolution without the spaCy model: the Splink model on hand-written
reports, clustering with judgements, stable ids, consolidation (kg/resolution)."""

from __future__ import annotations

from kg.resolution.cluster import assign_ids, clusters
from kg.resolution.graph import consolidate
from kg.resolution.model import Pair, score_pairs
from kg.resolution.reports import Report, days

KABUL = "https://w3id.org/conflict-kg/id/kabul"
DAY = days("2024-05-02")


def bombing(n: int, source: str, toll: int, words: list[str]) -> Report:
    return Report(
        f"urn:report:bomb-{n}",
        f"urn:doc:{n}",
        "SuicideBombing",
        source=source,
        published=DAY,
        day=DAY,
        date_precision="day",
        place=KABUL,
        settlement=KABUL,
        fatalities=toll,
        tokens=words,
    )


def reports() -> list[Report]:
    out = [
        bombing(1, "Outlet A", 21, ["checkpoint", "ministry", "motorcycle"]),
        bombing(2, "Outlet B", 24, ["checkpoint", "ministry", "interior"]),
        bombing(3, "Outlet C", 25, ["ministry", "interior", "motorcycle"]),
        Report(
            "urn:report:shooting",
            "urn:doc:4",
            "ArmedAssault",
            source="Outlet A",
            published=DAY,
            day=DAY,
            date_precision="day",
            place=KABUL,
            settlement=KABUL,
            fatalities=2,
            tokens=["shopkeepers", "market"],
        ),
    ]
    # the rest of the store: other incidents on other days and places
    for i in range(40):
        out.append(
            Report(
                f"urn:report:other-{i}",
                f"urn:doc:o{i}",
                "Attack",
                source=f"S{i}",
                published=DAY - 30 - 7 * i,
                day=DAY - 30 - 7 * i,
                date_precision="day",
                place=f"urn:place:{i}",
                fatalities=i % 5,
                tokens=[f"w{i}"],
            )
        )
    return out


def test_same_bombing_joins_and_a_shooting_in_the_same_city_that_day_stays_apart() -> None:
    reps = reports()
    pairs = score_pairs(reps)
    groups = clusters([r.iri for r in reps], pairs, {r.iri: r.day for r in reps})
    multi = [g for g in groups if len(g) > 1]
    assert multi == [["urn:report:bomb-1", "urn:report:bomb-2", "urn:report:bomb-3"]]
    shooting = [p for p in pairs if "urn:report:shooting" in (p.left, p.right)]
    assert all(p.probability < 0.5 for p in shooting)
    best = pairs[0]
    assert dict((f, lv) for f, lv, _ in best.features)["date"] == "same day"


def test_consolidated_tolls_sources_and_status() -> None:
    reps = reports()[:3]
    r = consolidate("urn:incident", reps)
    assert r.fatalities == (24, 21, 25)  # lower median, lowest, highest
    assert (r.sources, r.status, r.cls) == (3, "corroborated", "SuicideBombing")
    far = [*reps[:2], bombing(9, "Outlet D", 90, [])]
    assert consolidate("urn:x", far).status == "contested"
    one_source = [bombing(1, "Outlet A", 21, []), bombing(2, "Outlet A", 22, [])]
    assert consolidate("urn:x", one_source).status == "single source"


def test_judgements_win_over_the_model() -> None:
    strong = Pair("a", "b", 30.0, 1.0, ())
    assert clusters(["a", "b"], [strong], {}, different=[("b", "a")]) == [["a"], ["b"]]
    assert clusters(["a", "b"], [], {}, same=[("a", "b")]) == [["a", "b"]]
    # a chain of strong pairs cannot join what an analyst kept apart
    chain = [Pair("a", "b", 30, 1.0, ()), Pair("b", "c", 30, 1.0, ())]
    assert clusters(["a", "b", "c"], chain, {}, different=[("a", "c")]) == [["a", "b"], ["c"]]


def test_reports_a_fortnight_apart_are_not_chained_into_one_incident() -> None:
    chain = [Pair("a", "b", 30, 1.0, ()), Pair("b", "c", 30, 1.0, ())]
    d = {"a": 0, "b": 6, "c": 12}
    assert clusters(["a", "b", "c"], chain, d) == [["a", "b"], ["c"]]


def test_resolved_ids_survive_new_reports_and_merges_leave_a_redirect() -> None:
    first = assign_ids([["e1", "e2"], ["e3"]], {}, "id/")
    prev = {"e1": first.iris[0], "e2": first.iris[0], "e3": first.iris[1]}
    later = assign_ids([["e1", "e2", "e4"], ["e3"]], prev, "id/")
    assert later.iris == first.iris and later.new == [] and not later.merged
    merged = assign_ids([["e1", "e2", "e3", "e4"]], prev, "id/")
    assert merged.iris == [first.iris[0]]
    assert merged.merged == {first.iris[1]: first.iris[0]}
    gone = assign_ids([["e1", "e2"]], prev, "id/")
    assert gone.deleted == [first.iris[1]]


def test_an_arrest_is_not_the_attack_it_follows_unless_an_analyst_says_so() -> None:
    strong = [Pair("attack", "arrest", 30, 1.0, ())]
    kinds = {"attack": "violent", "arrest": "other"}
    assert clusters(["arrest", "attack"], strong, {}, kinds=kinds) == [["arrest"], ["attack"]]
    judged = clusters(["arrest", "attack"], [], {}, kinds=kinds, same=[("attack", "arrest")])
    assert judged == [["arrest", "attack"]]
