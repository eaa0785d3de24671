"""Page furniture: running headers and footers, page numbers, slugs, covers, contents, disclaimers.

A line is furniture when it sits in the top or bottom band of its page and the same words
(digits aside) stand in that band on another page, or when it is only a page number there.
The printed page numbers found on the way become the pages sentences cite. A cover is a first
page with few words and no run of body text; a contents page is one made of dot-leader lines
(or numbered lines under its heading) and no running text (a list under a page's summary is
cut by the contents step); a disclaimer runs from a "Disclaimer" line to the end of its page.
Lines are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.ingest.pdf.journal import names_an_issue
from bot.core.ingest.pdf.lines import Line

_BAND = 0.12  # share of the page height at top and bottom where running lines live
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(\d{1,6})(?:\s+of\s+\d+)?$|^[-–—]\s*(\d{1,6})\s*[-–—]$", re.I
)
_TRAILING_NUMBER = re.compile(r"(?:^|\s)(?:page\s+)?(\d{1,6})$|^(\d{1,6})\s", re.I)
_ROMAN = re.compile(r"^(?:page\s+)?[ivxlc]{1,6}$", re.I)
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)
_LEADER = re.compile(r"(?:\.\s*){5,}\s*(?:\d+|[ivxlc]+)$|(?:\s\.){4,}", re.I)
_DISCLAIMER = re.compile(r"^disclaimer\b", re.I)
# printers' job codes at the end of a government print
_SLUG = re.compile(r"\bBILLING CODE\s+[\d–-]+|^\[?FR Doc\.\s|^VerDate\b")
_COVER_MAX_WORDS = 60
_FIXED = 3  # words a running line keeps on every page beside the chapter's name it changes
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
)
_EVENT = (
    r"(?:received|revised|accepted|published(?:\s+online)?|available\s+online|first\s+published)"
)
# an article's history: "Received 3 October 2023; accepted 19 February 2024"
_HISTORY = re.compile(
    rf"^(?:{_EVENT}(?:\s+(?:on|in|revised|final|form))*\s*:?\s*{_DATE}"
    r"\s*(?:[;,.|]|\band\b)?\s*)+$",
    re.I,
)
_DOI = re.compile(r"^(?:doi\s*:?\s*|(?:https?://)?(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+$", re.I)


@dataclass
class Page:
    """One page's lines in reading order (as columns) and what the furniture step found."""

    index: int
    width: float
    height: float
    columns: list[list[Line]]
    printed: str | None = None
    kind: str = "body"  # "body", "cover", "contents"
    empty: bool = False
    dropped: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        """Every line of the page in reading order."""
        return [ln for col in self.columns for ln in col]

    def remove(self, doomed: set[int]) -> None:
        """Drop lines (by id) from the page's columns, keeping them in `dropped`."""
        kept: list[list[Line]] = []
        for col in self.columns:
            rest = [ln for ln in col if id(ln) not in doomed]
            self.dropped.extend(ln for ln in col if id(ln) in doomed)
            if rest:
                kept.append(rest)
        self.columns = kept


def _key(text: str) -> str:
    core = re.sub(r"[\d\s]+", "#", text.lower()).strip("#")
    return ("#" if text[:1].isdigit() else "") + core + ("#" if text[-1:].isdigit() else "")


def _band_lines(page: Page) -> list[Line]:
    top = page.height * (1 - _BAND)
    bottom = page.height * _BAND
    return [ln for ln in page.lines if ln.base >= top or ln.base <= bottom]


def _ends(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A line's first and last three words (digits as "#"): the fixed part of a running line."""
    words = tuple(_key(w) for w in text.split())
    return (words[:_FIXED], words[-_FIXED:]) if len(words) > _FIXED else ((), ())


def _shares_an_end(line: Line, page: int, others: Sequence[tuple[int, Line]]) -> bool:
    """A running head that names the page's chapter: "Annual Report 2024 - 3 Costs".

    Its first (or last) three words stand at the same place at the top of another page, in
    the same small type, while the chapter's name in the rest of it changes.
    """
    head, tail = _ends(line.text)
    if not head:
        return False
    for index, other in others:
        if index == page or abs(other.base - line.base) > 3 or abs(other.size - line.size) > 0.3:
            continue
        if other.bold != line.bold:
            continue
        other_head, other_tail = _ends(other.text)
        if (head and head == other_head) or (tail and tail == other_tail):
            return True
    return False


def _companions(
    page: Page,
    band: Sequence[Line],
    doomed: set[int],
    small: Sequence[tuple[int, Line]],
    body_size: float,
) -> set[int]:
    """The second line of a running head whose words change from page to page.

    An opinion's head prints the case name over the part the page is in ("Opinion of the
    Court", then "ROE, J., dissenting"): that line stands right by a running line of the
    page, in the same small type, and where another page prints a line of the head too.
    """
    running = [ln for ln in band if id(ln) in doomed and ln.base >= page.height * (1 - _BAND)]
    found: set[int] = set()
    for ln in band:
        if id(ln) in doomed or ln.base < page.height * (1 - _BAND) or ln.size >= body_size - 0.5:
            continue
        beside = any(
            abs(r.base - ln.base) <= 2.5 * ln.size and abs(r.size - ln.size) < 0.3 for r in running
        )
        elsewhere = any(
            index != page.index
            and abs(other.base - ln.base) <= 1
            and abs(other.size - ln.size) < 0.3
            and other.bold == ln.bold
            for index, other in small
        )
        if beside and elsewhere:
            found.add(id(ln))
    return found


def mark_running(pages: Sequence[Page], body_size: float) -> None:
    """Drop running headers, footers, slugs and page numbers; set each page's printed number."""
    seen: dict[str, list[tuple[int, float, float, bool]]] = {}
    bands = [_band_lines(p) for p in pages]
    small = [
        (page.index, ln)
        for page, band in zip(pages, bands, strict=True)
        for ln in band
        # the head only: notes at the foot may open with the same words on two pages
        if ln.size < body_size - 0.5 and ln.base >= page.height * (1 - _BAND)
    ]
    for page, band in zip(pages, bands, strict=True):
        for ln in band:
            seen.setdefault(_key(ln.text), []).append((page.index, ln.base, ln.size, ln.bold))
    numbers: dict[int, int] = {}
    trailing_numbers: dict[int, int] = {}  # a running line's last number: a bare folio wins
    for page, band in zip(pages, bands, strict=True):
        doomed: set[int] = set()
        for ln in band:
            if ln.size > body_size * 1.25:
                continue  # a title, not a running line
            key = _key(ln.text)
            repeated = any(
                i != page.index
                and abs(b - ln.base) < 24
                and abs(z - ln.size) < 0.6
                and bold == ln.bold
                for i, b, z, bold in seen.get(key, [])
            ) or (
                ln.base >= page.height * (1 - _BAND)
                and ln.size < body_size - 0.5
                and _shares_an_end(ln, page.index, small)
            )
            number = _PAGE_NUMBER.match(ln.text.strip())
            if number:
                numbers.setdefault(page.index, int(number.group(1) or number.group(2)))
                doomed.add(id(ln))
            elif _ROMAN.match(ln.text.strip()):
                doomed.add(id(ln))
            elif repeated:
                trailing = _TRAILING_NUMBER.search(ln.text.strip())
                if trailing and "#" in (key[-1:] + key[:1]):
                    value = int(trailing.group(1) or trailing.group(2))
                    trailing_numbers.setdefault(page.index, value)
                doomed.add(id(ln))
        doomed |= _companions(page, band, doomed, small, body_size)
        page.remove(doomed)
    numbers = {**trailing_numbers, **numbers}
    by_index = {page.index: page for page in pages}
    offsets = {index - value for index, value in numbers.items()}
    if numbers and (len(offsets) <= max(1, len(numbers) // 3)):
        for index, value in numbers.items():
            by_index[index].printed = str(value)


def _title_words(page: Page, body_size: float) -> set[str]:
    """The words a first page prints in type larger than the body's (its title and byline).

    The small raised letters that tie an author to an affiliation ("Mensahᵃ") are left out.
    """
    words: set[str] = set()
    for ln in page.lines:
        if ln.size < 1.05 * body_size:
            continue
        chars: list[str] = []
        last = None
        for g in sorted(ln.glyphs, key=lambda g: g.x0):
            small = g.size < 0.85 * ln.size
            if last is not None and (small or g.space_before or g.x0 - last.x1 > 0.2 * g.size):
                chars.append(" ")
            chars.append(" " if small else g.char)
            last = g
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", "".join(chars)))
    return words


def cut_title_echoes(pages: Sequence[Page], body_size: float) -> None:
    """Drop a running head printed once, which echoes the first page's title or byline.

    It is the top line of a later page, in type smaller than the body's, standing apart from
    the text under it, whose capitalised words all repeat the first page's large type
    ("Mensah, Reinholt and Li | Paying for the Last Mile"). A short paper has a running head
    on one page only, so it never repeats.
    """
    first = next((p for p in pages if p.lines), None)
    if first is None:
        return
    known = _title_words(first, body_size)
    for page in pages:
        if page is first or len(page.lines) < 2:
            continue
        ordered = sorted(page.lines, key=lambda ln: -ln.base)
        top, below = ordered[0], ordered[1]
        if top.base < page.height * (1 - _BAND) or top.size >= 0.95 * body_size:
            continue
        if top.base - below.base < 1.8 * max(top.size, below.size):
            continue
        words = re.findall(r"[^\W\d_]{3,}", top.text)
        capitals = [w.lower() for w in words if w[:1].isupper()]
        if len(capitals) >= 2 and all(w in known for w in capitals):
            page.remove({id(top)})


def cut_article_history(pages: Sequence[Page]) -> None:
    """Drop a journal article's DOI, history and issue lines from its first two pages.

    The DOI line, the dates it was received and accepted, and the issue line naming volume
    and pages in the page's head or foot (a reference entry names them too, within the page)
    head no section and state no fact of the article. The header step has read the issue line
    for what it names before this.
    """
    for page in [p for p in pages if p.lines][:2]:
        band = {id(ln) for ln in _band_lines(page)}
        page.remove(
            {
                id(ln)
                for ln in page.lines
                if len(ln.text.split()) <= 20
                and (
                    _DOI.match(ln.text.strip())
                    or _HISTORY.match(ln.text.strip())
                    or (id(ln) in band and names_an_issue(ln.text))
                )
            }
        )


def cut_disclaimers(pages: Sequence[Page], body_size: float | None = None) -> None:
    """Drop a disclaimer: from its "Disclaimer" line to the end of the page.

    An unheaded one is a paragraph set apart from the body's type (a box in bold or smaller
    type) that disowns the views it introduces ("… do not necessarily represent the views of
    …"): the paragraph goes whole. The same words in running text stay.
    """
    for page in pages:
        start = next((k for k, ln in enumerate(page.lines) if _DISCLAIMER.match(ln.text)), None)
        if start is not None:
            before = sum(len(ln.text.split()) for ln in page.lines[:start])
            # a disclaimer page keeps nothing but stray furniture (a report number)
            page.remove({id(ln) for ln in page.lines[start if before > 12 else 0 :]})
        elif body_size is not None:
            for run in _set_apart_runs(page.lines, body_size):
                if _DISOWNS.search(" ".join(ln.text for ln in run)):
                    page.remove({id(ln) for ln in run})


# "the views expressed … do not necessarily represent/reflect those of …"
_DISOWNS = re.compile(
    r"\b(?:views|opinions)\s+expressed\b.{0,160}?\bdo(?:es)?\s+not\s+necessarily\s+"
    r"(?:represent|reflect)\b",
    re.I | re.S,
)


def _set_apart_runs(lines: Sequence[Line], body_size: float) -> list[list[Line]]:
    """The paragraphs of lines in one type other than the body's, line under line."""
    runs: list[list[Line]] = []
    for ln in lines:
        plain = abs(ln.size - body_size) < 0.5 and not ln.bold
        prev = runs[-1][-1] if runs and runs[-1] else None
        if plain:
            runs.append([])
            continue
        if (
            prev is not None
            and abs(prev.size - ln.size) < 0.3
            and prev.bold == ln.bold
            and 0 < prev.base - ln.base < 1.8 * max(ln.size, 1.0)
        ):
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return [run for run in runs if len(run) >= 2]


def _prose_lines(lines: Sequence[Line], body_size: float) -> int:
    """How many lines read as running text: long, in body type, with a sentence's end."""
    return sum(
        1
        for ln in lines
        if abs(ln.size - body_size) < 0.6
        and len(ln.text) >= 50
        and not _LEADER.search(ln.text)
        and re.search(r"[a-z]{2}[.!?](?:\s|$)", ln.text)
    )


def mark_special_pages(pages: Sequence[Page], body_size: float) -> None:
    """Tag cover and contents pages; cut dot-leader lines and print slugs."""
    for page in pages:
        lines = page.lines
        leaders = [ln for ln in lines if _LEADER.search(ln.text)]
        titled = any(_CONTENTS.match(ln.text.strip()) for ln in lines[:3])
        numbered = sum(1 for ln in lines if re.search(r"(?:^|\s)\d{1,4}$", ln.text.strip()))
        if (
            (titled and numbered >= 0.4 * len(lines))
            or (len(leaders) >= 3 and len(leaders) >= 0.3 * len(lines))
        ) and _prose_lines(lines, body_size) < 2:
            page.kind = "contents"
        elif leaders:
            # the list's heading goes with it ("Table of contents" over a page's leader lines)
            above = lines.index(leaders[0]) - 1
            heading = [lines[above]] if above >= 0 and _CONTENTS.match(lines[above].text) else []
            page.remove({id(ln) for ln in (*leaders, *heading)})
        page.remove({id(ln) for ln in page.lines if _SLUG.search(ln.text)})
    first = next((p for p in pages if p.lines), None)
    if first is not None and len(pages) >= 3 and first.kind == "body":
        words = sum(len(ln.text.split()) for ln in first.lines)
        prose = sum(
            1 for ln in first.lines if abs(ln.size - body_size) < 0.6 and len(ln.text) >= 50
        )
        sentences = sum(
            1
            for ln in first.lines
            if abs(ln.size - body_size) < 1.0 and re.search(r"[a-z]{2}[.!?](?:\s|$)", ln.text)
        )
        if words <= _COVER_MAX_WORDS and prose < 3 and sentences < 2:
            first.kind = "cover"
