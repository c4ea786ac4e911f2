"""Streaming the generated 40 MB per-country Top 10 file, against reading it and doing nothing.

Each run is a fresh Python process (so memory figures are its own). It first does what a
running refresh has already done: the imports and, for the HTTP kinds, a first request
(which loads httpcore's async backend) and the creation of the client (a refresh creates
one for all its requests); that set-up is measured on its own, as the ``client`` kind.
The file's request still opens its own connection, as in a refresh, where both Top 10
files are fetched at once. Then the run resets its peak RSS (``/proc/self/clear_refs``),
notes its RSS, does the work, and reports the seconds and the growth of its peak RSS
over the RSS it started from (and, for ``parse`` and ``stream``, the weeks found).

* ``read``: the baseline, ``for line in file: pass`` (UTF-8 text, line by line).
* ``read_binary``: the floor of any reading: the file's bytes in 64 KiB reads, nothing
  decoded or split (what the parser starts from).
* ``parse``: the stream without HTTP: the file read in 64 KiB chunks (what httpx hands
  over), cut into blocks of whole lines by the app's :class:`LineBlocks` and fed to its
  :class:`CountriesParser`, as :meth:`HttpClient.stream_lines` does.
* ``floor``: the file fetched from the local test server by a plain ``httpx`` client
  doing nothing with the bytes (``aiter_bytes``): the floor of any download through
  httpx here. Also reports the part until the answer's headers (connect, first byte).
* ``stream``: what a refresh does: the file fetched by the app's :class:`HttpClient`
  (``stream_lines``, on a new connection) into the parser, run on a worker thread by
  :class:`ParserThread`.
* ``client``: the set-up before the clock of the two kinds above: the app's
  :class:`HttpClient` created (httpx loads certifi's certificates), then its first
  request (a 2 KB file). Reports both parts.

The generated file is all ASCII, the parser's fastest case and the baseline's too;
``read`` and ``parse`` also run on a variant with accents and typographic quotes in one
line in 20 (``write_countries_file(accents=True)``), and ``read``, ``read_binary`` and
``parse`` on one where the show is listed in 200 weeks by up to 86 countries whose names
are accented (``many_weeks=True``): ~9,600 lines of the show to decode, fold and check.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplomat_tui.sources.top10 import CountriesParser

KIB = 1024
CHUNK = 64 * KIB  # what httpx hands over at a time (httpcore reads 64 KiB)
TITLE = "The Diplomat"
EXPECTED_WEEKS = 3  # weeks of the generated file that list the show
MANY_WEEKS = 200  # weeks of the many-weeks file that list the show
KINDS = ("read", "read_binary", "parse", "floor", "stream", "client")

Result = dict[str, float]


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


@contextmanager
def _measuring(result: Result) -> Iterator[None]:
    """Put the seconds and the peak RSS growth of the ``with`` body into ``result``."""
    Path("/proc/self/clear_refs").write_text("5")  # peak RSS := current RSS
    start_kib = _status_kib("VmRSS")
    start = time.perf_counter()
    yield
    result["seconds"] = time.perf_counter() - start
    result["growth_mib"] = (_status_kib("VmHWM") - start_kib) / KIB


def _read(path: Path) -> Result:
    result: Result = {}
    with _measuring(result), path.open(encoding="utf-8") as lines:
        for _line in lines:
            pass
    return result


def _read_binary(path: Path) -> Result:
    result: Result = {}
    with _measuring(result), path.open("rb") as body:
        while body.read(CHUNK):
            pass
    return result


def _parser(source_url: str) -> CountriesParser:
    from diplomat_tui.sources import Origin
    from diplomat_tui.sources.top10 import NAME, CountriesParser

    return CountriesParser(TITLE, Origin(NAME, source_url), "top10:c")


def _parse(path: Path) -> Result:
    from diplomat_tui.sources.http import HttpPolicy, LineBlocks

    result: Result = {}
    parser = _parser(str(path))
    blocks = LineBlocks(parser.feed, HttpPolicy().max_line, parser.rows.origin)
    with _measuring(result), path.open("rb") as body:
        while chunk := body.read(CHUNK):
            blocks.push(chunk)
        blocks.close()
        result["weeks"] = len(parser.finish())
    return result


async def _with_client(warm_up_url: str, work: Callable[[], Awaitable[Result]]) -> Result:
    """Make a first request (as a running refresh has), on its own client, then ``work``."""
    from diplomat_tui.sources.http import HttpClient, Request

    async with HttpClient() as http:
        await http.get(Request("Benchmark", "warm-up", warm_up_url))
    return await work()


async def _floor(url: str, warm_up_url: str) -> Result:
    import httpx

    async def work() -> Result:
        result: Result = {}
        async with httpx.AsyncClient() as client:
            with _measuring(result):
                start = time.perf_counter()
                async with client.stream("GET", url) as response:
                    result["headers_seconds"] = time.perf_counter() - start
                    async for _chunk in response.aiter_bytes():
                        pass
        return result

    return await _with_client(warm_up_url, work)


async def _stream(url: str, warm_up_url: str) -> Result:
    from diplomat_tui.sources.http import HttpClient, Request
    from diplomat_tui.sources.parse_thread import ParserThread
    from diplomat_tui.sources.top10 import COUNTRIES_MAX_BYTES, DEADLINE, NAME

    async def work() -> Result:
        result: Result = {}
        request = Request(NAME, "by country", url, max_bytes=COUNTRIES_MAX_BYTES, deadline=DEADLINE)
        async with HttpClient() as http:
            with _measuring(result):
                async with ParserThread(_parser(url)) as parser:
                    await http.stream_lines(request, parser.feed)
                    result["weeks"] = len(await parser.finish())
        return result

    return await _with_client(warm_up_url, work)


async def _client(warm_up_url: str) -> Result:
    from diplomat_tui.sources.http import HttpClient, Request

    result: Result = {}
    async with AsyncExitStack() as stack:
        with _measuring(result):
            start = time.perf_counter()
            http = await stack.enter_async_context(HttpClient())
            result["create_seconds"] = time.perf_counter() - start
            await http.get(Request("Benchmark", "first request", warm_up_url))
    return result


def _child(kind: str, target: str, warm_up_url: str) -> None:
    """In the child process: import what the work needs, measure it, print JSON."""
    import httpx  # noqa: F401 - imported before the measurement, as in a running app

    import diplomat_tui.sources.top10  # noqa: F401

    works: dict[str, Callable[[], Result]] = {
        "read": lambda: _read(Path(target)),
        "read_binary": lambda: _read_binary(Path(target)),
        "parse": lambda: _parse(Path(target)),
        "floor": lambda: asyncio.run(_floor(target, warm_up_url)),
        "stream": lambda: asyncio.run(_stream(target, warm_up_url)),
        "client": lambda: asyncio.run(_client(warm_up_url)),
    }
    print(json.dumps(works[kind]()))


def _run_child(kind: str, target: str, warm_up_url: str, weeks: int = EXPECTED_WEEKS) -> Result:
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), kind, target, warm_up_url],
        capture_output=True,
        text=True,
        check=True,
    )
    result: Result = json.loads(done.stdout)
    if result.get("weeks", weeks) != weeks:
        raise RuntimeError(f"{kind} found {result['weeks']} weeks, not {weeks}")
    return result


def measure(
    repeats: int, countries_file: Path, accented_file: Path, many_weeks_file: Path
) -> dict[str, list[Result]]:
    """``repeats`` runs of each kind, interleaved, the file served by the local server.

    ``read`` and ``parse`` also run on ``accented_file`` (``read_accents``,
    ``parse_accents``): the same file with accents in one line in 20; and with
    ``read_binary`` on ``many_weeks_file`` (``..._many``): the show in 200 weeks.
    """
    from helpers.localserver import COUNTRIES, GLOBAL, LocalServer

    with LocalServer() as server:
        server.set(COUNTRIES, file=countries_file)
        path, url, warm_up_url = str(countries_file), server.url + COUNTRIES, server.url + GLOBAL
        plan = {
            kind: (kind, url if kind in ("floor", "stream", "client") else path, EXPECTED_WEEKS)
            for kind in KINDS
        }
        for kind in ("read", "parse"):
            plan[f"{kind}_accents"] = (kind, str(accented_file), EXPECTED_WEEKS)
        for kind in ("read", "read_binary", "parse"):
            plan[f"{kind}_many"] = (kind, str(many_weeks_file), MANY_WEEKS)
        runs: dict[str, list[Result]] = {label: [] for label in plan}
        for target in (path, str(accented_file), str(many_weeks_file)):
            _run_child("read", target, warm_up_url)  # warm the page cache
        for _ in range(repeats):
            for label, (kind, target, weeks) in plan.items():
                runs[label].append(_run_child(kind, target, warm_up_url, weeks))
    return runs


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], sys.argv[3])
