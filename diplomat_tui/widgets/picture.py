"""A picture (a poster, a headshot) drawn as half-cell blocks, or a neat placeholder.

Each cell shows two pixels: ``▀`` in the top pixel's colour over the bottom pixel's
colour. That works in every terminal with true colour, tmux included, and is exactly
reproducible (snapshot tests). Kitty and Sixel graphics are not drawn: the only library
for them that installs on Python 3.11 (textual-image 0.12.0) queries the terminal when it
is imported, which cannot work once Textual owns the terminal.

The picture is loaded by a worker when the widget is mounted, through the app
(:class:`PictureLoader`: the app reaches the cache and the network, widgets never do): from
the cache (offline too) or fetched, decoded in a thread. Until then, and when there is no
picture, a placeholder says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.app import App, RenderResult
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from PIL.Image import Image

UPPER_HALF = "▀"
log = logging.getLogger(__name__)


@runtime_checkable
class PictureLoader(Protocol):
    """What a Picture needs of its app: the picture at a URL (None if there is none)."""

    async def load_picture(self, url: str) -> Image | None:
        """The picture at ``url``, from the cache or fetched."""


def pictures_on(app: App[Any]) -> bool:
    """Whether this app shows pictures (off with ``--no-images`` or the config)."""
    settings = getattr(app, "settings", None)
    return bool(settings is not None and settings.images)


def half_block_strips(image: Image, width: int, height: int) -> list[Strip]:
    """``image`` fitted into ``width`` x ``height`` cells (two pixels a cell, aspect kept),
    centred across and drawn from the top; one Strip per row, each ``width`` cells."""
    from PIL.Image import Resampling  # loaded with the picture, off the UI thread

    if width < 1 or height < 1:
        return []
    scale = min(width / image.width, 2 * height / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    pixels = image.resize(size, Resampling.LANCZOS).load()
    assert pixels is not None
    columns, rows = size
    left = (width - columns) // 2
    styles: dict[tuple[Any, Any], Style] = {}
    strips = []
    for top in range(0, rows, 2):
        segments = [Segment(" " * left)] if left else []
        for x in range(columns):
            upper = pixels[x, top]
            lower = pixels[x, top + 1] if top + 1 < rows else None
            assert isinstance(upper, tuple) and not isinstance(lower, float)  # RGB pixels
            style = styles.get((upper, lower))
            if style is None:
                style = styles[(upper, lower)] = Style(
                    color=Color.from_rgb(*upper),
                    bgcolor=Color.from_rgb(*lower) if lower is not None else None,
                )
            segments.append(Segment(UPPER_HALF, style))
        strips.append(Strip(segments).adjust_cell_length(width))
    return strips + [Strip.blank(width)] * (height - len(strips))


class Picture(Widget):
    """A picture from a URL; ``what`` ("poster", "photo") names it in the placeholder."""

    DEFAULT_CSS = """
    Picture {
        width: 24;
        height: 18;
    }
    Picture.-empty {
        border: round $panel-lighten-2;
        color: $text-muted;
        content-align: center middle;
        text-style: italic;
    }
    """

    def __init__(self, url: str | None, what: str, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.url = url
        self.what = what
        self.image: Image | None = None
        self.loading_picture = False
        self._strips: tuple[tuple[int, int], list[Strip]] | None = None

    def on_mount(self) -> None:
        self.set_class(True, "-empty")
        self._start()

    def show_url(self, url: str | None) -> None:
        """Show the picture at ``url`` instead (nothing happens if it is the same)."""
        if url != self.url:
            self.url, self.image, self._strips = url, None, None
            self.set_class(True, "-empty")
            self._start()

    def _start(self) -> None:
        if self.url:
            self.loading_picture = True
            self.run_worker(
                self._load(self.url), group="picture", exclusive=True, exit_on_error=False
            )
        self.refresh()

    async def _load(self, url: str) -> None:
        app = self.app
        try:
            image = await app.load_picture(url) if isinstance(app, PictureLoader) else None
        except Exception:  # a picture never takes the app down: the placeholder stays
            log.exception("picture %s could not be shown", url[:200])
            image = None
        if url != self.url:
            return
        self.image, self._strips, self.loading_picture = image, None, False
        self.set_class(image is None, "-empty")
        self.refresh()

    def render(self) -> RenderResult:
        """The placeholder (the picture itself is drawn by :meth:`render_line`)."""
        if self.loading_picture:
            return Content(f"Loading {self.what}…")
        if self.url:
            return Content(f"{self.what.capitalize()} unavailable")
        return Content(f"No {self.what}")

    def render_line(self, y: int) -> Strip:
        """A row of the picture, or of the placeholder while there is none."""
        if self.image is None:
            return super().render_line(y)
        width, height = self.content_size
        if self._strips is None or self._strips[0] != (width, height):
            self._strips = ((width, height), half_block_strips(self.image, width, height))
        strips = self._strips[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width)
