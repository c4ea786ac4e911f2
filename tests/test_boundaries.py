"""The architecture, checked where import-linter cannot see it.

`make lint` runs the import contracts of pyproject.toml (lint-imports): they follow
indirect imports, function-level ones included. What they cannot see is what importing
the app loads at run time (imports deferred to an action), and whether a new module is
covered by a contract at all: those are checked here.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import diplomat_tui

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
# The UI side: modules that may import textual (and so are outside the data contract).
UI_MODULES = {"app", "bindings", "cli", "commands", "__main__"}
UI_PACKAGES = {"screens", "widgets"}


def test_every_data_module_is_under_the_contract_that_keeps_it_from_the_ui() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    data = next(c for c in contracts["contracts"] if c["id"] == "data-no-ui")
    covered = {name.removeprefix("diplomat_tui.") for name in data["source_modules"]}
    top_level = {m.name for m in pkgutil.iter_modules(diplomat_tui.__path__)}
    assert top_level - UI_MODULES - UI_PACKAGES == covered


def test_starting_the_app_imports_no_network_code() -> None:
    code = "import sys, diplomat_tui.app, diplomat_tui.cli; print('httpx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_starting_the_app_leaves_what_only_some_actions_need() -> None:
    later = [
        "html.parser",  # refresh: TVmaze summaries
        "tomllib",  # a config file, if there is one
        "textual.widgets._tabs",  # narrow terminals
        "textual_plotext",  # the Stats pane's charts (with plotext)
        "plotext",
        "PIL",  # a picture to decode
        "diplomat_tui.images",  # a picture to load
        "diplomat_tui.graphics",  # Sixel or Kitty graphics, when named
        "diplomat_tui.screens.detail",  # enter on a row
        "diplomat_tui.screens.help",  # ?
        "diplomat_tui.article",  # creating the store, ingest, reset
    ]
    code = (
        "import sys, diplomat_tui.app, diplomat_tui.cli; "
        f"print([name for name in {later!r} if name in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
