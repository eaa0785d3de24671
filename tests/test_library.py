"""Tests for bot.library: open, reindex (live, dry run, failing, concurrent), reload_if_changed.

Every test works on a copy of seeds/ in tmp_path and writes small articles of its own making.
The build runs in a separate process, so the crash simulations are module-level functions (in
`tests.build_workers`, which the child imports to run them). Tests about what a reindex reports,
swaps or refuses run the build in a thread instead (`builds_in_process`); the tests about the
build process itself (killed, raising, cancelled, orphaned) keep the real one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

import bot.usecases.building
from bot.core.answers import Answer
from bot.core.ingest import read_seeds
from bot.settings import Settings
from bot.store.index_db import build_index, index_stamp
from bot.usecases.indexing import LiveIndex as Library
from bot.usecases.indexing import ReindexInProgress, build_worker, read_seeds_safely
from tests.build_workers import (
    AT_GATE,
    GATE,
    disk_full_worker,
    gated_worker,
    killed_before_rename_worker,
)
from tests.prebuilt import install_index

ROOT = Path(__file__).resolve().parent.parent


def index_files(settings: Settings) -> list[str]:
    """What the data folder holds: only the index and its search folder, which holds only the
    generation the index names (no temp file, staging folder or stale generation left)."""
    index = settings.index_path
    names = sorted(p.name for p in index.parent.iterdir())
    root = index.with_name(index.name + ".search")
    if root.is_dir():
        stamp = None
        if index.exists():
            with contextlib.closing(sqlite3.connect(index)) as db:
                (stamp,) = db.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
        assert sorted(p.name for p in root.iterdir()) == ([stamp] if stamp else [])
    return [n for n in names if n != root.name]


SEEDS = ROOT / "seeds"
EXISTING_ID = "lamberty-2024-nato-mission-iraq"
EXISTING_QUERY = "how many soldiers in NATO Mission Iraq"

NEW_ID = "zz-test-quokka-observatory"
NEW_QUERY = "quokka observatory Rottnest"
NEW_ARTICLE = """\



[Testing Series](#)

Small Marsupials, Large Telescopes

The Quokka Observatory on Rottnest Island and Its Volunteer Programme

Tess Tester

The Quokka Observatory on Rottnest Island opened in 2019 and counts some 340 volunteers.

Each volunteer spends around 12 nights a year at the quokka observatory telescopes.

Funding the Quokka Observatory

The observatory received 2.5 million dollars from the state government in 2021.¹ Its director \
said: "Quokkas have never once interfered with an observation."²

- 1 Rottnest Island Authority 2021: Annual Report 2021, in: <https://example.org/ria> [5 Jan 2024].
- 2 Ibid.
"""


def make_settings(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        shutil.copytree(SEEDS, seeds)
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        seeds_dir=seeds,
        index_path=tmp_path / "data" / "index.sqlite3",
        state_path=tmp_path / "data" / "state.sqlite3",
    )


def add_test_article(settings: Settings) -> Path:
    path = settings.seeds_dir / f"{NEW_ID}.txt"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    return path


def hit_articles(answer: Answer) -> set[str]:
    return {hit.article.id for hit in answer.hits}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
async def library(settings: Settings) -> Library:
    """A library opened on the index of the seeds (a copy of one built once, `install_index`)."""
    await install_index(settings)
    lib = Library(settings)
    await lib.open()
    return lib


def open_gate(settings: Settings) -> None:
    (settings.seeds_dir.parent / GATE).touch()


async def wait_at_gate(settings: Settings, timeout: float = 30.0) -> int:
    """Wait until a `gated_worker` build waits at the gate; return its process id."""
    waiting = settings.seeds_dir.parent / AT_GATE
    deadline = time.monotonic() + timeout
    while not waiting.exists():
        if time.monotonic() > deadline:
            raise AssertionError("the build never reached the gate")
        await asyncio.sleep(0.01)
    return int(waiting.read_text(encoding="utf-8"))


def process_gone(pid: int) -> bool:
    """Whether the process has exited (a zombie nobody reaped counts as exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return True
    except OSError:  # no /proc: ask the kernel (a zombie would still count as alive)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return stat.rpartition(")")[2].split()[0] == "Z"


async def wait_until_gone(pid: int, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not process_gone(pid):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} (pid {pid}) is still running")
        await asyncio.sleep(0.02)


# --- tests ---------------------------------------------------------------------------------------


async def test_open_builds_a_missing_index(settings: Settings) -> None:
    assert not settings.index_path.exists()
    library = Library(settings)
    await library.open()
    assert settings.index_path.exists()
    assert EXISTING_ID in hit_articles(library.searcher.facts(EXISTING_QUERY))
    assert [a.id for a in library.corpus.articles] == [EXISTING_ID]


@pytest.mark.usefixtures("builds_in_process")
async def test_reindex_adds_then_removes_an_article(library: Library, settings: Settings) -> None:
    old_searcher = library.searcher
    assert NEW_ID not in hit_articles(old_searcher.facts(NEW_QUERY))
    stamp_before = await index_stamp(settings.index_path)

    path = add_test_article(settings)
    report = await library.reindex()

    assert report.ok and report.swapped and not report.dry_run
    assert report.added == (NEW_ID,)
    assert report.removed == () and report.changed == ()
    assert report.unchanged == 1
    assert report.sentences.added >= 3 and report.sentences.removed == 0
    assert report.notes.added == 2
    assert report.seconds > 0
    assert library.searcher is not old_searcher
    assert NEW_ID in hit_articles(library.searcher.facts(NEW_QUERY))
    assert EXISTING_ID in hit_articles(library.searcher.facts(EXISTING_QUERY))
    assert await index_stamp(settings.index_path) not in (None, stamp_before)
    # the old searcher object is untouched: a request that took it before the swap is consistent
    assert NEW_ID not in hit_articles(old_searcher.facts(NEW_QUERY))

    path.unlink()
    report = await library.reindex()
    assert report.removed == (NEW_ID,)
    assert report.sentences.removed >= 3 and report.sentences.added == 0
    assert NEW_ID not in hit_articles(library.searcher.facts(NEW_QUERY))

    # a restart serves what the last reindex built
    restarted = Library(settings)
    await restarted.open()
    assert [a.id for a in restarted.corpus.articles] == [EXISTING_ID]


@pytest.mark.usefixtures("builds_in_process")
async def test_reindex_reports_an_edited_article_as_changed(
    library: Library, settings: Settings
) -> None:
    add_test_article(settings)
    await library.reindex()
    path = settings.seeds_dir / f"{NEW_ID}.txt"
    path.write_text(
        NEW_ARTICLE.replace("some 340 volunteers", "some 410 volunteers"), encoding="utf-8"
    )
    report = await library.reindex()
    assert report.changed == (NEW_ID,)
    assert report.sentences.added == 1 and report.sentences.removed == 1
    assert report.unchanged == 1


@pytest.mark.usefixtures("builds_in_process")
async def test_no_changes_is_reported_as_such(library: Library) -> None:
    report = await library.reindex()
    assert report.ok and not report.has_changes and report.unchanged == 1


@pytest.mark.usefixtures("builds_in_process")
async def test_queries_during_a_reindex_see_the_old_or_the_new_index(
    library: Library, settings: Settings
) -> None:
    queries = [EXISTING_QUERY, NEW_QUERY, "NATO advisory mission volunteers", "Baghdad 2018"]
    old_searcher = library.searcher
    add_test_article(settings)
    # also edit the existing article so both sides of the swap differ for existing content
    existing = settings.seeds_dir / f"{EXISTING_ID}.txt"
    existing.write_text(
        existing.read_text(encoding="utf-8").replace(
            "The mission has been active in Baghdad since 2018",
            "The mission has operated from Baghdad since 2018",
        ),
        encoding="utf-8",
    )
    seen: list[tuple[str, Answer, bool]] = []
    errors: list[BaseException] = []
    done = asyncio.Event()

    async def ask_in_a_loop() -> None:
        while not done.is_set():
            for query in queries:
                busy = library.busy
                try:
                    seen.append((query, library.searcher.facts(query), busy))
                except Exception as exc:  # every query must succeed
                    errors.append(exc)
            await asyncio.sleep(0)

    asker = asyncio.create_task(ask_in_a_loop())
    try:
        report = await library.reindex()
    finally:
        done.set()
        await asker
    assert not errors
    assert report.swapped and report.added == (NEW_ID,) and report.changed == (EXISTING_ID,)
    new_searcher = library.searcher
    assert new_searcher is not old_searcher
    during = [s for s in seen if s[2]]
    assert during, "no query ran while the reindex was building"
    expected = {q: (old_searcher.facts(q), new_searcher.facts(q)) for q in queries}
    assert any(old != new for old, new in expected.values())
    for query, answer, _ in seen:
        assert answer in expected[query], query
    # what ran while the new index was being built came from the old one
    assert all(answer == expected[query][0] for query, answer, _ in during[: len(queries)])
    assert NEW_ID in hit_articles(new_searcher.facts(NEW_QUERY))


@pytest.mark.usefixtures("builds_in_process")
async def test_dry_run_swaps_nothing(library: Library, settings: Settings) -> None:
    old_searcher = library.searcher
    before = settings.index_path.read_bytes()
    add_test_article(settings)
    report = await library.reindex(dry_run=True)
    assert report.ok and report.dry_run and not report.swapped
    assert report.added == (NEW_ID,)
    assert library.searcher is old_searcher
    assert settings.index_path.read_bytes() == before
    assert NEW_ID not in hit_articles(library.searcher.facts(NEW_QUERY))
    assert not await library.reload_if_changed()
    assert index_files(settings) == [settings.index_path.name]


async def test_a_killed_build_leaves_the_old_index_serving(
    library: Library, settings: Settings
) -> None:
    old_searcher = library.searcher
    stamp = await index_stamp(settings.index_path)
    add_test_article(settings)
    library.build_target = killed_before_rename_worker
    report = await library.reindex()
    assert not report.ok and not report.swapped
    assert report.error is not None and "killed (SIGKILL)" in report.error
    assert library.searcher is old_searcher
    assert EXISTING_ID in hit_articles(library.searcher.facts(EXISTING_QUERY))
    assert await index_stamp(settings.index_path) == stamp
    # a restart after the crash loses nothing: the old index opens as it was
    restarted = Library(settings)
    await restarted.open()
    assert [a.id for a in restarted.corpus.articles] == [EXISTING_ID]
    # and the next reindex, with a healthy build, goes through
    library.build_target = build_worker
    assert (await library.reindex()).added == (NEW_ID,)


async def test_a_build_that_raises_leaves_the_old_index_serving(
    library: Library, settings: Settings
) -> None:
    old_searcher = library.searcher
    stamp = await index_stamp(settings.index_path)
    add_test_article(settings)
    library.build_target = disk_full_worker
    report = await library.reindex()
    assert not report.swapped and report.error is not None
    assert "No space left on device" in report.error
    assert library.searcher is old_searcher
    assert await index_stamp(settings.index_path) == stamp


@pytest.mark.usefixtures("builds_in_process")
async def test_an_empty_seeds_folder_never_replaces_a_populated_index(
    library: Library, settings: Settings
) -> None:
    old_searcher = library.searcher
    for path in settings.seeds_dir.iterdir():
        path.unlink()
    report = await library.reindex()
    assert not report.swapped and report.error is not None and "no articles" in report.error
    assert library.searcher is old_searcher
    # only a broken file left: still refused, and the report says what was wrong with it
    (settings.seeds_dir / "zz-broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00" * 10)
    report = await library.reindex()
    assert report.error is not None and library.searcher is old_searcher
    assert any("zz-broken" in issue.file for issue in report.warnings), report.warnings


@pytest.mark.usefixtures("builds_in_process")
async def test_a_broken_seed_file_is_reported_and_skipped(
    library: Library, settings: Settings
) -> None:
    add_test_article(settings)
    (settings.seeds_dir / "zz-broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00" * 10)
    report = await library.reindex()
    assert report.swapped
    assert NEW_ID in report.added
    assert any("zz-broken" in issue.file for issue in report.warnings), report.warnings
    assert NEW_ID in hit_articles(library.searcher.facts(NEW_QUERY))


def test_read_seeds_safely_skips_a_file_whose_parser_raises(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_test_article(settings)
    real_read_article = bot.usecases.building.read_article

    def fragile(path: Path, *budget):  # type: ignore[no-untyped-def]
        if path.stem == NEW_ID:
            raise ValueError("cannot parse this one")
        return real_read_article(path, *budget)

    monkeypatch.setattr(bot.usecases.building, "read_article", fragile)
    result = read_seeds_safely(settings.seeds_dir)
    assert [a.id for a in result.articles] == [EXISTING_ID]
    assert any(
        NEW_ID in issue.file and issue.level == "error" and "cannot parse" in issue.message
        for issue in result.issues
    )


@pytest.mark.usefixtures("builds_in_process")
async def test_a_second_reindex_while_one_runs_is_refused(
    library: Library, settings: Settings
) -> None:
    library.build_target = gated_worker
    first = asyncio.create_task(library.reindex())
    while not library.busy:
        await asyncio.sleep(0.01)
    with pytest.raises(ReindexInProgress):
        await library.reindex()
    with pytest.raises(ReindexInProgress):
        await library.reindex(dry_run=True)
    assert not await library.reload_if_changed()
    open_gate(settings)
    report = await first
    assert report.ok
    assert not library.busy


@pytest.mark.usefixtures("builds_in_process")
async def test_reload_if_changed_picks_up_an_external_build(
    library: Library, settings: Settings
) -> None:
    assert not await library.reload_if_changed()
    old_searcher = library.searcher
    add_test_article(settings)
    # what `python -m bot index` does, from outside the library
    result = await asyncio.to_thread(read_seeds, settings.seeds_dir)
    await build_index(result, settings.index_path, built_at="2030-01-01T00:00:00+00:00")
    assert await library.reload_if_changed()
    assert library.searcher is not old_searcher
    assert NEW_ID in hit_articles(library.searcher.facts(NEW_QUERY))
    assert library.corpus.built_at == "2030-01-01T00:00:00+00:00"
    assert not await library.reload_if_changed()
    # and the next reindex diffs against what was reloaded: nothing new
    report = await library.reindex()
    assert not report.has_changes


@pytest.mark.usefixtures("builds_in_process")
async def test_a_reindex_clears_what_a_killed_bot_left_behind(
    library: Library, settings: Settings
) -> None:
    import subprocess
    import sys

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = (
        settings.index_path.parent / f".{settings.index_path.name}.reindex-{gone.stdout.strip()}-x"
    )
    stale.mkdir()
    (stale / settings.index_path.name).write_bytes(b"half a build")
    report = await library.reindex()
    assert report.ok and not stale.exists()
    assert index_files(settings) == [settings.index_path.name]


BOT_SCRIPT = """
import asyncio, sys
from pathlib import Path
from bot.usecases.indexing import LiveIndex as Library
from bot.settings import Settings
from tests.build_workers import gated_worker

settings = Settings(_env_file=None, seeds_dir=Path(sys.argv[1]), index_path=Path(sys.argv[2]),
                    state_path=Path(sys.argv[3]))

async def main() -> None:
    library = Library(settings)
    await library.open()
    library.build_target = gated_worker
    print("reindexing", flush=True)
    await library.reindex()
    print("finished", flush=True)

asyncio.run(main())
"""


async def test_a_bot_killed_mid_reindex_loses_nothing(settings: Settings) -> None:
    import sys

    await install_index(settings)
    first = Library(settings)
    await first.open()
    stamp = await index_stamp(settings.index_path)
    add_test_article(settings)
    bot_process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        BOT_SCRIPT,
        str(settings.seeds_dir),
        str(settings.index_path),
        str(settings.state_path),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    assert bot_process.stdout is not None
    assert await asyncio.wait_for(bot_process.stdout.readline(), 30) == b"reindexing\n"
    staging = f".{settings.index_path.name}.reindex-{bot_process.pid}-"
    for _ in range(300):
        if any(p.name.startswith(staging) for p in settings.index_path.parent.iterdir()):
            break
        await asyncio.sleep(0.01)
    else:
        raise AssertionError("the reindex never started building")
    build_pid = await wait_at_gate(settings)
    assert not process_gone(build_pid)
    bot_process.kill()  # SIGKILL: no cleanup of any kind
    assert await bot_process.wait() == -signal.SIGKILL
    # the orphaned build process notices and exits by itself
    await wait_until_gone(build_pid, "the orphaned build process")

    assert await index_stamp(settings.index_path) == stamp
    restarted = Library(settings)
    await restarted.open()
    assert [a.id for a in restarted.corpus.articles] == [EXISTING_ID]
    report = await restarted.reindex()
    assert report.added == (NEW_ID,)
    assert index_files(settings) == [settings.index_path.name]
    open_gate(settings)  # an orphaned build would now go on and write into its staging folder
    await asyncio.sleep(0.3)
    assert index_files(settings) == [settings.index_path.name]


async def test_reload_if_changed_picks_up_python_m_bot_index(
    library: Library, settings: Settings
) -> None:
    import sys

    add_test_article(settings)
    cli = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "index",
        "--seeds",
        str(settings.seeds_dir),
        "--out",
        str(settings.index_path),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, err = await asyncio.wait_for(cli.communicate(), 60)
    assert cli.returncode == 0, err.decode()
    assert NEW_ID not in hit_articles(library.searcher.facts(NEW_QUERY))
    assert await library.reload_if_changed()
    assert NEW_ID in hit_articles(library.searcher.facts(NEW_QUERY))


async def test_a_cancelled_reindex_stops_its_build_and_keeps_the_old_index(
    library: Library, settings: Settings
) -> None:
    old_searcher = library.searcher
    stamp = await index_stamp(settings.index_path)
    add_test_article(settings)
    library.build_target = gated_worker
    task = asyncio.create_task(library.reindex())
    staging = f".{settings.index_path.name}.reindex-{os.getpid()}-"
    build_pid = await wait_at_gate(settings)  # the build process is up and waiting at the gate
    assert build_pid != os.getpid()
    assert any(p.name.startswith(staging) for p in settings.index_path.parent.iterdir())
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not library.busy
    assert library.searcher is old_searcher
    assert await index_stamp(settings.index_path) == stamp
    await wait_until_gone(build_pid, "the cancelled build process", timeout=5.0)
    open_gate(settings)  # a build still running would now write into its staging folder
    await asyncio.sleep(0.3)
    assert index_files(settings) == [settings.index_path.name]
    library.build_target = build_worker
    assert (await library.reindex()).added == (NEW_ID,)
