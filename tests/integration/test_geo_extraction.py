"""Places read by the real model: GeoNames entries with coordinates, containers, geo-precision
and the map's points, on reports written for these tests (invented incidents, real places)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.geo.toponyms import km
from kg.records import Article

pytestmark = pytest.mark.slow


def located(extractor: Any, text: str, published: str = "2023-05-02") -> tuple[Any, dict]:
    x = extractor.extract(Article(id="t", text=text, published=published))
    ev = next(e for e in x.events if e.roles.get("location"))
    return ev, x.entities[ev.roles["location"][0]]


@pytest.mark.parametrize(
    ("text", "where", "precision"),
    [
        (
            "Gunmen opened fire on a bus in Maiduguri, Borno state, on Monday, killing four passengers.",
            (11.846, 13.157),
            1,
        ),
        ("A roadside bomb killed two soldiers near Gao, Mali, on Sunday.", (16.272, -0.044), 2),
        (
            "An air strike killed three people in Idlib province on Friday, witnesses said.",
            None,
            3,
        ),
    ],
)
def test_events_get_the_place_coordinates_and_precision(
    extractor: Any, text: str, where: tuple[float, float] | None, precision: int
) -> None:
    ev, place = located(extractor, text)
    assert place.lat is not None and place.lon is not None
    if where is not None:
        assert km((place.lat, place.lon), where) < 25, place
    assert ev.geo_precision == precision, (ev, place)


def test_a_place_the_gazetteer_lacks_takes_its_container(extractor: Any) -> None:
    x = extractor.extract(
        Article(
            id="t",
            text="Militants attacked Spinwarai village, Khost province, on Tuesday, killing three men.",
            published="2023-05-02",
        )
    )
    village = next(e for e in x.entities.values() if e.label.startswith("Spinwarai"))
    assert ("locatedIn", "af-khost") in village.relations
    assert (village.lat, village.lon) == (x.entities["af-khost"].lat, x.entities["af-khost"].lon)


def test_a_town_named_like_a_town_elsewhere_follows_the_country_of_the_report(
    extractor: Any,
) -> None:
    _ev, place = located(
        extractor,
        "Pakistani troops killed five militants in a raid in Hyderabad on Saturday, "
        "the army said. Pakistan has seen a rise in attacks.",
    )
    assert place.key.startswith("pk-"), place


def test_a_town_before_its_district_in_brackets_is_a_place_whatever_the_model_tags(
    extractor: Any,
) -> None:
    # the monitors' "town (district, province)": the small model tags some such towns as people
    ev, place = located(
        extractor,
        "On 5 March 2024, Ukrainian forces shelled Horlivka (Donetsk), killing two civilians.",
    )
    assert place.label == "Horlivka" and place.lat is not None, place
    victims = {k for k in ev.roles.get("victim", [])}
    assert place.key not in victims, ev.roles


def test_a_name_before_a_party_tag_in_brackets_stays_a_name(extractor: Any) -> None:
    text = "Thompson (R-Miss.) condemned the attack on the school in Jackson, Mississippi."
    x = extractor.extract(Article(id="t", text=text, published="2023-05-02"))
    assert not any(e.label == "Thompson" and e.lat is not None for e in x.entities.values())


def test_a_compass_region_written_as_one_word_is_that_region(extractor: Any) -> None:
    # Cameroon's "South-West" region, written "Southwest": never a place of another country
    text = "02/20/2024: Assailants set fire to a school in Kumba, Southwest region, Cameroon."
    x = extractor.extract(Article(id="t", text=text, published="2024-02-21"))
    places = {k for e in x.events for k in e.roles.get("location", [])}
    assert places and all(k.startswith("cm-") for k in places), places


def test_a_name_with_the_arabic_article_written_with_an_e_is_found(extractor: Any) -> None:
    # "Deir ez-Zor", "Ras el-Ain": the article's forms with an e join a name as "al" does
    text = "Three fighters were killed in clashes near Raqqa and Deir ez-Zor on Monday."
    x = extractor.extract(Article(id="t", text=text, published="2023-05-02"))
    (ev,) = x.events
    places = [x.entities[k] for k in ev.roles["location"]]
    assert {p.label for p in places} == {"Ar Raqqah", "Deir ez-Zor"}
    assert all(p.lat is not None for p in places)


def test_a_name_joined_to_a_place_is_a_place_whatever_the_model_tags(extractor: Any) -> None:
    text = "Troops detained 14 suspects in Maiduguri and Damaturu on Tuesday."
    x = extractor.extract(Article(id="t", text=text, published="2023-05-02"))
    (ev,) = x.events
    assert {x.entities[k].label for k in ev.roles["location"]} == {"Maiduguri", "Damaturu"}
    assert all(k.startswith("ng-") for k in ev.roles["location"])  # both in Nigeria


def test_a_place_told_with_its_division_word_is_the_division_known_by_its_name(
    extractor: Any,
) -> None:
    # "Zorkot village" (the gazetteer's Zor Kot, in Khost), "Sulu province" (the province
    # Sulu): known by the name alone; and a namesake elsewhere is no island in Sulu
    x = extractor.extract(
        Article(
            id="t",
            text="Militants attacked Zorkot village, Khost province, on Tuesday, killing three men.",
            published="2023-05-02",
        )
    )
    (e,) = x.events
    assert e.roles["location"][0] == "af-zor-kot-1120471"
    text = "Gunmen abducted two fishermen off Pata island, Sulu province, on Friday."
    x = extractor.extract(Article(id="t", text=text, published="2023-05-02"))
    (e,) = x.events
    place = x.entities[e.roles["location"][0]]
    assert place.label == "Pata" and place.key != "ph-pata-1694477"
    assert ("locatedIn", "ph-autonomous-region-in-muslim-mindanao-sulu") in place.relations
