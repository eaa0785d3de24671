"""The search half of an index: documents, per-article search data, and the tantivy folder.

At build time every article's search documents (`documents.article_docs`: text, kind, anchor,
analysed terms, figures) go into the `docs` table and its share of the vocabulary, glossary and
starters into `article_search`; a carried-over article's rows are copied from the previous index
inside SQLite (never parsed or analysed again). `write_merged` adds the shares up into the
`search` table, which is all a start reads besides the articles' metadata. The tantivy index is
then written from the `docs` table into an immutable generation folder,
`<index>.search/<build id>/`, which the SQLite file names by its build id: the SQLite swap is the
one atomic step, so the file and the folder a reader opens always belong together.

A generation folder that is missing or damaged is written again from the `docs` table (or, when
the folder cannot be written, built in memory): never a failed start. `SqliteDocuments` reads a
query's candidate documents in one indexed lookup.

It never modifies a generation folder after renaming it into place, and never reads a clock for
anything but the age of leftovers.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import shutil
import sqlite3
import sys
import threading
import time
import uuid
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import aiosqlite
import tantivy

from bot.core.model import Article, Figure, FigureKind, Note, Quote, Sentence
from bot.core.search.documents import (
    QUOTE,
    SENTENCE,
    ArticleTerms,
    DocInfo,
    Merged,
    PreparedIndex,
    article_docs,
    merge,
    new_index,
    open_index,
    write_documents,
)
from bot.core.search.query import Glossary
from bot.core.search.vocabulary import Vocabulary

log = logging.getLogger(__name__)

SCHEMA: Final = """
-- One row per search document (sentence, quote, note statement), numbered in index order.
CREATE TABLE docs (
    doc       INTEGER PRIMARY KEY,
    article   INTEGER NOT NULL REFERENCES articles (pos),
    what      INTEGER NOT NULL,  -- 0 sentence, 1 quote, 2 note
    position  INTEGER NOT NULL,  -- in the article's sentences, quotes or notes
    grp       INTEGER NOT NULL,  -- 0 fact, 1 quote
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    anchor    TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    terms     TEXT NOT NULL,     -- analysed terms, space-separated
    figures   TEXT NOT NULL,     -- JSON list of [text, value, unit, qualifier, kind, sentence,
                                 -- start, end]
    people    TEXT NOT NULL      -- who speaks in it, names separated by U+001F
);

-- Each article's counts and its share of the corpus-wide search data (`ArticleTerms`).
CREATE TABLE article_search (
    article   INTEGER PRIMARY KEY REFERENCES articles (pos),
    docs      INTEGER NOT NULL,
    sentences INTEGER NOT NULL,
    quotes    INTEGER NOT NULL,
    figures   INTEGER NOT NULL,
    notes     INTEGER NOT NULL,
    paged     INTEGER NOT NULL,  -- 1 when a sentence has a page
    share     TEXT NOT NULL,     -- JSON: glossary, speakers, authors, starter phrases
    counts    TEXT NOT NULL      -- JSON: [term → documents, word → documents]
);

-- The corpus-wide search data, read at every start: "merged" (JSON), "doc_article",
-- "doc_what", "doc_position" (little-endian arrays, one value per document).
CREATE TABLE search (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
"""

ROOT_SUFFIX: Final = ".search"
_TEMP_PREFIX: Final = ".tmp-"
BUILDER_FILE: Final = "factbot-builder"  # the pid of the process that wrote a generation
STALE_SECONDS: Final = 24 * 3600
"""A leftover older than this is removed even if the process that wrote it seems alive."""

WRITER_THREADS: Final = 2  # tantivy's indexing threads: 1.7 against 2.9 s at 1,000 articles
CACHED_DOCS: Final = 8192
CACHED_CONTEXTS: Final = 1024  # hits' articles (notes and one paragraph each), recent first
_SEPARATOR: Final = "\x1f"  # between the names of a document's people (never in a name)
_IN_CHUNK: Final = 500  # documents per `IN (…)` lookup
_DOC_COLUMNS: Final = "doc, what, position, grp, text, kind, anchor, paragraph, terms, figures"


# --------------------------------------------------------------------------------------- write


async def write_article(db: aiosqlite.Connection, pos: int, article: Article, first: int) -> int:
    """Analyse one article and write its documents (numbered from `first`); return how many."""
    docs, share = article_docs(article)
    await db.executemany(
        "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                first + n,
                pos,
                d.what,
                d.position,
                d.group,
                d.text,
                d.kind,
                d.anchor,
                d.paragraph,
                " ".join(d.terms),
                _figures_json(d.figures),
                _SEPARATOR.join(d.people),
            )
            for n, d in enumerate(docs)
        ),
    )
    counts = (
        len(article.sentences),
        len(article.quotes),
        len(article.figures),
        len(article.notes),
        int(any(s.page for s in article.sentences)),
    )
    await db.execute(
        "INSERT INTO article_search VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pos, len(docs), *counts, _share_json(share), _counts_json(share)),
    )
    return len(docs)


async def write_merged(db: aiosqlite.Connection, *, carried: bool = False) -> int:
    """Add up every article's share into the `search` table; return the number of documents.

    With `carried` (the previous index attached as `previous`, and `temp.carry` mapping its
    carried articles), the vocabulary's counts start from the previous index's totals, less
    the articles not carried, plus the articles written: the cost follows what changed.
    """
    shares: list[ArticleTerms] = []
    async with db.execute("SELECT docs, share FROM article_search ORDER BY article") as cursor:
        while rows := await cursor.fetchmany(256):
            shares.extend(_share_of(row[0], row[1]) for row in rows)
    counts = await _carried_counts(db) if carried else None
    if counts is None:
        counts = await _added_counts(
            db, "SELECT counts FROM main.article_search", Counter(), Counter()
        )
    merged = merge(shares, counts=(sum(share.documents for share in shares), *counts))
    del shares
    arrays = (array("I"), array("B"), array("I"))
    async with db.execute("SELECT article, what, position FROM docs ORDER BY doc") as cursor:
        while rows := await cursor.fetchmany(8192):
            for row in rows:
                for values, value in zip(arrays, row, strict=True):
                    values.append(value)
    blobs = {
        "merged": _merged_json(merged).encode(),
        "doc_article": _array_bytes(arrays[0]),
        "doc_what": _array_bytes(arrays[1]),
        "doc_position": _array_bytes(arrays[2]),
    }
    await db.executemany("INSERT INTO search (key, value) VALUES (?, ?)", blobs.items())
    return len(arrays[0])


async def _carried_counts(db: aiosqlite.Connection) -> tuple[Counter[str], Counter[str]] | None:
    """The previous index's vocabulary counts, less its articles not carried, plus those written."""
    rows = list(await db.execute_fetchall("SELECT value FROM previous.search WHERE key = 'merged'"))
    if not rows:
        return None
    data = json.loads(bytes(rows[0][0]))
    terms, words = Counter(data["terms"]), Counter(data["words"])
    await _added_counts(
        db,
        "SELECT counts FROM previous.article_search"
        " WHERE article NOT IN (SELECT old FROM temp.carry)",
        terms,
        words,
        sign=-1,
    )
    await _added_counts(
        db,
        "SELECT counts FROM main.article_search WHERE article NOT IN (SELECT new FROM temp.carry)",
        terms,
        words,
    )
    return +terms, +words  # unary plus drops the counts that fell to zero


async def _added_counts(
    db: aiosqlite.Connection,
    sql: str,
    terms: Counter[str],
    words: Counter[str],
    *,
    sign: int = 1,
) -> tuple[Counter[str], Counter[str]]:
    """Add (or, with `sign` -1, subtract) the `counts` column of the rows `sql` selects."""
    async with db.execute(sql) as cursor:
        while rows := await cursor.fetchmany(256):
            for (text,) in rows:
                term_df, word_df = json.loads(text)
                if sign > 0:
                    terms.update(term_df)
                    words.update(word_df)
                else:
                    terms.subtract(term_df)
                    words.subtract(word_df)
    return terms, words


def search_root(index: Path) -> Path:
    """The folder holding the generation folders of the live index at `index`."""
    return index.with_name(index.name + ROOT_SUFFIX)


def generation(root: Path, build_id: str) -> Path:
    """The tantivy folder of build `build_id`."""
    return root / build_id


def write_generation(index_file: Path, root: Path, build_id: str) -> Path:
    """Write the tantivy index of the SQLite index at `index_file` as generation `build_id`.

    Written into a temp folder (named for this process), flushed, then renamed into place; a
    generation already in place (another process wrote it first) is kept. The folder records
    the pid that wrote it, so that one left by a build killed before its swap can be told from
    one about to be swapped in.
    """
    root.mkdir(parents=True, exist_ok=True)
    final = generation(root, build_id)
    tmp = root / f"{_TEMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}-{build_id}"
    tmp.mkdir()
    try:
        with _readonly(index_file) as db:
            index = new_index(str(tmp))
            write_documents(index, _tantivy_rows(db), threads=WRITER_THREADS)
            del index
        (tmp / BUILDER_FILE).write_text(str(os.getpid()), encoding="ascii")
        for path in tmp.iterdir():
            _fsync(path)
        try:
            tmp.rename(final)
        except OSError:
            if not final.is_dir():
                raise
            log.info("generation %s was written meanwhile; keeping that one", final)
        _fsync(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def _tantivy_rows(db: sqlite3.Connection) -> Iterator[tuple[int, int, int, str, list[int]]]:
    merged = _read_merged(db)
    ids = {name: i for i, name in enumerate(merged.people)}
    by_people: dict[str, list[int]] = {"": []}  # the same few values repeat: split each once
    cursor = db.execute("SELECT doc, grp, article, terms, people FROM docs ORDER BY doc")
    while rows := cursor.fetchmany(4096):
        for doc, group, article, joined, people in rows:
            found = by_people.get(people)
            if found is None:
                found = [ids[p] for p in people.split(_SEPARATOR) if p in ids]
                by_people[people] = found
            yield doc, group, article, joined, found


def move_generation(from_root: Path, to_root: Path, build_id: str) -> None:
    """Move a staged build's generation beside the live index's (one rename, same file system)."""
    to_root.mkdir(parents=True, exist_ok=True)
    generation(from_root, build_id).rename(generation(to_root, build_id))


def remove_generations(root: Path, *, keep: str | None, replaced: str | None = None) -> None:
    """Remove the generation `replaced`, and leftovers no live build may still swap in.

    `keep` is the generation the live index names (never removed). Another unnamed folder (a
    temp one, or a whole generation whose build died before its swap) goes once the process
    that wrote it is gone, or after `STALE_SECONDS`. Best effort: a folder that cannot be
    removed is logged and left for the next build.
    """
    if not root.is_dir():
        return
    now = time.time()
    for path in root.iterdir():
        name = path.name
        if name == keep or not path.is_dir():
            continue
        if name != replaced and now - _mtime(path) < STALE_SECONDS:
            if name.startswith(_TEMP_PREFIX):
                pid = name[len(_TEMP_PREFIX) :].split("-", 1)[0]
            else:
                pid = _read_pid(path / BUILDER_FILE)
            if pid.isdigit() and _alive(int(pid)):
                continue  # maybe a build about to swap it in
        shutil.rmtree(path, ignore_errors=True)
        if path.exists():
            log.warning("could not remove the old search generation %s", path)
        else:
            log.info("removed search generation %s", path)


# ---------------------------------------------------------------------------------------- read


def load_prepared(
    db: sqlite3.Connection, lock: threading.Lock, index_file: Path, root: Path, build_id: str
) -> PreparedIndex:
    """What the searcher needs from an open index: merged data, document arrays, tantivy."""
    merged = _read_merged(db)
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
    with _readonly(index_file) as db:
        write_documents(index, _tantivy_rows(db))
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


class SqliteDocuments:
    """The `docs` table read on demand, a query's candidates in one lookup, recent ones cached."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock
        self._cache: OrderedDict[int, DocInfo] = OrderedDict()
        self._contexts: OrderedDict[int, tuple[Article, int]] = OrderedDict()

    def info(self, doc: int) -> DocInfo:
        """Document `doc`."""
        found = self._cache.get(doc)
        if found is None:
            found = self._fetch([doc]).get(doc)
            if found is None:
                raise IndexError(f"no search document {doc}")
        return found

    def prefetch(self, docs: Iterable[object]) -> None:
        """Read the documents not cached yet, in one query per few hundred."""
        cache = self._cache
        self._fetch(sorted({d for d in docs if isinstance(d, int) and d not in cache}))

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
        """The article's notes and the sentences of the document's paragraph (two small reads)."""
        cached = self._contexts.get(doc)
        if cached is not None:
            return cached
        info = self.info(doc)
        with self._lock:
            notes = [_note(r) for r in self._db.execute(_NOTES, (article_no,))]
            quotes: list[Quote] = []
            item, paragraph = info.position, info.paragraph
            if info.what == QUOTE:
                quotes = [_quote(r) for r in self._db.execute(_QUOTE_ROW, (article_no, item))]
                item = 0
                found = self._db.execute(_PARAGRAPH_OF, (info.anchor,)).fetchall()
                paragraph = int(found[0][0]) if found else -1
            sentences: list[Sentence] = []
            if paragraph >= 0:
                sentences = [
                    _sentence(r) for r in self._db.execute(_SENTENCES, (article_no, paragraph))
                ]
        if info.what == SENTENCE:
            item = next(i for i, s in enumerate(sentences) if s.id == info.anchor)
        article = dataclasses.replace(
            header, notes=tuple(notes), sentences=tuple(sentences), quotes=tuple(quotes)
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
_PARAGRAPH_OF: Final = "SELECT paragraph FROM sentences WHERE id = ?"
_SENTENCES: Final = (
    "SELECT id, text, section, paragraph, kind, notes, credit, line, page, speaker "
    "FROM sentences WHERE article = ? AND paragraph = ? ORDER BY pos"
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
    _, what, position, group, text, kind, anchor, paragraph, joined, figures = row
    return DocInfo(
        what=what,
        position=position,
        group=group,
        text=text,
        kind=kind,
        anchor=anchor,
        paragraph=paragraph,
        terms=joined.split(),
        figures=_figures_of(figures),
        people=(),  # only the index build reads who speaks (the tantivy "speaker" field)
    )


# ------------------------------------------------------------------------------- encodings


def _figures_json(figures: tuple[Figure, ...]) -> str:
    if not figures:
        return "[]"
    rows = [
        [f.text, f.value, f.unit, f.qualifier, f.kind, f.sentence, f.start, f.end] for f in figures
    ]
    return json.dumps(rows, ensure_ascii=False)


def _figures_of(text: str) -> tuple[Figure, ...]:
    if text == "[]":
        return ()
    out = []
    for t, value, unit, qualifier, kind, sentence, start, end in json.loads(text):
        figure_kind: FigureKind = kind
        out.append(Figure(t, float(value), unit, qualifier, figure_kind, sentence, start, end))
    return tuple(out)


def _counts_json(share: ArticleTerms) -> str:
    return json.dumps([share.term_df, share.word_df], ensure_ascii=False)


def _share_json(share: ArticleTerms) -> str:
    return json.dumps(
        {
            "glossary": [[list(s), list(long)] for s, long in share.glossary],
            "speakers": list(share.speakers),
            "authors": list(share.authors),
            "phrases": list(share.phrases),
            "quotes": list(share.quote_lines),
        },
        ensure_ascii=False,
    )


def _share_of(documents: int, text: str) -> ArticleTerms:
    """An article's share without its counts (read apart, see `write_merged`)."""
    data = json.loads(text)
    return ArticleTerms(
        documents=int(documents),
        term_df={},
        word_df={},
        glossary=tuple((tuple(s), tuple(long)) for s, long in data["glossary"]),
        speakers=tuple(data["speakers"]),
        authors=tuple(data["authors"]),
        phrases=tuple(data["phrases"]),
        quote_lines=tuple(data["quotes"]),
    )


def _merged_json(merged: Merged) -> str:
    documents, term_df, word_df = merged.vocabulary.counts()
    return json.dumps(
        {
            "documents": documents,
            "terms": dict(sorted(term_df.items())),
            "words": dict(sorted(word_df.items())),
            "glossary": [[list(s), list(g)] for s, g in merged.glossary.long_of_short.items()],
            "speakers": merged.speakers,
            "people": merged.people,
            "starters": merged.starters,
        },
        ensure_ascii=False,
    )


def _read_merged(db: sqlite3.Connection) -> Merged:
    rows = db.execute("SELECT value FROM search WHERE key = 'merged'").fetchall()
    if not rows:
        raise ValueError("the index holds no search data")
    data = json.loads(bytes(rows[0][0]))
    return Merged(
        vocabulary=Vocabulary.from_counts(int(data["documents"]), data["terms"], data["words"]),
        glossary=Glossary({tuple(s): tuple(long) for s, long in data["glossary"]}),
        speakers=[str(s) for s in data["speakers"]],
        people=[str(p) for p in data["people"]],
        starters={"fact": data["starters"]["fact"], "quote": data["starters"]["quote"]},
    )


def _array_bytes(values: array[int]) -> bytes:
    if values.itemsize > 1 and sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _array_of(typecode: str, blob: bytes) -> array[int]:
    values = array(typecode)
    values.frombytes(blob)
    if values.itemsize > 1 and sys.byteorder == "big":
        values.byteswap()
    return values


# ------------------------------------------------------------------------------------ files


@contextlib.contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        yield db
    finally:
        db.close()


def _fsync(path: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        log.debug("could not fsync %s: %s", path, exc)


def _read_pid(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
