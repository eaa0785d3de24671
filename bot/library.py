"""The live index: the `Searcher` every command uses now, replaced whole when the index changes.

Readers take `library.searcher` once per request and keep using that object, so a swap (one
attribute assignment) can never show them a mix of two indexes.

`Library.reindex()` rebuilds from the seeds while the old searcher keeps serving: ingestion and
the index build run in a separate process (CPU-heavy, and a crash or kill there cannot hurt the
bot), into a staging file beside the index. Only when that file has loaded and a new `Searcher`
stands is it renamed over the index (`os.replace`) and the searcher swapped in. Any failure
leaves both the index file and the serving searcher exactly as they were, and is reported in
the returned `ReindexReport`. One reindex runs at a time; a second is refused with
`ReindexInProgress`, never queued.

This module never renders anything, never talks to Discord and never mutates a searcher or a
corpus: it only replaces them.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import glob
import importlib
import logging
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from bot.core.diff import ReindexReport, diff_corpora, failed_report, with_outcome
from bot.core.ingest import IngestResult, read_article, read_seeds
from bot.core.model import Corpus, IngestIssue
from bot.core.search import Searcher
from bot.settings import Settings
from bot.store.ensure import ensure_index
from bot.store.index_db import BuildSummary, build_index, index_stamp, load_corpus
from bot.store.recovery import open_index_recovering

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".md")
WATCHDOG_SECONDS = 0.25

BuildOutcome = tuple[Literal["ok"], BuildSummary] | tuple[Literal["error"], str]
BuildTarget = Callable[[Path, Path, str], BuildSummary]
"""A module-level function run in the build process: (seeds dir, out path, built_at)."""


class ReindexError(Exception):
    """Base class of the library's reindex errors."""


class ReindexInProgress(ReindexError):
    """A reindex (or a reload of an externally built index) is already running."""

    def __init__(self, running_for: float) -> None:
        self.running_for = running_for
        super().__init__(f"a reindex is already running (started {running_for:.0f} s ago)")


class BuildFailed(ReindexError):
    """The build process raised, crashed or was killed; the message says which and why."""


def settle_memory() -> None:
    """Free the replaced index, then keep the live one out of later garbage collections.

    The corpus is hundreds of thousands of long-lived objects; a full collection walking them
    takes ~100 ms at 1,000 articles, and whichever query triggered it would pay that. Frozen
    objects are skipped. Unfreezing first lets the collection free a searcher just replaced.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def utc_now_iso() -> str:
    """Return the current UTC time as an ISO string, for build stamps."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_seeds_safely(folder: Path) -> IngestResult:
    """Read every seed, skipping (and reporting) any file whose parser raises.

    `read_seeds` already reports broken files as issues; this is the belt to its braces: if it
    raises anyway, each file is read on its own and a file that raises becomes an error issue.
    """
    try:
        return read_seeds(folder)
    except Exception:
        log.exception("read_seeds raised; reading %s file by file", folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"seeds folder {folder} does not exist")
    articles = []
    issues: list[IngestIssue] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SEED_SUFFIXES):
        try:
            article, found = read_article(path)
        except Exception as exc:
            issues.append(
                IngestIssue(
                    file=str(path),
                    message=f"skipped: the parser failed ({type(exc).__name__}: {exc})",
                    level="error",
                )
            )
            continue
        issues.extend(found)
        if article is not None:
            articles.append(article)
    return IngestResult(articles=tuple(articles), issues=tuple(issues))


async def _ingest_and_build(seeds_dir: Path, out: Path, built_at: str) -> BuildSummary:
    result = read_seeds_safely(seeds_dir)
    return await build_index(result, out, built_at=built_at)


def build_worker(seeds_dir: Path, out: Path, built_at: str) -> BuildSummary:
    """The default build, run in the build process: ingest the seeds, build the index at `out`."""
    return asyncio.run(_ingest_and_build(seeds_dir, out, built_at))


def child_main(argv: list[str]) -> int:
    """The build process's entry point (`python -c`): run a build target, write its outcome.

    `argv` is: target ("module:function"), seeds dir, out path, built_at, outcome file, parent
    pid. The outcome (the `BuildSummary`, or the error's type and message) is pickled into the
    outcome file, written whole (temp + rename) so a half-written one is never read. A watchdog
    thread ends this process as soon as the bot that started it is gone, so a bot killed
    mid-reindex never leaves a build running on its own.
    """
    target_name, seeds_dir, out, built_at, outcome_path, parent_pid = argv

    def exit_with_parent() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != int(parent_pid):
                os._exit(70)

    threading.Thread(target=exit_with_parent, name="factbot-reindex-watchdog", daemon=True).start()
    outcome: BuildOutcome
    try:
        module_name, _, qualname = target_name.partition(":")
        target: BuildTarget = getattr(importlib.import_module(module_name), qualname)
        outcome = ("ok", target(Path(seeds_dir), Path(out), built_at))
    except BaseException as exc:
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    part = Path(outcome_path + ".part")
    part.write_bytes(pickle.dumps(outcome))
    part.replace(outcome_path)
    return 0


_CHILD_CODE = "import sys, bot.library as m; sys.exit(m.child_main(sys.argv[1:]))"


def _target_name(target: BuildTarget) -> str:
    name = f"{target.__module__}:{target.__qualname__}"
    if "<" in name or "." in target.__qualname__:
        raise ValueError(f"a build target must be a module-level function, not {name}")
    return name


def _died(returncode: int, stderr: bytes) -> BuildFailed:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return BuildFailed(f"the build process was killed ({name}) before it finished")
    lines = stderr.decode(errors="replace").strip().splitlines()
    last = f": {lines[-1][:300]}" if lines else ""
    return BuildFailed(f"the build process died (exit code {returncode}) before it finished{last}")


def _staging_prefix(index_path: Path) -> str:
    return f".{index_path.name}.reindex-"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def remove_stale_staging(index_path: Path) -> list[Path]:
    """Remove staging folders left beside the index by a bot that died mid-reindex.

    A staging folder is named after the process that made it; it is stale when that process is
    gone. Returns the folders removed.
    """
    removed: list[Path] = []
    prefix = _staging_prefix(index_path)
    for path in index_path.parent.glob(glob.escape(prefix) + "*"):
        pid_text = path.name[len(prefix) :].split("-", 1)[0]
        if not path.is_dir() or not pid_text.isdigit() or _pid_alive(int(pid_text)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
        log.info("removed %s, left by a reindex that was interrupted", path)
    return removed


def _fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (best effort: not every platform can)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Library:
    """Holds the current searcher and knows how to (re)load it from the index file."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._searcher: Searcher | None = None
        self._corpus: Corpus = Corpus()
        self._stamp: str | None = None
        self._lock = asyncio.Lock()
        self._busy_since = 0.0
        self.build_target: BuildTarget = build_worker
        """What the build process runs (a module-level function); tests use it to crash builds."""

    @property
    def searcher(self) -> Searcher:
        """The searcher to use for this request; never mutated, only replaced."""
        if self._searcher is None:
            raise RuntimeError("the library is not open yet")
        return self._searcher

    @property
    def corpus(self) -> Corpus:
        """The corpus the current searcher was built from."""
        return self._corpus

    @property
    def busy(self) -> bool:
        """Whether a reindex or reload is running right now."""
        return self._lock.locked()

    async def open(self) -> None:
        """Load the index, building it from the seeds first when missing, outdated or damaged."""
        await open_index_recovering(self._open, self._settings.index_path)

    async def _open(self) -> None:
        settings = self._settings
        summary = await ensure_index(
            settings.seeds_dir, settings.index_path, built_at=utc_now_iso()
        )
        if summary is not None:
            log.info("built the index: %d articles in %.2fs", summary.articles, summary.seconds)
        await self._load()

    async def build(self) -> BuildSummary:
        """Build the index file from the seeds folder (the live searcher is left as it is)."""
        result = await asyncio.to_thread(read_seeds_safely, self._settings.seeds_dir)
        return await build_index(result, self._settings.index_path, built_at=utc_now_iso())

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
            await self._load()
        log.info("index changed on disk; reloaded build %s", self._stamp)
        return True

    async def reindex(self, *, dry_run: bool = False) -> ReindexReport:
        """Rebuild the index from the seeds and swap it in; report what changed.

        The old searcher serves throughout. With `dry_run` the build goes to a temp file that is
        thrown away and nothing is swapped. A build that fails as a whole returns a report whose
        `error` says why, with the old index untouched. Raises `ReindexInProgress` when another
        reindex is running.
        """
        if self._lock.locked():
            raise ReindexInProgress(time.monotonic() - self._busy_since)
        async with self._claim():
            return await self._reindex(dry_run=dry_run)

    @contextlib.asynccontextmanager
    async def _claim(self) -> AsyncIterator[None]:
        async with self._lock:
            self._busy_since = time.monotonic()
            yield

    async def _reindex(self, *, dry_run: bool) -> ReindexReport:
        started = time.perf_counter()
        old = self._corpus
        index_path = self._settings.index_path
        kind = "dry run" if dry_run else "reindex"
        log.info("%s started from %s", kind, self._settings.seeds_dir)
        warnings: tuple[IngestIssue, ...] = ()
        try:
            index_path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_staging(index_path)
            with tempfile.TemporaryDirectory(
                prefix=f"{_staging_prefix(index_path)}{os.getpid()}-",
                dir=index_path.parent,
                ignore_cleanup_errors=True,  # once swapped, a cleanup hiccup is no failure
            ) as staging_dir:
                staging = Path(staging_dir) / index_path.name
                summary = await self._build_in_process(staging)
                warnings = summary.issues
                stamp = await index_stamp(staging)
                corpus = await load_corpus(staging)
                if not corpus.articles and old.articles:
                    raise BuildFailed(
                        "the new build has no articles (seeds folder empty, or every file "
                        "failed); refusing to replace an index that has some"
                    )
                searcher = await asyncio.to_thread(Searcher, corpus)
                report = await asyncio.to_thread(
                    diff_corpora, old, corpus, warnings=summary.issues, dry_run=dry_run
                )
                if not dry_run:
                    # No await between the rename and the assignment: the file and the
                    # serving searcher change together as far as this event loop can see.
                    staging.replace(index_path)
                    self._searcher = searcher
                    self._corpus, self._stamp = corpus, stamp
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
            await asyncio.to_thread(_fsync_dir, index_path.parent)
        seconds = time.perf_counter() - started
        log.info(
            "%s done in %.1f s: %d added, %d removed, %d changed%s",
            kind,
            seconds,
            len(report.added),
            len(report.removed),
            len(report.changed),
            "" if dry_run else f"; now serving build {stamp}",
        )
        return with_outcome(report, swapped=not dry_run, seconds=seconds)

    async def _build_in_process(self, out: Path) -> BuildSummary:
        """Ingest and build in a fresh process; a crash or kill there surfaces as `BuildFailed`.

        The process is a plain `python -c` (not multiprocessing), so it works however the bot
        itself was started, and it gets this process's import path.
        """
        outcome_path = out.with_name(out.name + ".outcome")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p or str(Path.cwd()) for p in sys.path)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            _CHILD_CODE,
            _target_name(self.build_target),
            str(self._settings.seeds_dir),
            str(out),
            utc_now_iso(),
            str(outcome_path),
            str(os.getpid()),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            env=env,
        )
        try:
            _, stderr = await process.communicate()
        finally:
            if process.returncode is None:  # cancelled while building: do not leave it running
                process.kill()
                await process.wait()
        returncode = process.returncode
        if returncode != 0 or not outcome_path.exists():
            raise _died(returncode if returncode is not None else -1, stderr)
        outcome: BuildOutcome = pickle.loads(outcome_path.read_bytes())
        if outcome[0] == "error":
            raise BuildFailed(f"the build failed: {outcome[1]}")
        return outcome[1]

    async def _load(self) -> None:
        path = self._settings.index_path
        stamp = await index_stamp(path)
        corpus = await load_corpus(path)
        searcher = await asyncio.to_thread(Searcher, corpus)
        self._searcher = searcher
        self._corpus, self._stamp = corpus, stamp
        settle_memory()
