"""A damaged state file is moved aside and a fresh one made in its place, on disk (issue 14).

The state holds the briefing's record of what it posted. Were the bot to run on an in-memory
state after the damage, a restart would forget today's post and post it again; on a fresh file
at the configured path, the restart finds the record.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.settings import BriefingSettings
from tests.chat.test_briefing_e2e import (  # noqa: F401
    BERLIN_0800_UTC,
    BriefingFake,
    FakeClock,
    Start,
    command,
    corpus,
    fake,
    settle,
    start,
)

DAMAGE = {
    "not-sqlite": b"garbage " * 512,
    "bad-pages": b"SQLite format 3\x00" + b"\xff" * 4000,
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
async def test_a_damaged_state_file_never_lets_a_briefing_repeat_after_a_restart(
    fake: BriefingFake,  # noqa: F811
    start: Start,  # noqa: F811
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    state = tmp_path / "state.sqlite3"  # where `start` keeps the state
    state.write_bytes(DAMAGE[kind])
    briefing = BriefingSettings(channel_id=fake.channel.id, timezone="Europe/Berlin")
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    caplog.set_level(logging.ERROR)
    async with start(clock, briefing=briefing) as bot:
        await settle(bot)
        answer = await command(fake, "now")  # today's briefing, before its time
        assert "Posted:" in answer.content, answer.content
        await settle(bot)
    assert f"state database {state} is damaged" in caplog.text
    aside = tmp_path / "state.sqlite3.damaged"
    assert aside.read_bytes() == DAMAGE[kind]  # kept for the operator, never deleted
    with sqlite3.connect(state) as db:  # the fresh state is a real file, with the post in it
        assert db.execute("SELECT state FROM briefing_posts").fetchall() == [("sent",)]
    async with start(clock, briefing=briefing) as bot:  # the restart
        await settle(bot, passes=10)
        clock.set(BERLIN_0800_UTC + timedelta(seconds=5))  # today's time comes
        await settle(bot, passes=20)
        assert str(bot.interactions.path) == str(state)
    assert len(fake.posts()) == 1
    assert not (tmp_path / "state.sqlite3.damaged-2").exists()  # the fresh file was sound


def test_a_sound_state_file_is_left_where_it_is(tmp_path: Path) -> None:
    from bot.store.recovery import state_damaged

    state = tmp_path / "state.sqlite3"
    assert state_damaged(state) is None  # missing: it will be created
    with sqlite3.connect(state) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (1)")
    assert state_damaged(state) is None
    state.write_bytes(DAMAGE["not-sqlite"])
    assert state_damaged(state) == "file is not a database"


class UnwritableStore:
    """A store whose file opens with an operational error (read-only, full disk) on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.opened_in_memory = False

    async def open(self) -> None:
        if str(self.path) != ":memory:":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        self.opened_in_memory = True


async def test_a_state_that_cannot_be_written_runs_in_memory_and_is_not_moved(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.store.recovery import open_state_recovering

    state = tmp_path / "state.sqlite3"
    with sqlite3.connect(state) as db:
        db.execute("CREATE TABLE t (x)")
    store = UnwritableStore(state)
    with caplog.at_level(logging.ERROR):
        assert await open_state_recovering(store) is False
    assert store.opened_in_memory and state.exists()
    assert not list(tmp_path.glob("*.damaged*"))
    assert "cannot be written" in caplog.text
