"""Kill test: SIGKILL a writer in the middle of store writes, then look at what is left.

A writer process loops writing two full versions of a large catalog (thousands of
people, episodes, stats and sources; several MB), A then B then A... Each round forks a
fresh writer and, once it starts writing the file, kills it with SIGKILL after a random
delay within the time a file write takes (or just after). Then it checks the file: it
must parse and be version A or version B in full (catalog and user tables compared
document by document). Temp files left behind are counted, then removed as
the app does at start. Every ``app_every``-th round also starts the app on the file.

The same rounds run against two storages:

* ``diplomat-tui``: :meth:`diplomat_tui.store.Store.update_catalog` (lock, read, atomic
  replace, backup), exactly what ingest and refresh call;
* ``tinydb``: plain ``TinyDB(path)`` with its default ``JSONStorage``, writing the same
  document once per version (the best case: one file write per update).

``python benchmarks/killtest.py --kills 500`` prints both side by side.
``tests/test_crash.py`` runs :func:`run_kills` on the diplomat-tui storage.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import select
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB

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
from diplomat_tui.store import (
    CATALOG_TABLES,
    SCHEMA_VERSION,
    Data,
    Store,
    data_from_catalog,
)

STORE_NAME = "store.json"
TEMP_PATTERN = ".store-*.tmp"
MARKER = "Kill test version"
UNPARSABLE = "unparsable"
NEITHER = "neither"
MAX_WRITES_PER_WRITER = 10_000  # a writer the harness lost stops by itself
CALIBRATION_WRITES = 5
WINDOW_SPAN = 1.2  # kill delays span the file write and a little after it
WRITER_TIMEOUT_SECONDS = 30.0

Writer = Callable[[int], None]
"""Writes version 0 (A) or 1 (B) of the catalog, in full."""


@dataclass(frozen=True)
class Size:
    """How large the generated catalog is."""

    people: int = 3_000
    episodes: int = 5_000
    stats: int = 3_000

    def scaled(self, factor: float) -> Size:
        """This size times ``factor`` (the store's bytes grow in proportion)."""
        return Size(*(round(n * factor) for n in (self.people, self.episodes, self.stats)))


@dataclass(frozen=True)
class Versions:
    """The two versions a writer alternates between, as catalogs and as stored documents."""

    catalogs: tuple[Catalog, Catalog]
    documents: tuple[Data, Data]

    def which(self, data: Any) -> int | None:
        """0 or 1 when ``data`` is that version in full (every catalog table), else None."""
        if not isinstance(data, dict):
            return None
        tables = {name: data.get(name, {}) for name in CATALOG_TABLES}
        for index, document in enumerate(self.documents):
            if all(tables[name] == document[name] for name in tables):
                return index
        return None


@dataclass
class KillReport:
    """What the kills left behind, for one storage."""

    storage: str
    store_bytes: int = 0
    window_seconds: float = 0.0
    kills: int = 0
    corrupt: int = 0  # the file does not parse
    neither: int = 0  # it parses but is neither version in full
    orphans: int = 0  # temp files left behind (removed after counting)
    old: int = 0  # the writer had not replaced the file yet
    new: int = 0  # the writer's first write was complete
    app_starts: int = 0
    app_failures: int = 0
    problems: list[str] = field(default_factory=list)

    def note(self, problem: str) -> None:
        """Remember the first few problems, to say what went wrong."""
        if len(self.problems) < 5:
            self.problems.append(f"kill {self.kills}: {problem}")


# -- the data ----------------------------------------------------------------------------


def big_catalog(version: int, size: Size = Size()) -> Catalog:
    """Version 0 or 1 of a large catalog; the versions differ in every table and in length."""
    tag = "AB"[version]
    blurb = f"{MARKER} {tag}: " + "a diplomat's day, in words " * (6 + 2 * version)
    people = tuple(
        Person(f"Person {i} {tag}", (f"Other Show {i}",), (f"s{i % 50}",))
        for i in range(size.people)
    )
    cut = size.people * 9 // 10
    cast = tuple(
        CastCredit(p.name, f"Character {i}", "main" if i < 30 else "guest", i, (f"s{i % 50}",))
        for i, p in enumerate(people[:cut])
    )
    crew = tuple(
        CrewCredit(p.name, ("producer",), i, (f"s{i % 50}",)) for i, p in enumerate(people[cut:])
    )
    per_season = 100
    episodes = tuple(
        Episode(
            1 + i // per_season,
            1 + i % per_season,
            f"Episode {i} {tag}",
            "2023-04-20",
            50,
            f"{blurb}{i}",
            (f"s{i % 50}",),
        )
        for i in range(size.episodes)
    )
    seasons = tuple(
        Season(n, per_season, "aired") for n in range(1, size.episodes // per_season + 1)
    )
    stats = tuple(
        Stat("hours_viewed", 1_000 * i + version, f"week {i}", "global", 1, (f"s{i % 50}",))
        for i in range(size.stats)
    )
    sources = tuple(
        Source(f"s{i}", "article", f"{MARKER} {tag}", quote=f"{blurb}{i}") for i in range(50)
    )
    return Catalog(
        show=Show(title=f"{MARKER} {tag}", network="Netflix", sources=("s0",)),
        people=people,
        cast=cast,
        crew=crew,
        seasons=seasons,
        episodes=episodes,
        stats=stats,
        sources=sources,
    )


def make_versions(size: Size = Size()) -> Versions:
    """Both versions of the large catalog, and the store documents that hold them."""
    catalogs = (big_catalog(0, size), big_catalog(1, size))
    documents = tuple(_document(catalog) for catalog in catalogs)
    return Versions(catalogs, (documents[0], documents[1]))


def _document(catalog: Catalog) -> Data:
    """A whole store document holding ``catalog`` (the user's data is another file)."""
    meta = {"1": {"schema_version": SCHEMA_VERSION, "created": "2024-01-01T00:00:00+00:00"}}
    document = {"meta": meta, **data_from_catalog(catalog)}
    return json.loads(json.dumps(document))  # as read back: tuples become lists


# -- the writers -------------------------------------------------------------------------


def diplomat_writer(path: Path, versions: Versions, saving: Callable[[], None]) -> Writer:
    """Writes a version as ingest and refresh do: one locked, atomic update_catalog.

    ``saving`` is called when the store starts writing the file (the one hook the
    harness puts into the store, so that kills can be aimed at the write itself).
    """
    store = Store(path)
    save = store._save

    def save_announced(data: Data) -> None:
        saving()
        save(data)

    store._save = save_announced  # type: ignore[method-assign]

    def write(index: int) -> None:
        store.update_catalog(lambda _old: versions.catalogs[index])

    return write


def tinydb_writer(path: Path, versions: Versions, saving: Callable[[], None]) -> Writer:
    """Writes a version through plain TinyDB(path): its default JSONStorage, one write."""
    storage = TinyDB(path).storage

    def write(index: int) -> None:
        saving()
        storage.write(versions.documents[index])

    return write


WRITERS: dict[str, Callable[[Path, Versions, Callable[[], None]], Writer]] = {
    "diplomat-tui": diplomat_writer,
    "tinydb": tinydb_writer,
}
LABELS = {"diplomat-tui": "diplomat-tui Store", "tinydb": "TinyDB JSONStorage"}


def _write_once(storage: str, path: Path, versions: Versions, index: int) -> None:
    """Write one version in this process (to set up or restore the file)."""
    WRITERS[storage](path, versions, lambda: None)(index)


@dataclass(frozen=True)
class _WriterProcess:
    """A writer process, and the pipe on which it says each time it starts saving."""

    pid: int
    saving: int

    def wait_until_saving(self) -> None:
        """Block until the writer starts writing the file (RuntimeError if it never does)."""
        ready, _, _ = select.select([self.saving], [], [], WRITER_TIMEOUT_SECONDS)
        if not ready or not os.read(self.saving, 1):
            raise RuntimeError("the writer process never started writing")

    def end(self, kill: bool) -> int:
        """Kill the writer (or let it finish) and return its wait status."""
        if kill:
            os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.saving)
        return status


def _start_writer(
    storage: str, path: Path, versions: Versions, first: int, writes: int
) -> _WriterProcess:
    """Fork a writer that writes ``writes`` versions, alternating from ``first``."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return _WriterProcess(pid, reader)
    os.close(reader)

    def announce() -> None:
        os.write(writer, b"s")

    status = 0
    try:  # the writer process: never returns
        write = WRITERS[storage](path, versions, announce)
        parent = os.getppid()
        for n in range(writes):
            if os.getppid() != parent:  # the harness died: stop writing
                break
            write((first + n) % 2)
    except BaseException:  # any failure: reported through the exit status
        status = 1
    finally:
        os._exit(status)


# -- the rounds --------------------------------------------------------------------------


def run_kills(
    storage: str,
    folder: Path,
    kills: int,
    *,
    seed: int = 0,
    size: Size = Size(),
    app_every: int = 0,
    lanes: int = 1,
    versions: Versions | None = None,
    span: float = WINDOW_SPAN,
) -> KillReport:
    """Kill a writer ``kills`` times while it writes the file, and check the file each time.

    Every ``app_every``-th round (0: never; diplomat-tui only) also opens the store as the
    app does at start and mounts the app on it. ``lanes`` > 1 runs that many independent
    stores at once, in separate processes, sharing the kills (to use several cores).
    Kill delays spread over ``span`` times the time a write takes.
    """
    plan = _Plan(storage, versions or make_versions(size), app_every, span)
    # The forked writers inherit the catalogs: keep their garbage collector off these
    # objects, or it touches (and so copies) every page of them, slowing each write by half.
    gc.freeze()
    try:
        if lanes == 1:
            return _run_lane(plan, folder, kills, seed)
        shares = [kills // lanes + (lane < kills % lanes) for lane in range(lanes)]
        pipes = [
            _fork_lane(plan, folder / f"lane-{lane}", share, seed + lane)
            for lane, share in enumerate(shares)
        ]
        return _merged([_lane_report(pid, reader) for pid, reader in pipes])
    finally:
        gc.unfreeze()


@dataclass(frozen=True)
class _Plan:
    """What every lane of a run does: the storage, its versions, when the app is started,
    and over how many times the time of a write the kill delays spread."""

    storage: str
    versions: Versions
    app_every: int
    span: float


def _run_lane(plan: _Plan, folder: Path, kills: int, seed: int) -> KillReport:
    """The kill rounds on one store: start a writer, wait until it saves, kill, check."""
    storage, versions, app_every = plan.storage, plan.versions, plan.app_every
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STORE_NAME
    report = KillReport(LABELS[storage])
    report.window_seconds = _calibrate(storage, path, versions)
    report.store_bytes = path.stat().st_size
    delays = kill_delays(kills, plan.span * report.window_seconds, random.Random(seed))
    current = _state(path, versions)
    while report.kills < kills:
        writer = _start_writer(storage, path, versions, 1 - current, MAX_WRITES_PER_WRITER)
        writer.wait_until_saving()
        time.sleep(delays[report.kills])
        status = writer.end(kill=True)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise RuntimeError(f"the {storage} writer ended before it was killed ({status})")
        report.kills += 1
        current = _check(storage, path, versions, current, report)
        if storage == "diplomat-tui" and app_every and report.kills % app_every == 0:
            _check_app(path, report)
    return report


def kill_delays(kills: int, window_seconds: float, rng: random.Random) -> list[float]:
    """A delay for each kill within ``window_seconds``: one in each of ``kills`` equal
    slices of it, at random within its slice, in random order.

    Unlike independent draws, this gives every part of the window its share of the kills
    however few there are, so a short run still kills before and after the switch.
    """
    slice_seconds = window_seconds / kills
    delays = [(n + rng.random()) * slice_seconds for n in range(kills)]
    rng.shuffle(delays)
    return delays


def _fork_lane(plan: _Plan, folder: Path, kills: int, seed: int) -> tuple[int, int]:
    """Run a lane in a child process; return its pid and the pipe its report comes through."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    os.close(reader)
    try:  # the lane process: never returns
        report = _run_lane(plan, folder, kills, seed)
        message = json.dumps(asdict(report))
    except BaseException as error:  # sent to the parent, which raises it
        message = json.dumps({"error": repr(error)})
    with os.fdopen(writer, "w") as pipe:
        pipe.write(message)
    os._exit(0)


def _lane_report(pid: int, reader: int) -> KillReport:
    with os.fdopen(reader) as pipe:
        message = json.loads(pipe.read() or '{"error": "the lane died"}')
    os.waitpid(pid, 0)
    if "error" in message:
        raise RuntimeError(f"a kill-test lane failed: {message['error']}")
    return KillReport(**message)


def _merged(reports: list[KillReport]) -> KillReport:
    """One report adding up the lanes' counts."""
    total = KillReport(
        reports[0].storage,
        store_bytes=reports[0].store_bytes,
        window_seconds=statistics.median(r.window_seconds for r in reports),
    )
    for report in reports:
        for name in ("kills", "corrupt", "neither", "orphans", "old", "new"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.app_starts += report.app_starts
        total.app_failures += report.app_failures
        total.problems += report.problems
    return total


def _calibrate(storage: str, path: Path, versions: Versions) -> float:
    """Write version 0 in full; return how long a writer process takes to write the file.

    Measured from the writer's signal that it starts saving to its exit, on real writer
    processes, as the kills will be.
    """
    for stale in (path, path.with_name(path.name + ".bak")):
        stale.unlink(missing_ok=True)
    if storage == "diplomat-tui":
        Store(path).create(versions.catalogs[0])
    else:
        _write_once(storage, path, versions, 0)
    durations = []
    for n in range(CALIBRATION_WRITES):
        writer = _start_writer(storage, path, versions, (n + 1) % 2, writes=1)
        writer.wait_until_saving()
        started = time.perf_counter()
        status = writer.end(kill=False)
        durations.append(time.perf_counter() - started)
        if status:
            raise RuntimeError(f"the {storage} writer failed ({status})")
    return statistics.median(durations)


def _state(path: Path, versions: Versions) -> int:
    """Which version the file holds now (it must hold one)."""
    index = versions.which(json.loads(path.read_bytes()))
    if index is None:
        raise RuntimeError(f"{path} holds neither version before the kills start")
    return index


def classify(path: Path, versions: Versions) -> str:
    """What the file holds: ``"A"`` or ``"B"`` in full, ``"neither"``, or ``"unparsable"``."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return UNPARSABLE
    index = versions.which(data)
    return NEITHER if index is None else "AB"[index]


def _json_error(path: Path) -> str:
    """``: <why json cannot parse the file>``, or nothing if it parses."""
    try:
        json.loads(path.read_bytes())
    except (OSError, ValueError) as error:
        return f": {error}"
    return ""


def _check(storage: str, path: Path, versions: Versions, before: int, report: KillReport) -> int:
    """Count what one kill left; return the version the file now holds (or ``before``)."""
    orphans = list(path.parent.glob(TEMP_PATTERN))
    report.orphans += len(orphans)
    for orphan in orphans:
        orphan.unlink()
    outcome = classify(path, versions)
    if outcome in (UNPARSABLE, NEITHER):
        report.corrupt += outcome == UNPARSABLE
        report.neither += outcome == NEITHER
        report.note(f"the file is {outcome}{_json_error(path)}")
        _restore(storage, path, versions, before)
        return before
    index = "AB".index(outcome)
    if index == before:
        report.old += 1
    else:
        report.new += 1
    return index


def _restore(storage: str, path: Path, versions: Versions, index: int) -> None:
    """Put a whole version back after a corruption, so the next round starts clean."""
    path.unlink()
    if storage == "diplomat-tui":
        Store(path).create(versions.catalogs[index])
    else:
        _write_once(storage, path, versions, index)


def _check_app(path: Path, report: KillReport) -> None:
    """Start the app on the store as ``diplomat-tui`` does; count it if it does not mount."""
    report.app_starts += 1
    try:
        mounted = asyncio.run(app_mounts(path))
    except Exception as error:  # any failure to start is what we count
        mounted = False
        report.note(f"the app did not start: {error!r}"[:200])
    if not mounted:
        report.app_failures += 1


async def app_mounts(path: Path) -> bool:
    """Whether the app, opened on the store at ``path``, mounts its main screen."""
    from diplomat_tui.app import DiplomatApp
    from diplomat_tui.ingest import open_store
    from diplomat_tui.screens.main import MainScreen
    from diplomat_tui.settings import Settings

    store = open_store(Store(path))
    settings = Settings(data_dir=path.parent, config_path=path.parent / "config.toml")
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return app.is_running and isinstance(app.screen, MainScreen)


# -- the command -------------------------------------------------------------------------

COLUMNS = ("storage", "kills", "corrupt/unparsable", "neither-old-nor-new", "orphan temp files")


def table(reports: list[KillReport]) -> str:
    """The side-by-side table the benchmark prints."""
    rows = [COLUMNS] + [
        (r.storage, str(r.kills), str(r.corrupt), str(r.neither), str(r.orphans)) for r in reports
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return "\n".join(lines)


def details(report: KillReport) -> str:
    """One line on the run behind a row: size, kill window, where the kills landed."""
    apps = (
        f", app started {report.app_starts - report.app_failures}/{report.app_starts}"
        if report.app_starts
        else ""
    )
    return (
        f"{report.storage}: store {report.store_bytes / 1e6:.1f} MB, file write "
        f"{report.window_seconds * 1000:.0f} ms, kills before the switch {report.old}, "
        f"after it {report.new}{apps}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the kill test on both storages and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500, help="kills per storage")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill delays")
    parser.add_argument("--app-every", type=int, default=20, help="start the app every N kills")
    parser.add_argument("--lanes", type=int, default=1, help="stores killed at once")
    parser.add_argument("--scale", type=float, default=2.0, help="catalog size (1: ~2.8 MB)")
    parser.add_argument("--folder", type=Path, help="where to write (default: a temp folder)")
    args = parser.parse_args(argv)
    versions = make_versions(Size().scaled(args.scale))
    reports, notes = [], []
    with tempfile.TemporaryDirectory(prefix="killtest-") as temp:
        root = args.folder or Path(temp)
        for storage in WRITERS:
            started = time.perf_counter()
            report = run_kills(
                storage,
                root / storage,
                args.kills,
                seed=args.seed,
                app_every=args.app_every,
                lanes=args.lanes,
                versions=versions,
            )
            reports.append(report)
            notes.append(f"{details(report)}; {time.perf_counter() - started:.0f} s")
            notes += [f"  {problem}" for problem in report.problems]
    print(table(reports), "", *notes, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
