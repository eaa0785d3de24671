"""A list after a lead-in ending in ":": labelled items are sentences, fragments finish the lead-in.

One rule for every reader (layout.py with page_breaks.items_stand_alone), on documents of the
tests' own making in Markdown, plain text and HTML.
"""

from __future__ import annotations

import pytest

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.page_breaks import items_stand_alone
from bot.core.model import Article


def ingest(text: str, suffix: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/l{suffix}")
    assert document is not None
    article, _ = build_article("l", f"seeds/l{suffix}", document, {})
    assert article is not None
    return article


LEAD = "The ferry operator has published its figures for the first winter of the new timetable."
ITEMS = (
    "Sailings cancelled for weather: 41 of 1,260",
    "Average delay on the morning crossing: 12 minutes",
    "Share of passengers on season tickets: 58 per cent",
)
CLOSE = "The operator says the spring timetable will add two sailings a day."


def markdown(lead_in: str, items: tuple[str, ...], bullet: str = "-") -> str:
    listed = "\n".join(f"{bullet} {item}" for item in items)
    return f"# Ferry Winter\n\nBy Ann Lee\n\n{LEAD}\n\n{lead_in}\n\n{listed}\n\n{CLOSE}\n"


def plain(lead_in: str, items: tuple[str, ...]) -> str:
    listed = "\n".join(f"* {item}" for item in items)
    return f"Ferry Winter\n\nBy Ann Lee\n\n{LEAD}\n\n{lead_in}\n\n{listed}\n\n{CLOSE}\n"


def html(lead_in: str, items: tuple[str, ...]) -> str:
    listed = "".join(f"<li>{item}</li>" for item in items)
    return (
        "<html><head><title>Ferry Winter</title></head><body><article><h1>Ferry Winter</h1>"
        f"<p>{LEAD}</p><p>{lead_in}</p><ol>{listed}</ol><p>{CLOSE}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("suffix", "make"),
    [(".md", markdown), (".txt", plain), (".html", html)],
)
def test_labelled_figures_after_a_lead_in_are_a_sentence_each(suffix: str, make: object) -> None:
    assert callable(make)
    lead_in = "The winter's results, in brief:"
    article = ingest(make(lead_in, ITEMS), suffix)
    texts = [s.text.rstrip(".") for s in article.sentences]
    for item in ITEMS:
        assert item in texts, (item, texts)
    assert lead_in in texts  # the lead-in is glued to no item
    assert CLOSE in [s.text for s in article.sentences]
    assert not article.quotes


def test_numbered_labelled_items_stand_alone() -> None:
    article = ingest(markdown("What changed this winter:", ITEMS, bullet="1."), ".md")
    texts = [s.text.rstrip(".") for s in article.sentences]
    assert any(t.endswith(ITEMS[1]) for t in texts), texts
    assert not any(ITEMS[0] in t and ITEMS[1] in t for t in texts)


def test_fragments_still_finish_the_sentence_that_introduces_them() -> None:
    """Words that complete the lead-in ("solar", "cost: £5") stay one sentence with it."""
    fragments = ("wind turbines on the pier", "solar panels on the terminal roof")
    for suffix, make in ((".md", markdown), (".txt", plain)):
        article = ingest(make("The operator will pay for:", fragments), suffix)
        joined = [s.text for s in article.sentences if s.text.startswith("The operator will pay")]
        assert len(joined) == 1 and all(f in joined[0] for f in fragments), joined


def test_a_list_of_sentences_keeps_its_lead_in() -> None:
    """Full sentences are cut at their stops anyway: the first keeps the lead-in's sense."""
    items = ("Book the early sailing.", "Keep your ticket to hand.")
    article = ingest(markdown("Passengers are told:", items), ".md")
    texts = [s.text for s in article.sentences]
    assert "Passengers are told: Book the early sailing." in texts
    assert "Keep your ticket to hand." in texts


def test_a_list_addressed_to_the_reader_is_no_quotation() -> None:
    """A lead-in "You may send comments …:" names no speaker of the list below it."""
    items = ("Email: winter@ferry.example", "Post: Ferry House, Harbour Road")
    article = ingest(markdown("You may send comments on the timetable as follows:", items), ".md")
    assert "Email: winter@ferry.example" in [s.text for s in article.sentences]
    assert not article.quotes


@pytest.mark.parametrize(
    ("items", "alone"),
    [
        (["- Sailings cancelled: 41", "- Average delay: 12 minutes"], True),
        (["1. Sailings cancelled: 41", "2) Average delay: 12 minutes"], True),
        (["• Sailings cancelled: 41", "• the delay"], False),  # one fragment: all finish it
        (["- cost: £5", "- time: 3 days"], False),  # lower-case: words of the lead-in
        (["- Start small.", "- Ask tenants first."], False),
        (["- Is it late? Yes: often"], False),  # a question, not a label
        (["- Website:https://ferry.example"], False),  # no value after the label
        ([], False),
    ],
)
def test_what_stands_alone(items: list[str], alone: bool) -> None:
    assert items_stand_alone(items) is alone
