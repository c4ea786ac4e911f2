"""A keyboard-first list: OptionList with vi keys and a live filter.

Built for long lists (thousands of episodes or people): a row's height is known without
wrapping it when it fits on one line (:class:`Row`), and the folded text a filter
matches is computed on the first filter, not for every list that is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from diplomat_tui.model import normalize


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


class Row(Content):
    """A row's content, whose height needs no wrapping when it fits on one line.

    OptionList asks every row for its height whenever it lays the list out (when shown,
    resized or filtered); Content answers by wrapping the text, tens of microseconds
    a row. A line that fits is one line high whatever the wrap and overflow rules.
    """

    @classmethod
    def of(cls, content: Content) -> Row:
        """The same text and styles as ``content``."""
        return cls(content.plain, list(content.spans), strip_control_codes=False)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """1 for a line that fits in ``width``; otherwise the wrapped height."""
        text = self.plain
        padding = rules.get("line_pad", 0) * 2
        if "\n" not in text and "\t" not in text and self.cell_length + padding <= width:
            return 1
        return super().get_height(rules, width)


def _unique_ids(items: list[Item]) -> list[Item]:
    """``items``, an id met again made unique (``#2``): two records a store should have
    merged still show, each its own row."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.id in seen:
            n = 2
            while f"{item.id}#{n}" in seen:
                n += 1
            item = replace(item, id=f"{item.id}#{n}")
        seen.add(item.id)
        unique.append(item)
    return unique


def _no_matches(query: str) -> Content:
    """``no matches for “xyz”`` (the query as typed, folded: literal text)."""
    return Content.assemble(
        Content.styled("no matches for “", "italic $text-muted"),
        Content.styled(query, "italic"),
        Content.styled("” (esc clears the filter)", "italic $text-muted"),
    )


def search_key(text: str) -> str:
    """Text folded for matching: case, accents and quotes ignored (T'Nia finds T’Nia, tnia too)."""
    return normalize(text).replace("'", "").replace('"', "")


def fuzzy_word(word: str) -> re.Pattern[str]:
    """A pattern finding ``word``'s letters in order inside one word of a text."""
    return re.compile("[^ ]*?".join(map(re.escape, word)))


class NavList(OptionList):
    """OptionList with j/k, g/G and filtering that keeps group headings in context."""

    KEYS_WHILE_FOCUSED = "list"  # keys scoped to it while focused (bindings.py)
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Details", id="list.details"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[tuple[Item, Row]] = []
        self._search_keys: list[str] | None = None  # folded ``Item.search``, on first filter
        self._query = ""
        self._shown: list[tuple[Item, Row]] = []  # the rows the list holds now
        # The rows (by index) the last query matched: a longer query only narrows them.
        self._matched: tuple[str, list[int]] | None = None

    def set_items(self, items: list[Item]) -> None:
        """Replace the rows, keeping the filter and, where it still exists, the selection.

        When the rows are the same ones (same ids, in order) and only some of them are
        new objects, as after a watched mark, only those are redrawn, in place.
        """
        items = _unique_ids(items)
        if not self._update_changed(items):
            self._items = [(item, Row.of(item.prompt)) for item in items]
            self._search_keys = None
            self._matched = None
            self._rebuild(keep_place=True)

    def _update_changed(self, items: list[Item]) -> bool:
        """Redraw the rows of ``items`` that are new objects; False if the rows differ."""
        old = [item for item, _ in self._items]
        if len(old) != len(items) or any(
            a.id != b.id or a.header != b.header for a, b in zip(old, items, strict=True)
        ):
            return False
        changed = [i for i, (a, b) in enumerate(zip(old, items, strict=True)) if a is not b]
        if any(old[i].search != items[i].search for i in changed):
            if self._query:
                return False  # what the filter shows may change
            self._search_keys = None
            self._matched = None
        for i in changed:
            row = Row.of(items[i].prompt)
            self._items[i] = (items[i], row)
            if self.index_of(items[i].id) is not None:  # shown (not filtered out)
                self.replace_option_prompt(items[i].id, row)
        return True

    def filter(self, query: str) -> None:
        """Show only rows whose text matches every word of ``query``, with the headings of
        their groups. Fuzzy within a word (``rusl`` finds Russell); case, accents and
        typographic quotes ignored."""
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

    def _visible(self) -> list[tuple[Item, Row]]:
        """The rows the query matches, each after its group's heading. A query that only
        grows (``epi`` after ``ep``) looks only among the rows the shorter one matched."""
        words = [fuzzy_word(word) for word in self._query.split()]
        if not words:
            self._matched = None
            return self._items
        if self._search_keys is None:
            self._search_keys = [search_key(item.search) for item, _ in self._items]
        keys = self._search_keys
        if self._matched is not None and self._query.startswith(self._matched[0]):
            candidates: list[int] | range = self._matched[1]
        else:
            candidates = range(len(self._items))
        matched = [
            i
            for i in candidates
            if not self._items[i][0].header and all(word.search(keys[i]) for word in words)
        ]
        self._matched = (self._query, matched)
        groups = self._groups()
        visible: list[tuple[Item, Row]] = []
        shown_heading = -1
        for i in matched:
            heading = groups[i]
            if heading >= 0 and heading != shown_heading:
                visible.append(self._items[heading])
                shown_heading = heading
            visible.append(self._items[i])
        return visible

    def _groups(self) -> list[int]:
        """For each row, the index of the group heading it is under (-1: none)."""
        groups, heading = [], -1
        for i, (item, _row) in enumerate(self._items):
            if item.header:
                heading = i
            groups.append(heading)
        return groups

    def _rebuild(self, keep_place: bool = False) -> None:
        """Show the visible rows, the highlighted one kept; if it is gone, new rows
        (``keep_place``) keep the highlight where it was, a new filter starts at the top."""
        previous, place = self.selected_id, self.highlighted
        visible = self._visible()
        if (
            visible
            and len(visible) == len(self._shown)
            and all(a is b for a, b in zip(visible, self._shown, strict=True))
        ):
            return  # the same rows (a query that still matches them all): nothing to redo
        self._shown = visible
        self.clear_options()
        self.add_options([Option(row, id=item.id, disabled=item.header) for item, row in visible])
        if not visible and self._query:
            self.add_option(Option(_no_matches(self._query), disabled=True))
        if previous is not None and (index := self.index_of(previous)) is not None:
            self.highlighted = index
        elif keep_place and place is not None and self.option_count:
            self.highlighted = min(place, self.option_count - 1)
            if self.get_option_at_index(self.highlighted).disabled:
                self.action_cursor_down()
        elif self.option_count:
            self.action_first()
