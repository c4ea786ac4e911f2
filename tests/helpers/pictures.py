"""Pictures for the tests: good ones made with Pillow, hostile ones made by hand, and
catalogs that point at them."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import replace

from PIL import Image

from diplomat_tui.model import Catalog, Person, Show, Stat

HTML_PAGE = b"<!doctype html><html><body><h1>Moved</h1><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'


def poster_png(width: int = 60, height: int = 90) -> bytes:
    """A deterministic PNG: four coloured bands under a top-to-bottom gradient."""
    image = Image.new("RGB", (width, height))
    bands = [(200, 30, 40), (30, 120, 200), (240, 200, 40), (40, 160, 80)]
    for n, colour in enumerate(bands):
        top, bottom = n * height // len(bands), (n + 1) * height // len(bands)
        image.paste(colour, (0, top, width, bottom))
    shade = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    out = io.BytesIO()
    Image.blend(image, shade, 0.3).save(out, format="PNG")
    return out.getvalue()


def tvmaze_picture(path: str) -> bytes:
    """A deterministic JPEG for a TVmaze image path: portrait (a headshot, a character,
    a poster) or landscape (an episode still), its colours drawn from the path."""
    landscape = "landscape" in path
    width, height = (125, 70) if landscape else (68, 96)
    seed = zlib.crc32(path.encode())
    colours = [((seed >> shift) & 255, (seed >> shift + 8) & 255, 160) for shift in (0, 8, 16)]
    image = Image.new("RGB", (width, height), colours[0])
    image.paste(colours[1], (0, height // 3, width, height))
    image.paste(colours[2], (width // 4, height // 2, 3 * width // 4, height))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def jpeg(width: int = 40, height: int = 50) -> bytes:
    """A small JPEG of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (90, 60, 30)).save(out, format="JPEG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(side: int = 20000) -> bytes:
    """A valid ``side`` x ``side`` one-bit PNG of zeros: about 50 KB that decode to
    ``side``² pixels (400 million for 20000)."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    row = bytes(1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def truncated_png() -> bytes:
    """A PNG cut off halfway through its pixels."""
    whole = poster_png()
    return whole[: len(whole) // 2]


def catalog_with_pictures(
    catalog: Catalog,
    poster: str | None,
    headshot: str | None = None,
    *,
    character: str | None = None,
    still: str | None = None,
) -> Catalog:
    """``catalog`` with the show's poster, the first cast member's photo and character
    picture, and the first episode's still at these URLs."""
    show = replace(catalog.show or Show(title="The Diplomat"), image=poster)
    people = catalog.people
    if headshot is not None and catalog.cast:
        name = catalog.cast[0].person
        people = tuple(replace(p, image=headshot) if p.name == name else p for p in people)
        if catalog.person(name) is None:
            people += (Person(name=name, image=headshot),)
    cast = catalog.cast
    if character is not None and cast:
        cast = (replace(cast[0], character_image=character), *cast[1:])
    episodes = catalog.episodes
    if still is not None and episodes:
        episodes = (replace(episodes[0], image=still), *episodes[1:])
    return replace(catalog, show=show, people=people, cast=cast, episodes=episodes)


def weekly_stats(source: str = "top10:global") -> tuple[Stat, ...]:
    """Top 10 weeks of two seasons, with the months between them: rank, hours, views,
    countries, as a refresh brings them."""
    season_weeks = {1: ["2023-04-16", "2023-04-23", "2023-04-30", "2023-05-07", "2023-05-14"]}
    season_weeks[2] = ["2024-11-03", "2024-11-10", "2024-11-17", "2024-11-24"]
    ranks = {1: [1, 1, 2, 4, 7], 2: [1, 2, 3, 6]}
    hours = {1: [57.48, 45.1, 30.2, 18.9, 9.6], 2: [38.2, 29.7, 17.0, 8.1]}
    stats = []
    scope = "Netflix weekly global Top 10 TV (English)"
    for season, weeks in season_weeks.items():
        for i, week in enumerate(weeks):
            common = {"period": week, "scope": scope, "season": season, "sources": (source,)}
            stats += [
                Stat(metric="weekly_rank", value=ranks[season][i], **common),
                Stat(metric="hours_viewed", value=int(hours[season][i] * 1e6), **common),
                Stat(metric="views", value=int(hours[season][i] * 1e6 / 7.5), **common),
                Stat(metric="top10_countries", value=90 - 12 * i, **common),
            ]
    return tuple(stats)
