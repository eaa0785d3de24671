"""A statistics release's title block in plain text: its kind line, dated fields, issuer.

An official release opens with the kind of document on a line of its own ("Statistical
bulletin") over its title, then stacked field lines ("Release date: 15 May 2025", "Next
release: 12 June 2025", a status line) and the issuer's name alone. The kind line is no title;
the release date is the date and no text; another dated field is a fact of its own (a sentence
as printed, closed by a full stop), never glued to the lines around it; the issuer's line is
the publication. Only the blocks before the first list or numbered line are the title block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine
from bot.core.ingest.metadata import is_header_line
from bot.core.ingest.organisations import SMALL_WORDS, headed
from bot.core.ingest.pdf.titlepage import DOCUMENT_KIND

_TITLE_BLOCKS = 8
_FIELD = re.compile(r"^([A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3})\s*:\s+(\S.*)$")
# the label of the document's own date: "Release date", "Published", "Date of issue"
_OWN_DATE = re.compile(
    r"^(?:(?:release|publication|issue)\s+date|date(?:\s+of\s+(?:release|publication|issue))?"
    r"|published|released|issued)$",
    re.I,
)
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
_SHORT_WORDS = 8
_KIND_WORDS = 3


def _dated(line: str) -> tuple[str, str] | None:
    """(label, ISO date) of a field line that gives a whole date, else None."""
    match = _FIELD.match(line.strip())
    if not match:
        return None
    value = match.group(2).strip().rstrip(".")
    dates = [f for f in find_figures(value) if f.kind == "date"]
    if not dates or dates[0].end - dates[0].start < len(value) - 1:
        return None
    return match.group(1), iso_date(dates[0])


def _short(line: SourceLine) -> bool:
    text = line.text.strip()
    return len(text.split()) <= _SHORT_WORDS and not text.endswith(".")


def _issuer(block: Block) -> str | None:
    """The organisation a lone line names ("Northmark Office for Statistics"), else None."""
    if len(block.lines) != 1 or not _short(block.lines[0]):
        return None
    words = block.text.split()
    capitalised = all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)
    return block.text.strip() if len(words) > 1 and capitalised and headed(words) else None


def _kind_line(block: Block, below: Block | None) -> bool:
    """Whether a first line only names the kind of document ("Statistical bulletin").

    A word or three in sentence case, the last a kind of document, over a longer line.
    """
    words = block.text.split()
    return (
        below is not None
        and len(block.lines) == 1
        and 1 <= len(words) <= _KIND_WORDS
        and DOCUMENT_KIND.fullmatch(words[-1].lower()) is not None
        # a label in sentence case; "Harbour Report" in title case is a name, the title
        and all(w.islower() for w in words[1:])
        and not block.text.rstrip().endswith((".", ":"))
        and len(below.lines) == 1
        and len(below.text.split()) > len(words)
    )


def read_release_fields(
    blocks: Sequence[Block], meta: DocumentMeta
) -> tuple[list[Block], DocumentMeta]:
    """The blocks with a release's title block read (see the module), and the metadata.

    Applies only where the title block stacks two field lines or more, one of them a dated
    field, under the release's first sentence: a lone "Date: …" line and the stacks above
    that sentence are left to the header's rules.
    """
    end = next(
        (
            k
            for k, b in enumerate(blocks)
            if b.kind != "paragraph" or _NUMBERED.match(b.lines[0].text)
        ),
        len(blocks),
    )
    end = min(end, _TITLE_BLOCKS)
    # the header's rules read the stacks above its first sentence (`split_header_stack`):
    # a stack under the release's summary sentence is left to this one
    opened = next(
        (
            k
            for k, b in enumerate(blocks[:end])
            if not all(is_header_line(ln.text) for ln in b.lines)
        ),
        end,
    )
    at = next(
        (
            k
            for k, b in enumerate(blocks[:end])
            if k > opened
            and len(b.lines) >= 2
            and all(_short(line) for line in b.lines)
            and any(_dated(line.text) for line in b.lines)
        ),
        None,
    )
    if at is None:
        return list(blocks), meta
    date = meta.date
    made: list[Block] = []
    for line in blocks[at].lines:
        dated = _dated(line.text)
        if dated and _OWN_DATE.match(dated[0]):
            date = date or dated[1]
            continue
        text = line.text.rstrip()
        made.append(
            Block("paragraph", (replace(line, text=f"{text}." if dated else text),), alone=True)
        )
    out = [*blocks[:at], *made, *blocks[at + 1 :]]
    publication = meta.publication
    for k in (at + len(made), at - 1):  # the issuer's line right under or over the fields
        if 0 <= k < len(out) and publication is None and (named := _issuer(out[k])):
            publication = named
            out.pop(k)
            break
    if out and _kind_line(out[0], out[1] if len(out) > 1 else None):
        out = out[1:]
    return out, replace(meta, date=date, publication=publication)


# "Related links", "See also", "Useful links": the label over a list of links to other pages
_LINKS_LABEL = re.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?:related\s+(?:links|content|pages|publications|releases|articles)"
    r"|see\s+also|useful\s+links|links)\s*:?$",
    re.I,
)
_LINK_TITLE_WORDS = 12


def without_related_links(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without a "Related links" label and the link titles under it.

    The titles are a block of short lines, one a line, none closed by a full stop ("Labour
    Force Survey: user guide"): they name other pages, and say nothing. A label over text
    that reads as sentences stays.
    """
    out = list(blocks)
    k = 0
    while k < len(out):
        label = out[k]
        # the titles on the lines under the label, or in the block after it
        stacked = len(label.lines) > 1
        titles = label.lines[1:] if stacked else out[k + 1].lines if k + 1 < len(out) else ()
        if (
            _LINKS_LABEL.match(label.lines[0].text.strip())
            and (stacked or out[k + 1].kind in ("paragraph", "list"))
            and titles
            and all(_link_title(line.text) for line in titles)
        ):
            del out[k : k + (1 if stacked else 2)]
            continue
        k += 1
    return out


def _link_title(text: str) -> bool:
    """Whether a line reads as a link's title: short, not closed like a sentence."""
    return len(text.split()) <= _LINK_TITLE_WORDS and not text.rstrip().endswith(
        (".", "!", "?", ":")
    )
