"""Boxes of links in a page's main text: menus, related stories, post navigation, link lists.

Which boxes and lists are links rather than the story's words: a box mostly of links, a link
alone to the previous or next story or to the comments, a list of links (or links and dates)
as against a list whose items say something of their own beside their links; and a heading
wrapped in boxes of its own.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from bot.core.ingest.html.main_text import is_furniture

__all__ = ["chars", "link_heavy", "lone_heading", "post_navigation", "told_list"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINK_SHARE = 0.7
_STEP_LINK = re.compile(
    r"^(?:[←→«»‹›]|(?:previous|next|older|newer)(?:\s+(?:post|story|article|entry|page))?"
    r"\s*(?:[:→»›|]|$))",
    re.I,
)
_COMMENTS_LINK = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\s*\d+[^)]*\))?$|"
    r"^(?:leave|add|post|write|view|read|show|see)\s+(?:a\s+|the\s+|all\s+)?(?:\d+\s+)?"
    r"(?:comments?|replies|reply)$",
    re.I,
)
_OWN_WORD = re.compile(r"[^\W\d_]{2,}")
_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december am pm at on by updated posted".split()
)


def link_heavy(element: lxml_html.HtmlElement, boxes: bool = False) -> bool:
    """Whether an element is mostly links.

    A list (navigation, related stories, "see also"), or with `boxes` a box holding two
    links or more and little else.
    """
    total = chars(element)
    if total == 0:
        return not boxes
    links = list(element.iter("a"))
    if boxes and len(links) < 2:
        return False
    linked = sum(chars(a) for a in links)
    return linked / total >= _LINK_SHARE


def post_navigation(element: lxml_html.HtmlElement) -> bool:
    """Whether an element is a link to the previous or next story, or to the comments, alone.

    Marked by the link's rel ("prev", "next") or by its words: an arrow, "Previous", "Next",
    "Older", "Newer" before anything else; "Comments (5 posted)", "12 comments", "Leave a
    comment".
    """
    links = list(element.iter("a"))
    total = chars(element)
    if not links or len(links) > 2 or total == 0 or sum(map(chars, links)) < 0.9 * total:
        return False
    return all(
        bool({"prev", "next"} & set((a.get("rel") or "").lower().split()))
        or bool(_STEP_LINK.match(" ".join(a.text_content().split())))
        or bool(_COMMENTS_LINK.match(" ".join(a.text_content().split())))
        for a in links
    )


def lone_heading(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The one heading a box holds when the box holds nothing else with words."""
    headings = [h for h in element.iter(*_HEADINGS) if isinstance(h.tag, str)]
    if len(headings) != 1 or is_furniture(element):
        return None
    words = " ".join(element.text_content().split())
    return headings[0] if words and words == " ".join(headings[0].text_content().split()) else None


def told_list(element: lxml_html.HtmlElement) -> bool:
    """Whether most items of a list of links also say something in words of their own.

    "Ana Lind fixed <a>the import of old logins</a>" is an item of the story; a menu, a list
    of related stories ("<a>Title</a> December 8, 2020") or a tag list is links alone, or
    links and dates.
    """
    items = [li for li in element if li.tag == "li"]
    told = 0
    for li in items:
        own = [li.text or ""]
        for child in li.iterdescendants():
            inside_link = next(child.iterancestors("a"), None) is not None
            if not inside_link and child.tag != "a":
                own.append(child.text or "")
            if not inside_link:  # a tail belongs to the parent: linked only inside a link
                own.append(child.tail or "")
        words = [w for w in _OWN_WORD.findall(" ".join(own)) if w.lower() not in _DATE_WORDS]
        told += len(words) >= 2
    return bool(items) and told * 2 > len(items)


def chars(element: lxml_html.HtmlElement) -> int:
    """How many non-space characters an element's text holds."""
    return len(re.sub(r"\s+", "", element.text_content()))
