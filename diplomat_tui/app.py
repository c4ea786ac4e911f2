"""The Textual app: owns the snapshot and the store writes, shows the main screen.

It never imports tinydb or httpx: it gets typed records from :mod:`diplomat_tui.store`.
Every change the user makes (watched marks, preferences) is saved when it happens,
in order, on one writer thread, so closing the terminal loses nothing.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from diplomat_tui.errors import DiplomatError
from diplomat_tui.model import Catalog, Snapshot
from diplomat_tui.refresh_run import RefreshCancelled, RefreshRun
from diplomat_tui.sanitize import clean_line
from diplomat_tui.screens.main import MainScreen
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.messages import WatchedChange
from diplomat_tui.widgets.progress import next_to_watch
from diplomat_tui.widgets.registry import PANES
from diplomat_tui.widgets.state import SPOILERS_PREF, spoilers_shown
from diplomat_tui.widgets.text import break_long_words

if TYPE_CHECKING:
    from PIL.Image import Image
    from textual.binding import Keymap
    from textual.command import Provider
    from textual.dom import DOMNode
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

CANCELLED = "Refresh cancelled: nothing was saved."
STORE_CHECK_SECONDS = 2.0  # how often the app looks whether another program saved the store
STORE_CHANGED = "Another program saved the store (an ingest or a refresh): showing what it saved."
SCREENSHOT_HELP = "Save an SVG screenshot of the screen"
TOAST_WIDTH, TOAST_FRAME = 60, 4  # a notification's width (app.tcss caps it at 90%), frame


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
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("r", "refresh", "Refresh", id="app.refresh"),
        Binding("escape", "cancel_refresh", "Cancel refresh", show=False, id="app.cancel_refresh"),
        Binding("s", "toggle_spoilers", "Spoilers", id="app.spoilers"),
        Binding("ctrl+s", "save_svg", "Screenshot", show=False, id="app.screenshot"),
        Binding("u,ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding(
            "ctrl+p", "command_palette", "palette", show=False, priority=True, id="app.palette"
        ),
    ]

    snapshot: var[Snapshot] = var(Snapshot(Catalog(), frozenset(), {}), always_update=True)
    """What the app shows: the panes and screens watch it (never compared: each new
    snapshot is a change)."""
    refresh_status: var[str] = var("")
    """What a running refresh is doing (the title bar shows it); empty when none runs."""

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
        self._refresh_run: RefreshRun | None = None
        self._keys_by_id: dict[str, str] = {}
        self._last_watched: tuple[list[str], frozenset[str]] | None = None  # keys, watched before
        self._saved_theme: str | None = None  # the theme config.toml holds
        self._catalog_stamp: tuple[int, int] | None = None  # the catalog file shown
        self._store_watch: Timer | None = None  # looks for another program's saves

    def on_mount(self) -> None:
        self._apply_config()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.snapshot.catalog.show:
            self.sub_title = clean_line(self.snapshot.catalog.show.title)

    def on_main_screen_built(self, message: MainScreen.Built) -> None:
        """The launch is drawn. If the command line paused the garbage collector for it,
        what the launch made (modules, records, widgets) lives as long as the app: it is
        moved out of the collector's way (``gc.freeze``) and collecting resumes."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if self._store_watch is None:
            self._catalog_stamp = self.store.catalog_stamp()
            self._store_watch = self.set_interval(
                STORE_CHECK_SECONDS, self._show_catalog_saved_elsewhere
            )

    async def _show_catalog_saved_elsewhere(self) -> None:
        """Show the catalog another program saved (``diplomat-tui ingest`` in another
        terminal, a refresh in another window) without waiting for a refresh here."""
        stamp = self.store.catalog_stamp()
        if stamp == self._catalog_stamp or self.refreshing:
            return
        self._catalog_stamp = stamp
        try:
            saved = await asyncio.to_thread(self.store.snapshot, read_only=True)
        except DiplomatError as error:
            self.notify(str(error), title="Store", severity="error", timeout=12, markup=False)
            return
        if saved.catalog != self.snapshot.catalog:
            self.snapshot = replace(self.snapshot, catalog=saved.catalog)
            self.notify(STORE_CHANGED, title="Store", timeout=6)

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the first screen (no empty default screen to compose first)."""
        return MainScreen()

    def on_unmount(self) -> None:
        self._writer.shutdown(wait=True)

    # -- state -----------------------------------------------------------------------

    def set_keymap(self, keymap: Keymap) -> None:
        """Use ``keymap`` (binding id to keys); the keys the app names follow it."""
        super().set_keymap(keymap)
        self._keys_by_id = dict(keymap)

    @property
    def keymap(self) -> Mapping[str, str]:
        """Keys by binding id, as remapped by :meth:`set_keymap` (the config file's)."""
        return self._keys_by_id

    @property
    def spoilers_shown(self) -> bool:
        """Whether summaries of unwatched episodes are shown."""
        return spoilers_shown(self.snapshot)

    def set_watched(self, keys: list[str], watched: bool) -> None:
        """Mark episodes watched or not: shown now, saved in order on the writer thread.
        The change can be undone (:meth:`action_undo`)."""
        self._last_watched = (keys, frozenset(k for k in keys if k in self.snapshot.watched))
        self._show_and_save_watched(keys, watched)

    def _show_and_save_watched(self, keys: list[str], watched: bool) -> None:
        if not keys:
            return
        marks = self.snapshot.watched | set(keys) if watched else self.snapshot.watched - set(keys)
        self.snapshot = replace(self.snapshot, watched=frozenset(marks))
        self._save(partial(self.store.set_watched, keys, watched))

    def action_undo(self) -> None:
        """Undo the last watched change (each episode back as it was before it)."""
        if self._last_watched is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        keys, before = self._last_watched
        self._last_watched = None
        self._show_and_save_watched([k for k in keys if k in before], True)
        self._show_and_save_watched([k for k in keys if k not in before], False)
        what = keys[0] if len(keys) == 1 else f"{len(keys)} episodes"
        self.notify(f"Undone: {what} as before.", timeout=3)

    def on_detail_screen_mark_watched(self, message: WatchedChange) -> None:
        self.set_watched(message.keys, message.watched)

    def set_pref(self, key: str, value: Any) -> None:
        """Remember a preference now (in memory and, in order, in the store)."""
        self.snapshot = replace(self.snapshot, prefs={**self.snapshot.prefs, key: value})
        self._save(partial(self.store.set_pref, key, value))

    async def load_picture(self, url: str) -> Image | None:
        """The picture at ``url``, for a Picture widget: from the cache, else fetched
        (widgets never reach the network; this imports Pillow and httpx, on first use)."""
        from diplomat_tui.images import load_picture

        return await load_picture(url, self.settings)

    @work(group="pictures", exit_on_error=False)
    async def cache_pictures(self, catalog: Catalog) -> None:
        """After a refresh has saved: the poster and headshots not cached yet, fetched for
        offline use, outside the refresh (a picture that fails is logged and skipped)."""
        from diplomat_tui.images import fetch_missing

        await fetch_missing(catalog, self.settings)

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

    @property
    def refreshing(self) -> bool:
        """Whether a refresh is running."""
        return self._refresh_run is not None

    def action_refresh(self) -> None:
        """Bring the store up to date from the public sources, in the background."""
        if self._refresh_run is not None:
            self.notify("A refresh is already running (esc cancels it).", timeout=3)
            return
        self._refresh_run = RefreshRun(self.store)
        self.refresh_status = self._refresh_run.describe()
        self.refresh_from_sources(self._refresh_run)

    def _show_refresh_status(self) -> None:
        if self._refresh_run is not None:
            self.refresh_status = self._refresh_run.describe()

    def action_cancel_refresh(self) -> None:
        """Cancel the running refresh: nothing of it is saved."""
        run = self._refresh_run
        if run is None:
            return
        if run.cancel():
            self.workers.cancel_group(self, "refresh")
        else:
            self.notify("Too late to cancel: the refresh is being saved.", timeout=4)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``esc`` cancels a refresh only while one runs (otherwise it does what it did)."""
        if action == "cancel_refresh":
            return self.refreshing
        return True

    @work(group="refresh", exit_on_error=False)
    async def refresh_from_sources(self, run: RefreshRun) -> None:
        """The refresh worker: the panes stay usable; progress shows in the title bar."""
        from diplomat_tui.refresh import refresh  # imports httpx: only when refreshing

        def progress(source: str, status: str) -> None:
            run.report(source, status)
            self._show_refresh_status()

        ticking = self.set_interval(1, self._show_refresh_status)  # the seconds go on

        try:
            result = await refresh(cast(Store, run.store), self.settings, progress)
            # The catalog as saved; the user's marks are those shown (some may be queued).
            saved = await asyncio.to_thread(self.store.snapshot)
            self._catalog_stamp = self.store.catalog_stamp()
            self.snapshot = replace(self.snapshot, catalog=saved.catalog)
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
                if self.settings.images:
                    self.cache_pictures(saved.catalog)
        except DiplomatError as error:
            self.notify(
                str(error), title="Refresh failed", severity="error", timeout=12, markup=False
            )
        except RefreshCancelled:
            self.notify(CANCELLED, title="Refresh", timeout=4)
        except asyncio.CancelledError:
            self.notify(CANCELLED, title="Refresh", timeout=4)
            raise
        finally:
            ticking.stop()
            self._refresh_run = None
            self.refresh_status = ""

    def action_help(self) -> None:
        """Show the key map."""
        from diplomat_tui.screens.help import HelpScreen  # loaded on first use

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_spoilers(self) -> None:
        """Show or hide summaries of unwatched episodes (remembered)."""
        shown = not self.spoilers_shown
        self.set_pref(SPOILERS_PREF, shown)
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
        """Use the config file's keys, theme and graphics; warn in one line about what is
        wrong."""
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
        warnings += [
            f"{where}: there is no setting {name} (`diplomat-tui config init` writes a "
            "commented sample); it was ignored"
            for name in self.settings.unknown_settings
        ]
        if (
            self.settings.graphics == "kitty"
            and not self.is_headless
            and self.console.color_system != "truecolor"
        ):  # the placeholders' colour names the picture: a 256-colour one names another
            self.settings = replace(self.settings, graphics="halfcell")
            warnings.append(
                "Kitty graphics need a true-colour terminal (COLORTERM=truecolor); "
                "pictures are drawn as blocks"
            )
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
        """The palette's commands: every action of the app, one per pane, and the built-in
        ones (theme, quit; the screenshot is the app's own, saved where ``ctrl+s`` saves)."""
        yield SystemCommand("Help", "Show the keys and what they do", self.action_help)
        if self.refreshing:
            yield SystemCommand(
                "Cancel refresh",
                "Stop the running refresh; nothing of it is saved",
                self.action_cancel_refresh,
            )
        else:
            yield SystemCommand(
                "Refresh", "Update from TVmaze and the Netflix Top 10", self.action_refresh
            )
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                command = SystemCommand(command.title, SCREENSHOT_HELP, self.action_save_svg)
            yield command
        if isinstance(screen, MainScreen):
            for pane in PANES:
                yield SystemCommand(
                    f"Show {pane.TITLE}",
                    f"Switch to the {pane.TITLE} pane",
                    lambda pane_id=pane.PANE_ID: screen.action_show_pane(pane_id),
                )
        yield SystemCommand(
            "Show spoilers" if not self.spoilers_shown else "Hide spoilers",
            "Summaries of episodes you have not watched",
            self.action_toggle_spoilers,
        )
        yield from self._watched_commands(screen)
        for name, kind in (("Markdown", "markdown"), ("JSON", "json")):
            yield SystemCommand(
                f"Export to {name}",
                f"Write everything the store knows to a new file in {self.export_folder}",
                partial(self.export, kind),
            )

    def _watched_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """Mark the episode on show (a list's or a detail view's), the next one, or undo."""
        target: DOMNode | None = screen
        if isinstance(screen, MainScreen):  # (its panes come just after the first frame)
            target = screen.current_pane if screen.built else None
        toggle = getattr(target, "action_toggle_watched", None)
        if toggle is not None and target is not None and target.check_action("toggle_watched", ()):
            yield SystemCommand(
                "Mark watched", "Mark the episode on show watched (or not watched)", toggle
            )
        episode = next_to_watch(self.snapshot.catalog.episodes, self.snapshot.watched)
        if episode is not None:
            yield SystemCommand(
                f"Mark {episode.key} watched",
                "The next episode to watch",
                partial(self.set_watched, [episode.key], True),
            )
        if self._last_watched is not None:
            yield SystemCommand("Undo watched change", "The last one, as it was", self.action_undo)

    @property
    def export_folder(self) -> Path:
        """Where the palette's exports are written (new files, never overwritten)."""
        return self.settings.data_dir / "exports"

    def export(self, kind: str) -> None:
        """Write the ``markdown`` or ``json`` export of what is shown to a new file."""
        self.run_worker(
            partial(self._write_export, kind, self.snapshot), thread=True, exit_on_error=False
        )

    def _write_export(self, kind: str, snapshot: Snapshot) -> None:
        """Run in a thread: the export to a new file, then a notification saying where."""
        from diplomat_tui.export import export_json, export_markdown

        text = export_markdown(snapshot) if kind == "markdown" else export_json(snapshot)
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        suffix = "md" if kind == "markdown" else "json"
        try:
            self.export_folder.mkdir(parents=True, exist_ok=True)
            path = _new_file(self.export_folder, f"diplomat-tui-{stamp}", suffix, text)
        except OSError as error:
            message = f"Not exported: cannot write in {self.export_folder}: {error.strerror}"
            self.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"Exported to {path}", timeout=8, markup=False)

    def toast_text(self, message: str) -> str:
        """``message`` as a notification shows it at the current width: a long URL or path
        broken after its separators (``/``, ``?``...), never cut mid-name by the wrapping."""
        width = min(TOAST_WIDTH, self.size.width * 9 // 10) - TOAST_FRAME
        return break_long_words(message, width)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification, shown as :meth:`toast_text` lays it out."""
        super().notify(
            self.toast_text(message),
            title=title,
            severity=severity,
            timeout=timeout,
            markup=markup,
        )


def _new_file(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write ``text`` to a file in ``folder`` that did not exist (``stem-2``... if taken)."""
    for n in range(1, 1000):
        path = folder / (f"{stem}.{suffix}" if n == 1 else f"{stem}-{n}.{suffix}")
        try:
            with path.open("x", encoding="utf-8") as file:
                file.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}.{suffix}")
