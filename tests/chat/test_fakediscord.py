"""The fake Discord itself: a bare discord.py bot connects, syncs, answers and is checked."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from tests.fakediscord import FakeDiscord, running


class EchoBot(discord.Client):
    def __init__(self) -> None:
        super().__init__(
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.tree = app_commands.CommandTree(self)

        @self.tree.command(description="Echo text back")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            await interaction.response.send_message(discord.utils.escape_mentions(text))

        @self.tree.command(description="Answer twice (a bug)")
        async def twice(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("one")
            try:
                await interaction.response.send_message("two")
            except discord.InteractionResponded:
                await interaction.followup.send("two")

        @self.tree.command(description="Defer then edit")
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True)
            await asyncio.sleep(0.05)
            await interaction.edit_original_response(content="done")

        @echo.autocomplete("text")
        async def echo_complete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [
                app_commands.Choice(name=f"{current}{n}", value=f"{current}{n}") for n in range(30)
            ]

    async def setup_hook(self) -> None:
        await self.tree.sync()


async def test_connects_syncs_and_answers(fake_discord: FakeDiscord) -> None:
    async with running(EchoBot(), fake_discord) as bot:
        assert bot.user is not None and bot.user.id == fake_discord.app_id
        assert fake_discord.gateway_queries[0]["compress"] == "zlib-stream"
        assert {c["name"] for c in fake_discord.global_commands} == {"echo", "twice", "slow"}
        guild = bot.get_guild(fake_discord.guild_id)
        assert guild is not None and guild.get_channel(fake_discord.channel.id) is not None

        ix = await (await fake_discord.slash("echo", text="hi @everyone")).done()
        assert ix.content == "hi @\u200beveryone"
        assert ix.latency < 3

        slow = await (await fake_discord.slash("slow")).done()
        assert slow.content == "done" and slow.ephemeral

        twice = await (await fake_discord.slash("twice")).done()
        await asyncio.sleep(0.1)
        assert len(twice.callbacks) == 1 and len(twice.followups) == 1

        auto = await (await fake_discord.autocomplete("echo", "text", text="a")).done()
        assert len(auto.choices) == 30
        assert any("30 choices" in v for v in fake_discord.violations)
        fake_discord.violations.clear()


async def test_resume_after_reconnect(fake_discord: FakeDiscord) -> None:
    async with running(EchoBot(), fake_discord):
        await fake_discord.reconnect()
        await fake_discord.wait_ready()
        assert fake_discord.resumes
        ix = await (await fake_discord.slash("echo", text="again")).done()
        assert ix.content == "again"


async def test_channel_errors_and_injected_failures(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    closed = fake.add_channel("closed", forbidden=True)
    async with running(EchoBot(), fake) as bot:
        channel = await bot.fetch_channel(fake.channel.id)
        assert isinstance(channel, discord.TextChannel)
        await channel.send("hello")
        assert fake.channel_messages[-1]["content"] == "hello"
        try:
            await bot.fetch_channel(123)
        except discord.NotFound as exc:
            assert exc.code == 10003
        else:
            raise AssertionError("expected 404")
        target = bot.get_channel(closed.id)
        assert isinstance(target, discord.TextChannel)
        try:
            await target.send("nope")
        except discord.Forbidden as exc:
            assert exc.code == 50013
        else:
            raise AssertionError("expected 403")
        fake.inject_error("POST", f"/channels/{fake.channel.id}/messages", status=500)
        await channel.send("retried")  # discord.py retries a 5xx
        assert fake.channel_messages[-1]["content"] == "retried"
