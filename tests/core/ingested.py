"""Reading a small document of a test's own making, as `read_seeds` reads a file of seeds/."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.model import Article, Sentence


def ingest(text: str, suffix: str = ".txt", name: str = "t") -> Article:
    """The article a text makes when saved as `seeds/<name><suffix>`."""
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/{name}{suffix}")
    assert document is not None
    article, issues = build_article(name, f"seeds/{name}{suffix}", document, {})
    assert article is not None, issues
    return article


def texts(article: Article) -> list[str]:
    """The article's sentences, as text."""
    return [s.text for s in article.sentences]


def speaker_of(article: Article, start: str) -> str | None:
    """Who says the one sentence that starts with `start`."""
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0].speaker


def one(article: Article, start: str) -> Sentence:
    """The one sentence of the article that starts with `start`."""
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, texts(article))
    return found[0]
