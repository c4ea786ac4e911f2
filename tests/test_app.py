"""The app driven by key presses and clicks (Textual Pilot)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from textual import events
from textual.geometry import Size
from textual.widgets import Input, Tabs

from diplomat_tui.app import DiplomatApp
from diplomat_tui.screens.detail import DetailScreen
from diplomat_tui.screens.help import HelpScreen
from diplomat_tui.screens.main import MainScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.footer import KeyFooter
from diplomat_tui.widgets.navlist import NavList

from helpers.app import highlighted_row, main_screen, rows, screen_text

AppFactory = Callable[[], DiplomatApp]


@pytest.fixture
def make_app(store: Store) -> AppFactory:
    return lambda: DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())


async def test_app_opens_on_the_synopsis(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)):
        assert main_screen(app).pane == "synopsis"
        text = screen_text(app)
        assert "The Diplomat" in text
        assert "Netflix" in text
        assert "Debora Cahn" in text
        assert "April 20" in text
        assert "Jinny Howe" in text


async def test_number_keys_and_tab_switch_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        for key, pane in [
            ("2", "cast"),
            ("3", "episodes"),
            ("4", "stats"),
            ("5", "sources"),
            ("1", "synopsis"),
        ]:
            await pilot.press(key)
            assert main_screen(app).pane == pane
        await pilot.press("tab")
        assert main_screen(app).pane == "cast"
        await pilot.press("shift+tab", "shift+tab")
        assert main_screen(app).pane == "sources"


async def test_cast_list_moves_with_j_k_g_and_G(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        assert "Keri Russell" in highlighted_row(app, "cast")
        await pilot.press("j")
        assert "Rufus Sewell" in highlighted_row(app, "cast")
        await pilot.press("k")
        assert "Keri Russell" in highlighted_row(app, "cast")
        await pilot.press("G")
        assert "Dan Toland" in highlighted_row(app, "cast")
        await pilot.press("g")
        assert "Keri Russell" in highlighted_row(app, "cast")
        await pilot.press("down", "down")
        assert "David Gyasi" in highlighted_row(app, "cast")


async def test_cast_rows_show_characters_and_other_credits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        cast = rows(app, "cast")
        assert "Keri Russell as Kate Wyler" in cast
        assert "Rufus Sewell as Hal Wyler" in cast
        assert any("David Gyasi" in r and "Carnival Row" in r for r in cast)
        assert "Guest stars" in cast and "Crew" in cast
        assert any("T’Nia Miller" in r for r in cast)


async def test_enter_shows_the_source_sentence_and_esc_goes_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "David Gyasi" in text
        assert "Carnival Row" in text
        assert "The cast also includes David Gyasi (Carnival Row)" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert "David Gyasi" in highlighted_row(app, "cast")


async def test_enter_on_a_stat_shows_its_source(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        assert any("57.48M" in r for r in rows(app, "stats"))
        while "Hours viewed" not in highlighted_row(app, "stats"):
            await pilot.press("j")
        await pilot.press("enter")
        text = screen_text(app)
        assert "57,480,000" in text
        assert "57.48M hours viewed" in text


async def test_episodes_show_season_one_and_the_announced_season(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        episodes = rows(app, "episodes")
        assert sum("Episode" in r for r in episodes) == 8
        assert any(r.startswith("Season 2") and "no episodes yet" in r for r in episodes)
        await pilot.press("G", "enter")
        text = screen_text(app)
        assert "Episode 8" in text
        assert "Airdate: unknown" in text


async def test_slash_filters_the_list_as_you_type(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"tnia")
        assert [r for r in rows(app, "cast") if r != "Guest stars"] == ["T’Nia Miller"]
        await pilot.press("escape")
        assert len(rows(app, "cast")) > 10
        assert isinstance(app.focused, NavList)


async def test_question_mark_opens_help_and_escape_closes_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "filter the current list" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_palette_offers_a_command_per_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for pane in ("Synopsis", "Cast", "Episodes", "Stats", "Sources"):
            assert f"Show {pane}" in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Show Stats")
        command.callback()
        assert main_screen(app).pane == "stats"


async def test_clicking_the_navigation_and_a_row(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.click("#nav", offset=(2, 1))
        assert main_screen(app).pane == "cast"
        await pilot.click("#cast-list", offset=(4, 2))
        assert isinstance(app.screen, DetailScreen)
        assert "Rufus Sewell" in screen_text(app)


async def test_narrow_terminal_shows_tabs_and_one_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        screen = main_screen(app)
        assert screen.query_one("#tabs").display
        assert not screen.query_one("#nav").display
        await pilot.click("#tab-episodes")
        assert screen.pane == "episodes"


async def test_tabs_appear_when_the_terminal_gets_narrow(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        assert not screen.query("#tabs")  # wide: the side list only
        await pilot.press("3")
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        tabs = screen.query_one("#tabs", Tabs)
        assert tabs.display and tabs.active == "tab-episodes"
        assert not screen.query_one("#nav").display
        await pilot.click("#tab-cast")
        assert screen.pane == "cast"
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not tabs.display and screen.query_one("#nav").display


@pytest.mark.parametrize("turns", range(8))
async def test_a_pane_key_while_the_tabs_are_being_made_is_kept(
    make_app: AppFactory, turns: int
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(app)
        app.post_message(events.Key("3", "3"))
        for _ in range(turns):  # the key lands at every point of the tabs' mounting
            await asyncio.sleep(0)
        screen.post_message(events.Resize(Size(60, 20), Size(60, 20)))
        await pilot.pause(0.2)
        assert app.is_running and screen.pane == "episodes"
        assert screen.query_one("#tabs", Tabs).active == "tab-episodes"


async def test_quick_pane_keys_when_narrow_end_on_the_last(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(50, 20)) as pilot:
        screen = main_screen(app)
        await pilot.press("3", "4", "2", "5", "2")
        await pilot.pause(0.2)
        assert screen.pane == "cast"
        assert screen.query_one("#tabs", Tabs).active == "tab-cast"


def footer_keys(app: DiplomatApp) -> list[str]:
    """The descriptions of the enabled keys the footer shows."""
    return [key.description for key in app.screen.query_one(KeyFooter).keys if key.enabled]


async def test_footer_keys_are_there_at_once_and_follow_the_screen(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert {"Next pane", "Help", "Refresh", "Quit"} <= set(footer_keys(app))
        assert "Filter" not in footer_keys(app)  # the synopsis has no list to filter
        await pilot.press("2")
        await pilot.pause()
        assert "Filter" in footer_keys(app)
        await pilot.press("3", "down", "down", "enter")  # an episode: it can be marked
        assert isinstance(app.screen, DetailScreen)
        await pilot.pause()
        assert "Watched" in footer_keys(app)
        await pilot.press("escape", "2", "enter")  # a cast member: nothing to mark
        await pilot.pause()
        assert "Back" in footer_keys(app) and "Watched" not in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Quit" in footer_keys(app)


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (120, 36), (200, 60)])
async def test_every_pane_renders_at_every_size(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


async def test_the_filter_is_fuzzy_within_a_word(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "slash", *"kri rusl")
        assert [r for r in rows(app, "cast") if "Keri" in r] == [
            "Keri Russell as Kate Wyler",
            "Keri Russell  executive producer",
        ]
        assert not any("Rufus" in r for r in rows(app, "cast"))


async def test_a_growing_query_narrows_to_what_a_fresh_filter_shows(make_app: AppFactory) -> None:
    """Typing on looks only among the rows already matched: the same rows as from scratch."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        nav = app.screen.query_one("#cast-list", NavList)
        typed: dict[str, list[str]] = {}
        for query in ("r", "ru", "rus", "rus ", "rus k", "ru", "e", "ex"):
            nav.filter(query)
            typed[query] = rows(app, "cast")
        for query, shown in typed.items():
            nav.filter("")
            nav.filter(query)
            assert rows(app, "cast") == shown, query
        assert typed["rus k"] == [
            "Main cast",
            "Keri Russell as Kate Wyler",
            "Crew",
            "Keri Russell  executive producer",
        ]


async def test_help_taller_than_the_terminal_scrolls_with_j_and_k(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0  # the list does not fit at 80x24
        await pilot.press("j", "j", "j")
        assert box.scroll_y > 0
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert box.scroll_y == 0 and isinstance(app.screen, HelpScreen)
