"""A contact block without a label: a name line over an e-mail address and a phone number.

A line that is only an address (an e-mail address, a web address or a phone number) is no
sentence; with the short lines set close above it in its type (the name and office it
reaches, up to two) and the other address lines under it, it is a contact block, not text
(titlepage.py cuts the labelled ones, "Contact: …", "Email: …"). A short line set beside the
address on its baseline, in its type, is the block's too: the logo line or strapline a foot
prints beside the web address ("RIVERSIDE TRUST - homes for all" … "www.riverside.org"). An
address that ends a
sentence (after "… or by email:", or under a full line left unfinished) is that sentence's,
and stays.
"""

from __future__ import annotations

import re

from bot.core.ingest.contact_details import EMAIL, WEB
from bot.core.ingest.pdf.lines import Line

_ADDRESS = re.compile(rf"^(?:{EMAIL}\.?|(?:{WEB})\S+)$")
# a phone number: digits in groups, nine to fifteen of them ("+46 010 556 2318", "(202)
# 555-0143"); a year range ("2023-2024") has fewer
_PHONE = re.compile(r"^\+?\(?\d[\d ()./-]*\d$")
_ABOVE = 2  # short lines above the first address that the block reaches
_MAX_WORDS = 12
_FULL = 0.8  # a line this share of its column's width wide is running text


def is_address(text: str) -> bool:
    """Whether a line is only an e-mail address, a web address or a phone number."""
    text = text.strip()
    if _PHONE.match(text):
        return 9 <= sum(c.isdigit() for c in text) <= 15
    return bool(_ADDRESS.match(text))


def cut_address_blocks(columns: list[list[Line]]) -> list[list[Line]]:
    """The columns without their unlabelled contact blocks (see the module doc)."""
    kept: list[list[Line]] = []
    for col in columns:
        if not any(is_address(ln.text) for ln in col):
            kept.append(col)
            continue
        left, right = min(ln.x0 for ln in col), max(ln.x1 for ln in col)
        full = left + _FULL * (right - left)
        doomed: set[int] = set()
        for k, line in enumerate(col):
            if not is_address(line.text) or id(line) in doomed:
                continue
            above = col[k - 1] if k else None
            if above is not None and _close(above, line) and _goes_on(above, full):
                continue  # the address ends the sentence above ("… or by email:")
            block = [line]
            j = k - 1
            while j >= 0 and k - j <= _ABOVE and _part(col[j], block[0], full):
                block.insert(0, col[j])
                j -= 1
            j = k + 1
            while j < len(col) and _close(block[-1], col[j]) and is_address(col[j].text):
                block.append(col[j])
                j += 1
            block += [o for o in col if _beside(o, line)]
            doomed.update(id(ln) for ln in block)
        rest = [ln for ln in col if id(ln) not in doomed]
        if rest:
            kept.append(rest)
    return kept


def _beside(other: Line, address: Line) -> bool:
    """Whether a short line in the address's type stands beside it on its baseline."""
    return (
        other is not address
        and abs(other.base - address.base) < 0.3 * max(address.size, 1.0)
        and abs(other.size - address.size) < 0.3
        and (other.x1 <= address.x0 or other.x0 >= address.x1)
        and not other.cells
        and len(other.text.split()) <= _MAX_WORDS
        and not _ends(other.text)
    )


def _close(above: Line, line: Line) -> bool:
    """Two lines in one type, one under the other at a line's distance."""
    return abs(above.size - line.size) < 0.3 and 0 < above.base - line.base < 1.8 * max(
        line.size, 1.0
    )


def _goes_on(above: Line, full: float) -> bool:
    """Whether an address under this line ends the line's sentence.

    So it does after a label ("… or by email:") or a full line of running text left unfinished.
    """
    text = above.text.rstrip()
    if is_address(text):
        return False
    return text.endswith(":") or (above.x1 >= full and not text.endswith((".", "!", "?")))


def _ends(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":"))


def _part(line: Line, below: Line, full: float) -> bool:
    """Whether a line above a contact block's first line is part of it (a name, an office)."""
    return (
        _close(line, below)
        and line.bold == below.bold
        and not line.bullet
        and not line.cells
        and line.x1 < full
        and len(line.text.split()) <= _MAX_WORDS
        and not _ends(line.text)
    )
