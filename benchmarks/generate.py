"""Generated inputs for the benchmarks: a large store and a 40 MB per-country Top 10 file.

The large store is the shipped store (the article's facts) plus, in the shapes refresh
writes, 5,000 people (4,500 cast, 500 crew), 10,000 episodes (50 seasons of 200) and
500 weeks of Top 10 figures. It is built as a :class:`~diplomat_tui.model.Catalog` and
saved with :meth:`Store.create`, exactly as the app's own code writes a store.

Run as a script to write both into a folder: ``python benchmarks/generate.py DIR``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from diplomat_tui.ingest import seed_catalog
from diplomat_tui.merge import merge_catalogs
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
)
from diplomat_tui.sources.top10 import COUNTRIES_SCOPE, GLOBAL_SCOPE
from diplomat_tui.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # test helpers
from helpers.top10_files import write_countries_file  # noqa: E402  (re-exported for run.py)

PEOPLE = 5_000
CREW = 500  # of the people; the others are cast
MAIN_CAST = 100  # of the cast; the others are guest stars
SEASONS = 50
EPISODES_PER_SEASON = 200
WEEKS = 500
FIRST_WEEK = date(2015, 1, 4)
TITLE = "The Diplomat"
TVMAZE = "tvmaze:/shows/61420"
TOP10_GLOBAL = "top10:data/all-weeks-global.tsv"
TOP10_COUNTRIES = "top10:data/all-weeks-countries.tsv"
FETCHED = "2024-11-12T09:00:00+00:00"
ROLES = ("director", "writer", "producer", "executive producer", "editor")
SUMMARY = (
    "Kate weighs a favour from Downing Street against a promise to Hal, while a "
    "crisis at sea tests the embassy and an old friend returns with a warning."
)


def _sources() -> tuple[Source, ...]:
    """One record per TVmaze endpoint and per Top 10 file, as a refresh writes them."""
    api = [
        Source(
            id=f"{TVMAZE}{path}",
            kind="tvmaze",
            title=f"TVmaze: {TITLE}{path}",
            url=f"https://api.tvmaze.com/shows/61420{path}",
            fetched=FETCHED,
            etag='"0123456789abcdef0123"',
        )
        for path in ("", "/episodes", "/seasons", "/cast", "/crew")
    ]
    files = [
        Source(
            id=sid,
            kind="top10",
            title=title,
            url=f"https://www.netflix.com/tudum/top10/{sid.removeprefix('top10:')}",
            fetched=FETCHED,
        )
        for sid, title in (
            (TOP10_GLOBAL, "Netflix Top 10: weekly global lists"),
            (TOP10_COUNTRIES, "Netflix Top 10: weekly lists by country"),
        )
    ]
    return (*api, *files)


def _people() -> tuple[tuple[Person, ...], tuple[CastCredit, ...], tuple[CrewCredit, ...]]:
    """The people, a third of them with other credits, and one credit each."""
    people, cast, crew = [], [], []
    for n in range(PEOPLE):
        name = f"Actor{n:04d} Surname{n % 97:02d}"
        known = (f"Series {n % 311}", f"Film {n % 173}") if n % 3 == 0 else ()
        people.append(Person(name=name, known_for=known, sources=(f"{TVMAZE}/cast",)))
        if n < PEOPLE - CREW:
            billing = "main" if n < MAIN_CAST else "guest"
            character = f"Character {n:04d} Wyler"
            cast.append(CastCredit(name, character, billing, n, (f"{TVMAZE}/cast",)))
        else:
            roles = (ROLES[n % len(ROLES)],)
            crew.append(CrewCredit(name, roles, n, (f"{TVMAZE}/crew",)))
    return tuple(people), tuple(cast), tuple(crew)


def _episodes() -> tuple[tuple[Season, ...], tuple[Episode, ...]]:
    """Every season's record and its episodes, each with title, airdate and summary."""
    seasons, episodes = [], []
    for s in range(1, SEASONS + 1):
        first = FIRST_WEEK + timedelta(weeks=10 * s)
        seasons.append(
            Season(s, EPISODES_PER_SEASON, "aired", first.isoformat(), (f"{TVMAZE}/seasons",))
        )
        for e in range(1, EPISODES_PER_SEASON + 1):
            airdate = (first + timedelta(days=e % 7)).isoformat()
            title = f"The Cinderella Thing, part {e}"
            episodes.append(Episode(s, e, title, airdate, 50, SUMMARY, (f"{TVMAZE}/episodes",)))
    return tuple(seasons), tuple(episodes)


def _stats() -> tuple[Stat, ...]:
    """Five figures a week: four from the global list (of that week's season), one by country."""
    stats = []
    for w in range(WEEKS):
        week = (FIRST_WEEK + timedelta(weeks=w)).isoformat()
        season = 1 + w * SEASONS // WEEKS
        figures = {
            "weekly_rank": 1 + w % 10,
            "hours_viewed": 10_000_000 + 37_000 * w,
            "views": 1_500_000 + 5_100 * w,
            "weeks_in_top10": 1 + w % 12,
        }
        stats += [
            Stat(metric, value, week, GLOBAL_SCOPE, season, (TOP10_GLOBAL,))
            for metric, value in figures.items()
        ]
        stats.append(
            Stat("top10_countries", 20 + w % 60, week, COUNTRIES_SCOPE, None, (TOP10_COUNTRIES,))
        )
    return tuple(stats)


def large_catalog() -> Catalog:
    """The shipped catalog plus thousands of people, episodes and weekly figures."""
    people, cast, crew = _people()
    seasons, episodes = _episodes()
    generated = Catalog(
        show=Show(title=TITLE, tvmaze_id=61420, sources=(f"{TVMAZE}",)),
        people=people,
        cast=cast,
        crew=crew,
        seasons=seasons,
        episodes=episodes,
        stats=_stats(),
        sources=_sources(),
    )
    return merge_catalogs(seed_catalog(), generated)


def write_large_store(data_dir: Path) -> Path:
    """Create ``data_dir/store.json`` holding :func:`large_catalog`; return its path."""
    store = Store(data_dir / "store.json")
    store.create(large_catalog())
    return store.path


def main() -> None:
    """Write the large store and the countries file into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    folder.mkdir(parents=True, exist_ok=True)
    print(f"store: {write_large_store(folder)}")
    size = write_countries_file(folder / "all-weeks-countries.tsv")
    print(f"countries file: {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
