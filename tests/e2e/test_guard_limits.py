"""Queries at the guard's nesting limits are parsed and evaluated by Oxigraph without
crashing (in a subprocess: a crash would be a segfault): the limits leave room."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.query_guard import MAX_DEPTH, MAX_OPERATORS, check_query

AT_LIMITS = {
    "EXISTS and BINDs": lambda d, k: (
        "ASK { " + "FILTER EXISTS { " * d + "".join(f"BIND(1 AS ?v{i})" for i in range(k))
        + "}" * d + " }"
    ),
    "groups and MINUS": lambda d, k: "ASK { " + "{" * d + "MINUS{}" * k + "}" * d + " }",
    "sub-selects and sums": lambda d, k: (
        "ASK { " + "{ SELECT * { " * (d // 2) + "FILTER(" + "1+" * k + "1)" + "}}" * (d // 2)
        + " }"
    ),
}  # fmt: skip

PARSE = """
import sys, pyoxigraph as ox
res = ox.Store().query(sys.stdin.read())
print("evaluated", bool(res) if isinstance(res, ox.QueryBoolean) else list(res))
"""


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(AT_LIMITS))
def test_queries_at_the_limits_do_not_crash_oxigraph(shape: str) -> None:
    depth = MAX_DEPTH - 2
    query = AT_LIMITS[shape](depth, MAX_OPERATORS - 2 * depth - 4)
    check_query(query)  # accepted by the guard
    proc = subprocess.run(
        [sys.executable, "-c", PARSE], input=query, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.startswith("evaluated")
