"""Streaming the generated 40 MB per-country Top 10 file, against reading it and doing nothing.

Each run is a fresh Python process (so memory figures are its own): after its imports it
resets its peak RSS (``/proc/self/clear_refs``), notes its RSS, does the work, and
reports the seconds and the growth of its peak RSS over the RSS it started from.

* ``read``: the baseline, ``for line in file: pass`` (UTF-8 text, line by line).
* ``parse``: the same lines fed to the app's :class:`CountriesParser` (no network).
* ``stream``: what a refresh does: the file fetched from the local test server by the
  app's :class:`HttpClient` and streamed line by line into the parser.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIB = 1024
TITLE = "The Diplomat"
EXPECTED_WEEKS = 3  # weeks of the generated file that list the show


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _measured(work: Callable[[], int]) -> dict[str, float]:
    """Run ``work`` (which returns the weeks found); its seconds and peak RSS growth."""
    Path("/proc/self/clear_refs").write_text("5")  # peak RSS := current RSS
    start_kib = _status_kib("VmRSS")
    start = time.perf_counter()
    weeks = work()
    seconds = time.perf_counter() - start
    growth_mib = (_status_kib("VmHWM") - start_kib) / KIB
    return {"seconds": seconds, "growth_mib": growth_mib, "weeks": weeks}


def _read(path: Path) -> int:
    with path.open(encoding="utf-8") as lines:
        for _line in lines:
            pass
    return 0


def _parse(path: Path) -> int:
    from diplomat_tui.sources import Origin
    from diplomat_tui.sources.top10 import CountriesParser

    parser = CountriesParser(TITLE, Origin("Netflix Top 10 by country", str(path)), "top10:c")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parser.feed(line.removesuffix("\n"))
    return len(parser.finish())


def _stream(url: str) -> int:
    from diplomat_tui.sources.http import HttpClient, Request
    from diplomat_tui.sources.top10 import DEADLINE, MAX_BYTES, NAME, CountriesParser

    async def fetch() -> int:
        request = Request(NAME, "by country", url, max_bytes=MAX_BYTES, deadline=DEADLINE)
        parser = CountriesParser(TITLE, request.origin, "top10:c")
        async with HttpClient() as http:
            await http.stream_lines(request, parser.feed)
        return len(parser.finish())

    return asyncio.run(fetch())


def _child(kind: str, target: str) -> None:
    """In the child process: import what the work needs, measure it, print JSON."""
    import httpx  # noqa: F401 - imported before the measurement, as in a running app

    import diplomat_tui.sources.top10  # noqa: F401

    works: dict[str, Callable[[], int]] = {
        "read": lambda: _read(Path(target)),
        "parse": lambda: _parse(Path(target)),
        "stream": lambda: _stream(target),
    }
    print(json.dumps(_measured(works[kind])))


def _run_child(kind: str, target: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), kind, target],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    if kind != "read" and result["weeks"] != EXPECTED_WEEKS:
        raise RuntimeError(f"{kind} found {result['weeks']} weeks, not {EXPECTED_WEEKS}")
    return result


def measure(repeats: int, countries_file: Path) -> dict[str, list[dict[str, float]]]:
    """``repeats`` runs of each kind, interleaved, the file served by the local server."""
    from bench_refresh import local_server

    from tests.localserver import COUNTRIES

    runs: dict[str, list[dict[str, float]]] = {"read": [], "parse": [], "stream": []}
    with local_server() as server:
        server.set(COUNTRIES, file=countries_file)
        path = str(countries_file)
        targets = {"read": path, "parse": path, "stream": server.url + COUNTRIES}
        _run_child("read", path)  # warm the page cache
        for _ in range(repeats):
            for kind, target in targets.items():
                runs[kind].append(_run_child(kind, target))
    return runs


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
