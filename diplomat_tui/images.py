"""Pictures from TVmaze (the poster, headshots, characters, episode stills): fetched with
care, checked, decoded, cached.

Pictures are untrusted input. A URL is fetched only from an allowed host
(:meth:`Settings.allowed_image_hosts`), redirects are followed by hand and only to allowed
hosts, the body is capped in bytes and the whole exchange in time. The bytes must be a PNG,
JPEG, GIF or WebP by their first bytes, whatever the Content-Type says (SVG and HTML are
refused), and are decoded by Pillow only after the header showed a pixel count under the
limit (a decompression bomb is refused before it is expanded). Only pictures that decoded
are cached, in the user cache folder, with a size cap: the oldest files are evicted first.

Every refusal is logged (``logging``) with its one-line reason and gives ``None``; nothing
here raises into the UI or a refresh. Pillow and httpx are imported only when a picture is
decoded or fetched, never at launch.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from diplomat_tui.model import Catalog
from diplomat_tui.settings import Settings

if TYPE_CHECKING:
    import httpx
    from PIL.Image import Image

log = logging.getLogger(__name__)

MIB = 1024 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class ImagePolicy:
    """Limits on one picture (tests shrink them)."""

    max_bytes: int = 5 * MIB  # a TVmaze original poster is well under 1 MiB
    max_pixels: int = 4096 * 4096  # checked on the header, before decoding
    keep_pixels: int = 256  # decoded pictures are kept at most this wide and high
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 20.0  # one whole download, redirects included
    max_redirects: int = 3
    cache_bytes: int = 50 * MIB  # the cache folder's cap
    concurrency: int = 4  # downloads at once in :func:`fetch_missing`


DEFAULT_POLICY = ImagePolicy()


class ImageRefused(Exception):
    """A picture that cannot be used; the message is a one-line reason."""


# -- what the bytes are --------------------------------------------------------------


def image_format(data: bytes) -> str | None:
    """The picture format named by the first bytes (PNG, JPEG, GIF, WEBP), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def decode(data: bytes, policy: ImagePolicy = DEFAULT_POLICY) -> Image:
    """Decode a picture into an RGB image at most ``keep_pixels`` wide and high.

    Raises :class:`ImageRefused` for bytes that are not a PNG/JPEG/GIF/WebP, a pixel
    count over the limit (read from the header, before decoding), or a file Pillow cannot
    decode whole (truncated, corrupt). Slow on big pictures: call it off the UI thread.
    """
    kind = image_format(data)
    if kind is None:
        raise ImageRefused(f"not a PNG, JPEG, GIF or WebP picture (starts {data[:12]!r})")
    from PIL import Image, ImageFile  # only when a picture is decoded

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as image:
            width, height = image.size
            if width * height > policy.max_pixels or not width or not height:
                raise ImageRefused(
                    f"{width}x{height} pixels is over the {policy.max_pixels:,}-pixel limit"
                )
            image.draft("RGB", (policy.keep_pixels, policy.keep_pixels))  # JPEG: decode small
            image.load()
            rgb = image.convert("RGB")
    except ImageRefused:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ImageRefused(f"cannot decode the {kind} picture ({error})") from None
    rgb.thumbnail((policy.keep_pixels, policy.keep_pixels))
    return rgb


# -- the cache -----------------------------------------------------------------------


class ImageCache:
    """Checked picture files in one folder, named by their URL's hash, capped in size."""

    def __init__(self, folder: Path, cap: int = DEFAULT_POLICY.cache_bytes) -> None:
        self.folder = folder
        self.cap = cap

    def path(self, url: str) -> Path:
        """Where the picture of ``url`` is (or would be) kept."""
        return self.folder / hashlib.sha256(url.encode()).hexdigest()

    def get(self, url: str) -> bytes | None:
        """The cached bytes of ``url``, if any."""
        try:
            return self.path(url).read_bytes()
        except OSError:
            return None

    def has(self, url: str) -> bool:
        """Whether ``url`` is cached."""
        return self.path(url).is_file()

    def put(self, url: str, data: bytes) -> None:
        """Keep ``data`` for ``url`` (written whole or not at all), then evict to the cap."""
        if len(data) > self.cap:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temp, self.path(url))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.evict(keep=self.path(url))

    def evict(self, keep: Path | None = None) -> None:
        """Remove the oldest files until the folder is within the cap (``keep`` last)."""
        entries = []
        for path in self.folder.iterdir():
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((path == keep, stat.st_mtime_ns, path, stat.st_size))
        total = sum(size for *_, size in entries)
        for _, _, path, size in sorted(entries, key=lambda e: (e[0], e[1])):
            if total <= self.cap:
                break
            path.unlink(missing_ok=True)
            total -= size


def cache_for(settings: Settings, policy: ImagePolicy = DEFAULT_POLICY) -> ImageCache:
    """The picture cache of these settings."""
    return ImageCache(settings.image_cache_dir, policy.cache_bytes)


# -- fetching ------------------------------------------------------------------------


def check_url(url: str, hosts: Iterable[str]) -> None:
    """Raise :class:`ImageRefused` unless ``url`` is http(s) on one of ``hosts``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImageRefused(f"not an http(s) URL: {url[:100]!r}")
    if parts.hostname.lower() not in hosts:
        raise ImageRefused(f"host {parts.hostname!r} is not an allowed picture host")


async def download(
    client: httpx.AsyncClient, url: str, hosts: frozenset[str], policy: ImagePolicy
) -> bytes:
    """The body at ``url``: allowed hosts only (redirects too), capped, within the deadline."""
    import httpx

    try:
        async with asyncio.timeout(policy.deadline):
            for _ in range(policy.max_redirects + 1):
                check_url(url, hosts)
                async with client.stream("GET", url) as response:
                    if response.status_code in REDIRECTS and "Location" in response.headers:
                        url = urljoin(url, response.headers["Location"])
                        continue
                    if response.status_code != 200:
                        raise ImageRefused(f"HTTP {response.status_code}")
                    declared = response.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > policy.max_bytes:
                        raise ImageRefused(f"{int(declared):,} bytes is over the size cap")
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > policy.max_bytes:
                            raise ImageRefused(f"over the {policy.max_bytes:,}-byte size cap")
                    return bytes(body)
            raise ImageRefused(f"more than {policy.max_redirects} redirects")
    except TimeoutError:
        raise ImageRefused(f"no complete answer within {policy.deadline:g}s") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise ImageRefused(f"{type(error).__name__}: {error}") from None


def new_client(policy: ImagePolicy = DEFAULT_POLICY) -> httpx.AsyncClient:
    """An httpx client for pictures: no automatic redirects (each one is checked here)."""
    import httpx

    from diplomat_tui.sources.http import USER_AGENT

    timeout = httpx.Timeout(
        connect=policy.connect_timeout,
        read=policy.read_timeout,
        write=policy.read_timeout,
        pool=policy.deadline,
    )
    return httpx.AsyncClient(
        timeout=timeout, headers={"User-Agent": USER_AGENT}, follow_redirects=False
    )


async def fetch_one(
    client: httpx.AsyncClient,
    url: str,
    settings: Settings,
    policy: ImagePolicy = DEFAULT_POLICY,
) -> Image | None:
    """Download ``url``, decode it off the event loop, cache it; None (logged) if refused."""
    try:
        data = await download(client, url, frozenset(settings.allowed_image_hosts()), policy)
        image = await asyncio.to_thread(decode, data, policy)
        await asyncio.to_thread(cache_for(settings, policy).put, url, data)
    except ImageRefused as reason:
        log.warning("picture %s refused: %s", url[:200], reason)
        return None
    except OSError as error:
        log.warning("picture %s not cached: %s", url[:200], error)
        return None
    return image


async def load_picture(
    url: str, settings: Settings, policy: ImagePolicy = DEFAULT_POLICY
) -> Image | None:
    """The picture at ``url``: from the cache (offline too), else fetched; None if neither.

    Decoding runs in a thread: the caller's event loop (the UI) never waits on it.
    """
    cached = await asyncio.to_thread(cache_for(settings, policy).get, url)
    if cached is not None:
        try:
            return await asyncio.to_thread(decode, cached, policy)
        except ImageRefused as reason:  # only checked pictures are cached: a damaged file
            log.warning("cached picture %s unusable: %s", url[:200], reason)
    client = await asyncio.to_thread(new_client, policy)  # (import, TLS set-up: ~50 ms)
    async with client:
        return await fetch_one(client, url, settings, policy)


def wanted_urls(catalog: Catalog) -> list[str]:
    """The pictures the app shows: the show's poster, the cast's headshots, their
    characters' pictures, then the episodes' stills (each URL once)."""
    urls = [catalog.show.image] if catalog.show and catalog.show.image else []
    cast = {credit.person for credit in catalog.cast}
    urls += [person.image for person in catalog.people if person.image and person.name in cast]
    urls += [credit.character_image for credit in catalog.cast if credit.character_image]
    urls += [episode.image for episode in catalog.episodes if episode.image]
    return list(dict.fromkeys(urls))


@dataclass(frozen=True)
class FetchReport:
    """What :func:`fetch_missing` did: pictures fetched, already cached, refused."""

    fetched: int
    cached: int
    failed: int


async def fetch_missing(
    catalog: Catalog, settings: Settings, policy: ImagePolicy = DEFAULT_POLICY
) -> FetchReport:
    """Fetch the pictures of ``catalog`` that are not cached yet, a few at a time.

    Meant to run after a refresh has saved, outside it: nothing raises (each refusal is
    logged), so a failed picture can never fail a refresh.
    """
    if not settings.images:
        return FetchReport(0, 0, 0)
    cache = cache_for(settings, policy)
    urls = wanted_urls(catalog)
    missing = [url for url in urls if not cache.has(url)]
    if not missing:
        return FetchReport(0, len(urls), 0)
    try:  # one line for a cache folder that cannot be used, not one per picture
        await asyncio.to_thread(cache.folder.mkdir, parents=True, exist_ok=True)
    except OSError as error:
        log.warning("pictures not cached: cannot use %s: %s", cache.folder, error.strerror or error)
        return FetchReport(0, len(urls) - len(missing), len(missing))
    gate = asyncio.Semaphore(policy.concurrency)

    async def one(client: httpx.AsyncClient, url: str) -> bool:
        async with gate:
            try:
                return await fetch_one(client, url, settings, policy) is not None
            except Exception:  # a picture must never fail what runs it (a refresh)
                log.exception("picture %s failed", url[:200])
                return False

    async with await asyncio.to_thread(new_client, policy) as client:
        results = await asyncio.gather(*(one(client, url) for url in missing))
    fetched = sum(results)
    return FetchReport(fetched, len(urls) - len(missing), len(missing) - fetched)
