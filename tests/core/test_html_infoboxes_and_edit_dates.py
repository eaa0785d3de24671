"""The HTML reader on a page's last-edit line and on infoboxes (boxes of label/value rows).

Each page is written here in a layout of its own: a wiki-style article about a river, a
guidance page with "Page last reviewed" under its text, a news story with a fact box. The
negative cases keep what the rules must leave alone: a publication date, a sentence that
mentions an update, a navigation box, a data table.
"""

from __future__ import annotations

from tests.core.ingested import ingest, texts

BODY = [
    "The Arlen is a river in the north of the county that rises in the moors and joins the "
    "estuary after forty miles, passing three market towns on the way.",
    "Its lower reaches flood most winters, and the county council built a barrier at the "
    "mouth in 1987 after a storm surge reached the centre of the port.",
    "Salmon returned to the upper river in the 1990s, when the paper mills upstream closed "
    "and the water authority began to monitor the discharges from farms.",
    "A path follows the river for most of its length and is used by walkers and by the "
    "anglers who rent the fishing rights from the estate every spring.",
]


def _wiki(box: str, footer: str, head: str = "") -> str:
    body = "".join(f"<p>{t}</p>" for t in BODY)
    return (
        f"<!DOCTYPE html><html><head><title>River Arlen - Localwiki</title>{head}</head><body>"
        "<div id='top-bar'><a href='/'>Home</a> <a href='/random'>Random page</a></div>"
        "<main><h1>River Arlen</h1><div class='article-text'>"
        f"{box}{body}</div></main>{footer}</body></html>"
    )


_BOX = (
    "<div class='infobox-wrap'><table>"
    "<tr><th colspan='2'>River Arlen</th></tr>"
    "<tr><th scope='row'>Source</th><td><a href='/w/Kell_Moor'>Kell Moor</a></td></tr>"
    "<tr><th scope='row'>Length</th><td>64 km</td></tr>"
    "<tr><th scope='row'>Tributaries</th><td><a href='/w/Sile'>Sile</a><br>"
    "<a href='/w/Brant'>Brant</a></td></tr>"
    "<tr><th scope='row'>Mean discharge</th><td>2.4 m³/s</td></tr>"
    "<tr><th scope='row'>Website</th><td><a href='https://arlen.example.org/'>"
    "arlen.example.org</a></td></tr>"
    "</table></div>"
)
_FOOTER = (
    "<div class='page-foot'><p>Last modified on 14 March 2025, at 09:12.</p>"
    "<p>Content is shared under an open licence.</p></div>"
)


def test_an_infobox_gives_its_rows_as_table_rows() -> None:
    """Label and value per row; list lines joined; the header and the web address left out."""
    got = texts(ingest(_wiki(_BOX, _FOOTER), ".html"))
    assert "Source · Kell Moor" in got
    assert "Length · 64 km" in got
    assert "Tributaries · Sile, Brant" in got
    assert "Mean discharge · 2.4 m³/s" in got  # a number with a point is no web address
    assert not any("arlen.example.org" in t or t.startswith("Website") for t in got), got
    assert "River Arlen" not in got  # the header row names the subject
    assert got.index("Length · 64 km") < next(
        i for i, t in enumerate(got) if t.startswith("The Arlen is a river")
    )


def test_a_fact_box_on_a_news_page_is_read_and_its_caption_kept() -> None:
    box = (
        "<table class='story-factbox'><caption>The barrier in numbers</caption>"
        "<tr><th>Opened</th><td>1987</td></tr><tr><th>Gates</th><td>6</td></tr></table>"
    )
    article = ingest(_wiki(box, ""), ".html")
    got = texts(article)
    assert "Opened · 1987" in got and "Gates · 6" in got
    assert any(
        s.kind == "caption" and s.text == "The barrier in numbers" for s in article.sentences
    )


def test_a_navigation_box_and_a_data_table_stay_as_they_were() -> None:
    """A navbox is furniture still; a data table beside the paragraphs is read (even where
    readability leaves it out), each value after the name its header row gives its column."""
    tables = (
        "<table class='navbox'><tr><th>Rivers of the county</th></tr><tr><td>"
        "<a href='/a'>Arlen</a> · <a href='/b'>Sile</a> · <a href='/c'>Brant</a></td></tr></table>"
        "<table><tr><th>Year</th><th>Floods</th></tr><tr><td>2019</td><td>3</td></tr></table>"
    )
    got = texts(ingest(_wiki(tables, ""), ".html"))
    assert "2019 — Floods 3." in got  # each value after its column's name
    assert not any("Rivers of the county" in t or "Brant" in t for t in got), got


def test_the_last_edit_dates_a_page_with_no_publication_date() -> None:
    article = ingest(_wiki(_BOX, _FOOTER), ".html")
    assert article.date == "2025-03-14"
    assert not any("Last modified" in t for t in texts(article))


def test_a_last_reviewed_line_under_the_text_dates_the_page_and_is_no_sentence() -> None:
    body = "".join(f"<p>{t}</p>" for t in BODY)
    page = (
        "<!DOCTYPE html><html><head><title>Flood warnings: what to do</title></head><body>"
        f"<article><h1>Flood warnings: what to do</h1>{body}"
        "<p class='review-date'>Page last reviewed: Tuesday, 4 March 2025</p>"
        "</article></body></html>"
    )
    article = ingest(page, ".html")
    assert article.date == "2025-03-04"
    assert not any("last reviewed" in t for t in texts(article)), texts(article)


def test_a_publication_date_comes_before_the_last_edit() -> None:
    head = "<meta property='article:published_time' content='2021-06-02T08:00:00Z'>"
    article = ingest(_wiki(_BOX, _FOOTER, head), ".html")
    assert article.date == "2021-06-02"


def test_lines_that_say_more_than_the_last_edit_are_no_date() -> None:
    """A sentence about an update, or an edit dated "2 weeks ago", dates nothing."""
    footer = "<div class='page-foot'><p>This page was last edited 2 weeks ago.</p></div>"
    sentence = (
        "<p>The flood plan, which sets out where the council stores its sandbags and who "
        "opens the rest centres, was last updated on 3 May 2024 after the council reviewed "
        "the storm of the winter before.</p>"
    )
    article = ingest(_wiki(sentence, footer), ".html")
    assert article.date is None
    assert any(t.startswith("The flood plan, which sets out") for t in texts(article))


def test_an_infobox_in_the_newer_markup_leaves_its_screen_only_parts_out() -> None:
    """Label and data classes on the cells; a "noprint" age, the edit links' row left out."""
    box = (
        "<table class='infobox ib-river vcard'><tbody>"
        "<tr><th colspan='2' class='infobox-above'>River Arlen</th></tr>"
        "<tr><th scope='row' class='infobox-label'>Barrier opened</th>"
        "<td class='infobox-data'>12 June 1987<span class='noprint'>; 38 years ago</span>"
        "<sup class='reference'><a href='#cite_note-1'>[1]</a></sup></td></tr>"
        "<tr><td colspan='2' class='infobox-below'><div class='navbar plainlinks'>"
        "<a href='/t'>v</a> <a href='/e'>e</a></div></td></tr>"
        "</tbody></table>"
    )
    notes = "<ol class='references'><li id='cite_note-1'>County records, 1987.</li></ol>"
    got = texts(ingest(_wiki(box + "".join(f"<p>{t}</p>" for t in BODY[:2]), notes), ".html"))
    assert "Barrier opened · 12 June 1987" in got, got
    assert not any("years ago" in t or t in ("v e", "v · e") for t in got), got
