"""LazyArticles: headers in memory, each article loaded on demand, a bounded number kept."""

from __future__ import annotations

import pytest

from bot.core.library import ArticleHeader, LazyArticles, header_of, headers_of
from bot.core.model import Article, Corpus, Sentence


def full(i: int) -> Article:
    sentence = Sentence(id=f"a{i}:s0001", text=f"Sentence {i}.", section="", paragraph=1)
    return Article(id=f"a{i}", title=f"Title {i}", source_file=f"a{i}.txt", sentences=(sentence,))


class Source:
    def __init__(self) -> None:
        self.loads: list[int] = []

    def load(self, index: int) -> Article:
        self.loads.append(index)
        return full(index)


def lazy(n: int, cached: int) -> tuple[LazyArticles, Source]:
    source = Source()
    headers = [
        ArticleHeader(Article(id=f"a{i}", title=f"Title {i}", source_file=f"a{i}.txt"), 1, 0, 0, 0)
        for i in range(n)
    ]
    return LazyArticles(headers, source, cached=cached), source


def test_articles_load_on_demand_and_only_a_few_are_kept() -> None:
    articles, source = lazy(10, cached=3)
    assert len(articles) == 10 and source.loads == []
    assert articles[2] == full(2) and articles[-1] == full(9)
    assert articles[2] is articles[2]  # cached
    assert source.loads == [2, 9]
    assert list(articles) == [full(i) for i in range(10)]
    assert len(source.loads) == 11  # all but a2, still cached when the walk reached it
    articles[0]  # evicted by the walk (only 3 kept): read again
    assert source.loads[-1] == 0
    with pytest.raises(IndexError):
        articles[10]


def test_headers_and_lookups_by_id_read_no_article() -> None:
    articles, source = lazy(5, cached=2)
    corpus = Corpus(articles=articles)
    assert [h.article.id for h in headers_of(corpus.articles)] == [f"a{i}" for i in range(5)]
    header = header_of(corpus.articles, "a3")
    assert header is not None and header.sentences == 1
    assert source.loads == []
    assert corpus.article("a3") == full(3) and corpus.article("zz") is None
    assert source.loads == [3]
    # an in-memory corpus gives the same headers, counted from its articles
    memory = Corpus(articles=tuple(full(i) for i in range(2)))
    assert headers_of(memory.articles)[1].sentences == 1
    assert header_of(memory.articles, "a1") == headers_of(memory.articles)[1]
