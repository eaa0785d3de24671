"""The command line: `python -m bot COMMAND` (or `factbot COMMAND`).

One function per command; each builds what it needs from the settings, calls the core or the
store, and prints what they return. Commands register themselves in `COMMANDS` via `command`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.settings import Settings

Handler = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def command(
    name: str, help_text: str, add_arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Handler], Handler]:
    """Register a CLI command with its help text and argument builder."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = (help_text, add_arguments, handler)
        return handler

    return register


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered command."""
    _load_commands()
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="Factbot: cited answers from your team's articles, in Discord or a console.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, add_arguments, _) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(sub_parser)
    return parser


def _load_commands() -> None:
    """Import the modules that register commands (kept lazy so `--help` stays fast)."""
    import bot.commands  # noqa: F401  (registers on import)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _valid_strings(args)
    settings = Settings()
    _, _, handler = COMMANDS[args.command]
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except _user_errors() as exc:
        # One error path: what the user can fix is one line, never a traceback.
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _valid_strings(args: argparse.Namespace) -> None:
    """Make every text argument valid Unicode at the boundary (paths are left as they are)."""
    from bot.core.text_input import valid_text

    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, valid_text(value))


def _user_errors() -> tuple[type[Exception], ...]:
    """The domain errors a command may end with that the user can act on."""
    from bot.core.schedule import ScheduleError
    from bot.library import ReindexError
    from bot.store.feedback import FeedbackSchemaError
    from bot.store.index_db import IndexStoreError

    return (IndexStoreError, ReindexError, ScheduleError, FeedbackSchemaError, OSError)
