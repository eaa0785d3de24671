"""CLI commands, one module per feature; importing a module registers its commands."""

from bot.commands import bench, index, run, search  # noqa: F401
