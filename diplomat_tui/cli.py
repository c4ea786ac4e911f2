"""The ``diplomat-tui`` command: the app, and ingest / refresh / export / reset / locate /
config init.

Every failure the user can cause (bad arguments, unreadable files, a damaged store, a
folder it may not open, no terminal) ends in one sentence on stderr and a non-zero exit
status, never a traceback. The sentence is printed with any control character escaped
(file names are untrusted text), and a recovery command in it names ``--data-dir`` when
one was given. A reader that closes the pipe early (``export | head -1``) ends the
command quietly, as it ends ``cat``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from diplomat_tui import __version__
from diplomat_tui.errors import DiplomatError
from diplomat_tui.model import Snapshot
from diplomat_tui.settings import ENV_DATA_DIR, Settings, load_settings
from diplomat_tui.store import COMMAND, Store

PROG = "diplomat-tui"
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `cat` cut short by `head`


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not usage plus a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see `{self.prog} --help`).\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line: the app by default, and its subcommands."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder of the store (default: the user data folder, or ${ENV_DATA_DIR})",
    )
    parser = _Parser(
        prog=PROG,
        parents=[common],
        description="A terminal fan companion for Netflix's The Diplomat. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--no-images", action="store_true", help="show no pictures and fetch none")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ingest = commands.add_parser(
        "ingest",
        parents=[common],
        help="add press articles about The Diplomat to the store",
        description="Extract the facts of press articles (plain text files) and merge them "
        "into the store, with the sentence each fact came from. All files are checked "
        "first: if one cannot be read or is about another series, nothing changes. What "
        "would be added and changed is shown first, each fact with its sentence; on a "
        "terminal you are asked before anything is saved.",
    )
    ingest.add_argument("files", metavar="FILE", nargs="+", type=Path, help="article text file")
    ingest_mode = ingest.add_mutually_exclusive_group()
    ingest_mode.add_argument("--yes", action="store_true", help="save without asking")
    ingest_mode.add_argument(
        "--dry-run", action="store_true", help="only show what would change; save nothing"
    )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="print the store as JSON or Markdown",
        description="Print everything the store knows, as JSON (stable shape) or a Markdown page.",
    )
    export.add_argument("--format", choices=("json", "markdown"), default="json")
    reset = commands.add_parser(
        "reset",
        parents=[common],
        help="start the catalog again from the shipped article (old files kept)",
        description="Recover from a damaged store: a copy of the current file is kept as "
        "store.json.<time>.old (never deleted or overwritten) and a new catalog is created "
        "from the shipped article. Your watched marks and preferences (user.json) are kept "
        "unless --all is given. On a terminal it asks first.",
    )
    reset.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help="also start your watched marks and preferences again (user.json is kept as .old)",
    )
    reset.add_argument("--yes", "-y", action="store_true", help="do not ask before resetting")
    commands.add_parser(
        "locate",
        parents=[common],
        help="print where the store, config file, cache and screenshots live",
        description="Print the path of each file and folder diplomat-tui uses.",
    )
    config = commands.add_parser(
        "config",
        help="write a sample config file",
        description="`diplomat-tui config init` writes a commented config.toml listing every "
        "setting, theme and key binding id (never over an existing file).",
    )
    config.add_subparsers(dest="config_command", metavar="ACTION", required=True).add_parser(
        "init",
        help="write a commented sample config.toml",
        description="Write a commented config.toml listing every setting, theme and key "
        "binding id with its default keys. An existing file is left as is.",
    )
    commands.add_parser(
        "refresh",
        parents=[common],
        help="update the store from TVmaze and Netflix Top 10",
        description="Fetch the episode guide, seasons, cast and crew from TVmaze and the "
        "weekly Top 10 figures from Netflix, then update the store in one step. Progress "
        "goes to stderr (a line before each request), a summary to stdout. A source that "
        "fails leaves its part of the store as it was, is named on stderr with the reason, "
        "and the exit status is 1; the other source's data is still saved. Answers are "
        "cached by their HTTP caching headers in the user cache folder "
        "($DIPLOMAT_TUI_CACHE_DIR): within TVmaze's hour it is not asked again. "
        "Source URLs: $DIPLOMAT_TUI_TVMAZE_URL, $DIPLOMAT_TUI_TOP10_URL.",
    ).add_argument(
        "--force",
        action="store_true",
        help="revalidate every cached answer with the servers now (Cache-Control: no-cache)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        settings = load_settings(getattr(args, "data_dir", None))
        if args.no_images:
            settings = replace(settings, images=False)
        return _run(args, settings)
    except BrokenPipeError:
        return _closed_pipe()
    except DiplomatError as error:
        return _fail(str(error))
    except OSError as error:  # a file or folder that cannot be used, named by the error
        where = f" {error.filename}" if error.filename else ""
        return _fail(f"cannot use{where}: {error.strerror or error}")
    except KeyboardInterrupt:
        return _fail("interrupted", status=130)


def _command(data_dir: str | None) -> str:
    """The command as the user would type it for this store: recovery hints name it."""
    return f"{PROG} --data-dir {shlex.quote(data_dir)}" if data_dir else COMMAND


def _fail(message: str, status: int = EXIT_ERROR) -> int:
    """Print ``message`` as the one line of an error and return ``status``."""
    try:
        print(f"{PROG}: {_sentence(printable(message))}", file=sys.stderr, flush=True)
    except BrokenPipeError:
        return _closed_pipe()
    return status


def printable(text: str) -> str:
    """``text`` on one line with every control or invisible formatting character (an escape
    sequence, a newline, a bidi override) shown as its Python escape, ``\\x1b``."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def _sentence(text: str) -> str:
    """``text`` ending as a sentence."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _closed_pipe() -> int:
    """The reader of stdout (or stderr) went away: stop quietly, as command-line tools do.

    Both streams are pointed at the null device first, so the flush at exit cannot fail
    a second time with a traceback.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):  # not a real file (e.g. under pytest)
            pass
    os.close(devnull)
    return EXIT_CLOSED_PIPE


def _out(text: str) -> None:
    """Print a message to stdout and flush, so a closed pipe is found here, not at exit."""
    print(text)
    sys.stdout.flush()


def _progress(source: str, status: str) -> None:
    """A refresh's progress line on stderr; if nobody reads it any more, the refresh goes on."""
    try:
        print(printable(f"{source}: {status}"), file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        pass


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "locate":
        return _locate(settings)
    if args.command == "config":
        return _config_init(settings)
    command = _command(getattr(args, "data_dir", None))
    if args.command is None:
        problem = _terminal_problem(command)
        if problem:
            raise DiplomatError(problem)
    _check_data_folder(settings.data_dir)
    store = Store(settings.store_path, command=command)
    if args.command == "reset":
        from diplomat_tui.ingest import seed_catalog

        if not args.yes and not _confirm(_reset_question(settings.data_dir, args.everything)):
            _out("not reset; nothing was changed")  # the user's answer, not a failure (as ingest)
            return 0
        kept = store.reset(seed_catalog(), everything=args.everything)
        kept_as = "".join(f"; the old file is kept as {path}" for path in kept)
        _out(printable(f"new store at {store.path}{kept_as}"))
        return 0
    if args.command == "export":
        from diplomat_tui.export import export_json, export_markdown

        snapshot = _export_snapshot(store)
        _out(export_json(snapshot) if args.format == "json" else export_markdown(snapshot))
        return 0
    if args.command == "ingest":  # creates the store only if it saves
        from diplomat_tui.ingest import run_ingest

        return run_ingest(store, args.files, yes=args.yes, dry_run=args.dry_run, out=_out)
    if store.exists():  # (the article rules and the merge are imported only to create it)
        store.remove_orphan_temp_files()
    else:
        from diplomat_tui.ingest import open_store

        open_store(store)
    if args.command == "refresh":
        return _refresh(store, settings, force=args.force)
    # The launch (Textual's modules, the records, the widgets) makes tens of thousands of
    # objects that live as long as the app: collections would find nothing. The collector
    # is paused until the first full frame is drawn (DiplomatApp.on_main_screen_built).
    gc.disable()
    from diplomat_tui.app import DiplomatApp

    DiplomatApp(store=store, snapshot=store.snapshot(), settings=settings).run()
    return 0


def _terminal_problem(command: str) -> str | None:
    """Why the app cannot run here (no terminal, or one that cannot draw it), if it cannot."""
    export = f"to print what the store knows, run `{command} export`"
    for name, stream in (("input", sys.stdin), ("output", sys.stdout)):
        if stream is None or not stream.isatty():
            return f"the app needs a terminal, and its {name} is not one; {export}"
    if os.environ.get("TERM") == "dumb":
        return (
            "this terminal (TERM=dumb) cannot run the app: it needs one that moves the "
            f"cursor and shows colours; {export}"
        )
    return None


def _check_data_folder(folder: Path) -> None:
    """A data folder that exists must be a folder this user may open (missing is fine:
    the commands that write create it)."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise DiplomatError(f"cannot open the data folder {folder}: {error.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise DiplomatError(
            f"the data folder {folder} is a file, not a folder: give --data-dir the folder "
            "that holds (or is to hold) store.json"
        )
    if not os.access(folder, os.R_OK | os.X_OK):
        raise DiplomatError(
            f"cannot open the data folder {folder}: Permission denied; give yourself access "
            f"(chmod u+rwx {shlex.quote(str(folder))}) or choose another with --data-dir"
        )


def _export_snapshot(store: Store) -> Snapshot:
    """What export prints, read without writing anything: the store, or when there is none
    yet the facts of the shipped article (what a new store would hold), said on stderr."""
    if store.exists():
        return store.snapshot(read_only=True)
    from diplomat_tui.ingest import seed_catalog

    print(
        f"{PROG}: there is no store at {printable(str(store.path))} yet, so this is what the "
        "shipped article says (nothing was written).",
        file=sys.stderr,
        flush=True,
    )
    return Snapshot(catalog=seed_catalog(), watched=frozenset(), prefs={})


def _reset_question(folder: Path, everything: bool) -> str:
    """What ``reset`` asks before it starts the store in ``folder`` again."""
    if everything:
        return (
            f"Start everything in {folder} again, your watched marks and preferences included? "
            "The old files are kept."
        )
    return (
        f"Start the store in {folder} again from the shipped article (your watched marks and "
        "preferences stay)? The old file is kept."
    )


def _confirm(question: str) -> bool:
    """Ask ``question`` on a terminal (yes is needed); elsewhere (a script) go ahead."""
    if not sys.stdin.isatty():
        return True
    try:
        answer = input(f"{printable(question)} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


def _locate(settings: Settings) -> int:
    """Print where every file and folder diplomat-tui uses lives."""
    config = settings.config_path
    store = Store(settings.store_path)
    rows = [
        ("store", store.path),
        ("backup", store.backup_path),
        ("user data", store.user_path),
        ("data folder", settings.data_dir),
        ("config", config),
        ("HTTP cache", settings.http_cache_path),
        ("screenshots", settings.screenshot_dir),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {printable(str(path))}" for label, path in rows]
    if not config.exists():
        lines.append(f"(no config file yet: `{PROG} config init` writes a commented sample)")
    _out("\n".join(lines))
    return 0


def _config_init(settings: Settings) -> int:
    """Write the commented sample config file and say where."""
    from textual.theme import BUILTIN_THEMES

    from diplomat_tui.bindings import app_bindings
    from diplomat_tui.config import sample_config, write_sample_config

    bindings = [(b.id, ",".join(b.keys), b.description, b.scope) for b in app_bindings()]
    write_sample_config(
        settings.config_path, sample_config(settings, bindings, sorted(BUILTIN_THEMES))
    )
    _out(f"wrote a sample config file at {printable(str(settings.config_path))}")
    return 0


def _refresh(store: Store, settings: Settings, *, force: bool) -> int:
    """``diplomat-tui refresh``: progress on stderr, the summary on stdout, one line on
    stderr per source that failed (and exit status 1)."""
    import asyncio

    from diplomat_tui.refresh import refresh

    result = asyncio.run(refresh(store, settings, _progress, force=force))
    if len(result.failed) < len(result.sources):
        _out("\n".join(map(printable, result.summary.describe().splitlines())))
    if settings.images and len(result.failed) < len(result.sources):
        _fetch_pictures(store, settings)
    for status in result.failed:
        _fail(str(status.error))
    return 0 if result.ok else EXIT_ERROR


def _fetch_pictures(store: Store, settings: Settings) -> None:
    """After a refresh has saved: the poster and headshots not cached yet, for offline use.
    Never fails the command (a picture that cannot be had is logged and skipped)."""
    import asyncio

    from diplomat_tui.images import fetch_missing

    report = asyncio.run(fetch_missing(store.snapshot().catalog, settings))
    if report.fetched:
        _progress("Pictures", f"{report.fetched} fetched for offline use")
