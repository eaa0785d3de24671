"""Search over the index: facts, quotes and autocomplete, answered with the response model."""

from bot.core.search.engine import Searcher

__all__ = ["Searcher"]
