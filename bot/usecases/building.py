"""Seeds → index file: the one path every build takes (CLI `index`, build-when-missing, reindex).

Light on purpose: it imports ingestion and the index store but not search, so the reindex build
process (`build_worker`) starts quickly. It never reads a clock (`built_at` is passed in), never
replaces an index with an empty one unless asked, and never loads a searcher.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from functools import partial
from pathlib import Path

from bot.core.ingest import (
    DEFAULT_BUDGET,
    IngestBudget,
    IngestResult,
    Progress,
    read_article,
    read_seeds,
)
from bot.core.model import Article, IngestIssue
from bot.store.index_db import (
    BuildSummary,
    IndexBuildError,
    IndexMissingError,
    IndexStoreError,
    IndexVersionError,
    SeedFile,
    build_index,
    index_info,
    previous_build,
    staged_for,
)
from bot.usecases.incremental import read_seeds_incrementally

log = logging.getLogger(__name__)


class SeedsMissingError(IndexStoreError):
    """The seeds folder to build from does not exist."""


class NothingToBuildError(IndexBuildError):
    """The seeds folder yielded no article; `issues` says what went wrong with each file."""

    def __init__(self, message: str, issues: tuple[IngestIssue, ...]) -> None:
        super().__init__(message)
        self.issues = issues


def read_seeds_safely(
    folder: Path, budget: IngestBudget = DEFAULT_BUDGET, progress: Progress | None = None
) -> IngestResult:
    """Read every seed, skipping (and reporting) any file whose parser raises.

    `read_article` already reports broken files as issues; this is the belt to its braces: a
    file whose reading raises anyway becomes an error issue, and the others are still read.
    """
    if not folder.is_dir():
        raise SeedsMissingError(f"seeds folder {folder} not found")

    def guarded(path: Path, budget: IngestBudget) -> tuple[Article | None, list[IngestIssue]]:
        try:
            return read_article(path, budget)
        except Exception as exc:
            log.exception("reading %s raised", path)
            message = f"skipped: the parser failed ({type(exc).__name__}: {exc})"
            label = f"{path.parent.name}/{path.name}"
            return None, [IngestIssue(file=label, message=message, level="error")]

    return read_seeds(folder, budget, read=guarded, progress=progress)


async def build_from_seeds(
    seeds: Path,
    index: Path,
    *,
    built_at: str,
    allow_empty: bool = False,
    incremental: bool = True,
    budget: IngestBudget = DEFAULT_BUDGET,
    progress: Progress | None = None,
) -> BuildSummary:
    """Read the seed files and build the index at `index` from them (atomically).

    Incremental unless told otherwise: the files the index being replaced (`index` itself, or
    the live index when `index` is in a reindex's staging folder) records as unchanged are not
    read again; their articles are carried over from it. Raises `SeedsMissingError` when
    `seeds` is not a folder and, unless `allow_empty`, `NothingToBuildError` when no article
    could be read, leaving any index untouched. `budget` bounds what each file may cost;
    `progress` is told (files done, files in all) as the folder is read.
    """
    seeds, index = Path(seeds), Path(index)
    if not seeds.is_dir():
        raise SeedsMissingError(f"seeds folder {seeds} not found")
    files: tuple[SeedFile, ...] = ()
    carried = 0
    carried_ids: frozenset[str] = frozenset()
    live = staged_for(index) or index
    previous, articles = await previous_build(live) if incremental else ({}, {})
    try:
        read = await asyncio.to_thread(
            partial(read_seeds_incrementally, budget=budget, progress=progress),
            seeds,
            previous,
            articles,
        )
    except Exception:
        log.exception("the incremental read of %s raised; reading every file", seeds)
        result = await asyncio.to_thread(read_seeds_safely, seeds, budget, progress)
    else:
        result, files, carried = read.result, read.files, read.carried
        carried_ids = read.carried_ids
        log.info("read %d seed files, carried %d over unchanged", len(read.read), carried)
    del previous, articles
    if not result.articles and not allow_empty:
        raise NothingToBuildError(f"no articles could be read from {seeds}", result.issues)
    summary = await build_index(
        result, index, built_at=built_at, files=files, reuse_from=live, carried=carried_ids
    )
    return dataclasses.replace(summary, carried=carried)


async def ensure_index(
    seeds: Path, index: Path, *, built_at: str, budget: IngestBudget = DEFAULT_BUDGET
) -> BuildSummary | None:
    """Make sure a loadable index exists at `index`; build it from `seeds` if needed.

    Returns None when the index was already there and of this schema version, or the summary of
    the build. A missing index, or one of another schema version, is (re)built; a file that is
    not a Factbot index raises `IndexSchemaError` and is left alone.
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
    return await build_from_seeds(seeds, index, built_at=built_at, budget=budget)


def build_worker(seeds_dir: Path, out: Path, built_at: str) -> BuildSummary:
    """The default reindex build, run in the build process (the caller judges an empty one).

    The per-file budget comes from the settings the process inherits (environment and `.env`);
    progress goes to the process that started the build (`build_process.report_progress`).
    """
    from bot.settings import Settings
    from bot.usecases.build_process import report_progress

    budget = Settings().ingest.budget()
    return asyncio.run(
        build_from_seeds(
            seeds_dir,
            out,
            built_at=built_at,
            allow_empty=True,
            budget=budget,
            progress=report_progress,
        )
    )
