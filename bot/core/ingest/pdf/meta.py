"""PDF metadata: title, subtitle, authors and date from the document info and the first page.

The printed title is the largest type on the first page with text; the document info's Title
wins when it says the same words (it keeps the case an all-capitals cover lost) or when the
page shows no display type. The subtitle is the run of a few lines in one larger or bold type
under the title; the byline under it (or glued to its end in another type) is taken with it.
Authors come from the info's Author field when each part reads as a name, else from the byline
or the names of an author block with affiliations (titlepage). The date is the
first line of the first page that is only a date (or holds one between separators, "Policy
Brief No. 3 | May 2024"), else the info's creation date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.ingest.metadata import is_name, is_role, parse_byline
from bot.core.ingest.pdf.key_facts import is_big_figure
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.titlepage import (
    SEPARATORS,
    affiliated_authors,
    is_prose,
    opens_author_block,
    series_date,
)
from bot.core.ingest.prepared_by import PREPARED, RESEARCHED, WRITTEN, either

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I), "my"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
)
# a weekday, or a label that says the date is the document's own ("Release date: 12 March
# 2025", "Date of publication:"); "Next release: …" names another issue's date and stays
_WEEKDAY = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|updated|revised|"
    r"(?:first\s+)?(?:published|issued|released)(?:\s+on)?|dated|as of|"
    r"(?:(?:release|publication|issue)\s+)?date(?:\s+of\s+(?:release|publication|issue))?)"
    r"\s*:?\s*",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_BY = re.compile(r"^\s*(?:by|authors?:|written\s+by:?)\s+\S", re.I)  # "By", "Authors:"
# a working paper's "Prepared by A and B" (also "Compiled and written by"): the names follow
_PREPARED = re.compile(
    rf"^\s*{either(PREPARED, RESEARCHED)}(?:\s+and\s+{either(WRITTEN, 'edited')})?\s+by:?\s+(?=\S)",
    re.I,
)
_BAD_TITLE = re.compile(r"\.(?:docx?|pdf|wpd|indd|tex)\b|^microsoft\b|^untitled\b", re.I)


@dataclass(frozen=True, slots=True)
class PrintedHeader:
    """What the first page's display type says, and which lines said it."""

    title: str | None
    subtitle: str | None
    date: str | None
    lines: tuple[Line, ...]
    authors: tuple[str, ...] = ()
    date_line: Line | None = None  # one of `lines`; it may name more than the date


_TYPED_TITLE_WORDS = 12


def _month(word: str) -> int:
    word = word.lower()[:3]
    return next(k for k, m in enumerate(_MONTHS, start=1) if m.startswith(word))


def iso_date(text: str, *, whole: bool = False) -> str | None:
    """The ISO form of the first date in text; with `whole`, only if the text is just a date."""
    body = _WEEKDAY.sub("", text.strip())
    for pattern, shape in _DATE_PATTERNS:
        match = pattern.search(body)
        if not match:
            continue
        if whole and len(body) - len(match.group(0)) > 3:
            return None
        groups = match.groups()
        if shape == "mdy":
            return f"{groups[2]}-{_month(groups[0]):02d}-{int(groups[1]):02d}"
        if shape == "dmy":
            return f"{groups[2]}-{_month(groups[1]):02d}-{int(groups[0]):02d}"
        if shape == "my":
            return f"{groups[1]}-{_month(groups[0]):02d}"
        return f"{groups[0]}-{groups[1]}-{groups[2]}"
    return None


def line_date(text: str) -> str | None:
    """The date a line is, or one of its parts between separators ("Brief 3 | May 2024").

    A date after a series name and a comma counts too ("Working Paper 24/07, May 2024").
    """
    parts = [text, *SEPARATORS.split(text)] if SEPARATORS.search(text) else [text]
    parts += [d for d in map(series_date, parts) if d]
    return next((d for d in (iso_date(p, whole=True) for p in parts) if d), None)


def info_date(value: str | None) -> str | None:
    """An info dictionary date ("D:20200806095125Z") as ISO; None if absent or blank."""
    match = re.match(r"^D:(\d{4})(\d{2})?(\d{2})?", value or "")
    if not match or match.group(1) == "0000":
        return None
    parts = [p for p in match.groups() if p]
    return "-".join(parts)


def info_authors(value: str | None) -> tuple[str, ...]:
    """Author names from the info's Author field, if every part reads as a name."""
    names = tuple(p.strip() for p in _NAME_SPLIT.split(value or "") if p.strip())
    return names if names and all(is_name(n) for n in names) else ()


def info_title(value: str | None) -> str | None:
    """The info's Title, unless it is empty or a file or program name."""
    text = (value or "").strip()
    if len(text.split()) < 2 or _BAD_TITLE.search(text):
        return None
    return text


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _title_lines(lines: Sequence[Line], stated: str | None, body_size: float) -> list[int]:
    """Where the stated title is printed: the run of lines that spell its words.

    A printed title in display type that starts with the stated one and goes on ("Cold
    Chains: Keeping Vaccines Cold") is the full title the info field shortened.
    """
    want = _words(stated or "")
    if not want:
        return []
    for start in range(len(lines)):
        got: list[str] = []
        for end in range(start, min(start + 4, len(lines))):
            got += _words(lines[end].text)
            if got == want:
                return list(range(start, end + 1))
            display = lines[start].size >= 1.25 * body_size or lines[start].bold
            if display and len(got) > len(want) and got[: len(want)] == want:
                run = end + 1
                while (
                    run < len(lines)
                    and abs(lines[run].size - lines[start].size) < 0.5
                    and lines[run - 1].base - lines[run].base < 2 * lines[start].size
                ):
                    run += 1
                return list(range(start, run))
            if want[: len(got)] != got:
                break
    return []


def _is_masthead(line: Line, running: Sequence[str]) -> bool:
    """Whether display type is a masthead: the publication or its section, not a title.

    "Proposed Rules" atop a first page whose later pages' running header ends "/ Proposed Rules".
    """
    words = _words(line.text)
    if not 1 <= len(words) <= 4:
        return False  # a longer display line repeated on every page is a running title
    wanted = f" {' '.join(words)} "
    return any(
        len(other := _words(text)) >= 3 * len(words) and wanted in f" {' '.join(other)} "
        for text in running
    )


def _bold_run_before_body(lines: Sequence[Line], body_size: float) -> list[int]:
    """The run of bold, mixed-case lines right before the first prose line of the page."""
    for k, line in enumerate(lines):
        prose = (
            not line.bold
            and abs(line.size - body_size) < 0.6
            and len(line.text.split()) >= 3
            and not line.text.isupper()
        )
        if not prose:
            continue
        run: list[int] = []
        j = k - 1
        while j >= 0 and lines[j].bold and abs(lines[j].size - lines[k - 1].size) < 0.5:
            run.insert(0, j)
            j -= 1
        text = " ".join(lines[m].text for m in run)
        if run and len(run) <= 3 and not text.isupper() and text[:1].isalpha():
            return run
        return []
    return []


def printed_header(
    lines: Sequence[Line],
    body_size: float,
    stated: str | None = None,
    stated_authors: Sequence[str] = (),
    running: Sequence[str] = (),
) -> PrintedHeader:
    """Title (largest type, or the stated title where printed), subtitle and date of a page.

    `running` holds the running lines cut from the other pages: display type they repeat is
    the masthead; the title is then the bold heading over the first prose.
    """
    display = [  # a key fact's big figure ("GBP 11.4bn") is no title
        ln
        for ln in lines
        if ln.size >= 1.25 * body_size
        and any(c.isalpha() for c in ln.text)
        and not is_big_figure(ln, body_size)
    ]
    masthead = [ln for ln in display if _is_masthead(ln, running)]
    display = [ln for ln in display if ln not in masthead]
    date_line = next((ln for ln in lines if line_date(ln.text)), None)
    date = line_date(date_line.text) if date_line else None
    used = [date_line] if date_line else []
    used.extend(masthead)
    found = _title_lines(lines, stated, body_size)
    if not found and not stated and masthead and not display:
        found = _bold_run_before_body(lines, body_size)
    if found:
        display = [lines[k] for k in found]
    elif stated:  # the stated title is not printed
        return PrintedHeader(None, None, date, tuple(used), date_line=date_line)
    if not display:
        return PrintedHeader(None, None, date, tuple(used), date_line=date_line)
    biggest = max(ln.size for ln in display)
    start = (
        found[0]
        if found
        else next(k for k, ln in enumerate(lines) if ln.size >= biggest - 0.5 and ln in display)
    )
    title = [lines[start]]
    k = start + 1
    while (
        k < len(lines)
        and abs(lines[k].size - biggest) < 0.5
        and title[-1].base - lines[k].base < 2 * biggest
    ):
        title.append(lines[k])
        k += 1
    if found:
        title, k = [lines[m] for m in found], found[-1] + 1
    byline = _byline(lines[k].text, stated_authors) if k < len(lines) else ()
    subtitle: list[str] = []
    if byline:
        used.append(lines[k])
    else:
        subtitle, byline, k = _subtitle(lines, k, title[-1], biggest, body_size, stated_authors)
        used.extend(lines[k - len(subtitle) : k])
        if byline:
            pass  # glued to the subtitle's last line, which is used already
        elif subtitle and k < len(lines) and lines[k] is not date_line:
            byline = _byline(lines[k].text, stated_authors)
            if byline:
                used.append(lines[k])
    if not byline:
        byline, affiliated = affiliated_authors(lines[k:], body_size)
        used.extend(affiliated)
    used.extend(title)
    return PrintedHeader(
        " ".join(ln.text for ln in title).strip(),
        " ".join(subtitle).strip() or None,
        date,
        tuple(used),
        byline,
        date_line,
    )


_SUBTITLE_LINES = 3
_SUBTITLE_WORDS = 30
# a standfirst: a short paragraph in display type between the title and a "By …" line
_STANDFIRST_LINES = 5
_STANDFIRST_WORDS = 70
_TRAILING = " |·•–—-,;:/"


def _subtitle(
    lines: Sequence[Line],
    k: int,
    above: Line,
    biggest: float,
    body_size: float,
    stated_authors: Sequence[str],
) -> tuple[list[str], tuple[str, ...], int]:
    """The subtitle from line k on (its texts), a byline glued to its end, and the next line.

    The subtitle is the run of lines in one type close under the title, in larger or bold
    type, that ends where the type changes: a few lines, no sentence, no date. Its last line
    may end in a byline set in another type ("How verges carry bees  Maren Tullow"). A
    magazine's standfirst is a subtitle too, sentences and all: a short paragraph in type
    larger than the body's, with a "By …" line right under it.
    """
    texts: list[str] = []
    byline: tuple[str, ...] = ()
    j = k
    while j < len(lines) and len(texts) <= _STANDFIRST_LINES:
        line, prev = lines[j], (lines[j - 1] if j > k else above)
        if texts and (abs(line.size - lines[k].size) >= 0.5 or line.bold != lines[k].bold):
            break
        spacing = 2 * biggest if not texts else 1.8 * max(line.size, 1.0)
        if not 0 < prev.base - line.base < spacing or line_date(line.text):
            break
        if _byline(line.text, stated_authors) or opens_author_block(lines, j):
            break
        glued = _glued_byline(line, stated_authors)
        text = glued[0] if glued else line.text
        if glued is None and not texts and not (line.size >= 1.05 * body_size or line.bold):
            break
        texts.append(text)
        j += 1
        if glued:
            byline = glued[1]
            break
    words = sum(len(t.split()) for t in texts)
    standfirst = (
        bool(texts)
        and not byline
        and len(texts) <= _STANDFIRST_LINES
        and words <= _STANDFIRST_WORDS
        and lines[k].size >= 1.15 * body_size
        and j < len(lines)
        and bool(_BY.match(lines[j].text))
        and bool(_byline(lines[j].text, stated_authors))
    )
    if not standfirst and (
        not texts
        or len(texts) > _SUBTITLE_LINES
        or words > _SUBTITLE_WORDS
        or texts[-1].rstrip().endswith(".")
        or _heads_text(lines, k, j, body_size)
    ):
        return [], (), k
    return texts, byline, j


def _heads_text(lines: Sequence[Line], k: int, j: int, body_size: float) -> bool:
    """Whether the lines k..j-1 are a heading over the text ("Summary"), not a subtitle.

    A short bold line in type near the body's, with running text close under it, heads that
    text; a subtitle stands apart from it (a byline, a date or white space between).
    """
    if j - k != 1 or j >= len(lines) or _apart(lines[k], lines[j]):
        return False
    line = lines[k]
    return line.bold and line.size < 1.25 * body_size and is_prose(lines[j], body_size)


def _apart(above: Line, below: Line) -> bool:
    """Whether white space wider than a blank line stands between two lines."""
    return above.base - below.base > 2.2 * max(above.size, 1.0)


def _glued_byline(line: Line, stated_authors: Sequence[str]) -> tuple[str, tuple[str, ...]] | None:
    """A byline set at the end of a line in another type: (the text before it, its names).

    The other type (font, size or weight) starts at a word gap and runs to the line's end.
    """
    if line.bullet:
        return None
    glyphs = line.glyphs  # in reading order, as the text was written from them
    # letters carry the type: a marker, a star or a separator may be set in another
    styles = [(g.font, round(g.size * 2) / 2, g.bold) if g.char.isalpha() else None for g in glyphs]
    starts = _char_starts(line.text, [g.char for g in glyphs])
    if starts is None:
        return None
    for i in range(1, len(glyphs)):
        style = styles[i]
        before = next((s for s in reversed(styles[:i]) if s is not None), None)
        if style is None or before is None or style == before:
            continue
        if any(s is not None and s != style for s in styles[i:]):
            continue
        at = starts[i]
        if not line.text[:at].endswith(" "):
            continue
        names = _byline(line.text[at:], stated_authors)
        head = line.text[:at].rstrip(_TRAILING)
        if names and head:
            return head, names
    return None


def _char_starts(text: str, chars: Sequence[str]) -> list[int] | None:
    """Where in a line's text each glyph's characters start (spaces are no glyphs)."""
    starts: list[int] = []
    at = 0
    for char in chars:
        while text.startswith(" ", at):
            at += 1
        if not char or text[at : at + len(char)] != char:
            return None  # the text was rewritten (a superscript marker): no split
        starts.append(at)
        at += len(char)
    return starts


_CLOSING = re.compile(r"^([^,]{4,60}),\s+([A-Z][\w&’'.-]*(?:\s+[\w&’'.-]+){0,9})$")


def closing_byline(lines: Sequence[Line]) -> str | None:
    """The author of a line "Name, Role" that closes a brief ("A. Author, Specialist in X")."""
    if len(lines) != 1:
        return None
    match = _CLOSING.match(lines[0].text.strip())
    if match and is_name(match.group(1)) and not lines[0].text.rstrip().endswith("."):
        return match.group(1)
    return None


def _byline(text: str, stated_authors: Sequence[str]) -> tuple[str, ...]:
    """The names of a byline under the title: "By A and B", or names the info field lists.

    A "Prepared by A and B" line names its authors whatever the info field says.
    """
    prepared = _PREPARED.match(text)
    names = parse_byline(text[prepared.end() :] if prepared else text) or ()
    if prepared:  # "Prepared by A. J. Penhallow, Chief Transport Officer": the post is no name
        return tuple(n for n in names if not is_role(n))
    surnames = {n.split()[-1].lower() for n in stated_authors if n.split()}
    if names and (_BY.match(text) or any(n.split()[-1].lower() in surnames for n in names)):
        return names
    return ()


def prepared_line(lines: Sequence[Line]) -> tuple[Line, tuple[str, ...]] | None:
    """A title page's "Prepared by NAME, Post" line and the names it gives, if it has one.

    A typed report sets it among the title page's lines, not under the title.
    """
    for line in lines:
        text = line.text.strip()
        if _PREPARED.match(text) and not text.endswith("."):
            names = _byline(text, ())
            if names:
                return line, names
    return None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def typed_title(lines: Sequence[Line]) -> list[Line]:
    """The title of a title page typed in one type: the capitals lines over its first words.

    A typescript's title page has no display type: the issuing body's name, then the title,
    both in capitals, then "Report of the Working Party", the preparer and the date in
    ordinary case. The title is the run of capitals lines (one under the other at a line's
    step) last before the first line in ordinary case that holds no figure (a reference
    "Ref. TPU/78/114" above them holds one). Empty when there is no such run.
    """
    ordinary = next(
        (
            k
            for k, ln in enumerate(lines)
            if any(c.islower() for c in ln.text)
            and not any(c.isdigit() for c in ln.text)
            and len(ln.text.split()) >= 2
        ),
        None,
    )
    if ordinary is None:
        return []
    run: list[Line] = []
    for line in lines[:ordinary]:
        if not _capitals(line.text) or len(line.text.split()) > _TYPED_TITLE_WORDS:
            run = []
        elif run and not 0 < run[-1].base - line.base < 2.2 * max(line.size, 1.0):
            run = [line]
        else:
            run.append(line)
    return run if sum(len(ln.text.split()) for ln in run) >= 2 else []


def choose_title(printed: str | None, stated: Mapping[str, str]) -> str | None:
    """The info title when it agrees with the printed one (or nothing is printed)."""
    info = info_title(stated.get("Title"))
    if info and (
        printed is None
        or _words(info) == _words(printed)
        or set(_words(printed)) <= set(_words(info))
    ):
        return info
    if printed and printed.isupper():
        return printed.title()
    return printed or info
