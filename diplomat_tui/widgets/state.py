"""The app as the panes and screens see it: one reactive snapshot, watched like the title.

Widgets never import the app (it imports them); they reach its state through
:class:`AppState`, so the one place that holds the snapshot is the app's reactive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, cast

from textual.dom import DOMNode

from diplomat_tui.model import Snapshot

SPOILERS_PREF = "spoilers_shown"  # the preference: summaries of unwatched episodes shown


class AppState(Protocol):
    """What the widgets use of the app: the snapshot on show, a refresh's progress, the
    user's key remaps (binding id to keys), where to jump and the watched marks to set
    (at once: a message would reach the app after keys typed meanwhile, so ``w`` then
    ``u`` typed fast would undo the mark before it)."""

    snapshot: Snapshot
    refresh_status: str  # what a running refresh is doing; empty when none runs

    @property
    def keymap(self) -> Mapping[str, str]:
        """Keys by binding id, as the config file remaps them."""

    def jump_to(self, pane: str, item_id: str) -> None:
        """Show ``pane`` with the row ``item_id`` highlighted."""

    def set_watched(self, keys: list[str], watched: bool) -> None:
        """Mark episodes watched or not: shown at once, saved in order, undoable."""


def app_state(node: DOMNode) -> AppState:
    """The app of ``node``, as the widgets see it."""
    return cast(AppState, node.app)


def watch_snapshot(node: DOMNode, callback: Callable[[Snapshot], None]) -> None:
    """Call ``callback`` with each new snapshot the app shows (from now on)."""
    node.watch(node.app, "snapshot", callback, init=False)


def spoilers_shown(snapshot: Snapshot) -> bool:
    """Whether summaries of unwatched episodes are shown."""
    return bool(snapshot.prefs.get(SPOILERS_PREF))
