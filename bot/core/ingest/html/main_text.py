"""Finding a page's main text: which elements hold the article, which are page furniture.

readability-lxml scores the page's paragraphs and picks the article's container; its choice
is mapped back onto our own tree (every element is numbered before the page is handed over),
so the walk keeps the original markup (footnote links, captions, speaker labels) that
readability's cleaned output loses. On top of that, elements whose tag, class, id, role or
visibility mark them as navigation, ads, share bars, sign-up and cookie boxes, related links
or comments are never article text. Never raises: a page readability cannot read is walked
whole, with the furniture filters alone.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import html as lxml_html
from readability import Document

__all__ = [
    "SENTENCE_END",
    "MainText",
    "find_main_text",
    "furniture_names",
    "is_fact_box",
    "is_furniture",
    "is_graphic",
    "is_hidden",
    "is_prose",
    "stated_recommendation",
]

_NUMBER = "data-fbn"
JUNK_TAGS = frozenset(
    "script style noscript template svg canvas iframe object embed form button input select "
    "textarea nav menu head link meta video audio map area source track dialog".split()
)
# generic furniture names, and MediaWiki's own (navbox, hatnote, editsection, catlinks,
# printfooter, mw-jump, sistersitebox): a platform's conventions, as WordPress's are
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|sharetools|social|related|recommend\w*|more-?from|comments?|"
    r"disqus|subscribe|subscription|newsletter|sign-?up|signup|cookies?|consent|gdpr|promos?|"
    r"advert\w*|ads?|adslot|ad-?unit|sponsor\w*|outbrain|taboola|breadcrumbs?|pagination|pager|"
    r"toc|navbox|sidebar|side-bar|menu|nav|navbar|navigation|site-?footer|site-?header|"
    r"footer|masthead|banner|popup|modal|paywall|print-?only|noprint|editsection|skip|"
    r"jump-?link|tools?bar|widget|trending|most-?popular|newsletter\w*|"
    r"reprints?|accessibility|hatnote|mw-jump|catlinks|printfooter|tweet|"
    r"twitter-tweet|sistersitebox)(?:$|[-_\s])",
    re.I,
)
# embedded graphics: their labels are furniture, but a <figure> keeps its caption
_GRAPHICS = re.compile(
    r"(?:^|[-_\s])(?:charts?|interactive|interactive-\w+|embed)(?:$|[-_\s])", re.I
)
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:visually-?hidden|sr-only|screen-?reader\w*|off-?screen|"
    r"hidden|hide|a11y-?hidden|element-invisible)(?:$|\s)",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary search dialog alert menu menubar toolbar".split()
)
_MIN_MAIN_WORDS = 50
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SLUG_WORD = re.compile(r"[^\W_]+")
_SIBLING_CHARS = 80  # Readability.js's sibling paragraph test: this long, this few links
_SIBLING_LINKS = 0.25
_NEVER_TEXT = frozenset(
    "script style noscript template svg canvas iframe object embed link meta "
    "button input select textarea".split()
)


def is_hidden(element: lxml_html.HtmlElement) -> bool:
    """Whether the page hides an element (`hidden`, display:none, screen-reader-only classes).

    `aria-hidden` is not enough: pages set it on visible captions and icons alike.
    """
    if element.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return bool(_HIDDEN_CLASS.search(element.get("class") or ""))


def is_furniture(element: lxml_html.HtmlElement) -> bool:
    """Whether an element's tag, role, class or id marks it as page furniture."""
    tag = element.tag
    if (
        not isinstance(tag, str)
        or tag in JUNK_TAGS
        or (tag == "aside" and not is_fact_box(element))
    ):
        return True
    if (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    if tag in ("header", "footer") and next(element.iterancestors("article", "main"), None) is None:
        return True  # the site's header or footer (an article's own may hold its byline or notes)
    return furniture_names(element)


def is_fact_box(element: lxml_html.HtmlElement) -> bool:
    """Whether an `<aside>` is the story's box of facts ("FACTBOX: … in numbers", "Key facts").

    Set inside the article, it holds a list or table of items and links nowhere (a box of
    links is related stories); its class names no furniture.
    """
    if element.tag != "aside" or next(element.iterancestors("article"), None) is None:
        return False
    if _box_furniture(element) or len(list(element.iter("a"))) > 1:
        return False
    return next(element.iter("ul", "ol", "dl", "table"), None) is not None


_SIDEBAR = re.compile(r"(?:^|(?<=[-_\s]))side-?bar(?=$|[-_\s])", re.I)


def _box_furniture(element: lxml_html.HtmlElement) -> bool:
    """Whether a box's class or id names furniture other than "sidebar".

    Inside the article, "sidebar" says where the box stands, beside the story: its own panel
    ("Key dates", "In numbers"); the site's sidebar stands outside the article.
    """
    if not furniture_names(element):
        return False
    names = _SIDEBAR.sub(" ", f"{element.get('class') or ''} {element.get('id') or ''}")
    return bool(_FURNITURE.search(names))


def furniture_names(element: lxml_html.HtmlElement) -> bool:
    """Whether an element's class or id names page furniture ("related", "share", "ad").

    An id made from the section's own heading ("sharing-with-a-single-developer" over
    "Sharing with a single developer", as documentation and Markdown tools write them)
    names the section, not furniture.
    """
    ident = element.get("id") or ""
    if ident and (_heading_slug(element, ident) or _named_prose_section(element, ident)):
        ident = ""
    names = f"{element.get('class') or ''} {ident}"
    if not names.strip():
        return False
    return bool(_FURNITURE.search(names)) and not stated_recommendation(element)


_PROSE_WORDS = 15  # a paragraph this long, nearly free of links, is the article's own text
_PROSE_LINKS = 0.1
_REPLIES = re.compile(r"comment|disqus|repl(?:y|ies)|discussion", re.I)


def _named_prose_section(element: lxml_html.HtmlElement, ident: str) -> bool:
    """Whether a one-word id names a section of the article's prose after its heading.

    `<section id="recommendations"><h2>Recommendations</h2><p>We recommend …</p>` is a
    report's own section, not a widget of recommended links; a box of links, or readers'
    comments, under the same kind of id stays furniture.
    """
    words = _SLUG_WORD.findall(ident.lower())
    if len(words) != 1 or _REPLIES.search(ident) or element.tag not in ("section", "div"):
        return False
    heading = next(element.iter(*_HEADINGS), None)
    if heading is None or _SLUG_WORD.findall(heading.text_content().lower())[:1] != words:
        return False
    for paragraph in element.iter("p"):
        text = paragraph.text_content()
        linked = sum(len(a.text_content()) for a in paragraph.iter("a"))
        if len(text.split()) >= _PROSE_WORDS and linked <= _PROSE_LINKS * len(text):
            return True
    return False


_RECOMMEND = re.compile(r"recommend", re.I)
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*[⁰¹²³⁴⁵⁶⁷⁸⁹,]*$")


def is_prose(text: str) -> bool:
    """A sentence or more, as opposed to a label: six words or more, closed by a full stop."""
    return len(text.split()) >= 6 and bool(SENTENCE_END.search(text))


def stated_recommendation(element: lxml_html.HtmlElement) -> bool:
    """Whether a box its class calls a "recommendation" states the document's own.

    Boxes of recommended reading are links to other pages; a box of prose that links nowhere
    and lists nothing (a report's "We recommend that …" set in a frame) is the document's text.
    """
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not _RECOMMEND.search(names) or any(a.get("href") for a in element.iter("a")):
        return False
    text = " ".join(element.text_content().split())
    return is_prose(text) and next(element.iter("li"), None) is None


def _heading_slug(element: lxml_html.HtmlElement, ident: str) -> bool:
    """Whether an id spells the element's own heading, or its first heading's, word by word."""
    words = _SLUG_WORD.findall(ident.lower())
    if len(words) < 2:
        return False
    heading = element if element.tag in _HEADINGS else next(element.iter(*_HEADINGS), None)
    if heading is None:
        return False
    said = _SLUG_WORD.findall(heading.text_content().lower())
    return said[: len(words)] == words


def is_graphic(element: lxml_html.HtmlElement) -> bool:
    """Whether an element wraps an embedded chart or interactive graphic (labels, not prose)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return element.tag not in ("figure", "figcaption") and bool(_GRAPHICS.search(names))


@dataclass(frozen=True)
class MainText:
    """The elements that hold the article.

    `kept` is readability's choice, `around` their ancestors, `region` the smallest element
    holding them and the headline, `tops` the kept elements (not inside another) that hold
    article text of their own: their classes never make them furniture.
    """

    kept: frozenset[lxml_html.HtmlElement]
    around: frozenset[lxml_html.HtmlElement]
    region: lxml_html.HtmlElement
    tops: frozenset[lxml_html.HtmlElement] = frozenset()


def _common_ancestor(elements: list[lxml_html.HtmlElement]) -> lxml_html.HtmlElement | None:
    if not elements:
        return None
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(e): i for i, e in enumerate(chain)}
    best = 0
    for element in elements[1:]:
        for candidate in [element, *element.iterancestors()]:
            if id(candidate) in depth:
                best = max(best, depth[id(candidate)])
                break
    return chain[best]


def _lean_copy(root: lxml_html.HtmlElement) -> str:
    """The page as readability gets it: numbered, without never-text elements.

    No scripts, styles, embeds or comments: less to score, nothing to mistake for prose.
    """
    copy = deepcopy(root)
    for element in list(copy.iter()):
        never_text = not isinstance(element.tag, str) or element.tag in _NEVER_TEXT
        if (
            never_text
            and element.getparent() is not None
            and isinstance(element, lxml_html.HtmlMixin)
        ):
            element.drop_tree()  # keeps the text that follows it
    return str(lxml_html.tostring(copy, encoding="unicode"))


def _stray_paragraphs(
    tops: list[lxml_html.HtmlElement], kept: set[lxml_html.HtmlElement]
) -> list[lxml_html.HtmlElement]:
    """Prose paragraphs right beside the article's container, one or two levels up.

    A page that folds its story ("read more") or puts an advert box mid-story leaves the
    paragraphs before the fold as siblings of the container readability picked; it keeps
    only the container. The `<p>`s of real prose (80+ characters, few links) next to the
    container's branch are the same story, as in Readability.js's sibling test; the run
    stops at anything else with text, or at a rule (<hr>): a page's own closing notes stay out.
    A box above the container that opens with such prose (a show's notes over its transcript)
    gives those opening paragraphs; a box below it (the author's bio) gives nothing.
    """
    found: list[lxml_html.HtmlElement] = []
    for top in tops:
        if len(top.text_content().split()) < _MIN_MAIN_WORDS:
            continue
        branch = top
        for _ in range(2):
            level = branch.getparent()
            if level is None or level.tag in ("body", "html") or is_furniture(level):
                break
            siblings = list(level)
            at = siblings.index(branch)
            for before, run in ((True, siblings[:at][::-1]), (False, siblings[at + 1 :])):
                for sibling in run:
                    if sibling.tag == "hr":
                        break
                    if not isinstance(sibling.tag, str) or sibling in kept or sibling in found:
                        continue
                    if is_furniture(sibling) or not sibling.text_content().strip():
                        continue
                    if (
                        before
                        and sibling.tag in ("section", "div")
                        and (lead := _leading_prose(sibling))
                    ):  # a box above the story opening with its prose (not a bio box below it)
                        found.extend(lead)
                        break
                    if sibling.tag != "p" or not _prose_paragraph(sibling):
                        break
                    found.append(sibling)
            branch = level
    return found


def _leading_prose(box: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The prose `<p>`s a box above the article's container opens with (a show's notes).

    Up to the box's first child that is not one; none if the box opens otherwise.
    """
    lead: list[lxml_html.HtmlElement] = []
    for child in box:
        if not isinstance(child.tag, str) or not child.text_content().strip():
            continue
        if child.tag != "p" or not _prose_paragraph(child):
            break
        lead.append(child)
    return lead


def _prose_paragraph(element: lxml_html.HtmlElement) -> bool:
    if is_hidden(element) or is_furniture(element):
        return False
    text = " ".join(element.text_content().split())
    if len(text) < _SIBLING_CHARS or text.startswith("©"):
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return linked < _SIBLING_LINKS * len(text)


def find_main_text(
    root: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None
) -> MainText | None:
    """Ask readability which elements hold the article; None when it finds too little."""
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for index, element in enumerate(elements):
        element.set(_NUMBER, str(index))
    try:
        summary = Document(_lean_copy(root)).summary(html_partial=True)
        chosen = lxml_html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability or lxml failing on one odd page must not stop the read
        return None
    finally:
        for element in elements:
            element.attrib.pop(_NUMBER, None)
    kept: set[lxml_html.HtmlElement] = set()
    for copied in chosen.iter():
        number = str(copied.get(_NUMBER) or "") if isinstance(copied.tag, str) else ""
        if number.isdigit() and int(number) < len(elements):
            kept.add(elements[int(number)])
    # each element's own words: its text and its children's tails (a <br>-parted paragraph's
    # lines after the first are tails)
    words = sum(len(" ".join([e.text or "", *(c.tail or "" for c in e)]).split()) for e in kept)
    if words < _MIN_MAIN_WORDS:
        return None
    tops = [e for e in kept if not any(a in kept for a in e.iterancestors())]
    for stray in _stray_paragraphs(tops, kept):
        kept.update(stray.iter())
        tops.append(stray)
    around = {a for e in kept for a in e.iterancestors()}
    region = _common_ancestor(tops + ([headline] if headline is not None else []))
    if region is None:
        region = root
    big = frozenset(t for t in tops if len(t.text_content().split()) >= _MIN_MAIN_WORDS)
    return MainText(frozenset(kept), frozenset(around - kept), region, big)
