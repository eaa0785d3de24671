"""A newspaper's letters page: letters under their headlines, each signed "Name, Town".

A letter is a headline alone on its line, its paragraphs (each ending a sentence) and a
signature line: a person's name, then perhaps their role, organisation or town after commas
("Dr Ada Lowe, Civic Trust, Eastfield"). Three letters or more, each straight after the one
before, make a letters page. Its headlines head sections; the signatures name the writers
(the page's authors) and are no text. Above the first letter the masthead in capitals is the
publication, a kicker in capitals ("OPINION") files the page, the last other short line
("Letters") is the title, and the box telling readers where to write (it gives an e-mail or web
address) is furniture; so are the short lines under the last letter (the page footer). Shapes
only: no rule names a paper or a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.contact_details import WEB
from bot.core.ingest.formats import Block, DocumentMeta
from bot.core.ingest.metadata import common_words, is_header_line, is_name
from bot.core.ingest.names import NAME_TITLES, TITLES, is_person
from bot.core.ingest.organisations import title_case
from bot.core.ingest.page_breaks import clean_line, ends_open

_MIN_LETTERS = 3
_SIGNATURE_PARTS = 4  # a name and up to three of role, organisation, town
_PART_WORDS = 6
_HEADLINE_WORDS = 15
_MASTHEAD_WORDS = 9
_ADDRESS = re.compile(rf"[\w.+-]+@[\w-]+\.[\w.-]+|{WEB}", re.I)
_FUNCTION_WORDS = frozenset("the a an for it of and in on to with our your my its by at".split())
_LINK_WORDS = frozenset("of the and for on in at upon under &".split())
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _person(part: str, common: frozenset[str]) -> str | None:
    """The name a signature opens with, an honorific ("Dr", "Rev.") dropped; None if no name."""
    words = part.split()
    k = 0
    while k < len(words) - 2 and words[k].lower() in TITLES | NAME_TITLES:
        k += 1
    name = " ".join(words[k:])
    if any(w.lower() in _FUNCTION_WORDS for w in words[k:]) or words[-1].lower() in common:
        return None  # "Paying For It", "Housing Benefit" (the text's "benefit"): no name
    return name if is_name(name) and is_person(name) else None


def signature(block: Block, common: frozenset[str] = frozenset()) -> str | None:
    """The writer a signature line names ("Janet Pilling, Eastfield" → "Janet Pilling").

    A surname is a word the text (`common`: its lower-case words) never writes in lower case.
    """
    if block.kind != "paragraph" or len(block.lines) != 1:
        return None
    text = clean_line(block.text)
    if not ends_open(text) or text.endswith(":"):
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > _SIGNATURE_PARTS or not all(parts):
        return None
    for part in parts[1:]:
        words = part.split()
        if len(words) > _PART_WORDS or not all(
            w[:1].isupper() or w.lower() in _LINK_WORDS for w in words
        ):
            return None
    return _person(parts[0], common)


def _headline(block: Block) -> bool:
    text = clean_line(block.text)
    return (
        block.kind == "paragraph"
        and len(block.lines) == 1
        and is_header_line(text)
        and len(text.split()) <= _HEADLINE_WORDS
        and text[:1].isupper() | (text[:1] in "\"“‘'")
    )


def _body(block: Block) -> bool:
    return block.kind == "paragraph" and not ends_open(clean_line(block.text))


def _letters(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """(headline, signature) indices of each letter, in order; [] if the letters break off.

    A letter's headline stands right under the signature before it; the first letter's is
    the nearest headline-shaped line above its paragraphs (a question may close one).
    """
    common = common_words("\n".join(block.text for block in blocks))
    found: list[tuple[int, int]] = []
    for s, block in enumerate(blocks):
        if signature(block, common) is None or s == 0 or not _body(blocks[s - 1]):
            continue  # a signature closes a letter's paragraphs
        if found:
            h = found[-1][1] + 1
            if h + 1 < s and _headline(blocks[h]) and all(map(_body, blocks[h + 1 : s])):
                found.append((h, s))
                continue
            return []  # text between two letters: not a page of letters
        h = s - 1
        while h >= 0 and _body(blocks[h]) and not (h < s - 1 and _headline(blocks[h])):
            h -= 1
        if h < s - 1 and h >= 0 and _headline(blocks[h]):
            found.append((h, s))
    return found if len(found) >= _MIN_LETTERS else []


def read_letters_page(blocks: Sequence[Block]) -> tuple[list[Block], DocumentMeta] | None:
    """The page's blocks (headlines as headings, furniture out) and its metadata; or None."""
    letters = _letters(blocks)
    if not letters:
        return None
    first = letters[0][0]
    above: list[Block] = []
    for block in blocks[:first]:  # a stack of short lines, one a line ("MASTHEAD" over its date)
        short = all(is_header_line(line.text) for line in block.lines)
        if block.kind == "paragraph" and short and len(block.lines) > 1:
            above.extend(
                Block("paragraph", (line,), block.gap_before if j == 0 else 0)
                for j, line in enumerate(block.lines)
            )
        else:
            above.append(block)
    publication = None
    if above and len(above[0].lines) == 1:
        top = clean_line(above[0].text)
        if top.isupper() and 1 < len(top.split()) <= _MASTHEAD_WORDS:
            publication = title_case(top)
            above = above[1:]
    title_at = None
    for k, block in enumerate(above):
        text = clean_line(block.text)
        if len(block.lines) == 1 and is_header_line(text) and not _YEAR.search(text):
            title_at = title_at if text.isupper() else k
    out: list[Block] = []
    for k, block in enumerate(above):
        text = clean_line(block.text)
        if k == title_at:
            out.append(Block("heading", block.lines, block.gap_before, level=2))
        elif title_at is not None and k < title_at and text.isupper():
            continue  # the page's kicker over its title
        elif not _ADDRESS.search(text):
            out.append(block)
    writers: list[str] = []
    for h, s in letters:
        out.append(Block("heading", blocks[h].lines, blocks[h].gap_before, level=3))
        out.extend(blocks[h + 1 : s])
        name = signature(blocks[s])
        if name and name not in writers:
            writers.append(name)
    out.extend(b for b in blocks[letters[-1][1] + 1 :] if not is_header_line(b.text))
    title = clean_line(above[title_at].text) if title_at is not None else None
    return out, DocumentMeta(title=title, publication=publication, authors=tuple(writers))
