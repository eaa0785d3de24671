"""Bounded concurrency for searches: a few worker threads, a short queue, "busy" past it.

Searching is CPU-bound Python: every search thread competes with the event loop for the GIL.
With one thread per request (the default executor), forty concurrent users at a large library
leave the event loop so little time that Discord's 3-second deadline passes before the bot can
even defer. `SearchSlots` runs at most `workers` searches at once on its own threads and lets
more wait for a slot while their expected wait (queue length × mean search time / workers) stays
under `max_wait` seconds and the queue under `waiting`; a request beyond that, or one that
waited `max_wait` seconds after all, is refused at once with `Busy`, so it gets a short "try
again" instead of a timeout. The bound thus adapts to the library's size.

This module must never import discord, never render, and never run a search on the event loop.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

WORKERS = 2
WAITING = 256
MAX_WAIT = 10.0
SMOOTHING = 0.2  # weight of the newest search in the running mean of search times


class Busy(Exception):
    """Too many searches are running or waiting; the user should ask again shortly."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"busy; try again in {retry_after:.0f} s")
        self.retry_after = retry_after


class SearchSlots:
    """At most `workers` searches at once, at most `waiting` queued; the rest are `Busy`."""

    def __init__(
        self, workers: int = WORKERS, waiting: int = WAITING, *, max_wait: float = MAX_WAIT
    ) -> None:
        self.workers = workers
        self.waiting = waiting
        self.max_wait = max_wait
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="factbot-search")
        self._semaphore: asyncio.Semaphore | None = None
        self._queued = 0
        self._running = 0
        self.refused = 0
        self._mean: float | None = None

    def expected_wait(self) -> float:
        """Seconds a request queued now would wait, from the mean search time so far."""
        return (self._queued + 1) * (self._mean or 0.0) / self.workers

    @property
    def load(self) -> tuple[int, int]:
        """(running, queued) right now."""
        return self._running, self._queued

    async def run(self, search: Callable[..., T], *args: object) -> T:
        """Run `search(*args)` on a search thread when a slot is free; raise `Busy` if none."""
        if self._semaphore is None:  # made here, so it belongs to the running event loop
            self._semaphore = asyncio.Semaphore(self.workers)
        semaphore = self._semaphore
        if semaphore.locked() and (
            self._queued >= self.waiting or self.expected_wait() > self.max_wait
        ):
            self.refused += 1
            raise Busy(self.max_wait / 2)
        self._queued += 1
        try:
            async with asyncio.timeout(self.max_wait):
                await semaphore.acquire()
        except TimeoutError:
            self.refused += 1
            raise Busy(self.max_wait / 2) from None
        finally:
            self._queued -= 1
        self._running += 1
        try:
            loop = asyncio.get_running_loop()
            started = time.perf_counter()
            try:
                return await loop.run_in_executor(self._executor, search, *args)
            finally:
                seconds = time.perf_counter() - started
                self._mean = (
                    seconds
                    if self._mean is None
                    else (SMOOTHING * seconds + (1 - SMOOTHING) * self._mean)
                )
        finally:
            self._running -= 1
            semaphore.release()

    def close(self) -> None:
        """Stop the search threads once their current searches finish."""
        self._executor.shutdown(wait=False, cancel_futures=True)
