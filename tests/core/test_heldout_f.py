"""Held-out set F: ingest of five housing and energy documents from a think tank and a newsroom.

tests/data/heldout_f/ holds a think-tank research report PDF with a title page, running header
and footer, numbered footnotes at the foot of each page, a table and a bar chart (made by
make_heat_pumps_report_pdf.py), a saved news page with cookie banner, share buttons, an embedded
tweet, a newsletter box and "Related stories", a Markdown post with YAML front matter, footnotes,
a pull quote, a captioned image and a bulleted list, a plain-text radio interview transcript with
a header, timestamps and "FULL NAME:" then "SURNAME:" turns, and a plain-text policy explainer
with numbered headings, a "Key facts" box and a "Notes" list cited by [n] and (n) markers.
tests/data/queries_heldout_f.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_f"
REPORT = "heat-pumps-rented-homes-report.pdf"
PAGE = "retrofit-grants-cut.html"
POST = "community-solar-rooftops.md"
RADIO = "radio-interview-rent-controls.txt"
EXPLAINER = "explainer-district-heating.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_sixth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 33/40 here (no word vectors)
    and 34/40 from `bot eval` on a built index (the vectors find "borrowing costs" for
    "Mortgage rates", f34). Misses: three metadata questions (f07 "who wrote Warm Homes, Fair
    Rents", which fails because the report's authors are not read, see the xfail below; f20
    "who reported ... for The Northern Post" and f28 "when was ... published", whose authors and
    date are read right but the question is answered with a body sentence or nothing), two
    figures the standfirst or the sentence before outranks (f11 "£420m", f18 "61,000 homes"),
    and two words the text does not use (f16 "worst" for "highest rate", f34). Since the
    standfirst is read as the subtitle (32/40 here, 33/40 built), f15 "how much does loft
    insulation save" misses too: the subtitle's "loft" frames the cavity-wall sentence ("saves
    around £285"), which now outranks the loft one (a ranking matter, not the reader's).
    After its reading faults were fixed and the metadata questions f20 and f28 were understood
    (the report's authors read, "who reported … for <outlet>", "when was the post … published")
    it is 35/40 here and 36/40 built."""
    first, total = right_first(searcher(), DATA / "queries_heldout_f.jsonl")
    assert first >= 36, f"sixth held-out R@1 fell to {first}/{total}"


# --- the think-tank report PDF (pdf reader) -----------------------------------------------------
def test_the_report_title_page_gives_title_subtitle_institute_series_and_month() -> None:
    report = doc(REPORT)
    assert report.title == "Warm Homes, Fair Rents"
    assert report.subtitle == "Getting heat pumps into England's private rented homes"
    assert report.publication == "Marlow Institute for Housing Economics"
    assert report.series == "Report No. 14"
    assert report.date == "2025-03"


def test_the_report_footnotes_are_joined_to_the_sentences_their_markers_close() -> None:
    report = doc(REPORT)
    assert [n.number for n in report.notes] == [1, 2, 3, 4, 5, 6, 7]
    assert sentence(REPORT, "In 2023, 27 per cent")[1] == (1,)
    assert sentence(REPORT, "Renters also spend more")[1] == (2,)
    assert sentence(REPORT, "Most are owned by small landlords")[1] == (3,)
    assert sentence(REPORT, "An air-source heat pump")[1] == (4,)
    assert sentence(REPORT, "On a standard tariff")[1] == (5,)
    assert sentence(REPORT, "Landlords who had fitted one")[1] == (6,)
    assert sentence(REPORT, "Second, the minimum energy standard")[1] == (7,)
    notes = {n.number: n for n in report.notes}
    assert notes[1].url == "https://www.gov.uk/ehs-energy-2023"
    assert notes[5].text == "Ibid., p. 12."
    assert notes[5].refers_to == 4 and notes[5].page == "12"
    assert "94 had already fitted at least one heat pump" in notes[6].text
    assert "19 per cent of respondents" in notes[3].text


def test_the_report_running_header_footer_and_chart_labels_are_not_text() -> None:
    report = doc(REPORT)
    for s in report.sentences:
        assert "Page " not in s.text and "Marlow Institute for Housing" not in s.text, s.text
        assert not s.text.startswith(("Warm Homes", "Installations (thousands)", "Year")), s.text
        assert not s.text.startswith("Dr Helen"), s.text
    assert sentence(REPORT, "Private renters live")[0] == (
        "Private renters live in the coldest homes in the country."
    )
    assert all(s.page == "4" for s in report.sentences if s.section == "4. What landlords told us")


def test_the_report_table_title_and_chart_caption_are_captions() -> None:
    assert sentence(REPORT, "Table 1: Cost of heating options")[3] == "caption"
    text, _, _, kind = sentence(REPORT, "Figure 2:")
    assert kind == "caption"
    assert text == (
        "Figure 2: Heat pumps installed in privately rented homes in England each year, "
        "2019 to 2024 (thousands)"
    )


def test_the_report_authors_are_the_title_page_names_without_their_affiliations() -> None:
    """The title page has "Dr Helen Achterberg, Marlow Institute for Housing Economics" and
    "Tobias Ncube, University of Eastbridge" on two lines under the subtitle: the authors are
    the names before the comma; the affiliations are not authors and not sentences."""
    assert doc(REPORT).authors == ("Dr Helen Achterberg", "Tobias Ncube")


def test_the_report_table_is_no_heading_and_the_next_paragraph_is_not_glued_to_it() -> None:
    """Table 1 (header row "Option | Install cost (£) | Grant (£) | Annual running cost (£)")
    sits inside "3. Costs and returns". Its "Grant (£)" cell is not a section, and the paragraph
    after it starts a sentence of its own: "Running costs depend on the tariff." in section
    "3. Costs and returns", with no table figures in front of it."""
    report = doc(REPORT)
    assert report.sections == (
        "1. Introduction",
        "2. The rented stock",
        "3. Costs and returns",
        "4. What landlords told us",
        "5. Recommendations",
    )
    assert "Running costs depend on the tariff." in texts(REPORT)
    assert all(
        s.section == "3. Costs and returns"
        for s in report.sentences
        if s.text.startswith(("Running costs", "On a standard tariff", "None of that saving"))
    )


def test_the_report_table_rows_keep_their_labels_with_their_figures() -> None:
    """Each row of Table 1 is kept as text with its label and figures in order, so that "what
    does a gas boiler cost to install" finds "Gas boiler 1,700 0 1,040" (cells may be joined by
    spaces, "|" or ";"); today the labels "Gas boiler", "Air-source heat pump" and "Heat pump on
    heat pump tariff" are dropped and only the last columns' figures survive."""
    body = texts(REPORT)
    for label, cost in (
        ("Gas boiler", "1,700"),
        ("Air-source heat pump", "11,300"),
        ("Heat pump on heat pump tariff", "11,300"),
    ):
        rows = [t for t in body if t.startswith(label)]
        assert rows and cost in rows[0], (label, rows)


def test_the_report_reference_notes_carry_their_access_date() -> None:
    """Notes 1, 2, 4 and 7 end "(accessed 3 March 2025)": each note's accessed date is that
    date (as 2025-03-03 or as printed); notes 3, 5 and 6 have none."""
    notes = {n.number: n for n in doc(REPORT).notes}
    for number in (1, 2, 4, 7):
        accessed = notes[number].accessed
        assert accessed is not None and ("2025-03-03" in accessed or "3 March 2025" in accessed)
    assert notes[3].accessed is None and notes[6].accessed is None


# --- the saved news page (html reader) ----------------------------------------------------------
def test_the_news_page_metadata_from_the_byline_and_the_page() -> None:
    page = doc(PAGE)
    assert page.title == "Councils warn of cold winter as insulation grants are cut by a third"
    assert page.authors == ("Priya Lindqvist-Hale",)
    assert page.date == "2025-02-18"
    assert page.publication == "The Northern Post"
    assert page.sections == ("Ministers defend the cut", "A long queue")


def test_the_news_page_furniture_tweet_and_newsletter_box_are_not_text() -> None:
    furniture = (
        "cookies",
        "Share",
        "WhatsApp",
        "Sign up",
        "newsletter",
        "Energy Brief",
        "Related",
        "price cap to rise",
        "#WarmHomes",
        "@ColdHomesCo",
        "All rights reserved",
        "Energy Correspondent",
        "Photograph:",
        "Subscribe",
    )
    for t in texts(PAGE):
        assert not any(word in t for word in furniture), t


def test_the_news_page_quotes_have_their_speakers_however_attributed() -> None:
    """ "..., said Councillor Janet Mbeki", "Gareth Olusanya, the minister ..., said:" and
    "According to Ruth Adebayo, ..., "..."" each give the quote its speaker; the second
    paragraph of Mbeki's quote stays hers. Her title is no part of her name (as the set's query
    f12 names her: "Janet Mbeki")."""
    quotes = doc(PAGE).quotes
    by_start = {q.text[:20]: q.speaker for q in quotes}
    assert by_start["We had crews booked,"] == "Janet Mbeki"
    assert by_start["Some of these people"] == "Janet Mbeki"
    assert by_start["Every pound we spend"] == "Gareth Olusanya"
    assert by_start["there are families i"] == "Ruth Adebayo"
    assert not any(q.speaker and "Cold Homes" in q.speaker for q in quotes)


def test_the_news_page_caption_and_its_credit() -> None:
    page = doc(PAGE)
    caption = [s for s in page.sentences if s.text.startswith("An installer lays mineral wool")]
    assert caption[0].kind == "caption"
    assert caption[0].credit is not None and "Dan Okafor" in caption[0].credit


def test_the_news_page_standfirst_is_its_subtitle() -> None:
    """The <p class="standfirst"> under the headline is the article's subtitle."""
    assert doc(PAGE).subtitle == (
        "Funding for loft and cavity wall insulation falls from £420m to £280m next year, "
        "and local authorities say thousands of homes will be left waiting."
    )


# --- the Markdown post (markdown reader) --------------------------------------------------------
def test_the_post_front_matter_gives_title_author_and_date() -> None:
    post = doc(POST)
    assert post.title == "Who Owns the Roof? Community Solar on Social Housing"
    assert post.authors == ("Owen Fairweather",)
    assert post.date == "2025-05-06"
    assert post.sections == (
        "A small movement with big numbers",
        "Why it takes so long",
        "What would help",
    )
    assert not any(t.startswith(("title:", "tags:", "---")) for t in texts(POST))


def test_the_post_footnotes_links_caption_and_pull_quote() -> None:
    post = doc(POST)
    assert [n.number for n in post.notes] == [1, 2, 3]
    assert "minimum stake of £50" in post.notes[1].text
    assert "5,000 buildings by 2023" in post.notes[2].text
    assert sentence(POST, "Since then about 140")[1] == (1,)
    assert sentence(POST, "Co-operatives have to agree")[1] == (2,)
    assert sentence(POST, "The regulator has also been asked")[1] == (3,)
    assert not any("http" in t or "[^" in t or "](" in t for t in texts(POST))
    assert sentence(POST, "The 210-panel array on Kestrel House")[3] == "caption"
    kinds = {(q.kind, q.speaker) for q in post.quotes}
    assert ("pull", "Nadia Brennan") in kinds
    assert ("direct", "Michael Tran") in kinds


def test_the_post_bulleted_figures_are_one_sentence_each() -> None:
    """The four "- " items under "Here is what the figures from the sector's 2024 survey show:"
    are four sentences, each on its own; the lead-in line is not glued to the first item."""
    body = texts(POST)
    for item in (
        "Average saving per household: £185 a year on electricity bills",
        "Average scheme size: 220 kilowatts, about the roof area of two tower blocks",
        "Share of schemes that also fund a hardship pot: 62 per cent",
        "Median time from first meeting to switching on: 3.5 years",
    ):
        assert any(t.rstrip(".") == item for t in body), item


# --- the radio interview transcript (transcript reader) -----------------------------------------
def test_the_transcript_guest_turns_have_their_speakers_and_no_stage_marks() -> None:
    assert sentence(RADIO, "It's bad.")[2] == "Maria Lopez"
    assert sentence(RADIO, "One woman told us")[2] == "Maria Lopez"
    assert sentence(RADIO, "Our answer is a cap")[2] == "Maria Lopez"
    assert sentence(RADIO, "Mortgage rates for buy-to-let")[2] == "Alan Fergusson"
    assert sentence(RADIO, "I'd call that a fair deal.")[2] == "Alan Fergusson"
    assert sentence(RADIO, "Hate is a strong word.")[2] is not None
    for t in texts(RADIO):
        assert not any(m in t for m in ("[laughter]", "[inaudible]", "END OF TRANSCRIPT")), t
        assert not t.startswith(("LOPEZ:", "FERGUSSON:", "MARIA LOPEZ:")), t


def test_the_transcript_title_is_the_programme_and_episode() -> None:
    """The header names the programme, "The Policy Hour", and the episode, "Can rent controls
    keep the lights on?": the title holds the programme name (the episode title may follow),
    never the file name."""
    title = doc(RADIO).title
    assert title is not None and "The Policy Hour" in title
    assert title != "radio-interview-rent-controls"


def test_the_transcript_date_is_the_broadcast_date() -> None:
    assert doc(RADIO).date == "2025-03-09"


def test_the_transcript_header_lines_are_not_sentences() -> None:
    """The lines above the "-----" rule (station, "Broadcast:", "Programme:", "Presenter:",
    "Guests:", "Transcript produced by ...", "This is an uncorrected transcript.") are the header:
    none of them is a sentence, and the rule itself is not text."""
    for t in texts(RADIO):
        assert not t.startswith(("THE POLICY HOUR", "Presenter:", "Transcript produced")), t
        assert "uncorrected transcript" not in t and "-----" not in t, t


def test_the_transcript_timestamped_turns_belong_to_the_speaker_they_label() -> None:
    """A "[00:03:47]" line before "OKONJO: ..." starts a new turn by Okonjo: the timestamp and
    the label are not part of the text, and the turn is not given to the previous speaker
    (today "[00:03:47] OKONJO: Professor Fergusson, ..." is a sentence and quote by Maria Lopez,
    and the first turn is glued to the "-----" rule and "[00:00:05] DANIEL OKONJO:")."""
    radio = doc(RADIO)
    for start in (
        "Good morning and welcome to The Policy Hour.",
        "Professor Fergusson, economists usually hate rent controls.",
        "Let's talk about that.",
        "We're nearly out of time.",
    ):
        speaker = sentence(RADIO, start)[2]
        assert speaker is not None and speaker.endswith("Okonjo"), (start, speaker)
    for t in texts(RADIO):
        assert "[00:" not in t and "OKONJO:" not in t, t
    assert not any("[00:" in q.text or "OKONJO:" in q.text for q in radio.quotes)


def test_the_transcript_names_each_speaker_the_same_in_every_turn() -> None:
    """ "DANIEL OKONJO:" (and "Presenter: DANIEL OKONJO" in the header) names the presenter in
    full; his later "OKONJO:" turns are "Daniel Okonjo", not "Okonjo". "PROFESSOR ALAN
    FERGUSSON:" and "FERGUSSON:" are one man: every one of his turns has the same speaker
    (today "Professor Alan Fergusson" for the first, "Alan Fergusson" for the rest)."""
    assert sentence(RADIO, "And your answer is rent controls.")[2] == "Daniel Okonjo"
    assert sentence(RADIO, "Professor, does that square the circle?")[2] == "Daniel Okonjo"
    fergusson = {
        s.speaker for s in doc(RADIO).sentences if s.speaker and s.speaker.endswith("Fergusson")
    }
    assert len(fergusson) == 1, fergusson


# --- the policy explainer (plain-text reader) ---------------------------------------------------
def test_the_explainer_title_byline_date_and_bracket_notes() -> None:
    explainer = doc(EXPLAINER)
    assert explainer.title == "DISTRICT HEATING: WHAT THE NEW RULES MEAN FOR RESIDENTS"
    assert explainer.authors == ("Siobhan Kearney", "Rafael Moreno")
    assert explainer.date == "2025-01-22"
    assert [n.number for n in explainer.notes] == [1, 2, 3, 4, 5]
    assert "Heat Network Technical Assurance Scheme, or HNTAS" in explainer.notes[3].text
    text, notes, _, _ = sentence(EXPLAINER, "There are around 14,000 heat networks")
    assert notes == (1,) and "[1]" not in text
    assert sentence(EXPLAINER, "In 2023 some residents")[1] == (2,)
    assert sentence(EXPLAINER, "Networks built from 2027")[1] == (4,)
    assert sentence(EXPLAINER, "The government's own estimate")[1] == (5,)
    assert not any(
        t.startswith(("Notes", "1. Department", "By ", "Published")) for t in texts(EXPLAINER)
    )


def test_the_explainer_numbered_headings_are_its_sections() -> None:
    """ "1. What is a heat network?" ... "5. What residents can do now" (each a short line
    alone between blank lines) are the five sections (with or without their numbers), each
    holding the sentences under it, and none is a body sentence."""
    explainer = doc(EXPLAINER)
    assert [re.sub(r"^\d+\.\s*", "", s) for s in explainer.sections] == [
        "What is a heat network?",
        "Why residents have been unhappy",
        "What changes in 2026",
        "What it will cost",
        "What residents can do now",
    ]
    assert not any(re.match(r"\d\. What", t) for t in texts(EXPLAINER))
    ofgem = [s for s in explainer.sentences if s.text.startswith("From January 2026, Ofgem")]
    assert ofgem[0].section.endswith("What changes in 2026")


def test_the_explainer_dateline_names_the_publisher_and_series() -> None:
    """ "Eastfield Policy Unit | Explainer No. 9" under the date line: the unit is the
    publication, "Explainer No. 9" the series; the line heads no section."""
    explainer = doc(EXPLAINER)
    assert explainer.publication == "Eastfield Policy Unit"
    assert explainer.series == "Explainer No. 9"
    assert not any(s.startswith("Eastfield") for s in explainer.sections)


def test_the_explainer_key_facts_box_is_one_fact_a_line_without_its_label() -> None:
    """The "Key facts" box is a label over four "- " lines: each line is a sentence of its
    own, and "Key facts" is part of none."""
    body = texts(EXPLAINER)
    assert "Homes on heat networks in the UK: about 480,000" in [t.rstrip(".") for t in body]
    assert not any("Key facts" in t for t in body)


def test_the_explainer_parenthesis_marker_cites_note_three() -> None:
    """ "... how the price is worked out (3)." cites note 3 as "[1]" cites note 1: the sentence
    carries note 3, and "(3)" is not in its text."""
    text, notes, _, _ = sentence(EXPLAINER, "Operators will need to be authorised")
    assert notes == (3,)
    assert text.endswith("how the price is worked out.")
