"""The top line: the app's title and sub-title (the show, or a refresh's progress)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


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
        self.watch(self.app, "sub_title", self._show_titles)

    def _show_titles(self) -> None:
        title, sub_title = self.app.title, self.app.sub_title
        if sub_title:
            self.update(Content.assemble(title, (" — ", "$text-muted"), sub_title))
        else:
            self.update(Content(title))
