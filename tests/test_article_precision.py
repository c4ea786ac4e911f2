"""Precision classes: what an article says of another title, of another season, or in a
way that reads two ways gives nothing. Each rule with invented text in several wordings
and a near miss."""

from __future__ import annotations

import pytest

from diplomat_tui.article import extract
from diplomat_tui.model import Catalog

SHOW = "Harbour Lights"


def read(text: str, *, known: Catalog | None = None) -> Catalog:
    return extract(text, source_id="t", show=SHOW, known=known)


def seasons(catalog: Catalog) -> dict[int, tuple[int | None, str | None]]:
    return {s.number: (s.episode_count, s.premiere) for s in catalog.seasons}


# ------------------------------------------------------- a sheet's premiere line


@pytest.mark.parametrize(
    "sheet",
    [
        # a season named in passing on another line does not make the sheet that season's
        f"{SHOW.upper()}: FACT SHEET\n\nTitle: {SHOW}\nNetwork: Peacock\n"
        "Also starring (season 3): Tom Rye\nPremiere: May 5, 2021\n",
        f"{SHOW} — press notes\n\nSeries: {SHOW}\nSeasons: 3\nRelease date: May 5, 2021\n",
    ],
)
def test_a_bare_premiere_line_of_a_sheet_of_no_season_goes_to_no_later_season(sheet: str) -> None:
    assert all(number == 1 for number in seasons(read(sheet)))


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        # "First aired" in a block of no season is the show's, whatever the headline says
        (
            f"{SHOW.upper()} SEASON 3 PRESS NOTES\n\nSERIES AT A GLANCE\nSeries: {SHOW}\n"
            "First aired: May 5, 2021\n",
            {1: (None, "2021-05-05")},
        ),
        # a block under its own season's heading, or under a "Season: N" line, is that season's
        (
            f"{SHOW} notes\n\nSEASON 2 AT A GLANCE\nPremiered: June 1, 2023\nEpisodes: 6\n",
            {2: (6, "2023-06-01")},
        ),
        (
            f"{SHOW} press kit\n\nTitle: {SHOW}\nSeason: 3\nPremiere: October 16, 2025\n",
            {3: (None, "2025-10-16")},
        ),
    ],
)
def test_a_sheets_premiere_line_goes_to_its_blocks_season(
    sheet: str, expected: dict[int, tuple[int | None, str | None]]
) -> None:
    got = seasons(read(sheet))
    assert {n: got[n][1] for n in expected} == {n: v[1] for n, v in expected.items()}
