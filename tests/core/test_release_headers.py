"""Releases and statements in plain text: a dated news dateline, a headline over its date line,
and a speaker described twice before a quote.

"PLACE, 3 June 2024 –" opening the first paragraph is no part of its sentence and dates the
text; a headline printed above the header's date line and the release marker stays the title,
and the short line under the marker then heads the first section; a pronoun after a quote
stands for the person named before, even when a description and a relative clause follow the
name. Every document is written for the test, in shapes unlike the held-out sets'.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

BODY = (
    "The harbour board said that dredging of the inner basin will begin next month and run "
    "until the end of the summer.\n\n"
    "Ms. Carla Duarte, head of operations at the board, who oversaw the survey, said the work "
    'was overdue. "The silt has been building for a decade. We cannot wait another winter," '
    "she said.\n\n"
    "The board expects the basin to reopen to larger vessels in October."
)


def test_a_dated_place_dateline_dates_the_text_and_leaves_its_first_sentence() -> None:
    for dateline, iso in (
        ("PORTO, Portugal, 3 June 2024 –", "2024-06-03"),
        ("HALIFAX, June 3, 2024 —", "2024-06-03"),
    ):
        article = ingest(f"Harbour basin to be dredged\n\n{dateline} {BODY}")
        assert article.date == iso, dateline
        assert texts(article)[0].startswith("The harbour board said that dredging")


def test_an_undated_or_unplaced_opening_gives_no_date() -> None:
    """Negative cases: "HALIFAX —" gives no date; a sentence opening with a date and a dash
    ("3 June 2024 – the day …") has no place in capitals, so it stays whole."""
    article = ingest(f"Harbour basin to be dredged\n\nHALIFAX — {BODY}")
    assert article.date != "2024-06-03"
    assert texts(article)[0].startswith("The harbour board said")
    kept = ingest(
        "Harbour basin to be dredged\n\n3 June 2024 – the day the board voted – will be "
        "remembered on the quay. The dredging starts next month."
    )
    assert texts(kept)[0].startswith("3 June 2024 – the day the board voted")


def test_a_pronoun_after_a_quote_is_the_person_described_before_it() -> None:
    article = ingest(f"Harbour basin to be dredged\n\nHALIFAX — {BODY}")
    quotes = [q for q in article.quotes if "building for a decade" in q.text]
    assert len(quotes) == 1 and quotes[0].speaker == "Carla Duarte"


def test_a_relative_clause_about_someone_else_names_no_speaker() -> None:
    """Negative case: "…, who met Mayor Tom Bell, …" does not make the mayor the speaker, and
    a name followed by a relative clause with no comma after it is no subject."""
    article = ingest(
        "Harbour basin to be dredged\n\n"
        "Carla Duarte, head of operations, who met Mayor Tom Bell on Friday, said the work was "
        'overdue. "We cannot wait another winter," she said.'
    )
    assert {q.speaker for q in article.quotes} == {"Carla Duarte"}


STATEMENT = """COMMON STATEMENT ON SAFER CYCLING IN THE OLD TOWN

Signed at Kessling, 4 February 2026

For immediate release


Background

The four organisations below have disagreed about traffic in the old town for years. They
now agree on a plan to make the streets safer for people on bicycles.

Cycling casualties in the old town rose from 31 in 2022 to 47 in 2025.


Costs

The plan will cost about 2.4 million euros over three years.
"""


def test_a_headline_over_the_date_line_and_marker_is_the_title() -> None:
    article = ingest(STATEMENT)
    assert article.title.lower() == "common statement on safer cycling in the old town"
    assert article.date == "2026-02-04"
    assert article.sections[:2] == ("Background", "Costs")
    assert texts(article)[0].startswith("The four organisations below")


def test_an_issuer_over_the_marker_is_still_no_title() -> None:
    """Negative case: the issuer's name over the marker, the date under it, the headline
    after: the headline is the title and the issuer's line the publication."""
    article = ingest(
        "KESSLING CITY COUNCIL\n\nFOR IMMEDIATE RELEASE\n4 February 2026\n\n"
        "Council and cyclists agree old town plan\n\n"
        "The council and three cycling groups today agreed a plan for safer streets in the "
        "old town. Work starts in April."
    )
    assert article.title == "Council and cyclists agree old town plan"
    assert article.publication == "Kessling City Council"
    assert not any("KESSLING" in t for t in texts(article))


PLEDGE = """Harbour Pledge

Agreed by the harbour users' forum, 12 May 2025.


Purpose

The forum brings together the ferry company, the fishing fleet and the marina. It meets
four times a year.


What each of us will do

1. The ferry company will publish its sailing times a month ahead.

2. The fishing fleet will keep the north berths clear between 7 and 9 a.m.

3. The marina will fund a second pump-out station by 2027.


Review

The forum will review the pledge in May 2026.
"""


def test_a_sentence_case_line_set_apart_like_the_headings_heads_its_section() -> None:
    article = ingest(PLEDGE)
    assert "What each of us will do" in article.sections
    assert "Purpose" in article.sections and "Review" in article.sections
    assert not any(t.startswith("What each of us") for t in texts(article))


def test_numbered_points_each_a_paragraph_read_without_their_numbers() -> None:
    body = texts(ingest(PLEDGE))
    assert "The ferry company will publish its sailing times a month ahead." in body
    assert "The marina will fund a second pump-out station by 2027." in body
    assert not any(t[:2] in ("1.", "2.", "3.") for t in body)


def test_stacked_steps_labels_and_lone_numbers_keep_their_numbers() -> None:
    """Negative cases: steps stacked in one block, numbered labels without a full stop, a
    run that does not start at 1, and a sentence-case line with no wider gap than the
    paragraphs stay as they are."""
    stacked = texts(
        ingest(
            "Booking a Berth\n\nThe marina takes bookings all year.\n\n"
            "1. Ring the harbour office.\n2. Pay the deposit.\n\nBerths are held for a week.\n"
        )
    )
    assert "1. Ring the harbour office." in stacked
    labels = texts(
        ingest(
            "Booking a Berth\n\nThe marina takes bookings all year.\n\n"
            "1. Ring the harbour office\n\n2. Pay the deposit\n\nBerths are held for a week.\n"
        )
    )
    assert any(t.startswith("1. Ring the harbour office") for t in labels)
    late = texts(
        ingest(
            "Booking a Berth\n\nThe marina takes bookings all year.\n\n"
            "4. The office shuts at noon.\n\n5. Deposits are not refunded.\n"
        )
    )
    assert "4. The office shuts at noon." in late
    close = ingest(
        "Harbour Notes\n\nPurpose\n\nThe forum meets four times a year.\n\n"
        "Review\n\nThe pledge is reviewed in May.\n\nWhat we agreed\n\nThe berths stay clear.\n"
    )
    assert "What we agreed" not in close.sections


SIGNED = """Harbour Pledge

The ferry company, the fishing fleet and the marina agree to keep the north berths clear
between 7 and 9 a.m. from June.

Signed by:
Prof. Ana Lindqvist, Chair, Harbour Users' Forum
Owen Tait, Skipper, North Fleet Cooperative

The pledge will be reviewed in May 2026.
"""


def test_a_signatories_list_names_the_authors_and_is_no_text() -> None:
    article = ingest(SIGNED)
    assert article.authors == ("Ana Lindqvist", "Owen Tait")
    body = texts(article)
    assert not any("Owen Tait" in t or "Signed by" in t for t in body)
    assert "The pledge will be reviewed in May 2026." in body


def test_lines_under_a_signed_label_that_are_not_all_signatures_stay_text() -> None:
    """Negative case: a line under "Signed" that is a sentence keeps the block as text, and
    "Name, Role" lines with no label over them name no authors."""
    article = ingest(SIGNED.replace("Owen Tait, Skipper, North Fleet Cooperative", "It was."))
    assert "Ana Lindqvist" not in article.authors
    unlabelled = ingest(SIGNED.replace("Signed by:\n", "We agreed, with thanks to\n"))
    assert "Owen Tait" not in unlabelled.authors
