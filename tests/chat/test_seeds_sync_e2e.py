"""End to end: the seeds folder sync posts its reindex report to the configured channel."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.chat.client import FactBot
from bot.chat.exts.seeds_sync import SeedsSyncCog
from bot.usecases.indexing import LiveIndex
from tests.fakediscord import FakeDiscord, running
from tests.prebuilt import install_index
from tests.test_library import NEW_ID, add_test_article, make_settings

EXTENSIONS = ("bot.chat.exts.seeds_sync",)


async def test_an_added_file_is_reindexed_and_the_report_posted(
    tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    fake = fake_discord
    settings = make_settings(tmp_path)
    settings.seeds_sync.interval_seconds = 0.5
    settings.seeds_sync.report_channel_id = fake.channel.id
    await install_index(settings)
    library = LiveIndex(settings)
    await library.open()
    bot = FactBot(
        settings=settings, library=library, extensions=EXTENSIONS, guild_ready_timeout=0.05
    )
    async with running(bot, fake) as started:
        assert started.get_cog("SeedsSyncCog") is not None
        await asyncio.sleep(0.1)  # the first poll takes the baseline
        add_test_article(settings)
        for _ in range(600):
            posted = [m for m in fake.channel_messages if int(m["channel_id"]) == fake.channel.id]
            if posted:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("no report was posted")
        assert NEW_ID in posted[0]["content"] and posted[0]["content"].startswith("```")
        assert NEW_ID in {a.id for a in library.corpus.articles}


async def test_the_setting_turns_the_sync_off(tmp_path: Path, fake_discord: FakeDiscord) -> None:
    settings = make_settings(tmp_path)
    settings.seeds_sync.enabled = False
    await install_index(settings)
    library = LiveIndex(settings)
    await library.open()
    bot = FactBot(
        settings=settings, library=library, extensions=EXTENSIONS, guild_ready_timeout=0.05
    )
    async with running(bot, fake_discord) as started:
        cog = started.get_cog("SeedsSyncCog")
        # (the extension's module is imported afresh by discord.py: compare by name)
        assert type(cog).__name__ == SeedsSyncCog.__name__
        assert not cog.poll_seeds.is_running()  # type: ignore[union-attr]
