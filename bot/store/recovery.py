"""Starting despite a damaged file: the index is moved aside and rebuilt, the state begun afresh.

A corrupt or truncated index (`IndexSchemaError` that is not a version mismatch) can be rebuilt
from the seeds: `open_index_recovering` moves the damaged file aside (never deletes it), says so
in the log, and opens again, which builds a fresh index. A damaged state database must not stop
the bot either, nor leave it on a state that a restart forgets (the briefing's record of what it
posted lives there: forgotten, a briefing could be posted twice): `open_state_recovering` moves
the damaged file aside and opens a fresh one at the same path, on disk. Only a state that cannot
be written at all (read-only, full disk) is kept in memory, with the log saying what to do.

This module must never delete a file, never swallow an error it cannot name a remedy for, and
holds no SQL of any store.
"""

from __future__ import annotations

import asyncio
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


def state_damaged(path: Path) -> str | None:
    """Why the state database at `path` is damaged (SQLite's words), or None when it is sound.

    A missing file is sound (it will be created); a locked or unreadable one is not judged
    damaged here (that is not something moving it aside would mend).
    """
    if not path.is_file():
        return None
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        ) as db:
            rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        return None
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(row[0]) for row in rows[:3])
    return None


async def _begin_afresh_if_damaged(path: Path) -> bool:
    """Move a damaged state file aside (logging what and where); return whether it did."""
    reason = await asyncio.to_thread(state_damaged, path)
    if reason is None:
        return False
    moved = move_aside(path)
    log.error(
        "the state database %s is damaged (%s); moved it to %s and began a fresh one in its "
        "place. Votes, misses, remembered searches and the briefing's records before now are "
        "in %s (not lost, not used): delete it when you no longer need them.",
        path,
        reason,
        moved.name,
        moved.name,
    )
    return True


async def open_state_recovering(store: StateStore) -> bool:
    """Open `store`; a damaged file is moved aside first and a fresh one opened on disk.

    The file is checked before opening (so a damaged file is moved before any store of the
    shared file has a connection to it) and once more if opening fails. Returns whether the
    store is on its file; only when the file cannot be opened even then (read-only, full disk)
    does it fall back to memory, where votes, misses, remembered searches and briefing claims
    last until the bot stops.
    """
    if store.path == IN_MEMORY:
        await store.open()
        return True
    await _begin_afresh_if_damaged(store.path)
    try:
        await store.open()
        return True
    except sqlite3.Error as first:
        exc = first
    if not isinstance(exc, sqlite3.OperationalError) and await _begin_afresh_if_damaged(store.path):
        try:
            await store.open()
            return True
        except sqlite3.Error as second:
            exc = second
    log.error(
        "%s. Until then Factbot runs on an in-memory state: answers work, but feedback, "
        "buttons of earlier answers and the briefing's record of what it posted are not "
        "kept after a restart.",
        state_remedy(store.path, exc),
    )
    store.path = IN_MEMORY
    await store.open()
    return False
