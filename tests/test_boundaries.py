"""The architecture, checked: the UI never imports tinydb or httpx, the data layer never
imports textual, and starting the app imports no network code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import diplomat_tui

PACKAGE = Path(diplomat_tui.__file__).parent
UI_MODULES = [
    PACKAGE / "app.py",
    PACKAGE / "bindings.py",
    PACKAGE / "commands.py",
    *PACKAGE.glob("screens/*.py"),
    *PACKAGE.glob("widgets/*.py"),
]
DATA_MODULES = [
    p for p in PACKAGE.rglob("*.py") if p not in UI_MODULES and p.name not in {"cli.py"}
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_ui_modules_never_import_tinydb_or_httpx() -> None:
    assert UI_MODULES
    for path in UI_MODULES:
        assert not imported_modules(path) & {"tinydb", "httpx"}, path


def test_data_modules_never_import_textual() -> None:
    for path in DATA_MODULES:
        assert "textual" not in imported_modules(path), path


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
        "textual.widgets._sparkline",  # the Stats pane
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
