"""Answering a question: the shared core use case (`bot.core.asking.ask`) and its bookkeeping.

A front end builds a `Query`, asks it with `ask`, renders the `Answer`, then calls `note_miss`
so that what nothing matched is kept for `python -m bot misses`, whichever front end it came
from. This module never renders, never imports discord and never reads a clock (the asker's
time is passed in).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answers import Answer, Query
from bot.core.asking import ask
from bot.store.interactions import InteractionStore

__all__ = ["Asker", "ask", "note_miss"]


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asked, where and when (ISO time); the ids are None outside Discord."""

    at: str
    user_id: int | None = None
    guild_id: int | None = None


async def note_miss(store: InteractionStore, query: Query, answer: Answer, asker: Asker) -> bool:
    """Record `query` as a miss when nothing matched; return whether.

    A query that could not be run (an error) is no miss, but a person the sources never quote
    is: the team may want their words added.
    """
    if answer.matched or (answer.error and not answer.unquoted):
        return False
    await store.record_miss(
        query=query.text,
        command=query.command,
        at=asker.at,
        user_id=asker.user_id,
        guild_id=asker.guild_id,
    )
    return True
