"""What users did with the bot that outlives a restart (the state database's `feedback_*` tables).

`InteractionStore` holds four things: misses, answer votes, remembered queries and small values.
Misses are /fact or /quote queries that found nothing; votes are the helpful / not helpful
buttons under an answer. Remembered queries let a button (whose custom id holds only a short key)
re-run its search after a restart. `values` holds small facts the Discord layer keeps between
runs, such as the hash of the last command tree it synced.

This module owns only the `feedback_*` tables of `settings.state_path` (other stores share the
file) and must never touch another store's tables, import discord, or read a clock: callers pass
the time in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal, Self

import aiosqlite

from bot.core.answers import Query, as_command
from bot.store.state_db import connect_state

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback_misses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    command TEXT NOT NULL,
    user_id INTEGER,
    guild_id INTEGER,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback_votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    command TEXT NOT NULL,
    hit_id TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    user_id INTEGER,
    guild_id INTEGER,
    at TEXT NOT NULL,
    UNIQUE (query, command, hit_id, user_id)
);
CREATE TABLE IF NOT EXISTS feedback_queries (
    key TEXT PRIMARY KEY,
    command TEXT NOT NULL,
    query TEXT NOT NULL,
    article TEXT,
    speaker TEXT
);
"""


class InteractionSchemaError(RuntimeError):
    """The state file holds feedback tables of a newer schema than this code understands."""


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """One miss (`kind="miss"`, no hit) or one unhelpful-answer vote (`kind="unhelpful"`)."""

    kind: Literal["miss", "unhelpful"]
    query: str
    command: str
    at: str
    user_id: int | None = None
    guild_id: int | None = None
    hit_id: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The record as plain JSON-ready values."""
        return asdict(self)


class InteractionStore:
    """Misses, votes, the queries behind buttons and kept values; open it (or `async with` it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def open(self) -> None:
        """Open the state file (creating it and the tables if needed) and check the schema."""
        if self._db is not None:
            return
        db = await connect_state(self.path)
        try:
            await db.executescript(_SCHEMA)
            async with db.execute(
                "SELECT value FROM feedback_meta WHERE key = 'schema_version'"
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                await db.execute(
                    "INSERT INTO feedback_meta (key, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
            elif int(row[0]) > SCHEMA_VERSION:
                raise InteractionSchemaError(
                    f"{self.path}: feedback schema {row[0]} is newer than {SCHEMA_VERSION}"
                )
            await db.commit()
        except BaseException:
            await db.close()
            raise
        self._db = db

    async def close(self) -> None:
        """Close the connection; safe to call twice."""
        if self._db is not None:
            await self._db.close()
            self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        """The open connection; fails if `open` was not awaited."""
        if self._db is None:
            raise RuntimeError("InteractionStore is not open")
        return self._db

    async def record_miss(
        self, *, query: str, command: str, at: str, user_id: int | None, guild_id: int | None
    ) -> None:
        """Remember a query that found nothing."""
        await self.db.execute(
            "INSERT INTO feedback_misses (query, command, user_id, guild_id, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (query, command, user_id, guild_id, at),
        )
        await self.db.commit()

    async def record_vote(
        self,
        *,
        query: str,
        command: str,
        hit_id: str,
        helpful: bool,
        at: str,
        user_id: int | None,
        guild_id: int | None,
    ) -> None:
        """Remember a helpful / not helpful vote; a user's later vote on a hit replaces theirs."""
        await self.db.execute(
            "INSERT INTO feedback_votes (query, command, hit_id, helpful, user_id, guild_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (query, command, hit_id, user_id)"
            " DO UPDATE SET helpful = excluded.helpful, at = excluded.at",
            (query, command, hit_id, int(helpful), user_id, guild_id, at),
        )
        await self.db.commit()

    async def misses(self, limit: int = 100) -> list[FeedbackRecord]:
        """The most recent misses, newest first."""
        async with self.db.execute(
            "SELECT query, command, at, user_id, guild_id FROM feedback_misses"
            " ORDER BY at DESC, id DESC LIMIT ?",
            (limit,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [FeedbackRecord("miss", r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def unhelpful(self, limit: int = 100) -> list[FeedbackRecord]:
        """The most recent not-helpful votes, newest first."""
        async with self.db.execute(
            "SELECT query, command, at, user_id, guild_id, hit_id FROM feedback_votes"
            " WHERE helpful = 0 ORDER BY at DESC, id DESC LIMIT ?",
            (limit,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [FeedbackRecord("unhelpful", r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    async def remember_query(self, query: Query) -> str:
        """Store a query under its short key (idempotent) and return the key."""
        await self.db.execute(
            "INSERT OR IGNORE INTO feedback_queries (key, command, query, article, speaker)"
            " VALUES (?, ?, ?, ?, ?)",
            (query.key, query.command, query.text, query.article, query.speaker),
        )
        await self.db.commit()
        return query.key

    async def recall_query(self, key: str) -> Query | None:
        """The query stored under this key, if any."""
        async with self.db.execute(
            "SELECT command, query, article, speaker FROM feedback_queries WHERE key = ?",
            (key,),
        ) as cursor:
            row = await cursor.fetchone()
        command = None if row is None else as_command(row[0])
        if row is None or command is None:
            return None
        return Query(command=command, text=row[1], article=row[2], speaker=row[3])

    async def get_value(self, key: str) -> str | None:
        """A small value kept between runs (never the schema version)."""
        async with self.db.execute(
            "SELECT value FROM feedback_meta WHERE key = ?", (f"value:{key}",)
        ) as cursor:
            row = await cursor.fetchone()
        return None if row is None else str(row[0])

    async def set_value(self, key: str, value: str) -> None:
        """Keep a small value between runs."""
        await self.db.execute(
            "INSERT INTO feedback_meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (f"value:{key}", value),
        )
        await self.db.commit()
