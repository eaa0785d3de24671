"""Held-out set W: ingest of five documents in kinds the project had not met.

tests/data/heldout_w/ holds an international organisation's working paper PDF (made by
make_wp_pdf.py: title page, an inside-cover disclaimer box, an executive summary, paragraph
numbers in the margin, footnotes with "See" cross references, a running footer with the code
"WP/25/118", an annex "Table A1"), a saved opinion column from a regional paper (kicker with the
column's name, headshot, bio line, a newsletter box mid-article, "Letters in response" signed
"Name, Town"), a Markdown write-up of a conference keynote (speaker named in the intro,
blockquotes closed by "— Name", a "**Q (Name, Org):**" / "**A:**" Q&A, "(slide 12)" references,
an "**Event:**" date/venue line), a plain-text statistics release ("Main points" bullets with
95% confidence intervals, a revisions note, "Next release:", a contact block) and a plain-text
joint statement with a preamble, numbered commitments and a "Signatories" list of
"Name, Title, Organisation" lines. tests/data/queries_heldout_w.jsonl (38 queries) was written
and committed before anything was run. What the readers get right is asserted; each fault found
is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_w"
PAPER = "remittance-costs-wp.pdf"
COLUMN = "bus-cuts-column.html"
TALK = "heat-pumps-talk.md"
RELEASE = "labour-market-release.txt"
STATEMENT = "river-statement.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_w_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 30/38 here (no word vectors)
    and 30/38 from `bot eval` on a built index. Misses (bot eval): w07 "who wrote ..." (the paper's
    "Prepared by" line gives no authors, a fault below); w16 and w36, whose golds were written
    with the trailing comma inside the closing quotation mark while the quote text is read,
    rightly, without it (a slip in the gold, left as written); and ranking misses: w01 (the
    numbered paragraph 3 outranks the summary's sentence), w03 (typo, the summary's
    "raised fees" sentence outranks paragraph 5), w19, w25 (a methodology sentence on
    "confidence intervals" outranks the main point), w35 (the preamble outranks "Funding")."""
    first, total = right_first(searcher(), DATA / "queries_heldout_w.jsonl")
    assert first >= 32, f"held-out W R@1 fell to {first}/{total}"


# --- the working paper (pdf reader) -------------------------------------------------------------
def test_the_paper_title_subtitle_date_publisher_and_sections() -> None:
    paper = doc(PAPER)
    assert paper.title == "The Cost of Sending Money Home"
    assert paper.subtitle == "Remittance Fees and Digital Channels in Small Island Economies"
    assert paper.date == "2025-06"
    assert paper.publication == "International Monetary Cooperation Fund"
    for heading in (
        "Executive Summary",
        "I. Introduction",
        "II. Fees and Channels",
        "III. Household Evidence",
        "IV. Policy Options",
    ):
        assert heading in paper.sections


def test_the_paper_footnotes_are_joined_and_the_running_footer_is_not_text() -> None:
    paper = doc(PAPER)
    assert [n.number for n in paper.notes] == [1, 2, 3, 4]
    notes = {n.number: n.text for n in paper.notes}
    assert notes[1] == "See Section III for the household survey and its weighting."
    assert notes[4].startswith("See IMCF (2023), Policy Paper PP/23/41")
    assert sentence(PAPER, "For the poorest fifth")[1] == (1,)
    assert sentence(PAPER, "We combine quarterly price data")[1] == (2,)
    assert sentence(PAPER, "The fall was slowest")[1] == (3,)
    body = texts(PAPER)
    assert not any("WP/25/118" in t for t in body)
    assert not any(t.startswith("See ") for t in body)


def test_the_paper_annex_table_is_a_caption_and_rows() -> None:
    paper = doc(PAPER)
    caps = [s for s in paper.sentences if s.kind == "caption"]
    assert [c.text for c in caps] == [
        "Table A1. Remittance Costs by Channel, 2024 (percent of 200 US dollars sent)"
    ]
    assert caps[0].credit == "Source: IMCF Remittance Prices Database; authors' calculations."
    assert "Mobile wallet — Q1 4.3; Q2 4.2; Q3 4.0; Q4 3.9." in texts(PAPER)


def test_the_paper_authors_are_the_prepared_by_line() -> None:
    """The title page reads "Prepared by Amara Okonjo-Lindqvist and Rafael Teixeira Moniz":
    those two are the authors, in that order (IMF-style working papers use "Prepared by")."""
    assert doc(PAPER).authors == ("Amara Okonjo-Lindqvist", "Rafael Teixeira Moniz")


def test_the_paper_series_is_its_working_paper_code() -> None:
    """ "Working Paper WP/25/118" under the masthead (and in every page's running footer) is the
    paper's series/number."""
    series = doc(PAPER).series
    assert series is not None and "WP/25/118" in series


def test_the_paper_disclaimer_box_is_not_body_text() -> None:
    """The bordered box on page 2 ("IMCF Working Papers describe research in progress ... The
    views expressed ... do not necessarily represent the views of the IMCF ...") is boilerplate
    of the series, not the paper's content: no sentence of it is a body sentence."""
    for s in doc(PAPER).sentences:
        if s.kind == "body":
            assert "do not necessarily represent" not in s.text
            assert not s.text.startswith("IMCF Working Papers describe")


def test_the_paper_jel_keywords_and_emails_are_no_section_or_text() -> None:
    """ "JEL Classification Numbers: F24, G21, O16", "Keywords: ..." and "Authors' e-mail
    addresses: ..." on the inside cover are catalogue metadata: none is a section heading and
    none is a sentence."""
    paper = doc(PAPER)
    assert not any(s.startswith("JEL") for s in paper.sections)
    assert not any(t.startswith(("JEL", "Keywords:", "Authors' e-mail")) for t in texts(PAPER))


def test_the_paper_margin_paragraph_numbers_are_not_sentence_text() -> None:
    """Each numbered paragraph carries its number ("1.", "2.", ...) in the left margin; the
    number is furniture: the sentence is "Households in small island economies depend on money
    sent by relatives abroad.", not "1. Households ..."."""
    body = texts(PAPER)
    assert "Households in small island economies depend on money sent by relatives abroad." in body
    assert "Recipient households received 3,150 US dollars a year on median." in body
    assert not any(t[:1].isdigit() and t[1:3] == ". " for t in body)


# --- the opinion column (html reader) -----------------------------------------------------------
def test_the_column_metadata_quotes_and_the_newsletter_box_dropped() -> None:
    page = doc(COLUMN)
    assert page.title == "Cutting the 42 bus will cost this valley more than it saves"
    assert page.authors == ("Harriet Molyneux",)
    assert page.date == "2025-04-11"
    assert page.publication == "The Wensley Courier"
    assert page.sections == (
        "What the figures leave out",
        "There is another way",
        "Letters in response",
    )
    for t in texts(COLUMN):
        for furniture in (
            "Sign up",
            "newsletter",
            "Subscribe",
            "privacy",
            "Share on",
            "post office",
        ):
            assert furniture not in t
    speakers = {q.text: q.speaker for q in page.quotes}
    assert (
        speakers["about making every pound work harder for every resident."] == "Dennis Arkwright"
    )
    assert speakers["Within six months the morning runs were full."] == "Priya Raman"


def test_the_column_kicker_is_its_series() -> None:
    """ "Valley View", the kicker linked to /opinion/valley-view above the <h1>, is the name of
    the column: the article's series."""
    assert doc(COLUMN).series == "Valley View"


def test_the_column_bio_line_is_not_body_text() -> None:
    """ "Harriet Molyneux is a former parish councillor in Askby and writes Valley View every
    Friday." (p.bio inside the columnist box with the headshot) is page furniture about the
    author, not a sentence of the column."""
    assert not any(
        s.kind == "body" and s.text.startswith("Harriet Molyneux is a former parish councillor")
        for s in doc(COLUMN).sentences
    )


def test_the_column_letters_belong_to_their_signed_writers() -> None:
    """Each letter under "Letters in response" ends with a sign-off line "Name, Town"
    ("Margaret Ellory, Askby", "Graham Tolley, Wensley", "Kevin Broadbent, Thornside"). The
    sign-off is not a sentence; the letter's sentences are attributed to its writer (speaker
    or credit names them), e.g. "I drive the 42." to Kevin Broadbent."""
    page = doc(COLUMN)
    assert not any(
        t in ("Margaret Ellory, Askby", "Kevin Broadbent, Thornside") for t in texts(COLUMN)
    )
    by = {s.text: f"{s.speaker or ''} {s.credit or ''}" for s in page.sentences}
    assert "Margaret Ellory" in by["Without it she would be housebound."]
    assert (
        "Graham Tolley"
        in by["With respect to your columnist, the council has to balance its budget."]
    )
    assert "Kevin Broadbent" in by["I drive the 42."]


# --- the conference talk write-up (markdown reader) ---------------------------------------------
def test_the_talk_blockquotes_and_questions_have_their_speakers() -> None:
    talk = doc(TALK)
    assert (
        talk.title == "Heat pumps for terraced streets: notes from Joanna Reyes-Whitfield's keynote"
    )
    assert talk.sections == (
        "The problem with the terrace",
        "What it cost and what it saved",
        "Questions from the floor",
        "Takeaways",
    )
    assert sentence(TALK, "The terrace is the hardest house")[2] == "Joanna Reyes-Whitfield"
    assert sentence(TALK, "People expected cold houses.")[2] == "Joanna Reyes-Whitfield"
    assert sentence(TALK, "How did you deal with residents")[2] == "Tom Hadley"
    assert sentence(TALK, "Would you do it again")[2] == "Marcus Lee"
    assert not any(t.startswith("—") for t in texts(TALK))


def test_the_talk_byline_gives_author_and_date() -> None:
    """ "*Posted by Oliver Strand, 19 March 2025*" under the title is the byline: author Oliver
    Strand, date 2025-03-19, and it is no subtitle."""
    talk = doc(TALK)
    assert talk.authors == ("Oliver Strand",)
    assert talk.date == "2025-03-19"
    assert talk.subtitle is None


def test_the_talk_event_line_is_no_speaker() -> None:
    """ "**Event:** Retrofit Futures Conference 2025, 13 March 2025, Brabazon Hall, Bristol" is
    the event's date/venue line, not a turn: no quote has the speaker "Event", and the intro
    paragraph after it ("The opening keynote at this year's Retrofit Futures came from ...") is
    the writer's prose with no speaker."""
    talk = doc(TALK)
    assert not any(q.speaker == "Event" for q in talk.quotes)
    assert sentence(TALK, "The opening keynote")[2] is None


def test_the_talk_answers_are_the_keynote_speakers() -> None:
    """The "**A:**" answers in "Questions from the floor" are given by the keynote speaker the
    intro names, Joanna Reyes-Whitfield (the questioners are named in "**Q (Name, Org):**")."""
    assert sentence(TALK, "Landlords had to sign up")[2] == "Joanna Reyes-Whitfield"
    assert sentence(TALK, "If Warmstreets failed tomorrow")[2] == "Joanna Reyes-Whitfield"
    assert not any(q.speaker == "Interviewee" for q in doc(TALK).quotes)


# --- the statistics release (plain-text reader) -------------------------------------------------
def test_the_release_main_points_and_confidence_intervals_read_whole() -> None:
    body = texts(RELEASE)
    assert (
        "The unemployment rate was estimated at 3.8% (95% CI: 3.1 to 4.4), "
        "largely unchanged on the quarter." in body
    )
    assert (
        "Youth unemployment, for people aged 16 to 24 years, "
        "was estimated at 11.3% (95% CI: 8.9 to 13.7)." in body
    )
    assert sentence(RELEASE, '"The rise in employment is welcome')[0].endswith(
        "said Eilidh Strachan, head of labour market statistics."
    )
    assert {q.speaker for q in doc(RELEASE).quotes} == {"Eilidh Strachan"}
    assert not any(t.startswith(("Email:", "Telephone:", "Contact:")) for t in body)


def test_the_release_title_publisher_and_date() -> None:
    """ "Statistical bulletin" is the document type; the title is "Regional labour market: April
    2025"; the publisher "Northmark Office for Statistics"; "Release date: 15 May 2025" is the
    date."""
    release = doc(RELEASE)
    assert release.title == "Regional labour market: April 2025"
    assert release.publication == "Northmark Office for Statistics"
    assert release.date == "2025-05-15"


def test_the_release_header_block_is_no_sentence() -> None:
    """ "Release date: 15 May 2025", "Next release: 12 June 2025", "Official statistics" and
    "Northmark Office for Statistics" are separate header lines (metadata), and the "1." of
    "1. Main points" starts a heading: no sentence glues them together."""
    assert not any("Release date:" in t and "Official statistics" in t for t in texts(RELEASE))
    assert not any(t.endswith("Northmark Office for Statistics 1.") for t in texts(RELEASE))


def test_the_release_numbered_headings_are_sections() -> None:
    """ "1. Main points", "2. Employment", ... "6. Quality and methodology" (a number, a short
    line, a blank line before and after) are the release's sections, not sentences; the
    unemployment interval sentence is in section "Main points" (with or without the number)."""
    release = doc(RELEASE)
    names = [s.split(". ", 1)[-1] for s in release.sections]
    for h in ("Main points", "Employment", "Unemployment", "Revisions", "Quality and methodology"):
        assert h in names
    body = texts(RELEASE)
    assert "2. Employment" not in body and "Main points" not in body


def test_the_release_related_links_are_not_text() -> None:
    """The "7. Related links" list (three link titles, one a line) is furniture, and it is not
    glued to "Accredited official statistics.": no sentence starts "Labour market overview"."""
    assert not any(t.startswith("Labour market overview") for t in texts(RELEASE))


# --- the joint statement (plain-text reader) ----------------------------------------------------
def test_the_statement_commitments_funding_and_quotes() -> None:
    statement = doc(STATEMENT)
    assert statement.date == "2025-09-22"
    assert "The commitments are expected to cost about £86 million over five years." in texts(
        STATEMENT
    )
    speakers = {q.text: q.speaker for q in statement.quotes}
    assert speakers["Now we have to deliver it."] == "Helen Okafor"
    assert speakers[
        "want clean water as much as anyone, and we want the support to get there."
    ] == ("Jack Penrose")


def test_the_statement_title_is_its_capitalised_first_line() -> None:
    """The first line "JOINT STATEMENT ON THE RESTORATION OF THE RIVER ASHBOURNE" is the title
    (case aside); "Preamble" is the first section heading."""
    statement = doc(STATEMENT)
    assert statement.title.lower() == "joint statement on the restoration of the river ashbourne"
    assert "Preamble" in statement.sections


def test_the_statement_numbered_commitments_read_under_their_heading() -> None:
    """ "Our commitments" is a section heading; commitment 1 is the sentence "We will cut
    phosphorus ..." and no sentence is "Our commitments 1."; the items' numbers are list
    numbering, so no commitment sentence starts "2. " etc."""
    statement = doc(STATEMENT)
    assert "Our commitments" in statement.sections
    body = texts(STATEMENT)
    assert "Our commitments 1." not in body
    assert any(t.startswith("We will offer advice visits to every livestock farm") for t in body)


def test_the_statement_signatories_are_its_authors_not_a_sentence() -> None:
    """The "Signatories" lines ("Dr Helen Okafor, Chair, Ashbourne Rivers Trust", ... "Tomos
    Rhys, Secretary, Ashbourne Angling Association") sign the statement: the six named leaders
    are its authors, in order, and the list is not glued into a sentence with "Notes to editors"
    (itself a heading) and the note after it."""
    statement = doc(STATEMENT)
    surnames = ["Okafor", "Dearlove", "Banerjee", "Penrose", "Callan", "Rhys"]
    assert len(statement.authors) == 6
    assert all(s in a for s, a in zip(surnames, statement.authors, strict=True))
    body = texts(STATEMENT)
    assert not any("Simon Dearlove, Chief Executive" in t for t in body)
    assert "The Ashbourne Rivers Trust is a registered charity founded in 1998." in body
    assert "Notes to editors" in statement.sections
