"""The briefing poster: the scheduler that posts each guild's daily briefing, exactly once.

Not an extension (the leading `_` keeps it out of discovery): `bot.chat.exts.briefing` owns it
and gives it the bot, the settings, the current corpus, the clock and the open state store.

The scheduler loop starts with the cog (`BriefingPoster.start`), waits until the bot is ready,
then sleeps until the next due instant of any guild (at most `MAX_SLEEP`, or until a command
changes a config), on the bot's `Clock`. Posting is three separate steps: `pick_briefing` (pure
core selection), `render_briefing` (text) and `send_briefing` (Discord, with retries).

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
from datetime import date, datetime, timedelta

import aiohttp
import discord
from discord.ext import commands

from bot.chat.clock import Clock
from bot.core.briefing import Briefing, Candidates, Usage, candidates, pick, recorded
from bot.core.briefing_text import marker, nonce, render_text, text_length
from bot.core.model import Corpus
from bot.core.schedule import (
    LATE_AFTER,
    Due,
    ScheduleError,
    decide,
    due_instant,
    local_date,
    parse_time,
    zone,
)
from bot.settings import Settings
from bot.store.briefings import BriefingStore, GuildConfig, PostRecord

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
MAX_SLEEP = 300.0
SEND_ATTEMPTS = 3
BACKOFF = (2.0, 8.0, 30.0)
MAX_CLAIM_ATTEMPTS = 5
PARALLEL_GUILDS = 10
HISTORY_LIMIT = 100
NO_MENTIONS = discord.AllowedMentions.none()


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
    cands: Candidates, usage: Usage, config: GuildConfig, day: date, late: bool, *, limit: int
) -> Briefing:
    """Choose the guild's briefing for `day` (pure core; usage is the store's rotation state)."""
    return pick(cands, usage, config.guild_id, day, facts=config.facts, late=late, limit=limit)


def render_briefing(briefing: Briefing, *, limit: int) -> str:
    """Render the briefing as one Discord message (at most `limit` characters, marker last)."""
    return render_text(briefing, limit=limit)


class BriefingPoster:
    """The scheduler that posts each guild's briefing exactly once a day (see the module doc)."""

    def __init__(
        self,
        bot: commands.Bot,
        settings: Settings,
        corpus: Callable[[], Corpus],
        *,
        clock: Clock,
        store: BriefingStore,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.corpus = corpus
        self.clock = clock
        self.store = store
        self.limit = settings.briefing.message_limit  # one Discord message
        self.token_prefix = uuid.uuid4().hex[:8]
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._cands: tuple[Corpus, Candidates] | None = None
        self.ticks = 0

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the scheduler (it waits until the bot is ready); the store must be open."""
        self._task = asyncio.create_task(self._run(), name="briefing-scheduler")

    async def stop(self) -> None:
        """Stop the scheduler."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

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
        briefing = pick_briefing(self.candidates(), usage, config, day, late, limit=self.limit)
        text = render_briefing(briefing, limit=self.limit)
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
        await self._deliver(config, channel, claim, render_briefing(briefing, limit=self.limit))

    async def recorded_briefing(
        self, config: GuildConfig, claim: PostRecord, now: datetime
    ) -> Briefing:
        """Rebuild a claimed briefing from the items recorded with its claim."""
        rows = await self.store.usage_rows(claim.guild_id, claim.day)
        due = due_instant(claim.day, parse_time(config.time), zone(config.timezone))
        late = claim.late or now - due > LATE_AFTER
        briefing = recorded(self.candidates(), claim.guild_id, claim.day, rows, late=late)
        if text_length(render_briefing(briefing, limit=self.limit)) > self.limit:
            briefing = replace(briefing, late=claim.late)
        return briefing
