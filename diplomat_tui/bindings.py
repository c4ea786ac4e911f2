"""Every key binding the app defines, by id, and what is wrong with a user's keymap.

The keymap (``[keys]`` in config.toml) maps binding ids to keys. Textual ignores an
unknown id, drops a binding whose keys are all misspelt and lets two actions share a
key without a word; here each of those becomes a one-line warning, and a misspelt key
is left out so the binding keeps its default keys rather than losing them.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, REPLACED_KEYS, Keys, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(key.value.rpartition("+")[2] for key in Keys) | frozenset(
    KEY_NAME_REPLACEMENTS.values()
)
APP_SCOPE = "app"
# Widgets with bindings all live on the main screen: their keys compete with its keys.
WIDGET_SCOPE = "MainScreen"
# ... except widgets whose keys work only while they have the keyboard: ``KEYS_WHILE_FOCUSED
# = "name"`` puts them in scope "MainScreen:name" (the lists and the synopsis text share
# "list", the Stats charts have "charts"), which competes with the main screen's own keys
# but not with another such scope's (never focused at the same time).


@dataclass(frozen=True)
class BindingInfo:
    """One binding: its id, default keys, what it does and where it works."""

    id: str
    keys: tuple[str, ...]
    description: str
    scope: str  # "app" (everywhere) or the name of the screen it works on


def normal_key(key: str) -> str:
    """A key as Textual names it: ``?`` -> ``question_mark``, ``/`` -> ``slash``."""
    key = key.strip()
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return key
    return KEY_NAME_REPLACEMENTS.get(name, name)


def is_key(key: str) -> bool:
    """Whether Textual can bind ``key`` (``j``, ``G``, ``question_mark``, ``ctrl+n``, ``f1``)."""
    *modifiers, base = key.split("+")
    if not base or not MODIFIERS.issuperset(modifiers):
        return False
    if len(base) == 1 or (base in _NAMED_KEYS and not base.startswith("<")):
        return True
    return key_to_character(REPLACED_KEYS.get(base, base)) is not None


def app_bindings() -> list[BindingInfo]:
    """Every binding with an id in the app, its screens and widgets (imports them all)."""
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

    for package in ("diplomat_tui.screens", "diplomat_tui.widgets"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            importlib.import_module(f"{package}.{info.name}")
    importlib.import_module("diplomat_tui.app")
    found: dict[str, BindingInfo] = {}
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("diplomat_tui."):
            continue
        if issubclass(cls, App):
            scope = APP_SCOPE
        elif issubclass(cls, Screen):
            scope = cls.__name__
        elif focused := getattr(cls, "KEYS_WHILE_FOCUSED", None):
            scope = f"{WIDGET_SCOPE}:{focused}"
        else:
            scope = WIDGET_SCOPE
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in found:
                keys = tuple(normal_key(k) for k in binding.key.split(","))
                found[binding.id] = BindingInfo(binding.id, keys, binding.description, scope)
    return sorted(found.values(), key=lambda b: (b.scope != APP_SCOPE, b.scope, b.id))


def _subclasses(cls: type[Any]) -> Iterator[type[Any]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def clean_keymap(keymap: Mapping[str, str], where: str) -> tuple[dict[str, str], list[str]]:
    """The keymap without keys Textual cannot bind, and a warning for each one left out.

    A binding none of whose keys is valid is left out, so it keeps its default keys.
    ``where`` names the config file in the warnings.
    """
    cleaned: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        listed = [key.strip() for key in keys.split(",") if key.strip()]
        good = [key for key in listed if is_key(normal_key(key))]
        bad = [key for key in listed if key not in good]
        if bad:
            kept = "its other keys are used" if good else "it keeps its default keys"
            warnings.append(f"{where}: {_names(bad)} for {binding_id} is not a key; {kept}")
        if good:
            cleaned[binding_id] = ",".join(good)
    return cleaned, warnings


def keymap_warnings(
    keymap: Mapping[str, str], bindings: list[BindingInfo], where: str
) -> list[str]:
    """Warnings for binding ids the app does not have, and for keys the keymap gives to
    two actions that work at the same time (on the same screen, or one everywhere)."""
    known = {binding.id for binding in bindings}
    warnings = [
        f"{where}: no binding is called {binding_id!r} (`diplomat-tui config init` lists them)"
        for binding_id in keymap
        if binding_id not in known
    ]
    keys_of = {
        binding.id: (
            tuple(normal_key(k) for k in keymap[binding.id].split(","))
            if binding.id in keymap
            else binding.keys
        )
        for binding in bindings
    }
    clashes: dict[str, set[str]] = {}
    for binding in bindings:
        for key in keys_of[binding.id]:
            if binding.id not in keymap or key in binding.keys:
                continue  # only keys the user gave a binding can clash by mistake
            for other in bindings:
                if other is not binding and key in keys_of[other.id] and _together(binding, other):
                    clashes.setdefault(key, set()).update((binding.id, other.id))
    warnings += [
        f"{where}: {key} is bound to {_names(sorted(ids), quote=False)}; only one can work"
        for key, ids in clashes.items()
    ]
    return warnings


def _together(a: BindingInfo, b: BindingInfo) -> bool:
    """Whether two bindings can both be active (same screen, or one works everywhere, or
    one on the main screen and one of a widget on it that works while focused)."""
    if a.scope == b.scope or APP_SCOPE in (a.scope, b.scope):
        return True
    return WIDGET_SCOPE in (a.scope, b.scope) and f"{WIDGET_SCOPE}:" in a.scope + b.scope


def _names(items: list[str], quote: bool = True) -> str:
    shown = [repr(item) if quote else item for item in items]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
