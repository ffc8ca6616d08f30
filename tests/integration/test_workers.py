"""The SPARQL endpoint over a real server: protocol, negotiation, limits, security, clients."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.server.settings import Settings
from tests.servers import make_store, running_server

TIMEOUT_S = 3.0


CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 1,500 filler triples: a triple cross product is 3.4e9 rows, far beyond any timeout
    return make_store(tmp_path_factory.mktemp("srv") / "store", filler=1500)


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    settings = Settings(timeout=TIMEOUT_S, workers=2, cors_origins=("https://allowed.example",))
    with running_server(store_path, settings) as base:
        yield base


def test_timeout_kills_the_worker_process(store_path: Path, tmp_path: Path) -> None:
    """The worker evaluating a runaway query is gone after the timeout."""
    import asyncio

    from kg.server.workers import Job, QueryTimeout, WorkerPool

    async def go() -> tuple[set[int], set[int]]:
        async with WorkerPool(str(store_path), size=1, short=0) as pool:
            before = {w.process.pid for w in pool._all}
            with pytest.raises(QueryTimeout):
                await pool.run(Job(CROSS, union=True), 1.0)
            await asyncio.sleep(0)
            for _ in range(100):
                if pool._all and {w.process.pid for w in pool._all} != before:
                    break
                await asyncio.sleep(0.1)
            return before, {w.process.pid for w in pool._all}

    before, after = asyncio.run(go())
    (old,) = before
    assert old not in after and len(after) == 1
    assert (
        not os.path.exists(f"/proc/{old}")
        or "Z" in Path(f"/proc/{old}/stat").read_text().split()[2]
    )
