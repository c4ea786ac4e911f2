"""A key press in a long list, until the screen settles, in ``run_test()`` (headless).

The app is diplomat-tui on the large store; the baseline is :class:`BareListApp`, a plain
focused OptionList with as many rows as the diplomat-tui list. Each press posts one ``j``
(``down`` in the baseline) key event and the clock stops when the screen has settled: every message
the press caused has been handled, and the frame it changed has been rendered by the
compositor. That frame is rendered at once instead of on the next 60 Hz tick, so the
figure is the work a press costs, not when the frame timer happens to fire.

``w`` (mark the highlighted episode watched, or not) is measured the same way; its save
runs on the app's writer thread and is not waited for, but it competes for the
interpreter with the next presses, as it does for a user. Its baseline is ``w`` in the
bare list: the highlighted row's prompt replaced (OptionList's ``replace_option_prompt``).

The filter is measured key by key over whole filter sessions in the Episodes list:
``/``, a query typed letter by letter, two backspaces and ``esc`` (which clears the
filter), each key until the screen has settled with the list it narrowed or widened.
Its baseline is the bare list under a filter box that filters nothing
(:class:`BareFilterApp`): the same keys, the cost of typing and of showing and hiding a
box, without the filtering. These keys mount widgets (the footer's keys change with the
focus), so the queues waited for are collected again as the screen settles.

The app's store is read as ``diplomat-tui`` reads it at launch: with the garbage
collector paused, and its records then frozen out of the collector's way.
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import tempfile
import time
from collections.abc import Sequence, Sized
from pathlib import Path

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.widgets import OptionList

from diplomat_tui.app import DiplomatApp
from diplomat_tui.model import Snapshot
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

from bare_app import BareFilterApp, BareListApp

SIZE = (120, 36)
WARMUP = 5  # presses before the measured ones (first renders of the rows fill caches)
QUIET_ROUNDS = 3  # event loop turns with nothing to do that count as settled
LISTS = {"cast": "2", "episodes": "3"}  # pane id: the key that shows it
QUERY = "part 12"  # typed in the Episodes list: every row matches 'part', fewer '1', '12'
FILTER_KEYS = ("slash", *("space" if c == " " else c for c in QUERY), "backspace", "backspace")
FILTER_KEYS += ("escape",)
CHARACTERS = {"slash": "/", "space": " "}


def waiting(nodes: Sequence[DOMNode]) -> list[Sized]:
    """The message queues and pending callbacks of ``nodes``: all empty when idle.

    Collected once, so that checking them costs the same few microseconds in any app.
    """
    return [node._message_queue.values for node in nodes] + [node._next_callbacks for node in nodes]


async def settle(app: App[None], pending: list[Sized] | None) -> None:
    """Return once nothing is queued and the screen has no layout or repaint pending.

    ``pending``: the queues to watch; None: every node's, collected again at each check
    (for keys that mount widgets).
    """
    quiet = 0
    while quiet < QUIET_ROUNDS:
        await asyncio.sleep(0)
        screen = app.screen
        if any(
            pending
            if pending is not None
            else waiting([app, *screen.walk_children(with_self=True)])
        ):
            quiet = 0
        elif (
            screen._layout_required
            or screen._scroll_required
            or screen._repaint_required
            or screen._dirty_widgets
        ):
            screen._on_timer_update()  # render the frame now (what the 60 Hz timer would do)
            quiet = 0
        else:
            quiet += 1


async def _press_times(app: App[None], key: str, presses: int) -> list[float]:
    """Seconds from posting ``key`` to a settled screen, for each measured press."""
    pending = waiting([app, *app.screen.walk_children(with_self=True)])
    character = key if len(key) == 1 else None
    times = []
    for n in range(WARMUP + presses):
        start = time.perf_counter()
        app.post_message(events.Key(key, character))
        await settle(app, pending)
        if n >= WARMUP:
            times.append(time.perf_counter() - start)
    return times


async def _filter_times(app: App[None], rounds: int) -> list[float]:
    """Seconds from posting each key of :data:`FILTER_KEYS` to a settled screen, over
    ``rounds`` filter sessions (after one not counted)."""
    times = []
    for n in range(1 + rounds):
        for key in FILTER_KEYS:
            start = time.perf_counter()
            app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))
            await settle(app, None)
            if n:
                times.append(time.perf_counter() - start)
    return times


def _launch_snapshot(store: Store) -> Snapshot:
    """The store read as ``diplomat-tui`` reads it at launch (cli.py)."""
    gc.disable()
    try:
        snapshot = store.snapshot()
    finally:
        gc.enable()
    gc.freeze()
    return snapshot


async def _app_presses(
    store_dir: Path, presses: int, marks: int
) -> dict[str, tuple[int, list[float]]]:
    """For each list pane: its number of rows and the times of ``j`` presses in it; the
    times of the keys of filter sessions in the Episodes list; then the times of ``w``
    presses in it (each saves a watched mark)."""
    store = Store(store_dir / "store.json")
    snapshot = _launch_snapshot(store)
    app = DiplomatApp(store=store, snapshot=snapshot, settings=load_settings(store_dir))
    results = {}
    async with app.run_test(size=SIZE) as pilot:
        for pane, show_key in LISTS.items():
            await pilot.press(show_key)
            await pilot.pause()
            rows = app.screen.query_one(f"#{pane}-list", OptionList).option_count
            results[pane] = (rows, await _press_times(app, "j", presses))
        rows = results["episodes"][0]
        results["filter"] = (rows, await _filter_times(app, filter_rounds(presses)))
        shown = app.screen.query_one("#episodes-list", OptionList).option_count
        assert shown == rows, f"after esc the filter shows {shown} rows of {rows}"
        results["watched"] = (rows, await _press_times(app, "w", marks))
    gc.unfreeze()
    return results


def filter_rounds(presses: int) -> int:
    """Filter sessions measured for ``presses`` key presses a list: 20 in a full run (220
    keys, so that the p95 is the 11th slowest), 6 in a quick one."""
    return max(6, presses // 5)


async def _bare_presses(rows: int, key: str, presses: int) -> list[float]:
    """The times of ``key`` presses in a bare OptionList of ``rows`` rows."""
    app = BareListApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _press_times(app, key, presses)


async def _bare_filter(rows: int, rounds: int) -> list[float]:
    """The times of the filter keys in :class:`BareFilterApp` of ``rows`` rows."""
    app = BareFilterApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _filter_times(app, rounds)


def measure(presses: int, marks: int, large_store: Path) -> dict[str, dict[str, list[float]]]:
    """Per list (and for ``w`` and the filter): seconds per press ``{"app": [...],
    "bare": [...]}``, rows.

    The app runs on a copy of the large store in ``large_store`` (``w`` saves marks).
    """
    with tempfile.TemporaryDirectory(prefix="diplomat-bench-keys-") as temp:
        for name in ("store.json", "user.json"):  # (without user.json, the first mark
            shutil.copy(large_store / name, temp)  # would read the catalog to migrate it)
        app_results = asyncio.run(_app_presses(Path(temp), presses, marks))
    measured = {}
    for name, (rows, app_times) in app_results.items():
        if name == "filter":
            bare_times = asyncio.run(_bare_filter(rows, filter_rounds(presses)))
        else:
            key = "w" if name == "watched" else "down"
            bare_times = asyncio.run(_bare_presses(rows, key, len(app_times)))
        measured[name] = {"app": app_times, "bare": bare_times, "rows": [float(rows)]}
    return measured
