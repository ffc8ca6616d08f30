"""The rdflib view of the embedded store, evaluated by Oxigraph and guarded like the store.

rdflib's ``Graph.query`` asks the store first and, when the store declines (oxrdflib
declines prepared queries, ``initBindings`` on updates, unknown keyword arguments), falls
back to rdflib's own SPARQL engine -- which follows ``SERVICE`` over HTTP, as Oxigraph
would. The view built here never declines and never falls back: every query and update
text is checked by :func:`kg.store.check_query_text` and then evaluated by Oxigraph, or
refused with :class:`kg.store.StoreError`.

>>> import pyoxigraph as ox
>>> ds = guarded_dataset(ox.Store())
>>> bool(ds.query("ASK {}"))
True
>>> ds.query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.store.StoreError: SERVICE (federated query) is refused: ...
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset


class GuardedOxigraphStore(OxigraphStore):
    """oxrdflib's store, with every query and update checked and never handed back to
    rdflib's engine."""

    read_only = False

    def query(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        from kg.store import StoreError, check_query_text

        check_query_text(query)
        try:
            return super().query(query, *args, **kwargs)
        except NotImplementedError as err:  # rdflib would evaluate it with its own engine
            raise StoreError(f"this query cannot be evaluated by Oxigraph: {err}") from None

    def update(self, update: Any, *args: Any, **kwargs: Any) -> None:
        from kg.store import StoreError, check_query_text

        if self.read_only:
            raise StoreError(
                "the store was opened read-only: open it with kg.open(path) to change it "
                "(or use `kg ingest`)"
            )
        check_query_text(update, update=True)
        try:
            super().update(update, *args, **kwargs)
        except NotImplementedError as err:
            raise StoreError(f"this update cannot be evaluated by Oxigraph: {err}") from None


class GuardedDataset(Dataset):
    """A ``Dataset`` whose ``query`` and ``update`` always go to the guarded store
    (``use_store_provided=False`` would choose rdflib's engine: it is ignored)."""

    def query(
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        from kg.store import check_query_text

        check_query_text(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, True, **kwargs)

    def update(
        self,
        update_object: Any,
        processor: Any = "sparql",
        initNs: Any = None,
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> None:
        from kg.store import check_query_text

        check_query_text(update_object, update=True)
        super().update(update_object, processor, initNs, initBindings, True, **kwargs)


def guarded_dataset(store: ox.Store, *, read_only: bool = False) -> GuardedDataset:
    """An rdflib ``Dataset`` over ``store`` (default graph: the union of the named graphs)."""
    inner = GuardedOxigraphStore(store=store)
    inner.read_only = read_only
    return GuardedDataset(store=inner, default_union=True)
