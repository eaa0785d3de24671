"""Syndicated columns: one opinion piece as a features syndicate sends it to its subscribers.

The column opens with wire furniture above its text: a slug line ("BC-COLUMN-BUSES (Opinion)",
"AM-OPED-FARMS"), perhaps an editor's note, the headline on a line of its own, a capitalised
byline ("By MARGARET ELLSWORTH-KAHN"), the distribution line ("Distributed by … Syndicate") and a
copyright line ("(c) 2026 …"). The first paragraph opens with a dateline ("KETTLEBY -- "). An
end marker ("END", "-30-") closes the text: what follows it (the writer's bio, the
syndicate's address and reprint line) is furniture. The headline is the title, the byline the
author, the syndicate the publication; the date is the one the editor's note says the column
was first published on, else the first date of the furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, split_lists
from bot.core.ingest.metadata import parse_byline, place_dateline
from bot.core.ingest.wire_export import COPYRIGHT, END_MARK, as_written, line_runs

_HEAD_LINES = 15  # the furniture above a column's text is a handful of short lines
# "BC-COLUMN-BUSES (Opinion)", "AM-OPED-FARMS": a desk code and a catch-word in capitals
_SLUG = re.compile(r"^[A-Z]{1,4}-[A-Z0-9]+(?:-[A-Za-z0-9]+)*(?:\s+\([^)]*\))?\s*$")
_DISTRIBUTED = re.compile(
    r"^(?:distributed|syndicated)\s+(?:exclusively\s+)?by\s+(?P<name>.+?)\.?$", re.I
)
_EDITORS_NOTE = re.compile(r"^editor'?s?['’]?\s+note\s*:", re.I)
_FIRST_PUBLISHED = re.compile(r"\bfirst\s+(?:published|appeared|ran)\b", re.I)


def _is_column(lines: Sequence[str]) -> bool:
    """A slug line or a distribution line, and a "By …" byline, in the first lines."""
    head = [line.strip() for line in lines[:_HEAD_LINES] if line.strip()]
    byline = any(line.startswith("By ") and parse_byline(line) for line in head)
    furniture = (bool(head) and bool(_SLUG.match(head[0]))) or any(
        _DISTRIBUTED.match(line) for line in head
    )
    return byline and furniture


def _date(runs: Sequence[tuple[SourceLine, ...]]) -> str | None:
    """The date the column was first published on, else the first date above its text."""
    found: str | None = None
    for run in runs:
        text = " ".join(line.text.strip() for line in run)
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            dates = [f for f in find_figures(sentence) if f.kind == "date"]
            if dates and _FIRST_PUBLISHED.search(sentence):
                return iso_date(dates[0])
            if dates and found is None and not COPYRIGHT.match(sentence):
                found = iso_date(dates[0])
    return found


def read_syndicated_column(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """Cut a syndicated column into body blocks and its metadata; None if it is none."""
    if not _is_column(text.split("\n", _HEAD_LINES)):
        return None
    runs = line_runs(text)
    byline_at = next(
        (
            r
            for r, run in enumerate(runs)
            if run[0].text.strip().startswith("By ") and parse_byline(run[0].text.strip())
        ),
        None,
    )
    if byline_at is None:
        return None
    # the byline, distribution and copyright lines may share one run or stand apart
    head = [line for run in runs[:byline_at] for line in run]
    body_at = byline_at
    furniture: list[SourceLine] = []
    while (
        body_at < len(runs)
        and not place_dateline(runs[body_at][0].text)
        and all(_furniture_line(line.text.strip()) for line in runs[body_at])
    ):
        furniture.extend(runs[body_at])
        body_at += 1
    if body_at == byline_at:  # the byline's run holds more than furniture
        return None
    title: str | None = None
    kept: list[tuple[SourceLine, ...]] = []
    for line in head:
        words = line.text.strip()
        if _SLUG.match(words):
            continue
        if title is None and _EDITORS_NOTE.match(words):
            kept.append((line,))  # joined with the note's next lines below
        elif kept and title is None and not _headline_alone(line, runs):
            kept[-1] = (*kept[-1], line)
        else:
            title = words
    authors: list[str] = []
    publication: str | None = None
    for line in furniture:
        words = line.text.strip()
        if words.startswith("By "):
            authors.extend(as_written(name, text) for name in parse_byline(words) or ())
        elif named := _DISTRIBUTED.match(words):
            publication = as_written(named.group("name").strip(), text)
    body_runs = list(runs[body_at:])
    end = next(
        (k for k, run in enumerate(body_runs) if END_MARK.match(" ".join(x.text for x in run))),
        None,
    )
    if end is not None:
        body_runs = body_runs[:end]
    if body_runs:
        first = body_runs[0][0]
        rest = first.text[place_dateline(first.text) :].strip()
        lead = (SourceLine(rest, first.number, first.page),) if rest else ()
        body_runs[0] = lead + body_runs[0][1:]
    blocks: list[Block] = []
    for run in [*kept, *body_runs]:
        if run:
            blocks.extend(split_lists(list(run), 1))
    meta = DocumentMeta(
        title=title,
        authors=tuple(dict.fromkeys(authors)),
        date=_date(runs[:body_at]),
        publication=publication,
    )
    return blocks, meta


def _furniture_line(text: str) -> bool:
    """A byline, distribution or copyright line."""
    return bool(
        (text.startswith("By ") and parse_byline(text))
        or _DISTRIBUTED.match(text)
        or COPYRIGHT.match(text)
    )


def _headline_alone(line: SourceLine, runs: Sequence[tuple[SourceLine, ...]]) -> bool:
    """Whether the line is a run of its own (a headline), not a note's next line."""
    return any(len(run) == 1 and run[0].number == line.number for run in runs)
