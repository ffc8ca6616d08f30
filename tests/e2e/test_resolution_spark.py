"""The resolution model unchanged on Spark: a local Spark session scores the same pairs
with the same weights as DuckDB (kg/resolution/model.py, kg/resolution/spark.py)."""

from __future__ import annotations

import shutil

import pytest

from kg.resolution.model import score_pairs
from tests.unit.test_resolution import reports

pytestmark = pytest.mark.slow


def test_spark_scores_the_pairs_duckdb_scores() -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (apt-get install default-jre-headless)")
    from kg.resolution.spark import local_session

    spark = local_session("local[1]")
    try:
        reps = reports()
        duck = [(p.left, p.right, round(p.weight, 6), p.features) for p in score_pairs(reps)]
        on_spark = score_pairs(reps, backend="spark", spark=spark)
        assert [(p.left, p.right, round(p.weight, 6), p.features) for p in on_spark] == duck
        assert duck and duck[0][:2] == ("urn:report:bomb-1", "urn:report:bomb-2")
    finally:
        spark.stop()
