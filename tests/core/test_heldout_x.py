"""Held-out set X: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_x/ holds a saved Hansard debate page (speaker headings with party and
constituency, "Name:" interventions, "Hon. Members: Hear, hear!", column markers, a division), a
court opinion PDF (caption, syllabus, opinion of the Court, a dissent, footnotes at the foot of
each page, a running header with the case name, page numbers; made by make_tenancy_opinion_pdf.py),
a Substack-style newsletter post (subtitle, subscribe widgets, share buttons, footnotes with
back-links, a pull quote), a river-basin convention in Markdown (preamble, articles with numbered
paragraphs and lettered sub-points, a signatures block, an explanatory note) and a TV news bulletin
script (ANCHOR / REPORTER lines, SOT sound bites under a lower third, timecodes, a GFX line).
tests/data/queries_heldout_x.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_x"
DEBATE = "rural-bus-debate.html"
OPINION = "tenancy-opinion.pdf"
POST = "heat-pump-newsletter.html"
TREATY = "river-basin-convention.md"
SCRIPT = "evening-news-flood-script.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_x_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 32/40 here (no word vectors) and
    32/40 from `bot eval` on a built index. Misses: x03 (Greater Manchester's cost: the
    intervention ranks below the corridor-cost sentence), x13 "who wrote the opinion" (no author
    read, see the author xfail), x21 a typo ("temprature") with the acronym COP, x22 the
    electricity price outranked by the break-even sentence (rank 2), x30 a paraphrase
    ("reported to neighbours"), x36 and x39 the script's sound bites (no quotes read, see the SOT
    xfail), x40 the air date (no date read, see the air-date xfail).
    With its reading faults fixed it scores 35 in memory: the floor now."""
    first, total = right_first(searcher(), DATA / "queries_heldout_x.jsonl")
    assert first >= 35, f"held-out X R@1 fell to {first}/{total}"


# --- the Hansard debate page (html reader) ------------------------------------------------------
def test_the_debate_page_metadata_and_sections() -> None:
    debate = doc(DEBATE)
    assert debate.title == "Rural Bus Services (Franchising)"
    assert debate.date == "2026-03-12"
    assert "Dr Owain Prydderch (Ceredigion Uplands) (PC)" in debate.sections
    body = texts(DEBATE)
    for furniture in (
        "Search Hansard",
        "Related debates",
        "Share this debate",
        "Parliamentary copyright",
    ):
        assert not any(furniture in t for t in body), furniture


def test_the_debate_interventions_have_their_members_and_notes() -> None:
    assert sentence(DEBATE, "Does the hon. Lady accept")[2] == "Giles Ashdown"
    assert sentence(DEBATE, "I will give way once")[2] == "Hannah Corrie"
    assert sentence(DEBATE, "We expect the commissioner")[2] == "Priya Venkataraman"
    assert sentence(DEBATE, "Since 2015, 134 rural routes")[1] == (1,)
    assert sentence(DEBATE, "The Bill before us")[1] == (2,)
    assert sentence(DEBATE, "Under the Bus Services (Wales) Act")[1] == (3,)
    assert [n.number for n in doc(DEBATE).notes] == [1, 2, 3]
    assert "The House divided: Ayes 298, Noes 211." in texts(DEBATE)
    bowen = [q for q in doc(DEBATE).quotes if q.text.startswith("I gave up my car")]
    assert [q.speaker for q in bowen] == ["Eirlys Bowen"]


def test_the_debate_column_markers_are_furniture_not_text() -> None:
    """ "Column 412" … "Column 415" are the printed Hansard's column numbers in the margin: page
    furniture. None is a body sentence or a quote (today each is a sentence, and "Column 412" is a
    quote by "Volume 771")."""
    assert not any(t.startswith("Column 41") for t in texts(DEBATE))
    assert not any(q.text.startswith("Column") for q in doc(DEBATE).quotes)


def test_the_debate_sitting_line_is_no_quote() -> None:
    """ "Volume 771: debated on Thursday 12 March 2026" is the sitting line (volume and date),
    not a quotation by "Volume 771", and no body sentence."""
    assert not any(q.speaker == "Volume 771" for q in doc(DEBATE).quotes)
    assert not any(t.startswith("debated on Thursday") for t in texts(DEBATE))


def test_the_debate_speeches_under_a_speaker_heading_carry_that_member() -> None:
    """A speech opens with an <h3> "Name (Constituency) (Party)" (or "Office (Name)") heading and
    runs on without a "Name:" label; each of its sentences is spoken by the heading's member."""
    assert sentence(DEBATE, "In Wales we have already legislated.")[2] == "Owain Prydderch"
    assert sentence(DEBATE, "I do not doubt the sincerity")[2] == "Giles Ashdown"
    assert sentence(DEBATE, "This year we will spend")[2] == "Priya Venkataraman"
    assert sentence(DEBATE, "In my constituency the last bus")[2] == "Hannah Corrie"


def test_the_debate_campaign_quote_names_the_whole_organisation() -> None:
    """ "As the Campaign for Better Transport told the Select Committee, “a fare cap …”": the
    speaker is "Campaign for Better Transport", not "Better Transport"."""
    quotes = [q for q in doc(DEBATE).quotes if q.text.startswith("a fare cap without")]
    assert [q.speaker for q in quotes] == ["Campaign for Better Transport"]


def test_the_debate_motion_is_no_pull_quote_by_hansard() -> None:
    """The motion "That this House notes …" (moved, then resolved) is the House's text, not a
    magazine pull quote; no quote is attributed to the publication "Hansard - House of Commons"."""
    assert not any(q.speaker == "Hansard - House of Commons" for q in doc(DEBATE).quotes)


# --- the court opinion (pdf reader) -------------------------------------------------------------
def test_the_opinion_reads_its_pages_and_most_footnotes() -> None:
    body = texts(OPINION)
    assert "A letter to the landlord is a complaint." in body
    assert sentence(OPINION, "The statute does not say")[1] == (2,)
    assert sentence(OPINION, "In the three years after")[1] == (3,)
    assert sentence(OPINION, "In 2017 it rejected an amendment")[1] == (4,)
    assert [s.page for s in doc(OPINION).sentences if s.text.startswith("I respectfully")] == ["3"]
    assert not any("Page 2 of 3" in t for t in body)
    quotes = [q for q in doc(OPINION).quotes if q.text.startswith("a landlord who cannot")]
    assert [q.speaker for q in quotes] == ["Northshore Association of Housing Providers"]


def test_the_opinion_title_is_the_case_name() -> None:
    """The title is the case name "MARLOW HOUSING TRUST v. DELACROIX" (any casing), not the
    citation line "Cite as: 2026 NS 14 (2026)" above the court's name."""
    assert doc(OPINION).title.lower() == "marlow housing trust v. delacroix"


def test_the_opinion_date_is_the_decision_date() -> None:
    """ "Argued November 4, 2025 - Decided February 20, 2026": the opinion's date is 2026-02-20
    (today it is the PDF's creation date)."""
    assert doc(OPINION).date == "2026-02-20"


def test_the_opinion_author_is_the_justice_who_delivered_it() -> None:
    """ "OKONKWO-REID, J., delivered the opinion of the Court": the author names Justice
    Okonkwo-Reid (today no author is found)."""
    assert any("okonkwo-reid" in a.lower() for a in doc(OPINION).authors)


def test_the_opinion_first_footnote_is_a_note_on_its_sentence() -> None:
    """ "… raised the rent to $1,414.1 She wrote …": the "1" after "$1,414." is footnote marker 1
    and ends the sentence. The sentence reads "… raised the rent to $1,414." with note 1; "She
    wrote to the Trust on April 2, 2024, …" is the next sentence; the foot-of-page "1 The increase
    was 14.0 percent; …" is note 1's text, not a body sentence."""
    text, notes, _, _ = sentence(OPINION, "Ms. Delacroix paid $1,240")
    assert text.endswith("raised the rent to $1,414.")
    assert notes == (1,)
    assert {n.number: n.text for n in doc(OPINION).notes}[1].startswith("The increase was 14.0")
    assert not any(t.startswith("1 The increase") for t in texts(OPINION))


def test_the_opinion_has_no_pull_quotes_and_keeps_its_closing_line() -> None:
    """A court opinion has no pull quotes: "JUSTICE OKONKWO-REID delivered the opinion of the
    Court." (a heading) and "The judgment of the Court of Appeals is affirmed." (the body's last
    paragraph, today lost from the sentences) are no pull quotes; the latter is a body sentence."""
    assert not any(q.kind == "pull" for q in doc(OPINION).quotes)
    assert "The judgment of the Court of Appeals is affirmed." in texts(OPINION)


def test_the_opinion_sections_are_its_parts_and_the_dissent_is_its_own() -> None:
    """The caption (court's name, case name, docket line) heads no section; the dissent (page 3,
    "JUSTICE SOLANO, with whom JUSTICE FITZWARREN joins, dissenting.") is its own section, not
    part II of the Court's opinion, and the running header "SOLANO, J., dissenting" is not glued
    to its heading."""
    opinion = doc(OPINION)
    assert "SUPREME COURT OF THE STATE OF NORTHSHORE" not in opinion.sections
    assert not any(s.startswith("No. 25-118") for s in opinion.sections)
    dissent = [s for s in opinion.sentences if s.text.startswith("The Court today turns")]
    assert dissent[0].section != "II"
    assert not any(t.startswith("SOLANO, J., dissenting JUSTICE") for t in texts(OPINION))


# --- the newsletter post (html reader) ----------------------------------------------------------
def test_the_newsletter_metadata_notes_quotes_and_no_furniture() -> None:
    post = doc(POST)
    assert post.title == "The heat pump gap nobody is measuring"
    assert post.subtitle == "Installations are up. Savings are not where the brochures said."
    assert post.authors == ("Rosalind Achterberg",)
    assert post.date == "2026-01-27"
    assert post.publication == "Grid Notes"
    assert post.sections == ("Where the savings went", "Tariffs make it worse", "What would help")
    assert sentence(POST, "I spent the autumn")[1] == (1,)
    assert sentence(POST, "In the monitored homes")[1] == (2,)
    assert sentence(POST, "A heat pump has to be at least")[1] == (3,)
    body = texts(POST)
    for furniture in (
        "Subscribe",
        "subscriber",
        "Share",
        "Comments",
        "Likes",
        "Restack",
        "Privacy",
    ):
        assert not any(furniture in t for t in body), furniture
    pulls = [q for q in post.quotes if q.kind == "pull"]
    assert [q.speaker for q in pulls] == ["Declan Mbeki"]
    brearley = [q for q in post.quotes if q.text.startswith("a price signal")]
    assert [q.speaker for q in brearley] == ["Jonathan Brearley"]


def test_the_newsletter_subtitle_is_not_body_text() -> None:
    """The subtitle "Installations are up. Savings are not where the brochures said." is the
    subtitle only; neither of its sentences is a body sentence."""
    body = texts(POST)
    assert "Installations are up." not in body
    assert "Savings are not where the brochures said." not in body


# --- the convention (markdown reader) -----------------------------------------------------------
def test_the_convention_reads_its_articles_definitions_and_notes() -> None:
    treaty = doc(TREATY)
    assert treaty.title == "Convention on the Shared Management of the Varnel River Basin"
    assert treaty.date == "2025-09-18"
    assert "Article 1 – Definitions" in treaty.sections
    assert "Explanatory Note by the Secretariat" in treaty.sections
    assert sentence(TREATY, "Concerned that average summer flow")[1] == (1,)
    assert sentence(TREATY, "Negotiations began in March 2022")[1] == (2,)
    assert any(t.startswith('(c) "Significant abstraction" means') for t in texts(TREATY))
    quotes = [q for q in treaty.quotes if q.text.startswith("For the first time")]
    assert [q.speaker for q in quotes] == ["Ilse Marquardt"]


def test_the_convention_lettered_sub_points_are_sentences_of_their_own() -> None:
    """Article 2, paragraph 2 is an intro "2. In pursuit of that objective the Parties shall:"
    and three lettered sub-points, each its own sentence like Article 1's definitions:
    "(a) maintain at the Kessel gauge …;", "(b) reduce loads of total phosphorus …;", "(c) notify
    the other Riparian Parties …"."""
    body = texts(TREATY)
    assert any(t.startswith("(a) maintain at the Kessel gauge") for t in body)
    assert any(t.startswith("(b) reduce loads of total phosphorus") for t in body)
    assert any(t.startswith("(c) notify the other Riparian Parties") for t in body)


def test_the_convention_publisher_line_names_the_publication() -> None:
    """ "Published by the Secretariat of the Varnel Basin Commission, Treaty Series No. 12,
    November 2025" is the imprint: the publication is the Varnel Basin Commission (its
    Secretariat), the series "Treaty Series No. 12"; it is no subtitle."""
    treaty = doc(TREATY)
    assert "Varnel Basin Commission" in (treaty.publication or "")
    assert treaty.subtitle is None or not treaty.subtitle.startswith("Published by")


def test_the_convention_signatures_are_not_part_of_article_12() -> None:
    """After the last article and a rule come "IN WITNESS WHEREOF …" and the four signatures;
    they are the signatures block, not text of "Article 12 – Entry into Force"."""
    signatures = [
        s for s in doc(TREATY).sentences if s.text.startswith(("IN WITNESS", "For the Republic"))
    ]
    assert signatures
    assert all(s.section != "Article 12 – Entry into Force" for s in signatures)


# --- the TV bulletin script (text reader) -------------------------------------------------------
def test_the_script_drops_timecodes_and_production_lines() -> None:
    body = texts(SCRIPT)
    assert not any(t.startswith("[00:") for t in body)
    assert not any("PRODUCER" in t or "SLUG" in t for t in body)
    assert (
        "The National Audit Office warned in November that rising construction costs meant about "
        "40,000 fewer homes would be protected by 2027 than ministers had promised." in body
    )


def test_the_script_date_is_the_air_date() -> None:
    """ "AIR DATE: WEDNESDAY 4 FEBRUARY 2026" is the date (2026-02-04), and it is no subtitle."""
    script = doc(SCRIPT)
    assert script.date == "2026-02-04"
    assert script.subtitle is None or "AIR DATE" not in script.subtitle


def test_the_script_programme_is_the_publication() -> None:
    """ "PROGRAMME: CENTRAL TONIGHT - 6.30PM BULLETIN" names the programme, the publication
    ("Central Tonight", any casing); the title is the story "SEVERN FLOOD DEFENCES" (any casing),
    not the programme line with its "PROGRAMME:" label."""
    script = doc(SCRIPT)
    assert (script.publication or "").lower() == "central tonight"
    assert script.title.lower() == "severn flood defences"


def test_the_script_role_labels_give_the_speaker() -> None:
    """ "ANCHOR (JOSEPHINE OKAFOR): Good evening." and "REPORTER (DANIEL HARTIGAN) (VO): …" are
    turns: the label (role, name, "(VO)"/"(PTC)") is not text and the name is the speaker."""
    assert not any(t.startswith(("ANCHOR (", "REPORTER (")) for t in texts(SCRIPT))
    _, _, speaker, _ = sentence(SCRIPT, "Good evening.")
    assert speaker == "Josephine Okafor"
    _, _, speaker, _ = sentence(SCRIPT, "For the third winter in four years")
    assert speaker == "Daniel Hartigan"


def test_the_script_sound_bites_are_quotes_by_the_lower_third_name() -> None:
    """ "SOT: LOWER THIRD: GARETH NWOSU / AREA FLOOD MANAGER, ENVIRONMENT AGENCY" then
    "GARETH NWOSU: We would rather build it once and build it right. …": the lower third is the
    caption (name / title), not text; the sound bite is a quote by Gareth Nwosu and its sentence
    reads "We would rather build it once and build it right." (likewise Maureen Teasdale,
    Cllr Priya Langdon, Dr Helen Farquhar)."""
    assert not any("LOWER THIRD" in t for t in texts(SCRIPT))
    speakers = {q.speaker or "" for q in doc(SCRIPT).quotes}
    for name in ("Gareth Nwosu", "Maureen Teasdale", "Priya Langdon", "Helen Farquhar"):
        assert any(s.lower().endswith(name.lower()) for s in speakers), name
    assert sentence(SCRIPT, "We would rather build it once")[2] == "Gareth Nwosu"


def test_the_script_graphics_line_and_end_marker_are_not_text() -> None:
    """ "GFX: FULL FRAME - FLOOD WARNINGS IN FORCE: …" is a graphics instruction and "END OF ITEM"
    the script's end marker; neither is a sentence, and the anchor's "Now, the rest of the day's
    news." is not glued to the GFX line."""
    body = texts(SCRIPT)
    assert not any(t.startswith("GFX:") or "FULL FRAME" in t for t in body)
    assert "END OF ITEM" not in body
