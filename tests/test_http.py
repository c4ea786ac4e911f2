"""The HTTP client against a real local server: limits, retries, validators, failures."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from diplomat_tui import __version__
from diplomat_tui.errors import SourceError
from diplomat_tui.model import Source
from diplomat_tui.sources import Origin
from diplomat_tui.sources.http import (
    MIB,
    USER_AGENT,
    HttpClient,
    HttpPolicy,
    LineBlocks,
    Request,
    gather_all,
    parse_retry_after,
)

from helpers.localserver import (
    CAST,
    EMBED_QUERY,
    EMBEDDABLE,
    GLOBAL,
    LAST_MODIFIED,
    SHOW,
    LocalServer,
)

FAST = HttpPolicy(
    connect_timeout=2, read_timeout=2, deadline=5, retries=2, backoff=0.01, max_wait=0.05
)


def request(server: LocalServer, path: str, previous: Source | None = None) -> Request:
    return Request("Test", path.rsplit("/", 1)[-1], server.url + path, previous=previous)


async def get(server: LocalServer, path: str, policy: HttpPolicy = FAST, **kwargs: object):
    async with HttpClient(policy) as http:
        return await http.get(request(server, path, **kwargs))  # type: ignore[arg-type]


async def failure(server: LocalServer, path: str, policy: HttpPolicy = FAST) -> str:
    with pytest.raises(SourceError) as caught:
        await get(server, path, policy)
    message = str(caught.value)
    assert "\n" not in message and "Test" in message
    return message


# -- success, politeness, validators ---------------------------------------------------


async def test_get_returns_body_and_validators_and_sends_user_agent(local_server: LocalServer):
    answer = await get(local_server, CAST)
    assert answer.status == 200 and answer.body.startswith(b"[")
    assert answer.etag and answer.last_modified == LAST_MODIFIED
    sent = local_server.requests_to(CAST)[0].headers
    assert sent["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"diplomat-tui/{__version__} (+http")


async def test_conditional_request_gets_304_without_body(local_server: LocalServer):
    first = await get(local_server, CAST)
    previous = first.source(id="tvmaze:/cast", kind="tvmaze", title="cast")
    second = await get(local_server, CAST, previous=previous)
    assert second.unchanged and second.body == b""
    logged = local_server.requests_to(CAST)[-1]
    assert logged.headers["If-None-Match"] == first.etag
    assert logged.headers["If-Modified-Since"] == LAST_MODIFIED
    assert (logged.status, logged.body_bytes) == (304, 0)


async def test_the_show_with_embedded_lists_is_one_answer_then_a_304(local_server: LocalServer):
    """The request a refresh makes for TVmaze: its query reaches the server as sent."""
    first = await get(local_server, f"{SHOW}?{EMBED_QUERY}")
    assert list(json.loads(first.body)["_embedded"]) == list(EMBEDDABLE)
    previous = first.source(id="tvmaze:/shows/1", kind="tvmaze", title="show")
    assert (await get(local_server, f"{SHOW}?{EMBED_QUERY}", previous=previous)).unchanged
    logged = local_server.requests_to(SHOW)
    assert [(r.query, r.status) for r in logged] == [(EMBED_QUERY, 200), (EMBED_QUERY, 304)]


async def test_if_modified_since_alone_is_honoured(local_server: LocalServer):
    previous = Source(id="x", kind="tvmaze", title="x", last_modified=LAST_MODIFIED)
    assert (await get(local_server, CAST, previous=previous)).unchanged


async def test_stale_validators_get_the_new_body(local_server: LocalServer):
    previous = Source(id="x", kind="tvmaze", title="x", etag='"old"')
    answer = await get(local_server, CAST, previous=previous)
    assert answer.status == 200 and answer.body


# -- retries ---------------------------------------------------------------------------


async def test_5xx_is_retried_then_succeeds(local_server: LocalServer):
    local_server.set(CAST, fail=500, times=2)
    lines: list[tuple[str, str]] = []
    async with HttpClient(FAST, lambda *line: lines.append(line)) as http:
        answer = await http.get(request(local_server, CAST))
    assert answer.status == 200
    assert [r.status for r in local_server.requests_to(CAST)] == [500, 500, 200]
    assert [status for _, status in lines] == [
        "cast: 500 Internal Server Error, retry 1/2 in 0.0s",
        "cast: 500 Internal Server Error, retry 2/2 in 0.0s",
        "cast: 200 OK",
    ]


async def test_retry_after_seconds_is_honoured(local_server: LocalServer):
    local_server.set(CAST, fail=429, times=1, retry_after="1")
    policy = HttpPolicy(retries=1, backoff=0.01, max_wait=5)
    started = time.monotonic()
    assert (await get(local_server, CAST, policy)).status == 200
    assert time.monotonic() - started >= 0.9


async def test_retry_after_is_capped(local_server: LocalServer):
    local_server.set(CAST, fail=503, times=1, retry_after="3600")
    started = time.monotonic()
    assert (await get(local_server, CAST)).status == 200
    assert time.monotonic() - started < 2


async def test_429_past_the_retries_fails(local_server: LocalServer):
    local_server.set(CAST, fail=429, times=10, retry_after="0")
    message = await failure(local_server, CAST)
    assert "HTTP 429 Too Many Requests after 3 attempts" in message
    assert local_server.url + CAST in message
    assert len(local_server.requests_to(CAST)) == 3


def test_parse_retry_after_seconds_and_dates():
    now = datetime(2024, 11, 12, 9, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


# -- failures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("switches", "expected"),
    [
        ({"fail": 404}, "HTTP 404 Not Found"),
        ({"fail": 500, "times": 5}, "HTTP 500 Internal Server Error after 3 attempts"),
        ({"truncate": True}, "body truncated"),
        ({"latency": 1.5}, "timed out (waiting for data)"),
    ],
)
async def test_failures_are_one_line_source_errors(
    local_server: LocalServer, switches: dict[str, object], expected: str
):
    local_server.set(CAST, **switches)
    policy = HttpPolicy(read_timeout=0.5, deadline=5, retries=2, backoff=0.01)
    message = await failure(local_server, CAST, policy)
    assert expected in message and local_server.url + CAST in message


async def test_trickling_server_hits_the_overall_deadline(local_server: LocalServer):
    local_server.set(CAST, trickle=0.02)  # ~6 KB at 16 bytes per 20 ms: every read is quick
    policy = HttpPolicy(read_timeout=1, deadline=0.5)
    started = time.monotonic()
    message = await failure(local_server, CAST, policy)
    assert "no complete answer within 0.5s" in message
    assert time.monotonic() - started < 1.5


async def test_body_over_the_cap_is_refused(local_server: LocalServer):
    local_server.set(CAST, oversize=3 * MIB)
    message = await failure(local_server, CAST, HttpPolicy(max_bytes=1 * MIB))
    assert "larger than the 1 MiB limit" in message


async def test_gzip_bomb_is_counted_in_decoded_bytes(local_server: LocalServer):
    local_server.set(CAST, gzip_bomb=64 * MIB)
    message = await failure(local_server, CAST, HttpPolicy(max_bytes=1 * MIB))
    assert "larger than the 1 MiB limit" in message
    assert local_server.requests_to(CAST)[0].body_bytes < 1 * MIB  # small on the wire


async def test_nobody_listening_is_a_source_error(local_server: LocalServer):
    url = local_server.url
    local_server.stop()
    async with HttpClient(FAST) as http:
        with pytest.raises(SourceError, match="cannot connect") as caught:
            await http.get(Request("Test", "cast", url + CAST))
    assert url in str(caught.value)


async def test_unresolvable_host_is_a_source_error():
    async with HttpClient(FAST) as http:
        with pytest.raises(SourceError, match=r"cannot connect .*diplomat-tui\.invalid"):
            await http.get(Request("Test", "cast", "http://diplomat-tui.invalid/cast"))


async def test_unsupported_url_is_a_source_error():
    async with HttpClient(FAST) as http:
        with pytest.raises(SourceError, match="Test cast: .*ftp://example.org/cast"):
            await http.get(Request("Test", "cast", "ftp://example.org/cast"))


# -- streaming lines -------------------------------------------------------------------


async def stream_blocks(server: LocalServer, path: str, policy: HttpPolicy = FAST) -> list[bytes]:
    blocks: list[bytes] = []
    async with HttpClient(policy) as http:
        await http.stream_lines(request(server, path), blocks.append)
    return blocks


async def stream(server: LocalServer, path: str, policy: HttpPolicy = FAST) -> list[bytes]:
    return [
        line for block in await stream_blocks(server, path, policy) for line in block.split(b"\n")
    ]


async def test_stream_lines_splits_lines_across_chunks(local_server: LocalServer):
    body = b"\xef\xbb\xbfweek\tcategory\r\n" + "caf\u00e9\tTV\n".encode() * 20000 + b"last\tline"
    local_server.set(GLOBAL, body=body)
    lines = await stream(local_server, GLOBAL)
    assert lines[0] == b"week\tcategory\r"  # no BOM; a CRLF line keeps its CR for the reader
    assert lines[1:-1] == ["caf\u00e9\tTV".encode()] * 20000
    assert lines[-1] == b"last\tline"


async def test_stream_lines_passes_many_whole_lines_at_a_time(local_server: LocalServer):
    line = "caf\u00e9\tTV\n".encode()  # é is two bytes: some chunk ends inside one
    local_server.set(GLOBAL, body=line * 50_000 + b"\n \t")  # an empty line, a blank end
    blocks = await stream_blocks(local_server, GLOBAL)
    assert len(blocks) < 1000  # 50,000 lines, many to a call
    assert b"\n".join(blocks).split(b"\n") == ["caf\u00e9\tTV".encode()] * 50_000 + [b""]


async def test_stream_lines_passes_bytes_undecoded_and_refuses_endless_lines(
    local_server: LocalServer,
):
    local_server.set(GLOBAL, body=b"week\n\xff\xfe\n\xef\xbb\xbflast")  # decoding is the sink's
    assert await stream_blocks(local_server, GLOBAL) == [b"week\n\xff\xfe", b"\xef\xbb\xbflast"]
    local_server.set(GLOBAL, body=b"x" * 300_000)
    with pytest.raises(SourceError, match="line is longer than 100000 bytes"):
        await stream(local_server, GLOBAL, HttpPolicy(max_line=100_000))


def test_line_blocks_drop_a_bom_cut_across_chunks_and_only_at_the_start():
    blocks: list[bytes] = []
    lines = LineBlocks(blocks.append, 100, Origin("Test", "http://127.0.0.1/"))
    for chunk in (b"\xef", b"\xbb", b"\xbfweek\n\xef\xbb\xbf", b"x\r\nlast"):
        lines.push(chunk)
    lines.close()
    assert blocks == [b"week", b"\xef\xbb\xbfx\r", b"last"]


# -- concurrency -----------------------------------------------------------------------


async def test_gather_all_runs_concurrently_and_raises_the_first_failure():
    finished: list[str] = []

    async def slow(name: str, delay: float) -> str:
        await asyncio.sleep(delay)
        finished.append(name)
        return name

    async def broken() -> str:
        await asyncio.sleep(0.01)
        raise SourceError("broken")

    started = time.monotonic()
    assert await gather_all(slow("a", 0.1), slow("b", 0.1)) == ["a", "b"]
    assert time.monotonic() - started < 0.19
    with pytest.raises(SourceError, match="broken"):
        await gather_all(slow("c", 1), broken())
    assert "c" not in finished
