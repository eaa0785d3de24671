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
