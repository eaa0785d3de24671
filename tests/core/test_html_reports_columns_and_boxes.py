"""An official report page's numbered paragraphs, boxes and front matter, and a news page's
panels, link lines, embedded posts, columnist box and letters, in shapes of their own.

Each page is written here, with other names, markup and wording than the held-out pages, so the
rules are not fitted to them; each rule has a negative case it must leave as it is.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

FILLER = (
    "The inquiry heard from farmers, carers and small firms across the county over four months, "
    "and it visited six villages where the connection drops every evening."
)


def page(
    tmp_path: Path, body: str, head: str = "", title: str = "Water for the Uplands"
) -> Article:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | Assembly of Westmere</title>"
        f"<meta property='og:site_name' content='Assembly of Westmere'>{head}</head>"
        f"<body><main><article><h1>{title}</h1>{body}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def numbered(n: int, text: str, tag: str = "span", cls: str = "para-number") -> str:
    return f"<p><{tag} class='{cls}'>{n}</{tag}> {text}</p>"


# --- numbered paragraphs ----------------------------------------------------------------------
def test_a_paragraph_number_marked_by_its_class_is_no_text_and_no_note(tmp_path: Path) -> None:
    body = (
        "<h2>Findings</h2>"
        + numbered(14, "Reservoir levels fell to 41 per cent in August, the lowest since 1976.")
        + numbered(15, "Two water companies imposed hosepipe bans lasting eleven weeks.")
        + "<h2>Our view</h2>"
        + numbered(16, "The regulator acted late. It should publish drought plans each spring.")
        + numbered(17, "We heard that rural supplies were cut first and restored last.")
    )
    read = page(tmp_path, body)
    body_texts = texts(read)
    assert "Reservoir levels fell to 41 per cent in August, the lowest since 1976." in body_texts
    assert "We heard that rural supplies were cut first and restored last." in body_texts
    assert not any(t[:2].isdigit() for t in body_texts), body_texts
    assert list(read.notes) == []
    assert {s.section for s in read.sentences if s.text.startswith("We heard")} == {"Our view"}


def test_a_number_in_a_plain_span_or_a_counted_figure_stays(tmp_path: Path) -> None:
    """Only an element its class names a number is the paragraph's number: a plain <span> or
    a <strong> figure opening the sentence is a word of it."""
    body = (
        "<p><span>12</span> farms lost their supply for more than a week in the summer.</p>"
        "<p><strong class='highlight'>40</strong> villages rely on a single borehole.</p>"
        f"<p>{FILLER}</p>"
    )
    body_texts = texts(page(tmp_path, body))
    assert "12 farms lost their supply for more than a week in the summer." in body_texts
    assert "40 villages rely on a single borehole." in body_texts


# --- recommendation boxes ---------------------------------------------------------------------
def test_a_recommendation_box_of_prose_is_the_reports_text(tmp_path: Path) -> None:
    body = (
        "<h2>What should change</h2>"
        f"<p>{FILLER}</p>"
        "<aside class='recommendation-box'><p><b>The regulator should require every company to "
        "publish a drought plan by March each year.</b></p></aside>"
        "<section class='recommendations'><h3>Recommended reading</h3><ul>"
        "<li><a href='/r/1'>Floods in the lowlands</a></li>"
        "<li><a href='/r/2'>Our 2023 report on leaks</a></li></ul></section>"
    )
    read = page(tmp_path, body)
    body_texts = texts(read)
    assert (
        "The regulator should require every company to publish a drought plan by March each year."
        in body_texts
    )
    assert not any("lowlands" in t or "leaks" in t for t in body_texts), body_texts


# --- front matter -------------------------------------------------------------------------------
def test_a_dated_front_matter_line_under_the_headline_is_no_sentence(tmp_path: Path) -> None:
    body = (
        f"<p>Second Report of Session 2024-25 | HC 88 | Published 3 March 2025</p><p>{FILLER}</p>"
    )
    read = page(tmp_path, body)
    assert not any(t.startswith("Second Report") for t in texts(read))
    assert FILLER in texts(read)


def test_a_dated_first_sentence_under_the_headline_stays(tmp_path: Path) -> None:
    """A sentence that gives a date is body text, even set apart by a "|"-less line of its own."""
    first = "On 3 March 2025 the committee published its second report on upland water supply."
    read = page(tmp_path, f"<p>{first}</p><p>{FILLER}</p>")
    assert first in texts(read)


def test_a_body_with_and_in_its_name_is_one_author(tmp_path: Path) -> None:
    read = page(
        tmp_path,
        f"<p>{FILLER}</p>",
        head="<meta name='author' content='Environment, Food and Rural Affairs Committee'>",
    )
    assert read.authors == ("Environment, Food and Rural Affairs Committee",)
    two = page(
        tmp_path, f"<p>{FILLER}</p>", head="<meta name='author' content='Ines Duarte and Tom Hale'>"
    )
    assert two.authors == ("Ines Duarte", "Tom Hale")


# --- a news page's panels, link lines and embedded posts ----------------------------------------
STORY = [
    "The county will close the Millbeck tip on Sundays from May, after a review found that only "
    "a few hundred cars used it on that day.",
    "Residents say the nearest open site is now a forty-minute drive away for most villages.",
]


def test_a_panel_heading_heads_its_items_not_the_story_after_it(tmp_path: Path) -> None:
    body = (
        "<div class='summary-panel'><h3>At a glance</h3><ol><li>Sunday closures from May</li>"
        "<li>Saves about 80,000 pounds a year</li></ol></div>"
        f"<p>{STORY[0]}</p><h2>What residents say</h2><p>{STORY[1]}</p>"
    )
    read = page(tmp_path, body)
    by_text = {s.text: s.section for s in read.sentences}
    assert by_text[STORY[0]] == ""
    assert by_text[STORY[1]] == "What residents say"
    assert "At a glance" not in read.sections


def test_a_box_heading_followed_by_its_own_next_heading_stays_a_section(tmp_path: Path) -> None:
    """A box of a heading and a list with another heading after it is a section like any other;
    a box holding paragraphs heads the paragraphs after it too."""
    body = (
        "<section><h2>Sites that stay open</h2><ul><li>Eastgate, seven days a week</li>"
        "<li>Hollins Lane, weekdays only</li></ul></section>"
        f"<h2>What residents say</h2><p>{STORY[1]}</p>"
    )
    read = page(tmp_path, body)
    assert "Sites that stay open" in read.sections
    boxed = page(tmp_path, f"<div><h2>The decision</h2><p>{FILLER}</p></div><p>{STORY[0]}</p>")
    assert {s.text: s.section for s in boxed.sentences}[STORY[0]] == "The decision"


def test_a_labelled_link_to_another_story_is_no_sentence(tmp_path: Path) -> None:
    body = (
        f"<p>{STORY[0]}</p>"
        "<p>See also: <a href='/news/bins'>Bin collections move to fortnightly in the north</a></p>"
        "<p>Related: <a href='/news/fly-tipping'>Fly-tipping fines doubled</a></p>"
        f"<p>{STORY[1]}</p>"
        "<p>Read the council's review: <a href='/docs/review.pdf'>Waste sites review</a></p>"
        "<p>See <a href='/docs/map'>the council's map</a> for the sites that stay open.</p>"
    )
    body_texts = texts(page(tmp_path, body))
    assert not any(t.startswith(("See also", "Related")) for t in body_texts), body_texts
    assert not any("fortnightly" in t or "Fly-tipping" in t for t in body_texts)
    assert any(t.startswith("Read the council's review") for t in body_texts)  # no "go" label
    assert "See the council's map for the sites that stay open." in body_texts


def test_an_embedded_posts_credit_keeps_a_name_ending_in_on(tmp_path: Path) -> None:
    """The credit "— Jo Dixon (@jodixon) March 3, 2025": the date goes, "Dixon" stays whole."""
    body = (
        f"<p>{STORY[0]}</p>"
        "<blockquote class='embedded-post'><p>Forty minutes each way to drop off a sofa is not a "
        "service, it is a punishment.</p>— Jo Dixon (@jodixon) "
        "<a href='https://social.example/jodixon/1'>March 3, 2025</a></blockquote>"
        f"<p>{STORY[1]}</p>"
    )
    quotes = {q.text: q.speaker for q in page(tmp_path, body).quotes}
    assert (
        quotes.get(
            "Forty minutes each way to drop off a sofa is not a service, it is a punishment."
        )
        == "Jo Dixon"
    ), quotes


# --- an opinion column: its name as series, the columnist's bio ---------------------------------
COLUMN = [
    "Every spring the parish meeting argues about the footpath along the beck, and every spring "
    "nothing is done.",
    "This year the county has a grant for it, and the parish should take the money.",
]


def column(tmp_path: Path, header: str, title: str, article_class: str = "") -> Article:
    path = tmp_path / "column.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<meta name='author' content='Tobias Wren'>"
        "<meta property='og:site_name' content='Dale Gazette'></head><body><main>"
        f"<article class='{article_class}'>{header}"
        f"<p>{COLUMN[0]}</p><p>{COLUMN[1]}</p></article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


HEAD = "Fix the beck path"


def test_an_opinion_pages_kicker_is_its_columns_name(tmp_path: Path) -> None:
    header = (
        f"<div class='eyebrow'><a href='/comment/on-the-fell'>On the Fell</a></div><h1>{HEAD}</h1>"
        "<div class='writer'><p class='byline'>By Tobias Wren</p>"
        "<p class='contributor-bio'>Tobias Wren farms above Keld and chairs the parish meeting."
        "</p></div>"
    )
    read = column(tmp_path, header, f"{HEAD} - Comment - Dale Gazette")
    assert read.series == "On the Fell"
    assert not any(t.startswith("Tobias Wren farms") for t in [s.text for s in read.sentences])
    assert COLUMN[0] in [s.text for s in read.sentences]


def test_a_news_pages_kicker_or_the_word_opinion_is_no_series(tmp_path: Path) -> None:
    news = column(
        tmp_path, f"<p class='kicker'>Footpaths</p><h1>{HEAD}</h1>", f"{HEAD} | Dale Gazette"
    )
    assert news.series is None
    bare = column(
        tmp_path,
        f"<p class='kicker'>Opinion</p><h1>{HEAD}</h1>",
        f"{HEAD} | Opinion | Dale Gazette",
    )
    assert bare.series is None


def test_a_sentence_opening_with_the_authors_name_is_no_bio_outside_a_bio_box(
    tmp_path: Path,
) -> None:
    """ "Tobias Wren is wrong …" in the body, not set apart as a bio, stays a sentence."""
    header = f"<h1>{HEAD}</h1><p class='byline'>By Tobias Wren</p>"
    path = tmp_path / "reply.html"
    reply = "Tobias Wren is wrong about the grant, which covers only half of the path."
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{HEAD} | Dale Gazette</title><meta name='author' content='Tobias Wren'></head>"
        f"<body><main><article>{header}<p>{COLUMN[0]}</p><p>{reply}</p><p>{COLUMN[1]}</p>"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    read, _ = read_article(path)
    assert read is not None
    assert reply in [s.text for s in read.sentences]


def test_a_bio_in_the_columnists_card_is_no_sentence(tmp_path: Path) -> None:
    header = (
        f"<h1>{HEAD}</h1><div class='writer'><p class='byline'>By Tobias Wren</p>"
        "<p>Tobias Wren is a retired teacher who writes from Keld.</p></div>"
    )
    read = column(tmp_path, header, f"{HEAD} | Dale Gazette")
    assert not any(s.text.startswith("Tobias Wren is") for s in read.sentences)
    assert read.series is None


# --- letters signed at their foot -------------------------------------------------------------
def letters(tmp_path: Path, boxes: str) -> Article:
    return page(tmp_path, f"<p>{FILLER}</p><h2>Your letters</h2>{boxes}", title="Beck path")


def test_letters_signed_alike_are_their_writers_words(tmp_path: Path) -> None:
    boxes = (
        "<div><p>The path floods every winter. A boardwalk would last longer than gravel.</p>"
        "<p>Alice Thorne, Keld</p></div>"
        "<div><p>Nobody asked the farmers whose land the path crosses.</p>"
        "<p>Ruth Mabey</p></div>"
    )
    read = letters(tmp_path, boxes)
    by = {s.text: s.speaker for s in read.sentences}
    assert by["A boardwalk would last longer than gravel."] == "Alice Thorne"
    assert by["Nobody asked the farmers whose land the path crosses."] == "Ruth Mabey"
    assert not any(t in ("Alice Thorne, Keld", "Ruth Mabey") for t in by)


def test_one_letter_signed_in_a_marked_sign_off(tmp_path: Path) -> None:
    boxes = (
        "<div><p>The grant covers the stiles as well as the path, so use it.</p>"
        "<p class='signature'>Owen Petty, Muker</p></div>"
    )
    by = {s.text: s.speaker for s in letters(tmp_path, boxes).sentences}
    assert by["The grant covers the stiles as well as the path, so use it."] == "Owen Petty"


def test_a_box_ending_in_an_unmarked_name_alone_is_no_letter(tmp_path: Path) -> None:
    """One box closing with a name line and no sign-off class, nothing alike beside it: the
    name is left as it is and the paragraphs are nobody's words."""
    boxes = (
        "<div><p>The parish meeting will vote on the path in June.</p><p>Hannah Crewe</p></div>"
        "<div><p>The path runs for two miles beside the beck.</p>"
        "<p>Open to walkers all year</p></div>"
    )
    by = {s.text: s.speaker for s in letters(tmp_path, boxes).sentences}
    assert by["The parish meeting will vote on the path in June."] is None
    assert by["The path runs for two miles beside the beck."] is None
