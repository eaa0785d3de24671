"""The daily briefing in Discord: `/briefing …` for server managers and the posting loop.

Commands (`/briefing channel|time|off|status|preview|now`) need Manage Server: hidden from
others by default permissions and refused at run time too (permissions can be re-granted by
server admins, and clients can send hidden commands anyway).

The scheduler loop starts in `cog_load`, waits until the bot is ready, then sleeps until the next
due instant of any guild (at most `MAX_SLEEP`, or until a command changes a config), using an
injectable `Clock`. Posting is three separate steps: `pick_briefing` (pure core selection),
`render_briefing` (text) and `send_briefing` (Discord, with retries).

Exactly once per (guild, local date):
1. The slot is *claimed* in SQLite (PRIMARY KEY (guild_id, day)) together with the items shown,
   *before* anything is sent. Whoever fails to insert the row does not send: that covers two
   processes, `/briefing now` racing the scheduler, and the scheduled time after `/briefing now`.
2. The message is sent with a nonce derived from (guild, day) and `enforce_nonce`, so Discord
   itself folds a resend within its dedupe window into the first message; the message carries
   a marker line (`factbot-briefing:<guild>:<date>`).
3. The sent message id is recorded (the claim becomes `sent`).

A claim without a message id is either being sent or its holder died. Its lease tells which:
the holder renews it every `LEASE / 4` while a request is in flight and before each retry. Only
after the lease runs out may another task or process take the claim over (a compare-and-swap on
the claim token); it then looks for the marker among the bot's recent messages in the channel:
found → recorded as sent, never resent; not found and still the same local day → sent (late);
day over → abandoned. If the history cannot be read, the claim is abandoned (at most once beats
twice) and the guild is paused with a notice.

A send that Discord refused with 403/404 is known not to have happened: the claim is released
and the guild paused. A 5xx or network error is retried (`SEND_ATTEMPTS`, backoff `BACKOFF`,
checking the history first each time, since the failed request may have posted); if every try
fails, the claim stays for the lease-expiry path above. 429s are waited out by discord.py itself
(under the renewed lease).

Faults pause only the guild concerned and are logged; its admins see the reason the next time
they use a briefing command. Other guilds are unaffected (each guild is handled in its own
try/except). Residual risks, accepted: clocks of two processes skewed by more than `LEASE`; a
history check that misses the message because over `HISTORY_LIMIT` messages followed it at once
(the nonce may still let Discord fold the resend into the first message).

This module must never post a briefing without first holding its claim, never delete or edit a
posted briefing, never mention anyone (allowed mentions are none), and never read the wall clock
except through its `Clock`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.core.briefing import (
    MESSAGE_LIMIT,
    Briefing,
    Candidates,
    Usage,
    candidates,
    forecast,
    marker,
    nonce,
    pick,
    render_text,
    rotation_status,
    text_length,
)
from bot.core.model import Corpus
from bot.core.schedule import (
    LATE_AFTER,
    Due,
    ScheduleError,
    decide,
    due_instant,
    format_time,
    local_date,
    next_post,
    parse_time,
    suggest_timezones,
    zone,
)
from bot.settings import Settings
from bot.store.briefings import BriefingStore, GuildConfig, PostRecord
from bot.store.recovery import open_state_recovering
from bot.store.state_db import STATE_ERRORS

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
MAX_SLEEP = 300.0
SEND_ATTEMPTS = 3
BACKOFF = (2.0, 8.0, 30.0)
MAX_CLAIM_ATTEMPTS = 5
PARALLEL_GUILDS = 10
HISTORY_LIMIT = 100
REFUSAL = "Only members with the Manage Server permission can change the daily briefing."
NO_MENTIONS = discord.AllowedMentions.none()


class Clock(Protocol):
    """Where the loop gets the time and how it waits (injectable for tests)."""

    def now(self) -> datetime:
        """Return the current instant, timezone-aware."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait this many seconds."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Return the current UTC instant."""
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        """Sleep on the event loop."""
        await asyncio.sleep(seconds)


class Unsendable(Exception):
    """The channel is gone or the bot may not post there: pause the guild."""


def is_transient(exc: BaseException) -> bool:
    """Whether a send error may go away on retry (5xx, rate limit, network)."""
    if isinstance(exc, discord.DiscordServerError | discord.RateLimited):
        return True
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError | OSError)


def pick_briefing(
    cands: Candidates, usage: Usage, config: GuildConfig, day: date, late: bool
) -> Briefing:
    """Choose the guild's briefing for `day` (pure core; usage is the store's rotation state)."""
    return pick(cands, usage, config.guild_id, day, facts=config.facts, late=late)


def render_briefing(briefing: Briefing) -> str:
    """Render the briefing as one Discord message (≤ 2,000 characters, marker last)."""
    return render_text(briefing, limit=MESSAGE_LIMIT)


class BriefingCog(commands.Cog):
    """`/briefing` and the scheduler that posts each guild's briefing once a day."""

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
        clock: Clock | None = None,
        store: BriefingStore | None = None,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.corpus = corpus
        self.clock: Clock = clock or SystemClock()
        self.store = store or BriefingStore(settings.state_path)
        self.token_prefix = uuid.uuid4().hex[:8]
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._cands: tuple[Corpus, Candidates] | None = None
        self.ticks = 0

    # ------------------------------------------------------------------ lifecycle

    async def cog_load(self) -> None:
        """Open the state DB and start the scheduler (it waits until the bot is ready)."""
        await open_state_recovering(self.store)
        self._task = asyncio.create_task(self._run(), name="briefing-scheduler")

    async def cog_unload(self) -> None:
        """Stop the scheduler and close the state DB."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        await self.store.close()

    def wake(self) -> None:
        """Make the loop re-read the configs now (after a command changed one)."""
        self._wake.set()

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        try:
            await self.apply_settings_defaults()
        except Exception:
            log.exception("briefing: could not apply the settings' default channel")
        while True:
            delay = MAX_SLEEP
            try:
                wake_at = await self.tick()
                if wake_at is not None:
                    delay = (wake_at - self.clock.now()).total_seconds()
            except Exception:
                log.exception("briefing: scheduler pass failed; retrying shortly")
                delay = 30.0
            delay = min(max(delay, 0.0), MAX_SLEEP)
            self._wake.clear()
            sleeper = asyncio.create_task(self.clock.sleep(delay))
            waker = asyncio.create_task(self._wake.wait())
            try:
                await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                sleeper.cancel()
                waker.cancel()

    def defaults(self, guild_id: int) -> GuildConfig:
        """Return a new guild's config from the settings' briefing defaults."""
        b = self.settings.briefing
        return GuildConfig(guild_id, None, b.time, b.timezone, b.facts)

    async def apply_settings_defaults(self) -> None:
        """Turn the briefing on for the settings' default channel's guild, once, if unset."""
        channel_id = self.settings.briefing.channel_id
        if channel_id is None:
            return
        channel = self.bot.get_channel(channel_id)
        guild = getattr(channel, "guild", None)
        if guild is None:
            log.warning("briefing: default channel %s is not visible to the bot", channel_id)
            return
        if await self.store.config(guild.id) is None:
            await self.store.configure(
                guild.id,
                now=self.clock.now(),
                defaults=self.defaults(guild.id),
                channel_id=channel_id,
                enabled=True,
            )
            log.info(
                "briefing: enabled for guild %s from settings (channel %s)", guild.id, channel_id
            )

    # ------------------------------------------------------------------ the scheduler

    def candidates(self) -> Candidates:
        """Return the briefing candidates of the current corpus (cached per corpus object)."""
        corpus = self.corpus()
        if self._cands is None or self._cands[0] is not corpus:
            self._cands = (corpus, candidates(corpus))
        return self._cands[1]

    async def tick(self) -> datetime | None:
        """Post every briefing that is due, resolve stale claims; return when to look again.

        Guilds are handled concurrently (at most `PARALLEL_GUILDS` at once), each in its own
        try/except, so one slow or failing guild neither delays nor stops the others.
        """
        self.ticks += 1
        now = self.clock.now()
        limit = asyncio.Semaphore(PARALLEL_GUILDS)

        async def one(config: GuildConfig) -> datetime | None:
            async with limit:
                try:
                    return await self._guild_tick(config, now)
                except Exception:
                    log.exception(
                        "briefing: guild %s failed; other guilds continue", config.guild_id
                    )
                    return now + timedelta(minutes=5)

        active = [
            c
            for c in await self.store.configs()
            if c.active and self.bot.get_guild(c.guild_id) is not None
        ]
        wake = [at for at in await asyncio.gather(*(one(c) for c in active)) if at is not None]
        return min(wake) if wake else None

    async def _guild_tick(self, config: GuildConfig, now: datetime) -> datetime | None:
        try:
            tz = zone(config.timezone)
            at = parse_time(config.time)
        except ScheduleError as exc:
            await self.pause(config.guild_id, f"its schedule is invalid ({exc})")
            return None
        for record in await self.store.unconfirmed(config.guild_id):
            if record.lease_until > now:
                return record.lease_until  # someone is sending right now; look after the lease
            await self.recover(config, record)
            config = await self.store.config(config.guild_id) or config
            if not config.active:
                return None
        latest = await self.store.latest_claim(config.guild_id)
        decision = decide(
            now,
            at,
            tz,
            last_day=latest.day if latest else None,
            active_since=config.active_since,
        )
        if isinstance(decision, Due):
            await self.post_today(config, decision.day, late=decision.late)
            return now + timedelta(seconds=1)
        return decision.until

    async def pause(self, guild_id: int, reason: str) -> None:
        """Pause one guild's briefing and queue the reason for its admins."""
        log.warning("briefing: paused for guild %s: %s", guild_id, reason)
        await self.store.pause(guild_id, reason, now=self.clock.now())

    async def channel_for(self, config: GuildConfig) -> discord.abc.Messageable:
        """Return the guild's briefing channel, checking the bot may post and read there."""
        if config.channel_id is None:
            raise Unsendable("no channel is set")
        channel = self.bot.get_channel(config.channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(config.channel_id)
            except discord.NotFound as exc:
                raise Unsendable(f"its channel <#{config.channel_id}> was deleted") from exc
            except discord.Forbidden as exc:
                raise Unsendable(f"the bot cannot see <#{config.channel_id}>") from exc
        guild = getattr(channel, "guild", None)
        if guild is None or guild.id != config.guild_id:
            raise Unsendable(f"<#{config.channel_id}> is not a channel of this server")
        if not isinstance(channel, discord.abc.Messageable):
            raise Unsendable(f"<#{config.channel_id}> is not a text channel")
        me = guild.me
        if me is not None and isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            perms = channel.permissions_for(me)
            missing = [
                name
                for name, ok in (
                    ("View Channel", perms.view_channel),
                    ("Send Messages", perms.send_messages),
                    ("Read Message History", perms.read_message_history),
                )
                if not ok
            ]
            if missing:
                raise Unsendable(f"the bot lacks {', '.join(missing)} in <#{config.channel_id}>")
        return channel

    async def post_today(
        self, config: GuildConfig, day: date, *, late: bool
    ) -> tuple[PostRecord | None, str]:
        """Claim the slot of `day`, send the briefing, record it; return the record and why."""
        try:
            channel = await self.channel_for(config)
        except Unsendable as exc:
            await self.pause(config.guild_id, str(exc))
            return None, f"paused: {exc}"
        usage = await self.store.usage(config.guild_id, before=day)
        briefing = pick_briefing(self.candidates(), usage, config, day, late)
        text = render_briefing(briefing)
        token = f"{self.token_prefix}-{uuid.uuid4().hex[:12]}"
        assert config.channel_id is not None
        claim = await self.store.claim(
            config.guild_id,
            day,
            channel_id=config.channel_id,
            token=token,
            now=self.clock.now(),
            lease=LEASE,
            late=late,
            usage=briefing.usage,
        )
        if claim is None:
            return await self.store.post(config.guild_id, day), "already claimed"
        log.info("briefing: claimed guild %s %s (late=%s)", config.guild_id, day, late)
        return await self._deliver(config, channel, claim, text), "sent"

    async def _deliver(
        self,
        config: GuildConfig,
        channel: discord.abc.Messageable,
        claim: PostRecord,
        text: str,
    ) -> PostRecord | None:
        guild_id, day = claim.guild_id, claim.day
        try:
            message = await self.send_briefing(channel, text, claim)
        except Unsendable as exc:
            await self.store.release(guild_id, day, claim.claim_token)
            await self.pause(guild_id, str(exc))
            return None
        except Exception as exc:
            if is_transient(exc):
                # Unknown whether it landed: keep the claim; after its lease a pass checks
                # the history and resends if needed.
                log.warning(
                    "briefing: guild %s %s: send failed (%s); will verify", guild_id, day, exc
                )
            else:
                log.exception("briefing: guild %s %s: send failed permanently", guild_id, day)
                await self.store.abandon(
                    guild_id, day, claim.claim_token, f"send failed: {exc}", not_shown=True
                )
            return await self.store.post(guild_id, day)
        if message is None:
            return await self.store.post(guild_id, day)  # lost the claim to another process
        await self.store.confirm(guild_id, day, message.id, now=self.clock.now())
        log.info("briefing: posted guild %s %s as message %s", guild_id, day, message.id)
        return await self.store.post(guild_id, day)

    async def send_briefing(
        self, channel: discord.abc.Messageable, text: str, claim: PostRecord
    ) -> discord.Message | None:
        """Send the briefing, retrying transient errors with backoff; None if the claim is lost.

        Before each retry the lease is renewed (giving up if the claim is no longer ours) and
        the history is checked for the marker, since a failed request may still have posted.
        """
        mark = marker(claim.guild_id, claim.day)
        for attempt in range(SEND_ATTEMPTS):
            if attempt:
                await self.clock.sleep(BACKOFF[min(attempt - 1, len(BACKOFF) - 1)])
                renewed = await self.store.renew(
                    claim.guild_id, claim.day, claim.claim_token, now=self.clock.now(), lease=LEASE
                )
                if not renewed:
                    return None
                found = await self.find_marker(channel, mark, since=claim.claimed_at)
                if found is not None:
                    return found
            try:
                async with self._holding(claim):
                    return await channel.send(
                        text,
                        nonce=nonce(claim.guild_id, claim.day),
                        allowed_mentions=NO_MENTIONS,
                        suppress_embeds=True,
                    )
            except (discord.NotFound, discord.Forbidden) as exc:
                raise Unsendable(f"posting was refused ({exc.status} {exc.text})") from exc
            except Exception as exc:
                if not is_transient(exc) or attempt == SEND_ATTEMPTS - 1:
                    raise
                log.warning("briefing: send attempt %s failed: %s; retrying", attempt + 1, exc)
        return None

    @contextlib.asynccontextmanager
    async def _holding(self, claim: PostRecord) -> AsyncIterator[None]:
        """Keep renewing the claim's lease while a request is in flight.

        The lease says "the holder is alive": discord.py may wait out a rate limit for longer
        than `LEASE`, and no other process may take the claim over meanwhile.
        """

        async def renew() -> None:
            while True:
                await self.clock.sleep(LEASE.total_seconds() / 4)
                ours = await self.store.renew(
                    claim.guild_id, claim.day, claim.claim_token, now=self.clock.now(), lease=LEASE
                )
                if not ours:
                    log.error(
                        "briefing: lost the claim of %s %s mid-send", claim.guild_id, claim.day
                    )
                    return

        task = asyncio.create_task(renew())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def find_marker(
        self, channel: discord.abc.Messageable, mark: str, *, since: datetime
    ) -> discord.Message | None:
        """Return the bot's message carrying `mark` among the channel's recent messages."""
        me = self.bot.user
        after = since - timedelta(minutes=5)
        async for message in channel.history(limit=HISTORY_LIMIT, after=after):
            if me is not None and message.author.id == me.id and mark in message.content:
                return message
        return None

    async def recover(self, config: GuildConfig, record: PostRecord) -> None:
        """Resolve a claim whose holder's lease ran out: confirm, resend or abandon it."""
        now = self.clock.now()
        token = f"{self.token_prefix}-{uuid.uuid4().hex[:12]}"
        claim = await self.store.take_over(record.guild_id, record.day, token, now=now, lease=LEASE)
        if claim is None:
            return
        log.info(
            "briefing: guild %s %s was claimed but not confirmed; checking the channel",
            record.guild_id,
            record.day,
        )
        try:
            channel = await self.channel_for(replace(config, channel_id=claim.channel_id))
            found = await self.find_marker(
                channel, marker(claim.guild_id, claim.day), since=claim.claimed_at
            )
        except Unsendable as exc:
            await self.store.abandon(claim.guild_id, claim.day, token, str(exc))
            await self.pause(config.guild_id, str(exc))
            return
        except discord.Forbidden as exc:
            reason = f"cannot read <#{claim.channel_id}>'s history to avoid a double post"
            await self.store.abandon(claim.guild_id, claim.day, token, f"{reason}: {exc}")
            await self.pause(config.guild_id, reason)
            return
        if found is not None:
            await self.store.confirm(
                claim.guild_id, claim.day, found.id, now=now, note="found in channel history"
            )
            log.info(
                "briefing: guild %s %s had been posted (message %s)",
                claim.guild_id,
                claim.day,
                found.id,
            )
            return
        tz = zone(config.timezone)
        if local_date(now, tz) != claim.day:
            await self.store.abandon(
                claim.guild_id, claim.day, token, "day over before resend", not_shown=True
            )
            log.warning(
                "briefing: guild %s %s never posted; the day is over", claim.guild_id, claim.day
            )
            return
        if claim.attempts > MAX_CLAIM_ATTEMPTS:
            await self.store.abandon(claim.guild_id, claim.day, token, "too many attempts")
            log.error(
                "briefing: guild %s %s: giving up after %s attempts",
                claim.guild_id,
                claim.day,
                claim.attempts,
            )
            return
        briefing = await self.recorded_briefing(config, claim, now)
        await self._deliver(config, channel, claim, render_briefing(briefing))

    async def recorded_briefing(
        self, config: GuildConfig, claim: PostRecord, now: datetime
    ) -> Briefing:
        """Rebuild a claimed briefing from the items recorded with its claim."""
        rows = await self.store.usage_rows(claim.guild_id, claim.day)
        cands = self.candidates()
        items = tuple(cands.by_key[r.key] for r in rows if r.key in cands.by_key)
        due = due_instant(claim.day, parse_time(config.time), zone(config.timezone))
        late = claim.late or now - due > LATE_AFTER
        briefing = Briefing(claim.guild_id, claim.day, items, tuple(rows), late)
        if text_length(render_briefing(briefing)) > MESSAGE_LIMIT:
            briefing = replace(briefing, late=claim.late)
        return briefing

    # ------------------------------------------------------------------ commands

    async def _admin(self, interaction: discord.Interaction) -> bool:
        """Refuse (and log) anyone without Manage Server; return whether they may go on."""
        # Discord resolves the member's permissions into the interaction itself.
        if interaction.guild_id is None or not interaction.permissions.manage_guild:
            log.warning(
                "/briefing refused for %s (%s) in guild %s: no Manage Server",
                interaction.user.name,
                interaction.user.id,
                interaction.guild_id,
            )
            await interaction.response.send_message(
                REFUSAL, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return False
        return True

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
        text = text[:MESSAGE_LIMIT]
        if interaction.response.is_done():
            await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    async def _config(self, guild_id: int) -> GuildConfig:
        return await self.store.config(guild_id) or self.defaults(guild_id)

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
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
        notice = await self._notice(interaction.guild_id)
        changes: dict[str, object] = {"channel_id": channel.id, "enabled": True}
        if facts is not None:
            changes["facts"] = facts
        config = await self.store.configure(
            interaction.guild_id,
            now=self.clock.now(),
            defaults=self.defaults(interaction.guild_id),
            **changes,
        )
        warning = ""
        try:
            await self.channel_for(config)
        except Unsendable as exc:
            warning = f"\n⚠️ But {exc}: fix that, or the briefing will pause."
        log.info(
            "/briefing channel %s in guild %s by %s",
            channel.id,
            interaction.guild_id,
            interaction.user.id,
        )
        self.wake()
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
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
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
            defaults=self.defaults(interaction.guild_id),
            **changes,
        )
        self.wake()
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
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
        notice = await self._notice(interaction.guild_id)
        await self.store.configure(
            interaction.guild_id,
            now=self.clock.now(),
            defaults=self.defaults(interaction.guild_id),
            enabled=False,
        )
        self.wake()
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
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
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
        usage = await self.store.usage(interaction.guild_id)
        per_day = {"fact": config.facts, "figure": 1, "quote": 1}
        parts, fresh = [], []
        for s in rotation_status(self.candidates(), usage):
            parts.append(f"{s.remaining}/{s.total} {s.pool}s")
            if s.total:
                fresh.append(s.remaining // per_day[s.pool])
        repeat = f" ({min(fresh)} more briefing(s) before anything repeats)" if fresh else ""
        lines.append(f"Left before the rotation repeats: {', '.join(parts)}{repeat}.")
        await self._reply(interaction, notice + "\n".join(lines))

    @briefing.command(name="preview", description="Show tomorrow's briefing (only to you)")
    async def briefing_preview(self, interaction: discord.Interaction) -> None:
        """Show tomorrow's briefing privately, as it will be posted."""
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
        notice = await self._notice(interaction.guild_id)
        config = await self._config(interaction.guild_id)
        try:
            tz = zone(config.timezone)
        except ScheduleError as exc:
            await self._reply(interaction, str(exc))
            return
        today = local_date(self.clock.now(), tz)
        tomorrow = today + timedelta(days=1)
        usage = await self.store.usage(interaction.guild_id, before=tomorrow)
        before = [] if await self.store.post(interaction.guild_id, today) else [today]
        briefing = forecast(
            self.candidates(),
            usage,
            interaction.guild_id,
            tomorrow,
            facts=config.facts,
            posting_days=before,
        )
        # the marker line is replaced, so the preview can never pass for the real post
        body = render_briefing(briefing).rsplit("\n", 1)[0] + "\n-# Preview: not posted."
        if text_length(notice + body) <= MESSAGE_LIMIT:
            await self._reply(interaction, notice + body)
            return
        await self._reply(interaction, body)
        await interaction.followup.send(
            notice.strip(), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @briefing.command(name="now", description="Post today's briefing now, if not posted yet")
    async def briefing_now(self, interaction: discord.Interaction) -> None:
        """Post today's briefing at once (the scheduled time then posts nothing today)."""
        if not await self._admin(interaction):
            return
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        notice = await self._notice(interaction.guild_id)
        config = await self._config(interaction.guild_id)
        if config.channel_id is None:
            await self._reply(interaction, notice + "Set a channel with `/briefing channel` first.")
            return
        day = local_date(self.clock.now(), zone(config.timezone))
        existing = await self.store.post(interaction.guild_id, day)
        if existing is None:
            record, why = await self.post_today(config, day, late=False)
        else:
            record, why = existing, "already claimed"
        self.wake()
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


def corpus_of(bot: commands.Bot) -> Callable[[], Corpus]:
    """Return a function giving the bot's current corpus (from its library's searcher)."""

    def current() -> Corpus:
        searcher = bot.library.searcher  # type: ignore[attr-defined]
        corpus = getattr(searcher, "corpus", None)
        if not isinstance(corpus, Corpus):
            raise RuntimeError("the library's searcher does not expose its corpus")
        return corpus

    return current


async def setup(bot: commands.Bot) -> None:
    """Load the briefing cog into a bot that carries `settings` and `library`."""
    settings: Settings = bot.settings  # type: ignore[attr-defined]
    clock: Clock | None = getattr(bot, "briefing_clock", None)
    await bot.add_cog(BriefingCog(bot, settings, corpus_of(bot), clock=clock))
