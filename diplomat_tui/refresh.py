"""Refresh: bring the store up to date from TVmaze and Netflix Top 10, all or nothing.

Every source is fetched concurrently and every answer parsed and validated first;
only then is the store changed, in one :meth:`Store.update_catalog` (one locked
read-modify-write, one atomic save). Any failure raises :class:`SourceError` and leaves
the store byte for byte as it was. User tables (watched, prefs) are never touched.

Imported only inside the app's refresh worker and the ``refresh`` command: importing
it imports httpx.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import date

from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, normalize
from diplomat_tui.settings import Settings
from diplomat_tui.sources import SourceResult, top10, tvmaze
from diplomat_tui.sources.http import HttpClient, HttpPolicy, ProgressCallback, gather_all
from diplomat_tui.store import Store

STORE = "Store"


@dataclass(frozen=True)
class RefreshSummary:
    """What a refresh changed, for the command's summary line and the app's notification."""

    new_episodes: int
    updated_episodes: int
    new_cast: int
    new_weeks: int
    unchanged_sources: int

    def describe(self) -> str:
        """One short line, e.g. ``Refreshed: 6 new episodes, 2 new cast members``."""
        changes = [
            _plural(self.new_episodes, "new episode"),
            _plural(self.updated_episodes, "updated episode"),
            _plural(self.new_cast, "new cast member"),
            _plural(self.new_weeks, "new Top 10 week"),
        ]
        text = ", ".join(change for change in changes if change) or "nothing new"
        if self.unchanged_sources:
            text += f"; {_plural(self.unchanged_sources, 'source')} unchanged"
        return f"Refreshed: {text}"


def _plural(count: int, noun: str) -> str:
    if not count:
        return ""
    return f"{count} {noun}" + ("" if count == 1 else "s")


async def refresh(
    store: Store,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    policy: HttpPolicy | None = None,
) -> RefreshSummary:
    """Fetch every source, validate everything, then apply it in one atomic store update.

    ``progress`` gets one ``(source, status)`` call per step. Raises SourceError (the
    store unchanged) if any source fails, StoreError if the store cannot be read or saved.
    """
    current = (await asyncio.to_thread(store.snapshot)).catalog
    async with HttpClient(policy, progress) as http:
        results: list[SourceResult] = await gather_all(
            tvmaze.fetch(http, settings.tvmaze_url, current, date.today()),
            top10.fetch(http, settings.top10_url, current),
        )
    news = Catalog()
    for result in results:
        news = merge_catalogs(news, result.catalog)
    unchanged = sum(result.unchanged for result in results)
    report = progress or (lambda _source, _status: None)
    if apply_news(current, news) == current:
        report(STORE, "nothing new to save")
        return summarize(current, current, unchanged)
    summaries: list[RefreshSummary] = []

    def change(old: Catalog) -> Catalog:
        new = apply_news(old, news)
        summaries.append(summarize(old, new, unchanged))
        return new

    await asyncio.to_thread(store.update_catalog, change)
    report(STORE, f"saved {store.path}")
    return summaries[-1]


def apply_news(old: Catalog, news: Catalog) -> Catalog:
    """Merge the sources' facts into the catalog; the article's description is kept."""
    if old.show and old.show.description and news.show and news.show.description:
        news = replace(news, show=replace(news.show, description=None))
    return merge_catalogs(old, news)


def summarize(old: Catalog, new: Catalog, unchanged_sources: int) -> RefreshSummary:
    """Count what ``new`` adds to ``old`` (episodes whose content changed count as updated)."""
    before = {(e.season, e.number): replace(e, sources=()) for e in old.episodes}
    after = [((e.season, e.number), replace(e, sources=())) for e in new.episodes]
    cast_before = {normalize(credit.person) for credit in old.cast}
    return RefreshSummary(
        new_episodes=sum(key not in before for key, _ in after),
        updated_episodes=sum(key in before and before[key] != e for key, e in after),
        new_cast=sum(normalize(credit.person) not in cast_before for credit in new.cast),
        new_weeks=len(_top10_weeks(new) - _top10_weeks(old)),
        unchanged_sources=unchanged_sources,
    )


def _top10_weeks(catalog: Catalog) -> set[str | None]:
    return {stat.period for stat in catalog.stats if stat.scope in top10.SCOPES}
