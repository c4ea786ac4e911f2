"""Pressing r in the app refreshes from the (local) public sources."""

from __future__ import annotations

import pytest

from diplomat_tui import images
from diplomat_tui.app import DiplomatApp
from diplomat_tui.model import Catalog
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store

from helpers.app import NotedApp, rows
from helpers.localserver import LocalServer


def app_for(store: Store, server: LocalServer, tvmaze_url: str | None = None) -> NotedApp:
    settings = Settings(
        data_dir=store.path.parent,
        config_path=store.path.parent / "config.toml",
        tvmaze_url=tvmaze_url or server.tvmaze_url,
        top10_url=server.top10_url,
    )
    return NotedApp(store=store, snapshot=store.snapshot(), settings=settings)


async def wait_for_refresh(app: DiplomatApp) -> None:
    await app.workers.wait_for_complete()


async def test_r_refreshes_and_the_episode_titles_appear(
    store: Store, local_server: LocalServer
) -> None:
    store.set_watched(["S01E02"], True)
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        assert not any("The Cinderella Thing" in r for r in rows(app, "episodes"))
        await pilot.press("r")
        await wait_for_refresh(app)
        await pilot.pause()
        episodes = rows(app, "episodes")
        assert any("The Cinderella Thing" in r for r in episodes)
        assert any("Dreadnought" in r for r in episodes)
        assert any(r.startswith("✔") and "Don't Call It a Kidnapping" in r for r in episodes)
        notes = [n.message for n in app.notes]
        assert any(n.startswith("Refreshed:") for n in notes)
        await pilot.press("4")
        assert any("Week by week" in r for r in rows(app, "stats"))
    assert store.snapshot().watched == {"S01E02"}


async def test_a_failed_refresh_notifies_and_changes_nothing(
    store: Store, local_server: LocalServer
) -> None:
    local_server.set("*", fail=404, times=100)  # both sources fail: nothing is saved
    before = store.path.read_bytes()
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await wait_for_refresh(app)
        await pilot.pause()
        notes = app.notes
        assert any(n.severity == "error" for n in notes)
        assert app.is_running
    assert store.path.read_bytes() == before


async def test_after_a_refresh_the_pictures_are_cached_for_offline_use(
    store: Store, local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str | None] = []

    async def fetch_missing(catalog: Catalog, settings: Settings) -> None:
        asked.append(catalog.show.image if catalog.show else None)

    monkeypatch.setattr(images, "fetch_missing", fetch_missing)
    app = app_for(store, local_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await wait_for_refresh(app)
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert len(asked) == 1 and asked[0] and asked[0].startswith("https://static.tvmaze.com/")
