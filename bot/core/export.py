"""The JSON export of an index: every article with everything ingestion found in it.

`export_corpus` turns a `Corpus` into plain dicts and lists, ready for `json.dumps`;
`export_json_chunks` yields the same JSON text article by article. Both are pure and
deterministic: the same articles give the same output, byte for byte, on any machine. This module
must therefore never include the build time or build id, absolute paths, or anything that depends
on dict or set iteration order; and, being core, it never reads a file, a clock or a database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from bot.core.model import (
    Article,
    Corpus,
    Figure,
    GlossaryEntry,
    IngestIssue,
    Note,
    Quote,
    Sentence,
)


def export_corpus(corpus: Corpus) -> dict[str, Any]:
    """Return the whole corpus as JSON-ready data, articles in corpus order.

    Ingest issues that belong to an article's source file are listed under that article; the
    rest (files that yielded no article) go in a top-level "issues" list.
    """
    articles, leftover = _split_issues(corpus)
    return {
        "articles": [_article(article, issues) for article, issues in articles],
        "issues": leftover,
    }


def export_json_chunks(corpus: Corpus) -> Iterator[str]:
    """Yield the export as JSON text, one article at a time, to write out as it comes.

    Joined, the chunks equal `json.dumps(export_corpus(corpus), ensure_ascii=False, indent=2)`
    exactly; only one article's data is held at a time, so a large corpus can be exported
    without building the whole structure first.
    """
    articles, leftover = _split_issues(corpus)
    if not articles:
        yield _dumps(export_corpus(corpus))
        return
    yield '{\n  "articles": [\n'
    for n, (article, issues) in enumerate(articles):
        yield ("" if n == 0 else ",\n") + _indented(_dumps(_article(article, issues)), "    ")
    yield '\n  ],\n  "issues": ' + _indented(_dumps(leftover), "  ").removeprefix("  ") + "\n}"


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _indented(text: str, prefix: str) -> str:
    """Indent every line of JSON text (JSON strings never hold a raw newline)."""
    return "\n".join(prefix + line for line in text.split("\n"))


def _split_issues(
    corpus: Corpus,
) -> tuple[list[tuple[Article, list[IngestIssue]]], list[dict[str, Any]]]:
    """Pair each article with the issues of its file; export the rest, sorted by file and line."""
    by_file: dict[str, list[IngestIssue]] = {}
    for issue in corpus.issues:
        by_file.setdefault(seeds_name(issue.file), []).append(issue)
    articles = [
        (article, by_file.pop(seeds_name(article.source_file), [])) for article in corpus.articles
    ]
    leftover = [issue for issues in by_file.values() for issue in issues]
    leftover.sort(key=lambda i: (seeds_name(i.file), i.line or 0))
    return articles, [_issue(i) for i in leftover]


def seeds_name(source_file: str) -> str:
    """Return a seed file's name relative to the seeds folder, whatever path ingestion recorded.

    The seeds folder is flat, so this is the file's name: `/home/x/seeds/a.txt` → `a.txt`.
    Slash and backslash separators both work, so the result does not depend on the machine.
    """
    name = PurePosixPath(source_file).name
    return PureWindowsPath(name).name if "\\" in name else name


def _article(article: Article, issues: list[IngestIssue]) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "series": article.series,
        "translation": article.translation,
        "publication": article.publication,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        "source_file": seeds_name(article.source_file),
        "sections": list(article.sections),
        "notes": [_note(n) for n in article.notes],
        "sentences": [_sentence(s) for s in article.sentences],
        "quotes": [_quote(q) for q in article.quotes],
        "figures": [_figure(f) for f in article.figures],
        "glossary": [_glossary(g) for g in article.glossary],
        "issues": [_issue(i) for i in issues],
    }


def _note(note: Note) -> dict[str, Any]:
    return {
        "number": note.number,
        "text": note.text,
        "url": note.url,
        "accessed": note.accessed,
        "refers_to": note.refers_to,
        "page": note.page,
    }


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "id": sentence.id,
        "text": sentence.text,
        "section": sentence.section,
        "kind": sentence.kind,
        "notes": list(sentence.notes),
        "paragraph": sentence.paragraph,
        "line": sentence.line,
        "page": sentence.page,
        "credit": sentence.credit,
        "speaker": sentence.speaker,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "text": quote.text,
        "speaker": quote.speaker,
        "kind": quote.kind,
        "notes": list(quote.notes),
        "sentence": quote.sentence,
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "text": figure.text,
        "value": float(figure.value),  # 600 and 600.0 export alike
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "sentence": figure.sentence,
        "kind": figure.kind,
        "start": figure.start,
        "end": figure.end,
    }


def _glossary(entry: GlossaryEntry) -> dict[str, Any]:
    return {"short": entry.short, "long": entry.long}


def _issue(issue: IngestIssue) -> dict[str, Any]:
    return {
        "file": seeds_name(issue.file),
        "line": issue.line,
        "level": issue.level,
        "message": issue.message,
    }
