"""CLI commands, one module per feature; importing a module registers its commands.

The import order is the order `--help` lists them in.
"""

from bot.commands import run, index, search, briefing, chat, bench, users_bench  # noqa: F401, I001
