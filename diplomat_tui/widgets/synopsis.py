"""The Synopsis pane: the show at a glance, as the sources state it."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from diplomat_tui.model import Snapshot
from diplomat_tui.queries import episode_title
from diplomat_tui.upcoming import upcoming
from diplomat_tui.widgets.claims import claimed_field
from diplomat_tui.widgets.pane import Pane
from diplomat_tui.widgets.picture import Picture, pictures_on
from diplomat_tui.widgets.progress import next_to_watch, progress_bar, watched_count
from diplomat_tui.widgets.state import app_state, watch_snapshot
from diplomat_tui.widgets.text import line, literal


def synopsis_blocks(snapshot: Snapshot) -> list[tuple[str, Content]]:
    """(css class, content) blocks: the text (title, facts, what's next, synopsis,
    description), then each quote. Few blocks: each is a widget to style at launch."""
    catalog = snapshot.catalog
    show = catalog.show
    if show is None:
        return [("synopsis-text", Content.styled("No show in the store yet.", "italic"))]
    paragraphs = [
        line(show.title, "bold $accent"),
        Content("\n").join(
            [
                claimed_field(catalog, "show", "network", "Network", show.network),
                claimed_field(
                    catalog, "show", "creators", "Created by", ", ".join(show.creators) or None
                ),
                claimed_field(catalog, "show", "premiered", "Premiered", show.premiered),
                claimed_field(catalog, "show", "status", "Status", show.status),
            ]
        ),
        _whats_next(snapshot),
    ]
    for heading, text in (("Synopsis", show.synopsis), ("Description", show.description)):
        if text:
            paragraphs.append(
                Content.assemble(Content.styled(heading, "bold underline"), "\n", literal(text))
            )
    blocks = [("synopsis-text", Content("\n\n").join(paragraphs))]
    for quote in show.quotes:
        who = ", ".join(part for part in (quote.speaker, quote.speaker_title) if part)
        body = Content.assemble("“", literal(quote.text, "italic"), "”")
        if who:
            body = Content.assemble(body, "\n— ", line(who, "bold"))
        blocks.append(("synopsis-quote", body))
    return blocks


def _whats_next(snapshot: Snapshot) -> Content:
    """Next to watch, and what the sources announce with how long until then."""
    catalog = snapshot.catalog
    episode = next_to_watch(catalog.episodes, snapshot.watched)
    if episode is not None:
        watch = Content.assemble(line(f"{episode.key} · {episode_title(episode)}", "$accent"))
    elif catalog.episodes:
        watch = Content.styled("all caught up", "$success")
    else:
        watch = Content.styled("no episodes known yet", "italic $text-muted")
    lines = [Content.assemble(("Next to watch: ", "bold $text-muted"), watch)]
    for item in upcoming(catalog, date.today()):
        lines.append(
            Content.assemble(("Coming: ", "bold $text-muted"), line(item.describe(date.today())))
        )
    done = watched_count(catalog.episodes, snapshot.watched)
    lines.append(
        Content.assemble(
            ("Progress: ", "bold $text-muted"), progress_bar(done, len(catalog.episodes))
        )
    )
    return Content("\n").join(lines)


class SynopsisPane(VerticalScroll, Pane):
    """Title, network, creator, premiere, status, synopsis, description and quotes."""

    KEYS_WHILE_FOCUSED = "list"  # keys scoped to it while focused (bindings.py)
    BINDINGS = [  # the list keys scroll the text (remapping list.down/up remaps these too)
        Binding("j", "scroll_down", "Down", show=False, id="list.down"),
        Binding("k", "scroll_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_home", "Top", show=False, id="list.first"),
        Binding("G", "scroll_end", "End", show=False, id="list.last"),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self._drawn = app_state(self).snapshot

    def compose(self) -> ComposeResult:
        if pictures_on(self.app):
            show = self._drawn.catalog.show
            yield Picture(show.image if show else None, "poster", classes="poster")
        for css_class, content in synopsis_blocks(self._drawn):
            yield Static(content, classes=css_class)

    def on_mount(self) -> None:
        watch_snapshot(self, self._snapshot_changed)

    def _snapshot_changed(self, snapshot: Snapshot) -> None:
        """Redraw now if on show (hidden, when next shown: a watched mark in the Episodes
        pane does not work out what's next among thousands of episodes)."""
        if self.display:
            self._draw(snapshot)

    def focus_list(self) -> None:
        """Draw the latest snapshot, then take the keys."""
        self._draw(app_state(self).snapshot)
        super().focus_list()

    def _draw(self, snapshot: Snapshot) -> None:
        """Redraw when what the synopsis shows (the catalog, the watched marks) changed."""
        old, self._drawn = self._drawn, snapshot
        if old.catalog is not snapshot.catalog or old.watched is not snapshot.watched:
            show = snapshot.catalog.show
            for poster in self.query(Picture):  # kept unless it changed
                poster.show_url(show.image if show else None)
            self.query(Static).remove()
            self.mount_all(
                [Static(content, classes=css) for css, content in synopsis_blocks(snapshot)]
            )
