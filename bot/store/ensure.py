"""Open-or-build for the index file: build it from the seeds when it is missing or outdated.

The glue between ingestion and the index store that the commands and the library share. It
must never read a clock (callers pass `built_at`), never overwrite a file that is not a Factbot
index, and never replace an index with an empty one when the seeds yield no article.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot.core.model import IngestIssue
from bot.store.index_db import (
    BuildSummary,
    IndexBuildError,
    IndexMissingError,
    IndexStoreError,
    IndexVersionError,
    build_index,
    index_info,
)

log = logging.getLogger(__name__)


class SeedsMissingError(IndexStoreError):
    """The seeds folder to build from does not exist."""


class NothingToBuildError(IndexBuildError):
    """The seeds folder yielded no article; `issues` says what went wrong with each file."""

    def __init__(self, message: str, issues: tuple[IngestIssue, ...]) -> None:
        super().__init__(message)
        self.issues = issues


async def build_from_seeds(seeds: Path, index: Path, *, built_at: str) -> BuildSummary:
    """Read every seed file and build the index at `index` from them (atomically).

    Raises `SeedsMissingError` when `seeds` is not a folder and `NothingToBuildError` when no
    article could be read, leaving any existing index untouched in both cases.
    """
    from bot.core.ingest import read_seeds  # the parsers are loaded only when building

    seeds, index = Path(seeds), Path(index)
    if not seeds.is_dir():
        raise SeedsMissingError(f"seeds folder {seeds} not found")
    result = await asyncio.to_thread(read_seeds, seeds)
    if not result.articles:
        raise NothingToBuildError(f"no article could be read from {seeds}", tuple(result.issues))
    return await build_index(result, index, built_at=built_at)


async def ensure_index(seeds: Path, index: Path, *, built_at: str) -> BuildSummary | None:
    """Make sure a loadable index exists at `index`; build it from `seeds` if needed.

    Returns None when the index was already there and of this schema version, or the summary of
    the build. A missing index, or one of another schema version, is (re)built; a file that is
    not a Factbot index raises `IndexSchemaError` and is left alone. Build errors are those of
    `build_from_seeds`.
    """
    index = Path(index)
    try:
        await index_info(index)
    except IndexMissingError:
        log.info("index %s is missing; building it from %s", index, seeds)
    except IndexVersionError as exc:
        log.warning("%s; rebuilding it from %s", exc, seeds)
    else:
        return None
    return await build_from_seeds(seeds, index, built_at=built_at)
