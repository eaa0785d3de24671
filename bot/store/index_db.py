"""The index file: its schema, an atomic build from an `IngestResult`, and loading it back.

This is the only module with SQL for the index. `build_index` writes everything ingestion produced
into a temporary file next to the target, fsyncs it and swaps it in with `os.replace`, so a reader
sees the previous index or the new one, never a half-written file; `load_corpus` reads it back
into a `Corpus` equal to the one that was built. `swap_in`, `fsync_dir` and
`remove_stale_temp_files` are the one swap, sync and leftover cleanup of the index's folder, for
these builds and for a reindex's staging folder alike.

It must never modify an existing index in place, never leave a partial build under the index's
name, never read a clock (callers pass `built_at`), and never import Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import json
import logging
import os
import shutil
import sqlite3
import time
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast, get_args

import aiosqlite

from bot.core.model import (
    Article,
    Corpus,
    Figure,
    FigureKind,
    GlossaryEntry,
    IngestIssue,
    Note,
    Quote,
    QuoteKind,
    Sentence,
    SentenceKind,
    WordVectors,
)
from bot.store import leftovers, search_index
from bot.store.search_index import search_root as _root_of
from bot.store.search_index import write_article, write_generation, write_merged
from bot.store.vectors import previous_vectors, read_vectors, vectors_for, write_vectors

if TYPE_CHECKING:  # only the type: importing it would load every parser with the store
    from bot.core.ingest import IngestResult

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 4
"""Bumped whenever the tables change; an index of another version must be rebuilt."""

APPLICATION_ID: Final = 0x46414354
"""SQLite `application_id` ("FACT") marking a file as a Factbot index."""

STALE_TEMP_SECONDS: Final = 24 * 3600
"""A temp file older than this is removed even if the process that wrote it seems alive."""

_TEMP_MARK: Final = ".tmp-"
_STAGING_MARK: Final = ".reindex-"
_FETCH_ROWS: Final = 4096  # rows fetched per round trip when loading: bounds the raw rows held

_SENTENCE_KINDS: Final = frozenset(get_args(SentenceKind))
_QUOTE_KINDS: Final = frozenset(get_args(QuoteKind))
_FIGURE_KINDS: Final = frozenset(get_args(FigureKind))
IssueLevel = Literal["warning", "error"]
_ISSUE_LEVELS: Final = frozenset(get_args(IssueLevel))


def _in_list(values: Iterable[str]) -> str:
    return ", ".join(f"'{v}'" for v in sorted(values))


SCHEMA: Final = (
    f"""
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    pos         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    source_file TEXT NOT NULL,
    subtitle    TEXT,
    authors     TEXT NOT NULL,  -- JSON list of names
    series      TEXT,
    translation TEXT,
    publication TEXT,
    date        TEXT,
    url         TEXT,
    language    TEXT
);

CREATE TABLE sections (
    article INTEGER NOT NULL REFERENCES articles (pos),
    pos     INTEGER NOT NULL,
    title   TEXT NOT NULL,
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE notes (
    article   INTEGER NOT NULL REFERENCES articles (pos),
    pos       INTEGER NOT NULL,
    number    INTEGER NOT NULL,
    text      TEXT NOT NULL,
    url       TEXT,
    accessed  TEXT,
    refers_to INTEGER,
    page      TEXT,
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article   INTEGER NOT NULL REFERENCES articles (pos),
    pos       INTEGER NOT NULL,  -- reading order within the article
    id        TEXT NOT NULL UNIQUE,
    text      TEXT NOT NULL,
    section   TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ({_in_list(_SENTENCE_KINDS)})),
    notes     TEXT NOT NULL,  -- JSON list of note numbers
    credit    TEXT,
    line      INTEGER NOT NULL,
    page      TEXT,
    speaker   TEXT,  -- a transcript turn's speaker
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article  INTEGER NOT NULL REFERENCES articles (pos),
    pos      INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    text     TEXT NOT NULL,
    speaker  TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ({_in_list(_QUOTE_KINDS)})),
    sentence TEXT NOT NULL,
    notes    TEXT NOT NULL,  -- JSON list of note numbers
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE figures (
    article    INTEGER NOT NULL REFERENCES articles (pos),
    pos        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL NOT NULL,
    unit       TEXT NOT NULL,
    qualifier  TEXT,
    kind       TEXT NOT NULL CHECK (kind IN ({_in_list(_FIGURE_KINDS)})),
    sentence   TEXT NOT NULL,  -- a sentence id, or "note:N"
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE glossary (
    article INTEGER NOT NULL REFERENCES articles (pos),
    pos     INTEGER NOT NULL,
    short   TEXT NOT NULL,
    long    TEXT NOT NULL,
    PRIMARY KEY (article, pos)
) WITHOUT ROWID;

CREATE TABLE issues (
    pos     INTEGER PRIMARY KEY,
    file    TEXT NOT NULL,
    line    INTEGER,
    message TEXT NOT NULL,
    level   TEXT NOT NULL CHECK (level IN ({_in_list(_ISSUE_LEVELS)}))
);

-- What each seed file was when it was read, so an incremental build can carry over the
-- articles of unchanged files instead of reading them again (see `SeedFile`).
CREATE TABLE seed_files (
    name    TEXT PRIMARY KEY,  -- the file's name in the seeds folder
    digest  TEXT NOT NULL,     -- hash of the reader version, the file and its sidecar
    article TEXT,              -- the article id read from it, or NULL when none was
    issues  TEXT NOT NULL      -- JSON list of [file, line, message, level] met reading it
) WITHOUT ROWID;

-- Every passage's text is in the docs table (search_index.SCHEMA); its full-text search is the
-- tantivy folder. (An FTS5 view of sentences and quotes was dropped: it cost a third of a
-- rebuild after one change, 1.8 s at 1,000 articles, and nothing read it.)
"""
    + search_index.SCHEMA
)


class IndexStoreError(Exception):
    """Base class of the index store's errors."""


class IndexMissingError(IndexStoreError):
    """There is no index file at the given path."""


class IndexSchemaError(IndexStoreError):
    """The file is not a readable Factbot index (not SQLite, not ours, or damaged)."""


class IndexVersionError(IndexSchemaError):
    """The file is a Factbot index, but of another schema version: it must be rebuilt."""

    def __init__(self, path: Path, found: int | None) -> None:
        self.path = path
        self.found = found
        self.expected = SCHEMA_VERSION
        super().__init__(
            f"index {path} has schema version {found}, this Factbot needs {SCHEMA_VERSION}; "
            "rebuild it with `python -m bot index`"
        )


class IndexBuildError(IndexStoreError):
    """The ingest result cannot be stored as given (e.g. two articles with the same id)."""


@dataclass(frozen=True)
class BuildSummary:
    """What one build wrote, how long it took and where."""

    articles: int
    sentences: int
    notes: int
    quotes: int
    figures: int
    glossary: int
    issues: tuple[IngestIssue, ...]
    seconds: float
    path: Path
    build_id: str = ""
    carried: int = 0
    """Seed files carried over unread from the previous index (an incremental build)."""


@dataclass(frozen=True)
class SeedFile:
    """One seed file as a build read it: its digest, the article it gave and the issues met."""

    name: str
    digest: str
    article: str | None
    issues: tuple[IngestIssue, ...] = ()


@dataclass(frozen=True)
class IndexInfo:
    """The metadata of an index file, read without loading its articles."""

    path: Path
    schema_version: int
    build_id: str
    built_at: str
    counts: dict[str, int]


# --------------------------------------------------------------------------------------- build


async def build_index(
    result: IngestResult,
    out: Path,
    *,
    built_at: str,
    reuse_from: Path | None = None,
    files: Sequence[SeedFile] = (),
    carried: Iterable[str] = (),
) -> BuildSummary:
    """Write `result` to a new index at `out`, replacing any previous one atomically.

    The articles whose ids are in `carried` are copied from the index at `reuse_from` inside
    SQLite, rows and search documents alike (in `result` they may be headers without passages,
    as `previous_build` gives them); the others are written and analysed. The word vectors of
    the index at `reuse_from` (default: `out` itself) are kept when they cover every word of
    `result`, so the vectors' package is read only for new words.

    The search documents are then written as a tantivy generation folder beside `out`
    (`search_root`), named by the new build id the file records.

    The build goes into a temporary file in the same directory (created if needed), in one
    transaction; the file is fsynced and then renamed over `out`. If anything fails, or the
    process dies, the previous index stays as it was and the temp file is removed (or, after a
    kill, removed by the next build). Raises `IndexBuildError` when `result` holds duplicate ids.
    `files` records what each seed file was, for the next incremental build (`previous_build`).
    """
    started = time.perf_counter()
    out = Path(out)
    _check_unique(result)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    build_id = uuid.uuid4().hex
    tmp = out.with_name(f"{out.name}{_TEMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:12]}")
    source = Path(reuse_from) if reuse_from else out
    carry = frozenset(carried) & {a.id for a in result.articles}
    root = search_root(out)
    replaced = None if staged_for(out) else await index_stamp(out)
    try:
        previous = await previous_vectors(source)
        vectors = await asyncio.to_thread(
            partial(vectors_for, carried=bool(carry)),
            [a for a in result.articles if a.id not in carry],
            previous,
        )
        began = time.perf_counter()
        counts = await _write(
            tmp,
            result,
            build_id=build_id,
            built_at=built_at,
            vectors=vectors,
            files=files,
            carry=(source, carry) if carry else None,
        )
        written = time.perf_counter()
        await asyncio.to_thread(write_generation, tmp, root, build_id)
        log.info(
            "index %s: vectors %.2f s, rows %.2f s, search folder %.2f s (%d articles carried)",
            out.name,
            began - started,
            written - began,
            time.perf_counter() - written,
            len(carry),
        )
        await asyncio.to_thread(_fsync_path, tmp)
        swap_in(tmp, out)
        await asyncio.to_thread(fsync_dir, out.parent)
    except BaseException:
        _remove_temp(tmp)
        shutil.rmtree(search_index.generation(root, build_id), ignore_errors=True)
        raise
    if not staged_for(out):  # a staged build is swapped in (and retires) later
        retire_generations(out, replaced=replaced)
    seconds = time.perf_counter() - started
    log.info("built index %s (%s) in %.2f s", out, build_id, seconds)
    return BuildSummary(
        articles=counts["articles"],
        sentences=counts["sentences"],
        notes=counts["notes"],
        quotes=counts["quotes"],
        figures=counts["figures"],
        glossary=counts["glossary"],
        issues=tuple(result.issues),
        seconds=seconds,
        path=out,
        build_id=build_id,
    )


def _check_unique(result: IngestResult) -> None:
    """Refuse a result whose article, sentence or quote ids collide, naming the first one."""
    seen_articles: set[str] = set()
    seen_passages: set[str] = set()
    for article in result.articles:
        if article.id in seen_articles:
            raise IndexBuildError(f"two articles have the id {article.id!r}")
        seen_articles.add(article.id)
        passage_ids = [s.id for s in article.sentences] + [q.id for q in article.quotes]
        for passage_id in passage_ids:
            if passage_id in seen_passages:
                raise IndexBuildError(f"article {article.id!r}: duplicate id {passage_id!r}")
            seen_passages.add(passage_id)


async def _write(
    tmp: Path,
    result: IngestResult,
    *,
    build_id: str,
    built_at: str,
    vectors: tuple[WordVectors | None, frozenset[str]] = (None, frozenset()),
    files: Sequence[SeedFile] = (),
    carry: tuple[Path, frozenset[str]] | None = None,
) -> dict[str, int]:
    """Create the schema in `tmp` and insert everything in one transaction; return the counts.

    `carry` names the previous index and the ids of the articles copied from it.
    """
    articles = tuple(result.articles)
    carried = carry[1] if carry else frozenset()
    written = [(pos, a) for pos, a in enumerate(articles) if a.id not in carried]
    async with aiosqlite.connect(tmp.resolve().as_uri(), uri=True, isolation_level=None) as db:
        # The temp file is private until it is renamed, so no journal and no syncs are needed
        # while writing: atomicity comes from the rename, durability from the fsync after it.
        await db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
            "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536;"
        )
        await db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        await db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        await db.executescript(SCHEMA)
        if carry:  # outside the transaction, as SQLite wants
            uri = carry[0].resolve().as_uri() + "?mode=ro"
            await db.execute("ATTACH DATABASE ? AS previous", (uri,))
        await db.execute("BEGIN")
        await db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    pos,
                    a.id,
                    a.title,
                    a.source_file,
                    a.subtitle,
                    _dump(a.authors),
                    a.series,
                    a.translation,
                    a.publication,
                    a.date,
                    a.url,
                    a.language,
                )
                for pos, a in written
            ),
        )
        await db.executemany(
            "INSERT INTO sections VALUES (?, ?, ?)",
            _rows(written, lambda a: a.sections, lambda title: (title,)),
        )
        await db.executemany(
            "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            _rows(
                written,
                lambda a: a.notes,
                lambda n: (n.number, n.text, n.url, n.accessed, n.refers_to, n.page),
            ),
        )
        await db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _rows(
                written,
                lambda a: a.sentences,
                lambda s: (
                    s.id,
                    s.text,
                    s.section,
                    s.paragraph,
                    s.kind,
                    _dump(s.notes),
                    s.credit,
                    s.line,
                    s.page,
                    s.speaker,
                ),
            ),
        )
        await db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            _rows(
                written,
                lambda a: a.quotes,
                lambda q: (q.id, q.text, q.speaker, q.kind, q.sentence, _dump(q.notes)),
            ),
        )
        await db.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _rows(
                written,
                lambda a: a.figures,
                lambda f: (
                    f.text,
                    f.value,
                    f.unit,
                    f.qualifier,
                    f.kind,
                    f.sentence,
                    f.start,
                    f.end,
                ),
            ),
        )
        await db.executemany(
            "INSERT INTO glossary VALUES (?, ?, ?, ?)",
            _rows(written, lambda a: a.glossary, lambda g: (g.short, g.long)),
        )
        await db.executemany(
            "INSERT INTO issues VALUES (?, ?, ?, ?, ?)",
            ((pos, i.file, i.line, i.message, i.level) for pos, i in enumerate(result.issues)),
        )
        await db.executemany(
            "INSERT INTO seed_files VALUES (?, ?, ?, ?)",
            (
                (
                    f.name,
                    f.digest,
                    f.article,
                    _dump([i.file, i.line, i.message, i.level] for i in f.issues),
                )
                for f in files
            ),
        )
        began = time.perf_counter()
        await _write_documents(db, articles, carry)
        copied = time.perf_counter()
        documents = await write_merged(db, carried=await _carried_any(db, carry))
        log.info(
            "rows: documents %.2f s, merged %.2f s", copied - began, time.perf_counter() - copied
        )
        await write_vectors(db, *vectors)
        counts = {table: await _count(db, table) for table in _COUNTED}
        counts["issues"] = len(result.issues)
        counts["docs"] = documents
        meta = {
            "app": "factbot",
            "schema_version": str(SCHEMA_VERSION),
            "build_id": build_id,
            "built_at": built_at,
            **{f"count_{name}": str(n) for name, n in counts.items()},
        }
        await db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        await db.execute("COMMIT")
        if carry:
            await db.execute("DETACH DATABASE previous")
    return counts


_COUNTED: Final = ("articles", "sentences", "notes", "quotes", "figures", "glossary")
# The tables of an article copied by a carry-over, and the columns renumbered on the way:
# the article's position, and a document's number.
_CARRIED_TABLES: Final = (
    "articles",
    "sections",
    "notes",
    "sentences",
    "quotes",
    "figures",
    "glossary",
    "docs",
    "article_search",
)


async def _carried_any(db: aiosqlite.Connection, carry: object) -> bool:
    """Whether this build copied articles from the previous index (`temp.carry` has rows)."""
    if not carry:
        return False
    rows = list(
        await db.execute_fetchall("SELECT name FROM temp.sqlite_master WHERE name = 'carry'")
    )
    if not rows:
        return False
    return bool(list(await db.execute_fetchall("SELECT 1 FROM temp.carry LIMIT 1")))


async def _count(db: aiosqlite.Connection, table: str) -> int:
    rows = list(await db.execute_fetchall(f"SELECT COUNT(*) FROM {table}"))
    return int(rows[0][0])


async def _write_documents(
    db: aiosqlite.Connection,
    articles: Sequence[Article],
    carry: tuple[Path, frozenset[str]] | None,
) -> None:
    """Each article's search documents, numbered in index order: analysed, or copied.

    A carried article's rows (passages, documents, search share) are copied from the previous
    index with its position and its documents' numbers shifted to where it now stands.
    """
    old_pos: dict[str, int] = {}
    old_first: dict[int, int] = {}
    old_docs: dict[int, int] = {}
    if carry:
        old_pos = {
            str(r[1]): int(r[0])
            for r in await db.execute_fetchall("SELECT pos, id FROM previous.articles")
        }
        first = 0
        for pos, docs in await db.execute_fetchall(
            "SELECT article, docs FROM previous.article_search ORDER BY article"
        ):
            old_first[int(pos)], old_docs[int(pos)] = first, int(docs)
            first += int(docs)
        await db.execute(
            "CREATE TEMP TABLE carry (old INTEGER PRIMARY KEY, new INTEGER NOT NULL, "
            "shift INTEGER NOT NULL)"
        )
    moves = []
    first = 0
    for pos, article in enumerate(articles):
        if carry and article.id in carry[1]:
            was = old_pos.get(article.id)
            if was is None or was not in old_docs:
                raise IndexBuildError(f"article {article.id!r} is not in the previous index")
            moves.append((was, pos, first - old_first[was]))
            first += old_docs[was]
        else:
            first += await write_article(db, pos, article, first)
    if not moves:
        return
    await db.executemany("INSERT INTO temp.carry VALUES (?, ?, ?)", moves)
    for table in _CARRIED_TABLES:
        columns = [str(r[1]) for r in await db.execute_fetchall(f"PRAGMA main.table_info({table})")]
        key = "pos" if table == "articles" else "article"
        picked = [
            "c.new" if c == key else "t.doc + c.shift" if c == "doc" else f"t.{c}" for c in columns
        ]
        # Walk the carried articles in order and read each one's rows by its primary key (an
        # unforced plan may scan the id index and read the table at random); `docs`, keyed by
        # document, is read in order instead. Either way the new rows arrive in key order.
        joined = (
            "previous.docs AS t JOIN temp.carry AS c ON c.old = t.article"
            if table == "docs"
            else f"temp.carry AS c CROSS JOIN previous.{table} AS t ON t.{key} = c.old"
        )
        await db.execute(
            f"INSERT INTO main.{table} ({', '.join(columns)}) "
            f"SELECT {', '.join(picked)} FROM {joined}"
        )


_Item = TypeVar("_Item")


def _rows(
    articles: Sequence[tuple[int, Article]],
    items: Callable[[Article], Iterable[_Item]],
    fields: Callable[[_Item], tuple[Any, ...]],
) -> Iterator[tuple[Any, ...]]:
    """Rows `(article_pos, item_pos, *fields(item))` for every item of every article."""
    for article_pos, article in articles:
        for pos, item in enumerate(items(article)):
            yield (article_pos, pos, *fields(item))


def _dump(values: Iterable[object]) -> str:
    """Encode a tuple as the JSON list stored in a TEXT column."""
    return json.dumps(list(values), ensure_ascii=False)


def _fsync_path(path: Path) -> None:
    """Flush a file's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(built: Path, out: Path) -> None:
    """Put the finished file `built` in place of `out` in one step (readers see one or the other).

    The one swap of Factbot's index files: `os.replace`, atomic on POSIX and Windows alike, to
    be followed by `fsync_dir(out.parent)` off the event loop to make it durable.
    """
    built.replace(out)


def fsync_dir(directory: Path) -> None:
    """Flush a directory entry (the rename) to disk, where the platform allows it (best effort)."""
    leftovers.fsync(directory)


def _remove_temp(tmp: Path) -> None:
    """Remove a temp build file and any SQLite side files it may have."""
    for path in (tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def search_root(index: Path) -> Path:
    """The folder of the search generations of the index file at `index` (`<name>.search`).

    A reindex's staged file has its own, in the staging folder; `LiveIndex` moves the staged
    generation beside the live index's just before it swaps the file in.
    """
    return _root_of(index)


def retire_generations(index: Path, *, replaced: str | None = None) -> None:
    """After a swap: remove the generation of the index replaced, and stale leftovers.

    Only the generation the live index names is sure to stay (a process still serving the
    replaced one keeps its open files on POSIX, and rewrites a folder it finds missing).
    """
    search_index.remove_generations(
        search_root(index), keep=_named_generation(index), replaced=replaced
    )


def _named_generation(index: Path) -> str | None:
    """The build id (its generation's name) the index file at `index` names, if readable."""
    if not index.is_file():
        return None
    try:
        db = sqlite3.connect(index.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return str(rows[0][0]) if rows else None


def staging_prefix(out: Path) -> str:
    """The name prefix of a reindex's staging folder beside `out` (the pid and a tag follow)."""
    return f".{out.name}{_STAGING_MARK}"


def staged_for(staging: Path) -> Path | None:
    """The live index a file in a reindex's staging folder will replace, or None if not staged."""
    live = staging.parent.parent / staging.name
    return live if staging.parent.name.startswith(staging_prefix(live)) else None


def remove_stale_temp_files(out: Path) -> list[Path]:
    """Remove what killed builds left next to `out`; return what went.

    That is temp files (`{out.name}.tmp-{pid}-…`) and reindex staging folders
    (`.{out.name}.reindex-{pid}-…`). One is stale when the process named in it is gone, or when
    it is older than `STALE_TEMP_SECONDS`; those of live builds (this process's included) are
    left alone.
    """
    removed: list[Path] = []
    for path in out.parent.glob(glob.escape(out.name) + _TEMP_MARK + "*"):
        if leftovers.may_be_in_use(path, _pid_after(path.name, _TEMP_MARK)):
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:  # cleaning up must never stop a build
            log.warning("could not remove stale temp file %s: %s", path, exc)
            continue
        removed.append(path)
        log.info("removed stale temp file %s from an interrupted build", path)
    for path in out.parent.glob(glob.escape(staging_prefix(out)) + "*"):
        if not path.is_dir() or leftovers.may_be_in_use(path, _pid_after(path.name, _STAGING_MARK)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
        log.info("removed %s, left by a reindex that was interrupted", path)
    retire_generations(staged_for(out) or out)
    return removed


def _pid_after(name: str, mark: str) -> str:
    """The pid written after `mark` in a leftover's name (not necessarily digits)."""
    return name.rsplit(mark, 1)[-1].split("-", 1)[0]


# ---------------------------------------------------------------------------------------- load


async def index_info(path: Path) -> IndexInfo:
    """Read an index's metadata, checking it is a Factbot index of this schema version.

    Raises `IndexMissingError`, `IndexVersionError` or `IndexSchemaError`.
    """
    path = Path(path)
    async with _open_readonly(path) as db:
        return await _read_info(db, path)


async def index_stamp(path: Path) -> str | None:
    """Return the build id of the index at `path`; it changes on every build.

    None when the file is missing, unreadable, not a Factbot index, or of another schema
    version (nothing this Factbot could load).
    """
    try:
        info = await index_info(path)
    except (IndexStoreError, sqlite3.Error, OSError):
        return None
    return info.build_id


async def load_corpus(path: Path) -> Corpus:
    """Load the whole index at `path` into memory as a `Corpus`.

    Raises `IndexMissingError` when there is no file, `IndexVersionError` when it was built by
    another schema version, and `IndexSchemaError` when it is not a readable Factbot index.

    Do not return the corpus straight out of `asyncio.run(...)`: on CPython 3.11 `asyncio.run`
    can `repr()` the result of its main task when restoring the SIGINT handler, and the full
    dataclass repr of a large corpus costs seconds and hundreds of MB. Use it inside the
    coroutine, or keep it in a variable the coroutine fills.
    """
    corpus, _ = await load_index(path)
    return corpus


async def load_index(path: Path) -> tuple[Corpus, IndexInfo]:
    """Load the corpus and the metadata (build id included) in one read of the file.

    Use this rather than `index_stamp` followed by `load_corpus` when the stamp must belong to
    the corpus loaded: another process may replace the file between two separate reads.
    Raises as `load_corpus` does.
    """
    path = Path(path)
    async with _open_readonly(path) as db:
        info = await _read_info(db, path)
        try:
            return await _read_corpus(db, info), info
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            raise IndexSchemaError(f"index {path} is damaged: {exc}") from exc


async def previous_build(path: Path) -> tuple[dict[str, SeedFile], dict[str, Article]]:
    """What the index at `path` recorded of each seed file, and its articles' headers by id.

    The carry-over of an incremental build. The articles are headers: their metadata and
    sections, without passages (a build copies a carried article's rows inside SQLite, see
    `build_index`'s `carried`). Empty when there is no usable index (missing, of another schema
    version, damaged, or built before seed files were recorded): everything is then read again.
    Never raises for a bad index.
    """
    path = Path(path)
    try:
        async with _open_readonly(path) as db:
            await _read_info(db, path)
            rows = await db.execute_fetchall("SELECT name, digest, article, issues FROM seed_files")
            files = {
                str(r[0]): SeedFile(
                    name=str(r[0]),
                    digest=str(r[1]),
                    article=None if r[2] is None else str(r[2]),
                    issues=tuple(
                        IngestIssue(file=i[0], line=i[1], message=i[2], level=issue_level(i[3]))
                        for i in json.loads(r[3])
                    ),
                )
                for r in rows
            }
            if not files:
                return {}, {}
            headers = await _read_headers(db)
    except (
        IndexStoreError,
        sqlite3.Error,
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
    ) as exc:
        log.info("no carry-over from %s (%s); every seed file is read", path, exc)
        return {}, {}
    return files, {a.id: a for a in headers}


async def _read_headers(db: aiosqlite.Connection) -> list[Article]:
    """Every article's metadata and sections, in index order, without passages."""
    shared = _Interned()
    columns, make = _PARTS["sections"]
    sections = await _grouped(
        db, f"SELECT {columns} FROM sections ORDER BY article, pos", lambda r: make(r, shared)
    )
    return [
        article_of(row, {"sections": sections.get(row[0], [])}, shared)
        for row in await db.execute_fetchall(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY pos")
    ]


@contextlib.asynccontextmanager
async def _open_readonly(path: Path) -> AsyncIterator[aiosqlite.Connection]:
    """Open an index read-only, turning "no file" and "not SQLite" into domain errors."""
    if not path.exists():
        raise IndexMissingError(f"no index at {path}; build it with `python -m bot index`")
    if not path.is_file():
        raise IndexSchemaError(f"{path} is not a file, so not a Factbot index")
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        db = await aiosqlite.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise IndexSchemaError(f"cannot open index {path}: {exc}") from exc
    try:
        try:
            await db.execute("BEGIN")  # one consistent read of the whole file
        except sqlite3.Error as exc:
            raise IndexSchemaError(f"cannot read index {path}: {exc}") from exc
        yield db
    finally:
        await db.close()


async def _read_info(db: aiosqlite.Connection, path: Path) -> IndexInfo:
    """Check the file's marks and read its `meta` table."""
    try:
        app_rows = list(await db.execute_fetchall("PRAGMA application_id"))
        if not app_rows or app_rows[0][0] != APPLICATION_ID:
            raise IndexSchemaError(f"{path} is not a Factbot index")
        meta = {str(k): str(v) for k, v in await db.execute_fetchall("SELECT key, value FROM meta")}
    except sqlite3.Error as exc:
        raise IndexSchemaError(f"{path} is not a readable Factbot index: {exc}") from exc
    return info_of(meta, path)


def read_info(db: sqlite3.Connection, path: Path) -> IndexInfo:
    """`_read_info` on a synchronous connection."""
    try:
        app_rows = db.execute("PRAGMA application_id").fetchall()
        if not app_rows or app_rows[0][0] != APPLICATION_ID:
            raise IndexSchemaError(f"{path} is not a Factbot index")
        meta = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
    except sqlite3.Error as exc:
        raise IndexSchemaError(f"{path} is not a readable Factbot index: {exc}") from exc
    return info_of(meta, path)


def info_of(meta: dict[str, str], path: Path) -> IndexInfo:
    """Check an index's `meta` table (its schema version, its build id) and read it."""
    version_text = meta.get("schema_version", "")
    version = int(version_text) if version_text.isdigit() else None
    if version != SCHEMA_VERSION:
        raise IndexVersionError(path, version)
    if not meta.get("build_id"):
        raise IndexSchemaError(f"index {path} has no build id")
    counts = {
        key.removeprefix("count_"): int(value)
        for key, value in meta.items()
        if key.startswith("count_") and value.isdigit()
    }
    return IndexInfo(
        path=path,
        schema_version=version,
        build_id=meta["build_id"],
        built_at=meta.get("built_at", ""),
        counts=counts,
    )


class _Interned:
    """Strings that repeat across rows (sections, kinds, units, speakers, ids), shared."""

    def __init__(self) -> None:
        self._shared: dict[str, str] = {}

    def one(self, value: str) -> str:
        return self._shared.setdefault(value, value)

    def maybe(self, value: str | None) -> str | None:
        return None if value is None else self._shared.setdefault(value, value)


_Row = sqlite3.Row | tuple[Any, ...]

# Each table of an article's passages: the columns read (the article's position first) and how a
# row becomes a model object. Shared by the whole-corpus load and the per-article one.
_PARTS: Final[dict[str, tuple[str, Callable[[_Row, _Interned], Any]]]] = {
    "sections": ("article, title", lambda r, s: s.one(r[1])),
    "notes": (
        "article, number, text, url, accessed, refers_to, page",
        lambda r, s: Note(
            number=r[1], text=r[2], url=r[3], accessed=s.maybe(r[4]), refers_to=r[5], page=r[6]
        ),
    ),
    "sentences": (
        "article, id, text, section, paragraph, kind, notes, credit, line, page, speaker",
        lambda r, s: Sentence(
            id=s.one(r[1]),
            text=r[2],
            section=s.one(r[3]),
            paragraph=r[4],
            kind=_sentence_kind(s.one(r[5])),
            notes=_load_ints(r[6]),
            credit=s.maybe(r[7]),
            line=r[8],
            page=s.maybe(r[9]),
            speaker=s.maybe(r[10]),
        ),
    ),
    "quotes": (
        "article, id, text, speaker, kind, sentence, notes",
        lambda r, s: Quote(
            id=r[1],
            text=r[2],
            speaker=s.one(r[3]),
            kind=_quote_kind(s.one(r[4])),
            sentence=s.one(r[5]),
            notes=_load_ints(r[6]),
        ),
    ),
    "figures": (
        "article, text, value, unit, qualifier, kind, sentence, char_start, char_end",
        lambda r, s: Figure(
            text=r[1],
            value=r[2],
            unit=s.one(r[3]),
            qualifier=s.maybe(r[4]),
            kind=_figure_kind(s.one(r[5])),
            sentence=s.one(r[6]),
            start=r[7],
            end=r[8],
        ),
    ),
    "glossary": (
        "article, short, long",
        lambda r, s: GlossaryEntry(short=s.one(r[1]), long=s.one(r[2])),
    ),
}
ARTICLE_COLUMNS: Final = (
    "pos, id, title, source_file, subtitle, authors, series, translation, publication, date, "
    "url, language"
)


def article_of(row: _Row, parts: dict[str, list[Any]], shared: _Interned | None = None) -> Article:
    """An `Article` from its row of `ARTICLE_COLUMNS` and its passages by table (`_PARTS`)."""
    s = shared or _Interned()
    return Article(
        id=row[1],
        title=row[2],
        source_file=row[3],
        subtitle=row[4],
        authors=tuple(s.one(name) for name in _load_strs(row[5])),
        series=s.maybe(row[6]),
        translation=s.maybe(row[7]),
        publication=s.maybe(row[8]),
        date=row[9],
        url=row[10],
        language=s.maybe(row[11]),
        sections=tuple(parts.get("sections", ())),
        notes=tuple(parts.get("notes", ())),
        sentences=tuple(parts.get("sentences", ())),
        quotes=tuple(parts.get("quotes", ())),
        figures=tuple(parts.get("figures", ())),
        glossary=tuple(parts.get("glossary", ())),
    )


def read_article(db: sqlite3.Connection, pos: int) -> Article:
    """The article at position `pos` with all its passages, from an open index (synchronous)."""
    shared = _Interned()
    rows = db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE pos = ?", (pos,)).fetchall()
    if not rows:
        raise IndexSchemaError(f"the index has no article at position {pos}")
    parts = {
        table: [
            make(r, shared)
            for r in db.execute(
                f"SELECT {columns} FROM {table} WHERE article = ? ORDER BY pos", (pos,)
            )
        ]
        for table, (columns, make) in _PARTS.items()
    }
    return article_of(rows[0], parts, shared)


async def _read_corpus(db: aiosqlite.Connection, info: IndexInfo) -> Corpus:
    """Read every table and assemble the articles in their stored order.

    Each table's rows become model objects as soon as they are fetched (so only one table's raw
    rows are held at a time), and strings that repeat across rows are shared.
    """
    shared = _Interned()
    by_table = {
        table: await _grouped(
            db,
            f"SELECT {columns} FROM {table} ORDER BY article, pos",
            lambda r, make=make: make(r, shared),  # type: ignore[misc]
        )
        for table, (columns, make) in _PARTS.items()
    }
    articles = [
        article_of(row, {table: rows.get(row[0], []) for table, rows in by_table.items()}, shared)
        for row in await db.execute_fetchall(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY pos")
    ]
    issues = tuple(
        IngestIssue(file=shared.one(r[0]), line=r[1], message=r[2], level=issue_level(r[3]))
        for r in await db.execute_fetchall(
            "SELECT file, line, message, level FROM issues ORDER BY pos"
        )
    )
    vectors = await read_vectors(db)
    return Corpus(articles=tuple(articles), built_at=info.built_at, issues=issues, vectors=vectors)


async def _grouped(
    db: aiosqlite.Connection, sql: str, make: Callable[[_Row], _Item]
) -> dict[int, list[_Item]]:
    """Run `sql` (first column: the article's position); make an object of each row, by article."""
    groups: dict[int, list[_Item]] = defaultdict(list)
    async with db.execute(sql) as cursor:
        while rows := await cursor.fetchmany(_FETCH_ROWS):
            for row in rows:
                groups[row[0]].append(make(row))
    return groups


def _load_ints(text: str) -> tuple[int, ...]:
    """Decode a stored JSON list of note numbers."""
    if text == "[]":
        return ()
    values = json.loads(text)
    if not isinstance(values, list) or not all(isinstance(v, int) for v in values):
        raise ValueError(f"expected a list of numbers, got {text!r}")
    return tuple(values)


def _load_strs(text: str) -> list[str]:
    """Decode a stored JSON list of strings."""
    values = json.loads(text)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"expected a list of strings, got {text!r}")
    return values


def _one_of(value: object, allowed: frozenset[str], what: str) -> object:
    """`value` if it is one of a `Literal`'s values (the schema's CHECK ensures it), else raise."""
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}")
    return value


def _sentence_kind(value: object) -> SentenceKind:
    """Check a stored sentence kind against its `Literal`."""
    return cast(SentenceKind, _one_of(value, _SENTENCE_KINDS, "sentence kind"))


def _quote_kind(value: object) -> QuoteKind:
    """Check a stored quote kind."""
    return cast(QuoteKind, _one_of(value, _QUOTE_KINDS, "quote kind"))


def _figure_kind(value: object) -> FigureKind:
    """Check a stored figure kind."""
    return cast(FigureKind, _one_of(value, _FIGURE_KINDS, "figure kind"))


def issue_level(value: object) -> IssueLevel:
    """Check a stored issue level."""
    return cast(IssueLevel, _one_of(value, _ISSUE_LEVELS, "issue level"))
