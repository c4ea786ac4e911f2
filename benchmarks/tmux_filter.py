"""A filter typed in the app in tmux, as a user sees it: each key timed until the pane
shows what it shows once settled.

The headless benchmark (``bench_keys.py``) stops the clock when the frame is rendered;
here the frame is also written to a terminal and read back, which a key that redraws the
whole list pays for. The app runs on the large store at 120x36 in a private tmux server
(``escape-time`` 0); a first round is not timed, a second one, key by key with pauses,
records what each key's screen settles to (all but the title and the filter box rows,
where the cursor blinks), then each timed round sends the keys one at a time and polls
``capture-pane`` every 2 ms until the screen matches. ``esc`` includes Textual's wait for
a lone escape byte (``ESCDELAY``, 100 ms by default).

    python benchmarks/tmux_filter.py [--rounds N]    (diplomat-tui installed: make install)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import write_large_store

KEYS = ["/", *("Space" if c == " " else c for c in "part 199"), "BSpace", "BSpace", "Escape"]
POLL = 0.002


class Pane:
    """One tmux pane of a private server."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-S", str(self.socket), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def lines(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", "bench").splitlines()

    def send(self, key: str) -> None:
        self.tmux("send-keys", "-t", "bench", key)

    def wait(self, done: Callable[[list[str]], bool], timeout: float = 10.0) -> float:
        """Seconds until ``done`` holds for the screen (nan on timeout)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if done(self.lines()):
                return time.perf_counter() - start
            time.sleep(POLL)
        return float("nan")


def settled(lines: list[str]) -> list[str]:
    """The screen but the title and the filter box (its cursor blinks)."""
    return lines[4:]


def measure(data_dir: Path, socket: Path, rounds: int) -> list[list[float]]:
    """Milliseconds per key of :data:`KEYS`, one list per key."""
    pane = Pane(socket)
    app = f"{Path(sys.executable).parent / 'diplomat-tui'} --data-dir {data_dir}"
    pane.tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "36", "sleep 1000")
    try:
        pane.tmux("set", "-s", "escape-time", "0")
        pane.tmux("respawn-pane", "-k", "-t", "bench", app)
        pane.wait(lambda s: any("Quit" in line for line in s), 30)
        pane.send("3")
        pane.wait(lambda s: any("Season 1" in line for line in s), 30)
        expected = []
        for learning in (False, True):  # the first round leaves the state every round starts in
            for key in KEYS:
                pane.send(key)
                time.sleep(1.5)
                if learning:
                    expected.append(settled(pane.lines()))
            pane.send("g")
            time.sleep(1.0)
        times: list[list[float]] = [[] for _ in KEYS]
        for _ in range(rounds):
            for n, key in enumerate(KEYS):
                pane.send(key)
                times[n].append(1000 * pane.wait(lambda s, n=n: settled(s) == expected[n]))
                time.sleep(0.3)
            pane.send("g")
            time.sleep(1.0)
        pane.send("q")
        return times
    finally:
        pane.tmux("kill-server")


def main() -> None:
    """Build the large store, type the filter in tmux, print the times per key."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    if shutil.which("tmux") is None:
        raise SystemExit("tmux_filter: tmux is needed")
    with tempfile.TemporaryDirectory(prefix="diplomat-tmux-filter-") as temp:
        write_large_store(Path(temp) / "data")
        times = measure(Path(temp) / "data", Path(temp) / "tmux.sock", rounds)
    for key, values in zip(KEYS, times, strict=True):
        print(f"{key:7s} " + " ".join(f"{v:6.1f}" for v in values) + " ms")
    every = sorted(v for values in times for v in values)
    print(f"median {statistics.median(every):.1f} ms, max {every[-1]:.1f} ms, {len(every)} keys")


if __name__ == "__main__":
    main()
