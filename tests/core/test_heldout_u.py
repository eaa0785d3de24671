"""Held-out set U: ingest of five documents in kinds the project had not met.

tests/data/heldout_u/ holds an academic policy working paper PDF (made by make_paper_pdf.py: an
abstract box, keywords and JEL lines, affiliations with superscript numbers, an asterisked
corresponding-author footnote, numbered sections "2.1", author-year citations, a references list
and a "Figure 2:" caption with "Notes:" under it), a think-tank report page with a sticky contents
sidebar, key findings, endnote links, a pull quote, an author card and a download button, a
Markdown podcast transcript with "[00:14:32] **Host**:" turns resolved by the intro line, a
plain-text budget statement with aligned "£m" tables, lettered notes and a signed foreword, and a
plain-text magazine Q&A with "CW:" / capitalised questions and "SANTOS:" answers.
tests/data/queries_heldout_u.jsonl (38 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_u"
PAPER = "tram-fares-paper.pdf"
REPORT = "care-workforce-report.html"
PODCAST = "reservoir-podcast.md"
BUDGET = "islands-budget-statement.txt"
QA = "ferry-interview.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


def one(name: str, start: str) -> str:
    """The one sentence of NAME that starts with START."""
    found = [t for t in texts(name) if t.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def test_the_u_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 16/38 here (in memory, no word
    vectors) and 17/38 from `bot eval` on a built index. Misses: the /quote cases on the podcast
    guest and the magazine Q&A (no guest or interviewee is a speaker: the podcast's guest is "The
    Waterline", the Q&A has no quotes), the three "who wrote / who signed / who interviewed"
    cases (no authors read), the pull quote and the Recommendations section of the report (both
    lost), the budget's total row (read as a heading), ranking misses in the paper and the report
    (the abstract and key findings restate the results), and Q&A questions and paraphrases."""
    first, total = right_first(searcher(), DATA / "queries_heldout_u.jsonl")
    assert first >= 27, f"held-out U R@1 fell to {first}/{total}"


# --- the academic paper (pdf reader) ------------------------------------------------------------
def test_the_paper_reads_its_title_numbered_sections_and_citations() -> None:
    paper = doc(PAPER)
    assert paper.title == (
        "Flat Fares and Tram Ridership: Evidence from the Calderbridge Fare Reform"
    )
    for heading in (
        "Abstract",
        "1 Introduction",
        "2.1 Ticket-machine records",
        "3.3 Cost to the operator",
    ):
        assert heading in paper.sections
    # author-year citations stay inside their sentences, which are not split at "al."
    assert one(PAPER, "Flat fares are simpler").endswith("(Brandt et al., 2019).")
    assert one(PAPER, "The implied fare elasticity").endswith("(Okafor and Lind, 2021).")
    # running header and footer are not text; the references list is no body text
    body = texts(PAPER)
    assert not any("Working Paper 24/07  |" in t or "Adeyemi, Vass and Holt -" in t for t in body)
    assert not any(t.startswith(("Brandt, K.", "Okafor, C.", "Vass, P. (2020)")) for t in body)
    assert "References" not in paper.sections


def test_the_paper_authors_are_the_three_names_without_superscripts() -> None:
    """ "Ngozi Adeyemi¹*, Petr Vass² and Imogen Holt¹" under the title is the author line; the
    superscript affiliation numbers and the corresponding-author asterisk are not part of names."""
    assert doc(PAPER).authors == ("Ngozi Adeyemi", "Petr Vass", "Imogen Holt")


def test_the_paper_date_is_the_printed_month_and_the_working_paper_is_its_series() -> None:
    """ "Working Paper 24/07, September 2024" gives the date (2024-09) and the series (Working
    Paper 24/07); it is not the subtitle, and the file's creation date is not the date."""
    paper = doc(PAPER)
    assert paper.date == "2024-09"
    assert paper.series == "Working Paper 24/07"
    assert paper.subtitle is None


def test_the_paper_figure_caption_stands_alone_from_its_notes() -> None:
    """The caption sentence is "Figure 2: Change in weekday boardings by former fare zone, 2022
    against 2021" and ends there; the "Notes: Percentage change ..." line under the figure is
    another sentence (a figure note), not glued onto the caption."""
    body = texts(PAPER)
    assert "Figure 2: Change in weekday boardings by former fare zone, 2022 against 2021" in body
    assert not any("2022 against 2021 Notes:" in t for t in body)


def test_the_paper_corresponding_author_footnote_is_a_note() -> None:
    """The "* Corresponding author: n.adeyemi@northfield.ac.uk. ..." footnote at the foot of the
    last page is a note of the document (its text kept), not dropped and not body text."""
    notes = [n.text for n in doc(PAPER).notes]
    assert any(t.startswith("Corresponding author: n.adeyemi@northfield.ac.uk.") for t in notes)


# --- the think-tank report (html reader) --------------------------------------------------------
def test_the_report_metadata_findings_and_endnotes() -> None:
    report = doc(REPORT)
    assert report.title == "Who will care? Closing the social care staffing gap"
    assert report.authors == ("Dr Leila Haddad",)
    assert report.date == "2025-02-18"
    assert report.publication == "Hartwell Foundation"
    assert (
        "There were 131,000 vacant posts in adult social care in England in 2023/24, "
        "a vacancy rate of 8.3 per cent." in texts(REPORT)
    )
    assert [n.number for n in report.notes] == [1, 2, 3, 4, 5]
    s = [x for x in report.sentences if x.text.startswith("The number of people aged 85")]
    assert tuple(s[0].notes) == (1,)
    body = texts(REPORT)
    for furniture in (
        "Download the PDF",
        "Contents",
        "Share this report",
        "Related research",
        "newsletter",
        "Donate",
    ):
        assert not any(furniture in t for t in body), furniture
    speakers = {q.speaker for q in report.quotes}
    assert "Marcus Obi" in speakers


def test_the_report_keeps_its_recommendations_section() -> None:
    """<section id="recommendations"> is article text: its heading is a section and its
    sentences are kept, the cost sentence carrying endnote 5."""
    report = doc(REPORT)
    assert "Recommendations" in report.sections
    s = [
        x
        for x in report.sentences
        if x.text.startswith("We estimate its gross cost at 2.4 billion")
    ]
    assert len(s) == 1 and tuple(s[0].notes) == (5,)


def test_the_report_pull_quote_is_a_quote_by_its_cited_author() -> None:
    """<aside class="pullquote"><blockquote>"We are asking the lowest-paid people ..."</blockquote>
    <cite>Dr Leila Haddad</cite></aside> is a pull quote by Dr Leila Haddad; the stray
    "— Dr Leila Haddad." is not a body sentence."""
    report = doc(REPORT)
    quotes = {q.text: q.speaker for q in report.quotes}
    text = (
        "We are asking the lowest-paid people in the health system to do some of its hardest work."
    )
    assert quotes.get(text) == "Dr Leila Haddad"
    assert "— Dr Leila Haddad." not in texts(REPORT)


@pytest.mark.xfail(
    strict=True,
    reason="the author card (role, bio) is kept as body text; sets I, J, L and P keep bios as "
    "sentences of kind 'bio', which this card's first-name-only bio does not meet",
)
def test_the_report_author_card_is_not_body_text() -> None:
    """The div.author-card (photo, name, "Senior Fellow, Health and Care", the bio, "View
    profile") is page furniture, not sentences of the "Pay and turnover" section."""
    body = texts(REPORT)
    assert "Senior Fellow, Health and Care" not in body
    assert not any(t.startswith(("Leila leads the Foundation", "She was previously")) for t in body)


# --- the podcast transcript (markdown reader) ---------------------------------------------------
def test_the_podcast_reads_title_date_and_host_turns_without_timestamps() -> None:
    podcast = doc(PODCAST)
    assert podcast.title == "The Waterline, Episode 42: Why are we still building reservoirs?"
    assert podcast.date == "2025-04-09"
    assert not any("[00:" in t or "**" in t for t in texts(PODCAST))
    turn = [s for s in podcast.sentences if s.text == "How many new reservoirs are planned?"]
    assert turn and turn[0].speaker is not None


def test_the_podcast_guest_and_host_are_the_people_the_intro_names() -> None:
    """The intro "host **Fern Achterberg** talks to **Dr Tobias Rennick**" resolves the turn
    labels: Guest turns are Dr Tobias Rennick's (not "The Waterline"), Host turns Fern
    Achterberg's."""
    speakers = {q.text: q.speaker for q in doc(PODCAST).quotes}
    assert speakers["Thanks for having me, Fern."] == "Dr Tobias Rennick"
    assert speakers["Why did we stop building them?"] == "Fern Achterberg"


def test_the_podcast_transcript_disclaimer_is_not_body_text() -> None:
    """ "> Transcript automatically generated. It may contain errors; ..." is a note about the
    transcript, not a sentence /fact should answer with."""
    body = texts(PODCAST)
    assert "Transcript automatically generated." not in body
    assert not any(t.startswith("It may contain errors") for t in body)


# --- the budget statement (text reader) ---------------------------------------------------------
def test_the_budget_reads_its_prose_and_table_rows() -> None:
    body = texts(BUDGET)
    assert (
        "Children, Education and Skills — 2023 outturn £m 134.8; 2024 forecast £m 139.2; "
        "2025 budget £m 143.5; Change £m 4.3." in body
    )
    assert (
        "Infrastructure and Environment — 2023 outturn £m 58.1; 2024 forecast £m 61.7; "
        "2025 budget £m 60.4; Change £m (1.3)." in body
    )
    assert (
        "Goods and services tax stays at 5 per cent, and the threshold for registration rises "
        "from 300,000 pounds to 350,000 pounds from 1 January 2025." in body
    )
    assert "2. INCOME" in doc(BUDGET).sections


def test_the_budget_title_author_and_date() -> None:
    """The title is "Budget Statement 2025" (the "STATES OF HARROWAY / TREASURY AND RESOURCES
    DEPARTMENT" masthead is the publisher), the author is the minister who signs the foreword,
    Ruth Le Marquand (not "MINISTER'S FOREWORD"), and the date is 2024-10-14 ("Presented to the
    States Assembly on 14 October 2024")."""
    budget = doc(BUDGET)
    assert budget.title.lower() == "budget statement 2025"
    assert budget.authors == ("Ruth Le Marquand",)
    assert budget.date == "2024-10-14"


def test_the_budget_total_row_is_a_row_not_a_heading() -> None:
    """ "Total net revenue expenditure  613.1  652.8  679.3  26.5" under the dashed rule is the
    table's total row, read like the other rows; it heads no section."""
    budget = doc(BUDGET)
    assert not any(s.startswith("Total net revenue expenditure") for s in budget.sections)
    assert any(
        t.startswith("Total net revenue expenditure") and "679.3" in t for t in texts(BUDGET)
    )


def test_the_budget_first_row_is_the_row_alone_with_its_column_names() -> None:
    """The "Table 1: Net revenue expenditure by department" caption and the column header lines
    are not glued onto the first row; each row's figures carry their column (e.g. "2025 budget
    £m 241.6"), not "£m" alone."""
    first = [t for t in texts(BUDGET) if "212.4" in t]
    assert len(first) == 1
    assert first[0].startswith("Health and Community Services")
    assert "2025 budget" in first[0] and "241.6" in first[0]


def test_the_budget_lettered_notes_are_separate_and_tied_to_their_rows() -> None:
    """Notes (a) and (b) under Table 1 are two notes (not one "Notes: (a) ... (b) ..." sentence),
    and the "(a)" / "(b)" markers on "Economy(a)" and "Social Security(b)" are note markers, not
    part of the row labels."""
    body = texts(BUDGET)
    assert not any(t.startswith("Notes: (a)") for t in body)
    assert not any("Economy(a)" in t or "Security(b)" in t for t in body)


def test_the_budget_foreword_signature_is_not_a_sentence() -> None:
    """ "Deputy Ruth Le Marquand / Minister for Treasury and Resources / October 2024" signs the
    foreword (its author, role and date); it is not a body sentence."""
    assert not any(t.startswith("Deputy Ruth Le Marquand") for t in texts(BUDGET))


# --- the magazine Q&A (text reader) -------------------------------------------------------------
def test_the_qa_keeps_intro_and_answers_in_order() -> None:
    body = texts(QA)
    assert body[0].startswith("Beatriz Santos has run Lusovia Ferries")
    assert "Fuel use on that route is down 38 per cent." in body
    assert (
        "A resident pays 3.20 euros for a crossing that costs us about 19 euros to provide." in body
    )


def test_the_qa_title_publication_and_interviewer() -> None:
    """ "COASTWISE MAGAZINE" is the publication and "Issue 118 | Spring 2025 | Interviews" its
    issue line, not the title; the headline is the title; "Interview by Daniel Pryce." is the
    byline (author Daniel Pryce), not a body sentence."""
    qa = doc(QA)
    assert qa.title == "A ferry is a road. We just happen to float it."
    assert qa.publication is not None and qa.publication.lower().startswith("coastwise")
    assert qa.authors == ("Daniel Pryce",)
    assert "Interview by Daniel Pryce." not in texts(QA)


def test_the_qa_answers_are_quotes_by_the_interviewee() -> None:
    """Each "SANTOS:" answer is an interview answer by Beatriz Santos (the intro names her): a
    quote with that speaker, its sentences without the "SANTOS:" label; "CW:" turns are the
    magazine's questions."""
    qa = doc(QA)
    by = {q.speaker for q in qa.quotes if "612 sailings" in q.text}
    assert by == {"Beatriz Santos"}
    assert not any(t.startswith(("SANTOS:", "CW:")) for t in texts(QA))


def test_the_qa_capitalised_questions_are_questions_not_sections() -> None:
    """ "WHAT DOES THE SUBSIDY ACTUALLY PAY FOR?" and "IS FULL ELECTRIC REALISTIC FOR THE LONGER
    ROUTES?" are the interviewer's questions (the magazine prints some in capitals), not
    headings of sections."""
    assert doc(QA).sections == ()


def test_the_qa_quoted_saying_is_not_split_inside_its_quotation_marks() -> None:
    """'"A ferry is a road. We just happen to float it," as my predecessor used to say, ...' is
    one sentence; it is not split after "a road." inside the quotation marks."""
    assert '"A ferry is a road.' not in texts(QA)
    assert any(t.startswith('"A ferry is a road. We just happen to float it,"') for t in texts(QA))


def test_the_qa_footer_and_subscribe_line_are_not_text() -> None:
    """The "--" signature footer "Coastwise is published quarterly by Harbourline Media.
    Subscribe at coastwise.example/subscribe" is furniture, not sentences."""
    body = texts(QA)
    assert not any("Subscribe at" in t or "published quarterly" in t for t in body)
