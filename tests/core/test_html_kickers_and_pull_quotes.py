"""A page's kicker and byline, and whose words a pull quote repeats, in shapes of their own.

Each page is written here, with other names, markup and wording than the held-out interview
page, so the rules are not fitted to it. A kicker (the section or series label printed with
the headline) and a byline are never sentences; a pull quote belongs to whoever says its words
in the body (a quoted person, an interviewee's answer), to the author only for words of the
article's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import read_article
from bot.core.model import Article

BODY = [
    "The county council voted on Tuesday to close two of its five recycling centres next "
    "spring, saving an estimated £1.2 million a year from a budget that has shrunk since 2019.",
    "“We looked at every other option first. The centres that close are the least used, and "
    "nobody will live more than twelve miles from one that stays open,” said Marta Lindqvist, "
    "who chairs the council's environment committee.",
    "Residents near the Eastfield site have collected more than 3,000 signatures against the "
    "closure, arguing that fly-tipping will rise along the lanes.",
    "“Every verge between here and the bypass will be covered in mattresses by the summer,” "
    "said Pat Hennessy, who farms beside the site.",
    "The council expects to publish a plan for a mobile collection service in February, with a "
    "van visiting each village once a fortnight.",
]
HEADLINE = "Two recycling centres to close"
AUTHOR = "<meta name='author' content='Owen Pryce'>"


def page(tmp_path: Path, header: str, body: str, head: str = "") -> Article:
    path = tmp_path / "recycling.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{HEADLINE} | Shire Courier</title>{head}</head>"
        f"<body><main><article>{header}{body}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def paragraphs(insert_after: int | None = None, insert: str = "") -> str:
    out = []
    for k, text in enumerate(BODY):
        out.append(f"<p>{text}</p>")
        if k == insert_after:
            out.append(insert)
    return "".join(out)


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# --- kickers -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "kicker"),
    [
        (f"<header><p class='kicker'>Local politics</p><h1>{HEADLINE}</h1></header>", "Local"),
        (
            f"<header><span class='section-label'>Environment</span><h1>{HEADLINE}</h1></header>",
            "Environment",
        ),
        (
            f"<div class='eyebrow'><a href='/opinion'>Opinion</a></div><h1>{HEADLINE}</h1>",
            "Opinion",
        ),
        (f"<header><div>Analysis</div><h1>{HEADLINE}</h1></header>", "Analysis"),  # no class
        (f"<h1>{HEADLINE}</h1><p class='story-label'>Council cuts</p>", "Council cuts"),
    ],
)
@pytest.mark.parametrize("byline", ["", "<p class='byline'>By Owen Pryce</p>"])
def test_a_kicker_is_not_a_sentence(tmp_path: Path, header: str, kicker: str, byline: str) -> None:
    read = page(tmp_path, header + byline, paragraphs())
    assert read.title == HEADLINE
    assert not any(t.startswith(kicker) for t in texts(read)), texts(read)
    assert texts(read)[0].startswith("The county council voted on Tuesday")
    assert read.sections == ()  # nor a section heading


def test_a_short_heading_in_the_body_is_still_a_section(tmp_path: Path) -> None:
    body = paragraphs(2, "<h2>What happens next</h2>")
    read = page(
        tmp_path, f"<header><p class='kicker'>Local politics</p><h1>{HEADLINE}</h1></header>", body
    )
    assert read.sections == ("What happens next",)
    found = [s for s in read.sentences if s.text.startswith("The council expects")]
    assert [s.section for s in found] == ["What happens next"]


@pytest.mark.parametrize(
    "notice",
    [
        "This article was first published in the spring edition.",
        "Updated with the final vote: the council chamber was full for it.",
    ],
)
def test_a_sentence_printed_above_the_headline_is_not_taken_for_a_kicker(
    tmp_path: Path, notice: str
) -> None:
    read = page(tmp_path, f"<p>{notice}</p><h1>{HEADLINE}</h1>", paragraphs())
    assert notice in texts(read)


# --- bylines -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "byline",
    [
        "<address>By <a rel='author' href='/authors/owen-pryce'>Owen Pryce</a></address>",
        "<address class='author'>Words by Owen Pryce</address>",
        "<div class='author'>Owen Pryce</div>",
        "<div class='author'><a href='/authors/owen-pryce'>Owen Pryce</a></div>",
        "<p>Written by <a href='/authors/owen-pryce'>Owen Pryce</a></p>",
    ],
)
@pytest.mark.parametrize("head", ["", AUTHOR])
def test_a_byline_in_its_own_markup_is_the_author_not_a_sentence(
    tmp_path: Path, byline: str, head: str
) -> None:
    read = page(tmp_path, f"<header><h1>{HEADLINE}</h1></header>{byline}", paragraphs(), head)
    assert read.authors == ("Owen Pryce",)
    for text in texts(read):
        assert "Owen Pryce" not in text and text.rstrip(":") not in ("By", "Words by", "Written by")
    assert texts(read)[0].startswith("The county council voted on Tuesday")


# --- pull quotes in a news story -------------------------------------------------------------
def pulls(article: Article) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in article.quotes if q.kind == "pull"]


@pytest.mark.parametrize(
    ("display", "speaker"),
    [
        # the second sentence of a quotation: the quoted person's words
        (
            "<aside class='pullquote'><p>“The centres that close are the least used.”</p></aside>",
            "Marta Lindqvist",
        ),
        (
            "<blockquote class='pull-quote'>Nobody will live more than twelve miles from one "
            "that stays open</blockquote>",
            "Marta Lindqvist",
        ),
        # the first sentence of the same quotation
        (
            "<aside><blockquote><p>We looked at every other option first.</p></blockquote></aside>",
            "Marta Lindqvist",
        ),
        # a later speaker's words, not the one quoted last before the display
        (
            "<blockquote class='pullquote'><p>“Every verge between here and the bypass will be "
            "covered in mattresses by the summer.”</p></blockquote>",
            "Pat Hennessy",
        ),
        # the article's own words: the author's
        (
            "<aside><blockquote><p>Residents have collected more than 3,000 signatures against "
            "the closure.</p></blockquote></aside>",
            "Owen Pryce",
        ),
    ],
)
def test_a_news_pull_quote_belongs_to_whoever_says_its_words(
    tmp_path: Path, display: str, speaker: str
) -> None:
    read = page(tmp_path, f"<h1>{HEADLINE}</h1>", paragraphs(0, display), AUTHOR)
    assert [s for _, s in pulls(read)] == [speaker], pulls(read)
    assert len(read.sentences) == len(
        page(tmp_path, f"<h1>{HEADLINE}</h1>", paragraphs(), AUTHOR).sentences
    )


REPORTED = (
    "Lindqvist told the meeting that no village would be more than twelve miles from a centre "
    "once the van service starts."
)


@pytest.mark.parametrize(
    "display",
    [
        "<figure class='pull-quote'><blockquote><p>No village will be more than twelve miles "
        "from a centre.</p></blockquote><figcaption>— Marta Lindqvist, council environment chair"
        "</figcaption></figure>",
        "<blockquote class='pullquote'><p>No village will be more than twelve miles from a "
        "centre.</p><cite>Marta Lindqvist</cite></blockquote>",
    ],
)
def test_a_pull_quote_that_names_its_speaker_is_theirs(tmp_path: Path, display: str) -> None:
    body = paragraphs(3, f"<p>{REPORTED}</p>" + display)
    read = page(tmp_path, f"<h1>{HEADLINE}</h1>", body, AUTHOR)
    assert pulls(read) == [
        ("No village will be more than twelve miles from a centre.", "Marta Lindqvist")
    ]
    assert not any("environment chair" in t or t.startswith("— ") for t in texts(read))
    unnamed = display.replace("— Marta Lindqvist, council environment chair", "").replace(
        "<cite>Marta Lindqvist</cite>", ""
    )
    read = page(
        tmp_path, f"<h1>{HEADLINE}</h1>", paragraphs(3, f"<p>{REPORTED}</p>" + unnamed), AUTHOR
    )
    assert [s for _, s in pulls(read)] == ["Owen Pryce"]  # reported speech is the author's wording


# --- pull quotes in an interview -------------------------------------------------------------
INTERVIEW = [
    (
        "",
        "Ines Barros runs the city's night-bus network and has spent a year rebuilding its "
        "timetable. We met at the depot before her shift.",
    ),
    ("Q", "Why rebuild the timetable now?"),
    (
        "A",
        "Because the old one was written for a city that no longer exists. Half our riders "
        "now work shifts that end after midnight, and the last buses left at half past eleven.",
    ),
    ("Q", "What changed first?"),
    (
        "A",
        "We added four routes to the hospitals. Ridership on those routes doubled within six "
        "months, which surprised even us.",
    ),
    ("Q", "What would you do with more money?"),
    ("A", "Run every route all night. A night bus that comes once an hour is a bus nobody trusts."),
]
LABELS = {
    "names": ("Lena Voss:", "Ines Barros:"),
    "surnames": ("VOSS:", "BARROS:"),
    "q-and-a": ("Q:", "A:"),
}


def interview(tmp_path: Path, labels: str, display: str, after: int) -> Article:
    question, answer = LABELS[labels]
    body = []
    for k, (who, text) in enumerate(INTERVIEW):
        label = {"Q": question, "A": answer}.get(who)
        body.append(f"<p><strong>{label}</strong> {text}</p>" if label else f"<p>{text}</p>")
        if k == after:
            body.append(display)
    path = tmp_path / "night-buses.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Ines Barros: keeping the city moving after midnight | Metro Weekly</title>"
        "<meta name='author' content='Lena Voss'></head><body><article><header>"
        "<span class='section-label'>Q&amp;A</span>"
        "<h1>Ines Barros: keeping the city moving after midnight</h1>"
        "<div class='author'>Lena Voss</div></header>" + "".join(body) + "</article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def speaker_of(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0].speaker


@pytest.mark.parametrize("labels", sorted(LABELS))
@pytest.mark.parametrize(
    ("display", "after", "repeated"),
    [
        (
            "<aside class='pull-quote'><blockquote><p>“A night bus that comes once an hour is a "
            "bus nobody trusts.”</p></blockquote></aside>",
            4,
            "Run every route all night",
        ),
        (
            "<blockquote class='pullquote'><p>Ridership on those routes doubled within six "
            "months</p></blockquote>",
            2,
            "Ridership on those routes doubled",
        ),
    ],
)
def test_an_interview_pull_quote_is_the_interviewees_not_the_bylines(
    tmp_path: Path, labels: str, display: str, after: int, repeated: str
) -> None:
    read = interview(tmp_path, labels, display, after)
    assert read.authors == ("Lena Voss",)
    assert "Q&A" not in texts(read)  # the kicker
    answerer = speaker_of(read, repeated)
    assert answerer not in (None, "Lena Voss")
    assert [s for _, s in pulls(read)] == [answerer]
    if labels != "q-and-a":  # "A:" names no one: the interviewee stands unnamed
        assert answerer == "Ines Barros"


def test_an_interviewers_own_words_in_a_pull_quote_are_the_bylines(tmp_path: Path) -> None:
    question = "<aside class='pull-quote'><p>What would you do with more money?</p></aside>"
    read = interview(tmp_path, "names", question, 6)
    assert [s for _, s in pulls(read)] == ["Lena Voss"]  # the interviewer asked it
    intro = "<aside class='pull-quote'><p>We met at the depot before her shift.</p></aside>"
    read = interview(tmp_path, "names", intro, 3)
    assert [s for _, s in pulls(read)] == ["Lena Voss"]  # the author wrote it


def test_a_short_caption_above_the_headline_stays_a_caption(tmp_path: Path) -> None:
    picture = (
        "<figure><img src='/img/eastfield.jpg' alt=''>"
        "<figcaption>The Eastfield recycling centre</figcaption></figure>"
    )
    read = page(tmp_path, f"<header>{picture}<h1>{HEADLINE}</h1></header>", paragraphs())
    captions = [s.text for s in read.sentences if s.kind == "caption"]
    assert captions == ["The Eastfield recycling centre"]
