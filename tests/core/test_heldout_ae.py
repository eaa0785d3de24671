"""Held-out set AE: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_ae/ holds a 1978 council report as a digitised typescript PDF (monospaced,
typed title page with a reference number, running page header, numbered paragraphs, words
hyphenated at line ends, fi/fl ligature characters, a table typed with spaces, a handwritten
"[illegible]" annotation; made by make_bus_report_pdf.py), a saved news page with a fact box, a
timeline list, an appended correction and a related-video block, a Markdown speech transcript
("Check against delivery", speaker/event/place/date lines, "[APPLAUSE]" and "(laughter)", a quoted
saying and poem, editor's headings), a US Senate hearing transcript in plain text (cover page,
contents and witness list, "Senator SMITH." / "Mr. JONES." turns, "STATEMENT OF ..." headings, an
inserted prepared statement), and a help-centre FAQ exported as plain text (breadcrumbs, "Updated
3 days ago", questions and answers, numbered steps, "Was this article helpful? Yes No", related
articles). tests/data/queries_heldout_ae.jsonl (39 queries) was written before anything was run.
What the readers get right is asserted; each fault found is a strict xfail that states the right
reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_ae"
REPORT = "rural-bus-report-1978.pdf"
PAGE = "harbour-wall-repairs.html"
SPEECH = "school-meals-speech.md"
HEARING = "lead-pipes-hearing.txt"
FAQ = "bulky-waste-faq.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


def speaker_of(name: str, start: str) -> str | None:
    """The speaker the reader gives the one sentence of `name` that starts with `start`."""
    found = [s.speaker for s in doc(name).sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def test_the_heldout_set_ae_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 28/39 here (in memory) and 27/39
    from `bot eval` on a built index (R@3 33/39). The eval's twelve misses (one of them right
    first in memory): ae04, ae05, ae06 (a neighbouring paragraph or the typed table row outranks
    the answer), ae07 and ae26 (no author read: see the xfails), ae11, ae34, ae37, ae39 (a
    neighbouring sentence outranks the answer; "CTR" is no acronym the text defines), ae15
    ("construction"/"breakwater" for "Work will begin"), ae32 (Pike's answer is given to Senator
    Harlan, see the xfail), ae33 (the hearing has no date, see the xfail).
    With its reading faults fixed it scores 31 in memory: the floor now.
    """
    first, total = right_first(searcher(), DATA / "queries_heldout_ae.jsonl")
    assert first >= 31, f"held-out AE R@1 fell to {first}/{total}"


# --- the typescript PDF report (pdf reader) -----------------------------------------------------
def test_the_report_joins_hyphenated_words_and_unfolds_ligatures() -> None:
    body = texts(REPORT)
    assert (
        "3.1 We considered three courses: to let the services lapse; to pay the operators a "
        "revenue grant for each route; or to set up a community minibus run by volunteer drivers "
        "under a permit from the Traffic Commissioners."
    ) in body
    assert any("households and found that 38 per cent had no car" in t for t in body)
    assert any("by no more than the rate of inflation, and that pensioners" in t for t in body)
    assert not any("\ufb01" in t or "\ufb02" in t for t in body)
    assert doc(REPORT).date == "1978-11-14"


def test_the_report_page_header_and_title_page_are_not_text() -> None:
    body = texts(REPORT)
    assert not any("TPU/78/114" in t for t in body)
    assert not any("RESTRICTED" in t for t in body)
    assert all(
        s.page == "3" for s in doc(REPORT).sentences if s.text.startswith("4.2 We recommend")
    )


def test_the_report_typed_table_rows_are_read_by_column() -> None:
    assert (
        "12 — Villages served Esk Bridge, Kelderby; Journeys per week 28; "
        "Passengers per week 1,140."
    ) in texts(REPORT)


def test_the_report_quotes_have_their_speakers() -> None:
    speakers = {q.speaker for q in doc(REPORT).quotes}
    assert speakers == {"Clerk of Ashgill Parish Council", "R. Dunstan"}


def test_the_report_title_is_the_typed_title_on_the_title_page() -> None:
    """The title page types "RURAL BUS SERVICES IN THE" / "UPPER ESK VALLEY" (two centred lines
    under the county and unit names); that is the title, not "1. INTRODUCTION"."""
    assert doc(REPORT).title.casefold() == "rural bus services in the upper esk valley"


def test_the_report_author_is_the_officer_who_prepared_it() -> None:
    """ "Prepared by A. J. Penhallow, Chief Transport Ofﬁcer" on the title page (and the signature
    "A. J. PENHALLOW" at the end) names the author."""
    assert doc(REPORT).authors == ("A. J. Penhallow",)


def test_the_report_paragraph_2_2_is_one_sentence_not_a_heading() -> None:
    """ "2.2  The table below shows the services on the main" / "routes in the week ending 30
    September 1978." is one numbered paragraph: one sentence under "2. THE PRESENT POSITION",
    and no section of that name."""
    report = doc(REPORT)
    assert "2.2 The table below shows the services on the main" not in report.sections
    assert (
        "2.2 The table below shows the services on the main routes in the week ending "
        "30 September 1978."
    ) in texts(REPORT)


def test_the_report_table_rule_is_not_a_sentence() -> None:
    """The "  ------  ----------  ..." line under the typed table's headings is a rule."""
    assert not any(set(t) <= set("-. ") for t in texts(REPORT))


def test_the_report_annotation_is_not_cut_at_its_abbreviation() -> None:
    """ "[illegible] - agreed in principle, see min. 88/78" is one annotation line in the margin
    of the typescript: not two sentences, the second "88/78"."""
    body = texts(REPORT)
    assert "88/78" not in body
    assert not any(t.endswith("see min.") for t in body)


@pytest.mark.xfail(
    strict=True,
    reason="typed paragraph numbers kept at the head of sentences. Left (pdfold): it conflicts "
    'with this file\'s own passing assertions, which cite "3.1 We considered three courses: ...", '
    '"2.2 The table below shows ..." and "4.2 We recommend ..." with their numbers.',
)
def test_the_report_paragraph_numbers_are_not_part_of_the_sentence() -> None:
    """ "1.1", "2.3", "4.1" … number the paragraphs; the sentence cited is "The Working Party was
    set up by the Highways Committee in March 1978 …", without "1.1 " before it."""
    assert any(t.startswith("The Working Party was set up by the Highways") for t in texts(REPORT))


# --- the news page (html reader) ----------------------------------------------------------------
def test_the_news_page_metadata_quotes_and_timeline() -> None:
    page = doc(PAGE)
    assert page.title == "Harbour wall repairs to cost £14m as storms grow stronger"
    assert page.authors == ("Fenella Rourke",)
    assert page.date == "2025-10-08"
    assert page.publication == "The Coastal Courier"
    assert {q.speaker for q in page.quotes} == {
        "Conor Bellamy",
        "Moira Tennant",
        "Simon Okafor",
        "Priya Haldane",
    }
    body = texts(PAGE)
    assert "February 2025: Storm Idris breaches the wall twice." in body
    assert "Repair cost: £14.2m" in body


def test_the_news_page_furniture_is_dropped() -> None:
    body = " ".join(texts(PAGE))
    for furniture in ("Share on", "Related video", "Comments (148)", "Sign up", "lifeboat station"):
        assert furniture not in body
    assert "Fact box" not in doc(PAGE).sections


def test_the_news_page_video_duration_is_not_caption_text() -> None:
    """The video caption is "Watch: waves overtop the Port Askew breakwater during Storm Idris.";
    "Duration 1:42" is the player's running time, no sentence."""
    assert "Duration 1:42" not in texts(PAGE)


def test_the_news_page_correction_is_not_part_of_the_last_section() -> None:
    """ "This article was amended on 9 October 2025. …" is the correction appended to the
    article, not a paragraph of "What happens next": its sentences carry no section there."""
    for s in doc(PAGE).sentences:
        if s.text.startswith(("This article was amended", "An earlier version said")):
            assert s.section != "What happens next"


# --- the speech transcript (markdown reader) ----------------------------------------------------
def test_the_speech_title_date_sections_and_poem() -> None:
    speech = doc(SPEECH)
    assert speech.title == (
        "A hot meal for every child: speech to the Northern Headteachers' Conference"
    )
    assert speech.date == "2025-05-17"
    assert speech.sections[:3] == ("Opening", "The scale of the problem", "What we will do")
    quotes = {q.speaker: q.text for q in speech.quotes}
    assert quotes["Tomasz Ryll"].startswith("Feed the child, and the child will feed the world;")
    assert quotes["Helen Marsh"].startswith("The meal is the easy part.")
    assert not any(t.startswith(("**Speaker", "Speaker:", "Place:")) for t in texts(SPEECH))


def test_the_speech_author_is_the_speaker() -> None:
    """ "**Speaker:** Rt Hon Aline Castellane MP, Secretary of State for Education": the speech is
    hers; her name without the honorifics and office is the author."""
    assert doc(SPEECH).authors == ("Aline Castellane",)


def test_the_speech_delivery_note_is_no_subtitle() -> None:
    """ "*Check against delivery*" is the press office's warning, not a subtitle."""
    assert doc(SPEECH).subtitle is None


def test_the_speech_audience_reactions_are_not_text() -> None:
    """ "[APPLAUSE]" is no sentence, and "(laughter)" is no part of "I said I had survived
    Cabinet, so I could survive you." """
    body = texts(SPEECH)
    assert "[APPLAUSE]" not in body
    assert "I said I had survived Cabinet, so I could survive you." in body


def test_the_speech_saying_is_not_said_by_there() -> None:
    """ "There is an old saying in the village where I grew up: "You cannot plough a field …"":
    no one named says it; the speaker is the one giving the speech (or none), never "There"."""
    quote = next(q for q in doc(SPEECH).quotes if q.text.startswith("You cannot plough"))
    assert quote.speaker in (None, "Aline Castellane")


def test_the_speech_editors_note_is_not_body_text() -> None:
    """ "*Headings added by the editor. Text issued by the Department for Education press
    office.*" after the closing rule is an editor's note, not a sentence of "Closing"."""
    body = texts(SPEECH)
    assert "Headings added by the editor." not in body
    assert "Text issued by the Department for Education press office." not in body


# --- the hearing transcript (plain-text reader) -------------------------------------------------
def test_the_hearing_turns_that_begin_paragraphs_have_their_speakers() -> None:
    assert speaker_of(HEARING, "There are an estimated 9.2 million") == "Carla Whitford"
    assert speaker_of(HEARING, "Since 2021 they have replaced") == "Howard Jones"
    assert speaker_of(HEARING, "At current rates of funding") == "Howard Jones"
    assert speaker_of(HEARING, "Commissioner, how did you pay") == "Senator Smith"
    assert "Present: Senators Whitford, Smith, and Harlan." in texts(HEARING)


def test_the_hearing_title_is_the_hearing_title() -> None:
    """ "S. Hrg. 119-214" is the print's number; the title is "REPLACING LEAD SERVICE LINES:
    PROGRESS AND COSTS" (in any case)."""
    assert doc(HEARING).title.casefold() == "replacing lead service lines: progress and costs"


def test_the_hearing_date_is_the_date_it_was_held() -> None:
    assert doc(HEARING).date == "2025-06-11"


def test_the_hearing_cover_and_contents_are_not_sentences() -> None:
    """The cover ("OF THE / COMMITTEE ON …", "Printed for the use of …"), the contents and the
    witness list with their dot leaders and page numbers are not body sentences."""
    body = texts(HEARING)
    assert not any("Printed for the use of" in t for t in body)
    assert not any("....." in t for t in body)
    assert not any(t.startswith(("1 WITNESSES", "3 Prepared statement")) for t in body)


def test_the_hearing_sections_are_the_statement_headings() -> None:
    """ "HEARING" and "BEFORE THE" are cover lines, not sections; each "STATEMENT OF …" heading
    is a section and no sentence of the turn before it."""
    hearing = doc(HEARING)
    assert "HEARING" not in hearing.sections
    assert "BEFORE THE" not in hearing.sections
    assert (
        "STATEMENT OF HOWARD JONES, DIRECTOR, MIDWEST WATER UTILITIES ALLIANCE" in hearing.sections
    )
    assert not any(t.startswith("STATEMENT OF") for t in texts(HEARING))


def test_the_hearing_turns_inside_a_paragraph_change_speaker() -> None:
    """ "Mr. PIKE. Senator, you cannot fund what you cannot count." follows Senator Harlan's
    question on the next line with no blank line between: Pike says it; "Ms. ALVAREZ." is a
    speaker line, no sentence."""
    assert speaker_of(HEARING, "Senator, you cannot fund") in ("Daniel Pike", "Mr. Pike")
    assert speaker_of(HEARING, "Half came from the Federal") in (
        "Renata Alvarez",
        "Commissioner Alvarez",
    )
    assert "Ms. ALVAREZ." not in texts(HEARING)


def test_the_hearing_witnesses_have_their_full_names() -> None:
    """ "STATEMENT OF RENATA ALVAREZ, …" and "STATEMENT OF DANIEL PIKE, …" name the witnesses:
    "Renata Alvarez" and "Daniel Pike", not "Commissioner Alvarez" and "Mr. Pike"."""
    assert speaker_of(HEARING, "In Brookport we have replaced") == "Renata Alvarez"
    assert speaker_of(HEARING, "I want to offer a note of caution.") == "Daniel Pike"


def test_the_hearing_insertion_note_is_not_a_sentence() -> None:
    assert "[The prepared statement of Mr. Jones follows:]" not in texts(HEARING)


# --- the help-centre FAQ (plain-text reader) ----------------------------------------------------
def test_the_faq_questions_are_sections_and_related_articles_are_dropped() -> None:
    faq = doc(FAQ)
    assert "How much does it cost?" in faq.sections
    assert "Can I cancel or change my booking?" in faq.sections
    body = texts(FAQ)
    assert "If you receive Council Tax Reduction, you pay half price." in body
    assert '2. Choose "Book a bulky waste collection" from the Bins menu.' in body
    assert not any("Garden waste subscription" in t for t in body)


def test_the_faq_title_is_the_article_title_not_the_breadcrumbs() -> None:
    """ "Help Centre > Bins and recycling > Bulky waste" is the breadcrumb trail; the title is
    "Booking a bulky waste collection", and there is no subtitle."""
    faq = doc(FAQ)
    assert faq.title == "Booking a bulky waste collection"
    assert faq.subtitle is None


def test_the_faq_updated_line_is_no_section() -> None:
    faq = doc(FAQ)
    assert "Updated 3 days ago" not in faq.sections
    first = faq.sentences[0]
    assert first.text.startswith("Ashmoor District Council collects")
    assert first.section != "Updated 3 days ago"


def test_the_faq_feedback_widget_and_footer_are_not_sentences() -> None:
    """ "Was this article helpful?" / "Yes   No" and the footer ("Contact us | Accessibility |
    Privacy | Cookies", "© Ashmoor District Council 2025") are page furniture; the last sentence
    is "Fly-tipping can lead to a fine of up to £1,000." """
    body = texts(FAQ)
    assert body[-1] == "Fly-tipping can lead to a fine of up to £1,000."


def test_the_faq_publisher_is_the_council() -> None:
    assert doc(FAQ).publication == "Ashmoor District Council"
