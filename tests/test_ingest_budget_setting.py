"""The per-file ingest budget is a setting, honoured by the `index` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

ARTICLE = """Harbour Tolls and the Coastal Economy

By Mira Olsen

The port of Velmar handled 41 million tonnes of cargo in 2024, more than any year before.
"""


def test_a_file_over_the_size_setting_is_skipped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "small.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "large.txt").write_text(ARTICLE + "More text. " * 200, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTBOT_INGEST__MAX_FILE_MB", "0.001")  # 1,000 bytes

    code = main(["index", "--seeds", str(seeds), "--out", str(tmp_path / "i.sqlite3")])

    out = capsys.readouterr().out
    assert code == 0
    assert "large.txt: error: file is larger than the 1,000-byte limit per file; skipped" in out
    assert "articles               1" in out
