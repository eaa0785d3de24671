"""Extension discovery: every module of bot/chat/exts loads, and no command names clash."""

from __future__ import annotations

from bot.chat.client import discover_extensions
from tests.chat.conftest import StartBot
from tests.fakediscord import FakeDiscord


def test_discovery_finds_the_features_and_skips_helpers() -> None:
    found = discover_extensions()
    assert "bot.chat.exts.answers" in found and "bot.chat.exts.about" in found
    assert all(not name.rsplit(".", 1)[1].startswith("_") for name in found)


async def test_all_extensions_load_together(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(extensions=None) as bot:
        assert set(bot.extensions) == set(discover_extensions())
        names = [c["name"] for c in fake_discord.global_commands]
        assert len(names) == len(set(names))
        assert {"fact", "quote", "about", "help"} <= set(names)


PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content


async def test_no_privileged_intents_and_no_mentions(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot() as bot:
        assert bot.allowed_mentions is not None
        mentions = bot.allowed_mentions.to_dict()
        assert mentions["parse"] == [] and not mentions.get("replied_user")
    intents = fake_discord.identify_payloads[0]["intents"]
    assert intents & PRIVILEGED == 0


def test_every_extension_takes_its_dependencies_from_the_factbot() -> None:
    import importlib
    import inspect
    from pathlib import Path

    for name in discover_extensions():
        module = importlib.import_module(name)
        setup = module.setup
        (parameter,) = inspect.signature(setup).parameters.values()
        assert parameter.annotation in ("FactBot", "bot.chat.client.FactBot"), name
        text = Path(inspect.getfile(module)).read_text(encoding="utf-8")
        assert "type: ignore" not in text and "getattr(bot" not in text, name
