"""The third held-out set: five documents written for it, and 40 queries asked as a new user would.

tests/data/heldout_c/ holds a think-tank PDF report (title page, running header and footer, page
numbers, page-bottom footnotes, a chart with its caption; made by make_report_pdf.py beside it),
a saved news page with site furniture and an embedded Q&A, a Markdown post with front matter and
footnotes, a plain-text committee hearing, and a plain-text explainer under question headings.
The queries (tests/data/queries_heldout_c.jsonl) were written before anything was run and were
kept from the search work. The tests marked xfail are what a careful reader finds wrong in the
index today; each says what is right, and fails loudly once it holds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.ingest import read_article, read_seeds
from bot.core.model import Article, Corpus
from bot.core.search import Searcher
from tests.core.heldout_scoring import one_sentence, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
FOLDER = DATA / "heldout_c"


@cache
def doc(name: str) -> Article:
    article, issues = read_article(FOLDER / name)
    assert article is not None, issues
    return article


@cache
def searcher() -> Searcher:
    return Searcher(Corpus(articles=tuple(read_seeds(FOLDER).articles)))


def sentence(article: Article, start: str) -> str:
    return one_sentence(article, start).text


def speaker_of(article: Article, start: str) -> str | None:
    return one_sentence(article, start).speaker


def test_the_third_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: R@1 19/40 when the set was written (2026-12-01), 24/40 once the
    faults it found were fixed; raise it as search improves, never lower it."""
    first, total = right_first(searcher(), DATA / "queries_heldout_c.jsonl")
    assert first >= 24, f"third held-out R@1 fell to {first}/{total}"


# What ingestion gets right today.


def test_the_pdf_report_keeps_its_title_page_byline_notes_and_pages() -> None:
    report = doc("groundwater-report.pdf")
    assert report.title == "Running Dry: Groundwater Depletion in the Calder Basin"
    assert report.authors == ("Ingrid Halvorsen", "Samuel Achebe")
    assert [n.number for n in report.notes] == list(range(1, 9))
    assert report.notes[2].refers_to == 2 and report.notes[2].page == "52"  # "Ibid., p. 52."
    by_start = {s.text[:24]: s for s in report.sentences}
    assert by_start["Agriculture accounts for"].page == "3"
    assert by_start["Wells across the basin n"].notes == (1,)
    assert by_start["Third, the authority sho"].notes == (8,)
    texts = [s.text for s in report.sentences]
    assert not any("Policy Report No. 14" in t or t.startswith("Running Dry") for t in texts)
    # the figure's caption, its Source line the caption's credit (no sentence of its own)
    captions = [s for s in report.sentences if s.kind == "caption"]
    assert len(captions) == 1
    assert captions[0].credit == "Source: Basin Water Authority monitoring data."


def test_the_markdown_post_keeps_its_front_matter_and_footnotes() -> None:
    post = doc("generic-drug-shortages.md")
    assert post.title == "Why Hospitals Keep Running Out of Cheap Medicines"
    assert post.authors == ("Leah Vossberg",)
    assert post.publication == "The Formulary"
    assert post.date == "2025-06-03"
    assert [n.number for n in post.notes] == [1, 2, 3, 4, 5, 6]
    closed = [s for s in post.sentences if s.text.startswith("When inspectors found")]
    assert [s.notes for s in closed] == [(3,)]
    assert {q.speaker for q in post.quotes} == {"Arjun Mehta"}


def test_the_news_page_keeps_its_metadata_and_the_interview_turns() -> None:
    news = doc("larkport-free-buses-news.html")
    assert news.title.startswith("A year of free buses in Larkport")
    assert news.authors == ("Nadia Ferreira",)
    assert news.date == "2025-03-12"
    assert news.publication == "The Harrow Valley Courier"
    assert speaker_of(news, "Mostly, yes.") == "Gregory Alvarado"
    assert speaker_of(news, "What surprised you most?") != "Gregory Alvarado"
    assert any(q.kind == "pull" and q.speaker == "Gregory Alvarado" for q in news.quotes)
    texts = [s.text for s in news.sentences]
    assert not any(t in ("Advertisement", "Subscribe for $1") or "Sign up" in t for t in texts)
    assert not any("Comments" in t or "All rights reserved" in t for t in texts)


def test_the_hearing_gives_each_turn_its_speaker() -> None:
    hearing = doc("teacher-shortage-hearing.txt")
    assert hearing.date == "2025-10-09"
    assert speaker_of(hearing, "The Education Workforce Office, or EWO") == "Helen Marsh"
    assert speaker_of(hearing, "Have they worked?") == "Dale Pruitt"
    assert speaker_of(hearing, "Raise starting pay, Chair.") == "Kwame Boateng"
    assert speaker_of(hearing, "Housing is my biggest obstacle.") == "Sara Jovanovic"


def test_the_explainer_keeps_its_byline_and_date() -> None:
    explainer = doc("pumping-fee-explainer.txt")
    assert explainer.title == "The Calder Basin Pumping Fee, Explained"
    assert explainer.authors == ("Owen Kirkland",)
    assert explainer.date == "2026-02-18"


# What ingestion gets wrong today.


def test_a_charts_axis_labels_are_not_headings() -> None:
    report = doc("groundwater-report.pdf")
    assert not any(section.isdigit() for section in report.sections)
    after = [s for s in report.sentences if s.text.startswith("A falling water table")]
    assert after[0].section == "1. A Falling Water Table"


def test_a_captions_numbers_stay_whole() -> None:
    caption = next(s for s in doc("groundwater-report.pdf").sentences if s.kind == "caption")
    assert "in 212 monitoring wells" in caption.text


def test_a_reports_institute_on_its_title_page_is_its_publication() -> None:
    assert doc("groundwater-report.pdf").publication == "Meridian Policy Institute"


def test_a_news_pages_byline_is_not_a_sentence() -> None:
    assert not any(s.text.startswith("By ") for s in doc("larkport-free-buses-news.html").sentences)


def test_a_photo_credit_is_the_captions_credit_not_a_sentence() -> None:
    news = doc("larkport-free-buses-news.html")
    assert not any(s.text.startswith("(Photo:") for s in news.sentences)


def test_a_quote_followed_by_said_and_a_title_is_the_named_persons() -> None:
    news = doc("larkport-free-buses-news.html")
    quoted = {q.text[:30]: q.speaker for q in news.quotes}
    assert quoted.get("We cannot run a bus system on ") == "Mark Heaney"


def test_a_surname_after_a_full_name_is_that_person() -> None:
    news = doc("larkport-free-buses-news.html")  # "Mayor Priscilla Okafor has said …"
    assert {q.speaker for q in news.quotes if "popular thing" in q.text} == {"Priscilla Okafor"}


def test_a_correction_line_is_not_a_speaker() -> None:
    news = doc("larkport-free-buses-news.html")
    assert speaker_of(news, "An earlier version of this story") is None
    assert not any(q.speaker == "Correction" for q in news.quotes)


def test_a_hearings_header_lines_are_not_sections() -> None:
    hearing = doc("teacher-shortage-hearing.txt")
    assert hearing.sections == ()
    assert speaker_of(hearing, "Have they worked?") == "Dale Pruitt"
    assert {s.section for s in hearing.sentences} == {""}


def test_a_hearings_witness_label_is_not_a_sentence() -> None:
    assert not any(s.text == "WITNESSES:" for s in doc("teacher-shortage-hearing.txt").sentences)


def test_a_stage_direction_is_nobodys_words() -> None:
    hearing = doc("teacher-shortage-hearing.txt")
    assert not any("adjourned at 11:42" in s.text for s in hearing.sentences)
    assert not any("adjourned at 11:42" in q.text for q in hearing.quotes)


def test_an_explainers_question_headings_are_its_sections() -> None:
    explainer = doc("pumping-fee-explainer.txt")
    assert "What is the fee?" in explainer.sections
    assert "Calder Valley Public Radio" not in explainer.sections
    assert not any(s.text == "Who has to pay?" for s in explainer.sentences)
    rate = [s for s in explainer.sentences if s.text.startswith("It is a charge of 8 cents")]
    assert rate[0].section == "What is the fee?"


def test_an_explainers_station_line_is_its_publication() -> None:
    assert doc("pumping-fee-explainer.txt").publication == "Calder Valley Public Radio"


def test_he_said_is_the_man_named_in_the_sentence_before() -> None:
    explainer = doc("pumping-fee-explainer.txt")
    quoted = {q.text[:30]: q.speaker for q in explainer.quotes}
    assert quoted["Our members did not create thi"] == "Hank Sorensen"
