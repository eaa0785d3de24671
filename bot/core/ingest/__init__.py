"""Ingestion: read seed articles (.txt, .md) into `Article`s, reporting what went wrong.

`read_seeds` reads every supported file of a folder, sorted by name; `read_article` reads one.
Problems become `IngestIssue`s naming the file (and line): one bad file never stops the
others, and nothing here raises on bad input. This package never writes files, never touches
the index and never reads a clock.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from bot.core.ingest.article import build_article
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


def decode(data: bytes, file: str) -> tuple[str | None, list[IngestIssue]]:
    """Decode a seed file's bytes: UTF-8 (BOM allowed), UTF-16 with BOM, else cp1252 + warning.

    Empty and binary (NUL bytes) files give an error and no text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return None, [IngestIssue(file, "invalid UTF-16 text; skipped", level="error")]
    if not data.strip():
        return None, [IngestIssue(file, "empty file; skipped", level="error")]
    if b"\x00" in data:
        return None, [IngestIssue(file, "binary file (contains NUL bytes); skipped",
                                  level="error")]
    issues: list[IngestIssue] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        issues.append(IngestIssue(file, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                                        "read as cp1252, check the characters", line))
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [IngestIssue(file, "empty file; skipped", level="error")]
    return text, issues


def read_article(path: Path) -> tuple[Article | None, list[IngestIssue]]:
    """Read one seed file (and its sidecar `NAME.toml`) into an Article, with its issues."""
    label = _label(path)
    reader = reader_for(path.suffix)
    if reader is None:
        return None, [IngestIssue(label, f"unsupported file type {path.suffix!r}; skipped")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [IngestIssue(label, f"cannot read file: {exc.strerror or exc}",
                                  level="error")]
    text, issues = decode(data, label)
    if text is None:
        return None, issues
    sidecar, sidecar_issues = read_sidecar(path, label)
    issues.extend(sidecar_issues)
    try:
        article, more = build_article(path.stem, label, text, reader, sidecar)
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
