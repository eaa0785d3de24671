"""A contact card on a page: who to call or write to, no fact of the page's subject.

An `<address>` element holds contact details (HTML's element for them); so does a block of
short lines, one a line break apart, that reach someone (a phone number, an e-mail address)
and state nothing: "Jonas Whitlock / Press Secretary / 250-555-0142 / media@…".
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import html as lxml_html

from bot.core.ingest.contact_details import CONTACT

__all__ = ["contact_card"]

_CARD_TAGS = frozenset("p div".split())
_LINE_WORDS = 8  # a card's line: a name, a post, a street, a number
_STATED = re.compile(r"[.!?][\"”’)]?$")


def contact_card(element: lxml_html.HtmlElement) -> bool:
    """Whether the element is a contact card: an <address>, or short lines reaching someone."""
    if element.tag == "address":
        return True
    if element.tag not in _CARD_TAGS or next(element.iter("br"), None) is None:
        return False
    if any(isinstance(c.tag, str) and c.tag in _CARD_TAGS for c in element):
        return False  # a box of blocks, read block by block
    lines = [t.strip() for t in _lines(element) if t.strip()]
    if len(lines) < 2 or not any(CONTACT.search(t) for t in lines):
        return False
    return all(
        len(t.split()) <= _LINE_WORDS and (CONTACT.search(t) or not _STATED.search(t))
        for t in lines
    )


def _lines(element: lxml_html.HtmlElement) -> list[str]:
    """The element's text, one entry per line its <br>s end."""
    copy = deepcopy(element)
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(copy.text_content()).split("\n")
