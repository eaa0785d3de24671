"""A page's footnotes: the elements its markers point to, read as numbered notes.

A marker's target is a list item (a reference list: every item of that list becomes a note,
numbered from the list's start), or a paragraph or box of its own (numbered by its own leading
number, else by the marker). Backlinks ("^", "↩", "Return to text", links back to a marker)
are dropped; the note's first web link is kept at its end as "<url>", and an access date
("Retrieved 1 May 2016") as "[2016-05-01]", the form the notes step reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from bot.core.ingest.access_dates import find_access_stamp
from bot.core.ingest.html.inline import Markers, inline_text, lettered_marker, marker_of, one_line

__all__ = ["PageNote", "find_notes", "unlinked_notes"]

_BLOCKS = frozenset("li p div dd aside section td blockquote".split())
_NOTES_NAME = re.compile(r"(?:^|[-_\s])(?:foot|end)?notes?(?:$|[-_\s])|footnotes|endnotes", re.I)
_NOTES_TITLE = re.compile(r"^(?:end\s?notes|foot\s?notes|notes|references|sources)\s*:?$", re.I)
_BRACKET_NUMBER = re.compile(r"^\[\s*\d{1,3}\s*\]$")
_LEADING_NUMBER = re.compile(r"^\s*\[?(\d{1,3})[\].)]?\s+")
_BACKLINK_TEXT = re.compile(r"^(?:\^|↑|↩\ufe0f?|⤴|back|return to text|jump up\S*|[a-z])$", re.I)
_BACKLINK_CLASS = re.compile(r"backlink|backref|footnote-back|fn-?back|reversefootnote", re.I)
_LEAD_JUNK = re.compile(r"^[\s^↑↩]+")
# a redirect service's link ("https://www.google.com/url?q=TARGET&sa=D", "…/l.php?u=TARGET",
# Outlook's "safelinks…/?url=TARGET"): the address the reader lands on is its parameter's
_REDIRECT = re.compile(
    r"^https?://[^/?#]+/(?:url|l\.php|redirect|out|link)?/?\?(?:[^#]*&)?"
    r"(?:q|u|url|target|dest)=(https?(?::|%3A)[^&#]+)",
    re.I,
)
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class PageNote:
    """One note: its number, its text as a notes line, and the element it was read from."""

    number: int
    text: str
    element: lxml_html.HtmlElement


def _note_item(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The block a target id sits on: itself, or its nearest block ancestor if it is inline."""
    current: lxml_html.HtmlElement | None = element
    while current is not None and (
        current.tag not in _BLOCKS or len(current.text_content().split()) < 2
    ):
        current = current.getparent()
    return current if current is not None else element


def _is_backlink(element: lxml_html.HtmlElement, marker_ids: set[str]) -> bool:
    if _BACKLINK_CLASS.search(f"{element.get('class') or ''} {element.get('role') or ''}"):
        return True
    if element.tag != "a":
        return False
    href = element.get("href") or ""
    if href.startswith("#") and href[1:] in marker_ids:
        return True
    return bool(_BACKLINK_TEXT.match(element.text_content().strip()))


def _note_text(item: lxml_html.HtmlElement, marker_ids: set[str]) -> tuple[int | None, str]:
    """Read a note element: (its own leading number or None, its text as a notes line)."""
    copy = lxml_html.fromstring(lxml_html.tostring(item))
    number: int | None = None
    url: str | None = None
    for element in list(copy.iter()):
        if not isinstance(element, lxml_html.HtmlElement) or not isinstance(element.tag, str):
            continue
        if element is not copy and _is_backlink(element, marker_ids):
            digits = element.text_content().strip().strip("[]")
            if number is None and digits.isdigit():
                number = int(digits)
            _drop(element)
            continue
        href = element.get("href") or "" if element.tag == "a" else ""
        if url is None and href.startswith(("http://", "https://")):
            url = _unwrapped(href)
    text = one_line(inline_text(copy, Markers()))
    text = _LEAD_JUNK.sub("", text)
    leading = _LEADING_NUMBER.match(text)
    if leading and number is None:
        number = int(leading.group(1))
        text = text[leading.end() :]
    stamp = find_access_stamp(text)  # the notes step's rule, written in the form it reads
    accessed = stamp.iso if stamp else None
    if stamp:
        rest = text[stamp.end :].removeprefix(")").removeprefix(".")
        text = (text[: stamp.start].rstrip(" ,;(") + " " + rest).strip()
    if url and url not in text:
        text = f"{text.rstrip()} <{url}>"
    if accessed:
        text = f"{text} [{accessed}]"
    return number, text.strip()


def _unwrapped(href: str) -> str:
    """A redirect service's link as the address it sends to; any other link as it is."""
    wrapped = _REDIRECT.match(href)
    if wrapped is None:
        return href
    raw = wrapped.group(1).replace("+", " ").encode("utf-8")
    return _PERCENT.sub(lambda m: bytes([int(m.group(1), 16)]), raw).decode("utf-8", "replace")


def _drop(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def find_notes(
    scope: lxml_html.HtmlElement, markers: Markers, ids: dict[str, lxml_html.HtmlElement]
) -> list[PageNote]:
    """The notes the markers inside `scope` point to, in number order (list items all kept)."""
    marker_ids: set[str] = set()
    targets: dict[str, int] = {}
    for element in scope.iter("sup", "a"):
        found = marker_of(element, markers)
        if found is None:
            continue
        number, target = found
        if target in marker_ids:
            continue  # it points back at a marker met before: a note's backlink
        targets.setdefault(target, number)
        for holder in (element, *element.iterancestors("sup", "span"), *element.iter("a")):
            for key in ("id", "name"):
                if holder.get(key):
                    marker_ids.add(str(holder.get(key)))
    markers.ids = markers.ids - marker_ids
    notes: dict[int, PageNote] = {}
    done: set[lxml_html.HtmlElement] = set()
    for target, marker_number in targets.items():
        element = ids.get(target)
        if element is None:
            continue
        item = _note_item(element)
        if item in done:
            continue
        parent = item.getparent()
        if item.tag == "li" and parent is not None and parent.tag in ("ol", "ul"):
            start = int(parent.get("start") or 1) if (parent.get("start") or "1").isdigit() else 1
            for index, li in enumerate(c for c in parent if c.tag == "li"):
                if li in done:
                    continue
                done.add(li)
                own, text = _note_text(li, marker_ids)
                if text:
                    number = own if own is not None and parent.tag == "ul" else start + index
                    notes.setdefault(number, PageNote(number, text, li))
            continue
        done.add(item)
        own, text = _note_text(item, marker_ids)
        if text:
            number = own if own is not None else marker_number
            notes.setdefault(number, PageNote(number, text, item))
    _lettered_notes(scope, markers, ids, marker_ids, done, notes, max(targets.values(), default=0))
    return [notes[k] for k in sorted(notes)]


def _lettered_notes(
    scope: lxml_html.HtmlElement,
    markers: Markers,
    ids: dict[str, lxml_html.HtmlElement],
    marker_ids: set[str],
    done: set[lxml_html.HtmlElement],
    notes: dict[int, PageNote],
    highest: int,
) -> None:
    """Explanatory notes marked "[a]", "[b]" beside numbered references: numbered after them.

    Each item of their list gets the next free number, in order (the letters are the page's
    labels; a number of their own cannot collide with a reference's); `markers.lettered`
    gives the text the number of each marker's note. A lettered marker pointing at anything
    but a list item (a document's comment thread "[a]") is none.
    """
    following = max([highest, *notes]) + 1
    numbered: dict[lxml_html.HtmlElement, int] = {}
    for sup in scope.iter("sup"):
        target = lettered_marker(sup, markers)
        if target is None:
            continue
        item = _note_item(ids[target])
        parent = item.getparent()
        if item.tag != "li" or parent is None:
            continue  # a lettered list is notes; "[a]" pointing at a box is a comment's anchor
        if item not in numbered and item not in done:
            for li in [c for c in parent if c.tag == "li"]:
                if li in done:
                    continue
                done.add(li)
                _, text = _note_text(li, marker_ids)
                if text:
                    numbered[li] = following
                    notes[following] = PageNote(following, text, li)
                    following += 1
        if item in numbered:
            markers.lettered.setdefault(target, numbered[item])


def unlinked_notes(scope: lxml_html.HtmlElement) -> list[PageNote]:
    """Notes for markers that link nowhere ("<sup>[2]</sup>"): the page's list of notes.

    That list is an `<ol>` named as notes (class or id "footnotes", "endnotes", "notes") or the
    list right after a heading that says so ("Endnotes", "Notes", "References"); its items are
    numbered from the list's start. Nothing when the page has no such marker or no such list.
    """
    if not any(
        _BRACKET_NUMBER.match(sup.text_content().strip()) and not list(sup.iter("a"))
        for sup in scope.iter("sup")
    ):
        return []
    for element in scope.iter("ol", "ul"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        before = element.getprevious()
        titled = before is not None and bool(_NOTES_TITLE.match(before.text_content().strip()))
        if element.tag == "ol" and (_NOTES_NAME.search(names) or titled):
            start = int(element.get("start") or 1) if (element.get("start") or "1").isdigit() else 1
            notes = []
            for index, li in enumerate(c for c in element if c.tag == "li"):
                _, text = _note_text(li, set())
                if text:
                    notes.append(PageNote(start + index, text, li))
            if notes:
                return notes
    return []
