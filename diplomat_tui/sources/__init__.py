"""Public sources: TVmaze (show, episodes, seasons, cast, crew) and Netflix Top 10.

Each source module has pure ``parse_*`` functions over the bytes (or lines) a server
sent, and one async ``fetch`` that uses :class:`~diplomat_tui.sources.http.HttpClient`.
Only this package and :mod:`diplomat_tui.refresh` import httpx.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from diplomat_tui.errors import SourceError
from diplomat_tui.model import Catalog, Record, RecordError, Show
from diplomat_tui.sanitize import clean_line

if TYPE_CHECKING:
    from diplomat_tui.sources.http import HttpClient


@dataclass(frozen=True)
class Origin:
    """What a piece of data is, and where it came from, for one-line error messages."""

    name: str  # e.g. "TVmaze episodes"
    url: str

    def error(self, reason: str) -> SourceError:
        """A :class:`SourceError` naming this source and URL, on one sanitized line."""
        return SourceError(clean_line(f"{self.name}: {reason} ({self.url})"))

    def show_in(self, catalog: Catalog) -> Show:
        """The show ``catalog`` is about, which this source looks up (SourceError if none)."""
        if catalog.show is None:
            raise self.error("the store knows no show to look for")
        return catalog.show


@dataclass(frozen=True)
class SourceResult:
    """What one public source brought: new facts, and how many answers were unchanged."""

    catalog: Catalog
    unchanged: int = 0  # answers that are the version the store holds: not read again


def checked(catalog: Catalog, origin: Origin) -> Catalog:
    """``catalog`` if every record passes the store's own checks, else a SourceError.

    The checks are the ones the store applies when it reads a record back
    (:meth:`~diplomat_tui.model.Record.from_dict` on the record's JSON form: field types,
    finite numbers), so a source never brings what the store would then refuse to open.
    """
    records: list[Record] = [catalog.show] if catalog.show else []
    for table in (catalog.people, catalog.cast, catalog.crew, catalog.seasons):
        records.extend(table)
    records.extend((*catalog.episodes, *catalog.stats, *catalog.sources, *catalog.claims))
    for record in records:
        try:
            type(record).from_dict(record.to_dict())
        except (RecordError, TypeError) as error:
            raise origin.error(str(error)) from None
    return catalog


class DataSource(Protocol):
    """What refresh needs of a public source (a module: ``sources/tvmaze.py``): its name,
    the :class:`~diplomat_tui.settings.Settings` field holding its base URL, and a fetch
    of everything it knows about the store's show. A new source is one new module and
    one line in :data:`diplomat_tui.sources.registry.SOURCES`."""

    NAME: str
    URL_SETTING: str

    async def fetch(self, http: HttpClient, base_url: str, current: Catalog) -> SourceResult:
        """Everything this source knows about ``current``'s show (SourceError if not)."""
        ...
