"""Command palette search across people, characters, episodes and stats.

Matching is fuzzy and ignores case, accents and typographic quotes. Prompts are
built as rich ``Text`` (never markup strings: the palette parses strings as markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.command import Hit, Hits, Provider

from diplomat_tui.model import Snapshot
from diplomat_tui.queries import (
    cast_members,
    cast_row_ids,
    crew_members,
    episode_title,
    stat_key,
    stat_label,
)
from diplomat_tui.sanitize import clean_line
from diplomat_tui.widgets.navlist import search_key
from diplomat_tui.widgets.registry import pane_title
from diplomat_tui.widgets.state import app_state


@dataclass(frozen=True)
class Target:
    """A searchable thing: what to show, which pane and row it lives in."""

    label: str
    kind: str
    pane: str
    item_id: str


def search_targets(snapshot: Snapshot) -> list[Target]:
    """Everything the palette can find, with where it lives."""
    catalog = snapshot.catalog
    targets = []
    cast = cast_members(catalog)
    for row_id, member in zip(cast_row_ids(cast), cast, strict=True):
        as_character = f" as {member.character}" if member.character else ""
        targets.append(Target(f"{member.name}{as_character}", "cast", "cast", row_id))
        if member.character:
            label = f"{member.character} ({member.name})"
            targets.append(Target(label, "character", "cast", row_id))
    for crew in crew_members(catalog):
        targets.append(Target(f"{crew.name}, {', '.join(crew.roles)}", "crew", "cast", crew.key))
    for episode in catalog.episodes:
        label = f"{episode.key} {episode_title(episode)}"
        targets.append(Target(label, "episode", "episodes", f"episode:{episode.key}"))
    for stat in catalog.stats:
        label = f"{stat_label(stat)} {stat.period or ''}".strip()
        targets.append(Target(label, "stat", "stats", stat_key(stat)))
    return targets


class CatalogSearch(Provider):
    """Find a person, character, episode or stat and jump to it."""

    async def startup(self) -> None:
        """Index the snapshot once per palette opening, not per keystroke."""
        snapshot = app_state(self.screen).snapshot
        self._targets = [(t, search_key(t.label)) for t in search_targets(snapshot)]

    async def search(self, query: str) -> Hits:
        """Fuzzy hits for ``query``, best first (the palette sorts by score)."""
        jump = app_state(self.screen).jump_to
        matcher = self.matcher(search_key(query))
        for target, key in self._targets:
            score = matcher.match(key)
            if score > 0:
                yield Hit(
                    score,
                    Text(clean_line(target.label)),
                    partial(jump, target.pane, target.item_id),
                    text=clean_line(target.label),
                    help=f"{target.kind}: open in the {pane_title(target.pane)} pane",
                )
