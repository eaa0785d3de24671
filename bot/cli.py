"""The command line: `python -m bot COMMAND` (or `factbot COMMAND`).

`commands()` is the explicit list of commands, in the order `--help` shows them; each lives in
`bot/commands/<feature>.py` as a `CliCommand`. Every command exits by one convention
(`bot.commands.contract`): 0 done or matched, 1 nothing matched, 2 bad usage or input, 3 could
not finish. What the user can fix is printed as one `error:` line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot.commands.contract import EXIT_FAILED, EXIT_USAGE, CliCommand, UsageError
from bot.settings import Settings


def commands() -> tuple[CliCommand, ...]:
    """Every command, in the order `--help` lists them."""
    from bot.commands import articles, bench, briefing, index, misses, run, search, users_bench

    return (
        run.RUN,
        index.INDEX,
        index.EXPORT,
        search.FACT,
        search.QUOTE,
        search.SEARCH,
        search.EVAL,
        articles.ARTICLES,
        briefing.BRIEFING,
        misses.MISSES,
        bench.BENCH,
        users_bench.USERS_BENCH,
    )


def build_parser(available: Sequence[CliCommand] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="Factbot: cited answers from your team's articles, in Discord or a console.",
        epilog="Exit codes: 0 done (a search matched), 1 nothing matched, "
        "2 bad usage or input, 3 could not finish.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for entry in available if available is not None else commands():
        sub_parser = sub.add_parser(entry.name, help=entry.help, description=entry.help)
        entry.add_arguments(sub_parser)
        sub_parser.set_defaults(handler=entry.run)
    return parser


def _valid_strings(args: argparse.Namespace) -> None:
    """Make every text argument valid Unicode at the boundary (paths are left as they are)."""
    from bot.core.text_input import valid_text

    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, valid_text(value))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    args = build_parser().parse_args(argv)
    _valid_strings(args)
    try:
        settings = Settings()
    except ValidationError as exc:  # a bad FACTBOT_* variable or .env line
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        print(f"error: bad settings: {problems}", file=sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except _input_errors() as exc:
        # One error path: what the user can fix is one line, never a traceback.
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except _failures() as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return code


def _input_errors() -> tuple[type[Exception], ...]:
    """Errors that mean bad usage or input: an option, a file or an index path to fix."""
    from bot.core.schedule import ScheduleError
    from bot.store.index_db import IndexStoreError

    return (UsageError, IndexStoreError, ScheduleError)


def _failures() -> tuple[type[Exception], ...]:
    """Errors that mean the command could not finish (a disk, a build, a state database)."""
    from bot.store.interactions import InteractionSchemaError
    from bot.usecases.indexing import ReindexError

    return (ReindexError, InteractionSchemaError, OSError)
