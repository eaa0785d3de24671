"""CLI commands, one module per feature; importing a module registers its commands."""

from bot.commands import bench, briefing, chat, index, run, search  # noqa: F401
