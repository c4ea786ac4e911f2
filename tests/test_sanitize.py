"""The sanitizer: HTML to plain text, and no escape sequence or control survives."""

from __future__ import annotations

import pytest

from diplomat_tui.sanitize import clean_line, clean_text
from diplomat_tui.sources.html_text import html_to_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("clip\x1b]52;c;Zm9vYmFy\x07board", "clipboard"),
        ("wipe\x1b[2Jscreen", "wipescreen"),
        ("title\x1b]0;pwned\x1b\\bar", "titlebar"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("red\x1b[31mtext\x1b[0m", "redtext"),
        ("csi\x9b2Jeight", "csieight"),
        ("bell\x07 back\x08space", "bell backspace"),
        ("rtl\u202eevil\u202c and \u2066iso\u2069", "rtlevil and iso"),
        ("emoji 🎬 stays", "emoji 🎬 stays"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
    ],
)
def test_clean_text_removes_escapes_and_controls(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_paragraphs_but_not_runs_of_blank_lines() -> None:
    assert clean_text("one\r\n\r\n\r\n\r\ntwo\tthree  four") == "one\n\ntwo three four"


def test_clean_line_folds_onto_one_line() -> None:
    assert clean_line("  Kate\n  Wyler ") == "Kate Wyler"


def test_html_to_text_drops_tags_and_scripts_and_decodes_entities() -> None:
    html = (
        "<p>Kate &amp; Hal</p><script>alert('x')</script><style>p{}</style>"
        "<p>a &lt; b &#91;x&#93;</p>"
    )
    assert html_to_text(html) == "Kate & Hal\n\na < b [x]"


def test_html_to_text_decodes_once_only() -> None:
    assert html_to_text("&amp;lt;b&amp;gt;") == "&lt;b&gt;"


def test_html_to_text_keeps_line_breaks_and_bare_less_than() -> None:
    assert html_to_text("a < b<br>c") == "a < b\nc"
