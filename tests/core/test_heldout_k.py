"""Held-out set K: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_k/ holds a national statistics bulletin PDF (title block with "Release date:"
and "Next release:" lines, "Main points", two bar charts with "Figure n:" titles and "Source:"
lines, a "Table 2:" table with "[a]" markers in its cells, a contact block, endnotes and a
running footer; made by make_bulletin_pdf.py), a saved think-tank blog page (nav, breadcrumbs,
table, ordered list of recommendations, a minister's quote, tags, author card, related posts,
comments, footer), a Markdown podcast transcript ("**Name:**" turns, "[00:12:45]" timestamps,
an "[ad break]" line, show notes), a plain-text regulator FAQ ("Q3." questions, unnumbered
questions, bulleted fee lists, a contact footer) and a plain-text press briefing ("MR.
HALVORSEN:" / "QUESTION:" turns, an embargo note). tests/data/queries_heldout_k.jsonl (40
queries) was written and committed before anything was run. What the readers get right is
asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_k"
BULLETIN = "household-energy-bulletin.pdf"
POST = "rural-bus-franchising.html"
PODCAST = "episode-42-flood-insurance.md"
FAQ = "letting-agent-registration-faq.txt"
BRIEFING = "department-press-briefing-2025-04-17.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def section_of(name: str, start: str) -> str:
    return str(_SET.one(name, start).section)


def test_the_eleventh_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 26/40 here (no word vectors) and
    29/40 from `bot eval` on a built index (the vectors find k22 "made flood-proof", k36 "allowed
    to see the detained American" and k38 "people uprooted by the drought"). Misses in both:
    three paraphrases with none of the text's words (k03 "tenants in private lets ... heating
    bills", k14 "council funding for subsidised bus routes", k28 "maximum fine ... unregistered
    letting business"), k04 the definition of fuel stress (a main point outranks it), k15 the
    deregulated fare only a table row holds (its column header is lost, see the xfail), k24 a
    show-notes link outranks the Build Back Better sentence, k25 "who hosts the podcast" (no
    authors are read, see the xfail), k27 the apply-by deadline, k31 "when was the FAQ last
    updated" (the glued contact sentence answers), k34 the minimum flow and k37 the USAID money
    (shorter sentences outrank them). k06 "when is the next energy bulletin out" was answered
    by the glued "Release date: ... Next release: ..." sentence; since pdf12 the release date is
    the bulletin's date and "Next release: 11 March 2026." a sentence of its own answers it.
    After the seventh round of fixes (all faults but the briefing subtitle): 27/40 in memory."""
    first, total = right_first(searcher(), DATA / "queries_heldout_k.jsonl")
    assert first >= 28, f"eleventh held-out R@1 fell to {first}/{total}"


# --- the statistics bulletin (pdf reader) -------------------------------------------------------
def test_the_bulletin_title_publisher_sections_and_main_points() -> None:
    bulletin = doc(BULLETIN)
    assert bulletin.title == "Household energy spending and fuel stress, Caldria: 2024"
    assert bulletin.publication == "Caldrian Office for National Statistics"
    for heading in ("Main points", "Energy spending", "Fuel stress", "Spending by fuel"):
        assert heading in bulletin.sections
    assert "Notes" not in bulletin.sections
    assert section_of(BULLETIN, "Spending on heating oil fell by 18.4%,") == "Main points"
    assert (
        "Households renting privately were twice as likely to be in fuel stress as "
        "owner-occupiers (22.5% against 10.8%)." in texts(BULLETIN)
    )


def test_the_bulletin_endnotes_are_notes_cited_by_their_superscript_markers() -> None:
    bulletin = doc(BULLETIN)
    assert [n.number for n in bulletin.notes] == [1, 2, 3, 4, 5]
    assert "10% threshold was adopted in the 2019 review" in bulletin.notes[1].text
    assert sentence(BULLETIN, "Households in Caldria spent")[1] == (1,)
    assert sentence(BULLETIN, "A household is counted as being in fuel stress")[1] == (2,)
    assert sentence(BULLETIN, "The fall was concentrated")[1] == (3,)
    assert sentence(BULLETIN, "Regional rates ranged")[1] == (4,)
    assert sentence(BULLETIN, "Around 7% of households used solid fuel")[1] == (5,)
    assert not any(t.startswith(("1. Spending", "2. Disposable")) for t in texts(BULLETIN))


def test_the_bulletin_footer_and_chart_labels_are_not_text() -> None:
    for t in texts(BULLETIN):
        assert "Page " not in t, t
        assert not any(label in t for label in ("Hundreds of crowns", "Year ")), t
    assert sentence(BULLETIN, "Figure 2: Percentage of households")[3] == "caption"
    caption = next(s for s in doc(BULLETIN).sentences if s.text.startswith("Figure 1:"))
    assert caption.credit == (
        "Source: Household Expenditure Survey, Caldrian Office for National Statistics"
    )
    assert sentence(BULLETIN, "Table 2: Households in fuel stress by tenure")[3] == "caption"


def test_the_bulletin_date_is_its_release_date_not_the_files_creation_date() -> None:
    """ "Release date: 12 March 2025" on the first page is the bulletin's date."""
    assert doc(BULLETIN).date == "2025-03-12"


def test_the_bulletin_release_lines_are_no_sentence() -> None:
    """ "Release date: 12 March 2025" and "Next release: 11 March 2026" are the title block's
    metadata, not a body sentence ("Release date: 12 March 2025 Next release: 11 March 2026").

    Settled by pdf12: the release date is the bulletin's date and no text; the next release's
    date is no metadata field of an article, and a reader asks for it ("when is the next
    bulletin out", k06), so its line is a sentence of its own, as printed, glued to nothing."""
    assert not any("Release date:" in t for t in texts(BULLETIN))
    assert [t for t in texts(BULLETIN) if "Next release:" in t] == ["Next release: 11 March 2026."]


def test_the_bulletin_source_line_is_the_credit_not_a_caption_of_its_own() -> None:
    """The "Source: ..." line under a chart or table is that caption's credit (it is, already)
    and no sentence of its own: today each is kept a second time as a caption sentence."""
    assert not any(t.startswith("Source:") for t in texts(BULLETIN))


def test_the_bulletin_table_rows_name_every_column() -> None:
    """Table 2's row reads "Owner-occupied — Households 2024 196,000; 12.9; Rate 2024 (%) 10.8."
    : the third column's header "Rate 2023 (%)" is dropped, so 12.9 has no year. Every cell
    keeps its header, as the others do."""
    row = [t for t in texts(BULLETIN) if t.startswith("Owner-occupied")]
    assert len(row) == 1 and "Rate 2023 (%) 12.9" in row[0], row


def test_the_bulletin_table_footnotes_are_kept() -> None:
    """Under Table 2, "[a] Includes tenants of tied and employer-provided housing." and "[b]
    Statistically significant fall from 2023 at the 95% level." explain the markers in the
    cells "Private rented [a]" and "22.5 [b]"; neither text is kept anywhere (no sentence, no
    note). They are kept, as notes or as text of the table."""
    bulletin = doc(BULLETIN)
    kept = list(texts(BULLETIN)) + [n.text for n in bulletin.notes]
    assert any("Includes tenants of tied and employer-provided housing" in t for t in kept)
    assert any("Statistically significant fall from 2023" in t for t in kept)


def test_the_bulletin_contact_lines_are_not_glued_into_a_sentence() -> None:
    """The "Contact" block (name and division, email, phone on three lines) is read as one body
    sentence "Marit Oksanen, Prices and Household Finance Division energy.statistics@... +46 010
    556 2318". The contact lines are no body sentence (least of all one run together)."""
    assert not any("energy.statistics@" in t or "+46 010" in t for t in texts(BULLETIN))


# --- the think-tank blog page (html reader) -----------------------------------------------------
def test_the_post_keeps_the_article_and_drops_the_furniture() -> None:
    post = doc(POST)
    assert post.title == "Small towns need franchised buses, not more competition"
    assert post.authors == ("Dr Selin Achterberg",)
    assert post.date == "2025-05-21"
    assert post.publication == "Brackwater Institute"
    assert post.sections == (
        "What competition delivered",
        "How the models compare",
        "What the minister has said",
        "Our recommendations",
    )
    furniture = (
        "Breadcrumb",
        "Support our work",
        "Share this post",
        "LinkedIn",
        "Local government",
        "Portrait photo",
        "Head of Transport Policy",
        "Related posts",
        "Fare caps, one year on",
        "commercially unviable",
        "Recommendation 3 matters",
        "Leave a comment",
        "Subscribe",
        "Tanner's Yard",
        "Registered charity",
        "All rights reserved",
        "min read",
    )
    for t in texts(POST):
        assert not any(word in t for word in furniture), t


def test_the_post_quotes_and_table() -> None:
    post = doc(POST)
    speakers = {q.speaker for q in post.quotes}
    assert "Ruth Calloway" in speakers
    assert not any("commercially unviable" in q.text for q in post.quotes)
    assert sentence(POST, "Change in small-town bus services")[3] == "caption"
    assert any("£3.45" in t for t in texts(POST))
    assert (
        "Set a minimum standard of an hourly service until 10pm for every town of more than "
        "5,000 people." in texts(POST)
    )


def test_the_post_table_rows_carry_their_column_headers() -> None:
    """The row reads "Deregulated · -17% · -14% · £3.45": which figure is the fare is lost.
    Each cell keeps its <th> header, as the PDF reader's rows do ("Average single fare £3.45")."""
    row = [t for t in texts(POST) if t.startswith("Deregulated") and "£3.45" in t]
    assert len(row) == 1 and "Average single fare" in row[0], row


def test_the_post_recommendations_are_sentences_of_their_own() -> None:
    """ "We propose five changes that would let small-town networks be planned as a whole:" is
    glued to the first item of the <ol>; the first recommendation is a sentence of its own, as
    the other four are."""
    assert (
        "Replace the full franchising assessment with a shorter business case for counties of "
        "under 600,000 people." in texts(POST)
    )


# --- the Markdown podcast transcript (markdown reader) ------------------------------------------
def test_the_podcast_title_turns_and_timestamps() -> None:
    podcast = doc(PODCAST)
    assert podcast.title == "Episode 42: Who Pays When the River Rises?"
    body = texts(PODCAST)
    assert "Let's start with the scale of it." in body
    assert "The scheme is designed to close in 2039." in body
    for t in body:
        assert not any(m in t for m in ("[00:", "**", "Owen:", "Hanne:")), t
    assert sentence(PODCAST, "The scheme is designed to close")[2] is not None
    assert "Rasmussen" not in (sentence(PODCAST, "Let's start with the scale")[2] or "")


def test_the_podcast_host_turns_are_the_hosts_by_name() -> None:
    """ "**Priya:**" and "**Owen:**" are the hosts named on the "Hosts:" line; their turns are
    "Priya Venkataraman" and "Owen Tasker" (today "I'm Priya" and "I'm Owen", taken from the
    self-introductions)."""
    assert sentence(PODCAST, "Welcome to The Common Ground")[2] == "Priya Venkataraman"
    assert sentence(PODCAST, "This week we're talking")[2] == "Owen Tasker"
    assert sentence(PODCAST, "What about new homes?")[2] == "Owen Tasker"
    assert not any((q.speaker or "").startswith("I'm") for q in doc(PODCAST).quotes)


def test_the_podcast_guest_turns_are_the_guest_by_full_name() -> None:
    """ "Guest: Dr Hanne Rasmussen, Centre for Climate Risk, ..." names the guest; every
    "**Hanne:**" turn is "Hanne Rasmussen"."""
    assert sentence(PODCAST, "The scheme is designed to close")[2] == "Hanne Rasmussen"
    assert sentence(PODCAST, "I'd like to see the EA's objection")[2] == "Hanne Rasmussen"


def test_the_podcast_hosts_are_its_authors() -> None:
    """ "Hosts: Priya Venkataraman and Owen Tasker" names who made the episode."""
    assert doc(PODCAST).authors == ("Priya Venkataraman", "Owen Tasker")


def test_the_podcast_date_is_the_published_date() -> None:
    """ "Recorded 3 February 2025, published 10 February 2025": the date is the published one."""
    assert doc(PODCAST).date == "2025-02-10"


def test_the_podcast_header_lines_are_no_sentence_or_quote() -> None:
    """The "Hosts:", "Guest:" and "Recorded ..., published ..." lines are the header; today
    they are a body sentence "Priya Venkataraman and Owen Tasker Recorded 3 February 2025, ..."
    spoken by "Hosts"."""
    podcast = doc(PODCAST)
    assert not any("Recorded 3 February" in t or "Hosts" in t for t in texts(PODCAST))
    assert not any(q.speaker in ("Hosts", "Guest") for q in podcast.quotes)


def test_the_podcast_ad_break_is_a_stage_note_not_a_section() -> None:
    """ "**[ad break]**" is a stage note: no section, and the turns after it are in the same
    (no) section as those before it."""
    assert "[ad break]" not in doc(PODCAST).sections
    assert section_of(PODCAST, "We're back.") == section_of(PODCAST, "Let's start with")


def test_the_podcast_listeners_words_are_not_the_hosts() -> None:
    """Priya reads out a listener's letter: 'she wrote: "The second time, the insurer paid to
    put everything back exactly as it was, so that it could be ruined again."' Those words are a
    quote of their own whose speaker is the listener (or none), never Priya."""
    found = [q for q in doc(PODCAST).quotes if q.text.startswith("The second time, the insurer")]
    assert found and all("Priya" not in (q.speaker or "") for q in found), found


def test_the_show_notes_paper_title_is_not_split_at_its_question_mark() -> None:
    """The quoted paper title "Bridging to Nowhere? The Exit Problem in Flood Reinsurance" is
    one item; today it is two sentences, the first ending 'Nowhere?'."""
    assert any(
        "Bridging to Nowhere? The Exit Problem in Flood Reinsurance" in t for t in texts(PODCAST)
    )


# --- the regulator FAQ (plain-text reader) ------------------------------------------------------
def test_the_faq_title_date_publisher_acronym_and_fee_list() -> None:
    faq = doc(FAQ)
    assert faq.title == "Registering as a Letting Agent: Frequently Asked Questions"
    assert faq.date == "2025-06-04"
    assert faq.publication == "Lettings Standards Authority"
    assert {g.short: g.long for g in faq.glossary}["LSA"] == "Lettings Standards Authority"
    assert any("51 to 500 properties: £750" in t for t in texts(FAQ))
    assert "Agents already trading must apply by 30 November 2025." in texts(FAQ)
    assert not any("Last updated" in t for t in texts(FAQ))


def test_the_faq_question_numbers_are_not_sentences() -> None:
    """ "Q1. What is the national register of letting agents?": the number is the question's
    label; "Q1." ... "Q11." are no sentences."""
    assert not any(t.startswith("Q") and t[1:].rstrip(".").isdigit() for t in texts(FAQ))


def test_the_faq_unnumbered_questions_are_questions_not_sections() -> None:
    """ "Do branch offices need separate registrations?" and "How long do I have to get the
    qualification?" are questions like Q1-Q11, not headings: the sections are the four PART
    headings (and the contact heading), and Q8's answer is in "PART 3: STANDARDS"."""
    sections = doc(FAQ).sections
    assert "Do branch offices need separate registrations?" not in sections
    assert "How long do I have to get the qualification?" not in sections
    assert section_of(FAQ, "We may refuse or remove a registration") == "PART 3: STANDARDS"


def test_the_faq_contact_lines_are_not_glued_to_the_review_sentence() -> None:
    """The helpline, email and postal lines under "CONTACT US" run into "This FAQ is reviewed
    every three months." as one sentence; that sentence stands alone, and no sentence holds
    both the helpline and the email lines."""
    assert "This FAQ is reviewed every three months." in texts(FAQ)
    assert not any("Registration helpline:" in t and "Email:" in t for t in texts(FAQ))


def test_the_faq_authoritys_words_are_a_quote() -> None:
    """'In the Authority's words, "the transition period is there to help agents who are
    serious about standards, not to postpone them."' is a quote of the Authority (the FAQ has
    no quotes at all today)."""
    found = [q for q in doc(FAQ).quotes if q.text.startswith("the transition period is there")]
    assert found and all("Authority" in (q.speaker or "") for q in found), found


# --- the press briefing (plain-text reader) -----------------------------------------------------
def test_the_briefing_title_date_and_the_spokespersons_turns() -> None:
    briefing = doc(BRIEFING)
    assert briefing.title == "Department Press Briefing"
    assert briefing.date == "2025-04-17"
    assert sentence(BRIEFING, "Good afternoon, everybody.")[2] == "Erik Halvorsen"
    assert sentence(BRIEFING, "What I will say is that")[2] == "Erik Halvorsen"
    assert sentence(BRIEFING, "About $9 million of the $48 million")[2] == "Erik Halvorsen"
    for t in texts(BRIEFING):
        assert not any(m in t for m in ("MR. HALVORSEN", "QUESTION:", "briefing was concluded"))


def test_the_briefing_author_is_the_spokesperson_not_the_room() -> None:
    """ "Erik Halvorsen, Deputy Department Spokesperson" gives the briefing; "Press Briefing
    Room" is the venue."""
    assert doc(BRIEFING).authors == ("Erik Halvorsen",)


@pytest.mark.xfail(
    strict=True,
    reason="the spokesperson's 'Name, Role' line is now the byline (the author) and no "
    "subtitle, as a speech's speaker line is (test_heldout_h "
    "test_the_speech_speaker_line_names_the_author and tests/core/"
    "test_speaker_lines_and_sign_offs.py assert subtitle None for the same shape)",
)
def test_the_briefing_subtitle_is_the_spokespersons_line_alone() -> None:
    """Once "Erik Halvorsen, Deputy Department Spokesperson Washington, DC"; now None."""
    assert doc(BRIEFING).subtitle == "Erik Halvorsen, Deputy Department Spokesperson"


def test_the_briefing_questions_are_not_given_to_the_room() -> None:
    """A "QUESTION:" turn is a reporter's (unnamed: no speaker, or the reporter); never the
    venue "Press Briefing Room"."""
    briefing = doc(BRIEFING)
    assert not any(s.speaker == "Press Briefing Room" for s in briefing.sentences)
    assert not any(q.speaker == "Press Briefing Room" for q in briefing.quotes)


def test_the_briefing_named_reporters_ask_their_questions() -> None:
    """ "Yes, Lara." hands the floor to Lara: the next QUESTION: turn is hers. "Thanks. Deborah
    Kline, Pacific Wire. On the Secretary's trip, ..." names its asker: Deborah Kline."""
    assert sentence(BRIEFING, "Can you confirm reports")[2] == "Lara"
    assert sentence(BRIEFING, "On the Secretary's trip")[2] == "Deborah Kline"


def test_the_briefing_embargo_note_is_no_quote_and_has_no_speaker() -> None:
    """ "EMBARGOED NOTE: The figures on ... under embargo until 12:00 a.m. EDT, April 18, 2025."
    is an editorial note: nobody says it."""
    briefing = doc(BRIEFING)
    assert sentence(BRIEFING, "The figures on the Marenza Basin")[2] is None
    assert not any(q.speaker == "Embargoed Note" for q in briefing.quotes)


def test_the_briefing_farmers_union_words_are_the_unions_quote() -> None:
    """'The Eskelund farmers' union said this morning that the flow guarantee is, quote, "a
    number written for a wet year."' The quoted words are the union's."""
    found = [q for q in doc(BRIEFING).quotes if q.text.startswith("a number written for a wet")]
    assert found and all("farmers' union" in (q.speaker or "") for q in found), found
