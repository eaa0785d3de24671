"""From seeds to a live index: build, swap, reload and the reindex report, in one service.

`build_from_seeds` is the one path from the seeds folder to an index file (the CLI's `index`,
build-when-missing, and the reindex build process all take it). `LiveIndex` holds the
`Searcher` every request uses now, replaced whole when the index changes: readers take
`live.searcher` once per request and keep that object, so a swap (one attribute assignment) can
never show them a mix of two indexes.

`LiveIndex.reindex()` rebuilds while the old searcher keeps serving: ingestion and the build run
in a separate process (`build_process`), into a staging folder beside the index (with its search
generation folder, named by its build id). Only when that
file has opened and a new `Searcher` stands is it swapped over the index (`index_db.swap_in`,
the one atomic swap, right after moving the staged generation folder beside the live one's)
and the searcher replaced; then the replaced generation is removed.
Opening an index reads its metadata and search data only (`index_reader.open_index`); the
articles' passages are read on demand. Any failure leaves both the index file and the
serving searcher as they were, and is reported in the returned `ReindexReport`. One reindex runs
at a time; a second is refused with `ReindexInProgress`, never queued.

This module never renders, never imports discord, and never mutates a searcher or a corpus.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

from bot.core.diff import ReindexReport, diff_corpora, failed_report, with_outcome
from bot.core.model import Corpus, IngestIssue
from bot.core.search import Searcher
from bot.settings import Settings
from bot.store.index_db import (
    fsync_dir,
    index_stamp,
    load_index,
    remove_stale_temp_files,
    retire_generations,
    search_root,
    staging_prefix,
    swap_in,
)
from bot.store.index_reader import open_index
from bot.store.recovery import open_index_recovering
from bot.store.search_index import move_generation
from bot.usecases.build_process import (
    BuildFailed,
    BuildTarget,
    ProgressCallback,
    ReindexError,
    run_build,
)
from bot.usecases.building import (
    NothingToBuildError,
    SeedsMissingError,
    build_from_seeds,
    build_worker,
    ensure_index,
    read_seeds_safely,
)

__all__ = [
    "BuildFailed",
    "LiveIndex",
    "NothingToBuildError",
    "ProgressCallback",
    "ReindexError",
    "ReindexInProgress",
    "SeedsMissingError",
    "build_from_seeds",
    "build_worker",
    "ensure_index",
    "load_or_build_corpus",
    "read_seeds_safely",
]

log = logging.getLogger(__name__)


class ReindexInProgress(ReindexError):
    """A reindex (or a reload of an externally built index) is already running."""

    def __init__(self, running_for: float) -> None:
        self.running_for = running_for
        super().__init__(f"a reindex is already running (started {running_for:.0f} s ago)")


def utc_now_iso() -> str:
    """Return the current UTC time as an ISO string, for build stamps."""
    return datetime.now(UTC).isoformat(timespec="seconds")


async def load_or_build_corpus(settings: Settings, *, build_if_missing: bool = True) -> Corpus:
    """Load the index of `settings`, building it from the seeds first when allowed and needed."""
    if not build_if_missing:
        corpus, _ = await load_index(settings.index_path)
        return corpus
    loaded: list[Corpus] = []

    async def build_and_load() -> None:
        await ensure_index(
            settings.seeds_dir,
            settings.index_path,
            built_at=utc_now_iso(),
            budget=settings.ingest.budget(),
        )
        loaded.append((await load_index(settings.index_path))[0])

    await open_index_recovering(build_and_load, settings.index_path)  # damaged: rebuilt
    return loaded[-1]


# ------------------------------------------------------------------- the live index


def settle_memory() -> None:
    """Free the replaced index, then keep the live one out of later garbage collections.

    The corpus is hundreds of thousands of long-lived objects; a full collection walking them
    takes ~100 ms at 1,000 articles, and whichever query triggered it would pay that. Frozen
    objects are skipped. Unfreezing first lets the collection free a searcher just replaced.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


FULL_SETTLE_EVERY = 1000
"""Answers between two full settles, which free what freezing kept from the collector."""


def freeze_survivors() -> None:
    """Keep what the last answer left alive (cached passages) out of later collections.

    Collects the youngest generation first, so the answer's own garbage cycles are freed rather
    than frozen; then freezes the rest, which only moves lists (~0.05 ms).
    """
    gc.collect(0)
    gc.freeze()


class AfterAnswers:
    """What follows each delivered answer, off its critical path: its survivors frozen.

    Each answer leaves passages in the searcher's caches. Left to the collector they are walked
    again by every collection some later query triggers: a few milliseconds each at 1,000
    articles, paid inside that query. Frozen, they are still freed when evicted (by reference
    counting); a cycle frozen while still in use waits for the next full settle, every `every`
    answers and at each index load.
    """

    def __init__(self, every: int = FULL_SETTLE_EVERY) -> None:
        self.every = every
        self._since = 0

    def answered(self) -> None:
        """Call once an answer or autocomplete has been handed to the front end."""
        self._since += 1
        if self._since >= self.every:
            self._since = 0
            settle_memory()
        else:
            freeze_survivors()


class LiveIndex:
    """The index being served: the current searcher, and how to (re)load, rebuild and swap it."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._searcher: Searcher | None = None
        self._corpus: Corpus = Corpus()
        self._stamp: str | None = None
        self._lock = asyncio.Lock()
        self._busy_since = 0.0
        self.build_target: BuildTarget = build_worker
        """What the build process runs (a module-level function); tests use it to crash builds."""
        self.after_answers = AfterAnswers()

    @property
    def searcher(self) -> Searcher:
        """The searcher to use for this request; never mutated, only replaced."""
        if self._searcher is None:
            raise RuntimeError("the index is not open yet")
        return self._searcher

    def answered(self) -> None:
        """Call after delivering each answer or autocomplete (see `AfterAnswers`)."""
        self.after_answers.answered()

    @property
    def corpus(self) -> Corpus:
        """The corpus the current searcher was built from."""
        return self._corpus

    @property
    def busy(self) -> bool:
        """Whether a reindex or reload is running right now."""
        return self._lock.locked()

    async def open(self, *, build_if_missing: bool = True) -> None:
        """Load the index, first building it from the seeds when it is missing or outdated.

        With `build_if_missing=False` a missing index raises `IndexMissingError` instead; with
        it, a damaged index is moved aside and rebuilt (`bot.store.recovery`).
        """
        if build_if_missing:
            await open_index_recovering(self._open, self._settings.index_path)
        else:
            await self._load(self._settings.index_path)

    async def _open(self, *, build_if_missing: bool = True) -> None:
        settings = self._settings
        if build_if_missing:
            summary = await ensure_index(
                settings.seeds_dir,
                settings.index_path,
                built_at=utc_now_iso(),
                budget=settings.ingest.budget(),
            )
            if summary is not None:
                log.info("built the index: %d articles in %.2fs", summary.articles, summary.seconds)
        await self._load(settings.index_path)

    async def reload_if_changed(self) -> bool:
        """Reload when another process rebuilt the index file; return whether it did.

        Skipped (False) while a reindex runs: that reindex sets the stamp itself.
        """
        stamp = await index_stamp(self._settings.index_path)
        if stamp is None or stamp == self._stamp or self._lock.locked():
            return False
        async with self._claim():
            if await index_stamp(self._settings.index_path) == self._stamp:
                return False
            await self._load(self._settings.index_path)
        log.info("index changed on disk; reloaded build %s", self._stamp)
        return True

    async def reindex(
        self, *, dry_run: bool = False, progress: ProgressCallback | None = None
    ) -> ReindexReport:
        """Rebuild the index from the seeds and swap it in; report what changed.

        The old searcher serves throughout. With `dry_run` the build goes to a temp file that is
        thrown away and nothing is swapped. A build that fails as a whole returns a report whose
        `error` says why, with the old index untouched. Raises `ReindexInProgress` when another
        reindex is running. `progress` is told (seed files done, in all) while the build reads.
        """
        if self._lock.locked():
            raise ReindexInProgress(time.monotonic() - self._busy_since)
        async with self._claim():
            return await self._reindex(dry_run=dry_run, progress=progress)

    @contextlib.asynccontextmanager
    async def _claim(self) -> AsyncIterator[None]:
        async with self._lock:
            self._busy_since = time.monotonic()
            yield

    async def _reindex(self, *, dry_run: bool, progress: ProgressCallback | None) -> ReindexReport:
        started = time.perf_counter()
        old = self._corpus
        old_stamp = self._stamp
        index_path = self._settings.index_path
        kind = "dry run" if dry_run else "reindex"
        log.info("%s started from %s", kind, self._settings.seeds_dir)
        warnings: tuple[IngestIssue, ...] = ()
        try:
            index_path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temp_files(index_path)
            with tempfile.TemporaryDirectory(
                prefix=f"{staging_prefix(index_path)}{os.getpid()}-",
                dir=index_path.parent,
                ignore_cleanup_errors=True,  # once swapped, a cleanup hiccup is no failure
            ) as staging_dir:
                staging = Path(staging_dir) / index_path.name
                summary = await run_build(
                    self.build_target,
                    self._settings.seeds_dir,
                    staging,
                    utc_now_iso(),
                    progress=progress,
                )
                warnings = summary.issues
                opened = await asyncio.to_thread(open_index, staging)
                corpus, info = opened.corpus, opened.info
                if not corpus.articles and old.articles:
                    raise BuildFailed(
                        "the new build has no articles (seeds folder empty, or every file "
                        "failed); refusing to replace an index that has some"
                    )
                searcher = await asyncio.to_thread(Searcher, corpus, opened.prepared)
                report = await asyncio.to_thread(
                    diff_corpora, old, corpus, warnings=summary.issues, dry_run=dry_run
                )
                if not dry_run:
                    # No await between the swap and the assignment: the file and the serving
                    # searcher change together as far as this event loop can see.
                    move_generation(search_root(staging), search_root(index_path), info.build_id)
                    swap_in(staging, index_path)
                    self._searcher = searcher
                    self._corpus, self._stamp = corpus, info.build_id
                    settle_memory()
        except asyncio.CancelledError:
            log.warning("%s cancelled; the old index keeps serving", kind)
            raise
        except Exception as exc:
            seconds = time.perf_counter() - started
            reason = str(exc) if isinstance(exc, BuildFailed) else f"{type(exc).__name__}: {exc}"
            log.error("%s failed after %.1f s, old index kept: %s", kind, seconds, reason)
            return failed_report(old, reason, warnings=warnings, seconds=seconds, dry_run=dry_run)
        if not dry_run:
            await asyncio.to_thread(fsync_dir, index_path.parent)
            await asyncio.to_thread(retire_generations, index_path, replaced=old_stamp)
        seconds = time.perf_counter() - started
        log.info(
            "%s done in %.1f s: %d added, %d removed, %d changed%s",
            kind,
            seconds,
            len(report.added),
            len(report.removed),
            len(report.changed),
            "" if dry_run else f"; now serving build {self._stamp}",
        )
        return with_outcome(report, swapped=not dry_run, seconds=seconds)

    async def _load(self, path: Path) -> None:
        # One open of the file for both: another process may replace it between two reads.
        opened = await asyncio.to_thread(open_index, path)
        searcher = await asyncio.to_thread(Searcher, opened.corpus, opened.prepared)
        self._searcher = searcher
        self._corpus, self._stamp = opened.corpus, opened.info.build_id
        settle_memory()
