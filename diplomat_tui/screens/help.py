"""The ``?`` help screen: the key map and what the mouse does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, str]] = [
    ("1 … 5", "Synopsis, Cast, Episodes, Stats, Sources"),
    ("tab / shift+tab", "next / previous pane"),
    ("↑ ↓  j k", "move in a list"),
    ("g  G", "first / last row"),
    ("enter", "details (with the source of each fact)"),
    ("esc", "back, or close the filter"),
    ("/", "filter the current list as you type"),
    ("w  W", "mark the episode / its whole season watched"),
    ("s", "show or hide spoilers (unwatched summaries)"),
    ("r", "refresh from TVmaze and the Netflix Top 10"),
    ("ctrl+s", "save an SVG screenshot in the current folder"),
    ("ctrl+p", "command palette: search, switch panes, themes"),
    ("?", "this help"),
    ("q", "quit"),
]


def help_text() -> Content:
    """The key map as two aligned columns."""
    width = max(len(key) for key, _ in KEYS) + 2
    rows = [Content.assemble((key.ljust(width), "bold $accent"), what) for key, what in KEYS]
    mouse = Content.styled(
        "\nMouse: click a pane name, a row to open it, scroll with the wheel.", "italic"
    )
    return Content("\n").join(rows) + mouse


class HelpScreen(ModalScreen[None]):
    """A modal listing the key map; any of esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            yield Static(help_text(), id="help-keys")
