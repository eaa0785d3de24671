"""The `misses` command: what users asked the bot that it could not answer, or disliked.

Reads the feedback tables of the state database and prints them, newest first, as text or JSON.
It never writes to the state database and never talks to Discord.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from bot.commands.contract import EXIT_NO_MATCH, CliCommand, bounded_int
from bot.settings import Settings
from bot.store.interactions import FeedbackRecord, InteractionStore


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--state", type=Path, default=None, help="state database to read (default: settings)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--limit", type=bounded_int(1, 10_000), default=100, help="at most this many of each kind"
    )


async def load_feedback(
    path: Path, limit: int
) -> tuple[list[FeedbackRecord], list[FeedbackRecord]]:
    """The recent misses and not-helpful votes from the state database at `path`."""
    async with InteractionStore(path) as store:
        return await store.misses(limit), await store.unhelpful(limit)


def format_record(record: FeedbackRecord) -> str:
    """One line of text for a miss or a not-helpful vote."""
    where = f" guild {record.guild_id}" if record.guild_id else ""
    who = f" user {record.user_id}" if record.user_id else ""
    hit = f" → {record.hit_id}" if record.hit_id else ""
    return f"{record.at}  /{record.command} {record.query!r}{hit}{who}{where}"


def misses(args: argparse.Namespace, settings: Settings) -> int:
    """Print the misses and not-helpful answers recorded in the state database."""
    path: Path = args.state or settings.state_path
    if not path.exists():
        print(f"No state database at {path}")
        return EXIT_NO_MATCH
    missed, unhelpful = asyncio.run(load_feedback(path, args.limit))
    if args.json:
        print(
            json.dumps(
                {
                    "misses": [r.to_dict() for r in missed],
                    "unhelpful": [r.to_dict() for r in unhelpful],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"Misses ({len(missed)}):")
    for record in missed:
        print("  " + format_record(record))
    print(f"Not helpful ({len(unhelpful)}):")
    for record in unhelpful:
        print("  " + format_record(record))
    return 0


MISSES = CliCommand(
    "misses", "List queries nothing matched and answers marked not helpful.", _arguments, misses
)
