"""The `index` and `export` commands: build the index file from the seeds, print it as JSON.

Each command takes its paths from the arguments or the settings, calls the ingest, store and
export functions, and prints what they return. This is where the build stamp is read from the
clock. It never holds SQL or parsing logic of its own and never touches Discord.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from bot.commands.contract import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliCommand,
    add_index_arguments,
    index_settings,
)
from bot.core.export import export_json_chunks
from bot.core.model import IngestIssue
from bot.settings import Settings
from bot.store.index_db import BuildSummary, IndexMissingError, load_corpus
from bot.usecases.indexing import (
    NothingToBuildError,
    SeedsMissingError,
    build_from_seeds,
    ensure_index,
)


def build_stamp() -> str:
    """Return the current UTC time as the ISO string stored as an index's `built_at`."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def format_issue(issue: IngestIssue) -> str:
    """Render an ingest issue as `file:line: message` (errors say so)."""
    where = f"{issue.file}:{issue.line}" if issue.line else issue.file
    level = "error: " if issue.level == "error" else ""
    return f"{where}: {level}{issue.message}"


def format_summary(summary: BuildSummary, total_seconds: float | None = None) -> list[str]:
    """Render a build summary as the lines `index` prints.

    `total_seconds`, when given, is the whole run (reading the seeds included); the summary's
    own `seconds` is the time spent writing the index.
    """
    rows = [
        ("articles", summary.articles),
        ("sentences", summary.sentences),
        ("notes", summary.notes),
        ("quotes", summary.quotes),
        ("figures", summary.figures),
        ("glossary entries", summary.glossary),
        ("warnings", len(summary.issues)),
    ]
    if total_seconds is None:
        took = f"{summary.seconds:.2f} s"
    else:
        took = f"{total_seconds:.2f} s (writing the index: {summary.seconds:.2f} s)"
    lines = [f"Built {summary.path} in {took}"]
    lines += [f"  {label:<17}{count:>7}" for label, count in rows]
    if summary.carried:
        lines.append(f"  ({summary.carried} unchanged seed files carried over, not read again)")
    lines += [format_issue(issue) for issue in summary.issues]
    return lines


def _index_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seeds", type=Path, default=None, help="folder of seed articles (default: settings)"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="index file to write (default: settings)"
    )


def index_command(args: argparse.Namespace, settings: Settings) -> int:
    """Build the index and print what it holds; non-zero when nothing could be built."""
    seeds: Path = args.seeds or settings.seeds_dir
    out: Path = args.out or settings.index_path
    started = time.perf_counter()
    try:
        summary = asyncio.run(
            build_from_seeds(seeds, out, built_at=build_stamp(), budget=settings.ingest.budget())
        )
    except NothingToBuildError as exc:
        for issue in exc.issues:
            print(format_issue(issue), file=sys.stderr)
        print(f"error: {exc}; {out} was not changed", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: cannot write the index {out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print("\n".join(format_summary(summary, time.perf_counter() - started)))
    return EXIT_OK


def export_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print every article of the index as JSON on stdout."""
    settings, build = index_settings(args, settings)
    path = settings.index_path
    try:
        chunks = asyncio.run(_export_chunks(settings.seeds_dir, path, build=build))
    except (SeedsMissingError, NothingToBuildError) as exc:
        print(f"error: index {path} is missing or outdated, and {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: cannot read or build the index {path}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.write("\n")
    return EXIT_OK


async def _export_chunks(seeds: Path, path: Path, *, build: bool) -> Iterator[str]:
    """Load the index at `path` (building it from `seeds` first if needed); yield its JSON.

    Returns a generator rather than the `Corpus`: on CPython 3.11 `asyncio.run` may `repr()` its
    task's result on the way out (in its SIGINT bookkeeping), and the full repr of a large
    corpus costs seconds and hundreds of MB.
    """
    if not build and not path.exists():
        raise IndexMissingError(
            f"no index at {path}; build it with `python -m bot index --out {path}`, or add --build"
        )
    built = await ensure_index(seeds, path, built_at=build_stamp())
    if built is not None:
        print(
            f"index {path} was missing or outdated; built it from {seeds}: "
            f"{built.articles} articles, {len(built.issues)} warnings, {built.seconds:.2f} s",
            file=sys.stderr,
        )
    return export_json_chunks(await load_corpus(path))


INDEX = CliCommand(
    "index", "Build the index file from the seed articles.", _index_arguments, index_command
)
EXPORT = CliCommand(
    "export",
    "Print the whole index as JSON (building the configured one first if missing).",
    add_index_arguments,
    export_command,
)
