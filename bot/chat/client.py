"""The Discord client: `FactBot`, built from its dependencies, loading one extension per feature.

`FactBot(settings=..., library=..., interactions=..., briefing_clock=...)` takes all it uses
in its constructor (after discord.py's `examples/advanced_startup.py`); every extension's
`setup(bot: FactBot)` reads its dependencies from those attributes, and nothing else. It
asks for no privileged intent, allows no mention anywhere (`AllowedMentions.none()`), loads
every module of `bot.chat.exts` (found with pkgutil, so features are added by dropping a module
there), and syncs the command tree to the
dev guild when one is configured, globally otherwise, and only when the commands changed since
the last sync (a hash of the tree's JSON is kept in the state database).

This module must never read settings from the environment, never search or render, and never
print or log the token.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pkgutil
from collections.abc import Sequence
from typing import Any

import discord
from discord.ext import commands

import bot.chat.exts
from bot.chat.clock import Clock, SystemClock
from bot.chat.errors import Cooldowns, FactTree
from bot.chat.state_writes import Recorder
from bot.search_slots import SearchSlots
from bot.settings import Settings
from bot.store.interactions import InteractionStore
from bot.store.recovery import open_state_recovering
from bot.store.state_db import STATE_ERRORS
from bot.usecases.indexing import LiveIndex

log = logging.getLogger(__name__)

EXTENSIONS_PACKAGE = bot.chat.exts.__name__
CLOSE_DRAIN_SECONDS = 5.0


def discover_extensions() -> tuple[str, ...]:
    """Every extension module of `bot.chat.exts`, sorted, skipping names starting with "_"."""
    return tuple(
        sorted(
            f"{EXTENSIONS_PACKAGE}.{module.name}"
            for module in pkgutil.iter_modules(bot.chat.exts.__path__)
            if not module.name.startswith("_")
        )
    )


def intents() -> discord.Intents:
    """The gateway intents Factbot needs: guilds only, nothing privileged."""
    return discord.Intents(guilds=True)


class FactBot(commands.Bot):
    """Factbot's Discord client.

    `library` is the live index every answer reads. `interactions` (the state database's feedback
    tables) is opened in `setup_hook` and, when the bot created it (none passed), closed in
    `close`. `briefing_clock` is what the briefing scheduler reads and sleeps on (the system
    clock by default). `extensions` overrides discovery (tests use it to load a subset). Extra
    keyword `options` go to `discord.Client` (e.g. `guild_ready_timeout`).
    """

    def __init__(
        self,
        *,
        settings: Settings,
        library: LiveIndex,
        interactions: InteractionStore | None = None,
        briefing_clock: Clock | None = None,
        extensions: Sequence[str] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=FactTree,
            help_command=None,
            **options,
        )
        self.settings = settings
        self.library = library
        self._owns_interactions = interactions is None
        self.interactions = (
            interactions if interactions is not None else InteractionStore(settings.state_path)
        )
        self.briefing_clock: Clock = briefing_clock or SystemClock()
        self.cooldowns = Cooldowns(
            settings.discord.cooldown_uses, settings.discord.cooldown_seconds
        )
        self.press_cooldowns = Cooldowns(  # buttons: limited like commands, counted apart
            settings.discord.cooldown_uses * 3, settings.discord.cooldown_seconds
        )
        self.recorder = Recorder(self.interactions)
        self.search_slots = SearchSlots(
            settings.discord.search_workers, settings.discord.search_queue
        )
        self.extension_names = (
            tuple(extensions) if extensions is not None else discover_extensions()
        )
        self.synced: bool | None = None  # whether the last setup pushed commands to Discord

    @property
    def public_answers(self) -> bool:
        """Whether answers are visible to the channel (else only to the asker)."""
        return self.settings.discord.public_answers

    async def setup_hook(self) -> None:
        """Open the state database, load every extension, sync commands if they changed."""
        await open_state_recovering(self.interactions)
        for name in self.extension_names:
            await self.load_extension(name)
            log.info("loaded extension %s", name)
        self.synced = await self.sync_commands()

    def command_payload(self, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
        """The JSON Discord would receive for the commands of `guild` (or the global ones)."""
        return [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]

    async def sync_commands(self, *, force: bool = False) -> bool:
        """Sync the tree to the dev guild (or globally) unless it is unchanged since last time.

        Returns whether anything was sent to Discord.
        """
        guild_id = self.settings.discord.dev_guild_id
        guild = discord.Object(id=guild_id) if guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        payload = self.command_payload(guild)
        digest = hashlib.sha256(
            json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        target = f"guild:{guild_id}" if guild_id else "global"
        key = f"command-hash:{self.application_id}:{target}"
        if not force and await self.interactions.get_value(key) == digest:
            log.info("commands unchanged since the last sync (%s); not syncing", target)
            return False
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as exc:
            # The bot still answers with the commands Discord already has; try again next start.
            log.error("could not sync commands (%s): %s %s", target, exc.status, exc.text)
            return False
        try:
            await self.interactions.set_value(key, digest)
        except STATE_ERRORS as exc:  # only costs a needless sync at the next start
            log.warning("could not keep the command hash in the state database: %s", exc)
        log.info("synced %d commands (%s)", len(synced), target)
        return True

    async def close(self) -> None:
        """Disconnect, then close the state database if the bot opened it itself."""
        try:
            await super().close()
        finally:
            await self.recorder.drain(timeout=CLOSE_DRAIN_SECONDS)
            self.search_slots.close()
            if self._owns_interactions:
                await self.interactions.close()
