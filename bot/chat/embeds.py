"""Discord embeds from the response model: answers, no-match, context, sources, about and help.

Every function here is pure (response model in, `discord.Embed` out) and every embed it returns
keeps all of Discord's limits whatever the length of the passage, query or notes: text is cut at
a word and ends with "…". Text from users or sources is escaped (markdown and mentions) before it
is shown, and figures are set in bold on the passage itself, with offsets kept right.

This module must never search, touch a database or send anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

from bot.core.answers import About, Answer, ArticleInfo, Citation, Hit, citation_lead
from bot.core.passages import ELLIPSIS, clip, figure_span
from bot.plain_text import location

MESSAGE_MAX = 2000  # a message's content
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
TOTAL_MAX = 6000
FIELDS_MAX = 25

ARTICLES_PER_PAGE = 8  # an article line is at most ~450 characters: 8 stay under 4,096
PASSAGE_MAX = 1500  # leaves room in the 6,000 total for the where and sources fields
CITATION_MAX = 400
SOURCE_FIELDS_MAX = 2
QUERY_ECHO_MAX = 200
URL_MAX = 300

FACT_COLOUR = discord.Colour.blurple()
QUOTE_COLOUR = discord.Colour.teal()
MISS_COLOUR = discord.Colour.orange()


def escape(text: str) -> str:
    """Escape markdown and mentions in text shown to users (so `@everyone` cannot ping)."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def shown(text: str, limit: int) -> str:
    """`text` escaped and cut to `limit` (cut first, so huge text is never escaped whole)."""
    return clip(escape(clip(text, limit)), limit)


def _spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Valid, sorted, non-overlapping spans inside `text`."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if 0 <= start < end <= len(text) and text[start:end].strip():
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end))
    return kept


def _bold(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escape `text` and wrap each span in `**`, escaping segment by segment so offsets hold."""
    out: list[str] = []
    position = 0
    for start, end in spans:
        span = text[start:end]
        core = span.strip()
        lead = span[: len(span) - len(span.lstrip())]
        trail = span[len(span.rstrip()) :]
        out.append(escape(text[position:start] + lead))
        out.append("**" + escape(core) + "**")
        out.append(escape(trail))
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(text: str, spans: Iterable[tuple[int, int]], limit: int) -> str:
    """Render `text` escaped, spans in bold, within `limit` characters (cut at a word, "…").

    The raw text is cut before escaping and marking, so a cut never splits an escape or leaves
    an unclosed `**`; spans that do not end inside the kept text lose their bold.
    """
    valid = _spans(text, spans)
    budget = min(len(text), limit)  # escaping only lengthens, so no more raw text can fit
    while budget > 0:
        if budget >= len(text):
            raw, suffix = text, ""
        else:
            raw = clip(text, budget + len(ELLIPSIS))[: -len(ELLIPSIS)]
            suffix = ELLIPSIS
        kept = [(s, e) for s, e in valid if e <= len(raw)]
        rendered = _bold(raw, kept).rstrip("\\") + suffix
        if len(rendered) <= limit:
            return rendered
        budget = min(budget - 1, budget * limit // max(len(rendered), 1))
    return ELLIPSIS


def figure_spans(hit: Hit) -> list[tuple[int, int]]:
    """Offsets of the hit's figures in its text (re-found by text when an offset is off)."""
    return [span for f in hit.figures if (span := figure_span(f, hit.text)) is not None]


def citation_line(number: int, citation: Citation, limit: int = CITATION_MAX) -> str:
    """One numbered citation: how it is cited, reference text, page, access date, link.

    "note 6: …" is a note the passage carries, "probably rests on note 6 (…): …" one inferred
    from its paragraph, "source: the article: …" the article itself (see `citation_lead`).
    """
    extras = []
    if citation.page:
        page = citation.page.strip()
        extras.append(f"p. {page}" if page[:1].isdigit() else page)
    if citation.accessed:
        extras.append(f"accessed {citation.accessed}")
    tail = shown(f" ({', '.join(extras)})", 120) if extras else ""
    link = ""
    if citation.url and len(citation.url) <= URL_MAX and " " not in citation.url:
        link = f"\n<{citation.url}>"
    lead = f"[{number}] {shown(citation_lead(citation), 120)}: "
    room = max(limit - len(lead) - len(tail) - len(link), 20)
    return f"{lead}{shown(citation.text, room)}{tail}{link}"


def _pack(lines: Sequence[str], limit: int, max_chunks: int) -> list[str]:
    """Group lines into at most `max_chunks` values of at most `limit` characters each."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = clip(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = line
        if len(chunks) == max_chunks:
            break
    if current and len(chunks) < max_chunks:
        chunks.append(current)
    if len(chunks) == max_chunks and sum(len(x) for x in lines) > sum(len(c) for c in chunks):
        chunks[-1] = clip(chunks[-1] + "\n" + ELLIPSIS, limit)
    return chunks


def where_text(hit: Hit) -> str:
    """Note or section, page, and article of a hit, as one line."""
    place = location(hit)
    place = f"{place} in " if place else ""
    authors = f" by {', '.join(hit.article.authors)}" if hit.article.authors else ""
    return shown(f"{place}{hit.article.title}{authors}", FIELD_VALUE_MAX)


def answer_embed(answer: Answer, index: int) -> discord.Embed:
    """The embed for hit `index` of a matched answer: passage, where it stands, its sources."""
    hit = answer.hits[index]
    total = len(answer.hits)
    is_quote = answer.command == "quote"
    passage = highlight(hit.text, figure_spans(hit), PASSAGE_MAX)
    if is_quote:
        speaker = f"\n— {shown(hit.speaker, 200)}" if hit.speaker else ""
        description = f"“{passage}”{speaker}"
    else:
        description = passage
    if hit.credit:
        description += f"\n*{shown(hit.credit, 200)}*"
    embed = discord.Embed(
        title=f"{'Quote' if is_quote else 'Fact'} {index + 1} of {total}",
        description=description,
        colour=QUOTE_COLOUR if is_quote else FACT_COLOUR,
    )
    embed.set_author(name=clip(hit.article.title, AUTHOR_MAX))
    embed.add_field(name="Where", value=where_text(hit), inline=False)
    lines = [citation_line(n, c) for n, c in enumerate(hit.citations, start=1)]
    for n, chunk in enumerate(_pack(lines, FIELD_VALUE_MAX, SOURCE_FIELDS_MAX)):
        embed.add_field(name="Sources" if n == 0 else "Sources (cont.)", value=chunk, inline=False)
    embed.set_footer(text=footer_text(answer))
    return fit(embed)


def footer_text(answer: Answer) -> str:
    """The footer naming the command and the query (escaped, cut)."""
    query = clip(" ".join(answer.query[:2000].split()), QUERY_ECHO_MAX)
    return clip(f"/{answer.command} “{discord.utils.escape_mentions(query)}”", FOOTER_MAX)


CLOSEST_MAX = 5
CLOSEST_PASSAGE_MAX = 300


def no_match_embed(answer: Answer) -> discord.Embed:
    """The embed for an answer without hits: why, and what is offered instead.

    A /quote for someone never quoted says so and names who is; a low-confidence answer offers
    the closest passages, each with where it stands, as suggestions rather than as an answer.
    """
    if answer.unquoted is not None:
        return _unquoted_embed(answer)
    query = shown(" ".join(answer.query[:2000].split()), QUERY_ECHO_MAX)
    fields: list[tuple[str, str]] = []
    if answer.error:
        description = shown(answer.error, 500)
        title = "I can't run that search"
    else:
        what = "quotation" if answer.command == "quote" else "passage"
        description = f"No {what} in my sources matches “{query}” closely enough."
        title = "No exact match"
    if answer.closest and not answer.error:
        description += (
            "\n\n**The closest passages** — not an answer; check them yourself, or press one "
            "to search for it:"
        )
        for n, hit in enumerate(answer.closest[:CLOSEST_MAX], start=1):
            fields.append(
                (f"{n}. {clip(where_text(hit), 200)}", shown(hit.text, CLOSEST_PASSAGE_MAX))
            )
    elif answer.suggestions:
        listed = "\n".join(f"• {shown(s, 200)}" for s in answer.suggestions[:5])
        description += f"\n\n**Try** (press one to search for it):\n{listed}"
    embed = discord.Embed(
        title=title, description=clip(description, DESCRIPTION_MAX), colour=MISS_COLOUR
    )
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=False)
    embed.set_footer(text=footer_text(answer))
    return fit(embed)


def _unquoted_embed(answer: Answer) -> discord.Embed:
    """/quote for someone the sources never quote: say so, who is quoted, where they are named."""
    name = shown(answer.unquoted or "", 100)
    description = f"**{name}** is never quoted in the sources."
    if answer.speakers:
        listed = ", ".join(shown(s, 100) for s in answer.speakers)
        description += f"\n\n**Quoted are:** {clip(listed, 1500)}"
        if answer.suggestions:
            description += "\nPress a name for their quotations."
    else:
        description += "\n\nNo one is quoted in the sources."
    embed = discord.Embed(
        title=f"Never quoted: {shown(answer.unquoted or '', 200)}",
        description=clip(description, DESCRIPTION_MAX),
        colour=MISS_COLOUR,
    )
    if answer.closest:
        lines = [f"• {shown(h.text, 250)}" for h in answer.closest[:CLOSEST_MAX]]
        embed.add_field(
            name=f"Passages that mention {shown(answer.unquoted or '', 200)}",
            value=_pack(lines, FIELD_VALUE_MAX, 1)[0],
            inline=False,
        )
    embed.set_footer(text=footer_text(answer))
    return fit(embed)


def context_embed(answer: Answer, index: int) -> discord.Embed:
    """The paragraph around hit `index`, the matched sentence in bold."""
    hit = answer.hits[index]
    context = hit.context or hit.text
    found = context.find(hit.text)
    spans = [(found, found + len(hit.text))] if found >= 0 else []
    embed = discord.Embed(
        title=clip(f"Context: {hit.section}" if hit.section else "Context", TITLE_MAX),
        description=highlight(context, spans, 3500),
        colour=FACT_COLOUR,
    )
    embed.set_author(name=clip(hit.article.title, AUTHOR_MAX))
    embed.set_footer(text=footer_text(answer))
    return fit(embed)


def sources_embed(answer: Answer, index: int) -> discord.Embed:
    """Every citation of hit `index`, numbered, with links, access dates and pages."""
    hit = answer.hits[index]
    lines = [citation_line(n, c, 1000) for n, c in enumerate(hit.citations, start=1)]
    description = "\n\n".join(lines) if lines else "This passage cites no source."
    embed = discord.Embed(title="Sources", description=clip(description, 3500), colour=FACT_COLOUR)
    embed.add_field(name="Passage from", value=where_text(hit), inline=False)
    embed.set_footer(text=footer_text(answer))
    return fit(embed)


def about_embed(about: About) -> discord.Embed:
    """What the index holds: each article with its counts, and when it was built."""
    lines = []
    for summary in about.articles:
        ref = summary.article
        authors = f" — {', '.join(ref.authors)}" if ref.authors else ""
        lines.append(
            f"**{shown(ref.title, 200)}**{shown(authors, 300)}\n"
            f"`{clip(ref.id, 100)}` · {summary.sentences} sentences · {summary.quotes} quotes · "
            f"{summary.figures} figures · {summary.notes} notes"
        )
    description = "\n\n".join(lines) if lines else "The index is empty."
    count = len(about.articles)
    embed = discord.Embed(
        title=f"What I know: {count} article{'s' if count != 1 else ''}",
        description=clip(description, 3800),
        colour=FACT_COLOUR,
    )
    if about.built_at:
        embed.set_footer(text=clip(f"Index built {about.built_at}", FOOTER_MAX))
    return fit(embed)


def help_embed() -> discord.Embed:
    """How to ask, with examples."""
    embed = discord.Embed(
        title="How to ask Factbot",
        description=(
            "I answer with exact passages from the policy articles I hold, and cite their "
            "sources. Type a question or a few keywords."
        ),
        colour=FACT_COLOUR,
    )
    embed.add_field(
        name="/fact query [article]",
        value=(
            "A passage that states a fact.\n"
            "`/fact how many soldiers in NATO Mission Iraq`\n"
            "`/fact iraq population`"
        ),
        inline=False,
    )
    embed.add_field(
        name="/quote [query] [speaker] [article]",
        value=(
            "A quotation, with who said it; give the topic, the speaker or both, in any order. "
            "For someone never quoted I say so, and who is.\n"
            "`/quote foreign deployments`\n"
            "`/quote security speaker:Masala`"
        ),
        inline=False,
    )
    embed.add_field(
        name="Buttons",
        value=(
            "◀ / ▶ page through the matches (only the person who asked), **Context** shows the "
            "paragraph, **Sources** the full references; 👍 / 👎 tell us whether it helped."
        ),
        inline=False,
    )
    embed.add_field(
        name="/articles [page]",
        value="Every article: title, authors, date, and how many sentences, quotes and notes.",
        inline=False,
    )
    embed.add_field(
        name="/about", value="Which articles I know and when I last read them.", inline=False
    )
    return fit(embed)


def articles_pages(count: int) -> int:
    """How many pages of `ARTICLES_PER_PAGE` the article list has (at least one)."""
    return max(1, -(-count // ARTICLES_PER_PAGE))


def articles_embed(articles: Sequence[ArticleInfo], page: int = 1) -> discord.Embed:
    """Page `page` (1-based, clamped) of the article list: title, authors, date and counts."""
    pages = articles_pages(len(articles))
    page = max(1, min(page, pages))
    start = (page - 1) * ARTICLES_PER_PAGE
    lines = []
    for info in articles[start : start + ARTICLES_PER_PAGE]:
        byline = ", ".join(info.authors)
        meta = " · ".join(x for x in (byline, info.date or "") if x)
        meta_line = f"{shown(meta, 150)}\n" if meta else ""
        lines.append(
            f"**{shown(info.title, 150)}**\n{meta_line}"
            f"`{clip(info.id, 80)}` · {info.sentences} sentences · {info.quotes} quotes · "
            f"{info.notes} notes"
        )
    count = len(articles)
    description = "\n\n".join(lines) if lines else "The index is empty."
    embed = discord.Embed(
        title=f"{count} article{'s' if count != 1 else ''}",
        description=clip(description, DESCRIPTION_MAX),
        colour=FACT_COLOUR,
    )
    if pages > 1:
        embed.set_footer(text=f"Page {page} of {pages}")
    return fit(embed)


def embed_size(embed: discord.Embed) -> int:
    """The characters of an embed that count toward Discord's 6,000 total."""
    return len(embed)


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce every per-field limit, then the 6,000 total by trimming fields and description."""
    if embed.title and len(embed.title) > TITLE_MAX:
        embed.title = clip(embed.title, TITLE_MAX)
    if embed.description and len(embed.description) > DESCRIPTION_MAX:
        embed.description = clip(embed.description, DESCRIPTION_MAX)
    while len(embed.fields) > FIELDS_MAX:
        embed.remove_field(-1)
    for n, field in enumerate(embed.fields):
        name = clip(field.name or "\u200b", FIELD_NAME_MAX)
        value = clip(field.value or "\u200b", FIELD_VALUE_MAX)
        embed.set_field_at(n, name=name, value=value, inline=bool(field.inline))
    while len(embed) > TOTAL_MAX and len(embed.fields) > 1:
        embed.remove_field(-1)
    if len(embed) > TOTAL_MAX and embed.description:
        excess = len(embed) - TOTAL_MAX
        embed.description = clip(embed.description, max(len(embed.description) - excess, 1))
    return embed
