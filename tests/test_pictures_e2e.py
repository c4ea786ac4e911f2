"""End to end: the installed app in tmux draws a cached poster offline, as half-cell blocks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplomat_tui.images import ImageCache
from diplomat_tui.ingest import open_store
from diplomat_tui.store import Store

from helpers.pictures import catalog_with_pictures, poster_png
from helpers.tmux import installed_command, terminal

pytestmark = pytest.mark.e2e
OFFLINE_POSTER = "http://127.0.0.1:9/poster.png"  # nothing listens on port 9


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A store whose poster is only in the cache, and no network to fetch it from."""
    assert shutil.which("tmux"), "tmux is required for the end-to-end tests"
    store = open_store(Store(tmp_path / "data" / "store.json"))
    store.update_catalog(lambda c: catalog_with_pictures(c, OFFLINE_POSTER))
    ImageCache(tmp_path / "cache" / "images").put(OFFLINE_POSTER, poster_png())
    return {
        "DIPLOMAT_TUI_DATA_DIR": str(tmp_path / "data"),
        "DIPLOMAT_TUI_CONFIG_DIR": str(tmp_path),
        "DIPLOMAT_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "DIPLOMAT_TUI_TVMAZE_URL": "http://127.0.0.1:9",
        "TERM": "xterm-256color",
    }


def test_offline_the_cached_poster_is_drawn_in_tmux(env: dict[str, str]) -> None:
    with terminal([str(installed_command())], env) as term:
        screen = term.wait_for("▀" * 24)
        assert "Network: Netflix" in screen
        term.send("q")


def test_no_images_draws_no_poster(env: dict[str, str]) -> None:
    with terminal([str(installed_command()), "--no-images"], env) as term:
        screen = term.wait_for("Network: Netflix")
        assert "▀" not in screen and "poster" not in screen.lower()
        term.send("q")
