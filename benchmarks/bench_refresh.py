"""Refresh against the local test server (``tests/localserver.py``, the recorded answers).

* Latency: every answer is delayed by :data:`LATENCY`; a refresh that overlaps its
  requests costs a few latencies, one that makes them in turn costs one per request.
  Measured for the first refresh of the shipped store (the TVmaze id is not known yet:
  the search, then each candidate's data, crew included for the creator check, in one
  request per candidate) and for a later one (the id is known: the show with everything
  embedded and the two Top 10 files; forced past the HTTP cache, ``refresh --force``, and
  the server answers every request with a full 200).
* Bytes: every byte of every exchange (requests and answers, headers included) goes
  through :class:`CountingRelay`; a refresh right after the first one (TVmaze not asked
  within its hour, the Top 10 files answered 304) is compared with the first.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from diplomat_tui.ingest import open_store
from diplomat_tui.refresh import refresh
from diplomat_tui.settings import Settings
from diplomat_tui.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # test helpers
from helpers.localserver import COUNTRIES, TOP10, TVMAZE, LocalServer  # noqa: E402

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


async def _timed_refresh(store: Store, settings: Settings, *, force: bool = False) -> float:
    start = time.perf_counter()
    await refresh(store, settings, force=force)
    return time.perf_counter() - start


async def _latency_runs(server: LocalServer, repeats: int) -> dict[str, list[float]]:
    """Seconds of first refreshes and of later (id known, all 200) refreshes."""
    first, later = [], []
    server.set("*", latency=LATENCY)
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as temp:
            store = _shipped_store(Path(temp))
            settings = _settings(store, server.url)
            server.set("*", conditional=True)
            first.append(await _timed_refresh(store, settings))
            server.set("*", conditional=False)  # every answer a full 200, as if all changed
            later.append(await _timed_refresh(store, settings, force=True))
    server.set("*", latency=0.0, conditional=True)
    return {"first": first, "later": later, "latency": [LATENCY]}


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

    async def run_all() -> dict[str, dict[str, list[float]]]:
        with LocalServer() as server:
            return {
                "latency": await _latency_runs(server, repeats),
                "bytes": await _bytes_runs(server, None),
                "bytes_large": await _bytes_runs(server, countries_file),
            }

    return asyncio.run(run_all())
