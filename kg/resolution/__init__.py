"""Cross-document event resolution: many reports of one real-world event become one event.

Each document's events stay as they were read (its *reports*: evidence, figures, source);
resolution adds, in a named graph of its own, one **resolved event** per real-world incident
with ``owl:sameAs`` from each report, consolidated values (fatalities best/min/max, number
of independent sources, status) and the decisions behind it (features compared, match
weights). Pairs are scored by a Splink model (Fellegi-Sunter record linkage with blocking
rules; DuckDB here, Spark on a cluster, the same model file); clusters respect analysts'
judgements, which always win; resolved events keep their IRI when more reports arrive.

The modules, in the order data flows:

- :mod:`kg.resolution.reports`: report events read from a store into linkage records;
- :mod:`kg.resolution.model`: the Splink model (comparisons, blocking rules) and scoring;
- :mod:`kg.resolution.cluster`: pairs to clusters, judgements first, stable ids;
- :mod:`kg.resolution.graph`: clusters to the resolution graph's triples;
- :mod:`kg.resolution.judgements`: analysts' accept/reject decisions, in their own graph;
- :mod:`kg.resolution.run`: :func:`resolve`, the whole pass over a store.
"""

from __future__ import annotations

from typing import Any

__all__ = ["resolve"]


def resolve(store: Any, **kwargs: Any) -> Any:
    """Resolve the events of ``store``; see :func:`kg.resolution.run.resolve`."""
    from kg.resolution.run import resolve as _resolve

    return _resolve(store, **kwargs)
