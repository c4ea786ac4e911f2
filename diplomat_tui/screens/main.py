"""The main screen: pane navigation beside (or, when narrow, above) the selected pane.

Built from the pane registry (:data:`~diplomat_tui.widgets.registry.PANES`): one binding,
navigation row, tab and palette command per pane, each naming the key the user has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, OptionList
from textual.widgets.option_list import Option

from diplomat_tui.widgets.footer import KeyFooter
from diplomat_tui.widgets.keys import key_display
from diplomat_tui.widgets.pane import Pane
from diplomat_tui.widgets.registry import PANES, PANES_BY_ID, PaneEntry
from diplomat_tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from textual.widgets import Tabs

    from diplomat_tui.widgets.listpane import ListPane

PANE_IDS = [pane.PANE_ID for pane in PANES]
NARROW_WIDTH = 70  # below this many columns, tabs above the pane instead of a side list
NARROW_CLASS = "-narrow"
SHORT_TABS_WIDTH = 54  # below this many columns, tabs show their short titles (all fit at 40)


def _breakpoint_class(width: int) -> str:
    return NARROW_CLASS if width < NARROW_WIDTH else "-wide"


PANE_BINDINGS = {
    pane.PANE_ID: Binding(
        pane.KEY, f"show_pane('{pane.PANE_ID}')", pane.TITLE, show=False, id=f"pane.{pane.PANE_ID}"
    )
    for pane in PANES
}


class MainScreen(Screen[None]):
    """Navigation and panes; ``pane`` is the id of the pane on show."""

    class Built(Message):
        """The navigation, the pane on show and the keys are mounted and drawn."""

    HORIZONTAL_BREAKPOINTS = [(0, NARROW_CLASS), (NARROW_WIDTH, "-wide")]
    BINDINGS = [
        *PANE_BINDINGS.values(),
        Binding("tab", "cycle_pane(1)", "Next pane", id="pane.next"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous"),
        # priority: acted on as the app reads it, so the keys typed after it reach the box
        Binding("slash", "filter", "Filter", id="list.filter", priority=True),
    ]

    pane: reactive[str] = reactive(PANE_IDS[0], init=False, bindings=True)  # ``/``: on a list
    # Textual repaints the whole screen when the focus moves; the widgets it leaves and
    # reaches repaint themselves (their styles change): ``/`` and ``esc`` in a list's filter
    # redraw the box, the list and the keys, not every pane and the navigation.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self) -> None:
        # The breakpoint class is set now, so the first resize does not restyle every node.
        super().__init__(classes=_breakpoint_class(self.app.size.width))
        self.tabs: Tabs | None = None  # made when the screen is first narrow
        self.built = False  # whether the panes are mounted (just after the first frame)

    def pane_label(self, pane: PaneEntry, short: bool = False) -> str:
        """``2 Cast``: the pane's key (as the user has it) and (short) title."""
        key = key_display(self, PANE_BINDINGS[pane.PANE_ID], first_only=True)
        return f"{key} {pane.SHORT_TITLE if short else pane.TITLE}"

    def _pane_tabs(self, active_pane: str, width: int) -> Tabs:
        from textual.widgets import Tab, Tabs  # only narrow terminals show tabs

        short = width < SHORT_TABS_WIDTH
        tabs = (Tab(self.pane_label(pane, short), id=f"tab-{pane.PANE_ID}") for pane in PANES)
        return Tabs(*tabs, active=f"tab-{active_pane}", id="tabs")

    def _label_tabs(self, width: int) -> None:
        """Short titles on the tabs below :data:`SHORT_TABS_WIDTH` columns, else full ones."""
        if self.tabs is None:
            return
        from textual.widgets import Tab  # (loaded with the tabs)

        short = width < SHORT_TABS_WIDTH
        for pane in PANES:
            for tab in self.tabs.query(f"#tab-{pane.PANE_ID}").results(Tab):
                label = self.pane_label(pane, short)
                if tab.label_text != label:
                    tab.label = label

    def compose(self) -> ComposeResult:
        # In a terminal the first frame is the title bar alone: the panes and the keys
        # follow at once (_build). Headless (tests, Pilot) there is no frame to hurry and
        # the screen is composed whole.
        yield TitleBar()
        if self.app.is_headless:
            yield from self._body()
            yield KeyFooter()

    def _body(self) -> list[Widget]:
        """The tabs (when narrow), the navigation and the panes."""
        nav = OptionList(*(Option(self.pane_label(p), id=p.PANE_ID) for p in PANES), id="nav")
        # Only the pane on show: each other one is imported and mounted when first shown.
        shown = PANES_BY_ID[self.pane]
        panes = ContentSwitcher(shown.load()(id=shown.PANE_ID), initial=self.pane, id="panes")
        widgets: list[Widget] = [Horizontal(nav, panes, id="body")]
        if self.has_class(NARROW_CLASS):
            self.tabs = self._pane_tabs(self.pane, self.app.size.width)
            widgets.insert(0, self.tabs)
        return widgets

    def on_mount(self) -> None:
        if self.app.is_headless:
            self._show_built()
            self.post_message(self.Built())
        else:
            self.call_later(self._build)  # after the first frame: it is queued before

    async def _build(self) -> None:
        """Mount the navigation, the panes and the keys, once the title is on screen, and
        draw them at once (not on the next 60 Hz tick of the screen's update timer)."""
        await self.mount_all([*self._body(), KeyFooter()])
        self._show_built()
        if self.is_current:  # (help may have been opened meanwhile)
            self._refresh_layout()
        self.post_message(self.Built())

    def _show_built(self) -> None:
        self.built = True
        self.query_one("#nav", OptionList).highlighted = PANE_IDS.index(self.pane)
        self.current_pane.focus_list()

    def _screen_resized(self, size: Size) -> None:
        """Textual lays the whole screen out again for every Resize event, also for one of
        the size it already has (a terminal sends two or three at start, as the panes
        mount): only a new size needs it (a mount lays out what it changes)."""
        if size != self.size:
            super()._screen_resized(size)

    async def on_resize(self, event: events.Resize) -> None:
        # Tabs are only shown when narrow: made the first time the screen gets narrow.
        # (This runs before Screen's own handler updates the breakpoint classes.) Until
        # they are mounted, with their Tab children, ``watch_pane`` leaves them alone.
        if not self.built:
            return  # _build makes the tabs if the screen is narrow by then
        if _breakpoint_class(event.size.width) == NARROW_CLASS and self.tabs is None:
            tabs = self._pane_tabs(self.pane, event.size.width)
            await self.mount(tabs, before="#body")
            self.tabs = tabs
            tabs.active = f"tab-{self.pane}"  # the pane may have changed meanwhile
        else:
            self._label_tabs(event.size.width)

    def pane_widget(self, pane_id: str) -> Pane:
        """The pane with this id (mounted now if it was never shown)."""
        switcher = self.query_one("#panes", ContentSwitcher)
        found = switcher.query_children(f"#{pane_id}").results(Pane)
        pane = next(found, None)
        if pane is None:
            entry = PANES_BY_ID[pane_id]
            pane = entry.load()(id=entry.PANE_ID)
            pane.display = False
            switcher.mount(pane)
        return pane

    @property
    def current_pane(self) -> Pane:
        """The pane on show."""
        return self.pane_widget(self.pane)

    def watch_pane(self, pane: str) -> None:
        if not self.built:
            return  # _build shows it
        self.pane_widget(pane)  # mounted on first show
        self.query_one("#panes", ContentSwitcher).current = pane
        self.query_one("#nav", OptionList).highlighted = PANE_IDS.index(pane)
        if self.tabs is not None:
            self.tabs.active = f"tab-{pane}"
        self.current_pane.focus_list()

    def action_show_pane(self, pane: str) -> None:
        """Switch to the pane with this id."""
        self.pane = pane

    def action_cycle_pane(self, step: int) -> None:
        """Go to the next (1) or previous (-1) pane."""
        self.pane = PANE_IDS[(PANE_IDS.index(self.pane) + step) % len(PANE_IDS)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` is offered only on a pane with a list to filter (once the panes are there),
        and not while typing in its filter box (where the key is typed)."""
        if action == "filter":
            return (
                self.built and PANES_BY_ID[self.pane].LISTS and not isinstance(self.focused, Input)
            )
        return True

    def action_filter(self) -> None:
        """Filter the current list as you type."""
        if PANES_BY_ID[self.pane].LISTS:
            cast("ListPane", self.current_pane).open_filter()

    def jump_to(self, pane: str, item_id: str) -> None:
        """Show ``pane`` with the row ``item_id`` highlighted."""
        self.pane = pane
        if not self.built:
            return
        if PANES_BY_ID[pane].LISTS:
            cast("ListPane", self.current_pane).select(item_id)

    def on_list_pane_detail_requested(self, event: ListPane.DetailRequested) -> None:
        event.stop()
        from diplomat_tui.screens.detail import DetailScreen  # loaded on first use

        self.app.push_screen(DetailScreen(event.detail_of, event.detail))

    @on(OptionList.OptionSelected, "#nav")
    def _nav_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.pane = event.option.id

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        # Follow only the tab still active: an older activation (the tabs' own, when they
        # were mounted, or one that a quicker key press replaced) would take the pane back.
        if event.tab.id and event.tab.id == event.tabs.active:
            self.pane = event.tab.id.removeprefix("tab-")
