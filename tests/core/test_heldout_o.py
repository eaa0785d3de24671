"""Held-out set O: ingest of five documents in layouts nobody on the project wrote a rule for.

tests/data/heldout_o/ holds a two-page charity factsheet PDF with a banner title, big-number
panels, a "Key facts" box, three narrow columns and a numbered list of asks (made by
make_factsheet_pdf.py), a saved podcast episode page with a player, guests, chapters and a
transcript of <strong>Name</strong> turns, a Mailchimp-style newsletter archive laid out in nested
tables, a data desk's plain-text Q&A explainer with a method section and a correction, and a
speech transcript "as delivered" with (Applause) and (Laughter) and notes for editors after ENDS.
tests/data/queries_heldout_o.jsonl (40 queries) was written before anything was run. What the
readers get right is asserted; each fault found is a strict xfail that states the right reading.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.heldout_scoring import HeldOutSet, right_first

DATA = Path(__file__).resolve().parents[1] / "data"
SET = DATA / "heldout_o"
SHEET = "warm-homes-factsheet.pdf"
EPISODE = "ferry-lines-episode-118.html"
LETTER = "river-notes-issue-42.html"
EXPLAINER = "bus-fares-explainer.txt"
SPEECH = "libraries-speech.txt"


_SET = HeldOutSet(SET)
doc, searcher, texts = _SET.doc, _SET.searcher, _SET.texts


sentence = _SET.sentence


def test_the_fifteenth_heldout_set_scores_at_least_what_it_did_when_written() -> None:
    """A floor, not a target: when the set was written R@1 was 23/40 here (no word vectors)
    and 23/40 from `bot eval` on a built index. The 17 misses: the big-number panel (its label
    is glued to the other panels' labels), the MEES cost cap and the penalty notices (outranked
    by the MEES key fact), the income share (paraphrase), the registration number and
    "Published June 2025" (the footer is dropped, the date is the file's), the show notes'
    27-year average (not read), Ramaswamy's and Sayeed's quotes (no speaker, wrong speaker),
    the episode date asked as "come out", the fare cap's cost and routes (outranked by the lead
    and the correction), a ridership paraphrase, the £480 commuter figure, bus mileage (a
    library sentence says "since 2010"), library budgets (rank 2) and "who gave the speech".
    After the eighth round of fixes (every fault of the set): 29/40 in memory."""
    first, total = right_first(searcher(), DATA / "queries_heldout_o.jsonl")
    assert first >= 31, f"fifteenth held-out R@1 fell to {first}/{total}"


# --- the charity factsheet (pdf reader) ---------------------------------------------------------
def test_the_factsheet_has_its_title_subtitle_author_and_key_facts() -> None:
    sheet = doc(SHEET)
    assert sheet.title == "Cold Homes, Costly Lives"
    assert sheet.subtitle == "A factsheet on damp, cold housing and the health of older renters"
    assert sheet.authors == ("Hearthlight Trust",)
    assert "Key facts" in sheet.sections
    body = texts(SHEET)
    assert "Excess winter deaths in England were 13,400 in the winter of 2023-24." in body
    assert "The World Health Organization recommends an indoor temperature of at least 18C." in body
    # the footer (registration number, website, page number) is not body text
    assert not any("1187342" in t or "Page 1 of 2" in t for t in body)
    assert {g.short: g.long for g in sheet.glossary}["MEES"] == "Minimum Energy Efficiency Standard"
    speakers = {q.speaker for q in sheet.quotes}
    assert "Gareth Olumide" in speakers


def test_the_factsheet_big_number_panels_keep_each_label_with_its_number() -> None:
    """The three panels side by side ("£4.2bn" / "a year spent by the NHS treating illness linked
    to cold homes", "1 in 6" / "private renters over 65 cannot keep their living room warm",
    "38%" / "rise in damp and mould complaints to councils since 2021") are read panel by panel:
    each label is whole in one sentence with its number, "1 in 6" is not a section heading, and
    the first paragraph ("Every winter, thousands of older people ...") starts its own sentence."""
    sheet = doc(SHEET)
    body = texts(SHEET)
    assert "1 in 6" not in sheet.sections
    assert any(
        "£4.2bn" in t and "a year spent by the NHS treating illness linked to cold homes" in t
        for t in body
    )
    assert any("private renters over 65 cannot keep their living room warm" in t for t in body)
    assert "Every winter, thousands of older people in England live in homes they cannot heat." in (
        body
    )


def test_the_factsheet_date_is_the_printed_month() -> None:
    """The footer says "Published June 2025"; the date is 2025-06, not the PDF's creation date."""
    assert doc(SHEET).date == "2025-06"


def test_the_factsheet_numbered_asks_are_under_their_heading_and_whole() -> None:
    """Page 2 has "What the evidence shows", three columns (Health, Money, Landlords), then
    "What we are asking for" and a numbered list of five asks. The sections come in that order,
    the asks are in section "What we are asking for" (not "Landlords"), and no ask is cut from
    its number ("3." and "5." are not sentences of their own)."""
    sheet = doc(SHEET)
    assert list(sheet.sections).index("What we are asking for") > list(sheet.sections).index(
        "Landlords"
    )
    asks = [s for s in sheet.sentences if "ring-fenced funding of £60m" in s.text]
    assert len(asks) == 1 and asks[0].section == "What we are asking for"
    assert not any(t in ("3.", "5.") for t in texts(SHEET))


def test_the_factsheet_pull_quote_is_maureens() -> None:
    """The italic pull quote '"I wear my coat indoors from November to March. The landlord says
    the boiler is fine." - Maureen, 78, a tenant in Stockport' is a quote by Maureen, and the
    dash attribution is not glued into the sentence text."""
    sheet = doc(SHEET)
    assert any(
        q.speaker == "Maureen" and q.text.startswith("I wear my coat indoors") for q in sheet.quotes
    )
    assert not any("- Maureen, 78" in t for t in texts(SHEET))


# --- the podcast episode page (html reader) -----------------------------------------------------
def test_the_episode_page_has_title_date_and_show_and_drops_the_player_and_subscribe_box() -> None:
    ep = doc(EPISODE)
    assert ep.title == "Episode 118: Who pays for the island ferries?"
    assert ep.date == "2025-03-12"
    assert ep.publication == "The Causeway Podcast"
    body = texts(EPISODE)
    assert not any("Download MP3" in t or "Apple Podcasts" in t or "Subscribe" in t for t in body)


def test_the_episode_transcript_turns_have_speakers_not_names_and_timestamps_in_text() -> None:
    """Each <p><strong>Name</strong> <span class="ts">[mm:ss]</span> ...</p> is a turn by Name:
    the sentence text starts after the timestamp and its speaker is Name, and the answers are
    quotes by the guest."""
    _text, _, speaker, _ = sentence(EPISODE, "Buy standard designs off the shelf")
    assert speaker == "Dev Ramaswamy"
    assert not any(
        t.startswith(("Ailsa Brack [", "Dev Ramaswamy [", "Catriona Mellis ["))
        for t in texts(EPISODE)
    )
    assert any(
        q.speaker == "Catriona Mellis" and q.text.startswith("Ask the islanders")
        for q in doc(EPISODE).quotes
    )


def test_the_episode_show_description_is_text() -> None:
    """The show notes paragraph before "Guests:" is part of the page's text."""
    assert (
        "This winter the average vessel in the state-owned fleet was 27 years old, and 31 "
        "sailings a week were cancelled for technical faults."
    ) in texts(EPISODE)


# --- the e-mail newsletter archive (html reader) ------------------------------------------------
def test_the_newsletter_reads_its_stories_and_drops_the_email_furniture() -> None:
    letter = doc(LETTER)
    assert "Beavers return to the upper valley" in letter.sections
    body = texts(LETTER)
    assert (
        "Our volunteers took 312 samples at the two sites over three years to make the case, "
        "and the application was backed by 1,870 local residents." in body
    )
    for furniture in ("View this email", "Unsubscribe", "You are receiving this", "Mill Lane"):
        assert not any(furniture in t for t in body)
    assert any(q.speaker == "Hannah Okafor" for q in letter.quotes)


def test_the_newsletter_read_more_links_are_not_text() -> None:
    assert "Read more" not in texts(LETTER)


def test_the_newsletter_date_is_the_issue_month() -> None:
    """The header line "The newsletter of the Wendle Valley Rivers Trust · Issue 42 · May 2025"
    dates the issue 2025-05."""
    assert doc(LETTER).date == "2025-05"


# --- the data desk's Q&A explainer (text reader) ------------------------------------------------
def test_the_explainer_has_byline_date_and_questions_as_sections() -> None:
    ex = doc(EXPLAINER)
    assert ex.title == "Why are bus fares going up, and who will pay most?"
    assert ex.authors == ("Lena Hartigan",)
    assert ex.date == "2025-04-02"
    assert "Did the cap bring people back to buses?" in ex.sections
    assert "In its first year it covered roughly 4,600 routes run by more than 130 operators." in (
        texts(EXPLAINER)
    )


def test_the_explainer_method_heading_is_a_section() -> None:
    """ "How we did this" on its own line is a section heading: the method sentences are in that
    section, and the first one starts "We used the DfT's annual bus statistics tables"."""
    ex = doc(EXPLAINER)
    assert "How we did this" in ex.sections
    s = [x for x in ex.sentences if "BUS01 and BUS02" in x.text]
    assert len(s) == 1 and s[0].text.startswith("We used") and s[0].section == "How we did this"


# --- the speech as delivered (text reader) ------------------------------------------------------
def test_the_speech_quotes_philip_danvers() -> None:
    assert any(q.speaker == "Philip Danvers" for q in doc(SPEECH).quotes)
    assert "Last year, public libraries in England welcomed 142 million visits." in texts(SPEECH)


def test_the_speech_title_author_and_date() -> None:
    """ "CHECK AGAINST DELIVERY" is a delivery notice, not the title. The title is "Speech by
    Rosalind Achebe-Hart, Minister for Culture and Libraries", the author Rosalind Achebe-Hart,
    and the date 2024-10-09 (from "Tivoli Hall, Harrogate, 9 October 2024")."""
    sp = doc(SPEECH)
    assert sp.title == "Speech by Rosalind Achebe-Hart, Minister for Culture and Libraries"
    assert sp.authors == ("Rosalind Achebe-Hart",)
    assert sp.date == "2024-10-09"


def test_the_speech_audience_reactions_are_not_in_sentences() -> None:
    """Audience reactions in brackets are not part of any sentence: "(Applause) And yet, since
    2010, ..." reads "And yet, since 2010, ...", and "(Sustained applause)" is not a sentence."""
    body = texts(SPEECH)
    assert not any(t.startswith(("(Applause)", "(Laughter)", "(Sustained")) for t in body)
    assert (
        "And yet, since 2010, more than 780 library buildings have closed or been handed to "
        "volunteers." in body
    )


def test_the_speech_wifi_quote_is_amira_sayeeds() -> None:
    """'I spoke last month to Amira Sayeed, ... She told me, "People come in for the Wi-Fi ..."'
    is a quote by Amira Sayeed (not "From April", the start of an earlier sentence)."""
    q = [x for x in doc(SPEECH).quotes if x.text.startswith("People come in for the Wi-Fi")]
    assert len(q) == 1 and q[0].speaker == "Amira Sayeed"


def test_the_speech_notes_for_editors_are_notes_not_body_sentences() -> None:
    """After "ENDS", "Notes for editors" is a numbered list 1.-5.: five notes with their text
    (note 2 starts "Figures on visits are from the Chartered Institute"), none of them kept as a
    body sentence starting "1. " ... "5. "."""
    sp = doc(SPEECH)
    assert [n.number for n in sp.notes] == [1, 2, 3, 4, 5]
    assert {n.number: n.text for n in sp.notes}[2].startswith("Figures on visits are from")
    assert not any(
        t.startswith(("1. The Libraries", "2. Figures", "5. For media")) for t in texts(SPEECH)
    )


def test_the_newsletter_title_is_the_issue_and_the_masthead_its_publication() -> None:
    """The archive page's <title> is "River Notes #42: Bathing water, beavers and a budget gap";
    "River Notes" (the <h1> masthead) is the newsletter, so the publication."""
    letter = doc(LETTER)
    assert letter.title == "River Notes #42: Bathing water, beavers and a budget gap"
    assert letter.publication == "River Notes"
