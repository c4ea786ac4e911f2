"""What learning something changed: the atomic facts of a catalog, and the facts one
catalog adds to, changes in or removes from another.

One definition for the ``ingest`` review (what an article would add and change, each
fact with its sentence) and for the fidelity scorer (``make fidelity``), so what the
user is shown is what is measured.
"""

from __future__ import annotations

import calendar
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field

from diplomat_tui.merge import date_parts, subject_of
from diplomat_tui.model import Catalog, Claim, normalize
from diplomat_tui.queries import STAT_LABELS


@dataclass(frozen=True)
class Fact:
    """One atomic fact: what it is about, its value, and the sources that state it.

    ``key`` identifies the fact: two facts with one key and different values are a
    change. Facts that can hold several values at once (a creator, a role) carry the
    value in their key.
    """

    kind: str  # creator, premiered, network, status, cast, character, known_for, role,
    # season_premiere, episode_count, season_status, stat
    subject: str  # "show", a person's name, "season 3", or a stat's metric
    value: str | int | float
    key: Hashable
    sources: tuple[str, ...] = ()
    season: int | None = None  # the season a season fact or a stat is about
    # (subject, field) other claims of it are kept under (lists and a credit's character
    # have none: lists take every value, a character is part of the credit's key)
    field: tuple[str, str] | None = None

    approx: bool = False  # a figure the source gives as approximate ("nearly 4 million")

    def describe(self) -> str:
        """A short line as a reader says it: ``Keri Russell plays Kate Wyler``,
        ``Season 2 hours viewed: about 4,000,000``, ``Premiered: April 20, 2023``."""
        value = self.shown_value()
        season = f"Season {self.season} " if self.season is not None else ""
        if self.kind == "stat":
            label = STAT_LABELS.get(self.subject, self.subject.replace("_", " "))
            if season:
                label = label[:1].lower() + label[1:]
            return f"{season}{label}: {value}"
        if self.kind in _SEASON_LABELS:
            return f"{season}{_SEASON_LABELS[self.kind]}: {value}"
        if self.kind == "character":
            return f"{self.subject} plays {value}"
        if self.kind == "cast":
            return f"In the cast: {self.subject}"
        if self.subject == "show":
            return f"{_SHOW_LABELS.get(self.kind, self.kind)}: {value}"
        if self.kind == "known_for":
            return f"{self.subject} is known for {value}"
        return f"{self.subject}: {value}"  # a crew role

    def shown_value(self) -> str:
        """The value as the review shows it: dates written out, figures grouped."""
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            return written_date(str(value)) if "premiere" in self.kind else str(value)
        whole = isinstance(value, int) or value.is_integer()
        number = f"{int(value):,}" if whole else f"{value:,}"
        return f"about {number}" if self.approx else number


_SEASON_LABELS = {
    "season_premiere": "premiere",
    "episode_count": "episodes",
    "season_status": "status",
}
_SHOW_LABELS = {
    "premiered": "Premiered",
    "network": "Network",
    "status": "Status",
    "creator": "Created by",
}


def written_date(text: str) -> str:
    """``2023-04-20`` as ``April 20, 2023`` (``2023-04`` as ``April 2023``); a date
    with no year, or any other text, as it is."""
    year, month, day = date_parts(text) or (None, None, None)
    if year is None or month is None:
        return text
    name = calendar.month_name[month]
    return f"{name} {day}, {year}" if day is not None else f"{name} {year}"


def _folded(value: str | int | float) -> Hashable:
    return normalize(value) if isinstance(value, str) else value


def facts(catalog: Catalog) -> dict[Hashable, Fact]:
    """The catalog's atomic facts by key."""
    return {fact.key: fact for fact in _facts(catalog)}


def _facts(catalog: Catalog) -> Iterator[Fact]:
    key: Hashable
    show = catalog.show
    if show:
        for kind in ("premiered", "network", "status"):
            value = getattr(show, kind)
            if value:
                yield Fact(kind, "show", value, ("show", kind), show.sources, field=("show", kind))
        for creator in show.creators:
            yield Fact("creator", "show", creator, ("creator", normalize(creator)), show.sources)
    for cast in catalog.cast:
        actor = normalize(cast.person)
        yield Fact("cast", cast.person, cast.person, ("cast", actor), cast.sources)
        if cast.character:
            key = ("character", actor, normalize(cast.character))
            yield Fact("character", cast.person, cast.character, key, cast.sources)
    for crew in catalog.crew:
        member = normalize(crew.person)
        for role in crew.roles:
            key = ("role", member, normalize(role))
            yield Fact("role", crew.person, role, key, crew.sources)
    for person in catalog.people:
        for title in person.known_for:
            key = ("known_for", normalize(person.name), normalize(title))
            yield Fact("known_for", person.name, title, key, person.sources)
    for season in catalog.seasons:
        subject = f"season {season.number}"
        for kind, name, value in (
            ("season_premiere", "premiere", season.premiere),
            ("episode_count", "episode_count", season.episode_count),
            ("season_status", "status", season.status),
        ):
            if value is not None:
                key, claim = (kind, season.number), (subject_of(season), name)
                yield Fact(kind, subject, value, key, season.sources, season.number, claim)
    for stat in catalog.stats:
        key = ("stat", stat.metric, stat.period, stat.scope, stat.season)
        claim = (subject_of(stat), "value")
        yield Fact(
            "stat", stat.metric, stat.value, key, stat.sources, stat.season, claim, stat.approx
        )


@dataclass(frozen=True)
class Changes:
    """The facts a newer catalog adds, changes (old, new) and removes, the facts it
    only confirms with further sources, and the values it keeps as other claims beside
    the ones shown (each with the fact it disputes, showing the claim's value)."""

    added: list[Fact] = field(default_factory=list)
    changed: list[tuple[Fact, Fact]] = field(default_factory=list)
    removed: list[Fact] = field(default_factory=list)
    confirmed: list[Fact] = field(default_factory=list)
    disputed: list[tuple[Fact, Claim]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.confirmed or self.disputed)

    def summary(self) -> str:
        """One line: ``3 facts added, 1 changed`` or ``nothing changed``."""
        parts = [
            f"{len(items)} {label}"
            for items, label in (
                (self.added, "added"),
                (self.changed, "changed"),
                (self.removed, "removed"),
                (self.confirmed, "confirmed by a further source"),
                (self.disputed, "kept as another claim beside the value shown"),
            )
            if items
        ]
        if not parts:
            return "nothing changed: the store already holds every fact of these articles"
        return "facts: " + ", ".join(parts)


def compare(before: Catalog, after: Catalog) -> Changes:
    """The facts ``after`` adds to, changes in, removes from or confirms in ``before``,
    and the claims it keeps beside them. A source that gave another value for a fact
    does not confirm it: its record lists the source, its claim says what it stated."""
    old, new = facts(before), facts(after)
    changes = Changes()
    disputing: dict[tuple[str, str], set[str]] = {}
    for claim in after.claims:
        if claim not in before.claims:
            disputing.setdefault((claim.subject, claim.field), set()).update(claim.sources)
            about = (claim.subject, claim.field)
            disputed = next((f for f in new.values() if f.field == about), None)
            if disputed is not None:
                changes.disputed.append((disputed, claim))
    for key, fact in new.items():
        previous = old.get(key)
        gained = set(fact.sources) - disputing.get(fact.field or ("", ""), set())
        if previous is None:
            changes.added.append(fact)
        elif _folded(previous.value) != _folded(fact.value):
            changes.changed.append((previous, fact))
        elif gained - set(previous.sources):
            changes.confirmed.append(fact)
    changes.removed.extend(fact for key, fact in old.items() if key not in new)
    return changes
