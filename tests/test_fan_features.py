"""Watched progress, spoiler shield, palette search, what's next, themes, screenshots."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Checkbox

from diplomat_tui.app import DiplomatApp
from diplomat_tui.commands import CatalogSearch
from diplomat_tui.model import Catalog, Episode, Season
from diplomat_tui.screens.detail import DetailScreen
from diplomat_tui.screens.main import MainScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.upcoming import upcoming
from diplomat_tui.widgets.episodes import SPOILER
from diplomat_tui.widgets.navlist import NavList

from helpers.app import NotedApp, highlighted_row, palette_highlights, rows, screen_text

SUMMARY = "Kate learns the truth about the attack."


def open_app(store: Store) -> NotedApp:
    return NotedApp(store=store, snapshot=store.snapshot(), settings=load_settings())


@pytest.fixture
def store_with_summaries(store: Store) -> Store:
    def add_summaries(catalog: Catalog) -> Catalog:
        episodes = tuple(replace(e, summary=f"{SUMMARY} ({e.key})") for e in catalog.episodes)
        return replace(catalog, episodes=episodes)

    store.update_catalog(add_summaries)
    return store


async def settle(app: DiplomatApp) -> None:
    """Wait for the writer thread to save what the app asked it to."""
    app.wait_for_saves()


async def test_w_marks_the_episode_watched_and_saves_it(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        assert "Episode 1" in highlighted_row(app, "episodes")
        await pilot.press("w")
        assert rows(app, "episodes")[1].startswith("✔")
        assert "Episode 2" in highlighted_row(app, "episodes")  # marked: on to the next
        assert "1/8 watched" in screen_text(app)
        await settle(app)
        assert Store(store.path).snapshot().watched == {"S01E01"}
        await pilot.press("k", "w")
        assert not highlighted_row(app, "episodes").startswith("✔")
        assert "Episode 1" in highlighted_row(app, "episodes")  # unmarked: it stays
        await settle(app)
    assert Store(store.path).snapshot().watched == frozenset()


async def test_capital_w_marks_the_whole_season_and_progress_follows(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "w", "W")
        assert sum(r.startswith("✔") for r in rows(app, "episodes")) == 8
        assert "8/8 watched" in rows(app, "episodes")[0]
        await pilot.press("1")
        assert "all caught up" in screen_text(app)
        await pilot.press("3", "W")
        assert sum(r.startswith("✔") for r in rows(app, "episodes")) == 0
        await pilot.press("1")
        assert "Next to watch: S01E01 · Episode 1" in screen_text(app)


async def test_next_to_watch_follows_the_marks(store: Store) -> None:
    store.set_watched(["S01E01", "S01E02"], True)
    app = open_app(store)
    async with app.run_test(size=(120, 36)):
        assert "Next to watch: S01E03 · Episode 3" in screen_text(app)
        assert "Season 2: announced, no date yet" in screen_text(app)


async def test_unwatched_summaries_hide_behind_the_spoiler_shield(
    store_with_summaries: Store,
) -> None:
    app = open_app(store_with_summaries)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        text = screen_text(app)
        assert SPOILER in text and SUMMARY not in text
        await pilot.press("s")
        await pilot.pause()
        assert SUMMARY in screen_text(app)
        await settle(app)
    assert Store(store_with_summaries.path).snapshot().prefs["spoilers_shown"] is True


async def test_spoiler_choice_is_remembered_and_watched_episodes_show_summaries(
    store_with_summaries: Store,
) -> None:
    store_with_summaries.set_watched(["S01E02"], True)
    app = open_app(store_with_summaries)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "enter")
        assert f"{SUMMARY} (S01E02)" in screen_text(app)
        await pilot.press("escape", "k", "enter")
        assert SPOILER in screen_text(app)
    store_with_summaries.set_pref("spoilers_shown", True)
    app = open_app(store_with_summaries)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        assert f"{SUMMARY} (S01E01)" in screen_text(app)


async def test_clicking_watched_in_the_episode_view_marks_it(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.click("#detail-watched")
        await pilot.pause()
        assert app.screen.query_one("#detail-watched", Checkbox).value
        await settle(app)
        assert Store(store.path).snapshot().watched == {"S01E01"}
        await pilot.press("escape")
        assert highlighted_row(app, "episodes").startswith("✔")


async def test_palette_search_finds_people_characters_and_episodes_fuzzily(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)):
        provider = CatalogSearch(app.screen)
        await provider.startup()
        hits = [str(hit.text) async for hit in provider.search("T'Nia")]
        assert hits[0] == "T’Nia Miller"
        hits = [str(hit.text) async for hit in provider.search("kate wyl")]
        assert "Kate Wyler (Keri Russell)" in hits
        hits = [str(hit.text) async for hit in provider.search("S01E05")]
        assert "S01E05 Episode 5" in hits


async def test_palette_jump_opens_the_pane_on_the_row(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        provider = CatalogSearch(app.screen)
        await provider.startup()
        hit = [h async for h in provider.search("rufus")][0]
        hit.command()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.pane == "cast"
        assert "Rufus Sewell" in highlighted_row(app, "cast")


async def test_ctrl_p_palette_opens_and_finds_a_person(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"gyasi")
        await palette_highlights(app, pilot, "David Gyasi")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.pane == "cast"
        assert "David Gyasi" in highlighted_row(app, "cast")


async def test_theme_is_remembered_in_the_config_file(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "nord"
        await pilot.pause()
        await settle(app)
    assert 'theme = "nord"' in load_settings().config_path.read_text()
    assert "theme" not in Store(store.path).snapshot().prefs  # one place: the config file
    app = open_app(store)
    async with app.run_test(size=(120, 36)):
        assert app.theme == "nord"


async def test_ctrl_s_saves_an_svg_in_the_screenshot_folder_and_says_where(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = [note.message for note in app.notes]
    svgs = list(load_settings().screenshot_dir.glob("*.svg"))
    assert len(svgs) == 1 and "Diplomat" in svgs[0].read_text()
    assert notes == [f"Screenshot saved to {svgs[0]}"]
    assert not list(tmp_path.glob("*.svg"))  # never the current folder


def test_whats_next_counts_the_days_to_a_dated_season() -> None:
    today = date(2026, 11, 25)
    catalog = Catalog(
        seasons=(Season(1, 8, "released"), Season(3, None, "announced", premiere="2026-12-01")),
        episodes=(Episode(1, 1, airdate="2023-04-20"), Episode(2, 1, airdate="2026-11-30")),
    )
    described = [u.describe(today) for u in upcoming(catalog, today)]
    assert described == ["Episode S02E01: 2026-11-30, in 5 days", "Season 3: 2026-12-01, in 6 days"]


def test_whats_next_picks_the_first_of_episodes_airing_the_same_day() -> None:
    today = date(2026, 11, 25)
    catalog = Catalog(
        episodes=(
            Episode(2, 3, airdate="2026-12-04"),
            Episode(2, 2, airdate="2026-12-04"),  # a double bill: the lower number comes first
            Episode(2, 4, airdate="2026-12-11"),
            Episode(2, 1, airdate="2026-11-20"),
        ),
    )
    described = [u.describe(today) for u in upcoming(catalog, today)]
    assert described == ["Episode S02E02: 2026-12-04, in 9 days"]


async def test_the_filter_keeps_working_with_watched_marks(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "slash", *"episode 7", "enter")  # enter opens the match
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("w", "escape")
        assert [r for r in rows(app, "episodes") if "Episode" in r] == [
            "✔  7  Episode 7  airdate unknown"
        ]
        assert isinstance(app.focused, NavList)


def test_upcoming_is_empty_for_a_finished_show() -> None:
    today = date.today()
    past = (today - timedelta(days=30)).isoformat()
    catalog = Catalog(
        seasons=(Season(1, 1, "released", premiere=past),), episodes=(Episode(1, 1, airdate=past),)
    )
    assert upcoming(catalog, today) == []


def test_watched_marks_survive_a_re_ingest(store: Store, tmp_path: Path) -> None:
    from diplomat_tui.ingest import ingest_files

    store.set_watched(["S01E03"], True)
    article = tmp_path / "diplomat-news.txt"
    article.write_text(
        "Netflix’s political thriller The Diplomat has added Allison Janney to the cast. "
        "Allison Janney (The West Wing) joins as Grace Penn.",
        encoding="utf-8",
    )
    ingest_files(store, [article])
    snapshot = store.snapshot()
    assert snapshot.watched == {"S01E03"}
    assert any(c.person == "Allison Janney" for c in snapshot.catalog.cast)


async def test_palette_command_shows_spoilers(store_with_summaries: Store) -> None:
    app = open_app(store_with_summaries)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"show spoilers")
        await palette_highlights(app, pilot, "Show spoilers")
        await pilot.press("enter")
        await pilot.pause()
        assert app.spoilers_shown
        await settle(app)
    assert Store(store_with_summaries.path).snapshot().prefs["spoilers_shown"] is True


async def test_palette_changes_the_theme_and_it_is_remembered(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await palette_highlights(app, pilot, "theme")
        await pilot.press("enter")
        await pilot.press(*"nord")
        await palette_highlights(app, pilot, "nord")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
        await settle(app)
    assert 'theme = "nord"' in load_settings().config_path.read_text()
