"""Reading the app's state in Pilot tests: rows, highlighted row, screen text, notes."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from textual.content import Content
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.widgets import Static

from diplomat_tui.app import DiplomatApp
from diplomat_tui.screens.main import MainScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.navlist import NavList


def main_screen(app: DiplomatApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def rows(app: DiplomatApp, pane: str) -> list[str]:
    nav = app.screen.query_one(f"#{pane}-list", NavList)
    return [str(nav.get_option_at_index(i).prompt) for i in range(nav.option_count)]


def highlighted_row(app: DiplomatApp, pane: str) -> str:
    nav = app.screen.query_one(f"#{pane}-list", NavList)
    assert nav.highlighted is not None
    return str(nav.get_option_at_index(nav.highlighted).prompt)


def screen_text(app: DiplomatApp) -> str:
    return "\n".join(
        str(s.content.plain if isinstance(s.content, Content) else s.content)
        for s in app.screen.query(Static)
    )


class StartsAfterSubmit(ThreadPoolExecutor):
    """A writer thread that starts each write a moment after ``submit`` returns, so the
    app has attached its done-callback (the other order is tested below)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        def a_moment_later() -> Any:
            time.sleep(0.05)
            return fn(*args, **kwargs)

        return super().submit(a_moment_later)


def notes(app: DiplomatApp) -> list[Notification]:
    """The notifications on show now (message, title, severity), oldest first."""
    return list(app._notifications)


async def notifications(app: DiplomatApp, pilot: Pilot[None]) -> list[str]:
    """The app's notifications, once the writer thread has reported (or after 2 s)."""
    for _ in range(100):
        if app._notifications:
            break
        await pilot.pause(0.02)
    return [one_line(note.message) for note in app._notifications]


def one_line(message: str) -> str:
    """A notification's text as written: the app breaks long paths and URLs into lines
    (after a separator) to fit the toast; the words are the same."""
    return message.replace("\n", "")


def app_with_late_writes(store: Store) -> DiplomatApp:
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    app._writer = StartsAfterSubmit(max_workers=1)
    return app
