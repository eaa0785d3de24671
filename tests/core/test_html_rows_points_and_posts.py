"""The HTML reader on data tables with header rows, numbered points after a lead-in, and posts.

Each page is written here in a shape of its own: a harbour authority's news page with a fare
table whose rows have <th> labels, an <ol> of proposals after "…as follows:", and a social
post quoted the way the platforms' embed code writes it (the credit as loose text after the
post's paragraph, "&mdash; Name (@handle) <a>date</a>"). The negative cases keep what the
rules must leave alone: a table with no header row, a header that spans columns, an ordered
list of fragments that finish its lead-in, a quote credited with a role.
"""

from __future__ import annotations

from bot.core.ingest.html.credits import credit_name as _credit_name
from tests.core.ingested import ingest, texts

INTRO = (
    "<p>The harbour authority set out its plans for the summer timetable on Thursday, after "
    "a year in which passenger numbers on the island routes rose by a fifth.</p>"
    "<p>The changes follow a consultation with the island councils, which asked for later "
    "sailings on Fridays and cheaper fares for residents.</p>"
)


def page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Summer sailings set out | Harbour News</title>"
        "<meta name='author' content='Ines Garrow'></head><body><main><article>"
        f"<h1>Summer sailings set out</h1>{INTRO}{body}</article></main></body></html>"
    )


def test_a_table_row_names_each_value_by_its_column() -> None:
    table = (
        "<table><thead><tr><th>Route</th><th>Crossings a day</th><th>Return fare</th></tr>"
        "</thead><tbody><tr><th scope='row'>Skerry</th><td>6</td><td>£4.10</td></tr>"
        "<tr><th scope='row'>Holm</th><td>4</td><td></td></tr></tbody></table>"
    )
    got = texts(ingest(page(table), ".html"))
    assert "Skerry — Crossings a day 6; Return fare £4.10." in got, got
    assert "Holm — Crossings a day 4." in got, got  # an empty cell names nothing
    assert not any(t.startswith("Route") for t in got), got  # the header row states nothing


def test_a_table_without_a_header_row_or_with_a_spanning_header_keeps_its_cells() -> None:
    plain = "<table><tr><td>Skerry</td><td>6</td></tr><tr><td>Holm</td><td>4</td></tr></table>"
    got = texts(ingest(page(plain), ".html"))
    assert "Skerry · 6" in got and "Holm · 4" in got, got
    spanning = (
        "<table><tr><th colspan='2'>Sailings a day</th></tr>"
        "<tr><td>Skerry</td><td>6</td></tr><tr><td>Holm</td><td>4</td></tr></table>"
    )
    got = texts(ingest(page(spanning), ".html"))
    assert "Skerry · 6" in got and "Holm · 4" in got, got


def test_numbered_points_after_a_lead_in_are_sentences_of_their_own() -> None:
    points = (
        "<p>The authority will make three changes to the timetable, as follows:</p>"
        "<ol><li>Add a late sailing to Skerry on Friday evenings from June.</li>"
        "<li>Cut the resident return fare to £2.50 on every route.</li>"
        "<li>Publish the winter timetable by the end of August.</li></ol>"
        "<p>The changes will be reviewed in October.</p>"
    )
    got = texts(ingest(page(points), ".html"))
    assert "The authority will make three changes to the timetable, as follows:" in got, got
    assert "Add a late sailing to Skerry on Friday evenings from June." in got, got
    assert "Cut the resident return fare to £2.50 on every route." in got, got


def test_an_ordered_list_of_fragments_still_finishes_its_lead_in() -> None:
    fragments = (
        "<p>The new fares apply to:</p>"
        "<ol><li>residents of the islands</li><li>students in full-time study</li></ol>"
    )
    got = texts(ingest(page(fragments), ".html"))
    assert any(
        t.startswith("The new fares apply to:") and "residents of the islands" in t for t in got
    ), got


def test_an_embedded_post_is_the_posters_quote_without_handle_or_date() -> None:
    post = (
        "<p>The islands' councillor posted this after the announcement:</p>"
        "<blockquote class='quoted-post'><p>Later Friday boats at last. Now we need the "
        "Sunday ones back too.</p>&mdash; Morag Innes (@moraginnes) "
        "<a href='https://example.org/p/1'>April 3, 2025</a></blockquote>"
        "<p>The authority said Sunday sailings would be looked at next year.</p>"
    )
    article = ingest(page(post), ".html")
    quotes = [q for q in article.quotes if q.text.startswith("Later Friday boats")]
    assert len(quotes) == 1 and quotes[0].speaker == "Morag Innes", article.quotes
    assert "@moraginnes" not in quotes[0].text
    assert "Now we need the Sunday ones back too." in texts(article)
    assert not any("@moraginnes" in t or "April 3, 2025" in t for t in texts(article))


def test_a_quote_credit_keeps_its_name_and_drops_only_handle_and_date() -> None:
    assert _credit_name("— Jo Park (@jopark) · 2 May 2024 at 14:05") == "Jo Park"
    assert _credit_name("Ana Ruiz @anaruiz 2024-05-02") == "Ana Ruiz"
    assert _credit_name("— Ana Ruiz, head of the port authority") == (
        "Ana Ruiz, head of the port authority"
    )
    assert _credit_name("— May Jones") == "May Jones"  # a name is no month


def test_a_quote_credited_with_a_role_is_that_persons() -> None:
    credited = (
        "<blockquote><p>We will not cut a single winter sailing while I run this harbour."
        "</p><footer>— Ana Ruiz, head of the port authority</footer></blockquote>"
        "<p>The authority said Sunday sailings would be looked at next year.</p>"
    )
    article = ingest(page(credited), ".html")
    quotes = [q for q in article.quotes if q.text.startswith("We will not cut")]
    assert len(quotes) == 1 and quotes[0].speaker == "Ana Ruiz", article.quotes
