"""The Episodes pane: seasons with watched progress, episodes with unknowns marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from diplomat_tui.model import Catalog, Episode, Snapshot
from diplomat_tui.queries import SeasonView, episode_title, season_views, source_quotes
from diplomat_tui.widgets.claims import claimed_field
from diplomat_tui.widgets.details import Detail, PictureSlot
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item, NavList
from diplomat_tui.widgets.progress import progress_bar, watched_count
from diplomat_tui.widgets.state import app_state, spoilers_shown
from diplomat_tui.widgets.text import ROW_LIMIT, field, line, literal

SPOILER = "░░ spoiler hidden: mark the episode watched (w) or show spoilers (s) ░░"


def season_heading(view: SeasonView, watched: frozenset[str], disputed: bool = False) -> Content:
    """``Season 1 · 8 episodes · released  ████░░░░ 2/8 watched``; ``disputed``: the sources
    disagree about the season (the Sources pane lists their claims side by side)."""
    season = view.season
    count = season.episode_count if season and season.episode_count else len(view.episodes)
    episodes = f"{count} episode" + ("" if count == 1 else "s")
    parts = [f"Season {view.number}", episodes if count else "no episodes yet"]
    if season and season.status:
        parts.append(season.status)
    if season and season.premiere:
        parts.append(f"premiere {season.premiere}")
    heading = line(" · ".join(parts), "bold underline")
    if disputed:
        heading = Content.assemble(heading, ("  sources disagree (see Sources)", "$warning"))
    if not view.episodes:
        return heading
    done = watched_count(view.episodes, watched)
    return Content.assemble(heading, "  ", progress_bar(done, len(view.episodes), width=10))


def _episode_prompt(episode: Episode, watched: bool) -> Content:
    details = " · ".join(
        part
        for part in (episode.airdate, f"{episode.runtime} min" if episode.runtime else None)
        if part
    )
    return Content.assemble(
        ("✔ " if watched else "· ", "$success" if watched else "$text-muted"),
        (f"{episode.number:>2}  ", "$text-muted"),
        line(episode_title(episode), "" if episode.title else "italic", ROW_LIMIT),
        ("  ", ""),
        line(details or "airdate unknown", "$text-muted"),
    )


def episode_summary(episode: Episode, watched: bool, spoilers_shown: bool) -> Content:
    """The summary, or the spoiler placeholder for an unwatched episode."""
    if episode.summary and not watched and not spoilers_shown:
        return Content.styled(SPOILER, "italic $warning")
    return literal(episode.summary, "" if episode.summary else "italic $text-muted")


class _EpisodeRows:
    """The rows of one catalog, each built once per watched state and then reused, and
    its episodes by key.

    A watched mark makes a new snapshot of the same catalog: only the rows of the
    episodes marked and of their seasons' headings change (:meth:`changed`), and the
    list redraws only those (:meth:`NavList.update_items`).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.seasons = [(view, [e.key for e in view.episodes]) for view in season_views(catalog)]
        self.by_key = {e.key: e for e in catalog.episodes}
        self.keys = frozenset(self.by_key)
        self._season_of = {key: n for n, (_view, keys) in enumerate(self.seasons) for key in keys}
        self.disputed = {c.subject for c in catalog.claims if c.subject.startswith("season:")}
        self._episodes: dict[tuple[str, bool], Item] = {}
        self._headings: dict[tuple[int, int], Item] = {}

    def all(self, watched: frozenset[str]) -> list[Item]:
        """Every row: a heading per season, then its episodes."""
        rows: list[Item] = []
        for view, keys in self.seasons:
            rows.append(self.heading(view, len(watched.intersection(keys)), watched))
            rows += [
                self.episode(episode, key, key in watched)
                for episode, key in zip(view.episodes, keys, strict=True)
            ]
        return rows

    def changed(self, keys: frozenset[str], watched: frozenset[str]) -> list[Item]:
        """The rows that differ between ``watched`` and the marks it differs from in
        ``keys``: those episodes' rows and their seasons' headings."""
        rows, seasons = [], set()
        for key in keys & self.keys:
            rows.append(self.episode(self.by_key[key], key, key in watched))
            seasons.add(self._season_of[key])
        for n in sorted(seasons):
            view, season_keys = self.seasons[n]
            rows.append(self.heading(view, len(watched.intersection(season_keys)), watched))
        return rows

    def episode(self, episode: Episode, key: str, watched: bool) -> Item:
        """The row of ``episode`` (whose key is ``key``), ticked if ``watched``."""
        if (row := self._episodes.get((key, watched))) is None:
            row = self._episodes[key, watched] = Item(
                f"episode:{key}",
                _episode_prompt(episode, watched),
                f"{episode_title(episode)} {key} {episode.airdate or ''}",
            )
        return row

    def heading(self, view: SeasonView, done: int, watched: frozenset[str]) -> Item:
        """The heading of a season, ``done`` of its episodes in ``watched``."""
        if (row := self._headings.get((view.number, done))) is None:
            prompt = season_heading(view, watched, f"season:{view.number}" in self.disputed)
            row = self._headings[view.number, done] = Item(
                f"season:{view.number}", prompt, header=True
            )
        return row


class EpisodesPane(ListPane):
    """Seasons as headings, episodes as rows; ``w`` marks watched, ``W`` a whole season."""

    BINDINGS = [
        Binding("w", "toggle_watched", "Watched", id="episodes.watched"),
        Binding("W", "toggle_season", "Season watched", show=False, id="episodes.season_watched"),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._rows: _EpisodeRows | None = None
        self._overall: Content | None = None  # the overall progress shown

    def shows_change(self, old: Snapshot, new: Snapshot) -> bool:
        """Episode rows show the watched marks too."""
        return old.catalog is not new.catalog or old.watched is not new.watched

    def compose_header(self) -> ComposeResult:
        """Overall watched progress."""
        yield Static(id="overall-progress")

    def draw(self, snapshot: Snapshot) -> None:
        """Draw the list and the overall progress; after a watched mark, only the rows
        it changed."""
        drawn, rows = self._drawn, self._episode_rows(snapshot.catalog)
        if drawn is not None and drawn.catalog is snapshot.catalog:
            changed = rows.changed(drawn.watched ^ snapshot.watched, snapshot.watched)
            self.query_one(NavList).update_items(changed)
        else:
            super().draw(snapshot)
        done, total = len(snapshot.watched & rows.keys), len(snapshot.catalog.episodes)
        overall = Content.assemble(("All seasons  ", "bold"), progress_bar(done, total))
        # (as long as the line, as high: no layout of the screen for each mark)
        same_size = self._overall is not None and self._overall.cell_length == overall.cell_length
        self.query_one("#overall-progress", Static).update(overall, layout=not same_size)
        self._overall = overall

    def _episode_rows(self, catalog: Catalog) -> _EpisodeRows:
        if self._rows is None or self._rows.catalog is not catalog:
            self._rows = _EpisodeRows(catalog)
        return self._rows

    def items(self, snapshot: Snapshot) -> list[Item]:
        """A heading per season, then its episodes."""
        return self._episode_rows(snapshot.catalog).all(snapshot.watched)

    def action_toggle_watched(self) -> None:
        """Mark the highlighted episode watched and move on to the next unwatched one (or
        mark it not watched, staying on it)."""
        snapshot = self.snapshot
        if episode := self._episode(snapshot, self.navlist.selected_id):
            marking = episode.key not in snapshot.watched
            app_state(self).set_watched([episode.key], marking)
            if marking:
                self._highlight_next_unwatched(snapshot.watched | {episode.key})

    def _highlight_next_unwatched(self, watched: frozenset[str]) -> None:
        """Move the highlight down to the next episode row not in ``watched``, if any."""
        nav = self.navlist
        start = (nav.highlighted or 0) + 1
        for index in range(start, nav.option_count):
            row_id = nav.get_option_at_index(index).id or ""
            if row_id.startswith("episode:") and row_id.removeprefix("episode:") not in watched:
                nav.highlighted = index
                return

    def action_toggle_season(self) -> None:
        """Mark the whole season of the highlighted episode watched (or, if it is, not)."""
        snapshot = self.snapshot
        if episode := self._episode(snapshot, self.navlist.selected_id):
            keys = [e.key for e in snapshot.catalog.episodes if e.season == episode.season]
            all_watched = all(key in snapshot.watched for key in keys)
            app_state(self).set_watched(keys, not all_watched)

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """An episode: title, airdate, runtime, summary (spoiler-shielded), and the sources."""
        episode = self._episode(snapshot, item_id)
        if episode is None:
            return None
        watched = episode.key in snapshot.watched
        catalog, subject = snapshot.catalog, f"episode:{episode.key}"
        facts = [
            field("Episode", f"season {episode.season}, episode {episode.number}"),
            claimed_field(catalog, subject, "title", "Title", episode.title),
            claimed_field(catalog, subject, "airdate", "Airdate", episode.airdate),
            claimed_field(
                catalog,
                subject,
                "runtime",
                "Runtime",
                f"{episode.runtime} min" if episode.runtime else None,
            ),
            Content.assemble(
                ("Summary: ", "bold $text-muted"),
                episode_summary(episode, watched, spoilers_shown(snapshot)),
            ),
        ]
        return Detail(
            f"{episode.key} · {episode_title(episode)}",
            facts,
            source_quotes(catalog, episode.sources),
            watch_key=episode.key,
            pictures=(PictureSlot(episode.image, "still", kind="still"),),
        )

    def _episode(self, snapshot: Snapshot, item_id: str | None) -> Episode | None:
        """The episode of the row ``item_id`` (``episode:S01E03``), if it is one."""
        if not item_id or not item_id.startswith("episode:"):
            return None
        return self._episode_rows(snapshot.catalog).by_key.get(item_id.removeprefix("episode:"))
