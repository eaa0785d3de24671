"""/about (what the index holds and when it was built) and /help (how to ask, with examples).

Wires the commands to the searcher and the renderers only: it must never build embeds itself.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.answering import deliver
from bot.chat.client import FactBot
from bot.chat.embeds import about_embed, help_embed


class About(commands.Cog):
    """Information about Factbot and its sources."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="about", description="Which articles I know and when I read them")
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        """List the articles in the index with their counts and the build time."""
        embed = about_embed(self.bot.library.searcher.about())
        await deliver(interaction, embed=embed, ephemeral=not self.bot.public_answers)

    @app_commands.command(name="help", description="How to ask me, with examples")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """Explain the commands and buttons, privately."""
        await deliver(interaction, embed=help_embed(), ephemeral=True)


async def setup(bot: FactBot) -> None:
    """Add /about and /help."""
    await bot.add_cog(About(bot))
