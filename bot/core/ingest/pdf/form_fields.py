"""A form's field block on a first page: "Label: value" lines stacked under the title.

An assessment, a summary sheet or a return prints its particulars as a form ("Lead
department or agency: …", "Date: 12/01/2026", "Stage: Final"): three such lines at least,
one under the other, above the first line of running text. None is a sentence of the
document. The "Date:" field is its date (a numeric date read day first, as such forms print
it, unless its middle number cannot be a month); the field naming a department, agency or
organisation names who wrote it (its author). A field set in heading type just after them
("Opinion: Green", a short value) is one of them, no heading. A printed title keeps no
"Title:" label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import iso_date

_FIELD = re.compile(r"^(?P<label>[A-Z][\w’'&/()-]*(?:\s+[\w’'&/()-]+){0,4})\s*:\s+(?P<value>\S.*)$")
_TITLE_LABEL = re.compile(r"^\s*Title\s*:\s+(?=\S)", re.I)
_DATE_LABEL = re.compile(r"^(?:date|date\s+of\s+(?:issue|publication)|publication\s+date)$", re.I)
_AUTHOR_LABEL = re.compile(
    r"\b(?:department|agency|organi[sz]ation|ministry|authority|prepared\s+by|issued\s+by)\b",
    re.I,
)
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_PROSE_WORDS = 8  # a line of running text has this many words at least
_MIN_FIELDS = 3
_SHORT_VALUE = 2  # words of a field's value set in heading type


@dataclass(frozen=True, slots=True)
class FormFields:
    """The field block's lines, and the date and author its fields give."""

    lines: tuple[Line, ...]
    date: str | None
    authors: tuple[str, ...]


def without_title_label(title: str | None) -> str | None:
    """A printed title without a "Title:" field label."""
    if title is None:
        return None
    return _TITLE_LABEL.sub("", title).strip() or title


def form_fields(lines: Sequence[Line], taken: Sequence[Line]) -> FormFields | None:
    """The first page's field block (lines in `taken`, the title's, are not looked at)."""
    skip = {id(ln) for ln in taken}
    run: list[Line] = []
    for line in lines:
        if id(line) in skip:
            continue
        text = line.text.strip()
        match = _FIELD.match(text)
        if match is None or line.cells:
            if len(text.split()) >= _PROSE_WORDS or run:
                break
            continue
        if run and (line.size, line.bold) != (run[0].size, run[0].bold):
            # a field in heading type after the block ends it; it is the block's with a short
            # value ("Opinion: Green"), a heading with a longer one ("Summary: Options")
            if len(match.group("value").split()) > _SHORT_VALUE or re.search(r"\d", text):
                break
            run.append(line)
            break
        run.append(line)
    body_type = [ln for ln in run if (ln.size, ln.bold) == (run[0].size, run[0].bold)]
    if len(body_type) < _MIN_FIELDS:
        return None
    date = None
    authors: tuple[str, ...] = ()
    for line in run:
        match = _FIELD.match(line.text.strip())
        assert match is not None
        label, value = match.group("label"), match.group("value").strip()
        if date is None and _DATE_LABEL.match(label):
            date = _field_date(value)
        elif not authors and _AUTHOR_LABEL.search(label) and "@" not in value:
            authors = (value.rstrip("."),)
    return FormFields(tuple(run), date, authors)


def _field_date(value: str) -> str | None:
    numeric = _NUMERIC.match(value)
    if numeric is None:
        return iso_date(value, whole=True)
    day, month, year = (int(g) for g in numeric.groups())
    if month > 12 >= day:  # "03/27/2026": the month first
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
