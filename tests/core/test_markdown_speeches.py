"""A speech's text in Markdown: its speaker field, delivery note, the room's reactions, the note."""

from __future__ import annotations

from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import texts


def ingest(text: str, name: str = "speech") -> Article:
    return ingest_as(text, ".md", name)


LECTURE = """# Trust in the numbers: the annual statistics lecture

*As prepared for delivery*

**Speaker:** Professor Dame Ruth Okwu DBE, National Statistician
**Venue:** Kelvin Hall, Glasgow
**Date:** 3 March 2026

## Why numbers matter

Thank you for having me. I promised my team I would keep this short. [Laughter]

We count people so that services can follow them. Every census since 1801 has tried to do that.
(APPLAUSE)

## A phrase from my first job

We had a rule in the office where I started: "If you cannot explain the number, do not publish it."
That rule still holds.

---

*Subheadings have been added by the editor. Text supplied by the Statistics Authority.*
"""


def test_a_speech_s_speaker_field_is_its_author_without_her_honours() -> None:
    speech = ingest(LECTURE)
    assert speech.authors == ("Ruth Okwu",)
    assert speech.date == "2026-03-03"
    assert speech.subtitle is None
    assert not any("prepared for delivery" in t or "Kelvin Hall" in t for t in texts(speech))


def test_a_speech_s_reactions_and_editor_s_note_are_no_text() -> None:
    body = texts(ingest(LECTURE))
    assert "I promised my team I would keep this short." in body
    assert "Every census since 1801 has tried to do that." in body
    assert not any("Laughter" in t or "APPLAUSE" in t for t in body)
    assert not any("added by the editor" in t or "Statistics Authority" in t for t in body)


def test_a_saying_the_speaker_quotes_is_in_her_words_not_there_s() -> None:
    speech = ingest(LECTURE)
    quote = next(q for q in speech.quotes if q.text.startswith("If you cannot explain"))
    assert quote.speaker == "Ruth Okwu"


NOT_A_SPEECH = """# Notes from the open day

**Speaker:** Thank you all for coming, and for the questions.

**Chair:** We will start with the budget.

The hall was full by ten. Visitors asked about the budget (see the annex). There is a map
at the door: "Exit by the north stairs."

---

Thanks to everyone who came, and to the caretakers who set up the hall.
"""


def test_a_speaker_turn_parentheses_and_a_closing_thank_you_stay() -> None:
    """A "Speaker:" turn that is a sentence names no author; "(see the annex)" is no reaction;
    a closing paragraph that is no word on the text itself stays text."""
    notes = ingest(NOT_A_SPEECH)
    assert notes.authors == ()
    body = texts(notes)
    assert any("Thank you all for coming" in t for t in body)
    assert "Visitors asked about the budget (see the annex)." in body
    assert any(t.startswith("Thanks to everyone who came") for t in body)
    assert not any(q.speaker in ("There", "there") for q in notes.quotes)
