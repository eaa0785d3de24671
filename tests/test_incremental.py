"""Incremental builds: unchanged seed files are carried over unread, changed ones are read.

Reads are counted by wrapping ingestion's `read_article` (in this process through monkeypatch,
in the reindex's build process through `tests.build_workers.counting_worker`, which logs every
file it parses).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

import bot.usecases.incremental as incremental
from bot.core.ingest import DEFAULT_BUDGET, IngestBudget, read_seeds
from bot.core.model import Corpus
from bot.settings import Settings
from bot.store.index_db import index_stamp, load_index, previous_build
from bot.usecases.building import build_from_seeds
from bot.usecases.incremental import read_seeds_incrementally
from bot.usecases.indexing import LiveIndex
from tests.build_workers import READS_LOG, counting_killed_worker, counting_worker
from tests.prebuilt import install_index
from tests.test_library import EXISTING_ID, NEW_ARTICLE, NEW_ID, index_files, make_settings

SEED = f"{EXISTING_ID}.txt"
STAMP = "2026-01-01T00:00:00+00:00"


def article_text(topic: str) -> str:
    return NEW_ARTICLE.replace("Quokka", topic).replace("quokka", topic.lower())


def text_of(corpus: Corpus, article_id: str) -> str:
    article = next(a for a in corpus.articles if a.id == article_id)
    return " ".join(s.text for s in article.sentences)


def table_rows(index: Path, table: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(index)) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = make_settings(tmp_path)
    (settings.seeds_dir / f"{NEW_ID}.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return settings


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = incremental.read_article

    def counted(path: Path, budget: IngestBudget = DEFAULT_BUDGET):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return real(path, budget)

    monkeypatch.setattr(incremental, "read_article", counted)
    return seen


def test_a_first_read_equals_read_seeds_issues_included(settings: Settings) -> None:
    seeds = settings.seeds_dir
    (seeds / "orphan.toml").write_text('title = "x"\n', encoding="utf-8")
    (seeds / f"{NEW_ID}.md").write_text(NEW_ARTICLE, encoding="utf-8")  # a duplicate id
    (seeds / "zz-empty.txt").write_bytes(b"")
    (seeds / "zz-link.txt").symlink_to(seeds / SEED)
    read = read_seeds_incrementally(seeds, {}, {})
    assert read.result == read_seeds(seeds)
    assert read.carried == 0
    assert set(read.read) == {SEED, f"{NEW_ID}.md", "zz-empty.txt"}  # .md sorts first


async def test_an_unchanged_file_is_carried_over_and_a_changed_one_read(
    settings: Settings, reads: list[str]
) -> None:
    seeds, index = settings.seeds_dir, settings.index_path
    await build_from_seeds(seeds, index, built_at=STAMP)
    assert sorted(reads) == sorted([SEED, f"{NEW_ID}.txt"])
    reads.clear()
    (seeds / f"{NEW_ID}.txt").write_text(article_text("Wombat"), encoding="utf-8")
    (seeds / "zz-added.txt").write_text(article_text("Numbat"), encoding="utf-8")
    summary = await build_from_seeds(seeds, index, built_at=STAMP)
    assert sorted(reads) == sorted([f"{NEW_ID}.txt", "zz-added.txt"])
    assert summary.carried == 1 and summary.articles == 3
    incremental_corpus, _ = await load_index(index)
    full = index.with_name("full.sqlite3")
    await build_from_seeds(seeds, full, built_at=STAMP, incremental=False)
    full_corpus, _ = await load_index(full)
    assert incremental_corpus.articles == full_corpus.articles
    assert incremental_corpus.issues == full_corpus.issues
    for table in ("docs", "article_search", "search"):  # copied search data, as if analysed
        assert table_rows(index, table) == table_rows(full, table)
    assert "Wombat" in text_of(incremental_corpus, NEW_ID)
    # a removed file is gone, and with nothing changed nothing is read
    reads.clear()
    (seeds / "zz-added.txt").unlink()
    summary = await build_from_seeds(seeds, index, built_at=STAMP)
    assert reads == [] and summary.carried == 2 and summary.articles == 2


async def test_a_sidecar_change_and_a_reader_change_read_again(
    settings: Settings, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, index = settings.seeds_dir, settings.index_path
    await build_from_seeds(seeds, index, built_at=STAMP)
    reads.clear()
    (seeds / f"{NEW_ID}.toml").write_text('title = "A Sidecar Title"\n', encoding="utf-8")
    await build_from_seeds(seeds, index, built_at=STAMP)
    assert reads == [f"{NEW_ID}.txt"]
    corpus, _ = await load_index(index)
    assert corpus.articles[1].title == "A Sidecar Title"
    reads.clear()
    monkeypatch.setattr(incremental, "ingest_fingerprint", lambda: "another reader")
    summary = await build_from_seeds(seeds, index, built_at=STAMP)
    assert sorted(reads) == sorted([SEED, f"{NEW_ID}.txt"]) and summary.carried == 0


async def test_files_that_gave_no_article_keep_their_issues_unread(
    settings: Settings, reads: list[str]
) -> None:
    seeds, index = settings.seeds_dir, settings.index_path
    (seeds / "zz-empty.txt").write_bytes(b"")
    first = await build_from_seeds(seeds, index, built_at=STAMP)
    reads.clear()
    second = await build_from_seeds(seeds, index, built_at=STAMP)
    assert reads == [] and second.issues == first.issues
    assert any("zz-empty" in issue.file for issue in second.issues)


async def test_an_index_without_seed_files_is_read_in_full(settings: Settings) -> None:
    index = settings.index_path
    await build_from_seeds(settings.seeds_dir, index, built_at=STAMP, incremental=False)
    # a full build records its files too; a missing or foreign file gives no carry-over
    files, articles = await previous_build(index)
    assert set(files) == {SEED, f"{NEW_ID}.txt"} and set(articles) == {EXISTING_ID, NEW_ID}
    assert await previous_build(index.with_name("missing.sqlite3")) == ({}, {})
    (index.parent / "junk.sqlite3").write_bytes(b"not an index")
    assert await previous_build(index.parent / "junk.sqlite3") == ({}, {})


def logged_reads(settings: Settings) -> list[str]:
    log = settings.seeds_dir.parent / READS_LOG
    names = log.read_text(encoding="utf-8").split() if log.exists() else []
    log.unlink(missing_ok=True)
    return names


@pytest.mark.usefixtures("builds_in_process")
async def test_a_reindex_reads_only_the_changed_file(settings: Settings) -> None:
    await install_index(settings)
    live = LiveIndex(settings)
    await live.open()
    live.build_target = counting_worker
    (settings.seeds_dir / f"{NEW_ID}.txt").write_text(article_text("Wombat"), encoding="utf-8")
    report = await live.reindex()
    assert report.ok and report.swapped
    assert report.changed == (NEW_ID,) and report.added == () and report.removed == ()
    assert report.unchanged == 1
    assert logged_reads(settings) == [f"{NEW_ID}.txt"]


async def test_a_kill_during_an_incremental_build_leaves_the_old_index_serving(
    settings: Settings,
) -> None:
    await install_index(settings)
    live = LiveIndex(settings)
    await live.open()
    old_searcher, stamp = live.searcher, await index_stamp(settings.index_path)
    (settings.seeds_dir / f"{NEW_ID}.txt").write_text(article_text("Wombat"), encoding="utf-8")
    live.build_target = counting_killed_worker
    report = await live.reindex()
    assert not report.ok and not report.swapped
    assert report.error is not None and "killed (SIGKILL)" in report.error
    assert logged_reads(settings) == [f"{NEW_ID}.txt"]  # it was incremental when it died
    assert live.searcher is old_searcher
    assert await index_stamp(settings.index_path) == stamp
    restarted = LiveIndex(settings)
    await restarted.open()
    assert "Quokka" in text_of(restarted.corpus, NEW_ID)
    # the next healthy reindex still carries over what it can, and picks up the change
    live.build_target = counting_worker
    report = await live.reindex()
    assert report.changed == (NEW_ID,)
    assert logged_reads(settings) == [f"{NEW_ID}.txt"]
    assert index_files(settings) == [settings.index_path.name]


def test_the_index_command_says_what_it_carried_over(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    argv = ["index", "--seeds", str(settings.seeds_dir), "--out", str(settings.index_path)]
    assert main(argv) == 0
    assert "carried over" not in capsys.readouterr().out
    assert main(argv) == 0
    assert "(2 unchanged seed files carried over, not read again)" in capsys.readouterr().out


async def test_a_schema_change_reads_everything_again(
    settings: Settings, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.store.index_db as index_db

    seeds, index = settings.seeds_dir, settings.index_path
    await build_from_seeds(seeds, index, built_at=STAMP)
    reads.clear()
    monkeypatch.setattr(index_db, "SCHEMA_VERSION", index_db.SCHEMA_VERSION + 1)
    summary = await build_from_seeds(seeds, index, built_at=STAMP)
    assert sorted(reads) == sorted([SEED, f"{NEW_ID}.txt"]) and summary.carried == 0
