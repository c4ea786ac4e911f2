"""Watched progress as text: a bar of block characters and a count."""

from __future__ import annotations

from textual.content import Content

from diplomat_tui.model import Episode


def progress_bar(done: int, total: int, width: int = 16) -> Content:
    """``████████░░░░░░░░ 4/8`` in the theme's colours (an empty bar when total is 0)."""
    filled = round(width * done / total) if total else 0
    return Content.assemble(
        ("█" * filled, "$success"),
        ("░" * (width - filled), "$text-muted"),
        (f" {done}/{total} watched", "$text-muted"),
    )


def watched_count(episodes: tuple[Episode, ...] | list[Episode], watched: frozenset[str]) -> int:
    """How many of ``episodes`` are marked watched."""
    if not watched:  # nothing to count: no key to make for each of thousands of episodes
        return 0
    return sum(1 for episode in episodes if episode.key in watched)


def next_to_watch(episodes: tuple[Episode, ...], watched: frozenset[str]) -> Episode | None:
    """The first episode, in order, not yet watched."""
    if not watched:
        return min(episodes, key=_order, default=None)
    return next((e for e in sorted(episodes, key=_order) if e.key not in watched), None)


def _order(episode: Episode) -> tuple[int, int]:
    return episode.season, episode.number
