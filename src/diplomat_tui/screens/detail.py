"""A detail view: one record's facts and the sentences or URLs they came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Static

from diplomat_tui.model import Source
from diplomat_tui.widgets.messages import SetWatched
from diplomat_tui.widgets.text import line, literal


@dataclass(frozen=True)
class Detail:
    """What a detail view shows: a title, lines of facts, and the sources behind them.

    ``watch_key`` adds a Watched checkbox (episodes); ``rebuild`` recomputes the
    detail after the store or a preference changed (watched marks, spoilers).
    """

    title: str
    facts: list[Content] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    watch_key: str | None = None
    rebuild: Callable[[], Detail | None] | None = None


def source_block(source: Source) -> Content:
    """A source as shown in a detail view: what it is, and the quoted sentence if any."""
    where = source.url or ("shipped with diplomat-tui" if source.kind == "article" else None)
    parts = [
        Content.assemble((f"{source.kind}: ", "bold $accent"), line(source.title)),
    ]
    if source.quote:
        parts.append(literal(source.quote, "italic"))
    if where:
        parts.append(line(where, "$text-muted"))
    if source.fetched:
        parts.append(
            Content.assemble(("fetched ", "$text-muted"), line(source.fetched, "$text-muted"))
        )
    return Content("\n").join(parts)


class DetailScreen(Screen[None]):
    """Full-screen details of a cast member, episode, stat or source; Esc goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("w", "toggle_watched", "Watched", id="detail.watched"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="detail.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="detail.up"),
    ]

    def __init__(self, detail: Detail, watched: bool = False) -> None:
        super().__init__()
        self.detail = detail
        self.watched = watched

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body"):
            yield Static(line(self.detail.title, "bold"), id="detail-title")
            if self.detail.watch_key:
                yield Checkbox("Watched", self.watched, id="detail-watched")
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
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer ``w`` only where there is something to mark watched."""
        if action == "toggle_watched":
            return self.detail.watch_key is not None
        return True

    async def update_detail(self, watched: bool) -> None:
        """Recompute and redraw after a watched mark or the spoiler setting changed."""
        self.watched = watched
        if self.detail.rebuild and (detail := self.detail.rebuild()):
            self.detail = detail
        await self.recompose()

    def action_toggle_watched(self) -> None:
        """Mark this episode watched or not."""
        if self.detail.watch_key:
            self.post_message(SetWatched([self.detail.watch_key], not self.watched))

    @on(Checkbox.Changed, "#detail-watched")
    def _watched_clicked(self, event: Checkbox.Changed) -> None:
        if self.detail.watch_key and event.value != self.watched:
            self.post_message(SetWatched([self.detail.watch_key], event.value))

    def action_scroll(self, direction: str) -> None:
        """Scroll the details with the keyboard."""
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()
