"""A state database that is locked, full, read-only or damaged never costs an answer (issue 14).

Answers come first and the state is written after; buttons work from memory when the write
failed; a damaged state file is moved aside and the bot starts on a fresh one (see also
test_damaged_state.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import aiosqlite
import pytest

from bot.chat.client import FactBot
from tests.chat.conftest import StartBot
from tests.chat.test_briefing_e2e import command as briefing_command
from tests.fakediscord import FakeDiscord, FakeInteraction

SOLDIERS = "how many soldiers in NATO Mission Iraq"
LOCK_SECONDS = 1.0
PROMPT = 0.7  # well under the lock: an answer that waited for the write would miss it


def locked(path: Path, seconds: float) -> Iterator[None]:
    """Another process's view: hold a write lock on the state file for `seconds`."""
    ready = threading.Event()

    def hold() -> None:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        ready.set()
        time.sleep(seconds)
        db.execute("ROLLBACK")
        db.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    ready.wait(5)
    yield
    thread.join()


def answered_in_time(ix: FakeInteraction) -> None:
    assert len(ix.callbacks) == 1, ix.callbacks
    assert ix.latency < PROMPT, ix.latency
    assert ix.embeds and "Something went wrong" not in ix.content


async def test_answers_and_buttons_while_another_process_locks_the_state(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    fake = fake_discord
    state = tmp_path / "state.sqlite3"
    async with start_bot(state=state):
        hold = locked(state, LOCK_SECONDS)
        next(hold)
        ask = await (await fake.slash("fact", query=SOLDIERS)).done()
        answered_in_time(ask)
        press = await (await fake.click(ask, ask.button("Next")["custom_id"])).done()
        answered_in_time(press)
        with pytest.raises(StopIteration):
            next(hold)


async def read_only(db: aiosqlite.Connection) -> None:
    await db.execute("PRAGMA query_only = ON")


FILL = {
    "feedback_queries": "(key, command, query) VALUES (hex(randomblob(8)), 'fact', zeroblob(?))",
    "feedback_misses": "(query, command, at) VALUES (zeroblob(?), 'fact', 'x')",
    "feedback_votes": "(query, command, hit_id, helpful, at)"
    " VALUES (zeroblob(?), 'f', 'h', 1, 'x')",
}


async def full_disk(db: aiosqlite.Connection) -> None:
    """No page left: the file may not grow (clamped to its size) and every table page is full."""
    await db.execute("PRAGMA max_page_count = 1")
    for table, values in FILL.items():
        for size in (400, 40, 1):
            with contextlib.suppress(sqlite3.OperationalError):
                for _ in range(1000):
                    await db.execute(f"INSERT INTO {table} {values}", (size,))
                    await db.commit()
            await db.rollback()


@pytest.mark.parametrize("break_it", [read_only, full_disk], ids=["read-only", "full-disk"])
async def test_answers_buttons_and_votes_when_the_state_cannot_be_written(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    caplog: pytest.LogCaptureFixture,
    break_it: Callable[[aiosqlite.Connection], Awaitable[None]],
) -> None:
    fake = fake_discord
    async with start_bot() as bot:
        await break_it(bot.interactions.db)
        ask = await (await fake.slash("fact", query=SOLDIERS)).done()
        answered_in_time(ask)
        assert ask.button("Next")  # buttons stay: they work from memory
        press = await (await fake.click(ask, ask.button("Next")["custom_id"])).done()
        answered_in_time(press)
        vote = await (await fake.click(ask, ask.button("Helpful")["custom_id"])).done()
        assert "Thanks" in vote.content
        miss = await (await fake.slash("fact", query="zqxj vlorb")).done()
        assert miss.embeds and "Something went wrong" not in miss.content
        await bot.recorder.drain()
        assert bot.recorder.failed_writes >= 3
    assert "the answer was given anyway" in caplog.text


async def test_a_lone_surrogate_in_a_query_is_answered(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot() as bot:
        ix = await (await fake_discord.slash("fact", query="soldiers \ud800 Iraq")).done()
        answered_in_time(ix)
        await bot.recorder.drain()
        assert bot.recorder.failed_writes == 0  # made valid before it reached the store
        stored = await bot.interactions.recall_query(ix.button("Next")["custom_id"].split(":")[3])
        assert stored is not None and stored.text == "soldiers \ufffd Iraq"


@pytest.mark.parametrize(
    "damage",
    [b"garbage " * 512, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["not-sqlite", "bad-pages"],
)
async def test_a_damaged_state_file_does_not_stop_the_bot(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    damage: bytes,
) -> None:
    state = tmp_path / "broken-state.sqlite3"
    state.write_bytes(damage)
    caplog.set_level(logging.ERROR)
    async with start_bot(state=state) as bot:
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        answered_in_time(ix)
        press = await (await fake_discord.click(ix, ix.button("Next")["custom_id"])).done()
        answered_in_time(press)
        assert isinstance(bot, FactBot) and bot.interactions.path == state  # on disk, afresh
    assert state.with_name(state.name + ".damaged").read_bytes() == damage  # kept, not deleted
    assert f"state database {state} is damaged" in caplog.text
    assert "moved it to broken-state.sqlite3.damaged" in caplog.text


async def test_the_state_lock_does_not_fail_a_briefing_status(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    state = tmp_path / "state.sqlite3"
    async with start_bot(state=state, extensions=("bot.chat.exts.briefing",)):
        await asyncio.sleep(0)
        hold = locked(state, LOCK_SECONDS)
        next(hold)
        ix = await briefing_command(fake_discord, "status")  # type: ignore[arg-type]
        assert ix.callbacks and ix.latency < PROMPT
        assert "Briefing is" in ix.content
        with pytest.raises(StopIteration):
            next(hold)
