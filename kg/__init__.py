"""conflict-kg: news reports about political violence in, a provenance-rich RDF graph out.

The Python API in five lines::

    import kg
    store = kg.open("./kg-store")                       # or "http://127.0.0.1:8000/sparql"
    kg.ingest(store, ["examples/sample-corpus"])         # read, extract, store
    store.select("SELECT ?e WHERE { ?e a ckg:Attack }")  # SPARQL, evaluated by Oxigraph
"""

from __future__ import annotations

import os
from typing import Any

from kg._version import __version__

__all__ = ["__version__", "actor", "df", "event", "ingest", "open", "show"]


def open(target: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Any:
    """Open a store: a folder (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint.

    >>> import tempfile
    >>> st = open(tempfile.mkdtemp() + "/store")
    >>> st.document_ids()
    []
    >>> st.close()
    """
    target = str(target) if target is not None else None
    if target and target.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(target)
    from kg.store import Store

    return Store(target, read_only=read_only)


def ingest(store: Any, paths: Any, **kwargs: Any) -> Any:
    """Ingest articles into ``store``; see :func:`kg.ingestion.run.ingest`."""
    from pathlib import Path

    from kg.ingestion.run import ingest as _ingest

    if isinstance(paths, str | Path):
        paths = [paths]
    return _ingest(store, paths, **kwargs)


# ------------------------------------------------------------------ notebook API (kg.notebook)


def df(store: Any, sparql: str) -> Any:
    """A SPARQL SELECT as a pandas DataFrame; see :func:`kg.notebook.df`.

    >>> from kg.analysis.testing import toy_store
    >>> df(toy_store(), "SELECT (COUNT(?e) AS ?n) WHERE { ?e a ckg:Bombing }")["n"].tolist()
    [2]
    """
    from kg.notebook import df as _df

    return _df(store, sparql)


def actor(store: Any, name: str) -> Any:
    """An actor by name, alias or IRI, with relations, events and evidence.

    See :func:`kg.notebook.actor`; shows itself as a table in a notebook.

    >>> from kg.analysis.testing import toy_store
    >>> a = actor(toy_store(), "Group B")
    >>> a.label, [r["label"] for r in a.affiliations]
    ('Group B', ['Group A'])
    """
    from kg.notebook import actor as _actor

    return _actor(store, name)


def event(store: Any, ref: str) -> Any:
    """An event by IRI or words of its label, with arguments, statements and evidence.

    See :func:`kg.notebook.event`.

    >>> from kg.analysis.testing import toy_store
    >>> e = event(toy_store(), "bombing town")
    >>> e.role("perpetrator"), [s["speaker"] for s in e.statements if s["stance"] == "claim"]
    (['Group B'], ['Group A'])
    """
    from kg.notebook import event as _event

    return _event(store, ref)


def show(obj: Any, **kwargs: Any) -> Any:
    """Draw a graph inline in a notebook (self-contained vis-network page in an iframe).

    See :func:`kg.notebook.show`; make it the last expression of a cell.

    >>> import kg.analysis
    >>> from kg.analysis.testing import toy_store
    >>> view = show(kg.analysis.interaction_graph(toy_store()))
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    from kg.notebook import show as _show

    return _show(obj, **kwargs)
