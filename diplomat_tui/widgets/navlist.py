"""A keyboard-first list: OptionList with vi keys and a live filter.

Built for long lists (thousands of episodes or people), so that a key costs about the
same in a list of 10,000 rows as in one of 10:

- each row's option is made once and kept: a filter shows a selection of them, and a
  changed row (a watched mark) replaces its prompt in place (:meth:`NavList.update_items`);
- the folded text a filter matches is computed on the first filter; a query that grows
  looks only among the rows the shorter one matched, and only for the words it changed;
  a query typed before (after a backspace) takes the rows it matched then;
- OptionList's line bookkeeping (an entry per line, two per row, rebuilt by a loop over
  every row) is replaced by :class:`_Lines`, which lists only the rows taller than one
  line: the rest are one line each, known from their width without wrapping them.
"""

from __future__ import annotations

import gc
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import compress, count
from operator import attrgetter
from typing import cast

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size, Spacing
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
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


LONG = 1000  # rows from which a list's objects are moved out of the collector's way
EARLIER = 32  # queries whose matches a list keeps (backspace finds them again)
TALL = sys.maxsize  # the one-line width of a prompt that is more than one line


def _one_line_width(prompt: Content) -> int:
    """The cells ``prompt`` takes on one line, or :data:`TALL` if it has line breaks."""
    text = prompt.plain
    return TALL if "\n" in text or "\t" in text else prompt.cell_length


class _RowOption(Option):
    """The option of a row: its position among all the rows (-1: not a row), the width
    of its prompt on one line, and its height when taller than one line at the last
    width it was measured for."""

    def __init__(
        self, prompt: Content, position: int, id: str | None = None, disabled: bool = False
    ) -> None:
        super().__init__(prompt, id=id, disabled=disabled)
        self.position = position
        self.width = _one_line_width(prompt)
        self.measured: tuple[int, int] | None = None  # (width, height)

    def _set_prompt(self, prompt: Content) -> None:  # type: ignore[override]
        super()._set_prompt(prompt)
        self.width = _one_line_width(prompt)
        self.measured = None


class _Lines:
    """OptionList's line cache (``lines``, ``heights``, ``index_to_line``) with nothing
    stored per row: only the rows taller than one line are listed, in order; the lines
    of the others follow from their position by bisecting that list."""

    def __init__(self) -> None:
        self.lines = _LineAt(self)
        self.heights = _HeightOf(self)
        self.index_to_line = _FirstLineOf(self)
        self.clear()

    def clear(self) -> None:
        """Forget the rows: :meth:`set` must be called again."""
        self.set(0, [], width=-1)  # (width -1: stale)

    def set(self, rows: int, tall: list[tuple[int, int]], width: int) -> None:
        """``rows`` rows, of which ``tall`` (index, height), in order, are taller than one
        line at ``width``."""
        self.rows, self.width = rows, width
        self.tall = [index for index, _ in tall]
        self.tall_heights = [height for _, height in tall]
        self.extra_before = [0]  # extra lines of the first k tall rows
        self.starts = []  # the first line of each tall row
        for index, height in tall:
            self.starts.append(index + self.extra_before[-1])
            self.extra_before.append(self.extra_before[-1] + height - 1)
        self.total = rows + self.extra_before[-1]

    def first_line(self, index: int) -> int:
        """The first line of row ``index``."""
        if not 0 <= index < self.rows:
            raise KeyError(index)
        return index + self.extra_before[bisect_left(self.tall, index)]

    def height(self, index: int) -> int:
        """The lines row ``index`` takes."""
        if not 0 <= index < self.rows:
            raise KeyError(index)
        k = bisect_left(self.tall, index)
        return self.tall_heights[k] if k < len(self.tall) and self.tall[k] == index else 1

    def line(self, y: int) -> tuple[int, int]:
        """(row, line within the row) of line ``y``."""
        if y < 0:
            y += self.total
        if not 0 <= y < self.total:
            raise IndexError(y)
        k = bisect_right(self.starts, y) - 1
        if k >= 0 and y < self.starts[k] + self.tall_heights[k]:
            return self.tall[k], y - self.starts[k]
        return y - self.extra_before[k + 1], 0


class _LineAt:
    def __init__(self, lines: _Lines) -> None:
        self._lines = lines

    def __getitem__(self, y: int) -> tuple[int, int]:
        return self._lines.line(y)

    def __len__(self) -> int:
        return self._lines.total


class _HeightOf(_LineAt):
    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return self._lines.height(index)


class _FirstLineOf(_LineAt):
    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return self._lines.first_line(index)


def _out_of_the_collectors_way() -> None:
    """Collect, then freeze what is left (``gc.freeze``): the rows of a long list (tens of
    thousands of objects with their prompts) live as long as the list, and every full
    collection walked them again, pausing a key by 20-70 ms every few dozen keys."""
    gc.collect()
    gc.freeze()


def _unique_ids(items: list[Item]) -> list[Item]:
    """``items``, an id met again made unique (``#2``): two records a store should have
    merged still show, each its own row."""
    if len({item.id for item in items}) == len(items):
        return items
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


def _narrows(old: list[str], new: list[str]) -> bool:
    """Whether every row matching ``new`` matches ``old``: the same words, the last one
    possibly longer (a fuzzy match of ``rus`` is one of ``ru``), and maybe more words."""
    return (
        bool(old)
        and len(new) >= len(old)
        and new[: len(old) - 1] == old[:-1]
        and new[len(old) - 1].startswith(old[-1])
    )


class _OptionIndex:
    """OptionList's ``_option_to_index``, answered from the rows on show (no dict per filter)."""

    def __init__(self, nav: NavList) -> None:
        self._nav = nav

    def __getitem__(self, option: Option) -> int:
        if not isinstance(option, _RowOption):
            raise KeyError(option)
        if option.position < 0:  # the "no matches" line
            if option not in self._nav.options:
                raise KeyError(option)
            return self._nav.options.index(option)
        return self._nav._shown_index(option.position)

    def __contains__(self, option: object) -> bool:
        try:
            self[option]  # type: ignore[index]
        except KeyError:
            return False
        return True


class _OptionById(_OptionIndex):
    """OptionList's ``_id_to_option``, answered from the rows on show."""

    def __getitem__(self, option_id: str) -> _RowOption:  # type: ignore[override]
        position = self._nav._positions[option_id]
        self._nav._shown_index(position)  # KeyError if not on show
        return self._nav._rows[position]


class NavList(OptionList):
    """OptionList with j/k, g/G and filtering that keeps group headings in context.

    Its rows are set with :meth:`set_items` and :meth:`update_items` only (not with
    OptionList's ``add_options``, ``clear_options`` or ``remove_option``).
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)  # (_watch_highlighted)
    # A filter changes the number of lines, and a virtual size lays the whole screen out
    # again by default; the list's own size is its pane's (``height: 1fr``), not its
    # lines': only its scroll bar changes (:meth:`_update_lines` lays out when it does).
    virtual_size = reactive(Size(0, 0), layout=False)

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
        self._line_cache = _Lines()  # type: ignore[assignment]
        self._rendered: LRUCache[tuple[Option, Style, Spacing, int], list[Strip]]
        self._rendered = LRUCache(maxsize=2048)  # rows' lines, for OptionList's render cache
        self._option_to_index = _OptionIndex(self)  # type: ignore[assignment]
        self._id_to_option = _OptionById(self)  # type: ignore[assignment]
        self._items: list[Item] = []
        self._rows: list[_RowOption] = []  # an option per item, made once
        self._positions: dict[str, int] = {}  # item id: its position in ``_items``
        self._groups: list[int] = []  # per item: the position of its group's heading, or -1
        self._search_keys: list[str] | None = None  # folded ``Item.search``
        self._query = ""
        self._matched: tuple[list[str], list[int]] | None = None  # the query's words, rows
        self._earlier: dict[tuple[str, ...], list[int]] = {}  # queries' rows, these rows
        self._shown: list[int] | None = None  # the positions on show, ascending; None: all
        self._measured_for: tuple[object, ...] = ()  # what the lines were measured for

    def set_items(self, items: list[Item]) -> None:
        """Replace the rows, keeping the filter and, where it still exists, the selection.

        When the rows are the same ones (same ids, in order) and only some of them are
        new objects, only those are redrawn, in place (:meth:`update_items`).
        """
        items = _unique_ids(items)
        old = self._items
        if len(old) == len(items) and all(
            a.id == b.id and a.header == b.header for a, b in zip(old, items, strict=True)
        ):
            self.update_items([b for a, b in zip(old, items, strict=True) if a is not b])
            return
        self._items = items
        self._rows = [
            _RowOption(item.prompt, n, item.id, item.header) for n, item in enumerate(items)
        ]
        self._positions = {item.id: n for n, item in enumerate(items)}
        self._groups = []
        heading = -1
        for n, item in enumerate(items):
            heading = n if item.header else heading
            self._groups.append(heading)
        self._search_keys = None
        self._matched = None
        self._earlier.clear()
        self._show(self._visible(), keep_place=True, new_rows=True)
        if self._search_keys is None:  # fold them after this frame, not on the first key
            self.call_after_refresh(self._fold_search_keys)
        if len(items) >= LONG:
            self.call_after_refresh(_out_of_the_collectors_way)

    def update_items(self, items: Iterable[Item]) -> None:
        """Redraw the rows with the ids of ``items`` (already in the list) in place."""
        refilter, remeasure, shown = False, False, []
        lines: _Lines = self._line_cache  # type: ignore[assignment]
        for item in items:
            n = self._positions[item.id]
            old, self._items[n] = self._items[n], item
            option = self._rows[n]
            option._set_prompt(item.prompt)
            if item.search != old.search:
                self._earlier.clear()
                if self._search_keys is not None:
                    self._search_keys[n] = "" if item.header else search_key(item.search)
                refilter = refilter or bool(self._query)
            for key in [key for key in self._rendered.keys() if key[0] is option]:
                self._rendered.discard(key)
            if option in self._option_to_index:
                index = self._option_to_index[option]
                shown.append(index)
                if lines.rows != len(self._options) or (
                    self._height(option, lines.width) != lines.height(index)
                ):
                    remeasure = True
        if refilter:  # what the filter shows may change
            self._matched = None
            self._show(self._visible(), keep_place=True, new_rows=True)
        elif remeasure:  # a row shown takes more (or fewer) lines now
            lines.clear()
            self.refresh()
        else:
            self._refresh_rows(*shown)

    def _height(self, option: _RowOption, width: int) -> int:
        """The lines ``option`` takes in the list ``width`` cells wide (measured once)."""
        padding = self.get_component_styles("option-list--option").padding
        if option.width <= width - padding.width - 2 * self.styles.line_pad:
            return 1
        if option.measured is None or option.measured[0] != width:
            rules = cast(RulesMap, self.styles)
            height = self._get_visual(option).get_height(rules, width - padding.width)
            option.measured = (width, height)
        return option.measured[1]

    def _refresh_rows(self, *indices: int | None) -> None:
        """Redraw the lines of the rows at ``indices`` (the others are as they were)."""
        self._update_lines()
        lines: _Lines = self._line_cache  # type: ignore[assignment]
        if lines.rows != len(self._options):  # not measured yet (no size)
            self.refresh()
            return
        top, width = self.scroll_offset.y, self.scrollable_content_region.width
        for index in indices:
            if index is not None and 0 <= index < lines.rows:
                line, height = lines.first_line(index), lines.height(index)
                self.refresh(Region(0, line - top, width, height))

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Redraw the rows highlighted before and now (OptionList redraws every line)."""
        self._refresh_rows(old, new)

    def filter(self, query: str) -> None:
        """Show only rows whose text matches every word of ``query``, with the headings of
        their groups. Fuzzy within a word (``rusl`` finds Russell); case, accents and
        typographic quotes ignored."""
        self._query = search_key(query)
        self._show(self._visible())

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

    def _shown_index(self, position: int) -> int:
        """Where the row at ``position`` (among all) is in the list; KeyError if hidden."""
        shown = self._shown
        if shown is None:
            if 0 <= position < len(self._rows):
                return position
        elif (k := bisect_left(shown, position)) < len(shown) and shown[k] == position:
            return k
        raise KeyError(position)

    def _fold_search_keys(self) -> None:
        if self._search_keys is None:
            self._search_keys = ["" if i.header else search_key(i.search) for i in self._items]

    def _matches(self, words: list[str]) -> list[int]:
        """The positions of the rows (not headings) matching every word. A query that
        narrows the last one (``epi`` after ``ep``) checks only the rows it matched,
        for the words that changed."""
        self._fold_search_keys()
        keys = cast(list[str], self._search_keys)
        candidates: list[int] | range = range(len(keys))
        if self._matched is not None and _narrows(old := self._matched[0], words):
            candidates = self._matched[1]
            last = len(old) - 1
            words = words[last + 1 :] if words[last] == old[last] else words[last:]
        for word in words:
            search = fuzzy_word(word).search
            texts = keys if isinstance(candidates, range) else map(keys.__getitem__, candidates)
            candidates = list(compress(candidates, map(search, texts)))
        return list(candidates)

    def _visible(self) -> list[int] | None:
        """The positions of the rows the query matches and of their groups' headings, in
        order (None: every row, no query)."""
        words = self._query.split()
        if not words:
            self._matched = None
            return None
        matched = self._earlier.get(tuple(words))  # (a backspace: a query typed before)
        if matched is None:
            matched = self._matches(words)
            if len(self._earlier) >= EARLIER:
                del self._earlier[next(iter(self._earlier))]
            self._earlier[tuple(words)] = matched
        self._matched = (words, matched)
        headings = set(map(self._groups.__getitem__, matched))
        headings.discard(-1)
        visible = sorted([*matched, *headings]) if headings else matched
        return None if len(visible) == len(self._items) else visible  # (all: as shown)

    def _show(
        self, visible: list[int] | None, keep_place: bool = False, new_rows: bool = False
    ) -> None:
        """Show the rows at ``visible`` (None: all), the highlighted one kept; if it is
        gone, new rows (``keep_place``) keep the highlight where it was, a new filter
        starts at the top. The options are the rows' own: nothing is rebuilt."""
        if not new_rows and visible == self._shown and visible != []:
            return  # the same rows (a query that still matches them all): nothing to redo
        previous, place = self.selected_id, self.highlighted
        self._shown = visible
        if visible is None:
            self._options = list(self._rows)
        else:
            self._options = list(map(self._rows.__getitem__, visible))
        if not self._options and self._query:
            self._options.append(_RowOption(_no_matches(self._query), -1, disabled=True))
        self._line_cache.clear()
        self._mouse_hovering_over = None
        self.highlighted = None
        self.refresh()
        self.scroll_y = 0
        self._update_lines()
        if previous is not None and (index := self.index_of(previous)) is not None:
            self.highlighted = index
        elif keep_place and place is not None and self.option_count:
            self.highlighted = min(place, self.option_count - 1)
            if self.get_option_at_index(self.highlighted).disabled:
                self.action_cursor_down()
        elif self.option_count:
            self.action_first()

    def _update_lines(self) -> None:
        """Measure the rows for the current width: one line each, but for those whose
        text is wider than the list, or has line breaks (wrapped, each once per width).

        Called for every line drawn: when nothing it depends on changed since it last
        measured, it returns at once (finding the list's region takes ~40 µs)."""
        lines: _Lines = self._line_cache  # type: ignore[assignment]
        key = (
            self._size,
            self.styles._cache_key,
            self.show_vertical_scrollbar,
            self.show_horizontal_scrollbar,
        )
        if key == self._measured_for and lines.width >= 0 and lines.rows == len(self._options):
            return
        region = self.scrollable_content_region
        if not region:
            return
        self._measured_for = key
        width = region.width - self._get_left_gutter_width()
        if lines.width != width or lines.rows != len(self._options):
            padding = self.get_component_styles("option-list--option").padding
            fit = width - padding.width - 2 * self.styles.line_pad
            options = self._options
            widths = map(attrgetter("width"), options)  # (every option is a _RowOption)
            tall = [
                (n, self._height(cast(_RowOption, options[n]), width))
                for n in compress(count(), map(fit.__lt__, widths))
            ]
            lines.set(len(options), tall, width)
        virtual_size = Size(width, lines.total)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
            if self.styles.height is None or self.styles.height.is_auto:
                self.refresh(layout=True)  # (a list as tall as its lines)

    def _clear_caches(self) -> None:
        """On a resize: measure the lines again if the width changed (rendered rows are
        kept, by width). A list only taller or shorter (the filter box shown or hidden)
        was drawn at its new size by the layout that resized it: nothing to redo."""
        lines: _Lines = self._line_cache  # type: ignore[assignment]
        if lines.width != self.scrollable_content_region.width - self._get_left_gutter_width():
            lines.clear()
            self.refresh()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The lines of ``option``, cached by width and style. Unlike OptionList's, they do
        not carry the option's position, which a filter changes (the mouse finds the row
        by its line), so a row rendered once is reused whatever the filter shows."""
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        cache_key = (option, style, padding, width)
        if (strips := self._rendered.get(cache_key)) is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            strips = [
                strip.extend_cell_length(width, style.rich_style)
                for strip in visual.to_strips(self, visual, width, None, style)
            ]
            self._rendered[cache_key] = strips
        return strips

    def _option_under(self, event: events.MouseEvent) -> int | None:
        """The index of the option under the mouse, if any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        try:
            return self._lines[self.scroll_offset.y + offset.y][0]
        except IndexError:
            return None

    async def _on_click(self, event: events.Click) -> None:
        """Open the row clicked (OptionList's own handler finds no position to act on)."""
        index = self._option_under(event)
        if index is not None and not self._options[index].disabled:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()  # (OptionList's would find no position in the lines)
        self._mouse_hovering_over = self._option_under(event)
