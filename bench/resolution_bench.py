"""Resolution speed: generated reports of generated incidents, 10k/30k/100k (BENCHMARKS.md).

    .venv/bin/python bench/resolution_bench.py [--sizes 10000 30000 100000] [--seed 7]

Each incident (3 years, 2,000 places in 50 countries with WGS84 points, one of eight event
classes, a toll) is told by 1 to 4 reports from different outlets, each with its own
wording (rare words drawn per incident plus noise), toll (+-30%) and, for a quarter of
them, no stated day (the publication day, 0-3 days later, stands in). Times the Splink
scoring (DuckDB) and the clustering, and prints pairwise precision and recall against the
generated incidents (a sanity check, not a quality figure).
"""

from __future__ import annotations

import argparse
import random
import time
from itertools import combinations

from kg.resolution.cluster import clusters
from kg.resolution.model import score_pairs
from kg.resolution.reports import Report, days

CLASSES = [
    "SuicideBombing",
    "Bombing",
    "ArmedAssault",
    "AirStrike",
    "ArmedClash",
    "AttackOnCivilians",
    "Abduction",
    "ShellingOrMissileAttack",
]


def generate(n: int, seed: int = 7) -> tuple[list[Report], dict[str, int]]:
    """About ``n`` reports and the incident of each."""
    rnd = random.Random(seed)
    places = []
    for i in range(2000):
        c = i % 50
        places.append(
            (f"urn:place:{i}", f"urn:country:{c}", 10 + c + rnd.random(), 20 + c + rnd.random())
        )
    start = days("2021-01-01")
    reps: list[Report] = []
    incident: dict[str, int] = {}
    k = 0
    while len(reps) < n:
        place, country, lat, lon = rnd.choice(places)
        day = start + rnd.randrange(3 * 365)
        cls = rnd.choice(CLASSES)
        toll = rnd.choice([0, 1, 1, 2, 3, 5, 8, 13, 20, 40])
        words = [f"w{rnd.randrange(200000)}" for _ in range(8)]
        for j in range(rnd.choice([1, 1, 2, 2, 3, 4])):
            stated = rnd.random() > 0.25
            iri = f"urn:report:{k}-{j}"
            reps.append(
                Report(
                    iri,
                    f"urn:doc:{k}-{j}",
                    cls,
                    source=f"outlet-{rnd.randrange(300)}",
                    published=day + rnd.randrange(4),
                    day=day if stated else None,
                    date_precision="day" if stated else "",
                    place=place,
                    settlement=place,
                    country=country,
                    lat=lat,
                    lon=lon,
                    fatalities=max(0, round(toll * rnd.uniform(0.7, 1.3))),
                    tokens=sorted({*rnd.sample(words, 5), f"n{rnd.randrange(10**6)}"}),
                )
            )
            incident[iri] = k
        k += 1
    return reps, incident


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print("reports  pairs_scored  score_s  cluster_s  total_s  precision  recall")
    for n in args.sizes:
        reps, inc = generate(n, args.seed)
        t0 = time.perf_counter()
        pairs = score_pairs(reps, threshold=0.2)
        t1 = time.perf_counter()
        groups = clusters([r.iri for r in reps], pairs, {r.iri: r.day for r in reps})
        t2 = time.perf_counter()
        tp = pred = 0
        for g in groups:
            for a, b in combinations(g, 2):
                pred += 1
                tp += inc[a] == inc[b]
        gold = 0
        by: dict[int, int] = {}
        for v in inc.values():
            by[v] = by.get(v, 0) + 1
        gold = sum(c * (c - 1) // 2 for c in by.values())
        print(
            f"{len(reps):>7}  {len(pairs):>12}  {t1 - t0:>7.1f}  {t2 - t1:>9.1f}  "
            f"{t2 - t0:>7.1f}  {tp / max(pred, 1):>9.3f}  {tp / max(gold, 1):>6.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
