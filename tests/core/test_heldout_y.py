"""Held-out set Y: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_y/ holds a bill as introduced in a legislature (a PDF made by
make_bill_pdf.py: a title page with the bill number, sponsors and referral, then the text with
line numbers in the left margin, a running header "S.B. 2417 -- Rural Bus Access Act of 2026 /
INTRODUCED", page numbers at the foot, "SEC. n. HEADING." sections with (a)(1)(A) subsections and
a findings section full of figures), a government "Questions and answers" page saved as HTML
(<details>/<summary> accordion, breadcrumbs, "Last updated", a contact box, "Was this page
useful?"), a documentary film transcript in plain text (title, broadcaster and air date, timecodes,
NARRATOR lines, interviewees introduced by a lower-third "NAME — title" caption line, [archive
footage] notes, end credits), a research preprint in Markdown (authors with superscript
affiliations and ORCID links, LaTeX inline and in $$ blocks, a table, a figure caption, numbered
references with DOIs) and a wire story saved as HTML (dateline, two officials quoted, "Reporting
by …; Editing by …", "Read Next" links, a trust-principles footer).
tests/data/queries_heldout_y.jsonl (39 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_y"
BILL = "rural-bus-access-bill.pdf"
QA = "water-meter-questions.html"
FILM = "the-last-ferry-transcript.txt"
PREPRINT = "soil-carbon-preprint.md"
WIRE = "wire-vaccine-stockpile.html"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_heldout_y_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 21/39 here (no word vectors) and
    21/39 from `bot eval` on a built index. Most misses are the bill's: its sentences are cut at
    every printed line and carry the line number and running header (y01, y02, y04, y05, y07,
    y08 find no whole sentence), and its sponsor is on the title page only (y09). Others: the
    "Last updated" line and the film's air date are not found as answers (y16, y25), a figure
    asked with two years (y19), the preprint's authors (y31, no authors read) and the wire
    story's lead and Moreno quote (y33, y37), and paraphrases outranked by a neighbour (y10, y13,
    y15, y26, y29).
    With its reading faults fixed it scores 30 in memory: the floor now."""
    first, total = right_first(searcher(), DATA / "queries_heldout_y.jsonl")
    assert first >= 30, f"held-out Y R@1 fell to {first}/{total}"


# --- the introduced bill (pdf reader) -----------------------------------------------------------
def test_the_bill_title_and_date_are_read() -> None:
    bill = doc(BILL)
    assert bill.title is not None and "Rural Bus Access Act of 2026" in bill.title
    assert bill.date == "2026-02-11"


def test_the_bill_keeps_its_last_sentence_whole_of_its_words() -> None:
    assert any(t.endswith("This Act shall take effect on July 1, 2026.") for t in texts(BILL))


def test_the_bill_margin_line_numbers_and_running_header_are_not_text() -> None:
    """The numbers 1, 2, 3 … printed in the left margin of each line of the bill's text, and the
    running header "S.B. 2417 -- Rural Bus Access Act of 2026" / "INTRODUCED" at the top of pages
    2 and 3, are page furniture: no sentence starts with a line number ("16 — This Act …") or
    holds the header. The last sentence reads exactly "This Act shall take effect on July 1,
    2026." """
    body = texts(BILL)
    assert "This Act shall take effect on July 1, 2026." in body
    for t in body:
        assert "INTRODUCED" not in t, t
        assert not t.split(" ", 1)[0].isdigit(), t


def test_the_bill_sentences_run_across_printed_lines() -> None:
    """A subsection printed over several numbered lines is one sentence: SEC. 5(a) reads "(a) IN
    GENERAL.--Each county transport authority receiving a grant under section 4 shall ensure that
    every town with a population of 1,000 or more in its area is served by at least 4 return bus
    journeys on each weekday." (the "(a) IN GENERAL.--" label may be dropped), not three
    fragments ending "ensure that." / "journeys on." / "each weekday."."""
    assert any(
        t.endswith(
            "Each county transport authority receiving a grant under section 4 shall ensure that "
            "every town with a population of 1,000 or more in its area is served by at least 4 "
            "return bus journeys on each weekday."
        )
        for t in texts(BILL)
    )
    assert not any(
        t.endswith(("ensure that.", "each weekday.")) and len(t) < 40 for t in texts(BILL)
    )
    assert any(
        "the number of scheduled bus routes serving rural counties in Westmark fell from 214 to "
        "131, a decline of 39 percent." in t
        for t in texts(BILL)
    )


def test_the_bill_sec_lines_are_its_sections() -> None:
    """ "SEC. 1. SHORT TITLE.", "SEC. 2. FINDINGS." … "SEC. 7. EFFECTIVE DATE." head the bill's
    sections (the section names may keep or drop the "SEC. n." number); they are not split into
    sentences "SEC." / "1." / "SHORT TITLE.", and the title-page lines ("S.B. 2417", "IN THE
    SENATE OF WESTMARK", the referral sentence cut at line ends) are not sections."""
    bill = doc(BILL)
    names = " | ".join(bill.sections)
    for heading in ("SHORT TITLE", "FINDINGS", "DEFINITIONS", "RURAL BUS ACCESS FUND"):
        assert heading in names, bill.sections
    assert "IN THE SENATE OF WESTMARK" not in bill.sections
    assert not any(t in ("SEC.", "1.", "2.", "SHORT TITLE.", "FINDINGS.") for t in texts(BILL))
    assert sentence(BILL, "This Act may be cited as")[0].endswith('"Rural Bus Access Act of 2026".')


def test_the_bill_sponsors_are_its_authors_not_the_state() -> None:
    """The title page says "Senator Ruth Okonkwo-Bell (for herself and Senator Daniel Ashcombe)
    introduced the following bill": the bill's authors are ("Ruth Okonkwo-Bell", "Daniel
    Ashcombe") (with or without "Senator"); "STATE OF WESTMARK" is the legislature, never an
    author, and "118TH LEGISLATIVE SESSION" is not the subtitle."""
    bill = doc(BILL)
    assert "STATE OF WESTMARK" not in bill.authors
    assert any("Ruth Okonkwo-Bell" in a for a in bill.authors), bill.authors
    assert bill.subtitle != "118TH LEGISLATIVE SESSION"


def test_the_bill_sentences_on_its_third_page_have_page_3() -> None:
    """SEC. 4(d) LIMITATION and SEC. 5 to 7 are printed on the PDF's third page (its footer
    prints "3"); their sentences have page "3", not "1"."""
    found = [s for s in doc(BILL).sentences if "take effect on July 1, 2026" in s.text]
    assert found and all(s.page == "3" for s in found), [(s.page, s.text) for s in found]


# --- the Questions and answers page (html reader) ------------------------------------------------
def test_the_qa_page_title_date_sections_and_no_furniture() -> None:
    page = doc(QA)
    assert page.title == "Household water meters: questions and answers"
    assert page.date == "2026-11-17"
    assert page.sections == ("About the programme", "Your bill", "Fitting and access")
    furniture = (
        "Water supply",
        "Was this page useful",
        "Report a problem",
        "0300 555 0142",
        "Open Government Licence",
        "Crown copyright",
        "Related content",
        "call charges",
        "Last updated",
    )
    for t in texts(QA):
        assert not any(w in t for w in furniture), t


def test_the_qa_page_answers_are_sentences_and_its_quotes_have_speakers() -> None:
    body = texts(QA)
    assert "The meter and its fitting are free." in body
    assert (
        "Demand there could exceed supply by 210 million litres a day by 2040 if nothing changes."
        in body
    )
    speakers = {q.speaker for q in doc(QA).quotes}
    assert "Helen Marchetti" in speakers
    assert any(s and s.endswith("Anil Ferreira") for s in speakers)


def test_the_qa_page_publisher_is_the_department() -> None:
    """ "From: Department for Water and Rivers" above the title names the page's publisher: the
    publication is "Department for Water and Rivers"."""
    assert doc(QA).publication == "Department for Water and Rivers"


@pytest.mark.xfail(
    strict=True,
    reason="Q&A bare 'No.' answer kept as a sentence of its own. Left on purpose (htmlpages, "
    "round 12): the searcher already reads the answer after a matching question in the text "
    "(its words counted as the answer's) and ranks questions after statements; read with its "
    "question ('Do I have to pay for the meter? No.') the question becomes a statement and "
    "outranks the stating sentence (y12 misses, floor 21 -> 20); glued to the next sentence it "
    "breaks 'The meter and its fitting are free.' as a sentence; dropped, the answer is lost. "
    "The fix belongs with the searcher's question/answer reading, not the ingest",
)
def test_the_qa_page_one_word_answers_are_no_sentence_of_their_own() -> None:
    """ "Do I have to pay for the meter?" is answered "No. The meter and its fitting are free.":
    the bare "No." says nothing without its question, so it is not kept as a sentence alone (it
    belongs with the question, or with the sentence after it)."""
    assert "No." not in texts(QA)


# --- the documentary transcript (plain-text reader) ---------------------------------------------
def test_the_film_turns_have_their_speakers() -> None:
    assert sentence(FILM, "For ninety years a ferry")[2] == "Narrator"
    assert sentence(FILM, "We're not asking for a bridge.")[2] == "Mairi Campbell"
    assert sentence(FILM, "A replacement of the same size")[2] == "Dr Peter Voss"
    assert sentence(FILM, "Subsidising a lifeline ferry")[2] == "Amina Yusuf"
    assert (sentence(FILM, "We had to choose between")[2] or "").endswith("James Orr")
    title = doc(FILM).title
    assert title is not None and title.upper() == "THE LAST FERRY"
    assert not any(t.startswith(("NARRATOR", "MAIRI CAMPBELL:")) for t in texts(FILM))


def test_the_film_date_and_broadcaster_are_read() -> None:
    """ "Broadcast on Northwind Television, 14 September 2026, 21:00": the date is "2026-09-14" and
    the publication "Northwind Television"; "A documentary film by Sorcha Delaney" makes Sorcha
    Delaney the author (the line is not the subtitle)."""
    film = doc(FILM)
    assert film.date == "2026-09-14"
    assert film.publication == "Northwind Television"
    assert film.authors == ("Sorcha Delaney",)


def test_the_film_timecodes_and_scene_notes_are_not_text() -> None:
    """ "[00:02:40] [archive footage: the MV Clansman being launched …]", "[00:05:02] [a meeting
    hall; …]" and the other timecode/scene-note lines are production notes: no sentence or quote
    holds them, and none is given to the speaker before it (Mairi Campbell, Dr Peter Voss)."""
    for t in texts(FILM):
        assert "[00:" not in t and "archive footage" not in t, t
    for q in doc(FILM).quotes:
        assert "[00:" not in q.text, q


def test_the_film_lower_third_captions_introduce_speakers_and_are_not_text() -> None:
    """ "MAIRI CAMPBELL — crofter, Inchmore", "DR PETER VOSS — marine engineer, University of
    Strathallan" and the other "NAME — title" lines are on-screen captions naming the next
    speaker: they are not sections and not sentences (the Voss caption is now a sentence given
    to the Narrator)."""
    film = doc(FILM)
    assert not any("—" in s for s in film.sections), film.sections
    assert not any(t.startswith("DR PETER VOSS") for t in texts(FILM))


def test_the_film_end_credits_are_not_a_quote() -> None:
    """ "[END CREDITS] Produced by Tidewater Films for Northwind Television / Executive
    producer: Colm Rafferty / © Tidewater Films 2026" is the credits block: no sentence or quote
    holds it, and Mairi Campbell's last words stay "I've waited for boats all my life."."""
    for t in texts(FILM):
        assert "Tidewater" not in t and "END CREDITS" not in t, t


# --- the research preprint (markdown reader) ----------------------------------------------------
def test_the_preprint_title_sections_references_table_and_caption() -> None:
    pre = doc(PREPRINT)
    assert pre.title == (
        "Cover Crops and Soil Organic Carbon on Clay Farmland: A Six-Year Paired-Field Study"
    )
    assert pre.sections == (
        "Abstract",
        "1. Introduction",
        "2. Methods",
        "3. Results",
        "4. Discussion",
    )
    assert [n.number for n in pre.notes] == [1, 2, 3, 4, 5]
    assert sentence(PREPRINT, "Agricultural soils hold about 1,500")[1] == (1,)
    assert sentence(PREPRINT, "Yields of the following cash crop")[1] == (4,)
    assert sentence(PREPRINT, "Figure 1. Mean SOC stock")[3] == "caption"
    assert any("2022–2025" in t and "0.17" in t for t in texts(PREPRINT))
    assert {q.speaker for q in pre.quotes} == {"Erik Lund"}


def test_the_preprint_authors_are_the_three_names() -> None:
    """The bold names with superscript affiliations and ORCID links under the title are the
    authors ("Lena Hartvig", "Tomás Ibarra", "Priya Raghunathan"); that line is not the
    subtitle."""
    pre = doc(PREPRINT)
    assert pre.authors == ("Lena Hartvig", "Tomás Ibarra", "Priya Raghunathan")
    assert "ORCID" not in (pre.subtitle or "")


def test_the_preprint_date_is_the_posted_date() -> None:
    """ "*Preprint, not peer reviewed. Posted 3 October 2026. Correspondence: …*" gives the date
    "2026-10-03"; the line's three parts are not body sentences."""
    pre = doc(PREPRINT)
    assert pre.date == "2026-10-03"
    assert not any(
        t.startswith(("Preprint, not peer", "Posted 3 October", "Correspondence:"))
        for t in texts(PREPRINT)
    )


def test_the_preprint_affiliations_are_not_a_sentence_citing_notes() -> None:
    """The "<sup>1</sup> Department of Soil Science, University of Norrland, Umeå" and
    "<sup>2</sup> Institute for Agricultural Policy, Valdivia" lines are the authors'
    affiliations: not a body sentence, and their superscripts are no note markers (the sentence
    now cites references 1 and 2)."""
    assert not any(t.startswith("Department of Soil Science") for t in texts(PREPRINT))


def test_the_preprint_unit_exponents_are_no_note_markers() -> None:
    """ "(g kg⁻¹)" and "(g cm⁻³)" are units with exponents: the sentence "SOC stock was computed
    from the carbon concentration $C$ (g kg⁻¹), the bulk density …" keeps "kg⁻¹" and "cm⁻³" and
    cites no note (it now cites notes 1 and 3 and reads "g kg⁻")."""
    text, notes, _, _ = sentence(PREPRINT, "SOC stock was computed")
    assert notes == ()
    assert "kg⁻¹" in text and "cm⁻³" in text


def test_the_preprint_inline_math_keeps_its_subscripts() -> None:
    r"""Inline math is kept as written: "$\Delta = \bar{\beta}_{\text{cover}} -
    \bar{\beta}_{\text{bare}}$" keeps both underscores (the Markdown emphasis rule now eats
    them, giving "\bar{\beta}{\text{cover}}")."""
    text = sentence(PREPRINT, "The yearly rate of change")[0]
    assert r"\bar{\beta}_{\text{cover}} - \bar{\beta}_{\text{bare}}" in text


# --- the wire story (html reader) ---------------------------------------------------------------
def test_the_wire_story_title_date_publication_dateline_and_furniture() -> None:
    wire = doc(WIRE)
    assert wire.title == "WHO members agree shared cholera vaccine stockpile as outbreaks rise"
    assert wire.date == "2026-03-04"
    assert wire.publication == "Meridian Wire"
    assert "Claire Dubois" in wire.authors
    body = texts(WIRE)
    assert body[0].startswith("Member states of the World Health Organization agreed")
    for t in body:
        assert not any(
            w in t
            for w in ("GENEVA", "Share", "Read Next", "Trust Principles", "Licensing", "Mpox")
        ), t
    assert any(
        q.speaker == "Nana Akufo-Mensah" and q.text.startswith("In 2025 we waited eleven weeks")
        for q in wire.quotes
    )


def test_the_wire_story_has_both_reporters() -> None:
    """ "By Claire Dubois and Kofi Mensah" (and "Reporting by Claire Dubois in Geneva and Kofi
    Mensah in Accra"): the authors are ("Claire Dubois", "Kofi Mensah")."""
    assert doc(WIRE).authors == ("Claire Dubois", "Kofi Mensah")


def test_the_wire_story_credit_line_is_not_a_sentence() -> None:
    """ "Reporting by Claire Dubois in Geneva and Kofi Mensah in Accra; Editing by Hugh Lawson"
    is the credit line: not a body sentence (the last sentence is "The fund will be reviewed at
    the World Health Assembly in May.")."""
    body = texts(WIRE)
    assert body[-1] == "The fund will be reviewed at the World Health Assembly in May."


def test_the_wire_story_moreno_quote_has_its_speaker() -> None:
    """'"We have been rationing a vaccine that costs less than two dollars a dose," WHO Director
    of Health Emergencies Dr Rafael Moreno told reporters. "This agreement means …"': both quoted
    sentences are Dr Rafael Moreno's quotes (speaker ending "Rafael Moreno")."""
    quotes = [q for q in doc(WIRE).quotes if q.speaker and q.speaker.endswith("Rafael Moreno")]
    assert any(q.text.startswith("We have been rationing a vaccine") for q in quotes)
    assert any("stop giving countries one dose" in q.text for q in quotes)
