"""Drive a real terminal: start a command in a private tmux server, type, read the screen."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Terminal:
    """A tmux session on its own socket, so tests never touch the user's tmux."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )

    def send(self, *keys: str) -> None:
        """Type keys (tmux key names: Enter, Escape, q...), one at a time."""
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def screen(self) -> str:
        """The visible screen as text."""
        return self._tmux("capture-pane", "-p", "-t", self.session).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until ``text`` shows; fail with the last screen if it does not."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")

    def record(self, path: Path) -> None:
        """Append everything the command writes to the terminal from now on to ``path``
        (the raw bytes, escape sequences included: what the screen cannot show)."""
        self._tmux("pipe-pane", "-o", "-t", self.session, f"cat >> {shlex.quote(str(path))}")

    def is_alive(self) -> bool:
        """Whether the session (the command) is still running."""
        return self._tmux("has-session", "-t", self.session).returncode == 0


@contextmanager
def terminal(
    command: list[str], env: dict[str, str], size: tuple[int, int] = (120, 36)
) -> Iterator[Terminal]:
    """Run ``command`` in a fresh tmux session of ``size``; kill it afterwards."""
    socket = f"diplomat-test-{uuid.uuid4().hex[:8]}"
    session = "app"
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    shell = f"env {exports} {shlex.join(command)}"
    subprocess.run(
        [
            "tmux",
            "-L",
            socket,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            shell,
        ],
        check=True,
    )
    term = Terminal(socket, session)
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)


def installed_command() -> Path:
    """The ``diplomat-tui`` script next to the running Python (the tested install)."""
    import sys

    return Path(sys.executable).parent / "diplomat-tui"
