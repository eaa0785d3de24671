"""A web page's byline, a caption's written credit and an editor's notice, in shapes of their own.

Each page is written here: other names, other markup and other wording than the held-out
news page, so the rules are not fitted to it. A byline is the author, never a sentence; a
credit a caption writes in its text ("(Photo: X)", "Photograph: X", "(AP)") is the caption's
credit; an editor's notice ("Update:", "Clarification:") is nobody's turn in an interview.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import read_article
from bot.core.ingest.html.page_meta import byline_names
from bot.core.model import Article

BODY = [
    "The harbour board agreed on Thursday to dredge the eastern channel, its chair said, after "
    "two winters in which larger ships had to wait offshore for the tide.",
    "Dredging will cost about $14 million over three years, and the board expects the state to "
    "pay for roughly half of it through its coastal infrastructure fund.",
    "Fishing crews have opposed the plan, arguing that the spoil dumped offshore will smother "
    "the beds where crabs breed each spring, a claim the board disputes.",
    "A final decision on where the spoil goes is due in August, when the environmental review "
    "of the first phase is published.",
]
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in BODY)
STANDFIRST = "The harbour will be deepened, but fishing crews fear for the crab beds."


def article(tmp_path: Path, body: str, head: str = "") -> Article:
    path = tmp_path / "harbour.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Harbour to be dredged | The Bay Gazette</title>{head}</head>"
        f"<body><article><h1>Harbour to be dredged</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


# --- bylines -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("<p class='byline'>By Tomás Herrera and Lena Okoye</p>", ("Tomás Herrera", "Lena Okoye")),
        ("<p class='byline'>By Priya Raman, Staff Writer</p>", ("Priya Raman",)),
        ("<div>By Ann Lee, Bo Chen and Cy Diaz</div>", ("Ann Lee", "Bo Chen", "Cy Diaz")),
        ("<p>By Ann Lee and Bo Chen, Lisbon</p>", ("Ann Lee", "Bo Chen")),
        (
            "<div class='article-meta'><span class='author'>By Ann Lee</span> | "
            "<time datetime='2024-03-05'>March 5, 2024</time></div>",
            ("Ann Lee",),
        ),
    ],
)
@pytest.mark.parametrize("standfirst", ["sentence", "phrase", "none"])
def test_a_byline_is_the_author_not_a_sentence(
    tmp_path: Path, byline: str, authors: tuple[str, ...], standfirst: str
) -> None:
    head = ""
    stand = ""
    if standfirst == "sentence":  # a standfirst closed by a full stop, as the description says
        head = f"<meta name='description' content='{STANDFIRST}'>"
        stand = f"<p class='standfirst'>{STANDFIRST}</p>"
    elif standfirst == "phrase":
        head = "<meta name='description' content='Deeper water for bigger ships'>"
        stand = "<p class='dek'>Deeper water for bigger ships</p>"
    read = article(tmp_path, stand + byline + PARAGRAPHS, head)
    assert read.authors == authors
    texts = [s.text for s in read.sentences]
    assert not any(t.startswith("By ") or t in ("Staff Writer", "Lisbon") for t in texts), texts
    assert any(t.startswith("The harbour board agreed on Thursday") for t in texts)
    if standfirst == "sentence":
        assert read.subtitle == STANDFIRST
        assert STANDFIRST in texts  # a standfirst written as a sentence stays the first one


def test_a_printed_byline_tells_a_role_from_a_second_name() -> None:
    assert byline_names("By Priya Raman, Staff Writer", printed=True) == ("Priya Raman",)
    assert byline_names("By Ann Lee and Bo Chen, Staff Writers", printed=True) == (
        "Ann Lee",
        "Bo Chen",
    )
    assert byline_names("By Ann Lee, Bo Chen, and Cy Diaz", printed=True) == (
        "Ann Lee",
        "Bo Chen",
        "Cy Diaz",
    )
    # an author tag lists names with commas alone: not a printed byline
    assert byline_names("Ann Lee, Bo Chen") == ("Ann Lee", "Bo Chen")


# --- credits -------------------------------------------------------------------------------
def caption_of(tmp_path: Path, figcaption: str) -> list[tuple[str, str | None]]:
    figure = f"<figure><img src='a.jpg' alt=''><figcaption>{figcaption}</figcaption></figure>"
    read = article(tmp_path, PARAGRAPHS + figure + PARAGRAPHS)
    return [(s.text, s.credit) for s in read.sentences if s.kind == "caption"]


@pytest.mark.parametrize(
    ("figcaption", "credit"),
    [
        ("Crews wait for the tide. Photograph: Ines Duarte/Agence Sud", "Ines Duarte/Agence Sud"),
        ("Crews wait for the tide (Credit: Ola Berg)", "Ola Berg"),
        ("Crews wait for the tide. Illustration by Sam Otieno", "Sam Otieno"),
        ("Crews wait for the tide. (Reuters)", "Reuters"),
        ("Crews wait for the tide. (AP Photo/Kim Ho)", "AP Photo/Kim Ho"),
        ("Crews wait for the tide. Image courtesy of Harbour Board", "Harbour Board"),
        (
            "Crews wait for the tide. <span class='photo-credit'>Photo by Ola Berg</span>",
            "Ola Berg",
        ),
    ],
)
def test_a_credit_written_in_a_caption_is_its_credit(
    tmp_path: Path, figcaption: str, credit: str
) -> None:
    assert caption_of(tmp_path, figcaption) == [("Crews wait for the tide.", f"Credit: {credit}")]


@pytest.mark.parametrize(
    "figcaption",
    [
        "Map: Where the channel will be dredged",  # a graphic's title, not who made it
        "Photographs by the crews line the harbour office.",
        "The chair (left) with two board members",
        "Crews wait for the tide. (Left to right: the chair, the treasurer)",
    ],
)
def test_a_caption_without_a_credit_stays_whole(tmp_path: Path, figcaption: str) -> None:
    captions = caption_of(tmp_path, figcaption)
    assert " ".join(text for text, _ in captions) == figcaption
    assert all(credit is None for _, credit in captions)


def test_a_credit_alone_is_no_caption(tmp_path: Path) -> None:
    assert caption_of(tmp_path, "Photograph: Ines Duarte/Agence Sud") == []


# --- notices -------------------------------------------------------------------------------
INTERVIEW = (
    "<h2>Five questions for the harbour chair</h2>"
    "<p><em>Editor's note: This interview has been condensed for length.</em></p>"
    "<p><strong>Gazette:</strong> Why dredge now?</p>"
    "<p><strong>Okonkwo:</strong> Because the ships got bigger. We lose two calls a month.</p>"
    "<p><strong>Gazette:</strong> Who pays for it?</p>"
    "<p><strong>Okonkwo:</strong> The state pays half. The port pays the rest from its fees.</p>"
)


@pytest.mark.parametrize(
    ("notice", "text"),
    [
        (
            "<p><strong>Update:</strong> The board approved the dredging on Friday.</p>",
            "The board approved the dredging on Friday.",
        ),
        (
            "<p class='note'><i>Clarification: The state's share comes from its coastal fund."
            "</i></p>",
            "The state's share comes from its coastal fund.",
        ),
        (
            "<p>Update (March 9): The board approved the dredging on Friday.</p>",
            "The board approved the dredging on Friday.",
        ),
    ],
)
def test_an_editors_notice_after_an_answer_is_nobodys_turn(
    tmp_path: Path, notice: str, text: str
) -> None:
    read = article(tmp_path, "<p class='byline'>By Ann Lee</p>" + PARAGRAPHS + INTERVIEW + notice)
    speakers = {s.text: s.speaker for s in read.sentences}
    assert speakers["Because the ships got bigger."] == "Okonkwo"
    assert speakers["The port pays the rest from its fees."] == "Okonkwo"
    assert speakers[text] is None
    assert speakers["This interview has been condensed for length."] is None
    assert {q.speaker for q in read.quotes} == {"Gazette", "Okonkwo"}
    assert not any(text in q.text for q in read.quotes)


def test_a_notice_ends_a_plain_text_interviews_turn_too(tmp_path: Path) -> None:
    """The turn rule is shared: a plain-text interview's notice is nobody's words either."""
    path = tmp_path / "interview.txt"
    turns = "\n\n".join(
        [
            "GAZETTE: Why dredge now?",
            "OKONKWO: Because the ships got bigger. We lose two calls a month.",
            "GAZETTE: Who pays for it?",
            "OKONKWO: The state pays half.",
            "Correction: An earlier version gave the wrong vote count.",
        ]
    )
    path.write_text(f"Five questions for the harbour chair\n\nBy Ann Lee\n\n{BODY[0]}\n\n{turns}\n")
    read, issues = read_article(path)
    assert read is not None, issues
    speakers = {s.text: s.speaker for s in read.sentences}
    assert speakers["The state pays half."] == "Okonkwo"
    assert speakers["An earlier version gave the wrong vote count."] is None
    assert "Correction" not in {q.speaker for q in read.quotes}
