"""The CLI on issue 12: `articles [--json]`, citation kinds and pages in `--json`, /quote for
someone never quoted, a quote by speaker alone, and the closest passages of a low-confidence
answer (kept apart from `results`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One index of the seed for the module (each test still sets its own environment)."""
    tmp = tmp_path_factory.mktemp("cli-honest")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTBOT_SEEDS_DIR", str(ROOT / "seeds"))
        patch.setenv("FACTBOT_STATE_PATH", str(tmp / "state.sqlite3"))
        assert main(["index", "--out", str(tmp / "index.sqlite3")]) == 0
    yield tmp / "index.sqlite3"


@pytest.fixture
def index(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(ROOT / "seeds"))
    monkeypatch.setenv("FACTBOT_STATE_PATH", str(tmp_path / "state.sqlite3"))
    return built


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_articles_text_and_json(index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--index", str(index), "--build"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("1 article:\n  • “Looking in All Directions” by Lucas Lamberty")
    code, data = run_json(capsys, "articles", "--index", str(index))
    assert code == 0 and isinstance(data, list) and len(data) == 1
    (article,) = data
    assert article["id"] == "lamberty-2024-nato-mission-iraq"
    assert article["authors"] == ["Lucas Lamberty"] and "date" in article
    assert article["sentences"] > 100 and article["quotes"] >= 1 and article["notes"] == 14


def test_articles_of_a_missing_named_index_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["articles", "--index", str(tmp_path / "nope.sqlite3")]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_json_citations_say_how_they_are_cited(
    index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--limit", "1", "--index", str(index), "--build")
    _, carried = run_json(capsys, "fact", "NMI long-term goal comprehensive reform", *args)
    _, inferred = run_json(capsys, "fact", "German Bundeswehr contributing some 45 soldiers", *args)
    _, article = run_json(capsys, "fact", "NTM-I classic training mission 2004 to 2011", *args)
    assert isinstance(carried, dict) and isinstance(inferred, dict) and isinstance(article, dict)
    (own,) = carried["results"][0]["citations"]
    assert (own["kind"], own["note"], own["resolves_to"], own["page"]) == ("note", 8, 6, "3")
    assert "p.2" not in own["text"]  # the reference's own page gives way to the derived note's
    (guess,) = inferred["results"][0]["citations"]
    assert (guess["kind"], guess["note"], guess["resolves_to"]) == ("inferred-note", 7, 5)
    (whole,) = article["results"][0]["citations"]
    assert (whole["kind"], whole["note"]) == ("article", None)
    assert carried["results"][0]["page"] is None  # the seed has no pages
    assert carried["closest"] == [] and carried["unquoted"] is None


def test_quote_never_quoted_is_no_match_with_who_is(
    index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(capsys, "quote", "Putin", "--index", str(index), "--build")
    assert code == 1 and isinstance(data, dict)
    assert data["results"] == [] and data["unquoted"] == "Putin"
    assert "Carlo Masala" in data["speakers"]
    assert any("Vladimir Putin" in h["text"] for h in data["closest"])
    assert main(["quote", "Putin", "--index", str(index)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("Putin is never quoted in the sources.\nQuoted are: ")
    assert "Pick a speaker" not in captured.out and captured.err == ""


def test_quote_by_speaker_alone(index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "quote", "--speaker", "Masala", "--index", str(index), "--build")
    assert code == 0 and isinstance(data, dict)
    assert all(h["speaker"] == "Carlo Masala" for h in data["results"]) and data["results"]


def test_low_confidence_keeps_the_closest_passages_apart(
    index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "weather forecast for Baghdad tomorrow"
    code, data = run_json(capsys, "fact", query, "--index", str(index), "--build")
    assert code == 1 and isinstance(data, dict)
    assert data["results"] == [] and data["closest"]
    assert set(data["closest"][0]) >= {"text", "citations", "article", "page"}
    assert main(["fact", query, "--index", str(index)]) == 1
    assert "The closest passages (not an answer):" in capsys.readouterr().out
