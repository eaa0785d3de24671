"""The search commands' contract: `fact`/`quote --json`, `search --batch` and `eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]
RESULT_KEYS = {
    "text",
    "score",
    "kind",
    "section",
    "article",
    "context",
    "figures",
    "citations",
    "speaker",
}
CITATION_KEYS = {"note", "text", "url", "accessed", "page"}


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(ROOT / "seeds"))
    monkeypatch.setenv("FACTBOT_STATE_PATH", str(tmp_path / "state.sqlite3"))
    return tmp_path / "index.sqlite3"


def test_fact_json_has_the_documented_shape_and_builds_a_missing_index(
    index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not index.exists()
    code = main(
        [
            "fact",
            "Bundeswehr contribution",
            "--json",
            "--limit",
            "2",
            "--index",
            str(index),
            "--build",
        ]
    )
    assert code == 0 and index.exists()
    data = json.loads(capsys.readouterr().out)
    assert data["command"] == "fact" and data["query"] == "Bundeswehr contribution"
    assert 1 <= len(data["results"]) <= 2
    first = data["results"][0]
    assert set(first) >= RESULT_KEYS
    assert set(first["article"]) >= {"id", "title", "authors"}
    assert "some 45 soldiers" in first["text"]
    assert all(set(c) >= CITATION_KEYS for c in first["citations"])
    assert any(f["text"] == "some 45 soldiers" and f["value"] == 45 for f in first["figures"])


def test_quote_text_names_the_speaker(index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quote", "foreign deployments", "--index", str(index), "--build"]) == 0
    out = capsys.readouterr().out
    assert "— Carlo Masala" in out and "Masala, Carlo 2023" in out


def test_search_batch_writes_one_json_line_per_query(
    index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"command": "fact", "query": "peshmerga"}\n'
        "not json\n"
        '{"command": "quote", "query": "NATO standards"}\n'
        '{"command": "fact", "query": "zebra migration patterns"}\n',
        encoding="utf-8",
    )
    assert main(["search", "--batch", str(batch), "--index", str(index), "--build"]) == 2
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["command"] for line in lines] == ["fact", "quote", "fact"]
    assert "Peshmerga" in lines[0]["results"][0]["text"]
    assert lines[1]["results"][0]["speaker"] == "Lucas Lamberty"
    assert lines[2]["results"] == [] and lines[2]["suggestions"]
    assert "batch.jsonl:2" in captured.err


def test_eval_prints_recall_mrr_by_kind_and_each_miss(
    index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"id": "a", "command": "fact", "query": "bundeswehr", "gold": ["some 45 soldiers"],'
        ' "kind": "keyword"}\n'
        '{"id": "b", "command": "fact", "query": "peshmerga", "gold": ["no such words here"],'
        ' "kind": "keyword"}\n'
        '{"id": "c", "command": "quote", "query": "masala", "gold": ["overnight"],'
        ' "kind": "speaker", "cite": "Masala, Carlo"}\n',
        encoding="utf-8",
    )
    assert main(["eval", str(cases), "--index", str(index), "--build"]) == 0
    out = capsys.readouterr().out
    assert "overall      n=3    R@1=0.667" in out
    assert "speaker      n=1    R@1=1.000" in out
    assert "- b [fact] 'peshmerga'" in out and "first:" in out


def test_a_missing_seeds_folder_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(tmp_path / "no-seeds"))
    code = main(["fact", "soldiers", "--index", str(tmp_path / "index.sqlite3"), "--build"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and "no-seeds" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_eval_asks_a_quote_case_with_its_speaker_option(
    index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.jsonl"
    # the seed names Putin but never quotes him: with the speaker option, nothing is his
    cases.write_text(
        '{"id": "s", "command": "quote", "query": "overnight", "speaker": "Putin",'
        ' "gold": ["have not disappeared overnight"], "kind": "speaker"}\n',
        encoding="utf-8",
    )
    assert main(["eval", str(cases), "--index", str(index), "--build"]) == 0
    assert "overall      n=1    R@1=0.000" in capsys.readouterr().out
