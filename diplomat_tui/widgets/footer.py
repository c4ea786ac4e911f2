"""The key bar at the bottom: Textual's Footer, drawn once with the first frame."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, bool, str], ...]


class KeyFooter(Footer):
    """A Footer whose keys are in the first frame and that recomposes only on a change.

    Textual's Footer composes empty, then recomposes on every bindings update of its
    screen, and each recompose (mounting the keys) causes further updates: at launch it
    was recomposed five times (~60 ms), the keys appearing last. This one composes the
    keys at once and recomposes only when the keys it shows have changed.
    """

    def __init__(self) -> None:
        super().__init__()
        self._bindings_ready = True  # Footer's own flag: compose the keys in the first frame
        self._shown: Shown | None = None

    def compose(self) -> ComposeResult:
        self._shown = _shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Recompose when the shown keys (or whether they are enabled) changed."""
        if screen is self.screen and _shown_keys(screen) != self._shown:
            super().bindings_changed(screen)


def _shown_keys(screen: Screen[Any]) -> Shown:
    return tuple(
        (binding.key, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )
