"""The record-linkage model: which reports are compared, on what, and with which weights.

A Fellegi-Sunter model in Splink: each pair of reports that a blocking rule brings together
is compared on eight features; each feature's level (same day, one day apart, ...) has an
``m`` probability (how often two reports of one incident are at that level) and a ``u``
probability (how often two reports of different incidents are); the pair's match weight is
``log2(prior odds) + sum(log2(m / u))`` and its match probability follows. The weights are
set from what reports of conflict events are like (stated in :data:`FEATURES`), never fitted
to an evaluation set. The prior is ``1 / N`` for ``N`` reports: every report has, on
average, about one other report of its incident somewhere in the store. "Same day" and
"same place" are weighted by how common that day and that place are in the store (Splink's
term-frequency adjustment): two reports in a city where half the store's events happen
share less than two reports in a village.

Blocking keeps the cost near linear: a pair is compared only when the two reports share a
day and an area (country, else region, else place), lie one day apart in the same area,
name the same place within the same month, or name the same victim within the same month.

The model is data (:func:`settings`); :func:`score_pairs` runs it on DuckDB (the default,
in-process) or on a Spark session (``backend="spark"``, for a cluster): the same settings,
the same SQL.

>>> [f.name for f in FEATURES]
['date', 'place', 'event_class', 'actors', 'victims', 'fatalities', 'text', 'document']
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from kg.errors import KGError
from kg.resolution.reports import Report

UID = "event_id"


class ResolutionError(KGError):
    """Resolution could not run (a missing backend, a bad model file)."""


@dataclass(frozen=True)
class Level:
    """One level of a feature: its SQL condition (``l.``/``r.`` are the two reports), a
    label for explanations, and its ``m`` and ``u`` probabilities."""

    label: str
    sql: str
    m: float
    u: float
    tf: str | None = None  # adjust u by how common the value of this column is


@dataclass(frozen=True)
class Feature:
    """A compared feature: the columns it reads, when it is missing, and its levels (most
    similar first; a pair falls in the first level whose condition holds)."""

    name: str
    null_sql: str
    levels: tuple[Level, ...]
    description: str


def _both(col: str) -> str:
    return f"l.{col} IS NULL OR r.{col} IS NULL"


def _overlap(col: str, n: int) -> str:
    # at least n elements in common: Splink's ArrayIntersectLevel writes each dialect's SQL
    return f"overlap {col} {n}"


_KM = (
    "6371.0 * 2 * asin(sqrt(power(sin(radians(r.lat - l.lat) / 2), 2) + cos(radians(l.lat))"
    " * cos(radians(r.lat)) * power(sin(radians(r.lon - l.lon) / 2), 2)))"
)

_WHEN_L = "coalesce(l.day, l.pub)"
_WHEN_R = "coalesce(r.day, r.pub)"

FEATURES: tuple[Feature, ...] = (
    Feature(
        "date",
        "(l.day IS NULL AND l.pub IS NULL) OR (r.day IS NULL AND r.pub IS NULL)",
        (
            Level("same day", "l.day = r.day", 0.55, 0.002, tf="day"),
            Level("1 day apart", "abs(l.day - r.day) <= 1", 0.20, 0.004),
            Level("2-3 days apart", "abs(l.day - r.day) <= 3", 0.06, 0.008),
            Level(
                "an undated report published within a week after the other's date",
                f"(l.day IS NULL AND {_WHEN_R} BETWEEN l.pub - 7 AND l.pub) OR "
                f"(r.day IS NULL AND {_WHEN_L} BETWEEN r.pub - 7 AND r.pub)",
                0.10,
                0.01,
            ),
            Level("4-7 days apart", f"abs({_WHEN_L} - {_WHEN_R}) <= 7", 0.04, 0.012),
            Level("8-30 days apart", f"abs({_WHEN_L} - {_WHEN_R}) <= 30", 0.03, 0.05),
            Level("further apart", "TRUE", 0.02, 0.914),
        ),
        "Days between the events' own dates; a report that states no day is dated by its "
        "publication, which comes on or after the event. Most reports of one incident give "
        "the same day; a day's difference is usual (a night attack, 'yesterday').",
    ),
    Feature(
        "place",
        "(l.place IS NULL OR r.place IS NULL) AND (l.doc_places IS NULL OR r.doc_places IS NULL)",
        (
            Level("same place", "l.place = r.place", 0.45, 0.004, tf="place"),
            Level("same settlement", "l.settlement = r.settlement", 0.20, 0.01),
            Level(
                "within 10 km",
                f"l.lat IS NOT NULL AND r.lat IS NOT NULL AND {_KM} <= 10",
                0.08,
                0.01,
            ),
            Level("their documents name a place in common", _overlap("doc_places", 1), 0.12, 0.02),
            Level("same region", "l.region = r.region", 0.04, 0.05),
            Level(
                "within 50 km",
                f"l.lat IS NOT NULL AND r.lat IS NOT NULL AND {_KM} <= 50",
                0.02,
                0.03,
            ),
            Level("same country", "l.country = r.country", 0.03, 0.25),
            Level("one place unknown", "l.place IS NULL OR r.place IS NULL", 0.04, 0.10),
            Level("elsewhere", "TRUE", 0.02, 0.526),
        ),
        "The events' places: the same node, the same settlement (a street and its city), "
        "WGS84 distance where both have points, a place both documents name, the same "
        "region or country (ckg:locatedIn).",
    ),
    Feature(
        "event_class",
        "l.cls IS NULL OR r.cls IS NULL",
        (
            Level("same class", "l.cls = r.cls", 0.45, 0.15),
            Level(
                "one class is the other's kind",
                "array_contains(l.lineage, r.cls) OR array_contains(r.lineage, l.cls)",
                0.30,
                0.15,
            ),
            Level("same family", "l.family = r.family", 0.10, 0.25),
            Level("both violent or both not", "l.kind = r.kind", 0.07, 0.25),
            Level("incompatible", "TRUE", 0.03, 0.20),
        ),
        "The classes (ACLED/GTD taxonomy): one outlet's 'attack' is another's 'shooting' "
        "or 'assassination', so a class and its sub-class are compatible.",
    ),
    Feature(
        "actors",
        _both("actors"),
        (
            Level("a named actor in common", _overlap("actors", 1), 0.55, 0.02),
            Level("different named actors", "TRUE", 0.45, 0.98),
        ),
        "The named perpetrators (any stance: stated, claimed, alleged, suspected).",
    ),
    Feature(
        "victims",
        "(l.victims IS NULL OR r.victims IS NULL)"
        " AND (l.doc_people IS NULL OR r.doc_people IS NULL)",
        (
            Level("a named victim in common", _overlap("victims", 1), 0.40, 0.001),
            Level(
                "their documents name a person in common", _overlap("doc_people", 1), 0.35, 0.004
            ),
            Level(
                "different named victims",
                "l.victims IS NOT NULL AND r.victims IS NOT NULL",
                0.10,
                0.30,
            ),
            Level("no person in common", "TRUE", 0.15, 0.695),
        ),
        "Named victims and targets of the events, else the people both documents name "
        "(a report often names the victim in another sentence).",
    ),
    Feature(
        "fatalities",
        _both("fatalities"),
        (
            Level("same toll", "l.fatalities = r.fatalities", 0.45, 0.20),
            Level(
                "close tolls",
                "abs(l.fatalities - r.fatalities) <= greatest(1, "
                "0.3 * greatest(l.fatalities, r.fatalities))",
                0.35,
                0.25,
            ),
            Level(
                "far apart tolls",
                "greatest(l.fatalities, r.fatalities) >= 3 * least(l.fatalities, r.fatalities) + 2",
                0.05,
                0.30,
            ),
            Level("different tolls", "TRUE", 0.15, 0.25),
        ),
        "The death tolls: reports revise tolls upwards, so close tolls count as agreeing.",
    ),
    Feature(
        "text",
        _both("tokens"),
        (
            Level("4 or more rare words in common", _overlap("tokens", 4), 0.25, 0.0005),
            Level("2-3 rare words in common", _overlap("tokens", 2), 0.25, 0.008),
            Level("1 rare word in common", _overlap("tokens", 1), 0.15, 0.06),
            Level("no rare word in common", "TRUE", 0.35, 0.9315),
        ),
        "The evidence sentences' rarest words (names, streets, numbers shared by few "
        "reports in the store).",
    ),
    Feature(
        "document",
        "l.doc IS NULL OR r.doc IS NULL",
        (
            Level("same document", "l.doc = r.doc", 0.01, 0.01),
            Level("different documents", "TRUE", 0.99, 0.99),
        ),
        "Whether both events come from one document: extraction keeps one node per event "
        "in a document, so this is neutral and listed for explanations.",
    ),
)

BLOCKING_RULES: tuple[tuple[str, str | None], ...] = (
    ("l.when = r.when AND l.area = r.area", None),
    ("l.when = r.when_next AND l.area = r.area", None),
    ("l.when_next = r.when AND l.area = r.area", None),
    ("l.pub = r.pub AND l.family = r.family", None),
    ("l.place = r.place AND l.month = r.month", None),
    ("l.doc_people = r.doc_people AND l.month = r.month", "doc_people"),
    ("l.doc_places = r.doc_places AND l.month = r.month", "doc_places"),
)
"""Pairs compared (SQL on the two reports ``l`` and ``r``, and the array column exploded
first, if any): the same day (stated, else published) in one area (country, else region,
else place); adjacent days in one area; the same publication day and family; the same
place in one month; a person or a place both documents name, in one month. Each is an
equi-join, so the number of pairs grows with the busiest day, place and name, not with the
square of the store."""


def _lr(sql: str) -> str:
    """A level's condition in Splink's column naming (``l.day`` -> ``day_l``).

    >>> _lr("abs(l.day - r.day) <= 1")
    'abs(day_l - day_r) <= 1'
    """
    return re.sub(r"\b([lr])\.(\w+)", r"\2_\1", sql)


def _blocking_rule(sql: str, explode: str | None) -> Any:
    from splink.blocking_rule_library import CustomRule

    return CustomRule(sql, sql_dialect="duckdb", arrays_to_explode=[explode] if explode else None)


def settings(n_records: int) -> Any:
    """The Splink settings of the model for ``n_records`` reports (the prior is
    ``1 / n_records``): comparisons with fixed ``m``/``u``, the blocking rules."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons: list[Any] = []
    for f in FEATURES:
        levels: list[Any] = [
            cll.CustomLevel(_lr(f.null_sql), "missing", base_dialect_str="duckdb").configure(
                is_null_level=True
            )
        ]
        for lv in f.levels:
            if lv.sql.startswith("overlap "):
                _, col, n = lv.sql.split()
                level: Any = cll.ArrayIntersectLevel(col, int(n))
            else:
                sql = _lr(lv.sql) if lv.sql != "TRUE" else "1 = 1"
                level = cll.CustomLevel(sql, lv.label, base_dialect_str="duckdb")
            level = level.configure(
                m_probability=lv.m, u_probability=lv.u, label_for_charts=lv.label
            )
            if lv.tf:
                level = level.configure(
                    tf_adjustment_column=lv.tf, tf_adjustment_weight=1.0, tf_minimum_u_value=0.0005
                )
            levels.append(level)
        comparisons.append(
            cl.CustomComparison(
                comparison_levels=levels,
                output_column_name=f.name,
                comparison_description=f.description,
            )
        )
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name=UID,
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[
            _blocking_rule(sql, arr) for sql, arr in BLOCKING_RULES
        ],
        probability_two_random_records_match=1.0 / max(2, n_records),
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=True,  # each feature's weight (mw_*)
        additional_columns_to_retain=[],
    )


def linkage_rows(reports: list[Report]) -> list[dict[str, Any]]:
    """The rows the model compares, one per report (empty lists become NULL)."""
    rows = []
    for r in reports:
        area = r.country or r.region or r.settlement or r.place or "unknown place"
        when = r.day if r.day is not None else r.published
        rows.append(
            {
                UID: r.iri,
                "doc": r.doc,
                "cls": r.cls,
                "lineage": list(r.lineage),
                "family": r.family,
                "kind": r.kind,
                "day": r.day,
                "pub": r.published,
                "when": when,
                "when_next": None if when is None else when + 1,
                "month": None if when is None else when // 30,
                "place": r.place,
                "settlement": r.settlement,
                "region": r.region,
                "country": r.country,
                "area": area,
                "lat": r.lat,
                "lon": r.lon,
                "actors": sorted(r.actors) or None,
                "victims": sorted(r.victims) or None,
                "doc_people": sorted(r.doc_people) or None,
                "doc_places": sorted(r.doc_places) or None,
                "fatalities": r.fatalities,
                "tokens": r.tokens or None,
            }
        )
    return rows


def _frame(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    schema = pa.schema(
        [
            (UID, pa.string()),
            ("doc", pa.string()),
            ("cls", pa.string()),
            ("lineage", pa.list_(pa.string())),
            ("family", pa.string()),
            ("kind", pa.string()),
            ("day", pa.int64()),
            ("pub", pa.int64()),
            ("when", pa.int64()),
            ("when_next", pa.int64()),
            ("month", pa.int64()),
            ("place", pa.string()),
            ("settlement", pa.string()),
            ("region", pa.string()),
            ("country", pa.string()),
            ("area", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("actors", pa.list_(pa.string())),
            ("victims", pa.list_(pa.string())),
            ("doc_people", pa.list_(pa.string())),
            ("doc_places", pa.list_(pa.string())),
            ("fatalities", pa.int64()),
            ("tokens", pa.list_(pa.string())),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _spark_ddl(schema: Any) -> str:
    """The Spark DDL of the rows' Arrow schema (Spark cannot infer a column that is all
    NULL)."""
    kinds = {"string": "string", "int64": "bigint", "double": "double"}
    cols = []
    for f in schema:
        t = str(f.type)
        spark_type = f"array<{kinds[str(f.type.value_type)]}>" if t.startswith("list") else kinds[t]
        cols.append(f"`{f.name}` {spark_type}")
    return ", ".join(cols)


@dataclass(frozen=True)
class Pair:
    """A scored pair of reports: the match weight (bits), probability, and the level of
    each feature with its weight (``(feature, level label, bits)``)."""

    left: str
    right: str
    weight: float
    probability: float
    features: tuple[tuple[str, str, float], ...]


def score_pairs(
    reports: list[Report], *, backend: str = "duckdb", spark: Any = None, threshold: float = 0.01
) -> list[Pair]:
    """Score every blocked pair of ``reports``; pairs below ``threshold`` (probability)
    are dropped. ``backend`` is ``duckdb`` (in-process) or ``spark`` (``spark`` is then a
    ``SparkSession``; a local one is started if none is given)."""
    import math

    if len(reports) < 2:
        return []
    logging.getLogger("splink").setLevel(logging.WARNING)
    from splink import Linker

    rows = linkage_rows(reports)
    table = _frame(rows)
    if backend == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        con = duckdb.connect()
        db_api: Any = DuckDBAPI(connection=con)
        df = db_api.register(table, dataset_display_name="reports")
    elif backend == "spark":
        from splink import SparkAPI

        if spark is None:
            raise ResolutionError("backend='spark' needs a SparkSession (spark=...)")
        db_api = SparkAPI(spark_session=spark)
        sdf = spark.createDataFrame(table.to_pylist(), schema=_spark_ddl(table.schema))
        df = db_api.register(sdf, dataset_display_name="reports")
    else:
        raise ResolutionError(f"unknown backend {backend!r}: choose duckdb or spark")
    linker = Linker(df, settings(len(reports)), log_level=None)
    pred = linker.inference.predict(threshold_match_probability=threshold)
    out = pred.as_pandas_dataframe() if backend == "spark" else None
    if out is None:
        out = pred.as_duckdbpyrelation().df()
    labels = {f.name: ["missing", *[lv.label for lv in f.levels]] for f in FEATURES}
    bits = {f.name: [0.0, *[math.log2(lv.m / lv.u) for lv in f.levels]] for f in FEATURES}
    pairs = []
    for rec in out.to_dict("records"):
        feats = []
        for f in FEATURES:
            g = int(rec[f"gamma_{f.name}"])
            # Splink numbers levels from the last (0) up; -1 is the null level
            idx = 0 if g < 0 else len(f.levels) - g
            # the weight Splink gave: the level's Bayes factor times its term-frequency
            # adjustment (how common the day or the place is), in bits
            mw = rec.get(f"mw_{f.name}")
            tf = rec.get(f"mw_tf_adj_{f.name}")
            b = bits[f.name][idx] if mw is None else float(mw) + float(tf or 0.0)
            feats.append((f.name, labels[f.name][idx], round(b, 2)))
        a, b = sorted((rec[f"{UID}_l"], rec[f"{UID}_r"]))
        pairs.append(
            Pair(a, b, float(rec["match_weight"]), float(rec["match_probability"]), tuple(feats))
        )
    pairs.sort(key=lambda p: (-p.weight, p.left, p.right))
    return pairs
