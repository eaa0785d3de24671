"""What the searcher derives from the articles: its documents, vocabulary and tantivy index.

Every sentence, quote and note statement of an article becomes one search document (`DocInfo`:
its text, kind, the sentence it anchors to, its analysed terms, its figures). `article_docs`
derives them for one article, with the article's share of the vocabulary, glossary, speakers
and starter suggestions (`ArticleTerms`); `merge` adds those shares up for a whole corpus. The
store computes them once at build time and keeps them (an unchanged article's are carried over
by the next build); `prepare_in_memory` does it all in memory, for a corpus that was never
stored. Either way the searcher gets a `PreparedIndex`.

Pure apart from tantivy (whose index may live in a folder the caller names): no SQL.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple, Protocol

import tantivy

from bot.core.answers import Command
from bot.core.model import Article, Corpus, Figure
from bot.core.search.acronyms import defined_acronyms
from bot.core.search.query import Glossary
from bot.core.search.text import analyse, note_statement_span, terms
from bot.core.search.vocabulary import Vocabulary

FACT, QUOTE_UNIT = 0, 1  # tantivy "group" values: sentences, quotes (direct and pull)
SENTENCE, QUOTE, NOTE = 0, 1, 2  # what a document number points at
PREVIEW_CHARS = 100
STARTERS = 25  # starter suggestions kept per command (autocomplete shows at most 25)
WRITER_HEAP = 64_000_000

GlossaryPairs = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


class DocInfo(NamedTuple):
    """One search document: what ranking reads of it, without loading its article.

    A named tuple: a query reads ~100 of them from the store, and a tuple is made 10× faster
    than a frozen dataclass.
    """

    what: int  # SENTENCE, QUOTE or NOTE
    position: int  # in the article's sentences, quotes or notes
    group: int  # FACT or QUOTE_UNIT
    text: str  # a note's: its statement
    kind: str  # the sentence's or quote's kind, or "note"
    anchor: str  # the sentence id it stands for (a quote's sentence; "note:N" for a note)
    paragraph: int  # a sentence's paragraph; -1 for quotes and notes
    terms: list[str]  # analysed terms, then extra ones (a quote's speaker)
    figures: tuple[Figure, ...]
    people: tuple[str, ...]  # who speaks in it: a quote's speaker, else the article's authors
    section: str = ""  # the heading it stands under (a quote's: its sentence's)
    speaker: str | None = None  # a transcript sentence's speaker, a quote's speaker
    notes: tuple[int, ...] = ()  # the notes a sentence or quote carries


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """An article's share of what search holds for the whole corpus (summed by `merge`)."""

    documents: int
    term_df: dict[str, int]  # in how many of its documents each term occurs
    word_df: dict[str, int]  # the same for lowercase words
    glossary: GlossaryPairs
    speakers: tuple[str, ...]
    authors: tuple[str, ...]
    phrases: tuple[str, ...]  # starter phrases: glossary entries and section titles
    quote_lines: tuple[str, ...]  # starter quotes: "speaker: text"


@dataclass(frozen=True, slots=True)
class Merged:
    """The corpus-wide part of search: vocabulary, glossary, people, starter suggestions."""

    vocabulary: Vocabulary
    glossary: Glossary
    speakers: list[str]
    people: list[str]
    starters: dict[Command, list[str]]


class Documents(Protocol):
    """The search documents by number (in memory, or read from the store on demand)."""

    def info(self, doc: int) -> DocInfo:
        """Document `doc`."""
        ...

    def prefetch(self, docs: Iterable[object]) -> None:
        """Make the given documents quick to read (one read for all of a query's candidates)."""
        ...

    def context(self, doc: int, article_no: int, header: Article) -> tuple[Article, int]:
        """What a hit of `doc` cites and quotes, and where the document sits in it.

        The article (`header`, the metadata of article `article_no`) with its notes and at
        least the sentences of the document's paragraph (or its quote's), and the document's
        index in its `sentences`, `quotes` or `notes`.
        """
        ...


@dataclass(frozen=True, slots=True)
class PreparedIndex:
    """Everything the searcher needs besides the articles themselves."""

    index: tantivy.Index
    doc_article: array[int]
    doc_what: array[int]
    doc_position: array[int]
    documents: Documents
    merged: Merged


class MemoryDocuments:
    """Documents held in a list (a corpus searched without a persisted index)."""

    def __init__(self, docs: list[DocInfo], articles: Sequence[Article]) -> None:
        self._docs = docs
        self._articles = articles

    def context(self, doc: int, article_no: int, header: Article) -> tuple[Article, int]:
        """The whole article, and the document's position in it."""
        return self._articles[article_no], self._docs[doc].position

    def info(self, doc: int) -> DocInfo:
        """Document `doc`."""
        return self._docs[doc]

    def prefetch(self, docs: Iterable[object]) -> None:
        """Nothing to do: every document is in memory."""


# ---------------------------------------------------------------------------- one article


def article_docs(article: Article) -> tuple[list[DocInfo], ArticleTerms]:
    """The search documents of one article, and its share of the corpus-wide data."""
    figures_of: dict[str, list[Figure]] = {}
    for figure in article.figures:
        figures_of.setdefault(figure.sentence, []).append(figure)
    term_df: Counter[str] = Counter()
    word_df: Counter[str] = Counter()
    docs: list[DocInfo] = []

    Fields = tuple[str, str, int, tuple[Figure, ...], tuple[str, ...]]
    Place = tuple[str, str | None, tuple[int, ...]]  # section, speaker, notes

    def add(
        what: int,
        position: int,
        group: int,
        text: str,
        extra: list[str],
        fields: Fields,
        place: Place = ("", None, ()),
        shown: list[str] | None = None,  # the extra terms' words, when shown with the text
    ) -> None:
        doc_terms, doc_words = analyse(text)
        if shown is not None:  # words a user reads with the passage are words of the corpus
            doc_words = doc_words + shown
        term_df.update(set(doc_terms) | (set(extra) if shown is not None else set()))
        word_df.update({w.lower() for w in doc_words if w[:1].isalpha()})
        kind, anchor, paragraph, figures, people = fields
        docs.append(
            DocInfo(
                what, position, group, text, kind, anchor, paragraph,
                doc_terms + extra, figures, people, *place,
            )
        )  # fmt: skip

    sections = {s.id: s.section for s in article.sentences}
    for position, sentence in enumerate(article.sentences):
        found = tuple(figures_of.get(sentence.id, ()))
        fields: Fields = (sentence.kind, sentence.id, sentence.paragraph, found, article.authors)
        place: Place = (sentence.section, sentence.speaker, sentence.notes)
        # a caption's credit is shown with it, so its words find it ("source of the chart")
        credit, credit_words = analyse(sentence.credit) if sentence.credit else ([], [])
        add(SENTENCE, position, FACT, sentence.text, credit, fields, place, shown=credit_words)
    for position, quote in enumerate(article.quotes):
        # a pull quote's wording differs from its sentence: the figures' offsets don't apply
        found = () if quote.kind == "pull" else tuple(figures_of.get(quote.sentence, ()))
        speaker = (quote.speaker,) if quote.speaker else ()
        fields = (quote.kind, quote.sentence, -1, found, speaker)
        place = (sections.get(quote.sentence, ""), quote.speaker or None, quote.notes)
        add(QUOTE, position, QUOTE_UNIT, quote.text, terms(quote.speaker), fields, place)
    for position, note in enumerate(article.notes):
        start, end = note_statement_span(note.text)
        if end > start:
            statement = note.text[start:end]
            anchor = f"note:{note.number}"
            # only the figures inside the statement apply, at their places in it
            found = tuple(
                replace(f, start=f.start - start, end=f.end - start)
                for f in figures_of.get(anchor, ())
                if f.start >= start and f.end <= end
            )
            fields = ("note", anchor, -1, found, article.authors)
            add(NOTE, position, FACT, statement, [], fields)
    # a query may name what only the title, the publication or a heading holds: known words
    framing = " ".join([article.title, article.subtitle or "", article.publication or ""])
    frame_terms, frame_words = analyse(" ".join([framing, *article.sections]))
    term_df.update(set(frame_terms) - term_df.keys())
    word_df.update({w.lower() for w in frame_words if w[:1].isalpha()} - word_df.keys())
    entries = [(e.short, e.long) for e in article.glossary]
    entries += defined_acronyms(s.text for s in article.sentences)
    glossary = []
    for short_text, long_text in entries:
        short, long = tuple(terms(short_text)), tuple(terms(long_text))
        if short and long:
            glossary.append((short, long))
    phrases = [f"{g.long} ({g.short})" for g in article.glossary]
    phrases += [s for s in article.sections if s]
    share = ArticleTerms(
        documents=len(docs),
        term_df=dict(term_df),
        word_df=dict(word_df),
        glossary=tuple(glossary),
        speakers=tuple(q.speaker for q in article.quotes if q.speaker),
        authors=article.authors,
        phrases=tuple(unique(clip(p) for p in phrases)[:STARTERS]),
        quote_lines=tuple(
            unique(clip(f"{q.speaker}: {q.text}") for q in article.quotes)[:STARTERS]
        ),
    )
    return docs, share


# ------------------------------------------------------------------------- the whole corpus


def merge(
    shares: Iterable[ArticleTerms],
    *,
    counts: tuple[int, dict[str, int], dict[str, int]] | None = None,
) -> Merged:
    """Add up the articles' shares, in index order (the first article defining an acronym wins).

    `counts` (documents, term and word document frequencies), when given, are the vocabulary's
    totals, already added up (the store updates them by what changed); the shares' own counts
    are then not read.
    """
    term_df: Counter[str] = Counter()
    word_df: Counter[str] = Counter()
    documents = 0
    pairs: dict[tuple[str, ...], tuple[str, ...]] = {}
    speakers: set[str] = set()
    authors: set[str] = set()
    phrases: list[str] = []
    quote_lines: list[str] = []
    for share in shares:
        if counts is None:
            documents += share.documents
            term_df.update(share.term_df)
            word_df.update(share.word_df)
        for short, long in share.glossary:
            pairs.setdefault(short, long)
        speakers.update(share.speakers)
        authors.update(share.authors)
        phrases.extend(share.phrases)
        quote_lines.extend(share.quote_lines)
    vocabulary = (
        Vocabulary.from_counts(documents, term_df, word_df)
        if counts is None
        else Vocabulary.from_counts(*counts)
    )
    # The first STARTERS unique items of each article's list include the first STARTERS unique
    # items of the whole corpus, so the corpus's starters come out as if computed in one pass.
    starters: dict[Command, list[str]] = {
        "fact": unique(phrases)[:STARTERS],
        "quote": unique(quote_lines + phrases)[:STARTERS],
    }
    return Merged(
        vocabulary=vocabulary,
        glossary=Glossary(pairs),
        speakers=sorted(speakers),
        people=sorted(speakers | authors),
        starters=starters,
    )


def prepare_in_memory(corpus: Corpus) -> PreparedIndex:
    """Analyse every article and build the tantivy index in memory (no persisted index)."""
    docs: list[DocInfo] = []
    doc_article, doc_what, doc_position = array("I"), array("B"), array("I")
    shares = []
    for article_no, article in enumerate(corpus.articles):
        found, share = article_docs(article)
        shares.append(share)
        for info in found:
            doc_article.append(article_no)
            doc_what.append(info.what)
            doc_position.append(info.position)
        docs.extend(found)
    merged = merge(shares)
    ids = {name: i for i, name in enumerate(merged.people)}
    index = new_index()
    write_documents(
        index,
        (
            (n, info.group, doc_article[n], " ".join(info.terms), [ids[p] for p in info.people])
            for n, info in enumerate(docs)
        ),
    )
    return PreparedIndex(
        index, doc_article, doc_what, doc_position, MemoryDocuments(docs, corpus.articles), merged
    )


# ----------------------------------------------------------------------------------- tantivy


def schema() -> tantivy.Schema:
    """The tantivy schema of every search index (in memory or on disk)."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("terms", stored=False, tokenizer_name="ws", index_option="position")
    builder.add_unsigned_field("doc", stored=False, fast=True, indexed=False)
    builder.add_unsigned_field("group", indexed=True, fast=False)
    builder.add_unsigned_field("article", indexed=True, fast=False)
    builder.add_unsigned_field("speaker", indexed=True, fast=False)  # one value per person
    return builder.build()


def new_index(path: str | None = None) -> tantivy.Index:
    """An empty index of `schema()`, in memory or in the (empty) folder `path`."""
    index = tantivy.Index(schema(), path=path, reuse=False)
    with_tokenizer(index)
    return index


def open_index(path: str) -> tantivy.Index:
    """The index in folder `path`, as `write_documents` left it."""
    index = tantivy.Index.open(path)
    with_tokenizer(index)
    index.reload()
    return index


def with_tokenizer(index: tantivy.Index) -> None:
    """Register the whitespace tokenizer the "terms" field was analysed with (not persisted)."""
    whitespace = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    index.register_tokenizer("ws", whitespace)


def write_documents(
    index: tantivy.Index,
    rows: Iterable[tuple[int, int, int, str, Sequence[int]]],
    *,
    threads: int = 1,
) -> None:
    """Add the documents `(doc, group, article, joined terms, people ids)` and commit."""
    writer = index.writer(heap_size=WRITER_HEAP * max(1, threads), num_threads=threads)
    for number, group, article_no, joined, people in rows:
        document = tantivy.Document()
        document.add_text("terms", joined)
        document.add_unsigned("doc", number)
        document.add_unsigned("group", group)
        document.add_unsigned("article", article_no)
        for person in people:
            document.add_unsigned("speaker", person)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()


# ------------------------------------------------------------------------------------ text


def clip(text: str, limit: int = PREVIEW_CHARS) -> str:
    """Cut text at a word boundary to at most `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return (cut or text[: limit - 1]) + "…"


def unique(items: Iterator[str] | Iterable[str]) -> list[str]:
    """The items without repeats (compared case-insensitively) or empty ones, in order."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out
