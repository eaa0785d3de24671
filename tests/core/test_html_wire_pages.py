"""A wire story's closing lines and boxes, in shapes of their own.

Each page is written here, with other names, markup and wording than the held-out wire page:
the closing credit line ("Writing by A; Editing by B") and the outlet's standards link are no
sentences of the story, while a sentence that merely mentions reporting or editing stays.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

BODY = [
    "The river authority opened two of the dam's spillways on Monday after three days of rain "
    "raised the reservoir to within a metre of its crest.",
    "Towns downstream were told to expect the river to rise by about half a metre overnight, "
    "and the regional council moved its flood barriers into place before dusk.",
    "The authority said the dam itself was sound and that the release was a precaution taken "
    "under the rules it adopted after the floods of 2019.",
]
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in BODY)


def page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "dam.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Dam spillways opened | Northern Newswire</title></head>"
        f"<body><main><div class='story'><h1>Dam spillways opened</h1>{body}</div></main>"
        "</body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_the_closing_credit_and_standards_lines_are_not_sentences(tmp_path: Path) -> None:
    read = page(
        tmp_path,
        PARAGRAPHS
        + "<div>Writing by Oskar Lund; additional reporting by Mei Tanaka and Rui Costa; "
        "editing by Farah Aziz.</div>"
        + "<p><a href='/ethics'>Our editorial standards: how we report</a></p>",
    )
    body = texts(read)
    assert body[0].startswith("The river authority opened")
    assert not any("Writing by" in t or "editorial standards" in t for t in body), body
    assert body[-1].startswith("The authority said the dam itself was sound")


def test_a_sentence_about_reporting_is_still_text(tmp_path: Path) -> None:
    """A paragraph that starts like a credit but says something is kept."""
    line = (
        "Reporting by local radio stations on Sunday had suggested the dam was at risk, a claim "
        "the authority called alarmist."
    )
    standards = "Our standards for dam safety were set in 2019 and are reviewed every year."
    body = texts(page(tmp_path, PARAGRAPHS + f"<p>{line}</p><p>{standards}</p>"))
    assert line in body
    assert standards in body


def test_a_fact_box_in_the_story_is_read_and_heads_no_section(tmp_path: Path) -> None:
    """An unnamed <aside> of items inside the article: its items are facts, and its title does
    not become the section of the paragraphs after it."""
    box = (
        "<aside><h4>Key numbers</h4><ol>"
        "<li>Reservoir capacity: 410 million cubic metres</li>"
        "<li>Spillways opened: 2 of 6</li></ol></aside>"
    )
    path = tmp_path / "dam.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Dam spillways opened | Northern Newswire</title></head><body><main><article>"
        f"<h1>Dam spillways opened</h1><p>{BODY[0]}</p><p>{BODY[1]}</p>{box}<p>{BODY[2]}</p>"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    body = texts(read)
    assert "Reservoir capacity: 410 million cubic metres" in body
    assert "Spillways opened: 2 of 6" in body
    assert not any("Key numbers" in t for t in body)
    last = next(s for s in read.sentences if s.text.startswith("The authority said"))
    assert last.section != "Key numbers"


def test_a_box_of_links_or_an_aside_outside_the_story_stays_furniture(tmp_path: Path) -> None:
    related = (
        "<aside><h4>More on floods</h4><ul><li><a href='/a'>Levees rebuilt after 2019</a></li>"
        "<li><a href='/b'>Insurers raise flood premiums</a></li></ul></aside>"
    )
    path = tmp_path / "dam.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Dam spillways opened | Northern Newswire</title></head><body><main><article>"
        f"<h1>Dam spillways opened</h1>{PARAGRAPHS}{related}</article>"
        "<aside><ul><li>Most read: rail strike called off</li></ul></aside></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    body = texts(read)
    assert not any("Levees" in t or "Insurers" in t or "Most read" in t for t in body), body
