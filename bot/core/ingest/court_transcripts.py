"""Court reporters' transcripts: margin line numbers, page headers, Q./A. examination.

A court's or tribunal's verbatim record numbers every line in the margin ("1" to "25" on each
page) and heads each page with its number ("Page 12", or the number alone at the right). The
numbers are furniture: they leave the text, and each line keeps the page it is printed on. A
turn starts on an indented line ("    THE COURT: …", "      Q.  …"); its wrapped lines run on
at the margin, across a page head too. Above the first numbered line stands the caption: the
court, the case name ("A LTD v. B"), the case number, the day and date, who sits ("Before:
…"), who appears, and an index of witnesses: the case name is the title, the caption's date the
date, and the caption is no text (the court's name is no author, the index no section).

In the examination of a witness ("DR. JANE ROE, sworn." / "affirmed.", then "EXAMINATION-IN-
CHIEF BY MR. SMITH:", "CROSS-EXAMINATION BY …"), "Q." is the examining counsel's and "A." and
"THE WITNESS:" the witness's; "THE COURT:" is the judge the caption names after "Before:", and
counsel's "MR. SMITH:" the one the appearances name in full ("MR. JOHN SMITH, for the …"). The
swearing line leaves the text; the examination line heads the examination as a section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine

# "12   text", " 3        Q.  text": the margin's line number, then the line
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,2})(?:\s+(\S.*))?$")
# "Page 12" or "12" alone, set off to the right or centred: the page's head
_PAGE_HEAD = re.compile(r"^\s*(?:page\s+)?(\d{1,4})\s*$", re.I)
_CASE_NAME = re.compile(r"\S\s+(?:v\.?|vs\.?)\s+\S")
_BEFORE = re.compile(
    r"^\s*before\s*:\s*(?:(?:his|her)\s+honou?r\s+|(?:the\s+)?hon(?:ou?rable|\.)?\s+)?(.+?)\s*$",
    re.I,
)
# "DR. SIMON KETTERIDGE, sworn." / "MRS. GWEN TALLIS, affirmed.": a witness takes the stand
_SWORN = re.compile(
    r"^\s*([A-Z][A-Z.'’ -]+?),\s*(?:(?:previously|being\s+first\s+duly)\s+)?"
    r"(?:sworn|affirmed|recalled)\b.*$",
    re.I,
)
# "EXAMINATION-IN-CHIEF BY MR. HALVORSEN:", "CROSS-EXAMINATION BY MS. ADEYEMI:"
_EXAMINATION = re.compile(
    r"^\s*((?:(?:re|cross|direct|redirect|recross|further)[- ]?)*examination"
    r"(?:[- ]in[- ]chief)?)\s+by\s+([A-Z][A-Za-z.'’ -]+?)\s*:?\s*$",
    re.I,
)
_QUESTION = re.compile(r"^Q\.?\s+(?=\S)")
_ANSWER = re.compile(r"^A\.?\s+(?=\S)")
_WITNESS = re.compile(r"^THE\s+WITNESS\s*:\s*")
_COURT = re.compile(r"^THE\s+(?:COURT|JUDGE|CHAIR(?:MAN|WOMAN)?|PRESIDENT)\s*:\s*")
# "MR. ERIK HALVORSEN, for the Appellant": counsel named in full in the caption's appearances
_APPEARANCE = re.compile(
    r"^\s*((?:MR|MRS|MS|MISS|DR|MX)\.?\s+[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z.'’-]*)+),\s*for\b"
)
# a turn's label written as a title and a surname: "MR. HALVORSEN:"
_TITLED_LABEL = re.compile(r"^((?:MR|MRS|MS|MISS|DR|MX)\.?)\s+([A-Z][A-Z'’-]+)\s*:")
_MIN_NUMBERED = 10
_SHARE = 0.7  # of the non-blank lines after the caption carry a margin number


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # without its margin number, indentation kept
    number: int  # 1-based line of the file
    page: str | None


def _numbered_lines(lines: Sequence[str]) -> tuple[int, list[_Line]] | None:
    """Where the numbered record starts and its lines, or None when the text is no such record.

    The margin numbers run 1, 2, 3 … and start again at 1 after a page head.
    """
    start = next(
        (k for k, raw in enumerate(lines) if (m := _NUMBERED.match(raw)) and m.group(1) == "1"),
        None,
    )
    if start is None:
        return None
    if start and _PAGE_HEAD.match(lines[start - 1]) and lines[start - 1].strip() != "1":
        start -= 1
    out: list[_Line] = []
    page: str | None = None
    previous = 0
    numbered = others = heads = 0
    headed = False
    for k in range(start, len(lines)):
        raw = lines[k]
        if not raw.strip():
            continue
        match = _NUMBERED.match(raw)
        if match and int(match.group(1)) in (previous + 1, 1):
            number = int(match.group(1))
            if number == 1 and previous and not headed:
                return None  # numbering starts again with no page head: a list, not a record
            previous, numbered, headed = number, numbered + 1, False
            if match.group(2):  # a numbered line may be blank
                out.append(_Line(raw[match.end(1) :], k + 1, page))
            continue
        head = _PAGE_HEAD.match(raw)
        if head and (raw.lstrip()[:1].isalpha() or _indent(raw) > 3):
            page, previous, headed, heads = head.group(1), 0, True, heads + 1
            continue
        others += 1
        out.append(_Line(raw, k + 1, page))
    if not heads:
        return None
    if numbered < _MIN_NUMBERED or numbered < _SHARE * (numbered + others):
        return None
    return start, out


def _caption_meta(lines: Sequence[str]) -> tuple[DocumentMeta, str | None]:
    """The caption's case name (title) and date, and the judge named after "Before:"."""
    title = next((" ".join(t.split()) for t in lines if _CASE_NAME.search(t)), None)
    date = None
    judge = None
    for raw in lines:
        before = _BEFORE.match(raw)
        if before and judge is None:
            judge = before.group(1)
        found = [f for f in find_figures(raw) if f.kind == "date"]
        if date is None and found:
            date = iso_date(found[0])
    return DocumentMeta(title=title, date=date), judge


def _in_full(label: str, people: Sequence[str]) -> str:
    """A "MR. HALVORSEN" label as the one person of that title and surname named in full."""
    match = _TITLED_LABEL.match(label)
    if not match:
        return label
    title, surname = match.group(1).rstrip(".").upper(), match.group(2)
    found = {
        person
        for person in people
        if person.split()[0].rstrip(".").upper() == title and person.split()[-1] == surname
    }
    if len(found) != 1:
        return label
    return f"{found.pop()}{label[match.end() - 1 :]}"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def read_court_transcript(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A court transcript's turns as paragraphs (pages kept, labels named) and its caption.

    None when the text carries no margin line numbers.
    """
    lines = text.split("\n")
    record = _numbered_lines(lines)
    if record is None:
        return None
    start, numbered = record
    meta, judge = _caption_meta(lines[:start])
    margin = min((_indent(line.text) for line in numbered), default=0)
    people = [m.group(1) for raw in lines[:start] if (m := _APPEARANCE.match(raw))]
    blocks: list[Block] = []
    run: list[SourceLine] = []
    witness: str | None = None
    examiner: str | None = None

    def flush() -> None:
        if run:
            blocks.append(Block("paragraph", tuple(run)))
            run.clear()

    for line in numbered:
        body = line.text.strip()
        if _indent(line.text) <= margin and run:
            run.append(SourceLine(body, line.number, line.page))
            continue
        flush()
        sworn = _SWORN.match(body)
        examination = _EXAMINATION.match(body)
        if sworn:
            witness, examiner = sworn.group(1).strip(), None
            continue
        if examination:
            examiner = _in_full(f"{examination.group(2).strip()}:", people)[:-1]
            blocks.append(Block("heading", (SourceLine(body.rstrip(":"), line.number, line.page),)))
            continue
        body = _in_full(_labelled(body, witness, examiner, judge), people)
        run.append(SourceLine(body, line.number, line.page))
    flush()
    return blocks, meta


def _labelled(body: str, witness: str | None, examiner: str | None, judge: str | None) -> str:
    """A turn's line with its Q./A./THE WITNESS:/THE COURT: label written as whose it is."""
    for pattern, person in (
        (_QUESTION, examiner),
        (_ANSWER, witness),
        (_WITNESS, witness),
        (_COURT, judge),
    ):
        match = pattern.match(body)
        if match and person:
            return f"{person}: {body[match.end() :].strip()}"
    return body
