"""A picture (a poster, a headshot) drawn as half-cell blocks, or a neat placeholder.

By default each cell shows two pixels: ``▀`` in the top pixel's colour over the bottom
pixel's colour. That works in every terminal with true colour, tmux included, and is
exactly reproducible (snapshot tests). When the settings name Sixel or Kitty graphics,
the picture is drawn in real pixels with the sequences of :mod:`diplomat_tui.graphics`
(made from the decoded pixels, never from the downloaded bytes): Sixel data is drawn over
the widget's blank cells at the end of its last row, Kitty's is sent once and shown by
placeholder cells (Unicode placeholders) that scroll and clip like text. textual-image
0.12.0, the only library for them that installs on Python 3.11, is not used: importing
its renderables or widget queries the terminal, which cannot work once Textual runs.

The picture is loaded by a worker when the widget is mounted, through the app
(:class:`PictureLoader`: the app reaches the cache and the network, widgets never do): from
the cache (offline too) or fetched, decoded in a thread. Until then, and when there is no
picture, a placeholder says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rich.color import Color
from rich.segment import ControlType, Segment
from rich.style import Style
from textual.app import App, RenderResult
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from PIL.Image import Image

UPPER_HALF = "▀"
# A segment the terminal sees and the layout does not measure (Rich counts no cells in a
# control segment; the Strip's own cell length holds when a filter drops the flag):
# graphics sequences ride at the end of a row in one.
_RAW = ((ControlType.CURSOR_FORWARD, 0),)
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


def graphics_of(app: App[Any]) -> str:
    """How this app draws pictures: ``halfcell`` (the default), ``sixel`` or ``kitty``."""
    settings = getattr(app, "settings", None)
    return str(getattr(settings, "graphics", "halfcell"))


def fitted_box(image: Image, width: int, height: int, cell: tuple[int, int]) -> tuple[int, int]:
    """Cells across and down that ``image`` takes in ``width`` x ``height`` cells of
    ``cell`` pixels (aspect kept, at least one each way)."""
    scale = min(width * cell[0] / image.width, height * cell[1] / image.height)
    columns = round(image.width * scale / cell[0])
    rows = round(image.height * scale / cell[1])
    return max(1, min(width, columns)), max(1, min(height, rows))


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
        self._sixel: tuple[tuple[object, ...], str] | None = None  # (what it drew, data)
        self._kitty_sent: tuple[int, int, int] | None = None  # (image id, columns, rows)
        self._kitty_data: str | None = None  # Kitty messages not yet sent

    def on_mount(self) -> None:
        self.set_class(True, "-empty")
        self._start()

    def show_url(self, url: str | None) -> None:
        """Show the picture at ``url`` instead (nothing happens if it is the same)."""
        if url != self.url:
            self.url, self.image, self._strips = url, None, None
            self._sixel = self._kitty_sent = self._kitty_data = None
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
        self._sixel = self._kitty_sent = self._kitty_data = None
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
            if graphics_of(self.app) == "kitty":
                strips = self._kitty_strips(self.image, width, height)
            else:
                strips = half_block_strips(self.image, width, height)
            self._strips = ((width, height), strips)
        strips = self._strips[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in ``crop``; with Sixel or Kitty graphics, their sequences too."""
        protocol = graphics_of(self.app)
        if self.image is None or protocol == "halfcell":
            return super().render_lines(crop)
        if not self.screen.is_active:  # under a modal: the cells only (no stray pixels)
            return [Strip.blank(crop.width, self.rich_style)] * crop.height
        if protocol == "sixel":
            return self._sixel_lines(self.image, crop)
        lines = list(super().render_lines(crop))
        if lines and self._kitty_data is not None:  # sent once: the terminal keeps it
            first = lines[0]
            lines[0] = Strip([*first, Segment(self._kitty_data, None, _RAW)], first.cell_length)
            self._kitty_data = None
        return lines

    def _kitty_strips(self, image: Image, width: int, height: int) -> list[Strip]:
        """Placeholder cells for the picture (the sequences that send it go out with the
        next rows drawn)."""
        from diplomat_tui import graphics

        columns, rows = fitted_box(image, width, height, (1, 2))
        columns = min(columns, len(graphics.KITTY_DIACRITICS))
        rows = min(rows, len(graphics.KITTY_DIACRITICS))
        image_id = graphics.kitty_image_id(f"{self.url}|{columns}x{rows}")
        if self._kitty_sent != (image_id, columns, rows):
            self._kitty_sent = (image_id, columns, rows)
            self._kitty_data = graphics.kitty_transmit(image, image_id) + graphics.kitty_place(
                image_id, columns, rows
            )
        style = Style(color=Color.from_rgb(*graphics.kitty_colour(image_id)))
        left = (width - columns) // 2
        return [
            Strip([Segment(" " * left), Segment(text, style)], left + columns).adjust_cell_length(
                width
            )
            for text in graphics.kitty_rows(columns, rows)
        ] + [Strip.blank(width)] * (height - rows)

    def _sixel_lines(self, image: Image, crop: Region) -> list[Strip]:
        """Blank rows, the last one carrying the Sixel picture of the part in ``crop``:
        the terminal draws it over the blanks just written (cursor saved and restored)."""
        from PIL.Image import Resampling

        from diplomat_tui import graphics

        width, height = self.content_size
        cell = graphics.cell_pixels()
        columns, rows = fitted_box(image, width, height, cell)
        left = (width - columns) // 2
        shown = Region(left, 0, columns, rows).intersection(crop)
        blank = Strip.blank(crop.width, self.rich_style)
        lines = [blank] * crop.height
        if not shown:
            return lines
        key = (image.size, columns, rows, cell, shown)
        if self._sixel is None or self._sixel[0] != key:
            box = image.resize((columns * cell[0], rows * cell[1]), Resampling.LANCZOS)
            x, y = (shown.x - left) * cell[0], shown.y * cell[1]
            part = box.crop((x, y, x + shown.width * cell[0], y + shown.height * cell[1]))
            self._sixel = (key, graphics.sixel(part))
        origin = self.content_region.offset + shown.offset
        draw = f"\x1b7\x1b[{origin.y + 1};{origin.x + 1}H{self._sixel[1]}\x1b8"
        lines[-1] = Strip([*blank, Segment(draw, None, _RAW)], crop.width)
        return lines
