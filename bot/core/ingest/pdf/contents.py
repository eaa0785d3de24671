"""A contents list printed on a page of text: navigation, not text.

A page that is only a contents list is tagged whole by the furniture step. A list can also
stand on a page with other text (a briefing's first page, under its summary): a "Contents" or
"Table of contents" heading over rows that each end in a page number ("1 Background 2",
"Annex A: Method ..... 14"), or, with no heading, a run of such rows in page order whose titles
are the document's own headings. The heading and the rows are cut; a row may wrap its title
over two lines. A table (rows of figures under column headings) is no contents list: its rows'
labels are no headings of the document, and no "Contents" heading stands over it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.pdf.furniture import Page
from bot.core.ingest.pdf.lines import Line

_HEADING = re.compile(r"^(?:table\s+of\s+)?contents|^in\s+this\s+\w+$", re.I)
# "1 Background 2", "2.3 Costs ........ 14", "Annex A: Method 21", "Endnotes 4", "Preface ix"
_ROW = re.compile(
    r"^(?P<title>(?:[\dA-Z]{1,3}(?:\.\d{1,3})*\.?\s+)?\S.*?)"
    r"(?:\s*(?:\.\s*){2,}|\s*…+\s*|\s+)(?P<page>\d{1,4}|[ivxlc]{1,6})$",
    re.I,
)
_PAGE = re.compile(r"\d{1,4}|[ivxlc]{1,6}", re.I)
_NUMBERING = re.compile(r"^(?:(?:\d{1,3}(?:\.\d{1,3})*|[A-Z]|[IVXL]{1,5})[.):]?\s+)")
_MAX_TITLE_WORDS = 16
_MIN_ROWS = 2  # under a heading
_MIN_BARE_ROWS = 3  # with no heading: a short run of numbered labels is too weak


def cut_contents(pages: Sequence[Page], body_size: float) -> None:
    """Drop contents lists (heading and rows) printed on pages that hold other text too."""
    headings = _headings(pages, body_size)
    for page in pages:
        if page.kind == "contents":
            continue
        doomed: set[int] = set()
        for col in page.columns:
            doomed.update(_listed(col, page, headings))
        if doomed:
            page.remove(doomed)


def _key(title: str) -> str:
    return " ".join(re.findall(r"\w+", _NUMBERING.sub("", title).lower()))


def _headings(pages: Sequence[Page], body_size: float) -> dict[str, list[tuple[int, float]]]:
    """Where the document prints each heading (bold or larger short lines): key to places."""
    found: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for ln in page.lines:
            display = ln.bold or ln.size >= 1.1 * body_size
            if display and 0 < len(ln.text.split()) <= _MAX_TITLE_WORDS:
                found.setdefault(_key(ln.text), []).append((page.index, ln.base))
    return found


def _rows(col: Sequence[Line], page: Sequence[Line]) -> list[list[Line]]:
    """The column's lines grouped by baseline, with page numbers set apart joined to theirs.

    A page number the column cut set in a column of its own joins the row it stands on.
    """
    rows: list[list[Line]] = []
    for line in col:
        if rows and abs(rows[-1][0].base - line.base) < 0.5 * max(line.size, 1.0):
            rows[-1].append(line)
        else:
            rows.append([line])
    inside = {id(ln) for ln in col}
    numbers: dict[int, list[Line]] = {}
    for ln in page:
        if id(ln) not in inside and _PAGE.fullmatch(ln.text.strip()):
            numbers.setdefault(round(ln.base), []).append(ln)
    if not numbers:
        return rows
    for row in rows:
        if _ROW.match(_text(row)):
            continue
        base, right = row[0].base, max(r.x1 for r in row)
        near = [
            ln for b in (round(base) - 1, round(base), round(base) + 1) for ln in numbers.get(b, [])
        ]
        row.extend(
            ln for ln in near if abs(ln.base - base) < 0.5 * max(ln.size, 1.0) and ln.x0 > right
        )
    return rows


def _text(row: Sequence[Line]) -> str:
    return " ".join(ln.text.strip() for ln in sorted(row, key=lambda ln: ln.x0))


def _entry(text: str) -> tuple[str, str] | None:
    """(title, page) of a contents row, or None when the text is no row."""
    match = _ROW.match(text)
    if match is None:
        return None
    title = match.group("title").strip()
    words = title.split()
    if not 1 <= len(words) <= _MAX_TITLE_WORDS or not re.search(r"[^\W\d_]{2}", title):
        return None
    if title.endswith((".", ",", ";", "!", "?")) and not re.search(r"\.\s*\.\s*$", title):
        return None  # a sentence ending in a figure ("... rose to 42")
    if not _NUMBERING.sub("", title)[:1].isupper():
        return None  # titles are capitalised; running text is not
    return title, match.group("page")


def _listed(
    col: Sequence[Line], page: Page, headings: dict[str, list[tuple[int, float]]]
) -> set[int]:
    """The ids of a column's contents lines: a headed list, or a bare run of headings' rows."""
    doomed: set[int] = set()
    rows = _rows(col, page.lines)
    r = 0
    while r < len(rows):
        row = rows[r]
        headed = len(row) == 1 and bool(_HEADING.fullmatch(row[0].text.strip().rstrip(":")))
        entries = _run(rows, r + 1 if headed else r)
        if (headed and len(entries) >= _MIN_ROWS) or (
            not headed and _bare_list(entries, page.index, headings)
        ):
            doomed.update(id(ln) for ln in (*row, *(ln for lines, _ in entries for ln in lines)))
        # the rows of a run that is no list start none either: one check a run, linear time
        r = _after(rows, r, entries, headed)
    return doomed


def _after(
    rows: Sequence[list[Line]], r: int, entries: Sequence[tuple[list[Line], str]], headed: bool
) -> int:
    """The row after a heading and its entries (or after the entries of a bare run)."""
    taken = {id(ln) for lines, _ in entries for ln in lines}
    k = r + 1 if headed else r
    while k < len(rows) and rows[k] and id(rows[k][0]) in taken:
        k += 1
    return max(k, r + 1)


def _run(rows: Sequence[list[Line]], start: int) -> list[tuple[list[Line], str]]:
    """The contents entries from row `start` on: (their lines, their text).

    An entry is a row that ends in a page number, or a title wrapped over two lines: the first
    has no page number, the second ends in one.
    """
    out: list[tuple[list[Line], str]] = []
    k = start
    while k < len(rows):
        text = _text(rows[k])
        if _entry(text):
            out.append((rows[k], text))
            k += 1
            continue
        if k + 1 < len(rows) and _wraps(rows[k], rows[k + 1]):
            out.append(([*rows[k], *rows[k + 1]], f"{text} {_text(rows[k + 1])}"))
            k += 2
            continue
        break
    return out


def _wraps(first: Sequence[Line], second: Sequence[Line]) -> bool:
    text = _text(first)
    return (
        len(first) == 1
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith((".", "!", "?"))
        and abs(first[0].size - second[0].size) < 0.5
        and 0 < first[0].base - second[0].base < 2 * max(first[0].size, 1.0)
        and _entry(f"{text} {_text(second)}") is not None
    )


def _bare_list(
    entries: Sequence[tuple[list[Line], str]],
    page: int,
    headings: dict[str, list[tuple[int, float]]],
) -> bool:
    """Whether entries with no heading over them are a contents list.

    They are when enough of them stand in page order and most titles are headings printed
    elsewhere in the document (not on the entry itself).
    """
    if len(entries) < _MIN_BARE_ROWS:
        return False
    read = [(lines, e) for lines, text in entries if (e := _entry(text))]
    numbers = [int(p) for _, (_, p) in read if p.isdigit()]
    if len(numbers) != len(entries) or numbers != sorted(numbers):
        return False
    found = sum(
        1
        for lines, (title, _) in read
        if any(
            (i, round(b)) not in {(page, round(ln.base)) for ln in lines}
            for i, b in headings.get(_key(title), [])
        )
    )
    return 2 * found > len(entries)
