"""What every public source does the same way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from diplomat_tui import refresh as refresh_module
from diplomat_tui.errors import SourceError
from diplomat_tui.model import Catalog, Person, Source
from diplomat_tui.settings import load_settings
from diplomat_tui.sources import Origin, SourceResult, registry, top10, tvmaze
from diplomat_tui.sources.http import HttpClient
from diplomat_tui.store import Store

from helpers.localserver import LocalServer


async def test_a_store_without_a_show_is_one_clear_error_before_any_request(
    local_server: LocalServer,
) -> None:
    async with HttpClient() as http:
        with pytest.raises(SourceError) as tvmaze_error:
            await tvmaze.fetch(http, local_server.tvmaze_url, Catalog(), date(2025, 1, 1))
        with pytest.raises(SourceError) as top10_error:
            await top10.fetch(http, local_server.top10_url, Catalog())
    assert str(tvmaze_error.value) == (
        f"TVmaze: the store knows no show to look for ({local_server.tvmaze_url})"
    )
    assert str(top10_error.value) == (
        f"Netflix Top 10: the store knows no show to look for ({local_server.top10_url})"
    )
    assert local_server.requests == []


class NewSource:
    """A source as a module would declare it (see DataSource): one more line in SOURCES."""

    NAME = "Fan wiki"
    URL_SETTING = "tvmaze_url"

    @staticmethod
    async def fetch(http: HttpClient, base_url: str, current: Catalog) -> SourceResult:
        show = Origin(NewSource.NAME, base_url).show_in(current)
        found = Source("wiki:1", "article", "Fan wiki", url=base_url)
        return SourceResult(
            Catalog(show=show, people=(Person("Ann Lee", sources=("wiki:1",)),), sources=(found,))
        )


async def test_a_new_source_is_one_entry_in_the_registry(
    store: Store, local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "SOURCES", (*registry.SOURCES, NewSource))
    monkeypatch.setattr(refresh_module, "SOURCES", registry.SOURCES)
    settings = replace(load_settings(), tvmaze_url=local_server.tvmaze_url)
    settings = replace(settings, top10_url=local_server.top10_url)
    result = await refresh_module.refresh(store, settings)
    assert [status.name for status in result.sources] == ["TVmaze", "Netflix Top 10", "Fan wiki"]
    assert result.ok
    assert store.snapshot().catalog.person("Ann Lee") is not None
