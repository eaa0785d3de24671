"""A podcast episode's show notes: episode title and date, capital labels, chapters, pull quote."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.show_notes import is_show_notes
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


# another shape: "Ep. 12 -" episode line, "Released" date among other facts, short clocks
NOTES = """Ep. 12 - The night bus nobody wanted
Released: 14 May 2024 | 52 min | Season 2

IN THIS EPISODE
Ruth Abara tells us how the N7 night bus was saved by a petition of 3,000 riders.

TIMESTAMPS
02:10 How the N7 began
15:45 The petition

QUOTE OF THE WEEK
"Nobody rides a bus that only exists on paper." - Ruth Abara

CREW
Host: Lee Mortimer
Editor: Sam Ortiz
"""


def test_show_notes_give_the_episode_its_parts_and_the_pulled_quote() -> None:
    a = ingest(NOTES)
    assert a.title == "Ep. 12 - The night bus nobody wanted"
    assert a.date == "2024-05-14"
    body = {s.text: s.section for s in a.sentences}
    first = "Ruth Abara tells us how the N7 night bus was saved by a petition of 3,000 riders."
    assert body[first] == "IN THIS EPISODE"
    assert body["15:45 The petition"] == "TIMESTAMPS"
    assert "Editor: Sam Ortiz" in body
    assert not any(s.speaker in ("Host", "Editor") for s in a.sentences)
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("Nobody rides a bus that only exists on paper.", "Ruth Abara")
    ]


# negative: a newsletter naming an episode in its body, no episode line at the top
NEWSLETTER = """Transit Weekly

Our favourite listen this month:
Episode 12: The night bus nobody wanted, from a podcast we like.

NEWS
The N7 night bus runs again from June.
"""


def test_a_text_without_an_episode_line_on_top_is_no_show_notes() -> None:
    assert not is_show_notes(NEWSLETTER)
    assert (
        ingest(NEWSLETTER).title
        != "Episode 12: The night bus nobody wanted, from a podcast we like."
    )
