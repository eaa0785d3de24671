"""The Markdown block walker: the parser's block tokens to the shared blocks.

Headings, paragraphs, lists, block quotes and callouts, HTML blocks and figures, image captions,
tables, speaker turns, a memo's field header and a post's meta line; notes and rules kept aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html import unescape

from markdown_it.token import Token

from bot.core.ingest.author_lines import is_affiliation_line, without_author_marks
from bot.core.ingest.figures import find_figures
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.markdown_inline import InlineText, MarkdownLine, clean_inline
from bot.core.ingest.markdown_lines import (
    HTML_TAG,
    heading_like,
    is_callout_label,
    is_navigation,
    lead_in,
    link_only,
    links_to_pages,
    shortcode_caption,
    speaker_label,
    unwrapped,
    with_url,
)
from bot.core.ingest.markdown_parts import caption_lines, image_first, note_rows, table_row
from bot.core.ingest.memo_header import is_field_line, memo_field
from bot.core.ingest.metadata import parse_byline
from bot.core.ingest.page_fields import PageFields, page_fields
from bot.core.ingest.post_meta import Imprint, credit_names, read_imprint, read_meta_line
from bot.core.ingest.press_release import is_release_marker
from bot.core.ingest.show_cast import cast_member, cast_of, intro_cast, role_person
from bot.core.ingest.sign_off import is_platform_link, signature, signs_as_author, without_calls

_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure\s*>", re.I | re.S)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_FIGURE_QUOTE = re.compile(r"<blockquote\b", re.I)
# a blog platform's boxes after the post, by their element's class or id: Jetpack's
# "sharedaddy"/"sd-like"/"jp-relatedposts", an "author-bio" or "post-share" box
_POST_FURNITURE = re.compile(
    r"""\s*<(?:div|section|aside|nav|footer|ul)\b[^>]*\b(?:class|id)\s*=\s*["'][^"']*"""
    r"(?<![\w-])(?:sharedaddy|sd-(?:sharing|like|block)[\w-]*|jp-relatedposts|"
    r"(?:post-|entry-)?(?:share|sharing|likes?|related)(?:-?posts?|-?links|-?box)?|"
    r"(?:post-|entry-)?author-?(?:bio|box|info|card)|about-?(?:the-?)?author)(?![\w-])",
    re.I,
)
_DROP_HTML = re.compile(
    r"<(script|style|iframe|noscript|svg|form|object|embed|video|audio|template)\b.*?"
    r"(?:</\1\s*>|$)",
    re.I | re.S,
)
_STAGE_NOTE = re.compile(r"^\[[^\[\]]{1,40}\]$")
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}$")  # "*By Greta Lindqvist*"


# a GitHub or Obsidian callout opening a block quote ("> [!NOTE]", "> [!tip]- Title"): the
# marker says what kind of aside it is, the quote is the writer's own note, nobody's quotation
_CALLOUT = re.compile(r"^\[![A-Za-z][\w-]{0,20}\][+-]?\s*")


# a task list item's box ("- [ ] Send the forecast", "- [x] Done"): a mark, not text
_TASK_BOX = re.compile(r"^\[[ xX✓✔]\]\s+")


# a list item's paragraph opening with a sub-point's letter or numeral: "(a) maintain …",
# "(ii) report …", "b) …": a point of its own under the item's lead-in, as in a treaty or a bill
_SUB_POINT = re.compile(r"^\(?(?:[a-z]|[ivx]{1,6}|\d{1,2})\)\s+\S")


# a callout that quotes someone ("> [!quote] Name, role"): its lines are that person's words
_QUOTE_CALLOUTS = frozenset({"quote", "cite"})
_CALLOUT_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}(?:,\s*\S.*)?$")


# a note on how a transcript was made: "Transcript automatically generated. It may contain
# errors", "This transcript was machine-generated …", "Auto-generated captions": no text
_MADE_BY_MACHINE = re.compile(
    r"^\W*(?:this\s+|the\s+)?(?:(?:transcript|captions?|subtitles?)\s+(?:(?:was|is|were|are|has"
    r"\s+been|have\s+been)\s+)?(?:automatically|auto-?|machine-?|computer-?)\s*-?generated"
    r"|(?:transcript|captions?|subtitles?)\s+(?:was|is|were|are|has\s+been|have\s+been)\s+"
    r"(?:generated|produced|created|made)\s+(?:automatically|by\s+(?:a\s+)?(?:machine|software))"
    r"|(?:this\s+is\s+an?\s+)?(?:automatically|auto|machine|computer)[-\s]generated\s+"
    r"(?:transcript|captions?|subtitles?))\b",
    re.I,
)


_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")


def _delivery_notice(text: str) -> bool:
    """Whether a header line is an undated release or delivery notice ("As prepared for delivery").

    Such a line is no text and no subtitle; a dated embargo is left for the date readers.
    """
    return is_release_marker(text) and not any(f.kind == "date" for f in find_figures(text))


@dataclass
class MarkdownWalker:
    """Walks the block tokens, building blocks; notes and rules are kept aside."""

    file: str
    numbers: dict[str, int]
    blocks: list[Block] = field(default_factory=list)
    notes: list[SourceLine] = field(default_factory=list)
    rules: list[int] = field(default_factory=list)  # block index after each thematic break
    urls: dict[int, str] = field(default_factory=dict)  # source line → its first web link
    date: str | None = None  # the post's date, from its meta line ("Published 9 April 2025 · …")
    image_end: int = -1  # len(blocks) just after an image paragraph (a caption may follow)
    signed: str | None = None  # the writer signing the opening note ("… — Ana Ruiz")
    credited: tuple[str, ...] = ()  # the header's "Notes by: Name" (who wrote the record)
    imprint: Imprint | None = None  # the header's "Published by …" line
    affiliated: bool = False  # the header's authors carry affiliation marks ("Name¹")
    opened: bool = False  # a section heading or a speaker's turn has begun the body
    hosts: list[str] = field(default_factory=list)  # a show's header: "Hosts: A and B"
    cast: list[str] = field(default_factory=list)  # every person its cast lines name
    intro: dict[str, str] = field(default_factory=dict)  # "host **A** talks to **B**": roles
    # lines asking the reader to subscribe, and what is left of each without the asking
    calls: dict[int, str] = field(default_factory=dict)
    memo: dict[str, str] = field(default_factory=dict)  # a memo header's fields, by role
    kind_heading: bool = False  # one word heads the memo's fields: "# MEMORANDUM"
    # paragraphs opening with a bold lead-in ("**Housing.** The council …"): block index, words
    lead_ins: list[tuple[int, SourceLine]] = field(default_factory=list)
    page: PageFields | None = None  # a wiki page's field table ("| Page owner | Last reviewed |")
    page_rest: int = -1  # the block of its other fields, until the page's title heading follows
    link_list: int = -1  # the last block when it is a list of links to other pages only

    def inline(self, token: Token) -> list[MarkdownLine]:
        """An inline token as plain lines, its note links numbered."""
        return InlineText(self.numbers).render(token)

    def walk(self, tokens: list[Token]) -> None:
        """Build the blocks of a token stream."""
        i = 0
        while i < len(tokens):
            i = self._step(tokens, i)
        self._drop_link_section(1)

    def _close(self, tokens: list[Token], i: int, open_type: str) -> int:
        close = open_type.replace("_open", "_close")
        depth = 0
        for j in range(i, len(tokens)):
            if tokens[j].type == open_type:
                depth += 1
            elif tokens[j].type == close:
                depth -= 1
                if depth == 0:
                    return j
        return len(tokens) - 1

    def _step(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        first = (token.map[0] + 1) if token.map else 0
        if kind == "heading_open":
            lines = self.inline(tokens[i + 1])
            text = " ".join(line.text for line in lines)
            if text:
                level = int(token.tag[1:] or 0)
                self._drop_link_section(level)
                self.opened = self.opened or level >= 2
                heading = Block("heading", (SourceLine(text, first),), level=level)
                if level == 1 and self.page_rest == len(self.blocks) - 1:
                    self.blocks.insert(self.page_rest, heading)  # the title over the fields
                else:
                    self.blocks.append(heading)
                self.page_rest = -1
            return i + 3
        if kind == "paragraph_open":
            self._paragraph_token(tokens[i + 1], first)
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            end = self._close(tokens, i, kind)
            self._list(tokens[i : end + 1], ordered=kind == "ordered_list_open")
            return end + 1
        if kind == "blockquote_open":
            end = self._close(tokens, i, kind)
            quoted = [
                SourceLine(line.text, (t.map[0] + 1 if t.map else first) + line.offset)
                for t in tokens[i:end]
                if t.type == "inline"
                for line in self.inline(t)
            ]
            callout = _CALLOUT.match(quoted[0].text) if quoted else None
            if quoted and _MADE_BY_MACHINE.match(quoted[0].text):
                return end + 1  # how the transcript was made: a note on it, no text
            if callout:
                self._callout(quoted, callout.end())
            elif quoted:
                self.blocks.append(Block("quote", tuple(quoted)))
            return end + 1
        if kind == "dl_open":
            end = self._close(tokens, i, kind)
            self._definitions(tokens[i : end + 1])
            return end + 1
        if kind == "html_block":
            self._html(token.content, first)
            return i + 1
        if kind == "math_block":  # "$$ … $$" display math: its formula kept as written
            formula = " ".join(token.content.split())
            if formula:
                self.blocks.append(Block("paragraph", (SourceLine(f"$$ {formula} $$", first),)))
            return i + 1
        if kind == "hr":
            self.rules.append(len(self.blocks))
            return i + 1
        if kind == "table_open":
            end = self._close(tokens, i, kind)
            self._table(tokens[i : end + 1])
            return end + 1
        if kind == "footnote_reference_open":
            end = self._close(tokens, i, kind)
            self._footnote(token, tokens[i : end + 1])
            return end + 1
        return i + 1  # fences, code blocks, front matter, closers: not article text

    def _drop_link_section(self, level: int) -> None:
        """Drop a section that only lists links to other pages ("## Related pages", "See also").

        It is the site's navigation, neither a section nor text. Called as a heading of `level`
        (or the end) closes it: a deeper heading would be a part of that section, more than links.
        """
        blocks = self.blocks
        if (
            self.link_list == len(blocks) - 1
            and len(blocks) >= 2
            and blocks[-2].kind == "heading"
            and blocks[-2].level >= 2
            and level <= blocks[-2].level
        ):
            del blocks[-2:]
            self.rules = [min(r, len(blocks)) for r in self.rules]
        self.link_list = -1

    def _callout(self, lines: list[SourceLine], cut: int) -> None:
        """A callout's lines without its marker: the writer's paragraphs (a title its own).

        A short title ("Source", "Key facts") is the box's label, no line of text; a quoting
        callout ("[!quote] Name, role") holds that person's words, the title their credit.
        """
        kind = lines[0].text[2:cut].strip(" ]+-").lower()
        head = lines[0].text[cut:].strip()
        body = tuple(lines[1:])
        if kind in _QUOTE_CALLOUTS and body:
            body = unwrapped(body)
            credit = _CALLOUT_NAME.match(head) is not None
            if credit:
                body = (*body, replace(lines[0], text=f"— {head}"))
            elif head and not is_callout_label(head):
                self.blocks.append(Block("paragraph", (replace(lines[0], text=head),)))
            self.blocks.append(Block("quote", body))
            return
        if head and not is_callout_label(head):
            self.blocks.append(Block("paragraph", (replace(lines[0], text=head),)))
        if body:
            self.blocks.append(Block("paragraph", body))

    def _definitions(self, tokens: list[Token]) -> None:
        """A definition list: each definition a paragraph naming its term ("Term: definition")."""
        term = ""
        for k, token in enumerate(tokens):
            if token.type == "dt_open" and k + 1 < len(tokens):
                term = " ".join(line.text for line in self.inline(tokens[k + 1])).rstrip(" :")
            elif token.type == "dd_open":
                close = self._close(tokens, k, "dd_open")
                inlines = [t for t in tokens[k:close] if t.type == "inline"]
                text = " ".join(line.text for t in inlines for line in self.inline(t)).strip()
                if not text:
                    continue
                number = (token.map[0] + 1) if token.map else 0
                said = f"{term}: {text}" if term else text
                self.blocks.append(Block("paragraph", (SourceLine(said, number),)))

    def _paragraph_token(self, token: Token, first: int) -> None:
        shortcode = shortcode_caption(token.content)
        if shortcode is not None:
            self.blocks.append(Block("image", (SourceLine(shortcode, first),)))
            return
        link = link_only(token)
        if link is not None and is_platform_link(link[1 : link.index("](")]):
            return  # "[View in browser](…)": the mailing platform's, no text
        if link is not None:
            self.blocks.append(Block("paragraph", (SourceLine(link, first),)))
            return
        image = image_first(token)
        if image is not None:
            raw_alt, rest = image
            alt = clean_inline(raw_alt).strip()
            if alt:
                self.blocks.append(Block("image", (SourceLine(alt, first),)))
            self.image_end = len(self.blocks)
            if rest is None:
                return
            token, first = rest, first + 1
        caption = caption_lines(token) if self.image_end == len(self.blocks) else None
        if caption is not None:
            head, below = caption
            lines = self.inline(head)
            text = " ".join(line.text for line in lines)
            if text and not _BYLINE.match(text):
                # the caption the author wrote under the picture says more than its alt text
                if self.blocks and self.blocks[-1].kind == "image":
                    self.blocks.pop()
                self.blocks.append(Block("image", (SourceLine(text, first + lines[0].offset),)))
                self.image_end = -1
                if below is None:
                    return
                token, first = below, first + 1
        self._paragraph(self.inline(token), first)

    def _paragraph(self, lines: list[MarkdownLine], first: int) -> None:
        if not lines or _MADE_BY_MACHINE.match(lines[0].text):
            return
        signed = signature(lines[-1].text)
        if signed is not None:  # the writer's name after the last sentence is no text
            lines[-1].text, name = signed
            whole = " ".join(line.text for line in lines)
            if not self.opened and self.signed is None and signs_as_author(whole, name):
                self.signed = name
        run: list[SourceLine] = []

        def flush() -> None:
            if run:
                self.blocks.append(Block("paragraph", tuple(run)))
                run.clear()

        for k, line in enumerate(lines):
            number = first + line.offset
            if line.urls:
                self.urls.setdefault(number, line.urls[0])
            if is_navigation(line):  # "Related: [[A]], [[B]]": links to other pages, no text
                flush()
                continue
            left = without_calls(line.text, line.links)
            if left is not None:
                self.calls[number] = left
            cast = cast_of(line.text) if not self.opened else None
            if cast is not None:  # the header's "Hosts: …" stays for the header step
                role, people = cast
                self.cast.extend(people)
                self.hosts.extend(people if role == "host" else ())
            marked = without_author_marks(line.text) if not self.opened else None
            authors = parse_byline(marked) if marked and not self._headed() else None
            if authors and (len(authors) > 1 or authors[0] in line.bolds or "ORCID" in line.text):
                # one marked name alone must be set bold: "Lessons Learned¹" is a subtitle
                flush()  # "**A**¹ (ORCID …), **B**²": the paper's authors, no text
                self.credited = self.credited or authors
                self.affiliated = True
                continue
            if self.affiliated and not self._headed() and is_affiliation_line(line.text):
                flush()  # "¹ Department of Soil Science, University of …": where they work
                continue
            imprint = read_imprint(line.text) if not self.opened and not self._headed() else None
            if imprint is not None:  # "Published by X, Series No. 4": the publisher, no text
                flush()
                self.imprint = self.imprint or imprint
                continue
            credit = credit_names(line.text) if not self._headed() else None
            names = parse_byline(credit) if credit else None
            if names:  # "Notes by: Marcus Reid" in a record's header: its writer, no text
                flush()
                self.credited = self.credited or names
                continue
            if not self.opened and not self._headed() and _delivery_notice(line.text):
                flush()  # "*Check against delivery*": the press office's warning, no subtitle
                continue
            meta = read_meta_line(line.text)
            if meta is not None:  # a post's date line is its date, not a sentence
                flush()
                self.date = self.date or meta.date
                for byline in meta.bylines:
                    self.blocks.append(Block("paragraph", (SourceLine(byline, number),)))
                continue
            if line.bold_whole and _STAGE_NOTE.match(line.text):
                flush()  # "**[ad break]**", "**[MUSIC]**": the transcriber's note, no heading
                continue
            if not self.opened and line.bolds:  # "host **Jo Park** talks to **Ana Ruiz**"
                for role, person in intro_cast(line.text, line.bolds).items():
                    self.intro.setdefault(role, person)
            label = speaker_label(line)
            prefix = line.bold_prefix or ""
            if not label and not line.bold_whole and line.text[len(prefix) :].startswith(":"):
                label = role_person(prefix, self.intro)  # "**Guest**: …", the colon outside
            if (
                line.bold_whole
                and line.bold_prefix
                and not label
                and heading_like(line.bold_prefix)
                and (k == 0 or not run)
            ):
                flush()
                self.blocks.append(Block("heading", (SourceLine(line.bold_prefix, number),)))
                continue
            if label and not self.opened and not self._headed():
                value = line.text[len(line.bold_prefix or "") :].lstrip(" :.").strip()
                memo = memo_field(label, value)
                if memo is not None:  # "**FROM:** Name, role": the memo's sender, no text
                    flush()
                    self.memo.setdefault(memo.role, memo.value)
                    top = self.blocks[0] if len(self.blocks) == 1 else None
                    if top and top.kind == "heading" and len(top.text.split()) == 1:
                        self.kind_heading = True
                    continue
                if self.memo and " " not in label and not _SENTENCE_END.search(value):
                    flush()  # under a memo's or a speech's fields ("**Place:** Hall, City")
                    continue
                if is_field_line(label, value) and cast_member(label, self.cast) is None:
                    flush()  # "**Event:** Conference, date, venue": a field, nobody's words
                    run.append(SourceLine(value, number))
                    continue
            lead = lead_in(line) if k == 0 and not label else None
            if lead is not None:  # a run-in heading, if the document has more than one
                flush()
                self.lead_ins.append((len(self.blocks), SourceLine(lead, number)))
                run.append(SourceLine(line.text[len(line.bold_prefix or "") :].strip(), number))
                continue
            if label:
                flush()
                self.opened = True
                # "Jo" of "Host: Jo Park"; "Host" of "host **Jo Park** talks to …"
                label = cast_member(label, self.cast) or role_person(label, self.intro) or label
                rest = line.text[len(line.bold_prefix or "") :].lstrip(" :.").strip()
                run.append(SourceLine(f"{label}: {rest}" if rest else f"{label}:", number))
                continue
            run.append(SourceLine(line.text, number))
        flush()

    def _headed(self) -> bool:
        """Whether a section heading has begun the body (the header is over)."""
        return any(b.kind == "heading" and b.level >= 2 for b in self.blocks)

    def _list(self, tokens: list[Token], *, ordered: bool) -> None:
        items: list[SourceLine] = []
        linked = all(links_to_pages(t) for t in tokens if t.type == "inline")
        depth = 0
        for k, token in enumerate(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif token.type == "list_item_open":
                number = (token.map[0] + 1) if token.map else 0
                texts: list[str] = []
                points: list[SourceLine] = []  # the item's lettered sub-points, "(a) …"
                for t in tokens[k + 1 :]:
                    if t.type == "list_item_close" and t.level == token.level:
                        break
                    if t.type == "list_item_open":
                        break
                    if t.type != "inline":
                        continue
                    said = " ".join(line.text for line in self.inline(t))
                    if (texts or points) and _SUB_POINT.match(said):
                        points.append(SourceLine(said, (t.map[0] + 1) if t.map else number))
                    elif points:
                        points[-1] = replace(points[-1], text=f"{points[-1].text} {said}")
                    else:
                        texts.append(said)
                text = _TASK_BOX.sub("", " ".join(texts).strip())
                if not text:
                    continue
                bullet = f"{token.info}." if ordered and token.info and depth == 1 else "•"
                items.append(SourceLine(f"{bullet} {text}", number))
                items.extend(points)
        if items:
            self.blocks.append(Block("list", tuple(items)))
            self.link_list = len(self.blocks) - 1 if linked else -1

    def _html(self, content: str, first: int) -> None:
        """An HTML block's text; a <figure>'s <figcaption> is its picture's caption.

        A block whose element names a blog's furniture (a share or like box, related posts,
        the author's bio box) is no text.
        """
        if _POST_FURNITURE.match(content):
            return
        at = 0
        for figure in _FIGURE.finditer(content):
            caption = _FIGCAPTION.search(figure.group(0))
            if caption is None or _FIGURE_QUOTE.search(figure.group(0)):
                continue  # a figure holding a block quote: its caption names who says it
            self._html_text(content[at : figure.start()], first + content.count("\n", 0, at))
            text = clean_inline(unescape(HTML_TAG.sub(" ", caption.group(1)))).strip()
            line = first + content.count("\n", 0, figure.start() + caption.start())
            if text:
                self.blocks.append(Block("image", (SourceLine(text, line),)))
            at = figure.end()
        self._html_text(content[at:], first + content.count("\n", 0, at))

    def _html_text(self, content: str, first: int) -> None:
        text = HTML_TAG.sub(
            " ", _DROP_HTML.sub(" ", re.sub(r"<!--.*?(?:-->|$)", " ", content, flags=re.S))
        )
        text = clean_inline(unescape(text)).strip()
        if len(text.split()) >= 3:
            self.blocks.append(Block("paragraph", (SourceLine(text, first),)))

    def _table(self, tokens: list[Token]) -> None:
        """A table of numbered rows (`| 1. | text |`) is a notes list; any other gives its rows.

        Each body row is a paragraph of its own naming every value by its column,
        "Format: E-book, metered; Price paid: 58 euros.": a row cited alone still says what its
        figures are, which the values in a row ("E-book · 58 euros · 26 loans") do not.
        """
        rows: list[tuple[int, list[str]]] = []
        header: list[str] = []
        in_head = False
        for k, token in enumerate(tokens):
            if token.type in ("thead_open", "thead_close"):
                in_head = token.type == "thead_open"
            if token.type == "tr_open":
                cells: list[str] = []
                for t in tokens[k + 1 :]:
                    if t.type == "tr_close":
                        break
                    if t.type == "inline":
                        cells.append(" ".join(line.text for line in self.inline(t)))
                if in_head:
                    header = cells
                rows.append(((token.map[0] + 1) if token.map else 0, cells))
        notes = note_rows(rows)
        if notes:
            for line, number, text in notes:
                self.notes.append(SourceLine(f"{number} {text}", line))
            return
        fields = self._page_fields(header, rows)
        if fields is not None:
            self.page = fields
            if fields.rest:
                self.page_rest = len(self.blocks)
                self.blocks.append(Block("paragraph", (SourceLine(fields.rest, rows[0][0]),)))
            return
        for line, cells in rows[1:] if header else rows:
            text = table_row(header, cells)
            if text:
                self.blocks.append(Block("paragraph", (SourceLine(text, line),)))

    def _page_fields(
        self, header: list[str], rows: list[tuple[int, list[str]]]
    ) -> PageFields | None:
        """A field table opening the page, above its first section and paragraph; else None."""
        if self.page is not None or any(b.kind != "heading" or b.level >= 2 for b in self.blocks):
            return None
        return page_fields(header, [cells for _, cells in (rows[1:] if header else rows)])

    def _footnote(self, opener: Token, tokens: list[Token]) -> None:
        label = str(opener.meta.get("label", ""))
        number = self.numbers.get(label, int(opener.meta.get("id", 0)) + 1)
        rendered = [line for t in tokens if t.type == "inline" for line in self.inline(t)]
        text = " ".join(line.text for line in rendered).strip()
        url = next((u for line in rendered for u in line.urls), None)
        line = next(((t.map[0] + 1) for t in tokens if t.map), 0)
        self.notes.append(SourceLine(with_url(f"{number} {text}", url), line))
