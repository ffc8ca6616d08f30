"""The same Splink model on Spark: a session for ``kg resolve --backend spark``.

On a cluster, give Spark's own settings through the environment (``PYSPARK_SUBMIT_ARGS``,
``SPARK_MASTER`` such as ``spark://HOST:7077``) or build the session yourself and pass it
to :func:`kg.resolution.resolve` (``backend="spark", spark=session``): the model, its
comparisons and blocking rules are unchanged; Splink writes Spark SQL instead of DuckDB's.
"""

from __future__ import annotations

import os
from typing import Any

from kg.resolution.model import ResolutionError


def local_session(master: str | None = None) -> Any:
    """A Spark session: ``master`` (default ``$SPARK_MASTER``, else ``local[2]``), with
    the settings Splink asks for (a checkpoint folder, few shuffle partitions locally).

    Raises :class:`ResolutionError` when pyspark (or a Java runtime) is missing.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise ResolutionError(
            "the spark backend needs pyspark: pip install pyspark (and a Java runtime)"
        ) from err
    master = master or os.environ.get("SPARK_MASTER") or "local[2]"
    builder = (
        SparkSession.builder.master(master)
        .appName("conflict-kg resolution")
        .config("spark.sql.shuffle.partitions", "4" if master.startswith("local") else "200")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
    )
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # no Java, or the master cannot be reached
        raise ResolutionError(f"cannot start Spark ({master}): {err}") from err
    spark.sparkContext.setCheckpointDir(os.path.join(os.environ.get("TMPDIR", "/tmp"), "kg-spark"))
    return spark
