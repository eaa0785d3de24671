"""What a reindex changed: a pure comparison of two corpora, and its text rendering.

`diff_corpora(old, new)` compares the index that was serving with the one just built and returns a
`ReindexReport`: the articles added, removed and changed, and the sentences, quotes, figures and
notes added and removed. Items are matched by stable keys (article id plus normalised text), never
by their ids or numbers, so a sentence inserted near the top of an article counts as one sentence
added rather than every later sentence renumbered. Counts are multisets: a sentence that appears
twice and now appears once is one removal.

`render_reindex_report(report)` turns a report into plain text for the console and Discord.

This module must never import Discord or SQL, read a clock or touch a file: timings, build
warnings and whether anything was swapped are passed in by the caller (`bot.usecases.indexing`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.core.library import headers_of
from bot.core.model import Article, Corpus, IngestIssue
from bot.core.passages import clip, key_form

ChangeStatus = Literal["added", "removed", "changed"]


#: Article fields compared for "metadata changed", in the order they are reported.
METADATA_FIELDS: tuple[str, ...] = (
    "title",
    "subtitle",
    "authors",
    "series",
    "translation",
    "publication",
    "date",
    "url",
    "language",
    "sections",
    "glossary",
)


@dataclass(frozen=True, slots=True)
class Delta:
    """How many items of one kind were added and removed."""

    added: int = 0
    removed: int = 0

    def __add__(self, other: Delta) -> Delta:
        return Delta(self.added + other.added, self.removed + other.removed)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)

    def __str__(self) -> str:
        return f"+{self.added}/−{self.removed}"


@dataclass(frozen=True, slots=True)
class Counts:
    """The size of one index: articles and the items they hold."""

    articles: int = 0
    sentences: int = 0
    quotes: int = 0
    figures: int = 0
    notes: int = 0


@dataclass(frozen=True, slots=True)
class ArticleChange:
    """One article that was added, removed or changed, with what changed inside it.

    For an added article every item counts as added; for a removed one, as removed. `metadata`
    names the article fields (see `METADATA_FIELDS`) whose value changed.
    """

    article_id: str
    title: str
    source_file: str
    status: ChangeStatus
    sentences: Delta = Delta()
    quotes: Delta = Delta()
    figures: Delta = Delta()
    notes: Delta = Delta()
    metadata: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReindexReport:
    """What a reindex did, or would do (dry run), or why it failed.

    `error` is set when the build failed as a whole; then nothing was compared, `swapped` is
    False and the old index is still serving. `warnings` are the build's ingest issues (file and
    line), including seed files that were skipped.
    """

    changes: tuple[ArticleChange, ...] = ()
    unchanged: int = 0
    before: Counts = Counts()
    after: Counts = Counts()
    warnings: tuple[IngestIssue, ...] = ()
    seconds: float = 0.0
    dry_run: bool = False
    swapped: bool = False
    error: str | None = None
    built_at: str = ""
    previous_built_at: str = ""
    sentences: Delta = field(init=False)
    quotes: Delta = field(init=False)
    figures: Delta = field(init=False)
    notes: Delta = field(init=False)

    def __post_init__(self) -> None:
        for kind in ("sentences", "quotes", "figures", "notes"):
            total = Delta()
            for change in self.changes:
                total = total + getattr(change, kind)
            object.__setattr__(self, kind, total)

    @property
    def ok(self) -> bool:
        """Whether the build succeeded (a dry run that succeeded is ok without a swap)."""
        return self.error is None

    @property
    def added(self) -> tuple[str, ...]:
        """Ids of the articles added."""
        return tuple(c.article_id for c in self.changes if c.status == "added")

    @property
    def removed(self) -> tuple[str, ...]:
        """Ids of the articles removed."""
        return tuple(c.article_id for c in self.changes if c.status == "removed")

    @property
    def changed(self) -> tuple[str, ...]:
        """Ids of the articles present before and after whose content or metadata changed."""
        return tuple(c.article_id for c in self.changes if c.status == "changed")

    @property
    def has_changes(self) -> bool:
        """Whether the new index differs from the old one at all."""
        return bool(self.changes)


def _sentence_keys(article: Article) -> Counter[Hashable]:
    return Counter((s.kind, key_form(s.text)) for s in article.sentences)


def _quote_keys(article: Article) -> Counter[Hashable]:
    return Counter((q.kind, key_form(q.speaker), key_form(q.text)) for q in article.quotes)


def _note_keys(article: Article) -> Counter[Hashable]:
    return Counter((key_form(n.text), n.url or "") for n in article.notes)


def _figure_keys(article: Article) -> Counter[Hashable]:
    """Key figures by what they say (text, kind, value, unit, qualifier) and body-or-note.

    Never by sentence id or offsets, so rewording the words around a figure, or inserting a
    sentence before it, does not count as a figure change.
    """
    return Counter(
        (
            "note" if f.sentence.startswith("note:") else "text",
            key_form(f.text),
            f.kind,
            f.value,
            f.unit,
            f.qualifier or "",
        )
        for f in article.figures
    )


def _delta(old: Counter[Hashable], new: Counter[Hashable]) -> Delta:
    return Delta(added=sum((new - old).values()), removed=sum((old - new).values()))


def _metadata_changes(old: Article, new: Article) -> tuple[str, ...]:
    changed: list[str] = []
    for name in METADATA_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if name == "title":
            before, after = key_form(before), key_form(after)
        if before != after:
            changed.append(name)
    return tuple(changed)


def _whole(article: Article, status: Literal["added", "removed"]) -> ArticleChange:
    counts = (len(article.sentences), len(article.quotes), len(article.figures), len(article.notes))
    deltas = [Delta(added=n) if status == "added" else Delta(removed=n) for n in counts]
    return ArticleChange(
        article_id=article.id,
        title=article.title,
        source_file=article.source_file,
        status=status,
        sentences=deltas[0],
        quotes=deltas[1],
        figures=deltas[2],
        notes=deltas[3],
    )


def compare_articles(old: Article, new: Article) -> ArticleChange | None:
    """Compare two versions of one article; None if nothing changed."""
    change = ArticleChange(
        article_id=new.id,
        title=new.title,
        source_file=new.source_file,
        status="changed",
        sentences=_delta(_sentence_keys(old), _sentence_keys(new)),
        quotes=_delta(_quote_keys(old), _quote_keys(new)),
        figures=_delta(_figure_keys(old), _figure_keys(new)),
        notes=_delta(_note_keys(old), _note_keys(new)),
        metadata=_metadata_changes(old, new),
    )
    if change.sentences or change.quotes or change.figures or change.notes or change.metadata:
        return change
    return None


def count(corpus: Corpus) -> Counts:
    """Count the articles and items of a corpus."""
    headers = headers_of(corpus.articles)
    return Counts(
        articles=len(headers),
        sentences=sum(h.sentences for h in headers),
        quotes=sum(h.quotes for h in headers),
        figures=sum(h.figures for h in headers),
        notes=sum(h.notes for h in headers),
    )


def diff_corpora(
    old: Corpus,
    new: Corpus,
    *,
    warnings: Iterable[IngestIssue] | None = None,
    seconds: float = 0.0,
    dry_run: bool = False,
    swapped: bool = False,
) -> ReindexReport:
    """Compare the serving corpus with a freshly built one.

    Articles are matched by id (the seed file's stem). Changes come in a stable order: added,
    then changed, then removed, each sorted by article id. `warnings` defaults to `new.issues`.
    """
    # Positions by id, and each article read only while it is compared: a lazy corpus is
    # never held whole.
    old_by_id = {h.article.id: i for i, h in enumerate(headers_of(old.articles))}
    new_by_id = {h.article.id: i for i, h in enumerate(headers_of(new.articles))}
    added = [
        _whole(new.articles[new_by_id[i]], "added")
        for i in sorted(new_by_id.keys() - old_by_id.keys())
    ]
    removed = [
        _whole(old.articles[old_by_id[i]], "removed")
        for i in sorted(old_by_id.keys() - new_by_id.keys())
    ]
    changed: list[ArticleChange] = []
    unchanged = 0
    for article_id in sorted(old_by_id.keys() & new_by_id.keys()):
        change = compare_articles(
            old.articles[old_by_id[article_id]], new.articles[new_by_id[article_id]]
        )
        if change is None:
            unchanged += 1
        else:
            changed.append(change)
    return ReindexReport(
        changes=(*added, *changed, *removed),
        unchanged=unchanged,
        before=count(old),
        after=count(new),
        warnings=tuple(new.issues if warnings is None else warnings),
        seconds=seconds,
        dry_run=dry_run,
        swapped=swapped,
        built_at=new.built_at,
        previous_built_at=old.built_at,
    )


def failed_report(
    old: Corpus,
    error: str,
    *,
    warnings: Iterable[IngestIssue] = (),
    seconds: float = 0.0,
    dry_run: bool = False,
) -> ReindexReport:
    """Report a build that failed as a whole: nothing changed, the old index serves on."""
    return ReindexReport(
        before=count(old),
        after=count(old),
        unchanged=len(old.articles),
        warnings=tuple(warnings),
        seconds=seconds,
        dry_run=dry_run,
        swapped=False,
        error=error,
        built_at=old.built_at,
        previous_built_at=old.built_at,
    )


def with_outcome(report: ReindexReport, *, swapped: bool, seconds: float) -> ReindexReport:
    """Return the same report with the final swap outcome and total time filled in."""
    return replace(report, swapped=swapped, seconds=seconds)


def _items(change: ArticleChange) -> str:
    parts = []
    for name in ("sentences", "quotes", "figures", "notes"):
        delta: Delta = getattr(change, name)
        if change.status == "added":
            parts.append(_n(delta.added, name[:-1]))
        elif change.status == "removed":
            parts.append(_n(delta.removed, name[:-1]))
        elif delta:
            parts.append(f"{name} {delta}")
    if change.metadata:
        parts.append("changed: " + ", ".join(change.metadata))
    return "; ".join(parts) if parts else "no item changes"


def render_reindex_report(report: ReindexReport, *, max_lines: int | None = None) -> str:
    """Render the report as plain text, as the console prints it and Discord shows it.

    `max_lines` caps the per-article and per-warning lists (the rest is summarised as "… and N
    more"); the headline, totals and error are always shown.
    """
    kind = "Dry run" if report.dry_run else "Reindex"
    if report.error is not None:
        lines = [
            f"{kind} failed after {report.seconds:.1f} s: {report.error}",
            "Nothing was swapped: the old index is still serving"
            + (f" (built {report.previous_built_at})." if report.previous_built_at else "."),
        ]
        lines += _warning_lines(report, max_lines)
        return "\n".join(lines)

    if report.dry_run:
        outcome = "nothing swapped"
    elif report.swapped:
        outcome = "new index live"
    else:
        outcome = "not swapped"
    lines = [f"{kind} finished in {report.seconds:.1f} s — {outcome}."]
    if not report.has_changes:
        lines.append(f"No changes: {_n(report.after.articles, 'article')}, all unchanged.")
    else:
        lines.append(
            f"Articles: {report.before.articles} → {report.after.articles} "
            f"({len(report.added)} added, {len(report.removed)} removed, "
            f"{len(report.changed)} changed, {report.unchanged} unchanged)"
        )
        lines.append(
            f"Items: sentences {report.sentences}, quotes {report.quotes}, "
            f"figures {report.figures}, notes {report.notes}"
        )
        marks = {"added": "+", "removed": "−", "changed": "~"}
        entries = [
            f"  {marks[c.status]} {c.article_id} ({c.status}) {_short(c.title)}: {_items(c)}"
            for c in report.changes
        ]
        lines += _capped(entries, max_lines)
    after = report.after
    lines.append(
        f"Index now: {_n(after.articles, 'article')}, {_n(after.sentences, 'sentence')}, "
        f"{_n(after.quotes, 'quote')}, {_n(after.figures, 'figure')}, {_n(after.notes, 'note')}."
    )
    lines += _warning_lines(report, max_lines)
    return "\n".join(lines)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _short(title: str, limit: int = 60) -> str:
    return f"“{clip(' '.join(title.split()), limit)}”"


def _warning_lines(report: ReindexReport, max_lines: int | None) -> list[str]:
    if not report.warnings:
        return ["No warnings."] if report.error is None else []
    lines = [f"Warnings ({len(report.warnings)}):"]
    lines += _capped([f"  {issue}" for issue in report.warnings], max_lines)
    return lines


def _capped(lines: list[str], max_lines: int | None) -> list[str]:
    if max_lines is None or len(lines) <= max_lines:
        return lines
    return [*lines[:max_lines], f"  … and {len(lines) - max_lines} more"]
