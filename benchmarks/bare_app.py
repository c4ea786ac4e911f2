"""Baselines: the least a Textual app can do, to measure diplomat-tui against.

* :class:`BareApp`: one Static and a Footer. Run as a script (``python bare_app.py``) it is
  the launch baseline, started in tmux exactly like ``diplomat-tui``.
* :class:`BareListApp`: one plain, focused OptionList of a given number of rows, the
  baseline for a key press in a long list.
* :class:`BareFilterApp`: the same list under a hidden Input that ``/`` shows and ``esc``
  clears and hides, filtering nothing: the baseline for the keys of a filter.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, OptionList, Static

READY = "bare Textual app ready"


class BareApp(App[None]):
    """One Static and a Footer: a Textual app's launch floor."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(READY)
        yield Footer()


class BareListApp(App[None]):
    """A focused OptionList of ``rows`` rows (plain strings) and a Footer; ``w`` ticks the
    highlighted row (its prompt replaced, OptionList's way) and moves down."""

    CSS = "OptionList { height: 1fr; }"  # (not auto: no layout measures every row)
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("w", "tick", "Tick")]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield OptionList(*(f"  Row {n:05d} of the bare list" for n in range(self.rows)))
        yield Footer()

    def action_tick(self) -> None:
        options = self.query_one(OptionList)
        if (index := options.highlighted) is not None:
            options.replace_option_prompt_at_index(index, f"✔ Row {index:05d} of the bare list")
            options.action_cursor_down()


class BareFilterApp(BareListApp):
    """:class:`BareListApp` with a filter box that filters nothing: ``/`` shows and focuses
    it, typing changes its text, ``esc`` clears and hides it and gives the list the keys."""

    BINDINGS = [
        Binding("slash", "open", "Filter"),
        Binding("escape", "close", "Clear filter"),
        Binding("q", "quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        box = Input(placeholder="Filter as you type… (esc to clear)")
        box.display = False
        yield box
        yield from super().compose()

    def action_open(self) -> None:
        box = self.query_one(Input)
        box.display = True
        box.focus()

    def action_close(self) -> None:
        box = self.query_one(Input)
        box.value = ""
        box.display = False
        self.query_one(OptionList).focus()


if __name__ == "__main__":
    BareApp().run()
