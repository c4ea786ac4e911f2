"""A newcomer's rough edges, pinned: width, notifications, help, palette, small terminals,
the filter, the synopsis keys, the spoiler mode on screen, undo and mark-and-move-on."""

from __future__ import annotations

import pytest
from textual.fuzzy import Matcher
from textual.widgets import Tabs

from diplomat_tui.screens.help import HelpScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.footer import KeyFooter
from diplomat_tui.widgets.synopsis import SynopsisPane
from diplomat_tui.widgets.text import break_long_words
from diplomat_tui.widgets.titlebar import TitleBar

from helpers.app import NotedApp, highlighted_row, main_screen, rows

URL = "https://api.tvmaze.com/search/shows?q=The+Diplomat"


def open_app(store: Store) -> NotedApp:
    return NotedApp(store=store, snapshot=store.snapshot(), settings=load_settings())


async def test_the_sources_pane_shows_whole_sentences(store: Store) -> None:
    long_quotes = [s.quote for s in store.snapshot().catalog.sources if len(s.quote or "") > 100]
    assert long_quotes
    app = open_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("5")
        shown = rows(app, "sources")
        assert all(quote in shown for quote in long_quotes)
        assert not any(row.endswith("…") for row in shown)


def test_long_urls_and_paths_break_after_a_separator() -> None:
    broken = break_long_words(f"TVmaze: 404 Not Found at {URL}; nothing saved", 30)
    assert broken == (
        "TVmaze: 404 Not Found at https://api.tvmaze.com/search/\n"
        "shows?q=The+Diplomat; nothing saved"
    )
    assert break_long_words("short words stay", 10) == "short words stay"


@pytest.mark.parametrize("width", [40, 80])
async def test_notifications_never_cut_a_url_mid_name(store: Store, width: int) -> None:
    app = open_app(store)
    async with app.run_test(size=(width, 24)):
        shown = app.toast_text(f"TVmaze: 404 Not Found at {URL}")
        assert shown.replace("\n", "") == f"TVmaze: 404 Not Found at {URL}"
        toast_text = min(60, width * 9 // 10) - 4
        assert all(len(piece) <= toast_text for piece in shown.split())
        assert all(line.endswith(("/", "?", "=", "&")) for line in shown.split("\n")[:-1])


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_help_keeps_two_columns_when_narrow(store: Store, size: tuple[int, int]) -> None:
    app = open_app(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = list(app.screen.query(".help-key"))
        whats = list(app.screen.query(".help-what"))
        assert len(keys) == len(whats) > 10
        assert len({w.region.x for w in whats}) == 1  # one column of descriptions
        assert all(k.region.right <= whats[0].region.x for k in keys)
        assert any(w.region.height > 1 for w in whats)  # long ones wrap in their column


@pytest.mark.parametrize(
    "query", ["help", "refresh", "watch", "spoilers", "export", "theme", "quit", "undo"]
)
async def test_the_palette_offers_every_action(store: Store, query: str) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "w")  # something to undo
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(Matcher(query).match(title) > 0 for title in titles), titles


async def test_help_from_the_palette(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"help")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_mark_watched_from_the_palette(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j")
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Mark watched")
        command.callback()
        await pilot.pause()
        assert rows(app, "episodes")[2].startswith("✔")
        command = next(c for c in app.get_system_commands(app.screen) if "S01E01" in c.title)
        command.callback()
        await pilot.pause()
        assert rows(app, "episodes")[1].startswith("✔")


async def test_export_from_the_palette_writes_a_new_file(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(2):
            app.export("markdown")
            await app.workers.wait_for_complete()
            await pilot.pause()
        files = sorted(app.export_folder.glob("*.md"))
        assert len(files) == 2  # the second did not overwrite the first
        assert "Keri Russell" in files[0].read_text(encoding="utf-8")
        assert any(str(files[0]) in note.message for note in app.notes)


async def test_the_smallest_terminal_keeps_tabs_keys_help_and_quit(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("2")
        tabs = app.screen.query_one(Tabs)
        labels = [str(tab.label) for tab in tabs.query("Tab")]
        assert labels == ["1 Syn", "2 Cast", "3 Eps", "4 Stats", "5 Src"]
        assert all(tab.region.right <= 40 for tab in tabs.query("Tab"))
        footer = app.screen.query_one(KeyFooter)
        shown = {key.description: key.region for key in footer.keys}
        for essential in ("Help", "Quit"):
            assert shown[essential].right <= 40
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert [str(tab.label) for tab in tabs.query("Tab")][0] == "1 Synopsis"


async def test_a_filter_matching_nothing_says_so(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "slash", *"zzqx")
        assert rows(app, "cast") == ["no matches for “zzqx” (esc clears the filter)"]
        await pilot.press("enter")  # nothing to open
        assert main_screen(app).pane == "cast"


async def test_the_synopsis_scrolls_with_j_and_k_and_offers_no_filter(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(40, 12)) as pilot:
        synopsis = app.screen.query_one(SynopsisPane)
        await pilot.press("j", "j", "j")
        assert synopsis.scroll_y == 3
        await pilot.press("k")
        assert synopsis.scroll_y == 2
        await pilot.press("slash")
        assert not app.notes and app.focused is synopsis


async def test_the_spoiler_mode_shows_in_the_title_bar(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        title = app.screen.query_one(TitleBar)
        assert "spoilers shown" not in str(title.render())
        await pilot.press("s")
        assert "spoilers shown" in str(title.render())
        await pilot.press("s")
        assert "spoilers shown" not in str(title.render())


async def test_undo_the_last_watched_change(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "w", "W")  # S01E01, then the whole season
        assert sum(r.startswith("✔") for r in rows(app, "episodes")) == 8
        await pilot.press("u")
        assert [r.startswith("✔") for r in rows(app, "episodes")][1:9] == [True] + [False] * 7
        await pilot.press("j", "w", "ctrl+z")
        assert sum(r.startswith("✔") for r in rows(app, "episodes")) == 1
        app.wait_for_saves()
    assert store.snapshot().watched == {"S01E01"}


async def test_w_marks_and_moves_on_to_the_next_unwatched(store: Store) -> None:
    store.set_watched(["S01E03"], True)
    app = open_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "w")  # S01E02 marked: S01E03 is watched, on to S01E04
        assert "Episode 4" in highlighted_row(app, "episodes")
        await pilot.press("G", "w")  # the last: nowhere to move
        assert "Episode 8" in highlighted_row(app, "episodes")


async def test_the_footer_says_how_to_clear_a_filter(store: Store) -> None:
    app = open_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        described = [key.description for key in app.screen.query_one(KeyFooter).keys]
        assert "Clear filter" not in described
        await pilot.press("slash", "r")
        await pilot.pause()
        described = [key.description for key in app.screen.query_one(KeyFooter).keys]
        assert "Clear filter" in described
