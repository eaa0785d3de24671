"""CLI commands, one module per feature, each a `CliCommand`; `bot.cli.commands` lists them.

`contract` holds what they share (the command shape, exit codes, common arguments); no command
imports another command, `bot.cli` or the console (only `run` starts the console).
"""
