"""One error path for the Discord layer: domain errors become short private messages.

`FactTree.on_error` maps the errors users can cause (cooldowns, failed checks, bad option
values, an index that is not loaded) to one ephemeral sentence each and logs everything else
with its traceback. `Cooldowns` is the per-user rate limit the answer commands share.

This module must never show a traceback or internal detail to a user, and must never answer an
interaction twice: it follows up when the interaction was already answered.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

import discord
from discord import app_commands

from bot.search_slots import Busy

log = logging.getLogger(__name__)

GENERIC_ERROR = "Something went wrong on my side. Please try again in a moment."
BUSY = "I'm answering a lot of questions right now. Please ask again in a few seconds."


class FactbotError(app_commands.AppCommandError):
    """An error whose message is safe and useful to show the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class OnCooldown(app_commands.CheckFailure):
    """The user asked too often; `retry_after` seconds until the next question is allowed."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"on cooldown for {retry_after:.1f}s")
        self.retry_after = retry_after


class Cooldowns:
    """At most `uses` questions per user in any `seconds`-long window (a sliding log).

    `clock` is injectable for tests; it defaults to `time.monotonic`.
    """

    def __init__(
        self, uses: int, seconds: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.uses = uses
        self.seconds = seconds
        self._clock = clock
        self._log: dict[int, deque[float]] = {}

    def hit(self, user_id: int) -> float:
        """Count one use by `user_id`; return 0 when allowed, else seconds until it would be."""
        now = self._clock()
        uses = self._log.setdefault(user_id, deque())
        while uses and now - uses[0] >= self.seconds:
            uses.popleft()
        if len(uses) >= self.uses:
            return max(self.seconds - (now - uses[0]), 0.1)
        uses.append(now)
        return 0.0

    def check(self, interaction: discord.Interaction) -> bool:
        """An app-command check: raise `OnCooldown` when the user is over the limit."""
        retry_after = self.hit(interaction.user.id)
        if retry_after:
            raise OnCooldown(retry_after)
        return True


def user_message(error: app_commands.AppCommandError) -> str | None:
    """The short message for an error a user caused, or None for a bug to log."""
    original = error.__cause__ if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, FactbotError):
        return original.user_message
    if isinstance(original, Busy):
        return BUSY
    if isinstance(error, OnCooldown):
        return (
            f"Easy there! You can ask again in {error.retry_after:.0f} s "
            f"(I answer a few questions per person at a time)."
        )
    if isinstance(error, app_commands.TransformerError):
        return "I couldn't read one of the options you gave. Please check it and try again."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    if isinstance(error, app_commands.CommandNotFound):
        return "I don't know that command any more; it may have just been updated."
    return None


async def send_private(interaction: discord.Interaction, text: str) -> None:
    """Send `text` only to the user, whether or not the interaction was answered already.

    A pending "thinking…" response (which may be public) is deleted first, so it never hangs
    forever; after any response the message is a private follow-up.
    """
    response = interaction.response
    try:
        if not response.is_done():
            await response.send_message(text, ephemeral=True)
            return
        if response.type is discord.InteractionResponseType.deferred_channel_message:
            await interaction.delete_original_response()
        await interaction.followup.send(text, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell user %s: %s", interaction.user.id, text, exc_info=True)


class FactTree(app_commands.CommandTree[discord.Client]):
    """The command tree with Factbot's one error handler."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        """Tell the user what went wrong in one short private sentence; log real bugs."""
        message = user_message(error)
        if message is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error(
                "command /%s failed for user %s in guild %s",
                command,
                interaction.user.id,
                interaction.guild_id,
                exc_info=error,
            )
            message = GENERIC_ERROR
        await send_private(interaction, message)
