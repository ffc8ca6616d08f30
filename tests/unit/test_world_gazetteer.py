"""The world gazetteer, the actor authority and toponym resolution, without a trained model
(a blank English pipeline: no NER, so only the gazetteer and the locative rules read places)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.errors import KGError
from kg.extract.authority import authority_entries
from kg.extract.gazetteer import Gazetteer, read_entries
from kg.geo.precision import geo_precision
from kg.geo.toponyms import gazetteer_spans, km, resolve
from kg.records import Article, EntityRecord, EventRecord, Extraction, Span

DATA = Path(__file__).resolve().parents[2] / "kg" / "extract" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def places(nlp, gaz: Gazetteer, text: str) -> dict[str, str]:
    doc = nlp(text)
    spans = gazetteer_spans(doc, gaz)
    picks = resolve(doc, spans, gaz)
    return {doc[a:b].text: c.id for (a, b), c in picks.items()}


# ---------------------------------------------------------------- the data


def test_the_world_has_a_hundred_thousand_places_with_coordinates(gaz: Gazetteer) -> None:
    assert gaz.world is not None and gaz.world.count() >= 100_000
    countries = gaz.world.countries()
    assert len(countries) >= 240
    for cc, (ident, _label) in countries.items():
        e = gaz[ident]
        assert e.lat is not None and -90 <= e.lat <= 90, cc
        assert e.lon is not None and -180 <= e.lon <= 180, cc


def test_curated_places_keep_their_ids_and_take_geonames_data(gaz: Gazetteer) -> None:
    kabul = gaz["kabul-city"]
    assert kabul.geonameid == 1138958 and kabul.kind == "place"
    assert km((kabul.lat, kabul.lon), (34.528, 69.172)) < 5
    # merged, never duplicated: GeoNames' Kabul has no second id
    assert gaz.world.by_geonameid(1138958) == "kabul-city"
    assert "kabul-city" in gaz.lookup("کابل")  # its Persian name came with it
    assert gaz.ancestors("af-wardak-chak") == ["af-wardak", "afghanistan"]
    assert gaz["af-wardak-chak"].lat is not None


def test_places_have_hierarchy_and_admin_codes(gaz: Gazetteer) -> None:
    t = gaz["pk-turbat-1163054"]
    assert t.country == "pakistan" and t.admin1 == "pakistan-balochistan"
    assert t.country_code == "PK" and t.feature_code.startswith("PPL")
    assert gaz.depth("pk-turbat-1163054") == 3  # Kech district, Balochistan, Pakistan


def test_junk_alternate_names_are_not_indexed(gaz: Gazetteer) -> None:
    # GeoNames lists "KBL" (an airport code) and "kabl" (a transliteration) for Kabul
    assert "kabul-city" not in gaz.lookup("KBL")
    assert "kabul-city" not in (gaz.world.lookup_keys(["kabl"]).get("kabl") or set())


def test_a_name_looked_up_again_gives_the_same_places_and_a_caller_cannot_change_them(
    gaz: Gazetteer,
) -> None:
    # the index keeps the keys it has looked up in memory; each answer is the caller's own
    world = gaz.world
    assert world is not None
    first = world.lookup_keys(["turbat", "no such place xq"])
    assert "turbat" in first and "no such place xq" not in first
    first["turbat"].add("somewhere-else")
    again = world.lookup_keys(["turbat", "no such place xq"])
    assert "somewhere-else" not in again["turbat"]
    assert again["turbat"] == first["turbat"] - {"somewhere-else"}
    assert "no such place xq" not in again


# ---------------------------------------------------------------- the actor authority


def test_the_authority_holds_a_thousand_actors(gaz: Gazetteer) -> None:
    actors = [e for e in gaz.entries.values() if not e.is_place]
    assert len(actors) >= 1000
    assert gaz["isis-k"].relations["affiliateOf"] == ["isis"]
    assert gaz["isis-k"].label == "ISIS-K"  # the curated label stays
    assert {"islamic-emirate"} == gaz.lookup("Taliban") & set(gaz.entries)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Nigerian troops", "Military Forces of Nigeria"),
        ("the Somali police", "Police Forces of Somalia"),
        ("Kenyan government", "Government of Kenya"),
        ("Burkinabe soldiers", "Military Forces of Burkina Faso"),
        ("Tatmadaw", "Military Forces of Myanmar"),
        ("Malian army", "Military Forces of Mali"),
        ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ],
)
def test_state_forces_and_groups_by_their_usual_names(
    gaz: Gazetteer, name: str, label: str
) -> None:
    assert [gaz[i].label for i in gaz.lookup(name) if i in gaz.entries] == [label]


def test_a_curated_organization_the_authority_calls_a_state_force_is_one(gaz: Gazetteer) -> None:
    # "Pakistani security forces killed six militants": the forces of a state, whose dead
    # and deeds count as a state's (ACLED's state forces)
    assert gaz["pakistan-army"].types == ("StateForce",)
    assert gaz["anp"].types == ("StateForce",)  # police: a state force too
    assert gaz["isaf"].types == ("Organization",)  # a coalition, no state's own: as curated


HEADER = "id\tlabel\tkind\tcountry\taliases\trelations\tactive\tqid\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("grp-a\tGroup A\trebel\tNG\tISWAP\t\t\t\n", "'ISWAP' belongs to both"),
        ("grp-a\tGroup A\trebel\tNG\t\taffiliateOf:nobody\t\t\n", "no actor 'nobody'"),
        ("grp-a\tGroup A\trebel\tNG\t\t\t\tQ12x\n", "malformed Wikidata id 'Q12x'"),
        ("grp-a\tGroup A\tgang\tNG\t\t\t\t\n", "unknown kind 'gang'"),
        ("grp-a\tGroup A\trebel\tXX\t\t\t\t\n", "unknown country code 'XX'"),
        ("grp-a\tGroup A\trebel\tNG\t\t\t2020-2010\t\n", "end before they start"),
    ],
)
def test_a_bad_authority_line_is_an_error_naming_it(
    gaz: Gazetteer, tmp_path: Path, line: str, message: str
) -> None:
    f = tmp_path / "authority.tsv"
    f.write_text(
        HEADER + "iswap\tIslamic State West Africa Province\trebel\tNG\tISWAP\t\t\t\n" + line
    )
    curated = {e.id: e for e in read_entries(DATA / "actors.json")}
    with pytest.raises(KGError, match=message) as err:
        authority_entries(curated, gaz.world.countries(), path=f)
    assert "grp-a" in str(err.value) or "Group A" in str(err.value) or "'ISWAP'" in str(err.value)


# ---------------------------------------------------------------- toponym resolution


def test_a_place_named_with_its_container_lies_in_it(nlp, gaz: Gazetteer) -> None:
    got = places(nlp, gaz, "Gunmen attacked a market in Turbat, Balochistan, on Monday.")
    assert got == {"Turbat": "pk-turbat-1163054", "Balochistan": "pakistan-balochistan"}


def test_the_container_decides_between_two_places_of_one_name(nlp, gaz: Gazetteer) -> None:
    sindh = places(nlp, gaz, "A blast hit a bus in Hyderabad, Sindh, killing four.")
    india = places(nlp, gaz, "A blast hit a bus in Hyderabad, Telangana, killing four.")
    assert gaz[sindh["Hyderabad"]].country == "pakistan"
    assert gaz[india["Hyderabad"]].country == "india"


def test_the_country_named_elsewhere_decides(nlp, gaz: Gazetteer) -> None:
    got = places(nlp, gaz, "Troops clashed with militants in Hyderabad. Pakistan said ten died.")
    assert gaz[got["Hyderabad"]].country == "pakistan"


def test_a_bare_name_shared_by_a_city_and_its_province_is_the_city(nlp, gaz: Gazetteer) -> None:
    assert gaz[places(nlp, gaz, "Rockets fell on Kandahar overnight.")["Kandahar"]].kind == "place"
    got = places(nlp, gaz, "Fighting spread across Kandahar province.")
    assert gaz[got["Kandahar province"]].kind == "admin1"


def test_an_ambiguous_name_without_context_goes_to_the_likeliest_with_less_confidence(
    nlp, gaz: Gazetteer
) -> None:
    doc = nlp("Protesters gathered in Tripoli.")
    spans = gazetteer_spans(doc, gaz)
    (choice,) = resolve(doc, spans, gaz).values()
    assert gaz[choice.id].country == "libya" and choice.confidence < 0.95


def test_capitalised_common_words_are_not_places(nlp, gaz: Gazetteer) -> None:
    got = places(nlp, gaz, "Police said on Monday that March was calm. Most of them left.")
    assert got == {}


# ---------------------------------------------------------------- geo-precision


def _event_at(e: EntityRecord, text: str) -> int | None:
    x = Extraction(Article(id="d", text=text))
    x.entities[e.key] = e
    ev = EventRecord(
        "e1",
        ("Attack",),
        "attack",
        roles={"location": [e.key]},
        evidence=[Span(0, len(text), text)],
    )
    return geo_precision(ev, x, text)


def test_geo_precision_codes() -> None:
    def town(text: str) -> EntityRecord:
        at = text.index("Turbat")
        return EntityRecord(
            "t", "Turbat", ("Settlement",), is_place=True, lat=26.0, lon=63.0, feature="place",
            mentions=[Span(at, at + 6, "Turbat")],
        )  # fmt: skip

    assert _event_at(town("A blast in Turbat."), "A blast in Turbat.") == 1
    assert _event_at(town("A blast near Turbat."), "A blast near Turbat.") == 2
    prov = EntityRecord(
        "b", "Balochistan", ("AdminRegion",), is_place=True, lat=28.5, lon=66.3, feature="admin1"
    )
    assert _event_at(prov, "A blast in Balochistan.") == 3
