"""Starting despite a damaged file: the index is moved aside and rebuilt, the state kept in memory.

A corrupt or truncated index (`IndexSchemaError` that is not a version mismatch) can be rebuilt
from the seeds: `open_index_recovering` moves the damaged file aside (never deletes it), says so
in the log, and opens again, which builds a fresh index. A state database that cannot be opened
(damaged, read-only, on a full disk) must not stop the bot either: `open_state_recovering` logs
which file and what to do, then opens the store on an in-memory database, so answers and
buttons work and only what would have been kept between runs is lost.

This module must never delete a file, never swallow an error it cannot name a remedy for, and
holds no SQL of any store.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol

from bot.store.index_db import IndexSchemaError, IndexVersionError

log = logging.getLogger(__name__)

IN_MEMORY = Path(":memory:")


class StateStore(Protocol):
    """A store of the state database: where it lives and how it opens."""

    path: Path

    async def open(self) -> None:
        """Open the database (creating its tables)."""
        ...


def aside_path(path: Path) -> Path:
    """A free name beside `path` for a damaged copy: `name.damaged`, `name.damaged-2` and so on."""
    candidate = path.with_name(path.name + ".damaged")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.damaged-{number}")
        number += 1
    return candidate


def move_aside(path: Path) -> Path:
    """Rename a damaged file (and its SQLite side files) out of the way; return its new name."""
    target = aside_path(path)
    path.replace(target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def foreign_database(path: Path) -> bool:
    """Whether `path` is a sound SQLite database with tables (someone else's file: left alone)."""
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        ) as db:
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return False
            return bool(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except sqlite3.Error:
        return False


async def open_index_recovering(open_index: Callable[[], Awaitable[None]], path: Path) -> None:
    """Run `open_index`; if the index file is damaged, move it aside and run it once more.

    The second run builds the index from the seeds (a missing index is built). A version
    mismatch is not damage (it is rebuilt in place by the normal path) and any error of the
    second run is raised as is.
    """
    try:
        await open_index()
        return
    except IndexVersionError:
        raise
    except IndexSchemaError as exc:
        if not path.is_file() or foreign_database(path):
            raise
        reason = exc
    moved = move_aside(path)
    log.error(
        "the index %s is damaged (%s); moved it to %s and rebuilding it from the seeds. "
        "Nothing is lost: the index is made from the seeds; delete %s when you like.",
        path,
        reason,
        moved.name,
        moved.name,
    )
    await open_index()


def state_remedy(path: Path, exc: sqlite3.Error) -> str:
    """What the operator should do about a state database that failed with `exc`."""
    if isinstance(exc, sqlite3.OperationalError):
        return (
            f"the state database {path} cannot be written ({exc}): check that the file and its "
            "folder are writable and the disk has space, then restart"
        )
    return (
        f"the state database {path} is damaged ({exc}): stop the bot, move it aside "
        f"(mv {path} {path}.damaged) and start again to begin with an empty one"
    )


async def open_state_recovering(store: StateStore) -> bool:
    """Open `store`; if its file cannot be opened, log why and what to do and use memory.

    Returns whether the store is on its real file. In memory, votes, misses, remembered
    searches and briefing claims last until the bot stops.
    """
    try:
        await store.open()
        return True
    except sqlite3.Error as exc:
        if store.path == IN_MEMORY:
            raise
        log.error(
            "%s. Until then Factbot runs on an in-memory state: answers work, but feedback, "
            "buttons of earlier answers and the briefing's record of what it posted are not "
            "kept after a restart.",
            state_remedy(store.path, exc),
        )
    store.path = IN_MEMORY
    await store.open()
    return False
