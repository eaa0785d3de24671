"""Interviews and press briefings in plain text: the paper's masthead and the interviewer's byline,
who the Q:/A: turns are, the words quoted inside an answer, editors' notes, and the reporters
who ask at a briefing (named when they introduce themselves or are handed the floor)."""

from __future__ import annotations

from bot.core.ingest.attribution import verb_speaker
from bot.core.model import Article
from tests.core.ingested import ingest, speaker_of, texts


def quote_speaker(article: Article, start: str) -> str | None:
    found = [q for q in article.quotes if q.text.startswith(start)]
    assert len(found) == 1, (start, [(q.text, q.speaker) for q in article.quotes])
    return found[0].speaker


ANSWERS = (
    "Q: Doctor, the sea wall at Kestrel Point failed twice last winter. Why?\n\n"
    "A: Because it was built for the storms of 1980, not the storms we have now. The wall is "
    "two metres lower than our models say it should be.\n\n"
    "Q: What would a new wall cost?\n\n"
    "A: About 14 million dollars over five years. As Senator Okwu told the committee in March, "
    '"we will pay for the wall one way or another." I agree with her.\n\n'
    "Q: And if the money does not come?\n\n"
    'A: Then the harbour road floods every spring. I told them, "that is the choice."\n\n'
)


# --- the header: masthead, byline, translation -------------------------------------------------
def test_a_papers_masthead_over_its_edition_line_is_the_publication_not_the_title() -> None:
    article = ingest(
        "THE HARBOUR EVENING STAR\n"
        "Weekend Edition\n\n"
        "Dr Ines Calder on why the sea walls keep failing\n\n"
        "Interviewed by Tomas Greer\n\n"
        "Dr Calder has studied the coast at Kestrel Point for twenty years.\n\n" + ANSWERS
    )
    assert article.title == "Dr Ines Calder on why the sea walls keep failing"
    assert article.publication == "The Harbour Evening Star"
    assert article.authors == ("Tomas Greer",)
    assert not any("Edition" in t or "Interviewed" in t for t in texts(article))


def test_a_masthead_the_copyright_footer_names_is_the_publication() -> None:
    article = ingest(
        "NORDLAND TIDENDE\n\n"
        "Ferries, fares and the winter timetable\n\n"
        "Interview by Kari Solberg\n"
        "Translated from Norwegian by Erik Dahl\n\n"
        + ANSWERS
        + "© Nordland Tidende 2024. All rights reserved.\n"
    )
    assert article.title == "Ferries, fares and the winter timetable"
    assert article.publication == "Nordland Tidende"
    assert article.authors == ("Kari Solberg",)
    assert "Norwegian" in (article.translation or "")
    assert not any("Translated" in t for t in texts(article))


def test_a_title_in_capitals_stays_the_title_where_nothing_names_it_an_outlet() -> None:
    article = ingest(
        "THE STATE OF THE HARBOUR\n\n"
        "An annual review of the port's trade\n\n"
        "Trade through the port rose by 4 per cent last year, the third rise in a row.\n\n"
        "Most of the growth came from container traffic, which rose by 9 per cent.\n"
    )
    assert article.title == "THE STATE OF THE HARBOUR"


# --- the turns ---------------------------------------------------------------------------------
def test_the_answers_are_the_guest_the_title_names_and_the_body_writes_with_a_title() -> None:
    article = ingest(
        "Dr Ines Calder on why the sea walls keep failing\n\n"
        "By Tomas Greer\n\n"
        "Dr Calder has studied the coast at Kestrel Point for twenty years.\n\n" + ANSWERS
    )
    assert speaker_of(article, "Because it was built for the storms") == "Ines Calder"
    assert speaker_of(article, "What would a new wall cost?") == "Tomas Greer"


def test_a_name_in_the_title_the_body_never_uses_is_no_guest() -> None:
    article = ingest(
        "Harbour Road and the sea walls\n\n"
        "By Tomas Greer\n\n"
        "The coast at Kestrel Point has been studied for twenty years.\n\n" + ANSWERS
    )
    assert speaker_of(article, "Because it was built for the storms") == "Interviewee"


def test_words_an_answer_quotes_are_the_quoted_persons_not_the_guests() -> None:
    article = ingest(
        "Dr Ines Calder on why the sea walls keep failing\n\n"
        "By Tomas Greer\n\n"
        "Dr Calder has studied the coast at Kestrel Point for twenty years.\n\n" + ANSWERS
    )
    assert quote_speaker(article, "we will pay for the wall") == "Okwu"
    # "I told them, "…"": the guest's own words, no quote of anyone else
    assert {q.speaker for q in article.quotes if q.text.startswith("that is the choice")} <= {
        "Ines Calder"
    }


def test_a_bracketed_note_and_the_editing_line_are_nobodys_words() -> None:
    article = ingest(
        "Dr Ines Calder on why the sea walls keep failing\n\n"
        "By Tomas Greer\n\n"
        "(Production note: Dr Calder spoke to us by telephone from Kestrel Point.)\n\n"
        + ANSWERS
        + "This conversation was condensed and edited.\n"
    )
    for t in texts(article):
        assert not t.startswith(("(", "[")) and not t.endswith((")", "]")), t
    assert speaker_of(article, "Dr Calder spoke to us by telephone") is None
    assert speaker_of(article, "This conversation was condensed") is None
    assert not any(q.text.startswith("This conversation") for q in article.quotes)
    # the answer before the editing line is still the guest's
    assert speaker_of(article, "Then the harbour road floods") == "Ines Calder"


def test_an_answer_that_opens_like_an_editing_line_is_still_the_guests() -> None:
    article = ingest(
        "Dr Ines Calder on why the sea walls keep failing\n\n"
        "By Tomas Greer\n\n"
        "Dr Calder has studied the coast at Kestrel Point for twenty years.\n\n"
        + ANSWERS
        + "Q: Anything else?\n\n"
        "A: Only this.\n\n"
        "This interview has been a long time coming, and I am glad we did it.\n"
    )
    assert speaker_of(article, "This interview has been a long time") == "Ines Calder"


# --- the press briefing ------------------------------------------------------------------------
BRIEFING = (
    "Weekly Press Briefing\n\n"
    "Ade Oyelaran, Chief Press Officer\n\n"
    "Abuja\n"
    "Conference Hall B\n"
    "May 2, 2025\n\n"
    "TRANSCRIBER'S NOTE: The minister's figures were corrected after the briefing.\n\n"
    "MS. OYELARAN: Good morning. The ministry will open three new clinics in Kano next month, "
    "at a cost of 2 billion naira. Sure, Tomas.\n\n"
    "Q: Thank you. When will the clinics be staffed?\n\n"
    "MS. OYELARAN: By July. Recruitment has started.\n\n"
    "Q: And the doctors, where do they come from?\n\n"
    "MS. OYELARAN: From the state hospitals, mostly. Okay. Next.\n\n"
    "Q: Hi, Priya Raman from the Lagos Ledger. Is the money new?\n\n"
    "MS. OYELARAN: It is. Thanks, everybody.\n\n"
    "Q: Thanks, Ade Oyelaran. One more on Kano?\n\n"
    "MS. OYELARAN: Briefly. The Kano nurses' union said on Monday that the clinics are "
    '"a start, not a solution." We agree with them.\n'
)


def test_the_briefing_is_the_spokespersons_and_the_hall_is_no_author() -> None:
    article = ingest(BRIEFING)
    assert article.authors == ("Ade Oyelaran",)
    assert not any(s.speaker == "Conference Hall B" for s in article.sentences)


def test_a_reporter_handed_the_floor_or_introducing_herself_asks_the_question() -> None:
    article = ingest(BRIEFING)
    assert speaker_of(article, "When will the clinics be staffed?") == "Tomas"
    assert speaker_of(article, "Is the money new?") == "Priya Raman"
    # the press asks: a named reporter's question is no quote
    assert not any(q.text.startswith(("Thank you. When", "Hi, Priya")) for q in article.quotes)


def test_no_reporter_is_named_from_a_filler_a_follow_up_or_the_spokespersons_name() -> None:
    article = ingest(BRIEFING)
    # "Okay. Next." names no one; the turn after a named one is not hers again
    assert speaker_of(article, "And the doctors, where") not in ("Tomas", "Next", "Okay")
    # "Thanks, Ade Oyelaran." thanks the spokesperson: she does not ask
    assert speaker_of(article, "One more on Kano?") != "Ade Oyelaran"


def test_a_labelled_note_of_any_kind_is_nobodys_and_loses_its_label() -> None:
    article = ingest(BRIEFING)
    assert speaker_of(article, "The minister's figures were corrected") is None
    assert not any("TRANSCRIBER" in t.upper() for t in texts(article))
    assert not any((q.speaker or "").startswith("Transcriber") for q in article.quotes)


def test_a_body_the_spokesperson_quotes_is_its_speaker() -> None:
    article = ingest(BRIEFING)
    assert quote_speaker(article, "a start, not a solution") == "the Kano nurses' union"


# --- a body named by "the", a capitalised word and its nouns ----------------------------------
def test_a_body_named_with_a_capitalised_modifier_is_the_whole_phrase() -> None:
    assert verb_speaker("the Norwegian fishermen's association said that it was ") == (
        "the Norwegian fishermen's association"
    )
    assert verb_speaker("Yesterday the Danish foreign ministry said ") == (
        "the Danish foreign ministry"
    )


def test_a_name_before_an_adverb_or_a_title_stays_the_name() -> None:
    assert verb_speaker("The Treasury today said it was ") == "Treasury"
    assert verb_speaker("the Ocean Trust said ") == "Ocean Trust"
    assert verb_speaker("Jane Doe also said ") == "Jane Doe"


def test_a_books_edition_line_makes_no_masthead() -> None:
    article = ingest(
        "THE COASTAL ATLAS\n"
        "Second edition\n\n"
        "Trade through the port rose by 4 per cent last year, the third rise in a row.\n\n"
        "Most of the growth came from container traffic, which rose by 9 per cent.\n"
    )
    assert article.title == "THE COASTAL ATLAS"
