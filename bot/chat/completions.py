"""Autocomplete off the event loop: a worker thread, a deadline, and no answer rather than late.

Discord sends an autocomplete per keystroke and drops the answer after 3 seconds. Looking up
choices walks the library, so it runs on a small pool of its own threads (never the event loop,
and never taking a search slot from /fact). A lookup that misses `timeout` answers no choices;
one that waited past its deadline for a thread is skipped unrun, so a burst of keystrokes never
leaves a queue of stale lookups behind.

This module must never import the searcher's internals, and never raise a timeout to Discord.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

WORKERS = 2
TIMEOUT = 2.0
"""Seconds a lookup may take: Discord's 3 s, less the round trip."""


class Completions:
    """Runs autocomplete lookups on their own threads, with a timeout that answers nothing."""

    def __init__(self, workers: int = WORKERS, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self.timed_out = 0
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="factbot-complete")

    async def run(self, lookup: Callable[[], list[T]]) -> list[T]:
        """`lookup()` on a worker thread; [] when it does not finish within `timeout`."""
        deadline = time.monotonic() + self.timeout

        def unless_stale() -> list[T]:
            if time.monotonic() > deadline:  # its answer could no longer reach anyone
                return []
            return lookup()

        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(
                loop.run_in_executor(self._executor, unless_stale), self.timeout
            )
        except TimeoutError:
            self.timed_out += 1
            log.info("an autocomplete took longer than %.1f s; answered no choices", self.timeout)
            return []

    def close(self) -> None:
        """Stop the threads once their current lookups finish."""
        self._executor.shutdown(wait=False, cancel_futures=True)
