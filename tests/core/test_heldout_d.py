"""Held-out set D: five documents written by an independent judge, and 40 queries.

tests/data/heldout_d/ holds a PDF working paper (made by make_paper_pdf.py there: title page,
abstract, numbered sections, page-bottom footnotes, running header, page numbers, a table with
its caption), a saved magazine interview with initials as turn labels and a pull quote, a
Markdown newsletter with front matter and footnotes, a press conference transcript with a
moderator and reporters' questions, and a plain-text government fact sheet. The queries
(tests/data/queries_heldout_d.jsonl) were written and committed before anything was run.
The xfail tests describe the right reading of what the ingest got wrong when the set was written.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.ingest import read_seeds
from bot.core.model import Article, Corpus
from bot.core.search import Searcher
from tests.core.heldout_scoring import one_sentence, right_first

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def articles() -> dict[str, Article]:
    result = read_seeds(DATA / "heldout_d")
    return {article.id: article for article in result.articles}


@cache
def searcher() -> Searcher:
    return Searcher(Corpus(articles=tuple(articles().values())))


def doc(article_id: str) -> Article:
    return articles()[article_id]


sentence = one_sentence


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_the_heldout_d_queries_score_at_least_what_they_did_when_written() -> None:
    """A floor: raise it, never lower it. R@1 25/40 when the set was written (`bot eval` said
    26/40 then because it ignored a case's speaker), 29/40 once the faults it found were fixed."""
    first, total = right_first(searcher(), DATA / "queries_heldout_d.jsonl")
    assert first >= 29, f"held-out D R@1 fell to {first}/{total}"


# What the ingest reads right today.


def test_the_working_paper_keeps_its_title_page_notes_and_pages() -> None:
    paper = doc("platform-pension-working-paper")
    assert paper.title == "Nudged into Saving: Auto-Enrolment for Platform Workers"
    assert paper.authors == ("Ingrid Maalouf", "Tobias Renner")
    assert paper.date == "2025-09"
    assert [n.number for n in paper.notes] == [1, 2, 3, 4, 5, 6]
    assert sentence(paper, "Three platforms took part").notes == (4,)
    assert sentence(paper, "The cost to platforms would be modest").notes == (6,)
    assert sentence(paper, "In total, 12,600 workers").page == "3"
    assert sentence(paper, "Table 1.").kind == "caption"
    for text in texts(paper):  # the running header and the page numbers stay out
        assert "Working Paper 14" not in text
        assert not text.strip().isdigit()


def test_the_newsletter_keeps_front_matter_footnotes_and_quotes() -> None:
    post = doc("food-waste-caddies")
    assert post.title == "Half-Empty Caddies: Why Food Waste Collections Underperform"
    assert post.authors == ("Helga Sorvik",)
    assert post.publication == "Circular Cities Newsletter"
    assert post.date == "2025-05-20"
    assert [n.number for n in post.notes] == [1, 2, 3]
    assert sentence(post, "From April 2026").notes == (1,)
    assert "fell to 3 per cent" in post.notes[1].text  # a fact only the note holds
    speakers = {q.speaker for q in post.quotes}
    assert speakers == {"Jess Amankwah", "Tom Reyes"}


def test_the_interview_page_keeps_its_metadata_and_the_skippers_quote() -> None:
    page = doc("fishing-quota-interview")
    assert page.authors == ("Daniel Osei",)
    assert page.publication == "Tidewater Review"
    assert page.date == "2025-03-12"
    by_text = {q.text: q.speaker for q in page.quotes if q.kind == "direct"}
    assert by_text["The fish don’t read the treaties."] == "Ronan Doyle"


def test_the_press_conference_gives_the_officials_their_turns() -> None:
    briefing = doc("gigabit-press-conference")
    assert briefing.title == "Press Conference: Rural Gigabit Programme, Progress Update"
    assert briefing.publication == "Department for Digital Infrastructure"  # the line over it
    assert sentence(briefing, "We have now signed contracts").speaker == "Colm Varga"
    assert sentence(briefing, "So far, £2.3 million").speaker == "Ayesha Qureshi"
    assert sentence(briefing, "Good morning, everyone").speaker is not None


def test_the_fact_sheet_keeps_its_date_and_headings() -> None:
    sheet = doc("gigabit-voucher-factsheet")
    assert sheet.date == "2025-10-01"
    assert sentence(sheet, "Tenants can apply").section == "WHO CAN APPLY?"
    assert sentence(sheet, "Vouchers issued since June 2022").section == "KEY FIGURES"


# What the ingest gets wrong today: each is the right behaviour, expected to fail until fixed.


def test_initials_labels_are_interview_turns() -> None:
    page = doc("fishing-quota-interview")
    assert not any(t.startswith(("SK:", "DO:")) for t in texts(page))
    assert sentence(page, "It works as conservation").speaker == "Saoirse Kealy"
    assert sentence(page, "Five companies now hold").speaker == "Saoirse Kealy"
    assert sentence(page, "Would cameras on every boat").speaker == "Daniel Osei"


def test_a_pull_quote_in_an_interview_is_the_interviewees() -> None:
    page = doc("fishing-quota-interview")
    pulls = [q for q in page.quotes if q.kind == "pull"]
    assert [q.speaker for q in pulls] == ["Saoirse Kealy"]


def test_the_interview_byline_and_kicker_are_not_sentences() -> None:
    page = doc("fishing-quota-interview")
    assert "By Daniel Osei" not in texts(page)
    assert "The Interview" not in texts(page)


def test_a_photo_credit_is_not_a_caption_sentence() -> None:
    page = doc("fishing-quota-interview")
    assert not any(t.startswith("Photograph:") for t in texts(page))


def test_reporters_labelled_with_their_outlet_ask_their_own_questions() -> None:
    briefing = doc("gigabit-press-conference")
    assert not any(
        t.startswith(("ANA RUIZ", "TARIQ BELL", "GRACE NDLOVU")) for t in texts(briefing)
    )
    penalties = sentence(briefing, "How much have suppliers paid")
    assert penalties.speaker not in {"Colm Varga", "Ayesha Qureshi"}
    assert all("How much have suppliers paid" not in q.text for q in briefing.quotes)


def test_a_name_said_by_the_moderator_is_not_a_new_speaker() -> None:
    briefing = doc("gigabit-press-conference")
    assert not any(q.speaker == "Dr Qureshi" for q in briefing.quotes)
    assert sentence(briefing, "Dr Qureshi.").speaker == sentence(briefing, "Good morning").speaker


def test_the_moderator_is_named_from_the_participants_list() -> None:
    briefing = doc("gigabit-press-conference")
    assert sentence(briefing, "Good morning, everyone").speaker == "Moira Halvorsen"


def test_the_press_conference_header_gives_the_date_and_no_sentences() -> None:
    briefing = doc("gigabit-press-conference")
    assert briefing.date == "2025-11-06"
    assert not any(t.startswith(("Assembly Press Room", "PARTICIPANTS")) for t in texts(briefing))


def test_a_closing_stage_direction_is_no_ones_words() -> None:
    briefing = doc("gigabit-press-conference")
    assert not any(t.startswith("(The press conference") for t in texts(briefing))


def test_a_question_heading_after_a_list_is_a_section() -> None:
    sheet = doc("gigabit-voucher-factsheet")
    assert "HOW MUCH IS A VOUCHER WORTH?" not in texts(sheet)
    assert sentence(sheet, "Up to £1,500 for each home").section == "HOW MUCH IS A VOUCHER WORTH?"


def test_numbered_steps_keep_their_text() -> None:
    sheet = doc("gigabit-voucher-factsheet")
    assert not any(t.rstrip(".").isdigit() for t in texts(sheet))
    assert any(t.endswith("ask for a quote.") and "registered supplier" in t for t in texts(sheet))


def test_the_fact_sheets_department_is_its_publication() -> None:
    sheet = doc("gigabit-voucher-factsheet")
    assert sheet.publication == "Department for Digital Infrastructure"
    assert all(s.section != "Department for Digital Infrastructure" for s in sheet.sentences)


def test_a_two_line_table_caption_is_whole() -> None:
    paper = doc("platform-pension-working-paper")
    caption = sentence(paper, "Table 1.")
    assert caption.text.endswith("by age group and weekly earnings (per cent)")


def test_the_title_pages_institute_is_the_publication() -> None:
    paper = doc("platform-pension-working-paper")
    assert paper.publication == "Halden Institute for Social Economics"
    assert "Halden Institute for Social Economics" not in paper.sections
    assert "Working Paper No. 14" not in paper.sections


def test_the_title_pages_correspondence_line_is_not_a_sentence() -> None:
    paper = doc("platform-pension-working-paper")
    assert not any(t.startswith("Correspondence:") for t in texts(paper))
