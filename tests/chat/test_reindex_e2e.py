"""End to end: /reindex through the real discord.py client against the fake Discord.

Who may run it (owner, configured admin user, configured admin role) and who may not (an ordinary
member, a server administrator who is not a Factbot admin, both sending the hidden command
anyway); what the admin is told (changes, dry run, failure, a reindex already running); and the
poll that picks up an index built outside the bot. The builds run in a thread of the test
(`builds_in_process`) except the failing one: the build process has its own tests
(tests/test_library.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.chat.client import FactBot
from bot.chat.exts.reindex import REFUSAL, Reindex
from bot.core.ingest import read_seeds
from bot.store.index_db import build_index
from bot.usecases.indexing import LiveIndex as Library
from tests.fakediscord import FakeDiscord, FakeInteraction, FakeUser, running
from tests.prebuilt import install_index
from tests.test_library import (
    EXISTING_QUERY,
    NEW_ID,
    NEW_QUERY,
    add_test_article,
    disk_full_worker,
    gated_worker,
    hit_articles,
    make_settings,
    open_gate,
)

ADMIN_ROLE = 900000000000000777
ADMINISTRATOR = 1 << 3


EXTENSIONS = ("bot.chat.exts.reindex", "bot.chat.exts.answers")

Setup = tuple[FakeDiscord, FactBot, dict[str, FakeUser]]


@pytest.fixture
async def setup(tmp_path: Path, fake_discord: FakeDiscord) -> AsyncIterator[Setup]:
    """The real FactBot with /reindex and /fact, on its own copy of the seeds and index."""
    fake = fake_discord
    fake.roles[ADMIN_ROLE] = "factbot-admins"
    users = {
        "owner": fake.owner,
        "listed": fake.add_user("listed"),
        "role": fake.add_user("role-holder"),
        "member": fake.alice,
        "server-admin": fake.admin,
    }
    users["role"].roles = [ADMIN_ROLE]
    settings = make_settings(tmp_path)
    settings.admins.user_ids = [users["listed"].id]
    settings.admins.role_ids = [ADMIN_ROLE]
    await install_index(settings)
    library = Library(settings)
    await library.open()
    bot = FactBot(
        settings=settings, library=library, extensions=EXTENSIONS, guild_ready_timeout=0.05
    )
    async with running(bot, fake) as started:
        yield fake, started, users


async def final(ix: FakeInteraction, timeout: float = 60.0) -> FakeInteraction:
    """Wait for the reply's last word: past any progress edits of a slow build."""
    async with asyncio.timeout(timeout):
        await ix.done(timeout)
        while "seed files read" in ix.content:
            await asyncio.sleep(0.02)
    return ix


async def reindex(
    fake: FakeDiscord, user: FakeUser, timeout: float = 60.0, **options: object
) -> FakeInteraction:
    ix = await fake.slash("reindex", user=user, **options)
    return await final(ix, timeout)


def test_report_message_fits_discord() -> None:
    from bot.chat.exts.reindex import report_message
    from bot.core.diff import diff_corpora
    from bot.core.model import Article, Corpus, IngestIssue

    many = tuple(
        Article(id=f"a{i:04d}-" + "x" * 60, title="t", source_file="f") for i in range(300)
    )
    warnings = [IngestIssue(file="seeds/" + "y" * 80 + ".txt", message="z" * 120)] * 100
    text = report_message(diff_corpora(Corpus(), Corpus(articles=many), warnings=warnings))
    assert len(text) <= 2000 and text.startswith("```") and text.endswith("```")
    assert "more" in text


@pytest.mark.usefixtures("no_errors_logged")
async def test_hidden_by_default_permissions(
    setup: Setup,
) -> None:
    fake, _, _ = setup
    (command,) = [c for c in fake.global_commands if c["name"] == "reindex"]
    assert int(command["default_member_permissions"]) == ADMINISTRATOR
    assert [o["name"] for o in command["options"]] == ["dry_run"]


@pytest.mark.parametrize("who", ["owner", "listed", "role"])
@pytest.mark.usefixtures("no_errors_logged", "builds_in_process")
async def test_admins_may_reindex(
    setup: Setup,
    who: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake, bot, users = setup
    caplog.set_level(logging.INFO, logger="bot.chat.exts.reindex")
    add_test_article(bot.settings)
    ix = await reindex(fake, users[who])
    assert ix.callback.type == 5 and ix.latency < 3  # deferred at once
    assert ix.ephemeral
    assert "Reindex finished" in ix.content and "new index live" in ix.content
    assert f"+ {NEW_ID} (added)" in ix.content
    assert NEW_ID in hit_articles(bot.library.searcher.facts(NEW_QUERY))
    assert f"/reindex by {users[who].username} ({users[who].id})" in caplog.text


@pytest.mark.parametrize(
    "who",
    [
        pytest.param("member", id="ordinary-member-forcing-the-hidden-command"),
        pytest.param("server-admin", id="server-administrator-not-a-factbot-admin"),
    ],
)
@pytest.mark.usefixtures("no_errors_logged")
async def test_others_are_refused_even_when_they_force_the_hidden_command(
    setup: Setup,
    who: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake, bot, users = setup
    caplog.set_level(logging.INFO, logger="bot.chat.exts.reindex")
    searcher = bot.library.searcher
    add_test_article(bot.settings)
    ix = await reindex(fake, users[who], dry_run=True)
    assert ix.ephemeral
    assert ix.content == REFUSAL
    assert bot.library.searcher is searcher
    assert NEW_ID not in hit_articles(bot.library.searcher.facts(NEW_QUERY))
    assert f"refused: {users[who].username} ({users[who].id}) is not an admin" in caplog.text


@pytest.mark.usefixtures("no_errors_logged", "builds_in_process")
async def test_dry_run_reports_and_swaps_nothing(
    setup: Setup,
) -> None:
    fake, bot, users = setup
    searcher = bot.library.searcher
    add_test_article(bot.settings)
    ix = await reindex(fake, users["owner"], dry_run=True)
    assert "Dry run finished" in ix.content and "nothing swapped" in ix.content
    assert f"+ {NEW_ID} (added)" in ix.content
    assert bot.library.searcher is searcher


async def test_a_failed_build_is_reported_and_the_old_index_serves(
    setup: Setup,
) -> None:
    fake, bot, users = setup
    searcher = bot.library.searcher
    add_test_article(bot.settings)
    bot.library.build_target = disk_full_worker
    ix = await reindex(fake, users["owner"])
    assert "Reindex failed" in ix.content and "No space left on device" in ix.content
    assert "old index is still serving" in ix.content
    assert bot.library.searcher is searcher


@pytest.mark.usefixtures("no_errors_logged", "builds_in_process")
async def test_a_second_reindex_while_one_runs_is_told_so(
    setup: Setup,
) -> None:
    fake, bot, users = setup
    bot.library.build_target = gated_worker
    first = await fake.slash("reindex", user=users["owner"])
    await first.response()
    while not bot.library.busy:
        await asyncio.sleep(0.01)
    second = await reindex(fake, users["listed"])
    assert "already running" in second.content and second.ephemeral
    open_gate(bot.settings)
    await final(first)
    assert "Reindex finished" in first.content


@pytest.mark.usefixtures("no_errors_logged")
async def test_the_poll_picks_up_an_external_build(
    setup: Setup,
) -> None:
    _, bot, _ = setup
    cog = bot.get_cog("Reindex")
    # load_extension executes the module afresh, so the class is not the one imported here
    assert cog is not None and type(cog).__name__ == Reindex.__name__
    assert cog.poll_index.is_running()  # type: ignore[attr-defined]
    cog.poll_index.change_interval(seconds=0.1)  # type: ignore[attr-defined]
    old = bot.library.searcher
    add_test_article(bot.settings)
    result = await asyncio.to_thread(read_seeds, bot.settings.seeds_dir)
    await build_index(result, bot.settings.index_path, built_at="2030-01-01T00:00:00+00:00")
    for _ in range(100):
        if bot.library.searcher is not old:
            break
        await asyncio.sleep(0.1)
    assert NEW_ID in hit_articles(bot.library.searcher.facts(NEW_QUERY))


@pytest.mark.usefixtures("no_errors_logged", "builds_in_process")
async def test_fact_answers_throughout_a_reindex_and_finds_the_new_article_after(
    setup: Setup,
) -> None:
    fake, bot, users = setup
    before = await (await fake.slash("fact", query=NEW_QUERY, user=users["member"])).done()
    assert NEW_ID not in before.content + str(before.embeds)
    add_test_article(bot.settings)
    bot.library.build_target = gated_worker
    running_reindex = await fake.slash("reindex", user=users["owner"])
    await running_reindex.response()
    while not bot.library.busy:
        await asyncio.sleep(0.01)
    during = await (await fake.slash("fact", query=EXISTING_QUERY, user=fake.bob)).done()
    assert bot.library.busy, "the reindex finished before the question was answered"
    assert "600 soldiers" in str(during.embeds).replace("**", "")
    open_gate(bot.settings)
    await final(running_reindex)
    assert f"+ {NEW_ID} (added)" in running_reindex.content
    after = await (await fake.slash("fact", query=NEW_QUERY, user=fake.bob)).done()
    assert "Quokka Observatory" in str(after.embeds)


@pytest.mark.usefixtures("no_errors_logged", "builds_in_process")
async def test_team_owned_application_admins_and_read_only_members(setup: Setup) -> None:
    import json

    from aiohttp import web

    fake, _, _ = setup
    developer = fake.add_user("team-developer")
    viewer = fake.add_user("team-viewer")

    def member(user: FakeUser, role: str) -> dict[str, object]:
        return {
            "membership_state": 2,
            "team_id": "1",
            "permissions": ["*"],
            "role": role,
            "user": user.payload(),
        }

    async def team_application(*_args: object) -> web.Response:
        payload = {
            "id": str(fake.app_id),
            "name": "Factbot",
            "icon": None,
            "description": "",
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "rpc_origins": [],
            "summary": "",
            "owner": fake.owner.payload(),
            "team": {
                "id": "1",
                "name": "Factbot team",
                "icon": None,
                "owner_user_id": str(fake.owner.id),
                "members": [member(developer, "developer"), member(viewer, "read_only")],
            },
        }
        return web.Response(body=json.dumps(payload).encode(), content_type="application/json")

    fake._get_application = team_application  # type: ignore[method-assign]
    allowed = await reindex(fake, developer, dry_run=True)
    assert "Dry run finished" in allowed.content
    refused = await reindex(fake, viewer, dry_run=True)
    assert refused.content == REFUSAL
