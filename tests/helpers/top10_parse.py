"""A whole Netflix Top 10 body parsed at once, as the tests read recorded and made-up files
(the app streams the body in blocks of lines: ``diplomat_tui.sources.http.LineBlocks``)."""

from __future__ import annotations

import codecs

from diplomat_tui.model import Stat
from diplomat_tui.sources import Origin
from diplomat_tui.sources.top10 import CountriesParser, GlobalParser


def _parse(parser: GlobalParser | CountriesParser, data: bytes) -> tuple[Stat, ...]:
    parser.feed(data.removeprefix(codecs.BOM_UTF8))  # as the stream drops a leading BOM
    return parser.finish()


def parse_global(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-global.tsv`` for the show called ``title``."""
    return _parse(GlobalParser(title, origin, source_id), data)


def parse_countries(data: bytes, *, title: str, origin: Origin, source_id: str) -> tuple[Stat, ...]:
    """The stats of ``all-weeks-countries.tsv`` for the show called ``title``."""
    return _parse(CountriesParser(title, origin, source_id), data)
