"""Shared fixtures: a temporary store seeded from the shipped article."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomat_tui.ingest import open_store
from diplomat_tui.store import Store

from helpers.localserver import local_server  # noqa: F401 - the local HTTP server fixture


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, also set as DIPLOMAT_TUI_DATA_DIR (config, HTTP cache and
    screenshot folders isolated too).

    Pictures are cached in the test's folder and fetched from 127.0.0.1 only: a picture
    URL of a recorded TVmaze answer (static.tvmaze.com) is refused without a request.
    """
    folder = tmp_path / "data"
    monkeypatch.setenv("DIPLOMAT_TUI_DATA_DIR", str(folder))
    monkeypatch.setenv("DIPLOMAT_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DIPLOMAT_TUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DIPLOMAT_TUI_SCREENSHOT_DIR", str(tmp_path / "screenshots"))
    monkeypatch.setenv("DIPLOMAT_TUI_IMAGE_HOSTS", "127.0.0.1")
    return folder


@pytest.fixture
def store(data_dir: Path) -> Store:
    """A store created from the shipped article, as on first launch."""
    return open_store(Store(data_dir / "store.json"))
