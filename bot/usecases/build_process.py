"""The build process of a reindex: ingest and build in a fresh `python -c`, report the outcome.

A crash or a kill there cannot hurt the bot; `run_build` turns any of them into `BuildFailed`.
The process is a plain `python -c` (not multiprocessing), so it works however the bot itself was
started, and it gets this process's import path. A watchdog in the child ends it as soon as the
bot that started it is gone, so a bot killed mid-reindex never leaves a build running alone.

Progress travels on the child's stdout, one `PROGRESS_TAG done total` line at a time (at most
every `PROGRESS_SECONDS`, and always the last); the child's own prints go to its stderr, so
nothing else can be mistaken for progress.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Literal

from bot.store.index_db import BuildSummary

log = logging.getLogger(__name__)

WATCHDOG_SECONDS = 0.25
PROGRESS_TAG = "factbot-build-progress"
PROGRESS_SECONDS = 0.2
ProgressCallback = Callable[[int, int], None]
"""Told (seed files done, seed files in all) as the build process reads the folder."""

BuildOutcome = tuple[Literal["ok"], BuildSummary] | tuple[Literal["error"], str]
BuildTarget = Callable[[Path, Path, str], BuildSummary]
"""A module-level function run in the build process: (seeds dir, out path, built_at)."""


class ReindexError(Exception):
    """Base class of the reindex errors."""


class BuildFailed(ReindexError):
    """The build process raised, crashed or was killed; the message says which and why."""


class _ProgressOut:
    """The child's end of the progress channel: throttled lines on the original stdout.

    A report held back by the throttle is written by `flush` (the watchdog calls it), so the
    bot never sees a count older than a fraction of a second, however long the next file takes.
    """

    def __init__(self) -> None:
        self.stream: IO[str] | None = None
        self.last = 0.0
        self.pending: tuple[int, int] | None = None
        self.lock = threading.Lock()

    def report(self, done: int, total: int) -> None:
        with self.lock:
            self.pending = (done, total)
            if done >= total or time.monotonic() - self.last >= PROGRESS_SECONDS:
                self._write()

    def flush(self) -> None:
        with self.lock:
            if self.pending is not None:
                self._write()

    def _write(self) -> None:
        if self.stream is None or self.pending is None:
            return
        done, total = self.pending
        self.pending = None
        self.last = time.monotonic()
        with contextlib.suppress(OSError, ValueError):  # the parent went away: no one to tell
            self.stream.write(f"{PROGRESS_TAG} {done} {total}\n")
            self.stream.flush()


_progress_out = _ProgressOut()


def report_progress(done: int, total: int) -> None:
    """Tell the bot that started this build process how far it is (a no-op anywhere else)."""
    _progress_out.report(done, total)


def parse_progress(line: bytes) -> tuple[int, int] | None:
    """(done, total) from one line of the child's stdout, or None if it is not progress."""
    parts = line.decode(errors="replace").split()
    if len(parts) != 3 or parts[0] != PROGRESS_TAG or not (parts[1] + parts[2]).isdigit():
        return None
    return int(parts[1]), int(parts[2])


def child_main(argv: list[str]) -> int:
    """The build process's entry point (`python -c`): run a build target, write its outcome.

    `argv` is: target ("module:function"), seeds dir, out path, built_at, outcome file, parent
    pid. The outcome (the `BuildSummary`, or the error's type and message) is pickled into the
    outcome file, written whole (temp + rename) so a half-written one is never read.
    """
    target_name, seeds_dir, out, built_at, outcome_path, parent_pid = argv

    def exit_with_parent() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != int(parent_pid):
                os._exit(70)
            _progress_out.flush()

    threading.Thread(target=exit_with_parent, name="factbot-reindex-watchdog", daemon=True).start()
    # The real stdout carries progress only; anything else printed goes to stderr.
    _progress_out.stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
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


_CHILD_CODE = "import sys, bot.usecases.build_process as m; sys.exit(m.child_main(sys.argv[1:]))"


def target_name(target: BuildTarget) -> str:
    """The "module:function" name the child imports; only module-level functions qualify."""
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


async def _relay_progress(
    stream: asyncio.StreamReader | None, progress: ProgressCallback | None
) -> None:
    """Pass each progress line of the child to `progress`; a failing callback is only logged."""
    if stream is None:
        return
    async for line in stream:
        parsed = parse_progress(line)
        if parsed is None or progress is None:
            continue
        try:
            progress(*parsed)
        except Exception:
            log.exception("a reindex progress callback raised; the build goes on")


async def run_build(
    target: BuildTarget,
    seeds_dir: Path,
    out: Path,
    built_at: str,
    *,
    progress: ProgressCallback | None = None,
) -> BuildSummary:
    """Run `target(seeds_dir, out, built_at)` in a fresh process; raise `BuildFailed` if it fails.

    `progress` is told (files done, files in all) as the process reports it. Cancelling this
    coroutine kills the process.
    """
    outcome_path = out.with_name(out.name + ".outcome")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p or str(Path.cwd()) for p in sys.path)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _CHILD_CODE,
        target_name(target),
        str(seeds_dir),
        str(out),
        built_at,
        str(outcome_path),
        str(os.getpid()),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    assert process.stderr is not None
    try:
        _, stderr = await asyncio.gather(
            _relay_progress(process.stdout, progress), process.stderr.read()
        )
        await process.wait()
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
