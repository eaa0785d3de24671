"""Official documents with numbered paragraphs (a regulator's review, an inquiry report), as text.

The review here is laid out unlike the held-out consultation response: no contents list, "Date:"
and "Our ref:" fields, section headings without a dot ("1 Background"), paragraph numbers with
a closing dot ("1.1."), an "Appendix B:" heading, a "Part 2:" heading, notes "[1]" under "Notes",
a "(c)" copyright footer. The negative cases keep what must read as before: an article with a
numbered list, a text citing "section 2.1" in prose, numbered paragraphs under no numbered
heading; and the quote rules around them.
"""

from __future__ import annotations

from bot.core.ingest.attribution import verb_speaker
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.numbered_paragraphs import read_numbered_document
from bot.core.ingest.qa_turns import question_turns
from tests.core.ingested import ingest, texts

REVIEW = """Office of the Rail Fares Regulator

Annual Review of Ticket Machines 2024

A report to Parliament

Date: 4 June 2024
Our ref: ORFR-24-117

1 Background

1.1. The Office inspected 3,406 ticket machines at 212 stations between January and March 2024.
The inspection followed complaints about machines that would not sell railcard fares.[1]

1.2. Machines at 41 stations were found out of order on the day of the visit.

2 Findings

Part 2: Accessibility

2.1. Only 58 per cent of machines had a screen at a height a wheelchair user could reach.

2.2. Dr Amara Osei, Chief Executive of the Rail Access Trust, said: "A machine nobody can
reach is not a machine. It is a wall."

2.3. One guard at a small station in Fife said that the queue "doubles every Monday."

Table 4: Machines inspected, by operator

Operator            Machines    Faulty
Northline             1,204       96
Coastway                 877       41
Valley Trains            611       30

Notes

[1] Complaints log of the Office, 2023, 1,180 entries.

Appendix B: Stations visited

Scotland
  Aberlour
  Dunbeath
  Kinbrace

Wales
  Llanwrtyd
  Sugar Loaf

(c) Office of the Rail Fares Regulator 2024
1 Kemble Walk, Cardiff CF10 1AA
ORFR-24-117                                        Page 9 of 9
"""


def test_the_title_block_gives_title_subtitle_issuer_date_and_reference() -> None:
    review = ingest(REVIEW)
    assert review.title == "Annual Review of Ticket Machines 2024"
    assert review.subtitle == "A report to Parliament"
    assert review.publication == "Office of the Rail Fares Regulator"
    assert review.date == "2024-06-04"
    assert review.series == "ORFR-24-117"
    assert not any("ORFR" in t or "Our ref" in t for t in texts(review))


def test_paragraphs_lose_their_numbers_and_sit_under_their_headings() -> None:
    review = ingest(REVIEW)
    body = texts(review)
    assert body[0].startswith("The Office inspected 3,406 ticket machines")
    assert not any(t[:1].isdigit() and t[1:3] in (".1", ".2", ".3") for t in body)
    assert "1 Background" in review.sections and "Part 2: Accessibility" in review.sections
    machines = [s for s in review.sentences if s.text.startswith("Only 58 per cent")]
    assert [s.section for s in machines] == ["Part 2: Accessibility"]
    assert [s.section for s in review.sentences if s.text.startswith("Machines at 41")] == [
        "1 Background"
    ]


def test_the_notes_list_the_table_and_the_appendix_names_read_apart() -> None:
    review = ingest(REVIEW)
    body = texts(review)
    assert [n.number for n in review.notes] == [1]
    assert review.notes[0].text.startswith("Complaints log of the Office")
    assert [tuple(s.notes) for s in review.sentences if "railcard fares" in s.text] == [(1,)]
    assert "Table 4: Machines inspected, by operator" in body
    assert any(t.startswith("Northline") and "1,204" in t for t in body)
    assert not any(t.startswith("[") for t in body)
    assert "Aberlour" in body and "Kinbrace" in body
    assert "Scotland" in review.sections
    for t in body:
        assert not ("Aberlour" in t and "Dunbeath" in t), t
        assert not any(w in t for w in ("Kemble Walk", "Page 9 of 9", "(c) Office")), t


def test_the_office_holders_quote_is_hers_and_no_heading_speaks() -> None:
    review = ingest(REVIEW)
    speakers = {q.speaker for q in review.quotes}
    assert "Amara Osei" in {(s or "").removeprefix("Dr ") for s in speakers}
    assert "Rail Access Trust" not in speakers
    assert not any((s or "").startswith(("Part", "Appendix", "Table")) for s in speakers)


def test_an_office_title_in_apposition_is_no_speaker_but_a_name_list_is_unchanged() -> None:
    assert verb_speaker("Jo Park, Director of Public Health, said") == "Jo Park"
    assert verb_speaker("Jo Park, the director of public health, said") == "Jo Park"
    # an unnamed speaker placed by one linked phrase inside another
    assert verb_speaker("One nurse at a clinic in Tain said") == "one nurse at a clinic in Tain"
    assert verb_speaker("A spokesperson for the board said") == "a spokesperson for the board"


ARTICLE_WITH_LIST = """Ferry timetable changes

The operator will make three changes from May.

1. Evening sailings move to 19:40.
2. The Sunday service gains a second boat.
3. Fares rise by 2.1 per cent.

Section 2.1 of the contract requires two weeks' notice. The council said it had been told.
"""

PARAGRAPHS_WITHOUT_HEADINGS = """Board minutes

1.1 The board approved the accounts.

1.2 The board noted the auditor's letter.

1.3 The chair thanked the staff.
"""


def test_a_numbered_list_or_unheaded_paragraph_numbers_are_no_numbered_document() -> None:
    assert read_numbered_document(ARTICLE_WITH_LIST) is None
    assert read_numbered_document(PARAGRAPHS_WITHOUT_HEADINGS) is None
    body = texts(ingest(ARTICLE_WITH_LIST))
    assert any("Section 2.1 of the contract" in t for t in body)


def _block(kind: str, text: str, line: int) -> Block:
    return Block(kind, (SourceLine(text, line),))  # type: ignore[arg-type]


def test_numbered_question_headings_ask_no_interview_question() -> None:
    """A consultation's "Question N:" headings over first-person answers are the document's own
    questions: their answers get no interviewee; the same page unnumbered is an interview."""
    asked = [
        "Do you think the fares are fair?",
        "Would you use a later boat?",
        "Do you want a Sunday service?",
    ]
    answer = "We told Maya Lind that our village needs it."
    intro = _block("paragraph", "Maya Lind runs the island shop.", 1)

    def page(numbered: bool) -> list[Block]:
        blocks = [intro]
        for k, question in enumerate(asked, start=1):
            label = f"Question {k}: {question}" if numbered else question
            blocks += [_block("heading", label, 10 * k), _block("paragraph", answer, 10 * k + 1)]
        return blocks

    assert question_turns(page(True), "Island ferries", "Maya Lind on the boats", None) is None
    unnumbered = question_turns(page(False), "Island ferries", "Maya Lind on the boats", None)
    assert unnumbered is not None and set(unnumbered.speakers.values()) == {"Maya Lind"}


MID_COPYRIGHT = """1 Scope

1.1 The review covers music licences issued in 2023.

1.2 Licences rose by 4 per cent.

Copyright holders objected in 2023

2 Response

2.1 The Office will consult again in 2025.
"""


def test_a_copyright_line_with_numbered_text_after_it_is_no_footer() -> None:
    body = texts(ingest(MID_COPYRIGHT))
    assert any(t.startswith("Copyright holders objected") for t in body)
    assert "The Office will consult again in 2025." in body


HANGING_INDENT = """Music Licensing Review

1 Scope

1.1 The review covers music licences issued in 2023 and
    the fees that venues paid for them in the year,
    set out by region and by size of venue.

1.2 Licences rose by 4 per cent.

2 Response

2.1 The Office will consult again in 2025.
"""


def test_a_paragraph_wrapped_with_a_hanging_indent_stays_one_paragraph() -> None:
    article = ingest(HANGING_INDENT)
    assert article.sections == ("1 Scope", "2 Response")
    assert texts(article)[0] == (
        "The review covers music licences issued in 2023 and the fees that venues paid for "
        "them in the year, set out by region and by size of venue."
    )
