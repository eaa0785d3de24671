"""A phone-in's callers ("CALLER (Name, Town):") speak for themselves; a broadcast's hours."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article


def ingest(text: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".txt", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, "seeds/t.txt")
    assert document is not None
    article, _ = build_article("t", "seeds/t.txt", document, {})
    assert article is not None
    return article


SHOW = """TALKBACK NORTH
Aired: 3 March 2024, 7pm-8pm
Presenter: Nadia Brookes

NADIA BROOKES: Tonight, the bin collections. First on the line is Dev, in Harrow.

CALLER (Dev, Harrow): Evening Nadia. My street has had no collection for three weeks.

NADIA BROOKES: Three weeks is a long time, Dev.

AUDIENCE MEMBER (Rosa, Leeds): The depot lost half its drivers in January.

CALLER (Dev, Harrow): And nobody answers the council's phone line after four.

REPORTER (Kim Lee, Northern Gazette): Will the council hire agency drivers?

NADIA BROOKES: That is for the council to answer, Kim.
"""


def test_a_callers_turns_are_hers_by_first_name_and_quoted() -> None:
    article = ingest(SHOW)
    speaker = {s.text: s.speaker for s in article.sentences}
    assert speaker["My street has had no collection for three weeks."] == "Dev"
    assert speaker["And nobody answers the council's phone line after four."] == "Dev"
    assert speaker["The depot lost half its drivers in January."] == "Rosa"
    quoted = {q.speaker for q in article.quotes}
    assert {"Dev", "Rosa"} <= quoted


def test_a_reporters_bracketed_outlet_still_asks_for_the_press() -> None:
    """ "REPORTER (Kim Lee, Northern Gazette):" names the reporter; the press is not quoted."""
    article = ingest(SHOW)
    asked = [s for s in article.sentences if s.text.startswith("Will the council hire")]
    assert asked and asked[0].speaker == "Kim Lee"
    assert not any(q.text.startswith("Will the council hire") for q in article.quotes)


def test_a_broadcast_line_with_its_hours_dates_the_programme() -> None:
    assert ingest(SHOW).date == "2024-03-03"
    texts = [s.text for s in ingest(SHOW).sentences]
    assert not any(t.startswith("Aired:") for t in texts)


def test_a_question_label_with_an_outlet_and_a_place_names_nobody() -> None:
    """ "Q (Reuters, London):" gives the outlet and its city: no caller's first name."""
    text = SHOW.replace("REPORTER (Kim Lee, Northern Gazette)", "Q (Reuters, London)")
    asked = [s for s in ingest(text).sentences if s.text.startswith("Will the council hire")]
    assert asked and asked[0].speaker != "Reuters"
