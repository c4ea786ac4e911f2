"""End to end: the installed ``diplomat-tui`` in a real terminal (tmux)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from helpers.tmux import Terminal, installed_command, terminal

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def needs_tmux_and_install() -> None:
    assert shutil.which("tmux"), "tmux is required for the end-to-end tests"
    assert installed_command().exists(), "run the tests from the venv `make test` builds"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A fresh data folder and no config file, for the app in tmux."""
    return {
        "DIPLOMAT_TUI_DATA_DIR": str(tmp_path / "data"),
        "DIPLOMAT_TUI_CONFIG_DIR": str(tmp_path),
        "TERM": "xterm-256color",
    }


def test_installed_app_shows_kate_wyler_and_keri_russell(
    tmp_path: Path, env: dict[str, str]
) -> None:
    with terminal([str(installed_command())], env) as term:
        term.wait_for("Synopsis")
        term.wait_for("Kate Wyler")
        term.send("2")
        screen = term.wait_for("Keri Russell as Kate Wyler")
        assert "Rufus Sewell as Hal Wyler" in screen
        term.send("j", "j", "Enter")
        term.wait_for("Carnival Row")
        term.send("Escape")
        term.wait_for("Guest stars")
        term.send("q")
        wait_until_gone(term)
    assert (tmp_path / "data" / "store.json").exists()


def test_a_watched_mark_survives_quitting_and_starting_again(env: dict[str, str]) -> None:
    with terminal([str(installed_command())], env) as term:
        term.wait_for("Synopsis")
        term.send("3")
        term.wait_for("All seasons")
        term.send("j", "w")
        term.wait_for("1/8 watched")
        term.send("q")
        wait_until_gone(term)
    with terminal([str(installed_command())], env) as term:
        term.wait_for("Next to watch: S01E01")
        term.send("3")
        screen = term.wait_for("✔  2  Episode 2")  # the Episodes pane, not Synopsis's progress
        assert "1/8 watched" in screen
        assert "·  1  Episode 1" in screen


def wait_until_gone(term: Terminal, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while term.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.is_alive(), "q did not quit the app"
