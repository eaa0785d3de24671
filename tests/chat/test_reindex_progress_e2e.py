"""End to end: a long /reindex shows progress, and its report survives the reply's expiry.

Discord lets an interaction's reply be edited for 15 minutes. A build that takes longer (or a
final edit that Discord refuses) must not lose the report: it is posted in the channel the
command came from, pinging no one, and logged either way. The expiry is a cog parameter here,
and the fake rejects the webhook edits the way Discord does once the token is invalid.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp import web

from bot.chat.client import FactBot
from bot.core.diff import ReindexReport, diff_corpora, with_outcome
from bot.core.model import Article, Corpus
from bot.usecases.indexing import LiveIndex as Library
from tests.build_workers import STEPS, stepping_worker
from tests.chat.conftest import StartBot
from tests.chat.test_reindex_e2e import Setup, setup  # noqa: F401
from tests.fakediscord import FakeDiscord, FakeInteraction
from tests.test_library import NEW_ID, add_test_article

REINDEX_ONLY = ("bot.chat.exts.reindex",)


def reindex_cog(bot: FactBot) -> Any:
    cog = bot.get_cog("Reindex")
    assert cog is not None
    return cog


async def until(check: Callable[[], bool], timeout: float = 60.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.02)


def posted_bodies(fake: FakeDiscord) -> list[dict[str, Any]]:
    """Record the body of every channel message the bot posts (to see its allowed mentions)."""
    bodies: list[dict[str, Any]] = []
    post = fake._post_channel_message

    async def recording(request: web.Request, parts: list[str], body: Any) -> web.StreamResponse:
        bodies.append(body)
        return await post(request, parts, body)

    fake._post_channel_message = recording  # type: ignore[method-assign]
    return bodies


def finished(ix: FakeInteraction) -> bool:
    return "Reindex finished" in ix.content


@pytest.mark.usefixtures("no_errors_logged")
async def test_progress_is_shown_while_the_build_runs(setup: Setup) -> None:  # noqa: F811
    fake, bot, users = setup
    reindex_cog(bot).progress_seconds = 0.05
    bot.library.build_target = stepping_worker
    add_test_article(bot.settings)
    ix = await fake.slash("reindex", user=users["owner"])
    assert (await ix.response()).type == 5
    await until(lambda: finished(ix))
    progress = [e["content"] for e in ix.edits if "seed files read" in (e.get("content") or "")]
    assert progress, ix.edits
    assert any(f"of {STEPS} seed files read" in text for text in progress), progress
    assert f"+ {NEW_ID} (added)" in ix.content  # the report, not a late progress edit
    assert "seed files read" not in ix.edits[-1]["content"]
    assert fake.channel_messages == []  # the reply was live: nothing posted in the channel


@pytest.fixture
def quick_reindex(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The session library's reindex made instant: it reports one article added (no build)."""

    async def quick(*, dry_run: bool = False, progress: Any = None) -> ReindexReport:
        if progress is not None:
            progress(1, 1)
        added = Corpus(articles=(*library.corpus.articles, Article(NEW_ID, "New", "seeds/n.txt")))
        report = diff_corpora(library.corpus, added, dry_run=dry_run)
        return with_outcome(report, swapped=not dry_run, seconds=0.1)

    monkeypatch.setattr(library, "reindex", quick)


@pytest.mark.usefixtures("quick_reindex")
async def test_the_report_is_posted_in_the_channel_when_the_reply_expired(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot.chat.exts.reindex")
    bodies = posted_bodies(fake)
    # what Discord answers to an edit once the interaction's token has expired
    fake.inject_error(
        "PATCH", "/webhooks/", status=401, code=50027, message="Invalid Webhook Token", times=99
    )
    async with start_bot(extensions=REINDEX_ONLY):
        ix = await fake.slash("reindex", user=fake.owner)
        await ix.response()
        await until(lambda: bool(fake.channel_messages))
    (posted,) = fake.channel_messages
    assert int(posted["channel_id"]) == fake.channel.id
    assert "Reindex finished" in posted["content"] and f"+ {NEW_ID} (added)" in posted["content"]
    assert bodies[0]["allowed_mentions"] == {"parse": []}
    assert len(posted["content"]) <= 2000
    assert f"+ {NEW_ID} (added)" in caplog.text  # logged as well


@pytest.mark.usefixtures("quick_reindex")
async def test_a_build_past_the_expiry_posts_without_trying_the_reply(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot.chat.exts.reindex")
    async with start_bot(extensions=REINDEX_ONLY) as bot:
        reindex_cog(bot).expires_after = 0.0  # as if the build had run past Discord's 15 minutes
        ix = await fake.slash("reindex", user=fake.owner)
        await ix.response()
        await until(lambda: bool(fake.channel_messages))
    assert "Reindex finished" in fake.channel_messages[0]["content"]
    assert ix.edits == []  # no edit of an expired reply was even tried
    assert "posted the /reindex outcome in channel" in caplog.text


@pytest.mark.usefixtures("quick_reindex")
async def test_the_report_is_logged_when_even_the_channel_refuses(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot.chat.exts.reindex")
    closed = fake.add_channel("closed", forbidden=True)
    async with start_bot(extensions=REINDEX_ONLY) as bot:
        reindex_cog(bot).expires_after = 0.0
        ix = await fake.slash("reindex", user=fake.owner, channel=closed)
        await ix.response()
        await until(lambda: "could not post the /reindex outcome" in caplog.text)
    assert f"+ {NEW_ID} (added)" in caplog.text
    assert fake.channel_messages == []


def test_an_expired_reply_is_told_apart_from_other_failures() -> None:
    from types import SimpleNamespace

    import discord

    from bot.chat.exts.reindex import reply_expired

    def error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
        return kind(SimpleNamespace(status=status, reason="x"), {"message": "m", "code": 0})  # type: ignore[arg-type]

    assert reply_expired(error(discord.NotFound, 404))
    assert reply_expired(error(discord.HTTPException, 401))
    assert not reply_expired(error(discord.HTTPException, 500))
    assert not reply_expired(error(discord.Forbidden, 403))


class RecordingReply:
    """Stands in for an interaction: records each edit of its reply, or refuses them all."""

    def __init__(self, refuse: int | None = None) -> None:
        self.edits: list[tuple[float, str]] = []
        self.refuse = refuse

    async def edit_original_response(self, *, content: str) -> None:
        if self.refuse is not None:
            from types import SimpleNamespace

            import discord

            raise discord.HTTPException(
                SimpleNamespace(status=self.refuse, reason="x"),  # type: ignore[arg-type]
                {"message": "Invalid Webhook Token", "code": 50027},
            )
        self.edits.append((time.monotonic(), content))


async def test_progress_edits_are_throttled_and_stop_when_the_reply_expired() -> None:
    from bot.chat.exts.reindex import ProgressEdits

    reply = RecordingReply()
    edits = ProgressEdits(reply, dry_run=False, every=0.1, expires_after=60)  # type: ignore[arg-type]
    began = time.monotonic()
    edits.start()
    for done in range(1, 201):  # 200 files in 0.4 s: far more reports than edits
        edits.update(done, 200)
        await asyncio.sleep(0.002)
    await asyncio.sleep(0.15)
    await edits.stop()
    times = [at for at, _ in reply.edits]
    assert 1 <= len(times) <= (time.monotonic() - began) / 0.1 + 1, times
    assert all(b - a >= 0.09 for a, b in itertools.pairwise(times))
    assert "200 of 200 seed files read" in reply.edits[-1][1]  # the latest count was shown

    refused = RecordingReply(refuse=401)
    gone = ProgressEdits(refused, dry_run=True, every=0.01, expires_after=60)  # type: ignore[arg-type]
    gone.start()
    gone.update(1, 2)
    await asyncio.sleep(0.1)
    assert gone.expired and gone.too_old()
    await gone.stop()
