"""Running a search for an interaction and delivering the result, exactly once, in time.

Discord wants an initial response within 3 seconds. The search runs in a worker thread; when it
has not finished after `DEFER_AFTER` seconds the interaction is deferred first and the result is
delivered by editing the deferred response. Either way the interaction is answered once.

This module must never render embeds itself, never read settings, and never swallow errors (the
tree's error handler deals with them).
"""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.core.answers import Answer, Query
from bot.core.asking import DEFAULT_LIMIT, ask
from bot.core.search import Searcher
from bot.search_slots import SearchSlots

RESULTS = DEFAULT_LIMIT
DEFER_AFTER = 1.5


def run_search(searcher: Searcher, query: Query) -> Answer:
    """Answer one query with the shared use case (blocking; call it from a worker thread)."""
    return ask(searcher, query, limit=RESULTS)


async def search_in_time(
    interaction: discord.Interaction,
    searcher: Searcher,
    query: Query,
    *,
    ephemeral: bool,
    update: bool = False,
    defer_after: float | None = None,
) -> Answer:
    """Search, deferring the interaction first if the search outlasts `defer_after` seconds.

    `update` defers as "update the message the button is on" rather than "thinking…".
    """
    wait = DEFER_AFTER if defer_after is None else defer_after
    slots = getattr(interaction.client, "search_slots", None)
    if isinstance(slots, SearchSlots):  # bounded, so the event loop keeps its share of the GIL
        task = asyncio.ensure_future(slots.run(run_search, searcher, query))
    else:
        task = asyncio.ensure_future(asyncio.to_thread(run_search, searcher, query))
    done, _ = await asyncio.wait({task}, timeout=wait)
    if not done and not interaction.response.is_done():
        if update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    return await task


async def deliver(
    interaction: discord.Interaction,
    *,
    embed: discord.Embed,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
    update: bool = False,
) -> None:
    """Answer the interaction with this embed and view, or edit the deferred answer.

    `update` replaces the message the pressed button is on instead of sending a new one.
    """
    kwargs: dict[str, Any] = {"embed": embed}
    if view is not None and view.children:
        kwargs["view"] = view
    elif update:
        kwargs["view"] = None
    if interaction.response.is_done():
        await interaction.edit_original_response(**kwargs)
    elif update:
        await interaction.response.edit_message(**kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
