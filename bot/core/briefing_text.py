"""The daily briefing as text: the Discord message (markdown, marker last), plain text, JSON.

Pure rendering of a `bot.core.briefing.Briefing`; the longest a message may be is always a
parameter (`limit`), never a platform's constant. Also the marker and nonce that identify a
guild's briefing of a day, and the length as chat platforms count it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import TYPE_CHECKING

from bot.core.answers import Citation, citation_lead
from bot.core.passages import clip, figure_span

if TYPE_CHECKING:  # types only: `bot.core.briefing` imports this module to check fits
    from bot.core.briefing import Briefing, BriefingItem

#: The marker every posted briefing carries; the poster looks for it in the channel's history.
MARKER_PREFIX = "factbot-briefing"


def marker(guild_id: int, day: date) -> str:
    """Return the string that identifies a guild's briefing of a date in the channel's history."""
    return f"{MARKER_PREFIX}:{guild_id}:{day.isoformat()}"


def nonce(guild_id: int, day: date) -> str:
    """Return a Discord nonce (≤ 25 chars) for the slot, so a retried send is deduplicated."""
    return "fb" + hashlib.sha256(marker(guild_id, day).encode()).hexdigest()[:22]


def text_length(text: str) -> int:
    """Return the length as Discord may count it (UTF-16 units, never below code points)."""
    return len(text.encode("utf-16-le")) // 2


_MARKDOWN = re.compile(r"([\\*_~`|\[\]<>])")


def escape_markdown(text: str) -> str:
    """Escape Discord markdown so source text shows exactly as written."""
    text = _MARKDOWN.sub(r"\\\1", text)
    # A line starting with "#", "-#" or ">" would become a heading or quote.
    return re.sub(r"(?m)^(\s*)([#>-])", r"\1\\\2", text)


def citation_text(item: BriefingItem, *, note_chars: int = 160, urls: bool = True) -> str:
    """One line saying where the item comes from: article, section and its notes."""
    authors = ", ".join(item.article.authors)
    parts = [
        (f"{escape_markdown(authors)}, " if authors else "")
        + f"*{escape_markdown(item.article.title)}*"
    ]
    if item.section:
        parts.append(escape_markdown(item.section))
    for citation in item.citations:
        if citation.note is None:
            if urls and citation.url:
                parts.append(f"<{citation.url}>")
            continue  # the article itself, already named
        lead = citation_lead(citation)
        bits = [f"{lead}: {escape_markdown(clip(citation.text, note_chars))}"]
        if citation.page and f"p. {citation.page}" not in citation.text:
            bits.append(f"p. {escape_markdown(citation.page)}")
        if urls and citation.url:
            bits.append(f"<{citation.url}>")
        parts.append(" ".join(bits))
    return " · ".join(parts)


def _figure_text(item: BriefingItem) -> str:
    figure = item.figure
    span = figure_span(figure, item.text) if figure else None
    if span is None:
        return escape_markdown(item.text)
    start, end = span
    return (
        escape_markdown(item.text[:start])
        + f"**{escape_markdown(item.text[start:end])}**"
        + escape_markdown(item.text[end:])
    )


def _header(briefing: Briefing) -> str:
    day = briefing.day
    title = f"**Daily briefing — {day:%A} {day.day} {day:%B %Y}**"
    if briefing.late:
        title += " *(posted late: the bot was offline at the scheduled time)*"
    return title


def _body(briefing: Briefing, note_chars: int, urls: bool) -> list[str]:
    lines: list[str] = []
    for n, item in enumerate(briefing.facts, 1):
        lines.append(f"**{n}.** {escape_markdown(item.text)}")
        lines.append(f"-# ↳ {citation_text(item, note_chars=note_chars, urls=urls)}")
    if briefing.figure is not None:
        item = briefing.figure
        head = escape_markdown(item.figure.text) if item.figure else ""
        lines.append(f"**Figure of the day: {head}**")
        lines.append(_figure_text(item))
        lines.append(f"-# ↳ {citation_text(item, note_chars=note_chars, urls=urls)}")
    if briefing.quote is not None:
        item = briefing.quote
        who = f" — {escape_markdown(item.speaker)}" if item.speaker else ""
        lines.append("**Quote of the day**")
        lines.append(f"> “{escape_markdown(item.text)}”{who}")
        lines.append(f"-# ↳ {citation_text(item, note_chars=note_chars, urls=urls)}")
    if not briefing.items:
        lines.append("*The sources have nothing to brief on yet.*")
    return lines


def render_text(briefing: Briefing, *, limit: int) -> str:
    """Render the briefing as one Discord message (markdown), ending with its marker line.

    Citations are shortened, then lose their URLs, until the text fits in `limit`; `pick`
    guarantees that the shortest form fits.
    """
    footer = f"-# {marker(briefing.guild_id, briefing.day)}"
    text = ""
    for note_chars, urls in ((160, True), (90, True), (60, False), (30, False)):
        text = "\n".join([_header(briefing), *_body(briefing, note_chars, urls), footer])
        if text_length(text) <= limit:
            return text
    return text


def render_plain(briefing: Briefing) -> str:
    """Render the briefing for a terminal: the same content without Discord markdown."""
    lines = [f"Daily briefing — {briefing.day:%A} {briefing.day.day} {briefing.day:%B %Y}"]
    lines.append(f"(guild {briefing.guild_id})")

    def cite(item: BriefingItem) -> list[str]:
        out = []
        for c in item.citations:
            if c.note is None:
                url = f" <{c.url}>" if c.url else ""
                out.append(f"     source: {c.text}{url}")
                continue
            page = f", p. {c.page}" if c.page and f"p. {c.page}" not in c.text else ""
            url = f" <{c.url}>" if c.url else ""
            out.append(f"     {citation_lead(c)}: {c.text}{page}{url}")
        if not any(c.note is None for c in item.citations):
            where = f"{item.article.title}" + (f" — {item.section}" if item.section else "")
            out.insert(0, f"     from: {where}")
        out.append(f"     [{item.source_id}] key {item.key}")
        return out

    for n, item in enumerate(briefing.facts, 1):
        lines += ["", f"{n:>2}.  {item.text}", *cite(item)]
    if briefing.figure is not None:
        item = briefing.figure
        lines += ["", f"Figure: {item.figure.text if item.figure else ''}", f"     {item.text}"]
        lines += cite(item)
    if briefing.quote is not None:
        item = briefing.quote
        who = f" — {item.speaker}" if item.speaker else ""
        lines += ["", f"Quote: “{item.text}”{who}", *cite(item)]
    if not briefing.items:
        lines += ["", "(nothing to brief on)"]
    return "\n".join(lines)


def to_json(briefing: Briefing, *, limit: int) -> dict[str, object]:
    """Return the briefing as plain JSON-ready data (for `python -m bot briefing --json`).

    `text` is the message as posted, in at most `limit` characters.
    """

    def citation(c: Citation) -> dict[str, object]:
        return {
            "note": c.note,
            "text": c.text,
            "url": c.url,
            "accessed": c.accessed,
            "page": c.page,
        }

    def item(i: BriefingItem) -> dict[str, object]:
        out: dict[str, object] = {
            "key": i.key,
            "kind": i.pool,
            "text": i.text,
            "article": {"id": i.article.id, "title": i.article.title},
            "section": i.section,
            "source_id": i.source_id,
            "citations": [citation(c) for c in i.citations],
        }
        if i.speaker is not None:
            out["speaker"] = i.speaker
        if i.figure is not None:
            out["figure"] = {
                "text": i.figure.text,
                "value": i.figure.value,
                "unit": i.figure.unit,
                "kind": i.figure.kind,
            }
        return out

    return {
        "guild_id": briefing.guild_id,
        "date": briefing.day.isoformat(),
        "late": briefing.late,
        "items": [item(i) for i in briefing.items],
        "marker": marker(briefing.guild_id, briefing.day),
        "text": render_text(briefing, limit=limit),
    }
