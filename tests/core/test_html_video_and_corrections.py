"""A news page's video caption and its appended correction, in shapes of their own.

Each page is written here with other names and markup than the held-out news page: the
player's running time ("(Running time: 2:05)", a `duration` span) is no caption text, while a
time the caption states ("the 1:42 ferry") stays; a correction appended at the end of the
story belongs to no section of it, while a paragraph that only mentions a correction stays in
its section.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

_STORY = (
    "<h1>Bridge closed after lorry strike</h1>"
    "<p>The Tarrow road bridge was closed on Friday after a lorry struck one of its steel "
    "girders during the morning rush hour.</p>"
    "<h2>Diversions</h2>"
    "<p>Drivers are sent on a nine-mile diversion through Hexford while engineers inspect the "
    "girder, which the county council expects to take at least a week.</p>"
)


def page(tmp_path: Path, tail: str) -> Article:
    path = tmp_path / "bridge.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Bridge closed after lorry strike</title></head><body><main><article>"
        f"{_STORY}{tail}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def _captions(article: Article) -> list[str]:
    return [s.text for s in article.sentences if s.kind == "caption"]


def test_the_running_time_is_no_caption_text(tmp_path: Path) -> None:
    labelled = page(
        tmp_path,
        "<figure><video src='v.mp4'></video><figcaption>Engineers lift the damaged girder. "
        "(Running time: 2:05)</figcaption></figure>",
    )
    assert _captions(labelled) == ["Engineers lift the damaged girder."]
    marked = page(
        tmp_path,
        "<figure><video src='v.mp4'></video><figcaption>Engineers lift the damaged girder."
        "<span class='video-duration'>0:58</span></figcaption></figure>",
    )
    assert _captions(marked) == ["Engineers lift the damaged girder."]


def test_a_time_the_caption_states_stays(tmp_path: Path) -> None:
    """Negative: a clock time in the caption's own words is no running time."""
    article = page(
        tmp_path,
        "<figure><img src='a.jpg'><figcaption>Queues for the 1:42 ferry at Hexford "
        "pier.</figcaption></figure>",
    )
    assert _captions(article) == ["Queues for the 1:42 ferry at Hexford pier."]


def _section(article: Article, start: str) -> str:
    return next(s.section for s in article.sentences if s.text.startswith(start))


def test_an_appended_correction_is_under_no_section(tmp_path: Path) -> None:
    worded = page(
        tmp_path,
        "<p>Correction (12 May): this story first said the bridge opened in 1971; it opened "
        "in 1968.</p>",
    )
    assert _section(worded, "Correction (12 May)") == ""
    assert _section(worded, "Drivers are sent") == "Diversions"
    marked = page(
        tmp_path,
        "<div class='article-corrections'><p>We wrongly said the girder weighs four tonnes; "
        "it weighs six.</p></div><figure><img src='b.jpg'><figcaption>The bridge from the "
        "east bank.</figcaption></figure>",
    )
    assert _section(marked, "We wrongly said") == ""


def test_a_paragraph_mentioning_a_correction_keeps_its_section(tmp_path: Path) -> None:
    """Negative: a last paragraph that speaks of a correction is still the story's."""
    article = page(
        tmp_path,
        "<p>The council said an earlier version of its closure notice gave the wrong date, "
        "and that the corrected notice was posted on Saturday.</p>",
    )
    assert _section(article, "The council said an earlier") == "Diversions"
