"""A web page's stated metadata: title, authors, date, canonical URL, site name, language.

Read from what the page declares (Open Graph and article meta tags, JSON-LD, `<link
rel=canonical>`, `<html lang>`) and from the page's own headline, byline and `<time>`
elements. Values naming the site itself (an "author" that is the publisher) are dropped.
This module never decides what the body text is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from copy import deepcopy

from lxml import html as lxml_html

from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.html.languages import translation
from bot.core.ingest.html.office_exports import title_paragraph
from bot.core.ingest.html.page_dates import (
    iso_date,
    issue_month,
    last_edit_date,
    written_date,
)
from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import INSTITUTION
from bot.core.ingest.organisations import headed
from bot.core.ingest.prepared_by import PREPARED, WRITTEN, either

__all__ = [
    "BYLINE_LEAD",
    "dated_byline",
    "from_line",
    "last_edit",
    "loose",
    "marked_byline",
    "page_meta",
    "text_of",
]

_WS = re.compile(r"\s+")
_PERMALINKS = frozenset(("#", "¶", "§", "🔗", "∞", "⚓"))
_SUFFIX_SPLIT = re.compile(r"\s+[|–—:-]\s+|\s+::\s+")
_SITE_SPLIT = re.compile(r"\s+[|–—·•-]\s+|\s+::?\s+|:\s+")
BYLINE_LEAD = re.compile(
    r"^\s*(?:"
    + either(WRITTEN, "posted", "text", "words", "reporting", r"interview(?:ed|s)?", PREPARED)
    + r"\s+)?by[:\s]+",
    re.I,
)
_BY = BYLINE_LEAD
_BYLINE_STOP = re.compile(
    r"\s+(?:edited|updated|photograph[sy]?|illustrat\w+|published)\b"
    r"|\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)"
    r"|\s+on\s+\w+day\b|\s*[|•·]\s*|\n",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*")
_JOINED = re.compile(r"\s(?:and|&)\s|&", re.I)
# a name's web address or e-mail written after it: "A. Writer (https://…)", "A. Writer <a@b.org>"
_CONTACT = re.compile(r"\s*[(<\[]\s*(?:https?://|mailto:|www\.|[\w.+-]+@)[^)>\]]*[)>\]]")
_BRACKETED_SITE = re.compile(r"^(.*?)\s*\[([^\]]{1,40})\]\s*$")
_DATED_BY = re.compile(r"\s+by\s+(?=\S)", re.I)
# "byline", "article-author", and in camelCase class names too ("FeatureByline", "postAuthor")
_AUTHOR_HINT = re.compile(
    r"(?:^|[^a-zA-Z]|(?<=[a-z])(?=[A-Z]))"
    r"(?:[Bb]y-?[Ll]ine|[Aa]uthors?|[Cc]ontributor|BYLINE|AUTHORS?)(?:$|[^a-z])"
)


def text_of(element: lxml_html.HtmlElement) -> str:
    """An element's text with whitespace collapsed."""
    return _WS.sub(" ", element.text_content()).strip()


def headline_text(element: lxml_html.HtmlElement) -> str:
    """A headline's text without its permalink sign ("Setting up ¶")."""
    copy = deepcopy(element)
    for link in list(copy.iter("a")):
        sign = link.text_content().strip() in _PERMALINKS
        if sign and (link.get("href") or "").startswith("#") and link.getparent() is not None:
            link.drop_tree()  # keeps the text after it
    return text_of(copy)


def spaced_text(element: lxml_html.HtmlElement) -> str:
    """An element's text with a space between its pieces (for comparing, not for reading)."""
    return _WS.sub(" ", " ".join(element.itertext())).strip()


def loose(text: str) -> str:
    """Words only, lower case (to compare titles)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _metas(root: lxml_html.HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = (meta.get("content") or "").strip()
        if key and content:
            found.setdefault(key.strip().lower(), []).append(_WS.sub(" ", content))
    return found


def _json_ld(root: lxml_html.HtmlElement) -> Iterator[dict[str, object]]:
    """Every JSON-LD object of the page (top level, arrays and @graph entries)."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = raw.removeprefix("<![CDATA[").removesuffix("]]>").strip()
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _names(value: object) -> list[str]:
    """Author names from a JSON-LD author value (a string, a Person, or a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kind = value.get("@type")
        name = value.get("name")
        if kind in ("Organization", "NewsMediaOrganization") or not isinstance(name, str):
            return []
        return [name]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def byline_names(text: str, printed: bool = False) -> tuple[str, ...]:
    """Read "By A, B and C" (titles after a name cut off) into names; () if none reads as one.

    A `printed` byline joins its last two names with "and" or "&": a comma after the last
    name starts what describes the names ("By Priya Raman, Staff Writer", "By A and B, Lisbon").
    """
    text = " | ".join(_WS.sub(" ", line).strip() for line in text.split("\n") if line.strip())
    by = _BY.search(text)
    if by:
        text = text[by.end() :]
    stop = _BYLINE_STOP.search(text)
    if stop:
        text = text[: stop.start()]
    if printed:
        joined = list(_JOINED.finditer(text))
        last = joined[-1].end() if joined else 0
        comma = text.find(",", last)
        text = text[:comma] if comma >= 0 else text
    names: list[str] = []
    for part, body in _bodies(_NAME_SPLIT.split(text.strip().rstrip("."))):
        if body or is_name(part):
            names.append(part)
        elif names:
            break  # a job title or affiliation after the name
    return tuple(names)


def _bodies(parts: list[str]) -> list[tuple[str, bool]]:
    """Parts that a split at "and" cut out of one body's name joined again (True), the rest.

    "Enterprise and Infrastructure Committee", "Science, Innovation and Technology Committee":
    single capitalised words before a part naming an institution are words of its name.
    """
    out: list[tuple[str, bool]] = []
    words: list[str] = []
    for part in parts:
        part = part.strip()
        if re.fullmatch(r"[A-Z][\w'’-]*", part) and not INSTITUTION.search(part):
            words.append(part)
            continue
        body = bool(words and INSTITUTION.search(part) and part[:1].isupper())
        if body:
            head = ", ".join(words[:-1])
            part = f"{head}{', ' if head else ''}{words[-1]} and {part}"
        else:
            out.extend((w, False) for w in words)
        words = []
        out.append((part, body))
    return [*out, *((w, False) for w in words)]


def _strip_site(title: str, site: str | None, page_title: str) -> str:
    """Drop a " | Site" / " - Site" suffix (or prefix) from a headline.

    A part is the site's when it names the site, or when `title` is the page's <title>
    (which carries the site's name more often than not): then its longest part is kept.
    Otherwise a headline with a dash in it stays whole.
    """
    parts = [p.strip() for p in _SUFFIX_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site_words = loose(site or "")
    kept = [p for p in parts if loose(p) != site_words]
    if len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    return max(parts, key=len) if title == page_title else title.strip()


def _site_from_title(page_title: str, headline: str) -> str | None:
    """The site's name from a <title> written "Headline - Site" (or "Site | Headline").

    The headline may hold a separator of its own ("Outside the web: a guide · Site"): the
    <title> is cut at each separator in turn, and a side that is the headline leaves the site.
    """
    want = loose(headline)
    bracket = _BRACKETED_SITE.match(page_title)
    if bracket and want and loose(bracket.group(1)) == want:
        return bracket.group(2).strip()  # "Headline [Site]"
    for cut in _SITE_SPLIT.finditer(page_title):
        left, right = page_title[: cut.start()].strip(), page_title[cut.end() :].strip()
        for side, rest in ((left, right), (right, left)):
            if want and _is_headline(side, want) and rest and len(rest.split()) <= 5:
                return rest
    return None


# a short label the <title> puts before the headline: "Transcript: …", "Video: …"
_TITLE_LABEL = re.compile(r"^[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,2}:\s+")


def _is_headline(side: str, want: str) -> bool:
    """Whether a part of the <title> is the headline, alone or after a short label."""
    return loose(side) == want or loose(_TITLE_LABEL.sub("", side, count=1)) == want


def headline_element(
    root: lxml_html.HtmlElement, page_title: str, og_title: str, site: str | None = None
) -> lxml_html.HtmlElement | None:
    """The page's headline: the <h1> whose words the <title> or og:title holds.

    An <h1> holding the og:title counts too (a kicker printed above the headline). Of several,
    the longest: a site's logo <h1> ("Ledger") is held by the <title> "Story · Ledger" too.
    When the only such <h1> is the site's name (`site`, as og:site_name gives it), the <h2> or
    <h3> holding the og:title is.
    """
    wanted = [loose(t) for t in (page_title, og_title) if t]
    og = loose(og_title)
    held = []
    for h1 in root.iter("h1"):
        words = loose(spaced_text(h1))
        if translation(h1):
            continue  # a bilingual page's second headline: the first one's translation
        if words and (any(_holds(w, words) for w in wanted) or (og and _holds(words, og))):
            held.append((h1, words))
    # the <title>'s first or last part alone names the site ("Story — Site"): its <h1> is the
    # site's logo or masthead, not the story's headline, when another <h1> is held too
    cuts = list(_SITE_SPLIT.finditer(page_title))
    ends = set()
    if cuts:
        ends = {loose(page_title[cuts[-1].end() :]), loose(page_title[: cuts[0].start()])}
    story = [(h1, words) for h1, words in held if words not in ends]
    named = loose(site or "")
    if held and og and named and all(words == named != og for _, words in held):
        # the only <h1> is the site's name (a blog's masthead): the story's headline is the
        # lower heading that holds the og:title
        return next((h for h in root.iter("h2", "h3") if _holds(loose(spaced_text(h)), og)), None)
    story = story or held
    return max(story, key=lambda pair: len(pair[1]))[0] if story else None


# what follows a serial's name in an issue's title: "#42", "No. 7", "Issue 12", "Vol. 3"
_ISSUE_MARK = re.compile(
    r"^[\s,:–—-]*(?:#|no\.?\s*|n[º°]\s*|issue\s+|vol(?:ume)?\.?\s*|edition\s+)\d+\b",
    re.I,
)


def _issue_title(page_title: str, h1: lxml_html.HtmlElement | None) -> tuple[str, str] | None:
    """The <title> of one issue of a serial whose <h1> is its masthead, and the masthead.

    "River Notes #42: Bathing water and beavers" under an <h1> "River Notes": the <title>
    opens with the <h1>'s words, then the issue's number and its own words.
    """
    if h1 is None or not page_title:
        return None
    name = headline_text(h1)
    if not name or not page_title.lower().startswith(name.lower()):
        return None
    rest = page_title[len(name) :]
    mark = _ISSUE_MARK.match(rest)
    if mark is None or len(re.findall(r"\w+", rest[mark.end() :])) < 2:
        return None
    return page_title.strip(), name


def _holds(text: str, words: str) -> bool:
    """Whether `words` stand in `text` as whole words."""
    return f" {words} " in f" {text} "


_BODY_AUTHOR_WORDS = 8


def page_meta(
    root: lxml_html.HtmlElement,
) -> tuple[DocumentMeta, lxml_html.HtmlElement | None, bool]:
    """Read the page's metadata.

    Returns it with the headline element (None if not found) and whether the title is only
    the page's <title> (often the site's name).
    """
    metas = _metas(root)

    def first(*keys: str) -> str | None:
        for key in keys:
            if metas.get(key):
                return metas[key][0]
        return None

    ld = list(_json_ld(root))
    weak = False

    def ld_first(key: str) -> object:
        return next((item[key] for item in ld if item.get(key)), None)

    site = first("og:site_name", "application-name")
    if site is None:
        publisher = ld_first("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site = str(publisher["name"])
    title_el = next(root.iter("title"), None)
    page_title = text_of(title_el) if title_el is not None else ""
    og_title = first("og:title", "twitter:title") or ""
    h1 = headline_element(root, page_title, og_title, site)
    if h1 is None:  # a word processor's export: the paragraph styled as the title
        h1 = title_paragraph(root)
    if h1 is not None:
        printed = _site_from_title(page_title, headline_text(h1))
        if site is None or (printed and printed.replace(" ", "") == site.replace(" ", "")):
            site = printed or site  # "DailyPost" in the tags, "Daily Post" in the <title>
    headline = ld_first("headline")
    issue = _issue_title(page_title, h1)
    title: str | None
    if issue is not None:  # the <h1> is the masthead: "River Notes" over "River Notes #42: …"
        title, site = issue[0], site or issue[1]
    elif h1 is not None and og_title and loose(og_title) in loose(spaced_text(h1)):
        title = _strip_site(og_title, site, page_title)
    elif h1 is not None:
        title = headline_text(h1)
    elif og_title:
        title = _strip_site(og_title, site, page_title)
    elif isinstance(headline, str) and headline.strip():
        title = headline.strip()
    elif page_title:
        title = _strip_site(page_title, site, page_title)
        weak = True
    else:
        first_h1 = next(root.iter("h1"), None)
        title = text_of(first_h1) if first_h1 is not None else None

    authors: list[str] = []
    bodies: list[str] = []
    for key in (
        "author",
        "article:author",
        "og:article:author",
        "byl",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "sailthru.author",
        "parsely-author",
    ):
        for value in metas.get(key, []):
            if not value.startswith("http"):
                value = _inverted(_CONTACT.sub("", value).strip())
                authors.extend(byline_names(value) or ((value,) if is_name(value) else ()))
                if headed(value.split()) and len(value.split()) <= _BODY_AUTHOR_WORDS:
                    bodies.append(value)  # "Department of Coastal Transport": a body wrote it
    if not authors:
        for name in _names(ld_first("author")):
            authors.extend(byline_names(name) or ((name,) if is_name(name) else ()))
    near = _after_headline(root, h1)
    if not authors:
        authors.extend(_byline_elements(root) or _byline_near(near) or _signed(root))
    elif set(byline := _byline_elements(root) or _byline_near(near)) > set(authors):
        authors = byline  # the tag names the first of the byline's people only
    issued = from_line(root, h1)
    if not authors and issued:
        authors.extend(issued[0])
    if not authors:  # no person signs it: the body the page's author tag names wrote it
        authors.extend(bodies)
    if site is None and issued:  # "From: Department for X": the body that issued the page
        site = next((n for n in issued[0] if headed(n.split())), None)
    site_words = loose(site or "")
    authors = [a for a in dict.fromkeys(authors) if loose(a) != site_words]

    date = None
    for value in [
        *(
            metas.get(k, [""])[0]
            for k in (
                "article:published_time",
                "article:published",
                "datepublished",
                "og:published_time",
                "pubdate",
                "publishdate",
                "pdate",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "citation_publication_date",
                "citation_date",
                "date",
            )
        ),
        str(ld_first("datePublished") or ""),
    ]:
        date = iso_date(value) if value else None
        if date:
            break
    if date is None:
        times = [
            t
            for t in root.iter("time")
            if t.get("pubdate") is not None or "datepublished" in (t.get("itemprop") or "").lower()
        ]
        times += [e for e in near if e.tag == "time"] + list(root.iter("time"))
        date = next(
            (
                d
                for d in (
                    iso_date(t.get("datetime") or "") or written_date(text_of(t)) for t in times
                )
                if d
            ),
            None,
        )
    if date is None:
        date = next(
            (
                d
                for d in (
                    written_date(text_of(e))
                    for e in near
                    if len(text_of(e).split()) <= 30 and not _DEADLINE.search(text_of(e))
                )
                if d
            ),
            None,
        )

    if date is None:  # a newsletter's issue line: "… · Issue 42 · May 2025"
        short = (text_of(e) for e in near if len(text_of(e).split()) <= 30)
        date = next((d for d in map(issue_month, short) if d), None)
    if date is None:
        date = _published_line(root)
    if date is None:
        edited = last_edit(root)
        date = edited[0] if edited else None  # no publication date: the last edit dates the page

    url = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    ) or first("og:url")
    html_el = root if root.tag == "html" else next(root.iter("html"), None)
    language = (html_el.get("lang") if html_el is not None else None) or first(
        "og:locale", "content-language", "language", "dc.language"
    )
    return (
        DocumentMeta(
            title=title or None,
            authors=tuple(authors),
            date=date,
            url=url.strip() if url else None,
            publication=site,
            language=language.strip() if language else None,
        ),
        h1,
        weak,
    )


_EDIT_LINE_TAGS = ("li", "p", "div", "span", "small", "footer", "time", "td", "dd")
_EDIT_LINE_WORDS = 16


def last_edit(root: lxml_html.HtmlElement) -> tuple[str, lxml_html.HtmlElement] | None:
    """The page's "This page was last edited on 2 May 2024, at 11:32 (UTC)." line.

    Its ISO date and its element (the first, outermost, whose text is that line alone), or
    None. Wikis and government sites print it in the footer or under the text.
    """
    for element in root.iter(*_EDIT_LINE_TAGS):
        words = text_of(element)
        if len(words.split()) <= _EDIT_LINE_WORDS and (date := last_edit_date(words)):
            return date, element
    return None


def marked_byline(element: lxml_html.HtmlElement) -> bool:
    """Whether an element is a byline by its class and its words: "By A", of whichever story."""
    hint = " ".join(element.get(a) or "" for a in ("class", "rel", "itemprop", "id"))
    words = spaced_text(element)
    return (
        bool(_AUTHOR_HINT.search(hint))
        and len(words.split()) <= 15
        and bool(_BY.match(words))
        and bool(byline_names(words, printed=True))
    )


def _byline_elements(root: lxml_html.HtmlElement) -> list[str]:
    """Names from the page's byline elements (class/rel/itemprop "author", "byline")."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("meta", "link", "script"):
            continue
        hint = " ".join(element.get(a) or "" for a in ("class", "rel", "itemprop", "id"))
        if not _AUTHOR_HINT.search(hint):
            continue
        links = [text_of(a) for a in element.iter("a") if is_name(text_of(a))]
        if links:
            return links
        names = byline_names(spaced_text(element), printed=True)  # "By A<br>June 4" apart
        if names:
            return list(names)
    return []


def _after_headline(
    root: lxml_html.HtmlElement, h1: lxml_html.HtmlElement | None
) -> list[lxml_html.HtmlElement]:
    """The few short text elements printed right after the headline (byline, dateline)."""
    if h1 is None:
        return []
    found: list[lxml_html.HtmlElement] = []
    seen_h1 = False
    for element in root.iter("p", "div", "span", "address", "time", "h1"):
        if element is h1:
            seen_h1 = True
            continue
        if not seen_h1 or h1 in element.iterancestors():
            continue
        words = text_of(element)
        if words:
            found.append(element)
        if len(found) >= 8:
            break
    return found


def _before_headline(h1: lxml_html.HtmlElement | None) -> list[lxml_html.HtmlElement]:
    """The two text elements printed right above the headline (a kicker, a "From:" line)."""
    if h1 is None:
        return []
    found = [
        e
        for e in h1.itersiblings(preceding=True)
        if isinstance(e.tag, str) and e.tag in ("p", "div", "span") and text_of(e)
    ]
    return found[:2]


def _signed(root: lxml_html.HtmlElement) -> list[str]:
    """Names from the article's own footer: a blog post signed "Posted by A." under its text."""
    for footer in root.iter("footer"):
        if next(footer.iterancestors("article"), None) is None:
            continue
        for element in footer.iter("p", "div", "span", "address"):
            words = text_of(element)
            if len(words.split()) <= 12 and _BY.match(words):
                names = byline_names(words, printed=True)
                if names:
                    return list(names)
    return []


def dated_byline(text: str) -> tuple[str, ...]:
    """The names of a dated byline, "Tuesday 15 October 2019 by A" or "Posted on … by A."; ()."""
    words = _WS.sub(" ", text).strip()
    if len(words.split()) > 16:
        return ()
    cut = list(_DATED_BY.finditer(words))
    if not cut or not written_date(words[: cut[-1].start()]):
        return ()
    return byline_names(words[cut[-1].end() :], printed=True)


def _inverted(value: str) -> str:
    """Turn "Dahl, Henrik" (as citation tags write a name) into "Henrik Dahl"; others as given."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 2 and all(1 <= len(p.split()) <= 2 for p in parts):
        turned = f"{parts[1]} {parts[0]}"
        if is_name(turned) and not is_name(parts[0]) and not is_name(parts[1]):
            return turned
    return value


# a dateline: the place and date a release or a story is filed from, "PORT ALDER, October 6,
# 2026" (the place in capitals, then the date), or a line its class marks so: a place, no author
_DATELINE_CLASS = re.compile(r"(?:^|[-_\s])dateline(?:$|[-_\s])", re.I)
_BYLINE_CLASS = re.compile(r"byline|author", re.I)
_DATE_FIRST = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.I,
)
_CAPITAL_PLACE = re.compile(
    r"^[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*)?)?,\s+(?P<rest>.+)$"  # ", Ont.,"
)


def _dateline(element: lxml_html.HtmlElement, words: str) -> bool:
    """Whether a line under the headline is a dateline: the place it is filed from and the date."""
    marks = element.get("class") or ""
    if _DATELINE_CLASS.search(marks) and not _BYLINE_CLASS.search(marks):
        return True
    place = _CAPITAL_PLACE.match(words)
    if place is None or not _DATE_FIRST.match(place["rest"]):
        return False
    return written_date(place["rest"].split("/")[0]) is not None


def _byline_near(elements: list[lxml_html.HtmlElement]) -> list[str]:
    """Names from a byline right after the headline: "By …", or "A and B · 11 May 2023"."""
    for element in elements:
        words = text_of(element)
        if len(words.split()) > 30 or _dateline(element, words):
            continue
        if not _BY.match(words):
            names = byline_names(words, printed=True) if len(words.split()) <= 15 else ()
            if names and written_date(words):
                return list(names)
            if dated_byline(words):
                return list(dated_byline(words))
            continue
        links = [text_of(a) for a in element.iter("a") if is_name(text_of(a))]
        return links or list(byline_names(words, printed=True))
    return []


# a government page's "From: Department for X and Jane Doe MP": who issued it
_FROM_LABEL = re.compile(r"^\s*from\s*:\s*", re.I)
_FROM_WORDS = 24
_POST_NOMINAL = re.compile(r"(?:\s+(?:MP|MSP|MS|AM|MLA|MEP|KC|QC|[OCMK]BE))+$")


def from_line(
    root: lxml_html.HtmlElement, h1: lxml_html.HtmlElement | None
) -> tuple[tuple[str, ...], lxml_html.HtmlElement] | None:
    """Who issued the page, from its "From:" line, and the element that holds the names.

    The line is a definition list's "From:" term (its definition names them) or a short line
    "From: A and B" under the headline. Each part is a person or a body (an organisation's noun
    heads it); the page's links name the parts where it links them. None when no such line.
    """
    candidates: list[tuple[lxml_html.HtmlElement, str]] = []
    for term in root.iter("dt"):
        definition = term.getnext()
        if (
            re.fullmatch(r"from\s*:?", text_of(term), re.I)
            and definition is not None
            and definition.tag == "dd"
        ):
            candidates.append((definition, text_of(definition)))
    for element in [*_before_headline(h1), *_after_headline(root, h1)]:
        words = text_of(element)
        if _FROM_LABEL.match(words):
            candidates.append((element, _FROM_LABEL.sub("", words)))
    for element, words in candidates:
        if not words or len(words.split()) > _FROM_WORDS:
            continue
        links = [text_of(a) for a in element.iter("a") if text_of(a)]
        parts = links or [p for p in _NAME_SPLIT.split(words.rstrip(".")) if p]
        if not links and not all(_issuer(p) for p in parts):
            parts = [words.rstrip(".")]  # "Ministry of Housing, Communities and …": one body
        names = tuple(_POST_NOMINAL.sub("", p.strip()) for p in parts)
        if names and all(_issuer(n) for n in names):
            return names, element
    return None


def _issuer(part: str) -> bool:
    """Whether a part of a "From:" line names a person or a body (not a date, not a phrase)."""
    part = _POST_NOMINAL.sub("", part.strip())
    words = part.split()
    if not words or len(words) > 10 or not words[0][:1].isupper():
        return False
    return is_name(part) or headed(words)


_PUBLISHED = re.compile(r"^(?:first\s+)?published(?:\s+on)?\s*:?\s*", re.I)
# a line under the headline dating what is yet to come ("This consultation closes at 11:59pm on
# 4 May 2026", "Applications open until …", "Deadline: …"): a deadline, not when it was published
_DEADLINE = re.compile(
    r"\b(?:clos(?:es|ing)(?:\s+date)?|deadline|expires?|(?:open|runs)\s+until|"
    r"no\s+later\s+than|(?:respond|apply|register)\s+by)\b",
    re.I,
)


def _published_line(root: lxml_html.HtmlElement) -> str | None:
    """The date of a "Published: 3 May 2025" line (a definition list's term, or a line alone).

    Government pages print it in their metadata list and in their history of edits.
    """
    for element in root.iter("dt", "p", "li", "div", "span", "small", "time"):
        words = text_of(element)
        if len(words.split()) > _EDIT_LINE_WORDS or not _PUBLISHED.match(words):
            continue
        rest = _PUBLISHED.sub("", words, count=1)
        if element.tag == "dt" and not rest:
            definition = element.getnext()
            rest = text_of(definition) if definition is not None and definition.tag == "dd" else ""
        date = written_date(rest) if rest[:1].isalnum() else None
        if date:
            return date
    return None
