"""What a word processor's web-page export adds: the title paragraph and editors' comments.

Word ("Save as Web Page") and Google Docs ("Download as HTML") write the document's title as a
paragraph styled as the title (`<p class=MsoTitle>`, `<p class="title">`), not as a heading,
and its comment threads after the text, each linked both ways with a marker in the text
(`<a href="#cmnt1" id="cmnt_ref1">[a]</a>`, Word's `_msoanchor_1`/`_msocom_1`). The comments
are the editors' talk about the document, not the document: they and their markers go.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

__all__ = ["drop_comments", "title_paragraph"]

_WS = re.compile(r"\s+")
_TITLE_STYLE = re.compile(r"^(?:mso)?title$", re.I)
_TITLE_WORDS = 30
_BODY_WORDS = 20  # a paragraph this long is body text: the title stands above it
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# the ids an export gives a comment and its marker: "cmnt1"/"cmnt_ref1", "_msocom_1"/"_msoanchor_1"
_COMMENT_ID = re.compile(r"^(?:cmnt(?:_?ref)?|_?msocom_?|_?msoanchor_?|_?com_)\d+$", re.I)


def title_paragraph(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The paragraph styled as the document's title, above its first heading and body text."""
    body = root.find("body")
    for element in (body if body is not None else root).iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            return None
        if element.tag not in ("p", "div"):
            continue
        words = text_of(element)
        styles = (element.get("class") or "").split()
        if words and len(words.split()) <= _TITLE_WORDS and any(map(_TITLE_STYLE.match, styles)):
            return element
        if element.tag == "p" and len(words.split()) >= _BODY_WORDS:
            return None
    return None


def text_of(element: lxml_html.HtmlElement) -> str:
    """An element's text with whitespace collapsed."""
    return _WS.sub(" ", element.text_content()).strip()


def _names(element: lxml_html.HtmlElement) -> set[str]:
    return {str(element.get(k)) for k in ("id", "name") if element.get(k)}


def drop_comments(root: lxml_html.HtmlElement) -> None:
    """Remove the comment threads and their markers from the page.

    A marker is a link named as a comment's that points to a comment's anchor further on (the
    text comes first, the comments after it); the comment's box is the widest block round that
    anchor holding no marker and no heading.
    """
    order = {e: i for i, e in enumerate(root.iter()) if isinstance(e.tag, str)}
    named = {n: e for e in order for n in _names(e) if _COMMENT_ID.match(n)}
    markers: list[lxml_html.HtmlElement] = []
    comments: list[lxml_html.HtmlElement] = []
    for link in root.iter("a"):
        target = named.get((link.get("href") or "").partition("#")[2])
        own = any(_COMMENT_ID.match(n) for n in _names(link))
        if own and target is not None and order[target] > order[link] and link not in comments:
            markers.append(link)
            comments.append(target)
    held = set(markers)
    boxes = []
    for comment in comments:
        box = comment
        parent = box.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "html")
            and not held.intersection(parent.iter("a"))
            and not any(e.tag in _HEADINGS for e in parent.iter())
        ):
            box, parent = parent, parent.getparent()
        boxes.append(box)
    for marker in markers:
        holder = marker.getparent()
        if (
            holder is not None
            and holder.tag in ("sup", "span")
            and text_of(holder) == text_of(marker)
        ):
            marker = holder  # "<sup><a …>[a]</a></sup>": the superscript goes with it
        if marker.getparent() is not None:
            marker.drop_tree()
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
