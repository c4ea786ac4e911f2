"""The top line: the app's title and sub-title (the show), a running refresh's progress,
and whether spoilers are shown."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from diplomat_tui.widgets.state import app_state, spoilers_shown, watch_snapshot


class TitleBar(Static):
    """``diplomat-tui — The Diplomat``, kept up to date with the app's title and sub-title.

    Textual's Header shows the same with four widgets (and a clock space); one widget is
    enough here and keeps launch light. Both texts are shown literally, never as markup.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_titles, init=False)
        self.watch(self.app, "refresh_status", self._show_titles, init=False)
        watch_snapshot(self, lambda _snapshot: self._show_titles())
        self.watch(self.app, "sub_title", self._show_titles)

    def _show_titles(self) -> None:
        state = app_state(self)
        title = Content(self.app.title)
        if state.refresh_status:  # alone: the progress matters more than the name
            title = Content(state.refresh_status)
        elif self.app.sub_title:
            title = Content.assemble(title, (" — ", "$text-muted"), Content(self.app.sub_title))
        if spoilers_shown(state.snapshot):  # first: a narrow terminal cuts the end
            title = Content.assemble(("spoilers shown", "bold $warning"), " · ", title)
        shown = self.visual  # (a watched mark changes the snapshot, not the title)
        if not isinstance(shown, Content) or (shown.plain, shown.spans) != (
            title.plain,
            title.spans,
        ):
            self.update(title, layout=False)  # one line as wide as the screen: no layout
