"""State DB for the daily briefing: per-guild config, the one-post-per-day claims, and rotation.

Three tables in the shared state file (`settings.state_path`), all prefixed `briefing_` so they
live beside other features' tables:

- `briefing_config`: one row per guild: channel, HH:MM, IANA zone, number of facts, on/off,
  `active_since` (when the current schedule took effect) and a pause (reason + pending notice).
- `briefing_posts`: one row per (guild, local date), PRIMARY KEY on the pair. A row is inserted
  (the slot is *claimed*) before anything is sent; the sent message id is recorded afterwards.
  A claim carries a token and a lease: another process may take over an unconfirmed claim only
  after its lease ran out, and only with a compare-and-swap on the token.
- `briefing_usage`: the items each briefing showed, with the rotation cycle they belong to, so
  a guild never sees an item twice before it has seen them all. Rows are written in the same
  transaction as the claim, and deleted with it if the claim is released.

All times are passed in (aware datetimes, stored as UTC ISO strings): this module never reads a
clock. It must never talk to Discord, and never delete or overwrite a confirmed post: the unique
(guild, date) slot is what makes the briefing exactly-once.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal, cast

import aiosqlite

from bot.core.briefing import Pool, Usage, UsageRow, usage_from_rows
from bot.store.state_db import connect_state

PostState = Literal["claimed", "sent", "abandoned"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS briefing_config (
    guild_id       INTEGER PRIMARY KEY,
    channel_id     INTEGER,
    time           TEXT    NOT NULL,
    timezone       TEXT    NOT NULL,
    facts          INTEGER NOT NULL,
    enabled        INTEGER NOT NULL DEFAULT 0,
    active_since   TEXT,
    paused_reason  TEXT,
    paused_at      TEXT,
    notice_pending INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS briefing_posts (
    guild_id     INTEGER NOT NULL,
    day          TEXT    NOT NULL,
    channel_id   INTEGER NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('claimed', 'sent', 'abandoned')),
    claim_token  TEXT    NOT NULL,
    claimed_at   TEXT    NOT NULL,
    lease_until  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 1,
    late         INTEGER NOT NULL DEFAULT 0,
    message_id   INTEGER,
    sent_at      TEXT,
    note         TEXT,
    PRIMARY KEY (guild_id, day)
);

CREATE TABLE IF NOT EXISTS briefing_usage (
    guild_id  INTEGER NOT NULL,
    pool      TEXT    NOT NULL,
    cycle     INTEGER NOT NULL,
    item_key  TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    PRIMARY KEY (guild_id, pool, cycle, item_key)
);

CREATE INDEX IF NOT EXISTS briefing_usage_by_day ON briefing_usage (guild_id, day);
"""


@dataclass(frozen=True, slots=True)
class GuildConfig:
    """One guild's briefing settings, and whether it is paused and why."""

    guild_id: int
    channel_id: int | None
    time: str
    timezone: str
    facts: int
    enabled: bool = False
    active_since: datetime | None = None
    paused_reason: str | None = None
    paused_at: datetime | None = None
    notice_pending: bool = False

    @property
    def active(self) -> bool:
        """Whether the scheduler should post for this guild."""
        return self.enabled and self.channel_id is not None and self.paused_reason is None


@dataclass(frozen=True, slots=True)
class PostRecord:
    """The claim (and, once sent, the post) of one guild's briefing on one local date."""

    guild_id: int
    day: date
    channel_id: int
    state: PostState
    claim_token: str
    claimed_at: datetime
    lease_until: datetime
    attempts: int
    late: bool
    message_id: int | None
    sent_at: datetime | None
    note: str | None

    @property
    def confirmed(self) -> bool:
        """Whether the sent message's id is on record."""
        return self.message_id is not None


def _ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("the briefing store takes timezone-aware datetimes")
    return moment.astimezone(UTC).isoformat()


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_CONFIG_COLUMNS = (
    "guild_id, channel_id, time, timezone, facts, enabled, active_since, paused_reason,"
    " paused_at, notice_pending"
)
_POST_COLUMNS = (
    "guild_id, day, channel_id, state, claim_token, claimed_at, lease_until, attempts, late,"
    " message_id, sent_at, note"
)


def _config(row: sqlite3.Row | tuple[object, ...]) -> GuildConfig:
    r = tuple(row)
    return GuildConfig(
        guild_id=int(cast(int, r[0])),
        channel_id=None if r[1] is None else int(cast(int, r[1])),
        time=str(r[2]),
        timezone=str(r[3]),
        facts=int(cast(int, r[4])),
        enabled=bool(r[5]),
        active_since=_dt(cast("str | None", r[6])),
        paused_reason=cast("str | None", r[7]),
        paused_at=_dt(cast("str | None", r[8])),
        notice_pending=bool(r[9]),
    )


def _post(row: sqlite3.Row | tuple[object, ...]) -> PostRecord:
    r = tuple(row)
    claimed_at = _dt(cast(str, r[5]))
    lease_until = _dt(cast(str, r[6]))
    assert claimed_at is not None and lease_until is not None
    return PostRecord(
        guild_id=int(cast(int, r[0])),
        day=date.fromisoformat(cast(str, r[1])),
        channel_id=int(cast(int, r[2])),
        state=cast(PostState, r[3]),
        claim_token=str(r[4]),
        claimed_at=claimed_at,
        lease_until=lease_until,
        attempts=int(cast(int, r[7])),
        late=bool(r[8]),
        message_id=None if r[9] is None else int(cast(int, r[9])),
        sent_at=_dt(cast("str | None", r[10])),
        note=cast("str | None", r[11]),
    )


_UNSET: object = object()


class BriefingStore:
    """The briefing tables of the state DB, over one aiosqlite connection."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None
        # One connection is shared by every task: statements of concurrent tasks must not
        # interleave, or one task's write could land inside (and roll back with) another's
        # transaction. Every public method holds this lock.
        self._lock = asyncio.Lock()

    async def open(self) -> None:
        """Open the state file (creating it and the tables if needed)."""
        if self._db is not None:
            return
        db = await connect_state(self.path, autocommit=True)
        try:
            await db.executescript(SCHEMA)
        except BaseException:
            await db.close()
            raise
        self._db = db

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> BriefingStore:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        """Return the open connection (raises if `open` was not awaited)."""
        if self._db is None:
            raise RuntimeError("BriefingStore is not open")
        return self._db

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the block in BEGIN IMMEDIATE … COMMIT (ROLLBACK on error); lock held by caller."""
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            await self.db.execute("ROLLBACK")
            raise
        await self.db.execute("COMMIT")

    async def _one(self, sql: str, args: tuple[object, ...]) -> sqlite3.Row | None:
        async with self.db.execute(sql, args) as cur:
            return await cur.fetchone()

    async def _write(self, sql: str, args: tuple[object, ...]) -> int:
        async with self._lock:
            cur = await self.db.execute(sql, args)
            return cur.rowcount

    # ------------------------------------------------------------------ config

    async def _config(self, guild_id: int) -> GuildConfig | None:
        row = await self._one(
            f"SELECT {_CONFIG_COLUMNS} FROM briefing_config WHERE guild_id = ?", (guild_id,)
        )
        return None if row is None else _config(row)

    async def config(self, guild_id: int) -> GuildConfig | None:
        """Return the guild's briefing config, if it has one."""
        async with self._lock:
            return await self._config(guild_id)

    async def configs(self) -> list[GuildConfig]:
        """Return every guild's config, by guild id."""
        async with (
            self._lock,
            self.db.execute(
                f"SELECT {_CONFIG_COLUMNS} FROM briefing_config ORDER BY guild_id"
            ) as cur,
        ):
            rows = await cur.fetchall()
        return [_config(r) for r in rows]

    async def configure(
        self,
        guild_id: int,
        *,
        now: datetime,
        defaults: GuildConfig,
        channel_id: int | object | None = _UNSET,
        time: str | object = _UNSET,
        timezone: str | object = _UNSET,
        facts: int | object = _UNSET,
        enabled: bool | object = _UNSET,
    ) -> GuildConfig:
        """Change some of a guild's settings (creating its row from `defaults`) and return it.

        Setting a channel clears a pause. Turning the briefing on or changing its time or zone
        restarts `active_since`, so a slot that already passed today is not owed.
        """
        async with self._lock, self._transaction() as db:
            current = await self._config(guild_id) or defaults
            new = current
            reschedule = current.active_since is None
            if channel_id is not _UNSET:
                new = replace(
                    new,
                    channel_id=cast("int | None", channel_id),
                    paused_reason=None,
                    paused_at=None,
                    notice_pending=False,
                )
            if time is not _UNSET and time != current.time:
                new, reschedule = replace(new, time=cast(str, time)), True
            if timezone is not _UNSET and timezone != current.timezone:
                new, reschedule = replace(new, timezone=cast(str, timezone)), True
            if facts is not _UNSET:
                new = replace(new, facts=cast(int, facts))
            if enabled is not _UNSET:
                reschedule = reschedule or (bool(enabled) and not current.enabled)
                new = replace(new, enabled=bool(enabled))
            if reschedule:
                new = replace(new, active_since=now)
            await db.execute(
                """INSERT INTO briefing_config
                   (guild_id, channel_id, time, timezone, facts, enabled, active_since,
                    paused_reason, paused_at, notice_pending, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (guild_id) DO UPDATE SET
                     channel_id = excluded.channel_id, time = excluded.time,
                     timezone = excluded.timezone, facts = excluded.facts,
                     enabled = excluded.enabled, active_since = excluded.active_since,
                     paused_reason = excluded.paused_reason, paused_at = excluded.paused_at,
                     notice_pending = excluded.notice_pending, updated_at = excluded.updated_at
                """,
                (
                    guild_id,
                    new.channel_id,
                    new.time,
                    new.timezone,
                    new.facts,
                    int(new.enabled),
                    _ts(new.active_since) if new.active_since else None,
                    new.paused_reason,
                    _ts(new.paused_at) if new.paused_at else None,
                    int(new.notice_pending),
                    _ts(now),
                ),
            )
            result = await self._config(guild_id)
        assert result is not None
        return result

    async def pause(self, guild_id: int, reason: str, *, now: datetime) -> None:
        """Pause a guild's briefing (e.g. its channel is gone) and queue a notice for admins."""
        await self._write(
            """UPDATE briefing_config
               SET paused_reason = ?, paused_at = ?, notice_pending = 1, updated_at = ?
               WHERE guild_id = ?""",
            (reason, _ts(now), _ts(now), guild_id),
        )

    async def take_notice(self, guild_id: int) -> str | None:
        """Return the pause reason if admins have not been told yet, marking them told."""
        async with self._lock:
            row = await self._one(
                """UPDATE briefing_config SET notice_pending = 0
                   WHERE guild_id = ? AND notice_pending = 1
                   RETURNING paused_reason""",
                (guild_id,),
            )
        return None if row is None else cast("str | None", row[0])

    # ------------------------------------------------------------------ claims and posts

    async def claim(
        self,
        guild_id: int,
        day: date,
        *,
        channel_id: int,
        token: str,
        now: datetime,
        lease: timedelta,
        late: bool = False,
        usage: Iterable[UsageRow] = (),
    ) -> PostRecord | None:
        """Claim the (guild, day) slot before sending; None if it is already claimed.

        The claim and the items the briefing shows are written in one transaction; the
        PRIMARY KEY on (guild_id, day) makes a second claim fail, whichever process tries.
        """
        async with self._lock:
            try:
                async with self._transaction() as db:
                    await db.execute(
                        f"""INSERT INTO briefing_posts ({_POST_COLUMNS})
                            VALUES (?, ?, ?, 'claimed', ?, ?, ?, 1, ?, NULL, NULL, NULL)""",
                        (
                            guild_id,
                            day.isoformat(),
                            channel_id,
                            token,
                            _ts(now),
                            _ts(now + lease),
                            int(late),
                        ),
                    )
                    await db.executemany(
                        """INSERT OR IGNORE INTO briefing_usage
                           (guild_id, pool, cycle, item_key, day) VALUES (?, ?, ?, ?, ?)""",
                        [(guild_id, r.pool, r.cycle, r.key, day.isoformat()) for r in usage],
                    )
            except sqlite3.IntegrityError:
                return None
            return await self._post(guild_id, day)

    async def _post(self, guild_id: int, day: date) -> PostRecord | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM briefing_posts WHERE guild_id = ? AND day = ?",
            (guild_id, day.isoformat()),
        )
        return None if row is None else _post(row)

    async def post(self, guild_id: int, day: date) -> PostRecord | None:
        """Return the claim or post of the guild's slot on `day`, if any."""
        async with self._lock:
            return await self._post(guild_id, day)

    async def latest_claim(self, guild_id: int) -> PostRecord | None:
        """Return the guild's most recent slot in any state (the schedule's `last_day`)."""
        async with self._lock:
            row = await self._one(
                f"""SELECT {_POST_COLUMNS} FROM briefing_posts WHERE guild_id = ?
                    ORDER BY day DESC LIMIT 1""",
                (guild_id,),
            )
        return None if row is None else _post(row)

    async def last_sent(self, guild_id: int) -> PostRecord | None:
        """Return the guild's most recent confirmed post."""
        async with self._lock:
            row = await self._one(
                f"""SELECT {_POST_COLUMNS} FROM briefing_posts
                    WHERE guild_id = ? AND state = 'sent' ORDER BY day DESC LIMIT 1""",
                (guild_id,),
            )
        return None if row is None else _post(row)

    async def unconfirmed(self, guild_id: int | None = None) -> list[PostRecord]:
        """Return claims whose message id is not on record (sending, or crashed mid-way)."""
        sql = f"SELECT {_POST_COLUMNS} FROM briefing_posts WHERE state = 'claimed'"
        args: tuple[object, ...] = ()
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args = (guild_id,)
        async with self._lock, self.db.execute(sql + " ORDER BY day, guild_id", args) as cur:
            rows = await cur.fetchall()
        return [_post(r) for r in rows]

    async def renew(
        self, guild_id: int, day: date, token: str, *, now: datetime, lease: timedelta
    ) -> bool:
        """Extend our own unconfirmed claim's lease; False if it is no longer ours."""
        changed = await self._write(
            """UPDATE briefing_posts SET lease_until = ?
               WHERE guild_id = ? AND day = ? AND claim_token = ? AND state = 'claimed'""",
            (_ts(now + lease), guild_id, day.isoformat(), token),
        )
        return changed == 1

    async def take_over(
        self, guild_id: int, day: date, token: str, *, now: datetime, lease: timedelta
    ) -> PostRecord | None:
        """Take an unconfirmed claim whose lease ran out (its holder died); None if not free."""
        async with self._lock:
            cur = await self.db.execute(
                """UPDATE briefing_posts
                   SET claim_token = ?, lease_until = ?, attempts = attempts + 1
                   WHERE guild_id = ? AND day = ? AND state = 'claimed' AND lease_until <= ?""",
                (token, _ts(now + lease), guild_id, day.isoformat(), _ts(now)),
            )
            if cur.rowcount != 1:
                return None
            return await self._post(guild_id, day)

    async def confirm(
        self, guild_id: int, day: date, message_id: int, *, now: datetime, note: str | None = None
    ) -> bool:
        """Record the sent message of a claimed slot; False if it was confirmed already."""
        changed = await self._write(
            """UPDATE briefing_posts
               SET state = 'sent', message_id = ?, sent_at = ?, note = COALESCE(?, note)
               WHERE guild_id = ? AND day = ? AND message_id IS NULL""",
            (message_id, _ts(now), note, guild_id, day.isoformat()),
        )
        return changed == 1

    async def abandon(
        self, guild_id: int, day: date, token: str, reason: str, *, not_shown: bool = False
    ) -> bool:
        """Give up on our claim without freeing the slot (the day is not posted again).

        With `not_shown` (known not to have been posted), its items go back to the rotation.
        """
        async with self._lock, self._transaction() as db:
            cur = await db.execute(
                """UPDATE briefing_posts SET state = 'abandoned', note = ?
                   WHERE guild_id = ? AND day = ? AND claim_token = ? AND state = 'claimed'""",
                (reason, guild_id, day.isoformat(), token),
            )
            changed = cur.rowcount == 1
            if changed and not_shown:
                await db.execute(
                    "DELETE FROM briefing_usage WHERE guild_id = ? AND day = ?",
                    (guild_id, day.isoformat()),
                )
        return changed

    async def release(self, guild_id: int, day: date, token: str) -> bool:
        """Free our claim, known not to have been sent, and forget its items' usage."""
        async with self._lock, self._transaction() as db:
            cur = await db.execute(
                """DELETE FROM briefing_posts
                   WHERE guild_id = ? AND day = ? AND claim_token = ? AND state = 'claimed'
                     AND message_id IS NULL""",
                (guild_id, day.isoformat(), token),
            )
            released = cur.rowcount == 1
            if released:
                await db.execute(
                    "DELETE FROM briefing_usage WHERE guild_id = ? AND day = ?",
                    (guild_id, day.isoformat()),
                )
        return released

    # ------------------------------------------------------------------ rotation

    async def usage(self, guild_id: int, *, before: date | None = None) -> Usage:
        """Return the guild's rotation state, from the briefings of days before `before`."""
        sql = "SELECT pool, cycle, item_key FROM briefing_usage WHERE guild_id = ?"
        args: tuple[object, ...] = (guild_id,)
        if before is not None:
            sql += " AND day < ?"
            args = (guild_id, before.isoformat())
        async with self._lock, self.db.execute(sql, args) as cur:
            rows = await cur.fetchall()
        return usage_from_rows((str(r[0]), int(r[1]), str(r[2])) for r in rows)

    async def usage_rows(self, guild_id: int, day: date) -> list[UsageRow]:
        """Return the items recorded for the guild's briefing of `day`."""
        async with (
            self._lock,
            self.db.execute(
                """SELECT pool, cycle, item_key FROM briefing_usage
                   WHERE guild_id = ? AND day = ? ORDER BY rowid""",
                (guild_id, day.isoformat()),
            ) as cur,
        ):
            rows = await cur.fetchall()
        return [UsageRow(cast(Pool, str(r[0])), int(r[1]), str(r[2])) for r in rows]
