"""The HTML reader on timed transcript turns, lone links, a serial's issue pages and notes boxes.

Each page is written here in a shape of its own: a radio station's interview page whose turns
open with a bold name and the time into the recording ("<b>Name</b> (1:02:14)", or
"Name: [00:41]"), a parish bulletin archived as a web page ("Field Letter No. 7 – …" under an
<h1> masthead, "Spring edition | March 2024" under it, "Continue reading" links after each
story), and a lecture page whose summary box stands above the transcript. The negative cases
keep what the rules must leave alone: a bold name that opens a sentence, a linked sentence, a
<title> that only repeats the headline before the site, a month inside a sentence, a box that
opens with a list, an author's note below the text.
"""

from __future__ import annotations

from bot.core.ingest.html.page_dates import issue_month
from tests.core.ingested import ingest, speaker_of, texts

_FILLER = (
    "<p>The station has broadcast from the old corn exchange since it opened, and its evening "
    "programme has run every weekday for more than ten years with a rota of presenters.</p>"
)


def radio_page(turns: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Evening Desk: the lock keepers | Wyre FM</title>"
        "<meta property='article:published_time' content='2024-11-04T18:00:00Z'></head>"
        "<body><main><article><h1>Evening Desk: the lock keepers</h1>"
        f"<div class='interview'>{_FILLER}{turns}</div></article></main></body></html>"
    )


_TURNS = (
    "<p><b>Marisol Ortega</b> (0:41) How many locks are still worked by hand on the canal?</p>"
    "<p><b>Tobias Wren</b> (1:02:14) Eleven of the twenty-three are still worked by hand, and "
    "each one needs a keeper from March to October.</p>"
    "<p><b>Marisol Ortega</b> (1:05:30) What does a keeper earn in a season?</p>"
    "<p><b>Tobias Wren</b> (1:05:41) About nine thousand pounds, and most of them keep a second "
    "job through the winter months.</p>"
)


def test_a_bold_name_and_a_timestamp_open_a_turn_of_that_speaker() -> None:
    article = ingest(radio_page(_TURNS), ".html")
    got = texts(article)
    assert speaker_of(article, "Eleven of the twenty-three") == "Tobias Wren", got
    assert speaker_of(article, "How many locks") == "Marisol Ortega", got
    assert not any("(1:02:14)" in t or t.startswith("Tobias Wren") for t in got), got


def test_a_label_with_a_colon_loses_the_timestamp_after_it() -> None:
    turns = (
        "<p><strong>Marisol Ortega:</strong> [00:41] How many locks are still worked by hand on "
        "the canal?</p><p><strong>Tobias Wren:</strong> [00:52] Eleven of the twenty-three are "
        "still worked by hand, and each one needs a keeper.</p>"
        "<p><strong>Marisol Ortega:</strong> [01:30] And the others?</p>"
        "<p><strong>Tobias Wren:</strong> [01:34] They were fitted with electric gear in 2019.</p>"
    )
    article = ingest(radio_page(turns), ".html")
    got = texts(article)
    assert speaker_of(article, "They were fitted with electric gear") == "Tobias Wren", got
    assert not any("[00:52]" in t or "[01:34]" in t for t in got), got


def test_a_bold_name_without_a_timestamp_stays_in_its_sentence() -> None:
    body = (
        "<p><strong>Tobias Wren</strong> has kept the lock at Garth Bridge since 2009, and he "
        "trains the new keepers each spring.</p>"
        "<p><strong>Eleven</strong> of the locks are still worked by hand, the trust says.</p>"
    )
    got = texts(ingest(radio_page(body), ".html"))
    assert any(
        t.startswith("Tobias Wren has kept the lock at Garth Bridge since 2009") for t in got
    )
    assert any(t.startswith("Eleven of the locks are still worked by hand") for t in got), got


_STORY = (
    "<h2>{head}</h2><p>{text} The parish council agreed the work at its meeting last month, and "
    "volunteers from the village will carry it out over the coming weekends.</p>"
    "<p><a href='https://example.org/{slug}'>Continue reading</a></p>"
)


def bulletin(title: str, masthead: str, dateline: str, extra: str = "") -> str:
    stories = "".join(
        _STORY.format(head=h, text=t, slug=s)
        for h, t, s in (
            ("Hedges laid on Church Lane", "Some 240 metres of hedge were laid in February.", "a"),
            ("The spring hare count", "Walkers counted 37 brown hares on the top fields.", "b"),
            ("A new bench at the green", "The bench was paid for by a grant of £650.", "c"),
        )
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        "<table width='100%'><tr><td><table width='600'>"
        f"<tr><td><h1>{masthead}</h1><p>{dateline}</p></td></tr>"
        f"<tr><td>{stories}{extra}</td></tr></table></td></tr></table></body></html>"
    )


def test_an_issue_page_takes_its_title_from_the_issue_and_the_masthead_as_publication() -> None:
    article = ingest(
        bulletin(
            "Field Letter No. 7 – Hedges, hares and a bench",
            "Field Letter",
            "Ashby Parish Council | Spring edition | March 2024",
        ),
        ".html",
    )
    assert article.title == "Field Letter No. 7 – Hedges, hares and a bench"
    assert article.publication == "Field Letter"
    assert article.date == "2024-03"
    got = texts(article)
    assert "Continue reading" not in got, got
    assert "Walkers counted 37 brown hares on the top fields." in got, got


def test_a_title_that_repeats_the_headline_before_the_site_is_no_issue() -> None:
    article = ingest(
        bulletin("Field Letter - Ashby Parish", "Field Letter", "Ashby Parish Council"), ".html"
    )
    assert article.title == "Field Letter"
    assert article.publication != "Field Letter"
    assert article.date is None


def test_a_month_inside_a_sentence_dates_nothing() -> None:
    assert issue_month("Spring edition · March 2024") == "2024-03"
    assert issue_month("Sept 2023") is None  # not a month's name or its three letters
    assert issue_month("Issue 9 | Sep 2023") == "2023-09"
    assert issue_month("The new bench will be in place by March 2024.") is None
    assert issue_month("Opened in March 2024 · Ashby") is None


def test_a_linked_sentence_and_a_link_inside_text_are_kept() -> None:
    extra = (
        "<p><a href='https://example.org/minutes'>The council published the minutes of the "
        "meeting on its website.</a></p>"
        "<p>Read the treasurer's report <a href='https://example.org/r'>here</a></p>"
    )
    got = texts(ingest(bulletin("Ashby news", "Ashby news", "March 2024", extra), ".html"))
    assert "The council published the minutes of the meeting on its website." in got, got
    assert any(t.startswith("Read the treasurer's report here") for t in got), got
    assert "Continue reading" not in got, got


def lecture_page(summary: str, after: str = "") -> str:
    said = (
        ("Priya Anand", "The reserve was a grazing marsh behind a clay sea wall until 2016."),
        ("Owen Hale", "What changed when the wall was opened to the tide?"),
        ("Priya Anand", "Within three winters the count of dunlin on the new mudflats doubled."),
        ("Owen Hale", "And the redshank, which the farmers used to see on the wet fields?"),
        ("Priya Anand", "Redshank nest on the saltmarsh now, about forty pairs last spring."),
        ("Owen Hale", "Does the reserve plan to open any more of the old wall to the sea?"),
    )
    paragraphs = "".join(
        f"<p><strong>{name}</strong> [{m:02d}:10] {text} It is a question the visitors to the "
        "reserve ask the wardens more often than any other, in every season.</p>"
        for m, (name, text) in enumerate(said)
    )
    return (
        "<!DOCTYPE html><html><head><title>Lecture 4: Birds of the estuary | Field Talks</title>"
        "</head><body><main><article><h1>Lecture 4: Birds of the estuary</h1>"
        f"<div class='summary'>{summary}</div>"
        f"<div class='lecture-text'><h2>Full text</h2>{paragraphs}</div>{after}"
        "</article></main></body></html>"
    )


def test_a_summary_box_beside_the_transcript_is_read_and_a_list_box_is_not() -> None:
    prose = (
        "<p>In this lecture the warden of the estuary reserve explains why wader numbers rose "
        "after the sea wall was breached on purpose in 2016.</p><h3>Reading list</h3>"
        "<ul><li>The Estuary Atlas</li></ul>"
    )
    got = texts(ingest(lecture_page(prose), ".html"))
    assert any(t.startswith("In this lecture the warden of the estuary reserve") for t in got), got
    assert "The Estuary Atlas" not in " ".join(got), got
    listed = "<ul><li>The Estuary Atlas, second edition</li><li>Waders of the north</li></ul>"
    got = texts(ingest(lecture_page(listed), ".html"))
    assert not any("Estuary Atlas" in t or "Waders of the north" in t for t in got), got


def test_a_box_of_prose_below_the_transcript_is_not_read() -> None:
    bio = (
        "<div class='about'><p>Priya Anand is the warden of the estuary reserve and has written "
        "two books about the waders that winter on its mudflats.</p></div>"
    )
    got = texts(ingest(lecture_page("<ul><li>The Estuary Atlas</li></ul>", bio), ".html"))
    assert "Within three winters the count of dunlin on the new mudflats doubled." in got, got
    assert not any("has written two books" in t for t in got), got
