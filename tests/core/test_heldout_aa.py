"""Held-out set AA: ingest of five documents in layouts written by a team new to the project.

tests/data/heldout_aa/ holds a think-tank event transcript saved as a web page (bold speaker
names before their turns, "[Crosstalk]", audience questions, a video note), a regulator's
decision notice PDF (made by make_decision_notice_pdf.py: reference line, numbered paragraphs, a
definitions list, a penalty table, footnotes at the foot of page 1, a running header and "Page n
of N" footer, a signature block and an annex), a newspaper profile of a minister (standfirst,
byline, photo credit, quotes, two pull quotes, a "Key dates" sidebar), a Markdown methodology
note (bold version/date and authors lines, code blocks, tables, [^n] footnotes, a changelog) and
a ministry statement in unofficial translation as plain text (numbered points, a quoted
minister, a press-office contact line). tests/data/queries_heldout_aa.jsonl (38 queries) was
written before anything was run. What the readers get right is asserted; each fault found is a
strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_aa"
PANEL = "housing-panel-transcript.html"
NOTICE = "decision-notice-aquila-energy.pdf"
PROFILE = "minister-profile.html"
METHOD = "commuting-index-methodology.md"
STATEMENT = "fishing-rights-statement.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def containing(name: str, part: str) -> list[str]:
    """The sentences of a document that contain PART."""
    return [t for t in texts(name) if part in t]


def test_the_aa_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 32/38 from `bot eval` on a built
    index, and 32/38 here in memory. Misses: a10 (the sentence before, with "settlement
    discount", outranks "Were it not for this discount ... 9,214,286 pounds"), a12 (acronym
    PSR, not in the text), a16 (the signatory's name is read as a section heading, not text:
    see the xfail), a23 (the query's words are the pull quote's, which is Gerald Awuah's
    and right; the gold named the sentence before it, a writer's slip), a28 (RCCI's defining
    sentence outranks the London figure, rank 2), a32 (the methodology note's date is not
    read: see the xfail).
    With its reading faults fixed it scores 33 in memory: the floor now."""
    first, total = right_first(searcher(), DATA / "queries_heldout_aa.jsonl")
    assert first >= 33, f"AA held-out R@1 fell to {first}/{total}"


# --- the event transcript (html reader) ---------------------------------------------------------
def test_the_panel_turns_belong_to_their_bold_speakers() -> None:
    panel = doc(PANEL)
    assert panel.title == "Who Builds the Homes? Planning Reform After 2026"
    assert panel.date == "2026-10-14"
    assert sentence(PANEL, "Good evening, and welcome")[2] == "Celia Marwood"
    assert sentence(PANEL, "In 2025 councils granted")[2] == "Dr Oluwaseun Adeyemi"
    assert sentence(PANEL, "Our members wait an average")[2] == "Bernard Quist"
    assert sentence(PANEL, "Ring-fence the fees")[2] == "Priya Raghunathan"
    assert sentence(PANEL, "Is anybody on this panel")[2] == "Audience member"
    assert panel.sections == (
        "Participants",
        "Opening remarks",
        "The view from the council",
        "Land and value capture",
        "Audience questions",
        "Closing",
    )


def test_the_panel_stage_notes_and_page_furniture_are_not_text() -> None:
    for t in texts(PANEL):
        assert not any(
            w in t
            for w in (
                "[Crosstalk]",
                "[Laughter]",
                "[Applause]",
                "END OF TRANSCRIPT",
                "Sign up",
                "newsletter",
                "Registered charity",
                "Donate",
            )
        ), t
    assert "I do, politely." in texts(PANEL)


def test_the_panel_video_note_is_no_speakers_turn() -> None:
    panel = doc(PANEL)
    assert not any(s.speaker == "Video" for s in panel.sentences)
    assert not any(q.speaker == "Video" for q in panel.quotes)


def test_the_panel_publication_is_the_institute() -> None:
    assert doc(PANEL).publication == "Larchmont Institute"


# --- the decision notice (pdf reader) -----------------------------------------------------------
def test_the_notice_paragraphs_footnotes_table_and_pages() -> None:
    notice = doc(NOTICE)
    assert notice.title == "Decision Notice: Aquila Energy Supply Ltd"
    assert notice.date == "2026-10-09"
    assert notice.publication == "Energy Markets Authority"
    assert [n.number for n in notice.notes] == [1, 2]
    assert notice.notes[0].text.startswith("SLC 27.8A, introduced on 8 April 2023")
    assert containing(NOTICE, "Aquila moved 4,812 customers onto a PPM")
    [welfare] = [s for s in notice.sentences if "4,812 customers" in s.text]
    assert tuple(welfare.notes) == (1,) and welfare.page == "1"
    [audit] = [s for s in notice.sentences if "37 per cent of the welfare visits" in s.text]
    assert tuple(audit.notes) == (2,)
    [heating] = [s for s in notice.sentences if "3.4 days" in s.text]
    assert heating.page == "2"
    body = " ".join(texts(NOTICE))
    assert "7,368,000" in body and "-2,702,714" in body
    assert "Page 1 of" not in body and "Page 2 of" not in body
    assert "Decision Notice EMA/EN/2026/0418" not in body


def test_the_notice_sections_are_its_numbered_headings_and_the_annex() -> None:
    assert doc(NOTICE).sections == (
        "1. Action",
        "2. Definitions",
        "3. Summary of reasons",
        "4. Penalty calculation",
        "5. Procedural matters",
        "ANNEX A: Timeline of the investigation",
    )


def test_the_notice_signatory_is_searchable_text() -> None:
    assert containing(NOTICE, "Marguerite Oyelaran-Hughes")
    assert "Signed:" not in texts(NOTICE)


def test_the_notice_paragraph_numbers_are_not_figures() -> None:
    for f in doc(NOTICE).figures:
        assert not f.text.startswith(("1.1 ", "1.2 ", "2.1 ", "3.1 ", "3.2 ", "4.1 ", "4.2 ")), f


def test_the_notice_definitions_are_one_each_and_in_the_glossary() -> None:
    notice = doc(NOTICE)
    assert len(containing(NOTICE, "means a prepayment meter")) == 1
    assert not containing(NOTICE, 'Energy Markets Authority; "PPM"')
    glossary = {g.short: g.long for g in notice.glossary}
    assert glossary["PPM"] == "prepayment meter"


# --- the minister profile (html reader) ---------------------------------------------------------
def test_the_profile_byline_caption_quotes_and_pull_quotes() -> None:
    profile = doc(PROFILE)
    assert profile.title == "Helena Strand: the water minister who wants you to pay for every litre"
    assert profile.authors == ("Jonas Ekwueme",)
    assert profile.publication == "The Meridian Post"
    assert profile.date == "2026-09-22"
    caption = [s for s in profile.sentences if s.kind == "caption"]
    assert [s.text for s in caption] == [
        "Helena Strand at Aldmoor reservoir, which fell to 34 per cent of capacity in August."
    ]
    assert caption[0].credit is not None and "Ruth Okafor" in caption[0].credit
    speakers = {q.text: q.speaker for q in profile.quotes}
    assert speakers["People value what they can see"] == "Helena Strand"
    assert speakers["Helena has the right diagnosis and the wrong order of treatment"] == (
        "Gerald Awuah"
    )
    assert speakers[
        "The minister is metering the tap while the pipes pour water into the ground"
    ] == ("Deborah Lyle")
    pulls = {q.text: q.speaker for q in profile.quotes if q.kind == "pull"}
    assert pulls == {
        "If you can't see what you use, you can't choose to use less.": "Helena Strand",
        "Fix the leaks first, then ask households to change.": "Gerald Awuah",
    }
    for t in texts(PROFILE):
        assert not any(
            w in t
            for w in ("Share on", "Subscribe", "Related", "Sign up", "All rights", "— Gerald")
        ), t


def test_the_profile_key_dates_sidebar_is_read() -> None:
    body = " ".join(texts(PROFILE))
    assert "Joins the Environment Agency as a hydrologist" in body
    assert "Water Efficiency Act receives royal assent" in body


# --- the methodology note (markdown reader) -----------------------------------------------------
def test_the_note_footnotes_tables_and_code() -> None:
    note = doc(METHOD)
    assert note.title == "Regional Commuting Cost Index: Methodology Note"
    assert [n.number for n in note.notes] == [1, 2, 3, 4]
    assert note.notes[1].text.startswith("The survey's response rate was 41 per cent")
    assert sentence(METHOD, "Journey times and modes")[1] == (2,)
    assert sentence(METHOD, "The value of travel time is set")[1] == (3,)
    assert sentence(METHOD, "The median area's index rose")[1] == (4,)
    assert {g.short: g.long for g in note.glossary}["RCCI"] == "Regional Commuting Cost Index"
    body = " ".join(texts(METHOD))
    assert "fare_wk" in body and "Greater Halton" in body
    assert "def rcci" not in body and "Upper Dunmore + Carrow" not in body
    assert "Changelog" in note.sections


def test_the_note_authors_are_the_two_people() -> None:
    assert doc(METHOD).authors == ("Anneliese Vorster", "Kwabena Mensah-Otoo")


def test_the_note_date_is_its_published_line() -> None:
    note = doc(METHOD)
    assert note.date == "2026-11-03"
    assert not (note.subtitle or "").startswith("Version 2.1")


# --- the ministry statement (plain-text reader) -------------------------------------------------
def test_the_statement_points_date_and_ministers_quote() -> None:
    statement = doc(STATEMENT)
    assert statement.date == "2026-11-17"
    body = texts(STATEMENT)
    assert "Some 1,140 Vestravian fishers and 212 vessels depend on access to Halvard Bay." in body
    assert not any(t[:2] in {"1.", "2.", "3.", "9."} for t in body)
    quotes = {q.text: q.speaker for q in statement.quotes}
    assert (
        quotes[
            "We did not choose this dispute, and we do not want it. But an agreement that one side "
            "may leave overnight is not an agreement at all."
        ]
        == "Ilse Varnhagen"
    )
    assert quotes["They deserve partners who keep theirs."] == "Ilse Varnhagen"


def test_the_statement_title_publication_and_translation_note() -> None:
    statement = doc(STATEMENT)
    assert statement.title == "Statement on the suspension of the Halvard Bay fisheries arrangement"
    assert (statement.publication or "").lower() == (
        "ministry of foreign affairs of the republic of vestravia"
    )
    assert statement.translation is not None


def test_the_statement_press_office_contact_is_not_text() -> None:
    for t in texts(STATEMENT):
        assert not any(w in t for w in ("Tel:", "E-mail:", "Office hours", "Press Office")), t
