"""The Markdown reader: markdown-it-py (CommonMark, tables, footnotes, front matter) to blocks.

The parser's tokens become the shared blocks: headings, paragraphs, lists, block quotes, image
captions and notes. Inline markup is reduced to plain text: link text stays (a link to a note,
`[3](#fn3)`, becomes a superscript marker, a "Return to text" back-link is dropped), inline
HTML tags, Liquid tags (`{% … %}`, `{{ … }}`) and kramdown attribute lists (`{:…}`) vanish,
and HTML blocks keep only their text (scripts, styles, iframes and forms not even that; a
`<figure>`'s `<figcaption>` is its picture's caption, with any "Source: …" as its credit).
Footnote definitions (`[^label]: …`, any label) and a numbered list after the last rule or under
a Notes heading become the notes block; a paragraph that opens with a bold line is a heading
over the rest; a bold line in brackets (`**[ad break]**`) is a stage note, no text; a bold
speaker label (`**Name:**`, `**NAME**`, a clock before it dropped) starts a transcript turn,
written "Name: …" as every reader writes turns, a first name alone as the person a show's cast
line ("Hosts: Jo Park and Sam Lee") names in full, its hosts the authors. Front matter goes to
`DocumentMeta`, never to text.
An emphasised line under an image is its caption (in place of the alt text); a table's rows
are sentences ("Header: value; …"), or notes when numbered; a post's meta line ("Published 9
April 2025 · 7 min read", "*By Name, Desk — 14 April 2025*") gives the date when front matter
does not, and is no text. A callout's marker ("> [!NOTE]") is no text and its lines the
writer's own, no quotation; a definition list reads "Term: definition"; a task list's boxes
("- [ ]", "- [x]") are no text; a record's credit line in the header ("**Notes by:** Name")
names its author. A notes app's note reads as the app shows it: "[[Page|shown]]" is "shown", an
embed no text, a line of links to other pages ("Related: [[A]], [[B]]", a share line of two or
more links) and #tags no text, a callout's short title its label, a quoting callout
("> [!quote] Name, role") that person's words; a site generator's lone figure tag
("{{< figure caption="…" >}}") is its picture's caption. A memo's field header ("**TO:**",
"**FROM:**", "**DATE:**", "**RE:**") gives its title, author and date and is no text (a one-word
heading over it, "# MEMORANDUM", names the kind); another field line in the header ("**Event:**
Conference, date, venue") is no one's turn; a closing name-and-role signature is no text.
Where two or more paragraphs open with a bold lead-in ("**Housing.** The council …"), each
lead-in heads its item; a mailing platform's "View in browser" link is no text; an intro's
"host **A** talks to **B**" names the "Host" and "Guest" turns; a note that the transcript
was generated automatically is no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from bot.core.ingest.closing_signature import closing_signature
from bot.core.ingest.decoding import decode
from bot.core.ingest.formats import (
    Block,
    DocumentMeta,
    SourceDocument,
    SourceLine,
    looks_like_markdown,
    superscript,
)
from bot.core.ingest.frontmatter import parse_front_matter, split_toml_front_matter
from bot.core.ingest.markdown_parts import (
    caption_lines,
    image_first,
    note_rows,
    table_row,
)
from bot.core.ingest.memo_header import is_field_line, memo_field
from bot.core.ingest.metadata import parse_byline
from bot.core.ingest.post_meta import credit_names, read_meta_line
from bot.core.ingest.show_cast import cast_member, cast_of, intro_cast, role_person
from bot.core.ingest.sign_off import (
    is_platform_link,
    signature,
    signs_as_author,
    without_calls,
)
from bot.core.model import IngestIssue

_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_KRAMDOWN_IAL = re.compile(r"\{:[^{}\n]*\}")
# a site generator's picture tag standing alone: Hugo's "{{< figure src=… caption="…" >}}" (or
# "{{% … %}}"), Jekyll's "{% include figure.html caption="…" %}"; its caption is the picture's
_SHORTCODE = re.compile(r"^\s*(?:\{\{[<%](.*?)[>%]\}\}|\{%(.*?)%\})\s*$", re.S)
_ATTRIBUTE = re.compile(r"""\b([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""", re.S)
_TAG = re.compile(r"<[^>]*>")
_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure\s*>", re.I | re.S)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_FIGURE_QUOTE = re.compile(r"<blockquote\b", re.I)
_DROP_HTML = re.compile(
    r"<(script|style|iframe|noscript|svg|form|object|embed|video|audio|template)\b.*?"
    r"(?:</\1\s*>|$)",
    re.I | re.S,
)
_BACKLINK = re.compile(
    r"^\s*(?:return|back|jump|go)\b.*\b(?:text|top|content|article|note)s?\b"
    r"|^\s*[↩↑⤴^]+\s*$",
    re.I,
)
_MARKER_TEXT = re.compile(r"^\s*\[?(\d{1,5})\]?\s*$")
_NUMBERED = re.compile(r"^\s*\[?(\d{1,5})\]?(?:\\?[.)]|\s)")
_NOTES_HEADING = re.compile(
    r"^(?:(?:end|foot)?notes?|references|sources|bibliography|works cited|citations)$", re.I
)
_BIBLIOGRAPHY = re.compile(r"^(?:references|bibliography|works cited|literature)$", re.I)
_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]*|Q|A)(?:\s+[A-Z0-9][\w.'’-]*){0,4}$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_STAGE_NOTE = re.compile(r"^\[[^\[\]]{1,40}\]$")
_CLOCK = re.compile(r"\s*[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s+")  # "[00:12:45] " before a label
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}$")  # "*By Greta Lindqvist*"
_PSEUDO_HEADING_MAX_WORDS = 15
_LEAD_IN_MAX_WORDS = 4  # "**Housing.**", "**Public transport.**": a topic, not a sentence
_MIN_LEAD_INS = 2
# a GitHub or Obsidian callout opening a block quote ("> [!NOTE]", "> [!tip]- Title"): the
# marker says what kind of aside it is, the quote is the writer's own note, nobody's quotation
_CALLOUT = re.compile(r"^\[![A-Za-z][\w-]{0,20}\][+-]?\s*")
# a task list item's box ("- [ ] Send the forecast", "- [x] Done"): a mark, not text
_TASK_BOX = re.compile(r"^\[[ xX✓✔]\]\s+")
# a wiki link as a notes app shows it: "[[Page]]" reads "Page", "[[Page|shown]]" "shown",
# "[[Page#Part]]" "Page"; an embed ("![[chart.png]]") shows a file, no words. A number alone
# in double brackets ("[[3]]") is no page name and stays as written.
_WIKILINK = re.compile(
    r"(!?)\[\[(?!\s*\d+\s*\]\])([^\[\]\n|#]*)(?:#([^\[\]\n|]*))?(?:\\?\|([^\[\]\n]*))?\]\]"
)
# a notes app's tag ("#heat-pumps", "#policy/grants"): a word after "#", never a number alone
_TAG_WORD = r"#[\w/-]*[^\W\d][\w/-]*"
_TAGS_ONLY = re.compile(rf"^(?:{_TAG_WORD}\s*)+$")
# tags closing a line after its last sentence ("… of the pilot. #equity"): filing marks
_TAGS_AFTER = re.compile(rf"(?<=[.!?\"”’)\]])\s+(?:{_TAG_WORD}\s*)+$")
# what is left of a navigation line without its links: a short label and separators
# ("Links: [[A]] · [[B]]", "Related: [[C]], [[D]]", "**Share this:** [X](…) · [Y](…)")
_NAV_REST = re.compile(r"^\s*(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:)?[\s·•|,;/>–—-]*$")
# a callout that quotes someone ("> [!quote] Name, role"): its lines are that person's words
_QUOTE_CALLOUTS = frozenset({"quote", "cite"})
_CALLOUT_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}(?:,\s*\S.*)?$")
_CALLOUT_LABEL_WORDS = 2  # "Source", "Key facts": the box's label; a longer title is a line
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


_CARET_REF = re.compile(r"\[\^(\d{1,5})\]")  # a "[^n]" with no definition is still a marker
_BRACKET_REF = re.compile(r"(?<=[^\s\[(]) ?\[(\d{1,4})\](?!\()")  # "claim.[3]", "month [1]."
_FRONT = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_MAX_BRACKETS = 1000  # per paragraph; past it brackets are literal (link parsing is quadratic)


def _defuse(text: str) -> str:
    """Escape the brackets of a paragraph holding more than can be links.

    markdown-it scans forward from every "[" for its label, which is quadratic (an attack, or
    pasted data).
    """
    if text.count("[") <= _MAX_BRACKETS:
        return text
    front = _FRONT.match(text)
    head, text = (text[: front.end()], text[front.end() :]) if front else ("", text)
    parts = re.split(r"(\n[ \t]*\n)", text)
    return head + "".join(
        part.replace("[", "\\[").replace("]", "\\]") if part.count("[") > _MAX_BRACKETS else part
        for part in parts
    )


def _parser() -> MarkdownIt:
    parser = (
        MarkdownIt("commonmark", {"html": True})
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(deflist_plugin)
        .enable("table")
    )
    # definitions stay where they are, cited or not (the tail rule drops uncited ones)
    parser.disable("footnote_tail")
    return parser


@dataclass
class _Line:
    """One rendered line of an inline run, and what its start looks like."""

    text: str = ""
    offset: int = 0  # source lines after the block's first line
    bold_prefix: str | None = None  # the text of a bold run opening the line
    bold_whole: bool = False  # the whole line is that bold run
    urls: list[str] = field(default_factory=list)  # web links on the line (a note's source)
    links: list[str] = field(default_factory=list)  # the texts of its links
    wikilinks: int = 0  # how many of those are wiki links ("[[Page]]")
    bolds: list[str] = field(default_factory=list)  # the texts of its bold runs


def _clean(text: str) -> str:
    text = _KRAMDOWN_IAL.sub("", _LIQUID.sub("", text))
    return _SPACES.sub(" ", text)


@dataclass
class _Inline:
    """Renders an inline token's children to plain lines; `numbers` maps footnote labels."""

    numbers: dict[str, int]
    lines: list[_Line] = field(default_factory=list)

    def render(self, token: Token) -> list[_Line]:
        self.lines = [_Line()]
        children = token.children or []
        i = 0
        depth_strong = 0
        bold_start: int | None = None
        run_start = 0
        sup = False
        while i < len(children):
            child = children[i]
            kind = child.type
            line = self.lines[-1]
            if kind == "text":
                text = _CARET_REF.sub(lambda m: superscript(str(int(m.group(1)))), child.content)
                text = _WIKILINK.sub(partial(self._wikilink, line=line), text)
                if sup and text.strip().isdigit():
                    text = superscript(text.strip())
                line.text += text
            elif kind in ("softbreak", "hardbreak"):
                bold_start = None
                self.lines.append(_Line(offset=line.offset + 1))
            elif kind == "code_inline":
                line.text += child.content
            elif kind == "footnote_ref":
                label = str(child.meta.get("label", ""))
                number = self.numbers.get(label, int(child.meta.get("id", 0)) + 1)
                line.text += superscript(str(number))
            elif kind == "html_inline":
                tag = child.content.lower()
                if tag.startswith("<sup"):
                    sup = True
                elif tag.startswith("</sup"):
                    sup = False
                elif tag.startswith("<br"):
                    self.lines.append(_Line(offset=line.offset))
            elif kind == "link_open":
                i = self._link(children, i, line)
                continue
            elif kind == "image":
                pass  # an inline image's alt text is not part of the sentence
            elif kind == "strong_open":
                if depth_strong == 0 and bold_start is None and _CLOCK.fullmatch(line.text):
                    line.text = ""  # "[00:12:45] **Jo:**": the recording's clock is no text
                if depth_strong == 0 and not line.text.strip() and bold_start is None:
                    bold_start = len(line.text)
                if depth_strong == 0:
                    run_start = len(line.text)
                depth_strong += 1
            elif kind == "strong_close":
                depth_strong = max(0, depth_strong - 1)
                if depth_strong == 0:
                    line.bolds.append(_clean(line.text[run_start:]).strip())
                if depth_strong == 0 and bold_start is not None:
                    line.bold_prefix = _clean(line.text[bold_start:]).strip()
                    bold_start = -1  # closed: later bold runs on this line do not count
            i += 1
        for line in self.lines:
            line.text = _clean(line.text).strip()
            line.text = "" if _TAGS_ONLY.match(line.text) else _TAGS_AFTER.sub("", line.text)
            line.bold_whole = line.bold_prefix is not None and line.text == line.bold_prefix
        return [line for line in self.lines if line.text]

    @staticmethod
    def _wikilink(match: re.Match[str], line: _Line) -> str:
        """A wiki link's shown text (its alias, else its page); an embed shows no words."""
        embed, page, part, alias = match.groups()
        if embed:
            return ""
        shown = (alias or page or part or "").strip()
        line.links.append(shown)
        line.wikilinks += 1
        return shown

    def _link(self, children: list[Token], i: int, line: _Line) -> int:
        """Render a link: its text, a marker for a link to a note, nothing for a back-link."""
        href = str(children[i].attrs.get("href", ""))
        j = i + 1
        parts: list[str] = []
        while j < len(children) and children[j].type != "link_close":
            if children[j].type in ("text", "code_inline"):
                parts.append(children[j].content)
            j += 1
        text = "".join(parts)
        line.links.append(text)
        if href.startswith(("http://", "https://")):
            line.urls.append(href)
        marker = _MARKER_TEXT.match(text)
        if href.startswith("#") and marker:
            line.text += superscript(str(int(marker.group(1))))
        elif not (href.startswith("#") and _BACKLINK.match(text)) and not _BACKLINK.match(text):
            line.text += text
        return j + 1


@dataclass
class _Walker:
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

    def inline(self, token: Token) -> list[_Line]:
        return _Inline(self.numbers).render(token)

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._step(tokens, i)

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
                self.opened = self.opened or level >= 2
                self.blocks.append(Block("heading", (SourceLine(text, first),), level=level))
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

    def _callout(self, lines: list[SourceLine], cut: int) -> None:
        """A callout's lines without its marker: the writer's paragraphs (a title its own).

        A short title ("Source", "Key facts") is the box's label, no line of text; a quoting
        callout ("[!quote] Name, role") holds that person's words, the title their credit.
        """
        kind = lines[0].text[2:cut].strip(" ]+-").lower()
        head = lines[0].text[cut:].strip()
        body = tuple(lines[1:])
        if kind in _QUOTE_CALLOUTS and body:
            body = _unwrapped(body)
            credit = _CALLOUT_NAME.match(head) is not None
            if credit:
                body = (*body, replace(lines[0], text=f"— {head}"))
            elif head and not _callout_label(head):
                self.blocks.append(Block("paragraph", (replace(lines[0], text=head),)))
            self.blocks.append(Block("quote", body))
            return
        if head and not _callout_label(head):
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
        shortcode = _shortcode_caption(token.content)
        if shortcode is not None:
            self.blocks.append(Block("image", (SourceLine(shortcode, first),)))
            return
        link = _link_only(token)
        if link is not None and is_platform_link(link[1 : link.index("](")]):
            return  # "[View in browser](…)": the mailing platform's, no text
        if link is not None:
            self.blocks.append(Block("paragraph", (SourceLine(link, first),)))
            return
        image = image_first(token)
        if image is not None:
            raw_alt, rest = image
            alt = _clean(raw_alt).strip()
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

    def _paragraph(self, lines: list[_Line], first: int) -> None:
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
            if _navigation(line):  # "Related: [[A]], [[B]]": links to other pages, no text
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
            credit = credit_names(line.text) if not self._headed() else None
            names = parse_byline(credit) if credit else None
            if names:  # "Notes by: Marcus Reid" in a record's header: its writer, no text
                flush()
                self.credited = self.credited or names
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
            label = _label(line)
            prefix = line.bold_prefix or ""
            if not label and not line.bold_whole and line.text[len(prefix) :].startswith(":"):
                label = role_person(prefix, self.intro)  # "**Guest**: …", the colon outside
            if (
                line.bold_whole
                and line.bold_prefix
                and not label
                and _heading_like(line.bold_prefix)
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
                if is_field_line(label, value) and cast_member(label, self.cast) is None:
                    flush()  # "**Event:** Conference, date, venue": a field, nobody's words
                    run.append(SourceLine(value, number))
                    continue
            lead = _lead_in(line) if k == 0 and not label else None
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
        depth = 0
        for k, token in enumerate(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif token.type == "list_item_open":
                number = (token.map[0] + 1) if token.map else 0
                texts: list[str] = []
                for t in tokens[k + 1 :]:
                    if t.type == "list_item_close" and t.level == token.level:
                        break
                    if t.type == "list_item_open":
                        break
                    if t.type == "inline":
                        texts.extend(line.text for line in self.inline(t))
                text = _TASK_BOX.sub("", " ".join(texts).strip())
                if not text:
                    continue
                bullet = f"{token.info}." if ordered and token.info and depth == 1 else "•"
                items.append(SourceLine(f"{bullet} {text}", number))
        if items:
            self.blocks.append(Block("list", tuple(items)))

    def _html(self, content: str, first: int) -> None:
        """An HTML block's text; a <figure>'s <figcaption> is its picture's caption."""
        at = 0
        for figure in _FIGURE.finditer(content):
            caption = _FIGCAPTION.search(figure.group(0))
            if caption is None or _FIGURE_QUOTE.search(figure.group(0)):
                continue  # a figure holding a block quote: its caption names who says it
            self._html_text(content[at : figure.start()], first + content.count("\n", 0, at))
            text = _clean(unescape(_TAG.sub(" ", caption.group(1)))).strip()
            line = first + content.count("\n", 0, figure.start() + caption.start())
            if text:
                self.blocks.append(Block("image", (SourceLine(text, line),)))
            at = figure.end()
        self._html_text(content[at:], first + content.count("\n", 0, at))

    def _html_text(self, content: str, first: int) -> None:
        text = _TAG.sub(
            " ", _DROP_HTML.sub(" ", re.sub(r"<!--.*?(?:-->|$)", " ", content, flags=re.S))
        )
        text = _clean(unescape(text)).strip()
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
        for line, cells in rows[1:] if header else rows:
            text = table_row(header, cells)
            if text:
                self.blocks.append(Block("paragraph", (SourceLine(text, line),)))

    def _footnote(self, opener: Token, tokens: list[Token]) -> None:
        label = str(opener.meta.get("label", ""))
        number = self.numbers.get(label, int(opener.meta.get("id", 0)) + 1)
        rendered = [line for t in tokens if t.type == "inline" for line in self.inline(t)]
        text = " ".join(line.text for line in rendered).strip()
        url = next((u for line in rendered for u in line.urls), None)
        line = next(((t.map[0] + 1) for t in tokens if t.map), 0)
        self.notes.append(SourceLine(_with_url(f"{number} {text}", url), line))


def _shortcode_caption(content: str) -> str | None:
    """The caption a paragraph made of one site-generator tag gives its picture, if any."""
    tag = _SHORTCODE.match(content)
    if tag is None:
        return None
    attributes = {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTRIBUTE.finditer(tag.group(1) or tag.group(2) or "")
    }
    caption = attributes.get("caption")
    if not caption:
        return None
    text = _clean(unescape(_TAG.sub(" ", caption.replace('\\"', '"')))).strip()
    return text or None


def _link_only(token: Token) -> str | None:
    """A paragraph made of one link keeps its markup ("[Series](#)": the header step reads it)."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if (
        len(children) == 3
        and children[0].type == "link_open"
        and children[1].type == "text"
        and children[2].type == "link_close"
        and not _MARKER_TEXT.match(children[1].content)
        and not _BACKLINK.match(children[1].content)
    ):
        return f"[{_clean(children[1].content).strip()}]({children[0].attrs.get('href', '')})"
    return None


def _navigation(line: _Line) -> bool:
    """Whether a line is only links to other pages (two or more, or wiki links) and a label."""
    if not line.links or (len(line.links) < 2 and not line.wikilinks):
        return False
    rest = line.text
    for text in line.links:
        at = rest.find(text)
        if at < 0:
            return False
        rest = rest[:at] + " " + rest[at + len(text) :]
    return bool(_NAV_REST.match(rest))


def _label(line: _Line) -> str | None:
    """A bold speaker label opening a line ("**Posen:**", "**CHAIR POWELL:**", "**JEAN YUNG.**")."""
    prefix = line.bold_prefix
    if not prefix or (line.bold_whole and not prefix.endswith(":")):
        return None
    name = prefix.rstrip(":.").strip()
    if not _LABEL.match(name) or len(name) > 60:
        return None
    if prefix.endswith(":") or (name.isupper() and len(name) > 1):
        return name
    return None


def _lead_in(line: _Line) -> str | None:
    """The words of a bold run-in lead-in opening a paragraph ("**Housing.** The council …").

    A short capitalised phrase closed by a full stop, with the paragraph's text after it.
    """
    prefix = line.bold_prefix
    if not prefix or line.bold_whole or not prefix.endswith(".") or prefix.endswith(".."):
        return None
    words = prefix[:-1].split()
    rest = line.text[len(prefix) :].strip()
    if not 0 < len(words) <= _LEAD_IN_MAX_WORDS or not words[0][:1].isupper() or not rest:
        return None
    return prefix[:-1].strip() if "." not in prefix[:-1] else None


def _run_in_heads(walker: _Walker) -> None:
    """Bold lead-ins head their paragraphs where two or more paragraphs open with one.

    One alone is a bold first sentence ("**Note.** …"), left as it was written.
    """
    if len(walker.lead_ins) >= _MIN_LEAD_INS:
        for at, words in reversed(walker.lead_ins):
            walker.blocks.insert(at, Block("heading", (words,)))
            walker.rules = [r + 1 if r > at else r for r in walker.rules]
        return
    for at, words in walker.lead_ins:
        block = walker.blocks[at]
        first = replace(block.lines[0], text=f"{words.text}. {block.lines[0].text}")
        walker.blocks[at] = replace(block, lines=(first, *block.lines[1:]))


def _unwrapped(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    """A quoting callout's lines without the quotation marks set round all of them.

    The box already shows the words are quoted; marks inside the words stay.
    """
    whole = "\n".join(line.text for line in lines)
    if len(whole) < 3 or whole[0] not in '"“' or whole[-1] not in '"”':
        return lines
    if any(c in whole[1:-1] for c in '"“”'):
        return lines
    texts = whole[1:-1].split("\n")
    return tuple(replace(line, text=text.strip()) for line, text in zip(lines, texts, strict=True))


def _callout_label(title: str) -> bool:
    """Whether a callout's title is the box's label ("Source", "Caveat"), not a line to read."""
    words = title.split()
    return len(words) <= _CALLOUT_LABEL_WORDS and title[-1:] not in ".!?"


def _heading_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _PSEUDO_HEADING_MAX_WORDS and text.rstrip()[-1:] not in ".,;:"


def footnote_numbers(tokens: list[Token]) -> dict[str, int]:
    """Note numbers for footnote labels.

    The label itself when every label is a number, else the order of first reference (as
    Markdown renders them).
    """
    labels: dict[str, int] = {}
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in ("footnote_ref", "footnote_reference_open") and "label" in t.meta:
                labels.setdefault(str(t.meta["label"]), len(labels) + 1)
    if labels and all(label.isdigit() for label in labels):
        return {label: int(label) for label in labels}
    return labels


def _with_url(text: str, url: str | None) -> str:
    """A note's text with its first web link appended as "<url>" (the notes step reads it)."""
    return f"{text} <{url}>" if url and url not in text else text


def _numbered_run(blocks: list[Block], start: int) -> int:
    """How many blocks from `start` read as numbered notes (paragraphs or ordered items)."""
    k = start
    while (
        k < len(blocks)
        and blocks[k].kind in ("paragraph", "list")
        and all(_NUMBERED.match(line.text) for line in blocks[k].lines)
    ):
        k += 1
    return k - start


def _lift_notes(walker: _Walker) -> list[Block]:
    """Move numbered notes after the last rule, or under a Notes heading, into the notes."""
    blocks = walker.blocks
    notes: list[SourceLine] = []
    out: list[Block] = []
    k = 0
    last_rule = walker.rules[-1] if walker.rules else None
    while k < len(blocks):
        block = blocks[k]
        heading = block.kind == "heading" and _NOTES_HEADING.match(block.text.strip(" :*_#"))
        after_rule = (
            last_rule is not None
            and k >= last_rule
            and (k == last_rule or not any(b.kind == "heading" for b in blocks[last_rule:k]))
        )
        run = _numbered_run(blocks, k + 1 if heading else k)
        if heading and run == 0 and _BIBLIOGRAPHY.match(block.text.strip(" :*_#")):
            k += 1  # a bibliography: reference matter, not article text
            while (
                k < len(blocks)
                and blocks[k].kind in ("paragraph", "list")
                and k not in walker.rules
                and not _numbered_run(blocks, k)
            ):
                k += 1
            continue
        if (heading or after_rule) and run:
            start = k + 1 if heading else k
            for b in blocks[start : start + run]:
                for line in b.lines:
                    text = re.sub(r"^\s*\[?(\d{1,5})\]?\\?[.)]?\s*", r"\1 ", line.text)
                    text = _with_url(text, walker.urls.get(line.number))
                    notes.append(SourceLine(text, line.number, line.page))
            k = start + run
            continue
        out.append(block)
        k += 1
    if walker.notes or notes:
        out = [_bracket_markers(b) for b in out]
        out.append(Block("notes", tuple(notes + walker.notes)))
    return out


def _closing(walker: _Walker) -> frozenset[int]:
    """Drop the calls to action from the closing matter; the first lines after each rule.

    The closing matter is what follows the last rule when no heading does: a newsletter's
    sign-off ("If you enjoyed this, subscribe …"), whose invitations are page furniture.
    """
    blocks = walker.blocks
    last = walker.rules[-1] if walker.rules else len(blocks)
    if not any(b.kind == "heading" for b in blocks[last:]):
        for k in range(len(blocks) - 1, last - 1, -1):
            block = blocks[k]
            if block.kind != "paragraph" or _NUMBERED.match(block.text):
                continue
            kept = tuple(
                replace(line, text=walker.calls.get(line.number, line.text))
                for line in block.lines
                if walker.calls.get(line.number, line.text)
            )
            if not kept:
                del blocks[k]
            else:
                blocks[k] = replace(block, lines=kept)
    return frozenset(blocks[r].line for r in walker.rules if r < len(blocks))


def _signed_off(walker: _Walker) -> str | None:
    """Drop the document's closing signature ("Name" over "Role, Body"); who it names.

    The last block must be a plain paragraph of a name and a role (or "Name, Role"), no turn.
    """
    blocks = walker.blocks
    if not blocks or blocks[-1].kind != "paragraph" or len(blocks) in walker.rules:
        return None
    if len(blocks[-1].lines) > 2:
        return None
    signed = closing_signature([line.text for line in blocks[-1].lines])
    if signed is None:
        return None
    del blocks[-1]
    return signed.signer


def _bracket_markers(block: Block) -> Block:
    """In a document with notes, "claim.[3]" or "claim [3]." cites note 3 (a marker, not text)."""
    if block.kind not in ("paragraph", "list", "quote"):
        return block
    lines = tuple(
        SourceLine(
            _BRACKET_REF.sub(lambda m: superscript(m.group(1)), line.text), line.number, line.page
        )
        for line in block.lines
    )
    return Block(block.kind, lines, block.gap_before, block.level)


class MarkdownReader:
    """Markdown and Markdown posts (front matter, footnotes, inline HTML, transcripts)."""

    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, head: bytes) -> bool:
        """A front matter fence or ATX headings and footnote definitions tell Markdown apart."""
        return looks_like_markdown(head)

    def blocks(self, text: str) -> list[Block]:
        """Cut decoded Markdown into typed blocks (front matter left out)."""
        tokens = _parser().parse(_defuse(text))
        walker = _Walker("", footnote_numbers(tokens))
        walker.walk(tokens)
        _run_in_heads(walker)
        _signed_off(walker)
        _closing(walker)
        return _lift_notes(walker)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Parse the Markdown into blocks and front-matter metadata."""
        text, issues = decode(data, file)
        if text is None:
            return None, issues
        toml, text = split_toml_front_matter(text)
        tokens = _parser().parse(_defuse(text))
        meta = DocumentMeta()
        if toml is not None:
            meta, tags, found = parse_front_matter(toml, file, toml=True)
            meta = replace(meta, keywords=tags)
            issues.extend(found)
        for token in tokens:
            if token.type == "front_matter":
                meta, tags, found = parse_front_matter(token.content, file)
                meta = replace(meta, keywords=tags)
                issues.extend(found)
                break
        walker = _Walker(file, footnote_numbers(tokens))
        walker.walk(tokens)
        _run_in_heads(walker)
        if meta.date is None and walker.date is not None:
            meta = replace(meta, date=walker.date)
        if meta.title is None and "title" in walker.memo:  # the memo's subject line
            meta = replace(meta, title=walker.memo["title"])
            if walker.kind_heading:  # "# MEMORANDUM" names the kind: no title, no section
                del walker.blocks[0]
                walker.rules = [max(0, r - 1) for r in walker.rules]
        if not meta.authors and "author" in walker.memo:
            meta = replace(meta, authors=(walker.memo["author"],))
        if meta.date is None and "date" in walker.memo:
            meta = replace(meta, date=walker.memo["date"])
        signer = _signed_off(walker)
        if not meta.authors and signer is not None:
            meta = replace(meta, authors=(signer,))
        if not meta.authors and walker.credited:
            meta = replace(meta, authors=walker.credited)
        if not meta.authors and walker.signed is not None:
            meta = replace(meta, authors=(walker.signed,))
        if not meta.authors and walker.hosts:  # a show's hosts made it
            meta = replace(meta, authors=tuple(dict.fromkeys(walker.hosts)))
        breaks = _closing(walker)
        return SourceDocument(
            tuple(_lift_notes(walker)),
            meta,
            explicit_headings=True,
            explicit_paragraphs=True,
            breaks=breaks,
        ), issues
