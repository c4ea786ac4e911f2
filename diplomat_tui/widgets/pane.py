"""What every pane of the main screen is: a widget that can take the keyboard.

Its id, titles and key are in the registry (:mod:`diplomat_tui.widgets.registry`), from
which the main screen, its navigation and tabs, the palette and the help are built.
"""

from __future__ import annotations

from textual.widget import Widget


class Pane(Widget):
    """A pane of the main screen (mixed in after the container a pane is made of)."""

    def focus_list(self) -> None:
        """Give the keyboard to the pane (its list, or the pane itself)."""
        self.focus()
