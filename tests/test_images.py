"""Pictures are untrusted input: allowed hosts only, capped, checked, decoded safely, cached."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from diplomat_tui.errors import DiplomatError
from diplomat_tui.images import (
    ImageCache,
    ImagePolicy,
    ImageRefused,
    cache_for,
    decode,
    fetch_missing,
    fetch_one,
    image_format,
    load_picture,
    new_client,
    wanted_urls,
)
from diplomat_tui.model import CastCredit, Catalog, Episode, Person, Show
from diplomat_tui.settings import load_settings

from helpers.localserver import LocalServer, redirect_picture, serve_picture
from helpers.pictures import HTML_PAGE, SVG, bomb_png, jpeg, poster_png, truncated_png

MIB = 1024 * 1024
SMALL = ImagePolicy(max_bytes=2 * MIB, deadline=3.0, cache_bytes=10 * MIB)


@pytest.fixture
def settings(local_server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings pointing TVmaze (so the allowed picture host) at the local server."""
    for name, value in local_server.environ().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DIPLOMAT_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DIPLOMAT_TUI_CACHE_DIR", str(tmp_path / "cache"))
    return load_settings(tmp_path / "data")


async def fetch(url: str, settings, policy: ImagePolicy = SMALL):
    async with new_client(policy) as client:
        return await fetch_one(client, url, settings, policy)


def test_formats_are_known_by_their_first_bytes() -> None:
    assert image_format(poster_png()) == "PNG"
    assert image_format(jpeg()) == "JPEG"
    assert image_format(b"GIF89a" + bytes(20)) == "GIF"
    assert image_format(b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "WEBP"
    assert image_format(HTML_PAGE) is None
    assert image_format(SVG) is None


def test_a_good_picture_is_decoded_small_and_rgb() -> None:
    image = decode(poster_png(600, 900), ImagePolicy(keep_pixels=128))
    assert image.mode == "RGB"
    assert image.size == (85, 128)
    assert decode(jpeg()).size == (40, 50)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (truncated_png(), "cannot decode"),
        (HTML_PAGE, "not a PNG"),
        (SVG, "not a PNG"),
        (bomb_png(), "pixel"),
        (b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, "cannot decode"),
    ],
    ids=["truncated", "html", "svg", "20000x20000", "corrupt"],
)
def test_hostile_bytes_are_refused_before_or_while_decoding(data: bytes, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ImageRefused, match=reason):
        decode(data)
    assert time.perf_counter() - started < 2.0  # the bomb is never expanded


@pytest.mark.parametrize(
    ("name", "data", "switches", "reason"),
    [
        ("truncated.png", truncated_png(), {}, "cannot decode"),
        ("page.png", HTML_PAGE, {}, "not a PNG"),
        ("logo.png", SVG, {"content_type": "image/svg+xml"}, "not a PNG"),
        ("bomb.png", bomb_png(), {}, "pixel"),
        ("huge.png", b"", {"oversize": 50 * MIB}, "size cap"),
        ("zip.png", b"", {"gzip_bomb": 50 * MIB}, "size cap"),
        ("cut.png", poster_png(), {"truncate": True}, "RemoteProtocolError"),
        ("gone.png", b"", {"fail": 404}, "HTTP 404"),
    ],
)
async def test_hostile_pictures_from_the_server_are_refused_and_logged(
    local_server: LocalServer,
    settings,
    caplog: pytest.LogCaptureFixture,
    name: str,
    data: bytes,
    switches: dict,
    reason: str,
) -> None:
    url = serve_picture(local_server, name, data, **switches)
    with caplog.at_level(logging.WARNING, logger="diplomat_tui.images"):
        assert await fetch(url, settings) is None
    assert reason in caplog.text
    assert not cache_for(settings, SMALL).has(url)


async def test_a_trickling_server_is_given_up_at_the_deadline(
    local_server: LocalServer, settings, caplog: pytest.LogCaptureFixture
) -> None:
    url = serve_picture(local_server, "slow.png", poster_png(), trickle=0.05)
    started = time.perf_counter()
    assert await fetch(url, settings, replace(SMALL, deadline=0.5)) is None
    assert time.perf_counter() - started < 2.0
    assert "no complete answer within 0.5s" in caplog.text


async def test_only_allowed_hosts_are_asked(
    local_server: LocalServer, settings, caplog: pytest.LogCaptureFixture
) -> None:
    assert settings.allowed_image_hosts() == ("static.tvmaze.com", "127.0.0.1")
    url = serve_picture(local_server, "poster.png", poster_png())
    elsewhere = url.replace("127.0.0.1", "localhost")
    assert await fetch(elsewhere, settings) is None
    assert await fetch("file:///etc/passwd", settings) is None
    assert local_server.requests_to("/images/poster.png") == []
    assert "'localhost' is not an allowed picture host" in caplog.text
    assert "not an http(s) URL" in caplog.text


async def test_redirects_are_followed_only_to_allowed_hosts(
    local_server: LocalServer, settings, caplog: pytest.LogCaptureFixture
) -> None:
    target = serve_picture(local_server, "poster.png", poster_png())
    inside = redirect_picture(local_server, "moved.png", "/images/poster.png")
    outside = redirect_picture(local_server, "away.png", target.replace("127.0.0.1", "localhost"))
    assert await fetch(inside, settings) is not None
    assert await fetch(outside, settings) is None
    assert "'localhost' is not an allowed picture host" in caplog.text
    assert len(local_server.requests_to("/images/poster.png")) == 1  # the inside one only


def test_the_cache_keeps_the_newest_files_within_its_cap(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "images", cap=2500)
    for n in range(4):
        cache.put(f"https://static.tvmaze.com/{n}.png", bytes([n]) * 1000)
        os.utime(cache.path(f"https://static.tvmaze.com/{n}.png"), ns=(n * 10**9, n * 10**9))
    cache.evict()
    kept = [n for n in range(4) if cache.has(f"https://static.tvmaze.com/{n}.png")]
    assert kept == [2, 3]  # oldest first out
    assert sum(p.stat().st_size for p in cache.folder.iterdir()) <= 2500
    assert cache.get("https://static.tvmaze.com/3.png") == bytes([3]) * 1000
    cache.put("https://static.tvmaze.com/big.png", bytes(3000))  # over the cap alone
    assert not cache.has("https://static.tvmaze.com/big.png")


async def test_a_cached_picture_is_shown_offline(settings) -> None:
    url = "http://127.0.0.1:9/poster.png"  # nothing listens there
    cache_for(settings).put(url, poster_png())
    image = await load_picture(url, settings)
    assert image is not None and image.size == (60, 90)


async def test_fetch_missing_fetches_once_and_never_raises(
    local_server: LocalServer, settings
) -> None:
    poster = serve_picture(local_server, "poster.png", poster_png())
    face = serve_picture(local_server, "face.jpg", jpeg(), content_type="image/jpeg")
    broken = serve_picture(local_server, "broken.png", HTML_PAGE)
    catalog = Catalog(
        show=Show(title="The Diplomat", image=poster),
        people=(
            Person(name="Keri Russell", image=face),
            Person(name="Rufus Sewell", image=broken),
            Person(name="Not in the cast", image=poster + "?unused"),
        ),
        cast=(CastCredit(person="Keri Russell"), CastCredit(person="Rufus Sewell")),
    )
    report = await fetch_missing(catalog, settings, SMALL)
    assert (report.fetched, report.cached, report.failed) == (2, 0, 1)
    again = await fetch_missing(catalog, settings, SMALL)
    assert (again.fetched, again.cached, again.failed) == (0, 2, 1)
    assert [r.query for r in local_server.requests_to("/images/poster.png")] == [""]
    nobody_there = Show(title="The Diplomat", image="http://127.0.0.1:9/poster.png")
    offline = await fetch_missing(replace(catalog, show=nobody_there), settings, SMALL)
    assert (offline.fetched, offline.cached, offline.failed) == (0, 1, 2)
    assert await fetch_missing(catalog, replace(settings, images=False)) == type(report)(0, 0, 0)


async def test_decoding_runs_off_the_event_loop(settings) -> None:
    """A big picture decodes in a thread: the loop keeps ticking meanwhile."""
    url = "https://static.tvmaze.com/big.png"
    cache_for(settings).put(url, poster_png(1200, 1800))
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.001)

    task = asyncio.create_task(ticker())
    try:
        assert await load_picture(url, settings) is not None
    finally:
        task.cancel()
    assert ticks > 1


def test_pictures_are_switched_by_config_and_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DIPLOMAT_TUI_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("DIPLOMAT_TUI_IMAGES", raising=False)
    monkeypatch.setenv("DIPLOMAT_TUI_CACHE_DIR", str(tmp_path / "cache"))
    default = load_settings(tmp_path)
    assert default.images
    assert default.image_cache_dir == tmp_path / "cache" / "images"
    (tmp_path / "config.toml").write_text("images = false\n")
    assert not load_settings(tmp_path).images
    monkeypatch.setenv("DIPLOMAT_TUI_IMAGES", "on")
    assert load_settings(tmp_path).images
    monkeypatch.setenv("DIPLOMAT_TUI_IMAGES", "off")
    (tmp_path / "config.toml").write_text("")
    assert not load_settings(tmp_path).images
    (tmp_path / "config.toml").write_text('images = "no"\n')
    with pytest.raises(DiplomatError, match="sets images = 'no', but it must be true or false"):
        load_settings(tmp_path)


async def test_fetch_missing_survives_an_unexpected_failure(
    settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("a bug in a picture")

    monkeypatch.setattr("diplomat_tui.images.fetch_one", broken)
    catalog = Catalog(show=Show(title="The Diplomat", image="http://127.0.0.1:9/p.png"))
    report = await fetch_missing(catalog, settings)
    assert (report.fetched, report.cached, report.failed) == (0, 0, 1)
    assert "a bug in a picture" in caplog.text


def test_the_pictures_wanted_are_the_poster_faces_characters_and_stills_each_once() -> None:
    still = "https://static.tvmaze.com/uploads/images/medium_landscape/451/2450001.jpg"
    face = "https://static.tvmaze.com/uploads/images/medium_portrait/1/20301.jpg"
    kate = "https://static.tvmaze.com/uploads/images/medium_portrait/2/203011.jpg"
    catalog = Catalog(
        show=Show(title="The Diplomat", image=face.replace("1/20301", "5/1")),
        people=(
            Person(name="Keri Russell", image=face),
            Person(name="Crew only", image=face + "?crew"),  # not prefetched: not in the cast
        ),
        cast=(CastCredit(person="Keri Russell", character="Kate Wyler", character_image=kate),),
        episodes=(
            Episode(season=1, number=1, image=still),
            Episode(season=1, number=2, image=None),
        ),
    )
    assert wanted_urls(catalog) == [face.replace("1/20301", "5/1"), face, kate, still]


async def test_a_cache_folder_that_cannot_be_used_is_said_once(
    settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    afile = tmp_path / "a-file"
    afile.write_text("not a folder")
    settings = replace(settings, cache_dir=afile)
    catalog = Catalog(
        show=Show(title="The Diplomat", image="http://127.0.0.1:9/p.png"),
        people=tuple(Person(name=f"P{n}", image=f"http://127.0.0.1:9/{n}.png") for n in range(5)),
        cast=tuple(CastCredit(person=f"P{n}") for n in range(5)),
    )
    report = await fetch_missing(catalog, settings)
    assert (report.fetched, report.cached, report.failed) == (0, 0, 6)
    assert len(caplog.records) == 1 and "pictures not cached: cannot use" in caplog.text
