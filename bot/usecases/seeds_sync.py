"""The seeds folder that syncs itself: notice added, changed and removed files, then reindex.

`SeedsSync.poll()` is called every interval by whichever front end runs the bot. Each poll takes
a snapshot of the folder (name → size and modification time, nothing read), and reindexes
through `LiveIndex.reindex` (the same path and report as `/reindex`) when the snapshot differs
from the one the last reindex was made from and has stood still since the previous poll: a file
still being copied changes between two polls, so it is not read half-written. A reindex already
running (an admin's `/reindex`) is never queued behind: the poll tries again next time.

A reindex the sync did not start (an admin's `/reindex`) does not move its baseline: the next
settled poll reindexes once more, which costs little (every file unchanged since is carried over
unread) and never leaves a file indexed as it was half-way through being written.

At the first poll the baseline is the folder as it is, unless a seed file is newer than the
index file or an indexed article's file is gone: then the bot was down while the folder changed,
and the next stable poll reindexes.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from bot.core.diff import ReindexReport
from bot.core.library import headers_of
from bot.usecases.indexing import LiveIndex, ReindexInProgress

log = logging.getLogger(__name__)

Snapshot = dict[str, tuple[int, int]]
"""A folder's entries: name → (size in bytes, modification time in ns)."""


def snapshot(folder: Path) -> Snapshot:
    """The folder's visible entries, by name; empty when it is missing or cannot be listed."""
    found: Snapshot = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        found[entry.name] = (info.st_size, info.st_mtime_ns)
    return found


@dataclass(frozen=True)
class FolderChanges:
    """What differs between two snapshots, by file name."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def describe(self) -> str:
        """One line for the log."""
        parts = [
            f"{label} {', '.join(names[:5])}{' …' if len(names) > 5 else ''}"
            for label, names in (
                ("added", self.added),
                ("changed", self.changed),
                ("removed", self.removed),
            )
            if names
        ]
        return "; ".join(parts) or "nothing"


def changes(before: Snapshot, after: Snapshot) -> FolderChanges:
    """The files added, changed (size or time) and removed from `before` to `after`."""
    return FolderChanges(
        added=tuple(sorted(after.keys() - before.keys())),
        changed=tuple(sorted(n for n in after.keys() & before.keys() if after[n] != before[n])),
        removed=tuple(sorted(before.keys() - after.keys())),
    )


class SeedsSync:
    """Reindexes the live index when the seeds folder has changed and stood still."""

    def __init__(self, live: LiveIndex, folder: Path, index_path: Path) -> None:
        self._live = live
        self._folder = folder
        self._index_path = index_path
        self._indexed: Snapshot | None = None
        self._last: Snapshot | None = None

    async def poll(self) -> ReindexReport | None:
        """Look at the folder once; reindex and return the report when a settled change shows."""
        now = await asyncio.to_thread(snapshot, self._folder)
        previous, self._last = self._last, now
        if self._indexed is None:
            self._indexed = {} if self._changed_while_down(now) else now
        pending = changes(self._indexed, now)
        if not pending:
            return None
        if now != previous:
            log.debug("seeds folder changing (%s); waiting for it to settle", pending.describe())
            return None
        if self._live.busy:
            return None
        log.info("seeds folder changed (%s); reindexing", pending.describe())
        try:
            report = await self._live.reindex()
        except ReindexInProgress:
            return None
        # Even a failed reindex moves the baseline: the same folder is not retried every poll.
        self._indexed = now
        return report

    def _changed_while_down(self, now: Snapshot) -> bool:
        try:
            built = self._index_path.stat().st_mtime_ns
        except OSError:
            return True
        if any(mtime > built for _, mtime in now.values()):
            return True
        headers = headers_of(self._live.corpus.articles)
        indexed = {h.article.source_file.rsplit("/", 1)[-1] for h in headers}
        return not indexed <= now.keys()
