"""What a Markdown line or paragraph is.

A speaker label, a bold lead-in, a link-only or navigation line, a figure tag's caption, a
callout's label, a short heading-like line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

from markdown_it.token import Token

from bot.core.ingest.formats import SourceLine
from bot.core.ingest.markdown_inline import BACKLINK, MARKER_TEXT, MarkdownLine, clean_inline

# a site generator's picture tag standing alone: Hugo's "{{< figure src=… caption="…" >}}" (or
# "{{% … %}}"), Jekyll's "{% include figure.html caption="…" %}"; its caption is the picture's
_SHORTCODE = re.compile(r"^\s*(?:\{\{[<%](.*?)[>%]\}\}|\{%(.*?)%\})\s*$", re.S)
_ATTRIBUTE = re.compile(r"""\b([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""", re.S)
HTML_TAG = re.compile(r"<[^>]*>")
_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]*|Q|A)(?:\s+[A-Z0-9][\w.'’-]*){0,4}$")
_PSEUDO_HEADING_MAX_WORDS = 15
_LEAD_IN_MAX_WORDS = 4  # "**Housing.**", "**Public transport.**": a topic, not a sentence


# what is left of a navigation line without its links: a short label and separators
# ("Links: [[A]] · [[B]]", "Related: [[C]], [[D]]", "**Share this:** [X](…) · [Y](…)")
_NAV_REST = re.compile(r"^\s*(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:)?[\s·•|,;/>–—-]*$")
_CALLOUT_LABEL_WORDS = 2  # "Source", "Key facts": the box's label; a longer title is a line


def shortcode_caption(content: str) -> str | None:
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
    text = clean_inline(unescape(HTML_TAG.sub(" ", caption.replace('\\"', '"')))).strip()
    return text or None


def link_only(token: Token) -> str | None:
    """A paragraph made of one link keeps its markup ("[Series](#)": the header step reads it)."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if (
        len(children) == 3
        and children[0].type == "link_open"
        and children[1].type == "text"
        and children[2].type == "link_close"
        and not MARKER_TEXT.match(children[1].content)
        and not BACKLINK.match(children[1].content)
    ):
        return f"[{clean_inline(children[1].content).strip()}]({children[0].attrs.get('href', '')})"
    return None


# a link with a scheme ("https:", "mailto:") leaves the site; a relative one goes to its pages
_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*:")
_WIKILINKS = re.compile(r"^(?:\s*!?\[\[[^\[\]]+\]\][\s,;·•|/–—-]*)+$")
_SEPARATORS = " ,;·•|/–—-"


def links_to_pages(token: Token) -> bool:
    """Whether an inline run is only links to other pages of the site (relative or wiki links).

    "[Desk booking guide](../facilities/desk-booking.md)", "[[Leave policy]]": navigation. A
    word outside the links, or a link to another site, makes it text.
    """
    depth = 0
    seen = False
    for child in token.children or []:
        if child.type == "link_open":
            if _SCHEME.match(str(child.attrs.get("href", ""))):
                return False
            depth += 1
            seen = True
        elif child.type == "link_close":
            depth -= 1
        elif depth or child.type in ("softbreak", "hardbreak"):
            continue
        elif child.type == "text" and _WIKILINKS.match(child.content):
            seen = True
        elif child.type != "text" or child.content.strip(_SEPARATORS):
            return False
    return seen


def is_navigation(line: MarkdownLine) -> bool:
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


def speaker_label(line: MarkdownLine) -> str | None:
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


def lead_in(line: MarkdownLine) -> str | None:
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


def unwrapped(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
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


def is_callout_label(title: str) -> bool:
    """Whether a callout's title is the box's label ("Source", "Caveat"), not a line to read."""
    words = title.split()
    return len(words) <= _CALLOUT_LABEL_WORDS and title[-1:] not in ".!?"


def heading_like(text: str) -> bool:
    """A few words without closing punctuation: a line that could head what follows."""
    words = text.split()
    return 0 < len(words) <= _PSEUDO_HEADING_MAX_WORDS and text.rstrip()[-1:] not in ".,;:"


def with_url(text: str, url: str | None) -> str:
    """A note's text with its first web link appended as "<url>" (the notes step reads it)."""
    return f"{text} <{url}>" if url and url not in text else text
