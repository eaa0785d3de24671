"""The `/reindex` command and the poll that picks up an index rebuilt outside the bot.

`/reindex [dry_run]` is for admins only: the application's owner and team (as discord.py's
`is_owner` counts them), and the users and roles listed in `settings.admins`. It is hidden from
everyone else by default permissions (administrator) and refused at run time to anyone who is
not an admin, because server admins can grant it to others and clients can send it anyway.
Every attempt is logged with who tried. The command defers at once; the rebuild itself runs in
`LiveIndex.reindex` (`bot.usecases.indexing`), off the event loop, while answers keep
coming from the old index. While it runs, the deferred reply shows how many seed files are read
(edited at most every `PROGRESS_SECONDS`). Discord lets a reply be edited for 15 minutes only:
when the build outlasts that (`EXPIRES_AFTER`) or the final edit is refused, the report is
posted as a message in the channel the command came from, with mentions disabled. The report is
logged either way.

The cog also polls `LiveIndex.reload_if_changed()` (every `POLL_SECONDS`) so that an index built by
`python -m bot index` while the bot runs is served without a restart.

This module must never build, load or swap an index itself (the indexing service's job),
never show a reindex report to anyone but the admin who asked while that reply can still be
edited, never let a report be lost unlogged, and never let a failure of the poll stop the poll.
"""

from __future__ import annotations

import asyncio
import contextlib
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
PROGRESS_SECONDS = 5.0
EXPIRES_AFTER = 14 * 60.0
"""Seconds after which the reply is taken as no longer editable (Discord: 15 minutes)."""
STOP_WAIT = 10.0
"""Seconds a progress edit in flight may take to land before the final message goes out."""
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


def progress_text(done: int, total: int, seconds: float, *, dry_run: bool) -> str:
    """What the deferred reply says while the build reads the seeds."""
    kind = "Dry run" if dry_run else "Reindex"
    return f"{kind} in progress: {done:,} of {total:,} seed files read ({seconds:.0f} s so far)."


def reply_expired(exc: discord.HTTPException) -> bool:
    """Whether Discord refused an edit because the interaction's token is no longer valid."""
    return isinstance(exc, discord.NotFound) or exc.status == 401


class ProgressEdits:
    """Edits a deferred reply with the latest progress, at most every `every` seconds.

    `update` is the build's progress callback (cheap: it only stores the numbers); a task
    shows them. Edits stop once the reply has expired (`expired` then says so).
    """

    def __init__(
        self,
        interaction: discord.Interaction,
        *,
        dry_run: bool,
        every: float,
        expires_after: float,
    ) -> None:
        self.interaction = interaction
        self.dry_run = dry_run
        self.every = every
        self.expires_after = expires_after
        self.started = time.monotonic()
        self.latest: tuple[int, int] | None = None
        self.shown: tuple[int, int] | None = None
        self.edits = 0
        self.expired = False
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def update(self, done: int, total: int) -> None:
        """Note how far the build is (called from the build's progress relay)."""
        self.latest = (done, total)

    def start(self) -> None:
        """Begin showing progress."""
        self._task = asyncio.create_task(self._run(), name="factbot-reindex-progress")

    async def stop(self) -> None:
        """Stop showing progress; an edit in flight lands first, so none overwrites the end."""
        self._stopping.set()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._task), STOP_WAIT)
        except TimeoutError:  # an edit stuck (rate limits, a slow Discord): give up on it
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def too_old(self) -> bool:
        """Whether the reply is past the time Discord lets it be edited."""
        return self.expired or time.monotonic() - self.started > self.expires_after

    async def _run(self) -> None:
        while not self.too_old():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.every)
            latest = self.latest
            if self._stopping.is_set():
                return
            if latest is None or latest == self.shown or self.too_old():
                continue
            seconds = time.monotonic() - self.started
            text = progress_text(*latest, seconds, dry_run=self.dry_run)
            try:
                await self.interaction.edit_original_response(content=text)
            except discord.HTTPException as exc:
                if reply_expired(exc):
                    log.info("the /reindex reply can no longer be edited (%s)", exc.status)
                    self.expired = True
                    return
                log.warning("could not show /reindex progress: %s", exc)
            except Exception as exc:  # a network error: the next edit may get through
                log.warning("could not show /reindex progress: %s", exc)
            else:
                self.shown = latest
                self.edits += 1


class Reindex(commands.Cog):
    """`/reindex` for admins, and the poll for external index builds."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self.library = bot.library
        self.settings = bot.settings
        self.progress_seconds = PROGRESS_SECONDS
        self.expires_after = EXPIRES_AFTER

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
        progress = ProgressEdits(
            interaction,
            dry_run=dry_run,
            every=self.progress_seconds,
            expires_after=self.expires_after,
        )
        progress.start()
        try:
            report = await self.library.reindex(dry_run=dry_run, progress=progress.update)
        except ReindexInProgress as exc:
            await progress.stop()
            log.info("/reindex by %s refused: %s", describe_user(user), exc)
            await self.tell(
                interaction,
                progress,
                f"A reindex is already running (started {exc.running_for:.0f} s ago). "
                "Try again when it has finished.",
            )
            return
        except BaseException as exc:
            await progress.stop()
            if not isinstance(exc, Exception):  # cancelled (the bot is stopping): no reply
                raise
            log.exception("/reindex by %s failed unexpectedly", describe_user(user))
            await self.tell(
                interaction,
                progress,
                f"The reindex failed after {time.monotonic() - progress.started:.1f} s "
                f"({type(exc).__name__}); the old index is still serving.",
            )
            return
        await progress.stop()
        message = without_paths(report_message(report), self.shown_folders())
        log.info(
            "/reindex by %s finished: ok=%s swapped=%s added=%s removed=%s changed=%s\n%s",
            describe_user(user),
            report.ok,
            report.swapped,
            report.added,
            report.removed,
            report.changed,
            message,
        )
        await self.tell(interaction, progress, message)

    async def tell(
        self, interaction: discord.Interaction, progress: ProgressEdits, message: str
    ) -> None:
        """Put `message` in the deferred reply, or in the channel once the reply has expired."""
        if not progress.too_old():
            try:
                await interaction.edit_original_response(content=message)
                return
            except discord.HTTPException as exc:
                log.warning(
                    "could not edit the /reindex reply (%s %s); posting it in the channel",
                    exc.status,
                    exc.text or type(exc).__name__,
                )
        await self.post_in_channel(interaction, message)

    async def post_in_channel(self, interaction: discord.Interaction, message: str) -> None:
        """Post a /reindex outcome in the command's channel, pinging no one."""
        if interaction.channel_id is None:
            log.error("the /reindex reply expired and there is no channel to post in")
            return
        who = discord.utils.escape_markdown(clip(interaction.user.display_name, 64))
        header = f"The /reindex {who} asked for has finished (its reply had expired):\n"
        channel = self.bot.get_partial_messageable(
            interaction.channel_id, guild_id=interaction.guild_id
        )
        try:
            await channel.send(
                header + clip_block(message, MESSAGE_MAX - len(header)),
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except discord.HTTPException:
            log.exception(
                "could not post the /reindex outcome in channel %s either; it is logged above",
                interaction.channel_id,
            )
        else:
            log.info("posted the /reindex outcome in channel %s", interaction.channel_id)


def clip_block(message: str, limit: int) -> str:
    """`message` cut to `limit` characters, keeping a code block closed."""
    if len(message) <= limit:
        return message
    if message.startswith("```\n") and message.endswith("\n```"):
        return f"```\n{clip(message[4:-4], limit - 8)}\n```"
    return clip(message, limit)


async def setup(bot: FactBot) -> None:
    """Add `/reindex` and the poll for external index builds."""
    await bot.add_cog(Reindex(bot))
