"""/fact and /quote: ask the sources, get the exact passage with its citations and buttons.

Also the autocompletes for their options (query, article, speaker), looked up off the event
loop (`Completions`), and the registration of the answer buttons. The cog only wires Discord to
the searcher, the store and the renderers: it must never build embeds or SQL itself, never run
an autocomplete lookup on the event loop, and never answer an interaction twice.
"""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.answering import deliver, search_in_time
from bot.chat.client import FactBot
from bot.chat.completions import Completions
from bot.chat.errors import send_private
from bot.chat.views import AnswerButton, render
from bot.core.answers import Command, Query
from bot.core.passages import clip
from bot.core.text_input import same_choice, valid_option, valid_text
from bot.usecases.asking import Asker, note_miss

CHOICE_MAX = 100
CHOICES_MAX = 25
QUERY_MAX = 300
QUOTE_NEEDS = "Say what the quotation is about (query), who said it (speaker), or both."


def _cooldown(interaction: discord.Interaction[FactBot]) -> bool:
    """The shared per-user cooldown of the answer commands (raises `OnCooldown`)."""
    return interaction.client.cooldowns.check(interaction)


def choices(values: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """Valid autocomplete choices: ≤ 25, names and values 1–100 characters, no duplicates."""
    out: list[app_commands.Choice[str]] = []
    seen: set[str] = set()
    for name, value in values:
        name = clip(" ".join(name.split()), CHOICE_MAX)
        value = " ".join(value.split())
        if not name or not value or len(value) > CHOICE_MAX or value in seen:
            continue
        seen.add(value)
        out.append(app_commands.Choice(name=name, value=value))
        if len(out) == CHOICES_MAX:
            break
    return out


def _matches(current: str, *texts: str) -> bool:
    wanted = valid_text(current).casefold().strip()
    return not wanted or any(wanted in text.casefold() for text in texts)


class Answers(commands.Cog):
    """The answer commands."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot
        self.completions = Completions()

    async def cog_unload(self) -> None:
        """Stop the autocomplete threads."""
        self.completions.close()

    def _query(
        self, command: Command, text: str, article: str | None, speaker: str | None = None
    ) -> Query:
        """The query as typed, made valid at the boundary; a chosen article id as it really is."""
        ids = (a.id for a in self.bot.library.searcher.articles())
        return Query(
            command,
            valid_text(text),
            article=same_choice(valid_option(article), ids),
            speaker=valid_option(speaker),
        )

    async def _answer(self, interaction: discord.Interaction[Any], query: Query) -> None:
        """Search, answer once (deferring if slow), then record the query (and a miss)."""
        ephemeral = not self.bot.public_answers
        answer = await search_in_time(
            interaction, self.bot.library.searcher, query, ephemeral=ephemeral
        )
        key = self.bot.recorder.remember(query)  # written after the reply, never before
        embed, view = render(answer, key, interaction.user.id)
        await deliver(interaction, embed=embed, view=view, ephemeral=ephemeral)
        self.bot.library.answered()
        asker = Asker(
            at=interaction.created_at.isoformat(),
            user_id=interaction.user.id,
            guild_id=interaction.guild_id,
        )
        self.bot.recorder.later(
            "record a miss", note_miss(self.bot.interactions, query, answer, asker)
        )

    @app_commands.command(name="fact", description="Find the exact passage that states a fact")
    @app_commands.describe(
        query="What you want to know, e.g. how many soldiers in NATO Mission Iraq",
        article="Only search this article",
    )
    @app_commands.check(_cooldown)
    async def fact(
        self,
        interaction: discord.Interaction[Any],
        query: app_commands.Range[str, 1, QUERY_MAX],
        article: str | None = None,
    ) -> None:
        """Answer /fact with the best passage, its section, article and sources."""
        await self._answer(interaction, self._query("fact", query, article))

    @app_commands.command(name="quote", description="Find a quotation and who said it")
    @app_commands.describe(
        query="What the quotation is about, e.g. foreign deployments (or leave it out)",
        speaker="Only quotations by this person (or leave it out)",
        article="Only search this article",
    )
    @app_commands.check(_cooldown)
    async def quote(
        self,
        interaction: discord.Interaction[Any],
        query: app_commands.Range[str, 1, QUERY_MAX] | None = None,
        speaker: app_commands.Range[str, 1, QUERY_MAX] | None = None,
        article: str | None = None,
    ) -> None:
        """Answer /quote with the best quotation, its speaker and sources.

        Both the query and the speaker are optional, so either may be given first; with one
        of them missing, the other is all there is to search for.
        """
        built = self._query("quote", query or "", article, speaker)
        if not built.text.strip() and built.speaker is None:
            await send_private(interaction, QUOTE_NEEDS)
            return
        await self._answer(interaction, built)

    async def _complete_query(
        self, command: Command, current: str
    ) -> list[app_commands.Choice[str]]:
        searcher = self.bot.library.searcher  # one searcher for the whole lookup

        def lookup() -> list[app_commands.Choice[str]]:
            found = searcher.autocomplete(command, valid_text(current), limit=CHOICES_MAX)
            return choices([(text, text) for text in found])

        found = await self.completions.run(lookup)
        asyncio.get_running_loop().call_soon(self.bot.library.answered)  # once they are sent
        return found

    @fact.autocomplete("query")
    async def fact_query(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Queries that lead to real passages."""
        return await self._complete_query("fact", current)

    @quote.autocomplete("query")
    async def quote_query(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Queries that lead to real quotations."""
        return await self._complete_query("quote", current)

    @fact.autocomplete("article")
    @quote.autocomplete("article")
    async def article_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Articles whose id or title contains what was typed."""
        searcher = self.bot.library.searcher

        def lookup() -> list[app_commands.Choice[str]]:
            articles = searcher.articles()
            return choices([(a.title, a.id) for a in articles if _matches(current, a.id, a.title)])

        return await self.completions.run(lookup)

    @quote.autocomplete("speaker")
    async def speaker_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Speakers whose name contains what was typed."""
        searcher = self.bot.library.searcher

        def lookup() -> list[app_commands.Choice[str]]:
            return choices([(s, s) for s in searcher.speakers() if _matches(current, s)])

        return await self.completions.run(lookup)


async def setup(bot: FactBot) -> None:
    """Add the answer commands and register the answer buttons (they survive restarts)."""
    bot.add_dynamic_items(AnswerButton)
    await bot.add_cog(Answers(bot))


async def teardown(bot: FactBot) -> None:
    """Unregister the answer buttons."""
    bot.remove_dynamic_items(AnswerButton)
