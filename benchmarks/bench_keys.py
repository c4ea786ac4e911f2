"""A key press in a long list, until the screen settles, in ``run_test()`` (headless).

The app is diplomat-tui on the large store; the baseline is :class:`BareListApp`, a plain
focused OptionList with as many rows as the diplomat-tui list. Each press posts one ``j``
(``down`` in the baseline) key event and the clock stops when the screen has settled: every message
the press caused has been handled, and the frame it changed has been rendered by the
compositor. That frame is rendered at once instead of on the next 60 Hz tick, so the
figure is the work a press costs, not when the frame timer happens to fire.

``w`` (mark the highlighted episode watched, or not) is measured the same way; its save
runs on the app's writer thread and is not waited for, but it competes for the
interpreter with the next presses, as it does for a user.
"""

from __future__ import annotations

import asyncio
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
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

from bare_app import BareListApp

SIZE = (120, 36)
WARMUP = 5  # presses before the measured ones (first renders of the rows fill caches)
QUIET_ROUNDS = 3  # event loop turns with nothing to do that count as settled
LISTS = {"cast": "2", "episodes": "3"}  # pane id: the key that shows it


def waiting(nodes: Sequence[DOMNode]) -> list[Sized]:
    """The message queues and pending callbacks of ``nodes``: all empty when idle.

    Collected once, so that checking them costs the same few microseconds in any app.
    """
    return [node._message_queue.values for node in nodes] + [node._next_callbacks for node in nodes]


async def settle(app: App[None], pending: list[Sized]) -> None:
    """Return once nothing is queued and the screen has no layout or repaint pending."""
    quiet = 0
    while quiet < QUIET_ROUNDS:
        await asyncio.sleep(0)
        screen = app.screen
        if any(pending):
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


async def _app_presses(
    store_dir: Path, presses: int, marks: int
) -> dict[str, tuple[int, list[float]]]:
    """For each list pane: its number of rows and the times of ``j`` presses in it; then
    the times of ``w`` presses in the Episodes list (each saves a watched mark)."""
    store = Store(store_dir / "store.json")
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings(store_dir))
    results = {}
    async with app.run_test(size=SIZE) as pilot:
        for pane, show_key in LISTS.items():
            await pilot.press(show_key)
            await pilot.pause()
            rows = app.screen.query_one(f"#{pane}-list", OptionList).option_count
            results[pane] = (rows, await _press_times(app, "j", presses))
        results["watched"] = (results["episodes"][0], await _press_times(app, "w", marks))
    return results


async def _bare_presses(rows: int, presses: int) -> list[float]:
    """The times of ``down`` presses in a bare OptionList of ``rows`` rows."""
    app = BareListApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _press_times(app, "down", presses)


def measure(presses: int, marks: int, large_store: Path) -> dict[str, dict[str, list[float]]]:
    """Per list (and for ``w``): seconds per press ``{"app": [...], "bare": [...]}``, rows.

    The app runs on a copy of the large store in ``large_store`` (``w`` saves marks).
    """
    with tempfile.TemporaryDirectory(prefix="diplomat-bench-keys-") as temp:
        shutil.copy(large_store / "store.json", temp)
        app_results = asyncio.run(_app_presses(Path(temp), presses, marks))
    measured = {}
    for name, (rows, app_times) in app_results.items():
        bare_times = asyncio.run(_bare_presses(rows, len(app_times)))
        measured[name] = {"app": app_times, "bare": bare_times, "rows": [float(rows)]}
    return measured
