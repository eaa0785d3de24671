"""A page's publisher from its "From:" line or its <title>, and other page furniture read right.

Each page is written here in shapes of its own (other names, other markup than the held-out
pages): a "From:" line above the headline naming a body is the page's publisher (and no author
of it); a <title> "Label: Headline | Site" names the site after the labelled headline; a note
on the recording ("Audio: …") in a transcript is nobody's turn; a sidebar box inside the story
is read, the site's sidebar is not; "he says" after a lead naming one person is that person.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

BODY = (
    "<p>The coastal path between Morwen Head and the harbour will close for repairs from 3 March "
    "2027, after a landslip carried away 40 metres of the route in the winter storms.</p>"
    "<p>Walkers will be sent inland along a signed diversion of about two kilometres, which "
    "adds roughly half an hour to the walk.</p>"
)


def read(tmp_path: Path, page: str) -> Article:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def page(title: str, main: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body><main>{main}</main></body></html>"
    )


# --- "From:" above the headline -----------------------------------------------------------------
def test_a_from_line_above_the_headline_names_the_publisher(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Coastal path closure: what walkers need to know",
            "<div class='org'>From: <a href='/ca'>Coastal Access Agency</a></div>"
            f"<h1>Coastal path closure: what walkers need to know</h1>{BODY}",
        ),
    )
    assert article.publication == "Coastal Access Agency"
    assert article.authors == ()  # the publisher, no author of its own page
    assert not any("Coastal Access Agency" in t for t in texts(article))


def test_a_from_line_does_not_replace_the_site_the_page_names(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Coastal path closure",
            "<p>From: Coastal Access Agency</p><h1>Coastal path closure</h1>" + BODY,
            "<meta property='og:site_name' content='Shire Portal'>",
        ),
    )
    assert article.publication == "Shire Portal"


def test_a_from_line_naming_a_person_gives_no_publisher(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Coastal path closure",
            "<p>From: Morwenna Tregear MS</p><h1>Coastal path closure</h1>" + BODY,
        ),
    )
    assert article.publication is None
    assert article.authors == ("Morwenna Tregear",)


def test_a_sentence_opening_from_above_the_headline_is_no_publisher(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Coastal path closure",
            "<p>From: the walkers who wrote to us about the landslip, many thanks.</p>"
            "<h1>Coastal path closure</h1>" + BODY,
        ),
    )
    assert article.publication is None


# --- the <title>'s labelled headline ------------------------------------------------------------
def test_a_labelled_headline_in_the_title_leaves_the_site(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Recording: Paying for the Coast | Morwen Trust",
            f"<h1>Paying for the Coast</h1>{BODY}",
        ),
    )
    assert article.title == "Paying for the Coast"
    assert article.publication == "Morwen Trust"


def test_a_title_that_is_not_the_headline_names_no_site(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        page(
            "Recording: Paying for the Coast | Morwen Trust", f"<h1>Repairs on the path</h1>{BODY}"
        ),
    )
    assert article.publication is None


# --- a note on the recording in a transcript ----------------------------------------------------
TURNS = [
    "<p><b>Ines Vidal:</b> Welcome to the second session. We start with the ferry timetable.</p>",
    "<p><b>Tomas Ruane:</b> The winter timetable cuts the crossings from eight a day to five.</p>",
    "<p><b>Ines Vidal:</b> And the summer one restores them?</p>",
    "<p><b>Tomas Ruane:</b> It restores seven of the eight from May.</p>",
]


def test_a_note_on_the_recording_is_no_speakers_turn(tmp_path: Path) -> None:
    note = "<p><i>Audio: the recording breaks off for two minutes here.</i></p>"
    article = read(
        tmp_path,
        page("Ferry forum", "<h1>Ferry forum</h1>" + "".join([*TURNS[:2], note, *TURNS[2:]])),
    )
    assert not any(s.speaker == "Audio" for s in article.sentences)
    assert not any(q.speaker == "Audio" for q in article.quotes)
    (broken,) = [s for s in article.sentences if "breaks off for two minutes" in s.text]
    assert broken.speaker is None  # nobody's words, not the turn before's
    assert any(s.speaker == "Tomas Ruane" for s in article.sentences)


def test_a_label_that_only_starts_with_a_medium_word_is_still_a_speaker(tmp_path: Path) -> None:
    turns = "".join(TURNS).replace("Tomas Ruane", "Video Okafor")
    article = read(tmp_path, page("Ferry forum", "<h1>Ferry forum</h1>" + turns))
    (cut,) = [s for s in article.sentences if s.text.startswith("The winter timetable")]
    assert cut.speaker == "Video Okafor"


# --- a sidebar box inside the article -----------------------------------------------------------
def story(box: str, after: str = "") -> str:
    return page(
        "Path repairs | Shire Courier",
        f"<article><h1>Path repairs</h1>{BODY}{box}</article>{after}",
        "<meta property='og:site_name' content='Shire Courier'>",
    )


def test_a_sidebar_box_of_the_story_is_read(tmp_path: Path) -> None:
    box = (
        "<aside class='story-sidebar'><h4>In numbers</h4><ol>"
        "<li>40 metres of path lost to the landslip</li>"
        "<li>2 km, the length of the inland diversion</li></ol></aside>"
    )
    body = " ".join(texts(read(tmp_path, story(box))))
    assert "40 metres of path lost to the landslip" in body
    assert "the length of the inland diversion" in body


def test_the_sites_sidebar_outside_the_story_stays_furniture(tmp_path: Path) -> None:
    box = "<aside class='sidebar'><h3>Most read</h3><ul><li>Ferry fares frozen</li></ul></aside>"
    assert not any("Ferry fares" in t for t in texts(read(tmp_path, story("", box))))


def test_a_sidebar_of_related_stories_stays_furniture(tmp_path: Path) -> None:
    box = (
        "<aside class='sidebar related'><h3>More on this</h3>"
        "<ul><li>Ferry fares frozen for the winter</li></ul></aside>"
    )
    assert not any("Ferry fares" in t for t in texts(read(tmp_path, story(box))))


# --- "he says" after the one person a paragraph names -------------------------------------------
def quotes_of(tmp_path: Path, paragraphs: str) -> dict[str, str | None]:
    article = read(tmp_path, page("Harbour stories", f"<h1>Harbour stories</h1>{paragraphs}"))
    return {q.text[:16]: q.speaker for q in article.quotes}


MAN_QUOTED = (
    "<p>Harbour master Colm Brennan said the new gates had held through four storms. "
    '"We have not lost a single boat this winter," he said.</p>'
    "<p>The gates cost 4 million pounds and were paid for by the port authority and a levy "
    "on every berth in the marina.</p>"
)


def test_she_says_after_a_surname_named_in_a_caption_is_that_woman(tmp_path: Path) -> None:
    figure = (
        "<figure><img src='a.jpg' alt=''><figcaption>Net mender Siobhan Darragh at work on "
        "the quay, where she has mended nets since 1991.</figcaption></figure>"
    )
    paragraph = (
        "<p>To Darragh the gates changed the way people on the quay talk to each other. "
        '"People stopped talking about leaving," she says. "Now they talk about boats."</p>'
    )
    quotes = quotes_of(tmp_path, MAN_QUOTED + figure + paragraph)
    assert quotes["People stopped t"] == "Siobhan Darragh"
    assert quotes["Now they talk ab"] == "Siobhan Darragh"
    assert quotes["We have not lost"] == "Colm Brennan"


def test_he_says_after_a_surname_named_in_the_body_earlier(tmp_path: Path) -> None:
    paragraphs = (
        "<p>The crew of the Morning Star took on Ravi Sandhu as a deckhand in 2019.</p>"
        "<p>Councillor Ana Ferris said the levy was fair. "
        '"Every berth gains from the gates," she said.</p>'
        '<p>For Sandhu the winter felt different. "I slept through the storms," he says.</p>'
    )
    assert quotes_of(tmp_path, paragraphs)["I slept through "] == "Ravi Sandhu"


def test_a_lead_with_a_pronoun_keeps_the_earlier_speaker(tmp_path: Path) -> None:
    paragraph = (
        "<p>He wrote to Tessa Quill, the marina's owner, last week. "
        '"The levy will go down once the loan is paid," he said.</p>'
    )
    assert quotes_of(tmp_path, MAN_QUOTED + paragraph)["The levy will go"] == "Colm Brennan"


def test_a_person_named_inside_the_lead_is_no_topic(tmp_path: Path) -> None:
    paragraph = (
        "<p>The port board thanked its engineer, Niamh Rourke, for the design of the gates. "
        '"Nothing got past them all winter," he said.</p>'
    )
    assert quotes_of(tmp_path, MAN_QUOTED + paragraph)["Nothing got past"] == "Colm Brennan"


def test_a_sentence_opening_on_a_title_keeps_the_speaker_it_describes(tmp_path: Path) -> None:
    paragraphs = (
        "<p>The harbour minister, Ms Orla Quinlan, said: "
        '"The gates are the best money this port has spent."</p>'
        "<p>The Minister added that a second pair would follow in 2029. "
        '"We will not wait for the next flood," she said.</p>'
    )
    assert quotes_of(tmp_path, paragraphs)["We will not wait"] == "Orla Quinlan"
