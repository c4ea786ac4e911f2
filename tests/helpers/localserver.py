"""A real HTTP server on 127.0.0.1 for the network tests (no internet, ever).

It serves the recorded answers of ``tests/recorded`` at the TVmaze paths (under
``/tvmaze``) and the Netflix Top 10 paths (under ``/top10``), in their real formats and
with the real caching headers: TVmaze's answers carry ``Cache-Control: public,
max-age=3600`` and no validators (so never a 304), the Top 10 files ETag/Last-Modified
validators with ``Cache-Control: no-cache`` and 304 answers to matching conditional
requests.
Like TVmaze, it answers ``/shows/{id}?embed[]=episodes&embed[]=cast...`` with the show
and an ``_embedded`` object holding what ``/shows/{id}/episodes``, ``/cast``... answer
(composed from the same recorded files, with those paths' ``body`` and ``hostile``
switches). Like a production server, it accepts a backlog of 64 pending connections
and sends each write at once (``TCP_NODELAY``), so tests and benchmarks measure the
client, not the stdlib server's defaults.
Switches, per path (or ``"*"`` for every path), make it misbehave the ways real servers
do: latency, an error status N times (with Retry-After), broken JSON, a truncated body,
hostile text, an oversized body, a gzip bomb, a trickling body, a redirect, validators
that are not ASCII. Every request is logged with its headers, the status sent and the
number of body bytes sent; :attr:`LocalServer.bytes_sent` counts every byte written.

It can also stand in for TVmaze's image host (:meth:`LocalServer.stand_in_for_image_host`):
it then serves a picture at the path of every image URL of the recorded answers, and its
TVmaze answers give those URLs on itself (absolute, as TVmaze gives them).

Mocks cannot show timeouts, trickling or size caps (docs/pitfalls.md): hence a real server.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

RECORDED = Path(__file__).parents[1] / "recorded"
TVMAZE_ID = 61420  # the id of the Netflix series in the recorded search results
TVMAZE = "/tvmaze"
TOP10 = "/top10"
SEARCH = f"{TVMAZE}/search/shows"
SHOW = f"{TVMAZE}/shows/{TVMAZE_ID}"
EPISODES = f"{SHOW}/episodes"
SEASONS = f"{SHOW}/seasons"
CAST = f"{SHOW}/cast"
CREW = f"{SHOW}/crew"
GLOBAL = f"{TOP10}/data/all-weeks-global.tsv"
COUNTRIES = f"{TOP10}/data/all-weeks-countries.tsv"
ROUTES = {
    SEARCH: "tvmaze/search-shows.json",
    SHOW: "tvmaze/show.json",
    EPISODES: "tvmaze/episodes.json",
    SEASONS: "tvmaze/seasons.json",
    CAST: "tvmaze/cast.json",
    CREW: "tvmaze/crew.json",
    GLOBAL: "top10/all-weeks-global.tsv",
    COUNTRIES: "top10/all-weeks-countries.tsv",
}
EMBEDDABLE = ("episodes", "seasons", "cast", "crew")  # what ``embed[]`` can ask a show for
EMBED_QUERY = "&".join(f"embed[]={part}" for part in EMBEDDABLE)
LAST_MODIFIED = "Tue, 12 Nov 2024 09:00:00 GMT"
TVMAZE_CACHE_CONTROL = "public, max-age=3600"  # as api.tvmaze.com sends, with no validators
TOP10_CACHE_CONTROL = "no-cache"  # daily files: revalidate each time (ETag, Last-Modified)
HOSTILE_NAME = "[@click=app.quit]x[/]"
HOSTILE_CHARACTER = "\x1b]0;owned\x07Kate \u202eWyler"
HOSTILE_TITLE = "\x9b31mThe Cinderella Thing\x1b[0m"
HOSTILE_SUMMARY = "<p>Spoiler\x1b]52;c;Zm9v\x07 ahead\x1b[2J<script>alert(1)</script> &#91;b]</p>"
CHUNK = 64 * 1024
IMAGE_HOST = b"https://static.tvmaze.com/"  # TVmaze's image host, as its answers name it
IMAGE_HOST_STAND_IN = "/static.tvmaze.com"  # where this server serves those pictures
BACKLOG = 64  # pending connections accepted (the stdlib's default, 5, makes SYN retries: 1 s)


@dataclass
class Behaviour:
    """How the server answers a path; everything off by default."""

    latency: float = 0.0  # seconds before answering
    fail: int | None = None  # answer this status instead...
    times: int = 1  # ...this many times, then answer normally
    retry_after: str | None = None  # Retry-After header sent with ``fail``
    broken_json: bool = False  # send only the first half of the body
    truncate: bool = False  # Content-Length larger than the body, then close
    hostile: bool = False  # escape sequences and markup in names and summaries
    oversize: int = 0  # send this many bytes of filler instead of the body
    gzip_bomb: int = 0  # send this many zero bytes, gzip-compressed
    gzipped: bytes | None = None  # send these bytes with Content-Encoding: gzip (gzip_repeated)
    trickle: float = 0.0  # seconds between 16-byte pieces of the body
    body: bytes | None = None  # send these bytes instead of the recorded answer
    file: Path | None = None  # stream this file instead of the recorded file
    conditional: bool = True  # Top 10: send validators and honour conditional requests
    # -- the refresh's switches (HTTP caching, redirects) --
    redirect: str | None = None  # answer 302 with this Location
    validators: dict[str, str] | None = None  # send these ETag/Last-Modified values as they are
    # -- pictures --
    content_type: str | None = None  # this Content-Type instead of the path's usual one


@dataclass(frozen=True)
class Logged:
    """One request the server saw, and what it answered."""

    path: str
    query: str
    headers: dict[str, str]
    status: int
    body_bytes: int  # the body length announced (a truncated body announces more)


class _QuietServer(ThreadingHTTPServer):
    """The stdlib server with a production-size backlog, minus the traceback it prints when
    a client hangs up mid-answer (the size-cap, deadline and trickle tests do exactly that,
    on purpose)."""

    request_queue_size = BACKLOG

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class LocalServer:
    """The server, its switches (:meth:`set`) and its request log (:attr:`requests`)."""

    def __init__(self) -> None:
        self.requests: list[Logged] = []
        self.bytes_sent = 0  # every byte written to clients: status lines, headers, bodies
        self._behaviours: dict[str, Behaviour] = {}
        self._failures_left: dict[str, int] = {}
        self._lock = threading.Lock()
        self.image_host = False  # True: stands in for TVmaze's image host
        self._httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self._httpd.local = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def tvmaze_url(self) -> str:
        """The base URL to use as ``DIPLOMAT_TUI_TVMAZE_URL``."""
        return self.url + TVMAZE

    @property
    def top10_url(self) -> str:
        """The base URL to use as ``DIPLOMAT_TUI_TOP10_URL``."""
        return self.url + TOP10

    def environ(self) -> dict[str, str]:
        """The environment variables pointing diplomat-tui at this server."""
        return {
            "DIPLOMAT_TUI_TVMAZE_URL": self.tvmaze_url,
            "DIPLOMAT_TUI_TOP10_URL": self.top10_url,
        }

    def stand_in_for_image_host(self) -> list[str]:
        """Serve a picture (a JPEG, as TVmaze's are) at every image URL of the recorded
        TVmaze answers, under :data:`IMAGE_HOST_STAND_IN`, and name those URLs on this
        server in the TVmaze answers. Returns the paths served."""
        from helpers.pictures import tvmaze_picture

        self.image_host = True
        paths = []
        for name in sorted({n for n in ROUTES.values() if n.startswith("tvmaze/")}):
            found = re.findall(
                rb'"' + re.escape(IMAGE_HOST) + rb'([^"]+)"', (RECORDED / name).read_bytes()
            )
            for tail in found:
                path = f"{IMAGE_HOST_STAND_IN}/{tail.decode()}"
                self.set(path, body=tvmaze_picture(path), content_type="image/jpeg")
                paths.append(path)
        return paths

    def set(self, path: str, **switches: Any) -> None:
        """Change how ``path`` (or ``"*"``: every path) is answered; see :class:`Behaviour`."""
        with self._lock:
            self._behaviours[path] = replace(self._behaviours.get(path, Behaviour()), **switches)
            if "fail" in switches:
                self._failures_left[path] = self._behaviours[path].times

    def requests_to(self, path: str) -> list[Logged]:
        """The logged requests for one path."""
        with self._lock:
            return [logged for logged in self.requests if logged.path == path]

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- used by the handler -------------------------------------------------------------

    def behaviour(self, path: str) -> Behaviour:
        """The switches for ``path``: its own over those set for ``"*"``."""
        with self._lock:
            merged = self._behaviours.get("*", Behaviour())
            own = self._behaviours.get(path)
            if own is not None:
                merged = replace(merged, **_changed(own))
            return merged

    def take_failure(self, path: str) -> bool:
        """Whether this request should fail (and count it)."""
        with self._lock:
            for key in (path, "*"):
                if self._failures_left.get(key, 0) > 0:
                    self._failures_left[key] -= 1
                    return True
            return False

    def log(self, logged: Logged) -> None:
        """Remember one request."""
        with self._lock:
            self.requests.append(logged)

    def count_sent(self, size: int) -> None:
        """Add bytes written to a client to :attr:`bytes_sent`."""
        with self._lock:
            self.bytes_sent += size


class _CountingWriter:
    """A handler's ``wfile`` that counts what it writes into :attr:`LocalServer.bytes_sent`."""

    def __init__(self, wfile: Any, local: LocalServer):
        self._wfile = wfile
        self._local = local

    def write(self, data: bytes) -> int:
        self._local.count_sent(len(data))
        return self._wfile.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wfile, name)


def _changed(behaviour: Behaviour) -> dict[str, Any]:
    default = Behaviour()
    return {
        f.name: getattr(behaviour, f.name)
        for f in fields(Behaviour)
        if getattr(behaviour, f.name) != getattr(default, f.name)
    }


def _hostile(data: Any) -> Any:
    """Put escape sequences and markup where a server's text goes on screen (in a show's
    embedded lists too)."""
    if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
        for part in data["_embedded"].values():
            _hostile(part)
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if isinstance(first.get("person"), dict):
            first["person"]["name"] = HOSTILE_NAME
        if isinstance(first.get("character"), dict):
            first["character"]["name"] = HOSTILE_CHARACTER
        if "season" in first and "number" in first:
            first["name"] = HOSTILE_TITLE
        for item in data:
            if "summary" in item:
                item["summary"] = HOSTILE_SUMMARY
    elif isinstance(data, dict) and "summary" in data:
        data["summary"] = HOSTILE_SUMMARY
    return data


def _embeds(query: str) -> list[str]:
    """The parts ``embed[]=cast&embed[]=crew`` (or ``embed=cast``) asks for, in order."""
    asked = parse_qs(query)
    return [part for key in ("embed[]", "embed") for part in asked.get(key, [])]


def _content(local: LocalServer, path: str, query: str = "") -> bytes | None:
    """What ``path`` answers before the transport switches, or None (404).

    The ``body`` switch if set, else the recorded file: made hostile by the ``hostile``
    switch and, for a show asked to embed parts, with ``_embedded`` holding what each part's
    own path answers (so a part's ``body`` and ``hostile`` switches reach it there too).
    """
    behaviour = local.behaviour(path)
    if behaviour.body is not None:
        return behaviour.body
    name = ROUTES.get(path)
    if name is None:
        return None
    body = (RECORDED / name).read_bytes()
    if local.image_host and name.endswith(".json"):
        body = body.replace(IMAGE_HOST, f"{local.url}{IMAGE_HOST_STAND_IN}/".encode())
    parts = {part: _content(local, f"{path}/{part}") for part in _embeds(query)}
    embedded = {part: json.loads(data) for part, data in parts.items() if data is not None}
    if not name.endswith(".json") or not (embedded or behaviour.hostile):
        return body
    data = json.loads(body)
    if embedded:
        data["_embedded"] = embedded
    if behaviour.hostile:
        data = _hostile(data)
    return json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"  # as recorded


def _gzip_zeros(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed chunk by chunk (a few KB per 10 MB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    step = CHUNK * 16
    parts = [compressor.compress(bytes(min(step, size - done))) for done in range(0, size, step)]
    return b"".join(parts) + compressor.flush()


def gzip_repeated(piece: bytes, times: int, *, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head``, ``piece`` repeated ``times`` times, then ``tail``, as one gzip member, made
    in a blink (a Top 10 bomb: 1 MiB of newlines compresses to about 1 KiB, so 1 MB of
    gzip is about 1 GB of blank lines). Serve it with ``set(path, gzipped=...)``.

    Each part is deflated on its own, ending on a full flush (byte-aligned, nothing refers
    back to earlier bytes), so the one deflated ``piece`` can follow itself ``times``
    times; only the checksum reads every byte.
    """

    def deflated(data: bytes, last: bool = False) -> bytes:
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        return deflate.compress(data) + deflate.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)

    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(piece, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(piece) * times + len(tail)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, no name, no time
    body = deflated(head) + deflated(piece) * times + deflated(tail, last=True)
    return header + body + struct.pack("<II", crc, size % 2**32)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "diplomat-tui-test-server"
    disable_nagle_algorithm = True  # TCP_NODELAY: a body written after its headers goes at once

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.server.local)  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Quiet: the log is kept in :attr:`LocalServer.requests`."""

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        local: LocalServer = self.server.local  # type: ignore[attr-defined]
        path, _, query = self.path.partition("?")
        behaviour = local.behaviour(path)
        try:
            if behaviour.latency:
                time.sleep(behaviour.latency)
            self._answer(local, path, query, behaviour)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # -- answers -------------------------------------------------------------------------

    def _answer(self, local: LocalServer, path: str, query: str, behaviour: Behaviour) -> None:
        if behaviour.fail and local.take_failure(path):
            self._error(behaviour.fail, behaviour.retry_after)
        elif behaviour.redirect is not None:
            self._send_redirect(behaviour.redirect)
        elif behaviour.oversize:
            self._stream_filler(behaviour.oversize)
        elif behaviour.gzip_bomb:
            self._send(200, _gzip_zeros(behaviour.gzip_bomb), {"Content-Encoding": "gzip"})
        elif behaviour.gzipped is not None:
            self._send_gzipped(behaviour.gzipped)
        elif behaviour.file is not None:
            self._send_file(behaviour.file, behaviour)
        else:
            body = _content(local, path, query)
            if body is None:
                self._error(404, None)
            else:
                self._send_body(body, behaviour)

    def _send_body(self, body: bytes, behaviour: Behaviour) -> None:
        """The recorded (or given) body, with its caching headers and the body switches."""
        caching = self._caching(body, behaviour)
        etag = caching.get("ETag")
        if etag is not None and behaviour.conditional and self._not_modified(etag):
            self._send(304, b"", caching)
            return
        if behaviour.broken_json:
            body = body[: len(body) // 2]
        if behaviour.truncate:
            self._send_truncated(body)
        elif behaviour.trickle:
            self._send_trickling(body, behaviour.trickle)
        else:
            self._send(200, body, caching)

    def _caching(self, body: bytes, behaviour: Behaviour) -> dict[str, str]:
        """The caching headers of an answer, as each real service sends them."""
        if self.path.startswith(TVMAZE):
            return {"Cache-Control": TVMAZE_CACHE_CONTROL}
        if behaviour.validators is not None:
            return {"Cache-Control": TOP10_CACHE_CONTROL, **behaviour.validators}
        if not behaviour.conditional:
            return {}
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        return {"Cache-Control": TOP10_CACHE_CONTROL, "ETag": etag, "Last-Modified": LAST_MODIFIED}

    def _send_redirect(self, location: str) -> None:
        self._send(302, b"", {"Location": location})

    def _not_modified(self, etag: str) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")]
        return self.headers.get("If-Modified-Since") == LAST_MODIFIED

    def _headers(self, status: int, length: int, extra: dict[str, str]) -> None:
        """Log the answer (before the client can see it), then send the status and headers."""
        path, _, query = self.path.partition("?")
        local: LocalServer = self.server.local  # type: ignore[attr-defined]
        local.log(Logged(path, query, dict(self.headers.items()), status, length))
        self.send_response(status)
        kind = "application/json" if self.path.startswith(TVMAZE) else "text/tab-separated-values"
        content_type = local.behaviour(path).content_type or f"{kind}; charset=utf-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, extra: dict[str, str] | None = None) -> None:
        self._headers(status, len(body), extra or {})
        self.wfile.write(body)

    def _error(self, status: int, retry_after: str | None) -> None:
        """An error answer in TVmaze's shape (``{"name", "message", "code", "status"}``)."""
        name = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        body = json.dumps({"name": name, "message": "", "code": 0, "status": status}).encode()
        self._send(status, body, {"Retry-After": retry_after} if retry_after else {})

    def _send_gzipped(self, body: bytes) -> None:
        """A gzip-encoded body (the ``gzipped`` switch), announced as such, no validators."""
        self._send(200, body, {"Content-Encoding": "gzip"})

    def _send_truncated(self, body: bytes) -> None:
        self._headers(200, len(body) + 1000, {})
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def _send_trickling(self, body: bytes, pause: float) -> None:
        self._headers(200, len(body), {})
        for start in range(0, len(body), 16):
            self.wfile.write(body[start : start + 16])
            self.wfile.flush()
            time.sleep(pause)

    def _stream_filler(self, size: int) -> None:
        self._headers(200, size, {})
        for start in range(0, size, CHUNK):
            self.wfile.write(b"x" * min(CHUNK, size - start))

    def _send_file(self, path: Path, behaviour: Behaviour) -> None:
        stat = path.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        caching = {"Cache-Control": TOP10_CACHE_CONTROL, "ETag": etag}
        if behaviour.conditional and self._not_modified(etag):
            self._send(304, b"", caching)
            return
        self._headers(200, stat.st_size, caching if behaviour.conditional else {})
        with path.open("rb") as source:
            while piece := source.read(CHUNK):
                self.wfile.write(piece)


# -- pictures (TVmaze's image host stand-in) --------------------------------------------

IMAGES = "/images"


def serve_picture(
    server: LocalServer, name: str, data: bytes, content_type: str = "image/png", **switches: Any
) -> str:
    """Serve ``data`` at ``/images/<name>`` as ``content_type`` (whatever the bytes are);
    return its URL. ``switches`` are further :class:`Behaviour` switches for that path."""
    path = f"{IMAGES}/{name}"
    server.set(path, body=data, content_type=content_type, **switches)
    return server.url + path


def redirect_picture(server: LocalServer, name: str, location: str) -> str:
    """Answer ``/images/<name>`` with a 302 to ``location``; return its URL."""
    path = f"{IMAGES}/{name}"
    server.set(path, redirect=location)
    return server.url + path


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A running :class:`LocalServer`, stopped after the test."""
    with LocalServer() as server:
        yield server
