"""An opinion column's name: the kicker over the headline of a page the site files as opinion.

A columnist's recurring column ("Valley View", "The Long Game") is printed as the kicker above
each piece; on a page the site files under opinion or comment it names the column, the series
the piece belongs to. On other pages a kicker names a section or a topic ("Energy", "Budget
2025"), no series; nor is the kicker a series when it is only the word "Opinion" itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html as lxml_html

__all__ = ["column_name"]

_OPINION = re.compile(
    r"(?:^|[-_\s/|])(?:opinions?|comment|commentary|columns?|columnists?|op-?eds?|views)"
    r"(?:$|[-_\s/|])",
    re.I,
)
_COLUMN_WORDS = 5
_URL_PATH = re.compile(r"^(?:[a-z][\w+.-]*:)?(?://[^/?#]*)?([^?#]*)", re.I)


def _path(url: str) -> str:
    """The path of a web address: "https://site.example/opinion/x?y" → "/opinion/x"."""
    match = _URL_PATH.match(url.strip())
    return match.group(1) if match else ""


def column_name(
    root: lxml_html.HtmlElement, kickers: Sequence[lxml_html.HtmlElement]
) -> str | None:
    """The column a kicker names on an opinion page, else None."""
    if not kickers:
        return None
    kicker = kickers[0]
    text = " ".join(kicker.text_content().split())
    words = text.split()
    if not 0 < len(words) <= _COLUMN_WORDS or _OPINION.fullmatch(f" {text} ".lower()):
        return None
    if not all(w[:1].isupper() or not w[:1].isalpha() for w in words[:1] + words[-1:]):
        return None
    if any(ch in text for ch in "·|•"):
        return None  # "The Long Read · Interview": a section and the page's kind
    return text if _opinion_page(root, kicker) else None


def _opinion_page(root: lxml_html.HtmlElement, kicker: lxml_html.HtmlElement) -> bool:
    """Whether the site files the page as opinion: its <title>, section tag, URL or article."""
    marks: list[str] = []
    title = next(root.iter("title"), None)
    if title is not None:
        marks.extend(re.split(r"\s+[|–—-]\s+", " ".join(title.text_content().split()))[1:])
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("article:section", "section", "og:section", "parsely-section"):
            marks.append(meta.get("content") or "")
        elif key == "og:url":
            marks.append(_path(meta.get("content") or ""))
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            marks.append(_path(link.get("href") or ""))
    for a in kicker.iter("a"):
        marks.append(_path(a.get("href") or ""))
    article = next(kicker.iterancestors("article"), None)
    if article is not None:
        marks.append(article.get("class") or "")
    return any(_OPINION.search(f" {m} ") for m in marks if m)
