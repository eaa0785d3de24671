"""Held-out set AB: ingest of five documents in public-sector layouts nobody on the project wrote.

tests/data/heldout_ab/ holds a government impact assessment PDF (made by make_ia_pdf.py: a summary
sheet with a boxed cost-benefit table, "RPC opinion: Green", numbered sections, footnotes at the
foot of pages and a running header with the IA number), a saved GOV.UK-style consultation page,
a WordPress post exported to Markdown (front matter, [caption]/[embed] shortcodes, block comments,
"Share this:"/"Like this:"/"Related" blocks, an author bio), a Court of Appeal judgment as plain
text, and an automatic-transcription export with "Name  12:45" turn headers and a generated
summary. tests/data/queries_heldout_ab.jsonl (38 queries) was written before anything was run.
What the readers get right is asserted; each fault found is a strict xfail that states the right
reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_ab"
IA = "rural-bus-franchising-ia.pdf"
PAGE = "allotment-tenancy-consultation.html"
POST = "school-streets-one-year-on.md"
JUDGMENT = "harwood-v-eastleigh-judgment.txt"
MEETING = "parks-budget-meeting-transcript.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts
sentence = _SET.sentence


def test_the_heldout_ab_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 31/38 here (no word vectors)
    and 31/38 from `bot eval` on a built index. Misses: ab15 (the minister's quote is not found:
    the Priya Malhotra xfail) and ab38 "when was the allotment consultation published" (answered
    4 May 2026, the closing date: the consultation-date xfail), which also takes ab08 "when will
    the post implementation review be published"; ab27 and ab29, whose answers lose to judgment
    cross-headings glued to paragraph numbers ("Ground 1: the report misled members 10.") and to
    a neighbouring paragraph; and two at rank 2, ab07 (a typo, "opertors") and ab26 (the
    committee vote loses to the judgment's first sentence).
    With its reading faults fixed it scores 33 in memory: the floor now.
    """
    first, total = right_first(searcher(), DATA / "queries_heldout_ab.jsonl")
    assert first >= 33, f"held-out AB R@1 fell to {first}/{total}"


# --- the impact assessment PDF (pdf reader) -----------------------------------------------------
def test_the_ia_reads_its_numbered_sections_pages_and_footnotes() -> None:
    ia = doc(IA)
    for heading in (
        "1. Background",
        "2. Rationale for intervention",
        "3. Costs and benefits of Policy option 1",
        "4. Impact on small and micro businesses",
        "5. Monitoring and evaluation",
    ):
        assert heading in ia.sections
    assert [n.number for n in ia.notes] == [1, 2, 3, 4]
    assert {n.number: n.text for n in ia.notes}[3].startswith("See the Bus Services Act 2017")
    assert sentence(IA, "Rural bus mileage in England fell")[1] == (1,)
    assert _SET.one(IA, "2.2 Franchising lets").notes == (3,)
    # the running header with the IA number and the page numbers are not text
    body = texts(IA)
    assert not any("IA No" in t for t in body)
    assert all(s.page == "3" for s in ia.sentences if "post-implementation review" in s.text)
    assert "Policy option 2 extends enhanced partnerships without franchising powers." in body


def test_the_ia_title_drops_the_title_label() -> None:
    """The summary sheet's first line is "Title: Bus Franchising (Rural Routes) Regulations 2026";
    "Title:" is the form's field label, not part of the title."""
    assert doc(IA).title == "Bus Franchising (Rural Routes) Regulations 2026"


def test_the_ia_date_is_the_printed_date_field() -> None:
    """The summary sheet prints "Date: 12/01/2026" (a UK day/month/year date): 12 January 2026."""
    assert doc(IA).date == "2026-01-12"


def test_the_ia_lead_department_is_its_author() -> None:
    """ "Lead department or agency: Department for Transport" names who wrote the assessment (the
    html reader gives an organisation byline the same way)."""
    assert doc(IA).authors == ("Department for Transport",)


def test_the_ia_summary_sheet_fields_are_not_body_sentences() -> None:
    """The fields "Date: 12/01/2026", "Stage: Final", "Type of measure: Secondary legislation" and
    "Contact for enquiries: …" are the form's fields, not sentences of the assessment; nor is
    "RPC opinion: Green" (the boxed rating line) a section heading."""
    body = texts(IA)
    for field in ("Date: 12/01/2026", "Stage: Final", "Type of measure:", "Contact for enquiries:"):
        assert not any(t.startswith(field) for t in body), field
    assert "RPC opinion: Green" not in doc(IA).sections


@pytest.mark.xfail(strict=True, reason="the boxed cost-benefit tables are read column by column")
def test_the_ia_cost_benefit_table_is_read_by_rows() -> None:
    """The "Summary: Analysis & Evidence" table has a header row (Low | High | Best Estimate |
    Price base 2025) and rows "Total costs (PV) | GBP 88.0m | GBP 131.5m | GBP 104.2m | Years 10"
    etc. Its column headers are not sections ("Low", "High", "Best Estimate", "Business NPV" …
    are in ia.sections now), the row label stays with its figures (now "Total costs (PV) Total
    benefits (PV) Net present value" is one sentence and "GBP 88.0m GBP 119.3m GBP 31.3m"
    another, under section "Low"), and the last cell of the first table ("Not in scope") is not
    glued to the next paragraph's question."""
    ia = doc(IA)
    cells = ("Low", "High", "Best Estimate", "Price base 2025", "Business NPV", "EANDCB Scores")
    for cell in cells:
        assert cell not in ia.sections, cell
    body = texts(IA)
    assert any("Total costs (PV)" in t and "GBP 104.2m" in t for t in body)
    assert any("Net present value" in t and "GBP 41.6m" in t for t in body)
    assert "GBP 88.0m GBP 119.3m GBP 31.3m" not in body
    assert "What is the problem under consideration?" in body


def test_the_ia_footnote_after_a_number_is_a_marker() -> None:
    """ "… over 60 or under 19.²" ends paragraph 1.2 with marker 2 (its note: the Rural Bus Panel
    survey). The sentence is read as ending "under 19.2" with no note; note 2 is left uncited."""
    text, notes, _, _ = sentence(IA, "In the sparsest districts")
    assert text.endswith("over 60 or under 19.")
    assert notes == (2,)


@pytest.mark.xfail(
    strict=True,
    reason="IA paragraph numbers (1.1, 3.3) kept in text; a general rule also drops the '2.2' "
    "the IA reading test above asserts, and set AE's typescript tests (pdfold's) assert it too",
)
def test_the_ia_paragraph_numbers_are_not_sentence_text() -> None:
    """Government documents number their paragraphs "1.1", "3.3"; the number is not part of the
    sentence: "The benefit-cost ratio of the preferred option is 1.4 …" is the sentence."""
    body = texts(IA)
    assert any(t.startswith("The benefit-cost ratio of the preferred option is 1.4") for t in body)
    assert not any(t.startswith(("1.1 ", "3.3 ", "5.1 ")) for t in body)


# --- the consultation page (html reader) --------------------------------------------------------
def test_the_consultation_page_keeps_the_description_and_drops_the_furniture() -> None:
    page = doc(PAGE)
    assert page.title == "Allotment tenancies: proposals to cut waiting lists"
    assert page.authors == ("Ministry of Housing, Communities and Local Government",)
    assert page.publication == "GOV.UK"
    assert "Consultation description" in page.sections
    assert "Ways to respond" in page.sections
    body = texts(PAGE)
    assert "This consultation closes at 11:59pm on 4 May 2026" in body
    assert any(t.startswith("First, councils would have to re-let an empty plot") for t in body)
    for furniture in ("Print this page", "Skip to main content", "Crown copyright", "Cookies"):
        assert not any(furniture in t for t in body), furniture
    assert not any("Community and society" in t for t in body)  # the breadcrumbs
    quotes = {q.speaker: q.text for q in page.quotes}
    assert quotes["Graham Oduya"].startswith("would end the scandal of plots left to bramble")


def test_the_consultation_date_is_its_publication_date() -> None:
    """The page says "Published 9 February 2026" (and govuk:first-published-at 2026-02-09);
    4 May 2026 is the closing date, which the bot now reports as the publication date."""
    assert doc(PAGE).date == "2026-02-09"


def test_the_consultation_ministers_quote_has_her_as_speaker() -> None:
    """'"Allotments are where … nobody should wait four years for one," said the minister for
    local government, Priya Malhotra.' is a direct quote by Priya Malhotra (and so is the next
    sentence, '"These proposals are about using the land we already have far better."')."""
    by_her = [q.text for q in doc(PAGE).quotes if q.speaker == "Priya Malhotra"]
    assert any("nobody should wait four years for one" in t for t in by_her)


def test_the_ways_to_respond_labels_are_no_sections_or_sentences() -> None:
    """Under "Ways to respond" the h3 labels "Email to:" / "Write to:" label the address that
    follows; they are not sections, and the lone "or" between the button and them is no
    sentence. The address block stays under "Ways to respond"."""
    page = doc(PAGE)
    assert "Write to:" not in page.sections
    assert "or" not in texts(PAGE)
    assert _SET.one(PAGE, "Responses sent by post").section == "Ways to respond"


# --- the WordPress Markdown export (markdown reader) --------------------------------------------
def test_the_post_reads_its_front_matter_sections_and_quotes() -> None:
    post = doc(POST)
    assert post.title == "School streets, one year on: what the counts tell us"
    assert post.authors == ("Hannah Leckie",)
    assert post.date == "2025-11-18"
    assert post.sections == (
        "Fewer cars, more walking",
        "Cleaner air at the gate",
        "What happens next",
    )
    body = texts(POST)
    assert not any("wp:paragraph" in t or "<!--" in t for t in body)
    assert sentence(POST, "The share who walked, cycled or scooted")[1] == (1,)
    assert sentence(POST, "The World Health Organization")[1] == (2,)
    speakers = {q.speaker for q in post.quotes}
    assert {"Samuel Ferris", "Marcus Thorne", "Aisha Rahman"} <= speakers
    assert _SET.one(POST, "Marcus Thorne, who runs a bakery").text.endswith(
        '"Between half eight and quarter past nine my till used to be busy with parents.'
    )


def test_the_post_caption_shortcode_is_stripped() -> None:
    """'[caption id="attachment_4412" …]<img …/> Pupils arrive at Ashgrove Primary during the
    morning closure, September 2025. Photo: Hannah Leckie[/caption]' is a caption "Pupils arrive
    at Ashgrove Primary during the morning closure, September 2025." credited "Photo: Hannah
    Leckie"; the shortcode's opening tag and "[/caption]" are neither text nor credit."""
    cap = [s for s in doc(POST).sentences if s.kind == "caption"]
    assert [s.text for s in cap] == [
        "Pupils arrive at Ashgrove Primary during the morning closure, September 2025."
    ]
    assert cap[0].credit in ("Photo: Hannah Leckie", "Hannah Leckie")


def test_the_post_embed_shortcode_is_no_sentence() -> None:
    assert not any("[embed]" in t or "youtube.com" in t for t in texts(POST))


def test_the_post_sup_notes_are_the_notes_list() -> None:
    """The last block, "<sup>1</sup> Hands-up surveys … <br> <sup>2</sup> Diffusion tubes …", is
    the notes list the two <sup> markers in the text point to (the reader warns "footnote marker 1
    has no note"); its lines are notes 1 and 2, not body sentences."""
    post = doc(POST)
    notes = {n.number: n.text for n in post.notes}
    assert notes[1].startswith("Hands-up surveys in all 11 schools")
    assert notes[2].startswith("Diffusion tubes at each gate")
    assert not any(t.startswith(("Hands-up surveys", "Diffusion tubes")) for t in texts(POST))


def test_the_post_wordpress_furniture_is_dropped() -> None:
    """Jetpack's "Share this:" and "Like this:" boxes, the "Related" posts list and the "About
    Hannah Leckie" bio box after the article are furniture, not sentences of the post."""
    body = texts(POST)
    furniture_bits = ("Share this:", "Like this:", "Like Loading", "Related", "About Hannah")
    for furniture in furniture_bits:
        assert not any(furniture in t for t in body), furniture
    assert not any(t.startswith("She has edited Brennock Streets") for t in body)


# --- the court judgment (plain-text reader) -----------------------------------------------------
def test_the_judgment_reads_its_judges_paragraphs_and_concurrences() -> None:
    j = doc(JUDGMENT)
    assert "Introduction" in j.sections and "Conclusion" in j.sections
    by = {s.speaker for s in j.sentences if s.speaker}
    assert by == {"Lord Justice Braithwaite", "Lady Justice Okafor", "Lord Justice Mendes"}
    assert any(
        t.endswith("[2017] EWCA Civ 1314, [2019] PTSR 1452 at [42].") for t in texts(JUDGMENT)
    )
    assert _SET.one(JUDGMENT, "A council that relies on revised").speaker == "Lady Justice Okafor"


def test_the_judgment_title_names_the_parties() -> None:
    """The title of a judgment is its case name, from the parties block ("THE KING (on the
    application of HARWOOD RESIDENTS' ASSOCIATION) - and - EASTLEIGH VALE DISTRICT COUNCIL"),
    not "Neutral Citation Number: [2026] EWCA Civ 412"; nor is "Case No: CA-2025-001873" its
    subtitle."""
    j = doc(JUDGMENT)
    assert j.title is not None
    assert "Harwood Residents' Association".lower() in j.title.lower()
    assert "Eastleigh Vale District Council".lower() in j.title.lower()
    assert j.subtitle is None or not j.subtitle.startswith("Case No")


def test_the_judgment_date_is_the_hand_down_date() -> None:
    """ "Date: 14/04/2026" under the court's address (and "handed down … on 14 April 2026")."""
    assert doc(JUDGMENT).date == "2026-04-14"


def test_the_judgment_front_matter_is_not_body_text() -> None:
    """The parties block ("Between: … Appellant - and - … Respondent - and - … Interested
    Party"), the counsel lines and "Hearing date: 3 March 2026" are the judgment's front matter:
    no sentence "and -", and no sentence that runs from "GREYSTONE ENERGY LIMITED" through the
    counsel to "Hearing date" and the hand-down notice."""
    body = texts(JUDGMENT)
    assert "and -" not in body
    assert not any("Interested Party" in t and "Hearing date" in t for t in body)
    assert not any(t.startswith("EASTLEIGH VALE DISTRICT COUNCIL Respondent") for t in body)


def test_the_judgment_cross_headings_are_sections() -> None:
    """ "The facts", "The law", "Ground 1: the report misled members" and "Ground 2: the decision
    would have been the same" head sections, like "Introduction"; now each is read as a sentence
    with the next paragraph's number ("The facts 4.") and its paragraphs stay in "Introduction"."""
    j = doc(JUDGMENT)
    for heading in (
        "The facts",
        "The law",
        "Ground 1: the report misled members",
        "Ground 2: the decision would have been the same",
    ):
        assert heading in j.sections, heading
    assert not any(t.startswith(("The facts 4", "The law 7", "Ground 1:")) for t in texts(JUDGMENT))
    assert _SET.one(JUDGMENT, "Greystone Energy applied").section == "The facts"


def test_the_judgment_paragraph_numbers_are_not_sentence_text() -> None:
    """Numbered paragraphs "5. The officer's report relied on the later note." read as "The
    officer's report relied on the later note."; a concurrence "17. I agree." reads "I agree."."""
    body = texts(JUDGMENT)
    assert "The officer's report relied on the later note." in body
    assert "I agree." in body
    assert not any(t[:3] in ("5. ", "16.", "17.", "19.") for t in body)


# --- the transcription-service export (plain-text reader) ---------------------------------------
def test_the_meeting_reads_its_turns_and_summary() -> None:
    m = doc(MEETING)
    assert m.title == "Parks and Open Spaces Committee - budget workshop"
    assert m.date == "2026-01-27"
    body = texts(MEETING)
    assert "Jane Okoro to circulate the toilet usage figures before 10 February." in body
    assert any("which together cost us 58,000 pounds a year" in t for t in body)
    assert not any("[inaudible]" in t for t in body)


def test_the_meeting_turn_headers_give_the_speaker_and_no_timestamp() -> None:
    """ "Jane Okoro  0:21" heads a turn by Jane Okoro at 0:21. The reader splits at the colon: the
    speaker becomes "Jane Okoro  0" and the turn's first sentence starts "21 Thanks, Chair."."""
    m = doc(MEETING)
    speakers = {s.speaker for s in m.sentences if s.speaker}
    assert speakers == {"Speaker 1", "Jane Okoro", "Tomasz Bielecki", "Speaker 3"}
    assert "Thanks, Chair." in texts(MEETING)
    hartley = {q.speaker for q in m.quotes if "Hartley did it in 2023" in q.text}
    assert hartley == {"Tomasz Bielecki"}


def test_the_meeting_inaudible_tag_does_not_glue_sentences() -> None:
    """ "… allows us to review the rent. [inaudible] somebody needs to look at that." : the tag
    marks a gap; the sentence before it ends at "review the rent."."""
    text = _SET.one(MEETING, "Um, the lease is from 1994").text
    assert text.endswith("whether it allows us to review the rent.")


def test_the_meeting_tool_labels_are_not_text() -> None:
    """The transcription tool's block: "Summary" is a label, not the first word of the summary's
    first sentence; the "Keywords …" line is tool furniture; "Duration 41:37" is not a subtitle."""
    m = doc(MEETING)
    body = texts(MEETING)
    assert body[0].startswith("The committee discussed the 2026/27 parks budget")
    assert not any(t.startswith("Keywords") for t in body)
    assert m.subtitle is None
