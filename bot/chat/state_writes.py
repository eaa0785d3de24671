"""Writes to the state database made after the reply, so no answer waits for (or on) a write.

`Recorder` stands between the Discord layer and `InteractionStore`. `remember` returns a query's
key at once (the key is a hash, no write needed) and keeps the query in a bounded in-memory
memo; the row is written in the background. `recall` looks in the memo first, then in the
database with a deadline, so a press never hangs on a database that another process holds
locked. Misses and votes go through `later`, in the background too. A write that fails (locked
past the busy timeout, full disk, read-only or damaged file) is logged as a warning and dropped:
the answer was already given, and its buttons keep working from the memo until the bot restarts.

This module must never raise a state-database error into an interaction, and never render.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Coroutine
from typing import Any

from bot.core.answers import Query
from bot.store.interactions import InteractionStore
from bot.store.state_db import STATE_ERRORS

log = logging.getLogger(__name__)

MEMO_SIZE = 4096
RECALL_SECONDS = 1.5  # a press must still be answered within Discord's 3 s
_RECALL_ERRORS: tuple[type[Exception], ...] = (TimeoutError, RuntimeError, *STATE_ERRORS)
_WRITE_ERRORS: tuple[type[Exception], ...] = (RuntimeError, OSError, UnicodeError, *STATE_ERRORS)


class Recorder:
    """Background writes and memo-first reads over one `InteractionStore`."""

    def __init__(self, store: InteractionStore, *, memo_size: int = MEMO_SIZE) -> None:
        self.store = store
        self.memo_size = memo_size
        self._memo: OrderedDict[str, Query] = OrderedDict()
        self._pending: set[asyncio.Task[None]] = set()
        self.failed_writes = 0

    def remember(self, query: Query) -> str:
        """The query's key, at once; the query is kept in memory and written in the background."""
        key = query.key
        self._memo[key] = query
        self._memo.move_to_end(key)
        while len(self._memo) > self.memo_size:
            self._memo.popitem(last=False)
        self.later("remember a query", self.store.remember_query(query))
        return key

    async def recall(self, key: str) -> Query | None:
        """The query under `key`: from memory, else from the database (None if unreachable)."""
        found = self._memo.get(key)
        if found is not None:
            return found
        try:
            return await asyncio.wait_for(self.store.recall_query(key), RECALL_SECONDS)
        except _RECALL_ERRORS as exc:
            log.warning("could not read a remembered search from the state database: %s", exc)
            return None

    def later(self, what: str, write: Coroutine[Any, Any, object]) -> None:
        """Run a write to the state database in the background; a failure is only logged."""
        task = asyncio.get_running_loop().create_task(self._guarded(what, write))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def drain(self, timeout: float | None = None) -> None:
        """Wait (at most `timeout` s) for every write started so far, e.g. before closing."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while self._pending:
                    await asyncio.gather(*self._pending, return_exceptions=True)

    async def _guarded(self, what: str, write: Coroutine[Any, Any, object]) -> None:
        try:
            await write
        except _WRITE_ERRORS as exc:
            self.failed_writes += 1
            with contextlib.suppress(Exception):  # leave no half-done transaction behind
                await self.store.db.rollback()
            log.warning(
                "could not %s in the state database %s (%s); the answer was given anyway",
                what,
                self.store.path,
                exc,
            )
