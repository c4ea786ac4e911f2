"""The Textual app: wires the store snapshot to the main screen, help and palette.

It never imports tinydb or httpx: it gets typed records from :mod:`diplomat_tui.store`.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from diplomat_tui.screens.help import HelpScreen
from diplomat_tui.screens.main import PANES, MainScreen
from diplomat_tui.settings import Settings
from diplomat_tui.store import Snapshot, Store


class DiplomatApp(App[None]):
    """diplomat-tui: synopsis, cast, episodes, stats and sources of The Diplomat."""

    TITLE = "diplomat-tui"
    SUB_TITLE = "The Diplomat, in your terminal"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, *, store: Store, snapshot: Snapshot, settings: Settings) -> None:
        super().__init__()
        self.store = store
        self.snapshot = snapshot
        self.settings = settings

    def on_mount(self) -> None:
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        if self.snapshot.catalog.show:
            self.sub_title = self.snapshot.catalog.show.title
        self.push_screen(MainScreen(self.snapshot))

    def action_help(self) -> None:
        """Show the key map."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands: the built-in ones plus one per pane."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for pane_id, title in PANES:
                yield SystemCommand(
                    f"Show {title}",
                    f"Switch to the {title} pane",
                    lambda pane_id=pane_id: screen.action_show_pane(pane_id),
                )
