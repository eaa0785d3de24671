"""What must not leak (tokens and queries in DEBUG logs, absolute paths to admins) and what must
not pile up (button presses, concurrent searches): issue 14's "Also" items and item 10.
"""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from bot.chat import answering
from bot.chat.errors import BUSY
from bot.chat.views import TOO_FAST
from bot.core.diff import ReindexReport, failed_report
from bot.core.model import IngestIssue
from bot.log_redaction import install_redaction
from bot.search_slots import Busy, SearchSlots
from bot.usecases.indexing import LiveIndex as Library
from tests.chat.conftest import SEEDS, StartBot
from tests.fakediscord import FakeDiscord

SECRET_QUERY = "soldiers zanzibarquux Iraq"


async def test_debug_logs_hold_no_interaction_token_and_no_query(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    install_redaction()  # what `python -m bot run` does to its handlers, here to caplog's
    async with start_bot():
        ask = await (await fake_discord.slash("fact", query=SECRET_QUERY)).done()
        await (await fake_discord.click(ask, ask.button("Context")["custom_id"])).done()
        auto = await (await fake_discord.autocomplete("fact", "query", query="zanzibarquux")).done()
    messages = [r.getMessage() for r in caplog.records]
    assert any("INTERACTION_CREATE" in m for m in messages)  # discord.py did log at DEBUG
    for ix in (ask, auto):
        assert not [m for m in messages if ix.token in m]
    assert not [m for m in messages if "zanzibarquux" in m]


async def test_reindex_reports_show_no_absolute_paths(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds = SEEDS.resolve()
    where = f"{seeds}/broken.md"
    warning = IngestIssue(file=where, message="empty file; skipped", level="error")

    async def failing(*, dry_run: bool = False, progress: object = None) -> ReindexReport:
        reason = f"OSError: [Errno 28] No space left on device: '{seeds.parent}/data/x.tmp'"
        return failed_report(library.corpus, reason, warnings=[warning], dry_run=dry_run)

    monkeypatch.setattr(library, "reindex", failing)
    async with start_bot(extensions=("bot.chat.exts.reindex",)):
        ix = await (await fake_discord.slash("reindex", user=fake_discord.owner)).done()
    assert "broken.md" in ix.content and "No space left" in ix.content
    assert str(seeds.parent) not in ix.content and where not in ix.content, ix.content


async def test_button_presses_are_rate_limited(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    fake = fake_discord
    async with start_bot(cooldown_uses=2) as bot:
        ask = await (await fake.slash("fact", query="soldiers NATO Iraq")).done()
        limit = bot.press_cooldowns.uses
        said = []
        for _ in range(limit + 1):
            press = await (await fake.click(ask, ask.button("Sources")["custom_id"])).done()
            said.append(press.content)
    assert said[-1] == TOO_FAST and TOO_FAST not in said[:-1]


async def test_searches_beyond_the_queue_hear_busy_at_once(
    fake_discord: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = answering.run_search

    def slow(searcher, query):  # type: ignore[no-untyped-def]
        time.sleep(0.4)
        return real(searcher, query)

    monkeypatch.setattr(answering, "run_search", slow)
    fake = fake_discord
    users = [fake.alice, fake.bob, fake.admin]
    async with start_bot(search_workers=1, search_queue=1):
        sent = [await fake.slash("fact", query="soldiers", user=u) for u in users]
        done = [await ix.done() for ix in sent]
    busy = [ix for ix in done if ix.content == BUSY]
    assert len(busy) == 1 and busy[0].ephemeral and busy[0].latency < 0.3
    assert all(ix.embeds for ix in done if ix not in busy)


async def test_the_queue_bound_follows_the_mean_search_time() -> None:
    # searches of 0.3 s and a bound of 0.75 s: two waiting fit (0.6 s), three do not (0.9 s);
    # long enough that a loaded machine's scheduling delays stay well inside the margins
    slots = SearchSlots(workers=1, waiting=100, max_wait=0.75)
    await slots.run(time.sleep, 0.3)  # the mean is now 0.3 s
    running = [asyncio.ensure_future(slots.run(time.sleep, 0.3)) for _ in range(3)]
    await asyncio.sleep(0.03)
    with pytest.raises(Busy):
        await slots.run(time.sleep, 0.3)
    await asyncio.gather(*running)
    slots.close()
