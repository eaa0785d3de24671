"""Inline text of an HTML element: whitespace collapsed, footnote markers as superscripts.

A footnote marker is a link to an element of the same page whose text is a number
(`<sup><a href="#fn1">1</a></sup>`, `<a data-type="noteref">`, Wikipedia's `[12]` citation
links). It is written as superscript digits and its target remembered, so the notes can be
found wherever the page keeps them. Bracketed editorial superscripts ("[citation needed]",
"[a]") and hidden or furniture elements are left out; `<br>` becomes a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from bot.core.ingest.formats import SUPERSCRIPT_DIGITS, superscript
from bot.core.ingest.html.main_text import JUNK_TAGS, is_hidden

__all__ = ["Markers", "inline_text", "lettered_marker", "marker_of"]

_NOTE_NUMBER = re.compile(r"^\[?\s*(\d{1,3})\s*\]?$")
_NOTE_LETTER = re.compile(r"^\[\s*[a-z]{1,2}\s*\]$")
_BRACKETED = re.compile(r"^\[[^\]]*\]$")
_BREAK = "\u2028"  # a <br> while the text is gathered (source newlines are spaces)
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_MARKER = re.compile(r"\s+([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_NOTE_REF_HINT = re.compile(r"noteref|footnote|endnote|cite_note|fnref|\bfn\d|#fn|#note|#ref", re.I)
_PERMALINK_SIGNS = frozenset(("#", "¶", "§", "🔗", "∞", "⚓"))
_EDIT_LINK = re.compile(r"(?:^|[-_\s])(?:mw-editsection|editsection|edit-link)(?:$|[-_\s])")


@dataclass
class Markers:
    """Every footnote marker met: target id → the number written for it."""

    targets: dict[str, int] = field(default_factory=dict)
    ids: frozenset[str] = frozenset()
    lettered: dict[str, int] = field(default_factory=dict)  # "[a]" targets → their numbers


def _link_target(element: lxml_html.HtmlElement) -> str | None:
    """The in-page id a link points to ("#fn1" → "fn1"), else None."""
    href = (element.get("href") or "").strip()
    if "#" not in href:
        return None
    base, _, fragment = href.partition("#")
    if base and not base.startswith(("./", "?")) and "/" in base:
        return None  # another page's anchor
    return fragment or None


def marker_of(element: lxml_html.HtmlElement, markers: Markers) -> tuple[int, str] | None:
    """(number, target id) if the element is a footnote marker of this page, else None.

    A lettered marker ("[a]", an explanatory note beside numbered references) has the number
    the notes step gave its target (`Markers.lettered`), else it is none.
    """
    links = [element] if element.tag == "a" else list(element.iter("a"))
    if len(links) != 1:
        return None
    link = links[0]
    target = _link_target(link)
    if target is None or target not in markers.ids:
        return None
    shown = link.text_content().strip()
    if target in markers.lettered and _NOTE_LETTER.match(shown):
        return markers.lettered[target], target
    match = _NOTE_NUMBER.match(shown)
    if not match:
        return None
    roles = " ".join(link.get(a) or "" for a in ("data-type", "role", "epub:type", "type"))
    hinted = (
        element.tag == "sup"
        or next(element.iterancestors("sup"), None) is not None
        or "noteref" in roles
        or bool(
            _NOTE_REF_HINT.search(
                f"{link.get('href')} {link.get('class') or ''} {element.get('class') or ''}"
            )
        )
        or link.text_content().strip().startswith("[")
    )
    if not hinted:
        return None
    return int(match.group(1)), target


def lettered_marker(element: lxml_html.HtmlElement, markers: Markers) -> str | None:
    """The target id of a lettered note marker ("<sup><a href="#note-a">[a]</a></sup>")."""
    if element.tag != "sup":
        return None
    links = list(element.iter("a"))
    if len(links) != 1 or not _NOTE_LETTER.match(links[0].text_content().strip()):
        return None
    target = _link_target(links[0])
    return target if target is not None and target in markers.ids else None


def _after_marker(out: list[str]) -> None:
    """Two markers in a row are written "³⁶,³⁹", as the sentence step reads them."""
    for index in range(len(out) - 1, -1, -1):
        piece = out[index]
        if not piece.strip():
            continue
        if piece.rstrip()[-1] in SUPERSCRIPT_DIGITS:
            del out[index + 1 :]
            out.append(",")
        return


def _skipped(element: lxml_html.HtmlElement) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag in JUNK_TAGS:
        return True
    if tag == "a" and _permalink(element):
        return True
    return is_hidden(element) or bool(_EDIT_LINK.search(element.get("class") or ""))


def _permalink(link: lxml_html.HtmlElement) -> bool:
    """A heading's permalink: a link to an anchor of this page written "#", "¶", "§" or "🔗"."""
    href = (link.get("href") or "").strip()
    return href.startswith("#") and link.text_content().strip() in _PERMALINK_SIGNS


def _walk(element: lxml_html.HtmlElement, out: list[str], markers: Markers) -> None:
    if element.tag == "br":
        out.append(_BREAK)
        return
    if element.tag in ("sup", "a"):
        marker = marker_of(element, markers)
        if marker is not None:
            number, target = marker
            markers.targets.setdefault(target, number)
            _after_marker(out)
            out.append(superscript(str(number)))
            return
        if element.tag == "sup" and _BRACKETED.match(element.text_content().strip()):
            bare = _NOTE_NUMBER.match(element.text_content().strip())
            if bare and not list(element.iter("a")):  # "<sup>[3]</sup>" with no link: note 3
                _after_marker(out)
                out.append(superscript(str(int(bare.group(1)))))
            return
    if element.tag in ("img", "wbr"):
        return
    if element.text:
        out.append(element.text)
    for child in element:
        if not _skipped(child):
            _walk(child, out, markers)
        if child.tail:
            out.append(child.tail)


def clean(text: str) -> str:
    """Collapse white space and tie markers to the word before them.

    The source's own line breaks are spaces; a `<br>` is a line break and two in a row
    a paragraph break (a blank line).
    """
    text = _WS.sub(" ", text.replace("\n", " "))
    lines = [line.strip() for line in text.split(_BREAK)]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    joined = "\n".join(out).strip("\n")
    return _SPACE_BEFORE_MARKER.sub(r"\1", joined)


def one_line(text: str) -> str:
    """Text with its line breaks turned into single spaces."""
    return " ".join(text.split())


def inline_text(element: lxml_html.HtmlElement, markers: Markers, *, children: bool = True) -> str:
    """The element's text (markers as superscripts, line breaks as newlines), spaces collapsed.

    With `children=False` only the element's own text, not its children's, is read.
    """
    out: list[str] = []
    if children:
        _walk(element, out, markers)
    elif element.text:
        out.append(element.text)
    return clean("".join(out))


def run_text(parts: list[str | lxml_html.HtmlElement], markers: Markers) -> str:
    """The text of a run of inline content: strings and elements, in order."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif not _skipped(part):
            _walk(part, out, markers)
    return clean("".join(out))
