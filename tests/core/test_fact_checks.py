"""Plain-text fact checks: labelled parts, the claim its maker's quote, the sources as notes."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article


def _read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "check.txt"
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


_CHECK = """\
Politics | Verified

Has the city really planted a million trees since 2020?

By Tomasz Wrobel, TruthDesk Lowlands
Published: 12 May 2025
Updated: 14 May 2025

THE CLAIM: "We have planted a million trees since 2020."

CLAIMED BY: Mayor Odile Fenwick, in a council debate on 8 May 2025.

OUR RULING: FALSE

WHAT WE FOUND:

The parks department's own register lists 212,000 trees planted from 2020 to 2024 [1]. A
further 40,000 saplings were handed out to households, but the city did not plant them [2].

The mayor's office said the figure counted "every seed in every tree nursery".

SOURCES:
[1] City Parks Department, tree register 2020-2024
[2] Parks committee minutes, 3 March 2025

TruthDesk Lowlands checks claims made in public life.
"""


def test_the_labels_head_parts_and_the_claim_is_its_makers_quote(tmp_path: Path) -> None:
    article = _read(tmp_path, _CHECK)
    assert article.title == "Has the city really planted a million trees since 2020?"
    assert article.authors == ("Tomasz Wrobel",)
    assert article.publication == "TruthDesk Lowlands"
    assert article.date == "2025-05-12"
    assert "The claim" in article.sections
    assert "Our ruling: FALSE" in article.sections
    assert "What we found" in article.sections
    assert not any(s.startswith("Updated") for s in article.sections)
    assert any(
        "We have planted a million trees" in q.text and q.speaker == "Odile Fenwick"
        for q in article.quotes
    )
    speakers = {s.speaker for s in article.sentences} | {q.speaker for q in article.quotes}
    assert not speakers & {"What We Found", "Our Ruling", "Claimed By", "The Claim"}
    # the maker's line stays text, without its label
    assert any(
        s.text.startswith("Mayor Odile Fenwick, in a council debate") for s in article.sentences
    )


def test_the_sources_list_is_the_notes_and_its_markers_cite_them(tmp_path: Path) -> None:
    article = _read(tmp_path, _CHECK)
    assert [(n.number, n.text) for n in article.notes] == [
        (1, "City Parks Department, tree register 2020-2024"),
        (2, "Parks committee minutes, 3 March 2025"),
    ]
    planted = next(s for s in article.sentences if s.text.startswith("The parks department"))
    assert tuple(planted.notes) == (1,)
    assert "[1]" not in planted.text
    assert not any(s.text.startswith(("SOURCES", "[1]")) for s in article.sentences)


_NOT_A_CHECK = """\
Council notes

CLAIM: Residents may claim a refund of the parking charge within 30 days.

DEADLINE: Claims made after 30 days are refused.

The council publishes the refund form on its website.
"""


def test_a_claim_label_without_a_verdict_is_no_fact_check(tmp_path: Path) -> None:
    """Only a claim's and a verdict's labels together make a fact check; else as before."""
    article = _read(tmp_path, _NOT_A_CHECK)
    assert "Claim" not in article.sections
    assert not article.notes


_BYLINES = """\
Ferry timetable to change in June

By Ana McDonald, Peter FitzGerald
Published: 2 April 2025

The ferry company will cut the late sailing from June. Passengers were told on Monday.
"""


def test_a_surname_with_an_inner_capital_stays_an_author(tmp_path: Path) -> None:
    article = _read(tmp_path, _BYLINES)
    assert article.authors == ("Ana McDonald", "Peter FitzGerald")
    assert article.title == "Ferry timetable to change in June"
