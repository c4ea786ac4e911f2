"""The key bar at the bottom: one widget drawing its keys on one line.

It looks like Textual's Footer (the same component styles and spacing: key, then
description; compact when narrow; the palette key at the right edge), but where Footer
is a container of one widget per key, remounted or relabelled (and the whole screen laid
out again, twice) whenever its keys change, this one only redraws its line: the keys
change every time the focus moves between a list and its filter box.

When the keys do not all fit the width, the essentials (help and quit) come first, the
keys are drawn compact and the palette key (named in help) makes room, so what is cut
off is never the way out or the way to help.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

Key = tuple[str, str, str, str, bool, str]  # action, key, its display, text, enabled, tooltip
Shown = tuple[tuple[Key, ...], Key | None]  # the keys, the palette key
ESSENTIAL_ACTIONS = ("help", "quit")  # first when the keys do not all fit
PALETTE_WIDTH = 14  # the palette key at the right edge
PALETTE_BORDER = "▏"  # (Textual's ``vkey`` border, left side)


@dataclass(frozen=True)
class FooterEntry:
    """A key as the footer draws it: ``region`` is where it is on the screen."""

    action: str
    key: str
    key_display: str
    description: str
    enabled: bool
    tooltip: str
    region: Region


class KeyFooter(Widget, can_focus=False):
    """The screen's keys on one line, following the focus in the frame that moves it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--item",
        "footer-key--hover",
        "footer-key--border",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--item {
            background: $footer-item-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer-key--border {
            color: $foreground 20%;
        }
        &:ansi .footer-key--item {
            text-style: none;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown = ((), None)
        self._entries: list[FooterEntry] = []
        self._hover: int | None = None  # the entry under the mouse

    @property
    def keys(self) -> list[FooterEntry]:
        """The keys drawn, in order from the left (the palette key last)."""
        if not self._entries and self.is_mounted:
            self._place(self._shown)
        return list(self._entries)

    def on_mount(self) -> None:
        self._shown = _shown_keys(self.screen)
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        # The keys follow the focus in the frame that shows it (the screen's signal that
        # its bindings changed comes after that frame).
        self.watch(self.screen, "focused", lambda _focused: self.bindings_changed(self.screen))

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Redraw the line if the keys shown (or whether they are enabled) changed."""
        if screen is self.screen and (shown := _shown_keys(screen)) != self._shown:
            self._shown = shown
            self._entries = []
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._entries = []

    def _place(self, shown: Shown) -> tuple[list[Text], Text | None]:
        """Lay the keys out on the line: their entries; the keys' texts and the palette's."""
        first: dict[str, Key] = {}
        for entry in shown[0]:
            first.setdefault(entry[0], entry)  # (Footer shows an action's first key)
        keys = list(first.values())
        needed = sum(len(display) + len(text) + 3 for _, _, display, text, _, _ in keys)
        fits = needed + PALETTE_WIDTH <= self.size.width
        if not fits:
            keys.sort(key=lambda entry: entry[0] not in ESSENTIAL_ACTIONS)  # (stable)
        texts, entries, x = [], [], self.region.x
        for n, (action, key, display, text, enabled, tip) in enumerate(keys):
            label = self._label(display, text, enabled, compact=not fits, hover=n == self._hover)
            region = Region(x, self.region.y, label.cell_len, 1)
            entries.append(FooterEntry(action, key, display, text, enabled, tip, region))
            texts.append(label)
            x += label.cell_len
            if not fits:  # (compact keys have a cell between them)
                texts.append(Text(" ", self._background()))
                x += 1
        palette_text = None
        if shown[1] is not None and fits:
            action, key, display, text, enabled, tip = shown[1]
            palette_text = Text.assemble(  # (Footer's palette key: compact, a cell after it)
                Text(PALETTE_BORDER, self.get_component_rich_style("footer-key--border")),
                self._label(display, text, enabled, compact=True, hover=self._hover == len(keys)),
                Text(" ", self._background()),
            )
            width = palette_text.cell_len
            region = Region(self.region.right - width, self.region.y, width, 1)
            entries.append(FooterEntry(action, key, display, text, enabled, tip, region))
        self._entries = entries
        return texts, palette_text

    def _label(self, display: str, text: str, enabled: bool, *, compact: bool, hover: bool) -> Text:
        """One key as Textual's FooterKey draws it."""
        key_style = self.get_component_rich_style("footer-key--key")
        text_style = self.get_component_rich_style("footer-key--description")
        if compact:
            label = Text.assemble((display, key_style), (f" {text}", text_style))
        else:
            label = Text.assemble((f" {display} ", key_style), (f"{text} ", text_style))
        item = self.get_component_rich_style("footer-key--hover" if hover else "footer-key--item")
        label.stylize_before(self.rich_style + item + (Style(dim=True) if not enabled else Style()))
        return label

    def _background(self) -> Style:
        """The style of the cells between keys: the bar's background alone."""
        return Style(bgcolor=self.rich_style.bgcolor)

    def render_line(self, y: int) -> Strip:
        """The line, its cells styled as Textual's Footer styles them (the cells between
        keys in the bar's background alone)."""
        line = self._line()
        return Strip(line.render(self.app.console), line.cell_len)

    def _line(self) -> Text:
        texts, palette = self._place(self._shown)
        line = Text.assemble(*texts, end="", no_wrap=True, overflow="crop")
        width = self.size.width
        room = width - (palette.cell_len if palette is not None else 0)
        line.truncate(max(0, room))
        line.append(" " * (room - line.cell_len), self._background())
        if palette is not None:  # at the right edge, over what does not fit
            line.append_text(palette)
        line.truncate(width)
        return line

    def _entry_at(self, screen_x: int) -> int | None:
        for n, entry in enumerate(reversed(self._entries)):  # (the palette key is on top)
            if entry.region.x <= screen_x < entry.region.right:
                return len(self._entries) - 1 - n
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._entry_at(event.screen_x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, hover: int | None) -> None:
        if hover != self._hover:
            self._hover = hover
            self.tooltip = self._entries[hover].tooltip or None if hover is not None else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A key clicked is pressed (a disabled one rings the bell)."""
        index = self._entry_at(event.screen_x)
        if index is None:
            return
        entry = self._entries[index]
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()


def _shown_keys(screen: Screen[Any]) -> Shown:
    """The keys ``screen`` shows (as Textual's Footer picks them), and the palette key."""
    app, bindings = screen.app, screen.active_bindings
    keys = tuple(
        (binding.action, binding.key, app.get_key_display(binding), binding.description, on, tip)
        for _node, binding, on, tip in bindings.values()
        if binding.show
    )
    palette = bindings.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
    if palette is None:
        return keys, None
    _node, binding, on, _tip = palette
    tip = binding.tooltip or binding.description
    return keys, (
        binding.action,
        binding.key,
        app.get_key_display(binding),
        binding.description,
        on,
        tip,
    )
