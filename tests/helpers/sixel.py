"""A small Sixel decoder for the tests: a second, independent reading of what the
encoder wrote (colour registers, bands of six rows, run lengths, ``$`` and ``-``)."""

from __future__ import annotations

import re

_DEFINE = re.compile(r"#(\d+);2;(\d+);(\d+);(\d+)")


def decode_sixel(data: str) -> tuple[int, int, dict[tuple[int, int], tuple[int, int, int]]]:
    """(width, height, {(x, y): (r, g, b) in percent}) of one Sixel sequence."""
    assert data.startswith("\x1bP") and data.endswith("\x1b\\")
    body = data[data.index("q") + 1 : -2]
    raster = re.match(r'"1;1;(\d+);(\d+)', body)
    assert raster is not None
    width, height = int(raster[1]), int(raster[2])
    body = body[raster.end() :]
    colours: dict[int, tuple[int, int, int]] = {}
    pixels: dict[tuple[int, int], tuple[int, int, int]] = {}
    x = top = 0
    current = 0
    i = 0
    while i < len(body):
        if define := _DEFINE.match(body, i):
            colours[int(define[1])] = (int(define[2]), int(define[3]), int(define[4]))
            i = define.end()
        elif select := re.compile(r"#(\d+)").match(body, i):
            current = int(select[1])
            i = select.end()
        elif body[i] == "$":
            x, i = 0, i + 1
        elif body[i] == "-":
            x, top, i = 0, top + 6, i + 1
        else:
            count = 1
            if run := re.compile(r"!(\d+)").match(body, i):
                count, i = int(run[1]), run.end()
            bits = ord(body[i]) - 0x3F
            assert 0 <= bits < 64, f"not a sixel: {body[i]!r}"
            for column in range(x, x + count):
                for bit in range(6):
                    if bits >> bit & 1:
                        assert (column, top + bit) not in pixels, "a pixel painted twice"
                        pixels[column, top + bit] = colours[current]
            x, i = x + count, i + 1
    return width, height, pixels
