"""The console's /briefing preview and /reindex, on a real library over a copy of the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.console import Console
from bot.settings import Settings
from bot.usecases.indexing import LiveIndex as Library
from tests.prebuilt import install_index

ROOT = Path(__file__).resolve().parents[1]

NEW_ARTICLE = """

[Test Series](#)

Harbour Logistics in Basra

How a Port Shapes a Mission

Jane Example

The port of Basra handles most of Iraq's imports.

Cranes and Quays

The port employs some 7,400 dockworkers across four terminals.

Jane Example is a test author.
"""


@pytest.fixture
async def console(tmp_path: Path) -> Console:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    settings = Settings(
        seeds_dir=seeds,
        index_path=tmp_path / "data" / "index.sqlite3",
        state_path=tmp_path / "data" / "state.sqlite3",
    )
    await install_index(settings)
    library = Library(settings)
    await library.open()
    return Console(library, settings=settings)


async def test_briefing_preview_shows_cited_items_and_posts_nothing(console: Console) -> None:
    text = await console.handle("/briefing preview")
    assert text.startswith("Daily briefing")
    assert "source:" in text or "note" in text
    assert "Looking in All Directions" in text
    assert console.settings is not None
    assert not console.settings.state_path.exists(), "a preview never creates the state DB"


async def test_briefing_other_subcommands_point_to_discord(console: Console) -> None:
    text = await console.handle("/briefing now")
    assert "Usage" in text and "\n" not in text


@pytest.mark.usefixtures("builds_in_process")
async def test_reindex_picks_up_a_new_article_and_a_dry_run_swaps_nothing(
    console: Console,
) -> None:
    assert console.settings is not None
    (console.settings.seeds_dir / "example-2025-basra-port.txt").write_text(NEW_ARTICLE)
    assert not (await console.searcher()).facts("Basra dockworkers").matched

    dry = await console.handle("/reindex dry-run")
    assert "nothing swapped" in dry.lower()
    assert "Harbour Logistics in Basra" in dry
    assert not (await console.searcher()).facts("Basra dockworkers").matched

    report = await console.handle("/reindex")
    assert "Harbour Logistics in Basra" in report
    answer = await console.handle("/fact how many dockworkers does the port of Basra employ")
    assert "7,400 dockworkers" in answer


async def test_reindex_refuses_unknown_options(console: Console) -> None:
    assert "Usage: /reindex" in await console.handle("/reindex now please")
