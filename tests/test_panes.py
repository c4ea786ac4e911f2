"""The pane registry, keys as the user remapped them, and rows keyed by what they show."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import OptionList

from diplomat_tui.app import DiplomatApp
from diplomat_tui.model import CastCredit, Stat
from diplomat_tui.screens.help import HelpScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.registry import PANES

from helpers.app import highlighted_row, main_screen, rows, screen_text


def open_app(store: Store, keymap: dict[str, str] | None = None) -> DiplomatApp:
    settings = replace(load_settings(), keymap=keymap or {})
    return DiplomatApp(store=store, snapshot=store.snapshot(), settings=settings)


async def test_navigation_and_panes_come_from_the_registry(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        nav = app.screen.query_one("#nav", OptionList)
        labels = [str(nav.get_option_at_index(i).prompt) for i in range(nav.option_count)]
        assert labels == [f"{pane.KEY} {pane.TITLE}" for pane in PANES]
        for pane in PANES:
            await pilot.press(pane.KEY)
            assert main_screen(app).pane == pane.PANE_ID
            assert isinstance(main_screen(app).current_pane, pane.load())


async def test_a_remapped_key_shows_in_the_navigation_and_the_help(store: Store) -> None:
    app = open_app(store, {"list.down": "ctrl+n", "pane.cast": "c"})
    async with app.run_test(size=(120, 36)) as pilot:
        nav = app.screen.query_one("#nav", OptionList)
        assert str(nav.get_option_at_index(1).prompt) == "c Cast"
        await pilot.press("c")
        assert main_screen(app).pane == "cast"
        await pilot.press("ctrl+n")
        assert "Rufus Sewell" in highlighted_row(app, "cast")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "1 c 3 4 5" in text
        assert "^n k" in text and "j k" not in text


async def test_help_lists_every_action_key(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for keys in ("1 2 3 4 5", "tab shift+tab", "j k", "g G", "w W", "^p", "? f1", "q"):
            assert keys in text
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_new_snapshot_keeps_the_highlighted_row(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "j")
        assert "David Gyasi" in highlighted_row(app, "cast")
        catalog = app.snapshot.catalog
        newcomer = CastCredit("Allison Janney", "Grace Penn", "main", order=-1)
        app.snapshot = replace(
            app.snapshot, catalog=replace(catalog, cast=(newcomer, *catalog.cast))
        )
        await pilot.pause()
        assert rows(app, "cast")[1] == "Allison Janney as Grace Penn"
        assert "David Gyasi" in highlighted_row(app, "cast")


async def test_stat_rows_are_keyed_by_the_stat_not_its_position(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        while "Hours viewed" not in highlighted_row(app, "stats"):
            await pilot.press("j")
        catalog = app.snapshot.catalog
        first = Stat("weekly_rank", 3, period="2023-04-16", scope="Netflix weekly global Top 10")
        app.snapshot = replace(
            app.snapshot, catalog=replace(catalog, stats=(first, *catalog.stats))
        )
        await pilot.pause()
        assert "Hours viewed" in highlighted_row(app, "stats")
        await pilot.press("enter")
        assert "57,480,000" in screen_text(app)


async def test_two_roles_of_one_person_are_two_rows(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        catalog = app.snapshot.catalog
        twin = CastCredit("Keri Russell", "Kate Wyler's double", "guest", order=99)
        app.snapshot = replace(app.snapshot, catalog=replace(catalog, cast=(*catalog.cast, twin)))
        await pilot.press("2")
        cast = rows(app, "cast")
        assert "Keri Russell as Kate Wyler" in cast
        assert "Keri Russell as Kate Wyler's double" in cast


async def test_a_character_learned_later_keeps_the_highlight(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "j")
        assert highlighted_row(app, "cast").startswith("David Gyasi")
        catalog = app.snapshot.catalog
        cast = tuple(
            replace(c, character="Austin Dennison") if c.person == "David Gyasi" else c
            for c in catalog.cast
        )
        app.snapshot = replace(app.snapshot, catalog=replace(catalog, cast=cast))
        await pilot.pause()
        assert highlighted_row(app, "cast").startswith("David Gyasi as Austin Dennison")


async def test_a_row_that_is_gone_leaves_the_highlight_in_place(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "j")
        catalog = app.snapshot.catalog
        cast = tuple(c for c in catalog.cast if c.person != "David Gyasi")
        app.snapshot = replace(app.snapshot, catalog=replace(catalog, cast=cast))
        await pilot.pause()
        assert highlighted_row(app, "cast").startswith("Ali Ahn")
