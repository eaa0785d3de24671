"""Markdown asides and records, and a committee's numbered questions.

A callout ("> [!TIP]") is the writer's aside, its marker no text; a definition list reads
"Term: definition"; a task list's boxes are no text; an emphasised byline with the writer's
desk gives the writer and the date; a record's "Minutes taken by:" line names its writer. In
an evidence transcript "Q7 Name:" is that member's turn and "Chair" the member listed so.
"""

from __future__ import annotations

from bot.core.ingest.post_meta import credit_names, read_meta_line
from tests.core.ingested import ingest, speaker_of, texts

# --- callouts ----------------------------------------------------------------------------------
CALLOUTS = """# Filing a planning appeal

Minister Ana Lobo spoke about appeals on Monday.

> [!important]
> Appeals must reach the inspectorate within 12 weeks of the decision.

Most appeals are decided on written evidence.

> [!tip]- Check the fee first
> The fee for a householder appeal is 120 pounds.

> [Sic] is how editors mark a quoted error.

Inspector Rhys Vaughan put it plainly:

> Most appeals fail because the evidence arrives late.
"""


def test_a_callouts_marker_is_no_text_and_its_lines_are_no_quote() -> None:
    article = ingest(CALLOUTS, ".md")
    body = texts(article)
    assert "Appeals must reach the inspectorate within 12 weeks of the decision." in body
    assert "The fee for a householder appeal is 120 pounds." in body
    assert "Check the fee first" in body  # a callout's title is the writer's line
    assert not any("[!" in t for t in body)
    speakers = {q.text: q.speaker for q in article.quotes}
    assert not any(text.startswith("Appeals must") for text in speakers)


def test_a_plain_block_quote_stays_a_quote_and_a_bracket_without_a_bang_stays_text() -> None:
    article = ingest(CALLOUTS, ".md")
    assert any(t.startswith("[Sic] is how editors") for t in texts(article))
    assert any(
        q.speaker == "Rhys Vaughan" and q.text.startswith("Most appeals fail")
        for q in article.quotes
    )


# --- definition lists --------------------------------------------------------------------------
DEFINITIONS = """# Reading a tenancy agreement

## Terms used

Break clause
~ A term that lets either side end the tenancy early.
~ Usually usable only after six months.

*Deposit*
: Money held by a protection scheme until the tenancy ends.

## Rent

Rent: due on the first day of each month.

**Service charge**

The landlord may pass on the cost of shared areas.
"""


def test_a_definition_list_reads_each_definition_with_its_term() -> None:
    article = ingest(DEFINITIONS, ".md")
    body = texts(article)
    assert "Break clause: A term that lets either side end the tenancy early." in body
    assert "Break clause: Usually usable only after six months." in body
    assert "Deposit: Money held by a protection scheme until the tenancy ends." in body
    assert "Break clause" not in article.sections and "Deposit" not in article.sections
    found = [s for s in article.sentences if s.text.startswith("Deposit:")]
    assert found[0].section == "Terms used"
    assert not any(t.startswith((":", "~")) for t in body)


def test_a_labelled_line_and_a_bold_heading_are_no_definition_list() -> None:
    article = ingest(DEFINITIONS, ".md")
    assert "Rent: due on the first day of each month." in texts(article)
    assert "Service charge" in article.sections


# --- task lists --------------------------------------------------------------------------------
TASKS = """# Depot move: actions

## Open

* [X] Agree the removal budget with finance
* [ ] Book the crane for 4 August
1. [ ] Tell the tenants in writing

## Drafts

- [Draft] Letter to the parish council
"""


def test_task_boxes_are_no_text_but_a_bracketed_word_is() -> None:
    body = texts(ingest(TASKS, ".md"))
    assert "Agree the removal budget with finance" in body
    assert "Book the crane for 4 August" in body
    assert any(t.endswith("Tell the tenants in writing") and "[" not in t for t in body)
    assert not any(t.startswith(("[X]", "[ ]", "[x]")) for t in body)
    assert any(t.startswith("[Draft] Letter to the parish council") for t in body)


# --- bylines and credit lines ------------------------------------------------------------------
def test_an_emphasised_byline_with_a_desk_gives_the_writer_and_the_date() -> None:
    article = ingest(
        "# Flood defences on the Tamar\n\n"
        "_By Tomás Reyes, Climate Correspondent | 3 March 2024_\n\n"
        "The agency has raised the embankment at Calstock by 40 centimetres.\n",
        ".md",
    )
    assert article.authors == ("Tomás Reyes",)
    assert article.date == "2024-03-03"
    assert article.subtitle is None


def test_names_joined_with_and_are_all_writers_not_a_desk() -> None:
    meta = read_meta_line("By Ann Lee, Bo Chan and Cy Dee · 2 May 2024")
    assert meta is None or "By Ann Lee" not in meta.bylines
    meta = read_meta_line("By Ann Lee and Bo Chan — 2 May 2024")
    assert meta is not None and meta.bylines == ("By Ann Lee and Bo Chan",)


MINUTES = """# Harbour Board: minutes of 2 April 2025

**Chaired by:** Olwen Pryor
**Minutes taken by:** Priya Nair

## 1. Dredging

The board agreed to dredge the inner basin in October.

Prepared by: the finance team, for the board's next meeting.
"""


def test_a_records_credit_line_names_its_writer_and_a_chair_is_not_one() -> None:
    article = ingest(MINUTES, ".md")
    assert article.authors == ("Priya Nair",)
    assert not any("Priya Nair" in t for t in texts(article))


def test_credit_lines_name_only_who_wrote_the_record() -> None:
    assert credit_names("Notes by: Marcus Reid") == "Marcus Reid"
    assert credit_names("Minute-taker: Jo Park") == "Jo Park"
    for line in ("Chaired by: Olwen Pryor", "Hosted by: Jo Park", "Notes: see below"):
        assert credit_names(line) is None, line


def test_a_credit_line_in_the_body_is_no_writer() -> None:
    article = ingest(
        "# Depot move\n\n## Costs\n\nThe move will cost 40,000 pounds.\n\n"
        "**Compiled by:** Dana Whitlock\n",
        ".md",
    )
    assert article.authors == ()


# --- a committee's numbered questions ----------------------------------------------------------
EVIDENCE = """Environment Committee

Oral evidence: Water company finances, HC 512

Thursday 12 June 2025

Members present: Joan Abara (Chair), Tom Hale, Ruth Ince, Dr Kofi Mensah

Questions 40-43

Q40 Chair: Welcome to you both. Mr Lund, how much does your company owe?

Erik Lund: Our net debt is 2.1 billion pounds, about 70 per cent of the regulated asset value.

Q41 Dr Kofi Mensah: When will that fall?

Lund: We expect it to fall below 65 per cent by 2028.

Q42 Tom Hale: Will customers pay for it?

Erik Lund: Bills will rise by 11 per cent over five years, which the regulator has allowed.

Q43 Chair: Thank you. We will write to you.
"""


def test_a_question_number_is_no_part_of_the_member_and_the_chair_is_named() -> None:
    article = ingest(EVIDENCE)
    assert speaker_of(article, "When will that fall?") == "Kofi Mensah"
    assert speaker_of(article, "Will customers pay for it?") == "Tom Hale"
    assert speaker_of(article, "Welcome to you both.") == "Joan Abara"
    assert speaker_of(article, "We expect it to fall") == "Erik Lund"
    assert article.date == "2025-06-12"


def test_a_weekday_inside_a_sentence_is_no_date_and_a_bare_q_label_stays() -> None:
    article = ingest(
        "Questions and answers on the levy\n\n"
        "Wednesday 9 April 2025 was the day the levy began, the council says.\n\n"
        "Q1: Who pays the levy?\n\nA1: Every business with more than ten staff.\n"
    )
    assert article.date != "2025-04-09"
    assert any("Who pays the levy?" in t for t in texts(article))
