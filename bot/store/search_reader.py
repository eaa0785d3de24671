"""Reading an index's search half: the tantivy folder opened (or rewritten), documents on demand.

`load_prepared` gives the searcher what an opened index holds for it (see `search_index`):
the merged search data and document arrays from the `search` table, the tantivy generation
folder the file names (written again from the `docs` table when it is missing or damaged, in
memory when it cannot be written), and `SqliteDocuments`, which reads a query's candidates in
one indexed lookup and a hit's notes and paragraph in two small ones, keeping recent ones.

It never writes to the index file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import sqlite3
import sys
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import tantivy

from bot.core.model import Article, Figure, FigureKind, Note, Quote, Sentence
from bot.core.search.documents import (
    QUOTE,
    SENTENCE,
    DocInfo,
    PreparedIndex,
    new_index,
    open_index,
    write_documents,
)
from bot.store.search_index import generation, read_merged, readonly, tantivy_rows, write_generation

log = logging.getLogger(__name__)

CACHED_DOCS: Final = 8192
CACHED_CONTEXTS: Final = 1024  # hits' articles (notes and one paragraph each), recent first
CACHED_NOTES: Final = 256  # articles whose notes were read for a hit, first read first
_IN_CHUNK: Final = 500  # documents per `IN (…)` lookup
_DOC_COLUMNS: Final = (
    "doc, what, position, grp, text, kind, anchor, paragraph, terms, figures, section, speaker,"
    " notes"
)


def load_prepared(
    db: sqlite3.Connection, lock: threading.Lock, index_file: Path, root: Path, build_id: str
) -> PreparedIndex:
    """What the searcher needs from an open index: merged data, document arrays, tantivy."""
    merged = read_merged(db)
    values = {str(k): bytes(v) for k, v in db.execute("SELECT key, value FROM search")}
    doc_article = _array_of("I", values["doc_article"])
    doc_what = _array_of("B", values["doc_what"])
    doc_position = _array_of("I", values["doc_position"])
    if not len(doc_article) == len(doc_what) == len(doc_position):
        raise ValueError("the document arrays disagree in length")
    index = _open_generation(index_file, root, build_id, len(doc_article))
    documents = SqliteDocuments(db, lock)
    return PreparedIndex(index, doc_article, doc_what, doc_position, documents, merged)


def _open_generation(index_file: Path, root: Path, build_id: str, docs: int) -> Any:
    """The generation folder's tantivy index; written again when missing or damaged."""
    folder = generation(root, build_id)
    problem = _check_generation(folder, docs)
    if problem is None:
        return open_index(str(folder))
    log.warning("search index %s %s; writing it again from %s", folder, problem, index_file.name)
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
    try:
        write_generation(index_file, root, build_id)
        if _check_generation(folder, docs) is None:
            return open_index(str(folder))
    except (OSError, ValueError, sqlite3.Error) as exc:
        log.warning("could not write %s (%s); searching an index built in memory", folder, exc)
    index = new_index()
    with readonly(index_file) as db:
        write_documents(index, tantivy_rows(db))
    return index


def _check_generation(folder: Path, docs: int) -> str | None:
    """Why the folder cannot be searched as it is (None: it can)."""
    if not folder.is_dir():
        return "is missing"
    try:
        index = open_index(str(folder))
        searcher = index.searcher()
        found = searcher.num_docs
        # read some postings and a fast field, so a truncated segment shows now, not mid-query
        probe = searcher.search(tantivy.Query.all_query(), 10, count=False).hits
        searcher.fast_field_values("doc", [address for _, address in probe])
    except (ValueError, OSError) as exc:
        return f"cannot be opened ({exc})"
    if found != docs:
        return f"holds {found} documents, not {docs}"
    return None


_READ_AHEAD = 8  # documents read past a missed one, in the direction the reading goes
_READ_BEHIND = 2  # and on its other side


class SqliteDocuments:
    """The `docs` table read on demand, a query's candidates in one lookup, recent ones cached."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock
        self._cache: OrderedDict[int, DocInfo] = OrderedDict()
        self._contexts: OrderedDict[int, tuple[Article, int]] = OrderedDict()
        self._notes: OrderedDict[int, tuple[Note, ...]] = OrderedDict()  # by article

    def info(self, doc: int) -> DocInfo:
        """Document `doc`."""
        found = self._cache.get(doc)
        if found is None:
            # a miss is mostly a neighbour of a candidate (the answer after a question, the
            # next sentence): its neighbours come in the same read, the ones further on in the
            # direction the reading goes (back, when the document after it is cached)
            if doc + 1 in self._cache and doc - 1 not in self._cache:
                first, last = doc - _READ_AHEAD, doc + _READ_BEHIND
            else:
                first, last = doc - _READ_BEHIND, doc + _READ_AHEAD
            found = self._fetch_range(first, last).get(doc)
            if found is None:
                raise IndexError(f"no search document {doc}")
        return found

    def _fetch_range(self, first: int, last: int) -> dict[int, DocInfo]:
        found: dict[int, DocInfo] = {}
        sql = f"SELECT {_DOC_COLUMNS} FROM docs WHERE doc BETWEEN ? AND ?"
        with self._lock:
            for row in self._db.execute(sql, (max(0, first), last)).fetchall():
                if row[0] not in self._cache:
                    self._cache[row[0]] = _doc_of(row)
                found[row[0]] = self._cache[row[0]]
            while len(self._cache) > CACHED_DOCS:
                self._cache.popitem(last=False)
        return found

    def prefetch(self, docs: Iterable[object]) -> None:
        """Read the documents not cached yet, in one query per few hundred.

        The cached ones become the most recent, so this query's own reads never evict them.
        """
        cache = self._cache
        missing = []
        with self._lock:
            for d in {d for d in docs if isinstance(d, int)}:
                if d in cache:
                    cache.move_to_end(d)
                else:
                    missing.append(d)
        self._fetch(sorted(missing))

    def _fetch(self, docs: list[int]) -> dict[int, DocInfo]:
        found: dict[int, DocInfo] = {}
        for start in range(0, len(docs), _IN_CHUNK):
            chunk = docs[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {_DOC_COLUMNS} FROM docs WHERE doc IN ({marks})"
            with self._lock:
                for row in self._db.execute(sql, chunk).fetchall():
                    found[row[0]] = self._cache[row[0]] = _doc_of(row)
                while len(self._cache) > CACHED_DOCS:
                    self._cache.popitem(last=False)
        return found

    def context(self, doc: int, article_no: int, header: Article) -> tuple[Article, int]:
        """The article's notes and the sentences of the document's paragraph (two small reads).

        An article's notes are read once for all its hits.
        """
        cached = self._contexts.get(doc)
        if cached is not None:
            return cached
        info = self.info(doc)
        with self._lock:
            notes = self._notes.get(article_no)
            if notes is None:
                notes = tuple(_note(r) for r in self._db.execute(_NOTES, (article_no,)))
                self._notes[article_no] = notes
                while len(self._notes) > CACHED_NOTES:
                    self._notes.popitem(last=False)
            quotes: list[Quote] = []
            item, paragraph = info.position, info.paragraph
            sentences: list[Sentence] = []
            if info.what == QUOTE:
                quotes = [_quote(r) for r in self._db.execute(_QUOTE_ROW, (article_no, item))]
                item = 0
                rows = self._db.execute(_QUOTE_PARAGRAPH, (article_no, info.anchor))
                sentences = [_sentence(r) for r in rows]
            elif paragraph >= 0:
                rows = self._db.execute(_SENTENCES, (article_no, paragraph))
                sentences = [_sentence(r) for r in rows]
        if info.what == SENTENCE:
            item = next(i for i, s in enumerate(sentences) if s.id == info.anchor)
        article = dataclasses.replace(
            header, notes=notes, sentences=tuple(sentences), quotes=tuple(quotes)
        )
        with self._lock:
            self._contexts[doc] = article, item
            while len(self._contexts) > CACHED_CONTEXTS:
                self._contexts.popitem(last=False)
        return article, item


_NOTES: Final = (
    "SELECT number, text, url, accessed, refers_to, page FROM notes WHERE article = ? ORDER BY pos"
)
_QUOTE_ROW: Final = (
    "SELECT id, text, speaker, kind, sentence, notes FROM quotes WHERE article = ? AND pos = ?"
)
_SENTENCE_COLUMNS: Final = "id, text, section, paragraph, kind, notes, credit, line, page, speaker"
_SENTENCES: Final = (
    f"SELECT {_SENTENCE_COLUMNS} FROM sentences WHERE article = ? AND paragraph = ? ORDER BY pos"
)
_QUOTE_PARAGRAPH: Final = (  # the paragraph of the sentence a quote stands for
    f"SELECT {_SENTENCE_COLUMNS} FROM sentences WHERE article = ? AND paragraph >= 0"
    " AND paragraph = (SELECT paragraph FROM sentences WHERE id = ?) ORDER BY pos"
)


def _note(r: tuple[Any, ...]) -> Note:
    return Note(number=r[0], text=r[1], url=r[2], accessed=r[3], refers_to=r[4], page=r[5])


def _quote(r: tuple[Any, ...]) -> Quote:
    return Quote(id=r[0], text=r[1], speaker=r[2], kind=r[3], sentence=r[4], notes=_ints(r[5]))


def _sentence(r: tuple[Any, ...]) -> Sentence:
    return Sentence(
        id=r[0],
        text=r[1],
        section=r[2],
        paragraph=r[3],
        kind=r[4],
        notes=_ints(r[5]),
        credit=r[6],
        line=r[7],
        page=r[8],
        speaker=r[9],
    )


def _ints(text: str) -> tuple[int, ...]:
    return () if text == "[]" else tuple(int(n) for n in json.loads(text))


def _doc_of(row: tuple[Any, ...]) -> DocInfo:
    # positional, and the common empty lists without a call: a query reads ~100 of these
    _, what, position, group, text, kind, anchor, paragraph, joined, figures, *rest = row
    section, speaker, notes = rest
    return DocInfo(
        what,
        position,
        group,
        text,
        kind,
        anchor,
        paragraph,
        joined.split(),
        () if figures == "[]" else _figures_of(figures),
        (),  # people: only the index build reads who speaks (the tantivy "speaker" field)
        section,
        speaker,
        () if notes == "[]" else _ints(notes),
    )


def _figures_of(text: str) -> tuple[Figure, ...]:
    if text == "[]":
        return ()
    out = []
    for t, value, unit, qualifier, kind, sentence, start, end in json.loads(text):
        figure_kind: FigureKind = kind
        out.append(Figure(t, float(value), unit, qualifier, figure_kind, sentence, start, end))
    return tuple(out)


def _array_of(typecode: str, blob: bytes) -> array[int]:
    values = array(typecode)
    values.frombytes(blob)
    if values.itemsize > 1 and sys.byteorder == "big":
        values.byteswap()
    return values
