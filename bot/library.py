"""The live index: the `Searcher` every command uses now, replaced whole when the index changes.

Readers take `library.searcher` once per request and keep using that object, so a swap (one
attribute assignment) can never show them a mix of two indexes. This module never renders
anything and never talks to Discord.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from bot.core.ingest import read_seeds
from bot.core.search import Searcher
from bot.settings import Settings
from bot.store.index_db import BuildSummary, build_index, index_stamp, load_corpus

log = logging.getLogger(__name__)


def utc_now_iso() -> str:
    """The current UTC time as an ISO string, for build stamps."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Library:
    """Holds the current searcher and knows how to (re)load it from the index file."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._searcher: Searcher | None = None
        self._stamp: str | None = None

    @property
    def searcher(self) -> Searcher:
        """The searcher to use for this request; never mutated, only replaced."""
        if self._searcher is None:
            raise RuntimeError("the library is not open yet")
        return self._searcher

    async def open(self) -> None:
        """Load the index, building it from the seeds first when the file is missing."""
        if not self._settings.index_path.exists():
            summary = await self.build()
            log.info("built a missing index: %d articles in %.2fs", summary.articles, summary.seconds)
        await self._load()

    async def build(self) -> BuildSummary:
        """Build the index file from the seeds folder (the live searcher is left as it is)."""
        result = await asyncio.to_thread(read_seeds, self._settings.seeds_dir)
        return await build_index(result, self._settings.index_path, built_at=utc_now_iso())

    async def reload_if_changed(self) -> bool:
        """Reload when another process rebuilt the index file; return whether it did."""
        stamp = await index_stamp(self._settings.index_path)
        if stamp is None or stamp == self._stamp:
            return False
        await self._load()
        log.info("index changed on disk; reloaded build %s", stamp)
        return True

    async def _load(self) -> None:
        path = self._settings.index_path
        stamp = await index_stamp(path)
        corpus = await load_corpus(path)
        searcher = await asyncio.to_thread(Searcher, corpus)
        self._searcher, self._stamp = searcher, stamp
