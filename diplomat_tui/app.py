"""The Textual app: owns the snapshot and the store writes, shows the main screen.

It never imports tinydb or httpx: it gets typed records from :mod:`diplomat_tui.store`.
Every change the user makes (watched marks, preferences) is saved when it happens,
in order, on one writer thread, so closing the terminal loses nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from diplomat_tui.errors import DiplomatError
from diplomat_tui.model import Snapshot
from diplomat_tui.sanitize import clean_line
from diplomat_tui.screens.main import PANES, MainScreen
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.messages import SetWatched

if TYPE_CHECKING:
    from PIL.Image import Image
    from textual.command import Provider

SPOILERS_PREF = "spoilers_shown"


def catalog_search_provider() -> type[Provider]:
    """The palette's search, imported when the palette first opens (not at launch)."""
    from diplomat_tui.commands import CatalogSearch

    return CatalogSearch


class DiplomatApp(App[None]):
    """diplomat-tui: synopsis, cast, episodes, stats and sources of The Diplomat."""

    TITLE = "diplomat-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {lambda: catalog_search_provider()}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("r", "refresh", "Refresh", id="app.refresh"),
        Binding("s", "toggle_spoilers", "Spoilers", id="app.spoilers"),
        Binding("ctrl+s", "save_svg", "Screenshot", show=False, id="app.screenshot"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        *,
        store: Store,
        snapshot: Snapshot,
        settings: Settings,
        writer: Executor | None = None,
    ) -> None:
        """``writer`` runs the saves, one at a time and in order (default: one thread)."""
        super().__init__()
        self.store = store
        self.snapshot = snapshot
        self.settings = settings
        self._writer = writer or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="store-writer"
        )
        self._saved_theme: str | None = None  # the theme config.toml holds

    def on_mount(self) -> None:
        self._apply_config()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.snapshot.catalog.show:
            self.sub_title = clean_line(self.snapshot.catalog.show.title)

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the first screen (no empty default screen to compose first)."""
        return MainScreen(self.snapshot)

    def on_unmount(self) -> None:
        self._writer.shutdown(wait=True)

    # -- state -----------------------------------------------------------------------

    @property
    def spoilers_shown(self) -> bool:
        """Whether summaries of unwatched episodes are shown."""
        return bool(self.snapshot.prefs.get(SPOILERS_PREF))

    async def show_snapshot(self, snapshot: Snapshot, panes: Iterable[str] | None = None) -> None:
        """Make ``snapshot`` current and redraw the panes (all, or those named)."""
        from diplomat_tui.screens.detail import DetailScreen

        self.snapshot = snapshot
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.show(snapshot, panes)
            elif isinstance(screen, DetailScreen):
                key = screen.detail.watch_key
                await screen.update_detail(watched=key in snapshot.watched if key else False)

    @on(SetWatched)
    async def _set_watched(self, message: SetWatched) -> None:
        keys = set(message.keys)
        watched = self.snapshot.watched | keys if message.watched else self.snapshot.watched - keys
        await self.show_snapshot(
            replace(self.snapshot, watched=frozenset(watched)), ("episodes", "synopsis")
        )
        self._save(partial(self.store.set_watched, message.keys, message.watched))

    async def set_pref(self, key: str, value: Any, panes: Iterable[str] = ()) -> None:
        """Remember a preference now (in memory and, in order, in the store)."""
        prefs = {**self.snapshot.prefs, key: value}
        await self.show_snapshot(replace(self.snapshot, prefs=prefs), panes)
        self._save(partial(self.store.set_pref, key, value))

    async def load_picture(self, url: str) -> Image | None:
        """The picture at ``url``, for a Picture widget: from the cache, else fetched
        (widgets never reach the network; this imports Pillow and httpx, on first use)."""
        from diplomat_tui.images import load_picture

        return await load_picture(url, self.settings)

    def wait_for_saves(self, timeout: float = 10) -> None:
        """Block until every save asked for so far is done (for tests and tools)."""
        self._writer.submit(lambda: None).result(timeout=timeout)

    def _save(self, write: Callable[[], None]) -> None:
        self._writer.submit(self._write_or_report, write, asyncio.get_running_loop())

    def _write_or_report(self, write: Callable[[], None], loop: asyncio.AbstractEventLoop) -> None:
        """Run on the writer thread: do the write; on failure, queue a notification.

        ``call_soon_threadsafe`` never waits for the app, so a failing write cannot
        deadlock the app's exit (which waits for the writer to finish).
        """
        try:
            write()
        except Exception as error:  # every failure must reach the user, not the thread
            message = str(error) if isinstance(error, DiplomatError) else repr(error)
            loop.call_soon_threadsafe(
                partial(
                    self.notify,
                    f"Not saved: {message}",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            )

    # -- actions ---------------------------------------------------------------------

    def action_refresh(self) -> None:
        """Bring the store up to date from the public sources, in the background."""
        if any(w.group == "refresh" and w.is_running for w in self.workers):
            self.notify("A refresh is already running.", timeout=3)
            return
        self.refresh_from_sources()

    @work(group="refresh", exit_on_error=False)
    async def refresh_from_sources(self) -> None:
        """The refresh worker: progress in the sub-title, panes updated in place."""
        from diplomat_tui.refresh import refresh  # imports httpx: only when refreshing

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        panes = main.query_one("#panes") if main else None
        if panes is not None:
            panes.loading = True
        title = self.sub_title

        def progress(source: str, status: str) -> None:
            self.sub_title = clean_line(f"Refreshing… {source}: {status}")

        try:
            result = await refresh(self.store, self.settings, progress)
            # Read back on the writer thread, so watched marks still queued are included.
            snapshot = await asyncio.wrap_future(self._writer.submit(self.store.snapshot))
            await self.show_snapshot(snapshot)
            for failed in result.failed:
                self.notify(
                    failed.error or failed.name,
                    title="Refresh failed",
                    severity="error",
                    timeout=12,
                    markup=False,
                )
            if len(result.failed) < len(result.sources):
                self.notify(result.summary.describe(), title="Refresh", timeout=6, markup=False)
        except DiplomatError as error:
            self.notify(
                str(error), title="Refresh failed", severity="error", timeout=12, markup=False
            )
        finally:
            self.sub_title = title
            if panes is not None:
                panes.loading = False

    def action_help(self) -> None:
        """Show the key map."""
        from diplomat_tui.screens.help import HelpScreen  # loaded on first use

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_toggle_spoilers(self) -> None:
        """Show or hide summaries of unwatched episodes (remembered)."""
        shown = not self.spoilers_shown
        await self.set_pref(SPOILERS_PREF, shown, ("episodes",))
        self.notify("Spoilers shown" if shown else "Spoilers hidden", timeout=2)

    def action_save_svg(self) -> None:
        """Save an SVG screenshot in the screenshot folder and say where."""
        folder = self.settings.screenshot_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(
                f"Screenshot not saved: cannot write in {folder}: {error.strerror or error}",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.notify(f"Screenshot saved to {path}", timeout=8, markup=False)

    def jump_to(self, pane: str, item_id: str) -> None:
        """Show ``pane`` with the row ``item_id`` highlighted (from the palette)."""
        while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, MainScreen):
            self.screen.jump_to(pane, item_id)

    def _apply_config(self) -> None:
        """Use the config file's keys and theme; warn in one line about what is wrong."""
        where = self.settings.config_path.name  # short: a notification; `locate` says where
        warnings: list[str] = []
        if self.settings.keymap:
            from diplomat_tui.bindings import clean_keymap

            keymap, warnings = clean_keymap(self.settings.keymap, where)
            self.set_keymap(keymap)
            self.call_after_refresh(self._check_keymap, keymap)
        theme = self.settings.theme
        if theme in self.available_themes:
            self.theme = theme
        elif theme is not None:
            warnings.append(
                f"{where}: there is no theme {theme!r} (`diplomat-tui config init` lists "
                f"them); using {self.theme}"
            )
        self._saved_theme = theme
        self._warn(warnings)

    def _check_keymap(self, keymap: dict[str, str]) -> None:
        """Warn about unknown binding ids and keys bound twice (after the first frame: it
        imports every screen)."""
        from diplomat_tui.bindings import app_bindings, keymap_warnings

        self._warn(keymap_warnings(keymap, app_bindings(), self.settings.config_path.name))

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self.notify(warning, title="Config", severity="warning", timeout=15, markup=False)

    def _remember_theme(self, theme: Any) -> None:
        """Save the theme picked (in the palette) in the config file, on the writer thread."""
        if theme.name != self._saved_theme:
            from diplomat_tui.config import save_theme

            self._saved_theme = theme.name
            self._save(partial(save_theme, self.settings.config_path, theme.name))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's commands: the built-in ones plus one per pane."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for pane_id, title in PANES:
                yield SystemCommand(
                    f"Show {title}",
                    f"Switch to the {title} pane",
                    lambda pane_id=pane_id: screen.action_show_pane(pane_id),
                )
        yield SystemCommand(
            "Show spoilers" if not self.spoilers_shown else "Hide spoilers",
            "Summaries of episodes you have not watched",
            self.action_toggle_spoilers,
        )
