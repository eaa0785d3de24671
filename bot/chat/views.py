"""Buttons under answers: previous / next match, context, sources, feedback and suggestions.

Every button is an `AnswerButton`, a `discord.ui.DynamicItem` whose custom id carries everything
needed to act on a press after a restart: `fb:{action}:{f|q}:{query key}:{index}:{asker id}`
(at most ~50 characters). The query key is the short key under which the query itself is kept in
the state database and in memory (`Recorder.remember`); a press re-runs that search. Presses
are rate-limited per user like commands.

Only the asker can page or follow a suggestion (everyone else gets a short private note);
anyone can open context and sources or vote. This module must never trust the message's current
embed for state (only the custom id and the stored query) and never answer a press twice.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal, Self, cast

import discord

from bot.chat import embeds
from bot.chat.answering import deliver, search_in_time
from bot.chat.errors import BUSY, send_private
from bot.core.answers import Answer, Command, Query
from bot.core.passages import clip
from bot.search_slots import Busy

if TYPE_CHECKING:
    from bot.chat.client import FactBot

log = logging.getLogger(__name__)

Action = Literal["p", "n", "c", "s", "u", "d", "g"]
PREVIOUS, NEXT, CONTEXT, SOURCES, HELPFUL, UNHELPFUL, SUGGESTION = "p", "n", "c", "s", "u", "d", "g"
TEMPLATE = (
    r"fb:(?P<action>[pncsudg]):(?P<command>[fq]):(?P<key>[0-9a-f]{12}):"
    r"(?P<index>\d{1,3}):(?P<user>\d{1,20})"
)
ASKER_ONLY = frozenset({PREVIOUS, NEXT, SUGGESTION})
LABELS: dict[str, str] = {
    PREVIOUS: "Previous",
    NEXT: "Next",
    CONTEXT: "Context",
    SOURCES: "Sources",
    HELPFUL: "Helpful",
    UNHELPFUL: "Not helpful",
    SUGGESTION: "Suggestion",
}
EMOJI: dict[str, str] = {PREVIOUS: "◀️", NEXT: "▶️", HELPFUL: "👍", UNHELPFUL: "👎"}
LABEL_MAX = 80

NOT_YOURS = (
    "Only the person who asked can page through these results. Ask your own with /fact or /quote."
)
FORGOTTEN = "I no longer have that search. Please ask again."
CHANGED = "The sources changed since this answer; please ask again."
TOO_FAST = "Easy there! You're pressing buttons faster than I answer; try again in a few seconds."


def custom_id(action: str, command: Command, key: str, index: int, user_id: int) -> str:
    """The custom id of a button (≤ 100 characters for any valid input)."""
    return f"fb:{action}:{command[0]}:{key}:{index}:{user_id}"


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=TEMPLATE):
    """One button under an answer; its custom id is its whole state."""

    def __init__(
        self,
        action: str,
        command: Command,
        key: str,
        index: int,
        user_id: int,
        *,
        label: str | None = None,
        disabled: bool = False,
        row: int | None = None,
    ) -> None:
        style = (
            discord.ButtonStyle.primary if action == SUGGESTION else discord.ButtonStyle.secondary
        )
        super().__init__(
            discord.ui.Button(
                label=clip(label or LABELS[action], LABEL_MAX),
                style=style,
                custom_id=custom_id(action, command, key, index, user_id),
                disabled=disabled,
                emoji=EMOJI.get(action),
                row=row,
            )
        )
        self.action = action
        self.command: Command = command
        self.key = key
        self.index = index
        self.user_id = user_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild the button from a pressed custom id (also after a restart)."""
        command: Command = "fact" if match["command"] == "f" else "quote"
        return cls(match["action"], command, match["key"], int(match["index"]), int(match["user"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Act on a press; any failure becomes one short private message."""
        try:
            await self._act(interaction)
        except Busy:
            await send_private(interaction, BUSY)
        except Exception:
            log.exception("button %s failed for user %s", self.item.custom_id, interaction.user.id)
            await send_private(interaction, "Something went wrong on my side. Please try again.")

    async def _act(self, interaction: discord.Interaction[Any]) -> None:
        bot = cast("FactBot", interaction.client)
        if self.action in ASKER_ONLY and interaction.user.id != self.user_id:
            await send_private(interaction, NOT_YOURS)
            return
        if bot.press_cooldowns.hit(interaction.user.id):
            await send_private(interaction, TOO_FAST)
            return
        stored = await bot.recorder.recall(self.key)
        if stored is None:
            await send_private(interaction, FORGOTTEN)
            return
        searcher = bot.library.searcher
        update = self.action in ASKER_ONLY
        private = not update
        answer = await search_in_time(interaction, searcher, stored, ephemeral=True, update=update)
        asyncio.get_running_loop().call_soon(bot.library.answered)  # after the reply below
        if self.action == SUGGESTION:
            await self._follow_suggestion(interaction, bot, stored, answer)
            return
        if self.index >= len(answer.hits):
            await send_private(interaction, CHANGED)
            return
        if self.action in (PREVIOUS, NEXT):
            await deliver(
                interaction,
                embed=embeds.answer_embed(answer, self.index),
                view=answer_view(answer, self.index, self.key, self.user_id),
                update=True,
            )
        elif self.action == CONTEXT:
            await deliver(
                interaction, embed=embeds.context_embed(answer, self.index), ephemeral=private
            )
        elif self.action == SOURCES:
            await deliver(
                interaction, embed=embeds.sources_embed(answer, self.index), ephemeral=private
            )
        else:
            helpful = self.action == HELPFUL
            vote = bot.interactions.record_vote(
                query=stored.text,
                command=stored.command,
                hit_id=answer.hits[self.index].id,
                helpful=helpful,
                at=interaction.created_at.isoformat(),
                user_id=interaction.user.id,
                guild_id=interaction.guild_id,
            )
            bot.recorder.later("record a vote", vote)
            thanks = (
                "Thanks, glad it helped!" if helpful else "Thanks, I've noted that it didn't help."
            )
            await send_private(interaction, thanks)

    async def _follow_suggestion(
        self,
        interaction: discord.Interaction[Any],
        bot: FactBot,
        stored: Query,
        answer: Answer,
    ) -> None:
        if self.index >= len(answer.suggestions):
            await send_private(interaction, CHANGED)
            return
        follow = replace(stored, text=answer.suggestions[self.index])
        if answer.unquoted is not None:  # the suggestion is a quoted speaker: all their quotes
            follow = replace(follow, speaker=None)
        key = bot.recorder.remember(follow)
        new = await search_in_time(
            interaction, bot.library.searcher, follow, ephemeral=True, update=True
        )
        asyncio.get_running_loop().call_soon(bot.library.answered)
        embed, view = render(new, key, self.user_id)
        await deliver(interaction, embed=embed, view=view, update=True)


def answer_view(answer: Answer, index: int, key: str, user_id: int) -> discord.ui.View:
    """Buttons under hit `index` of a matched answer."""
    view = discord.ui.View(timeout=None)
    last = len(answer.hits) - 1
    command = answer.command
    view.add_item(
        AnswerButton(PREVIOUS, command, key, max(index - 1, 0), user_id, disabled=index <= 0, row=0)
    )
    view.add_item(
        AnswerButton(
            NEXT, command, key, min(index + 1, last), user_id, disabled=index >= last, row=0
        )
    )
    view.add_item(AnswerButton(CONTEXT, command, key, index, user_id, row=0))
    view.add_item(AnswerButton(SOURCES, command, key, index, user_id, row=0))
    view.add_item(AnswerButton(HELPFUL, command, key, index, user_id, row=1))
    view.add_item(AnswerButton(UNHELPFUL, command, key, index, user_id, row=1))
    return view


def suggestion_view(answer: Answer, key: str, user_id: int) -> discord.ui.View:
    """One button per suggestion (at most five) under a no-match answer."""
    view = discord.ui.View(timeout=None)
    for index, suggestion in enumerate(answer.suggestions[:5]):
        label = " ".join(suggestion.split()) or "…"
        view.add_item(
            AnswerButton(SUGGESTION, answer.command, key, index, user_id, label=label, row=0)
        )
    return view


def render(answer: Answer, key: str, user_id: int) -> tuple[discord.Embed, discord.ui.View]:
    """The embed and buttons for the first screen of an answer, matched or not."""
    if answer.matched:
        return embeds.answer_embed(answer, 0), answer_view(answer, 0, key, user_id)
    return embeds.no_match_embed(answer), suggestion_view(answer, key, user_id)
