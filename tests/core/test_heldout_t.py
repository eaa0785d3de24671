"""Held-out set T: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_t/ holds a central-bank monetary policy report PDF with numbered boxes, charts
with "Sources:" lines, footnotes, a glossary and a running chapter header (made by
make_mpr_pdf.py), a saved AMP news page with a "Key points" box, "Read more:" links, an embedded
tweet and a "Related topics" list, a Markdown policy memo with a bold TO/FROM/DATE/RE header
block, a table and a signature, a plain-text tribunal transcript with margin line numbers, "Page
N" headers and Q./A. examination, and an NGO press release with a capitalised dateline, a "Media
contact:" block and "###". tests/data/queries_heldout_t.jsonl (37 queries) was written before
anything was run. What the readers get right is asserted; each fault found is a strict xfail that
states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_t"
REPORT = "monetary-policy-report.pdf"
PAGE = "coastal-ferry-cuts.html"
MEMO = "school-meals-memo.md"
HEARING = "halvorsen-planning-hearing.txt"
RELEASE = "nairobi-drought-release.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


def sentence(name: str, start: str) -> tuple[str, tuple[int, ...], str | None, str, str]:
    """(text, notes, speaker, kind, section) of the one sentence that starts with START."""
    s = _SET.one(name, start)
    return s.text, tuple(s.notes), s.speaker, s.kind, s.section


def test_the_heldout_t_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 22/37 here (no word vectors)
    and 23/37 from `bot eval` on a built index. Misses from ingest faults: the transcript's
    /quote cases t27, t29 (no quotes read from its Q./A. turns) and t25 (margin line numbers in
    the sentence), t33 (Lokorio's words given to the Alliance), t17 (the tweet is not read),
    t18 (the memo's **TO:** line is not read), t37 (the dateline gives no date). Ranking misses:
    t07 APF not expanded to find the QT sentence, t08 "vegetables" sentence not found for "why
    did vegetables get more expensive" (here; found at rank 1 built), t10 the Key points bullet
    outranks the sailings sentence, t12 and t23 the sentence before outranks, t20 "Eastfield
    take-up" finds the sentence before, t30 "9 A. No." outranks "Borehole six was blocked",
    t34 the jerrycan sentence falls under the cut. (Built, t02 is rank 2 behind the stray
    footnote line "1 Consumer prices index (CPI)".)"""
    first, total = right_first(searcher(), DATA / "queries_heldout_t.jsonl")
    assert first >= 27, f"held-out T R@1 fell to {first}/{total}"


# --- what the readers get right -----------------------------------------------------------------
def test_the_report_reads_its_title_publisher_date_pages_and_chart_sources() -> None:
    report = doc(REPORT)
    assert report.title == "Monetary Policy Report"
    assert report.publication == "Reserve Bank of Caldonia"
    assert report.date == "2025-05"
    for heading in ("1 Overview", "2 Inflation and the economy", "3 Monetary policy"):
        assert heading in report.sections
    assert sentence(REPORT, "Wage growth has slowed")[1] == (2,)
    assert sentence(REPORT, "Food price inflation rose")[1] == (3,)
    assert sentence(REPORT, "Quantitative tightening (QT) continues")[1] == (4,)
    captions = {s.text: s.credit for s in report.sentences if s.kind == "caption"}
    assert captions["Chart 2.1: CPI inflation by component"] == (
        "Sources: Caldonia Statistics Office and Bank calculations."
    )
    assert "Chart 3.2: Bank Rate and the market-implied path" in captions
    assert all(s.page == "4" for s in report.sentences if s.text.startswith("Sales of long-dated"))
    assert (
        "Vacancies fell to 712,000 in the three months to March, their lowest level since 2021."
        in (texts(REPORT))
    )


def test_the_news_page_reads_its_byline_date_caption_and_quotes() -> None:
    page = doc(PAGE)
    assert page.title == "Island ferry timetable cut by a third as operator blames crew shortage"
    assert page.authors == ("Fiona Drummond", "Aled Pryce")
    assert page.publication == "Northshore Courier"
    assert page.date == "2025-04-09"
    assert sentence(PAGE, "The MV Skerry leaving")[3] == "caption"
    speakers = {q.text: q.speaker for q in page.quotes}
    assert speakers["a slow eviction of the people who keep this island alive"] == "Duncan Farquhar"
    assert any(
        t.startswith("We have 38 vacancies") and s == "Morag Lindqvist" for t, s in speakers.items()
    )
    body = texts(PAGE)
    assert not any("Sign up" in t or "Subscribe" in t or "Related topics" in t for t in body)
    assert not any(t in ("Ferries", "Island life", "Transport") for t in body)


def test_the_memo_reads_its_date_table_rows_footnote_and_sections() -> None:
    memo = doc(MEMO)
    assert memo.date == "2025-02-17"
    for heading in ("Purpose", "Background", "Costs", "Recommendations", "Risks"):
        assert heading in memo.sections
    assert sentence(MEMO, "A further 2,700 children")[1] == (1,)
    assert {n.number: n.text for n in memo.notes}[1].startswith("The threshold is net household")
    assert any(t.startswith("Option: C: All primary pupils") and "£9.3m" in t for t in texts(MEMO))


def test_the_release_keeps_its_body_and_drops_the_contact_block() -> None:
    release = doc(RELEASE)
    assert release.title.startswith("Dryland Futures Alliance warns of")
    body = texts(RELEASE)
    assert not any("FOR IMMEDIATE RELEASE" in t or "###" in t for t in body)
    assert not any("Wanjiru Kamau" in t or "+254" in t or "media@" in t for t in body)
    assert {q.text: q.speaker for q in release.quotes}[
        "Families here measure their wealth in animals, and this season has taken that wealth away"
    ] == "Amina Wekesa"
    assert {g.short: g.long for g in release.glossary}["NDMA"] == (
        "National Drought Management Authority"
    )


def test_the_hearing_date_is_the_hearing_day() -> None:
    assert doc(HEARING).date == "2025-03-11"


# --- the monetary policy report (pdf reader) ----------------------------------------------------
def test_the_report_subtitle_is_not_its_running_header() -> None:
    """The title page has "May 2025" under the title; the running header "Monetary Policy Report
    - May 2025    1 Overview" on page 2 is page furniture, not the subtitle."""
    assert doc(REPORT).subtitle in (None, "May 2025")


def test_the_report_running_header_is_no_section() -> None:
    """Pages 2-4 carry the header "Monetary Policy Report - May 2025    <chapter>"; it is
    furniture, so no section is named "Monetary Policy Report - May 2025 2 Inflation and ..."."""
    assert not any(s.startswith("Monetary Policy Report - May 2025") for s in doc(REPORT).sections)


def test_the_report_first_footnote_marker_ends_its_sentence_and_cites_note_1() -> None:
    """ "...a peak of 9.8% in October 2022.1 The Committee expects..." is two sentences: the
    first ends "October 2022." and carries note 1; the second begins "The Committee expects"."""
    text, notes, *_ = sentence(REPORT, "Consumer price inflation fell to 2.9%")
    assert text == (
        "Consumer price inflation fell to 2.9% in March 2025, down from a peak of 9.8% in "
        "October 2022."
    )
    assert notes == (1,)
    assert sentence(REPORT, "The Committee expects inflation")[0].endswith("second half of 2026.")


def test_the_report_footnote_1_is_a_note_not_body_text() -> None:
    """The foot of page 2 reads "1 Consumer prices index (CPI), twelve-month rate. Source:
    Caldonia Statistics Office." That is note 1 (notes are 1, 2, 3, 4), not two body sentences."""
    report = doc(REPORT)
    notes = {n.number: n.text for n in report.notes}
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[1] == (
        "Consumer prices index (CPI), twelve-month rate. Source: Caldonia Statistics Office."
    )
    assert not any(
        t.startswith(("1 Consumer prices index", "Source: Caldonia")) for t in texts(REPORT)
    )


def test_the_report_note_3_text_is_only_its_own_line() -> None:
    """Note 3 at the foot of page 3 is "Food and non-alcoholic beverages, CPI division 01."; the
    glossary's "quantitative tightening" on page 4 is no part of it."""
    assert {n.number: n.text for n in doc(REPORT).notes}[3] == (
        "Food and non-alcoholic beverages, CPI division 01."
    )


def test_the_report_glossary_is_read_whole_and_is_not_body_text() -> None:
    """The "Glossary" at the end lists APF, CPI, GDP, MPC and QT with their long forms, one pair
    a line; all five are glossary entries and none of the lines is a body sentence."""
    report = doc(REPORT)
    glossary = {g.short: g.long.lower() for g in report.glossary}
    assert glossary.get("APF") == "asset purchase facility"
    assert glossary.get("GDP") == "gross domestic product"
    assert not any(t.startswith("APF Asset Purchase Facility") for t in texts(REPORT))


# --- the AMP news page (html reader) ------------------------------------------------------------
def test_the_news_page_article_text_is_not_in_the_key_points_section() -> None:
    """ "Key points" heads only the box of three bullets above the story; the story's paragraphs
    before "Why crews are hard to find" have no section (""), not "Key points"."""
    assert sentence(PAGE, "The ferry link between Portnahaven")[4] == ""
    assert sentence(PAGE, "Western Isles Shipping said")[4] == ""


def test_the_news_page_read_more_links_are_not_sentences() -> None:
    """ "Read more: Ferry fares to rise 6% in April" and "Read more: Ferry crew training college
    opens in Oban" are links to other stories, not sentences of this one."""
    assert not any(t.startswith("Read more:") for t in texts(PAGE))


@pytest.mark.xfail(
    strict=True,
    reason="the embedded tweet is dropped: set F asserts the same blockquote.twitter-tweet markup "
    "gives no quote; one rule must decide both",
)
def test_the_news_page_embedded_tweet_is_a_quote_of_its_author() -> None:
    """The blockquote.twitter-tweet holds "Fourteen sailings a day is not a lifeline, it is a
    rope with knots missing." by Inch Mhor Community Council (@InchMhorCC), April 8, 2025: a
    quote whose speaker is the Inch Mhor Community Council."""
    quotes = [q for q in doc(PAGE).quotes if "rope with knots missing" in q.text]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Fourteen sailings a day is not a lifeline")
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.startswith("Inch Mhor Community Council")


# --- the Markdown memo (markdown reader) --------------------------------------------------------
def test_the_memo_title_is_its_subject_line() -> None:
    """ "# MEMORANDUM" names the kind of document; the title is the **RE:** line, "Extending free
    school meals to all primary pupils", which is then no body sentence."""
    memo = doc(MEMO)
    assert memo.title == "Extending free school meals to all primary pupils"
    assert not any(t.startswith("RE:") for t in texts(MEMO))


def test_the_memo_author_is_the_from_line() -> None:
    """**FROM:** Tomasz Wieczorek, Head of Policy, Education Directorate: the author is Tomasz
    Wieczorek (the role after the comma is not a second author)."""
    assert doc(MEMO).authors == ("Tomasz Wieczorek",)


def test_the_memo_signature_is_not_a_sentence() -> None:
    """The last two lines "Tomasz Wieczorek / Head of Policy, Education Directorate" are the
    signature, not a sentence; the last body sentence is "I would be glad to discuss this ..."."""
    body = texts(MEMO)
    assert body[-1].startswith("I would be glad to discuss this")


# --- the tribunal transcript (plain-text reader) ------------------------------------------------
def test_the_hearing_title_is_the_case_name() -> None:
    """The caption reads "IN THE LAND AND PLANNING TRIBUNAL / NORTHERN DIVISION" (the court),
    then the case "BRENNAN QUARRIES LTD v. COUNTY OF WESTMARCH": the title is the case name."""
    assert doc(HEARING).title == "BRENNAN QUARRIES LTD v. COUNTY OF WESTMARCH"


def test_the_hearing_has_no_author_from_its_caption() -> None:
    """ "NORTHERN DIVISION" is part of the court's name under "IN THE LAND AND PLANNING
    TRIBUNAL", not an author; the transcript names no author."""
    assert "NORTHERN DIVISION" not in doc(HEARING).authors


def test_the_hearing_index_of_witnesses_is_not_text() -> None:
    """The index (witness names, "Examination-in-chief by Mr. Halvorsen ........ 12") is a
    table of contents: no sentence holds its dotted leaders or "Cross-examination by"."""
    body = texts(HEARING)
    assert not any("........" in t or t.startswith("WITNESS PAGE") for t in body)
    assert "INDEX OF WITNESSES" not in doc(HEARING).sections


def test_the_hearing_margin_line_numbers_and_page_headers_are_not_text() -> None:
    """Each line starts with its line number 1-25 and each page with "Page 12" etc.; they are
    furniture. The witness's answer reads "The extension would deepen the pit by 18 metres, but
    the base would stay at least 4 metres above the highest water table we recorded over three
    winters." and is on page 12."""
    body = texts(HEARING)
    assert (
        "The extension would deepen the pit by 18 metres, but the base would stay at least 4 "
        "metres above the highest water table we recorded over three winters."
    ) in body
    assert not any(t.startswith("Page 1") for t in body)
    assert all(s.page == "12" for s in doc(HEARING).sentences if "deepen the pit" in s.text)


def test_the_hearing_turns_belong_to_their_speakers() -> None:
    """ "A." answers in Dr. Ketteridge's examination are his words (speaker Simon Ketteridge),
    "A." answers after "MRS. GWEN TALLIS, affirmed." are Gwen Tallis's, "THE COURT:" lines are
    Judge Eleanor Pascoe's (or "THE COURT"), and the /quote answers exist for them."""
    speakers = {q.speaker or "" for q in doc(HEARING).quotes}
    assert any(s.endswith("Ketteridge") for s in speakers)
    assert any(s.endswith("Tallis") for s in speakers)
    risk = [q for q in doc(HEARING).quotes if "risk to the springs" in q.text]
    assert risk and (risk[0].speaker or "").endswith("Ketteridge")
    farm = [q for q in doc(HEARING).quotes if "Without the springs there is no" in q.text]
    assert farm and (farm[0].speaker or "").endswith("Tallis")


# --- the press release (plain-text reader) ------------------------------------------------------
def test_the_release_date_is_its_dateline() -> None:
    """ "NAIROBI, 14 March 2025 –" opens the release: its date is 2025-03-14."""
    assert doc(RELEASE).date == "2025-03-14"


def test_the_release_dateline_is_no_part_of_the_first_sentence() -> None:
    """The first sentence is "The Dryland Futures Alliance today called on donors ..."; the
    dateline "NAIROBI, 14 March 2025 –" before it is furniture."""
    assert texts(RELEASE)[0].startswith("The Dryland Futures Alliance today called on donors")


def test_the_release_second_officials_quote_is_his() -> None:
    """ "Our elders have never asked for food from anyone. Now they are queueing at the trucks.
    ..." follows "Mr. Joseph Lokorio, Chairperson of the Turkana County Pastoralist Council, ...
    said the crisis was also one of dignity." and ends "he said": the speaker is Joseph Lokorio."""
    quotes = [q for q in doc(RELEASE).quotes if "queueing at the trucks" in q.text]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Joseph Lokorio"
