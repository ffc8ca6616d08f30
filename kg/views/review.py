"""Resolution in ``kg serve``: the review page and the change feed.

``/review``            the pairs of reports the resolution model was unsure of, both texts
                       side by side with the features compared, each with the command that
                       records an analyst's judgement (the server is read-only: judgements
                       are written by ``kg resolve judge``, which also re-resolves)
``/changes?since=``    resolved events created, changed, merged or deleted since a time
                       (JSON), as conflict monitors' update endpoints list them

Mounted by :mod:`kg.server.app` (listed in its ``ROUTER_MODULES``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from kg.resolution.run import changes, review_pairs
from kg.server.context import ServerContext
from kg.store import PREFIXES, from_ox
from kg.views.render import render


class _Reader:
    """What the resolution functions read from: ``select`` over the store being served."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def select(self, sparql: str) -> list[dict[str, Any]]:
        res = self.ctx.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [v.value for v in res.variables]  # type: ignore[union-attr]
        return [{n: from_ox(sol[n]) for n in names} for sol in res]  # type: ignore[union-attr]


def router(ctx: ServerContext) -> APIRouter:
    """``/review`` and ``/changes`` over the store being served."""
    r = APIRouter()
    reader = _Reader(ctx)

    @r.get("/review", include_in_schema=False)
    async def review(limit: int = 50) -> HTMLResponse:
        pairs = await run_in_threadpool(review_pairs, reader, max(1, min(limit, 500)))
        return HTMLResponse(render("review.html", title="Review", pairs=pairs))

    @r.get("/changes", include_in_schema=False)
    async def feed(since: str = "1970-01-01") -> JSONResponse:
        try:
            rows = await run_in_threadpool(changes, reader, since)
        except ValueError:
            return JSONResponse(
                {"error": f"since={since!r} is not a time: give an ISO date or timestamp"},
                status_code=400,
            )
        return JSONResponse({"since": since, "changes": rows})

    return r
