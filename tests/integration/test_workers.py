"""The query workers: a runaway query is stopped by killing the worker process evaluating
it, and a fresh worker takes its place (the endpoint over a real server:
tests/e2e/test_server.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.servers import make_store

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 1,500 filler triples: a triple cross product is 3.4e9 rows, far beyond any timeout
    return make_store(tmp_path_factory.mktemp("srv") / "store", filler=1500)


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


def test_results_held_for_sending_never_exceed_the_budget(tmp_path: Path) -> None:
    """A big result is counted against the pool's budget until the request that got it
    releases it; another one waits for room, then is refused naming the option."""
    import asyncio

    from kg.server.workers import Job, ServerBusy, WorkerPool

    path = make_store(tmp_path / "s", filler=20_000)
    everything = "SELECT ?s ?p ?o { ?s ?p ?o }"

    async def go() -> tuple[int, str, int]:
        async with WorkerPool(str(path), size=2, short=0) as pool:
            first = await pool.run(Job(everything, union=True), 30)  # its size, first
            size = len(first.payload)
        async with WorkerPool(str(path), size=2, short=0, results_memory=size * 3 // 2) as pool:
            held = await pool.run(Job(everything, union=True), 30)
            assert pool.budget is not None and pool.budget.used == size
            with pytest.raises(ServerBusy) as err:
                await pool.run(Job(everything + " # another", union=True), 30, 1)
            held.release()
            assert pool.budget.used == 0
            again = await pool.run(Job(everything + " # another", union=True), 30, 1)
            again.release()
            return size, str(err.value), pool.budget.used

    size, message, used = asyncio.run(go())
    assert size > 256 * 1024  # big enough to be counted
    assert "--results-memory" in message
    assert used == 0
