"""What each pane looks like, at a wide and a narrow size (pytest-textual-snapshot)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diplomat_tui.app import DiplomatApp
from diplomat_tui.model import Catalog
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store

PANE_KEYS = {"synopsis": "1", "cast": "2", "episodes": "3", "stats": "4", "sources": "5"}


@pytest.mark.parametrize("size", [(120, 36), (60, 20)], ids=["120x36", "60x20"])
@pytest.mark.parametrize("pane", list(PANE_KEYS))
def test_pane_snapshot(snap_compare, store: Store, pane: str, size: tuple[int, int]) -> None:
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=[PANE_KEYS[pane]], terminal_size=size)


def test_cast_detail_snapshot(snap_compare, store: Store) -> None:
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=["2", "enter"], terminal_size=(120, 36))


def test_help_snapshot(snap_compare, store: Store) -> None:
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 36))


def test_progress_bars_snapshot(snap_compare, store: Store) -> None:
    store.set_watched(["S01E01", "S01E02", "S01E03"], True)
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=["3"], terminal_size=(120, 36))


def test_spoiler_placeholder_snapshot(snap_compare, store: Store) -> None:
    def add_summary(catalog: Catalog) -> Catalog:
        first = replace(catalog.episodes[0], summary="Kate learns the truth.")
        return replace(catalog, episodes=(first, *catalog.episodes[1:]))

    store.update_catalog(add_summary)
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=["3", "enter"], terminal_size=(120, 36))


@pytest.mark.parametrize("pane", ["cast", "sources"])
def test_smallest_terminal_snapshot(snap_compare, store: Store, pane: str) -> None:
    """At 40x12 the tabs show every pane with its key, the footer starts with help and quit."""
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=[PANE_KEYS[pane]], terminal_size=(40, 12))


def test_wide_sources_snapshot(snap_compare, store: Store) -> None:
    """At 200 columns a source's sentence uses the width (no cut at a fixed length)."""
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=load_settings())
    assert snap_compare(app, press=["5"], terminal_size=(200, 60))
