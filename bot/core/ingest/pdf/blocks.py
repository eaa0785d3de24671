"""Lines in reading order to blocks: headings, paragraphs, lists and figure or table captions.

A paragraph ends at a wider gap than the column's line spacing, at a short line that closes a
sentence, before an indented first line, or where the type changes; it goes on across a column
or page break when it stopped mid-sentence. Headings are set larger than the body, or bold on a
line of their own; their level follows the size. A caption ("Figure 2.", "Table 1:") keeps its
Source and Notes lines; what stands between them (the table or chart itself) is kept only when
it reads as prose. The labels of a chart or table (ticks, category names, cells: short lines
that end no sentence) are left out beside its caption, and a run of them in small type without
one. A table found by its grid (tables.py) gives a paragraph a body row, never a heading, and
a sentence it cuts goes on after it. Words hyphenated at a line end are rejoined unless they
are compounds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from itertools import pairwise

from bot.core.ingest.formats import Block, BlockKind, SourceLine
from bot.core.ingest.pdf.block_quotes import credited_quotes, display_quotes
from bot.core.ingest.pdf.icon_rows import caption_rows, is_placeholder
from bot.core.ingest.pdf.key_facts import LABEL_UNDER, is_big_figure, side_panels
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.table_text import as_note, chart_values, row_passage, table_notes

_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Table|Exhibit|Chart|Map|Graph|Box)\s+[A-Z]?\d+[A-Za-z]?"
    r"(?:[.:–—-]|\s+[A-Z])"
)
_SOURCE = re.compile(r"^(?:Sources?|Notes?|Data)\s*:", re.I)
_TERMINAL = (".", "?", "!", ":", "”", '"', "’", ")")
_HEADING_MAX_WORDS = 20
_CAPTION_REACH = 60  # lines searched for a caption's Source or Notes line
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LEADERS = re.compile(r"\s*(?:\.\s?){4,}\s*")  # dot leaders in a table row, not an ellipsis
_NUMBERISH = re.compile(r"^[\d.,%$€£()–—+-]+$")
_SMALL_TYPE = 0.85  # type this much smaller than the body's is a label's or a note's
# a heading that closes with a stop: a statute's "SEC. 4. RURAL BUS ACCESS FUND.", "FINDINGS."
_DESIGNATOR = re.compile(
    r"^(?:SEC(?:TION)?|Sec(?:tion)?|§{1,2}|ART(?:ICLE)?|Art(?:icle)?|PART|Part|CHAPTER|Chapter"
    r"|SCHEDULE|Schedule|RULE|Rule)\.?\s*[\dIVXLC]+[A-Za-z]?[.:]?\s"
)
_CAPITALS = 0.8  # share of a line's letters in capitals that makes it a capitals heading
_STOPPED_MAX_WORDS = 12
# a subsection's number and title on a line of its own: "4.1 Bills", "2.3.1 Data sources"
_NUMBERED = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+[A-Z][\w’'-]*(?:\s+[^\W\d][\w’'-]*){0,9}$"
)
_LABEL_RUN = 3  # uncaptioned label blocks in small type in a row that make a chart


@dataclass
class Para:
    """A block being built: its kind, level and lines."""

    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    level: int = 0
    column: int = -1
    alone: bool = False  # it states its fact by itself (a big number's panel)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    return stripped.endswith(_TERMINAL)


def is_heading(line: Line, body_size: float) -> bool:
    """A heading's type: larger than the body, or bold throughout, on a short line."""
    words = len(line.text.split())
    if line.cells or not 1 <= words <= _HEADING_MAX_WORDS or not line.text[:1].isalnum():
        return False  # a table's header row names its columns, not a section
    if line.text.rstrip().endswith((".", ",", ";")) and not line.text.rstrip().endswith(".."):
        return False
    if not any(c.isalpha() for c in line.text):
        return False
    if line.size >= 1.15 * body_size:
        return True
    return line.bold and line.size >= 0.9 * body_size


def _stopped_heading(line: Line, body_size: float, left: float, right: float) -> bool:
    """A bold heading that ends with a full stop, on a line of its own.

    Statutes and bills close their headings with a stop ("SEC. 2. FINDINGS.", "ARTICLE 4.");
    so does a court opinion's centred line opening a part ("JUSTICE ROE delivered the opinion
    of the Court."). Either is in capitals or opens with a section's designator, or is centred
    in the column; a bold sentence of the body is neither.
    """
    text = line.text.strip()
    if line.cells or not line.bold or line.size < 0.9 * body_size or not text.endswith("."):
        return False
    if not text[:1].isalnum() or not 1 <= len(text.split()) <= _STOPPED_MAX_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= _CAPITALS * len(letters)
    if capitals or _DESIGNATOR.match(text):
        return bool(letters)
    em = line.size
    indent, outdent = line.x0 - left, right - line.x1
    return indent >= 2 * em and abs(indent - outdent) <= 1.5 * em


def _numbered_heading(
    line: Line,
    current: Para | None,
    previous: tuple[int, Line] | None,
    column: int,
    right: float,
    following: Line | None = None,
) -> bool:
    """A numbered subheading in body type ("4.1 Bills"), on a short line of its own.

    It follows a heading or a sentence's end; its title is capitalised, with no figures and no
    closing stop. A typescript breaks its lines by hand, short of the margin: a numbered
    paragraph's first line ("2.2  The table below shows the services on the main") goes on
    in the line under it, in its type and a line's step below, opening in lower case.
    """
    if line.cells or not _NUMBERED.match(line.text.strip()) or line.x1 > right - 3 * line.size:
        return False
    if (
        following is not None
        and not following.cells
        and following.text.strip()[:1].islower()
        and abs(following.size - line.size) < 0.3
        and following.bold == line.bold
        and 0 < line.base - following.base < 1.8 * line.size
    ):
        return False
    return (
        previous is None
        or previous[0] != column
        or (current is not None and current.kind == "heading")
        or _ends_sentence(previous[1].text)
    )


def heading_levels(lines: Sequence[Line], body_size: float) -> dict[float, int]:
    """Levels by size: the largest heading type is level 2 (level 1 is the title)."""
    sizes = sorted({round(ln.size) for ln in lines if ln.size >= 1.15 * body_size}, reverse=True)
    levels = {float(s): k + 2 for k, s in enumerate(sizes)}
    levels[0.0] = len(sizes) + 2  # bold at body size
    return levels


def _level(line: Line, levels: dict[float, int]) -> int:
    return levels.get(float(round(line.size)), levels[0.0])


def _pitch(column: Sequence[Line]) -> float:
    steps = sorted(
        a.base - b.base
        for a, b in pairwise(column)
        if 0 < a.base - b.base < 3 * a.size and abs(a.size - b.size) < 0.5
    )
    return steps[len(steps) // 2] if steps else 0.0


def _is_prose(lines: Sequence[Line], width: float) -> bool:
    """Whether the lines between a caption and its source read as text, not table cells."""
    if not lines:
        return False
    long = 0
    for ln in lines:
        tokens = ln.text.split()
        numeric = sum(1 for t in tokens if _NUMBERISH.match(t))
        if ln.width >= 0.6 * width and numeric <= 0.3 * max(len(tokens), 1):
            long += 1
    return long >= 0.6 * len(lines)


def build_blocks(
    columns: Sequence[Sequence[Line]], body_size: float, join_hyphen: Callable[[str, str], bool]
) -> list[Para]:
    """Cut columns of body lines (reading order) into paragraphs, headings, lists, captions."""
    columns, beside = side_panels(columns, body_size)
    panels = _big_numbers(columns, body_size) | beside
    columns, inserts = _lift_inserts(columns, panels)
    columns = [[ln for ln in col if not is_placeholder(ln.text)] for col in columns]
    row_captions = caption_rows(columns, lambda ln: is_heading(ln, body_size))
    flat = [(k, ln) for k, col in enumerate(columns) for ln in col]
    pending: list[Line] = []
    levels = heading_levels([ln for _, ln in flat if is_heading(ln, body_size)], body_size)
    geometry = {
        k: (min(ln.x0 for ln in col), max(ln.x1 for ln in col), _pitch(col))
        for k, col in enumerate(columns)
        if col
    }
    out: list[Para] = []
    current: Para | None = None
    i = 0
    settled = 0  # blocks before this index are placed; lifted inserts go after them
    while i < len(flat):
        if pending and len(out) > settled + 1:
            # the block the insert interrupted is finished: the insert comes before the next
            out[settled + 1 : settled + 1] = _insert_paras(pending)
            pending = []
        settled = max(len(out) - 1, 0)
        k, line = flat[i]
        left, right, pitch = geometry[k]
        previous = flat[i - 1] if i else None
        # a table ends its column's run: the text after it goes on only a sentence left open
        same_column = previous is not None and previous[0] == k and not previous[1].cells
        if not same_column and k in inserts:
            pending.extend(inserts.pop(k))
        if line.cells:
            end = next((j for j in range(i, len(flat)) if not flat[j][1].cells), len(flat))
            out.extend(_table_rows([ln for _, ln in flat[i:end]]))
            i = end
            continue  # `current` stays open: a sentence the table cuts goes on after it
        if _CAPTION.match(line.text) and line.size <= 1.3 * body_size:
            caption, i = _caption(flat, i, geometry, body_size)
            out.extend(caption)
            current = None
            continue
        if id(line) in panels:  # a big number opens its panel; its label comes under it
            current = Para("paragraph", [line], column=k, alone=True)
            out.append(current)
            i += 1
            continue
        if id(line) in row_captions:  # an icon's caption, perhaps its wrapped line
            if (
                current is not None
                and current.alone
                and id(current.lines[-1]) in row_captions
                and previous is not None
                and previous[1] is current.lines[-1]
                and abs(line.x0 - current.lines[-1].x0) < 0.5 * line.size
            ):
                current.lines.append(line)
                i += 1
                continue
            current = Para("paragraph", [line], column=k, alone=True)
            out.append(current)
            i += 1
            continue
        following = flat[i + 1][1] if i + 1 < len(flat) and flat[i + 1][0] == k else None
        if _numbered_heading(line, current, previous, k, right, following):
            depth = line.text.split()[0].rstrip(".").count(".")
            current = Para("heading", [line], levels[0.0] + depth)
            out.append(current)
            i += 1
            continue
        heading = is_heading(line, body_size) or _stopped_heading(line, body_size, left, right)
        if heading and not _continues_item(current, line, k, previous):
            if (
                current is not None
                and current.kind == "heading"
                and same_column
                and previous is not None
                and abs(previous[1].size - line.size) < 0.5
                and previous[1].bold == line.bold
                and previous[1].base - line.base < 2.0 * line.size
            ):
                current.lines.append(line)
            else:
                current = Para("heading", [line], _level(line, levels))
                out.append(current)
            i += 1
            continue
        if line.bullet:
            if current is None or current.kind != "list":
                current = Para("list")
                out.append(current)
            current.lines.append(line)
            i += 1
            continue
        new = current is None or current.kind in ("heading", "image")
        new = new or (current is not None and id(current.lines[-1]) in row_captions)
        in_panel = current is not None and id(current.lines[0]) in panels
        if in_panel and current is not None and (not same_column or len(current.lines) == 1):
            new = not same_column  # a panel ends with its column; the number takes its label
        elif not new and current is not None:
            last = current.lines[-1]
            if same_column:
                gap = last.base - line.base
                typical = pitch or 1.2 * line.size
                margin = _item_start(current.lines[-1]) if current.kind == "list" else left
                indented = (
                    line.x0 > margin + 0.8 * line.size and last.x0 <= margin + 0.8 * last.size
                )
                outdented = (
                    current.kind == "list"
                    and line.x0 < current.lines[0].x0 - 0.8 * line.size
                    and _ends_sentence(last.text)
                )
                short = last.x1 < right - 3 * last.size
                new = (
                    gap > 1.35 * typical
                    or gap < -0.5 * typical
                    or outdented
                    or abs(last.size - line.size) > 0.1 * body_size
                    or (_ends_sentence(last.text) and (short or indented))
                    or _ends_row(current.lines, line)
                )
            else:
                # a new column or page: go on only with a sentence left open
                new = _ends_sentence(last.text) or abs(last.size - line.size) > 0.1 * body_size
            if not new and current.kind == "list":
                # a wrapped item: its line goes on the item's line
                current.lines[-1] = _merge(last, line, join_hyphen)
                i += 1
                continue
        if new:
            current = Para("paragraph", [line], column=k)
            out.append(current)
        elif current is not None:
            current.lines.append(line)
        i += 1
    out.extend(_insert_paras(pending))
    out = _drop_cell_runs(out, body_size)
    for para in out:
        _dehyphenate(para.lines, join_hyphen)
        words = sum(len(ln.text.split()) for ln in para.lines)
        if para.kind == "heading" and (len(para.lines) > 3 or words > _HEADING_MAX_WORDS + 5):
            para.kind = "paragraph"  # a bold paragraph, not a heading
        if (
            para.kind == "paragraph"
            and para.column in geometry
            and _inset(para.lines, geometry[para.column])
        ):
            para.kind = "quote"
    out = credited_quotes(out, {k: left for k, (left, _, _) in geometry.items()})
    out = display_quotes(out)
    return [p for p in out if p.lines]


def _insert_paras(lines: Sequence[Line]) -> list[Para]:
    """A lifted insert's lines as paragraphs, a table's rows as their passages."""
    return [
        p for ln in lines for p in (_table_rows([ln]) if ln.cells else [Para("paragraph", [ln])])
    ]


def _table_rows(lines: Sequence[Line]) -> list[Para]:
    """A table's rows as paragraphs, one a row that states a fact (the header row names)."""
    texts = [(ln, row_passage(ln)) for ln in lines]
    return [Para("paragraph", [replace(ln, text=text)]) for ln, text in texts if text]


def _ends_row(lines: Sequence[Line], line: Line) -> bool:
    """Whether a row of cells (a chart's names, a table's row) ends before a line of text.

    The row's lines share one baseline, each a word or two; the line below has words.
    """
    if len(lines) < 2 or len(line.text.split()) < 3:
        return False
    last, before = lines[-1], lines[-2]
    return (
        abs(last.base - before.base) < 0.3 * last.size
        and abs(line.base - last.base) >= 0.3 * last.size
        and len(last.text.split()) <= 2
        and len(before.text.split()) <= 2
    )


def _inset(lines: Sequence[Line], geometry: tuple[float, float, float]) -> bool:
    """A block quotation: two lines or more, set in from both edges of the column."""
    left, right, _ = geometry
    if len(lines) < 2 or any(not ln.glyphs for ln in lines):
        return False
    em = max(ln.size for ln in lines)
    return (
        min(ln.x0 for ln in lines) >= left + 1.5 * em
        and max(ln.x1 for ln in lines) <= right - 1.5 * em
    )


def _label(para: Para, width: float, body_size: float) -> bool:
    """A chart's or table's labels: short lines, none of which ends a sentence.

    One line alone is a label only in small type or as a bare number ("40", "1,250"): a short
    line of body type may be a subheading.
    """
    if para.kind != "paragraph" or not para.lines or any(ln.cells for ln in para.lines):
        return False
    if any(ln.width >= 0.4 * width or _ends_sentence(ln.text) for ln in para.lines):
        return False
    return (
        len(para.lines) >= 2
        or all(ln.size < _SMALL_TYPE * body_size for ln in para.lines)
        or all(_NUMBERISH.match(t) for ln in para.lines for t in ln.text.split())
    )


def _drop_cell_runs(paras: list[Para], body_size: float) -> list[Para]:
    """Leave out the labels of a table or chart: the run of label blocks beside its caption.

    Without a caption, a run of `_LABEL_RUN` label blocks all in small type is a chart's
    labels too (axis ticks, category names): none is a heading or a sentence.
    """
    widths: dict[int, float] = {}
    for para in paras:
        for ln in para.lines:
            widths[ln.page] = max(widths.get(ln.page, 0.0), ln.width)

    def label(k: int, page: int) -> bool:
        para = paras[k]
        return para.lines[0].page == page and _label(para, widths[page], body_size)

    doomed: set[int] = set()
    for k, para in enumerate(paras):
        if para.kind != "image":
            continue
        page = para.lines[0].page
        for step in (-1, 1):
            near = k + step
            while 0 <= near < len(paras) and label(near, page):
                doomed.add(near)
                near += step
    k = 0
    while k < len(paras):
        page = paras[k].lines[0].page if paras[k].lines else -1
        end = k
        while (
            end < len(paras)
            and paras[end].lines
            and label(end, page)
            and all(ln.size < _SMALL_TYPE * body_size for ln in paras[end].lines)
        ):
            end += 1
        if end - k >= _LABEL_RUN:
            doomed.update(range(k, end))
        k = max(end, k + 1)
    return [p for k, p in enumerate(paras) if k not in doomed]


def _big_numbers(columns: Sequence[Sequence[Line]], body_size: float) -> set[int]:
    """The big numbers of a factsheet's panels (ids): a figure in display type over its label.

    A panel prints one figure ("£4.2bn", "1 in 6", "38%") far larger than the body, and under
    it, in the same column, the words that say what it counts in much smaller type. The figure
    is no heading: it and its label are one statement, and the panel ends with its column.
    """
    found: set[int] = set()
    for col in columns:
        for line, under in pairwise(col):
            if (
                is_big_figure(line, body_size)
                and under.size <= LABEL_UNDER * line.size
                and any(c.isalpha() for c in under.text)
                and 0 < line.base - under.base < 3 * line.size
            ):
                found.add(id(line))
    return found


def _lift_inserts(
    columns: Sequence[Sequence[Line]], panels: AbstractSet[int] = frozenset()
) -> tuple[list[list[Line]], dict[int, list[Line]]]:
    """Take out a box or banner at the top of a column that cuts a sentence in two.

    When a column ends mid-sentence and the next one opens with lines in another type before
    a body line that goes on in lower case, those lines are an insert (a masthead box, a
    sidebar): the sentence continues past them, and they come after it (returned by the
    column they opened).
    """
    out = [list(col) for col in columns]
    inserts: dict[int, list[Line]] = {}
    for k in range(1, len(out)):
        if not out[k - 1] or not out[k]:
            continue
        last = out[k - 1][-1]
        if _ends_sentence(last.text) or id(out[k][0]) in panels or id(out[k - 1][0]) in panels:
            continue  # a panel's label ends with its column: the next panel is no insert
        for j, line in enumerate(out[k][:8]):
            if abs(line.size - last.size) < 0.5 and line.bold == last.bold:
                if j and line.text[:1].islower():
                    inserts[k] = out[k][:j]
                    out[k] = out[k][j:]
                break
    return out, inserts


def _item_start(line: Line) -> float:
    """Where the text of a list item starts (its wrapped lines align there)."""
    return line.text_x0 or line.x0


def _continues_item(
    current: Para | None, line: Line, column: int, previous: tuple[int, Line] | None
) -> bool:
    """Whether a line wraps the list item above it (list items may be set in bold)."""
    if current is None or current.kind != "list" or previous is None or previous[0] != column:
        return False
    last = current.lines[-1]
    return (
        not line.bullet
        and not _ends_sentence(last.text)
        and last.base - line.base < 1.6 * line.size
        and abs(last.size - line.size) < 0.5
    )


def _merge(first: Line, second: Line, join_hyphen: Callable[[str, str], bool]) -> Line:
    """One item line from a line and its wrapped continuation (hyphen repaired)."""
    pair = [replace(first, glyphs=list(first.glyphs)), Line([], second.page, text=second.text)]
    _dehyphenate(pair, join_hyphen)
    merged = pair[0]
    if pair[1].text:
        merged.text = f"{merged.text.rstrip()} {pair[1].text.strip()}"
    merged.bottom = min(first.bottom, second.bottom)
    merged.base = second.base
    merged.x1 = max(first.x1, second.x1)
    return merged


_NOTES_LABEL = re.compile(r"^Notes?\s*:", re.I)
_SOURCE_INSIDE = re.compile(r"(?:(?<=[.;])|^)\s*(?=Sources?\s*:)")


def _notes_apart(credit: list[Line]) -> tuple[list[Line], list[Line]]:
    """A caption's "Notes: …" lines, and its credit from the "Source: …" they hold on.

    Under a figure the notes explain it in sentences (text of the document); only the Source
    credits it. Lines that open with a Source label are all credit.
    """
    if not credit or not _NOTES_LABEL.match(credit[0].text):
        return [], credit
    for k, line in enumerate(credit):
        found = [m.end() for m in _SOURCE_INSIDE.finditer(line.text) if m.end() > 0 or k > 0]
        if found:
            at = found[0]
            head, tail = line.text[:at].rstrip(), line.text[at:]
            notes = [*credit[:k], *([replace(line, text=head)] if head else [])]
            return notes, [replace(line, text=tail), *credit[k + 1 :]]
    return credit, []


def _caption(
    flat: Sequence[tuple[int, Line]],
    i: int,
    geometry: dict[int, tuple[float, float, float]],
    body_size: float,
) -> tuple[list[Para], int]:
    """A caption, its Source/Notes lines, and the figure between them kept only as prose."""
    k, first = flat[i]
    caption = [first]
    j = i + 1
    while j < len(flat) and flat[j][0] == k and not _SOURCE.match(flat[j][1].text):
        line = flat[j][1]
        if (
            line.cells
            or abs(line.size - first.size) > 0.5
            or line.bold != first.bold
            or caption[-1].base - line.base > 1.6 * line.size
        ):
            break
        caption.append(line)
        j += 1
    end = next(
        (m for m in range(j, min(len(flat), j + _CAPTION_REACH)) if _SOURCE.match(flat[m][1].text)),
        None,
    )
    stop = next(
        (
            m
            for m in range(j, min(len(flat), j + _CAPTION_REACH))
            if _CAPTION.match(flat[m][1].text)
            or (flat[m][1].size >= 1.15 * body_size and is_heading(flat[m][1], body_size))
        ),
        None,
    )
    out: list[Para] = []
    if end is None or (stop is not None and stop < end):
        return [Para("image", caption)], j
    content = [ln for _, ln in flat[j:end]]
    width = geometry[k][1] - geometry[k][0]
    credit = [flat[end][1]]
    m = end + 1
    while m < len(flat):
        line = flat[m][1]
        if as_note(line) is None and (  # a table's note after its Source is text
            _SOURCE.match(line.text)
            or (
                abs(line.size - credit[-1].size) < 0.5
                and 0 < credit[-1].base - line.base < 1.6 * line.size
                and not _ends_sentence(credit[-1].text)
            )
        ):
            credit.append(line)
            m += 1
            continue
        break
    figure_notes, credit = _notes_apart(credit)
    out.append(Para("image", caption + credit))
    if figure_notes:
        out.append(Para("paragraph", figure_notes))  # "Notes: …": the figure's text
    out.extend(_table_rows([ln for ln in content if ln.cells]))
    marked = [first.text, *(ln.text for ln in content)]
    notes, rest = table_notes([ln for ln in content if not ln.cells], marked)
    tail: list[Line] = []  # the notes under the Source line
    while m < len(flat) and flat[m][0] == k and not table_notes([*tail, flat[m][1]], marked)[1]:
        tail.append(flat[m][1])
        m += 1
    notes += table_notes(tail, marked)[0]
    out.extend(Para("paragraph", note) for note in notes)  # "[a] Includes …": the table's text
    if _is_prose(rest, width):
        out.append(Para("paragraph", rest))
    else:  # a bar chart's readings, one a bar ("London 31%")
        out.extend(Para("paragraph", [bar], alone=True) for bar in chart_values(rest))
    return out, m


def _dehyphenate(lines: list[Line], join_hyphen: Callable[[str, str], bool]) -> None:
    """Move the rest of a word hyphenated at a line end up onto that line."""
    for a, b in pairwise(lines):
        if (
            len(a.text) > 1
            and a.text[-1] in "-–"
            and a.text[-2].isalnum()
            and (a.text[-1] == "–" or a.text[-2].isdigit())
            and b.text[:1].isalnum()
        ):
            # a number range or code broken after its dash ("2018–" + "23–51")
            piece, _, rest = b.text.partition(" ")
            a.text, b.text = a.text + piece, rest
            continue
        if not (a.text.endswith("-") and len(a.text) > 1 and a.text[-2].isalpha()):
            continue
        parts = b.text.split(maxsplit=1)
        if not parts or not parts[0][:1].isalpha():
            continue
        word = re.match(r"[^\W\d_]+(?:-[^\W\d_]+)*", parts[0])
        if word is None:
            continue
        piece = (
            parts[0][: word.end()]
            if word.end() < len(parts[0]) and parts[0][word.end()] not in ',.;:!?)”’"⁰¹²³⁴⁵⁶⁷⁸⁹'
            else parts[0]
        )
        rest = b.text[len(piece) :].lstrip()
        left = _WORD.findall(a.text)[-1].split("-")[-1] if _WORD.findall(a.text) else ""
        glue = "" if join_hyphen(left, word.group(0)) else "-"
        a.text = f"{a.text[:-1]}{glue}{piece}"
        b.text = rest


def to_blocks(paras: Sequence[Para], number: Callable[[Line], SourceLine]) -> list[Block]:
    """Turn built paragraphs into format blocks, numbering their lines."""
    blocks: list[Block] = []
    for para in paras:
        for ln in para.lines:
            ln.text = _LEADERS.sub(" ", ln.text).strip()
        lines = tuple(number(ln) for ln in para.lines if ln.text.strip())
        if lines:
            row = all(ln.cells for ln in para.lines)  # a table's row: a fact of its own
            blocks.append(Block(para.kind, lines, 0, para.level, alone=row or para.alone))
    return blocks
