"""Read-side views over a :class:`Catalog`, shared by the app and the exporters.

Computed once per snapshot (never per row while rendering): cast and crew joined
with their people, seasons with their episodes, stats in display order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from diplomat_tui.merge import subject_of, union
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Season,
    Show,
    Source,
    Stat,
    normalize,
)


@dataclass(frozen=True)
class CastMember:
    """A cast credit joined with the person's other credits."""

    name: str
    character: str | None
    billing: str
    known_for: tuple[str, ...]
    sources: tuple[str, ...]
    key: str  # the credit's stable id, :attr:`CastCredit.key`
    character_image: str | None = None  # the character's picture URL, if TVmaze has one


@dataclass(frozen=True)
class CrewMember:
    """A crew credit joined with the person's other credits."""

    name: str
    roles: tuple[str, ...]
    known_for: tuple[str, ...]
    sources: tuple[str, ...]
    key: str  # stable id: ``crew:<person>`` (name normalized)


@dataclass(frozen=True)
class SeasonView:
    """A season with its episodes (placeholders included), in order."""

    number: int
    season: Season | None
    episodes: tuple[Episode, ...]


STAT_LABELS = {
    "weekly_rank": "Weekly rank",
    "hours_viewed": "Hours viewed",
    "views": "Views",
    "top10_countries": "Top 10 countries",
    "weeks_in_top10": "Weeks in the Top 10",
}


def _people(catalog: Catalog) -> dict[str, Person]:
    return {normalize(p.name): p for p in catalog.people}


def _known_for(people: dict[str, Person], name: str) -> tuple[str, ...]:
    person = people.get(normalize(name))
    return person.known_for if person else ()


def _credit_sources(
    people: dict[str, Person], name: str, credit_sources: tuple[str, ...]
) -> tuple[str, ...]:
    """A credit's sources, then those of the person record (their other credits)."""
    person = people.get(normalize(name))
    return union(credit_sources, person.sources if person else ())


def cast_members(catalog: Catalog) -> list[CastMember]:
    """The cast, main billing first, each in billing order."""
    people = _people(catalog)
    credits = sorted(catalog.cast, key=lambda c: (c.billing != "main", c.order))
    return [
        CastMember(
            name=credit.person,
            character=credit.character,
            billing=credit.billing,
            known_for=_known_for(people, credit.person),
            sources=_credit_sources(people, credit.person, credit.sources),
            key=credit.key,
            character_image=credit.character_image,
        )
        for credit in credits
    ]


def cast_row_ids(members: list[CastMember]) -> list[str]:
    """A stable row id per cast member: ``person:<name>`` (normalized), which survives a
    character learned later; the credit's key for a person in two roles."""
    roles = Counter(normalize(member.name) for member in members)
    return [
        f"person:{name}" if roles[name] == 1 else member.key
        for member, name in ((m, normalize(m.name)) for m in members)
    ]


def crew_members(catalog: Catalog) -> list[CrewMember]:
    """The crew, in credit order."""
    people = _people(catalog)
    return [
        CrewMember(
            name=credit.person,
            roles=credit.roles,
            known_for=_known_for(people, credit.person),
            sources=_credit_sources(people, credit.person, credit.sources),
            key=f"crew:{normalize(credit.person)}",
        )
        for credit in sorted(catalog.crew, key=lambda c: c.order)
    ]


def season_views(catalog: Catalog) -> list[SeasonView]:
    """Every season known from a season record or an episode, in order."""
    seasons = {s.number: s for s in catalog.seasons}
    episodes: dict[int, list[Episode]] = {n: [] for n in seasons}
    for episode in catalog.episodes:
        episodes.setdefault(episode.season, []).append(episode)
    return [
        SeasonView(
            number=n,
            season=seasons.get(n),
            episodes=tuple(sorted(episodes[n], key=lambda e: e.number)),
        )
        for n in sorted(episodes)
    ]


def episode_title(episode: Episode) -> str:
    """The title, or ``Episode N`` when the title is not known yet."""
    return episode.title or f"Episode {episode.number}"


def stat_label(stat: Stat) -> str:
    """A readable name for a stat's metric."""
    return STAT_LABELS.get(stat.metric, stat.metric.replace("_", " ").capitalize())


def stat_key(stat: Stat) -> str:
    """Stable id of a stat: the name claims give it (``stat:<metric>|<period>|...``)."""
    return subject_of(stat)


def format_stat_value(stat: Stat) -> str:
    """A stat's value for people: ``#1``, ``57.48M``, ``86``, ``about 4M``."""
    if stat.approx:
        return "about " + format_stat_value(replace(stat, approx=False))
    value = stat.value
    if stat.metric == "weekly_rank":
        return f"#{value:g}"
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.2f}M".replace(".00M", "M")
    if isinstance(value, float):
        return f"{value:,.2f}"
    return f"{value:,}"


def source_quotes(catalog: Catalog, source_ids: tuple[str, ...]) -> list[Source]:
    """The source records behind a fact, in the order the fact lists them."""
    return [s for s in (catalog.source(i) for i in source_ids) if s is not None]


Record = Show | Season | Episode | CastCredit | CrewCredit | Person | Stat


def subject_record(catalog: Catalog, subject: str) -> Record | None:
    """The record a claim's ``subject`` names (``show``, ``season:3``, ``episode:S01E03``,
    ``cast:<person>|<character>``, ``crew:<person>``, ``person:<name>``, ``stat:...``: the
    names :func:`merge.subject_of` gives), if the catalog has it."""
    if subject == "show":
        return catalog.show
    kinds: dict[str, tuple[Record, ...]] = {
        "season": catalog.seasons,
        "episode": catalog.episodes,
        "cast": catalog.cast,
        "crew": catalog.crew,
        "person": catalog.people,
        "stat": catalog.stats,
    }
    records = kinds.get(subject.partition(":")[0], ())
    found = next((r for r in records if subject_of(r) == subject), None)
    if found is None and subject.startswith("cast:") and subject.endswith("|"):
        # a claim kept before merge moved claims with their credit (a store written by an
        # earlier build): the credit first known without its character, since completed
        person = subject.removeprefix("cast:").removesuffix("|")
        named = [c for c in catalog.cast if normalize(c.person) == person]
        found = named[0] if len(named) == 1 else None
    return found


def subject_label(catalog: Catalog, subject: str) -> str:
    """What a claim is about, for people: ``the show``, ``season 3``, ``S01E03 Pilot``..."""
    record = subject_record(catalog, subject)
    if isinstance(record, Show):
        return "the show"
    if isinstance(record, Season):
        return f"season {record.number}"
    if isinstance(record, Episode):
        return f"{record.key} {episode_title(record)}"
    if isinstance(record, CastCredit):
        return record.person + (f" as {record.character}" if record.character else "")
    if isinstance(record, CrewCredit):
        return f"{record.person} ({', '.join(record.roles)})"
    if isinstance(record, Person):
        return record.name
    if isinstance(record, Stat):
        return f"{stat_label(record)} {record.period or ''}".strip()
    return subject


def disputed_facts(catalog: Catalog) -> list[tuple[str, str]]:
    """Every (subject, field) with a claim kept beside the value shown, in claim order."""
    return list(dict.fromkeys((claim.subject, claim.field) for claim in catalog.claims))
