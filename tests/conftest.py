"""Fixtures shared by every test folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import bot.usecases.indexing as indexing
from bot.store.index_db import BuildSummary
from bot.usecases.build_process import BuildFailed, BuildTarget, target_name
from tests.build_workers import counting_worker, gated_worker


@pytest.fixture
def builds_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each reindex's build in a thread of this process instead of a build process.

    For tests about what a reindex reports, swaps, refuses or serves meanwhile, not about the
    build process (its start, crash, kill and cancellation keep the real one: the tests that use
    the crashing targets of `tests.build_workers`, and the healthy reindex after each of them).
    Only targets that leave nothing patched run here; any other still gets its own process. A
    failure reads as the build process reports it.
    """
    real_run_build = indexing.run_build
    patch_free: tuple[BuildTarget, ...] = (indexing.build_worker, gated_worker, counting_worker)

    async def run_here(
        target: BuildTarget, seeds_dir: Path, out: Path, built_at: str
    ) -> BuildSummary:
        if target not in patch_free:
            return await real_run_build(target, seeds_dir, out, built_at)
        target_name(target)  # the same check: only module-level functions qualify
        try:
            return await asyncio.to_thread(target, seeds_dir, out, built_at)
        except Exception as exc:
            raise BuildFailed(f"the build failed: {type(exc).__name__}: {exc}") from exc

    monkeypatch.setattr(indexing, "run_build", run_here)
