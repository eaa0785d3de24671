"""The HTML reader: a saved web page's main text as blocks, its metadata as `DocumentMeta`.

decode (`charset`) → parse (lxml) → metadata (`page_meta`, its dates in `page_dates`) →
main text (`main_text`, readability-lxml) → notes the markers point to (`page_notes`), and
the page's history of its own edits ("Last updated … — Added …") set aside as no text →
blocks (`walker`, boxes of links told apart in `link_boxes`, table rows in `info_boxes`). When
the page has a standfirst or a byline, the header is written from the metadata (title,
standfirst, "By …") so the layout step reads it as it reads a printed one. Line numbers are
the element's source line, kept increasing (a minified page has everything on one line).
Never does I/O; never raises on bad input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lxml import etree
from lxml import html as lxml_html

from bot.core.ingest.formats import (
    Block,
    DocumentMeta,
    SourceDocument,
    SourceLine,
    looks_like_html,
)
from bot.core.ingest.html.appended_notices import close_before_notices
from bot.core.ingest.html.charset import decode_page
from bot.core.ingest.html.columns import column_name
from bot.core.ingest.html.inline import Markers
from bot.core.ingest.html.main_text import find_main_text
from bot.core.ingest.html.office_exports import drop_comments
from bot.core.ingest.html.page_dates import history_entry, written_date
from bot.core.ingest.html.page_meta import (
    BYLINE_LEAD,
    byline_names,
    dated_byline,
    from_line,
    last_edit,
    loose,
    marked_byline,
    page_meta,
    text_of,
)
from bot.core.ingest.html.page_notes import find_notes, unlinked_notes
from bot.core.ingest.html.subject_quotes import credit_subject
from bot.core.ingest.html.walker import RawBlock, Walker
from bot.core.ingest.metadata import is_bio, is_name, join_names, read_header
from bot.core.ingest.post_meta import is_reading_time
from bot.core.model import IngestIssue

__all__ = ["HtmlReader", "read_page"]

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_LINE = re.compile(
    r"^(?:published|updated|posted)?\s*:?\s*(?:\w+day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\w+\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4})(?:\s*[|,]?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\w{2,4})?)?$",
    re.I,
)
# a header line giving the date after a short label: "Volume 771: debated on Thursday 12
# March 2026", "Sitting: held on 3 May 2025": the record's volume and sitting, no fact
_LABELLED_DATE = re.compile(r"^[^:.!?]{1,30}:\s*(?:[a-z]+\s+(?:on\s+)?)?(?P<date>\S.*)$")
_BYLINE_HINT = re.compile(
    r"\b(?:byline|author|authors|by-line|dateline|timestamp|date|"
    r"pubdate|published)\b",
    re.I,
)
_BODY_WORDS = 20  # a paragraph this long is body text: the header is above it
# a kicker (eyebrow, section label) printed above or beside the headline: it names the page's
# section or series, never states a fact
_KICKER_HINT = re.compile(
    r"(?:^|[-_\s])(?:kicker|eyebrow|overline|rubric|"
    r"(?:section|story|article|topic|category|series)[-_]?(?:label|name|tag|flag))(?:$|[-_\s])",
    re.I,
)
_KICKER_WORDS = 6
# a deck (standfirst, dek, strapline) under the headline sums the article up: its subtitle
_DECK_HINT = re.compile(
    r"(?:^|[-_\s])(?:mso)?(?:deck|dek|standfirst|stand-first|strap|strapline|sub-?title|"
    r"sub-?headline|description)(?:$|[-_\s])",
    re.I,
)
_DECK_WORDS = 80
_BYLINE_BLOCK_WORDS = 30
_SENTENCE = re.compile(r"^(?:\S+\s+){5,}.*[.!?][\"”’)]*$")  # six words or more, closed
# what a byline block says besides the names: the date and hour, the reading time, separators
_BYLINE_FURNITURE = re.compile(
    r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*|updated|published|posted|first|last|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|bst|utc|cet|cest|[ecmp][sd]?t|reading|time|min|mins|minutes?|read|\d{1,2}(?:st|nd|rd|th))"
    r"(?![\w])|\d{1,4}(?:[.:]\d{2})?|[|·•,–—/:.()-]",
    re.I,
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())


class HtmlReader:
    """Saved web pages (.html, .htm, .xhtml)."""

    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        """A doctype, `<html` or `<head` near the start (BOM and whitespace allowed)."""
        return looks_like_html(head)

    def read(self, data: bytes, file: str) -> tuple[SourceDocument | None, list[IngestIssue]]:
        """Read a page's bytes into blocks and metadata."""
        text, issues = decode_page(data, file)
        if text is None:
            return None, issues
        try:
            root = lxml_html.document_fromstring(_XML_DECL.sub("", text))
        except (etree.ParserError, ValueError) as exc:
            return None, [
                *issues,
                IngestIssue(file, f"not a readable web page: {exc}", level="error"),
            ]
        document = read_page(root)
        if not document.blocks:
            return None, [
                *issues,
                IngestIssue(file, "no article text found in the page", level="error"),
            ]
        return document, issues


def _header_elements(
    region: lxml_html.HtmlElement, meta: DocumentMeta, headline: lxml_html.HtmlElement | None
) -> tuple[set[lxml_html.HtmlElement], str | None, list[lxml_html.HtmlElement], bool]:
    """Headline, byline and date elements (never body text), the standfirst's text, the kickers.

    Only the header is searched: the elements before the first paragraph of body text. The
    standfirst is the element the description repeats, or a deck its class marks. The last
    value says whether the standfirst is set as a heading (display type, as the headline is).
    """
    skip: set[lxml_html.HtmlElement] = set()
    kickers: list[lxml_html.HtmlElement] = []
    if headline is not None:
        skip.add(headline)
    description = None
    root = region.getroottree().getroot()
    for meta_el in root.iter("meta"):
        key = (meta_el.get("property") or meta_el.get("name") or "").lower()
        if key in ("og:description", "description", "twitter:description"):
            description = (meta_el.get("content") or "").strip() or description
            if description:
                break
    subtitle = None
    displayed = False
    deck: lxml_html.HtmlElement | None = None
    prose = False
    above = headline is not None  # still above the headline
    holders = set(headline.iterancestors()) if headline is not None else set()
    for element in region.iter():
        if element is headline:
            above = False
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if deck is not None and deck in element.iterancestors():
            continue  # the deck's own paragraphs
        words = text_of(element)
        if not words:
            continue
        hint = " ".join(element.get(a) or "" for a in ("class", "rel", "itemprop", "id"))
        if element not in holders and _kicker(element, words, hint, above):
            skip.add(element)
            kickers.append(element)
        elif (
            description
            and subtitle is None
            and element.tag in ("p", "h2", "div", "span")
            and _same_or_cut(loose(words), loose(description))
            and len(words.split()) <= 60
        ):
            subtitle, displayed = words, element.tag in _HEADING_TAGS
            skip.add(element)
        elif (
            subtitle is None
            and not above
            and not prose
            and headline not in element.iterancestors()  # a kicker set inside the <h1>
            and _deck(element, words, hint)
        ):
            subtitle, deck, displayed = words, element, element.tag in _HEADING_TAGS
            skip.add(element)
        elif not above and _meta_line(element, words, hint):
            skip.add(element)
        elif not above and _author_bio(element, words, meta.authors, skip):
            skip.add(element)  # "A is a former councillor and writes …": about the author
        elif element.tag == "p" and len(words.split()) >= _BODY_WORDS:
            break
        elif (element.tag == "time" or _BYLINE_HINT.search(hint)) and len(words.split()) <= 30:
            parent = element.getparent()
            skip.add(element)
            if parent is not None and loose(text_of(parent)) == loose(words):
                skip.add(parent)
        elif _DATE_LINE.match(words) or is_reading_time(words) or _labelled_date(words):
            skip.add(element)
        elif element.tag == "p" and _SENTENCE.search(words) and not BYLINE_LEAD.match(words):
            prose = True  # body text has begun: a deck stands above it
    for element in region.iter("p", "div", "span", "address"):
        if marked_byline(element):
            skip.add(element)  # another story's byline on a page of several
    if meta.authors:
        for element in region.iter("p", "div", "span", "address"):
            words = text_of(element)
            names = byline_names(words, printed=True) if len(words.split()) <= 12 else ()
            if (
                names
                and set(names) <= set(meta.authors)
                and (BYLINE_LEAD.match(words) or loose(words) == loose(" ".join(names)))
            ) or _byline_block(words, meta.authors):
                skip.add(element)  # "By A and B", "Words by A", or the names alone
            elif (dated := dated_byline(words)) and set(dated) <= set(meta.authors):
                skip.add(element)  # "Tuesday 15 October 2019 by A", "Posted on … by A."
    return skip, subtitle, kickers, displayed


def _labelled_date(words: str) -> bool:
    """Whether a header line is a date after a short label ("Volume 771: debated on …")."""
    match = _LABELLED_DATE.match(words)
    return match is not None and bool(_DATE_LINE.match(match.group("date")))


_META_HINT = re.compile(r"(?:^|[-_\s])meta(?:data)?(?:$|[-_\s])", re.I)
_META_PART = re.compile(r"\s+[·|•]\s+")
_META_PART_WORDS = 15


def _meta_line(element: lxml_html.HtmlElement, words: str, hint: str) -> bool:
    """Whether a line under the headline is the page's front matter, not its first sentence.

    "Third Report of Session 2025-26 · HC 412 · Published 18 November 2025 by …": parts set
    apart by "·" or "|" (or a line its class calls the page's meta), one of them dated, none a
    sentence of its own.
    """
    if element.tag not in ("p", "div", "span") or not written_date(words):
        return False
    parts = _META_PART.split(words)
    if len(parts) < 3 and not _META_HINT.search(hint):
        return False
    return all(
        len(p.split()) <= _META_PART_WORDS and not re.search(r"[.!?]\s+[A-Z]", p) for p in parts
    )


_BIO_BOX = 4  # a columnist's card: the picture's caption, byline, bio and date at most
_BIO_HINT = re.compile(r"(?:^|[-_\s])(?:author-?)?bio(?:graphy)?(?:$|[-_\s])", re.I)


def _author_bio(
    element: lxml_html.HtmlElement,
    words: str,
    authors: Sequence[str],
    skip: set[lxml_html.HtmlElement],
) -> bool:
    """Whether a paragraph of the header is the author's bio: "A is a former councillor …".

    It opens with an author's name and a verb saying who they are (`is_bio`), and the page
    sets it apart as a bio: its class says so (then the name alone is enough), or it shares a
    small box, a card, with the author's byline.
    Words of the article that open with the author's name ("A is right that …" in a letter)
    stay; a bio at the article's foot is the article reader's to drop.
    """
    if element.tag != "p":
        return False
    if _BIO_HINT.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
        return any(words.startswith(a) for a in authors)
    if not is_bio(Block("paragraph", (SourceLine(words, 0),)), authors):
        return False
    box = element.getparent()
    if box is None or box.tag not in ("div", "aside", "section", "header", "footer"):
        return False
    inside = [x for x in box if isinstance(x.tag, str) and x.text_content().strip()]
    return len(inside) <= _BIO_BOX and any(x in skip for x in inside if x is not element)


def _byline_block(words: str, authors: Sequence[str]) -> bool:
    """Whether a line is a byline block: "Interview by A · Sat 22 Mar 2025 · 14 min read".

    The authors' names after a byline lead, then only when it was published and how long it
    takes to read.
    """
    lead = BYLINE_LEAD.match(words)
    if not lead or len(words.split()) > _BYLINE_BLOCK_WORDS:
        return False
    rest = words[lead.end() :].strip()
    named = False
    while True:
        name = next((a for a in authors if rest.lower().startswith(a.lower())), None)
        if name is None:
            break
        named = True
        rest = re.sub(r"^(?:\s*(?:,|&|\band\b))*\s*", "", rest[len(name) :])
    return named and not _BYLINE_FURNITURE.sub(" ", rest).strip()


def _deck(element: lxml_html.HtmlElement, words: str, hint: str) -> bool:
    """Whether an element under the headline is its deck (standfirst).

    Marked so by its class ("deck", "standfirst", "dek", "strapline", "subtitle") or its
    itemprop ("description"). A picture's caption is never the deck, nor is a heading of the body.
    """
    return (
        element.tag in ("p", "div", "h2", "h3", "span")
        and bool(_DECK_HINT.search(hint))
        and len(words.split()) <= _DECK_WORDS
        and next(element.iterancestors("figure"), None) is None
    )


def _kicker(element: lxml_html.HtmlElement, words: str, hint: str, above: bool) -> bool:
    """Whether a header element is a kicker: a short label naming the section or series.

    Marked by its class ("kicker", "eyebrow", "section-label"), or any short line that is not
    a sentence printed above the headline (nothing above it is body text).
    """
    if len(words.split()) > _KICKER_WORDS or words.rstrip().endswith((".", "!", "?", ":")):
        return False
    if element.tag == "time" or _DATE_LINE.match(words):
        return False  # the date line: read for the date, skipped on its own
    if (
        element.tag in ("figure", "figcaption")
        or next(element.iterancestors("figure"), None) is not None
    ):
        return False  # a picture's caption, wherever the picture stands
    return above or (element.tag not in _HEADING_TAGS and bool(_KICKER_HINT.search(hint)))


def _header(meta: DocumentMeta, subtitle: str | None, displayed: bool = False) -> list[RawBlock]:
    """The header written from the metadata: title, standfirst and "By …", as the layout reads it.

    A title alone is not written out: the layout step would take the first short body block
    for its subtitle; the metadata carries the title. The byline names the people only (a
    body, "From: Department for X", reads as no byline). A standfirst written as a sentence ends
    the printed header where it stands, so the byline goes above it: the byline is then read
    as the header's and the standfirst stays the article's first paragraph. A standfirst set
    as a heading (`displayed`) is display type, as the headline is: the subtitle only, no text.
    """
    people = [a for a in meta.authors if is_name(a)]
    if not meta.title or not (subtitle or people):
        return []
    title = RawBlock("heading", [(meta.title, 0)], 1)
    byline = RawBlock("paragraph", [(f"By {join_names(people)}", 0)])
    if displayed:
        return [title, byline] if people else []
    standfirst = [RawBlock("paragraph", [(subtitle, 0)])] if subtitle else []
    if not people:
        return [title, *standfirst]
    printed = [title, *standfirst, byline]
    if read_header(_numbered(printed)).consumed == len(printed):
        return printed
    return [title, byline, *standfirst]


def _same_or_cut(text: str, description: str) -> bool:
    """Whether a standfirst reads as the page's description (which sites may cut short)."""
    if not text or not description:
        return False
    return text == description or (len(description) >= 40 and text.startswith(description))


def read_page(root: lxml_html.HtmlElement) -> SourceDocument:
    """Turn a parsed page into a SourceDocument (blocks in reading order, metadata)."""
    drop_comments(root)
    meta, headline, weak_title = page_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    main = find_main_text(root, headline)
    region = main.region if main is not None else body
    if headline is None and (weak_title or not meta.title):
        # the <title> names the site: the first headline of the main text is the title
        headline = next((h for h in region.iter("h1", "h2") if text_of(h)), None)
        if headline is not None:
            meta = replace(meta, title=text_of(headline))
    ids = {str(e.get("id")): e for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    ids.update({str(e.get("name")): e for e in root.iter("a") if e.get("name")})
    markers = Markers(ids=frozenset(ids))
    notes = find_notes(region, markers, ids) or unlinked_notes(region)
    skip, subtitle, kickers, displayed = _header_elements(region, meta, headline)
    if meta.series is None and (column := column_name(root, kickers)) is not None:
        meta = replace(meta, series=column)  # an opinion column's name over its headline
    for note in notes:
        skip.add(note.element)
    issued = from_line(root, headline) if meta.authors else None
    if issued is not None:  # "From: Department for X": who issued the page, no fact of its own
        skip.add(issued[1])
        term = issued[1].getprevious()
        if issued[1].tag == "dd" and term is not None and term.tag == "dt":
            skip.add(term)
    skip.update(_page_history(region))
    edited = last_edit(root)
    if edited is not None:
        skip.add(edited[1])  # "Last updated 2 May 2024": the page's date, no fact of its own
    walker = Walker(markers, main, skip)
    if meta.title:
        walker.skip_texts.add(" ".join(re.findall(r"\w+", meta.title.lower())))
    walker.walk(region)
    credit_subject(walker.blocks, walker.uncredited, meta.title)
    raw = close_before_notices(_drop_empty_sections(walker.blocks), walker.notices)
    header = _header(meta, subtitle, displayed)
    if notes:
        raw.append(
            RawBlock("notes", [(f"{n.number} {n.text}", n.element.sourceline or 0) for n in notes])
        )
    if not any(b.kind != "heading" for b in raw):
        return SourceDocument((), meta)
    meta = replace(meta, subtitle=subtitle)
    return SourceDocument(
        _numbered(header + raw), meta, explicit_headings=True, explicit_paragraphs=True
    )


_HISTORY_TAGS = ("div", "section", "ul", "ol", "dl", "aside", "footer", "p", "details")


def _page_history(region: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The page's history of its own edits ("Published …", "Last updated … — Added …").

    A box each of whose entries (its children with text, a term and its definition taken
    together) is a dated edit of the page: it states nothing of the page's subject, and the
    heading over it heads nothing once it goes.
    """
    found: list[lxml_html.HtmlElement] = []
    for element in region.iter(*_HISTORY_TAGS):
        if any(a in found for a in element.iterancestors()):
            continue
        children = [c for c in element if isinstance(c.tag, str) and text_of(c)]
        if (element.text or "").strip() or any((c.tail or "").strip() for c in children):
            children = []  # text of its own between the entries: read as a whole
        entries: list[str] = []
        for child in children:
            if child.tag == "dd" and entries and child.getprevious() is not None:
                entries[-1] = f"{entries[-1]} — {text_of(child)}"  # "5 May 2025" + "Added …"
            else:
                entries.append(text_of(child))
        if not children and not any(isinstance(c.tag, str) for c in element):
            entries = [text_of(element)]
        if entries and all(history_entry(e) for e in entries):
            found.append(element)
    return found


def _drop_empty_sections(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop headings with nothing under them before the next heading of their level or above."""
    kept: list[RawBlock] = []
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            nxt = next(
                (
                    b
                    for b in blocks[index + 1 :]
                    if b.kind != "heading" or (b.level or 9) <= (block.level or 9)
                ),
                None,
            )
            if nxt is None or nxt.kind == "heading":
                continue
        if kept and kept[-1].kind == block.kind and kept[-1].lines == block.lines:
            continue
        kept.append(block)
    return kept


def _numbered(blocks: list[RawBlock]) -> tuple[Block, ...]:
    out: list[Block] = []
    number = 0
    for block in blocks:
        lines: list[SourceLine] = []
        for text, source in block.lines:
            number = max(number + 1, source)
            lines.append(SourceLine(text, number))
        out.append(
            Block(block.kind, tuple(lines), level=block.level, alone=block.alone)  # type: ignore[arg-type]
        )
    return tuple(out)
