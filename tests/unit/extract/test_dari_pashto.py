"""The Dari and Pashto rules (kg/extract/lang/fa, kg/extract/lang/ps) on sentences we wrote:
each test states what an analyst reading the sentence would code. The parse-free pipeline
needs no trained model, so these run the real Extractor."""

from __future__ import annotations

from functools import lru_cache

import pytest

from kg.extract import Extractor, classes
from kg.records import Article, EventRecord, Extraction
from tests.unit.extract.reading import incidents, labels, only, statements


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor()


def read(text: str, lang: str) -> Extraction:
    return _extractor().extract(Article(id="t", text=text, published="2023-05-20", lang=lang))


def deaths(e: EventRecord) -> int | None:
    return e.fatalities.best if e.fatalities else None


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        (
            "یک ماین کنار جاده‌ای در ولسوالی شیندند ولایت هرات یک موتر را منفجر کرد. "
            "مقام‌های محلی گروه جیش‌العدل را عامل این انفجار خواندند.",
            "Jaish al-Adl",
        ),
        # the gap of a pattern reads across an acronym in brackets
        (
            "افراد مسلح سه کارگر را در نزدیکی شهر گوادر ربودند. "
            "منابع محلی این آدم‌ربایی را به جبهه آزادی‌بخش بلوچستان (BLF) نسبت دادند.",
            "Baloch Liberation Front",
        ),
    ],
)
def test_dari_sources_naming_a_group_responsible_make_an_attribution(
    text: str, accused: str
) -> None:
    x = read(text, "fa")
    (att,) = statements(x, classes.named("attribution"))
    assert labels(x, att, "attributedTo") == {accused}


def test_dari_responsibility_considered_with_danestand_is_an_attribution() -> None:
    x = read(
        "افراد مسلح یک معلم را در شهر قندهار ربودند. "
        "بستگان او طالبان را مسئول این آدم‌ربایی دانستند.",
        "fa",
    )
    assert statements(x, classes.named("attribution"))


def test_dari_said_alone_is_a_statement_with_its_speaker() -> None:
    x = read("طالبان روز شنبه گفتند که وضعیت در شهر کابل آرام است.", "fa")
    (said,) = statements(x, classes.named("statement"))
    assert labels(x, said, "speaker") == {"Islamic Emirate"}


def test_pashto_an_agreement_signed_is_an_agreement() -> None:
    x = read("د پاکستان او افغانستان چارواکو د سوداګرۍ یو تړون په کابل کې لاسلیک کړ.", "ps")
    assert any(t == "Agreement" for e in x.events for t in e.types), [e.types for e in x.events]


def test_dari_a_roundup_tells_each_item_as_its_own_event() -> None:
    x = read(
        "مقام‌های امنیتی ولایت ننگرهار روز جمعه گفتند که روز پنجشنبه سه حمله جداگانه در این "
        "ولایت رخ داد: افراد مسلح ناشناس یک راننده را به ضرب گلوله کشتند؛ یک ماین کنار "
        "جاده‌ای ۴ سرباز را زخمی کرد؛ و یک کارمند صحی در یک حمله دیگر کشته شد.",
        "fa",
    )
    found = incidents(x)
    assert len(found) == 3, [(e.types, e.roles) for e in found]
    assert sorted((e.fatalities.best if e.fatalities else 0) for e in found) == [0, 1, 1]
    assert [e.injured.best for e in found if e.injured] == [4]


def test_dari_people_counted_before_another_verb_are_not_the_arrested() -> None:
    x = read(
        "پولیس گردهمایی اعتراضی صدها کارگر را در شهر هرات پراگنده کرد و ۶ معترض را بازداشت کرد.",
        "fa",
    )
    arrests = [e.arrested.best for e in incidents(x) if e.arrested]
    assert arrests == [6], [(e.types, e.arrested) for e in incidents(x)]


def test_pashto_one_man_beaten_and_killed_is_one_death() -> None:
    x = read("په کندهار ښار کې یوې ډلې خلکو یو سړی په ډبرو وواهه او ووژه.", "ps")
    deaths = [e.fatalities.best for e in incidents(x) if e.fatalities]
    assert deaths == [1], [(e.types, e.fatalities) for e in incidents(x)]


def test_pashto_the_owner_of_the_site_bombed_is_the_target_not_the_bomber() -> None:
    x = read("د ملي امنیت ریاست د یوه دفتر مخې ته یو موټر بم وچاودېد.", "ps")
    e = only(x)
    assert "National Directorate of Security" in labels(x, e, "target")
    assert not e.roles.get("perpetrator")


def test_pashto_the_owner_of_the_vehicle_hit_is_the_target() -> None:
    x = read("د سپاه پاسدارانو د یوه موټر تر څنګ د سړک غاړې بم وچاودېد.", "ps")
    e = only(x)
    assert labels(x, e, "target") == {"Islamic Revolutionary Guard Corps"}
    assert not e.roles.get("perpetrator")


def test_pashto_a_country_before_its_province_is_where_not_who() -> None:
    x = read("د پاکستان د بلوچستان ایالت په کوټه ښار کې یو بم وچاودېد.", "ps")
    e = only(x)
    assert not e.roles.get("perpetrator"), e.roles


def test_dari_a_compound_place_written_solid_is_the_gazetteer_place() -> None:
    x = read("روز شنبه یک بمب در شهر پلخمری منفجر شد و دو تن کشته شدند.", "fa")
    e = only(x)
    assert labels(x, e, "location") == {x.entities["af-pul-e-khumri"].label}


def test_names_a_dari_report_gives_are_labelled_in_dari_and_gazetteer_names_stay_plain() -> None:
    from rdflib import RDFS, Literal

    from kg.rdf.mapping import document_quads

    x = read("افراد مسلح ناشناس داکتر نورالله فرهمند را در شهر کابل به ضرب گلوله کشتند.", "fa")
    labels_out = {q[2] for q in document_quads(x) if q[1] == RDFS.label}
    assert Literal("نورالله فرهمند", lang="fa") in labels_out, labels_out
    assert Literal("Kabul") in labels_out


def test_a_record_that_does_not_say_its_language_is_identified() -> None:
    from kg.ingestion.readers import make_article

    dari = make_article({"id": "x", "text": "روز شنبه یک بمب در شهر هرات منفجر شد."}, "t")
    pashto = make_article({"id": "y", "text": "د شنبې په ورځ په هرات ښار کې یو بم وچاودېد."}, "t")
    english = make_article({"id": "z", "text": "A bomb exploded in Herat on Saturday."}, "t")
    assert (dari.lang, pashto.lang, english.lang) == ("", "", "")
    ex = _extractor()
    got = [ex.extract(a).article.lang for a in (dari, pashto)]
    assert got == ["fa", "ps"]
    from kg.extract.languages import in_language

    assert in_language(english).lang == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "روز جمعه یک پهپاد پاکستانی خانه‌ای را در ولسوالی برمل ولایت پکتیکا هدف قرار داد "
            "و سه کودک را کشت.",
            "fa",
        ),
        (
            "د جمعې په ورځ یوه پاکستاني ډرون د پکتیکا ولایت په برمل ولسوالۍ کې پر یوه کور "
            "برید وکړ او درې ماشومان یې ووژل.",
            "ps",
        ),
    ],
)
def test_a_drone_named_with_its_state_is_that_states_forces(text: str, lang: str) -> None:
    x = read(text, lang)
    e = only(x)
    doers = [x.entities[k] for k in e.roles.get("perpetrator", [])]
    # the one node of Pakistan's forces (the authority's "Pakistan Army", whose alias is
    # ACLED's "Military Forces of Pakistan")
    assert [d.types for d in doers] == [("StateForce",)], doers
    assert "Military Forces of Pakistan" in doers[0].aliases | {doers[0].label}, doers


def test_dari_a_ministry_of_a_country_speaks_for_its_state() -> None:
    x = read(
        "روز جمعه یک پهپاد خانه‌ای را در ولسوالی برمل هدف قرار داد و سه کودک را کشت. "
        "وزارت خارجه پاکستان این حمله را رد کرد.",
        "fa",
    )
    (denial,) = statements(x, classes.named("denial"))
    assert labels(x, denial, "speaker") == {"Pakistan"}
    assert len(incidents(x)) == 1


def test_dari_state_media_reporting_is_a_statement_and_the_dead_are_counted() -> None:
    x = read(
        "رسانه‌های دولتی ایران روز شنبه گزارش دادند که سه مرزبان ایرانی روز جمعه در حمله "
        "افراد مسلح بر یک پاسگاه مرزی در نزدیکی شهر خاش کشته شدند.",
        "fa",
    )
    e = only(x)
    assert deaths(e) == 3
    assert "Iran" not in labels(x, e, "victim")
    (said,) = statements(x, classes.named("statement"))
    assert labels(x, said, "speaker") == {"Iran"}


def test_pashto_a_pronoun_doer_is_not_the_country_the_place_is_in() -> None:
    x = read(
        "د پاکستان د سند ایالت په کراچۍ ښار کې وسله والو پر یوه بس ډزې وکړې چې له امله یې "
        "دوه مسافر ووژل شول.",
        "ps",
    )
    e = only(x)
    assert "Pakistan" not in labels(x, e, "perpetrator"), e.roles


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "مقام‌های امنیتی ولایت هرات روز یکشنبه گفتند که روز شنبه سه رویداد جداگانه در این "
            "ولایت رخ داد: افراد مسلح یک راننده را در شهر هرات به ضرب گلوله کشتند؛ یک ماین در "
            "ولسوالی شیندند ۳ سرباز را زخمی کرد؛ و در ولسوالی گذره یک کودک بر اثر انفجار یک "
            "ماین کشته شد.",
            "fa",
        ),
        (
            "د کندهار امنیه قوماندانۍ د شنبې په ورځ وویل چې د جمعې په ورځ په دې ولایت کې درې "
            "بېلې پېښې شوې دي: په ارغنداب ولسوالۍ کې وسله والو یو ښوونکی په ډزو ووژه؛ د ژړۍ "
            "ولسوالۍ کې یوه ماین ۴ سرتېري ټپیان کړل؛ او په سپین بولدک کې یو ماشوم د ماین په "
            "چاودنه کې ووژل شو.",
            "ps",
        ),
    ],
)
def test_a_count_of_incidents_opens_a_roundup(text: str, lang: str) -> None:
    found = incidents(read(text, lang))
    assert len(found) == 3, [(e.types, e.roles) for e in found]


def test_pashto_a_name_with_pashto_letters_finds_its_persian_spelling() -> None:
    x = read("د هلمند ولایت په لښکرګاه ښار کې یو بم وچاودېد او دوه ملکي وګړي ووژل شول.", "ps")
    e = only(x)
    assert "af-lashkar-gah" in e.roles.get("location", []), e.roles


def test_pashto_a_number_word_is_never_a_place() -> None:
    x = read(
        "وسله والو د ایران په خاش ښار کې پر یوه پاټک برید وکړ. په دې برید کې درې پولیس ووژل شول.",
        "ps",
    )
    e = only(x)
    assert all(x.entities[k].label != "درې" for k in e.roles.get("location", [])), e.roles
    assert e.fatalities is not None and e.fatalities.best == 3


def test_dari_an_air_operation_is_an_air_strike_and_the_car_bomb_is_no_target() -> None:
    x = read(
        "روز شنبه نیروهای امنیتی در یک عملیات هوایی در ولسوالی گرشک هشت جنگجوی طالبان را "
        "کشتند. روز یکشنبه یک مهاجم انتحاری با موتر مملو از مواد انفجاری به یک پاسگاه پولیس "
        "در شهر لشکرگاه حمله کرد.",
        "fa",
    )
    air, bombing = incidents(x)
    assert air.types[0] == "AirStrike"
    targets = labels(x, bombing, "target")
    assert any("checkpoint" in t for t in targets), targets
    assert not any(t.startswith("vehicle") for t in targets), targets


def test_pashto_they_is_not_counted_as_two() -> None:
    x = read(
        "د امارت اسلامي ویاند د جمعې په ورځ وویل چې د دوی ځواکونو د کابل په پغمان ولسوالۍ "
        "کې درې وسله وال ووژل.",
        "ps",
    )
    deaths = [e.fatalities.best for e in incidents(x) if e.fatalities]
    assert deaths == [3], [(e.types, e.fatalities) for e in incidents(x)]


@pytest.mark.parametrize(
    ("day", "cls"),
    [("۱۰ جون ۲۰۲۱", "TerritoryTakeover"), ("۱۰ جون ۲۰۲۲", "TerritoryRegained")],
)
def test_the_taliban_take_territory_as_insurgents_before_they_rule(day: str, cls: str) -> None:
    x = read(f"به تاریخ {day}، طالبان مرکز ولسوالی خاک سفید ولایت فراه را تصرف کردند.", "fa")
    e = only(x)
    assert e.types[0] == cls


def test_dari_a_district_taken_back_written_apart_is_regained() -> None:
    x = read("نیروهای امارت اسلامی روز شنبه ولسوالی خاک سفید را باز پس گرفتند.", "fa")
    e = only(x)
    assert e.types[0] == "TerritoryRegained"


def test_dari_militants_of_a_group_are_counted() -> None:
    x = read(
        "نیروهای امنیتی پاکستان روز دوشنبه در یک عملیات در منطقه باجور هفت شبه‌نظامی تحریک "
        "طالبان پاکستان را کشتند.",
        "fa",
    )
    e = only(x)
    assert deaths(e) == 7
    assert labels(x, e, "victim") == {"Tehrik-e-Taliban Pakistan"}


def test_pashto_a_clash_between_police_and_protesters_is_no_armed_clash() -> None:
    x = read(
        "د جمعې په ورځ په کوټه ښار کې د پولیسو او لاریون کوونکو ترمنځ نښته وشوه چې په ترڅ "
        "کې یې ۹ تنه ټپیان شول.",
        "ps",
    )
    assert only(x).types[0] == "ViolentDemonstration"


def test_dari_law_enforcement_forces_are_police() -> None:
    x = read("نیروهای انتظامی ایران روز شنبه در شهر زاهدان سه معترض را کشتند.", "fa")
    assert labels(x, only(x), "perpetrator") == {
        "Law Enforcement Command of the Islamic Republic of Iran"
    }


def test_pashto_a_passive_toll_names_no_doer_and_the_pakistani_taliban_deny() -> None:
    x = read(
        "د شنبې په ورځ د کوټې ښار په یوه جومات کې یوه چاودنه وشوه چې له امله یې پنځه لمونځ "
        "کوونکي ووژل شول. د پاکستان طالبانو په دې برید کې له لاس لرلو انکار وکړ.",
        "ps",
    )
    e = only(x)
    assert not e.roles.get("perpetrator"), e.roles
    (denial,) = statements(x, classes.named("denial"))
    assert labels(x, denial, "speaker") == {"Tehrik-e-Taliban Pakistan"}
