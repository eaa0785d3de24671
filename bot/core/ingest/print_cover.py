"""A print export's cover: its title, date and authors, which are no text.

A document-type label ("Issue Brief") with the title before it, a date and an author line.
"""

from __future__ import annotations

import re

from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.print_lines import (
    DATE_ALONE,
    MONTHS,
    SENTENCE_END,
    PrintLine,
    is_caps_heading,
    iso_month,
)

_DOC_TYPE = re.compile(
    r"(?:^|\s)((?:(?-i:[A-Z]{2,8})\s+)?(?:(?:issue|policy|research|briefing|discussion|working|"
    r"white|occasional|analysis|conference|strategy|special)\s+(?:brief|paper|note|report))"
    r"(?:\s+(?:no\.?|number|#)\s*[\d-]+)?)\s*$",
    re.I,
)
_DATE_LINE = re.compile(rf"^\s*((?:{MONTHS})\s+\d{{4}})\b\s*(.*)$", re.I)
_AUTHOR_LINE = re.compile(r"^\s*(?:authors?|by|written by)[:\s]+(.+)$", re.I)


def read_cover(pages: list[tuple[str, list[PrintLine]]]) -> DocumentMeta:
    """Title, date and author from a cover block on the first page (removed from the text)."""
    if not pages:
        return DocumentMeta()
    lines = pages[0][1]
    for k, line in enumerate(lines[:80]):
        label = _DOC_TYPE.search(line.text)
        if not label:
            continue
        before = line.text[: label.start(1)].strip()
        start = k
        after = _title_after(lines, k)
        masthead = before.endswith(("—", "–", "-", "|", ":")) or (
            not before and k > 0 and is_caps_heading(lines[k - 1].text.strip())
        )
        if after and (masthead or (not before and k == 0)):
            # "PUBLISHER — WORKING PAPER" or a publisher line over the label: the title follows
            title, end_title = after
            meta = _byline_after(lines, end_title)
            del lines[: meta[2]]
            return DocumentMeta(title=_title_case(title), authors=meta[0], date=meta[1])
        if before:
            title = before
        else:
            run: list[str] = []
            j = k - 1
            while (
                j >= 0
                and len(run) < 7
                and len(lines[j].text.strip()) <= 40
                and not SENTENCE_END.search(lines[j].text.strip())
            ):
                run.insert(0, lines[j].text.strip())
                j -= 1
            title = " ".join(run)
            start = j + 1
        if not title:
            continue
        date = author = None
        end = k + 1
        for j in range(max(0, start - 4), min(len(lines), k + 4)):
            text = lines[j].text.strip()
            dated = _DATE_LINE.match(text)
            byline = _AUTHOR_LINE.match(text)
            if dated:
                date = dated.group(1)
                if dated.group(2).strip():
                    author = dated.group(2).strip()
            elif byline:
                author = byline.group(1).strip()
            else:
                continue
            if j >= end:
                end = j + 1
            start = min(start, j)
        if end < len(lines) and all(len(x.text) <= 45 for x in lines[end:]) and author:
            end = len(lines)  # the cover's blurb, in a narrow box beside the title
        del lines[start:end]
        return DocumentMeta(
            title=_title_case(title),
            authors=(_title_case(author),) if author else (),
            date=iso_month(date),
        )
    return DocumentMeta()


def _title_after(lines: list[PrintLine], k: int) -> tuple[str, int] | None:
    """The title printed after a cover's label line: short lines up to a byline or date."""
    run: list[str] = []
    j = k + 1
    while j < len(lines) and len(run) < 3:
        text = lines[j].text.strip()
        if _byline(text) or DATE_ALONE.match(text) or SENTENCE_END.search(text) or len(text) > 80:
            break
        run.append(text)
        j += 1
    return (
        (" ".join(run), j)
        if run
        and j < len(lines)
        and (_byline(lines[j].text.strip()) or DATE_ALONE.match(lines[j].text.strip()))
        else None
    )


_ROLE_WORDS = frozenset(
    """fellow senior director professor analyst economist researcher editor chief head
    associate assistant lecturer adviser advisor manager president chair scholar consultant
    correspondent reporter author""".split()
)


def _byline(text: str) -> tuple[str, ...] | None:
    """Authors of a cover line: "By A", "A and B", "A, Senior Fellow"."""
    from bot.core.ingest.metadata import is_name, parse_byline

    head, _, role = text.partition(",")
    if (
        role.strip()
        and is_name(head.strip())
        and len(role.split()) <= 6
        and _ROLE_WORDS & set(role.lower().split())
    ):
        return (head.strip(),)
    return parse_byline(text)


def _byline_after(lines: list[PrintLine], j: int) -> tuple[tuple[str, ...], str | None, int]:
    """Authors and date in the few lines after a cover title; and where the cover ends."""
    authors: tuple[str, ...] = ()
    date = None
    end = j
    for k in range(j, min(len(lines), j + 4)):
        text = lines[k].text.strip()
        found = _byline(text)
        dated = re.match(
            rf"^(?:\d{{1,2}}\s+)?((?:{MONTHS}))\s+(?:\d{{1,2}},?\s+)?(\d{{4}})$", text, re.I
        )
        if found and not authors:
            authors = found
        elif dated:
            date = iso_month(f"{dated.group(1)} {dated.group(2)}")
            day = re.match(r"^(\d{1,2})\s", text)
            if day and date:
                date = f"{date}-{int(day.group(1)):02d}"
        elif len(text.split()) > 5:
            break
        end = k + 1
    return authors, date, end


def _title_case(text: str) -> str:
    if sum(c.isupper() for c in text) < 0.6 * sum(c.isalpha() for c in text):
        return " ".join(text.split())
    small = {"and", "the", "of", "for", "in", "on", "a", "an", "to", "or", "at", "by"}
    words = text.lower().split()
    return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))
