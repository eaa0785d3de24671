"""The one use case every front end shares: answer a `Query` from a searcher.

Discord, the console and the command line all build a `Query` and call `ask`; the fact/quote
dispatch is written here and nowhere else. Pure: no I/O, no clock, no rendering.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from bot.core.answers import Answer, Query, with_pages
from bot.core.model import Corpus

DEFAULT_LIMIT = 5
MAX_LIMIT = 25


class Searches(Protocol):
    """What `ask` needs of a searcher (`bot.core.search.Searcher` is one)."""

    @property
    def corpus(self) -> Corpus:
        """The articles the searcher answers from (for the pages of paged articles)."""
        ...

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
    """Answer `query` with at most `limit` hits (blocking; run it in a worker thread if slow).

    A /quote whose speaker is no one quoted but whose query is (the two given the other way
    round) is answered with the two swapped, so their order does not matter.
    """
    if query.command == "quote":
        answer = searcher.quotes(
            query.text, limit=limit, article=query.article, speaker=query.speaker
        )
        if answer.unquoted is not None and query.speaker and query.text.strip():
            swapped = searcher.quotes(
                query.speaker, limit=limit, article=query.article, speaker=query.text
            )
            if swapped.matched:
                answer = replace(swapped, query=query.text)
    else:
        answer = searcher.facts(query.text, limit=limit, article=query.article)
    return with_pages(answer, searcher.corpus)
