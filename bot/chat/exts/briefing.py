"""The daily briefing in Discord: `/briefing channel|time|off|status|preview|now`.

Every subcommand needs Manage Server: hidden from others by default permissions and refused at
run time too, by the one `interaction_check` of the cog (permissions can be re-granted by server
admins, and clients can send hidden commands anyway). The refusal goes through the tree's one
error path. Posting itself is `BriefingPoster` (`_briefing_poster.py`, the exactly-once
protocol), which this cog owns; the preview is the briefing use case
(`bot.usecases.briefing.upcoming_briefing`), the same "tomorrow" the console and CLI show.

This module must never post a briefing itself (only the poster does), never mention anyone and
never read the wall clock except through the bot's clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.client import FactBot
from bot.chat.clock import Clock
from bot.chat.embeds import MESSAGE_MAX
from bot.chat.errors import FactbotError
from bot.chat.exts._briefing_poster import (
    LEASE,
    NO_MENTIONS,
    BriefingPoster,
    Unsendable,
    render_briefing,
)
from bot.core.briefing import briefings_before_repeat, rotation_status
from bot.core.briefing_text import text_length
from bot.core.model import Corpus
from bot.core.passages import clip
from bot.core.schedule import (
    ScheduleError,
    format_time,
    local_date,
    next_post,
    parse_time,
    suggest_timezones,
    zone,
)
from bot.settings import Settings
from bot.store.briefings import BriefingStore, GuildConfig
from bot.store.recovery import open_state_recovering
from bot.store.state_db import STATE_ERRORS
from bot.usecases.briefing import upcoming_briefing

__all__ = ["LEASE", "REFUSAL", "BriefingCog", "setup"]

log = logging.getLogger(__name__)

REFUSAL = "Only members with the Manage Server permission can change the daily briefing."


class BriefingCog(commands.Cog):
    """`/briefing` for server managers; owns the poster that posts each guild's briefing."""

    briefing = app_commands.Group(
        name="briefing",
        description="The daily briefing: facts, a figure and a quote from the sources",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    def __init__(
        self,
        bot: commands.Bot,
        settings: Settings,
        corpus: Callable[[], Corpus],
        *,
        clock: Clock,
        store: BriefingStore | None = None,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.clock = clock
        self.store = store or BriefingStore(settings.state_path)
        self.poster = BriefingPoster(bot, settings, corpus, clock=clock, store=self.store)

    @property
    def ticks(self) -> int:
        """How many scheduler passes have run (tests wait on it)."""
        return self.poster.ticks

    async def cog_load(self) -> None:
        """Open the state DB and start the poster (it waits until the bot is ready)."""
        await open_state_recovering(self.store)
        self.poster.start()

    async def cog_unload(self) -> None:
        """Stop the poster and close the state DB."""
        await self.poster.stop()
        await self.store.close()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """The one permission check of every subcommand: Manage Server, in a guild."""
        # Discord resolves the member's permissions into the interaction itself.
        if interaction.guild_id is not None and interaction.permissions.manage_guild:
            return True
        log.warning(
            "/briefing refused for %s (%s) in guild %s: no Manage Server",
            interaction.user.name,
            interaction.user.id,
            interaction.guild_id,
        )
        raise FactbotError(REFUSAL)

    async def _notice(self, guild_id: int) -> str:
        try:
            reason = await self.store.take_notice(guild_id)
        except STATE_ERRORS as exc:  # the notice waits for the next command; this one goes on
            log.warning("briefing: could not take the pause notice of guild %s: %s", guild_id, exc)
            return ""
        if reason is None:
            return ""
        return (
            f"⚠️ The daily briefing is paused: {reason}. "
            "Choose a channel with `/briefing channel` to resume.\n\n"
        )

    async def _reply(self, interaction: discord.Interaction, text: str) -> None:
        text = clip(text, MESSAGE_MAX)
        if interaction.response.is_done():
            await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    async def _config(self, guild_id: int) -> GuildConfig:
        return await self.store.config(guild_id) or self.poster.defaults(guild_id)

    @briefing.command(name="channel", description="Post the daily briefing in this channel")
    @app_commands.describe(
        channel="Where the briefing goes", facts="How many facts each briefing has (1-10)"
    )
    async def briefing_channel(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        facts: app_commands.Range[int, 1, 10] | None = None,
    ) -> None:
        """Set the channel (turning the briefing on and clearing a pause)."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        notice = await self._notice(interaction.guild_id)
        changes: dict[str, object] = {"channel_id": channel.id, "enabled": True}
        if facts is not None:
            changes["facts"] = facts
        config = await self.store.configure(
            interaction.guild_id,
            now=self.clock.now(),
            defaults=self.poster.defaults(interaction.guild_id),
            **changes,
        )
        warning = ""
        try:
            await self.poster.channel_for(config)
        except Unsendable as exc:
            warning = f"\n⚠️ But {exc}: fix that, or the briefing will pause."
        log.info(
            "/briefing channel %s in guild %s by %s",
            channel.id,
            interaction.guild_id,
            interaction.user.id,
        )
        self.poster.wake()
        await self._reply(
            interaction,
            notice
            + f"The daily briefing will be posted in {channel.mention} at "
            + f"{config.time} ({config.timezone}), {config.facts} facts a day."
            + warning,
        )

    @briefing.command(name="time", description="Set the time of day (HH:MM) and time zone")
    @app_commands.describe(
        time="Time of day, 24-hour HH:MM", timezone="IANA time zone, e.g. Europe/Berlin"
    )
    async def briefing_time(
        self, interaction: discord.Interaction, time: str, timezone: str | None = None
    ) -> None:
        """Set when the briefing is posted, in the server's time zone."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        try:
            at = parse_time(time)
            tz = zone(timezone) if timezone else None
        except ScheduleError as exc:
            await self._reply(interaction, str(exc))
            return
        notice = await self._notice(interaction.guild_id)
        changes: dict[str, object] = {"time": format_time(at)}
        if tz is not None:
            changes["timezone"] = tz.key
        config = await self.store.configure(
            interaction.guild_id,
            now=self.clock.now(),
            defaults=self.poster.defaults(interaction.guild_id),
            **changes,
        )
        self.poster.wake()
        when = await self._next_text(config)
        extra = "" if config.channel_id else " Set a channel with `/briefing channel` to start."
        await self._reply(
            interaction,
            notice
            + f"The daily briefing is set for {config.time} ({config.timezone}). {when}{extra}",
        )

    @briefing_time.autocomplete("timezone")
    async def timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Suggest IANA zone names."""
        return [app_commands.Choice(name=n, value=n) for n in suggest_timezones(current, limit=25)]

    @briefing.command(name="off", description="Stop posting the daily briefing")
    async def briefing_off(self, interaction: discord.Interaction) -> None:
        """Turn the briefing off (settings and rotation are kept)."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        notice = await self._notice(interaction.guild_id)
        await self.store.configure(
            interaction.guild_id,
            now=self.clock.now(),
            defaults=self.poster.defaults(interaction.guild_id),
            enabled=False,
        )
        self.poster.wake()
        await self._reply(
            interaction, notice + "The daily briefing is off. `/briefing channel` turns it on."
        )

    async def _next_text(self, config: GuildConfig) -> str:
        if not config.active:
            return "No briefing is scheduled."
        latest = await self.store.latest_claim(config.guild_id)
        day, at = next_post(
            self.clock.now(),
            parse_time(config.time),
            zone(config.timezone),
            last_day=latest.day if latest else None,
            active_since=config.active_since,
        )
        unix = int(at.timestamp())
        return f"Next briefing: {day.isoformat()}, <t:{unix}:F> (<t:{unix}:R>)."

    @briefing.command(name="status", description="When the next briefing comes, and what is left")
    async def briefing_status(self, interaction: discord.Interaction) -> None:
        """Show the schedule, the last post and the rotation."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        await interaction.response.defer(ephemeral=True, thinking=True)  # the state may be busy
        notice = await self._notice(interaction.guild_id)
        config = await self._config(interaction.guild_id)
        lines = []
        if config.paused_reason:
            lines.append(f"⏸️ Paused: {config.paused_reason}.")
        state = "on" if config.enabled else "off"
        channel = f"<#{config.channel_id}>" if config.channel_id else "no channel"
        lines.append(
            f"Briefing is **{state}**: {channel}, {config.time} ({config.timezone}), "
            f"{config.facts} facts."
        )
        lines.append(await self._next_text(config))
        last = await self.store.last_sent(interaction.guild_id)
        if last is not None and last.message_id is not None:
            url = (
                f"https://discord.com/channels/{last.guild_id}/{last.channel_id}/{last.message_id}"
            )
            late = " (late)" if last.late else ""
            lines.append(f"Last briefing: {last.day.isoformat()}{late}, {url}")
        else:
            lines.append("No briefing posted yet.")
        statuses = rotation_status(
            self.poster.candidates(), await self.store.usage(interaction.guild_id)
        )
        parts = [f"{s.remaining}/{s.total} {s.pool}s" for s in statuses]
        left = briefings_before_repeat(statuses, config.facts)
        repeat = f" ({left} more briefing(s) before anything repeats)" if left is not None else ""
        lines.append(f"Left before the rotation repeats: {', '.join(parts)}{repeat}.")
        await self._reply(interaction, notice + "\n".join(lines))

    @briefing.command(name="preview", description="Show tomorrow's briefing (only to you)")
    async def briefing_preview(self, interaction: discord.Interaction) -> None:
        """Show tomorrow's briefing privately, as it will be posted."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        await interaction.response.defer(ephemeral=True, thinking=True)  # the state may be busy
        notice = await self._notice(interaction.guild_id)
        config = await self._config(interaction.guild_id)
        try:
            tz = zone(config.timezone)
        except ScheduleError as exc:
            await self._reply(interaction, str(exc))
            return
        today = local_date(self.clock.now(), tz)
        briefing = await upcoming_briefing(
            self.store,
            self.poster.candidates(),
            interaction.guild_id,
            today + timedelta(days=1),
            today=today,
            facts=config.facts,
            limit=self.poster.limit,
        )
        # the marker line is replaced, so the preview can never pass for the real post
        posted = render_briefing(briefing, limit=self.poster.limit)
        body = posted.rsplit("\n", 1)[0] + "\n-# Preview: not posted."
        if text_length(notice + body) <= MESSAGE_MAX:
            await self._reply(interaction, notice + body)
            return
        await self._reply(interaction, body)
        await interaction.followup.send(
            notice.strip(), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @briefing.command(name="now", description="Post today's briefing now, if not posted yet")
    async def briefing_now(self, interaction: discord.Interaction) -> None:
        """Post today's briefing at once (the scheduled time then posts nothing today)."""
        assert interaction.guild_id is not None  # interaction_check let only guilds through
        await interaction.response.defer(ephemeral=True, thinking=True)
        notice = await self._notice(interaction.guild_id)
        config = await self._config(interaction.guild_id)
        if config.channel_id is None:
            await self._reply(interaction, notice + "Set a channel with `/briefing channel` first.")
            return
        day = local_date(self.clock.now(), zone(config.timezone))
        existing = await self.store.post(interaction.guild_id, day)
        if existing is None:
            record, why = await self.poster.post_today(config, day, late=False)
        else:
            record, why = existing, "already claimed"
        self.poster.wake()
        if record is not None and record.message_id is not None:
            url = f"https://discord.com/channels/{record.guild_id}/{record.channel_id}/{record.message_id}"
            verb = "Posted" if why == "sent" else "Today's briefing was already posted"
            text = f"{verb}: {url}"
        elif record is not None and record.state == "claimed":
            text = "Today's briefing is being posted right now."
        elif record is not None:
            text = f"Today's briefing was not posted ({record.note or record.state})."
        else:
            # A refusal while sending pauses with its reason but leaves `why` at "sent".
            queued = await self.store.take_notice(interaction.guild_id)
            reason = why.removeprefix("paused: ") if why.startswith("paused: ") else queued
            text = f"Could not post: {reason or 'Discord refused it'}. The briefing is paused."
        await self._reply(interaction, notice + text)


def corpus_of(bot: FactBot) -> Callable[[], Corpus]:
    """Return a function giving the bot's current corpus (from its live index's searcher)."""

    def current() -> Corpus:
        return bot.library.searcher.corpus

    return current


async def setup(bot: FactBot) -> None:
    """Add `/briefing` and its poster, with the bot's settings, live index and clock."""
    await bot.add_cog(BriefingCog(bot, bot.settings, corpus_of(bot), clock=bot.briefing_clock))
