"""Incremental reading of the seeds folder: an unchanged file is not read again.

A file is unchanged when its digest (the ingest fingerprint, the file's bytes and its sidecar's)
equals the one the previous index recorded for it (`index_db.SeedFile`); its article and its
issues are then carried over from that index instead of being parsed again. The fingerprint
hashes the ingest code itself, the search analysis whose terms the index stores for each article
(bot/core/search) and `READER_VERSION`, so any change to how files are read or analysed makes
every digest differ and everything is read again; a schema change does too (the previous index
no longer loads, so there is nothing to carry over).

The folder is walked by `read_seeds` itself (hidden names, links, sidecars, duplicate ids), with
a per-file reader that carries unchanged files over, so the result equals a full read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

import bot.core.ingest
import bot.core.model
from bot.core.ingest import (
    DEFAULT_BUDGET,
    IngestBudget,
    IngestResult,
    Progress,
    read_article,
    read_seeds,
)
from bot.core.model import Article, IngestIssue
from bot.store.index_db import SeedFile

READER_VERSION: Final = "1"
"""Bump to make every build read every file again (say, after a parsing library's upgrade)."""

_CHUNK: Final = 1 << 20

Reader = Callable[[Path], tuple[Article | None, list[IngestIssue]]]


@dataclass(frozen=True)
class IncrementalRead:
    """What reading a folder against a previous build gave, and which files were parsed."""

    result: IngestResult
    files: tuple[SeedFile, ...]
    read: tuple[str, ...]
    """Names of the files parsed (new, changed, or not carried over for another reason)."""
    carried: int
    """How many files were carried over from the previous build unread."""
    carried_ids: frozenset[str] = frozenset()
    """The ids of the articles carried over (headers in `result`, to copy from the index)."""


@lru_cache(maxsize=1)
def ingest_fingerprint() -> str:
    """A hash of `READER_VERSION`, the ingest code, the model it builds and the search analysis.

    The search analysis counts: the terms stored for each article are carried over with it.
    """
    digest = hashlib.sha256(f"factbot-reader:{READER_VERSION}\0".encode())
    core = Path(bot.core.model.__file__).parent
    sources = sorted(
        p
        for package in (core / "ingest", core / "search")
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    for path in [*sources, Path(bot.core.model.__file__)]:
        digest.update(path.relative_to(core).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path, fingerprint: str, *, max_bytes: int = DEFAULT_BUDGET.max_bytes) -> str:
    """The digest of a seed file with its sidecar; "" when it cannot be hashed (then: read it)."""
    digest = hashlib.sha256(fingerprint.encode() + b"\0")
    if not _hash_file(digest, path, max_bytes):
        return ""
    sidecar = path.with_suffix(".toml")
    try:
        mode = sidecar.lstat().st_mode
    except FileNotFoundError:
        digest.update(b"\0no sidecar")
        return digest.hexdigest()
    except OSError:
        return ""
    digest.update(b"\0sidecar\0")
    if stat.S_ISREG(mode):
        if not _hash_file(digest, sidecar, max_bytes):
            return ""
    else:
        digest.update(f"mode {mode}".encode())
    return digest.hexdigest()


def _hash_file(digest: hashlib._Hash, path: Path, max_bytes: int) -> bool:
    """Feed a regular file's bytes to `digest`; False when it is unreadable or too large."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return False
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def read_seeds_incrementally(
    folder: Path,
    previous: Mapping[str, SeedFile],
    articles: Mapping[str, Article],
    *,
    read: Reader | None = None,
    budget: IngestBudget = DEFAULT_BUDGET,
    progress: Progress | None = None,
) -> IncrementalRead:
    """Read `folder` with `read_seeds`, carrying over the files `previous` shows unchanged.

    `previous` and `articles` are what the previous index recorded (`index_db.previous_build`:
    articles as headers, whose passages the build copies from that index); `read` parses one
    file (default: ingestion's `read_article`); `progress` is told how many files are done (read
    or carried over).
    """
    parse: Reader = read or (lambda path: read_article(path, budget))
    fingerprint = ingest_fingerprint()
    records: list[SeedFile] = []
    parsed: list[str] = []
    carried = 0
    carried_ids: set[str] = set()

    def read_or_carry(path: Path, _: IngestBudget) -> tuple[Article | None, list[IngestIssue]]:
        nonlocal carried
        digest = file_digest(path, fingerprint, max_bytes=budget.max_bytes)
        before = previous.get(path.name)
        article: Article | None
        if (
            digest
            and before is not None
            and before.digest == digest
            and (before.article is None or before.article in articles)
        ):
            article = None if before.article is None else articles[before.article]
            file_issues = list(before.issues)
            carried += 1
            if article is not None:
                carried_ids.add(article.id)
        else:
            article, file_issues = parse(path)
            parsed.append(path.name)
        if digest:
            records.append(
                SeedFile(
                    name=path.name,
                    digest=digest,
                    article=None if article is None else article.id,
                    issues=tuple(file_issues),
                )
            )
        return article, file_issues

    result = read_seeds(folder, budget, read=read_or_carry, progress=progress)
    kept = {a.id for a in result.articles}
    return IncrementalRead(
        result=result,
        files=tuple(records),
        read=tuple(parsed),
        carried=carried,
        carried_ids=frozenset(carried_ids & kept),
    )
