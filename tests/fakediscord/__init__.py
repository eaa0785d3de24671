"""A fake Discord (gateway + REST on 127.0.0.1) that the real discord.py client runs against.

Quick use (see `server.py` for everything):

    from tests.fakediscord import FakeDiscord, running
    from tests.fakediscord.fixtures import fake_discord  # in a conftest: serves + patches URLs

    async with running(my_bot, fake_discord):             # login, setup_hook, gateway, READY
        ix = await fake_discord.slash("fact", query="nato")  # as alice; user=fake.bob, channel=…
        await ix.done()                                     # answered (and any defer followed up)
        ix.callbacks, ix.latency, ix.embeds, ix.content, ix.ephemeral, ix.custom_ids
        press = await (await fake_discord.click(ix, ix.button("Next")["custom_id"])).done()
        auto = await (await fake_discord.autocomplete("fact", "query", query="na")).done()
        auto.choices

The fake checks Discord's limits on everything the bot sends and records problems in
`fake.violations` (the fixture fails the test on any). `fake.channel_messages`,
`fake.command_syncs`, `fake.identify_payloads`, `fake.add_channel(forbidden=True)`,
`fake.inject_error(...)` and `fake.reconnect()` cover posting, syncing and failures.
"""

from tests.fakediscord.server import (
    Callback,
    FakeChannel,
    FakeDiscord,
    FakeInteraction,
    FakeUser,
    InjectedError,
    json_response,
)
from tests.fakediscord.session import running

__all__ = [
    "Callback",
    "FakeChannel",
    "FakeDiscord",
    "FakeInteraction",
    "FakeUser",
    "InjectedError",
    "json_response",
    "running",
]
