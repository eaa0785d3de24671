"""The briefing use cases that do not post: the briefing a day will bring, and a review of it.

The Discord poster (`bot.chat.exts._briefing_poster`) owns posting; everything else (the
`/briefing preview` of tomorrow, the console's `/briefing`, `python -m bot briefing`) comes
from here, so "tomorrow's briefing" is computed once. The selection itself is the pure core
(`bot.core.briefing.upcoming`); this module only reads the rotation from the state database.
It never posts, never writes the state database and never reads a clock (`now` is passed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.core.briefing import (
    Briefing,
    Candidates,
    PoolStatus,
    candidates,
    recorded,
    rotation_status,
    upcoming,
)
from bot.core.model import Corpus
from bot.core.schedule import local_date, zone
from bot.settings import Settings
from bot.store.briefings import BriefingStore, PostRecord


async def upcoming_briefing(
    store: BriefingStore | None,
    cands: Candidates,
    guild_id: int,
    day: date,
    *,
    today: date,
    facts: int,
    limit: int,
) -> Briefing:
    """The briefing `day` will bring to the guild, from its rotation in `store` (None: fresh).

    `limit` is the longest the posted message may be (`settings.briefing.message_limit`).
    """
    usage = {} if store is None else await store.usage(guild_id, before=day)
    latest = None if store is None else await store.latest_claim(guild_id)
    last = latest.day if latest is not None else None
    return upcoming(
        cands, usage, guild_id, day, today=today, last_claimed=last, facts=facts, limit=limit
    )


@dataclass(frozen=True)
class Review:
    """A guild's briefing of one day for review: what was posted, or what will be."""

    briefing: Briefing
    timezone: str
    post: PostRecord | None = None
    missing: int = 0  # recorded items no longer in the index (gone since a reindex)
    rotation: tuple[PoolStatus, ...] = ()
    fresh_state: bool = False  # no state database: the rotation starts fresh


async def review_briefing(
    settings: Settings,
    cands: Candidates,
    guild_id: int,
    day: date | None,
    facts: int | None,
    *,
    now: datetime,
) -> Review:
    """The briefing the bot would post (or did post) for the guild on `day` (default: today).

    Reads the state database at `settings.state_path` when it exists and never creates it.
    """
    tz_name, n_facts = settings.briefing.timezone, settings.briefing.facts
    limit = settings.briefing.message_limit
    state = settings.state_path
    if not state.exists():
        today = local_date(now, zone(tz_name))
        briefing = await upcoming_briefing(
            None, cands, guild_id, day or today, today=today, facts=facts or n_facts, limit=limit
        )
        return Review(briefing, tz_name, fresh_state=True)
    async with BriefingStore(state) as store:
        config = await store.config(guild_id)
        if config is not None:
            tz_name, n_facts = config.timezone, config.facts
        today = local_date(now, zone(tz_name))
        day = day or today
        post = await store.post(guild_id, day)
        rows = await store.usage_rows(guild_id, day)
        if post is not None and rows:
            briefing = recorded(cands, guild_id, day, rows, late=post.late)
            missing = len(rows) - len(briefing.items)
            return Review(briefing, tz_name, post=post, missing=missing)
        briefing = await upcoming_briefing(
            store, cands, guild_id, day, today=today, facts=facts or n_facts, limit=limit
        )
        rotation = rotation_status(cands, await store.usage(guild_id))
    return Review(briefing, tz_name, rotation=rotation)


async def preview_tomorrow(
    settings: Settings, corpus: Corpus, guild_id: int, now: datetime
) -> Briefing:
    """Tomorrow's briefing for a guild, as `/briefing preview` shows it."""
    tz_name = settings.briefing.timezone
    if settings.state_path.exists():
        async with BriefingStore(settings.state_path) as store:
            config = await store.config(guild_id)
        if config is not None:
            tz_name = config.timezone
    tomorrow = local_date(now, zone(tz_name)) + timedelta(days=1)
    review = await review_briefing(settings, candidates(corpus), guild_id, tomorrow, None, now=now)
    return review.briefing
