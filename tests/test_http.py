"""The HTTP client against a real local server: limits, retries, caching, redirects, failures."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from diplomat_tui import __version__
from diplomat_tui.errors import SourceError
from diplomat_tui.model import Source
from diplomat_tui.sources import Origin
from diplomat_tui.sources.http import (
    MIB,
    USER_AGENT,
    Fetched,
    HttpClient,
    HttpPolicy,
    LineBlocks,
    Request,
    gather_all,
)

from helpers.localserver import (
    CAST,
    EMBED_QUERY,
    EMBEDDABLE,
    GLOBAL,
    LAST_MODIFIED,
    SHOW,
    TVMAZE,
    LocalServer,
    Logged,
    gzip_repeated,
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


# -- success, politeness, caching ------------------------------------------------------


def headers(logged: Logged) -> dict[str, str]:
    """The headers a request carried, names lowercased."""
    return {name.lower(): value for name, value in logged.headers.items()}


async def cached_get(
    server: LocalServer, path: str, cache: Path, previous: Source | None = None, **options: Any
) -> tuple[Fetched, list[tuple[str, str]]]:
    """One request through a new client (as a new refresh makes) on the cache file ``cache``."""
    lines: list[tuple[str, str]] = []
    async with HttpClient(FAST, lambda *line: lines.append(line), cache=cache, **options) as http:
        return await http.get(request(server, path, previous)), lines


async def test_get_returns_the_body_says_each_request_and_sends_user_agent(
    local_server: LocalServer,
):
    lines: list[tuple[str, str]] = []
    async with HttpClient(FAST, lambda *line: lines.append(line)) as http:
        answer = await http.get(request(local_server, CAST))
    assert answer.status == 200 and answer.body.startswith(b"[")
    assert (answer.etag, answer.last_modified) == (None, None)  # TVmaze sends no validators
    assert lines == [
        ("Test", f"cast: requesting {local_server.url}{CAST}"),
        ("Test", "cast: 200 OK"),
    ]
    sent = local_server.requests_to(CAST)[0].headers
    assert sent["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"diplomat-tui/{__version__} (+http")


async def test_a_fresh_cached_answer_is_not_asked_again(local_server: LocalServer, tmp_path: Path):
    """TVmaze's ``max-age=3600``: within the hour, a new client (a new process) sends nothing."""
    cache = tmp_path / "http.sqlite"
    first, _ = await cached_get(local_server, f"{SHOW}?{EMBED_QUERY}", cache)
    again, lines = await cached_get(local_server, f"{SHOW}?{EMBED_QUERY}", cache)
    assert len(local_server.requests_to(SHOW)) == 1
    assert again.body == first.body and list(json.loads(again.body)["_embedded"]) == list(
        EMBEDDABLE
    )
    assert (again.from_cache, again.revalidated, again.unchanged) == (True, False, False)
    label = request(local_server, f"{SHOW}?{EMBED_QUERY}").label
    assert lines == [("Test", f"{label}: from the cache (still fresh: not asked)")]


async def test_force_revalidates_a_fresh_answer(local_server: LocalServer, tmp_path: Path):
    cache = tmp_path / "http.sqlite"
    await cached_get(local_server, CAST, cache)
    forced, _ = await cached_get(local_server, CAST, cache, force=True)
    sent = local_server.requests_to(CAST)
    assert [r.status for r in sent] == [200, 200] and forced.body
    assert headers(sent[1])["cache-control"] == "no-cache"
    assert "cache-control" not in headers(sent[0])


async def test_a_file_with_validators_is_revalidated_and_unchanged_is_not_read(
    local_server: LocalServer, tmp_path: Path
):
    """Top 10 files: ``no-cache`` with an ETag, so a 304 each time; the cache serves the body."""
    cache = tmp_path / "http.sqlite"
    first, _ = await cached_get(local_server, GLOBAL, cache)
    assert first.etag and first.last_modified == LAST_MODIFIED and not first.from_cache
    again, lines = await cached_get(local_server, GLOBAL, cache)
    assert (again.from_cache, again.revalidated, again.unchanged) == (True, True, False)
    assert again.body == first.body  # no record of this version in the store: read again
    record = first.source(id="top10:global", kind="top10", title="global")
    same, _ = await cached_get(local_server, GLOBAL, cache, previous=record)
    assert same.unchanged and same.body == b""
    logged = local_server.requests_to(GLOBAL)
    assert [(r.status, r.body_bytes) for r in logged] == [
        (200, len(first.body)),
        (304, 0),
        (304, 0),
    ]
    assert headers(logged[1])["if-none-match"] == first.etag
    assert ("Test", f"all-weeks-global.tsv: revalidating {local_server.url}{GLOBAL}") in lines
    assert ("Test", "all-weeks-global.tsv: 304 Not Modified, the cached copy is current") in lines


async def test_a_changed_file_is_read_in_full(local_server: LocalServer, tmp_path: Path):
    cache = tmp_path / "http.sqlite"
    first, _ = await cached_get(local_server, GLOBAL, cache)
    record = first.source(id="top10:global", kind="top10", title="global")
    local_server.set(GLOBAL, body=b"week\tcategory\n")
    changed, _ = await cached_get(local_server, GLOBAL, cache, previous=record)
    assert not changed.unchanged and changed.body == b"week\tcategory\n"
    assert changed.etag != first.etag


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + bytes(200)],
    ids=["empty", "text", "truncated"],
)
async def test_a_damaged_cache_is_rebuilt_quietly(
    local_server: LocalServer, tmp_path: Path, capfd: pytest.CaptureFixture[str], damage: bytes
):
    cache = tmp_path / "http.sqlite"
    cache.write_bytes(damage)
    answer, _ = await cached_get(local_server, CAST, cache)
    again, _ = await cached_get(local_server, CAST, cache)
    assert answer.status == 200 and again.from_cache  # rebuilt, and working
    assert len(local_server.requests_to(CAST)) == 1
    assert capfd.readouterr().err == ""


async def test_a_cache_file_with_foreign_tables_is_replaced(local_server: LocalServer, tmp_path):
    cache = tmp_path / "http.sqlite"
    with closing(sqlite3.connect(cache)) as db:
        db.execute("CREATE TABLE entries (id, cache_key, data, created_at, deleted_at)")
        db.commit()
    await cached_get(local_server, CAST, cache)
    again, _ = await cached_get(local_server, CAST, cache)
    assert again.from_cache and len(local_server.requests_to(CAST)) == 1


async def test_validators_that_are_not_ascii_are_dropped(local_server: LocalServer, tmp_path):
    """They could never be sent back (a UnicodeEncodeError on every later refresh)."""
    cache = tmp_path / "http.sqlite"
    local_server.set(GLOBAL, validators={"ETag": '"caf\u00e9"', "Last-Modified": "\u00e9t\u00e9"})
    for _ in range(2):
        answer, _ = await cached_get(local_server, GLOBAL, cache)
        assert answer.status == 200 and (answer.etag, answer.last_modified) == (None, None)
    sent = local_server.requests_to(GLOBAL)
    assert [r.status for r in sent] == [200, 200]
    assert not any("if-none-match" in headers(r) for r in sent)


# -- redirects -------------------------------------------------------------------------


async def test_a_redirect_on_the_same_host_is_followed_and_names_the_final_url(
    local_server: LocalServer,
):
    local_server.set(f"{TVMAZE}/old-cast", redirect=CAST)
    answer = await get(local_server, f"{TVMAZE}/old-cast")
    assert answer.body.startswith(b"[") and answer.url == local_server.url + CAST


@pytest.mark.parametrize(
    "target", ["http://localhost:{port}/tvmaze/cast", "https://127.0.0.1:{port}/x", "ftp://x/y"]
)
async def test_a_redirect_to_another_host_or_scheme_is_refused(
    local_server: LocalServer, target: str
):
    port = local_server.url.rsplit(":", 1)[1]
    local_server.set(CAST, redirect=target.format(port=port))
    message = await failure(local_server, CAST)
    assert "redirected to " in message and ": refused, the data must come from " in message
    assert message.endswith(f"http://127.0.0.1:{port} ({local_server.url}{CAST})")
    assert len(local_server.requests) == 1  # the other host was never asked


async def test_endless_redirects_end(local_server: LocalServer):
    local_server.set(CAST, redirect=CAST)
    assert "more than 5 redirects" in await failure(local_server, CAST)


# -- failures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("switches", "expected"),
    [
        ({"fail": 404}, "HTTP 404 Not Found"),
        ({"fail": 500, "times": 5}, "HTTP 500 Internal Server Error after 3 attempts"),
        ({"truncate": True}, "body truncated"),
        ({"latency": 1.5}, "timed out (waiting for data: nothing for 0.5s)"),
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


async def test_a_cache_folder_that_cannot_be_made_means_no_cache(
    local_server: LocalServer, tmp_path: Path, capfd: pytest.CaptureFixture[str]
):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        answer, _ = await cached_get(local_server, CAST, blocker / "http.sqlite")
        assert answer.status == 200 and not answer.from_cache
    assert len(local_server.requests_to(CAST)) == 2 and capfd.readouterr().err == ""


async def test_a_gzip_bomb_is_decoded_in_pieces_and_the_loop_keeps_running(
    local_server: LocalServer,
) -> None:
    """1 MB of gzip that expands to 1 GiB: stopped at the cap, never one long step."""
    local_server.set(GLOBAL, gzipped=gzip_repeated(b"\n" * MIB, 1024))
    pauses: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            pauses.append(now - last)
            last = now

    ticking = asyncio.create_task(ticker())
    started = time.perf_counter()
    message = await failure(local_server, GLOBAL, replace(FAST, max_bytes=64 * MIB, deadline=60))
    ticking.cancel()
    assert "larger than the 64 MiB limit" in message
    assert time.perf_counter() - started < 20
    assert max(pauses) < 0.5  # a piece of 1 MiB at a time: the loop runs in between
