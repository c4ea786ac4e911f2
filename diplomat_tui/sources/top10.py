"""Netflix Top 10 (https://www.netflix.com/tudum/top10): the weekly data files, as TSV.

``data/all-weeks-global.tsv``: week, category, weekly_rank, show_title, season_title,
weekly_hours_viewed, runtime, weekly_views, cumulative_weeks_in_top_10,
is_staggered_launch, episode_launch_details. Views (hours / runtime) exist only from
mid-2023; older rows leave ``runtime`` and ``weekly_views`` empty.

``data/all-weeks-countries.tsv``: country_name, country_iso2, week, category,
weekly_rank, show_title, season_title, cumulative_weeks_in_top_10. Tens of MB: it is
streamed and only this show's rows are kept.

Only the store's show is kept (titles compared normalized), TV categories only. The
lines arrive as raw bytes, many at a time, and only those that may name the show are
decoded and parsed: a block of lines is searched as a whole for one word of the title
(:class:`_TitleFilter`).
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
from diplomat_tui.figures import is_plausible
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
_QUOTED = 80  # characters of a row quoted in an error about it
COUNTRY_COLUMNS = ("country_name", "country_iso2", "week", "category", "show_title")
MAX_BYTES = 512 * MIB  # the countries file grows by a few MB a year
DEADLINE = 600.0  # seconds for one file: big, but a trickling server still ends
_SEASON = re.compile(r"\bSeason\s+(\d+)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


class LineParser(Protocol):
    """What the streaming fetch feeds: raw whole lines, many at a time, then the records."""

    def feed(self, block: bytes) -> None: ...

    def finish(self) -> tuple[Stat, ...]: ...


class _Table:
    """An incremental TSV reader: the header first (checked), then each row's fields."""

    def __init__(self, origin: Origin, required: tuple[str, ...]):
        self.origin = origin
        self.required = required
        self.columns: tuple[str, ...] = ()
        self.position: dict[str, int] = {}  # column name -> index, once the header is read
        self.line = ""  # the line read last, named by errors about it

    def row(self, line: str) -> list[str] | None:
        """The fields on ``line``, CRLF or LF ended (None for the header and blank lines)."""
        self.line = line = line.removesuffix("\r")
        if not line or line.isspace():
            return None
        fields = self._split(line)
        if not self.columns:
            self._set_header(fields)
            return None
        if len(fields) != len(self.columns):
            raise self.error(f"{len(fields)} fields where the header has {len(self.columns)}")
        return fields

    def finish(self) -> None:
        """Fail if the file had no header at all."""
        if not self.columns:
            raise self.origin.error("empty file: no header line")

    def error(self, reason: str) -> SourceError:
        """A SourceError about the line read last, quoted (its start) to be found in the file.

        Lines are not counted: counting the newlines of a 40 MB file costs more than
        finding this show's rows in it, and the quoted row is as easy to look for."""
        shown = self.line if len(self.line) <= _QUOTED else self.line[:_QUOTED] + "…"
        return self.origin.error(f"the row {shown!r}: {reason}")

    def _split(self, line: str) -> list[str]:
        if '"' not in line:  # the common case, much faster than the csv module
            return line.split("\t")
        try:
            return next(csv.reader([line], delimiter="\t", strict=True))
        except (csv.Error, StopIteration) as error:
            raise self.error(f"not valid TSV ({error})") from None

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


def _vanishes(char: str) -> bool:
    """Whether :func:`normalize` removes ``char`` from a word (a combining accent)."""
    return normalize(f"x{char}x") == "xx"


_ASCII = bytes(range(128))
_MAX_REMEMBERED = 10_000  # distinct titles or characters remembered, per file


class _TitleFilter:
    """Picks, from a block of raw lines, those that may name a show: a superset of its rows.

    The title's longest ASCII word is searched for in the block, ASCII lowercased in C:
    a line holding it is picked, and most blocks hold it nowhere. Any other writing of
    the word needs characters outside ASCII that :func:`normalize` folds into its
    letters (``DIPLÔMAT``, fullwidth letters) or removes (combining accents): the
    block's non-ASCII bytes, taken out in C, tell whether it holds any, and a line
    holding one is picked if its fold (:func:`_fold`) holds the word. Other non-ASCII
    characters (``é`` for ``diplomat``, quotes, other scripts) cost nothing more.

    No other line is decoded, but the non-ASCII bytes of every block are checked to be
    UTF-8 (a file in another encoding, a stray byte); only a multi-byte character cut
    by ASCII bytes, in a line not picked, goes unnoticed. A title without ASCII letters
    or digits has no such word: then every line is kept.
    """

    def __init__(self, title: str):
        words = _WORD.findall(normalize(title))
        self.word = max(words, key=len) if words else ""
        self._word = self.word.encode("ascii")
        self._letters = frozenset(self.word)
        self._joins: dict[str, bool] = {}  # non-ASCII character: may it be part of the word?

    def lines(self, block: bytes) -> Iterator[str]:
        """Each line of ``block`` that may name the show, decoded, in order.

        ``block`` is whole lines of UTF-8, ``b"\\n"``-separated. A ``UnicodeDecodeError``
        is raised if the bytes are not UTF-8.
        """
        if not self._word:
            for line in block.split(b"\n"):
                yield str(line, "utf-8")
            return
        # the start of each line that may name the show: does it hold the word in ASCII?
        found = dict.fromkeys(self._starts(block.lower(), self._word), True)
        if not block.isascii():
            for start in self._joining_starts(block):
                found.setdefault(start, False)
        for start in sorted(found):
            end = block.find(b"\n", start)
            line = str(block[start:] if end < 0 else block[start:end], "utf-8")
            if found[start] or self.word in _fold(line):
                yield line

    @staticmethod
    def _starts(block: bytes, needle: bytes) -> Iterator[int]:
        """Where each line of ``block`` holding ``needle`` starts."""
        hit = block.find(needle)
        while hit >= 0:
            yield block.rfind(b"\n", 0, hit) + 1
            end = block.find(b"\n", hit)
            if end < 0:
                return
            hit = block.find(needle, end)

    def _joining_starts(self, block: bytes) -> Iterator[int]:
        """Where each line of ``block`` holding a character that may join the word starts.

        The block's non-ASCII bytes, taken out in C, tell which characters it holds; those
        that may join the word are found from their last byte (memchr), which other
        characters share less often than their first.
        """
        sequences: dict[bytes, list[bytes]] = {}  # last byte: the characters' UTF-8
        for char in set(str(block.translate(None, _ASCII), "utf-8")):
            if self._may_join(char):
                encoded = char.encode()
                sequences.setdefault(encoded[-1:], []).append(encoded)
        for last, encoded in sequences.items():
            wanted = tuple(encoded)
            at = block.find(last)
            while at >= 0:
                if block.endswith(wanted, 0, at + 1):
                    yield block.rfind(b"\n", 0, at) + 1
                    at = block.find(b"\n", at)
                    if at < 0:
                        break
                at = block.find(last, at + 1)

    def _may_join(self, char: str) -> bool:
        """Whether ``char`` may be part of the word: folded into a letter of it, or removed."""
        joins = self._joins.get(char)
        if joins is None:
            joins = _vanishes(char) or not self._letters.isdisjoint(_fold(char))
            if len(self._joins) < _MAX_REMEMBERED:
                self._joins[char] = joins
        return joins


class _ShowRows:
    """Shared by both files: header check and picking this show's TV rows, fast.

    Most of a file is other titles: their lines are skipped by :class:`_TitleFilter`,
    and the lines it keeps are checked on the category and title cells, the (costly)
    normalized comparison made once per distinct title.
    """

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

    def rows(self, block: bytes) -> Iterator[dict[str, str]]:
        """This show's rows in the right category, as dicts, among the lines of ``block``."""
        try:
            if not self.table.columns:
                start = self._read_header(block)
                if start is None:
                    return
                block = block[start:]
            for line in self.filter.lines(block):
                row = self._ours(line)
                if row is not None:
                    yield row
        except UnicodeDecodeError as error:
            raise self.origin.error(f"not UTF-8 text ({error.reason})") from None

    def _read_header(self, block: bytes) -> int | None:
        """Read ``block`` up to its header line; where the rest starts (None: no header yet)."""
        start = 0
        while not self.table.columns:
            end = block.find(b"\n", start)
            self.table.row(str(block[start:] if end < 0 else block[start:end], "utf-8"))
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
        if len(self._others) < _MAX_REMEMBERED:
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
        if not is_plausible(value):
            raise self.error(f"{column} is not a plausible figure: {text[:40]!r}")
        return int(value) if value.is_integer() else value

    def error(self, reason: str) -> SourceError:
        """A SourceError about the current row."""
        return self.table.error(reason)


def season_number(season_title: str) -> int | None:
    """1 from ``The Diplomat: Season 1``; None for ``N/A`` or a limited series."""
    match = _SEASON.search(season_title)
    return int(match.group(1)) if match else None


class GlobalParser:
    """The weekly global Top 10: rank, hours, views and weeks in the Top 10 per week."""

    def __init__(self, title: str, origin: Origin, source_id: str):
        self.rows = _ShowRows(title, GLOBAL_CATEGORY, origin, source_id, GLOBAL_COLUMNS)
        self.stats: list[Stat] = []

    def feed(self, block: bytes) -> None:
        """Read one or more whole lines of the file: UTF-8, ``b"\\n"``-separated."""
        for row in self.rows.rows(block):
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

    def feed(self, block: bytes) -> None:
        """Read one or more whole lines of the file: UTF-8, ``b"\\n"``-separated."""
        for row in self.rows.rows(block):
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


def parse_lines(parser: LineParser, data: bytes) -> tuple[Stat, ...]:
    """Run a line parser over a whole body (the recorded files, the tests)."""
    parser.feed(data.removeprefix(codecs.BOM_UTF8))
    return parser.finish()


def parse_global(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-global.tsv`` for the show called ``title``."""
    return parse_lines(GlobalParser(title, origin, source_id), data)


def parse_countries(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-countries.tsv`` for the show called ``title``."""
    return parse_lines(CountriesParser(title, origin, source_id), data)


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
