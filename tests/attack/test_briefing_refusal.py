"""A 403 on the briefing post itself (a stale permission cache) tells the admin why (issue 14)."""

from __future__ import annotations

from datetime import timedelta

from tests.chat.test_briefing_e2e import (  # noqa: F401  (fixtures)
    BERLIN_0800_UTC,
    BriefingFake,
    FakeClock,
    Start,
    command,
    configure,
    corpus,
    fake,
    start,
)


async def test_a_refused_post_says_why_it_was_refused(fake: BriefingFake, start: Start) -> None:  # noqa: F811
    clock = FakeClock(BERLIN_0800_UTC - timedelta(hours=2))
    async with start(clock):
        await configure(fake)
        # The bot's cached permissions say it may post; Discord says otherwise.
        fake.inject_error(
            "POST",
            f"/channels/{fake.channel.id}/messages",
            status=403,
            code=50013,
            message="Missing Permissions",
        )
        answer = await command(fake, "now")
    assert answer.ephemeral and "Could not post:" in answer.content
    assert "sent" not in answer.content.split("Could not post:")[1]
    assert "403" in answer.content and "Missing Permissions" in answer.content
    assert fake.posts() == []
