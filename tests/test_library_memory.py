"""The library keeps its live index out of garbage collections and frees the one it replaces."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.usecases.indexing import LiveIndex as Library
from tests.prebuilt import install_index

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.settles_memory
async def test_a_reindex_frees_the_replaced_searcher_and_freezes_the_new_one(
    tmp_path: Path,
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    settings = Settings(
        seeds_dir=seeds,
        index_path=tmp_path / "index.sqlite3",
        state_path=tmp_path / "state.sqlite3",
    )
    await install_index(settings)
    library = Library(settings)
    try:
        await library.open()
        assert gc.get_freeze_count() > 0, "the loaded index is frozen"
        old = weakref.ref(library.searcher)
        report = await library.reindex()
        assert report.ok and report.swapped
        assert old() is None, "the replaced searcher was freed despite the freeze"
    finally:
        gc.unfreeze()


class _Cycle:
    """An object in a reference cycle, which only the cyclic collector can free."""

    def __init__(self) -> None:
        self.me = self


@pytest.mark.settles_memory
def test_after_an_answer_its_survivors_are_frozen_and_its_garbage_cycles_freed() -> None:
    after = Library(Settings()).after_answers
    try:
        kept = [_Cycle() for _ in range(50)]
        dropped = _Cycle()
        gone = weakref.ref(dropped)
        del dropped
        frozen_before = gc.get_freeze_count()
        after.answered()
        assert gone() is None, "a cycle the answer dropped is collected, not frozen"
        assert gc.get_freeze_count() >= frozen_before + len(kept), "what it keeps is frozen"
        assert gc.get_count()[0] < len(kept), "the young generation starts empty"
    finally:
        gc.unfreeze()


@pytest.mark.settles_memory
def test_a_cycle_frozen_while_in_use_is_freed_by_the_next_full_settle() -> None:
    after = Library(Settings()).after_answers
    after.every = 3
    try:
        used = _Cycle()
        held = weakref.ref(used)
        after.answered()  # frozen while still in use
        del used
        after.answered()
        assert held() is not None, "frozen: the collector does not see it yet"
        after.answered()  # the third answer settles in full
        assert held() is None
    finally:
        gc.unfreeze()
