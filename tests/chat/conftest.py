"""Fixtures for the Discord layer's end-to-end tests: the real seed index, the fake, the bot.

`library` is built once per session from `seeds/` into a temporary folder. `start_bot` runs a
`FactBot` (real discord.py) against the fake Discord with a fresh state database per test;
call it again with the same `state` to simulate a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.chat.client import FactBot
from bot.settings import DiscordSettings, Settings
from bot.usecases.indexing import LiveIndex as Library
from tests.fakediscord import FakeDiscord, running
from tests.fakediscord.fixtures import fake_discord  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MY_EXTENSIONS = ("bot.chat.exts.about", "bot.chat.exts.answers")


@pytest.fixture(scope="session")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index built from the real seeds, once per test session."""
    path = tmp_path_factory.mktemp("index") / "index.sqlite3"
    settings = Settings(seeds_dir=SEEDS, index_path=path, state_path=path.with_name("s.db"))
    asyncio.run(Library(settings).open())
    return path


@pytest.fixture(scope="session")
def library(index_path: Path) -> Library:
    """A library opened on the session's index (its searcher is immutable, so it is shared)."""
    settings = Settings(
        seeds_dir=SEEDS, index_path=index_path, state_path=index_path.with_name("s.db")
    )
    lib = Library(settings)
    asyncio.run(lib.open())
    return lib


def make_settings(index_path: Path, state: Path, **discord: Any) -> Settings:
    """Settings for a test bot: the session index, this test's state file, no token."""
    return Settings(
        seeds_dir=SEEDS,
        index_path=index_path,
        state_path=state,
        discord=DiscordSettings(**discord),
    )


StartBot = Callable[..., contextlib.AbstractAsyncContextManager[FactBot]]


@pytest.fixture
def start_bot(
    fake_discord: FakeDiscord,  # noqa: F811
    library: Library,
    index_path: Path,
    tmp_path: Path,
) -> StartBot:
    """`async with start_bot(**discord_settings) as bot:` runs a FactBot against the fake.

    Keyword arguments become `DiscordSettings` fields; `state=` picks the state database (default:
    one per test, so a second `start_bot()` in the same test is a restart on the same state);
    `extensions=` overrides which extensions load (default: this layer's own).
    """

    @contextlib.asynccontextmanager
    async def start(
        *,
        state: Path | None = None,
        extensions: Sequence[str] | None = MY_EXTENSIONS,
        **discord: Any,
    ) -> AsyncIterator[FactBot]:
        settings = make_settings(index_path, state or tmp_path / "state.sqlite3", **discord)
        bot = FactBot(
            settings=settings, library=library, extensions=extensions, guild_ready_timeout=0.05
        )
        async with running(bot, fake_discord) as started:
            yield started

    return start


@pytest.fixture
def no_errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail the test if discord.py or Factbot logged an error (e.g. "Ignoring exception")."""
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, "\n".join(r.getMessage() for r in errors)
