"""Held-out set V: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_v/ holds a landscape PDF budget summary of a city council (title page, a
"Mayor's message" with a signature, a bullet list, a table of departments by years with a total
row, a bar chart with a legend, a "City of Carrowmore | Page x of y" footer; made by
make_budget_pdf.py), a saved parliament committee report page (numbered <p class="para">
paragraphs, recommendations in bold boxes, <sup>[n]</sup> footnotes, breadcrumbs), a Markdown
newsletter (issue line, bold lead-ins, "Quote of the week", "Numbers to know", unsubscribe
footer), a radio phone-in transcript with "CALLER (Name, Town):" turns and an "[ADVERT BREAK]",
and a plain-text fact check with CLAIM / VERDICT / THE FACTS / RATING labels and a SOURCES list.
tests/data/queries_heldout_v.jsonl (38 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_v"
BUDGET = "carrowmore-budget-2026-27.pdf"
REPORT = "committee-rural-broadband.html"
LETTER = "the-weekly-brief-issue-87.md"
RADIO = "radio-phone-in-energy-bills.txt"
CHECK = "factcheck-ambulance-times.txt"
WATER = (
    "Southbrook Water was fined 4.3 million pounds for sewage spills into the River Leven in 2023."
)


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_v_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 26/38, both here (no word vectors)
    and from `bot eval` on a built index. Misses from ingest faults: v08 (the mayor's quote has
    no quote record), v12 and v16 (the recommendation boxes are not read), v27 (callers' turns
    are no quotes), v36 (the CLAIM line is dropped), v38 (gold "Misleading. The claim uses ..."
    was written as one line; the reader splits the rating line into two sentences, which is
    fair, and the sources glued under RATING). Ranking misses: v05 "why is adult social care
    going up", v18 and v21 (the "Numbers to know" line outranks the item), v20 "rubbish picked
    up" (no word for "waste"), v31 (the presenter's summary outranks the caller), v34 "actually
    in service" (for "on the road")."""
    first, total = right_first(searcher(), DATA / "queries_heldout_v.jsonl")
    assert first >= 31, f"held-out V R@1 fell to {first}/{total}"


# --- the landscape PDF budget summary (pdf reader) ----------------------------------------------
def test_the_budget_reads_its_title_pages_table_and_chart_caption() -> None:
    budget = doc(BUDGET)
    assert budget.title == "Annual Budget Summary 2026-27"
    assert budget.date == "2026-02"
    assert budget.sections == (
        "Mayor's message",
        "Highlights",
        "Net spending by department",
        "Where the money comes from",
    )
    body = texts(BUDGET)
    assert "Council tax rises by 2.9 per cent, against inflation of 3.4 per cent." in body
    assert "Total — 2023-24 360.5; 2024-25 373.7; 2025-26 389.4; 2026-27 412.6." in body
    assert "Adult social care — 2023-24 118.2; 2024-25 124.9; 2025-26 131.0; 2026-27 139.7." in body
    # the running footer, the page numbers and the chart's legend are not text
    assert not any("Page " in t and " of " in t and "Carrowmore" in t for t in body)
    assert not any(t.startswith(("Council tax Government", "Business rates", "52%")) for t in body)
    assert all(
        s.page == "3" for s in budget.sentences if s.text.startswith("Adult social care takes")
    )
    kinds = {s.text: s.kind for s in budget.sentences}
    assert kinds["Figure 1: Sources of income, 2026-27 (per cent)"] == "caption"
    assert kinds["Table 1: Net revenue spending, million euro"] == "caption"
    # the signature is no sentence
    assert not any(t.startswith(("Aoife Brannigan", "Mayor of Carrowmore")) for t in body)


def test_the_mayors_quoted_words_are_a_quote_by_the_signed_mayor() -> None:
    """In the "Mayor's message", signed "Aoife Brannigan / Mayor of Carrowmore" at its foot, the
    sentence '"A city budget is a promise about the next winter, not a spreadsheet," I told the
    council in January' is a quote by the signatory: a quote whose text is "A city budget is a
    promise about the next winter, not a spreadsheet" with speaker "Aoife Brannigan". Today the
    PDF has no quotes at all."""
    quotes = {q.text.strip('",'): q.speaker for q in doc(BUDGET).quotes}
    assert quotes.get("A city budget is a promise about the next winter, not a spreadsheet") == (
        "Aoife Brannigan"
    )


def test_the_budget_publisher_is_the_council_on_the_title_page() -> None:
    """The title page reads "Annual Budget Summary 2026-27 / City of Carrowmore Council /
    Published February 2026 / Prepared by the Finance Directorate". The council is the
    publication (it is also the footer's "City of Carrowmore"); it is no subtitle. Today
    publication is None and subtitle is "City of Carrowmore Council"."""
    budget = doc(BUDGET)
    assert budget.publication == "City of Carrowmore Council"
    assert budget.subtitle is None


# --- the committee report page (html reader) ----------------------------------------------------
def test_the_report_keeps_its_title_date_notes_and_drops_the_navigation() -> None:
    report = doc(REPORT)
    assert report.title == "Connecting the Countryside: Rural Broadband"
    assert report.date == "2025-11-18"
    assert report.publication == "Parliament of Northmarch"
    assert "Conclusions and recommendations" in report.sections
    notes = {n.number: n.text for n in report.notes}
    assert notes[1] == "Ofcom Connected Nations report, December 2024, table 3."
    assert notes[4] == "Which? survey of satellite tariffs, April 2025."
    body = texts(REPORT)
    for furniture in ("Home", "Committees", "Related reports", "Cookies", "Visit", "Post Office"):
        assert not any(furniture in t for t in body), furniture
    speakers = {q.speaker for q in report.quotes}
    assert {"Helen Achterberg", "Rajiv Menon"} <= speakers
    assert {g.short: g.long for g in report.glossary}["GRVS"] == "Gigabit Rural Voucher Scheme"


def test_the_report_footnote_markers_join_their_sentences() -> None:
    notes = {s.text.split(". ", 1)[-1][:20]: tuple(s.notes) for s in doc(REPORT).sentences}
    assert notes["One rural home in fi"] == (1,)
    assert notes["The Government's Gig"] == (2,)
    assert notes["Low-orbit satellite "] == (4,)
    assert sentence(REPORT, '"We will reach every village')[1] == (3,)


def test_the_report_author_is_the_whole_committee_name() -> None:
    """<meta name="author" content="Enterprise and Infrastructure Committee"> names one body; the
    "and" is part of its name. Today authors is ("Infrastructure Committee",)."""
    assert doc(REPORT).authors == ("Enterprise and Infrastructure Committee",)


def test_the_numbered_paragraphs_of_the_conclusions_are_body_text_not_notes() -> None:
    """<p class="para"><span class="num">8.</span> The voucher scheme has worked ...</p> and
    paragraph 10 ("We heard that households in the satellite-only areas pay the most for the
    worst service.") are paragraphs of the "Conclusions and recommendations" section, not
    footnotes. The notes are exactly the <ol class="footnotes"> list: 1, 2, 3, 4. Today notes 8
    and 10 are made from those paragraphs and the section has no sentences."""
    report = doc(REPORT)
    assert [n.number for n in report.notes] == [1, 2, 3, 4]
    conclusions = [
        s.text for s in report.sentences if s.section == "Conclusions and recommendations"
    ]
    assert any("The voucher scheme has worked where it was easy to work." in t for t in conclusions)
    assert any("pay the most for the worst service" in t for t in conclusions)


def test_the_recommendations_in_bold_boxes_are_sentences() -> None:
    """Paragraphs 9, 11 and 12 sit in <div class="recommendation"> with their text in <strong>;
    they are the report's recommendations and each is a sentence of "Conclusions and
    recommendations" (e.g. "We recommend a satellite subsidy of up to 40 pounds a month for
    households that the list shows cannot be connected by 2030."). Today none of the three is
    read."""
    body = " ".join(
        s.text for s in doc(REPORT).sentences if s.section == "Conclusions and recommendations"
    )
    assert "We recommend that the Government publish, by June 2026, a list of every" in body
    assert "We recommend a satellite subsidy of up to 40 pounds a month" in body
    assert "The Government should ease the planning rules for new telegraph poles" in body


def test_the_paragraph_numbers_are_not_part_of_the_sentences() -> None:
    """<span class="num">1.</span> is the paragraph's number, not text: the sentence is "One rural
    home in five still cannot buy ..." (the number may be kept as the paragraph's number).
    Today the sentence reads "1. One rural home in five ..." and so on for every paragraph."""
    body = texts(REPORT)
    assert any(t.startswith("One rural home in five") for t in body)
    assert any(t.startswith("Low-orbit satellite services") for t in body)
    assert not any(t[:1].isdigit() and t[1:3] == ". " for t in body)


def test_the_report_meta_line_is_not_a_sentence() -> None:
    """ "Third Report of Session 2025-26 · HC 412 · Published 18 November 2025 by authority of the
    Enterprise and Infrastructure Committee" is the report's front matter (series and date), not
    a body sentence."""
    assert not any(t.startswith("Third Report of Session") for t in texts(REPORT))


# --- the Markdown newsletter (markdown reader) --------------------------------------------------
def test_the_newsletter_reads_its_items_quote_and_numbers() -> None:
    letter = doc(LETTER)
    assert letter.title == "The Civic Weekly"
    assert letter.authors == ("Nadia Ferreira-Holt",)
    body = texts(LETTER)
    assert WATER in body
    assert "£4.3m: the fine paid by Southbrook Water" in body
    quotes = [q for q in letter.quotes if "swimming pool" in q.text]
    assert len(quotes) == 1
    assert (quotes[0].speaker or "").endswith("Peter Osei-Lambert")


def test_the_newsletter_date_is_the_issue_date() -> None:
    """**Issue #87 · 12 September 2025** under the title dates the issue: date "2025-09-12".
    Today date is None."""
    assert doc(LETTER).date == "2025-09-12"


def test_the_bold_lead_ins_are_not_sentences_of_their_own() -> None:
    """ "**Housing.** The council voted 31 to 14 ..." : the bold "Housing." is the item's
    lead-in (a run-in heading), not a sentence. No sentence is just "Housing.", "Water.",
    "Bins.", "Transport." or "Schools.", and the item's sentences have the lead-in (without
    its full stop) as their section, e.g. "Southbrook Water was fined ..." in section "Water"."""
    letter = doc(LETTER)
    body = texts(LETTER)
    for lead in ("Housing.", "Water.", "Bins.", "Transport.", "Schools."):
        assert lead not in body, lead
    sections = {s.text: s.section for s in letter.sentences}
    assert sections[WATER] == "Water"


def test_the_newsletter_furniture_is_not_text() -> None:
    """ "[View in browser](...)" at the top, and the footer after the last rule (the colophon
    "Reply to this email with tips.", "You are receiving this because you subscribed at
    civicweekly.example.", the Unsubscribe / Manage preferences links, "Powered by Letterpost")
    are the platform's furniture, not sentences of the "What we're reading" section. Today
    "View in browser", "Reply to this email with tips.", "You are receiving this ..." and
    "Powered by Letterpost" are body sentences."""
    body = texts(LETTER)
    for furniture in ("View in browser", "Reply to this email", "You are receiving", "Powered by"):
        assert not any(t.startswith(furniture) for t in body), furniture


# --- the radio phone-in transcript (text reader) ------------------------------------------------
def test_the_phone_in_reads_presenter_and_minister_turns() -> None:
    _, _, speaker, _ = sentence(RADIO, "Data centres use 21 per cent")
    assert speaker == "Martin Keelan"
    assert sentence(RADIO, "So, to sum up this morning")[2] == "Clare Dunphy"
    body = texts(RADIO)
    assert not any("ADVERT" in t or "END OF TRANSCRIPT" in t for t in body)
    assert any(
        q.speaker == "Martin Keelan" and "heating and eating" in q.text for q in doc(RADIO).quotes
    )


def test_the_callers_are_named_by_their_first_name() -> None:
    """ "CALLER (Janet, Dunmore): Hello Clare. ..." is Janet's turn: her sentences' speaker is
    Janet (from Dunmore) and her turn is a quote by her. Today the speaker of her first turn is
    "Hello Clare" and of every later caller turn just "Caller"; no caller turn is a quote."""
    for start, name in (
        ("I want to know why the network charge", "Janet"),
        ("Twelve euro won't cover it", "Janet"),
        ("I'm paid 15 cent for every unit", "Tomás"),
        ("I run a small bakery.", "Siobhán"),
        ("The data centres got a discount", "Paddy"),
    ):
        speaker = sentence(RADIO, start)[2] or ""
        assert speaker.startswith(name), (start, speaker)
    assert any(
        (q.speaker or "").startswith("Janet") and "network charge" in q.text
        for q in doc(RADIO).quotes
    )


def test_the_phone_in_date_is_the_broadcast_date() -> None:
    """ "Broadcast: 9 October 2025, 09:00-10:00" dates the programme: date "2025-10-09".
    Today date is None."""
    assert doc(RADIO).date == "2025-10-09"


# --- the fact check (text reader) ---------------------------------------------------------------
def test_the_fact_check_reads_byline_date_and_the_quoted_speakers() -> None:
    check = doc(CHECK)
    assert check.date == "2025-03-03"
    assert "Leon Vasquez-Reid" in check.authors
    speakers = {q.speaker for q in check.quotes}
    assert "Ravi Chaudhary" in speakers
    assert "Felicity Oyelaran" in speakers
    assert any((s or "").endswith("Imogen Tarrant") for s in speakers)
    assert "The national target for Category 2 is 18 minutes." in texts(CHECK)


def test_the_fact_check_title_is_the_headline() -> None:
    """ "FACT CHECK | Health" is the desk label; the title is the headline under it, "Did
    ambulance response times really halve under the current government?". Today title is
    "FACT CHECK | Health" and the headline is the subtitle."""
    assert doc(CHECK).title == (
        "Did ambulance response times really halve under the current government?"
    )


def test_the_fact_check_organisation_is_the_publication_not_an_author() -> None:
    """ "By Leon Vasquez-Reid, FactWatch Northmarch": one author and his organisation. Today
    authors is ("Leon Vasquez-Reid", "FactWatch Northmarch") and publication is None."""
    check = doc(CHECK)
    assert check.authors == ("Leon Vasquez-Reid",)
    assert check.publication == "FactWatch Northmarch"


def test_the_claim_is_a_quote_by_the_speaker_named_under_it() -> None:
    """'CLAIM: "We have halved ambulance response times since we came into office."' with
    "WHO SAID IT: Health Secretary Imogen Tarrant, speaking at ... on 28 February 2025." is the
    claim checked: a sentence and a quote whose speaker is Imogen Tarrant. Today neither the
    claim nor the WHO SAID IT line is read at all."""
    check = doc(CHECK)
    assert any("We have halved ambulance response times" in t for t in texts(CHECK))
    assert any(
        "We have halved ambulance response times" in q.text
        and (q.speaker or "").endswith("Imogen Tarrant")
        for q in check.quotes
    )


def test_the_labels_are_sections_not_speakers_and_not_text() -> None:
    """CLAIM:, VERDICT:, THE FACTS:, WHY IT MATTERS:, RATING: are labels of the article's parts.
    "VERDICT: MISLEADING" is the verdict; "MISLEADING" is not glued to the first sentence under
    THE FACTS ("Response times for the most urgent calls, Category 1, did fall, but by about a
    fifth, not by half."), and no sentence has "Verdict", "The Facts", "Why It Matters" or
    "Rating" as its speaker (they are sections, if anything)."""
    check = doc(CHECK)
    assert any(t.startswith("Response times for the most urgent calls") for t in texts(CHECK))
    labels = {"Verdict", "The Facts", "Why It Matters", "Rating"}
    assert not any(s.speaker in labels for s in check.sentences)
    assert not any(q.speaker in labels for q in check.quotes)


def test_the_sources_list_is_the_notes_and_the_markers_join_their_sentences() -> None:
    """The "SOURCES:" list ([1] NHS Northmarch, Ambulance Quality Indicators, January 2025:
    https://...; [2] Department of Health, statement to FactWatch, 1 March 2025; [3] ...Annual
    Report and Accounts 2023-24, p. 47: https://...) is the notes list, notes 1-3, not a body
    sentence; the "[1]" at the end of "... when the government took office [1]." is a marker
    joining note 1 to that sentence. Today the list is one body sentence and no sentence has
    notes."""
    check = doc(CHECK)
    assert [n.number for n in check.notes] == [1, 2, 3]
    assert {n.number: n.text for n in check.notes}[2] == (
        "Department of Health, statement to FactWatch, 1 March 2025"
    )
    assert not any(t.startswith("SOURCES") for t in texts(CHECK))
    assert sentence(CHECK, "The purchase of 500 ambulances")[1] == (3,)
