"""A corpus whose articles are loaded one at a time, on demand, from wherever they are stored.

`Corpus.articles` is a sequence of full articles. Read from a persisted index it is a
`LazyArticles`: the articles' metadata (`ArticleHeader`: id, title, authors, date, sections and
the counts of what they hold) is in memory, and an article's passages (sentences, quotes,
notes, figures, glossary) are read when it is first asked for, through the `ArticleSource` the
store implements, and kept in a small bounded cache. Iterating such a sequence loads one article
after the other, so walking the library (the briefing, the reindex report) never holds it whole.

Pure: no SQL and no file access here, only the protocol the store fills in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, overload

from bot.core.model import Article

CACHED_ARTICLES = 64
"""Full articles kept in memory at once (a query's hits rarely span more than a few)."""


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    """An article's metadata (no passages: `article.sentences` is empty) and its counts."""

    article: Article
    sentences: int
    quotes: int
    figures: int
    notes: int
    paged: bool = False  # whether any sentence has a page (PDF, print exports)


class ArticleSource(Protocol):
    """Where a lazy corpus reads its articles from (the store implements it)."""

    def load(self, index: int) -> Article:
        """The full article at `index` of the corpus (0-based, index order)."""
        ...


class LazyArticles(Sequence[Article]):
    """The articles of an index: headers in memory, passages loaded per article on demand."""

    def __init__(
        self,
        headers: Sequence[ArticleHeader],
        source: ArticleSource,
        *,
        cached: int = CACHED_ARTICLES,
    ) -> None:
        self.headers: tuple[ArticleHeader, ...] = tuple(headers)
        self._source = source
        self._positions = {h.article.id: i for i, h in enumerate(self.headers)}
        self._cache: OrderedDict[int, Article] = OrderedDict()
        self._cached = max(1, cached)
        self._lock = threading.Lock()  # searches run in several threads

    def __len__(self) -> int:
        return len(self.headers)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.headers)
        if not 0 <= index < len(self.headers):
            raise IndexError(index)
        with self._lock:
            found = self._cache.get(index)
            if found is not None:
                self._cache.move_to_end(index)
                return found
        article = self._source.load(index)
        with self._lock:
            self._cache[index] = article
            while len(self._cache) > self._cached:
                self._cache.popitem(last=False)
        return article

    def __iter__(self) -> Iterator[Article]:
        for index in range(len(self.headers)):
            yield self[index]

    def position(self, article_id: str) -> int | None:
        """The index of the article with this id, if the corpus has it."""
        return self._positions.get(article_id)

    def __repr__(self) -> str:
        return f"LazyArticles({len(self.headers)} articles)"


def headers_of(articles: Sequence[Article]) -> tuple[ArticleHeader, ...]:
    """The headers of a corpus's articles, without loading a lazy corpus's passages."""
    if isinstance(articles, LazyArticles):
        return articles.headers
    return tuple(
        ArticleHeader(
            a,
            len(a.sentences),
            len(a.quotes),
            len(a.figures),
            len(a.notes),
            any(s.page for s in a.sentences),
        )
        for a in articles
    )


def header_of(articles: Sequence[Article], article_id: str) -> ArticleHeader | None:
    """The header of the article with this id (without loading a lazy corpus's passages)."""
    if isinstance(articles, LazyArticles):
        found = articles.position(article_id)
        return None if found is None else articles.headers[found]
    for article in articles:
        if article.id == article_id:
            return headers_of((article,))[0]
    return None
