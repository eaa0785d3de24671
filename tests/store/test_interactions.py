"""The feedback tables: misses, votes, remembered queries, values, schema version, CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.answers import Query as StoredQuery
from bot.store.interactions import InteractionSchemaError, InteractionStore


async def test_misses_and_votes_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with InteractionStore(path) as store:
        await store.record_miss(
            query="xyzzy", command="fact", at="2024-01-01T00:00:00+00:00", user_id=1, guild_id=2
        )
        await store.record_miss(
            query="plugh",
            command="quote",
            at="2024-01-02T00:00:00+00:00",
            user_id=None,
            guild_id=None,
        )
        await store.record_vote(
            query="nmi",
            command="fact",
            hit_id="a:s0001",
            helpful=False,
            at="2024-01-03T00:00:00+00:00",
            user_id=1,
            guild_id=2,
        )
        await store.record_vote(
            query="nmi",
            command="fact",
            hit_id="a:s0002",
            helpful=True,
            at="2024-01-03T00:00:00+00:00",
            user_id=1,
            guild_id=2,
        )
    async with InteractionStore(path) as store:
        misses = await store.misses()
        assert [m.query for m in misses] == ["plugh", "xyzzy"]
        assert misses[1].user_id == 1 and misses[1].guild_id == 2
        unhelpful = await store.unhelpful()
        assert [(u.query, u.hit_id) for u in unhelpful] == [("nmi", "a:s0001")]
        # a user changing their mind replaces the vote
        await store.record_vote(
            query="nmi",
            command="fact",
            hit_id="a:s0001",
            helpful=True,
            at="2024-01-04T00:00:00+00:00",
            user_id=1,
            guild_id=2,
        )
        assert await store.unhelpful() == []


async def test_queries_and_values(tmp_path: Path) -> None:
    async with InteractionStore(tmp_path / "s.sqlite3") as store:
        query = StoredQuery("quote", "foreign deployments " * 20, article="a", speaker="Masala")
        key = await store.remember_query(query)
        assert len(key) == 12 and key == query.key
        assert await store.remember_query(query) == key
        assert await store.recall_query(key) == query
        assert await store.recall_query("000000000000") is None
        assert await store.get_value("sync") is None
        await store.set_value("sync", "abc")
        await store.set_value("sync", "def")
        assert await store.get_value("sync") == "def"


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    async with InteractionStore(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute("UPDATE feedback_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(InteractionSchemaError):
        await InteractionStore(path).open()


async def test_misses_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.sqlite3"
    async with InteractionStore(path) as store:
        await store.record_miss(
            query="xyzzy", command="fact", at="2024-01-01T00:00:00+00:00", user_id=1, guild_id=2
        )
    capsys.readouterr()
    # the command runs its own event loop, so run it outside this test's loop
    import asyncio

    code = await asyncio.to_thread(main, ["misses", "--state", str(path), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["misses"][0]["query"] == "xyzzy" and data["unhelpful"] == []
    code = await asyncio.to_thread(main, ["misses", "--state", str(path)])
    assert "xyzzy" in capsys.readouterr().out and code == 0
    assert await asyncio.to_thread(main, ["misses", "--state", str(tmp_path / "none")]) == 1


def test_query_keys_are_stable_across_versions() -> None:
    # Buttons posted by earlier versions carry these keys; they must still find their query.
    assert StoredQuery("fact", "soldiers").key == "ed30c7ae6d4c"
    assert StoredQuery("quote", "foreign deployments", article="a", speaker="Masala").key == (
        "d82e0b0c2161"
    )
