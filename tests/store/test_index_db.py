from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.core.ingest import IngestResult
from bot.core.model import Article, Sentence
from bot.store import index_db
from bot.store.index_db import (
    SCHEMA_VERSION,
    IndexBuildError,
    IndexMissingError,
    IndexSchemaError,
    IndexVersionError,
    build_index,
    index_info,
    index_stamp,
    load_corpus,
    load_index,
    remove_stale_temp_files,
)
from tests.store.synthetic import bare_article, sample_article, sample_result, synthetic_result

BUILT_AT = "2024-05-01T08:00:00+00:00"
REPO = Path(__file__).resolve().parents[2]


def temp_files(out: Path) -> list[Path]:
    return sorted(out.parent.glob(out.name + ".tmp-*"))


def dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(proc.stdout)


# ------------------------------------------------------------------------------ round trip


async def test_round_trip_gives_equal_articles_issues_and_build_time(tmp_path: Path) -> None:
    result = sample_result()
    out = tmp_path / "index.sqlite3"

    summary = await build_index(result, out, built_at=BUILT_AT)
    corpus = await load_corpus(out)

    assert corpus.articles == result.articles
    assert corpus.issues == result.issues
    assert corpus.built_at == BUILT_AT
    # the rich sample really exercises the optional fields
    loaded = corpus.article("lamberty-2024-sample")
    assert loaded is not None
    assert loaded.sentences[2].credit == "Photo: picture alliance / dpa"
    assert loaded.notes[2].refers_to == 2
    assert loaded.figures[2].value == 1 / 3
    assert summary.articles == 2
    assert summary.sentences == 5
    assert (summary.notes, summary.quotes, summary.figures, summary.glossary) == (4, 2, 4, 2)
    assert summary.issues == result.issues
    assert summary.path == out
    assert summary.seconds > 0


async def test_sentence_and_article_order_is_kept_not_sorted(tmp_path: Path) -> None:
    # ids deliberately out of lexicographic order: reading order must win
    sentences = tuple(
        Sentence(id=f"z:s{n:04d}", text=f"Sentence {n}.", section="", paragraph=1)
        for n in (3, 1, 2, 10)
    )
    articles = (
        Article(id="z", title="Z", source_file="z.txt", sentences=sentences),
        Article(id="a", title="A", source_file="a.txt", sections=("b", "a")),
    )
    out = tmp_path / "index.sqlite3"
    await build_index(IngestResult(articles=articles, issues=()), out, built_at=BUILT_AT)

    corpus = await load_corpus(out)

    assert [a.id for a in corpus.articles] == ["z", "a"]
    assert [s.id for s in corpus.articles[0].sentences] == [
        "z:s0003",
        "z:s0001",
        "z:s0002",
        "z:s0010",
    ]
    assert corpus.articles[1].sections == ("b", "a")


async def test_empty_result_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(IngestResult(articles=(), issues=()), out, built_at=BUILT_AT)
    corpus = await load_corpus(out)
    assert corpus.articles == ()
    assert corpus.built_at == BUILT_AT


async def test_build_creates_parent_directories(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "index.sqlite3"
    await build_index(sample_result(), out, built_at=BUILT_AT)
    assert (await load_corpus(out)).articles == sample_result().articles


async def test_the_docs_table_holds_every_sentence_and_quote_text(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(sample_result(), out, built_at=BUILT_AT)
    with sqlite3.connect(out) as db:
        rows = db.execute(
            "SELECT anchor, what FROM docs WHERE text LIKE '%soldiers%' OR text LIKE '%safer%' "
            "ORDER BY doc"
        ).fetchall()
        (sentences,) = db.execute("SELECT COUNT(*) FROM docs WHERE what = 0").fetchone()
        (stored,) = db.execute("SELECT COUNT(*) FROM sentences").fetchone()
    assert ("lamberty-2024-sample:s0002", 0) in rows and ("lamberty-2024-sample:s0003", 0) in rows
    assert any(what == 1 for _, what in rows)  # the quote
    assert sentences == stored


# ---------------------------------------------------------------------------- stamp, info


async def test_stamp_changes_on_every_build_and_matches_info(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    stamp1 = await index_stamp(out)
    second = await build_index(sample_result(), out, built_at=BUILT_AT)
    stamp2 = await index_stamp(out)

    assert stamp1 == first.build_id
    assert stamp2 == second.build_id
    assert stamp1 != stamp2
    info = await index_info(out)
    assert info.schema_version == SCHEMA_VERSION
    assert info.counts["sentences"] == 5
    assert info.counts["issues"] == 2
    corpus, loaded_info = await load_index(out)
    assert loaded_info.build_id == stamp2
    assert corpus.articles == sample_result().articles


async def test_stamp_is_none_for_missing_or_foreign_files(tmp_path: Path) -> None:
    assert await index_stamp(tmp_path / "nope.sqlite3") is None
    text = tmp_path / "text.sqlite3"
    text.write_text("hello, not a database\n" * 100)
    assert await index_stamp(text) is None
    assert await index_stamp(tmp_path) is None  # a directory


# --------------------------------------------------------------------------- domain errors


async def test_missing_index_raises_domain_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="no index at"):
        await load_corpus(tmp_path / "missing.sqlite3")


async def test_file_that_is_not_sqlite_raises_schema_error(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(IndexSchemaError) as caught:
        await load_corpus(path)
    assert not isinstance(caught.value, IndexVersionError)


async def test_other_sqlite_database_is_not_a_factbot_index(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    with pytest.raises(IndexSchemaError, match="not a Factbot index") as caught:
        await load_corpus(path)
    assert not isinstance(caught.value, IndexVersionError)


async def test_other_schema_version_raises_version_error(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(sample_result(), out, built_at=BUILT_AT)
    with sqlite3.connect(out) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")

    with pytest.raises(IndexVersionError) as caught:
        await load_corpus(out)
    assert caught.value.found == 999
    assert caught.value.expected == SCHEMA_VERSION
    assert isinstance(caught.value, IndexSchemaError)
    assert await index_stamp(out) is None


async def test_damaged_row_raises_schema_error(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    await build_index(sample_result(), out, built_at=BUILT_AT)
    with sqlite3.connect(out) as db:
        db.execute("UPDATE sentences SET notes = 'not json' WHERE pos = 0 AND article = 0")
    with pytest.raises(IndexSchemaError, match="damaged"):
        await load_corpus(out)


# ------------------------------------------------------------------------------ atomicity


async def test_failure_mid_build_keeps_previous_index_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)

    # fail after every article's rows have been filled, before the commit
    async def failing(*_args: object, **_kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(index_db, "write_merged", failing)

    with pytest.raises(sqlite3.OperationalError):
        await build_index(
            IngestResult(articles=(bare_article(),), issues=()), out, built_at="later"
        )

    corpus = await load_corpus(out)
    assert corpus.articles == sample_result().articles
    assert await index_stamp(out) == first.build_id
    assert temp_files(out) == []
    search = out.with_name(out.name + ".search")
    assert sorted(p.name for p in search.iterdir()) == [first.build_id]


async def test_bad_data_mid_build_keeps_previous_index(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    bad_sentence = Sentence(id="bad:s0001", text="x", section="", paragraph=1, kind="weird")  # type: ignore[arg-type]
    bad = Article(id="bad", title="Bad", source_file="bad.txt", sentences=(bad_sentence,))

    with pytest.raises(sqlite3.IntegrityError):
        await build_index(
            IngestResult(articles=(bare_article(), bad), issues=()), out, built_at="later"
        )

    assert await index_stamp(out) == first.build_id
    assert (await load_corpus(out)).articles == sample_result().articles
    assert temp_files(out) == []


async def test_duplicate_ids_are_refused_before_touching_anything(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    twice = IngestResult(articles=(sample_article(), sample_article()), issues=())

    with pytest.raises(IndexBuildError, match="lamberty-2024-sample"):
        await build_index(twice, out, built_at="later")

    other = dataclasses.replace(bare_article(), id="other")
    clash = dataclasses.replace(other, sentences=sample_article().sentences[:1])
    with pytest.raises(IndexBuildError, match="duplicate id"):
        await build_index(
            IngestResult(articles=(sample_article(), clash), issues=()), out, built_at="later"
        )
    assert await index_stamp(out) == first.build_id


async def test_stale_temp_files_are_ignored_then_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    stale = out.with_name(f"{out.name}.tmp-{dead_pid()}-0123456789ab")
    stale.write_bytes(b"half a database")
    stale_journal = stale.with_name(stale.name + "-journal")
    stale_journal.write_bytes(b"junk")
    live = out.with_name(f"{out.name}.tmp-{os.getpid()}-live00000000")
    live.write_bytes(b"a build in progress in this process")
    unrelated = tmp_path / "index.sqlite3.bak"
    unrelated.write_bytes(b"keep me")

    # readers do not care about temp files
    assert await index_stamp(out) == first.build_id
    assert (await load_corpus(out)).articles == sample_result().articles

    second = await build_index(sample_result(), out, built_at=BUILT_AT)

    assert not stale.exists()
    assert not stale_journal.exists()
    assert live.exists()  # may belong to a concurrent build: left alone
    assert unrelated.exists()
    assert await index_stamp(out) == second.build_id


def test_old_temp_files_are_stale_whoever_wrote_them(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    old = out.with_name(f"{out.name}.tmp-{os.getpid()}-old000000000")
    old.write_bytes(b"x")
    long_ago = time.time() - index_db.STALE_TEMP_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    assert remove_stale_temp_files(out) == [old]
    assert not old.exists()


@pytest.mark.skipif(os.name == "nt", reason="needs SIGKILL")
async def test_killed_build_leaves_previous_index_loadable(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    first = await build_index(sample_result(), out, built_at=BUILT_AT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.store.synthetic", str(out), "300", "180"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        # wait until the child is writing its temp file, then give it a moment to get going
        while not any(p.stat().st_size > 0 for p in temp_files(out) if p.exists()):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.005)
        time.sleep(0.05)
        assert proc.poll() is None, "the build finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        stdout, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == -signal.SIGKILL
    assert b"built" not in stdout.replace(b"building", b"")
    leftovers = temp_files(out)
    assert leftovers, "a killed build leaves its temp file behind"
    assert await index_stamp(out) == first.build_id
    assert (await load_corpus(out)).articles == sample_result().articles

    third = await build_index(sample_result(), out, built_at=BUILT_AT)
    assert temp_files(out) == []
    assert await index_stamp(out) == third.build_id


# ---------------------------------------------------------------------------- performance


async def test_a_large_corpus_builds_and_loads_whole(tmp_path: Path) -> None:
    # A fifth of the 1,000-article benchmark size; its speed is measured by `python -m bot bench`
    # (docs/benchmarks.md), never here.
    result = synthetic_result(200, 180)
    out = tmp_path / "index.sqlite3"

    summary = await build_index(result, out, built_at=BUILT_AT)

    assert summary.sentences == 36_000
    corpus = await load_corpus(out)
    assert corpus.articles[-1] == result.articles[-1]
    assert sum(len(a.sentences) for a in corpus.articles) == 36_000


async def test_a_temp_name_that_cannot_be_removed_does_not_stop_the_build(tmp_path: Path) -> None:
    out = tmp_path / "index.sqlite3"
    odd = out.with_name(f"{out.name}.tmp-{dead_pid()}-directory00")
    odd.mkdir()
    (odd / "inside").write_text("x")

    summary = await build_index(sample_result(), out, built_at=BUILT_AT)

    assert odd.is_dir()
    assert await index_stamp(out) == summary.build_id
