"""Meeting records read as text: the meeting date, item headings, the roster, the form line.

The minutes here are a trust board's, laid out unlike the held-out council's: "Meeting held
on" with a weekday and a comma, an inline "PRESENT:" list split by semicolons with
"Councillor" titles, "Agenda item 12 - …" headings numbered from 12, a signature line of
underscores. The negative cases keep what the rules must leave alone: item lines whose
numbers skip, a contents line with its page number, a surname two people share, a subject
that is no one's name.
"""

from __future__ import annotations

from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.minutes import agenda_headings, form_line, roster_of
from bot.core.ingest.quotes import direct_quotes
from tests.core.ingested import ingest, texts

MINUTES = (
    "\n\n".join(
        [
            "HARTLEY VALLEY PARKS TRUST",
            "Minutes of the Board of Trustees\nMeeting held on Monday, 3 March 2025 at 6.30pm",
            "PRESENT: Councillor Jane Oduya (Chair); Councillor Rob Fenwick; Councillor Meera Lal; "
            "Tess Okafor (Treasurer)",
            "Agenda item 12 - Playground renewal at Kiln Park",
            "The board considered a quote of 64,000 pounds for new play equipment at Kiln Park. "
            'Councillor Fenwick said the fund was "the only money we have left for the playground '
            'this decade." Ms Dana Whitlow, a resident of Mill Street, objected to the layout, '
            'warning that "the lower lawn floods every single winter." The Treasurer confirmed '
            "that the reserve stood at 210,000 pounds.",
            "Agenda item 13 - Trees on the north boundary",
            "Councillor Lal reported that nine ash trees on the north boundary had ash dieback and "
            "would be felled in April. Councillor Oduya said the trust would "
            '"replant two trees for every one we take down."',
            "Agenda item 14 - Any other business",
            "There was no other business. The meeting closed at 8.05pm.",
            "Chair: ____________________     Date: ______________",
        ]
    )
    + "\n"
)


def test_the_meeting_date_is_when_it_was_held() -> None:
    assert ingest(MINUTES).date == "2025-03-03"


def test_numbered_agenda_items_are_the_sections_and_head_their_text() -> None:
    minutes = ingest(MINUTES)
    assert minutes.sections == (
        "Agenda item 12 - Playground renewal at Kiln Park",
        "Agenda item 13 - Trees on the north boundary",
        "Agenda item 14 - Any other business",
    )
    assert not any(t.startswith("Agenda item") for t in texts(minutes))
    felled = next(s for s in minutes.sentences if s.text.startswith("Councillor Lal reported"))
    assert felled.section == "Agenda item 13 - Trees on the north boundary"


def test_the_signature_form_line_is_no_text() -> None:
    minutes = ingest(MINUTES)
    assert not any("____" in t or t.startswith("Chair:") for t in texts(minutes))
    assert "The meeting closed at 8.05pm." in texts(minutes)


def test_members_called_by_title_and_surname_are_named_as_the_roster_names_them() -> None:
    speakers = {q.text[:20]: q.speaker for q in ingest(MINUTES).quotes}
    assert speakers["the only money we ha"] == "Rob Fenwick"
    assert speakers["replant two trees fo"] == "Jane Oduya"


def test_words_after_a_reporting_participle_are_the_clause_subjects() -> None:
    speakers = {q.text[:20]: q.speaker for q in ingest(MINUTES).quotes}
    assert speakers["the lower lawn flood"] == "Dana Whitlow"


def _lines(*texts: str) -> list[Block]:
    return [Block("paragraph", (SourceLine(t, k + 1),)) for k, t in enumerate(texts)]


def test_item_lines_whose_numbers_skip_or_stand_alone_stay_as_they_are() -> None:
    skipping = _lines(
        "Item 3: Budget",
        "The budget was noted by all.",
        "Item 5: Staffing",
        "Two posts are vacant.",
    )
    assert [b.kind for b in agenda_headings(skipping)] == ["paragraph"] * 4
    one = _lines("Step 1: Read the form", "Then sign it and send it back.")
    assert [b.kind for b in agenda_headings(one)] == ["paragraph"] * 2
    sentences = _lines(
        "Item 1: The report was noted.",
        "No one objected.",
        "Item 2: The fees were raised.",
        "Two members abstained.",
    )
    assert [b.kind for b in agenda_headings(sentences)] == ["paragraph"] * 4
    captions = _lines(
        "Table 1: Fares by route", "The fares rose.", "Table 2: Sailings", "They fell."
    )
    assert [b.kind for b in agenda_headings(captions)] == ["paragraph"] * 4
    capitals = _lines("ITEM 7 - APOLOGIES", "None were received.", "ITEM 8 - MINUTES", "Agreed.")
    assert [b.kind for b in agenda_headings(capitals)] == ["heading", "paragraph"] * 2
    running = _lines("Part 1. Costs", "It costs a lot.", "Part 2. Benefits", "It helps many.")
    assert [b.kind for b in agenda_headings(running)] == ["heading", "paragraph"] * 2


def test_form_lines_are_blanks_to_fill_and_contents_lines_are_not() -> None:
    assert form_line("Signed ........................ (Chair)      Date ..................")
    assert form_line("Print name: ________________")
    assert not form_line("Introduction .................... 4")  # a contents line's page
    assert not form_line("He paused... and then he went on with the rest of the reading.")
    assert not form_line("The chair thanked everyone for coming to the meeting tonight.")


def test_a_shared_surname_or_someone_off_the_roster_keeps_the_name_given() -> None:
    roster = roster_of(
        ["Present:", "Cllr Ann Lowe", "Cllr Ben Lowe", "Cllr Sara Quist", "Dr Omar Haddad"]
    )
    assert roster.name("Cllr Lowe") == "Cllr Lowe"  # two Lowes: neither
    assert roster.name("Cllr Quist") == "Sara Quist"
    assert roster.name("Haddad") == "Omar Haddad"
    assert roster.name("Cllr Smith") == "Cllr Smith"
    assert roster.name("Jo Bright") == "Jo Bright"


def test_a_participle_after_a_subject_that_is_no_name_gives_no_speaker() -> None:
    text = 'Prices rose in March, saying that "the winter had been long and very hard indeed."'
    assert direct_quotes(text, [(0, len(text))]) == []
