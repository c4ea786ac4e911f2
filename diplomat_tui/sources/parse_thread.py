"""A line parser run on a worker thread, fed from the event loop.

A streamed file reaches its parser in blocks of whole lines, on the event loop
(:meth:`HttpClient.stream_lines`). Parsing there holds the loop for as long as a block
takes, and one network read of a gzip answer can decode into tens of MiB: the app's keys,
its screen and the other source's requests wait (a hostile answer made ``q`` take 93 s).
:class:`ParserThread` hands each block to one worker thread instead.

The sink ``stream_lines`` calls cannot await, so holding the download back while the
worker catches up means holding the loop. It is done only a little: past
:data:`MAX_BACKLOG` bytes not parsed yet, a feed waits for the worker at most
:data:`MAX_WAIT` seconds. A real file never gets there for long (the parser is faster than
the download), so its backlog stays a few MiB; a hostile one, whose lines all cost Python
work, slows the download to the parser's pace with the loop free between blocks, and what
waits in memory is bounded by the request's decoded size cap.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

T = TypeVar("T", covariant=True)
R = TypeVar("R")
PIECE = 1024 * 1024  # bytes of whole lines parsed at a time (a block may be tens of MiB)
MAX_BACKLOG = 4 * 1024 * 1024  # bytes handed over and not parsed yet, before a feed waits
MAX_WAIT = 0.02  # seconds a feed waits, at most, for the worker to catch up


class LineParser(Protocol[T]):
    """What a streamed fetch feeds: raw whole lines, many at a time, then the result."""

    def feed(self, block: bytes) -> None: ...

    def finish(self) -> T: ...


class ParserThread(Generic[R]):
    """Runs ``parser`` on a worker thread; use as ``async with``, feed, then :meth:`finish`.

    The worker starts when :meth:`start` is called (as the request goes out: the thread
    starts while the answer is awaited), or with the first block, or at :meth:`finish`;
    not before the request: starting a thread holds the loop (~0.2 ms, several on a busy
    machine), which delayed every request of a refresh. The first error of the parser is raised by
    the next :meth:`feed` (which stops the download) or by :meth:`finish`. Leaving the
    ``async with`` block early (an error, a cancelled refresh) stops the worker after the
    piece of a block it is parsing.
    """

    def __init__(self, parser: LineParser[R]):
        self._parser = parser
        self._blocks: deque[bytes] = deque()
        self._backlog = 0  # bytes handed over and not parsed yet
        self._closed = False  # no more blocks will come
        self._stopped = False  # the result is not wanted
        self._failure: Exception | None = None
        self._result: R | None = None
        self._changed = threading.Condition()
        self._done: asyncio.Future[None] | None = None

    async def __aenter__(self) -> ParserThread[R]:
        return self

    def start(self) -> None:
        """Start the worker now (from the event loop), not with the first block."""
        self._start()

    def _start(self) -> asyncio.Future[None]:
        """The worker, started on first use (from the event loop)."""
        if self._done is None:
            self._done = asyncio.get_running_loop().run_in_executor(None, self._run)
        return self._done

    async def __aexit__(self, *exc_info: object) -> None:
        self.stop()

    def feed(self, block: bytes) -> None:
        """Hand ``block`` to the worker (a ``LineSink``); raise the parser's error, if any.

        Past :data:`MAX_BACKLOG` bytes not parsed yet, wait for the worker, at most
        :data:`MAX_WAIT` seconds."""
        self._start()
        with self._changed:
            if self._backlog > MAX_BACKLOG:
                self._changed.wait_for(self._caught_up, MAX_WAIT)
            if self._failure is not None:
                raise self._failure
            self._blocks.append(block)
            self._backlog += len(block) + 1  # counted as its pieces are: each with a newline
            self._changed.notify_all()

    async def finish(self) -> R:
        """Wait, without holding the loop, for the worker to parse every block; the result."""
        done = self._start()
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        await done
        if self._failure is not None:
            raise self._failure
        return self._result  # type: ignore[return-value] # set when there is no failure

    def stop(self) -> None:
        """Drop the blocks not parsed yet and end the worker (the result is not wanted)."""
        with self._changed:
            self._closed = self._stopped = True
            self._blocks.clear()
            self._changed.notify_all()

    def _run(self) -> None:
        """The worker: parse each block as it comes, then finish (unless stopped)."""
        try:
            while (block := self._next()) is not None:
                for piece in _pieces(block):
                    if self._stopped:
                        return
                    self._parser.feed(piece)
                    with self._changed:
                        self._backlog -= len(piece) + 1
                        self._changed.notify_all()
            if not self._stopped:
                self._result = self._parser.finish()
        except Exception as failure:  # raised on the loop by feed() or finish()
            with self._changed:
                self._failure = failure
                self._blocks.clear()
                self._changed.notify_all()

    def _caught_up(self) -> bool:
        return self._backlog <= MAX_BACKLOG or self._failure is not None or self._stopped

    def _next(self) -> bytes | None:
        """The next block to parse; None once closed and every block is parsed, or stopped."""
        with self._changed:
            while not self._blocks and not self._closed:
                self._changed.wait()
            if self._stopped or not self._blocks:
                return None
            return self._blocks.popleft()


def _pieces(block: bytes) -> Iterator[bytes]:
    """``block`` (whole lines joined by ``b"\\n"``) cut after a newline every :data:`PIECE`
    bytes or so: each call into the parser holds the interpreter lock a short while (the
    bytes methods it runs on a 64 MiB block keep it for tens of ms), and a stop is heard."""
    if len(block) <= PIECE:
        yield block
        return
    start = 0
    while True:
        end = block.find(b"\n", start + PIECE)
        if end < 0:
            yield block[start:]
            return
        yield block[start:end]
        start = end + 1
