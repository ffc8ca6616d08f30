"""The HTTP side of conflict-kg: a read-only SPARQL 1.1 endpoint over the on-disk store.

``kg serve`` runs :func:`kg.server.app.create_app` under uvicorn. Queries are evaluated by
Oxigraph in worker processes (:mod:`kg.server.workers`) so that a timeout really stops
the work and a memory cap really holds, with a short lane for quick queries;
:mod:`kg.query_guard` refuses ``SERVICE``, updates, ``FROM <file:...>`` and queries
nested too deep before anything is evaluated; :mod:`kg.server.dump` streams ``/dump.nq``.
This package's ``__init__`` stays import-light: worker processes import it.
"""
