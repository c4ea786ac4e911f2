"""One polite, bounded, retrying HTTP client for every public source.

httpx alone is not enough (see docs/pitfalls.md): its timeouts are per network read, it has
no size limit, and it retries neither 429 nor 5xx. So every request here has:

* connect/read timeouts *and* an overall deadline (``asyncio.timeout``), so a server
  trickling bytes cannot hold a refresh forever;
* a cap on the body, counted in decoded bytes while streaming (covers gzip bombs);
* retries with exponential backoff on 429 and 5xx, honouring ``Retry-After`` (seconds
  or an HTTP date), every wait capped;
* conditional requests from the validators kept on the previous :class:`Source`
  record (``If-None-Match``/``If-Modified-Since``); a 304 means "unchanged";
* a User-Agent naming the project and its version.

Every failure becomes a :class:`SourceError` with a one-line reason naming the source
and the URL.
"""

from __future__ import annotations

import asyncio
import codecs
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, TypeVar

import httpx

from diplomat_tui import __version__
from diplomat_tui.model import Source, SourceKind
from diplomat_tui.sources import Origin
from diplomat_tui.store import now_iso

MIB = 1024 * 1024
PROJECT_URL = "https://pypi.org/project/diplomat-tui/"
USER_AGENT = f"diplomat-tui/{__version__} (+{PROJECT_URL})"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BOM = codecs.BOM_UTF8  # dropped from the start of a streamed text body

ProgressCallback = Callable[[str, str], None]
LineSink = Callable[[bytes], None]  # gets raw whole lines, many at a time, b"\n"-separated
T = TypeVar("T")


@dataclass(frozen=True)
class HttpPolicy:
    """Limits applied to every request (tests shrink them to keep waits short)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # between two network reads
    deadline: float = 120.0  # one whole exchange, headers to last byte
    max_bytes: int = 16 * MIB  # decoded body size
    max_line: int = 1 * MIB  # longest line accepted when streaming lines
    retries: int = 3  # further attempts after a 429 or 5xx
    backoff: float = 1.0  # first wait without Retry-After; doubles on each retry
    max_wait: float = 30.0  # cap on any wait between attempts


@dataclass(frozen=True)
class Request:
    """One GET: what it is (for messages and progress), where, and its previous answer."""

    source: str  # "TVmaze", "Netflix Top 10": the name progress lines start with
    label: str  # "episodes": what this request fetches
    url: str
    previous: Source | None = None  # the stored Source record, for its validators
    max_bytes: int | None = None  # overrides the policy's cap
    deadline: float | None = None  # overrides the policy's deadline

    @property
    def origin(self) -> Origin:
        """The source and URL, for error messages."""
        return Origin(f"{self.source} {self.label}", self.url)


@dataclass(frozen=True)
class Fetched:
    """A successful answer: 200 with its body, or 304 (unchanged, no body)."""

    url: str
    status: int
    fetched: str
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""

    @property
    def unchanged(self) -> bool:
        """Whether the server said the stored copy is still current (304)."""
        return self.status == HTTPStatus.NOT_MODIFIED

    def source(self, *, id: str, kind: SourceKind, title: str) -> Source:
        """The Source record for this answer, keeping its validators for next time."""
        return Source(
            id=id,
            kind=kind,
            title=title,
            url=self.url,
            fetched=self.fetched,
            etag=self.etag,
            last_modified=self.last_modified,
        )


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


def conditional_headers(previous: Source | None) -> dict[str, str]:
    """``If-None-Match``/``If-Modified-Since`` from a stored Source record's validators."""
    headers: dict[str, str] = {}
    if previous and previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous and previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    return headers


async def gather_all(*aws: Coroutine[Any, Any, T]) -> list[T]:
    """Run coroutines concurrently; on the first failure cancel the rest and raise it."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(aw) for aw in aws]
    except BaseExceptionGroup as failures:
        raise _first_leaf(failures) from None
    return [task.result() for task in tasks]


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


class HttpClient:
    """An ``httpx.AsyncClient`` with the policy above; use as ``async with``."""

    def __init__(self, policy: HttpPolicy | None = None, progress: ProgressCallback | None = None):
        self.policy = policy or HttpPolicy()
        self._progress = progress
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> HttpClient:
        policy = self.policy
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=policy.connect_timeout,
                read=policy.read_timeout,
                write=policy.read_timeout,
                pool=policy.connect_timeout,
            ),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def report(self, source: str, status: str) -> None:
        """Pass one progress line (``"TVmaze"``, ``"episodes: 200 OK"``) to the callback."""
        if self._progress is not None:
            self._progress(source, status)

    async def get(self, request: Request) -> Fetched:
        """Fetch a whole (capped) body."""
        cap = request.max_bytes or self.policy.max_bytes

        async def read(response: httpx.Response) -> bytes:
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                _check_size(request, len(body), cap)
            return bytes(body)

        return await self._fetch(request, read)

    async def stream_lines(self, request: Request, sink: LineSink) -> Fetched:
        """Fetch a text body into ``sink`` in blocks of whole lines (:class:`LineBlocks`).

        The body is never held whole, and never decoded: that is left to ``sink``, so it
        can skip most of a big file without decoding it. The returned Fetched has an
        empty ``body``: the lines went to ``sink``.
        """
        cap = request.max_bytes or self.policy.max_bytes

        async def feed(response: httpx.Response) -> bytes:
            blocks, size = LineBlocks(sink, self.policy.max_line, request.origin), 0
            async for chunk in response.aiter_bytes():
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

    async def _attempt(
        self,
        request: Request,
        consume: Callable[[httpx.Response], Awaitable[bytes]],
        attempt: int,
    ) -> Fetched | _Retry:
        """One exchange within the deadline, every transport failure made a SourceError."""
        assert self._client is not None, "HttpClient used outside `async with`"
        deadline = request.deadline or self.policy.deadline
        error = request.origin.error
        try:
            async with asyncio.timeout(deadline):
                async with self._client.stream(
                    "GET", request.url, headers=conditional_headers(request.previous)
                ) as response:
                    status = response.status_code
                    if status in RETRY_STATUSES and attempt <= self.policy.retries:
                        return _Retry(status, self._retry_wait(response, attempt))
                    return await self._answer(request, response, consume, attempt)
        except TimeoutError:
            raise error(f"no complete answer within {deadline:g}s") from None
        except httpx.TimeoutException as failure:
            raise error(f"timed out ({_timeout_kind(failure)})") from None
        except httpx.ConnectError as failure:
            raise error(f"cannot connect ({str(failure) or 'no network?'})") from None
        except httpx.RemoteProtocolError as failure:
            raise error(f"the connection broke mid-answer, body truncated ({failure})") from None
        except httpx.DecodingError:
            raise error("the body could not be decoded (bad content encoding)") from None
        except httpx.TooManyRedirects:
            raise error("too many redirects") from None
        except (httpx.HTTPError, httpx.InvalidURL) as failure:
            raise error(f"{type(failure).__name__}: {failure}") from None

    async def _answer(
        self,
        request: Request,
        response: httpx.Response,
        consume: Callable[[httpx.Response], Awaitable[bytes]],
        attempt: int,
    ) -> Fetched:
        """Turn a final status into a Fetched (200, 304) or a SourceError."""
        status = response.status_code
        self.report(request.source, f"{request.label}: {_status_text(status)}")
        fetched = Fetched(
            url=request.url,
            status=status,
            fetched=now_iso(),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
        if status == HTTPStatus.NOT_MODIFIED and request.previous is not None:
            return fetched
        if status != HTTPStatus.OK:
            tries = f" after {attempt} attempts" if attempt > 1 else ""
            raise request.origin.error(f"HTTP {_status_text(status)}{tries}")
        declared = response.headers.get("Content-Length", "")
        cap = request.max_bytes or self.policy.max_bytes
        if declared.isdigit() and "Content-Encoding" not in response.headers:
            _check_size(request, int(declared), cap)
        return replace(fetched, body=await consume(response))

    def _retry_wait(self, response: httpx.Response, attempt: int) -> float:
        """Retry-After if the server gave one, else exponential backoff; capped."""
        wait = parse_retry_after(response.headers.get("Retry-After"))
        if wait is None:
            wait = self.policy.backoff * 2 ** (attempt - 1)
        return min(wait, self.policy.max_wait)


def _check_size(request: Request, size: int, cap: int) -> None:
    if size > cap:
        raise request.origin.error(f"the answer is larger than the {cap / MIB:g} MiB limit")


def _timeout_kind(failure: httpx.TimeoutException) -> str:
    kinds = {
        httpx.ConnectTimeout: "connecting",
        httpx.ReadTimeout: "waiting for data",
        httpx.WriteTimeout: "sending",
        httpx.PoolTimeout: "waiting for a connection",
    }
    return kinds.get(type(failure), "network")
