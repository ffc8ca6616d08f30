"""Deprecated alias of :mod:`kg.query_guard` (moved below the store, which uses it too).

Removed in the next release: import from :mod:`kg.query_guard`.
"""

import warnings

from kg.query_guard import (
    MAX_DEPTH,
    MAX_OPERATORS,
    READ_ONLY_MESSAGE,
    QueryRefused,
    check_graph_iri,
    check_no_service,
    check_query,
    check_safe,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_OPERATORS",
    "READ_ONLY_MESSAGE",
    "QueryRefused",
    "check_graph_iri",
    "check_no_service",
    "check_query",
    "check_safe",
]

warnings.warn(
    "kg.server.guard moved to kg.query_guard; the old name goes in the next release",
    DeprecationWarning,
    stacklevel=2,
)
