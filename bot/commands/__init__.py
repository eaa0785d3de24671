"""CLI commands, one module per feature; importing a module registers its commands."""

from bot.commands import index, search  # noqa: F401
