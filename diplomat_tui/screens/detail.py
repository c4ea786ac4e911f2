"""A detail view: one record's facts and the sentences or URLs they came from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Static

from diplomat_tui.model import Snapshot
from diplomat_tui.widgets.details import Detail, DetailOf, source_block
from diplomat_tui.widgets.footer import KeyFooter
from diplomat_tui.widgets.messages import WatchedChange
from diplomat_tui.widgets.picture import Picture, pictures_on
from diplomat_tui.widgets.state import app_state, watch_snapshot
from diplomat_tui.widgets.text import line


class DetailScreen(Screen[None]):
    """Full-screen details of a cast member, episode, stat or source; Esc goes back.

    The view is made from the app's snapshot by ``detail_of`` and made again whenever
    the snapshot changes (a watched mark, the spoiler setting, a refresh).
    """

    class MarkWatched(WatchedChange):
        """The episode on show was marked watched or not (``w`` or the checkbox)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # a photo only when wide

    CSS = """
    DetailScreen #detail-pictures {
        dock: right;
        width: auto;
        height: auto;
        margin: 1 0 0 2;
    }

    DetailScreen #detail-pictures > Vertical {
        width: auto;
        height: auto;
        margin-left: 1;
    }

    DetailScreen .headshot, DetailScreen .character {
        width: 16;
        height: 11;
    }

    DetailScreen .still {
        width: 30;
        height: 9;
    }

    DetailScreen .picture-caption {
        width: 16;
        height: 1;
        color: $text-muted;
        text-align: center;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    DetailScreen.-narrow #detail-pictures {
        display: none;
    }

    DetailScreen #detail-body {
        padding: 0 2;
    }

    DetailScreen #detail-title {
        text-style: bold;
        color: $accent;
        margin: 1 0;
    }

    DetailScreen .detail-heading {
        margin-top: 1;
    }

    DetailScreen .detail-source {
        margin-top: 1;
        border-left: outer $accent;
        padding-left: 1;
    }
    """
    """Parsed when the screen is first shown, not at launch."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("w", "toggle_watched", "Watched", id="detail.watched"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="detail.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="detail.up"),
    ]

    def __init__(self, detail_of: DetailOf, detail: Detail) -> None:
        super().__init__()
        self.detail_of = detail_of
        self.detail = detail
        self.watched = self._is_watched(app_state(self).snapshot)

    def _is_watched(self, snapshot: Snapshot) -> bool:
        key = self.detail.watch_key
        return key is not None and key in snapshot.watched

    def on_mount(self) -> None:
        watch_snapshot(self, self._snapshot_changed)

    def _snapshot_changed(self, snapshot: Snapshot) -> None:
        """Make the view again; redraw it if what it shows changed."""
        detail = self.detail_of(snapshot) or self.detail  # (gone from the store: as it was)
        watched = detail.watch_key is not None and detail.watch_key in snapshot.watched
        if (detail, watched) != (self.detail, self.watched):
            self.detail, self.watched = detail, watched
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body"):
            if self.detail.pictures and pictures_on(self.app):
                with Horizontal(id="detail-pictures"):
                    for slot in self.detail.pictures:
                        with Vertical(classes=f"picture-{slot.kind}"):
                            yield Picture(slot.url, slot.what, classes=slot.kind)
                            if slot.caption:
                                yield Static(line(slot.caption), classes="picture-caption")
            yield Static(line(self.detail.title, "bold"), id="detail-title")
            if self.detail.watch_key:
                yield watched_box(self.watched)
            for fact in self.detail.facts:
                yield Static(fact, classes="detail-fact")
            heading = "Source" if len(self.detail.sources) == 1 else "Sources"
            yield Static(Content.styled(heading, "bold underline"), classes="detail-heading")
            if not self.detail.sources:
                yield Static(
                    Content.styled("No source recorded.", "italic"), classes="detail-source"
                )
            for source in self.detail.sources:
                yield Static(source_block(source), classes="detail-source")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer ``w`` only where there is something to mark watched."""
        if action == "toggle_watched":
            return self.detail.watch_key is not None
        return True

    def action_toggle_watched(self) -> None:
        """Mark this episode watched or not."""
        if self.detail.watch_key:
            self.post_message(self.MarkWatched([self.detail.watch_key], not self.watched))

    @on(Checkbox.Changed, "#detail-watched")
    def _watched_clicked(self, event: Checkbox.Changed) -> None:
        if self.detail.watch_key and event.value != self.watched:
            self.post_message(self.MarkWatched([self.detail.watch_key], event.value))

    def action_scroll(self, direction: str) -> None:
        """Scroll the details with the keyboard."""
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()


def watched_box(watched: bool) -> Checkbox:
    """The watched checkbox, its state in its mark and its words, not only in colour
    (which a 256-colour or monochrome terminal may barely show): ✓ Watched, or an empty
    box and Not watched."""
    box = Checkbox("Watched" if watched else "Not watched", watched, id="detail-watched")
    box.BUTTON_INNER = "✓" if watched else " "
    return box
