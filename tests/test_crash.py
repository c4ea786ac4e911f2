"""Crash safety, measured: SIGKILL in the middle of writes, and saves the disk refuses.

The kill test is :mod:`benchmarks.killtest` (the benchmark runs the same harness
against plain TinyDB). Disk failures are real where the system allows it (a read-only
folder when not root, a file-size limit) and simulated at the system call otherwise
(``os.replace`` / ``os.fsync`` raising EROFS or ENOSPC, as a full or read-only disk does).
"""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from diplomat_tui.cli import main
from diplomat_tui.errors import StoreError
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

import killtest
from helpers.app import NotedApp, app_with_late_writes, notifications

# `make test` kills a sample; `make soak` sets DIPLOMAT_TUI_TEST_KILLS=500.
KILLS = int(os.environ.get("DIPLOMAT_TUI_TEST_KILLS", "20"))
APP_EVERY = 10  # of each lane's kills (2 lanes)
# Kill delays span twice the calibrated write time: half the kills land mid-write, and
# some after the switch even when the machine is busier than during the calibration.
SPAN = 2.0
ARTICLE = """Netflix's hit drama The Diplomat has added Zora Quill to the cast for its third season.

Quill plays Agent Marlow, a spy with a past.
"""
TESTS = Path(__file__).parent  # cwd of subprocesses: `helpers` importable, not ./diplomat_tui


def store_files(folder: Path) -> dict[str, bytes]:
    """Every file in the store's folder but the lock, by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".lock"}


def article(tmp_path: Path) -> Path:
    path = tmp_path / "quill.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("diplomat-tui: "), err
    return err.strip()


# -- SIGKILL -----------------------------------------------------------------------------


def test_sigkill_in_the_middle_of_writes_leaves_the_old_or_the_new_store_whole(
    tmp_path: Path,
) -> None:
    report = killtest.run_kills(
        "diplomat-tui", tmp_path, KILLS, seed=2024, app_every=APP_EVERY, lanes=2, span=SPAN
    )
    assert report.kills == KILLS
    assert report.store_bytes > 2_000_000
    assert (report.corrupt, report.neither) == (0, 0), report.problems
    assert (report.app_starts, report.app_failures) == (KILLS // APP_EVERY, 0), report.problems
    assert report.old > 0 and report.new > 0, "kills must land before and after the switch"


def test_the_kill_delays_cover_the_whole_write_window_however_few() -> None:
    window = 0.6
    delays = killtest.kill_delays(8, window, random.Random(7))
    slices = sorted(int(delay // (window / 8)) for delay in delays)
    assert slices == list(range(8))  # one kill in each eighth of the window
    assert delays != sorted(delays)  # in random order


def test_the_kill_harness_tells_a_torn_file_from_a_whole_one(tmp_path: Path) -> None:
    versions = killtest.make_versions(killtest.Size(people=20, episodes=30, stats=10))
    a, b = (json.dumps(doc).encode() for doc in versions.documents)
    path = tmp_path / "store.json"
    cases = {
        a: "A",
        b: "B",
        a[: len(a) // 2]: killtest.UNPARSABLE,
        a + b[len(a) :]: killtest.UNPARSABLE,  # a shorter file written over a longer one
        a.replace(b"Episode 3 A", b"Episode 3 B"): killtest.NEITHER,
    }
    for content, expected in cases.items():
        path.write_bytes(content)
        assert killtest.classify(path, versions) == expected


# -- a disk that refuses the write -------------------------------------------------------


@contextmanager
def failing(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> Iterator[None]:
    """Make ``os.<name>`` fail with ``code`` (EROFS, ENOSPC) for the duration."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    with monkeypatch.context() as patch:
        patch.setattr(os, name, refuse)
        yield


@pytest.mark.parametrize(
    ("call", "code"),
    [("replace", errno.EROFS), ("fsync", errno.ENOSPC), ("fsync", errno.EIO)],
)
def test_a_refused_save_says_why_and_keeps_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    before = store_files(store.path.parent)
    with failing(monkeypatch, call, code), pytest.raises(StoreError) as raised:
        store.set_watched(["S01E01"], True)
    message = str(raised.value)
    assert message == (
        f"cannot save the user data {store.user_path}: {os.strerror(code)}; "
        "the previous version is intact"
    )
    assert store_files(store.path.parent) == before
    assert store.snapshot().watched == frozenset()


def test_ingest_on_a_read_only_disk_is_one_line_and_changes_nothing(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = store_files(store.path.parent)
    with failing(monkeypatch, "replace", errno.EROFS):
        status = main(["ingest", str(article(tmp_path))])
    assert status == 1
    assert "Read-only file system; the previous version is intact" in one_line_error(capsys)
    assert store_files(store.path.parent) == before


async def test_the_app_keeps_running_and_says_a_mark_was_not_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.user_path.read_bytes() if store.user_path.exists() else None
    app = app_with_late_writes(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        with failing(monkeypatch, "fsync", errno.ENOSPC):
            await pilot.press("w")
            messages = await notifications(app, pilot)
        assert app.is_running
    assert messages == [
        f"Not saved: cannot save the user data {store.user_path}: No space left on device; "
        "the previous version is intact"
    ]
    assert (store.user_path.read_bytes() if store.user_path.exists() else None) == before


class FinishedBeforeReturn(ThreadPoolExecutor):
    """A writer thread that is done before ``submit`` returns, as a fast failure can be:
    the future is then complete when the app attaches its done-callback."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = super().submit(fn, *args, **kwargs)
        wait([future])
        return future


async def test_a_save_that_fails_at_once_is_reported_not_raised(store: Store) -> None:
    store.set_pref("spoilers_shown", False)  # user.json exists: a mark writes only it
    app = NotedApp(
        store=store,
        snapshot=store.snapshot(),
        settings=load_settings(),
        writer=FinishedBeforeReturn(max_workers=1),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        store.user_path.write_bytes(b"[]")
        await pilot.press("3", "w")
        await pilot.pause()
        assert app.is_running
        assert [note.message for note in app.notes] == [
            f"Not saved: the user data {store.user_path} is JSON but not a diplomat-tui store; "
            f"it was left as is. To recover, copy the backup {store.user_backup_path} over it, "
            "or move it aside to start without your watched marks"
        ]


def writes_are_refused(folder: Path) -> bool:
    """Whether the folder really refuses new files (it does not for root)."""
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return True
    probe.unlink()
    return False


def test_a_real_read_only_folder_is_refused_cleanly(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = store.path.parent
    before = store_files(folder)
    folder.chmod(0o555)
    try:
        if not writes_are_refused(folder):
            pytest.skip("chmod does not stop writes here (root): the EROFS tests above cover it")
        status = main(["ingest", str(article(tmp_path))])
        assert store.snapshot().catalog.show is not None  # still readable
    finally:
        folder.chmod(0o755)
    assert status == 1
    message = one_line_error(capsys)
    assert f"the store {store.path}: Permission denied" in message  # cannot save, or lock
    assert store_files(folder) == before


FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from diplomat_tui.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = Path(sys.argv[1]).stat().st_size + 64
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(sys.argv[2:]))
"""


def test_a_write_cut_short_by_the_file_size_limit_keeps_the_store(
    store: Store, tmp_path: Path
) -> None:
    """A real failing write, even as root: the process may not write past the old size."""
    before = store_files(store.path.parent)
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, str(store.path), "ingest", str(article(tmp_path))],
        capture_output=True,
        text=True,
        cwd=TESTS,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"diplomat-tui: cannot save the store {store.path}: File too large; "
        "the previous version is intact.\n"
    )
    # the backup is made only once the new file is written: a refused save changes nothing
    assert store_files(store.path.parent) == before
