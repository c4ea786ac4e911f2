"""Baselines: the least a Textual app can do, to measure diplomat-tui against.

* :class:`BareApp`: one Static and a Footer. Run as a script (``python bare_app.py``) it is
  the launch baseline, started in tmux exactly like ``diplomat-tui``.
* :class:`BareListApp`: one plain, focused OptionList of a given number of rows, the
  baseline for a key press in a long list.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static

READY = "bare Textual app ready"


class BareApp(App[None]):
    """One Static and a Footer: a Textual app's launch floor."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(READY)
        yield Footer()


class BareListApp(App[None]):
    """A focused OptionList of ``rows`` rows (plain strings) and a Footer."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield OptionList(*(f"Row {n:05d} of the bare list" for n in range(self.rows)))
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
