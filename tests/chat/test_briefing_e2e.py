"""End to end: the daily briefing through the real discord.py client against the fake Discord.

A fake clock drives the scheduler (the loop sleeps for real only a few milliseconds per pass,
while the test moves the clock). The fake Discord is extended here with the channel-history
route, Read Message History for the bot, and injectable 5xx answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp import web

from bot.chat.client import FactBot
from bot.chat.exts.briefing import LEASE, REFUSAL, BriefingCog
from bot.core.briefing_text import marker
from bot.core.model import Corpus
from bot.settings import BriefingSettings, Settings
from bot.store.briefings import BriefingStore, GuildConfig
from bot.usecases.indexing import LiveIndex as Library
from tests.core.test_briefing import make_article
from tests.fakediscord import FakeChannel, FakeDiscord, FakeInteraction, FakeUser, running
from tests.fakediscord.server import _json

READ_MESSAGE_HISTORY = 1 << 16
APPLICATION_COMMAND = 2
AUTOCOMPLETE = 4
SUB_COMMAND = 1

BERLIN_0800_UTC = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)  # 08:00 CEST on 1 July 2026
DAY = date(2026, 7, 1)


class BriefingFake(FakeDiscord):
    """The fake Discord plus what the briefing needs: history, and 5xx on demand."""

    def __init__(self) -> None:
        super().__init__()
        self.fail_posts: list[str] = []  # "before" (503, nothing created) or "after" (created)
        self.post_attempts = 0
        self.history_requests = 0
        self.post_delay = 0.0  # real seconds the fake takes to answer a post

    def guild_payload(self) -> dict[str, Any]:
        payload = super().guild_payload()
        for role in payload["roles"]:
            role["permissions"] = str(int(role["permissions"]) | READ_MESSAGE_HISTORY)
        return payload

    def _route(self, method: str, parts: list[str]) -> Any:
        match (method, parts):
            case ("GET", ["channels", _, "messages"]):
                return self._history
            case ("POST", ["channels", _, "messages"]):
                return self._post_or_fail
        return super()._route(method, parts)

    async def _post_or_fail(
        self, request: web.Request, parts: list[str], body: Any
    ) -> web.StreamResponse:
        self.post_attempts += 1
        if self.post_delay:
            await asyncio.sleep(self.post_delay)
        if self.fail_posts:
            mode = self.fail_posts.pop(0)
            if mode == "after":
                await self._post_channel_message(request, parts, body)
            return self._error(503, 0, "Service Unavailable")
        return await self._post_channel_message(request, parts, body)

    async def _history(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        self.history_requests += 1
        channel = self.channels.get(int(parts[1]))
        if channel is None:
            return self._error(404, 10003, "Unknown Channel")
        if channel.forbidden:
            return self._error(403, 50001, "Missing Access")
        limit = int(request.query.get("limit", 50))
        messages = sorted(
            (m for m in self.channel_messages if int(m["channel_id"]) == channel.id),
            key=lambda m: int(m["id"]),
        )
        if "after" in request.query:
            after = int(request.query["after"])
            page = [m for m in messages if int(m["id"]) > after][:limit]
        elif "before" in request.query:
            before = int(request.query["before"])
            page = [m for m in messages if int(m["id"]) < before][-limit:]
        else:
            page = messages[-limit:]
        return _json(list(reversed(page)))

    def posts(self, channel: FakeChannel | None = None) -> list[dict[str, Any]]:
        """Briefings the bot posted (in a channel)."""
        return [
            m
            for m in self.channel_messages
            if "factbot-briefing:" in m["content"]
            and (channel is None or int(m["channel_id"]) == channel.id)
        ]


class FakeClock:
    """A clock the test moves; each sleep yields for a few real milliseconds."""

    def __init__(self, now: datetime) -> None:
        self.now_value = now

    def now(self) -> datetime:
        return self.now_value

    def set(self, now: datetime) -> None:
        self.now_value = now

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0.005)


@pytest.fixture
async def fake() -> AsyncIterator[BriefingFake]:
    server = BriefingFake()
    await server.start()
    try:
        with server.patch_discord():
            yield server
    finally:
        await server.stop()
    server.assert_clean()


@pytest.fixture
def corpus() -> Corpus:
    return Corpus((make_article("alpha"), make_article("beta")))


Start = Callable[..., contextlib.AbstractAsyncContextManager[FactBot]]


@pytest.fixture
def start(fake: BriefingFake, tmp_path: Path, corpus: Corpus) -> Start:
    """`async with start(clock) as bot:` runs a FactBot with only the briefing extension."""

    @contextlib.asynccontextmanager
    async def run(
        clock: FakeClock, *, briefing: BriefingSettings | None = None, library: Any = None
    ) -> AsyncIterator[FactBot]:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            seeds_dir=tmp_path / "seeds",
            index_path=tmp_path / "index.sqlite3",
            state_path=tmp_path / "state.sqlite3",
            briefing=briefing or BriefingSettings(),
        )
        library = library or SimpleNamespace(searcher=SimpleNamespace(corpus=corpus))
        bot = FactBot(
            settings=settings,
            library=library,  # type: ignore[arg-type]
            extensions=("bot.chat.exts.briefing",),
            guild_ready_timeout=0.05,
        )
        bot.briefing_clock = clock  # type: ignore[attr-defined]
        async with running(bot, fake) as started:
            yield started

    return run


def cog(bot: FactBot) -> BriefingCog:
    found = bot.get_cog("BriefingCog")
    # load_extension imports the module afresh, so compare by name, not by class identity
    assert found is not None and type(found).__name__ == BriefingCog.__name__
    return found  # type: ignore[return-value]


async def settle(bot: FactBot, passes: int = 5, timeout: float = 5.0) -> None:
    """Let the scheduler run a few full passes at the current fake time."""
    c = cog(bot)
    target = c.ticks + passes
    async with asyncio.timeout(timeout):
        while c.ticks < target:
            await asyncio.sleep(0.005)


async def until(check: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.005)


async def command(
    fake: BriefingFake,
    sub: str,
    *,
    user: FakeUser | None = None,
    focused: str | None = None,
    **options: Any,
) -> FakeInteraction:
    """Invoke `/briefing <sub>` (or its autocomplete on `focused`) as `user` (the admin)."""
    registered = fake._registered("briefing")
    declared = next(o for o in registered["options"] if o["name"] == sub)
    types = {o["name"]: o["type"] for o in declared.get("options", [])}
    values: list[dict[str, Any]] = []
    resolved: dict[str, Any] = {}
    for name, value in options.items():
        if isinstance(value, FakeChannel):
            entry = dict(value.payload(), permissions=str((1 << 53) - 1))
            resolved.setdefault("channels", {})[str(value.id)] = entry
            value = str(value.id)
        option: dict[str, Any] = {"name": name, "type": types[name], "value": value}
        if name == focused:
            option["focused"] = True
        values.append(option)
    data: dict[str, Any] = {
        "id": registered["id"],
        "name": "briefing",
        "type": 1,
        "options": [{"name": sub, "type": SUB_COMMAND, "options": values}],
    }
    if resolved:
        data["resolved"] = resolved
    if registered.get("guild_id"):
        data["guild_id"] = registered["guild_id"]
    kind = AUTOCOMPLETE if focused else APPLICATION_COMMAND
    payload = fake._base_interaction(kind, user or fake.admin, None, data)
    return await (await fake.dispatch(payload)).done()


async def configure(fake: BriefingFake, time: str = "08:00", tz: str = "Europe/Berlin") -> None:
    answer = await command(fake, "channel", channel=fake.channel)
    assert "will be posted" in answer.content and answer.ephemeral
    answer = await command(fake, "time", time=time, timezone=tz)
    assert f"set for {time} ({tz})" in answer.content, answer.content


# ---------------------------------------------------------------------------- the main story


async def test_real_seed_briefing_posts_once_and_not_after_restart(
    fake: BriefingFake, start: Start, library: Library
) -> None:
    """The seed article, the real library: configure, one post arrives, a restart adds none."""
    clock = FakeClock(BERLIN_0800_UTC - timedelta(minutes=10))
    async with start(clock, library=library) as bot:
        await configure(fake)
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=10)
    async with start(clock, library=library) as bot:
        await settle(bot, passes=10)
        clock.set(BERLIN_0800_UTC + timedelta(hours=12))
        await settle(bot, passes=10)
    posts = fake.posts()
    assert len(posts) == 1
    text = posts[0]["content"]
    assert len(text) <= 2000 and text.count("↳") == 5
    assert "Looking in All Directions" in text and "Figure of the day" in text
    assert text.endswith(marker(fake.guild_id, DAY))


async def test_configure_one_post_restart_none_more(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        await settle(bot)
        assert fake.posts() == []
        clock.set(BERLIN_0800_UTC + timedelta(seconds=5))
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=20)
        assert len(fake.posts()) == 1
        post = fake.posts()[0]
        assert marker(fake.guild_id, DAY) in post["content"]
        assert "Daily briefing — Wednesday 1 July 2026" in post["content"]
        assert "posted late" not in post["content"]
        assert len(post["content"]) <= 2000
        record = await cog(bot).store.post(fake.guild_id, DAY)
        assert record is not None and record.message_id == int(post["id"])
    # restart at the same instant, and a bit later the same day: nothing more
    async with start(clock) as bot:
        await settle(bot, passes=10)
        clock.set(BERLIN_0800_UTC + timedelta(hours=3))
        await settle(bot, passes=10)
        assert len(fake.posts()) == 1
        # the next day posts once more, with other items
        clock.set(BERLIN_0800_UTC + timedelta(days=1, seconds=1))
        await until(lambda: len(fake.posts()) == 2)
        await settle(bot, passes=10)
    async with start(clock) as bot:
        await settle(bot, passes=10)
    posts = fake.posts()
    assert len(posts) == 2
    assert marker(fake.guild_id, DAY + timedelta(days=1)) in posts[1]["content"]
    first, second = (set(p["content"].splitlines()[1:-1]) for p in posts)
    assert not {line for line in first & second if not line.startswith("-#") and "**" not in line}


async def test_now_then_scheduled_time_posts_once(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=2))
    async with start(clock) as bot:
        await configure(fake)
        answer = await command(fake, "now")
        assert answer.ephemeral and "Posted: https://discord.com/channels/" in answer.content
        assert len(fake.posts()) == 1
        again = await command(fake, "now")
        assert "already posted" in again.content
        clock.set(BERLIN_0800_UTC + timedelta(seconds=1))
        await settle(bot, passes=20)
        assert len(fake.posts()) == 1


async def test_down_at_post_time_posts_late_once(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        await settle(bot)
    clock.set(BERLIN_0800_UTC + timedelta(hours=2))  # the bot was down at 08:00
    async with start(clock) as bot:
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=10)
    assert len(fake.posts()) == 1
    assert "posted late" in fake.posts()[0]["content"]


async def test_a_day_missed_entirely_is_not_posted_later(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        await settle(bot)
    clock.set(datetime(2026, 7, 1, 22, 30, tzinfo=UTC))  # 00:30 on 2 July in Berlin
    async with start(clock) as bot:
        await settle(bot, passes=10)
        assert fake.posts() == []
        clock.set(BERLIN_0800_UTC + timedelta(days=1))
        await until(lambda: len(fake.posts()) == 1)
    assert marker(fake.guild_id, DAY + timedelta(days=1)) in fake.posts()[0]["content"]


async def test_two_processes_post_once(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        await settle(bot)
    clock.set(BERLIN_0800_UTC)
    async with start(clock) as one, start(clock) as two:
        await until(lambda: len(fake.posts()) >= 1)
        await settle(one, passes=10)
        await settle(two, passes=10)
    assert len(fake.posts()) == 1


# ---------------------------------------------------------------------------- crash recovery


async def _claim_and_crash(
    fake: BriefingFake, tmp_path: Path, claimed_at: datetime, *, sent: bool
) -> None:
    """Leave the state a bot would leave if it died after claiming (and maybe after sending)."""
    async with BriefingStore(tmp_path / "state.sqlite3") as store:
        defaults = GuildConfig(fake.guild_id, None, "08:00", "Europe/Berlin", 3)
        await store.configure(
            fake.guild_id,
            now=claimed_at - timedelta(days=1),
            defaults=defaults,
            channel_id=fake.channel.id,
            enabled=True,
        )
        claim = await store.claim(
            fake.guild_id,
            DAY,
            channel_id=fake.channel.id,
            token="dead-process",
            now=claimed_at,
            lease=LEASE,
        )
        assert claim is not None
    if sent:
        text = f"**Daily briefing**\n-# {marker(fake.guild_id, DAY)}"
        message = fake._message(fake.channel.id, {"content": text})
        fake.channel_messages.append(message)


async def test_crash_after_sending_is_confirmed_not_resent(
    fake: BriefingFake, start: Start, tmp_path: Path
) -> None:
    await _claim_and_crash(fake, tmp_path, BERLIN_0800_UTC, sent=True)
    clock = FakeClock(BERLIN_0800_UTC + timedelta(seconds=30))  # the dead claim's lease is live
    async with start(clock) as bot:
        await settle(bot, passes=10)
        assert fake.history_requests == 0  # waits for the lease before looking
        clock.set(BERLIN_0800_UTC + LEASE + timedelta(seconds=1))
        await until(lambda: fake.history_requests > 0)
        await settle(bot, passes=10)
        record = await cog(bot).store.post(fake.guild_id, DAY)
    assert len(fake.channel_messages) == 1 and fake.post_attempts == 0
    assert record is not None and record.state == "sent"
    assert record.message_id == int(fake.channel_messages[0]["id"])
    assert record.note == "found in channel history"


async def test_crash_before_sending_resends_once(
    fake: BriefingFake, start: Start, tmp_path: Path
) -> None:
    await _claim_and_crash(fake, tmp_path, BERLIN_0800_UTC, sent=False)
    clock = FakeClock(BERLIN_0800_UTC + timedelta(minutes=30))
    async with start(clock) as bot:
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=10)
        record = await cog(bot).store.post(fake.guild_id, DAY)
    assert len(fake.posts()) == 1 and "posted late" in fake.posts()[0]["content"]
    assert record is not None and record.state == "sent" and record.attempts == 2


async def test_unconfirmed_claim_of_a_past_day_is_abandoned(
    fake: BriefingFake, start: Start, tmp_path: Path
) -> None:
    await _claim_and_crash(fake, tmp_path, BERLIN_0800_UTC, sent=False)
    clock = FakeClock(BERLIN_0800_UTC + timedelta(days=1, hours=-2))  # 06:00 next day, Berlin
    async with start(clock) as bot:
        await settle(bot, passes=10)
        record = await cog(bot).store.post(fake.guild_id, DAY)
        assert record is not None and record.state == "abandoned"
        assert fake.posts() == []
        clock.set(BERLIN_0800_UTC + timedelta(days=1))
        await until(lambda: len(fake.posts()) == 1)
    assert marker(fake.guild_id, DAY + timedelta(days=1)) in fake.posts()[0]["content"]


# ---------------------------------------------------------------------------- faults


async def test_server_errors_are_retried_without_double_posting(
    fake: BriefingFake, start: Start
) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        # the first request fails without posting, the second posts but answers 503
        fake.fail_posts = ["before", "after"]
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=10)
        record = await cog(bot).store.post(fake.guild_id, DAY)
    assert fake.post_attempts == 2 and len(fake.posts()) == 1
    assert record is not None and record.state == "sent"
    assert record.message_id == int(fake.posts()[0]["id"])


async def test_deleted_channel_pauses_and_admins_are_told(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        del fake.channels[fake.channel.id]
        clock.set(BERLIN_0800_UTC)
        await until(lambda: fake.post_attempts == 1)
        await settle(bot, passes=10)
        config = await cog(bot).store.config(fake.guild_id)
        assert config is not None and config.paused_reason and not config.active
        assert await cog(bot).store.post(fake.guild_id, DAY) is None  # released, not sent
        status = await command(fake, "status")
        assert "paused" in status.content and "refused" in status.content
        assert status.content.count("⚠️") == 1
        again = await command(fake, "status")
        assert "⚠️" not in again.content and "Paused" in again.content
        # a new channel resumes, and today's (still owed) briefing goes out there
        other = fake.add_channel("briefings")
        assert fake._connection is not None
        await fake._connection.dispatch("CHANNEL_CREATE", other.payload())
        await until(lambda: bot.get_channel(other.id) is not None)
        answer = await command(fake, "channel", channel=other)
        assert "will be posted" in answer.content
        await until(lambda: len(fake.posts(other)) == 1)
        await settle(bot, passes=10)
    assert fake.post_attempts == 2 and len(fake.posts()) == 1


async def test_forbidden_channel_pauses(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        fake.channel.forbidden = True
        clock.set(BERLIN_0800_UTC)
        await until(lambda: fake.post_attempts == 1)
        await settle(bot, passes=10)
        assert fake.post_attempts == 1  # paused: no retry loop
        config = await cog(bot).store.config(fake.guild_id)
        assert config is not None and "403" in (config.paused_reason or "")
        answer = await command(fake, "now")
        assert "paused" in answer.content


# ---------------------------------------------------------------------------- commands


async def test_commands_are_for_server_managers(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC)
    async with start(clock):
        registered = fake._registered("briefing")
        assert int(registered["default_member_permissions"]) == 1 << 5  # Manage Server
        for sub, options in [("status", {}), ("now", {}), ("channel", {"channel": fake.channel})]:
            answer = await command(fake, sub, user=fake.alice, **options)
            assert answer.content == REFUSAL and answer.ephemeral
        assert fake.posts() == []


async def test_time_zone_autocomplete_and_validation(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC)
    async with start(clock):
        auto = await command(fake, "time", focused="timezone", time="08:00", timezone="europe/be")
        names = [c["name"] for c in auto.choices]
        assert "Europe/Berlin" in names and all(n.startswith("Europe/Be") for n in names)
        assert 1 <= len(names) <= 25
        bad = await command(fake, "time", time="25:00")
        assert "not a time of day" in bad.content
        bad = await command(fake, "time", time="08:00", timezone="Mars/Base")
        assert "not an IANA time zone" in bad.content


async def test_status_and_preview(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake, time="08:00", tz="Europe/Berlin")
        status = await command(fake, "status")
        assert "Briefing is **on**" in status.content
        unix = int(BERLIN_0800_UTC.timestamp())
        assert f"<t:{unix}:F>" in status.content
        assert "No briefing posted yet" in status.content
        assert "12/12 facts" in status.content and "6/6 quotes" in status.content
        assert "(4 more briefing(s) before anything repeats)" in status.content
        preview = await command(fake, "preview")
        assert preview.ephemeral and "Thursday 2 July 2026" in preview.content
        assert "Preview: not posted" in preview.content and fake.posts() == []
        # tomorrow's preview is what tomorrow brings, after today's goes out
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot)
        clock.set(BERLIN_0800_UTC + timedelta(days=1))
        await until(lambda: len(fake.posts()) == 2)
        tomorrow_body = fake.posts()[1]["content"].splitlines()[:-1]
        assert preview.content.splitlines()[: len(tomorrow_body)] == tomorrow_body
        status = await command(fake, "status")
        assert "Last briefing: 2026-07-02" in status.content
        assert "6/12 facts" in status.content and "4/6 quotes" in status.content


async def test_off_stops_posting(fake: BriefingFake, start: Start) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        answer = await command(fake, "off")
        assert "off" in answer.content
        clock.set(BERLIN_0800_UTC + timedelta(minutes=1))
        await settle(bot, passes=10)
        assert fake.posts() == []


async def test_settings_default_channel_for_a_single_guild(
    fake: BriefingFake, start: Start
) -> None:
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    defaults = BriefingSettings(
        channel_id=fake.channel.id, time="08:00", timezone="Europe/Berlin", facts=2
    )
    async with start(clock, briefing=defaults) as bot:
        await settle(bot)
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
    assert fake.posts()[0]["content"].count("↳") == 4  # 2 facts, a figure, a quote


async def test_spring_forward_gap_posts_at_the_jump(fake: BriefingFake, start: Start) -> None:
    # 29 March 2026 in Berlin: 02:30 does not exist; due at 03:00 CEST = 01:00 UTC
    clock = FakeClock(datetime(2026, 3, 28, 12, tzinfo=UTC))
    async with start(clock) as bot:
        await configure(fake, time="02:30")
        clock.set(datetime(2026, 3, 29, 0, 59, tzinfo=UTC))
        await settle(bot, passes=10)
        assert fake.posts() == []
        clock.set(datetime(2026, 3, 29, 1, 0, 1, tzinfo=UTC))
        await until(lambda: len(fake.posts()) == 1)
        assert "posted late" not in fake.posts()[0]["content"]


async def test_a_broken_guild_does_not_stop_the_others(
    fake: BriefingFake, start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two more guilds the bot is in: one's channel is gone, one's stored zone is invalid."""
    gone, broken = 777, 778
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        store = cog(bot).store
        for guild_id, tz in ((gone, "Europe/Berlin"), (broken, "Europe/Berlin")):
            defaults = GuildConfig(guild_id, None, "08:00", tz, 3)
            await store.configure(
                guild_id, now=clock.now(), defaults=defaults, channel_id=555, enabled=True
            )
        await store.db.execute(
            "UPDATE briefing_config SET timezone = 'Nowhere/Atlantis' WHERE guild_id = ?",
            (broken,),
        )
        real = bot.get_guild
        monkeypatch.setattr(bot, "get_guild", lambda gid: real(gid) or SimpleNamespace(id=gid))
        await configure(fake)
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
        await settle(bot, passes=10)
        paused = {c.guild_id: c.paused_reason for c in await store.configs()}
    assert paused[fake.guild_id] is None
    assert paused[gone] is not None and "555" in paused[gone]
    assert paused[broken] is not None and "schedule is invalid" in paused[broken]
    assert len(fake.posts()) == 1


async def test_fall_back_ambiguous_time_posts_once(fake: BriefingFake, start: Start) -> None:
    # 25 October 2026 in Berlin: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET)
    clock = FakeClock(datetime(2026, 10, 24, 12, tzinfo=UTC))
    async with start(clock) as bot:
        await configure(fake, time="02:30")
        clock.set(datetime(2026, 10, 25, 0, 30, 1, tzinfo=UTC))
        await until(lambda: len(fake.posts()) == 1)
        clock.set(datetime(2026, 10, 25, 1, 30, 1, tzinfo=UTC))
        await settle(bot, passes=10)
    assert len(fake.posts()) == 1


async def test_reindex_changes_the_rotation(fake: BriefingFake, start: Start) -> None:
    """After a reindex, a removed article's items are gone and a new article's items join."""
    searcher = SimpleNamespace(corpus=Corpus((make_article("alpha"), make_article("beta"))))
    library = SimpleNamespace(searcher=searcher)
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock, library=library):
        await configure(fake)
        clock.set(BERLIN_0800_UTC)
        await until(lambda: len(fake.posts()) == 1)
        # the library swaps its searcher whole, as a reindex does; sentence ids are renumbered
        renumbered = make_article("alpha", offset=700)
        library.searcher = SimpleNamespace(corpus=Corpus((renumbered, make_article("gamma"))))
        status = await command(fake, "status")
        left = re.search(r"(\d+)/12 facts", status.content)
        assert left is not None and int(left.group(1)) < 12  # alpha's shown facts stay used
        for n in range(1, 4):
            clock.set(BERLIN_0800_UTC + timedelta(days=n))
            await until(lambda n=n: len(fake.posts()) == n + 1)
    later = "\n".join(p["content"] for p in fake.posts()[1:])
    assert "Title of beta" not in later and "Title of gamma" in later
    items = [line for p in fake.posts() for line in p["content"].splitlines() if line[:3] == "**1"]
    assert len(items) == len(set(items))  # no first fact repeated across the four days


async def test_a_slow_send_keeps_its_lease(fake: BriefingFake, start: Start) -> None:
    """A send stuck past the lease (e.g. a long rate-limit wait) is not taken over."""
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=1))
    async with start(clock) as bot:
        await configure(fake)
        await settle(bot)
    fake.post_delay = 0.5
    clock.set(BERLIN_0800_UTC)
    async with start(clock) as one, start(clock) as two:
        await until(lambda: fake.post_attempts == 1)
        clock.set(BERLIN_0800_UTC + LEASE * 3)  # the first lease would long have run out
        await until(lambda: len(fake.posts()) == 1)
        await settle(one, passes=10)
        await settle(two, passes=10)
        record = await cog(one).store.post(fake.guild_id, DAY)
    assert fake.post_attempts == 1 and len(fake.posts()) == 1
    assert record is not None and record.state == "sent" and record.attempts == 1
