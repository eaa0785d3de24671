"""The seeds folder that syncs itself, in Discord: poll, reindex, log and post the report.

Every `settings.seeds_sync.interval_seconds` the cog asks `SeedsSync.poll()`
(`bot.usecases.seeds_sync`) whether the folder changed and settled; when that poll reindexed,
the report (the one `/reindex` shows) is logged and, when `seeds_sync.report_channel_id` is set,
posted there. `seeds_sync.enabled = false` turns it off. The loop starts in `cog_load` and is
cancelled in `cog_unload`; a failure of one poll or one post never stops the next.
"""

from __future__ import annotations

import logging

import discord
from discord.ext import commands, tasks

from bot.chat.client import FactBot
from bot.chat.exts.reindex import report_message
from bot.core.diff import ReindexReport
from bot.usecases.seeds_sync import SeedsSync

log = logging.getLogger(__name__)


class SeedsSyncCog(commands.Cog):
    """Reindexes by itself when the seeds folder changes, and says so."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self.settings = bot.settings.seeds_sync
        self.sync = SeedsSync(bot.library, bot.settings.seeds_dir, bot.settings.index_path)

    async def cog_load(self) -> None:
        """Start the poll, unless the settings turn it off."""
        if not self.settings.enabled:
            log.info("seeds folder sync is off")
            return
        self.poll_seeds.change_interval(seconds=self.settings.interval_seconds)
        self.poll_seeds.start()

    async def cog_unload(self) -> None:
        """Stop the poll."""
        self.poll_seeds.cancel()

    @tasks.loop(seconds=10.0)
    async def poll_seeds(self) -> None:
        """One look at the seeds folder; never let a failure escape."""
        try:
            report = await self.sync.poll()
        except Exception:
            log.exception("looking at the seeds folder failed")
            return
        if report is None:
            return
        log.info(
            "seeds sync reindexed: ok=%s swapped=%s added=%s removed=%s changed=%s error=%s",
            report.ok,
            report.swapped,
            report.added,
            report.removed,
            report.changed,
            report.error,
        )
        await self.post(report)

    async def post(self, report: ReindexReport) -> None:
        """Post the report to the configured channel, if there is one the bot can reach."""
        channel_id = self.settings.report_channel_id
        if channel_id is None:
            return
        try:
            channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                log.warning("seeds sync report channel %s cannot take messages", channel_id)
                return
            await channel.send(report_message(report))
        except discord.HTTPException:
            log.exception("could not post the seeds sync report to channel %s", channel_id)


async def setup(bot: FactBot) -> None:
    """Load the cog."""
    await bot.add_cog(SeedsSyncCog(bot))
