"""End to end: the installed app in tmux draws a cached poster offline, as half-cell blocks
by default, and as Sixel or Kitty graphics when the environment names the protocol."""

from __future__ import annotations

import shutil
import time
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


@pytest.mark.parametrize(
    ("protocol", "sequence"),
    [("sixel", '\x1bP0;1;0q"1;1;'), ("kitty", "\x1b_Ga=t,q=2,f=24,o=z,s=60,v=90,")],
)
def test_the_protocol_named_in_the_environment_draws_the_poster(
    env: dict[str, str], tmp_path: Path, protocol: str, sequence: str
) -> None:
    raw = tmp_path / "terminal.raw"
    command = ["sh", "-c", f"sleep 0.5; exec {installed_command()}"]
    graphics = {"DIPLOMAT_TUI_GRAPHICS": protocol, "COLORTERM": "truecolor"}
    with terminal(command, {**env, **graphics}) as term:
        term.record(raw)
        term.wait_for("Network: Netflix")
        deadline = time.monotonic() + 10
        while sequence not in raw.read_text("utf-8", "replace") and time.monotonic() < deadline:
            time.sleep(0.1)
        screen = term.screen()
        term.send("q")
    written = raw.read_text("utf-8", "replace")
    assert sequence in written and "▀" not in written
    assert "▀" not in screen
    # the layout around the picture is intact (tmux shows the text, drops the graphics)
    assert "Network: Netflix" in screen and "1 Synopsis" in screen


def test_by_default_no_graphics_sequence_is_written(env: dict[str, str], tmp_path: Path) -> None:
    raw = tmp_path / "terminal.raw"
    command = ["sh", "-c", f"sleep 0.5; exec {installed_command()}"]
    with terminal(command, env) as term:
        term.record(raw)
        term.wait_for("▀" * 24)
        term.send("q")
    written = raw.read_text("utf-8", "replace")
    assert "▀" in written and "\x1bP0;1;0q" not in written and "\x1b_G" not in written


def test_kitty_without_true_colour_draws_blocks_and_says_why(
    env: dict[str, str], tmp_path: Path
) -> None:
    raw = tmp_path / "terminal.raw"
    command = ["sh", "-c", f"sleep 0.5; exec {installed_command()}"]
    with terminal(command, {**env, "DIPLOMAT_TUI_GRAPHICS": "kitty", "COLORTERM": ""}) as term:
        term.record(raw)
        screen = term.wait_for("▀" * 24)
        assert "Kitty graphics need a true-colour" in screen
        term.send("q")
    assert "\x1b_G" not in raw.read_text("utf-8", "replace")
