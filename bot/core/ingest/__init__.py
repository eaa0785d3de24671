"""Ingestion: read seed articles (.txt, .md, any format a reader knows) into `Article`s.

`read_seeds` reads every supported file of a folder, sorted by name; `read_article` reads one.
Problems become `IngestIssue`s naming the file (and line): one bad file never stops the
others, and nothing here raises on bad input. This package never writes files, never touches
the index and never reads a clock.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.ingest.article import build_article
from bot.core.ingest.budget import Deadline, TimeBudgetExceeded
from bot.core.ingest.decoding import decode
from bot.core.ingest.formats import reader_for
from bot.core.ingest.metadata import read_sidecar
from bot.core.model import Article, IngestIssue

__all__ = [
    "DEFAULT_BUDGET",
    "FileReader",
    "IngestBudget",
    "IngestResult",
    "Progress",
    "decode",
    "read_article",
    "read_seeds",
]


@dataclass(frozen=True)
class IngestResult:
    """Every article read from a folder, and every issue met on the way."""

    articles: tuple[Article, ...]
    issues: tuple[IngestIssue, ...]


def _label(path: Path) -> str:
    """How a file is named in issues and `Article.source_file`: "folder/name" (portable)."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


@dataclass(frozen=True)
class IngestBudget:
    """What one file may cost: its size in bytes and its ingest time in seconds.

    A file past either is skipped with a warning naming it; the others go on. `clock` is a
    monotonic timer (seconds) used only to measure that time, never to read a date.
    """

    max_bytes: int = 20_000_000
    max_seconds: float = 60.0
    clock: Callable[[], float] = time.monotonic


DEFAULT_BUDGET = IngestBudget()


def _regular_file(path: Path, folder: Path) -> str | None:
    """Why a folder entry may not be read (a link, a FIFO, a device...), or None if it may."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot inspect: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(info.st_mode)
            else "a directory"
            if stat.S_ISDIR(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "a device or special file"
        )
        return f"is {kind}, not a regular file"
    if path.resolve().parent != folder.resolve():
        return "lies outside the seeds folder"
    return None


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read at most `limit` + 1 bytes without following a link or blocking on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_article(
    path: Path,
    budget: IngestBudget = DEFAULT_BUDGET,
) -> tuple[Article | None, list[IngestIssue]]:
    """Read one seed file (and its sidecar `NAME.toml`) into an Article, with its issues."""
    label = _label(path)
    try:
        data = _read_bytes(path, budget.max_bytes)
    except OSError as exc:
        return None, [IngestIssue(label, f"cannot read file: {exc.strerror or exc}", level="error")]
    if len(data) > budget.max_bytes:
        return None, [
            IngestIssue(
                label,
                f"file is larger than the {budget.max_bytes:,}-byte limit per file; skipped",
                level="error",
            )
        ]
    reader = reader_for(path.suffix, data[:4096])
    if reader is None:
        return None, [IngestIssue(label, f"unsupported file type {path.suffix!r}; skipped")]
    deadline = Deadline(budget.clock, budget.max_seconds)
    try:
        document, issues = reader.read(data, label)
        deadline.check()
    except TimeBudgetExceeded:
        return None, [_too_slow(label, budget)]
    except Exception as exc:  # a reader bug on one odd file must never stop the others
        return None, [
            IngestIssue(label, f"could not read: {type(exc).__name__}: {exc}", level="error")
        ]
    if document is None:
        return None, issues
    sidecar, sidecar_issues = read_sidecar(path, label)
    issues.extend(sidecar_issues)
    try:
        article, more = build_article(path.stem, label, document, sidecar, deadline=deadline)
    except TimeBudgetExceeded:
        return None, [*issues, _too_slow(label, budget)]
    except Exception as exc:  # one bad article must never stop the others
        return None, [
            *issues,
            IngestIssue(label, f"could not ingest: {type(exc).__name__}: {exc}", level="error"),
        ]
    return article, issues + more


def _too_slow(label: str, budget: IngestBudget) -> IngestIssue:
    return IngestIssue(
        label,
        f"ingesting took longer than the {budget.max_seconds:g} s limit per file; skipped",
        level="error",
    )


FileReader = Callable[[Path, IngestBudget], tuple[Article | None, list[IngestIssue]]]
"""Reads one seed file into its article and issues (`read_article`, or a caller's own)."""

Progress = Callable[[int, int], None]
"""Told how far a folder's reading is: (article files done, article files in all)."""


def read_seeds(
    folder: Path,
    budget: IngestBudget = DEFAULT_BUDGET,
    *,
    read: FileReader = read_article,
    progress: Progress | None = None,
) -> IngestResult:
    """Read every article of a folder, sorted by file name.

    Only regular files directly inside the folder are read (links, FIFOs and devices are
    skipped with a warning naming them); a file is read by its suffix or, for an unknown suffix,
    by what its content shows; `budget` bounds each file's size and ingest time. `read` reads
    one file (an incremental build passes one that carries unchanged files over). `progress`
    is told (files done, files in all) before the first article file and after each one.
    """
    if not folder.is_dir():
        return IngestResult((), (IngestIssue(str(folder), "seed folder not found", level="error"),))
    articles: list[Article] = []
    issues: list[IngestIssue] = []
    files: list[Path] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        why = _regular_file(path, folder)
        if why is not None:
            if why != "is a directory, not a regular file":
                issues.append(IngestIssue(_label(path), f"{why}; skipped"))
            continue
        files.append(path)
    stems = {p.stem for p in files if p.suffix.lower() != ".toml"}
    total = sum(1 for p in files if p.suffix.lower() != ".toml")
    done = 0
    if progress is not None:
        progress(done, total)
    seen: dict[str, str] = {}
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".toml":
            if path.stem not in stems:
                issues.append(
                    IngestIssue(_label(path), "sidecar has no article beside it; ignored")
                )
            continue
        if path.stem in seen:
            issues.append(
                IngestIssue(
                    _label(path),
                    f"article id {path.stem!r} already read from {seen[path.stem]}; skipped",
                    level="error",
                )
            )
        else:
            article, found = read(path, budget)
            issues.extend(found)
            if article is not None:
                seen[path.stem] = _label(path)
                articles.append(article)
        done += 1
        if progress is not None:
            progress(done, total)
    return IngestResult(tuple(articles), tuple(issues))
