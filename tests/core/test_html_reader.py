"""The HTML reader: main text without furniture, metadata, notes, captions, quotes, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import read_article
from bot.core.ingest.formats import SourceDocument, reader_for
from bot.core.ingest.html import HtmlReader

LOREM = [
    "The alliance agreed on Tuesday to expand its training mission, officials said, after "
    "months of talks between the capitals and the host government.",
    "Its advisers work with ministries in the capital, and they train officers in logistics, "
    "planning and the management of defence budgets, a slow and patient task.",
    "Critics argue that the mission is too small to matter, while supporters point out that "
    "institutions, unlike battalions, take years to build and cannot be rushed.",
    "The next review is due in the spring, when ministers will decide whether the mandate, "
    "the budget and the number of advisers should change.",
]


def page(body: str, head: str = "", lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}'
        f"</head><body>{body}</body></html>"
    ).encode()


def paragraphs(count: int = 4) -> str:
    return "".join(f"<p>{LOREM[i % len(LOREM)]}</p>" for i in range(count))


def read(data: bytes) -> SourceDocument:
    document, issues = HtmlReader().read(data, "seeds/page.html")
    assert document is not None, issues
    return document


def kinds(document: SourceDocument, kind: str) -> list[str]:
    return [b.text for b in document.blocks if b.kind == kind]


# --- recognising a page ------------------------------------------------------------------
@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"\xef\xbb\xbf  \n<!doctype HTML>",
        b"<html lang='en'>",
        b"  <head><title>x</title>",
        b"<?xml version='1.0'?>\n<html xmlns='x'>",
        "<!DOCTYPE html>".encode("utf-16"),
    ],
)
def test_sniff_recognises_pages(head: bytes) -> None:
    assert HtmlReader().sniff(head)


@pytest.mark.parametrize("head", [b"Plain text <b>not</b> a page", b"%PDF-1.7", b"# Title"])
def test_sniff_rejects_other_formats(head: bytes) -> None:
    assert not HtmlReader().sniff(head)


def test_suffixes_and_content_choose_the_html_reader() -> None:
    for suffix in (".html", ".HTM", ".xhtml"):
        assert isinstance(reader_for(suffix, b""), HtmlReader)
    assert isinstance(reader_for(".txt", b"<!DOCTYPE html><html>"), HtmlReader)


# --- main text -----------------------------------------------------------------------------
def test_furniture_is_left_out() -> None:
    body = (
        "<div id='cookie-banner'><p>We use cookies to improve your experience. Accept all "
        "cookies?</p></div>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        "<header class='site-header'><a href='/'>The Daily Example</a></header>"
        "<article><h1>Mission grows</h1>"
        "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
        f"{paragraphs(3)}<h2>What comes next</h2>{paragraphs(2)}"
        "<div class='newsletter-signup'><p>Sign up for our morning briefing, it is free and "
        "it arrives before breakfast.</p></div>"
        "<div class='related-links'><h3>Related stories</h3><ul><li><a href='/a'>Another "
        "story about the alliance</a></li><li><a href='/b'>A second story</a></li></ul></div>"
        "</article>"
        "<section id='comments'><h3>Comments</h3><p>I disagree with this article, because "
        "the mission is a waste, frankly, of everyone's money.</p></section>"
        "<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>"
    )
    document = read(page(body, "<title>Mission grows | The Daily Example</title>"))
    text = document.text
    for kept in (LOREM[0], LOREM[1], "What comes next"):
        assert kept in text
    for furniture in (
        "cookies",
        "Home",
        "Share on Facebook",
        "Sign up",
        "Related stories",
        "Another story",
        "I disagree",
        "Copyright 2024",
    ):
        assert furniture not in text, furniture
    assert document.meta.title == "Mission grows"
    assert kinds(document, "heading") == ["What comes next"]  # no byline: no header written
    assert document.explicit_headings  # the page marks its headings: none is guessed


def test_hidden_and_screen_reader_text_is_left_out() -> None:
    body = (
        f"<article><h1>Title here</h1>{paragraphs(3)}"
        "<p><span class='visually-hidden'>Image caption</span>Visible words, and more of "
        "them.</p><p style='display:none'>Invisible paragraph text.</p></article>"
    )
    text = read(page(body)).text
    assert "Visible words" in text
    assert "Image caption" not in text and "Invisible" not in text


def test_a_page_too_short_for_readability_is_still_read() -> None:
    document = read(
        page(
            "<header><p>The Daily Example</p></header><nav><a href='/'>Home</a>"
            "<a href='/x'>X</a></nav><p>One short paragraph.</p>"
            "<footer><p>All rights reserved.</p></footer>"
        )
    )
    assert kinds(document, "paragraph") == ["One short paragraph."]


# --- metadata ------------------------------------------------------------------------------
def test_metadata_from_meta_tags() -> None:
    head = (
        "<title>Mission grows - The Daily Example</title>"
        "<meta property='og:title' content='Mission grows - The Daily Example'>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta name='author' content='Jane Q. Doe'>"
        "<meta property='article:published_time' content='2024-05-16T08:00:00Z'>"
        "<link rel='canonical' href='https://example.org/mission-grows'>"
    )
    meta = read(
        page(f"<article><h1>Mission grows</h1>{paragraphs()}</article>", head, lang="en-GB")
    ).meta
    assert meta.title == "Mission grows"
    assert meta.authors == ("Jane Q. Doe",)
    assert meta.date == "2024-05-16"
    assert meta.url == "https://example.org/mission-grows"
    assert meta.publication == "The Daily Example"
    assert meta.language == "en-GB"


def test_metadata_from_json_ld_and_byline() -> None:
    head = (
        "<title>Site Name</title><script type='application/ld+json'>"
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "A Headline", "datePublished": "2023-11-02", '
        '"author": [{"@type": "Person", "name": "Ann Smith"}, '
        '{"@type": "Person", "name": "Bo Jones"}], '
        '"publisher": {"@type": "Organization", "name": "Site Name"}}</script>'
    )
    meta = read(page(f"<main><h1>A Headline</h1>{paragraphs()}</main>", head)).meta
    assert meta.title == "A Headline"
    assert meta.authors == ("Ann Smith", "Bo Jones")
    assert meta.date == "2023-11-02"
    assert meta.publication == "Site Name"
    body = (
        "<article><h1>A Headline</h1><p class='meta'>By <a href='/ann'>Ann Smith</a>, "
        "Senior Fellow, on Monday, November 18th, 2019</p>" + paragraphs() + "</article>"
    )
    ld = (
        '<script type=\'application/ld+json\'>{"@type": "Article", '
        '"author": "Ann Smith and Bo Jones"}</script>'
    )
    assert read(page(f"<main>{paragraphs()}</main>", ld)).meta.authors == ("Ann Smith", "Bo Jones")
    meta = read(page(body, "<title>A Headline | The Site</title>")).meta
    assert meta.authors == ("Ann Smith",)
    assert meta.publication == "The Site"  # from the <title>, the page states no site name
    assert meta.date == "2019-11-18"


def test_header_blocks_are_title_standfirst_byline_and_no_duplicates() -> None:
    head = (
        "<meta property='og:description' content='The standfirst under the headline.'>"
        "<meta name='author' content='Jane Doe'>"
    )
    body = (
        "<article><h1>Mission grows</h1><p class='standfirst'>The standfirst under the "
        "headline.</p><p class='byline'>By Jane Doe</p><time datetime='2024-01-02'>Jan 2nd "
        f"2024</time>{paragraphs()}</article>"
    )
    document = read(page(body, "<title>Mission grows</title>" + head))
    first = [b.text for b in document.blocks[:3]]
    # a standfirst written as a sentence would end the printed header: the byline goes above it
    assert first == ["Mission grows", "By Jane Doe", "The standfirst under the headline."]
    assert document.meta.subtitle == "The standfirst under the headline."
    short = read(page(body.replace("under the headline.", "under the headline"), head))
    assert [b.text for b in short.blocks[1:3]] == [
        "The standfirst under the headline",
        "By Jane Doe",
    ]
    cut = head.replace(
        "The standfirst under the headline.", "A standfirst that the site cuts short in its…"
    )
    body = body.replace(
        "The standfirst under the headline.",
        "A standfirst that the site cuts short in its description.",
    )
    document = read(page(body, "<title>Mission grows</title>" + cut))
    assert document.meta.subtitle == "A standfirst that the site cuts short in its description."
    assert document.text.count("Mission grows") == 1
    assert "Jan 2nd 2024" not in document.text


# --- notes ---------------------------------------------------------------------------------
def test_sup_footnotes_become_notes_joined_to_markers() -> None:
    body = (
        "<article><h1>Title here</h1>"
        f"<p>{LOREM[0]}<sup><a href='#fn1' id='fnref1'>1</a></sup></p>"
        f"<p>{LOREM[1]}<sup><a href='#fn2' id='fnref2'>2</a></sup></p>{paragraphs(2)}"
        "<section class='footnotes'><ol>"
        "<li id='fn1'>NATO, <a href='https://example.org/report'>Annual report</a>, 2023. "
        "<a href='#fnref1'>↩</a></li>"
        "<li id='fn2'>Interview with an official, May 2024. <a href='#fnref2'>↩</a></li>"
        "</ol></section></article>"
    )
    document = read(page(body))
    body_text = " ".join(kinds(document, "paragraph"))
    assert (
        "officials said, after months of talks between the capitals and the host "
        "government.¹" in body_text
    )
    assert "budgets, a slow and patient task.²" in body_text
    assert kinds(document, "notes") == [
        "1 NATO, Annual report, 2023. <https://example.org/report> "
        "2 Interview with an official, May 2024."
    ]
    assert "↩" not in document.text


def test_noteref_footnotes_keep_their_own_numbers() -> None:
    body = (
        "<section><h1>Chapter</h1>"
        f"<p>{LOREM[0]}<sup><a data-type='noteref' id='n22-marker' href='#n22'>22</a></sup></p>"
        f"{paragraphs(3)}"
        "<div class='footnotes'><p data-type='footnote' id='n22'><sup>"
        "<a href='#n22-marker'>22</a></sup>Sometimes known as alert spam.</p></div></section>"
    )
    document = read(page(body))
    assert kinds(document, "notes") == ["22 Sometimes known as alert spam."]
    assert "government.²²" in document.text
    assert "alert spam" not in " ".join(kinds(document, "paragraph"))


def test_wikipedia_style_references() -> None:
    body = (
        "<div id='content'><h1>Mozilla</h1>"
        f"<p>{LOREM[0]}<sup id='cite_ref-1' class='reference'><a href='#cite_note-1'>[1]</a>"
        "</sup><sup class='noprint'>[<i><a href='/wiki/Citation_needed'>citation needed</a>"
        "</i>]</sup></p>"
        f"<p>{LOREM[1]}<sup id='cite_ref-2a' class='reference'><a href='#cite_note-2'>[2]</a>"
        "</sup><sup id='cite_ref-3' class='reference'><a href='#cite_note-3'>[3]</a></sup>"
        "<sup class='reference'><a href='#cite_note-lower-a'>[a]</a></sup></p>"
        f"{paragraphs(2)}<h2>References</h2><ol class='references'>"
        "<li id='cite_note-1'><span class='mw-cite-backlink'><b><a href='#cite_ref-1'>^</a>"
        "</b></span> <span class='reference-text'><a class='external' "
        "href='http://example.com/story'>\"Freeing the Source\"</a>. Example Press. "
        "Retrieved 1 May 2016.</span></li>"
        "<li id='cite_note-2'><span class='mw-cite-backlink'>^ <a href='#cite_ref-2a'>"
        "<sup><i><b>a</b></i></sup></a> <a href='#cite_ref-2b'><sup><i><b>b</b></i></sup>"
        "</a></span> <span class='reference-text'>Second source.</span></li>"
        "<li id='cite_note-3'><span class='mw-cite-backlink'><a href='#cite_ref-3'>^</a>"
        "</span> <span class='reference-text'>Third source, retrieved 2014-04-04.</span>"
        "</li></ol></div>"
    )
    document = read(page(body))
    paragraphs_text = " ".join(kinds(document, "paragraph"))
    assert "host government.¹ " in paragraphs_text + " "
    assert "patient task.²,³" in paragraphs_text
    assert "[a]" not in paragraphs_text and "citation needed" not in paragraphs_text
    notes = next(b for b in document.blocks if b.kind == "notes")
    assert [line.text for line in notes.lines] == [
        '1 "Freeing the Source". Example Press. <http://example.com/story> [2016-05-01]',
        "2 Second source.",
        "3 Third source [2014-04-04]",
    ]
    assert "References" not in kinds(document, "heading")  # nothing under it but the notes


# --- captions, quotes, interviews ----------------------------------------------------------
def test_figcaption_with_credit_is_a_caption() -> None:
    body = (
        f"<article><h1>Title here</h1>{paragraphs(2)}<figure><img src='a.jpg' alt=''>"
        "<figcaption><span>Soldiers at the base in 2023.</span><span class='credit'>"
        "Credit...Jane Doe/Agency</span></figcaption></figure>"
        f"{paragraphs(2)}</article>"
    )
    assert kinds(read(page(body)), "image") == [
        "Soldiers at the base in 2023. Credit: Jane Doe/Agency"
    ]


def test_blockquote_keeps_its_attribution_last() -> None:
    body = (
        f"<article><h1>Title here</h1>{paragraphs(2)}"
        "<blockquote><p>We choose to go to the Moon in this decade.</p>"
        "<footer>— <cite>John F. Kennedy</cite></footer></blockquote>"
        "<figure><blockquote><p>Ask not what your country can do for you.</p>"
        "</blockquote><figcaption>John F. Kennedy</figcaption></figure>"
        f"{paragraphs(2)}</article>"
    )
    quotes = [b for b in read(page(body)).blocks if b.kind == "quote"]
    assert [[line.text for line in q.lines] for q in quotes] == [
        ["We choose to go to the Moon in this decade.", "— John F. Kennedy."],
        ["Ask not what your country can do for you.", "— John F. Kennedy."],
    ]


def test_interview_labels_start_their_paragraphs() -> None:
    body = (
        "<article><h1>An interview</h1>"
        f"<p>{LOREM[0]}</p><p>{LOREM[1]}</p>"
        "<p><strong>The Example:</strong> What do you mean by superminds, exactly?</p>"
        "<p><strong>Ann Smith:</strong> A supermind is a group of individual minds that "
        "are effective at working together.</p>"
        "<p>It goes on in a second paragraph, without a label, as answers do.</p>"
        "<p><strong>What makes a group smart?</strong><br>Three things, we found, in the "
        "end.</p>"
        "<p><b>An Intelligence Test for Groups</b></p>"
        f"{paragraphs(2)}</article>"
    )
    document = read(page(body))
    texts = kinds(document, "paragraph")
    assert "The Example: What do you mean by superminds, exactly?" in texts
    assert (
        "Ann Smith: A supermind is a group of individual minds that are effective at "
        "working together."
    ) in texts
    assert "Three things, we found, in the end." in texts
    headings = kinds(document, "heading")
    assert "What makes a group smart?" in headings
    assert "An Intelligence Test for Groups" in headings
    assert "The Example:" not in headings


def test_lists_tables_and_definitions() -> None:
    body = (
        f"<article><h1>Title here</h1>{paragraphs(2)}"
        "<ul><li>The UK must stay in the EU</li><li>The deal will pass</li></ul>"
        "<dl><dt>Monitoring</dt><dd>Collecting and displaying data.</dd></dl>"
        "<table><caption>Example symptoms and causes</caption><tr><th>Symptom</th>"
        "<th>Cause</th></tr><tr><td>Slow pages</td><td>Full disk</td></tr></table>"
        f"{paragraphs(2)}</article>"
    )
    document = read(page(body))
    lists = [[line.text for line in b.lines] for b in document.blocks if b.kind == "list"]
    assert ["The UK must stay in the EU", "The deal will pass"] in lists
    # the header row states nothing itself; it names the value of each column under it
    assert ["Slow pages — Cause Full disk."] in lists
    assert "Monitoring — Collecting and displaying data." in kinds(document, "paragraph")
    assert "Example symptoms and causes" in kinds(document, "image")


def test_line_numbers_increase_even_on_one_line_pages() -> None:
    document = read(page(f"<article><h1>Title here</h1>{paragraphs(5)}</article>"))
    numbers = [line.number for b in document.blocks for line in b.lines]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


# --- bad input -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"<html><body></body></html>",
        b"<!DOCTYPE html><html><head><title>T</title></head></html>",
        b"<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_empty_pages_give_an_error_not_a_crash(data: bytes) -> None:
    document, issues = HtmlReader().read(data, "seeds/empty.html")
    assert document is None
    assert issues and issues[0].level == "error" and issues[0].file == "seeds/empty.html"


def test_broken_markup_is_still_read() -> None:
    data = (
        b"<html><body><div><p>"
        + LOREM[0].encode()
        + b"<p>"
        + LOREM[1].encode()
        + b"</span></b><table><tr><td>"
        + LOREM[2].encode()
    )
    document = read(data)
    for text in LOREM[:3]:
        assert text in document.text


def test_binary_garbage_does_not_crash() -> None:
    document, issues = HtmlReader().read(bytes(range(256)) * 8, "seeds/junk.html")
    assert document is None or document.blocks is not None
    assert document is not None or issues


# --- encodings -----------------------------------------------------------------------------
def test_declared_charset_is_used() -> None:
    data = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; "
        "charset=windows-1252'></head><body><p>Caf\u00e9 \u2013 \u201cquoted\u201d</p>"
        "</body></html>"
    ).encode("cp1252")
    document, issues = HtmlReader().read(data, "p.html")
    assert document is not None and not issues
    assert "Café – “quoted”" in document.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_byte_order_marks(codec: str) -> None:
    data = "<html><body><p>Zürich – ok</p></body></html>".encode(codec)
    document, _ = HtmlReader().read(data, "p.html")
    assert document is not None and "Zürich – ok" in document.text


def test_undeclared_non_utf8_falls_back_with_a_warning() -> None:
    data = "<html><body>\n<p>Caf\u00e9 au lait</p></body></html>".encode("cp1252")
    document, issues = HtmlReader().read(data, "seeds/p.html")
    assert document is not None and "Café au lait" in document.text
    assert issues and "cp1252" in issues[0].message and issues[0].line == 2


def test_a_wrong_declared_charset_name_falls_back_to_utf8() -> None:
    data = (
        "<html><head><meta charset='no-such-codec'></head><body><p>Zürich</p>"
        "</body></html>".encode()
    )
    document, _ = HtmlReader().read(data, "p.html")
    assert document is not None and "Zürich" in document.text


# --- end to end ----------------------------------------------------------------------------
def test_read_article_on_a_saved_page(tmp_path: Path) -> None:
    head = (
        "<title>Mission grows | The Daily Example</title>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2024-05-16'>"
        "<link rel='canonical' href='https://example.org/m'>"
    )
    body = (
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<article><h1>Mission grows</h1><p class='byline'>By Jane Doe</p>"
        f"<p>{LOREM[0]}<sup><a href='#fn1' id='r1'>1</a></sup></p>"
        "<figure><img src='x.jpg' alt=''><figcaption>Advisers at work in the capital. "
        "<span class='credit'>Photo: Jane Doe</span></figcaption></figure>"
        f"<h2>The Review Ahead</h2><p>{LOREM[1]}</p><p>{LOREM[2]}</p><p>{LOREM[3]}</p>"
        "<ol class='footnotes'><li id='fn1'>Council decision, 2024, "
        "<a href='https://example.org/decision'>online</a>. <a href='#r1'>↩</a></li></ol>"
        "</article><footer>All rights reserved.</footer>"
    )
    path = tmp_path / "mission.html"
    path.write_bytes(page(body, head))
    article, issues = read_article(path)
    assert article is not None, issues
    assert article.title == "Mission grows"
    assert article.authors == ("Jane Doe",)
    assert article.date == "2024-05-16"
    assert article.url == "https://example.org/m"
    assert article.publication == "The Daily Example"
    assert article.sections == ("The Review Ahead",)
    assert [n.number for n in article.notes] == [1]
    assert article.notes[0].url == "https://example.org/decision"
    marked = [s for s in article.sentences if s.notes == (1,)]
    assert marked and marked[0].text.startswith("The alliance agreed on Tuesday")
    captions = [s for s in article.sentences if s.kind == "caption"]
    assert captions and captions[0].text.startswith("Advisers at work in the capital.")
    assert not any("Home" in s.text or "rights reserved" in s.text for s in article.sentences)
    assert not [i for i in issues if i.level == "error"]


def test_byline_classes_below_the_header_stay_body_text() -> None:
    body = (
        "<article><h1>Title here</h1><p class='byline'>By Jane Doe</p>"
        f"{paragraphs(3)}<p class='author-bio'>Jane Doe has covered defence since 2012.</p>"
        "</article>"
    )
    document = read(page(body, "<meta name='author' content='Jane Doe'>"))
    assert kinds(document, "paragraph")[-1] == "Jane Doe has covered defence since 2012."
    assert document.text.count("By Jane Doe") == 1  # the header's byline, not the page's


def test_xhtml_with_epub_footnotes() -> None:
    notes = "".join(
        f"<aside epub:type='footnote' id='n{i}'><p>{i}. Source number {i}.</p></aside>"
        for i in (1, 2)
    )
    data = (
        "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE html>\n"
        "<html xmlns='http://www.w3.org/1999/xhtml' xmlns:epub='http://www.idpf.org/2007/ops' "
        "lang='de'><head><title>Kapitel 1</title></head><body><section><h1>Kapitel 1</h1>"
        f"<p>{LOREM[0]}<a epub:type='noteref' href='#n1'>1</a></p>"
        f"<p>{LOREM[1]}<a epub:type='noteref' href='#n2'>2</a></p>{notes}</section></body></html>"
    ).encode()
    assert HtmlReader().sniff(data[:4096])
    document = read(data)
    assert document.meta.language == "de"
    assert kinds(document, "notes") == ["1 Source number 1. 2 Source number 2."]
    assert "host government.¹" in document.text


def test_source_line_breaks_are_spaces_and_double_br_parts_paragraphs() -> None:
    body = (
        "<div class='entry'><h1>Title here</h1><p>The mission grew\n   over the\nyears.</p>"
        f"<div>{LOREM[0]}<br><br>{LOREM[1]}<br>{LOREM[2]}</div>{paragraphs(2)}</div>"
    )
    document = read(page(body))
    blocks = [[line.text for line in b.lines] for b in document.blocks if b.kind == "paragraph"]
    assert ["The mission grew over the years."] in blocks
    assert [LOREM[0]] in blocks
    assert [LOREM[1], LOREM[2]] in blocks


def test_a_charset_declared_after_long_scripts_is_found() -> None:
    script = "<script>" + "var x = 1;" * 2000 + "</script>"
    data = (
        f"<html><head>{script}<meta charset='iso-8859-1'></head><body><p>Caf\u00e9</p>"
        "</body></html>"
    ).encode("cp1252")
    document, issues = HtmlReader().read(data, "p.html")
    assert document is not None and "Café" in document.text and not issues


def test_the_article_container_is_never_furniture_but_chart_labels_are() -> None:
    body = (
        "<div class='layout has-sidebar'><h1>Title here</h1>"
        f"<div class='post-body with-sidebar'>{paragraphs(4)}"
        "<div class='interactive-graphic'><p>Yield on the 10-year note</p><p>3.1%</p></div>"
        "<figure class='chart'><img src='c.png' alt=''><figcaption>Figure 1. Interest "
        "payments, 2010–2028. Source: CBO</figcaption></figure>"
        f"{paragraphs(2)}</div></div><div class='sidebar'><p>Most read today, and more, "
        "and more.</p></div>"
    )
    document = read(page(body))
    assert LOREM[0] in document.text
    assert "Yield on the 10-year note" not in document.text
    assert "Most read today" not in document.text
    assert kinds(document, "image") == ["Figure 1. Interest payments, 2010–2028. Source: CBO"]


def test_control_characters_are_dropped() -> None:
    data = page(
        f"<article><h1>Title here</h1><p>Bell\x07 and\x0b form\x0c feed.</p>"
        f"{paragraphs(3)}</article>"
    )
    document = read(data)
    assert "Bell and form feed." in document.text


def test_word_export_footnotes() -> None:
    def ref(n: int) -> str:
        return (
            f"<a href='#_ftn{n}' name='_ftnref{n}'><span class='MsoFootnoteReference'>"
            f"[{n}]</span></a>"
        )

    def note(n: int, text: str) -> str:
        return (
            f"<p class='MsoFootnoteText'><a href='#_ftnref{n}' name='_ftn{n}'>[{n}]</a> {text}</p>"
        )

    body = (
        f"<div class='WordSection1'><h1>Title here</h1><p>{LOREM[0]}{ref(1)}</p>"
        f"<p>{LOREM[1]}{ref(2)}</p>{paragraphs(2)}<div><hr>"
        f"{note(1, 'Council decision, 2024.')}{note(2, 'Interview, May 2024.')}</div></div>"
    )
    document = read(page(body))
    assert kinds(document, "notes") == ["1 Council decision, 2024. 2 Interview, May 2024."]
    paragraph_text = " ".join(kinds(document, "paragraph"))
    assert "host government.¹" in paragraph_text and "patient task.²" in paragraph_text


def test_one_sup_with_two_note_links() -> None:
    body = (
        f"<article><h1>Title here</h1><p>{LOREM[0]}<sup><a href='#a1'>1</a>, "
        f"<a href='#a2'>2</a></sup></p>{paragraphs(3)}<ol><li id='a1'>First source here."
        "</li><li id='a2'>Second source here.</li></ol></article>"
    )
    document = read(page(body))
    assert "host government.¹,²" in document.text
    assert kinds(document, "notes") == ["1 First source here. 2 Second source here."]


def test_a_short_first_paragraph_is_body_when_the_page_has_no_byline(tmp_path: Path) -> None:
    body = (
        "<article><h1>Strategic Assets</h1><p>Most stakes are below the threshold of 10 "
        "percent.<sup><a href='#n1' id='r1'>1</a></sup></p>"
        f"{paragraphs(3)}<ol><li id='n1'>Dataset of holdings, 2022.</li></ol></article>"
    )
    path = tmp_path / "assets.html"
    path.write_bytes(page(body, "<title>Strategic Assets</title>"))
    article, issues = read_article(path)
    assert article is not None, issues
    assert article.title == "Strategic Assets" and article.subtitle is None
    first = [s for s in article.sentences if s.text.startswith("Most stakes are below")]
    assert first and first[0].notes == (1,)


def test_a_dash_in_a_headline_is_not_a_site_suffix() -> None:
    head = (
        "<title>Brexit - what happens next | The Paper</title>"
        "<meta property='og:title' content='Brexit - what happens next'>"
    )
    meta = read(page(f"<main>{paragraphs()}</main>", head)).meta
    assert meta.title == "Brexit - what happens next"
    document = read(page(f"<main>{paragraphs()}</main>", "<title>The Paper | Brexit talks</title>"))
    assert document.meta.title == "Brexit talks"
