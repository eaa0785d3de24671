"""A word processor's web-page export, in shapes of its own: title paragraph, byline, comments.

Each page is written here, with other names, other styles and other layouts than the held-out
Word report and Google Docs export: a paragraph styled as the title is the title (the first
heading then heads its section), a "Prepared by"/"Compiled by" line under it names the authors,
the date typed under it dates the document, the editors' comment threads and their markers are
no text, and a redirect service's link in a note is the address it sends to. The negative
cases show what the rules leave alone.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.html.page_meta import byline_names
from bot.core.model import Article

BODY = [
    "The river trust counted 412 otters along the upper valley last summer, up from 260 in "
    "the survey of 2019.",
    "Most of the new holts were found below the weirs that were lowered in 2021, where the "
    "banks are no longer mown.",
    "Volunteers walked 38 kilometres of bank each month and logged spraints, tracks and "
    "sightings on a shared map.",
]


def read(tmp_path: Path, body: str, head: str = "", name: str = "otters.html") -> Article:
    path = tmp_path / name
    path.write_text(
        f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>",
        encoding="utf-8",
    )
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_a_title_styled_paragraph_with_a_subtitle_and_a_compiled_by_line(tmp_path: Path) -> None:
    """Word's Title and Subtitle styles, three compilers, a date, h2 sections, no <title>."""
    page = read(
        tmp_path,
        "<div class=WordSection1>"
        "<p class=MsoTitle><span>Otters Return to the Upper Valley<o:p></o:p></span></p>"
        "<p class=MsoSubtitle><span>Survey results for the trust's board<o:p></o:p></span></p>"
        "<p class=MsoNormal><span>Compiled by Ewan Tulloch, Marit Solberg and Kofi Mensah, "
        "Wildlife Team<o:p></o:p></span></p>"
        "<p class=MsoNormal><span>3 March 2025<o:p></o:p></span></p>"
        f"<h2><span>Counts</span></h2><p class=MsoNormal>{BODY[0]} {BODY[1]}</p>"
        f"<h2><span>Method</span></h2><p class=MsoNormal>{BODY[2]}</p>"
        "</div>",
    )
    assert page.title == "Otters Return to the Upper Valley"
    assert page.subtitle == "Survey results for the trust's board"
    assert page.authors == ("Ewan Tulloch", "Marit Solberg", "Kofi Mensah")
    assert page.date == "2025-03-03"
    assert page.sections[0] == "Counts"
    assert {s.section for s in page.sentences if s.text == BODY[0]} == {"Counts"}
    for t in texts(page):
        assert not t.startswith(("Otters Return", "Compiled by", "Survey results", "3 March")), t


def test_a_title_class_after_the_headline_or_the_body_is_not_the_title(tmp_path: Path) -> None:
    """A card's <p class="title"> in a list of further reading, under the page's own <h1> and its
    body text, is no title: the <h1> is."""
    page = read(
        tmp_path,
        "<article><h1>Otters back on the upper river</h1>"
        + "".join(f"<p>{t}</p>" for t in BODY)
        + "<div><p class='title'>Beavers in the lower valley</p></div></article>",
        head="<title>Otters back on the upper river</title>",
    )
    assert page.title == "Otters back on the upper river"
    no_h1 = read(
        tmp_path,
        f"<p>{BODY[0]} {BODY[1]}</p><p class='title'>Beavers in the lower valley</p>"
        f"<p>{BODY[2]}</p>",
        head="<title>Otter survey</title>",
        name="cards.html",
    )
    assert no_h1.title != "Beavers in the lower valley"


def test_a_prepared_by_line_naming_no_person_names_no_author(tmp_path: Path) -> None:
    """ "Prepared by the Wildlife Team for the board" names a body, not people."""
    assert byline_names("Prepared by the Wildlife Team for the board", printed=True) == ()
    assert byline_names("Compiled by Ada Lovell and Ben Hart, Field Unit", printed=True) == (
        "Ada Lovell",
        "Ben Hart",
    )
    page = read(
        tmp_path,
        "<p class='title'>Otter survey 2025</p><p>Prepared by the Wildlife Team for the board</p>"
        + "".join(f"<p>{t}</p>" for t in BODY),
    )
    assert page.title == "Otter survey 2025"
    assert page.authors == ()


def test_docs_comments_with_replies_and_two_markers_in_a_paragraph_are_no_text(
    tmp_path: Path,
) -> None:
    """Two comment markers in one paragraph and a thread with a reply: no comment, marker or
    reply is text; the sentences round the markers stay whole and the footnote stays a note."""
    page = read(
        tmp_path,
        "<p class='c2 title'><span>Otter Survey Briefing</span></p>"
        f"<h2><span>Findings</span></h2><p><span>{BODY[0]}</span>"
        "<sup><a href='#cmnt1' id='cmnt_ref1'>[a]</a></sup>"
        f"<span> {BODY[1]}</span><sup><a href='#ftnt1' id='ftnt_ref1'>[1]</a></sup>"
        f"<span> {BODY[2]}</span><sup><a href='#cmnt2' id='cmnt_ref2'>[b]</a></sup></p>"
        "<hr><div><p><a href='#ftnt_ref1' id='ftnt1'>[1]</a><span> Trust survey returns, "
        "autumn 2024.</span></p></div>"
        "<div><p><a href='#cmnt_ref1' id='cmnt1'>[a]</a><span>Marit: is 412 the final count?"
        "</span></p><p><span>Ewan: yes, checked against the map.</span></p></div>"
        "<div><p><a href='#cmnt_ref2' id='cmnt2'>[b]</a><span>Kofi: add the 2019 route "
        "length.</span></p><p><span>_Assigned to Ewan Tulloch_</span></p></div>",
    )
    assert page.title == "Otter Survey Briefing"
    assert page.sections[0] == "Findings"
    assert set(BODY) <= {t.rstrip("¹") for t in texts(page)}
    assert [n.number for n in page.notes] == [1]
    assert page.notes[0].text.startswith("Trust survey returns")
    for t in [*texts(page), *(n.text for n in page.notes)]:
        assert not any(w in t for w in ("Marit:", "Ewan:", "Kofi:", "Assigned", "[a]", "[b]")), t


def test_word_comments_are_no_text(tmp_path: Path) -> None:
    """Word's comment anchors (_msoanchor_1 → _msocom_1) and its comment list go."""
    page = read(
        tmp_path,
        "<div class=WordSection1><p class=MsoTitle>Otter Survey Briefing</p>"
        f"<h1>Findings</h1><p class=MsoNormal>{BODY[0]}<span class=MsoCommentReference>"
        "<a class=msocomanchor id='_anchor_1' href='#_msocom_1' name='_msoanchor_1'>[ET1]</a>"
        f"</span> {BODY[1]} {BODY[2]}</p></div>"
        "<div style='mso-element:comment-list'><hr class=msocomoff>"
        "<div style='mso-element:comment'><div id='_com_1' class=msocomtxt>"
        "<a name='_msocom_1'></a><p class=MsoCommentText><a href='#_msoanchor_1' "
        "class=msocomoff>[ET1]</a>Check the count with the rangers before it goes out.</p>"
        "</div></div></div>",
    )
    assert page.title == "Otter Survey Briefing"
    assert set(BODY) <= set(texts(page))
    for t in texts(page):
        assert "ET1" not in t and "rangers" not in t, t


def test_in_page_links_that_name_no_comment_are_kept(tmp_path: Path) -> None:
    """A contents box linking to sections (#counts) and back (#top): nothing is dropped."""
    page = read(
        tmp_path,
        "<h1 id='top'>Otter survey</h1><p><a href='#counts' id='toc-counts'>Counts</a></p>"
        f"<h2 id='counts'>Counts</h2><p>{BODY[0]} {BODY[1]}</p>"
        f"<p>{BODY[2]} <a href='#top' id='back-1'>Back to top</a></p>",
        head="<title>Otter survey</title>",
    )
    assert set(BODY) <= {t.removesuffix(" Back to top") for t in texts(page)}
    assert "Counts" in page.sections


def _noted(tmp_path: Path, href: str) -> str | None:
    page = read(
        tmp_path,
        f"<h1>Otter survey</h1><p>{BODY[0]}<sup><a href='#fn1' id='r1'>[1]</a></sup> "
        f"{BODY[1]} {BODY[2]}</p><div><p><a href='#r1' id='fn1'>[1]</a> The trust's map, "
        f"<a href='{href}'>online</a>.</p></div>",
        head="<title>Otter survey</title>",
        name=f"note{abs(hash(href))}.html",
    )
    assert [n.number for n in page.notes] == [1]
    return page.notes[0].url


def test_a_redirect_link_in_a_note_is_its_target(tmp_path: Path) -> None:
    """Facebook's l.php?u= and Outlook's safelinks ?url= wrappers give their targets."""
    assert (
        _noted(tmp_path, "https://l.facebook.com/l.php?u=https%3A%2F%2Fotters.example%2Fmap&h=AT0")
        == "https://otters.example/map"
    )
    assert (
        _noted(
            tmp_path,
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fotters.example"
            "%2Fmap&data=05",
        )
        == "https://otters.example/map"
    )


def test_a_link_with_an_address_in_its_query_but_no_redirect_path_is_kept(tmp_path: Path) -> None:
    """A search page's or an archive's own address is the link, whatever its query holds."""
    search = "https://archive.example/search?q=https://otters.example/map"
    assert _noted(tmp_path, search) == search
    plain = "https://otters.example/url?id=5"
    assert _noted(tmp_path, plain) == plain
