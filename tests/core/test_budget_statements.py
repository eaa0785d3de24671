"""Plain-text budget statements: stacked table headers, sum rules, lettered notes, signatures."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.model import Article


def _read(tmp_path: Path, text: str, name: str = "doc.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


_STACKED = """\
                     Actual      Plan
                       $bn        $bn
Roads                   4.1       4.6
Rail                    2.2       2.9
                     ------    ------
All transport           6.3       7.5
"""


def test_a_unit_line_under_the_column_names_joins_them() -> None:
    rows = aligned_rows(_STACKED.split("\n"))
    assert rows[0] == "" and rows[1] == ""
    assert rows[2] == "Roads — Actual $bn 4.1; Plan $bn 4.6."
    assert rows[4] == ""  # the sum rule: no row, no text
    assert rows[5] == "All transport — Actual $bn 6.3; Plan $bn 7.5."


def test_a_line_of_other_cells_over_the_header_is_not_joined() -> None:
    """A title line over the header (one cell, or cells over no column) keeps its text."""
    text = "Spending by mode, two years\n" + _STACKED
    rows = aligned_rows(text.split("\n"))
    assert 0 not in rows
    assert rows[3] == "Roads — Actual $bn 4.1; Plan $bn 4.6."


def test_a_sum_rule_under_one_row_or_before_any_row_makes_no_table() -> None:
    lone = "\n".join(
        [
            "              Actual      Plan",
            "Roads            4.1       4.6",
            "            ------    ------",
        ]
    )
    assert aligned_rows(lone.split("\n")) == {}  # one row and a rule: no table
    first = "\n".join(
        [
            "              Actual      Plan",
            "            ------    ------",
            "Roads            4.1       4.6",
        ]
    )
    assert aligned_rows(first.split("\n")) == {}  # a rule before any row ends the table


_BUDGET = """\
PORT AUTHORITY OF KESTREL BAY

Annual Budget 2026

The Authority plans to spend more on dredging this year. The board agreed the plan in March.

Table 3: Spending by activity

                          Last year      This year
                                 €k             €k
Dredging                        410            530
Pilotage                        220            215
                            -------        -------
Total spending                  630            745

The dredging plan depends on the new survey vessel.
"""


def test_the_total_under_a_sum_rule_is_a_row_and_the_caption_stands_alone(
    tmp_path: Path,
) -> None:
    article = _read(tmp_path, _BUDGET)
    texts = [s.text for s in article.sentences]
    assert "Total spending — Last year €k 630; This year €k 745." in texts
    assert "Dredging — Last year €k 410; This year €k 530." in texts
    assert not any(s.startswith("Total spending") for s in article.sections)
    # the caption (a heading or a line of its own) is not glued onto the first row
    assert not any("Table 3" in t for t in texts if "Dredging" in t)


_LETTERED = """\
Water charges

                      2024       2025
Standing charge(a)     41.0       43.5
Volume charge          1.92       2.05

Note
(a) Charged per property per year, whatever the meter reads.

The regulator approved both charges in February.
"""


def test_lettered_notes_under_a_table_are_notes_tied_to_their_markers(tmp_path: Path) -> None:
    article = _read(tmp_path, _LETTERED)
    assert [(n.number, n.text) for n in article.notes] == [
        (1, "Charged per property per year, whatever the meter reads.")
    ]
    row = next(s for s in article.sentences if s.text.startswith("Standing charge"))
    assert row.text == "Standing charge — 2024 41.0; 2025 43.5."
    assert tuple(row.notes) == (1,)
    texts = [s.text for s in article.sentences]
    assert "The regulator approved both charges in February." in texts
    assert not any(t.startswith(("Note", "(a)")) for t in texts)


_CLAUSES = """\
The duty applies under section 4(a) of the Act to every licence holder.

(a) the holder must publish its charges each year;
(b) the holder must keep its records for six years.
"""


def test_lettered_clauses_with_only_a_figure_glued_marker_stay_text(tmp_path: Path) -> None:
    """ "4(a)" is a cross-reference, not a note marker: the "(a)" clauses are body text."""
    article = _read(tmp_path, _CLAUSES)
    assert not article.notes
    body = " ".join(s.text for s in article.sentences)
    assert "section 4(a) of the Act" in body
    assert "the holder must publish its charges each year" in body


_REPORT = """\
REPUBLIC OF OSTRAVIA
MINISTRY OF WATER AND FORESTS

ANNUAL WATER REPORT 2024
Laid before the National Assembly on 3 June 2025


CHAIR'S INTRODUCTION

The year was drier than any since records began. Reservoirs fell to half their capacity by
August, and two towns were supplied by tanker for a month.

I thank the staff who kept the water running. My board will publish a drought plan in the
autumn.

Prof. Amal Haddad
Chair of the Water Board


1. SUPPLY

The ministry supplied 412 million cubic metres of water in 2024, down 6 per cent.
"""


def test_a_two_line_masthead_a_laid_before_date_and_a_foreword_signature(
    tmp_path: Path,
) -> None:
    article = _read(tmp_path, _REPORT)
    assert article.title == "ANNUAL WATER REPORT 2024"
    assert article.publication == "Ministry of Water and Forests"
    assert article.date == "2025-06-03"
    assert article.authors == ("Amal Haddad",)  # the signer, not "CHAIR'S INTRODUCTION"
    texts = [s.text for s in article.sentences]
    assert not any("Haddad" in t for t in texts)
    assert "The ministry supplied 412 million cubic metres of water in 2024, down 6 per cent." in (
        texts
    )


_NEWS = """\
Harbour works to start in spring

The harbour board approved the dredging plan on Tuesday. Work starts in April.

Marta Lindqvist
Harbour Master

The board also named a new harbour master, who starts in May.
"""


def test_a_name_and_role_block_inside_a_text_nobody_signs_stays_text(tmp_path: Path) -> None:
    """No "I" above it: the block is no foreword's signature, so it names no author."""
    article = _read(tmp_path, _NEWS)
    assert article.authors != ("Marta Lindqvist",)
    assert any("Marta Lindqvist" in s.text for s in article.sentences)
