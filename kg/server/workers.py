"""Query evaluation in worker processes, so that a timeout really stops the work.

A pyoxigraph query runs in Rust and cannot be interrupted from a Python thread. Each
worker is a process that opens the store read-only once, evaluates one query at a time and
sends back the result already serialised by Oxigraph's own writers. When a query outlives
its time limit, the parent kills that process (the work stops with it) and starts a
replacement; the other workers keep answering.

This module imports only the standard library, pyoxigraph, :mod:`kg.formats` and
:mod:`kg.scale.lifeline` (workers import them when they start; they die with the server,
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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg import formats

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


@dataclass
class Reply:
    """A worker's answer: HTTP status, result kind (``tabular``/``boolean``/``graph``/
    ``error``) and the serialised result (or the error message, UTF-8)."""

    status: int
    kind: str
    payload: bytes
    seconds: float = 0.0


class QueryTimeout(Exception):
    """The query ran past its limit; its worker was killed."""


class ServerBusy(Exception):
    """No worker became free within the limit."""


class WorkerCrashed(Exception):
    """The worker process died while evaluating (out of memory?)."""


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
        return Reply(400, "error", f"query syntax error: {err}".encode())
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


def _worker_main(conn: Connection, store_path: str, parent_pid: int | None = None) -> None:
    """A worker's life: open the store read-only, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    if parent_pid is not None:  # and if it is killed, the kernel stops us
        from kg.scale.lifeline import die_with_parent

        die_with_parent(parent_pid)
    try:
        store = ox.Store.read_only(store_path)
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


# --------------------------------------------------------------------------- parent side
@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """A few worker processes over one store; :meth:`run` evaluates a :class:`Job`.

    Use as an async context manager, or call :meth:`start` and :meth:`close`.
    """

    def __init__(self, store_path: str, size: int = 2, *, start_timeout: float = 60.0) -> None:
        self.store_path = str(store_path)
        self.size = size
        self.start_timeout = start_timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._executor = ThreadPoolExecutor(max_workers=2 * size + 2, thread_name_prefix="kgq")
        self._closed = False
        self._inflight: dict[bytes, asyncio.Future[Reply]] = {}
        self.killed = 0  # workers killed on timeout (for tests and logs)

    async def __aenter__(self) -> WorkerPool:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker_main,
            args=(child, self.store_path, os.getpid()),
            daemon=True,
            name="kg-query",
        )
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
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

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(
            *(loop.run_in_executor(self._executor, self._spawn) for _ in range(self.size))
        )
        for w in workers:
            self._all.add(w)
            self._idle.put_nowait(w)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        await loop.run_in_executor(self._executor, self._kill, worker)
        if self._closed:
            return
        try:
            new = await loop.run_in_executor(self._executor, self._spawn)
        except Exception as err:  # the pool shrinks; requests still get a clear 503
            log.error("could not start a replacement query worker: %s", err)
            return
        if self._closed:
            self._kill(new)
            return
        self._all.add(new)
        assert self._idle is not None
        self._idle.put_nowait(new)

    async def run(self, job: Job, timeout: float, queue_timeout: float | None = None) -> Reply:
        """Evaluate ``job`` in a free worker; kill it if it runs past ``timeout`` seconds.

        The store is read-only, so identical jobs in flight at the same time share one
        evaluation. Raises :class:`QueryTimeout`, :class:`ServerBusy` (no worker free within
        ``queue_timeout``, default ``timeout``) or :class:`WorkerCrashed`.
        """
        key = pickle.dumps(job)
        task = self._inflight.get(key)
        if task is None:
            task = asyncio.ensure_future(self._run(job, timeout, queue_timeout or timeout))
            self._inflight[key] = task
            task.add_done_callback(lambda _t: self._inflight.pop(key, None))
        return await asyncio.shield(task)

    async def _run(self, job: Job, timeout: float, queue_timeout: float) -> Reply:
        if self._idle is None or self._closed:
            raise ServerBusy("the query workers are not running")
        loop = asyncio.get_running_loop()
        try:
            worker = await asyncio.wait_for(self._idle.get(), queue_timeout)
        except TimeoutError:
            raise ServerBusy(f"no query worker became free within {queue_timeout:g} s") from None
        healthy = False
        try:
            try:
                worker.conn.send(job)  # small; the idle worker is waiting to read it
                await self._readable(worker.conn, timeout, loop)
                status, kind, size, seconds = worker.conn.recv()
                if size <= INLINE_BYTES:
                    payload = worker.conn.recv_bytes()
                else:  # a big result: copy it off the event loop
                    payload = await loop.run_in_executor(self._executor, worker.conn.recv_bytes)
            except (EOFError, OSError, ValueError):
                raise WorkerCrashed("the query worker stopped unexpectedly") from None
            healthy = True
            return Reply(status, kind, payload, seconds)
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self.killed += 1
                # kill now (stops the work), replace in the background
                with contextlib.suppress(Exception):
                    worker.process.kill()
                task = asyncio.ensure_future(self._replace(worker))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

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
        """Stop every worker."""
        self._closed = True
        for w in list(self._all):
            with contextlib.suppress(Exception):
                w.conn.send(None)
        deadline = time.monotonic() + 2
        for w in list(self._all):
            w.process.join(max(0.0, deadline - time.monotonic()))
            self._kill(w)
        self._all.clear()
        for t in list(self._tasks):
            with contextlib.suppress(Exception):
                await t
        self._executor.shutdown(wait=False, cancel_futures=True)
