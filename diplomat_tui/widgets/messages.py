"""What the panes and screens ask of the app, which owns the store.

Each message is nested in the widget that sends it (``DetailScreen.MarkWatched``); this
is what they share. (The Episodes pane sets marks through ``AppState.set_watched``, at
once, so that keys typed meanwhile see them.)
"""

from __future__ import annotations

from textual.message import Message


class WatchedChange(Message):
    """Mark episodes (by key, e.g. ``S01E03``) watched or not watched."""

    def __init__(self, keys: list[str], watched: bool) -> None:
        super().__init__()
        self.keys = keys
        self.watched = watched
