"""A newspaper's print edition: the masthead, the stories' bylines, jump lines and running heads.

An edition's first page opens with its masthead: the page's largest type on its top line, a
band of small-type lines under it that holds the edition's date (and the strapline, the issue
number, the price), and then stories, each a headline in display type with a byline ("By Name,
Role") under it; two such bylines at least. The masthead is the publication; its band is no
text; the bylines are the authors, not headings. A story cut at a column's foot by a jump line
("Continued on page 2") goes on under a continuation head on that page ("FARES, from page 1"):
the jump line is furniture and the continuation is read under the story's own headline. A
later page's head (a section name beside the edition's date, above its first headline) is
furniture too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from bot.core.ingest.metadata import parse_byline
from bot.core.ingest.pdf.furniture import Page
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import line_date

_DISPLAY = 1.2  # a headline's type is this much larger than the body's (or more)
_MASTHEAD = 1.25  # the masthead's type is this much larger than any headline's
_BYLINE = re.compile(r"^\s*by\s+(.+)$", re.I)
_JUMP = re.compile(
    r"^\s*(?:continued|cont(?:'|’)?d\.?|turn\s+to|see)\s+(?:on\s+)?(?:page|p\.)\s*(\d{1,3})\W*$",
    re.I,
)
_FROM = re.compile(r"^\s*\S.{0,40}?,?\s+(?:continued\s+)?from\s+(?:page|p\.)\s*(\d{1,3})\W*$", re.I)


@dataclass
class Edition:
    """What the edition's furniture says: its masthead, date and the reporters bylined."""

    publication: str
    date: str | None
    authors: tuple[str, ...] = ()
    lines: list[Line] = field(default_factory=list)  # the masthead and its band


def _byline_names(text: str) -> tuple[str, ...] | None:
    """The names of "By Name" or "By Name, Role" ("By Ann Lee and Bo Ng, Reporters")."""
    match = _BYLINE.match(text)
    if match is None:
        return None
    rest = match.group(1).strip()
    if re.search(r"\band\b|&", rest.split(",")[-1]):  # "By Ann Lee, Bo Ng and Cy Po"
        listed = parse_byline(rest)
        if listed:
            return listed
    return parse_byline(rest.split(",")[0])  # "By Ann Lee, Local Democracy Reporter"


def _bylines(page: Page, size: float) -> list[tuple[Line, tuple[str, ...]]]:
    """The page's byline lines right under a headline, with their names."""
    out: list[tuple[Line, tuple[str, ...]]] = []
    lines = page.lines
    for prev, line in pairwise(lines):
        names = _byline_names(line.text)
        if names and prev.bold and prev.size >= _DISPLAY * size and line.size <= size:
            out.append((line, names))
    return out


def news_edition(pages: Sequence[Page], size: float) -> Edition | None:
    """Read an edition's masthead and bylines off its pages; None for any other document.

    The masthead band and the bylines are taken off the pages.
    """
    first = next((p for p in pages if p.lines), None)
    if first is None:
        return None
    lines = first.lines
    top = max(lines, key=lambda ln: ln.base)
    display = [ln for ln in lines if ln is not top and ln.size >= _DISPLAY * size]
    if not display or top.size < _MASTHEAD * max(ln.size for ln in display):
        return None
    head = max(ln.top for ln in display)
    band = [ln for ln in lines if ln is not top and ln.base > head and ln.size <= size]
    date = next((d for d in (line_date(ln.text) for ln in band) if d), None)
    bylines = [found for page in pages for found in _bylines(page, size)]
    if date is None or len(bylines) < 2:
        return None
    first.remove({id(ln) for ln in (top, *band)})
    for page in pages:
        page.remove({id(ln) for ln, _ in _bylines(page, size)})
    names = tuple(dict.fromkeys(n for _, found in bylines for n in found))
    edition = Edition(" ".join(top.text.split()), date, names, [top, *band])
    _cut_page_heads(pages, size, date)
    for page in pages:
        _cut_centred_notices(page, size)
    _join_jumps(pages, size)
    return edition


def _cut_page_heads(pages: Sequence[Page], size: float, date: str) -> None:
    """Cut a later page's head: the small lines above its first headline, one the date."""
    for page in pages[1:]:
        lines = page.lines
        display = [ln for ln in lines if ln.size >= _DISPLAY * size]
        if not display:
            continue
        head = max(ln.top for ln in display)
        above = [ln for ln in lines if ln.base > head and ln.size <= size]
        if any(line_date(ln.text) == date for ln in above):
            page.remove({id(ln) for ln in above})


def _headline(lines: Sequence[Line], k: int, size: float) -> str | None:
    """The headline over line k: the last run of display-type bold lines before it."""
    j = k - 1
    while j >= 0 and not (lines[j].bold and lines[j].size >= _DISPLAY * size):
        j -= 1
    if j < 0:
        return None
    run = [lines[j]]
    while j > 0 and lines[j - 1].bold and abs(lines[j - 1].size - run[0].size) < 0.5:
        j -= 1
        run.insert(0, lines[j])
    return " ".join(" ".join(ln.text.split()) for ln in run)


def _join_jumps(pages: Sequence[Page], size: float) -> None:
    """Cut each jump line; read its continuation head on the page named as its headline."""
    printed = {p.printed or str(p.index + 1): p for p in pages}
    for page in pages:
        lines = page.lines
        for k, line in enumerate(lines):
            jump = _JUMP.match(line.text)
            if jump is None:
                continue
            headline = _headline(lines, k, size)
            page.remove({id(line)})
            there = printed.get(jump.group(1))
            if headline is None or there is None:
                continue
            here = page.printed or str(page.index + 1)
            for other in there.lines:
                came = _FROM.match(other.text)
                if came and came.group(1) == here and other.bold:
                    other.text = headline
                    break


_CENTRED = 2.0  # points a centred line's middle may stand off its column's
_NOTICE_LINES = 3


def _cut_centred_notices(page: Page, size: float) -> None:
    """Cut a notice set centred in a column of ranged text (an advert), with its name above.

    A run of three lines or more in type no larger than the body's, each centred on the
    column's middle, not all of one width, and not a quotation, is no story's text; a bold
    centred line right above it is its name.
    """
    doomed: set[int] = set()
    for col in page.columns:
        if not col:
            continue
        left, right = min(ln.x0 for ln in col), max(ln.x1 for ln in col)
        middle = (left + right) / 2

        def centred(line: Line, middle: float = middle, right: float = right) -> bool:
            return abs((line.x0 + line.x1) / 2 - middle) < _CENTRED and line.x1 < right - _CENTRED

        k = 0
        while k < len(col):
            j = k
            while j < len(col) and col[j].size <= size and centred(col[j]):
                j += 1
            run = col[k:j]
            if len(run) >= _NOTICE_LINES and not run[0].text.lstrip().startswith(("“", '"', "‘")):
                name = k - 1 if k > 0 and col[k - 1].bold and centred(col[k - 1]) else k
                doomed.update(id(ln) for ln in col[name:j])
            k = max(j, k + 1)
    page.remove(doomed)
