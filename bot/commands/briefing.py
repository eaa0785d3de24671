"""The `briefing` command: print a guild's daily briefing for a date, for review, without posting.

It loads the corpus (building the index from the seeds when missing), reads the guild's rotation
from the state DB when that file exists, and prints what the bot would post (or, for a day
already claimed, what it recorded). This is where "today" is read from the clock. It never posts,
never writes a claim or usage row, and never creates the state file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.commands.contract import (
    EXIT_OK,
    CliCommand,
    UsageError,
    add_index_arguments,
    index_settings,
)
from bot.core.briefing import candidates
from bot.core.briefing_text import render_plain, render_text, to_json
from bot.settings import Settings
from bot.store.index_db import IndexMissingError
from bot.usecases.briefing import Review, review_briefing
from bot.usecases.indexing import load_or_build_corpus


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--guild", type=int, default=None, help="guild id (default: the dev guild, or 0)"
    )
    parser.add_argument(
        "--date",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="local date of the briefing (default: today in the guild's time zone)",
    )
    parser.add_argument("--facts", type=int, default=None, help="number of facts (1-10)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--discord", action="store_true", help="print the exact Discord message text"
    )
    add_index_arguments(parser)
    parser.add_argument(
        "--state", type=Path, default=None, help="state DB to read the rotation from"
    )


def review_info(review: Review) -> dict[str, object]:
    """What the review adds to the briefing: the time zone, the record or the rotation."""
    if review.fresh_state:
        return {"state": "no state DB: rotation starts fresh"}
    info: dict[str, object] = {"timezone": review.timezone}
    if review.post is not None:
        shown = len(review.briefing.items)
        info["recorded"] = (
            f"{review.post.state}, {shown} items ({review.missing} gone since a reindex)"
        )
    else:
        info["rotation"] = {
            s.pool: {"total": s.total, "left": s.remaining, "cycle": s.cycle}
            for s in review.rotation
        }
    return info


def briefing_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the briefing as text, as the Discord message, or as JSON."""
    if args.facts is not None and not 1 <= args.facts <= 10:
        raise UsageError("--facts must be between 1 and 10")
    guild_id: int = args.guild if args.guild is not None else settings.discord.dev_guild_id or 0
    if args.state is not None:
        settings = settings.model_copy(update={"state_path": args.state})
    settings, build = index_settings(args, settings)
    try:
        corpus = asyncio.run(load_or_build_corpus(settings, build_if_missing=build))
    except IndexMissingError as exc:
        raise UsageError(f"{exc}, or add --build") from exc
    cands = candidates(corpus)
    review = asyncio.run(
        review_briefing(settings, cands, guild_id, args.date, args.facts, now=datetime.now(UTC))
    )
    briefing, post, info = review.briefing, review.post, review_info(review)
    if args.json:
        data = to_json(briefing, limit=settings.briefing.message_limit)
        data["review"] = info
        if post is not None:
            data["posted"] = {
                "state": post.state,
                "channel_id": post.channel_id,
                "message_id": post.message_id,
                "late": post.late,
            }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.discord:
        print(render_text(briefing, limit=settings.briefing.message_limit))
    else:
        print(render_plain(briefing))
        if post is not None:
            print(f"\n(already {post.state} in channel {post.channel_id}: {info['recorded']})")
    return EXIT_OK


BRIEFING = CliCommand(
    "briefing",
    "Print a guild's daily briefing for a date (never posts).",
    _arguments,
    briefing_command,
)
