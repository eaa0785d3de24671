"""Held-out set I: ingest of five documents from a newsroom desk and a policy study group.

tests/data/heldout_i/ holds a university working paper PDF (title block with a paper number,
authors with superscript affiliation numbers, abstract, Keywords and JEL lines, footnotes at the
foot of pages, a reference list, a running header and page numbers; made by make_paper_pdf.py),
a saved wire-service news page (two-reporter byline, dateline, photo caption and credit, fact box,
"Reporting by ...; Editing by ..." line, "Read more", share buttons, cookie banner), a Markdown
think-tank post with TOML front matter, a table, a numbered list and [^n] footnotes, a plain-text
committee hearing transcript ("The CHAIR." / "Mr. LINDQVIST." turns, "[Laughter.]", "(Recess.)"),
and a central bank press office e-mail (headers, bullets, the governor's quote, "Notes to
editors", an unsubscribe footer). tests/data/queries_heldout_i.jsonl (34 queries) was written
before anything was run. What the readers get right is asserted; each fault found is a strict
xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_i"
PAPER = "rural-broadband-working-paper.pdf"
WIRE = "wto-fishing-subsidies-talks.html"
POST = "heat-pumps-renters.md"
HEARING = "water-committee-hearing.txt"
BRIEFING = "central-bank-briefing.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def quote_speakers(name: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in doc(name).quotes}


def test_the_ninth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 24/34 here and 24/34 from
    `bot eval` on a built index. Misses: i01 (the abstract's "Take-up reached 38 per cent after
    two years" outranks the results sentence), i06 and i22 and i25 (words the text does not use:
    "pensioners", "fibre", "shareholder payouts"; a paraphrase), i13 (typo "subsidys", rank 3),
    i14 and i33 (who reported / when sent: metadata questions answered with body text), i24 and
    i27 (the hearing's turns carry no speaker, so no quotation is found), i31 (the "Notes to
    editors" are not read at all). After the hearing's turns, the notes to editors and the
    metadata questions were read (i14, i24, i27, i33), it is 28/34 here and built.
    29 after the eighth round (held-out J-O fixes)."""
    first, total = right_first(searcher(), DATA / "queries_heldout_i.jsonl")
    assert first >= 29, f"ninth held-out R@1 fell to {first}/{total}"


# --- the working paper (pdf reader) -------------------------------------------------------------
def test_the_paper_reads_title_sections_footnotes_and_pages() -> None:
    paper = doc(PAPER)
    assert paper.title == "Who Pays for the Last Mile? Rural Broadband Subsidies and Take-up"
    assert paper.publication == "Harrowgate Centre for Public Policy"
    assert paper.authors[0] == "Tamsin Achterberg"
    for heading in ("Abstract", "1. Introduction", "3. Results", "5. Conclusion"):
        assert heading in paper.sections
    assert [n.number for n in paper.notes] == [1, 2, 3, 4, 5]
    notes = {n.number: n.text for n in paper.notes}
    assert notes[4].endswith("active contract at month 24, which was 70,680.")
    assert sentence(PAPER, "In 2017 only 9 per cent")[1] == (1,)
    assert sentence(PAPER, "We combine the builders'")[1] == (2,)
    assert sentence(PAPER, "The average monthly price")[1] == (3,)
    assert sentence(PAPER, "At 412 million euros")[1] == (4,)
    assert sentence(PAPER, "Our simulations suggest")[1] == (5,)
    body = texts(PAPER)
    # the running header and the page numbers are not text
    assert not any("Working Paper No. 24-07" in t for t in body)
    assert not any("Page 2 of" in t for t in body)
    assert {s.page for s in paper.sentences if s.text.startswith("Take-up rose quickly")} == {"2"}
    assert {g.short: g.long for g in paper.glossary}["GCP"] == "Gigabit Countryside Programme"


@pytest.mark.xfail(
    strict=True,
    reason="the author line with superscript affiliation numbers "
    "gives one author and leaves the rest as a body sentence; found later: make_paper_pdf.py's "
    "sup() resets x to the margin, so the PDF overprints the names (a line drawn right reads "
    "right: tests/core/test_pdf_paper_front_matter.py)",
)
def test_the_paper_has_its_three_authors_and_no_author_sentence() -> None:
    """'Tamsin Achterberg¹, Rafael Quintero-Vidal² and Oyelaran Bello¹': three authors in that
    order, the superscripts 1 and 2 are affiliation numbers (not footnote markers), and no body
    sentence such as 'and Oyelaran Bello, Rafael Quintero-Vidal' (now read with notes [2, 1])."""
    assert doc(PAPER).authors == ("Tamsin Achterberg", "Rafael Quintero-Vidal", "Oyelaran Bello")
    assert not any("Oyelaran Bello" in t for t in texts(PAPER))


def test_the_paper_date_is_the_printed_month() -> None:
    """The dateline 'Harrowgate Centre for Public Policy - Working Paper No. 24-07 - October
    2024' gives the date 2024-10 (the reader now gives the PDF's creation date)."""
    assert doc(PAPER).date == "2024-10"


def test_the_paper_dateline_heads_no_section() -> None:
    """'Harrowgate Centre for Public Policy - Working Paper No. 24-07 - October 2024' names the
    publisher, the series number and the month; it is not a section (the author sentence now sits
    under it)."""
    assert not any(s.startswith("Harrowgate Centre") for s in doc(PAPER).sections)


def test_the_paper_keywords_and_jel_lines_are_not_body_text() -> None:
    """'Keywords: broadband, ...' and 'JEL codes: H54, L96, R58' are two title-block lines of
    metadata, not prose: neither is (part of) a body sentence."""
    body = texts(PAPER)
    assert not any("Keywords:" in t or "JEL codes:" in t for t in body)


def test_the_paper_reference_entries_are_not_cut_into_fragments() -> None:
    """Each entry of 'References' (e.g. 'Achterberg, T. (2021). Counting premises: how broadband
    targets are set. Northmoor Policy Review 12(3), 44-61.') is one item, or kept out of the
    body; it is never three sentences 'Achterberg, T. (2021).' / 'Counting premises: ...' /
    'Northmoor Policy Review 12(3), 44-61.'."""
    body = texts(PAPER)
    for fragment in (
        "Achterberg, T. (2021).",
        "Northmoor.",
        "Regional Connectivity Office (2017).",
    ):
        assert fragment not in body


# --- the wire news page (html reader) -----------------------------------------------------------
def test_the_wire_page_keeps_the_story_and_drops_the_furniture() -> None:
    page = doc(WIRE)
    assert page.title == "Fishing subsidy talks stall as ministers leave Geneva without deal"
    assert page.authors == ("Lucia Ferrante", "Daniel Osei-Mensah")
    assert page.publication == "Meridian Wire"
    assert page.date == "2025-06-12"
    body = texts(WIRE)
    assert body[1].startswith("GENEVA (Wire) — Trade ministers left Geneva on Thursday")
    for junk in ("cookies", "Share on", "Read more", "Senegal's canoe fishers", "Sign up", "©"):
        assert not any(junk in t for t in body), junk
    text, _, _, kind = sentence(WIRE, "Fishing trawlers are moored")
    assert kind == "caption"
    assert text == "Fishing trawlers are moored in the port of Vigo, Spain, March 4, 2025."
    speakers = quote_speakers(WIRE)
    assert (
        speakers[
            "We came closer than at any point in the last four years, but closer is not a deal"
        ]
        or ""
    ).endswith("Amara Nwosu")
    assert speakers["Our canoes did not empty the oceans"] == "Ibrahima Diallo"
    assert speakers["Do not ask us to carry the bill for the trawlers of others."] == (
        "Ibrahima Diallo"
    )


def test_the_wire_closing_quote_is_nwosus() -> None:
    """'"Nobody walked away from the table today," she said.' follows 'Nwosu said she would hold
    consultations ...': both closing quotes are Amara Nwosu's, not the Ocean Stewardship
    Alliance's (named two paragraphs earlier, and not a 'she')."""
    speakers = quote_speakers(WIRE)
    assert (speakers["Nobody walked away from the table today"] or "").endswith("Amara Nwosu")
    assert (speakers["That is the only good news I have."] or "").endswith("Amara Nwosu")


def test_the_wire_unnamed_official_is_an_eu_official() -> None:
    """'An EU official, who asked not to be named ..., said the bloc could accept ten years "if
    the reporting rules have teeth."': the speaker is 'An EU official' (or 'EU official'), not
    'EU', which is the bloc."""
    speaker = quote_speakers(WIRE)["if the reporting rules have teeth."]
    assert speaker is not None and speaker.lower().endswith("eu official")


def test_the_wire_fact_box_items_are_read() -> None:
    """The 'FACTBOX: Fishing subsidies in numbers' aside is part of the story: its four items are
    read as sentences (e.g. 'Fish stocks fished beyond sustainable levels: 37.7 per cent (FAO,
    2022)'), apart from the paragraphs around it; only the share/cookie/Read more are furniture."""
    body = texts(WIRE)
    assert any(
        t.startswith("Fish stocks fished beyond sustainable levels: 37.7 per cent") for t in body
    )
    assert any(
        t.startswith("Global fisheries subsidies: about 35 billion dollars a year") for t in body
    )


def test_the_wire_credit_and_standards_lines_are_not_body_text() -> None:
    """'Reporting by Lucia Ferrante and Daniel Osei-Mensah; Additional reporting by Kenji Mori in
    Tokyo; Editing by Hannah Whitcombe' is the wire's credit line (byline furniture) and 'Our
    Standards: The Meridian Wire Trust Principles.' a boilerplate link; neither is a sentence."""
    body = texts(WIRE)
    assert not any(t.startswith(("Reporting by", "Our Standards")) for t in body)


# --- the think-tank post (markdown reader) ------------------------------------------------------
def test_the_post_reads_toml_front_matter_table_notes_quote_and_bio() -> None:
    post = doc(POST)
    assert post.title == "Heat pumps for renters: closing the landlord gap"
    assert post.authors == ("Priyanka Raman",)
    assert post.publication == "Calder Institute"
    assert post.date == "2025-02-18"
    assert [n.number for n in post.notes] == [1, 2, 3]
    assert {n.number: n.text for n in post.notes}[3].endswith(
        "58 per cent supported the band C target."
    )
    assert sentence(POST, "In 2024, 61,000 heat pumps")[1] == (1,)
    assert sentence(POST, "A landlord who spends")[1] == (2,)
    assert sentence(POST, "The government proposed raising")[1] == (3,)
    assert "Figure: Figure 2; Tenure: Private rented installations; 2022: 3,100; 2024: 4,300." in (
        texts(POST)
    )
    assert (
        quote_speakers(POST)[
            "We have a standard that most landlords can meet with a new boiler and some loft "
            "insulation, and that tells you it is too low"
        ]
        == "Gareth Pennycook"
    )
    assert sentence(POST, "Priyanka Raman is a senior fellow")[3] == "bio"
    assert not any("+++" in t or "tags =" in t for t in texts(POST))


def test_the_post_numbered_list_items_are_whole_sentences() -> None:
    """'We recommend five steps:' then '1. Set band C ...' ... '5. Publish ...': each item is one
    sentence (with or without its number) and no sentence is just '2.'; item 1 is not glued to
    'We recommend five steps:'."""
    body = texts(POST)
    assert not any(t in ("2.", "3.", "4.", "5.") for t in body)
    assert not any(t.startswith("We recommend five steps: 1.") for t in body)
    assert any(
        t.endswith(
            "Set band C as the minimum standard for new tenancies from 2028 and "
            "for all tenancies from 2030."
        )
        for t in body
    )


# --- the committee hearing (txt reader) ---------------------------------------------------------
def test_the_hearing_header_gives_title_committee_and_date() -> None:
    hearing = doc(HEARING)
    assert hearing.title == "HEARING ON DROUGHT RESILIENCE AND MUNICIPAL WATER SUPPLY"
    assert hearing.publication == "Committee on Environment and Infrastructure"
    assert hearing.date == "2025-04-08"
    body = texts(HEARING)
    assert not any(t.startswith(("Members present", "Witnesses:")) for t in body)
    assert (
        "Across the network, 23 per cent of treated water is lost to leaks before it reaches a tap."
        in body
    )


def test_the_hearing_turns_have_their_speakers() -> None:
    """Each turn begins with its speaker's label ('The CHAIR.', 'Dr. VARGA.', 'Mr. LINDQVIST.',
    'Ms. OKAFOR.', ...), which is not a sentence itself; the sentences of the turn carry that
    speaker (Varga, Lindqvist; the chair is Ms. Adaeze Okafor per 'Members present'), and the
    turns are quotations a /quote search can find by speaker."""
    body = texts(HEARING)
    assert not any(t in ("The CHAIR.", "Dr. VARGA.", "Mr. LINDQVIST.", "Ms. OKAFOR.") for t in body)
    speaker = sentence(HEARING, "I am sure the pension funds")[2]
    assert speaker is not None and "Lindqvist" in speaker.title()
    speaker = sentence(HEARING, "I would rather be late and right")[2]
    assert speaker is not None and "Varga" in speaker.title()
    assert any("late and right" in q.text for q in doc(HEARING).quotes)


def test_the_hearing_stage_directions_are_not_body_text() -> None:
    """'[Laughter.]' and '(Recess.)' are transcript annotations, and '[Whereupon, at 11:42 a.m.,
    the hearing was adjourned.]' the closing note: none is a body sentence of a turn (the closing
    note may be kept as a note or kind other than 'body')."""
    found = [
        s
        for s in doc(HEARING).sentences
        if s.text in ("[Laughter.]", "(Recess.)") or s.text.startswith("[Whereupon")
    ]
    assert all(s.kind != "body" for s in found)


# --- the central bank e-mail (txt reader) -------------------------------------------------------
def test_the_briefing_reads_headers_quote_and_drops_the_footer() -> None:
    mail = doc(BRIEFING)
    assert mail.title == "Monetary Policy Committee holds Bank Rate at 4.25% - press briefing"
    assert mail.date == "2025-11-06"
    assert "Summary" in mail.sections
    assert {g.short: g.long for g in mail.glossary}["MPC"] == "Monetary Policy Committee"
    assert (
        quote_speakers(BRIEFING)[
            "Inflation is coming down, and we expect it to keep falling. But services prices are "
            "still rising too fast, and we need to be sure the job is done before we cut again. We "
            "will not be rushed, and we will not be late."
        ]
        == "Miriam Ashdown"
    )
    body = texts(BRIEFING)
    for junk in ("unsubscribe", "UNSUBSCRIBE", "media list", "Threadneedle Row", "Kind regards"):
        assert not any(junk in t for t in body), junk


def test_the_briefing_bullets_are_separate_sentences() -> None:
    """Each '* ' bullet of 'Summary' is its own sentence(s) without the '* ' marker: e.g.
    'Services inflation remains high at 4.7%, driven by wage growth of around 5% a year.' alone;
    now bullets 1's second sentence and bullets 2-5 are one sentence with ' * ' inside."""
    body = texts(BRIEFING)
    assert not any(t.startswith("* ") or " * " in t for t in body)
    assert (
        "Services inflation remains high at 4.7%, driven by wage growth of around 5% a year."
        in body
    )


def test_the_briefing_notes_to_editors_are_read() -> None:
    """'Notes to editors' (1. ... 5., after the sign-off) carries facts found nowhere else, such as
    'The members who voted for a cut were Catherine Oyelowo, Jonas Brandt and Sanjay Kulkarni.'
    They are read: as five notes numbered 1-5, or as sentences of a 'Notes to editors' section."""
    mail = doc(BRIEFING)
    in_notes = any("Catherine Oyelowo" in n.text for n in mail.notes)
    in_body = any("Catherine Oyelowo" in t for t in texts(BRIEFING))
    assert in_notes or in_body
    if in_notes:
        assert [n.number for n in mail.notes] == [1, 2, 3, 4, 5]


def test_the_briefing_publication_is_the_bank() -> None:
    """'From: Press Office, Bank of Carraway <press@...>' and the sign-off 'Bank of Carraway' name
    the publication: 'Bank of Carraway' (now None)."""
    assert doc(BRIEFING).publication == "Bank of Carraway"
