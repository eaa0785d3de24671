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
