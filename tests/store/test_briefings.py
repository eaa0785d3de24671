"""The briefing state DB: config, the one-claim-per-(guild, day) slot, leases, rotation usage."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.briefing import PoolUsage, UsageRow
from bot.store.briefings import BriefingStore, GuildConfig

G = 42
DAY = date(2026, 7, 1)
T0 = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)
DEFAULTS = GuildConfig(guild_id=G, channel_id=None, time="08:00", timezone="UTC", facts=3)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[BriefingStore]:
    async with BriefingStore(tmp_path / "state.sqlite3") as s:
        yield s


async def test_configure_creates_and_updates(store: BriefingStore) -> None:
    assert await store.config(G) is None
    cfg = await store.configure(G, now=T0, defaults=DEFAULTS, channel_id=7, enabled=True)
    assert cfg.channel_id == 7 and cfg.enabled and cfg.active and cfg.active_since == T0
    later = T0 + timedelta(hours=1)
    cfg = await store.configure(G, now=later, defaults=DEFAULTS, facts=5)
    assert cfg.facts == 5 and cfg.active_since == T0  # facts alone does not reschedule
    cfg = await store.configure(
        G, now=later, defaults=DEFAULTS, time="09:30", timezone="Asia/Tokyo"
    )
    assert (cfg.time, cfg.timezone, cfg.active_since) == ("09:30", "Asia/Tokyo", later)
    cfg = await store.configure(G, now=later, defaults=DEFAULTS, enabled=False)
    assert not cfg.active
    assert [c.guild_id for c in await store.configs()] == [G]


async def test_pause_notice_and_channel_fix(store: BriefingStore) -> None:
    await store.configure(G, now=T0, defaults=DEFAULTS, channel_id=7, enabled=True)
    await store.pause(G, "channel deleted", now=T0)
    cfg = await store.config(G)
    assert cfg is not None and not cfg.active and cfg.paused_reason == "channel deleted"
    assert await store.take_notice(G) == "channel deleted"
    assert await store.take_notice(G) is None  # told once
    cfg = await store.configure(G, now=T0, defaults=DEFAULTS, channel_id=8)
    assert cfg.active and cfg.paused_reason is None


async def test_claim_is_unique_per_guild_and_day(store: BriefingStore) -> None:
    rows = [UsageRow("fact", 0, "fact:a:1"), UsageRow("quote", 0, "quote:a:2")]
    first = await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE, usage=rows)
    assert first is not None and first.state == "claimed" and not first.confirmed
    again = await store.claim(G, DAY, channel_id=7, token="B", now=T0, lease=LEASE, usage=rows)
    assert again is None
    other_guild = await store.claim(G + 1, DAY, channel_id=9, token="B", now=T0, lease=LEASE)
    assert other_guild is not None
    tomorrow = await store.claim(
        G, DAY + timedelta(1), channel_id=7, token="A", now=T0, lease=LEASE
    )
    assert tomorrow is not None
    assert await store.usage_rows(G, DAY) == rows


async def test_concurrent_claims_from_two_processes(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    async with BriefingStore(path) as one, BriefingStore(path) as two:
        results = await asyncio.gather(
            *(
                s.claim(G, DAY, channel_id=7, token=f"T{n}", now=T0, lease=LEASE)
                for n, s in enumerate([one, two, one, two, one, two])
            )
        )
    assert sum(r is not None for r in results) == 1


async def test_confirm_records_message_once(store: BriefingStore) -> None:
    await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE)
    assert await store.confirm(G, DAY, 1234, now=T0)
    assert not await store.confirm(G, DAY, 5678, now=T0)
    post = await store.post(G, DAY)
    assert post is not None and post.message_id == 1234 and post.state == "sent"
    assert (await store.last_sent(G)) == post
    assert await store.unconfirmed() == []
    assert not await store.release(G, DAY, "A")  # a confirmed post is never released


async def test_lease_and_take_over(store: BriefingStore) -> None:
    await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE)
    # while A's lease runs, nobody else may take the claim
    assert await store.take_over(G, DAY, "B", now=T0 + timedelta(minutes=1), lease=LEASE) is None
    assert await store.renew(G, DAY, "A", now=T0 + timedelta(minutes=1), lease=LEASE)
    assert await store.take_over(G, DAY, "B", now=T0 + timedelta(minutes=2), lease=LEASE) is None
    # A died: its lease runs out
    taken = await store.take_over(G, DAY, "B", now=T0 + timedelta(minutes=4), lease=LEASE)
    assert taken is not None and taken.claim_token == "B" and taken.attempts == 2
    assert not await store.renew(G, DAY, "A", now=T0 + timedelta(minutes=4), lease=LEASE)
    assert [p.guild_id for p in await store.unconfirmed()] == [G]
    assert [p.guild_id for p in await store.unconfirmed(G + 1)] == []


async def test_release_frees_the_slot_and_its_usage(store: BriefingStore) -> None:
    rows = [UsageRow("fact", 0, "k1")]
    await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE, usage=rows)
    assert not await store.release(G, DAY, "someone else")
    assert await store.release(G, DAY, "A")
    assert await store.post(G, DAY) is None
    assert await store.usage(G) == {}
    assert await store.claim(G, DAY, channel_id=8, token="C", now=T0, lease=LEASE) is not None


async def test_abandon_keeps_the_slot_taken(store: BriefingStore) -> None:
    await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE)
    assert await store.abandon(G, DAY, "A", "history unreadable")
    post = await store.latest_claim(G)
    assert post is not None and post.state == "abandoned" and post.note == "history unreadable"
    assert await store.claim(G, DAY, channel_id=7, token="B", now=T0, lease=LEASE) is None
    later = T0 + timedelta(hours=1)
    assert await store.take_over(G, DAY, "B", now=later, lease=LEASE) is None


async def test_usage_folds_cycles_and_days(store: BriefingStore) -> None:
    for n, rows in enumerate(
        [
            [UsageRow("fact", 0, "a"), UsageRow("fact", 0, "b")],
            [UsageRow("fact", 0, "c"), UsageRow("fact", 1, "a")],
            [UsageRow("fact", 1, "b")],
        ]
    ):
        day = DAY + timedelta(days=n)
        await store.claim(G, day, channel_id=7, token="A", now=T0, lease=LEASE, usage=rows)
    assert await store.usage(G) == {"fact": PoolUsage(1, frozenset({"a", "b"}))}
    assert await store.usage(G, before=DAY + timedelta(days=1)) == {
        "fact": PoolUsage(0, frozenset({"a", "b"}))
    }
    assert await store.usage(G + 1) == {}
    latest = await store.latest_claim(G)
    assert latest is not None and latest.day == DAY + timedelta(days=2)


async def test_state_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state.sqlite3"
    async with BriefingStore(path) as s:
        await s.configure(G, now=T0, defaults=DEFAULTS, channel_id=7, enabled=True)
        await s.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE)
    async with BriefingStore(path) as s:
        assert (await s.config(G)) is not None
        assert await s.claim(G, DAY, channel_id=7, token="B", now=T0, lease=LEASE) is None


async def test_naive_datetimes_are_rejected(store: BriefingStore) -> None:
    with pytest.raises(ValueError):
        await store.claim(G, DAY, channel_id=7, token="A", now=datetime(2026, 7, 1), lease=LEASE)
    # the failed claim left no transaction open
    assert await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE) is not None


async def test_abandon_not_shown_returns_items_to_the_rotation(store: BriefingStore) -> None:
    rows = [UsageRow("fact", 0, "k1")]
    await store.claim(G, DAY, channel_id=7, token="A", now=T0, lease=LEASE, usage=rows)
    await store.claim(
        G,
        DAY + timedelta(1),
        channel_id=7,
        token="A",
        now=T0,
        lease=LEASE,
        usage=[UsageRow("fact", 0, "k2")],
    )
    assert await store.abandon(G, DAY, "A", "day over", not_shown=True)
    assert await store.usage(G) == {"fact": PoolUsage(0, frozenset({"k2"}))}
    assert not await store.abandon(G, DAY, "A", "again", not_shown=True)
