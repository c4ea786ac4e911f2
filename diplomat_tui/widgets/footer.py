"""The key bar at the bottom: Textual's Footer, drawn once with the first frame.

When the keys do not all fit the width, the essentials (help and quit) come first, the
keys are drawn compact and the palette key (named in help) makes room, so what is cut
off is never the way out or the way to help.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[str, str, str, bool, str], ...]  # action, key, description, enabled, tip
ESSENTIAL_ACTIONS = ("help", "quit")  # first when the keys do not all fit
PALETTE_WIDTH = 14  # the palette key docked at the right


class KeyFooter(Footer):
    """A Footer whose keys are in the first frame and that recomposes only on a change.

    Textual's Footer composes empty, then recomposes on every bindings update of its
    screen, and each recompose (mounting the keys) causes further updates: at launch it
    was recomposed five times (~60 ms), the keys appearing last. This one composes the
    keys at once and recomposes only when the keys it shows, or whether they fit, change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._bindings_ready = True  # Footer's own flag: compose the keys in the first frame
        self._shown: Shown | None = None
        self._fits: bool | None = None

    def compose(self) -> ComposeResult:
        self._shown = _shown_keys(self.screen)
        self._fits = self._keys_fit(self._shown)
        self.compact = not self._fits
        self.show_command_palette = self._fits  # (help names ctrl+p) room for the essentials
        keys = list(super().compose())
        for key in keys:  # born as compact as the bar (its binding): no restyle on mount
            if isinstance(key, FooterKey) and not key.has_class("-command-palette"):
                key.set_reactive(FooterKey.compact, self.compact)
                key.set_class(self.compact, "-compact", update=False)
        if not self._fits:
            keys.sort(key=lambda key: not _is_essential(key))  # stable: the rest keep order
        yield from keys

    def _keys_fit(self, shown: Shown) -> bool:
        first_keys = {action: (key, text) for action, key, text, _, _ in reversed(shown)}
        needed = sum(len(key) + len(text) + 3 for key, text in first_keys.values())
        return needed + PALETTE_WIDTH <= self.app.size.width

    def on_mount(self) -> None:
        # The keys follow the focus in the frame that shows it (the screen's signal that
        # its bindings changed comes after that frame: a second layout and frame).
        self.watch(self.screen, "focused", lambda _focused: self.bindings_changed(self.screen))

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """When the shown keys (or whether they are enabled) changed, relabel the keys in
        place, or recompose if that cannot be done."""
        if screen is not self.screen or (shown := _shown_keys(screen)) == self._shown:
            return
        if self._keys_fit(shown) != self._fits or not self._relabel():
            super().bindings_changed(screen)

    def _relabel(self) -> bool:
        """Show the keys :meth:`compose` would make on the keys already mounted (those
        not needed hidden), without mounting or styling new widgets: the keys change
        each time the filter box takes or gives back the keys. False if there are too few
        keys, or keys of another kind (groups, or the palette key shown or hidden)."""
        made = list(self.compose())
        wanted = [key for key in made if isinstance(key, FooterKey)]
        keys = list(self.query_children(FooterKey))
        if len(wanted) != len(made) or len(wanted) > len(keys):
            return False
        palette = [key for key in keys if key.has_class("-command-palette")]
        wanted_palette = [key for key in wanted if key.has_class("-command-palette")]
        if len(palette) != len(wanted_palette):
            return False
        plain = [key for key in keys if key not in palette]
        pairs = list(zip(plain, [key for key in wanted if key not in wanted_palette], strict=False))
        for key, new in [*pairs, *zip(palette, wanted_palette, strict=True)]:
            key.key, key.key_display, key.description = new.key, new.key_display, new.description
            key.action, key.tooltip = new.action, new.tooltip
            key._disabled = new._disabled
            key.set_class(new._disabled, "-disabled")
            key.display = True
            key.refresh(layout=True)
        for key in plain[len(pairs) :]:
            key.display = False
        return True

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None and self._keys_fit(self._shown) != self._fits:
            self.call_after_refresh(self.recompose)


def _is_essential(key: Widget) -> bool:
    return getattr(key, "action", None) in ESSENTIAL_ACTIONS


def _shown_keys(screen: Screen[Any]) -> Shown:
    return tuple(
        (binding.action, screen.app.get_key_display(binding), binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )
