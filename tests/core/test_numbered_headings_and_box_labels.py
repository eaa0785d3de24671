"""Plain-text explainers: numbered headings, a box's label over its list, a publisher | series
line under the header, and "(n)" note markers."""

from __future__ import annotations

from bot.core.ingest.metadata import series_line
from tests.core.ingested import ingest, texts

GUIDE = """Flood Insurance for Small Shops

By Tamsin Greer

March 2025

Harbour Research Centre · Briefing Paper 12


1) Who pays for the cover

Most shops in the flood zone buy cover through the national scheme. Premiums are set by the
scheme, not by the insurer (1).

At a glance
- Shops in the zone: 2,300
- Average premium: 1,150 pounds a year

2) What changes in April

The excess falls from 5,000 pounds to 2,500 pounds for shops that fit flood doors (2).


3) Where to get help

The council runs a drop-in advice desk on Thursdays.


Notes

1. The scheme's own rules, section 4(3), set the premium bands.
2. Announced by the scheme on 2 February 2025.
"""


def test_numbered_headings_head_their_sections() -> None:
    guide = ingest(GUIDE)
    assert [s.split(") ", 1)[1] for s in guide.sections] == [
        "Who pays for the cover",
        "What changes in April",
        "Where to get help",
    ]
    sections = {s.text: s.section for s in guide.sentences}
    assert sections["The council runs a drop-in advice desk on Thursdays."].endswith("get help")
    assert not any(t[:2] in ("1)", "2)", "3)") for t in texts(guide))


def test_a_box_label_glued_to_its_list_is_no_text_and_each_item_a_sentence() -> None:
    body = [t.rstrip(".") for t in texts(ingest(GUIDE))]
    assert "Shops in the zone: 2,300" in body
    assert "Average premium: 1,150 pounds a year" in body
    assert not any("At a glance" in t for t in body)


def test_the_publisher_and_series_line_under_the_date() -> None:
    guide = ingest(GUIDE)
    assert guide.publication == "Harbour Research Centre"
    assert guide.series == "Briefing Paper 12"
    assert not any(s.startswith("Harbour Research") for s in guide.sections)


def test_a_parenthesis_closing_a_clause_is_a_note_marker() -> None:
    guide = ingest(GUIDE)
    notes = {s.text: s.notes for s in guide.sentences}
    assert notes["Premiums are set by the scheme, not by the insurer."] == (1,)
    assert any(n == (2,) and t.endswith("flood doors.") for t, n in notes.items())


def test_numbered_lines_that_are_a_list_or_out_of_order_are_no_headings() -> None:
    steps = ingest(
        "How to Claim\n\nYou can claim in three steps.\n\n"
        "1. Photograph the damage\n\n2. Call the helpline\n\n3. Send the photos\n\n"
        "The helpline answers within a day.\n"
    )
    assert steps.sections == ()
    assert "1. Photograph the damage" in texts(steps)
    jumbled = ingest(
        "Harbour Notes\n\nThe harbour reopens in May after the works.\n\n"
        "2. Berths\n\nForty berths are ready.\n\n5. Fees\n\nFees rise by a tenth.\n"
    )
    assert not any(s.startswith(("2.", "5.")) for s in jumbled.sections)
    stated = ingest(
        "Claims Guide\n\nRead this first.\n\n1. Photograph the damage.\n\nUse a phone.\n\n"
        "2. Call the helpline.\n\nIt is free.\n"
    )
    assert stated.sections == ()


def test_a_lead_in_over_its_list_and_an_enumeration_stay_text() -> None:
    grant = ingest(
        "Home Grants\n\nThe council has opened its grant round for the year.\n\n"
        "The grant pays for\n- insulation\n- a heat pump\n\n"
        "Applicants must (1) own the home and (2) live in it. The rules are in section 4(3).\n"
    )
    body = texts(grant)
    assert any(t.startswith("The grant pays for") and "insulation" in t for t in body), body
    assert "Applicants must (1) own the home and (2) live in it." in body
    assert "The rules are in section 4(3)." in body


def test_series_line_shapes() -> None:
    assert series_line("Eastport Institute | Working Paper No. 14") == (
        "Eastport Institute",
        "Working Paper No. 14",
    )
    assert series_line("Explainer No. 3 | May 2025") == (None, "Explainer No. 3")
    assert series_line("Committee Room 3 | Thursday") is None
    assert series_line("Eastport Institute | March 2025") is None
