"""Fixtures shared by every test folder."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

import bot.usecases.build_process as build_process
import bot.usecases.indexing as indexing
from bot.store.index_db import BuildSummary
from bot.usecases.build_process import BuildFailed, BuildTarget, ProgressCallback, target_name
from tests.build_workers import counting_worker, gated_worker


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "settles_memory: run the live index's real `settle_memory` (full collection, freeze)",
    )


@pytest.fixture(autouse=True)
def collections_left_to_python(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skip `settle_memory` after each index load and `freeze_survivors` after each answer.

    `settle_memory` unfreezes, collects everything and freezes again: tuning for the bot's own
    heap, which is mostly the corpus. In a test process the full collection walks everything
    pytest holds (~120 ms a load, a quarter of the suite's CPU over its ~130 loads), and freezing
    after each answer would keep pytest's garbage cycles; no test but the ones marked
    `settles_memory` (tests/test_library_memory.py) looks at what they do, and those run them.
    """
    if request.node.get_closest_marker("settles_memory") is None:
        monkeypatch.setattr(indexing, "settle_memory", lambda: None)
        monkeypatch.setattr(indexing, "freeze_survivors", lambda: None)


@pytest.fixture
def builds_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each reindex's build in a thread of this process instead of a build process.

    For tests about what a reindex reports, swaps, refuses or serves meanwhile, not about the
    build process (its start, crash, kill and cancellation keep the real one: the tests that use
    the crashing targets of `tests.build_workers`, and the healthy reindex after each of them).
    Only targets that leave nothing patched run here; any other still gets its own process. A
    failure reads as the build process reports it, and progress reaches the caller's callback
    on its event loop, as the build process's progress lines do.
    """
    real_run_build = indexing.run_build
    patch_free: tuple[BuildTarget, ...] = (indexing.build_worker, gated_worker, counting_worker)

    async def run_here(
        target: BuildTarget,
        seeds_dir: Path,
        out: Path,
        built_at: str,
        *,
        progress: ProgressCallback | None = None,
    ) -> BuildSummary:
        if target not in patch_free:
            return await real_run_build(target, seeds_dir, out, built_at, progress=progress)
        target_name(target)  # the same check: only module-level functions qualify
        loop = asyncio.get_running_loop()

        def tell(done: int, total: int) -> None:  # on the event loop, as the relay does
            if progress is not None:
                try:
                    progress(done, total)
                except Exception:
                    logging.getLogger(__name__).exception("a progress callback raised")

        def report(done: int, total: int) -> None:  # called in the build's thread
            loop.call_soon_threadsafe(tell, done, total)

        monkeypatch.setattr(build_process, "report_progress", report)
        try:
            return await asyncio.to_thread(target, seeds_dir, out, built_at)
        except Exception as exc:
            raise BuildFailed(f"the build failed: {type(exc).__name__}: {exc}") from exc

    monkeypatch.setattr(indexing, "run_build", run_here)
