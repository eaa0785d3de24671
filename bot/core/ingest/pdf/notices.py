"""A formal notice's parts (a regulator's decision, an order): front fields, definitions, signing.

Its first page prints field lines above the text: "Reference: EMA/EN/2026/0418" is the
notice's number in its issuer's series (no text), and "To: Aquila Energy Supply Ltd" names
whom it is addressed to, a sentence of its own, never a heading. Its definitions list sets
each defined term in quotation marks with its meaning ('"PPM"  means a prepayment meter;'),
the term often in a cell of its own beside the meaning: each definition is one sentence, and
a term that is a short form gives a glossary entry. It is signed on lines of its own
("Signed:", the signatory's name, their post): one sentence naming the signatory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.glossary import is_short_form
from bot.core.ingest.metadata import is_name
from bot.core.ingest.pdf.blocks import Para
from bot.core.ingest.pdf.lines import Line
from bot.core.model import GlossaryEntry

_REFERENCE = re.compile(
    r"^(?:Our\s+|Your\s+|Case\s+|Notice\s+|File\s+)?(?:Reference|Ref\.?)(?:\s+(?:No\.?|number))?"
    r"\s*:\s*(?P<code>[A-Z0-9][\w./-]*\d[\w./-]*)$",
    re.I,
)
_ADDRESSEE = re.compile(r"^To\s*:\s+[A-Z0-9]\S*(?:\s+\S+){0,15}$")
_PROSE_WORDS = 8  # a line of running text (the field lines stand above it) has this many
_TERM = re.compile(r"^[\"“]([^\"“”]{1,40})[\"”]")
_MEANS = re.compile(r"^(?:means|includes|has\s+the\s+meaning)\b")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
_MIN_DEFINITIONS = 2
_SIGNED = re.compile(r"^Signed(?:\s+by)?\s*:?$", re.I)
_ROLE_WORDS = 16


def front_fields(lines: Sequence[Line]) -> tuple[str | None, list[Line], list[Line]]:
    """The reference code, its line, and the addressee lines of a first page's field lines.

    Only the lines above the first line of running text are field lines.
    """
    code: str | None = None
    taken: list[Line] = []
    addressed: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if len(text.split()) >= _PROSE_WORDS and not _ADDRESSEE.match(text):
            break
        match = _REFERENCE.match(text)
        if match and code is None:
            code = match.group("code")
            taken.append(line)
        elif _ADDRESSEE.match(text) and not line.cells:
            addressed.append(line)
    return code, taken, addressed


def is_addressee(text: str | None) -> bool:
    """Whether a line only names whom a notice is addressed to ("To: Harbour Water plc")."""
    return text is not None and bool(_ADDRESSEE.match(text.strip()))


def join_definitions(columns: list[list[Line]]) -> list[list[Line]]:
    """Each definition of a definitions list as one line: its term, its meaning beside it.

    A term in quotation marks opens the line; its meaning ("means …") starts on the same
    baseline to its right, or in the same line, and may wrap onto lines under itself.
    """
    return [_joined(col) for col in columns]


def _joined(col: list[Line]) -> list[Line]:
    out: list[Line] = []
    used: set[int] = set()
    found = 0
    for k, line in enumerate(col):
        if id(line) in used:
            continue
        term = _TERM.match(line.text.strip())
        if term is None or line.cells:
            out.append(line)
            continue
        rest = line.text.strip()[term.end() :].strip()
        meaning: Line | None = None
        if not rest:
            meaning = next(
                (
                    o
                    for o in col[max(0, k - 2) : k + 3]
                    if o is not line
                    and id(o) not in used
                    and abs(o.base - line.base) < 0.5 * max(line.size, 1.0)
                    and o.x0 > line.x1
                    and _MEANS.match(o.text.strip())
                ),
                None,
            )
            if meaning is None:
                out.append(line)
                continue
            used.add(id(meaning))
        elif not _MEANS.match(rest):
            out.append(line)
            continue
        text = line.text.strip() if meaning is None else f"{line.text.strip()} {meaning.text}"
        last = meaning or line
        for other in col[k + 1 :]:  # the meaning's wrapped lines, under itself
            if (
                id(other) in used
                or _TERM.match(other.text.strip())
                or abs(other.x0 - last.x0) > 3.0
                or not 0 < last.base - other.base < 1.6 * max(other.size, 1.0)
            ):
                break
            text, last = f"{text} {other.text.strip()}", other
            used.add(id(other))
        out.append(replace(line, text=text, x1=max(line.x1, last.x1), bullet=True))
        found += 1
    return out if found >= _MIN_DEFINITIONS else col


def definition_entries(paras: Sequence[Para]) -> list[GlossaryEntry]:
    """The glossary entries of the definitions whose term is a short form ('"PPM" means …').

    A definitions list stands alone: its items are not run into the line that introduces it.
    """
    out: list[GlossaryEntry] = []
    for para in paras:
        for line in para.lines:
            term = _TERM.match(line.text.strip())
            if term is None or not line.bullet:
                continue
            rest = line.text.strip()[term.end() :].strip()
            means = _MEANS.match(rest)
            if means is None:
                continue
            para.alone = True
            if not is_short_form(term.group(1)):
                continue
            long = _ARTICLE.sub("", rest[means.end() :].strip()).rstrip(";,. ")
            if long:
                out.append(GlossaryEntry(short=term.group(1), long=long))
    return out


def signed_statements(paras: list[Para]) -> list[Para]:
    """A "Signed:" line, the name and the post under it, as one sentence naming the signatory."""
    out: list[Para] = []
    k = 0
    while k < len(paras):
        para = paras[k]
        name = paras[k + 1] if k + 1 < len(paras) else None
        if (
            len(para.lines) == 1
            and _SIGNED.match(para.lines[0].text.strip())
            and name is not None
            and len(name.lines) == 1
            and is_name(name.lines[0].text.strip())
        ):
            parts = [name.lines[0].text.strip()]
            step = 2
            role = paras[k + 2] if k + 2 < len(paras) else None
            if (
                role is not None
                and len(role.lines) == 1
                and len(role.lines[0].text.split()) <= _ROLE_WORDS
                and not role.lines[0].text.rstrip().endswith((".", "?", "!"))
            ):
                parts.append(role.lines[0].text.strip())
                step = 3
            text = f"{para.lines[0].text.strip().rstrip(':')}: {', '.join(parts)}."
            out.append(Para("paragraph", [replace(para.lines[0], text=text)], alone=True))
            k += step
            continue
        out.append(para)
        k += 1
    return out
