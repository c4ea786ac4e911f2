"""``make bench``: diplomat-tui measured against baselines taken in the same run.

Every figure is a ratio (or a difference) between medians of repeated measurements of
diplomat-tui and of a baseline measured in the same run, on the same machine; min,
median and max of both are printed. ``--quick`` takes fewer repeats. Progress goes to
stderr, the Markdown table to stdout. See docs/benchmarks.md for what each row means.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import bench_keys
import bench_launch
import bench_refresh
import bench_top10
from generate import write_countries_file, write_large_store

KIB = 1024


@dataclass(frozen=True)
class Repeats:
    """How many times each thing is measured."""

    launches: int
    presses: int
    marks: int  # ``w`` presses: each saves the large store
    refreshes: int
    streams: int


# Enough launches, refreshes and streams that the 95% interval of a ratio of medians (shown
# with it, see ratio_row) is about +-5% on a busy 2-core machine (docs/benchmarks.md).
FULL = Repeats(launches=21, presses=100, marks=12, refreshes=15, streams=7)
QUICK = Repeats(launches=7, presses=30, marks=4, refreshes=5, streams=3)
BOOTSTRAP_DRAWS = 2000


@dataclass(frozen=True)
class Spread:
    """Samples of one quantity, shown as min / median / max."""

    values: Sequence[float]
    unit: str
    scale: float = 1.0  # samples are multiplied by this for display (s -> ms: 1000)

    @property
    def median(self) -> float:
        """The median sample, unscaled."""
        return statistics.median(self.values)

    def __str__(self) -> str:
        shown = [v * self.scale for v in (min(self.values), self.median, max(self.values))]
        if len(self.values) == 1:
            return f"{_number(shown[1])} {self.unit}"
        return " / ".join(_number(v) for v in shown) + f" {self.unit}"


@dataclass(frozen=True)
class Row:
    """One line of the table: a measurement, its baseline, the figure and the target."""

    what: str
    measured: Spread
    baseline_name: str
    baseline: Spread
    figure: str
    target: str
    passed: bool | None  # None: shown for reference, no target

    @property
    def result(self) -> str:
        """PASS, MISS, or a dash for a reference row."""
        return "—" if self.passed is None else "PASS" if self.passed else "MISS"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def ms(values: Sequence[float]) -> Spread:
    """Seconds shown as milliseconds."""
    return Spread(values, "ms", 1000.0)


def ratio_interval(measured: Spread, baseline: Spread) -> tuple[float, float]:
    """The 95% bootstrap interval of the ratio of the two medians (each side resampled
    with replacement, a fixed seed): how far the figure could move on another run."""
    draw = random.Random(15).choices
    ratios = sorted(
        statistics.median(draw(measured.values, k=len(measured.values)))
        / statistics.median(draw(baseline.values, k=len(baseline.values)))
        for _ in range(BOOTSTRAP_DRAWS)
    )
    return ratios[BOOTSTRAP_DRAWS * 25 // 1000], ratios[BOOTSTRAP_DRAWS * 975 // 1000 - 1]


def ratio_row(
    what: str, measured: Spread, baseline_name: str, baseline: Spread, limit: float
) -> Row:
    """A row whose figure is the ratio of the medians (and its 95% interval), at most
    ``limit`` to pass."""
    ratio = measured.median / baseline.median
    low, high = ratio_interval(measured, baseline)
    figure = f"{ratio:.2f}x ({low:.2f}-{high:.2f})"
    return Row(what, measured, baseline_name, baseline, figure, f"≤ {limit}x", ratio <= limit)


# -- the measurements ------------------------------------------------------------------


def launch_rows(repeats: Repeats, large_store: Path) -> tuple[list[Row], list[Row]]:
    """Launch time and peak memory against the bare app; the large store against the shipped."""
    runs = bench_launch.measure(repeats.launches, large_store)
    seconds = {name: ms([run.seconds for run in launches]) for name, launches in runs.items()}
    first = {name: ms([run.first_frame for run in launches]) for name, launches in runs.items()}
    cpu = {name: ms([run.cpu_seconds for run in launches]) for name, launches in runs.items()}
    memory = {
        name: Spread([run.peak_mib for run in launches], "MiB") for name, launches in runs.items()
    }
    extra = memory["shipped"].median - memory["bare"].median
    against_bare = [
        ratio_row(
            "Launch to the first frame, its title shown (tmux)",
            first["shipped"],
            "bare app (Static + Footer)",
            first["bare"],
            1.15,
        ),
        ratio_row(
            "CPU time of that launch (to the full frame)",
            cpu["shipped"],
            "bare app (Static + Footer)",
            cpu["bare"],
            1.25,
        ),
        ratio_row(
            "Launch to first full frame (tmux)",
            seconds["shipped"],
            "bare app (Static + Footer)",
            seconds["bare"],
            1.25,
        ),
        Row(
            "Peak RSS of that launch",
            memory["shipped"],
            "bare app (Static + Footer)",
            memory["bare"],
            f"+{extra:.1f} MiB",
            "≤ +15 MiB",
            extra <= 15,
        ),
    ]
    large_extra = memory["large"].median - memory["shipped"].median
    large = [
        ratio_row(
            "Launch with the large store (tmux)",
            seconds["large"],
            "launch with the shipped store",
            seconds["shipped"],
            1.3,
        ),
        Row(
            "(reference) Peak RSS of that launch",
            memory["large"],
            "launch with the shipped store",
            memory["shipped"],
            f"+{large_extra:.1f} MiB",
            "—",
            None,
        ),
    ]
    return against_bare, large


def key_rows(repeats: Repeats, large_store: Path) -> list[Row]:
    """``j`` in the Cast and Episodes lists of the large store vs a bare OptionList; the
    keys of a filter in the Episodes list vs typing over a bare one; ``w`` in it vs a
    bare OptionList's row update."""
    runs = bench_keys.measure(repeats.presses, repeats.marks, large_store)
    rows = []
    for name, what in (
        ("cast", "Key press (j) in the Cast list"),
        ("episodes", "Key press (j) in the Episodes list"),
    ):
        count = int(runs[name]["rows"][0])
        measured, baseline = ms(runs[name]["app"]), ms(runs[name]["bare"])
        ratio = measured.median / baseline.median
        rows.append(
            Row(
                f"{what} ({count:,} rows)",
                measured,
                f"bare OptionList, {count:,} rows (down)",
                baseline,
                f"{ratio:.2f}x, {measured.median * 1000:.1f} ms",
                "≤ 1.5x and < 16 ms",
                ratio <= 1.5 and measured.median < 0.016,
            )
        )
    count = int(runs["filter"]["rows"][0])
    measured, baseline = ms(runs["filter"]["app"]), ms(runs["filter"]["bare"])
    p95 = statistics.quantiles(measured.values, n=20)[18]
    keys = len(measured.values)
    rows.append(
        Row(
            f"Filter in the Episodes list ({count:,} rows), each key to the list shown: "
            f"/, “{bench_keys.QUERY}” letter by letter, 2 backspaces, esc ({keys} keys)",
            measured,
            f"bare OptionList, {count:,} rows, under an Input filtering nothing",
            baseline,
            f"p50 {measured.median * 1000:.1f} / p95 {p95 * 1000:.1f} / max "
            f"{max(measured.values) * 1000:.1f} ms, {measured.median / baseline.median:.2f}x",
            "p95 < 16 ms",
            p95 < 0.016,
        )
    )
    count = int(runs["watched"]["rows"][0])
    measured, baseline = ms(runs["watched"]["app"]), ms(runs["watched"]["bare"])
    ratio = measured.median / baseline.median
    rows.append(
        Row(
            f"w, mark watched, in the Episodes list ({count:,} rows)",
            measured,
            f"bare OptionList, {count:,} rows, a row's prompt replaced (w)",
            baseline,
            f"{ratio:.2f}x, {measured.median * 1000:.1f} ms",
            "≤ 1.5x and < 16 ms",
            ratio <= 1.5 and measured.median < 0.016,
        )
    )
    return rows


def refresh_rows(repeats: Repeats, countries_file: Path) -> list[Row]:
    """Refresh time with 100 ms latency per answer, and bytes of an unchanged refresh."""
    runs = bench_refresh.measure(repeats.refreshes, countries_file)
    latency = runs["latency"]
    request = ms(latency["request"])
    name = f"one request, plain httpx ({bench_refresh.LATENCY * 1000:.0f} ms latency)"
    cpu, plain_cpu = ms(latency["cpu_later"]), ms(latency["cpu_plain"])
    rows = [
        ratio_row(
            "Refresh, first (id unknown: the search, then the show's data)",
            ms(latency["first"]),
            name,
            request,
            2.2,
        ),
        ratio_row(
            "Refresh, later (id known, --force, every answer a 200)",
            ms(latency["later"]),
            name,
            request,
            1.2,
        ),
        Row(
            "(reference) CPU time of that later refresh (every thread)",
            cpu,
            "plain httpx getting the same three answers at once",
            plain_cpu,
            f"+{(cpu.median - plain_cpu.median) * 1000:.0f} ms",
            "—",
            None,
        ),
    ]
    for key, label in (("bytes", "recorded answers"), ("bytes_large", "40 MB countries file")):
        unchanged = Spread(runs[key]["unchanged"], "KiB", 1 / KIB)
        first = Spread(runs[key]["first"], "KiB", 1 / KIB)
        share = unchanged.median / first.median
        rows.append(
            Row(
                f"Refresh within TVmaze's hour (TVmaze not asked, Top 10 304), bytes; {label}",
                unchanged,
                "first refresh, bytes",
                first,
                f"{share:.2%}",
                "≤ 5%",
                share <= 0.05,
            )
        )
    return rows


def top10_rows(repeats: Repeats, countries_file: Path) -> list[Row]:
    """Streaming the 40 MB countries file vs reading it line by line, and its parts."""
    accented_file = countries_file.with_name("all-weeks-countries-accents.tsv")
    write_countries_file(accented_file, accents=True)
    many_weeks_file = countries_file.with_name("all-weeks-countries-many-weeks.tsv")
    write_countries_file(many_weeks_file, accents=True, many_weeks=True)
    runs = bench_top10.measure(repeats.streams, countries_file, accented_file, many_weeks_file)

    def spread(kind: str, key: str = "seconds") -> Spread:
        values = [run[key] for run in runs[kind]]
        return ms(values) if key.endswith("seconds") else Spread(values, "MiB")

    read, stream, floor, parse = spread("read"), spread("stream"), spread("floor"), spread("parse")
    binary, parse_many = spread("read_binary"), spread("parse_many")
    growth, client = spread("stream", "growth_mib"), spread("client")
    reading = "reading the file line by line"
    creation = spread("client", "create_seconds")
    stream_growth = growth.median
    parse_growth = spread("parse", "growth_mib")
    return [
        ratio_row(
            "Top 10 by country, 40 MB file streamed into the parser (64 KiB blocks, as a refresh)",
            parse,
            reading,
            read,
            2.0,
        ),
        Row(
            "(reference) the same parse against the floor of reading: the file's bytes in "
            "64 KiB reads, nothing decoded",
            parse,
            "reading the file's bytes",
            binary,
            f"{parse.median / binary.median:.2f}x, +{(parse.median - binary.median) * 1000:.0f} ms",
            "—",
            None,
        ),
        Row(
            "Peak memory growth while streaming it",
            parse_growth,
            reading,
            spread("read", "growth_mib"),
            f"{parse_growth.median:.1f} MiB",
            "< 20 MiB",
            parse_growth.median < 20,
        ),
        Row(
            "(reference) the same, on the file with accents in 1 line in 20",
            spread("parse_accents"),
            "reading that file line by line",
            spread("read_accents"),
            f"{spread('parse_accents').median / spread('read_accents').median:.2f}x",
            "—",
            None,
        ),
        Row(
            "(reference) the same, on a file listing the show in 200 weeks (9,584 lines of it, "
            "every country name accented)",
            parse_many,
            "reading that file line by line",
            spread("read_many"),
            f"{parse_many.median / spread('read_many').median:.2f}x; "
            f"{parse_many.median / spread('read_binary_many').median:.2f}x reading its bytes",
            "—",
            None,
        ),
        Row(
            "(reference) the file downloaded from the local server into the parser (httpx)",
            stream,
            reading,
            read,
            f"{stream.median / read.median:.2f}x, peak growth {stream_growth:.1f} MiB",
            "—",
            None,
        ),
        Row(
            "(reference) that download with httpx doing nothing with the bytes: the floor",
            floor,
            reading,
            read,
            f"{floor.median / read.median:.2f}x "
            f"({spread('floor', 'headers_seconds').median * 1000:.1f} ms to the headers)",
            "—",
            None,
        ),
        Row(
            "(reference) the download into the parser against that floor",
            stream,
            "httpx doing nothing with the file",
            floor,
            f"{stream.median / floor.median:.2f}x, +{(stream.median - floor.median) * 1000:.0f} ms",
            "—",
            None,
        ),
        Row(
            "(reference) HTTP client set-up, once per refresh: creation, first request",
            client,
            "creation alone",
            creation,
            f"{creation.median * 1000:.0f} + {(client.median - creation.median) * 1000:.0f} ms",
            "—",
            None,
        ),
    ]


# -- output ----------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table (min / median / max of measured and baseline)."""
    lines = [
        "| what | measured (min / median / max) | baseline, same run | baseline "
        "(min / median / max) | figure | target | result |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.what} | {r.measured} | {r.baseline_name} | {r.baseline} | {r.figure} "
        f"| {r.target} | {r.result} |"
        for r in rows
    ]
    return "\n".join(lines)


def machine(repeats: Repeats, quick: bool) -> str:
    """One line saying where and how the figures were taken."""
    return (
        f"{time.strftime('%Y-%m-%d')}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Textual {version('textual')}, diplomat-tui {version('diplomat-tui')}; "
        f"{'--quick, ' if quick else ''}{repeats.launches} launches, {repeats.presses} "
        f"presses, {repeats.marks} marks, {repeats.refreshes} refreshes, {repeats.streams} "
        "streams each; a ratio's 95% interval in brackets"
    )


def _step(what: str) -> None:
    print(f"bench: {what}…", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the inputs, run every benchmark, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 2 minutes)")
    quick = parser.parse_args(argv).quick
    repeats = QUICK if quick else FULL
    with tempfile.TemporaryDirectory(prefix="diplomat-bench-") as temp:
        work = Path(temp)
        _step("generating the large store and the 40 MB countries file")
        write_large_store(work / "large")
        countries_file = work / "all-weeks-countries.tsv"
        write_countries_file(countries_file)
        _step(f"launching in tmux ({repeats.launches} rounds of 3 programs)")
        against_bare, large_launch = launch_rows(repeats, work / "large")
        _step(f"key presses ({repeats.presses} per list, {repeats.marks} watched marks)")
        keys = key_rows(repeats, work / "large")
        _step(f"refreshes ({repeats.refreshes} of each)")
        refreshes = refresh_rows(repeats, countries_file)
        _step(f"streaming the countries file ({repeats.streams} runs of each)")
        streams = top10_rows(repeats, countries_file)
    rows = [*against_bare, *keys, *large_launch, *refreshes, *streams]
    print(machine(repeats, quick))
    print()
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
