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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.cli import command
from bot.core.briefing import (
    Briefing,
    Candidates,
    candidates,
    days_between,
    forecast,
    render_plain,
    render_text,
    rotation_status,
    to_json,
)
from bot.core.model import Corpus
from bot.core.schedule import local_date, zone
from bot.settings import Settings
from bot.store.briefings import BriefingStore, PostRecord
from bot.store.ensure import ensure_index
from bot.store.index_db import load_corpus


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
    parser.add_argument("--index", type=Path, default=None, help="index file (default: settings)")
    parser.add_argument(
        "--state", type=Path, default=None, help="state DB to read the rotation from"
    )


async def load_or_build_corpus(settings: Settings, index: Path) -> Corpus:
    """Load the index, building it from the seeds first when it is missing or outdated."""
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    await ensure_index(settings.seeds_dir, index, built_at=built_at)
    return await load_corpus(index)


async def review_briefing(
    settings: Settings,
    cands: Candidates,
    guild_id: int,
    day: date | None,
    facts: int | None,
    state: Path,
) -> tuple[Briefing, PostRecord | None, dict[str, object]]:
    """Pick the briefing the bot would post (or did post) for the guild on the day."""
    tz_name = settings.briefing.timezone
    n_facts = settings.briefing.facts
    now = datetime.now(UTC)
    if not state.exists():
        tz = zone(tz_name)
        day = day or local_date(now, tz)
        briefing = forecast(
            cands, {}, guild_id, day, facts=facts or n_facts, posting_days=_between(now, tz, day)
        )
        return briefing, None, {"state": "no state DB: rotation starts fresh"}
    async with BriefingStore(state) as store:
        config = await store.config(guild_id)
        if config is not None:
            tz_name, n_facts = config.timezone, config.facts
        tz = zone(tz_name)
        day = day or local_date(now, tz)
        post = await store.post(guild_id, day)
        usage = await store.usage(guild_id, before=day)
        recorded = await store.usage_rows(guild_id, day)
        latest = await store.latest_claim(guild_id)
        full_usage = await store.usage(guild_id)
    info: dict[str, object] = {"timezone": tz_name}
    if post is not None and recorded:
        items = tuple(cands.by_key[r.key] for r in recorded if r.key in cands.by_key)
        missing = len(recorded) - len(items)
        info["recorded"] = f"{post.state}, {len(items)} items ({missing} gone since a reindex)"
        return Briefing(guild_id, day, items, tuple(recorded), post.late), post, info
    start = local_date(now, tz)
    if latest is not None and latest.day >= start:
        start = latest.day + timedelta(days=1)
    briefing = forecast(
        cands,
        usage,
        guild_id,
        day,
        facts=facts or n_facts,
        posting_days=days_between(start, day) if start < day else (),
    )
    info["rotation"] = {
        s.pool: {"total": s.total, "left": s.remaining, "cycle": s.cycle}
        for s in rotation_status(cands, full_usage)
    }
    return briefing, None, info


async def preview_tomorrow(settings: Settings, corpus: Corpus, guild_id: int = 0) -> str:
    """Tomorrow's briefing for a guild as plain text, as `/briefing preview` shows it."""
    tomorrow = local_date(datetime.now(UTC), zone(settings.briefing.timezone)) + timedelta(days=1)
    briefing, _, _ = await review_briefing(
        settings, candidates(corpus), guild_id, tomorrow, None, settings.state_path
    )
    return render_plain(briefing)


def _between(now: datetime, tz: ZoneInfo, day: date) -> list[date]:
    """Return the days from today up to `day` whose briefings would go out first."""
    today = local_date(now, tz)
    return days_between(today, day) if today < day else []


@command("briefing", "Print a guild's daily briefing for a date (never posts).", _arguments)
def briefing_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the briefing as text, as the Discord message, or as JSON."""
    if args.facts is not None and not 1 <= args.facts <= 10:
        print("error: --facts must be between 1 and 10", file=sys.stderr)
        return 2
    guild_id: int = args.guild if args.guild is not None else settings.discord.dev_guild_id or 0
    index: Path = args.index or settings.index_path
    state: Path = args.state or settings.state_path
    try:
        corpus = asyncio.run(load_or_build_corpus(settings, index))
    except OSError as exc:
        print(f"error: cannot read or build the index {index}: {exc}", file=sys.stderr)
        return 1
    cands = candidates(corpus)
    briefing, post, info = asyncio.run(
        review_briefing(settings, cands, guild_id, args.date, args.facts, state)
    )
    if args.json:
        data = to_json(briefing)
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
        print(render_text(briefing))
    else:
        print(render_plain(briefing))
        if post is not None:
            print(f"\n(already {post.state} in channel {post.channel_id}: {info['recorded']})")
    return 0
