"""Discord features, one extension module each (`async def setup(bot)`), found by pkgutil.

Drop a module here and `FactBot` loads it; modules whose names start with "_" are helpers and
are not loaded. An extension must never reach into another extension's internals.
"""
