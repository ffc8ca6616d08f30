"""Synthetic news reports for scale tests, written to JSONL (one article a line), streamed.

The articles are built from this script's own sentence templates and the gazetteer
(``kg/extract/data/actors.json`` and ``places.json``): a headline, a dateline, a lead
sentence with an event (bombing, air strike, clash, assassination, arrest, abduction),
casualty figures, a claim or denial by an armed group, official reactions, background
paragraphs and a closing line. Lengths and the entity mix follow wire reports: 250 to 800
words (median about 420), 3 to 8 gazetteer entities, several events and statements each.
No third-party text is used. The output is deterministic for a given ``--seed``.

Run:  .venv/bin/python bench/corpus_gen.py --n 10000 --out bench/.data/corpus-10k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "extract" / "data"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]

VENUES = [
    "a crowded market", "a checkpoint", "a mosque", "a police station", "a wedding hall",
    "a school", "a bus station", "a government compound", "a hospital gate", "a military base",
    "a bazaar", "a funeral", "a border crossing", "a university", "a hotel",
]  # fmt: skip
OFFICIAL_ROLES = [
    "a provincial spokesman", "the district governor", "a police official", "a health official",
    "an interior ministry spokesman", "a local elder", "a hospital director", "a senior official",
]  # fmt: skip

LEADS = {
    "bombing": [
        "A {device} exploded near {venue} in {place} on {weekday}, killing {killed} people and "
        "wounding {injured} others, {official} said.",
        "At least {killed} people were killed and {injured} wounded when a {device} went off at "
        "{venue} in {place} on {weekday}, officials said.",
    ],
    "suicide": [
        "A suicide bomber blew himself up at {venue} in {place} on {weekday}, killing at least "
        "{killed} people and wounding {injured}, {official} said.",
        "A suicide attacker detonated explosives near {venue} in {place} on {weekday}, killing "
        "{killed} people, according to {official}.",
    ],
    "airstrike": [
        "An air strike hit {venue} in {place} on {weekday}, killing {killed} people including "
        "civilians, {official} said.",
        "{state} carried out air strikes on positions of {group} in {place} on {weekday}, killing "
        "{killed} fighters, {official} said.",
    ],
    "clash": [
        "Fighters of {group} clashed with {state} in {place} on {weekday}; {killed} people were "
        "killed and {injured} wounded in the fighting, {official} said.",
        "Heavy fighting broke out between {state} and {group} near {place} on {weekday}, leaving "
        "{killed} dead, {official} said.",
    ],
    "assassination": [
        "Gunmen shot dead a senior official outside {venue} in {place} on {weekday}, "
        "{official} said.",
        "A local commander was assassinated by unknown gunmen in {place} on {weekday}, "
        "{official} said.",
    ],
    "arrest": [
        "{state} arrested {arrested} suspected members of {group} in a raid in {place} on "
        "{weekday}, {official} said.",
        "Security forces detained {arrested} men accused of planning attacks for {group} in "
        "{place} on {weekday}.",
    ],
    "abduction": [
        "Armed men abducted {arrested} aid workers on the road to {place} on {weekday}, "
        "{official} said.",
        "Gunmen kidnapped {arrested} passengers from a bus near {place} on {weekday}, "
        "officials said.",
    ],
}
HEADLINES = {
    "bombing": ["Blast kills {killed} in {place}", "Bomb attack in {place} leaves {killed} dead"],
    "suicide": ["Suicide bombing kills {killed} in {place}", "Suicide attack hits {place}"],
    "airstrike": ["Air strikes kill {killed} in {place}", "Air raid on {place} kills {killed}"],
    "clash": ["Clashes in {place} leave {killed} dead", "Fighting rages near {place}"],
    "assassination": ["Official shot dead in {place}", "Commander assassinated in {place}"],
    "arrest": ["{arrested} suspects held in {place}", "Raid in {place} nets {group} suspects"],
    "abduction": ["Aid workers abducted near {place}", "Gunmen seize passengers near {place}"],
}
DEVICES = ["roadside bomb", "car bomb", "magnetic bomb", "bomb hidden in a cart", "mine"]
CLAIMS = [
    "{group} claimed responsibility for the attack in a statement posted online.",
    "{group} said its fighters had carried out the attack, in a statement carried by {outlet}.",
    "No group immediately claimed responsibility, but officials blamed {group}.",
    "{group} denied any involvement in the attack.",
    "{spokesman} said the group had nothing to do with the attack.",
    "{state} accused {group} of carrying out the attack.",
]
REACTIONS = [
    "The United Nations condemned the attack and called for the perpetrators to be brought to "
    "justice.",
    "{official_cap} said the death toll could rise, as several of the wounded were in critical "
    "condition.",
    "Residents said the area had been tense for weeks and that security had been tightened "
    "after earlier threats.",
    "{official_cap} told {outlet} that an investigation had been opened.",
    "Ambulances carried the wounded to hospitals in {place2}, where doctors appealed for blood "
    "donations.",
    "Witnesses described a scene of chaos, with shops damaged and vehicles on fire.",
    "{state} said reinforcements had been sent to {place} and that the situation was under "
    "control.",
    "The government declared a day of mourning and promised to rebuild the damaged buildings.",
]
FOLLOW_UPS = [
    "Later on {weekday2}, {state} said it had arrested {arrested} people suspected of helping the "
    "attackers.",
    "Hours later, a second explosion near {place2} wounded {injured2} people, {official} said.",
    "In a separate incident in {place2}, gunmen killed {killed2} members of {state} at a "
    "checkpoint.",
    "{group} fighters also attacked a security post in {place2} overnight, officials said.",
]
BACKGROUND = [
    "{place} has seen repeated attacks in recent years, many of them blamed on {group}.",
    "{group} has been active in the region since {year}, and has carried out dozens of attacks "
    "on security forces and civilians.",
    "The province borders {place2}, where fighting between {state} and armed groups has "
    "displaced thousands of families.",
    "According to figures compiled by the United Nations, violence in the area killed or wounded "
    "more than {big} civilians last year.",
    "Analysts say the group has recruited heavily among young men in rural districts, where "
    "jobs are scarce and government services are weak.",
    "Officials say the security situation has worsened since the spring, when several "
    "districts changed hands.",
    "The road between {place} and {place2} is a vital supply route, and has been closed several "
    "times this year because of fighting.",
    "Local officials have long complained that they lack the resources to protect schools, "
    "markets and mosques from attack.",
    "Aid agencies say that the number of people in need of assistance in the area has doubled, "
    "and that access for humanitarian workers remains difficult.",
    "Many residents have fled to the provincial capital, where prices for food and fuel have "
    "risen sharply since the start of the year.",
]
CLOSINGS = [
    "{outlet} could not independently verify the figures.",
    "The investigation is continuing.",
    "Officials said more details would be released in the coming days.",
    "Reporting by staff in {place}; editing by the desk.",
]


def load_gazetteer() -> dict[str, list[dict]]:
    actors = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    places = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    by_id = {x["id"]: x for x in actors + places}
    groups = [a for a in actors if "ArmedGroup" in a["types"]]
    states = [a for a in actors if a["types"] == ["Organization"] and a.get("relations")]
    outlets = [a for a in actors if "MediaOutlet" in a["types"] and a["id"] != "amaq"]
    people = [a for a in actors if "Person" in a["types"]]
    settlements = [p for p in places if "Settlement" in p["types"]]
    return {
        "groups": groups,
        "states": states or [a for a in actors if "Organization" in a["types"]],
        "outlets": outlets,
        "people": people,
        "places": settlements,
        "by_id": [by_id],  # type: ignore[list-item]
    }


def _country(place: dict, by_id: dict) -> str:
    seen = 0
    while seen < 5:
        rel = (place.get("relations") or {}).get("locatedIn")
        if not rel or rel[0] not in by_id:
            break
        place = by_id[rel[0]]
        seen += 1
    return place["label"]


def article(i: int, rnd: random.Random, gz: dict[str, list[dict]]) -> dict:
    """One synthetic article as a JSON-ready dict (``id``, ``title``, ``text``, ...)."""
    by_id = gz["by_id"][0]
    kind = rnd.choices(list(LEADS), weights=[5, 3, 3, 3, 1, 3, 1])[0]
    place_rec = rnd.choice(gz["places"])
    place = place_rec["label"]
    place2 = rnd.choice(gz["places"])["label"]
    country = _country(place_rec, by_id)
    group = rnd.choice(gz["groups"])["label"]
    state = rnd.choice(gz["states"])["label"]
    outlet = rnd.choice(gz["outlets"])["label"]
    spokesman = rnd.choice(gz["people"])["label"]
    day = date(2008, 1, 1) + timedelta(days=rnd.randrange(17 * 365))
    event_day = day - timedelta(days=rnd.choice([0, 0, 1, 1, 2]))
    official = rnd.choice(OFFICIAL_ROLES)
    v = {
        "place": place,
        "place2": place2,
        "group": group,
        "state": state,
        "outlet": outlet,
        "spokesman": spokesman,
        "official": official,
        "official_cap": official[0].upper() + official[1:],
        "weekday": WEEKDAYS[event_day.weekday()],
        "weekday2": WEEKDAYS[day.weekday()],
        "venue": rnd.choice(VENUES),
        "device": rnd.choice(DEVICES),
        "killed": rnd.choice([rnd.randint(2, 12), rnd.randint(2, 40), rnd.choice(NUMBER_WORDS)]),
        "injured": rnd.randint(3, 120),
        "killed2": rnd.randint(1, 9),
        "injured2": rnd.randint(1, 20),
        "arrested": rnd.choice(NUMBER_WORDS),
        "year": rnd.randint(1995, 2015),
        "big": rnd.choice(["1,000", "2,500", "3,000", "8,000"]),
    }
    v["killed"] = str(v["killed"])
    headline = rnd.choice(HEADLINES[kind]).format(**v)
    headline = headline[0].upper() + headline[1:]
    paras = [
        f"{place.upper()}, {country} - " + rnd.choice(LEADS[kind]).format(**v),
        " ".join(rnd.sample(CLAIMS, 2)).format(**v),
    ]
    target_words = int(rnd.lognormvariate(6.0, 0.3))  # median ~400 words, 250-800 mostly
    target_words = max(220, min(900, target_words))
    pool: list[str] = []
    words = sum(len(p.split()) for p in paras)
    while words < target_words:
        sents = []
        for _ in range(rnd.randint(2, 4)):
            if not pool:  # each sentence once before any repeats
                pool = rnd.sample(REACTIONS + FOLLOW_UPS + BACKGROUND, k=22)
            sents.append(pool.pop().format(**v))
        para = " ".join(sents)
        paras.append(para)
        words += len(para.split())
    paras.append(rnd.choice(CLOSINGS).format(**v))
    text = headline + "\n\n" + "\n\n".join(paras)
    return {
        "id": f"gen-{i:07d}",
        "title": headline,
        "published": day.isoformat(),
        "source": outlet,
        "text": text,
    }


def generate(n: int, seed: int = 42, start: int = 0) -> Iterator[dict]:
    """``n`` articles, streamed (constant memory), deterministic for a seed."""
    gz = load_gazetteer()
    for i in range(start, start + n):
        yield article(i, random.Random(f"{seed}-{i}"), gz)


def write_jsonl(path: Path, n: int, seed: int = 42) -> Path:
    """Write ``n`` articles to ``path`` (created once: reused if it holds ``n`` lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for a in generate(n, seed):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", type=Path, default=None, help="JSONL file (default: stdout)")
    args = ap.parse_args()
    if args.out is None:
        for a in generate(args.n, args.seed):
            sys.stdout.write(json.dumps(a, ensure_ascii=False) + "\n")
    else:
        write_jsonl(args.out, args.n, args.seed)
        words = [len(a["text"].split()) for a in generate(min(args.n, 2000), args.seed)]
        words.sort()
        print(
            f"wrote {args.n:,} articles to {args.out}; words per article (first "
            f"{len(words)}): median {words[len(words) // 2]}, min {words[0]}, max {words[-1]}"
        )


if __name__ == "__main__":
    main()
