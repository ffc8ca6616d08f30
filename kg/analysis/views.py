"""Deprecated alias of :mod:`kg.analysis.tables` (analyses that answer with rows; the HTML
views are :mod:`kg.views`).

Removed in the next release: import from :mod:`kg.analysis.tables` (or :mod:`kg.analysis`).
"""

import warnings

from kg.analysis.tables import *  # noqa: F403
from kg.analysis.tables import __all__ as __all__

warnings.warn(
    "kg.analysis.views is renamed kg.analysis.tables; the old name goes in the next release",
    DeprecationWarning,
    stacklevel=2,
)
