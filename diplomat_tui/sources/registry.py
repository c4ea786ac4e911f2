"""The public sources a refresh asks, one line each (see :class:`DataSource`)."""

from __future__ import annotations

from diplomat_tui.sources import DataSource, top10, tvmaze

SOURCES: tuple[DataSource, ...] = (tvmaze, top10)
