"""The panes of the main screen, in order. Adding a pane: its module, and a line here.

The registry names each pane and says where its class is; the class is imported when the
pane is first shown (:meth:`PaneEntry.load`), so a launch imports only the pane it shows.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplomat_tui.widgets.pane import Pane


class PaneEntry:
    """One pane: its id (the widget id, and the binding id ``pane.<id>``), titles, key,
    whether it is a filterable list, and where its class is (``module:Class``).

    A plain class rather than a dataclass: this module is imported before the first frame.
    """

    __slots__ = ("PANE_ID", "TITLE", "SHORT_TITLE", "KEY", "LISTS", "_where")

    def __init__(self, where: str, pane_id: str, titles: tuple[str, str], key: str, lists: bool):
        self._where = where
        self.PANE_ID = pane_id
        self.TITLE, self.SHORT_TITLE = titles  # the tabs of a very narrow terminal: short
        self.KEY = key  # the default key that shows it (remappable by its binding id)
        self.LISTS = lists  # a ListPane: ``/`` filters it

    def load(self) -> type[Pane]:
        """The pane's class (its module is imported on first use)."""
        module, _, name = self._where.partition(":")
        pane: type[Pane] = getattr(import_module(module), name)
        return pane


_WIDGETS = "diplomat_tui.widgets"
PANES: tuple[PaneEntry, ...] = (
    PaneEntry(f"{_WIDGETS}.synopsis:SynopsisPane", "synopsis", ("Synopsis", "Syn"), "1", False),
    PaneEntry(f"{_WIDGETS}.cast:CastPane", "cast", ("Cast", "Cast"), "2", True),
    PaneEntry(f"{_WIDGETS}.episodes:EpisodesPane", "episodes", ("Episodes", "Eps"), "3", True),
    PaneEntry(f"{_WIDGETS}.stats:StatsPane", "stats", ("Stats", "Stats"), "4", True),
    PaneEntry(f"{_WIDGETS}.sources:SourcesPane", "sources", ("Sources", "Src"), "5", True),
)
PANES_BY_ID = {pane.PANE_ID: pane for pane in PANES}


def pane_title(pane_id: str) -> str:
    """The title of the pane with this id (the id itself if there is none)."""
    entry = PANES_BY_ID.get(pane_id)
    return entry.TITLE if entry else pane_id
