"""The Synopsis pane: the show at a glance, as the sources state it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from diplomat_tui.store import Snapshot
from diplomat_tui.widgets.text import field, line, literal


def synopsis_blocks(snapshot: Snapshot) -> list[tuple[str, Content]]:
    """(css class, content) blocks: title, facts, synopsis, description, quotes."""
    show = snapshot.catalog.show
    if show is None:
        return [("synopsis-title", Content.styled("No show in the store yet.", "italic"))]
    blocks = [
        ("synopsis-title", line(show.title, "bold $accent")),
        (
            "synopsis-facts",
            Content("\n").join(
                [
                    field("Network", show.network),
                    field("Created by", ", ".join(show.creators) or None),
                    field("Premiered", show.premiered),
                    field("Status", show.status),
                ]
            ),
        ),
    ]
    for heading, text in (("Synopsis", show.synopsis), ("Description", show.description)):
        if text:
            blocks += [
                ("synopsis-heading", Content.styled(heading, "bold underline")),
                ("synopsis-text", literal(text)),
            ]
    for quote in show.quotes:
        who = ", ".join(part for part in (quote.speaker, quote.speaker_title) if part)
        body = Content.assemble("“", literal(quote.text, "italic"), "”")
        if who:
            body = Content.assemble(body, "\n— ", line(who, "bold"))
        blocks.append(("synopsis-quote", body))
    return blocks


class SynopsisPane(VerticalScroll):
    """Title, network, creator, premiere, status, synopsis, description and quotes."""

    def __init__(self, snapshot: Snapshot, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        for css_class, content in synopsis_blocks(self.snapshot):
            yield Static(content, classes=css_class)

    def show(self, snapshot: Snapshot) -> None:
        """Redraw for a new snapshot."""
        self.snapshot = snapshot
        self.remove_children()
        self.mount_all([Static(content, classes=css) for css, content in synopsis_blocks(snapshot)])

    def focus_list(self) -> None:
        """The synopsis has no list: focus the scrolling text itself."""
        self.focus()
