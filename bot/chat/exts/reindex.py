"""The `/reindex` command and the poll that picks up an index rebuilt outside the bot.

`/reindex [dry_run]` is for admins only: the application's owner and team (as discord.py's
`is_owner` counts them), and the users and roles listed in `settings.admins`. It is hidden from
everyone else by default permissions (administrator) and refused at run time to anyone who is
not an admin, because server admins can grant it to others and clients can send it anyway.
Every attempt is logged with who tried. The command defers at once; the rebuild itself runs in
`LiveIndex.reindex` (`bot.usecases.indexing`), off the event loop, while answers keep
coming from the old index.

The cog also polls `LiveIndex.reload_if_changed()` (every `POLL_SECONDS`) so that an index built by
`python -m bot index` while the bot runs is served without a restart.

This module must never build, load or swap an index itself (the indexing service's job),
never show a reindex report to anyone but the admin who asked, and never let a failure of the poll
stop the poll.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.chat.client import FactBot
from bot.chat.embeds import MESSAGE_MAX
from bot.core.diff import ReindexReport, render_reindex_report
from bot.core.passages import clip
from bot.core.shown_paths import without_paths
from bot.settings import AdminSettings
from bot.usecases.indexing import ReindexInProgress

log = logging.getLogger(__name__)

POLL_SECONDS = 30.0
REFUSAL = "Only Factbot admins can reindex."


def describe_user(user: discord.abc.User) -> str:
    """Name a user for the log: name and id."""
    return f"{user.name} ({user.id})"


def configured_admin(user: discord.abc.User, admins: AdminSettings) -> bool:
    """Whether `settings.admins` lists this user, or one of their roles in this guild."""
    if user.id in admins.user_ids:
        return True
    roles = getattr(user, "roles", None) or []
    return any(role.id in admins.role_ids for role in roles)


def report_message(report: ReindexReport) -> str:
    """The report in a code block that fits one Discord message, trimming long lists first."""
    for max_lines in (None, 20, 10, 5, 2, 0):
        text = render_reindex_report(report, max_lines=max_lines).replace("```", "'''")
        message = f"```\n{text}\n```"
        if len(message) <= MESSAGE_MAX:
            return message
    return f"```\n{clip(text, MESSAGE_MAX - 8)}\n```"


class Reindex(commands.Cog):
    """`/reindex` for admins, and the poll for external index builds."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self.library = bot.library
        self.settings = bot.settings

    async def cog_load(self) -> None:
        """Start polling the index file for builds made outside the bot."""
        self.poll_index.start()

    async def cog_unload(self) -> None:
        """Stop the poll."""
        self.poll_index.cancel()

    @tasks.loop(seconds=POLL_SECONDS)
    async def poll_index(self) -> None:
        """Reload the index when `python -m bot index` rebuilt it; never let a failure escape."""
        try:
            if await self.library.reload_if_changed():
                log.info("picked up an index rebuilt outside the bot")
        except Exception:
            log.exception("checking the index file for an external rebuild failed")

    def shown_folders(self) -> list[Path]:
        """The folders whose paths admins may see (by name): seeds and the index's folder."""
        folders = [self.settings.seeds_dir, self.settings.index_path.parent]
        return [f.resolve() for f in folders] + [f for f in folders if f.is_absolute()]

    async def is_admin(self, user: discord.abc.User) -> bool:
        """Whether this user may run admin-only commands."""
        if configured_admin(user, self.settings.admins):
            return True
        try:
            return await self.bot.is_owner(user)
        except discord.HTTPException:
            log.exception("could not fetch the application's owner to check %s", user.id)
            return False

    @app_commands.command(name="reindex", description="Rebuild the index from the seed articles")
    @app_commands.describe(dry_run="Only report what would change; keep serving the current index")
    @app_commands.default_permissions(administrator=True)
    async def reindex(self, interaction: discord.Interaction, dry_run: bool = False) -> None:
        """Rebuild (or dry-run) the index and tell the admin what changed."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        user = interaction.user
        where = f"guild {interaction.guild_id}" if interaction.guild_id else "a DM"
        if not await self.is_admin(user):
            log.warning(
                "/reindex refused: %s is not an admin (in %s, dry_run=%s)",
                describe_user(user),
                where,
                dry_run,
            )
            await interaction.edit_original_response(content=REFUSAL)
            return
        log.info("/reindex by %s in %s (dry_run=%s)", describe_user(user), where, dry_run)
        started = time.perf_counter()
        try:
            report = await self.library.reindex(dry_run=dry_run)
        except ReindexInProgress as exc:
            log.info("/reindex by %s refused: %s", describe_user(user), exc)
            await interaction.edit_original_response(
                content=f"A reindex is already running (started {exc.running_for:.0f} s ago). "
                "Try again when it has finished."
            )
            return
        except Exception as exc:
            log.exception("/reindex by %s failed unexpectedly", describe_user(user))
            await interaction.edit_original_response(
                content=f"The reindex failed after {time.perf_counter() - started:.1f} s "
                f"({type(exc).__name__}); the old index is still serving."
            )
            return
        log.info(
            "/reindex by %s finished: ok=%s swapped=%s added=%s removed=%s changed=%s",
            describe_user(user),
            report.ok,
            report.swapped,
            report.added,
            report.removed,
            report.changed,
        )
        message = without_paths(report_message(report), self.shown_folders())
        try:
            await interaction.edit_original_response(content=message)
        except discord.HTTPException:  # e.g. the interaction expired during a very long build
            log.exception("could not deliver the /reindex report; it was:\n%s", message)


async def setup(bot: FactBot) -> None:
    """Add `/reindex` and the poll for external index builds."""
    await bot.add_cog(Reindex(bot))
