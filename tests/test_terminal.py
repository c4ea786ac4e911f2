"""Where the output goes: no terminal, a terminal that cannot draw the app, closed pipes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from diplomat_tui.cli import main

from helpers.localserver import LocalServer
from helpers.tmux import installed_command, terminal

NO_TERMINAL = (
    "diplomat-tui: the app needs a terminal, and its {} is not one; to print what the store "
    "knows, run `diplomat-tui export`.\n"
)


def environ(data_dir: Path, **more: str) -> dict[str, str]:
    return {**os.environ, "DIPLOMAT_TUI_DATA_DIR": str(data_dir), **more}


def test_without_a_terminal_the_app_says_so_at_once(data_dir: Path, tmp_path: Path) -> None:
    """`diplomat-tui </dev/null >out 2>&1` used to spin at full CPU for ever."""
    out = tmp_path / "out"
    with out.open("wb") as sink:
        started = time.monotonic()
        result = subprocess.run(
            [installed_command()],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=environ(data_dir),
            timeout=30,
            check=False,
        )
    assert result.returncode == 1 and time.monotonic() - started < 10
    assert out.read_text() == NO_TERMINAL.format("input")
    assert not data_dir.exists()  # nothing was created for an app that could not start


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("shell", "message"),
    [
        # stdout on the terminal, stdin from /dev/null: once impossible to quit
        ("{app} </dev/null; echo status=$?", NO_TERMINAL.format("input")),
        ("{app} | cat; echo status=${{PIPESTATUS[0]}}", NO_TERMINAL.format("output")),
        (
            "TERM=dumb {app}; echo status=$?",
            "diplomat-tui: this terminal (TERM=dumb) cannot run the app: it needs one that moves "
            "the cursor and shows colours; to print what the store knows, run `diplomat-tui "
            "export`.\n",
        ),
    ],
)
def test_on_a_terminal_that_cannot_run_it_the_app_says_so(
    data_dir: Path, shell: str, message: str
) -> None:
    assert shutil.which("tmux"), "tmux is required for this test"
    command = ["bash", "--norc", "-c", shell.format(app=installed_command()) + "; sleep 30"]
    env = {"DIPLOMAT_TUI_DATA_DIR": str(data_dir), "TERM": "xterm-256color"}
    with terminal(command, env, size=(200, 10)) as term:
        screen = term.wait_for("status=")
    assert message.strip() in screen and "status=1" in screen


def refreshed(data_dir: Path, local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in local_server.environ().items():
        monkeypatch.setenv(name, value)
    assert main(["refresh"]) == 0


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_export_into_a_pipe_closed_early_ends_quietly(
    data_dir: Path,
    local_server: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    """`diplomat-tui export | head -1`: no BrokenPipeError traceback, the status of `cat`."""
    refreshed(data_dir, local_server, monkeypatch)
    capsys.readouterr()
    statuses = []
    for _ in range(10):
        process = subprocess.Popen(
            [installed_command(), "export", "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environ(data_dir),
        )
        assert process.stdout and process.stderr
        assert process.stdout.readline()
        process.stdout.close()  # what `head -1` does once it has its line
        statuses.append(process.wait(timeout=30))
        assert process.stderr.read() == b""
    assert set(statuses) <= {0, 141} and 141 in statuses, statuses


def test_refresh_goes_on_when_its_progress_pipe_closes(
    data_dir: Path, local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`diplomat-tui refresh 2>&1 | head -1` used to abort the refresh."""
    result = subprocess.run(
        ["bash", "-c", f"{installed_command()} refresh 2>&1 | head -1; echo ${{PIPESTATUS[0]}}"],
        env=environ(data_dir, **local_server.environ()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    first, status = result.stdout.splitlines()
    assert first.startswith(("TVmaze", "Netflix Top 10")) and status in {"0", "141"}
    assert result.stderr == ""
    kinds = {source["kind"] for source in exported(data_dir)["sources"]}
    assert {"tvmaze", "top10"} <= kinds  # the refresh was saved whole


def exported(data_dir: Path) -> dict:
    result = subprocess.run(
        [installed_command(), "export"],
        env=environ(data_dir),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
