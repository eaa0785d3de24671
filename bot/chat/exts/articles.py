"""/articles: every article in the index with title, authors, date and counts, a page at a time.

The ◀ / ▶ buttons are `ArticlesPage` items whose custom id holds only the page to show, so they
keep working after a restart and after a reindex (the page is re-read from the current index and
clamped). Wires the command to the searcher and the renderers only: it never builds embeds.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.answering import deliver
from bot.chat.client import FactBot
from bot.chat.embeds import articles_embed, articles_pages

TEMPLATE = r"fb:articles:(?P<page>\d{1,6})"


class ArticlesPage(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TEMPLATE):
    """A button that shows page `page` of the article list in place of the current one."""

    def __init__(
        self, page: int, *, label: str = "", emoji: str | None = None, disabled: bool = False
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label or None,
                emoji=emoji,
                style=discord.ButtonStyle.secondary,
                custom_id=f"fb:articles:{page}",
                disabled=disabled,
            )
        )
        self.page = page

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild the button from a pressed custom id (also after a restart)."""
        return cls(int(match["page"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Show this button's page on the message it is on."""
        bot: FactBot = interaction.client
        articles = bot.library.searcher.articles()
        page = max(1, min(self.page, articles_pages(len(articles))))
        await deliver(
            interaction,
            embed=articles_embed(articles, page),
            view=pages_view(page, articles_pages(len(articles))),
            update=True,
        )


def pages_view(page: int, pages: int) -> discord.ui.View:
    """◀ / ▶ under page `page` of `pages` (none when everything fits on one page)."""
    view = discord.ui.View(timeout=None)
    if pages > 1:
        # Page 0 and page pages + 1 only ever sit on disabled buttons (and would be clamped).
        view.add_item(ArticlesPage(page - 1, label="Previous", emoji="◀️", disabled=page <= 1))
        view.add_item(ArticlesPage(page + 1, label="Next", emoji="▶️", disabled=page >= pages))
    return view


class Articles(commands.Cog):
    """The article list."""

    def __init__(self, bot: FactBot) -> None:
        self.bot = bot

    @app_commands.command(name="articles", description="Every article I know, with its counts")
    @app_commands.describe(page="Which page of the list (eight articles a page)")
    async def articles(
        self,
        interaction: discord.Interaction[Any],
        page: app_commands.Range[int, 1, 100_000] = 1,
    ) -> None:
        """List the articles: title, authors, date, and sentences, quotes and notes."""
        articles = self.bot.library.searcher.articles()
        pages = articles_pages(len(articles))
        page = min(page, pages)
        await deliver(
            interaction,
            embed=articles_embed(articles, page),
            view=pages_view(page, pages),
            ephemeral=not self.bot.public_answers,
        )


async def setup(bot: FactBot) -> None:
    """Add /articles and register its page buttons (they survive restarts)."""
    bot.add_dynamic_items(ArticlesPage)
    await bot.add_cog(Articles(bot))


async def teardown(bot: FactBot) -> None:
    """Unregister the page buttons."""
    bot.remove_dynamic_items(ArticlesPage)
