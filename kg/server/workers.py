"""Query evaluation in worker processes, so that a timeout really stops the work.

A pyoxigraph query runs in Rust and cannot be interrupted from a Python thread. Each
worker is a process that opens the store read-only once, evaluates one query at a time and
sends back the result already serialised by Oxigraph's own writers. When a query outlives
its time limit, the parent kills that process (the work stops with it) and starts a
replacement; the other workers keep answering.

This module imports only the standard library, pyoxigraph, :mod:`kg.formats` and
:mod:`kg.lifeline` (workers import them when they start; they die with the server,
even a killed one).

>>> import asyncio, tempfile, pyoxigraph as ox
>>> path = tempfile.mkdtemp() + "/s"
>>> st = ox.Store(path); st.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"),
...     ox.Literal("o"), ox.NamedNode("http://x/g"))); st.flush(); del st
>>> async def demo():
...     async with WorkerPool(path, size=1) as pool:
...         return await pool.run(Job("SELECT ?s { ?s ?p ?o }", union=True), timeout=10)
>>> asyncio.run(demo()).payload
b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://x/s"}}]}}'
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg import formats
from kg.query_guard import syntax_message

log = logging.getLogger("kg.server")

INLINE_BYTES = 256 * 1024  # results up to this size are read on the event loop


@dataclass
class Job:
    """One query for a worker, with the dataset and the formats the client accepts."""

    query: str
    union: bool = False
    default_graph: list[str] | None = None
    named_graphs: list[str] | None = None
    base_iri: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    tabular_format: str = "json"  # names of formats in kg.formats
    graph_format: str = "turtle"
    max_bytes: int = 100 * 1024 * 1024


def _nothing() -> None:
    pass


@dataclass
class Reply:
    """A worker's answer: HTTP status, result kind (``tabular``/``boolean``/``graph``/
    ``error``, or ``memory`` when it ran out of memory) and the serialised result (or the
    error message, UTF-8).

    :meth:`WorkerPool.run` hands out replies whose ``release`` must be called once the
    result is sent (or dropped): large results count against the pool's memory budget until
    every request that shares them has done so.
    """

    status: int
    kind: str
    payload: bytes
    seconds: float = 0.0
    release: Callable[[], None] = field(default=_nothing, repr=False, compare=False)
    budgeted: bool = field(default=False, repr=False, compare=False)


class QueryTimeout(Exception):
    """The query ran past its limit; its worker was killed."""


class ServerBusy(Exception):
    """No worker became free within the limit."""


class WorkerCrashed(Exception):
    """The worker process died while evaluating."""


class QueryOutOfMemory(Exception):
    """The query needed more memory than a worker may use; its worker was replaced."""


# --------------------------------------------------------------------------- worker side
class _TooLarge(Exception):
    pass


class _LimitedBuffer(io.RawIOBase):
    """A bytes sink that refuses to grow past ``limit`` (stops the serialiser early)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.buf = bytearray()
        self.exceeded = False

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if len(self.buf) + len(b) > self.limit:
            self.exceeded = True
            raise _TooLarge
        self.buf += b
        return len(b)


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB"


def evaluate(store: ox.Store, job: Job, store_path: str = "") -> Reply:
    """Evaluate ``job`` on ``store`` and serialise the result (runs in the worker)."""
    t0 = time.perf_counter()
    kwargs: dict[str, Any] = {"prefixes": job.prefixes, "base_iri": job.base_iri}
    if job.default_graph is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph]
    if job.named_graphs is not None:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.union and job.default_graph is None:
        kwargs["use_default_graph_as_union"] = True
    buf = _LimitedBuffer(job.max_bytes)
    # Oxigraph writes small pieces: a C-level buffer keeps Python calls rare
    out = io.BufferedWriter(buf, buffer_size=min(job.max_bytes, 1 << 20))
    try:
        res = store.query(job.query, **kwargs)
        if isinstance(res, ox.QuerySolutions):
            kind = "tabular"
            res.serialize(out, formats.get(job.tabular_format).oxigraph)
        elif isinstance(res, ox.QueryBoolean):
            kind = "boolean"
            res.serialize(out, formats.get(job.tabular_format).oxigraph)
        else:
            kind = "graph"
            res.serialize(out, formats.get(job.graph_format).oxigraph)
        out.flush()
    except SyntaxError as err:
        return Reply(400, "error", f"query syntax error: {syntax_message(err, job.query)}".encode())
    except MemoryError:
        return Reply(503, "memory", b"")
    except Exception as err:
        if buf.exceeded:
            return Reply(
                422,
                "error",
                (
                    f"the result is larger than this endpoint's limit of {_mib(job.max_bytes)} "
                    "(--max-results): add LIMIT, select fewer variables or aggregate"
                ).encode(),
            )
        msg = str(err)
        if isinstance(err, OSError) or (store_path and store_path in msg):
            log.error("query failed while reading the store: %s", msg)
            msg = "the store could not be read; the operator can find details in the log"
        return Reply(500, "error", f"query evaluation failed: {msg}".encode())
    return Reply(200, kind, bytes(buf.buf), time.perf_counter() - t0)


def _cap_memory(limit: int) -> None:
    """Cap this process's address space at what it uses now plus ``limit`` bytes
    (``RLIMIT_AS``): an allocation past it fails, and Oxigraph (Rust) then aborts the
    process, which the parent answers as 503 (:class:`QueryOutOfMemory`)."""
    import resource

    with open("/proc/self/status", encoding="ascii") as fh:
        used = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + limit
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _worker_main(
    conn: Connection, store_path: str, parent_pid: int | None = None, memory: int = 0
) -> None:
    """A worker's life: open the store read-only, cap its memory, then answer jobs until
    told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    if parent_pid is not None:  # and if it is killed, the kernel stops us
        from kg.lifeline import die_with_parent

        die_with_parent(parent_pid)
    try:
        store = ox.Store.read_only(store_path)
        evaluate(store, Job("ASK { ?s ?p ?o }", union=True))  # warm up before the cap
        if memory:
            _cap_memory(memory)
    except Exception as err:
        conn.send(("failed", f"cannot open the store read-only: {err}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        reply = evaluate(store, job, store_path)
        conn.send((reply.status, reply.kind, len(reply.payload), reply.seconds))
        conn.send_bytes(reply.payload)
        reply = None  # type: ignore[assignment]  # free the result before the next job


# --------------------------------------------------------------------------- parent side
GENERAL, SHORT = "general", "short"


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    lane: str = GENERAL


class _Waiter:
    """A request waiting for a worker: its arrival order and the lanes it may take."""

    __slots__ = ("fut", "lanes", "seq")

    def __init__(self, fut: asyncio.Future[_Worker], seq: int, lanes: frozenset[str]) -> None:
        self.fut = fut
        self.seq = seq
        self.lanes = lanes


class ResultBudget:
    """Bytes of results the server may hold at once (read from workers, not yet sent).

    :meth:`acquire` waits, first come first served, until ``n`` bytes are free (a result
    larger than the whole budget waits until nothing else is held).

    >>> async def demo():
    ...     budget = ResultBudget(100)
    ...     await budget.acquire(60, timeout=1)
    ...     try:
    ...         await budget.acquire(60, timeout=0.01)
    ...     except ServerBusy:
    ...         budget.release(60)
    ...         await budget.acquire(60, timeout=0.01)
    ...         return budget.used
    >>> asyncio.run(demo())
    60
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._waiters: deque[tuple[int, asyncio.Future[None]]] = deque()

    async def acquire(self, n: int, timeout: float) -> None:
        """Reserve ``n`` bytes, waiting up to ``timeout`` seconds (:class:`ServerBusy`)."""
        n = min(n, self.total)
        if not self._waiters and self.used + n <= self.total:
            self.used += n
            return
        entry = (n, asyncio.get_running_loop().create_future())
        self._waiters.append(entry)
        try:
            await asyncio.wait({entry[1]}, timeout=timeout)
        except BaseException:
            self._forget(entry)
            raise
        if not entry[1].done():
            self._forget(entry)
            raise ServerBusy(
                "the server is sending other large results and holds as many as its memory "
                "budget allows (--results-memory)"
            )

    def _forget(self, entry: tuple[int, asyncio.Future[None]]) -> None:
        if entry[1].done() and not entry[1].cancelled():
            self.release(entry[0])  # reserved for us just as we gave up
            return
        entry[1].cancel()
        with contextlib.suppress(ValueError):
            self._waiters.remove(entry)

    def release(self, n: int) -> None:
        """Give back ``n`` bytes acquired before, and serve the waiters that now fit."""
        self.used -= min(n, self.total)
        while self._waiters and self.used + self._waiters[0][0] <= self.total:
            size, fut = self._waiters.popleft()
            if not fut.done():
                self.used += size
                fut.set_result(None)


class _Shared:
    """One evaluation shared by identical requests; its result's budget is returned once
    every request that got it has called :meth:`Reply.release`."""

    def __init__(self, task: asyncio.Task[Reply]) -> None:
        self.task = task
        self.holders = 0


class WorkerPool:
    """Worker processes over one store; :meth:`run` evaluates a :class:`Job`.

    Two lanes keep cheap queries fast while slow ones run:

    * ``size`` *general* workers evaluate queries up to the full time limit, first come
      first served;
    * ``short`` *short-lane* workers take a query when no general worker is free, newest
      first, for at most ``short_seconds``. A query still running then is stopped (its
      worker killed and replaced by a spare kept ready) and waits for a general
      worker in its original place. So ten slow queries occupy the general workers, and an
      ``ASK {}`` sent meanwhile is answered within ``short_seconds`` plus milliseconds.

    Each worker's address space is capped at its size after start-up plus ``memory`` bytes
    (a query past it is answered :class:`QueryOutOfMemory`); results waiting in this
    process to be sent may use ``results_memory`` bytes in all (:class:`ResultBudget`).

    Use as an async context manager, or call :meth:`start` and :meth:`close`.
    """

    def __init__(
        self,
        store_path: str,
        size: int = 2,
        *,
        short: int = 2,
        short_seconds: float = 1.0,
        memory: int = 0,
        results_memory: int = 0,
        start_timeout: float = 60.0,
    ) -> None:
        self.store_path = str(store_path)
        self.size = size
        self.short = short
        self.short_seconds = short_seconds
        self.memory = memory
        self.budget = ResultBudget(results_memory) if results_memory else None
        self.start_timeout = start_timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: dict[str, list[_Worker]] = {GENERAL: [], SHORT: []}
        self._waiting: list[_Waiter] = []
        self._seq = 0
        self._spares: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._executor = ThreadPoolExecutor(
            max_workers=2 * (size + short) + 4, thread_name_prefix="kgq"
        )
        self._started = False
        self._closed = False
        self._inflight: dict[bytes, _Shared] = {}
        self._waiting_for_memory = 0  # workers whose result waits for room in the budget
        self.killed = 0  # workers killed on timeout or overrun (for tests and logs)

    async def __aenter__(self) -> WorkerPool:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------ processes
    def _spawn(self, lane: str = GENERAL) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker_main,
            args=(child, self.store_path, os.getpid(), self.memory),
            daemon=True,
            name=f"kg-query-{lane}",
        )
        proc.start()
        child.close()
        worker = _Worker(proc, parent, lane)
        if not parent.poll(self.start_timeout):
            self._kill(worker)
            raise RuntimeError("a query worker did not start in time")
        try:
            status, detail = parent.recv()
        except (EOFError, OSError):
            status, detail = "failed", "a query worker exited while starting"
        if status != "ready":
            self._kill(worker)
            raise RuntimeError(str(detail))
        return worker

    @staticmethod
    def _kill(worker: _Worker) -> None:
        with contextlib.suppress(Exception):
            worker.process.kill()
        with contextlib.suppress(Exception):
            worker.process.join(5)
        with contextlib.suppress(Exception):
            worker.conn.close()

    def _background(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store; the short lane's
        spare starts in the background."""
        loop = asyncio.get_running_loop()
        lanes = [GENERAL] * self.size + [SHORT] * self.short
        workers = await asyncio.gather(
            *(loop.run_in_executor(self._executor, self._spawn, lane) for lane in lanes)
        )
        self._started = True
        for w in workers:
            self._all.add(w)
            self._give(w)
        if self.short:
            self._background(self._add_spare())

    async def _add_spare(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            spare = await loop.run_in_executor(self._executor, self._spawn, SHORT)
        except Exception as err:
            log.error("could not start a spare query worker: %s", err)
            return
        if self._closed:
            self._kill(spare)
        else:
            self._spares.append(spare)

    async def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put another in its lane: for the short lane the spare at once
        (then a new spare is started), for the general lane a new process."""
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        await loop.run_in_executor(self._executor, self._kill, worker)
        if self._closed:
            return
        to_spares = worker.lane == SHORT and bool(self._spares)
        if to_spares:
            spare = self._spares.pop()
            self._all.add(spare)
            self._give(spare)
        try:
            new = await loop.run_in_executor(self._executor, self._spawn, worker.lane)
        except Exception as err:  # the pool shrinks; requests still get a clear 503
            log.error("could not start a replacement query worker: %s", err)
            return
        if self._closed:
            self._kill(new)
            return
        if to_spares:
            self._spares.append(new)
            return
        self._all.add(new)
        self._give(new)

    # ------------------------------------------------------------ scheduling
    def _give(self, worker: _Worker) -> None:
        """A free worker: to the waiting request its lane serves next, or idle.

        The general lane serves the oldest request. The short lane serves the newest: a
        query sent while slow ones wait goes before them. (Under a flood of new queries an
        older one may wait for the general lane, in its place: never longer than
        ``queue_timeout``.)
        """
        eligible = [w for w in self._waiting if not w.fut.done() and worker.lane in w.lanes]
        chosen: _Waiter | None = None
        if eligible:
            pick = min if worker.lane == GENERAL else max
            chosen = pick(eligible, key=lambda w: w.seq)
        if chosen is None:
            self._idle[worker.lane].append(worker)
            return
        self._waiting.remove(chosen)
        chosen.fut.set_result(worker)

    async def _acquire(self, lanes: frozenset[str], seq: int, timeout: float) -> _Worker:
        for lane in (GENERAL, SHORT):
            if lane in lanes and self._idle[lane]:  # an idle worker has no waiter to serve
                return self._idle[lane].pop()
        loop = asyncio.get_running_loop()
        waiter = _Waiter(loop.create_future(), seq, lanes)
        self._waiting.append(waiter)
        try:
            await asyncio.wait({waiter.fut}, timeout=timeout)
        except BaseException:  # cancelled: hand back a worker we were given meanwhile
            self._forget(waiter)
            raise
        if not waiter.fut.done() or waiter.fut.cancelled():
            self._forget(waiter)
            why = ""
            if self._waiting_for_memory:
                why = (
                    f" ({self._waiting_for_memory} of them wait for room to send their results: "
                    "--results-memory)"
                )
            raise ServerBusy(f"no query worker became free within {timeout:g} s{why}")
        return waiter.fut.result()

    def _forget(self, waiter: _Waiter) -> None:
        if waiter.fut.done() and not waiter.fut.cancelled():
            self._give(waiter.fut.result())
            return
        waiter.fut.cancel()
        with contextlib.suppress(ValueError):
            self._waiting.remove(waiter)

    # ------------------------------------------------------------ running
    async def run(self, job: Job, timeout: float, queue_timeout: float | None = None) -> Reply:
        """Evaluate ``job``; kill its worker if it runs past ``timeout`` seconds.

        The store is read-only, so identical jobs in flight at the same time share one
        evaluation. Raises :class:`QueryTimeout`, :class:`ServerBusy` (no worker free within
        ``queue_timeout``, default ``timeout``), :class:`QueryOutOfMemory` or
        :class:`WorkerCrashed`. Call :meth:`Reply.release` once the result is sent.
        """
        key = pickle.dumps(job)
        shared = self._inflight.get(key)
        if shared is None:
            self._seq += 1
            task = asyncio.ensure_future(
                self._run(job, self._seq, timeout, queue_timeout or timeout)
            )
            shared = self._inflight[key] = _Shared(task)
            task.add_done_callback(lambda _t: self._inflight.pop(key, None))
        shared.holders += 1
        try:
            reply = await asyncio.shield(shared.task)
        except BaseException:
            self._let_go(shared)
            raise
        once = [shared]

        def release() -> None:
            if once:
                self._let_go(once.pop())

        return Reply(reply.status, reply.kind, reply.payload, reply.seconds, release)

    def _let_go(self, shared: _Shared) -> None:
        shared.holders -= 1
        if shared.holders or not shared.task.done() or shared.task.cancelled():
            return
        if shared.task.exception() is None:
            reply = shared.task.result()
            if reply.budgeted and self.budget is not None:
                self.budget.release(len(reply.payload))
                reply.budgeted = False

    async def _run(self, job: Job, seq: int, timeout: float, queue_timeout: float) -> Reply:
        if not self._started or self._closed:
            raise ServerBusy("the query workers are not running")
        short = self.short and timeout > self.short_seconds
        lanes = frozenset((GENERAL, SHORT) if short else (GENERAL,))
        worker = await self._acquire(lanes, seq, queue_timeout)
        if worker.lane == SHORT:
            try:
                return await self._evaluate(worker, job, self.short_seconds, queue_timeout)
            except QueryTimeout:  # not a short query: wait for a general worker, in its place
                general = frozenset((GENERAL,))
                worker = await self._acquire(general, seq, queue_timeout)
        return await self._evaluate(worker, job, timeout, queue_timeout)

    async def _evaluate(
        self, worker: _Worker, job: Job, timeout: float, queue_timeout: float
    ) -> Reply:
        loop = asyncio.get_running_loop()
        healthy = False
        try:
            try:
                worker.conn.send(job)  # small; the idle worker is waiting to read it
                await self._readable(worker.conn, timeout, loop)
                status, kind, size, seconds = worker.conn.recv()
                budgeted = False
                if size > INLINE_BYTES and self.budget is not None:
                    self._waiting_for_memory += 1
                    try:
                        await self.budget.acquire(size, queue_timeout)
                    finally:
                        self._waiting_for_memory -= 1
                    budgeted = True
                try:
                    if size <= INLINE_BYTES:
                        payload = worker.conn.recv_bytes()
                    else:  # a big result: copy it off the event loop
                        recv = worker.conn.recv_bytes
                        payload = await loop.run_in_executor(self._executor, recv)
                except BaseException:
                    if budgeted and self.budget is not None:
                        self.budget.release(size)
                    raise
            except (EOFError, OSError, ValueError):
                raise self._crash(worker) from None
            healthy = True
            return Reply(status, kind, payload, seconds, budgeted=budgeted)
        finally:
            if healthy:
                self._give(worker)
            else:
                self.killed += 1
                # kill now (stops the work), replace in the background
                with contextlib.suppress(Exception):
                    worker.process.kill()
                self._background(self._replace(worker))

    def _crash(self, worker: _Worker) -> Exception:
        """What a worker's death means: out of memory (it aborts when an allocation past its
        cap fails, or the kernel killed it), or a crash."""
        with contextlib.suppress(Exception):
            worker.process.join(2)
        code = worker.process.exitcode
        if code in (-signal.SIGABRT, -signal.SIGKILL):
            return QueryOutOfMemory(f"the query worker ran out of memory (exit {code})")
        return WorkerCrashed(f"the query worker stopped unexpectedly (exit {code})")

    @staticmethod
    async def _readable(conn: Connection, timeout: float, loop: asyncio.AbstractEventLoop) -> None:
        """Wait (without a thread) until the worker has answered; QueryTimeout if it doesn't."""
        if conn.poll(0):
            return
        fut: asyncio.Future[None] = loop.create_future()
        fd = conn.fileno()

        def ready() -> None:
            if not fut.done():
                fut.set_result(None)

        loop.add_reader(fd, ready)
        try:
            await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            raise QueryTimeout(f"the query ran longer than {timeout:g} s") from None
        finally:
            loop.remove_reader(fd)

    async def drain(self, timeout: float) -> None:
        """Wait (up to ``timeout`` seconds) until no job is queued or running here."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._inflight and loop.time() < deadline:
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        """Stop every worker (and the spare)."""
        self._closed = True
        for waiter in self._waiting:
            if not waiter.fut.done():
                waiter.fut.cancel()
        self._waiting.clear()
        everyone = list(self._all) + self._spares
        for w in everyone:
            with contextlib.suppress(Exception):
                w.conn.send(None)
        deadline = time.monotonic() + 2
        for w in everyone:
            w.process.join(max(0.0, deadline - time.monotonic()))
            self._kill(w)
        self._all.clear()
        self._spares.clear()
        for t in list(self._tasks):
            with contextlib.suppress(Exception):
                await t
        self._executor.shutdown(wait=False, cancel_futures=True)
