"""Reading the app's state in Pilot tests: rows, highlighted row, screen text, notes."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import resources
from typing import Any, NamedTuple

from textual.command import Command, CommandList
from textual.content import Content
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


class Note(NamedTuple):
    """A notification as the app gave it."""

    message: str
    severity: str


class NotedApp(DiplomatApp):
    """The app, noting every notification it gives (through ``notify``, its public API)."""

    CSS_PATH = str(resources.files("diplomat_tui") / "app.tcss")  # not beside this module

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.notes: list[Note] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notes.append(Note(message, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


async def notifications(app: NotedApp, pilot: Pilot[None]) -> list[str]:
    """The app's notifications, once the writer thread has reported (or after 2 s)."""
    for _ in range(100):
        if app.notes:
            break
        await pilot.pause(0.02)
    return [note.message for note in app.notes]


def app_with_late_writes(store: Store) -> NotedApp:
    return NotedApp(
        store=store,
        snapshot=store.snapshot(),
        settings=load_settings(),
        writer=StartsAfterSubmit(max_workers=1),
    )


async def palette_highlights(app: DiplomatApp, pilot: Pilot[None], text: str) -> None:
    """Let the command palette search until its highlighted hit holds ``text`` (any case:
    enter then picks it); fail after 5 s. Searches run in the background, hits come in batches."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for hits in app.screen.query(CommandList):
            if hits.highlighted is not None:
                option = hits.get_option_at_index(hits.highlighted)
                shown = (option.hit.text or "") if isinstance(option, Command) else ""
                if text.casefold() in shown.casefold():
                    return
        await pilot.pause(0.02)
    raise AssertionError(f"the palette never highlighted a hit with {text!r}")
