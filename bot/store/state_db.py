"""How every store opens the state database (`data/state.sqlite3`), so they all behave alike.

Several stores share one file, each with its own tables: the same journal mode (WAL, so readers
never wait for a writer), the same patience with a busy writer, the parent folder created on
first use. This module holds no SQL of any store.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite

BUSY_TIMEOUT_S = 30
STATE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)
"""What a state database raises when it is locked too long, full, read-only or damaged."""


async def connect_state(path: Path, *, autocommit: bool = False) -> aiosqlite.Connection:
    """Open the state database at `path` (":memory:" for tests) with the shared settings.

    `autocommit` leaves transactions to the caller (explicit BEGIN IMMEDIATE), as the briefing
    store does for its claims; otherwise sqlite3's implicit transactions apply.
    """
    in_memory = str(path) == ":memory:"
    if not in_memory:
        path.parent.mkdir(parents=True, exist_ok=True)
    if autocommit:
        db = await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    else:
        db = await aiosqlite.connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        if not in_memory:
            await db.execute("PRAGMA journal_mode = WAL")
    except BaseException:
        await db.close()
        raise
    return db
