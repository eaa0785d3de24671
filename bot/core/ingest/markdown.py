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
was generated automatically is no text. A paper's author line with affiliation marks and
ORCID ids ("**A**¹ (ORCID …), **B**²") gives its authors, the "¹ Department of …" lines under
it no text; a "Published by X, Series No. 12" imprint in the header names the publication and
series; "$…$" math is kept as written; a list item's lettered sub-points ("(a) …") are points
of their own; a rule over a treaty's "IN WITNESS WHEREOF" ends the last article's section.
A wiki page's field table over its title ("| Page owner | Last reviewed |") gives its author
and date (`page_fields`); an admonition ("!!! note", ":::tip") reads as a callout (`admonitions`).
A speech's "**Speaker:** Rt Hon Name MP, role" field names its author (and "I" in it is hers),
an undated "Check against delivery" notice is no subtitle, and an editor's note on the text
under the closing rule ("Headings added by the editor.") no text; a blog export's shortcodes
("[caption]" tags, "[embed]" players) are cut (`shortcodes`), and its share, like, related-posts
and author-bio boxes are no text.

Inline runs are read in `markdown_inline`, line shapes in `markdown_lines`, the block tokens
walked in `markdown_walker`, notes lifted in `markdown_notes`; here the parser and the reader.
"""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from bot.core.ingest.admonitions import as_callouts
from bot.core.ingest.closing_signature import closing_signature
from bot.core.ingest.decoding import decode
from bot.core.ingest.formats import (
    Block,
    DocumentMeta,
    SourceDocument,
    SourceLine,
    looks_like_markdown,
)
from bot.core.ingest.frontmatter import parse_front_matter, split_toml_front_matter
from bot.core.ingest.markdown_notes import NUMBERED_ITEM, footnote_numbers, lift_notes
from bot.core.ingest.markdown_walker import MarkdownWalker
from bot.core.ingest.shortcodes import without_shortcodes
from bot.core.model import IngestIssue

_MIN_LEAD_INS = 2
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
        # "$…$" is math, kept as written (its "_" no emphasis); "$5 and $10" stays money
        .use(dollarmath_plugin, allow_space=False, allow_digits=False, allow_labels=False)
        .enable("table")
    )
    # definitions stay where they are, cited or not (the tail rule drops uncited ones)
    parser.disable("footnote_tail")
    return parser


def _run_in_heads(walker: MarkdownWalker) -> None:
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


# a treaty's or a contract's testimonium, opening its signatures: "IN WITNESS WHEREOF the
# undersigned …", "In faith whereof …", "Signed at Geneva on …"
_TESTIMONIUM = re.compile(
    r"^(?:in\s+witness\s+whereof|in\s+faith\s+whereof|in\s+testimony\s+whereof|"
    r"signed\s+(?:at|in)\s+[A-Z])",
    re.I,
)


def _signatures(walker: MarkdownWalker) -> None:
    """End the last section at a rule over the signatures: they are no part of its text.

    After the last article of a treaty come a rule, "IN WITNESS WHEREOF …" and the signers;
    an unnamed heading there closes the article's section (the block is under no heading).
    """
    for at in reversed(walker.rules):
        block = walker.blocks[at] if at < len(walker.blocks) else None
        if block is None or block.kind != "paragraph" or not _TESTIMONIUM.match(block.text):
            continue
        if not any(b.kind == "heading" for b in walker.blocks[:at]):
            continue  # no section to close
        walker.blocks.insert(at, Block("heading", (SourceLine("", block.line),), level=2))
        walker.rules = [r + 1 if r > at else r for r in walker.rules]


# the editor's word on the text itself, under its closing rule: "Headings added by the
# editor.", "Text issued by the press office.", "Subheadings have been added for clarity."
_EDITORS_SENTENCE = re.compile(
    r"^(?:[\w'’-]+\s+){1,3}(?:(?:has|have)\s+been\s+|(?:was|were|is|are)\s+)?"
    r"(?:added|issued|released|supplied|provided|edited|translated|transcribed)"
    r"\s+(?:by|for)\s+[^.!?]{2,80}[.!?]?$"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _editors_note(text: str) -> bool:
    """Whether a closing paragraph is only the editor's word on the text (who issued it)."""
    return all(_EDITORS_SENTENCE.match(part) for part in _SENTENCE_BREAK.split(text.strip()))


def _closing(walker: MarkdownWalker) -> frozenset[int]:
    """Drop the calls to action from the closing matter; the first lines after each rule.

    The closing matter is what follows the last rule when no heading does: a newsletter's
    sign-off ("If you enjoyed this, subscribe …"), whose invitations are page furniture, and
    an editor's note on the text ("Headings added by the editor."), no text either.
    """
    blocks = walker.blocks
    last = walker.rules[-1] if walker.rules else len(blocks)
    if not any(b.kind == "heading" for b in blocks[last:]):
        for k in range(len(blocks) - 1, last - 1, -1):
            block = blocks[k]
            if block.kind != "paragraph" or NUMBERED_ITEM.match(block.text):
                continue
            if _editors_note(block.text):
                del blocks[k]
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


def _signed_off(walker: MarkdownWalker) -> str | None:
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


class MarkdownReader:
    """Markdown and Markdown posts (front matter, footnotes, inline HTML, transcripts)."""

    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, head: bytes) -> bool:
        """A front matter fence or ATX headings and footnote definitions tell Markdown apart."""
        return looks_like_markdown(head)

    def blocks(self, text: str) -> list[Block]:
        """Cut decoded Markdown into typed blocks (front matter left out)."""
        tokens = _parser().parse(_defuse(as_callouts(without_shortcodes(text))))
        walker = MarkdownWalker("", footnote_numbers(tokens))
        walker.walk(tokens)
        _run_in_heads(walker)
        _signed_off(walker)
        _closing(walker)
        return lift_notes(walker)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Parse the Markdown into blocks and front-matter metadata."""
        text, issues = decode(data, file)
        if text is None:
            return None, issues
        toml, text = split_toml_front_matter(text)
        tokens = _parser().parse(_defuse(as_callouts(without_shortcodes(text))))
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
        walker = MarkdownWalker(file, footnote_numbers(tokens))
        walker.walk(tokens)
        _run_in_heads(walker)
        if walker.imprint is not None:  # "Published by the Secretariat of …, Series No. 12"
            meta = replace(
                meta,
                publication=meta.publication or walker.imprint.publisher,
                series=meta.series or walker.imprint.series,
            )
        if meta.date is None and walker.date is not None:
            meta = replace(meta, date=walker.date)
        if walker.page is not None:  # a wiki page's field table: its owner and date
            meta = replace(
                meta,
                date=meta.date or walker.page.date,
                authors=meta.authors or walker.page.authors,
            )
        if meta.title is None and "title" in walker.memo:  # the memo's subject line
            meta = replace(meta, title=walker.memo["title"])
            if walker.kind_heading:  # "# MEMORANDUM" names the kind: no title, no section
                del walker.blocks[0]
                walker.rules = [max(0, r - 1) for r in walker.rules]
        if not meta.authors and "author" in walker.memo:  # "I" in a memo or a speech is its own
            last = max((line.number for b in walker.blocks for line in b.lines), default=0)
            author = walker.memo["author"]
            meta = replace(meta, authors=(author,), signed=meta.signed or ((0, last, author),))
        if meta.date is None and "date" in walker.memo:
            meta = replace(meta, date=walker.memo["date"])
        _signatures(walker)
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
            tuple(lift_notes(walker)),
            meta,
            explicit_headings=True,
            explicit_paragraphs=True,
            breaks=breaks,
        ), issues
