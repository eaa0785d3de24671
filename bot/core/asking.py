"""The one use case every front end shares: answer a `Query` from a searcher.

Discord, the console and the command line all build a `Query` and call `ask`; the fact/quote
dispatch is written here and nowhere else. Pure: no I/O, no clock, no rendering.
"""

from __future__ import annotations

from typing import Protocol

from bot.core.answers import Answer, Query

DEFAULT_LIMIT = 5
MAX_LIMIT = 25


class Searches(Protocol):
    """What `ask` needs of a searcher (`bot.core.search.Searcher` is one)."""

    def facts(self, query: str, *, limit: int = ..., article: str | None = ...) -> Answer:
        """Answer a /fact query."""
        ...

    def quotes(
        self,
        query: str,
        *,
        limit: int = ...,
        article: str | None = ...,
        speaker: str | None = ...,
    ) -> Answer:
        """Answer a /quote query."""
        ...


def ask(searcher: Searches, query: Query, *, limit: int = DEFAULT_LIMIT) -> Answer:
    """Answer `query` with at most `limit` hits (blocking; run it in a worker thread if slow)."""
    if query.command == "quote":
        return searcher.quotes(
            query.text, limit=limit, article=query.article, speaker=query.speaker
        )
    return searcher.facts(query.text, limit=limit, article=query.article)
