"""What every CLI command shares: its shape, the exit codes, and the arguments several take.

The exit codes are `bot.exit_codes` (documented in the README): 0 done or matched, 1 nothing
matched, 2 bad usage or input, 3 could not finish. This module imports no command and no front
end, so commands never import each other or `cli`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from bot import exit_codes
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.core.search import Searcher

EXIT_OK = exit_codes.OK
EXIT_NO_MATCH = exit_codes.NO_MATCH
EXIT_USAGE = exit_codes.USAGE
EXIT_FAILED = exit_codes.FAILED

Handler = Callable[[argparse.Namespace, Settings], int]


class UsageError(Exception):
    """Bad usage or input the user can fix; its message is printed as one line (exit 2)."""


@dataclass(frozen=True, slots=True)
class CliCommand:
    """One command of `python -m bot`: its name, its help, its arguments and its handler."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer from `low` to `high`; anything else is a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return value

    return parse


def add_index_arguments(parser: argparse.ArgumentParser) -> None:
    """`--index FILE` and `--build`, for every command that reads the index."""
    parser.add_argument(
        "--index",
        type=Path,
        help="index file (default from the settings; built from the seeds when missing)",
    )
    parser.add_argument(
        "--build",
        action="store_true",
        help="build the --index file from the seeds when it is missing (else that is an error)",
    )


def index_settings(args: argparse.Namespace, settings: Settings) -> tuple[Settings, bool]:
    """The settings with the chosen index, and whether a missing index may be built.

    The configured index is built when missing; an index named with `--index` only with
    `--build`, so a mistyped path is an error rather than a new index somewhere unexpected.
    """
    if args.index is None:
        return settings, True
    return settings.model_copy(update={"index_path": args.index}), bool(args.build)


def open_searcher(args: argparse.Namespace, settings: Settings) -> Searcher:
    """The searcher over the chosen index (see `index_settings` for when it is built)."""
    import asyncio

    from bot.store.index_db import IndexMissingError
    from bot.usecases.indexing import LiveIndex

    settings, build = index_settings(args, settings)
    live = LiveIndex(settings)
    try:
        asyncio.run(live.open(build_if_missing=build))
    except IndexMissingError as exc:
        raise UsageError(f"{exc}, or add --build") from exc
    return live.searcher


SEED_NAME: Final = "lamberty-2024-nato-mission-iraq.txt"
"""The bundled seed article (the benchmarks' corpora are made from it)."""


def positive_list(what: str, example: str) -> Callable[[str], list[int]]:
    """An argparse type for a comma-separated list of positive integers ("1,100,1000")."""

    def parse(text: str) -> list[int]:
        try:
            values = [int(part) for part in text.split(",") if part.strip()]
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{what} must be integers: {text!r}") from exc
        if not values or any(value < 1 for value in values):
            raise argparse.ArgumentTypeError(f"{what} must be positive, e.g. {example}")
        return values

    return parse
