"""The HTTP side of conflict-kg: a read-only SPARQL 1.1 endpoint over the on-disk store.

``kg serve`` runs :func:`kg.server.app.create_app` under uvicorn. Queries are evaluated by
Oxigraph in worker processes (:mod:`kg.server.workers`) so that a timeout really stops
the work; :mod:`kg.query_guard` refuses ``SERVICE``, updates and ``FROM <file:...>``
before anything is evaluated. This package's ``__init__`` stays import-light: worker
processes import it.
"""
