"""Sixel and Kitty graphics: the exact sequences our encoders make from pixels, how the
protocol is chosen, and that choosing it changes what the app draws."""

from __future__ import annotations

import base64
import io
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from PIL.Image import Dither, Quantize
from textual.geometry import Region
from textual.strip import Strip

from diplomat_tui import graphics
from diplomat_tui.app import DiplomatApp
from diplomat_tui.errors import DiplomatError
from diplomat_tui.images import cache_for
from diplomat_tui.settings import load_settings
from diplomat_tui.store import Store
from diplomat_tui.widgets.picture import UPPER_HALF, Picture

from helpers.app import main_screen
from helpers.pictures import catalog_with_pictures, poster_png
from helpers.sixel import decode_sixel

RED, BLUE = (255, 0, 0), (0, 0, 255)
POSTER = "http://127.0.0.1:9/poster.png"


def red_with_blue_dots() -> Image.Image:
    """3 x 7 pixels, red, with blue at (1, 0) and (2, 6): two bands of six rows."""
    image = Image.new("RGB", (3, 7), RED)
    image.putpixel((1, 0), BLUE)
    image.putpixel((2, 6), BLUE)
    return image


def test_sixel_of_a_small_picture_is_exactly_as_the_protocol_spells_it() -> None:
    # header (aspect 1:1, 3x7), two colour registers in percent, then band 1 (rows 0-5):
    # red in every column but row 0 of column 1 (bits 1-5 = 62 -> "}"), blue there
    # ("@" = bit 0), "$" between colours; "-"; band 2 (row 6): red, red, blue.
    assert graphics.sixel(red_with_blue_dots()) == (
        '\x1bP0;1;0q"1;1;3;7#0;2;100;0;0#1;2;0;0;100#0~}~$#1?@?-#0@@?$#1??@\x1b\\'
    )


def test_sixel_runs_of_four_or_more_are_compressed() -> None:
    image = Image.new("RGB", (10, 1), RED)
    image.putpixel((9, 0), BLUE)
    # one row: bit 0 ("@") where the colour is, "?" elsewhere; nine "@" are "!9@"
    assert graphics.sixel(image) == (
        '\x1bP0;1;0q"1;1;10;1#0;2;100;0;0#1;2;0;0;100#0!9@?$#1!9?@\x1b\\'
    )


def test_sixel_decodes_back_to_every_pixel_of_the_picture_in_its_palette() -> None:
    # 61 x 95: the last band holds five rows; a gradient over bands: many colours and runs
    image = Image.open(io.BytesIO(poster_png(61, 95))).convert("RGB")
    encoded = graphics.sixel(image)
    assert encoded == graphics.sixel(image.copy())  # the same pixels, the same sequence
    width, height, pixels = decode_sixel(encoded)
    assert (width, height) == (61, 95) and len(pixels) == 61 * 95  # each pixel exactly once
    palette = image.quantize(graphics.SIXEL_COLOURS, method=Quantize.MEDIANCUT, dither=Dither.NONE)
    expected = palette.convert("RGB")
    percent = [(v * 100 + 127) // 255 for v in range(256)]
    for (x, y), colour in pixels.items():
        rgb = expected.getpixel((x, y))
        assert isinstance(rgb, tuple)
        assert colour == tuple(percent[v] for v in rgb)
    body = encoded[encoded.index('"') : -2]
    assert all(0x21 <= ord(c) <= 0x7E for c in body)  # nothing but Sixel's own characters


def test_kitty_sends_the_pixels_compressed_then_places_them_for_placeholders() -> None:
    image = Image.new("RGB", (2, 1), RED)
    image.putpixel((1, 0), BLUE)
    payload = base64.standard_b64encode(zlib.compress(bytes([*RED, *BLUE]), 6)).decode()
    assert graphics.kitty_transmit(image, 42) == (
        f"\x1b_Ga=t,q=2,f=24,o=z,s=2,v=1,i=42,m=0;{payload}\x1b\\"
    )
    assert graphics.kitty_place(42, 2, 1) == "\x1b_Ga=p,U=1,q=2,i=42,c=2,r=1\x1b\\"
    assert graphics.kitty_rows(2, 2) == [
        "\U0010eeee\u0305\u0305\U0010eeee\u0305\u030d",
        "\U0010eeee\u030d\u0305\U0010eeee\u030d\u030d",
    ]
    assert graphics.kitty_colour(0x0A0B0C) == (10, 11, 12)


def test_a_large_kitty_picture_goes_in_chunks_of_4096() -> None:
    image = Image.effect_noise((200, 200), 80).convert("RGB")  # noise: compresses badly
    sent = graphics.kitty_transmit(image, 7)
    messages = sent.split("\x1b\\")[:-1]
    assert len(messages) > 2
    assert messages[0].startswith("\x1b_Ga=t,q=2,f=24,o=z,s=200,v=200,i=7,m=1;")
    assert all(m.startswith("\x1b_Gq=2,m=1;") for m in messages[1:-1])
    assert messages[-1].startswith("\x1b_Gq=2,m=0;")
    chunks = [m.split(";", 1)[1] for m in messages]
    assert all(len(c) == graphics.KITTY_CHUNK for c in chunks[:-1])
    assert zlib.decompress(base64.standard_b64decode("".join(chunks))) == image.tobytes()


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        (None, None, "halfcell"),
        ('graphics = "sixel"\n', None, "sixel"),
        ('graphics = "sixel"\n', "Kitty", "kitty"),
        (None, " sixel ", "sixel"),
    ],
)
def test_the_protocol_comes_from_the_config_or_the_environment(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str | None,
    env: str | None,
    expected: str,
) -> None:
    monkeypatch.setenv("DIPLOMAT_TUI_CONFIG_DIR", str(tmp_path))
    if config:
        (tmp_path / "config.toml").write_text(config)
    if env:
        monkeypatch.setenv("DIPLOMAT_TUI_GRAPHICS", env)
    else:
        monkeypatch.delenv("DIPLOMAT_TUI_GRAPHICS", raising=False)
    assert load_settings().graphics == expected


def test_an_unknown_protocol_is_one_line_naming_the_choices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLOMAT_TUI_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text('graphics = "iterm"\n')
    with pytest.raises(DiplomatError, match="must be one of halfcell, sixel, kitty"):
        load_settings()
    (tmp_path / "config.toml").write_text("")
    monkeypatch.setenv("DIPLOMAT_TUI_GRAPHICS", "svg")
    with pytest.raises(DiplomatError, match="^DIPLOMAT_TUI_GRAPHICS must be one of"):
        load_settings()


def rows_text(strips: list) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def drawn_poster(store: Store, protocol: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every time the app drew the poster once it was loaded: what the widget handed the
    terminal, rows joined."""
    store.update_catalog(lambda c: catalog_with_pictures(c, POSTER))
    settings = replace(load_settings(), graphics=protocol)
    cache_for(settings).put(POSTER, poster_png())
    drawn: list[str] = []
    render_lines = Picture.render_lines

    def recorded(self: Picture, crop: Region) -> list[Strip]:
        lines = render_lines(self, crop)
        if self.image is not None:
            drawn.append(rows_text(lines))
        return lines

    monkeypatch.setattr(Picture, "render_lines", recorded)
    app = DiplomatApp(store=store, snapshot=store.snapshot(), settings=settings)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        poster = main_screen(app).query_one(".poster", Picture)
        assert poster.image is not None
        poster.refresh()  # drawn again
        await pilot.pause()
    monkeypatch.undo()
    return drawn


async def test_choosing_the_protocol_changes_what_the_poster_draws(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    halfcell = await drawn_poster(store, "halfcell", monkeypatch)
    assert halfcell and all(UPPER_HALF * 20 in text for text in halfcell)
    assert not any("\x1bP" in text or "\x1b_G" in text for text in halfcell)

    sixel = await drawn_poster(store, "sixel", monkeypatch)
    assert len(sixel) >= 2 and not any(UPPER_HALF in text for text in sixel)
    # each time, the picture rides once at the end of its last row
    assert all(text.count('\x1bP0;1;0q"1;1;') == 1 for text in sixel)
    assert all(text.endswith("\x1b\\\x1b8") for text in sixel)

    kitty = await drawn_poster(store, "kitty", monkeypatch)
    assert len(kitty) >= 2 and not any(UPPER_HALF in text for text in kitty)
    assert all(graphics.KITTY_PLACEHOLDER * 1 in text for text in kitty)
    assert kitty[0].count("\x1b_Ga=t,") == 1 and "\x1b_Ga=p,U=1," in kitty[0]
    assert not any("\x1b_G" in text for text in kitty[1:])  # sent once: the terminal keeps it
