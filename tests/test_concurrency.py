"""Several diplomat-tui processes on one store: no update lost, no deadlock, clear waits.

Two worker processes start together (a barrier on stdin) and each refreshes from the
local server, ingests an article, marks episodes watched, sets preferences and adds a
counted catalog record, interleaved. Every update carries a unique key, so the final
store shows whether any was lost.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from diplomat_tui import store as store_module
from diplomat_tui.cli import main
from diplomat_tui.errors import StoreError
from diplomat_tui.ingest import open_store
from diplomat_tui.store import Store

from helpers.concurrency import (
    ARTICLES,
    COUNTER,
    NEW_CAST,
    ROUNDS,
    WORKER,
    WORKERS,
    watched_key,
)
from helpers.localserver import LocalServer

TESTS = Path(__file__).parent  # cwd of subprocesses: `helpers` importable, not ./diplomat_tui
TIMEOUT = 90


# -- the tests ---------------------------------------------------------------------------


def start_worker(name: str, store: Store, article: Path, env: dict[str, str]) -> subprocess.Popen:
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, name, str(store.path.parent), str(article)],
        cwd=TESTS,
        env={**os.environ, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    assert worker.stdout.readline() == "ready\n", worker.communicate(timeout=TIMEOUT)
    return worker


def finish(worker: subprocess.Popen) -> dict[str, float]:
    """Wait for a worker (a hang fails the test: that would be a deadlock)."""
    out, err = worker.communicate(timeout=TIMEOUT)
    assert worker.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_two_processes_writing_at_once_lose_no_update(
    store: Store, local_server: LocalServer, tmp_path: Path
) -> None:
    episodes_before = len(store.snapshot().catalog.episodes)
    articles = {name: tmp_path / f"{name}.txt" for name in WORKERS}
    for name, path in articles.items():
        path.write_text(ARTICLES[name], encoding="utf-8")
    workers = [
        start_worker(name, store, articles[name], local_server.environ()) for name in WORKERS
    ]
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    runs = [finish(worker) for worker in workers]

    assert max(r["started"] for r in runs) < min(r["ended"] for r in runs), "ran at once"
    snapshot = store.snapshot()
    expected_marks = {watched_key(n, i) for n in WORKERS for i in range(ROUNDS)}
    assert snapshot.watched == expected_marks
    assert {key: value for key, value in snapshot.prefs.items() if key[0] in WORKERS} == {
        f"{n}-{i}": i for n in WORKERS for i in range(ROUNDS)
    }
    counters = [s.period for s in snapshot.catalog.stats if s.metric == COUNTER]
    assert sorted(counters) == sorted(f"{n}-{i}" for n in WORKERS for i in range(ROUNDS))
    assert {c.person for c in snapshot.catalog.cast} >= set(NEW_CAST.values())
    assert len(snapshot.catalog.episodes) > episodes_before  # the refreshes landed
    assert any(s.kind == "tvmaze" for s in snapshot.catalog.sources)


HOLDER = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


@contextmanager
def lock_held_elsewhere(store: Store) -> Iterator[subprocess.Popen]:
    """Another process holding the store's lock until the block ends (or it is killed)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.path) + ".lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder
    finally:
        if holder.poll() is None:
            holder.communicate("", timeout=TIMEOUT)


def test_a_held_lock_gives_a_clear_error_after_the_timeout(store: Store) -> None:
    before = store.path.read_bytes()
    waiting = Store(store.path, lock_timeout=0.3)
    with lock_held_elsewhere(store):
        started = time.perf_counter()
        with pytest.raises(StoreError) as raised:
            waiting.set_watched(["S01E01"], True)
        waited = time.perf_counter() - started
        assert store.snapshot().catalog.show is not None  # reading needs no lock
    assert str(raised.value) == (
        f"the store {store.path} is locked by another diplomat-tui process (waited 0.3s); "
        "try again when it has finished"
    )
    assert 0.3 <= waited < 5
    assert store.path.read_bytes() == before
    waiting.set_watched(["S01E01"], True)  # free again once the holder is gone
    assert store.snapshot().watched == {"S01E01"}


def test_a_writer_killed_while_holding_the_lock_does_not_block_the_next(store: Store) -> None:
    with lock_held_elsewhere(store) as holder:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=TIMEOUT)
        started = time.perf_counter()
        Store(store.path, lock_timeout=5).set_pref("theme", "nord")
    assert time.perf_counter() - started < 2
    assert store.snapshot().prefs["theme"] == "nord"


def test_commands_wait_for_the_lock_then_say_so_in_one_line(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    article = tmp_path / "quill.txt"
    article.write_text(ARTICLES["a"], encoding="utf-8")
    before = store.path.read_bytes()
    with lock_held_elsewhere(store):
        assert main(["ingest", str(article)]) == 1
        err = capsys.readouterr().err
        assert main(["export"]) == 0  # reading is never blocked
        assert open_store(Store(store.path)).snapshot().catalog.show  # nor is starting the app
    assert err.count("\n") == 1
    assert "locked by another diplomat-tui process (waited 0.3s)" in err
    assert store.path.read_bytes() == before


async def test_the_app_shows_what_another_program_saved_without_a_refresh(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ``ingest`` in another terminal shows in the running app within its check
    interval, with a note."""
    from diplomat_tui import app as app_module
    from diplomat_tui.ingest import ingest
    from diplomat_tui.settings import load_settings

    from helpers.app import NotedApp, rows

    monkeypatch.setattr(app_module, "STORE_CHECK_SECONDS", 0.05)
    article = tmp_path / "casting.txt"
    article.write_text(
        "The Diplomat Adds Mia Long\n\nNetflix's The Diplomat has cast Mia Long as Ivy Cole.\n",
        encoding="utf-8",
    )
    app = NotedApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause(0.2)
        assert not any("Mia Long" in row for row in rows(app, "cast")) and not app.notes
        ingest(Store(store.path), [article])  # another program's store object
        for _ in range(100):
            if app.notes:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        assert [note.message for note in app.notes] == [app_module.STORE_CHANGED]
        assert any("Mia Long" in row for row in rows(app, "cast"))
