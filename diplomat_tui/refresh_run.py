"""A refresh started in the app: its progress line, and cancelling it before it saves.

The refresh itself (:mod:`diplomat_tui.refresh`) runs in a worker while the panes stay
usable. Cancelling must save nothing: the refresh is given a :class:`GuardedStore`
whose one catalog write first asks this run, under a lock, whether it was cancelled; once
the write has begun, a cancel is refused (too late), so the store is either left as it
was or fully refreshed and the app says which.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from diplomat_tui.model import Catalog
from diplomat_tui.sanitize import clean_line
from diplomat_tui.store import Store


class RefreshCancelled(Exception):
    """Raised on the writer's side when a cancelled refresh reaches its save."""


class RefreshRun:
    """One refresh: what it is doing (for the title bar) and whether it may still save."""

    def __init__(self, store: Store) -> None:
        self.started = time.monotonic()
        self.steps = 0
        self.last = "starting"
        self.store = GuardedStore(store, self)
        self._lock = threading.Lock()
        self._cancelled = False
        self._saving = False

    def report(self, source: str, status: str) -> None:
        """A progress step from the refresh (``"TVmaze"``, ``"episodes: 200 OK"``)."""
        self.steps += 1
        self.last = clean_line(f"{source}: {status}")

    def describe(self) -> str:
        """``Refreshing 3s · TVmaze: episodes: 200 OK · step 4 · esc cancels`` (what a
        narrow title bar cuts off comes last)."""
        seconds = int(time.monotonic() - self.started)
        return f"Refreshing {seconds}s · {self.last} · step {self.steps} · esc cancels"

    def cancel(self) -> bool:
        """Cancel unless the save has begun; whether it was cancelled."""
        with self._lock:
            if not self._saving:
                self._cancelled = True
            return self._cancelled

    def may_save(self) -> None:
        """Called by the store write: raise if cancelled, else no cancel is taken from now."""
        with self._lock:
            if self._cancelled:
                raise RefreshCancelled
            self._saving = True


class GuardedStore:
    """The app's store as a refresh sees it: its catalog write checks the run first."""

    def __init__(self, store: Store, run: RefreshRun) -> None:
        self._store = store
        self._run = run

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def update_catalog(self, change: Callable[[Catalog], Catalog]) -> Catalog:
        """:meth:`Store.update_catalog`, unless the run was cancelled first."""

        def checked_change(old: Catalog) -> Catalog:
            self._run.may_save()
            return change(old)

        return self._store.update_catalog(checked_change)
