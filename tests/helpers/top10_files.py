"""A realistic per-country Netflix Top 10 file, generated: for the streaming test and
``make bench`` (same columns and shapes as the real ``all-weeks-countries.tsv``).

Every character is ASCII, unless ``accents`` is set: then, as in real titles, some
lines hold others: one film a week in each country (accents and a typographic
apostrophe) and, one week in ten, one series (an accent that ``normalize()`` folds into
a letter of "diplomat"): about one line in 20. The show is listed in three weeks, or with
``many_weeks`` in 200 weeks by 10 to 86 countries a week, every country name accented
(``Réunion AR``): then each of the show's ~9,600 lines must be decoded and folded.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

TITLE = "The Diplomat"
COUNTRY_HEADER = (
    "country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title\t"
    "cumulative_weeks_in_top_10"
)
COUNTRY_CODES = (
    "AR AU AT BS BH BD BE BO BR BG CA CL CO CR HR CY CZ DK DO EC EG SV EE FI FR DE GR GP GT HN "
    "HK HU IS IN ID IE IL IT JM JP JO KE KW LV LB LT LU MY MT MQ MX MA NL NZ NI NG NO OM PK PA "
    "PY PE PH PL PT QA RE RO SA RS SG SK SI ZA KR ES LK SE CH TW TH TT TR UA AE GB US UY VE VN"
).split()
FIRST_WEEK = date(2021, 7, 4)
WEEKS = 265  # five years of weekly lists: about 40 MB
LISTED_WEEKS = {20: 86, 21: 71, 22: 40}  # week index: how many countries list the show
MANY_WEEKS = {w: 10 + (w * 37) % 77 for w in range(40, 240)}  # (many_weeks) 200 weeks
ACCENTED_FILM = "Am\u00e9lie\u2019s Caf\u00e9"  # accents and a typographic apostrophe
ACCENTED_SERIES = "P\u00e1lpito"  # an accent that normalize() folds into an "a"


def write_countries_file(path: Path, *, accents: bool = False, many_weeks: bool = False) -> int:
    """A ~40 MB ``all-weeks-countries.tsv`` (20 rows per country and week); return its size."""
    listed_weeks = MANY_WEEKS if many_weeks else LISTED_WEEKS
    with path.open("w", encoding="utf-8") as out:
        out.write(COUNTRY_HEADER + "\n")
        for index, code in enumerate(COUNTRY_CODES):
            name = f"R\u00e9union {code}" if many_weeks else f"Country {code} of the Top 10 lists"
            for w in range(WEEKS):
                prefix = f"{name}\t{code}\t{(FIRST_WEEK + timedelta(weeks=w)).isoformat()}"
                listed = index < listed_weeks.get(w, 0)
                out.write("\n".join(_country_rows(prefix, listed, w, accents)) + "\n")
    return path.stat().st_size


def _country_rows(prefix: str, listed: bool, week: int, accents: bool) -> list[str]:
    """Ten films and ten series of one country and week (the show first if listed)."""
    films = [f"A Film Called Number {r}" for r in range(1, 11)]
    series = [f"Series Number {r}" for r in range(1, 11)]
    if accents:
        films[-1] = ACCENTED_FILM
        if week % 10 == 0:
            series[-1] = ACCENTED_SERIES
    rows = [f"{prefix}\tFilms\t{r}\t{title}\tN/A\t{r}" for r, title in enumerate(films, 1)]
    for r, title in enumerate(series, 1):
        title, season = (TITLE, 1) if listed and r == 1 else (title, 2)
        rows.append(f"{prefix}\tTV\t{r}\t{title}\t{title}: Season {season}\t{r}")
    return rows
