"""Long lists stay right when keys come faster than the app answers them (Pilot).

Keys are posted all at once, as a fast typist's or a paste's reach the app, before any
of them is handled; what the list shows and what is saved is then compared with what
those keys mean, one by one.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual import events
from textual.widgets import Input

from diplomat_tui.app import DiplomatApp
from diplomat_tui.model import Catalog, Episode, Season
from diplomat_tui.screens.detail import DetailScreen
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.navlist import NavList

from helpers.app import highlighted_row, rows

SEASONS, EPISODES = 3, 120
PLACES = ("London", "Tehran", "Kabul", "Paris", "Cairo")
THINGS = ("Treaty", "Carrier", "Summit", "Embassy")
CHARACTERS = {"slash": "/", "space": " "}


def title(season: int, number: int) -> str:
    """``London Treaty`` and so on: a place and a thing, each pair in every season."""
    n = season * EPISODES + number
    return f"{PLACES[n % len(PLACES)]} {THINGS[n // len(PLACES) % len(THINGS)]}"


@pytest.fixture
def long_store(store: Store) -> Store:
    """The shipped store with 3 seasons of 120 titled episodes instead of its own."""

    def long_guide(catalog: Catalog) -> Catalog:
        seasons = tuple(Season(s, EPISODES) for s in range(1, SEASONS + 1))
        episodes = tuple(
            Episode(s, n, title(s, n))
            for s in range(1, SEASONS + 1)
            for n in range(1, EPISODES + 1)
        )
        return replace(catalog, seasons=seasons, episodes=episodes, claims=())

    store.update_catalog(long_guide)
    return store


def post_keys(app: DiplomatApp, keys: list[str]) -> None:
    """Queue ``keys`` at once, none handled yet."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


def typed(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def episode_rows(app: DiplomatApp) -> list[str]:
    return [row for row in rows(app, "episodes") if not row.startswith("Season")]


async def test_a_query_typed_fast_shows_what_it_matches(long_store: Store) -> None:
    app = DiplomatApp(store=long_store, snapshot=long_store.snapshot(), settings=load_settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        # 'lon trex' matches nothing; two backspaces leave 'lon tr', then 'e' gives 'lon tre'
        post_keys(app, ["slash", *typed("lon trex"), "backspace", "backspace", "e"])
        await pilot.pause()
        shown = episode_rows(app)
        wanted = [
            (s, n)
            for s in range(1, SEASONS + 1)
            for n in range(1, EPISODES + 1)
            if title(s, n) == "London Treaty"
        ]
        assert len(shown) == len(wanted) > 0
        assert all("London Treaty" in row for row in shown)
        headings = [row for row in rows(app, "episodes") if row.startswith("Season")]
        assert [h.split(" · ")[0] for h in headings] == [
            f"Season {s}" for s in sorted({s for s, _ in wanted})
        ]
        assert "London Treaty" in highlighted_row(app, "episodes")
        nav = app.screen.query_one("#episodes-list", NavList)
        chosen = nav.selected_id
        assert chosen is not None
        post_keys(app, ["escape", "j"])  # esc keeps the highlighted row; the list has the keys
        await pilot.pause()
        assert len(episode_rows(app)) == SEASONS * EPISODES
        after = nav.index_of(chosen)
        assert after is not None and nav.highlighted == after + 1


async def test_marks_typed_fast_are_all_shown_and_saved(long_store: Store) -> None:
    app = DiplomatApp(store=long_store, snapshot=long_store.snapshot(), settings=load_settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        post_keys(app, ["w"] * 5)  # each marks the highlighted episode, then moves on
        await pilot.pause()
        marked = [row for row in episode_rows(app) if row.startswith("✔")]
        assert len(marked) == 5 and all(f" {n}  " in marked[n - 1] for n in range(1, 6))
        assert f"5/{EPISODES} watched" in rows(app, "episodes")[0]
        assert highlighted_row(app, "episodes").lstrip("· ").startswith("6  ")
        post_keys(app, ["j", "j", "w", "u", "s", "s"])  # marked, undone; spoilers on, off
        await pilot.pause()
        assert [row for row in episode_rows(app) if row.startswith("✔")] == marked
        assert "spoilers shown" not in str(app.screen.query_one("TitleBar").render())
        app.wait_for_saves()
        assert Store(long_store.path).snapshot().watched == {f"S01E{n:02d}" for n in range(1, 6)}
        post_keys(app, ["G", "W"])  # the last season, whole
        await pilot.pause()
        assert f"{EPISODES}/{EPISODES} watched" in rows(app, "episodes")[-EPISODES - 1]
        assert all(row.startswith("✔") for row in episode_rows(app)[-EPISODES:])
        app.wait_for_saves()
    watched = Store(long_store.path).snapshot().watched
    assert len(watched) == 5 + EPISODES


async def test_typing_a_filter_highlights_the_first_match_and_up_down_move_among_them(
    long_store: Store,
) -> None:
    app = DiplomatApp(store=long_store, snapshot=long_store.snapshot(), settings=load_settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "G")  # the highlight far from what the query will match
        await pilot.press("slash", *typed("paris sum"))
        matches = [row for row in episode_rows(app) if "Paris Summit" in row]
        assert matches and len(matches) == len(episode_rows(app))
        assert highlighted_row(app, "episodes") == matches[0]
        await pilot.press("down")
        assert highlighted_row(app, "episodes") == matches[1]
        assert isinstance(app.focused, Input)  # still typing
        await pilot.press("up")
        first = app.screen.query_one("#episodes-list", NavList).selected_id
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen) and first is not None
        assert app.screen_stack[-2].query_one("#episodes-list", NavList).selected_id == first
