"""Held-out set AC: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_ac/ holds a one-page NGO infographic factsheet (made by make_factsheet_pdf.py:
big numbers each with a short label, icon captions, two paragraphs, sources in small print, a logo
line and a web address), a parliament's plenary verbatim report (speakers with their political
group in brackets, the President's procedural lines, applause and interpretation notes, a vote
result, numbered agenda items), a Notion meeting-notes export in Markdown (property table,
toggles, emoji callouts, checkboxes, a decision log table, quoted remarks), podcast show notes as
plain text (chapters, guest bio, links, sponsor read, pull quote, credits) and a newspaper
obituary of a former minister (standfirst, byline, lifespan line, tributes, a career timeline, a
pull quote, a photo caption with credit). tests/data/queries_heldout_ac.jsonl (38 queries) was
written before anything was run. What the readers get right is asserted; each fault found is a
strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_ac"
SHEET = "clean-air-schools-factsheet.pdf"
PLENARY = "plenary-verbatim-bus-fares.html"
NOTES = "library-opening-hours-meeting.md"
SHOW = "fare-share-episode-47.txt"
OBIT = "obituary-margit-halvorsen.html"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_ac_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 25/38 here and 25/38 from
    `bot eval` on a built index (R@3 26/38). Misses: nine of the ten /quote cases (the plenary
    speeches have no speakers, the obituary pull quote and Rolf Engebret's tribute are no quotes,
    the show notes' pull quote is glued to the sentence after it, Felix Oduya's remark is given
    to "Option D"; "Sandvold tribute Halvorsen" finds nothing though Erik Sandvold's quote is
    read, a ranking matter), "NO2" for nitrogen dioxide, the vote result (the "see Minutes" line
    outranks it), "FTE" (rank 2) and "consultation dates" (the decision log row outranks it).
    With its reading faults fixed it scores 33 in memory: the floor now.
    """
    first, total = right_first(searcher(), DATA / "queries_heldout_ac.jsonl")
    assert first >= 33, f"AC held-out R@1 fell to {first}/{total}"


# --- the factsheet (pdf reader) -----------------------------------------------------------------
def test_the_factsheet_title_publisher_date_and_big_numbers() -> None:
    sheet = doc(SHEET)
    assert sheet.title == "Clean Air at the School Gate"
    assert sheet.publication == "Breathe Easy Network"
    assert sheet.date == "2025-11"
    body = texts(SHEET)
    assert "38% rise in asthma admissions for under-10s between 2015 and 2024" in body
    assert "2,140 school streets closed to traffic at drop-off and pick-up in 2025" in body
    assert "EUR 4.60 saved in health costs for every euro spent on a school street" in body
    assert (
        "Where councils have tried it, traffic at the gate fell by 68 per cent and the number of "
        "children walking or cycling rose from 47 to 59 per cent within one school year."
    ) in body
    assert "(5) Breathe Easy parent survey, n = 2,006, fieldwork 3-14 March 2025." in body
    assert not any("breathe-easy-network.org" in t for t in body)


def test_the_factsheet_big_number_23_ugm3_stays_with_its_label() -> None:
    """The big number "23 ug/m3" stands over its label like every other big number; the reading
    is one sentence "23 ug/m3 average nitrogen dioxide at the school gate during the morning run",
    and "23 ug/m3" heads no section."""
    sheet = doc(SHEET)
    assert "23 ug/m3" not in sheet.sections
    assert "23 ug/m3 average nitrogen dioxide at the school gate during the morning run" in texts(
        SHEET
    )


def test_the_factsheet_icon_captions_are_captions_not_sections() -> None:
    """The row of icons ("[car icon]" over "Fewer cars at the gate", and so on) is no heading
    and no body text: the icon placeholders are no sentences, the four captions ("Fewer cars at
    the gate", "Cleaner air in class", "More children cycling", "Closed for 45 minutes twice a
    day") head no section, and the paragraphs under them ("Children breathe faster ...") sit in
    no section named after a caption."""
    sheet = doc(SHEET)
    assert not any(t.endswith("icon]") for t in texts(SHEET))
    for caption in ("Fewer cars at the gate", "Closed for 45 minutes twice a day"):
        assert caption not in sheet.sections
    assert _SET.one(SHEET, "Children breathe faster").section == ""


def test_the_factsheet_logo_line_is_no_sentence() -> None:
    """ "BREATHE EASY NETWORK - air for every child" is the logo line beside the web address at
    the foot of the page: furniture, not a sentence."""
    assert not any(t.startswith("BREATHE EASY NETWORK") for t in texts(SHEET))


# --- the plenary verbatim report (html reader) --------------------------------------------------
def test_the_plenary_report_agenda_items_date_and_vote() -> None:
    report = doc(PLENARY)
    assert report.title == "Verbatim report of proceedings"
    assert report.date == "2025-10-14"
    assert "2. Regional public transport fares: cap on single bus tickets (debate)" in (
        report.sections
    )
    assert sentence(PLENARY, "Motion for a resolution: 412 in favour")[0] == (
        "Motion for a resolution: 412 in favour, 198 against, 37 abstentions."
    )
    assert _SET.one(PLENARY, "Amendment 14 was adopted").section.startswith("3.1. ")
    assert not any("Privacy policy" in t or "Follow us" in t for t in texts(PLENARY))


def test_the_plenary_speeches_are_their_speakers_turns() -> None:
    """Each turn opens "Tomas Reinholt (EPP). - " (name, political group in brackets, a dash):
    the label is the speaker, not text. The turn's first sentence reads "Madam President, nobody
    in this House is against cheaper buses." with speaker "Tomas Reinholt", and every sentence of
    the turn (down to "A fare cap without a service guarantee is a promise printed on an empty
    timetable.") carries him, so /quote with his name finds his words. The rapporteur's turn
    ("Anneliese Moravec, rapporteur. - ") is hers, "President. - " lines are the President's."""
    assert sentence(PLENARY, "Madam President, nobody in this House")[2] == "Tomas Reinholt"
    assert sentence(PLENARY, "A fare cap without a service guarantee")[2] == "Tomas Reinholt"
    assert sentence(PLENARY, "In Lyon the fare cap")[2] == "Claire Duvivier"
    assert sentence(PLENARY, "Our estimate is that ridership")[2] == "Anneliese Moravec"
    assert sentence(PLENARY, "It is money taken from road maintenance")[2] == "Heinrich Voss"


def test_the_plenary_interpretation_and_reaction_notes_are_no_sentences() -> None:
    """Bracketed stage notes of the record ("(The speaker spoke in French)", "(The speaker spoke
    in German)", "(Applause from the left)", "(Mixed reactions)", "(The sitting opened at 9.00)")
    are procedural notes, not searchable body sentences (plain "(Applause)" is already dropped)."""
    body = texts(PLENARY)
    for note in (
        "(The speaker spoke in French)",
        "(The speaker spoke in German)",
        "(Applause from the left)",
    ):
        assert note not in body


# --- the Notion meeting notes (markdown reader) -------------------------------------------------
def test_the_meeting_notes_title_date_sections_toggles_and_decisions() -> None:
    notes = doc(NOTES)
    assert notes.title == "Library opening hours review: steering group meeting 3"
    assert notes.date == "2025-09-09"
    for heading in ("1. Visitor count figures", "Decision log", "Action items"):
        assert heading in notes.sections
    body = texts(NOTES)
    # the toggle's hidden text is read
    assert "Ashgrove had 61,300 visits in 2024-25, down from 98,200 five years earlier." in body
    assert (
        "#: D2; Decision: Option B is dropped because Monday is the busiest day for job seekers; "
        "Owner: Priya Nandakumar; Date: 9 Sep 2025."
    ) in body
    assert "@Hedda Marsh to draft the consultation questions and share them by 19 September" in body
    assert sentence(NOTES, '"The evening hour is the one')[2] == "Priya Nandakumar"


def test_the_meeting_notes_felix_remark_is_his_and_its_own_sentence() -> None:
    """ "Felix was cautious about option D." is one sentence; the next, "Self-service hours suit
    adults with a card, but they do nothing for the child who comes in after school because it is
    warm," he said., is a quote by Felix Oduya (the attendee "@Felix Oduya"), not by "Option D"."""
    assert "Felix was cautious about option D." in texts(NOTES)
    speakers = {q.speaker for q in doc(NOTES).quotes if q.text.startswith("Self-service hours")}
    assert speakers == {"Felix Oduya"}


# --- the podcast show notes (text reader) -------------------------------------------------------
def test_the_show_notes_sentences_and_links() -> None:
    body = texts(SHOW)
    assert (
        "Fares cover about 38 per cent of the cost of running the network; the rest comes from "
        "the regional grant and advertising."
    ) in body
    assert (
        "Rafael says the discount for returns was removed in 2021 because fewer than 12 per cent "
        "of journeys were bought as returns."
    ) in body
    assert "Our episode 31 on bus lanes: thefareshare.example/31" in body


def test_the_show_notes_title_is_the_episode_and_date_the_published_line() -> None:
    """The show's name line "THE FARE SHARE - a podcast about how we get around" is the
    publication; the article is the episode: title "Episode 47: Why fares went up (and who
    decided)", date "2025-11-03" from "Published: 3 November 2025 | Running time: 48:31"."""
    show = doc(SHOW)
    assert show.title == "Episode 47: Why fares went up (and who decided)"
    assert show.date == "2025-11-03"


def test_the_show_notes_capital_labels_are_sections_and_chapters_are_lines() -> None:
    """ "ABOUT OUR GUEST", "CHAPTERS", "WHAT WE COVERED", "PULL QUOTE", "A WORD FROM OUR
    SPONSOR", "CREDITS" are section labels, not text: the first covered sentence reads "Fares on
    the regional network rose by 7.9 per cent in January 2025, the largest rise since 2011." in
    section "WHAT WE COVERED"; each chapter is its own line ("00:04:12 Why fares went up"); each
    credit is its own line ("Producer: Mateo Fairbairn")."""
    body = texts(SHOW)
    assert (
        "Fares on the regional network rose by 7.9 per cent in January 2025, the largest rise "
        "since 2011."
    ) in body
    assert _SET.one(SHOW, "Fares on the regional network").section == "WHAT WE COVERED"
    assert "00:04:12 Why fares went up" in body
    assert "Producer: Mateo Fairbairn" in body


def test_the_show_notes_pull_quote_is_the_guests() -> None:
    """Under "PULL QUOTE": "A fare is not a price, it is a political decision dressed up as
    arithmetic." - Dr Rafael Okonjo is a quote by Dr Rafael Okonjo, and the next paragraph's "If
    you can afford the annual pass, ...," he says. is his too (Rafael is its "he"); no quote has
    the speaker "PULL QUOTE"."""
    quotes = doc(SHOW).quotes
    assert not any(q.speaker == "PULL QUOTE" for q in quotes)
    assert any(
        q.text.startswith("A fare is not a price") and (q.speaker or "").endswith("Rafael Okonjo")
        for q in quotes
    )


# --- the obituary (html reader) -----------------------------------------------------------------
def test_the_obituary_metadata_caption_tributes_and_timeline() -> None:
    obit = doc(OBIT)
    assert obit.title == "Margit Halvorsen, housing minister who built 90,000 homes, dies aged 81"
    assert obit.subtitle is not None and obit.subtitle.startswith("The former minister")
    assert obit.authors == ("Tobias Lindqvist",)
    assert obit.publication == "The Northern Ledger"
    assert obit.date == "2025-11-18"
    caption = _SET.one(OBIT, "Margit Halvorsen at the opening")
    assert caption.kind == "caption"
    assert caption.credit is not None and "Anders Bekk" in caption.credit
    speakers = {q.speaker for q in obit.quotes}
    assert {"Erik Sandvold", "Liv Aarhus", "Margit Halvorsen"} <= speakers
    assert "1998: Social Rent Act passed by 91 votes to 74" in texts(OBIT)
    body = texts(OBIT)
    assert not any("Sign up" in t or "Share on" in t or "Related" in t for t in body)


def test_the_obituary_pull_quote_is_halvorsens() -> None:
    """The set-apart pull quote "A home is not a reward for doing well. It is where doing well
    starts." repeats the subject's words: a quote by Margit Halvorsen (kind pull quote), not
    plain body text with no speaker."""
    assert any(
        q.text.startswith("A home is not a reward") and q.speaker == "Margit Halvorsen"
        for q in doc(OBIT).quotes
    )


def test_the_obituary_engebret_tribute_is_his_quote() -> None:
    """ "She was the toughest opponent I ever faced across the dispatch box, and the kindest
    colleague away from it," said the opposition housing spokesman of the time, Rolf Engebret,
    now 77. is a quote by Rolf Engebret."""
    assert any(
        q.text.startswith("She was the toughest opponent") and q.speaker == "Rolf Engebret"
        for q in doc(OBIT).quotes
    )
