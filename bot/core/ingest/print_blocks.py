"""A print export's lines as blocks: paragraphs, headings and captions.

Headings are capitals, numbered "IV." sections in sequence and short title-case lines; captions
end in a credit; a space-aligned table's rows are kept as rows, a table flattened one cell per
line is dropped.
"""

from __future__ import annotations

import re

from bot.core.ingest.aligned_tables import aligned_rows
from bot.core.ingest.formats import Block, SourceLine
from bot.core.ingest.print_lines import (
    DATE_ALONE,
    SENTENCE_END,
    PrintLine,
    is_caps_heading,
    is_numbered_heading,
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
_CAPTION_CREDIT = re.compile(r"\b(?:Source|Photo|Image|Credit)s?:\s*\S")


# a credit line closing a caption: "… 2020. Source: REUTERS/Jason Lee" (never "(Source: X) says")
_CREDIT_LINE = re.compile(r"(?:^|[.?!\"”)]\s+)(?:Source|Photo|Image|Credit)s?:\s*\S.*$")
_CREDIT_WRAPS = re.compile(r"(?:[/,&–-]|\band)$")  # "Source: REUTERS/" + "Marina Depetris"
_CAPTION_MAX_LINES = 4
_TABLE_LABEL = re.compile(r"^\s*(Table|Figure|Chart|Exhibit)\s+\d+[.:]\s*\S", re.I)


def aligned_table_rows(lines: list[PrintLine]) -> list[PrintLine]:
    """A space-aligned table's rows as sentences of their own, its header line out."""
    rows = aligned_rows([line.text for line in lines], [line.gap for line in lines])
    if not rows:
        return lines
    return [
        PrintLine(rows[k], line.number, line.page, True, row=True) if k in rows else line
        for k, line in enumerate(lines)
        if rows.get(k, True)
    ]


def drop_flattened_tables(lines: list[PrintLine]) -> list[PrintLine]:
    """A "Table N: title" line stays (a caption); the cells flattened after it go."""
    out: list[PrintLine] = []
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


def _width(lines: list[PrintLine]) -> float:
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    return float(lengths[len(lengths) * 3 // 4]) if lengths else 80.0


def read_blocks(lines: list[PrintLine]) -> list[Block]:
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
            and is_numbered_heading(text)
            and (line.gap or not run or SENTENCE_END.search(run[-1].text))
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
                lines[k] = PrintLine(text[end:], line.number, line.page)
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
        if is_caps_heading(text):
            flush()
            heading = [text]
            while k + 1 < len(lines) and is_caps_heading(lines[k + 1].text.strip()):
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
                and not SENTENCE_END.search(run[start - 1].text)
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
            while start > 0 and not SENTENCE_END.search(run[start - 1].text):
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
            and (DATE_ALONE.match(text) or re.match(r"^(?:by|von|par)\s+[^\W\d_]", text, re.I))
            and not SENTENCE_END.search(text)
        ):
            flush()  # a byline or a dateline is a line of its own (the header step reads it)
            blocks.append(Block("paragraph", (source,)))
            k += 1
            continue
        prev_end = not run or SENTENCE_END.search(run[-1].text) is not None
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        alone = line.gap and (k + 1 >= len(lines) or lines[k + 1].gap)
        if alone and not SENTENCE_END.search(text) and len(text) < 0.6 * width:
            # a line standing alone between blank lines: a heading, a byline or a dateline,
            # never the first half of a paragraph the layout should join to the next one
            flush()
            titled = (
                heading_shape(text)
                or (text[:1].isupper() and len(text.split()) <= 10 and text[-1:] not in ",;:-")
            ) and not DATE_ALONE.match(text)
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
            and not DATE_ALONE.match(text)
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
        if SENTENCE_END.search(text) and len(text) < 0.8 * width:
            flush()
        k += 1
    flush()
    return blocks


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
