"""The use cases: what Factbot does, each written once, for Discord, the console and the CLI.

`asking` (answer a query, remember a miss), `indexing` (seeds → a live index: build, swap,
reload, reindex report) and `briefing` (a guild's briefing for a day, its preview and status).
They join the pure core to the store; they never import discord, never render and never print.
"""
