"""Hostile seed folders: links, FIFOs, bad sidecars and oversized files never stop the build."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.ingest import IngestBudget, read_seeds

GOOD = "Good Article Title\n\nBy Ann Lee\n\nThe first sentence is here. A second one follows.\n"


def folder_with_good(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    return seeds


def messages(result: object, name: str) -> list[str]:
    return [
        i.message
        for i in result.issues
        if i.file.endswith(f"/{name}")  # type: ignore[attr-defined]
        or f"/{name} " in i.file
    ]


def test_symlinks_in_and_out_of_the_folder_are_skipped_and_named(tmp_path: Path) -> None:
    seeds = folder_with_good(tmp_path)
    secret = tmp_path / ".env"
    secret.write_text("DISCORD_TOKEN=abc.def.ghi\n", encoding="utf-8")
    (seeds / "token.txt").symlink_to(secret)
    (seeds / "again.txt").symlink_to(seeds / "good.txt")
    (seeds / "passwd.md").symlink_to("/etc/passwd")
    result = read_seeds(seeds)
    assert [a.id for a in result.articles] == ["good"]
    for name in ("token.txt", "again.txt", "passwd.md"):
        assert any("symbolic link" in m for m in messages(result, name)), name
    assert all("DISCORD_TOKEN" not in s.text for a in result.articles for s in a.sentences)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    seeds = folder_with_good(tmp_path)
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(seeds / "pipe.txt")
    yield seeds


def test_a_fifo_is_skipped_without_blocking(fifo: Path) -> None:
    result = read_seeds(fifo)
    assert [a.id for a in result.articles] == ["good"]
    assert any("FIFO" in m for m in messages(result, "pipe.txt"))


@pytest.mark.parametrize(
    "sidecar",
    [
        "x = " + "[" * 1000 + "]" * 1000 + "\n",  # nested 1,000 deep
        "a = {" * 600 + "}" * 600 + "\n",
        "title = \n",
        "\xff\xfe not utf-8",
    ],
)
def test_a_bad_sidecar_is_a_warning_and_the_article_is_read(tmp_path: Path, sidecar: str) -> None:
    seeds = folder_with_good(tmp_path)
    (seeds / "good.toml").write_bytes(
        sidecar.encode("utf-8", "surrogateescape")
        if sidecar.isascii()
        else sidecar.encode("latin-1")
    )
    result = read_seeds(seeds)
    assert [a.title for a in result.articles] == ["Good Article Title"]
    assert any("sidecar" in m for m in messages(result, "good.txt")) or any(
        "sidecar" in i.message for i in result.issues
    )


def test_a_symlinked_sidecar_is_ignored(tmp_path: Path) -> None:
    seeds = folder_with_good(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text('title = "Hijacked"\n', encoding="utf-8")
    (seeds / "good.toml").symlink_to(other)
    result = read_seeds(seeds)
    assert [a.title for a in result.articles] == ["Good Article Title"]


def test_a_bad_front_matter_is_a_warning(tmp_path: Path) -> None:
    seeds = folder_with_good(tmp_path)
    (seeds / "post.md").write_text(
        "---\ntitle: [unclosed\nx: " + "[" * 2000 + "\n---\n\n"
        "# Post Title\n\nBody text of the post is here.\n",
        encoding="utf-8",
    )
    result = read_seeds(seeds)
    assert sorted(a.id for a in result.articles) == ["good", "post"]
    assert any("front matter" in m for m in messages(result, "post.md"))


def test_files_past_the_size_or_time_budget_are_skipped_with_a_warning(tmp_path: Path) -> None:
    seeds = folder_with_good(tmp_path)
    (seeds / "big.txt").write_text("Big Title\n\n" + "Word word word. " * 2000, encoding="utf-8")
    small = read_seeds(seeds, IngestBudget(max_bytes=10_000))
    assert [a.id for a in small.articles] == ["good"]
    assert any("larger than" in m for m in messages(small, "big.txt"))
    ticks = iter(range(0, 10_000, 5))  # a fake clock: every reading is 5 s later
    slow = read_seeds(seeds, IngestBudget(max_seconds=4, clock=lambda: float(next(ticks))))
    assert slow.articles == ()
    assert any("longer than" in m for m in messages(slow, "big.txt"))


def test_an_unknown_suffix_is_read_when_its_content_is_known(tmp_path: Path) -> None:
    seeds = folder_with_good(tmp_path)
    (seeds / "post.markdown-export").write_text(
        "---\ntitle: From Front Matter\n---\n\nBody text of the post is here.\n", encoding="utf-8"
    )
    (seeds / "data.bin").write_bytes(b"\x00\x01\x02")
    result = read_seeds(seeds)
    assert sorted(a.title for a in result.articles) == ["From Front Matter", "Good Article Title"]
    assert any("unsupported" in m for m in messages(result, "data.bin"))
