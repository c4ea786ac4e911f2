"""The help screen: the key map, built from the bindings with the user's remaps applied.

Each row names binding ids; the keys shown are those the bindings have now, so a key
remapped in ``config.toml`` shows here as it works. Two columns at every width: the
descriptions wrap inside their own column.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from diplomat_tui.screens.detail import DetailScreen
from diplomat_tui.screens.main import PANE_BINDINGS, MainScreen
from diplomat_tui.widgets.charts import WeeklyCharts
from diplomat_tui.widgets.episodes import EpisodesPane
from diplomat_tui.widgets.keys import key_display
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import NavList
from diplomat_tui.widgets.registry import PANES
from diplomat_tui.widgets.stats import StatsPane

ROWS: list[tuple[tuple[str, ...], str]] = [
    (("pane.next", "pane.previous"), "next / previous pane"),
    (("list.down", "list.up"), "move in a list (↑ ↓ too)"),
    (("list.first", "list.last"), "first / last row"),
    (("list.details",), "details (with the source of each fact)"),
    (("detail.back", "filter.close"), "back from details, clear the filter, or cancel a refresh"),
    (("list.filter",), "filter the current list as you type"),
    (("episodes.watched", "episodes.season_watched"), "mark the episode / its season watched"),
    (("stats.charts",), "Stats: scroll the charts with the keyboard (esc: back to the list)"),
    (("charts.down", "charts.up"), "charts: scroll down / up"),
    (("charts.page_down", "charts.page_up"), "charts: a page down / up"),
    (("charts.top", "charts.end"), "charts: top / end"),
    (("app.undo",), "undo the last watched change"),
    (("app.spoilers",), "show or hide spoilers (unwatched summaries)"),
    (("app.refresh",), "refresh from TVmaze and the Netflix Top 10"),
    (("app.screenshot",), "save an SVG screenshot"),
    (("app.palette",), "command palette: search, switch panes, every action"),
    (("app.help",), "this help"),
    (("app.quit",), "quit"),
]


def _bindings(groups: Iterable[Iterable[BindingType]]) -> dict[str, Binding]:
    return {
        binding.id: binding
        for group in groups
        for binding in group
        if isinstance(binding, Binding) and binding.id
    }


def help_rows(node: DOMNode) -> list[tuple[str, str]]:
    """(keys, what they do) for every row of the key map, the keys as bound now."""
    bindings = _bindings(
        [
            type(node.app).BINDINGS,
            MainScreen.BINDINGS,
            NavList.BINDINGS,
            ListPane.BINDINGS,
            EpisodesPane.BINDINGS,
            StatsPane.BINDINGS,
            WeeklyCharts.BINDINGS,
            DetailScreen.BINDINGS,
        ]
    )
    panes = " ".join(key_display(node, PANE_BINDINGS[pane.PANE_ID], True) for pane in PANES)
    rows = [(panes, ", ".join(pane.TITLE for pane in PANES))]
    for ids, what in ROWS:
        keys: list[str] = []
        for binding_id in ids:
            if binding := bindings.get(binding_id):
                keys += [k for k in key_display(node, binding).split() if k not in keys]
        if keys:
            rows.append((" ".join(keys), what))
    return rows


class HelpScreen(ModalScreen[None]):
    """A modal listing the key map; any of esc, q, ? or F1 closes it."""

    CSS = """
    HelpScreen {
        align: center middle;
    }

    #help-box {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }

    #help-title {
        text-style: bold;
        margin-bottom: 1;
    }

    #help-keys {
        grid-size: 2;
        grid-columns: auto 1fr;
        grid-gutter: 0 2;
        height: auto;
    }

    #help-keys Static {
        height: auto;
    }

    #help-mouse {
        margin-top: 1;
    }
    """
    """Parsed when the screen is first shown, not at launch."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "Close help", id="help.close"),
        Binding("j,down", "scroll_help('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_help('up')", "Scroll up", show=False, id="help.up"),
    ]

    def action_scroll_help(self, direction: str) -> None:
        """``j``/``k`` scroll the key list when it is taller than the terminal."""
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_down() if direction == "down" else box.scroll_up()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("Keys", "bold"), id="help-title")
            with Grid(id="help-keys"):
                for keys, what in help_rows(self):
                    yield Static(Content.styled(keys, "bold $accent"), classes="help-key")
                    yield Static(Content(what), classes="help-what")
            yield Static(
                Content.styled(
                    "Mouse: click a pane name, a row to open it, scroll with the wheel.", "italic"
                ),
                id="help-mouse",
            )
