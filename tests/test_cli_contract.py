"""The CLI keeps its contract: bad input is one `error:` line and exit 2, never a traceback;
nothing matched is exit 1; a mistyped --index is an error, not a new index somewhere."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.settings import Settings
from bot.store.interactions import InteractionStore
from bot.usecases.indexing import ensure_index

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-contract") / "index.sqlite3"
    asyncio.run(ensure_index(SEEDS, path, built_at="2026-01-01T00:00:00+00:00"))
    return path


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(SEEDS))
    monkeypatch.setenv("FACTBOT_STATE_PATH", str(tmp_path / "state.sqlite3"))
    monkeypatch.setenv("FACTBOT_INDEX_PATH", str(tmp_path / "configured.sqlite3"))


def one_error_line(err: str, *needles: str) -> None:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, err)


def test_commands_are_listed_explicitly_in_order() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == [  # type: ignore[union-attr]
        "run",
        "index",
        "export",
        "fact",
        "quote",
        "search",
        "eval",
        "articles",
        "briefing",
        "misses",
        "bench",
        "bench-users",
    ]


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('{"command": "fact", "query": "soldiers"}', "gold"),
        ("this is not json", "not JSON"),
        ('{"command": "define", "query": "x", "gold": "y"}', "unknown command"),
    ],
)
def test_eval_names_the_bad_line(
    index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, needle: str
) -> None:
    cases = tmp_path / "cases.jsonl"
    good = '{"command": "fact", "query": "bundeswehr", "gold": ["some 45 soldiers"]}'
    cases.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    code = main(["eval", str(cases), "--index", str(index)])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    one_error_line(captured.err, f"{cases}:3:", needle)


def test_a_mistyped_index_path_is_an_error_and_builds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nonexistent" / "x.sqlite3"
    for argv in (["fact", "soldiers"], ["export"], ["briefing"]):
        code = main([*argv, "--index", str(missing)])
        captured = capsys.readouterr()
        assert code == 2, argv
        one_error_line(captured.err, str(missing))
        assert not missing.parent.exists()


def test_build_flag_builds_a_named_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named = tmp_path / "new" / "x.sqlite3"
    assert main(["fact", "soldiers", "--index", str(named), "--build"]) == 0
    assert named.exists()


def test_the_configured_index_is_built_when_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fact", "soldiers"]) == 0
    assert (tmp_path / "configured.sqlite3").exists()


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["fact", "how many soldiers does NATO Mission Iraq have"], 0),
        (["fact", "zebra migration patterns in the serengeti"], 1),
        (["fact", "soldiers", "--article", "no-such-article-anywhere"], 2),
        (["quote", "deployments", "--speaker", "Nobody Atall"], 1),  # never quoted: no match
        (["fact", "   "], 2),
        (["quote", ""], 2),
    ],
)
def test_exit_codes_follow_one_convention(
    index: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> None:
    assert main([*argv, "--index", str(index)]) == code
    err = capsys.readouterr().err
    if code == 2:
        one_error_line(err)


@pytest.mark.parametrize("limit", ["0", "-5", "99", "many"])
def test_limit_out_of_range_is_a_usage_error(
    index: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["fact", "soldiers", "--limit", limit, "--index", str(index)])
    assert exited.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_batch_rejects_unknown_commands_and_honours_speaker(
    index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"command": "define", "query": "peshmerga"}\n'
        '{"command": "quote", "query": "deployments", "speaker": "Carlo Masala"}\n'
        '{"command": "quote", "query": "deployments", "speaker": "Nobody Atall"}\n',
        encoding="utf-8",
    )
    code = main(["search", "--batch", str(batch), "--index", str(index)])
    captured = capsys.readouterr()
    assert code == 2
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert len(lines) == 2
    assert lines[0]["results"] and all(r["speaker"] == "Carlo Masala" for r in lines[0]["results"])
    assert lines[1]["results"] == [] and lines[1]["error"]
    assert f"{batch}:1: unknown command 'define'" in captured.err


def test_console_records_misses_like_discord(
    index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from bot.console import serve

    state = tmp_path / "state.sqlite3"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        seeds_dir=SEEDS,
        index_path=index,
        state_path=state,
    )
    out = io.StringIO()
    lines = "/fact zebra migration patterns in the serengeti\n/fact soldiers\n"
    assert serve(settings, io.StringIO(lines), out, io.StringIO()) == 0

    async def misses() -> list[str]:
        async with InteractionStore(state) as store:
            return [m.query for m in await store.misses()]

    assert asyncio.run(misses()) == ["zebra migration patterns in the serengeti"]
    assert main(["misses", "--state", str(state)]) == 0
    assert "zebra migration" in capsys.readouterr().out


def test_a_bad_setting_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTBOT_BRIEFING__FACTS", "99")
    assert main(["misses"]) == 2
    one_error_line(capsys.readouterr().err, "briefing.facts")
