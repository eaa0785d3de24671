"""The HTML reader on lettered explanatory notes, pictures in table rows, a blog's masthead
heading, and a former office written before a name ("Ex-minister", "Then-chair").

The pages are written here: a reference-style page on a reservoir whose notes "[a]", "[b]" sit
beside numbered references, a council page with a photo in a fact table, a blog whose <h1> is
the blog's name. Negative cases: a lettered marker that links nowhere stays out, a data row with
a small icon stays a row, a site whose <h1> is the story, double-barrelled first names.
"""

from __future__ import annotations

from bot.core.ingest.names import clean_name
from bot.core.model import Article, Sentence
from tests.core.ingested import ingest, texts

_BODY = (
    "<p>The Kelder reservoir was filled in 1964 and holds 21 million cubic metres when "
    'full.<sup><a href="#ref-1">[1]</a></sup> Its dam was raised by two metres in 1988, after '
    'a dry summer left the town on standpipes.<sup><a href="#note-a">[a]</a></sup></p>'
    "<p>Anglers pay a day fee of 12 euros, and sailing is allowed from April to "
    'October.<sup><a href="#ref-2">[2]</a></sup> Swimming has been banned since '
    '2003.<sup><a href="#note-b">[b]</a></sup></p>'
)
_LISTS = (
    "<h2>Notes</h2><ol class='notes-alpha' style='list-style-type: lower-alpha'>"
    "<li id='note-a'><a href='#cite-a'>^</a> The raising was paid for by the regional water "
    "board alone.</li>"
    "<li id='note-b'><a href='#cite-b'>^</a> The ban followed two drownings in the summer of "
    "2002.</li></ol>"
    "<h2>References</h2><ol class='references'>"
    "<li id='ref-1'><a href='#cite-1'>^</a> Kelder Water Board, Annual report 1965.</li>"
    "<li id='ref-2'><a href='#cite-2'>^</a> Town of Kelder, Visitor guide 2024.</li></ol>"
)


def _page(body: str, lists: str = _LISTS) -> str:
    return (
        "<html><head><title>Kelder reservoir</title></head><body><main>"
        f"<h1>Kelder reservoir</h1>{body}{lists}</main></body></html>"
    )


def _sentence(article: Article, start: str) -> Sentence:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_lettered_notes_are_notes_numbered_after_the_references() -> None:
    page = ingest(_page(_BODY), ".html")
    notes = {n.number: n.text for n in page.notes}
    assert notes[1].startswith("Kelder Water Board") and notes[2].startswith("Town of Kelder")
    raised = _sentence(page, "Its dam was raised")
    banned = _sentence(page, "Swimming has been banned")
    assert len(raised.notes) == 1 and len(banned.notes) == 1
    assert notes[raised.notes[0]].startswith("The raising was paid")
    assert notes[banned.notes[0]].startswith("The ban followed")
    assert raised.notes[0] > 2 and banned.notes[0] > 2
    assert not any("The ban followed" in t or t.startswith("^") for t in texts(page))
    assert "Notes" not in page.sections


def test_a_lettered_mark_linking_nowhere_is_no_note() -> None:
    body = _BODY.replace('href="#note-a"', 'href="#nowhere"')
    page = ingest(_page(body, _LISTS.replace("<li id='note-a'>", "<li>")), ".html")
    raised = _sentence(page, "Its dam was raised")
    assert raised.notes == ()
    assert "[a]" not in raised.text


_FACTS = (
    "<table class='facts'>"
    "<tr><td colspan='2'><img src='hall.jpg' alt=''><br>The town hall after its restoration in "
    "2021</td></tr>"
    "<tr><th>Opened</th><td>1911</td></tr>"
    "<tr><th>Seats</th><td>48 councillors</td></tr>"
    "<tr><th>Budget</th><td><img src='euro.png' alt=''> 86 million euros</td></tr>"
    "</table>"
)


def test_the_words_beside_a_picture_in_a_table_row_are_its_caption() -> None:
    body = (
        "<p>The council meets in the town hall on the first Tuesday of each month, and its "
        f"meetings are open to the public.</p>{_FACTS}"
    )
    page = ingest(_page(body, ""), ".html")
    caption = _sentence(page, "The town hall after its restoration")
    assert caption.kind == "caption"
    # a row of label and value keeps being a row, an icon in its value cell notwithstanding
    assert any("86 million euros" in t and "Budget" in t for t in texts(page))
    assert _sentence(page, "Budget").kind != "caption"


def _blog(masthead: str, post_title: str, og: str) -> str:
    return (
        f"<html><head><title>{og} | Field Notes</title>"
        f"<meta property='og:title' content='{og}'>"
        "<meta property='og:site_name' content='Field Notes'></head><body>"
        f"<header><h1 class='site-title'>{masthead}</h1><p>A blog about rural land use</p>"
        f"</header><article><h2 class='entry-title'>{post_title}</h2>"
        "<p>Posted by Ines Mbatha on 3 March 2025</p>"
        "<p>Hedgerow planting grants rose to 14 pounds a metre this spring, the first rise in "
        "a decade.</p><h3>Who applies</h3><p>Most claims come from tenant farmers with fewer "
        "than fifty hectares, the ministry says.</p></article></body></html>"
    )


def test_a_blogs_name_in_the_h1_is_its_masthead_and_the_posts_heading_its_title() -> None:
    post = ingest(_blog("Field Notes", "Why hedgerows are back", "Why hedgerows are back"), ".html")
    assert post.title == "Why hedgerows are back"
    assert "Why hedgerows are back" not in post.sections
    assert "Who applies" in post.sections


def test_an_h1_that_is_the_story_stays_the_title() -> None:
    post = ingest(
        _blog("Why hedgerows are back", "Who plants them", "Why hedgerows are back"), ".html"
    )
    assert post.title == "Why hedgerows are back"


def test_a_former_or_acting_office_joined_by_a_hyphen_is_no_part_of_the_name() -> None:
    assert clean_name("Then-chair Rosa Okoro") == "Rosa Okoro"
    assert clean_name("Ex-Minister Paul Weir") == "Paul Weir"
    assert clean_name("Acting-Director Lena Fox") == "Lena Fox"
    # a hyphenated first name is a name, and a prefix alone is no title
    assert clean_name("Mary-Kate Olsen") == "Mary-Kate Olsen"
    assert clean_name("Ex-Factor Records") == "Ex-Factor Records"
