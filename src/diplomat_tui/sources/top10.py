"""Netflix Top 10 (https://www.netflix.com/tudum/top10): the weekly data files, as TSV.

``data/all-weeks-global.tsv``: week, category, weekly_rank, show_title, season_title,
weekly_hours_viewed, runtime, weekly_views, cumulative_weeks_in_top_10,
is_staggered_launch, episode_launch_details. Views (hours / runtime) exist only from
mid-2023; older rows leave ``runtime`` and ``weekly_views`` empty.

``data/all-weeks-countries.tsv``: country_name, country_iso2, week, category,
weekly_rank, show_title, season_title, cumulative_weeks_in_top_10. Tens of MB: it is
streamed and only this show's rows are kept.

Only the store's show is kept (titles compared normalized), TV categories only. The
lines arrive many at a time, and only those that may name the show are parsed: a block
of lines is searched as a whole for one word of the title (:class:`_TitleFilter`).
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from diplomat_tui.errors import SourceError
from diplomat_tui.merge import merge_catalogs, normalize
from diplomat_tui.model import Catalog, Stat
from diplomat_tui.sources import Origin, SourceResult
from diplomat_tui.sources.http import MIB, HttpClient, Request, gather_all

NAME = "Netflix Top 10"
GLOBAL_FILE = "data/all-weeks-global.tsv"
COUNTRIES_FILE = "data/all-weeks-countries.tsv"
GLOBAL_SCOPE = "Netflix weekly global Top 10 TV (English)"
COUNTRIES_SCOPE = "Netflix weekly Top 10 by country"
SCOPES = (GLOBAL_SCOPE, COUNTRIES_SCOPE)
GLOBAL_CATEGORY = "TV (English)"
COUNTRY_CATEGORY = "TV"
GLOBAL_COLUMNS = (
    "week",
    "category",
    "weekly_rank",
    "show_title",
    "season_title",
    "weekly_hours_viewed",
    "weekly_views",
    "cumulative_weeks_in_top_10",
)
COUNTRY_COLUMNS = ("country_name", "country_iso2", "week", "category", "show_title")
MAX_BYTES = 512 * MIB  # the countries file grows by a few MB a year
DEADLINE = 600.0  # seconds for one file: big, but a trickling server still ends
_SEASON = re.compile(r"\bSeason\s+(\d+)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


class LineParser(Protocol):
    """What the streaming fetch feeds: whole lines, many at a time, then the records."""

    def feed(self, text: str) -> None: ...

    def finish(self) -> tuple[Stat, ...]: ...


class _Table:
    """An incremental TSV reader: the header first (checked), then each row's fields."""

    def __init__(self, origin: Origin, required: tuple[str, ...]):
        self.origin = origin
        self.required = required
        self.columns: tuple[str, ...] = ()
        self.position: dict[str, int] = {}  # column name -> index, once the header is read
        self.line_number = 0

    def row(self, line: str) -> list[str] | None:
        """The fields on ``line``, CRLF or LF ended (None for the header and blank lines)."""
        self.line_number += 1
        line = line.removesuffix("\r")
        if not line or line.isspace():
            return None
        fields = self._split(line)
        if not self.columns:
            self._set_header(fields)
            return None
        if len(fields) != len(self.columns):
            raise self.origin.error(
                f"line {self.line_number} has {len(fields)} fields, "
                f"the header has {len(self.columns)}"
            )
        return fields

    def finish(self) -> None:
        """Fail if the file had no header at all."""
        if not self.columns:
            raise self.origin.error("empty file: no header line")

    def _split(self, line: str) -> list[str]:
        if '"' not in line:  # the common case, much faster than the csv module
            return line.split("\t")
        try:
            return next(csv.reader([line], delimiter="\t", strict=True))
        except (csv.Error, StopIteration) as error:
            raise self.origin.error(f"line {self.line_number} is not valid TSV ({error})") from None

    def _set_header(self, fields: list[str]) -> None:
        columns = tuple(field.strip() for field in fields)
        missing = [name for name in self.required if name not in columns]
        if missing:
            raise self.origin.error(f"missing columns: {', '.join(missing)}")
        self.columns = columns
        self.position = {name: index for index, name in enumerate(columns)}


def _fold_non_ascii(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler behind :func:`_fold`: one run of non-ASCII characters."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = unicodedata.normalize("NFKD", error.object[error.start : error.end]).casefold()
    return run.encode("ascii", "ignore").decode("ascii"), error.end


_FOLD = "diplomat_tui.top10.fold"
codecs.register_error(_FOLD, _fold_non_ascii)


def _fold(text: str) -> str:
    """``text`` folded as :func:`normalize` folds it, keeping only ASCII; lines kept.

    Each character becomes what it becomes in ``normalize`` (compatibility forms
    decomposed, case folded), then everything outside ASCII is dropped: accents, and the
    typographic quotes ``normalize`` makes ASCII quotes. So an ASCII word of a
    normalized title is found in the fold of any line where that title is written in
    another case, with accents, or in other quotes. ASCII is only lowercased, in C; the
    other characters are folded a run at a time by the ASCII codec's error handler.
    """
    if not text.isascii():
        text = text.encode("ascii", _FOLD).decode("ascii")
    return text.lower()


class _TitleFilter:
    """Picks, from a block of lines, those that may name a show: a superset of its rows.

    The block's fold (:func:`_fold`) is searched for the title's longest ASCII word; a
    block without it, most of a file, costs a few scans in C and no line is split. A
    title without ASCII letters or digits has no such word: then every line is kept.
    """

    def __init__(self, title: str):
        words = _WORD.findall(normalize(title))
        self.word = max(words, key=len) if words else ""

    def lines(self, text: str) -> Iterator[tuple[int, str]]:
        """``(index, line)`` of each line of ``text`` that may name the show, in order."""
        if not self.word:
            yield from enumerate(text.split("\n"))
            return
        folded = _fold(text)  # the same lines as ``text``: newlines are kept
        hit = folded.find(self.word)
        if hit < 0:
            return
        lines, index, counted = text.split("\n"), 0, 0
        while hit >= 0:
            index += folded.count("\n", counted, hit)
            yield index, lines[index]
            counted = folded.find("\n", hit)
            if counted < 0:
                return
            hit = folded.find(self.word, counted)


class _ShowRows:
    """Shared by both files: header check and picking this show's TV rows, fast.

    Most of a file is other titles: their lines are skipped by :class:`_TitleFilter`,
    and the lines it keeps are checked on the category and title cells, the (costly)
    normalized comparison made once per distinct title.
    """

    _MAX_REMEMBERED = 10_000  # distinct other titles remembered as "not ours"

    def __init__(
        self, title: str, category: str, origin: Origin, source_id: str, required: tuple[str, ...]
    ):
        self.title = title
        self.key = normalize(title)
        self.category = category
        self.origin = origin
        self.source_id = source_id
        self.table = _Table(origin, required)
        self.filter = _TitleFilter(title)
        self._others: set[str] = set()

    def rows(self, text: str) -> Iterator[dict[str, str]]:
        """This show's rows in the right category, as dicts, among the lines of ``text``."""
        if not self.table.columns:
            start = self._read_header(text)
            if start is None:
                return
            text = text[start:]
        first = self.table.line_number  # lines read before ``text``
        for index, line in self.filter.lines(text):
            self.table.line_number = first + index  # ``row`` counts the line itself
            row = self._ours(line)
            if row is not None:
                yield row
        self.table.line_number = first + text.count("\n") + 1

    def _read_header(self, text: str) -> int | None:
        """Read ``text`` up to its header line; where the rest starts (None: no header yet)."""
        start = 0
        while not self.table.columns:
            end = text.find("\n", start)
            self.table.row(text[start:] if end < 0 else text[start:end])
            if end < 0:
                return None
            start = end + 1
        return start

    def _ours(self, line: str) -> dict[str, str] | None:
        """The row on ``line`` as a dict if it is about this show, in the right category."""
        fields = self.table.row(line)
        if fields is None:
            return None
        position = self.table.position
        if fields[position["category"]] != self.category:
            return None
        if not self._is_ours(fields[position["show_title"]]):
            return None
        return dict(zip(self.table.columns, fields, strict=True))

    def _is_ours(self, title: str) -> bool:
        if title == self.title:
            return True
        if title in self._others:
            return False
        if normalize(title) == self.key:
            return True
        if len(self._others) < self._MAX_REMEMBERED:
            self._others.add(title)
        return False

    def week(self, row: dict[str, str]) -> str:
        """The row's week (ISO date, the Sunday ending it), checked."""
        try:
            return date.fromisoformat(row["week"].strip()).isoformat()
        except ValueError:
            raise self.error(f"week is not a date: {row['week'][:40]!r}") from None

    def number(self, row: dict[str, str], column: str) -> int | float | None:
        """A number cell: None if empty or N/A, a SourceError if not a number."""
        text = row[column].strip()
        if not text or text.upper() == "N/A":
            return None
        try:
            value = float(text)
        except ValueError:
            raise self.error(f"{column} is not a number: {text[:40]!r}") from None
        if value != value or value in (float("inf"), float("-inf")) or value < 0:
            raise self.error(f"{column} is not a count: {text[:40]!r}")
        return int(value) if value.is_integer() else value

    def error(self, reason: str) -> SourceError:
        """A SourceError about the current line."""
        return self.origin.error(f"line {self.table.line_number}: {reason}")


def season_number(season_title: str) -> int | None:
    """1 from ``The Diplomat: Season 1``; None for ``N/A`` or a limited series."""
    match = _SEASON.search(season_title)
    return int(match.group(1)) if match else None


class GlobalParser:
    """The weekly global Top 10: rank, hours, views and weeks in the Top 10 per week."""

    def __init__(self, title: str, origin: Origin, source_id: str):
        self.rows = _ShowRows(title, GLOBAL_CATEGORY, origin, source_id, GLOBAL_COLUMNS)
        self.stats: list[Stat] = []

    def feed(self, text: str) -> None:
        """Read one or more whole lines of the file (``"\\n"``-separated)."""
        for row in self.rows.rows(text):
            self._add(row)

    def _add(self, row: dict[str, str]) -> None:
        week, season = self.rows.week(row), season_number(row["season_title"])
        metrics = {
            "weekly_rank": self.rows.number(row, "weekly_rank"),
            "hours_viewed": self.rows.number(row, "weekly_hours_viewed"),
            "views": self.rows.number(row, "weekly_views"),
            "weeks_in_top10": self.rows.number(row, "cumulative_weeks_in_top_10"),
        }
        if metrics["weekly_rank"] is None:
            raise self.rows.error("weekly_rank is empty")
        self.stats.extend(
            Stat(
                metric=metric,
                value=value,
                period=week,
                scope=GLOBAL_SCOPE,
                season=season,
                sources=(self.rows.source_id,),
            )
            for metric, value in metrics.items()
            if value is not None
        )

    def finish(self) -> tuple[Stat, ...]:
        """The stats, once every line was fed."""
        self.rows.table.finish()
        return tuple(self.stats)


class CountriesParser:
    """The weekly Top 10 per country: in how many countries the show was listed each week."""

    def __init__(self, title: str, origin: Origin, source_id: str):
        self.rows = _ShowRows(title, COUNTRY_CATEGORY, origin, source_id, COUNTRY_COLUMNS)
        self.countries: dict[str, set[str]] = {}

    def feed(self, text: str) -> None:
        """Read one or more whole lines of the file (``"\\n"``-separated)."""
        for row in self.rows.rows(text):
            self._add(row)

    def _add(self, row: dict[str, str]) -> None:
        country = (row["country_iso2"] or row["country_name"]).strip()
        if not country:
            raise self.rows.error("a row names no country")
        self.countries.setdefault(self.rows.week(row), set()).add(country)

    def finish(self) -> tuple[Stat, ...]:
        """One ``top10_countries`` stat per week, once every line was fed."""
        self.rows.table.finish()
        return tuple(
            Stat(
                metric="top10_countries",
                value=len(countries),
                period=week,
                scope=COUNTRIES_SCOPE,
                sources=(self.rows.source_id,),
            )
            for week, countries in sorted(self.countries.items())
        )


def parse_lines(parser: LineParser, data: bytes, origin: Origin) -> tuple[Stat, ...]:
    """Run a line parser over a whole body (the recorded files, the tests)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise origin.error(f"not UTF-8 text ({error.reason})") from None
    parser.feed(text)
    return parser.finish()


def parse_global(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-global.tsv`` for the show called ``title``."""
    return parse_lines(GlobalParser(title, origin, source_id), data, origin)


def parse_countries(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-countries.tsv`` for the show called ``title``."""
    return parse_lines(CountriesParser(title, origin, source_id), data, origin)


@dataclass(frozen=True)
class _File:
    """One data file: where it is, how to call it, how to parse it."""

    path: str
    label: str
    title: str
    parser: type[GlobalParser] | type[CountriesParser]

    @property
    def source_id(self) -> str:
        return f"top10:{self.path}"


FILES = (
    _File(GLOBAL_FILE, "global", "Netflix Top 10: weekly global lists", GlobalParser),
    _File(COUNTRIES_FILE, "by country", "Netflix Top 10: weekly lists by country", CountriesParser),
)


async def _fetch_file(
    http: HttpClient, base_url: str, current: Catalog, title: str, file: _File
) -> Catalog | None:
    """Stream one file through its parser; None if the server says it is unchanged."""
    request = Request(
        NAME,
        file.label,
        f"{base_url.rstrip('/')}/{file.path}",
        previous=current.source(file.source_id),
        max_bytes=MAX_BYTES,
        deadline=DEADLINE,
    )
    parser = file.parser(title, request.origin, file.source_id)
    answer = await http.stream_lines(request, parser.feed)
    if answer.unchanged:
        return None
    stats = parser.finish()
    http.report(NAME, f"{file.label}: {len({s.period for s in stats})} weeks listing {title}")
    record = answer.source(id=file.source_id, kind="top10", title=file.title)
    return Catalog(stats=stats, sources=(record,))


async def fetch(http: HttpClient, base_url: str, current: Catalog) -> SourceResult:
    """This show's weekly Top 10 figures from both files, fetched concurrently."""
    if current.show is None:
        raise Origin(NAME, base_url).error("the store knows no show to look for")
    title = current.show.title
    pieces = await gather_all(*(_fetch_file(http, base_url, current, title, f) for f in FILES))
    catalog = Catalog()
    for piece in pieces:
        if piece is not None:
            catalog = merge_catalogs(catalog, piece)
    return SourceResult(catalog=catalog, unchanged=sum(piece is None for piece in pieces))
