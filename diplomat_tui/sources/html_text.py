"""HTML fragments (TVmaze's summaries) as plain text, then through the one gate.

Kept out of :mod:`diplomat_tui.sanitize` so that launching the app does not load
``html.parser``: only a refresh reads HTML.
"""

from __future__ import annotations

from html.parser import HTMLParser

from diplomat_tui.sanitize import clean_text


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment, keeping paragraph breaks."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "blockquote"}
    )
    _DROPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._DROPPED:
            self._dropping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in self._BLOCKS and tag != "br":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Return the plain text of an HTML fragment: tags and scripts dropped,
    entities decoded, paragraphs kept as blank lines, then :func:`clean_text`."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return clean_text("".join(parser.parts))
