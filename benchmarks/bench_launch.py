"""Launch in a real terminal: time to the first frame and to the full frame, CPU, memory.

Each program runs in a private tmux server (its own socket) in a 120x36 pane. The server
and an idle placeholder pane are started first, so tmux's own start-up is not timed; the
clock starts when the pane is respawned with the program. The first frame is the moment
its ``title`` text is on the screen; the full frame, when every one of its ``ready`` texts
is (``capture-pane``, polled every few ms). CPU is the user + system time the program's
processes have used at the full frame (``/proc/<pid>/task/*/schedstat``). Peak memory is the
``VmHWM`` of the program's process, read from ``/proc`` before it is killed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bare_app import READY

HERE = Path(__file__).resolve().parent
SIZE = (120, 36)
POLL = 0.004  # seconds between two screen captures
TIMEOUT = 30.0
SETTLE = 0.3  # seconds after the first frame before the peak memory is read
KIB = 1024


@dataclass(frozen=True)
class Program:
    """A command to launch, and the texts that together mean its first full frame is drawn."""

    name: str
    argv: list[str]
    title: str  # the text of its first frame
    ready: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Launch:
    """One launch: seconds to the first and to the full frame, CPU seconds by the full
    frame, peak resident memory in MiB."""

    first_frame: float
    seconds: float
    cpu_seconds: float
    peak_mib: float


def installed_command() -> Path:
    """The ``diplomat-tui`` script next to the running Python (the installed app)."""
    return Path(sys.executable).parent / "diplomat-tui"


def bare_program() -> Program:
    """The baseline: a bare Textual app (a Static and a Footer), started the same way."""
    return Program("bare", [sys.executable, str(HERE / "bare_app.py")], READY, (READY, "Quit"))


def app_program(name: str, data_dir: Path, config_dir: Path) -> Program:
    """The installed ``diplomat-tui`` on the store in ``data_dir``, with no config file.

    Ready when the synopsis, its progress line and the footer are all drawn.
    """
    return Program(
        name,
        [str(installed_command()), "--data-dir", str(data_dir)],
        "diplomat-tui",
        ("Kate Wyler", "Progress:", "Quit"),
        {"DIPLOMAT_TUI_CONFIG_DIR": str(config_dir)},
    )


def _tmux(socket: str, *args: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=True)
    return done.stdout


@contextmanager
def _tmux_server() -> Iterator[str]:
    """A private tmux server with one idle pane of :data:`SIZE`; yields its socket name."""
    socket = f"diplomat-bench-{uuid.uuid4().hex[:8]}"
    width, height = SIZE
    _tmux(
        socket, "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 600"
    )
    path = Path(_tmux(socket, "display-message", "-p", "#{socket_path}").strip())
    try:
        yield socket
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
        path.unlink(missing_ok=True)  # tmux leaves its socket file behind


def _wait_for(socket: str, texts: tuple[str, ...]) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "bench")
        if all(text in screen for text in texts):
            return
        time.sleep(POLL)
    raise RuntimeError(f"{texts!r} never all showed; last screen:\n{screen}")


def _cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` and its descendants so far, every thread of each.

    Read from ``/proc/<pid>/task/<tid>/schedstat`` (nanoseconds on a CPU), not from the
    clock ticks of ``/proc/<pid>/stat``, whose 10 ms steps were a twentieth of a launch.
    """
    nanoseconds = 0
    for process in [pid, *_descendants(pid)]:
        try:
            tasks = list(Path(f"/proc/{process}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                nanoseconds += int((task / "schedstat").read_text().split()[0])
            except OSError:
                continue
    return nanoseconds / 1e9


def _peak_mib(pid: int) -> float:
    """The largest VmHWM of ``pid`` and its descendants (the app, not ``env``)."""
    peaks = [_vm_hwm_kib(p) for p in [pid, *_descendants(pid)]]
    return max(peaks) / KIB


def _vm_hwm_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rpartition(")")[2].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo += children.get(child, [])
    return found


def launch(program: Program) -> Launch:
    """Launch ``program`` once in tmux; time its first full frame and read its peak RSS."""
    env = [f"{key}={value}" for key, value in {"TERM": "xterm-256color", **program.env}.items()]
    with _tmux_server() as socket:
        start = time.perf_counter()
        _tmux(socket, "respawn-pane", "-k", "-t", "bench", "env", *env, *program.argv)
        _wait_for(socket, (program.title,))
        first_frame = time.perf_counter() - start
        _wait_for(socket, program.ready)
        seconds = time.perf_counter() - start
        pid = int(_tmux(socket, "display-message", "-p", "-t", "bench", "#{pane_pid}"))
        cpu = _cpu_seconds(pid)
        time.sleep(SETTLE)
        return Launch(first_frame, seconds, cpu, _peak_mib(pid))


def measure(repeats: int, large_store_dir: Path) -> dict[str, list[Launch]]:
    """Launch the bare app, the app on the shipped store and on the large store, in turn.

    One warm-up launch of each first (bytecode and file caches); then ``repeats`` rounds,
    the three programs interleaved so that a noisy moment hits them alike.
    """
    if not shutil.which("tmux"):
        raise RuntimeError("tmux is required for the launch benchmarks")
    if not installed_command().exists():
        raise RuntimeError(f"{installed_command()} is missing: run `make bench`")
    with tempfile.TemporaryDirectory(prefix="diplomat-bench-") as temp:
        shipped_dir, config_dir = Path(temp, "shipped"), Path(temp, "config")
        config_dir.mkdir()
        programs = [
            bare_program(),
            app_program("shipped", shipped_dir, config_dir),
            app_program("large", large_store_dir, config_dir),
        ]
        for program in programs:  # also creates the shipped store, outside the timings
            launch(program)
        assert (shipped_dir / "store.json").exists(), "the first launch did not create a store"
        launches: dict[str, list[Launch]] = {program.name: [] for program in programs}
        for _ in range(repeats):
            for program in programs:
                launches[program.name].append(launch(program))
    return launches
