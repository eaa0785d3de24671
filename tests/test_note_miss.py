"""Which answers are kept as misses, whichever front end asked."""

from __future__ import annotations

from pathlib import Path

from bot.core.answers import Answer, Query
from bot.store.interactions import InteractionStore
from bot.usecases.asking import Asker, note_miss

ASKER = Asker(at="2026-01-01T00:00:00+00:00")


async def test_a_person_never_quoted_is_a_miss_but_a_bad_query_is_not(tmp_path: Path) -> None:
    async with InteractionStore(tmp_path / "state.sqlite3") as store:
        never = Answer("quote", "tariffs", error="Putin is never quoted.", unquoted="Putin")
        bad = Answer("fact", "", error="Type something to search for.")
        nothing = Answer("fact", "emperor penguins")
        assert await note_miss(store, Query("quote", "tariffs", speaker="Putin"), never, ASKER)
        assert not await note_miss(store, Query("fact", ""), bad, ASKER)
        assert await note_miss(store, Query("fact", "emperor penguins"), nothing, ASKER)
        kept = [record.query for record in await store.misses()]
    assert sorted(kept) == ["emperor penguins", "tariffs"]
