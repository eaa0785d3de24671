"""The HTML reader on a report's own sections named like widgets, and on pull quotes whose
quotation stands directly in a <blockquote>.

The pages are written here: a housing charity's report whose "Recommendations" and "Related"
sections are its own prose, and a blog with a pull-quote box. Negative cases: a box of
recommended links, and readers' comments under a one-word id, stay furniture.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

_PROSE = (
    "<p>Rents in the city rose by 9 per cent last year, twice as fast as wages, and the waiting "
    "list for social homes passed 14,000 households for the first time.</p>"
    "<p>Most families on the list have waited more than three years, and one in five lives in "
    "temporary accommodation while they wait.</p>"
)


def _report(extra: str) -> str:
    return (
        "<html><head><title>Homes we can afford | Shelterline</title></head><body><main>"
        f"<article><h1>Homes we can afford</h1>{_PROSE}{extra}</article></main></body></html>"
    )


def test_a_section_named_for_its_heading_is_the_reports_own_text() -> None:
    page = ingest(
        _report(
            "<section id='recommendations'><h2>Recommendations</h2><p>We recommend that the "
            "council buy back 500 former council homes a year from private landlords over the "
            "next decade.</p></section>"
        ),
        ".html",
    )
    assert "Recommendations" in page.sections
    assert any(t.startswith("We recommend that the council buy back") for t in texts(page))


def test_a_box_of_recommended_links_or_comments_stays_furniture() -> None:
    page = ingest(
        _report(
            "<section id='recommended'><h2>Recommended</h2><p><a href='/a'>Why rents rise "
            "faster than wages in every city we looked at this year</a></p></section>"
            "<div id='comments'><h3>Comments</h3><p>I have waited four years for a home and "
            "nobody at the council will tell me where I am on the list.</p></div>"
        ),
        ".html",
    )
    assert not any("Why rents rise" in t or "I have waited four years" in t for t in texts(page))


def test_a_pull_quote_standing_directly_in_its_blockquote_is_its_speakers() -> None:
    page = ingest(
        _report(
            "<aside class='pull-quote'><blockquote>“Nobody should wait three years for a front "
            "door of their own.”</blockquote><cite>Amara Osei</cite></aside>"
        ),
        ".html",
    )
    quotes = {q.text: q.speaker for q in page.quotes}
    assert quotes.get("Nobody should wait three years for a front door of their own.") == (
        "Amara Osei"
    )
    assert not any(t.startswith("— Amara Osei") for t in texts(page))
