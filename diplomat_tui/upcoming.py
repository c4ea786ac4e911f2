"""What's next: the next season or episode the sources date in the future."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diplomat_tui.model import Catalog, Episode


@dataclass(frozen=True)
class Upcoming:
    """Something announced: what, and when if a source says (ISO date)."""

    what: str
    when: date | None

    def describe(self, today: date) -> str:
        """``Season 3: 2026-12-01, in 6 days`` or ``Season 2: announced, no date yet``."""
        if self.when is None:
            return f"{self.what}: announced, no date yet"
        days = (self.when - today).days
        if days == 0:
            return f"{self.what}: {self.when.isoformat()}, today"
        return f"{self.what}: {self.when.isoformat()}, in {days} day{'s' if days != 1 else ''}"


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def upcoming(catalog: Catalog, today: date) -> list[Upcoming]:
    """The next dated episode and every season still to come, soonest first."""
    found: list[Upcoming] = []
    aired: set[int] = set()
    soonest: tuple[date, int, int] | None = None  # (airdate, season, number)
    soonest_episode: Episode | None = None
    for episode in catalog.episodes:  # one pass: a large store has thousands
        if (day := _iso_date(episode.airdate)) is None:
            continue
        if day < today:
            aired.add(episode.season)
        elif soonest is None or (day, episode.season, episode.number) < soonest:
            soonest, soonest_episode = (day, episode.season, episode.number), episode
    if soonest and soonest_episode:
        found.append(Upcoming(f"Episode {soonest_episode.key}", soonest[0]))
    for season in sorted(catalog.seasons, key=lambda s: s.number):
        premiere = _iso_date(season.premiere)
        if season.number in aired or (premiere and premiere < today):
            continue
        if season.status == "announced" or (premiere and premiere >= today):
            found.append(Upcoming(f"Season {season.number}", premiere))
    return sorted(found, key=lambda u: (u.when is None, u.when or today))
