"""The index model: what ingestion produces and what the store and search read.

Plain, frozen dataclasses with no behaviour beyond small lookups. This module must never import
Discord, SQL or anything that does I/O: it is the contract between the pipeline's steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

SentenceKind = Literal["body", "lead", "caption", "bio"]
QuoteKind = Literal["direct", "pull"]
FigureKind = Literal[
    "count", "amount", "percent", "fraction", "ordinal", "duration", "year", "date"
]

FACT_KINDS: tuple[SentenceKind, ...] = ("body", "lead", "caption", "bio")


@dataclass(frozen=True, slots=True)
class Note:
    """One entry of an article's notes list.

    `refers_to` and `page` are set for cross-references ("Ibid.", "Dresen 2023, n. 6, p. 4."):
    the note they point at and the page they add.
    """

    number: int
    text: str
    url: str | None = None
    accessed: str | None = None  # ISO date (YYYY-MM-DD) of the "[5 Jan 2024]" access stamp
    refers_to: int | None = None
    page: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, in reading order, with the notes it cites.

    `text` keeps the article's wording without footnote markers. `paragraph` numbers paragraphs
    across the article; `section` is the heading it sits under ("" for the untitled
    introduction). `credit` is set on captions only (the photo credit, kept apart from the text).
    `speaker` is set on a transcript turn's sentences: they are that speaker's words, never the
    article author's.
    `page` is set for paged formats (PDF, print exports with page markers).
    """

    id: str
    text: str
    section: str
    paragraph: int
    kind: SentenceKind = "body"
    notes: tuple[int, ...] = ()
    credit: str | None = None
    line: int = 0  # 1-based line in the source file where the sentence starts
    page: str | None = None  # page the sentence starts on, as cited ("7"); None without pages
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotable unit: a direct quotation with its speaker, or a pull quote.

    `sentence` is the id of the body sentence the quote sits in (direct) or repeats (pull).
    """

    id: str
    text: str
    speaker: str
    kind: QuoteKind
    sentence: str
    notes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a sentence: what it counts, its qualifier and its numeric value.

    `start` and `end` are character offsets of `text` inside the sentence's text (or, for a
    figure found in a note, inside the note's text, with `sentence` set to "note:N").
    """

    text: str
    value: float
    unit: str
    qualifier: str | None
    kind: FigureKind
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An acronym the article defines, e.g. NMI → NATO Mission Iraq."""

    short: str
    long: str


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested article with everything the index holds about it."""

    id: str
    title: str
    source_file: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    series: str | None = None
    translation: str | None = None  # e.g. "translated from German"
    publication: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    sections: tuple[str, ...] = ()
    # Kept out of repr: asyncio.run (3.11) and logging repr results, and these can be huge.
    notes: tuple[Note, ...] = field(default=(), repr=False)
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    quotes: tuple[Quote, ...] = field(default=(), repr=False)
    figures: tuple[Figure, ...] = field(default=(), repr=False)
    glossary: tuple[GlossaryEntry, ...] = field(default=(), repr=False)

    def note(self, number: int) -> Note | None:
        """Return the note with this number, if the notes list has it."""
        for note in self.notes:
            if note.number == number:
                return note
        return None


@dataclass(frozen=True, slots=True)
class IngestIssue:
    """A warning or error met while reading a seed file, naming the file and line."""

    file: str
    message: str
    line: int | None = None
    level: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.level}: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class WordVectors:
    """Word vectors stored with an index, for search's semantic signal (see search/semantic.py).

    `words` are lowercase; `blob` holds `len(words) × dims` little-endian float16 values, row by
    row, each row of unit length; `source` names where they come from (e.g. "glove-6b-50d").
    """

    words: tuple[str, ...] = field(repr=False)
    dims: int
    blob: bytes = field(repr=False)
    source: str = ""


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every article of one index, as search and the briefing read it.

    `articles` is a tuple when built in memory, or a `bot.core.library.LazyArticles` read from a
    persisted index (each article loaded when first asked for): index it or iterate it, and
    prefer `article(id)` to scanning it.
    """

    articles: Sequence[Article] = ()
    built_at: str = ""  # ISO timestamp of the build, from the index metadata
    issues: tuple[IngestIssue, ...] = field(default=())
    vectors: WordVectors | None = None  # None: search is lexical only

    def __repr__(self) -> str:
        # Compact on purpose: asyncio.run (3.11) reprs its result, and a full corpus is huge.
        return (
            f"Corpus({len(self.articles)} articles, {len(self.issues)} issues, "
            f"built_at={self.built_at!r})"
        )

    def article(self, article_id: str) -> Article | None:
        """Return the article with this id, if the corpus has it."""
        position = getattr(self.articles, "position", None)
        if position is not None:  # a lazy corpus knows where each id is without loading any
            found = position(article_id)
            return None if found is None else self.articles[found]
        for article in self.articles:
            if article.id == article_id:
                return article
        return None
