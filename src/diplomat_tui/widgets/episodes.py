"""The Episodes pane: every season and its episodes, unknown details marked unknown."""

from __future__ import annotations

from textual.content import Content

from diplomat_tui.model import Episode
from diplomat_tui.queries import SeasonView, episode_title, season_views, source_quotes
from diplomat_tui.screens.detail import Detail
from diplomat_tui.store import Snapshot
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item
from diplomat_tui.widgets.text import field, line, literal


def season_heading(view: SeasonView) -> Content:
    """``Season 1 · 8 episodes · released`` or ``Season 2 · announced, no episodes yet``."""
    count = (
        view.season.episode_count
        if view.season and view.season.episode_count
        else len(view.episodes)
    )
    parts = [f"Season {view.number}"]
    parts.append(f"{count} episodes" if count else "no episodes yet")
    if view.season and view.season.status:
        parts.append(view.season.status)
    if view.season and view.season.premiere:
        parts.append(f"premiere {view.season.premiere}")
    return line(" · ".join(parts), "bold underline")


def _episode_prompt(episode: Episode, watched: bool) -> Content:
    mark = ("✔ " if watched else "  ", "$success")
    details = " · ".join(
        part
        for part in (episode.airdate, f"{episode.runtime} min" if episode.runtime else None)
        if part
    )
    return Content.assemble(
        mark,
        (f"{episode.number:>2}  ", "$text-muted"),
        line(episode_title(episode), "" if episode.title else "italic"),
        ("  ", ""),
        line(details or "airdate unknown", "$text-muted"),
    )


class EpisodesPane(ListPane):
    """Seasons as headings, episodes as rows; Enter shows an episode."""

    def items(self, snapshot: Snapshot) -> list[Item]:
        """A heading per season, then its episodes."""
        rows: list[Item] = []
        for view in season_views(snapshot.catalog):
            rows.append(Item(f"season:{view.number}", season_heading(view), header=True))
            rows += [
                Item(
                    f"episode:{e.key}",
                    _episode_prompt(e, e.key in snapshot.watched),
                    f"{episode_title(e)} {e.key} {e.airdate or ''}",
                )
                for e in view.episodes
            ]
        return rows

    def detail(self, item_id: str) -> Detail | None:
        """An episode: title, airdate, runtime, summary, and the sources."""
        key = item_id.removeprefix("episode:")
        catalog = self.snapshot.catalog
        episode = next((e for e in catalog.episodes if e.key == key), None)
        if episode is None:
            return None
        facts = [
            field("Episode", f"season {episode.season}, episode {episode.number}"),
            field("Title", episode.title),
            field("Airdate", episode.airdate),
            field("Runtime", f"{episode.runtime} min" if episode.runtime else None),
            field("Watched", "yes" if key in self.snapshot.watched else "no"),
            Content.assemble(
                ("Summary: ", "bold $text-muted"),
                literal(episode.summary, "" if episode.summary else "italic $text-muted"),
            ),
        ]
        return Detail(
            f"{key} · {episode_title(episode)}", facts, source_quotes(catalog, episode.sources)
        )
