"""Held-out set N: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_n/ holds a landscape PDF slide deck (title slide, bullet slides, a chart's
labels, a quote slide, slide numbers and an organisation footer, made by make_deck_pdf.py), a
saved Medium post with its page furniture and a pull quote, a Markdown meeting note with task
checkboxes, a plain-text UN General Assembly resolution, and a UK Supreme Court press summary.
tests/data/queries_heldout_n.jsonl (40 queries) was written before anything was run (three quote
golds lost a trailing comma that is not part of the quotation). What the readers get right is
asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_n"
DECK = "heat-pump-rollout-deck.pdf"
POST = "bus-franchising-medium.html"
NOTES = "water-reuse-working-group.md"
RESOLUTION = "ocean-plastics-resolution.txt"
JUDGMENT = "uksc-hostel-summary.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


def test_the_fourteenth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 31/40 here (in memory, no word
    vectors) and 33/40 from `bot eval` on a built index (the vectors find n09 "efficency in the
    feild trial" and n27 "how much plastic goes into the sea"). Misses: n06 the deck's quote
    slide and n13 the Medium pull quote are not quotes (faults below); n05 a paraphrase of the
    deck's barrier slide; n39 the judgment's date asked as "handed down"; n29 the SIDS acronym
    (rank 2); n24 greywater cost outranked by its neighbour (rank 2-3); n31 the trust-fund
    target glued into paragraph 2's sub-items (rank 3, fault below). Since the pull quote is read
    as Arjun Bell's, n13 is answered: 32; after the eighth round (the deck's quote slide): 33."""
    first, total = right_first(searcher(), DATA / "queries_heldout_n.jsonl")
    assert first >= FLOOR, f"fourteenth held-out R@1 fell to {first}/{total}"


FLOOR = 35


# --- what the readers get right --------------------------------------------------------------
def test_the_deck_reads_its_slides_titles_and_bullets_without_the_footer() -> None:
    deck = doc(DECK)
    assert deck.title == "Warmer Homes, Lower Bills: The Heat Pump Rollout So Far"
    assert deck.authors == ("Dr Anika Rosswell",)
    for heading in ("Where we are in 2025", "The installer gap", "Sources"):
        assert heading in deck.sections
    body = texts(DECK)
    assert (
        "The region has 610 certified heat pump installers, against 2,300 needed by 2030." in body
    )
    assert "Semi-detached houses: 4,700 installs" in body
    assert not any(t.startswith("Northfold Energy Agency") and len(t) < 30 for t in body)


def test_the_medium_post_has_its_byline_date_and_caption_without_furniture() -> None:
    post = doc(POST)
    assert post.title == "What Manchester's Buses Taught Us About Franchising"
    assert post.authors == ("Priya Okafor",)
    assert post.date == "2025-03-14"
    body = texts(POST)
    for furniture in ("Sign in", "Follow", "7 min read", "3.2K", "More from Priya Okafor"):
        assert not any(furniture in t for t in body), furniture
    caps = [s for s in post.sentences if s.kind == "caption"]
    assert caps[0].text == "A franchised bus on the Oxford Road corridor in January 2025."
    assert any(q.speaker == "Helen Marsh" for q in post.quotes)


def test_the_meeting_notes_have_title_date_sections_decisions_and_quotes() -> None:
    notes = doc(NOTES)
    assert notes.title == "Water Reuse Policy Working Group: Meeting Notes"
    assert notes.date == "2025-06-03"
    assert "3. Treated wastewater for irrigation" in notes.sections
    assert "Decision: salad crops eaten raw are excluded from the pilot." in texts(NOTES)
    speakers = {q.speaker for q in notes.quotes}
    assert speakers == {"Femi Adebayo", "Clara Westwood"}


def test_the_judgment_summary_has_its_date_sections_and_paragraph_references() -> None:
    j = doc(JUDGMENT)
    assert j.date == "2025-04-09"
    assert j.sections[:3] == ("BACKGROUND TO THE APPEAL", "JUDGMENT", "REASONS FOR THE JUDGMENT")
    assert "The Court does not award damages, which were not sought in these proceedings [53]." in (
        texts(JUDGMENT)
    )


def test_the_resolution_has_its_adoption_date() -> None:
    assert doc(RESOLUTION).date == "2024-12-19"


# --- faults ----------------------------------------------------------------------------------
def test_the_deck_date_is_the_talks_date_on_the_title_slide() -> None:
    """The title slide says "Regional Climate Action Forum, Harrowgate Hall, 22 May 2025"; the
    date read is the file's creation date (the day the script ran)."""
    assert doc(DECK).date == "2025-05-22"


def test_the_deck_quote_slide_is_a_quote_of_its_speaker() -> None:
    """Slide 8 holds one quotation in large italic type and its speaker underneath. It must be
    one quote, "Nobody should have to choose between a warm home and a green one." by
    "Tomas Brevik" (the line "Councillor Tomas Brevik, Chair, Northfold Housing Committee");
    neither line of it is a section heading."""
    deck = doc(DECK)
    assert not any("green one" in s or "Tomas Brevik" in s for s in deck.sections)
    assert any(
        q.speaker == "Tomas Brevik"
        and q.text == "Nobody should have to choose between a warm home and a green one."
        for q in deck.quotes
    )


def test_the_medium_pull_quote_is_one_quote_of_arjun_bell() -> None:
    """The <blockquote class="pullquote"> is one quotation, attributed by the next paragraph
    ("That line, from Marsh's deputy, Arjun Bell, ..."). It is read as two body sentences
    with dangling marks and no quote."""
    post = doc(POST)
    assert "\u201cFranchising gives you the levers." not in texts(POST)
    assert any(
        q.speaker == "Arjun Bell"
        and q.text == "Franchising gives you the levers. It doesn't pull them for you."
        for q in post.quotes
    )


def test_the_medium_closing_quotes_are_helen_marshs() -> None:
    """“Yes, and sooner,” she said. follows "Asked whether she would do it again, Marsh did not
    hesitate."; both closing quotes are Helen Marsh's, not "Greater Manchester"'s."""
    post = doc(POST)
    for start in ("Yes, and sooner", "Every year you wait"):
        qs = [q for q in post.quotes if q.text.startswith(start)]
        assert qs and all(q.speaker == "Helen Marsh" for q in qs), start


def test_the_meeting_notes_author_is_the_note_taker() -> None:
    """The header says "**Notes by:** Marcus Reid"; the notes have no author."""
    assert doc(NOTES).authors == ("Marcus Reid",)


def test_the_action_items_lose_their_checkbox_markers() -> None:
    """ "- [ ] @Femi Adebayo to ..." is a task list item; its "[ ]" / "[x]" marker is not text.
    The sentence is "@Femi Adebayo to circulate the July storage forecast by 12 June"."""
    body = texts(NOTES)
    assert "@Femi Adebayo to circulate the July storage forecast by 12 June" in body
    assert not any(t.startswith(("[ ]", "[x]")) for t in body)


def test_the_resolution_title_is_its_title_line() -> None:
    """The title is the line "79/214. Reducing marine plastic litter and microplastics" without
    its number; "United Nations A/RES/79/214" is the header (organisation and symbol)."""
    assert doc(RESOLUTION).title == "Reducing marine plastic litter and microplastics"


def test_the_resolution_preambular_paragraphs_are_each_a_sentence() -> None:
    """Each preambular paragraph ("Recalling ...,", "Noting with concern ...,", "Welcoming ...,")
    ends in a comma and is its own sentence; they are read as one glued run that starts with
    the title and "The General Assembly,". The "Noting with concern" paragraph carries
    footnote 1 (its trailing "1" is the marker) and the waste pickers paragraph footnote 2."""
    body = texts(RESOLUTION)
    assert any(t.startswith("Noting also that less than 10 per cent") for t in body)
    concern = [s for s in doc(RESOLUTION).sentences if s.text.startswith("Noting with concern")]
    assert len(concern) == 1 and tuple(concern[0].notes) == (1,)
    assert concern[0].text.endswith("without urgent action,")


def test_the_resolution_operative_paragraphs_are_separate_and_unnumbered() -> None:
    """Operative paragraph 3 is its own sentence ("Calls upon Member States in a position to do
    so to contribute to the trust fund, with a view to reaching 75 million United States
    dollars by 2026;"), not glued to the sub-items of paragraph 2; paragraph 6 is not glued to
    paragraph 5's sub-items; and no sentence keeps its number ("2. Urges", "4. Encourages")
    while paragraph 1's is dropped. No quote is made of a paragraph ("Urges Member" is no
    speaker)."""
    res = doc(RESOLUTION)
    body = texts(RESOLUTION)
    assert any(t.startswith("Calls upon Member States") for t in body)
    assert any(t.startswith("Also requests the Secretary-General") for t in body)
    assert not any(t[:3] in ("2. ", "4. ", "5. ", "7. ") for t in body)
    assert not res.quotes


def test_the_resolution_footnotes_are_notes_not_body() -> None:
    """Below the rule are two footnotes: 1 "See UNEP/EA.5/Res.14 and the report of the Executive
    Director (UNEP/EA.6/INF/7)." and 2 "Estimate from the International Labour Organization,
    document ILO/SECTOR/2023/4."; they are the document's notes, not body sentences glued to
    "52nd plenary meeting 17 December 2024"."""
    res = doc(RESOLUTION)
    assert len(res.notes) == 2
    assert not any("UNEP/EA.5/Res.14" in t or "ILO/SECTOR" in t for t in texts(RESOLUTION))


def test_the_judgment_title_is_the_case_name() -> None:
    """ "PRESS SUMMARY" is the document type; the title is the case name."""
    assert doc(JUDGMENT).title == (
        "R (on the application of Delacroix) v Secretary of State for the Home Department"
    )


def test_the_judgment_paragraph_reference_stays_with_its_quote() -> None:
    """'Lady Simler said: "A duty ... not to a building." [38]' ends with its reference; the next
    sentence is "The Court also considered the evidence of harm."."""
    body = texts(JUDGMENT)
    assert "The Court also considered the evidence of harm." in body
    assert not any(t.startswith("[38]") for t in body)


def test_the_judgment_quotes_name_the_judges_with_their_titles() -> None:
    """The speakers are "Lady Simler" and "Lord Leggatt" (as the text names them); "Simler"
    and "Leggatt" alone are not how a judge is named."""
    assert {q.speaker for q in doc(JUDGMENT).quotes} == {"Lady Simler", "Lord Leggatt"}


def test_the_judgment_closing_note_has_no_label() -> None:
    """The "NOTE" line is a label; the sentence is "This summary is provided to assist in
    understanding the Court's decision."."""
    assert "This summary is provided to assist in understanding the Court's decision." in (
        texts(JUDGMENT)
    )
