"""Held-out set M: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_m/ holds a two-page ministerial letter on letterhead (made by
make_letter_pdf.py: letterhead block at the top right, reference and date, the recipient's address,
"Dear Chair,", numbered paragraphs, footnotes, signature, cc lines, a "Page 2 of 2" running header),
a saved government news-release page ("From:", "Published", "Last updated", contents list,
attachments, related content, OGL footer), a Markdown explainer with GitHub callouts, a table with
units, a definition-list glossary, a TL;DR line and an italic byline, a select-committee oral
evidence transcript ("Q12 Chair:" turns, short surnames after first mention, "[Interruption.]"),
and an OCR export of a scanned 1998 annual review (form feeds, running headers, hyphenation,
"l998" OCR errors, "*"/"†" footnotes, a space-aligned table).
tests/data/queries_heldout_m.jsonl (39 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_m"
LETTER = "ministerial-letter.pdf"
RELEASE = "school-meals-release.html"
EXPLAINER = "heat-pumps-explainer.md"
EVIDENCE = "bus-services-evidence.txt"
REVIEW = "northmoor-annual-review-1998.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_heldout_m_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 26/39 here (no word vectors) and
    25/39 from `bot eval` on a built index. Misses: all four metadata queries (the letter's
    signatory, the explainer's byline and the review's chairman are not read as authors, and the
    release's date is answered as "2025-05-03", not the gold "3 May 2025"), the paraphrases
    "money for moving households away from eroding coast", "drop in pupils turning up late",
    "how many rural bus routes has Wolds and Vale axed" (the fare-cap answer's "rural routes ...
    14" outranks "withdrawn 14 routes"), "how big did water bills get", and CERF/SPF questions
    where a neighbouring sentence outranks the answer (rank 2-3).
    After the eighth round of fixes (every fault of the set): 29/39 in memory."""
    first, total = right_first(searcher(), DATA / "queries_heldout_m.jsonl")
    assert first >= 30, f"held-out M R@1 fell to {first}/{total}"


# --- the ministerial letter (pdf reader) --------------------------------------------------------
def test_the_letter_reads_its_date_footnotes_and_second_page() -> None:
    letter = doc(LETTER)
    assert letter.date == "2025-03-12"
    assert "Coastal Erosion Resilience Fund: progress and next steps" in letter.sections
    body = texts(LETTER)
    assert any(t.startswith("Thank you for your letter of 20 February 2025") for t in body)
    assert sentence(LETTER, "The completed schemes protect")[1] == (1,)
    assert sentence(LETTER, "We have set aside £24 million")[1] == (2,)
    notes = {n.number: n.text for n in letter.notes}
    assert notes[2] == (
        "The five areas are East Riding, North Norfolk, East Suffolk, Scarborough and Cornwall."
    )
    # the running header of page 2 is not text
    assert not any("Page 2 of 2" in t for t in body)
    assert all(
        s.page == "2" for s in letter.sentences if s.text.startswith("The evaluation has been")
    )


def test_the_letters_title_is_its_subject_line() -> None:
    assert doc(LETTER).title == "Coastal Erosion Resilience Fund: progress and next steps"


def test_the_letters_author_is_the_minister_who_signed_it() -> None:
    # signed "Yours sincerely, / Rt Hon Helena Marsh MP / Minister of State for Coastal Communities"
    authors = doc(LETTER).authors
    assert len(authors) == 1 and "Helena Marsh" in authors[0]


def test_the_letters_publication_is_the_department_on_its_letterhead() -> None:
    assert doc(LETTER).publication == "Department for Coastal Communities"


def test_the_letterhead_and_reference_are_not_body_text() -> None:
    body = texts(LETTER)
    assert not any("Quayside Row" in t or "Our ref" in t or "www.gov.example" in t for t in body)


def test_the_letters_paragraph_numbers_are_not_part_of_sentences() -> None:
    body = texts(LETTER)
    assert (
        "Since the fund opened in April 2023 we have approved 47 schemes worth a total of "
        "£318 million."
    ) in body
    assert "The Committee asked about the pace of spending." in body
    assert not any(t[:1].isdigit() and t[1:3] == ". " for t in body)


def test_the_letters_body_sits_under_its_subject_line() -> None:
    letter = doc(LETTER)
    assert letter.sections == ("Coastal Erosion Resilience Fund: progress and next steps",)
    for s in letter.sentences:
        if s.text.startswith(("Thank you for your letter", "The evaluation has been")):
            assert s.section == "Coastal Erosion Resilience Fund: progress and next steps"


def test_the_letters_sign_off_and_cc_lines_are_not_body_text() -> None:
    body = texts(LETTER)
    assert not any(t.startswith(("Yours sincerely", "cc:")) for t in body)


# --- the news release (html reader) -------------------------------------------------------------
def test_the_release_reads_its_title_date_quotes_and_drops_furniture() -> None:
    page = doc(RELEASE)
    assert page.title == "Free breakfast clubs to reach 4,000 more schools"
    assert page.date == "2025-05-03"
    for heading in ("The expansion", "What the evidence shows", "Funding", "Notes to editors"):
        assert heading in page.sections
    speakers = {q.text: q.speaker for q in page.quotes}
    assert speakers[next(q for q in speakers if q.startswith("No child should sit down"))] == (
        "Tom Ashdown"
    )
    assert (
        speakers["Head teachers have been telling us for years that hungry children cannot learn"]
        == "Joanne Whitcombe"
    )
    assert (
        speakers[
            "We welcome the money, but schools need certainty that it will last beyond this "
            "parliament."
        ]
        == "Joanne Whitcombe"
    )
    body = " ".join(texts(RELEASE))
    for furniture in (
        "Open Government Licence",
        "Crown copyright",
        "Share this page",
        "School food standards",
        "1.4 MB",
        "Education, training and skills",
        "Contents",
    ):
        assert furniture not in body, furniture


def test_the_release_is_from_the_department_and_the_minister() -> None:
    # "From: Department for Education and Tom Ashdown MP"
    authors = doc(RELEASE).authors
    assert any("Department for Education" in a for a in authors)
    assert any("Tom Ashdown" in a for a in authors)


def test_the_release_page_history_is_not_body_text() -> None:
    page = doc(RELEASE)
    assert "Updates to this page" not in page.sections
    assert not any("Added the evaluation report" in t for t in texts(RELEASE))


# --- the Markdown explainer (markdown reader) ---------------------------------------------------
def test_the_explainer_reads_its_table_footnotes_glossary_and_quote() -> None:
    post = doc(EXPLAINER)
    assert post.title == "Heat pumps in older homes: what the trial found"
    body = texts(EXPLAINER)
    assert (
        "Home type: Inter-war semi, insulated; Homes: 11; Median SPF: 3.3; Annual bill change "
        "(£): -260; Carbon saving (t CO2e/yr): 2.7."
    ) in body
    assert sentence(EXPLAINER, "The homes were monitored for two full winters")[1] == (1,)
    assert sentence(EXPLAINER, "Two homes had their heat pumps removed")[1] == (2,)
    assert {g.short: g.long for g in post.glossary}["SPF"] == "seasonal performance factor"
    (quote,) = post.quotes
    assert quote.speaker == "Kwame Ostrander"
    assert quote.text == "Fabric first, then the heat pump — in that order, every time."


def test_the_explainers_byline_gives_author_and_date() -> None:
    # "*By Rosalind Achebe-Frost, Energy Desk — 14 April 2025*"
    post = doc(EXPLAINER)
    assert post.authors == ("Rosalind Achebe-Frost",)
    assert post.date == "2025-04-14"


def test_the_explainers_callout_markers_are_not_text() -> None:
    body = texts(EXPLAINER)
    assert "The trial covered only air-source heat pumps." in body
    assert "Bill changes depend heavily on the electricity tariff." in body
    assert not any("[!" in t for t in body)


def test_the_explainers_definition_list_is_read_as_terms_and_definitions() -> None:
    post = doc(EXPLAINER)
    for term in ("Flow temperature", "SPF", "Solid-wall insulation"):
        assert term not in post.sections
    assert not any(t.startswith(":") for t in texts(EXPLAINER))
    found = [s for s in post.sentences if "leaving the heat pump for the radiators" in s.text]
    assert found and found[0].section == "Glossary"


# --- the evidence transcript (text reader) ------------------------------------------------------
def test_the_transcript_reads_witness_turns_and_drops_the_interruption() -> None:
    body = texts(EVIDENCE)
    assert sentence(EVIDENCE, "A typical rural route")[2] == "Martin Feltham"  # "Feltham:"
    assert sentence(EVIDENCE, "It is part of the answer for passengers, but")[2] == "Sunita Rahman"
    assert sentence(EVIDENCE, "Certainty matters more")[2] == "Alan Greaves"
    assert sentence(EVIDENCE, "Our survey last autumn")[2] == "Sunita Rahman"
    assert not any("Interruption" in t for t in body)
    assert (
        "In the schemes we studied, the cost per passenger trip was between £18 and £27, "
        "against about £4 on a conventional rural bus."
    ) in body


def test_the_transcripts_date_is_the_session_date() -> None:
    assert doc(EVIDENCE).date == "2025-04-09"


def test_the_question_number_is_not_part_of_the_speaker() -> None:
    # "Q13 Dr Amira Sallow: What does it cost ..." (witnesses come out as "Alan Greaves", no title)
    assert sentence(EVIDENCE, "What does it cost to run")[2] == "Amira Sallow"
    assert sentence(EVIDENCE, "Is the £2 fare cap")[2] == "Owen Pritchard"


def test_the_chair_is_the_member_named_as_chair() -> None:
    # "Members present: Rachel Tennant (Chair); ..."
    assert sentence(EVIDENCE, "Good morning and welcome.")[2] == "Rachel Tennant"


# --- the OCR annual review (text reader) --------------------------------------------------------
def test_the_review_drops_running_headers_and_rejoins_hyphenated_words() -> None:
    review = doc(REVIEW)
    assert review.publication == "Northmoor Water Board"
    body = texts(REVIEW)
    assert not any("ANNUAL REVIEW" in t for t in body)
    assert (
        "The year to 31 March 1998 was the driest for the Board's catchment since records began "
        "in 1911."
    ) in body
    assert (
        "Operating costs rose to £51.7 million, in part because of the cost of tankering water "
        "to the upland villages during the drought."
    ) in body
    assert all(s.page == "3" for s in review.sentences if s.text.startswith("Turnover"))
    assert all(s.page == "2" for s in review.sentences if s.text.startswith("Leakage is"))
    assert {g.short: g.long for g in review.glossary}["DWI"] == "Drinking Water Inspectorate"


def test_the_reviews_title_reads_1998() -> None:
    title = doc(REVIEW).title
    assert title is not None and "1998" in title and "l998" not in title


def test_the_reviews_author_is_the_chairman_who_signed_it() -> None:
    # signed "J. R. Alderley / Chairman / June l998" at the end
    review = doc(REVIEW)
    assert review.authors == ("J. R. Alderley",)
    assert review.date is not None and review.date.startswith("1998")


def test_the_star_footnote_is_joined_to_its_sentence() -> None:
    review = doc(REVIEW)
    text, notes, _, _ = sentence(REVIEW, "Rainfall at the Hollins Edge gauge")
    assert text == (
        "Rainfall at the Hollins Edge gauge was 612 mm, against a long-term average of 934 mm."
    )
    assert len(notes) == 1
    assert [n.text for n in review.notes if n.number == notes[0]] == [
        "Long-term average for the period 1911-1990."
    ]
    assert not any(t.startswith("*") for t in texts(REVIEW))


def test_the_dagger_footnote_is_joined_to_its_sentence() -> None:
    review = doc(REVIEW)
    text, notes, _, _ = sentence(REVIEW, "The reduction was achieved")
    assert text == (
        "The reduction was achieved chiefly through pressure management in the eastern "
        "districts and the renewal of 96 kilometres of old cast-iron mains."
    )
    assert len(notes) == 1
    assert [n.text for n in review.notes if n.number == notes[0]] == [
        "Mains laid before 1930, mostly in the town centres."
    ]
    assert not any("†" in t for t in texts(REVIEW))


def test_the_reviews_table_is_read_row_by_row() -> None:
    review = doc(REVIEW)
    assert "1995-96 1996-97 1997-98" not in review.sections
    body = texts(REVIEW)
    rows = [t for t in body if "Metered demand" in t]
    assert len(rows) == 1 and "Leakage" not in rows[0] and "Unmetered" not in rows[0]
    assert "104" in rows[0] and "109" in rows[0] and "117" in rows[0]


def test_the_ocr_l_for_1_is_read_as_a_digit_in_years() -> None:
    body = texts(REVIEW)
    assert any(
        t.startswith("In 1997-98 leakage was estimated at 148 megalitres per day") for t in body
    )


def test_the_reviews_signature_is_not_sections_or_text() -> None:
    review = doc(REVIEW)
    assert "J. R. Alderley" not in review.sections and "Chairman" not in review.sections
    assert not any(t.startswith("June") for t in texts(REVIEW))
