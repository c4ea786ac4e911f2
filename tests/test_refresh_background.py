"""A refresh from the app runs in the background: panes usable, progress shown, esc cancels."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from diplomat_tui.app import DiplomatApp
from diplomat_tui.refresh_run import RefreshCancelled, RefreshRun
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.navlist import NavList
from diplomat_tui.widgets.titlebar import TitleBar

from helpers.app import NotedApp, highlighted_row, rows
from helpers.localserver import LocalServer


def app_for(store: Store, server: LocalServer) -> NotedApp:
    settings = Settings(
        data_dir=store.path.parent,
        config_path=store.path.parent / "config.toml",
        tvmaze_url=server.tvmaze_url,
        top10_url=server.top10_url,
    )
    return NotedApp(store=store, snapshot=store.snapshot(), settings=settings)


def title_bar(app: DiplomatApp) -> str:
    return str(app.screen.query_one(TitleBar).render())


async def refresh_done(app: DiplomatApp, pilot: Pilot[None]) -> None:
    """Wait until the refresh has ended (done, failed or cancelled), 10 s at most."""
    for _ in range(200):
        if not app.refreshing:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert not app.refreshing


def note_messages(app: NotedApp) -> list[str]:
    return [note.message for note in app.notes]


async def test_the_panes_stay_usable_while_a_slow_refresh_runs(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", latency=0.4)
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "r")
        await pilot.pause(0.2)
        assert app.refreshing
        assert "Refreshing" in title_bar(app) and "esc cancels" in title_bar(app)
        assert not app.screen.query_one("#panes").loading
        await pilot.press("j")  # the keys reach the list on show
        assert "David Gyasi" in highlighted_row(app, "cast")
        await pilot.press("3", "w")
        assert rows(app, "episodes")[1].startswith("✔")
        await pilot.press("2")
        await refresh_done(app, pilot)
        assert not app.refreshing
        assert "Refreshing" not in title_bar(app)
        assert any(n.startswith("Refreshed:") for n in note_messages(app))
        focused = app.focused
        assert isinstance(focused, NavList) and focused.id == "cast-list"
        assert "David Gyasi" in highlighted_row(app, "cast")
        await pilot.press("3")
        assert rows(app, "episodes")[1].startswith("✔")  # the mark made meanwhile is kept
        app.wait_for_saves()
    assert store.snapshot().watched == {"S01E01"}


async def test_esc_cancels_the_refresh_and_nothing_is_saved(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", latency=1.0)
    before = store.path.read_bytes()
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "r")
        await pilot.pause(0.2)
        await pilot.press("escape")
        await refresh_done(app, pilot)
        assert not app.refreshing
        assert "Refresh cancelled: nothing was saved." in note_messages(app)
        assert "Rufus Sewell" in highlighted_row(app, "cast")
        assert isinstance(app.focused, NavList)
    assert store.path.read_bytes() == before


async def test_esc_clears_a_filter_before_it_cancels_a_refresh(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", latency=1.0)
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "r", "slash", *"rufus")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert app.refreshing and isinstance(app.focused, NavList)
        assert len(rows(app, "cast")) > 10
        await pilot.press("escape")
        await refresh_done(app, pilot)
        assert not app.refreshing


async def test_the_palette_offers_refresh_and_then_cancel(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", latency=1.0)
    before = store.path.read_bytes()
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Refresh" in titles and "Cancel refresh" not in titles
        next(c for c in app.get_system_commands(app.screen) if c.title == "Refresh").callback()
        await pilot.pause(0.2)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Refresh" not in commands
        commands["Cancel refresh"].callback()
        await refresh_done(app, pilot)
        assert not app.refreshing
    assert store.path.read_bytes() == before


async def test_a_failed_refresh_keeps_focus_and_the_highlighted_row(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", fail=404, times=100)
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "j", "j", "r")
        await refresh_done(app, pilot)
        assert any(note.severity == "error" for note in app.notes)
        assert isinstance(app.focused, NavList) and app.focused.id == "episodes-list"
        assert "Episode 3" in highlighted_row(app, "episodes")
        await pilot.press("j")  # the list still takes the keys
        assert "Episode 4" in highlighted_row(app, "episodes")


def test_a_cancel_before_the_save_saves_nothing_and_after_it_is_refused(store: Store) -> None:
    before = store.path.read_bytes()
    run = RefreshRun(store)
    assert run.cancel()
    with pytest.raises(RefreshCancelled):
        run.store.update_catalog(lambda catalog: catalog)
    assert store.path.read_bytes() == before

    run = RefreshRun(store)
    saved = run.store.update_catalog(lambda catalog: catalog)
    assert saved == store.snapshot().catalog
    assert not run.cancel()  # the save has begun: too late
