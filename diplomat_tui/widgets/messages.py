"""Requests the panes and screens send up to the app, which owns the store."""

from __future__ import annotations

from textual.message import Message


class SetWatched(Message):
    """Mark episodes (by key, e.g. ``S01E03``) watched or not watched."""

    def __init__(self, keys: list[str], watched: bool) -> None:
        super().__init__()
        self.keys = keys
        self.watched = watched
