"""What a title page prints besides its title, authors, date and publisher.

The series line names the document's place in a numbered series ("Working Paper No. 14",
"Discussion Paper 7", "Policy Brief No. 3", "IFS Working Paper W24/05"): a short line, or a
part of one between separators, that ends in a kind of document and its number; on a cover,
a line that is only the report's code ("R12345") too, or that code as a part of a running
head or foot ("Service | R48211 | 2") on every page. It is metadata, not a section. The
contact line gives an author's address ("Correspondence:", "Contact:", "E-mail:",
"Corresponding author:"): it runs from its label to the end of its lines and is no sentence of
the text. The author block names each author with an affiliation
("Dr Ann Lee, Institute for X", "Ann Lee (University of Y)", or the names over the
affiliation's or the role's own line, "Analyst in Energy Policy"; or each "Name, Role",
"Marisol Ekwueme, Head of Programmes"): the names are the authors, the affiliations and roles
are neither authors nor text. Under a label of its own ("Prepared by", "Authors") a line of
names is the authors' even without an affiliation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.contact_details import PHONE, WEB
from bot.core.ingest.metadata import is_role, parse_byline
from bot.core.ingest.organisations import headed
from bot.core.ingest.pdf.index_terms import is_terms_line
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.prepared_by import PREPARED, RESEARCHED, WRITTEN, either
from bot.core.ingest.sentences import SUPERSCRIPTS

_KIND = (
    r"(?:paper|brief|briefing|report|note|series|study|memo(?:randum)?|bulletin|commentary|"
    r"analysis|insight|review|monograph)"
)
DOCUMENT_KIND = re.compile(_KIND, re.I)
# "Working Paper No. 14", "Policy Brief 3", "Report 2024/05", "Paper Series, No. 12", "Note #7":
# capitalised words, a kind of document, then its number
_SERIES = re.compile(
    r"^(?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|on|and|the|in)\s+)?){0,6}"
    rf"(?=[A-Z])(?i:{_KIND}),?\s+(?i:(?:no\.?|nr\.?|number|#)\s*)?"
    r"(?:[A-Z]{1,4}[/-]?)?\d{1,4}(?:[/.-]\d{1,4}){0,2}[a-z]?$"
)
# a date after a series name and a comma: "Working Paper 24/07, September 2024"
_DATE_AFTER = re.compile(r",\s+((?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4})$")
# a report's number printed alone on its cover: "R12345", "RL33456", "GAO-24-106"
_REPORT_NUMBER = re.compile(r"^[A-Z]{1,5}(?:\d{4,6}|(?:-\d{2,6}){1,2})[a-z]?$")
# a paper's number in a parliament's or office's series, opening a running line: "HC 412",
# "HL 57", "Cm 1024" (a year is no such number)
_PAPER_NUMBER = re.compile(r"^((?:[A-Z]{2,3}|Cm|Cmd|Cmnd)\s(?!(?:19|20)\d\d\b)\d{1,4})(?=\s|$)")
# what parts a title page's line: "Centre | Brief No. 7 | March 2025", "Institute · Report 12"
SEPARATORS = re.compile(r"\s+[|·•–—/-]\s+|\s*;\s+")

_LABEL = (
    r"(?:(?:(?:address\s+for\s+)?correspondence(?:\s+address)?|corresponding\s+authors?|"
    r"contact(?:\s+(?:details|information|author))?|"
    r"(?:authors?['’]?\s+)?e-?mail(?:\s+address(?:es)?)?|tel(?:ephone)?\.?|"
    r"phone)\s*:|correspondence\s+(?:(?:should\s+be\s+)?(?:addressed|sent)\s+)?to|"
    r"corresponding\s+authors?\.)"
)
_CONTACT = re.compile(rf"(?:^|(?<=[.!?)”’\"]\s))[*†‡•]?\s*{_LABEL}\s*\S", re.I)
# a correspondence label says what follows; "Contact:", "Email:" or "Correspondence to" must
# show an address
# a footnote's symbol before its text ("•" is how a "*" set apart from its line is read)
_NOTE_MARK = re.compile(r"^\s*[*†‡•]\s*")
_SURE = re.compile(r"^[*†‡•]?\s*(?:address\s+for\s+)?correspond\w*(?:\s+authors?)?\s*[:.]", re.I)
_ADDRESS = re.compile(rf"\S@\S+\.\w|{WEB}|{PHONE}")


def series_name(text: str) -> str | None:
    """The series a line names ("Working Paper No. 14"), or None when it names none.

    The line may hold other parts between separators ("Briefing Paper 7 | March 2024"), or
    the date after a comma ("Working Paper 24/07, September 2024").
    """
    for part in SEPARATORS.split(text.strip()):
        part = " ".join(part.split())
        part = part[: dated.start()] if (dated := _DATE_AFTER.search(part)) else part
        if _SERIES.match(part):
            return part
    return None


def series_date(text: str) -> str | None:
    """The date printed after a series name and a comma ("Working Paper 24/07, May 2024")."""
    dated = _DATE_AFTER.search(text.strip())
    if dated and series_name(text[: dated.start()]):
        return dated.group(1)
    return None


def is_prose(line: Line, body_size: float) -> bool:
    """Whether a line reads as running text: body type, mostly words in lower case."""
    words = line.text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (
        len(words) >= 6
        and abs(line.size - body_size) <= 0.15 * body_size
        and 2 * lower >= len(words)
    )


def series_line(
    lines: Sequence[Line], body_size: float, *, cover: bool
) -> tuple[str | None, Line | None]:
    """The series a first page prints, and its line.

    On a cover any line may print it, else only one above the first prose (a section's number
    stands before its name, never after a kind of document). A line in display type is the
    title's, not a series line. A cover's line that is only a code of capitals and digits
    ("R12345") is the report's number in its publisher's series.
    """
    for line in lines:
        if not cover and is_prose(line, body_size):
            break
        if line.size >= 1.25 * body_size:
            continue
        text = line.text.strip()
        name = text if cover and _REPORT_NUMBER.match(text) else series_name(text)
        if name is not None:
            return name, line
    return None, None


def running_series(running: Sequence[str]) -> str | None:
    """The report's number a running line prints on several pages, or None.

    A part between separators of a running head or foot ("Service | R48211 | 2") that is a
    report's code of capitals and at least four digits, or that opens with a paper's number in
    its series ("HC 412  Session 2025-26"), printed on two pages or more.
    """
    counts: dict[str, int] = {}
    for text in running:
        for part in set(SEPARATORS.split(text.strip())):
            part = part.strip()
            paper = _PAPER_NUMBER.match(part)
            if paper is not None:
                part = paper.group(1)
            elif not (_REPORT_NUMBER.match(part) and sum(c.isdigit() for c in part) >= 4):
                continue
            counts[part] = counts.get(part, 0) + 1
    found = [part for part, count in counts.items() if count >= 2]
    return found[0] if len(found) == 1 else None


def cut_contacts(
    columns: list[list[Line]], marked: list[list[Line]] | None = None
) -> list[list[Line]]:
    """The columns without contact statements.

    A statement runs from a contact label that opens a line or follows a sentence, over the
    lines that go on with it (same type, close below, the one before unfinished). One that
    opens with a note's symbol ("* Corresponding author: …", the mark an author's name
    carries) is that footnote: its lines go to `marked`, the symbol taken off.
    """
    kept: list[list[Line]] = []
    for col in columns:
        out: list[Line] = []
        k = 0
        while k < len(col):
            line = col[k]
            match = _CONTACT.search(line.text)
            if (
                match is not None
                and match.start() == 0
                and out
                and _goes_on_text(out[-1], line)
                and not is_terms_line(out[-1].text)  # a keyword list ends without a stop
            ):
                match = None  # the label opens a line, not a statement ("...; email: x@y")
            if match is None:
                out.append(line)
                k += 1
                continue
            run, statement = [line], line.text[match.start() :]
            while k + len(run) < len(col) and _goes_on(run[-1], col[k + len(run)], statement):
                statement += " " + col[k + len(run)].text
                run.append(col[k + len(run)])
            if not (_SURE.match(statement.lstrip()) or _ADDRESS.search(statement)):
                out.append(line)
                k += 1
                continue
            before = line.text[: match.start()].rstrip()
            if before:
                out.append(replace(line, text=before))
            elif marked is not None and _NOTE_MARK.match(line.text):
                marked.append([replace(line, text=_NOTE_MARK.sub("", line.text)), *run[1:]])
            k += len(run)
        if out:
            kept.append(out)
    return kept


def _goes_on_text(prev: Line, line: Line) -> bool:
    """Whether a line carries on the sentence of the line above it."""
    return (
        abs(line.size - prev.size) < 0.3
        and 0 < prev.base - line.base < 1.8 * max(prev.size, 1.0)
        and not prev.text.rstrip().endswith((".", "!", "?", ":"))
    )


def _goes_on(prev: Line, line: Line, statement: str) -> bool:
    """Whether a line carries on a contact statement.

    It stands close below in the same type, after a line that leaves the statement unfinished
    (no address yet, or a trailing comma or "and").
    """
    text = prev.text.rstrip()
    unfinished = text.endswith((",", ";", "&", "-")) or text.endswith(" and")
    return (
        abs(line.size - prev.size) < 0.3
        and 0 < prev.base - line.base < 1.8 * max(prev.size, 1.0)
        and (unfinished or not (_ADDRESS.search(statement) or text.endswith((".", "!", "?"))))
        and not _CONTACT.search(line.text)
    )


# an affiliation's note marker before it ("¹ Institute", "1 University", "* Centre") or after a name
_MARKS = rf"[{SUPERSCRIPTS}*†‡§]+|\d(?=\s*[A-Z])"
_LEADING_MARK = re.compile(rf"^(?:{_MARKS})\s*")
_TRAILING_MARKS = re.compile(rf"[\s{SUPERSCRIPTS}*†‡§,]+$|(?<=[a-z])\d(?:,\d)*$")
# a name's own marks inside a line of names ("Ann Lee¹*, Bo Ng² and Cy Po¹")
_NAME_MARKS = re.compile(rf"(?<=[^\W\d_])[{SUPERSCRIPTS}*†‡§]+(?=[\s,;]|$)")
_BRACKETED = re.compile(r"\s*([^()]+?)\s*\(([^()]+)\)\s*(?:,|;|\band\b|&)?")
_PARTS = re.compile(r"\s*,\s*|\s+[|·•–—]\s+|\s*;\s+")
_MAX_AFFILIATION_WORDS = 12
# a line that only says the names under it are the authors': "Prepared by", "Authors:"
_AUTHORS_LABEL = re.compile(
    rf"^(?:{either(PREPARED, WRITTEN, RESEARCHED)}(?:\s+and\s+\w+)?\s+by|authors?|"
    r"authored\s+by|by)\s*:?$",
    re.I,
)


def affiliated_authors(
    lines: Sequence[Line], body_size: float
) -> tuple[tuple[str, ...], list[Line]]:
    """The authors a title page prints with their affiliations, and the lines that print them.

    The block stands under the title, above the first prose, in type smaller than display,
    one line an author or a few: names then an affiliation after a comma, a bar or a dash, or
    in brackets; or a line of names over a line or two that are only affiliations. A line of
    names with no affiliation is not read here: a title page's short capitalised lines (a
    series, a place) read as names too.
    """
    names: list[str] = []
    used: list[Line] = []
    waiting: list[tuple[Line, tuple[str, ...]]] = []  # name lines over the next affiliation
    label: Line | None = None  # a "Prepared by" line right above
    k = 0
    while k < len(lines):
        line = lines[k]
        if is_prose(line, body_size) or line.size >= 1.25 * body_size or line.bullet:
            break
        if not names and _AUTHORS_LABEL.match(line.text.strip()):
            label, waiting = line, []
            k += 1
            continue
        entry = _authors_with_affiliation(line.text)
        below = _affiliation_lines(lines, k) if entry is None else []
        stacked = _names(line.text) if entry is None else None
        if label is not None and (entry or stacked) and not below and _beside(label, line):
            # a name line under "Prepared by" (or the one above it): no affiliation needed
            if not any(ln is label for ln in used):
                used.append(label)
            names.extend(entry or stacked or ())
            used.append(line)
            label = line
            k += 1
            continue
        if entry is None and not below:
            if stacked is not None and (not waiting or _beside(waiting[-1][0], line)):
                waiting.append((line, stacked))  # "Ann Lee" / "Bo Ng" / "Institute"
            elif names:
                break  # the block has ended
            else:
                waiting = []
            k += 1
            continue
        if waiting and _beside(waiting[-1][0], line):
            for early, early_names in waiting:
                names.extend(early_names)
                used.append(early)
        waiting = []
        names.extend(entry or stacked or ())
        used.extend([line, *below])
        k += 1 + len(below)
    return tuple(dict.fromkeys(names)), used


def cover_names(
    lines: Sequence[Line], header: Sequence[Line], common: frozenset[str]
) -> tuple[tuple[str, ...], Line | None]:
    """The authors a cover prints on the line right under its title block, and that line.

    A cover's line listing two names or more ("Ann Lee and Bo Ng"), under the title or
    subtitle, in type no larger than theirs, is its byline: every part a person's name, no word
    of it one the document writes in lower case (a place or a topic: "Coastal Towns"), no
    organisation. One name alone is not read: a cover's short line ("Harbour Road") reads as a
    name too.
    """
    ids = {id(ln) for ln in header}
    placed = [k for k, ln in enumerate(lines) if id(ln) in ids]
    if not placed or placed[-1] + 1 >= len(lines):
        return (), None
    line, above = lines[placed[-1] + 1], lines[placed[-1]]
    if line.size > above.size + 0.5 or line.bullet:
        return (), None
    names = _names(line.text.strip())
    words = {w.lower() for name in names or () for w in re.findall(r"[^\W\d_]+", name)}
    if not names or len(names) < 2 or words & common:
        return (), None
    return names, line


def opens_author_block(lines: Sequence[Line], k: int) -> bool:
    """Whether line k names authors with an affiliation, on it or on the lines below it."""
    text = lines[k].text
    if _authors_with_affiliation(text) is not None:
        return True
    return _names(text) is not None and bool(_affiliation_lines(lines, k))


def _beside(above: Line, line: Line) -> bool:
    """Whether two lines of an author block go together: one type, on one baseline or close."""
    return abs(above.size - line.size) < 0.5 and -0.5 < above.base - line.base < 2.2 * max(
        above.size, 1.0
    )


def _names(text: str) -> tuple[str, ...] | None:
    """The names a byline part gives ("Dr Ann Lee", "Ann Lee and Bo Ng").

    None is an organisation or a kind of document ("Working Paper Series").
    """
    found = parse_byline(_TRAILING_MARKS.sub("", _NAME_MARKS.sub("", text)))
    if not found:
        return None
    found = tuple(_TRAILING_MARKS.sub("", n) for n in found)
    for name in found:
        words = name.split()
        if headed(words) or any(DOCUMENT_KIND.fullmatch(w) for w in words):
            return None
    return found


def _is_affiliation(text: str) -> bool:
    """Whether text names an affiliation: some part of it reads as an organisation."""
    text = _LEADING_MARK.sub("", text.strip())
    for part in _PARTS.split(text):
        words = part.split()
        if 1 <= len(words) <= _MAX_AFFILIATION_WORDS and part[:1].isupper() and headed(words):
            return True
    return False


def _authors_with_affiliation(text: str) -> tuple[str, ...] | None:
    """The names of a line "Names, Affiliation" or "Name (Affiliation) and Name (Affiliation)"."""
    text = re.sub(r"^\s*by\s+", "", text.strip(), flags=re.I)
    bracketed = list(_BRACKETED.finditer(text))
    if bracketed and "".join(m.group(0) for m in bracketed).strip() == text.strip():
        out: list[str] = []
        for match in bracketed:
            names = _names(match.group(1))
            if names is None or not _is_affiliation(match.group(2)):
                return None
            out.extend(names)
        return tuple(out)
    # the parts up to the last that joins names with "and" are the names ("Ann Lee, Bo Ng and
    # Cy Po, Institute"); a part after them is a role or the affiliation ("Senior Fellow")
    cuts = [0, *(m.end() for m in _PARTS.finditer(text))]
    found: list[tuple[str, ...]] = []
    joined: list[int] = []  # the parts that close a list of names
    for k, at in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(text)
        part = (_PARTS.sub("", text[at:end]) if k + 1 < len(cuts) else text[at:]).strip()
        names = _names(re.sub(r"^(?:and|&)\s+", "", part))
        if names is None:
            break
        found.append(names)
        if k == 0 or len(names) > 1 or re.match(r"(?:and|&)\s", part):
            joined.append(k)
    last = max(joined, default=-1)
    if last < 0 or last + 1 >= len(cuts):
        return None
    rest = text[cuts[last + 1] :]
    if not (_is_affiliation(rest) or is_role(rest)):
        return None
    return tuple(n for names in found[: last + 1] for n in names)


def _affiliation_lines(lines: Sequence[Line], k: int) -> list[Line]:
    """The lines under line k that are only affiliations or roles, close below in one type.

    Up to 3: "Institute for X", "Analyst in Energy Policy" (a role reads as a name too:
    "Senior Fellow", so it is told first).
    """
    out: list[Line] = []
    prev = lines[k]
    for line in lines[k + 1 : k + 4]:
        close = 0 < prev.base - line.base < 2.2 * max(prev.size, 1.0)
        if not close or line.size > lines[k].size + 0.5:
            break
        if not is_role(line.text) and (
            not _is_affiliation(line.text)
            or _names(line.text) is not None
            or _authors_with_affiliation(line.text) is not None
        ):
            break  # text, or the next author
        out.append(line)
        prev = line
    return out
