"""What every pane of the main screen declares: its id, title and key.

The main screen, its navigation and tabs, the command palette and the help screen are
all built from these (see :mod:`diplomat_tui.widgets.registry`).
"""

from __future__ import annotations

from typing import ClassVar

from textual.widget import Widget


class Pane(Widget):
    """A pane of the main screen (mixed in after the container a pane is made of)."""

    PANE_ID: ClassVar[str]  # the widget id, and the binding id ``pane.<PANE_ID>``
    TITLE: ClassVar[str]  # in the navigation, the tabs, the palette and the help
    SHORT_TITLE: ClassVar[str]  # in the tabs of a very narrow terminal
    KEY: ClassVar[str]  # the default key that shows it (remappable by its binding id)

    def focus_list(self) -> None:
        """Give the keyboard to the pane (its list, or the pane itself)."""
        self.focus()
