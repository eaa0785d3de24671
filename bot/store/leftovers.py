"""What the index's builds leave on disk: syncing it, and telling a live build's leftover apart.

Shared by the index file (`index_db`: temp files, reindex staging folders) and the search index
(`search_index`: generation folders), so both flush and clean up by the same rules.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

STALE_SECONDS: Final = 24 * 3600
"""A leftover older than this is removed even if the process that wrote it seems alive."""


def fsync(path: Path) -> None:
    """Flush a file or a directory entry to disk, where the platform allows it.

    Best effort: the data is already written, so a file system that refuses to sync (or
    Windows, where directories cannot be opened) must not fail the build.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        log.debug("could not fsync %s: %s", path, exc)


def may_be_in_use(path: Path, pid_text: str) -> bool:
    """Whether a leftover written by process `pid_text` may still belong to a build in progress.

    No: it is older than `STALE_SECONDS`, or its pid is not a number, or that process is gone.
    A leftover already removed counts as in use (there is nothing to do with it).
    """
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return True
    except OSError:
        age = 0.0
    if age > STALE_SECONDS or not pid_text.isdigit():
        return False
    return process_alive(int(pid_text))


def process_alive(pid: int) -> bool:
    """Whether process `pid` may still be running (this one always is; unknown counts as alive)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill cannot probe a process on Windows; trust the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True
