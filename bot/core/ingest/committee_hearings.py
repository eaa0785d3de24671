"""A committee hearing as a legislature prints it: a cover, then the transcript of the day.

A printed hearing (a congressional committee's, a state legislature's) opens with a cover: the
print's number ("S. Hrg. 119-214", "Serial No. 119-12"), the title, "HEARING" (or "HEARINGS",
"JOINT HEARING") alone on its line over "BEFORE THE" and the committee, the congress and
session, the date, "Printed for the use of …"; then a list of contents and witnesses with dot
leaders and page numbers, the title again and the sitting's place. None of it is text: the title
is the lines over "HEARING", the date the first date line. The record starts where the committee
meets ("The subcommittee met, pursuant to notice, …"), or at the first statement heading or
speaker's turn. Centred lines standing alone ("STATEMENT OF RENATA ALVAREZ, COMMISSIONER, …",
wrapped over two lines) are headings; each turn's first line is indented ("    Mr. PIKE. …")
and its other lines are not, so an indented line starts a paragraph even with no blank line
before it. Who speaks under a statement heading is read in `transcripts` (`statement_floors`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine
from bot.core.ingest.organisations import title_case

_COVER_MARK = re.compile(r"^(?:JOINT\s+)?HEARINGS?$")
_BEFORE = re.compile(r"^BEFORE(?:\s+THE)?$")
_COVER_WITHIN = 30  # the cover's "HEARING" stands among the first filled lines
_RULE = re.compile(r"^[=_\-*~. ]{3,}$")
_PRINT_NUMBER = re.compile(
    r"^\[?(?:[SH]\.\s*(?:Hrg|Rept|Prt)\.|Serial\s+No\.|[A-Z][A-Z.]{1,12}\s+No\.)\s*[\w-]+\]?$",
    re.I,
)
_CONVENED = re.compile(
    r"^(?:The\s+)?(?:(?:sub)?committees?|joint\s+committee|panel|commission)\s+met\b", re.I
)
_TURN = re.compile(
    r"^(?:Senator|Representative|Chair(?:man|woman)?|Mr|Mrs|Ms|Dr|The)\.?\s+[A-Z]{2,}[A-Z'’-]*"
    r"(?:\s+of\s+[A-Z][a-z]+)?\.\s"
)
_STATEMENT = re.compile(
    r"^(?:OPENING\s+|PREPARED\s+)?(?:STATEMENT|TESTIMONY)\s+OF\s+(?P<who>[^,]{3,80}?)\s*(?:,|$)",
    re.I,
)
_HEADING_MAX_LINES = 3
_HEADING_MAX_CHARS = 200
_CENTRED = 8  # a heading's first line is centred: indented well past a paragraph's first line


def is_committee_hearing(text: str) -> bool:
    """Whether a text opens with a printed hearing's cover: "HEARING" over "BEFORE THE".

    Cheap: one pass over the first filled lines.
    """
    filled: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            filled.append(line.strip())
            if len(filled) > _COVER_WITHIN + 1:
                break
    return any(
        _COVER_MARK.match(line) and _BEFORE.match(filled[k + 1])
        for k, line in enumerate(filled[:-1])
    )


def read_committee_hearing(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """A printed hearing's blocks (headings marked) and what its cover says, or None."""
    if not is_committee_hearing(text):
        return None
    raw = text.split("\n")
    filled = [k for k, line in enumerate(raw) if line.strip()]
    mark = next(k for k in filled if _COVER_MARK.match(raw[k].strip()))
    start = next((k for k in filled if k > mark and _CONVENED.match(raw[k].strip())), None)
    if start is None:
        start = next(
            (
                k
                for k in filled
                if k > mark
                and (_TURN.match(raw[k].strip()) or _STATEMENT.match(raw[k].strip()))
                and raw[k - 1].strip() == ""
            ),
            None,
        )
    if start is None:
        return None
    meta = DocumentMeta(title=_title(raw, mark), date=_date(raw, start))
    return _body(raw, start), meta


def _title(raw: list[str], mark: int) -> str | None:
    """The lines over the cover's "HEARING" (rules and the print's number skipped)."""
    lines: list[str] = []
    for line in reversed(raw[:mark]):
        stripped = line.strip()
        if not stripped or _RULE.match(stripped) or _PRINT_NUMBER.match(stripped):
            if lines:
                break
            continue
        lines.insert(0, stripped)
    title = " ".join(lines)
    if not title:
        return None
    return title_case(title) if title.isupper() else title


def _date(raw: list[str], start: int) -> str | None:
    """The first full date alone on a line above the record (the cover's "JUNE 11, 2025")."""
    for line in raw[:start]:
        if line.strip() and len(line.split()) <= 6:
            words = line.strip()
            words = words.title() if words.isupper() else words  # "JUNE 11, 2025"
            found = [f for f in find_figures(words) if f.kind == "date"]
            if found and len(date := iso_date(found[0])) == 10:
                return date
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _body(raw: list[str], start: int) -> list[Block]:
    """The record's runs of lines: a heading, or paragraphs each indented line opens.

    A run standing alone, short, unstopped and centred (or in capitals) is a heading.
    """
    blocks: list[Block] = []
    run: list[int] = []
    gap = 0
    for k in [*range(start, len(raw)), None]:
        if k is not None and raw[k].strip():
            run.append(k)
            continue
        if run:
            blocks.extend(_run_blocks(raw, run, gap))
            run, gap = [], 0
        gap += 1
    return blocks


def _run_blocks(raw: list[str], run: list[int], gap: int) -> list[Block]:
    lines = [SourceLine(raw[k].strip(), k + 1) for k in run]
    joined = " ".join(line.text for line in lines)
    if (
        len(run) <= _HEADING_MAX_LINES
        and len(joined) <= _HEADING_MAX_CHARS
        and joined[-1] not in ".!?:;,]"
        and (_indent(raw[run[0]]) >= _CENTRED or joined.isupper())
        and not _TURN.match(joined)
    ):
        return [Block("heading", tuple(lines), gap, 2)]
    base = min(_indent(raw[k]) for k in run)
    out: list[Block] = []
    part: list[SourceLine] = []
    for k, line in zip(run, lines, strict=True):
        # a first line is indented and the lines it wraps onto are not; where every line of
        # the run is indented (one-line turns), a speaker's label or a note opens a paragraph
        if part and (
            _indent(raw[k]) > base
            or (_indent(raw[k]) > 0 and (_TURN.match(line.text) or line.text[:1] in "[("))
        ):
            out.append(Block("paragraph", tuple(part), gap))
            part, gap = [], 0
        part.append(line)
    out.append(Block("paragraph", tuple(part), gap))
    return out


def statement_floors(blocks: Sequence[Block]) -> dict[int, str]:
    """The witness each statement heading names, by block index.

    "STATEMENT OF RENATA ALVAREZ, …" → "Renata Alvarez"; "Prepared Statement of Dr. Howard
    Jones" → "Howard Jones" (courtesy titles dropped).
    """
    from bot.core.ingest.metadata import is_name

    out: dict[int, str] = {}
    for k, block in enumerate(blocks):
        if block.kind != "heading" or not (match := _STATEMENT.match(block.text.strip())):
            continue
        words = match.group("who").split()
        while len(words) > 2 and re.fullmatch(r"(?i)(?:hon|dr|mr|mrs|ms|prof|the)\.?", words[0]):
            words = words[1:]
        name = " ".join(
            "-".join(p[:1] + p[1:].lower() for p in w.split("-")) if w.isupper() else w
            for w in words
        )
        if 2 <= len(words) <= 4 and is_name(name):
            out[k] = name
    return out
