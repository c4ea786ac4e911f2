"""The panes of the main screen, in order. Adding a pane: its module, and a line here."""

from __future__ import annotations

from diplomat_tui.widgets.cast import CastPane
from diplomat_tui.widgets.episodes import EpisodesPane
from diplomat_tui.widgets.pane import Pane
from diplomat_tui.widgets.sources import SourcesPane
from diplomat_tui.widgets.stats import StatsPane
from diplomat_tui.widgets.synopsis import SynopsisPane

PANES: tuple[type[Pane], ...] = (
    SynopsisPane,
    CastPane,
    EpisodesPane,
    StatsPane,
    SourcesPane,
)


def pane_title(pane_id: str) -> str:
    """The title of the pane with this id (the id itself if there is none)."""
    return next((pane.TITLE for pane in PANES if pane.PANE_ID == pane_id), pane_id)
