"""Parliamentary records in other houses' shapes, and the look-alikes that stay as they are.

Each document is written here: a devolved parliament's official report (numbered questions,
"The Cabinet Secretary for X (Name):", "Members:"), a chamber's record with the member's seat,
role and the hour in brackets and no house header, and the look-alikes of other kinds (an
interview's "Name:" and "Name (Outlet):" labels, a news story naming a house, prose opening
with "Question" or "Members").
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.parliament import (
    collective_label,
    is_procedural,
    member_label,
    read_record,
)
from bot.core.model import Article


def _read(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def _member(label: str) -> str | None:
    found = member_label(label)
    return found[0] if found else None


def _speaker(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in article.sentences])
    return found[0].speaker


_OFFICIAL_REPORT = """\
SCOTTISH PARLIAMENT

Meeting of the Parliament

Thursday 5 June 2025

[The Presiding Officer opened the meeting at 14:00]

General Question Time

Ferry Services

Col 3

1. Morag Lennie (Clydeside North) (Lab): To ask the Scottish Government when the new ferry
for the Kintra crossing will enter service.

The Cabinet Secretary for Transport (Fiona Marr): The vessel will enter service in October,
once its sea trials are complete.

Morag Lennie: Islanders were promised March. Haulage firms on Kintra have lost 11 weeks of sailings.

Fiona Marr: I understand their frustration. The yard found a fault in the propulsion shafts
in April.

Members: Hear, hear.

Members interjecting.

The Presiding Officer (Alison Strang): Order. Let us hear the cabinet secretary.

2.31 pm

Island Housing

Col 4

2. Ruaridh MacAskill (Na h-Eileanan an Iar) (SNP): To ask the Scottish Government how many
affordable homes were completed on the islands last year.

The Minister for Housing (Kevin Dunmore): There were 212 completions, against a target of 300.

Question put and agreed to.

Meeting closed at 17:02.
"""


def test_an_official_report_of_another_house_reads_as_the_debate_record(tmp_path: Path) -> None:
    # type: ignore[no-untyped-def]
    report = _read(tmp_path, "fmq.txt", _OFFICIAL_REPORT)
    assert report.publication == "Scottish Parliament"
    assert report.date == "2025-06-05"
    assert report.title == "Ferry Services"
    assert report.sections == ("General Question Time", "Ferry Services", "Island Housing")
    texts = [s.text for s in report.sentences]
    assert texts[0] == (
        "To ask the Scottish Government when the new ferry for the Kintra crossing will "
        "enter service."
    )
    assert not any(
        t.startswith(("Col ", "2.31", "Meeting of", "[The Presiding")) or "(Lab)" in t
        for t in texts
    )
    assert _speaker(report, "To ask the Scottish Government when") == "Morag Lennie"
    assert _speaker(report, "The vessel will enter service") == "Fiona Marr"
    assert _speaker(report, "Haulage firms on Kintra") == "Morag Lennie"
    assert _speaker(report, "Order.") == "Alison Strang"
    assert _speaker(report, "To ask the Scottish Government how many") == "Ruaridh MacAskill"
    assert _speaker(report, "There were 212 completions") == "Kevin Dunmore"
    # many speak at once, or the record speaks: nobody's words
    assert _speaker(report, "Hear, hear.") is None
    assert _speaker(report, "Question put and agreed to.") is None
    assert not any("Hear, hear" in q.text or "Question put" in q.text for q in report.quotes)
    assert any(q.speaker == "Kevin Dunmore" and "212" in q.text for q in report.quotes)


_CHAMBER = """\
Appropriation Bill 2025 — second reading

Mr HOLLOWAY (Ridgeway—Treasurer) (10:02): I move that this bill be now read a second time.
The budget returns to surplus in 2026-27.

Ms PRENTICE (Harbourside) (10:14): The Treasurer says surplus. Families in Harbourside say rent.

Honourable members interjecting—

10.31 am

The SPEAKER: Order! The member for Harbourside has the call.

Ms PRENTICE: Rents in Harbourside rose 9 per cent last year.

Hon. Dana Whitcombe (Minister for Housing, Lab.): Rents are rising more slowly than wages,
and they have been since March.
"""


def test_a_chamber_record_without_a_house_header_still_gives_members_their_words(
    tmp_path: Path,
) -> None:
    """Seat, role and the hour in brackets name the member; "… interjecting—" is no one's."""
    record = _read(tmp_path, "second-reading.txt", _CHAMBER)
    assert _speaker(record, "I move that this bill") == "Mr Holloway"
    assert _speaker(record, "The Treasurer says surplus.") == "Ms Prentice"
    assert _speaker(record, "Rents in Harbourside rose") == "Ms Prentice"
    assert _speaker(record, "Rents are rising more slowly") == "Dana Whitcombe"
    assert _speaker(record, "Honourable members interjecting") is None
    assert not any("(10:02)" in s.text or "Treasurer)" in s.text for s in record.sentences)
    assert not any(s.text.startswith("10.31") for s in record.sentences)  # the clock, no text


_LORDS = """\
HOUSE OF LORDS

Monday 3 February 2025

The House met at 2.30 pm.

Prayers—read by the Lord Bishop of Ely.

Oral Answers to Questions

The Secretary of State was asked—

Rail Fares

1. Lord Tenby (Con): To ask His Majesty's Government by how much regulated fares will rise
in March. [HL4012]

Baroness Keel (Lab): Regulated fares will rise by 4.6 per cent, the lowest rise in three
years. [901234]

Lord Tenby: Is that fair to commuters who have seen no improvement in reliability?

Baroness Keel: It is fair to the taxpayer, who meets a third of the cost.

Lord Tenby: I beg to move that this House regrets the rise.

The House divided: Contents 142; Not-Contents 201.

CONTENTS

Abbott, L.
Brennan, B.
Calloway, L.

NOT-CONTENTS

Dunmore, B.
Eskdale, L.

Motion disagreed to.

Baroness Keel: I am grateful to the House.
"""


def test_in_a_record_one_bracket_after_a_name_is_the_seat_or_party(tmp_path: Path) -> None:
    """ "Lord Tenby (Con):" in a house's record is a member, not a reporter with an outlet; the
    question time's headings head sections, the order paper's numbers are no text."""
    lords = _read(tmp_path, "lords.txt", _LORDS)
    assert (lords.publication, lords.date, lords.title) == (
        "House of Lords",
        "2025-02-03",
        "Rail Fares",
    )
    assert lords.sections == ("Oral Answers to Questions", "Rail Fares")
    assert _speaker(lords, "To ask His Majesty's Government") == "Lord Tenby"
    assert _speaker(lords, "Regulated fares will rise") == "Baroness Keel"
    assert _speaker(lords, "It is fair to the taxpayer") == "Baroness Keel"
    assert any(q.speaker == "Lord Tenby" and "regulated fares" in q.text for q in lords.quotes)
    assert not any("[" in s.text or "was asked" in s.text for s in lords.sentences)
    # the division's lists of names are no text; the record's lines are nobody's
    assert not any(s.text.startswith(("Abbott", "CONTENTS", "Dunmore")) for s in lords.sentences)
    assert _speaker(lords, "The House divided") is None
    assert _speaker(lords, "Motion disagreed to.") is None
    assert _speaker(lords, "I am grateful to the House.") == "Baroness Keel"


def test_member_labels_in_their_shapes() -> None:
    assert member_label("Tom Vance (Ashby) (Lab): Will he?") == ("Tom Vance", 25)
    assert _member("Rt Hon Sir Alan Pike (Moorside) (Con): No.") == "Alan Pike"
    assert _member("Madam Deputy Speaker (Dame Ruth Ellery): Order.") == "Ruth Ellery"
    assert _member("Mr. Luc Gagnon (Beauce, CPC): Mr. Speaker,") == "Luc Gagnon"
    assert _member("T3. [904512] Ann Kerr (Fife East) (LD): What") == "Ann Kerr"
    assert collective_label("Some hon. Members: Oh!") == len("Some hon. Members: ")
    # a reporter's outlet, a show's role, a document with its year, the office with no person
    for label in (
        "Ana Ruiz (Valley Courier): Mayor, when?",
        "Jo Park (Guest): Thanks.",
        "HOST (Nadia Ferrante): Welcome back.",
        "The Annual Report (2024): a summary",
        "The Minister for Health (Lab): no person named",
    ):
        assert member_label(label) is None, label


def test_procedural_lines_and_the_prose_that_looks_like_them() -> None:
    for line in (
        "Several hon. Members rose—",
        "Question put and agreed to.",
        "Main Question, as amended, put and agreed to.",
        "Motion made, and Question proposed, That the clause stand part of the Bill.",
        "Resolved, That the draft Regulations be approved.",
        "Clause 3 ordered to stand part of the Bill.",
        "Amendment, by leave, withdrawn.",
        "The House divided: Ayes 301, Noes 208.",
        "Sitting suspended.",
        "[Madam Deputy Speaker in the Chair]",
    ):
        assert is_procedural(line), line
    for line in (
        "Question put to her at the launch, the director declined to answer.",
        "Questions remain about the cost.",
        "Members of the board agreed the budget.",
        "Prices rose sharply in March.",
        "The committee was asked to report by June.",
    ):
        assert not is_procedural(line), line


_INTERVIEW = """\
Keeping the Lights On

By Ines Varga

Ines Varga: How long can the grid hold through a cold snap?

Paul Odede: Three days at most, without imports. Members of the network board know it.

Ines Varga: And after three days?

Paul Odede: Question marks hang over every plan. We would ask industry to cut demand first.
"""


def test_an_interview_keeps_its_plain_labels_and_prose(tmp_path: Path) -> None:
    interview = _read(tmp_path, "grid.txt", _INTERVIEW)
    assert interview.title == "Keeping the Lights On"
    assert _speaker(interview, "Three days at most") == "Paul Odede"
    assert _speaker(interview, "Members of the network board know it.") == "Paul Odede"
    assert _speaker(interview, "Question marks hang over every plan.") == "Paul Odede"
    assert _speaker(interview, "We would ask industry") == "Paul Odede"


def test_a_story_naming_a_house_is_no_record(tmp_path: Path) -> None:
    story = (
        "House of Commons\n\nMPs Back Rural Bus Bill\n\nBy Lena Hart\n\n"
        "MPs gave the rural bus bill a second reading on Tuesday without a vote. "
        "The minister said two councils could fund a cross-boundary route together.\n\n"
        "The bill now goes to committee, where the opposition will table amendments.\n"
    )
    assert read_record(story) is None
    article = _read(tmp_path, "bus-bill.txt", story)
    assert article.sentences[0].text.startswith("MPs gave the rural bus bill")
    assert all(s.speaker is None for s in article.sentences)
