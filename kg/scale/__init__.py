"""Ingest at scale: extraction on a Dask cluster (:mod:`kg.scale.distributed`).

The single-machine path (batched ``nlp.pipe``, batched transactions, resume) lives in
:mod:`kg.ingestion.run`; writable external triple stores in :mod:`kg.gsp`.
"""
