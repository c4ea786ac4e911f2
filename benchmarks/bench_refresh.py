"""Refresh against the local test server (``tests/localserver.py``, the recorded answers).

* Latency: every answer is delayed by :data:`LATENCY`; a refresh that overlaps its
  requests costs a few latencies, one that makes them in turn costs one per request.
  Measured for the first refresh of the shipped store (the TVmaze id is not known yet:
  the search, then each candidate's data, crew included for the creator check, in one
  request per candidate) and for a later one (the id is known: the show with everything
  embedded and the two Top 10 files; forced past the HTTP cache, ``refresh --force``, and
  the server answers every request with a full 200). The refreshes run in a child
  process (the server stays in this one, as a remote server would be elsewhere), which
  also reports its CPU time (every thread); it first makes one plain httpx request, as
  the baseline's process does, so neither clock counts httpx's own first-use imports.
  The baseline, in a child process too: one request by a plain ``httpx.AsyncClient``
  (made before the clock) for the show's answer, on a new connection; and the CPU time
  of plain httpx fetching the later refresh's three answers at once.
* Bytes: every byte of every exchange (requests and answers, headers included) goes
  through :class:`CountingRelay`; a refresh right after the first one (TVmaze not asked
  within its hour, the Top 10 files answered 304) is compared with the first.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplomat_tui.ingest import open_store
from diplomat_tui.refresh import refresh
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # test helpers
from helpers.localserver import (  # noqa: E402
    COUNTRIES,
    EMBED_QUERY,
    GLOBAL,
    SHOW,
    TOP10,
    TVMAZE,
    LocalServer,
)

LATENCY = 0.1  # seconds added to every answer
RELAY_CHUNK = 64 * 1024


class CountingRelay:
    """A TCP relay on 127.0.0.1 to ``target`` that counts every byte it carries."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.bytes = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._relays: set[asyncio.Task[None]] = set()

    async def start(self) -> str:
        """Start relaying; return the relay's ``http://host:port`` URL."""
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        host, port = self._server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def stop(self) -> None:
        """Close every connection still open (idle keep-alives) and stop listening."""
        for writer in self._writers:
            writer.close()
        await asyncio.gather(*self._relays, return_exceptions=True)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _connection(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        server_reader, server_writer = await asyncio.open_connection(*self.target)
        self._writers |= {client_writer, server_writer}
        relay = asyncio.gather(
            self._pipe(client_reader, server_writer), self._pipe(server_reader, client_writer)
        )
        self._relays.add(relay)
        await relay

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(RELAY_CHUNK):
                self.bytes += len(data)
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()


def _settings(store: Store, base_url: str) -> Settings:
    return Settings(
        data_dir=store.path.parent,
        config_path=store.path.parent / "config.toml",
        tvmaze_url=base_url + TVMAZE,
        top10_url=base_url + TOP10,
    )


def _shipped_store(folder: Path) -> Store:
    """A new store, as the first launch creates it from the shipped article."""
    return open_store(Store(folder / "store.json"))


async def _timed_refresh(store: Store, settings: Settings, *, force: bool = False) -> list[float]:
    """Seconds and CPU seconds (every thread of this process) of one refresh."""
    start, cpu = time.perf_counter(), time.process_time()
    await refresh(store, settings, force=force)
    return [time.perf_counter() - start, time.process_time() - cpu]


def _warm_up(base_url: str) -> None:
    """One request by plain httpx, so that neither side's clock counts what any first
    request in a process loads (anyio's backend, h11...)."""
    import httpx

    async def get() -> None:
        async with httpx.AsyncClient() as client:
            (await client.get(base_url + GLOBAL)).raise_for_status()

    asyncio.run(get())


def _child_refreshes(base_url: str) -> None:
    """In a child process: a first refresh of a new store, then (once the parent says the
    server answers everything in full) a later one; print each one's seconds and CPU.
    The first one pays what a refresh loads on first use, as ``diplomat-tui refresh`` does."""
    _warm_up(base_url)
    with tempfile.TemporaryDirectory() as temp:
        store = _shipped_store(Path(temp))
        settings = _settings(store, base_url)
        print(json.dumps(asyncio.run(_timed_refresh(store, settings))), flush=True)
        sys.stdin.readline()  # the server now answers every request with a full 200
        print(json.dumps(asyncio.run(_timed_refresh(store, settings, force=True))), flush=True)


def _child_plain(base_url: str) -> None:
    """In a child process: one plain httpx request (seconds), then the later refresh's
    three requests at once (CPU seconds), each client made before the clock."""
    import httpx

    show = base_url + SHOW + "?" + EMBED_QUERY
    later = [show, base_url + GLOBAL, base_url + COUNTRIES]
    _warm_up(base_url)

    async def run() -> list[float]:
        async with httpx.AsyncClient() as client:
            start = time.perf_counter()
            (await client.get(show)).raise_for_status()
            seconds = time.perf_counter() - start
        async with httpx.AsyncClient() as client:
            cpu = time.process_time()
            for answer in await asyncio.gather(*(client.get(url) for url in later)):
                answer.raise_for_status()
            return [seconds, time.process_time() - cpu]

    print(json.dumps(asyncio.run(run())), flush=True)


def _child(kind: str, base_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__)), kind, base_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _answer(child: subprocess.Popen[str]) -> list[float]:
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line:
        raise RuntimeError(f"the benchmark's child process failed ({child.wait()})")
    answer: list[float] = json.loads(line)
    return answer


def _latency_runs(server: LocalServer, repeats: int) -> dict[str, list[float]]:
    """Seconds and CPU seconds of first and later (id known, all 200) refreshes, and of
    the plain httpx baseline, in turn."""
    runs: dict[str, list[float]] = {
        key: [] for key in ("first", "later", "cpu_first", "cpu_later", "request", "cpu_plain")
    }
    server.set("*", latency=LATENCY)
    try:
        for _ in range(repeats):
            server.set("*", conditional=True)
            child = _child("refreshes", server.url)
            seconds, cpu = _answer(child)
            runs["first"].append(seconds)
            runs["cpu_first"].append(cpu)
            server.set("*", conditional=False)  # every answer a full 200, as if all changed
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
            seconds, cpu = _answer(child)
            runs["later"].append(seconds)
            runs["cpu_later"].append(cpu)
            child.wait()
            plain = _child("plain", server.url)
            seconds, cpu = _answer(plain)
            runs["request"].append(seconds)
            runs["cpu_plain"].append(cpu)
            plain.wait()
    finally:
        server.set("*", latency=0.0, conditional=True)
    return runs


async def _bytes_runs(server: LocalServer, countries_file: Path | None) -> dict[str, list[float]]:
    """Bytes over the wire of a first refresh and of the next one (all 304)."""
    if countries_file is not None:
        server.set(COUNTRIES, file=countries_file)
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    relay = CountingRelay(host, int(port))
    url = await relay.start()
    try:
        with tempfile.TemporaryDirectory() as temp:
            store = _shipped_store(Path(temp))
            await refresh(store, _settings(store, url))
            first, logged = relay.bytes, len(server.requests)
            await refresh(store, _settings(store, url))
            again = relay.bytes - first
            statuses = {request.status for request in server.requests[logged:]}
    finally:
        await relay.stop()
        server.set(COUNTRIES, file=None)
    if statuses != {304}:
        raise RuntimeError(f"the second refresh was answered {sorted(statuses)}, not only 304")
    return {"first": [float(first)], "unchanged": [float(again)]}


def measure(repeats: int, countries_file: Path) -> dict[str, dict[str, list[float]]]:
    """Latency runs, and byte counts with the recorded files and with a 40 MB countries file."""

    async def bytes_runs(server: LocalServer) -> dict[str, dict[str, list[float]]]:
        return {
            "bytes": await _bytes_runs(server, None),
            "bytes_large": await _bytes_runs(server, countries_file),
        }

    with LocalServer() as server:
        return {"latency": _latency_runs(server, repeats), **asyncio.run(bytes_runs(server))}


if __name__ == "__main__":
    {"refreshes": _child_refreshes, "plain": _child_plain}[sys.argv[1]](sys.argv[2])
