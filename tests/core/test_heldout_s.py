"""Held-out set S: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_s/ holds a two-page magazine essay (made by make_night_bus_pdf.py: running
header "THE CIVIC QUARTERLY | Issue 58, Winter 2025", printed folios 34-35, a standfirst under the
title, a "By ..." line, a drop cap, two columns wrapping round a pull quote set across the gutter,
"* * *" section breaks, an italic bio line at the end), a saved Blogger post (blog name and
description above the post title, "Posted by ... on ...", footnotes as <sup><a href="#fn1"> with a
"Notes" list and "↩" back-links, a chart <figure> with caption and source, share buttons, labels,
an "About the author" box, comments, sidebar), a Markdown panel transcript ("**MODERATOR (Name):**"
and "**Name:**" turns, a "Panellists" list, "**Audience member:**" questions, "[inaudible]", an
edited-for-clarity note and a closing italic note), a book chapter exported as text ("CHAPTER 7",
title and subtitle, author, endnote numbers after punctuation, unmarked subheadings, a "Notes"
section with "Ibid." and shortened references) and a newspaper letters page (masthead and date,
"Letters", the write-to box, six letters with headlines and "Name, Town" signatures, a page footer).
tests/data/queries_heldout_s.jsonl (38 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_s"
ESSAY = "night-bus-essay.pdf"
BLOG = "allotment-waiting-lists.html"
PANEL = "social-care-panel.md"
CHAPTER = "flood-insurance-chapter.txt"
LETTERS = "herald-letters.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_heldout_s_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 24/38 here (no word vectors) and
    25/38 from `bot eval` on a built index. Misses (built): eight of the nine essay queries (its
    columns are read line by line across the gutter, so the answers are glued to the other
    column's lines; its quotes are not found; its author is not read), the letters page's N12
    taxi fare and recycling rate (headlines and signatures glued into the sentences round them)
    and its Dalloway quote (not found), and two paraphrases at rank 3 ("home carers paid for
    travel time between visits", "are new builds covered by Flood Re")."""
    first, total = right_first(searcher(), DATA / "queries_heldout_s.jsonl")
    assert first >= 32, f"held-out S R@1 fell to {first}/{total}"


# --- the magazine essay (pdf reader) ------------------------------------------------------------
def test_the_essay_reads_its_title_and_keeps_the_running_header_out() -> None:
    essay = doc(ESSAY)
    assert essay.title == "After Midnight: The Case for the Night Bus"
    assert not any("CIVIC QUARTERLY" in t or "Issue 58" in t for t in texts(ESSAY))


def test_the_essay_reads_down_each_column_round_the_pull_quote() -> None:
    # Two columns; a pull-quote box sits across the gutter and both columns are narrowed round it.
    # Each column is read top to bottom, the left one first; lines of the two columns are not
    # interleaved, and the paragraph that crosses the column foot goes on whole.
    body = texts(ESSAY)
    for whole in (
        "A survey by the regional transport authority in 2023 found that 64 per cent of "
        "passengers on night routes were travelling to or from work, against 18 per cent "
        "travelling for leisure.",
        "The remainder gave reasons ranging from caring duties to hospital visits.",
        "Across the eleven largest city regions, the number of night routes fell from 212 in "
        "2019 to 139 in 2022, a loss of about a third.",
        "The transport authority's own estimate is £38 million a year to restore the 2019 "
        "network in the eleven regions, or roughly £1.40 for every resident.",
        "The levy is £120 per employee per year and applies only to sites with more than 250 "
        "staff.",
        "The people who used to catch the routes that vanished now walk, take unlicensed "
        "minicabs, or simply turn down the shift.",
    ):
        assert whole in body, whole
    assert body.index("Not everyone is persuaded.") > body.index(
        "Set against the £1.2 billion spent on daytime bus support in the same regions, it is a "
        "small sum."
    )


def test_the_pull_quote_is_a_quote_of_its_named_speaker_not_headings() -> None:
    # '"The night shift is not a lifestyle choice. It is the economy, running on the last bus
    # home." — Priya Venkataraman' in large italic across the gutter: a pull quote, not headings
    # and not body text; the same words quoted in the prose are Priya Venkataraman's too.
    essay = doc(ESSAY)
    assert not any("lifestyle choice" in h or h == "Venkataraman" for h in essay.sections)
    pulls = [q for q in essay.quotes if q.text.startswith("The night shift is not a lifestyle")]
    assert pulls and all(q.speaker == "Priya Venkataraman" for q in pulls)
    assert not any("— Priya" in t for t in texts(ESSAY))


def test_the_essays_prose_quotes_have_their_speakers() -> None:
    speakers = {q.text: q.speaker for q in doc(ESSAY).quotes}
    assert (
        speakers[
            "If a warehouse needs staff at three in the morning, it can help pay for the bus that "
            "brings them"
        ]
        == "Graham Lowther"
    )


def test_the_standfirst_is_the_subtitle_not_a_heading() -> None:
    # the italic paragraph under the title is the standfirst: the subtitle (or lead), never a
    # section heading, and not cut at its line end ("... rides the late routes and | counts ...")
    essay = doc(ESSAY)
    assert not any(h.startswith("Cities have spent a decade") for h in essay.sections)
    assert essay.subtitle is not None and essay.subtitle.startswith("Cities have spent a decade")
    assert essay.subtitle.endswith("rides the late routes and counts who is on board.")
    assert "counts who is on board." not in texts(ESSAY)


def test_the_essays_author_is_its_byline() -> None:
    essay = doc(ESSAY)
    assert essay.authors == ("Nadia Okonkwo-Reyes",)
    assert "By Nadia Okonkwo-Reyes" not in essay.sections


def test_the_essays_publication_comes_from_the_running_header() -> None:
    # "THE CIVIC QUARTERLY | Issue 58, Winter 2025" heads both pages: the publication
    essay = doc(ESSAY)
    assert essay.publication is not None and essay.publication.lower() == "the civic quarterly"


def test_the_essays_date_is_the_issues_not_the_files() -> None:
    # the issue is "Winter 2025"; 2026-12-01 is only the CreationDate the PDF software stamped
    essay = doc(ESSAY)
    assert essay.date is not None and essay.date.startswith("2025")


def test_the_drop_cap_is_joined_to_its_word() -> None:
    body = texts(ESSAY)
    assert any(t.startswith("The N47 leaves the hospital stop at 1.12 a.m.") for t in body)
    assert not any(t.startswith("T he") for t in body)


def test_the_section_break_stars_are_not_text() -> None:
    assert not any(t.startswith("*") or "* *" in t for t in texts(ESSAY))


def test_the_essays_pages_are_its_printed_folios() -> None:
    # the magazine prints 34 and 35 at the foot of its pages: a citation gives p. 34
    essay = doc(ESSAY)
    pages = [s.page for s in essay.sentences if "Night networks were cut hard" in s.text]
    assert pages and all(p == "34" for p in pages)
    assert {s.page for s in essay.sentences} <= {"34", "35"}


# --- the blog post (html reader) ----------------------------------------------------------------
def test_the_blog_reads_byline_date_footnotes_caption_and_quotes() -> None:
    post = doc(BLOG)
    assert post.authors == ("Callum Fairweather",)
    assert post.date == "2025-06-18"
    assert post.publication == "Green Ground"
    for heading in ("Where the plots went", "What the waiting costs", "What could change"):
        assert heading in post.sections
    assert sentence(BLOG, "A freedom of information survey")[1] == (1,)
    assert sentence(BLOG, "Councils have a legal duty")[1] == (2,)
    assert sentence(BLOG, "Between 1996 and 2022")[1] == (3,)
    assert sentence(BLOG, "The Society estimates")[1] == (4,)
    notes = {n.number: n.text for n in post.notes}
    assert notes[4] == "The estimate assumes 20 hours of work a month from March to October."
    assert not any("↩" in n for n in notes.values())
    (cap,) = [s for s in post.sentences if s.kind == "caption"]
    assert cap.text == "Names on council allotment waiting lists in England, 2011–2024."
    assert cap.credit == "Source: National Allotment Society FOI surveys."
    speakers = {q.text: q.speaker for q in post.quotes}
    assert speakers["We have 340 people waiting for 96 plots"] == "Margaret Oduya"


def test_the_blogs_furniture_is_not_text() -> None:
    body = " ".join(texts(BLOG))
    for furniture in (
        "Share to",
        "BlogThis",
        "Labels:",
        "Powered by Blogger",
        "Popular Posts",
        "Anonymous said",
        "About the author",
        "Posts (Atom)",
        "Subscribe",
    ):
        assert furniture not in body, furniture


def test_the_blog_posts_title_is_the_post_title_not_the_blog_name() -> None:
    # <h1 class="blog-title">Green Ground</h1> and its description are the blog's masthead; the
    # post is <h2 class="post-title">, also in og:title: that is the title, and not a section
    post = doc(BLOG)
    assert post.title == "Why allotment waiting lists are longer than ever"
    assert post.subtitle != "Notes on land, food and the places in between"
    assert "Why allotment waiting lists are longer than ever" not in post.sections


# --- the panel transcript (markdown reader) -----------------------------------------------------
def test_the_panel_reads_its_date_turns_and_speakers() -> None:
    panel = doc(PANEL)
    assert panel.title == "Who Cares? Fixing the Social Care Workforce"
    assert panel.date == "2025-10-22"
    assert sentence(PANEL, "Helen, how many care jobs")[2] == "Simon Achterberg"
    assert sentence(PANEL, "Around 28 per cent of care workers")[2] == "Dr Helen Abara"
    assert sentence(PANEL, "Last year we spent £47,000")[2] == "Tomasz Wiśniewski"
    assert sentence(PANEL, "We pay £1,010 a week")[2] == "Cllr Ruth Daventry"
    assert sentence(PANEL, "Eleven of my staff")[2] == "Tomasz Wiśniewski"
    assert "Questions from the floor" in panel.sections
    assert not any("**" in t or t.startswith("MODERATOR") for t in texts(PANEL))


def test_the_panels_turns_are_not_under_the_panellists_heading() -> None:
    # "## Panellists" heads the cast list only; the discussion after the "---" rule is not part
    # of it (no section, or a section of its own)
    panel = doc(PANEL)
    for s in panel.sentences:
        if s.text.startswith(("Helen, how many care jobs", "Adult social care is already")):
            assert s.section != "Panellists"


def test_the_panellists_list_is_a_cast_list_not_body_text() -> None:
    # "- **Tomasz Wiśniewski** – Registered manager, Larchfield Care Home" and the moderator line
    # name who speaks (as a transcript header's cast list does); they are not sentences to cite
    body = texts(PANEL)
    assert not any(t.startswith("Tomasz Wiśniewski – Registered manager") for t in body)
    assert not any(t.startswith("Moderator: Simon Achterberg") for t in body)


def test_audience_questions_are_turns_of_an_audience_member() -> None:
    # "**Audience member:** What about visas? ..." is a turn: the label is not text, and the
    # question is not the previous speaker's (Cllr Ruth Daventry's)
    panel = doc(PANEL)
    assert not any(t.startswith("Audience member:") for t in texts(PANEL))
    for s in panel.sentences:
        if s.text.startswith(("What about visas?", "Half the staff in my mother")):
            assert s.speaker in (None, "Audience member")
    assert not any(
        q.speaker == "Cllr Ruth Daventry" and "visas" in q.text and "Audience" in q.text
        for q in panel.quotes
    )


def test_the_transcripts_closing_note_is_nobodys_words() -> None:
    # "*Transcript prepared by the Westmarch Policy Forum. ...*" after the last turn is an
    # editorial note, not a quotation of Simon Achterberg
    panel = doc(PANEL)
    assert not any(q.text.startswith("Transcript prepared") for q in panel.quotes)
    assert all(
        s.speaker is None for s in panel.sentences if s.text.startswith("Transcript prepared")
    )


# --- the book chapter (text reader) -------------------------------------------------------------
def test_the_chapter_reads_its_author_endnotes_and_ibid() -> None:
    chapter = doc(CHAPTER)
    assert chapter.authors == ("Eleanor Strachan",)
    assert sentence(CHAPTER, "When the Severn burst its banks")[1] == (1,)
    text, notes, _, _ = sentence(CHAPTER, "The levy raises £180 million a year")
    assert notes == (3,) and text.endswith("by 2023.")
    assert sentence(CHAPTER, "By law it closes in 2039")[1] == (4,)
    assert sentence(CHAPTER, "In its first transition plan")[1] == (5,)
    assert sentence(CHAPTER, "As the Environment Agency's own scenarios")[1] == (12,)
    by_number = {n.number: n for n in chapter.notes}
    assert len(by_number) == 12
    assert by_number[4].refers_to == 3 and by_number[4].page == "21"
    assert by_number[12].refers_to == 11 and by_number[12].page == "31"
    assert by_number[6].text == (
        "Climate Change Committee, Progress in Adapting to Climate Change: 2021 Report to "
        "Parliament (London, 2021), p. 143."
    )
    assert not any(t.startswith(("1. Worcestershire", "Notes")) for t in texts(CHAPTER))


def test_the_chapters_title_is_its_name_not_its_number() -> None:
    chapter = doc(CHAPTER)
    assert chapter.title == "Who Pays When the River Rises?"
    assert chapter.subtitle == "Flood Insurance and the Limits of Pooling"


def test_the_chapters_subheadings_are_sections() -> None:
    # "The trouble with the transition", "Resistance and resilience" and "Building in the wrong
    # place" stand alone on their lines between blank lines, as "Conclusion" does
    chapter = doc(CHAPTER)
    for heading in (
        "The trouble with the transition",
        "Resistance and resilience",
        "Building in the wrong place",
    ):
        assert heading in chapter.sections
    body = texts(CHAPTER)
    assert "The second route has the most support." in body
    assert "The third route is the least discussed." in body
    assert [
        s.section for s in chapter.sentences if s.text.startswith("Homes built after 1 January")
    ] == ["Building in the wrong place"]


def test_a_shortened_reference_refers_to_its_full_note() -> None:
    # note 8 "Flood Re, Annual Report 2022-23, p. 34." shortens note 3 "Flood Re, Annual Report
    # and Accounts 2022-23 (London, 2023), p. 18.", as "Ibid." notes refer to theirs
    note = {n.number: n for n in doc(CHAPTER).notes}[8]
    assert note.refers_to == 3 and note.page == "34"


# --- the letters page (text reader) -------------------------------------------------------------
def test_the_letters_page_reads_its_date_and_letter_bodies() -> None:
    page = doc(LETTERS)
    assert page.date == "2025-11-08"
    assert "Letters" in page.sections
    body = texts(LETTERS)
    assert (
        "When Hebden Cross pedestrianised its market square in 2019, footfall rose by 14 per "
        "cent in the first year and three new independent shops opened."
    ) in body
    assert "The county now transports 1,240 children" in " ".join(body)
    assert "Swift numbers in the UK have fallen by 62 per cent since 1995" in " ".join(body)


def test_each_letters_headline_is_its_section_and_not_text() -> None:
    # every letter opens with a headline on a line of its own; it heads the letter's sentences
    page = doc(LETTERS)
    for headline in (
        "Night buses are a lifeline, not a luxury",
        "A false choice on the high street",
        'Response to "The quiet crisis in school transport"',
        "Swifts need bricks, not sympathy",
        "Recycling figures do not add up",
    ):
        assert headline in page.sections, headline
        assert not any(t.startswith(headline) for t in texts(LETTERS)), headline
    assert [
        s.section for s in page.sentences if s.text.startswith("The county now transports")
    ] == ['Response to "The quiet crisis in school transport"']


def test_the_signature_lines_are_not_section_headings() -> None:
    # "Janet Pilling, Eastfield" signs the letter above it: it is not a heading of the letter
    # below (nor any heading), e.g. the Hebden Cross sentence is not under Janet Pilling
    page = doc(LETTERS)
    for signature in (
        "Janet Pilling, Eastfield",
        "Dr Anil Sethi, Westmarch Civic Society, Westmarch",
        "Carol Brennan, Chair, Westmarch Parent Carers Forum, Westmarch",
        "Gillian Okafor, Northgate",
    ):
        assert signature not in page.sections, signature


def test_the_letters_pages_publication_is_the_masthead() -> None:
    page = doc(LETTERS)
    assert page.publication is not None and page.publication.lower() == "the westmarch herald"
    assert page.title == "Letters"


def test_the_letters_pages_furniture_is_not_text() -> None:
    body = " ".join(texts(LETTERS))
    assert "Write to:" not in body
    assert "Letters may be edited for length" not in body
    assert "page 22" not in body


def test_the_dalloway_quote_is_found_with_its_speaker() -> None:
    # 'May I add a word to your obituary of Frank Dalloway ...? ... He spotted me at the back,
    # came over at the end and said: "Write it straight, lad, ..."': He is Frank Dalloway
    speakers = {q.text: q.speaker for q in doc(LETTERS).quotes}
    assert (
        speakers["Write it straight, lad, and ring me if you get anything wrong."]
        == "Frank Dalloway"
    )
