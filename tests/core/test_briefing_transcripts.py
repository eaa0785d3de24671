"""Briefings, interviews and fact sheets in plain text: their headers, labels and headings.

A labelled title ("Briefing: Harbour Dredging, Spring Review") is no list of who attends; the
documents here are written for the test, in shapes unlike held-out set D's.
"""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article


def ingest(text: str, suffix: str = ".txt") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/t{suffix}")
    assert document is not None
    article, issues = build_article("t", f"seeds/t{suffix}", document, {})
    assert article is not None, issues
    return article


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def speaker_of(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0].speaker


def test_a_labelled_title_of_common_words_is_not_a_list_of_who_attends() -> None:
    briefing = ingest(
        "Harbour Board Weekly Notes\n\nBriefing: Channel Dredging Works, Spring Review\n\n"
        "CHAIR: Welcome. The dredging works are two weeks late, and the review explains why.\n\n"
        "ENGINEER: The spring review found silt at twice the depth we planned for.\n\n"
        "CHAIR: And the cost of the works?\n\nENGINEER: Up by a fifth, with the extra silt.\n"
    )
    assert briefing.subtitle == "Briefing: Channel Dredging Works, Spring Review"
    assert not any(t.startswith("Briefing") for t in texts(briefing))
