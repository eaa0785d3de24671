"""The seeds folder that syncs itself: changes are picked up once they settle, through reindex.

Polls are driven by hand (no sleeping); the build logs every file it parses
(`tests.build_workers.counting_worker`), so "not read" is observed, not assumed. The builds run
in a thread of the test (`builds_in_process`): these tests are about when the sync reindexes, not
about the build process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.usecases.indexing import LiveIndex
from bot.usecases.seeds_sync import SeedsSync, changes, snapshot
from tests.build_workers import counting_worker
from tests.prebuilt import install_index
from tests.test_incremental import article_text, logged_reads, text_of
from tests.test_library import EXISTING_ID, NEW_ARTICLE, NEW_ID, make_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = make_settings(tmp_path)
    (settings.seeds_dir / f"{NEW_ID}.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return settings


@pytest.fixture
async def live(settings: Settings, builds_in_process: None) -> LiveIndex:
    await install_index(settings)
    live = LiveIndex(settings)
    await live.open()
    live.build_target = counting_worker
    return live


@pytest.fixture
async def sync(live: LiveIndex, settings: Settings) -> SeedsSync:
    sync = SeedsSync(live, settings.seeds_dir, settings.index_path)
    assert await sync.poll() is None  # the baseline: the folder the index was built from
    return sync


def test_changes_name_added_changed_and_removed_files() -> None:
    before = {"a.txt": (1, 1), "b.txt": (2, 2), "c.txt": (3, 3)}
    after = {"a.txt": (1, 1), "b.txt": (2, 5), "d.txt": (4, 4)}
    found = changes(before, after)
    assert (found.added, found.changed, found.removed) == (("d.txt",), ("b.txt",), ("c.txt",))
    assert not changes(after, after)


async def test_a_changed_file_is_picked_up_once_it_settles(
    sync: SeedsSync, live: LiveIndex, settings: Settings
) -> None:
    (settings.seeds_dir / f"{NEW_ID}.txt").write_text(article_text("Wombat"), encoding="utf-8")
    assert await sync.poll() is None  # changed since the last poll: wait one more
    report = await sync.poll()
    assert report is not None and report.ok and report.swapped
    assert report.changed == (NEW_ID,) and report.added == () and report.removed == ()
    assert "Wombat" in text_of(live.corpus, NEW_ID)
    assert logged_reads(settings) == [f"{NEW_ID}.txt"]
    assert await sync.poll() is None  # nothing new since


async def test_an_added_and_a_removed_file_are_picked_up(
    sync: SeedsSync, live: LiveIndex, settings: Settings
) -> None:
    (settings.seeds_dir / "zz-numbat.txt").write_text(article_text("Numbat"), encoding="utf-8")
    assert await sync.poll() is None
    report = await sync.poll()
    assert report is not None and report.added == ("zz-numbat",)
    assert logged_reads(settings) == ["zz-numbat.txt"]
    (settings.seeds_dir / f"{NEW_ID}.txt").unlink()
    assert await sync.poll() is None
    report = await sync.poll()
    assert report is not None and report.removed == (NEW_ID,)
    assert [a.id for a in live.corpus.articles] == [EXISTING_ID, "zz-numbat"]
    assert logged_reads(settings) == []


async def test_a_file_still_being_written_is_not_read(
    sync: SeedsSync, live: LiveIndex, settings: Settings
) -> None:
    text = article_text("Bilby")
    path = settings.seeds_dir / "zz-bilby.txt"
    cut = len(text) // 3
    with path.open("w", encoding="utf-8") as handle:
        for part in (text[:cut], text[cut : 2 * cut], text[2 * cut :]):
            handle.write(part)
            handle.flush()
            assert await sync.poll() is None  # it grew since the last poll
    assert logged_reads(settings) == []  # no build ran while it was being written
    report = await sync.poll()
    assert report is not None and report.added == ("zz-bilby",)
    assert "340 volunteers" in text_of(live.corpus, "zz-bilby")  # the whole file, last part too
    assert "2.5 million dollars" in text_of(live.corpus, "zz-bilby")


async def test_a_folder_changed_while_the_bot_was_down_is_reindexed(
    live: LiveIndex, settings: Settings
) -> None:
    path = settings.seeds_dir / f"{NEW_ID}.txt"
    path.write_text(article_text("Wombat"), encoding="utf-8")
    later = settings.index_path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    sync = SeedsSync(live, settings.seeds_dir, settings.index_path)
    assert await sync.poll() is None
    report = await sync.poll()
    assert report is not None and report.changed == (NEW_ID,)


async def test_a_reindex_already_running_is_not_queued_behind(
    sync: SeedsSync, live: LiveIndex, settings: Settings
) -> None:
    (settings.seeds_dir / "zz-numbat.txt").write_text(article_text("Numbat"), encoding="utf-8")
    assert await sync.poll() is None
    async with live._lock:  # as if an admin's /reindex were running
        assert await sync.poll() is None
    report = await sync.poll()
    assert report is not None and report.added == ("zz-numbat",)


def test_snapshot_skips_hidden_names_and_survives_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / ".partial").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("abc", encoding="utf-8")
    assert list(snapshot(tmp_path)) == ["a.txt"]
    assert snapshot(tmp_path / "missing") == {}
