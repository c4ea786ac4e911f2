"""Writing the config file: a commented sample to start from, and the theme the user picks.

Reading is :mod:`diplomat_tui.settings`'s (``tomllib``, at start). Writes go through
``tomlkit``, which keeps the user's comments and layout, and replace the file atomically.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

from diplomat_tui.errors import DiplomatError
from diplomat_tui.settings import (
    DEFAULT_TOP10_URL,
    DEFAULT_TVMAZE_URL,
    ENV_CONFIG_DIR,
    TVMAZE_IMAGE_HOST,
    Settings,
)

DEFAULT_THEME = "textual-dark"


SCOPE_TITLES = {
    "app": "Everywhere",
    "MainScreen": "On the main screen (panes and lists)",
    "MainScreen:list": "In a list, or the synopsis text",
    "MainScreen:charts": "In the Stats pane's charts (c or a click gives them the keyboard)",
    "DetailScreen": "In the details of a row (enter)",
    "HelpScreen": "On the help screen (?)",
}


def sample_config(
    settings: Settings, bindings: Iterable[tuple[str, str, str, str]], themes: Iterable[str]
) -> str:
    """A commented ``config.toml`` listing every setting, binding id (with its default keys
    and what it does, under where it works) and theme; ``bindings`` are
    ``(id, keys, description, scope)``, grouped by scope."""
    rows = list(bindings)
    settings_lines = [f'"{binding_id}" = "{keys}"' for binding_id, keys, _, _ in rows]
    width = max(map(len, settings_lines), default=0)
    key_lines: list[str] = []
    scope = None
    for line, (_, _, description, where) in zip(settings_lines, rows, strict=True):
        if where != scope:
            scope = where
            key_lines.append(f"# -- {SCOPE_TITLES.get(where, where)}")
        key_lines.append(f"# {line:<{width}}  # {description}")
    theme_lines = textwrap.wrap(
        "The colour theme. The one you pick in the command palette (ctrl+p, then 'theme') "
        "is saved here. Themes: " + ", ".join(themes) + ".",
        width=88,
        initial_indent="# ",
        subsequent_indent="# ",
        break_on_hyphens=False,
    )
    return "\n".join(
        [
            "# diplomat-tui configuration, written by `diplomat-tui config init`.",
            "# Every setting is optional; `diplomat-tui locate` says where this file lives",
            f"# (${ENV_CONFIG_DIR} picks another folder).",
            "",
            *theme_lines,
            f'theme = "{DEFAULT_THEME}"',
            "",
            "# Pictures (the poster, photos): false shows and fetches none (or --no-images).",
            "# images = true",
            "# How pictures are drawn: halfcell (coloured blocks: any terminal, tmux too),",
            "# sixel (foot, WezTerm, mlterm, xterm -ti vt340, Konsole, iTerm2, Windows",
            "# Terminal) or kitty (kitty, Ghostty). Or set $DIPLOMAT_TUI_GRAPHICS.",
            '# graphics = "halfcell"',
            "",
            "# Where ctrl+s saves SVG screenshots.",
            f"# screenshots = '{settings.screenshot_dir}'",  # literal: Windows backslashes
            "",
            "# Keys, by binding id: remove the '#' and list the keys you want, separated by",
            '# commas (e.g. "j,down,ctrl+n"). Letters, digits, enter, escape, tab, space, up,',
            "# down, left, right, home, end, pageup, pagedown, f1...f12, punctuation by name",
            "# (question_mark, slash) or as itself; ctrl+, shift+ or alt+ in front. Shown: the",
            "# default keys. A key given to two actions on the same screen gets a warning.",
            "[keys]",
            *key_lines,
            "",
            "# The public sources (the environment variables DIPLOMAT_TUI_TVMAZE_URL and",
            "# DIPLOMAT_TUI_TOP10_URL take precedence).",
            "[sources]",
            f'# tvmaze_url = "{DEFAULT_TVMAZE_URL}"',
            f'# top10_url = "{DEFAULT_TOP10_URL}"',
            "# The hosts pictures may come from (default: TVmaze's image host and its API's).",
            f'# image_hosts = ["{TVMAZE_IMAGE_HOST}"]',
            "",
        ]
    )


def write_sample_config(path: Path, text: str) -> None:
    """Write the sample ``text`` at ``path``; never over an existing file."""
    if path.exists():
        raise DiplomatError(
            f"the config file {path} already exists; it was left as is. To start again from "
            "the sample, move it aside and run `diplomat-tui config init` again"
        )
    _write(path, text)


def save_theme(path: Path, theme: str) -> None:
    """Set ``theme = ...`` in the config file at ``path`` (created if missing), keeping
    everything else in it as it was, comments included."""
    import tomlkit  # only when the theme changes

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise DiplomatError(
            f"cannot save the theme in the config file {path}: {_why(error)}"
        ) from None
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as error:
        raise DiplomatError(
            f"cannot save the theme in the config file {path}: it is not valid TOML ({error}); "
            "it was left as is"
        ) from None
    document["theme"] = theme
    _write(path, tomlkit.dumps(document))


def _write(path: Path, text: str) -> None:
    from diplomat_tui.store import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise DiplomatError(f"cannot write the config file {path}: {_why(error)}") from None


def _why(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)
