"""The pure core: ingest, index model, search, briefing selection and the response model.

Nothing under `bot.core` imports discord or aiosqlite, reads a clock, or talks to a network.
"""
