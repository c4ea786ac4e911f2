"""A keyboard-first list: OptionList with vi keys and a live filter."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from diplomat_tui.merge import normalize


@dataclass(frozen=True)
class Item:
    """One row: an id the pane understands, what to show, and what a filter matches."""

    id: str
    prompt: Content
    search: str = ""
    header: bool = False  # a group heading (a season): shown, not selectable

    @classmethod
    def heading(cls, id: str, text: str) -> Item:
        """A group heading with a trusted label (untrusted labels: build the Content)."""
        return cls(f"heading:{id}", Content.styled(text, "bold underline"), header=True)


def search_key(text: str) -> str:
    """Text folded for matching: case, accents and quotes ignored (T'Nia finds T’Nia, tnia too)."""
    return normalize(text).replace("'", "").replace('"', "")


class NavList(OptionList):
    """OptionList with j/k, g/G and filtering that keeps group headings in context."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Details", id="list.details"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[tuple[Item, str]] = []
        self._query = ""

    def set_items(self, items: list[Item]) -> None:
        """Replace the rows, keeping the filter and, where it still exists, the selection."""
        self._items = [(item, search_key(item.search)) for item in items]
        self._rebuild()

    def filter(self, query: str) -> None:
        """Show only rows whose text matches every word of ``query`` (case, accents and
        typographic quotes ignored), with the headings of their groups."""
        self._query = search_key(query)
        self._rebuild()

    @property
    def selected_id(self) -> str | None:
        """The id of the highlighted row, if any."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def index_of(self, item_id: str) -> int | None:
        """The position of the row ``item_id`` among the visible rows, if shown."""
        try:
            return self.get_option_index(item_id)
        except OptionDoesNotExist:
            return None

    def _visible(self) -> list[Item]:
        words = self._query.split()
        if not words:
            return [item for item, _ in self._items]
        visible: list[Item] = []
        heading: Item | None = None
        for item, search in self._items:
            if item.header:
                heading = item
            elif all(word in search for word in words):
                if heading is not None:
                    visible.append(heading)
                    heading = None
                visible.append(item)
        return visible

    def _rebuild(self) -> None:
        previous = self.selected_id
        self.clear_options()
        self.add_options(
            [Option(item.prompt, id=item.id, disabled=item.header) for item in self._visible()]
        )
        if previous is not None and (index := self.index_of(previous)) is not None:
            self.highlighted = index
        elif self.option_count:
            self.action_first()
