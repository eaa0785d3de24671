"""Build targets for reindex tests, run inside the spawned build process.

Kept in a module of their own that imports only the build path (not search, not pytest), so
the child process starts quickly: it imports the module a target lives in.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import bot.usecases.building
from bot.store.index_db import BuildSummary
from bot.usecases.building import build_worker


def killed_before_rename_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """Run the real build, but die by SIGKILL at the moment it would rename its file."""

    def die(*_args: object, **_kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = die  # type: ignore[assignment]  (only in this throw-away child process)
    return build_worker(seeds, out, built_at)


def disk_full_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """Run the real build with a store that fails like a full disk."""

    async def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    bot.usecases.building.build_index = no_space  # type: ignore[assignment]
    return build_worker(seeds, out, built_at)


GATE = "open-the-build-gate"
AT_GATE = "build-waiting-at-the-gate"
"""Written by `gated_worker` (holding its process id) once it waits at the gate."""


def gated_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """The real build, once the test opens the gate (so it can act while the build is held)."""
    import time

    waiting = seeds.parent / AT_GATE
    waiting.with_suffix(".part").write_text(str(os.getpid()), encoding="utf-8")
    waiting.with_suffix(".part").replace(waiting)
    gate = seeds.parent / GATE
    deadline = time.monotonic() + 60
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return build_worker(seeds, out, built_at)


READS_LOG = "seed-reads.log"


def counting_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """The real build, logging the name of every seed file it parses to `READS_LOG`.

    The wrapper is removed again after the build, so this target may also run in the test's
    own process (`builds_in_process`).
    """
    import bot.usecases.incremental as incremental

    real = incremental.read_article
    log = seeds.parent / READS_LOG

    def counted(path: Path, *budget: object):  # type: ignore[no-untyped-def]
        with log.open("a", encoding="utf-8") as handle:
            handle.write(path.name + "\n")
        return real(path, *budget)

    incremental.read_article = counted  # type: ignore[assignment]
    try:
        return build_worker(seeds, out, built_at)
    finally:
        incremental.read_article = real


def counting_killed_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """`counting_worker`, killed by SIGKILL at the moment it would rename its file."""

    def die(*_args: object, **_kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    os.replace = die  # type: ignore[assignment]  (only in this throw-away child process)
    return counting_worker(seeds, out, built_at)


STEPS = 3
STEP_SECONDS = 0.15


def stepping_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """A build that takes a few steps: reports progress of `STEPS` files, then the real build."""
    import time

    from bot.usecases.build_process import report_progress

    for done in range(STEPS):
        report_progress(done, STEPS)
        time.sleep(STEP_SECONDS)
    return build_worker(seeds, out, built_at)


def chatty_worker(seeds: Path, out: Path, built_at: str) -> BuildSummary:
    """The real build, after printing lines that look almost like progress to stdout."""
    print("factbot-build-progress 999 999 extra")
    print("factbot-build-progress 7 9", flush=True)  # stdout is not the progress channel
    return build_worker(seeds, out, built_at)
