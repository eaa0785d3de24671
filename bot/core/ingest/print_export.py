"""Print and PDF-to-text exports: pages, furniture, cover, notes and markers, then blocks.

An export is text with page markers (`===== PDF_PAGE 3 =====`, `--- Page 3 ---`, form feeds).
Per page: running headers and footers (lines repeated on several pages, numbers aside) and bare
page numbers are dropped; a cover (a document-type label such as "Issue Brief" with the title
before it, a date and an author line) gives metadata and is not text; back matter (a page that
is a list of names, a copyright block) is dropped. Notes come from an Endnotes/Notes section or,
without one, from numbered lines printed at page bottoms in the middle of the text (in
sequence, a wrapped note continuing while its line does not end a sentence). Markers are read
in sequence, wherever the export put them: glued to a word or full stop (`implementation.1`),
with stray spaces (`euro ,5`, `Bridge 15with`) or at the start of the next line; each becomes a
superscript. Drop caps and words split over lines are joined; headings (capitals, numbered
"IV." sections in sequence, short title-case lines) and captions ending in a credit are marked;
a table flattened one cell per line is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.ingest.closing_signature import closing_signature
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, superscript
from bot.core.ingest.symbol_notes import symbol_notes

_PAGE_MARK = re.compile(
    r"^\s*(?:=+\s*PDF[_ ]PAGE\s+(\d+)\s*=+|[-=]{2,}\s*page\s+(\d+)\s*[-=]{2,}|"
    r"\[\s*page\s+(\d+)\s*\])\s*$",
    re.I,
)
_PAGE_END = re.compile(r"^\s*-{2,}\s*(\d+)\s+of\s+\d+\s*-{2,}\s*$", re.I)  # ends page n
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$")  # a contents line: "Summary ....... 2"
_PRINTED = re.compile(r"(?:^|\s)(?:page\s+)?(\d{1,4})\s*$|^\s*(?:page\s+)?(\d{1,4})(?:\s|$)", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.I)
_DOC_TYPE = re.compile(
    r"(?:^|\s)((?:(?-i:[A-Z]{2,8})\s+)?(?:(?:issue|policy|research|briefing|discussion|working|"
    r"white|occasional|analysis|conference|strategy|special)\s+(?:brief|paper|note|report))"
    r"(?:\s+(?:no\.?|number|#)\s*[\d-]+)?)\s*$",
    re.I,
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_LINE = re.compile(rf"^\s*((?:{_MONTHS})\s+\d{{4}})\b\s*(.*)$", re.I)
_AUTHOR_LINE = re.compile(r"^\s*(?:authors?|by|written by)[:\s]+(.+)$", re.I)
_NOTES_HEADING = re.compile(r"^\s*(?:end\s?notes|foot\s?notes|notes|references)\s*$", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)", re.I)
_NAME_LINE = re.compile(
    r"^\*?(?:[A-Z][\w'’.-]*\.?\s+){1,4}[A-Z][\w'’.-]*(?:,\s*(?:Jr|Sr|I{2,3})\.?)?$"
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_AT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\u00b9\u00b2\u00b3\u2070-\u2079]\s))"
    r"\s*((?:X{0,1}(?:IX|IV|V?I{0,3})))\.\s+(?=[A-Z])"
)
_SENTENCE_STARTERS = frozenset(
    "The This These That Those It Its In On At But And However Yet So Thus There They We He "
    "She A An For While Although Since If When As After Before Our Such Many Most".split()
)
_SHORT_WORDS = frozenset(
    "a an am as at be by do go he if in is it me my no of on or so to up us we ok".split()
)
_KERN = re.compile(r"\b([TVWY]) ([aeiouhr][a-z]+)\b")
_CAPTION_CREDIT = re.compile(r"\b(?:Source|Photo|Image|Credit)s?:\s*\S")
# a credit line closing a caption: "… 2020. Source: REUTERS/Jason Lee" (never "(Source: X) says")
_CREDIT_LINE = re.compile(r"(?:^|[.?!\"”)]\s+)(?:Source|Photo|Image|Credit)s?:\s*\S.*$")
_CREDIT_WRAPS = re.compile(r"(?:[/,&–-]|\band)$")  # "Source: REUTERS/" + "Marina Depetris"
_CAPTION_MAX_LINES = 4
_TABLE_LABEL = re.compile(r"^\s*(Table|Figure|Chart|Exhibit)\s+\d+[.:]\s*\S", re.I)
_NOTE_START = re.compile(r"^\s*\[?(\d{1,3})(?:\]|[.)])?\s+(?=\S)(?!(?:percent|%|per|of|and|to)\b)")
# a closing stop, maybe followed by quotes and a footnote marker ("… in 2021.²")
_END = re.compile(r"[.!?][\"”’')\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$")
_DATE_ALONE = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?\d{{4}}$", re.I)
# "…homes [1]." and "…worked out (3).": a number in brackets closing a clause (in round
# ones only after a word, before punctuation: "(1) first" counts items, "4(3)" a subsection)
_BRACKETED = re.compile(
    r"(?<=\S)\s?\[(\d{1,3})\](?!\()"
    r"|(?:(?<=[^\W\d_])|(?<=[^\W\d_]\s))\((\d{1,3})\)(?=[.,;:!?]|\s*$)"
)
_URL_REST = re.compile(r"^[\w.~%-]*/[\w./~%?=&#+-]*$")  # the rest of a URL cut at a line end
_MARKER_WINDOW = 4000
_MAX_MARKER_JUMP = 3


@dataclass
class _Line:
    text: str
    number: int
    page: str
    gap: bool = False  # a blank line came before it
    row: bool = False  # a table row read as a sentence of its own


def is_print_export(text: str) -> bool:
    """Whether a text is a print export: two or more page markers (or form feeds)."""
    marks = sum(
        1
        for line in text.split("\n", 20000)[:20000]
        if _PAGE_MARK.match(line) or _PAGE_END.match(line)
    )
    return marks >= 2 or text.count("\f") >= 2


def _pages(text: str) -> list[tuple[str, list[_Line]]]:
    pages: list[tuple[str, list[_Line]]] = [("1", [])]
    gap = False
    for number, raw in enumerate(text.split("\n"), start=1):
        for k, part in enumerate(raw.split("\f")):
            if k:  # a form feed starts a page
                pages.append((str(len(pages) + 1), []))
            mark = _PAGE_MARK.match(part)
            end = _PAGE_END.match(part)
            if mark:
                page = next((g for g in mark.groups() if g), None)
                pages.append((page or str(len(pages) + 1), []))
                gap = False
            elif end:  # "-- 2 of 3 --" closes page 2
                label = end.group(1)
                pages[-1] = (label, [_Line(x.text, x.number, label, x.gap) for x in pages[-1][1]])
                pages.append((str(int(label) + 1), []))
                gap = False
            elif part.strip():
                pages[-1][1].append(_Line(part.rstrip(), number, pages[-1][0], gap))
                gap = False
            else:
                gap = True
    return [p for p in pages if p[1]]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[tuple[str, list[_Line]]]) -> list[str]:
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
        keep: list[_Line] = []
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
            keep = [_Line(x.text, x.number, printed, x.gap) for x in keep]
            label = printed
        pages[index] = (label, keep)
    return running


def _title_from_running(
    pages: list[tuple[str, list[_Line]]],
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
        if _DATE_ALONE.match(text) and date is None:
            dated = re.match(
                rf"^(?:\d{{1,2}}\s+)?((?:{_MONTHS}))\s+(?:\d{{1,2}},?\s+)?(\d{{4}})$", text, re.I
            )
            date = _iso_month(f"{dated.group(1)} {dated.group(2)}") if dated else None
    if len(lines) <= 12 and all(len(x.text) < 70 for x in lines):
        lines.clear()  # a cover page: title, publisher, byline, date
    return DocumentMeta(title=title, authors=authors, date=date)


def _drop_back_matter(pages: list[tuple[str, list[_Line]]]) -> None:
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
                _NOTES_HEADING.match(line.text) for line in lines
            )
            del lines[0 if short_page else cut :]


def _cover(pages: list[tuple[str, list[_Line]]]) -> DocumentMeta:
    """Title, date and author from a cover block on the first page (removed from the text)."""
    if not pages:
        return DocumentMeta()
    lines = pages[0][1]
    for k, line in enumerate(lines[:80]):
        label = _DOC_TYPE.search(line.text)
        if not label:
            continue
        before = line.text[: label.start(1)].strip()
        start = k
        after = _title_after(lines, k)
        masthead = before.endswith(("—", "–", "-", "|", ":")) or (
            not before and k > 0 and _is_caps_heading(lines[k - 1].text.strip())
        )
        if after and (masthead or (not before and k == 0)):
            # "PUBLISHER — WORKING PAPER" or a publisher line over the label: the title follows
            title, end_title = after
            meta = _byline_after(lines, end_title)
            del lines[: meta[2]]
            return DocumentMeta(title=_title_case(title), authors=meta[0], date=meta[1])
        if before:
            title = before
        else:
            run: list[str] = []
            j = k - 1
            while (
                j >= 0
                and len(run) < 7
                and len(lines[j].text.strip()) <= 40
                and not _END.search(lines[j].text.strip())
            ):
                run.insert(0, lines[j].text.strip())
                j -= 1
            title = " ".join(run)
            start = j + 1
        if not title:
            continue
        date = author = None
        end = k + 1
        for j in range(max(0, start - 4), min(len(lines), k + 4)):
            text = lines[j].text.strip()
            dated = _DATE_LINE.match(text)
            byline = _AUTHOR_LINE.match(text)
            if dated:
                date = dated.group(1)
                if dated.group(2).strip():
                    author = dated.group(2).strip()
            elif byline:
                author = byline.group(1).strip()
            else:
                continue
            if j >= end:
                end = j + 1
            start = min(start, j)
        if end < len(lines) and all(len(x.text) <= 45 for x in lines[end:]) and author:
            end = len(lines)  # the cover's blurb, in a narrow box beside the title
        del lines[start:end]
        return DocumentMeta(
            title=_title_case(title),
            authors=(_title_case(author),) if author else (),
            date=_iso_month(date),
        )
    return DocumentMeta()


def _title_after(lines: list[_Line], k: int) -> tuple[str, int] | None:
    """The title printed after a cover's label line: short lines up to a byline or date."""
    run: list[str] = []
    j = k + 1
    while j < len(lines) and len(run) < 3:
        text = lines[j].text.strip()
        if _byline(text) or _DATE_ALONE.match(text) or _END.search(text) or len(text) > 80:
            break
        run.append(text)
        j += 1
    return (
        (" ".join(run), j)
        if run
        and j < len(lines)
        and (_byline(lines[j].text.strip()) or _DATE_ALONE.match(lines[j].text.strip()))
        else None
    )


_ROLE_WORDS = frozenset(
    """fellow senior director professor analyst economist researcher editor chief head
    associate assistant lecturer adviser advisor manager president chair scholar consultant
    correspondent reporter author""".split()
)


def _byline(text: str) -> tuple[str, ...] | None:
    """Authors of a cover line: "By A", "A and B", "A, Senior Fellow"."""
    from bot.core.ingest.metadata import is_name, parse_byline

    head, _, role = text.partition(",")
    if (
        role.strip()
        and is_name(head.strip())
        and len(role.split()) <= 6
        and _ROLE_WORDS & set(role.lower().split())
    ):
        return (head.strip(),)
    return parse_byline(text)


def _byline_after(lines: list[_Line], j: int) -> tuple[tuple[str, ...], str | None, int]:
    """Authors and date in the few lines after a cover title; and where the cover ends."""
    authors: tuple[str, ...] = ()
    date = None
    end = j
    for k in range(j, min(len(lines), j + 4)):
        text = lines[k].text.strip()
        found = _byline(text)
        dated = re.match(
            rf"^(?:\d{{1,2}}\s+)?((?:{_MONTHS}))\s+(?:\d{{1,2}},?\s+)?(\d{{4}})$", text, re.I
        )
        if found and not authors:
            authors = found
        elif dated:
            date = _iso_month(f"{dated.group(1)} {dated.group(2)}")
            day = re.match(r"^(\d{1,2})\s", text)
            if day and date:
                date = f"{date}-{int(day.group(1)):02d}"
        elif len(text.split()) > 5:
            break
        end = k + 1
    return authors, date, end


def _title_case(text: str) -> str:
    if sum(c.isupper() for c in text) < 0.6 * sum(c.isalpha() for c in text):
        return " ".join(text.split())
    small = {"and", "the", "of", "for", "in", "on", "a", "an", "to", "or", "at", "by"}
    words = text.lower().split()
    return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))


def _iso_month(text: str | None) -> str | None:
    if not text:
        return None
    month, year = text.split()
    number = _MONTHS.split("|").index(month.lower()) + 1
    return f"{year}-{number:02d}"


def _endnotes(lines: list[_Line]) -> tuple[list[_Line], list[SourceLine]]:
    """Cut an Endnotes section (a heading, then "1 …" lines) from the end of the text."""
    for k in range(len(lines) - 1, -1, -1):
        if (
            _NOTES_HEADING.match(lines[k].text)
            and k + 1 < len(lines)
            and re.match(r"^\s*\[?1(?:\]|[.)])?\s", lines[k + 1].text)
        ):
            return lines[:k], _note_lines(lines[k + 1 :])
    return lines, []


def _bracket_endnotes(lines: list[_Line]) -> tuple[list[_Line], list[SourceLine]]:
    """A text's last lines when they are "[1] …", "[2] …" in sequence after a blank line.

    Bracketed notes need no heading: their numbers in brackets at a line start, counting up
    from 1 to the end of the text, are a notes list in that shape only.
    """
    start = len(lines)
    while start > 0 and re.match(r"^\s*\[\d{1,3}\]\s+\S", lines[start - 1].text):
        start -= 1
    numbers = [int(re.match(r"^\s*\[(\d{1,3})\]", line.text).group(1)) for line in lines[start:]]  # type: ignore[union-attr]
    if (
        not numbers
        or numbers != list(range(1, len(numbers) + 1))
        or start == 0
        or lines[start - 1].number >= lines[start].number - 1  # no blank line before the list
    ):
        return lines, []
    return lines[:start], [SourceLine(line.text.strip(), line.number) for line in lines[start:]]


def _note_lines(lines: list[_Line]) -> list[SourceLine]:
    """Notes in sequence; a page the export ran into one line is cut at each next number."""
    notes: list[SourceLine] = []
    expected = 1
    for line in lines:
        for piece in _cut_notes(line.text.strip(), expected):
            start = _NOTE_START.match(piece)
            if start and expected <= int(start.group(1)) <= expected + 1:
                notes.append(SourceLine(piece, line.number, line.page))
                expected = int(start.group(1)) + 1
            elif notes:
                last = notes[-1]
                notes[-1] = SourceLine(_join(last.text, piece), last.number, last.page)
    return notes


def _cut_notes(text: str, expected: int) -> list[str]:
    """Cut a run-on line before each next note number (after a full stop or a URL)."""
    pieces: list[str] = []
    at = 0
    number = expected if not _NOTE_START.match(text) else int(_NOTE_START.match(text).group(1)) + 1  # type: ignore[union-attr]
    while True:
        cut = re.compile(rf"(?<=[.)/”\"]\s)({number})\s+(?=[A-Z“\"‘])").search(text, at + 1)
        if cut is None:
            break
        pieces.append(text[at : cut.start()].strip())
        at = cut.start()
        number += 1
    pieces.append(text[at:].strip())
    return [p for p in pieces if p]


def _join(left: str, right: str) -> str:
    """Join two lines of a note: a URL or word broken at a hyphen or slash is not spaced."""
    if (
        re.search(r"(?:https?://\S*|[/-])$", left)
        and re.match(r"^[\w./~-]", right)
        and ("http" in left.rsplit(" ", 1)[-1] or left.endswith("/"))
    ):
        return left + right
    return f"{left} {right}"


def _page_notes(lines: list[_Line]) -> tuple[list[_Line], list[SourceLine]]:
    """Notes printed at page bottoms, found in the middle of the text, in sequence."""
    body: list[_Line] = []
    notes: list[SourceLine] = []
    expected = 1
    open_note = False
    for line in lines:
        start = _NOTE_START.match(line.text)
        if (
            start
            and int(start.group(1)) == expected
            and len(line.text) > 20
            and not _heading_line(line.text)
        ):
            notes.append(SourceLine(line.text.strip(), line.number, line.page))
            expected += 1
            open_note = not _END.search(line.text.strip())
            continue
        url_rest = (
            bool(notes)
            and _URL_REST.match(line.text.strip()) is not None
            and bool(re.search(r"https?://\S*$", notes[-1].text))
        )
        if (open_note or url_rest) and notes:
            last = notes[-1]
            notes[-1] = SourceLine(_join(last.text, line.text.strip()), last.number, last.page)
            open_note = not _END.search(line.text.strip())
            continue
        open_note = False
        body.append(line)
    if len(notes) < 2:
        return lines, []
    return body, notes


def _heading_line(text: str) -> bool:
    """A short numbered line without a closing full stop ("3. Refinancing pressure")."""
    return (
        len(text.split()) <= 10
        and not _END.search(text.strip())
        and bool(re.match(r"^\s*\d{1,2}\.\s+[A-Z]", text))
    )


def _repair(lines: list[_Line]) -> list[_Line]:
    """Join drop caps, words split over lines and kerning splits.

    "A" + "mid", "ma" + "nufacturing", "i" + "ncluding", "Y our".
    """
    out: list[_Line] = []
    for line in lines:
        text = _KERN.sub(lambda m: m.group(1) + m.group(2), line.text)
        if out and text[:1].islower():
            prev = out[-1].text.rstrip()
            last = prev.rsplit(" ", 1)[-1]
            if (len(prev) == 1 and prev.isupper()) or (
                1 <= len(last) <= 2
                and last.isalpha()
                and last.islower()
                and last not in _SHORT_WORDS
                and (len(last) == 1 or prev == last)  # "i" + "ncluding"; "ma" alone + "nufac…"
            ):
                out[-1] = _Line(prev + text.lstrip(), out[-1].number, out[-1].page, out[-1].gap)
                continue
        out.append(replace(line, text=text))
    return out


class _Markers:
    """Finds note markers in sequence wherever the export put them."""

    def __init__(self, count: int, *, plain: bool = True) -> None:
        self.count = count
        self.next = 1
        self.plain = plain  # False: only bracketed markers ("[3]") are markers

    def _bracketed(self, match: re.Match[str]) -> str:
        number = int(match.group(1) or match.group(2))
        if not self.next <= number <= min(self.count, self.next + _MAX_MARKER_JUMP):
            return match.group(0)
        self.next = number + 1
        return superscript(str(number))

    def pattern(self, number: int) -> re.Pattern[str]:
        n = str(number)
        return re.compile(
            rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:)”\"’])|(?<=[.,;:)”\"’])|(?<=[^\W\d_] )|"
            rf"(?<=[^\W\d_] [.,]))({n}(?:,\s?\d{{1,3}})*)(?=\s|$|[a-z])(?!\s(?:percent|per|%))"
        )

    def convert(self, text: str, line_start: bool) -> tuple[str, str]:
        """Markers in one line: (text with superscripts, a marker moved to the previous line)."""
        moved = ""
        text = _BRACKETED.sub(self._bracketed, text)
        if not self.plain:
            return text, moved
        if line_start and self.next <= self.count:
            start = re.match(r"^(\d{1,3})\s+(?=[a-z\"“A-Z])", text)
            if start and self.next <= int(start.group(1)) <= self.next + _MAX_MARKER_JUMP:
                number = int(start.group(1))
                moved = superscript(str(number))
                self.next = number + 1
                text = text[start.end() :]
        out: list[str] = []
        at = 0
        while self.next <= self.count:
            found = None
            for number in range(self.next, min(self.count, self.next + _MAX_MARKER_JUMP) + 1):
                match = self.pattern(number).search(text, at, min(len(text), at + _MARKER_WINDOW))
                if (
                    match
                    and not _label_before(text, match.start())
                    and not _quantity(text, match.start())
                    and (found is None or match.start() < found.start())
                ):
                    found = match
            if found is None:
                break
            numbers = [int(x) for x in re.split(r",\s?", found.group(1))]
            lead = text[at : found.start()]
            lead = (
                re.sub(r"\s+([.,])?$", lambda m: m.group(1) or "", lead)
                if lead.endswith((" ", " .", " ,"))
                else lead
            )
            if re.search(r"\s[.,]$", text[at : found.start()]):
                lead = (
                    text[at : found.start()].rstrip(" .,").rstrip()
                    + text[found.start() - 1 : found.start()].strip()
                )
            out.append(lead + ",".join(superscript(str(n)) for n in numbers))
            after = text[found.end() : found.end() + 1]
            if after[:1].isalpha():
                out.append(" ")
            at = found.end()
            self.next = max(numbers) + 1
        out.append(text[at:])
        return "".join(out), moved


_DETERMINERS = frozenset(
    "the a an of by than to at about over under nearly some with from in on "
    "and or for per around only just top first last".split()
)


def _quantity(text: str, at: int) -> bool:
    """A number after a space and a determiner ("the 14 nm node") counts, it is no marker."""
    if at == 0 or text[at - 1] != " ":
        return False
    word = re.search(r"([A-Za-z]+)\s$", text[max(0, at - 16) : at])
    return bool(word and word.group(1).lower() in _DETERMINERS)


def _label_before(text: str, at: int) -> bool:
    word = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, at - 12) : at])
    return bool(
        word
        and word.group(1).lower()
        in {
            "table",
            "figure",
            "fig",
            "page",
            "p",
            "pp",
            "no",
            "chapter",
            "section",
            "part",
            "vol",
            "article",
            "annex",
            "chart",
            "exhibit",
            "box",
            "phase",
            "level",
            "tier",
            "step",
        }
    )


def mark_plain_markers(text: str) -> str:
    """Plain text with a notes list but no superscripts: its markers, in sequence, as superscripts.

    An export without page markers still glues its note numbers to words and full stops
    ("the daily health standard.1 This report"); read in sequence up to the number of notes
    listed, as a print export's are, each becomes a superscript. The notes list is unchanged.
    """
    raw = text.split("\n")
    lines = [_Line(line, k, "") for k, line in enumerate(raw) if line.strip()]
    body, notes = _endnotes(lines)
    if not notes:
        body, notes = _bracket_endnotes(lines)
    # a list numbered "[1]" is cited by "[1]" markers: a plain digit in the body is a number
    bracketed = bool(notes) and all(note.text.startswith("[") for note in notes)
    if not notes or any(superscript(str(n)) in line.text for line in body for n in range(1, 10)):
        return text
    markers = _Markers(len(notes), plain=not bracketed)
    out = list(raw)
    previous: int | None = None  # the last body line, if the one before this had text
    for line in body:
        after_text = previous is not None and previous == line.number - 1
        converted, moved = markers.convert(line.text, after_text)
        if moved and previous is not None:
            out[previous] = out[previous].rstrip() + moved
        out[line.number] = converted
        previous = line.number
    return "\n".join(out)


def read_print_export(text: str) -> tuple[list[Block], DocumentMeta]:
    """Cut a print export into blocks (notes block last) and the cover's metadata."""
    pages = _pages(text)
    running = _drop_furniture(pages)
    _drop_back_matter(pages)
    meta = _cover(pages)
    if meta.title is None:
        meta = _title_from_running(pages, running)
    lines = [line for _, page_lines in pages for line in page_lines]
    lines, notes = _endnotes(lines)
    if not notes:
        lines, notes = _page_notes(lines)
    numbered = len(notes)  # symbol notes ("*", "†") carry their markers as superscripts
    if not notes:
        lines, notes = _symbol_notes(lines)
    lines, meta = _cut_signature(lines, meta)
    lines = _repair(_drop_tables(_table_rows(lines)))
    markers = _Markers(numbered)
    marked: list[_Line] = []
    for line in lines:
        converted, moved = markers.convert(line.text, bool(marked))
        if moved and marked:
            marked[-1] = _Line(
                marked[-1].text.rstrip() + moved, marked[-1].number, marked[-1].page, marked[-1].gap
            )
        if converted.strip():
            marked.append(replace(line, text=converted))
    blocks = _blocks(marked)
    if notes:
        blocks.append(Block("notes", tuple(notes)))
    return blocks, meta


def _symbol_notes(lines: list[_Line]) -> tuple[list[_Line], list[SourceLine]]:
    """Notes marked "*", "†": their lines out of the text, their markers superscripts."""
    found = symbol_notes(lines)
    if not found:
        return lines, []
    out = list(lines)
    for note in sorted(found, key=lambda n: (n.marker_line, -n.marker_start)):
        line = out[note.marker_line]
        text = line.text[: note.marker_start] + superscript(str(note.number))
        out[note.marker_line] = _Line(
            text + line.text[note.marker_end :], line.number, line.page, line.gap
        )
    gone = {k for note in found for k in note.lines}
    firsts = [lines[note.lines[0]] for note in found]
    notes = [
        SourceLine(f"{note.number} {note.text}", first.number, first.page)
        for note, first in zip(found, firsts, strict=True)
    ]
    return [line for k, line in enumerate(out) if k not in gone], notes


def _cut_signature(lines: list[_Line], meta: DocumentMeta) -> tuple[list[_Line], DocumentMeta]:
    """The text without its closing signature block; the signer the author if none is known."""
    start = max((k for k, line in enumerate(lines) if line.gap), default=0)
    signed = closing_signature([line.text for line in lines[start:]]) if start else None
    if signed is None:
        return lines, meta
    return lines[:start], replace(
        meta, authors=meta.authors or (signed.signer,), date=meta.date or signed.date
    )


def _table_rows(lines: list[_Line]) -> list[_Line]:
    """A space-aligned table's rows as sentences of their own, its header line out."""
    rows = aligned_rows([line.text for line in lines], [line.gap for line in lines])
    if not rows:
        return lines
    return [
        _Line(rows[k], line.number, line.page, True, row=True) if k in rows else line
        for k, line in enumerate(lines)
        if rows.get(k, True)
    ]


def _drop_tables(lines: list[_Line]) -> list[_Line]:
    """A "Table N: title" line stays (a caption); the cells flattened after it go."""
    out: list[_Line] = []
    k = 0
    width = _width(lines)
    while k < len(lines):
        line = lines[k]
        out.append(line)
        k += 1
        if _TABLE_LABEL.match(line.text) and len(line.text) < 0.8 * width:
            j = k
            while j < len(lines) and len(lines[j].text) < 0.6 * width and not lines[j].row:
                j += 1
            if j - k >= 4:
                k = j
    return out


def _width(lines: list[_Line]) -> float:
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    return float(lengths[len(lengths) * 3 // 4]) if lengths else 80.0


def _blocks(lines: list[_Line]) -> list[Block]:
    """Group lines into paragraphs, headings and captions."""
    from bot.core.ingest.layout import heading_shape  # layout builds on formats, as we do

    width = _width(lines)
    blocks: list[Block] = []
    run: list[SourceLine] = []
    roman = 0
    sections = 0  # arabic-numbered headings seen ("1. Summary", "2. …")

    def flush() -> None:
        if run:
            blocks.append(Block("paragraph", tuple(run)))
            run.clear()

    k = 0
    while k < len(lines):
        line = lines[k]
        text = line.text.strip()
        source = SourceLine(text, line.number, line.page)
        arabic = re.match(r"^(\d{1,2})\.\s+[A-Z]", text)
        if line.row:  # a table row: a sentence of its own, never a heading
            flush()
            blocks.append(Block("paragraph", (source,)))
            k += 1
            continue
        if (
            arabic
            and int(arabic.group(1)) == sections + 1
            and _heading_line(text)
            and (line.gap or not run or _END.search(run[-1].text))
        ):
            flush()
            sections += 1
            blocks.append(Block("heading", (source,)))
            k += 1
            continue
        numbered = re.match(r"^([IVX]{1,4})\.\s+\S", text)
        if (
            numbered
            and roman < len(_ROMAN)
            and numbered.group(1) == _ROMAN[roman]
            and len(text) <= 1.2 * width
        ):
            flush()
            end = _heading_end(text, len(numbered.group(1)) + 2)
            if end is not None:  # the heading runs into the first sentence on its line
                roman += 1
                blocks.append(
                    Block("heading", (SourceLine(text[:end].strip(), line.number, line.page),))
                )
                lines[k] = _Line(text[end:], line.number, line.page)
                continue
            heading = [text]
            j = k + 1
            while (
                j < len(lines)
                and len(lines[j - 1].text) >= 0.75 * width
                and len(" ".join(heading).split()) < 25
            ):
                heading.append(lines[j].text.strip())
                j += 1
            roman += 1
            blocks.append(
                Block("heading", (SourceLine(" ".join(heading), line.number, line.page),))
            )
            k = j
            continue
        if _is_caps_heading(text):
            flush()
            heading = [text]
            while k + 1 < len(lines) and _is_caps_heading(lines[k + 1].text.strip()):
                k += 1
                heading.append(lines[k].text.strip())
            blocks.append(
                Block("heading", (SourceLine(" ".join(heading), line.number, line.page),))
            )
            k += 1
            continue
        if _TABLE_LABEL.match(text) and len(text) < 0.8 * width:
            flush()
            blocks.append(Block("image", (source,)))
            k += 1
            continue
        wide_before = bool(run) and len(run[-1].text) > width * 1.15
        if _CAPTION_CREDIT.search(text) and (len(text) > width * 1.15 or wide_before):
            start = len(run)
            while (
                start > 0
                and not _END.search(run[start - 1].text)
                and len(run[start - 1].text) > width * 1.15
            ):
                start -= 1
            caption = [*run[start:], source]
            del run[start:]
            flush()
            blocks.append(Block("image", tuple(caption)))
            k += 1
            continue
        if _CREDIT_LINE.search(text):
            # a caption's credit ends its block: it never runs into the next paragraph
            start = len(run)
            while start > 0 and not _END.search(run[start - 1].text):
                start -= 1
            credit = [source]
            if k + 1 < len(lines) and _CREDIT_WRAPS.search(text):
                k += 1
                credit.append(SourceLine(lines[k].text.strip(), lines[k].number, lines[k].page))
            if len(run) - start <= _CAPTION_MAX_LINES:
                caption = [*run[start:], *credit]
                del run[start:]
                flush()
                blocks.append(Block("image", tuple(caption)))
            else:  # no caption's shape: the credit still closes the paragraph it ends
                run.extend(credit)
                flush()
            k += 1
            continue
        if (
            len(text) < 0.6 * width
            and (_DATE_ALONE.match(text) or re.match(r"^(?:by|von|par)\s+[^\W\d_]", text, re.I))
            and not _END.search(text)
        ):
            flush()  # a byline or a dateline is a line of its own (the header step reads it)
            blocks.append(Block("paragraph", (source,)))
            k += 1
            continue
        prev_end = not run or _END.search(run[-1].text) is not None
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        alone = line.gap and (k + 1 >= len(lines) or lines[k + 1].gap)
        if alone and not _END.search(text) and len(text) < 0.6 * width:
            # a line standing alone between blank lines: a heading, a byline or a dateline,
            # never the first half of a paragraph the layout should join to the next one
            flush()
            titled = (
                heading_shape(text)
                or (text[:1].isupper() and len(text.split()) <= 10 and text[-1:] not in ",;:-")
            ) and not _DATE_ALONE.match(text)
            if titled and not re.match(r"^(?:by|von|par)\s", text, re.I):
                blocks.append(Block("heading", (source,)))
            else:
                blocks.append(Block("paragraph", (source,)))
            k += 1
            continue
        if (
            prev_end
            and len(text) < 0.6 * width
            and heading_shape(text)
            and not _DATE_ALONE.match(text)
            and not re.match(r"^(?:by|von|par)\s", text, re.I)
            and len(text.split()) <= 8
            and nxt[:1].isupper()
        ):
            flush()
            blocks.append(Block("heading", (source,)))
            k += 1
            continue
        if len(text) > 4 * width:  # a page the export wrote as one line: split its headings
            flush()
            found = _split_inline_headings(source, roman)
            blocks.extend(found)
            roman += sum(1 for b in found if b.kind == "heading")
            k += 1
            continue
        if line.gap:
            flush()
        run.append(source)
        if _END.search(text) and len(text) < 0.8 * width:
            flush()
        k += 1
    flush()
    return blocks


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(text.split()) >= 1
        and len(letters) >= 4
        and len(text) <= 70
        and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
        and not _END.search(text)
        and not re.search(r"\d", text)
    )


def _split_inline_headings(line: SourceLine, roman: int) -> list[Block]:
    """Numbered headings in sequence inside a long line become heading blocks.

    "… execution.⁴ III. AI chips supply chains are … concentrated The semiconductor …".
    """
    text = line.text
    blocks: list[Block] = []
    at = 0
    for match in _ROMAN_AT.finditer(text):
        if roman >= len(_ROMAN) or match.group(1) != _ROMAN[roman]:
            continue
        end = _heading_end(text, match.end())
        if end is None:
            continue
        if text[at : match.start()].strip():
            blocks.append(
                Block(
                    "paragraph",
                    (SourceLine(text[at : match.start()].strip(), line.number, line.page),),
                )
            )
        blocks.append(
            Block(
                "heading", (SourceLine(text[match.start() : end].strip(), line.number, line.page),)
            )
        )
        at = end
        roman += 1
    if text[at:].strip():
        blocks.append(Block("paragraph", (SourceLine(text[at:].strip(), line.number, line.page),)))
    return blocks


def _heading_end(text: str, start: int) -> int | None:
    """Where a heading run into its first sentence ends.

    Before a sentence-starting word, or at the last change from a lower-case word to a
    capitalised one within 15 words.
    """
    words = list(re.finditer(r"\S+", text[start : start + 400]))
    last: int | None = None
    for k, word in enumerate(words[:16]):
        if k < 1:
            continue
        token = word.group(0)
        if token in _SENTENCE_STARTERS:
            return start + word.start()
        prev = words[k - 1].group(0)
        if token[:1].isupper() and prev[:1].islower() and prev.isalpha():
            last = start + word.start()
    return last
