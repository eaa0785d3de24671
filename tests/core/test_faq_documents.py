"""Question-and-answer documents: "Q1:" labels, questions grouped under parts, contact fields.

Every document here is written for the test, in shapes unlike held-out set K's FAQ: parts in
title case with "Q1:" labels and an unnumbered question among them, a contact block of
"Phone:" / "Web:" fields, "In the words of …" and "In the Council's words"; and, as negative
cases, an explainer whose questions are its only headings, an explainer with one heading right
over its first question, a lone "Q2." and field lines with no contact in them.
"""

from __future__ import annotations

from bot.core.ingest.attribution import speaker_before
from bot.core.ingest.faq import contact_fields, without_question_labels
from bot.core.ingest.formats import Block, SourceLine
from tests.core.ingested import ingest, texts

GROUPED = """Garden Waste Collections: Your Questions Answered

Published by Northfold District Council

This page explains the paid garden waste service, which starts in April 2026 and replaces the
free fortnightly collection that ends in March.

Joining The Service

Q1: Who can join the garden waste service?

Any household in the district with a garden can join. Flats with shared gardens can join as one
property if the managing agent applies.

Q2: How do I sign up?

You can sign up online or by phone from 1 February 2026. In the Council's words, "nobody who
signs up before April will miss a single collection."

Can I share a bin with my neighbour?

Yes. Two households can share one bin if they live next door to each other.

Paying For It

Q3: How much does it cost?

A year's collection costs £52 for the first bin and £30 for each extra bin.

Q4: Is there a discount?

Households on council tax support pay half price. In the words of the cabinet member, Aisha
Penrose, "the discount is there so that nobody has to choose between a tidy garden and
heating."

Contact

Phone: 01632 960 400 (weekdays 8am to 6pm)
Web: https://www.northfold.example/garden-waste

We update these answers when the service changes.
"""


def test_question_labels_are_cut_and_the_questions_are_sentences() -> None:
    body = texts(ingest(GROUPED))
    assert "Who can join the garden waste service?" in body
    assert "How much does it cost?" in body
    assert not any(t.startswith("Q") and t[1:].strip(" :").isdigit() for t in body)
    assert not any(t.startswith(("Q1:", "Q2:", "Q3:", "Q4:")) for t in body)


def test_questions_grouped_under_parts_are_items_and_the_parts_the_sections() -> None:
    faq = ingest(GROUPED)
    assert faq.sections == ("Joining The Service", "Paying For It", "Contact")
    section = {s.text: s.section for s in faq.sentences}
    assert section["Can I share a bin with my neighbour?"] == "Joining The Service"
    assert section["Households on council tax support pay half price."] == "Paying For It"


def test_contact_fields_are_sentences_of_their_own_not_glued_to_the_next() -> None:
    body = texts(ingest(GROUPED))
    assert "We update these answers when the service changes." in body
    assert "Phone: 01632 960 400 (weekdays 8am to 6pm)" in body
    assert not any("Phone:" in t and "Web:" in t for t in body)


def test_words_introduced_as_someones_words_are_their_quote() -> None:
    by = {q.text: q.speaker for q in ingest(GROUPED).quotes}
    assert "Council" in (by["nobody who signs up before April will miss a single collection."])
    assert by[
        "the discount is there so that nobody has to choose between a tidy garden and heating."
    ] == ("Aisha Penrose")


EXPLAINER = """Heat Pumps Explained

By Nadia Frost

Heat pumps are being fitted in more homes each year, and the grant that pays for them has just
gone up. Here is what changes.

What is a heat pump?

A heat pump moves heat from the air or the ground into a house, as a fridge works in reverse.

How big is the grant?

The grant is now £7,500 for every kind of heat pump, up from £5,000 for air-source pumps.

Who can apply?

Owners of homes in England and Wales can apply through an installer. In other words, "the
installer does the paperwork and takes the grant off the bill."
"""


def test_an_explainer_whose_questions_are_its_only_headings_keeps_them_as_sections() -> None:
    explainer = ingest(EXPLAINER)
    assert explainer.sections == ("What is a heat pump?", "How big is the grant?", "Who can apply?")
    assert not any(q.text.startswith("the installer does") for q in explainer.quotes)


ONE_GROUP = """Bus Pass Renewals

By Colm Baird

Older people's bus passes issued in 2021 expire this year. The council has set out what
holders need to know.

Key Questions

When does my pass expire?

Passes issued in 2021 expire on their fifth anniversary, printed on the front of the card.

Do I need a new photo?

Yes. The council needs a photo taken in the last month.

How long does a renewal take?

Renewals take about ten working days.
"""


def test_one_heading_over_a_question_does_not_make_the_questions_items() -> None:
    """Only two or more headings each right over a question make an FAQ's parts; one is an
    explainer's heading over its question headings."""
    explainer = ingest(ONE_GROUP)
    assert "Do I need a new photo?" in explainer.sections
    assert "How long does a renewal take?" in explainer.sections


def _line_blocks(*lines: str) -> list[Block]:
    return [Block("paragraph", (SourceLine(text, n),)) for n, text in enumerate(lines, start=1)]


def test_a_lone_numbered_question_keeps_its_label() -> None:
    blocks = _line_blocks("Q2. Why now?", "Because the law changed.")
    assert without_question_labels(blocks) == blocks
    numbered = _line_blocks("Q1. Why now?", "Because.", "Q2. Who pays?", "The state.")
    assert [b.text for b in without_question_labels(numbered)] == [
        "Why now?",
        "Because.",
        "Who pays?",
        "The state.",
    ]
    skipping = _line_blocks("Q1. Why now?", "Because.", "Q3. Who pays?", "The state.")
    assert without_question_labels(skipping) == skipping


def test_field_lines_without_contact_details_or_with_sentences_stay_a_paragraph() -> None:
    plain = Block(
        "paragraph", (SourceLine("Cost: £5 per visit", 1), SourceLine("Length: two hours", 2))
    )
    assert contact_fields(plain) is plain
    sentences = Block(
        "paragraph",
        (
            SourceLine("Note: write to us at help@example.org.", 1),
            SourceLine("Phone: we no longer answer calls.", 2),
        ),
    )
    assert contact_fields(sentences) is sentences
    fields = Block(
        "paragraph",
        (SourceLine("Phone: 01632 960 400", 1), SourceLine("Email: help@example.org", 2)),
    )
    assert contact_fields(fields).kind == "list"


def test_whose_words_the_lead_in_names() -> None:
    assert speaker_before("In the words of the cabinet member, Aisha Penrose,") == "Aisha Penrose"
    assert speaker_before("In Jane Doe’s own words:") == "Jane Doe"
    assert speaker_before("In other words,") is None
    assert speaker_before("In the words of the report, which was published in May,") is None
