"""What every public source does the same way."""

from __future__ import annotations

from datetime import date

import pytest

from diplomat_tui.errors import SourceError
from diplomat_tui.model import Catalog
from diplomat_tui.sources import top10, tvmaze
from diplomat_tui.sources.http import HttpClient

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
