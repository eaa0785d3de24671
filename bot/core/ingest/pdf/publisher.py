"""The publisher a PDF prints: the institute or office that issued it.

A title page names it on a line of its own ("MERIDIAN POLICY INSTITUTE", "Congressional
Research Service"), above or below the title; a first page that opens straight into the text
names it above the title, or only in its running header or footer. The line reads as an
organisation: a short run of capitalised words with an organisation's head noun (Institute,
Centre, Office, Foundation...), no digits, no sentence. Its spelling is the one the document
writes in mixed case elsewhere (a running footer, a bio); an all-capitals line with none is
set in title case. A series line may open with it ("Meridian Institute Working Paper No. 4").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.core.ingest.metadata import is_name
from bot.core.ingest.organisations import SMALL_WORDS, headed, title_case
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.meta import line_date
from bot.core.ingest.pdf.titlepage import DOCUMENT_KIND, SEPARATORS, is_prose, series_name

# a line that names the document or who it was made for, not who issued it
_NOT_ISSUER = re.compile(
    r"^(?:an?|report|paper|brief|study|prepared|submitted|presented|commissioned|funded|"
    r"supported|sponsored|produced|written|edited)\b(?!\s+by\b)|\bfor\s+the\b|^for\b",
    re.I,
)
_ISSUED_BY = re.compile(r"^(?:published|issued|prepared|produced)\s+by\s+(?:the\s+)?", re.I)
_MAX_WORDS = 9


def _organisation(text: str) -> str | None:
    """The text as an organisation's name, or None when it does not read as one."""
    text = _ISSUED_BY.sub("", text.strip())
    words = text.split()
    if not 1 <= len(words) <= _MAX_WORDS or not text[:1].isupper():
        return None
    if any(c.isdigit() for c in text) or text.endswith((".", ",", ";", ":", "?", "!")):
        return None
    if "@" in text or "/" in text or _NOT_ISSUER.search(text) or not headed(words):
        return None
    head = text.split(",", 1)[0]
    if "," in text and is_name(head):
        return None  # "Jane Doe, University of X": an author's affiliation
    if any(w[:1].islower() and w.lower() not in SMALL_WORDS for w in words):
        return None
    return text


def issuer_line(header: Sequence[Line], subtitle: str | None) -> Line | None:
    """The header line taken as the subtitle when it only names an organisation.

    "Annual Budget Summary 2026-27 / City of Carrowmore Council": a line under the title that
    reads as an organisation's name is who issued the document, not its subtitle.
    """
    if subtitle is None or _organisation(subtitle) != subtitle.strip():
        return None
    return next((ln for ln in header if ln.text.strip() == subtitle.strip()), None)


def _series_issuer(text: str) -> str | None:
    """The organisation that opens a series line ("Meridian Institute Working Paper No. 4").

    The series is a kind of document, with at most one word before it ("Working", "Policy").
    """
    words = text.split()
    for k in range(max(1, len(words) - 5), len(words)):
        tail = " ".join(words[k:])
        kind = next((j for j, w in enumerate(words[k:]) if DOCUMENT_KIND.fullmatch(w)), 9)
        name = _organisation(" ".join(words[:k]))
        if name is not None and kind <= 1 and series_name(tail) == tail:
            return name
    return None


def _spelling(name: str, texts: Iterable[str]) -> str:
    """The mixed-case spelling the document uses for a name printed in capitals."""
    if not name.isupper():
        return name
    for text in texts:
        for match in _phrase(name).finditer(text):
            found = match.group(0)
            if not found.isupper():
                return " ".join(found.split())
    return title_case(name)


def printed_publisher(
    lines: Sequence[Line],
    header: Sequence[Line],
    body_size: float,
    *,
    cover: bool,
    running: Sequence[str] = (),
    texts: Sequence[str] = (),
) -> tuple[str | None, Line | None]:
    """The publisher a first page prints, and the line that prints it.

    On a cover every line outside the header may name it; on a page that opens into the text,
    only the lines above the title, and a dateline between the title and the first prose. A
    name the running lines of the other pages repeat wins over the first one found; with none
    on the page, an organisation the running lines repeat is the publisher. `texts` (the
    document's other lines) give the spelling of a name printed in capitals.
    """
    used = {id(ln) for ln in header}
    title_at = next(
        (k for k, ln in enumerate(lines) if id(ln) in used and ln.size > body_size), None
    )
    found: list[tuple[str, Line]] = []
    for k, line in enumerate(lines):
        if not cover and is_prose(line, body_size):
            break
        below = not cover and title_at is not None and k >= title_at
        if id(line) in used or (below and not _dateline(line.text)):
            continue
        for part in SEPARATORS.split(line.text.strip()):
            name = _organisation(part) or _series_issuer(part)
            if name is not None:
                found.append((name, line))
                break
    spelled = [*running, *texts]
    if not found:
        return _running_name(running, spelled), None
    repeated = [(n, ln) for n, ln in found if any(_phrase(n).search(t) for t in running)]
    name, line = (repeated or found)[0]
    return _spelling(name, spelled), line


def _dateline(text: str) -> bool:
    """Whether a line is a dateline: parts between separators, one a date or a series.

    Under the title and byline it names who issued the document ("Hollin Centre | Policy
    Brief No. 7 | March 2025"), where a lone organisation line is an author's affiliation.
    """
    parts = SEPARATORS.split(text.strip())
    return len(parts) > 1 and any(line_date(p) or series_name(p) for p in parts)


def _running_name(running: Sequence[str], spelled: Sequence[str]) -> str | None:
    """An organisation a running header or footer repeats ("Meridian Institute | Report 4")."""
    counts: Counter[str] = Counter()
    for text in running:
        for part in SEPARATORS.split(text.strip()):
            name = _organisation(part) or _series_issuer(part)
            if name is not None:
                counts[name] += 1
    repeated = [name for name, n in counts.most_common() if n >= 2]
    return _spelling(repeated[0], spelled) if repeated else None


def _phrase(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
