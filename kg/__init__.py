"""conflict-kg: news reports about political violence in, a provenance-rich RDF graph out.

The Python API in five lines::

    import kg
    store = kg.open("./kg-store")                       # or "http://127.0.0.1:8000/sparql"
    kg.ingest(store, ["examples/sample-corpus"])         # read, extract, store
    store.select("SELECT ?e WHERE { ?e a ckg:Attack }")  # SPARQL, evaluated by Oxigraph
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def open(target: str | None = None, *, read_only: bool = False) -> Any:  # noqa: A001
    """Open a store: a folder (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint.

    >>> import tempfile
    >>> st = open(tempfile.mkdtemp() + "/store")
    >>> st.document_ids()
    []
    >>> st.close()
    """
    if target and target.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(target)
    from kg.store import Store

    return Store(target, read_only=read_only)


def ingest(store: Any, paths: Any, **kwargs: Any) -> Any:
    """Ingest articles into ``store``; see :func:`kg.ingestion.run.ingest`."""
    from kg.ingestion.run import ingest as _ingest

    from pathlib import Path

    if isinstance(paths, str | Path):
        paths = [paths]
    return _ingest(store, paths, **kwargs)

