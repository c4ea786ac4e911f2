"""The one gate every untrusted text passes: escapes and controls removed.

Text from articles and servers is data. It is reduced here to printable plain text
(no C0/C1 controls, no ANSI/OSC escape sequences, no bidi overrides) and the UI then
renders it as literal ``Content``, never as markup.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# strings (ESC P/X/^/_ ... ST), and any other two-character ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                 # CSI
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, SOS, PM, APC up to BEL/ST
    | \x9b[0-?]*[ -/]*[@-~]?                 # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x1b\\|\x9c|$)  # 8-bit string introducers
    | \x1b.?                                 # any other escape
    """,
    re.VERBOSE | re.DOTALL,
)
# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates (a JSON "\ud800" escape decodes to one; no file or terminal takes it).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Return ``text`` with escape sequences and control characters removed.

    Tabs become spaces, runs of spaces collapse, line breaks are kept (at most one
    blank line in a row) and the ends are stripped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str) -> str:
    """Return ``text`` cleaned and folded onto one line (for names and titles)."""
    if text.isprintable():
        # Nothing to remove: no escape, control, format (bidi) or surrogate character and
        # no whitespace but the ASCII space (all "not printable"). Most names and titles;
        # a long list draws thousands, so they skip the regular expressions.
        return " ".join(text.split())
    return " ".join(clean_text(text).split())
