"""`python -m bot run`: start the Discord bot when a token is set, the local console otherwise.

Both read the same index through `bot.usecases.indexing.LiveIndex`. This module only chooses
and starts one of them: it must never import discord at module level (the chat package is
imported lazily, and only when a token is set), never render answers itself and never print a
token. It is the one command that imports the console (to start it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from bot.commands.contract import EXIT_FAILED, EXIT_OK, CliCommand
from bot.log_redaction import install_redaction
from bot.settings import Settings

log = logging.getLogger(__name__)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--console",
        action="store_true",
        help="open the console even when a Discord token is set",
    )


def discord_token(settings: Settings) -> str | None:
    """Return the Discord token from the settings, or None when it is unset or blank."""
    secret = settings.discord.token
    if secret is None:
        return None
    token = secret.get_secret_value().strip()
    return token or None


def _configure_logging(settings: Settings, *, console: bool) -> None:
    """Log to stderr; the console stays quiet (warnings only) unless DEBUG is asked for."""
    level = logging.getLevelName(settings.log_level.upper())
    if not isinstance(level, int):
        level = logging.INFO
    if console and level > logging.DEBUG:
        level = max(level, logging.WARNING)
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    install_redaction()  # no interaction token or user's words in any log, even at DEBUG


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Discord bot when a token is set, else the console on the same index."""
    token = None if args.console else discord_token(settings)
    _configure_logging(settings, console=token is None)
    if token is None:
        from bot.console import serve

        return serve(settings)
    return asyncio.run(_run_discord(settings, token))


async def _run_discord(settings: Settings, token: str) -> int:
    """Open the index, then run the Discord client until it is closed."""
    from bot.usecases.indexing import LiveIndex

    try:
        from bot.chat.client import FactBot
    except ImportError as exc:
        print(f"The Discord client is not available: {exc}", file=sys.stderr)
        return EXIT_FAILED
    library = LiveIndex(settings)
    try:
        await library.open()
    except Exception as exc:
        log.debug("could not open the index", exc_info=True)
        print(f"Could not open the index at {settings.index_path}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    bot = FactBot(settings=settings, library=library)
    loop = asyncio.get_running_loop()
    closing: set[asyncio.Task[None]] = set()

    def stop() -> None:
        # `docker stop` sends SIGTERM: close the client (and its state database) cleanly.
        task = loop.create_task(bot.close())
        closing.add(task)
        task.add_done_callback(closing.discard)

    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals on this platform
        loop.add_signal_handler(signal.SIGTERM, stop)
    try:
        async with bot:
            await bot.start(token)
    except Exception as exc:  # a bad token or a lost gateway: one line, not a traceback
        log.debug("the Discord client stopped", exc_info=True)
        print(f"Discord: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGTERM)
    return EXIT_OK


RUN = CliCommand(
    "run", "Start the Discord bot, or the console when no token is set.", _arguments, run
)
