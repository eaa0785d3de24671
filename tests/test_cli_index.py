from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands.index import format_issue
from bot.store.index_db import IndexSchemaError, index_stamp, load_corpus
from bot.usecases.indexing import ensure_index

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "lamberty-2024-nato-mission-iraq"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted((REPO / "seeds").iterdir()):
        if path.suffix in {".txt", ".md", ".toml"}:
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder (no .env) with settings pointing into tmp_path."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(tmp_path / "seeds"))
    monkeypatch.setenv("FACTBOT_INDEX_PATH", str(tmp_path / "data" / "index.sqlite3"))


def stamp(path: Path) -> str | None:
    return asyncio.run(index_stamp(path))


def test_index_builds_the_seeds_and_prints_a_summary(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "built" / "index.sqlite3"
    (seeds / "zz-empty.txt").write_text("")  # a file ingestion reports and skips

    code = main(["index", "--seeds", str(seeds), "--out", str(out)])

    captured = capsys.readouterr()
    assert code == 0, captured.err
    corpus = asyncio.run(load_corpus(out))
    article = corpus.article(SEED_ID)
    assert article is not None
    assert len(article.sentences) > 50
    lines = captured.out.splitlines()
    assert lines[0].startswith(f"Built {out} in ")
    counts = {
        line.rsplit(maxsplit=1)[0].strip(): int(line.rsplit(maxsplit=1)[1]) for line in lines[1:8]
    }
    assert counts["articles"] == len(corpus.articles)
    assert counts["sentences"] == sum(len(a.sentences) for a in corpus.articles)
    assert counts["notes"] == sum(len(a.notes) for a in corpus.articles)
    assert counts["quotes"] == sum(len(a.quotes) for a in corpus.articles)
    assert counts["figures"] == sum(len(a.figures) for a in corpus.articles)
    assert counts["glossary entries"] == sum(len(a.glossary) for a in corpus.articles)
    assert counts["warnings"] == len(corpus.issues)
    assert lines[8:] == [format_issue(issue) for issue in corpus.issues]
    assert any(line.startswith("seeds/zz-empty.txt") for line in lines[8:])


def test_index_uses_settings_by_default(seeds: Path, tmp_path: Path) -> None:
    assert main(["index"]) == 0
    assert stamp(tmp_path / "data" / "index.sqlite3") is not None


def test_index_without_seeds_folder_fails_and_keeps_the_old_index(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "index.sqlite3"
    assert main(["index", "--seeds", str(seeds), "--out", str(out)]) == 0
    before = stamp(out)
    capsys.readouterr()

    code = main(["index", "--seeds", str(tmp_path / "nowhere"), "--out", str(out)])

    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "nowhere" in captured.err
    assert stamp(out) == before


def test_index_with_no_readable_article_fails_and_keeps_the_old_index(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "index.sqlite3"
    assert main(["index", "--seeds", str(seeds), "--out", str(out)]) == 0
    before = stamp(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    capsys.readouterr()

    code = main(["index", "--seeds", str(empty), "--out", str(out)])

    assert code != 0
    assert "no article" in capsys.readouterr().err
    assert stamp(out) == before


def test_export_builds_a_missing_index_then_prints_json(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "fresh" / "index.sqlite3"

    code = main(["export", "--index", str(index), "--build"])

    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "building" in captured.err or "built" in captured.err
    data = json.loads(captured.out)
    ids = [a["id"] for a in data["articles"]]
    assert SEED_ID in ids
    article = data["articles"][ids.index(SEED_ID)]
    assert article["source_file"] == f"{SEED_ID}.txt"
    assert article["sentences"][0]["id"] == f"{SEED_ID}:s0001"
    first_stamp = stamp(index)
    assert first_stamp is not None

    # a second export reads the existing index: no rebuild, same bytes
    assert main(["export", "--index", str(index)]) == 0
    again = capsys.readouterr()
    assert again.err == ""
    assert again.out == captured.out
    assert stamp(index) == first_stamp


def test_export_is_byte_identical_across_builds(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    assert main(["index", "--seeds", str(seeds), "--out", str(one)]) == 0
    assert main(["index", "--seeds", str(seeds), "--out", str(two)]) == 0
    assert stamp(one) != stamp(two)
    capsys.readouterr()

    assert main(["export", "--index", str(one)]) == 0
    first = capsys.readouterr().out
    assert main(["export", "--index", str(two)]) == 0
    assert capsys.readouterr().out == first
    assert str(tmp_path) not in first  # no absolute paths


def test_export_fails_cleanly_when_nothing_can_be_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", "--index", str(tmp_path / "missing.sqlite3")])
    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1


def test_export_refuses_a_file_that_is_not_an_index(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "state.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE feedback (x)")
    before = other.read_bytes()

    code = main(["export", "--index", str(other)])

    assert code != 0
    assert "not a Factbot index" in capsys.readouterr().err
    assert other.read_bytes() == before


async def test_ensure_index_builds_only_when_missing_or_outdated(
    seeds: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index.sqlite3"

    built = await ensure_index(seeds, index, built_at="2024-01-01T00:00:00+00:00")
    assert built is not None
    first = await index_stamp(index)
    assert first == built.build_id

    assert await ensure_index(seeds, index, built_at="later") is None
    assert await index_stamp(index) == first

    with sqlite3.connect(index) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    rebuilt = await ensure_index(seeds, index, built_at="2024-02-02T00:00:00+00:00")
    assert rebuilt is not None
    assert await index_stamp(index) == rebuilt.build_id != first
    assert (await load_corpus(index)).built_at == "2024-02-02T00:00:00+00:00"


async def test_ensure_index_leaves_foreign_files_alone(seeds: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("my notes, not an index")
    with pytest.raises(IndexSchemaError):
        await ensure_index(seeds, other, built_at="x")
    assert other.read_text() == "my notes, not an index"
