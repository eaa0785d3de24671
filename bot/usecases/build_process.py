"""The build process of a reindex: ingest and build in a fresh `python -c`, report the outcome.

A crash or a kill there cannot hurt the bot; `run_build` turns any of them into `BuildFailed`.
The process is a plain `python -c` (not multiprocessing), so it works however the bot itself was
started, and it gets this process's import path. A watchdog in the child ends it as soon as the
bot that started it is gone, so a bot killed mid-reindex never leaves a build running alone.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from bot.store.index_db import BuildSummary

WATCHDOG_SECONDS = 0.25

BuildOutcome = tuple[Literal["ok"], BuildSummary] | tuple[Literal["error"], str]
BuildTarget = Callable[[Path, Path, str], BuildSummary]
"""A module-level function run in the build process: (seeds dir, out path, built_at)."""


class ReindexError(Exception):
    """Base class of the reindex errors."""


class BuildFailed(ReindexError):
    """The build process raised, crashed or was killed; the message says which and why."""


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


async def run_build(target: BuildTarget, seeds_dir: Path, out: Path, built_at: str) -> BuildSummary:
    """Run `target(seeds_dir, out, built_at)` in a fresh process; raise `BuildFailed` if it fails.

    Cancelling this coroutine kills the process.
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
