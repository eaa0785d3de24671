"""A reindex build reports how far it is: per seed file, from the build process to its caller."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_seeds
from bot.usecases.build_process import parse_progress, run_build
from tests.build_workers import chatty_worker


def small_seeds(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Title {i}\n\nThe survey counted {i + 3} owls.\n")
    (folder / "a0.toml").write_text('title = "Sidecar title"\n')  # a sidecar is no article
    return folder


def test_read_seeds_reports_each_article_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = read_seeds(
        small_seeds(tmp_path / "seeds", 3), progress=lambda d, t: seen.append((d, t))
    )
    assert len(result.articles) == 3
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


async def test_the_build_process_relays_progress_and_ignores_stray_prints(tmp_path: Path) -> None:
    seeds = small_seeds(tmp_path / "seeds", 3)
    seen: list[tuple[int, int]] = []
    summary = await run_build(  # the real build, after printing lookalike lines
        chatty_worker,
        seeds,
        tmp_path / "index.sqlite3",
        "2030-01-01T00:00:00+00:00",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert summary.articles == 3
    assert seen and seen[-1] == (3, 3), seen  # the last count always arrives
    assert (7, 9) not in seen and (999, 999) not in seen  # prints are not progress


def test_only_well_formed_lines_are_progress() -> None:
    assert parse_progress(b"factbot-build-progress 2 5\n") == (2, 5)
    for line in (b"factbot-build-progress 2\n", b"progress 2 5\n", b"factbot-build-progress a b\n"):
        assert parse_progress(line) is None
