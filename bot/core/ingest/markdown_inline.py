"""Markdown inline runs to plain lines: link text kept, note links as markers, markup dropped.

A link to a note (`[3](#fn3)`) becomes a superscript marker and a "Return to text" back-link
goes; inline HTML tags, Liquid tags and kramdown attribute lists vanish; "[[Page|shown]]" is
"shown" and #tags are no text. Each line records how it opens (a bold run) and its links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from markdown_it.token import Token

from bot.core.ingest.formats import superscript

_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_KRAMDOWN_IAL = re.compile(r"\{:[^{}\n]*\}")
BACKLINK = re.compile(
    r"^\s*(?:return|back|jump|go)\b.*\b(?:text|top|content|article|note)s?\b"
    r"|^\s*[↩↑⤴^]+\s*$",
    re.I,
)
MARKER_TEXT = re.compile(r"^\s*\[?(\d{1,5})\]?\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_CLOCK = re.compile(r"\s*[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s+")  # "[00:12:45] " before a label


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
_CARET_REF = re.compile(r"\[\^(\d{1,5})\]")  # a "[^n]" with no definition is still a marker


@dataclass
class MarkdownLine:
    """One rendered line of an inline run, and what its start looks like."""

    text: str = ""
    offset: int = 0  # source lines after the block's first line
    bold_prefix: str | None = None  # the text of a bold run opening the line
    bold_whole: bool = False  # the whole line is that bold run
    urls: list[str] = field(default_factory=list)  # web links on the line (a note's source)
    links: list[str] = field(default_factory=list)  # the texts of its links
    wikilinks: int = 0  # how many of those are wiki links ("[[Page]]")
    bolds: list[str] = field(default_factory=list)  # the texts of its bold runs


def clean_inline(text: str) -> str:
    """Text without Liquid tags and kramdown attribute lists, its runs of spaces one space."""
    text = _KRAMDOWN_IAL.sub("", _LIQUID.sub("", text))
    return _SPACES.sub(" ", text)


@dataclass
class InlineText:
    """Renders an inline token's children to plain lines; `numbers` maps footnote labels."""

    numbers: dict[str, int]
    lines: list[MarkdownLine] = field(default_factory=list)

    def render(self, token: Token) -> list[MarkdownLine]:
        """The inline token's children as plain lines."""
        self.lines = [MarkdownLine()]
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
                if sup and re.fullmatch(r"\d+(?:,\s?\d+)*", text.strip()):
                    text = superscript(text.strip())  # "<sup>1,2</sup>" marks two
                line.text += text
            elif kind in ("softbreak", "hardbreak"):
                bold_start = None
                self.lines.append(MarkdownLine(offset=line.offset + 1))
            elif kind == "code_inline":
                line.text += child.content
            elif kind == "math_inline":
                line.text += f"${child.content}$"  # as written: "_{x}" a subscript, no emphasis
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
                    self.lines.append(MarkdownLine(offset=line.offset))
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
                    line.bolds.append(clean_inline(line.text[run_start:]).strip())
                if depth_strong == 0 and bold_start is not None:
                    line.bold_prefix = clean_inline(line.text[bold_start:]).strip()
                    bold_start = -1  # closed: later bold runs on this line do not count
            i += 1
        for line in self.lines:
            line.text = clean_inline(line.text).strip()
            line.text = "" if _TAGS_ONLY.match(line.text) else _TAGS_AFTER.sub("", line.text)
            line.bold_whole = line.bold_prefix is not None and line.text == line.bold_prefix
        return [line for line in self.lines if line.text]

    @staticmethod
    def _wikilink(match: re.Match[str], line: MarkdownLine) -> str:
        """A wiki link's shown text (its alias, else its page); an embed shows no words."""
        embed, page, part, alias = match.groups()
        if embed:
            return ""
        shown = (alias or page or part or "").strip()
        line.links.append(shown)
        line.wikilinks += 1
        return shown

    def _link(self, children: list[Token], i: int, line: MarkdownLine) -> int:
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
        marker = MARKER_TEXT.match(text)
        if href.startswith("#") and marker:
            line.text += superscript(str(int(marker.group(1))))
        elif not (href.startswith("#") and BACKLINK.match(text)) and not BACKLINK.match(text):
            line.text += text
        return j + 1
