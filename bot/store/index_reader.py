"""Opening an index to serve it: metadata in memory, passages and documents read on demand.

`open_index` reads what a start needs (the build id, each article's metadata and counts, the
merged search data, the word vectors) and opens the tantivy generation folder the file names;
it reads no sentence. The returned corpus's articles are a `LazyArticles` over one read-only
connection (`SqliteArticles`), which the searcher's documents share. The file is never modified
in place (a build swaps a new one in), so the connection keeps reading the build it opened even
after a swap, and the folder it names is that build's.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bot.core.library import ArticleHeader, LazyArticles
from bot.core.model import Article, Corpus, IngestIssue
from bot.core.search.documents import PreparedIndex
from bot.store.index_db import (
    ARTICLE_COLUMNS,
    IndexInfo,
    IndexMissingError,
    IndexSchemaError,
    IndexStoreError,
    article_of,
    issue_level,
    read_article,
    read_info,
    search_root,
)
from bot.store.search_reader import load_prepared
from bot.store.vectors import read_vectors_sync

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenedIndex:
    """An index opened for serving: its lazy corpus, its metadata, the searcher's part."""

    corpus: Corpus
    info: IndexInfo
    prepared: PreparedIndex


class SqliteArticles:
    """The `ArticleSource` of a lazy corpus: one article's rows per load."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock

    def load(self, index: int) -> Article:
        """The full article at position `index`."""
        with self._lock:
            return read_article(self._db, index)


def open_index(path: Path) -> OpenedIndex:
    """Open the index at `path` for serving (synchronous: run it off the event loop).

    Raises `IndexMissingError`, `IndexVersionError` or `IndexSchemaError` as `load_index` does;
    a missing or damaged search folder is written again (see `search_index`), never fatal.
    """
    path = Path(path)
    if not path.exists():
        raise IndexMissingError(f"no index at {path}; build it with `python -m bot index`")
    if not path.is_file():
        raise IndexSchemaError(f"{path} is not a file, so not a Factbot index")
    try:
        db = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise IndexSchemaError(f"cannot open index {path}: {exc}") from exc
    try:
        info = read_info(db, path)
        lock = threading.Lock()
        headers = _headers(db)
        issues = tuple(
            IngestIssue(file=r[0], line=r[1], message=r[2], level=issue_level(r[3]))
            for r in db.execute("SELECT file, line, message, level FROM issues ORDER BY pos")
        )
        vectors = read_vectors_sync(db)
        prepared = load_prepared(db, lock, path, search_root(path), info.build_id)
    except IndexStoreError:
        db.close()
        raise
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError) as exc:
        db.close()
        raise IndexSchemaError(f"index {path} is damaged: {exc}") from exc
    articles = LazyArticles(headers, SqliteArticles(db, lock))
    corpus = Corpus(articles=articles, built_at=info.built_at, issues=issues, vectors=vectors)
    return OpenedIndex(corpus, info, prepared)


def _headers(db: sqlite3.Connection) -> list[ArticleHeader]:
    sections: dict[int, list[str]] = defaultdict(list)
    for article, title in db.execute("SELECT article, title FROM sections ORDER BY article, pos"):
        sections[article].append(title)
    counts = {
        int(r[0]): (int(r[1]), int(r[2]), int(r[3]), int(r[4]), bool(r[5]))
        for r in db.execute(
            "SELECT article, sentences, quotes, figures, notes, paged FROM article_search"
        )
    }
    headers = []
    for row in db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY pos"):
        article = article_of(row, {"sections": sections.get(row[0], [])})
        headers.append(ArticleHeader(article, *counts[row[0]]))
    return headers
