"""Held-out set AD: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_ad/ holds an explainer booklet PDF with boxed "Key terms" sidebars, a
"Did you know?" box, a timeline table, a glossary, a running footer with page numbers and a
back-cover contact block (made by make_water_booklet_pdf.py); a bilingual English/French press
release saved as HTML (headings and the minister's quote in both languages, "Notes to editors",
a media contact); a Jupyter notebook exported to Markdown (code cells, output tables, an image
with a caption, "Key findings" bullets); a syndicated newswire opinion column as plain text (slug
line, editor's note, "By NAME", "Distributed by", "(c) 2026", "END", a bio line); and a
statistics bulletin as plain text (fixed-width tables with two-line column headings, footnote
letters in cells, "Source:" lines, a revisions note, a "Next update:" line).
tests/data/queries_heldout_ad.jsonl (38 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_ad"
BOOKLET = "water-metering-explainer.pdf"
RELEASE = "ferry-fares-press-release.html"
NOTEBOOK = "bike-share-usage-notebook.md"
COLUMN = "rural-bus-column.txt"
BULLETIN = "housing-starts-bulletin.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_ad_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 25/38 here (in memory) and 25/38
    from `bot eval` on a built index. Misses that are reading faults (xfailed below): ad13 (the
    minister's English quote is not a quote), ad27 and ad28 (the column has no quotes), ad30 (the
    column has no date), ad38 ("Next update:" read as a heading), ad15 (the English sentence is
    filed under a French heading and loses to its French twin). Ranking misses: ad05 (the
    "Key terms" gloss outranks the social-tariff sentence), ad18 and ad19 (the notebook's opening
    sentence outranks; "e-bikes" is not "Electric bikes"), ad20 (the caption's first half ranks
    over its second), ad23, ad34 ("biggest drop" is not "largest fall"), ad37.
    With its reading faults fixed it scores 30 in memory: the floor now.
    """
    first, total = right_first(searcher(), DATA / "queries_heldout_ad.jsonl")
    assert first >= 30, f"AD held-out R@1 fell to {first}/{total}"


# --- the explainer booklet (pdf reader) ---------------------------------------------------------
def test_the_booklet_title_page_gives_title_authors_publisher_and_month() -> None:
    booklet = doc(BOOKLET)
    assert booklet.title == "Your Water, Measured"
    assert booklet.subtitle == "A plain guide to household water meters in Calder Vale"
    assert booklet.authors == ("Harriet Oyelaran", "Gwil Pennock")
    assert booklet.publication == "Calder Vale Water Forum"
    assert booklet.date == "2026-09"


def test_the_booklet_body_reads_beside_its_sidebars_without_the_footer() -> None:
    body = texts(BOOKLET)
    assert "Metered homes use less water." in body
    assert (
        "In 2026 the standing charge is 68 pounds a year and the volume charge is 2.31 pounds "
        "per cubic metre, covering both clean water and sewerage."
    ) in body
    assert "Standing charge: a fixed yearly sum, whatever you use." in body
    assert not any("Your Water, Measured |" in t for t in body)
    assert sentence(BOOKLET, "About 41 per cent")[0].endswith("national figure of 63 per cent.")
    assert doc(BOOKLET).sentences[0].page == "2"
    assert any(
        q.text.startswith("Nobody should be frightened") and q.speaker == "Carys Tudball"
        for q in doc(BOOKLET).quotes
    )
    assert any(q.speaker == "Tom Achebe" for q in doc(BOOKLET).quotes)
    assert "2019 — Trial of meters on 14 streets in Holmbridge." in body


def test_the_booklet_did_you_know_box_keeps_its_own_heading() -> None:
    assert doc(BOOKLET).sentences[
        [s.text for s in doc(BOOKLET).sentences].index(
            "A dripping tap can waste 5,500 litres a year, enough to fill 70 baths."
        )
    ].section == ("Did you know?")


@pytest.mark.xfail(
    strict=True,
    reason='Half fixed (pdfold): the "Glossary" section\'s "Term: meaning" lines now give the '
    "glossary (CVWF, Cubic metre, Stopcock, Water audit), but each line stays a sentence, on "
    'purpose: query ad08 ("what does CVWF stand for") asks for the line itself as the answer '
    "and the index answers with sentences (as set AA's definitions are both). Taking the lines "
    "out of the body drops ad08 and the set's floor (25 -> 24).",
)
def test_the_booklet_glossary_is_read_as_a_glossary() -> None:
    booklet = doc(BOOKLET)
    gloss = {g.short: g.long for g in booklet.glossary}
    assert gloss["CVWF"].startswith("Calder Vale Water Forum")
    assert "Stopcock" in gloss
    assert not any(t.startswith("Stopcock:") for t in texts(BOOKLET))


def test_the_booklet_back_cover_contact_block_is_not_text() -> None:
    assert not any("01632 960 418" in t or "Mill Street" in t for t in texts(BOOKLET))
    assert "Contact us" not in doc(BOOKLET).sections


# --- the bilingual press release (html reader) --------------------------------------------------
def test_the_release_keeps_both_languages_and_its_date() -> None:
    release = doc(RELEASE)
    assert release.date == "2026-10-06"
    body = texts(RELEASE)
    assert "The freeze will cost the province about 6.2 million dollars over two years." in body
    assert "Le gel coûtera à la province environ 6,2 millions de dollars sur deux ans." in body
    assert "Fares for visitors will rise by 3 per cent in April 2027." in body
    assert any(
        q.text.startswith("A frozen fare") and q.speaker == "Ruth Abernethy"
        for q in doc(RELEASE).quotes
    )
    assert not any("Follow us" in t or "Facebook" in t for t in body)


def test_the_release_title_is_the_english_headline() -> None:
    assert doc(RELEASE).title == "Island ferry fares frozen for residents until 2028"


def test_the_release_dateline_place_is_not_an_author() -> None:
    assert doc(RELEASE).authors == ("Department of Coastal Transport",)


def test_the_release_english_headings_are_sections() -> None:
    release = doc(RELEASE)
    for heading in ("A lifeline, not a luxury", "Visitors and freight", "Notes to editors"):
        assert heading in release.sections
    assert _SET.one(RELEASE, "Fares for visitors will rise").section == "Visitors and freight"


def test_the_release_minister_quote_has_its_speaker() -> None:
    quotes = {q.text: q.speaker for q in doc(RELEASE).quotes}
    assert quotes[
        "For people on the islands the ferry is the road to the hospital, the school and the job"
    ] == ("Élise Marchand-Okafor")
    assert any(
        t.startswith("Nobody on the mainland") and s == "Élise Marchand-Okafor"
        for t, s in quotes.items()
    )


def test_the_release_french_guillemet_quotes_split_into_sentences() -> None:
    body = texts(RELEASE)
    assert any(t.startswith("« Pour les gens") and t.endswith("Marchand-Okafor.") for t in body)
    assert any(t.startswith("« Personne sur le continent") for t in body)


def test_the_release_media_contact_is_not_text() -> None:
    assert not any("250-555-0142" in t or "Jonas Whitlock" in t for t in texts(RELEASE))
    assert "Media contact / Personne-ressource pour les médias" not in doc(RELEASE).sections


# --- the notebook export (markdown reader) ------------------------------------------------------
def test_the_notebook_reads_prose_tables_caption_and_findings_without_code() -> None:
    nb = doc(NOTEBOOK)
    assert nb.title == "Who rides the bike share? An analysis of 2025 trips"
    assert nb.authors == ("Priya Ventnor",)
    assert nb.date == "2026-08-14"
    body = texts(NOTEBOOK)
    assert not any("import pandas" in t or "groupby" in t or "1381502" in t for t in body)
    assert "Month: July; Trips: 158,311; Share of year: 11.8%." in body
    assert sentence(NOTEBOOK, "Central Station alone")[3] == "caption"
    assert "Electric bikes carried 52 per cent of trips with 31 per cent of the fleet." in body
    assert sentence(NOTEBOOK, "The trip data come from")[1] == (1,)
    assert doc(NOTEBOOK).notes[0].text.startswith("Millbrook Bike Share open data")
    assert any(
        q.text.startswith("If the outer wards") and q.speaker == "Dafydd Orme"
        for q in doc(NOTEBOOK).quotes
    )


# --- the syndicated column (plain-text reader) --------------------------------------------------
def test_the_column_body_sentences_are_read() -> None:
    body = texts(COLUMN)
    assert "The usual answer is that the buses ran empty." in body
    assert (
        "Her minibus runs 22 journeys a week and carried 5,600 passengers last year, most of "
        "them over seventy."
    ) in body
    assert not any(t == "END" for t in body)


def test_the_column_title_is_its_headline() -> None:
    assert doc(COLUMN).title == "The last bus out of Kettleby leaves at 4.10 in the afternoon"


def test_the_column_byline_and_syndicate() -> None:
    column = doc(COLUMN)
    assert column.authors == ("Margaret Ellsworth-Kahn",)
    assert column.publication == "Northgate Features Syndicate"


def test_the_column_date_is_from_the_editors_note() -> None:
    assert doc(COLUMN).date == "2026-11-03"


def test_the_column_wire_furniture_is_not_glued_into_sentences() -> None:
    body = texts(COLUMN)
    assert not any(
        "BC-COLUMN" in t or "Distributed by" in t or "(c) 2026" in t or "By MARGARET" in t
        for t in body
    )
    assert any(
        t.endswith("The last bus out of Kettleby leaves at 4.10 in the afternoon.") for t in body
    )
    assert not any("KETTLEBY --" in t for t in body)


def test_the_column_quotes_have_their_speakers() -> None:
    quotes = doc(COLUMN).quotes
    assert any(
        q.text.startswith("We were paying twice") and q.speaker == "Neil Brannigan" for q in quotes
    )
    assert any("Everyone here can see it" in q.text and q.speaker == "Sarah Okonjo" for q in quotes)


def test_the_column_ends_at_its_end_marker() -> None:
    body = texts(COLUMN)
    assert body[-1] == "It is a decision, and decisions can be changed."


# --- the statistics bulletin (plain-text reader) ------------------------------------------------
def test_the_bulletin_prose_and_revisions_are_read() -> None:
    body = texts(BULLETIN)
    assert "Completions were 9 per cent lower than a year earlier." in body
    assert (
        "Starts are now 4,050 (previously 3,980) and completions 4,020 (previously 4,090), "
        "following late returns from two approved inspectors."
    ) in body
    for heading in ("Main points", "Completions", "Affordable housing", "Revisions"):
        assert heading in doc(BULLETIN).sections
    assert any(
        "a home started is not a home lived in" in q.text and q.speaker == "Mererid Lloyd-Haines"
        for q in doc(BULLETIN).quotes
    )


def test_the_bulletin_title_is_under_its_masthead() -> None:
    bulletin = doc(BULLETIN)
    assert bulletin.title == (
        "Housing Supply: New Build Starts and Completions, July to September 2026"
    )
    assert bulletin.publication == "Regional Statistics Office"


def test_the_bulletin_date_and_statistician() -> None:
    bulletin = doc(BULLETIN)
    assert bulletin.date == "2026-11-19"
    assert bulletin.authors == ("Dr Owain Prothero-Lake",)


def test_the_bulletin_table_one_rows_are_rows() -> None:
    body = texts(BULLETIN)
    assert not any("Private enterprise 2,880" in t and "Provisional" in t for t in body)
    row = [t for t in body if t.startswith("Tenure: All tenures") or t.startswith("All tenures")]
    assert len(row) == 1 and "4,310" in row[0] and "Q3 2026" in row[0]


def test_the_bulletin_table_two_rows_are_rows() -> None:
    body = texts(BULLETIN)
    assert not any("------" in t for t in body)
    aberfenn = [t for t in body if "Aberfenn" in t]
    assert len(aberfenn) == 1 and "1,105" in aberfenn[0] and "-6%" in aberfenn[0]
    assert "842" not in aberfenn[0]


def test_the_bulletin_table_footnote_letters_are_notes() -> None:
    bulletin = doc(BULLETIN)
    assert len(bulletin.notes) == 3
    assert any(n.text.startswith("Revised from 3,940") for n in bulletin.notes)
    assert not any(t.startswith("(c) Carreg Vale") for t in texts(BULLETIN))


def test_the_bulletin_next_update_line_is_no_heading() -> None:
    bulletin = doc(BULLETIN)
    assert not any(s.startswith("Next update") for s in bulletin.sections)
    assert not any(t.startswith("(c) Regional Statistics Office") for t in texts(BULLETIN))
