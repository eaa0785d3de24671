"""Held-out set E: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_e/ holds a two-column PDF policy brief with a sidebar box, endnotes at the end
and a running footer (made by make_brief_pdf.py), a saved CMS news page full of furniture, a
Markdown post with a setext title, an italic byline, a table and reference links, a plain-text
email newsletter export, and a podcast transcript with "HOST (Name):" / "GUEST:" turns.
tests/data/queries_heldout_e.jsonl (25 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_e"
BRIEF = "pollinator-corridors-brief.pdf"
PAGE = "city-trees-heat.html"
POST = "library-ebook-licences.md"
LETTER = "museums-newsletter.txt"
PODCAST = "ridgeline-mountain-rescue.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_fifth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 20/25 here (no word vectors) and
    21/25 from `bot eval` on a built index (the vectors find "chosen by lot" for "selected").
    Misses: a figure asked with its year, two paraphrases, a figure the host's introduction
    outranks. Since the Markdown table's rows are read (md3) it is 19/25 here and 20/25 built:
    e18 "how long do readers queue for popular e-books" lost its answer ("was 11 weeks") at
    confidence 0.399 against the 0.4 cut, as one more sentence says "E-book" (its weight fell);
    no table row outranks it. A ranking matter, left to the lead."""
    first, total = right_first(searcher(), DATA / "queries_heldout_e.jsonl")
    assert first >= 20, f"fifth held-out R@1 fell to {first}/{total}"


# --- the two-column PDF brief (pdf reader) ------------------------------------------------------
def test_the_brief_reads_across_its_two_columns_with_markers_and_pages() -> None:
    brief = doc(BRIEF)
    assert brief.title == "Pollinator Corridors on Public Land"
    assert brief.authors == ("Dr Maren Tullow", "Ishaan Prakash")
    for heading in ("Summary", "The decline", "What corridors do", "Costs", "Objections"):
        assert heading in brief.sections
    body = texts(BRIEF)
    # the column break falls mid-paragraph; the paragraph goes on whole
    assert (
        body.index(
            "Public land could help: the county owns 2,400 kilometres of road verge, "
            "and Network Rail manages another 380 kilometres of embankment in the "
            "county."
        )
        == body.index(
            "Their numbers have fallen for two decades, and the fall is steepest where fields are "
            "large and hedges are gone."
        )
        + 1
    )
    assert sentence(BRIEF, "Their numbers have fallen")[1] == (1,)
    assert sentence(BRIEF, "Small solitary bees")[1] == (2,)
    assert sentence(BRIEF, "Most are mown four or five")[1] == (3,)
    assert sentence(BRIEF, "Bee counts on the trial verges")[1] == (4,)
    assert sentence(BRIEF, "Removing the cuttings")[1] == (5,)
    assert sentence(BRIEF, "Signs that explain")[1] == (6,)
    # the running footer and the page number are not text
    assert not any("Policy Brief No. 7" in t and "Pollinator Corridors" in t for t in body)
    assert all(s.page == "1" for s in brief.sentences if s.text.startswith("First, the county"))


def test_the_brief_sidebar_box_stays_out_of_the_paragraphs_around_it() -> None:
    body = texts(BRIEF)
    assert "Species recorded in 2023: 171." in body
    assert "Verges managed for flowers today: 9 per cent." in body
    assert not any("Key figures" in t for t in body)
    assert any(t.startswith('"We never paid for pollination until 2015,"') for t in body)


def test_the_brief_quotes_have_their_speakers() -> None:
    speakers = {q.speaker for q in doc(BRIEF).quotes}
    assert "Lorna Abbey" in speakers
    assert any(s and s.endswith("Peter Nyland") for s in speakers)
    assert {g.short: g.long for g in doc(BRIEF).glossary}["EBRC"] == (
        "Eastmere Biological Records Centre"
    )


def test_the_brief_endnotes_at_the_end_are_notes_not_body_text() -> None:
    """The "Notes" list at the end (1. … 6., running over a column and a page) is the notes
    list: six notes with their text, none of them kept as a body sentence."""
    brief = doc(BRIEF)
    assert [n.number for n in brief.notes] == [1, 2, 3, 4, 5, 6]
    notes = {n.number: n.text for n in brief.notes}
    assert "62 fixed transects" in notes[2]
    assert notes[5].startswith("A cut-and-collect mower costs about 85,000 pounds")
    assert not any(
        t.startswith(("1. Eastmere", "2. EBRC", "The survey used")) for t in texts(BRIEF)
    )
    assert "Notes" not in brief.sections


def test_the_brief_subtitle_is_the_line_under_the_title_alone() -> None:
    assert doc(BRIEF).subtitle == (
        "How road verges and rail banks could carry wild bees across farmed counties"
    )


def test_the_brief_date_is_the_printed_month_not_the_files_creation_date() -> None:
    assert doc(BRIEF).date == "2025-03"


def test_the_brief_dateline_names_the_publisher_and_is_no_section() -> None:
    """ "Hollin Centre for Rural Policy | Policy Brief No. 7 | March 2025": the institute is the
    publication, the brief number its series; the line heads no section."""
    brief = doc(BRIEF)
    assert not any(s.startswith("Hollin Centre") for s in brief.sections)
    assert brief.publication == "Hollin Centre for Rural Policy"


# --- the CMS news page (html reader) ------------------------------------------------------------
def test_the_news_page_keeps_the_article_and_drops_the_furniture() -> None:
    page = doc(PAGE)
    assert page.title == "City trees cut street heat, but the canopy is shrinking"
    assert page.authors == ("Tomasz Wren",)
    assert page.date == "2025-06-14"
    assert page.publication == "The Civic Ledger"
    assert page.sections == (
        "A canopy in retreat",
        "Who lives without shade",
        "What the council proposes",
    )
    furniture = (
        "cookies",
        "Share",
        "Facebook",
        "Sign up",
        "newsletter",
        "Related",
        "Cool roofs",
        "environment correspondent",
        "min read",
        "All rights reserved",
        "About the author",
    )
    for t in texts(PAGE):
        assert not any(word in t for word in furniture), t


def test_the_news_page_notes_cite_the_sentences_their_markers_close() -> None:
    page = doc(PAGE)
    assert [n.number for n in page.notes] == [1, 2, 3, 4]
    assert "88 per cent, where residents signed up to water a tree" in page.notes[2].text
    assert not any("↩" in n.text for n in page.notes)
    assert sentence(PAGE, "Two blocks away")[1] == (1,)
    assert sentence(PAGE, "Streets with a full canopy")[1] == (2,)
    assert sentence(PAGE, "A sapling also takes")[1] == (3,)
    assert sentence(PAGE, "It would double the planting")[1] == (4,)
    assert sentence(PAGE, "On the hottest afternoon")[1] == ()


def test_the_news_page_block_quote_is_its_cited_speakers_and_the_caption_a_caption() -> None:
    page = doc(PAGE)
    assert sentence(PAGE, "We are asking the poorest streets")[2] == "Dr Amara Obi"
    assert {q.speaker for q in page.quotes} == {"Dr Amara Obi", "Hugo Marsh"}
    assert not any("public health consultant" in t for t in texts(PAGE))
    assert sentence(PAGE, "Carver Street, where the council")[3] == "caption"


# --- the Markdown post (markdown reader) --------------------------------------------------------
def test_the_post_gives_its_setext_title_italic_byline_notes_and_headings() -> None:
    post = doc(POST)
    assert post.title == "Why Libraries Pay Three Times for One E-book"
    assert post.authors == ("Greta Lindqvist",)
    assert post.sections == (
        "Counting the cost",
        "Why publishers meter",
        "The waiting list",
        "What could change",
    )
    assert [n.number for n in post.notes] == [1, 2, 3, 4]
    assert "Children's picture books last only about 35 loans." in post.notes[1].text
    assert sentence(POST, "In 2024 it spent 1.9 million")[1] == (1,)
    assert sentence(POST, "A draft law in the state of Westmark")[1] == (4,)
    body = texts(POST)
    assert not any("http" in t or "By Greta" in t or "=====" in t for t in body)
    assert {q.speaker for q in post.quotes} == {"Marcus Dell", "Ingrid Solberg"}


def test_the_post_date_line_gives_the_date_and_is_no_sentence() -> None:
    assert doc(POST).date == "2025-04-09"
    assert not any(t.startswith("Published 9 April") for t in texts(POST))


def test_the_post_italic_line_under_the_image_is_its_caption() -> None:
    assert sentence(POST, "A reader browses the consortium's")[3] == "caption"


def test_the_post_table_rows_are_searchable() -> None:
    """A figure only the table holds (the metered e-book's 58 euros, 2.23 euros a loan) can be
    found: each row is kept as text, in its section."""
    body = " ".join(texts(POST))
    assert "58 euros" in body and "2.23 euros" in body


# --- the email newsletter (plain-text reader) ---------------------------------------------------
def test_the_newsletter_body_sentences_and_the_chairs_quote() -> None:
    letter = doc(LETTER)
    assert letter.sections == (
        "THE FREE-ENTRY TRIAL",
        "A LETTER FROM A MEMBER",
        "DATES FOR YOUR DIARY",
    )
    assert any(
        q.speaker == "Beatrice Hallam" and q.text.startswith("Free entry brings")
        for q in letter.quotes
    )
    assert "School visits did best." in texts(LETTER)


def test_the_newsletter_title_is_its_subject_and_the_headers_are_not_text() -> None:
    letter = doc(LETTER)
    assert letter.title is not None and "visitor figures and the free-entry trial" in letter.title
    assert not (letter.subtitle or "").startswith("To:")
    assert not any(t.startswith(("From:", "To:", "Date:", "Subject:")) for t in texts(LETTER))


def test_the_newsletter_masthead_is_the_publication_not_an_author() -> None:
    letter = doc(LETTER)
    assert "NETWORK NEWS" not in letter.authors
    assert letter.publication == "Regional Museums Network"


def test_the_newsletter_date_is_the_date_header() -> None:
    assert doc(LETTER).date == "2025-03-06"


def test_the_newsletter_salutation_is_no_part_of_a_sentence() -> None:
    assert "The visitor figures for 2024 are in, and they are better than most of us feared." in (
        texts(LETTER)
    )


def test_the_newsletter_quoted_reply_lines_are_sentences_without_their_marks() -> None:
    letter = doc(LETTER)
    body = texts(LETTER)
    assert "Our tickets pay for the one full-time curator we have." in body
    assert not any(t.startswith(">") or " > " in t for t in body)
    assert not any(">" in q.text for q in letter.quotes)


def test_the_newsletter_signature_and_footer_are_not_sentences() -> None:
    for t in texts(LETTER):
        assert not any(
            w in t for w in ("Best wishes", "Tel:", "Unsubscribe", "receiving this email")
        )


def test_the_newsletter_bracket_endnotes_are_notes_cited_by_their_markers() -> None:
    letter = doc(LETTER)
    assert [n.number for n in letter.notes] == [1, 2, 3, 4]
    assert "chosen by lot" in letter.notes[1].text
    text, notes, _, _ = sentence(LETTER, "Their visitor numbers rose")
    assert notes == (2,) and "[2]" not in text
    assert not any(t.startswith("[") for t in texts(LETTER))


# --- the podcast transcript (transcript reader) -------------------------------------------------
def test_the_podcast_sentences_split_where_they_should() -> None:
    body = texts(PODCAST)
    assert any(
        t.endswith("We were called out 187 times in 2024, against 121 in 2019.") for t in body
    )
    assert any(
        t.endswith("Carry a paper map and a power bank, and tell someone where you're going.")
        for t in body
    )


def test_the_podcast_title_is_the_episode_title() -> None:
    podcast = doc(PODCAST)
    assert podcast.title is not None and "Who Answers the Call" in podcast.title
    assert podcast.date == "2025-01-21"
    assert not any(t.startswith("RIDGELINE") for t in texts(PODCAST))


def test_the_podcast_turns_belong_to_the_host_and_the_guest_by_name() -> None:
    """ "HOST (Nadia Ferrante):" names the host once; every later "HOST:" is hers, and the
    same for the guest. The labels are not part of the sentences."""
    assert sentence(PODCAST, "Welcome to Ridgeline")[2] == "Nadia Ferrante"
    assert sentence(PODCAST, "Let's start with the numbers")[2] == "Nadia Ferrante"
    assert sentence(PODCAST, "We were called out 187 times")[2] == "Callum Reid"
    assert sentence(PODCAST, "A new Land Rover")[2] == "Callum Reid"
    assert not any(t.startswith(("HOST", "GUEST")) for t in texts(PODCAST))


def test_the_podcast_stage_notes_are_not_text() -> None:
    for t in texts(PODCAST):
        assert not any(
            n in t for n in ("[music]", "[crosstalk]", "[pause]", "[END OF TRANSCRIPT]")
        ), t


def test_the_podcast_daughters_words_are_not_given_to_a_fragment() -> None:
    """ "You gave us our dad back," she wrote: the daughter's words, told by the guest; the
    speaker is her (or none), never the words that began the turn."""
    for q in doc(PODCAST).quotes:
        assert q.speaker is None or "Yes" not in q.speaker, q
