"""A statistics bulletin typed for print: its masthead cells, fixed-width tables, lettered notes."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.model import Article

_BULLETIN = """\
NORTHMARK OFFICE FOR STATISTICS                      STATISTICAL RELEASE 14/2025
Road Casualties in Northmark, 2024
Release date: 3 March 2025              Responsible statistician: Ana Ruiz-Okafor
National Statistics                                  Enquiries: roads@nos.example

Summary

Road deaths fell to 41 in 2024, the lowest number on record.

Table 3: Casualties by severity

                    Casualties    Casualties
Severity            2023          2024
------------------  ------------  ------------
Killed                  52            41 (a)
Seriously injured      610           588
Slightly injured     2,940         2,811

(a) Includes two deaths registered in January 2025.

Next release: 2 March 2026

Crown copyright 2025. Reuse under the open licence.
"""

_MINUTES = """\
Minutes of the finance committee                                  Page 1
Held on 4 June 2025 in the council chamber

The committee approved the budget of 3.2 million pounds.

Under section 4 (a) of the standing orders the chair may close the meeting.
"""


def _read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "bulletin.txt"
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def test_a_bulletin_masthead_gives_title_issuer_date_and_statistician(tmp_path: Path) -> None:
    bulletin = _read(tmp_path, _BULLETIN)
    assert bulletin.title == "Road Casualties in Northmark, 2024"
    assert bulletin.publication == "Northmark Office for Statistics"
    assert bulletin.date == "2025-03-03"
    assert bulletin.authors == ("Ana Ruiz-Okafor",)
    texts = [s.text for s in bulletin.sentences]
    assert not any("NORTHMARK" in t or "Enquiries" in t or "Crown copyright" in t for t in texts)
    assert "Next release: 2 March 2026." in texts
    assert not any(s.startswith("Next release") for s in bulletin.sections)


def test_a_bulletin_tables_rows_and_lettered_notes(tmp_path: Path) -> None:
    bulletin = _read(tmp_path, _BULLETIN)
    texts = [s.text for s in bulletin.sentences]
    killed = [t for t in texts if t.startswith("Killed")]
    assert killed == ["Killed — Casualties 2023 52; Casualties 2024 41."]
    assert not any("------" in t for t in texts)
    assert [n.text for n in bulletin.notes] == ["Includes two deaths registered in January 2025."]
    assert not any(t.startswith("(a)") for t in texts)


def test_a_header_rule_and_a_label_column_unnamed_above() -> None:
    lines = [
        "             Output     Output",
        "Sector       2023       2024",
        "-----------  ---------  ---------",
        "Farming        1.2        1.4",
        "Fishing        0.3        0.2",
    ]
    rows = aligned_rows(lines)
    assert rows[3] == "Farming — Output 2023 1.2; Output 2024 1.4."
    assert rows[0] == rows[1] == rows[2] == ""


def test_a_text_without_a_masthead_is_read_as_before(tmp_path: Path) -> None:
    minutes = _read(tmp_path, _MINUTES)
    texts = [s.text for s in minutes.sentences]
    assert minutes.publication is None
    assert "Under section 4 (a) of the standing orders the chair may close the meeting." in texts
    assert minutes.notes == ()
