"""The HTTP cache's SQLite connection, as hishel's async storage uses it, with fewer
thread hand-overs and no call left running on a thread.

hishel's default connection (anysqlite) runs every call on an anyio worker thread:
making a cursor, fetching rows, committing, ~20 hand-overs per request, each a wait for
the event loop and the worker (several ms each on a busy machine). Here a statement is
tried where it is called, with no busy timeout, and goes to the connection's own thread
(where it may wait up to hishel's ``busy_timeout``) only if it would have had to wait for
another process's lock: a read (``SELECT``: looking an answer up, the cache's size, a
cached body's chunks) and a small write (``INSERT``, ``UPDATE`` whose parameters hold at
most :data:`SMALL_WRITE` bytes: an answer's entry, its bookkeeping; a body's chunk goes
to the thread). A ``DELETE`` always goes to the thread: deleting an entry deletes its
body's chunks, and freeing the pages of a 31 MB body took 134 ms. The cache is in WAL
mode with ``synchronous=NORMAL`` (hishel's set-up): a read waits for no writer, a commit
writes to the WAL and syncs nothing, and a statement that cannot take its lock at once
changes nothing (autocommit). Writes go to the thread until the WAL is started: the last
connection's close removed the WAL file, and the first write that changes a row starts a
new one (SQLite syncs the file and its folder then, ~0.5-2 ms), unless it already held
frames at open (a new file's tables were just made, or another process is writing).
Making a cursor, fetching rows and a commit with no transaction open (hishel works in
autocommit mode) run where they are called. All of that only while no call of the
connection is on its thread (calls keep their order), so the event loop never waits for a
lock, nor for the thread. Other statements (``PRAGMA``, tables made) go to the thread.

No call outlives its caller: a caller cancelled while its statement runs on the thread
(a refresh cancelled, ``asyncio.run`` cancelling what is left as it ends) waits for the
statement to finish, then is cancelled. anyio's ``to_thread`` did not: a native asyncio
cancellation ends the waiting task at once and releases its limiter, the statement still
running, so ``close`` (or the connection's garbage collection once ``asyncio.run`` had
returned) could run beside it: an xdist worker crashed (SIGSEGV) that way once. The
thread runs the calls in order, ``close`` last, and ends with it; a connection never
closed lets its idle thread end when it is collected.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_READ = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_SMALL = re.compile(r"\s*(INSERT|UPDATE)\b", re.IGNORECASE)  # (a DELETE may free a body)
SMALL_WRITE = 16 * 1024  # parameters bytes: a larger statement (a body chunk) goes to the thread


async def _finished(future: Future[T]) -> T:
    """The result of ``future`` (a call on a thread), waited for to the end even if the
    caller is cancelled meanwhile (it is cancelled once the call has returned), or closed
    unfinished (a coroutine garbage collected: it blocks until the call has returned)."""
    cancelled: asyncio.CancelledError | None = None
    waiting = asyncio.wrap_future(future)
    try:
        while not future.done():
            try:
                await asyncio.shield(waiting)
            except asyncio.CancelledError as error:
                cancelled = error  # (a call on a thread cannot be stopped: wait for it)
    except GeneratorExit:
        wait([future])
        raise
    if cancelled is not None:
        if waiting.done() and not waiting.cancelled():
            waiting.exception()  # (its outcome is not wanted: never "not retrieved")
        waiting.cancel()
        raise cancelled
    return future.result()


class CacheConnection:
    """What hishel's ``AsyncSqliteStorage`` calls on its ``connection``."""

    def __init__(self, real: sqlite3.Connection, thread: ThreadPoolExecutor) -> None:
        self._real = real
        self._thread = thread  # one thread: its calls run in order, never two at once
        self._last: Future[Any] | None = None  # the last call sent to the thread
        self.initialized = False  # whether ``open``'s ``initialize`` ran without an error
        self.wrote = False  # whether the WAL was started (a write changed a row, or at open)

    @classmethod
    async def open(
        cls,
        path: Path,
        prepare: Callable[[Path], bool] = lambda _path: True,
        initialize: Callable[[sqlite3.Connection], None] = lambda _connection: None,
    ) -> CacheConnection | None:
        """Run ``prepare(path)`` then, unless it returned False (None then), connect in
        autocommit mode as hishel does and ``initialize`` the connection: all in one call
        on the connection's thread. ``initialized`` says whether that raised no error."""
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="http-cache")

        def connect() -> tuple[sqlite3.Connection, bool, bool] | None:
            if not prepare(path):
                return None
            real = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            try:
                initialize(real)
            except (sqlite3.Error, RuntimeError):
                return real, False, _wal_started(path)
            return real, True, _wal_started(path)

        try:
            real = await _finished(thread.submit(connect))
        except BaseException:
            thread.shutdown(wait=False)
            raise
        if real is None:
            thread.shutdown(wait=False)
            return None
        connection = cls(real[0], thread)
        connection.initialized, connection.wrote = real[1], real[2]
        return connection

    @property
    def busy(self) -> bool:
        """Whether a call of this connection is on its thread."""
        return self._last is not None and not self._last.done()

    async def on_thread(self, call: Callable[..., T], *args: Any) -> T:
        """``call(*args)`` on the connection's thread, after the calls sent before it."""
        self._last = future = self._thread.submit(call, *args)
        return await _finished(future)

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """``call(*args)`` here if no call of this connection is on its thread, else there."""
        if not self.busy:
            return call(*args)
        return await self.on_thread(call, *args)

    async def cursor(self) -> CacheCursor:
        return CacheCursor(self, await self.run(self._real.cursor))

    async def commit(self) -> None:
        if self._real.in_transaction:  # (never, in autocommit mode)
            await self.on_thread(self._real.commit)

    async def close(self) -> None:
        """Close the file after every call sent before; the thread then ends."""
        try:
            await self.on_thread(self._real.close)
        finally:
            self._thread.shutdown(wait=False)


class CacheCursor:
    """A cursor of :class:`CacheConnection`: writes on the thread, reads and fetching here."""

    def __init__(self, connection: CacheConnection, real: sqlite3.Cursor) -> None:
        self._connection = connection
        self._real = real

    @property
    def rowcount(self) -> int:
        return self._real.rowcount

    async def execute(self, sql: str, parameters: Any = ()) -> CacheCursor:
        """Run ``sql``: a read or a small write here if it can start without waiting for
        a lock (it is tried with no busy timeout), anything else on the connection's thread."""
        connection = self._connection
        write = bool(_WRITE.match(sql))
        here = _READ.match(sql) or (connection.wrote and _SMALL.match(sql) and _small(parameters))
        if not (here and not connection.busy and self._run_here(sql, parameters)):
            await connection.on_thread(self._real.execute, sql, parameters)
        connection.wrote |= write and self._real.rowcount > 0
        return self

    def _run_here(self, sql: str, parameters: Any) -> bool:
        """Try ``sql`` on this thread without waiting for any lock: False if it would have
        had to wait (another connection holds the file), so nothing was read or written."""
        real = self._connection._real
        waits = real.execute("PRAGMA busy_timeout").fetchone()[0]
        real.execute("PRAGMA busy_timeout=0")
        try:
            self._real.execute(sql, parameters)
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            return False
        finally:
            real.execute(f"PRAGMA busy_timeout={int(waits)}")
        return True

    async def fetchone(self) -> Any:
        return await self._connection.run(self._real.fetchone)

    async def fetchall(self) -> list[Any]:
        return await self._connection.run(self._real.fetchall)


def _small(parameters: Any) -> bool:
    """Whether a statement's parameters hold at most :data:`SMALL_WRITE` bytes of text and
    blobs (a body's chunk does not: writing it is left to the thread)."""
    values = parameters.values() if isinstance(parameters, dict) else parameters
    size = sum(len(value) for value in values if isinstance(value, str | bytes | bytearray))
    return size <= SMALL_WRITE


def _wal_started(path: Path) -> bool:
    """Whether the WAL file beside ``path`` holds anything (its header, frames): a write
    then starts no new one."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False
