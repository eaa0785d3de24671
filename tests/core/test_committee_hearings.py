"""A printed committee hearing: the cover, contents and witness list, statement headings, turns.

Every document here is written for the test, in shapes unlike held-out set AE's Senate hearing:
a House committee's print with a bracketed print number and a title over two lines, "The
CHAIRMAN." and "Representative" labels, a witness under a title ("HON."), a turn that begins on
the line after a question and a "[Recess.]" note; and, as negative cases, a report with a
"HEARING" line that is no cover, whose indented lines stay in their paragraphs.
"""

from __future__ import annotations

from bot.core.ingest.committee_hearings import is_committee_hearing
from tests.core.ingested import ingest, speaker_of, texts

HOUSE = """                                          [H.A.S.C. No. 119-7]

                   SHIPBUILDING SCHEDULES AND THE
                      SUBMARINE INDUSTRIAL BASE

                               __________

                                HEARING

                               BEFORE THE

                      COMMITTEE ON ARMED SERVICES

                        HOUSE OF REPRESENTATIVES

                             MARCH 4, 2025

                            C O N T E N T S

                                                                   Page
Lindqvist, Hon. Margaret, Assistant Secretary of the Navy.........     2
Okafor, Mr. Tunde, President, Shipyard Workers Council............     6

    The committee met, pursuant to call, at 9:30 a.m., in room 2118, Rayburn House
Office Building, Hon. Peter Drummond (chairman of the committee) presiding.

    STATEMENT OF HON. MARGARET LINDQVIST, ASSISTANT SECRETARY OF THE
                                 NAVY

    Ms. LINDQVIST. Thank you, Mr. Chairman. The Navy has delivered four submarines in the
last three years, against a plan of six.
    The yards lost 2,300 welders during the pandemic and have hired back fewer than half.

    STATEMENT OF TUNDE OKAFOR, PRESIDENT, SHIPYARD WORKERS COUNCIL

    Mr. OKAFOR. Our members will build the boats if the yards train them.

    The CHAIRMAN. Madam Secretary, when will the yards be back to two boats a year?
    Ms. LINDQVIST. Not before 2029, on the present hiring.
    [Recess.]
    Representative BELLO. Mr. Okafor, what does a welder earn?
    Mr. OKAFOR. About $31 an hour after two years.
"""


def test_a_house_hearing_cover_gives_title_and_date_and_is_no_text() -> None:
    hearing = ingest(HOUSE)
    assert hearing.title.casefold() == ("shipbuilding schedules and the submarine industrial base")
    assert hearing.date == "2025-03-04"
    body = texts(hearing)
    assert not any("H.A.S.C." in t or "....." in t or "ARMED SERVICES" in t for t in body)
    assert body[0].startswith("The committee met, pursuant to call")
    assert "[Recess.]" not in body


def test_a_house_hearing_statement_headings_are_sections_and_name_the_witnesses() -> None:
    hearing = ingest(HOUSE)
    assert (
        "STATEMENT OF HON. MARGARET LINDQVIST, ASSISTANT SECRETARY OF THE NAVY" in hearing.sections
    )
    assert not any(t.startswith("STATEMENT OF") for t in texts(hearing))
    assert speaker_of(hearing, "The Navy has delivered four") == "Margaret Lindqvist"
    assert speaker_of(hearing, "The yards lost 2,300 welders") == "Margaret Lindqvist"
    assert speaker_of(hearing, "Our members will build") == "Tunde Okafor"


def test_a_house_hearing_turn_on_the_next_line_changes_speaker() -> None:
    hearing = ingest(HOUSE)
    assert speaker_of(hearing, "Not before 2029") == "Margaret Lindqvist"
    assert speaker_of(hearing, "About $31 an hour") == "Tunde Okafor"
    assert speaker_of(hearing, "Mr. Okafor, what does a welder earn?") != "Tunde Okafor"
    assert "Ms. LINDQVIST." not in texts(hearing)


NOT_A_COVER = """Planning Appeals in 2024

HEARING
The inspector held 14 hearings and 212 written appeals this year.

    Most appeals concerned extensions. The inspector allowed
one in three of them.
    Statement of Jane Roe, planning officer
"""


def test_a_hearing_line_that_is_no_cover_leaves_the_text_as_the_general_path_reads_it() -> None:
    assert not is_committee_hearing(NOT_A_COVER)
    article = ingest(NOT_A_COVER)
    assert any(t.startswith("The inspector allowed one in three") for t in texts(article))
    assert all(s.speaker is None for s in article.sentences)
