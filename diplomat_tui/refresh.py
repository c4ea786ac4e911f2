"""Refresh: bring the store up to date from TVmaze and Netflix Top 10, source by source.

Every source runs concurrently, within one overall deadline for the whole refresh. A
source's data is taken only whole: every answer it needs fetched, parsed and passed by
the store's own record checks (TVmaze is one source; Netflix Top 10, both of its files,
is one). Then one :meth:`Store.update_catalog` (one locked read-modify-write, one atomic
save) writes what every whole source brought. A source that failed (an error, bad data,
or unfinished when the deadline ran out) leaves its part of the store as it was, and the
:class:`RefreshResult` names it with a one-line reason. User data is never touched.

HTTP answers are cached by RFC 9111 (see :mod:`diplomat_tui.sources.http`): within
TVmaze's hour it is not asked at all; ``force`` revalidates everything.

Imported only inside the app's refresh worker and the ``refresh`` command: importing
it imports httpx.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from contextlib import AsyncExitStack
from dataclasses import dataclass, replace
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from diplomat_tui.errors import SourceError
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, normalize
from diplomat_tui.settings import Settings
from diplomat_tui.sources import DataSource, Origin, SourceResult, checked, top10
from diplomat_tui.sources.http import HttpClient, HttpPolicy, ProgressCallback
from diplomat_tui.sources.registry import SOURCES
from diplomat_tui.store import Store

STORE = "Store"
DEADLINE = 600.0  # seconds for the whole refresh (the countries file is ~31 MB)


@dataclass(frozen=True)
class RefreshSummary:
    """What a refresh changed, for the command's summary line and the app's notification."""

    new_episodes: int
    updated_episodes: int
    new_cast: int
    new_weeks: int
    unchanged_sources: int  # answers that were the version the store already held

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
            text += f"; {_plural(self.unchanged_sources, 'file')} unchanged"
        return f"Refreshed: {text}"


@dataclass(frozen=True)
class SourceStatus:
    """How one source fared: ``error`` is None if its data was whole (and saved)."""

    name: str  # "TVmaze", "Netflix Top 10"
    error: str | None = None  # one line, naming the source and why

    @property
    def ok(self) -> bool:
        """Whether the source's data was whole and valid."""
        return self.error is None


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh did: per source, whether it failed and why; what changed; if saved."""

    sources: tuple[SourceStatus, ...]
    summary: RefreshSummary
    saved: bool  # whether the store was written (False if nothing new, or nothing whole)

    @property
    def failed(self) -> tuple[SourceStatus, ...]:
        """The sources that failed, in order: their part of the store is as it was."""
        return tuple(status for status in self.sources if not status.ok)

    @property
    def ok(self) -> bool:
        """Whether every source succeeded."""
        return not self.failed

    def describe(self) -> str:
        """One line: the summary, and which sources failed (their reasons: :attr:`failed`)."""
        if not self.failed:
            return self.summary.describe()
        names = " and ".join(status.name for status in self.failed)
        if len(self.failed) == len(self.sources):
            return f"Refresh failed ({names}): nothing was changed"
        return f"{self.summary.describe()} ({names} failed: its data was left as it was)"


def _plural(count: int, noun: str) -> str:
    if not count:
        return ""
    return f"{count} {noun}" + ("" if count == 1 else "s")


Fetch = Callable[[], Coroutine[Any, Any, SourceResult]]


async def refresh(
    store: Store,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    policy: HttpPolicy | None = None,
    force: bool = False,
    deadline: float = DEADLINE,
) -> RefreshResult:
    """Run every source within ``deadline`` seconds, then save what the whole ones brought.

    ``progress`` gets one ``(source, status)`` call per step, one before each request.
    ``force`` revalidates every cached answer. A failed source is reported in the result,
    never raised; StoreError is raised if the store cannot be read or saved.
    """
    report = progress or (lambda _source, _status: None)
    tls = any(urlsplit(getattr(settings, s.URL_SETTING)).scheme != "http" for s in SOURCES)
    client = HttpClient(policy, progress, cache=settings.http_cache_path, force=force, tls=tls)
    async with AsyncExitStack() as stack:
        # The store is read while the client opens (certificates, cache file): both wait
        # on threads, so neither waits for the other.
        snapshot, http = await asyncio.gather(
            asyncio.to_thread(store.snapshot),
            stack.enter_async_context(client),
            return_exceptions=True,  # both finish: an open client is closed by the stack
        )
        if isinstance(snapshot, BaseException):
            raise snapshot
        if isinstance(http, BaseException):
            raise http
        current = snapshot.catalog
        sources: dict[str, Fetch] = {
            source.NAME: partial(_fetch_whole, source, http, settings, current)
            for source in SOURCES
        }
        outcomes = await run_sources(sources, deadline, report)
        # The client closes (its connections, the cache file) while the news is saved.
        closing = asyncio.ensure_future(stack.aclose())
        try:
            return await _save_news(store, current, outcomes, report)
        finally:
            await closing


async def _save_news(
    store: Store,
    current: Catalog,
    outcomes: dict[str, SourceResult | str],
    report: ProgressCallback,
) -> RefreshResult:
    """Merge what every whole source brought and save it in one store update."""
    whole = [result for result in outcomes.values() if isinstance(result, SourceResult)]
    statuses = tuple(
        SourceStatus(name, None if isinstance(result, SourceResult) else result)
        for name, result in outcomes.items()
    )
    news = Catalog()
    for result in whole:
        news = merge_catalogs(news, result.catalog)
    unchanged = sum(result.unchanged for result in whole)
    applied = apply_news(current, news)
    if applied == current:
        report(STORE, "nothing new to save")
        return RefreshResult(statuses, summarize(current, current, unchanged), saved=False)
    summaries: list[RefreshSummary] = []

    def change(old: Catalog) -> Catalog:
        # Read again under the lock: unless another process saved meanwhile, it is the
        # catalog the news were just merged into, and that merge is not made twice.
        new = applied if old == current else apply_news(old, news)
        summaries.append(summarize(old, new, unchanged))
        return new

    await asyncio.to_thread(store.update_catalog, change)
    report(STORE, f"saved {store.path}")
    return RefreshResult(statuses, summaries[-1], saved=True)


async def run_sources(
    sources: dict[str, Fetch], deadline: float, report: ProgressCallback
) -> dict[str, SourceResult | str]:
    """Run every source concurrently: its result, checked, or the one line saying why not.

    A source still running when ``deadline`` seconds have passed is cancelled and failed.
    """
    tasks = {name: asyncio.create_task(fetch()) for name, fetch in sources.items()}
    try:
        _done, pending = await asyncio.wait(tasks.values(), timeout=deadline)
    finally:  # also when the refresh itself is cancelled: no source outlives it
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
    outcomes: dict[str, SourceResult | str] = {}
    for name, task in tasks.items():
        if task in pending:
            outcomes[name] = (
                f"{name}: not finished within the refresh's deadline of {deadline:g}s; "
                "nothing of it was saved"
            )
        elif isinstance(task.exception(), SourceError):
            outcomes[name] = str(task.exception())
        else:
            outcomes[name] = task.result()  # raises what is not a SourceError (a bug)
        if isinstance(outcomes[name], str):
            report(name, "failed: its part of the store is left as it was")
    return outcomes


async def _fetch_whole(
    source: DataSource, http: HttpClient, settings: Settings, current: Catalog
) -> SourceResult:
    """A source's result once every record passed the store's own checks."""
    base_url: str = getattr(settings, source.URL_SETTING)
    result = await source.fetch(http, base_url, current)
    checked(result.catalog, Origin(source.NAME, base_url))
    return result


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
        new_cast=len({normalize(c.person) for c in new.cast} - cast_before),
        new_weeks=len(_top10_weeks(new) - _top10_weeks(old)),
        unchanged_sources=unchanged_sources,
    )


def _top10_weeks(catalog: Catalog) -> set[str | None]:
    return {stat.period for stat in catalog.stats if stat.scope in top10.SCOPES}
