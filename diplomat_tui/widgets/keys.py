"""Keys as the user has them: a binding's keys with the config file's remaps applied.

What the navigation, the tabs and the help screen show is read from here, so a key
remapped in ``config.toml`` shows everywhere it is named.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from diplomat_tui.widgets.state import app_state


def bound_keys(node: DOMNode, binding: Binding) -> list[str]:
    """The keys that run ``binding`` now (its own, or those the keymap gives its id)."""
    keys = binding.key
    if binding.id:
        keys = app_state(node).keymap.get(binding.id, keys)
    return [key.strip() for key in keys.split(",") if key.strip()]


def key_display(node: DOMNode, binding: Binding, first_only: bool = False) -> str:
    """The keys of ``binding`` as the footer writes them (``?``, ``^p``), space separated."""
    keys = bound_keys(node, binding)[: 1 if first_only else None]
    return " ".join(node.app.get_key_display(replace(binding, key=key)) for key in keys)
