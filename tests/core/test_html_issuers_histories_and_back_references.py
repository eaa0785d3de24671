"""A page's "From:" issuers, its history of edits, and quotations named after or before them.

Each page is written here in shapes of its own (other names, other markup, other wording than
the held-out release and post): a "From:" line names who issued the page, people and bodies;
a history of the page's edits ("Published …", "Updated … — Added …") is no text, while a dated
timeline of events stays; a set-apart quotation with no credit is the words of the person the
next paragraph names pointing back at it ("Those words, from …"); a pronoun after a surname
said alone is the person that surname was first named in full as.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

BODY = [
    "The regional rail authority will reopen the Calder valley line to passengers in 2027, "
    "after a gap of more than sixty years without a regular service on the route.",
    "Trains will call at five stations, two of them new, and run every half hour on weekdays "
    "between the market town of Holme and the city terminus.",
    "The scheme is expected to cost 212 million pounds, of which the national government "
    "will pay three quarters through its rail restoration programme.",
]
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in BODY)


def page(tmp_path: Path, header: str, body: str = PARAGRAPHS, head: str = "") -> Article:
    path = tmp_path / "calder.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Calder valley line to reopen - Rail Portal</title>{head}</head><body><main>"
        f"<h1>Calder valley line to reopen</h1>{header}<div class='body'>{body}</div>"
        "</main></body></html>",
        encoding="utf-8",
    )
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# --- "From:" issuers ----------------------------------------------------------------------------
def test_a_from_line_under_the_headline_names_a_body_and_a_minister(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<p class='issuers'>From: <a href='/dot'>Office of Rail Restoration</a> and "
        "<a href='/people/okonkwo'>Adaeze Okonkwo MSP</a></p>",
    )
    assert article.authors == ("Office of Rail Restoration", "Adaeze Okonkwo")
    assert not any("From:" in t or "Okonkwo" in t for t in texts(article))
    assert texts(article)[0] == BODY[0]


def test_a_from_term_without_links_names_one_body_whole(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<dl><dt>From</dt><dd>Ministry of Housing, Transport and Local Government</dd></dl>",
    )
    assert article.authors == ("Ministry of Housing, Transport and Local Government",)


def test_a_from_term_that_names_no_one_gives_no_author(tmp_path: Path) -> None:
    article = page(tmp_path, "<dl><dt>From:</dt><dd>£4.20 return, off-peak only</dd></dl>")
    assert article.authors == ()


def test_a_byline_is_still_read_before_a_from_line(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<p class='byline'>By Tomasz Wilk</p><p>From: Office of Rail Restoration</p>",
    )
    assert article.authors == ("Tomasz Wilk",)


# --- the page's history -------------------------------------------------------------------------
HISTORY_LIST = (
    "<h2>Page history</h2><ul><li>First published 2 June 2024</li>"
    "<li>Updated 9 June 2024: corrected the cost in the second table.</li></ul>"
)
HISTORY_TERMS = (
    "<h3>Changes</h3><dl><dt>2 June 2024</dt><dd>First published.</dd>"
    "<dt>11 June 2024</dt><dd>Added the map of the five stations.</dd></dl>"
)


def test_a_list_of_edits_is_no_text_and_its_heading_heads_nothing(tmp_path: Path) -> None:
    article = page(tmp_path, "", PARAGRAPHS + HISTORY_LIST)
    assert "Page history" not in article.sections
    assert not any("corrected the cost" in t or "First published" in t for t in texts(article))
    assert article.date == "2024-06-02"  # the first publication, no other date on the page


def test_dated_terms_of_what_was_done_are_a_history_too(tmp_path: Path) -> None:
    article = page(tmp_path, "", PARAGRAPHS + HISTORY_TERMS)
    assert "Changes" not in article.sections
    assert not any("map of the five stations" in t for t in texts(article))


def test_a_timeline_of_events_stays_text(tmp_path: Path) -> None:
    timeline = (
        "<h2>Timeline</h2><ul><li>2 June 2024: the public consultation on the timetable opens.</li>"
        "<li>9 September 2024: the authority publishes the consultation's results.</li></ul>"
    )
    article = page(tmp_path, "", PARAGRAPHS + timeline)
    assert "Timeline" in article.sections
    assert any("public consultation on the timetable opens" in t for t in texts(article))


def test_an_updated_sentence_in_the_body_stays_text(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<p>Updated figures published on 4 July 2024 show the line will carry 1.9 million "
        "passengers a year by 2030.</p>"
    )
    article = page(tmp_path, "", body)
    assert any(t.startswith("Updated figures published on 4 July 2024") for t in texts(article))


# --- quotations named after them, and surnames said alone -----------------------------------------
def test_the_paragraph_pointing_back_names_the_quotations_speaker(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<blockquote><p>\u201cA railway is a promise that the town will still be worth "
        "reaching in fifty years.\u201d</p></blockquote>"
        "<p>Those words, spoken by the authority's chief planner Ines Duarte at a hearing in "
        "2023, are printed on the hoardings at Holme.</p>"
    )
    article = page(tmp_path, "", body)
    (quote,) = [q for q in article.quotes if q.text.startswith("A railway is a promise")]
    assert quote.speaker == "Ines Duarte"
    assert quote.text == (
        "A railway is a promise that the town will still be worth reaching in fifty years."
    )
    assert not any(t.startswith("\u201c") for t in texts(article))


def test_a_paragraph_that_does_not_point_back_names_no_speaker(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<blockquote><p>\u201cA railway is a promise that the town will still be worth "
        "reaching in fifty years.\u201d</p></blockquote>"
        "<p>The business case was approved by the transport secretary Leon Marchetti in "
        "March 2024.</p>"
    )
    article = page(tmp_path, "", body)
    assert not any(q.speaker == "Leon Marchetti" for q in article.quotes)


def test_a_quotation_inside_a_block_quote_keeps_its_marks(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<blockquote><p>\u201cWe were told \u201cnever again\u201d in 1963, and we listened "
        "for far too long.\u201d</p></blockquote>"
    )
    article = page(tmp_path, "", body)
    assert any("\u201cnever again\u201d" in t for t in texts(article))


def test_a_pronoun_after_a_surname_alone_is_the_person_named_in_full(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<p>The authority's chair, Ruth Adeyemi, first proposed the reopening in 2019.</p>"
        "<p>Pressed on the cost at Thursday's meeting, Adeyemi did not flinch. "
        "\u201cIt pays for itself within a generation,\u201d she said.</p>"
    )
    article = page(tmp_path, "", body)
    (quote,) = [q for q in article.quotes if q.text.startswith("It pays for itself")]
    assert quote.speaker == "Ruth Adeyemi"


def test_a_surname_named_in_full_in_the_same_paragraph_counts_too(tmp_path: Path) -> None:
    body = PARAGRAPHS + (
        "<p>Engineers under Marek Sobczak surveyed the viaduct in May. Asked whether it was "
        "safe, Sobczak laughed. \u201cIt has stood for 140 years,\u201d he said.</p>"
    )
    article = page(tmp_path, "", body)
    (quote,) = [q for q in article.quotes if q.text.startswith("It has stood")]
    assert quote.speaker == "Marek Sobczak"
