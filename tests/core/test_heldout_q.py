"""Held-out set Q: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_q/ holds a utility's earnings-call transcript (a "Participants" cast of
"Name — Title" lines, "Operator:" turns, "Presentation" and "Question-and-Answer Session" parts),
a local weekly's print edition in PDF (masthead, stories in columns with headlines and bylines, a
story that jumps to page 2, an advert box, a photo caption with its credit; made by
make_harbour_gazette_pdf.py), a Google Docs "Download as HTML" export (class-styled spans, title
paragraph, footnotes in <div>s at the end, comment anchors with the comments last), an
Obsidian research note (front matter, [[wikilinks]], #tags, callouts, a task list, a table) and
a government consultation response exported from Word as text (title block, numbered
paragraphs, "Question N:" headings, respondents quoted, a space-aligned table, notes, an annex).
tests/data/queries_heldout_q.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_q"
CALL = "calder-valley-utilities-q3-call.txt"
GAZETTE = "harbour-gazette-front-page.pdf"
GDOC = "allotment-waiting-lists-gdoc.html"
NOTE = "heat-pump-grants-note.md"
RESPONSE = "verge-parking-consultation-response.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def section_of(name: str, start: str) -> str:
    """The section of the one sentence that starts with START."""
    return _SET.one(name, start).section


def test_the_q_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 24/40 here (no word vectors)
    and 24/40 from `bot eval` on a built index. Misses built: q01 "CVU Q3 EPS" and q02 (the
    guidance figures), q08, q11, q21, q23, q25, q34, q40 (right text at rank 2-3), q16 (a
    paraphrase), q20 (the issue number, only in the masthead), q31 and q33 (the note's callout
    quote and the "she wrote that" quote are not quotes), q37 "TRO cost" (a note outranks it),
    q38 (the minister's words go to "Local Transport"), q39 (a typo query)."""
    first, total = right_first(searcher(), DATA / "queries_heldout_q.jsonl")
    assert first >= 28, f"Q held-out R@1 fell to {first}/{total}"


# --- the earnings-call transcript (transcript reader) -------------------------------------------
def test_the_call_title_date_and_parts() -> None:
    call = doc(CALL)
    assert call.title == "Calder Valley Utilities Inc. (CVU) Q3 2025 Earnings Call Transcript"
    assert call.date == "2025-10-30"
    assert "Presentation" in call.sections
    assert "Question-and-Answer Session" in call.sections
    assert section_of(CALL, "Together they account for about 1,100") == (
        "Question-and-Answer Session"
    )


def test_the_call_turns_belong_to_executives_and_analysts_by_name() -> None:
    assert sentence(CALL, "We reported operating earnings of $1.18")[2] == "Douglas Fairbairn"
    assert sentence(CALL, "Our FFO-to-debt ratio")[2] == "Priya Venkataraman"
    assert sentence(CALL, "On the data centres, how firm")[2] == "Rachel Osei"
    assert sentence(CALL, "Of the 640 miles of line")[2] == "Tobias Lindgren"
    assert any(
        q.speaker == "Tobias Lindgren" and "Underground lines are not cheaper to build" in q.text
        for q in doc(CALL).quotes
    )
    assert not any(t.startswith(("Douglas Fairbairn:", "Rachel Osei:")) for t in texts(CALL))


def test_the_call_operator_turns_are_the_operators_not_the_last_speakers() -> None:
    """ "Operator: Our next question comes from Ben Kowalczyk …" is the operator's turn: its
    sentences carry no "Operator:" label and their speaker is the operator (or none), never the
    executive who spoke before (today Priya Venkataraman, Tobias Lindgren, Douglas Fairbairn),
    and no quote of an executive begins with the operator's words."""
    call = doc(CALL)
    assert not any(t.startswith("Operator:") for t in texts(CALL))
    for start in (
        "Our next question comes from Ben Kowalczyk",
        "Our final question comes from Amelia Strand",
        "Good morning, and welcome to the Calder Valley",
        "This concludes today's conference call.",
    ):
        assert sentence(CALL, start)[2] in (None, "Operator"), start
    assert not any(q.text.startswith("Operator") for q in call.quotes)


def test_the_call_participant_lines_are_its_cast_not_sections() -> None:
    """The "Company Participants" / "Conference Call Participants" lists ("Priya Venkataraman —
    Chief Financial Officer", "Rachel Osei — Halvorsen Securities") are the call's cast: the
    sections are the two parts of the call alone."""
    assert doc(CALL).sections == ("Presentation", "Question-and-Answer Session")


# --- the newspaper print edition (pdf reader) ---------------------------------------------------
def test_the_gazette_date_pages_quotes_and_caption() -> None:
    gazette = doc(GAZETTE)
    assert gazette.date == "2026-02-05"
    text, _, _, kind = sentence(GAZETTE, "Crew members haul the D-class")
    assert kind == "caption"
    assert text == (
        "Crew members haul the D-class inshore boat past the flooded slipway of the 1932 "
        "boathouse in January."
    )
    assert [s.credit for s in gazette.sentences if s.kind == "caption"] == ["Photo: Kerry Anstey"]
    assert {q.speaker for q in gazette.quotes} == {"Janet Pryce", "Dev Ramsaran"}
    assert [s.page for s in gazette.sentences if s.text.startswith("Ridership on")] == ["2"]
    assert [s.page for s in gazette.sentences if s.text.startswith("Bus fares across")] == ["1"]
    for t in texts(GAZETTE):
        assert "THE SALTMARSH HARBOUR GAZETTE" not in t and "Issue No." not in t, t


def test_the_gazette_masthead_is_the_publication_not_a_subtitle() -> None:
    """The masthead "The Saltmarsh Harbour Gazette" is the publication; its strapline "Serving
    the Saltmarsh coast since 1887" and the lead story's headline are no subtitle (today the
    subtitle is all three glued together)."""
    gazette = doc(GAZETTE)
    assert gazette.publication == "The Saltmarsh Harbour Gazette"
    assert gazette.subtitle is None or "Serving the Saltmarsh coast" not in gazette.subtitle


def test_the_gazette_stories_are_sectioned_by_their_headlines() -> None:
    """Each story's headline heads its section; the bylines ("By Oliver Thwaite", "By Sian
    Rowlands"), the masthead's "Issue No. 7,412 Price 1.20 pounds" and page 2's running head
    ("NEWS", "Thursday 5 February 2026") head none."""
    gazette = doc(GAZETTE)
    for junk in ("By ", "Issue No.", "NEWS", "Thursday 5 February 2026"):
        assert not any(s.startswith(junk) for s in gazette.sections), junk
    assert section_of(GAZETTE, "Bus fares across") == (
        "Bus fares to rise 15 per cent as two-year freeze ends"
    )
    assert section_of(GAZETTE, "The Saltmarsh lifeboat station") == (
        "Lifeboat crew win 1.2m pounds for new boathouse"
    )
    assert section_of(GAZETTE, "Plans for a 210-place") == (
        "Gasworks site school plan goes to committee"
    )
    assert section_of(GAZETTE, "Traders at the Thursday market") == (
        "Market traders back High Street move"
    )


def test_the_gazette_jump_line_is_furniture_and_the_continuation_joins_its_story() -> None:
    """ "Continued on page 2" is a jump line, not a sentence; "FARES, from page 1" on page 2 is
    the lead story going on, so its sentences are in the lead story's section, not a section
    of their own."""
    assert not any("Continued on page" in t for t in texts(GAZETTE))
    assert section_of(GAZETTE, "The Saltmarsh Bus Users' Group") == section_of(
        GAZETTE, "Bus fares across"
    )
    assert "FARES, from page 1" not in doc(GAZETTE).sections


def test_the_gazette_advert_box_is_not_text() -> None:
    """The boxed advert ("QUAYSIDE FISH BAR … Cod and chips 8.95 pounds … Tel 01632 960 412")
    is furniture: none of it is a sentence and its name heads no section."""
    for t in texts(GAZETTE):
        assert not any(w in t for w in ("Cod and chips", "Tel 01632", "10% off")), t
    assert "QUAYSIDE FISH BAR" not in doc(GAZETTE).sections


# --- the Google Docs export (html reader) -------------------------------------------------------
def test_the_gdoc_footnotes_subtitle_date_and_quotes() -> None:
    gdoc = doc(GDOC)
    assert gdoc.subtitle == "Draft briefing for the Communities Scrutiny Panel"
    assert gdoc.date == "2026-01-12"
    assert [n.number for n in gdoc.notes] == [1, 2, 3, 4, 5]
    assert gdoc.notes[2].text.startswith("Online survey, 4 to 25 November 2025")
    assert sentence(GDOC, "At the end of 2025 there were 2,318")[1] == (1,)
    assert sentence(GDOC, "The Allotments Act 1908")[1] == (2,)
    assert sentence(GDOC, "Asked why they wanted a plot")[1] == (3,)
    assert sentence(GDOC, "Dividing full plots")[1] == (4,)
    assert sentence(GDOC, "A full plot costs 68 pounds")[1] == (5,)
    assert sentence(GDOC, "Laying it out as 90 plots")[1] == ()
    assert {q.speaker for q in gdoc.quotes} == {"Margaret Ellwood", "Ruth Abernethy"}
    assert section_of(GDOC, "The council owns 3.2 hectares") == (
        "Option 2: A new site at Crane Fields"
    )


def test_the_gdoc_title_is_its_title_paragraph() -> None:
    """<p class="title"> is the document's title; the first heading ("Summary") is not, and the
    title is not a body sentence."""
    assert doc(GDOC).title == "Growing Pains: Allotment Waiting Lists in Eldermoor"
    assert "Growing Pains: Allotment Waiting Lists in Eldermoor" not in texts(GDOC)


def test_the_gdoc_summary_heading_heads_its_section() -> None:
    """ "Summary" is the first h1: the sentences under it are in the section "Summary"."""
    assert doc(GDOC).sections[0] == "Summary"
    assert section_of(GDOC, "Eldermoor City Council runs 27") == "Summary"


def test_the_gdoc_prepared_by_line_gives_the_authors() -> None:
    """ "Prepared by Hannah Okonjo and Felix Arbuthnot, Scrutiny Support Team" is the byline:
    two authors (the team is no author) and no sentence."""
    assert doc(GDOC).authors == ("Hannah Okonjo", "Felix Arbuthnot")
    assert not any(t.startswith("Prepared by") for t in texts(GDOC))


def test_the_gdoc_comments_are_not_text() -> None:
    """The comment threads at the very end (<a href="#cmnt_ref1">[a]</a>Felix: …, "_Assigned
    to Hannah Okonjo_", [b]Hannah: … 380,000 pounds …) are editors' comments, not the document:
    no sentence holds them, and the body sentences carry no "[a]"/"[b]" anchors."""
    for t in texts(GDOC):
        assert not any(
            w in t for w in ("Felix:", "Hannah:", "Assigned to", "[a]", "[b]", "estates team")
        ), t


def test_the_gdoc_link_in_a_note_is_its_target_not_googles_redirect() -> None:
    """Docs wraps every link as https://www.google.com/url?q=TARGET&sa=D&…; note 4's link is
    its target, https://example.org/allotments."""
    assert doc(GDOC).notes[3].url == "https://example.org/allotments"


# --- the Obsidian note (markdown reader) --------------------------------------------------------
def test_the_note_front_matter_sections_table_and_tasks() -> None:
    note = doc(NOTE)
    assert note.title == "Heat pump grants — what the rural pilot showed"
    assert note.authors == ("Ines Calloway",)
    assert note.sections == (
        "Context",
        "What happened",
        "Who it reached",
        "Open questions",
        "My take",
    )
    body = " ".join(texts(NOTE))
    assert "Corrow Vale" in body and "290 pounds" in body and "31,400 pounds" in body
    assert "Ask the agency whether the 216 unfinished surveys were followed up" in texts(NOTE)
    assert not any(t.startswith(("- [", "[x]", "[ ]", "|")) for t in texts(NOTE))


def test_the_note_date_is_its_created_date() -> None:
    """Front matter "created: 2025-11-18" (with "updated: 2025-12-02") dates the note."""
    assert doc(NOTE).date == "2025-11-18"


def test_the_note_wikilinks_read_as_their_shown_text() -> None:
    """[[Page]] reads as "Page" and [[Page|alias]] as "alias", as Obsidian shows them."""
    assert not any("[[" in t or "]]" in t for t in texts(NOTE))
    assert sentence(NOTE, "The Westfold Rural Heat Pump Pilot paid grants")[0]
    assert sentence(NOTE, "It sits alongside the national BUS, which paid 7,500 pounds")[0]


def test_the_note_navigation_lines_are_no_subtitle_and_no_text() -> None:
    """ "Links: [[Home energy MOC]] · …" under the title and "Related: [[…]], [[…]]" at the end
    are navigation: no subtitle, no sentence."""
    note = doc(NOTE)
    assert note.subtitle is None
    assert not any(t.startswith(("Links:", "Related:")) for t in texts(NOTE))


def test_the_note_tags_are_not_text() -> None:
    """The tag line "#energy #heat-pumps #rural" is no sentence, and the inline tags closing a
    paragraph ("… in the same districts. #cost", "… of the pilot. #equity") are not in it."""
    body = texts(NOTE)
    assert not any(t.startswith("#") for t in body)
    assert "That is the single strongest result of the pilot." in body
    assert any(t.endswith("under the national scheme in the same districts.") for t in body)


def test_the_note_quote_callout_is_a_quote_by_the_person_in_its_title() -> None:
    """ "> [!quote] Gareth Penhaligon, Westfold Installers' Network" then the quoted words: a
    quote by Gareth Penhaligon; the callout's title line is not a sentence."""
    note = doc(NOTE)
    assert any(
        q.speaker == "Gareth Penhaligon"
        and q.text.startswith("The free survey did more than the extra money.")
        for q in note.quotes
    )
    assert not any(t.startswith("Gareth Penhaligon,") for t in texts(NOTE))


def test_the_note_callout_titles_are_not_sentences() -> None:
    """ "> [!info] Source" and "> [!warning] Caveat": "Source" and "Caveat" are the boxes'
    labels, not sentences."""
    body = texts(NOTE)
    assert "Source" not in body and "Caveat" not in body


def test_the_note_written_quote_has_its_author_as_speaker() -> None:
    """The evaluation's lead author, Dr Sunita Reddy, … she wrote that "the higher grant mattered
    most for the poorest households, …": a quote by (Dr) Sunita Reddy."""
    assert any(
        (q.speaker or "").endswith("Sunita Reddy")
        and "the higher grant mattered most for the poorest households" in q.text
        for q in doc(NOTE).quotes
    )


# --- the consultation response (plain-text reader) ----------------------------------------------
def test_the_response_date_markers_table_rows_and_named_respondents() -> None:
    response = doc(RESPONSE)
    assert response.date == "2025-11-17"
    assert sentence(RESPONSE, "In a 2024 survey by the Department")[1] == (1,)
    assert [
        tuple(s.notes) for s in response.sentences if "costs on average 5,400 pounds" in s.text
    ] == [(2,)]
    assert "Disability organisations — Option 1 2; Option 2 6; Option 3 91; None 1." in (
        texts(RESPONSE)
    )
    speakers = {q.speaker for q in response.quotes}
    assert "Road Users' Federation" in speakers
    assert any(
        q.speaker == "one county council" and q.text.startswith("A national ban is the only")
        for q in response.quotes
    )


def test_the_response_title_block_gives_title_and_publisher() -> None:
    """Title block: "Department for Local Transport and Communities" (the publisher),
    "Pavement Parking: Options for Change" (the title), "Summary of Responses and Government
    Response" (the subtitle)."""
    response = doc(RESPONSE)
    assert response.title == "Pavement Parking: Options for Change"
    assert response.publication == "Department for Local Transport and Communities"
    assert response.subtitle == "Summary of Responses and Government Response"


def test_the_response_reference_number_is_its_series() -> None:
    """ "Reference: DLTC/2025/0412" in the title block is the document's reference number."""
    assert doc(RESPONSE).series == "DLTC/2025/0412"


def test_the_response_question_and_annex_headings_are_no_speakers() -> None:
    """ "Question 3: Which of the three options do you prefer?" and "Annex A: List of
    organisational respondents" are headings, not turns: no sentence or quote is theirs
    (today every paragraph is a "quote" by "Annex A" or "Question N")."""
    response = doc(RESPONSE)
    for s in response.sentences:
        assert not (s.speaker or "").startswith(("Annex", "Question")), s
    for q in response.quotes:
        assert not (q.speaker or "").startswith(("Annex", "Question")), q


def test_the_response_ministers_quote_is_his() -> None:
    """ "Lord Ashdown-Pearce, Minister for Local Transport, said: "Pavements are for people. …"":
    the speaker is Lord Ashdown-Pearce, not the end of his job title."""
    assert any(
        q.speaker == "Lord Ashdown-Pearce" and q.text.startswith("Pavements are for people.")
        for q in doc(RESPONSE).quotes
    )
    assert not any(q.speaker == "Local Transport" for q in doc(RESPONSE).quotes)


def test_the_response_paragraph_numbers_are_not_in_the_sentences() -> None:
    """ "1.1 On 3 March 2025 …", "3.5 Option 3, …": the paragraph number is no part of the
    sentence."""
    body = texts(RESPONSE)
    assert (
        "On 3 March 2025 the Department launched a 12-week consultation on pavement parking in "
        "England outside London."
    ) in body
    assert not any(re.match(r"\d\.\d ", t) for t in body)


def test_the_response_contents_list_is_not_text_and_the_headings_are_sections() -> None:
    """The "Contents" list is furniture; "1. Introduction" … "4. Next steps" and the
    "Question N: …" headings head their sections (today the only sections are "Contents" and
    "Notes", and the numbered headings are sentences)."""
    response = doc(RESPONSE)
    assert "Contents" not in response.sections
    assert not any(re.fullmatch(r"\d\. [A-Z][a-z ]+", t) for t in texts(RESPONSE))
    for heading in ("Introduction", "Overview of responses", "Next steps"):
        assert any(s.endswith(heading) for s in response.sections), heading
    assert [
        s.section
        for s in response.sentences
        if "Motoring organisations mostly favoured option 2." in s.text
    ] == ["Question 3: Which of the three options do you prefer?"]


def test_the_response_notes_list_gives_the_notes() -> None:
    """ "Notes" then "[1] Department for …, Accessible Streets Survey 2024, 2,150 respondents."
    and "[2] Figures from 37 local authorities …": two notes, not body sentences."""
    response = doc(RESPONSE)
    assert [n.number for n in response.notes] == [1, 2]
    assert response.notes[0].text.startswith(
        "Department for Local Transport and Communities, Accessible Streets Survey 2024"
    )
    assert not any(t.startswith("[") for t in texts(RESPONSE))


def test_the_response_table_title_is_not_glued_to_the_first_row() -> None:
    """ "Table 1: Preferred option, by type of respondent (per cent)" is the table's title; the
    first row ("Individuals — Option 1 10; …") is a row of its own."""
    body = texts(RESPONSE)
    assert not any(t.startswith("Table 1:") and "Individuals" in t for t in body)
    assert any(t.startswith("Individuals") for t in body)


def test_the_response_annex_names_and_footer_are_not_one_sentence() -> None:
    """The annex lists names under three group headings, one to a line; the "© Crown copyright"
    licence line, the address and "DLTC/2025/0412 … Page 1 of 1" are the document's footer,
    not text. No sentence runs the names together or holds the footer."""
    for t in texts(RESPONSE):
        assert not ("Ambridge District Council" in t and "Wrexley City Council" in t), t
        assert not any(w in t for w in ("Crown copyright", "Page 1 of 1", "Marsham Row")), t
