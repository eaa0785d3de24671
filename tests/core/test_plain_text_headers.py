"""Plain-text headers and furniture: who attends, where, the outlet, stage directions, questions.

A hearing's or panel's header lists who attends ("PRESENT:", "ALSO PRESENT:", "PARTICIPANTS:")
and where; none of it is a section heading or a sentence. A transcriber's note ("(Laughter.)",
"[Recess]", "(Whereupon … adjourned.)") is nobody's words. The line under a byline is the
publication unless it is the author's role. An explainer's or FAQ's questions on lines of their
own head its sections. Every document here is written for the test, in layouts unlike set C's.
"""

from __future__ import annotations

import pytest

from tests.core.ingested import ingest, speaker_of, texts

COMMITTEE = """JOINT COMMITTEE ON TRANSPORT

Oversight Hearing on Rural Bus Services

Room 214, Parliament Buildings

14 March 2024

MEMBERS PRESENT: Rep. Lena Fiske (Chair); Rep. Tomas Grady; Rep. Ines Varga

ALSO PRESENT: Marco Bellini, Clerk; Dana Oyelaran, Counsel

(The committee met at 2:00 p.m.)

CHAIR FISKE: Good afternoon. The committee will hear from the transport board today, and
then members will ask their questions. Mr. Bellini, is the first witness here?

MR. BELLINI: She is, Chair. She will be a few minutes late.

(Laughter.)

CHAIR FISKE: Then we will wait.

[Recess]

REP. GRADY: How many routes were cut last year?

REP. VARGA: Eleven, if I read the board's report right.

CHAIR FISKE: Mr. Bellini.

MR. BELLINI: The report is on the table, Chair.

CHAIR FISKE: Thank you. We are adjourned.

(Whereupon, at 4:15 p.m., the committee adjourned.)
"""


def test_a_hearings_room_and_attendance_lists_are_neither_headings_nor_sentences() -> None:
    hearing = ingest(COMMITTEE)
    assert hearing.sections == ()
    assert {s.section for s in hearing.sentences} == {""}
    joined = " ".join(texts(hearing))
    assert "PRESENT" not in joined and "Counsel" not in joined and "Room 214" not in joined
    assert speaker_of(hearing, "Good afternoon.") == "Lena Fiske"
    assert speaker_of(hearing, "How many routes were cut") == "Tomas Grady"
    # a turn naming a person later on is a turn, not a list of who attends
    assert speaker_of(hearing, "Mr. Bellini.") == "Lena Fiske"


def test_a_hearings_stage_directions_are_nobodys_words() -> None:
    hearing = ingest(COMMITTEE)
    everything = texts(hearing) + [q.text for q in hearing.quotes]
    assert not any(
        "Laughter" in t or "Recess" in t or "Whereupon" in t or "met at 2:00" in t
        for t in everything
    )
    assert [q.text for q in hearing.quotes if q.speaker == "Lena Fiske"][-1] == (
        "Thank you. We are adjourned."
    )


PANEL = """Roundtable: The Future of Local News

PARTICIPANTS:
- Amara Osei, editor, The Lakeside Gazette
- Pieter de Wit, media researcher
- Joan Mwangi (moderator)

JOAN MWANGI: Welcome, everyone. Let us begin with money, because every paper I know is
short of it.

AMARA OSEI: Advertising fell by half in five years. [Laughter] We sell events now, and the
events pay for two reporters.

JOAN MWANGI: Why not merge the papers?

PIETER DE WIT: Some have merged. Readers noticed, and many of them cancelled.

JOAN MWANGI: And the readers who stayed?

AMARA OSEI: They pay more than they did, and they write to us more often.

[Note: the Gazette's figures were checked after the event.]
"""


def test_a_panels_participant_list_is_not_read_and_its_questions_are_turns() -> None:
    panel = ingest(PANEL)
    assert panel.sections == ()
    joined = " ".join(texts(panel))
    assert "PARTICIPANTS" not in joined and "media researcher" not in joined
    assert speaker_of(panel, "Why not merge the papers?") == "Joan Mwangi"
    assert speaker_of(panel, "Some have merged.") == "Pieter de Wit"
    assert "We sell events now, and the events pay for two reporters." in texts(panel)
    assert not any("Laughter" in t for t in texts(panel))
    # an editor's labelled note is the editor's words, not a stage direction: kept as text,
    # without its label and its brackets, and nobody's turn
    assert "the Gazette's figures were checked after the event." in texts(panel)
    assert not any(t.startswith("[") or t.endswith("]") for t in texts(panel))
    assert speaker_of(panel, "They pay more than they did") == "Amara Osei"
    assert speaker_of(panel, "the Gazette's figures") is None


FAQ = """Congestion Charge: Questions and Answers

Updated 3 May 2025

The city will charge drivers who enter the centre on weekdays from September. The council
voted for the charge in April after two years of consultation, and the details below are
those the council has published so far.

Why now?

Traffic in the centre has grown every year since 2019. Buses are slower than they were a
decade ago.

How much will it cost me?

A car pays 6 pounds a day. Vans pay 9 pounds.

Residents of the zone pay a tenth of the charge.

Are there exemptions?

Blue badge holders and emergency vehicles do not pay.
"""


def test_an_faqs_questions_on_lines_of_their_own_are_its_sections() -> None:
    faq = ingest(FAQ)
    assert faq.sections == ("Why now?", "How much will it cost me?", "Are there exemptions?")
    assert not any(t.endswith("?") for t in texts(faq))
    by_start = {s.text[:20]: s for s in faq.sentences}
    assert by_start["Traffic in the centr"].section == "Why now?"
    assert by_start["Residents of the zon"].section == "How much will it cost me?"
    assert by_start["The city will charge"].section == ""
    assert faq.date == "2025-05-03"


def test_one_rhetorical_question_on_its_own_line_stays_a_sentence() -> None:
    article = ingest(
        "Why Ferries Cost So Much\n\nBy Ana Lim\n\n"
        "Ferries burn a great deal of fuel, and fuel has doubled in price since 2021. "
        "Crews are scarce, and the boats are old.\n\nSo who pays?\n\n"
        "The passengers pay most of it, and the state pays the rest.\n"
    )
    assert article.sections == ()
    assert "So who pays?" in texts(article)


NEWSLETTER = """Who Pays for Recharge

By Priya Nair

The Basin Letter

April 1, 2025

Recharge ponds put water back into the aquifer, and someone has to pay for the land. This
week we look at three districts that found the money in different ways.

Marlow County

Marlow charges every well owner a flat fee of 40 dollars a year.
"""


def test_a_newsletters_outlet_line_between_byline_and_date_is_its_publication() -> None:
    letter = ingest(NEWSLETTER)
    assert letter.authors == ("Priya Nair",)
    assert letter.publication == "The Basin Letter"
    assert letter.date == "2025-04-01"
    assert letter.sections == ("Marlow County",)
    assert not any("Basin Letter" in t for t in texts(letter))


@pytest.mark.parametrize("under", ["Staff Writer", "Nairobi, Kenya"])
def test_a_role_or_a_place_under_the_byline_is_not_the_publication(under: str) -> None:
    article = ingest(
        f"Night Buses Return to the Valley\n\nBy Tom Reyes\n{under}\nJune 2, 2025\n\n"
        "Night buses will run again on four routes from July, the transport board said on "
        "Monday, after a trial that carried more riders than the board had expected.\n"
    )
    assert article.authors == ("Tom Reyes",)
    assert article.publication is None
    assert article.sections == ()
    assert not any(under in t for t in texts(article))


def test_a_wire_line_glued_under_the_byline_is_the_publication() -> None:
    article = ingest(
        "Port Strike Ends After Nine Days\n\nBy Grace Obi\nHarbour City Tribune\n\n"
        "Dock workers returned to work on Friday after the union accepted a pay offer of "
        "4 percent a year, ending a strike that had left ships waiting outside the port.\n"
    )
    assert article.publication == "Harbour City Tribune"
    assert article.sections == ()


def test_a_speakers_label_and_a_labelled_title_are_not_lists_of_who_attends() -> None:
    hearing = ingest(
        "Panel: Ray Ames, Ona Lind\n\nBudget Hearing of the Parks Board\n\n"
        "CHAIR: Dr. Ray Ames, Ms. Ona Lind\n\n"
        "DR. AMES: Thank you. The parks budget fell by a tenth this year, and the pools "
        "closed early.\n\nCHAIR: Ms. Lind, do you agree?\n\n"
        "MS. LIND: I do. We lost four gardeners.\n"
    )
    assert hearing.title == "Panel: Ray Ames, Ona Lind"
    # "CHAIR:" opens turns further on: its first line is a turn too, not a list
    assert speaker_of(hearing, "Dr. Ray Ames, Ms. Ona Lind") == "Chair"
    assert speaker_of(hearing, "We lost four gardeners.") == "Ona Lind"


def test_an_issuers_name_in_capitals_over_the_title_is_the_publication() -> None:
    briefing = ingest(
        "MINISTRY OF HEALTH AND CARE\n\n"
        "Briefing: Hospital Waiting Lists in the Northern Region\n\n"
        "Conference Room B, Halden\nMonday, 3 March 2025\n\n"
        "The waiting list for planned operations fell by 4,000 in the last quarter. Most of the "
        "fall came from two hospitals that opened weekend theatres in January.\n"
    )
    assert briefing.title == "Briefing: Hospital Waiting Lists in the Northern Region"
    assert briefing.publication == "Ministry of Health and Care"
    assert not any("Conference Room" in t for t in texts(briefing))
    # a title in capitals that names no organisation stays the title
    sheet = ingest(
        "FREE SCHOOL MEALS\n\nGuidance for parents and carers\n\n"
        "The council pays for a hot lunch for every pupil in the first three years of school. "
        "Parents do not need to apply.\n"
    )
    assert sheet.title == "FREE SCHOOL MEALS"
