"""What a detail view shows: one record's facts and the sources they came from.

Kept apart from the screen that shows it, so the panes that build details do not load
the screen (and its widgets) at launch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual.content import Content

from diplomat_tui.model import Snapshot, Source
from diplomat_tui.widgets.text import line, literal


@dataclass(frozen=True)
class Detail:
    """What a detail view shows: a title, lines of facts, and the sources behind them.

    ``watch_key`` adds a Watched checkbox (episodes); ``pictures`` are shown side by
    side (a person's photo and their character's picture, an episode's still).
    """

    title: str
    facts: list[Content] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    watch_key: str | None = None
    pictures: tuple[PictureSlot, ...] = ()


@dataclass(frozen=True)
class PictureSlot:
    """A picture in a detail view: its URL (None: no source has one), what it is (for
    the placeholder), a caption under it, and its kind (``headshot``, ``character``,
    ``still``: the style class that sizes it)."""

    url: str | None
    what: str = "photo"
    caption: str | None = None
    kind: str = "headshot"


DetailOf = Callable[[Snapshot], "Detail | None"]
"""How a detail view is made from a snapshot (again after each change: watched, spoilers)."""


def source_block(source: Source) -> Content:
    """A source as shown in a detail view: what it is, and the quoted sentence if any."""
    where = source.url or ("shipped with diplomat-tui" if source.kind == "article" else None)
    parts = [
        Content.assemble((f"{source.kind}: ", "bold $accent"), line(source.title)),
    ]
    if source.quote:
        parts.append(literal(source.quote, "italic"))
    if where:
        parts.append(line(where, "$text-muted"))
    if source.fetched:
        parts.append(
            Content.assemble(("fetched ", "$text-muted"), line(source.fetched, "$text-muted"))
        )
    return Content("\n").join(parts)
