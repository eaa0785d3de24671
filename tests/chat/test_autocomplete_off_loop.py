"""Autocomplete runs off the event loop: a slow lookup never holds up another interaction."""

from __future__ import annotations

import time
from typing import Any

import pytest

from bot.usecases.indexing import LiveIndex as Library
from tests.chat.conftest import StartBot
from tests.fakediscord import FakeDiscord

SOLDIERS = "how many soldiers in NATO Mission Iraq"
SLOW = 2.0  # seconds a lookup takes: were it on the event loop, everything would wait this long


class SlowSearcher:
    """The real searcher, but its autocomplete (and article list) take `SLOW` seconds."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def autocomplete(self, *args: Any, **kwargs: Any) -> list[str]:
        time.sleep(SLOW)
        return list(self.real.autocomplete(*args, **kwargs))

    def speakers(self) -> list[str]:
        time.sleep(SLOW)
        return list(self.real.speakers())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.mark.parametrize(("command", "option"), [("fact", "query"), ("quote", "speaker")])
@pytest.mark.usefixtures("no_errors_logged")
async def test_a_slow_autocomplete_does_not_block_an_answer(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    option: str,
) -> None:
    fake = fake_discord
    async with start_bot() as bot:
        cog: Any = bot.get_cog("Answers")
        assert cog is not None
        cog.completions.timeout = 0.5
        monkeypatch.setattr(library, "_searcher", SlowSearcher(library.searcher))
        slow = await fake.autocomplete(command, option, **{option: "sold"})
        answer = await (await fake.slash("fact", query=SOLDIERS, user=fake.bob)).done()
        assert answer.latency < SLOW / 2, answer.latency  # answered while the lookup ran
        assert answer.embeds
        await slow.done()
        assert slow.choices == []  # out of time: no choices rather than a late answer
        assert slow.latency < SLOW, slow.latency
        monkeypatch.undo()
        quick = await (await fake.autocomplete("fact", "query", query="sold")).done()
        assert quick.choices  # the lookups still work once they are quick again
