"""The extraction rules on sentences we wrote, with their parse frozen (no trained model):
each test states what an analyst reading the sentence would code."""

from __future__ import annotations

import pytest

from kg.records import EventRecord, Extraction
from tests.unit.extract.parsed import read
from tests.unit.extract.reading import incidents, is_a, kinds, labels, only, statements, towns


def deaths(e: EventRecord) -> tuple[int | None, int | None, int | None]:
    assert e.fatalities is not None, e
    return e.fatalities.best, e.fatalities.min, e.fatalities.max


# ---------------------------------------------------------------- who did it, who says so


def test_a_group_whose_fighters_attack_is_the_perpetrator() -> None:
    x = read("named_group_attacks")
    e = only(x)
    assert labels(x, e, "perpetrator") == {"Lashkar-e-Zarbat"}
    # an unknown name typed by what it does: an armed group, not a place
    assert x.entities[e.roles["perpetrator"][0]].types == ("ArmedGroup",)


def test_sources_attributing_an_attack_make_an_attribution_not_a_perpetrator() -> None:
    x = read("sources_attribute")
    e = only(x)
    assert "perpetrator" not in e.roles
    assert labels(x, e, "allegedPerpetrator") == {"Islamic Emirate"}  # the Taliban
    (att,) = statements(x, "Attribution")
    assert att.about == [e.key] and att.roles["attributedTo"] == e.roles["allegedPerpetrator"]
    assert "speaker" not in att.roles  # unnamed sources
    assert not statements(x, "ClaimOfResponsibility")  # "no group claimed" is no claim


def test_a_claim_with_no_object_is_about_the_attack_before_it() -> None:
    x = read("claim_without_object")
    e = only(x)
    (claim,) = statements(x, "ClaimOfResponsibility")
    assert claim.about == [e.key]
    assert e.roles["claimedBy"] == claim.roles["speaker"]
    assert {s.lower() for s in labels(x, claim, "speaker")} == {"al-shabaab"}


def test_a_long_name_in_the_authority_is_one_actor() -> None:
    # names longer than any place name (nine words, hyphenated) are still read whole
    x = read("long_actor_name")
    e = only(x)
    assert labels(x, e, "victim") == {"MINUSMA"}
    assert labels(x, e, "claimedBy") == {"Jama'at Nusrat al-Islam wal-Muslimin"}
    # "..., Kidal region, Mali": the country after a region and a comma is a place
    assert [ent.types for ent in x.entities.values() if ent.label == "Mali"] == [
        ("Country", "State")
    ]


def test_the_site_a_part_belongs_to_is_the_target() -> None:
    x = read("site_part")
    targets = {t for e in incidents(x) for t in labels(x, e, "target")}
    assert {t.split(" in ")[0] for t in targets} == {"bakery", "police station"}


def test_a_spokesman_saying_they_did_it_claims_it_for_the_group() -> None:
    x = read("spokesperson_claims_they_did")
    e = only(x)
    assert labels(x, e, "claimedBy") == {"Islamic Emirate"}  # the Taliban, not the man
    (claim,) = statements(x, "ClaimOfResponsibility")
    assert labels(x, claim, "speaker") == {"Ahmad Karimi"} and claim.about == [e.key]


def test_a_statement_issued_denying_is_a_denial_by_its_issuer() -> None:
    x = read("statement_issued_denying")
    e = only(x)
    assert labels(x, e, "deniedBy") == {"ETA"}
    (denial,) = statements(x, "Denial")
    assert labels(x, denial, "speaker") == {"ETA"} and denial.about == [e.key]


def test_she_said_is_said_by_the_person_named_last() -> None:
    x = read("he_said")
    (st,) = statements(x, "Statement")
    assert labels(x, st, "speaker") == {"Olena Marchenko"}


def test_a_doer_named_inside_someone_elses_words_is_alleged() -> None:
    x = read("reported_words")
    e = only(x)
    assert "perpetrator" not in e.roles
    assert labels(x, e, "allegedPerpetrator") == {"Islamic Emirate"}
    assert statements(x, "Attribution")


def test_an_actor_that_says_it_struck_claims_the_strike() -> None:
    x = read("says_it_struck")
    e = only(x)
    assert is_a(e, "AirStrike")
    assert labels(x, e, "claimedBy") == {"Israel Defense Forces"}
    assert "perpetrator" not in e.roles


def test_unnamed_gunmen_are_the_unidentified_armed_group_of_the_country() -> None:
    x = read("no_date_in_text")
    e = only(x)
    assert labels(x, e, "perpetrator") == {"Unidentified Armed Group (Pakistan)"}
    group = x.entities[e.roles["perpetrator"][0]]
    assert group.types == ("UnidentifiedArmedGroup",) and not group.named
    assert "gunmen" in group.aliases  # what the text called them


# ---------------------------------------------------------------- the most specific class


def test_a_shooting_of_customers_is_an_attack_on_civilians() -> None:
    assert only(read("shooting_civilians")).types[0] == "AttackOnCivilians"


def test_an_ambush_on_soldiers_is_an_armed_assault() -> None:
    assert only(read("ambush_soldiers")).types[0] == "ArmedAssault"


def test_a_building_attacked_is_the_target() -> None:
    x = read("named_group_attacks")
    e = only(x)
    assert e.types[0] == "ArmedAssault"
    # the site is named by its place (GeoNames spells it Kupwāra)
    (place,) = labels(x, e, "location")
    assert labels(x, e, "target") == {f"police post in {place}"}
    assert place.startswith("Kupw")


def test_shelling_is_typed_by_its_weapon() -> None:
    x = read("shelling")
    e = only(x)
    assert e.types[0] == "ShellingOrMissileAttack"
    assert labels(x, e, "perpetrator") == {"Military Forces of Russia"}


def test_how_a_claim_says_the_attack_was_done_types_it() -> None:
    # the parser splits "saying two operatives wearing ... staged the attack" into two
    # clauses of the statement: the suicide belts still tell the kind of attack
    x = read("suicide_belts_in_the_claim")
    e = only(x)
    assert e.types[0] == "SuicideBombing"
    assert labels(x, e, "claimedBy") == {"Boko Haram"}


def test_a_drone_strike_is_a_drone_strike() -> None:
    assert only(read("drone")).types[0] == "DroneStrike"


def test_a_roadside_bomb_is_a_remote_explosive() -> None:
    assert only(read("sources_attribute")).types[0] == "RemoteExplosiveAttack"


def test_a_suicide_bomber_who_dies_is_counted() -> None:
    e = only(read("suicide"))
    assert e.types[0] == "SuicideBombing"
    assert deaths(e)[0] == 4  # three policemen and the bomber (GTD's and ACLED's convention)


def test_a_peaceful_march_is_a_peaceful_protest() -> None:
    assert only(read("peaceful_protest")).types[0] == "PeacefulProtest"


def test_tear_gas_makes_a_protest_with_intervention_not_an_attack() -> None:
    e = only(read("protest_tear_gas"))
    assert e.types[0] == "ProtestWithIntervention"


def test_a_truce_is_one_agreement() -> None:
    e = only(read("truce"))
    assert e.types[0] == "Agreement"


def test_troops_entering_without_a_fight_transfer_territory() -> None:
    x = read("no_fight")
    e = only(x)
    assert e.types[0] == "NonViolentTerritoryTransfer"
    assert labels(x, e, "perpetrator") == {"Military Forces of Russia"}
    assert labels(x, e, "location") == {"Nova Kakhovka"}  # the place entered


def test_a_place_passed_through_is_the_location() -> None:
    x = read("passed_through")
    e = only(x)
    (place,) = labels(x, e, "location")  # the district (its province is where it lies)
    assert place.startswith("Chak")


def test_a_new_camp_is_a_base_established() -> None:
    assert only(read("new_camp")).types[0] == "BaseEstablished"


def test_a_defused_device_is_disrupted_weapons_use_not_a_bombing() -> None:
    e = only(read("defused"))
    assert e.types[0] == "DisruptedWeaponsUse"


def test_shops_looted_and_burned_with_no_one_hurt_are_property_destruction() -> None:
    assert only(read("looted")).types[0] == "LootingOrPropertyDestruction"


def test_forces_recapturing_a_town_regain_territory() -> None:
    assert only(read("recaptured")).types[0] == "TerritoryRegained"


# ---------------------------------------------------------------- counts


def test_at_least_has_no_upper_bound() -> None:
    assert deaths(only(read("at_least"))) == (12, 12, None)


def test_up_to_has_no_lower_bound() -> None:
    assert deaths(only(read("up_to"))) == (30, None, 30)


def test_more_than_at_the_start_of_a_sentence() -> None:
    assert deaths(only(read("more_than"))) == (13, 13, None)


def test_between_two_numbers_is_a_range() -> None:
    assert deaths(only(read("between"))) == (10, 10, 15)


def test_two_dozen_is_twenty_four() -> None:
    assert deaths(only(read("two_dozen")))[0] == 24


def test_coordinated_victims_add_up() -> None:
    assert deaths(only(read("soldiers_and_attackers")))[0] == 10


def test_the_commander_and_his_daughter_are_two() -> None:
    assert deaths(only(read("commander_and_daughter")))[0] == 2


def test_himself_two_policemen_and_a_child_are_four() -> None:
    e = only(read("himself_and_others"))
    assert deaths(e)[0] == 4  # the bomber is already in the count: not added again


def test_more_than_as_an_object_and_a_time_zone_is_no_actor() -> None:
    x = read("more_than_wounded")
    e = only(x)
    assert e.injured is not None and (e.injured.best, e.injured.max) == (281, None)
    assert not any("GMT" in ent.label for ent in x.entities.values())


# ---------------------------------------------------------------- dates


def test_a_leading_numeric_date_dates_the_story() -> None:
    e = only(read("leading_date_ambiguous"))
    # 09/01/2021 published 5 September: the 1st of September, not the 9th of January
    assert e.date is not None and (e.date.value, e.date.basis) == ("2021-09-01", "dateline")


def test_no_date_in_the_text_takes_the_publication_date_marked_as_such() -> None:
    e = only(read("no_date_in_text"))
    assert e.date is not None and (e.date.value, e.date.basis) == ("2023-11-02", "publication")


def test_last_tuesday_said_on_a_tuesday_is_the_week_before() -> None:
    e = only(read("last_tuesday"))  # published Tuesday 9 January 2024
    assert e.date is not None and e.date.value == "2024-01-02"


def test_a_date_inside_the_lead_sentence_heads_nothing() -> None:
    # a date in the middle of the first sentence is the event's, not a dateline that would
    # cut off the words before it
    x = read("date_inside_the_lead")
    e = only(x)
    assert e.date is not None and (e.date.value, e.date.basis) == ("2024-01-27", "text")
    assert towns(x, e) == {"Tessit"}
    assert deaths(e) == (2, 2, 2)


def test_a_precedent_is_its_own_event_with_its_own_date_and_no_borrowed_place() -> None:
    x = read("precedent_date")
    by_date = {e.date.value: e for e in incidents(x) if e.date is not None}
    assert set(by_date) == {"2024-01-03", "2020"}
    assert deaths(by_date["2024-01-03"])[0] == 20
    assert "location" not in by_date["2020"].roles  # Kerman is where the bombing was


# ---------------------------------------------------------------- one event per incident


def test_a_roundup_gives_one_event_per_town_and_no_summary_event() -> None:
    x = read("roundup")
    found = incidents(x)
    places = set().union(*(towns(x, e) for e in found))
    assert len(found) == 3 and places == {"Konduga", "Bama", "Gwoza"}, found
    classes_by_place = {towns(x, e).pop(): e.types[0] for e in found}
    assert classes_by_place == {
        "Konduga": "AttackOnCivilians",
        "Bama": "RemoteExplosiveAttack",
        "Gwoza": "SuicideBombing",
    }


def test_a_participle_on_the_subject_tells_the_same_event() -> None:
    x = read("participle_on_subject")
    events = incidents(x)
    assert len(events) == 2
    (grenade,) = [e for e in events if e.injured is not None]
    assert grenade.types[0] == "GrenadeAttack" and grenade.injured.best == 3
    assert {t.split(" in ")[0] for t in labels(x, grenade, "target")} == {"bank"}
    assert grenade.fatalities is None  # the bus driver died in the other attack


def test_the_blast_site_refers_to_the_blast() -> None:
    x = read("scene_noun")
    e = only(x)
    assert len(e.evidence) == 2  # both sentences tell of the one explosion


def test_people_who_suffered_injuries_are_the_blasts_injured() -> None:
    e = only(read("suffered_injuries"))
    assert e.injured is not None and e.injured.best == 9


def test_a_blast_and_its_toll_are_one_event() -> None:
    e = only(read("blast_and_toll"))
    assert deaths(e)[0] == 4 and e.injured is not None and e.injured.best == 6


def test_a_copula_between_two_event_nouns_tells_one_event() -> None:
    x = read("copula_equates_events")
    e = only(x)
    assert is_a(e, "Bombing")
    assert e.date is not None and e.date.value == "1998-03-03"
    assert labels(x, e, "location") == {"office in Jalalabad"}  # the site, in the town
    assert "Jalalabad" in towns(x, e)


def test_after_an_em_dash_dateline_gunmen_are_doers_and_the_city_is_the_place() -> None:
    x = read("em_dash_dateline")
    e = only(x)
    assert labels(x, e, "perpetrator") == {"Unidentified Armed Group (Afghanistan)"}
    assert labels(x, e, "location") == {"Asadabad"}
    assert not any(ent.is_place and ent.label == "Gunmen" for ent in x.entities.values())


def test_what_no_one_claimed_and_a_bomb_defused_before_it_exploded_are_no_events() -> None:
    x = read("no_one_claimed_a_defused_bomb")
    assert not statements(x, "ClaimOfResponsibility")  # "no group claimed": nobody did
    e = only(x)  # the defusing; the explosion it prevented did not happen
    assert is_a(e, "DisruptedWeaponsUse")
    assert not any(is_a(ev, "Bombing") for ev in x.events)


def test_capturing_a_town_changes_territory_and_capturing_people_is_an_arrest() -> None:
    x = read("captured_the_town_of")
    takeover = [e for e in incidents(x) if is_a(e, "TerritoryTakeover")]
    assert len(takeover) == 1 and labels(x, takeover[0], "location") == {"Kalabo"}
    arrests = [e for e in incidents(x) if is_a(e, "Arrest")]
    assert len(arrests) == 1 and "Mongu" in labels(x, arrests[0], "location")


def test_a_town_the_parser_takes_for_a_second_subject_is_what_was_recaptured() -> None:
    x = read("recaptured_x_town")
    e = only(x)
    assert is_a(e, "TerritoryRegained")
    assert labels(x, e, "location") == {"Kalabo"}


def test_a_weekday_that_begins_a_name_is_not_the_events_day() -> None:
    e = only(read("weekday_in_a_name"))
    assert e.date is not None and e.date.value == "2023-06-08"  # Thursday, not the Sunday


def test_a_death_toll_that_has_risen_counts_the_attack_it_is_the_toll_of() -> None:
    e = only(read("toll_risen_to"))
    assert deaths(e)[0] == 9


def test_since_a_year_is_no_date_of_the_event() -> None:
    x = read("since_a_year")
    events = incidents(x)
    assert events  # the attack is read; only its date is not "2015"
    for e in events:
        assert e.date is None or not e.date.value.startswith("2015"), e.date


def test_a_countrys_people_in_the_plural_are_its_civilians() -> None:
    x = read("a_countrys_people")
    e = only(x)
    assert labels(x, e, "victim") == {"Civilians (Kenya)"}
    assert deaths(e)[0] == 4


def test_an_outlet_in_a_dateline_reports_and_is_no_suspect() -> None:
    x = read("outlet_dateline")
    e = only(x)
    assert is_a(e, "Abduction")
    doers = {
        k for r in ("perpetrator", "suspectedPerpetrator", "agent") for k in e.roles.get(r, [])
    }
    assert not any(x.entities[k].label == "Reuters" for k in doers), e.roles


def test_the_government_that_blames_is_the_countrys_government() -> None:
    x = read("the_government_blamed")
    blames = [e for e in x.events if is_a(e, "Attribution") or is_a(e, "Accusation")]
    assert blames, [(e.types, e.roles) for e in x.events]
    assert any(
        x.entities[k].label == "Government of Pakistan"
        for e in blames
        for k in e.roles.get("speaker", [])
    ), [(e.types, e.roles) for e in blames]


def test_thousands_of_protesters_are_the_protests_doers() -> None:
    x = read("thousands_of_protesters")
    e = only(x)
    assert is_a(e, "Protest")
    assert labels(x, e, "perpetrator") == {"Protesters (Kenya)"}


def test_deaths_from_illness_are_no_events_of_violence() -> None:
    x = read("deaths_from_illness")
    assert not [e for e in x.events if not is_a(e, "Statement")], [
        (e.types, e.roles) for e in x.events
    ]


def test_a_number_on_a_death_noun_counts_victims_not_parts() -> None:
    x = read("deaths_counted_on_the_noun")
    violent = [e for e in x.events if not is_a(e, "Statement")]
    assert len(violent) == 1, [(e.types, e.label) for e in violent]
    assert deaths(violent[0])[0] == 4


def test_accepting_responsibility_is_a_claim_of_the_attack() -> None:
    x = read("accepted_responsibility")
    e = only(x)
    assert labels(x, e, "claimedBy") == {"Baloch Liberation Army"}, e.roles
    claims = [c for c in x.events if is_a(c, "ClaimOfResponsibility")]
    assert len(claims) == 1 and claims[0].about == [e.key], [(c.types, c.about) for c in claims]


def test_an_unknown_name_that_attacks_is_an_armed_group_and_the_perpetrator() -> None:
    x = read("unknown_name_that_attacks")
    e = only(x)
    doers = e.roles.get("perpetrator", [])
    assert [x.entities[k].label for k in doers] == ["Kivu Patriots"], e.roles
    assert x.entities[doers[0]].types == ("ArmedGroup",)


def test_threats_condemnations_and_appeals_are_statements_of_their_speakers() -> None:
    x = read("threat_condemnation_appeal")
    said = {e.types[0]: labels(x, e, "speaker") for e in x.events if is_a(e, "Statement")}
    assert said.get("Threat") == {"Hizbul Mujahideen"}, said
    assert said.get("Condemnation") == {"United Nations"}, said
    assert said.get("Appeal") == {"United Nations"}, said
    # the threatened attack did not happen; the condemned bombing did, in Herat
    e = only(x)
    assert is_a(e, "Bombing") and labels(x, e, "location") == {"Herat city"}, (e.types, e.roles)


def test_a_verb_of_occurrence_lends_its_place_and_date_to_its_subject_event() -> None:
    x = read("fighting_broke_out")
    e = only(x)
    assert is_a(e, "ArmedClash"), e.types
    assert labels(x, e, "location") == {"Kandahar"}
    assert e.date is not None and e.date.value == "2023-05-01"


def test_bombs_that_began_to_explode_exploded_and_an_alarm_is_no_bomb() -> None:
    x = read("bombs_began_to_go_off")
    e = only(x)
    assert is_a(e, "Bombing") and towns(x, e) == {"Tikrīt"}, (e.types, e.roles)
    assert e.date is not None and e.date.value == "2023-04-29"


def test_a_raid_by_gunmen_is_an_attack_and_the_toll_told_next_is_its_toll() -> None:
    x = read("raid_by_gunmen_then_its_toll")
    e = only(x)
    assert is_a(e, "AttackOnCivilians") and not is_a(e, "SecurityOperation"), e.types
    assert deaths(e)[0] == 7
    assert e.injured is not None and e.injured.best == 9
    blames = [a for a in x.events if is_a(a, "Attribution")]
    assert blames and all(a.about == [e.key] for a in blames), [(a.types, a.about) for a in blames]


def test_shot_dead_counts_the_dead_civilians() -> None:
    x = read("shot_dead_civilians")
    e = only(x)
    assert is_a(e, "AttackOnCivilians"), e.types
    assert deaths(e)[0] == 5


def test_the_site_an_event_noun_targets_or_happens_at_is_its_target() -> None:
    x = read("sites_of_event_nouns")
    found = {towns(x, e).pop(): e for e in incidents(x) if e.roles.get("location")}
    assert set(found) == {"Mombasa", "Garissa"}, [(e.types, e.roles) for e in x.events]
    assert labels(x, found["Mombasa"], "target") == {"pharmacy in Mombasa"}
    assert "restaurant in Garissa" in labels(x, found["Garissa"], "target")


def test_beheadings_and_stabbings_to_death_count_the_dead() -> None:
    x = read("beheaded_and_stabbed_to_death")
    tolls = sorted(deaths(e)[0] or 0 for e in incidents(x))
    assert tolls == [3, 4], [(e.types, e.fatalities) for e in x.events]


def test_people_who_protest_are_the_protests_protesters_never_its_victims() -> None:
    x = read("teachers_protested")
    e = only(x)
    assert is_a(e, "Protest"), e.types
    assert labels(x, e, "perpetrator") == {"Protesters (Honduras)"}, e.roles
    assert not e.roles.get("victim"), e.roles


def test_a_chief_and_clerics_killed_by_gunmen_are_civilians() -> None:
    x = read("chief_killed")
    e = only(x)
    assert is_a(e, "AttackOnCivilians"), e.types
    assert labels(x, e, "victim") == {"Civilians (Cameroon)"}, e.roles
    assert deaths(e)[0] == 3


def test_a_wire_dateline_with_a_date_ends_before_the_first_sentence() -> None:
    x = read("wire_killed_when_shells_hit")
    e = only(x)  # the killing and the shelling told in its "when" clause are one event
    assert is_a(e, "ShellingOrMissileAttack"), e.types
    assert deaths(e)[:2] == (17, 17)
    assert labels(x, e, "location") == {"Omdurman"}, e.roles  # not the dateline's Khartoum
    assert e.date is not None and e.date.value == "2023-06-11"


def test_strikes_that_killed_are_dated_by_the_publication_when_the_text_gives_no_date() -> None:
    x = read("strikes_killed_no_date")
    e = only(x)
    assert e.date is not None and (e.date.value, e.date.basis) == ("2023-06-12", "publication")


def test_a_man_lynched_by_a_mob_is_its_victim_not_its_doer() -> None:
    x = read("lynched_by_a_mob")
    e = only(x)
    assert kinds(x, e, "perpetrator") == [("Rioters",)], e.roles  # the mob
    assert kinds(x, e, "victim") == [("Civilians",)], e.roles


def test_medical_words_do_not_hide_violent_deaths() -> None:
    x = read("violent_deaths_with_medical_words")
    tolls = sorted(deaths(e)[0] or 0 for e in incidents(x) if e.fatalities)
    assert tolls == [1, 5], [(e.types, e.fatalities) for e in x.events]


def test_a_town_captured_and_commanders_captured_are_two_events() -> None:
    x = read("captured_a_town_then_commanders")
    assert any(is_a(e, "TerritoryTakeover") for e in x.events), [e.types for e in x.events]
    assert any(is_a(e, "Arrest") for e in x.events), [e.types for e in x.events]


def test_people_departures_funerals_and_blame_are_no_groups_bombs_tolls_or_claims() -> None:
    x = read("not_armed_groups_not_bombs")
    assert not any(is_a(e, "Bombing") or is_a(e, "ClaimOfResponsibility") for e in x.events)
    assert not any(e.fatalities for e in x.events), [(e.types, e.fatalities) for e in x.events]
    assert not any("ArmedGroup" in ent.types for ent in x.entities.values() if "Musa" in ent.label)


def test_a_chain_of_clauses_telling_one_attack_makes_one_event_the_denial_points_to() -> None:
    x = read("fired_by_then_hit_then_killed")
    e = only(x)  # killed <- when rockets hit <- rockets fired by: one event
    assert deaths(e)[:2] == (12, 12), e.fatalities
    assert labels(x, e, "deniedBy") == {"Rapid Support Forces"}, e.roles


def test_events_gathered_by_a_wave_or_series_take_its_place_and_date() -> None:
    x = read("wave_of_shooting_and_explosions_rocked")
    found = {labels(x, e, "location").pop(): e for e in incidents(x) if e.roles.get("location")}
    assert set(found) == {"Kismayo", "Baidoa"}, [(e.types, e.roles) for e in x.events]
    assert found["Kismayo"].date is not None and found["Kismayo"].date.value == "2023-06-10"
    assert is_a(found["Baidoa"], "Bombing") and deaths(found["Baidoa"])[1] == 6
    assert found["Baidoa"].date is not None and found["Baidoa"].date.value == "2023-06-11"


def test_a_suspicion_with_no_object_is_about_the_property_destroyed_before_it() -> None:
    x = read("suspected_of_arson")
    e = only(x)
    assert is_a(e, "LootingOrPropertyDestruction"), e.types
    assert labels(x, e, "suspectedPerpetrator") == {"Ambazonia Defence Forces"}, e.roles


def test_a_named_street_is_where_a_bombing_happened_and_a_named_hotel_is_also_its_target() -> None:
    x = read("named_street_and_hotel")
    found = {e.date.value: e for e in incidents(x) if e.date is not None}
    bombing, raid = found["2024-03-01"], found["2024-03-02"]
    assert labels(x, bombing, "location") >= {"Marlow Road"}, bombing.roles
    assert "Marlow Road" not in labels(x, bombing, "target"), bombing.roles
    assert "Lotus Garden Hotel" in labels(x, raid, "target"), raid.roles
    assert "Lotus Garden Hotel" in labels(x, raid, "location"), raid.roles


def test_a_school_named_for_the_army_is_a_site_attacked_not_an_armed_group() -> None:
    x = read("school_named_for_the_army")
    e = only(x)
    assert labels(x, e, "target") == {"Army Model School"}, e.roles
    school = next(v for v in x.entities.values() if v.label == "Army Model School")
    assert school.types == ("Site",), school.types
    assert deaths(e)[:2] == (12, 12), e.fatalities


def test_a_note_that_drops_the_auxiliary_counts_the_dead_as_victims_not_doers() -> None:
    x = read("note_toll_without_auxiliary")
    e = only(x)
    assert deaths(e)[:2] == (4, 4), e.fatalities
    assert not any("StateForce" in x.entities[k].types for k in e.roles.get("perpetrator", []))
    assert any("StateForce" in x.entities[k].types for k in e.roles.get("victim", [])), e.roles


def test_dead_reported_by_a_raising_verb_are_counted_with_their_bound() -> None:
    x = read("reported_killed")
    e = only(x)
    assert e.fatalities is not None and e.fatalities.max == 20, e.fatalities


def test_a_battle_between_two_sides_that_left_dead_has_both_sides_its_toll_and_date() -> None:
    x = read("battle_between_left_dead")
    e = only(x)
    assert labels(x, e, "target") == {"al-Shabaab"}, e.roles
    assert e.roles.get("perpetrator"), e.roles
    assert deaths(e)[:2] == (14, 14), e.fatalities
    assert e.date is not None and e.date.value == "2024-05-12", e.date


def test_killing_between_two_figures_is_a_range_of_victims() -> None:
    x = read("killing_between_a_range")
    e = only(x)
    assert e.fatalities is not None, e
    assert (e.fatalities.min, e.fatalities.max) == (10, 15), e.fatalities


def test_an_unknown_name_after_a_preposition_of_place_is_a_place_not_a_person() -> None:
    x = read("hamlet_the_model_calls_a_person")
    e = only(x)
    assert labels(x, e, "location") == {"Ouro Sidi"}, e.roles
    assert not any("Person" in v.types for v in x.entities.values()), x.entities


def test_a_staged_protest_is_dated_by_its_crowd_and_its_demand_is_no_statement() -> None:
    x = read("staged_protest_demanding")
    e = only(x)
    assert is_a(e, "Protest"), e.types
    assert e.date is not None and e.date.value == "2024-06-02", e.date
    doers = [x.entities[k] for k in e.roles.get("perpetrator", [])]
    assert [d.types for d in doers] == [("Protesters",)], doers
    assert not statements(x, "Statement"), [s.types for s in x.events]


def test_two_coordinated_sides_of_a_clash_are_doer_and_target_and_a_toll_noun_joins_it() -> None:
    x = read("sides_coordinated_then_toll")
    e = only(x)
    assert labels(x, e, "perpetrator") == {"al-Shabaab"}, e.roles
    assert e.roles.get("target") and "al-Shabaab" not in labels(x, e, "target"), e.roles
    assert deaths(e)[:2] == (7, 7), e.fatalities


def test_a_protest_broken_up_with_live_fire_is_excessive_force_by_the_police() -> None:
    x = read("protest_dispersed_with_live_fire")
    e = only(x)  # the dispersal and the toll told after it: one event
    assert is_a(e, "ExcessiveForceAgainstProtesters"), e.types
    assert kinds(x, e, "perpetrator") == [("StateForce",)], e.roles
    assert ("Protesters",) in kinds(x, e, "victim"), e.roles
    assert deaths(e)[:2] == (2, 2) and e.injured is not None and e.injured.best == 9, e


def test_a_protest_dispersed_in_the_next_sentence_is_one_protest_with_intervention() -> None:
    x = read("protest_then_dispersed")
    e = only(x)
    assert e.types[0] == "ProtestWithIntervention", e.types
    assert kinds(x, e, "perpetrator") == [("Protesters",)], e.roles
    assert kinds(x, e, "participant") == [("StateForce",)], e.roles


def test_the_group_named_before_is_who_denies_not_an_unknown_one() -> None:
    x = read("definite_group_denies")
    e = only(x)
    assert labels(x, e, "deniedBy") == labels(x, e, "perpetrator") != set(), e.roles


def test_houses_burned_by_gunmen_are_destroyed_property_a_bush_fire_is_no_event() -> None:
    x = read("burned_houses_not_bush_fire")
    e = only(x)
    assert is_a(e, "LootingOrPropertyDestruction"), e.types
    assert labels(x, e, "location") == {"Gwoza"}, e.roles


def test_rioters_are_an_actor_of_their_own_kind() -> None:
    x = read("rioters_looted")
    e = only(x)
    assert kinds(x, e, "perpetrator") == [("Rioters",)], e.roles


def test_the_group_a_suspicion_names_is_suspected_never_its_victim() -> None:
    x = read("group_suspected_of_carrying_out")
    e = only(x)
    assert e.roles.get("suspectedPerpetrator") == ["eln"], e.roles
    said = statements(x, "Suspicion")
    assert said and not any(s.roles.get("victim") for s in said), [s.roles for s in said]


def test_forces_telling_what_their_forces_did_state_it_others_allege_it() -> None:
    own = read("forces_report_their_own")
    e = only(own)
    assert kinds(own, e, "perpetrator") == [("StateForce",)], e.roles
    assert not statements(own, "Attribution"), [s.types for s in own.events]
    other = read("other_forces_report")
    e = only(other)
    assert kinds(other, e, "allegedPerpetrator") == [("StateForce",)], e.roles


@pytest.mark.parametrize(
    ("case", "day"),
    [
        ("numeric_date_after_on", "2023-08-23"),  # the model tags "23/08/2023" as a place
        ("day_month_without_year", "2023-11-29"),
    ],
)
def test_dates_written_day_first(case: str, day: str) -> None:
    e = only(read(case))
    assert e.date is not None and e.date.value == day, e.date


def test_a_date_in_a_relative_clause_about_something_else_does_not_date_the_arrest() -> None:
    x = read("relative_clause_date_not_the_arrest")
    arrests = [e for e in incidents(x) if is_a(e, "Arrest")]
    assert arrests and all(e.date is None or e.date.value != "2023-11-29" for e in arrests)


def _by_deaths(x: Extraction) -> dict[int | None, EventRecord]:
    return {(e.fatalities.best if e.fatalities else None): e for e in incidents(x)}


def test_an_earlier_event_told_in_passing_is_its_own_event_of_its_own_time() -> None:
    found = _by_deaths(read("precedent_since_year_when"))
    assert set(found) == {9, 12}, found
    assert found[9].date is not None and found[9].date.value == "2024-01-07", found[9].date
    assert found[12].date is not None and found[12].date.value == "2016", found[12].date


def test_an_earlier_flare_up_does_not_lend_its_toll_to_the_story() -> None:
    x = read("precedent_flare_up_in_which")
    shelling = next(e for e in incidents(x) if is_a(e, "ShellingOrMissileAttack"))
    assert shelling.fatalities is None, shelling.fatalities
    assert shelling.injured is not None and shelling.injured.best == 2, shelling.injured
    earlier = [e for e in incidents(x) if e is not shelling]
    assert [e.date.value if e.date else None for e in earlier] == ["2022-09"], earlier


def test_a_denial_naming_no_event_is_about_the_story_not_a_similar_earlier_one() -> None:
    x = read("denial_not_about_a_similar_bombing")
    found = _by_deaths(x)
    assert found[3].roles.get("deniedBy"), found[3].roles
    assert not found[2].roles.get("deniedBy"), found[2].roles


def test_coordinated_verbs_share_their_subject() -> None:
    x = read("coordinated_verbs_share_a_subject")
    e = only(x)
    assert is_a(e, "LootingOrPropertyDestruction") and e.roles.get("perpetrator"), e.roles


def test_a_group_that_establishes_a_base_is_a_strategic_development() -> None:
    x = read("base_established")
    e = only(x)
    assert is_a(e, "BaseEstablished") and labels(x, e, "perpetrator") == {"al-Shabaab"}, e


def test_a_camp_of_militants_is_no_civilian_site() -> None:
    e = only(read("militant_camp_attacked"))
    assert not is_a(e, "AttackOnCivilians"), e.types


def test_the_group_that_claims_is_the_armed_group_named_before() -> None:
    x = read("the_group_claimed")
    e = only(x)
    assert labels(x, e, "claimedBy") == {"al-Shabaab"}, e.roles


def test_a_group_of_gunmen_is_who_attacked() -> None:
    x = read("group_of_gunmen")
    e = only(x)
    assert kinds(x, e, "perpetrator") == [("UnidentifiedArmedGroup",)], e.roles


def test_weapons_seized_are_disrupted_weapons_use_and_no_arrests_is_no_arrest() -> None:
    x = read("weapons_seized_no_arrests")
    e = only(x)
    assert is_a(e, "DisruptedWeaponsUse"), e.types


def test_people_beaten_by_men_were_attacked() -> None:
    e = only(read("journalists_beaten"))
    assert is_a(e, "Attack"), e.types


def test_bodies_recovered_are_the_dead_of_an_attack() -> None:
    e = only(read("bodies_recovered"))
    assert deaths(e)[:2] == (6, 6), e.fatalities


def test_a_gang_blamed_by_what_it_is_called_is_alleged_and_its_own_denial_denies() -> None:
    x = read("blamed_a_gang_which_denied")
    e = only(x)
    assert labels(x, e, "allegedPerpetrator") == {"Viv Ansanm"}, e.roles
    assert labels(x, e, "deniedBy") == {"Viv Ansanm"}, e.roles


@pytest.mark.parametrize(
    ("case", "group"),
    [("believed_responsible", "Los Choneros"), ("suspicion_fell_on", "Tehrik-e-Taliban Pakistan")],
)
def test_unattributed_suspicion_makes_a_suspect(case: str, group: str) -> None:
    x = read(case)
    e = only(x)
    assert labels(x, e, "suspectedPerpetrator") == {group}, e.roles


def test_a_creed_before_armed_men_names_an_armed_group_not_the_creed() -> None:
    x = read("creed_and_armed_men")
    e = only(x)
    assert kinds(x, e, "perpetrator") == [("ArmedGroup",)], e.roles


def test_a_verb_aimed_at_someone_is_active_not_a_notes_passive() -> None:
    x = read("shot_at_protesters")
    e = only(x)
    assert kinds(x, e, "perpetrator") == [("StateForce",)], e.roles
    assert kinds(x, e, "target") == [("Protesters",)], e.roles  # whom they shot at


def test_fighting_that_left_dead_has_that_toll() -> None:
    e = only(read("fighting_left_dead"))
    assert deaths(e)[:2] == (11, 11), e.fatalities


def test_several_events_told_in_the_past_are_events_not_a_summary() -> None:
    x = read("several_explosions_rocked")
    e = only(x)
    assert labels(x, e, "location") == {"Kandahar"}, e.roles
    assert e.roles.get("claimedBy"), e.roles  # a claim naming no event is about them
