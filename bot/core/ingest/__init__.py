"""Ingestion: read seed articles (.txt, .md) into `Article`s, reporting what went wrong.

`read_seeds` reads every supported file of a folder, sorted by name; `read_article` reads one.
Problems become `IngestIssue`s naming the file (and line): one bad file never stops the
others, and nothing here raises on bad input. This package never writes files, never touches
the index and never reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.core.ingest.article import build_article
from bot.core.ingest.decoding import decode
from bot.core.ingest.formats import reader_for, supported_suffixes
from bot.core.ingest.metadata import read_sidecar
from bot.core.model import Article, IngestIssue

__all__ = ["IngestResult", "decode", "read_article", "read_seeds"]


@dataclass(frozen=True)
class IngestResult:
    """Every article read from a folder, and every issue met on the way."""

    articles: tuple[Article, ...]
    issues: tuple[IngestIssue, ...]


def _label(path: Path) -> str:
    """How a file is named in issues and `Article.source_file`: "folder/name" (portable)."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def read_article(path: Path) -> tuple[Article | None, list[IngestIssue]]:
    """Read one seed file (and its sidecar `NAME.toml`) into an Article, with its issues."""
    label = _label(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [IngestIssue(label, f"cannot read file: {exc.strerror or exc}",
                                  level="error")]
    reader = reader_for(path.suffix, data[:4096])
    if reader is None:
        return None, [IngestIssue(label, f"unsupported file type {path.suffix!r}; skipped")]
    try:
        document, issues = reader.read(data, label)
    except Exception as exc:  # a reader bug on one odd file must never stop the others
        return None, [IngestIssue(label, f"could not read: {type(exc).__name__}: {exc}",
                                  level="error")]
    if document is None:
        return None, issues
    sidecar, sidecar_issues = read_sidecar(path, label)
    issues.extend(sidecar_issues)
    try:
        article, more = build_article(path.stem, label, document, sidecar)
    except Exception as exc:  # one bad article must never stop the others
        return None, [*issues, IngestIssue(label, f"could not ingest: {type(exc).__name__}: "
                                                  f"{exc}", level="error")]
    return article, issues + more


def read_seeds(folder: Path) -> IngestResult:
    """Read every .txt/.md article in a folder, sorted by file name."""
    if not folder.is_dir():
        return IngestResult((), (IngestIssue(str(folder), "seed folder not found",
                                             level="error"),))
    suffixes = supported_suffixes()
    files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
                   key=lambda p: p.name)
    stems = {p.stem for p in files if p.suffix.lower() in suffixes}
    articles: list[Article] = []
    issues: list[IngestIssue] = []
    seen: dict[str, str] = {}
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".toml":
            if path.stem not in stems:
                issues.append(IngestIssue(_label(path), "sidecar has no article beside it; "
                                                        "ignored"))
            continue
        if suffix not in suffixes:
            issues.append(IngestIssue(_label(path), f"unsupported file type {path.suffix!r}; "
                                                    "skipped"))
            continue
        if path.stem in seen:
            issues.append(IngestIssue(_label(path), f"article id {path.stem!r} already read "
                                                    f"from {seen[path.stem]}; skipped",
                                      level="error"))
            continue
        article, found = read_article(path)
        issues.extend(found)
        if article is not None:
            seen[path.stem] = _label(path)
            articles.append(article)
    return IngestResult(tuple(articles), tuple(issues))
