"""A block quotation credited on the line under it: "(Interviewee 7, regional official)".

A paper or a report sets a quotation from an interview in from the column's left edge, often in
smaller type, and credits it on a line of its own in the same inset: the speaker in brackets or
after a dash, perhaps with a number ("Interviewee 7", "Respondent 12") and a description after a
comma. The set-in lines and their credit are one block quote, the credit its closing "— Name,
description" line (the article builder gives the quote to that speaker); the credit is no
sentence, and the text after it is a paragraph of its own. A credit that names a year ("Smith,
2019") cites a written source, not a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.ingest.names import clean_name
from bot.core.ingest.pdf.lines import Line

if TYPE_CHECKING:  # blocks.py calls this module
    from bot.core.ingest.pdf.blocks import Para

_WORD = r"[^\W\d_][\w'’.-]*"
# "Interviewee 7", "Dr Amal Haddad", "Respondent R12": capitalised words, then a short number
_SPEAKER = rf"(?:{_WORD})(?:\s+{_WORD}){{0,4}}(?:\s+[A-Z]?\d{{1,3}})?"
_CREDIT = re.compile(
    rf"^(?:\(\s*(?P<a>{_SPEAKER})\s*(?:,\s*(?P<da>[^()]+?))?\s*\)|"
    rf"(?:—|–|--)\s*(?P<b>{_SPEAKER})\s*(?:,\s*(?P<db>.+?))?)\.?$"
)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_INSET = 1.5  # ems set in from the column's left edge
_DASHES = frozenset("—–")


def credit(text: str) -> str | None:
    """The closing line a credit gives a block quote ("— Interviewee 7, regional official")."""
    match = _CREDIT.match(text.strip())
    if match is None:
        return None
    name = match.group("a") or match.group("b") or ""
    description = match.group("da") or match.group("db")
    if not all(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
        return None
    if description is not None and (_YEAR.search(description) or not description[:1].isalpha()):
        return None  # "(Okafor, 2018)", "(Smith, p. 4)": a written source
    return f"— {name}" + (f", {description}" if description else "")


def credited_quotes(paras: Sequence[Para], left_of: dict[int, float]) -> list[Para]:
    """The paragraphs with each credited block quotation made a quote block.

    `left_of` gives each column's left edge. The quotation is the run of lines set in like its
    credit right above it, in the credit's paragraph and the paragraphs before.
    """
    out: list[Para] = []
    for original, before in zip(paras, [None, *paras[:-1]][: len(paras)], strict=True):
        para = _dash_credit(original, before)
        left = left_of.get(para.column)
        if para.kind not in ("paragraph", "quote") or left is None:
            out.append(original)
            continue
        if not any(_is_credit(ln, left) for ln in para.lines):
            out.append(original)
            continue
        rest, pieces, made = list(para.lines), list(out), False
        while rest:
            at = next((j for j, ln in enumerate(rest) if _is_credit(ln, left)), None)
            if at is None:
                break
            line = rest[at]
            start = at
            while start > 0 and _set_in_like(rest[start - 1], line, left):
                start -= 1
            quoted = rest[start:at]
            while start == 0 and out and _all_set_in_like(out[-1], line, left):
                quoted = [*out.pop().lines, *quoted]  # the quotation's earlier paragraphs
            if quoted:
                if start:
                    out.append(replace(para, kind="paragraph", lines=rest[:start]))
                closing = replace(line, text=credit(line.text) or line.text)
                out.append(replace(para, kind="quote", lines=[*quoted, closing]))
                made = True
            else:
                out.append(replace(para, kind="paragraph", lines=rest[: at + 1]))
            rest = rest[at + 1 :]
        if not made:
            out = [*pieces, original]  # no quotation above the credit: the block stays as it was
        elif rest:
            out.append(replace(para, lines=rest))
    return out


def _dash_credit(para: Para, before: Para | None) -> Para:
    """A credit printed after a dash, read as a one-item list, as a line of the text above."""
    if para.kind != "list" or len(para.lines) != 1 or before is None:
        return para
    line = para.lines[0]
    if not line.glyphs or line.glyphs[0].char not in _DASHES:
        return para
    text = "— " + line.text.removeprefix("•").strip()
    if credit(text) is None:
        return para
    return replace(para, kind="paragraph", lines=[replace(line, text=text)], column=before.column)


def _is_credit(line: Line, left: float) -> bool:
    return line.x0 >= left + _INSET * max(line.size, 1.0) and credit(line.text) is not None


def _set_in_like(line: Line, credit_line: Line, left: float) -> bool:
    """Whether a line is set in as far as the credit under it (a quotation's line)."""
    em = max(credit_line.size, 1.0)
    return line.x0 >= left + _INSET * em and abs(line.x0 - credit_line.x0) < 1.5 * em


def _all_set_in_like(para: Para, credit_line: Line, left: float) -> bool:
    return (
        para.kind in ("paragraph", "quote")
        and bool(para.lines)
        and all(_set_in_like(ln, credit_line, left) for ln in para.lines)
    )


# a whole quotation ending its line, then its speaker after a dash: '"…fine." - Maureen, 78'
_TRAILING_CREDIT = re.compile(r'^(?P<q>.*[.!?…]["”])\s+[-–—]\s+(?P<c>[A-Z].*)$')
_CAPITALISED = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,5}}$")
_CREDIT_WORDS = 16


def display_quotes(paras: Sequence[Para]) -> list[Para]:
    """The paragraphs with each displayed quotation and its speaker's line made a quote block.

    A pull quote, or a slide that holds one quotation, prints the quotation whole (it opens and
    closes with quote marks and has none inside) in its own type, and its speaker on the line
    under it ("Councillor Ana Ruiz, Chair, Housing Committee") or after a dash on its last line
    ('… fine." - Maureen, 78, a tenant'). The speaker's line names a person first and is no
    sentence; the quotation's lines are one block quote whatever their type (display type
    read as a heading included), closed by the credit "— Name, description".
    """
    out: list[Para] = []
    i = 0
    while i < len(paras):
        made = _display_quote(paras, i)
        if made is None:
            out.append(paras[i])
            i += 1
            continue
        quote, i = made
        out.append(quote)
    return out


def _display_quote(paras: Sequence[Para], i: int) -> tuple[Para, int] | None:
    first = paras[i]
    if first.kind not in ("paragraph", "heading", "quote") or not first.lines:
        return None
    if not first.lines[0].text.lstrip().startswith(('"', "“")):
        return None
    lines: list[Line] = []
    for j in range(i, min(i + 4, len(paras))):
        para = paras[j]
        if j > i and (para.kind not in ("paragraph", "heading", "quote") or not para.lines):
            return None
        lines = [*lines, *para.lines]
        text = " ".join(ln.text.strip() for ln in lines)
        tail = _TRAILING_CREDIT.match(text)
        if tail is not None and _one_quotation(tail.group("q")):
            closing = _speaker_credit(tail.group("c"))
            if closing is None:
                return None
            quoted = _cut_lines(lines, len(tail.group("q")))
            credit_line = replace(lines[-1], text=closing)
            return replace(first, kind="quote", lines=[*_unquoted(quoted), credit_line]), j + 1
        if not _one_quotation(text):
            if _quote_marks(text) >= 2:
                return None  # the quotation closed with more after it: no display quote
            continue
        if j + 1 >= len(paras):
            return None
        under = paras[j + 1]
        if len(under.lines) != 1 or under.kind not in ("paragraph", "heading", "quote"):
            return None
        closing = _speaker_credit(under.lines[0].text)
        if closing is None:
            return None
        credit_line = replace(under.lines[0], text=closing)
        return replace(first, kind="quote", lines=[*_unquoted(lines), credit_line]), j + 2
    return None


def _cut_lines(lines: Sequence[Line], length: int) -> list[Line]:
    """The lines that hold the first LENGTH characters of their joined text, the last cut."""
    out: list[Line] = []
    used = 0
    for line in lines:
        text = line.text.strip()
        room = length - used
        if room <= 0:
            break
        out.append(line if len(text) <= room else replace(line, text=text[:room].rstrip()))
        used += len(text) + 1
    return out


def _unquoted(lines: Sequence[Line]) -> list[Line]:
    """The quotation's lines without the marks that open and close it."""
    out = list(lines)
    out[0] = replace(out[0], text=out[0].text.lstrip().lstrip('"“'))
    out[-1] = replace(out[-1], text=out[-1].text.rstrip().rstrip('"”'))
    return out


def _quote_marks(text: str) -> int:
    return sum(text.count(c) for c in '"“”')


def _one_quotation(text: str) -> bool:
    """Whether text is one whole quotation: marks at both ends and none between."""
    text = text.strip()
    return (
        len(text) > 2
        and text[0] in '"“'
        and text[-1] in '"”'
        and _quote_marks(text) == 2
        and text[-2] in ".!?…"
    )


def _speaker_credit(text: str) -> str | None:
    """The credit "— Name, …" a speaker's line gives ("Name, description", "— Name"), or None."""
    text = text.strip()
    dashed = credit(text)
    if dashed is not None:
        return dashed
    text = text.lstrip("—–-").strip()
    if len(text.split()) > _CREDIT_WORDS or text.endswith((".", "!", "?", ":", ";")):
        return None  # a sentence, not a credit
    name, _, description = text.partition(",")
    name = name.strip()
    if not _CAPITALISED.match(name) or not all(w[:1].isupper() for w in name.split()):
        return None
    name = clean_name(name) or ""
    if not name[:1].isupper():
        return None
    if len(name.split()) < 2 and not description:
        return None  # one capitalised word alone is no credit
    if description and _YEAR.search(description) and not re.search(r"\b\d{1,3}\b", description):
        return None  # "Okafor, 2018": a written source
    return f"— {name}" + (f", {description.strip()}" if description else "")
