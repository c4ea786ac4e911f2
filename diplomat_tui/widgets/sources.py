"""The Sources pane: every article sentence and API response the store relies on."""

from __future__ import annotations

from collections import defaultdict

from textual.content import Content

from diplomat_tui.model import Catalog, Snapshot, normalize
from diplomat_tui.queries import (
    cast_members,
    crew_members,
    disputed_facts,
    episode_title,
    source_quotes,
    stat_label,
    subject_label,
    subject_record,
)
from diplomat_tui.widgets.claims import API_NAMES, claim_text, claim_value
from diplomat_tui.widgets.details import Detail
from diplomat_tui.widgets.listpane import ListPane
from diplomat_tui.widgets.navlist import Item
from diplomat_tui.widgets.text import UNKNOWN, field, line

QUOTE_LIMIT = 600  # characters of a quoted sentence in the list (it wraps to the width)


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
        credit = f"cast: {member.name}"
        for source_id in member.sources:
            # an article cited for the membership may not name the character (another
            # source gave it): the character is cited only from a sentence that names it
            source = catalog.source_index.get(source_id)
            names_it = member.character and not (
                source is not None
                and source.kind == "article"
                and source.quote
                and normalize(member.character) not in normalize(source.quote)
            )
            cited[source_id].append(credit + (f" as {member.character}" if names_it else ""))
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
    """The facts the sources disagree on, then one row per source; Enter shows either."""

    def items(self, snapshot: Snapshot) -> list[Item]:
        """Disputed facts (each claim side by side), then the sources under a heading per
        article (or per API), sentences quoted."""
        catalog = snapshot.catalog
        rows: list[Item] = []
        disputed = disputed_facts(catalog)
        if disputed:
            rows.append(Item.heading("claims", "Facts the sources disagree on"))
        for subject, name in disputed:
            text = _dispute_text(catalog, subject, name)
            rows.append(Item(f"claim:{subject}#{name}", line(text, "", QUOTE_LIMIT), text))
        group = None
        for source in catalog.sources:
            heading = source.title if source.kind == "article" else source.kind
            if heading != group:
                group = heading
                label = (
                    f"Article: {heading}"
                    if source.kind == "article"
                    else API_NAMES.get(heading, heading)
                )
                rows.append(Item(f"heading:{label}", line(label, "bold underline"), header=True))
            text = source.quote or source.url or source.title
            rows.append(
                Item(f"source:{source.id}", line(text, "", QUOTE_LIMIT), f"{source.title} {text}")
            )
        return rows

    def detail(self, snapshot: Snapshot, item_id: str) -> Detail | None:
        """A disputed fact with every claim and its source, or a source and every fact
        (and every claim not shown) that cites it."""
        catalog = snapshot.catalog
        if item_id.startswith("claim:"):
            subject, _, name = item_id.removeprefix("claim:").rpartition("#")
            return _dispute_detail(catalog, subject, name)
        source = catalog.source(item_id.removeprefix("source:"))
        if source is None:
            return None
        facts = [line(f"• {what}") for what in facts_by_source(catalog).get(source.id, [])]
        lost = [
            line(
                f"• {subject_label(catalog, c.subject)}, {_field_label(c.field)}: "
                f"{claim_value(c.value)}"
            )
            for c in catalog.claims
            if source.id in c.sources
        ]
        if lost:
            facts += [Content.styled("Its claims another source's value was shown over:", "bold")]
            facts += lost
        return Detail(
            source.title, [Content.styled("Facts from this source:", "bold"), *facts], [source]
        )


def _shown_value(catalog: Catalog, subject: str, name: str) -> str:
    record = subject_record(catalog, subject)
    return claim_value(getattr(record, name, None)) if record is not None else UNKNOWN


def _dispute_text(catalog: Catalog, subject: str, name: str) -> str:
    """``the show, premiered: April 20 (shown); article “B”: October 31``."""
    claims = "; ".join(claim_text(catalog, c) for c in catalog.claims_about(subject, name))
    shown = _shown_value(catalog, subject, name)
    return f"{subject_label(catalog, subject)}, {_field_label(name)}: {shown} (shown); {claims}"


def _dispute_detail(catalog: Catalog, subject: str, name: str) -> Detail:
    claims = catalog.claims_about(subject, name)
    facts = [field("Shown", _shown_value(catalog, subject, name))]
    facts += [field("Also claimed", claim_text(catalog, claim)) for claim in claims]
    sources = source_quotes(catalog, tuple(i for claim in claims for i in claim.sources))
    return Detail(f"{subject_label(catalog, subject)}: {_field_label(name)}", facts, sources)


def _field_label(name: str) -> str:
    """A record field as people say it: ``episode count``, ``approximate``."""
    return "approximate" if name == "approx" else name.replace("_", " ")
