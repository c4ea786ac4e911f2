"""Terminal graphics: a decoded picture as Sixel or Kitty escape sequences.

Half-cell blocks (``widgets/picture.py``) work in every true-colour terminal, tmux
included, and are the default. Sixel (xterm -ti vt340, foot, WezTerm, mlterm, Konsole,
iTerm2, Windows Terminal) and the Kitty graphics protocol (kitty, Ghostty) draw
real pixels when the config (``graphics = "sixel"``) or ``DIPLOMAT_TUI_GRAPHICS`` names
the protocol: nothing asks the terminal what it supports, since Textual reads every
answer once it runs.

The sequences are made here, from decoded RGB pixels only: no byte of a downloaded file
reaches the terminal. Both encoders are deterministic (same pixels, same string).
"""

from __future__ import annotations

import base64
import re
import sys
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

SIXEL_COLOURS = 64  # palette size of a Sixel picture (a photo needs no more at this size)
DEFAULT_CELL = (10, 20)  # pixels of a cell when the terminal does not say (a VT340's)
KITTY_CHUNK = 4096  # base64 bytes per Kitty message, as the protocol asks
KITTY_PLACEHOLDER = "\U0010eeee"
# The first combining marks of Kitty's rowcolumn-diacritics.txt: the row or column number
# of a placeholder cell (0, 1, 2 ...). A picture is at most this many cells across and high.
KITTY_DIACRITICS = (
    "\u0305\u030d\u030e\u0310\u0312\u033d\u033e\u033f\u0346\u034a\u034b\u034c"
    "\u0350\u0351\u0352\u0357\u035b\u0363\u0364\u0365\u0366\u0367\u0368\u0369"
    "\u036a\u036b\u036c\u036d\u036e\u036f\u0483\u0484\u0485\u0486\u0487\u0592"
    "\u0593\u0594\u0595\u0597\u0598\u0599\u059c\u059d\u059e\u059f\u05a0\u05a1"
    "\u05a8\u05a9\u05ab\u05ac\u05af\u05c4\u0610\u0611\u0612\u0613\u0614\u0615"
    "\u0616\u0617\u0657\u0658"
)
_RUN = re.compile(rb"([\x3f-\x7e])\1{3,}")  # four or more equal sixels: "!<count><sixel>"


def cell_pixels() -> tuple[int, int]:
    """A terminal cell's width and height in pixels, as the kernel knows them
    (TIOCGWINSZ: no question to the terminal), else :data:`DEFAULT_CELL`."""
    try:
        import fcntl
        import struct
        import termios

        packed = fcntl.ioctl(sys.__stdout__.fileno(), termios.TIOCGWINSZ, bytes(8))  # type: ignore[union-attr]
        rows, columns, width, height = struct.unpack("HHHH", packed)
    except (ImportError, OSError, AttributeError, ValueError):
        return DEFAULT_CELL
    if not (rows and columns and width and height):
        return DEFAULT_CELL
    return max(1, width // columns), max(1, height // rows)


def sixel(image: Image, colours: int = SIXEL_COLOURS) -> str:
    """``image`` (RGB) as one Sixel sequence (DCS ... ST), at most ``colours`` colours.

    The colours are picked by median cut without dithering; each band of six pixel rows
    gives, colour by colour, the sixels of the columns in that colour (runs of four or
    more written ``!<count><sixel>``), colours separated by ``$`` and bands by ``-``.
    """
    from PIL.Image import Dither, Quantize

    width, height = image.size
    indexed = image.quantize(colours, method=Quantize.MEDIANCUT, dither=Dither.NONE)
    palette = indexed.getpalette() or []
    pixels = indexed.tobytes()
    masks = {index: _masks(index) for index in sorted(set(pixels))}
    out = [f'\x1bP0;1;0q"1;1;{width};{height}']
    for index in masks:
        red, green, blue = palette[3 * index : 3 * index + 3]
        out.append(f"#{index};2;{_percent(red)};{_percent(green)};{_percent(blue)}")
    for top in range(0, height, 6):
        rows = [pixels[y * width : (y + 1) * width] for y in range(top, min(top + 6, height))]
        band = []
        for index in sorted(set().union(*rows)):
            # one byte per column, bit k set where row k of the band is in this colour
            # (the rows' bytes are added as big integers: no two rows share a bit)
            bits = sum(
                int.from_bytes(row.translate(mask), "big")
                for row, mask in zip(rows, masks[index], strict=False)
            )
            band.append(f"#{index}" + _compress(bits.to_bytes(width, "big")))
        out.append("$".join(band))
        if top + 6 < height:
            out.append("-")
    out.append("\x1b\\")
    return "".join(out)


def _masks(index: int) -> list[bytes]:
    """Six translation tables: palette ``index`` becomes sixel bit k, every other 0."""
    tables = []
    for bit in range(6):
        table = bytearray(256)
        table[index] = 1 << bit
        tables.append(bytes(table))
    return tables


def _percent(value: int) -> int:
    """An 8-bit channel as Sixel's 0-100."""
    return (value * 100 + 127) // 255


_SIXEL_CHARS = bytes(range(0x3F, 0x3F + 64)) + bytes(192)  # bits 0-63 -> "?" .. "~"


def _compress(bits: bytes) -> str:
    """Sixel characters, runs of four or more written ``!<count><char>``."""
    chars = bits.translate(_SIXEL_CHARS)
    return _RUN.sub(lambda run: b"!%d%s" % (len(run[0]), run[1]), chars).decode("ascii")


def kitty_transmit(image: Image, image_id: int) -> str:
    """Kitty messages sending ``image`` (RGB, zlib-compressed) as image ``image_id`` and
    one virtual placement of it for Unicode placeholders, no answer asked (``q=2``)."""
    width, height = image.size
    payload = base64.standard_b64encode(zlib.compress(image.tobytes(), 6)).decode("ascii")
    chunks = [payload[i : i + KITTY_CHUNK] for i in range(0, len(payload), KITTY_CHUNK)]
    out = []
    for number, chunk in enumerate(chunks):
        more = int(number < len(chunks) - 1)
        if number == 0:
            keys = f"a=t,q=2,f=24,o=z,s={width},v={height},i={image_id},m={more}"
        else:
            keys = f"q=2,m={more}"
        out.append(f"\x1b_G{keys};{chunk}\x1b\\")
    return "".join(out)


def kitty_place(image_id: int, columns: int, rows: int) -> str:
    """The Kitty message that places image ``image_id`` over ``columns`` x ``rows``
    placeholder cells (``U=1``: where :func:`kitty_rows` are drawn)."""
    return f"\x1b_Ga=p,U=1,q=2,i={image_id},c={columns},r={rows}\x1b\\"


def kitty_rows(columns: int, rows: int) -> list[str]:
    """The placeholder text of each row: in the foreground colour that encodes the
    image id (see :func:`kitty_colour`), the terminal draws that row of the picture."""
    return [
        "".join(
            KITTY_PLACEHOLDER + KITTY_DIACRITICS[row] + KITTY_DIACRITICS[col]
            for col in range(columns)
        )
        for row in range(rows)
    ]


def kitty_colour(image_id: int) -> tuple[int, int, int]:
    """The 24-bit foreground colour that names image ``image_id`` (below 2**24)."""
    return (image_id >> 16) & 255, (image_id >> 8) & 255, image_id & 255


def kitty_image_id(seed: str) -> int:
    """An image id from ``seed`` (a URL and size): stable, in 1 .. 2**24 - 1."""
    return zlib.crc32(seed.encode()) % 0xFFFFFF + 1
