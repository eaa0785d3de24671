"""Held-out set L: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_l/ holds a journal article PDF (made by make_journal_pdf.py: a journal header
line, authors with superscript affiliation letters, a full-width abstract, then a two-column
body with an indented block quotation, words hyphenated across lines, a running header from page
2, a footer with the journal name and page number, and a References list), a saved live blog
page (timestamped entries, a "Key events" list, an embedded post, share widgets), a Markdown
op-ed with YAML front matter, an HTML <figure> and an italic author bio, a plain-text interview
translated from French with "Q:" / "A:" turns, and plain-text council minutes with item headings,
"RESOLVED:" lines and vote counts. tests/data/queries_heldout_l.jsonl (40 queries) was written
before anything was run. What the readers get right is asserted; each fault found is a strict
xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_l"
JOURNAL = "varda-water-tariffs-journal.pdf"
BLOG = "budget-day-live.html"
OPED = "bus-timetables-oped.md"
INTERVIEW = "foreign-minister-interview.txt"
MINUTES = "millbrook-council-minutes.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def where(name: str, start: str) -> tuple[str, str | None]:
    """(section, page) of the one sentence that starts with START."""
    s = _SET.one(name, start)
    return s.section, s.page


def speaker_of(name: str, start: str) -> str | None:
    """The speaker of the one quote whose text starts with START."""
    found = [q for q in doc(name).quotes if q.text.startswith(start)]
    assert len(found) == 1, (start, [(q.text, q.speaker) for q in doc(name).quotes])
    return found[0].speaker


def test_the_twelfth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 21/40 here (no word vectors) and
    21/40 from `bot eval` on a built index. 19 misses. Caused by the ingest faults below: the
    journal's first page is read line by line across both columns (l01-l04, l09), the journal
    has no publication (l06), its block quotation is no quote (l07), the live blog's embedded
    post is no quote (l13), the quotes inside the interview's answers are not quotes (l28, l33),
    the answers are given to "Interviewee" (l30, asked with the minister's name), the interview
    has no author (l32), the councillors are "Cllr Vance" / "Cllr Brandt" (l36, l39, asked with
    the full names). Ranking misses: l10 "Budget live blog editor" (a sentence saying "live
    blog" outranks the byline answer), l24, l27 and l34 (paraphrases sharing no word with the
    answer), l35 (the item's opening sentence, which has the item heading glued on, outranks
    the RESOLVED line).
    After the seventh round of fixes (every fault of the set): 34/40 in memory; 33 once caption
    credits were searchable (l14: a chart whose credit names the OFO outranks the 2026 forecast)."""
    first, total = right_first(searcher(), DATA / "queries_heldout_l.jsonl")
    assert first >= 34, f"twelfth held-out R@1 fell to {first}/{total}"


# --- the journal article (pdf reader) -----------------------------------------------------------
def test_the_journal_title_and_authors_without_their_superscript_letters() -> None:
    journal = doc(JOURNAL)
    assert journal.title == (
        "Paying for the Last Mile: Volumetric Water Tariffs and Rural Households in the "
        "Lower Varda Basin"
    )
    assert journal.authors == ("Adwoa Mensah", "Tobias Reinholt", "Li Wen")
    assert {g.short: g.long for g in journal.glossary}["LVBA"] == "Lower Varda Basin Authority"


def test_the_journal_abstract_affiliations_keywords_and_footer() -> None:
    body = texts(JOURNAL)
    assert where(JOURNAL, "In 2019 the Lower Varda Basin Authority replaced") == ("Abstract", "45")
    for t in body:
        assert not any(
            w in t
            for w in (
                "Institute for Water Governance",
                "Aldmoor College",
                "Keywords:",
                "12(3)",
                "Vol. 12",
            )
        ), t


def test_the_journal_second_page_joins_its_hyphenated_words() -> None:
    """Page 2 reads right: words broken at the line end ("irri-/gation", "pub-/lishing",
    "stand-/pipes", "house-/holds") are whole again, and the page is the printed 46."""
    body = texts(JOURNAL)
    assert "Residents described cutting back on garden irrigation first and on washing last." in (
        body
    )
    assert (
        "We propose three changes: registering each family at a shared standpipe as a separate "
        "sub-account, scaling the lifeline block to the number of families served, and "
        "publishing arrears data by village each quarter." in body
    )
    assert (
        "The first would require the LVBA to survey roughly 1,100 standpipes, which its own "
        "staff costed at 2.3 million crowns in 2022." in body
    )
    assert (
        "But they also moved a share of the cost of water from better-off households to poorer "
        "ones." in body
    )
    assert where(JOURNAL, "Reformers elsewhere should map") == ("6. Conclusion", "46")


def test_the_journal_first_page_reads_its_left_column_before_its_right() -> None:
    """Page 1 below the abstract is two columns: the left one runs from "1. Introduction" to the
    first line of "3. Data and methods", the right one goes on from "data-sharing agreement with
    the LVBA." to the block quotation. Each sentence is whole, in reading order, with the word
    broken at the line end ("esti-/mated") joined, and its in-text citation kept."""
    body = texts(JOURNAL)
    wanted = [
        "Volumetric pricing is widely recommended as a way to make water users see the cost of "
        "what they consume (Mensah and Li, 2021).",
        "Yet the evidence from rural systems is thinner than the confidence of the recommendation "
        "suggests (Okafor, 2018; Brandvold et al., 2020).",
        "In April 2019 the Lower Varda Basin Authority (LVBA) abolished its flat charge of 96 "
        "crowns a year and introduced a two-block volumetric tariff.",
        "The LVBA estimated in 2018 that the flat charge recovered only 58 per cent of operating "
        "costs, and that non-revenue water, meaning water lost to leaks or unbilled use, stood at "
        "37 per cent of supply.",
        "The new tariff set a lifeline block of 6 cubic metres a month at 0.40 crowns per cubic "
        "metre and charged 1.90 crowns for every cubic metre above it.",
        "We obtained anonymised billing records for 41,212 household accounts for the years 2017 "
        "to 2022 under a data-sharing agreement with the LVBA.",
        "For households in the lowest income quintile the median bill rose by 14 per cent over "
        "the same period, while for the highest quintile it fell by 11 per cent.",
        "About 9,300 households, most of them in the poorest villages, draw water from a "
        "standpipe that serves between three and twelve families but is billed as a single "
        "account.",
    ]
    for w in wanted:
        assert w in body, w
    positions = [body.index(w) for w in wanted]
    assert positions == sorted(positions)
    assert where(JOURNAL, "The LVBA estimated in 2018") == ("2. Policy background", "45")
    assert where(JOURNAL, "About 9,300 households") == ("4.2 Shared connections", "45")


def test_the_journal_numbered_headings_are_its_sections_in_order() -> None:
    numbered = [s for s in doc(JOURNAL).sections if s[:1].isdigit()]
    assert numbered == [
        "1. Introduction",
        "2. Policy background",
        "3. Data and methods",
        "4. Findings",
        "4.1 Bills",
        "4.2 Shared connections",
        "4.3 Consumption and arrears",
        "5. Discussion",
        "6. Conclusion",
    ]


def test_the_journal_header_doi_and_received_lines_head_no_section() -> None:
    """ "Journal of Comparative Water Policy, Vol. 12, No. 3 (2024), pp. 45-61", "DOI: 10.4821/
    jcwp.2024.12.3.045" and "Received 3 October 2023; accepted 19 February 2024" are front
    matter: none of them is a section, and no body sentence is filed under them."""
    sections = doc(JOURNAL).sections
    assert not any(s.startswith(("Journal of", "DOI:", "Received")) for s in sections), sections
    assert not any(
        s.section.startswith(("Journal of", "DOI:", "Received")) for s in doc(JOURNAL).sentences
    )


def test_the_journal_date_is_the_issue_year_in_its_header() -> None:
    assert doc(JOURNAL).date == "2024"


def test_the_journal_publication_is_the_journal_named_in_its_header() -> None:
    assert doc(JOURNAL).publication == "Journal of Comparative Water Policy"


def test_the_journal_running_header_is_not_text() -> None:
    assert not any("Paying for the Last Mile" in t for t in texts(JOURNAL))
    assert "Metered consumption fell by 9 per cent between 2018 and 2021." in texts(JOURNAL)
    assert where(JOURNAL, "Metered consumption fell") == ("4.3 Consumption and arrears", "46")


def test_the_journal_block_quotation_is_interviewee_sevens() -> None:
    """One quote: "We knew the standpipes were a problem. The billing system has one field for one
    customer, and nobody wanted to be the person who told the minister that the reform needed
    another two years of surveying before it could start." said by "Interviewee 7" (the
    description "regional official" may follow). The attribution line is no sentence."""
    speaker = speaker_of(JOURNAL, "We knew the standpipes were a problem.")
    assert speaker is not None and speaker.startswith("Interviewee 7")
    quote = next(q for q in doc(JOURNAL).quotes if q.text.startswith("We knew the standpipes"))
    assert quote.text.endswith("before it could start.")
    assert not any("(Interviewee 7" in t for t in texts(JOURNAL))


def test_the_journal_references_are_not_body_sentences() -> None:
    """The four entries under "References" are the bibliography: no sentence is a reference
    entry or a piece of one."""
    for t in texts(JOURNAL):
        assert not t.startswith(
            ("Brandvold, K.", "Harcourt, J.", "Mensah, A. and Li, W.", "Okafor, C.")
        ), t
        assert t != "Aldmoor: Riverside Press.", t


# --- the live blog (html reader) ----------------------------------------------------------------
def test_the_live_blog_metadata_and_entry_headings() -> None:
    blog = doc(BLOG)
    assert blog.title == (
        "Budget 2025 live: Treasurer Helena Vass freezes tax thresholds and unveils 4.2bn "
        "housing fund"
    )
    assert blog.authors[0] == "Priya Castellano"
    assert blog.date == "2025-03-26"
    assert blog.publication == "The Harbour Post"
    assert blog.sections[0] == "That's all from us today"
    assert blog.sections[-1] == "Welcome to our budget live blog"
    assert "Fuel duty to rise by 3p a litre" in blog.sections
    assert "Key events" not in blog.sections


def test_the_live_blog_drops_its_furniture() -> None:
    furniture = (
        "cookies",
        "Share",
        "Copy link",
        "Show more",
        "Load older",
        "Sign up",
        "newsletter",
        "Updated 3 hours ago",
        "Most read",
        "Harbour bridge",
        "Key events",
        "All rights reserved",
        "Subscribe",
        "16:32",
    )
    for t in texts(BLOG):
        assert not any(w in t for w in furniture), t


def test_the_live_blog_quotes_and_caption() -> None:
    assert speaker_of(BLOG, "This is a standstill dressed as a plan") == "Gideon Ashworth"
    assert speaker_of(BLOG, "looked after the factory owner") == "Rosalind Kerr"
    assert speaker_of(BLOG, "We inherited a house with a leaking roof") == "Helena Vass"
    fuel = speaker_of(BLOG, "I will not pretend this is painless")
    assert fuel is not None and fuel.endswith("Vass")
    assert sentence(BLOG, "The OFO's growth forecast for 2025 fell")[3] == "caption"


def test_the_live_blog_embedded_post_is_daniel_mburus_quote() -> None:
    """The post is a quote by Daniel Mburu, its text "The housing fund is welcome, but 4.2bn over
    five years is 840m a year, less than councils lost in the 2021 cuts. We will need three times
    that to end the waiting lists." The dash, name, handle and date are no part of any text."""
    assert speaker_of(BLOG, "The housing fund is welcome, but 4.2bn") == "Daniel Mburu"
    assert "We will need three times that to end the waiting lists." in texts(BLOG)
    assert not any("@dmburu_homes" in t or "March 26, 2025" in t for t in texts(BLOG))
    assert not any("@dmburu_homes" in q.text for q in doc(BLOG).quotes)


# --- the op-ed (markdown reader) ----------------------------------------------------------------
def test_the_op_ed_front_matter_headings_note_and_bio() -> None:
    oped = doc(OPED)
    assert oped.title == "Our buses don't need a fare freeze. They need a timetable."
    assert oped.authors == ("Caroline Adeyemi",)
    assert oped.date == "2025-02-11"
    assert oped.publication == "The Meridian Review"
    assert oped.sections == (
        "Frequency beats price",
        "What has gone wrong",
        "What the money should buy",
        "The objection",
    )
    assert sentence(OPED, "When researchers at the Ashby Transport Board")[1] == (1,)
    assert "Patronage and Frequency on County Bus Routes" in oped.notes[0].text
    assert sentence(OPED, "Caroline Adeyemi is a senior fellow")[3] == "bio"
    assert not any(t.startswith(("title:", "---", "tags:")) for t in texts(OPED))


def test_the_op_ed_quote_after_a_colon_and_the_numbered_list() -> None:
    assert speaker_of(OPED, "We can't sell a journey that isn't there.") == "Marta Quell"
    assert any("at an estimated cost of 1.6 million pounds a year." in t for t in texts(OPED))
    assert any("Fund a driver training scheme for 30 new drivers" in t for t in texts(OPED))


def test_the_op_ed_figure_caption_is_a_caption_and_its_source_no_sentence() -> None:
    """The figcaption "Weekday bus departures per hour in Ashby town centre fell from 38 in 2015
    to 21 in 2024." is a caption (kind "caption"); "Source: Ashby Transport Board." is its
    credit, not a sentence of its own."""
    assert sentence(OPED, "Weekday bus departures per hour in Ashby")[3] == "caption"
    assert "Source: Ashby Transport Board." not in texts(OPED)


def test_the_op_ed_councillors_title_is_no_part_of_his_name() -> None:
    assert speaker_of(OPED, "the one thing we can promise and deliver") == "Joel Renshaw"


# --- the translated interview (plain-text reader) -----------------------------------------------
def test_the_interview_publication_date_and_turns() -> None:
    interview = doc(INTERVIEW)
    assert interview.publication == "Le Courrier de Sarrelune"
    assert interview.date == "2025-10-14"
    body = texts(INTERVIEW)
    assert "In August 2024 the average flow was 61 cubic metres per second." in body
    assert (
        "What we are proposing is a joint commission, with engineers from both countries, that "
        "reads the gauges together and publishes the readings every week." in body
    )
    assert not any(t.startswith(("Q:", "A:", "Interview by", "Translated from")) for t in body)
    assert not any("All rights reserved" in t for t in body)
    # the question and the answer are different people
    assert (
        sentence(INTERVIEW, "Minister, the talks with Valmont")[2]
        != (sentence(INTERVIEW, "I expect them to be difficult")[2])
    )


def test_the_interview_title_is_its_headline() -> None:
    """The title is '"A treaty nobody enforces is a poem": Foreign Minister Amélie Dufresne-Koné
    on the Orbe river dispute' (the quotation marks may be curly)."""
    title = doc(INTERVIEW).title
    assert "A treaty nobody enforces is a poem" in title
    assert title.endswith("Foreign Minister Amélie Dufresne-Koné on the Orbe river dispute")


def test_the_interview_author_is_the_interviewer() -> None:
    assert doc(INTERVIEW).authors == ("Étienne Morvan",)


def test_the_interview_is_a_translation_from_french() -> None:
    assert "French" in (doc(INTERVIEW).translation or "")


def test_the_interview_turns_belong_to_the_minister_and_the_interviewer_by_name() -> None:
    """The answers are Amélie Dufresne-Koné's (the headline's "Foreign Minister Amélie
    Dufresne-Koné", "Ms Dufresne-Koné" in the editor's note); the questions are Étienne
    Morvan's ("Interview by Étienne Morvan")."""
    assert sentence(INTERVIEW, "I expect them to be difficult")[2] == "Amélie Dufresne-Koné"
    assert sentence(INTERVIEW, "I would rather have an imperfect")[2] == "Amélie Dufresne-Koné"
    assert sentence(INTERVIEW, "Minister, the talks with Valmont")[2] == "Étienne Morvan"
    speakers = {q.speaker for q in doc(INTERVIEW).quotes}
    assert "Interviewee" not in speakers and "Interviewer" not in speakers


def test_the_interview_quotes_inside_answers_are_their_speakers() -> None:
    """'As President Kaboré told parliament last month, "a treaty nobody enforces is a poem."'
    is a quote by Kaboré; 'Minister Rask, said to me in June, "we cannot be the upstream country
    forever."' a quote by Rask (a title before the name may be dropped)."""
    kabore = speaker_of(INTERVIEW, "a treaty nobody enforces is a poem")
    assert kabore is not None and kabore.endswith("Kaboré")
    rask = speaker_of(INTERVIEW, "we cannot be the upstream country forever")
    assert rask is not None and rask.endswith("Rask")


def test_the_interview_editors_note_keeps_no_brackets() -> None:
    for t in texts(INTERVIEW):
        assert not t.startswith("[") and not t.endswith("]"), t
    assert not any(s.text.startswith("[") for s in doc(INTERVIEW).sentences)


def test_the_interview_closing_edit_note_is_nobodys_quote() -> None:
    assert not any(
        q.text.startswith("This interview has been edited") for q in doc(INTERVIEW).quotes
    )
    for s in doc(INTERVIEW).sentences:
        if s.text.startswith("This interview has been edited"):
            assert s.speaker is None


# --- the council minutes (plain-text reader) ----------------------------------------------------
def test_the_minutes_body_resolutions_and_votes() -> None:
    minutes = doc(MINUTES)
    assert minutes.publication == "Millbrook Town Council"
    assert "MINUTES OF THE ORDINARY MEETING" in minutes.title.upper()
    body = texts(MINUTES)
    assert (
        "RESOLVED: That charges of 1.20 pounds per hour be introduced at the Station Road car park "
        "from 1 January 2026, with the first hour free, and that the scheme be reviewed after "
        "twelve months." in body
    )
    assert "Carried 7-2." in body
    assert "General reserves were 286,000 pounds, equal to about five months of running costs." in (
        body
    )
    assert (
        where(MINUTES, "He noted that energy costs")[0]
        == "Item 4: Financial report to 31 August 2025"
    )
    # the attendance lists are no text
    for t in body:
        assert not any(
            w in t for w in ("Present:", "Apologies:", "In attendance", "family commitment")
        ), t
    assert speaker_of(MINUTES, "in a stronger position than at any point") in (
        "Tom Hallett",
        "Cllr Hallett",
    )


def test_the_minutes_date_is_the_meeting_date() -> None:
    assert doc(MINUTES).date == "2025-09-09"


def test_the_minutes_item_headings_are_its_sections() -> None:
    """All nine "Item N: ..." lines are sections, in order; no sentence starts with "Item", and
    the car-park debate is filed under Item 5."""
    assert doc(MINUTES).sections == (
        "Item 1: Declarations of interest",
        "Item 2: Minutes of the previous meeting",
        "Item 3: Public participation",
        "Item 4: Financial report to 31 August 2025",
        "Item 5: Parking charges at Station Road car park",
        "Item 6: Grant to Millbrook Community Sports Association",
        "Item 7: Planning applications",
        "Item 8: Correspondence",
        "Item 9: Date of next meeting",
    )
    assert not any(t.startswith("Item ") for t in texts(MINUTES))
    assert where(MINUTES, "Cllr Vance opposed the recommendation.")[0] == (
        "Item 5: Parking charges at Station Road car park"
    )


def test_the_minutes_public_speakers_words_are_his() -> None:
    assert speaker_of(MINUTES, "traders on the High Street will lose") == "Luis Pereira"


def test_the_minutes_councillors_are_named_as_in_the_present_list() -> None:
    """ "Cllr Vance said" is Peter Vance ("Cllr Peter Vance" in the Present list), "Cllr Brandt"
    Anna Brandt, "Cllr Okoro" Grace Okoro: the speaker is the full name without "Cllr"."""
    assert speaker_of(MINUTES, "solves a budget problem") == "Peter Vance"
    assert speaker_of(MINUTES, "kept this car park free") == "Anna Brandt"
    assert speaker_of(MINUTES, "have no hot water") == "Grace Okoro"


def test_the_minutes_signature_line_is_not_text() -> None:
    for t in texts(MINUTES):
        assert "....." not in t and not t.startswith(("Signed", "(Chair)")), t
