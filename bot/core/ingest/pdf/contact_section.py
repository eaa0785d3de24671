"""A "Contact us" heading over a contact card: the name, the postal address, phone and e-mail.

A booklet's back cover (or a report's last page) sets a heading that says how to reach its
makers ("Contact us", "Contact details", "Get in touch", "How to contact us") over a few
short lines: the organisation's name, its street address, "Telephone 01632 …", an e-mail or
web address. Those lines are furniture, not text, and the heading names no section. Only a
card is cut: short lines (no sentence of running text), at least one of them an e-mail
address, a web address or a phone number. A section so headed that holds a sentence ("You
can write to us at any time; we answer within ten days.") stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.contact_details import CONTACT
from bot.core.ingest.pdf.blocks import Para

_HEADING = re.compile(
    r"^(?:contact(?:\s+us|\s+details|\s+information)?|get\s+in\s+touch"
    r"|how\s+to\s+(?:contact|reach)\s+us|where\s+to\s+find\s+us)$",
    re.I,
)
_CARD_LINES = 8
_LINE_WORDS = 10


def _is_card(paras: Sequence[Para]) -> bool:
    """Whether the paragraphs under a contact heading are only a contact card."""
    lines = [ln.text.strip() for para in paras for ln in para.lines if ln.text.strip()]
    if not lines or len(lines) > _CARD_LINES:
        return False
    if any(len(text.split()) > _LINE_WORDS or text.endswith(("?", "!", ";")) for text in lines):
        return False
    if any(text.endswith(".") and not CONTACT.search(text) for text in lines):
        return False  # a sentence, not an address line
    return any(CONTACT.search(text) for text in lines)


def cut_contact_section(paras: list[Para]) -> list[Para]:
    """The paragraphs without a "Contact us" heading and the contact card under it."""
    out: list[Para] = []
    k = 0
    while k < len(paras):
        para = paras[k]
        end = k + 1
        if para.kind == "heading" and _HEADING.match(
            " ".join(ln.text.strip() for ln in para.lines)
        ):
            while end < len(paras) and paras[end].kind != "heading":
                end += 1
            if end > k + 1 and _is_card(paras[k + 1 : end]):
                k = end
                continue
            end = k + 1
        out.append(para)
        k = end
    return out
