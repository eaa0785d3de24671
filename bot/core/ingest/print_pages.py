"""A print export's pages: page markers, running headers and footers, page numbers, back matter.

Running headers and footers (lines repeated on several pages, numbers aside) and bare page
numbers are dropped, the running title kept for a document without a cover; back matter (a page
that is a list of names, a copyright block) is dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.print_lines import DATE_ALONE, MONTHS, PrintLine, iso_month

PAGE_MARK = re.compile(
    r"^\s*(?:=+\s*PDF[_ ]PAGE\s+(\d+)\s*=+|[-=]{2,}\s*page\s+(\d+)\s*[-=]{2,}|"
    r"\[\s*page\s+(\d+)\s*\])\s*$",
    re.I,
)
PAGE_END = re.compile(r"^\s*-{2,}\s*(\d+)\s+of\s+\d+\s*-{2,}\s*$", re.I)  # ends page n
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$")  # a contents line: "Summary ....... 2"
_PRINTED = re.compile(r"(?:^|\s)(?:page\s+)?(\d{1,4})\s*$|^\s*(?:page\s+)?(\d{1,4})(?:\s|$)", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.I)
NOTES_HEADING = re.compile(r"^\s*(?:end\s?notes|foot\s?notes|notes|references)\s*$", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)", re.I)
_NAME_LINE = re.compile(
    r"^\*?(?:[A-Z][\w'’.-]*\.?\s+){1,4}[A-Z][\w'’.-]*(?:,\s*(?:Jr|Sr|I{2,3})\.?)?$"
)


def read_pages(text: str) -> list[tuple[str, list[PrintLine]]]:
    """The text cut at its page markers and form feeds: (page label, its non-blank lines)."""
    pages: list[tuple[str, list[PrintLine]]] = [("1", [])]
    gap = False
    for number, raw in enumerate(text.split("\n"), start=1):
        for k, part in enumerate(raw.split("\f")):
            if k:  # a form feed starts a page
                pages.append((str(len(pages) + 1), []))
            mark = PAGE_MARK.match(part)
            end = PAGE_END.match(part)
            if mark:
                page = next((g for g in mark.groups() if g), None)
                pages.append((page or str(len(pages) + 1), []))
                gap = False
            elif end:  # "-- 2 of 3 --" closes page 2
                label = end.group(1)
                pages[-1] = (
                    label,
                    [PrintLine(x.text, x.number, label, x.gap) for x in pages[-1][1]],
                )
                pages.append((str(int(label) + 1), []))
                gap = False
            elif part.strip():
                pages[-1][1].append(PrintLine(part.rstrip(), number, pages[-1][0], gap))
                gap = False
            else:
                gap = True
    return [p for p in pages if p[1]]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_furniture(pages: list[tuple[str, list[PrintLine]]]) -> list[str]:
    """Drop running headers/footers (repeated at page edges) and bare page numbers.

    A page takes its printed number (a "Page 2" line, or the number in a running line that
    changes from page to page). Returns the running lines' texts without their numbers.
    """
    counts: Counter[str] = Counter()
    numbers: dict[str, set[str]] = {}
    for _, lines in pages:
        edge = {_key(line.text) for line in [*lines[:4], *lines[-3:]]}
        counts.update(edge)
        for line in [*lines[:4], *lines[-3:]]:
            numbers.setdefault(_key(line.text), set()).update(re.findall(r"\d+", line.text))
    needed = max(2, (len(pages) + 1) // 3)
    repeated = {k for k, c in counts.items() if c >= needed and len(pages) >= 3}
    running: list[str] = []
    for index, (label, lines) in enumerate(pages):
        keep: list[PrintLine] = []
        printed: str | None = None
        for k, line in enumerate(lines):
            at_edge = k < 4 or k >= len(lines) - 3
            key = _key(line.text)
            if at_edge and (key in repeated or _PAGE_NUMBER.match(line.text)):
                number = _PRINTED.search(line.text.strip())
                if number and (
                    _PAGE_NUMBER.match(line.text)
                    or (printed is None and len(numbers.get(key, ())) > 1)
                ):
                    printed = number.group(1) or number.group(2)
                stripped = re.sub(r"\s*(?:\|\s*)?\d+\s*$", "", line.text).strip()
                if key in repeated and stripped and stripped not in running:
                    running.append(stripped)
                continue
            if not _LEADERS.search(line.text):
                keep.append(line)
        if (
            keep
            and keep[0].text.strip().lower() in ("contents", "table of contents")
            and (len(keep) < len(lines) - 2)
        ):
            keep = keep[1:]  # the heading of a contents page
        if printed is not None:  # the printed page number is the one a citation gives
            keep = [PrintLine(x.text, x.number, printed, x.gap) for x in keep]
            label = printed
        pages[index] = (label, keep)
    return running


def title_from_running(
    pages: list[tuple[str, list[PrintLine]]],
    running: list[str],
) -> DocumentMeta:
    """A running line that the first page prints alone is the title; that page is a cover.

    Its byline ("By …") and date line give the authors and the date.
    """
    if not pages or not running:
        return DocumentMeta()
    from bot.core.ingest.metadata import parse_byline

    lines = pages[0][1]
    wanted = {" ".join(r.lower().split()) for r in running}
    title = next(
        (x.text.strip() for x in lines if " ".join(x.text.lower().split()) in wanted), None
    )
    if title is None:
        return DocumentMeta()
    authors: tuple[str, ...] = ()
    date = None
    for line in lines:
        text = line.text.strip()
        authors = (
            authors or (parse_byline(text) or ())
            if re.match(r"^(?:by|von|par)\s", text, re.I)
            else authors
        )
        if DATE_ALONE.match(text) and date is None:
            dated = re.match(
                rf"^(?:\d{{1,2}}\s+)?((?:{MONTHS}))\s+(?:\d{{1,2}},?\s+)?(\d{{4}})$", text, re.I
            )
            date = iso_month(f"{dated.group(1)} {dated.group(2)}") if dated else None
    if len(lines) <= 12 and all(len(x.text) < 70 for x in lines):
        lines.clear()  # a cover page: title, publisher, byline, date
    return DocumentMeta(title=title, authors=authors, date=date)


def drop_back_matter(pages: list[tuple[str, list[PrintLine]]]) -> None:
    """A page that is a list of names, and a copyright block to the end of its page."""
    half = len(pages) // 2
    for index, (_, lines) in enumerate(pages):
        if index < half or not lines:
            continue
        names = sum(1 for line in lines if _NAME_LINE.match(line.text.strip()))
        if names >= 10 and names >= 0.6 * len(lines):
            lines.clear()
            continue
        cut = next((k for k, line in enumerate(lines) if _COPYRIGHT.match(line.text)), None)
        if cut is not None:
            short_page = len(lines) <= 25 and not any(
                NOTES_HEADING.match(line.text) for line in lines
            )
            del lines[0 if short_page else cut :]
