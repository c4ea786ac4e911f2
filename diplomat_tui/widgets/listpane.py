"""The shape every list pane shares: a filter box over a :class:`NavList`.

A pane turns the app's snapshot into rows (:meth:`ListPane.items`) and a row into a
detail view (:meth:`ListPane.detail`); filtering, selection and opening details
are handled here once. A pane watches the app's snapshot, mounts its widgets when first
shown and draws its rows only while on show: a hidden pane draws the latest snapshot
when it is next shown (:attr:`ListPane.navlist`), so a launch never builds thousands of
rows nobody sees, and a watched mark never redraws a pane that does not show marks.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, OptionList

from diplomat_tui.model import Snapshot
from diplomat_tui.widgets.details import Detail, DetailOf
from diplomat_tui.widgets.navlist import Item, NavList
from diplomat_tui.widgets.pane import Pane
from diplomat_tui.widgets.state import app_state, watch_snapshot

CLOSED = "/ filter"  # what the box says when it does not have the keys
OPEN = "Filter as you type… (esc to clear)"


class FilterBox(Input):
    """The filter box: an Input whose text does not lay the screen out again.

    Input sets its virtual size to its text's width (for scrolling it) on every key, and
    a widget's virtual size asks for a layout of the whole screen by default: a few ms a
    key, with every pane, the navigation and the footer's keys arranged and drawn
    again. The box's own size never depends on its text (its width is the pane's).

    The box is always there, one line above the list: ``/`` gives it the keys and ``esc``
    takes them back, and neither lays the screen out (a box shown and hidden resized the
    list, and laid the screen out twice: ~10 ms of each key with a long list). Closed,
    it cannot take the focus (``tab`` does not stop there) and says how to open it.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)


class ListPane(Vertical, Pane):
    """A pane made of a list, filterable with ``/``, with details on Enter or click."""

    # priority: acted on as the app reads it, so the keys typed after it reach the list
    BINDINGS = [
        Binding("escape", "close_filter", "Clear filter", id="filter.close", priority=True),
        # while typing a filter (the list, when focused, takes these keys itself)
        Binding("down", "move_in_matches('cursor_down')", "Next match", show=False),
        Binding("up", "move_in_matches('cursor_up')", "Previous match", show=False),
    ]

    class DetailRequested(Message):
        """A row was opened: ``detail_of`` makes its view from a snapshot (``detail``: now)."""

        def __init__(self, detail_of: DetailOf, detail: Detail) -> None:
            super().__init__()
            self.detail_of = detail_of
            self.detail = detail

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="pane list-pane")
        self._drawn: Snapshot | None = None  # the snapshot the rows show

    def on_mount(self) -> None:
        watch_snapshot(self, self._snapshot_changed)

    @property
    def snapshot(self) -> Snapshot:
        """The app's snapshot (what the pane shows, or will when next shown)."""
        return app_state(self).snapshot

    def shows_change(self, old: Snapshot, new: Snapshot) -> bool:
        """Whether the rows drawn for ``old`` differ for ``new`` (panes that show the
        user's marks say so)."""
        return old.catalog is not new.catalog

    def compose_header(self) -> ComposeResult:
        """Widgets above the list (none by default), mounted when the pane is first shown."""
        yield from ()

    def _build(self) -> None:
        """Mount the pane's widgets: its header, the (closed) filter box and the list."""
        box = FilterBox(placeholder=CLOSED, classes="filter", compact=True)
        box.can_focus = False
        self.mount_all([*self.compose_header(), box, NavList(id=f"{self.id}-list")])

    @property
    def navlist(self) -> NavList:
        """The pane's list widget, showing the current snapshot."""
        self._catch_up()
        return self.query_one(NavList)

    def _snapshot_changed(self, snapshot: Snapshot) -> None:
        """Draw the new snapshot now if on show, keeping the filter and the selection."""
        if self.display:
            self._catch_up()

    def _catch_up(self) -> None:
        """Build the widgets on first show; draw the current snapshot unless it is drawn."""
        if not self.children:
            self._build()
        snapshot = self.snapshot
        if self._drawn is None or self.shows_change(self._drawn, snapshot):
            self.draw(snapshot)
        self._drawn = snapshot

    def draw(self, snapshot: Snapshot) -> None:
        """Draw the rows of ``snapshot`` (panes add what they show around the list)."""
        self.query_one(NavList).set_items(self.items(snapshot))

    def items(self, snapshot: Snapshot) -> list[Item]:
        """The rows of this pane for ``snapshot``."""
        raise NotImplementedError

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """The detail view of the row ``item_id`` in ``snapshot``, if it has one."""
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
        """Show the filter box and type into it (focused at once: ``focus()`` would wait
        for the keys typed meanwhile, and give them to the list)."""
        box = self.query_one(Input)
        box.can_focus = True
        box.placeholder = OPEN
        self.screen.set_focus(box)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``esc`` clears a filter only when there is one (else it goes on: a refresh's cancel)."""
        if action == "close_filter":
            boxes = self.query(Input)
            return bool(boxes) and (boxes.first().has_focus or bool(boxes.first().value))
        return True

    def action_close_filter(self) -> None:
        """Clear and hide the filter, back to the whole list."""
        box = self.query_one(Input)
        if box.value:
            box.value = ""
        box.can_focus = False
        box.placeholder = CLOSED
        self.navlist.filter("")
        self.screen.set_focus(self.navlist)  # (now: the next keys are the list's)

    def action_move_in_matches(self, move: str) -> None:
        """Up and down in the filter box move the highlight among the matches."""
        getattr(self.navlist, f"action_{move}")()

    @on(Input.Changed, ".filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.navlist.filter(event.value)
        if event.value.strip():
            self.navlist.action_first()  # the first match: what enter opens

    @on(Input.Submitted, ".filter")
    def _filter_done(self) -> None:
        """Enter in the filter box opens the highlighted match (the list keeps the keys)."""
        self.navlist.focus()
        if self.navlist.highlighted is not None:
            self.navlist.action_select()

    @on(OptionList.OptionSelected)
    def _open_detail(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item_id = event.option.id
        if item_id is not None and (detail := self.detail(self.snapshot, item_id)):
            self.post_message(self.DetailRequested(partial(self.detail, item_id=item_id), detail))
