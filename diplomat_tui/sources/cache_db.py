"""The HTTP cache's SQLite connection, as hishel's async storage uses it, with fewer
thread hand-overs.

hishel's default connection (anysqlite) runs every call on a worker thread: making a
cursor, fetching rows, committing, ~20 hand-overs per request, each a wait for the
event loop and the worker (several ms each on a busy machine). Here only a statement
that may wait for another process's lock (``execute``, up to hishel's ``busy_timeout``)
goes to the worker; making a cursor, fetching the rows of a read (the cache is in WAL
mode: a read's rows wait for no lock once it has started) and a commit with no
transaction open (hishel works in autocommit mode) run where they are called, and only
while no statement of the connection is on the worker (its lock is free), so the event
loop never waits for one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread

T = TypeVar("T")


class CacheConnection:
    """What hishel's ``AsyncSqliteStorage`` calls on its ``connection``."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self._real = real
        self._worker = CapacityLimiter(1)  # one call of this connection on a thread at a time

    @classmethod
    async def open(cls, path: Path) -> CacheConnection:
        """Connect (on a worker thread) in autocommit mode, as hishel does."""
        connect = partial(sqlite3.connect, str(path), isolation_level=None)
        return cls(await to_thread.run_sync(partial(connect, check_same_thread=False)))

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """``call(*args)`` here if no call of this connection is on the worker, else there."""
        if self._worker.available_tokens:
            return call(*args)
        return await to_thread.run_sync(call, *args, limiter=self._worker)

    async def cursor(self) -> CacheCursor:
        return CacheCursor(self, await self.run(self._real.cursor))

    async def commit(self) -> None:
        if self._real.in_transaction:  # (never, in autocommit mode)
            await to_thread.run_sync(self._real.commit, limiter=self._worker)

    async def close(self) -> None:
        await to_thread.run_sync(self._real.close, limiter=self._worker)


class CacheCursor:
    """A cursor of :class:`CacheConnection`: ``execute`` on the worker, fetching here."""

    def __init__(self, connection: CacheConnection, real: sqlite3.Cursor) -> None:
        self._connection = connection
        self._real = real

    @property
    def rowcount(self) -> int:
        return self._real.rowcount

    async def execute(self, sql: str, parameters: Any = ()) -> CacheCursor:
        await to_thread.run_sync(
            self._real.execute, sql, parameters, limiter=self._connection._worker
        )
        return self

    async def fetchone(self) -> Any:
        return await self._connection.run(self._real.fetchone)

    async def fetchall(self) -> list[Any]:
        return await self._connection.run(self._real.fetchall)
