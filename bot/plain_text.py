"""The response model as plain text, for the console and the command line.

Pure functions (model → str): the console prints them after each command, `python -m bot fact`
prints them for a shell. Text from users or sources is cleaned of control characters, so
nothing here can move the cursor or reorder a terminal line. This module never reads input,
never prints and never imports discord.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.answers import About, Answer, ArticleInfo, Citation, Hit, citation_lead
from bot.core.model import Figure
from bot.core.passages import clip, figure_span


@dataclass(frozen=True, slots=True)
class Style:
    """How emphasis is written: ANSI bold on a terminal, `**…**` everywhere else."""

    strong_open: str
    strong_close: str

    def strong(self, text: str) -> str:
        """Wrap `text` in this style's emphasis."""
        return f"{self.strong_open}{text}{self.strong_close}" if text else text


PLAIN = Style("**", "**")
ANSI = Style("\x1b[1m", "\x1b[22m")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text safe to print: tabs and newlines become spaces, other control characters go."""
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    text = _CONTROL.sub("", text)
    # Drop format characters that can reorder the line on screen (bidi overrides), keep ZWJ
    # so emoji sequences survive.
    return "".join(ch for ch in text if ch == "\u200d" or unicodedata.category(ch) != "Cf")


def shorten(text: str, width: int = 80) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    return clip(" ".join(clean(text).split()), width)


def highlight(text: str, figures: Iterable[Figure], style: Style) -> str:
    """`text` with each figure (by its `start`/`end` offsets) emphasised.

    Offsets that fall outside the text, or that do not point at the figure's own text, are
    looked up by the figure's text instead; figures that overlap an earlier one are skipped.
    """
    spans = [span for figure in figures if (span := figure_span(figure, text)) is not None]
    out: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out.append(clean(text[cursor:start]))
        out.append(style.strong(clean(text[start:end])))
        cursor = end
    out.append(clean(text[cursor:]))
    return "".join(out)


def _page(page: str) -> str:
    page = page.strip()
    return f"p. {page}" if page[:1].isdigit() else page


def render_citation(number: int, citation: Citation) -> str:
    """One numbered source line: how it is cited, reference text, URL, access date and page."""
    parts = [clean(citation.text).strip() or "(no reference text)"]
    if citation.url and citation.url not in citation.text:
        parts.append(clean(citation.url))
    if citation.accessed:
        parts.append(f"accessed {clean(citation.accessed)}")
    if citation.page:
        parts.append(_page(clean(citation.page)))
    return f"  [{number}] {citation_lead(citation)}: " + " · ".join(parts)


def location(hit: Hit) -> str:
    """Where in its article a passage stands: its note or section, and its page ("p. 7")."""
    parts: list[str] = []
    if hit.source_note is not None:
        parts.append(f"note {hit.source_note}")
    elif hit.section:
        parts.append(f"section “{shorten(hit.section, 100)}”")
    if hit.page:
        parts.append(_page(clean(hit.page)))
    return ", ".join(parts)


def render_where(hit: Hit) -> str:
    """Where a passage stands: note or section, page, article title, authors and id."""
    article = hit.article
    parts = [where] if (where := location(hit)) else []
    title = f"“{clean(article.title)}”" if article.title else article.id
    if article.authors:
        title += " by " + ", ".join(clean(a) for a in article.authors)
    parts.append(title)
    return "  in " + ", ".join(parts) + f" [{clean(article.id)}]"


_KIND_LABELS = {
    "lead": "lead",
    "caption": "photo caption",
    "bio": "author note",
    "pull": "pull quote",
}


def render_hit(hit: Hit, style: Style) -> str:
    """Render a result: the passage with figures emphasised, speaker, place and citations."""
    lines = [f"“{highlight(hit.text, hit.figures, style)}”"]
    if hit.speaker:
        lines.append(f"  — {clean(hit.speaker)}")
    if hit.credit:
        lines.append(f"  {clean(hit.credit)}")
    label = _KIND_LABELS.get(hit.kind)
    where = render_where(hit)
    lines.append(f"{where} ({label})" if label else where)
    if hit.citations:
        lines.append("Sources:")
        lines.extend(render_citation(i, c) for i, c in enumerate(hit.citations, start=1))
    return "\n".join(lines)


FOLLOW_UPS: tuple[str, ...] = ("next", "prev", "context", "sources")


def followup_line(answer: Answer, position: int) -> str:
    """Render the line under a result: its position and the numbered follow-ups that apply."""
    total = len(answer.hits)
    offered = []
    for number, name in enumerate(FOLLOW_UPS, start=1):
        if (name == "next" and position >= total - 1) or (name == "prev" and position <= 0):
            continue
        offered.append(f"{number} {name}")
    kind = "Quote" if answer.command == "quote" else "Fact"
    return f"{kind} {position + 1} of {total} · " + " · ".join(offered)


def render_miss(answer: Answer, *, pickable: bool = True) -> str:
    """No confident match: say so, then the closest passages (offered, not as an answer).

    Each closest passage is numbered, with where it stands; without any, the suggestions are.
    """
    head = f"Nothing in the sources matches “{shorten(answer.query)}”."
    if answer.closest:
        lines = [head, "The closest passages (not an answer):"]
        for i, hit in enumerate(answer.closest, start=1):
            where = ", ".join(p for p in (location(hit), f"“{clean(hit.article.title)}”") if p)
            lines.append(f"  {i}. “{shorten(hit.text, 160)}” ({shorten(where, 120)})")
        if pickable:
            lines.append("Type a number to search for one of them.")
        return "\n".join(lines)
    if not answer.suggestions:
        return head + " Try other words, or /about to see what the index holds."
    lines = [head, "Try one of these:"]
    lines.extend(f"  {i}. {shorten(s)}" for i, s in enumerate(answer.suggestions, start=1))
    if pickable:
        lines.append("Type a number to search for one of them.")
    return "\n".join(lines)


def render_unquoted(answer: Answer, *, pickable: bool = True) -> str:
    """/quote for someone never quoted: say so, name who is quoted, show where they are named."""
    name = shorten(answer.unquoted or "", 60)
    lines = [f"{name} is never quoted in the sources."]
    if answer.speakers:
        listed = ", ".join(clean(s) for s in answer.speakers[:20])
        more = f" and {len(answer.speakers) - 20} more" if len(answer.speakers) > 20 else ""
        lines.append(f"Quoted are: {listed}{more}.")
    else:
        lines.append("No one is quoted in the sources.")
    if answer.closest:
        lines.append(f"Passages that mention {name}:")
        lines.extend(
            f"  • “{shorten(h.text, 300)}” (“{shorten(h.article.title, 60)}”)"
            for h in answer.closest
        )
    if pickable and answer.suggestions:
        lines.append("Pick a speaker by number for their quotations:")
        lines.extend(f"  {i}. {shorten(s)}" for i, s in enumerate(answer.suggestions, start=1))
    return "\n".join(lines)


def render_answer(answer: Answer, style: Style, position: int = 0) -> str:
    """Render an answer: the result at `position` with its follow-ups, a miss, or an error."""
    if answer.unquoted is not None:
        return render_unquoted(answer)
    if answer.error:
        return f"Can't search that: {shorten(answer.error, 200)}"
    if not answer.hits:
        return render_miss(answer)
    position = max(0, min(position, len(answer.hits) - 1))
    return render_hit(answer.hits[position], style) + "\n" + followup_line(answer, position)


def render_context(hit: Hit, style: Style) -> str:
    """Render the passage's surroundings, with the passage itself emphasised."""
    context = clean(hit.context).strip()
    if not context:
        return "No surrounding text is stored for this passage."
    text = clean(hit.text).strip()
    at = context.find(text) if text else -1
    if at >= 0:
        context = context[:at] + style.strong(text) + context[at + len(text) :]
    head = f"Context, section “{clean(hit.section)}”:" if hit.section else "Context:"
    return f"{head}\n{context}"


def render_sources(answer: Answer) -> str:
    """Every source behind the results of `answer`, numbered once, with the results using it."""
    seen: dict[tuple[str, str | None, str | None, int | None, str], list[int]] = {}
    citations: list[Citation] = []
    for result, hit in enumerate(answer.hits, start=1):
        for citation in hit.citations:
            key = (citation.text, citation.url, citation.page, citation.note, citation.kind)
            if key not in seen:
                seen[key] = []
                citations.append(citation)
            if result not in seen[key]:
                seen[key].append(result)
    if not citations:
        return "These results cite no sources."
    lines = [f"Sources of the {len(answer.hits)} result(s) for “{shorten(answer.query)}”:"]
    for number, citation in enumerate(citations, start=1):
        key = (citation.text, citation.url, citation.page, citation.note, citation.kind)
        used = ", ".join(str(r) for r in seen[key])
        lines.append(f"{render_citation(number, citation)}  (result {used})")
    return "\n".join(lines)


def render_about(about: About) -> str:
    """Render what the index holds: one line per article, and when it was built."""
    if not about.articles:
        return "The index is empty: add articles to the seeds folder and run `python -m bot index`."
    count = len(about.articles)
    built = f", built {clean(about.built_at)}" if about.built_at else ""
    lines = [f"The index holds {count} article{'s' if count != 1 else ''}{built}:"]
    for summary in about.articles:
        ref = summary.article
        authors = f" by {', '.join(clean(a) for a in ref.authors)}" if ref.authors else ""
        lines.append(
            f"  • [{clean(ref.id)}] “{clean(ref.title)}”{authors}: {summary.sentences} sentences, "
            f"{summary.quotes} quotes, {summary.figures} figures, {summary.notes} notes"
        )
    return "\n".join(lines)


ARTICLES_PER_PAGE = 20


def article_line(info: ArticleInfo) -> str:
    """One article of a list: title, authors, date, and what the index holds of it."""
    authors = f" by {shorten(', '.join(info.authors), 160)}" if info.authors else ""
    date = f", {clean(info.date)}" if info.date else ""
    return (
        f"  • “{shorten(info.title, 160)}”{authors}{date} [{clean(info.id)}]\n"
        f"    {info.sentences} sentences, {info.quotes} quotes, {info.notes} notes"
    )


def render_articles(
    articles: list[ArticleInfo], page: int = 1, per_page: int | None = ARTICLES_PER_PAGE
) -> str:
    """Render the article list, `per_page` at a time (None: all), page `page` (1-based)."""
    if not articles:
        return "The index is empty: add articles to the seeds folder and run `python -m bot index`."
    count = len(articles)
    size = per_page or count
    pages = -(-count // size)
    page = max(1, min(page, pages))
    shown = articles[(page - 1) * size : page * size]
    head = f"{count} article{'s' if count != 1 else ''}"
    if pages > 1:
        head += f" (page {page} of {pages})"
    lines = [head + ":"]
    lines.extend(article_line(a) for a in shown)
    if page < pages:
        lines.append(f"More: /articles {page + 1}")
    return "\n".join(lines)
