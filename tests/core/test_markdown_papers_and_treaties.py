"""Markdown papers, notes and treaties: the header lines of a preprint or a methodology note,
formulas and unit exponents in the text, a treaty's lettered sub-points, imprint and signatures."""

from __future__ import annotations

from bot.core.ingest.post_meta import read_meta_line
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, name: str = "paper") -> Article:
    return ingest_as(text, ".md", name)


BODY = (
    "## Background\n\n"
    "The wetland was drained in 1962 and restored in 2019. "
    "Water levels have been logged every hour since then.\n"
)


# --- a version or a preprint's status beside the date ------------------------------------------
def test_a_version_line_gives_the_date_and_is_no_subtitle() -> None:
    note = ingest(
        "# Wetland Levels Dataset: Technical Note\n\nRelease 3 | Updated 14 May 2025\n\n" + BODY
    )
    assert note.date == "2025-05-14"
    assert note.subtitle is None
    assert not any("Release 3" in t for t in texts(note))


def test_a_preprint_status_line_gives_the_posted_date_and_no_sentences() -> None:
    paper = ingest(
        "# Restored Wetlands Store Less Carbon Than Expected\n\n"
        "_This is a preprint and has not been peer reviewed. Published 2 June 2025. "
        "Contact: r.okafor@fenland.example_\n\n" + BODY
    )
    assert paper.date == "2025-06-02"
    assert not any(
        t.startswith(("This is a preprint", "Published", "Contact")) for t in texts(paper)
    )


def test_a_line_of_sentences_without_a_date_is_no_meta_line() -> None:
    assert read_meta_line("Preprint, not peer reviewed.") is None
    assert read_meta_line("Published 9 April 2025. The council said so.") is None
    assert read_meta_line("Version 2 of the plan was dropped") is None


# --- formulas and unit exponents ---------------------------------------------------------------
def test_inline_math_keeps_its_underscores_and_money_stays_money() -> None:
    paper = ingest(
        "# Flux Note\n\n## Method\n\n"
        "The flux is $F_{\\text{in}} - F_{\\text{out}}$ over the day. "
        "The pumps cost $40 and the loggers $25 each, paid from the_grant_fund.\n"
    )
    assert "$F_{\\text{in}} - F_{\\text{out}}$" in one(paper, "The flux is").text
    assert "cost $40 and the loggers $25 each" in one(paper, "The pumps cost").text


def test_signed_unit_exponents_are_no_note_markers_but_markers_still_are() -> None:
    paper = ingest(
        "# Flux Note\n\n## Method\n\n"
        "Uptake was 2.4 mol m⁻² s⁻¹ in June and 1.1 µmol L⁻¹ in May. "
        "The sensors were calibrated yearly.²\n\n"
        "[^1]: First note.\n[^2]: Calibration protocol, 2024 edition.\n"
    )
    uptake = one(paper, "Uptake was")
    assert "m⁻² s⁻¹" in uptake.text and "L⁻¹" in uptake.text
    assert tuple(uptake.notes) == ()
    assert tuple(one(paper, "The sensors were").notes) == (2,)
