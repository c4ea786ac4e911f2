"""The ``diplomat-tui`` command: the app, and ingest / export / reset.

Every failure the user can cause (bad arguments, unreadable files, a damaged store)
ends in one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from diplomat_tui import __version__
from diplomat_tui.errors import DiplomatError
from diplomat_tui.model import Snapshot
from diplomat_tui.settings import ENV_DATA_DIR, Settings, load_settings
from diplomat_tui.store import Store

PROG = "diplomat-tui"
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not usage plus a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line: the app by default, and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
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
    commands.add_parser(
        "reset",
        parents=[common],
        help="move the store aside (kept) and start again from the shipped article",
        description="Recover from a damaged store: the current file is renamed "
        "store.json.<time>.old (never deleted) and a new store is created.",
    )
    commands.add_parser(
        "refresh",
        parents=[common],
        help="update the store from TVmaze and Netflix Top 10",
        description="Fetch the episode guide, seasons, cast and crew from TVmaze and the "
        "weekly Top 10 figures from Netflix, then update the store in one step. Progress "
        "goes to stderr, a summary to stdout. If any source fails, nothing changes. "
        "Source URLs: $DIPLOMAT_TUI_TVMAZE_URL, $DIPLOMAT_TUI_TOP10_URL.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(getattr(args, "data_dir", None))
        return _run(args, settings)
    except DiplomatError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from diplomat_tui.ingest import open_store, seed_catalog

    store = Store(settings.store_path)
    if args.command == "reset":
        kept = store.reset(seed_catalog())
        print(f"new store at {store.path}" + (f"; the old file is kept as {kept}" if kept else ""))
        return 0
    open_store(store)
    if args.command == "ingest":
        from diplomat_tui.ingest import run_ingest

        return run_ingest(store, args.files, yes=args.yes, dry_run=args.dry_run)
    if args.command == "export":
        from diplomat_tui.export import export_json, export_markdown

        snapshot = store.snapshot()
        print(export_json(snapshot) if args.format == "json" else export_markdown(snapshot))
        return 0
    if args.command == "refresh":
        import asyncio

        from diplomat_tui.refresh import refresh

        summary = asyncio.run(
            refresh(
                store,
                settings,
                lambda source, status: print(f"{source}: {status}", file=sys.stderr, flush=True),
            )
        )
        print(summary.describe())
        return 0
    from diplomat_tui.app import DiplomatApp

    DiplomatApp(store=store, snapshot=_launch_snapshot(store), settings=settings).run()
    return 0


def _launch_snapshot(store: Store) -> Snapshot:
    """The store read for launch, with the garbage collector paused while the records are
    made (tens of thousands of new objects would trigger collections that find nothing)
    and the loaded records then moved out of its way (``gc.freeze``) for the session."""
    gc.disable()
    try:
        snapshot = store.snapshot()
    finally:
        gc.enable()
    gc.freeze()
    return snapshot
