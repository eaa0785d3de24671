"""The search half of an index: documents, per-article search data, and the tantivy folder.

At build time every article's search documents (`documents.article_docs`: text, kind, anchor,
analysed terms, figures) go into the `docs` table and its share of the vocabulary, glossary and
starters into `article_search`; a carried-over article's rows are copied from the previous index
inside SQLite (never parsed or analysed again). `write_merged` adds the shares up into the
`search` table, which is all a start reads besides the articles' metadata. The tantivy index is
then written from the `docs` table into an immutable generation folder,
`<index>.search/<build id>/`, which the SQLite file names by its build id: the SQLite swap is the
one atomic step, so the file and the folder a reader opens always belong together.

Reading it back is `search_reader`'s: a missing or damaged generation folder is written again
there from the `docs` table, never a failed start.

It never modifies a generation folder after renaming it into place, and never reads a clock for
anything but the age of leftovers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import sys
import uuid
from array import array
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import aiosqlite

from bot.core.model import Article, Figure
from bot.core.search.documents import (
    ArticleTerms,
    Merged,
    article_docs,
    merge,
    new_index,
    write_documents,
)
from bot.core.search.query import Glossary
from bot.core.search.vocabulary import Vocabulary
from bot.store import leftovers

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
    people    TEXT NOT NULL,     -- who speaks in it, names separated by U+001F
    section   TEXT NOT NULL,     -- the heading it stands under
    speaker   TEXT,              -- a transcript sentence's or a quote's speaker
    notes     TEXT NOT NULL      -- the notes it carries, a JSON list
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
STALE_SECONDS: Final = leftovers.STALE_SECONDS
"""A leftover older than this is removed even if the process that wrote it seems alive."""

WRITER_THREADS: Final = 2  # tantivy's indexing threads: 1.7 against 2.9 s at 1,000 articles
_SEPARATOR: Final = "\x1f"  # between the names of a document's people (never in a name)


# --------------------------------------------------------------------------------------- write


async def write_article(db: aiosqlite.Connection, pos: int, article: Article, first: int) -> int:
    """Analyse one article and write its documents (numbered from `first`); return how many."""
    docs, share = article_docs(article)
    await db.executemany(
        "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                d.section,
                d.speaker,
                json.dumps(list(d.notes)),
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
        with readonly(index_file) as db:
            index = new_index(str(tmp))
            write_documents(index, tantivy_rows(db), threads=WRITER_THREADS)
            del index
        (tmp / BUILDER_FILE).write_text(str(os.getpid()), encoding="ascii")
        for path in tmp.iterdir():
            leftovers.fsync(path)
        try:
            tmp.rename(final)
        except OSError:
            if not final.is_dir():
                raise
            log.info("generation %s was written meanwhile; keeping that one", final)
        leftovers.fsync(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def tantivy_rows(db: sqlite3.Connection) -> Iterator[tuple[int, int, int, str, list[int]]]:
    """The tantivy documents of an index file's `docs` table, as `write_documents` takes them."""
    merged = read_merged(db)
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
    for path in root.iterdir():
        name = path.name
        if name == keep or not path.is_dir():
            continue
        if name != replaced:
            if name.startswith(_TEMP_PREFIX):
                pid = name[len(_TEMP_PREFIX) :].split("-", 1)[0]
            else:
                pid = _read_pid(path / BUILDER_FILE)
            if leftovers.may_be_in_use(path, pid):
                continue  # maybe a build about to swap it in
        shutil.rmtree(path, ignore_errors=True)
        if path.exists():
            log.warning("could not remove the old search generation %s", path)
        else:
            log.info("removed search generation %s", path)


# ------------------------------------------------------------------------------- encodings


def _figures_json(figures: tuple[Figure, ...]) -> str:
    if not figures:
        return "[]"
    rows = [
        [f.text, f.value, f.unit, f.qualifier, f.kind, f.sentence, f.start, f.end] for f in figures
    ]
    return json.dumps(rows, ensure_ascii=False)


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


def read_merged(db: sqlite3.Connection) -> Merged:
    """The merged search data of an open index (its `search` table)."""
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


# ------------------------------------------------------------------------------------ files


@contextlib.contextmanager
def readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the index file at `path`, closed on exit."""
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        yield db
    finally:
        db.close()


def _read_pid(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
