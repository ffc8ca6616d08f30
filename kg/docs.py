"""Deprecated alias of :mod:`kg.ontology_docs` (the HTML documentation of the ontology).

Removed in the next release: import from :mod:`kg.ontology_docs`.
"""

import warnings

from kg.ontology_docs import external_resources, ontology_turtle, render_ontology_html

__all__ = ["external_resources", "ontology_turtle", "render_ontology_html"]

warnings.warn(
    "kg.docs is renamed kg.ontology_docs; the old name goes in the next release",
    DeprecationWarning,
    stacklevel=2,
)
