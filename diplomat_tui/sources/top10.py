"""Netflix Top 10 (https://www.netflix.com/tudum/top10): the weekly data files, as TSV.

``data/all-weeks-global.tsv`` changed its columns four times (from a public daily mirror
of the file since 2021); every layout is read:

* until mid-2023, 7 columns: week, category, weekly_rank, show_title, season_title,
  weekly_hours_viewed, cumulative_weeks_in_top_10;
* then 11: runtime and weekly_views after weekly_hours_viewed, is_staggered_launch and
  episode_launch_details at the end (views are empty for weeks before late June 2023);
* from November 2024, 12: is_staggered_launch, runtime_override_flag, episode_launch_dtls;
* since mid-2025, 9: no launch columns, runtime sometimes 0.

No layout ends with a newline, as the mirror kept them.

Only the columns the app uses are required (:data:`GLOBAL_REQUIRED`); hours, views and
weeks in the Top 10 are kept when their column is there and the cell is not empty.

``data/all-weeks-countries.tsv``: country_name, country_iso2, week, category,
weekly_rank, show_title, season_title, cumulative_weeks_in_top_10, for about 95 countries
(``Réunion`` among them): ~31 MB in 2025. It is streamed and only this show's rows are kept.

An answer whose first line is no header of the file (the 4-byte ``null`` and the HTML
"Moved Permanently" page Netflix served in 2023) is "not a Top 10 file", named.

Only the store's show is kept (titles compared normalized), TV categories only. The
lines arrive as raw bytes, many at a time, and only those that may name the show are
decoded and parsed: a block of lines is searched as a whole for one word of the title
(:class:`_TitleFilter`). Blank lines cost no Python work per line, before the header
(skipped in C) or after it (no title in them). The parsing runs on a worker thread
(:class:`~diplomat_tui.sources.parse_thread.ParserThread`), never on the event loop.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from diplomat_tui.errors import SourceError
from diplomat_tui.figures import is_plausible
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import Catalog, Stat, normalize
from diplomat_tui.sources import Origin, SourceResult
from diplomat_tui.sources.http import MIB, HttpClient, Request, gather_all
from diplomat_tui.sources.parse_thread import ParserThread

NAME = "Netflix Top 10"
URL_SETTING = "top10_url"  # the Settings field holding its base URL
GLOBAL_FILE = "data/all-weeks-global.tsv"
COUNTRIES_FILE = "data/all-weeks-countries.tsv"
GLOBAL_SCOPE = "Netflix weekly global Top 10 TV (English)"
COUNTRIES_SCOPE = "Netflix weekly Top 10 by country"
SCOPES = (GLOBAL_SCOPE, COUNTRIES_SCOPE)
GLOBAL_CATEGORY = "TV (English)"
COUNTRY_CATEGORY = "TV"
GLOBAL_REQUIRED = ("week", "category", "weekly_rank", "show_title", "season_title")
GLOBAL_METRICS = {  # metric: its column (optional but weekly_rank)
    "weekly_rank": "weekly_rank",
    "hours_viewed": "weekly_hours_viewed",
    "views": "weekly_views",
    "weeks_in_top10": "cumulative_weeks_in_top_10",
}
GLOBAL_KNOWN = (  # every column of every layout since 2021
    *GLOBAL_REQUIRED,
    "weekly_hours_viewed",
    "runtime",
    "weekly_views",
    "cumulative_weeks_in_top_10",
    "is_staggered_launch",
    "runtime_override_flag",
    "episode_launch_details",
    "episode_launch_dtls",
)
COUNTRY_REQUIRED = ("country_name", "country_iso2", "week", "category", "show_title")
COUNTRY_KNOWN = (*COUNTRY_REQUIRED, "weekly_rank", "season_title", "cumulative_weeks_in_top_10")
_QUOTED = 80  # characters of a row quoted in an error about it
# Decoded size caps. The countries file was 4 MB in March 2022 and ~31 MB in 2025: it
# grows by 6 to 8 MB a year. 128 MiB leaves it ten years and more, and bounds the work of
# a hostile answer (a gzip bomb) on the worker thread: ~20 s at worst, measured for each
# shape in docs/benchmarks.md. The global file is under 1 MB: 16 MiB is margin enough.
GLOBAL_MAX_BYTES = 16 * MIB
COUNTRIES_MAX_BYTES = 128 * MIB
# Rows about the show kept, at most, per file. In the real files, the series listed most
# has ~100 global rows (2021 to 2026) and had ~1,600 rows by country after eight months
# (early 2022). More is a file no Netflix list makes; and the memory they take is bounded.
GLOBAL_MAX_ROWS = 5_000
COUNTRIES_MAX_ROWS = 50_000
MAX_BLANK = 1 * MIB  # blank lines before the header: the real files have none
DEADLINE = 600.0  # seconds for one file: big, but a trickling server still ends
_SEASON = re.compile(r"\bSeason\s+(\d+)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


class _Table:
    """An incremental TSV reader: the header first (checked), then each row's fields."""

    def __init__(self, origin: Origin, required: tuple[str, ...], known: tuple[str, ...]):
        self.origin = origin
        self.required = required
        self.known = frozenset(known)
        self.file = origin.url.partition("?")[0].rstrip("/").rpartition("/")[2] or origin.url
        self.columns: tuple[str, ...] = ()
        self.position: dict[str, int] = {}  # column name -> index, once the header is read
        self.line = ""  # the line read last, named by errors about it
        self.blank = 0  # bytes of blank lines before the header

    def header(self, block: bytes) -> bytes | None:
        """Read the header, the first line of ``block`` that is not blank; the rest of the
        block after it (None: only blank lines, the header may come in the next block).

        Blank lines are skipped in C (``bytes.lstrip``), never one at a time, and more than
        :data:`MAX_BLANK` bytes of them (the real files have none) is no Top 10 file: a gzip
        bomb of blank lines is refused at its first block.
        """
        stripped = block.lstrip()
        self.blank += len(block) - len(stripped)
        if self.blank > MAX_BLANK:
            raise self.not_top10(f"it starts with more than {MAX_BLANK // MIB} MiB of blank lines")
        if not stripped:
            return None
        block = stripped
        end = block.find(b"\n")
        line = block if end < 0 else block[:end]
        try:
            self.line = str(line, "utf-8").removesuffix("\r")
        except UnicodeDecodeError:
            raise self.not_top10("its first line is not UTF-8 text") from None
        self._set_header(self._split(self.line))
        return b"" if end < 0 else block[end + 1 :]

    def row(self, line: str) -> list[str] | None:
        """The fields on ``line``, CRLF or LF ended (None for a blank line)."""
        self.line = line = line.removesuffix("\r")
        if not line or line.isspace():
            return None
        fields = self._split(line)
        if len(fields) != len(self.columns):
            raise self.error(f"{len(fields)} fields where the header has {len(self.columns)}")
        return fields

    def finish(self) -> None:
        """Fail if the file had no header at all."""
        if not self.columns:
            raise self.not_top10("the answer is empty")

    def error(self, reason: str) -> SourceError:
        """A SourceError about the line read last, quoted (its start) to be found in the file.

        Lines are not counted: counting the newlines of a 40 MB file costs more than
        finding this show's rows in it, and the quoted row is as easy to look for."""
        shown = self.line if len(self.line) <= _QUOTED else self.line[:_QUOTED] + "…"
        return self.origin.error(f"the row {shown!r}: {reason}")

    def not_top10(self, reason: str) -> SourceError:
        """A SourceError saying the answer is not the Top 10 file asked for, and why."""
        return self.origin.error(f"{self.file} is not a Top 10 file: {reason}")

    def _split(self, line: str) -> list[str]:
        if '"' not in line:  # the common case, much faster than the csv module
            return line.split("\t")
        try:
            return next(csv.reader([line], delimiter="\t", strict=True))
        except (csv.Error, StopIteration) as error:
            if not self.columns:  # the first line: no header of a Top 10 file
                raise self.not_top10(f"its first line is not valid TSV ({error})") from None
            raise self.error(f"not valid TSV ({error})") from None

    def _set_header(self, fields: list[str]) -> None:
        """Check the header: a line with none of the file's columns is no header at all
        (``null``, an HTML page); one lacking a column the app needs is a changed file."""
        columns = tuple(field.strip() for field in fields)
        if self.known.isdisjoint(columns):
            start = self.line
            if len(start) > _QUOTED // 2:
                start = start[: _QUOTED // 2] + "…"
            raise self.not_top10(f"it starts with {start!r}")
        missing = [name for name in self.required if name not in columns]
        if missing:
            raise self.origin.error(f"missing columns: {', '.join(missing)}")
        self.columns = columns
        self.position = {name: index for index, name in enumerate(columns)}


def _fold(text: str) -> str:
    """``text`` folded as :func:`normalize` folds it, keeping only ASCII; lines kept.

    Each character becomes what it becomes in ``normalize`` (compatibility forms
    decomposed, case folded), then everything outside ASCII is dropped: accents, and the
    typographic quotes ``normalize`` makes ASCII quotes. So an ASCII word of a
    normalized title is found in the fold of any line where that title is written in
    another case, with accents, or in other quotes. Every step runs in C over the whole
    text, whatever it holds (folding each run of non-ASCII characters in a Python codec
    handler cost 0.4 s per MiB of alternating accents). Decomposing and case folding
    map each character on its own, and the reordering of combining marks never moves an
    ASCII character: the same as folding one character at a time.
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).casefold()
    return folded.encode("ascii", "ignore").decode("ascii")


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
        self._any_letter = re.compile(f"[{re.escape(self.word)}]") if self.word else None
        self._joining_chars: set[str] = set()  # non-ASCII characters that may join the word
        self._other_chars: set[str] = set()  # and those that may not

    def lines(self, block: bytes) -> Iterator[str]:
        """Each line of ``block`` that may name the show, decoded, in order.

        ``block`` is whole lines of UTF-8, ``b"\\n"``-separated. A ``UnicodeDecodeError``
        is raised if the bytes are not UTF-8.
        """
        if not self._word:
            for raw in block.split(b"\n"):
                yield str(raw, "utf-8")
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
        for char in self._joining(set(str(block.translate(None, _ASCII), "utf-8"))):
            encoded = char.encode()
            sequences.setdefault(encoded[-1:], []).append(encoded)
        for last, chars in sequences.items():
            wanted = tuple(chars)
            at = block.find(last)
            while at >= 0:
                if block.endswith(wanted, 0, at + 1):
                    yield block.rfind(b"\n", 0, at) + 1
                    at = block.find(b"\n", at)
                    if at < 0:
                        break
                at = block.find(last, at + 1)

    def _joining(self, chars: set[str]) -> set[str]:
        """Those of ``chars`` that may be part of the word: folded into a letter of it, or
        removed by :func:`normalize` (a combining mark).

        The characters not met before are decomposed and case folded in one C call, and
        most often found in C to hold no letter of the word and no combining mark; only
        otherwise is each looked at. (One Python call per character cost 0.7 s per MiB
        of text in thousands of distinct characters, as Chinese is written.)
        """
        found = chars & self._joining_chars
        new = chars - self._joining_chars - self._other_chars
        if not new:
            return found
        order = list(new)
        decomposed = unicodedata.normalize("NFKD", "\x00".join(order))
        assert self._any_letter is not None  # a title without a word reads every line
        joining: set[str] = set()
        if self._any_letter.search(decomposed.casefold()) or _any_combining(decomposed):
            # NFKD maps each character on its own, and \x00 is never reordered
            for char, parts in zip(order, decomposed.split("\x00"), strict=True):
                if all(map(unicodedata.combining, parts)) or not self._letters.isdisjoint(
                    parts.casefold()
                ):
                    joining.add(char)
        if len(self._joining_chars) + len(self._other_chars) < _MAX_REMEMBERED:
            self._joining_chars |= joining
            self._other_chars |= new - joining
        return found | joining


class _Marks(dict[int, int | None]):
    """A ``str.translate`` table deleting every character :func:`normalize` removes
    (combining class not 0) and keeping the others, filled as characters are met: made
    whole (every code point from U+0300 to U+1FFFF asked for its class) it cost ~15 ms of
    CPU at every first refresh of a process, and held the interpreter while the first
    requests were going out; a line meets only a few distinct characters."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def _any_combining(text: str) -> bool:
    """Whether ``text`` holds a combining mark (a lookup per character, in C; a regular
    expression's class of 912 scattered characters cost ten times more)."""
    return len(text.translate(_MARKS)) != len(text)


@dataclass(frozen=True)
class _Layout:
    """What a file's header must hold and may hold, and how many rows of the show it may."""

    required: tuple[str, ...]
    known: tuple[str, ...]
    max_rows: int


GLOBAL_LAYOUT = _Layout(GLOBAL_REQUIRED, GLOBAL_KNOWN, GLOBAL_MAX_ROWS)
COUNTRIES_LAYOUT = _Layout(COUNTRY_REQUIRED, COUNTRY_KNOWN, COUNTRIES_MAX_ROWS)


class _ShowRows:
    """Shared by both files: header check and picking this show's TV rows, fast.

    Most of a file is other titles: their lines are skipped by :class:`_TitleFilter`,
    and the lines it keeps are checked on the category and title cells, the (costly)
    normalized comparison made once per distinct title.
    """

    def __init__(self, title: str, category: str, origin: Origin, source_id: str, layout: _Layout):
        self.title = title
        self.key = normalize(title)
        self.category = category
        self.origin = origin
        self.source_id = source_id
        self.table = _Table(origin, layout.required, layout.known)
        self.max_rows = layout.max_rows
        self.kept = 0  # rows about the show so far
        self.filter = _TitleFilter(title)
        self._others: set[str] = set()

    def rows(self, block: bytes) -> Iterator[dict[str, str]]:
        """This show's rows in the right category, as dicts, among the lines of ``block``."""
        try:
            if not self.table.columns:
                rest = self.table.header(block)
                if rest is None:
                    return
                block = rest
            for line in self.filter.lines(block):
                row = self._ours(line)
                if row is not None:
                    yield row
        except UnicodeDecodeError as error:
            raise self.origin.error(f"not UTF-8 text ({error.reason})") from None

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
        self.kept += 1
        if self.kept > self.max_rows:
            raise self.origin.error(
                f"more than {self.max_rows:,} rows about {self.title}: "
                f"{self.table.file} is not a plausible Top 10 file"
            )
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
        """A number cell: None if empty, N/A or not in this layout; a SourceError if not
        a number."""
        text = row.get(column, "").strip()
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
        self.rows = _ShowRows(title, GLOBAL_CATEGORY, origin, source_id, GLOBAL_LAYOUT)
        self.stats: list[Stat] = []

    def feed(self, block: bytes) -> None:
        """Read one or more whole lines of the file: UTF-8, ``b"\\n"``-separated."""
        for row in self.rows.rows(block):
            self._add(row)

    def _add(self, row: dict[str, str]) -> None:
        week, season = self.rows.week(row), season_number(row["season_title"])
        metrics = {
            metric: self.rows.number(row, column) for metric, column in GLOBAL_METRICS.items()
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
        self.rows = _ShowRows(title, COUNTRY_CATEGORY, origin, source_id, COUNTRIES_LAYOUT)
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


@dataclass(frozen=True)
class _File:
    """One data file: where it is, how to call it, how to parse it."""

    path: str
    label: str
    title: str
    parser: type[GlobalParser] | type[CountriesParser]
    max_bytes: int  # decoded

    @property
    def source_id(self) -> str:
        return f"top10:{self.path}"


FILES = (
    _File(
        GLOBAL_FILE,
        "global",
        "Netflix Top 10: weekly global lists",
        GlobalParser,
        GLOBAL_MAX_BYTES,
    ),
    _File(
        COUNTRIES_FILE,
        "by country",
        "Netflix Top 10: weekly lists by country",
        CountriesParser,
        COUNTRIES_MAX_BYTES,
    ),
)


async def _fetch_file(
    http: HttpClient, base_url: str, current: Catalog, title: str, file: _File
) -> Catalog | None:
    """Stream one file through its parser, parsed on a worker thread; None if the server
    says it is unchanged. The parser's thread starts as the request goes out, while the
    answer is awaited."""
    request = Request(
        NAME,
        file.label,
        f"{base_url.rstrip('/')}/{file.path}",
        previous=current.source(file.source_id),
        max_bytes=file.max_bytes,
        deadline=DEADLINE,
    )
    parser = ParserThread(file.parser(title, request.origin, file.source_id))
    request = replace(request, on_sent=parser.start)
    return await _parsed_file(http, request, title, file, parser)


async def _parsed_file(
    http: HttpClient,
    request: Request,
    title: str,
    file: _File,
    parser: ParserThread[tuple[Stat, ...]],
) -> Catalog | None:
    async with parser:
        answer = await http.stream_lines(request, parser.feed)
        if answer.unchanged:
            return None
        stats = await parser.finish()
    http.report(NAME, f"{file.label}: {len({s.period for s in stats})} weeks listing {title}")
    record = answer.source(id=file.source_id, kind="top10", title=file.title)
    return Catalog(stats=stats, sources=(record,))


async def fetch(http: HttpClient, base_url: str, current: Catalog) -> SourceResult:
    """This show's weekly Top 10 figures from both files, fetched concurrently."""
    title = Origin(NAME, base_url).show_in(current).title
    files = (_fetch_file(http, base_url, current, title, f) for f in FILES)
    pieces = await gather_all(*files)
    catalog = Catalog()
    for piece in pieces:
        if piece is not None:
            catalog = merge_catalogs(catalog, piece)
    return SourceResult(catalog=catalog, unchanged=sum(piece is None for piece in pieces))
