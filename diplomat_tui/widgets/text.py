"""Untrusted text made safe to show: cleaned, then wrapped as literal Content.

Everything from an article or a server reaches the screen through :func:`literal`
(or :func:`line` for one-line labels), never as a markup string, so ``[/x]`` cannot
crash the app and ``[@click=...]`` cannot run an action.
"""

from __future__ import annotations

from textual.content import Content

from diplomat_tui.sanitize import clean_line, clean_text

UNKNOWN = "unknown"


def literal(text: str | None, style: str = "") -> Content:
    """Multi-line untrusted text as literal Content (``unknown`` when None)."""
    return Content.styled(clean_text(text) if text is not None else UNKNOWN, style)


ROW_LIMIT = 120  # characters of one field in a list row; details show it whole


def line(text: str | None, style: str = "", limit: int | None = None) -> Content:
    """One-line untrusted text (names, titles) as literal Content, cut at ``limit``."""
    cleaned = clean_line(text) if text is not None else UNKNOWN
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1] + "…"
    return Content.styled(cleaned, style)


def field(label: str, value: str | None) -> Content:
    """``Label: value`` with the label dimmed; unknown values say so."""
    return Content.assemble(
        (f"{label}: ", "bold $text-muted"), line(value, "" if value else "italic $text-muted")
    )


_BREAK_AFTER = frozenset("/?&=+-_.,:;")


def break_long_words(text: str, width: int) -> str:
    """``text`` with each word longer than ``width`` (a URL, a path) broken into lines after
    its separators (``/``, ``?``, ``&``, ``=``, ``_``, ``.``...), so a notification's wrapping
    never cuts it mid-name. Words that fit, and words with no separator, are left as they are."""
    if width < 8:
        return text
    return "\n".join(
        " ".join(_broken(word, width) if len(word) > width else word for word in row.split(" "))
        for row in text.split("\n")
    )


def _broken(word: str, width: int) -> str:
    pieces: list[str] = []
    while len(word) > width:
        cut = max((i + 1 for i, ch in enumerate(word[:width]) if ch in _BREAK_AFTER), default=0)
        if cut == 0:
            break
        pieces.append(word[:cut])
        word = word[cut:]
    return "\n".join([*pieces, word])
