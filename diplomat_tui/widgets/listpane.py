"""The shape every list pane shares: a filter box over a :class:`NavList`.

A pane turns a store snapshot into rows (:meth:`ListPane.items`) and a row into a
detail view (:meth:`ListPane.detail`); filtering, selection and opening details
are handled here once. A pane mounts its widgets when first shown and draws its rows
only while on show: a hidden pane draws the latest snapshot when it is next shown
(:attr:`ListPane.navlist`), so a launch never builds thousands of rows nobody sees.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList

from diplomat_tui.model import Snapshot
from diplomat_tui.widgets.details import Detail
from diplomat_tui.widgets.navlist import Item, NavList


class ListPane(Vertical):
    """A pane made of a list, filterable with ``/``, with details on Enter or click."""

    BINDINGS = [Binding("escape", "close_filter", "Clear filter", show=False, id="filter.close")]

    class DetailRequested(Message):
        """A row was opened: its screen shows ``detail`` (``watched``: its watched mark)."""

        def __init__(self, detail: Detail, watched: bool) -> None:
            super().__init__()
            self.detail = detail
            self.watched = watched

    def __init__(self, snapshot: Snapshot, *, id: str) -> None:
        super().__init__(id=id, classes="pane list-pane")
        self.snapshot = snapshot
        self._drawn: Snapshot | None = None  # the snapshot the rows show

    def compose_header(self) -> ComposeResult:
        """Widgets above the list (none by default), mounted when the pane is first shown."""
        yield from ()

    def _build(self) -> None:
        """Mount the pane's widgets: its header, the (hidden) filter box and the list."""
        box = Input(placeholder="Filter as you type… (esc to clear)", classes="filter")
        box.display = False
        self.mount_all([*self.compose_header(), box, NavList(id=f"{self.id}-list")])

    @property
    def navlist(self) -> NavList:
        """The pane's list widget, showing the current snapshot."""
        self._catch_up()
        return self.query_one(NavList)

    def show(self, snapshot: Snapshot) -> None:
        """Display ``snapshot``, keeping the filter and the selection (now if on show)."""
        self.snapshot = snapshot
        if self.display:
            self._catch_up()

    def _catch_up(self) -> None:
        """Build the widgets on first show; draw the current snapshot unless it is drawn."""
        if not self.children:
            self._build()
        if self._drawn is not self.snapshot:
            self._drawn = self.snapshot
            self.draw(self.snapshot)

    def draw(self, snapshot: Snapshot) -> None:
        """Draw the rows of ``snapshot`` (panes add what they show around the list)."""
        self.query_one(NavList).set_items(self.items(snapshot))

    def items(self, snapshot: Snapshot) -> list[Item]:
        """The rows of this pane for ``snapshot``."""
        raise NotImplementedError

    def detail(self, item_id: str) -> Detail | None:
        """The detail view of the row ``item_id``, if it has one."""
        raise NotImplementedError

    def select(self, item_id: str) -> None:
        """Highlight the row ``item_id`` (clearing a filter that hides it)."""
        if self.navlist.index_of(item_id) is None:
            self.action_close_filter()
        if (index := self.navlist.index_of(item_id)) is not None:
            self.navlist.highlighted = index

    def focus_list(self) -> None:
        """Give the keyboard to the list."""
        self.navlist.focus()

    def open_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one(Input)
        box.display = True
        box.focus()

    def action_close_filter(self) -> None:
        """Clear and hide the filter, back to the whole list."""
        box = self.query_one(Input)
        if box.value:
            box.value = ""
        box.display = False
        self.navlist.filter("")
        self.navlist.focus()

    @on(Input.Changed, ".filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.navlist.filter(event.value)

    @on(Input.Submitted, ".filter")
    def _filter_done(self) -> None:
        self.navlist.focus()

    @on(OptionList.OptionSelected)
    def _open_detail(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and (detail := self.detail(event.option.id)):
            self.post_message(
                self.DetailRequested(detail, detail.watch_key in self.snapshot.watched)
            )
