"""A damaged index is rebuilt from the seeds at start-up; someone else's database is left alone."""

from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.store.index_db import IndexSchemaError
from bot.usecases.indexing import LiveIndex as Library

SEED = Path(__file__).resolve().parents[2] / "seeds" / "lamberty-2024-nato-mission-iraq.txt"


def settings_in(folder: Path) -> Settings:
    seeds = folder / "seeds"
    seeds.mkdir(exist_ok=True)
    shutil.copy(SEED, seeds / SEED.name)
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        seeds_dir=seeds,
        index_path=folder / "index.sqlite3",
        state_path=folder / "state.sqlite3",
    )


@pytest.fixture(scope="module")
def good_index(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a sound index of the seed article."""
    settings = settings_in(tmp_path_factory.mktemp("good"))
    asyncio.run(Library(settings).open())
    return settings.index_path.read_bytes()


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "bad-pages": lambda data: data[:8192] + b"\xff" * 4096 + data[12288:],
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
async def test_a_damaged_index_is_moved_aside_and_rebuilt(
    tmp_path: Path, good_index: bytes, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_in(tmp_path)
    damaged = DAMAGE[kind](good_index)
    settings.index_path.write_bytes(damaged)
    library = Library(settings)
    with caplog.at_level(logging.ERROR):
        await library.open()
    assert library.searcher.facts("how many soldiers in NATO Mission Iraq").matched
    aside = tmp_path / "index.sqlite3.damaged"
    assert aside.read_bytes() == damaged  # kept, never deleted
    assert f"the index {settings.index_path} is damaged" in caplog.text
    assert "rebuilding it from the seeds" in caplog.text


async def test_another_programs_database_is_not_moved(tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    with sqlite3.connect(settings.index_path) as db:
        db.execute("CREATE TABLE accounts (name TEXT)")
    before = settings.index_path.read_bytes()
    with pytest.raises(IndexSchemaError):
        await Library(settings).open()
    assert settings.index_path.read_bytes() == before
    assert not list(tmp_path.glob("*.damaged*"))
