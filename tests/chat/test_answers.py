"""End to end: the real FactBot against the fake Discord, on the index of the real seed.

The `fake_discord` fixture fails any test in which the bot broke a Discord limit (lengths,
counts, allowed_mentions, a second initial response, an answer later than 3 s).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import pytest

from bot.chat import answering
from bot.core.answers import Query as StoredQuery
from bot.store.interactions import InteractionStore as FeedbackStore
from bot.usecases.indexing import LiveIndex as Library
from tests.chat.conftest import StartBot
from tests.fakediscord import FakeDiscord, FakeInteraction

pytestmark = pytest.mark.usefixtures("no_errors_logged")

ARTICLE = "lamberty-2024-nato-mission-iraq"
DEV_QUERIES = Path(__file__).resolve().parents[1] / "data" / "queries_dev.jsonl"
SOLDIERS = "how many soldiers in NATO Mission Iraq"


def answered_once(ix: FakeInteraction) -> None:
    assert len(ix.callbacks) == 1, ix.callbacks
    assert ix.latency < 3.0


def description(ix: FakeInteraction) -> str:
    assert len(ix.embeds) == 1, ix.embeds
    return str(ix.embeds[0].get("description", ""))


def field(ix: FakeInteraction, name: str) -> str:
    for f in ix.embeds[0].get("fields", []):
        if f["name"] == name:
            return str(f["value"])
    raise AssertionError(f"no field {name!r} in {ix.embeds[0]}")


async def test_fact_answers_with_the_passage_and_its_citations(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
    answered_once(ix)
    assert not ix.ephemeral
    text = description(ix)
    assert "600 soldiers" in text.replace("**", "")
    assert "**" in text  # figures in bold
    embed = ix.embeds[0]
    assert embed["title"].startswith("Fact 1 of ")
    assert "Looking in All Directions" in embed["author"]["name"] or embed["author"]["name"]
    sources = field(ix, "Sources")
    assert sources.startswith("[1] note 6: Dresen")
    assert "note 6" in sources and "accessed 2024-" in sources and "\n<https://" in sources
    assert "NMI as Part of the 360-Degree Approach" in field(ix, "Where")
    labels = [b.lower() for b in (ix.button(x)["label"] for x in ("Previous", "Next"))]
    assert labels == ["previous", "next"]
    assert ix.button("Previous").get("disabled") is True


async def test_quote_with_speaker(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot():
        ix = await (
            await fake_discord.slash("quote", query="foreign deployments", speaker="Masala")
        ).done()
    answered_once(ix)
    text = description(ix)
    assert "foreign deployments" in text
    assert "Masala" in text
    assert ix.embeds[0]["title"].startswith("Quote 1 of ")
    assert field(ix, "Sources").startswith("[1] ")


async def test_autocomplete_gives_valid_choices(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot():
        for partial in ("", "nat", "how many sol", "x" * 300, "@everyone"):
            ix = await (await fake_discord.autocomplete("fact", "query", query=partial)).done()
            answered_once(ix)
            assert len(ix.choices) <= 25
            for choice in ix.choices:
                assert 1 <= len(choice["name"]) <= 100 and 1 <= len(choice["value"]) <= 100
        ix = await (await fake_discord.autocomplete("fact", "query", query="nato")).done()
        assert ix.choices
        ix = await (await fake_discord.autocomplete("quote", "article", query="x")).done()
        assert [c["value"] for c in ix.choices] == [ARTICLE]
        ix = await (
            await fake_discord.autocomplete("quote", "speaker", query="x", speaker="masa")
        ).done()
        assert any("Masala" in c["value"] for c in ix.choices)


async def test_every_search_is_followed_by_the_step_after_answers(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(library, "answered", lambda: calls.append("answered"))

    async def settled(count: int) -> None:  # it runs once the reply is on its way
        for _ in range(100):
            if len(calls) >= count:
                return
            await asyncio.sleep(0.01)

    async with start_bot():
        ask = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        await settled(1)
        assert calls == ["answered"]
        await (await fake_discord.autocomplete("fact", "query", query="nato")).done()
        await settled(2)
        await (await fake_discord.click(ask, ask.button("Next")["custom_id"])).done()
        await settled(3)
    assert len(calls) == 3


async def test_buttons_page_show_context_and_sources(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    fake = fake_discord
    async with start_bot():
        ask = await (await fake.slash("fact", query="NATO mission Iraq soldiers")).done()
        first = description(ask)
        total = int(ask.embeds[0]["title"].rsplit(" ", 1)[1])
        assert total >= 2

        nxt = await (await fake.click(ask, ask.button("Next")["custom_id"])).done()
        answered_once(nxt)
        assert nxt.message_id == ask.message_id  # the answer was updated in place
        assert ask.embeds[0]["title"] == f"Fact 2 of {total}"
        assert description(ask) != first
        assert ask.button("Previous").get("disabled") is False

        prev = await (await fake.click(ask, ask.button("Previous")["custom_id"])).done()
        answered_once(prev)
        assert ask.embeds[0]["title"] == f"Fact 1 of {total}"

        ctx = await (await fake.click(ask, ask.button("Context")["custom_id"])).done()
        answered_once(ctx)
        assert ctx.ephemeral and ctx.message_id != ask.message_id
        assert ctx.embeds[0]["title"].startswith("Context")
        assert len(description(ctx)) >= len(first.replace("**", "")) - 5

        src = await (await fake.click(ask, ask.button("Sources")["custom_id"])).done()
        answered_once(src)
        assert src.ephemeral and description(src).startswith("[1] ")

        # another user may not page, but may open the sources
        before = ask.embeds[0]["title"]
        refused = await (
            await fake.click(ask, ask.button("Next")["custom_id"], user=fake.bob)
        ).done()
        answered_once(refused)
        assert refused.ephemeral and "Only the person who asked" in refused.content
        assert ask.embeds[0]["title"] == before
        other = await (
            await fake.click(ask, ask.button("Sources")["custom_id"], user=fake.bob)
        ).done()
        assert other.ephemeral and other.embeds


async def test_a_button_still_works_after_a_restart(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    fake = fake_discord
    async with start_bot() as bot:
        assert bot.synced is True
        ask = await (await fake.slash("fact", query="NATO mission Iraq soldiers")).done()
    syncs = len(fake.command_syncs)
    async with start_bot() as bot:  # a new client, same state database
        assert bot.synced is False and len(fake.command_syncs) == syncs
        nxt = await (await fake.click(ask, ask.button("Next")["custom_id"])).done()
        answered_once(nxt)
        assert ask.embeds[0]["title"].startswith("Fact 2 of ")


async def test_no_match_shows_suggestions_and_records_a_miss(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    fake = fake_discord
    async with start_bot():
        ix = await (await fake.slash("fact", query="quantum chromodynamics lattice")).done()
        answered_once(ix)
        assert ix.embeds[0]["title"] == "No exact match"
        suggestions = [i for i in ix.custom_ids if i.startswith("fb:g:")]
        assert 1 <= len(suggestions) <= 5
        follow = await (await fake.click(ix, suggestions[0])).done()
        answered_once(follow)
        assert ix.embeds[0]["title"] != "No exact match" or ix.custom_ids
        refused = await (await fake.click(ix, ix.custom_ids[0], user=fake.bob)).done()
        assert refused.ephemeral
    async with FeedbackStore(tmp_path / "state.sqlite3") as store:
        misses = await store.misses()
    assert [m.query for m in misses] == ["quantum chromodynamics lattice"]
    assert misses[0].user_id == fake.alice.id and misses[0].guild_id == fake.guild_id


async def test_huge_queries_respect_every_limit(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    huge = ("**bold** _x_ `code` ||spoiler|| > quote @everyone <@1> " * 150)[:6000]
    async with start_bot():
        for command in ("fact", "quote"):
            ix = await (await fake_discord.slash(command, query=huge)).done()
            answered_once(ix)
            ix = await (await fake_discord.slash(command, query="soldiers " * 600)).done()
            answered_once(ix)
            ix = await (await fake_discord.autocomplete(command, "query", query=huge)).done()
            answered_once(ix)
    # the fixture fails the test on any recorded limit violation


async def test_everyone_in_a_query_never_pings(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query="@everyone @here soldiers")).done()
        miss = await (await fake_discord.slash("fact", query="@everyone zzqx")).done()
    for sent in (ix, miss):
        answered_once(sent)
        shown = json.dumps(sent.embeds, ensure_ascii=False) + sent.content
        assert "@everyone" not in shown and "@here" not in shown
        assert "@\u200beveryone" in shown
    # allowed_mentions is checked on every message by the fake (parse == [])


async def test_cooldown_answers_privately(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cooldown_uses=2, cooldown_seconds=60):
        first = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        second = await (await fake_discord.slash("quote", query="foreign deployments")).done()
        third = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        other = await (
            await fake_discord.slash("fact", query=SOLDIERS, user=fake_discord.bob)
        ).done()
        auto = await (await fake_discord.autocomplete("fact", "query", query="nato")).done()
    for ix in (first, second, third, other, auto):
        answered_once(ix)
    assert first.embeds and second.embeds and other.embeds
    assert third.ephemeral and "ask again in" in third.content and not third.embeds
    assert auto.choices


async def test_private_answers_when_configured(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(public_answers=False):
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
    answered_once(ix)
    assert ix.ephemeral and ix.embeds


async def test_a_slow_search_is_deferred_then_answered_once(
    fake_discord: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = answering.run_search

    def slow(searcher, query):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(searcher, query)

    monkeypatch.setattr(answering, "DEFER_AFTER", 0.05)
    monkeypatch.setattr(answering, "run_search", slow)
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        assert ix.callback.type == 5 and len(ix.edits) == 1
        answered_once(ix)
        assert "600 soldiers" in description(ix).replace("**", "")
        nxt = await (await fake_discord.click(ix, ix.button("Next")["custom_id"])).done()
        assert nxt.callback.type == 6 and len(nxt.edits) == 1
        assert ix.embeds[0]["title"].startswith("Fact 2 of ")


async def test_feedback_buttons_record_votes(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        vote = await (
            await fake_discord.click(
                ix, ix.button("Not helpful")["custom_id"], user=fake_discord.bob
            )
        ).done()
        answered_once(vote)
        assert vote.ephemeral and "noted" in vote.content
        up = await (await fake_discord.click(ix, ix.button("Helpful")["custom_id"])).done()
        assert up.ephemeral
    async with FeedbackStore(tmp_path / "state.sqlite3") as store:
        unhelpful = await store.unhelpful()
    assert [(u.query, u.user_id) for u in unhelpful] == [(SOLDIERS, fake_discord.bob.id)]
    assert unhelpful[0].hit_id and unhelpful[0].hit_id.startswith(ARTICLE)


async def test_about_and_help(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot():
        about = await (await fake_discord.slash("about")).done()
        helped = await (await fake_discord.slash("help")).done()
    answered_once(about)
    answered_once(helped)
    assert "1 article" in about.embeds[0]["title"]
    assert ARTICLE in description(about) and "sentences" in description(about)
    assert about.embeds[0]["footer"]["text"].startswith("Index built ")
    assert helped.ephemeral and "/fact" in str(helped.embeds)


async def test_dev_guild_sync_happens_only_when_commands_change(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    fake = fake_discord
    guild = fake.guild_id
    async with start_bot(dev_guild_id=guild) as bot:
        assert bot.synced is True
    assert [g for g, _ in fake.command_syncs] == [guild]
    assert {c["name"] for c in fake.guild_commands[guild]} >= {"fact", "quote", "about", "help"}
    async with start_bot(dev_guild_id=guild) as bot:
        assert bot.synced is False
        ix = await (await fake.slash("fact", query=SOLDIERS)).done()
        answered_once(ix)
    async with start_bot(dev_guild_id=guild, extensions=["bot.chat.exts.about"]) as bot:
        assert bot.synced is True  # the tree changed
    assert len(fake.command_syncs) == 2


async def test_concurrent_questions_are_each_answered_once(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    users = [fake_discord.add_user(f"user{n}") for n in range(8)]
    async with start_bot():
        sent = await asyncio.gather(
            *(fake_discord.slash("fact", query=SOLDIERS, user=u) for u in users)
        )
        done = await asyncio.gather(*(ix.done() for ix in sent))
    for ix in done:
        answered_once(ix)
        assert ix.embeds


async def test_an_unknown_article_is_explained_not_recorded_as_a_miss(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query=SOLDIERS, article="no-such")).done()
    answered_once(ix)
    assert ix.embeds[0]["title"] == "I can't run that search"
    assert "no-such" in description(ix)
    async with FeedbackStore(tmp_path / "state.sqlite3") as store:
        assert await store.misses() == []


@pytest.mark.parametrize("slow", [False, True])
async def test_a_crash_gives_one_short_private_message(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    slow: bool,
) -> None:
    def broken(searcher, query):  # type: ignore[no-untyped-def]
        if slow:
            time.sleep(0.2)
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(answering, "DEFER_AFTER", 0.05)
    monkeypatch.setattr(answering, "run_search", broken)
    async with start_bot():
        ix = await (await fake_discord.slash("fact", query=SOLDIERS)).done()
        await asyncio.sleep(0.05)
    answered_once(ix)
    if slow:  # the public "thinking…" is deleted, the message follows privately
        assert ix.message is None and len(ix.followups) == 1
        message = ix.followups[0]
    else:
        assert ix.message is not None and not ix.followups
        message = ix.message
    assert "Something went wrong" in message["content"] and "secret" not in message["content"]
    assert message["flags"] & 64 and not message["embeds"]
    logged = [r for r in caplog.records if r.levelname == "ERROR"]
    assert logged and "secret internal detail" in str(logged[0].exc_info)
    caplog.clear()  # the error was expected


async def test_a_failed_sync_is_logged_and_retried_on_the_next_start(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = fake_discord
    fake.inject_error(
        "PUT",
        f"/applications/{fake.app_id}/guilds/",
        status=403,
        code=50001,
        message="Missing Access",
    )
    async with start_bot(dev_guild_id=fake.guild_id) as bot:
        assert bot.synced is False and not fake.command_syncs
    assert any("could not sync" in r.getMessage() for r in caplog.records)
    caplog.clear()  # expected
    async with start_bot(dev_guild_id=fake.guild_id) as bot:
        assert bot.synced is True and len(fake.command_syncs) == 1


async def test_every_dev_query_shows_the_exact_passage_in_time(
    fake_discord: FakeDiscord, start_bot: StartBot, library: Library
) -> None:
    queries = [json.loads(line) for line in DEV_QUERIES.read_text().splitlines() if line.strip()]
    latencies = []
    async with start_bot(cooldown_uses=1000):
        for query in queries:
            command = query["command"]
            ix = await (await fake_discord.slash(command, query=query["query"])).done()
            answered_once(ix)
            latencies.append(ix.latency)
            stored = StoredQuery(command, query["query"])
            expected = answering.run_search(library.searcher, stored)
            if not expected.matched:
                assert ix.embeds[0]["title"] in ("No exact match", "I can't run that search")
                continue
            shown = re.sub(r"\\(.)", r"\1", description(ix).replace("**", ""))
            text = expected.hits[0].text
            assert shown == text or shown.startswith(f"“{text}”"), (shown, text)
    print(f"dev queries: {len(latencies)}, max latency {max(latencies) * 1000:.0f} ms")
    assert max(latencies) < 1.0, latencies
