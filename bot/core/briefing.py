"""The daily briefing: which facts, figure and quote a guild gets on a date.

Its text (the message, plain text, JSON) is `bot.core.briefing_text`.

Pure. Everything is an argument: the corpus, the guild, the local date and the guild's rotation
state (`Usage`, which items it has already been shown). Selection is deterministic for a
(guild, date, usage) triple: the order comes from SHA-256 of those values, never from
`random`, `hash()` or a clock.

Items carry stable keys (`"{pool}:{article id}:{sha256 of the normalised text}"`), so a reindex
that renumbers sentences keeps the rotation; items of a removed article simply stop being
candidates, and new ones join as not yet used.

This module must never import discord, aiosqlite or anything that does I/O, and must never read
a clock: the store persists `Usage`, the poster decides when to post, this module only chooses.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from bot.core.answers import ArticleRef, Citation, article_ref, citations_for, resting_notes
from bot.core.briefing_text import render_text, text_length
from bot.core.library import headers_of
from bot.core.model import Article, Corpus, Figure, Sentence
from bot.core.passages import figure_span, key_form

Pool = Literal["fact", "figure", "quote"]
POOLS: tuple[Pool, ...] = ("fact", "figure", "quote")


FACT_SENTENCE_KINDS = frozenset({"body", "lead", "caption"})
FIGURE_KINDS = frozenset({"count", "amount", "percent", "fraction", "duration", "ordinal"})
MIN_FACT_CHARS = 40
MAX_FACT_CHARS = 420
MAX_QUOTE_CHARS = 600


@dataclass(frozen=True, slots=True)
class BriefingItem:
    """One entry of a briefing: a fact, a figure (with its sentence) or a quote.

    `key` is stable across reindexes; `source_id` is the sentence or quote id of the current
    index (for display and debugging only, never for rotation).
    """

    key: str
    pool: Pool
    text: str
    article: ArticleRef
    section: str
    citations: tuple[Citation, ...]
    source_id: str
    sentence_id: str
    speaker: str | None = None
    figure: Figure | None = None


@dataclass(frozen=True, slots=True)
class PoolUsage:
    """Where a guild stands in one pool's rotation: the cycle number and the keys it has used."""

    cycle: int = 0
    keys: frozenset[str] = frozenset()


Usage = Mapping[Pool, PoolUsage]


@dataclass(frozen=True, slots=True)
class UsageRow:
    """One item shown to a guild: what the store records when a briefing's slot is claimed."""

    pool: Pool
    cycle: int
    key: str


@dataclass(frozen=True, slots=True)
class PoolStatus:
    """How much of one pool is left before its rotation starts over."""

    pool: Pool
    total: int
    remaining: int
    cycle: int


@dataclass(frozen=True, slots=True)
class Briefing:
    """The briefing of one guild on one local date, ready to render."""

    guild_id: int
    day: date
    items: tuple[BriefingItem, ...] = ()
    usage: tuple[UsageRow, ...] = ()
    late: bool = False

    @property
    def facts(self) -> tuple[BriefingItem, ...]:
        """The plain facts, in order."""
        return tuple(i for i in self.items if i.pool == "fact")

    @property
    def figure(self) -> BriefingItem | None:
        """The figure of the day, if the corpus has one left."""
        return next((i for i in self.items if i.pool == "figure"), None)

    @property
    def quote(self) -> BriefingItem | None:
        """The quote of the day, if the corpus has one."""
        return next((i for i in self.items if i.pool == "quote"), None)


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every item a corpus offers, per pool, in a stable order."""

    fact: tuple[BriefingItem, ...] = ()
    figure: tuple[BriefingItem, ...] = ()
    quote: tuple[BriefingItem, ...] = ()
    by_key: Mapping[str, BriefingItem] = field(default_factory=dict)

    def pool(self, pool: Pool) -> tuple[BriefingItem, ...]:
        """Return the candidates of one pool."""
        if pool == "fact":
            return self.fact
        if pool == "figure":
            return self.figure
        return self.quote


# --------------------------------------------------------------------------- candidates


def item_key(pool: Pool, article_id: str, text: str, extra: str = "") -> str:
    """Return a key that survives reindexes: pool, article id and a hash of the normalised text."""
    digest = hashlib.sha256(f"{key_form(text)}\x1f{key_form(extra)}".encode()).hexdigest()
    return f"{pool}:{article_id}:{digest[:16]}"


def _is_fact_sentence(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    if sentence.kind not in FACT_SENTENCE_KINDS:
        return False
    if not MIN_FACT_CHARS <= len(text) <= MAX_FACT_CHARS:
        return False
    if text[-1] not in ".!" and not (text[-1] in '"”’)' and len(text) > 1 and text[-2] in ".!"):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in '"“‘'):
        return False
    return not _leans_on_context(text)


def _leans_on_context(text: str) -> bool:
    """Whether a sentence opens by pointing back ("Nevertheless, they…"): poor on its own."""
    opening = re.split(r"[\s,;:]", text.strip(), maxsplit=1)[0].casefold()
    return opening in _NEEDS_CONTEXT


# Sentences opening with these lean on the one before ("Second, …", "This means …"): they make
# poor stand-alone facts.
_NEEDS_CONTEXT = frozenset(
    """this these that those it its they their them he she his her such however but and or so
    also moreover furthermore nevertheless nonetheless first second third fourth fifth finally
    then thus therefore hence yet still besides meanwhile instead rather
    nor""".split()
)


def _notable_figure(figure: Figure) -> bool:
    """Whether a figure is worth a headline: a number written with digits, or a share.

    An ordinal ("the 15th plan", "3rd") ranks rather than measures: it is a figure of the day
    only for an article with nothing better.
    """
    if figure.kind not in FIGURE_KINDS or figure.kind == "ordinal":
        return False
    return any(ch.isdigit() for ch in figure.text) or figure.kind in ("percent", "fraction")


def _sentence_item(
    key: str,
    pool: Pool,
    sentence: Sentence,
    article: Article,
    ref: ArticleRef,
    position: int,
    figure: Figure | None = None,
) -> BriefingItem:
    """An item showing one sentence (a fact, or a figure's), cited with the notes on it."""
    return BriefingItem(
        key=key,
        pool=pool,
        text=sentence.text.strip(),
        article=ref,
        section=sentence.section,
        citations=citations_for(article, resting_notes(article, position), sentence.section),
        source_id=sentence.id,
        sentence_id=sentence.id,
        figure=figure,
    )


def _article_candidates(article: Article) -> tuple[list[BriefingItem], ...]:
    ref = article_ref(article)
    sentences = {s.id: s for s in article.sentences}
    position = {s.id: i for i, s in enumerate(article.sentences)}
    facts: list[BriefingItem] = []
    figures: list[BriefingItem] = []
    quotes: list[BriefingItem] = []
    seen: set[str] = set()
    notable = [f for f in article.figures if _notable_figure(f)]
    for figure in notable or [f for f in article.figures if f.kind in FIGURE_KINDS]:
        found = sentences.get(figure.sentence)
        if found is None:
            continue
        if found.kind not in FACT_SENTENCE_KINDS or len(found.text) > MAX_FACT_CHARS:
            continue
        if _leans_on_context(found.text):
            continue
        if figure_span(figure, found.text) is None:
            continue
        key = item_key("figure", article.id, found.text, figure.text)
        if key in seen:
            continue
        seen.add(key)
        figures.append(
            _sentence_item(key, "figure", found, article, ref, position[found.id], figure)
        )
    for quote in article.quotes:
        text = quote.text.strip()
        if not text or len(text) > MAX_QUOTE_CHARS:
            continue
        key = item_key("quote", article.id, text)
        if key in seen:
            continue
        seen.add(key)
        host = sentences.get(quote.sentence)
        section = host.section if host else ""
        notes = quote.notes or (resting_notes(article, position[host.id]) if host else ())
        quotes.append(
            BriefingItem(
                key=key,
                pool="quote",
                text=text,
                article=ref,
                section=section,
                citations=citations_for(article, notes, section),
                source_id=quote.id,
                sentence_id=quote.sentence,
                speaker=quote.speaker or None,
            )
        )
    # A sentence shown as the figure or quote of the day is not also a plain fact, so an item
    # never comes back in another pool's clothes.
    elsewhere = {i.sentence_id for i in (*figures, *quotes)}
    quoted = {key_form(i.text) for i in quotes}
    for sentence in article.sentences:
        if sentence.id in elsewhere or key_form(sentence.text) in quoted:
            continue
        if not _is_fact_sentence(sentence):
            continue
        key = item_key("fact", article.id, sentence.text)
        if key in seen:
            continue
        seen.add(key)
        facts.append(_sentence_item(key, "fact", sentence, article, ref, position[sentence.id]))
    return facts, figures, quotes


def candidates(corpus: Corpus) -> Candidates:
    """Every fact, figure and quote of the corpus that a briefing may show."""
    headers = headers_of(corpus.articles)
    facts: list[BriefingItem] = []
    figures: list[BriefingItem] = []
    quotes: list[BriefingItem] = []
    # by id, one article at a time (a lazy corpus loads each only while it is read)
    order = sorted(range(len(corpus.articles)), key=lambda i: headers[i].article.id)
    for i in order:
        f, g, q = _article_candidates(corpus.articles[i])
        facts += f
        figures += g
        quotes += q
    by_key = {i.key: i for i in (*facts, *figures, *quotes)}
    return Candidates(tuple(facts), tuple(figures), tuple(quotes), by_key)


# --------------------------------------------------------------------------- usage


def usage_from_rows(rows: Iterable[tuple[str, int, str]]) -> dict[Pool, PoolUsage]:
    """Fold stored (pool, cycle, key) rows into each pool's current cycle and its used keys."""
    cycles: dict[Pool, int] = {}
    keys: dict[tuple[Pool, int], set[str]] = {}
    for pool_name, cycle, key in rows:
        if pool_name not in POOLS:
            continue
        pool: Pool = pool_name
        cycles[pool] = max(cycles.get(pool, 0), cycle)
        keys.setdefault((pool, cycle), set()).add(key)
    return {
        pool: PoolUsage(cycle, frozenset(keys.get((pool, cycle), set())))
        for pool, cycle in cycles.items()
    }


def apply_usage(usage: Usage, rows: Iterable[UsageRow]) -> dict[Pool, PoolUsage]:
    """Return the usage after a briefing's rows are recorded (as the store will hold it)."""
    result: dict[Pool, PoolUsage] = dict(usage)
    for row in rows:
        current = result.get(row.pool, PoolUsage())
        if row.cycle > current.cycle:
            current = PoolUsage(row.cycle, frozenset())
        if row.cycle == current.cycle:
            current = PoolUsage(current.cycle, current.keys | {row.key})
        result[row.pool] = current
    return result


def rotation_status(cands: Candidates, usage: Usage) -> tuple[PoolStatus, ...]:
    """Per pool: how many items exist now and how many are left before the rotation repeats."""
    out = []
    for pool in POOLS:
        items = cands.pool(pool)
        state = usage.get(pool, PoolUsage())
        used = sum(1 for i in items if i.key in state.keys)
        out.append(PoolStatus(pool, len(items), len(items) - used, state.cycle))
    return tuple(out)


# --------------------------------------------------------------------------- selection


def _rank(guild_id: int, day: date, cycle: int, key: str) -> str:
    """Return a deterministic pseudo-random sort key for a guild, date and cycle."""
    return hashlib.sha256(f"{guild_id}|{day.isoformat()}|{cycle}|{key}".encode()).hexdigest()


def _spread(ranked: Sequence[BriefingItem], taken: Sequence[BriefingItem]) -> list[BriefingItem]:
    """Re-order ranked items so articles and sections not yet in the briefing come first."""
    articles = {i.article.id for i in taken}
    sections = {(i.article.id, i.section) for i in taken}
    tiers: tuple[list[BriefingItem], list[BriefingItem], list[BriefingItem]] = ([], [], [])
    for item in ranked:
        if item.article.id not in articles:
            tiers[0].append(item)
        elif (item.article.id, item.section) not in sections:
            tiers[1].append(item)
        else:
            tiers[2].append(item)
    return [*tiers[0], *tiers[1], *tiers[2]]


def pick(
    cands: Candidates,
    usage: Usage,
    guild_id: int,
    day: date,
    *,
    facts: int = 3,
    late: bool = False,
    limit: int,
) -> Briefing:
    """Choose the briefing of `guild_id` on `day`: `facts` facts, one figure and one quote.

    Items not yet used in the pool's current cycle come first; when a pool runs out, its next
    cycle starts (recorded in the returned `usage` rows with the new cycle number), never
    repeating an item inside one briefing. Items are spread across articles and sections, no
    sentence appears twice, and the rendered text is guaranteed to fit in `limit` characters
    (an item that would not fit is skipped and stays unused).
    """
    chosen: list[BriefingItem] = []
    rows: list[UsageRow] = []
    sentences: set[str] = set()
    wanted: tuple[tuple[Pool, int], ...] = (("fact", facts), ("figure", 1), ("quote", 1))
    for pool, count in wanted:
        items = cands.pool(pool)
        state = usage.get(pool, PoolUsage())
        live = {i.key for i in items}
        used = set(state.keys) & live
        cycle = state.cycle
        got = 0
        for attempt in range(2):  # the current cycle, then (if it ran out) the next one
            if attempt == 1:
                if used != live:
                    break  # items were left but did not fit: no reason to start over
                cycle, used = cycle + 1, {i.key for i in chosen}
            ranked = sorted(
                (i for i in items if i.key not in used),
                key=lambda i: _rank(guild_id, day, cycle, i.key),
            )
            while got < count:
                found: BriefingItem | None = None
                for item in _spread(ranked, chosen):
                    if item.key in used or item.sentence_id in sentences:
                        continue
                    trial = Briefing(guild_id, day, _in_display_order((*chosen, item)), (), late)
                    if text_length(render_text(trial, limit=limit)) <= limit:
                        found = item
                        break
                if found is None:
                    break
                chosen.append(found)
                rows.append(UsageRow(pool, cycle, found.key))
                sentences.add(found.sentence_id)
                used.add(found.key)
                got += 1
            if got >= count or not items:
                break
    return Briefing(guild_id, day, _in_display_order(chosen), tuple(rows), late)


def _in_display_order(items: Sequence[BriefingItem]) -> tuple[BriefingItem, ...]:
    order = {pool: n for n, pool in enumerate(POOLS)}
    return tuple(sorted(items, key=lambda i: order[i.pool]))


def forecast(
    cands: Candidates,
    usage: Usage,
    guild_id: int,
    day: date,
    *,
    facts: int = 3,
    posting_days: Iterable[date] = (),
    limit: int,
) -> Briefing:
    """Pick the briefing of `day`, assuming those of `posting_days` (before it) go out first.

    Used by `/briefing preview` (tomorrow, after today's if today's is still to come) and by the
    CLI for dates further ahead.
    """
    state: dict[Pool, PoolUsage] = dict(usage)
    for earlier in sorted(d for d in posting_days if d < day):
        earlier_pick = pick(cands, state, guild_id, earlier, facts=facts, limit=limit)
        state = apply_usage(state, earlier_pick.usage)
    return pick(cands, state, guild_id, day, facts=facts, limit=limit)


def upcoming(
    cands: Candidates,
    usage: Usage,
    guild_id: int,
    day: date,
    *,
    today: date,
    last_claimed: date | None,
    facts: int = 3,
    limit: int,
) -> Briefing:
    """The briefing `day` will bring, after the briefings still due before it have gone out.

    `today` is the guild's local date and `last_claimed` the day of its latest claimed slot; the
    days from today (or the day after the last claim) up to `day` are assumed to post first.
    This is "tomorrow's briefing" for `/briefing preview`, the console and the CLI alike.
    """
    start = today
    if last_claimed is not None and last_claimed >= today:
        start = last_claimed + timedelta(days=1)
    before = days_between(start, day) if start < day else []
    return forecast(cands, usage, guild_id, day, facts=facts, posting_days=before, limit=limit)


def recorded(
    cands: Candidates, guild_id: int, day: date, rows: Sequence[UsageRow], *, late: bool
) -> Briefing:
    """The briefing a claim recorded, rebuilt from its rows (items a reindex removed drop out)."""
    items = tuple(cands.by_key[r.key] for r in rows if r.key in cands.by_key)
    return Briefing(guild_id, day, items, tuple(rows), late)


def briefings_before_repeat(statuses: Iterable[PoolStatus], facts: int) -> int | None:
    """How many more briefings can go out before some pool repeats an item (None: no items)."""
    per_day = {"fact": facts, "figure": 1, "quote": 1}
    fresh = [s.remaining // per_day[s.pool] for s in statuses if s.total]
    return min(fresh) if fresh else None


def days_between(start: date, end: date) -> list[date]:
    """Return the dates from `start` up to but excluding `end`."""
    return [start + timedelta(days=n) for n in range((end - start).days)]
