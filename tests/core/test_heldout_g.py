"""Held-out set G: ingest of five documents on health, transport and public finance.

tests/data/heldout_g/ holds a four-page two-column PDF research briefing (cover block, one-column
summary box, contents list, header line, "Page N of M" footer, a full-width table of yearly
spending, a "Box 1:" sidebar, superscript endnote markers and "Endnotes" at the end; made by
make_transport_briefing_pdf.py), a saved magazine Q&A interview page (kicker, deck, "Interview
by" byline, photo with caption and credit, bold questions, unlabelled answers, two pull quotes,
bio, comments, footer), a Markdown newsletter issue (italic "By ... | date" line, a table,
reference links, hand-written "¹" footnotes with a "Notes" list, a block quote signed "— Name,
Role"), a transport authority's press conference transcript ("Q (Name, Outlet):" turns, answers
labelled by surname, "(crosstalk)") and a CMS op-ed export (kicker, byline and role line,
"Published:" line, "LONDON —" dateline, a correction notice, a copyright footer).
tests/data/queries_heldout_g.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_g"
BRIEF = "patient-transport-briefing.pdf"
PAGE = "rural-buses-interview.html"
LETTER = "ledger-weekly-health-budget.md"
PRESS = "mvta-press-conference.txt"
OPED = "oped-spending-rules.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def section_of(name: str, start: str) -> str:
    return _SET.one(name, start).section


def test_the_seventh_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 24/40 here (no word vectors)
    and 24/40 from `bot eval` on a built index. Misses from ingest faults: g03 (the late-arrival
    sentence is split by the table, see the xfail), g11 (the pull quote and the answers are not
    Imogen Faraday's). Ranking misses: g01, g02, g07, g21 (the table caption, the summary or a
    lookalike sentence first), g08, g25, g33, g40 (paraphrases and words the text does not use:
    "cheaper", "cash", "laid off", "price tag"), g14 and g17 (who took the photo, who
    interviewed: the caption comes first), g26 (when the newsletter was published), g32 and g34
    (a neighbouring answer first), g39 (the correction's first sentence, not its second).
    After its reading faults were fixed (g11's quote is Faraday's) and g17 ("who interviewed")
    and g26 (a newsletter issue's date) were understood, it is 27/40 here and built.
    29 once a caption's credit words find it ("source of … chart")."""
    first, total = right_first(searcher(), DATA / "queries_heldout_g.jsonl")
    assert first >= 29, f"seventh held-out R@1 fell to {first}/{total}"


# --- the two-column PDF briefing (pdf reader) ---------------------------------------------------
def test_the_briefing_cover_block_gives_its_metadata() -> None:
    brief = doc(BRIEF)
    assert brief.title == "Paying for Patient Transport"
    assert brief.subtitle == "Spending, delays and options for non-emergency journeys to hospital"
    assert brief.authors == ("Dr Helen Marsh", "Tobias Oyelaran")
    assert brief.publication == "Northmoor Assembly Research Service"
    assert brief.series == "Research Briefing 25/14"
    assert brief.date == "2025-04-03"


def test_the_briefing_summary_box_and_the_columns_read_in_order_with_markers() -> None:
    body = texts(BRIEF)
    assert body[0] == (
        "The health board spent 61.4 million pounds on non-emergency patient transport in "
        "2024-25, up from 42.7 million pounds in 2020-21."
    )
    assert section_of(BRIEF, "Roughly one journey in nine") == "Summary"
    assert sentence(BRIEF, "The service is run by the health board")[1] == (1,)
    assert sentence(BRIEF, "The number of journeys rose from 388,000")[1] == (2,)
    assert sentence(BRIEF, "The sharpest rise came in 2022-23")[1] == (3,)
    assert sentence(BRIEF, "A volunteer journey costs the board")[1] == (4,)
    assert sentence(BRIEF, "The first would pay operators partly")[1] == (6,)
    assert sentence(BRIEF, "Patients qualify on medical grounds alone")[1] == ()
    # the right column goes on from the left one
    assert body.index(
        "Most of the growth came from renal patients, who travel three times a "
        "week for dialysis and account for almost a quarter of all journeys."
    ) == (
        body.index(
            "The number of journeys rose from 388,000 in 2020-21 to 512,000 in 2024-25, an "
            "increase of 32 per cent, while the number of residents aged over 75 grew by 9 per "
            "cent."
        )
        + 1
    )
    assert all(s.page == "3" for s in doc(BRIEF).sentences if s.text.startswith("Three options"))


def test_the_briefing_header_line_and_footer_are_not_text() -> None:
    for t in texts(BRIEF):
        assert "Page " not in t and "Research Briefing 25/14" not in t, t
        assert not t.startswith("Northmoor Assembly Research Service"), t


def test_the_briefing_endnotes_are_notes_and_no_body_text() -> None:
    brief = doc(BRIEF)
    assert [n.number for n in brief.notes] == [1, 2, 3, 4, 5, 6]
    notes = {n.number: n.text for n in brief.notes}
    assert "at a rate of 2.85 pounds a mile, up from 2.31 pounds" in notes[3]
    assert notes[5].startswith("The audit sampled 4,812 journeys")
    assert "Endnotes" not in brief.sections
    assert not any(t.startswith(("The operators are", "The audit sampled")) for t in texts(BRIEF))


def test_the_briefing_box_table_caption_and_minister_quote() -> None:
    brief = doc(BRIEF)
    assert sentence(BRIEF, "Box 1: Who can use the service?")[3] == "caption"
    assert "In 2024 the board refused 14 per cent of booking requests on eligibility grounds." in (
        texts(BRIEF)
    )
    table = [s for s in brief.sentences if s.text.startswith("Table 1: Spending")]
    assert len(table) == 1 and table[0].kind == "caption"
    assert table[0].credit == "Source: Northmoor Health Board annual accounts"
    assert any(
        q.speaker == "Carys Pendle"
        and q.text == "We will not let a missed bus become a missed diagnosis"
        for q in brief.quotes
    )


def test_the_briefing_sentence_after_the_table_is_whole_and_holds_no_table_cells() -> None:
    """The left column ends "... reached the hospital after the" and the right column goes on
    "appointment time.⁵": one sentence "The board's own audit found that 11.2 per cent of
    journeys in 2024 reached the hospital after the appointment time.", citing note 5, in
    section "3. Delays and missed appointments". No sentence holds the table's cells."""
    text, notes, _, _ = sentence(BRIEF, "The board's own audit found")
    assert text == (
        "The board's own audit found that 11.2 per cent of journeys in 2024 reached the "
        "hospital after the appointment time."
    )
    assert notes == (5,)
    assert section_of(BRIEF, "The board's own audit found") == "3. Delays and missed appointments"
    assert not any(t.startswith("388,000") or "402,000 112" in t for t in texts(BRIEF))


def test_the_briefing_table_header_row_is_no_section() -> None:
    """Table 1's header row (Year | Spending (GBP m) | Journeys | Cost per journey (GBP)) is no
    heading: the sections are Summary, 1. to 4. (and no table cells), and "Late arrivals are not
    evenly spread ..." and "The Health Minister has said ..." are in "3. Delays and missed
    appointments"."""
    brief = doc(BRIEF)
    assert not any("Cost per journey" in s for s in brief.sections)
    for start in ("Late arrivals are not evenly spread", "The Health Minister has said"):
        assert section_of(BRIEF, start) == "3. Delays and missed appointments"


def test_the_briefing_table_rows_are_searchable() -> None:
    """Each row of Table 1 is kept as text that holds its year and its figures, e.g. the
    2022-23 row with 53.0 (GBP m), 448,000 journeys and 118 (GBP) a journey, so "spending in
    2022-23" can find 53.0."""
    body = texts(BRIEF)
    for year, spend, journeys, cost in (
        ("2020-21", "42.7", "388,000", "110"),
        ("2022-23", "53.0", "448,000", "118"),
        ("2024-25", "61.4", "512,000", "120"),
    ):
        assert any(year in t and spend in t and journeys in t and cost in t for t in body), year


def test_the_briefing_contents_list_is_no_text() -> None:
    """The "Contents" list on page 1 (section names with page numbers) is page furniture: no
    sentence holds it and "Contents" is no section."""
    brief = doc(BRIEF)
    assert "Contents" not in brief.sections
    assert not any("1 Background 2" in t or t.startswith("1 Background") for t in texts(BRIEF))


# --- the magazine Q&A interview (html reader) ---------------------------------------------------
def test_the_interview_page_metadata_and_caption() -> None:
    page = doc(PAGE)
    assert page.title == (
        '"A bus route is a health service": Imogen Faraday on the cost of cutting rural transport'
    )
    assert page.authors == ("Priya Anand",)
    assert page.date == "2025-03-22"
    assert page.publication == "Meridian Magazine"
    text, _, _, kind = sentence(PAGE, "Imogen Faraday at the bus stop in Hollins Cross")
    assert kind == "caption"
    caption = next(s for s in doc(PAGE).sentences if s.text == text)
    assert caption.credit is not None and "Leon Hartley" in caption.credit


def test_the_interview_questions_head_the_answers_and_the_furniture_is_gone() -> None:
    page = doc(PAGE)
    assert page.sections[0] == (
        "Why did you start counting hospital appointments rather than passengers?"
    )
    assert section_of(PAGE, "Less than they think.") == (
        "How much do councils actually save when a route goes?"
    )
    assert "I would call it a transfer." in texts(PAGE)
    furniture = (
        "Share on",
        "Subscribe",
        "Sign up",
        "Comments (38)",
        "Spot on",
        "methodology",
        "ghost stations",
        "public services editor",
        "Lanyard Press",
        "All rights reserved",
        "Cookie",
        "Photograph:",
    )
    for t in texts(PAGE):
        assert not any(word in t for word in furniture), t


def test_the_interview_pull_quotes_are_pull_quotes_of_answer_lines() -> None:
    pulls = {q.text for q in doc(PAGE).quotes if q.kind == "pull"}
    assert pulls == {
        "I would not call that a saving. I would call it a transfer.",
        "The seats were empty; the journeys were not trivial.",
    }
    assert texts(PAGE).count("The seats were empty; the journeys were not trivial.") == 1


def test_the_interview_pull_quotes_are_the_interviewees() -> None:
    """Both pull quotes repeat lines of Imogen Faraday's answers: their speaker is "Imogen
    Faraday", never the interviewer named in the "Interview by" byline."""
    for q in doc(PAGE).quotes:
        if q.kind == "pull":
            assert q.speaker == "Imogen Faraday", q


def test_the_interview_answers_are_spoken_by_the_interviewee() -> None:
    """In this Q&A the questions are bold and the answers carry no label: every answer
    sentence ("Less than they think.", "I would call it a transfer.", "Nobody yet wants it on
    their own balance sheet.") has the speaker "Imogen Faraday"; the intro and caption have
    none."""
    for start in ("Less than they think.", "I would call it a transfer.", "Nobody yet wants it"):
        assert sentence(PAGE, start)[2] == "Imogen Faraday", start
    assert sentence(PAGE, "Imogen Faraday has spent ten years")[2] is None


def test_the_interview_byline_block_is_no_sentence() -> None:
    """The byline (author, time, reading time) gives the author and the date; no sentence
    holds "Interview by", the printed time or "min read"."""
    for t in texts(PAGE):
        assert "Interview by" not in t and "min read" not in t and "07.00 GMT" not in t, t


def test_the_interview_deck_is_the_subtitle() -> None:
    """The standfirst under the headline is the article's subtitle."""
    assert doc(PAGE).subtitle == (
        "Councils have withdrawn a fifth of rural bus routes since 2015. The transport planner "
        "who has spent a decade counting who gets left behind explains why the savings are "
        "smaller than they look."
    )


# --- the Markdown newsletter (markdown reader) --------------------------------------------------
def test_the_newsletter_title_byline_date_sections_and_notes() -> None:
    letter = doc(LETTER)
    assert letter.title == "The Ledger Weekly: Where the Extra Health Money Went"
    assert letter.authors == ("Samuel Okafor",)
    assert letter.date == "2025-05-12"
    assert letter.sections == (
        "The headline figure",
        "Where it went",
        "Transport, the small line that matters",
        "What we still don't know",
        "Next week",
    )
    assert [n.number for n in letter.notes] == [1, 2, 3, 4, 5]
    assert "the target is 15 minutes" in letter.notes[2].text
    assert sentence(LETTER, "When the Chancellor announced")[1] == (1,)
    assert sentence(LETTER, "Strictly speaking")[1] == (2,)
    assert sentence(LETTER, "The median wait outside")[1] == (3,)
    assert sentence(LETTER, "Third, what happens to the weekend")[1] == (4,)
    assert sentence(LETTER, "The Institute for Fiscal Studies has argued")[1] == (5,)
    body = texts(LETTER)
    assert not any("¹" in t or "http" in t or "By Samuel" in t or "[returns]" in t for t in body)


def test_the_newsletter_table_rows_and_signed_block_quote() -> None:
    body = " ".join(texts(LETTER))
    assert "Patient transport and ambulance handover" in body and "85" in body
    assert sentence(LETTER, '"Every pound we put into handover')[2] == "Daniel Achebe"
    assert not any(t.startswith(("—", "Daniel Achebe")) for t in texts(LETTER))
    assert any(
        q.speaker == "Daniel Achebe" and q.text.startswith('"Every pound')
        for q in doc(LETTER).quotes
    )


def test_the_newsletter_treasurys_words_are_a_quote() -> None:
    """ "the Treasury described it as "the largest in-year increase in a decade"": a direct
    quote whose speaker is the Treasury."""
    assert any(
        q.text.strip('"') == "the largest in-year increase in a decade"
        and (q.speaker or "").removeprefix("the ").removeprefix("The ") == "Treasury"
        for q in doc(LETTER).quotes
    )


# --- the press conference transcript (transcript reader) ----------------------------------------
def test_the_press_conference_header_date_publication_and_officials() -> None:
    press = doc(PRESS)
    assert press.date == "2025-06-04"
    assert press.publication == "Metro Valley Transport Authority"
    assert {g.short: g.long for g in press.glossary}["MVTA"] == "Metro Valley Transport Authority"
    assert sentence(PRESS, "Good morning, and thank you")[2] == "Anita Brennan"
    assert sentence(PRESS, "That was our mistake")[2] == "Anita Brennan"
    assert sentence(PRESS, "About 14 million pounds.")[2] == "Marcus Oduya"
    assert sentence(PRESS, "We looked at breaking it early")[2] == "Marcus Oduya"
    for t in texts(PRESS):
        assert not any(
            w in t for w in ("crosstalk", "Press conference ends", "Date:", "Place:", "BRENNAN:")
        ), t
        assert not t.startswith(("Q (", "Speakers:", "TRANSCRIPT")), t


def test_the_press_conference_questions_belong_to_the_named_reporters() -> None:
    """ "Q (Name, Outlet):" names who asks: the question's speaker is the reporter (Helen Ward,
    Jamal Price, Tom Ashby), not "Interviewer"; a bare cut-off question keeps its asker."""
    assert sentence(PRESS, "Ms Brennan, you've just said")[2] == "Helen Ward"
    assert sentence(PRESS, "A question for Mr Oduya.")[2] == "Jamal Price"
    assert sentence(PRESS, "The 120 posts.")[2] == "Tom Ashby"
    assert sentence(PRESS, "Can I just come back on")[2] == "Helen Ward"


def test_the_press_conference_no_is_a_sentence_of_its_own() -> None:
    """ "No." ends a sentence (it is no "No." number abbreviation: no digit follows):
    "They are vacancies we will not fill." and "The concessionary pass is set nationally and it
    stays free at the point of use." are sentences."""
    body = texts(PRESS)
    assert "They are vacancies we will not fill." in body
    assert "The concessionary pass is set nationally and it stays free at the point of use." in (
        body
    )


# --- the CMS op-ed export (plain-text reader) ---------------------------------------------------
def test_the_oped_headline_byline_and_quote() -> None:
    oped = doc(OPED)
    assert oped.title == "Stop treating the bus fare and the hospital bill as strangers"
    assert oped.authors == ("Rachel Whitcombe",)
    assert not any("former Treasury economist" in t or t.startswith("By ") for t in texts(OPED))
    assert any(
        q.speaker == "Tom Hadley" and q.text.startswith("The bus doesn't know") for q in oped.quotes
    )
    assert "The correct figure is 28 per cent in real terms." in texts(OPED)


def test_the_oped_published_line_is_its_date_and_no_section() -> None:
    oped = doc(OPED)
    assert oped.date == "2025-05-19"
    assert not any(s.startswith("Published") for s in oped.sections)


def test_the_oped_kicker_is_no_subtitle() -> None:
    """ "Opinion" is the section kicker, not a subtitle: the column has no subtitle."""
    assert doc(OPED).subtitle is None


def test_the_oped_dateline_is_not_part_of_the_first_sentence() -> None:
    body = texts(OPED)
    assert body[0] == "Every spring, the same scene plays out in town halls across the country."
    assert not any(t.startswith("LONDON") for t in body)


def test_the_oped_footer_is_no_text() -> None:
    for t in texts(OPED):
        assert "©" not in t and "All rights reserved" not in t and " | " not in t, t


def test_the_oped_publication_is_the_outlet_in_the_footer() -> None:
    assert doc(OPED).publication == "The Northern Standard"


def test_the_oped_unnamed_officials_words_are_a_quote() -> None:
    """A direct quote attributed to a described, unnamed speaker is still a quote: its text is
    "We are saving pennies in one budget and spending pounds in another" and its speaker the
    description ("a senior official at a northern health board")."""
    assert any(
        "saving pennies in one budget" in q.text and "official" in (q.speaker or "")
        for q in doc(OPED).quotes
    )
