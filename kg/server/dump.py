"""``/dump.nq``: the whole dataset as N-Quads, streamed from one thread per download.

A pyoxigraph iterator may only be advanced by the thread that created it (it is
"unsendable": advanced from another thread, the process aborts). A plain generator handed
to Starlette is advanced on whichever thread-pool thread is free, so two concurrent
downloads of a store larger than one batch killed the server. Here each download owns one
thread, which creates the iterator, serialises batches of :data:`BATCH` quads with
Oxigraph and hands them to the event loop through a queue of at most :data:`AHEAD`
batches (so a slow client holds at most that much memory, and the thread waits).

A download that fails half-way is cut off (the connection closes without the chunked
encoding's last chunk), so clients see an error, never a shorter file with status 200.
A failure before the first batch is an ordinary 500.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from typing import Any

import pyoxigraph as ox

log = logging.getLogger("kg.server")

BATCH = 20_000  # quads serialised at once (about 3 MB of N-Quads)
AHEAD = 4  # batches a download may have ready before its thread waits for the client


class _Done:
    pass


class _Stopped(Exception):
    """The client went away: the producing thread stops."""


def stream_quads(
    reading: Callable[[], AbstractContextManager[ox.Store]], *, batch: int = BATCH
) -> AsyncIterator[bytes]:
    """The N-Quads of every quad of the store ``reading()`` yields, as an async iterator.

    ``reading`` is called on the producing thread and must keep the store available until
    its block ends (:meth:`kg.server.app.ServerContext.reading`).
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | BaseException | type[_Done]] = asyncio.Queue()
    slots = threading.Semaphore(AHEAD)
    stop = threading.Event()

    def put(item: Any) -> None:
        while not slots.acquire(timeout=0.5):
            if stop.is_set():
                raise _Stopped
        if stop.is_set():
            raise _Stopped
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:  # the event loop is closed: the server stopped
            raise _Stopped from None

    def produce() -> None:
        try:
            with reading() as store:
                quads: list[ox.Quad] = []
                # the iterator is created and advanced on this thread only
                for quad in store.quads_for_pattern(None, None, None, None):
                    quads.append(quad)
                    if len(quads) >= batch:
                        put(ox.serialize(quads, None, ox.RdfFormat.N_QUADS) or b"")
                        quads = []
                if quads:
                    put(ox.serialize(quads, None, ox.RdfFormat.N_QUADS) or b"")
            put(_Done)
        except _Stopped:  # the client left, or the server stopped
            return
        except BaseException as err:  # handed to the response, which aborts the download
            log.error("the dump failed: %s", err)
            try:
                put(err)
            except _Stopped:
                return

    async def chunks() -> AsyncIterator[bytes]:
        thread = threading.Thread(target=produce, name="kg-dump", daemon=True)
        thread.start()
        try:
            while True:
                item = await queue.get()
                slots.release()
                if item is _Done:
                    return
                if isinstance(item, BaseException):
                    raise item
                assert isinstance(item, bytes)
                yield item
        finally:
            stop.set()

    return chunks()


async def first_then_rest(stream: AsyncIterator[bytes]) -> tuple[bytes, AsyncIterator[bytes]]:
    """The first chunk (so that a failure at the start is a 500, not a cut-off 200) and an
    iterator over all chunks, the first included."""
    try:
        first = await anext(stream)
    except StopAsyncIteration:
        first = b""

    async def rest() -> AsyncIterator[bytes]:
        if first:
            yield first
        async for chunk in stream:
            yield chunk

    return first, rest()
