"""The persisted search index: its generation folder and the SQLite file are one unit.

A build writes the tantivy index into `<index>.search/<build id>/` and the file names it; opening
reads the metadata and search data and leaves the passages on disk until asked for. These tests
check that the two never disagree after a swap (or a crash before one), that a missing or damaged
folder is written again, and that the lazily opened index answers exactly as a corpus searched in
memory does.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.ingest import IngestResult, read_article
from bot.core.library import LazyArticles
from bot.core.search import Searcher
from bot.store.index_db import build_index, index_stamp, load_corpus
from bot.store.index_reader import open_index
from bot.store.search_index import BUILDER_FILE
from tests.store.synthetic import sample_result

BUILT_AT = "2024-05-01T08:00:00+00:00"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "lamberty-2024-nato-mission-iraq.txt"
QUERIES = (
    "how many soldiers in NATO Mission Iraq",
    "advisroy mision",
    "NMI",
    "who wrote this article",
    "why did the mission start",
    "quokka",
)


@functools.cache
def seed_result() -> IngestResult:
    """The seed article (read once per session) and the store tests' sample article."""
    article, issues = read_article(SEED)
    assert article is not None
    sample = sample_result()
    return IngestResult(articles=(article, *sample.articles), issues=tuple(issues))


def generations(index: Path) -> list[str]:
    root = index.with_name(index.name + ".search")
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


def answers(searcher: Searcher) -> list[object]:
    out: list[object] = []
    for query in QUERIES:
        out.append(dataclasses.asdict(searcher.facts(query)))
        out.append(dataclasses.asdict(searcher.quotes(query)))
        out.append(searcher.autocomplete("fact", query[:5]))
    out.append(searcher.autocomplete("quote", ""))
    out.append(searcher.quotes("", speaker="Lamberty"))
    out += [searcher.about(), searcher.articles(), searcher.speakers()]
    return out


async def test_the_opened_index_answers_as_the_corpus_searched_in_memory(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    summary = await build_index(seed_result(), out, built_at=BUILT_AT)
    in_memory = Searcher(await load_corpus(out))
    opened = open_index(out)
    assert isinstance(opened.corpus.articles, LazyArticles)
    assert opened.info.build_id == summary.build_id
    assert generations(out) == [summary.build_id]
    persisted = Searcher(opened.corpus, opened.prepared)
    assert answers(persisted) == answers(in_memory)


async def test_lazy_articles_equal_the_stored_ones(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    result = seed_result()
    await build_index(result, out, built_at=BUILT_AT)
    corpus = open_index(out).corpus
    assert len(corpus.articles) == len(result.articles)
    assert list(corpus.articles) == list(result.articles)
    assert corpus.articles[-1] == result.articles[-1]
    assert corpus.article(result.articles[1].id) == result.articles[1]
    assert corpus.article("no-such-article") is None


async def test_after_a_swap_the_file_and_the_folder_are_the_new_build(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    old = open_index(out)
    second = await build_index(seed_result(), out, built_at=BUILT_AT)
    assert generations(out) == [second.build_id]  # A's folder went with the swap
    new = open_index(out)
    assert new.info.build_id == second.build_id != first.build_id
    searcher = Searcher(new.corpus, new.prepared)
    assert searcher.facts("how many soldiers in NATO Mission Iraq").hits
    # the searcher opened before the swap still reads its own build (open files stay readable)
    before = Searcher(old.corpus, old.prepared)
    assert {a.id for a in before.articles()} == {a.id for a in sample_result().articles}


KILLED_BUILD = """
import asyncio, os, signal, sys
from pathlib import Path
from bot.store.index_db import build_index
from tests.store.test_search_index import seed_result
os.replace = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)  # die at the swap
asyncio.run(build_index(seed_result(), Path(sys.argv[1]), built_at="2024-05-02T00:00:00+00:00"))
"""


async def test_a_kill_between_the_folder_and_the_swap_leaves_the_old_build_whole(
    tmp_path: Path,
) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(out)], cwd=REPO, capture_output=True, check=False
    )
    assert proc.returncode == -9, proc.stderr.decode()
    orphan = [g for g in generations(out) if g != first.build_id]
    assert len(orphan) == 1  # the new generation was complete when the swap was cut short
    assert await index_stamp(out) == first.build_id
    opened = open_index(out)
    assert opened.info.build_id == first.build_id
    searcher = Searcher(opened.corpus, opened.prepared)
    assert {a.id for a in searcher.articles()} == {a.id for a in sample_result().articles}
    # its builder is gone: the next build removes it (and the temp file) as leftovers
    third = await build_index(sample_result(), out, built_at=BUILT_AT)
    assert generations(out) == [third.build_id]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite3", "index.sqlite3.search"]


async def test_a_generation_whose_builder_lives_is_kept_until_stale(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(sample_result(), out, built_at=BUILT_AT)
    root = out.with_name(out.name + ".search")
    alive, dead = root / "a", root / "b"
    for folder, pid in ((alive, "1"), (dead, "999999999")):  # pid 1 is always alive
        folder.mkdir()
        (folder / BUILDER_FILE).write_text(pid, encoding="ascii")
    (root / ".tmp-999999999-x-y").mkdir()  # a temp folder of a dead build
    summary = await build_index(sample_result(), out, built_at=BUILT_AT)
    assert generations(out) == sorted(["a", summary.build_id])


@pytest.mark.parametrize("damage", ["missing", "corrupt", "truncated", "other build"])
async def test_a_missing_or_damaged_search_folder_is_written_again(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "index.sqlite3"
    summary = await build_index(seed_result(), out, built_at=BUILT_AT)
    expected = answers(Searcher(await load_corpus(out)))
    folder = out.with_name(out.name + ".search") / summary.build_id
    if damage == "missing":
        shutil.rmtree(folder)
    elif damage == "corrupt":
        (folder / "meta.json").write_text("{not json", encoding="utf-8")
    elif damage == "truncated":  # a segment file cut short (a disk that filled up, a bad copy)
        for path in folder.iterdir():
            if path.suffix in (".idx", ".fast"):
                path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:  # a folder holding another index's documents
        other = tmp_path / "other.sqlite3"
        built = await build_index(sample_result(), other, built_at=BUILT_AT)
        shutil.rmtree(folder)
        shutil.copytree(other.with_name(other.name + ".search") / built.build_id, folder)
    with caplog.at_level(logging.WARNING, logger="bot.store.search_reader"):
        opened = open_index(out)
    assert "writing it again" in caplog.text
    assert answers(Searcher(opened.corpus, opened.prepared)) == expected
    assert folder.is_dir() and generations(out) == [summary.build_id]


async def test_an_unwritable_search_folder_is_searched_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.store.search_reader as search_reader

    out = tmp_path / "index.sqlite3"
    summary = await build_index(seed_result(), out, built_at=BUILT_AT)
    expected = answers(Searcher(await load_corpus(out)))
    shutil.rmtree(out.with_name(out.name + ".search") / summary.build_id)

    def read_only(*_args: object) -> Path:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(search_reader, "write_generation", read_only)
    opened = open_index(out)
    assert answers(Searcher(opened.corpus, opened.prepared)) == expected


async def test_the_documents_of_the_file_are_those_the_folder_indexes(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(seed_result(), out, built_at=BUILT_AT)
    opened = open_index(out)
    with sqlite3.connect(out) as db:
        (docs,) = db.execute("SELECT COUNT(*) FROM docs").fetchone()
        (count,) = db.execute("SELECT value FROM meta WHERE key = 'count_docs'").fetchone()
    assert opened.prepared.index.searcher().num_docs == docs == int(count)
    assert len(opened.prepared.doc_article) == docs
