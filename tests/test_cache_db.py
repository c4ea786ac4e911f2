"""The HTTP cache's SQLite connection: calls that cannot wait run on the event loop, and
a statement waiting for another process's lock never holds the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from diplomat_tui.sources.cache_db import SMALL_WRITE, CacheConnection, CacheCursor

LOCK_HELD = 0.3  # seconds another process keeps the cache file's write lock


async def _ticks(stop: asyncio.Event) -> list[float]:
    """The loop's time every 5 ms until ``stop``: a long gap is a blocked loop."""
    loop, seen = asyncio.get_running_loop(), []
    while not stop.is_set():
        seen.append(loop.time())
        await asyncio.sleep(0.005)
    return seen


async def _open(path: Path) -> CacheConnection:
    connection = await CacheConnection.open(path)
    assert connection is not None  # (None only when its ``prepare`` says no)
    return connection


async def _count(connection: CacheConnection) -> list[tuple[int]]:
    cursor = await connection.cursor()
    await cursor.execute("SELECT count(*) FROM t")
    rows: list[tuple[int]] = await cursor.fetchall()
    return rows


async def test_a_write_waiting_for_another_process_leaves_the_loop_free(tmp_path: Path) -> None:
    path = tmp_path / "http-cache.sqlite"
    connection = await _open(path)
    setup = await connection.cursor()
    for sql in ("PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=5000", "CREATE TABLE t (x)"):
        await setup.execute(sql)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another process is writing
        stop = asyncio.Event()
        ticker = asyncio.create_task(_ticks(stop))
        writer = await connection.cursor()
        insert = asyncio.create_task(writer.execute("INSERT INTO t VALUES (1)"))
        await asyncio.sleep(0.05)
        assert not insert.done()  # waiting for the lock, on the worker
        # Reading meanwhile: the connection is busy on the worker, so this waits there too.
        read = asyncio.create_task(_count(connection))
        await asyncio.sleep(LOCK_HELD)
        other.execute("ROLLBACK")
        await insert
        rows = await read
        stop.set()
        seen = await ticker
    await connection.close()
    assert rows in ([(0,)], [(1,)])
    assert max(b - a for a, b in zip(seen, seen[1:], strict=False)) < LOCK_HELD / 2
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("SELECT count(*) FROM t").fetchall() == [(1,)]


async def test_a_cursor_writes_counts_and_reads_rows_as_sqlite3_does(
    tmp_path: Path,
) -> None:
    connection = await _open(tmp_path / "http-cache.sqlite")
    cursor = await connection.cursor()
    await cursor.execute("CREATE TABLE t (x)")
    await cursor.execute("INSERT INTO t VALUES (1), (2)")
    assert cursor.rowcount == 2
    await connection.commit()  # autocommit: nothing pending, nothing to do
    await cursor.execute("SELECT x FROM t ORDER BY x")
    assert await cursor.fetchone() == (1,)
    assert await cursor.fetchall() == [(2,)]
    await connection.close()


def _cache_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("http-cache")]


async def _locked_insert(path: Path) -> tuple[CacheConnection, CacheCursor]:
    """A connection to a new cache file and a cursor about to write to it."""
    connection = await _open(path)
    cursor = await connection.cursor()
    for sql in ("PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=5000", "CREATE TABLE t (x)"):
        await cursor.execute(sql)
    return connection, cursor


async def test_a_caller_cancelled_waits_for_its_statement_before_close_can_run(
    tmp_path: Path,
) -> None:
    """A statement cannot be stopped once on the thread: its cancelled caller waits for
    it, so nothing (``close``, or the connection collected) can run beside it."""
    before = set(_cache_threads())
    path = tmp_path / "http-cache.sqlite"
    connection, cursor = await _locked_insert(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        insert = asyncio.create_task(cursor.execute("INSERT INTO t VALUES (1)"))
        await asyncio.sleep(0.05)
        insert.cancel()
        await asyncio.sleep(0.1)
        assert not insert.done()  # cancelled, still waiting for its statement
        assert connection.busy
        other.execute("ROLLBACK")
        with pytest.raises(asyncio.CancelledError):
            await insert
    assert not connection.busy
    await connection.close()
    await asyncio.sleep(0.05)
    assert set(_cache_threads()) <= before  # its thread ended with it
    with closing(sqlite3.connect(path)) as check:  # the statement ran to its end
        assert check.execute("SELECT count(*) FROM t").fetchall() == [(1,)]


def test_no_statement_outlives_the_event_loop(tmp_path: Path) -> None:
    """``asyncio.run`` ending cancels a refresh's tasks: the one whose statement waits for
    a lock still waits for it, so no thread is left using the file after the loop."""
    path = tmp_path / "http-cache.sqlite"
    finished: list[bool] = []

    async def main(other: sqlite3.Connection) -> None:
        connection, cursor = await _locked_insert(path)
        other.execute("BEGIN IMMEDIATE")
        asyncio.create_task(cursor.execute("INSERT INTO t VALUES (1)"))
        await asyncio.sleep(0.05)
        threading.Timer(0.2, lambda: finished.append(True) or other.execute("ROLLBACK")).start()
        # main returns: asyncio.run cancels the insert, waits for it, then closes the loop

    with closing(sqlite3.connect(path, isolation_level=None, check_same_thread=False)) as other:
        asyncio.run(main(other))
        assert finished  # the loop ended only after the lock was released


async def test_opening_runs_prepare_first_and_none_when_it_says_no(tmp_path: Path) -> None:
    path = tmp_path / "http-cache.sqlite"
    before = set(_cache_threads())
    assert await CacheConnection.open(path, lambda _path: False) is None
    assert not path.exists()  # never connected
    prepared: list[Path] = []
    connection = await CacheConnection.open(path, lambda p: prepared.append(p) or True)
    assert connection is not None and prepared == [path]
    await connection.close()
    await asyncio.sleep(0.05)
    assert set(_cache_threads()) <= before  # both threads ended


async def test_a_read_runs_at_once_unless_another_process_holds_the_file(
    tmp_path: Path,
) -> None:
    """A read is tried on the loop with no busy timeout: in a file another process holds
    (a rollback journal's exclusive lock) it waits on the thread, the loop free."""
    path = tmp_path / "http-cache.sqlite"
    connection = await _open(path)
    setup = await connection.cursor()
    for sql in ("PRAGMA busy_timeout=5000", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"):
        await setup.execute(sql)
    sent = connection._last  # the last call sent to the thread
    assert await _count(connection) == [(1,)]
    assert connection._last is sent  # read at once: nothing sent to the thread
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        stop = asyncio.Event()
        ticker = asyncio.create_task(_ticks(stop))
        read = asyncio.create_task(_count(connection))
        await asyncio.sleep(0.05)
        assert not read.done() and connection.busy  # waiting for the lock, on the thread
        await asyncio.sleep(LOCK_HELD)
        other.execute("ROLLBACK")
        assert await read == [(1,)]
        stop.set()
        seen = await ticker
    cursor = await connection.cursor()
    await cursor.execute("PRAGMA busy_timeout")
    assert await cursor.fetchall() == [(5000,)]  # (the read's own timeout was put back)
    await connection.close()
    assert max(b - a for a, b in zip(seen, seen[1:], strict=False)) < LOCK_HELD / 2


async def test_a_small_write_runs_at_once_and_a_body_chunk_on_the_thread(
    tmp_path: Path,
) -> None:
    """An insert or update whose parameters are small is tried on the loop with no busy
    timeout (an answer's bookkeeping), once the connection's first write (which starts the
    WAL, with syncs) was made on the thread; a body's chunk and a delete go to the thread;
    a write that would wait for another process's lock goes there too, and is made once
    it is released."""
    path = tmp_path / "http-cache.sqlite"
    connection, cursor = await _locked_insert(path)
    for _ in range(2):
        sent = connection._last
        await cursor.execute("DELETE FROM t")  # changes no row: the WAL is not started
        assert connection._last is not sent  # on the thread
    await cursor.execute("INSERT INTO t VALUES (0)")
    assert connection._last is not sent  # the first write that changes a row: on the thread
    sent = connection._last
    await cursor.execute("INSERT INTO t VALUES (?)", (b"x" * 100,))
    assert cursor.rowcount == 1
    assert connection._last is sent  # written at once: nothing sent to the thread
    await cursor.execute("INSERT INTO t VALUES (?)", (b"x" * (SMALL_WRITE + 1),))
    assert connection._last is not sent  # a chunk of a body: written on the thread
    sent = connection._last
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        update = asyncio.create_task(cursor.execute("UPDATE t SET x = NULL"))
        await asyncio.sleep(0.05)
        assert not update.done() and connection._last is not sent  # waiting, on the thread
        other.execute("ROLLBACK")
        await update
    assert cursor.rowcount == 3
    sent = connection._last
    await cursor.execute("DELETE FROM t WHERE rowid = 1")
    assert connection._last is not sent  # a delete may free a whole body: on the thread
    await cursor.execute("PRAGMA busy_timeout")
    assert await cursor.fetchall() == [(5000,)]  # (the write's own timeout was put back)
    await connection.close()
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("SELECT count(*) FROM t WHERE x IS NULL").fetchall() == [(2,)]


async def test_writes_run_at_once_from_the_start_when_the_wal_already_holds_frames(
    tmp_path: Path,
) -> None:
    """A file whose WAL holds frames at open (another connection writing, or a new
    file's tables just made) needs no new WAL: its first small write runs on the loop."""
    path = tmp_path / "http-cache.sqlite"
    first, cursor = await _locked_insert(path)  # WAL mode, a table made: frames in the WAL
    await cursor.execute("INSERT INTO t VALUES (1)")
    second = await _open(path)
    assert second.wrote
    sent = second._last
    other = await second.cursor()
    await other.execute("INSERT INTO t VALUES (2)")
    assert second._last is sent  # written at once
    await second.close()
    await first.close()  # the last connection: the WAL file is removed
    third = await _open(path)
    assert not third.wrote
    await third.close()
