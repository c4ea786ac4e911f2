"""The Sources pane: every article sentence and API response the store relies on."""

from __future__ import annotations

from collections import defaultdict

from textual.content import Content

from diplomat_tui.model import Catalog, Snapshot
from diplomat_tui.queries import cast_members, crew_members, episode_title, stat_label
from diplomat_tui.widgets.details import Detail
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item
from diplomat_tui.widgets.text import line

_API_NAMES = {"tvmaze": "TVmaze API", "top10": "Netflix Top 10 data files"}


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def facts_by_source(catalog: Catalog) -> dict[str, list[str]]:
    """For each source id, short descriptions of the facts that cite it."""
    cited: dict[str, list[str]] = defaultdict(list)

    def cite(ids: tuple[str, ...], what: str) -> None:
        for source_id in ids:
            cited[source_id].append(what)

    if catalog.show:
        cite(catalog.show.sources, f"the show: {catalog.show.title}")
        for quote in catalog.show.quotes:
            cite(quote.sources, f"a quote from {quote.speaker or 'someone'}")
    for member in cast_members(catalog):
        cite(
            member.sources,
            f"cast: {member.name}" + (f" as {member.character}" if member.character else ""),
        )
    for crew in crew_members(catalog):
        cite(crew.sources, f"crew: {crew.name} ({', '.join(crew.roles)})")
    for season in catalog.seasons:
        cite(season.sources, f"season {season.number}")
    for episode in catalog.episodes:
        cite(episode.sources, f"{episode.key} {episode_title(episode)}")
    for stat in catalog.stats:
        cite(stat.sources, f"stat: {stat_label(stat)} {stat.period or ''}".strip())
    return cited


class SourcesPane(ListPane):
    """One row per source; Enter lists the facts it states."""

    PANE_ID, TITLE, SHORT_TITLE, KEY = "sources", "Sources", "Src", "5"

    def items(self, snapshot: Snapshot) -> list[Item]:
        """Sources under a heading per article (or per API), sentences quoted."""
        rows: list[Item] = []
        group = None
        for source in snapshot.catalog.sources:
            heading = source.title if source.kind == "article" else source.kind
            if heading != group:
                group = heading
                label = (
                    f"Article: {heading}"
                    if source.kind == "article"
                    else _API_NAMES.get(heading, heading)
                )
                rows.append(Item(f"heading:{label}", line(label, "bold underline"), header=True))
            text = source.quote or source.url or source.title
            rows.append(Item(f"source:{source.id}", line(_shorten(text)), f"{source.title} {text}"))
        return rows

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """A source and every fact that cites it."""
        catalog = snapshot.catalog
        source = catalog.source(item_id.removeprefix("source:"))
        if source is None:
            return None
        facts = [line(f"• {what}") for what in facts_by_source(catalog).get(source.id, [])]
        return Detail(
            source.title, [Content.styled("Facts from this source:", "bold"), *facts], [source]
        )
