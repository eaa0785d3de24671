"""The response model: what every command answers, before any rendering.

Search and the briefing build these; the Discord cogs and the console only render them. Nothing
here knows how it will be shown, and nothing here reads a clock or a file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.core.library import header_of
from bot.core.model import FACT_KINDS, Article, Corpus, Figure, Note

Command = Literal["fact", "quote"]
COMMANDS: tuple[Command, ...] = ("fact", "quote")


@dataclass(frozen=True, slots=True)
class Query:
    """One question, however it arrives (slash command, console, CLI, a button after a restart).

    `command` says what is wanted, `text` is what was asked, and the filters narrow it. Adding a
    filter means adding a field here and passing it on in `bot.core.asking.ask`.
    """

    command: Command
    text: str
    article: str | None = None
    speaker: str | None = None

    @property
    def key(self) -> str:
        """A short, stable key for this query (12 hex digits of its SHA-256)."""
        raw = "\x1f".join((self.command, self.text, self.article or "", self.speaker or ""))
        return hashlib.sha256(raw.encode()).hexdigest()[:12]


def as_command(name: str) -> Command | None:
    """The command called `name` ("fact" or "quote"), or None when there is no such command."""
    return "fact" if name == "fact" else "quote" if name == "quote" else None


CitationKind = Literal["note", "inferred-note", "article"]
"""How a passage comes to its source, so each is shown as what it is:

* "note": the passage carries this footnote marker itself (or the passage is the note);
* "inferred-note": the passage carries none; by convention it rests on the next marker of its
  paragraph, which is a guess and must not be shown as the passage's own note;
* "article": no note covers it; the article itself is the source.
"""


@dataclass(frozen=True, slots=True)
class Citation:
    """A source a passage rests on: a resolved note, or the article itself when it has none.

    `note` is the marker number as printed in the sentence; `text`, `url` and `accessed` come from
    the note it finally refers to (after "Ibid." and "n. 6" cross-references), whose number is
    `resolves_to` (None when the note is itself the reference). `page` is the page the citing
    note names, else the nearest one in the chain; when a derived note names its own page, the
    page the reference text names is cut from `text`, so only the cited page is shown. `kind`
    says how the passage relates to this source (see `CitationKind`).
    """

    note: int | None
    text: str
    url: str | None = None
    accessed: str | None = None
    page: str | None = None
    kind: CitationKind = "note"
    resolves_to: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Which article a result comes from."""

    id: str
    title: str
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: the passage, where it stands, its figures and its sources."""

    id: str  # sentence or quote id
    text: str
    score: float
    kind: str
    section: str
    article: ArticleRef
    context: str
    figures: tuple[Figure, ...] = ()
    citations: tuple[Citation, ...] = ()
    speaker: str | None = None
    source_note: int | None = None  # set when the passage is the text of this note, not a sentence
    page: str | None = None  # the page the passage starts on, for paged articles (PDF, print)
    credit: str | None = None  # a caption's photo or source credit ("Credit: A. Name/Outlet")


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to one /fact or /quote: ranked hits, or none and some suggestions."""

    command: Command
    query: str
    hits: tuple[Hit, ...] = ()
    suggestions: tuple[str, ...] = ()
    error: str | None = None  # a short, user-facing reason the query could not be run
    # When nothing matched with confidence: the closest passages, best first, to offer as such.
    closest: tuple[Hit, ...] = ()
    # /quote for someone the sources never quote: the name as asked, and who is quoted instead.
    unquoted: str | None = None
    speakers: tuple[str, ...] = ()

    @property
    def matched(self) -> bool:
        """Whether anything in the sources matched with enough confidence."""
        return bool(self.hits)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of /about: an article and what the index holds of it."""

    article: ArticleRef
    sentences: int
    quotes: int
    figures: int
    notes: int


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One line of an article list (/articles): what the article is and what the index holds."""

    id: str
    title: str
    authors: tuple[str, ...] = ()
    date: str | None = None
    publication: str | None = None
    subtitle: str | None = None
    sections: int = 0
    sentences: int = 0
    quotes: int = 0
    figures: int = 0
    notes: int = 0


@dataclass(frozen=True, slots=True)
class About:
    """What /about shows: the articles in the index and when it was built."""

    articles: tuple[ArticleSummary, ...] = field(default=())
    built_at: str = ""


def resolve_note(article: Article, number: int) -> Citation:
    """Follow a note's cross-references down to the real reference it rests on.

    "Ibid." and "Dresen 2023, n. 6, p. 4." point at earlier notes; the chain is followed (with a
    guard against cycles) and the first page found on the way is kept. A marker with no note in
    the list still yields a citation, saying so, rather than failing.
    """
    note = article.note(number)
    if note is None:
        return Citation(note=number, text=f"Note {number} (missing from the notes list)")
    page = note.page
    seen = {note.number}
    target: Note = note
    while target.refers_to is not None and target.refers_to not in seen:
        referred = article.note(target.refers_to)
        if referred is None:
            break
        seen.add(referred.number)
        target = referred
        page = page or target.page
    text = target.text
    if target is not note and _extends(note.text, target.text):
        text = note.text  # the reference repeated with what it adds ("…, commodity 310210.")
    elif target is not note and page:
        text = _without_pages(text) or text  # the derived note's page replaces the reference's
    return Citation(
        note=number,
        text=text,
        url=target.url,
        accessed=target.accessed,
        page=page,
        resolves_to=target.number if target is not note else None,
    )


def _extends(text: str, reference: str) -> bool:
    """Whether a note repeats a whole reference and adds to it, rather than abbreviating it."""
    stem = reference.rstrip(" .;,")
    return len(text.rstrip(" .;,")) > len(stem) > 0 and text.startswith(stem)


_PAGE_IN_TEXT = re.compile(
    r",?\s*(?:here:\s*)?\bpp?\.\s*\d+(?:\s*[–-]\s*\d+)?(?:\s*ff?\.)?(?=[\s,;.]|$)", re.I
)


def _without_pages(text: str) -> str:
    """A reference's text without the page numbers it names ("…, Apr 2023, p.2, in: …")."""
    return " ".join(_PAGE_IN_TEXT.sub("", text).split())


def article_citation(article: Article, section: str) -> Citation:
    """Cite the article itself, for a passage that carries no note of its own."""
    authors = ", ".join(article.authors)
    parts = [p for p in (authors, f"“{article.title}”", article.publication, article.date) if p]
    if section:
        parts.append(f"section “{section}”")
    return Citation(note=None, text=", ".join(parts), url=article.url, kind="article")


class InferredNotes(tuple[int, ...]):
    """Notes a sentence rests on without carrying them: `citations_for` marks them inferred."""

    __slots__ = ()


def resting_notes(article: Article, position: int) -> tuple[int, ...]:
    """The notes the sentence at `position` rests on: its own or, by convention, the next ones.

    A footnote covers the text since the previous footnote, so a sentence without a marker rests
    on the next marker in the same paragraph (returned as `InferredNotes`, so its citations say
    so); after the paragraph's last marker it rests on the article itself (no notes).
    """
    sentences = article.sentences
    sentence = sentences[position]
    if sentence.notes or sentence.kind not in FACT_KINDS:
        return sentence.notes
    for later in sentences[position + 1 :]:
        if later.paragraph != sentence.paragraph:
            break
        if later.notes:
            return InferredNotes(later.notes)
    return ()


def citations_for(article: Article, notes: tuple[int, ...], section: str) -> tuple[Citation, ...]:
    """The citations of a passage: its resolved notes, or the article when it has none.

    Notes given as `InferredNotes` (see `resting_notes`) are cited as "inferred-note".
    """
    if notes:
        kind: CitationKind = "inferred-note" if isinstance(notes, InferredNotes) else "note"
        return tuple(_with_kind(resolve_note(article, n), kind) for n in notes)
    return (article_citation(article, section),)


def sentence_citations(article: Article, position: int) -> tuple[Citation, ...]:
    """The citations of the sentence at `position`, each marked with how it was found."""
    return citations_for(
        article, resting_notes(article, position), article.sentences[position].section
    )


def _with_kind(citation: Citation, kind: CitationKind) -> Citation:
    if citation.kind == kind:
        return citation
    return Citation(
        note=citation.note,
        text=citation.text,
        url=citation.url,
        accessed=citation.accessed,
        page=citation.page,
        kind=kind,
        resolves_to=citation.resolves_to,
    )


def article_ref(article: Article) -> ArticleRef:
    """The short reference to an article that every hit carries."""
    return ArticleRef(id=article.id, title=article.title, authors=article.authors)


def with_pages(answer: Answer, corpus: Corpus) -> Answer:
    """`answer` with each hit's `page` set from its sentence (a quote's: the one it sits in).

    Only paged articles (PDF, print exports) have pages; other hits are returned unchanged.
    """
    if not answer.hits and not answer.closest:
        return answer
    # only the articles that have pages are read (a lazy corpus loads each one asked for)
    wanted = {
        h.article.id
        for h in answer.hits + answer.closest
        if h.page is None and h.source_note is None
    }
    paged = sorted(i for i in wanted if (header := header_of(corpus.articles, i)) and header.paged)
    articles = {a.id: a for a in map(corpus.article, paged) if a is not None}
    hits = tuple(_with_page(h, articles) for h in answer.hits)
    closest = tuple(_with_page(h, articles) for h in answer.closest)
    return replace(answer, hits=hits, closest=closest)


def _with_page(hit: Hit, articles: dict[str, Article]) -> Hit:
    article = articles.get(hit.article.id)
    if hit.page is not None or hit.source_note is not None or article is None:
        return hit
    sentence_id = next((q.sentence for q in article.quotes if q.id == hit.id), hit.id)
    page = next((s.page for s in article.sentences if s.id == sentence_id), None)
    return replace(hit, page=page) if page else hit


def citation_lead(citation: Citation) -> str:
    """How a citation comes to its passage, as the words before its reference text.

    A note the passage carries is "note 6"; a note only inferred from its paragraph says it is a
    guess ("probably rests on note 6 (the next note in its paragraph)"); the article itself is
    "source: the article". A derived note ("Ibid.", "n. 6, p. 4") names the note it resolves to.
    """
    if citation.kind == "article" or citation.note is None:
        return "source: the article"
    note = f"note {citation.note}"
    if citation.resolves_to is not None:
        note += f", citing note {citation.resolves_to}"
    if citation.kind == "inferred-note":
        return f"probably rests on {note} (the next note in its paragraph)"
    return note
