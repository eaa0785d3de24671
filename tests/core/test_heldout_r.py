"""Held-out set R: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_r/ holds a legislative research service report PDF (summary page, "Updated
March 4, 2025", the analyst's name and title, numbered footnotes with URLs and "accessed" dates at
the page feet, a table with a source note, a running footer with the service and report number;
made by make_storage_report_pdf.py), a news page whose author and date are only in JSON-LD and
meta tags (cookie banner, "Most read", paywall teaser, reader comments, an italic correction), a
Markdown research note with a setext title, an italic "By ... — date" line, pipe tables,
reference links, footnotes and a numbered list spanning paragraphs, a plain-text export of
parliamentary written questions and answers, and a foreign-ministry press conference with
outlet-labelled and "Q:"/"A:" turns. tests/data/queries_heldout_r.jsonl (37 queries) was written
and committed before anything was run. What the readers get right is asserted; each fault found
is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_r"
REPORT = "grid-battery-storage-report.pdf"
PAGE = "ferry-fares-cut.html"
NOTE = "heat-pump-grants-note.md"
ANSWERS = "written-answers-housing.txt"
BRIEFING = "mfa-press-conference-2025-05-06.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def containing(name: str, part: str) -> list[str]:
    return [t for t in texts(name) if part in t]


def test_the_heldout_set_r_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 25/37 here (no word vectors) and
    24/37 from `bot eval` on a built index. Misses (ranking, not faults): the capacity figure and
    "which state has the most" lose to the table's lead-in sentence; "when was the report
    updated" (metadata) finds a body sentence; the fare, the new ferries' cost, the detached
    houses' share, the average cost and the rent cap rank 2nd or lower; the empty-homes,
    section 21 and temporary-accommodation answers lose to the question text glued to their
    header lines (see the written-answers xfails); two quotes (Whitcombe's "roughly half",
    Selwyn's section 21 quote, given to "Homes England") are not found."""
    first, total = right_first(searcher(), DATA / "queries_heldout_r.jsonl")
    assert first >= 28, f"held-out set R R@1 fell to {first}/{total}"


# --- the legislative research service report (pdf reader) ---------------------------------------
def test_the_report_gives_title_analyst_date_service_and_sections() -> None:
    report = doc(REPORT)
    assert report.title == "Grid-Scale Battery Storage: Federal Incentives and Deployment Trends"
    assert report.authors == ("Miriam K. Ostrander",)
    assert report.date == "2025-03-04"
    assert report.publication == "Legislative Research Service"
    assert report.sections == (
        "Summary",
        "Background",
        "Deployment by State",
        "Federal Incentives",
        "Issues for Congress",
    )
    for t in texts(REPORT):
        assert not any(
            w in t for w in ("Analyst in Energy Policy", "Updated March", "R48211", "| 2")
        ), t


def test_the_report_footnotes_are_joined_to_their_sentences_and_pages() -> None:
    report = doc(REPORT)
    assert [n.number for n in report.notes] == [1, 2, 3, 4, 5]
    assert sentence(REPORT, "Most systems built since 2020")[1] == (1,)
    assert sentence(REPORT, "In the Texas market (ERCOT)")[1] == (3,)
    assert sentence(REPORT, "Under Section 48 of the")[1] == (4,)
    assert sentence(REPORT, "A fire at a 300-megawatt")[1] == (5,)
    assert not any(t.startswith(("1 U.S. Energy", "NREL, ", "4 26 U.S.C.")) for t in texts(REPORT))
    assert all(s.page == "4" for s in report.sentences if s.text.startswith("A fire at a"))


def test_the_report_table_rows_and_quotes() -> None:
    report = doc(REPORT)
    assert "California — Capacity (GW) 12.5; Share of U.S. (%) 47.5; Added in 2024 (GW) 4.2." in (
        texts(REPORT)
    )
    assert sentence(REPORT, "Table 1. Utility-Scale Battery")[3] == "caption"
    speakers = {q.speaker for q in report.quotes}
    assert speakers == {"Daniel Reyes", "Laura Whitcombe"}
    assert {g.short: g.long for g in report.glossary}["FERC"] == (
        "Federal Energy Regulatory Commission"
    )


def test_the_report_marker_after_a_figure_closes_its_sentence() -> None:
    text, notes, _, _ = sentence(REPORT, "The National Renewable Energy Laboratory")
    assert text.endswith("down from $1,120 in 2015.")
    assert notes == (2,)
    assert any(t.startswith("Cell prices account for most of that decline") for t in texts(REPORT))


@pytest.mark.xfail(
    strict=True,
    reason="left by design: the access date is read into the note's `accessed` field and, as "
    "test_access_dates requires, leaves its text (the ',\".' ending is fixed)",
)
def test_the_report_footnotes_keep_their_accessed_dates() -> None:
    notes = {n.number: n.text for n in doc(REPORT).notes}
    assert "accessed January 28, 2025" in notes[1]
    assert "accessed February 3, 2025" in notes[2]
    assert "accessed January 20, 2025" in notes[5]
    assert not any(n.endswith(',".') for n in notes.values())


@pytest.mark.xfail(
    strict=True,
    reason="left by design: the 'Source: …' line is kept as the table caption's credit, and set "
    "K requires that no sentence start with 'Source:'",
)
def test_the_report_table_source_note_is_kept() -> None:
    assert any(
        t.startswith("Source: LRS analysis of U.S. Energy Information") for t in texts(REPORT)
    )


def test_the_report_number_is_its_series() -> None:
    assert doc(REPORT).series is not None and "R48211" in (doc(REPORT).series or "")


# --- the news page with JSON-LD (html reader) ---------------------------------------------------
def test_the_news_page_metadata_comes_from_json_ld_and_meta_tags() -> None:
    page = doc(PAGE)
    assert page.title == "Island ferry fares to fall by a third under new subsidy deal"
    assert page.authors == ("Fiona MacRae",)
    assert page.date == "2025-05-19"
    assert page.publication == "The Harbour Courier"
    assert page.sections == ("Fleet worries", "What happens next")


def test_the_news_page_drops_banner_sidebar_paywall_and_comments() -> None:
    furniture = (
        "cookies",
        "Accept all",
        "Most read",
        "Distillery",
        "Subscribe",
        "unlimited access",
        "islandgirl",
        "Hamish Dunbar",
        "About time",
        "Who is paying",
        "Share this",
        "All rights reserved",
    )
    for t in texts(PAGE):
        assert not any(w in t for w in furniture), t
    assert sentence(PAGE, "The MV Lorne Castle leaving")[3] == "caption"


def test_the_news_page_quotes_have_their_speakers_not_the_commenters() -> None:
    page = doc(PAGE)
    assert {q.speaker for q in page.quotes} == {"Ewan Lindsay", "Morag Bain"}
    assert sentence(PAGE, '"This brings the fare')[2] in (None, "Ewan Lindsay")


@pytest.mark.xfail(
    strict=True,
    reason="a judgement call left open: the correction's two sentences are body text (the model "
    "has no kind for an editor's correction); the second states the right figure",
)
def test_the_news_page_correction_is_one_correction_not_body_text() -> None:
    assert "It is worth £6.4 million." not in texts(PAGE)
    assert not any(
        s.kind == "body" and s.text.startswith("Correction, 20 May 2025")
        for s in doc(PAGE).sentences
    )


# --- the Markdown research note (markdown reader) -----------------------------------------------
def test_the_note_reads_setext_title_byline_date_notes_and_tables() -> None:
    note = doc(NOTE)
    assert note.title == "Who Uses Heat Pump Grants, and Who Doesn't"
    assert note.authors == ("Tobias Feld",)
    assert note.date == "2025-02-12"
    assert note.sections == (
        "Where the money went",
        "Why renters miss out",
        "What the ministry could change",
    )
    assert [n.number for n in note.notes] == [1, 2, 3]
    assert sentence(NOTE, "That is fewer than half")[1] == (1,)
    assert sentence(NOTE, "The average installed cost")[1] == (2,)
    assert sentence(NOTE, "A 2023 pilot in two cities")[1] == (3,)
    body = texts(NOTE)
    assert "Home type: Flat (any floor); Share of stock: 25%; Share of grants: 4%; " in " ".join(
        body
    )
    assert not any("http" in t or "By Tobias" in t or "===" in t or "[1]" in t for t in body)
    assert "The pilot's design is set out in the evaluation report." in body


def test_the_note_list_item_continuation_paragraphs_stay_in_their_item() -> None:
    body = texts(NOTE)
    assert body.index("Only 6% of grants went to rented homes, while 37% of households rent.") == (
        body.index("The landlord pays for the heat pump, but the tenant gets the lower bills.") + 1
    )
    speakers = {q.speaker for q in doc(NOTE).quotes}
    assert {"Lena Brandt", "Karin Wolff"} <= speakers


# --- the written questions export (plain-text reader) -------------------------------------------
def test_the_written_answers_header_lines_are_not_glued_into_sentences() -> None:
    body = texts(ANSWERS)
    assert (
        "As of October 2024, 84,210 homes in England had been empty for more than two years."
        in (body)
    )
    assert any(
        t.startswith("Figures published by the Ministry of Justice show that private landlords")
        for t in body
    )
    assert any(t.startswith("To ask the Secretary of State for Housing") for t in body)
    for t in body:
        assert not any(
            w in t
            for w in ("Question UIN", "Asked by", "Date tabled", "Answered by", "Date answered")
        ), t


def test_the_written_answers_sections_are_the_entries_subjects() -> None:
    answers = doc(ANSWERS)
    assert answers.sections == (
        "Empty Homes: Council Tax",
        "Temporary Accommodation: Children",
        "Housing: Modular Construction",
        "Private Rented Housing: Evictions",
    )
    by_start = {s.text[:30]: s.section for s in answers.sentences}
    assert by_start["Bailiffs carried out 11,460 re"] == "Private Rented Housing: Evictions"


def test_the_written_answers_belong_to_the_answering_minister() -> None:
    answers = doc(ANSWERS)
    assert sentence(ANSWERS, "Bailiffs carried out 11,460")[2] == "Rupert Selwyn"
    assert sentence(ANSWERS, "The rise reflects higher rents")[2] == "Priya Anand"
    quote = [q for q in answers.quotes if q.text.startswith("section 21 will be abolished")]
    assert quote and quote[0].speaker == "Rupert Selwyn"


def test_the_written_answers_table_rows_are_rows_not_a_quote() -> None:
    answers = doc(ANSWERS)
    assert not any(q.speaker == "Date" for q in answers.quotes)
    rows = containing(ANSWERS, "159,380")
    assert len(rows) == 1 and "79,120" in rows[0] and "2021" not in rows[0]
    assert "Source: Statutory homelessness live tables, table TA1." not in rows[0]


def test_the_written_answers_end_line_is_not_text() -> None:
    assert "End of results" not in texts(ANSWERS)


def test_the_written_answers_export_header_is_not_text() -> None:
    for t in texts(ANSWERS):
        assert not any(w in t for w in ("Export generated", "Filter:", "Results: 4", "-----")), t


# --- the press conference (transcript reader) ---------------------------------------------------
def test_the_briefing_title_date_and_outlet_turns() -> None:
    briefing = doc(BRIEFING)
    assert briefing.title == (
        "Foreign Ministry Spokesperson Li Wen's Regular Press Conference on May 6, 2025"
    )
    assert briefing.date == "2025-05-06"
    assert sentence(BRIEFING, "Good afternoon.")[2] == "Li Wen"
    assert sentence(BRIEFING, "Two-way trade reached 8.7 billion")[2] == "Li Wen"
    assert sentence(BRIEFING, "Is there a target for the value")[2] == "Reuters"
    assert sentence(BRIEFING, "The Commission says exports")[2] == "Bloomberg"
    assert sentence(BRIEFING, "Tomorrow is the World Red Cross Day.")[2] == "Phoenix TV"
    assert not any(
        t.startswith(("Reuters:", "Li Wen:", "Q:", "A:", "END")) for t in texts(BRIEFING)
    )


def test_the_briefing_a_turns_are_the_spokespersons() -> None:
    assert sentence(BRIEFING, "According to what we have learned")[2] == "Li Wen"
    assert sentence(BRIEFING, "Consular officers met the captain")[2] == "Li Wen"
    assert sentence(BRIEFING, "As far as I know, the United States")[2] == "Li Wen"
    assert sentence(BRIEFING, "Can you confirm the number of crew")[2] != "Interviewee"


def test_the_briefing_splits_after_a_date_ending_a_sentence() -> None:
    assert any(t.endswith("held in Qingzhou on May 20 and 21.") for t in texts(BRIEFING))
    assert "Delegations from 27 countries have confirmed their attendance." in texts(BRIEFING)


def test_the_briefing_reported_quote_names_the_minister_in_full() -> None:
    quote = [q for q in doc(BRIEFING).quotes if q.text.startswith("trade should be a bridge")]
    assert quote and quote[0].speaker == "Zhao Ming"
