"""One polite, bounded, retrying, caching HTTP client for every public source.

httpx alone is not enough (see docs/pitfalls.md): its timeouts are per network read, it has
no size limit, and it retries neither 429 nor 5xx. So every request here has:

* connect/read timeouts *and* a deadline per exchange (``asyncio.timeout``), so a server
  trickling bytes cannot hold a refresh forever (the refresh has one overall deadline too);
* a cap on the body, counted in decoded bytes while streaming (covers gzip bombs);
* retries with exponential backoff on 429 and 5xx, honouring ``Retry-After`` (seconds
  or an HTTP date); the waits add up to more than TVmaze's 10 s rate-limit window, and a
  server asking to wait longer than ``max_wait`` is not asked again;
* HTTP caching by RFC 9111 (hishel, an SQLite file in the user cache folder, bounded in
  size): an answer still fresh (TVmaze: ``max-age=3600``) is not asked for again, one
  with validators is revalidated (a 304 serves the cached body). ``force`` sends
  ``Cache-Control: no-cache`` so that every answer is revalidated. An answer from the
  cache that is the very version the store's facts came from (same URL and validators
  as the stored :class:`Source` record) is ``unchanged``: its body is not read again;
* redirects followed only on the same scheme, host and port (provenance stays right);
* a User-Agent naming the project and its version, and a progress line before each
  request that really goes out.

Every failure becomes a :class:`SourceError` with a one-line reason naming the source
and the URL.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import sqlite3
import ssl
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

import httpx
from hishel import AsyncSqliteStorage, CacheOptions, SqliteStorage
from hishel._core._storages._async_sqlite import TABLE_COLUMNS
from hishel.httpx import AsyncCacheTransport

from diplomat_tui import __version__
from diplomat_tui.errors import SourceError
from diplomat_tui.model import Source, SourceKind
from diplomat_tui.sources import Origin
from diplomat_tui.sources.cache_db import CacheConnection
from diplomat_tui.store import now_iso

MIB = 1024 * 1024
DECODE_PIECE = 1 * MIB  # decoded at most this much at a time (decoded_body)
_WBITS = {"gzip": 31, "x-gzip": 31, "deflate": 15}  # zlib window bits per encoding
PROJECT_URL = "https://pypi.org/project/diplomat-tui/"
USER_AGENT = f"diplomat-tui/{__version__} (+{PROJECT_URL})"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BOM = codecs.BOM_UTF8  # dropped from the start of a streamed text body
VALIDATORS = ("ETag", "Last-Modified")
CONDITIONS = ("If-None-Match", "If-Modified-Since")  # what a revalidation sends them as
_ANNOUNCE = "diplomat_tui.announce"  # request extension: called as the request goes out

ProgressCallback = Callable[[str, str], None]
LineSink = Callable[[bytes], None]  # gets raw whole lines, many at a time, b"\n"-separated
T = TypeVar("T")

logging.getLogger("hishel").addHandler(logging.NullHandler())
logging.getLogger("hishel").propagate = False  # a damaged cache is dealt with quietly


@dataclass(frozen=True)
class HttpPolicy:
    """Limits applied to every request (tests shrink them to keep waits short)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # between two network reads
    deadline: float = 120.0  # one whole exchange, headers to last byte
    max_bytes: int = 16 * MIB  # decoded body size
    max_line: int = 1 * MIB  # longest line accepted when streaming lines
    retries: int = 4  # further attempts after a 429 or 5xx: waits of 1+2+4+8 s > 10 s
    backoff: float = 1.0  # first wait without Retry-After; doubles on each retry
    max_wait: float = 30.0  # a longer Retry-After is not waited for: the request fails
    max_redirects: int = 5
    cache_bytes: int = 256 * MIB  # the HTTP cache file's size bound (the countries file ~31 MB)


@dataclass(frozen=True)
class Request:
    """One GET: what it is (for messages and progress), where, and what the store holds."""

    source: str  # "TVmaze", "Netflix Top 10": the name progress lines start with
    label: str  # "episodes": what this request fetches
    url: str
    previous: Source | None = None  # the stored Source record: an answer of its version
    max_bytes: int | None = None  # overrides the policy's cap
    deadline: float | None = None  # overrides the policy's deadline
    # called as the request goes out on the network (not for an answer the cache gives)
    on_sent: Callable[[], None] | None = field(default=None, compare=False)

    @property
    def origin(self) -> Origin:
        """The source and URL, for error messages."""
        return Origin(f"{self.source} {self.label}", self.url)


@dataclass(frozen=True)
class Fetched:
    """A successful answer, from the server or the cache, and its body (unless unchanged)."""

    url: str  # where the body came from (after redirects on the same host)
    status: int
    fetched: str
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    from_cache: bool = False  # served by the cache: still fresh, or revalidated by a 304
    revalidated: bool = False  # the server was asked and said 304
    unchanged: bool = False  # the version the store already holds: the body was not read

    def source(self, *, id: str, kind: SourceKind, title: str) -> Source:
        """The Source record for this answer, keeping its validators (its version)."""
        return Source(
            id=id,
            kind=kind,
            title=title,
            url=self.url,
            fetched=self.fetched,
            etag=self.etag,
            last_modified=self.last_modified,
        )


class HttpStatusError(SourceError):
    """A final answer that is not 200 OK (after the retries); ``status`` says which."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class _Retry:
    """An attempt answered 429/5xx that will be tried again after ``wait`` seconds."""

    status: int
    wait: float


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def header_value(headers: httpx.Headers, name: str) -> str | None:
    """A header's value if it is a valid one (printable ASCII), else None.

    A validator that could not be sent back (``ETag: "é"``) is dropped, never stored.
    """
    value: str | None = headers.get(name)
    if value is None or not value.isascii() or not value.isprintable() or not value.strip():
        return None
    return value


async def gather_all(*aws: Coroutine[Any, Any, T]) -> list[T]:
    """Run coroutines concurrently; on the first failure cancel the rest and raise it."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(aw) for aw in aws]
    except BaseExceptionGroup as failures:
        raise _first_leaf(failures) from None
    return [task.result() for task in tasks]


async def decoded_body(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body's bytes, gzip or deflate decoded at most :data:`DECODE_PIECE` at a time,
    the event loop let run between two pieces: a small compressed read that expands to a
    gigabyte (a gzip bomb) is decoded piece by piece, and the size cap stops it early,
    never in one long step on the loop. Other encodings are left to httpx."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    wbits = _WBITS.get(encoding)
    if wbits is None:
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    decoder = zlib.decompressobj(wbits)
    try:
        async for raw in response.aiter_raw():
            yield decoder.decompress(raw, DECODE_PIECE)
            while decoder.unconsumed_tail:
                await asyncio.sleep(0)
                yield decoder.decompress(decoder.unconsumed_tail, DECODE_PIECE)
        yield decoder.flush()
    except zlib.error as error:
        raise httpx.DecodingError(str(error)) from None


def _first_leaf(group: BaseExceptionGroup[BaseException]) -> BaseException:
    first = group.exceptions[0]
    return _first_leaf(first) if isinstance(first, BaseExceptionGroup) else first


def _status_text(status: int) -> str:
    """``404 Not Found``: the phrase is ours, never the server's text."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


class LineBlocks:
    """Cuts a text body, as it arrives, into blocks of whole lines for a :data:`LineSink`.

    Each block is one or more whole lines joined by ``b"\\n"``, without the last
    newline (lines ending in CRLF keep their ``b"\\r"``): as much as each chunk
    completes. A UTF-8 byte order mark at the start is dropped, and so is a final line
    holding only whitespace. A line longer than ``max_line`` bytes is a SourceError.
    """

    def __init__(self, sink: LineSink, max_line: int, origin: Origin):
        self.sink = sink
        self.max_line = max_line
        self.origin = origin
        self._pending = b""  # the start of a line whose end has not arrived
        self._at_start = True  # a BOM may still be coming

    def push(self, chunk: bytes) -> None:
        """Take the next bytes of the body; pass on the lines they complete."""
        data = self._pending + chunk if self._pending else chunk
        if self._at_start and (len(data) >= len(BOM) or not BOM.startswith(data)):
            data, self._at_start = data.removeprefix(BOM), False
        end = data.rfind(b"\n")
        if end >= 0:
            self.sink(data[:end])
        self._pending = data[end + 1 :]
        if len(self._pending) > self.max_line:
            raise self.origin.error(f"a line is longer than {self.max_line} bytes")

    def close(self) -> None:
        """The body ended: pass on its last line, unless it holds only whitespace."""
        if self._pending.strip():
            self.sink(self._pending)
        self._pending = b""


class _Network(httpx.AsyncBaseTransport):
    """The transport under the cache: what really goes on the wire.

    It announces each request as it goes out (a cache hit sends none) and drops
    validators that are not valid header values before the cache can keep them.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport):
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        announce = request.extensions.get(_ANNOUNCE)
        if announce is not None:
            announce(request)
        response = await self.inner.handle_async_request(request)
        for name in VALIDATORS:
            if name in response.headers and header_value(response.headers, name) is None:
                del response.headers[name]
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class _WrappedClient(httpx.AsyncClient):
    """An AsyncClient whose every transport (direct, and one per proxy from the environment)
    is wrapped by ``wrap``: passing ``transport=`` instead would drop the proxies."""

    def __init__(
        self,
        wrap: Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport],
        **options: Any,
    ):
        self._wrap = wrap
        super().__init__(**options)

    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return self._wrap(super()._init_transport(*args, **kwargs))

    def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return self._wrap(super()._init_proxy_transport(*args, **kwargs))


def prepare_cache(path: Path) -> bool:
    """Make the cache file usable: its folder made, a damaged file removed (quietly).

    Returns False if the folder cannot be made or the damaged file removed: then
    the refresh goes without a cache.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not _healthy(path):
            for suffix in ("", "-wal", "-shm", "-journal"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _healthy(path: Path) -> bool:
    """Whether ``path`` is an SQLite database hishel can use (or an empty one)."""
    try:
        with closing(sqlite3.connect(path, timeout=5)) as db:
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return False
            for table, columns in TABLE_COLUMNS.items():
                found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
                if found and found != columns:
                    return False
    except sqlite3.Error:
        return False
    return True


async def _no_tls() -> ssl.SSLContext:
    """A context that verifies certificates but trusts none: for a client that asks only
    http URLs (any https one fails, it is never made unverified)."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


async def _open_storage(path: Path | None, max_size: int) -> AsyncSqliteStorage | None:
    """The HTTP cache at ``path``, its file checked, opened and its tables made now, not on
    the first request (None: no cache, or its folder cannot be used)."""
    if path is None:
        return None
    try:
        connection: Any = await CacheConnection.open(path, prepare_cache, _make_tables)
    except sqlite3.Error:
        # a file SQLite cannot open (its permissions...): no cache, as for a folder that
        # cannot be made; never hishel's own connection (anysqlite), whose calls a
        # cancelled refresh could leave running on a thread (sources/cache_db.py)
        return None
    if connection is None:
        return None
    storage = AsyncSqliteStorage(connection=connection, database_path=path, max_size=max_size)
    if connection.initialized:  # (else hishel's own set-up meets the failure and says so)
        storage._initialized = True
        return storage
    try:
        await storage._ensure_connection()
    except (sqlite3.Error, RuntimeError):
        pass  # the first request meets the same failure and says so
    except BaseException:  # cancelled: the file is closed
        await storage.close()
        raise
    return storage


def _make_tables(connection: sqlite3.Connection) -> None:
    """hishel's own set-up of a cache file (WAL mode, pragmas, tables and indexes), run by
    its synchronous storage on the connection's thread in the call that opens it: the
    async storage sent each of its 13 statements to a thread in turn (~4 ms before the
    first request could be looked up)."""
    SqliteStorage(connection=connection)._ensure_connection()


class HttpClient:
    """An ``httpx.AsyncClient`` with the policy above; use as ``async with``.

    ``cache`` is the HTTP cache file (None: no cache); ``force`` revalidates every
    cached answer (``Cache-Control: no-cache`` on every request). ``tls``: whether
    https URLs will be asked for; if not, the certificate bundle (~20-40 ms of CPU) is not
    loaded, and an https URL fails verification (never an unverified connection).
    Opening loads the certificates and opens the cache file on worker threads, so it
    can overlap other work (``refresh`` reads the store meanwhile).
    """

    def __init__(
        self,
        policy: HttpPolicy | None = None,
        progress: ProgressCallback | None = None,
        *,
        cache: Path | None = None,
        force: bool = False,
        tls: bool = True,
    ):
        self.policy = policy or HttpPolicy()
        self._progress = progress
        self._cache = cache
        self._force = force
        self._tls = tls
        self._client: httpx.AsyncClient | None = None
        self._storage: AsyncSqliteStorage | None = None

    async def __aenter__(self) -> HttpClient:
        policy = self.policy
        wrap: Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport] = _Network
        verify, storage = await asyncio.gather(
            asyncio.to_thread(httpx.create_ssl_context) if self._tls else _no_tls(),
            _open_storage(self._cache, policy.cache_bytes),
            return_exceptions=True,  # both finish: an opened cache file is closed on failure
        )
        for failure in (verify, storage):
            if isinstance(failure, BaseException):
                if isinstance(storage, AsyncSqliteStorage):
                    await storage.close()
                raise failure
        assert isinstance(verify, ssl.SSLContext)
        if isinstance(storage, AsyncSqliteStorage):
            self._storage = cache = storage

            def wrap(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
                return AsyncCacheTransport(
                    _Network(inner), storage=cache, rfc=CacheOptions(shared=False)
                )

        headers = {"User-Agent": USER_AGENT}
        if self._force:
            headers["Cache-Control"] = "no-cache"
        self._client = _WrappedClient(
            wrap,
            timeout=httpx.Timeout(
                connect=policy.connect_timeout,
                read=policy.read_timeout,
                write=policy.read_timeout,
                pool=policy.connect_timeout,
            ),
            headers=headers,
            follow_redirects=False,  # followed here, on the same host only
            verify=verify,
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Close the client, and the cache file whatever happens (its transports close
        it too: closing it again does nothing)."""
        try:
            if self._client is not None:
                await self._client.aclose()
                self._client = None
        finally:
            if self._storage is not None:
                storage, self._storage = self._storage, None
                await storage.close()

    def report(self, source: str, status: str) -> None:
        """Pass one progress line (``"TVmaze"``, ``"episodes: 200 OK"``) to the callback."""
        if self._progress is not None:
            self._progress(source, status)

    async def get(self, request: Request) -> Fetched:
        """Fetch a whole (capped) body."""
        cap = request.max_bytes or self.policy.max_bytes

        async def read(response: httpx.Response) -> bytes:
            body = bytearray()
            async for chunk in decoded_body(response):
                body += chunk
                _check_size(request, len(body), cap)
            return bytes(body)

        return await self._fetch(request, read)

    async def stream_lines(self, request: Request, sink: LineSink) -> Fetched:
        """Fetch a text body into ``sink`` in blocks of whole lines (:class:`LineBlocks`).

        The body is never held whole, and never decoded: that is left to ``sink``, so it
        can skip most of a big file without decoding it. The returned Fetched has an
        empty ``body``: the lines went to ``sink`` (none if it is ``unchanged``).
        """
        cap = request.max_bytes or self.policy.max_bytes

        async def feed(response: httpx.Response) -> bytes:
            blocks, size = LineBlocks(sink, self.policy.max_line, request.origin), 0
            async for chunk in decoded_body(response):
                size += len(chunk)
                _check_size(request, size, cap)
                blocks.push(chunk)
            blocks.close()
            return b""

        return await self._fetch(request, feed)

    async def _fetch(
        self, request: Request, consume: Callable[[httpx.Response], Awaitable[bytes]]
    ) -> Fetched:
        """Attempt, and retry 429/5xx answers after a capped wait."""
        attempt = 1
        while True:
            outcome = await self._attempt(request, consume, attempt)
            if isinstance(outcome, Fetched):
                return outcome
            self.report(
                request.source,
                f"{request.label}: {_status_text(outcome.status)}, "
                f"retry {attempt}/{self.policy.retries} in {outcome.wait:.1f}s",
            )
            await asyncio.sleep(outcome.wait)
            attempt += 1

    def _announcer(self, request: Request) -> Callable[[httpx.Request], None]:
        """The progress line said as a request really goes out (not for a cache hit)."""

        def announce(sent: httpx.Request) -> None:
            conditional = any(name in sent.headers for name in CONDITIONS)
            asking = "revalidating" if conditional else "requesting"
            where = sent.url.copy_with(query=None)
            self.report(request.source, f"{request.label}: {asking} {where}")
            if request.on_sent is not None:
                request.on_sent()

        return announce

    async def _attempt(
        self,
        request: Request,
        consume: Callable[[httpx.Response], Awaitable[bytes]],
        attempt: int,
    ) -> Fetched | _Retry:
        """One exchange (redirects included) within the deadline, every transport failure
        made a SourceError."""
        assert self._client is not None, "HttpClient used outside `async with`"
        deadline = request.deadline or self.policy.deadline
        error = request.origin.error
        extensions = {_ANNOUNCE: self._announcer(request)}
        try:
            async with asyncio.timeout(deadline):
                url = httpx.URL(request.url)
                for _hop in range(self.policy.max_redirects + 1):
                    async with self._client.stream("GET", url, extensions=extensions) as response:
                        if response.next_request is not None:
                            url = _same_origin(request, response.next_request.url)
                            continue
                        status = response.status_code
                        if status in RETRY_STATUSES and attempt <= self.policy.retries:
                            return self._retry(request, response, attempt)
                        return await self._answer(request, str(url), response, consume, attempt)
                raise error(f"more than {self.policy.max_redirects} redirects")
        except TimeoutError:
            raise error(f"no complete answer within {deadline:g}s") from None
        except httpx.TimeoutException as failure:
            raise error(f"timed out ({self._timeout_kind(failure)})") from None
        except httpx.ConnectError as failure:
            raise error(f"cannot connect ({str(failure) or 'no network?'})") from None
        except httpx.RemoteProtocolError as failure:
            if "location" in str(failure).lower():
                raise error("redirected to an invalid URL") from None
            raise error(f"the connection broke mid-answer, body truncated ({failure})") from None
        except httpx.DecodingError:
            raise error("the body could not be decoded (bad content encoding)") from None
        except (httpx.HTTPError, httpx.InvalidURL) as failure:
            raise error(f"{type(failure).__name__}: {failure}") from None
        except (sqlite3.Error, RuntimeError) as failure:  # the cache file failed under us
            cache = f"the HTTP cache {self._cache}" if self._cache else "the HTTP cache"
            raise error(f"{cache} failed ({failure}); try again") from None

    async def _answer(
        self,
        request: Request,
        url: str,
        response: httpx.Response,
        consume: Callable[[httpx.Response], Awaitable[bytes]],
        attempt: int,
    ) -> Fetched:
        """Turn a final answer into a Fetched (200, from the network or the cache) or a
        SourceError."""
        status = response.status_code
        caching = response.extensions.get("caching") or {}
        from_cache, revalidated = bool(caching.get("from_cache")), bool(caching.get("revalidated"))
        self.report(request.source, f"{request.label}: {_answer_text(status, caching)}")
        if status != HTTPStatus.OK:
            tries = f" after {attempt} attempts" if attempt > 1 else ""
            raise HttpStatusError(
                str(request.origin.error(f"HTTP {_status_text(status)}{tries}")), status
            )
        fetched = Fetched(
            url=url,
            status=status,
            fetched=_answered_at(response) if from_cache and not revalidated else now_iso(),
            etag=header_value(response.headers, "ETag"),
            last_modified=header_value(response.headers, "Last-Modified"),
            from_cache=from_cache,
            revalidated=revalidated,
        )
        if from_cache and _same_version(request.previous, fetched):
            return replace(fetched, unchanged=True)
        declared = response.headers.get("Content-Length", "")
        cap = request.max_bytes or self.policy.max_bytes
        if declared.isdigit() and "Content-Encoding" not in response.headers:
            _check_size(request, int(declared), cap)
        return replace(fetched, body=await consume(response))

    def _timeout_kind(self, failure: httpx.TimeoutException) -> str:
        """``waiting for data: nothing for 30s``: what timed out, and after how long."""
        policy = self.policy
        kinds = {
            httpx.ConnectTimeout: ("connecting", policy.connect_timeout),
            httpx.ReadTimeout: ("waiting for data", policy.read_timeout),
            httpx.WriteTimeout: ("sending", policy.read_timeout),
            httpx.PoolTimeout: ("waiting for a connection", policy.connect_timeout),
        }
        kind, seconds = kinds.get(type(failure), ("network", policy.read_timeout))
        return f"{kind}: nothing for {seconds:g}s"

    def _retry(self, request: Request, response: httpx.Response, attempt: int) -> _Retry:
        """Retry-After if the server gave one, else exponential backoff; a Retry-After
        longer than ``max_wait`` fails the request (the server is not asked early)."""
        wait = parse_retry_after(response.headers.get("Retry-After"))
        if wait is None:
            return _Retry(response.status_code, self.policy.backoff * 2 ** (attempt - 1))
        if wait > self.policy.max_wait:
            raise request.origin.error(
                f"HTTP {_status_text(response.status_code)}, and the server asks to wait "
                f"{wait:g}s (Retry-After), longer than {self.policy.max_wait:g}s"
            )
        return _Retry(response.status_code, wait)


def _answer_text(status: int, caching: dict[str, Any]) -> str:
    """``200 OK``; ``304 Not Modified, the cached copy is current``; ``from the cache``."""
    if status == HTTPStatus.OK and caching.get("from_cache"):
        if caching.get("revalidated"):
            return "304 Not Modified, the cached copy is current"
        return "from the cache (still fresh: not asked)"
    return _status_text(status)


def _answered_at(response: httpx.Response) -> str:
    """When a cached answer was given: its ``Date`` (ISO, UTC), else now. A refresh that
    only reads the cache then brings the very same Source record, and saves nothing."""
    try:
        when = parsedate_to_datetime(header_value(response.headers, "Date") or "")
    except (TypeError, ValueError, IndexError):
        return now_iso()
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _same_version(previous: Source | None, answer: Fetched) -> bool:
    """Whether the stored record is of this very answer: same URL and validators."""
    if previous is None or not (answer.etag or answer.last_modified):
        return False
    return (previous.url, previous.etag, previous.last_modified) == (
        answer.url,
        answer.etag,
        answer.last_modified,
    )


def _same_origin(request: Request, target: httpx.URL) -> httpx.URL:
    """A redirect's target if it stays on the requested scheme, host and port."""
    asked = httpx.URL(request.url)
    if (target.scheme, target.host, target.port) != (asked.scheme, asked.host, asked.port):
        raise request.origin.error(
            f"redirected to {target.copy_with(query=None)}: refused, the data must come "
            f"from {asked.scheme}://{asked.netloc.decode('ascii', 'replace')}"
        )
    return target


def _check_size(request: Request, size: int, cap: int) -> None:
    if size > cap:
        raise request.origin.error(f"the answer is larger than the {cap / MIB:g} MiB limit")
